// FindModelTables' reading of the structure model's line tables (aligned columns, tabs, Markdown
// pipes; one row per line): the cells and rows it reads, what it keeps across the tables of one
// document, and one table's reader. relation_model_rows.cc reads a table's rows; the relations in
// the rows read are found by relation_model_tables.cc (sums), relation_model_shares.cc (breakdowns
// of shares) and relation_model_subsets.cc (其中 rows, groups). Internal to the numeric plugin.
#pragma once

#include "relation_internal.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::numeric {

// A cell of a structure-model table as FindModelTables reads it.
struct RelationAnalysis::ModelSlot {
  int slot = 0;
  int figure = -1;  // -1: text or a dash
  int share = -1;   // a share printed in brackets after the figure (56 (1.1%)), or -1
  bool dash = false;
  std::string text;
  uint64_t offset = 0;  // its text span (cells read as they stand)
  uint64_t length = 0;
};

struct RelationAnalysis::ModelRow {
  uint32_t line = 0;
  std::string label;   // the last text cell before the first figure (a unit cell after it excepted)
  std::string unit;    // a unit column's cell ("Thousand tonnes", 吨), when the row has one
  uint64_t label_offset = 0;  // its text span
  uint64_t label_length = 0;
  bool readable = true;  // every cell has one slot
  bool has_figure = false;
  int header = -1;  // index into the table's headers: the row of labels above it
  std::vector<ModelSlot> cells;
  const ModelSlot* At(int slot) const {
    for (const ModelSlot& s : cells) {
      if (s.slot == slot) return &s;
    }
    return nullptr;
  }
};

// What FindModelTables keeps across the tables of one document: where its figures and grid rows
// are, the row labels its figures take, and the blocks of a split printed table by table.
struct RelationAnalysis::ModelDocument {
  // A row of a block of a split printed as tables of their own (ModelTable::FindSplitBlocks).
  struct SplitRow {
    std::string label;
    uint64_t label_offset = 0;
    uint64_t label_length = 0;
    std::map<int, int> shares;  // slot -> percentage figure
  };
  // One such block: its title naming one category of a closed dimension, and its rows.
  struct SplitBlock {
    int dim = -1;
    std::string category;
    std::string title;
    uint32_t title_line = 0;
    uint32_t last_line = 0;
    std::vector<SplitRow> rows;
  };

  const std::map<uint64_t, int>* figure_at = nullptr;  // the analysis' FigureAt()
  std::map<int, std::string> row_label;  // figure -> the label of its table row
  std::map<int, int> share_of;  // figure -> its share printed in brackets in its cell (56 (1.1%))
  // The rows of the aligned, tab and Markdown pipe tables' grids (one row per line), by the line of
  // their values (of their label for a row without values). A host without grids has none: its
  // aligned and tab tables are not read. Pipe tables are read here as well as by FindMarkupTotals
  // (whose relations come first), so that every construction of aligned tables (blocks under a total
  // row, closed category rows, shares, dashes, repeated headers) reads them.
  // A row's cells are the host's (sdk::Document::GridCell), `count` of them from `first`: a grid's
  // cells come row by row, so a row's are consecutive.
  struct GridRow {
    uint32_t first = 0;
    uint32_t count = 0;
  };
  std::map<uint32_t, GridRow> grid_rows;
  std::set<uint32_t> grid_lines;  // every line holding a grid cell (a wrapped label piece too)
  // Blocks of one split printed as tables of their own, one after the other, each under a title
  // naming one category of a closed dimension ("Female" over rows of shares, then "Male" over the
  // same rows): the chain read so far.
  std::vector<SplitBlock> split_chain;
};

// One table of the structure model (with the tables continuing it after a page break), read into
// rows and then searched for relations, which it adds to the analysis in a fixed order. Lives for
// one table; REQUIRES the analysis' figures not to be added to while it lives.
class RelationAnalysis::ModelTable {
 public:
  using Slot = ModelSlot;
  using Row = ModelRow;

  // The table of index `ti`, an aligned, tab or pipe table.
  ModelTable(RelationAnalysis& ra, ModelDocument& md, const sdk::Document& doc, uint32_t ti);
  // Reads the rows of the table and of the tables continuing it; returns the index of the last
  // table read, where the caller goes on.
  uint32_t Read(uint32_t ti);
  // Every reading of relations in the rows read, in order.
  void FindRelations();

