// Thousands set apart by spaces ("1 973 909"): the one place that decides which groups of three
// digits set one space after a figure belong to it. Used by the fact reader (facts.cc) and by the
// rows of single-space-joined tables (structure_tables.cc). Private to the core.
#ifndef ESGAUDIT_ANALYSE_SPACE_THOUSANDS_H_
#define ESGAUDIT_ANALYSE_SPACE_THOUSANDS_H_

#include <cstddef>
#include <string_view>

namespace esgaudit {

// A token of exactly three ASCII digits opening with 0 ("000", "067"): no figure prints a leading
// zero, so after a figure and one space it is that figure's thousands group, never a value of its own.
inline bool ZeroGroupToken(std::string_view t) {
  return t.size() == 3 && t[0] == '0' && t[1] >= '0' && t[1] <= '9' && t[2] >= '0' && t[2] <= '9';
}

// Whether a document writes its thousands with spaces: at least three numbers with a group of three
// digits opening with 0 set one space after one to three digits ("15 000", "33 067"), and no number
// anywhere with a comma thousands separator. Reads the matching view (no-break and thin spaces are
// spaces there). Only such a document has figures whose groups are set apart by spaces; elsewhere
// two adjacent three-digit cells ("22 111") are two values.
bool WritesThousandsWithSpaces(std::string_view view);

// How many of the `groups` groups of three digits set one space apart after a lead of `lead_digits`
// digits (1 to 3; the lead itself no group of an earlier run) belong to the lead's figure, in a
// document that writes its thousands with spaces. `zero` has bit g set when group g opens with 0;
// `millions_on_line` says the line holds two or more runs of a lead and exactly two groups (a row of
// figures in millions, "81 385 568 82 779 476"). The rules, from what the text can tell apart:
//  - a group opening with 0 belongs to the figure before it, and so do the groups before it;
//  - a first group opening with another digit belongs to a lead of one or two digits ("19 366"), not
//    to a lead of three ("147 310": two cells as well as one figure) but where SpaceGroupsAt finds the
//    run alone within a sentence's lowercase words;
//  - a second such group only where a figure in millions is the likely reading: after a lead of one
//    digit ("1 973 909": a one-digit cell before a six-digit one is rare), or on a line of such runs.
//    "19 366 276" alone is read as 19 366 and 276 (a five-digit cell and a three-digit one);
//  - a run of more than two groups takes only the groups up to its last one opening with 0
//    ("33 067 926 422": 33 067, then 926 and 422), and none beyond the second (below a thousand million).
inline size_t SpaceGroupsTaken(int lead_digits, size_t groups, unsigned zero, bool millions_on_line) {
  size_t forced = 0;  // up to and including the last group opening with 0
  for (size_t g = 0; g < groups && g < 2; ++g)
    if (zero & (1u << g)) forced = g + 1;
  if (groups > 2) {
    for (size_t g = 2; g < groups && g < 32; ++g)
      if (zero & (1u << g)) return 0;  // a zero group beyond the second: no reading below a thousand million
    return forced;
  }
  size_t taken = forced;
  if (taken == 0 && groups >= 1 && lead_digits < 3) taken = 1;
  if (taken == 1 && groups == 2 && (lead_digits == 1 || millions_on_line)) taken = 2;
  return taken;
}

// The same decision read from a line's characters, for the fact reader (code points) and the
// structure's rows (bytes): `at(k)` is the character at position k, 0 past the end.
namespace space_thousands {

template <class At>
bool Digit(const At& at, size_t k) {
  const char32_t c = at(k);
  return c >= U'0' && c <= U'9';
}

// A group of exactly three digits led by `sep` at k.
template <class At>
bool GroupAt(const At& at, size_t k, char32_t sep) {
  return at(k) == sep && Digit(at, k + 1) && Digit(at, k + 2) && Digit(at, k + 3) && !Digit(at, k + 4);
}

// Whether a run may start at i: a lead of one to three digits, not part of a longer number, and not
// three digits right after a figure and a space (a group of a run read as pieces).
template <class At>
bool RunLeadAt(const At& at, size_t i) {
  if (!Digit(at, i)) return false;
  if (i > 0 && (Digit(at, i - 1) || at(i - 1) == U'.' || at(i - 1) == U',')) return false;
  size_t k = i;
  while (Digit(at, k)) ++k;
  if (k - i > 3) return false;
  return !(k - i == 3 && i >= 2 && at(i - 1) == U' ' && Digit(at, i - 2));
}

// Whether the run whose lead starts at i and whose one group ends before `end` stands within a sentence:
// a lowercase word of two letters or more and one space before it, one space and a lowercase letter after
// it ("delivering 817 312 modules"). Adjacent cells of a row stand after a capitalised label or a figure.
template <class At>
bool WithinLowercaseWords(const At& at, size_t i, size_t end) {
  auto lower = [&](size_t k) { return at(k) >= U'a' && at(k) <= U'z'; };
  auto letter = [&](size_t k) { return lower(k) || (at(k) >= U'A' && at(k) <= U'Z'); };
  if (i < 3 || at(i - 1) != U' ' || !lower(i - 2) || !lower(i - 3)) return false;
  size_t b = i - 3;
  while (b > 0 && lower(b - 1)) --b;
  if (b > 0 && letter(b - 1)) return false;  // "Sites": a capitalised label
  return at(end) == U' ' && lower(end + 1);
}

// Whether the line (positions below n) holds two or more runs of a lead and exactly two groups.
template <class At>
bool MillionsOnLine(const At& at, size_t n) {
  int runs = 0;
  for (size_t i = 0; i < n; ++i) {
    if (!RunLeadAt(at, i)) continue;
    size_t k = i;
    while (Digit(at, k)) ++k;
    if (GroupAt(at, k, U' ') && GroupAt(at, k + 4, U' ') && !GroupAt(at, k + 8, U' ') && ++runs >= 2) return true;
  }
  return false;
}

// MillionsOnLine of one line, scanned when first asked and then kept. A reader of a line's figures keeps
// one per line and hands it to SpaceGroupsAt for each figure: the scan stops at the line's second run,
// but when the first two runs are far apart every figure asking would scan that far again (figures x
// line length on a long line). `at` must outlive it.
template <class At>
class LineMillions {
 public:
  LineMillions(const At& at, size_t n) : at_(at), n_(n) {}
  bool operator()() const {
    if (known_ < 0) known_ = MillionsOnLine(at_, n_) ? 1 : 0;
    return known_ == 1;
  }

