// The matching view: NFKC folding, letter-spacing removal, and the offset maps both ways.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uscript.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/normalize.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"
#include "esgaudit_testing.h"

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

// The build-time table of folds is ICU's answer for each Han code point asked alone: in a text read
// as Traditional, every seventh code point of the two blocks, every third compatibility ideograph
// and every 97th of extension B, one a line, folds exactly as ICU's Traditional-Simplified
// transliterator folds it by itself (one code point to one other, else unchanged). The characters
// FoldOcr may change are left out: their folds depend on their neighbours.
TEST(NormalizeTest, TraditionalTextsFoldEachHanCodePointAsIcuDoes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_simplified(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  const std::u32string ocr_folded = U"俳拔丨干屮贵资曰坏増歴";
  std::vector<UChar32> sample;
  auto take = [&](UChar32 from, UChar32 to, UChar32 step) {
    for (UChar32 c = from; c <= to; c += step) {
      if (IsHanScript(c) && ocr_folded.find(static_cast<char32_t>(c)) == std::u32string::npos) sample.push_back(c);
    }
  };
  take(0x3400, 0x4dbf, 7);
  take(0x4e00, 0x9fff, 7);
  take(0xf900, 0xfad9, 3);
  take(0x20000, 0x2a6df, 97);
  ASSERT_GT(sample.size(), 4000u);
  // First line: every Traditional form of the pairs, so the text reads as Traditional.
  std::string text;
  std::string simplified_forms;
  for (const HanScriptPair& p : HanScriptPairs()) {
    icu::UnicodeString(static_cast<UChar32>(p.traditional)).toUTF8String(text);
    icu::UnicodeString(static_cast<UChar32>(p.simplified)).toUTF8String(simplified_forms);
  }
  text += '\n';
  std::vector<std::string> expected;
  size_t folded = 0;
  for (UChar32 c : sample) {
    icu::UnicodeString u(c);
    to_simplified->transliterate(u);
    const UChar32 to = u.countChar32() == 1 ? u.char32At(0) : c;
    folded += to != c;
    std::string line;
    icu::UnicodeString(c).toUTF8String(text);
    icu::UnicodeString(to).toUTF8String(line);
    text += '\n';
    expected.push_back(line);
  }
  EXPECT_GT(folded, 300u);  // the sample holds folds, not only characters left alone
  const MatchView mv = BuildMatchView(text);
  std::vector<std::string> lines;
  for (size_t pos = 0, end; (end = mv.view.find('\n', pos)) != std::string::npos; pos = end + 1) {
    lines.push_back(mv.view.substr(pos, end - pos));
  }
  ASSERT_EQ(lines.size(), sample.size() + 1);
  EXPECT_EQ(lines[0], simplified_forms);
  for (size_t k = 0; k < sample.size(); ++k) {
    EXPECT_EQ(lines[k + 1], expected[k]) << "U+" << std::hex << sample[k];
  }
}

// A Simplified text keeps a character that is Traditional elsewhere (显著), whatever Traditional
// text the same thread folded before: the view of one report never depends on the batch around it.
TEST(NormalizeTest, FoldingDoesNotCarryOverToTheNextText) {
  Document simplified = Document::FromUtf8("s.txt", "取得显著成效");
  EXPECT_EQ(simplified.view(), "取得显著成效");
  Document traditional = Document::FromUtf8("t.txt", "我們的本報告說明這個時期取得顯著成效");
  EXPECT_EQ(traditional.view(), "我们的本报告说明这个时期取得显着成效");
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
  const Document traditional = Document::FromUtf8("t.txt", "我們的報告說明這個時期：運行穩定，換屆");
  EXPECT_NE(traditional.view().find("换"), std::string::npos);
  const Document simplified_after = Document::FromUtf8("s.txt", "运行換定");
  EXPECT_EQ(simplified_after.view(), simplified_first.view());
  EXPECT_EQ(simplified_after.view(), "运行換定");
}

// Every pair that decides a text's script is what ICU's transliterators say: the Traditional form
// folds to the Simplified one and back, and each form is left as it is in its own direction (so
// neither is a character both scripts write, like 著 or 后). Each form once, in the counted blocks.
TEST(NormalizeTest, ScriptPairsAreIcusTraditionalAndSimplifiedForms) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_simplified(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  std::unique_ptr<icu::Transliterator> to_traditional(
      icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
  ASSERT_TRUE(U_SUCCESS(status));
  auto through = [](icu::Transliterator& t, char32_t c) {
    icu::UnicodeString u(static_cast<UChar32>(c));
    t.transliterate(u);
    return u.countChar32() == 1 ? static_cast<char32_t>(u.char32At(0)) : U'\0';
  };
  auto in_blocks = [](char32_t c) { return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff); };
  std::set<char32_t> forms;
  ASSERT_GE(HanScriptPairs().size(), 40u);
  for (const HanScriptPair& p : HanScriptPairs()) {
    EXPECT_EQ(through(*to_simplified, p.traditional), p.simplified) << static_cast<uint32_t>(p.traditional);
    EXPECT_EQ(through(*to_simplified, p.simplified), p.simplified) << static_cast<uint32_t>(p.simplified);
    EXPECT_EQ(through(*to_traditional, p.simplified), p.traditional) << static_cast<uint32_t>(p.simplified);
    EXPECT_EQ(through(*to_traditional, p.traditional), p.traditional) << static_cast<uint32_t>(p.traditional);
    EXPECT_TRUE(in_blocks(p.traditional) && in_blocks(p.simplified));
    EXPECT_TRUE(forms.insert(p.traditional).second && forms.insert(p.simplified).second);
  }
}

// A Simplified report naming Hong Kong entities in their Traditional spelling (國泰, 東亞銀行,
// 中華電力, 新鴻基地產, 長江實業: six Traditional forms of the pairs, more than the fewest that
// count) stays Simplified: only those six fold (each written in no Simplified text); 亞, 銀, 華, 鴻
// and the 著 of 显著 keep their characters (read as Traditional, ICU would fold them all, and 显著
// would read 显着).
TEST(NormalizeTest, ASimplifiedTextWithAFewTraditionalNamesStaysSimplified) {
  const std::string text =
      "本报告说明我们在员工发展、环境保护与社区服务方面的工作。报告期内，公司与國泰航空、东亚银行、"
      "東亞銀行、中華電力、新鴻基地產及長江實業签署合作协议，取得显著成效。";
  const MatchView mv = BuildMatchView(text);
  EXPECT_EQ(mv.view,
            "本报告说明我们在员工发展、环境保护与社区服务方面的工作。报告期内,公司与国泰航空、东亚银行、"
            "东亞銀行、中華电力、新鴻基地产及长江实业签署合作协议,取得显著成效。");
  EXPECT_EQ(mv.view_to_text[mv.view.find("国泰")], text.find("國泰"));
  ExpectMapsRoundTrip(Document::FromUtf8("s.txt", text));
}

// A Traditional report still folds to Simplified, the few Simplified words it holds (a subsidiary's
// name, 附属公司员工) included.
TEST(NormalizeTest, ATraditionalTextFoldsWhateverSimplifiedWordsItHolds) {
  const std::string text =
      "本報告說明我們在環境、社會及管治方面的表現。報告期內，我們的員工總數為1,200人，其中內地附属公司员工300人。";
  EXPECT_EQ(BuildMatchView(text).view,
            "本报告说明我们在环境、社会及管治方面的表现。报告期内,我们的员工总数为1,200人,其中内地附属公司员工300人。");
}

// Near the threshold: five Traditional forms and more of them than Simplified ones make a text
// Traditional; four, or as many as the Simplified ones, do not. Distinct characters count like
// repeated ones.
TEST(NormalizeTest, AMixedTextIsTraditionalWhenMostOfItsFormsAre) {
  EXPECT_TRUE(ReadsAsTraditional(5, 0));
  EXPECT_TRUE(ReadsAsTraditional(5, 4));
  EXPECT_FALSE(ReadsAsTraditional(5, 5));
  EXPECT_FALSE(ReadsAsTraditional(4, 0));
  EXPECT_FALSE(ReadsAsTraditional(0, 0));
  EXPECT_TRUE(ReadsAsTraditional(1000, 999));
  auto mixed = [](int traditional, int simplified) {
    std::string text;
    for (int k = 0; k < traditional; ++k) text += "國";
    text += "與";
    for (int k = 0; k < simplified; ++k) text += "国";
    return text;
  };
  // 顯 is no pair's form: ICU folds it in a text read as Traditional only.
  auto traditional = [](const std::string& text) { return BuildMatchView("顯" + text).view.rfind("显", 0) == 0; };
  EXPECT_TRUE(traditional(mixed(4, 4)));   // 國 4 times and 與: five Traditional forms
  EXPECT_EQ(BuildMatchView(mixed(4, 4)).view, "国国国国与国国国国");
  EXPECT_FALSE(traditional(mixed(4, 5)));  // as many Simplified ones
  EXPECT_FALSE(traditional(mixed(3, 0)));  // four in all
  EXPECT_TRUE(traditional("們個這與為"));
  EXPECT_FALSE(traditional("們個這與"));
  EXPECT_FALSE(traditional("們個這與為们个这与为"));
  // In a text read as Simplified the pairs' Traditional forms still fold, nothing else does.
  EXPECT_EQ(BuildMatchView("顯" + mixed(4, 5)).view, "顯国国国国与国国国国国");
}

// Japanese shares kanji with Traditional Chinese (國, 會, 業, 員, 時 ...): its kana, not its Han
// forms, decide, and nothing of a Japanese text folds. The same kanji without the kana read as
// Traditional and fold; a Chinese text naming brands in katakana stays Chinese, Traditional or
// Simplified.
TEST(NormalizeTest, KanaInQuantityMakeATextJapaneseAndNothingFolds) {
  const std::string japanese =
      "國際會議の報告書では、當社の業務と従業員の働き方について説明しています。"
      "環境への取り組みとして、東日本の工場では電力の使用量を減らしました。";
  EXPECT_EQ(BuildMatchView(japanese).view, japanese);
  ExpectMapsRoundTrip(Document::FromUtf8("j.txt", japanese));
  std::string kanji;  // the Han characters alone
  for (int32_t k = 0; k < static_cast<int32_t>(japanese.size());) {
    const int32_t at = k;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(japanese.data()), k, static_cast<int32_t>(japanese.size()), c);
    if (c >= 0x4e00 && c <= 0x9fff) kanji += japanese.substr(static_cast<size_t>(at), static_cast<size_t>(k - at));
  }
  EXPECT_EQ(BuildMatchView(kanji).view.rfind("国际会议", 0), 0u) << BuildMatchView(kanji).view;

  const std::string traditional = "本報告說明我們在環境與社會方面的表現。報告期內，我們與ソニー及キヤノン合作推動節能。";
  EXPECT_EQ(BuildMatchView(traditional).view,
            "本报告说明我们在环境与社会方面的表现。报告期内,我们与ソニー及キヤノン合作推动节能。");
  const std::string simplified = "本报告说明我们与ソニー及キヤノン合作，在國泰航空的支持下取得显著成效。";
  EXPECT_EQ(BuildMatchView(simplified).view, "本报告说明我们与ソニー及キヤノン合作,在国泰航空的支持下取得显著成效。");

  // The threshold: kMinKana kana, one or more per four Han characters.
  EXPECT_TRUE(ReadsAsJapanese(kMinKana, 4 * kMinKana));
  EXPECT_FALSE(ReadsAsJapanese(kMinKana, 4 * kMinKana + 1));
  EXPECT_FALSE(ReadsAsJapanese(kMinKana - 1, 0));
  EXPECT_TRUE(ReadsAsJapanese(1000, 10));
}

