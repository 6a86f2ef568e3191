// The gbt36001 preparation compiles every scan of its rule pack (the two word lists and the named
// expressions' prefilters) before any document: an isolated batch runs it in the parent, so no
// child compiles them again.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
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
// each cost a pass each), and the issue keywords, the element phrases and the scope's English phrases
// (caseless) are another: a document compiles those two sets, and the sample (where every element is
// looked for) needs no other.
TEST_F(Gbt36001Prepare, TheNamedExpressionsAreScannedAsOneSet) {
  TakeCompiledSets();  // the document's own structure scans
  EXPECT_EQ(RunAndTakeCompiledSets().size(), 2u);
  EXPECT_GE(PrefilterSources(RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"))).size(), 5u);
}

// The scans' lists and patterns are made once per rule pack and shared by every document after that;
// they are the pack's lists (IssueKeywords, PackPhrases, PrefilterSources) in order, and each scan
// has one pattern per entry of its list (the word scan: the keywords', then the phrases', then each
// element's English phrases, caseless, the pack's own strings), pointing at that entry.
TEST(Gbt36001PackScans, MadeOncePerPackFromThePacksOwnLists) {
  const auto pack = std::make_shared<const RulePack>(
      RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json")));
  const std::shared_ptr<const PackScans> scans = PackScans::Of(pack);
  EXPECT_EQ(PackScans::Of(pack).get(), scans.get());
  EXPECT_NE(PackScans::Of(std::make_shared<const RulePack>(*pack)).get(), scans.get());
  EXPECT_EQ(scans->issue_keywords, IssueKeywords(*pack));
  EXPECT_EQ(scans->phrases, PackPhrases(*pack));
  EXPECT_EQ(scans->prefilter_sources, PrefilterSources(*pack));
  EXPECT_FALSE(scans->issue_keywords.empty());
  EXPECT_FALSE(scans->phrases.empty());
  auto expect_scan = [](const std::vector<esgaudit_pattern>& scan, auto text_of, size_t size, uint32_t flags) {
    ASSERT_EQ(scan.size(), size);
    for (size_t k = 0; k < size; ++k) {
      EXPECT_EQ(sdk::View(scan[k].expression).data(), text_of(k).data()) << k;
      EXPECT_EQ(sdk::View(scan[k].expression), text_of(k)) << k;
      EXPECT_EQ(scan[k].flags, flags) << k;
    }
  };
  const size_t keywords = scans->issue_keywords.size();
  const size_t english = keywords + scans->phrases.size();
  ASSERT_EQ(scans->english_begin, english);
  std::vector<esgaudit_pattern> words(scans->word_scan.begin(), scans->word_scan.begin() + english);
  expect_scan(words,
              [&](size_t k) -> const std::string& {
                return k < keywords ? scans->issue_keywords[k] : scans->phrases[k - keywords];
              },
              english, uint32_t{ESGAUDIT_PATTERN_LITERAL});
  // The English lists: each element's "phrases_en" in the pack's order, one after the other.
  std::vector<const std::string*> en;
  for (const ElementSpec& e : pack->elements()) {
    const auto it = e.words.find("phrases_en");
    if (it == e.words.end()) continue;
    EXPECT_EQ(std::count_if(scans->english_lists.begin(), scans->english_lists.end(),
                            [&](const auto& l) { return l.first == &it->second && l.second == english + en.size(); }),
              1);
    for (const std::string& w : it->second) en.push_back(&w);
  }
  ASSERT_FALSE(scans->english_lists.empty());
  EXPECT_EQ(scans->english_lists.front().second, english);
  ASSERT_EQ(scans->word_scan.size(), english + en.size());
  for (size_t k = 0; k < en.size(); ++k) {
    EXPECT_EQ(sdk::View(scans->word_scan[english + k].expression).data(), en[k]->data()) << k;
    EXPECT_EQ(scans->word_scan[english + k].flags, uint32_t{ESGAUDIT_PATTERN_LITERAL | ESGAUDIT_PATTERN_CASELESS});
  }
  expect_scan(scans->prefilter_scan, [&](size_t k) -> const std::string& { return scans->prefilter_sources[k].second; },
              scans->prefilter_sources.size(), uint32_t{ESGAUDIT_PATTERN_REGEX});
  expect_scan(scans->prefilter_bytes, [&](size_t k) -> const std::string& { return scans->prefilter_sources[k].second; },
              scans->prefilter_sources.size(), uint32_t{ESGAUDIT_PATTERN_REGEX | ESGAUDIT_PATTERN_PREFILTER});
}

}  // namespace
}  // namespace esgaudit::gbt36001
