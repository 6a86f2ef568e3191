// Command-line parsing (Boost.Program_options) and dispatch.
#include "cli.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "commands.h"
#include "esgaudit/plugin_abi.h"
#include "esgaudit/spellcheck.h"

namespace esgaudit::cli {
namespace po = boost::program_options;
namespace {

const char kUsage[] =
    "usage: esgaudit <command> [options]\n"
    "\n"
    "commands:\n"
    "  check [options] INPUT...   audit reports (files, or directories of .txt/.md/.pdf reports)\n"
    "  extract [--relations|--structure] INPUT  dump the numeric facts (or the relations the plugins\n"
    "                             recognised, or the structure read from each line)\n"
    "  index INPUT [--format md|csv|json] [--scheme ID]  a content index from the coverage\n"
    "                             (GRI by default; --scheme cn-exchange: the exchange guidelines' topic index)\n"
    "  list-plugins               the plugins found and their rule counts\n"
    "  list-rules [--format json] every rule id with its severity and summary\n"
    "  explain RULE-ID            the rule's documentation\n"
    "\n"
    "global options: --help, --version, -v/--verbose, --quiet\n";

const char kExamples[] =
    "\nexamples:\n"
    "  esgaudit check report.txt                      findings as text, exit 1 on any error\n"
    "  esgaudit check report.pdf --format json -o out.json\n"
    "  esgaudit check reports/ --fail-on warning --disable 'gri.*'\n"
    "  esgaudit check report.txt --data kpi.json --enable 'numeric.*'\n"
    "  esgaudit extract --relations report.txt\n"
    "  esgaudit extract --structure report.pdf      why a line was or was not taken as evidence\n"
    "  esgaudit explain numeric.percent-sum\n"
    "\nexit codes: 0 nothing at or above --fail-on; 1 findings at or above it;\n"
    "            2 usage or input error; 3 internal or plugin failure\n";

const std::vector<std::string> kCommands = {"check", "explain", "extract", "index", "list-plugins", "list-rules"};

po::options_description CommonOptions() {
  po::options_description d("plugin and rule options");
  d.add_options()
      ("plugins-dir", po::value<std::vector<std::string>>()->composing(), "also load plugins from DIR")
      ("no-default-plugins", "load plugins only from --plugins-dir")
      ("rules-dir", po::value<std::vector<std::string>>()->composing(), "also read rule packs from DIR")
      ("config", po::value<std::string>(), "read options from an INI file (long option names as keys)")
      ("lang", po::value<std::string>(), "message language: zh (default) or en")
      ("enable", po::value<std::vector<std::string>>()->composing(), "run only rules matching GLOB (repeatable)")
      ("disable", po::value<std::vector<std::string>>()->composing(), "do not run rules matching GLOB (repeatable)")
      ("verbose,v", "log progress to stderr")
      ("quiet", "log nothing but errors")
      ("help,h", "this help");
  return d;
}

po::options_description CommandOptions(const std::string& command) {
  po::options_description d(command + " options");
  if (command == "check") {
    d.add_options()
        ("data", po::value<std::string>(), "structured KPI data for the report (.json .xml .ini .csv)")
        ("format", po::value<std::string>(), "text (default) or json")
        ("output,o", po::value<std::string>(), "write the report to FILE instead of stdout")
        ("fail-on", po::value<std::string>(), "error (default), warning, info or never")
        ("jobs,j", po::value<unsigned>(), "reports audited in parallel (default: one per core)")
        ("isolate", "audit each report in a child process, so a plugin that crashes or hangs costs only "
                    "that report (default when there is more than one report)")
        ("no-isolate", "audit every report in this process")
        ("timeout", po::value<double>(), "seconds one report may take in an isolated audit before it is "
                                         "stopped (default 300; 0 = no limit)");
  } else if (command == "extract") {
    d.add_options()
        ("relations", "list the relations (breakdowns, totals) the plugins recognised")
        ("structure", "show the structure read from each line: role, section, table, page furniture")
        ("data", po::value<std::string>(), "structured KPI data for the report")
        ("format", po::value<std::string>(), "text (default) or json");
  } else if (command == "index") {
    d.add_options()
        ("format", po::value<std::string>(), "md (default), csv or json")
        ("scheme", po::value<std::string>(), "coverage scheme (default gri)");
  } else if (command == "list-plugins" || command == "list-rules") {
    d.add_options()("format", po::value<std::string>(), "text (default) or json");
  }
  return d;
}

std::vector<std::string> OptionNames(const po::options_description& d) {
  std::vector<std::string> names;
  for (const auto& o : d.options()) names.push_back("--" + o->long_name());
  return names;
}

// Config file errors carry no line; find the offending line ourselves.
std::string ConfigLine(const std::string& path, const std::string& what) {
  size_t q1 = what.find('\'');
  size_t q2 = what.rfind('\'');
  if (q1 == std::string::npos || q2 <= q1) return "";
  std::string needle = what.substr(q1 + 1, q2 - q1 - 1);
  std::ifstream in(path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!needle.empty() && line.find(needle) != std::string::npos) return ":" + std::to_string(n);
  }
  return "";
}

struct UsageError {
  std::string message;
};

template <typename T>
T Get(const po::variables_map& vm, const char* name, T fallback) {
  return vm.count(name) ? vm[name].as<T>() : fallback;
}

void Check(const std::string& value, const std::vector<std::string>& allowed, const std::string& option) {
  for (const std::string& a : allowed) {
    if (a == value) return;
  }
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw UsageError{"unknown " + option + " '" + value + "' (expected " + list + ")" +
                   DidYouMean(value, allowed)};
}

void SetUpLogging(const po::variables_map& vm) {
  auto logger = spdlog::get("esgaudit");
  if (!logger) {
    logger = spdlog::stderr_logger_mt("esgaudit");
    logger->set_pattern("esgaudit: %l: %v");
  }
  spdlog::set_default_logger(logger);
  spdlog::set_level(vm.count("verbose") ? spdlog::level::debug
                    : vm.count("quiet")  ? spdlog::level::err
                                         : spdlog::level::warn);
}

int RunParsed(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage << kExamples;
    return static_cast<int>(ExitStatus::kUsageOrInput);
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    out << kUsage << "\n" << CommonOptions() << kExamples;
    return 0;
  }
  if (first == "--version") {
    out << "esgaudit " << ESGAUDIT_VERSION << " (plugin ABI " << ESGAUDIT_ABI_MAJOR << "."
        << ESGAUDIT_ABI_MINOR << ")\n";
    return 0;
  }
  Settings s;
  s.command = first;
  bool known = false;
  for (const std::string& c : kCommands) known = known || c == first;
  if (!known) {
    if (!first.empty() && first[0] == '-') throw UsageError{"expected a command before '" + first + "'; see 'esgaudit --help'"};
    throw UsageError{"unknown command '" + first + "'" + DidYouMean(first, kCommands)};
  }

