// The structure model: cells, page furniture, table of contents, content index, headings and
// sections, tables. The cell splitter, the running-header, TOC and side-banner detection started as
// the GB/T 36001 plugin's layout (tuned on the corpus); the repeated-line, leader-dot and
// rising-page TOC rules as the GRI plugin's.
#include "esgaudit/structure.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <regex>
#include <unordered_map>
#include <unordered_set>

#include "analyse/structure_internal.h"
#include "analyse/structure_lines.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"

namespace esgaudit {

using sdk::CodePointCount;
using sdk::Contains;
using sdk::ContainsAny;
using sdk::IsCjk;
using sdk::IsUnitChar;
using sdk::NextCodePoint;
using sdk::Trim;
using lines::Squeeze;

namespace {

bool HasSentencePunct(std::string_view s) {
  return Contains(s, ",") || Contains(s, "。") || Contains(s, ";") || Contains(s, "、");
}

bool IsCountPrefix(char32_t cp) {
  static const std::u32string k = U"第约近超共达逾余计至和与及为了有增降减占比";
  return k.find(cp) != std::u32string::npos;
}

bool AllDigits(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());  // a code point takes one byte or more: one allocation
  for (size_t i = 0; i < s.size();) out.push_back(NextCodePoint(s, &i));
  return out;
}

bool HasCjk(const std::u32string& cps) {
  return std::any_of(cps.begin(), cps.end(), [](char32_t c) { return sdk::IsCjk(c); });
}

// "30周岁-39周岁", "51岁及以上", "50以上", "25周岁(含)以下", "46到50", "35至45岁", "90后": a number opening a
// class of a table or chart (an age, a bound, a range written with 到 or 至) is no page before a
// title nor a numbered heading, also as a legend or caption ("30歲或以下 26%", "40岁以下员工占比");
// "2 岁月如歌" and "3 以人为本" open with words, "12-15 关于我们" prints a page range.
bool OpensWithClassBound(const std::u32string& cps) {
  size_t i = 0;
  auto digits = [&] {
    size_t from = i;
    while (i < cps.size() && IsAsciiDigit(cps[i])) ++i;
    return i > from && i - from <= 3;
  };
  auto spaces = [&] {
    while (i < cps.size() && cps[i] == U' ') ++i;
  };
  auto at = [&](std::u32string_view w) { return cps.compare(i, w.size(), w) == 0; };
  if (!digits()) return false;
  spaces();
  bool range = false;
  if (i < cps.size() && (cps[i] == U'-' || cps[i] == U'~' || cps[i] == U'～' || cps[i] == U'至' ||
                         cps[i] == U'到' || cps[i] == 0x2013 || cps[i] == 0x2014)) {
    range = cps[i] == U'到' || cps[i] == U'至';
    ++i;
    spaces();
    if (!digits()) return false;
    spaces();
  }
  if (at(U"周")) ++i;
  if ((at(U"岁") || at(U"歲")) && !(i + 1 < cps.size() && cps[i + 1] == U'月')) return true;
  if (at(U"(含)")) i += 3;
  // "90后员工": a generation by decade of birth.
  return range || at(U"以上") || at(U"以下") || at(U"及以上") || at(U"及以下") || at(U"后") || at(U"後");
}

// "残疾员工(人)", "客户活动次数(余次)", "废弃物回收利用(吨)", "温室气体排放(tCO2e)": a label ending in
// its unit in brackets names a quantity, no chapter (the matching view folds full-width brackets).
bool EndsWithBracketedUnit(const std::u32string& cps) {
  if (cps.size() < 4 || cps.back() != U')') return false;
  size_t open = cps.rfind(U'(');
  if (open == std::u32string::npos || open == 0 || cps.size() - open - 2 < 1 || cps.size() - open - 2 > 8)
    return false;
  static const std::u32string_view kMore = U"吨克米升度时瓦焦例份余方公斤标煤小‰/²³·";
  for (size_t k = open + 1; k + 1 < cps.size(); ++k) {
    char32_t c = cps[k];
    bool ascii = c < 0x80 && std::isalnum(static_cast<int>(c));
    if (!IsUnitChar(c) && kMore.find(c) == std::u32string_view::npos && !ascii) return false;
  }
  return true;
}

// "员工发展 24", "推进“双向融合”10", "董事长致辞……4", "03关于我们", "战略09社会责任沟通09利益".
bool TocLikeText(std::string_view text) {
  // Each reading below needs 3 to 200 code points (a code point takes 1 to 4 bytes: other
  // lengths are not decoded) and an ASCII digit (a decoded digit is one byte of the text):
  // without one, the text is not decoded.
  if (text.size() < 3 || text.size() > 4 * 200) return false;
  if (!lines::HasAsciiDigit(text)) return false;
  if (HasSentencePunct(text)) return false;
  std::u32string cps = Decode(text);
  if (cps.size() < 3 || cps.size() > 200 || !HasCjk(cps)) return false;
  size_t e = cps.size();
  size_t d = e;
  while (d > 0 && IsAsciiDigit(cps[d - 1])) --d;
  if (e - d >= 1 && e - d <= 3) {
    size_t t = d;
    while (t > 0 && (cps[t - 1] == ' ' || cps[t - 1] == '.' || cps[t - 1] == 0x2026 ||
                     cps[t - 1] == 0xB7 || cps[t - 1] == '-' || cps[t - 1] == 0x2014))
      --t;
    if (t >= 2 && t <= 24 && IsCjk(cps[t - 1]) && !IsCountPrefix(cps[t - 1])) return true;
  }
  size_t l = 0;
  while (l < cps.size() && IsAsciiDigit(cps[l])) ++l;
  // An age class ("25岁及以下", "55岁以上") or another class of a table is no page and title.
  if (l >= 1 && l <= 3 && l < cps.size() && IsCjk(cps[l]) && !IsUnitChar(cps[l]) && cps[l] != U'岁' &&
      cps.size() - l <= 24 && cps.size() - l >= 2 && !OpensWithClassBound(cps))
    return true;
  int runs = 0;
  for (size_t i = 1; i < cps.size(); ++i) {
    if (!IsAsciiDigit(cps[i]) || IsAsciiDigit(cps[i - 1]) || !IsCjk(cps[i - 1]) || IsCountPrefix(cps[i - 1]))
      continue;
    size_t j = i;
    while (j < cps.size() && IsAsciiDigit(cps[j])) ++j;
    if (j - i <= 3 && j < cps.size() && IsCjk(cps[j]) && !IsUnitChar(cps[j]) && cps[j] != U'岁') ++runs;
  }
  return runs >= 2;
}

// The page number of a contents-like text: the one to three digits that end it ("员工发展 24",
// "董事长致辞……4") or else open it ("03关于我们"); -1 when neither does.
int PrintedPage(std::string_view text) {
  std::string_view t = Trim(text);
  size_t d = t.size();
  while (d > 0 && IsAsciiDigit(static_cast<unsigned char>(t[d - 1]))) --d;
  if (d < t.size() && t.size() - d <= 3) return std::stoi(std::string(t.substr(d)));
  size_t l = 0;
  while (l < t.size() && IsAsciiDigit(static_cast<unsigned char>(t[l]))) ++l;
  if (l >= 1 && l <= 3) return std::stoi(std::string(t.substr(0, l)));
  return -1;
}

bool IsOrdinalWord(std::string_view s) {
  static const std::u32string k = U"壹贰叁肆伍陆柒捌玖拾一二三四五六七八九十";
  std::u32string cps = Decode(s);
  return cps.size() == 1 && k.find(cps[0]) != std::u32string::npos;
}

bool IsProseText(std::string_view s) { return CodePointCount(s) >= 12 && HasSentencePunct(s); }

// "廉政学习教育6407人次", "读书班学习研讨199场": an infographic label with its figure.
bool EndsWithCount(std::string_view s) {
  std::u32string cps = Decode(s);
  size_t e = cps.size();
  while (e > 0 && !IsAsciiDigit(cps[e - 1]) && cps.size() - e < 2) --e;
  return e > 0 && e < cps.size() + 1 && IsAsciiDigit(cps[e - 1]) &&
         (e == cps.size() || IsUnitChar(cps[e]) || cps[e] == U'场');
}

// "八、社会责任之于公益事业", "（二）" then "希望小学慰问帮扶和志愿者工作" in a cell of its own: a section
// number of Han numerals (第一章, 一、, （一）) opening a short title, 2 to 24 code points without
// sentence punctuation (a 、 inside a title joins two words), either in the same cell or, when
// `title` is not empty, alone in its cell with the title in the next (one comma allowed there). Its 、 and its length would
// read as prose otherwise. Arabic numbers (1、) are left to the other tests: they number list items
// in running text as often as sections.
bool HanNumberedTitle(std::string_view cell, std::string_view title) {
  if (cell.empty() || !gates::MayOpenNumber(cell) || IsAsciiDigit(static_cast<unsigned char>(cell.front()))) return false;
  const std::string t(Trim(cell));
  std::smatch m;
  size_t number = 0;
  for (size_t k = 0; k < 3 && number == 0; ++k) {
    if (std::regex_search(t, m, gates::SectionNumber(k), std::regex_constants::match_continuous)) {
      number = static_cast<size_t>(m.length(0));
    }
  }
  if (number == 0) return false;
  std::string_view rest = Trim(std::string_view(t).substr(number));
  if (!title.empty()) {
    if (!rest.empty()) return false;
    rest = Trim(title);
  }
  const size_t cps = CodePointCount(rest);
  if (cps < 2 || cps > 24 || !sdk::HasCjk(rest)) return false;
  // A title in a cell of its own may join two phrases with one comma (扎实做好节能减排工作，努力节约资源).
  size_t commas = 0;
  for (std::string_view p : {"，", ","}) {
    for (size_t at = rest.find(p); at != std::string_view::npos; at = rest.find(p, at + p.size())) ++commas;
  }
  if (commas > (title.empty() ? 0u : 1u)) return false;
  for (std::string_view p : {"。", "；", "：", "！", "？", ";", ":", "!", "?"}) {
    if (Contains(rest, p)) return false;
  }
  return !IsLoneFigure(rest);
}

// IsLoneFigure after an optional sign: "-4.33%", "+12", "27,184".
bool IsSignedFigure(std::string_view s) {
  s = Trim(s);
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return IsLoneFigure(s);
}

// For an expression anchored at ^ (every alternative): std::regex_search tries it at every
// position of the text and fails at all but the first; anchored there, the answer is the same.
constexpr auto kAnchored = std::regex_constants::match_continuous;

}  // namespace

// "100 %", "6,407", "30万吨", "12.5": a figure alone, with at most a short unit after it.
bool IsLoneFigure(std::string_view s) {
  std::u32string cps = Decode(Trim(s));
  size_t i = 0;
  size_t digits = 0;
  while (i < cps.size() && (IsAsciiDigit(cps[i]) || (i > 0 && (cps[i] == U',' || cps[i] == U'.')))) {
    if (IsAsciiDigit(cps[i])) ++digits;
    ++i;
  }
  if (digits == 0) return false;
  while (i < cps.size() && cps[i] == U' ') ++i;
  if (cps.size() - i > 3) return false;
  for (; i < cps.size(); ++i)
    if (!IsUnitChar(cps[i]) && cps[i] != U'+' && cps[i] != 0x2030) return false;
  return true;
}

