// Numeric fact extraction over the document's NFKC matching view (full-width digits folded,
// letter-spacing between CJK characters removed), mapped back to text offsets.
#include "esgaudit/facts.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <esgaudit/bytes8.h>
#include "analyse/space_thousands.h"
#include "analyse/structure_lines.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"
#include "esgaudit/structure.h"
#include "esgaudit/units.h"

namespace esgaudit {
namespace {

// The printed units and their canonical forms (magnitude excluded), shared with the KPI data
// loader and the numeric plugin. Longest printed form wins.
using UnitEntry = sdk::UnitForm;
constexpr const auto& kUnits = sdk::kReportUnits;
// Printed forms only OCR makes, read in report text alone (the KPI data never carries them): 兀 is
// the OCR of 元 after a figure (50万兀, 4.272兀); as a word it never follows a number.
constexpr UnitEntry kOcrUnits[] = {{"兀", "元", false}};

// Classifiers that also open common words: the classifier is no unit when the next code point makes
// it one of them (12处理 is no count of sites, 4股东 none of shares, SA8000只是 none of funds). 对 is
// also the preposition and verb "towards, to": it takes an object, so it is the classifier (pairs:
// 253对) only where no word follows it, before punctuation, a tab or the line's end (not before a
// digit: 1对1 is "one to one"). So is 尾 (fish, fry: 320万尾), which opens many words (尾矿, 尾款,
// 尾气, 尾水, 尾声).
struct WordOpener {
  char32_t unit;
  std::u32string_view next;  // code points after the unit that make it a word
};
constexpr WordOpener kWordOpeners[] = {
    {U'处', U"理罚置于在分长室境事方所决"},       // 处理, 处罚, 处置, 处于, 处长, 处室 ...
    {U'股', U"东份票本权价民市息利指改"},         // 股东, 股份, 股票, 股本, 股权, 股价 ...
    {U'封', U"面闭存装堵顶锁口条印山"},           // 封面, 封闭, 封存, 封装, 封堵, 封顶 ...
    {U'只', U"是有要能需在不为会对用占限"},       // 只是, 只有, 只要, 只能, 只需 ... ("only")
};
constexpr std::u32string_view kAfterPairs = U"，,。；;、：:）)（(！!？?\t";

struct Magnitude {
  const char* printed;
  double factor;
  bool latin;
};

constexpr Magnitude kMagnitudes[] = {
    {"万亿", 1e12, false}, {"千万", 1e7, false}, {"百万", 1e6, false}, {"万", 1e4, false},
    {"亿", 1e8, false},    {"千", 1e3, false},   {"trillion", 1e12, true},
    {"billion", 1e9, true}, {"bn", 1e9, true}, {"million", 1e6, true}, {"thousand", 1e3, true},
};

struct Qualifier {
  const char* printed;
  uint32_t bits;
};

// Printed right before the number (longest first within equal prefixes is handled by length sort).
constexpr Qualifier kPrefixQualifiers[] = {
    {"大约", ESGAUDIT_QUAL_APPROX}, {"约", ESGAUDIT_QUAL_APPROX},    {"近似", ESGAUDIT_QUAL_APPROX},
    {"将近", ESGAUDIT_QUAL_LESS},   {"接近", ESGAUDIT_QUAL_LESS},    {"近", ESGAUDIT_QUAL_LESS},
    {"超过", ESGAUDIT_QUAL_MORE},   {"超", ESGAUDIT_QUAL_MORE},      {"逾", ESGAUDIT_QUAL_MORE},
    {"不足", ESGAUDIT_QUAL_LESS},   {"不到", ESGAUDIT_QUAL_LESS},    {"approximately", ESGAUDIT_QUAL_APPROX},
    {"about", ESGAUDIT_QUAL_APPROX}, {"around", ESGAUDIT_QUAL_APPROX}, {"~", ESGAUDIT_QUAL_APPROX},
    {"nearly", ESGAUDIT_QUAL_LESS}, {"almost", ESGAUDIT_QUAL_LESS},  {"over", ESGAUDIT_QUAL_MORE},
    {"more than", ESGAUDIT_QUAL_MORE}, {"less than", ESGAUDIT_QUAL_LESS}, {"under", ESGAUDIT_QUAL_LESS},
};

// Words ending in the character of a one-character prefix qualifier or label filler that are words
// of their own: 节约8万吨 saved eight, not about eight; 违规行为82件 counts behaviour, 为 links nothing.
constexpr std::u32string_view kWholeWords[] = {U"签约", U"节约", U"履约", U"合约", U"预约", U"违约", U"集约",
                                               U"附近", U"最近", U"邻近", U"就近", U"赶超", U"行为", U"下达",
                                               U"送达", U"到达", U"抵达", U"传达"};
// The last characters of kWholeWords, each two characters long (asserted below).
constexpr char32_t kWholeWordEnds[] = {U'约', U'近', U'超', U'为', U'达'};
constexpr bool WholeWordsEndThere() {
  for (std::u32string_view w : kWholeWords) {
    bool found = false;
    for (char32_t c : kWholeWordEnds) found = found || w.back() == c;
    if (w.size() != 2 || !found) return false;
  }
  return true;
}
static_assert(WholeWordsEndThere());
bool EndsInAWholeWord(std::u32string_view s) {
  // Most strings asked end in none of the words' last characters: answered without the list.
  if (s.size() < 2 ||
      std::find(std::begin(kWholeWordEnds), std::end(kWholeWordEnds), s.back()) == std::end(kWholeWordEnds)) {
    return false;
  }
  for (std::u32string_view w : kWholeWords) {
    if (s.size() >= w.size() && s.substr(s.size() - w.size()) == w) return true;
  }
  return false;
}

// Printed between the number and the unit (300余人) or after the unit (20%以上).
constexpr Qualifier kInnerQualifiers[] = {{"余", ESGAUDIT_QUAL_MORE}, {"多", ESGAUDIT_QUAL_MORE}};
// Printed forms only OCR makes, as kOcrUnits: 佘 (a surname, 佘山) is the OCR of 余 between a figure and
// its unit (270佘只, 3523佘万元, 5万佘元); a name never stands there. Read only where a unit follows.
constexpr Qualifier kOcrInnerQualifiers[] = {{"佘", ESGAUDIT_QUAL_MORE}};
constexpr Qualifier kSuffixQualifiers[] = {
    {"以上", ESGAUDIT_QUAL_MORE}, {"以下", ESGAUDIT_QUAL_LESS}, {"以内", ESGAUDIT_QUAL_LESS},
    {"左右", ESGAUDIT_QUAL_APPROX}, {"余", ESGAUDIT_QUAL_MORE},  {"多", ESGAUDIT_QUAL_MORE},
    {"+", ESGAUDIT_QUAL_MORE},
};

// Words right before a number that make it an identifier (case-insensitive for Latin).
constexpr const char* kCodePrefixes[] = {
    "GRI", "GB/T", "GB", "HJ", "ISO", "SDG", "SDGs", "Scope", "范围", "证券代码", "股票代码",
    "代码", "编号", "电话", "Tel", "Tel.", "传真", "Fax", "邮编", "邮政编码", "A股", "H股",
};

// Label text is cut at these.
constexpr std::u32string_view kLabelStops =
    U"，,。；;：:、()（）【】[]《》〈〉“”\"'‘’!?！？|/·•●◆■□▪";
// Whether `c` is a common Han character (U+3400-9FFF) or an ASCII letter: most of a label, and
// never one of kLabelStops (asserted below), so IsStop answers for them without searching the list.
constexpr bool HanOrLetter(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}
constexpr bool NoStopIsHanOrLetter() {
  for (char32_t c : kLabelStops) {
    if (HanOrLetter(c)) return false;
  }
  return true;
}
static_assert(NoStopIsHanOrLetter(), "IsStop's shortcut must not skip a stop");

// Trailing words dropped from a label: linking verbs that carry no meaning of their own.
constexpr const char* kLabelFillers[] = {"达到", "为", "达", "是", "约", "大约"};

constexpr size_t kMaxLabel = 24;     // code points

// 8 bytes, so that the fact reader can keep the decoded lines from Extract to Label: a line's
// view bytes are fewer than 2^32 (the document's view maps are 32-bit).
struct Cp {
  char32_t c;
  uint32_t v;  // view offset from the line's first byte in the view
};

std::u32string Decode(std::string_view s) {
  std::u32string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  // Room for the longest encoding made once (U8_LENGTH bounds what U8_APPEND writes), not grown by
  // doubling a code point at a time.
  size_t bytes = 0;
  for (char32_t c : s) bytes += static_cast<size_t>(U8_LENGTH(static_cast<UChar32>(c)));
  out.reserve(bytes);
  for (char32_t c : s) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), err);
    if (!err) out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

bool IsDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool IsLatin(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }
bool IsSpace(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; }
bool IsCjk(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }

char32_t Lower(char32_t c) { return (c >= U'A' && c <= U'Z') ? c + 32 : c; }

// One line of the view as code points.
class LineCps {
 public:
  LineCps(const Document& doc, size_t line) : doc_(doc) {
    const Line& l = doc.line(line);
    line_end_ = l.offset + l.length;
    col_offset_ = l.offset;
    begin_ = doc.TextToView(l.offset);
    end_ = doc.TextToView(l.offset + l.length);
    std::string_view view(doc.view());
    if (end_ > view.size()) end_ = view.size();
    if (begin_ > end_) begin_ = end_;
    std::string_view s = view.substr(begin_, end_ - begin_);
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    cps_.reserve(s.size());
    while (i < n) {
      int32_t start = i;
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
      cps_.push_back({c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c), static_cast<uint32_t>(start)});
    }
  }
  // Frees the room reserved for one code point a byte when the line has far fewer (CJK text has
  // one in three): for a line kept after its decode.
  void Shrink() {
    if (cps_.capacity() > 2 * cps_.size()) cps_.shrink_to_fit();
  }

