#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_MATERIALITY_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_MATERIALITY_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.materiality-missing: see rules/cnexchange/materiality-missing.md.
class MaterialityMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.materiality-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_MATERIALITY_MISSING_RULE_H_