// Empty and ASCII-only texts read as Simplified: nothing to fold, views as they are.
TEST(NormalizeTest, EmptyAndAsciiTextsAreNotTraditional) {
  const MatchView empty = BuildMatchView("");
  EXPECT_EQ(empty.view, "");
  EXPECT_EQ(empty.view_to_text, std::vector<uint32_t>{0});
  EXPECT_EQ(empty.text_to_view, std::vector<uint32_t>{0});
  EXPECT_EQ(BuildMatchView("Sustainability Report 2023: 1,200 employees").view,
            "Sustainability Report 2023: 1,200 employees");
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

// 歴 (the Japanese form of 歷) reads as 历 in Simplified and in Traditional text alike: ICU's
// Traditional-Simplified fold does not map it.
TEST(NormalizeTest, JapaneseFormOfLiFoldsToLi) {
  Document simplified = Document::FromUtf8("t.txt", "本年回收2,800个，歴年累计回收25,000个\n");
  EXPECT_EQ(simplified.view(), "本年回收2,800个,历年累计回收25,000个\n");
  ExpectMapsRoundTrip(simplified);
  const std::string traditional = "員工的知識結構在學歴上、專業職稱上有所提升，國際會議歴史性地通過了這項議題。";
  Document doc = Document::FromUtf8("t.txt", traditional);
  EXPECT_NE(doc.view().find("学历"), std::string::npos) << doc.view();
  EXPECT_NE(doc.view().find("历史性"), std::string::npos) << doc.view();
  EXPECT_EQ(doc.view().find("歴"), std::string::npos) << doc.view();
  ExpectMapsRoundTrip(doc);
}

// 干 before 瓦 (no word), or before 克 after a figure or before a slash, is a misread 千; 屮 is a misread 中.
TEST(NormalizeTest, ThousandAndMiddleMisreadFold) {
  Document doc = Document::FromUtf8("t.txt", "上网电量1635亿干瓦时，装机容量5万干瓦，综合能耗\t干克/吨，5干克，人员屮，集屮采购\n");
  EXPECT_EQ(doc.view(), "上网电量1635亿千瓦时,装机容量5万千瓦,综合能耗\t千克/吨,5千克,人员中,集中采购\n");
  ExpectMapsRoundTrip(doc);
  EXPECT_EQ(Document::FromUtf8("t.txt", "干部职工苦干克难，干旱").view(), "干部职工苦干克难,干旱");
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
// (這, 個, 們, 說, 報), and the characters that do not fold (中, 文, 告) map as in a Simplified text.
TEST(NormalizeTest, TraditionalTextRunsStopAtEachFoldedCharacter) {
  const MatchView mv = BuildMatchView("這個們說中文報告");
  EXPECT_EQ(mv.view, "这个们说中文报告");
  const std::vector<uint32_t> each_character{0,  0,  0,  3,  3,  3,  6,  6,  6,  9,  9,  9,  12, 12, 12, 15, 15,
                                             15, 18, 18, 18, 21, 21, 21, 24};
  EXPECT_EQ(mv.view_to_text, each_character);
  EXPECT_EQ(mv.text_to_view, each_character);
}

// A run ends at each blank but a single space between plain ASCII bytes: "2020 年" after ASCII text
// still drops its space, "ab 中" keeps it.
TEST(NormalizeTest, LetterSpacingAfterAnAsciiRunSeesItsLastCharacter) {
  EXPECT_EQ(BuildMatchView("FY2020 年度").view, "FY2020年度");
  EXPECT_EQ(BuildMatchView("GRI ab 中文").view, "GRI ab 中文");
  EXPECT_EQ(BuildMatchView("中 a1 年").view, "中 a1年");
}

// A code point NFKC changes is normalized once per text and its form reused: random texts of
// full-width punctuation, digits and letters, a ligature, squared and circled forms, a superscript,
// a Roman numeral and half-width katakana, each many times, between ASCII, Han and a broken byte,
// give for each one ICU's NFKC of it alone (asked here), every byte of it mapped back to its first
// byte, and the next texts fold the same code points afresh.
TEST(NormalizeTest, EachCodePointNfkcChangesFoldsAsIcuFoldsItAlone) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto icu_alone = [&](const std::string& piece) {
    icu::UnicodeString folded;
    UErrorCode st = U_ZERO_ERROR;
    nfkc->normalize(icu::UnicodeString::fromUTF8(piece), folded, st);
    std::string utf8;
    folded.toUTF8String(utf8);
    return utf8;
  };
  const std::vector<std::string> changed = {"，", "（", "）", "：", "；", "１", "２", "Ａ", "ｂ", "ﬁ", "㎡", "①", "™", "²",
                                            "Ⅷ", "ｶ"};
  const std::vector<std::string> kept = {"a", "7", "-", "员工", "。", "、", "\x80"};
  std::mt19937 rng(45);
  size_t folded_pieces = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text, want;
    std::vector<std::pair<uint32_t, uint32_t>> at;  // (text offset, view offset) of each changed piece
    std::vector<std::string> forms;
    const int n = 1 + static_cast<int>(rng() % 60);
    for (int k = 0; k < n; ++k) {
      if (rng() % 3 != 0) {
        const std::string& p = changed[rng() % changed.size()];
        at.push_back({static_cast<uint32_t>(text.size()), static_cast<uint32_t>(want.size())});
        forms.push_back(icu_alone(p));
        text += p;
        want += forms.back();
      } else {
        const std::string& p = kept[rng() % kept.size()];
        text += p;
        want += p;
      }
    }
    const MatchView mv = BuildMatchView(text);
    ASSERT_EQ(mv.view, want) << text;
    for (size_t j = 0; j < at.size(); ++j) {
      EXPECT_EQ(mv.text_to_view[at[j].first], at[j].second) << text;
      for (size_t b = 0; b < forms[j].size(); ++b) EXPECT_EQ(mv.view_to_text[at[j].second + b], at[j].first) << text;
    }
    folded_pieces += at.size();
  }
  EXPECT_GT(folded_pieces, 3000u);
  EXPECT_EQ(BuildMatchView("，，ﬁ㎡").view, ",,fim2");
  EXPECT_EQ(BuildMatchView("㎡，").view, "m2,");
}