  size_t size() const { return cps_.size(); }
  char32_t at(size_t i) const { return i < cps_.size() ? cps_[i].c : 0; }
  uint64_t ViewOffset(size_t i) const { return i < cps_.size() ? begin_ + cps_[i].v : end_; }
  uint64_t TextOffset(size_t i) const { return doc_.ViewToText(ViewOffset(i)); }
  // Columns asked in increasing order advance from the last answer (rescanning the line from its
  // start for each fact would make a long line cost quadratic time).
  uint32_t Column(size_t i) const {
    uint64_t off = std::min(TextOffset(i), line_end_);
    if (off < col_offset_) return doc_.ColumnOf(off);
    column_ += TextWidth(std::string_view(doc_.text()).substr(col_offset_, off - col_offset_), column_ - 1);
    col_offset_ = off;
    return column_;
  }

  // Does the literal `s` occur at position i? Latin compared case-insensitively.
  size_t Match(size_t i, std::u32string_view s) const {
    if (i + s.size() > cps_.size()) return 0;
    for (size_t k = 0; k < s.size(); ++k) {
      if (Lower(cps_[i + k].c) != Lower(s[k])) return 0;
    }
    return s.size();
  }
  // Does the literal end right before position i?
  bool EndsAt(size_t i, std::u32string_view s) const {
    if (s.size() > i) return false;
    if (s.empty()) return true;
    // Its last code point first: most literals asked of a position end otherwise (the prefix and
    // code lists are asked before every number).
    if (i > cps_.size() || Lower(cps_[i - 1].c) != Lower(s.back())) return false;
    return Match(i - s.size(), s) == s.size();
  }
  std::u32string Slice(size_t from, size_t to) const {
    std::u32string out;
    SliceInto(from, to, &out);
    return out;
  }
  // The same into *out (replacing what it held; a string kept from call to call keeps its storage).
  void SliceInto(size_t from, size_t to, std::u32string* out) const {
    out->clear();
    const size_t end = std::min(to, cps_.size());
    if (end > from) out->reserve(end - from);  // made once, not grown by doubling
    for (size_t k = from; k < to && k < cps_.size(); ++k) out->push_back(cps_[k].c);
  }
  bool Blank() const {
    return std::all_of(cps_.begin(), cps_.end(), [](const Cp& c) { return IsSpace(c.c); });
  }
  // The first code point at or after view offset v (size() past the line's end).
  size_t IndexOfView(uint64_t v) const {
    return static_cast<size_t>(
        std::lower_bound(cps_.begin(), cps_.end(), v, [this](const Cp& c, uint64_t x) { return begin_ + c.v < x; }) -
        cps_.begin());
  }
  // space_thousands::MillionsOnLine of this line, scanned once, when a figure first asks (each
  // figure asking scanned the line again: figures x length on a long line).
  bool MillionsOnLine() const {
    if (millions_ < 0) millions_ = space_thousands::MillionsOnLine([this](size_t k) { return at(k); }, size()) ? 1 : 0;
    return millions_ == 1;
  }

 private:
  uint64_t line_end_ = 0;
  mutable uint64_t col_offset_ = 0;
  mutable uint32_t column_ = 1;
  mutable int millions_ = -1;  // MillionsOnLine: -1 until asked
  const Document& doc_;
  uint64_t begin_ = 0;
  uint64_t end_ = 0;
  std::vector<Cp> cps_;
};

// A cell of the structure model on one line, in code point indexes of the line's LineCps.
struct LineCell {
  size_t begin;  // code point index
  size_t end;
};

std::u32string U32(const char* s) { return Decode(s); }

// Appends the entries of `table` to `out`, then orders `out` longest printed form first.
template <typename T, size_t N>
std::vector<std::pair<std::u32string, const T*>> SortedByLength(
    const T (&table)[N], std::vector<std::pair<std::u32string, const T*>> out = {}) {
  for (const T& e : table) out.push_back({U32(e.printed), &e});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return out;
}

