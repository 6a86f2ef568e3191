// A capped rate (达标率, 覆盖率, 占比 ...) stated above 100%; growth rates and targets exceeded are
// not capped.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_

#include <esgaudit/plugin.h>

#include <string_view>

namespace esgaudit::numeric {

// Whether an English clause names a target, a change or a ratio ("target", "increase", "ratio" ...:
// the rule's list, in any ASCII case) at a word's start ("over" is not in "coverage"): a percentage
// after it is not surely a share. EnglishNotCappedBySearch is the same test made by searching a
// lower-cased copy once per word, kept as the reference the tests compare with.
bool EnglishNotCapped(std::string_view clause);
bool EnglishNotCappedBySearch(std::string_view clause);

class RateAbove100Rule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_
