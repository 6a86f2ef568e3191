// The structure builders' gates of their expressions (core/src/analyse/structure_internal.h, gates):
// each test must be true wherever the expression it guards matches, so that running the expression
// only where the test holds gives the answers of running it everywhere. Random texts from pieces of
// numbered headings, year cells and unit captions, with near misses of each opening.
#include <gtest/gtest.h>

#include <esgaudit/text.h>

#include <algorithm>
#include <random>
#include <regex>
#include <utility>
#include <string>
#include <vector>

#include "analyse/structure_internal.h"
#include "analyse/structure_lines.h"

namespace esgaudit {
namespace {

constexpr auto kAnchored = std::regex_constants::match_continuous;

// The expressions the year cells and the header cells of periods were read with before
// PeriodLengthAt: a whole year cell, and a period wherever a search finds one.
const std::regex& YearExpression() {
  static const std::regex kYear(
      R"(^(?:fy\s*)?(?:19|20)\d\d\s*(?:年|年度|年末|年底)?(?:\s*(?:上半年|下半年|h1|h2|q[1-4]))?$)",
      std::regex::icase);
  return kYear;
}
const std::regex& PeriodExpression() {
  static const std::regex kPeriod(
      R"((?:fy\s*)?(?:19|20)\d\d\s*(?:年度|年末|年底|年)?(?:\s*(?:上半年|下半年|h1|h2|q[1-4]))?)",
      std::regex::icase);
  return kPeriod;
}

// PeriodPieces as it read a cell with PeriodExpression: the periods a search finds one after the
// other, with only spaces between them and after the last.
std::vector<std::pair<size_t, size_t>> PeriodRangesByExpression(std::string_view cell) {
  if (cell.size() > 120 || cell.empty() || !(IsAsciiDigit(cell.front()) || cell.front() == 'F' || cell.front() == 'f'))
    return {};
  std::vector<std::pair<size_t, size_t>> out;
  size_t at = 0;
  const std::string text(cell);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), PeriodExpression()); it != std::sregex_iterator();
       ++it) {
    const size_t b = static_cast<size_t>(it->position()), e = b + static_cast<size_t>(it->length());
    if (text.find_first_not_of(' ', at) != b) return {};
    if (!out.empty() && b == at && IsAsciiDigit(text[at - 1])) return {};
    size_t end = e;
    while (end > b && text[end - 1] == ' ') --end;
    out.emplace_back(b, end);
    at = e;
  }
  if (out.size() < 2 || text.find_first_not_of(' ', at) != std::string::npos) return {};
  return out;
}

