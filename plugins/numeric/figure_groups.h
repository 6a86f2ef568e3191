// Figures stated more than once: facts grouped by label, unit and year, and split into clusters of
// values that agree. Shared by numeric.restatement-mismatch and numeric.magnitude-slip.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_FIGURE_GROUPS_H_
#define ESGAUDIT_PLUGINS_NUMERIC_FIGURE_GROUPS_H_

#include <esgaudit/plugin.h>

#include <string>
#include <vector>

#include "value_facts.h"

namespace esgaudit::numeric {

struct Mention {
  const ValueFact* fact = nullptr;
  bool from_layout = false;  // the label came from the layout column, not the fact's own line
};

// One label whose mentions fall into exactly two clusters of disagreeing values (a label stated
// with three or more different values names different things, and is left alone).
struct FigureConflict {
  std::string label;
  std::string unit;
  std::vector<Mention> majority;  // the cluster with more mentions (the earlier one on a tie)
  std::vector<Mention> odd;       // the other cluster; the finding points at its first mention
  double ratio = 1;               // odd value / majority value
  // Found through the structure model: an infographic figure's assembled label (split over lines,
  // stacked above or below) against the same label ending a clause of prose or another
  // infographic. `certain` when label, unit and period are: no label stacked in a column (a
  // pairing by position), and the prose clause's sentence names the report year.
  bool from_model = false;
  bool certain = false;
  // Found by a yearly table's row: `majority` is the row's cell in the prose figure's year, printed
  // in the row's unit (the prose figure's unit as printed, magnitude included: 56.42 under 万元), so
  // its value is the prose figure's divided by its magnitude; `table_year` is the cell's column year.
  bool from_table = false;
  int table_year = 0;
};

class FigureGroups {
 public:
  FigureGroups(const sdk::Document& doc, const sdk::Context& ctx);
  const std::vector<FigureConflict>& conflicts() const { return conflicts_; }
  // Labels stated in two or more comparable places (checked, whether they agree or not).
  int checked() const { return checked_; }

 private:
  // The pairs the structure model shows (infographic labels, clauses of prose), for a host that
  // has it; conflicts already found by label are not repeated.
  void AddModelConflicts(const sdk::Document& doc, const sdk::Context& ctx, const ValueFacts& facts);
  // Prose figures against the rows of the structure model's yearly tables (a header row of years):
  // the same label ending the figure's clause, its unit as the row prints it, the same year.
  void AddTableConflicts(const sdk::Document& doc, const sdk::Context& ctx, const ValueFacts& facts);

  int checked_ = 0;
  int model_checked_ = 0;
  int table_checked_ = 0;
  std::vector<FigureConflict> conflicts_;
};

// The labels a fact may be known by: its own label, the CJK words right after it ("9次董事会"),
// and its layout-column caption when its line gives none. Only specific labels (>= 3 CJK
// characters, no digits) are kept. `from_layout` is set per label. With the structure model
// (`model_label` not null) the caption is the label the model pairs the figure with in its
// column ("" when it pairs none, or pairs either way), not the fact extractor's column label.
std::vector<Mention> LabelsOf(const ValueFact& v, std::vector<std::string>* labels,
                              const std::string* model_label = nullptr);

// True when one printed figure may differ from another only by the ratio 10^4 or 10^8.
bool MagnitudeApart(const esgaudit_fact& a, const esgaudit_fact& b, double* power);

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_FIGURE_GROUPS_H_