// Blank runs: random lines of an ASCII letter, digit and hyphen, Han, a full-width digit and runs of the four
// blanks (space, tab, U+3000, U+00A0) give the view and both maps the rule states, written out here:
// every byte of a run maps to the view offset where the run starts; a run without a tab narrower
// than 4 columns between CJK (or CJK and a digit, either way) on the same line is dropped; any other
// run stays, a tab as a tab and every other blank as one space, each mapped back to the blank's
// first byte.
TEST(NormalizeTest, BlankRunsAreDroppedOrKeptAsTheRuleSays) {
  struct Piece {
    std::string bytes;
    char32_t cp;
    std::string view;  // what the view holds for it outside a blank run
  };
  const std::vector<Piece> pieces = {{"a", U'a', "a"}, {"7", U'7', "7"}, {"-", U'-', "-"}, {"中", U'中', "中"},
                                     {"１", 0xff11, "1"}, {" ", U' ', ""},  {"\t", U'\t', ""},
                                     {"\xe3\x80\x80", 0x3000, ""}, {"\xc2\xa0", 0xa0, ""}, {"\n", U'\n', "\n"}};
  auto blank = [](char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xa0; };
  auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= 0xff10 && c <= 0xff19); };
  std::mt19937 rng(20261201);
  size_t dropped = 0;
  size_t kept = 0;
  size_t in_ascii = 0;  // single spaces between ASCII pieces: BuildMatchView copies them in its runs
  for (int round = 0; round < 20000; ++round) {
    std::vector<const Piece*> seq;
    const int count = static_cast<int>(rng() % (round % 4 == 0 ? 48 : 12));  // some long enough for eight-byte steps
    for (int k = 0; k < count; ++k) seq.push_back(&pieces[rng() % pieces.size()]);
    std::string text;
    for (const Piece* p : seq) text += p->bytes;
    std::string view;
    std::vector<uint32_t> to_text;
    std::vector<uint32_t> to_view(text.size() + 1, 0);
    char32_t prev = 0;
    uint32_t at = 0;  // text offset of seq[k]
    for (size_t k = 0; k < seq.size();) {
      if (!blank(seq[k]->cp)) {
        for (size_t b = 0; b < seq[k]->bytes.size(); ++b) to_view[at + b] = static_cast<uint32_t>(view.size());
        const bool ascii = seq[k]->cp < 0x80;
        for (size_t b = 0; b < seq[k]->view.size(); ++b) to_text.push_back(at + (ascii ? b : 0));
        view += seq[k]->view;
        prev = seq[k]->cp == U'\n' ? 0 : seq[k]->cp;
        at += static_cast<uint32_t>(seq[k]->bytes.size());
        ++k;
        continue;
      }
      size_t e = k;
      uint32_t width = 0;
      bool tab = false;
      for (; e < seq.size() && blank(seq[e]->cp); ++e) {
        width += seq[e]->cp == 0x3000 ? 2 : 1;
        tab = tab || seq[e]->cp == U'\t';
      }
      const char32_t next = e < seq.size() ? seq[e]->cp : 0;
      const bool spacing = !tab && width < 4 &&
                           ((IsCjk(static_cast<int32_t>(prev)) && (IsCjk(static_cast<int32_t>(next)) || digit(next))) ||
                            (digit(prev) && IsCjk(static_cast<int32_t>(next))));
      (spacing ? dropped : kept) += 1;
      in_ascii += e == k + 1 && seq[k]->cp == U' ' && k > 0 && seq[k - 1]->cp < 0x80 && seq[k - 1]->cp != U'\n' &&
                  next != 0 && next < 0x80 && next != U'\n';
      const uint32_t run_view = static_cast<uint32_t>(view.size());
      for (; k < e; ++k) {
        for (size_t b = 0; b < seq[k]->bytes.size(); ++b) to_view[at + b] = run_view;
        if (!spacing) {
          view += seq[k]->cp == U'\t' ? '\t' : ' ';
          to_text.push_back(at);
        }
        at += static_cast<uint32_t>(seq[k]->bytes.size());
      }
    }
    to_view[text.size()] = static_cast<uint32_t>(view.size());
    to_text.push_back(static_cast<uint32_t>(text.size()));
    const MatchView mv = BuildMatchView(text);
    ASSERT_EQ(mv.view, view) << text;
    ASSERT_EQ(mv.view_to_text, to_text) << text;
    ASSERT_EQ(mv.text_to_view, to_view) << text;
  }
  EXPECT_GT(dropped, 1000u);
  EXPECT_GT(kept, 1000u);
  EXPECT_GT(in_ascii, 500u);
}