// Half the texts open with one of `forms` (what the expression reads), the rest of each text is
// 0 to max_parts - 1 random pieces (near misses among them), before or after the form.
std::string RandomText(std::mt19937* rng, const std::vector<std::string>& forms,
                       const std::vector<std::string>& pieces, size_t max_parts) {
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::string s;
  if ((*rng)() % 2 == 0) s = forms[(*rng)() % forms.size()];
  const size_t parts = (*rng)() % max_parts;
  for (size_t p = 0; p < parts; ++p) {
    if ((*rng)() % 4 == 0)
      s = pieces[piece(*rng)] + s;
    else
      s += pieces[piece(*rng)];
  }
  // ASCII letters in either case (Year and Unit ignore case).
  for (char& c : s)
    if ((*rng)() % 3 == 0 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

const std::vector<std::string> kNumberForms = {
    "第一章", "第十二部分", "第3篇", "第二十章 ", "一、", "十一、", "(三)", "(十)", "(1)", "(12)",
    "1", "1.", "1.1", "2.3.4", "1.2.3.4", "12.1 ", "3、"};

// Openings of numbered headings and their near misses (弟 for 第, full-width digits and brackets,
// 〇 and 零, a blank or a letter before the number), then titles and punctuation.
const std::vector<std::string> kNumberPieces = {
    "第", "弟", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "两",
    "章", "部分", "篇", "节", "、", ",", "(", ")", "（", "）", "[", "1", "2", "9", "12", "123", "１",
    ".", "。", "%", " ", "\t", "公司治理", "环境", "GW", "a", "Chapter ", "Ⅰ", "-", "#"};

const std::vector<std::string> kYearForms = {"2021", "1999", "fy2022", "fy 2020", "2020年", "2019年度",
                                             "2021年末", "2018年底", "2021 h1", "2022年上半年", "2020q3"};

// Year cells and their near misses (18xx, 21xx, three or five digits, an F without its Y, other
// suffixes), then other cell text.
const std::vector<std::string> kYearPieces = {
    "fy",   "f",    "y",    "19",     "20",     "18",   "21",  "2",    "0",   "1",  "5",   "9",
    "00",   "22",   " ",    "年",     "年度",   "年末", "年底", "年初", "月",  "上半年", "下半年",
    "h1",   "h2",   "h3",   "q1",     "q4",     "q5",   "排放量", "total", "%",  "-",  "(",  "２０２１"};

const std::vector<std::string> kUnitForms = {"单位:吨", "单位 : 万元", "unit: tco2e", "(unit:mwh)", "单位:%"};

// Unit captions and near misses (单 位 split, units, an ASCII or no colon), inside longer lines.
const std::vector<std::string> kUnitPieces = {
    "单位", "单 位", "位", "unit", "units", "uni t", "community", ":", "：", " ", "吨", "万元", "%",
    "tco2e", "(", ")", ",", ";", "|", "二氧化碳排放", "2021", "排放量", "mwh", "人"};

TEST(StructureGatesTest, NumberOpeningHoldsWhereverANumberedHeadingMatches) {
  std::mt19937 rng(20261202);
  size_t titles = 0, sections[gates::kSectionNumbers] = {}, gated = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string s = RandomText(&rng, kNumberForms, kNumberPieces, 5);
    const bool open = gates::MayOpenNumber(s);
    gated += !open;
    if (std::regex_search(s, gates::NumberedTitle(), kAnchored)) {
      ASSERT_TRUE(open) << s;
      ++titles;
    }
    for (size_t k = 0; k < gates::kSectionNumbers; ++k) {
      if (std::regex_search(s, gates::SectionNumber(k), kAnchored)) {
        ASSERT_TRUE(open) << k << " " << s;
        ++sections[k];
      }
    }
  }
  // Each expression matches often enough for a wrong gate to show, and the gate turns most texts away.
  EXPECT_GT(titles, 3000u);
  for (size_t k = 0; k < gates::kSectionNumbers; ++k) EXPECT_GT(sections[k], 300u) << k;
  EXPECT_GT(gated, 20000u);
}

TEST(StructureGatesTest, NumberOpeningNearMisses) {
  for (const char* s : {"第一章 公司治理", "一、治理架构", "(一) 董事会", "(1) 组织", "1.1 组织架构", "十、展望"})
    EXPECT_TRUE(gates::MayOpenNumber(s)) << s;
  for (const char* s : {"", " 1.1 组织架构", "弟一章", "〇、", "（一）", "１.１", "Chapter 1", "章"})
    EXPECT_FALSE(gates::MayOpenNumber(s)) << s;
}

TEST(StructureGatesTest, YearGateHoldsWhereverTheYearExpressionMatches) {
  std::mt19937 rng(7);
  size_t years = 0, gated = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string s = RandomText(&rng, kYearForms, kYearPieces, 3);
    const bool may = gates::MayBeYear(s);
    gated += !may;
    if (std::regex_match(s, YearExpression())) {
      ASSERT_TRUE(may) << s;
      ++years;
    }
  }
  EXPECT_GT(years, 1000u);
  EXPECT_GT(gated, 20000u);
  for (const char* s : {"2021", "FY2022", "fy 2020", "2020年度", "2021年 H1", "1998年末"})
    EXPECT_TRUE(gates::MayBeYear(s) && std::regex_match(std::string(s), YearExpression())) << s;
  for (const char* s : {"", " 2021", "Y2021", "２０２１", "2021年 H1 2021年 H2 2021年 H1"})
    EXPECT_FALSE(gates::MayBeYear(s)) << s;
}

// Year cells, periods and their near misses for PeriodLengthAt: every blank std::regex's \s reads,
// letters of either case, the year words cut short, periods run together or apart.
const std::vector<std::string> kPeriodPieces = {
    "fy", "FY", "Fy", "f", "y", "19", "20", "2021", "1999", "18", "21", "2", "0", "1", "5", "9", "00", " ", "  ",
    "\t", "\n", "\r", "\v", "\f", "年", "年度", "年末", "年底", "年初", "度", "末", "月", "上半年", "下半年", "上半",
    "半年", "h1", "H2", "h3", "q1", "Q4", "q5", "q", "h", "排放量", "total", "%", "-", "２０２１", "\xE5\xB9"};

