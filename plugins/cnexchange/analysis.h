// The per-document analysis shared by the coverage pass and the rules (built once per document
// through sdk::Context::Shared): whether and where the report claims one of the 2024 exchange
// guidelines, how it classifies the 21 topics in its double-materiality assessment, the evidence
// for each topic's disclosure items (如有 items read against the events the report states), the four
// core elements for the report and for each financially material topic, the report elements, the
// assurance statement, the greenhouse-gas rows and the figures of the other named quantities with
// their units; and what is compared with facts from outside the report (KPI data, the policy): the
// stated period, entity and stock codes, index membership, the first-period relief.
//
// The layout comes from the host's structure model (plugin ABI 1.1): line roles and page
// furniture, the table of contents, the report's own content index, cells, sections, tables with
// their unit, the stated reporting period. Evidence is taken only from body lines (Line::body),
// which also leaves out a line whose cells cite three articles of the guideline (an index written
// as one HTML table, which the model counts as one row). Work per document is linear in its size:
// on a line far longer than a table row only a bounded window around a hit is read.
#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_ANALYSIS_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_ANALYSIS_H_

#include <esgaudit/plugin.h>

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "rule_pack.h"

namespace esgaudit::cnexchange {

// A line of the document as the structure model reads it, with what the rules ask of it.
struct Line {
  uint64_t begin = 0;  // view offsets, terminator excluded
  uint64_t end = 0;
  std::string_view text;  // the line in the matching view
  std::string_view plain;  // its cells joined by one space: no tags, no Markdown marks (in plain_text_)
  boost::iterator_range<const std::pair<uint64_t, uint64_t>*> cells;  // view spans, in line order (in cells_)
  bool body = false;      // may serve as evidence: not furniture, TOC or content index
  bool toc = false;       // inside the table of contents
  bool furniture = false; // running header or footer, page number, side banner, decoration
  bool heading = false;   // the model's heading role
  bool html_table = false;  // inside an HTML table (one line holds many <tr> rows)
  // A table of stakeholders' concerns and expectations (关注议题, 期望与诉求): topics named there are
  // what stakeholders ask about, not what the report discloses.
  bool stakeholder_table = false;
  uint32_t table = ESGAUDIT_NO_INDEX;  // the model's table of the line
};

// A piece of evidence in view offsets. Its short quote is made when a record or a finding shows it
// (Analysis::Quote): most evidence is only tested for.
struct Evidence {
  static constexpr size_t kNoLine = static_cast<size_t>(-1);
  uint64_t begin = 0;
  uint64_t end = 0;
  size_t line = kNoLine;  // the line MakeEvidence quotes from; kNoLine: no quote (empty)
  bool found() const { return end > begin; }
};

struct ItemResult {
  const ItemSpec* spec = nullptr;
  bool applies = false;  // mandatory, or conditional with its trigger found in the report
  std::vector<Evidence> evidence;  // document order, at most three
  // A 如有 item (Trigger::kEvent): where the report says such an event occurred (then `applies`,
  // and `evidence` holds the details given within two lines of it), or where it says none did.
  Evidence event;
  Evidence none_occurred;
};

// How the report's own materiality assessment classes a topic.
enum class Materiality { kUnstated, kFinancial, kImpactOnly, kNeither };

struct TopicResult {
  const TopicSpec* spec = nullptr;
  bool triggered = true;       // the topic's trigger holds (always true without a trigger)
  Evidence trigger;            // where the trigger was found
  Materiality materiality = Materiality::kUnstated;
  Evidence materiality_where;  // the topic's entry in the materiality assessment
  Evidence heading;            // the topic's heading, when the report has one
  Evidence explanation;        // a statement that it does not apply / is not material, with a reason
  // The topic's own section in the structure model (its heading opens one), and the evidence for
  // each of the four core elements inside it (pack().topic_parts() order); `parts` is empty when
  // the topic has no section of its own.
  Evidence section;
  std::vector<Evidence> parts;
  std::vector<ItemResult> items;
  bool Addressed() const;       // a heading or evidence for any item
  bool HasApplicableItems() const;
  esgaudit_coverage_status Status() const;
};

struct Claim {
  const GuidelineSpec* guideline = nullptr;  // nullptr: the report claims none
  Evidence where;
};

struct GhgUnitProblem {
  Evidence where;     // the figure
  std::string scope;  // the scope word of its row ("范围一")
  std::string printed;  // the figure as printed
  bool magnitude = false;  // 万吨 where the row or column says 吨 (else: 吨 without CO2e)
};

// A figure of a quantity the guideline names whose unit is missing or does not fit (Arts. 31,
// 35, 36, 50; Art. 6(1): standard units).
struct QuantityUnitProblem {
  enum class Kind {
    kNoUnit,          // neither the figure, its row nor its table gives a unit
    kWrongDimension,  // the unit is not one the quantity is measured in (用水量 in 千瓦时)
    kTableMismatch,   // the figure's own unit differs from its row's or table's (万吨 under 吨)
    kNoDenominator,   // an intensity or rate that never says per what
  };
  Kind kind = Kind::kNoUnit;
  const QuantitySpec* spec = nullptr;
  Evidence where;      // the figure
  std::string label;   // the label read ("综合能耗")
  std::string printed; // the figure as printed
  std::string unit;    // the unit it is given in (kWrongDimension, kTableMismatch)
  std::string stated;  // the row's or table's unit (kTableMismatch)
};

// A fact about the company from outside the report, with where it came from ("data.json:4", or
// the policy file's path).
struct OutsideFact {
  std::string value;
  std::string source;
  bool known() const { return !value.empty(); }
};

// What the audit knows about the listed company from outside the report: the KPI data given with
// --data (per report: company.stock-code, annual-report.year, company.index.<id>), else the rule
// pack's policy (entity, stock-code, fiscal-year, indexes). The entity's name comes from the
// policy only (KPI values are numbers).
struct Company {
  OutsideFact entity;
  OutsideFact stock_code;
  OutsideFact fiscal_year;           // "2024"
  std::vector<OutsideFact> indexes;  // IndexIds() members
};

// A company name the report gives for itself ("江西富祥药业股份有限公司"), or a stock code it states.
struct Named {
  std::string name;
  Evidence where;
};

// The keyword scan of ScanKeywords, made once per rule pack (a function of it alone): every
// keyword of the pack (topics' trigger words and item keywords, the four parts' and climate parts'
// phrases, the materiality word lists), sorted, then the topics' names that are no keyword.
// After them, case-sensitive, every word of the lists the plugin otherwise searches the whole view or
// every line for (ExactWordLists): their hits are every occurrence, overlapping ones included, as
// std::string_view::find from each occurrence's next byte finds them.
struct KeywordScan {
  std::vector<std::string> words;
  size_t keyword_count = 0;                          // words[0, keyword_count) are the keywords
  std::vector<std::pair<std::string, size_t>> names;  // each topic name and its index in words
  std::vector<std::string> exact;                    // sorted, each once; pattern words.size() + k is exact[k]
  // Where each keyword (words[k], k < keyword_count) and each exact word (exact[k]) is: k. The keys
  // are views of `words` and `exact`, which never change once made.
  std::unordered_map<std::string_view, size_t> keyword_at, exact_at;
  // One literal per word, then one per exact word: caseless, then case-sensitive; points into
  // `words` and `exact`.
  std::vector<esgaudit_pattern> patterns;
  // The scan of `pack`, made on the first call for it in this process. Thread-safe.
  static std::shared_ptr<const KeywordScan> Of(const std::shared_ptr<const RulePack>& pack);
};

// The rule pack's named expressions as Hyperscan prefilters (PrefilterPatterns), in the pack's
// order; `names` (when not null) gets each one's name.
// The pack's word lists whose words the scan finds case-sensitively (KeywordScan::exact): the
// words of an element found by words (the topic index), of the relief claim, the materiality
// matrix, dual listing and unquantified items, and every pattern's needs (PatternNeeds). A list
// the pack lacks is left out (the analysis fails where it reads it, as before).
std::vector<std::string> ExactWordLists(const RulePack& pack);

// The quantities' names (QuantitySpec::labels) grouped by their last byte, each group in the pack's
// order (quantity, then name): a sentence's figure asks only the names ending as the text before it.
struct QuantityNamesByLastByte {
  std::array<std::vector<std::pair<const QuantitySpec*, const std::string*>>, 256> names;
  explicit QuantityNamesByLastByte(const std::vector<QuantitySpec>& quantities);
};
// The quantity whose name ends `before`, the longest such name (the first in the pack's order among
// names of that length) into *label, or nullptr (and *label untouched) when no name ends it.
const QuantitySpec* QuantityNamedAtEnd(std::string_view before, const QuantityNamesByLastByte& index, std::string* label);

constexpr uint32_t kPrefilterFlags = ESGAUDIT_PATTERN_REGEX | ESGAUDIT_PATTERN_PREFILTER;
std::vector<esgaudit_pattern> PrefilterList(const RulePack& pack, std::vector<const std::string*>* names);

// Reads the rule pack and compiles both scans (the preparation runs it before an isolated batch
// forks, so that no child compiles them).
void PrepareScans(const sdk::Document& doc);

class Analysis {
 public:
  // Loads the rule pack (sdk::ConfigError when it is bad) and analyses `doc`.
  Analysis(const sdk::Document& doc, const sdk::Context& ctx);
  // Each line's `plain` and `cells` point into plain_text_ and cells_: a copy would point into the
  // original's.
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const RulePack& pack() const { return pack_; }
  bool English() const { return english_; }
  const Claim& claim() const { return claim_; }
  // The rules apply: the report claims a guideline or the policy requires one.
  bool Applies() const { return claim_.guideline != nullptr || !required_.empty(); }
  // The guideline the audit requires: the rule pack's policy, else the host's "require" option
  // (--require szse|sse|bse|cn-exchange, or require = in .esgaudit.ini); "any" for cn-exchange,
  // empty when none is required.
  const std::string& required() const { return required_; }
  // Why the guideline is required when no policy or option requires it: the index membership (or
  // dual listing) from KPI data, the policy or the report's own statement ("深证100 (data.json:3)");
  // empty when the requirement is the policy's or the option's, or there is none.
  const std::string& required_because() const { return required_because_; }
  // The report's own statement of an index membership or dual listing, when it makes one.
  const Evidence& membership_statement() const { return membership_; }
  const Company& company() const { return company_; }
  // The reporting period the structure model read: the report year (0 when unknown), the stated
  // period ("2024-01-01", "2024-12-31"; empty when none) and where.
  int report_year() const { return report_year_; }
  const std::string& period_begin() const { return period_begin_; }
  const std::string& period_end() const { return period_end_; }
  const Evidence& period_where() const { return period_where_; }
  // The first company name in the report's opening lines (cover, 关于本报告), whether the annual
  // report's entity (Company::entity) is named anywhere in the report, and the stock codes the
  // report states (股票代码：300497).
  const Named& report_entity() const { return report_entity_; }
  bool entity_named() const { return entity_named_; }
  const std::vector<Named>& stated_codes() const { return stated_codes_; }
  // First-period relief (Art. 63(3), BSE Art. 62): where the report says it uses it; where it says
  // it is not its first report (连续第3年, 第二份报告, 往年报告, an earlier year's report named).
  const Evidence& relief_claim() const { return relief_claim_; }
  const Evidence& not_first() const { return not_first_; }
  // The data tables with a column for the report year ("2024", "2024年") and none for the year
  // before: each one's report-year header cell, in document order.
  const std::vector<Evidence>& current_year_only() const { return current_year_only_; }
  // A caption or heading naming a materiality matrix (重要性矩阵), when no topic's materiality
  // class is read from the text: the matrix is given only as a picture.
  const Evidence& matrix_only_picture() const { return matrix_only_picture_; }
  // The claimed guideline's short name, else the required one's, else the three together.
  std::string GuidelineName() const;
  // An article as the guideline writes it ("第50条第(一)项"), or in English ("Art. 50(1)") under
  // --lang en.
  std::string Article(const std::string& zh) const;
  // References of a finding: the guideline and the article.
  std::vector<std::string> References(const std::string& article) const;
  // Where document-level findings point: the claim, else the start of the report.
  Evidence Anchor() const;
  const std::vector<TopicResult>& topics() const { return topics_; }
  const TopicResult* Topic(const std::string& id) const;
  // Words of the double-materiality assessment (Art. 5): financial and impact dimension.
  const Evidence& financial_materiality() const { return financial_; }
  const Evidence& impact_materiality() const { return impact_; }
  // Evidence per core element (four_parts order) for the report and for climate.
  const std::vector<Evidence>& four_parts() const { return four_parts_; }
  const std::vector<Evidence>& climate_parts() const { return climate_parts_; }
  // Evidence per report element (pack().elements() order).
  const std::vector<Evidence>& elements() const { return elements_; }
  // Where the report says it was assured by a third party; the details it gives (by word list).
  const Evidence& assurance() const { return assurance_; }
  const std::vector<std::string>& assurance_missing() const { return assurance_missing_; }
  const std::vector<GhgUnitProblem>& ghg_unit_problems() const { return ghg_; }
  // In document order, at most one per table row and kind.
  const std::vector<QuantityUnitProblem>& quantity_unit_problems() const { return quantity_units_; }
  // Sentences saying an indicator cannot be quantified (or is given qualitatively instead) with no
  // reason on their line or the next two (first-period relief, Art. 63(3); Art. 16(3)).
  const std::vector<Evidence>& unexplained_unquantified() const { return unquantified_; }

