// A figure of a yearly table row (or column) printed 10, 100 or 1000 times the other years of its
// series, which agree among themselves: most likely a slip of the decimal point or of a digit.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_YEARLY_SLIP_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_YEARLY_SLIP_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class YearlySlipRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_YEARLY_SLIP_RULE_H_
