// A year-on-year claim (同比增长 / 下降 x%) contradicted by the two years' values stated with it, in
// prose or in a yearly table's change column.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_YOY_CLAIM_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_YOY_CLAIM_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class YoyClaimRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;

 private:
  // The change columns of yearly tables (see the .cc).
  void CheckTables(const sdk::Document& doc, const sdk::Context& ctx) const;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_YOY_CLAIM_RULE_H_