 private:
  // --- Reading the rows (relation_model_rows.cc) ---
  // The figure a cell holds as its whole content (a '%' after it aside, or its share in brackets:
  // `share` receives that share), or -1; bands (30岁以下, 50岁以上) are category labels, not values.
  int WholeFigure(uint64_t offset, std::string_view text, int* share = nullptr);
  // A cell read into its row: the first figure opens the values; the last text cell before it is
  // the row's label.
  void AddCell(Row& row, Slot&& s);
  // The extractor's label of a figure in a table may be a neighbour's: its figures take the row label.
  void FinishRow(const Row& row);
  // The row on `line` (see the .cc).
  Row ReadRow(uint32_t line);
  // A row of labels only (three or more cells): it heads the rows below it.
  static bool LabelRow(const Row& row);
  void AddHeader(const Row& row);
  // The text of `line` on the matching view, without spaces or tabs.
  std::string LineText(uint32_t line) const;
  // Appends the lines of the tables continuing table `ti` after a page break; returns the index of
  // the last one (see the .cc).
  uint32_t TakeContinuations(uint32_t ti);
  // Reads the rows of lines_ into rows_, each under its header.
  void ReadRows();
  // A unit column between the row label and the figures: the label is the text before it.
  void TakeUnitColumns();
  // Whole numbers in rows of counts are exact (see the .cc).
  void MakeCountsExact();
  // The header row above `row`, empty when it has none.
  const std::map<int, std::string>& HeaderRow(const Row& row) const;
  // The header of `row`'s column `slot`, empty when none.
  std::string HeaderOf(const Row& row, int slot) const;

  // --- What the readings of relations share (relation_model_tables.cc, but SubsetCells and
  // AddGroupRow: relation_model_subsets.cc) ---
  // The members' labels set to their rows' labels.
  void Relabel(const Relation& r);
  // Adds sums read from a layout whose set of parts may be incomplete (named sources, inferred
  // series): only parts above their total are flagged, a shortfall is not.
  void AddFlaggingExcess(std::vector<Relation>& sums);
  // ColumnTotals of `head` over the rows `list`, added by AddFlaggingExcess when most add up (MostAddUp).
  void AddMostAddingUp(const Row& head, const std::vector<size_t>& list, bool skip_rates);
  // Relabels and adds each relation.
  void AddAll(std::vector<Relation>& relations);
  // Years across the header: a time series, never summed across.
  static bool YearColumns(const std::map<int, std::string>& h);
  // The figures of the given rows in one column, in `parts`; false when a row has neither a figure
  // nor a dash there (the column is then no breakdown). A dash is a zero part and left out.
  bool ColumnParts(const std::vector<size_t>& row_indices, int slot, std::vector<int>* parts) const;
  // Two parts or more of the total's kind and unit, none qualified or negative; a percentage total 100.
  bool Uniform(const std::vector<int>& parts, int total) const;
  // The shares in brackets beside a count column's cells as a sum into the total's share (see the .cc).
  bool ShareSum(const Slot& ts, const std::vector<int>& counts, const std::vector<int>& shares,
                const std::string& caption, std::vector<Relation>* out) const;
  // The relation of `parts` to `total` into `out`, or none when the sum is far from the total (see the .cc).
  // With `total_slip`, a far sum is taken too when the total alone foots once read 10^k times its value
  // (TotalSlipFoots); the caller keeps such a column only where another column adds up.
  void Make(int total, std::vector<int> parts, const std::string& caption, const Row& row,
            std::vector<Relation>* out, bool zero_total_shown = false, bool total_slip = false);
  // Make, then adds the relation; returns whether it was kept and holds as printed.
  bool AddSum(int total, std::vector<int> parts, const std::string& caption, const Row& row,
              bool zero_total_shown = false);
  // Each count column of the total row `head` against the same column of the rows `list`, into
  // `columns`; returns how many columns were tried (for MostAddUp). A percentage column is no
  // total, nor, with `skip_rates`, a column under a rate header.
  size_t ColumnTotals(const Row& head, const std::vector<size_t>& list, bool skip_rates,
                      std::vector<Relation>* columns);
  // The rows from `from` on in direction `dir` (+1 or -1) up to a row of no figure or another total,
  // into `out`; false when a nested or unreadable row stands among them (unsure).
  bool BlockOfRows(size_t from, int dir, std::vector<size_t>* out) const;
  // A row of rates or per-unit values: a rate word in any of its labels (人均 as a group label), or
  // a unit per something (小时/人).
  // Whether a row holds rates: a rate label, a unit per something (吨/万元, t/MWh, 每) in its unit or
  // a text cell. `of_which`: the row is a 其中 / of-which row under a quantity, whose label names a
  // kind of it, so a slash in that label joins two kinds ("of which biomass/biogas"), not a unit.
  static bool RateCells(const Row& row, bool of_which = false);
  bool DisjointKinds(const std::vector<size_t>& run) const;
  // The row's unit: its unit column, else its label's.
  static std::string SubUnit(const Row& row);
  // A row of shares: its unit column or label says % or names a share (占比, 比例, "share of").
  static bool ShareRow(const Row& row);
  // The label as printed, with its spaces (Latin category words must stand alone).
  std::string PrintedLabel(const Row& row) const;
  // Calls `each(total slot, part slot, total, part, column header)` for every value cell of `head`
  // whose column `pr` also fills where the part may be a subset of the total (see the .cc).
  template <typename Each>
  void SubsetCells(const Row& head, const Row& pr, const Each& each) const;
  // A likely subset read from a group's row or column, kept until AddGroupRows sees them all.
  void AddGroupRow(int total, int part, std::string caption, std::string total_label, std::string part_label);
  // Per column, the shares of the rows `members` as a breakdown of 100 % captioned `caption` (plus
  // the column's header) at `at`'s label: certain when every share is printed with %, likely when
  // some are bare under a share row's label. None when a member is a RowOfShares, when the caption
  // or every member names a rate, or when the sum is far from 100 (rates of each category).
  void ShareBreakdown(const std::vector<size_t>& members, const std::string& caption, const Row& at);
  // ShareBreakdown's two steps: the columns of `members` into *found (returns how many add up as
  // printed), then adding those near 100 %, or those a slipped share explains while `support`
  // columns (this breakdown's own or a sibling's over the same rows) add up as printed.
  size_t ShareColumns(const std::vector<size_t>& members, const std::string& caption, const Row& at,
                      std::vector<Relation>* found);
  void AddShareColumns(std::vector<Relation>& found, size_t support);
  // Rows of counts each beside a share, years not across the header: no breakdown down a column.
  bool RowOfShares(const Row& row) const;
  // The nearest row above row `ri` naming the head of dimension `dim` as a total (see the .cc).
  long HeadAbove(size_t ri, const std::string& unit, int dim, bool stop_at_remarks) const;

