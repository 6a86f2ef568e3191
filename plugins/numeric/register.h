#ifndef ESGAUDIT_PLUGINS_NUMERIC_REGISTER_H_
#define ESGAUDIT_PLUGINS_NUMERIC_REGISTER_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

// Registers every rule and pass of the plugin, sorted by rule id.
void RegisterRules(sdk::Registry& registry);

}  // namespace esgaudit::numeric

#endif