namespace gates {

bool MayOpenNumber(std::string_view s) {
  if (s.empty()) return false;
  const char c = s.front();
  if (c == '(' || (c >= '0' && c <= '9')) return true;
  // 第 and the Han numerals are three bytes each in UTF-8.
  static constexpr std::string_view kOpenings[] = {"第", "一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十"};
  const std::string_view head = s.substr(0, 3);
  for (std::string_view o : kOpenings)
    if (head == o) return true;
  return false;
}

const std::regex& NumberedTitle() {
  static const std::regex kNumbered(
      R"(^(?:第(?:一|二|三|四|五|六|七|八|九|十|百|\d)+(?:章|部分|篇)|(?:一|二|三|四|五|六|七|八|九|十)+、|\((?:一|二|三|四|五|六|七|八|九|十)+\)|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s*[^\d.%\s]))");
  return kNumbered;
}

namespace {

// One of 一 … 十 (and 百 when `hundred`) at `at`: its end, or `at`.
size_t HanNumeralAt(std::string_view s, size_t at, bool hundred) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百"};
  const std::string_view head = s.substr(std::min(at, s.size()), 3);
  for (size_t k = 0; k < (hundred ? 11 : 10); ++k) {
    if (head == kNumerals[k]) return at + 3;
  }
  return at;
}

bool StartsAt(std::string_view s, size_t at, std::string_view w) { return s.substr(std::min(at, s.size())).substr(0, w.size()) == w; }
bool DigitAt(std::string_view s, size_t at) { return at < s.size() && IsAsciiDigit(s[at]); }

// \.?\s*[^\d.%\s] at `at`.
bool TitleAfterNumber(std::string_view s, size_t at) {
  for (size_t q : {at, at < s.size() && s[at] == '.' ? at + 1 : std::string_view::npos}) {
    if (q == std::string_view::npos) continue;
    while (q < s.size() && lines::IsRegexSpace(s[q])) ++q;
    if (q < s.size() && !IsAsciiDigit(s[q]) && s[q] != '.' && s[q] != '%' && !lines::IsRegexSpace(s[q])) return true;
  }
  return false;
}

// (?:\.\d{1,2}){0,left}\.?\s*[^\d.%\s] at `at`, any way the groups may take their digits.
bool GroupsThenTitle(std::string_view s, size_t at, int left) {
  if (TitleAfterNumber(s, at)) return true;
  if (left == 0 || at >= s.size() || s[at] != '.' || !DigitAt(s, at + 1)) return false;
  return GroupsThenTitle(s, at + 2, left - 1) || (DigitAt(s, at + 2) && GroupsThenTitle(s, at + 3, left - 1));
}

}  // namespace

bool OpensNumberedTitle(std::string_view s) {
  // 第(?:一|…|十|百|\d)+(?:章|部分|篇): a numeral is never 章, 部 or 篇, so the run is read whole.
  if (StartsAt(s, 0, "第")) {
    size_t e = 3;
    for (size_t next; (next = HanNumeralAt(s, e, true)) != e || DigitAt(s, e); e = next == e ? e + 1 : next) {
    }
    if (e > 3 && (StartsAt(s, e, "章") || StartsAt(s, e, "部分") || StartsAt(s, e, "篇"))) return true;
  }
  // (?:一|…|十)+、 and \((?:一|…|十)+\)
  for (size_t open : {size_t{0}, size_t{1}}) {
    if (open == 1 && (s.empty() || s[0] != '(')) continue;
    size_t e = open;
    for (size_t next; (next = HanNumeralAt(s, e, false)) != e; e = next) {
    }
    if (e > open && (open == 0 ? StartsAt(s, e, "、") : StartsAt(s, e, ")"))) return true;
  }
  // \d{1,2}(?:\.\d{1,2}){0,3}\.?\s*[^\d.%\s]
  return DigitAt(s, 0) && (GroupsThenTitle(s, 1, 3) || (DigitAt(s, 1) && GroupsThenTitle(s, 2, 3)));
}

const std::regex& SectionNumber(size_t k) {
  // Numbered headings: 第一章/第一部分 (1), 一、 (1), （一） (2), 1. (1), 1.1 (2), 1.1.1 and (1) (3).
  // Alternations, not bracket expressions: std::regex matches bytes, and a Han numeral is three.
  static const std::regex kNumbers[kSectionNumbers] = {
      std::regex(R"(^第(?:一|二|三|四|五|六|七|八|九|十|百|\d)+(?:章|部分|篇))"),
      std::regex(R"(^(?:一|二|三|四|五|六|七|八|九|十)+、)"),
      std::regex(R"(^\((?:一|二|三|四|五|六|七|八|九|十)+\))"),
      std::regex(R"(^\(\d{1,2}\))"),
      std::regex(R"(^(\d{1,2})((?:\.\d{1,2}){0,3})\.?(?=[^\d.%]))"),
  };
  return kNumbers[k];
}

}  // namespace gates

// ---- Builder -------------------------------------------------------------------------------

StructureBuilder::StructureBuilder(const Document& doc, Structure* out)
    : doc_(doc), view_(doc.view()), s_(*out) {}

std::string_view StructureBuilder::CellText(const Cell& c) const {
  return view_.substr(c.view_begin, c.view_end - c.view_begin);
}

std::string_view StructureBuilder::LineView(size_t i) const {
  return view_.substr(line_view_[i].first, line_view_[i].second - line_view_[i].first);
}

void StructureBuilder::Run() {
  Split();
  IndexLines();
  MarkRunningHeaders();
  MarkRepeatedLines();
  MarkSideText();
  MarkPageNumbers();
  MarkHeaderCopiesAtPageNumbers();
  MarkToc();
  MarkIndex();
  FindTables();
  AssignRoles();
  FindSections();
  FindMetadata();
  FindFigures();
  FindSentences();
}

void StructureBuilder::Split() {
  const size_t n = doc_.line_count();
  s_.lines_.assign(n, LineStructure());
  line_view_.resize(n);
  for (size_t li = 0; li < n; ++li) {
    const Line& line = doc_.line(li);
    uint64_t b = std::min<uint64_t>(doc_.TextToView(line.offset), view_.size());
    uint64_t e = std::min<uint64_t>(doc_.TextToView(line.offset + line.length), view_.size());
    if (e < b) e = b;
    // The line ends at its first '\n' or '\f' (find_first_of would call memchr once per byte).
    e = lines::LineEndIn(view_, b, e);
    line_view_[li] = {b, e};
    LineStructure& ls = s_.lines_[li];
    ls.view_begin = b;
    ls.view_end = e;
    ls.first_cell = static_cast<uint32_t>(s_.cells_.size());
    size_t i = b;
    size_t seg_start = b;
    // Display columns advance from cell to cell: ColumnOf per cell would rescan the line (a long
    // line would cost quadratic time).
    uint64_t col_offset = line.offset;
    uint32_t column = 1;
    auto flush = [&](size_t seg_end) {
      std::string_view t = Trim(view_.substr(seg_start, seg_end - seg_start));
      // Markdown structure is layout, not text.
      while (!t.empty() && (t.front() == '#' || t.front() == '|' || t.front() == '>'))
        t = Trim(t.substr(1));
      while (!t.empty() && t.back() == '|') t = Trim(t.substr(0, t.size() - 1));
      if (t.empty()) return;
      Cell c;
      c.view_begin = static_cast<uint64_t>(t.data() - view_.data());
      c.view_end = c.view_begin + t.size();
      c.offset = doc_.ViewToText(c.view_begin);
      uint64_t text_end = doc_.ViewToText(c.view_end);
      c.length = text_end > c.offset ? text_end - c.offset : 0;
      if (c.offset >= col_offset) {
        column += TextWidth(std::string_view(doc_.text()).substr(col_offset, c.offset - col_offset),
                            column - 1);
        col_offset = c.offset;
      }
      c.column = column;
      c.line = static_cast<uint32_t>(li);
      if (IsAsciiDigit(static_cast<unsigned char>(t.front()))) c.flags |= ESGAUDIT_CELL_NUMERIC;
      s_.cells_.push_back(c);
      ++ls.cell_count;
    };
    while (i < e) {
      char c = view_[i];
      if (c == '\t' || c == '|') {
        flush(i);
        seg_start = ++i;
      } else if (c == ' ' && i + 1 < e && view_[i + 1] == ' ') {
        flush(i);
        while (i < e && view_[i] == ' ') ++i;
        seg_start = i;
      } else if (c == '<') {
        // A tag closes within the line and 400 bytes; the search looks no further.
        size_t close = view_.substr(0, std::min<size_t>(e, i + 400)).find('>', i);
        if (close != std::string_view::npos) {
          flush(i);
          i = close + 1;
          seg_start = i;
        } else {
          ++i;
        }
      } else {
        i = lines::NextCellMark(view_, i + 1, e);  // past the bytes the branches above would step over
      }
    }
    flush(e);
  }
}

int StructureBuilder::PageOfTitle(size_t line) const {
  const LineStructure& ls = s_.lines_[line];
  if (ls.cell_count != 2) return -1;
  std::string_view a = CellText(s_.cells_[ls.first_cell]);
  std::string_view b = CellText(s_.cells_[ls.first_cell + 1]);
  std::string_view number = AllDigits(a, 3) ? a : AllDigits(b, 3) ? b : std::string_view();
  std::string_view title = number.data() == a.data() ? b : a;
  if (number.empty() || std::count_if(title.begin(), title.end(), [](char c) { return IsAsciiAlpha(c); }) < 4)
    return -1;
  return std::stoi(std::string(number));
}

void StructureBuilder::IndexLines() {
  const size_t n = s_.lines_.size();
  lower_view_ = sdk::AsciiLower(view_);
  line_flags_.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    const std::string_view first = ls.cell_count > 0 ? CellText(s_.cells_[ls.first_cell]) : std::string_view();
    line_flags_[i] = lines::LineFlags(LineView(i), doc_.LineText(i), ls.cell_count, first);
  }
}

bool StructureBuilder::SentenceBetween(size_t a, size_t b) const {
  for (size_t j = a + 1; j < b; ++j)
    if (line_flags_[j] & lines::kSentenceEnd) return true;
  return false;
}

bool StructureBuilder::MarkdownHeading(size_t i) const { return line_flags_[i] & lines::kMarkdownHeading; }

namespace {

// A contents title broken over two lines: `part`, on the next line, goes on `head`. In Chinese,
// `head` ends with a joining word (及, 与, 和 …); in Latin letters, `head` ends with a joining word
// ("Human rights and"), or both are in capitals, or `part` goes on in lower case and neither
// starts nor ends with one ("sustainably"; "from our" is another column's).
bool JoinsWrappedTitle(std::string_view head, std::string_view part) {
  head = Trim(head);
  part = Trim(part);
  if (head.empty() || part.empty()) return false;
  for (std::string_view e : {"及", "与", "和", "暨", "的", "、", "，", "之", "并", "或"})
    if (head.size() >= e.size() && head.substr(head.size() - e.size()) == e) return true;
  auto word = [](std::string_view w) {
    static const char* kJoining[] = {"and", "or", "of", "the", "to", "for", "at", "against", "in", "on",
                                     "with", "from", "our", "a", "an", "&", "its", "by"};
    std::string lower = sdk::AsciiLower(w);
    return std::any_of(std::begin(kJoining), std::end(kJoining), [&](const char* j) { return lower == j; });
  };
  size_t last_space = head.rfind(' ');
  if (word(last_space == std::string_view::npos ? head : head.substr(last_space + 1))) return true;
  auto capitals = [](std::string_view t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return IsAsciiAlpha(c); }) &&
           std::none_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  };
  if (capitals(head) && capitals(part)) return true;
  size_t first_space = part.find(' ');
  size_t part_last = part.rfind(' ');
  if (word(part.substr(0, first_space)) || word(part_last == std::string_view::npos ? part : part.substr(part_last + 1)))
    return false;
  return part.front() >= 'a' && part.front() <= 'z';
}

}  // namespace

