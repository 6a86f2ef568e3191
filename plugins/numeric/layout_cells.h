// The structure model's cells as the numeric rules read them: per line, with display columns and
// their text without spaces. numeric splits no line itself; this only indexes the model's cells
// (built once per document, Context::Shared).
#ifndef ESGAUDIT_PLUGINS_NUMERIC_LAYOUT_CELLS_H_
#define ESGAUDIT_PLUGINS_NUMERIC_LAYOUT_CELLS_H_

#include <esgaudit/plugin.h>

#include <boost/range/iterator_range.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::numeric {

// Appends `s` to *out without its spaces and tabs (bytes 0x20 and 0x09; other blanks are kept).
void AppendWithoutBlanks(std::string_view s, std::string* out);

// One cell of the model (a run of text between layout gaps). Fields ordered without padding.
struct LayoutCell {
  uint32_t line = 0;
  uint32_t col_begin = 0;   // display columns, end exclusive
  uint32_t col_end = 0;
  uint32_t flags = 0;       // ESGAUDIT_CELL_*
  uint64_t view_begin = 0;  // offsets into the matching view
  uint64_t view_end = 0;
  std::string_view text;    // view text without spaces (in LayoutCells' one string of every cell's text)
  size_t code_points = 0;   // of text
};

class LayoutCells {
 public:
  using Range = boost::iterator_range<const LayoutCell*>;

  // Empty on a host without the structure model (ABI 1.0).
  LayoutCells(const sdk::Document& doc, const sdk::Context& ctx);
  // The cells' ranges and texts point into this object's own lists: no copies.
  LayoutCells(const LayoutCells&) = delete;
  LayoutCells& operator=(const LayoutCells&) = delete;

  uint32_t line_count() const { return static_cast<uint32_t>(first_.empty() ? 0 : first_.size() - 1); }
  // The cells of line `line` in column order (a range of the one list of every line's cells); empty
  // past the last line.
  Range line(uint32_t line) const {
    if (line + 1 >= first_.size()) return Range(cells_.data(), cells_.data());
    return Range(cells_.data() + first_[line], cells_.data() + first_[line + 1]);
  }
  // The cell of line `line` holding view offset `v`, or nullptr.
  const LayoutCell* At(uint32_t line, uint64_t v) const;

 private:
  friend struct LayoutCellsPeer;  // the tests' access to cells_
  std::vector<LayoutCell> cells_;  // every line's cells, line by line; no room past them
  std::vector<size_t> first_;      // line i's cells are cells_[first_[i], first_[i + 1])
  std::string texts_;              // every cell's text, one after another
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_LAYOUT_CELLS_H_
