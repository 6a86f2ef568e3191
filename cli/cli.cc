// Command-line parsing (Boost.Program_options) and dispatch.
#include "cli.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>
#include <cstdlib>
#include <fstream>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

#include "commands.h"
#include "esgaudit/plugin_abi.h"
#include "esgaudit/spellcheck.h"

namespace esgaudit::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace {

const char kUsage[] =
    "usage: esgaudit <command> [options]\n"
    "\n"
    "commands:\n"
    "  check [options] INPUT...   audit reports (files, directories of .txt/.md/.pdf reports, - for stdin)\n"
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
    "  esgaudit check reports/ --format text --format sarif:esgaudit.sarif --format junit:junit.xml\n"
    "  esgaudit check reports/ --baseline esgaudit-baseline.json --waivers waivers.ini\n"
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
      ("config", po::value<std::string>(), "read options from an INI file (long option names as keys); "
       "without it the nearest .esgaudit.ini from the working directory upwards is read")
      ("no-config", "read no config file")
      ("lang", po::value<std::string>(),
       "message language: zh or en (default: the report's own language; for list-rules and explain, the "
       "locale's: LC_ALL, LC_MESSAGES, LANG)")
      ("enable", po::value<std::vector<std::string>>()->composing(), "run only rules matching GLOB (repeatable)")
      ("disable", po::value<std::vector<std::string>>()->composing(), "do not run rules matching GLOB (repeatable)")
      ("severity", po::value<std::vector<std::string>>()->composing(),
       "GLOB=LEVEL: report rules matching GLOB as error, warning or info (repeatable; the last match wins)")
      ("cache-dir", po::value<std::string>(),
       "keep compiled keyword sets (and which rule packs parse) in DIR between runs (default: "
       "$ESGAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/esgaudit, else $HOME/.cache/esgaudit); the output "
       "never depends on it")
      ("no-cache", "read and write no cache: compile and parse everything anew")
      ("verbose,v", "log progress to stderr")
      ("quiet", "show errors only: error findings and error messages")
      ("help,h", "this help");
  return d;
}