bool StructureBuilder::UnitCaption(size_t i) const { return line_flags_[i] & lines::kUnitCaption; }

bool StructureBuilder::FurniturePlace(size_t i) const {
  const size_t n = s_.lines_.size();
  if (!page_edge_.empty() && !page_edge_[i]) return false;
  if (MarkdownHeading(i)) return false;
  // A unit caption belongs to the table or chart below it, though a picture's figures may follow
  // it in no table row.
  if (UnitCaption(i)) return false;
  const LineStructure& ls = s_.lines_[i];
  if (ls.cell_count == 0) return true;
  // Beside a decorated page number ("第24页共47页" over the report's title, a table going on below):
  // the edge of a page, whatever follows.
  auto page_number = [&](size_t j) { return (line_flags_[j] & lines::kPageNumber) != 0; };
  for (size_t j = i; j-- > 0 && j + 3 > i;) {
    if (s_.lines_[j].cell_count == 0) continue;
    if (page_number(j)) return true;
    break;
  }
  for (size_t j = i + 1; j < n && j <= i + 3; ++j) {
    if (s_.lines_[j].cell_count == 0) continue;
    if (page_number(j)) return true;
    break;
  }
  std::string_view last = CellText(s_.cells_[ls.first_cell + ls.cell_count - 1]);
  if (last.size() >= 1 && (last.back() == ':' || (last.size() >= 3 && last.substr(last.size() - 3) == "：")))
    return false;
  // The next line of text within three lines, if it is a row of cells without running text and
  // not the same line again (a chart's repeated legend row).
  for (size_t j = i + 1; j < n && j <= i + 3; ++j) {
    const LineStructure& l = s_.lines_[j];
    // Blank lines, and lines repeated three times or more (a chapter's tab strip under its
    // running header), are passed over.
    if (l.cell_count == 0 || (j < repeats_.size() && repeats_[j] >= 3)) continue;
    // A title beside its page number ("Innovation For Good Health   15") is a running footer.
    if (l.cell_count < 2 || lines::SameSqueezed(LineView(j), LineView(i)) || PageOfTitle(j) >= 0) return true;
    // A row led by a short figure (a year, a code) is a table row whatever its other cells hold.
    const Cell& head = s_.cells_[l.first_cell];
    bool figure = (head.flags & ESGAUDIT_CELL_NUMERIC) && CodePointCount(CellText(head)) <= 12;
    for (uint32_t k = 0; k < l.cell_count && !figure; ++k) {
      const Cell& c = s_.cells_[l.first_cell + k];
      if (IsProseText(CellText(c))) return true;
      if (c.flags & ESGAUDIT_CELL_NUMERIC) figure = true;
    }
    // Under a caption: a row with a figure (a table row) or a header row. Under a row of cells: a
    // row of as many cells (the table that row heads).
    if (ls.cell_count == 1) return !(figure || l.cell_count >= 3);
    return !(ls.cell_count >= 3 && l.cell_count >= ls.cell_count);
  }
  return true;
}