// BuildMatchView as its contract (normalize.h) reads, one code point at a time: the script decided
// from the counts of the whole text, ICU's Traditional-Simplified fold of each code point alone in a
// text read as Traditional, the pairs' Traditional forms in any other but a Japanese one, the OCR
// confusions, NFKC of each code point alone, the blank runs; each byte of a code point maps to the
// view offset of its form, each byte of the form back to the code point's first byte.
class ReferenceMatchView {
 public:
  ReferenceMatchView() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_ = icu::Normalizer2::getNFKCInstance(status);
    to_simplified_.reset(icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  }

  MatchView Build(const std::string& text) {
    struct Cp {
      UChar32 c;
      int32_t at;
      int32_t len;
    };
    std::vector<Cp> cps;
    for (int32_t i = 0, n = static_cast<int32_t>(text.size()); i < n;) {
      const int32_t at = i;
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, n, c);
      cps.push_back({c < 0 ? 0xfffd : c, at, i - at});
    }
    std::map<UChar32, uint64_t> count;
    uint64_t han = 0;
    uint64_t kana = 0;
    for (const Cp& p : cps) {
      ++count[p.c];
      han += p.c >= 0x3400 && IsHanScript(p.c);
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(p.c, &status);
      const bool kana_block = (p.c >= 0x3040 && p.c < 0x3100) || (p.c >= 0x31f0 && p.c < 0x3200) ||
                              (p.c >= 0xff66 && p.c < 0xffa0);
      kana += kana_block && (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA);
    }
    uint64_t traditional_forms = 0;
    uint64_t simplified_forms = 0;
    std::map<UChar32, UChar32> pair_fold;
    for (const HanScriptPair& p : HanScriptPairs()) {
      traditional_forms += count[static_cast<UChar32>(p.traditional)];
      simplified_forms += count[static_cast<UChar32>(p.simplified)];
      pair_fold[static_cast<UChar32>(p.traditional)] = static_cast<UChar32>(p.simplified);
    }
    const bool japanese = ReadsAsJapanese(kana, han);
    const bool traditional = !japanese && ReadsAsTraditional(traditional_forms, simplified_forms);
    auto is_blank = [](UChar32 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xa0; };
    auto is_digit = [](UChar32 c) { return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19); };
    auto at = [&](size_t k) { return k < cps.size() ? cps[k].c : 0; };
    MatchView out;
    out.text_to_view.assign(text.size() + 1, 0);
    auto emit = [&](const Cp& p, const std::string& form) {
      for (int32_t b = 0; b < p.len; ++b) out.text_to_view[p.at + b] = static_cast<uint32_t>(out.view.size());
      out.view += form;
      out.view_to_text.insert(out.view_to_text.end(), form.size(), static_cast<uint32_t>(p.at));
    };
    auto utf8 = [](UChar32 c) {
      std::string s;
      icu::UnicodeString(c).toUTF8String(s);
      return s;
    };
    UChar32 prev = 0;
    for (size_t k = 0; k < cps.size();) {
      const Cp& p = cps[k];
      const std::string raw = text.substr(p.at, p.len);
      if (is_blank(p.c)) {
        size_t e = k;
        uint32_t width = 0;
        bool tab = false;
        for (; e < cps.size() && is_blank(cps[e].c); ++e) {
          width += cps[e].c == 0x3000 ? 2 : 1;
          tab = tab || cps[e].c == '\t';
        }
        const UChar32 next = at(e);
        const bool spacing = !tab && width < 4 &&
                             ((IsCjk(prev) && (IsCjk(next) || is_digit(next))) || (is_digit(prev) && IsCjk(next)));
        const uint32_t run = static_cast<uint32_t>(out.view.size());
        for (; k < e; ++k) {
          for (int32_t b = 0; b < cps[k].len; ++b) out.text_to_view[cps[k].at + b] = run;
          if (!spacing) {
            out.view += cps[k].c == '\t' ? '\t' : ' ';
            out.view_to_text.push_back(static_cast<uint32_t>(cps[k].at));
          }
        }
        continue;
      }
      ++k;
      if (p.c == '\r') {
        for (int32_t b = 0; b < p.len; ++b) out.text_to_view[p.at + b] = static_cast<uint32_t>(out.view.size());
        continue;
      }
      UChar32 form = p.c;
      if (p.c >= 0x3400 && IsHanScript(p.c)) {
        const UChar32 after = at(k);
        const UChar32 after2 = at(k + 1);
        static const std::u32string kRenWords = U"务何命职期意用免教课选性凭由一人重";
        if ((p.c == U'贵' || p.c == U'资') && after == U'任' &&
            (prev == U'会' || after2 == 0 || kRenWords.find(static_cast<char32_t>(after2)) == std::u32string::npos)) {
          form = U'责';
        } else if (p.c == U'俳' && after == U'放') {
          form = U'排';
        } else if (p.c == U'拔' && after == U'备') {
          form = U'拨';
        } else if (p.c == U'丨' && prev == U'R') {
          form = U'I';
        } else if (p.c == U'曰' && (is_digit(prev) || (after != 0 && std::u32string_view(U"常本期报益").find(
                                                                            static_cast<char32_t>(after)) != std::u32string_view::npos))) {
          form = U'日';
        } else if (p.c == U'坏' && after == U'境' &&
                   std::u32string_view(U"破损毁败").find(static_cast<char32_t>(prev)) == std::u32string_view::npos) {
          form = U'环';
        } else if (p.c == U'干' && (after == U'瓦' || (after == U'克' && (is_digit(prev) || after2 == U'/')))) {
          form = U'千';
        } else if (p.c == U'屮') {
          form = U'中';
        } else if (p.c == U'増') {
          form = U'增';
        } else if (p.c == U'歴') {
          form = U'历';
        } else if (traditional) {
          icu::UnicodeString u(p.c);
          to_simplified_->transliterate(u);
          if (u.countChar32() == 1) form = u.char32At(0);
        } else if (!japanese && pair_fold.count(p.c) != 0) {
          form = pair_fold[p.c];
        }
        emit(p, form == p.c ? raw : utf8(form));
      } else if (p.c < 0x80) {
        emit(p, raw);
      } else {
        icu::UnicodeString folded;
        UErrorCode status = U_ZERO_ERROR;
        nfkc_->normalize(icu::UnicodeString(p.c), folded, status);
        std::string s;
        folded.toUTF8String(s);
        emit(p, s == utf8(p.c) ? raw : s);
      }
      prev = p.c == '\n' || p.c == '\f' ? 0 : p.c;
    }
    out.text_to_view[text.size()] = static_cast<uint32_t>(out.view.size());
    out.view_to_text.push_back(static_cast<uint32_t>(text.size()));
    return out;
  }

 private:
  const icu::Normalizer2* nfkc_ = nullptr;
  std::unique_ptr<icu::Transliterator> to_simplified_;
};

