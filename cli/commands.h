// The subcommands behind the parsed command line.
#ifndef ESGAUDIT_CLI_COMMANDS_H_
#define ESGAUDIT_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "esgaudit/audit.h"
#include "esgaudit/exit_status.h"
#include "esgaudit/report.h"
#include "esgaudit/rule_selection.h"

namespace esgaudit::cli {

// Everything the parser settled; defaults are the documented ones.
struct Settings {
  std::string command;
  std::vector<std::string> inputs;
  std::string data;
  std::string format;  // the format going to stdout / --output; "" = the command's default
  // check: formats written to their own files (--format FORMAT:FILE), in the order given.
  std::vector<std::pair<std::string, std::string>> format_files;
  std::string output;
  std::string fail_on = "error";
  std::string lang;  // "" = each report's own language
  std::string scheme = "gri";
  std::vector<std::string> plugin_dirs;  // added to the defaults
  std::vector<std::string> rules_dirs;
  RuleSelection selection;
  std::vector<std::pair<std::string, esgaudit_severity>> severities;  // --severity GLOB=LEVEL
  std::vector<std::string> require;
  std::string baseline;
  std::string write_baseline;
  std::string waivers;
  std::string join;         // --join NAME: the inputs are parts of one report
  std::string config_file;  // the config file read (given or found), "" = none
  std::string cache_dir;    // compiled pattern sets kept between runs; "" = none
  bool relations = false;
  bool structure = false;  // extract --structure
  bool default_plugins = true;
  bool color = false;     // ANSI colours in text on stdout
  bool progress = false;  // a progress line on stderr (a terminal, several reports)
  bool quiet = false;     // errors only
  unsigned jobs = 0;  // 0 = one per core
  int isolate = -1;   // each report in a child process: 1 on, 0 off, -1 on for more than one report
  double timeout_seconds = 300;  // per report in an isolated audit; 0 = no limit
};

// Where commands write: stdout or an --output file written whole at the end.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

ExitStatus RunCheck(const Settings& s, Io io);
ExitStatus RunExtract(const Settings& s, Io io);
ExitStatus RunIndex(const Settings& s, Io io);
ExitStatus RunListPlugins(const Settings& s, Io io);
ExitStatus RunListRules(const Settings& s, Io io);
ExitStatus RunExplain(const Settings& s, Io io);

}  // namespace esgaudit::cli

#endif  // ESGAUDIT_CLI_COMMANDS_H_
