#include "register.h"

#include "kpi_inconsistent_rule.h"
#include "kpi_mismatch_rule.h"
#include "magnitude_slip_rule.h"
#include "parts_total_rule.h"
#include "per_mille_percent_rule.h"
#include "percent_sum_rule.h"
#include "rate_above_100_rule.h"
#include "relation_analysis.h"
#include "restatement_mismatch_rule.h"
#include "share_mismatch_rule.h"
#include "subset_exceeds_total_rule.h"
#include "yearly_slip_rule.h"
#include "yoy_claim_rule.h"

namespace esgaudit::numeric {

void RegisterRules(sdk::Registry& registry) {
  registry.AddPreparation([](const sdk::Document&) { PrepareExpressions(); });
  registry.Add<KpiInconsistentRule>(
      "numeric.kpi-inconsistent", ESGAUDIT_ERROR,
      "KPI data breaking a sum, ratio, range or subset rule of the KPI rule pack",
      "numeric/kpi-inconsistent.md");
  registry.Add<KpiMismatchRule>("numeric.kpi-mismatch", ESGAUDIT_ERROR,
                                "a KPI value contradicted by the figure the report states for it",
                                "numeric/kpi-mismatch.md");
  registry.Add<MagnitudeSlipRule>("numeric.magnitude-slip", ESGAUDIT_ERROR,
                                  "the same figure stated 10^4 or 10^8 apart (万 / 亿 slip)",
                                  "numeric/magnitude-slip.md");
  registry.Add<PartsTotalRule>(PartsTotalRule::kId, ESGAUDIT_ERROR,
                               "stated parts add up to their stated total", "numeric/parts-total.md");
  registry.Add<PerMillePercentRule>("numeric.per-mille-percent", ESGAUDIT_WARNING,
                                    "a rate per thousand (千人负伤率, 百万工时损工率 ...) printed with %",
                                    "numeric/per-mille-percent.md");
  registry.Add<PercentSumRule>(PercentSumRule::kId, ESGAUDIT_ERROR,
                               "percentages of one breakdown add up to 100%", "numeric/percent-sum.md");
  registry.Add<RateAbove100Rule>("numeric.rate-above-100", ESGAUDIT_ERROR,
                                 "a capped rate (达标率, 覆盖率, 占比 ...) above 100%",
                                 "numeric/rate-above-100.md");
  registry.Add<RestatementMismatchRule>("numeric.restatement-mismatch", ESGAUDIT_ERROR,
                                        "the same labelled figure stated with different values",
                                        "numeric/restatement-mismatch.md");
  registry.Add<ShareMismatchRule>("numeric.share-mismatch", ESGAUDIT_WARNING,
                                  "a part's stated share of its base contradicted by the two figures",
                                  "numeric/share-mismatch.md");
  registry.Add<SubsetExceedsTotalRule>(SubsetExceedsTotalRule::kId, ESGAUDIT_ERROR,
                                       "a 其中 subset does not exceed its total",
                                       "numeric/subset-exceeds-total.md");
  registry.Add<YearlySlipRule>("numeric.yearly-slip", ESGAUDIT_WARNING,
                               "a yearly table figure 10, 100 or 1000 times its other years",
                               "numeric/yearly-slip.md");
  registry.Add<YoyClaimRule>("numeric.yoy-claim", ESGAUDIT_ERROR,
                             "a year-on-year change contradicted by the two values stated with it",
                             "numeric/yoy-claim.md");
  // `esgaudit extract --relations`: every recognised relation, in relations mode only.
  registry.AddPass([](const sdk::Document& doc, const sdk::Context& ctx) {
    if (!ctx.RelationsMode()) return;
    const RelationAnalysis& a = ctx.Shared<RelationAnalysis>(doc);
    for (const Relation& r : a.relations()) {
      ctx.Relate({RelationAnalysis::KindName(r.kind), a.Describe(r), a.Members(r)});
    }
  });
}

}  // namespace esgaudit::numeric
