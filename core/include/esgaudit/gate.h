// The CI gate: waivers, baselines and the decision whether an audit passes.
#ifndef ESGAUDIT_GATE_H_
#define ESGAUDIT_GATE_H_

#include <string>
#include <vector>

#include "esgaudit/exit_status.h"
#include "esgaudit/finding.h"
#include "esgaudit/status.h"

namespace esgaudit {

// One reviewed acceptance of findings, from a waiver file (INI, one section per waiver):
//
//   [percent-sum-2020]            ; the section name identifies the waiver
//   rule = numeric.percent-sum    ; a rule id or fnmatch glob, or
//   fingerprint = 3f2a...         ; one finding (either or both; both must match)
//   files = reports/2020-*.txt    ; optional fnmatch glob on the report path
//   reason = rounding in the printed table, checked against the ledger
//   approver = J. Chen
//   expires = 2027-03-31          ; optional; from that day on the waiver no longer applies
struct Waiver {
  std::string name;
  std::string rule;
  std::string fingerprint;
  std::string files;
  std::string reason;
  std::string approver;
  std::string expires;  // YYYY-MM-DD or ""
  std::string source;   // "file:line" of the section header
};

// Reads a waiver file. Malformed (syntax, unknown key, missing reason/approver/rule, bad date):
// an input error "file:line: ...".
Status LoadWaivers(const std::string& path, std::vector<Waiver>* out);

// A baseline: the fingerprints of accepted findings (JSON, schema "esgaudit.baseline/1").
struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string file;
  std::string message;
};
struct Baseline {
  std::string path;
  std::vector<BaselineEntry> entries;
};

// Malformed baseline: an input error "file:line: ...".
Status LoadBaseline(const std::string& path, Baseline* out);
// The baseline of every finding in `reports` (waived ones included), sorted by file then fingerprint.
std::string RenderBaseline(const std::vector<ReportResult>& reports);

struct GateOptions {
  bool never = false;                         // --fail-on never
  esgaudit_severity threshold = ESGAUDIT_ERROR;
  std::vector<Waiver> waivers;
  const Baseline* baseline = nullptr;
  std::string today;                          // YYYY-MM-DD, for waiver expiry
};

struct ReportSummary {
  std::string path;
  size_t counts[3] = {0, 0, 0};  // by severity, suppressed findings excluded
  size_t waived = 0;
  size_t baselined = 0;
  bool failing = false;          // a counted finding at or above the threshold
};

struct GateResult {
  ExitStatus status = ExitStatus::kOk;  // kOk or kFindings
  std::vector<ReportSummary> summaries;  // one per report, in order
  std::vector<std::string> warnings;     // expired and unused waivers, absent baseline entries
  std::vector<std::string> expired_waivers;  // their names
  std::vector<std::string> unused_waivers;
  size_t baseline_absent = 0;            // baseline entries that no longer occur
};

// Marks waived and baselined findings (Finding::suppression) and decides the gate. A waiver that
// has expired is not applied and is reported; so is one that matched nothing.
GateResult ApplyGate(const GateOptions& options, std::vector<ReportResult>* reports);

// Today (UTC) as YYYY-MM-DD, from SOURCE_DATE_EPOCH when it is set, else from the clock.
std::string Today();
// SOURCE_DATE_EPOCH as an ISO 8601 UTC time, or "" when it is not set (outputs carry no clock time).
std::string SourceDateTime();

}  // namespace esgaudit

#endif  // ESGAUDIT_GATE_H_
