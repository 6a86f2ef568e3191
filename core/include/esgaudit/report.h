// Reporters render audit results. Output is a pure function of the results (byte-identical for the
// same inputs), so it never depends on --jobs or on plugin load order.
#ifndef ESGAUDIT_REPORT_H_
#define ESGAUDIT_REPORT_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "esgaudit/audit.h"
#include "esgaudit/finding.h"
#include "esgaudit/gate.h"

namespace esgaudit {

class Document;

// The assurance record of one run: enough to reproduce it and to check what it depended on.
// Carries no clock time unless SOURCE_DATE_EPOCH set one (`time`).
struct RunManifest {
  std::string tool_version = ESGAUDIT_VERSION;
  std::vector<PluginInfo> plugins;
  std::vector<FileDigest> rule_packs;
  std::vector<FileDigest> inputs;   // reports that loaded
  FileDigest data;                  // path "" = no --data
  std::string config_file;          // "" = none
  // Effective options, sorted by name; repeated options joined with ", ". Never --jobs (the
  // output does not depend on it).
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<FailedInput> failed;
  std::vector<ReportSummary> summaries;
  std::vector<std::string> expired_waivers;
  std::vector<std::string> unused_waivers;
  size_t baseline_absent = 0;
  size_t enabled_rules = 0;
  int exit_status = 0;
  std::string time;                 // ISO 8601 UTC from SOURCE_DATE_EPOCH, or ""
};

struct ReportOptions {
  bool include_relations = false;  // extract --relations
  bool color = false;              // ANSI colours (text)
  bool errors_only = false;        // text: --quiet shows error findings only
  const RunManifest* manifest = nullptr;   // JSON, SARIF, HTML; nullptr = not recorded
  const std::vector<RuleInfo>* rules = nullptr;  // every rule that ran (SARIF driver, JUnit cases)
  // Rule id -> its Markdown documentation (SARIF help, helpUri from its first https:// link).
  const std::map<std::string, std::string>* rule_docs = nullptr;
  bool fail_never = false;                 // --fail-on never
  esgaudit_severity fail_threshold = ESGAUDIT_ERROR;  // JUnit failures
  std::string base_dir;            // SARIF: URIs are made relative to it when inside it
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& options) const = 0;
};

// The formats `check --format` accepts, sorted: csv html json jsonl junit sarif text.
std::vector<std::string> ReporterFormats();
// nullptr for an unknown format.
std::unique_ptr<Reporter> MakeReporter(const std::string& format);

// The JSON document of the findings contract (schema "esgaudit.findings/1").
std::string RenderJson(const std::vector<ReportResult>& reports, const ReportOptions& options);

// A content index from one scheme's coverage records ("gri"): format "md", "csv" or "json".
std::vector<std::string> IndexFormats();
// The Markdown table's headers, statuses and places are in the report's language (report.lang,
// "zh" or "en"); CSV and JSON keep their English keys for machines.
std::string RenderCoverageIndex(const ReportResult& report, const std::string& scheme,
                                const std::string& format);

// `extract --structure`: what the structure model made of each line of `doc` (role, section,
// table, furniture, cells), with the report metadata, TOC, content index and tables. Format
// "text" (per page, blank lines left out) or "json" (schema "esgaudit.structure/1").
std::string RenderStructure(const Document& doc, const std::string& format);

}  // namespace esgaudit

#endif  // ESGAUDIT_REPORT_H_
