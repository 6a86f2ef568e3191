#ifndef ESGAUDIT_PLUGINS_GBT36001_REGISTER_H_
#define ESGAUDIT_PLUGINS_GBT36001_REGISTER_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gbt36001 {

// Registers every rule and pass of the plugin, sorted by rule id.
void RegisterRules(sdk::Registry& registry);

}  // namespace esgaudit::gbt36001

#endif
