// Golden tier: every plugin over every annotated input in tests/golden/<plugin>/*.txt; the findings
// of that plugin must equal <name>.expected exactly (clang-tidy's check_clang_tidy idea). Any finding
// not listed fails. ESGAUDIT_UPDATE_GOLDENS=<plugin>[,<plugin>...] rewrites those plugins' .expected
// files for review (=all rewrites every plugin's).
// An optional <name>.kpi.{json,xml,ini,csv} beside an input is passed as --data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "esgaudit/kpi.h"
#include "esgaudit_testing.h"
#include "gbt36001/register.h"
#include "gri/register.h"
#include "numeric/register.h"

namespace esgaudit {
namespace {

namespace fs = std::filesystem;

struct PluginUnderTest {
  const char* name;
  void (*register_fn)(sdk::Registry&);
};

const PluginUnderTest kPlugins[] = {
    {"gbt36001", &gbt36001::RegisterRules},
    {"gri", &gri::RegisterRules},
    {"numeric", &numeric::RegisterRules},
};

const sdk::Registry& RegistryOf(const PluginUnderTest& p) {
  static std::map<std::string, std::unique_ptr<sdk::Registry>> registries;
  auto& r = registries[p.name];
  if (!r) {
    r = std::make_unique<sdk::Registry>();
    p.register_fn(*r);
  }
  return *r;
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
void CheckGolden(const PluginUnderTest& p, const fs::path& input, bool update) {
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
  ReportResult result = testing::Run(RegistryOf(p), doc, options);
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
  for (const PluginUnderTest& p : kPlugins) {
    const bool update = update_list == ",all," ||
                        update_list.find("," + std::string(p.name) + ",") != std::string::npos;
    for (const fs::path& input : Inputs(p.name)) CheckGolden(p, input, update);
  }
}

// cppcheck's --errorlist idea: a rule exists only with its doc and a golden test that fires it.
TEST(GoldenTest, EveryRuleHasItsDocAndAGoldenTestThatFiresIt) {
  const std::regex id_pattern("([a-z0-9]+)\\.([a-z0-9]+(-[a-z0-9]+)*)");
  for (const PluginUnderTest& p : kPlugins) {
    const sdk::Registry& registry = RegistryOf(p);
    std::string previous;
    for (uint32_t i = 0; i < registry.Count(); ++i) {
      esgaudit_rule_info info = registry.Info(i);
      const std::string id(sdk::View(info.id));
      SCOPED_TRACE(id);
      std::smatch m;
      ASSERT_TRUE(std::regex_match(id, m, id_pattern));
      EXPECT_EQ(m[1].str(), p.name);
      EXPECT_LT(previous, id) << "rules are registered sorted by id, once each";
      previous = id;
      const std::string kebab = m[2].str();
      EXPECT_EQ(std::string(sdk::View(info.doc)), std::string(p.name) + "/" + kebab + ".md");
      const std::string doc = testing::ReadFile(testing::SourcePath("rules/" + std::string(sdk::View(info.doc))));
      EXPECT_GT(doc.size(), 200u) << "rule doc missing or too short";
      const std::string base = testing::SourcePath("tests/golden/" + std::string(p.name) + "/" + kebab);
      EXPECT_TRUE(fs::exists(base + ".txt")) << "no golden input " << base << ".txt";
      const std::string expected = testing::ReadFile(base + ".expected");
      EXPECT_NE(expected.find("[" + id + "]"), std::string::npos) << "the golden test never fires the rule";
    }
  }
}

}  // namespace
}  // namespace esgaudit
