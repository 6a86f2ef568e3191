// Tables by year, as the structure model's grids give them: a header row naming years across its
// columns (or years down the first column), and the one figure of a cell. Shared by
// numeric.yearly-slip and the table reading of numeric.yoy-claim.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_YEARLY_TABLES_H_
#define ESGAUDIT_PLUGINS_NUMERIC_YEARLY_TABLES_H_

#include <esgaudit/plugin.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace esgaudit::numeric {

// The year a header cell names (2016, 2016年, 2016年度, 2016年末, FY2016), or 0.
int HeaderYear(std::string_view cell);

// Words of a change from year to year: a figure's change words (IsChangeLabel: 增长, 同比, 较上年 …) or a
// column header's (增减, 变化, change, growth …). A row so labelled moves freely and is no series; a
// column so headed gives the change of its row.
bool ChangeWords(std::string_view text);


// The words of row `r` before grid column `end`, cells joined by a space (经济 资产总额 亿元): a row's label.
std::string RowWords(const sdk::TableGrid& grid, uint32_t r, uint32_t end);

// The one figure of a table cell: a quantity or percentage without qualifiers, the cell holding
// nothing but it and blanks (no footnote mark, no second number).
class CellFigures {
 public:
  explicit CellFigures(const sdk::Document& doc);
  // Index into doc.Fact(), or -1.
  long Of(const esgaudit_table_cell& cell) const;

 private:
  const sdk::Document& doc_;
  uint32_t count_ = 0;
};

// A table of the structure model read by year.
struct YearlyTable {
  uint32_t table = 0;
  // The header row among the first three naming the most years (the first of a tie), with its year
  // columns (grid column, year) left to right; `across` is empty when no row names one. A header
  // cell spanning columns names its first column only.
  uint32_t header_row = 0;
  std::vector<std::pair<uint32_t, int>> across;
  // The rows after the first whose first cell names a year (grid row, year), top to bottom.
  std::vector<std::pair<uint32_t, int>> down;
};

// The document's tables with a year across a header row or down the first column, found once per
// document (ctx.Shared) from the host's cells one at a time: the yearly readers (numeric.yearly-slip,
// numeric.yoy-claim's table reading, numeric.restatement-mismatch's table rows) build the grid of
// these tables only. Also the one figure of each cell (CellFigures), which they share.
class YearlyTables {
 public:
  YearlyTables(const sdk::Document& doc, const sdk::Context& ctx);
  const std::vector<YearlyTable>& tables() const { return tables_; }
  // Built with the first yearly table (it lives as long as the document's shared objects); asked only
  // when tables() is not empty.
  const CellFigures& cell_figures() const { return *cell_figures_; }

 private:
  std::optional<CellFigures> cell_figures_;
  std::vector<YearlyTable> tables_;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_YEARLY_TABLES_H_
