// Human output (clang-tidy / ninja style):
//   file:line:column: severity: message [rule-id] (page N)
// then the source line (a window of it around the caret when it is wide) and a caret, notes for the
// related locations, further findings of the same rule at the same place as "+" lines under the
// first, a per-report summary for batches and a total line.
#include <unicode/utf8.h>

#include <sstream>

#include "analyse/text_width.h"
#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

constexpr uint32_t kMaxLineWidth = 120;  // wider source lines are cut to a window
constexpr uint32_t kWindowWidth = 100;
constexpr uint32_t kBeforeCaret = 40;

struct Style {
  bool on = false;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  }
};

const char* SeverityColour(esgaudit_severity s) {
  switch (s) {
    case ESGAUDIT_ERROR:
      return "1;31";
    case ESGAUDIT_WARNING:
      return "1;35";
    default:
      return "1;36";
  }
}

std::string Where(const Location& l) {
  if (l.line == 0) return l.file;
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

std::string PageSuffix(const Location& l) { return l.page == 0 ? "" : " (page " + std::to_string(l.page) + ")"; }

std::string Plural(size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// The source line and the caret's column, cut to a window around `column` when the line is wider
// than kMaxLineWidth display columns (tabs expanded; an ellipsis marks each cut).
std::pair<std::string, uint32_t> Window(const std::string& line, uint32_t column) {
  if (TextWidth(line) <= kMaxLineWidth) return {line, column};
  struct Cp {
    std::string bytes;
    uint32_t start;
    uint32_t width;
  };
  std::vector<Cp> cps;
  uint32_t col = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(line.size());
  while (i < n) {
    int32_t from = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '\t') {
      uint32_t w = 8 - col % 8;
      cps.push_back({std::string(w, ' '), col, w});
      col += w;
      continue;
    }
    uint32_t w = c < 0 ? 1 : CodePointWidth(c);
    cps.push_back({line.substr(static_cast<size_t>(from), static_cast<size_t>(i - from)), col, w});
    col += w;
  }
  const uint32_t total = col;
  const uint32_t caret = column == 0 ? 0 : column - 1;
  uint32_t lo = caret > kBeforeCaret ? caret - kBeforeCaret : 0;
  uint32_t hi = lo + kWindowWidth;
  if (hi > total) {
    hi = total;
    lo = total > kWindowWidth ? total - kWindowWidth : 0;
  }
  std::string out = lo > 0 ? "…" : "";
  uint32_t first = UINT32_MAX;
  for (const Cp& cp : cps) {
    if (cp.start < lo || cp.start + cp.width > hi) continue;
    if (first == UINT32_MAX) first = cp.start;
    out += cp.bytes;
  }
  if (hi < total) out += "…";
  if (first == UINT32_MAX) first = lo;
  return {out, caret - std::min(caret, first) + (lo > 0 ? 1 : 0) + 1};
}

std::string SuppressionNote(const Suppression& s) {
  if (s.kind == "waiver") {
    return "waived (" + s.source + "): " + s.reason + " — " + s.approver + (s.expires.empty() ? "" : ", until " + s.expires);
  }
  if (s.kind == "baseline") return "in the baseline " + s.source;
  return "";
}

class TextReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& options) const override {
    Style style{options.color};
    std::ostringstream out;
    size_t counts[3] = {0, 0, 0};
    size_t total = 0, waived = 0, baselined = 0;
    std::vector<std::string> per_report;
    for (const ReportResult& r : reports) {
      size_t rc[3] = {0, 0, 0};
      size_t r_suppressed = 0;
      const Finding* group = nullptr;  // the first finding of the current rule-and-place group
      for (const Finding& f : r.findings) {
        ++counts[f.severity];
        ++total;
        if (f.suppression.kind == "waiver") ++waived;
        if (f.suppression.kind == "baseline") ++baselined;
        if (f.suppression.kind.empty()) {
          ++rc[f.severity];
        } else {
          ++r_suppressed;
        }
        if (options.errors_only && (f.severity != ESGAUDIT_ERROR || !f.suppression.kind.empty())) continue;
        if (group != nullptr && group->rule == f.rule && group->location.offset == f.location.offset &&
            group->location.length == f.location.length && group->location.file == f.location.file) {
          out << "  + " << style(SeverityColour(f.severity), SeverityName(f.severity)) << ": " << f.message << "\n";
        } else {
          group = &f;
          out << style("1", Where(f.location) + ":") << " " << style(SeverityColour(f.severity), std::string(SeverityName(f.severity)) + ":")
              << " " << style("1", f.message) << " [" << f.rule << "]" << PageSuffix(f.location) << "\n";
          if (f.location.line != 0 && !f.source_line.empty()) {
            auto [text, column] = Window(f.source_line, f.source_column ? f.source_column : f.location.column);
            out << text << "\n" << std::string(column - 1, ' ') << style("1;32", "^") << "\n";
          }
        }
        for (const Related& rel : f.related) {
          out << Where(rel.location) << ": " << style("1;30", "note:") << " " << rel.message << PageSuffix(rel.location) << "\n";
        }
        std::string note = SuppressionNote(f.suppression);
        if (!note.empty()) out << "  " << style("2", note) << "\n";
      }
      if (options.include_relations) {
        for (const RelationRecord& rel : r.relations) {
          out << r.path << ": " << rel.kind << ": " << rel.description << " [" << rel.plugin << "]\n";
          for (const Related& m : rel.members) out << "  " << Where(m.location) << ": " << m.message << "\n";
        }
      }
      std::string line = "  " + r.path + ": ";
      if (rc[0] + rc[1] + rc[2] == 0) {
        line += style("32", "clean");
      } else {
        line += Plural(rc[ESGAUDIT_ERROR], "error") + ", " + Plural(rc[ESGAUDIT_WARNING], "warning") + ", " +
                Plural(rc[ESGAUDIT_INFO], "info");
      }
      if (r_suppressed != 0) line += " (" + std::to_string(r_suppressed) + " accepted)";
      per_report.push_back(line);
    }
    if (options.manifest != nullptr && reports.size() > 1) {
      for (const FailedInput& f : options.manifest->failed) per_report.push_back("  " + f.path + ": not audited");
    }
    if (reports.size() > 1) {
      out << "reports:\n";
      for (const std::string& l : per_report) out << l << "\n";
    }
    if (total == 0) {
      out << "no findings in " << Plural(reports.size(), "report") << "\n";
    } else {
      out << Plural(total, "finding") << " (" << Plural(counts[ESGAUDIT_ERROR], "error") << ", "
          << Plural(counts[ESGAUDIT_WARNING], "warning") << ", " << Plural(counts[ESGAUDIT_INFO], "info") << ") in "
          << Plural(reports.size(), "report");
      if (waived + baselined != 0) {
        out << "; " << waived << " waived, " << baselined << " in the baseline";
      }
      out << "\n";
    }
    return out.str();
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter() { return std::make_unique<TextReporter>(); }

}  // namespace esgaudit
