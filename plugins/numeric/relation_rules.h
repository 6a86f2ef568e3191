#ifndef ESGAUDIT_PLUGINS_NUMERIC_RELATION_RULES_H_
#define ESGAUDIT_PLUGINS_NUMERIC_RELATION_RULES_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

// Registers the relation rules (numeric.parts-total, numeric.percent-sum,
// numeric.subset-exceeds-total, sorted by id) and the pass that lists every recognised relation
// through Context::Relate when the host runs in relations mode (`esgaudit extract --relations`).
void RegisterRelationRules(sdk::Registry& registry);

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_RELATION_RULES_H_
