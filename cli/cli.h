// The esgaudit command line as a library: main() and the CLI tests call Run.
#ifndef ESGAUDIT_CLI_CLI_H_
#define ESGAUDIT_CLI_CLI_H_

#include <ostream>
#include <string>
#include <vector>

namespace esgaudit::cli {

// Runs `esgaudit args...` (args exclude the program name). Normal output goes to `out` (or the
// --output file), diagnostics to `err`, one line each. Returns the exit code (see exit_status.h).
// Never throws.
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace esgaudit::cli

#endif  // ESGAUDIT_CLI_CLI_H_
