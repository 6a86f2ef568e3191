#include "esgaudit/rule_selection.h"

#include <fnmatch.h>

namespace esgaudit {
namespace {

bool AnyMatch(const std::vector<std::string>& globs, const std::string& rule) {
  for (const std::string& g : globs) {
    if (fnmatch(g.c_str(), rule.c_str(), 0) == 0) return true;
  }
  return false;
}

}  // namespace

bool RuleSelection::Enabled(const std::string& rule) const {
  if (rule.rfind("esgaudit.", 0) == 0) return true;
  if (!enable_.empty() && !AnyMatch(enable_, rule)) return false;
  return !AnyMatch(disable_, rule);
}

}  // namespace esgaudit
