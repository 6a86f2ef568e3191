// The loadable module of the numeric plugin: exports the ABI entry over the rule registry.
#include <esgaudit/plugin.h>

#include "register.h"

ESGAUDIT_DEFINE_PLUGIN("numeric", "0.1.0", "numeric rules", &esgaudit::numeric::RegisterRules)
