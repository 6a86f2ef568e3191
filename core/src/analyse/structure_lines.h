// Facts of one line that several passes of the structure model's build read (page furniture,
// page numbers, roles, sections): computed once per line after the cells are split
// (StructureBuilder::IndexLines), where each pass derived them again from the line's text at each
// question. Private to the core.
#ifndef ESGAUDIT_ANALYSE_STRUCTURE_LINES_H_
#define ESGAUDIT_ANALYSE_STRUCTURE_LINES_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit {
namespace lines {

// A byte std::regex reads as \s (the C locale's white space: space, \t, \n, \v, \f, \r): the plain
// readers of the model's former expressions read blanks as the expressions did.
inline bool IsRegexSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// `s` without its spaces and tabs (other white space, a full-width space or a CR, stays).
std::string Squeeze(std::string_view s);
// Squeeze(a) == Squeeze(b), without building either.
bool SameSqueezed(std::string_view a, std::string_view b);
// Squeeze(AsciiLower(s)) in one pass.
std::string SqueezeLower(std::string_view s);
// Appends SqueezeLower(s) to *out.
void AppendSqueezeLower(std::string_view s, std::string* out);
// Appends `s` to *out without its ASCII digits, spaces and slashes (a running header's key:
// "01 /上海石化2016年企业社会责任报告" and "上海石化2016年企业社会责任报告/ 02" fall together),
// the bytes between them a run at a time.
void AppendUnnumbered(std::string_view s, std::string* out);

// Whether `s` holds an ASCII digit (a UTF-8 lead or continuation byte, or a full-width digit, is none).
bool HasAsciiDigit(std::string_view s);
// How many ASCII digits a space (std::regex's \s: space, \t, \n, \v, \f, \r) or the end follows: the
// most matches (\d{1,3})(?=\s|$) can have in `s`, since each ends at one of them.
size_t NumbersBeforeSpace(std::string_view s);
// The first match of (\d{1,3})(?=\s|$) in `s` at or after `from` (std::regex_search's, \s as above):
// its offset, its length in *length; npos when there is none. A match is the last one to three
// digits of a run of digits that a blank or the end follows.
size_t NextNumberBeforeSpace(std::string_view s, size_t from, size_t* length);

// Split's two byte scans of a line, eight bytes at a time where a word of eight holds none of the
// bytes they stop at. LineEndIn: the first '\n' or '\f' of view[b, e), or e. NextCellMark: the first
// position of [i, e) where Split acts, a tab, '|', '<' or a space followed by another, or e (a single
// space is passed over, as Split passes it).
size_t LineEndIn(std::string_view view, size_t b, size_t e);
size_t NextCellMark(std::string_view view, size_t i, size_t e);
// Whether (\.{4,}|_{4,}|(?:…){2,}|(?:·){4,})\s*-?\s*\d{1,3}\s*-?\s*$ matches in `s` (a contents
// line's leader and page number at its end: "报告说明......2", "Our people ____ - 14 -"), read
// back from the end.
bool EndsWithLeaderAndPage(std::string_view s);

// "- 12 -", "P12", "第12页", "第12页共47页", "Page 12", "Page 12 of 80", "12 / 80" (at most 24
// bytes): a page number whatever its place. A bare "12" is none.
bool DecoratedPageNumber(std::string_view t);
// Where DecoratedPageNumberExpression can match all of `t`: at most 24 bytes holding an ASCII digit
// and opening with a dash (- — – －), p, P, 第 or a digit. DecoratedPageNumber reads `t` only then.
bool MayBeDecoratedPageNumber(std::string_view t);
// The expression DecoratedPageNumber answers as (matched against the whole text), read by plain
// code: the tests compare the two.
const std::regex& DecoratedPageNumberExpression();
// "单位:吨", "(单位:百分比(%))", "Unit: tonnes" (at most 60 bytes; the matching view has ASCII
// colons and brackets): a cell stating only a unit, a table's or chart's caption.
bool UnitCaptionText(std::string_view t);
// `trimmed` (a line without its leading and trailing spaces and tabs) ends with 。！？.!?
bool EndsSentence(std::string_view trimmed);

// Distinct strings numbered 0, 1, ... in the order they are first added, by open addressing over
// their Hash (no node or copy per string: the views must outlive the table). Built for at most
// `capacity` additions, which keep the table at most half full.
class ViewGroups {
 public:
  explicit ViewGroups(size_t capacity) {
    size_t slots = 16;
    while (slots < 2 * capacity) slots <<= 1;
    slots_.assign(slots, 0);
    views_.reserve(capacity);
  }
  // The group of `v`: a new one when no equal string was added before.
  uint32_t Add(std::string_view v) {
    const size_t mask = slots_.size() - 1;
    for (size_t h = Hash(v) & mask;; h = (h + 1) & mask) {
      if (slots_[h] == 0) {
        views_.push_back(v);
        slots_[h] = static_cast<uint32_t>(views_.size());
        return slots_[h] - 1;
      }
      if (views_[slots_[h] - 1] == v) return slots_[h] - 1;
    }
  }
  size_t size() const { return views_.size(); }
  std::string_view View(uint32_t group) const { return views_[group]; }

  // A string's slot: its length and three eight-byte windows (its first, middle and last eight
  // bytes; a shorter string's bytes), mixed by multiplies. Strings differing only outside the windows
  // share a slot and are told apart by the comparison in Add; std::hash read every byte (about two
  // instructions a byte on keys of tens of bytes).
  static uint64_t Hash(std::string_view v) {
    const char* p = v.data();
    const size_t n = v.size();
    uint64_t a = 0, b = 0, c = 0;
    if (n >= 8) {
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + (n - 8) / 2, 8);
      std::memcpy(&c, p + n - 8, 8);
    } else {
      for (size_t k = 0; k < n; ++k) a |= static_cast<uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
    }
    uint64_t x = (a * 0x9e3779b97f4a7c15ULL) ^ (b * 0xc2b2ae3d27d4eb4fULL) ^ (c * 0x165667b19e3779f9ULL) ^ n;
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ULL;
    return x ^ (x >> 32);
  }

 private:
  std::vector<uint32_t> slots_;  // 1 + a group, 0 when free
  std::vector<std::string_view> views_;
};

// The bits of LineFlags.
constexpr uint8_t kMarkdownHeading = 1;  // the loaded line starts with '#' after spaces and tabs
constexpr uint8_t kPageNumber = 2;       // one cell, a DecoratedPageNumber
constexpr uint8_t kUnitCaption = 4;      // one cell, a UnitCaptionText
constexpr uint8_t kSentenceEnd = 8;      // the line in the matching view, trimmed, EndsSentence

// The facts of one line: `view` its text in the matching view, `raw` its text as loaded,
// `cell_count` its number of cells and `first_cell` the text of its first (any when it has none).
uint8_t LineFlags(std::string_view view, std::string_view raw, size_t cell_count, std::string_view first_cell);

}  // namespace lines
}  // namespace esgaudit

#endif  // ESGAUDIT_ANALYSE_STRUCTURE_LINES_H_
