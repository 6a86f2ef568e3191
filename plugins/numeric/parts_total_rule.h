#ifndef ESGAUDIT_PLUGINS_NUMERIC_PARTS_TOTAL_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_PARTS_TOTAL_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

// numeric.parts-total — see rules/numeric/parts-total.md. Reads the shared RelationAnalysis.
class PartsTotalRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "numeric.parts-total";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_PARTS_TOTAL_RULE_H_
