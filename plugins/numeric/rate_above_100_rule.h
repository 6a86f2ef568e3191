// A capped rate (达标率, 覆盖率, 占比 ...) stated above 100%; growth rates and targets exceeded are
// not capped.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class RateAbove100Rule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_
