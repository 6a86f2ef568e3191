// The loadable module of the gbt36001 plugin: exports the ABI entry over the rule registry.
#include <esgaudit/plugin.h>

#include "register.h"

ESGAUDIT_DEFINE_PLUGIN("gbt36001", "0.1.0",
                       "GB/T 36001 report elements and GB/T 36000 core subjects",
                       &esgaudit::gbt36001::RegisterRules)
