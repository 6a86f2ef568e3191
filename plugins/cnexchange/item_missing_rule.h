#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_ITEM_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_ITEM_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.item-missing: see rules/cnexchange/item-missing.md.
class ItemMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.item-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_ITEM_MISSING_RULE_H_