struct Tables {
  std::vector<std::pair<std::u32string, const UnitEntry*>> units =
      SortedByLength(kOcrUnits, SortedByLength(kUnits));
  std::vector<std::pair<std::u32string, const Magnitude*>> magnitudes = SortedByLength(kMagnitudes);
  std::vector<std::pair<std::u32string, const Qualifier*>> prefix = SortedByLength(kPrefixQualifiers);
  std::vector<std::pair<std::u32string, const Qualifier*>> inner =
      SortedByLength(kOcrInnerQualifiers, SortedByLength(kInnerQualifiers));
  std::vector<std::pair<std::u32string, const Qualifier*>> suffix = SortedByLength(kSuffixQualifiers);
  std::vector<std::u32string> code_prefixes;
  std::vector<std::u32string> fillers;
  // The indexes into `units` of the entries whose printed form opens with each code point (lower
  // case), in their order there: the Latin ones (which may follow one space) and the others apart.
  // MatchUnit tries only these, in `units` order (it compared the first code point of every entry).
  std::unordered_map<char32_t, std::vector<uint32_t>> latin_units_by_first;
  std::unordered_map<char32_t, std::vector<uint32_t>> other_units_by_first;
  // The last code points (lower case, sorted) of the prefix qualifiers, the Latin ones and the
  // others apart, and of the code prefixes: a position whose code point before is none of a list's
  // ends none of its literals (EndsAt compares that code point first), so the list is not walked.
  std::u32string prefix_latin_ends;
  std::u32string prefix_other_ends;
  std::u32string code_prefix_ends;
  Tables() {
    for (size_t k = 0; k < units.size(); ++k) {
      const auto& [w, u] = units[k];
      (u->latin ? latin_units_by_first : other_units_by_first)[Lower(w[0])].push_back(static_cast<uint32_t>(k));
    }
    for (const char* p : kCodePrefixes) code_prefixes.push_back(U32(p));
    std::sort(code_prefixes.begin(), code_prefixes.end(),
              [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const char* f : kLabelFillers) fillers.push_back(U32(f));
    // No literal is empty (one would end every text).
    for (const auto& [w, q] : prefix) (IsLatin(w.front()) ? prefix_latin_ends : prefix_other_ends).push_back(Lower(w.back()));
    for (const std::u32string& w : code_prefixes) code_prefix_ends.push_back(Lower(w.back()));
    for (std::u32string* ends : {&prefix_latin_ends, &prefix_other_ends, &code_prefix_ends}) {
      std::sort(ends->begin(), ends->end());
      ends->erase(std::unique(ends->begin(), ends->end()), ends->end());
    }
  }
};

// Whether the code point before `i` of `line` may end one of the literals whose last code points
// (lower case, sorted) are `ends`: false where LineCps::EndsAt is false for each of them.
bool MayEndOneOf(const LineCps& line, size_t i, std::u32string_view ends) {
  return i > 0 && i <= line.size() && std::binary_search(ends.begin(), ends.end(), Lower(line.at(i - 1)));
}

const Tables& GetTables() {
  static const Tables tables;
  return tables;
}

// A Latin word ends here (no letter or digit follows).
bool WordEnd(const LineCps& line, size_t i) { return !IsLatin(line.at(i)) && !IsDigit(line.at(i)); }

size_t SkipSpaces(const LineCps& line, size_t i, size_t max = 1) {
  size_t k = 0;
  while (k < max && line.at(i + k) == U' ') ++k;
  return i + k;
}

struct Parsed {
  size_t begin = 0;  // first digit (or sign)
  size_t end = 0;    // past the whole fact
  size_t digits_end = 0;
  double printed = 0;
  int32_t decimals = 0;
  bool grouped = false;   // had thousands separators
  int int_digits = 0;
};

// Past the decimal part at k when OCR set one space after the decimal point ("13. 24"), else k.
size_t OcrSplitDecimalEnd(const LineCps& line, size_t k) {
  if (line.at(k) != U'.' || line.at(k + 1) != U' ' || !IsDigit(line.at(k + 2))) return k;
  k += 2;
  while (IsDigit(line.at(k))) ++k;
  return k;
}

// Whether [i, e) stands alone in a tab-separated cell: only spaces between it and a tab on one side
// and a tab or the line's edge on the other.
bool AloneInTabCell(const LineCps& line, size_t i, size_t e) {
  size_t before = i;
  while (before > 0 && line.at(before - 1) == U' ') --before;
  size_t after = e;
  while (line.at(after) == U' ') ++after;
  const bool tab_before = before > 0 && line.at(before - 1) == U'\t';
  const bool tab_after = line.at(after) == U'\t';
  return (tab_before || before == 0) && (tab_after || after >= line.size()) && (tab_before || tab_after);
}

// Whether the figure whose lead digits are [i, k) has comma groups of which at least one carries a
// space after its comma ("33, 298": OCR spacing) and stands alone in a tab-separated cell
// (AloneInTabCell), its decimal part OCR-split or not. Where else the text shares the cell, ", 298"
// may start another figure of a list, so it stays apart.
bool OcrSpacedGroupsInCell(const LineCps& line, size_t i, size_t k) {
  auto group = [&](size_t g) {
    return IsDigit(line.at(g)) && IsDigit(line.at(g + 1)) && IsDigit(line.at(g + 2)) && !IsDigit(line.at(g + 3));
  };
  size_t e = k;
  bool spaced = false;
  while (line.at(e) == U',') {
    const size_t g = line.at(e + 1) == U' ' ? e + 2 : e + 1;
    if (!group(g)) break;
    spaced = spaced || g == e + 2;
    e = g + 3;
  }
  if (!spaced || line.at(e) == U',') return false;
  if (line.at(e) == U'.' && IsDigit(line.at(e + 1))) {
    ++e;
    while (IsDigit(line.at(e))) ++e;
  } else {
    e = OcrSplitDecimalEnd(line, e);
  }
  return AloneInTabCell(line, i, e);
}

// Whether the number at i, whose point OCR split from its decimal part ending at e ("6. 2亿元"),
// stands inside a sentence: a CJK character right before it (a list marker opens a line or a cell,
// or follows punctuation or a space, never a word) and a magnitude, a unit or % right after the
// decimal part (a list item goes on with words: "1. 2016年", "2. 3个" after a line start).
bool OcrSplitDecimalInSentence(const LineCps& line, size_t i, size_t e) {
  if (i == 0 || !IsCjk(line.at(i - 1))) return false;
  const char32_t next = line.at(e);
  if (next == U'%' || next == 0xFF05) return true;
  const Tables& t = GetTables();
  for (const auto& [w, m] : t.magnitudes) {
    if (!m->latin && line.Match(e, w)) return true;
  }
  for (const auto& [w, u] : t.units) {
    if (!u->latin && line.Match(e, w)) return true;
  }
  return false;
}

// Parses digits, thousands groups and a decimal part at i (a digit). With `space_groups` (a
// document that writes its thousands with spaces, see WritesThousandsWithSpaces) groups of three
// digits set one space apart belong to the number as SpaceGroupsAt decides. A figure alone in a
// tab cell reads comma groups with a space after the comma as its own (OcrSpacedGroupsInCell), and
// a decimal part with a space after the point.
Parsed ParseNumber(const LineCps& line, size_t i, bool space_groups = false) {
  Parsed p;
  p.begin = i;
  std::string ascii;
  size_t k = i;
  while (IsDigit(line.at(k))) ascii.push_back(static_cast<char>(line.at(k++)));
  p.int_digits = static_cast<int>(ascii.size());
  if (p.int_digits <= 3) {
    const auto at = [&](size_t pos) { return line.at(pos); };
    char32_t sep = U',';
    size_t take = 3;  // groups to read: all comma groups
    if (space_groups) {
      const size_t spaced = SpaceGroupsAt(at, i, [&] { return line.MillionsOnLine(); });
      if (spaced > 0) {
        sep = U' ';
        take = spaced;
      }
    }
    if (sep == U',' && OcrSpacedGroupsInCell(line, i, k)) {
      while (line.at(k) == U',') {
        k += line.at(k + 1) == U' ' ? 2 : 1;
        for (size_t d = 0; d < 3; ++d) ascii.push_back(static_cast<char>(line.at(k + d)));
        k += 3;
      }
      p.grouped = true;
    }
    for (size_t g = 0; (sep == U',' || g < take) && space_thousands::GroupAt(at, k, sep); ++g) {
      for (size_t d = 1; d <= 3; ++d) ascii.push_back(static_cast<char>(line.at(k + d)));
      k += 4;
      p.grouped = true;
    }
  }
  // A decimal point OCR set a space after ("13. 24") belongs to the figure alone in a tab cell or
  // within a sentence (OcrSplitDecimalInSentence): elsewhere "1. 2016年…" is a list marker before a
  // year.
  const size_t split_end = line.at(k) == U'.' ? OcrSplitDecimalEnd(line, k) : k;
  const bool split_decimal =
      split_end != k && (AloneInTabCell(line, i, split_end) || OcrSplitDecimalInSentence(line, i, split_end));
  if (line.at(k) == U'.' && (IsDigit(line.at(k + 1)) || split_decimal)) {
    ascii.push_back('.');
    k += split_decimal ? 2 : 1;
    while (IsDigit(line.at(k))) {
      ascii.push_back(static_cast<char>(line.at(k++)));
      ++p.decimals;
    }
  }
  p.digits_end = k;
  p.end = k;
  p.printed = std::strtod(ascii.c_str(), nullptr);
  return p;
}

bool IsYearValue(const Parsed& p) {
  return !p.grouped && p.decimals == 0 && p.int_digits == 4 && p.printed >= 1900 &&
         p.printed <= 2100;
}

// Whether the text before `i` ends with one of the code prefixes (after spaces or a colon).
bool HasCodePrefix(const LineCps& line, size_t i) {
  size_t k = i;
  while (k > 0 && (line.at(k - 1) == U' ' || line.at(k - 1) == U':')) --k;
  if (!MayEndOneOf(line, k, GetTables().code_prefix_ends)) return false;
  for (const auto& p : GetTables().code_prefixes) {
    if (!line.EndsAt(k, p)) continue;
    size_t start = k - p.size();
    if (IsLatin(p[0]) && start > 0 && IsLatin(line.at(start - 1))) continue;
    return true;
  }
  return false;
}

// Whether line li's part of the matching view (the bytes LineCps decodes) holds an ASCII digit, the
// code point every fact starts at: an ASCII byte is a code point of its own in UTF-8, even among
// ill-formed bytes, so a line without one has no code point IsDigit accepts.
bool ViewLineHasDigit(const Document& doc, size_t li) {
  const Line& l = doc.line(li);
  std::string_view view(doc.view());
  uint64_t begin = doc.TextToView(l.offset);
  uint64_t end = std::min<uint64_t>(doc.TextToView(l.offset + l.length), view.size());
  return begin < end && lines::HasAsciiDigit(view.substr(begin, end - begin));
}

// A fact while step 1 reads it, its unit texts as strings; kept in the document's FactTexts once read.
struct Draft {
  esgaudit_fact_kind kind = ESGAUDIT_FACT_QUANTITY;
  uint32_t qualifiers = 0;
  double value = 0;
  double printed = 0;
  int32_t decimals = 0;
  double magnitude = 1;
  std::string unit;
  std::string unit_text;
};

class Extractor {
 public:
  Extractor(const Document& doc, FactTexts* texts) : doc_(doc), texts_(texts) {}

  // Step 1: kinds, values, units and qualifiers of every fact; the positions kept for step 2.
  std::vector<NumericFact> Run() {
    std::vector<NumericFact> facts;
    positions_.clear();
    lines_.clear();
    space_groups_ = WritesThousandsWithSpaces(doc_.view());
    for (size_t li = 0; li < doc_.line_count(); ++li) {
      if (!ViewLineHasDigit(doc_, li)) continue;  // no fact starts on it: not decoded
      // Every line with a digit holds a fact (one starts at each digit): kept for Label.
      lines_.emplace_back(doc_, li);
      LineCps& line = lines_.back();
      const uint32_t kept = static_cast<uint32_t>(lines_.size() - 1);
      size_t i = 0;
      size_t prev_end = 0;
      while (i < line.size()) {
        if (!IsDigit(line.at(i))) {
          ++i;
          continue;
        }
        Draft d;
        bool bare = false;
        size_t end = Classify(line, i, &d, &bare);
        uint64_t text_begin = line.TextOffset(FactBegin(line, i, d));
        uint64_t text_end = line.TextOffset(end);
        // The view drops spaces between a digit and CJK; the fact span must not swallow them, nor a
        // tab or an ideographic space after the unit ("6次\t").
        while (text_end > text_begin) {
          std::string_view t(doc_.text());
          if (t[text_end - 1] == ' ' || t[text_end - 1] == '\t') {
            --text_end;
          } else if (text_end - text_begin >= 3 && t.compare(text_end - 3, 3, "\xE3\x80\x80") == 0) {
            text_end -= 3;
          } else {
            break;
          }
        }
        NumericFact f;
        f.kind = d.kind;
        f.qualifiers = d.qualifiers;
        f.value = d.value;
        f.printed = d.printed;
        f.decimals = d.decimals;
        f.magnitude = d.magnitude;
        f.unit = texts_->Add(d.unit);
        f.unit_text = d.unit_text == d.unit ? f.unit : texts_->Add(d.unit_text);
        f.offset = text_begin;
        f.length = text_end > text_begin ? text_end - text_begin : 0;
        f.line = static_cast<uint32_t>(li);
        f.column = line.Column(i);
        facts.push_back(std::move(f));
        positions_.push_back({li, kept, i, end, prev_end, bare});
        prev_end = end;
        i = std::max(end, i + 1);
      }
      line.Shrink();
    }
    return facts;
  }

