#include "register.h"

#include "relation_rules.h"
#include "value_rules.h"

namespace esgaudit::numeric {

// Two families, each registering its rules sorted by id: relations between figures in one place
// (breakdowns, totals) and comparisons of values across places (rates, restatements, KPI data).
void RegisterRules(sdk::Registry& registry) {
  RegisterRelationRules(registry);
  RegisterValueRules(registry);
}

}  // namespace esgaudit::numeric
