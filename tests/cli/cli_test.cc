// CLI tier: the built binary's exact stdout, stderr and exit code (ninja's output_test idea).
#include <gtest/gtest.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "esgaudit_testing.h"

extern char** environ;

namespace esgaudit {
namespace {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("esgaudit-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // The binary's pattern cache goes to this test's folder unless a test says otherwise: runs
    // never share a user's cache, and a test's cold run is cold.
    for (const char* name : {"ESGAUDIT_CACHE_DIR", "XDG_CACHE_HOME", "HOME"}) {
      const char* v = std::getenv(name);
      saved_env_.emplace_back(name, v == nullptr ? std::optional<std::string>() : std::string(v));
    }
    ::unsetenv("ESGAUDIT_CACHE_DIR");
    ::setenv("XDG_CACHE_HOME", Path("xdg-cache").c_str(), 1);
  }
  void TearDown() override {
    for (const auto& [name, value] : saved_env_) {
      if (value) ::setenv(name.c_str(), value->c_str(), 1);
      else ::unsetenv(name.c_str());
    }
    fs::remove_all(dir_);
  }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::ofstream(Path(name), std::ios::binary) << bytes;
    return Path(name);
  }

  Result Run(std::vector<std::string> args) const {
    args.insert(args.begin(), ESGAUDIT_BINARY);
    args.insert(args.begin(), wrapper_.begin(), wrapper_.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string out = Path(".stdout"), err = Path(".stderr");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!cwd_.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd_.c_str());
    pid_t pid;
    Result r;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
      int status = 0;
      waitpid(pid, &status, 0);
      r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    posix_spawn_file_actions_destroy(&actions);
    r.out = testing::ReadFile(out);
    r.err = testing::ReadFile(err);
    return r;
  }

  // Runs with only the given fixture plugin, so outputs do not change as real rules evolve.
  // A command that runs the binary (e.g. setpriv to drop root); empty: run it directly.
  std::vector<std::string> wrapper_;

  Result RunFixture(const std::string& plugin, std::vector<std::string> args) const {
    args.push_back("--no-default-plugins");
    args.push_back("--plugins-dir");
    args.push_back(std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) + "/" + plugin);
    return Run(args);
  }

  fs::path dir_;
  std::string cwd_;  // working directory of the spawned binary; "" = the test's
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_env_;
};

const char kSample[] = "samples/yunnan-aluminium-2020-csr.txt";

