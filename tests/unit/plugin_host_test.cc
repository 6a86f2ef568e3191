// The plugin boundary: loading with Boost.DLL, ABI refusal, exception isolation, config errors,
// rule selection, and what crosses the ABI.
#include <gtest/gtest.h>

#include <esgaudit/plugin.h>

#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "esgaudit/plugin_host.h"
#include "plugin/abi_fill.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

std::string FixtureDir(const std::string& name) { return std::string(ESGAUDIT_FIXTURE_PLUGIN_DIR) + "/" + name; }

const PluginRef& Only(const PluginSet& set) {
  EXPECT_EQ(set.plugins().size(), 1u);
  return set.plugins().front();
}

TEST(PluginHostTest, RefusesAnotherAbiMajorVersionNamingBoth) {
  PluginSet set;
  set.LoadFrom({FixtureDir("abi2"), FixtureDir("echo")});
  ASSERT_EQ(set.errors().size(), 1u);
  EXPECT_EQ(set.errors()[0], FixtureDir("abi2") + "/esgaudit_plugin_abi2.so: plugin ABI 2.5 is not "
                             "supported by esgaudit ABI 1.1; rebuild the plugin against this SDK");
  ASSERT_EQ(set.plugins().size(), 1u);  // the others still load
  EXPECT_EQ(set.plugins()[0].name, "echo");
}

TEST(PluginHostTest, APluginBuiltForAbi10LoadsAndRunsInThisHost) {
  PluginSet set;
  set.LoadFrom({FixtureDir("legacy")});
  EXPECT_TRUE(set.errors().empty());
  const PluginRef& legacy = Only(set);
  EXPECT_EQ(legacy.name, "legacy");
  EXPECT_EQ(legacy.abi_major, 1u);
  EXPECT_EQ(legacy.abi_minor, 0u);  // kept as the plugin declared it
  Document doc = Document::FromUtf8("r.txt", "一\nFLAG\n");
  ReportResult r;
  ASSERT_TRUE(RunPlugin(legacy, doc, RunOptions(), &r).ok());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule, "legacy.flag");
  EXPECT_EQ(r.findings[0].message, "flag seen by a 1.0 plugin");
  EXPECT_EQ(r.findings[0].location.line, 2u);
}

TEST(PluginHostTest, StructureModelCrossesTheAbi) {
  PluginSet set;
  set.LoadFrom({FixtureDir("structure")});
  const PluginRef& p = Only(set);
  EXPECT_EQ(p.abi_minor, static_cast<uint32_t>(ESGAUDIT_ABI_MINOR));
  Document doc = Document::FromUtf8(
      "r.txt",
      "\n一、公司治理\n\n本报告时间范围为2020年1月1日至2020年12月31日。\n\n（一）董事会\n\n董事会共有9名董事。"
      "本报告以甲乙能源股份有限公司为主体，依据上交所自律监管指引第14号编制。\n");
  ReportResult r;
  ASSERT_TRUE(RunPlugin(p, doc, RunOptions(), &r).ok());
  ASSERT_EQ(r.relations.size(), 3u);
  EXPECT_EQ(r.relations[0].kind, "metadata");
  EXPECT_EQ(r.relations[0].description,
            "year 2020 period 2020-01-01..2020-12-31 languages zh company 甲乙能源股份有限公司 kind " +
                std::to_string(ESGAUDIT_PERIOD_RANGE) + " title 0 flags " +
                std::to_string(ESGAUDIT_METADATA_PERIOD_STATEMENT) + " exchange " +
                std::to_string(ESGAUDIT_EXCHANGE_SSE) + " mode " + std::to_string(ESGAUDIT_CLAIM_ACCORDANCE));
  EXPECT_EQ(r.relations[1].kind, "section");
  EXPECT_EQ(r.relations[1].description, "1 一、 公司治理 lines 2-8 parent none");
  EXPECT_EQ(r.relations[2].description, "2 (一) 董事会 lines 6-8 parent 0");
  ASSERT_EQ(r.relations[2].members.size(), 1u);
  EXPECT_EQ(r.relations[2].members[0].location.line, 6u);
}