  // Step 2: labels within the model's cells; a bare number opening a cell inside a line is a list
  // marker when it looks like one.
  void Label(const Structure& structure, std::vector<NumericFact>* facts) {
    structure_ = &structure;
    cells_line_ = kNoLine;
    std::vector<uint32_t> figure_of(facts->size(), kNoIndex);
    for (size_t g = 0; g < structure.figures().size(); ++g) {
      uint32_t fact = structure.figures()[g].fact;
      if (fact < figure_of.size()) figure_of[fact] = static_cast<uint32_t>(g);
    }
    for (size_t k = 0; k < facts->size() && k < positions_.size(); ++k) {
      const Position& p = positions_[k];
      NumericFact& f = (*facts)[k];
      const LineCps& line = lines_[p.kept];
      const std::vector<LineCell>& cells = LineCells(p.line, line);
      const LineCell* cell = CellOf(cells, p.begin);
      if (p.bare && f.kind == ESGAUDIT_FACT_YEAR && CountInYearRange(k, *facts)) {
        f.kind = ESGAUDIT_FACT_QUANTITY;
      }
      if (p.bare && f.kind == ESGAUDIT_FACT_QUANTITY && cell != nullptr) {
        size_t s = p.begin;
        if (s > 0 && (line.at(s - 1) == U'(' || line.at(s - 1) == 0xFF08)) --s;
        if (cell->begin == s && IsListMarker(line, p.begin, p.end, /*cell_start=*/true)) {
          f.kind = ESGAUDIT_FACT_ORDINAL;
        }
      }
      std::string& label = label_text_;
      FillLabels(line, cell, p.begin, p.end, p.prev_end, &label);
      if (f.kind == ESGAUDIT_FACT_QUANTITY || f.kind == ESGAUDIT_FACT_PERCENT) JoinWrappedLabel(k, line, p, &label);
      f.label = texts_->Add(label);
      std::string_view column_label;
      std::string header;
      if (cell != nullptr) {
        header = ColumnHeader(p.line, static_cast<uint32_t>(cell - cells.data()), f.offset);
        column_label = header;
      }
      // An inline figure's label is its own text (label above); a split or stacked one's is not.
      if (column_label.empty() && figure_of[k] != kNoIndex &&
          structure.figures()[figure_of[k]].kind != ESGAUDIT_FIGURE_INLINE &&
          (f.kind == ESGAUDIT_FACT_QUANTITY || f.kind == ESGAUDIT_FACT_PERCENT)) {
        column_label = structure.figures()[figure_of[k]].label;
      }
      // A figure of a chart with nothing else naming its column: the chart's caption.
      if (column_label.empty() && (f.kind == ESGAUDIT_FACT_QUANTITY || f.kind == ESGAUDIT_FACT_PERCENT)) {
        if (const ChartCaption* c = structure.ChartCaptionOf(p.line)) column_label = c->text;
      }
      // A table's rows repeat their column's header: kept once while it repeats.
      if (column_label == last_column_label_) {
        f.column_label = last_column_label_;
      } else {
        f.column_label = last_column_label_ = texts_->Add(column_label);
      }
    }
    structure_ = nullptr;
    heads_table_ = nullptr;
  }

 private:
  // Where step 1 found a fact: code point indexes on its line.
  struct Position {
    size_t line;
    uint32_t kept;    // its line in lines_
    size_t begin;     // first digit
    size_t end;       // past the fact
    size_t prev_end;  // past the previous fact on the line, 0 for the first
    bool bare;        // a whole number without unit, grouping or decimals (a list marker may be; a
                      // year may be a count)
  };

  // "B737  234  211  1900" under a column of fleet counts: a bare number in the range of years is a
  // count when it stands in a table's grid after a count of its row, with counts and no year in the
  // nearest rows above and below it in its column (header rows aside). A row's first value stays a
  // year (a row led by its year), and so do a column of years (a year of commissioning beside each
  // plant's capacity) and a row of years (a header the model did not mark).
  bool CountInYearRange(size_t k, const std::vector<NumericFact>& facts) const {
    const NumericFact& f = facts[k];
    if (k == 0 || facts[k - 1].line != f.line || facts[k - 1].kind != ESGAUDIT_FACT_QUANTITY) return false;
    const LineStructure& ls = structure_->line(f.line);
    if (ls.table == kNoIndex || ls.table >= structure_->tables().size()) return false;
    const Table& t = structure_->tables()[ls.table];
    if (t.grid_rows == 0) return false;
    const auto first = structure_->table_cells().begin() + t.first_grid_cell;
    const auto last = first + t.grid_cell_count;
    auto holding = [&](uint64_t offset) -> const TableCell* {
      auto it = std::upper_bound(first, last, offset, [](uint64_t o, const TableCell& c) { return o < c.offset; });
      if (it == first) return nullptr;
      --it;
      return offset < it->offset + it->length ? &*it : nullptr;
    };
    const TableCell* cell = holding(f.offset);
    const TableCell* prev = holding(facts[k - 1].offset);
    if (cell == nullptr || prev == nullptr || prev == cell || prev->row != cell->row || prev->column == 0) return false;
    // The fact a cell holds and nothing else, blanks aside (a value cell; not a year inside a cell
    // of prose, "remaining from the 2050 domestic … emissions"). Facts are in text order.
    auto fact_in = [&](const TableCell& c) -> const NumericFact* {
      auto it = std::lower_bound(facts.begin(), facts.end(), c.offset,
                                 [](const NumericFact& x, uint64_t o) { return x.offset < o; });
      if (it == facts.end() || it->offset >= c.offset + c.length) return nullptr;
      const std::string_view text = doc_.text();
      const std::string_view before = text.substr(c.offset, it->offset - c.offset);
      const uint64_t end = std::min<uint64_t>(it->offset + it->length, c.offset + c.length);
      const std::string_view after = text.substr(end, c.offset + c.length - end);
      auto blank = [](std::string_view v) { return v.find_first_not_of(" \t\r\n") == std::string_view::npos; };
      return blank(before) && blank(after) ? &*it : nullptr;
    };
    // The cells of grid row r (listed row by row: one range, found by search, so the test stays
    // linear over a long table).
    auto row_cells = [&](uint32_t r) {
      const auto lo = std::lower_bound(first, last, r, [](const TableCell& c, uint32_t x) { return c.row < x; });
      return std::make_pair(lo, std::upper_bound(lo, last, r, [](uint32_t x, const TableCell& c) { return x < c.row; }));
    };
    // Both alone in their cells; a header cell, or a row holding another year, heads its columns
    // ("Category 1) | 2021 | 2022").
    if (fact_in(*cell) != &f || fact_in(*prev) != &facts[k - 1]) return false;
    if (cell->flags & ESGAUDIT_TABLE_CELL_HEADER) return false;
    for (auto [c, e] = row_cells(cell->row); c != e; ++c) {
      if (&*c == cell) continue;
      const NumericFact* n = fact_in(*c);
      if (n != nullptr && n->kind == ESGAUDIT_FACT_YEAR) return false;
    }
    int counts = 0;
    for (int dir : {-1, 1}) {
      // The nearest row of the next three in that direction with a value over this column.
      const long from = static_cast<long>(cell->row);
      for (long row = from + dir; row >= 0 && row < static_cast<long>(t.grid_rows) && std::labs(row - from) <= 3;
           row += dir) {
        const NumericFact* n = nullptr;
        bool header = false;
        for (auto [c, e] = row_cells(static_cast<uint32_t>(row)); c != e; ++c) {
          if (c->column > cell->column || cell->column >= c->column + c->column_span) continue;
          header = (c->flags & ESGAUDIT_TABLE_CELL_HEADER) != 0;
          n = fact_in(*c);
        }
        if (header) break;
        if (n == nullptr) continue;
        if (n->kind == ESGAUDIT_FACT_YEAR) return false;
        counts += n->kind == ESGAUDIT_FACT_QUANTITY;
        break;
      }
    }
    return counts > 0;
  }

