#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_NONMATERIAL_UNEXPLAINED_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_NONMATERIAL_UNEXPLAINED_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.nonmaterial-unexplained: see rules/cnexchange/nonmaterial-unexplained.md.
class NonmaterialUnexplainedRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.nonmaterial-unexplained";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_NONMATERIAL_UNEXPLAINED_RULE_H_
