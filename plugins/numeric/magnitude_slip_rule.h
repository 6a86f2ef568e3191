// The same labelled figure stated with values 10^4 or 10^8 apart (a 万 / 亿 slip).
#ifndef ESGAUDIT_PLUGINS_NUMERIC_MAGNITUDE_SLIP_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_MAGNITUDE_SLIP_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class MagnitudeSlipRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_MAGNITUDE_SLIP_RULE_H_
