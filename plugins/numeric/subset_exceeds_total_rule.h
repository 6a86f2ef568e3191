#ifndef ESGAUDIT_PLUGINS_NUMERIC_SUBSET_EXCEEDS_TOTAL_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_SUBSET_EXCEEDS_TOTAL_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

// numeric.subset-exceeds-total — see rules/numeric/subset-exceeds-total.md. Reads the shared RelationAnalysis.
class SubsetExceedsTotalRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "numeric.subset-exceeds-total";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_SUBSET_EXCEEDS_TOTAL_RULE_H_
