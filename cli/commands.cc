// The subcommands: audit reports through the core Audit call, apply the gate, render.
#include "commands.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string_view>

#include "esgaudit/document.h"
#include "esgaudit/gate.h"
#include "esgaudit/report.h"
#include "esgaudit/rule_packs.h"
#include "esgaudit/spellcheck.h"

namespace esgaudit::cli {
namespace fs = std::filesystem;
namespace {

void Error(Io io, const std::string& message) { io.err << "esgaudit: error: " << message << "\n"; }
void Warning(const Settings& s, Io io, const std::string& message) {
  if (!s.quiet) io.err << "esgaudit: warning: " << message << "\n";
}

EngineOptions EngineFrom(const Settings& s) {
  EngineOptions o;
  o.plugin_dirs = s.plugin_dirs;
  o.default_plugins = s.default_plugins;
  o.rules_dirs = s.rules_dirs;
  o.selection = s.selection;
  o.severities = s.severities;
  o.cache_dir = s.cache_dir;
  return o;
}

// Opens the engine for the listing commands; prints problems. False when nothing can run.
bool Open(const Settings& s, Io io, Engine* e, ExitStatus* status) {
  Diagnostics d;
  bool ok = OpenEngine(EngineFrom(s), e, &d);
  for (const std::string& m : d.errors) Error(io, m);
  *status = d.status;
  return ok;
}

AuditResult RunAudit(const Settings& s, Io io, const std::string& mode) {
  AuditRequest req;
  req.engine = EngineFrom(s);
  req.inputs = s.inputs;
  req.data = s.data;
  req.lang = s.lang;
  req.mode = mode;
  req.join = s.join;
  req.require = s.require;
  req.jobs = s.jobs;
  req.isolate = s.isolate;
  req.timeout_seconds = s.timeout_seconds;
  if (s.progress) {
    req.progress = [io](size_t done, size_t total, const std::string& path) {
      io.err << "\r\x1b[K[" << done << "/" << total << "] " << path << (done == total ? "\r\x1b[K" : "") << std::flush;
    };
  }
  AuditResult a = Audit(req);
  for (const std::string& m : a.diagnostics.errors) Error(io, m);
  return a;
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

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// An output file that is also an input (or lies in an input directory's reports) would destroy or
// feed back into the audit: refused before anything runs.
std::string OutputOntoInput(const Settings& s) {
  std::vector<std::string> outputs;
  if (!s.output.empty() && s.output != "-") outputs.push_back(s.output);
  for (const auto& [format, file] : s.format_files) outputs.push_back(file);
  if (!s.write_baseline.empty()) outputs.push_back(s.write_baseline);
  for (const std::string& out : outputs) {
    for (const std::string& in : s.inputs) {
      if (in != "-" && SameFile(out, in)) return out + ": output file is an input; choose another file";
    }
    if (!s.data.empty() && SameFile(out, s.data)) return out + ": output file is the --data file; choose another file";
  }
  return "";
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

std::vector<std::pair<std::string, std::string>> EffectiveOptions(const Settings& s) {
  std::map<std::string, std::string> o;
  o["fail-on"] = s.fail_on;
  o["lang"] = s.lang.empty() ? "auto" : s.lang;
  if (!s.selection.enable_globs().empty()) o["enable"] = Joined(s.selection.enable_globs());
  if (!s.selection.disable_globs().empty()) o["disable"] = Joined(s.selection.disable_globs());
  std::vector<std::string> sev;
  for (const auto& [glob, level] : s.severities) sev.push_back(glob + "=" + SeverityName(level));
  if (!sev.empty()) o["severity"] = Joined(sev);
  if (!s.require.empty()) o["require"] = Joined(s.require);
  if (!s.baseline.empty()) o["baseline"] = s.baseline;
  if (!s.waivers.empty()) o["waivers"] = s.waivers;
  if (!s.plugin_dirs.empty()) o["plugins-dir"] = Joined(s.plugin_dirs);
  if (!s.rules_dirs.empty()) o["rules-dir"] = Joined(s.rules_dirs);
  if (!s.default_plugins) o["no-default-plugins"] = "true";
  return {o.begin(), o.end()};
}

std::map<std::string, std::string> RuleDocs(const std::vector<RuleInfo>& rules, const std::vector<std::string>& dirs) {
  std::map<std::string, std::string> docs;
  for (const RuleInfo& r : rules) {
    std::string path = FindRulesFile(dirs, r.doc);
    if (path.empty()) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    docs[r.id] = text.str();
  }
  return docs;
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
                      {"unit", f.unit.str()},
                      {"qualifiers", Qualifiers(f.qualifiers)},
                      {"label", f.label.str()},
                      {"column_label", f.column_label.str()}});
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
  std::string clash = OutputOntoInput(s);
  if (!clash.empty()) {
    Error(io, clash);
    return ExitStatus::kUsageOrInput;
  }
  GateOptions gate;
  gate.never = s.fail_on == "never";
  gate.threshold = s.fail_on == "warning" ? ESGAUDIT_WARNING : s.fail_on == "info" ? ESGAUDIT_INFO : ESGAUDIT_ERROR;
  gate.today = Today();
  if (!s.waivers.empty()) {
    Status st = LoadWaivers(s.waivers, &gate.waivers);
    if (!st.ok()) {
      Error(io, st.message());
      return st.code();
    }
  }
  Baseline baseline;
  if (!s.baseline.empty()) {
    Status st = LoadBaseline(s.baseline, &baseline);
    if (!st.ok()) {
      Error(io, st.message());
      return st.code();
    }
    gate.baseline = &baseline;
  }

  AuditResult a = RunAudit(s, io, "check");
  ExitStatus status = a.diagnostics.status;
  if (!a.ran) return status;
  if (a.enabled_rules == 0 && !a.plugins.empty()) {
    // An audit that checks nothing must never pass a gate, whatever --fail-on says.
    Error(io, "no rule is enabled (--enable/--disable leave none of " + std::to_string(std::count_if(a.rules.begin(), a.rules.end(), [](const RuleInfo& r) {
            return r.id.rfind("esgaudit.", 0) != 0;
          })) +
                  " rules); an audit without rules cannot pass");
    status = Worse(status, ExitStatus::kUsageOrInput);
  }
  GateResult g = ApplyGate(gate, &a.reports);
  for (const std::string& w : g.warnings) Warning(s, io, w);
  status = Worse(status, g.status);

  RunManifest m;
  m.plugins = a.plugins;
  m.rule_packs = a.rule_packs;
  m.inputs = a.inputs;
  m.data = a.data;
  m.config_file = s.config_file;
  m.options = EffectiveOptions(s);
  m.failed = a.failed;
  m.summaries = g.summaries;
  m.expired_waivers = g.expired_waivers;
  m.unused_waivers = g.unused_waivers;
  m.baseline_absent = g.baseline_absent;
  m.enabled_rules = a.enabled_rules;
  m.exit_status = static_cast<int>(status);
  m.time = SourceDateTime();

  if (!s.write_baseline.empty()) {
    Status w = WriteWhole(s.write_baseline, RenderBaseline(a.reports));
    if (!w.ok()) {
      Error(io, w.message());
      status = Worse(status, ExitStatus::kUsageOrInput);
    }
  }
  if (a.reports.empty() && status != ExitStatus::kOk) return status;  // nothing to write

  std::vector<std::string> dirs = s.rules_dirs;
  for (const std::string& d : DefaultRulesDirs()) dirs.push_back(d);
  const std::map<std::string, std::string> docs = RuleDocs(a.rules, dirs);
  ReportOptions options;
  options.manifest = &m;
  options.rules = &a.rules;
  options.rule_docs = &docs;
  options.fail_never = gate.never;
  options.fail_threshold = gate.threshold;
  options.errors_only = s.quiet;
  std::error_code ec;
  options.base_dir = fs::current_path(ec).string();
  // Every requested format is rendered from the same results; files are written whole.
  for (const auto& [format, file] : s.format_files) {
    Status w = WriteWhole(file, MakeReporter(format)->Render(a.reports, options));
    if (!w.ok()) {
      Error(io, w.message());
      status = Worse(status, ExitStatus::kUsageOrInput);
    }
  }
  if (!s.format.empty()) {
    options.color = s.color && s.format == "text" && (s.output.empty() || s.output == "-");
    status = Worse(status, Emit(s, io, MakeReporter(s.format)->Render(a.reports, options)));
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
  AuditResult a = RunAudit(s, io, "relations");
  ExitStatus status = a.diagnostics.status;
  const std::vector<ReportResult>& reports = a.reports;
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
  Settings without_data = s;
  without_data.data.clear();
  AuditResult a = RunAudit(without_data, io, "check");
  ExitStatus status = a.diagnostics.status;
  const std::vector<ReportResult>& reports = a.reports;
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
  if (!Open(s, io, &e, &status)) return status;
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

namespace {

// The levels a rule's doc says its findings take, from its "**Severity" paragraph, in the order
// error, warning, info; empty when the doc is missing or names none. Several levels mean the severity
// depends on what the report states (an accordance or a reference claim, a stated or a layout relation).
std::vector<std::string> DocSeverities(const std::vector<std::string>& rules_dirs, const std::string& doc) {
  std::ifstream in(FindRulesFile(rules_dirs, doc));
  std::string line, paragraph;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line.rfind("**Severity", 0) == 0) inside = true;
    if (!inside) continue;
    if (line.empty()) break;
    paragraph += line + "\n";
  }
  std::vector<std::string> levels;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (const char* level : {"error", "warning", "info"}) {
    // The word itself (or its plural): "info" in "infographic" or "information" is not a level.
    const std::string w(level);
    for (size_t at = paragraph.find(w); at != std::string::npos; at = paragraph.find(w, at + 1)) {
      size_t end = at + w.size();
      if (end < paragraph.size() && paragraph[end] == 's') ++end;
      if ((at == 0 || !letter(paragraph[at - 1])) && (end >= paragraph.size() || !letter(paragraph[end]))) {
        levels.push_back(w);
        break;
      }
    }
  }
  return levels;
}

// The language of list-rules and explain, which have no report to take it from: --lang, else the
// locale's language (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them), else English.
bool ChineseInterface(const Settings& s) {
  if (!s.lang.empty()) return s.lang == "zh";
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v != nullptr && *v != '\0') return std::string_view(v).rfind("zh", 0) == 0;
  }
  return false;
}

const char* LevelName(const std::string& level, bool zh) {
  if (!zh) return level.c_str();
  return level == "error" ? "错误" : level == "warning" ? "警告" : "提示";
}

// "warning", "error, set by --severity", "error|warning, depends on the report" (or in Chinese).
std::string SeverityLabel(const Engine& e, const RuleInfo& r, bool overridden, bool zh) {
  std::string label = LevelName(SeverityName(r.default_severity), zh);
  if (overridden) return label + (zh ? "，由 --severity 设定" : ", set by --severity");
  if (std::vector<std::string> levels = DocSeverities(e.rules_dirs, r.doc); levels.size() > 1) {
    label.clear();
    for (const std::string& l : levels) label += (label.empty() ? "" : "|") + std::string(LevelName(l, zh));
    label += zh ? "，视报告而定" : ", depends on the report";
  }
  return label;
}

// Whether --severity or the policy file changed a rule's level from its plugin's default.
bool Overridden(const Engine& e, const RuleInfo& r) {
  for (const PluginRef& p : e.plugins.plugins()) {
    for (const RuleInfo& d : p.rules) {
      if (d.id == r.id) return d.default_severity != r.default_severity;
    }
  }
  return false;
}

}  // namespace