bool StructureBuilder::SectionTitleCopy(size_t i) const {
  // One cell of two to sixteen characters in Chinese, with no figure (a page number, a report's
  // year) and no sentence punctuation: the wording of a section title.
  const LineStructure& ls = s_.lines_[i];
  if (ls.cell_count != 1) return false;
  std::string_view t = CellText(s_.cells_[ls.first_cell]);
  size_t cps = CodePointCount(t);
  if (cps < 2 || cps > 16 || !sdk::HasCjk(t)) return false;
  // Check boxes and box bullets belong to a form's options ("是□ 否□") or a slogan, not a title.
  for (std::string_view p : {"。", "，", "：", ":", ",", "；", ";", "□", "☐", "■"})
    if (Contains(t, p)) return false;
  return std::none_of(t.begin(), t.end(), [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
}

uint32_t StructureBuilder::TitleCopyToKeep(const std::vector<uint32_t>& copies) const {
  const size_t n = s_.lines_.size();
  auto text = [&](size_t j) { return s_.lines_[j].cell_count > 0; };
  auto sentence = [&](size_t j) { return (line_flags_[j] & lines::kSentenceEnd) != 0; };
  auto running = [&](size_t j) { return sentence(j) || CodePointCount(Trim(LineView(j))) >= 20; };
  uint32_t keep = kNoCopy;
  for (uint32_t i : copies) {
    const std::string_view self = LineView(i);
    // A unit ("亿元", "毫克/立方米"): what a figure is counted in.
    std::string_view t = CellText(s_.cells_[s_.lines_[i].first_cell]);
    bool unit = AllUnit(t);
    for (size_t a = 0, b = 0; !unit && b <= t.size(); ++b)
      if (b == t.size() || t[b] == '/') {
        std::string_view part = t.substr(a, b - a);
        unit = part.empty() ? false : AllUnit(part) || part == "毫克" || part == "千克" || part == "克";
        if (!unit || b == t.size()) break;
        a = b + 1;
      }
    if (unit) continue;
    // Below: past other copies and subtitles ("走进交行" over "公司概况" over the text), the
    // first other line of text is running text, and no other short repeated line within two lines
    // of text (a footer block: "MQI关键定量指标数据库" over "www.mqi.org.cn").
    bool footer = false;
    bool opens = false;
    for (size_t j = i + 1, seen = 0; j < n && seen < 4; ++j) {
      if (!text(j)) continue;
      ++seen;
      const bool same = lines::SameSqueezed(LineView(j), self);
      // The page's own number, alone or in its running header ("2016社会责任报告 12"), is passed over.
      std::string_view v = Trim(LineView(j));
      const bool numbered =
          std::any_of(v.begin(), v.end(), [](char c) { return IsAsciiDigit(static_cast<unsigned char>(c)); });
      if (!same && (AllDigits(v, 3) || (numbered && repeats_[j] >= 3 && !sentence(j)))) continue;
      if (!same && seen <= 2 && line_repeats_[j] >= 3 && !SectionTitleCopy(j) && !running(j)) {
        footer = true;
        break;
      }
      if (same || (SectionTitleCopy(j) && seen < 4)) continue;
      opens = running(j);
      break;
    }
    if (opens && !footer) {
      keep = i;
      break;
    }
  }
  return keep;
}

void StructureBuilder::MarkRunningHeaders() {
  // Pages known: a line's place on its page (the first or last three lines of text).
  const size_t lines = s_.lines_.size();
  if (doc_.page_count() > 0) {
    page_edge_.assign(lines, 0);
    for (size_t b = 0; b < lines;) {
      size_t e = b;
      while (e < lines && doc_.line(e).page == doc_.line(b).page) ++e;
      int seen = 0;
      for (size_t j = b; j < e && seen < 3; ++j)
        if (s_.lines_[j].cell_count > 0) page_edge_[j] = 1, ++seen;
      seen = 0;
      for (size_t j = e; j-- > b && seen < 3;)
        if (s_.lines_[j].cell_count > 0) page_edge_[j] = 1, ++seen;
      b = e;
    }
  }
  // Key: the cells with digits removed, so "01 /上海石化2016年企业社会责任报告" and
  // "上海石化2016年企业社会责任报告/ 02" fall together with their page numbers. The kept keys are
  // laid end to end in `keys`, each line's a range of it (no string per line).
  const size_t n = s_.lines_.size();
  std::string keys;
  std::vector<std::pair<uint32_t, uint32_t>> key_range;  // per keyed line: its key in `keys`
  std::vector<uint32_t> keyed;                           // the keyed lines, ascending
  std::vector<int> wide(n, 0);
  constexpr size_t kMaxKey = 600;  // a longer key is prose, never a header
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    // A Markdown heading is the author's title, never furniture: its key is not built.
    if (MarkdownHeading(i)) continue;
    key.clear();
    const LineStructure& ls = s_.lines_[i];
    // The key only grows: once past kMaxKey the line is out, and its other cells are not read
    // (wide[i] counts only for lines with a key).
    for (uint32_t k = 0; k < ls.cell_count && key.size() <= kMaxKey; ++k) {
      // The cell's part is appended to the key in place (after a '|' when the key has text).
      const size_t before = key.size();
      if (!key.empty()) key += '|';
      const size_t from = key.size();
      lines::AppendUnnumbered(CellText(s_.cells_[ls.first_cell + k]), &key);
      if (key.size() == from) {
        key.resize(before);
        continue;
      }
      if (CodePointCount(std::string_view(key).substr(from)) >= 2) ++wide[i];
    }
    // A line in another script is a running header only as a title beside its page number
    // ("01   Shell Sustainability Report 2021"), checked below.
    if (key.size() > kMaxKey || CodePointCount(key) < 4 || (!sdk::HasCjk(key) && PageOfTitle(i) < 0)) continue;
    key_range.push_back({static_cast<uint32_t>(keys.size()), static_cast<uint32_t>(key.size())});
    keys += key;
    keyed.push_back(static_cast<uint32_t>(i));
  }
  // Equal keys make a group, numbered in the order of their first line; `members` lists each group's
  // lines in line order, group g's from member_from[g] to member_from[g + 1].
  lines::ViewGroups key_groups(keyed.size());
  std::vector<uint32_t> group_of(keyed.size());
  for (size_t k = 0; k < keyed.size(); ++k)
    group_of[k] = key_groups.Add(std::string_view(keys).substr(key_range[k].first, key_range[k].second));
  std::vector<uint32_t> member_from(key_groups.size() + 1, 0);
  for (uint32_t g : group_of) ++member_from[g + 1];
  for (size_t g = 0; g < key_groups.size(); ++g) member_from[g + 1] += member_from[g];
  std::vector<uint32_t> members(keyed.size());
  {
    std::vector<uint32_t> next(member_from.begin(), member_from.end() - 1);
    for (size_t k = 0; k < keyed.size(); ++k) members[next[group_of[k]]++] = keyed[k];
  }
  repeats_.assign(n, 0);
  title_kept_.assign(n, 0);
  header_group_.assign(n, 0);
  uint32_t groups = 0;
  // Copies of each short line as it stands, in any script (a web address under a footer).
  line_repeats_.assign(n, 0);
  // Each short line squeezed and lower-cased once: the key of copies here and in MarkRepeatedLines.
  squeezed_text_.clear();
  squeezed_range_.assign(n, {0, 0});
  for (size_t i = 0; i < n; ++i) {
    std::string_view v = LineView(i);
    if (v.size() > 200) continue;
    const size_t from = squeezed_text_.size();
    lines::AppendSqueezeLower(v, &squeezed_text_);
    squeezed_range_[i] = {static_cast<uint32_t>(from), static_cast<uint32_t>(squeezed_text_.size() - from)};
  }
  {
    std::vector<uint32_t> counted;  // the lines counted, ascending
    for (size_t i = 0; i < n; ++i) {
      std::string_view v = LineView(i);
      if (v.size() > 200 || s_.lines_[i].cell_count == 0) continue;
      const std::string_view squeezed = SqueezedLower(i);
      if (squeezed.size() < 4 || AllDigits(squeezed, 90)) continue;
      counted.push_back(static_cast<uint32_t>(i));
    }
    lines::ViewGroups same(counted.size());
    std::vector<uint32_t> group(counted.size());
    for (size_t k = 0; k < counted.size(); ++k) group[k] = same.Add(SqueezedLower(counted[k]));
    std::vector<uint32_t> copies(same.size(), 0);
    for (uint32_t g : group) ++copies[g];
    for (size_t k = 0; k < counted.size(); ++k) line_repeats_[counted[k]] = copies[group[k]];
  }
  for (size_t k = 0; k < keyed.size(); ++k)
    repeats_[keyed[k]] = member_from[group_of[k] + 1] - member_from[group_of[k]];
  // A group's lines, as a range of `members`.
  struct Lines {
    const uint32_t* b;
    const uint32_t* e;
    size_t size() const { return static_cast<size_t>(e - b); }
    uint32_t operator[](size_t k) const { return b[k]; }
    const uint32_t* begin() const { return b; }
    const uint32_t* end() const { return e; }
  };
  for (uint32_t g = 0; g < key_groups.size(); ++g) {
    const Lines idx{members.data() + member_from[g], members.data() + member_from[g + 1]};
    // One line alone is never a group (below, two or more are needed).
    if (idx.size() < 2) continue;
    const std::string_view key = key_groups.View(g);
    if (!sdk::HasCjk(key)) {
      // Three or more, their page numbers going up (the same row in several tables does not).
      bool up = idx.size() >= 3;
      for (size_t k = 1; k < idx.size() && up; ++k) up = PageOfTitle(idx[k]) > PageOfTitle(idx[k - 1]);
      if (!up) continue;
    }
    bool multi = std::all_of(idx.begin(), idx.end(), [&](uint32_t i) { return wide[i] >= 2; });
    if (idx.size() >= 3 || (idx.size() >= 2 && multi)) {
      // A repeated sentence is text, not a header.
      if (HasSentencePunct(key) && CodePointCount(key) > 20) continue;
      // Most of them stand where page furniture stands, and one page apart (the same label
      // within three lines is a flattened table's: 沟通方式 over each row; the footers of a
      // spread differ in their page numbers); those are marked.
      auto close = [&](uint32_t a, uint32_t b) {
        return a + 3 >= b && lines::SameSqueezed(LineView(a), LineView(b)) && !SentenceBetween(a, b);
      };
      // A copy that carries its page number at either end ("瀚蓝环境2016年度社会责任报告46") is a
      // header or footer wherever it stands (a page may begin with a table).
      auto numbered = [&](uint32_t i) {
        std::string_view v = Trim(LineView(i));
        while (!v.empty() && (v.back() == ' ' || v.back() == '/' || v.back() == '|')) v.remove_suffix(1);
        while (!v.empty() && (v.front() == ' ' || v.front() == '/' || v.front() == '|')) v.remove_prefix(1);
        size_t lead = 0;
        while (lead < v.size() && IsAsciiDigit(static_cast<unsigned char>(v[lead]))) ++lead;
        size_t trail = 0;
        while (trail < v.size() && IsAsciiDigit(static_cast<unsigned char>(v[v.size() - 1 - trail]))) ++trail;
        return (lead >= 1 && lead <= 3 && lead < v.size()) || (trail >= 1 && trail <= 3 && trail < v.size());
      };
      std::vector<uint8_t> placed(idx.size(), 0);
      for (size_t k = 0; k < idx.size(); ++k)
        placed[k] = (numbered(idx[k]) || FurniturePlace(idx[k])) && !(k > 0 && close(idx[k - 1], idx[k])) &&
                    !(k + 1 < idx.size() && close(idx[k], idx[k + 1]));
      if (static_cast<size_t>(std::count(placed.begin(), placed.end(), 1)) * 2 <= idx.size()) continue;
      // A section title repeated at the top of its pages ("致利益相关方" over each page of the
      // letter, "下一步计划" closing each chapter): the copies are furniture, but the section is
      // there, so one copy opens it. A copy in body position already does (it is not placed);
      // when every copy worded as a title stands where furniture stands, the first one is the
      // title. (Copies with their page number, "关于我们 04" in the contents, are not titles.)
      std::vector<uint32_t> titles;
      bool title_in_body = false;
      for (size_t k = 0; k < idx.size(); ++k) {
        if (!SectionTitleCopy(idx[k])) continue;
        if (!placed[k]) title_in_body = true;
        titles.push_back(idx[k]);
      }
      if (!titles.empty() && !title_in_body) {
        const uint32_t keep = TitleCopyToKeep(titles);
        for (size_t k = 0; k < idx.size(); ++k)
          if (idx[k] == keep) placed[k] = 0, title_kept_[keep] = 1;
      }
      ++groups;
      for (size_t k = 0; k < idx.size(); ++k) {
        header_group_[idx[k]] = groups;
        if (placed[k]) s_.lines_[idx[k]].flags |= ESGAUDIT_LINE_RUNNING_HEADER;
      }
    }
  }
}

void StructureBuilder::MarkHeaderCopiesAtPageNumbers() {
  // Only copies left in the text (not the section title kept in the body, nor a copy close to
  // another: a flattened table's repeated label), and only the nearest line of text on each side,
  // at most two lines away.
  const size_t n = s_.lines_.size();
  auto page_number = [&](size_t j) { return (s_.lines_[j].flags & ESGAUDIT_LINE_PAGE_NUMBER) != 0; };
  for (size_t i = 0; i < n; ++i) {
    if (header_group_[i] == 0 || title_kept_[i] || (s_.lines_[i].flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
    bool close_copy = false;
    for (size_t j = i >= 3 ? i - 3 : 0; j <= i + 3 && j < n && !close_copy; ++j)
      close_copy = j != i && header_group_[j] == header_group_[i];
    if (close_copy) continue;
    bool beside = false;
    for (size_t j = i; j-- > 0 && j + 2 >= i;) {
      if (s_.lines_[j].cell_count == 0) continue;
      beside = page_number(j);
      break;
    }
    for (size_t j = i + 1; j < n && j <= i + 2 && !beside; ++j) {
      if (s_.lines_[j].cell_count == 0) continue;
      beside = page_number(j);
      break;
    }
    if (beside) s_.lines_[i].flags |= ESGAUDIT_LINE_RUNNING_HEADER;
  }
}

void StructureBuilder::MarkRepeatedLines() {
  // A short line printed three times or more (any script) that is not already a running header:
  // page decoration ("ANNUAL REPORT", a slogan under every page).
  const size_t n = s_.lines_.size();
  // Most of a line's repeats stand where page furniture stands (FurniturePlace); those are marked.
  // Each line's key is its squeezed text (a view of squeezed_text_); equal keys share a group.
  std::vector<std::string_view> keys(n);
  std::vector<uint8_t> placed(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::string_view v = LineView(i);
    if (v.size() > 200 || MarkdownHeading(i)) continue;
    const std::string_view key = SqueezedLower(i);
    if (key.size() < 4 || key.size() > 90 || AllDigits(key, 90)) continue;
    // A one-cell label repeated two or three lines apart is a flattened table's row label (沟通方式
    // before each row), not page decoration; a chart's labels repeated line after line are.
    bool label_run = false;
    if (s_.lines_[i].cell_count == 1) {
      auto same = [&](size_t j) {
        return j < n && LineView(j).size() <= 200 && SqueezedLower(j) == key;
      };
      bool adjacent = (i > 0 && same(i - 1)) || same(i + 1);
      for (size_t d = 2; d <= 3 && !adjacent && !label_run; ++d)
        label_run = (i >= d && same(i - d) && !SentenceBetween(i - d, i)) ||
                    (same(i + d) && !SentenceBetween(i, i + d));
    }
    keys[i] = key;
    placed[i] = !label_run && FurniturePlace(i) ? 1 : 0;
  }
  size_t keyed = 0;
  for (size_t i = 0; i < n; ++i) keyed += !keys[i].empty();
  lines::ViewGroups groups(keyed);
  std::vector<uint32_t> group(n, 0);
  std::vector<std::pair<uint32_t, uint32_t>> counts;  // per group: (all, placed)
  for (size_t i = 0; i < n; ++i) {
    if (keys[i].empty()) continue;
    group[i] = groups.Add(keys[i]);
    if (group[i] == counts.size()) counts.push_back({0, 0});
    ++counts[group[i]].first;
    counts[group[i]].second += placed[i];
  }
  // As in MarkRunningHeaders: a section title printed at the top of its pages keeps one copy in
  // the body when every copy stands where furniture stands.
  std::vector<std::vector<uint32_t>> titles(groups.size());
  for (size_t i = 0; i < n; ++i)
    if (!keys[i].empty() && placed[i] && SectionTitleCopy(i)) titles[group[i]].push_back(static_cast<uint32_t>(i));
  constexpr uint32_t kNotAsked = UINT32_MAX - 1;  // TitleCopyToKeep returns kNoCopy or a line
  std::vector<uint32_t> kept(groups.size(), kNotAsked);  // per group: TitleCopyToKeep, asked once
  for (size_t i = 0; i < n; ++i) {
    if (keys[i].empty() || !placed[i]) continue;
    const auto& c = counts[group[i]];
    if (c.first < 3 || c.second * 2 <= c.first) continue;
    bool keep = false;
    if (c.second == c.first && !titles[group[i]].empty()) {
      uint32_t& k = kept[group[i]];
      if (k == kNotAsked) k = TitleCopyToKeep(titles[group[i]]);
      keep = k == i;
    }
    if (keep) {
      title_kept_[i] = 1;
      continue;
    }
    if ((s_.lines_[i].flags & ESGAUDIT_LINE_RUNNING_HEADER) == 0)
      s_.lines_[i].flags |= ESGAUDIT_LINE_DECORATION;
  }
}

void StructureBuilder::MarkSideText() {
  // A cell of one character that is alone on its line or ends a line after other cells, in a run
  // of at least four such lines within nine: "云 / 铝 / 股 / 份 / 2 / 0 / 2 / 0 / 社 / 会 / 责 / 任".
  // The four must stand within nine lines of one another, not merely within eight lines on either
  // side of the cell: a table's rows ending in a dash or a 0 here and there, with a page number
  // below, are no banner. A dash ending a line after other cells is a table's empty value, never
  // a letter of a banner.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < s_.lines_.size(); ++i) {
    const LineStructure& ls = s_.lines_[i];
    if (ls.cell_count == 0) continue;
    const std::string_view t = CellText(s_.cells_[ls.first_cell + ls.cell_count - 1]);
    const bool dash = t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94" || t == "\xEF\xBC\x8D";  // - – — －
    if (CodePointCount(t) == 1 && !(dash && ls.cell_count > 1)) candidates.push_back(i);
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    bool run = false;  // four consecutive candidates, c among them, within nine lines
    for (size_t d = c >= 3 ? c - 3 : 0; d <= c && !run; ++d)
      run = d + 3 < candidates.size() && candidates[d + 3] <= candidates[d] + 8;
    if (!run) continue;
    LineStructure& ls = s_.lines_[candidates[c]];
    s_.cells_[ls.first_cell + ls.cell_count - 1].flags |= ESGAUDIT_CELL_SIDE_BANNER;
    if (ls.cell_count == 1) ls.flags |= ESGAUDIT_LINE_SIDE_BANNER;
  }
}

void StructureBuilder::MarkPageNumbers() {
  // A decorated page number (DecoratedPageNumber) whatever its place. A bare "12" only next to a
  // running header or at the top or bottom of a page (pages known).
  const size_t n = s_.lines_.size();
  for (size_t i = 0; i < n; ++i) {
    LineStructure& ls = s_.lines_[i];
    if (ls.cell_count != 1) continue;
    std::string_view t = CellText(s_.cells_[ls.first_cell]);
    if (t.size() > 24) continue;
    bool page = false;
    if (AllDigits(t, 3)) {
      for (size_t d = 1; d <= 2 && !page; ++d) {
        // A title copy kept in the body is a running header for this (its page number stays one).
        auto header = [&](size_t j) {
          return (s_.lines_[j].flags & ESGAUDIT_LINE_RUNNING_HEADER) || (j < title_kept_.size() && title_kept_[j]);
        };
        if (i >= d && header(i - d)) page = true;
        if (i + d < n && header(i + d)) page = true;
      }
      if (!page && doc_.page_count() > 0) {
        uint32_t p = doc_.line(i).page;
        size_t before = 0;
        size_t after = 0;
        for (size_t j = i; j-- > 0 && doc_.line(j).page == p && before < 3;)
          if (s_.lines_[j].cell_count > 0) ++before;
        for (size_t j = i + 1; j < n && doc_.line(j).page == p && after < 3; ++j)
          if (s_.lines_[j].cell_count > 0) ++after;
        page = before == 0 || after == 0;
      }
    } else {
      page = line_flags_[i] & lines::kPageNumber;
    }
    if (page) ls.flags |= ESGAUDIT_LINE_PAGE_NUMBER;
  }
  // Without page breaks (pages extracted and joined), the bare page numbers are the lines of one
  // bare number that run up through the text: chains, built in line order, where each number is 1
  // to 8 more than the chain's last at least five lines before it (pages whose number was lost or
  // printed elsewhere are skipped; the two numbers of a spread may be next to each other); a
  // number joins the longest chain it fits, and each number is in one chain only. Page numbers
  // found above are links of the chains too. Five or more in a chain are page numbers; a figure
  // alone on its line seldom fits in one.
  if (doc_.page_count() > 0) return;
  struct Chain {
    size_t last_line;
    int last_value;
    std::vector<size_t> lines;
  };
  std::vector<Chain> chains;  // open
  std::vector<Chain> closed;
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    if (ls.cell_count != 1 || (s_.cells_[ls.first_cell].flags & ESGAUDIT_CELL_SIDE_BANNER)) continue;
    std::string_view t = CellText(s_.cells_[ls.first_cell]);
    if (!AllDigits(t, 3)) continue;
    const int value = std::stoi(std::string(t));
    // A number beside another bare number (a chart's axis, a column of figures) is no page number;
    // beside the next or previous number it is (the two pages of a spread).
    auto bare_near = [&](size_t from, int step) {
      for (size_t j = from, seen = 0; j < n && seen < 1; j += step) {
        if (s_.lines_[j].cell_count == 0) continue;
        ++seen;
        std::string_view o = CellText(s_.cells_[s_.lines_[j].first_cell]);
        if (s_.lines_[j].cell_count == 1 && AllDigits(o, 6) &&
            !(o.size() <= 3 && std::abs(std::stoi(std::string(o)) - value) == 1))
          return true;
      }
      return false;
    };
    if ((i > 0 && bare_near(i - 1, -1)) || bare_near(i + 1, 1)) continue;
    Chain* best = nullptr;
    for (Chain& c : chains) {
      const bool spread = value == c.last_value + 1 && c.last_line + 2 >= i;
      if (c.last_value < value && value - c.last_value <= 8 && (c.last_line + 5 <= i || spread) &&
          (best == nullptr || c.lines.size() > best->lines.size()))
        best = &c;
    }
    if (best == nullptr) {
      chains.push_back({i, value, {i}});
    } else {
      best->last_line = i;
      best->last_value = value;
      best->lines.push_back(i);
    }
    // At most 64 chains are open (the search stays linear): the one that grew longest ago is
    // closed.
    if (chains.size() > 64) {
      auto oldest = std::min_element(chains.begin(), chains.end(), [](const Chain& a, const Chain& b) {
        return a.last_line < b.last_line;
      });
      closed.push_back(std::move(*oldest));
      chains.erase(oldest);
    }
  }
  for (Chain& c : chains) closed.push_back(std::move(c));
  for (const Chain& c : closed) {
    if (c.lines.size() < 5) continue;
    for (size_t line : c.lines) s_.lines_[line].flags |= ESGAUDIT_LINE_PAGE_NUMBER;
  }
}

void StructureBuilder::MarkToc() {
  const size_t n = s_.lines_.size();
  // TOC-like entries, kept only in clusters (three within twelve lines).
  std::vector<std::pair<size_t, size_t>> entries;  // (line, cell)
  std::vector<std::pair<int, uint32_t>> pages;     // per entry: its page number or -1, its display column
  std::vector<bool> toc_ish(n, false);
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    bool numbers_only = ls.cell_count > 0;
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      std::string_view t = CellText(s_.cells_[ls.first_cell + k]);
      auto at = [&](uint32_t j) { return CellText(s_.cells_[ls.first_cell + j]); };
      // Page-number columns ("01 03 05"), not the single digits of vertical side text.
      if (!AllDigits(t, 3) || t.size() < 2) numbers_only = false;
      bool like = TocLikeText(t);
      int page = like ? PrintedPage(t) : -1;
      uint32_t column = s_.cells_[ls.first_cell + k].column;
      if (!like && k + 1 < ls.cell_count && AllDigits(at(k + 1), 3) &&
          !(k + 2 < ls.cell_count && AllDigits(at(k + 2), 3)) && !(k > 0 && AllDigits(at(k - 1), 3))) {
        std::u32string cps = Decode(t);
        like = cps.size() >= 2 && cps.size() <= 24 && HasCjk(cps) && !HasSentencePunct(t) &&
               !OpensWithClassBound(cps) && !EndsWithBracketedUnit(cps);
        page = std::stoi(std::string(at(k + 1)));
        column = s_.cells_[ls.first_cell + k + 1].column;
      }
      // A label followed by two or more figures heads a table row ("25岁及以下 ¦ 1,024 ¦ 998 ¦
      // -2.61%", "一线员工7 ¦ 3,210 ¦ 3,105", a note number after the label): a contents entry has
      // one page number.
      if (like && k + 2 < ls.cell_count && IsSignedFigure(at(k + 1)) && IsSignedFigure(at(k + 2))) like = false;
      if (like) {
        entries.push_back({i, k});
        pages.push_back({page, column});
        toc_ish[i] = true;
      }
    }
    if (numbers_only) toc_ish[i] = true;
  }
  // Entries are in line order: a sliding window counts the entries within twelve lines.
  std::vector<size_t> in_cluster;
  size_t lo = 0;
  size_t hi = 0;
  for (size_t e = 0; e < entries.size(); ++e) {
    size_t line = entries[e].first;
    while (entries[lo].first + 12 < line) ++lo;
    while (hi < entries.size() && entries[hi].first <= line + 12) ++hi;
    if (hi - lo >= 3) in_cluster.push_back(e);
  }
  // A run of kept entries (each within twelve lines of the last) is a contents list only when its
  // page numbers rise down each column: the counts of a small table ("华北 17", "东北 1", "华东 13")
  // go up and down. A run where more than a third of the steps between the known numbers of one
  // column (display columns within four of each other) go down is a table's rows.
  for (size_t from = 0; from < in_cluster.size();) {
    size_t to = from + 1;
    while (to < in_cluster.size() && entries[in_cluster[to]].first <= entries[in_cluster[to - 1]].first + 12) ++to;
    std::vector<std::pair<uint32_t, int>> columns;  // (display column, last page number)
    int steps = 0;
    int falls = 0;
    for (size_t r = from; r < to; ++r) {
      // Plain copies, not a structured binding: the lambda below captures them (C++17 lets no
      // lambda capture a binding; clang rejects it, as `make fuzz` builds with clang).
      const int page = pages[in_cluster[r]].first;
      const uint32_t column = pages[in_cluster[r]].second;
      if (page < 0) continue;
      auto same = std::find_if(columns.begin(), columns.end(), [&](const std::pair<uint32_t, int>& c) {
        return c.first + 4 >= column && column + 4 >= c.first;
      });
      if (same == columns.end()) {
        columns.push_back({column, page});
        continue;
      }
      ++steps;
      falls += page < same->second;
      same->second = page;
    }
    if (!(steps >= 2 && falls * 3 > steps)) {
      for (size_t r = from; r < to; ++r) {
        const LineStructure& ls = s_.lines_[entries[in_cluster[r]].first];
        s_.cells_[ls.first_cell + entries[in_cluster[r]].second].flags |= ESGAUDIT_CELL_TOC_ENTRY;
      }
    }
    from = to;
  }
  // 目录 blocks: from the 目录 line to the last TOC-ish line, gaps of at most 8 non-empty lines.
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    bool title = false;
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      // HeadingText keeps a part of the cell that only spaces, tabs and colons follow: a cell
      // whose text does not end with 目录 or CONTENTS / Contents before those cannot be a title.
      std::string_view c = CellText(s_.cells_[ls.first_cell + k]);
      while (!c.empty() && (c.back() == ' ' || c.back() == '\t' || c.back() == ':')) c.remove_suffix(1);
      auto ends = [&](std::string_view w) { return c.size() >= w.size() && c.substr(c.size() - w.size()) == w; };
      if (!ends("目录") && !ends("CONTENTS") && !ends("Contents")) continue;
      std::string_view h = Structure::HeadingText(CellText(s_.cells_[ls.first_cell + k]));
      if (h == "目录" || h == "CONTENTS" || h == "Contents" || h == "目录CONTENTS" ||
          h == "CONTENTS目录" || h == "Table of Contents" || h == "TABLE OF CONTENTS")
        title = true;
    }
    if (!title) continue;
    size_t last = i;
    int gap = 0;
    for (size_t j = i + 1; j < n && gap <= 8; ++j) {
      const LineStructure& lj = s_.lines_[j];
      if (lj.cell_count == 0) continue;
      bool prose = false;
      bool ordinal = true;
      for (uint32_t k = 0; k < lj.cell_count; ++k) {
        std::string_view t = CellText(s_.cells_[lj.first_cell + k]);
        if (IsProseText(t)) prose = true;
        if (!IsOrdinalWord(t)) ordinal = false;
      }
      if (prose) break;
      if (toc_ish[j] || ordinal) {
        last = j;
        gap = 0;
      } else {
        ++gap;
      }
    }
    for (size_t j = i; j <= last; ++j) {
      LineStructure& lj = s_.lines_[j];
      lj.flags |= ESGAUDIT_LINE_TOC;
      for (uint32_t k = 0; k < lj.cell_count; ++k)
        s_.cells_[lj.first_cell + k].flags |= ESGAUDIT_CELL_TOC_ENTRY;
    }
  }
  // After a title line that is only 目录 / Contents: every line up to the first sentence, the
  // first line longer than 200 bytes, or the first line without a digit that is longer than a
  // short chapter marker ("壹", "第一部分") — within 120 lines.
  for (size_t i = 0; i < n; ++i) {
    // The key keeps every byte but spaces, tabs and leading '#': more than 15 others ("tableofcontents")
    // and it is none of the titles.
    // Counting stops at the 16th: a line of prose is not read to its end.
    // A line of at most 200 bytes has its key made already (SqueezedLower).
    std::string long_key;
    std::string_view key;
    if (LineView(i).size() <= 200) {
      key = SqueezedLower(i);
    } else {
      size_t others = 0;
      for (char c : LineView(i)) {
        others += c != ' ' && c != '\t' && c != '#';
        if (others > 15) break;
      }
      if (others > 15) continue;
      long_key = lines::SqueezeLower(LineView(i));
      key = long_key;
    }
    key.remove_prefix(std::min(key.find_first_not_of('#'), key.size()));
    if (key != "目录" && key != "目錄" && key != "contents" && key != "tableofcontents") continue;
    s_.lines_[i].flags |= ESGAUDIT_LINE_TOC;
    // Short lines without a page number after the last entry are the next page's titles
    // ("领导致辞" right after the contents): the block ends at its last line with a number.
    size_t last = i;
    for (size_t j = i + 1; j < n && j < i + 120; ++j) {
      std::string_view line = Trim(LineView(j));
      if (line.empty() || (s_.lines_[j].flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
      if (ContainsAny(line, {"。", "，", "；"}) || line.size() > 200) break;
      // A page number ends the line ("公司简介 2", "-6-"); a list number ("1、公司简介") is no page.
      size_t e = line.find_last_not_of(" -");
      bool number = toc_ish[j] || (e != std::string_view::npos && line[e] >= '0' && line[e] <= '9');
      if (!number && Squeeze(line).size() > 12) break;
      if (number) last = j;
    }
    for (size_t j = i + 1; j <= last; ++j) s_.lines_[j].flags |= ESGAUDIT_LINE_TOC;
  }
  // Leader dots ("报告说明......2") mark a TOC line anywhere; so does a strip of three or more
  // entries with rising page numbers ("供货商现况83 供货商评鉴84 EICC管理 86").
  for (size_t i = 0; i < n; ++i) {
    LineStructure& ls = s_.lines_[i];
    std::string_view raw = Trim(doc_.LineText(i));
    if (ls.cell_count == 0 || raw.size() >= 200) continue;
    bool toc = lines::EndsWithLeaderAndPage(Trim(LineView(i)));
    if (!toc && lines::NumbersBeforeSpace(raw) >= 3 && !ContainsAny(LineView(i), {"。", "，", "；", ",", ";", "%", "|"})) {
      // Read on the raw line: the matching view drops the spaces between a page number and the
      // next title ("公司简介19 财务绩效23 …"). An entry: a title of two or more characters (6+
      // bytes without spaces, no digits) and a number.
      // An entry's number: (\d{1,3})(?=\s|$), found by lines::NextNumberBeforeSpace.
      int rising = 0;
      int best = 0;
      int last = -1;
      size_t from = 0;
      size_t length = 0;
      for (size_t at; (at = lines::NextNumberBeforeSpace(raw, from, &length)) != std::string_view::npos;) {
        std::string title = Squeeze(raw.substr(from, at - from));
        from = at + length;
        int page = 0;
        for (size_t k = at; k < from; ++k) page = page * 10 + (raw[k] - '0');
        bool entry = title.size() >= 6 && std::none_of(title.begin(), title.end(), [](char c) {
                       return c >= '0' && c <= '9';
                     });
        rising = entry && page > last ? rising + 1 : entry ? 1 : 0;
        last = entry ? page : -1;
        best = std::max(best, rising);
      }
      toc = best >= 3;
    }
    if (toc) {
      ls.flags |= ESGAUDIT_LINE_TOC;
      for (uint32_t k = 0; k < ls.cell_count; ++k)
        s_.cells_[ls.first_cell + k].flags |= ESGAUDIT_CELL_TOC_ENTRY;
    }
  }
  // Contents pages in columns whose entries print the page number first ("04   Powering Progress
  // 41   Protecting biodiversity"). A line is a row of entries when its cells are page numbers
  // (one to three digits, so never a year), each followed by a title (a Latin letter first, no
  // figure, no sentence), and title fragments wrapped from the line above; a decimal, a
  // percentage, a year or a number without a title after it (a data table's row) rules the line
  // out. Four or more such rows with eight or more entries, apart by at most four lines of title
  // fragments, whose numbers go up down each column, are a contents page.
  auto fragment = [&](std::string_view t) {
    if (t.empty() || t.size() > 60 || !IsAsciiAlpha(t.front())) return false;
    if (t.back() == '.' || t.back() == ',' || lines::HasAsciiDigit(t)) return false;
    return !ContainsAny(t, {". ", ";", "%"});
  };
  // An entry joined to its page with one space ("3 Our progress against"), maybe after a
  // fragment of the next column ("Chairman 19 More regenerative"): the offset of the number in
  // the cell, or npos.
  auto inline_entry = [&](std::string_view t) {
    // The first digit that opens the cell or follows a space: the cell's first byte, else one after
    // a space. Before a number after the first byte stands a fragment, which opens with a Latin
    // letter: a cell opening with another byte (a CJK character) has no entry.
    if (t.empty()) return std::string_view::npos;
    const unsigned char first = static_cast<unsigned char>(t[0]);
    if (!IsAsciiDigit(first) && !IsAsciiAlpha(first) && first != ' ' && first != '\t') return std::string_view::npos;
    size_t at = IsAsciiDigit(first) ? 0 : std::string_view::npos;
    for (size_t sp = t.find(' '); at == std::string_view::npos && sp != std::string_view::npos && sp + 1 < t.size();
         sp = t.find(' ', sp + 1)) {
      if (IsAsciiDigit(static_cast<unsigned char>(t[sp + 1]))) at = sp + 1;
    }
    if (at == std::string_view::npos) return std::string_view::npos;
    size_t e = at;
    while (e < t.size() && IsAsciiDigit(static_cast<unsigned char>(t[e]))) ++e;
    if (e - at > 3 || e + 1 >= t.size() || t[e] != ' ') return std::string_view::npos;
    std::string_view before = Trim(t.substr(0, at));
    std::string_view title = t.substr(e + 1);
    if ((!before.empty() && (!fragment(before) || before.size() > 20)) || !fragment(title) ||
        !std::isupper(static_cast<unsigned char>(title.front())))
      return std::string_view::npos;
    return at;
  };
  std::vector<uint8_t> page_first(n, 0);  // 1: a row of entries, 2: a line of title fragments
  {
    struct Entry {
      size_t line;
      uint32_t column;
      int page;
    };
    // The entries of line i, or false when it is no row of entries.
    auto row = [&](size_t i, std::vector<Entry>* out) {
      const LineStructure& ls = s_.lines_[i];
      if (ls.cell_count == 0 || ls.cell_count > 12 || LineView(i).size() > 400) return false;
      size_t pairs = 0;
      for (uint32_t k = 0; k < ls.cell_count; ++k) {
        const Cell& c = s_.cells_[ls.first_cell + k];
        std::string_view t = CellText(c);
        const size_t at = AllDigits(t, 3) ? std::string_view::npos : inline_entry(t);
        if (at != std::string_view::npos) {
          size_t e = at;
          while (IsAsciiDigit(static_cast<unsigned char>(t[e]))) ++e;
          out->push_back({i, c.column + static_cast<uint32_t>(at), std::stoi(std::string(t.substr(at, e - at)))});
          ++pairs;
        } else if (AllDigits(t, 3)) {
          if (k + 1 >= ls.cell_count) return false;
          std::string_view title = CellText(s_.cells_[ls.first_cell + k + 1]);
          if (!fragment(title) || !std::isupper(static_cast<unsigned char>(title.front()))) return false;
          out->push_back({i, c.column, std::stoi(std::string(t))});
          ++pairs;
          ++k;
        } else if (!fragment(t)) {
          return false;
        }
      }
      return pairs > 0;
    };
    auto fragments_only = [&](size_t i) {
      const LineStructure& ls = s_.lines_[i];
      if (ls.cell_count == 0 || ls.cell_count > 3) return false;
      for (uint32_t k = 0; k < ls.cell_count; ++k)
        if (!fragment(CellText(s_.cells_[ls.first_cell + k])) || CellText(s_.cells_[ls.first_cell + k]).size() > 40)
          return false;
      return true;
    };
    size_t i = 0;
    while (i < n) {
      std::vector<Entry> entries;
      if (!row(i, &entries)) {
        ++i;
        continue;
      }
      // Grow the block: rows of entries, with at most four lines of fragments between them.
      std::vector<size_t> rows{i};
      size_t j = i + 1;
      size_t gap = 0;
      for (; j < n && gap <= 4; ++j) {
        if (s_.lines_[j].cell_count == 0) continue;
        std::vector<Entry> more;
        if (row(j, &more)) {
          rows.push_back(j);
          entries.insert(entries.end(), more.begin(), more.end());
          gap = 0;
        } else if (fragments_only(j)) {
          ++gap;
        } else {
          break;
        }
      }
      // Down each column (numbers within three display columns of each other) the pages go up.
      size_t rising = 0;
      size_t steps = 0;
      for (size_t a = 0; a < entries.size(); ++a) {
        // (Within the next 40 entries: the search stays linear in the block.)
        for (size_t b = a + 1; b < entries.size() && b <= a + 40; ++b) {
          uint32_t d = entries[a].column > entries[b].column ? entries[a].column - entries[b].column
                                                             : entries[b].column - entries[a].column;
          if (d > 3 || entries[b].line == entries[a].line) continue;
          ++steps;
          if (entries[b].page >= entries[a].page) ++rising;
          break;  // the next entry of the same column only
        }
      }
      if (rows.size() >= 4 && entries.size() >= 8 && steps > 0 && rising * 10 >= steps * 9) {
        for (size_t r = rows.front(), next = 0; r <= rows.back(); ++r) {
          if (s_.lines_[r].cell_count == 0) continue;
          while (rows[next] < r) ++next;  // rows are in line order
          page_first[r] = rows[next] == r ? 1 : 2;
          LineStructure& lr = s_.lines_[r];
          lr.flags |= ESGAUDIT_LINE_TOC;
          for (uint32_t k = 0; k < lr.cell_count; ++k) s_.cells_[lr.first_cell + k].flags |= ESGAUDIT_CELL_TOC_ENTRY;
        }
      }
      i = rows.back() + 1;
    }
  }
  // The entries: a TOC cell with a title and a page (in the cell or the next cell; in a row of
  // page-first entries, the cell before). column[e]: the display column of entry e's title.
  // ordinal[e]: how many entries stand before it on its line.
  std::vector<uint32_t> column;
  std::vector<uint32_t> ordinal;
  auto add = [&](TocEntry entry, uint32_t title_column) {
    ordinal.push_back(!s_.toc_.empty() && s_.toc_.back().line == entry.line ? ordinal.back() + 1 : 0);
    s_.toc_.push_back(std::move(entry));
    column.push_back(title_column);
  };
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    if ((ls.flags & ESGAUDIT_LINE_TOC) == 0) continue;
    if (page_first[i]) {
      // The part of a title wrapped onto the next line (alone, or among that line's entries) goes
      // to the entry above it: of the nearest row, the one in its column; else an earlier row's
      // right over it; else the nearest row's only entry (its columns lost in extraction), when the title breaks off ("Human rights and /
      // resilient communities") or the part goes on in lower case ("Ingredients produced /
      // sustainably") or both are capitals ("GENERATING / SHAREHOLDER VALUE"); a part that starts
      // or ends with a joining word is another column's ("from our", "and CEO" of a letter's title).
      const size_t before_line = s_.toc_.size();
      auto join_part = [&](const Cell& c) {
        if (before_line == 0) return;
        const uint32_t row_line = s_.toc_[before_line - 1].line;
        if (row_line + 6 < i) return;
        size_t first = before_line - 1;
        while (first > 0 && s_.toc_[first - 1].line == row_line) --first;
        auto distance = [&](size_t e) {
          return column[e] > c.column ? column[e] - c.column : c.column - column[e];
        };
        size_t pick = before_line;
        for (size_t e = first; e < before_line; ++e)
          if (distance(e) <= 3) pick = e;
        // An earlier row's entry standing exactly over it ("Providing lower-carbon / (a row of
        // the next column) / electricity").
        for (size_t e = first; pick == before_line && e-- > 0 && s_.toc_[e].line + 6 >= i;)
          if (distance(e) <= 1) pick = e;
        if (pick == before_line && first + 1 == before_line) pick = first;
        std::string_view part = Trim(CellText(c));
        if (pick < before_line && JoinsWrappedTitle(s_.toc_[pick].title, part))
          s_.toc_[pick].title += " " + std::string(part);
      };
      for (uint32_t k = 0; k < ls.cell_count; ++k) {
        uint32_t ci = ls.first_cell + k;
        std::string_view t = CellText(s_.cells_[ci]);
        const size_t at = AllDigits(t, 3) ? std::string_view::npos : inline_entry(t);
        if (page_first[i] == 1 && at != std::string_view::npos) {
          size_t e = at;
          while (IsAsciiDigit(static_cast<unsigned char>(t[e]))) ++e;
          add(TocEntry{static_cast<uint32_t>(i), ci, std::string(Trim(t.substr(e + 1))),
                       static_cast<uint32_t>(std::stoul(std::string(t.substr(at, e - at))))},
              s_.cells_[ci].column + static_cast<uint32_t>(e + 1));
        } else if (page_first[i] == 1 && AllDigits(t, 3) && k + 1 < ls.cell_count) {
          add(TocEntry{static_cast<uint32_t>(i), ci + 1, std::string(Trim(CellText(s_.cells_[ci + 1]))),
                       static_cast<uint32_t>(std::stoul(std::string(t)))},
              s_.cells_[ci + 1].column);
          ++k;
        } else if (!AllDigits(t, 3)) {
          join_part(s_.cells_[ci]);
        }
      }
      continue;
    }
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      uint32_t ci = ls.first_cell + k;
      std::string_view t = CellText(s_.cells_[ci]);
      if (AllDigits(t, 3) || IsOrdinalWord(t)) continue;
      std::u32string cps = Decode(t);
      // A page printed as "-6-" or "-3 -": the dashes and spaces around it go first.
      while (!cps.empty() && (cps.back() == U'-' || cps.back() == U' ')) cps.pop_back();
      size_t e = cps.size();
      while (e > 0 && IsAsciiDigit(cps[e - 1])) --e;
      uint32_t page = 0;
      std::u32string title32;
      if (e < cps.size() && cps.size() - e <= 3) {
        page = static_cast<uint32_t>(std::stoul(std::string(cps.begin() + e, cps.end())));
        title32 = cps.substr(0, e);
      } else {
        size_t b = 0;
        while (b < cps.size() && IsAsciiDigit(cps[b])) ++b;
        if (b > 0 && b <= 3 && b < cps.size()) {
          page = static_cast<uint32_t>(std::stoul(std::string(cps.begin(), cps.begin() + b)));
          title32 = cps.substr(b);
        } else {
          title32 = cps;
          if (k + 1 < ls.cell_count && AllDigits(CellText(s_.cells_[ci + 1]), 3))
            page = static_cast<uint32_t>(std::stoul(std::string(CellText(s_.cells_[ci + 1]))));
        }
      }
      std::string title;
      for (char32_t c : title32) {
        if (c == 0x2026 || c == 0xB7) continue;
        if (c < 0x80) {
          title += static_cast<char>(c);
        } else {
          std::string u;
          boost::locale::utf::utf_traits<char>::encode(c, std::back_inserter(u));
          title += u;
        }
      }
      while (!title.empty() && (title.back() == '.' || title.back() == ' ' || title.back() == '_' ||
                                title.back() == '-'))
        title.pop_back();
      std::string_view tt = Trim(title);
      if (CodePointCount(tt) < 2 || (!sdk::HasCjk(tt) && tt.size() < 3)) continue;
      std::string_view heading = Structure::HeadingText(tt);
      if (heading.empty() || heading == "目录" || sdk::AsciiLower(Squeeze(heading)) == "contents" ||
          sdk::AsciiLower(Squeeze(heading)) == "tableofcontents")
        continue;  // "三、" alone: the numbering of the next cell
      add(TocEntry{static_cast<uint32_t>(i), ci, std::string(tt), page}, s_.cells_[ci].column);
    }
  }
  // A title broken over two lines with its page at the end of the second ("附录III：上海证交所披露
  // 建议及" over "香港联交所ESG内容索引表  87"): an entry without a page whose title breaks off
  // takes the next entry of its column within two lines, title and page (its column: the same
  // display column, or with tabs, whose stops shift with the text before, the same place in its
  // line).
  std::vector<uint8_t> merged(s_.toc_.size(), 0);
  // Entries are in line order and an entry's own line holds no part of it: the search starts at
  // the first entry of a later line (next_line), and whether a line has a tab is read once per
  // line. Both keep a line with many entries linear (it was scanned once per pair of its entries).
  std::vector<size_t> next_line(s_.toc_.size(), s_.toc_.size());
  for (size_t e = s_.toc_.size(); e-- > 0;)
    next_line[e] = e + 1 < s_.toc_.size() && s_.toc_[e + 1].line == s_.toc_[e].line ? next_line[e + 1] : e + 1;
  std::vector<int8_t> line_tab(n, -1);
  auto has_tab = [&](uint32_t line) {
    if (line_tab[line] < 0) line_tab[line] = Contains(LineView(line), "\t") ? 1 : 0;
    return line_tab[line] == 1;
  };
  for (size_t e = 0; e < s_.toc_.size(); ++e) {
    TocEntry& head = s_.toc_[e];
    if (merged[e] || head.page != 0 || page_first[head.line]) continue;
    for (size_t f = next_line[e]; f < s_.toc_.size() && s_.toc_[f].line <= head.line + 2; ++f) {
      const TocEntry& part = s_.toc_[f];
      uint32_t d = column[e] > column[f] ? column[e] - column[f] : column[f] - column[e];
      const bool tabs = has_tab(head.line) && has_tab(part.line);
      if (part.line == head.line || merged[f] || (d > 3 && !(tabs && ordinal[e] == ordinal[f]))) continue;
      if (part.page != 0 && JoinsWrappedTitle(head.title, part.title)) {
        if (IsAsciiAlpha(head.title.back()) && IsAsciiAlpha(part.title.front())) head.title += ' ';
        head.title += part.title;
        head.page = part.page;
        merged[f] = 1;
      }
      break;
    }
  }
  size_t kept = 0;
  for (size_t e = 0; e < s_.toc_.size(); ++e)
    if (!merged[e]) {
      if (kept != e) s_.toc_[kept] = std::move(s_.toc_[e]);
      ++kept;
    }
  s_.toc_.resize(kept);
}

