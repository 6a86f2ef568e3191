// KPI values from --data that break a sum-equals, ratio, range or subset-of rule of the KPI rule
// pack.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_KPI_INCONSISTENT_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_KPI_INCONSISTENT_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class KpiInconsistentRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_KPI_INCONSISTENT_RULE_H_
