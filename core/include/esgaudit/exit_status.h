// The documented exit codes of the esgaudit command (a CI gate's contract).
#ifndef ESGAUDIT_EXIT_STATUS_H_
#define ESGAUDIT_EXIT_STATUS_H_

namespace esgaudit {

enum class ExitStatus : int {
  kOk = 0,            // nothing at or above --fail-on
  kFindings = 1,      // at least one finding at or above --fail-on
  kUsageOrInput = 2,  // bad option, unreadable or undecodable input, malformed data or rule pack
  kInternal = 3,      // internal error or plugin failure
};

// The more severe of two outcomes: 3 > 2 > 1 > 0.
inline ExitStatus Worse(ExitStatus a, ExitStatus b) {
  return static_cast<int>(a) >= static_cast<int>(b) ? a : b;
}

}  // namespace esgaudit

#endif  // ESGAUDIT_EXIT_STATUS_H_
