// The subcommands: set up plugins and rule packs, audit reports, render.
#include "commands.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "esgaudit/document.h"
#include "esgaudit/isolation.h"
#include "esgaudit/kpi.h"
#include "esgaudit/plugin_host.h"
#include "esgaudit/rule_packs.h"
#include "esgaudit/spellcheck.h"

namespace esgaudit::cli {
namespace fs = std::filesystem;
namespace {

void Error(Io io, const std::string& message) { io.err << "esgaudit: error: " << message << "\n"; }

// Plugins, rule directories and the rule catalogue every command but `extract` needs.
struct Engine {
  PluginSet plugins;
  std::vector<std::string> rules_dirs;
  std::vector<RuleInfo> rules;  // sorted by id
};

// Loads plugins (refusals are reported, exit 3 later) and validates rule packs and rule globs.
// Sets *status to the outcome so far; returns false when the command cannot go on (exit 2).
bool SetUp(const Settings& s, Io io, Engine* e, ExitStatus* status) {
  std::vector<std::string> plugin_dirs = s.plugin_dirs;
  for (const std::string& d : s.plugin_dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) {
      Error(io, d + ": plugin directory does not exist");
      *status = ExitStatus::kUsageOrInput;
      return false;
    }
  }
  if (s.default_plugins) {
    for (const std::string& d : DefaultPluginDirs()) plugin_dirs.push_back(d);
  }
  e->plugins.LoadFrom(plugin_dirs);
  for (const std::string& m : e->plugins.errors()) {
    Error(io, m);
    *status = ExitStatus::kInternal;
  }
  if (e->plugins.plugins().empty()) {
    // An audit without rules must never pass a CI gate silently.
    std::string searched;
    for (const std::string& d : plugin_dirs) searched += (searched.empty() ? "" : ", ") + d;
    Error(io, "no plugins found (searched: " + (searched.empty() ? std::string("no directory") : searched) + ")");
    *status = ExitStatus::kInternal;
  }
  for (const std::string& d : s.rules_dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec)) {
      Error(io, d + ": rules directory does not exist");
      *status = ExitStatus::kUsageOrInput;
      return false;
    }
  }
  e->rules_dirs = s.rules_dirs;
  for (const std::string& d : DefaultRulesDirs()) e->rules_dirs.push_back(d);
  Status packs = ValidateRulePacks(e->rules_dirs);
  if (!packs.ok()) {
    Error(io, packs.message());
    *status = ExitStatus::kUsageOrInput;
    return false;
  }
  for (const PluginRef& p : e->plugins.plugins()) {
    for (const RuleInfo& r : p.rules) e->rules.push_back(r);
  }
  e->rules.push_back(RuleInfo{"esgaudit.plugin-error", ESGAUDIT_ERROR,
                              "a plugin failed while auditing a report", "esgaudit/plugin-error.md",
                              "esgaudit"});
  e->rules.push_back(RuleInfo{"esgaudit.plugin-crash", ESGAUDIT_ERROR,
                              "a plugin crashed while auditing a report (isolated audit)",
                              "esgaudit/plugin-crash.md", "esgaudit"});
  e->rules.push_back(RuleInfo{"esgaudit.plugin-timeout", ESGAUDIT_ERROR,
                              "a plugin ran past --timeout on a report and was stopped (isolated audit)",
                              "esgaudit/plugin-timeout.md", "esgaudit"});
  std::sort(e->rules.begin(), e->rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  std::vector<std::string> ids;
  for (const RuleInfo& r : e->rules) ids.push_back(r.id);
  auto check_globs = [&](const std::vector<std::string>& globs, const char* option) {
    for (const std::string& g : globs) {
      RuleSelection probe;
      probe.Enable(g);
      bool any = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
        return id.rfind("esgaudit.", 0) != 0 && probe.Enabled(id);
      });
      if (!any) {
        Error(io, std::string(option) + ": unknown rule '" + g + "'" + DidYouMean(g, ids));
        return false;
      }
    }
    return true;
  };
  if (!check_globs(s.selection.enable_globs(), "--enable") ||
      !check_globs(s.selection.disable_globs(), "--disable")) {
    *status = ExitStatus::kUsageOrInput;
    return false;
  }
  return true;
}

bool IsReportFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".md" || ext == ".pdf";
}