void StructureBuilder::FindSections() {
  // Numbered headings: 第一章/第一部分 (1), 一、 (1), （一） (2), 1. (1), 1.1 (2), 1.1.1 and (1) (3).
  // Alternations, not bracket expressions: std::regex matches bytes, and a Han numeral is three.
  const std::regex& kChapter = gates::SectionNumber(0);
  const std::regex& kHan = gates::SectionNumber(1);
  const std::regex& kParenHan = gates::SectionNumber(2);
  const std::regex& kParenNum = gates::SectionNumber(3);
  const std::regex& kDotted = gates::SectionNumber(4);
  const size_t n = s_.lines_.size();
  std::vector<uint32_t> stack;  // open sections, outermost first
  auto close_to = [&](uint32_t level, uint32_t before_line) {
    while (!stack.empty() && s_.sections_[stack.back()].level >= level) {
      s_.sections_[stack.back()].last_line = before_line;
      stack.pop_back();
    }
  };
  for (size_t i = 0; i < n; ++i) {
    LineStructure& ls = s_.lines_[i];
    if (ls.role == ESGAUDIT_ROLE_HEADING) {
      std::string_view text = CellText(s_.cells_[ls.first_cell]);
      std::string t(text);
      // A number in a cell of its own, the title in the next ("（二）", "希望小学慰问帮扶和志愿者工作").
      std::string joined;
      if (ls.cell_count == 2 && ((s_.cells_[ls.first_cell].flags | s_.cells_[ls.first_cell + 1].flags) &
                                 ESGAUDIT_CELL_SIDE_BANNER) == 0) {
        joined = std::string(Trim(text)) + std::string(Trim(CellText(s_.cells_[ls.first_cell + 1])));
        text = joined;
        t = joined;
      }
      std::smatch m;
      uint32_t level = 1;
      std::string number;
      // Without a number's opening none of the expressions matches: the heading keeps level 1.
      if (!gates::MayOpenNumber(t)) {
      } else if (std::regex_search(t, m, kChapter, kAnchored) || std::regex_search(t, m, kHan, kAnchored)) {
        level = 1;
        number = m[0].str();
      } else if (std::regex_search(t, m, kParenHan, kAnchored)) {
        level = 2;
        number = m[0].str();
      } else if (std::regex_search(t, m, kParenNum, kAnchored)) {
        level = 3;
        number = m[0].str();
      } else if (std::regex_search(t, m, kDotted, kAnchored)) {
        size_t dots = static_cast<size_t>(std::count(m[2].first, m[2].second, '.'));
        level = static_cast<uint32_t>(std::min<size_t>(dots + 1, 3));
        number = m[0].str();
      }
      ls.heading_level = level;
      close_to(level, i == 0 ? 0 : static_cast<uint32_t>(i - 1));
      Section sec;
      sec.line = static_cast<uint32_t>(i);
      sec.level = level;
      sec.parent = stack.empty() ? kNoIndex : stack.back();
      sec.number = number;
      sec.title = std::string(Structure::HeadingText(text));
      stack.push_back(static_cast<uint32_t>(s_.sections_.size()));
      s_.sections_.push_back(std::move(sec));
    }
    ls.section = stack.empty() ? kNoIndex : stack.back();
  }
  close_to(0, n == 0 ? 0 : static_cast<uint32_t>(n - 1));
}