TEST(PluginHostTest, TableGridsCrossTheAbi) {
  PluginSet set;
  set.LoadFrom({FixtureDir("structure")});
  const PluginRef& p = Only(set);
  Document doc = Document::FromUtf8(
      "r.txt",
      "<table><tr><th>类别</th><th>人数</th></tr>\n<tr><td rowspan=\"2\">员工</td><td>7&nbsp;40</td></tr>"
      "<tr><td>12</td></tr></table>\n");
  ReportResult r;
  ASSERT_TRUE(RunPlugin(p, doc, RunOptions(), &r).ok());
  ASSERT_EQ(r.relations.size(), 2u);
  EXPECT_EQ(r.relations[1].kind, "grid");
  EXPECT_EQ(r.relations[1].description, "3x2 0,0+1+1h=类别 0,1+1+1h=人数 1,0+2+1=员工 1,1+1+1=7 40 2,1+1+1=12");
  ASSERT_EQ(r.relations[1].members.size(), 5u);
  EXPECT_EQ(r.relations[1].members[2].location.line, 2u);
  EXPECT_EQ(doc.text().substr(r.relations[1].members[4].location.offset, r.relations[1].members[4].location.length),
            "12");
}

TEST(PluginHostTest, WrapperGivesNoGridsOnAHostWithoutThem) {
  // A 1.1 host built before the grids were appended: its struct ends at index_row.
  esgaudit_host host{};
  host.abi_major = 1;
  host.abi_minor = 1;
  host.struct_size = static_cast<uint32_t>(offsetof(esgaudit_host, table_cell_count));
  sdk::Document doc(&host);
  EXPECT_FALSE(doc.HasTableGrids());
  esgaudit_table t{};
  t.struct_size = sizeof(t);
  t.grid_rows = 2;
  t.grid_cell_count = 3;
  EXPECT_TRUE(doc.GridCells(t).empty());
  EXPECT_EQ(sdk::TableGrid(doc, t).Rows(), 0u);
}

TEST(PluginHostTest, WrapperRefusesStructureAccessorsOnAHostWithoutThem) {
  esgaudit_host host{};
  host.abi_major = 1;
  host.abi_minor = 0;
  host.struct_size = static_cast<uint32_t>(offsetof(esgaudit_host, line_structure));
  sdk::Document doc(&host);
  EXPECT_FALSE(doc.HasStructure());
  EXPECT_THROW(doc.SectionCount(), std::runtime_error);
}

// Fill writes the first min(struct_size, sizeof) bytes of the host's struct and nothing past them:
// for each struct_size from 0 to a newer plugin's longer struct, the caller's bytes are the host's
// up to that size and their own after it, struct_size says how many were written, and below the size
// field's own four bytes (or with no struct) nothing is written.
template <typename T>
void ExpectFillWritesAtMostTheCallersSize(const T& value) {
  constexpr size_t kOver = 16;  // a newer plugin's struct is this much longer
  for (uint32_t asked = 0; asked <= sizeof(T) + kOver; ++asked) {
    unsigned char buf[sizeof(T) + kOver];
    std::memset(buf, 0xA5, sizeof(buf));
    std::memcpy(buf, &asked, sizeof(asked));
    const uint32_t ok = Fill(value, reinterpret_cast<T*>(buf));
    const size_t written = std::min<size_t>(asked, sizeof(T));
    if (written < sizeof(uint32_t)) {
      EXPECT_EQ(ok, 0u) << asked;
      uint32_t size;
      std::memcpy(&size, buf, sizeof(size));
      EXPECT_EQ(size, asked);
      for (size_t b = sizeof(uint32_t); b < sizeof(buf); ++b) ASSERT_EQ(buf[b], 0xA5) << asked << " " << b;
      continue;
    }
    EXPECT_EQ(ok, 1u) << asked;
    uint32_t size;
    std::memcpy(&size, buf, sizeof(size));
    EXPECT_EQ(size, written) << asked;
    const auto* host = reinterpret_cast<const unsigned char*>(&value);
    for (size_t b = sizeof(uint32_t); b < written; ++b) ASSERT_EQ(buf[b], host[b]) << asked << " " << b;
    for (size_t b = written; b < sizeof(buf); ++b) ASSERT_EQ(buf[b], 0xA5) << asked << " " << b;
  }
  EXPECT_EQ(Fill(value, static_cast<T*>(nullptr)), 0u);
}