  // --- The readings of relations, in the order FindRelations runs them; each is described at its
  // definition (relation_model_tables.cc: sums; _shares.cc: breakdowns of shares; _subsets.cc:
  // 其中 rows and groups) ---
  // shares: a split printed as one table per category, the blocks' shares adding up across them.
  void FindSplitBlocks();
  // A total column (合计, Total): each row's cells left of it.
  void FindTotalColumns();
  // Columns naming every category of a closed set, right of the column naming their head.
  void FindCategoryColumns();
  // A total row written one slot off the rows it sums moves its values into place.
  void ShiftTotalRows();
  // A total row ending in shares over figures of another kind becomes unreadable.
  void MarkShareTailTotalsUnreadable();
  // A head row of the rows an Other row closes (fills under_head_).
  void FindOtherHeads();
  // Withdrawal = discharge + consumption in a water balance.
  void FindWaterBalance();
  // Twin totals by accounting method (location-based, market-based) over one block.
  void FindTwinTotals();
  // Total rows over the rows above or below them (fills part_of_total_).
  void FindTotalRows();
  // Several breakdowns of one population stacked above total row `tr` (FindTotalRows): the rows
  // `part_rows` cut, in order, into consecutive blocks of two or more rows by the first value cell
  // of `tr` (then of `subtotal`, when given), no percentage nor qualified, whose column adds up to
  // it block by block; empty when no column cuts them into two blocks or more.
  std::vector<std::vector<size_t>> CutStackedBlocks(const Row& tr, const Row* subtotal,
                                                    const std::vector<size_t>& part_rows) const;
  // Each block as a breakdown of `tr` in every column, with the share column beside a count
  // column; the blocks' rows become part_of_total_.
  void AddStackedBlocks(const Row& tr, const std::vector<std::vector<size_t>>& blocks);
  // The breakdowns titled below total row `tr` from row `from` on.
  void TitledBlocks(const Row& tr, size_t from, bool total_first);
  // A total row naming a noun over rows whose labels end in it.
  void FindNounTotals();
  // Groups shown by the figures alone (a footprint by scope) and their total.
  void FindFigureGroups();
  // Two series interleaved row by row (a full label over a bracket-only label).
  void FindInterleavedSeries();
  // Rows repeating a row's label with a dash and a qualifier, its parts.
  void FindQualifiedRepeats();
  // subsets: 其中 rows under a row, as subsets or as a list of its parts.
  void FindOfWhichRows();
  // A run of two or more 其中 rows under `head` as a list of its parts; whether it was.
  bool OfWhichRunAsParts(const Row& head, const std::vector<size_t>& run);
  // subsets: 其中 in a group column before the row labels.
  void FindOfWhichGroupColumns();
  // The group cell of a row: a text cell before its label, or null.
  static const Slot* GroupCell(const Row& row);
  // A row whose group cell opens with 其中 (its label does not).
  static bool OfWhichGroup(const Row& row);
  // A row that may pair with another under an of-which group: figures under a label with a unit.
  static bool Pairable(const Row& row);
  // shares: two rows of shares whose labels differ only in the gender.
  void FindGenderSharePairs();
  // A title line right above row `k` naming a rate (see the .cc).
  bool RateTitleAbove(size_t k) const;
  // shares: runs of share rows closed by an Other row or by open bands.
  void FindShareRuns();
  // A row of shares: ShareRow, or one whose figures are all percentages.
  bool PercentRow(const Row& row) const;
  // The caption of the share rows from row `k` on, into `cap` (see the .cc).
  bool CaptionAbove(size_t k, Row* cap) const;
  // shares: rows of shares under a caption naming the proportion of one whole.
  void FindCaptionedShares();
  // Closed category sets across row labels (男 / 女) against the row naming their head.
  void FindClosedCategoryRows();
  // Age bands from one open band to the other against the headcount's total row above.
  void FindAgeBands();
  // shares: a row of counts each followed by its share, the total not printed.
  void FindCountSharePairs();
  // subsets: a column titled by a total word heads the columns naming groups of its noun.
  void FindGroupHeadColumns();
  // subsets: rows naming groups of a total row's noun below it.
  void FindGroupRows();
  // subsets: two rows of counts and a rate row stating the second over the first.
  void FindRatePairs();
  // Closed groups stacked under a total row, last (see the .cc).
  void FindStackedGroups();

