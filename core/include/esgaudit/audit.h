// The audit as one library call: plugins and rule packs set up, inputs expanded and loaded, every
// plugin run over every report. The CLI, the tests and any future server call this alike.
#ifndef ESGAUDIT_AUDIT_H_
#define ESGAUDIT_AUDIT_H_

#include <functional>
#include <string>
#include <vector>

#include "esgaudit/exit_status.h"
#include "esgaudit/finding.h"
#include "esgaudit/kpi.h"
#include "esgaudit/plugin_host.h"
#include "esgaudit/rule_selection.h"

namespace esgaudit {

// Where plugins and rule packs come from and which rules run.
struct EngineOptions {
  std::vector<std::string> plugin_dirs;  // searched before the default directories
  bool default_plugins = true;
  std::vector<std::string> rules_dirs;   // searched before the default directories
  RuleSelection selection;
  // Per-rule severity overrides (fnmatch glob, severity), applied in order: the last match wins.
  std::vector<std::pair<std::string, esgaudit_severity>> severities;
  // The persistent cache: where compiled pattern sets, and the rule packs found well-formed, are
  // kept between runs ("" = nowhere: each run compiles and parses them). OpenEngine sets it for
  // the whole process. The output never depends on it: a file that cannot be read or written is
  // ignored.
  std::string cache_dir;
};

struct PluginInfo {
  std::string name;
  std::string version;
  std::string description;
  uint32_t abi_major = 0;
  uint32_t abi_minor = 0;
  size_t rule_count = 0;
};

// A file the run depended on, with its digest (lower-case hex SHA-256 of its bytes).
struct FileDigest {
  std::string path;
  std::string sha256;
};

// Loaded plugins, rule directories and the rule catalogue. Keeps the plugin libraries loaded.
struct Engine {
  PluginSet plugins;
  std::vector<std::string> rules_dirs;  // the user's first, then the defaults
  std::vector<RuleInfo> rules;          // sorted by id, severity as the user will see it
  std::vector<FileDigest> rule_packs;   // every rule pack (.json .xml .info .ini) under rules_dirs
  EngineOptions options;
};

// Problems found while setting up or auditing: one line each, in a deterministic order.
struct Diagnostics {
  std::vector<std::string> errors;
  ExitStatus status = ExitStatus::kOk;
  void Add(ExitStatus code, std::string message) {
    errors.push_back(std::move(message));
    status = Worse(status, code);
  }
};

// Loads plugins (a refused module is reported, exit 3, the others still load; no plugin at all is
// exit 3), validates rule packs and the rule globs of the selection and severity overrides.
// Returns false when nothing can run (missing directory, malformed pack, unknown rule glob).
bool OpenEngine(const EngineOptions& options, Engine* engine, Diagnostics* diagnostics);

// The severity a rule's findings get after the overrides.
esgaudit_severity EffectiveSeverity(const EngineOptions& options, const std::string& rule,
                                    esgaudit_severity default_severity);

// "zh" when the text is Chinese (Han characters are at least a twentieth of its letters), else "en".
std::string DetectLanguage(const std::string& utf8_text);

struct AuditRequest {
  EngineOptions engine;
  // Report files or directories (searched recursively for .txt .md .pdf, sorted; unreadable entries
  // are reported and the rest is audited). "-" reads standard input, reported as "<stdin>".
  std::vector<std::string> inputs;
  std::string data;            // --data KPI file; "" = none
  std::string lang;            // "" = each report's own language (DetectLanguage); "zh" | "en"
  std::string mode = "check";  // "check" | "relations"
  // Non-empty: every input is a part of ONE report with this name (a report published in several
  // files). Parts are joined in input order, each starting a new page; locations name each part's
  // own file, line and page (findings about the whole report name the report).
  std::string join;
  // Standards whose checks apply even when a report does not claim them ("gri", "gbt36001"),
  // passed to plugins as the "require" option (comma-separated).
  std::vector<std::string> require;
  unsigned jobs = 0;           // reports audited in parallel; 0 = one per core
  // Each report in a child process (see esgaudit/isolation.h), so a plugin that crashes or hangs
  // costs only its report: 1 on, 0 off, -1 on when there is more than one report. A joined report
  // is always audited in this process.
  int isolate = -1;
  double timeout_seconds = 300;  // per report in an isolated audit; <= 0 = no limit
  // Called after each report from the worker threads, under a lock (calls never overlap and `done`
  // only increases); may be empty.
  std::function<void(size_t done, size_t total, const std::string& path)> progress;
};

struct FailedInput {
  std::string path;
  std::string error;
};

struct AuditResult {
  bool ran = false;  // false: set-up failed and nothing was audited
  Diagnostics diagnostics;  // status: the operational outcome (0, 2 or 3); findings are the gate's
  std::vector<ReportResult> reports;  // inputs that loaded, in input order, canonical
  // Inputs that were not audited: those refused before loading (not a report, empty directory)
  // first, then those that failed to load, each group in input order.
  std::vector<FailedInput> failed;
  std::vector<FileDigest> inputs;     // every input file that loaded (the parts of a joined report)
  std::vector<RuleInfo> rules;        // every rule that could run, sorted by id, effective severity
  std::vector<PluginInfo> plugins;
  std::vector<FileDigest> rule_packs;
  FileDigest data;                    // path "" when no --data was given
  size_t enabled_rules = 0;           // rules left on by the selection (esgaudit.* excluded)
};

// Runs the whole audit. Deterministic: the result does not depend on `jobs`. Never throws.
AuditResult Audit(const AuditRequest& request);

}  // namespace esgaudit

#endif  // ESGAUDIT_AUDIT_H_
