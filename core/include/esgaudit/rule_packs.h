// Rule directories: data (catalogues, rule packs) and one Markdown doc per rule.
#ifndef ESGAUDIT_RULE_PACKS_H_
#define ESGAUDIT_RULE_PACKS_H_

#include <string>
#include <vector>

#include "esgaudit/status.h"

namespace esgaudit {

// Parses every rule pack (*.json, *.xml, *.info, *.ini) under the directories with
// Boost.PropertyTree. The first malformed pack is an input error "file:line: message".
// With a `cache_dir` (the persistent cache, see EngineOptions::cache_dir), a pack whose bytes were
// found well-formed before, by the same Boost version, is not parsed again: each pack found
// well-formed leaves a small file named by the SHA-256 of its bytes, its kind and Boost's version
// (a damaged one is ignored). A malformed pack is never recorded, so its error is always reported.
Status ValidateRulePacks(const std::vector<std::string>& dirs, const std::string& cache_dir = "");

// The first existing `dir/relative`, or "".
std::string FindRulesFile(const std::vector<std::string>& dirs, const std::string& relative);

}  // namespace esgaudit

#endif  // ESGAUDIT_RULE_PACKS_H_
