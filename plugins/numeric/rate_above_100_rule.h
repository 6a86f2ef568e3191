// A capped rate (达标率, 覆盖率, 占比 ...) stated above 100%; growth rates and targets exceeded are
// not capped.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_

#include <esgaudit/plugin.h>

#include <string>
#include <string_view>

namespace esgaudit::numeric {

// Whether an English clause names a target, a change or a ratio ("target", "increase", "ratio" ...:
// the rule's list, in any ASCII case) at a word's start ("over" is not in "coverage"): a percentage
// after it is not surely a share. EnglishNotCappedBySearch is the same test made by searching a
// lower-cased copy once per word, kept as the reference the tests compare with.
bool EnglishNotCapped(std::string_view clause);
bool EnglishNotCappedBySearch(std::string_view clause);

// The capped rate a label names at its end (after linking words: 覆盖率为, 占员工总数的比例达), or "":
// one of the rule's rates (达标率, 占比 ...), or 占 and a base naming a whole (总, 全部, 全体, 所有)
// ended by 的 or 比例, from 占 on. Financial ratios named 覆盖率 (拨备覆盖率) are none.
std::string CappedRateAtEnd(std::string_view label);

class RateAbove100Rule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_RATE_ABOVE_100_RULE_H_
