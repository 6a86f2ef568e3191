// --enable / --disable rule globs.
#ifndef ESGAUDIT_RULE_SELECTION_H_
#define ESGAUDIT_RULE_SELECTION_H_

#include <string>
#include <vector>

namespace esgaudit {

// Every rule is enabled unless some --enable glob is given (then only matching ones); --disable
// globs then remove rules. Globs use fnmatch syntax ("numeric.*"). esgaudit.* rules always stay on.
class RuleSelection {
 public:
  void Enable(std::string glob) { enable_.push_back(std::move(glob)); }
  void Disable(std::string glob) { disable_.push_back(std::move(glob)); }
  bool Enabled(const std::string& rule) const;
  const std::vector<std::string>& enable_globs() const { return enable_; }
  const std::vector<std::string>& disable_globs() const { return disable_; }

 private:
  std::vector<std::string> enable_;
  std::vector<std::string> disable_;
};

}  // namespace esgaudit

#endif  // ESGAUDIT_RULE_SELECTION_H_
