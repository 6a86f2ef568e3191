// The gbt36001 preparation compiles every scan of its rule pack (the two word lists and the named
// expressions' prefilters) before any document: an isolated batch runs it in the parent, so no
// child compiles them again.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/pattern_scan.h"
#include "esgaudit/plugin_host.h"
#include "esgaudit_testing.h"
#include "analysis.h"
#include "register.h"
#include "rule_pack.h"

namespace esgaudit::gbt36001 {
namespace {

// The plugin as the host registers it, the project's rule packs, and the sample report (every element is
// looked for in it, so every scan is made). ctest runs each test in a process of its own, so no scan is
// compiled before the test asks.
class Gbt36001Prepare : public ::testing::Test {
 protected:
  Gbt36001Prepare()
      : gbt36001_(Registered()),
        doc_(Document::FromUtf8(SamplePath(), testing::ReadFile(SamplePath()))) {
    options_.rules_dirs = {testing::SourcePath("rules")};
  }
  static std::string SamplePath() { return testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"); }
  static PluginRef Registered() {
    static sdk::Registry registry;
    static const bool once = (RegisterRules(registry), true);
    (void)once;
    return testing::RefFromRegistry(registry, "gbt36001");
  }
  // Runs the plugin on the sample and returns the pattern sets compiled while it ran.
  std::vector<std::string> RunAndTakeCompiledSets() {
    ReportResult r;
    EXPECT_TRUE(RunPlugin(gbt36001_, doc_, options_, &r).ok());
    EXPECT_FALSE(r.coverage.empty());
    return TakeCompiledSets();
  }

  PluginRef gbt36001_;
  RunOptions options_;
  Document doc_;
};

TEST_F(Gbt36001Prepare, AfterThePreparationADocumentCompilesNoPatternSet) {
  PreparePlugins({gbt36001_}, options_);
  TakeCompiledSets();  // the preparation's (and the document's own structure scans)
  EXPECT_TRUE(RunAndTakeCompiledSets().empty());
}

// The named expressions' prefilters are one pattern set, scanned in one pass of the view (a set
// each cost a pass each): a document compiles four sets, the issue keywords, the element phrases,
// the expressions and the scope's English phrases (caseless), and the sample (where every element
// is looked for) needs no other.
TEST_F(Gbt36001Prepare, TheNamedExpressionsAreScannedAsOneSet) {
  TakeCompiledSets();  // the document's own structure scans
  EXPECT_EQ(RunAndTakeCompiledSets().size(), 4u);
  EXPECT_GE(PrefilterSources(RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"))).size(), 5u);
}

}  // namespace
}  // namespace esgaudit::gbt36001
