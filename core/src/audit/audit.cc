// The audit pipeline behind `check`, `extract --relations` and `index`.
#include "esgaudit/audit.h"
#include "esgaudit/isolation.h"

#include <fnmatch.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "analyse/pattern_scan.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"
#include "esgaudit/rule_packs.h"
#include "esgaudit/spellcheck.h"
#include "load/sha256.h"

namespace esgaudit {
namespace fs = std::filesystem;
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool IsReportFile(const fs::path& p) {
  const std::string ext = Lower(p.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".pdf";
}

// Files that are not reports but are easily passed as one: named, with what to do instead.
std::string NotAReport(const std::string& path) {
  const std::string ext = Lower(fs::path(path).extension().string());
  if (ext == ".json" || ext == ".xml" || ext == ".ini" || ext == ".csv") {
    return path + ": looks like KPI data, not a report; pass it with --data";
  }
  static const std::set<std::string> kOffice = {".doc", ".docx", ".odt", ".rtf", ".pages",
                                                ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp"};
  if (kOffice.count(ext) != 0) {
    return path + ": " + ext.substr(1) +
           " documents are not supported; save the report as PDF or text (.pdf .txt .md)";
  }
  return "";
}

// Collects report files under `dir` (sorted per directory, depth first; linked files are taken,
// linked directories are not followed). An entry that cannot be read is reported and skipped; the
// rest is still collected.
void Walk(const fs::path& dir, std::vector<std::string>* found, Diagnostics* d) {
  std::error_code ec;
  std::vector<fs::path> entries;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    d->Add(ExitStatus::kUsageOrInput, dir.string() + ": cannot read directory (" + ec.message() + ")");
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      d->Add(ExitStatus::kUsageOrInput, dir.string() + ": cannot read directory (" + ec.message() + ")");
      break;
    }
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const fs::path& p : entries) {
    fs::file_status st = fs::status(p, ec);
    if (ec) {
      d->Add(ExitStatus::kUsageOrInput, p.string() + ": cannot read (" + ec.message() + ")");
      continue;
    }
    if (fs::is_directory(st)) {
      // Linked directories are not followed (as find(1) does not): a link back up would loop.
      if (!fs::is_symlink(fs::symlink_status(p, ec))) Walk(p, found, d);
    } else if (fs::is_regular_file(st) && IsReportFile(p)) {
      found->push_back(p.string());
    }
  }
}

// Inputs named by the user, directories expanded. Problems are reported; the rest goes ahead.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs, Diagnostics* d,
                                      std::vector<FailedInput>* failed) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in == "-" || !fs::is_directory(in, ec)) {
      std::string why = in == "-" ? "" : NotAReport(in);
      if (!why.empty()) {
        d->Add(ExitStatus::kUsageOrInput, why);
        failed->push_back({in, why});
        continue;
      }
      files.push_back(in);  // Document::Load reports a missing or unreadable file
      continue;
    }
    std::vector<std::string> found;
    Walk(in, &found, d);
    if (found.empty()) {
      std::string m = in + ": directory has no reports (.txt, .md, .pdf)";
      d->Add(ExitStatus::kUsageOrInput, m);
      failed->push_back({in, m});
    }
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::vector<FileDigest> DigestRulePacks(const std::vector<std::string>& dirs) {
  std::vector<FileDigest> out;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      if (it->is_regular_file(ec) && (ext == ".json" || ext == ".xml" || ext == ".info" || ext == ".ini")) {
        files.push_back(it->path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      out.push_back({f.lexically_normal().string(), Sha256Hex(bytes)});
    }
  }
  return out;
}

void ApplySeverities(const EngineOptions& o, ReportResult* r) {
  if (o.severities.empty()) return;
  for (Finding& f : r->findings) f.severity = EffectiveSeverity(o, f.rule, f.severity);
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// A part of a joined report: where it starts in the joined text.
struct Part {
  std::string path;
  uint64_t offset = 0;      // in the joined text
  uint32_t first_line = 0;  // 0-based line index in the joined document
  uint32_t first_page = 0;  // page of its first line in the joined document
  bool paged = false;       // the part has pages of its own (PDF, form feeds)
};

// Points a location in the joined document back at its part's own file, offset, line and page.
void Remap(const std::vector<Part>& parts, Location* l) {
  if (l->line == 0 || parts.empty()) return;  // about the whole report
  size_t k = 0;
  while (k + 1 < parts.size() && parts[k + 1].offset <= l->offset) ++k;
  const Part& p = parts[k];
  l->file = p.path;
  l->offset -= p.offset;
  l->line -= p.first_line;
  l->page = p.paged && l->page >= p.first_page ? l->page - p.first_page + 1 : 0;
}

void RemapAll(const std::vector<Part>& parts, ReportResult* r) {
  for (Finding& f : r->findings) {
    Remap(parts, &f.location);
    for (Related& rel : f.related) Remap(parts, &rel.location);
  }
  for (CoverageRecord& c : r->coverage) {
    for (Related& rel : c.locations) Remap(parts, &rel.location);
  }
  for (RelationRecord& rel : r->relations) {
    for (Related& m : rel.members) Remap(parts, &m.location);
  }
}

}  // namespace

