// The loadable module of the cnexchange plugin: exports the ABI entry over the rule registry.
#include <esgaudit/plugin.h>

#include "register.h"

ESGAUDIT_DEFINE_PLUGIN("cnexchange", "0.1.0",
                       "2024 SSE/SZSE/BSE sustainability-report guidelines (topics, double materiality, units)",
                       &esgaudit::cnexchange::RegisterRules)