// Files named on the command line, directories expanded (recursively, sorted). Problems are
// reported and make the status 2; the other inputs still go ahead.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, Io io, ExitStatus* status) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      files.push_back(in);  // Document::Load reports a missing or unreadable file
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec) && IsReportFile(it->path())) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      Error(io, in + ": directory has no reports (.txt, .md, .pdf)");
      *status = Worse(*status, ExitStatus::kUsageOrInput);
    }
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// Writes `content` to `path` whole or not at all (temporary file, then rename).
Status WriteWhole(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::InputError(path + ": cannot write output file");
    f << content;
    f.flush();
    if (!f) {
      f.close();
      std::remove(tmp.c_str());
      return Status::InputError(path + ": error writing output file");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::InputError(path + ": cannot write output file");
  }
  return Status::Ok();
}

ExitStatus Emit(const Settings& s, Io io, const std::string& content) {
  if (s.output.empty() || s.output == "-") {
    io.out << content;
    io.out.flush();
    return ExitStatus::kOk;
  }
  Status w = WriteWhole(s.output, content);
  if (!w.ok()) {
    Error(io, w.message());
    return ExitStatus::kUsageOrInput;
  }
  return ExitStatus::kOk;
}

struct Audit {
  std::vector<ReportResult> results;  // in input order
  std::vector<bool> loaded;           // false where the input could not be read
  ExitStatus status = ExitStatus::kOk;
};

// Loads and audits every input with every plugin, `jobs` reports at a time. Deterministic: results
// are kept in input order and canonicalised; stderr lines are printed in input order too.
Audit AuditAll(const Settings& s, Io io, const Engine& e, const std::vector<std::string>& files,
               const std::vector<KpiRecord>* kpis, const std::string& mode) {
  Audit a;
  a.results.resize(files.size());
  a.loaded.assign(files.size(), false);
  std::vector<std::vector<std::string>> errors(files.size());
  std::vector<ExitStatus> statuses(files.size(), ExitStatus::kOk);
  RunOptions options;
  options.lang = s.lang;
  options.mode = mode;
  options.rules_dirs = e.rules_dirs;
  options.selection = &s.selection;
  options.kpis = kpis;
  // One input: load, run every plugin, canonicalise. With a channel (a child process) the parent
  // learns which plugin runs and gets the outcome after each, so a crash keeps what was done.
  auto audit_one = [&](size_t i, ChildChannel* channel) {
    AuditOutcome o;
    ReportResult& r = o.result;
    r.path = files[i];
    Document doc;
    Status st = Document::Load(files[i], &doc);
    if (!st.ok()) {
      o.errors.push_back(st.message());
      o.status = st.code();
      return o;
    }
    o.loaded = true;
    r.sha256 = doc.sha256();
    r.encoding = doc.encoding();
    r.page_count = doc.page_count();
    for (const PluginRef& p : e.plugins.plugins()) {
      if (channel != nullptr) {
        channel->Snapshot(o);
        channel->Running(p.name);
      }
      Status ps = RunPlugin(p, doc, options, &r);
      if (!ps.ok()) {
        o.errors.push_back(ps.message());
        o.status = Worse(o.status, ps.code());
      }
    }
    Canonicalize(&r);
    return o;
  };
  unsigned jobs = s.jobs != 0 ? s.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, files.size())));
  const bool isolate = s.isolate < 0 ? files.size() > 1 : s.isolate > 0;
  std::vector<AuditOutcome> outcomes(files.size());
  if (isolate) {
    IsolationOptions iso;
    iso.jobs = jobs;
    iso.timeout_seconds = s.timeout_seconds;
    outcomes = AuditIsolated(files, iso, [&](size_t i, ChildChannel* channel) {
      channel->Snapshot(audit_one(i, channel));
    });
  } else {
    std::atomic<size_t> next{0};
    auto worker = [&] {
      for (size_t i = next++; i < files.size(); i = next++) outcomes[i] = audit_one(i, nullptr);
    };
    if (jobs <= 1) {
      worker();
    } else {
      std::vector<std::thread> threads;
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
      for (std::thread& t : threads) t.join();
    }
  }
  for (size_t i = 0; i < files.size(); ++i) {
    a.results[i] = std::move(outcomes[i].result);
    a.loaded[i] = outcomes[i].loaded;
    errors[i] = std::move(outcomes[i].errors);
    statuses[i] = outcomes[i].status;
  }
  for (size_t i = 0; i < files.size(); ++i) {
    for (const std::string& m : errors[i]) Error(io, m);
    a.status = Worse(a.status, statuses[i]);
  }
  return a;
}

