#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_CLAIM_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_CLAIM_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.claim-missing: see rules/cnexchange/claim-missing.md.
class ClaimMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.claim-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_CLAIM_MISSING_RULE_H_
