#include "yearly_tables.h"

#include <algorithm>

#include "relation_internal.h"
#include "value_facts.h"

namespace esgaudit::numeric {

int HeaderYear(std::string_view cell) {
  // A year opens with 1 or 2, or FY, after the blanks WithoutSpaces drops (U+3000 among them): most
  // cells (labels, figures) are passed uncopied.
  size_t first = 0;
  while (first < cell.size()) {
    if (cell[first] == ' ' || cell[first] == '\t' || cell[first] == '\r' || cell[first] == '\n') {
      ++first;
    } else if (cell.compare(first, 3, "\u3000") == 0) {
      first += 3;
    } else {
      break;
    }
  }
  if (first == cell.size() || (cell[first] != '1' && cell[first] != '2' && cell[first] != 'F')) return 0;
  const std::string t = WithoutSpaces(cell);
  std::string_view v = t;
  if (v.substr(0, 2) == "FY") v.remove_prefix(2);
  for (std::string_view end : {"年度", "年末", "年底", "年"}) {
    if (EndsWith(v, end)) {
      v.remove_suffix(end.size());
      break;
    }
  }
  if (v.size() != 4 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  const int y = std::stoi(std::string(v));
  return y >= 1990 && y <= 2099 ? y : 0;
}

bool ChangeWords(std::string_view text) {
  // A change as a figure's label says it (IsChangeLabel), or as a column's header does.
  using relation_detail::IsChangeLabel;
  using relation_detail::Lower;
  static const std::string_view kHeaders[] = {"变化", "变动", "增减", "增速", "比上年", "change", "growth", "yoy"};
  const std::string lower = Lower(std::string(text));
  return IsChangeLabel(std::string(text)) ||
         std::any_of(std::begin(kHeaders), std::end(kHeaders), [&](std::string_view w) { return Contains(lower, w); });
}

std::string RowWords(const sdk::TableGrid& grid, uint32_t r, uint32_t end) {
  std::string words;
  for (uint32_t c = 0; c < end; ++c) {
    const esgaudit_table_cell* cell = grid.At(r, c);
    if (cell == nullptr || cell->row != r || grid.Text(*cell).empty()) continue;
    words += (words.empty() ? "" : " ") + std::string(grid.Text(*cell));
  }
  return words;
}

CellFigures::CellFigures(const sdk::Document& doc) : doc_(doc), count_(doc.FactCount()) {}

long CellFigures::Of(const esgaudit_table_cell& c) const {
  // The host gives its facts in text order (esgaudit_host::fact): they are searched in place, with no
  // copy (a long table's figures number hundreds of thousands).
  auto offset_at = [&](size_t k) { return doc_.Fact(static_cast<uint32_t>(k)).offset; };
  size_t lo = 0, hi = count_;  // the first fact at or after the cell's start
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    (offset_at(mid) < c.offset ? lo = mid + 1 : hi = mid);
  }
  long found = -1;
  for (size_t k = lo; k < count_ && offset_at(k) < c.offset + c.length; ++k) {
    if (found >= 0) return -1;
    found = static_cast<long>(k);
  }
  if (found < 0) return -1;
  const esgaudit_fact& f = doc_.Fact(static_cast<uint32_t>(found));
  if ((f.kind != ESGAUDIT_FACT_QUANTITY && f.kind != ESGAUDIT_FACT_PERCENT) || f.qualifiers != 0) return -1;
  const std::string_view text = doc_.Text();
  for (uint64_t k = c.offset; k < c.offset + c.length && k < text.size(); ++k) {
    if (k >= f.offset && k < f.offset + f.length) continue;
    const char ch = text[k];
    if (ch != ' ' && ch != '\t' && ch != '|') return -1;
  }
  return found;
}

YearlyTables::YearlyTables(const sdk::Document& doc, const sdk::Context&) {
  if (!doc.HasStructure() || !doc.HasTableGrids()) return;
  std::vector<int> header, first_column;  // kept from table to table
  for (uint32_t t = 0, n = doc.TableCount(); t < n; ++t) {
    const esgaudit_table table = doc.Table(t);
    // Places as a grid of the table gives them (sdk::TableGrid): a cell covers its rows and columns
    // within the grid's size, and a later cell at a place overrides an earlier one.
    const uint32_t rows = table.grid_rows, cols = table.grid_columns, header_rows = std::min(rows, 3u);
    header.assign(static_cast<size_t>(header_rows) * cols, 0);  // (row < 3, column) -> its year, or 0
    first_column.assign(rows, 0);                                // row -> its first cell's year, or 0
    bool any = false;
    for (const esgaudit_table_cell& c : doc.EachGridCell(table)) {
      if (c.column >= cols || c.row >= rows) continue;
      const uint32_t row_end = std::min(rows, c.row + std::max(c.row_span, 1u));
      const uint32_t column_end = std::min(cols, c.column + std::max(c.column_span, 1u));
      const int year = (c.row < 3 && c.column >= 1) || c.column == 0 ? HeaderYear(sdk::View(c.text)) : 0;
      any = any || year > 0;
      for (uint32_t r = c.row; r < row_end; ++r) {
        if (c.column == 0) first_column[r] = year;
        if (r >= 3) continue;
        // A header cell spanning columns names its first column only.
        for (uint32_t k = std::max(c.column, 1u); k < column_end; ++k) header[r * cols + k] = k == c.column ? year : 0;
      }
    }
    if (!any) continue;
    YearlyTable yt;
    yt.table = t;
    for (uint32_t h = 0; h < header_rows; ++h) {
      std::vector<std::pair<uint32_t, int>> here;
      for (uint32_t k = 1; k < cols; ++k) {
        if (header[h * cols + k] > 0) here.emplace_back(k, header[h * cols + k]);
      }
      if (here.size() > yt.across.size()) {  // the first of rows naming as many
        yt.header_row = h;
        yt.across = std::move(here);
      }
    }
    for (uint32_t r = 1; r < rows; ++r) {
      if (first_column[r] > 0) yt.down.emplace_back(r, first_column[r]);
    }
    if (!yt.across.empty() || !yt.down.empty()) tables_.push_back(std::move(yt));
  }
  if (!tables_.empty()) cell_figures_.emplace(doc);
}

}  // namespace esgaudit::numeric
