#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_FOUR_PARTS_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_FOUR_PARTS_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.four-parts-missing: see rules/cnexchange/four-parts-missing.md.
class FourPartsMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.four-parts-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_FOUR_PARTS_MISSING_RULE_H_
