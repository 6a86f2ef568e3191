// Rule directories: data (catalogues, rule packs) and one Markdown doc per rule.
#ifndef ESGAUDIT_RULE_PACKS_H_
#define ESGAUDIT_RULE_PACKS_H_

#include <string>
#include <vector>

#include "esgaudit/status.h"

namespace esgaudit {

// Parses every rule pack (*.json, *.xml, *.info, *.ini) under the directories with
// Boost.PropertyTree. The first malformed pack is an input error "file:line: message".
Status ValidateRulePacks(const std::vector<std::string>& dirs);

// The first existing `dir/relative`, or "".
std::string FindRulesFile(const std::vector<std::string>& dirs, const std::string& relative);

}  // namespace esgaudit

#endif  // ESGAUDIT_RULE_PACKS_H_
