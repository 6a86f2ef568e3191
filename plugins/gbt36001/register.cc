#include "register.h"

#include "analysis.h"
#include "rule_pack.h"

#include "coverage_pass.h"
#include "element_missing_rule.h"
#include "period_title_mismatch_rule.h"
#include "scope_entities_mismatch_rule.h"

namespace esgaudit::gbt36001 {

void RegisterRules(sdk::Registry& registry) {
  registry.AddPreparation(&PrepareScans);
  registry.AddPass(&CoveragePass);
  registry.Add<ElementMissingRule>(
      ElementMissingRule::kId, ESGAUDIT_WARNING,
      "a report citing GB/T 36001 lacks an element the guideline asks for",
      "gbt36001/element-missing.md");
  registry.Add<PeriodTitleMismatchRule>(
      PeriodTitleMismatchRule::kId, ESGAUDIT_WARNING,
      "the stated reporting period does not contain the title's year",
      "gbt36001/period-title-mismatch.md");
  registry.Add<ScopeEntitiesMismatchRule>(
      ScopeEntitiesMismatchRule::kId, ESGAUDIT_WARNING,
      "the scope statement and the entity abbreviations table name different entities",
      "gbt36001/scope-entities-mismatch.md");
}

}  // namespace esgaudit::gbt36001
