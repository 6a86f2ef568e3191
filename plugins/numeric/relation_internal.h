// Helpers the readers of RelationAnalysis share across the files of plugins/numeric/relation_*.cc:
// label vocabularies, text helpers and category tables. Internal to the numeric plugin.
#pragma once

#include "relation_analysis.h"
#include "inline_tokens.h"
#include "value_facts.h"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/regex/pending/unicode_iterator.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>


namespace esgaudit::numeric::relation_detail {

// The answers a function of a label alone has given (RateLabel, Categorise, IsChangeLabel,
// TableTotalLabel, OfWhichLabel, IsNestedLabel: the readers ask them again and again of the same
// labels), kept per thread and forgotten all at once past 4,096 labels (a batch's process audits
// report after report).
template <typename T>
class LabelAnswers {
 public:
  template <typename Read>
  T Of(std::string_view label, Read read) {
    if (const auto it = answers_.find(label); it != answers_.end()) return it->second;
    if (answers_.size() >= kMaxLabels) {
      answers_.clear();
      labels_.clear();
    }
    T answer = read();
    labels_.emplace_back(label);
    answers_.emplace(labels_.back(), answer);
    return answer;
  }

 private:
  static constexpr size_t kMaxLabels = 4096;
  std::deque<std::string> labels_;  // the keys' bytes: a deque never moves what it holds
  std::unordered_map<std::string_view, T> answers_;
};

using U8Iter = boost::u8_to_u32_iterator<std::string_view::const_iterator, char32_t>;

// Whether a sum of printed figures, [lo, hi], can be its total, [tlo, thi]. A printed figure stands for
// the values that round to it, half up: "1.4" is 1.35 up to but not 1.45. Ranges that only touch do not
// meet, whichever end touches (1.5 + 0 + 0 against 1.4: the part would round to the total's figure),
// as Interval::Overlaps reads them; a range of one point (an exact count, a breakdown's 100 %) is
// closed at both ends. Ends within a billionth of the larger bound count as touching (floating-point
// sums of rounded figures).
// The tolerance and point test RangesMeet and WithinTotal share: ends within `eps` touch; `point` when
// either range is one point.
struct RangeReading {
  double eps;
  bool point;
};
inline RangeReading ReadRanges(double lo, double hi, double tlo, double thi) {
  const double eps = 1e-9 * std::max({1.0, std::fabs(hi), std::fabs(thi)});
  return {eps, hi - lo <= eps || thi - tlo <= eps};
}

inline bool RangesMeet(double lo, double hi, double tlo, double thi) {
  const auto [eps, point] = ReadRanges(lo, hi, tlo, thi);
  if (lo > thi + eps || tlo > hi + eps) return false;
  return point || (lo < thi - eps && tlo < hi - eps);
}

// Whether a part of printed range [lo, hi] can lie within a total of range [tlo, thi] (a subset: the
// part no larger than the total), read as RangesMeet reads ranges.
inline bool WithinTotal(double lo, double hi, double tlo, double thi) {
  const auto [eps, point] = ReadRanges(lo, hi, tlo, thi);
  return point ? lo <= thi + eps : lo < thi - eps;
}

// Category vocabularies: the labels a breakdown's parts carry. A closed dimension lists every
// category, so a breakdown naming all of them must add up to its total in both directions.
struct Dimension {
  const char* name;
  bool closed;
  std::vector<std::pair<const char*, const char*>> categories;  // printed -> category
  std::vector<const char*> heads;  // words a total of this dimension carries in its label
};

// Further dimensions people are counted along, each by the words a label of one of its groups
// contains (no categories: none is read as a closed set). With Dimensions() they tell a 其中 list
// whose groups cut the total along different dimensions (女性员工, 党员员工): such groups overlap,
// so their sum says nothing of the total.
struct Facet {
  const char* name;
  std::vector<const char*> words;
};

// Words that name a count of people as the staff of the reporter (a headcount's label).
constexpr const char* kStaffNouns[] = {"员工", "职工", "人员"};

// The size of a sentence record that carries its paragraph (ABI 1.1); a smaller record has none.
constexpr size_t kParagraphEnd = offsetof(esgaudit_sentence, paragraph) + sizeof(uint32_t);
// The size of a sentence record that carries its flags (ESGAUDIT_SENTENCE_*); a smaller record has none.
constexpr size_t kSentenceFlagsEnd = offsetof(esgaudit_sentence, flags) + sizeof(uint32_t);

constexpr const char* kCaptionWords[] = {"构成", "结构", "比例", "占比", "分布", "比重"};

constexpr const char* kCompositionWords[] = {"构成", "结构", "分布"};

constexpr const char* kTotalWords[] = {"合计", "总计", "共计", "累计", "总共", "总数", "共有", "共",
                                       "in total", "a total of", "total"};

// 共 starts these words without meaning "in total".
constexpr const char* kNotTotal[] = {"共同", "共享", "共建", "共产", "共赢", "共识", "共青", "共商",
                                     "共治", "共创", "共进", "共担", "共育", "共生", "共和"};

// Longest first: "其中包括" is one marker, not 其中 followed by a second list. 包含 is 包括's synonym
// ("检查企业27家（包含外租冷库15家）"); "不包含" stays no subset, as "不包括" does: the 不 before the word
// parts it from the total. 含 alone is one only opening a bracket right after a figure (捐款80万元（含
// 捐助新田县新生的14万元）); elsewhere it is a word's character (含量, 含税), which the tokenizer leaves as text.
constexpr const char* kSubsetWords[] = {"其中包括", "其中包含", "其中", "包括", "包含", "of which", "including", "incl.", "含"};

// The period a rate's unit is per, printed right after its figure ("29710吨/日"), longest first. The
// fact reader keeps "吨"; units are still compared without it, as reports often print the period on
// the total alone ("主体矿井产能3240万吨，资源整合矿井1710万吨，合计产能规模达4950万吨/年").
constexpr const char* kPerPeriod[] = {"/小时", "/日", "/天", "/年", "/月", "/周", "/时"};

// A figure per unit of something (每股社会贡献值1.71元, 人均培训时长) is a ratio, never the total of
// the amounts that follow it.
constexpr const char* kPerUnitWords[] = {"每股", "每万元", "每百万", "每吨", "每千", "人均", "平均",
                                         "单位产值", "万元产值", "per share", "per capita", "average",
                                         "intensity", "强度"};

// Total words that name a sum of what is listed (累计 may add up past years instead).
constexpr const char* kSumWords[] = {"合计", "总计", "共计", "总共", "合共", "total"};

constexpr int kWindowLines = 12;   // how far a chart caption or a layout total reaches

constexpr double kLineWeight = 4;  // one line counts as this many display columns

constexpr double kMaxChartDistance = 90;

constexpr double kPlausible = 15;  // a breakdown off by more than this many points is misread
// How many times its total a sum of parts stated in words may be and still be read as off, with no
// slip to name (RelationAnalysis::FarAboveYetOff); farther, the figures do not belong together.
constexpr double kCompleteSetReach = 20;
// The largest share a reader of shares takes: one printed ten times its value (a digit added to a
// share of up to 100 %) is read so that its grouping shows it wrong (RelationAnalysis::ShareSlip).
constexpr double kMaxSlippedShare = 1000;

constexpr size_t kInfographicCell = 12;  // code points of label text beside a figure in its cell

// 家 counts institutions; 个, the general classifier, counts them too ("全资子公司8个"). A count in 个
// is one in 家 where the noun it counts is an institution: its label ends with one, or one follows
// its unit ("8个子公司"). Elsewhere 个 counts other things ("17家企业，其中8个项目"), and other
// classifiers are not compared (名 and 位 are already 人 in the fact reader).
constexpr const char* kInstitutionNouns[] = {"公司", "子公司", "分公司", "企业", "单位", "机构", "工厂",
                                             "医院", "学校", "银行", "分行", "支行", "门店", "酒店"};

// How the analysis reads (SetReadPathForTesting): kFast unless a test asks for the general path.
extern ReadPath read_path;

bool Fast();

std::u32string U32(std::string_view s);
// U32(s) appended to *out (see AppendU32).
void U32Append(std::string_view s, std::u32string* out);

const std::vector<Dimension>& Dimensions();

const std::vector<Facet>& Facets();

bool CountUnit(std::string_view unit);

// A unit counting people (名 is normalised to 人 by the fact reader, but not everywhere printed so).
bool PeopleUnit(std::string_view unit);

std::string ToUtf8(const std::u32string& s);

// U32(s).size() without the string: the same checked iterator, so broken UTF-8 throws as there.
size_t Cps(std::string_view s);

inline bool Has(std::string_view s, std::string_view w) { return sdk::Contains(s, w); }  // s.find(w) != npos

bool CountsInstitutions(const Figure& g);

// The Han characters of a count's noun right after its unit, up to a particle, a conjunction or a
// verb of place ("200台全密封垃圾车在来回运输" -> 全密封垃圾车).
std::u32string NounAfterUnit(const Figure& g);

bool EndsWithU(const std::u32string& s, std::u32string_view w);

// 辆 counts vehicles only; 台 counts vehicles when its noun is one (200台垃圾车, 垃圾车200台).
bool CountsVehicles(const Figure& g);

// 项 counts items; 个 counts them too when its noun is 项目 (221个项目). A 项 figure whose own noun
bool CountsProjects(const Figure& g);

// The noun a count in a general classifier (个, 项, 次) counts when it follows its unit: the Han
std::u32string NounAfterGeneralUnit(const Figure& g);

bool HasDigit(std::string_view s);
// Whether `s` opens with a year of four digits, 19xx or 20xx ("2016", "2016年度", "2016 (restated)").
bool OpensWithYear(std::string_view s);

std::string Lower(std::string s);

// (dimension index, category) for a label, by the longest printed category it contains.
// Whether lower-cased `text` holds `word` as a word of its own: "men" is not in "women" or
// "management". `prefix`: the word may also open a longer one ("hydro" in "hydropower"); `plural`: an
// s may follow it ("photovoltaics").
bool HasLatinWord(std::string_view text, std::string_view word, bool prefix = false, bool plural = false);

std::pair<int, std::string> Categorise(std::string_view label);
// What Categorise answers, read from the label each time (Categorise keeps each label's answer).
std::pair<int, std::string> ReadCategory(std::string_view label);

bool HasHead(std::string_view label, int dim);

// A word that ends like "rate" but names a thing: Corporate, Emirates, Concentrate. `at` is where
bool RateTailOfWord(const std::string& l, size_t at);

// A label naming a rate measured in each category (培训覆盖率, 员工流失率, "Turnover rate"): its
bool NamesRate(std::string_view label);

// Whether the clause before `offset` on its line (after the last sentence end, semicolon or
// Chinese comma) names a rate: "Turnover rate: 55% male / 45% female", 培训覆盖率为48%.
bool RateBefore(std::string_view text, size_t offset);

// The text of a line of the document, blanks trimmed at both ends.
std::string TrimmedLine(const sdk::Document& doc, uint32_t line);

// A figure that may be a count its context names: a whole number printed bare (no unit, magnitude
bool CountCandidate(const Figure& f);

// The share of a base printed in brackets after a count as the rest of its cell: `(1.1%)`, ` （26.8%）`
int BracketedShare(const std::vector<Figure>& figures, const std::map<uint64_t, int>& figure_at, const Figure& count,
                   uint64_t offset, std::string_view text);

// A Chinese numeral 一 to 十 as 1 to 10, or 0.
int HanNumeral(char32_t ch);

// Whether a character right before a noun makes it another thing: a negation (非, 不, 未, 无: 非合同制员工,
// 未整改项目) names the noun's complement, 副 another post (副总经理). 不合格产品 is still a kind of 产品:
// there the negation stands before 合格, not right before the noun.
inline bool MakesAnotherThing(char32_t before_noun) {
  return std::u32string_view(U"非不未无副").find(before_noun) != std::u32string_view::npos;
}

// A change against another period (较上年增长, 同比下降, up ... year on year) is never a part.
bool IsChangeLabel(const std::string& label);
// What IsChangeLabel answers, read from the label each time (IsChangeLabel keeps each label's answer).
bool ReadChangeLabel(const std::string& label);

// Whether a clause's words before its figure open with a change word (较上期增长, 同比, 增幅, 减幅):
// the clause gives a change of what came before it, not a thing of its own.
bool OpensWithChange(std::u32string_view words);

// The label without a trailing verb or particle: "办公建筑面积为" -> "办公建筑面积".
std::u32string LabelStem(const std::string& label);

// The base's words of a share clause: `between` is the text from a part's end to its share, blanks
// dropped; it reads `，占` (or `（占`), optional 到 / 了, the base's words, then leads (的, 的比例为, 比重为,
// 约, 达, 为, 比 …), which are cut off. False when it reads otherwise or the words are not all Han
// characters; `*base` may be empty (`，占比30%`).
bool ShareClauseBase(std::u32string_view between, std::u32string* base);

// Whether a figure labelled `label` is the base a share names by `base`, its words without the
// total word (员工 of 员工总数): the label holds them and names no category of a dimension the words do
// not name (女性员工 is a group of the staff, not the base 员工; it is the base 女性员工).
bool LabelNamesShareBase(const std::string& label, std::u32string_view base);

// Whether what follows a value in its table cell is only a footnote marker, so that the cell still
// holds that value: 1,234(1), 45%*, 2,700¹, 12[a], 3.5（2）, †. Spaces are ignored; nothing at all
bool FootnoteTail(std::string_view rest);

// The label without spaces, lower-cased, without a trailing ':' or '*'; true when it is a total
bool BareTotal(const std::string& label, std::string* lowered);

// A row or child label naming the total of its table, column or group.
bool IsTotalLabel(const std::string& label);

// Rows that are part of another row (其中, of which) make a column sum unsure.
bool IsNestedLabel(const std::string& label);
// What IsNestedLabel answers, read from the label each time (IsNestedLabel keeps each label's answer).
bool ReadNestedLabel(const std::string& label);

// A row of a table that opens the parts of the row above it: "其中：中国内地", "Of which: Korea".
bool OfWhichLabel(const std::string& label);
// What OfWhichLabel answers, read from the label each time (OfWhichLabel keeps each label's answer).
bool ReadOfWhichLabel(const std::string& label);

// A row naming the total of the rows next to it: a total word (合计, 总计, Total, 员工总数) or a
bool RowTotalLabel(const std::string& label);

// Whether the last part names the rest of a set (其他, Others): the parts then close it.
bool OtherLabel(const std::string& label);

// A table's row or column label naming the total of the rows above (or below) it, or of the cells
// left of it: 合计, 总计, 小计, Total, and labels ending so (在职员工的数量合计, 男性合计, 地区小计).
bool TableTotalLabel(std::string label);
// What TableTotalLabel answers, read from the label each time (TableTotalLabel keeps each label's answer).
bool ReadTableTotalLabel(std::string label);

// Rates, ratios and per-unit values: a column or row of them does not add up.
bool RateLabel(const std::string& label);
// What RateLabel answers, read from the label each time (RateLabel keeps each label's answer: the
// model tables' readers ask it again and again of the same row and cell labels).
bool ReadRateLabel(const std::string& label);

// A row label that says its figures are counts by a count noun rather than a unit: 复职人数,
bool CountLabel(std::string label);

// The unit a table label names in brackets at its end: "培训次数(次)" -> "次"; empty when none.
std::string LabelUnit(std::string label);

// Whether bare whole numbers under a table's column header and unit line count discrete things, so
// that their parts sum exactly: the header names a count (检查次数, 人数) or a count unit in its bracket
bool CountedByContext(const std::string& header, const std::string& table_unit);

// The counted noun of a row label, lower-cased, without spaces, a unit bracket at its end, and (with
// strip_total) its total word: 供应商总数 -> 供应商, 员工总人数（人） -> 员工, "Total suppliers" ->
std::string TotalNoun(std::string label, bool strip_total = true);

// Whether the columns of a grouping inferred from the rows' order show it: every column but at most
int AccountingMethod(const std::string& label);

// The significant digits of a printed figure (`0.392`: 3, `1,285`: 4), up to its first character that
// is no digit, point or comma.
int SignificantDigits(std::string_view printed);

// Whether a column shows the grouping: it adds up as printed, or within the rounding intervals of
bool ShowsGrouping(const Relation& r);

// A column of a table read from its layout alone that misses its total by more than 15 % of it
// counts another quantity (an average, a rate): the grouping is misread, not the figures.
bool OffByMoreThanASlip(const Relation& r, const Figure& total);

// A numeric age band's label ("30-50", "30 to 50"), compiled on first use; PrepareExpressions asks
const std::regex& AgeRange();
// The years a dividend sentence spans ("2021年至2023年") and "the last three years" (近三年), compiled
// on first use; PrepareExpressions asks for them, as for AgeRange.
const std::regex& DividendYearRange();
const std::regex& RecentYears();

// An open lower or upper band of a closed set of bands: "Under 30", "30岁以下", "Above 50", "60岁以上".
bool LowerBand(const std::string& label);

// A row label naming an age band: 30岁以下, 30-50岁, Under 30, 30-50, 50+.
bool AgeBandLabel(const std::string& label);

bool UpperBand(const std::string& label);

}  // namespace esgaudit::numeric::relation_detail
