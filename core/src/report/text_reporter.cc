// Human output: `file:line:col: severity: message [rule-id]`, the source line, a caret, notes, and
// a summary line (clang-tidy / ninja style).
#include <sstream>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

std::string Where(const Location& l) {
  if (l.line == 0) return l.file;
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class TextReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& options) const override {
    std::ostringstream out;
    size_t counts[3] = {0, 0, 0};
    size_t total = 0;
    for (const ReportResult& r : reports) {
      for (const Finding& f : r.findings) {
        ++counts[f.severity];
        ++total;
        out << Where(f.location) << ": " << SeverityName(f.severity) << ": " << f.message << " ["
            << f.rule << "]\n";
        if (f.location.line != 0 && !f.source_line.empty()) {
          uint32_t column = f.source_column ? f.source_column : f.location.column;
          out << f.source_line << "\n" << std::string(column - 1, ' ') << "^\n";
        }
        for (const Related& rel : f.related) {
          out << Where(rel.location) << ": note: " << rel.message << "\n";
        }
      }
      if (options.include_relations) {
        for (const RelationRecord& rel : r.relations) {
          out << r.path << ": " << rel.kind << ": " << rel.description << " [" << rel.plugin << "]\n";
          for (const Related& m : rel.members) out << "  " << Where(m.location) << ": " << m.message << "\n";
        }
      }
    }
    if (total == 0) {
      out << "no findings in " << Plural(reports.size(), "report") << "\n";
    } else {
      out << Plural(total, "finding") << " (" << Plural(counts[ESGAUDIT_ERROR], "error") << ", "
          << Plural(counts[ESGAUDIT_WARNING], "warning") << ", " << Plural(counts[ESGAUDIT_INFO], "info")
          << ") in " << Plural(reports.size(), "report") << "\n";
    }
    return out.str();
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter() { return std::make_unique<TextReporter>(); }

}  // namespace esgaudit
