// One multi-pattern scan of a text with Hyperscan: every occurrence of every pattern of a set, with
// its start and end. Compiled databases are cached per distinct pattern set for the life of the
// process, so a batch compiles each plugin's keywords once, whatever the number of reports, and
// optionally on disk (SetPatternCacheDir), so the next run compiles none.
#ifndef ESGAUDIT_CORE_ANALYSE_PATTERN_SCAN_H_
#define ESGAUDIT_CORE_ANALYSE_PATTERN_SCAN_H_

#include <esgaudit/plugin_abi.h>

#include <string>
#include <string_view>
#include <vector>

#include "esgaudit/status.h"

namespace esgaudit {

struct PatternSpec {
  std::string expression;  // a literal, or a PCRE-style expression with ESGAUDIT_PATTERN_REGEX
  uint32_t flags = 0;      // ESGAUDIT_PATTERN_* bits
};

// Appends to *out every match of `patterns` in `text`, as esgaudit_match records (pattern = index
// into `patterns`, begin/end = byte offsets into `text`), sorted by (begin, end, pattern).
// Overlapping matches are all reported. A pattern Hyperscan refuses (a malformed expression, one that
// matches the empty string) is an input error naming the pattern; nothing is appended then.
// A pattern with ESGAUDIT_PATTERN_PREFILTER (and REGEX) is read over bytes in Hyperscan's prefilter
// mode, a bounded run of any byte as an unbounded one: every match std::regex finds in `text` ends
// where one of its records ends (begin = end), and there may be more.
// Thread-safe.
Status ScanPatterns(const std::vector<PatternSpec>& patterns, std::string_view text,
                    std::vector<esgaudit_match>* out);
// The same over `count` patterns as the C ABI passes them (read, not copied, when their set is
// compiled already).
Status ScanPatterns(const esgaudit_pattern* patterns, size_t count, std::string_view text,
                    std::vector<esgaudit_match>* out);

// Sorts `matches` by (begin, end, pattern), the order ScanPatterns returns them in.
void SortMatches(std::vector<esgaudit_match>* matches);

// Compiled sets travel from a child process to its parent (isolation.cc), so that children forked
// later inherit them instead of compiling them again (compiling gri's keywords is most of the fixed
// cost of auditing one report). TakeCompiledSets returns the sets this process compiled itself and
// has not returned before, each as opaque bytes (Hyperscan's serialised databases and the patterns
// they were compiled from); AdoptCompiledSet puts such bytes into this process's cache, and returns
// false (adopting nothing) when they are not such a set. Scans give the same matches either way.
std::vector<std::string> TakeCompiledSets();
bool AdoptCompiledSet(std::string_view bytes);

// The directory of the persistent cache of compiled sets ("" = none, the default), for the sets this
// process (and the children it forks from now on) has not compiled yet. A set is looked for there
// before it is compiled, and written there once compiled; a file is named by the SHA-256 of the
// set's recipe: the patterns and flags as Hyperscan is given them, Hyperscan's version and this
// host's platform. A missing, unreadable, truncated, corrupt or foreign file is ignored (the set is
// compiled, and the file written again); a directory that cannot be created or written costs only
// the compilation. Files are written whole (a temporary file renamed), so parallel runs may share
// the directory. Scans give the same matches with or without it. Thread-safe.
void SetPatternCacheDir(std::string dir);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_ANALYSE_PATTERN_SCAN_H_