  po::options_description visible = CommandOptions(s.command);
  visible.add(CommonOptions());
  po::options_description all = visible;
  all.add_options()("input", po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    po::store(po::command_line_parser(rest)
                  .options(all)
                  .positional(positional)
                  .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
                  .run(),
              vm);
    if (vm.count("config")) {
      const std::string path = vm["config"].as<std::string>();
      std::ifstream in(path);
      if (!in) throw UsageError{path + ": cannot read config file"};
      try {
        po::store(po::parse_config_file(in, visible, false), vm);
      } catch (const po::error& e) {
        throw UsageError{path + ConfigLine(path, e.what()) + ": " + e.what()};
      }
    }
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    throw UsageError{std::string(e.what()) + DidYouMean(e.get_option_name(), OptionNames(visible))};
  } catch (const po::error& e) {
    throw UsageError{e.what()};
  }

  SetUpLogging(vm);
  if (vm.count("help")) {
    out << "usage: esgaudit " << s.command << " [options]" << (s.command.rfind("list", 0) == 0 ? "" : " INPUT...")
        << "\n\n" << visible << kExamples;
    return 0;
  }
  s.inputs = Get(vm, "input", std::vector<std::string>());
  s.data = Get(vm, "data", std::string());
  s.format = Get(vm, "format", std::string());
  s.output = Get(vm, "output", std::string());
  s.fail_on = Get(vm, "fail-on", std::string("error"));
  s.lang = Get(vm, "lang", std::string("zh"));
  s.scheme = Get(vm, "scheme", std::string("gri"));
  s.plugin_dirs = Get(vm, "plugins-dir", std::vector<std::string>());
  s.rules_dirs = Get(vm, "rules-dir", std::vector<std::string>());
  for (const std::string& g : Get(vm, "enable", std::vector<std::string>())) s.selection.Enable(g);
  for (const std::string& g : Get(vm, "disable", std::vector<std::string>())) s.selection.Disable(g);
  s.relations = vm.count("relations") != 0;
  s.structure = vm.count("structure") != 0;
  s.default_plugins = vm.count("no-default-plugins") == 0;
  s.jobs = Get(vm, "jobs", 0u);
  if (vm.count("isolate") && vm.count("no-isolate")) throw UsageError{"--isolate and --no-isolate exclude each other"};
  if (vm.count("isolate")) s.isolate = 1;
  if (vm.count("no-isolate")) s.isolate = 0;
  s.timeout_seconds = Get(vm, "timeout", 300.0);
  if (!(s.timeout_seconds >= 0)) throw UsageError{"--timeout must be a number of seconds >= 0"};