TEST(StructureGatesTest, PeriodLengthAtIsWhatThePeriodExpressionMatchesThere) {
  std::mt19937 rng(47);
  size_t periods = 0, positions = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::string s = RandomText(&rng, kYearForms, kPeriodPieces, 6);
    for (size_t at = 0; at <= s.size(); ++at) {
      std::smatch m;
      const bool found = std::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(at), s.cend(), m,
                                           PeriodExpression(), kAnchored);
      const size_t want = found ? static_cast<size_t>(m.length(0)) : 0;
      ASSERT_EQ(PeriodLengthAt(s, at), want) << "at " << at << " of \"" << s << "\"";
      periods += want != 0;
      ++positions;
    }
  }
  EXPECT_GT(periods, 10000u);
  EXPECT_GT(positions, 10 * periods);
}

TEST(StructureGatesTest, YearLikeIsTheWholeCellMatchingTheYearExpression) {
  std::mt19937 rng(48);
  size_t years = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string s = RandomText(&rng, kYearForms, kPeriodPieces, 4);
    const bool want = gates::MayBeYear(s) && std::regex_match(s, YearExpression());
    ASSERT_EQ(YearLike(s), want) << "\"" << s << "\"";
    years += want;
  }
  EXPECT_GT(years, 3000u);
  for (const char* s : {"2021", "FY2022", "fy 2020", "2020年度", "2021年 H1", "1998年末", "2021  ", "2022年上半年"})
    EXPECT_TRUE(YearLike(s)) << s;
  for (const char* s : {"", " 2021", "2021年度末", "fy", "20211", "2021年 H3", "2021年上半", "FY2021年 h1 x"})
    EXPECT_FALSE(YearLike(s)) << s;
}

TEST(StructureGatesTest, PeriodRangesAreThePeriodsTheExpressionFindsApart) {
  std::mt19937 rng(49);
  size_t headers = 0;
  const std::vector<std::string> forms = {"2015年 2016年", "2014年度 2015年度", "FY2021 FY2022", "2020 2021 ",
                                          "2021年 H1 2021年 H2", "2019 2020年上半年"};
  for (int round = 0; round < 40000; ++round) {
    std::string s = RandomText(&rng, kYearForms, kPeriodPieces, 7);
    if (round % 3 == 0) s = forms[rng() % forms.size()] + s;
    const auto want = PeriodRangesByExpression(s);
    ASSERT_EQ(PeriodRanges(s), want) << "\"" << s << "\"";
    headers += !want.empty();
  }
  EXPECT_GT(headers, 2000u);
  EXPECT_EQ(PeriodRanges("2015年 2016年"), (std::vector<std::pair<size_t, size_t>>{{0, 7}, {8, 15}}));
  EXPECT_TRUE(PeriodRanges("20152016").empty());
  EXPECT_TRUE(PeriodRanges("2015年 其他 2016年").empty());
}

TEST(StructureGatesTest, UnitGateHoldsWhereverTheUnitExpressionMatches) {
  std::mt19937 rng(11);
  size_t units = 0, gated = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string s = RandomText(&rng, kUnitForms, kUnitPieces, 6);
    const bool may = gates::MayHoldUnit(sdk::AsciiLower(s));
    gated += !may;
    std::smatch m;
    if (std::regex_search(s, m, gates::Unit())) {
      ASSERT_TRUE(may) << s;
      ++units;
    }
  }
  EXPECT_GT(units, 3000u);
  EXPECT_GT(gated, 10000u);
  EXPECT_TRUE(gates::MayHoldUnit(sdk::AsciiLower("(UNIT: tonnes)")));
  EXPECT_TRUE(gates::MayHoldUnit("单位:吨"));
  EXPECT_FALSE(gates::MayHoldUnit(sdk::AsciiLower("单 位:吨 UNI T:t")));
}

// Page numbers and their near misses (a dash, p, P, 第 or a digit not first; full-width digits).
const std::vector<std::string> kPageForms = {"- 12 -", "—3—", "–7–", "－5－", "P12", "p.3", "第12页", "第 3 页 共 47 页",
                                             "Page 12", "page 3 of 80", "12 / 80", "3/4"};
