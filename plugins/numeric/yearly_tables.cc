#include "yearly_tables.h"

#include <algorithm>

#include "relation_internal.h"
#include "value_facts.h"

namespace esgaudit::numeric {

int HeaderYear(std::string_view cell) {
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

bool FindYearHeader(const sdk::TableGrid& grid, size_t min_years, uint32_t* row,
                    std::vector<std::pair<uint32_t, int>>* years) {
  bool found = false;
  for (uint32_t h = 0; h < std::min<uint32_t>(3, grid.Rows()); ++h) {
    std::vector<std::pair<uint32_t, int>> here;
    for (uint32_t c = 1; c < grid.Cols(); ++c) {
      const esgaudit_table_cell* cell = grid.At(h, c);
      if (cell == nullptr || cell->column != c) continue;  // a spanned header names its first column only
      if (const int y = HeaderYear(grid.Text(*cell)); y > 0) here.push_back({c, y});
    }
    if (here.size() >= min_years && here.size() > years->size()) {
      *row = h;
      *years = std::move(here);
      found = true;
    }
  }
  return found;
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

CellFigures::CellFigures(const sdk::Document& doc) : doc_(doc) {
  for (uint32_t i = 0, n = doc.FactCount(); i < n; ++i) by_offset_.push_back({doc.Fact(i).offset, i});
  std::sort(by_offset_.begin(), by_offset_.end());
}

long CellFigures::Of(const esgaudit_table_cell& c) const {
  auto it = std::lower_bound(by_offset_.begin(), by_offset_.end(), std::make_pair(c.offset, 0u));
  long found = -1;
  for (; it != by_offset_.end() && it->first < c.offset + c.length; ++it) {
    if (found >= 0) return -1;
    found = it->second;
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

}  // namespace esgaudit::numeric
