#include "register.h"

#include "analysis.h"
#include "rule_pack.h"

#include "assurance_details_missing_rule.h"
#include "claim_missing_rule.h"
#include "coverage_pass.h"
#include "element_missing_rule.h"
#include "entity_mismatch_rule.h"
#include "four_parts_missing_rule.h"
#include "ghg_unit_rule.h"
#include "item_missing_rule.h"
#include "materiality_missing_rule.h"
#include "materiality_picture_rule.h"
#include "nonmaterial_unexplained_rule.h"
#include "period_mismatch_rule.h"
#include "quantity_unit_rule.h"
#include "relief_misapplied_rule.h"
#include "relief_unexplained_rule.h"
#include "topic_missing_rule.h"
#include "topic_unassessed_rule.h"

namespace esgaudit::cnexchange {

void RegisterRules(sdk::Registry& registry) {
  registry.AddPreparation(&PrepareScans);
  registry.AddPass(&CoveragePass);
  registry.Add<AssuranceDetailsMissingRule>(
      AssuranceDetailsMissingRule::kId, ESGAUDIT_WARNING,
      "an assured report does not give the assurance details Art. 58 asks for",
      "cnexchange/assurance-details-missing.md");
  registry.Add<ClaimMissingRule>(
      ClaimMissingRule::kId, ESGAUDIT_ERROR,
      "the policy requires an exchange guideline the report does not claim",
      "cnexchange/claim-missing.md");
  registry.Add<ElementMissingRule>(
      ElementMissingRule::kId, ESGAUDIT_WARNING,
      "a report element of the guideline (period, board approval, topic index) is not found",
      "cnexchange/element-missing.md");
  registry.Add<EntityMismatchRule>(
      EntityMismatchRule::kId, ESGAUDIT_ERROR,
      "the report's entity or stock code differs from the annual report's (given with --data or the policy)",
      "cnexchange/entity-mismatch.md");
  registry.Add<FourPartsMissingRule>(
      FourPartsMissingRule::kId, ESGAUDIT_WARNING,
      "financially material topics without one of the four core elements",
      "cnexchange/four-parts-missing.md");
  registry.Add<GhgUnitRule>(
      GhgUnitRule::kId, ESGAUDIT_ERROR,
      "a Scope 1 or 2 figure not in tonnes of CO2 equivalent, or in 万吨 where the table says 吨",
      "cnexchange/ghg-unit.md");
  registry.Add<ItemMissingRule>(
      ItemMissingRule::kId, ESGAUDIT_WARNING,
      "a topic the report addresses lacks one of its disclosure items",
      "cnexchange/item-missing.md");
  registry.Add<MaterialityMissingRule>(
      MaterialityMissingRule::kId, ESGAUDIT_ERROR,
      "the report does not describe its double-materiality assessment",
      "cnexchange/materiality-missing.md");
  registry.Add<MaterialityPictureRule>(
      MaterialityPictureRule::kId, ESGAUDIT_INFO,
      "the materiality matrix is given only as a picture, with no topic list in the text",
      "cnexchange/materiality-picture.md");
  registry.Add<NonmaterialUnexplainedRule>(
      NonmaterialUnexplainedRule::kId, ESGAUDIT_WARNING,
      "a topic classed as not material without a reason",
      "cnexchange/nonmaterial-unexplained.md");
  registry.Add<PeriodMismatchRule>(
      PeriodMismatchRule::kId, ESGAUDIT_ERROR,
      "the report's period differs from the annual report's fiscal year (given with --data or the policy)",
      "cnexchange/period-mismatch.md");
  registry.Add<QuantityUnitRule>(
      QuantityUnitRule::kId, ESGAUDIT_ERROR,
      "an energy, water, waste, training or safety figure without a unit, in a unit that does not fit "
      "the quantity or its table, or a rate without its denominator",
      "cnexchange/quantity-unit.md");
  registry.Add<ReliefMisappliedRule>(
      ReliefMisappliedRule::kId, ESGAUDIT_WARNING,
      "the first-period relief used by a report that is not the first, or year-on-year figures omitted without it",
      "cnexchange/relief-misapplied.md");
  registry.Add<ReliefUnexplainedRule>(
      ReliefUnexplainedRule::kId, ESGAUDIT_WARNING,
      "an indicator given qualitatively as not quantifiable, without the reason",
      "cnexchange/relief-unexplained.md");
  registry.Add<TopicMissingRule>(
      TopicMissingRule::kId, ESGAUDIT_WARNING,
      "one of the 21 topics is neither disclosed nor explained",
      "cnexchange/topic-missing.md");
  registry.Add<TopicUnassessedRule>(
      TopicUnassessedRule::kId, ESGAUDIT_WARNING,
      "one of the 21 topics is missing from the report's materiality classification",
      "cnexchange/topic-unassessed.md");
}

}  // namespace esgaudit::cnexchange