const std::vector<std::string> kPagePieces = {"-", "—", "–", "－", "p", "P", ".", "第", "页", "共", "age", " of ",
                                              "/", " ", "1", "12", "123", "１２", "a", "目录", "#", "(", "·"};

TEST(StructureGatesTest, PageNumberGateHoldsWhereverThePageNumberExpressionMatches) {
  std::mt19937 rng(13);
  size_t pages = 0, gated = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string s = RandomText(&rng, kPageForms, kPagePieces, 3);
    const bool may = lines::MayBeDecoratedPageNumber(s);
    gated += !may;
    if (std::regex_match(s, lines::DecoratedPageNumberExpression())) {
      ASSERT_TRUE(may) << s;
      ++pages;
    }
    ASSERT_EQ(lines::DecoratedPageNumber(s), may && std::regex_match(s, lines::DecoratedPageNumberExpression()));
  }
  EXPECT_GT(pages, 3000u);
  EXPECT_GT(gated, 10000u);
  for (const char* s : {"·12", "(12)", "目录 3", " 12 / 80", "１２"}) EXPECT_FALSE(lines::MayBeDecoratedPageNumber(s)) << s;
}

// DecoratedPageNumber reads the page number's expression without running it: the same answer on
// page numbers run together with every blank \s reads, digit runs of one to four, "age" and "of"
// with and without their blanks, and the marks of the other forms.
TEST(StructureGatesTest, DecoratedPageNumberIsWhereItsExpressionMatchesTheWholeText) {
  const std::vector<std::string> pieces = {"-", "—", "–", "－", "p", "P", ".", "第", "页", "共", "age", "Age", "of",
                                           " of ", "/", " ", "  ", "\t", "\v", "\r", "\n", "\f", "1", "12", "123",
                                           "1234", "0", "１２", "a", "·", "\xE2\x80"};
  std::mt19937 rng(147);
  size_t pages = 0;
  for (int round = 0; round < 80000; ++round) {
    const std::string s = RandomText(&rng, kPageForms, pieces, 5);
    const bool want = lines::MayBeDecoratedPageNumber(s) && std::regex_match(s, lines::DecoratedPageNumberExpression());
    ASSERT_EQ(lines::DecoratedPageNumber(s), want) << "\"" << s << "\"";
    pages += want;
  }
  EXPECT_GT(pages, 5000u);
  for (const char* s : {"- 12 -", "P12", "p. 3", "第 12 页 共 47 页", "Page\t12 of 80", "12/80", "—3－"})
    EXPECT_TRUE(lines::DecoratedPageNumber(s)) << s;
  for (const char* s : {"- 1234 -", "Page12", "page 12 of", "第12页共", "12 / ", "P 12 3", "page 3 of80"})
    EXPECT_FALSE(lines::DecoratedPageNumber(s)) << s;
}

// AssignRoles asks OpensNumberedTitle where it ran NumberedTitle anchored at the text's start: the
// same answer on numbered headings, their near misses and dotted numbers of every depth followed
// by blanks, dots, % or a title.
TEST(StructureGatesTest, OpensNumberedTitleIsWhereTheNumberedTitleExpressionMatches) {
  std::vector<std::string> pieces = kNumberPieces;
  for (const char* extra : {"\v", "\r", "\n", "0", "99", "1.1", ".1", ". ", "..", "1.1.1.1.1", "x", "\xE4\xB8"})
    pieces.push_back(extra);
  std::mt19937 rng(148);
  size_t titles = 0, tested = 0;
  for (int round = 0; round < 80000; ++round) {
    const std::string s = RandomText(&rng, kNumberForms, pieces, 6);
    const bool want = std::regex_search(s, gates::NumberedTitle(), kAnchored);
    ASSERT_EQ(gates::OpensNumberedTitle(s), want) << "\"" << s << "\"";
    titles += want;
    ++tested;
  }
  EXPECT_GT(titles, 8000u);
  EXPECT_GT(tested - titles, 8000u);
  for (const char* s : {"第一章 治理", "第12部分", "十一、", "(三)", "1 概述", "1.2.3.4 x", "12.1. 组织", "3、"})
    EXPECT_TRUE(gates::OpensNumberedTitle(s)) << s;
  for (const char* s : {"", "第章", "、", "()", "1.1", "123 x", "1.2.3.4.5 x", "1 %", "1. .x", "１ 概述"})
    EXPECT_FALSE(gates::OpensNumberedTitle(s)) << s;
}

