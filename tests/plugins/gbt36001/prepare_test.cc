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

// ctest runs each test in a process of its own, so the scans are not compiled before the preparation.
TEST(Gbt36001Prepare, AfterThePreparationADocumentCompilesNoPatternSet) {
  sdk::Registry registry;
  RegisterRules(registry);
  const PluginRef gbt36001 = testing::RefFromRegistry(registry, "gbt36001");
  RunOptions options;
  options.rules_dirs = {testing::SourcePath("rules")};
  // The sample report: every element is looked for, so every scan is made.
  const std::string path = testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt");
  const Document doc = Document::FromUtf8(path, testing::ReadFile(path));
  PreparePlugins({gbt36001}, options);
  TakeCompiledSets();  // the preparation's (and the document's own structure scans)
  ReportResult r;
  ASSERT_TRUE(RunPlugin(gbt36001, doc, options, &r).ok());
  EXPECT_FALSE(r.coverage.empty());
  EXPECT_TRUE(TakeCompiledSets().empty());
}

// The named expressions' prefilters are one pattern set, scanned in one pass of the view (a set
// each cost a pass each): a document compiles three sets, the issue keywords, the element phrases
// and the expressions, and the sample (where every element is looked for) needs no other.
TEST(Gbt36001Prepare, TheNamedExpressionsAreScannedAsOneSet) {
  sdk::Registry registry;
  RegisterRules(registry);
  const PluginRef gbt36001 = testing::RefFromRegistry(registry, "gbt36001");
  RunOptions options;
  options.rules_dirs = {testing::SourcePath("rules")};
  const std::string path = testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt");
  const Document doc = Document::FromUtf8(path, testing::ReadFile(path));
  TakeCompiledSets();  // the document's own structure scans
  ReportResult r;
  ASSERT_TRUE(RunPlugin(gbt36001, doc, options, &r).ok());
  EXPECT_FALSE(r.coverage.empty());
  EXPECT_EQ(TakeCompiledSets().size(), 3u);
  EXPECT_GE(PrefilterSources(RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"))).size(), 5u);
}

}  // namespace
}  // namespace esgaudit::gbt36001
