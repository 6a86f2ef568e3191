// The loadable module of the numeric plugin: exports the ABI entry over the rule registry.
#include <esgaudit/plugin.h>

#include "register.h"

ESGAUDIT_DEFINE_PLUGIN("numeric", "0.1.0",
                       "figures that must agree: breakdowns summing to 100 %, parts and totals, subsets, capped "
                       "rates, restated and year-on-year figures, scale slips, KPI data given with --data",
                       &esgaudit::numeric::RegisterRules)