// JoiningEnd reads the joining words and marks as the expression it replaced found them:
//   (?:^|[\s(])(?:and|or|of|in|for|to|the|by|from|with|per|on|at|as|&)$|[,\-/(]$   (case ignored)
TEST(StructureGatesTest, JoiningEndIsWhereItsExpressionMatches) {
  static const std::regex kJoining(R"((?:^|[\s(])(?:and|or|of|in|for|to|the|by|from|with|per|on|at|as|&)$|[,\-/(]$)",
                                   std::regex::icase);
  const std::vector<std::string> forms = {"Total emissions of", "Water used in the", "(scope 1,", "energy and",
                                          "a &", "per", "(for"};
  const std::vector<std::string> pieces = {"and", "or", "of", "in", "for", "to", "the", "by", "from", "with", "per",
                                           "on", "at", "as", "&", "hand", "x", "fr", "om", " ", "\t", "\v", "\r", "(",
                                           ")", ",", "-", "/", ".", "排放", "1", "\n", "AnD", "OF"};
  std::mt19937 rng(149);
  size_t joining = 0;
  for (int round = 0; round < 60000; ++round) {
    const std::string s = RandomText(&rng, forms, pieces, 5);
    const bool want = std::regex_search(s, kJoining);
    ASSERT_EQ(JoiningEnd(s), want) << "\"" << s << "\"";
    joining += want;
  }
  EXPECT_GT(joining, 10000u);
  EXPECT_GT(60000u - joining, 10000u);
  for (const char* s : {"Total emissions OF", "(scope 1,", "in", "x\tand", "a(the"}) EXPECT_TRUE(JoiningEnd(s)) << s;
  for (const char* s : {"", "hand", "Scope 1", "and.", "for x", "排放and"}) EXPECT_FALSE(JoiningEnd(s)) << s;
}

// EqualsWithoutSpaces answers as comparing a copy of s without its spaces and tabs: random texts of
// the link words' and unit words' pieces, spaces, tabs and near misses (a longer word, a digit).
TEST(StructureGatesTest, EqualsWithoutSpacesIsTheCompareOfTheCopyWithoutSpaces) {
  auto copy_without_spaces = [](std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != ' ' && c != '\t') out += c;
    return out;
  };
  const std::vector<std::string> pieces = {" ", "\t", "约", "共", "计", "超", "过", "千瓦时", "万", "5", "a", "\n"};
  const std::vector<std::string> words = {"约", "共计", "超过", "千瓦时", "万千瓦时", ""};
  std::mt19937 rng(33);
  size_t equal = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s = RandomText(&rng, words, pieces, 5);
    for (const std::string& w : words) {
      const bool expected = copy_without_spaces(s) == w;
      equal += expected;
      ASSERT_EQ(EqualsWithoutSpaces(s, w), expected) << "[" << s << "] [" << w << "]";
    }
  }
  EXPECT_GT(equal, 1000u);  // the equal case is drawn often enough to be tested
  EXPECT_TRUE(EqualsWithoutSpaces(" 共\t计 ", "共计"));
  EXPECT_FALSE(EqualsWithoutSpaces("共计", "共"));
  EXPECT_FALSE(EqualsWithoutSpaces("共", "共计"));
  EXPECT_FALSE(EqualsWithoutSpaces("共\n计", "共计"));  // only spaces and tabs are left out
}

// AllUnit's unit words are read with spaces and tabs left out; a word with more text is none.
TEST(StructureGatesTest, AllUnitReadsItsWordsWithoutSpaces) {
  for (const char* s : {"千瓦时", " 万 千瓦时\t", "万吨标准煤", "平方 米", "亿元", "%", "万人次"})
    EXPECT_TRUE(AllUnit(s)) << s;
  for (const char* s : {"", " ", "平方米。", "营业收入", "年用电量为 千瓦时", "万吨标准煤以上", "千瓦时\n"})
    EXPECT_FALSE(AllUnit(s)) << s;
}

