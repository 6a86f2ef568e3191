// The loadable module of the gri plugin: exports the ABI entry over the rule registry.
#include <esgaudit/plugin.h>

#include "register.h"

ESGAUDIT_DEFINE_PLUGIN("gri", "0.1.0", "gri rules", &esgaudit::gri::RegisterRules)