ExitStatus RunListRules(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!Open(s, io, &e, &status)) return status;
  // The severity a user will see: the plugin's default, or the one --severity / the policy set.
  auto overridden = [&e](const RuleInfo& r) { return Overridden(e, r); };
  if (s.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const RuleInfo& r : e.rules) {
      std::vector<std::string> levels = overridden(r) ? std::vector<std::string>{SeverityName(r.default_severity)}
                                                      : DocSeverities(e.rules_dirs, r.doc);
      if (levels.empty()) levels.emplace_back(SeverityName(r.default_severity));
      list.push_back({{"id", r.id}, {"plugin", r.plugin}, {"severity", SeverityName(r.default_severity)},
                      {"severities", levels}, {"severity_set_by_policy", overridden(r)}, {"summary", r.summary},
                      {"doc", r.doc}});
    }
    io.out << list.dump(2) << "\n";
  } else {
    const bool zh = ChineseInterface(s);
    for (const RuleInfo& r : e.rules) {
      io.out << r.id << " [" << SeverityLabel(e, r, overridden(r), zh) << "] " << r.summary << "\n";
    }
  }
  return status;
}

ExitStatus RunExplain(const Settings& s, Io io) {
  Engine e;
  ExitStatus status = ExitStatus::kOk;
  if (!Open(s, io, &e, &status)) return status;
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
    // A header the doc cannot carry: the plugin that runs the rule and the severity in effect here
    // (after --severity and the policy file). The doc follows as written (in English).
    std::string version;
    for (const PluginRef& p : e.plugins.plugins()) {
      if (p.name == r.plugin) version = " " + p.version;
    }
    const bool zh = ChineseInterface(s);
    const std::string severity = SeverityLabel(e, r, Overridden(e, r), zh);
    if (zh) {
      io.out << "规则 " << r.id << "：插件 " << r.plugin << version << "，严重级别 " << severity
             << "。以下规则说明为英文。\n\n";
    } else {
      io.out << "Rule " << r.id << ": plugin " << r.plugin << version << ", severity " << severity << ".\n\n";
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
