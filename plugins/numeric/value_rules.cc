#include "value_rules.h"

#include "kpi_inconsistent_rule.h"
#include "kpi_mismatch_rule.h"
#include "magnitude_slip_rule.h"
#include "rate_above_100_rule.h"
#include "restatement_mismatch_rule.h"
#include "yoy_claim_rule.h"

namespace esgaudit::numeric {

void RegisterValueRules(sdk::Registry& registry) {
  registry.Add<KpiInconsistentRule>("numeric.kpi-inconsistent", ESGAUDIT_ERROR,
                                    "KPI data breaking a sum, ratio, range or subset rule of the KPI rule pack",
                                    "numeric/kpi-inconsistent.md");
  registry.Add<KpiMismatchRule>("numeric.kpi-mismatch", ESGAUDIT_ERROR,
                                "a KPI value contradicted by the figure the report states for it",
                                "numeric/kpi-mismatch.md");
  registry.Add<MagnitudeSlipRule>("numeric.magnitude-slip", ESGAUDIT_ERROR,
                                  "the same figure stated 10^4 or 10^8 apart (万 / 亿 slip)",
                                  "numeric/magnitude-slip.md");
  registry.Add<RateAbove100Rule>("numeric.rate-above-100", ESGAUDIT_ERROR,
                                 "a capped rate (达标率, 覆盖率, 占比 ...) above 100%", "numeric/rate-above-100.md");
  registry.Add<RestatementMismatchRule>("numeric.restatement-mismatch", ESGAUDIT_ERROR,
                                        "the same labelled figure stated with different values",
                                        "numeric/restatement-mismatch.md");
  registry.Add<YoyClaimRule>("numeric.yoy-claim", ESGAUDIT_ERROR,
                             "a year-on-year change contradicted by the two values stated with it",
                             "numeric/yoy-claim.md");
}

}  // namespace esgaudit::numeric
