// A rate defined per thousand (or per million hours, per million tonnes) printed with %: 千人负伤率
// 0.8% is most likely 0.8‰ with the wrong sign, or a rate of another definition.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_PER_MILLE_PERCENT_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_PER_MILLE_PERCENT_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class PerMillePercentRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_PER_MILLE_PERCENT_RULE_H_
