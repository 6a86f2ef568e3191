// gbt36001.period-title-mismatch: Reports a stated reporting period that does not contain the year
// in the report's title. See rules/gbt36001/period-title-mismatch.md.
#ifndef ESGAUDIT_PLUGINS_GBT36001_PERIOD_TITLE_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_GBT36001_PERIOD_TITLE_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gbt36001 {

class PeriodTitleMismatchRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "gbt36001.period-title-mismatch";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_PERIOD_TITLE_MISMATCH_RULE_H_
