#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_PERIOD_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_PERIOD_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.period-mismatch: see rules/cnexchange/period-mismatch.md.
class PeriodMismatchRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.period-mismatch";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_PERIOD_MISMATCH_RULE_H_