TEST(PluginHostTest, FillWritesAtMostTheCallersStructSize) {
  esgaudit_line_structure line{};
  line.struct_size = sizeof(line);
  line.role = 3;
  line.flags = 0x01020304;
  line.heading_level = 2;
  line.section = 7;
  line.table = ESGAUDIT_NO_INDEX;
  line.first_cell = 11;
  line.cell_count = 5;
  line.view_begin = 0x1122334455667788ULL;
  line.view_end = 0x99AABBCCDDEEFF00ULL;
  ExpectFillWritesAtMostTheCallersSize(line);
  esgaudit_text_span span{};
  span.struct_size = sizeof(span);
  span.line = 9;
  span.offset = 0x0102030405060708ULL;
  span.length = 77;
  span.view_begin = 0x1111111122222222ULL;
  span.view_end = 0x3333333344444444ULL;
  ExpectFillWritesAtMostTheCallersSize(span);
}

TEST(PluginHostTest, MissingDirectoryIsSkippedAndCurrentDirectoryNeverSearched) {
  PluginSet set;
  set.LoadFrom({"/nonexistent/plugins"});
  EXPECT_TRUE(set.plugins().empty());
  EXPECT_TRUE(set.errors().empty());
  for (const std::string& d : DefaultPluginDirs()) {
    EXPECT_NE(d, ".");
    EXPECT_NE(d, "");
  }
}

TEST(PluginHostTest, FindingsCoverageAndLanguageCrossTheAbi) {
  PluginSet set;
  set.LoadFrom({FixtureDir("echo")});
  const PluginRef& echo = Only(set);
  ASSERT_EQ(echo.rules.size(), 1u);
  EXPECT_EQ(echo.rules[0].id, "echo.flag");
  EXPECT_EQ(echo.rules[0].doc, "echo/flag.md");
  Document doc = Document::FromUtf8("r.txt", "第一行\n  员工 FLAG here\n");
  ReportResult r;
  RunOptions en;
  en.lang = "en";
  ASSERT_TRUE(RunPlugin(echo, doc, RunOptions(), &r).ok());
  ASSERT_TRUE(RunPlugin(echo, doc, en, &r).ok());
  Canonicalize(&r);
  ASSERT_EQ(r.findings.size(), 2u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.rule, "echo.flag");
  EXPECT_EQ(f.severity, ESGAUDIT_WARNING);
  EXPECT_EQ(f.location.file, "r.txt");
  EXPECT_EQ(f.location.line, 2u);
  EXPECT_EQ(f.location.column, 8u);  // two spaces, 员工 (4), space
  EXPECT_EQ(f.location.length, 4u);
  EXPECT_EQ(f.evidence, "员工 FLAG here");
  EXPECT_EQ(f.references, std::vector<std::string>{"TEST 1.1"});
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(f.related[0].location.line, 2u);
  EXPECT_EQ(f.related[0].location.column, 1u);
  std::vector<std::string> messages = {r.findings[0].message, r.findings[1].message};
  std::sort(messages.begin(), messages.end());
  EXPECT_EQ(messages, (std::vector<std::string>{"flag found", "发现标记"}));
  ASSERT_EQ(r.coverage.size(), 2u);
  EXPECT_EQ(r.coverage[0].scheme, "echo");
  EXPECT_EQ(r.coverage[0].status, ESGAUDIT_PARTIAL);
  EXPECT_EQ(r.coverage[0].locations[0].message, "quote");
}

