// The cnexchange preparation compiles the keyword scan and the rule-pack expressions' prefilter
// before any document: an isolated batch runs it in the parent, so no child compiles them again.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/pattern_scan.h"
#include "esgaudit/plugin_host.h"
#include "esgaudit_testing.h"
#include "register.h"

namespace esgaudit::cnexchange {
namespace {

// ctest runs each test in a process of its own, so the scans are not compiled before the preparation.
TEST(CnexchangePrepare, AfterThePreparationADocumentCompilesNoPatternSet) {
  sdk::Registry registry;
  RegisterRules(registry);
  const PluginRef cnexchange = testing::RefFromRegistry(registry, "cnexchange");
  RunOptions options;
  options.rules_dirs = {testing::SourcePath("rules")};
  const Document doc = Document::FromUtf8("a.txt", "本报告经董事会审议通过。公司坚持绿色发展，温室气体排放总量 1,234 吨。\n");
  PreparePlugins({cnexchange}, options);
  TakeCompiledSets();  // the preparation's (and the document's own structure scans)
  ReportResult r;
  ASSERT_TRUE(RunPlugin(cnexchange, doc, options, &r).ok());
  EXPECT_TRUE(TakeCompiledSets().empty());
}

}  // namespace
}  // namespace esgaudit::cnexchange
