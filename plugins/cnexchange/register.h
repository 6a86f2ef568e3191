// The cnexchange plugin's rule list: the 2024 SSE/SZSE/BSE sustainability-report guidelines
// (SZSE 指引第17号, SSE 指引第14号, BSE 指引第11号).
#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_REGISTER_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_REGISTER_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// Registers the coverage pass and every rule, sorted by id.
void RegisterRules(sdk::Registry& registry);

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_REGISTER_H_
