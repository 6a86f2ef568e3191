// The matching view: NFKC folding, letter-spacing removal, and the offset maps both ways.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/normalize.h"
#include "esgaudit/document.h"

namespace esgaudit {
namespace {

// Every view byte maps to a text offset whose own view offset maps back to it.
void ExpectMapsRoundTrip(const Document& doc) {
  for (uint64_t v = 0; v < doc.view().size(); ++v) {
    uint64_t t = doc.ViewToText(v);
    ASSERT_LE(t, doc.text().size());
    EXPECT_LE(doc.TextToView(t), v);
  }
  EXPECT_EQ(doc.ViewToText(doc.view().size()), doc.text().size());
}

TEST(NormalizeTest, FullWidthDigitsAndLettersFold) {
  Document doc = Document::FromUtf8("t.txt", "员工总数１２３７５人，ＧＲＩ　２０２１");
  EXPECT_EQ(doc.view(), "员工总数12375人,GRI 2021");
  uint64_t v = doc.view().find("12375");
  EXPECT_EQ(doc.ViewToText(v), doc.text().find("１"));
  EXPECT_EQ(doc.TextToView(doc.text().find("人")), doc.view().find("人"));
  ExpectMapsRoundTrip(doc);
}

TEST(NormalizeTest, LetterSpacedCjkIsMatchable) {
  Document doc = Document::FromUtf8("t.txt", "    坚  战  贡  献\n截  至  2020 年\n");
  EXPECT_EQ(doc.view(), "    坚战贡献\n截至2020年\n");
  EXPECT_EQ(doc.ViewToText(doc.view().find("战")), doc.text().find("战"));
  ExpectMapsRoundTrip(doc);
}

TEST(NormalizeTest, ColumnGapsAndEnglishSpacingStay) {
  const std::string text = "劳动者至上           员工发展\nin accordance with GRI 2021\r\n";
  Document doc = Document::FromUtf8("t.txt", text);
  EXPECT_EQ(doc.view(), "劳动者至上           员工发展\nin accordance with GRI 2021\n");
  ExpectMapsRoundTrip(doc);
}

TEST(NormalizeTest, TraditionalHanFoldsToSimplified) {
  Document doc = Document::FromUtf8("t.txt", "本報告範圍涵蓋環境與員工權益，報告期間為2020年");
  EXPECT_EQ(doc.view(), "本报告范围涵盖环境与员工权益,报告期间为2020年");
  EXPECT_EQ(doc.ViewToText(doc.view().find("范围")), doc.text().find("範圍"));
  ExpectMapsRoundTrip(doc);
}

// A Simplified text keeps a character that is Traditional elsewhere (显著), whatever Traditional
// text the same thread folded before: the view of one report never depends on the batch around it.
TEST(NormalizeTest, FoldingDoesNotCarryOverToTheNextText) {
  Document simplified = Document::FromUtf8("s.txt", "取得显著成效");
  EXPECT_EQ(simplified.view(), "取得显著成效");
  Document traditional = Document::FromUtf8("t.txt", "本報告取得顯著成效");
  EXPECT_EQ(traditional.view(), "本报告取得显着成效");
  Document again = Document::FromUtf8("s.txt", "取得显著成效");
  EXPECT_EQ(again.view(), simplified.view());
}

TEST(NormalizeTest, TabsSeparateTableCellsAndStay) {
  Document doc = Document::FromUtf8("t.txt", "营业收入\t亿元\t341.24\n");
  EXPECT_EQ(doc.view(), "营业收入\t亿元\t341.24\n");
}

TEST(NormalizeTest, IdeographicSpaceBetweenHanIsLetterSpacing) {
  Document doc = Document::FromUtf8("t.txt", "社\u3000会\u3000责\u3000任");
  EXPECT_EQ(doc.view(), "社会责任");
}

// A Simplified text's view must not depend on the Traditional texts read before it on the thread.
TEST(NormalizeTest, TraditionalFoldingDependsOnlyOnTheDocument) {
  const Document simplified_first = Document::FromUtf8("s.txt", "运行換定");
  const Document traditional = Document::FromUtf8("t.txt", "們的報告：運行穩定，換屆");
  EXPECT_NE(traditional.view().find("换"), std::string::npos);
  const Document simplified_after = Document::FromUtf8("s.txt", "运行換定");
  EXPECT_EQ(simplified_after.view(), simplified_first.view());
  EXPECT_EQ(simplified_after.view(), "运行換定");
}

// Text-recognition confusions fold only in the context where they cannot be a real word.
TEST(NormalizeTest, UnambiguousOcrConfusionsFold) {
  Document doc = Document::FromUtf8(
      "t.txt", "履行社会贵任，社会资任报告，废气俳放，拔备覆盖率，参照GR丨标准，2016年12月31曰\n");
  EXPECT_EQ(doc.view(), "履行社会责任,社会责任报告,废气排放,拨备覆盖率,参照GRI标准,2016年12月31日\n");
  EXPECT_EQ(doc.ViewToText(doc.view().find("责任")), doc.text().find("贵任"));
  EXPECT_EQ(doc.ViewToText(doc.view().find("GRI") + 2), doc.text().find("丨"));
  ExpectMapsRoundTrip(doc);
}

// 资任 and 贵任 are 责任 after any word, unless the 任 may start a word of its own (投资任务).
TEST(NormalizeTest, ResponsibilityMisreadAfterAnyWordFolds) {
  Document doc = Document::FromUtf8("t.txt", "防止资任交叉，干部经济资任审计，我们的贵任是，安全生产资任制，社会资任重要议题\n");
  EXPECT_EQ(doc.view(), "防止责任交叉,干部经济责任审计,我们的责任是,安全生产责任制,社会责任重要议题\n");
  ExpectMapsRoundTrip(doc);
  const std::string words = "完成投资任务，融资任何时候，出资任命，宝贵任务，工资任意，投资任重道远";
  EXPECT_EQ(Document::FromUtf8("t.txt", words).view(), "完成投资任务,融资任何时候,出资任命,宝贵任务,工资任意,投资任重道远");
}

// 曰 before 常/本/期/报/益, 坏 before 境 and 増 are misread 日, 环 and 增.
TEST(NormalizeTest, DayEnvironmentAndIncreaseMisreadFold) {
  Document doc = Document::FromUtf8("t.txt", "曰常管理，曰益完善，坏境管理，新増用户\n");
  EXPECT_EQ(doc.view(), "日常管理,日益完善,环境管理,新增用户\n");
  ExpectMapsRoundTrip(doc);
  // 曰 before other characters is the word; 破坏 before 境内 stays.
  EXPECT_EQ(Document::FromUtf8("t.txt", "子曰学而时习之，破坏境内生态").view(), "子曰学而时习之,破坏境内生态");
}

TEST(NormalizeTest, OcrFoldsLeaveRealWordsAlone) {
  // 宝贵 and 投资任务 are words; 曰 after a letter is the character itself; 丨 alone is a radical.
  const std::string text = "宝贵的经验，投资任务，子曰，丨";
  Document doc = Document::FromUtf8("t.txt", text);
  EXPECT_EQ(doc.view(), "宝贵的经验,投资任务,子曰,丨");
}

// ASCII bytes other than blanks, CR, LF and FF are copied in runs: each byte maps to itself both
// ways; a CR inside a run is dropped (its text byte maps to the next view byte); the letter-spacing
// test after a run sees the run's last byte ("x2 年" drops its space, " y 年" keeps both); control
// bytes and DEL are copied; an ill-formed byte or a truncated sequence is one code point, copied as
// it is, whatever ASCII stands around it.
TEST(NormalizeTest, AsciiRunsMapByteForByte) {
  const std::string text = std::string("ab\rc\x01\x7f" "d\n" "x2 年 y 年\f" "\xff" "Q\t9 \xe4\xb8" "Z");
  const MatchView mv = BuildMatchView(text);
  EXPECT_EQ(mv.view, std::string("abc\x01\x7f" "d\n" "x2年 y 年\f" "\xff" "Q\t9 \xe4\xb8" "Z"));
  EXPECT_EQ(mv.view_to_text, (std::vector<uint32_t>{0, 1, 3, 4, 5, 6, 7, 8, 9, 11, 11, 11, 14, 15, 16, 17, 17, 17,
                                                    20, 21, 22, 23, 24, 25, 26, 26, 28, 29}));
  EXPECT_EQ(mv.text_to_view, (std::vector<uint32_t>{0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9, 12, 13, 14, 15, 15,
                                                    15, 18, 19, 20, 21, 22, 23, 24, 24, 26, 27}));
}

// Han characters of the blocks U+3400-4DBF and U+4E00-9FFF are copied in runs: each byte of a
// character maps to the character's view offset, each view byte back to its first byte. A run
// stops before a character FoldOcr may change (俳 before 放 folds to 排; 贵 after 社会 to 责, seeing
// the run's last character), an ill-formed or truncated sequence (one code point, copied as it is,
// also at the buffer's end), a character outside the blocks (U+4DC0 just after extension A) and
// ASCII; the letter-spacing test after a run sees its last character.
TEST(NormalizeTest, HanRunsMapCharacterByCharacter) {
  const std::string text = std::string("中文俳放" "\xe4\xb8" "国" "\xe4\xb8" "A" "\xe4\xb7\x80" "\xe3\x90\x80" "字 年"
                                       "GR丨" "\xe5\xad");
  const MatchView mv = BuildMatchView(text);
  EXPECT_EQ(mv.view, std::string("中文排放" "\xe4\xb8" "国" "\xe4\xb8" "A" "\xe4\xb7\x80" "\xe3\x90\x80" "字年"
                                 "GRI" "\xe5\xad"));
  EXPECT_EQ(mv.view_to_text,
            (std::vector<uint32_t>{0,  0,  0,  3,  3,  3,  6,  6,  6,  9,  9,  9,  12, 12, 14, 14, 14, 17, 17,
                                   19, 20, 20, 20, 23, 23, 23, 26, 26, 26, 30, 30, 30, 33, 34, 35, 38, 38, 40}));
  EXPECT_EQ(mv.text_to_view,
            (std::vector<uint32_t>{0,  0,  0,  3,  3,  3,  6,  6,  6,  9,  9,  9,  12, 12, 14, 14, 14, 17, 17, 19, 20,
                                   20, 20, 23, 23, 23, 26, 26, 26, 29, 29, 29, 29, 32, 33, 34, 34, 34, 35, 35, 37}));
  EXPECT_EQ(BuildMatchView("推动社会贵任").view, "推动社会责任");
  EXPECT_EQ(BuildMatchView("宝贵任务").view, "宝贵任务");
}

// In a text read as Traditional a run also stops before each character that folds to Simplified
// (們, 說, 報), and the characters that do not fold (中, 文, 告) map as in a Simplified text.
TEST(NormalizeTest, TraditionalTextRunsStopAtEachFoldedCharacter) {
  const MatchView mv = BuildMatchView("們說中文報告");
  EXPECT_EQ(mv.view, "们说中文报告");
  EXPECT_EQ(mv.view_to_text,
            (std::vector<uint32_t>{0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 12, 15, 15, 15, 18}));
  EXPECT_EQ(mv.text_to_view,
            (std::vector<uint32_t>{0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9, 12, 12, 12, 15, 15, 15, 18}));
}

// A run ends at each blank: "2020 年" after ASCII text still drops its space, "ab 中" keeps it.
TEST(NormalizeTest, LetterSpacingAfterAnAsciiRunSeesItsLastCharacter) {
  EXPECT_EQ(BuildMatchView("FY2020 年度").view, "FY2020年度");
  EXPECT_EQ(BuildMatchView("GRI ab 中文").view, "GRI ab 中文");
  EXPECT_EQ(BuildMatchView("中 a1 年").view, "中 a1年");
}

}  // namespace
}  // namespace esgaudit
