#include "register.h"

namespace esgaudit::gri {

void RegisterRules(sdk::Registry& registry) {}

}  // namespace esgaudit::gri
