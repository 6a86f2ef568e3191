// Infographic figures: each quantity or percentage in a short cell outside prose and tables, with
// the label a reader pairs it with (inline, split over two lines, or stacked above or below in
// the same display columns). Linear: every cell is linked to at most one cell below it, found by
// one merge of two lines' cells sorted by column, over a fixed window of lines.
#include <esgaudit/bytes8.h>
#include <esgaudit/text.h>

#include <algorithm>
#include <cstdint>

#include "analyse/structure_internal.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"

namespace esgaudit {

using sdk::Contains;
using sdk::ContainsAny;
using sdk::NextCodePoint;

namespace {

// How a cell may take part in a stacked infographic.
enum CellKind : uint8_t {
  kOtherCell = 0,
  kLabelCell,  // short text without figures or sentence marks: "利润总额", "申请专", "发明"
  kValueCell,  // one figure and at most a unit after it: "51.25亿元", "7 项"
  kSplitCell,  // one figure after one or two characters ending a label above: "利89项"
  kUnitCell,   // a unit on its own line under its figure: "亿元"
};

constexpr uint32_t kSlack = 2;

// Chart legend keys and bullets: a cell with one is a legend or a list, not a figure's label.
bool IsMarker(char32_t c) {
  static const std::u32string k = U"■□●○◆◇▲△▼•〇★☆";
  return k.find(c) != std::u32string::npos;
}

bool IsLabelPunct(char32_t c) {
  static const std::u32string k = U"，。；、：:;,!?！？《》";  // brackets do occur in labels: 全年（总部）
  return k.find(c) != std::u32string::npos;
}

// The code points from U+3400 to U+9FFF: sdk::IsCjk holds for each, and none is label punctuation
// or a marker (those are all below U+3400 or at U+FF00 and above).
bool InCjkBlocks(char32_t c) { return c >= 0x3400 && c <= 0x9fff; }

}  // namespace

size_t FigureLetters(std::string_view s, bool* digit, bool* punct, bool* cjk, size_t limit) {
  size_t n = 0;
  *digit = *punct = *cjk = false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size() && n <= limit;) {
    char32_t c;
    if (p[i] < 0x80) {
      // Eight ASCII bytes at a time while the count stays within the limit (none of them could stop
      // it): each but a blank or tab is a letter, and the digits and marks are tested all at once.
      for (uint64_t w; i + 8 <= s.size() && n + 8 <= limit && ((w = bytes8::Load8(s.data() + i)) & bytes8::kHighBits) == 0;
           i += 8) {
        n += 8 - bytes8::CountMarks(bytes8::BytesEqual(w, ' ') | bytes8::BytesEqual(w, '\t'));
        *digit |= bytes8::AnyByteIn(w, '0', '9');
        *punct |= (bytes8::BytesEqual(w, ',') | bytes8::BytesEqual(w, ':') | bytes8::BytesEqual(w, ';') |
                   bytes8::BytesEqual(w, '!') | bytes8::BytesEqual(w, '?')) != 0;
      }
      if (i >= s.size() || p[i] >= 0x80) continue;
      c = p[i++];
    } else if ((c = PlainThreeByteAt(p + i, s.size() - i)) != 0) {
      i += 3;
      if (InCjkBlocks(c)) {
        ++n;
        *cjk = true;
        continue;
      }
    } else {
      c = NextCodePoint(s, &i);
    }
    if (c == ' ' || c == '\t') continue;
    ++n;
    if (c < 0x80) {  // the only ASCII among the punctuation and markers: , : ; ! ?
      *digit |= IsAsciiDigit(c);
      *punct |= c == ',' || c == ':' || c == ';' || c == '!' || c == '?';
      continue;
    }
    *punct |= IsLabelPunct(c) || IsMarker(c);
    *cjk |= sdk::IsCjk(c);
  }
  return n;  // a caller that only asks whether a cell is short reads no further than its limit
}

namespace {

std::string NoSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '\t') out += c;
  }
  return out;
}

}  // namespace

bool EqualsWithoutSpaces(std::string_view s, std::string_view w) {
  // Walks s once without copying it: the texts asked are whole cells, the words a few bytes.
  size_t k = 0;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    if (k == w.size() || c != w[k]) return false;
    ++k;
  }
  return k == w.size();
}