  // The structure model's cells of line li in the line's code point indexes (converted once per
  // line: facts come in line order). Valid until it is asked for another line.
  const std::vector<LineCell>& LineCells(size_t li, const LineCps& line) {
    if (cells_line_ == li) return cells_;
    cells_.clear();
    const LineStructure& ls = structure_->line(li);
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const esgaudit::Cell& c = structure_->cells()[ls.first_cell + k];
      cells_.push_back({line.IndexOfView(c.view_begin), line.IndexOfView(c.view_end)});
    }
    cells_line_ = li;
    return cells_;
  }

  // The fact span starts at a minus sign when there is one.
  static size_t FactBegin(const LineCps& line, size_t i, const Draft& f) {
    if ((f.qualifiers & ESGAUDIT_QUAL_NEGATIVE) && i > 0 &&
        (line.at(i - 1) == U'-' || line.at(i - 1) == 0x2212)) {
      return i - 1;
    }
    return i;
  }

  // Fills kind, value, unit, qualifiers; returns the end of the fact (code point index).
  // *bare: a whole number without unit, grouping or decimals that is not a list marker at a line
  // start (one opening a cell inside a line is found by Label).
  size_t Classify(const LineCps& line, size_t i, Draft* f, bool* bare) {
    const Tables& t = GetTables();
    char32_t before = i > 0 ? line.at(i - 1) : 0;
    Parsed p = ParseNumber(line, i, space_groups_);
    f->printed = p.printed;
    f->decimals = p.decimals;
    f->value = p.printed;
    size_t k = p.digits_end;

    // Numbers glued to Latin letters: CO2, ISO14001, A1.2, FY2020.
    if (IsLatin(before) || before == U'_') {
      if (i >= 2 && Lower(line.at(i - 1)) == U'y' && Lower(line.at(i - 2)) == U'f' &&
          IsYearValue(p)) {
        f->kind = ESGAUDIT_FACT_YEAR;
        return k;
      }
      f->kind = ESGAUDIT_FACT_CODE;
      return ConsumeCode(line, k);
    }
    if (HasCodePrefix(line, i) && !SharesOfAClass(line, i, p)) {
      f->kind = ESGAUDIT_FACT_CODE;
      return ConsumeCode(line, k);
    }
    // Section numbers 1.2.3 and version-like strings.
    if (line.at(k) == U'.' && IsDigit(line.at(k + 1)) && p.decimals > 0) {
      f->kind = ESGAUDIT_FACT_ORDINAL;
      return ConsumeCode(line, k);
    }
    if (before == U'第' || (i >= 3 && line.Match(i - 3, U"No.")) ||
        (i >= 4 && line.Match(i - 4, U"No. ")) || (i >= 5 && line.Match(i - 5, U"page ")) ||
        (i >= 6 && line.Match(i - 6, U"pages ")) || (i >= 3 && line.Match(i - 3, U"p. "))) {
      f->kind = ESGAUDIT_FACT_ORDINAL;
      size_t u = MatchUnit(line, k, f);
      return u ? u : k;
    }

    // Dates and years.
    if (IsYearValue(p)) {
      if (line.at(k) == U'年') {
        size_t m = k + 1;
        if (IsDigit(line.at(m))) {
          Parsed month = ParseNumber(line, m);
          if (line.at(month.digits_end) == U'月' && month.printed >= 1 && month.printed <= 12) {
            f->kind = ESGAUDIT_FACT_DATE;
            size_t e = month.digits_end + 1;
            double day = 0;
            if (IsDigit(line.at(e))) {
              Parsed d = ParseNumber(line, e);
              if ((line.at(d.digits_end) == U'日' || line.at(d.digits_end) == U'号') &&
                  d.printed >= 1 && d.printed <= 31) {
                day = d.printed;
                e = d.digits_end + 1;
              }
            }
            f->value = p.printed * 10000 + month.printed * 100 + day;
            return e;
          }
        }
        f->kind = ESGAUDIT_FACT_YEAR;
        return line.at(k + 1) == U'度' ? k + 2 : k + 1;
      }
      char32_t sep = line.at(k);
      if ((sep == U'-' || sep == U'.' || sep == U'/') && IsDigit(line.at(k + 1))) {
        Parsed month = ParseNumber(line, k + 1);
        if (month.int_digits <= 2 && month.decimals == 0 && month.printed >= 1 &&
            month.printed <= 12 && line.at(month.digits_end) == sep &&
            IsDigit(line.at(month.digits_end + 1))) {
          Parsed d = ParseNumber(line, month.digits_end + 1);
          if (d.int_digits <= 2 && d.decimals == 0 && d.printed >= 1 && d.printed <= 31) {
            f->kind = ESGAUDIT_FACT_DATE;
            f->value = p.printed * 10000 + month.printed * 100 + d.printed;
            return d.digits_end;
          }
        }
      }
    }
    if (p.decimals == 0 && !p.grouped) {
      if (line.at(k) == U'月' && p.printed >= 1 && p.printed <= 12) {
        f->kind = ESGAUDIT_FACT_DATE;
        size_t e = k + 1;
        f->value = p.printed * 100;
        if (IsDigit(line.at(e))) {
          Parsed d = ParseNumber(line, e);
          if ((line.at(d.digits_end) == U'日' || line.at(d.digits_end) == U'号') &&
              d.printed >= 1 && d.printed <= 31) {
            f->value += d.printed;
            e = d.digits_end + 1;
          }
        }
        return e;
      }
      if ((line.at(k) == U'日' || line.at(k) == U'号') && p.printed >= 1 && p.printed <= 31 &&
          before != U'每') {
        f->kind = ESGAUDIT_FACT_DATE;
        return k + 1;
      }
    }
    // Telephone numbers: 0871-12345678, 400-123-4567, 13812345678.
    if (!p.grouped && p.decimals == 0) {
      if (line.at(k) == U'-' && IsDigit(line.at(k + 1)) &&
          ((line.at(i) == U'0' && p.int_digits >= 3 && p.int_digits <= 4) ||
           (p.int_digits == 3 && line.at(i) == U'4'))) {
        Parsed rest = ParseNumber(line, k + 1);
        if (rest.int_digits >= 3 && rest.decimals == 0) {
          f->kind = ESGAUDIT_FACT_CODE;
          return ConsumeCode(line, k);
        }
      }
    }

    // Quantity or percentage.
    f->kind = ESGAUDIT_FACT_QUANTITY;
    size_t pct = SkipSpaces(line, k, 2);
    if (line.at(pct) == U'%' || line.at(pct) == 0xFF05) {
      f->kind = ESGAUDIT_FACT_PERCENT;
      f->unit = f->unit_text = "%";
      k = pct + 1;
    } else {
      size_t after = MatchMagnitudeAndUnit(line, k, f);
      if (after == k && !p.grouped && p.decimals == 0 && p.int_digits >= 7) {
        f->kind = ESGAUDIT_FACT_CODE;
        return k;
      }
      k = after;
    }
    if (f->kind == ESGAUDIT_FACT_QUANTITY && f->unit.empty() && IsYearValue(p) &&
        !(i > 0 && (line.at(i - 1) == U'$' || line.at(i - 1) == U'¥' || line.at(i - 1) == 0xFFE5))) {
      f->kind = ESGAUDIT_FACT_YEAR;
      *bare = true;  // Label may find it is a count of a table's column (CountInYearRange)
      return k;
    }
    // Qualifiers after the unit.
    for (const auto& [w, q] : t.suffix) {
      if (line.Match(k, w)) {
        f->qualifiers |= q->bits;
        k += w.size();
        break;
      }
    }
    f->qualifiers |= PrefixQualifiers(line, i);
    if (i > 0 && (line.at(i - 1) == U'-' || line.at(i - 1) == 0x2212) &&
        !(i > 1 && (IsDigit(line.at(i - 2)) || IsLatin(line.at(i - 2))))) {
      f->qualifiers |= ESGAUDIT_QUAL_NEGATIVE;
      f->value = -f->value;
    } else if (before == U'负') {
      f->qualifiers |= ESGAUDIT_QUAL_NEGATIVE;
      f->value = -f->value;
    }
    // Currency signs printed before the number.
    if (f->unit.empty() && i > 0) {
      char32_t c = line.at(i - 1);
      if (c == U'¥' || c == 0xFFE5) f->unit = "元";
      if (c == U'$') f->unit = "USD";
      if (c == U'€') f->unit = "EUR";
      if (c == U'£') f->unit = "GBP";
    }
    if (f->kind == ESGAUDIT_FACT_QUANTITY && f->unit.empty() && p.decimals == 0 && !p.grouped) {
      if (IsListMarker(line, i, k, /*cell_start=*/false)) {
        f->kind = ESGAUDIT_FACT_ORDINAL;
      } else {
        *bare = true;
      }
    }
    return k;
  }