// A finding on a line of many kilobytes quotes a window around its location, not the whole line
// (a report without line breaks would otherwise copy and print megabytes per finding).
TEST(PluginHostTest, FindingOnAVeryLongLineQuotesAWindow) {
  PluginSet set;
  set.LoadFrom({FixtureDir("echo")});
  std::string filler;
  for (int i = 0; i < 1000; ++i) filler += "员工 ";  // 5 columns, 7 bytes each
  Document doc = Document::FromUtf8("r.txt", filler + "FLAG" + filler + "\n");
  ReportResult r;
  ASSERT_TRUE(RunPlugin(Only(set), doc, RunOptions(), &r).ok());
  ASSERT_EQ(r.findings.size(), 1u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.location.column, 5001u);  // the location still counts from the line start
  // 160 bytes either side of FLAG's start fall inside a character: the window is cut before it.
  const std::string before = filler.substr(filler.size() - 161);  // 23 times "员工 "
  const std::string after = filler.substr(0, 154);                  // 22 times
  EXPECT_EQ(f.source_line, "..." + before + "FLAG" + after + "...");
  EXPECT_EQ(f.source_column, 1u + 3u + 23u * 5u);  // "..." and 23 times "员工 " before FLAG
  EXPECT_EQ(f.evidence, f.source_line);
}

TEST(PluginHostTest, DisabledRulesDoNotRunButPassesDo) {
  PluginSet set;
  set.LoadFrom({FixtureDir("echo")});
  RuleSelection sel;
  sel.Disable("echo.*");
  RunOptions o;
  o.selection = &sel;
  ReportResult r;
  ASSERT_TRUE(RunPlugin(Only(set), Document::FromUtf8("r.txt", "FLAG\n"), o, &r).ok());
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(r.coverage.size(), 1u);
}

// A rule's findings take the id and default severity it was registered with: one source of truth.
class RegisteredIdentityRule : public sdk::Rule {
 public:
  void Check(const sdk::Document&, const sdk::Context& ctx) override {
    sdk::Finding f = NewFinding();
    f.message = "m";
    ctx.Report(f);
  }
};

TEST(PluginHostTest, ARuleKnowsItsRegisteredIdAndSeverity) {
  sdk::Registry registry;
  registry.Add<RegisteredIdentityRule>("test.first", ESGAUDIT_INFO, "s", "test/first.md");
  registry.Add<RegisteredIdentityRule>("test.second", ESGAUDIT_ERROR, "s", "test/second.md");
  ReportResult r = testing::RunOnText(registry, "text\n");
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].rule, "test.first");
  EXPECT_EQ(r.findings[0].severity, ESGAUDIT_INFO);
  EXPECT_EQ(r.findings[1].rule, "test.second");
  EXPECT_EQ(r.findings[1].severity, ESGAUDIT_ERROR);
}

TEST(PluginHostTest, ExceptionBecomesPluginErrorAndEarlierOutputIsKept) {
  PluginSet set;
  set.LoadFrom({FixtureDir("thrower"), FixtureDir("echo")});
  ASSERT_EQ(set.plugins().size(), 2u);
  Document doc = Document::FromUtf8("r.txt", "FLAG\n");
  ReportResult r;
  std::vector<Status> statuses;
  for (const PluginRef& p : set.plugins()) statuses.push_back(RunPlugin(p, doc, RunOptions(), &r));
  Canonicalize(&r);
  // Plugins load in the order of the directories given: thrower, then echo.
  EXPECT_TRUE(statuses[1].ok());
  EXPECT_EQ(statuses[0].code(), ExitStatus::kInternal);
  EXPECT_EQ(statuses[0].message(), "r.txt: plugin 'thrower' failed: deliberate failure");
  std::vector<std::string> rules;
  for (const Finding& f : r.findings) rules.push_back(f.rule);
  std::sort(rules.begin(), rules.end());
  EXPECT_EQ(rules, (std::vector<std::string>{"echo.flag", "esgaudit.plugin-error", "thrower.boom"}));
}

