#include "text_match.h"

#include <gtest/gtest.h>

namespace esgaudit::gri {
namespace {

TEST(GriTextMatch, LiteralAndAllPartsOnOneLine) {
  size_t pos = 0;
  size_t len = 0;
  EXPECT_TRUE(MatchPattern("本年度温室气体排放总量", "温室气体排放", &pos, &len));
  EXPECT_EQ(pos, 9u);
  EXPECT_EQ(len, std::string("温室气体排放").size());
  EXPECT_TRUE(MatchPattern("董事会审议通过了本报告", "董事会&审议&报告", &pos, &len));
  EXPECT_EQ(pos, 0u);
  EXPECT_FALSE(MatchPattern("董事会审议通过了预算", "董事会&审议&报告", &pos, &len));
}

TEST(GriTextMatch, AsciiPartsStartAWord) {
  size_t pos = 0;
  size_t len = 0;
  EXPECT_TRUE(MatchPattern("no ods were used", "ods", &pos, &len));
  EXPECT_FALSE(MatchPattern("sold goods and methods", "ods", &pos, &len));
  EXPECT_TRUE(MatchPattern("delegation of authority", "delegat", &pos, &len));
  EXPECT_TRUE(MatchPattern("(scope 1) emissions", "scope 1", &pos, &len));
  EXPECT_FALSE(MatchPattern("telescope 1", "scope 1", &pos, &len));
}

TEST(GriTextMatch, ContainsWordNeedsBothBoundaries) {
  EXPECT_TRUE(ContainsWord("参考gri标准", "gri"));
  EXPECT_TRUE(ContainsWord("the gri standards", "gri"));
  EXPECT_FALSE(ContainsWord("agriculture", "gri"));
  EXPECT_FALSE(ContainsWord("grid operators", "gri"));
}

TEST(GriTextMatch, QuoteFoldsSpaceAndCutsAtCharacters) {
  EXPECT_EQ(Quote("  员工    总数  ", 2, 6), "员工 总数");
  std::string line;
  for (int i = 0; i < 40; ++i) line += "字";
  std::string q = Quote(line, 60, 3, 30);
  EXPECT_EQ(q.rfind("…", 0), 0u);
  EXPECT_NE(q.find("字字字"), std::string::npos);
  EXPECT_EQ(q.size() % 3, 0u);  // whole characters only ("…" is 3 bytes too)
}

TEST(GriTextMatch, TrimAndSqueeze) {
  EXPECT_EQ(Trim(" | 2-1 |\t"), "2-1");
  EXPECT_EQ(Squeeze("目 录"), "目录");
}

// FindEvidence searches a label only when the figure's label text holds every byte pair of it:
// sound only if no string that occurs in a text is ever ruled out.
TEST(GriTextMatch, BytePairsNeverRuleOutAStringTheTextHolds) {
  const std::string text = "员工总数 1,774 人\nscope 1 ghg emissions (tco2e)\n女性管理者占比 24.5%";
  BytePairs pairs;
  pairs.Fill(text);
  for (size_t i = 0; i < text.size(); ++i) {
    for (size_t n = 1; i + n <= text.size() && n <= 16; ++n) {
      EXPECT_TRUE(pairs.MayHold(BytePairs::Of(text.substr(i, n)))) << i << " " << n;
    }
  }
  EXPECT_TRUE(pairs.MayHold(BytePairs::Of("x")));  // one byte: no pair to test
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("温室气体")));
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("headcount")));
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("员工总数人")));  // each character is there, not each pair
  pairs.Fill("headcount");
  EXPECT_TRUE(pairs.MayHold(BytePairs::Of("headcount")));
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("员工")));  // Fill forgets the text before
}

}  // namespace
}  // namespace esgaudit::gri
