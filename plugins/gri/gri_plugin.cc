// The loadable module of the gri plugin: exports the ABI entry over the rule registry.
#include <esgaudit/plugin.h>

#include "register.h"

ESGAUDIT_DEFINE_PLUGIN("gri", "0.1.0",
                       "GRI claims: disclosures a claimed GRI edition requires, the report's own content index "
                       "(missing, mismatched, incomplete) and withdrawn GRI numbers",
                       &esgaudit::gri::RegisterRules)