  Check(s.fail_on, {"error", "warning", "info", "never"}, "--fail-on value");
  Check(s.lang, {"zh", "en"}, "--lang value");
  if (s.command == "check" || s.command == "extract") {
    if (s.format.empty()) s.format = "text";
    if (s.command == "check") {
      Check(s.format, ReporterFormats(), "--format");
    } else {
      Check(s.format, {"json", "text"}, "--format");
    }
  } else if (s.command == "index") {
    if (s.format.empty()) s.format = "md";
    Check(s.format, IndexFormats(), "--format");
  } else if (s.command == "list-plugins" || s.command == "list-rules") {
    if (s.format.empty()) s.format = "text";
    Check(s.format, {"json", "text"}, "--format");
  }
  const bool takes_inputs = s.command == "check" || s.command == "extract" || s.command == "index";
  if (takes_inputs && s.inputs.empty()) throw UsageError{s.command + ": no INPUT given; see 'esgaudit " + s.command + " --help'"};
  if ((s.command == "extract" || s.command == "index") && s.inputs.size() > 1) {
    throw UsageError{s.command + " takes one INPUT, got " + std::to_string(s.inputs.size())};
  }
  if (s.relations && s.structure) throw UsageError{"extract takes --relations or --structure, not both"};
  if (s.command == "explain" && s.inputs.size() != 1) throw UsageError{"explain takes one RULE-ID"};
  if ((s.command == "list-plugins" || s.command == "list-rules") && !s.inputs.empty()) {
    throw UsageError{s.command + " takes no arguments, got '" + s.inputs.front() + "'"};
  }

  Io io{out, err};
  ExitStatus status = ExitStatus::kOk;
  if (s.command == "check") status = RunCheck(s, io);
  if (s.command == "extract") status = RunExtract(s, io);
  if (s.command == "index") status = RunIndex(s, io);
  if (s.command == "list-plugins") status = RunListPlugins(s, io);
  if (s.command == "list-rules") status = RunListRules(s, io);
  if (s.command == "explain") status = RunExplain(s, io);
  return static_cast<int>(status);
}

}  // namespace

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    return RunParsed(args, out, err);
  } catch (const UsageError& e) {
    err << "esgaudit: error: " << e.message << "\n";
    return static_cast<int>(ExitStatus::kUsageOrInput);
  } catch (const std::exception& e) {
    err << "esgaudit: error: internal: " << e.what() << "\n";
    return static_cast<int>(ExitStatus::kInternal);
  } catch (...) {
    err << "esgaudit: error: internal: unknown exception\n";
    return static_cast<int>(ExitStatus::kInternal);
  }
}

}  // namespace esgaudit::cli
