// Sentences and clauses of running text, and the facts each clause holds. Prose is read as
// chains of cells down the page (a cell continues in the next non-blank line's prose cell that
// starts within a few columns of it), then split at sentence and clause punctuation. Linear but
// for one sort of the clause pieces (to find the clause of each fact).
#include <esgaudit/text.h>

#include <algorithm>
#include <string_view>
#include <tuple>

#include "analyse/structure_internal.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"

namespace esgaudit {

using sdk::NextCodePoint;

namespace {

constexpr uint32_t kColumnSlack = 6;  // a paragraph's first-line indent is two CJK characters
constexpr size_t kLineWindow = 4;       // a wrapped line may be followed by up to three blank lines
constexpr size_t kFurnitureWindow = 12;  // lines of page furniture between (bounded: linear)
constexpr uint8_t kProse = 1;         // a cell of running text
constexpr uint8_t kContinuation = 2;  // prose only when a sentence above runs into it

bool IsAsciiWord(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
}

// 0: no boundary; 1: a clause ends before this character; 2: a sentence ends after it.
int Boundary(std::string_view piece, size_t at, size_t next, char32_t c) {
  auto digit_around = [&] {
    return at > 0 && IsAsciiDigit(piece[at - 1]) && next < piece.size() && IsAsciiDigit(piece[next]);
  };
  switch (c) {
    case U'。': case U'！': case U'？': case U'；': case '!': case '?': case ';':
      return 2;
    case '.':
      // A decimal point or "No.5" is no end; a '.' before a space, the end or a CJK character is.
      if (digit_around()) return 0;
      if (next >= piece.size() || piece[next] == ' ') return 2;
      {
        size_t i = next;
        return sdk::IsCjk(NextCodePoint(piece, &i)) ? 2 : 0;
      }
    case U'，': case U'、': case U'：':
      return 1;
    case ',': case ':':
      return digit_around() ? 0 : 1;
    default:
      return 0;
  }
}

}  // namespace

// Where the run of characters from `at` ends that are neither blanks nor sentence or clause marks
// for Boundary: printing ASCII and DEL other than the blank and ! , . : ; ?, and well-formed
// three-byte sequences with lead bytes E4-E9 (U+4000-9FFF: every mark Boundary knows is
// U+3001-3002 or U+FF01-FF1F). Each is one code point for NextCodePoint; Boundary is 0 on each.
size_t PlainRunEnd(std::string_view piece, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(piece.data());
  const size_t n = piece.size();
  while (at < n) {
    const unsigned char b = p[at];
    if (b < 0x80) {
      if (b <= ' ' || b == '!' || b == ',' || b == '.' || b == ':' || b == ';' || b == '?') break;
      ++at;
    } else if (b >= 0xe4 && b <= 0xe9 && at + 2 < n && (p[at + 1] & 0xc0) == 0x80 && (p[at + 2] & 0xc0) == 0x80) {
      at += 3;
    } else {
      break;
    }
  }
  return at;
}

namespace {

// A list number alone: "2、", "(3)", "一、", "1.".
bool IsListNumber(std::string_view t) {
  size_t digits = 0, other = 0;
  for (size_t i = 0; i < t.size();) {
    char32_t c = NextCodePoint(t, &i);
    if (c == ' ' || c == '\t') continue;
    if (IsAsciiDigit(c) || std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos) {
      ++digits;
    } else if (std::u32string_view(U"()（）、.．").find(c) != std::u32string_view::npos) {
      ++other;
    } else {
      return false;
    }
  }
  return digits > 0 && digits <= 3 && other <= 3;
}

// "3,914.86 亿", "17项", "100 %": IsLoneFigure with a unit after the number that is no date's.
bool IsFigureWithUnitLine(std::string_view t) {
  t = sdk::Trim(t);
  if (t.empty() || !IsAsciiDigit(t.front()) || IsAsciiDigit(t.back()) || !IsLoneFigure(t)) return false;
  for (std::string_view date : {"年", "月", "日", "号"})
    if (t.size() >= date.size() && t.substr(t.size() - date.size()) == date) return false;
  return true;
}

// Text that goes on with the clause of a figure above it: a clause or sentence mark, or a change
// or share of that figure ("较2015年末增长10.68%", "同比增长", "占比").
bool ContinuesAFigure(std::string_view t) {
  t = sdk::Trim(t);
  for (std::string_view w : {"，", "、", "。", "；", ",", ";", "较", "同比", "比上年", "比去年", "占"})
    if (t.substr(0, w.size()) == w) return true;
  return false;
}

// "(1)\t向…捐赠15,000.00元；": a list number with its bracket or point ("(1)", "（1）", "1、", "一、",
// "1.") in a line's first cell, a tab, then the item's text in the line's only other cell. The tab
// is layout of extracted text, read as the space it stands for. A bare number ("1\t项目A") may
// number a table's row, and a line of more cells is a row: neither is an item.
bool IsNumberedItemLine(std::string_view view, const Cell& marker, const Cell& text) {
  std::string_view m = view.substr(marker.view_begin, marker.view_end - marker.view_begin);
  if (!IsListNumber(m) || m.find_first_not_of("0123456789") == std::string_view::npos) return false;
  std::string_view between = view.substr(marker.view_end, text.view_begin - marker.view_end);
  return between.find('\t') != std::string_view::npos && between.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

std::string Structure::SpanText(std::string_view view, uint32_t first, uint32_t count) const {
  std::string out;
  for (uint32_t k = 0; k < count && first + k < spans_.size(); ++k) {
    const TextSpan& t = spans_[first + k];
    std::string_view piece = view.substr(t.view_begin, t.view_end - t.view_begin);
    // Words of Latin script wrapped at a line end are two words.
    if (!out.empty() && !piece.empty() && IsAsciiWord(out.back()) && IsAsciiWord(piece.front())) out += ' ';
    out += piece;
  }
  return out;
}

uint32_t LineOfNear(const Document& doc, uint64_t offset, uint32_t hint) {
  const size_t n = doc.line_count();
  // Line k is the answer when it starts at or before `offset` and the next (if any) after it.
  auto is = [&](size_t k) { return doc.line(k).offset <= offset && (k + 1 == n || doc.line(k + 1).offset > offset); };
  if (hint < n && is(hint)) return hint;
  if (static_cast<size_t>(hint) + 1 < n && is(hint + 1)) return hint + 1;
  return doc.LineOf(offset);
}

void StructureBuilder::AddSpan(uint64_t vb, uint64_t ve) {
  TextSpan t;
  t.view_begin = vb;
  t.view_end = ve;
  t.offset = doc_.ViewToText(vb);
  const uint64_t te = doc_.ViewToText(ve);
  t.length = te > t.offset ? te - t.offset : 0;
  t.line = s_.spans_.empty() ? doc_.LineOf(t.offset) : LineOfNear(doc_, t.offset, s_.spans_.back().line);
  s_.spans_.push_back(t);
}

void StructureBuilder::FindSentences() {
  const size_t n = s_.lines_.size();
  const size_t cells = s_.cells_.size();
  std::vector<uint8_t> prose(cells, 0);
  std::vector<uint32_t> line_of(cells, 0);
  for (size_t li = 0; li < n; ++li) {
    const LineStructure& l = s_.lines_[li];
    if (l.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX | ESGAUDIT_LINE_TABLE))
      continue;
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      uint32_t ci = l.first_cell + k;
      line_of[ci] = static_cast<uint32_t>(li);
      const Cell& c = s_.cells_[ci];
      if ((c.flags & ESGAUDIT_CELL_SIDE_BANNER) || (ci < figure_cells_.size() && figure_cells_[ci])) continue;
      if (l.role == ESGAUDIT_ROLE_PROSE || l.role == ESGAUDIT_ROLE_OTHER) {
        prose[ci] = kProse;
      } else if (l.role == ESGAUDIT_ROLE_INFOGRAPHIC) {
        // A cell of sentence text among figures; or any other cell, which is prose only as the
        // continuation of a sentence from the line above ("3.5万吨。" ending a wrapped sentence).
        std::string_view t = CellText(c);
        prose[ci] = sdk::CodePointCount(t) >= 12 && (sdk::Contains(t, ",") || sdk::Contains(t, "。"))
                        ? kProse
                        : kContinuation;
      }
    }
  }

