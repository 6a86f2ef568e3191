// The structure model, part three: tables. Rows are lines (tabs, '|', HTML, whitespace-aligned
// columns); a table written as HTML or Markdown markup also gets its grid of cells (row, column,
// spans, header flag, text), parsed by the tolerant scanner of analyse/markup_tables.h.
#include <esgaudit/text.h>

#include <algorithm>
#include <cstring>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>

#include "analyse/markup_tables.h"
#include "analyse/space_thousands.h"
#include "analyse/structure_internal.h"
#include "analyse/structure_lines.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"

namespace esgaudit {

using sdk::Contains;
using sdk::ContainsAny;
using sdk::Trim;

namespace gates {

bool MayBeYear(std::string_view cell) {
  if (cell.empty() || cell.size() > 24) return false;
  const char c = cell.front();
  return c == 'f' || c == 'F' || c == '1' || c == '2';
}

bool MayHoldUnit(std::string_view lower) {
  return lower.find("单位") != std::string_view::npos || lower.find("unit") != std::string_view::npos;
}

// On the matching view, where full-width colons and brackets are ASCII.
const std::regex& Unit() {
  static const std::regex kUnit(R"((?:单位|unit)\s*:\s*([^\s),;|]{1,24}))", std::regex::icase);
  return kUnit;
}

}  // namespace gates

namespace {

bool LetterAt(std::string_view s, size_t at, char lower) { return at < s.size() && (s[at] | 0x20) == lower; }
bool StartsAt(std::string_view s, size_t at, std::string_view p) { return s.substr(std::min(at, s.size())).substr(0, p.size()) == p; }

}  // namespace

size_t PeriodLengthAt(std::string_view s, size_t at) {
  size_t p = at;
  auto blanks = [&](size_t q) {
    while (q < s.size() && lines::IsRegexSpace(s[q])) ++q;
    return q;
  };
  if (LetterAt(s, p, 'f') && LetterAt(s, p + 1, 'y')) p = blanks(p + 2);  // with no year after, no match
  if (p + 4 > s.size() || !((s[p] == '1' && s[p + 1] == '9') || (s[p] == '2' && s[p + 1] == '0')) ||
      !IsAsciiDigit(s[p + 2]) || !IsAsciiDigit(s[p + 3])) {
    return 0;
  }
  p = blanks(p + 4);
  if (StartsAt(s, p, "年")) {
    p += 3;
    if (StartsAt(s, p, "度") || StartsAt(s, p, "末") || StartsAt(s, p, "底")) p += 3;
  }
  const size_t q = blanks(p);
  if (StartsAt(s, q, "上半年") || StartsAt(s, q, "下半年")) return q + 9 - at;
  if (q + 1 < s.size() && ((LetterAt(s, q, 'h') && (s[q + 1] == '1' || s[q + 1] == '2')) ||
                           (LetterAt(s, q, 'q') && s[q + 1] >= '1' && s[q + 1] <= '4'))) {
    return q + 2 - at;
  }
  return p - at;
}

bool YearLike(std::string_view cell) { return gates::MayBeYear(cell) && PeriodLengthAt(cell, 0) == cell.size(); }

namespace {

bool Starts(std::string_view t, std::string_view p) { return t.substr(0, p.size()) == p; }
bool Ends(std::string_view t, std::string_view p) { return t.size() >= p.size() && t.substr(t.size() - p.size()) == p; }

// "2015年员工数", "2016年度排放量", "2016年支出金额（万元）": a column title naming its year, then a few
// words (up to ten characters, no digit). A report's title ("2016年社会责任报告"), a clause cut at a
// particle ("2016年获取的") or a longer phrase (an award's name in a row) is none.
bool YearTitle(std::string_view cell) {
  static const std::regex kTitle(R"(^(?:19|20)\d\d\s*(?:年度|年)([^0-9]+)$)");
  std::match_results<std::string_view::const_iterator> m;
  if (cell.size() > 60 || !std::regex_match(cell.begin(), cell.end(), m, kTitle)) return false;
  const std::string_view words = Trim(std::string_view(&*m[1].first, static_cast<size_t>(m[1].length())));
  return sdk::HasCjk(words) && sdk::CodePointCount(words) <= 10 && !Ends(words, "报告") && !Ends(words, "的");
}

bool TotalLike(std::string_view cell) {
  std::string lower = sdk::AsciiLower(cell);
  return ContainsAny(lower, {"合计", "总计", "小计", "总数", "total"});
}

// Whether a cell reads as a sentence or clause: a full stop, a semicolon, or a comma other than a
// figure's thousands separator ("（另有劳务派遣用工5,093人）" in a row label is no clause).
bool SentencePunctuation(std::string_view cell) {
  if (ContainsAny(cell, {"。", ";"})) return true;
  for (size_t at = cell.find(','); at != std::string_view::npos; at = cell.find(',', at + 1)) {
    if (at == 0 || at + 1 >= cell.size() || !IsAsciiDigit(cell[at - 1]) || !IsAsciiDigit(cell[at + 1])) return true;
  }
  return false;
}

// A cell of words that carries figures inside them, as a column of plans or conditions does
// ("每10股转增2股，每10股分红1元"): a label, not a sentence, even with a comma. Short (at most 30 code
// points), no sentence end or semicolon, and more letters (CJK or Latin) than digits, so that a
// figure with its unit ("1,234万元") or a list of figures is none.
bool WordedLabelCell(std::string_view cell) {
  if (sdk::CodePointCount(cell) > 30 || ContainsAny(cell, {"。", ";", "；", "!", "?", "！", "？"})) return false;
  size_t digits = static_cast<size_t>(std::count_if(cell.begin(), cell.end(), IsAsciiDigit));
  size_t letters = 0;
  for (size_t at = 0; at < cell.size();) {
    const char32_t c = sdk::NextCodePoint(cell, &at);
    if (c < 0x80 ? std::isalpha(static_cast<int>(c)) != 0 : sdk::IsCjk(c)) ++letters;
  }
  return letters > digits;
}

// Byte range [begin, end) within a cell's text.
struct Piece {
  size_t begin = 0;
  size_t end = 0;
};

// The non-empty runs of `text` between single spaces, in order.
std::vector<Piece> SpaceSeparatedWords(std::string_view text) {
  std::vector<Piece> words;
  for (size_t at = 0; at < text.size();) {
    size_t sp = text.find(' ', at);
    if (sp == std::string_view::npos) sp = text.size();
    if (sp > at) words.push_back(Piece{at, sp});
    at = sp + 1;
  }
  return words;
}

// "员工总数（人） 2,796 2,828 2,920": a label and two or more figures joined by single spaces, as
// one cell of a tab-separated row whose other slots are empty. A dash (-, –, —, －) is a value too
// (no figure: "西北 - -", "华南 120 -") unless a figure follows it, where it may be a range ("30 - 40")
// or a minus sign ("- 5"). Returns the values' byte ranges in the cell, in order (the label is what
// comes before the first); empty if the cell is no such row.
std::vector<Piece> SpaceJoinedFigures(std::string_view cell) {
  std::vector<Piece> tokens;
  for (size_t at = 0; at <= cell.size();) {
    size_t sp = cell.find(' ', at);
    if (sp == std::string_view::npos) sp = cell.size();
    tokens.push_back(Piece{at, sp});
    at = sp + 1;
  }
  auto text = [&](const Piece& p) { return cell.substr(p.begin, p.end - p.begin); };
  auto figure = [](std::string_view t) {
    return !t.empty() && IsAsciiDigit(t.front()) &&
           t.find_first_not_of("0123456789,.%") == std::string_view::npos;
  };
  auto dash = [](std::string_view t) { return t == "-" || t == "–" || t == "—" || t == "－"; };
  size_t figures = 0;
  for (; figures < tokens.size(); ++figures) {
    const size_t k = tokens.size() - 1 - figures;
    if (figure(text(tokens[k]))) continue;
    if (!dash(text(tokens[k])) || (k + 1 < tokens.size() && figure(text(tokens[k + 1])))) break;
  }
  if (figures < 2 || figures == tokens.size()) return {};
  for (size_t k = 0; k + figures < tokens.size(); ++k) {
    std::string_view t = text(tokens[k]);
    if (t.empty() || std::any_of(t.begin(), t.end(), IsAsciiDigit)) return {};
  }
  return std::vector<Piece>(tokens.end() - figures, tokens.end());
}

// "2015年2016年", "2014年度 2015年度", "FY2021 FY2022": a header cell holding two or more years or
// periods that the layout set one space apart (the matching view drops a narrow run of spaces
// between a digit and a CJK character, so "2015 年度  2016 年度" reads as one cell). Returns each
// period's byte range in the cell, in order; empty unless the cell is such periods and nothing
// else. Two bare years must be apart by a space ("20152016" is no pair).
std::vector<Piece> PeriodPieces(std::string_view cell) {
  if (cell.size() > 120 || cell.empty() || !(IsAsciiDigit(cell.front()) || cell.front() == 'F' || cell.front() == 'f'))
    return {};
  std::vector<Piece> out;
  size_t at = 0;
  // Each period opens at the first byte after the spaces following the one before (none opens on a
  // space): anything else there, or a cell ending otherwise than in spaces, is no header of periods.
  for (size_t b; (b = cell.find_first_not_of(' ', at)) != std::string_view::npos;) {
    const size_t e = b + PeriodLengthAt(cell, b);
    if (e == b) return {};
    if (!out.empty() && b == at && IsAsciiDigit(cell[at - 1])) return {};
    size_t end = e;
    while (end > b && cell[end - 1] == ' ') --end;
    out.push_back(Piece{b, end});
    at = e;
  }
  if (out.size() < 2) return {};
  return out;
}

// "单位：人", "（单位：万元)", "Unit: tCO2e": a cell that is a unit caption, in brackets or not, and
// nothing else (the matching view has ASCII colons and brackets).
bool UnitCaptionCell(std::string_view cell) {
  static const std::regex kCaption(R"(^\(?\s*(?:单位|unit)\s*:\s*[^\s(),;|]{1,24}\s*\)?$)", std::regex::icase);
  return cell.size() <= 40 && std::regex_match(cell.begin(), cell.end(), kCaption);
}

}  // namespace

bool JoiningEnd(std::string_view t) {
  if (!t.empty() && (t.back() == ',' || t.back() == '-' || t.back() == '/' || t.back() == '(')) return true;
  for (std::string_view w : {"and", "or", "of", "in", "for", "to", "the", "by", "from", "with", "per", "on", "at", "as", "&"}) {
    if (t.size() < w.size()) continue;
    const size_t b = t.size() - w.size();
    bool same = true;
    for (size_t k = 0; k < w.size() && same; ++k) {
      const char c = t[b + k];
      same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == w[k];
    }
    if (same && (b == 0 || lines::IsRegexSpace(t[b - 1]) || t[b - 1] == '(')) return true;
  }
  return false;
}

namespace {

// A placeholder for a missing value (nd, NA, n/a, -, —).
bool Placeholder(std::string_view cell) {
  std::string lower = sdk::AsciiLower(cell);
  for (std::string_view p : {"-", "–", "—", "nd", "na", "n/a", "n.a.", "/", "n.m."})
    if (lower == p) return true;
  return false;
}

// A value slot of a whitespace-aligned row: a short figure ("1,234", "-29", "4.0x", "✔ 31.2", "(3)")
// or a placeholder for a missing value (nd, NA, n/a, -, —). A cell of words is not a value.
bool AlignedValue(std::string_view cell) {
  if (cell.empty() || sdk::CodePointCount(cell) > 16) return false;
  if (Placeholder(cell)) return true;
  if (IsAsciiDigit(cell.front())) return true;
  return sdk::CodePointCount(cell) <= 8 && std::any_of(cell.begin(), cell.end(), IsAsciiDigit);
}

// A code of a reporting standard in a column of its own ("EM-EP-110a.2", "TC-SI-130a.1"): one token
// of ASCII letters and digits, holding both, joined by hyphens and by dots that stand between two of
// them. The dot of an abbreviation or a sentence end ("approx.", "e.g.") is at the token's end.
bool StandardCode(std::string_view cell) {
  if (cell.empty() || cell.size() > 16) return false;
  bool letter = false, digit = false, hyphen = false;
  for (size_t k = 0; k < cell.size(); ++k) {
    const char c = cell[k];
    if (IsAsciiDigit(c)) {
      digit = true;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letter = true;
    } else if (c == '-' && k > 0 && k + 1 < cell.size()) {
      hyphen = true;
    } else if (c != '.' || k == 0 || k + 1 >= cell.size() || !std::isalnum(static_cast<unsigned char>(cell[k - 1])) ||
               !std::isalnum(static_cast<unsigned char>(cell[k + 1]))) {
      return false;
    }
  }
  return letter && digit && hyphen;
}


// "Africa 120 188 259 —": a row whose cells a plain-text export joined with single spaces: a
// label of words without digits (a footnote marker glued to the last word aside), then two or more
// values (figures, or dashes for none), at least one a figure. A figure may carry an assurance or
// footnote marker glued to it ("23,896(A)", "26,032*"), which is no part of the value. Returns the
// values' byte ranges in the cell, in order (the label is what comes before the first); empty if
// the line is no such row.
//
// With `tail` given, the values may also be followed by words of another column of the page (a
// two-column page whose extraction put a table row and a piece of a sentence on one line:
// "Recycled % 59 31 - objectives remained stretching and its"): two or more tokens, the first a
// word of letters, none of them ending the label's run of values. *tail is then the byte offset
// where those words start (0 when the row has none).
//
// With `space_groups` (the document writes its thousands with spaces, WritesThousandsWithSpaces) a
// group of three digits that the fact reader reads as part of the figure before it (SpaceGroupsAt:
// "1 973 909") is no value of its own either, and leaves the line no such row, as a group opening
// with 0 does in any document: such a row never splits a figure the facts read whole.
// A token of a space-joined row's label: no CJK, not ending a sentence or a clause (an abbreviation
// opening a bracket, "(exc. hydro generation)", ends none); digits only in the label's `last` token,
// as a footnote marker ending it ("Region1").
bool LabelToken(std::string_view t, bool last) {
  const bool abbreviation = t.size() >= 3 && t.front() == '(' && t.back() == '.' && !Contains(t, ")");
  if (t.empty() || sdk::HasCjk(t) || (!abbreviation && ContainsAny(t.substr(t.size() - 1), {".", ";", ":"})))
    return false;
  size_t digit = std::find_if(t.begin(), t.end(), IsAsciiDigit) - t.begin();
  return digit == t.size() || (last && digit != 0 && t.find_first_not_of("0123456789", digit) == std::string_view::npos);
}

// Each token of `cell` between single spaces from `at`, trimmed of control characters: a control
// character around a value (BEL marks emphasis in some exports) is no part of it. Returns the token
// and the space after it (or the cell's end).
std::pair<Piece, size_t> SpaceJoinedTokenAt(std::string_view cell, size_t at) {
  size_t sp = cell.find(' ', at);
  if (sp == std::string_view::npos) sp = cell.size();
  Piece t{at, sp};
  while (t.begin < t.end && static_cast<unsigned char>(cell[t.begin]) < 0x20) ++t.begin;
  while (t.begin < t.end && static_cast<unsigned char>(cell[t.end - 1]) < 0x20) --t.end;
  return {t, sp};
}

// SpaceJoinedValues without its test of two value openings in a row.
std::vector<Piece> SpaceJoinedValuesRead(std::string_view cell, size_t* tail, bool space_groups) {
  if (tail != nullptr) *tail = 0;
  auto token_at = [&](size_t at) { return SpaceJoinedTokenAt(cell, at); };
  // Every row found has a figure (an ASCII digit) and a label whose first token passes LabelToken as
  // the label's last token or (stricter) as an earlier one: without both the line is no row, and
  // most prose lines are rejected here before they are cut into tokens.
  if (std::none_of(cell.begin(), cell.end(), IsAsciiDigit)) return {};
  {
    const Piece first = token_at(0).first;
    if (!LabelToken(cell.substr(first.begin, first.end - first.begin), /*last=*/true)) return {};
  }
  std::vector<Piece> tokens;
  // One token per space and one more: made once, not grown by doubling.
  tokens.reserve(static_cast<size_t>(std::count(cell.begin(), cell.end(), ' ')) + 1);
  for (size_t at = 0; at <= cell.size();) {
    const auto [t, sp] = token_at(at);
    tokens.push_back(t);
    at = sp + 1;
  }
  auto text = [&](const Piece& p) { return cell.substr(p.begin, p.end - p.begin); };
  // The length of a figure without its marker ("23,896(A)" -> 6; "26,032*" -> 6); 0 if no figure.
  auto figure_length = [](std::string_view t) -> size_t {
    size_t len = t.size();
    if (len >= 4 && t[len - 1] == ')' && t[len - 3] == '(' &&
        ((t[len - 2] >= 'A' && t[len - 2] <= 'Z') || IsAsciiDigit(t[len - 2])))
      len -= 3;
    else
      while (len > 1 && t[len - 1] == '*') --len;
    std::string_view f = t.substr(0, len);
    bool ok = !f.empty() && IsAsciiDigit(f.front()) && IsAsciiDigit(f.back() == '%' ? f[f.size() - 2] : f.back()) &&
              f.find_first_not_of("0123456789,.%") == std::string_view::npos;
    return ok ? len : 0;
  };
  auto dash = [](std::string_view t) { return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93"; };
  // A label of tokens [0, end): words without CJK, none ending a sentence or a clause; digits only
  // as a footnote marker ending the label ("Region1").
  auto label_ok = [&](size_t end) {
    for (size_t k = 0; k < end; ++k) {
      if (!LabelToken(text(tokens[k]), k + 1 == end)) return false;
    }
    return end > 0;
  };
  // The values of the run [from, to): trimmed of markers; empty unless two or more, one a figure,
  // and not years only ("Year ended December 31, 2020 2021 2022" heads the columns).
  auto run = [&](size_t from, size_t to) -> std::vector<Piece> {
    if (to - from < 2) return {};
    std::vector<Piece> out;
    size_t figures = 0;
    bool years = true;
    for (size_t k = from; k < to; ++k) {
      std::string_view t = text(tokens[k]);
      Piece p = tokens[k];
      if (size_t len = figure_length(t); len != 0) {
        ++figures;
        p.end = p.begin + len;
      } else if (!dash(t)) {
        return {};
      }
      years = years && YearLike(text(p));
      out.push_back(p);
    }
    if (figures == 0 || years) return {};
    return out;
  };
  // A group of three digits opening with 0 after a figure ("15 000": a space as thousands
  // separator, in prose) is no value of its own, and leaves the line no such row.
  std::vector<uint8_t> joined_group(tokens.size(), 0);  // a group the fact reader joins to the figure before
  if (space_groups) {
    auto at = [&](size_t k) -> char32_t { return k < cell.size() ? static_cast<unsigned char>(cell[k]) : 0; };
    const space_thousands::LineMillions<decltype(at)> millions(at, cell.size());  // scanned once per cell
    for (size_t k = 0; k < tokens.size(); ++k) {
      const size_t g = SpaceGroupsAt(at, tokens[k].begin, millions);
      for (size_t j = k + 1; j <= k + g && j < tokens.size(); ++j) joined_group[j] = 1;
    }
  }
  auto value = [&](size_t k) {
    std::string_view t = text(tokens[k]);
    if (ZeroGroupToken(t) || joined_group[k]) return false;
    return figure_length(t) != 0 || dash(t);
  };
  size_t values = 0;
  while (values < tokens.size() && value(tokens.size() - 1 - values)) ++values;
  if (values < tokens.size() && label_ok(tokens.size() - values)) {
    std::vector<Piece> out = run(tokens.size() - values, tokens.size());
    if (!out.empty() || tail == nullptr) return out;
  }
  if (tail == nullptr) return {};
  // A row, then words of the other column: the first run of two or more values after a label (a
  // dash inside the label is none), followed by two or more tokens that start with a word of letters.
  size_t from = 1, to = 1;
  for (;;) {
    while (from < tokens.size() && !value(from)) ++from;
    to = from;
    while (to < tokens.size() && value(to)) ++to;
    if (from >= tokens.size() || to - from >= 2) break;
    from = to;
  }
  // The other column's words may open with a year ("Oil 185 177 157 152 2030 (previously a ...",
  // "Canada 4 875 2023. Additionally, ..."): a year, bare or ending a clause, followed by a word or
  // a bracket, is the tail's first token, and a bare one is no value of the run (three or more values
  // before it stay).
  auto opens_word = [&](size_t k) {
    std::string_view t = text(tokens[k]);
    return !t.empty() && ((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z') || t[0] == '(');
  };
  auto year_opening_tail = [&](size_t k) {
    if (k + 1 >= tokens.size() || !opens_word(k + 1)) return false;
    std::string_view t = text(tokens[k]);
    if (!t.empty() && (t.back() == '.' || t.back() == ',')) t.remove_suffix(1);
    return t.size() == 4 && YearLike(t);
  };
  if (from < tokens.size() && to - from >= 4 && year_opening_tail(to - 1)) --to;
  if (from >= tokens.size() || tokens.size() - to < 2 || !label_ok(from)) return {};
  std::string_view first = text(tokens[to]);
  if (!year_opening_tail(to) && (first.empty() || !std::all_of(first.begin(), first.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ',' || c == '-';
      })))
    return {};
  std::vector<Piece> out = run(from, to);
  if (!out.empty()) *tail = tokens[to].begin;
  return out;
}

std::vector<Piece> SpaceJoinedValues(std::string_view cell, size_t* tail = nullptr, bool space_groups = false) {
  if (tail != nullptr) *tail = 0;
  // Every row read holds two values in a row (two or more after its label, or a run of two or more
  // before the other column's words), each opening with a digit or a dash: a line without two such
  // tokens in a row (most prose) is not cut into tokens and read.
  if (!tables::TwoValueOpeningsInARow(cell)) return {};
  return SpaceJoinedValuesRead(cell, tail, space_groups);
}

}  // namespace

namespace tables {

bool EndsNearAFourDigitWord(std::string_view cell) {
  size_t end = cell.size();
  for (int word = 0; word < 2; ++word) {
    while (end > 0 && cell[end - 1] == ' ') --end;
    if (end == 0) return false;
    // The word is four digits when it ends in four and opens the cell or follows a space there.
    if (end >= 4 && IsAsciiDigit(cell[end - 1]) && IsAsciiDigit(cell[end - 2]) && IsAsciiDigit(cell[end - 3]) &&
        IsAsciiDigit(cell[end - 4]) && (end == 4 || cell[end - 5] == ' ')) {
      return true;
    }
    if (word == 1) break;
    // The word before ends where this one's space is (memrchr: rfind tested byte by byte, through
    // the whole of a line without spaces).
    const void* space = memrchr(cell.data(), ' ', end);
    end = space == nullptr ? 0 : static_cast<size_t>(static_cast<const char*>(space) - cell.data()) + 1;
  }
  return false;
}

bool TwoValueOpeningsInARow(std::string_view cell) {
  bool before = false;  // the token before opens as a value does
  for (size_t at = 0; at <= cell.size();) {
    const auto [t, sp] = SpaceJoinedTokenAt(cell, at);
    const bool opens = t.begin < t.end && (IsAsciiDigit(cell[t.begin]) || cell[t.begin] == '-' ||
                                           static_cast<unsigned char>(cell[t.begin]) == 0xE2);
    if (opens && before) return true;
    before = opens;
    at = sp + 1;
  }
  return false;
}

std::vector<std::pair<size_t, size_t>> SpaceJoinedValueSpans(std::string_view cell, size_t* tail, bool space_groups,
                                                             bool tested) {
  std::vector<std::pair<size_t, size_t>> out;
  const std::vector<Piece> values =
      tested ? SpaceJoinedValues(cell, tail, space_groups) : SpaceJoinedValuesRead(cell, tail, space_groups);
  for (const Piece& p : values) out.push_back({p.begin, p.end});
  return out;
}

}  // namespace tables

// "Emissions (MMT) 2019 2020 2021 2022 2023 YoY%": a line (a title, or prose of another column of the
// page, before it) ending in two or more consecutive years set one space apart, optionally followed by
// one change column's title (a token holding '%', or opening with YoY, change or var). Returns the
// number of value columns it heads (the years, plus one for the change column); 0 if it is no such
// header. A run of years that is not consecutive ("2015 2020 2030", targets) heads nothing.
size_t PeriodHeaderColumns(std::string_view cell) {
  if (!tables::EndsNearAFourDigitWord(cell)) return 0;
  const std::vector<Piece> tokens = SpaceSeparatedWords(cell);
  auto text = [&](size_t k) { return cell.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  if (tokens.empty()) return 0;
  size_t end = tokens.size();
  size_t change = 0;
  const std::string last = sdk::AsciiLower(text(end - 1));
  if (std::none_of(last.begin(), last.end(), IsAsciiDigit) && last.size() <= 12 &&
      (Contains(last, "%") || Starts(last, "yoy") || Starts(last, "change") || Starts(last, "var"))) {
    change = 1;
    --end;
  }
  auto year = [&](size_t k) {
    std::string_view t = text(k);
    return t.size() == 4 && std::all_of(t.begin(), t.end(), IsAsciiDigit) && YearLike(t) ? std::stoi(std::string(t)) : 0;
  };
  size_t years = 0;
  int step = 0;
  while (years < end && year(end - 1 - years) != 0) {
    if (years >= 1) {
      const int d = year(end - years) - year(end - 1 - years);
      if ((d != 1 && d != -1) || (step != 0 && d != step)) break;
      step = d;
    }
    ++years;
  }
  return years >= 2 ? years + change : 0;
}

namespace {

// A row under such a header, sharing its line with whatever stands before it (the other column's
// prose, or a label that holds figures of its own: "... decreased by 3%.2 Emissions (Scope 1) 5.76
// 9.62 12.11 13.32 14.27 7%"): the line ends in a run of exactly `columns` values (figures, signed
// ones of a change column among them, or dashes for none), two or more of them figures and not all
// years, after at least one token holding a letter. Returns the values' byte ranges in the cell
// (a sign included); empty if the line is no such row. A line ending in fewer or more values (prose
// ending with a figure or two, a row of another table) is none.
std::vector<Piece> PeriodKeyedValues(std::string_view cell, size_t columns) {
  const std::vector<Piece> tokens = SpaceSeparatedWords(cell);
  auto text = [&](const Piece& p) { return cell.substr(p.begin, p.end - p.begin); };
  auto figure = [](std::string_view t) {
    if (!t.empty() && (t.front() == '-' || t.front() == '+')) t.remove_prefix(1);
    if (Starts(t, "\xE2\x88\x92")) t.remove_prefix(3);  // U+2212 minus sign
    if (t.empty() || !IsAsciiDigit(t.front())) return false;
    if (t.back() == '%') t.remove_suffix(1);
    return !t.empty() && IsAsciiDigit(t.back()) && t.find_first_not_of("0123456789,.") == std::string_view::npos;
  };
  auto dash = [](std::string_view t) { return t == "-" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93"; };
  size_t run = 0;
  while (run < tokens.size() && (figure(text(tokens[tokens.size() - 1 - run])) || dash(text(tokens[tokens.size() - 1 - run]))))
    ++run;
  if (columns < 2 || run != columns || run == tokens.size()) return {};
  bool letter = false;
  for (size_t k = 0; k + run < tokens.size(); ++k) {
    std::string_view t = text(tokens[k]);
    letter = letter || std::any_of(t.begin(), t.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c & 0x80);
             });
  }
  std::vector<Piece> out(tokens.end() - static_cast<long>(run), tokens.end());
  size_t figures = 0;
  bool years = true;
  for (const Piece& p : out) {
    figures += figure(text(p));
    years = years && YearLike(text(p));
  }
  if (!letter || figures < 2 || years) return {};
  return out;
}

// Where the label of such a row starts within the words before its values: after the last
// sentence end ('.', '!', '?' or ';', a footnote number glued to it allowed) or clause comma that a
// capital letter follows, outside brackets ("... decreased by 3%.2 Emissions (Scope 1)" ->
// "Emissions (Scope 1)"; "... operations (Scope 1), Emissions from ..." -> "Emissions from ...").
// The words before it are the other column's prose. 0 when there is none.
size_t KeyedLabelStart(std::string_view words) {
  size_t start = 0;
  int depth = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    const char c = words[k];
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (depth != 0 || (c != '.' && c != '!' && c != '?' && c != ';' && c != ',')) continue;
    size_t at = k + 1;
    if (c != ',')
      while (at < words.size() && IsAsciiDigit(words[at])) ++at;
    if (at + 1 < words.size() && words[at] == ' ' && words[at + 1] >= 'A' && words[at + 1] <= 'Z') start = at + 1;
  }
  return start;
}

// Where the label of such a row starts when the other column's prose before it has no sentence end
// (KeyedLabelStart finds none: "... track and measure decarbonization Upstream Transportation and
// Distribution"). That prose is one line of the other column, so about as wide as its lines beside
// the table: `column` is the widest of those, in code points. The label starts at the first word
// that opens with a capital letter after a word of lower-case letters that is no joining word (a
// label's own "Use of Sold Products"), the words before it between 3/4 and 5/4 of `column` wide,
// and every word of four letters or more from there on, brackets aside, opening with a capital (a
// row label in title case). 0 when there is none: the label keeps every word.
size_t KeyedLabelAfterProse(std::string_view words, size_t column) {
  if (column == 0) return 0;
  const std::vector<Piece> tokens = SpaceSeparatedWords(words);
  auto text = [&](size_t k) { return words.substr(tokens[k].begin, tokens[k].end - tokens[k].begin); };
  auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto prose_word = [&](std::string_view t) {
    if (t.empty() || t[0] < 'a' || t[0] > 'z') return false;
    for (char c : t)
      if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
    static const std::set<std::string_view> kJoining = {"and", "or", "of", "in", "for", "to", "the", "by",
                                                        "from", "with", "per", "on", "at", "as", "a", "an"};
    return kJoining.count(t) == 0;
  };
  auto title_case_from = [&](size_t k) {
    int depth = 0;
    for (size_t m = k; m < tokens.size(); ++m) {
      std::string_view t = text(m);
      const bool inside = depth > 0 || t.front() == '(' || t.front() == '[';
      for (char c : t) {
        if (c == '(' || c == '[') ++depth;
        if ((c == ')' || c == ']') && depth > 0) --depth;
      }
      if (inside) continue;
      const size_t letters = static_cast<size_t>(std::count_if(t.begin(), t.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      }));
      if (letters >= 4 && !capital(t.front())) return false;
    }
    return true;
  };
  for (size_t k = 1; k < tokens.size(); ++k) {
    if (!capital(text(k).front()) || !prose_word(text(k - 1))) continue;
    const size_t width = sdk::CodePointCount(words.substr(0, tokens[k - 1].end));
    if (width * 4 < column * 3 || width * 4 > column * 5) continue;
    if (title_case_from(k)) return tokens[k].begin;
  }
  return 0;
}

// Whether the label of a row joined with single spaces opens with words of another column of the
// page (a two-column page whose extraction put the end of a prose line before the row: "process,
// we validate that suppliers have robust safety RBA VAP Audits 66 108 112"): it starts with a
// lower-case word, runs to six words or more and holds a clause comma (one followed by a
// lower-case word). A short lower-case label ("of which women") or one without such a comma is no
// sign of a second column.
bool ProseLedLabel(std::string_view label) {
  label = Trim(label);
  if (label.empty() || label.front() < 'a' || label.front() > 'z') return false;
  if (std::count(label.begin(), label.end(), ' ') + 1 < 6) return false;
  for (size_t k = label.find(", "); k != std::string_view::npos; k = label.find(", ", k + 2))
    if (k + 2 < label.size() && label[k + 2] >= 'a' && label[k + 2] <= 'z') return true;
  return false;
}

// Brackets a text leaves open and closes without opening: "(using GHG" opens one, "method)2 (metric
// tons)" closes one. ASCII and full-width round and square brackets count alike.
struct BracketBalance {
  int open = 0;      // opened and not closed
  int unopened = 0;  // closed without having been opened
};
BracketBalance BracketsOf(std::string_view t) {
  BracketBalance b;
  auto opens = [&](size_t k) { return t[k] == '(' || t[k] == '[' || t.substr(k, 3) == "\xEF\xBC\x88"; };
  auto closes = [&](size_t k) { return t[k] == ')' || t[k] == ']' || t.substr(k, 3) == "\xEF\xBC\x89"; };
  for (size_t k = 0; k < t.size(); ++k) {
    if (opens(k)) {
      ++b.open;
    } else if (closes(k)) {
      if (b.open > 0) {
        --b.open;
      } else {
        ++b.unopened;
      }
    }
  }
  return b;
}

// Whether two consecutive pieces of a row label (a piece over the row's own label, or the row's
// label over a piece below it) are one label broken inside a bracket: the upper leaves a bracket
// open and the lower closes one it never opened ("Indirect ... (using GHG" over "Protocol
// market-based method)2 (metric tons)  3.56  3.33").
bool BracketGoesOn(std::string_view upper, std::string_view lower) {
  return BracketsOf(upper).open > 0 && BracketsOf(lower).unopened > 0;
}

// A footnote printed at the foot of a page ("22数据统计口径依据……", "注：……", "①……", "*……"): a
// cell opening with its marker. One or two digits count as a marker only when glued to the note's
// first word in Chinese, not to a count's or a date's unit ("12个省", "3月", "5家").
bool FootnoteLine(std::string_view t) {
  t = Trim(t);
  if (Starts(t, "注") || Starts(t, "*") || Starts(t, "※")) return true;
  // Circled numbers ① … ⑳ (U+2460 … U+2473).
  if (t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xE2 && static_cast<unsigned char>(t[1]) == 0x91 &&
      static_cast<unsigned char>(t[2]) >= 0xA0 && static_cast<unsigned char>(t[2]) <= 0xB3)
    return true;
  size_t digits = 0;
  while (digits < t.size() && IsAsciiDigit(t[digits])) ++digits;
  if (digits == 0 || digits > 2 || !sdk::HasCjk(t.substr(digits, 3))) return false;
  for (std::string_view unit : {"年", "月", "日", "个", "家", "人", "项", "次", "名", "位", "条", "所", "种", "类",
                                "万", "亿", "元", "吨", "岁", "号", "天", "期", "届", "批", "台", "辆", "多", "余",
                                "千", "百", "座", "间", "场", "部", "份", "笔", "户", "倍", "小", "分", "周", "季"})
    if (Starts(t.substr(digits), unit)) return false;
  return true;
}

bool FigureValue(std::string_view cell) {
  size_t k = 0;
  while (k < cell.size() && (cell[k] == '-' || cell[k] == '+' || cell[k] == '(')) ++k;
  return k < cell.size() && IsAsciiDigit(cell[k]);
}

// Display columns [begin, end) of a cell.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Two value slots are one column when they start or end within kAlignSlack display columns of each
// other (pdftotext -layout right-aligns figures only roughly).
constexpr uint32_t kAlignSlack = 3;

bool SameColumn(const Span& a, const Span& b) {
  auto near = [](uint32_t x, uint32_t y) { return (x > y ? x - y : y - x) <= kAlignSlack; };
  return near(a.begin, b.begin) || near(a.end, b.end);
}

// Whether the value slots of two rows stand in the same columns: every slot of the row with fewer
// is matched, in order, by a slot of the other, and at most one slot is missing (an empty value).
//
// Or one slot drifted: rows with as many slots, four or more, whose slots all stand in the same
// columns but one, shifted by at most kDriftSlack columns and still clear of the columns beside it
// (pdftotext -layout shifts a short figure of a row: " 1.1" under "10.8" four columns right).
constexpr uint32_t kDriftSlack = 6;

bool OneSlotDrifted(const std::vector<Span>& a, const std::vector<Span>& b) {
  if (a.size() != b.size() || a.size() < 4) return false;
  size_t drifted = a.size();
  for (size_t k = 0; k < a.size(); ++k) {
    if (SameColumn(a[k], b[k])) continue;
    if (drifted != a.size()) return false;
    drifted = k;
  }
  if (drifted == a.size()) return true;
  const Span& x = a[drifted];
  const Span& y = b[drifted];
  const uint32_t shift = x.begin > y.begin ? x.begin - y.begin : y.begin - x.begin;
  if (shift > kDriftSlack) return false;
  // Clear of the neighbouring columns in both rows: it overlaps and touches none of them.
  for (const std::vector<Span>* row : {&a, &b}) {
    const Span lo{std::min(x.begin, y.begin), std::max(x.end, y.end)};
    if (drifted > 0 && (*row)[drifted - 1].end + kAlignSlack >= lo.begin) return false;
    if (drifted + 1 < row->size() && lo.end + kAlignSlack >= (*row)[drifted + 1].begin) return false;
  }
  return true;
}

bool SlotsAlign(const std::vector<Span>& a, const std::vector<Span>& b) {
  if (OneSlotDrifted(a, b)) return true;
  const std::vector<Span>& few = a.size() <= b.size() ? a : b;
  const std::vector<Span>& many = a.size() <= b.size() ? b : a;
  if (few.empty() || many.size() - few.size() > 1) return false;
  size_t j = 0;
  for (const Span& f : few) {
    while (j < many.size() && !SameColumn(f, many[j])) ++j;
    if (j == many.size()) return false;
    ++j;
  }
  return true;
}

}  // namespace

void StructureBuilder::AddGrid(const markup::MarkupTable& grid, uint32_t table, Table* tb) {
  tb->grid_rows = grid.Rows();
  tb->grid_columns = grid.Cols();
  tb->first_grid_cell = static_cast<uint32_t>(s_.table_cells_.size());
  tb->grid_cell_count = static_cast<uint32_t>(grid.cells.size());
  for (const markup::MarkupCell& c : grid.cells) {
    TableCell tc;
    tc.table = table;
    tc.row = c.row;
    tc.column = c.col;
    tc.row_span = c.rowspan;
    tc.column_span = c.colspan;
    tc.flags = (c.header ? ESGAUDIT_TABLE_CELL_HEADER : 0u) | (c.continued ? ESGAUDIT_TABLE_CELL_CONTINUED : 0u);
    tc.line = doc_.LineOf(c.begin);
    tc.offset = c.begin;
    tc.length = c.end - c.begin;
    tc.view_begin = doc_.TextToView(c.begin);
    tc.view_end = doc_.TextToView(c.end);
    tc.text = c.text;
    s_.table_cells_.push_back(std::move(tc));
  }
  // Header, kind and totals from the grid: the header is the rows of header cells at the top
  // (<th>, Markdown rows above the delimiter), else the first row.
  tb->columns = grid.Cols();
  uint32_t header_rows = 0;
  for (uint32_t r = 0; r < grid.Rows(); ++r) {
    bool all = true;
    for (uint32_t c = 0; c < grid.Cols() && all; ++c) {
      const markup::MarkupCell* cell = grid.At(r, c);
      all = cell == nullptr || cell->header;
    }
    if (!all) break;
    header_rows = r + 1;
  }
  if (header_rows == 0 && grid.Rows() > 1) header_rows = 1;
  tb->header_line = header_rows > 0 && grid.At(0, 0) ? doc_.LineOf(grid.At(0, 0)->begin) : kNoIndex;
  tb->kind = ESGAUDIT_TABLE_UNKNOWN;
  tb->total_column = kNoIndex;
  tb->total_line = kNoIndex;
  uint32_t years = 0, labels = 0;
  for (uint32_t c = 0; c < grid.Cols(); ++c) {
    std::string head;  // the lowest header cell of the column
    for (uint32_t r = 0; r < header_rows; ++r) {
      const markup::MarkupCell* cell = grid.At(r, c);
      if (cell != nullptr && !cell->text.empty()) head = cell->text;
    }
    if (head.empty()) continue;
    if (YearLike(head)) {
      ++years;
    } else if (c > 0 && !IsAsciiDigit(head.front())) {
      ++labels;
    }
    if (tb->total_column == kNoIndex && c > 0 && TotalLike(head)) tb->total_column = c;
  }
  uint32_t year_rows = 0;
  for (uint32_t r = header_rows; r < grid.Rows(); ++r) {
    const markup::MarkupCell* cell = grid.At(r, 0);
    if (cell == nullptr) continue;
    if (YearLike(cell->text)) ++year_rows;
    if (tb->total_line == kNoIndex && TotalLike(cell->text)) tb->total_line = doc_.LineOf(cell->begin);
  }
  if (years >= 2 || year_rows >= 2) {
    tb->kind = ESGAUDIT_TABLE_TIME_SERIES;
  } else if (labels >= 2) {
    tb->kind = ESGAUDIT_TABLE_CATEGORIES;
  }
}

void StructureBuilder::FindTables() {
  const size_t n = s_.lines_.size();
  const bool space_groups = WritesThousandsWithSpaces(doc_.view());
  enum Kind : uint32_t { kNone = 0 };
  std::vector<uint32_t> kind(n, kNone);
  // Tables written as markup, parsed with their grids; each is placed by the lines it stands on.
  const std::vector<markup::MarkupTable> grids = markup::ParseMarkupTables(doc_.text());
  struct Placed {
    uint32_t first_line = 0;
    uint32_t last_line = 0;
    bool html = false;
  };
  std::vector<Placed> placed;
  std::vector<uint8_t> pipe_grid_line(n, 0);  // a line of a Markdown table with its delimiter row
  for (const markup::MarkupTable& g : grids) {
    Placed p;
    p.first_line = doc_.LineOf(g.begin);
    p.last_line = std::max(p.first_line, doc_.LineOf(g.end > g.begin ? g.end - 1 : g.begin));
    p.html = doc_.text()[g.begin] == '<';
    if (!p.html) {
      for (uint32_t j = p.first_line; j <= p.last_line && j < n; ++j) pipe_grid_line[j] = 1;
    }
    placed.push_back(p);
  }
  // Whitespace-aligned rows (no tab, no pipe): a row label (words, or a year), then value slots
  // only, at least one of them a figure. A line of figures without a label (an infographic's
  // "1,200人  98%"), a label beside a label, or a column of prose is no such row.
  auto span_of = [&](const Cell& c) {
    Span sp;
    sp.begin = c.column;
    sp.end = c.column + TextWidth(std::string_view(doc_.text()).substr(c.offset, c.length), c.column - 1);
    return sp;
  };
  std::vector<std::vector<Span>> slots(n);  // per aligned row, its value slots' display columns
  std::vector<uint32_t> label_begin(n, 0);
  // Per row joined with single spaces (no display columns to align), its number of values: the
  // rows of one such table have the same number.
  std::vector<uint32_t> joined(n, 0);
  std::vector<std::vector<Piece>> joined_values(n);  // their values' view ranges within the cell
  // Per row joined with single spaces, where words of another column of the page follow its
  // values on the same line (byte offset in the cell; 0 for none). Such a row is taken only in a
  // table of two-column lines (below).
  std::vector<uint32_t> prose_tail(n, 0);
  // Per such row, whether its label opens with words of another column (ProseLedLabel): the same
  // sign of a two-column page as a prose tail, with the prose on the row's left.
  std::vector<uint8_t> prose_head(n, 0);
  // Per such row, whether it was read under a header of period columns (PeriodKeyedValues): words of
  // another column may stand anywhere before its values, so it shares its lines with prose as well.
  std::vector<uint8_t> keyed(n, 0);
  std::vector<uint32_t> label_from(n, 0);  // per such row, where its label starts (KeyedLabelStart)
  // The header of period columns over the lines read (PeriodHeaderColumns): its value columns, and
  // the last line that is it or a row of as many values. It heads the rows joined with single
  // spaces at most kKeyedReach lines below that line (the other column's prose, a unit or a title
  // between them) that are no such row by SpaceJoinedValues; a line read as a row there keeps its
  // reading (a row followed by another table's row on the same line, under that table's header).
  size_t period_columns = 0;
  size_t period_last = 0;
  constexpr size_t kKeyedReach = 4;
  // Lines of the page's other column between the rows of such a table: not rows of it.
  std::vector<uint8_t> beside(n, 0);
  // Per tab line read as prose only for cells of worded labels (below), its number of cells.
  std::vector<uint8_t> worded_row(n, 0);
  // Lines inside a table's range that are none of its rows: a footnote at the foot of a page the
  // table runs over, or its header row repeated on the next page.
  std::vector<uint8_t> off_table(n, 0);
  // Lines of value slots only ("      NA     3.3     2.7"): a row whose label the layout wrapped
  // onto the lines around it, when such a label piece is found (below); their slots meanwhile.
  std::vector<uint8_t> values_only(n, 0);
  std::vector<const Cell*> row_cells;  // aligned_row's, kept from line to line
  auto aligned_row = [&](size_t line) {
    const LineStructure& ls = s_.lines_[line];
    std::vector<const Cell*>& cells = row_cells;
    cells.clear();
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const Cell& c = s_.cells_[ls.first_cell + k];
      if ((c.flags & ESGAUDIT_CELL_SIDE_BANNER) == 0) cells.push_back(&c);
    }
    if (cells.size() < 2) return false;
    std::string_view head = CellText(*cells[0]);
    if ((FigureValue(head) && !YearLike(head)) || Placeholder(head)) {
      // Values only, at least one a figure, not a line of years: a row when its label is found.
      size_t figures = 0;
      for (const Cell* c : cells) {
        std::string_view t = CellText(*c);
        if (!AlignedValue(t)) return false;
        figures += FigureValue(t) && !YearLike(t);
      }
      if (figures == 0) return false;
      std::vector<Span> out;
      for (const Cell* c : cells) out.push_back(span_of(*c));
      slots[line] = std::move(out);
      values_only[line] = 1;
      return false;
    }
    if (Contains(head, "。") || sdk::CodePointCount(head) > 120) return false;
    // Value slots: figures and placeholders, and a few short words (a unit, a code of another
    // standard) in a row of more figures; words in CJK script beside figures are an infographic's
    // labels ("营业收入  26亿元  净利润  3亿元").
    size_t figures = 0;
    size_t words = 0;
    std::vector<Span> out;
    for (size_t k = 1; k < cells.size(); ++k) {
      std::string_view t = CellText(*cells[k]);
      if (AlignedValue(t)) {
        if (FigureValue(t)) ++figures;
      } else if ((sdk::CodePointCount(t) <= 16 && !sdk::HasCjk(t) && !ContainsAny(t, {".", ",", ";", ":"})) ||
                 StandardCode(t)) {
        ++words;
      } else {
        return false;
      }
      out.push_back(span_of(*cells[k]));
    }
    const bool figure = figures > 0 && (words == 0 || (figures >= 2 && figures > words));
    // A line of years only ("2018  2019  2020") is a header, not a row.
    if (!figure || std::all_of(cells.begin(), cells.end(), [&](const Cell* c) { return YearLike(CellText(*c)); }))
      return false;
    slots[line] = std::move(out);
    label_begin[line] = cells[0]->column;
    return true;
  };
  bool in_html = false;
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    std::string_view raw = doc_.LineText(i);
    std::string_view view = LineView(i);
    // Each tag opens with '<': a line without one (most lines) is not searched four times.
    const bool tag = view.find('<') != std::string_view::npos;
    bool opens = tag && (Contains(view, "<table") || Contains(view, "<TABLE"));
    bool closes = tag && (Contains(view, "</table") || Contains(view, "</TABLE"));
    if (opens || in_html) kind[i] = ESGAUDIT_TABLE_SOURCE_HTML;
    if (opens && !closes) in_html = true;
    if (closes) in_html = false;
    if (kind[i] != kNone || ls.cell_count == 0) continue;
    // A tab-separated row of figures repeated on several pages ("合计\t5244\t100.00%", yearly rows
    // of one amount) may have been taken for a running header or a decoration; it is a table row.
    const uint32_t repeated = ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION;
    const bool tabbed = raw.find('\t') != std::string_view::npos;  // asked up to four times below
    bool figure_row = false;
    if ((ls.flags & repeated) && !(ls.flags & ~repeated & ESGAUDIT_LINE_FURNITURE_MASK) && tabbed &&
        ls.cell_count >= 2) {
      for (uint32_t k = 0; k < ls.cell_count; ++k)
        figure_row = figure_row || (s_.cells_[ls.first_cell + k].flags & ESGAUDIT_CELL_NUMERIC);
    }
    // So is a row of a Markdown table (a row repeated in several tables: 管理层 under each year).
    if (figure_row || (pipe_grid_line[i] && !(ls.flags & ~repeated & ESGAUDIT_LINE_FURNITURE_MASK)))
      s_.lines_[i].flags &= ~repeated;
    if (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) continue;
    std::string_view t = Trim(raw);
    size_t pipes = static_cast<size_t>(std::count(t.begin(), t.end(), '|'));
    uint32_t text_cells = 0;
    bool prose = false;
    uint32_t plain_figures = 0;
    bool worded_only = true;  // every sentence-punctuated cell is a WordedLabelCell
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const Cell& c = s_.cells_[ls.first_cell + k];
      if (c.flags & ESGAUDIT_CELL_SIDE_BANNER) continue;
      ++text_cells;
      std::string_view ct = CellText(c);
      // A long figure's thousands separators (1,696,964,131; 38,533,072.80) are no sentence commas.
      const bool figure = ct.find_first_not_of("0123456789,.%-+ ") == std::string_view::npos;
      if (figure && std::any_of(ct.begin(), ct.end(), IsAsciiDigit)) ++plain_figures;
      if (!figure && sdk::CodePointCount(ct) >= 12 && SentencePunctuation(ct)) {
        prose = true;
        worded_only = worded_only && WordedLabelCell(ct);
      }
    }
    if (prose && worded_only && text_cells >= 3 && plain_figures >= 2 && tabbed)
      worded_row[i] = static_cast<uint8_t>(text_cells);
    if (!t.empty() && t.front() == '|' && pipes >= 2) {
      kind[i] = ESGAUDIT_TABLE_SOURCE_PIPES;
    } else if (tabbed && ((text_cells >= 2 && !prose) ||
                          (text_cells == 1 && !SpaceJoinedFigures(CellText(s_.cells_[ls.first_cell])).empty()))) {
      kind[i] = ESGAUDIT_TABLE_SOURCE_TABS;
    } else if (!tabbed && pipes == 0 && aligned_row(i)) {
      kind[i] = ESGAUDIT_TABLE_SOURCE_ALIGNED;
    } else if (!tabbed && pipes == 0 && text_cells == 1 && ls.cell_count == 1) {
      size_t tail = 0;
      const std::string_view cell = CellText(s_.cells_[ls.first_cell]);
      std::vector<Piece> values = SpaceJoinedValues(cell, &tail, space_groups);
      if (const size_t columns = PeriodHeaderColumns(cell); columns != 0) {
        period_columns = columns;
        period_last = i;
      } else if (period_columns != 0 && i - period_last <= kKeyedReach) {
        if (values.empty()) {
          std::vector<Piece> under = PeriodKeyedValues(cell, period_columns);
          if (!under.empty()) {
            values = std::move(under);
            tail = 0;
            keyed[i] = 1;
            label_from[i] = static_cast<uint32_t>(KeyedLabelStart(cell.substr(0, values.front().begin)));
          }
        }
        if (values.size() == period_columns) period_last = i;
      }
      if (!values.empty()) {
        kind[i] = ESGAUDIT_TABLE_SOURCE_ALIGNED;
        prose_tail[i] = static_cast<uint32_t>(tail);
        prose_head[i] = ProseLedLabel(cell.substr(0, values.front().begin)) ? 1 : 0;
        joined[i] = static_cast<uint32_t>(values.size());
        slots[i].assign(values.size(), Span{});
        joined_values[i] = std::move(values);
      }
    }
  }
  // A tab line of two plain figures or more whose only sentence-like cells are worded labels (a
  // column of plans, "每10股转增2股，每10股分红1元"): a row of the table around it when the next tab line
  // above or below, with no blank line between, is a row of as many cells. Forwards, then backwards,
  // so that a run of such lines joins the table too.
  {
    auto joins = [&](size_t i, size_t j) {
      return kind[j] == ESGAUDIT_TABLE_SOURCE_TABS && Contains(doc_.LineText(j), "\t") &&
             s_.lines_[j].cell_count == s_.lines_[i].cell_count && s_.lines_[j].cell_count == worded_row[i];
    };
    for (size_t i = 1; i < n; ++i)
      if (worded_row[i] != 0 && kind[i] == kNone && joins(i, i - 1)) kind[i] = ESGAUDIT_TABLE_SOURCE_TABS;
    for (size_t i = n; i-- > 1;)
      if (worded_row[i - 1] != 0 && kind[i - 1] == kNone && joins(i - 1, i)) kind[i - 1] = ESGAUDIT_TABLE_SOURCE_TABS;
  }
  // A tab line of a title and, in a later slot, its unit caption alone ("员工学历构成\t\t\t单位：人"), over
  // a tab line of column titles (two cells or more, none a figure): the caption of the table that
  // header starts, no row of a table above it. Over rows of figures, such a line ("项目\t单位：人")
  // is the header of those rows and stays one.
  std::vector<uint8_t> unit_title(n, 0);  // such title lines: no header of the table below either
  {
    auto plain_figure = [](std::string_view t) {
      return std::any_of(t.begin(), t.end(), IsAsciiDigit) && t.find_first_not_of("0123456789,.%-+ ") == std::string_view::npos;
    };
    for (size_t i = 0; i + 1 < n; ++i) {
      if (kind[i] != ESGAUDIT_TABLE_SOURCE_TABS || s_.lines_[i].cell_count != 2) continue;
      const Cell& title = s_.cells_[s_.lines_[i].first_cell];
      const Cell& caption = s_.cells_[s_.lines_[i].first_cell + 1];
      if ((title.flags | caption.flags) & ESGAUDIT_CELL_SIDE_BANNER) continue;
      const std::string_view t = CellText(title);
      if (plain_figure(t) || sdk::CodePointCount(t) > 60 || SentencePunctuation(t) || !UnitCaptionCell(CellText(caption)))
        continue;
      size_t next = i + 1;
      while (next < n && s_.lines_[next].cell_count == 0) ++next;
      if (next >= n || kind[next] != ESGAUDIT_TABLE_SOURCE_TABS || s_.lines_[next].cell_count < 2) continue;
      bool titles = true;
      const LineStructure& ls = s_.lines_[next];
      for (uint32_t k = 0; k < ls.cell_count && titles; ++k) {
        const std::string_view c = CellText(s_.cells_[ls.first_cell + k]);
        titles = YearLike(c) || !plain_figure(c);
      }
      if (titles) {
        kind[i] = kNone;
        unit_title[i] = 1;
      }
    }
  }
  // The cells of a line other than side-banner characters.
  auto body_cells = [&](size_t line) {
    std::vector<const Cell*> out;
    const LineStructure& ls = s_.lines_[line];
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const Cell& c = s_.cells_[ls.first_cell + k];
      if ((c.flags & ESGAUDIT_CELL_SIDE_BANNER) == 0) out.push_back(&c);
    }
    return out;
  };
  // The view range of aligned row `j`'s own label: its first cell, or for a row joined with
  // single spaces the words before its first value.
  auto row_label = [&](size_t j) -> Piece {
    const Cell& c = *body_cells(j).front();
    Piece p{c.view_begin, c.view_end};
    if (joined[j] != 0) {
      p.begin = c.view_begin + label_from[j];
      p.end = c.view_begin + joined_values[j].front().begin;
      while (p.end > p.begin && view_[p.end - 1] == ' ') --p.end;
    }
    return p;
  };
  // Label pieces a layout wrapped onto a line of their own, directly above or below their row
  // ("Waste beneficially reused, recycled or" over "recovered [C]   399   448"; a unit
  // "(thousand tonnes)" under its label; a long label around a line of values only). Per such
  // line, the row it belongs to (kNoIndex for other lines); per row, its piece above and below. A
  // piece is one cell without figures and without a sentence end, left of the row's values (in
  // the label's columns when the row has a label of its own; at most 40 characters beside rows
  // joined with single spaces, which have no columns). A row of values only takes the pieces
  // around it (the one below when there is none above, or when the words show it goes on). A row
  // with a label takes one only where the words show that the label goes on: the row's label
  // starts with a lower-case word or a bracket, or the piece above ends with a joining word or
  // comma ("or", "of", "and", "-") or leaves open a bracket the row's label closes; a piece below
  // starts with a lower-case word, is a bracket of its own or closes a bracket the row's label
  // leaves open. A heading, a group title or a note over the rows ("Waste", "Note: in tonnes"),
  // or a bullet ("n Level of resignations") is none of these and stays apart.
  // Cues that a row label goes on over a line break (below). A word in lower case, not a bullet
  // glyph read as a letter ("n Level of ...").
  auto lower = [](std::string_view t) {
    return t.size() >= 2 && t[0] >= 'a' && t[0] <= 'z' && t[1] >= 'a' && t[1] <= 'z';
  };
  auto bracket = [](std::string_view t) {
    return Starts(t, "(") || Starts(t, "\xEF\xBC\x88") || Starts(t, "[");
  };
  auto unit = [&](std::string_view t) {
    return bracket(t) && sdk::CodePointCount(t) <= 24 && (Ends(t, ")") || Ends(t, "\xEF\xBC\x89") || Ends(t, "]"));
  };
  std::vector<uint32_t> wrapped_into(n, kNoIndex);
  std::vector<uint32_t> piece_above(n, kNoIndex), piece_below(n, kNoIndex);
  {
    auto piece = [&](size_t f, size_t row) -> std::string_view {
      if (kind[f] != kNone || values_only[f] || wrapped_into[f] != kNoIndex || s_.lines_[f].cell_count != 1 ||
          (s_.lines_[f].flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)))
        return {};
      const Cell& c = s_.cells_[s_.lines_[f].first_cell];
      if (c.flags & ESGAUDIT_CELL_SIDE_BANNER) return {};
      std::string_view t = CellText(c);
      if (t.empty() || sdk::CodePointCount(t) > (joined[row] != 0 ? 40u : 120u) || IsAsciiDigit(t.front()) ||
          FigureValue(t) || ContainsAny(t, {"。", "；", "：", ". "}) || ContainsAny(t.substr(t.size() - 1), {".", ";", ":"}))
        return {};
      if (joined[row] != 0) return SpaceJoinedValues(t, nullptr, space_groups).empty() ? t : std::string_view();
      // Left of the values; under a label of the row's own, in its columns.
      if (span_of(c).end >= slots[row].front().begin) return {};
      const uint32_t at = label_begin[row];
      if (!values_only[row] && (c.column + kAlignSlack < at || c.column > at + kAlignSlack)) return {};
      return t;
    };
    auto take = [&](size_t f, size_t row) {
      (f < row ? piece_above : piece_below)[row] = static_cast<uint32_t>(f);
      wrapped_into[f] = static_cast<uint32_t>(row);
    };
    // Rows of values only first: a piece next to one is surely its label.
    for (size_t j = 0; j < n; ++j) {
      if (!values_only[j]) continue;
      std::string_view above = j > 0 ? piece(j - 1, j) : std::string_view();
      std::string_view below = j + 1 < n ? piece(j + 1, j) : std::string_view();
      if (!above.empty()) take(j - 1, j);
      if (!below.empty() &&
          (above.empty() || lower(below) || unit(below) || JoiningEnd(above) || BracketGoesOn(above, below)))
        take(j + 1, j);
      if (piece_above[j] == kNoIndex && piece_below[j] == kNoIndex) continue;
      kind[j] = ESGAUDIT_TABLE_SOURCE_ALIGNED;
      label_begin[j] = s_.cells_[s_.lines_[piece_above[j] != kNoIndex ? piece_above[j] : piece_below[j]].first_cell].column;
    }
    for (size_t j = 0; j < n; ++j) {
      if (kind[j] != ESGAUDIT_TABLE_SOURCE_ALIGNED || values_only[j]) continue;
      const Piece own = row_label(j);
      const std::string_view label = view_.substr(own.begin, own.end - own.begin);
      if (j + 1 < n) {
        std::string_view t = piece(j + 1, j);
        if (!t.empty() && (lower(t) || unit(t) || JoiningEnd(label) || BracketGoesOn(label, t))) {
          take(j + 1, j);
          continue;
        }
      }
      if (j > 0) {
        std::string_view t = piece(j - 1, j);
        if (!t.empty() && (lower(label) || bracket(label) || JoiningEnd(t) || BracketGoesOn(t, label)))
          take(j - 1, j);
      }
    }
  }
  const std::regex& kUnit = gates::Unit();
  // The line's cells, side-banner letters aside. A cell of periods set one space apart is one cell
  // per period, unless that gives the line more than `width` cells (the table's widest row: a chart's
  // axis "2012 2013 2014 2015 2016" under each of four charts heads no twenty columns).
  // PeriodPieces of a line's cell, read when first asked for: header_cells asks for the same
  // lines again and again.
  std::vector<uint8_t> periods_read(s_.cells_.size(), 0);
  std::unordered_map<uint32_t, std::vector<Piece>> periods_found;  // the cells with periods
  const std::vector<Piece> no_periods;
  auto cell_periods = [&](uint32_t ci) -> const std::vector<Piece>& {
    if (!periods_read[ci]) {
      periods_read[ci] = 1;
      std::vector<Piece> pieces = PeriodPieces(CellText(s_.cells_[ci]));
      if (!pieces.empty()) periods_found.emplace(ci, std::move(pieces));
    }
    auto it = periods_found.find(ci);
    return it == periods_found.end() ? no_periods : it->second;
  };
  // The line's cells; with a `width`, cells holding several periods split at them unless that
  // gives more than `width` cells. Without one no periods are looked for: the cells as they are.
  auto header_cells = [&](uint32_t line, size_t width = 0) {
    std::vector<std::string_view> raw, split;
    const LineStructure& ls = s_.lines_[line];
    raw.reserve(ls.cell_count);
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const Cell& c = s_.cells_[ls.first_cell + k];
      if (c.flags & ESGAUDIT_CELL_SIDE_BANNER) continue;
      const std::string_view t = CellText(c);
      raw.push_back(t);
      if (width == 0) continue;
      const std::vector<Piece>& periods = cell_periods(ls.first_cell + k);
      if (periods.empty()) split.push_back(t);
      for (const Piece& p : periods) split.push_back(t.substr(p.begin, p.end - p.begin));
    }
    if (width == 0 || split.size() > width) return raw;
    return split;
  };
  auto is_separator = [&](uint32_t line) {
    std::string_view v = Trim(LineView(line));
    return !v.empty() && v.find_first_not_of("|-: ") == std::string_view::npos && Contains(v, "-");
  };
  auto has_numeric = [&](size_t line) {
    const LineStructure& ls = s_.lines_[line];
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      if (s_.cells_[ls.first_cell + k].flags & ESGAUDIT_CELL_NUMERIC) return true;
    }
    return false;
  };
  auto repeated_header = [&](size_t line) {
    const uint32_t flags = s_.lines_[line].flags;
    const uint32_t repeated = ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION;
    return (flags & repeated) && !(flags & ~repeated & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC)) &&
           Contains(doc_.LineText(line), "\t") && header_cells(static_cast<uint32_t>(line)).size() >= 3;
  };
  // A row of column titles that are periods ("环境绩效指标\t2016 年\t2015 年", "2012\t2013\t2014"):
  // a label (no figure) or none, then two or more periods and nothing else, with figures other
  // than years on the next line holding cells (up to the table's last line `last`). Inside a table
  // it is a second header, heading the rows below it (tables stacked under one title); a row of
  // years under a header of places (ISO 14001 certified 2004, 2016 ...) or a chart's axis is none.
  auto period_row = [&](uint32_t line, uint32_t last) {
    const std::vector<std::string_view> cells = header_cells(line);
    if (cells.size() < 2) return false;
    const size_t from = YearLike(cells[0]) ? 0 : 1;
    if (from == 1 && (FigureValue(cells[0]) || SentencePunctuation(cells[0]))) return false;
    if (cells.size() - from < 2 ||
        !std::all_of(cells.begin() + static_cast<std::ptrdiff_t>(from), cells.end(), YearLike))
      return false;
    uint32_t next = line + 1;
    while (next <= last && s_.lines_[next].cell_count == 0) ++next;
    if (next > last) return false;
    const std::vector<std::string_view> below = header_cells(next);
    return std::any_of(below.begin(), below.end(), [](std::string_view c) { return FigureValue(c) && !YearLike(c); });
  };
  auto bare_number = [&](size_t line) {
    std::string_view v = Trim(LineView(line));
    return !v.empty() && v.size() <= 3 &&
           std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // OCR debris on a line of its own ("kS-"): at most three ASCII characters, no digit, no space
  // or tab, a letter and either a mark (not '/': n/a) or a capital after a small letter. A word
  // ("Men", "Age") or a lone dash is not debris.
  auto stray = [&](size_t line) {
    std::string_view v = LineView(line);
    if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
    if (v.empty() || v.size() > 3) return false;
    bool letter = false, mark = false, case_switch = false;
    for (size_t k = 0; k < v.size(); ++k) {
      const unsigned char u = static_cast<unsigned char>(v[k]);
      if (u <= 0x20 || u >= 0x7f || IsAsciiDigit(v[k]) || v[k] == '/') return false;
      const bool upper = u >= 'A' && u <= 'Z', small = u >= 'a' && u <= 'z';
      letter = letter || upper || small;
      mark = mark || (!upper && !small);
      case_switch = case_switch || (upper && k > 0 && v[k - 1] >= 'a' && v[k - 1] <= 'z');
    }
    return letter && (mark || case_switch);
  };
  // The table of lines [first, last_line] (its header may be the line above), with the grid of
  // markup table `grid` (or none).
  // The header of an aligned table: a line of column titles (years, labels) up to four lines above
  // its first row, over blank lines and one-cell group titles. Past a title over the row labels
  // (at the labels' start), it has one title per value column of the table's widest row `widest`,
  // in order, each centred within kTitleShift columns of its column's centre and spaced like the
  // columns within kTitleSpread (titles are centred or offset over their figures, so their starts
  // and ends do not line up). kNoIndex when there is none.
  constexpr int64_t kTitleShift = 12;
  constexpr int64_t kTitleSpread = 6;
  auto aligned_header = [&](uint32_t first, uint32_t widest) -> uint32_t {
    const std::vector<Span>& values = slots[widest];
    auto centre2 = [](const Span& sp) { return static_cast<int64_t>(sp.begin) + sp.end; };  // twice the centre
    for (uint32_t j = first, steps = 0; j > 0 && steps < 4; ++steps) {
      --j;
      const LineStructure& ls = s_.lines_[j];
      if (ls.cell_count == 0) continue;
      // A header repeated over the report's tables ("2018  2019  2020") may have been taken for
      // a decoration or running header; any other furniture, TOC or index line ends the search.
      const uint32_t repeated = ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION;
      if (ls.flags & ~repeated & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX | ESGAUDIT_LINE_TABLE))
        return kNoIndex;
      std::vector<const Cell*> cells;
      for (uint32_t k = 0; k < ls.cell_count; ++k) {
        const Cell& c = s_.cells_[ls.first_cell + k];
        if ((c.flags & ESGAUDIT_CELL_SIDE_BANNER) == 0) cells.push_back(&c);
      }
      if (cells.size() == 1) {  // a group title between the header and the rows, or a caption
        std::string_view t = CellText(*cells[0]);
        if (sdk::CodePointCount(t) <= 60 && !FigureValue(t) && (ls.flags & repeated) == 0) continue;
        return kNoIndex;
      }
      size_t k = 0;
      if (cells[0]->column <= label_begin[first] + kAlignSlack) ++k;  // the title over the labels
      if (cells.size() - k != values.size()) return kNoIndex;
      int64_t previous = 0;
      for (size_t v = 0; k < cells.size(); ++k, ++v) {
        std::string_view t = CellText(*cells[k]);
        if ((FigureValue(t) && !YearLike(t)) || sdk::CodePointCount(t) > 40) return kNoIndex;
        int64_t c2 = centre2(span_of(*cells[k]));
        if (std::llabs(c2 - centre2(values[v])) > 2 * kTitleShift) return kNoIndex;
        if (v > 0 && std::llabs((c2 - previous) - (centre2(values[v]) - centre2(values[v - 1]))) > 2 * kTitleSpread)
          return kNoIndex;
        previous = c2;
      }
      return j;
    }
    return kNoIndex;
  };
  // Appends the grid cell (row, column) of `table` spanning the view range [vb, ve).
  auto push_grid_cell = [&](uint32_t table, uint32_t row, uint32_t column, uint64_t vb, uint64_t ve, uint32_t flags,
                            std::string text) {
    TableCell tc;
    tc.table = table;
    tc.row = row;
    tc.column = column;
    tc.flags = flags;
    tc.view_begin = vb;
    tc.view_end = ve;
    tc.offset = doc_.ViewToText(vb);
    tc.length = doc_.ViewToText(ve) - tc.offset;
    tc.line = doc_.LineOf(tc.offset);
    tc.text = std::move(text);
    s_.table_cells_.push_back(std::move(tc));
  };
  // The text of a span: blanks collapsed, control characters (BEL around a value) dropped.
  auto text_of = [&](uint64_t vb, uint64_t ve) {
    const uint64_t b = doc_.ViewToText(vb), e = doc_.ViewToText(ve);
    std::string out;
    for (char ch : std::string_view(doc_.text()).substr(b, e - b)) {
      const bool blank = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
      if (blank) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else if (static_cast<unsigned char>(ch) >= 0x20) {
        out += ch;
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  // The grid of an aligned table: one grid row per line holding cells (page furniture and bare
  // page numbers between rows left out; a wrapped label piece is part of its row's label), the row
  // label in column 0 and the value slots in columns 1.. of the table's widest row `widest`: a
  // slot goes to the widest row's slot it stands under (start or end within kAlignSlack columns),
  // in order; a row whose slots do not all stand under one is placed from the right (values may
  // be missing at the start, not at the end). Rows joined with single spaces have as many values
  // as each other: column k + 1 for the k-th. The header's titles are header cells, over the
  // value columns (and column 0 when it has a title over the labels).
  auto add_aligned_grid = [&](uint32_t table, Table* tb, uint32_t widest) {
    const std::vector<Span>& ref = slots[widest];
    const uint32_t values = static_cast<uint32_t>(ref.size());
    tb->grid_columns = values + 1;
    tb->first_grid_cell = static_cast<uint32_t>(s_.table_cells_.size());
    uint32_t row = 0;
    auto push = [&](uint32_t column, uint64_t vb, uint64_t ve, uint32_t flags, std::string text) {
      push_grid_cell(table, row, column, vb, ve, flags, std::move(text));
    };
    // A row label with its wrapped pieces, in reading order: Latin words joined by a space. The
    // row's own label is the view range [vb, ve), empty for a row of values only.
    auto label_of = [&](size_t j, uint64_t vb, uint64_t ve) {
      std::string text = text_of(vb, ve);
      if (vb == ve && piece_above[j] == kNoIndex) {  // no label of its own: the pieces' span only
        const Cell& c = s_.cells_[s_.lines_[piece_below[j]].first_cell];
        vb = ve = c.view_begin;
      } else if (vb == ve) {
        const Cell& c = s_.cells_[s_.lines_[piece_above[j]].first_cell];
        vb = ve = c.view_end;
      }
      auto join = [](std::string a, const std::string& b) {
        if (a.empty() || b.empty()) return a + b;
        // A word hyphenated at the line end ("Sharehold-" over "ers' Meeting") is one word.
        if (a.size() >= 2 && a.back() == '-' && a[a.size() - 2] >= 'a' && a[a.size() - 2] <= 'z' && b[0] >= 'a' &&
            b[0] <= 'z') {
          a.pop_back();
          return a + b;
        }
        const bool latin = static_cast<unsigned char>(a.back()) < 0x80 && static_cast<unsigned char>(b.front()) < 0x80;
        return a + (latin ? " " : "") + b;
      };
      uint64_t first = vb, last = ve;
      if (piece_above[j] != kNoIndex) {
        const Cell& c = s_.cells_[s_.lines_[piece_above[j]].first_cell];
        text = join(text_of(c.view_begin, c.view_end), text);
        first = c.view_begin;
      }
      if (piece_below[j] != kNoIndex) {
        const Cell& c = s_.cells_[s_.lines_[piece_below[j]].first_cell];
        text = join(text, text_of(c.view_begin, c.view_end));
        last = c.view_end;
      }
      return std::make_tuple(first, last, std::move(text));
    };
    for (uint32_t j = tb->first_line; j <= tb->last_line; ++j) {
      if (wrapped_into[j] != kNoIndex || beside[j] || off_table[j] || s_.lines_[j].cell_count == 0 || bare_number(j) ||
          (j != tb->header_line && (s_.lines_[j].flags & ESGAUDIT_LINE_FURNITURE_MASK)))
        continue;
      const std::vector<const Cell*> cells = body_cells(j);
      if (cells.empty()) continue;
      if (j == tb->header_line) {
        uint32_t column = cells.size() > values ? 0 : 1;
        for (const Cell* c : cells)
          push(column++, c->view_begin, c->view_end, ESGAUDIT_TABLE_CELL_HEADER, text_of(c->view_begin, c->view_end));
      } else if (joined[j] != 0) {
        const Piece own = row_label(j);
        auto [lb, le, label] = label_of(j, own.begin, own.end);
        push(0, lb, le, 0, std::move(label));
        const uint64_t at = cells.front()->view_begin;
        uint32_t column = 1 + (values > joined[j] ? values - joined[j] : 0);
        for (const Piece& v : joined_values[j]) push(column++, at + v.begin, at + v.end, 0, text_of(at + v.begin, at + v.end));
      } else {
        // A row of values only has its label in the pieces around it.
        const size_t own = values_only[j] ? 0 : 1;
        auto [lb, le, label] = own ? label_of(j, cells[0]->view_begin, cells[0]->view_end)
                                   : label_of(j, cells[0]->view_begin, cells[0]->view_begin);
        push(0, lb, le, 0, std::move(label));
        // Value slots under the widest row's, in order; else placed from the right.
        std::vector<uint32_t> columns;
        for (size_t k = own, w = 0; k < cells.size(); ++k) {
          const Span sp = span_of(*cells[k]);
          while (w < ref.size() && !SameColumn(sp, ref[w])) ++w;
          if (w == ref.size()) break;
          columns.push_back(static_cast<uint32_t>(++w));
        }
        const size_t count = cells.size() - own;
        for (size_t k = own; k < cells.size(); ++k) {
          const size_t v = k - own + 1;  // 1-based among the row's values
          uint32_t column = columns.size() == count
                                ? columns[v - 1]
                                : static_cast<uint32_t>(values >= count ? values - count + v : v);
          push(std::min(column, values), cells[k]->view_begin, cells[k]->view_end, 0,
               text_of(cells[k]->view_begin, cells[k]->view_end));
        }
      }
      ++row;
    }
    tb->grid_rows = row;
    tb->grid_cell_count = static_cast<uint32_t>(s_.table_cells_.size()) - tb->first_grid_cell;
  };
  // The grid of a tab table: one grid row per line holding cells (blank lines, page numbers and
  // furniture without a tab left out), each cell in the column of its tab slot (the number of tabs
  // before it on its line, so an empty slot leaves its column empty); a line without tabs (a header
  // laid out with spaces, a group title) has one column per cell. A slot holding pieces apart by a
  // wide gap is one cell flagged ESGAUDIT_TABLE_CELL_GAPPED. A side-banner character is left out
  // unless it is a dash (an empty value at a row's end). A row's last cell holding its label and
  // two or more figures joined by single spaces (员工总数（人） 2,796 2,828, its tabs lost) is split:
  // the label in its slot, the figures in the slots after it. The header line's cells are header cells.
  auto add_tab_grid = [&](uint32_t table, Table* tb, size_t width) {
    tb->first_grid_cell = static_cast<uint32_t>(s_.table_cells_.size());
    uint32_t row = 0, columns = 0;
    auto push = [&](uint32_t column, uint64_t vb, uint64_t ve, uint32_t flags, std::string text = std::string()) {
      push_grid_cell(table, row, column, vb, ve, flags, text.empty() ? text_of(vb, ve) : std::move(text));
      columns = std::max(columns, column + 1);
    };
    // A label wrapped onto a row of its own (the label alone, in slot 0, before empty slots) just
    // above or below a row with a label and values is part of that row's label where the same cues
    // as in an aligned table show it goes on; per row, its piece above and below.
    auto alone = [&](uint32_t j) -> std::string_view {
      const LineStructure& ls = s_.lines_[j];
      if (ls.cell_count != 1 || j == tb->header_line || off_table[j] || (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK)) return {};
      const Cell& c = s_.cells_[ls.first_cell];
      std::string_view t = CellText(c);
      if (period_row(j, tb->last_line)) return {};
      if (c.view_begin != line_view_[j].first || FigureValue(t) || ContainsAny(t, {"。", ". "})) return {};
      // A row whose values are joined to its label ("西北 - -") is a row of its own.
      if (!SpaceJoinedFigures(t).empty()) return {};
      return t;
    };
    auto labelled_row = [&](uint32_t j) -> std::string_view {
      const LineStructure& ls = s_.lines_[j];
      if (ls.cell_count < 2 || j == tb->header_line || (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) || period_row(j, tb->last_line)) return {};
      const Cell& c = s_.cells_[ls.first_cell];
      return c.view_begin == line_view_[j].first && !FigureValue(CellText(c)) ? CellText(c) : std::string_view();
    };
    std::map<uint32_t, uint32_t> above, below;  // row line -> its piece's line
    std::set<uint32_t> pieces;
    for (uint32_t j = tb->first_line; j <= tb->last_line; ++j) {
      const std::string_view label = labelled_row(j);
      if (label.empty() || pieces.count(j)) continue;
      if (j < tb->last_line) {
        const std::string_view p = alone(j + 1);
        if (!p.empty() && (lower(p) || unit(p) || JoiningEnd(label) || BracketGoesOn(label, p))) {
          below[j] = j + 1;
          pieces.insert(j + 1);
          continue;
        }
      }
      if (j > tb->first_line && !pieces.count(j - 1)) {
        const std::string_view p = alone(j - 1);
        if (!p.empty() && (JoiningEnd(p) || lower(label) || bracket(label) || BracketGoesOn(p, label))) {
          above[j] = j - 1;
          pieces.insert(j - 1);
        }
      }
    }
    // A cell's text wrapped onto a line of its own in the same tab slot, past the label
    // ("\t\t废气治理\t" under "1\t工厂\t车间烘干\t460"): one text cell after leading tabs, no
    // figure, right under a row (over blank lines and OCR debris) whose cell in that slot is text.
    // It is part of that cell; per row, the slot and the piece's line.
    auto slot_of = [&](const Cell& c, uint32_t j) {
      uint32_t tabs = 0;
      for (uint64_t at = line_view_[j].first; at < c.view_begin; ++at) tabs += view_[at] == '\t';
      return tabs;
    };
    std::map<uint32_t, std::pair<uint32_t, uint32_t>> slot_piece;
    for (uint32_t p = tb->first_line + 1; p <= tb->last_line; ++p) {
      const LineStructure& ls = s_.lines_[p];
      if (ls.cell_count != 1 || p == tb->header_line || pieces.count(p) || off_table[p] ||
          (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) || period_row(p, tb->last_line))
        continue;
      const Cell& c = s_.cells_[ls.first_cell];
      const uint32_t slot = slot_of(c, p);
      if (slot == 0 || FigureValue(CellText(c)) || ContainsAny(CellText(c), {"。", ". "})) continue;
      uint32_t r = p - 1;
      while (r > tb->first_line && (s_.lines_[r].cell_count == 0 || stray(r))) --r;
      if (r == tb->header_line || pieces.count(r) || slot_piece.count(r) || s_.lines_[r].cell_count < 2 ||
          (s_.lines_[r].flags & ESGAUDIT_LINE_FURNITURE_MASK) || period_row(r, tb->last_line))
        continue;
      const LineStructure& rs = s_.lines_[r];
      for (uint32_t k = 0; k < rs.cell_count; ++k) {
        const Cell& above_cell = s_.cells_[rs.first_cell + k];
        if (slot_of(above_cell, r) != slot) continue;
        if (!FigureValue(CellText(above_cell))) {
          slot_piece[r] = {slot, p};
          pieces.insert(p);
        }
        break;
      }
    }
    // A header cell of two or more words set one space apart in one tab slot, over as many value
    // columns ("检查次数 抽样批次数" over a slot of counts and the empty header slot after it): one
    // header cell per word. Only where the rows show it: the rows use the tab slot of every header
    // cell (header and rows agree on their slots), and the slots from the cell's to the next header
    // cell's that they use are exactly as many as its words, each holding figures (or placeholders)
    // and nothing else; each word holds a Han character and no digit, and none opens with a bracket
    // (a header wrapped over lines, "数额 (含税）", is one title). Per tab slot of the rows below a
    // tabbed header: whether one holds a figure there, and whether one holds text.
    std::map<uint32_t, std::pair<bool, bool>> row_slots;
    if (tb->header_line != kNoIndex && Contains(LineView(tb->header_line), "\t")) {
      for (uint32_t j = tb->first_line; j <= tb->last_line; ++j) {
        if (j == tb->header_line || pieces.count(j) || off_table[j] || !Contains(LineView(j), "\t")) continue;
        const LineStructure& ls = s_.lines_[j];
        if (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) continue;
        uint64_t at = line_view_[j].first;
        uint32_t tabs = 0;
        for (uint32_t k = 0; k < ls.cell_count; ++k) {
          const Cell& c = s_.cells_[ls.first_cell + k];
          for (; at < c.view_begin; ++at) tabs += view_[at] == '\t';
          const std::string_view t = CellText(c);
          std::pair<bool, bool>& use = row_slots[tabs];
          if (FigureValue(t)) {
            use.first = true;
          } else if (!Placeholder(t)) {
            use.second = true;
          }
        }
      }
    }
    // The words' view ranges, read on the text: the view drops a space between Han characters.
    auto header_words = [&](uint32_t slot, uint32_t next, const Cell& cell) -> std::vector<Piece> {
      const std::string_view text = std::string_view(doc_.text()).substr(cell.offset, cell.length);
      std::vector<Piece> words = SpaceSeparatedWords(text);
      if (words.size() < 2 || words.size() > 6) return {};
      for (const Piece& w : words) {
        const std::string_view t = text.substr(w.begin, w.end - w.begin);
        if (!sdk::HasCjk(t) || sdk::CodePointCount(t) < 2 || std::any_of(t.begin(), t.end(), IsAsciiDigit) ||
            Starts(t, "(") || Starts(t, "（"))
          return {};
      }
      uint32_t used = 0;
      for (auto it = row_slots.lower_bound(slot); it != row_slots.end() && it->first < next; ++it) {
        if (it->first >= slot + words.size() || !it->second.first || it->second.second) return {};
        ++used;
      }
      if (used != words.size()) return {};
      for (Piece& w : words)
        w = Piece{static_cast<size_t>(doc_.TextToView(cell.offset + w.begin)), static_cast<size_t>(doc_.TextToView(cell.offset + w.end))};
      return words;
    };
    std::vector<uint32_t> header_firsts;  // each header row's first grid cell
    for (uint32_t j = tb->first_line; j <= tb->last_line; ++j) {
      const LineStructure& ls = s_.lines_[j];
      const bool tabbed = Contains(LineView(j), "\t");
      if (pieces.count(j) || off_table[j]) continue;
      if (ls.cell_count == 0 || bare_number(j) || stray(j) || (ls.flags & ESGAUDIT_LINE_PAGE_NUMBER) ||
          (j != tb->header_line && !tabbed && (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK)))
        continue;
      const uint32_t header = j == tb->header_line || period_row(j, tb->last_line) ? ESGAUDIT_TABLE_CELL_HEADER : 0u;
      // Per tab slot, the cells in it.
      std::vector<std::pair<uint32_t, std::vector<const Cell*>>> slot_cells;
      uint64_t at = line_view_[j].first;
      uint32_t tabs = 0;
      for (uint32_t k = 0; k < ls.cell_count; ++k) {
        const Cell& c = s_.cells_[ls.first_cell + k];
        if ((c.flags & ESGAUDIT_CELL_SIDE_BANNER) && !Placeholder(CellText(c))) continue;
        for (; at < c.view_begin; ++at) tabs += view_[at] == '\t';
        const uint32_t slot = tabbed ? tabs : k;
        if (slot_cells.empty() || slot_cells.back().first != slot) slot_cells.emplace_back(slot, std::vector<const Cell*>());
        slot_cells.back().second.push_back(&c);
      }
      if (slot_cells.empty()) continue;
      const bool slots_agree = header && tabbed && std::all_of(slot_cells.begin(), slot_cells.end(), [&](const auto& sc) {
        return row_slots.count(sc.first) != 0;
      });
      bool figure_before = false;
      if (header) header_firsts.push_back(static_cast<uint32_t>(s_.table_cells_.size()));
      uint32_t next_column = 0;  // in the header, after the periods of a split cell
      for (size_t g = 0; g < slot_cells.size(); ++g) {
        const uint32_t slot = std::max(slot_cells[g].first, next_column);
        const std::vector<const Cell*>& cells = slot_cells[g].second;
        const uint64_t vb = cells.front()->view_begin, ve = cells.back()->view_end;
        // A header cell of periods set one space apart ("2015 年 2016 年"): one cell per period.
        const std::vector<Piece> periods = header && cells.size() == 1 && header_cells(j, width).size() > header_cells(j).size()
                                               ? cell_periods(static_cast<uint32_t>(cells.front() - s_.cells_.data()))
                                               : std::vector<Piece>();
        if (!periods.empty()) {
          uint32_t column = slot;
          for (const Piece& p : periods) push(column++, vb + p.begin, vb + p.end, header);
          next_column = column;
          continue;
        }
        if (slots_agree && cells.size() == 1 && slot == slot_cells[g].first) {
          const uint32_t next = g + 1 < slot_cells.size() ? slot_cells[g + 1].first : UINT32_MAX;
          const std::vector<Piece> words = header_words(slot, next, *cells.front());
          if (!words.empty()) {
            uint32_t column = slot;
            for (const Piece& w : words) push(column++, w.begin, w.end, header);
            next_column = column;
            continue;
          }
        }
        next_column = slot + 1;
        std::vector<Piece> figures;
        if (g + 1 == slot_cells.size() && cells.size() == 1 && !figure_before && !header)
          figures = SpaceJoinedFigures(CellText(*cells.front()));
        if (!figures.empty()) {
          uint64_t end = vb + figures.front().begin;
          while (end > vb && view_[end - 1] == ' ') --end;
          push(slot, vb, end, 0);
          uint32_t column = slot;
          for (const Piece& f : figures) push(++column, vb + f.begin, vb + f.end, 0);
          continue;
        }
        for (const Cell* c : cells) figure_before = figure_before || FigureValue(CellText(*c));
        const uint32_t flags = header | (cells.size() > 1 ? ESGAUDIT_TABLE_CELL_GAPPED : 0u);
        const auto up = above.find(j), down = below.find(j);
        if (g == 0 && (up != above.end() || down != below.end())) {
          // The label with its pieces, in reading order: Latin words joined by a space.
          auto join = [](std::string a, const std::string& b) {
            const bool latin = static_cast<unsigned char>(a.back()) < 0x80 && static_cast<unsigned char>(b.front()) < 0x80;
            return a + (latin ? " " : "") + b;
          };
          std::string text = text_of(vb, ve);
          uint64_t first = vb, last = ve;
          if (up != above.end()) {
            const Cell& c = s_.cells_[s_.lines_[up->second].first_cell];
            text = join(text_of(c.view_begin, c.view_end), text);
            first = c.view_begin;
          }
          if (down != below.end()) {
            const Cell& c = s_.cells_[s_.lines_[down->second].first_cell];
            text = join(text, text_of(c.view_begin, c.view_end));
            last = c.view_end;
          }
          push(slot, first, last, flags, std::move(text));
          continue;
        }
        const auto sp = slot_piece.find(j);
        if (sp != slot_piece.end() && sp->second.first == slot_cells[g].first) {
          const Cell& c = s_.cells_[s_.lines_[sp->second.second].first_cell];
          std::string a = text_of(vb, ve);
          const std::string b = text_of(c.view_begin, c.view_end);
          const bool latin = !a.empty() && !b.empty() && static_cast<unsigned char>(a.back()) < 0x80 &&
                             static_cast<unsigned char>(b.front()) < 0x80;
          push(slot, vb, c.view_end, flags, a + (latin ? " " : "") + b);
          continue;
        }
        push(slot, vb, ve, flags);
      }
      ++row;
    }
    // A header of periods only, starting over the row labels, has no title over them: its periods
    // head the value columns when the row below has a label and reaches past them (2014年\t2015年
    // 2016年 over 原煤生产综合能耗\t2.25\t2.13\t2.56; not a chart's axis under its bars).
    for (const uint32_t header_first : header_firsts) {
      const uint32_t header_row = s_.table_cells_[header_first].row;
      size_t end = header_first;
      bool periods = true;
      for (; end < s_.table_cells_.size() && s_.table_cells_[end].row == header_row; ++end)
        periods = periods && YearLike(s_.table_cells_[end].text);
      if (!periods || s_.table_cells_[header_first].column != 0 || end == s_.table_cells_.size()) continue;
      const TableCell& below = s_.table_cells_[end];
      size_t below_end = end;
      while (below_end + 1 < s_.table_cells_.size() && s_.table_cells_[below_end + 1].row == below.row) ++below_end;
      if (below.column == 0 && !FigureValue(below.text) && !YearLike(below.text) &&
          s_.table_cells_[below_end].column > s_.table_cells_[end - 1].column) {
        for (size_t k = header_first; k < end; ++k) ++s_.table_cells_[k].column;
      }
    }
    tb->grid_rows = row;
    tb->grid_columns = columns;
    tb->grid_cell_count = static_cast<uint32_t>(s_.table_cells_.size()) - tb->first_grid_cell;
  };
  auto add_table = [&](uint32_t first, uint32_t last_line, uint32_t source, size_t grid,
                       uint32_t aligned_head = kNoIndex, uint32_t widest = kNoIndex) {
    Table tb;
    tb.first_line = first;
    tb.last_line = last_line;
    tb.source = source;
    // Header: a Markdown row above its separator; else the first row when it holds no figures;
    // else a line of labels just above the table.
    size_t width = 0;  // cells in the widest row
    for (uint32_t j = first; j <= last_line; ++j) width = std::max(width, header_cells(j).size());
    auto numeric_cells = [&](uint32_t line) {
      uint32_t k = 0;
      for (std::string_view c : header_cells(line, width))
        if (IsAsciiDigit(c.front()) && !YearLike(c) && !YearTitle(c)) ++k;
      return k;
    };
    if (source == ESGAUDIT_TABLE_SOURCE_ALIGNED) {
      if (aligned_head != kNoIndex) {
        tb.first_line = tb.header_line = aligned_head;
        s_.lines_[aligned_head].flags &= ~(ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION);
      }
    } else if (source == ESGAUDIT_TABLE_SOURCE_HTML) {
      tb.header_line = tb.first_line;  // its first <tr>, read below
    } else if (source == ESGAUDIT_TABLE_SOURCE_PIPES && last_line > first &&
               is_separator(first + 1)) {
      tb.header_line = tb.first_line;
    } else if (header_cells(tb.first_line, width).size() >= 2 && numeric_cells(tb.first_line) == 0) {
      tb.header_line = tb.first_line;
    } else if (first > 0 && !unit_title[first - 1] && header_cells(first - 1, width).size() >= 2 && numeric_cells(first - 1) == 0 &&
               ((s_.lines_[first - 1].flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC)) == 0 ||
                repeated_header(first - 1))) {
      tb.first_line = first - 1;
      tb.header_line = tb.first_line;
      // A tab-separated row of column labels repeated over the report's tables is their header,
      // not a running header.
      s_.lines_[first - 1].flags &= ~(ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION);
    }
    uint32_t year_rows = 0;
    for (uint32_t j = tb.first_line; j <= tb.last_line; ++j) {
      if (beside[j] || off_table[j]) continue;
      std::vector<std::string_view> cells = header_cells(j, width);
      tb.columns = std::max<uint32_t>(tb.columns, static_cast<uint32_t>(cells.size()));
      if (j == tb.header_line || cells.empty()) continue;
      if (YearLike(cells.front())) ++year_rows;
      if (tb.total_line == kNoIndex && TotalLike(cells.front())) tb.total_line = j;
    }
    if (tb.header_line != kNoIndex) {
      std::vector<std::string_view> head = header_cells(tb.header_line, width);
      if (source == ESGAUDIT_TABLE_SOURCE_HTML) {
        // The header of a one-line HTML table: the cells of its first <tr>.
        std::string_view v = LineView(tb.header_line);
        size_t tr = v.find("<tr");
        size_t end = tr == std::string_view::npos ? std::string_view::npos : v.find("</tr", tr);
        if (end != std::string_view::npos) {
          uint64_t b = line_view_[tb.header_line].first + tr;
          uint64_t e = line_view_[tb.header_line].first + end;
          head.clear();
          const LineStructure& ls = s_.lines_[tb.header_line];
          for (uint32_t k = 0; k < ls.cell_count; ++k) {
            const Cell& c = s_.cells_[ls.first_cell + k];
            if (c.view_begin >= b && c.view_end <= e) head.push_back(CellText(c));
          }
          tb.columns = static_cast<uint32_t>(head.size());
        }
      }
      uint32_t years = 0;
      uint32_t labels = 0;
      for (size_t k = 0; k < head.size(); ++k) {
        if (YearLike(head[k])) {
          ++years;
        } else if (k > 0 && !IsAsciiDigit(head[k].front())) {
          ++labels;
        }
        if (tb.total_column == kNoIndex && k > 0 && TotalLike(head[k]))
          tb.total_column = static_cast<uint32_t>(k);
      }
      if (years >= 2) {
        tb.kind = ESGAUDIT_TABLE_TIME_SERIES;
      } else if (labels >= 2) {
        tb.kind = ESGAUDIT_TABLE_CATEGORIES;
      }
    }
    if (year_rows >= 2) tb.kind = ESGAUDIT_TABLE_TIME_SERIES;
    // A tab table whose header says nothing, with periods heading its stacked parts.
    if (tb.kind == ESGAUDIT_TABLE_UNKNOWN && source == ESGAUDIT_TABLE_SOURCE_TABS) {
      for (uint32_t j = tb.first_line; j <= tb.last_line && tb.kind == ESGAUDIT_TABLE_UNKNOWN; ++j)
        if (j != tb.header_line && period_row(j, tb.last_line)) tb.kind = ESGAUDIT_TABLE_TIME_SERIES;
    }
    // Unit: in the header or a caption up to two lines above.
    uint32_t from = tb.first_line >= 2 ? tb.first_line - 2 : 0;
    uint32_t to = tb.header_line != kNoIndex ? tb.header_line : tb.first_line;
    for (uint32_t j = from; j <= to && tb.unit.empty(); ++j) {
      std::string_view v = LineView(j);
      if (v.size() > kMaxRegexLine || !gates::MayHoldUnit(LowerLine(j))) continue;
      std::string line(v);
      std::smatch m;
      if (std::regex_search(line, m, kUnit)) tb.unit = m[1].str();
    }
    uint32_t index = static_cast<uint32_t>(s_.tables_.size());
    for (uint32_t j = tb.first_line; j <= tb.last_line; ++j) {
      if (beside[j] || off_table[j]) continue;  // the other column's prose stays prose; so does a footnote
      s_.lines_[j].flags |= ESGAUDIT_LINE_TABLE;
      s_.lines_[j].table = index;
    }
    if (grid < grids.size()) AddGrid(grids[grid], index, &tb);
    if (source == ESGAUDIT_TABLE_SOURCE_ALIGNED && widest != kNoIndex) add_aligned_grid(index, &tb, widest);
    if (source == ESGAUDIT_TABLE_SOURCE_TABS) add_tab_grid(index, &tb, width);
    s_.tables_.push_back(std::move(tb));
  };
  size_t next_grid = 0;  // grids are in text order: the first one not before the current run
  size_t i = 0;
  while (i < n) {
    if (kind[i] == kNone) {
      ++i;
      continue;
    }
    uint32_t source = kind[i];
    size_t last = i;
    size_t rows = 1;
    // Whether line j may be the next row after row `prev`: for an aligned table, its value slots
    // stand in the same columns and its label ends before them.
    auto joins = [&](size_t prev, size_t j) {
      if (kind[j] != source) return false;
      if (source != ESGAUDIT_TABLE_SOURCE_ALIGNED) return true;
      if (joined[prev] != 0 || joined[j] != 0) return joined[prev] == joined[j];
      return SlotsAlign(slots[prev], slots[j]) && label_begin[j] < slots[prev].front().begin;
    };
    // Whether line j is a row that may follow `prev`, or the label piece wrapped above such a row.
    auto reaches = [&](size_t prev, size_t j) {
      return joins(prev, j) || (j + 1 < n && wrapped_into[j] == j + 1 && joins(prev, j + 1));
    };
    // Where a table of two rows or more goes on after a page break at line j (the first line after
    // row `last` that is no row): the line of the row that continues it, or kNoIndex. The lines
    // between are blank lines, page furniture (running headers, decorations, and a page number:
    // the sign of the break, unless the pages are known and the row is on another page), up to two
    // footnotes (FootnoteLine) before the page number, and the table's first line repeated (its
    // header row) after it; the row is laid out as `last` (as many tab slots and cells; an
    // aligned row's slots in the same columns, as joins asks). A running header alone is no sign:
    // a line repeated between one-row "tables" (a questionnaire's options) is taken for one.
    constexpr size_t kPageGap = 8;
    auto continuation = [&](size_t j) -> size_t {
      if (source != ESGAUDIT_TABLE_SOURCE_TABS && source != ESGAUDIT_TABLE_SOURCE_ALIGNED) return kNoIndex;
      size_t r = j;
      bool page_number = false;
      size_t notes = 0;
      for (; r < n && r < j + kPageGap; ++r) {
        const LineStructure& l = s_.lines_[r];
        if (l.cell_count == 0) continue;
        if ((l.flags & ESGAUDIT_LINE_PAGE_NUMBER) || bare_number(r)) {
          page_number = true;
          continue;
        }
        if (l.flags & ESGAUDIT_LINE_FURNITURE_MASK) continue;
        if (!page_number && notes < 2 && l.cell_count == 1 && !Contains(doc_.LineText(r), "\t") &&
            FootnoteLine(CellText(s_.cells_[l.first_cell]))) {
          ++notes;
          continue;
        }
        break;
      }
      if (r >= n || rows < 2) return kNoIndex;
      // The page changes between the two rows (pages known), or a page number stands between them.
      if (!page_number && !(doc_.page_count() > 0 && doc_.line(r).page != doc_.line(last).page)) return kNoIndex;
      // The header row repeated over the continuation (the table's first line, or the line of
      // labels just above it).
      auto same = [&](size_t a) { return s_.lines_[a].cell_count >= 2 && lines::SameSqueezed(LineView(a), LineView(r)); };
      {
        size_t above = i;
        while (above > 0 && above + 3 > i && s_.lines_[above - 1].cell_count == 0) --above;
        if (same(i) || (above > 0 && same(above - 1))) {
          ++r;
          while (r < n && s_.lines_[r].cell_count == 0) ++r;
        }
      }
      if (r >= n || !joins(last, r)) return kNoIndex;
      if (source == ESGAUDIT_TABLE_SOURCE_TABS) {
        auto tabs = [&](size_t line) {
          const std::string_view t = doc_.LineText(line);
          return std::count(t.begin(), t.end(), '\t');
        };
        if (tabs(r) != tabs(last) || s_.lines_[r].cell_count != s_.lines_[last].cell_count) return kNoIndex;
      }
      return r;
    };
    // Lines of the page's other column between rows joined with single spaces (a two-column page
    // whose extraction interleaved a table's rows with the lines of prose beside it): at most
    // kBeside lines of text that are no row (a wrapped label of the table's own among them), then a row of the same table. Taken only when the
    // table shows it shares its lines with another column: one of its rows has a prose tail, or a
    // label that opens with the other column's words.
    std::vector<size_t> gaps;
    size_t last_before_gap = kNoIndex;  // the last row before the first such gap
    size_t rows_before_gap = 0;
    constexpr size_t kBeside = 3;
    auto other_column = [&](size_t j) {
      return kind[j] == kNone && !values_only[j] && s_.lines_[j].cell_count >= 1 &&
             (s_.lines_[j].flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) == 0;
    };
    for (size_t j = i + 1; j < n; ++j) {
      if (joins(last, j)) {
        last = j;
        ++rows;
        continue;
      }
      // A label piece wrapped onto a line of its own, below the last row or above the next.
      if (wrapped_into[j] != kNoIndex && (wrapped_into[j] == last || reaches(last, j))) continue;
      // One blank line may separate the rows of a table laid out with spaces or tabs; a row of
      // labels only after it is the header of the next table.
      if (s_.lines_[j].cell_count == 0 && j + 1 < n && reaches(last, j + 1) &&
          source != ESGAUDIT_TABLE_SOURCE_PIPES && (has_numeric(j + 1) || wrapped_into[j + 1] != kNoIndex))
        continue;
      // pdftotext -layout may put two blank lines between the rows of an aligned table (after a
      // label piece wrapped below the last row too).
      const size_t after = piece_below[last] != kNoIndex ? piece_below[last] : last;
      if (source == ESGAUDIT_TABLE_SOURCE_ALIGNED && s_.lines_[j].cell_count == 0 && j + 2 < n &&
          s_.lines_[j + 1].cell_count == 0 && j == after + 1 && reaches(last, j + 2))
        continue;
      // A group title between two rows of a tab table ("按学历划分\t\t", one short label before
      // empty tab slots) is a row of the table.
      auto group_title = [&](size_t t) {
        if (t + 1 >= n || kind[t + 1] != source || s_.lines_[t].cell_count != 1 ||
            !Contains(doc_.LineText(t), "\t") ||
            (s_.lines_[t].flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) != 0)
          return false;
        std::string_view title = CellText(s_.cells_[s_.lines_[t].first_cell]);
        return sdk::CodePointCount(title) <= 20 && !ContainsAny(title, {"。", ",", ";", ":"}) &&
               std::none_of(title.begin(), title.end(), IsAsciiDigit);
      };
      if (source == ESGAUDIT_TABLE_SOURCE_TABS && group_title(j)) continue;
      // A stray fragment between two rows of a tab table (OCR debris) does not end it when a row
      // or a group title follows at once; it is no row of the grid. Anything longer or holding a
      // figure still ends the table.
      if (source == ESGAUDIT_TABLE_SOURCE_TABS && j + 1 < n && s_.lines_[j].cell_count == 1 &&
          (reaches(last, j + 1) || group_title(j + 1)) && stray(j))
        continue;
      // A page number or running header between two rows: the table goes on over a page break.
      // So does a line of a bare page number ("14") the furniture pass could not tell apart (a
      // report without page breaks).
      if (j + 1 < n && reaches(last, j + 1) &&
          ((s_.lines_[j].flags & ESGAUDIT_LINE_FURNITURE_MASK) ||
           (source != ESGAUDIT_TABLE_SOURCE_PIPES && bare_number(j))))
        continue;
      // A page break between two rows: the bottom of one page (a footnote or two, FootnoteLine)
      // and the top of the next (page number, running header, blank lines), then, after a repeat
      // of the table's header row or none, a row laid out as the last one (as many tab slots and
      // cells, or value slots in the same columns). The break must show as page furniture: a page
      // number or a running header; a line of prose, or a row of another layout, ends the table.
      if (const size_t r = continuation(j); r != kNoIndex) {
        for (size_t k = j; k < r; ++k)
          if (s_.lines_[k].cell_count != 0 && !(s_.lines_[k].flags & ESGAUDIT_LINE_FURNITURE_MASK) && !bare_number(k))
            off_table[k] = 1;
        j = r - 1;
        continue;
      }
      if (source == ESGAUDIT_TABLE_SOURCE_ALIGNED && joined[last] != 0) {
        size_t r = j;
        while (r < n && r < j + kBeside && (other_column(r) || wrapped_into[r] != kNoIndex ||
                                           ((s_.lines_[r].flags & ESGAUDIT_LINE_FURNITURE_MASK) != 0) ||
                                           bare_number(r)))
          ++r;
        if (r > j && r < n && joins(last, r)) {
          if (gaps.empty()) {
            last_before_gap = last;
            rows_before_gap = rows;
          }
          for (size_t k = j; k < r; ++k) gaps.push_back(k);
          j = r - 1;
          continue;
        }
      }
      break;
    }
    if (source == ESGAUDIT_TABLE_SOURCE_ALIGNED && joined[i] != 0) {
      bool tails = false;
      for (size_t j = i; j <= last; ++j)
        tails = tails || (kind[j] == source && (prose_tail[j] != 0 || prose_head[j] != 0 || keyed[j] != 0));
      if (!gaps.empty() && !tails) {
        // No sign of a second column: the table ends at its first gap, as before.
        last = last_before_gap;
        rows = rows_before_gap;
        gaps.clear();
      }
      if (tails) {
        // Every line of the run that is no row is the other column's, label pieces included: the
        // words beside a two-column row are no continuation of its label.
        for (size_t j = i; j <= last; ++j) {
          if (kind[j] == source) {
            piece_above[j] = piece_below[j] = kNoIndex;
          } else if (s_.lines_[j].cell_count != 0) {
            wrapped_into[j] = kNoIndex;
            beside[j] = 1;
          }
        }
        if (piece_above[i] == kNoIndex && i > 0 && wrapped_into[i - 1] == i) wrapped_into[i - 1] = kNoIndex;
        if (last + 1 < n && wrapped_into[last + 1] == last) wrapped_into[last + 1] = kNoIndex;
        // A row whose label holds the other column's prose without a sentence end: cut at the width
        // of that column's lines beside the rows (KeyedLabelAfterProse), on any row of the table.
        // Two such lines at least: a lone heading beside the rows gives no column's width.
        size_t column = 0, lines_beside = 0;
        for (size_t j = i; j <= last; ++j) {
          if (!beside[j]) continue;
          ++lines_beside;
          column = std::max(column, sdk::CodePointCount(Trim(LineView(j))));
        }
        // Only where some row shows prose on its left (a keyed row, a prose-led label): with prose
        // tails only, the other column stands right of the rows and no label holds its words.
        bool left = false;
        for (size_t j = i; j <= last; ++j) left = left || (kind[j] == source && (keyed[j] != 0 || prose_head[j] != 0));
        if (lines_beside < 2 || !left) column = 0;
        for (size_t j = i; j <= last && column != 0; ++j) {
          if (kind[j] != source || joined[j] == 0 || label_from[j] != 0) continue;
          const std::string_view cell = CellText(*body_cells(j).front());
          label_from[j] = static_cast<uint32_t>(KeyedLabelAfterProse(cell.substr(0, joined_values[j].front().begin), column));
        }
      }
    }
    bool accept = source == ESGAUDIT_TABLE_SOURCE_HTML || rows >= 2;
    uint32_t aligned_head = kNoIndex;
    uint32_t widest_row = kNoIndex;
    if (source == ESGAUDIT_TABLE_SOURCE_ALIGNED) {
      // At least three rows; a label and a single value per row (a list of labelled figures, a
      // table of contents) only under a header, and not when its values are page numbers going up.
      size_t widest = 0;
      widest_row = static_cast<uint32_t>(i);
      bool pages = true;
      int page = 0;
      for (size_t j = i; j <= last; ++j) {
        if (kind[j] != source) continue;
        if (slots[j].size() > widest) {
          widest = slots[j].size();
          widest_row = static_cast<uint32_t>(j);
        }
        const LineStructure& ls = s_.lines_[j];
        std::string_view v = CellText(s_.cells_[ls.first_cell + ls.cell_count - 1]);
        bool bare = !v.empty() && v.size() <= 3 &&
                    std::all_of(v.begin(), v.end(), [](char c) { return IsAsciiDigit(c); });
        pages = pages && bare && std::stoi(std::string(v)) >= page;
        if (bare) page = std::stoi(std::string(v));
      }
      // Rows joined with single spaces have no columns to place a header by.
      if (joined[i] == 0) aligned_head = aligned_header(static_cast<uint32_t>(i), widest_row);
      accept = rows >= 3 && (widest >= 2 || aligned_head != kNoIndex) && !(widest == 1 && pages);
    }
    if (!accept) {
      i = last + 1;
      continue;
    }
    // A label piece wrapped above the first row or below the last is part of the table.
    const uint32_t first = static_cast<uint32_t>(
        aligned_head == kNoIndex && piece_above[i] != kNoIndex ? piece_above[i] : i);
    uint32_t end_line = static_cast<uint32_t>(piece_below[last] != kNoIndex ? piece_below[last] : last);
    // So is a tab table's: a label alone at the line start, a unit in brackets or words in lower case.
    if (source == ESGAUDIT_TABLE_SOURCE_TABS && last + 1 < n && s_.lines_[last + 1].cell_count == 1 &&
        (s_.lines_[last + 1].flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) == 0) {
      const Cell& c = s_.cells_[s_.lines_[last + 1].first_cell];
      const std::string_view t = CellText(c);
      if (c.view_begin == line_view_[last + 1].first && (unit(t) || lower(t))) end_line = static_cast<uint32_t>(last + 1);
    }
    // Markup tables parsed on these lines: one model table each (two on one line share it).
    std::vector<size_t> here;
    while (next_grid < placed.size() && placed[next_grid].first_line < first) ++next_grid;
    if (source == ESGAUDIT_TABLE_SOURCE_HTML || source == ESGAUDIT_TABLE_SOURCE_PIPES) {
      for (size_t g = next_grid; g < placed.size() && placed[g].first_line <= end_line; ++g) {
        if (placed[g].html == (source == ESGAUDIT_TABLE_SOURCE_HTML)) here.push_back(g);
      }
    }
    if (here.empty()) {
      add_table(first, end_line, source, grids.size(), aligned_head, widest_row);
    } else {
      for (size_t k = 0; k < here.size(); ++k) {
        const Placed& p = placed[here[k]];
        uint32_t from = k == 0 ? first : p.first_line;
        uint32_t to = end_line;
        if (k + 1 < here.size()) {  // up to the next table's first line, or its own last line
          uint32_t next = placed[here[k + 1]].first_line;
          to = std::min(end_line, std::max(p.last_line, next > 0 ? next - 1 : 0));
          while (to > p.last_line && s_.lines_[to].cell_count == 0) --to;  // not the blank lines between
        }
        add_table(from, std::max(from, to), source, here[k]);
      }
    }
    i = last + 1;
  }
}

std::vector<std::pair<size_t, size_t>> PeriodRanges(std::string_view cell) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const Piece& p : PeriodPieces(cell)) out.emplace_back(p.begin, p.end);
  return out;
}

void CompileGatedExpressions() {
  for (size_t k = 0; k < gates::kSectionNumbers; ++k) gates::SectionNumber(k);
  gates::Unit();
  YearTitle("");
  UnitCaptionCell("");
  std::smatch m;
  period::EnglishRangeSearch(std::string(), &m);  // kRangeEn, then kRangeEnDmy
}

}  // namespace esgaudit
