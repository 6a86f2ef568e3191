#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_RELIEF_MISAPPLIED_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_RELIEF_MISAPPLIED_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.relief-misapplied: see rules/cnexchange/relief-misapplied.md.
class ReliefMisappliedRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.relief-misapplied";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_RELIEF_MISAPPLIED_RULE_H_
