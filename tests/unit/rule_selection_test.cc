#include <gtest/gtest.h>

#include "esgaudit/rule_selection.h"
#include "esgaudit/spellcheck.h"

namespace esgaudit {
namespace {

TEST(RuleSelectionTest, EnableRestrictsDisableRemovesToolRulesStay) {
  RuleSelection all;
  EXPECT_TRUE(all.Enabled("gri.index-mismatch"));
  RuleSelection s;
  s.Enable("numeric.*");
  s.Disable("numeric.yoy-claim");
  EXPECT_TRUE(s.Enabled("numeric.percent-sum"));
  EXPECT_FALSE(s.Enabled("numeric.yoy-claim"));
  EXPECT_FALSE(s.Enabled("gri.index-mismatch"));
  EXPECT_TRUE(s.Enabled("esgaudit.plugin-error"));
}

TEST(SpellcheckTest, SuggestsTheClosestWithinReach) {
  std::vector<std::string> words = {"check", "explain", "extract", "list-rules"};
  EXPECT_EQ(Spellcheck("chek", words), "check");
  EXPECT_EQ(Spellcheck("extrac", words), "extract");
  EXPECT_EQ(Spellcheck("zzzzzzzz", words), "");
  EXPECT_EQ(DidYouMean("list-rule", words), "; did you mean 'list-rules'?");
}

}  // namespace
}  // namespace esgaudit
