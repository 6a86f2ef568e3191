// The little layout the cnexchange rules need, on the matching view: lines, which of them are
// body text (not a table of contents, not a repeated running header, not a row of the report's
// own topic index), which read as headings, and the rows of HTML tables. Everything layout-related
// lives here so that it can be replaced by the host's structure model when the plugin ABI offers one.
#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_LAYOUT_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_LAYOUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace esgaudit::cnexchange {

struct Line {
  uint64_t begin = 0;  // view offsets, terminator excluded
  uint64_t end = 0;
  std::string_view text;
  std::string plain;  // PlainText(text), computed once
  bool toc = false;             // inside a 目录 / Contents block
  bool running_header = false;  // a short line repeated on many pages
  bool index_row = false;       // cites guideline articles (第N条): a row of the report's own index
  bool heading = false;         // a Markdown heading, or a short line without sentence punctuation
  bool table = false;           // an HTML table
  // A table of stakeholders' concerns and expectations (关注议题, 期望与诉求): topics named there are
  // what stakeholders ask about, not what the report discloses.
  bool stakeholder_table = false;
  bool Body() const { return !toc && !running_header && !index_row; }
};

class Layout {
 public:
  // `view` must outlive the Layout.
  explicit Layout(std::string_view view);

  const std::vector<Line>& lines() const { return lines_; }
  // Index of the line containing view offset `v`.
  size_t LineAt(uint64_t v) const;
  // The HTML table row (<tr> ... </tr>) of line `i` containing `v`, as view offsets; the whole line
  // when the line is not a table.
  std::pair<uint64_t, uint64_t> RowAt(size_t i, uint64_t v) const;
  // True when line `i` reads as an entry of a list of short items (no sentence punctuation, not a
  // Markdown heading, at most 80 code points), as in a list of topics under a materiality class.
  bool IsListLine(size_t i) const;
  // The nearest line within `max_up` lines above line `i` that states a unit ("单位:吨", "Unit"), or
  // an empty view: the unit header of a text table.
  std::string_view UnitLineAbove(size_t i, size_t max_up) const;
  // The line's text without HTML tags and Markdown heading marks, spaces collapsed.
  static std::string PlainText(std::string_view s);
  static size_t CodePoints(std::string_view s);

 private:
  std::string_view view_;
  std::vector<Line> lines_;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_LAYOUT_H_