  uint64_t TextOffset(uint64_t view_offset) const { return doc_.ViewToText(view_offset); }
  // The matched text of `e` itself (not the context its quote shows), shortened.
  std::string MatchQuote(const Evidence& e) const;
  // The short quote of `e`: from a little before it within its cell, then the following cells of
  // its line; empty for evidence MakeEvidence did not make.
  std::string Quote(const Evidence& e) const;
  // A finding's location and quote from evidence.
  void Locate(const Evidence& e, sdk::Finding* f) const;
  sdk::Related Related(const Evidence& e, std::string message) const;

 private:
  void ReadStructure();
  // Index of the line containing view offset `v`.
  size_t LineAt(uint64_t v) const;
  // The HTML row (<tr> ... </tr>) of line `i` around view offset `v`, as view offsets; the whole
  // line when the line is not in an HTML table. A row is read within a bounded window of `v`.
  std::pair<uint64_t, uint64_t> RowAt(size_t i, uint64_t v) const;
  // `span` cut to at most `window` bytes before `begin` and after `end` (which lie in it), on code
  // point boundaries: what is read around a hit on a line far longer than a table row.
  std::pair<uint64_t, uint64_t> Around(std::pair<uint64_t, uint64_t> span, uint64_t begin, uint64_t end,
                                       uint64_t window) const;
  // True when line `i` reads as an entry of a list of short items (no sentence punctuation, not a
  // Markdown heading, at most 80 code points), as in a list of topics under a materiality class.
  bool IsListLine(size_t i) const;
  bool UsableLine(size_t i) const;
  // The first `max` usable lines containing one of `words` (optionally not negated just before).
  // Stakeholder-concern tables count only when `stakeholder_tables` (for the topic 利益相关方沟通).
  std::vector<Evidence> FindWords(const std::vector<std::string>& words, size_t max,
                                  bool skip_negated = false, bool stakeholder_tables = false) const;
  Evidence MakeEvidence(size_t line, uint64_t begin, uint64_t end) const;
  // One scan of the view for every keyword the pack lists and every topic's name (the host's
  // Hyperscan pass), so that FindWords and EvaluateTopics look hits up instead of searching the
  // view (or every line) once per word.
  void ScanKeywords();
  // The view offsets of `word`'s hits, ascending, when it is a keyword of the scan (a keyword
  // without hits too); nullptr otherwise.
  const std::vector<uint64_t>* KeywordHits(const std::string& word) const;
  // Likewise for a topic's name (Names), whether a keyword or not.
  const std::vector<uint64_t>* NameHits(const std::string& name) const;
  // Every occurrence of `word` in the view (overlapping ones too), ascending, when the scan has the
  // word among its exact words; nullptr otherwise (search the view).
  const std::vector<uint64_t>* ExactHits(const std::string& word) const;
  // ContainsAny(lines_[i].text, words), from the scan's exact hits: a mask over the lines, made on the
  // first call for a list (a word the scan lacks is searched in every line, as before).
  bool LineHasAny(const std::vector<std::string>& words, size_t i) const;
  // That mask itself (true for line i when LineHasAny(words, i)), for a caller walking the lines: it
  // stays put (a node of line_masks_) while the Analysis lives.
  const std::vector<bool>& LineMask(const std::vector<std::string>& words) const;
  void FindClaim();
  void ReadMateriality();
  void EvaluateTopics();
  void FindParts();
  void FindTopicParts();
  void FindElements();
  void FindAssurance();
  void FindGhgUnits();
  void FindQuantityUnits();
  // The quantity a label names: `label` is one of the spec's labels, optionally followed by a
  // suffix such as 总量 or 产生量 and a bracketed unit; nullptr when none.
  const QuantitySpec* QuantityOfLabel(std::string_view label, std::string* matched) const;
  void FindUnquantified();
  // The company's facts from KPI data and the policy (sdk::ConfigError for a malformed record).
  void ReadCompany();
  // The guideline the company must follow by its index membership or dual listing (Art. 3), for
  // a report of fiscal 2025 or later (Art. 63(1)).
  void FindMembership();
  void ReadPeriod();
  void FindEntity();
  void FindRelief();
  void FindMatrixPicture();
  // The first match of the pack's pattern `name` on a usable line from line `from`; its first
  // submatch that took part in the match in *group, when given.
  Evidence FindPattern(const std::string& name, size_t from = 0, std::string* group = nullptr) const;
  // One host scan of the view with every pack pattern as a prefilter (ESGAUDIT_PATTERN_PREFILTER:
  // each match std::regex can find in a line ends where a prefilter match ends), so that std::regex
  // runs only on lines where one ends. Without the host's prefilter, or when it refuses a pattern,
  // every pattern runs on every line as before.
  void PrefilterPatterns();
  // False when pattern `name` cannot match in line `i` (no prefilter match ends in it).
  bool MayMatch(const std::string& name, size_t i) const;
  // A 如有 item: reads the sentences naming its event as "it occurred", "none occurred" or neither.
  void ReadEvent(ItemResult* item) const;