esgaudit_severity EffectiveSeverity(const EngineOptions& options, const std::string& rule,
                                    esgaudit_severity default_severity) {
  esgaudit_severity s = default_severity;
  for (const auto& [glob, severity] : options.severities) {
    if (rule.rfind("esgaudit.", 0) != 0 && fnmatch(glob.c_str(), rule.c_str(), 0) == 0) s = severity;
  }
  return s;
}

std::string DetectLanguage(const std::string& text) {
  size_t han = 0, letters = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), 1u << 20));
  // The answer is "zh" when 19 * han >= letters (and han > 0). Every 4 KB it is asked whether the
  // rest can still change that: the rest adds at most one letter a byte and takes no Han away, so
  // once 19 * han >= letters + the bytes left, it is "zh" whatever follows (most of a Chinese report
  // is then not read).
  int32_t ask_at = std::min(n, 4096);
  while (i < n) {
    if (i >= ask_at) {
      if (han > 0 && 19 * han >= letters + static_cast<size_t>(n - i)) return "zh";
      ask_at = n - i > 4096 ? i + 4096 : n;
    }
    if (s[i] < 0x80) {  // as below, without the decode; eight bytes at a time while all are ASCII
      i += static_cast<int32_t>(CountAsciiLetterWords(s + i, static_cast<size_t>(n - i), &letters));
      if (i < n && s[i] < 0x80) {
        letters += (s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z' ? 1 : 0;
        ++i;
      }
      continue;
    }
    // Han of the two large blocks (IsHanScript's own shortcut) in a sequence read at once.
    const char32_t h = PlainThreeByteAt(s + i, static_cast<size_t>(n - i));
    if ((h >= 0x4e00 && h <= 0x9fff) || (h >= 0x3400 && h <= 0x4dbf)) {
      ++han;
      i += 3;
      // A run of U+4E00-9FFF (leads E4 with a second byte from B8 on, E5-E9) with the leads' test alone.
      while (i + 3 <= n && s[i] >= 0xe4 && s[i] <= 0xe9 && (s[i] != 0xe4 || s[i + 1] >= 0xb8) &&
             (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80) {
        ++han;
        i += 3;
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {
      // ASCII: the letters are A-Z and a-z (u_isalpha agrees), none is Han.
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++letters;
    } else if (IsHanScript(c)) {
      ++han;
    } else if (u_isalpha(c)) {
      ++letters;
    }
  }
  return han * 20 >= han + letters && han > 0 ? "zh" : "en";
}

bool OpenEngine(const EngineOptions& options, Engine* e, Diagnostics* d) {
  e->options = options;
  SetPatternCacheDir(options.cache_dir);
  std::vector<std::string> plugin_dirs = options.plugin_dirs;
  for (const std::string& dir : options.plugin_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      d->Add(ExitStatus::kUsageOrInput, dir + ": plugin directory does not exist");
      return false;
    }
  }
  if (options.default_plugins) {
    for (const std::string& dir : DefaultPluginDirs()) plugin_dirs.push_back(dir);
  }
  e->plugins.LoadFrom(plugin_dirs);
  for (const std::string& m : e->plugins.errors()) d->Add(ExitStatus::kInternal, m);
  if (e->plugins.plugins().empty()) {
    // An audit without rules must never pass a CI gate silently.
    d->Add(ExitStatus::kInternal,
           "no plugins found (searched: " + (plugin_dirs.empty() ? std::string("no directory") : Join(plugin_dirs, ", ")) + ")");
  }
  for (const std::string& dir : options.rules_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      d->Add(ExitStatus::kUsageOrInput, dir + ": rules directory does not exist");
      return false;
    }
  }
  e->rules_dirs = options.rules_dirs;
  for (const std::string& dir : DefaultRulesDirs()) e->rules_dirs.push_back(dir);
  Status packs = ValidateRulePacks(e->rules_dirs, options.cache_dir);
  if (!packs.ok()) {
    d->Add(ExitStatus::kUsageOrInput, packs.message());
    return false;
  }
  e->rule_packs = DigestRulePacks(e->rules_dirs);
  for (const PluginRef& p : e->plugins.plugins()) {
    for (const RuleInfo& r : p.rules) e->rules.push_back(r);
  }
  e->rules.push_back(RuleInfo{"esgaudit.plugin-error", ESGAUDIT_ERROR, "a plugin failed while auditing a report",
                              "esgaudit/plugin-error.md", "esgaudit"});
  e->rules.push_back(RuleInfo{"esgaudit.plugin-crash", ESGAUDIT_ERROR,
                              "a plugin crashed while auditing a report (isolated audit)",
                              "esgaudit/plugin-crash.md", "esgaudit"});
  e->rules.push_back(RuleInfo{"esgaudit.plugin-timeout", ESGAUDIT_ERROR,
                              "a plugin ran past --timeout on a report and was stopped (isolated audit)",
                              "esgaudit/plugin-timeout.md", "esgaudit"});
  std::sort(e->rules.begin(), e->rules.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  for (RuleInfo& r : e->rules) r.default_severity = EffectiveSeverity(options, r.id, r.default_severity);
  std::vector<std::string> ids;
  for (const RuleInfo& r : e->rules) ids.push_back(r.id);
  auto check_globs = [&](const std::vector<std::string>& globs, const char* option) {
    for (const std::string& g : globs) {
      bool any = std::any_of(ids.begin(), ids.end(), [&](const std::string& id) {
        return id.rfind("esgaudit.", 0) != 0 && fnmatch(g.c_str(), id.c_str(), 0) == 0;
      });
      if (!any) {
        d->Add(ExitStatus::kUsageOrInput, std::string(option) + ": unknown rule '" + g + "'" + DidYouMean(g, ids));
        return false;
      }
    }
    return true;
  };
  std::vector<std::string> severity_globs;
  for (const auto& s : options.severities) severity_globs.push_back(s.first);
  return check_globs(options.selection.enable_globs(), "--enable") &&
         check_globs(options.selection.disable_globs(), "--disable") &&
         check_globs(severity_globs, "--severity");
}

AuditResult Audit(const AuditRequest& request) {
  AuditResult a;
  Engine e;
  Diagnostics& d = a.diagnostics;
  if (!OpenEngine(request.engine, &e, &d)) return a;
  a.rules = e.rules;
  for (const PluginRef& p : e.plugins.plugins()) {
    a.plugins.push_back({p.name, p.version, p.description, p.abi_major, p.abi_minor, p.rules.size()});
  }
  a.rule_packs = e.rule_packs;
  for (const RuleInfo& r : e.rules) {
    if (r.id.rfind("esgaudit.", 0) != 0 && request.engine.selection.Enabled(r.id)) ++a.enabled_rules;
  }

  std::vector<KpiRecord> kpis;
  if (!request.data.empty()) {
    Status st = LoadKpiData(request.data, &kpis);
    std::ifstream in(request.data, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    a.data = {request.data, in ? Sha256Hex(bytes) : ""};
    if (!st.ok()) {
      d.Add(st.code(), st.message());
      kpis.clear();
    }
  }
  std::vector<FailedInput> early_failures;
  std::vector<std::string> files = ExpandInputs(request.inputs, &d, &early_failures);
  a.ran = true;

  std::string stdin_bytes;
  if (std::count(files.begin(), files.end(), "-") != 0) {
    stdin_bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  // What every plugin is told about one document: its message language is the report's own unless
  // the request sets one.
  auto options_for = [&](const Document& doc) {
    RunOptions options;
    options.lang = request.lang.empty() ? DetectLanguage(doc.text()) : request.lang;
    options.mode = request.mode;
    options.require = Join(request.require, ",");
    options.rules_dirs = e.rules_dirs;
    options.selection = &request.engine.selection;
    options.kpis = request.data.empty() ? nullptr : &kpis;
    return options;
  };
  if (!request.join.empty()) {
    // One report from all the parts: load each (failures are reported, the rest is joined).
    std::string text;
    std::vector<Part> parts;
    for (const std::string& file : files) {
      Document part;
      const bool from_stdin = file == "-";
      Status st = from_stdin ? Document::FromBytes("<stdin>", stdin_bytes, &part) : Document::Load(file, &part);
      if (!st.ok()) {
        d.Add(st.code(), st.message());
        a.failed.push_back({file, st.message()});
        continue;
      }
      a.inputs.push_back({part.path(), part.sha256()});
      if (!text.empty()) text += '\f';
      parts.push_back({part.path(), text.size(), 0, 0, part.page_count() != 0});
      text += part.text();
    }
    a.failed.insert(a.failed.begin(), early_failures.begin(), early_failures.end());
    if (parts.empty()) return a;
    Document doc = Document::FromUtf8(request.join, std::move(text));
    for (Part& p : parts) {
      p.first_line = doc.LineOf(p.offset);
      p.first_page = doc.line_count() == 0 ? 0 : doc.line(p.first_line).page;
    }
    ReportResult r;
    r.path = request.join;
    r.sha256 = doc.sha256();
    r.encoding = "utf-8";
    r.page_count = doc.page_count();
    const RunOptions options = options_for(doc);
    r.lang = options.lang;
    for (const PluginRef& p : e.plugins.plugins()) {
      Status ps = RunPlugin(p, doc, options, &r);
      if (!ps.ok()) d.Add(ps.code(), ps.message());
    }
    ApplySeverities(request.engine, &r);
    Canonicalize(&r);  // fingerprints and order from the joined text, before locations move
    RemapAll(parts, &r);
    a.reports.push_back(std::move(r));
    return a;
  }
  // The last step of a report's audit: severities from the configuration, the canonical order.
  auto finish = [&](size_t, AuditOutcome* o) {
    if (!o->loaded) return;
    ApplySeverities(request.engine, &o->result);
    Canonicalize(&o->result);
  };
  // One input: load, run every plugin and, without a channel, finish. With a channel (a child
  // process) the parent learns which plugin runs and gets what each added, so a crash keeps what was
  // done; the parent finishes the outcome.
  auto audit_one = [&](size_t i, ChildChannel* channel) {
    AuditOutcome o;
    ReportResult& r = o.result;
    Document doc;
    const bool from_stdin = files[i] == "-";
    Status st = from_stdin ? Document::FromBytes("<stdin>", stdin_bytes, &doc) : Document::Load(files[i], &doc);
    r.path = from_stdin ? "<stdin>" : files[i];
    if (!st.ok()) {
      o.errors.push_back(st.message());
      o.status = st.code();
      return o;
    }
    o.loaded = true;
    r.sha256 = doc.sha256();
    r.encoding = doc.encoding();
    r.page_count = doc.page_count();
    const RunOptions options = options_for(doc);
    r.lang = options.lang;
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
    if (channel == nullptr) finish(i, &o);
    return o;
  };
  unsigned jobs = request.jobs != 0 ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, files.size())));
  // Standard input is read once by this process; its report is audited here too.
  const bool isolate = (request.isolate < 0 ? files.size() > 1 : request.isolate > 0) &&
                       std::count(files.begin(), files.end(), "-") == 0;
  std::vector<AuditOutcome> outcomes(files.size());
  if (isolate) {
    // The plugins read their rule data here, once, and every child inherits it.
    PreparePlugins(e.plugins.plugins(), options_for(Document::FromUtf8("", "")));
    IsolationOptions iso;
    iso.jobs = jobs;
    iso.timeout_seconds = request.timeout_seconds;
    outcomes = AuditIsolated(
        files, iso, [&](size_t i, ChildChannel* channel) { channel->Snapshot(audit_one(i, channel)); }, finish);
    if (request.progress) {
      for (size_t i = 0; i < files.size(); ++i) request.progress(i + 1, files.size(), outcomes[i].result.path);
    }
  } else {
    std::atomic<size_t> next{0};
    std::atomic<size_t> done{0};
    std::mutex progress_lock;
    auto worker = [&] {
      for (size_t i = next++; i < files.size(); i = next++) {
        outcomes[i] = audit_one(i, nullptr);
        if (request.progress) {
          std::lock_guard<std::mutex> lock(progress_lock);
          request.progress(++done, files.size(), outcomes[i].result.path);
        }
      }
    };
    if (jobs <= 1) {
      worker();
    } else {
      std::vector<std::thread> threads;
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
      for (std::thread& t : threads) t.join();
    }
  }
  std::vector<ReportResult> results(files.size());
  std::vector<bool> loaded(files.size(), false);
  std::vector<std::vector<std::string>> errors(files.size());
  std::vector<ExitStatus> statuses(files.size(), ExitStatus::kOk);
  for (size_t i = 0; i < files.size(); ++i) {
    results[i] = std::move(outcomes[i].result);
    loaded[i] = outcomes[i].loaded;
    errors[i] = std::move(outcomes[i].errors);
    statuses[i] = outcomes[i].status;
  }
  a.failed = early_failures;
  for (size_t i = 0; i < files.size(); ++i) {
    for (const std::string& m : errors[i]) d.Add(statuses[i], m);
    if (loaded[i]) {
      a.inputs.push_back({results[i].path, results[i].sha256});
      a.reports.push_back(std::move(results[i]));
    } else {
      a.failed.push_back({results[i].path, errors[i].empty() ? "" : errors[i].front()});
    }
  }
  return a;
}

}  // namespace esgaudit
