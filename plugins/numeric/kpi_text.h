// Where a KPI's figure is stated in the report: the facts whose label is one of the labels a
// same-as-text rule gives for the KPI, with a compatible unit and year.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_KPI_TEXT_H_
#define ESGAUDIT_PLUGINS_NUMERIC_KPI_TEXT_H_

#include <esgaudit/plugin.h>

#include <vector>

#include "kpi_pack.h"
#include "value_facts.h"

namespace esgaudit::numeric {

struct KpiMention {
  const ValueFact* fact = nullptr;
  bool agrees = false;  // the printed value may be the KPI's value
  bool from_layout = false;
};

// Mentions of `kpi` in text order, by the labels of every same-as-text rule for its key.
std::vector<KpiMention> MentionsOf(const sdk::Document& doc, const sdk::Context& ctx,
                                   const Kpi& kpi);

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_KPI_TEXT_H_