TEST_F(CliTest, VersionAndHelp) {
  Result r = Run({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, std::string("esgaudit ") + ESGAUDIT_VERSION + " (plugin ABI 1.1)\n");
  r = Run({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("examples:"), std::string::npos);
  EXPECT_NE(r.out.find("  --cache-dir arg "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  --no-cache "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exit codes:"), std::string::npos);
  r = Run({});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("usage: esgaudit"), std::string::npos);
}

TEST_F(CliTest, UsageErrorsSuggestAndExit2) {
  Result r = Run({"chek", kSample});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: unknown command 'chek'; did you mean 'check'?\n");
  EXPECT_EQ(r.out, "");
  r = Run({"check", "--fromat", "json", kSample});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: unrecognised option '--fromat'; did you mean '--format'?\n");
  r = Run({"check", "--format", "xml", kSample});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: unknown --format 'xml' (expected csv, html, json, jsonl, junit, sarif, text); did you mean 'html'?\n");
  r = Run({"check", "--fail-on", "warnings", kSample});
  EXPECT_EQ(r.err, "esgaudit: error: unknown --fail-on value 'warnings' (expected error, warning, info, never); did you mean 'warning'?\n");
  r = Run({"check"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: check: no INPUT given; see 'esgaudit check --help'\n");
}

TEST_F(CliTest, UnknownRuleIdsSuggest) {
  Result r = RunFixture("echo", {"check", "--enable", "echo.flags", kSample});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: --enable: unknown rule 'echo.flags'; did you mean 'echo.flag'?\n");
  r = RunFixture("echo", {"explain", "echo.flg"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: unknown rule 'echo.flg'; did you mean 'echo.flag'?\n");
}

TEST_F(CliTest, BadInputsGetOneLineAndExit2) {
  const std::string empty = Write("empty.txt", "");
  const std::string binary = Write("blob.txt", std::string("\x7f" "ELF\x02\x01\x01\x00\x00", 9));
  const std::string bad = Write("bad.txt", "ok line\n\xff\xfe\xfd broken\n");
  fs::create_directories(Path("nothing"));
  Write("nothing/readme.json", "{}");
  const std::string missing = Path("missing.txt");
  struct Case {
    std::string input;
    std::string message;
  } cases[] = {
      {missing, missing + ": no such file"},
      {empty, empty + ": empty file"},
      {binary, binary + ": binary file (NUL byte at offset 7)"},
      {bad, bad + ":2: invalid UTF-8 byte 0xff at offset 8 and no other supported encoding (UTF-16 with BOM, GB18030) fits"},
      {Path("nothing"), Path("nothing") + ": directory has no reports (.txt, .md, .pdf)"},
  };
  for (const Case& c : cases) {
    Result r = RunFixture("echo", {"check", c.input, "-o", Path("out.json")});
    EXPECT_EQ(r.code, 2) << c.input;
    EXPECT_EQ(r.err, "esgaudit: error: " + c.message + "\n");
    EXPECT_FALSE(fs::exists(Path("out.json"))) << "no output file when nothing was audited";
  }
}

TEST_F(CliTest, OtherReportsFindingsAreKeptBesideABadInput) {
  const std::string good = Write("good.txt", "line one\nFLAG two\n");
  Result r = RunFixture("echo", {"check", "--lang", "en", good, Path("missing.txt")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("missing.txt") + ": no such file\n");
  EXPECT_EQ(r.out, good + ":2:1: warning: flag found [echo.flag]\nFLAG two\n^\n" + good +
                       ":2:1: note: line start\n1 finding (0 errors, 1 warning, 0 infos) in 1 report\n");
}

TEST_F(CliTest, FailOnDecidesTheExitCode) {
  const std::string report = Write("r.txt", "FLAG\n");
  EXPECT_EQ(RunFixture("echo", {"check", report}).code, 0);  // a warning is below the default
  EXPECT_EQ(RunFixture("echo", {"check", report, "--fail-on", "warning"}).code, 1);
  EXPECT_EQ(RunFixture("echo", {"check", report, "--fail-on", "info"}).code, 1);
  // Every rule disabled: nothing was checked, so the gate cannot pass, whatever --fail-on says.
  Result none = RunFixture("echo", {"check", report, "--fail-on", "never", "--disable", "echo.*"});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err, "esgaudit: error: no rule is enabled (--enable/--disable leave none of 1 rules); an audit without rules cannot pass\n");
  EXPECT_EQ(RunFixture("echo", {"check", report, "--disable", "*"}).code, 2);
  EXPECT_EQ(RunFixture("echo", {"check", Write("clean.txt", "nothing\n"), "--fail-on", "info"}).code, 0);
}

TEST_F(CliTest, PluginFailuresExit3AndKeepOtherFindings) {
  const std::string report = Write("r.txt", "FLAG\n");
  Result r = Run({"check", report, "--no-default-plugins", "--plugins-dir",
                  std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) + "/abi2", "--plugins-dir",
                  std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) + "/echo", "--lang", "en", "--fail-on", "never"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: " + std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) +
                       "/abi2/esgaudit_plugin_abi2.so: plugin ABI 2.5 is not supported by esgaudit ABI "
                       "1.1; rebuild the plugin against this SDK\n");
  EXPECT_NE(r.out.find("flag found [echo.flag]"), std::string::npos);

  r = Run({"check", report, "--no-default-plugins", "--plugins-dir", std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) + "/thrower",
           "--plugins-dir", std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) + "/echo", "--lang", "en", "--format", "json"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: " + report + ": plugin 'thrower' failed: deliberate failure\n");
  EXPECT_NE(r.out.find("\"rule\": \"esgaudit.plugin-error\""), std::string::npos);
  EXPECT_NE(r.out.find("\"rule\": \"echo.flag\""), std::string::npos);
  EXPECT_NE(r.out.find("\"rule\": \"thrower.boom\""), std::string::npos);

  r = RunFixture("badpack", {"check", report});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: rules/badpack/pack.json:3: expected a number\n");
}

TEST_F(CliTest, NoPluginsIsAFailureNotAPass) {
  Result r = Run({"check", kSample, "--no-default-plugins"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: no plugins found (searched: no directory)\n");
  EXPECT_EQ(r.out, "no findings in 1 report\n");
  r = Run({"check", kSample, "--no-default-plugins", "--plugins-dir", Path("")});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: no plugins found (searched: " + Path("") + ")\n");
}

TEST_F(CliTest, MalformedRulePackAndConfigNameFileAndLine) {
  fs::create_directories(Path("rules/pack"));
  Write("rules/pack/broken.json", "{\n  \"a\": 1,\n  \"b\": \n}\n");
  Result r = RunFixture("echo", {"check", kSample, "--rules-dir", Path("rules")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("esgaudit: error: " + Path("rules/pack/broken.json") + ":4: malformed rule pack: ", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);

  const std::string config = Write("esgaudit.ini", "format = json\nthis is not an option line\n");
  r = RunFixture("echo", {"check", kSample, "--config", config});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + config + ":2: the options configuration file contains an invalid line 'this is not an option line'\n");

  const std::string good_config = Write("good.ini", "format = json\nlang = en\n");
  r = RunFixture("echo", {"check", Write("r.txt", "FLAG\n"), "--config", good_config});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("\"message\": \"flag found\""), std::string::npos);
}

TEST_F(CliTest, OutputFileIsWrittenWhole) {
  const std::string report = Write("r.txt", "FLAG\n");
  Result r = RunFixture("echo", {"check", report, "--format", "json", "-o", Path("out.json")});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  std::string written = testing::ReadFile(Path("out.json"));
  EXPECT_EQ(written, RunFixture("echo", {"check", report, "--format", "json"}).out);
  r = RunFixture("echo", {"check", report, "-o", Path("no/such/dir/out.txt")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("no/such/dir/out.txt") + ": cannot write output file\n");
}

TEST_F(CliTest, OutputIsByteIdenticalWhateverJobs) {
  fs::create_directories(Path("many"));
  for (int i = 0; i < 6; ++i) {
    Write("many/r" + std::to_string(i) + ".txt", std::string(i, '\n') + "FLAG " + std::to_string(i) + "\n");
  }
  Result one = Run({"check", Path("many"), "--format", "json", "--jobs", "1"});
  Result two = Run({"check", Path("many"), "--format", "json", "--jobs", "4"});
  EXPECT_EQ(one.code, two.code);
  EXPECT_EQ(one.out, two.out);
  Result sample1 = Run({"check", kSample, "--format", "json", "--jobs", "1"});
  Result sample2 = Run({"check", kSample, "--format", "json", "--jobs", "2"});
  EXPECT_EQ(sample1.out, sample2.out);
  EXPECT_EQ(sample1.code, sample2.code);
}

TEST_F(CliTest, IsolatedAuditIsByteIdenticalToInProcess) {
  fs::create_directories(Path("many"));
  for (int i = 0; i < 4; ++i) Write("many/r" + std::to_string(i) + ".txt", "FLAG " + std::to_string(i) + "\n");
  Result isolated = RunFixture("echo", {"check", Path("many"), "--format", "json", "--isolate", "--jobs", "2"});
  Result in_process = RunFixture("echo", {"check", Path("many"), "--format", "json", "--no-isolate"});
  EXPECT_EQ(isolated.code, 0) << isolated.err;
  EXPECT_EQ(isolated.out, in_process.out);
  EXPECT_EQ(isolated.err, in_process.err);
  Result sample1 = Run({"check", kSample, "--isolate"});
  Result sample2 = Run({"check", kSample, "--no-isolate"});
  EXPECT_EQ(sample1.out, sample2.out);
  EXPECT_EQ(sample1.code, sample2.code);
  Result both = Run({"check", kSample, "--isolate", "--no-isolate"});
  EXPECT_EQ(both.code, 2);
  EXPECT_EQ(both.err, "esgaudit: error: --isolate and --no-isolate exclude each other\n");
}

// A plugin that segfaults on one report of a batch: that report gets esgaudit.plugin-crash (and
// keeps the findings of the plugins that ran before), the others are complete, exit 3.
TEST_F(CliTest, IsolatedCrashCostsOnlyItsReport) {
  const std::string a = Write("a.txt", "FLAG a\n");
  const std::string b = Write("b.txt", "FLAG CRASH\n");
  const std::string c = Write("c.txt", "FLAG c\n");
  const std::string dir = ESGAUDIT_FIXTURE_PLUGIN_DIR;
  Result r = Run({"check", a, b, c, "--no-default-plugins", "--plugins-dir", dir + "/echo", "--plugins-dir",
                  dir + "/segv", "--lang", "en", "--jobs", "2"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: " + b + ": plugin 'segv' crashed: signal 11 (Segmentation fault)\n");
  EXPECT_EQ(r.out, a + ":1:1: warning: flag found [echo.flag]\nFLAG a\n^\n" + a + ":1:1: note: line start\n" +
                       b + ": error: plugin 'segv' crashed: signal 11 (Segmentation fault) [esgaudit.plugin-crash]\n" +
                       b + ":1:1: warning: flag found [echo.flag]\nFLAG CRASH\n^\n" + b + ":1:1: note: line start\n" +
                       c + ":1:1: warning: flag found [echo.flag]\nFLAG c\n^\n" + c + ":1:1: note: line start\n" +
                       "reports:\n  " + a + ": 0 errors, 1 warning, 0 infos\n  " + b + ": 1 error, 1 warning, 0 infos\n  " +
                       c + ": 0 errors, 1 warning, 0 infos\n" + "4 findings (1 error, 3 warnings, 0 infos) in 3 reports\n");
  // One report alone is isolated only when asked.
  r = Run({"check", b, "--no-default-plugins", "--plugins-dir", dir + "/segv", "--isolate", "--format", "json"});
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("\"rule\": \"esgaudit.plugin-crash\""), std::string::npos);
}

// One child audits several reports in turn (--jobs 1: all of them); a crash in the middle of its
// group costs only that report, and the reports after it are audited by a new child: the output is
// the same as with one child per report.
TEST_F(CliTest, IsolatedCrashInTheMiddleOfAGroupCostsOnlyItsReport) {
  std::vector<std::string> args = {"check"};
  for (const char* name : {"a", "b", "c", "d", "e", "f"}) {
    args.push_back(Write(std::string(name) + ".txt", std::string(name) == "c" ? "FLAG CRASH\n" : "FLAG ok\n"));
  }
  const std::string dir = ESGAUDIT_FIXTURE_PLUGIN_DIR;
  for (const char* a : {"--no-default-plugins", "--plugins-dir"}) args.push_back(a);
  args.push_back(dir + "/echo");
  args.push_back("--plugins-dir");
  args.push_back(dir + "/segv");
  for (const char* a : {"--lang", "en", "--format", "json"}) args.push_back(a);
  std::vector<std::string> one = args, six = args;
  for (const char* a : {"--jobs", "1"}) one.push_back(a);
  for (const char* a : {"--jobs", "6"}) six.push_back(a);
  Result grouped = Run(one);
  Result alone = Run(six);
  EXPECT_EQ(grouped.code, 3);
  EXPECT_EQ(grouped.err, "esgaudit: error: " + Path("c.txt") + ": plugin 'segv' crashed: signal 11 (Segmentation fault)\n");
  size_t crashes = 0, flags = 0;
  for (size_t at = grouped.out.find("esgaudit.plugin-crash"); at != std::string::npos;
       at = grouped.out.find("esgaudit.plugin-crash", at + 1)) ++crashes;
  for (size_t at = grouped.out.find("\"rule\": \"echo.flag\""); at != std::string::npos;
       at = grouped.out.find("\"rule\": \"echo.flag\"", at + 1)) ++flags;
  EXPECT_EQ(crashes, 1u) << grouped.out;
  EXPECT_EQ(flags, 6u) << grouped.out;  // every report, the crashed one's from before the crash
  EXPECT_EQ(grouped.out, alone.out);
  EXPECT_EQ(grouped.err, alone.err);
}

TEST_F(CliTest, IsolatedHangIsStoppedAtTheTimeout) {
  const std::string a = Write("a.txt", "FLAG a\n");
  const std::string h = Write("h.txt", "HANG\n");
  const std::string dir = ESGAUDIT_FIXTURE_PLUGIN_DIR;
  Result r = Run({"check", a, h, "--no-default-plugins", "--plugins-dir", dir + "/echo", "--plugins-dir",
                  dir + "/hang", "--lang", "en", "--timeout", "1", "--fail-on", "never"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: " + h + ": plugin 'hang' did not finish within 1 s and was stopped\n");
  EXPECT_EQ(r.out, a + ":1:1: warning: flag found [echo.flag]\nFLAG a\n^\n" + a + ":1:1: note: line start\n" +
                       h + ": error: plugin 'hang' did not finish within 1 s and was stopped [esgaudit.plugin-timeout]\n" +
                       "reports:\n  " + a + ": 0 errors, 1 warning, 0 infos\n  " + h + ": 1 error, 0 warnings, 0 infos\n" +
                       "2 findings (1 error, 1 warning, 0 infos) in 2 reports\n");
  r = Run({"check", a, "--timeout", "-1"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: --timeout must be a number of seconds >= 0\n");
}

// An isolated batch reads each plugin's rule data once, in the parent before it forks (the plugin's
// preparation), and every child uses that copy; a crash in one child still costs only its report.
TEST_F(CliTest, IsolatedBatchReadsRuleDataOnceBeforeForking) {
  fs::create_directories(Path("rules/ruledata"));
  Write("rules/ruledata/data.txt", "v1\n");
  const std::string a = Write("a.txt", "a\n");
  const std::string b = Write("b.txt", "CRASH\n");
  const std::string c = Write("c.txt", "c\n");
  const std::string dir = ESGAUDIT_FIXTURE_PLUGIN_DIR;
  auto count = [](const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  };
  Result r = Run({"check", a, b, c, "--no-default-plugins", "--plugins-dir", dir + "/ruledata", "--plugins-dir",
                  dir + "/segv", "--rules-dir", Path("rules"), "--lang", "en", "--jobs", "2", "--fail-on", "never"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: " + b + ": plugin 'segv' crashed: signal 11 (Segmentation fault)\n");
  EXPECT_EQ(count(r.out, "data 'v1' read by the parent process, 1 read(s) in all [ruledata.data]"), 3u) << r.out;
  EXPECT_EQ(count(r.out, "[esgaudit.plugin-crash]"), 1u) << r.out;
  // In one process (no children) the first report reads it and the others reuse it.
  r = Run({"check", a, c, "--no-default-plugins", "--plugins-dir", dir + "/ruledata", "--rules-dir", Path("rules"),
           "--lang", "en", "--no-isolate", "--jobs", "1"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(count(r.out, "data 'v1' read by this process, 1 read(s) in all [ruledata.data]"), 2u) << r.out;
  // Rule data that fails to load is reported for every report, as without the preparation.
  Write("rules/ruledata/data.txt", "BAD\n");
  r = Run({"check", a, c, "--no-default-plugins", "--plugins-dir", dir + "/ruledata", "--rules-dir", Path("rules"),
           "--lang", "en", "--jobs", "2"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: ruledata/data.txt:1: BAD is not rule data\n"
                   "esgaudit: error: ruledata/data.txt:1: BAD is not rule data\n");
}

TEST_F(CliTest, SampleJsonMatchesThePublishedSchema) {
  Result r = Run({"check", kSample, "--format", "json", "-o", Path("sample.json"), "--fail-on", "never"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string cmd = "/usr/bin/python3 " + testing::SourcePath("tests/cli/validate_json.py") + " " +
                          testing::SourcePath("docs/schema/findings-1.schema.json") + " " + Path("sample.json");
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::string json = testing::ReadFile(Path("sample.json"));
  EXPECT_NE(json.find("\"schema\": \"esgaudit.findings/1\""), std::string::npos);
  EXPECT_NE(json.find("\"pages\": null"), std::string::npos);  // text without form feeds: never guessed
}

TEST_F(CliTest, ListAndExplain) {
  Result r = RunFixture("echo", {"list-plugins"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "echo 1.0.0 (ABI 1.1): test fixture (1 rules)\n");
  r = RunFixture("echo", {"list-rules", "--lang", "en"});
  EXPECT_EQ(r.out,
            "echo.flag [warning] lines containing FLAG\n"
            "esgaudit.plugin-crash [error] a plugin crashed while auditing a report (isolated audit)\n"
            "esgaudit.plugin-error [error] a plugin failed while auditing a report\n"
            "esgaudit.plugin-timeout [error] a plugin ran past --timeout on a report and was stopped (isolated audit)\n");
  for (const char* rule : {"plugin-crash", "plugin-error", "plugin-timeout"}) {
    r = RunFixture("echo", {"explain", std::string("esgaudit.") + rule, "--lang", "en"});
    EXPECT_EQ(r.code, 0);
    EXPECT_EQ(r.out, std::string("Rule esgaudit.") + rule + ": plugin esgaudit, severity error.\n\n" +
                         testing::ReadFile(testing::SourcePath(std::string("rules/esgaudit/") + rule + ".md")));
  }
  r = RunFixture("echo", {"explain", "echo.flag"});
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.err, "esgaudit: error: rule 'echo.flag' has no documentation (echo/flag.md is in no rules directory)\n");
}

TEST_F(CliTest, ExtractDumpsFactsWithLocations) {
  const std::string report = Write("r.txt", "员工总数12375人\n");
  Result r = Run({"extract", report, "--format", "json"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"text\": \"12375人\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"column\": 9"), std::string::npos);
  r = Run({"extract", Path("missing.txt")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("missing.txt") + ": no such file\n");
}

TEST_F(CliTest, IndexRendersTheGriCoverageAsAContentIndex) {
  Result md = Run({"index", kSample});
  ASSERT_EQ(md.code, 0) << md.err;
  EXPECT_EQ(md.out.rfind("| 披露项 | 标题 | 状态 | 位置 |\n|---|---|---|---|\n", 0), 0u);  // the report's language
  EXPECT_NE(md.out.find(" | 未披露 | "), std::string::npos);
  Result en = Run({"index", kSample, "--lang", "en"});
  EXPECT_EQ(en.out.rfind("| Disclosure | Title | Status | Location |\n|---|---|---|---|\n", 0), 0u);
  EXPECT_NE(en.out.find(" | missing | "), std::string::npos);
  Result csv = Run({"index", kSample, "--format", "csv"});
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("disclosure,title,status,locations\r\n", 0), 0u);
  // One row per catalogue disclosure, in both formats.
  const auto rows = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  EXPECT_EQ(rows(md.out) - 2, rows(csv.out) - 1);
  EXPECT_GT(rows(csv.out), 140);
  EXPECT_NE(csv.out.find("\r\n2-1,"), std::string::npos);
  Result bad = Run({"index", kSample, "--scheme", "gri2016"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_EQ(bad.err, "esgaudit: error: no plugin reported coverage for scheme 'gri2016'\n");
}

TEST_F(CliTest, IndexWithSchemeCnExchangeIsTheGuidelinesTopicIndexTable) {
  const std::string report = Write("cn.txt",
      "本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》编制。\n\n"
      "员工\n\n公司在职员工1,200人,按时支付工资并缴纳五险一金。\n");
  Result md = Run({"index", report, "--scheme", "cn-exchange"});
  ASSERT_EQ(md.code, 0) << md.err;
  const auto rows = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
  EXPECT_EQ(rows(md.out), 2 + 21);  // the 21 topics of the annex, in its order
  // A Chinese report gets the table in Chinese.
  EXPECT_NE(md.out.find("\n| climate | 第21-28条 应对气候变化 | 未披露 |  |\n"), std::string::npos) << md.out;
  // The topic's heading (a title standing alone, as the structure model reads headings) and its evidence.
  EXPECT_NE(md.out.find("\n| employees | 第50条 员工 | 部分披露 | 第3行，第5行 |\n"), std::string::npos) << md.out;
}

// False alarms on real reports: the error-severity findings (what fails a CI gate) over the reports of
// ../shared/corpus are pinned in tests/cli/corpus-errors.expected (their review: docs/*-evaluation.md).
// A new error fails this test until someone reviews it and, if real, re-pins the list with
// ESGAUDIT_UPDATE_GOLDENS=corpus. Skipped where the corpus is absent (it lives beside the
// repository, never in it).
TEST_F(CliTest, ErrorsOnTheCorpusAreExactlyTheReviewedOnes) {
  const std::string corpus = testing::SourcePath("../shared/corpus");
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no corpus at " << corpus;
  Result r = Run({"check", corpus, "--format", "json", "-o", Path("corpus.json"), "--fail-on", "never"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json doc = nlohmann::json::parse(testing::ReadFile(Path("corpus.json")));
  std::string actual;
  for (const auto& report : doc["reports"]) {
    const std::string path = report["path"].get<std::string>().substr(corpus.size() + 1);
    for (const auto& f : report["findings"]) {
      if (f["severity"] != "error") continue;
      actual += path + ":" + std::to_string(f["location"]["line"].get<int>()) + ": " +
                f["rule"].get<std::string>() + ": " + f["message"].get<std::string>() + "\n";
    }
  }
  const std::string expected_path = testing::SourcePath("tests/cli/corpus-errors.expected");
  const char* update = std::getenv("ESGAUDIT_UPDATE_GOLDENS");
  if (update != nullptr && std::string(update).find("corpus") != std::string::npos) {
    std::ofstream(expected_path, std::ios::binary) << actual;
  }
  EXPECT_EQ(actual, testing::ReadFile(expected_path));
}

// What the tool understood of each line of the sample (role, section, table, furniture, cells)
// and its metadata. ESGAUDIT_UPDATE_GOLDENS=structure rewrites the golden so reviews read the diff.
TEST_F(CliTest, ExtractStructureOfTheSampleMatchesItsGolden) {
  Result r = Run({"extract", "--structure", kSample});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string golden = testing::SourcePath("tests/cli/structure-sample.expected");
  const char* update = std::getenv("ESGAUDIT_UPDATE_GOLDENS");
  if (update != nullptr && std::string(update).find("structure") != std::string::npos) {
    std::ofstream(golden, std::ios::binary) << r.out;
  }
  EXPECT_EQ(r.out, testing::ReadFile(golden));
}

// Infographic figures with their assembled labels, and sentences with the facts of each clause.
TEST_F(CliTest, ExtractStructureShowsFiguresAndSentences) {
  const std::string report = Write("r.txt", "        申请专\n\n       利89项\n\n公司全年开展安全培训\n1200人次，覆盖率98%。\n");
  Result r = Run({"extract", "--structure", report, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["figures"].size(), 1u);
  EXPECT_EQ(j["figures"][0]["label"], "申请专利");
  EXPECT_EQ(j["figures"][0]["label_from"], "split");
  EXPECT_EQ(j["figures"][0]["label_lines"], "1-3");
  ASSERT_EQ(j["sentences"].size(), 1u);
  EXPECT_EQ(j["sentences"][0]["line"], 5);
  EXPECT_EQ(j["sentences"][0]["last_line"], 6);
  ASSERT_EQ(j["sentences"][0]["clauses"].size(), 2u);
  EXPECT_EQ(j["sentences"][0]["clauses"][0]["text"], "公司全年开展安全培训1200人次");
  EXPECT_EQ(j["sentences"][0]["clauses"][0]["facts"], nlohmann::json::array({"1200人次"}));
  Result text = Run({"extract", "--structure", report});
  EXPECT_NE(text.out.find("1-3: 申请专利 -> 89项 (split)"), std::string::npos) << text.out;
}

// An aligned table's grid: the rows joined with single spaces split into label and values, shown
// as the grid's rows of cell texts.
TEST_F(CliTest, ExtractStructureShowsATablesGrid) {
  const std::string report = Write("r.txt", "Visits by Region\nTotal 1,210 1,330\nNorth 410 \xE2\x80\x94\nSouth 800 1,330\n");
  Result r = Run({"extract", "--structure", report, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["tables"].size(), 1u);
  EXPECT_EQ(j["tables"][0]["grid"], nlohmann::json::parse(R"([["Total", "1,210", "1,330"],
                                                                ["North", "410", "\u2014"],
                                                                ["South", "800", "1,330"]])"));
  Result text = Run({"extract", "--structure", report});
  EXPECT_NE(text.out.find("table 0: lines 2-4, aligned, 1 columns, unknown, total row line 2, grid 3x3"),
            std::string::npos)
      << text.out;
  // A tab table's grid: one column per tab slot, an empty slot kept.
  const std::string tabs = Write("t.txt", "Site\t2021\t2022\nTotal\t1,210\t1,330\nNorth\t\t410\nSouth\t800\t920\n");
  Result t = Run({"extract", "--structure", tabs, "--format", "json"});
  ASSERT_EQ(t.code, 0) << t.err;
  j = nlohmann::json::parse(t.out);
  ASSERT_EQ(j["tables"].size(), 1u);
  EXPECT_EQ(j["tables"][0]["grid"], nlohmann::json::parse(R"([["Site", "2021", "2022"],
                                                                ["Total", "1,210", "1,330"],
                                                                ["North", null, "410"],
                                                                ["South", "800", "920"]])"));
}

// A chart caption (a short line with a chart word over a run of figures) is shown with the lines
// of figures it heads, in text and JSON, so a user can see why a share got its column label.
TEST_F(CliTest, ExtractStructureShowsChartCaptions) {
  const std::string report = Write("c.txt", "员工构成\n男女比例\n28%\n72%\n■男 ■女\n"
                                            "公司坚持男女同工同酬，保障女性员工的合法权益，2016年新招聘员工416人。\n");
  Result r = Run({"extract", "--structure", report, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["chart_captions"], nlohmann::json::parse(
                                     R"([{"line": 2, "text": "男女比例", "first_line": 3, "last_line": 4}])"));
  Result text = Run({"extract", "--structure", report});
  EXPECT_NE(text.out.find("chart captions (line: caption -> the lines of figures it heads):\n2: 男女比例 -> 3-4\n"),
            std::string::npos)
      << text.out;
  const std::string none = Write("n.txt", "员工情况\n技能等级\n45%\n30%\n");
  j = nlohmann::json::parse(Run({"extract", "--structure", none, "--format", "json"}).out);
  EXPECT_TRUE(j["chart_captions"].empty());
  EXPECT_EQ(Run({"extract", "--structure", none}).out.find("chart captions"), std::string::npos);
}

TEST_F(CliTest, ExtractStructureAsJson) {
  const std::string report = Write("r.txt", "目录\n关于我们  3\n公司治理  5\n员工发展  9\n\n一、关于我们\n本报告时间范围为2020年1月1日至2020年12月31日。\n");
  Result r = Run({"extract", "--structure", report, "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "esgaudit.structure/1");
  EXPECT_EQ(j["metadata"]["report_year"], 2020);
  EXPECT_EQ(j["metadata"]["year_from_line"], 7);
  EXPECT_EQ(j["metadata"]["period_kind"], "range");
  EXPECT_EQ(j["metadata"]["period_statement"], true);
  EXPECT_TRUE(j["metadata"]["title_year"].is_null());
  ASSERT_EQ(j["toc"].size(), 3u);
  EXPECT_EQ(j["toc"][1]["title"], "公司治理");
  EXPECT_EQ(j["toc"][1]["page"], 5);
  EXPECT_EQ(j["sections"][0]["title"], "关于我们");
  EXPECT_EQ(j["lines"][1]["role"], "toc");
  EXPECT_EQ(j["lines"][4]["role"], "heading");
  EXPECT_EQ(j["lines"][5]["section"], 0);
  r = Run({"extract", "--structure", "--relations", report});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: extract takes --relations or --structure, not both\n");
}

TEST_F(CliTest, PdfInputKeepsPages) {
  Result r = Run({"check", testing::SourcePath("tests/data/two-pages.pdf"), "--format", "json", "--fail-on", "never"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"pages\": 2"), std::string::npos);
  EXPECT_NE(r.out.find("\"encoding\": \"pdf\""), std::string::npos);
  r = Run({"check", Write("broken.pdf", "%PDF-1.7\n1 0 obj garbage")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("broken.pdf") + ": broken PDF (poppler could not parse it)\n");
}


// ---- Workflows: formats, the CI gate, the assurance record, the auditor's terminal (issue 10) ----

std::string Validate(const std::string& schema, const std::string& doc) {
  return "/usr/bin/python3 " + testing::SourcePath("tests/cli/validate_json.py") + " " +
         testing::SourcePath(schema) + " " + doc;
}

TEST_F(CliTest, SeveralFormatsInOneRunEachToItsOwnFile) {
  const std::string report = Write("r.txt", "one\nFLAG two\n");
  Result plain = RunFixture("echo", {"check", report});
  Result r = RunFixture("echo", {"check", report, "--format", "text", "--format", "sarif:" + Path("o.sarif"),
                                 "--format", "junit:" + Path("o.xml"), "--format", "csv:" + Path("o.csv"),
                                 "--format", "jsonl:" + Path("o.jsonl"), "--format", "html:" + Path("o.html"),
                                 "--format", "json:" + Path("o.json")});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, plain.out);  // the stdout format is unchanged by the files beside it
  EXPECT_EQ(testing::ReadFile(Path("o.json")), RunFixture("echo", {"check", report, "--format", "json"}).out);
  EXPECT_EQ(testing::ReadFile(Path("o.xml")).rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 0), 0u);
  EXPECT_EQ(testing::ReadFile(Path("o.csv")).rfind("file,page,line,column,severity,rule,", 0), 0u);
  EXPECT_EQ(testing::ReadFile(Path("o.html")).rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(std::system(Validate("docs/schema/sarif-schema-2.1.0.json", Path("o.sarif")).c_str()), 0);
  // Only files: nothing on stdout.
  r = RunFixture("echo", {"check", report, "--format", "sarif:" + Path("only.sarif")});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(fs::exists(Path("only.sarif")));
  r = RunFixture("echo", {"check", report, "--format", "text", "--format", "json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: --format: only one format can go to standard output ('text' and 'json'); "
                   "give the others a file: --format json:FILE\n");
  r = RunFixture("echo", {"check", report, "--format", "pdf:" + Path("x.pdf")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err.rfind("esgaudit: error: unknown --format 'pdf'", 0), 0u) << r.err;
}

TEST_F(CliTest, SarifCarriesRulesExtensionsLocationsPagesFingerprintsSuppressionsAndTheInvocation) {
  const std::string report = Write("paged.txt", "page one\n\fsecond page\nFLAG here\nFLAG again\n");
  const std::string waivers = Write("waivers.ini", "[accepted]\nrule = echo.flag\nfiles = *paged.txt\nreason = reviewed\napprover = QA\n");
  Result r = RunFixture("echo", {"check", report, "--format", "sarif", "--fail-on", "warning", "--lang", "en",
                                 "--waivers", waivers, "-o", Path("out.sarif")});
  EXPECT_EQ(r.code, 0) << r.err;  // both findings waived
  ASSERT_EQ(std::system(Validate("docs/schema/sarif-schema-2.1.0.json", Path("out.sarif")).c_str()), 0);
  nlohmann::json sarif = nlohmann::json::parse(testing::ReadFile(Path("out.sarif")));
  EXPECT_EQ(sarif["version"], "2.1.0");
  const auto& run = sarif["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  // Every rule that could run: echo.flag and the tool's own esgaudit.plugin-crash, -error, -timeout.
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0]["id"], "echo.flag");
  EXPECT_EQ(rules[0]["name"], "Flag");
  EXPECT_EQ(rules[0]["shortDescription"]["text"], "lines containing FLAG");
  EXPECT_EQ(rules[0]["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rules[2]["id"], "esgaudit.plugin-error");
  EXPECT_FALSE(rules[2].contains("helpUri"));  // the tool's own rule has no external reference
  EXPECT_TRUE(rules[2]["help"]["markdown"].get<std::string>().find("plugin") != std::string::npos);
  EXPECT_EQ(run["tool"]["extensions"][0]["name"], "echo");
  EXPECT_EQ(run["tool"]["extensions"][0]["version"], "1.0.0");
  const auto& results = run["results"];
  ASSERT_EQ(results.size(), 2u);
  const auto& first = results[0];
  EXPECT_EQ(first["ruleId"], "echo.flag");
  EXPECT_EQ(first["ruleIndex"], 0);
  EXPECT_EQ(first["level"], "warning");
  EXPECT_EQ(first["message"]["text"], "flag found");
  const auto& region = first["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 3);  // a form feed right after a line end adds no line
  EXPECT_EQ(region["startColumn"], 1);
  EXPECT_EQ(region["byteOffset"], 22);
  EXPECT_EQ(region["byteLength"], 4);
  EXPECT_EQ(first["properties"]["page"], 2);
  EXPECT_EQ(first["relatedLocations"][0]["message"]["text"], "line start");
  EXPECT_EQ(first["partialFingerprints"]["esgaudit/v1"].get<std::string>().size(), 16u);
  EXPECT_NE(first["partialFingerprints"], results[1]["partialFingerprints"]);
  EXPECT_EQ(first["suppressions"][0]["kind"], "external");
  EXPECT_EQ(first["suppressions"][0]["justification"], "reviewed");
  EXPECT_EQ(first["suppressions"][0]["properties"]["approver"], "QA");
  // Outside the working directory: an absolute file:// URI.
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file://" + report);
  const auto& invocation = run["invocations"][0];
  EXPECT_EQ(invocation["exitCode"], 0);
  EXPECT_EQ(invocation["executionSuccessful"], true);
  EXPECT_EQ(invocation["properties"]["manifest"]["inputs"][0]["sha256"], run["artifacts"][0]["hashes"]["sha-256"]);
  // URIs are relative to the working directory when the file lies inside it.
  fs::create_directories(Path("ws"));
  Write("ws/in.txt", "FLAG\n");
  cwd_ = Path("ws");
  r = RunFixture("echo", {"check", "in.txt", "--format", "sarif"});
  nlohmann::json rel = nlohmann::json::parse(r.out);
  EXPECT_EQ(rel["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "in.txt");
}

TEST_F(CliTest, SampleSarifIsValid) {
  Result r = Run({"check", kSample, "--format", "sarif", "-o", Path("sample.sarif"), "--fail-on", "never"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(std::system(Validate("docs/schema/sarif-schema-2.1.0.json", Path("sample.sarif")).c_str()), 0);
  nlohmann::json sarif = nlohmann::json::parse(testing::ReadFile(Path("sample.sarif")));
  Result rules = Run({"list-rules", "--format", "json"});
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"].size(), nlohmann::json::parse(rules.out).size());
  for (const auto& rule : sarif["runs"][0]["tool"]["driver"]["rules"]) {
    if (rule["id"].get<std::string>().rfind("esgaudit.", 0) == 0) continue;
    EXPECT_EQ(rule["helpUri"].get<std::string>().rfind("https://", 0), 0u) << rule["id"] << " has no URL in its doc";
    EXPECT_NE(rule["fullDescription"]["text"], rule["shortDescription"]["text"]) << rule["id"];
  }
}

TEST_F(CliTest, JunitHasASuitePerReportACasePerRuleAndAFailurePerFindingAtTheThreshold) {
  const std::string a = Write("a.txt", "FLAG <one> & \"two\"\nFLAG again\n");
  const std::string b = Write("b.txt", "clean\n");
  Result r = RunFixture("echo", {"check", a, b, Path("gone.txt"), "--format", "junit", "--fail-on", "warning", "--lang", "en"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"esgaudit\" tests=\"9\" failures=\"1\" errors=\"1\">\n"
            "  <testsuite name=\"" + a + "\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
            "    <testcase classname=\"echo\" name=\"echo.flag\" file=\"" + a + "\">\n"
            "      <failure type=\"warning\" message=\"flag found\">" + a + ":1:1: flag found [echo.flag]\n"
            "FLAG &lt;one&gt; &amp; &quot;two&quot;</failure>\n"
            "      <failure type=\"warning\" message=\"flag found\">" + a + ":2:1: flag found [echo.flag]\n"
            "FLAG again</failure>\n"
            "    </testcase>\n"
            "    <testcase classname=\"esgaudit\" name=\"esgaudit.plugin-crash\" file=\"" + a + "\"/>\n"
            "    <testcase classname=\"esgaudit\" name=\"esgaudit.plugin-error\" file=\"" + a + "\"/>\n"
            "    <testcase classname=\"esgaudit\" name=\"esgaudit.plugin-timeout\" file=\"" + a + "\"/>\n"
            "  </testsuite>\n"
            "  <testsuite name=\"" + b + "\" tests=\"4\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
            "    <testcase classname=\"echo\" name=\"echo.flag\" file=\"" + b + "\"/>\n"
            "    <testcase classname=\"esgaudit\" name=\"esgaudit.plugin-crash\" file=\"" + b + "\"/>\n"
            "    <testcase classname=\"esgaudit\" name=\"esgaudit.plugin-error\" file=\"" + b + "\"/>\n"
            "    <testcase classname=\"esgaudit\" name=\"esgaudit.plugin-timeout\" file=\"" + b + "\"/>\n"
            "  </testsuite>\n"
            "  <testsuite name=\"" + Path("gone.txt") + "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
            "    <testcase classname=\"esgaudit\" name=\"load\" file=\"" + Path("gone.txt") + "\">\n"
            "      <error type=\"input\" message=\"" + Path("gone.txt") + ": no such file\">" + Path("gone.txt") +
            ": no such file</error>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
  // Below the threshold a finding is no failure.
  r = RunFixture("echo", {"check", a, "--format", "junit"});
  EXPECT_EQ(r.out.find("<failure"), std::string::npos);
}

TEST_F(CliTest, CsvIsRfc4180) {
  const std::string report = Write("r.txt", "FLAG, \"quoted\" text\n");
  Result r = RunFixture("echo", {"check", report, "--format", "csv", "--lang", "en"});
  EXPECT_EQ(r.code, 0) << r.err;
  nlohmann::json json = nlohmann::json::parse(RunFixture("echo", {"check", report, "--format", "json", "--lang", "en"}).out);
  const std::string fingerprint = json["reports"][0]["findings"][0]["fingerprint"];
  EXPECT_EQ(r.out,
            "file,page,line,column,severity,rule,message,evidence,references,fingerprint,suppression,reason,approver\r\n" +
                report + ",,1,1,warning,echo.flag,flag found,\"FLAG, \"\"quoted\"\" text\",TEST 1.1," + fingerprint +
                ",,,\r\n");
}

TEST_F(CliTest, JsonlIsOneReportPerLineInInputOrder) {
  fs::create_directories(Path("many"));
  for (int i = 0; i < 4; ++i) Write("many/r" + std::to_string(i) + ".txt", "FLAG " + std::to_string(i) + "\n");
  Result one = RunFixture("echo", {"check", Path("many"), "--format", "jsonl", "--jobs", "1"});
  Result four = RunFixture("echo", {"check", Path("many"), "--format", "jsonl", "--jobs", "4"});
  EXPECT_EQ(one.out, four.out);
  std::istringstream lines(one.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    EXPECT_EQ(j["schema"], "esgaudit.findings/1");
    EXPECT_EQ(j["path"], Path("many/r" + std::to_string(n) + ".txt"));
    EXPECT_EQ(j["findings"].size(), 1u);
    ++n;
  }
  EXPECT_EQ(n, 4);
}

TEST_F(CliTest, ManifestRecordsWhatTheRunDependedOnAndStaysByteIdentical) {
  const std::string report = Write("r.txt", "FLAG\n");
  const std::string data = Write("kpi.json", "{\"employees\": {\"total\": 10}}\n");
  std::vector<std::string> args = {"check", report, Path("missing.txt"), "--data", data, "--format", "json",
                                   "--fail-on", "warning", "--lang", "en"};
  Result r = RunFixture("echo", args);
  EXPECT_EQ(r.code, 2);
  ASSERT_EQ(std::system(Validate("docs/schema/findings-1.schema.json", Write("out.json", r.out)).c_str()), 0);
  nlohmann::json m = nlohmann::json::parse(r.out)["manifest"];
  EXPECT_EQ(m["tool"]["version"], ESGAUDIT_VERSION);
  EXPECT_EQ(m["plugins"][0], (nlohmann::json{{"name", "echo"}, {"version", "1.0.0"}, {"abi", "1.1"}}));
  EXPECT_FALSE(m["rule_packs"].empty());
  for (const auto& p : m["rule_packs"]) EXPECT_EQ(p["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(m["inputs"][0]["path"], report);
  EXPECT_EQ(m["data"]["path"], data);
  EXPECT_EQ(m["data"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(m["options"]["fail-on"], "warning");
  EXPECT_EQ(m["options"]["lang"], "en");
  EXPECT_EQ(m["failed_inputs"][0]["error"], Path("missing.txt") + ": no such file");
  EXPECT_EQ(m["summary"][0]["warnings"], 1);
  EXPECT_EQ(m["summary"][0]["failing"], true);
  EXPECT_EQ(m["exit_status"], 2);
  EXPECT_TRUE(m["time"].is_null());
  args.push_back("--jobs");
  args.push_back("2");
  EXPECT_EQ(RunFixture("echo", args).out, r.out);  // byte-identical, whatever --jobs
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  nlohmann::json timed = nlohmann::json::parse(RunFixture("echo", args).out)["manifest"];
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(timed["time"], "2023-11-14T22:13:20Z");
}

TEST_F(CliTest, BaselineFailsOnlyOnNewFindingsAndReportsGoneOnes) {
  const std::string report = Write("r.txt", "FLAG one\nplain\nFLAG two\n");
  Result r = RunFixture("echo", {"check", report, "--fail-on", "warning", "--write-baseline", Path("base.json")});
  EXPECT_EQ(r.code, 1);
  nlohmann::json base = nlohmann::json::parse(testing::ReadFile(Path("base.json")));
  EXPECT_EQ(base["schema"], "esgaudit.baseline/1");
  EXPECT_EQ(base["findings"].size(), 2u);
  // Same findings after line moves, a rename and another message language: the gate passes.
  const std::string moved = Write("renamed.txt", "new first line\nFLAG one\nplain\n\nFLAG two\n");
  r = RunFixture("echo", {"check", moved, "--fail-on", "warning", "--baseline", Path("base.json"), "--lang", "zh"});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("2 findings (0 errors, 2 warnings, 0 infos) in 1 report; 0 waived, 2 in the baseline"), std::string::npos) << r.out;
  // A new finding fails; the old ones are still counted as baselined.
  const std::string grown = Write("grown.txt", "FLAG one\nFLAG new\nFLAG two\n");
  r = RunFixture("echo", {"check", grown, "--fail-on", "warning", "--baseline", Path("base.json"), "--format", "json"});
  EXPECT_EQ(r.code, 1);
  nlohmann::json out = nlohmann::json::parse(r.out);
  EXPECT_EQ(out["manifest"]["summary"][0]["baselined"], 2);
  EXPECT_EQ(out["manifest"]["summary"][0]["warnings"], 1);
  EXPECT_FALSE(out["reports"][0]["findings"][1].contains("suppression"));
  EXPECT_EQ(out["reports"][0]["findings"][0]["suppression"]["kind"], "baseline");
  // Fixed findings leave baseline entries that no longer occur: reported, the gate passes.
  const std::string fixed = Write("fixed.txt", "FLAG one\n");
  r = RunFixture("echo", {"check", fixed, "--fail-on", "warning", "--baseline", Path("base.json")});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.err, "esgaudit: warning: " + Path("base.json") + ": 1 baseline finding no longer occurs; rewrite it with --write-baseline\n");
  // Malformed baselines name the file and line.
  Write("bad.json", "{\n  \"schema\": \"esgaudit.baseline/1\",\n  \"findings\": [\n    {\"rule\": \"x\"}\n  ]\n}\n");
  r = RunFixture("echo", {"check", fixed, "--baseline", Path("bad.json")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("bad.json") + ":4: baseline entry 1 has no fingerprint\n");
  Write("broken.json", "{\n  \"schema\": \n");
  r = RunFixture("echo", {"check", fixed, "--baseline", Path("broken.json")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("broken.json") + ":3: malformed baseline: not JSON\n");
}

TEST_F(CliTest, FingerprintsSurviveLangAndRenames) {
  const std::string a = Write("a.txt", "FLAG 甲\n");
  const std::string b = Write("b.txt", "\n\nFLAG 甲\n");
  auto fingerprint = [&](const std::string& file, const char* lang) {
    Result r = RunFixture("echo", {"check", file, "--format", "json", "--lang", lang});
    return nlohmann::json::parse(r.out)["reports"][0]["findings"][0]["fingerprint"].get<std::string>();
  };
  EXPECT_EQ(fingerprint(a, "zh"), fingerprint(a, "en"));
  EXPECT_EQ(fingerprint(a, "zh"), fingerprint(b, "en"));
}

TEST_F(CliTest, WaiversAcceptReviewedFindingsAndReportExpiredAndUnusedOnes) {
  const std::string report = Write("r.txt", "FLAG one\n");
  const std::string waivers = Write("w.ini",
                                    "; reviewed findings\n"
                                    "[flag-ok]\n"
                                    "rule = echo.*\n"
                                    "reason = the flag is part of the template\n"
                                    "approver = J. Chen\n"
                                    "expires = 2999-12-31\n"
                                    "\n"
                                    "[old]\n"
                                    "rule = echo.flag\n"
                                    "files = elsewhere/*\n"
                                    "reason = another report\n"
                                    "approver = QA\n");
  Result r = RunFixture("echo", {"check", report, "--fail-on", "warning", "--waivers", waivers, "--lang", "en"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, report + ":1:1: warning: flag found [echo.flag]\nFLAG one\n^\n" + report +
                       ":1:1: note: line start\n  waived (" + waivers + ":2): the flag is part of the template — J. Chen, until 2999-12-31\n"
                       "1 finding (0 errors, 1 warning, 0 infos) in 1 report; 1 waived, 0 in the baseline\n");
  EXPECT_EQ(r.err, "esgaudit: warning: " + waivers + ":8: waiver 'old' matched no finding; remove it\n");
  // Expired: no longer applies, and says so.
  const std::string expired = Write("e.ini", "[flag-ok]\nrule = echo.flag\nreason = r\napprover = a\nexpires = 2020-01-01\n");
  r = RunFixture("echo", {"check", report, "--fail-on", "warning", "--waivers", expired});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.err, "esgaudit: warning: " + expired + ":1: waiver 'flag-ok' expired on 2020-01-01; its findings count again\n");
  // A fingerprint waiver accepts one finding only.
  nlohmann::json json = nlohmann::json::parse(RunFixture("echo", {"check", report, "--format", "json"}).out);
  const std::string one = Write("one.ini", "[one]\nfingerprint = " + json["reports"][0]["findings"][0]["fingerprint"].get<std::string>() +
                                               "\nreason = r\napprover = a\n");
  EXPECT_EQ(RunFixture("echo", {"check", report, "--fail-on", "warning", "--waivers", one}).code, 0);
  // Malformed waiver files: exit 2 with file and line, nothing audited.
  struct Case {
    std::string text;
    std::string message;
  } cases[] = {
      {"[a]\nrule = echo.flag\napprover = x\n", ":1: waiver 'a' has no reason"},
      {"[a]\nreason = r\napprover = x\n", ":1: waiver 'a' names no rule and no fingerprint"},
      {"[a]\nrule = x\nreason = r\napprover = x\nexpires = next year\n", ":5: waiver 'a': expires 'next year' is not a date (YYYY-MM-DD)"},
      {"[a]\nrule = x\nreason = r\napprover = x\nowner = me\n", ":5: unknown waiver key 'owner' (expected approver, expires, files, fingerprint, reason, rule)"},
      {"[a]\nrule = x\nthis line has no equals sign\n", ":3: malformed waiver file: '=' character not found in line"},
  };
  for (const Case& c : cases) {
    const std::string file = Write("bad.ini", c.text);
    r = RunFixture("echo", {"check", report, "--waivers", file});
    EXPECT_EQ(r.code, 2) << c.text;
    EXPECT_EQ(r.err, "esgaudit: error: " + file + c.message + "\n");
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(CliTest, PolicyFileIsFoundUpwardsWithSeverityOverrides) {
  fs::create_directories(Path("repo/reports/2020"));
  Write("repo/.esgaudit.ini", "fail-on = warning\nseverity = echo.flag=error\nformat = text\n");
  Write("repo/reports/2020/r.txt", "FLAG\n");
  cwd_ = Path("repo/reports/2020");
  Result r = RunFixture("echo", {"check", "r.txt", "--lang", "en"});
  EXPECT_EQ(r.code, 1);
  EXPECT_EQ(r.out.rfind("r.txt:1:1: error: flag found [echo.flag]\n", 0), 0u) << r.out;
  r = RunFixture("echo", {"check", "r.txt", "--format", "json"});
  EXPECT_EQ(nlohmann::json::parse(r.out)["manifest"]["config_file"], "../../.esgaudit.ini");
  EXPECT_EQ(nlohmann::json::parse(r.out)["manifest"]["options"]["severity"], "echo.flag=error");
  r = RunFixture("echo", {"check", "r.txt", "--no-config"});
  EXPECT_EQ(r.code, 0);  // a warning, below the default threshold
  r = RunFixture("echo", {"list-rules", "--lang", "en"});
  EXPECT_EQ(r.out.rfind("echo.flag [error, set by --severity] lines containing FLAG\n", 0), 0u) << r.out;
  r = RunFixture("echo", {"check", "r.txt", "--severity", "echo.flag=fatal"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: unknown --severity level 'fatal' (expected error, warning, info)\n");
  r = RunFixture("echo", {"check", "r.txt", "--severity", "echo.flg=info"});
  EXPECT_EQ(r.err, "esgaudit: error: --severity: unknown rule 'echo.flg'; did you mean 'echo.flag'?\n");
}

// list-rules shows the severity a user will see: one level, or the levels the rule's doc names when it
// depends on what the report states (an accordance or a reference claim, a stated or a layout relation).
TEST_F(CliTest, ListRulesSaysWhenTheSeverityDependsOnTheReport) {
  Result r = Run({"list-rules", "--lang", "en"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\ngri.index-missing [error|warning|info, depends on the report] "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nnumeric.percent-sum [error|warning, depends on the report] "), std::string::npos) << r.out;
  // "infographic" in a doc is not the level info; a rule with one level shows just it.
  EXPECT_NE(r.out.find("\nnumeric.parts-total [error|warning, depends on the report] "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ngri.index-mismatch [warning] "), std::string::npos) << r.out;
  r = Run({"list-rules", "--format", "json"});
  for (const auto& rule : nlohmann::json::parse(r.out)) {
    if (rule["id"] == "gri.index-omission") {
      EXPECT_EQ(rule["severities"], nlohmann::json::array({"info"}));
    }
    if (rule["id"] == "gbt36001.element-missing") {
      EXPECT_EQ(rule["severities"], nlohmann::json::array({"error", "warning"}));
    }
  }
}

// list-rules and explain have no report to take a language from: --lang, else the locale, else English.
TEST_F(CliTest, ListRulesAndExplainSpeakTheUsersLanguage) {
  Result r = Run({"list-rules", "--lang", "zh"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\nnumeric.percent-sum [错误|警告，视报告而定] "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\ngri.index-mismatch [警告] "), std::string::npos) << r.out;
  r = Run({"explain", "numeric.percent-sum", "--lang", "zh", "--severity", "numeric.*=info"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("规则 numeric.percent-sum：插件 numeric ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("，严重级别 提示，由 --severity 设定。以下规则说明为英文。\n\n# numeric.percent-sum\n"),
            std::string::npos) << r.out;
  r = Run({"explain", "numeric.percent-sum", "--lang", "en"});
  EXPECT_NE(r.out.find(", severity error|warning, depends on the report.\n\n# numeric.percent-sum\n"),
            std::string::npos) << r.out;
  // The locale decides when --lang is not given; LC_ALL outranks LANG, as in POSIX.
  struct Saved {  // restores a variable of this process's environment, inherited by later runs
    std::string name, value;
    bool set;
    explicit Saved(const char* n) : name(n), set(std::getenv(n) != nullptr) { value = set ? std::getenv(n) : ""; }
    ~Saved() { set ? setenv(name.c_str(), value.c_str(), 1) : unsetenv(name.c_str()); }
  } all("LC_ALL"), messages("LC_MESSAGES"), lang("LANG");
  unsetenv("LC_MESSAGES");
  setenv("LC_ALL", "zh_CN.UTF-8", 1);
  r = Run({"list-rules"});
  EXPECT_NE(r.out.find("\ngri.index-mismatch [警告] "), std::string::npos) << r.out;
  setenv("LC_ALL", "en_US.UTF-8", 1);
  setenv("LANG", "zh_CN.UTF-8", 1);
  r = Run({"list-rules"});
  EXPECT_NE(r.out.find("\ngri.index-mismatch [warning] "), std::string::npos) << r.out;
}

TEST_F(CliTest, InputTrapsAreNamed) {
  const std::string docx = Write("report.docx", "PK\x03\x04 not really");
  const std::string kpi = Write("kpi.json", "{}");
  const std::string good = Write("good.txt", "FLAG\n");
  Result r = RunFixture("echo", {"check", docx, kpi, good});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + docx + ": docx documents are not supported; save the report as PDF or text (.pdf .txt .md)\n"
                   "esgaudit: error: " + kpi + ": looks like KPI data, not a report; pass it with --data\n");
  EXPECT_NE(r.out.find("flag found"), std::string::npos);  // the good report is still audited
  r = RunFixture("echo", {"check", good, "-o", good});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + good + ": output file is an input; choose another file\n");
  EXPECT_EQ(testing::ReadFile(good), "FLAG\n");
  r = RunFixture("echo", {"check", good, "--format", "sarif:" + good});
  EXPECT_EQ(r.code, 2);
  // An unreadable entry in a folder is reported; the rest is audited.
  fs::create_directories(Path("tree/sub"));
  Write("tree/sub/a.txt", "FLAG\n");
  fs::create_symlink("loop", Path("tree/loop"));
  fs::create_directory_symlink("..", Path("tree/sub/up"));  // not followed: no endless walk
  r = RunFixture("echo", {"check", Path("tree"), "--lang", "en"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("tree/loop") + ": cannot read (Too many levels of symbolic links)\n");
  EXPECT_NE(r.out.find(Path("tree/sub/a.txt") + ":1:1: warning: flag found"), std::string::npos);
}

// A folder the user may not read: reported with the reason, the readable rest audited. Root reads
// any folder, so as root the audit runs as the unprivileged user 65534 (setpriv, util-linux).
TEST_F(CliTest, AFolderWithoutReadPermissionIsReportedAndTheRestAudited) {
  fs::create_directories(Path("tree/locked"));
  fs::create_directories(Path("tree/open"));
  Write("tree/locked/hidden.txt", "FLAG\n");
  Write("tree/open/a.txt", "FLAG\n");
  fs::permissions(Path("tree/locked"), fs::perms::none);
  if (::geteuid() == 0) {
    wrapper_ = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    if (RunFixture("echo", {"list-rules"}).code != 0) {
      fs::permissions(Path("tree/locked"), fs::perms::owner_all);
      GTEST_SKIP() << "the build tree is not readable by an unprivileged user here";
    }
  }
  Result r = RunFixture("echo", {"check", Path("tree"), "--lang", "en"});
  fs::permissions(Path("tree/locked"), fs::perms::owner_all);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_EQ(r.err, "esgaudit: error: " + Path("tree/locked") + ": cannot read directory (Permission denied)\n");
  EXPECT_NE(r.out.find(Path("tree/open/a.txt") + ":1:1: warning: flag found"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("hidden.txt"), std::string::npos) << r.out;
}

TEST_F(CliTest, DashReadsStandardInput) {
  Write("in.txt", "hello\nFLAG from stdin\n");
  const std::string cmd = std::string(ESGAUDIT_BINARY) + " check - --no-default-plugins --plugins-dir " +
                          ESGAUDIT_FIXTURE_PLUGIN_DIR + "/echo --lang en < " + Path("in.txt") + " > " + Path("out.txt");
  EXPECT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(testing::ReadFile(Path("out.txt")).rfind("<stdin>:2:1: warning: flag found [echo.flag]\nFLAG from stdin\n^\n", 0), 0u);
}

TEST_F(CliTest, TextShowsPagesWindowsSummariesAndColour) {
  const std::string paged = Write("paged.txt", "cover\n\fFLAG on page two\n");
  std::string wide(300, 'x');
  const std::string long_line = Write("long.txt", wide + " FLAG " + wide + "\n");
  const std::string clean = Write("clean.txt", "nothing here\n");
  Result r = RunFixture("echo", {"check", paged, long_line, clean, "--lang", "en"});
  EXPECT_EQ(r.code, 0);
  const std::string window = "…" + std::string(39, 'x') + " FLAG " + std::string(55, 'x') + "…";
  EXPECT_EQ(r.out, paged + ":2:1: warning: flag found [echo.flag] (page 2)\nFLAG on page two\n^\n" + paged +
                       ":2:1: note: line start (page 2)\n" + long_line +
                       ":1:302: warning: flag found [echo.flag]\n" + window + "\n" + std::string(41, ' ') + "^\n" + long_line +
                       ":1:1: note: line start\n"
                       "reports:\n  " + paged + ": 0 errors, 1 warning, 0 infos\n  " + long_line +
                       ": 0 errors, 1 warning, 0 infos\n  " + clean + ": clean\n"
                       "2 findings (0 errors, 2 warnings, 0 infos) in 3 reports\n");
  r = RunFixture("echo", {"check", paged, "--lang", "en", "--color", "always"});
  EXPECT_EQ(r.out.rfind("\x1b[1m" + paged + ":2:1:\x1b[0m \x1b[1;35mwarning:\x1b[0m \x1b[1mflag found\x1b[0m [echo.flag]", 0), 0u) << r.out;
  // --quiet: errors only (a warning is not shown, the summary still counts it).
  r = RunFixture("echo", {"check", paged, "--quiet"});
  EXPECT_EQ(r.out, "1 finding (0 errors, 1 warning, 0 infos) in 1 report\n");
}

TEST_F(CliTest, MessagesFollowTheReportsLanguageUnlessLangIsGiven) {
  const std::string en = Write("en.txt", "The company FLAG report\n");
  const std::string zh = Write("zh.txt", "公司社会责任报告 FLAG 年度\n");
  EXPECT_NE(RunFixture("echo", {"check", en}).out.find("warning: flag found"), std::string::npos);
  EXPECT_NE(RunFixture("echo", {"check", zh}).out.find("warning: 发现标记"), std::string::npos);
  EXPECT_NE(RunFixture("echo", {"check", en, "--lang", "zh"}).out.find("warning: 发现标记"), std::string::npos);
  EXPECT_NE(RunFixture("echo", {"check", zh, "--lang", "en"}).out.find("warning: flag found"), std::string::npos);
}

TEST_F(CliTest, HtmlEscapesEverythingFromTheReportAndRendersInChromium) {
  const std::string report = Write("evil.txt", "FLAG <script>alert('x')</script> \"quoted\" </td></tr></table> &amp;\n");
  Result r = RunFixture("echo", {"check", report, "--format", "html", "-o", Path("out.html"), "--lang", "en"});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string html = testing::ReadFile(Path("out.html"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("</td></tr></table> &amp;"), std::string::npos);
  EXPECT_NE(html.find("FLAG &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot; &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt; &amp;amp;"),
            std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);  // self-contained: no external asset
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_NE(html.find("PASS"), std::string::npos);
  // Rendered by a real browser: a PNG that is not blank.
  const char* chromium = "/usr/bin/chromium";
  if (!fs::exists(chromium)) GTEST_SKIP() << "chromium is not installed (make deps installs it)";
  const std::string cmd = "/usr/bin/python3 " + testing::SourcePath("tests/cli/render_html.py") + " " + chromium + " " +
                          Path("out.html") + " " + Path("out.png");
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
}


TEST_F(CliTest, RequireAppliesAStandardTheReportDoesNotClaim) {
  const std::string report = Write("r.txt", "某某公司2020年社会责任报告\n公司简介\n本公司从事铝业生产。\n");
  Result plain = Run({"check", report, "--format", "json", "--fail-on", "never"});
  ASSERT_EQ(plain.code, 0) << plain.err;
  EXPECT_EQ(nlohmann::json::parse(plain.out)["reports"][0]["findings"].size(), 0u);
  Result r = Run({"check", report, "--require", "gri", "--require", "gbt36001", "--format", "json", "--fail-on", "never"});
  ASSERT_EQ(r.code, 0) << r.err;
  std::set<std::string> rules;
  const nlohmann::json out = nlohmann::json::parse(r.out);
  for (const auto& f : out["reports"][0]["findings"]) {
    rules.insert(f["rule"].get<std::string>());
    const std::string message = f["message"];
    EXPECT_EQ(message.rfind("审核策略要求", 0), 0u) << message;
    EXPECT_TRUE(f["location"]["line"].is_null());  // about the whole report
  }
  EXPECT_EQ(rules, (std::set<std::string>{"gbt36001.element-missing", "gri.disclosure-missing", "gri.index-missing"}));
  // In the repository's policy file too, and a failing gate.
  Write(".esgaudit.ini", "require = gbt36001\n");
  cwd_ = dir_.string();
  r = Run({"check", "r.txt", "--fail-on", "warning", "--lang", "en"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("r.txt: error: GB/T 36001 is required by the audit policy but lacks"), std::string::npos) << r.out;
  r = Run({"check", "r.txt", "--require", "iso26000"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "esgaudit: error: unknown --require value 'iso26000' (expected bse, cn-exchange, gbt36001, gri, sse, szse)\n");
  // An exchange guideline: the report must say it follows it (cnexchange.claim-missing, an error).
  for (const char* guideline : {"szse", "cn-exchange"}) {
    r = Run({"check", "r.txt", "--no-config", "--require", guideline, "--enable", "cnexchange.claim-missing",
             "--lang", "en"});
    EXPECT_EQ(r.code, 1) << guideline << r.err;
    EXPECT_NE(r.out.find("error: the policy requires "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("but the report does not say it follows it [cnexchange.claim-missing]"), std::string::npos)
        << r.out;
  }
  EXPECT_NE(r.out.find("one of the 2024 exchange guidelines"), std::string::npos) << r.out;
}


// On a terminal (a pseudo-terminal from Python's pty module): colour unless NO_COLOR, and a progress
// line on stderr for a batch.
TEST_F(CliTest, OnATerminalColourAndProgressUnlessNoColor) {
  fs::create_directories(Path("batch"));
  for (int i = 0; i < 3; ++i) Write("batch/r" + std::to_string(i) + ".txt", "FLAG " + std::to_string(i) + "\n");
  auto on_tty = [&](const std::string& env) {
    const std::string cmd = env + " /usr/bin/python3 " + testing::SourcePath("tests/cli/on_tty.py") + " " + ESGAUDIT_BINARY +
                            " check " + Path("batch") + " --no-default-plugins --plugins-dir " + ESGAUDIT_FIXTURE_PLUGIN_DIR +
                            "/echo --lang en < /dev/null > " + Path("tty.txt");
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return testing::ReadFile(Path("tty.txt"));
  };
  std::string out = on_tty("env -u NO_COLOR");
  EXPECT_NE(out.find("\x1b[1;35mwarning:\x1b[0m"), std::string::npos) << out;
  EXPECT_NE(out.find("[3/3] " + Path("batch/r")), std::string::npos) << out;  // reports finish in any order
  out = on_tty("env NO_COLOR=1");
  EXPECT_EQ(out.find("\x1b[1;35m"), std::string::npos) << out;
  EXPECT_NE(out.find("warning: flag found"), std::string::npos) << out;
  EXPECT_NE(out.find("[1/3] "), std::string::npos) << out;  // progress is not colour
}

TEST_F(CliTest, JoinAuditsAReportInSeveralFilesAsOne) {
  const std::string a = Write("part1.md", "cover\fsecond page\n");
  const std::string b = Write("part2.md", "intro\nFLAG in part two\n");
  const std::string c = Write("part3.md", "p1\n\fFLAG on page two\n");
  Result r = RunFixture("echo", {"check", a, b, c, "--join", "ESG report 2024", "--format", "json", "--lang", "en"});
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json out = nlohmann::json::parse(r.out);
  ASSERT_EQ(out["reports"].size(), 1u);
  const auto& report = out["reports"][0];
  EXPECT_EQ(report["path"], "ESG report 2024");
  ASSERT_EQ(report["findings"].size(), 2u);
  const auto& first = report["findings"][0]["location"];
  EXPECT_EQ(first["file"], b);
  EXPECT_EQ(first["line"], 2);
  EXPECT_EQ(first["offset"], 6);
  EXPECT_TRUE(first["page"].is_null());  // part 2 has no pages of its own
  const auto& second = report["findings"][1]["location"];
  EXPECT_EQ(second["file"], c);
  EXPECT_EQ(second["line"], 2);
  EXPECT_EQ(second["page"], 2);
  EXPECT_EQ(report["findings"][1]["related"][0]["location"]["file"], c);
  EXPECT_EQ(out["manifest"]["inputs"].size(), 3u);
  EXPECT_EQ(out["manifest"]["inputs"][2]["path"], c);
  Result text = RunFixture("echo", {"check", a, b, c, "--join", "ESG report 2024", "--lang", "en"});
  EXPECT_EQ(text.out.rfind(b + ":2:1: warning: flag found [echo.flag]\nFLAG in part two\n^\n", 0), 0u) << text.out;
  EXPECT_NE(text.out.find("2 findings (0 errors, 2 warnings, 0 infos) in 1 report\n"), std::string::npos);
}


// The pattern cache (--cache-dir, --no-cache, ESGAUDIT_CACHE_DIR, XDG_CACHE_HOME, HOME).
class PatternCacheTest : public CliTest {
 protected:
  // The sample audited by the real plugins, as JSON; `extra` adds options.
  Result Audit(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"check", kSample, "--format", "json", "--fail-on", "never", "--no-config"};
    args.insert(args.end(), extra.begin(), extra.end());
    return Run(args);
  }
  // The compiled sets in `dir` (every file with `ext` ""), sorted.
  static std::vector<std::string> Files(const std::string& dir, const std::string& ext = ".hsdb") {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (ext.empty() || e.path().extension() == ext) out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  static size_t Count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
  }
  // A run with a cold cache, the reference output of every test here.
  void SetUp() override {
    CliTest::SetUp();
    reference_ = Audit({"--no-cache"});
    ASSERT_EQ(reference_.code, 0) << reference_.err;
    ASSERT_EQ(reference_.err, "");
  }
  void ExpectReference(const Result& r) const {
    EXPECT_EQ(r.code, reference_.code);
    EXPECT_EQ(r.out, reference_.out);
    EXPECT_EQ(r.err, "");
  }
  Result reference_;
};

// Cold, warm and no cache give the same bytes; the warm run reads every set it needs from the
// cache and compiles none. A cache folder the run makes is made 0700.
TEST_F(PatternCacheTest, ColdWarmAndNoCacheGiveTheSameOutput) {
  const std::string cache = Path("cache");
  ExpectReference(Audit({"--cache-dir", cache}));
  // The folder the run made is the user's alone.
  EXPECT_EQ(fs::status(cache).permissions() & fs::perms::all, fs::perms::owner_all);
  const std::vector<std::string> files = Files(cache);
  ASSERT_FALSE(files.empty());
  for (const std::string& f : Files(cache, "")) {  // no temporary file left
    EXPECT_TRUE(fs::path(f).extension() == ".hsdb" || fs::path(f).extension() == ".pack-ok") << f;
  }
  Result warm = Audit({"--cache-dir", cache, "-v"});
  EXPECT_EQ(warm.out, reference_.out);
  EXPECT_EQ(Count(warm.err, "patterns read from " + cache + "/"), files.size()) << warm.err;
  ExpectReference(Audit({"--cache-dir", cache}));
  EXPECT_EQ(Files(cache), files);
  // --no-cache reads nothing and writes nothing, whatever else says where the cache is.
  ::setenv("ESGAUDIT_CACHE_DIR", cache.c_str(), 1);
  Result none = Audit({"--cache-dir", cache, "--no-cache", "-v"});
  EXPECT_EQ(none.out, reference_.out);
  EXPECT_EQ(Count(none.err, "pattern cache"), 0u) << none.err;
  EXPECT_FALSE(fs::exists(Path("xdg-cache")));
}

// Runs started together on one cold cache each compile and write the same files; none reads a
// part of another's file, and no temporary file is left.
TEST_F(PatternCacheTest, ParallelRunsShareOneCache) {
  const std::string cache = Path("cache");
  std::string cmd = "cd " + std::string(ESGAUDIT_SOURCE_DIR) + " && for i in 1 2 3 4; do " + ESGAUDIT_BINARY + " check " +
                    kSample + " --format json --fail-on never --no-config --cache-dir " + cache + " > " + Path("out") +
                    "$i.json 2> " + Path("err") + "$i.txt & done; wait";
  for (int round = 0; round < 2; ++round) {  // cold, then warm
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    for (int i = 1; i <= 4; ++i) {
      EXPECT_EQ(testing::ReadFile(Path("out" + std::to_string(i) + ".json")), reference_.out) << i;
      EXPECT_EQ(testing::ReadFile(Path("err" + std::to_string(i) + ".txt")), "") << i;
    }
    for (const std::string& f : Files(cache, "")) {
      EXPECT_TRUE(fs::path(f).extension() == ".hsdb" || fs::path(f).extension() == ".pack-ok") << f;
    }
  }
}

// A cache file cut short, emptied, changed in one byte, replaced by another set's file or by
// anything else is not used: the set is compiled, the output unchanged, nothing said, and the
// file written again whole.
TEST_F(PatternCacheTest, ABadCacheFileIsIgnoredAndWrittenAgain) {
  const std::string cache = Path("cache");
  ExpectReference(Audit({"--cache-dir", cache}));
  const std::vector<std::string> files = Files(cache);
  ASSERT_GE(files.size(), 2u);
  std::vector<std::string> good;
  for (const std::string& f : files) good.push_back(testing::ReadFile(f));
  const std::vector<std::function<std::string(size_t)>> damages = {
      [&](size_t i) { return good[i].substr(0, good[i].size() / 2); },
      [&](size_t) { return std::string(); },
      [&](size_t i) {
        std::string b = good[i];
        b[b.size() / 2] ^= 0x20;
        return b;
      },
      [&](size_t i) { return good[(i + 1) % good.size()]; },
      [&](size_t i) { return good[i] + "x"; },
      [&](size_t) { return std::string("esgaudit-hsdb 1\n") + std::string(200, '0'); },
  };
  for (size_t d = 0; d < damages.size(); ++d) {
    for (size_t i = 0; i < files.size(); ++i) std::ofstream(files[i], std::ios::binary | std::ios::trunc) << damages[d](i);
    Result r = Audit({"--cache-dir", cache, "-v"});
    EXPECT_EQ(r.code, reference_.code) << "damage " << d;
    EXPECT_EQ(r.out, reference_.out) << "damage " << d;
    EXPECT_EQ(Count(r.err, "patterns read from"), 0u) << "damage " << d << "\n" << r.err;
    EXPECT_EQ(Count(r.err, "esgaudit: warning") + Count(r.err, "esgaudit: error"), 0u) << r.err;
    for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(testing::ReadFile(files[i]), good[i]) << "damage " << d;
  }
  // Without -v nothing is said.
  std::ofstream(files[0], std::ios::binary | std::ios::trunc) << good[0].substr(0, 100);
  ExpectReference(Audit({"--cache-dir", cache}));
}

// A cache the run may not write (a read-only folder, a path that is a file) is no error: the
// sets are read when they are there and compiled when not, and nothing is said. Root writes any
// folder, so as root the runs go as the unprivileged user 65534 (setpriv, util-linux).
TEST_F(PatternCacheTest, ACacheThatCannotBeWrittenIsNoError) {
  const std::string cache = Path("cache");
  ExpectReference(Audit({"--cache-dir", cache}));
  const std::vector<std::string> files = Files(cache);
  std::ofstream(files[0], std::ios::binary | std::ios::trunc) << "damaged";
  const std::string empty = Path("empty");
  fs::create_directories(empty);
  for (const std::string& dir : {cache, empty}) {
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  }
  if (::geteuid() == 0) {
    wrapper_ = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    if (Run({"list-rules"}).code != 0) GTEST_SKIP() << "the build tree is not readable by an unprivileged user here";
  }
  Result r = Audit({"--cache-dir", cache, "-v"});
  EXPECT_EQ(r.out, reference_.out);
  EXPECT_EQ(Count(r.err, "patterns read from"), files.size() - 1) << r.err;
  EXPECT_EQ(testing::ReadFile(files[0]), "damaged");
  ExpectReference(Audit({"--cache-dir", cache}));
  ExpectReference(Audit({"--cache-dir", empty}));
  EXPECT_TRUE(Files(empty, "").empty());
  ExpectReference(Audit({"--cache-dir", Path("missing/deeper")}));  // 65534 may not create it
  wrapper_.clear();
  ExpectReference(Audit({"--cache-dir", kSample}));  // a file, not a folder
}

// A rule pack found well-formed is recorded in the cache by the SHA-256 of its bytes, so a run that
// meets the same bytes again does not parse them; a pack changed since, a malformed one, and a
// damaged record are parsed (and a malformed pack reported) every time.
TEST_F(CliTest, RulePacksFoundWellFormedAreRecordedByTheirBytes) {
  fs::create_directories(Path("rules/pack"));
  const std::string pack = Write("rules/pack/extra.json", "{\n  \"a\": 1\n}\n");
  const std::string cache = Path("cache");
  auto run = [&] { return RunFixture("echo", {"check", Write("r.txt", "FLAG\n"), "--rules-dir", Path("rules"), "--cache-dir", cache}); };
  auto records = [&] {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(cache)) {
      if (e.path().extension() == ".pack-ok") out.push_back(e.path().string());
    }
    return out;
  };
  Result r = run();
  ASSERT_EQ(r.code, 0) << r.err;
  const size_t recorded = records().size();
  EXPECT_GE(recorded, 1u);
  EXPECT_EQ(run().out, r.out);
  EXPECT_EQ(records().size(), recorded);
  // The same name, other bytes: parsed again, the error reported each time, nothing recorded for them.
  Write("rules/pack/extra.json", "{\n  \"a\": 1,\n  \"b\": \n}\n");
  for (int i = 0; i < 2; ++i) {
    Result bad = run();
    EXPECT_EQ(bad.code, 2);
    EXPECT_EQ(bad.err.rfind("esgaudit: error: " + pack + ":4: malformed rule pack: ", 0), 0u) << bad.err;
  }
  EXPECT_EQ(records().size(), recorded);
  // A damaged record of the good bytes is not taken for one: they are parsed and recorded again.
  Write("rules/pack/extra.json", "{\n  \"a\": 1\n}\n");
  for (const std::string& f : records()) std::ofstream(f, std::ios::binary | std::ios::trunc) << "x";
  r = run();
  EXPECT_EQ(r.code, 0) << r.err;
  for (const std::string& f : records()) {
    EXPECT_EQ(testing::ReadFile(f), fs::path(f).filename().string()) << f;
  }
}

// A run that writes to the cache removes the cache's own files not written for 60 days (what an
// older rule pack or version left) and temporary files of a day; nothing else in the folder.
TEST_F(PatternCacheTest, ARunThatWritesRemovesTheCachesStaleFilesOnly) {
  const std::string cache = Path("cache");
  fs::create_directories(cache);
  const std::string hex(64, 'a'), hex2(64, 'b');
  const auto now = fs::file_time_type::clock::now();
  const auto days = [](int n) { return std::chrono::hours(24 * n); };
  struct Entry {
    std::string name;
    int age_days;
    bool kept;
  };
  const std::vector<Entry> entries = {
      {hex + ".hsdb", 61, false},          {hex + ".pack-ok", 61, false},   {hex2 + ".hsdb", 59, true},
      {hex + ".hsdb.tmp.1.0", 2, false},   {hex2 + ".hsdb.tmp.1.0", 0, true}, {"notes.txt", 400, true},
      {"abc.hsdb", 400, true},             {hex + ".hsdb.old", 400, true},   {hex.substr(1) + "g.hsdb", 400, true},
  };
  for (const Entry& e : entries) {
    Write("cache/" + e.name, "x");
    fs::last_write_time(Path("cache/" + e.name), now - days(e.age_days));
  }
  ExpectReference(Audit({"--cache-dir", cache}));
  for (const Entry& e : entries) EXPECT_EQ(fs::exists(Path("cache/" + e.name)), e.kept) << e.name;
  EXPECT_FALSE(Files(cache).empty());
}

// Where the cache is: --cache-dir, else ESGAUDIT_CACHE_DIR, else $XDG_CACHE_HOME/esgaudit (when
// absolute), else $HOME/.cache/esgaudit, else none. An empty variable counts as unset.
TEST_F(PatternCacheTest, TheOptionAndTheEnvironmentSayWhereTheCacheIs) {
  ::setenv("ESGAUDIT_CACHE_DIR", Path("env").c_str(), 1);
  ::setenv("HOME", Path("home").c_str(), 1);
  ExpectReference(Audit({"--cache-dir", Path("option")}));
  EXPECT_FALSE(Files(Path("option")).empty());
  EXPECT_FALSE(fs::exists(Path("env")));
  ExpectReference(Audit({}));
  EXPECT_FALSE(Files(Path("env")).empty());
  EXPECT_FALSE(fs::exists(Path("xdg-cache")));
  ::setenv("ESGAUDIT_CACHE_DIR", "", 1);
  ExpectReference(Audit({}));
  EXPECT_FALSE(Files(Path("xdg-cache/esgaudit")).empty());
  ::setenv("XDG_CACHE_HOME", "relative/cache", 1);
  ExpectReference(Audit({}));
  EXPECT_FALSE(Files(Path("home/.cache/esgaudit")).empty());
  ::unsetenv("XDG_CACHE_HOME");
  ::unsetenv("HOME");
  Result r = Audit({"-v"});
  EXPECT_EQ(r.out, reference_.out);
  EXPECT_EQ(Count(r.err, "pattern cache"), 0u) << r.err;
  // A config file's cache-dir is relative to the file's folder.
  fs::create_directories(Path("policy"));
  Write("policy/.esgaudit.ini", "cache-dir = kept\n");
  Result c = Run({"check", kSample, "--format", "json", "--fail-on", "never", "--config", Path("policy/.esgaudit.ini")});
  EXPECT_EQ(c.code, 0) << c.err;
  EXPECT_EQ(c.err, "");
  EXPECT_FALSE(Files(Path("policy/kept")).empty());
}

}  // namespace
}  // namespace esgaudit
