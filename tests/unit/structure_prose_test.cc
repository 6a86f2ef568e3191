// FindSentences' plain-run skip (core/src/analyse/structure_prose.cc, PlainRunEnd): every code point
// it passes over must be one the per-code-point split treats as plain text, stepped over exactly as
// NextCodePoint steps, or a sentence or clause would end elsewhere.
#include <esgaudit/text.h>
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyse/structure_internal.h"

namespace esgaudit {
namespace {

// What FindSentences skips (blanks) or splits at (sentence and clause marks).
bool BlankOrMark(char32_t c) {
  return std::u32string_view(U" \t。！？；，、：!?;.,:").find(c) != std::u32string_view::npos;
}

// Mixed scripts, full-width digits and marks, broken UTF-8, sequences cut at the buffer's end.
std::vector<std::string> TrickyPieces() {
  return {"公司员工1,234人。其中女性56.7%，男性43.3%；",
          "Revenue grew 12.5% in 2023: see p.4! Really? Yes;",
          "营业收入１２３４万元，同比增长５．６％。",
          "中\xe4\xb8" "A文\xe4\xb8\xad\xe6\x96",
          "\xff\xfe中文\x80\xbf abc\tdef",
          "㐀䷀一鿿ꀀ\xf0\x9f\x98\x80 end",
          "GRI 2-7、3-3（管理方法）",
          "a\x01" "b\x7f" "c\xe3\x80\x82" "d\xef\xbc\x8c" "e",
          "\xe4",
          "\xe9\xbf",
          ""};
}

TEST(StructureProseTest, APlainRunHoldsNoBlankNorMarkAndEndsOnACodePointBoundary) {
  size_t skipped = 0;
  for (const std::string& s : TrickyPieces()) {
    for (size_t at = 0; at <= s.size(); ++at) {
      const size_t end = PlainRunEnd(s, at);
      ASSERT_GE(end, at) << s << " at " << at;
      ASSERT_LE(end, s.size()) << s << " at " << at;
      size_t i = at;
      while (i < end) {
        const char32_t c = sdk::NextCodePoint(s, &i);
        EXPECT_FALSE(BlankOrMark(c)) << s << " at " << at;
      }
      EXPECT_EQ(i, end) << s << " at " << at << ": the run splits a code point";
      skipped += end - at;
    }
  }
  EXPECT_GT(skipped, 300u);  // not vacuous
}

TEST(StructureProseTest, APlainRunStopsAtEachMarkBlankAndBrokenSequence) {
  EXPECT_EQ(PlainRunEnd("abc,d", 0), 3u);
  EXPECT_EQ(PlainRunEnd("abc d", 0), 3u);
  EXPECT_EQ(PlainRunEnd("abc\td", 0), 3u);
  EXPECT_EQ(PlainRunEnd("ab.5", 0), 2u);  // a decimal point is decided by Boundary, not skipped
  EXPECT_EQ(PlainRunEnd("中文。下", 0), 6u);
  EXPECT_EQ(PlainRunEnd("中文，下", 0), 6u);
  EXPECT_EQ(PlainRunEnd("中文、下", 0), 6u);
  EXPECT_EQ(PlainRunEnd("中文：下", 0), 6u);
  EXPECT_EQ(PlainRunEnd("中文１２", 0), 6u);  // full-width forms: EF lead bytes, decided one by one
  EXPECT_EQ(PlainRunEnd("中\xe4\xb8" "A", 0), 3u);  // a cut-off sequence before ASCII
  EXPECT_EQ(PlainRunEnd("中\xe4\xb8", 0), 3u);      // and at the buffer's end
  EXPECT_EQ(PlainRunEnd("中\xff", 0), 3u);
  EXPECT_EQ(PlainRunEnd("ab\x01", 0), 2u);
  EXPECT_EQ(PlainRunEnd("abc", 3), 3u);
  EXPECT_EQ(PlainRunEnd("GRI2021中文报告", 0), 19u);
}

}  // namespace
}  // namespace esgaudit
