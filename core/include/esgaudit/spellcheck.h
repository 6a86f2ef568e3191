// "Did you mean" suggestions (ninja's SpellcheckString idea).
#ifndef ESGAUDIT_SPELLCHECK_H_
#define ESGAUDIT_SPELLCHECK_H_

#include <string>
#include <vector>

namespace esgaudit {

// The candidate closest to `word` by edit distance, if close enough (at most a third of the
// word's length, minimum 2); "" otherwise.
std::string Spellcheck(const std::string& word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace esgaudit

#endif  // ESGAUDIT_SPELLCHECK_H_