std::vector<ReportResult> LoadedOnly(const Audit& a) {
  std::vector<ReportResult> out;
  for (size_t i = 0; i < a.results.size(); ++i) {
    if (a.loaded[i]) out.push_back(a.results[i]);
  }
  return out;
}

ExitStatus LoadKpis(const Settings& s, Io io, std::vector<KpiRecord>* kpis) {
  if (s.data.empty()) return ExitStatus::kOk;
  Status st = LoadKpiData(s.data, kpis);
  if (st.ok()) return ExitStatus::kOk;
  Error(io, st.message());
  kpis->clear();
  return st.code();
}

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

const char* FactKindName(esgaudit_fact_kind k) {
  switch (k) {
    case ESGAUDIT_FACT_PERCENT:
      return "percent";
    case ESGAUDIT_FACT_YEAR:
      return "year";
    case ESGAUDIT_FACT_DATE:
      return "date";
    case ESGAUDIT_FACT_ORDINAL:
      return "ordinal";
    case ESGAUDIT_FACT_CODE:
      return "code";
    default:
      return "quantity";
  }
}

std::string Qualifiers(uint32_t q) {
  std::string out;
  if (q & ESGAUDIT_QUAL_APPROX) out += out.empty() ? "approx" : ",approx";
  if (q & ESGAUDIT_QUAL_MORE) out += out.empty() ? "more" : ",more";
  if (q & ESGAUDIT_QUAL_LESS) out += out.empty() ? "less" : ",less";
  if (q & ESGAUDIT_QUAL_NEGATIVE) out += out.empty() ? "negative" : ",negative";
  return out;
}

std::string RenderFacts(const Document& doc, const std::string& format) {
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const NumericFact& f : doc.facts()) {
      Location l = LocateIn(doc, f.offset, f.length);
      list.push_back({{"line", l.line},
                      {"column", l.column},
                      {"page", l.page == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(l.page)},
                      {"offset", f.offset},
                      {"length", f.length},
                      {"text", doc.text().substr(f.offset, f.length)},
                      {"kind", FactKindName(f.kind)},
                      {"value", f.value},
                      {"printed", f.printed},
                      {"decimals", f.decimals},
                      {"magnitude", f.magnitude},
                      {"unit", f.unit},
                      {"qualifiers", Qualifiers(f.qualifiers)},
                      {"label", f.label},
                      {"column_label", f.column_label}});
    }
    nlohmann::ordered_json root = {{"path", doc.path()}, {"facts", list}};
    return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  std::ostringstream out;
  for (const NumericFact& f : doc.facts()) {
    Location l = LocateIn(doc, f.offset, f.length);
    out << doc.path() << ":" << l.line << ":" << l.column << ": " << FactKindName(f.kind) << " "
        << FormatNumber(f.value);
    if (!f.unit.empty()) out << " " << f.unit;
    std::string q = Qualifiers(f.qualifiers);
    if (!q.empty()) out << " (" << q << ")";
    out << " \"" << doc.text().substr(f.offset, f.length) << "\"";
    if (!f.label.empty()) out << " label=\"" << f.label << "\"";
    if (!f.column_label.empty()) out << " column_label=\"" << f.column_label << "\"";
    out << "\n";
  }
  out << doc.facts().size() << " facts\n";
  return out.str();
}

}  // namespace

ExitStatus RunCheck(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!SetUp(s, io, &e, &status)) return status;
  std::vector<KpiRecord> kpis;
  status = Worse(status, LoadKpis(s, io, &kpis));
  std::vector<std::string> files = ExpandInputs(s.inputs, io, &status);
  Audit a = AuditAll(s, io, e, files, s.data.empty() ? nullptr : &kpis, "check");
  status = Worse(status, a.status);
  std::vector<ReportResult> reports = LoadedOnly(a);
  if (reports.empty() && status != ExitStatus::kOk) return status;  // nothing to write
  ReportOptions options;
  std::unique_ptr<Reporter> reporter = MakeReporter(s.format);
  status = Worse(status, Emit(s, io, reporter->Render(reports, options)));
  if (s.fail_on != "never") {
    esgaudit_severity threshold = s.fail_on == "error"     ? ESGAUDIT_ERROR
                                  : s.fail_on == "warning" ? ESGAUDIT_WARNING
                                                           : ESGAUDIT_INFO;
    for (const ReportResult& r : reports) {
      for (const Finding& f : r.findings) {
        if (f.severity >= threshold) status = Worse(status, ExitStatus::kFindings);
      }
    }
  }
  return status;
}