  // A股 / H股 before a number name the class of a stock code (A股：600011) or of a number of shares
  // (H股70,702万股): the latter has thousands groups, decimals, a magnitude or a unit; a code has none.
  bool SharesOfAClass(const LineCps& line, size_t i, const Parsed& p) {
    size_t k = i;
    while (k > 0 && (line.at(k - 1) == U' ' || line.at(k - 1) == U':')) --k;
    if (!line.EndsAt(k, U"A股") && !line.EndsAt(k, U"H股")) return false;
    if (k > 2 && IsLatin(line.at(k - 3))) return false;
    if (p.grouped || p.decimals > 0) return true;
    Draft scratch;
    return MatchMagnitudeAndUnit(line, p.digits_end, &scratch) > p.digits_end;
  }

  // 1. / 1、 / (1) / （1） at the start of a line or (`cell_start`) of a layout cell, or a number
  // alone on its line (a page number).
  static bool IsListMarker(const LineCps& line, size_t i, size_t end, bool cell_start) {
    size_t s = i;
    if (s > 0 && (line.at(s - 1) == U'(' || line.at(s - 1) == 0xFF08)) --s;
    size_t b = s;
    while (b > 0 && IsSpace(line.at(b - 1))) --b;
    if (!cell_start && b != 0) return false;
    char32_t c = line.at(end);
    // "384. 96": a decimal split by OCR, not a list marker's dot.
    if (c == U'.' && IsDigit(line.at(SkipSpaces(line, end + 1, 2)))) return false;
    if (c == U'、' || c == U')' || c == 0xFF09 || c == U'.') return true;
    size_t e = end;
    while (e < line.size() && IsSpace(line.at(e))) ++e;
    return b == 0 && e >= line.size();
  }

  static uint32_t PrefixQualifiers(const LineCps& line, size_t i) {
    size_t k = i;
    if (k > 0 && (line.at(k - 1) == U'-' || line.at(k - 1) == 0x2212)) --k;
    if (k > 0 && (line.at(k - 1) == U'¥' || line.at(k - 1) == 0xFFE5 || line.at(k - 1) == U'$')) --k;
    size_t trimmed = k;
    while (trimmed > 0 && line.at(trimmed - 1) == U' ') --trimmed;
    const Tables& tables = GetTables();
    if (!MayEndOneOf(line, trimmed, tables.prefix_latin_ends) && !MayEndOneOf(line, k, tables.prefix_other_ends)) return 0;
    for (const auto& [w, q] : tables.prefix) {
      size_t at = IsLatin(w[0]) ? trimmed : k;
      if (!line.EndsAt(at, w)) continue;
      size_t start = at - w.size();
      if (IsLatin(w[0]) && start > 0 && IsLatin(line.at(start - 1))) continue;
      if (w.size() == 1 && start > 0 && EndsInAWholeWord(std::u32string{line.at(start - 1), w[0]})) return 0;
      return q->bits;
    }
    return 0;
  }

  static size_t ConsumeCode(const LineCps& line, size_t k) {
    while ((line.at(k) == U'-' || line.at(k) == U'.' || line.at(k) == U'/' || line.at(k) == U':') &&
           IsDigit(line.at(k + 1))) {
      ++k;
      while (IsDigit(line.at(k))) ++k;
    }
    return k;
  }

  // Whether the one-character classifier `unit` ending before `e` stands for itself, not for the
  // first character of a word (kWordOpeners, kAfterPairs).
  static bool ClassifierEndsAt(const LineCps& line, char32_t unit, size_t e) {
    const char32_t next = line.at(e);
    if (unit == U'对' || unit == U'尾') {
      const size_t after = SkipSpaces(line, e, line.size());
      return after >= line.size() || kAfterPairs.find(next) != std::u32string_view::npos;
    }
    for (const WordOpener& w : kWordOpeners) {
      if (w.unit == unit) return w.next.find(next) == std::u32string_view::npos;
    }
    return true;
  }

  // Unit only (no magnitude) at k; returns the end or 0.
  static size_t MatchUnit(const LineCps& line, size_t k, Draft* f) {
    // Where a unit may start and the code point there: a unit whose first code point differs
    // cannot match (Match compares it first; at() past the line is 0, no unit's first).
    const size_t latin_at = SkipSpaces(line, k);
    const char32_t first = Lower(line.at(k));
    const char32_t latin_first = Lower(line.at(latin_at));
    const Tables& t = GetTables();
    static const std::vector<uint32_t> kNone;
    auto opening = [](const std::unordered_map<char32_t, std::vector<uint32_t>>& by_first, char32_t c) -> const std::vector<uint32_t>& {
      const auto it = by_first.find(c);
      return it == by_first.end() ? kNone : it->second;
    };
    // The entries opening with the code point where each may start, merged back into table order.
    const std::vector<uint32_t>& latin = opening(t.latin_units_by_first, latin_first);
    const std::vector<uint32_t>& other = opening(t.other_units_by_first, first);
    for (size_t a = 0, b = 0; a < latin.size() || b < other.size();) {
      const uint32_t index = b == other.size() || (a < latin.size() && latin[a] < other[b]) ? latin[a++] : other[b++];
      const auto& [w, u] = t.units[index];
      size_t at = u->latin ? latin_at : k;
      if (!line.Match(at, w)) continue;
      if (u->latin && !WordEnd(line, at + w.size())) continue;
      if (w.size() == 1 && !ClassifierEndsAt(line, w[0], at + 1)) continue;
      f->unit = u->canonical;
      f->unit_text = Encode(w);
      return at + w.size();
    }
    return 0;
  }

  // [magnitude][余|多][unit] at k; returns the new end (k when nothing matched).
  size_t MatchMagnitudeAndUnit(const LineCps& line, size_t k, Draft* f) {
    const Tables& t = GetTables();
    // A plain unit that starts like a magnitude (千瓦时, 千克, 千米) beats the magnitude.
    Draft plain;
    size_t plain_end = MatchUnit(line, k, &plain);
    size_t best_end = k;
    for (const auto& [w, m] : t.magnitudes) {
      size_t at = m->latin ? SkipSpaces(line, k) : k;
      if (!line.Match(at, w)) continue;
      if (m->latin && !WordEnd(line, at + w.size())) continue;
      size_t e = at + w.size();
      Draft with = *f;
      with.magnitude = m->factor;
      size_t inner = e;
      for (const auto& [iw, q] : t.inner) {
        if (line.Match(e, iw)) {
          Draft unit;
          // An OCR form with no unit after it is no qualifier (3万佘山: the place, not 余).
          if (IsOcrForm(q) && !MatchUnit(line, e + iw.size(), &unit)) break;
          with.qualifiers |= q->bits;
          inner = e + iw.size();
          break;
        }
      }
      size_t u = MatchUnit(line, inner, &with);
      size_t end = u ? u : inner;
      if (end > plain_end && end > best_end) {
        with.unit_text = Encode(line.Slice(k, end));
        while (!with.unit_text.empty() && with.unit_text[0] == ' ') with.unit_text.erase(0, 1);
        with.value = f->printed * m->factor;
        *f = with;
        best_end = end;
      }
      break;
    }
    if (best_end > k) return best_end;
    if (plain_end) {
      f->unit = plain.unit;
      f->unit_text = plain.unit_text;
      return plain_end;
    }
    // 300余人, 50多家; 90余万元, 50余万人次.
    for (const auto& [iw, q] : t.inner) {
      if (!line.Match(k, iw)) continue;
      Draft with = *f;
      if (size_t u = MatchUnit(line, k + iw.size(), &with)) {
        with.qualifiers |= q->bits;
        *f = with;
        return u;
      }
      Draft scaled = *f;
      size_t e = MatchMagnitudeAndUnit(line, k + iw.size(), &scaled);
      if (e > k + iw.size() && scaled.magnitude != 1) {
        scaled.qualifiers |= q->bits;
        scaled.unit_text = Encode(line.Slice(k, e));
        *f = scaled;
        return e;
      }
    }
    return k;
  }

  static bool IsOcrForm(const Qualifier* q) {
    return q >= std::begin(kOcrInnerQualifiers) && q < std::end(kOcrInnerQualifiers);
  }

  // Cells are disjoint and in line order: the one holding i is the last starting at or before it.
  static const LineCell* CellOf(const std::vector<LineCell>& cells, size_t i) {
    auto it = std::upper_bound(cells.begin(), cells.end(), i,
                               [](size_t x, const LineCell& c) { return x < c.begin; });
    if (it == cells.begin()) return nullptr;
    --it;
    return i < it->end ? &*it : nullptr;
  }

  static bool IsStop(char32_t c) {
    if (HanOrLetter(c)) return false;
    return kLabelStops.find(c) != std::u32string_view::npos || IsDigit(c) || c == U'%';
  }

