#ifndef ESGAUDIT_PLUGINS_NUMERIC_PERCENT_SUM_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_PERCENT_SUM_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

// numeric.percent-sum — see rules/numeric/percent-sum.md. Reads the shared RelationAnalysis.
class PercentSumRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "numeric.percent-sum";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_PERCENT_SUM_RULE_H_