ExitStatus RunExtract(const Settings& s, Io io) {
  if (!s.relations) {
    Document doc;
    Status st = Document::Load(s.inputs.front(), &doc);
    if (!st.ok()) {
      Error(io, st.message());
      return st.code();
    }
    return Emit(s, io, s.structure ? RenderStructure(doc, s.format) : RenderFacts(doc, s.format));
  }
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!SetUp(s, io, &e, &status)) return status;
  std::vector<KpiRecord> kpis;
  status = Worse(status, LoadKpis(s, io, &kpis));
  Audit a = AuditAll(s, io, e, s.inputs, s.data.empty() ? nullptr : &kpis, "relations");
  status = Worse(status, a.status);
  std::vector<ReportResult> reports = LoadedOnly(a);
  if (reports.empty()) return status;
  if (s.format == "json") {
    ReportOptions options;
    options.include_relations = true;
    return Worse(status, Emit(s, io, RenderJson(reports, options)));
  }
  std::ostringstream out;
  size_t count = 0;
  for (const ReportResult& r : reports) {
    for (const RelationRecord& rel : r.relations) {
      ++count;
      out << rel.plugin << "." << rel.kind << ": " << rel.description << "\n";
      for (const Related& m : rel.members) {
        out << "  " << m.location.file << ":" << m.location.line << ":" << m.location.column << ": "
            << m.message << "\n";
      }
    }
  }
  out << count << " relation" << (count == 1 ? "" : "s") << "\n";
  return Worse(status, Emit(s, io, out.str()));
}

ExitStatus RunIndex(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!SetUp(s, io, &e, &status)) return status;
  Audit a = AuditAll(s, io, e, s.inputs, nullptr, "check");
  status = Worse(status, a.status);
  std::vector<ReportResult> reports = LoadedOnly(a);
  if (reports.empty()) return status;
  std::set<std::string> schemes;
  for (const CoverageRecord& c : reports.front().coverage) schemes.insert(c.scheme);
  if (schemes.count(s.scheme) == 0) {
    std::vector<std::string> known(schemes.begin(), schemes.end());
    Error(io, "no plugin reported coverage for scheme '" + s.scheme + "'" + DidYouMean(s.scheme, known));
    return Worse(status, ExitStatus::kUsageOrInput);
  }
  return Worse(status, Emit(s, io, RenderCoverageIndex(reports.front(), s.scheme, s.format)));
}

ExitStatus RunListPlugins(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!SetUp(s, io, &e, &status)) return status;
  if (s.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const PluginRef& p : e.plugins.plugins()) {
      list.push_back({{"name", p.name}, {"version", p.version},
                      {"abi", std::to_string(p.abi_major) + "." + std::to_string(p.abi_minor)},
                      {"description", p.description}, {"rules", p.rules.size()}});
    }
    io.out << list.dump(2) << "\n";
  } else {
    for (const PluginRef& p : e.plugins.plugins()) {
      io.out << p.name << " " << p.version << " (ABI " << p.abi_major << "." << p.abi_minor << "): " << p.description
             << " (" << p.rules.size() << " rules)\n";
    }
  }
  return status;
}

ExitStatus RunListRules(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!SetUp(s, io, &e, &status)) return status;
  if (s.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RuleInfo& r : e.rules) {
      list.push_back({{"id", r.id}, {"plugin", r.plugin}, {"severity", SeverityName(r.default_severity)},
                      {"summary", r.summary}, {"doc", r.doc}});
    }
    io.out << list.dump(2) << "\n";
  } else {
    for (const RuleInfo& r : e.rules) {
      io.out << r.id << " [" << SeverityName(r.default_severity) << "] " << r.summary << "\n";
    }
  }
  return status;
}

ExitStatus RunExplain(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!SetUp(s, io, &e, &status)) return status;
  const std::string& id = s.inputs.front();
  std::vector<std::string> ids;
  for (const RuleInfo& r : e.rules) {
    ids.push_back(r.id);
    if (r.id != id) continue;
    std::string path = FindRulesFile(e.rules_dirs, r.doc);
    std::ifstream in(path, std::ios::binary);
    if (path.empty() || !in) {
      Error(io, "rule '" + id + "' has no documentation (" + r.doc + " is in no rules directory)");
      return ExitStatus::kInternal;
    }
    std::ostringstream text;
    text << in.rdbuf();
    io.out << text.str();
    return status;
  }
  Error(io, "unknown rule '" + id + "'" + DidYouMean(id, ids));
  return ExitStatus::kUsageOrInput;
}

}  // namespace esgaudit::cli
