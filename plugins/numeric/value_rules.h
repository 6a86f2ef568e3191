#ifndef ESGAUDIT_PLUGINS_NUMERIC_VALUE_RULES_H_
#define ESGAUDIT_PLUGINS_NUMERIC_VALUE_RULES_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

void RegisterValueRules(sdk::Registry& registry);

}  // namespace esgaudit::numeric

#endif