  // Chains: each prose cell links to at most one prose cell below it.
  std::vector<uint32_t> next(cells, kNoIndex);
  std::vector<uint8_t> has_prev(cells, 0);
  // A numbered item split at the tab after its number (IsNumberedItemLine) is one piece: the number
  // links to its text, which goes on down from the number's column (where the next item's number
  // stands); nothing above links to the text.
  std::vector<uint8_t> numbered(n, 0);
  for (size_t li = 0; li < n; ++li) {
    const LineStructure& l = s_.lines_[li];
    if (l.cell_count != 2 || prose[l.first_cell] != kProse || prose[l.first_cell + 1] != kProse) continue;
    if (!IsNumberedItemLine(view_, s_.cells_[l.first_cell], s_.cells_[l.first_cell + 1])) continue;
    numbered[li] = 1;
    next[l.first_cell] = l.first_cell + 1;
    has_prev[l.first_cell + 1] = 1;
  }
  for (size_t li = 0; li < n; ++li) {
    const LineStructure& l = s_.lines_[li];
    if (l.cell_count == 0) continue;
    // The next line with cells: up to three blank lines between, page furniture (a running header,
    // a page number: a sentence wrapped over a page break) skipped without counting.
    size_t lj = li + 1;
    for (size_t blank = 0, furniture = 0; lj < n; ++lj) {
      const LineStructure& m = s_.lines_[lj];
      if (m.flags & ESGAUDIT_LINE_FURNITURE_MASK) {
        if (++furniture > kFurnitureWindow) lj = n;
      } else if (m.cell_count != 0) {
        break;
      } else if (++blank >= kLineWindow) {
        lj = n;
      }
    }
    if (lj >= n) continue;
    const LineStructure& m = s_.lines_[lj];
    size_t k2 = 0;
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      uint32_t a = l.first_cell + k;
      // A list number standing alone ("2、" beside a title) heads no chain: the paragraph under it
      // starts its own.
      if (!prose[a] || (prose[a] == kContinuation && !has_prev[a] && IsListNumber(CellText(s_.cells_[a]))))
        continue;
      if (numbered[li] && k == 0) continue;  // linked to its text already
      // A line of a figure alone with its unit ("3,914.86 亿" under its label) may end a sentence
      // from above but runs into the line below only where that line goes on with the figure's
      // clause (a change of it, a clause mark: ContinuesAFigure); otherwise it starts another text.
      // A number without a unit ("6.7" over "million …", a note mark) or a date ("2016年") may sit
      // inside a wrapped sentence, and a digit in a cell of its own beside text is a letter of a
      // vertical banner: those are left to the columns.
      const bool figure_line = l.cell_count == 1 && IsFigureWithUnitLine(CellText(s_.cells_[a]));
      uint32_t col = s_.cells_[numbered[li] ? l.first_cell : a].column;
      uint32_t lo = col > kColumnSlack ? col - kColumnSlack : 0;
      while (k2 < m.cell_count && s_.cells_[m.first_cell + k2].column < lo) ++k2;
      if (k2 >= m.cell_count) break;
      uint32_t b = m.first_cell + static_cast<uint32_t>(k2);
      if (s_.cells_[b].column > col + kColumnSlack) continue;
      bool open_end = true;  // the cell above ends inside a sentence
      {
        std::string_view t = CellText(s_.cells_[a]);
        for (const char* end : {"。", "!", "?", ";"}) {
          std::string_view e(end);
          if (t.size() >= e.size() && t.substr(t.size() - e.size()) == e) open_end = false;
        }
      }
      if (figure_line && !ContinuesAFigure(CellText(s_.cells_[b]))) continue;
      if ((prose[b] == kProse || (prose[b] == kContinuation && open_end)) && !has_prev[b]) {
        next[a] = b;
        has_prev[b] = 1;
        ++k2;
      }
    }
    // English text set in a box of its own, centred line by line or beside a column whose lines
    // fall between ("Total capacities: 19.5GW (at 100%)" / a line of the next column / "incl. 14.1GW
    // renewables"): a cell ending inside a sentence runs into a cell opening with a small letter
    // a little further right, on the next line with cells or the one after it when the next holds
    // nothing from this column's start on.
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      const uint32_t a = l.first_cell + k;
      if (prose[a] != kProse || next[a] != kNoIndex || numbered[li]) continue;
      // Words of a sentence: two or more, some in small letters (no heading in capitals, no figure
      // alone), the last no Han character and no mark ending a sentence or opening a list.
      const std::string_view t = CellText(s_.cells_[a]);
      if (t.empty() || static_cast<unsigned char>(t.back()) >= 0x80 || t.back() == '.' || t.back() == '!' ||
          t.back() == '?' || t.back() == ';' || t.back() == ':' || t.find(' ') == std::string_view::npos ||
          std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
        continue;
      }
      const uint32_t col = s_.cells_[a].column;
      const uint32_t lo = col > kColumnSlack ? col - kColumnSlack : 0;
      size_t lk = lj;
      for (int tries = 0; tries < 2 && lk < n; ++tries) {
        const LineStructure& row = s_.lines_[lk];
        uint32_t b = kNoIndex;
        bool in_column = false;  // the line holds a cell reaching into this column
        for (uint32_t j = 0; j < row.cell_count; ++j) {
          const uint32_t c = row.first_cell + j;
          const uint32_t from = s_.cells_[c].column;
          if (from < lo && from + TextWidth(CellText(s_.cells_[c])) <= lo) continue;
          in_column = true;
          if (from >= lo && from <= col + 4 * kColumnSlack) b = c;
          break;
        }
        if (b != kNoIndex) {
          const std::string_view u = CellText(s_.cells_[b]);
          if (prose[b] != 0 && !has_prev[b] && !u.empty() && u.front() >= 'a' && u.front() <= 'z') {
            next[a] = b;
            has_prev[b] = 1;
          }
          break;
        }
        if (in_column || (row.flags & ESGAUDIT_LINE_FURNITURE_MASK)) break;
        do {
          ++lk;
        } while (lk < n && s_.lines_[lk].cell_count == 0 && lk <= lj + kLineWindow);
        if (lk < n && s_.lines_[lk].cell_count == 0) break;
      }
    }
  }

  // An inline figure in a cell that continues or is continued by a sentence is prose, not an
  // infographic ("…企业申" over "请专利89项。"): its clause is its context.
  s_.figures_.erase(std::remove_if(s_.figures_.begin(), s_.figures_.end(),
                                   [&](const Figure& g) {
                                     return g.kind == ESGAUDIT_FIGURE_INLINE &&
                                            (has_prev[g.cell] || next[g.cell] != kNoIndex);
                                   }),
                    s_.figures_.end());

  std::vector<std::tuple<uint64_t, uint64_t, uint32_t>> clause_pieces;  // view begin, end, clause
  uint32_t paragraph = 0;
  // The open sentence's pieces, and its clauses' pieces in order with where each clause's pieces
  // start (a clause may have none): kept across chains so that their storage is made once.
  std::vector<std::pair<uint64_t, uint64_t>> sent;
  std::vector<std::pair<uint64_t, uint64_t>> pieces_of_clauses;
  std::vector<size_t> clause_begin;
  for (size_t start = 0; start < cells; ++start) {
    if (!prose[start] || has_prev[start]) continue;
    // A chain may start at a continuation cell ("2020年 公 司 及 所 属" over the rest of its
    // sentence) when it runs into running text; chains of short cells alone are no prose.
    if (prose[start] == kContinuation) {
      uint32_t ci = static_cast<uint32_t>(start);
      while (ci != kNoIndex && prose[ci] != kProse) ci = next[ci];
      if (ci == kNoIndex) continue;
    }
    const size_t sentences_before = s_.sentences_.size();
    bool sent_open = false, clause_open = false;
    uint32_t flags = 0;  // of the next sentence of the chain
    auto open_clause = [&] { clause_begin.push_back(pieces_of_clauses.size()); };
    auto add_to_clause = [&](uint64_t b, uint64_t e) { pieces_of_clauses.emplace_back(b, e); };
    auto flush_sentence = [&] {
      if (!sent.empty()) {
        Sentence st;
        st.first_span = static_cast<uint32_t>(s_.spans_.size());
        st.span_count = static_cast<uint32_t>(sent.size());
        for (auto [b, e] : sent) {
          AddSpan(b, e);
        }
        st.first_clause = static_cast<uint32_t>(s_.clauses_.size());
        uint32_t sentence = static_cast<uint32_t>(s_.sentences_.size());
        for (size_t k = 0; k < clause_begin.size(); ++k) {
          const size_t first = clause_begin[k];
          const size_t last = k + 1 < clause_begin.size() ? clause_begin[k + 1] : pieces_of_clauses.size();
          if (first == last) continue;
          Clause cl;
          cl.sentence = sentence;
          cl.first_span = static_cast<uint32_t>(s_.spans_.size());
          cl.span_count = static_cast<uint32_t>(last - first);
          for (size_t p = first; p < last; ++p) {
            const auto [b, e] = pieces_of_clauses[p];
            AddSpan(b, e);
            clause_pieces.emplace_back(b, e, static_cast<uint32_t>(s_.clauses_.size()));
          }
          s_.clauses_.push_back(cl);
        }
        st.clause_count = static_cast<uint32_t>(s_.clauses_.size()) - st.first_clause;
        st.paragraph = paragraph;
        st.flags = flags;
        s_.sentences_.push_back(st);
      }
      flags = 0;
      sent.clear();
      pieces_of_clauses.clear();
      clause_begin.clear();
      sent_open = clause_open = false;
    };
    for (uint32_t ci = static_cast<uint32_t>(start); ci != kNoIndex; ci = next[ci]) {
      const Cell& c = s_.cells_[ci];
      std::string_view piece = view_.substr(c.view_begin, c.view_end - c.view_begin);
      uint64_t base = c.view_begin;
      size_t ss = 0, cs = 0;  // where the open sentence and clause start in this piece
      size_t last_end = 0;    // end of the last non-space character
      for (size_t i = 0; i < piece.size();) {
        size_t at = i;
        char32_t cp = NextCodePoint(piece, &i);
        if (cp == ' ' || cp == '\t') continue;
        int b = Boundary(piece, at, i, cp);
        if (!sent_open && b == 0) {
          sent_open = true;
          ss = at;
          open_clause();
        }
        if (sent_open && !clause_open && b == 0) {
          clause_open = true;
          cs = at;
          if (clause_begin.empty()) open_clause();
        }
        if (b == 1 && sent_open) {
          if (clause_open && last_end > cs) add_to_clause(base + cs, base + last_end);
          clause_open = false;
          open_clause();
        } else if (b == 2 && sent_open) {
          if (clause_open && last_end > cs) add_to_clause(base + cs, base + last_end);
          sent.emplace_back(base + ss, base + i);
          const size_t before = s_.sentences_.size();
          flush_sentence();
          if (s_.sentences_.size() > before && (cp == U'；' || cp == ';')) flags = ESGAUDIT_SENTENCE_AFTER_SEMICOLON;
          last_end = i;
          continue;
        }
        // After a character that is no boundary the sentence and a clause are open, and the plain
        // characters that follow change nothing but where the last one ends.
        if (b == 0) i = PlainRunEnd(piece, i);
        last_end = i;
      }
      if (sent_open && last_end > ss) sent.emplace_back(base + ss, base + last_end);
      if (clause_open && last_end > cs) add_to_clause(base + cs, base + last_end);
    }
    flush_sentence();
    if (s_.sentences_.size() > sentences_before) ++paragraph;
  }

  // The clause of each fact: the clause piece holding its first character.
  std::sort(clause_pieces.begin(), clause_pieces.end());
  const std::vector<NumericFact>& facts = doc_.facts();
  s_.fact_clause_.assign(facts.size(), kNoIndex);
  std::vector<uint32_t> per_clause(s_.clauses_.size() + 1, 0);
  for (size_t i = 0; i < facts.size(); ++i) {
    uint64_t v = doc_.TextToView(facts[i].offset);
    auto it = std::upper_bound(clause_pieces.begin(), clause_pieces.end(), v,
                               [](uint64_t x, const std::tuple<uint64_t, uint64_t, uint32_t>& p) {
                                 return x < std::get<0>(p);
                               });
    if (it == clause_pieces.begin()) continue;
    --it;
    if (v >= std::get<1>(*it)) continue;
    s_.fact_clause_[i] = std::get<2>(*it);
    ++per_clause[std::get<2>(*it) + 1];
  }
  for (size_t k = 1; k < per_clause.size(); ++k) per_clause[k] += per_clause[k - 1];
  s_.clause_facts_.assign(per_clause.back(), 0);
  for (size_t k = 0; k < s_.clauses_.size(); ++k) {
    s_.clauses_[k].first_fact = per_clause[k];
    s_.clauses_[k].fact_count = 0;
  }
  for (size_t i = 0; i < facts.size(); ++i) {
    uint32_t c = s_.fact_clause_[i];
    if (c == kNoIndex) continue;
    Clause& cl = s_.clauses_[c];
    s_.clause_facts_[cl.first_fact + cl.fact_count++] = static_cast<uint32_t>(i);
  }
}

}  // namespace esgaudit