void StructureBuilder::AssignRoles() {
  const size_t n = s_.lines_.size();
  // The titles the table of contents lists: a line that is one of them is a heading wherever it
  // stands ("领导致辞" right above the letter, with no blank line around it).
  std::unordered_set<std::string> toc_titles;
  for (const TocEntry& e : s_.toc_) {
    std::string t = Squeeze(sdk::HeadingText(e.title));
    if (CodePointCount(t) >= 2) toc_titles.insert(std::move(t));
  }
  // Page furniture beside a title (a side-banner character) does not break its isolation.
  auto blank = [&](size_t j) {
    return j >= n || s_.lines_[j].cell_count == 0 ||
           (s_.lines_[j].flags & ESGAUDIT_LINE_FURNITURE_MASK) != 0;
  };
  // The next line of text below `i` (blank lines and page furniture skipped, within four lines) is a
  // figure alone ("100 %"): the line is an infographic's label stacked over its figure, not a title.
  // Page furniture between them (a page number) must not make a label look isolated.
  auto FigureBelow = [&](size_t i) {
    for (size_t j = i + 1; j < n && j <= i + 4; ++j) {
      const LineStructure& l = s_.lines_[j];
      if (l.cell_count == 0 || (l.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
      return l.cell_count == 1 && IsLoneFigure(CellText(s_.cells_[l.first_cell]));
    }
    return false;
  };
  for (size_t i = 0; i < n; ++i) {
    LineStructure& ls = s_.lines_[i];
    if (ls.cell_count == 0) {
      ls.role = ESGAUDIT_ROLE_BLANK;
      continue;
    }
    if (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) {
      ls.role = ESGAUDIT_ROLE_FURNITURE;
      continue;
    }
    if (ls.flags & ESGAUDIT_LINE_INDEX) {
      ls.role = ESGAUDIT_ROLE_INDEX_ROW;
      continue;
    }
    if (ls.flags & ESGAUDIT_LINE_TOC) {
      ls.role = ESGAUDIT_ROLE_TOC_ENTRY;
      continue;
    }
    if (ls.flags & ESGAUDIT_LINE_TABLE) {
      ls.role = ESGAUDIT_ROLE_TABLE_ROW;
      continue;
    }
    // Cells that carry text: side banner characters are furniture inside a line.
    uint32_t text_cells = 0;
    uint32_t numeric = 0;
    uint32_t toc_cells = 0;
    bool prose = false;
    std::string_view first, second;
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const Cell& c = s_.cells_[ls.first_cell + k];
      if (c.flags & ESGAUDIT_CELL_SIDE_BANNER) continue;
      std::string_view t = CellText(c);
      if (text_cells == 0) first = t;
      if (text_cells == 1) second = t;
      ++text_cells;
      if (c.flags & ESGAUDIT_CELL_NUMERIC) ++numeric;
      if ((c.flags & ESGAUDIT_CELL_TOC_ENTRY) || AllDigits(t, 3)) ++toc_cells;
      if (IsProseText(t) || (CodePointCount(t) >= 30)) prose = true;
    }
    bool any_toc = false;
    for (uint32_t k = 0; k < ls.cell_count; ++k)
      if (s_.cells_[ls.first_cell + k].flags & ESGAUDIT_CELL_TOC_ENTRY) any_toc = true;
    if (any_toc && toc_cells == text_cells) {
      ls.role = ESGAUDIT_ROLE_TOC_ENTRY;
    } else if ((text_cells == 1 && HanNumberedTitle(first, {})) || (text_cells == 2 && HanNumberedTitle(first, second))) {
      ls.role = ESGAUDIT_ROLE_HEADING;
    } else if (prose) {
      ls.role = ESGAUDIT_ROLE_PROSE;
    } else if (text_cells == 1 && UnitCaption(i)) {
      // A unit caption over a chart's figures (a table printed as a picture: figures alone on
      // their lines, within three lines of text below) is part of that figure group.
      bool figures = false;
      for (size_t j = i + 1, seen = 0; j < n && seen < 3 && !figures; ++j) {
        const LineStructure& l = s_.lines_[j];
        if (l.cell_count == 0 || (l.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
        ++seen;
        figures = l.cell_count == 1 && IsLoneFigure(CellText(s_.cells_[l.first_cell]));
      }
      ls.role = figures ? ESGAUDIT_ROLE_INFOGRAPHIC : ESGAUDIT_ROLE_OTHER;
    } else if (text_cells == 1) {
      size_t cps = CodePointCount(first);
      // "1.1 GW" is a figure with its unit, not section 1.1: a Latin title has three letters or more.
      // The length and the opening are tested before the expression (none of them has side effects).
      // "3,914.86 亿" alone on its line is a figure with its unit: "3" and a comma are no section.
      bool numbered = cps <= 40 && gates::MayOpenNumber(first) &&
                      gates::OpensNumberedTitle(first) && !IsLoneFigure(first) &&
                      !OpensWithClassBound(Decode(Trim(first))) &&
                      (sdk::HasCjk(first) || std::count_if(first.begin(), first.end(), [](char c) {
                                               return IsAsciiAlpha(c);
                                             }) >= 3);
      bool sentence_end = Contains(first, "。") || Contains(first, "：") || Contains(first, ":");
      // An unnumbered title: short, alone between blank lines, not a figure.
      bool isolated = cps >= 2 && cps <= 16 && blank(i + 1) && (i == 0 || blank(i - 1)) &&
                      !IsAsciiDigit(static_cast<unsigned char>(first.front())) &&
                      (sdk::HasCjk(first) || cps >= 3) &&
                      // the tail of a wrapped sentence ("告编写指南》") is no title
                      !(Contains(first, "》") && !Contains(first, "《")) &&
                      !(Contains(first, ")") && !Contains(first, "(")) && !Contains(first, ",") &&
                      !EndsWithCount(first) && !FigureBelow(i);
      // An unnumbered title between two paragraphs with no blank line around it: the line above
      // ends a sentence, running text follows, and the title is set apart by its column (centred or
      // indented four columns or more from the paragraph below). Lines of the same column are
      // left alone: a short one-line paragraph reads the same.
      auto near = [&](size_t j, int step) -> size_t {
        for (int k = 0; k < 3 && j < n; ++k, j += static_cast<size_t>(step)) {
          if (s_.lines_[j].flags & ESGAUDIT_LINE_FURNITURE_MASK) continue;
          return s_.lines_[j].cell_count == 0 ? n : j;
        }
        return n;
      };
      bool between = false;
      if (!isolated && i > 0 && cps >= 2 && cps <= 16 && !IsAsciiDigit(static_cast<unsigned char>(first.front())) &&
          sdk::HasCjk(first) && !(Contains(first, "》") && !Contains(first, "《")) && !Contains(first, ")") &&
          !Contains(first, ",") && !EndsWithCount(first)) {
        size_t up = near(i - 1, -1);
        size_t down = near(i + 1, 1);
        // One column above and below: in two columns side by side the line above is another text.
        if (up < n && down < n && s_.lines_[up].cell_count == 1 && s_.lines_[down].cell_count == 1 &&
            (s_.lines_[up].flags & (ESGAUDIT_LINE_TABLE | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) == 0 &&
            (s_.lines_[down].flags & (ESGAUDIT_LINE_TABLE | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) == 0) {
          const LineStructure& lu = s_.lines_[up];
          std::string_view above = Trim(CellText(s_.cells_[lu.first_cell + lu.cell_count - 1]));
          const Cell& below = s_.cells_[s_.lines_[down].first_cell];
          const Cell& self = s_.cells_[ls.first_cell];
          bool ends_sentence = false;
          for (std::string_view e : {"。", "！", "？", "；", "!", "?"})
            ends_sentence = ends_sentence || (above.size() >= e.size() && above.substr(above.size() - e.size()) == e);
          uint32_t gap = self.column > below.column ? self.column - below.column : below.column - self.column;
          between = ends_sentence && CodePointCount(CellText(below)) >= 20 && gap >= 4;
        }
      }
      // A listed title among multi-cell lines is a table or chart label, not a heading.
      // (The nearest lines of text above and below, page furniture and blank lines skipped.)
      auto plain = [&](size_t j, int step) {
        for (int k = 0; k < 4; ++k, j += static_cast<size_t>(step)) {
          if (j >= n) return true;  // also wraps below 0
          const LineStructure& l = s_.lines_[j];
          if (l.cell_count == 0 || (l.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
          return l.cell_count <= 1 || (l.flags & ESGAUDIT_LINE_TOC) != 0;
        }
        return true;
      };
      bool listed = cps <= 24 && plain(i + 1, 1) && plain(i - 1, -1) &&
                    toc_titles.count(Squeeze(sdk::HeadingText(first))) > 0;
      if ((numbered || isolated || listed || between) && !sentence_end && !Contains(first, "，")) {
        ls.role = ESGAUDIT_ROLE_HEADING;
      } else {
        ls.role = cps >= 12 ? ESGAUDIT_ROLE_PROSE : ESGAUDIT_ROLE_OTHER;
      }
    } else if (numeric > 0) {
      ls.role = ESGAUDIT_ROLE_INFOGRAPHIC;
    } else {
      ls.role = ESGAUDIT_ROLE_OTHER;
    }
  }
}

// ---- Structure -----------------------------------------------------------------------------

Structure Structure::Build(const Document& doc) {
  Structure s;
  StructureBuilder(doc, &s).Run();
  // The lists grew by doubling and live as long as the document: up to half of each was slack.
  s.lines_.shrink_to_fit();
  s.cells_.shrink_to_fit();
  s.sections_.shrink_to_fit();
  s.toc_.shrink_to_fit();
  s.index_regions_.shrink_to_fit();
  s.index_rows_.shrink_to_fit();
  s.tables_.shrink_to_fit();
  s.table_cells_.shrink_to_fit();
  s.figures_.shrink_to_fit();
  s.chart_captions_.shrink_to_fit();
  s.spans_.shrink_to_fit();
  s.sentences_.shrink_to_fit();
  s.clauses_.shrink_to_fit();
  s.clause_facts_.shrink_to_fit();
  s.fact_clause_.shrink_to_fit();
  return s;
}

const char* Structure::RoleName(esgaudit_line_role role) {
  switch (role) {
    case ESGAUDIT_ROLE_BLANK: return "blank";
    case ESGAUDIT_ROLE_PROSE: return "prose";
    case ESGAUDIT_ROLE_HEADING: return "heading";
    case ESGAUDIT_ROLE_TABLE_ROW: return "table-row";
    case ESGAUDIT_ROLE_INFOGRAPHIC: return "infographic";
    case ESGAUDIT_ROLE_TOC_ENTRY: return "toc";
    case ESGAUDIT_ROLE_INDEX_ROW: return "index-row";
    case ESGAUDIT_ROLE_FURNITURE: return "furniture";
    case ESGAUDIT_ROLE_OTHER: return "other";
  }
  return "other";
}

const char* Structure::TableKindName(esgaudit_table_kind kind) {
  switch (kind) {
    case ESGAUDIT_TABLE_TIME_SERIES: return "time-series";
    case ESGAUDIT_TABLE_CATEGORIES: return "categories";
    case ESGAUDIT_TABLE_UNKNOWN: return "unknown";
  }
  return "unknown";
}

const char* Structure::StandardName(esgaudit_standard standard) {
  switch (standard) {
    case ESGAUDIT_STANDARD_GRI: return "gri";
    case ESGAUDIT_STANDARD_GBT36001: return "gbt36001";
    case ESGAUDIT_STANDARD_EXCHANGE_2024: return "exchange-2024";
    case ESGAUDIT_STANDARD_CASS_CSR: return "cass-csr";
  }
  return "gri";
}

const char* Structure::ClaimModeName(esgaudit_claim_mode mode) {
  switch (mode) {
    case ESGAUDIT_CLAIM_MENTION: return "mention";
    case ESGAUDIT_CLAIM_REFERENCE: return "reference";
    case ESGAUDIT_CLAIM_ACCORDANCE: return "accordance";
  }
  return "mention";
}

const char* Structure::ExchangeName(esgaudit_exchange exchange) {
  switch (exchange) {
    case ESGAUDIT_EXCHANGE_SSE: return "sse";
    case ESGAUDIT_EXCHANGE_SZSE: return "szse";
    case ESGAUDIT_EXCHANGE_BSE: return "bse";
    case ESGAUDIT_EXCHANGE_UNNAMED: return "";
  }
  return "";
}

std::string_view Structure::HeadingText(std::string_view cell) { return sdk::HeadingText(cell); }

}  // namespace esgaudit
