// A KPI value from --data contradicted by the report's text (same-as-text rules of the KPI rule
// pack).
#ifndef ESGAUDIT_PLUGINS_NUMERIC_KPI_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_KPI_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class KpiMismatchRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_KPI_MISMATCH_RULE_H_
