// The gri preparation compiles the mention scan before any document: an isolated batch runs it in
// the parent, so no child compiles it again.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/pattern_scan.h"
#include "esgaudit/plugin_host.h"
#include "esgaudit_testing.h"
#include "register.h"

namespace esgaudit::gri {
namespace {

// ctest runs each test in a process of its own, so the scan is not compiled before the preparation.
TEST(GriPrepare, AfterThePreparationADocumentCompilesNoPatternSet) {
  sdk::Registry registry;
  RegisterRules(registry);
  const PluginRef gri = testing::RefFromRegistry(registry, "gri");
  RunOptions options;
  options.rules_dirs = {testing::SourcePath("rules")};
  const Document doc = Document::FromUtf8("a.txt", "报告期内，公司温室气体排放总量 1,234 吨二氧化碳当量。\n");
  PreparePlugins({gri}, options);
  TakeCompiledSets();  // the preparation's (and the document's own structure scans)
  ReportResult r;
  ASSERT_TRUE(RunPlugin(gri, doc, options, &r).ok());
  EXPECT_FALSE(r.coverage.empty());
  EXPECT_TRUE(TakeCompiledSets().empty());
}

}  // namespace
}  // namespace esgaudit::gri