 private:
  const At& at_;
  size_t n_;
  mutable int known_ = -1;  // -1 until scanned
};

}  // namespace space_thousands

// How many groups set one space apart belong to the figure whose first digit is at i, on a line read
// through `at`, in a document that writes its thousands with spaces (SpaceGroupsTaken); 0 where i starts
// no run or the figure goes on with comma groups. `millions_on_line()` answers MillionsOnLine for the
// line; it is asked only for a lead of two or three digits and exactly two groups, the one reading it
// decides (a caller keeps one answer per line: space_thousands::LineMillions).
template <class At, class Millions>
size_t SpaceGroupsAt(const At& at, size_t i, const Millions& millions_on_line) {
  using namespace space_thousands;
  if (!RunLeadAt(at, i)) return 0;
  size_t k = i;
  while (Digit(at, k)) ++k;
  const int lead = static_cast<int>(k - i);
  if (GroupAt(at, k, U',') || !GroupAt(at, k, U' ')) return 0;
  size_t groups = 0;
  unsigned zero = 0;  // bit g: group g opens with 0
  for (; GroupAt(at, k + 4 * groups, U' '); ++groups)
    if (groups < 32 && at(k + 4 * groups + 1) == U'0') zero |= 1u << groups;
  size_t take = SpaceGroupsTaken(lead, groups, zero, false);
  // One group after a lead of three, within a sentence's words: one figure, not two cells.
  if (take == 0 && lead == 3 && groups == 1 && zero == 0 && WithinLowercaseWords(at, i, k + 4)) take = 1;
  if (take == 1 && groups == 2 && lead > 1 && millions_on_line()) take = SpaceGroupsTaken(lead, groups, zero, true);
  return take;
}

}  // namespace esgaudit

#endif  // ESGAUDIT_ANALYSE_SPACE_THOUSANDS_H_
