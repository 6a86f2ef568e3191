#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_GHG_UNIT_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_GHG_UNIT_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.ghg-unit: see rules/cnexchange/ghg-unit.md.
class GhgUnitRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.ghg-unit";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_GHG_UNIT_RULE_H_