TEST(PluginHostTest, ConfigErrorIsAnInputErrorNotAPluginError) {
  PluginSet set;
  set.LoadFrom({FixtureDir("badpack")});
  ReportResult r;
  Status s = RunPlugin(Only(set), Document::FromUtf8("r.txt", "x\n"), RunOptions(), &r);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(), "rules/badpack/pack.json:3: expected a number");
  EXPECT_TRUE(r.findings.empty());
}

// A directory of its own under the system's temporary directory, removed at the end.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& relative, const std::string& text) const {
    std::filesystem::path p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

struct Words {
  std::string text;
};

// sdk::CachedRuleData: loaded once while the file's bytes stay the same; again when they change;
// never cached when the load fails, so each document reports the error.
TEST(PluginHostTest, RuleDataIsLoadedOncePerProcessWhileItsFilesAreUnchanged) {
  TempDir dir("esgaudit-rule-data");
  const std::string path = dir.Write("words.txt", "one");
  int loads = 0;
  auto load = [&] {
    ++loads;
    return Words{testing::ReadFile(path)};
  };
  std::shared_ptr<const Words> first = sdk::CachedRuleData<Words>({path}, load);
  std::shared_ptr<const Words> second = sdk::CachedRuleData<Words>({path}, load);
  EXPECT_EQ(loads, 1);
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(second->text, "one");
  dir.Write("words.txt", "two");
  std::shared_ptr<const Words> third = sdk::CachedRuleData<Words>({path}, load);
  EXPECT_EQ(loads, 2);
  EXPECT_EQ(third->text, "two");
  EXPECT_EQ(first->text, "one");  // a holder of the old data keeps it
  // Another set of paths is another entry.
  const std::string other = dir.Write("other.txt", "three");
  EXPECT_EQ(sdk::CachedRuleData<Words>({path, other}, load)->text, "two");
  EXPECT_EQ(loads, 3);
  // A failing load caches nothing: the next call loads (and here fails) again.
  dir.Write("words.txt", "bad");
  int failures = 0;
  auto failing = [&]() -> Words {
    ++failures;
    throw sdk::ConfigError("words.txt:1: bad");
  };
  EXPECT_THROW(sdk::CachedRuleData<Words>({path}, failing), sdk::ConfigError);
  EXPECT_THROW(sdk::CachedRuleData<Words>({path}, failing), sdk::ConfigError);
  EXPECT_EQ(failures, 2);
}

// esgaudit_plugin::prepare: PluginSet keeps it when the plugin has it (not for a 1.0 plugin), and
// PreparePlugins reads the rule data before any document, so documents reuse it.
TEST(PluginHostTest, PreparedRuleDataIsReusedByEveryDocument) {
  PluginSet legacy;
  legacy.LoadFrom({FixtureDir("legacy")});
  EXPECT_FALSE(Only(legacy).prepare);
  PluginSet set;
  set.LoadFrom({FixtureDir("ruledata")});
  ASSERT_TRUE(Only(set).prepare);
  TempDir rules("esgaudit-prepare-rules");
  rules.Write("ruledata/data.txt", "v1\n");
  RunOptions options;
  options.rules_dirs = {rules.path()};
  PreparePlugins(set.plugins(), options);
  for (const char* name : {"a.txt", "b.txt"}) {
    ReportResult r;
    ASSERT_TRUE(RunPlugin(Only(set), Document::FromUtf8(name, "x\n"), options, &r).ok());
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].message, "data 'v1' read by this process, 1 read(s) in all");
  }
  rules.Write("ruledata/data.txt", "v2\n");
  ReportResult r;
  ASSERT_TRUE(RunPlugin(Only(set), Document::FromUtf8("c.txt", "x\n"), options, &r).ok());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].message, "data 'v2' read by this process, 2 read(s) in all");
  // Data that fails to load in the preparation is only logged; each document reports the error.
  rules.Write("ruledata/data.txt", "BAD\n");
  PreparePlugins(set.plugins(), options);
  Status s = RunPlugin(Only(set), Document::FromUtf8("d.txt", "x\n"), options, &r);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(), "ruledata/data.txt:1: BAD is not rule data");
}

}  // namespace
}  // namespace esgaudit