bool AllUnit(std::string_view s) {
  static constexpr std::string_view kUnitWords[] = {"平方米", "千平方米", "万平方米", "立方米", "万立方米",
                                                    "千瓦时", "万千瓦时", "亿千瓦时", "吨标准煤", "万吨标准煤",
                                                    "人次", "万人次", "公里", "千米", "小时", "百分点"};
  for (std::string_view w : kUnitWords) {
    if (EqualsWithoutSpaces(s, w)) return true;
  }
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = NextCodePoint(s, &i);
    if (c == ' ') continue;
    if (!sdk::IsUnitChar(c) && c != U'元' && c != U'万' && c != U'亿' && c != '%') return false;
    ++n;
  }
  return n > 0 && n <= 3;
}

namespace {

// The label part of the text before a figure in its cell: after the last punctuation, without
// linking characters at its end ("员工总数：" -> "员工总数").
std::string_view LabelTail(std::string_view s) {
  size_t start = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = NextCodePoint(s, &i);
    if (IsLabelPunct(c) || IsAsciiDigit(c) || c == '%') start = i;
  }
  s = sdk::Trim(s.substr(start));
  for (const char* link : {"：", ":", "为", "达", "约", "共", "计"}) {
    std::string_view l(link);
    if (s.size() > l.size() && s.substr(s.size() - l.size()) == l) s = sdk::Trim(s.substr(0, s.size() - l.size()));
  }
  return s;
}

// A label that ends with a count noun of another unit than its figure's ("在职培训人次" over
// "1170.52万元") is not that figure's label.
bool UnitsDisagree(std::string_view label, std::string_view unit) {
  static const std::pair<const char*, const char*> kEndings[] = {
      {"人次", "人次"}, {"人数", "人"}, {"金额", "元"}, {"资金", "元"}, {"投入", "元"}, {"总额", "元"},
      {"次数", "次"}, {"天数", "天"}, {"时长", "小时"}};
  for (const auto& [ending, expected] : kEndings) {
    std::string_view e(ending);
    if (label.size() >= e.size() && label.substr(label.size() - e.size()) == e) {
      // 总额 and 投入 name amounts of money, or of a quantity: only a count unit contradicts them.
      if (unit.empty()) return false;
      if (std::string_view(expected) == "元") return unit == "人" || unit == "人次" || unit == "次";
      if (std::string_view(expected) == "人") return unit != "人" && unit != "人次";
      return unit != expected;
    }
  }
  return false;
}

}  // namespace

const ChartCaption* Structure::ChartCaptionOf(size_t i) const {
  auto it = std::upper_bound(chart_captions_.begin(), chart_captions_.end(), i,
                             [](size_t line, const ChartCaption& c) { return line < c.first_line; });
  if (it == chart_captions_.begin()) return nullptr;
  --it;
  return i <= it->last_line ? &*it : nullptr;
}