// BuildMatchView is the reference above on random texts of the pieces a report holds (ASCII words,
// digits and blanks of every kind, line ends, Han characters of both blocks and outside them, the OCR
// confusions in and out of their contexts, both forms of the script pairs, other Traditional forms,
// full-width forms, kana, ill-formed and cut sequences), drawn so that some texts read as
// Simplified, some as Simplified with a few Traditional forms, some as Traditional and some as
// Japanese, and on pieces of the sample report.
TEST(NormalizeTest, BuildMatchViewIsTheCodePointReading) {
  ReferenceMatchView reference;
  const std::vector<std::string> common = {
      "中", "文", "报告", "环境", "员工", "社会", "责任", "排放", "年", "的", "一", "\xe3\x90\x80", "\xe4\xb6\xbf",
      "\xe4\xb7\x80", "\xe9\xbf\xbf", "\xef\xa4\x80", "\xf0\xa0\x80\x80", "\xe3\x80\x87", "。", "、", "》", "—"};
  const std::vector<std::string> ocr = {"俳", "放", "俳放", "拔备", "拔", "GR丨", "丨", "社会贵任", "贵任", "资任务",
                                        "宝贵任务", "资任", "任", "31曰", "曰常", "曰", "坏境", "破坏境", "坏",
                                        "増", "歴", "会", "干瓦", "亿干瓦时", "5干克", "干克/", "苦干克难", "干",
                                        "人员屮", "屮"};
  std::vector<std::string> traditional_pairs;
  std::vector<std::string> simplified_pairs;
  for (const HanScriptPair& p : HanScriptPairs()) {
    icu::UnicodeString(static_cast<UChar32>(p.traditional)).toUTF8String(traditional_pairs.emplace_back());
    icu::UnicodeString(static_cast<UChar32>(p.simplified)).toUTF8String(simplified_pairs.emplace_back());
  }
  const std::vector<std::string> other_traditional = {"範", "圍", "涵", "蓋", "著", "顯", "歲", "麼"};
  const std::vector<std::string> ascii = {"a", "GRI", "Scope 1", "2020", "7", "-", "x y", "AB  C", ".", "(", ")"};
  const std::vector<std::string> blanks = {" ", " ", "  ", "    ", "\t", "\xe3\x80\x80", "\xc2\xa0", "\r", "\n",
                                           "\f", "\r\n"};
  const std::vector<std::string> wide = {"，", "（", "）", "：", "１", "２", "０", "Ａ", "ｂ", "㎡", "①", "ﬁ", "²"};
  const std::vector<std::string> kana = {"の", "カ", "ー", "ｶ", "ア"};
  const std::vector<std::string> broken = {"\x80", "\xe4\xb8", "\xe4", "\xff", "\xed\xa0\x80", "\xe0\x80\x80",
                                           "\xc0\xaf", "\xf4\x90\x80\x80"};
  std::mt19937 rng(51);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  int traditional_texts = 0;
  int japanese_texts = 0;
  for (int round = 0; round < 3000; ++round) {
    const int mode = round % 4;  // 0 Simplified, 1 a few Traditional forms, 2 Traditional, 3 Japanese
    std::string text;
    const int count = mode == 3 ? 40 + static_cast<int>(rng() % 200) : 1 + static_cast<int>(rng() % (round % 5 == 0 ? 400 : 40));
    for (int k = 0; k < count; ++k) {
      const unsigned r = rng() % 100;
      if (r < 25) text += pick(common);
      else if (r < 35) text += pick(ocr);
      else if (r < 45) text += pick(simplified_pairs);
      else if (r < 55) text += mode >= 2 || (mode == 1 && rng() % 4 == 0) ? pick(traditional_pairs) : pick(common);
      else if (r < 60) text += mode == 2 ? pick(other_traditional) : pick(common);
      else if (r < 72) text += pick(ascii);
      else if (r < 84) text += pick(blanks);
      else if (r < 92) text += mode == 3 ? pick(kana) + pick(kana) + pick(kana) : pick(wide);
      else if (r < 97) text += mode == 3 ? pick(kana) + pick(kana) + pick(kana) : pick(common);
      else text += pick(broken);
    }
    const MatchView want = reference.Build(text);
    const MatchView got = BuildMatchView(text);
    ASSERT_EQ(got.view, want.view) << text;
    ASSERT_EQ(got.view_to_text, want.view_to_text) << text;
    ASSERT_EQ(got.text_to_view, want.text_to_view) << text;
    auto holds_a_traditional_form = [&](const std::string& s) {
      for (const std::string& t : traditional_pairs) {
        if (s.find(t) != std::string::npos) return true;
      }
      return false;
    };
    if (holds_a_traditional_form(text)) {
      traditional_texts += mode == 2 && !holds_a_traditional_form(got.view);
      japanese_texts += mode == 3 && holds_a_traditional_form(got.view);
    }
  }
  EXPECT_GT(traditional_texts, 100);
  EXPECT_GT(japanese_texts, 100);
  const std::string sample = testing::ReadFile(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"));
  for (size_t from = 0; from < sample.size(); from += 9973) {
    const std::string piece = sample.substr(from, 20011);  // cut anywhere, a sequence included
    const MatchView want = reference.Build(piece);
    const MatchView got = BuildMatchView(piece);
    ASSERT_EQ(got.view, want.view) << from;
    ASSERT_EQ(got.view_to_text, want.view_to_text) << from;
    ASSERT_EQ(got.text_to_view, want.text_to_view) << from;
  }
}

}  // namespace
}  // namespace esgaudit
