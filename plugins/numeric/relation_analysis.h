// Per-document recognition of relations between printed figures: percentage breakdowns, parts
// that add up to a total, and 其中 subsets. Shared by the relation rules through
// Context::Shared<RelationAnalysis>() and listed by `esgaudit extract --relations`.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_RELATION_ANALYSIS_H_
#define ESGAUDIT_PLUGINS_NUMERIC_RELATION_ANALYSIS_H_

#include <esgaudit/plugin.h>

#include "inline_tokens.h"
#include "layout_cells.h"

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::numeric {

// How every RelationAnalysis of the process reads (inline_tokens.h's ReadPath): kFast, the default,
// passes over lines and sentences that a byte test shows cannot hold what a reader looks for
// (注 of a footnote, 按 of a chart caption, 累 or 历 of a running total, 年份 or 年度 opening a
// header) and decodes UTF-8 by its fast path; kGeneral reads every one the general way. Both find the
// same relations on every input; tests compare them.
void SetReadPathForTesting(ReadPath path);

// Compiles the relation analysis' own expressions (each process compiles them once, on first use):
// the plugin's preparation, which the host runs before it forks an isolated batch's children.
void PrepareExpressions();

// A view of text a Figure does not own, read as a std::string where a reader needs one (a map key, a
// copy it changes). Never made from a std::string: a temporary's bytes would not outlive it.
struct TextView : std::string_view {
  TextView() = default;
  constexpr TextView(std::string_view s) : std::string_view(s) {}  // NOLINT: implicit, as a view
  operator std::string() const { return std::string(data(), size()); }  // NOLINT: implicit
};

// A number as the relation rules see it: the host's fact plus its interval. Its `unit`, `after` and
// `wrapped_label` are views of the document's bytes (the host's fact texts, its matching view and its
// text) or of a copy the analysis keeps: a Figure is valid while both its document and the
// RelationAnalysis that made it live. Fields ordered without padding (208 bytes).
struct Figure {
  uint32_t index = 0;  // into the host's fact table
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t kind = 0;
  uint32_t qualifiers = 0;
  int32_t decimals = 0;
  uint64_t offset = 0;
  uint64_t length = 0;
  double value = 0;
  double magnitude = 1;
  // The text offset past a unit the figure took from the next line (TakeWrappedUnits: "34.95亿" /
  // "股（H股）"), else 0: the prose readers read the words after the figure from there.
  uint64_t wrapped_unit_end = 0;
  size_t cell_extra = 0;  // code points of other text in its layout cell (short in infographics)
  // Interval the printed figure stands for (XBRL Calculations 1.1 rounding; qualifiers widen it).
  double low = 0;
  double high = 0;
  TextView unit;
  std::string text;   // as printed, with its unit ("28项", "21%")
  std::string label;  // column label + in-line label: "申请专" + "利" -> "申请专利"
  TextView after;  // up to 8 code points of the view after the figure, on its line
  // A prose figure with no label that opens its line: the words ending the line before, when the
  // sentence wraps there (TakeWrappedLabels). Read only where a reading asks for it.
  TextView wrapped_label;
  // The interval is exact because its table's header or unit line names a count, not its own unit.
  bool context_count = false;
};
static_assert(sizeof(Figure) == 6 * 4 + 8 * 8 + 2 * sizeof(std::string) + 3 * sizeof(TextView) + 8,
              "Figure holds no padding but its tail");

enum class RelationKind { kPercentBreakdown, kPartsTotal, kSubset };

// Why the relation was recognised.
enum class Evidence {
  kStated,  // a caption, 共/合计/其中 in the text
  kLayout,  // inferred from the layout and category labels only
  kTable,   // a table's 合计/总计/小计/Total row or column, or a closed category set in its rows
};

// How sure a mismatch is a defect of the report; decides its severity.
enum class Certainty {
  kCertain,  // an explicit total, or parts naming every category of a closed set (error)
  kLikely,   // other categories may exist unprinted, or the grouping is inferred (warning)
};

// How a kSubset relation is stated; the finding's message names it.
enum class SubsetCue {
  kOfWhich,    // 其中 (其中包括 too), "of which", or a table's 其中 / "of which" row
  kIncluding,  // 包括, 包含, "including"
  kVerbPair,   // a pair of verbs counting the whole and some of it (排查 … 整改): Relation's verbs
  kShareOf,    // a figure then its share of a base named by a total word (占总装机容量的22.54%)
  kGroupRow,   // a KPI table row naming a group of the total row above it (女性员工 under 员工总数)
  kAmong,      // a count, its noun and 中 (among), then the next clause's count (10名高管中，女性高管为4名)
               // or the count after 有 (12名员工中有3名)
  kRunningTotal,  // a year's figure and the running total of the same thing (新增…1,020件 / 累计…10,963件)
  kIncrease,   // an increase and the level it reached (增加义工人数732名至2,446人)
  kGroupMember,  // a group's figure and the same figure of one of its members (本集团… / 本行…): Relation's verbs hold the subjects
  kStaffGroup,  // a whole-staff headcount, then a group of its staff in a later clause (员工…人，女性员工…人)
  kRateOf,     // two counts, then a rate named by the second's verb (毕业生…人，实现就业…人，就业率…%):
               // part_verb holds the rate's name
};

struct Relation {
  RelationKind kind = RelationKind::kPercentBreakdown;
  Evidence evidence = Evidence::kStated;
  Certainty certainty = Certainty::kCertain;
  std::string caption;           // breakdown caption or the total's label; may be empty
  uint64_t caption_offset = 0;   // caption location when it is not one of the figures
  uint64_t caption_length = 0;
  int total = -1;                // index into figures(); -1 for percentage breakdowns (total 100)
  std::vector<int> parts;        // indexes into figures(), in text order
                                 // (kSubset: one, or the named kinds of an open set, never flagged)
  bool consistent = true;        // the intervals overlap
  // The intervals overlap when counts exact only by their table's header or unit line (Figure's
  // context_count) keep their rounding interval: whether the rows form the grouping is read this
  // way, so that a total off by one as printed in one count column still counts as a grouping's
  // column; `consistent` and `flag` judge the exact counts. Set by the model-table reader only.
  bool adds_up_rounded = false;
  bool flag = false;             // inconsistent and certain enough to report
  // Set by FlagRowsOffExactTables: the row holds only within rounding, while this many rows of its
  // table and layout add up exactly as printed (the finding says so).
  int exact_rows = 0;
  // Set by Add: off only at the column precision a member was read to (ShortDecimalsToColumnPrecision),
  // within the members' own printed rounding; a likely relation then (the finding says so).
  int column_decimals = 0;
  double sum_low = 0;            // interval of the sum of the parts
  double sum_high = 0;
  // The factor taking the parts' printed values to the total's scale, and the unit they are printed
  // in: 1e4 and 万元 for the bare cells of a table column in 万元 summed into a prose amount in 亿元.
  double parts_scale = 1;
  std::string parts_unit;
  // A sum off its total by more than a factor of two that foots once one part is read 10^slip_power
  // times its printed value (NearOrSlip): that part's index into parts, else -1.
  int slip_part = -1;
  int slip_power = 0;
  // The total, not a part, foots once read 10^slip_power times its printed value (TotalSlipFoots).
  bool slip_total = false;
  SubsetCue cue = SubsetCue::kOfWhich;  // kSubset only
  std::string whole_verb;        // kVerbPair: the verb of the total's clause as printed (排查)
  std::string part_verb;         // kVerbPair: the verb of the subset's clause (整改)
};

// A part printed with its share of a base whose figure the text gives before it (`员工总数38,655人 …
// 女性员工11,329人，占员工总数的29.31%`), or a rate after two counts that it divides (`毕业生1,000人，实现
// 就业950人，就业率95%`): the share is checked against part / base (numeric.share-mismatch). Indexes
// into RelationAnalysis::figures().
struct ShareClaim {
  int part = -1;
  int base = -1;
  int share = -1;
  Certainty certainty = Certainty::kCertain;  // kLikely: the base was found past a semicolon
  bool rate = false;  // the share is a rate named after the part's count (就业率, 整改率)
  // A share written as a fraction (`占董事会成员人数的三分之一`, `占比1/3`) has no figure: `share` is -1
  // and the fraction numerator / denominator stands at [offset, offset + length) of the text;
  // `at_least` when a word bounds it from below (超过1/3, 三分之一以上, 不低于三分之一).
  int numerator = 0;
  int denominator = 0;
  bool at_least = false;
  uint64_t offset = 0;
  uint64_t length = 0;
};

// Whether `share` (a percentage) is `part` over `base`, by interval arithmetic on their printed
// precisions, the share widened to one unit of its last printed digit either way (rounded or cut off).
bool ShareAgrees(const Figure& part, const Figure& base, const Figure& share);
// The same for a claim whose share is a fraction (ShareClaim::numerator): exact, or a lower bound.
bool FractionAgrees(const Figure& part, const Figure& base, const ShareClaim& claim);

class RelationAnalysis {
 public:
  RelationAnalysis(const sdk::Document& doc, const sdk::Context& ctx);

  const std::vector<Figure>& figures() const { return figures_; }
  const std::vector<Relation>& relations() const { return relations_; }
  const std::vector<ShareClaim>& share_claims() const { return share_claims_; }

  // "21% + 79% = 100%" / "28项 + 61项 = 89项" / "67名 <= 155名" (the printed arithmetic).
  std::string Describe(const Relation& r) const;
  // Member locations with their labels, total first, for findings and relation listings.
  std::vector<sdk::Related> Members(const Relation& r) const;
  // Printed sum of the parts, in the parts' unit: "110%", "99项".
  std::string SumText(const Relation& r) const;
  // What the parts leave of their total, printed like their sum: "37项" for 28项 + 24项 of 89项.
  std::string ShortfallText(const Relation& r) const;
  // The clause naming the part whose slip explains a sum far off (r.slip_part), in the report's
  // language; empty when no part is named.
  std::string SlipText(const Relation& r, bool english) const;

  static const char* KindName(RelationKind kind);

 private:
  friend struct RelationAnalysisPeer;  // the tests' access to FiguresByLine and figures_
  void LoadFigures(const sdk::Document& doc);
  void TakeWrappedUnits(const sdk::Document& doc);
  void TakeWrappedLabels(const sdk::Document& doc);
  void FindCaptionedBreakdowns(const sdk::Document& doc);
  void FindOneCategoryPies(const sdk::Document& doc, const std::vector<const LayoutCell*>& captions,
                           std::set<int> taken);
  void FindInlineRelations(const sdk::Document& doc);
  void FindMarkupTotals(const sdk::Document& doc);
  // Tables of the structure model written with tabs, aligned columns or Markdown pipes (a row per
  // line; HTML tables are read by FindMarkupTotals only, pipe tables by both, FindMarkupTotals
  // first): total rows and columns, and closed category sets across row labels.
  void FindModelTables(const sdk::Document& doc);
  // A table row as FindModelTables reads it, its cells, what it keeps across a document's tables
  // and the reader of one table (relation_model_table.h).
  struct ModelSlot;
  struct ModelRow;
  struct ModelDocument;
  class ModelTable;
  void FindLayoutTotals();
  template <typename Tokens>
  void AnalyseTokens(const Tokens& toks, std::string_view doc_text);  // doc_text: the document's text
  // "…装机容量达785万千瓦，可再生能源装机容量177万千瓦，占总装机容量的22.54%": a figure followed by a
  // clause giving its share of a base named by a total word is a subset of the figure of that base.
  template <typename Tokens>
  void FindShareOfBaseSubsets(const Tokens& toks, std::string_view doc_text);
  // Shares listed with 分别为 after the names they belong to (see the .cc).
  template <typename Tokens>
  void FindRespectiveShares(const Tokens& toks);
  // A 其中 part closed by its complement (未X after X) in the next sentence (see the .cc).
  template <typename Tokens>
  void FindComplementSplits(const Tokens& toks, std::string_view doc_text);
  // A 其中 opening a sentence whose part repeats the noun of an earlier figure (see the .cc).
  template <typename Tokens>
  void FindSubsetsByRepeatedNoun(const Tokens& toks);
  // A figure whose next clause names its noun with a qualifier before it, no 其中 (see the .cc).
  template <typename Tokens>
  void FindSubsetsByQualifiedNoun(const Tokens& toks);
  // A subset stated with 中 (among) after a count's noun: the part's figure, or -1 (see the .cc).
  template <typename Tokens>
  // `more`: the counts opening the clauses after a ； in its sentence that name the same noun
  // (`在考核的83项指标中，41项…；18项指标…`), each a subset as well.
  int AmongSubset(const Tokens& toks, size_t t, std::vector<int>* more) const;
  // Parts after 其中 paired each with the total of its own unit among several before it: (total, part)
  // pairs, or none (see the .cc).
  template <typename Tokens>
  std::vector<std::pair<int, int>> PartsOfTotalsByUnit(const Tokens& toks, size_t t) const;
  // Whether a share or rate clause alone stands between a total and its 其中 (see the .cc).
  template <typename Tokens>
  bool RateClauseBetween(const Tokens& toks, std::string_view doc_text, long total, long rate, long subset,
                         int part) const;
  // Whether `part`, after 其中, is one year's share of the running total `total` (see the .cc).
  bool YearOfRunningTotal(std::string_view doc_text, int total, int part) const;
  // Whether a stated relation that does not add up is certain enough to report (see the .cc); may
  // name a slipped part (NearOrSlip).
  bool Reportable(Relation* r, bool enumerated) const;
  // Whether parts stated in words whose sum is above their total, farther than a changed figure and
  // with no slip to name, are still off: they name every category of a closed set (`complete`: they
  // make exactly the total) or one part alone exceeds it (no overlap explains that), and the sum is
  // within kCompleteSetReach times the total (farther, the figures do not belong together).
  bool FarAboveYetOff(const Relation& r, bool complete) const;
  // The severity rule of short sums: parts below an explicit total they do not name completely
  // (`closed` false: no 其他 row, no closed category set, no total row under them) may leave a
  // category unprinted, so the shortfall is reported as Likely (a warning naming what is missing),
  // never as an error.
  bool ShortOfAnOpenSet(const Relation& r, bool closed) const;
  std::string AmountText(const Relation& r, double amount) const;
  // Whether the parts' labels are categories of one dimension (each once), and whether they name
  // every category of a closed dimension (男 and 女).
  struct Categories {
    bool same_dimension = false;
    bool complete = false;
  };
  Categories CategoriesOf(const std::vector<int>& parts) const;
  // Whether two of the parts name groups along different dimensions and none in common (女性员工 and
  // 党员员工: gender and party membership), so that they may overlap. The Facets() dimensions are
  // read on counts of people (人, 名, 位) only.
  bool AlongDifferentDimensions(const std::vector<int>& parts) const;
  // Whether parts listed after a headcount's 其中 are each a group of its people though their labels
  // need not repeat the total's noun: the total counts people (人, 名, 位) and names staff (员工,
  // 职工, 人员), every part counts people in its unit and names a category of Dimensions() (本科及以上
  // 学历, 中级以上职称, 女性), and two of them categories of different dimensions. The Facets() groups
  // are left out: 党员 alone may count members beyond the staff (retired ones).
  bool GroupsOfAHeadcount(int total, const std::vector<int>& parts) const;
  // Whether parts listed after a total name it (each part's label ends with a noun the total
  // carries: 职工代表监事 / 非职工代表监事 of 5名监事), and whether the last one closes the set (其他).
  struct PartNaming {
    bool names_total = false;
    bool closed = false;
  };
  PartNaming NamingOf(int total, const std::vector<int>& parts) const;
  // Two counts of one unit in one sentence, joined by a pair of verbs whose second counts some of
  // what the first counted ("排查隐患560项，整改558项", "发放问卷2,735份，回收2,581份"): a subset stated
  // without a subset word, Likely (a warning) since the pair is read from its words' meaning.
  void FindPairedVerbSubsets(const sdk::Document& doc);
  void FindGroupMemberSubsets(const sdk::Document& doc);
  // "公司在岗员工19817人，女性员工4232人，少数民族员工1006人": groups of a whole-staff headcount in the
  // later clauses of its sentence, no subset word; each a subset, Likely (a warning). See the .cc.
  void FindStaffGroupSubsets(const sdk::Document& doc);
  // "公司共有员工2245人。30岁以下189人，…，50岁以上285人。": a closed set of age or education bands in a later
  // sentence, no subset word, as parts of the whole-staff headcount just before it; Certain. See the .cc.
  void FindBandsAfterAHeadcount(const sdk::Document& doc);
  // Counts of a total's kinds after it with no subset word (see the .cc).
  void FindKindsAfterATotal(const sdk::Document& doc);
  // "发电量1,900.64亿千瓦时…；上网电量1,778.20亿千瓦时…": a later measure of a flow within the first
  // (the pairs marked `measure` in numeric/stage-pairs.json), figure by figure; Likely. See the .cc.
  void FindMeasurePairSubsets(const sdk::Document& doc);
  // "累计授权10,963件，2016年新增1,020件": a year's figure within the running total of the same thing
  // in one sentence, no subset word; Likely (a warning). See the .cc.
  void FindRunningTotalSubsets(const sdk::Document& doc);
  // "…帮扶金额33.4万元。…帮扶金额22.2万元。合计投入金额59.68万元。": a paragraph's amounts summed by the
  // 合计 sentence closing it; Likely. See the .cc.
  void FindParagraphClosingTotals(const sdk::Document& doc);
  // A figure a section states before its subsections, summed by each subsection's figure of the same
  // label (合计投入金额); Likely. See the .cc.
  void FindSectionTotals(const sdk::Document& doc);
  // "公司总部开展各类课程24项…。全系统共计开展各类课程336项…": a part of the reporter's figures within the
  // whole's, in parallel sentences; Likely. See the .cc.
  void FindScopePairSubsets(const sdk::Document& doc);
  // "以总股本8,736,833,500股为基数…合计转增3,494,733,400股，转增后公司总股本将增至12,231,566,900股": the
  // share capital after a conversion of reserves as the base plus the shares added; Certain. See the .cc.
  void FindCapitalAfterAConversion(const sdk::Document& doc);
  // "资产总额为363,940.89万元，负债总额为169,336.72万元，净资产为194,604.17万元": total assets as liabilities plus
  // net assets in one sentence (the accounting identity); Likely. See the .cc.
  void FindBalanceSheetSentences(const sdk::Document& doc);
  // "71.2% Men / 28.8% Women": two shares of a two-way set, each followed by its word, joined by a slash.
  void FindSlashSharePairs(const sdk::Document& doc);
  // A pie whose shares are printed apart from its legend: a block of cells holding shares only, and
  // the legend nearest to it (cells opening with a legend key) with exactly as many entries.
  void FindLegendPies(const sdk::Document& doc);
  // Cards of a map or a key-figure page: a figure alone in its cell with its label stacked under it
  // (`6,023` over `EMPLOYEES`), repeated per region or segment, and one card headed by a total word
  // (`GROUP`) whose figure is the total of the others with the same label and unit.
  void FindCardTotals(const sdk::Document& doc);

  // Rows of figures set apart by spaces alone (no grid): a column that is the sum of the columns next
  // to it in every row but one, in at least three rows, is their total column (see the .cc).
  void FindRowTotalColumns(const sdk::Document& doc);
  // The same construction in ragged rows: dash cells (`–`) for nil values, words after the figures (a
  // source or basin column), a label wrapped onto the lines around a row, and rows of one table with
  // different numbers of cells (a dash column dropped, trailing cells wrapped). Rows of the same
  // width share a layout; a total column found there must be confirmed by the other widths (see the .cc).
  void FindRaggedRowTotalColumns(const sdk::Document& doc);
  // Rows of a label and three figures, the last the sum of the two before it, taken only where four
  // rows of one run foot (see the .cc).
  void FindThreeFigureRowTotals(const sdk::Document& doc);
  // Tab-separated rows whose cells keep their columns (an empty cell between two tabs, a dash), labelled
  // by words: a column that is the sum of the cells next to it, where the table's own rows
  // prove it in fewer rows than the readers above need when the figures are precise or the table of small
  // counts adds up in nearly every row that counts anything (see the .cc).
  void FindTabbedRowTotalColumns(const sdk::Document& doc);
  // The 2016 poverty-relief form of the exchanges' template (精准扶贫工作情况统计表), a row per line with
  // its label and value apart by a tab: the overview's 资金 is the total of the programmes' amounts,
  // and its 脱贫数 the total of the programmes' 脱贫数 rows (see the .cc).
  void FindPovertyReliefForms(const sdk::Document& doc);
  // Rows of a small table set among prose (a PDF page whose text columns share the rows' lines),
  // anchored on a total row of figures alone: its column sums and row sums, and one row whose pieces
  // of space-grouped digits are regrouped into the table's number of columns (see the .cc).
  void FindRowsAmongProse(const sdk::Document& doc);
  // Rows of one figure each whose labels end with the quantity and unit a `Total …` row below them
  // names (`Scope 1 carbon emissions mtCO2e 5.75` over `Total carbon emissions mtCO2e 9.93`).
  void FindTotalsOfLabelTails(const sdk::Document& doc);
  // A water balance in rows of one figure each: total water withdrawn = discharged + consumed, the
  // three rows within a few lines of each other, in any order (see the .cc).
  void FindWaterBalanceRows(const sdk::Document& doc);
  // A row of shares naming one whole across the columns of a table whose columns are categories
  // (a purchase share by region): a percentage breakdown (see the .cc).
  void FindShareRowsOfCategoryTables(const sdk::Document& doc);
  // Rows of shares set among prose or alone, each ending in the same number (three or more) of
  // percentages set apart by blanks, labelled by a category or a year, within a few lines of each
  // other: each row is one breakdown when at least two of them add up to 100 % and none is far off
  // (see the .cc).
  void FindShareRowRuns(const sdk::Document& doc);
  // The right one of tables set side by side among prose: a total row of figures alone and rows
  // above it whose lines end in as many figures, whatever stands before them (see the .cc).
  void FindTotalsOfTrailingRuns(const sdk::Document& doc);
  // A table of rows with no total, under a header of period columns, whose total is a row of the
  // table just above it named alike (`Scope 3` over a table of scope 3 categories; see the .cc).
  void FindTotalsInTheTableAbove(const sdk::Document& doc);
  // A table of one count column with no total of its own (suppliers by region, in 家), under a
  // caption naming a breakdown of a noun, right after a sentence stating a total of that noun in the
  // table's unit (`共有注册供应商40,942家`): the rows are that total's parts (see the .cc).
  void FindTotalsInTheProseAbove(const sdk::Document& doc);
  // A prose total of the cash dividends of several years beside a dividend table listing them
  // (`1996年至2015年…累计分红…分红总额达到309.64亿元` over `年份 | … | 分红金额(亿元）`): the table's
  // yearly amounts are the total's parts, when the sentence provably covers the table's years; and
  // the table's own running-total row (累计金额) sums its years (see the .cc).
  void FindDividendTableTotals(const sdk::Document& doc);
  // A table with no total row whose total row was cut off from it: a line of a total word alone
  // (总计) a few lines below, after chart text, and its figures on the lines right after it, one per
  // value column (see the .cc).
  void FindCutOffTotalRows(const sdk::Document& doc);
  // Tables of a headcount's breakdown (education, region) right under the table that prints the
  // headcount per year (`年份 | 总人数 …`), keyed by the same years, in rows or in columns, with no
  // total of their own: each year's parts sum to that year's headcount (see the .cc).
  void FindHeadcountsInTheTableAbove(const sdk::Document& doc);
  // A table's column (or row) totalling the run of columns (rows) right before it in its unit, named
  // by a quantity and no total word (全年安全投入 after three kinds of spending, 万元 each; 综合能耗
  // after two kinds of energy in 千克/年): read from the arithmetic of most witnesses (see the .cc).
  void FindQuantityTotalLines(const sdk::Document& doc);
  // A row of a table of three value columns or more (years) equal to the sum of the run of two to four
  // rows right below it (or right above it) in every column but at most one, named by no word (净利润
  // over 归属母公司股东的净利润 and 少数股东损益): read from the arithmetic of the columns (see the .cc).
  void FindRowsSummingTheRowsBelow(const sdk::Document& doc);
  // A footnote's 其中 of a figure carrying its note mark: `总耗水量（百万吨）注2 | 227.7` in a KPI table or
  // `1,200万元註` in prose, then a note `註2 其中，地表水…百万吨，…，其他水…百万吨` below it: the note's
  // figures are the marked figure's parts (see the .cc).
  void FindFootnoteParts(const sdk::Document& doc);
  // A bar chart printed as one line of figures alone (`87  83  89 … 422`), its caption naming a
  // breakdown above it, under a key figure stating the total of the noun the caption counts (`1,459`
  // over `公司供应商总数`): the row's figures are that total's parts (see the .cc).
  void FindFigureRowCharts(const sdk::Document& doc);
  // An amount produced, then the amount of it put to use, then that use's rate below 100 %
  // (`产生废水总量168.69百万吨，综合利用量115.67百万吨，综合利用率68.57%`): the rate says the use is
  // within the production, so the second is a subset of the first (see the .cc).
  void FindRatedUsePairs(const sdk::Document& doc);
  // Two charts whose captions share one line (`投入-按业务(亿元)  投入-按用途(亿元)`) and whose rows
  // run one after the other below it, each total stated in the sentence above (see the .cc).
  void FindTwoChartCaptions(const sdk::Document& doc);
  // Tables of shares set side by side, the row key (a year) opening each one's part of every row's
  // line, a line of shares alone above a row holding more of its cells (see the .cc).
  void FindSideBySideShareRows(const sdk::Document& doc);
  // Share claims (ShareClaim) of the parts of stated subsets and sums: a part's clause that goes on
  // with its share, of no named base or of the total's (…其中女性员工1,200人，占比30.0%).
  void FindSharesOfStatedParts(const sdk::Document& doc);
  // The share figure printed right after figure `part` as its share of figure `total`, or -1: the
  // clause reads `，占` (or `（占`), optional 到 / 了, the base's words, a lead (的, 的比例为, 约 …) and the
  // share (`，占比30.0%`, `，占员工总数的30.0%`). The base's words, without a total word (总数, 总人数 …)
  // and the company's 公司, are empty or name the total (LabelNamesShareBase): a share of another base
  // (占管理和技术人员总数的35%) is no share of it. `text`: the document's text.
  int StatedShare(int part, int total, std::string_view text) const;
  // The same clause ending in a fraction instead of a percentage (`，占董事会成员人数的三分之一`,
  // `，占比1/3`, `（占董事总数的三分之一）`, `，占比超过1/3`): fills the claim's fraction fields and returns
  // true. Fractions of one or two digits, or Chinese numerals 一 to 十 (X分之Y); an approximate one
  // (约三分之一, 近1/3) is no claim.
  bool StatedFraction(int part, int total, std::string_view text, ShareClaim* claim) const;
  // Whether `between` (the clause after a part, blanks removed, up to its share) is `，占` and a base
  // that is empty or names figure `total` (StatedShare).
  bool ShareOfTotal(std::u32string_view between, int total) const;
  // A KPI table whose rows fall into blocks, each under a row naming its split (按性别划分, by age),
  // closed by ONE total row (总数) under the last block: every block is a breakdown of that total, and
  // the shares printed in brackets after the counts (611 (11.5%)) of the total's share. A second
  // table set on the same lines to the right keeps its own label and value columns (see the .cc).
  void FindBlocksOverOneTotal(const sdk::Document& doc);
  // Rows of one table whose sum (a total cell over the same run of cells in every row) holds exactly
  // as printed teach that the table adds its printed figures: a row of that layout which holds only
  // within the rounding of its figures is off as printed, a warning (see the .cc).
  void FlagRowsOffExactTables();
  // A relation stated in the text: its caption the total's label, its sum and consistency computed
  // (total -1: a percentage breakdown of 100 %).
  Relation Stated(RelationKind kind, int total, std::vector<int> parts) const;
  // Sets r->sum_low / sum_high: the interval sum of its parts.
  void SumParts(Relation* r) const;
  // A layout's sum as printed: SumParts, then r->consistent when the sum's interval meets the total's
  // [total_low, total_high] (100, 100 for shares), r->flag when it does not. Returns r->consistent.
  bool LayoutSum(Relation* r, double total_low, double total_high) const;
  // A table's sum of `parts` into `total` (certain), into *out with its consistency; false when the
  // sum is far off the total (below half of it or above twice it): a misread row, not a slip.
  // `proven`: other rows of the table proved its columns (NearOrSlip's `proven`).
  bool TableSum(int total, std::vector<int> parts, std::string caption, Relation* out, bool proven = false) const;
  // Whether a sum that misses [total_low, total_high] is still worth reporting: from `below` to
  // `above` times it (a changed figure), or farther off but footing once exactly one part is read 10^k
  // times its printed value, k = ±1 to ±4 or ±8 (a digit added or dropped, a 千, 万 or 亿 slip), the
  // other parts alone not footing, no other part or k doing so, and the total printed to two digits
  // at least (a one-digit count's footing could be chance) unless one part alone is non-zero and prints
  // the total's own digits 10^k times over (20 against 2, 5.0 against 0.5: no chance), or the row is
  // `proven` a sum by other rows of its table (0 + 0 + 1 + 10 against 2: the row is off whatever the
  // chance of the slip's reading); the last sets r->slip_part and r->slip_power. Farther off
  // otherwise, the figures were misread as a set.
  bool NearOrSlip(Relation* r, double total_low, double total_high, double above = 2, double below = 0.5,
                  bool proven = false) const;
  // Whether exactly one part read 10^k times its printed value (k as above) makes the sum meet
  // [total_low, total_high], the other parts alone not doing so: sets r->slip_part and r->slip_power.
  // A part printed as zero is never the one. Where the members' intervals admit two readings (zeros widened to their column's precision:
  // `0.17` over `0 | 1.70 | 0 | 0` meets 0.17 at k = -1 and at k = -2), the one that foots with
  // the other parts at their printed values is taken, if only one does.
  bool OneSlipFoots(Relation* r, double total_low, double total_high) const;
  // Whether the total alone, read 10^k times its printed value (k = ±1 to ±3), meets the parts' sum
  // while the sum is far from it (a subtotal row printed with a digit added is a part above and a
  // total here): exactly one k does, the total read so keeps three significant digits or more, and
  // two parts or more are non-zero. Sets r->slip_total and r->slip_power.
  bool TotalSlipFoots(Relation* r) const;
  // Whether shares of one whole (no total figure) are read as one: their sum within kPlausible points
  // of 100 %, or ShareSlip.
  bool NearHundredOrSlip(Relation* r) const;
  // Whether shares of one whole make 100 % once exactly one of them, printed 10 or 100 times its value
  // (a digit or two added), is read so (r->slip_part names it): no misread grouping does so by
  // chance. A share printed too small is not read so: the digit it lost is unknown, so its interval
  // would be ten times as wide. Nor is a share printed as 100 %: beside other shares it is far more
  // often a whole of its own (a category holding all of it) than 10 % with a digit added.
  bool ShareSlip(Relation* r) const;
  // Whether a relation found so far sums into figure `total`.
  bool Summed(int total) const;
  // Whether a relation read already counts `figure` as one of its parts.
  bool IsPart(int figure) const;
  // A bare `0` in a column printing decimals (5.8, 0.1) is exact to that column's precision: a value
  // of 0.3 would print 0.3 there. Each of `part_columns` (figure indexes down one column of a sum's
  // rows; negative: no figure) prints d decimals when at least three of its cells are non-zero and
  // more than half of those print decimals (d the fewest they print); a column of fewer non-zero
  // cells takes the decision over the sum's columns pooled (the parts and `total_column`). The
  // zeros of a part column printing d >= 1 decimals get ±0.5·10^-d, never wider than their own;
  // whole numbers keep their rounding (a whole number among decimals may be a coarser estimate).
  // Each figure tightened is recorded in *own (when given) with its own interval.
  // Then ShortDecimalsToColumnPrecision over the part columns and the total column.
  void ZerosToColumnPrecision(const std::vector<std::vector<int>>& part_columns, const std::vector<int>& total_column,
                              std::map<int, std::pair<double, double>>* own);
  // A column of a table whose non-zero cells (at least three) print d >= 2 decimals in more than
  // half of them: a cell printing some decimals but fewer than d lost its trailing zeros (0.5 for
  // 0.50, as a spreadsheet prints it) and gets ±0.5·10^-d. Whole numbers keep their rounding, as
  // in ZerosToColumnPrecision. Each figure tightened is recorded in *own (when given).
  void ShortDecimalsToColumnPrecision(const std::vector<int>& column, std::map<int, std::pair<double, double>>* own);
  // The figures ShortDecimalsToColumnPrecision tightened: their own interval and the decimals read.
  struct OwnPrecision {
    double low, high;
    int decimals;
  };
  std::map<int, OwnPrecision> short_decimals_;
  // The indexes of figures_ per line, in index order, or by offset on the line when `by_offset`.
  // Built on first use and kept while figures_ keeps its size (FindRowsAmongProse, the last pass,
  // appends figures; no pass moves one): a pass that changes the map takes a copy.
  const std::map<uint32_t, std::vector<int>>& FiguresByLine(bool by_offset) const;
  // The figure at each text offset (the first one when two share an offset). Built on first use and
  // kept while figures_ keeps its size, as FiguresByLine.
  const std::map<uint64_t, int>& FigureAt() const;
  // Every figure by its first byte in the matching view, sorted (SentenceFigures' input). Built on
  // first use and kept while figures_ keeps its size, as FiguresByLine.
  const std::vector<std::pair<uint64_t, int>>& FiguresByView(const sdk::Document& doc) const;
  // The figures that are a total or a part of a relation read so far.
  std::set<int> FiguresInRelations() const;
  // Sums each column of `rows` to its total in `totals` when most of them hold (see the definition).
  void AddColumnSums(const std::vector<std::vector<int>>& rows, const std::vector<int>& totals,
                     const std::string& total_label);
  void Add(Relation r);

  std::vector<Figure> figures_;
  std::vector<Relation> relations_;
  std::vector<ShareClaim> share_claims_;
  // KPI rows that are groups of a total row above them (FindModelTables), with the row labels of
  // their figures: added after every other reader, each unless a relation already joins its two
  // figures (员工总数 over 男性员工 / 女性员工 rows that add up to it are a sum, not two subsets).
  struct GroupRow {
    Relation relation;
    std::string total_label;
    std::string part_label;
  };
  std::vector<GroupRow> group_rows_;
  void AddGroupRows();
  const LayoutCells* cells_ = nullptr;  // the structure model's cells (shared)
  // FiguresByLine's maps (index order, by offset) and the figure count each was built for. The count
  // tells a grown list only: whoever shrinks figures_ calls DropFiguresFrom, which forgets the maps
  // (a list shrunk and grown back to the same size holds other figures).
  void DropFiguresFrom(size_t base);
  mutable std::map<uint32_t, std::vector<int>> figures_by_line_[2];
  mutable size_t figures_by_line_count_[2] = {SIZE_MAX, SIZE_MAX};
  // FigureAt's map and the figure count it was built for.
  mutable std::map<uint64_t, int> figure_at_;
  mutable size_t figure_at_count_ = SIZE_MAX;
  mutable std::vector<std::pair<uint64_t, int>> figures_by_view_;
  mutable size_t figures_by_view_count_ = SIZE_MAX;
  // Texts of figures_ that are no bytes of the document (Figure's views); a deque never moves them.
  std::deque<std::string> kept_texts_;
  // While AnalyseTokens runs: the code point of each text token of its paragraph (0 for the others).
  const std::vector<char32_t>* token_chars_ = nullptr;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_RELATION_ANALYSIS_H_
