#include "layout_cells.h"

#include <esgaudit/text.h>

#include <algorithm>

namespace esgaudit::numeric {

LayoutCells::LayoutCells(const sdk::Document& doc, const sdk::Context&) {
  if (!doc.HasStructure()) return;
  lines_.resize(doc.LineCount());
  for (uint32_t li = 0; li < doc.LineCount(); ++li) {
    const esgaudit_line_structure ls = doc.LineStructure(li);
    std::vector<LayoutCell>& out = lines_[li];
    out.reserve(ls.cell_count);
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const esgaudit_cell c = doc.Cell(ls.first_cell + k);
      LayoutCell cell;
      cell.line = li;
      cell.view_begin = c.view_begin;
      cell.view_end = c.view_end;
      cell.col_begin = c.column;
      // ColumnOf is bounded on long lines (the host keeps column marks), so this stays linear.
      cell.col_end = std::max(doc.ColumnOf(c.offset + c.length), c.column);
      cell.flags = c.flags;
      std::string_view view = doc.CellView(c);
      cell.text.reserve(view.size());
      for (char ch : view) {
        if (ch != ' ' && ch != '\t') cell.text.push_back(ch);
      }
      cell.code_points = sdk::CodePointCount(cell.text);
      out.push_back(std::move(cell));
    }
  }
}

const LayoutCell* LayoutCells::At(uint32_t line, uint64_t v) const {
  const std::vector<LayoutCell>& cells = this->line(line);
  // Cells of a line are disjoint and in view order: the last one starting at or before v.
  auto it = std::upper_bound(cells.begin(), cells.end(), v,
                             [](uint64_t x, const LayoutCell& c) { return x < c.view_begin; });
  if (it == cells.begin()) return nullptr;
  --it;
  return v < it->view_end ? &*it : nullptr;
}

}  // namespace esgaudit::numeric