// FindTables' space-joined rows: every row SpaceJoinedValues reads (with or without the other
// column's words after it, thousands in groups or not) holds two tokens in a row opening with a digit
// or a dash, so reading only such cells gives the same values and tail. Random cells of labels,
// figures with markers, dashes of three kinds, years, zero groups, control characters around
// tokens, double spaces, CJK and sentence ends; the empty cell and single tokens.
TEST(StructureGatesTest, SpaceJoinedRowsHoldTwoValueOpeningsInARow) {
  const std::vector<std::string> pieces = {
      "Scope", "Emissions", "(MMT)", "Region1", "total.", "Oil", "(exc.", "a", "Canada", "n/a", "中文", "；",
      "1", "15", "000", "015", "2019", "2020", "2021", "2030", "1,234", "12.5%", "23,896(A)", "26,032*", "0.5",
      "-", "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA2", "\x07" "12", "34\x07", "\x07", "-5", "(previously",
      "2023.", "YoY%", ""};
  std::mt19937 rng(4814);
  size_t rows = 0, spared = 0;
  std::vector<std::string> cells = {"", "1", "1 2", "- -", "\xE2\x80\x94 1", "Scope 1 2", "Scope 1  2"};
  for (int k = 0; k < 150000; ++k) {
    std::string cell;
    const size_t n = rng() % 9;
    for (size_t t = 0; t < n; ++t) {
      if (t > 0) cell += rng() % 10 == 0 ? "  " : " ";
      cell += pieces[rng() % pieces.size()];
    }
    cells.push_back(cell);
  }
  for (const std::string& cell : cells) {
    for (bool space_groups : {false, true}) {
      size_t tail_read = 7, tail_tested = 7;
      const auto read = tables::SpaceJoinedValueSpans(cell, &tail_read, space_groups, /*tested=*/false);
      const auto tested = tables::SpaceJoinedValueSpans(cell, &tail_tested, space_groups, /*tested=*/true);
      const bool gate = tables::TwoValueOpeningsInARow(cell);
      if (!read.empty()) {
        ++rows;
        EXPECT_TRUE(gate) << cell;
      } else if (!gate) {
        ++spared;
      }
      ASSERT_EQ(tested, read) << cell;
      ASSERT_EQ(tail_tested, tail_read) << cell;
      // Without a tail (the rows at the end of the line only).
      ASSERT_EQ(tables::SpaceJoinedValueSpans(cell, nullptr, space_groups, true),
                tables::SpaceJoinedValueSpans(cell, nullptr, space_groups, false))
          << cell;
    }
  }
  EXPECT_GT(rows, 5000u);
  EXPECT_GT(spared, 100000u);
}

// EndsNearAFourDigitWord against the former read of the last two words by rfind, on random cells of
// words of 3 to 5 digits (around four), four digits glued to letters or CJK, spaces at either end
// and doubled, lines without spaces of any length (ASCII and multi-byte), and the empty cell.
TEST(StructureGatesTest, EndsNearAFourDigitWordIsWhatTheLastTwoWordsSay) {
  auto by_rfind = [](std::string_view cell) {
    size_t end = cell.size();
    for (int word = 0; word < 2; ++word) {
      while (end > 0 && cell[end - 1] == ' ') --end;
      if (end == 0) return false;
      const size_t space = cell.rfind(' ', end - 1);
      const size_t begin = space == std::string_view::npos ? 0 : space + 1;
      const std::string_view w = cell.substr(begin, end - begin);
      if (w.size() == 4 && std::all_of(w.begin(), w.end(), IsAsciiDigit)) return true;
      end = begin;
    }
    return false;
  };
  const std::vector<std::string> pieces = {"2021", "202", "20211", "1999", "0000", "a2021", "2021a", "年2021",
                                           "2021年", "YoY%", "change", "排放量", "x", "12345678", "", "中"};
  std::mt19937 rng(4815);
  size_t yes = 0, no = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string cell;
    if (rng() % 4 == 0) cell += " ";
    const size_t n = rng() % 6;
    for (size_t k = 0; k < n; ++k) {
      if (k > 0) cell += rng() % 5 == 0 ? "" : rng() % 6 == 0 ? "  " : " ";
      cell += pieces[rng() % pieces.size()];
    }
    if (rng() % 4 == 0) cell += rng() % 2 ? " " : "  ";
    const bool expected = by_rfind(cell);
    ASSERT_EQ(tables::EndsNearAFourDigitWord(cell), expected) << "[" << cell << "]";
    (expected ? yes : no) += 1;
  }
  EXPECT_GT(yes, 20000u);
  EXPECT_GT(no, 20000u);
}

}  // namespace
}  // namespace esgaudit
