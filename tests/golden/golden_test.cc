// Golden tier: every plugin of the build's plugin directory (loaded as modules, as the CLI loads
// them, so adding a plugin needs no edit here) over every annotated input in
// tests/golden/<plugin>/*.txt; the findings of that plugin must equal <name>.expected exactly
// (clang-tidy's check_clang_tidy idea). Any finding not listed fails.
// ESGAUDIT_UPDATE_GOLDENS=<plugin>[,<plugin>...] rewrites those plugins' .expected files for review
// (=all rewrites every plugin's).
// An optional <name>.kpi.{json,xml,ini,csv} beside an input is passed as --data; an optional
// directory <name>.rules/ beside it is searched for rule files before rules/ (a policy, a pack).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "esgaudit/kpi.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

namespace fs = std::filesystem;

// The plugins of the build, loaded once.
const PluginSet& Plugins() {
  static const PluginSet* set = [] {
    auto* s = new PluginSet();
    s->LoadFrom({ESGAUDIT_PLUGIN_DIR});
    return s;
  }();
  return *set;
}

TEST(GoldenTest, TheBuildsPluginsLoad) {
  EXPECT_TRUE(Plugins().errors().empty()) << Plugins().errors().front();
  EXPECT_GE(Plugins().plugins().size(), 4u);
}

std::string Render(const ReportResult& r, const std::string& plugin) {
  std::ostringstream out;
  for (const Finding& f : r.findings) {
    if (f.rule.rfind(plugin + ".", 0) != 0 && f.rule.rfind("esgaudit.", 0) != 0) continue;
    out << f.location.line << ":" << f.location.column << ": " << SeverityName(f.severity) << ": "
        << f.message << " [" << f.rule << "]\n";
  }
  return out.str();
}

std::vector<fs::path> Inputs(const std::string& plugin) {
  std::vector<fs::path> inputs;
  fs::path dir = testing::SourcePath("tests/golden/" + plugin);
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// One input against its .expected (or rewrites it). A helper, so that an ASSERT ends this input
// only and every other input is still checked.
void CheckGolden(const PluginRef& p, const fs::path& input, bool update) {
  SCOPED_TRACE(input.string());
  Document doc;
  Status s = Document::Load(input.string(), &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  std::vector<KpiRecord> kpis;
  RunOptions options;
  for (const char* ext : {".kpi.json", ".kpi.xml", ".kpi.ini", ".kpi.csv"}) {
    fs::path data = input;
    data.replace_extension(ext);
    if (!fs::exists(data)) continue;
    Status ks = LoadKpiData(data.string(), &kpis);
    ASSERT_TRUE(ks.ok()) << ks.message();
    options.kpis = &kpis;
  }
  fs::path rules = input;
  rules.replace_extension(".rules");
  if (fs::is_directory(rules)) options.rules_dirs = {rules.string(), testing::SourcePath("rules")};
  ReportResult result = testing::Run(p, doc, options);
  ASSERT_TRUE(result.status.ok()) << result.status.message();
  fs::path expected_path = input;
  expected_path.replace_extension(".expected");
  const std::string actual = Render(result, p.name);
  if (update) {
    std::ofstream(expected_path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path;
  EXPECT_EQ(actual, testing::ReadFile(expected_path.string()));
}

TEST(GoldenTest, EveryInputGivesExactlyItsExpectedFindings) {
  const char* update_env = std::getenv("ESGAUDIT_UPDATE_GOLDENS");
  const std::string update_list = update_env == nullptr ? "" : "," + std::string(update_env) + ",";
  for (const PluginRef& p : Plugins().plugins()) {
    const bool update = update_list == ",all," ||
                        update_list.find("," + p.name + ",") != std::string::npos;
    for (const fs::path& input : Inputs(p.name)) CheckGolden(p, input, update);
  }
}

// cppcheck's --errorlist idea: a rule exists only with its doc and a golden test that fires it.
TEST(GoldenTest, EveryRuleHasItsDocAndAGoldenTestThatFiresIt) {
  const std::regex id_pattern("([a-z0-9]+)\\.([a-z0-9]+(-[a-z0-9]+)*)");
  for (const PluginRef& p : Plugins().plugins()) {
    std::string previous;
    for (const RuleInfo& info : p.rules) {
      const std::string& id = info.id;
      SCOPED_TRACE(id);
      std::smatch m;
      ASSERT_TRUE(std::regex_match(id, m, id_pattern));
      EXPECT_EQ(m[1].str(), p.name);
      EXPECT_LT(previous, id) << "rules are registered sorted by id, once each";
      previous = id;
      const std::string kebab = m[2].str();
      EXPECT_EQ(info.doc, p.name + "/" + kebab + ".md");
      const std::string doc = testing::ReadFile(testing::SourcePath("rules/" + info.doc));
      EXPECT_GT(doc.size(), 200u) << "rule doc missing or too short";
      const std::string base = testing::SourcePath("tests/golden/" + p.name + "/" + kebab);
      EXPECT_TRUE(fs::exists(base + ".txt")) << "no golden input " << base << ".txt";
      const std::string expected = testing::ReadFile(base + ".expected");
      EXPECT_NE(expected.find("[" + id + "]"), std::string::npos) << "the golden test never fires the rule";
    }
  }
}

}  // namespace
}  // namespace esgaudit
