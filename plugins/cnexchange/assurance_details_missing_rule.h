#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_ASSURANCE_DETAILS_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_ASSURANCE_DETAILS_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.assurance-details-missing: see rules/cnexchange/assurance-details-missing.md.
class AssuranceDetailsMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.assurance-details-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_ASSURANCE_DETAILS_MISSING_RULE_H_
