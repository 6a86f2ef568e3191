#include "layout_cells.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace esgaudit::numeric {

namespace {
// The display column just after cell `c`: ColumnOf its end. ColumnOf measures from the line's start
// (or the host's last column mark), so asking it for every cell of a line of many cells measures the
// line's head again and again; when the next cell of the line follows after nothing but spaces
// (one column each), the end column is the next cell's column (the host's display column of its
// offset) less those spaces.
// A cell ending where its line ends (its last cell, with nothing after it) ends one column past
// the line's display width, which the host measured as ColumnOf measures.
uint32_t EndColumn(const sdk::Document& doc, std::string_view text, const esgaudit_line& line,
                   const esgaudit_cell& c, const esgaudit_cell* next) {
  const uint64_t end = c.offset + c.length;
  if (next != nullptr && next->offset >= end && next->offset <= text.size() &&
      next->column > next->offset - end) {
    const std::string_view gap = text.substr(end, next->offset - end);
    if (gap.find_first_not_of(' ') == std::string_view::npos)
      return next->column - static_cast<uint32_t>(gap.size());
  }
  if (end == line.offset + line.length) return line.width + 1;
  return doc.ColumnOf(end);
}
}  // namespace

namespace {
// Whether any of the eight bytes of `w` is a space or a tab: the test for a zero byte
// ((x - 0x01..) & ~x & 0x80..), exact as to whether one exists, on w with each blank made zero.
inline bool HasBlank(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const uint64_t spaces = w ^ (kOnes * ' ');
  const uint64_t tabs = w ^ (kOnes * '\t');
  return (((spaces - kOnes) & ~spaces) | ((tabs - kOnes) & ~tabs)) & kHigh;
}
}  // namespace

void AppendWithoutBlanks(std::string_view s, std::string* out) {
  // Written in place: *out is grown by the size of `s` once and cut to what was kept. Eight bytes
  // without a blank are copied whole; any other byte is written and kept unless it is a space or a
  // tab (the write pointer moves on only past a kept byte), without an append call per run.
  const size_t held = out->size();
  out->resize(held + s.size());
  char* to = out->data() + held;
  const char* p = s.data();
  const char* const end = p + s.size();
  auto one = [&to](char c) {
    *to = c;
    to += c != ' ' && c != '\t';
  };
  for (uint64_t w; end - p >= 8; p += 8) {
    std::memcpy(&w, p, 8);
    if (!HasBlank(w)) {
      std::memcpy(to, &w, 8);
      to += 8;
      continue;
    }
    for (int k = 0; k < 8; ++k) one(p[k]);
  }
  for (; p < end; ++p) one(*p);
  out->resize(static_cast<size_t>(to - out->data()));
}

LayoutCells::LayoutCells(const sdk::Document& doc, const sdk::Context&) {
  if (!doc.HasStructure()) return;
  const std::string_view text = doc.Text();
  const uint32_t lines = doc.LineCount();
  first_.reserve(static_cast<size_t>(lines) + 1);
  // Every cell once: the list is the model's cells, reserved to their count rather than grown.
  size_t count = 0;
  for (uint32_t li = 0; li < lines; ++li) count += doc.LineStructure(li).cell_count;
  cells_.reserve(count);
  // Where each cell's text starts in texts_: the views are set once texts_ has stopped growing.
  std::vector<size_t> text_at;
  text_at.reserve(count);
  std::vector<esgaudit_cell> cs;
  for (uint32_t li = 0; li < lines; ++li) {
    first_.push_back(cells_.size());
    const esgaudit_line_structure ls = doc.LineStructure(li);
    if (ls.cell_count == 0) continue;
    const esgaudit_line line = doc.Line(li);
    cs.clear();
    for (uint32_t k = 0; k < ls.cell_count; ++k) cs.push_back(doc.Cell(ls.first_cell + k));
    for (size_t k = 0; k < cs.size(); ++k) {
      const esgaudit_cell& c = cs[k];
      LayoutCell cell;
      cell.line = li;
      cell.view_begin = c.view_begin;
      cell.view_end = c.view_end;
      cell.col_begin = c.column;
      cell.col_end = std::max(EndColumn(doc, text, line, c, k + 1 < cs.size() ? &cs[k + 1] : nullptr),
                              c.column);
      cell.flags = c.flags;
      const size_t from = texts_.size();
      AppendWithoutBlanks(doc.CellView(c), &texts_);
      cell.code_points = sdk::CodePointCount(std::string_view(texts_).substr(from));
      text_at.push_back(from);
      cells_.push_back(cell);
    }
  }
  first_.push_back(cells_.size());
  const std::string_view all(texts_);
  for (size_t k = 0; k < cells_.size(); ++k) {
    const size_t to = k + 1 < cells_.size() ? text_at[k + 1] : texts_.size();
    cells_[k].text = all.substr(text_at[k], to - text_at[k]);
  }
}

const LayoutCell* LayoutCells::At(uint32_t line, uint64_t v) const {
  const Range cells = this->line(line);
  // Cells of a line are disjoint and in view order: the last one starting at or before v.
  auto it = std::upper_bound(cells.begin(), cells.end(), v,
                             [](uint64_t x, const LayoutCell& c) { return x < c.view_begin; });
  if (it == cells.begin()) return nullptr;
  --it;
  return v < it->view_end ? &*it : nullptr;
}

}  // namespace esgaudit::numeric
