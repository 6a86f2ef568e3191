// Tables written as markup inside a report's text: HTML <table> fragments (as OCR / layout tools
// emit into Markdown, with rowspan / colspan) and Markdown pipe tables. Parsed into a grid of cells
// with their text offsets; the structure model (structure_tables.cc) makes them model tables with a
// grid that plugins read through the ABI. Private to the core.
//
// The HTML side is a small tag scanner, not an XML parser: the fragments in real reports are not
// well-formed (unclosed <td>, a table cut off mid-tag at a page end, <html><body> inside a <div>),
// which Boost.PropertyTree's XML reader rejects. Only <table>, <tr>, <td>, <th> and their rowspan /
// colspan attributes are read; other tags inside a cell are dropped from its text.
#ifndef ESGAUDIT_ANALYSE_MARKUP_TABLES_H_
#define ESGAUDIT_ANALYSE_MARKUP_TABLES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::markup {

struct MarkupCell {
  uint64_t begin = 0;  // text offsets of the cell's content (inner markup included), end exclusive
  uint64_t end = 0;
  std::string text;    // content without tags, entities &nbsp; &amp; &lt; &gt; decoded, blanks trimmed
  uint32_t row = 0;    // top-left grid position
  uint32_t col = 0;
  uint32_t rowspan = 1;
  uint32_t colspan = 1;
  bool header = false;  // <th>, or a pipe-table row above the |---| delimiter
  bool continued = false;  // a pipe-table label whose rowspan comes from empty cells below it
};

struct MarkupTable {
  uint64_t begin = 0;  // text offset of <table or of the first pipe row
  uint64_t end = 0;    // text offset past the table (past </table>, or the end of its last row)
  std::vector<MarkupCell> cells;
  // grid[r][c]: index into cells of the cell covering that position, -1 when none.
  std::vector<std::vector<int>> grid;

  uint32_t Rows() const { return static_cast<uint32_t>(grid.size()); }
  uint32_t Cols() const { return grid.empty() ? 0 : static_cast<uint32_t>(grid[0].size()); }
  // The cell covering (r, c), or nullptr.
  const MarkupCell* At(uint32_t r, uint32_t c) const;
};

// Every HTML and pipe table of `text`, in text order. Markdown has no rowspan, so in a pipe table a
// body cell at the start of a row, before the row's own label, continues the label above it when it
// is empty (`continued` is set on the label) or repeats the label's text (converters write a spanned
// label on every row): the label's rowspan grows over it. Spans are capped (rowspan ≤ 200, colspan ≤ 50)
// so a malformed attribute cannot blow up the grid.
std::vector<MarkupTable> ParseMarkupTables(std::string_view text);

}  // namespace esgaudit::markup

#endif  // ESGAUDIT_ANALYSE_MARKUP_TABLES_H_