void StructureBuilder::FindFigures() {
  const std::vector<NumericFact>& facts = doc_.facts();
  const size_t n = s_.lines_.size();
  const size_t cells = s_.cells_.size();
  std::vector<uint8_t> kind(cells, kOtherCell);
  std::vector<uint32_t> cell_fact(cells, kNoIndex);   // the one figure of a value or split cell
  std::vector<uint64_t> prefix_end(cells, 0);         // view end of a split cell's label part
  // Display width of a cell, measured when pass 2 first compares its columns (most cells never are).
  constexpr uint32_t kUnmeasured = UINT32_MAX;
  std::vector<uint32_t> width(cells, kUnmeasured);
  auto width_of = [&](uint32_t ci) {
    if (width[ci] == kUnmeasured) {
      const Cell& c = s_.cells_[ci];
      width[ci] = TextWidth(std::string_view(doc_.text()).substr(c.offset, c.length), c.column - 1);
    }
    return width[ci];
  };
  std::vector<uint32_t> below(cells, kNoIndex);
  std::vector<uint32_t> above(cells, kNoIndex);
  std::vector<uint32_t> cell_line(cells, 0);

  auto eligible_line = [&](size_t li) {
    const LineStructure& l = s_.lines_[li];
    if (l.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX | ESGAUDIT_LINE_TABLE))
      return false;
    return l.role == ESGAUDIT_ROLE_INFOGRAPHIC || l.role == ESGAUDIT_ROLE_OTHER ||
           l.role == ESGAUDIT_ROLE_HEADING || l.role == ESGAUDIT_ROLE_PROSE;
  };
  auto figure_kind = [](const NumericFact& f) {
    return f.kind == ESGAUDIT_FACT_QUANTITY || f.kind == ESGAUDIT_FACT_PERCENT;
  };

  // Pass 1: classify the cells and find the inline figures. Facts are in text order, so one
  // cursor walks them along the cells.
  size_t fi = 0;
  struct Inline {
    uint32_t fact;
    uint32_t cell;
    uint64_t label_begin, label_end;  // view
  };
  std::vector<Inline> inlines;
  for (size_t li = 0; li < n; ++li) {
    const LineStructure& l = s_.lines_[li];
    bool ok_line = eligible_line(li);
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      uint32_t ci = l.first_cell + k;
      const Cell& c = s_.cells_[ci];
      cell_line[ci] = static_cast<uint32_t>(li);
      // The facts in this cell.
      while (fi < facts.size() && facts[fi].offset < c.offset) ++fi;
      size_t first = fi, last = fi;
      while (last < facts.size() && facts[last].offset < c.offset + c.length) ++last;
      if (!ok_line || (c.flags & ESGAUDIT_CELL_SIDE_BANNER)) continue;
      std::string_view text = CellText(c);
      bool digit, punct, cjk;
      // Beyond 24 code points a cell is neither a label (at most 16) nor a figure's cell (at most 24).
      size_t letters = FigureLetters(text, &digit, &punct, &cjk, 24);
      if (first == last) {
        // A numbered heading ("2、切实维护…") titles a section, not a figure.
        bool numbered = l.role == ESGAUDIT_ROLE_HEADING && l.section != kNoIndex &&
                        l.section < s_.sections_.size() && s_.sections_[l.section].line == li &&
                        !s_.sections_[l.section].number.empty();
        if (numbered) continue;
        // A title over running text ("薪资与福利体系" above its paragraph) belongs to the text; a
        // Chinese label over a line without Chinese ("客户档案准确率" over "Customer profile
        // accuracy") is over its translation, not a paragraph.
        bool titles_prose = false;
        for (size_t lj = li + 1; lj < n && lj <= li + 3; ++lj) {
          const LineStructure& m = s_.lines_[lj];
          if (m.cell_count == 0 || (m.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
          titles_prose = m.role == ESGAUDIT_ROLE_PROSE && l.cell_count == 1 && m.cell_count == 1 &&
                         (sdk::HasCjk(CellText(s_.cells_[m.first_cell])) || !sdk::HasCjk(text));
          break;
        }
        if (titles_prose) continue;
        // One character labels a chart's slice as well as two ("男" over "79%"); a letter of
        // vertical side text is a side-banner cell, skipped above.
        if (!digit && !punct && cjk && letters >= 1 && letters <= 16) {
          kind[ci] = AllUnit(text) ? kUnitCell : kLabelCell;
        } else if (AllUnit(text)) {
          kind[ci] = kUnitCell;
        }
        continue;
      }
      if (letters > 24 || (punct && letters >= 12)) continue;  // a cell of running text
      uint64_t cursor = c.view_begin;
      size_t figures = 0;
      uint32_t only = kNoIndex;
      for (size_t j = first; j < last; ++j) {
        const NumericFact& f = facts[j];
        uint64_t vb = std::max<uint64_t>(doc_.TextToView(f.offset), cursor);
        uint64_t ve = std::max<uint64_t>(doc_.TextToView(f.offset + f.length), vb);
        if (!figure_kind(f)) {
          cursor = std::min<uint64_t>(ve, c.view_end);
          continue;
        }
        ++figures;
        only = static_cast<uint32_t>(j);
        std::string_view before = view_.substr(cursor, vb - cursor);
        std::string_view tail = LabelTail(before);
        if (sdk::CodePointCount(NoSpaces(tail)) >= 2 && sdk::HasCjk(tail)) {
          uint64_t tb = static_cast<uint64_t>(tail.data() - view_.data());
          inlines.push_back({static_cast<uint32_t>(j), ci, tb, tb + tail.size()});
        }
        cursor = std::min<uint64_t>(ve, c.view_end);
      }
      if (figures != 1 || last - first != 1) continue;
      const NumericFact& f = facts[only];
      uint64_t vb = doc_.TextToView(f.offset);
      uint64_t ve = std::min<uint64_t>(std::max<uint64_t>(doc_.TextToView(f.offset + f.length), vb), c.view_end);
      std::string_view before = sdk::Trim(view_.substr(c.view_begin, vb > c.view_begin ? vb - c.view_begin : 0));
      std::string_view after = sdk::Trim(view_.substr(ve, c.view_end - ve));
      bool bd, bp, bc, ad, ap, ac;
      size_t nb = FigureLetters(before, &bd, &bp, &bc);
      size_t na = FigureLetters(after, &ad, &ap, &ac);
      if (ad || ap || na > 2) continue;
      // Qualifiers and linking words before a figure are no part of a label ("约5.9万人次").
      bool link_only = false;
      for (std::string_view w : {"约", "近", "超", "逾", "达", "共", "为", "共计", "合计", "超过"}) {
        link_only |= EqualsWithoutSpaces(before, w);
      }
      if (nb == 0 || link_only) {
        kind[ci] = kValueCell;
        cell_fact[ci] = only;
      } else if (nb <= 2 && bc && !bd && !bp) {
        kind[ci] = kSplitCell;
        cell_fact[ci] = only;
        prefix_end[ci] = vb;
      }
    }
  }

  // Pass 2: link each cell to the cell below it in the same columns: the first of the next six
  // lines (page furniture skipped) with a cell overlapping its columns.
  for (size_t li = 0; li < n; ++li) {
    const LineStructure& l = s_.lines_[li];
    if (l.cell_count == 0 || !eligible_line(li)) continue;
    // The cells of this line still looking for a cell below.
    std::vector<uint32_t> open;
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      uint32_t ci = l.first_cell + k;
      if (kind[ci] != kOtherCell) open.push_back(ci);
    }
    for (size_t lj = li + 1; lj < n && lj <= li + 6 && !open.empty(); ++lj) {
      const LineStructure& m = s_.lines_[lj];
      if (m.cell_count == 0 || (m.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
      std::vector<uint32_t> still;
      size_t k = 0;  // merge: both lists are sorted by column
      for (uint32_t ci : open) {
        const Cell& a = s_.cells_[ci];
        // Labels and figures are often centred on each other: two columns of slack either side.
        uint32_t a0 = a.column > kSlack ? a.column - kSlack : 0;
        uint32_t a1 = a.column + std::max<uint32_t>(width_of(ci), 1) + kSlack;
        while (k < m.cell_count) {
          const Cell& b = s_.cells_[m.first_cell + k];
          if (b.column + std::max<uint32_t>(width_of(m.first_cell + static_cast<uint32_t>(k)), 1) <= a0) {
            ++k;
            continue;
          }
          break;
        }
        uint32_t best = kNoIndex;
        uint32_t best_overlap = 0;
        for (size_t q = k; q < m.cell_count; ++q) {
          uint32_t bi = m.first_cell + static_cast<uint32_t>(q);
          const Cell& b = s_.cells_[bi];
          if (b.column >= a1) break;
          uint32_t bw = std::max<uint32_t>(width_of(bi), 1);
          uint32_t lo = std::max(a0, b.column), hi = std::min(a1, b.column + bw);
          if (hi > lo && hi - lo > best_overlap) {
            best_overlap = hi - lo;
            best = bi;
          }
        }
        if (best == kNoIndex) {
          still.push_back(ci);
        } else if (above[best] == kNoIndex) {
          below[ci] = best;
          above[best] = ci;
        }
      }
      open.swap(still);
    }
  }

  // Pass 2b: a chart's label set beside its figure rather than over it ("大专" a few columns left
  // of "361人" on the next line): a label cell left without a cell below takes the value cell of
  // the next non-blank line when that is the cell of the line nearest to it, within kOffsetSlack
  // columns, unlinked, and no other cell of the label's line is nearer to it. Cells of a line are
  // sorted by column, so the nearest ones are found by binary search and the label's neighbours.
  constexpr uint32_t kOffsetSlack = 16;
  auto gap = [&](uint32_t a, uint32_t b) {  // display columns between two cells, 0 when they overlap
    const Cell& x = s_.cells_[a];
    const Cell& y = s_.cells_[b];
    uint32_t x1 = x.column + std::max<uint32_t>(width_of(a), 1), y1 = y.column + std::max<uint32_t>(width_of(b), 1);
    return x1 <= y.column ? y.column - x1 : y1 <= x.column ? x.column - y1 : 0u;
  };
  for (size_t li = 0; li < n; ++li) {
    const LineStructure& l = s_.lines_[li];
    if (l.cell_count == 0 || !eligible_line(li)) continue;
    size_t lj = li + 1;
    while (lj < n && lj <= li + 2 && (s_.lines_[lj].cell_count == 0 || (s_.lines_[lj].flags & ESGAUDIT_LINE_FURNITURE_MASK)))
      ++lj;
    if (lj >= n || lj > li + 2 || s_.lines_[lj].cell_count == 0) continue;
    const LineStructure& m = s_.lines_[lj];
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      uint32_t ci = l.first_cell + k;
      if (kind[ci] != kLabelCell || below[ci] != kNoIndex) continue;
      // The cells of the next line on either side of the label's start.
      const Cell* row = &s_.cells_[m.first_cell];
      uint32_t at = static_cast<uint32_t>(
          std::upper_bound(row, row + m.cell_count, s_.cells_[ci].column,
                           [](uint32_t col, const Cell& c) { return col < c.column; }) - row);
      uint32_t best = kNoIndex;
      for (uint32_t q : {at > 0 ? at - 1 : kNoIndex, at, at + 1}) {
        if (q >= m.cell_count) continue;
        uint32_t bi = m.first_cell + q;
        if (best == kNoIndex || gap(ci, bi) < gap(ci, best)) best = bi;
      }
      if (best == kNoIndex || kind[best] != kValueCell || above[best] != kNoIndex || gap(ci, best) > kOffsetSlack)
        continue;
      bool nearer = false;
      for (uint32_t q : {k > 0 ? k - 1 : kNoIndex, k + 1}) {
        if (q < l.cell_count && gap(l.first_cell + q, best) < gap(ci, best)) nearer = true;
      }
      if (nearer) continue;
      below[ci] = best;
      above[best] = ci;
    }
  }

  // Pass 3: runs of label and value cells down a column, each paired one way. Label cells on
  // consecutive lines are one label ("党委专题研" over "究政治巡察"), up to three lines.
  std::vector<std::vector<uint32_t>> label_groups;
  std::vector<uint32_t> label_of(cells, kNoIndex);  // value cell -> label group
  std::vector<uint8_t> how(cells, 0);               // esgaudit_figure_label per value cell
  std::vector<uint8_t> ambiguous(cells, 0);
  auto in_run = [&](uint32_t ci) { return ci != kNoIndex && kind[ci] != kOtherCell; };
  for (size_t ci = 0; ci < cells; ++ci) {
    if (!in_run(static_cast<uint32_t>(ci)) || in_run(above[ci])) continue;
    // Items: a label group (several cells) or one value or split cell. Units are left out: they
    // belong to the figure above them.
    struct Item {
      uint8_t kind;
      std::vector<uint32_t> cells;
      bool unit = false;  // a figure with a unit (its own or a unit cell right under it)
    };
    std::vector<Item> run;
    for (uint32_t x = static_cast<uint32_t>(ci); in_run(x); x = below[x]) {
      if (kind[x] == kUnitCell) {
        if (!run.empty()) run.back().unit = true;
        continue;
      }
      if (kind[x] == kLabelCell && !run.empty() && run.back().kind == kLabelCell &&
          run.back().cells.size() < 3 && cell_line[x] == cell_line[run.back().cells.back()] + 1) {
        run.back().cells.push_back(x);
        continue;
      }
      run.push_back({kind[x], {x},
                     cell_fact[x] != kNoIndex &&
                         (!facts[cell_fact[x]].unit.empty() || facts[cell_fact[x]].magnitude != 1)});
    }
    if (run.size() < 2) continue;
    // A bare number (a page number, a chart's axis) is no infographic figure; nor is a figure
    // next to another figure in the column (a series of values, or axis ticks): which label is
    // whose cannot be told.
    auto is_value = [&](size_t q) { return run[q].kind == kValueCell || run[q].kind == kSplitCell; };
    for (size_t p = 0; p < run.size(); ++p) {
      if (!is_value(p)) continue;
      bool next_to_value = (p > 0 && is_value(p - 1)) || (p + 1 < run.size() && is_value(p + 1));
      if (!run[p].unit || next_to_value) run[p].kind = kOtherCell;
    }
    // A label next to a figure that names another unit makes the column's pairing doubtful:
    // that figure is left unlabelled whichever way the column reads.
    for (size_t p = 0; p < run.size(); ++p) {
      if (run[p].kind != kValueCell) continue;
      const std::string_view unit = facts[cell_fact[run[p].cells[0]]].unit;
      for (size_t q : {p - 1, p + 1}) {
        if (q >= run.size() || run[q].kind != kLabelCell) continue;  // p - 1 wraps at p = 0
        if (UnitsDisagree(CellText(s_.cells_[run[q].cells.back()]), unit)) run[p].kind = kOtherCell;
      }
    }
    auto group_of = [&](size_t q) {
      label_groups.push_back(run[q].cells);
      return static_cast<uint32_t>(label_groups.size() - 1);
    };
    std::vector<uint8_t> used(run.size(), 0);
    // A split cell continues the label right above it.
    for (size_t p = 1; p < run.size(); ++p) {
      if (run[p].kind == kSplitCell && run[p - 1].kind == kLabelCell && !used[p - 1]) {
        used[p - 1] = 1;
        label_of[run[p].cells[0]] = group_of(p - 1);
        how[run[p].cells[0]] = ESGAUDIT_FIGURE_SPLIT;
      }
    }
    auto pairs = [&](bool up, std::vector<uint8_t> u, std::vector<size_t>* out) {
      size_t count = 0;
      out->assign(run.size(), SIZE_MAX);
      for (size_t p = 0; p < run.size(); ++p) {
        if (run[p].kind != kValueCell) continue;
        if ((up && p == 0) || (!up && p + 1 >= run.size())) continue;
        size_t q = up ? p - 1 : p + 1;
        if (run[q].kind != kLabelCell || u[q]) continue;
        u[q] = 1;
        (*out)[p] = q;
        ++count;
      }
      return count;
    };
    std::vector<size_t> up_pairs, down_pairs;
    size_t a = pairs(true, used, &up_pairs);
    size_t b = pairs(false, used, &down_pairs);
    if (a == 0 && b == 0) continue;
    bool up = a >= b;
    const std::vector<size_t>& chosen = up ? up_pairs : down_pairs;
    for (size_t p = 0; p < run.size(); ++p) {
      if (chosen[p] == SIZE_MAX) continue;
      uint32_t v = run[p].cells[0];
      label_of[v] = group_of(chosen[p]);
      how[v] = up ? ESGAUDIT_FIGURE_STACKED_ABOVE : ESGAUDIT_FIGURE_STACKED_BELOW;
      // Both ways pair as many figures: a label is left over at one end, and either reading
      // may be the report's.
      ambiguous[v] = a == b;
    }
  }

  // Pass 4: the figures in text order (value cells and inline figures interleave by cell).
  auto add_span = [&](uint64_t vb, uint64_t ve) { AddSpan(vb, ve); };
  size_t next_inline = 0;
  auto label_text = [&](uint32_t first, uint32_t count) {
    std::string out;
    for (uint32_t k = 0; k < count; ++k) {
      const TextSpan& t = s_.spans_[first + k];
      out += NoSpaces(view_.substr(t.view_begin, t.view_end - t.view_begin));
    }
    return out;
  };
  auto emit_inline = [&](const Inline& in) {
    Figure g;
    g.fact = in.fact;
    const NumericFact& f = facts[in.fact];
    g.offset = f.offset;
    g.length = f.length;
    g.line = f.line;
    g.cell = in.cell;
    g.kind = ESGAUDIT_FIGURE_INLINE;
    g.first_span = static_cast<uint32_t>(s_.spans_.size());
    add_span(in.label_begin, in.label_end);
    g.span_count = 1;
    g.label = label_text(g.first_span, 1);
    s_.figures_.push_back(std::move(g));
  };
  for (size_t ci = 0; ci < cells; ++ci) {
    while (next_inline < inlines.size() && inlines[next_inline].cell < ci) emit_inline(inlines[next_inline++]);
    if (label_of[ci] == kNoIndex) continue;
    // A split cell's inline reading ("利") gives way to the assembled label.
    while (next_inline < inlines.size() && inlines[next_inline].cell == ci) ++next_inline;
    const NumericFact& f = facts[cell_fact[ci]];
    Figure g;
    g.fact = cell_fact[ci];
    g.offset = f.offset;
    g.length = f.length;
    g.line = f.line;
    g.cell = static_cast<uint32_t>(ci);
    g.kind = static_cast<esgaudit_figure_label>(how[ci]);
    g.flags = ambiguous[ci] ? ESGAUDIT_FIGURE_AMBIGUOUS : 0;
    g.first_span = static_cast<uint32_t>(s_.spans_.size());
    for (uint32_t lc : label_groups[label_of[ci]]) {
      add_span(s_.cells_[lc].view_begin, s_.cells_[lc].view_end);
      ++g.span_count;
    }
    if (g.kind == ESGAUDIT_FIGURE_SPLIT) {
      add_span(s_.cells_[ci].view_begin, prefix_end[ci]);
      ++g.span_count;
    }
    g.label = label_text(g.first_span, g.span_count);
    s_.figures_.push_back(std::move(g));
  }
  while (next_inline < inlines.size()) emit_inline(inlines[next_inline++]);

  // The cells figures and their labels were taken from are not prose.
  figure_cells_.assign(cells, 0);
  for (const Figure& g : s_.figures_) {
    if (g.kind == ESGAUDIT_FIGURE_INLINE) continue;
    figure_cells_[g.cell] = 1;
    for (uint32_t lc : label_groups[label_of[g.cell]]) figure_cells_[lc] = 1;
  }

  // Chart captions (the contract is in structure.h).
  constexpr uint32_t kCaptionRun = 8;
  constexpr size_t kCaptionGap = 3;
  auto caption = [&](size_t li) -> std::string_view {
    const LineStructure& l = s_.lines_[li];
    if (l.cell_count != 1 ||
        (l.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX | ESGAUDIT_LINE_TABLE)))
      return {};
    // A figure's own label ("35%" over "女性高管比例") names that figure, not the lines below.
    if (figure_cells_[l.first_cell]) return {};
    std::string_view t = CellText(s_.cells_[l.first_cell]);
    if (t.empty() || sdk::CodePointCount(t) > 24 || std::any_of(t.begin(), t.end(), IsAsciiDigit) ||
        ContainsAny(t, {"。", "，", ",", ";", "；", ":", "："}))
      return {};
    const std::string lower = sdk::AsciiLower(t);
    return ContainsAny(lower, {"比例", "结构", "分布", "构成", "占比", "split", "breakdown", "distribution", "ratio", "mix"})
               ? t
               : std::string_view();
  };
  // A line of a chart printed over its caption: its figure cells; kNoIndex for a line that is no
  // part of a chart (prose, or words without a figure that are neither a legend, with its glyphs,
  // nor a unit: the label of another figure, a heading).
  auto run_figures = [&](size_t j) -> size_t {
    const LineStructure& l = s_.lines_[j];
    size_t here = 0;
    bool legend = false, unit = false;
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      const Cell& c = s_.cells_[l.first_cell + k];
      std::string_view t = CellText(c);
      if (sdk::CodePointCount(t) >= 20 || Contains(t, "。")) return kNoIndex;
      here += (c.flags & ESGAUDIT_CELL_NUMERIC) != 0;
      legend = legend || ContainsAny(t, {"■", "□", "●", "○", "◆", "◇", "▲", "△", "▼", "▽"});
      const std::string lower = sdk::AsciiLower(t);
      unit = unit || lower.rfind("单位", 0) == 0 || lower.rfind("單位", 0) == 0 || lower.rfind("unit", 0) == 0;
    }
    return here > 0 || legend || unit ? here : kNoIndex;
  };
  // Whether the caption on line `j - 1` heads what follows it: the next line (blank lines, page
  // furniture and a unit line without figures passed over) holds a figure or is a table,
  // contents or index line.
  auto heads_below = [&](size_t j) {
    for (; j < n; ++j) {
      const LineStructure& l = s_.lines_[j];
      if (l.cell_count == 0 || (l.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
      if (l.flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX | ESGAUDIT_LINE_TABLE)) return true;
      for (uint32_t k = 0; k < l.cell_count; ++k) {
        if (s_.cells_[l.first_cell + k].flags & ESGAUDIT_CELL_NUMERIC) return true;
      }
      if (run_figures(j) == 0) continue;  // a unit or a legend
      return false;
    }
    return false;
  };
  // Reads the run of a caption on line `li`: downwards from line `li + 1` to the end, or upwards
  // from line `li - 1` to line `floor`. Blank lines are passed over, but a wide vertical space
  // (kCaptionGap blank lines in a row) ends the run: what lies beyond it is the page's next chart
  // or group of figures; downwards only once a line of the run was read (a caption over a wide
  // space heads the chart below it). A table, contents or index line or another caption ends the
  // run; page furniture is passed over; at most kCaptionRun lines are read. `visit(j)` is called
  // with each line read and returns false to end the run.
  auto walk_run = [&](size_t li, bool down, size_t floor, auto&& visit) {
    size_t blanks = 0;  // blank lines in a row
    for (size_t j = li, seen = 0; seen < kCaptionRun;) {
      if (down ? ++j >= n : j-- <= floor) break;
      const LineStructure& l = s_.lines_[j];
      if (l.cell_count == 0) {
        if (++blanks >= kCaptionGap && (seen > 0 || !down)) break;
        continue;
      }
      blanks = 0;
      if (l.flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX | ESGAUDIT_LINE_TABLE)) break;
      if (l.flags & ESGAUDIT_LINE_FURNITURE_MASK) continue;
      ++seen;
      if (!caption(j).empty() || !visit(j)) break;
    }
  };
  for (size_t li = 0; li < n; ++li) {
    const std::string_view text = caption(li);
    if (text.empty()) continue;
    size_t figure_cells = 0;
    size_t last = li;
    walk_run(li, true, 0, [&](size_t j) {
      const LineStructure& l = s_.lines_[j];
      bool prose = false;
      size_t here = 0;
      for (uint32_t k = 0; k < l.cell_count; ++k) {
        const Cell& c = s_.cells_[l.first_cell + k];
        std::string_view t = CellText(c);
        prose = prose || sdk::CodePointCount(t) >= 20 || Contains(t, "。");
        here += (c.flags & ESGAUDIT_CELL_NUMERIC) != 0;
      }
      if (prose) return false;
      if (here > 0) last = j;
      figure_cells += here;
      return true;
    });
    if (figure_cells >= 2) {
      ChartCaption cc;
      cc.line = static_cast<uint32_t>(li);
      cc.first_line = static_cast<uint32_t>(li + 1);
      cc.last_line = static_cast<uint32_t>(last);
      cc.text = NoSpaces(text);
      s_.chart_captions_.push_back(std::move(cc));
      li = last;
      continue;
    }
    // Heading nothing: a caption printed below its chart when it closes a run of figures (the
    // next line holds no figure and is no table), read upwards as a run below is read downwards.
    if (heads_below(li + 1)) continue;
    const size_t floor = s_.chart_captions_.empty()
                             ? 0
                             : std::max(s_.chart_captions_.back().line, s_.chart_captions_.back().last_line) + 1;
    size_t first = li, bottom = li;
    figure_cells = 0;
    walk_run(li, false, floor, [&](size_t j) {
      const LineStructure& l = s_.lines_[j];
      const size_t here = run_figures(j);
      if (here == kNoIndex) {
        // A sentence not ended ("…，截至年末" over "50  44.5"): the figures finish it.
        const std::string_view t = CellText(s_.cells_[l.first_cell + l.cell_count - 1]);
        bool ended = false;
        for (std::string_view end : {"。", "！", "？", ".", "!", "?"}) {
          ended = ended || (t.size() >= end.size() && t.substr(t.size() - end.size()) == end);
        }
        if (!ended && ContainsAny(t, {"，", ",", "、", "：", ":"})) figure_cells = 0;
        return false;
      }
      if (here > 0 && bottom == li) bottom = j;
      figure_cells += here;
      first = j;
      return true;
    });
    if (figure_cells < 2) continue;
    ChartCaption cc;
    cc.line = static_cast<uint32_t>(li);
    cc.first_line = static_cast<uint32_t>(first);
    cc.last_line = static_cast<uint32_t>(bottom);
    cc.text = NoSpaces(text);
    s_.chart_captions_.push_back(std::move(cc));
  }
}

}  // namespace esgaudit