  const sdk::Document& doc_;
  bool english_;
  std::shared_ptr<const RulePack> pack_data_;  // read once per process (CachedRuleData)
  const RulePack& pack_;
  std::string required_;
  std::string_view view_;
  std::vector<Line> lines_;
  std::string plain_text_;  // every line's `plain`, one after another
  std::vector<std::pair<uint64_t, uint64_t>> cells_;  // every line's `cells`, line after line
  std::vector<std::string> table_units_;  // per model table: its unit ("吨"), or empty
  // The scan of ScanKeywords and, per pattern of it, the view offsets of its hits, ascending (looked
  // up by KeywordHits, NameHits and ExactHits).
  std::shared_ptr<const KeywordScan> keyword_scan_;
  std::vector<std::vector<uint64_t>> scan_hits_;
  // KeywordHits and NameHits answer from the topics on (FindClaim and after); the readers before
  // them (FindEntity, FindMembership) use the exact hits alone, as they searched the view or its
  // lines for the words before the scan came first.
  bool keywords_ready_ = false;
  mutable std::map<const std::vector<std::string>*, std::vector<bool>> line_masks_;  // LineHasAny's
  // Per pack pattern, the view offsets where its prefilter matches end, ascending; empty map when
  // there is no prefilter.
  std::map<std::string, std::vector<uint64_t>> pattern_ends_;
  std::set<size_t> materiality_lines_;  // lines listing topics under a materiality class
  Claim claim_;
  std::vector<TopicResult> topics_;
  Evidence financial_;
  Evidence impact_;
  std::vector<Evidence> four_parts_;
  std::vector<Evidence> climate_parts_;
  std::vector<Evidence> elements_;
  Evidence assurance_;
  std::vector<std::string> assurance_missing_;
  std::vector<GhgUnitProblem> ghg_;
  std::vector<QuantityUnitProblem> quantity_units_;
  std::vector<Evidence> unquantified_;
  std::string required_because_;
  Evidence membership_;
  Company company_;
  int report_year_ = 0;
  std::string period_begin_;
  std::string period_end_;
  Evidence period_where_;
  Named report_entity_;
  bool entity_named_ = false;
  std::vector<Named> stated_codes_;
  Evidence relief_claim_;
  Evidence not_first_;
  std::vector<Evidence> current_year_only_;
  Evidence matrix_only_picture_;
};

// A company name for comparison: full-width brackets as the matching view writes them (NFKC),
// spaces dropped, ASCII lower-cased.
std::string NameKey(std::string_view name);

// `s` cut to at most `max_code_points` code points, "…" appended when cut.
std::string ShortQuote(std::string_view s, size_t max_code_points = 40);

// s.find(word) when that is at most `most`, else npos: the word compared at the first most + 1
// offsets only (a heading names a topic within its first bytes; the whole heading was searched).
size_t FindNearStart(std::string_view s, std::string_view word, size_t most);

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_ANALYSIS_H_