  static std::u32string Trim(std::u32string s) {
    while (!s.empty() && (IsSpace(s.back()) || s.back() == U'-')) s.pop_back();
    size_t b = 0;
    while (b < s.size() && (IsSpace(s[b]) || s[b] == U'-')) ++b;
    s.erase(0, b);
    return s;
  }

  static std::u32string DropFillers(std::u32string s) {
    bool again = true;
    while (again && !s.empty()) {
      again = false;
      for (const auto& w : GetTables().fillers) {
        if (w.size() == 1 && EndsInAWholeWord(s)) continue;  // 行为, 节约 (kWholeWords)
        if (s.size() > w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0) {
          s.resize(s.size() - w.size());
          again = true;
        }
      }
      for (const auto& [w, q] : GetTables().prefix) {
        if (w.size() == 1 && EndsInAWholeWord(s)) continue;
        if (s.size() > w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0) {
          s.resize(s.size() - w.size());
          again = true;
        }
      }
      s = Trim(std::move(s));
    }
    return s;
  }

  static std::u32string Squeeze(std::u32string s) {
    // Collapse inner whitespace; drop spaces between CJK characters (letter-spacing). In place: the
    // kept characters s[0, w) never pass the one read, s[k].
    size_t w = 0;
    for (size_t k = 0; k < s.size(); ++k) {
      if (IsSpace(s[k])) {
        if (w == 0 || IsSpace(s[w - 1])) continue;
        size_t n = k;
        while (n < s.size() && IsSpace(s[n])) ++n;
        if (n < s.size() && (IsCjk(s[w - 1]) || IsCjk(s[n]))) continue;
        s[w++] = U' ';
        continue;
      }
      s[w++] = s[k];
    }
    s.resize(w);
    return Trim(std::move(s));
  }

  // Label text in the cell before the number, back to a stop; else after the fact.
  // A full stop ends an English sentence; "." inside a number ("1.5") is not reached here.
  static bool SentenceEnd(const LineCps& line, size_t k) {
    return line.at(k) == U'.' && (k + 1 >= line.size() || IsSpace(line.at(k + 1)));
  }
  static bool SentenceEnd(std::u32string_view s, size_t k) {
    return s[k] == U'.' && (k + 1 >= s.size() || IsSpace(s[k + 1]));
  }

  // Keeps the last `kMaxLabel` code points, starting at a word for Latin text.
  static std::u32string KeepTail(std::u32string s) {
    if (s.size() <= kMaxLabel) return s;
    s.erase(0, s.size() - kMaxLabel);  // in place: no copy of the tail
    size_t space = s.find(U' ');
    if (IsLatin(s[0]) && space != std::u32string::npos) s.erase(0, space + 1);
    return Trim(std::move(s));
  }
  static std::u32string KeepHead(std::u32string s) {
    if (s.size() <= kMaxLabel) return s;
    s.resize(kMaxLabel);
    size_t space = s.rfind(U' ');
    if (IsLatin(s.back()) && space != std::u32string::npos) s.resize(space);
    return Trim(std::move(s));
  }

  // LabelBefore and LabelAfter write into *out (its storage passed along the steps by moves).
  static void LabelBefore(const LineCps& line, size_t from, size_t i, std::u32string* out) {
    size_t b = i;
    while (b > from && !IsStop(line.at(b - 1)) && !SentenceEnd(line, b - 1)) --b;
    // 其中 ("of which") links the number to an earlier total; the label is what follows it.
    for (size_t k = i; k >= b + 2; --k) {
      if (line.at(k - 2) == U'其' && line.at(k - 1) == U'中') {
        b = k;
        break;
      }
    }
    line.SliceInto(b, i, out);
    *out = KeepTail(DropFillers(Squeeze(std::move(*out))));
  }
  static void LabelAfter(const LineCps& line, size_t end, size_t to, std::u32string* out) {
    size_t e = end;
    while (e < to && !IsStop(line.at(e)) && line.at(e) != U'.') ++e;
    line.SliceInto(end, e, out);
    *out = KeepHead(Squeeze(std::move(*out)));
  }

  // A figure of prose whose clause (the structure model's) began on an earlier line, the layout
  // having wrapped its label inside a word (`外部董` over `事8人`): when its own line holds only one to
  // three Han characters before it, after nothing that stops a label, and the piece before ends with a
  // Han character, the label runs back through the clause's earlier pieces to a stop, as it would on
  // one line. A longer text before the figure is a label of its own (a row label under a line the
  // model chained to it), and a figure opening its line (`6.7` over `million customers`) keeps the
  // label it has.
  void JoinWrappedLabel(size_t k, const LineCps& line, const Position& p, std::string* out) {
    const uint32_t c = structure_->ClauseOfFact(k);
    if (c == kNoIndex || c >= structure_->clauses().size()) return;
    const Clause& clause = structure_->clauses()[c];
    const std::vector<TextSpan>& spans = structure_->spans();
    if (clause.span_count < 2 || clause.first_span + clause.span_count > spans.size()) return;
    uint32_t piece = clause.first_span + 1;
    while (piece < clause.first_span + clause.span_count && spans[piece].line != p.line) ++piece;
    if (piece == clause.first_span + clause.span_count) return;
    const size_t start = line.IndexOfView(spans[piece].view_begin);
    size_t label_end = p.begin;
    if (label_end > start && (line.at(label_end - 1) == U'-' || line.at(label_end - 1) == 0x2212)) --label_end;
    if (start >= label_end || label_end - start > 3) return;
    for (size_t q = start; q < label_end; ++q) {
      if (!IsCjk(line.at(q))) return;
    }
    // The earlier pieces' text back to a stop, then this line's text before the figure.
    const std::string_view view(doc_.view());
    std::u32string before;
    for (uint32_t s = piece; s-- > clause.first_span;) {
      if (spans[s].view_end > view.size() || spans[s].view_begin > spans[s].view_end) return;
      std::u32string text = Decode(view.substr(spans[s].view_begin, spans[s].view_end - spans[s].view_begin));
      while (!text.empty() && IsSpace(text.back())) text.pop_back();
      if (s + 1 == piece && (text.empty() || !IsCjk(text.back()))) return;
      size_t b = text.size();
      while (b > 0 && !IsStop(text[b - 1]) && !SentenceEnd(text, b - 1)) --b;
      // Text right after a figure is its unit and words (`直通车13对` over `开展1对1帮扶`), no label.
      if (b > 0 && (IsDigit(text[b - 1]) || text[b - 1] == U'%')) return;
      before.insert(0, text, b, std::u32string::npos);
      if (b > 0 || before.size() > 2 * kMaxLabel) break;
    }
    if (before.empty()) return;
    std::u32string own;
    line.SliceInto(start, label_end, &own);
    std::u32string label = before + own;
    const size_t qi = label.rfind(U"其中");
    if (qi != std::u32string::npos) label.erase(0, qi + 2);
    label = KeepTail(DropFillers(Squeeze(std::move(label))));
    if (!label.empty()) *out = Encode(label);
  }

  void FillLabels(const LineCps& line, const LineCell* cell, size_t i, size_t end, size_t prev_end,
                  std::string* out) {
    size_t from = cell ? std::max(cell->begin, prev_end) : prev_end;
    size_t to = cell ? std::max(cell->end, end) : line.size();
    size_t label_end = i;
    if (label_end > 0 && (line.at(label_end - 1) == U'-' || line.at(label_end - 1) == 0x2212)) {
      --label_end;
    }
    std::u32string& label = label_;
    label.clear();
    if (from < label_end) LabelBefore(line, from, label_end, &label);
    if (label.empty()) LabelAfter(line, end, to, &label);
    *out = Encode(label);
  }

  // The header of the model table column holding cell `cell_index` of line `li` (the fact at text
  // offset `offset`), or empty: outside a table, in its header, or where the row's cells cannot be
  // placed under the header's. A markup grid places its cells; elsewhere the model's columns are
  // the row's cells in order (empty slots are no cells): a row with as many cells as the header
  // reads them one to one, a row with one more (no title over the row labels) from its second
  // cell. Any other row (a value missing in a row of an aligned table) gets none.
  std::string ColumnHeader(size_t li, uint32_t cell_index, uint64_t offset) const {
    const LineStructure& ls = structure_->line(li);
    if (ls.table == kNoIndex || ls.table >= structure_->tables().size()) return "";
    const Table& t = structure_->tables()[ls.table];
    if (t.grid_rows > 0) return GridHeader(t, offset);
    if (t.header_line == kNoIndex || t.header_line == li) return "";
    // The lines' cells counted with side-banner letters aside: the cell's place among the row's,
    // and the header's cell at that place.
    const LineStructure& row = structure_->line(li);
    const LineStructure& head = structure_->line(t.header_line);
    auto banner = [&](const LineStructure& l, uint32_t k) {
      return (structure_->cells()[l.first_cell + k].flags & ESGAUDIT_CELL_SIDE_BANNER) != 0;
    };
    size_t row_size = 0;
    size_t pos = SIZE_MAX;
    for (uint32_t k = 0; k < row.cell_count; ++k) {
      if (banner(row, k)) continue;
      if (k == cell_index) pos = row_size;
      ++row_size;
    }
    if (pos == SIZE_MAX) return "";
    size_t head_size = 0;
    for (uint32_t k = 0; k < head.cell_count; ++k) head_size += !banner(head, k);
    if (head_size + 1 == row_size) {
      if (pos == 0) return "";
      --pos;
    } else if (head_size != row_size) {
      return "";
    }
    uint32_t head_cell = 0;
    for (size_t seen = 0;; ++head_cell) {
      if (banner(head, head_cell)) continue;
      if (seen++ == pos) break;
    }
    const esgaudit::Cell& h = structure_->cells()[head.first_cell + head_cell];
    return HeaderText(std::string_view(doc_.view()).substr(h.view_begin, h.view_end - h.view_begin));
  }

