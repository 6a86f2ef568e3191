// The literal strings every match of a rule pack expression must contain, read from the
// expression's syntax: a cheap test that rules a text out before std::regex searches it.
#ifndef ESGAUDIT_PLUGINS_GBT36001_REQUIRED_LITERALS_H_
#define ESGAUDIT_PLUGINS_GBT36001_REQUIRED_LITERALS_H_

#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::gbt36001 {

// A conjunction of clauses, each a disjunction of literals: every match of the expression holds,
// for every clause, one of its literals. "(?:对|就)本?报告.{0,60}(?:意见|建议|反馈)" gives
// {对 or 就} and {报告} and {意见 or 建议 or 反馈}; an alternation of whole expressions gives what
// every alternative requires (a clause of one alternative's literals or the other's).
//
// Conservative: what the reading does not know (classes, `.`, escapes of character kinds,
// lookaround, backreferences, an optional or repeated-from-zero part) requires nothing, and a
// syntax it does not recognise (a POSIX class name, an unknown escape, unbalanced brackets) gives
// no clause at all, so MayMatch is true for every text. For an expression compiled as
// std::regex::ECMAScript without icase (the rule pack's flags), over bytes as std::regex<char>
// reads them: a literal is the expression's own bytes.
class RequiredLiterals {
 public:
  RequiredLiterals() = default;  // no clause: every text may match
  static RequiredLiterals Of(std::string_view expression);

  // False only when `text` lacks every literal of some clause, so that the expression cannot
  // match inside it.
  bool MayMatch(std::string_view text) const;
  // No clause: MayMatch is always true.
  bool empty() const { return clauses_.empty(); }
  // Each clause's literals sorted; the clauses by number of literals, then sorted (for tests and
  // diagnostics).
  const std::vector<std::vector<std::string>>& clauses() const { return clauses_; }

 private:
  explicit RequiredLiterals(std::vector<std::vector<std::string>> clauses)
      : clauses_(std::move(clauses)) {}
  std::vector<std::vector<std::string>> clauses_;
};

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_REQUIRED_LITERALS_H_
