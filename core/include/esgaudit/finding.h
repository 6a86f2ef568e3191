// Findings, coverage and relation records as plain data (the host's copies of what plugins emit).
#ifndef ESGAUDIT_FINDING_H_
#define ESGAUDIT_FINDING_H_

#include <esgaudit/plugin_abi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "esgaudit/status.h"

namespace esgaudit {

class Document;

// Canonical location = offset + length in the document text; line/column/page are derived from it.
struct Location {
  std::string file;
  uint64_t offset = 0;
  uint64_t length = 0;
  uint32_t line = 0;    // 1-based; 0 for a document-level location
  uint32_t column = 0;  // 1-based display column
  uint32_t page = 0;    // 1-based; 0 = unknown (JSON null)
};

// Fills line, column and page of `loc` from its offset.
Location LocateIn(const Document& doc, uint64_t offset, uint64_t length);

struct Related {
  Location location;
  std::string message;
};

// Why a finding does not count for the gate: a reviewed waiver or a recorded baseline.
struct Suppression {
  std::string kind;      // "waiver" | "baseline"; empty = the finding counts
  std::string reason;    // waiver: why the finding is accepted
  std::string approver;  // waiver: who accepted it
  std::string expires;   // waiver: YYYY-MM-DD, or empty
  std::string source;    // "waivers.ini:12" or the baseline file
};

struct Finding {
  std::string rule;
  esgaudit_severity severity = ESGAUDIT_WARNING;
  std::string message;
  Location location;
  std::string evidence;
  std::vector<std::string> references;
  std::vector<Related> related;
  // Stable across line moves, file renames and --lang: hash of rule, evidence and references
  // (never the message, which is in the report's language), numbered when they repeat.
  std::string fingerprint;
  Suppression suppression;
  // The primary location's line for text rendering (not serialised); on a very long line only a
  // window around the location, with "..." where it is cut. source_column: the 1-based display
  // column of the location in source_line (0: use location.column).
  std::string source_line;
  uint32_t source_column = 0;
};

struct CoverageRecord {
  std::string scheme;
  std::string id;
  std::string title;
  esgaudit_coverage_status status = ESGAUDIT_MISSING;
  std::vector<Related> locations;
};

struct RelationRecord {
  std::string plugin;
  std::string kind;
  std::string description;
  std::vector<Related> members;
};

// Everything known about one audited report.
struct ReportResult {
  std::string path;
  std::string sha256;
  std::string encoding;
  std::string lang;         // language of the messages: "zh" | "en"
  uint32_t page_count = 0;  // 0 = unknown
  std::vector<Finding> findings;
  std::vector<CoverageRecord> coverage;
  std::vector<RelationRecord> relations;
  Status status;            // the worst operational failure while auditing this report
};

// Natural order of strings with numbers: "2-4" < "2-10", "GRI 102-9" < "GRI 102-10".
bool NaturalLess(const std::string& a, const std::string& b);

// Sorts findings (offset, rule, message in natural order), coverage (scheme, catalogue order kept), relations, and
// computes fingerprints: the canonical order every reporter prints.
void Canonicalize(ReportResult* result);

const char* SeverityName(esgaudit_severity s);      // "error" | "warning" | "info"
const char* CoverageStatusName(esgaudit_coverage_status s);  // "covered" | "partial" | "missing"

}  // namespace esgaudit

#endif  // ESGAUDIT_FINDING_H_