  // In a markup grid: the cell holding `offset`, and the text of the lowest header cell over its
  // column (header rows as the model reads them: the top rows of header cells, else the first row).
  std::string GridHeader(const Table& t, uint64_t offset) const {
    const auto first = structure_->table_cells().begin() + t.first_grid_cell;
    const auto last = first + t.grid_cell_count;
    // Grid cells are listed row by row, so in text order: the one holding offset is the last
    // starting at or before it.
    auto it = std::upper_bound(first, last, offset, [](uint64_t o, const TableCell& c) { return o < c.offset; });
    if (it == first) return "";
    const TableCell& cell = *--it;
    if (offset >= cell.offset + cell.length) return "";
    uint32_t header_rows = 0;
    for (auto c = first; c != last && c->row == header_rows; ) {
      const uint32_t row = c->row;
      bool all = true;
      for (; c != last && c->row == row; ++c) all = all && (c->flags & ESGAUDIT_TABLE_CELL_HEADER) != 0;
      if (!all) break;
      header_rows = row + 1;
    }
    if (header_rows == 0 && t.grid_rows > 1) {
      // The first row of a grid without header cells heads it unless it holds figures (a table
      // without a header starts with its data).
      header_rows = 1;
      for (auto c = first; c != last && c->row == 0; ++c) {
        if (c->column > 0 && FigureText(c->text)) return "";
      }
    }
    if (cell.row < header_rows) return "";
    // A row of two or more header cells further down (a second header over tables stacked under
    // one title; not a group title alone on its row) heads the rows below it instead. Which rows
    // head each row is read in one pass over the grid, kept while facts of the table come.
    if (heads_table_ != &t || heads_.size() != static_cast<size_t>(t.grid_rows) + 1) {
      heads_table_ = &t;
      heads_.assign(static_cast<size_t>(t.grid_rows) + 1, Heads{0, header_rows, 0});
      Heads h{0, header_rows, 0};
      auto c = first;
      for (uint32_t row = 0; row <= t.grid_rows; ++row) {
        heads_[row] = h;
        const auto row_first = c;
        bool all = true;
        uint32_t count = 0;
        for (; c != last && c->row == row; ++c, ++count) all = all && (c->flags & ESGAUDIT_TABLE_CELL_HEADER) != 0;
        if (!all || count < 2 || row < header_rows) continue;
        if (h.end != row) {
          h.begin = row;
          h.from = static_cast<size_t>(row_first - first);
        }
        h.end = row + 1;
      }
    }
    const Heads& h = heads_[std::min<size_t>(cell.row, t.grid_rows)];
    const uint32_t head_begin = h.begin, head_end = h.end;
    const auto from = head_begin == 0 ? first : first + static_cast<std::ptrdiff_t>(h.from);
    if (cell.flags & ESGAUDIT_TABLE_CELL_HEADER) {  // a cell of such a row itself heads its column
      uint32_t count = 0;
      bool all = true;
      for (auto c = from; c != last && c->row <= cell.row; ++c) {
        if (c->row != cell.row) continue;
        all = all && (c->flags & ESGAUDIT_TABLE_CELL_HEADER) != 0;
        ++count;
      }
      if (all && count >= 2) return "";
    }
    const TableCell* best = nullptr;
    for (auto c = from; c != last && c->row < head_end; ++c) {
      if (c->row < head_begin) continue;
      if (c->column <= cell.column && cell.column < c->column + c->column_span && !c->text.empty()) best = &*c;
    }
    return best == nullptr ? "" : HeaderText(best->text);
  }

  // A cell starting with a figure that is not a year ("22", "1,446", "98%"; not "2020", "2020年").
  static bool FigureText(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '-')) t.remove_prefix(1);
    if (t.empty() || t.front() < '0' || t.front() > '9') return false;
    size_t digits = 0;
    while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
    const bool year = digits == 4 && (t.compare(0, 2, "19") == 0 || t.compare(0, 2, "20") == 0) &&
                      (t.size() == 4 || (t[4] != '.' && t[4] != ',' && t[4] != '%'));
    return !year;
  }

  // Blanks collapsed (none between CJK characters), at most kMaxLabel code points.
  static std::string HeaderText(std::string_view text) { return Encode(KeepHead(Squeeze(Decode(text)))); }

  const Document& doc_;
  const Structure* structure_ = nullptr;  // during Label
  // GridHeader's header rows of each row of the grid heads_table_ (begin, end, and the index of the
  // begin row's first cell in the grid), during Label.
  struct Heads {
    uint32_t begin;
    uint32_t end;
    size_t from;
  };
  mutable const Table* heads_table_ = nullptr;
  mutable std::vector<Heads> heads_;
  std::vector<Position> positions_;
  bool space_groups_ = false;  // the document writes its thousands with spaces
  std::vector<LineCps> lines_;  // from Extract to Label: the decoded lines that hold a fact, in order
  static constexpr size_t kNoLine = SIZE_MAX;
  size_t cells_line_ = kNoLine;
  std::vector<LineCell> cells_;  // of line cells_line_, during Label (its storage kept from line to line)
  std::u32string label_;         // a fact's label during Label (its storage kept from fact to fact)
  std::string label_text_;       // the same as UTF-8
  FactText last_column_label_;   // the last column label kept, during Label
  FactTexts* texts_;             // where the facts' texts are kept
};

}  // namespace

bool WritesThousandsWithSpaces(std::string_view v) {
  auto digit = [&](size_t k) { return k < v.size() && v[k] >= '0' && v[k] <= '9'; };
  size_t zero_groups = 0;
  for (size_t k = 0; k < v.size(); ++k) {
    if (!digit(k)) {
      // No number starts before the next digit: past eight bytes at a time while none is one (most
      // of a Chinese report; each byte was tested alone, twice a document).
      while (k + 9 <= v.size() && !bytes8::AnyByteIn(bytes8::Load8(v.data() + k + 1), '0', '9')) k += 8;
      continue;
    }
    if (k > 0 && (digit(k - 1) || v[k - 1] == '.' || v[k - 1] == ',')) continue;
    size_t e = k;
    while (digit(e)) ++e;
    if (e - k > 3) continue;
    if (e < v.size() && v[e] == ',' && digit(e + 1) && digit(e + 2) && digit(e + 3) && !digit(e + 4)) {
      return false;
    }
    if (e < v.size() && v[e] == ' ' && ZeroGroupToken(v.substr(e + 1, 3)) && !digit(e + 4)) ++zero_groups;
  }
  return zero_groups >= 3;
}

struct FactExtractor::Impl : Extractor {
  using Extractor::Extractor;
};

FactText FactTexts::Add(std::string_view s) {
  if (s.empty()) return FactText();
  // Blocks of 64 KiB; a text longer than a sixteenth of one has a block of its own, before the
  // current one so that its room stays in use.
  constexpr size_t kBlock = 64 * 1024;
  if (s.size() > kBlock / 16) {
    auto own = std::make_unique<char[]>(s.size());
    std::memcpy(own.get(), s.data(), s.size());
    const char* at = own.get();
    blocks_.insert(blocks_.empty() ? blocks_.end() : blocks_.end() - 1, std::move(own));
    return FactText(at, s.size());
  }
  if (room_ - used_ < s.size()) {
    blocks_.push_back(std::make_unique<char[]>(kBlock));
    used_ = 0;
    room_ = kBlock;
  }
  char* at = blocks_.back().get() + used_;
  std::memcpy(at, s.data(), s.size());
  used_ += s.size();
  return FactText(at, s.size());
}

FactExtractor::FactExtractor(const Document& doc, FactTexts* texts)
    : impl_(std::make_unique<Impl>(doc, texts)) {}
FactExtractor::~FactExtractor() = default;
std::vector<NumericFact> FactExtractor::Extract() { return impl_->Run(); }
void FactExtractor::Label(const Structure& structure, std::vector<NumericFact>* facts) {
  impl_->Label(structure, facts);
}

}  // namespace esgaudit
