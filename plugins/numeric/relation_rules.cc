#include "relation_rules.h"

#include "parts_total_rule.h"
#include "percent_sum_rule.h"
#include "relation_analysis.h"
#include "subset_exceeds_total_rule.h"

namespace esgaudit::numeric {

void RegisterRelationRules(sdk::Registry& registry) {
  registry.Add<PartsTotalRule>(PartsTotalRule::kId, ESGAUDIT_ERROR,
                               "stated parts add up to their stated total",
                               "numeric/parts-total.md");
  registry.Add<PercentSumRule>(PercentSumRule::kId, ESGAUDIT_ERROR,
                               "percentages of one breakdown add up to 100%",
                               "numeric/percent-sum.md");
  registry.Add<SubsetExceedsTotalRule>(SubsetExceedsTotalRule::kId, ESGAUDIT_ERROR,
                                       "a 其中 subset does not exceed its total",
                                       "numeric/subset-exceeds-total.md");
  registry.AddPass([](const sdk::Document& doc, const sdk::Context& ctx) {
    if (!ctx.RelationsMode()) return;
    const RelationAnalysis& a = ctx.Shared<RelationAnalysis>(doc);
    for (const Relation& r : a.relations()) {
      ctx.Relate({RelationAnalysis::KindName(r.kind), a.Describe(r), a.Members(r)});
    }
  });
}

}  // namespace esgaudit::numeric