  RelationAnalysis& ra_;
  std::vector<Figure>& figures_;  // the analysis' figures
  ModelDocument& md_;
  const sdk::Document& doc_;
  const std::string_view view_;  // the document's matching view
  const esgaudit_table table_;
  const bool tabs_;  // a tab-separated table

  std::vector<int> figure_rows_;  // the figures of the row being read
  // Counts with their shares in brackets are read as figures only in a table whose total row
  // prints its count so too (see Read); elsewhere such a cell is text, as a note would be.
  bool read_shares_ = true;
  std::vector<std::map<int, std::string>> headers_;  // slot -> header text
  int current_ = -1;  // the header of the rows being read
  std::vector<uint32_t> lines_;  // the lines of the table and of its continuations
  std::set<uint32_t> gap_titles_;  // title lines between this table and its continuation
  std::vector<Row> rows_;
  std::set<size_t> under_head_;  // rows under a head closed by an Other row (FindOtherHeads)
  std::set<size_t> part_of_total_;  // rows read as parts of a total row (FindTotalRows)
};

namespace relation_detail {

// A cell naming a unit of measure, as unit columns print them: %, Number, Thousand tonnes, million
// MWh, 吨, 万元, 人. A short label (男性, Upstream) is none.
bool UnitCell(std::string u);

// A share column's total cell printed 100 with a footnote mark glued on: `100.0011` is 100.00 and
// mark 11. Returns the decimals of the 100 (2 there) when the cell is a bare number of 100, a
// point, d >= 2 zeros and one or two more digits, the first not 0, and nothing else; 0 otherwise.
// The caller takes the cell so only under shares printed with exactly d decimals: a total printed
// with more decimals than every part is not what the parts sum to (100.0011 of shares of two
// decimals), and one digit of mark after one zero (100.05) could be a total off by rounding.
int GluedHundredDecimals(const Figure& f);

// The noun of a KPI table row that heads rows of its groups: the row names the whole of a quantity by
// a total word (员工总数 -> 员工, 总装机容量 -> 装机容量, 供应商总数（个） -> 供应商, "Total energy
// consumption" -> energyconsumption) or names the whole staff (在职员工数量 -> 员工, 在岗员工人数 -> 员工,
// 全体员工人数 -> 员工);
// lower-cased, without spaces or its unit bracket. Empty for other rows; for 合计 / 总计 rows, which
// total the rows above them; for profit totals (利润总额 is reached by subtraction, 净利润 is no group
// of it); for 总部 / 总公司 / 总经理, where 总 is no total word; and for a noun naming a category
// itself (女性员工总数 is one group of the staff).
std::string GroupHeadNoun(const std::string& label);

// Whether the columns of a sum tried show the grouping: one adds up at least (ShowsGrouping), and
// all of the `tried` but at most one do.
bool MostAddUp(const std::vector<Relation>& columns, size_t tried);

// A label opening with a year (2021, FY2022, 2023年): a row of a time series.
bool YearLedLabel(std::string l);

}  // namespace relation_detail

}  // namespace esgaudit::numeric
