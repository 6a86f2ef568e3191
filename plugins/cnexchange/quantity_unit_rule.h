#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_QUANTITY_UNIT_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_QUANTITY_UNIT_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.quantity-unit: see rules/cnexchange/quantity-unit.md.
class QuantityUnitRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.quantity-unit";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_QUANTITY_UNIT_RULE_H_
