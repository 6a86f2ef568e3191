#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_RELIEF_UNEXPLAINED_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_RELIEF_UNEXPLAINED_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.relief-unexplained: see rules/cnexchange/relief-unexplained.md.
class ReliefUnexplainedRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.relief-unexplained";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_RELIEF_UNEXPLAINED_RULE_H_