po::options_description CommandOptions(const std::string& command) {
  po::options_description d(command + " options");
  if (command == "check") {
    d.add_options()
        ("data", po::value<std::string>(), "structured KPI data for the report (.json .xml .ini .csv)")
        ("format", po::value<std::vector<std::string>>(),
         "FORMAT or FORMAT:FILE (repeatable): text (default), json, jsonl, sarif, junit, csv or html; "
         "a format with :FILE is written to FILE, the one without goes to stdout or --output")
        ("output,o", po::value<std::string>(), "write the stdout format to FILE instead")
        ("fail-on", po::value<std::string>(), "error (default), warning, info or never")
        ("join", po::value<std::string>(),
         "audit the inputs as parts of ONE report called NAME (in input order; locations name each part's file)")
        ("baseline", po::value<std::string>(), "fail only on findings not in this baseline FILE")
        ("write-baseline", po::value<std::string>(), "record the current findings as a baseline in FILE")
        ("waivers", po::value<std::string>(), "an INI FILE of reviewed waivers (rule or fingerprint, files, reason, approver, expires)")
        ("require", po::value<std::vector<std::string>>()->composing(),
         "apply a standard's checks even when the report does not claim it: gri, gbt36001, or an "
         "exchange guideline: szse, sse, bse, cn-exchange (any of the three) (repeatable)")
        ("color", po::value<std::string>(), "auto (default: on a terminal unless NO_COLOR is set), always or never")
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
        ("format", po::value<std::vector<std::string>>(), "text (default) or json");
  } else if (command == "index") {
    d.add_options()
        ("format", po::value<std::vector<std::string>>(), "md (default), csv or json")
        ("scheme", po::value<std::string>(), "coverage scheme (default gri)");
  } else if (command == "list-plugins" || command == "list-rules") {
    d.add_options()("format", po::value<std::vector<std::string>>(), "text (default) or json");
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

// The policy file of the repository: the nearest .esgaudit.ini from the working directory up.
std::string FindPolicyFile() {
  std::error_code ec;
  fs::path dir = fs::current_path(ec);
  if (ec) return "";
  fs::path rel = ".";
  for (;;) {
    if (fs::is_regular_file(dir / ".esgaudit.ini", ec)) return (rel / ".esgaudit.ini").lexically_normal().string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
    rel /= "..";
  }
}

// Paths in a config file are relative to the file's directory.
void RebasePaths(const std::string& config, po::parsed_options* parsed) {
  static const std::set<std::string> kPaths = {"data", "baseline", "write-baseline", "waivers", "rules-dir",
                                               "plugins-dir", "output", "cache-dir"};
  const fs::path base = fs::path(config).parent_path();
  if (base.empty()) return;
  for (po::option& o : parsed->options) {
    const bool format = o.string_key == "format";
    if (kPaths.count(o.string_key) == 0 && !format) continue;
    for (std::string& v : o.value) {
      std::string prefix;
      std::string file = v;
      if (format) {
        size_t colon = v.find(':');
        if (colon == std::string::npos) continue;
        prefix = v.substr(0, colon + 1);
        file = v.substr(colon + 1);
      }
      if (file.empty() || file == "-" || fs::path(file).is_absolute()) continue;
      v = prefix + (base / file).lexically_normal().string();
    }
  }
}

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

// The persistent cache's directory: none with --no-cache, else --cache-dir, ESGAUDIT_CACHE_DIR,
// $XDG_CACHE_HOME/esgaudit (an absolute XDG_CACHE_HOME only, as the XDG spec says),
// $HOME/.cache/esgaudit, else none. An empty variable counts as unset.
std::string CacheDir(const po::variables_map& vm) {
  if (vm.count("no-cache")) return "";
  if (vm.count("cache-dir")) return vm["cache-dir"].as<std::string>();
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v == nullptr ? "" : v);
  };
  if (std::string dir = env("ESGAUDIT_CACHE_DIR"); !dir.empty()) return dir;
  if (std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty() && xdg.front() == '/') return xdg + "/esgaudit";
  if (std::string home = env("HOME"); !home.empty()) return home + "/.cache/esgaudit";
  return "";
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
  std::string config_file;
  std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    po::store(po::command_line_parser(rest)
                  .options(all)
                  .positional(positional)
                  .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
                  .run(),
              vm);
    config_file = vm.count("config") ? vm["config"].as<std::string>() : vm.count("no-config") ? "" : FindPolicyFile();
    if (!config_file.empty()) {
      const std::string& path = config_file;
      std::ifstream in(path);
      if (!in) throw UsageError{path + ": cannot read config file"};
      try {
        // One policy file serves every command: it is checked against every option, and each
        // command takes the ones it has.
        po::options_description known = CommandOptions("check");
        known.add(CommonOptions());
        known.add_options()("relations", "")("scheme", po::value<std::string>(), "");
        po::parsed_options parsed = po::parse_config_file(in, known, false);
        std::vector<po::option> mine;
        for (const po::option& o : parsed.options) {
          if (visible.find_nothrow(o.string_key, false) != nullptr) mine.push_back(o);
        }
        parsed.options = mine;
        RebasePaths(path, &parsed);
        po::store(parsed, vm);
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
  const std::vector<std::string> formats = Get(vm, "format", std::vector<std::string>());
  s.output = Get(vm, "output", std::string());
  s.fail_on = Get(vm, "fail-on", std::string("error"));
  s.lang = Get(vm, "lang", std::string());
  s.config_file = config_file;
  s.baseline = Get(vm, "baseline", std::string());
  s.write_baseline = Get(vm, "write-baseline", std::string());
  s.waivers = Get(vm, "waivers", std::string());
  s.join = Get(vm, "join", std::string());
  s.require = Get(vm, "require", std::vector<std::string>());
  s.quiet = vm.count("quiet") != 0;
  for (const std::string& r : s.require) Check(r, {"bse", "cn-exchange", "gbt36001", "gri", "sse", "szse"}, "--require value");
  for (const std::string& spec : Get(vm, "severity", std::vector<std::string>())) {
    size_t eq = spec.rfind('=');
    if (eq == std::string::npos || eq == 0) throw UsageError{"--severity '" + spec + "': expected RULE-GLOB=LEVEL"};
    const std::string level = spec.substr(eq + 1);
    Check(level, {"error", "warning", "info"}, "--severity level");
    s.severities.push_back({spec.substr(0, eq), level == "error"     ? ESGAUDIT_ERROR
                                                : level == "warning" ? ESGAUDIT_WARNING
                                                                     : ESGAUDIT_INFO});
  }
  for (const std::string& f : formats) {
    size_t colon = f.find(':');
    if (s.command == "check" && colon != std::string::npos) {
      Check(f.substr(0, colon), ReporterFormats(), "--format");
      if (colon + 1 == f.size()) throw UsageError{"--format '" + f + "': no file after ':'"};
      s.format_files.push_back({f.substr(0, colon), f.substr(colon + 1)});
      continue;
    }
    if (!s.format.empty()) {
      throw UsageError{"--format: only one format can go to " + std::string(s.output.empty() ? "standard output" : "--output") +
                       " ('" + s.format + "' and '" + f + "'); give the others a file: --format " + f + ":FILE"};
    }
    s.format = f;
  }
  std::error_code dir_error;
  const std::string color = Get(vm, "color", std::string("auto"));
  Check(color, {"always", "auto", "never"}, "--color value");
  const char* no_color = std::getenv("NO_COLOR");
  s.color = color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0'));
  s.progress = !s.quiet && ::isatty(STDERR_FILENO) && (s.inputs.size() > 1 || (s.inputs.size() == 1 && fs::is_directory(s.inputs.front(), dir_error)));
  s.scheme = Get(vm, "scheme", std::string("gri"));
  s.plugin_dirs = Get(vm, "plugins-dir", std::vector<std::string>());
  s.rules_dirs = Get(vm, "rules-dir", std::vector<std::string>());
  for (const std::string& g : Get(vm, "enable", std::vector<std::string>())) s.selection.Enable(g);
  for (const std::string& g : Get(vm, "disable", std::vector<std::string>())) s.selection.Disable(g);
  s.relations = vm.count("relations") != 0;
  s.structure = vm.count("structure") != 0;
  s.default_plugins = vm.count("no-default-plugins") == 0;
  s.cache_dir = CacheDir(vm);
  s.jobs = Get(vm, "jobs", 0u);
  if (vm.count("isolate") && vm.count("no-isolate")) throw UsageError{"--isolate and --no-isolate exclude each other"};
  if (vm.count("isolate")) s.isolate = 1;
  if (vm.count("no-isolate")) s.isolate = 0;
  s.timeout_seconds = Get(vm, "timeout", 300.0);
  if (!(s.timeout_seconds >= 0)) throw UsageError{"--timeout must be a number of seconds >= 0"};

  Check(s.fail_on, {"error", "warning", "info", "never"}, "--fail-on value");
  if (!s.lang.empty()) Check(s.lang, {"zh", "en"}, "--lang value");
  if (s.command == "check" || s.command == "extract") {
    if (s.format.empty() && (s.command != "check" || s.format_files.empty())) s.format = "text";
    if (s.command == "check") {
      if (!s.format.empty()) Check(s.format, ReporterFormats(), "--format");
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
