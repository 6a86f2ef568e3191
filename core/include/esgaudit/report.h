// Reporters render audit results. Output is a pure function of the results (byte-identical for the
// same inputs), so it never depends on --jobs or on plugin load order.
#ifndef ESGAUDIT_REPORT_H_
#define ESGAUDIT_REPORT_H_

#include <memory>
#include <string>
#include <vector>

#include "esgaudit/finding.h"

namespace esgaudit {

class Document;

struct ReportOptions {
  bool include_relations = false;  // extract --relations
  bool color = false;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& options) const = 0;
};

// The formats `check --format` accepts, sorted.
std::vector<std::string> ReporterFormats();
// nullptr for an unknown format.
std::unique_ptr<Reporter> MakeReporter(const std::string& format);

// The JSON document of the findings contract (schema "esgaudit.findings/1").
std::string RenderJson(const std::vector<ReportResult>& reports, const ReportOptions& options);

// A content index from one scheme's coverage records ("gri"): format "md", "csv" or "json".
std::vector<std::string> IndexFormats();
std::string RenderCoverageIndex(const ReportResult& report, const std::string& scheme,
                                const std::string& format);

// `extract --structure`: what the structure model made of each line of `doc` (role, section,
// table, furniture, cells), with the report metadata, TOC, content index and tables. Format
// "text" (per page, blank lines left out) or "json" (schema "esgaudit.structure/1").
std::string RenderStructure(const Document& doc, const std::string& format);

}  // namespace esgaudit

#endif  // ESGAUDIT_REPORT_H_
