// CSV (RFC 4180: CRLF line ends, quoted fields where needed): a header, then one row per finding.
#include <sstream>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

class CsvReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions&) const override {
    std::ostringstream out;
    out << "file,page,line,column,severity,rule,message,evidence,references,fingerprint,suppression,reason,approver\r\n";
    for (const ReportResult& r : reports) {
      for (const Finding& f : r.findings) {
        std::string refs;
        for (const std::string& ref : f.references) refs += (refs.empty() ? "" : "; ") + ref;
        out << CsvField(r.path) << "," << (f.location.page == 0 ? "" : std::to_string(f.location.page)) << ","
            << (f.location.line == 0 ? "" : std::to_string(f.location.line)) << ","
            << (f.location.line == 0 ? "" : std::to_string(f.location.column)) << "," << SeverityName(f.severity)
            << "," << CsvField(f.rule) << "," << CsvField(f.message) << "," << CsvField(f.evidence) << ","
            << CsvField(refs) << "," << f.fingerprint << "," << f.suppression.kind << ","
            << CsvField(f.suppression.reason) << "," << CsvField(f.suppression.approver) << "\r\n";
      }
    }
    return out.str();
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeCsvReporter() { return std::make_unique<CsvReporter>(); }

}  // namespace esgaudit
