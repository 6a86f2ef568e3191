// The structure model's cells as the numeric rules read them: per line, with display columns and
// their text without spaces. numeric splits no line itself; this only indexes the model's cells
// (built once per document, Context::Shared).
#ifndef ESGAUDIT_PLUGINS_NUMERIC_LAYOUT_CELLS_H_
#define ESGAUDIT_PLUGINS_NUMERIC_LAYOUT_CELLS_H_

#include <esgaudit/plugin.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::numeric {

// Appends `s` to *out without its spaces and tabs (bytes 0x20 and 0x09; other blanks are kept).
void AppendWithoutBlanks(std::string_view s, std::string* out);

// One cell of the model (a run of text between layout gaps).
struct LayoutCell {
  uint32_t line = 0;
  uint64_t view_begin = 0;  // offsets into the matching view
  uint64_t view_end = 0;
  uint32_t col_begin = 0;   // display columns, end exclusive
  uint32_t col_end = 0;
  uint32_t flags = 0;       // ESGAUDIT_CELL_*
  std::string text;         // view text without spaces
  size_t code_points = 0;   // of text
};

class LayoutCells {
 public:
  // Empty on a host without the structure model (ABI 1.0).
  LayoutCells(const sdk::Document& doc, const sdk::Context& ctx);

  uint32_t line_count() const { return static_cast<uint32_t>(lines_.size()); }
  // The cells of line `line` in column order; empty past the last line.
  const std::vector<LayoutCell>& line(uint32_t line) const {
    return line < lines_.size() ? lines_[line] : empty_;
  }
  // The cell of line `line` holding view offset `v`, or nullptr.
  const LayoutCell* At(uint32_t line, uint64_t v) const;

 private:
  std::vector<std::vector<LayoutCell>> lines_;
  std::vector<LayoutCell> empty_;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_LAYOUT_CELLS_H_
