// The numeric facts as the value rules (rates, restatements, year-on-year claims, KPI data) see
// them: each fact with its labels and the text around it, built once per document
// (Context::Shared).
#ifndef ESGAUDIT_PLUGINS_NUMERIC_VALUE_FACTS_H_
#define ESGAUDIT_PLUGINS_NUMERIC_VALUE_FACTS_H_

#include <esgaudit/plugin.h>
#include <esgaudit/text.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::numeric {

// Small UTF-8 helpers for scanning labels (the plugin sees only the SDK, not ICU).
char32_t DecodeAt(std::string_view s, size_t i, size_t* next);
// Start of the code point ending right before byte `i` (i > 0).
size_t PrevStart(std::string_view s, size_t i);
bool IsCjk(char32_t c);
size_t CodePoints(std::string_view s);
// Whether a code point of `s`, as DecodeAt reads them from its start, is IsCjk: ASCII words are passed
// eight bytes at a time, other code points decoded inline.
bool HasHan(std::string_view s);
using sdk::Contains;
// Inline: the word-list loops (StripTrailing, the capped rates) call it once per word.
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  // The last byte first: most texts end otherwise.
  return s.size() >= suffix.size() && (suffix.empty() || s.back() == suffix.back()) &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// `s` without its spaces, tabs and ideographic spaces (U+3000, as DecodeAt reads code points; bytes
// of broken UTF-8 are kept).
std::string WithoutSpaces(std::string_view s);
// The same appended to *out.
void AppendWithoutSpaces(std::string_view s, std::string* out);

// The stops ValueFacts reads back to from a number: a clause stop (。；;！？!?●◆■•) ends `clause`;
// a label stop (any clause stop, ，,：:、()（）【】[]《》“”"|/·, a digit 0-9 or %) ends `before`.
bool IsLabelStop(char32_t c);
bool IsClauseStop(char32_t c);
// Where a fact starting at byte `begin` of `view` has its clause: back from `begin` over at most 60
// code points (as PrevStart and DecodeAt read them) to a line end, a form feed or a clause stop. Sets
// *label_begin to where the code point after the nearest label stop begins (the clause's start when
// none is passed).
size_t ClauseStart(std::string_view view, size_t begin, size_t* label_begin);

// `s` less whole code points (as DecodeAt reads them) taken from its front while it holds more
// than `n` code points (as CodePoints counts them): a fact's label text before it, kept to its last
// n (a view of the tail of `s`). The count is kept as the front goes, not made again per code point.
std::string_view LastCodePoints(std::string_view s, size_t n);

// `s` with any of `words` removed from its end, repeatedly ("覆盖率达到了" -> "覆盖率"); a word is
// not removed when fewer than `keep` bytes would remain (keep = 1: never strip to nothing).
// The lists are string_views so that no pass measures its words again.
std::string StripTrailingOf(std::string s, const std::string_view* words, size_t count, size_t keep = 0);
template <size_t N>
std::string StripTrailing(std::string s, const std::string_view (&words)[N], size_t keep = 0) {
  return StripTrailingOf(std::move(s), words, N, keep);
}

// A closed interval of real values; the value a printed number may stand for.
struct Interval {
  double lo = 0;
  double hi = 0;
  // Half-open reading ([20.5, 21.5) for "21"): touching intervals do not overlap.
  bool Overlaps(const Interval& o, double slack = 0) const {
    return lo < o.hi + slack && o.lo < hi + slack;
  }
};

// The one reading of a printed number every numeric rule uses (XBRL Calculations 1.1): "21%" is
// [20.5, 21.5]; "1.2万吨" is [11500, 12500] t. 约 widens it by half the step of its last non-zero
// digit, at least one unit of its last digit (约74 is [73, 75], 约110 [105, 115]); 超/逾/余/以上 up
// to the next step (50余 [50, 60], 1900余 [1900, 2000]); 不足/近/以下 down to half (see
// rules/numeric/restatement-mismatch.md). With
// `exact_counts`, a whole count (28项, 155人) is exactly itself, as sums of parts need; comparisons
// of two printed figures keep the rounding width (a half-open overlap of points is never true).
Interval PrintedInterval(const esgaudit_fact& f, bool exact_counts = false);
// 人, 项, 家 ...: units of things counted one by one.
bool IsCountUnit(std::string_view unit);
// Same for a number written with `decimals` digits after the point, times `magnitude`.
Interval ExactInterval(double value, int decimals, double magnitude);
// Digits after the decimal point in a number as written ("3,456.70" -> 2).
int DecimalsOf(std::string_view text);
// "%g"-like rendering without trailing zeros, for messages: 12375, 1.5, 0.25.
std::string FormatNumber(double v);

struct ValueFact {
  // Ordered by size, one per fact of the document: 160 bytes (216 with the fields in the order of
  // first reading and the two labels as strings).
  uint32_t index = 0;  // into Document::Fact
  uint32_t line = 0;
  const esgaudit_fact* fact = nullptr;
  // label and column_label are views of the host's fact texts where removing the spaces changed
  // nothing, else of a copy ValueFacts keeps.
  std::string_view label;  // the extractor's label, leading scope words dropped ("公司", "全年")
  std::string_view column_label;  // the model's label from other lines: a figure's, a table column's header
  // lead, after, before and clause are views of the document's matching view; above_in_cell a view
  // of LayoutCells' texts (both live as long as the document's shared objects).
  std::string_view lead;  // the 2 code points right before the number, when CJK ("召开9次" -> "召开")
  std::string_view after;  // CJK run right after the fact ("9次董事会" -> "董事会"), <= 8 code points
  std::string_view before;  // matching-view text before the number back to a clause stop, <= 24 cps
  std::string_view clause;    // matching-view text from the clause start to the number, <= 60 cps
  // On the nearest non-blank line above (<= 3 lines up), the cell starting in the same display
  // column (one column of slack), without spaces: a sentence wrapped onto the fact's line
  // ("…签订率和社保覆盖率" over "均为 100%").
  std::string_view above_in_cell;
  uint64_t cell_begin = 0;    // the fact's cell of the structure model in the matching view
                              // (cell_begin to view_begin: the cell's text before the number)
  uint64_t view_begin = 0;    // the fact in the matching view
  uint64_t view_end = 0;
  int year = 0;               // a year stated earlier in the same clause, 0 when none
  bool column_label_above = false;  // it is written on one of the 4 lines above the fact
  bool label_is_before = false;  // `label` is all of `before` (less spaces and scope words)
};

class ValueFacts {
 public:
  ValueFacts(const sdk::Document& doc, const sdk::Context& ctx);
  ValueFacts(const ValueFacts&) = delete;  // the facts' labels may view own_
  ValueFacts& operator=(const ValueFacts&) = delete;

  const std::vector<ValueFact>& facts() const { return facts_; }
  // The year most often stated in the document (the reporting year), 0 when none.
  int report_year() const { return report_year_; }

 private:
  // `text` without its spaces: a view of `text` itself when it holds none, else of a copy in own_.
  // `scratch` is storage kept from call to call.
  std::string_view WithoutSpacesKept(std::string_view text, std::string* scratch, bool drop_scope);

  std::vector<ValueFact> facts_;
  std::deque<std::string> own_;  // labels that lost spaces (a deque: its strings never move)
  int report_year_ = 0;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_VALUE_FACTS_H_
