// Numeric fact extraction on real fragments of the sample report (samples/yunnan-aluminium-2020-csr.txt),
// layout kept: split labels, chart labels, letter-spacing, full-width forms. Each test compares
// whole fact records rendered one per line.
#include "esgaudit/facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "esgaudit/document.h"
#include "esgaudit/units.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

const char* KindName(esgaudit_fact_kind k) {
  switch (k) {
    case ESGAUDIT_FACT_QUANTITY: return "quantity";
    case ESGAUDIT_FACT_PERCENT: return "percent";
    case ESGAUDIT_FACT_YEAR: return "year";
    case ESGAUDIT_FACT_DATE: return "date";
    case ESGAUDIT_FACT_ORDINAL: return "ordinal";
    case ESGAUDIT_FACT_CODE: return "code";
  }
  return "?";
}

std::string Qualifiers(uint32_t q) {
  std::string out;
  if (q & ESGAUDIT_QUAL_APPROX) out += "~";
  if (q & ESGAUDIT_QUAL_MORE) out += ">";
  if (q & ESGAUDIT_QUAL_LESS) out += "<";
  if (q & ESGAUDIT_QUAL_NEGATIVE) out += "-";
  return out.empty() ? "" : " q=" + out;
}

// line:column kind value(printed,decimals,magnitude) unit/unit_text [qualifiers] "span" label|column
std::string Render(const Document& doc, const NumericFact& f) {
  char num[128];
  std::snprintf(num, sizeof num, "%g(%g,%d,%g)", f.value, f.printed, f.decimals, f.magnitude);
  return std::to_string(f.line + 1) + ":" + std::to_string(f.column) + " " + KindName(f.kind) +
         " " + num + " " + f.unit.str() + "/" + f.unit_text.str() + Qualifiers(f.qualifiers) + " \"" +
         doc.text().substr(f.offset, f.length) + "\" " + f.label.str() + "|" + f.column_label.str();
}

std::vector<std::string> Facts(const std::string& text) {
  Document doc = Document::FromUtf8("fragment.txt", text);
  std::vector<std::string> out;
  for (const NumericFact& f : doc.facts()) out.push_back(Render(doc, f));
  return out;
}

using Lines = std::vector<std::string>;

// The margin's vertical "2" (of 云铝股份2020社会责任报告 printed one character per line) is kept as a
// bare quantity: nothing on its line tells it apart.
TEST(FactsTest, YearThenCountWithLabelBetween) {
  EXPECT_EQ(Facts("    2            员工是公司发展的宝贵财富。我们坚持"
                  "                                       2020年招聘新员工740人\n"),
            (Lines{"1:5 quantity 2(2,0,1) / \"2\" |",
                   "1:91 year 2020(2020,0,1) / \"2020年\" 招聘新员工|",
                   "1:107 quantity 740(740,0,1) 人/人 \"740人\" 招聘新员工|"}));
}

TEST(FactsTest, LabelSplitOverTwoLinesInOneColumn) {
  // 申请专 / 利89项: the label continues on the next line, in the same display columns.
  EXPECT_EQ(Facts("                                   申请专"
                  "                                            截  至  2020 年\n"
                  "\n"
                  "                                  利89项"
                  "                                       底，公司及所属各\n"),
            (Lines{"1:94 year 2020(2020,0,1) / \"2020 年\" 截至|",
                   "3:37 quantity 89(89,0,1) 项/项 \"89项\" 利|申请专利"}));
}

// Three columns side by side: two infographic labels split over two lines (a column label each) and
// a prose sentence wrapped inside 申请 (its label joined across the lines, ALabelWrappedInside…).
TEST(FactsTest, SideBySideSplitLabels) {
  EXPECT_EQ(Facts("                  发明专                                 实用新"
                  "                    司及所属各企业申\n"
                  "                  利28项                               型61项"
                  "                    请专利89项。\n"),
            (Lines{"2:21 quantity 28(28,0,1) 项/项 \"28项\" 利|发明专利",
                   "2:58 quantity 61(61,0,1) 项/项 \"61项\" 型|实用新型",
                   "2:88 quantity 89(89,0,1) 项/项 \"89项\" 司及所属各企业申请专利|"}));
}

TEST(FactsTest, PieChartLabelsAboveTheirPercentages) {
  EXPECT_EQ(Facts("                             2020年                                   女\n"
                  "\n"
                  "                                                                    21%\n"),
            (Lines{"1:30 year 2020(2020,0,1) / \"2020年\" |",
                   "3:69 percent 21(21,0,1) %/% \"21%\" |女"}));
}

TEST(FactsTest, ChartLabelOffsetFromItsNumber) {
  // 大专 sits one line above 361人 but to its left; it is the nearest label of that number.
  EXPECT_EQ(Facts("    任                                                               大专\n"
                  "    报       况等因素产生歧视行为，坚持同工同酬，及"
                  "                                    361人                                 本科以上\n"
                  "\n"
                  "            时与新招录员工签订劳动合同，并足额购买"
                  "                                                                          379人\n"),
            (Lines{"2:88 quantity 361(361,0,1) 人/人 \"361人\" |大专",
                   "4:125 quantity 379(379,0,1) 人/人 \"379人\" |本科以上"}));
}

// A label runs back from its figure to the nearest stop (punctuation, brackets, quotes, bullets),
// and forward from it to the next when nothing stands before it: every stop cuts a label of Han
// characters, and of Latin letters, on either side of it (the reader tests Han and letters first,
// without searching its list of stops).
TEST(FactsTest, EveryStopCutsALabelOfHanOrLetters) {
  for (std::string stop : {"，", ",", "。", "；", ";", "：", ":", "、", "(", ")", "（", "）", "【", "】", "[",
                           "]", "《", "》", "〈", "〉", "“", "”", "\"", "'", "‘", "’", "!", "?", "！", "？",
                           "|", "/", "·", "•", "●", "◆", "■", "□", "▪"}) {
    std::vector<std::string> facts = Facts("前文字样" + stop + "用水总量12吨\n");
    ASSERT_EQ(facts.size(), 1u) << stop;
    EXPECT_EQ(facts[0].substr(facts[0].find("\" ") + 2), "用水总量|") << stop;
    facts = Facts("Intro words" + stop + "water 12 t\n");
    ASSERT_EQ(facts.size(), 1u) << stop;
    EXPECT_EQ(facts[0].substr(facts[0].find("\" ") + 2), "water|") << stop;
    facts = Facts("12吨用水" + stop + "其他文字\n");
    ASSERT_EQ(facts.size(), 1u) << stop;
    EXPECT_EQ(facts[0].substr(facts[0].find("\" ") + 2), "用水|") << stop;
  }
}

// A figure without a label gets none, not the figure's beside it nor a heading far above.
TEST(FactsTest, AFigureWithoutALabelGetsNone) {
  std::vector<std::string> facts = Facts("员工培训\n"
                                         "\n"
                                         "\n"
                                         "\n"
                                         "                                                        361人\n");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].substr(facts[0].size() - 1), "|") << facts[0];
  facts = Facts("    12,375人        98%\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].substr(facts[0].size() - 1), "|") << facts[0];
  EXPECT_EQ(facts[1].substr(facts[1].size() - 1), "|") << facts[1];
}

TEST(FactsTest, LetterSpacedQuantityWithQualifier) {
  EXPECT_EQ(Facts("          队；拥 有各 类专 业 技术人员\n"
                  "\n"
                  "          4600余   人  。其   中  ，高    级  职  称\n"),
            (Lines{"3:11 quantity 4600(4600,0,1) 人/人 q=> \"4600余   人\" |"}));
}

TEST(FactsTest, DatesAreNotQuantities) {
  EXPECT_EQ(Facts("              本报告时间范围为2020年1月1日至2020年12月31日。\n"),
            (Lines{"1:31 date 2.02001e+07(2020,0,1) / \"2020年1月1日\" 本报告时间范围|",
                   "1:45 date 2.02012e+07(2020,0,1) / \"2020年12月31日\" 至|"}));
}

TEST(FactsTest, StandardsPhoneNumbersAndStockCodesAreCodes) {
  EXPECT_EQ(Facts("国家标准委GB/T36000《社会责任指南》、 GB/T 36001-2015\n"
                  "              传       真：0871－67455605\n"
                  "           易所改制上市（股票代码：000807），\n"),
            (Lines{"1:15 code 36000(36000,0,1) / \"36000\" T|",
                   "1:44 code 36001(36001,0,1) / \"36001-2015\" T|",
                   "2:28 code 871(871,0,1) / \"0871－67455605\" |",
                   "3:36 code 807(807,0,1) / \"000807\" |"}));
}

TEST(FactsTest, MagnitudesUnitsAndPercentages) {
  EXPECT_EQ(Facts("云铝加快实施了昭通70万吨绿色铝项目，实现利润9.03亿元，均为 100%，占比 21 %\n"),
            (Lines{"1:19 quantity 700000(70,0,10000) 吨/万吨 \"70万吨\" 云铝加快实施了昭通|",
                   "1:45 quantity 9.03e+08(9.03,2,1e+08) 元/亿元 \"9.03亿元\" 实现利润|",
                   "1:60 percent 100(100,0,1) %/% \"100%\" 均|",
                   "1:71 percent 21(21,0,1) %/% \"21 %\" 占比|"}));
}

// 对 counts pairs only where no object follows it: before punctuation, a tab or the line's end. Before
// a word (对新员工) or a digit (1对1) it is the preposition, and a tab before it parts it from the figure.
TEST(FactsTest, PairsAreCountedOnlyWhereNoWordFollows) {
  EXPECT_EQ(Facts("每日开行列车253对，其中城际列车102对（含备用车20对）、直通车13对\n"
                  "开展1对1帮扶，3对新员工进行辅导\n"
                  "25\t对供应商的管理\n"),
            (Lines{"1:13 quantity 253(253,0,1) 对/对 \"253对\" 每日开行列车|",
                   "1:32 quantity 102(102,0,1) 对/对 \"102对\" 城际列车|",
                   "1:47 quantity 20(20,0,1) 对/对 \"20对\" 含备用车|",
                   "1:61 quantity 13(13,0,1) 对/对 \"13对\" 直通车|",
                   "2:5 quantity 1(1,0,1) / \"1\" 开展|",
                   "2:8 quantity 1(1,0,1) / \"1\" 对|",
                   "2:15 quantity 3(3,0,1) / \"3\" 对新员工进行辅导|",
                   "3:1 quantity 25(25,0,1) / \"25\" |"}));
}

// 尾 counts fish (fry released: 320万尾) only where no word follows it, as 对: before a word it opens
// one (尾款, 尾气, 尾矿).
TEST(FactsTest, FishAreCountedOnlyWhereNoWordFollows) {
  EXPECT_EQ(Facts("共投放鱼苗320万尾，其中鲤鱼45.7万尾\n"
                  "剩余5万尾款年底结清，达到国5尾气标准\n"),
            (Lines{"1:11 quantity 3.2e+06(320,0,10000) 尾/万尾 \"320万尾\" 共投放鱼苗|",
                   "1:28 quantity 457000(45.7,1,10000) 尾/万尾 \"45.7万尾\" 鲤鱼|",
                   "2:5 quantity 50000(5,0,10000) /万 \"5万\" 剩余|",
                   "2:28 quantity 5(5,0,1) / \"5\" 达到国|"}));
}

// 处 counts sites, except where it opens a word (处于, 处理, 处罚).
TEST(FactsTest, SitesAreCountedUnlessTheClassifierOpensAWord) {
  EXPECT_EQ(Facts("排查隐患85处，整改83处，其中3处于试运行阶段，2处罚款\n"),
            (Lines{"1:9 quantity 85(85,0,1) 处/处 \"85处\" 排查隐患|",
                   "1:19 quantity 83(83,0,1) 处/处 \"83处\" 整改|",
                   "1:29 quantity 3(3,0,1) / \"3\" 处于试运行阶段|",
                   "1:46 quantity 2(2,0,1) / \"2\" 处罚款|"}));
}

// 股 counts shares, also after a share class (H股70,702万股); a bare number after the class is a stock
// code; 股东, 股份 after a number are words.
TEST(FactsTest, SharesAreCountedAndAShareClassBeforeACodeStaysACode) {
  EXPECT_EQ(Facts("总股本336,702万股，H股70,702万股，回购A股88,692,299股，持有3.89亿股股份\n"
                  "股票代码：A股600011，H股902；政府等4股东，10股份\n"),
            (Lines{"1:7 quantity 3.36702e+09(336702,0,10000) 股/万股 \"336,702万股\" 总股本|",
                   "1:23 quantity 7.0702e+08(70702,0,10000) 股/万股 \"70,702万股\" H股|",
                   "1:42 quantity 8.86923e+07(8.86923e+07,0,1) 股/股 \"88,692,299股\" 回购A股|",
                   "1:60 quantity 3.89e+08(3.89,2,1e+08) 股/亿股 \"3.89亿股\" 持有|",
                   "2:14 code 600011(600011,0,1) / \"600011\" A股|",
                   "2:25 code 902(902,0,1) / \"902\" H股|",
                   "2:36 quantity 4(4,0,1) / \"4\" 政府等|",
                   "2:43 quantity 10(10,0,1) / \"10\" 股份|"}));
}

// 封 counts letters, mails and bills, except where it opens a word (封面, 封闭); a year before 封面
// stays a year.
TEST(FactsTest, LettersAreCountedUnlessTheClassifierOpensAWord) {
  EXPECT_EQ(Facts("信用卡账单总量1.61亿封，收到感谢信8封；2022封面报道，3封闭管理\n"),
            (Lines{"1:15 quantity 1.61e+08(1.61,2,1e+08) 封/亿封 \"1.61亿封\" 信用卡账单总量|",
                   "1:35 quantity 8(8,0,1) 封/封 \"8封\" 收到感谢信|",
                   "1:40 year 2022(2022,0,1) / \"2022\" 封面报道|",
                   "1:54 quantity 3(3,0,1) / \"3\" 封闭管理|"}));
}

// 兀, the OCR of 元, after a figure is a sum of money, with or without a magnitude; before a figure
// (公兀, the OCR of 公元) or inside a word (突兀) it is none.
TEST(FactsTest, TheOcrOfYuanAfterAFigureIsMoney) {
  EXPECT_EQ(Facts("捐款50万兀，每股0.62兀，共170651兀；公兀265年，3突兀\n"),
            (Lines{"1:5 quantity 500000(50,0,10000) 元/万兀 \"50万兀\" 捐款|",
                   "1:17 quantity 0.62(0.62,2,1) 元/兀 \"0.62兀\" 每股|",
                   "1:27 quantity 170651(170651,0,1) 元/兀 \"170651兀\" 共|",
                   "1:41 quantity 265(265,0,1) / \"265\" 公兀|",
                   "1:48 quantity 3(3,0,1) / \"3\" 突兀|"}));
}

// 佘, the OCR of 余, between a figure and its unit (a magnitude before or after it, a space on either
// side) is "more than", as 余 is; the surname and the place (佘山) stay words: after a figure with no
// unit following (3佘山, 10万佘山), and anywhere else.
TEST(FactsTest, TheOcrOfYuAfterAFigureIsMoreThan) {
  EXPECT_EQ(Facts("售出270佘只，投入1684佘万元，筹集5万佘元，共2860 佘辆，开展40佘 次；"
                  "佘山有3佘山居民，10万佘山游客，佘先生捐8台\n"),
            (Lines{"1:5 quantity 270(270,0,1) 只/只 q=> \"270佘只\" 售出|",
                   "1:18 quantity 1.684e+07(1684,0,10000) 元/佘万元 q=> \"1684佘万元\" 投入|",
                   "1:34 quantity 50000(5,0,10000) 元/万佘元 q=> \"5万佘元\" 筹集|",
                   "1:45 quantity 2860(2860,0,1) 辆/辆 q=> \"2860 佘辆\" 共|",
                   "1:60 quantity 40(40,0,1) 次/次 q=> \"40佘 次\" 开展|",
                   "1:75 quantity 3(3,0,1) / \"3\" 佘山有|",
                   "1:86 quantity 100000(10,0,10000) /万 \"10万\" 佘山游客|",
                   "1:108 quantity 8(8,0,1) 台/台 \"8台\" 佘先生捐|"}));
}

// 只 counts funds, bonds and animals, except where it opens 只是, 只有, 只要 ... ("only").
TEST(FactsTest, FundsAreCountedUnlessTheClassifierOpensAWord) {
  EXPECT_EQ(Facts("管理债券基金38只，其中新发行7只；捐赠种羊120只。ISO9001只是起点，3只有\n"),
            (Lines{"1:13 quantity 38(38,0,1) 只/只 \"38只\" 管理债券基金|",
                   "1:29 quantity 7(7,0,1) 只/只 \"7只\" 新发行|",
                   "1:42 quantity 120(120,0,1) 只/只 \"120只\" 捐赠种羊|",
                   "1:52 code 9001(9001,0,1) / \"9001\" ISO|",
                   "1:66 quantity 3(3,0,1) / \"3\" 只有|"}));
}

// Colloquial area and volume: 平米 is square metres, 立方 (without 米) cubic metres, 毫升 millilitres;
// 立方米 stays the longer form.
TEST(FactsTest, ColloquialAreaAndVolumeUnits) {
  EXPECT_EQ(Facts("绿化面积8.94万平米，草坪1500平米；节约天然气46.1万立方，用水20立方米；献血13050毫升\n"),
            (Lines{"1:9 quantity 89400(8.94,2,10000) m2/万平米 \"8.94万平米\" 绿化面积|",
                   "1:25 quantity 1500(1500,0,1) m2/平米 \"1500平米\" 草坪|",
                   "1:45 quantity 461000(46.1,1,10000) m3/万立方 \"46.1万立方\" 节约天然气|",
                   "1:61 quantity 20(20,0,1) m3/立方米 \"20立方米\" 用水|",
                   "1:75 quantity 13050(13050,0,1) mL/毫升 \"13050毫升\" 献血|"}));
}

TEST(FactsTest, FullWidthDigitsAndSeparators) {
  EXPECT_EQ(Facts("员工总数１２，３７５人，研发投入约１．５亿元，节电3,456.7千瓦时\n"),
            (Lines{"1:9 quantity 12375(12375,0,1) 人/人 \"１２，３７５人\" 员工总数|",
                   "1:35 quantity 1.5e+08(1.5,1,1e+08) 元/亿元 q=~ \"１．５亿元\" 研发投入|",
                   "1:51 quantity 3456.7(3456.7,1,1) kWh/千瓦时 \"3,456.7千瓦时\" 节电|"}));
}

TEST(FactsTest, EnglishQuantities) {
  EXPECT_EQ(Facts("We employ approximately 1,200 employees and emitted 12.5 million tCO2e in FY2022.\n"),
            (Lines{"1:25 quantity 1200(1200,0,1) 人/employees q=~ \"1,200 employees\" We employ|",
                   "1:53 quantity 1.25e+07(12.5,1,1e+06) tCO2e/million tCO2e \"12.5 million tCO2e\" and emitted|",
                   "1:77 year 2022(2022,0,1) / \"2022\" in FY|"}));
}


// "bn" is billion, as English financial text abbreviates it ("€11.8 bn of which €2.3 bn"); a word
// that only starts with it is no magnitude.
TEST(FactsTest, BnAfterAFigureIsBillion) {
  const Lines facts = Facts("Green bonds stood at €11.8 bn of which €2.3bn, and 4 bnx.\n");
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_NE(facts[0].find("quantity 1.18e+10(11.8,1,1e+09) EUR"), std::string::npos) << facts[0];
  EXPECT_NE(facts[0].find("\"11.8 bn\""), std::string::npos) << facts[0];
  EXPECT_NE(facts[1].find("quantity 2.3e+09(2.3,1,1e+09) EUR"), std::string::npos) << facts[1];
  EXPECT_NE(facts[2].find("quantity 4(4,0,1)"), std::string::npos) << facts[2];
}
// A unit is tried only where its first code point stands: a Latin one after at most one space, in
// any case, ending a word; near misses take none.
TEST(FactsTest, UnitsStartWhereTheirFirstCodePointStands) {
  auto unit = [](const std::string& text) {
    Document doc = Document::FromUtf8("fragment.txt", text + "\n");
    return doc.facts().empty() ? std::string("-") : doc.facts()[0].unit.str() + "/" + doc.facts()[0].unit_text.str();
  };
  EXPECT_EQ(unit("Energy 5 MWh used"), "MWh/MWh");
  EXPECT_EQ(unit("Energy 5 mwh used"), "MWh/MWh");
  EXPECT_EQ(unit("Energy 5kWh used"), "kWh/kWh");
  EXPECT_EQ(unit("Waste 7 Tonnes sent"), "吨/tonnes");
  EXPECT_EQ(unit("Waste 7 t sent"), "吨/t");
  EXPECT_EQ(unit("节电5千瓦时"), "kWh/千瓦时");
  EXPECT_EQ(unit("Energy 5  MWh used"), "/");  // two spaces
  EXPECT_EQ(unit("Energy 5 MWhz used"), "/");  // no word end
  EXPECT_EQ(unit("Energy 5"), "/");            // the line's end
}

// Tab-separated table rows: a unit in the next cell is not the number's unit, and a span never
// ends in the tab after its unit.
TEST(FactsTest, TabSeparatedCellsStayApart) {
  std::vector<std::string> facts = Facts("董事会\t6次\t由三名董事组成\n学校\t2\t所\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_NE(facts[0].find("\"6次\""), std::string::npos) << facts[0];
  EXPECT_NE(facts[0].find(" 次/次 "), std::string::npos) << facts[0];
  EXPECT_NE(facts[1].find("\"2\""), std::string::npos) << facts[1];
  EXPECT_NE(facts[1].find(" quantity 2(2,0,1) / "), std::string::npos) << facts[1];
}

// English head counts: "300 women" and "880 men" are counts of people, like "1,200 employees".
TEST(FactsTest, EnglishPeopleCounts) {
  EXPECT_EQ(Facts("1,200 employees, of which 300 women and 880 men.\n"),
            (Lines{"1:1 quantity 1200(1200,0,1) 人/employees \"1,200 employees\" |",
                   "1:27 quantity 300(300,0,1) 人/women \"300 women\" of which|",
                   "1:41 quantity 880(880,0,1) 人/men \"880 men\" and|"}));
}

// Cells are the structure model's: a number opening a cell after a tab is a list marker like one
// opening the line, unless the dot is an OCR-split decimal ("384. 96"), which is the figure's.
TEST(FactsTest, ListMarkersOpenAModelCell) {
  std::vector<std::string> facts = Facts("1.年度安全生产事故总量（起）\t2.安全教育培训\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_NE(facts[0].find(" ordinal 1("), std::string::npos) << facts[0];
  EXPECT_NE(facts[1].find(" ordinal 2("), std::string::npos) << facts[1];
  facts = Facts("垃圾焚烧量（万吨）\t384. 96\t308. 53\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_NE(facts[0].find(" quantity 384.96(384.96,2,1) "), std::string::npos) << facts[0];
  EXPECT_NE(facts[1].find(" quantity 308.53(308.53,2,1) "), std::string::npos) << facts[1];
}

// Stacked figures take the labels the model pairs them with, a long one too: the next figure's
// label below is not taken instead.
TEST(FactsTest, StackedFiguresTakeTheModelsLabels) {
  std::vector<std::string> facts = Facts("归属于上市公司股东的所有者权益\n843.57亿元\n营业收入\n169.17亿元\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_NE(facts[0].find("\" |归属于上市公司股东的所有者权益"), std::string::npos) << facts[0];
  EXPECT_NE(facts[1].find("\" |营业收入"), std::string::npos) << facts[1];
}

// An HTML table on one line: each figure is a cell of its own, and tags are no label.
TEST(FactsTest, HtmlTagsAreNoLabel) {
  EXPECT_EQ(Facts("<table><tr><td>工伤人数</td><td>22</td></tr><tr><td>受训人数</td><td>1,446</td></tr></table>\n"),
            (Lines{"1:33 quantity 22(22,0,1) / \"22\" |", "1:70 quantity 1446(1446,0,1) / \"1,446\" |"}));
}

// 余/多 before a magnitude ("90余万元") and 支 (teams) are quantities with their unit.
TEST(FactsTest, ApproximateMagnitudesAndTeams) {
  std::vector<std::string> facts = Facts("投资总额90余万元，培训50多万人次，参赛队伍28支。\n");
  ASSERT_EQ(facts.size(), 3u);
  EXPECT_NE(facts[0].find(" quantity 900000(90,0,10000) 元/余万元 q=> "), std::string::npos) << facts[0];
  EXPECT_NE(facts[1].find(" 人次/多万人次 q=> "), std::string::npos) << facts[1];
  EXPECT_NE(facts[2].find(" quantity 28(28,0,1) 支/支 "), std::string::npos) << facts[2];
}

// A figure in a model table gets its column's header, not the line above it: not a group title
// standing over the row ("按学历划分"), not the figures of the row above; years head a time series.
TEST(FactsTest, ATableCellGetsItsColumnHeader) {
  EXPECT_EQ(Facts("指标\t男\t女\n"
                  "员工总数\t500\t300\n"
                  "按学历划分\t\t\n"
                  "本科\t200\t100\n"),
            (Lines{"2:17 quantity 500(500,0,1) / \"500\" |男", "2:25 quantity 300(300,0,1) / \"300\" |女",
                   "4:9 quantity 200(200,0,1) / \"200\" |男", "4:17 quantity 100(100,0,1) / \"100\" |女"}));
  // No title over the row labels: the header's first cell heads the first column of figures.
  std::vector<std::string> facts = Facts("\t2019年\t2020年\n员工总数（人）\t1200\t1250\n女性员工（人）\t400\t420\n");
  ASSERT_EQ(facts.size(), 6u);
  EXPECT_NE(facts[2].find("\"1200\" |2019年"), std::string::npos) << facts[2];
  EXPECT_NE(facts[5].find("\"420\" |2020年"), std::string::npos) << facts[5];
}

// A label's spaces: runs folded to one between Latin words, none between CJK characters or between
// CJK and Latin (letter-spacing), none at either end; the same in a column header.
TEST(FactsTest, ALabelsSpacesAreFoldedAndLetterSpacingDropped) {
  std::vector<std::string> facts = Facts("员 工 总 数  1,200人\n"
                                         "Total   number of    employees 3,456\n"
                                         "女性 员工 ESG score 45分\n"
                                         "本年度 新 增 Green Bond 发行 20亿元\n"
                                         "  - Water   withdrawal  -  12,345 m3\n"
                                         "指标\t男 性\tFemale   staff\n"
                                         "员工总数\t500\t300\n");
  std::string labels;
  for (const std::string& f : facts) labels += f.substr(f.rfind('"') + 2) + "\n";
  EXPECT_EQ(labels,
            "员工总数|\n"
            "employees|\n"
            "女性员工ESG score|\n"
            "本年度新增Green Bond发行|\n"
            "|\n"
            "|男性\n"
            "|Female staff\n");
}

// A label the layout wrapped inside a word of a prose clause (`男性员` over `工600人`) runs back to the
// line before, as on one line; near misses: a figure opening its line, four characters or more
// before it (a label of its own), a line before ending in a Latin letter, and two rows of a table.
TEST(FactsTest, ALabelWrappedInsideAWordOfAProseClauseRunsBackToTheLineBefore) {
  auto labels = [](const std::string& text) {
    std::string out;
    for (const std::string& f : Facts(text)) out += f.substr(f.rfind('"') + 2) + "\n";
    return out;
  };
  EXPECT_EQ(labels("公司员工总数1000人，其中女性员工400人，男性员\n工600人，均签订劳动合同。\n"),
            "公司员工总数|\n女性员工|\n男性员工|\n");
  EXPECT_EQ(labels("报告期内共计节省综合能耗\n近2,000吨标准煤，效果明显。\n"), "报告期内共计节省综合能耗|\n");
  // A figure opening its line keeps the label read on its own line.
  EXPECT_EQ(labels("公司员工总数1000人，其中女性员工400人，男性员工\n600人，均签订劳动合同。\n"),
            "公司员工总数|\n女性员工|\n|\n");
  const std::vector<std::pair<const char*, const char*>> misses = {
      {"员工总数1000人，其中女性员工400人，男性\n员工共计600人，均签订劳动合同。\n", "员工共计|"},
      {"员工总数1000人，其中女性员工400人，男性ABC\n工600人，均签订劳动合同。\n", "工|"},
      {"指标\t2016年\n员工总数\t1000人\n男性员\t600人\n", "|2016年"}};
  for (const auto& [miss, last] : misses) {
    const std::string l = labels(miss);
    EXPECT_EQ(l.substr(l.rfind('\n', l.size() - 2) + 1), std::string(last) + "\n") << miss << l;
  }
}

// A linking verb or a qualifier ending a label is dropped (员工总数为, 员工约), but not the last
// character of a word of its own (行为, 签约): the figure is then exact, not about so many.
TEST(FactsTest, AFillerOrQualifierEndingALabelIsDroppedButNotTheEndOfAWord) {
  EXPECT_EQ(Facts("公司员工总数为1,200人\n"
                  "发现违规违纪行为82件\n"
                  "全年培训时长达到3,456小时\n"
                  "员工约1200人，新签约100个，全年节约8万吨\n"),
            (Lines{"1:15 quantity 1200(1200,0,1) 人/人 \"1,200人\" 公司员工总数|",
                   "2:17 quantity 82(82,0,1) 件/件 \"82件\" 发现违规违纪行为|",
                   "3:17 quantity 3456(3456,0,1) 小时/小时 \"3,456小时\" 全年培训时长|",
                   "4:7 quantity 1200(1200,0,1) 人/人 q=~ \"1200人\" 员工|",
                   "4:21 quantity 100(100,0,1) 个/个 \"100个\" 新签约|",
                   "4:36 quantity 80000(8,0,10000) 吨/万吨 \"8万吨\" 全年节约|"}));
}

// Each word of its own ending in a one-character qualifier or filler (签约, 附近, 赶超, 行为, 送达…)
// ends its label whole, and the figure after it is exact: none of its characters is dropped.
TEST(FactsTest, EveryWholeWordEndingALabelIsKept) {
  for (const std::string w : {"签约", "节约", "履约", "合约", "预约", "违约", "集约", "附近", "最近", "邻近", "就近",
                              "赶超", "行为", "下达", "送达", "到达", "抵达", "传达"}) {
    const std::vector<std::string> facts = Facts("全年" + w + "100个\n");
    ASSERT_EQ(facts.size(), 1u) << w;
    const std::string tail = "quantity 100(100,0,1) 个/个 \"100个\" 全年" + w + "|";
    EXPECT_EQ(facts[0].substr(facts[0].find(' ') + 1), tail) << w;
  }
}

// The labeller builds each label in one string kept from fact to fact, cuts a long one to its tail in
// place and encodes it into a string made once: a short label after a long one, a label cut to its
// last 24 code points (at a word in English), one read after the figure, and characters outside the
// Basic Multilingual Plane (four bytes in UTF-8) keep their own labels.
TEST(FactsTest, LabelsOfConsecutiveFactsOfAnyLengthAreTheirOwn) {
  std::vector<std::string> facts = Facts(
      "在报告期内公司面向全体一线员工及其家属开展的职业健康安全培训总人次 1,200人\n"
      "员工 300人\n"
      "the total number of hours of occupational health and safety training delivered 4,560 hours\n"
      "女性 45人\n"
      "员工\U00020000数 7人 \U0001F600奖项 3项\n"
      "12,345 tonnes of waste\n");
  std::string labels;
  for (const std::string& f : facts) labels += f.substr(f.rfind('"') + 2) + "\n";
  EXPECT_EQ(labels,
            "全体一线员工及其家属开展的职业健康安全培训总人次|\n"
            "员工|\n"
            "training delivered|\n"
            "女性|\n"
            "员工\U00020000数|\n"
            "\U0001F600奖项|\n"
            "of waste|\n");
}

// A side banner printed one character per line down the margin of a table is no cell of its rows:
// the column headers are read as without it, for rows with as many cells as the header and rows
// with one more (no title over the row labels).
TEST(FactsTest, ASideBannerBesideATableLeavesItsColumnHeaders) {
  const std::string pad = "                                        ";
  const std::string table = "指标\t男\t女" + pad + "云\n"
                            "员工总数\t500\t300" + pad + "铝\n"
                            "本科\t200\t100" + pad + "股\n"
                            "硕士\t50\t40" + pad + "份\n";
  const Document doc = Document::FromUtf8("fragment.txt", table);
  for (size_t i = 0; i < doc.line_count(); ++i) {  // the margin's characters are the banner
    const LineStructure& l = doc.structure().line(i);
    ASSERT_EQ(l.cell_count, 4u) << i;
    EXPECT_NE(doc.structure().cells()[l.first_cell + 3].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u) << i;
  }
  EXPECT_EQ(Facts(table),
            (Lines{"2:17 quantity 500(500,0,1) / \"500\" |男", "2:25 quantity 300(300,0,1) / \"300\" |女",
                   "3:9 quantity 200(200,0,1) / \"200\" |男", "3:17 quantity 100(100,0,1) / \"100\" |女",
                   "4:9 quantity 50(50,0,1) / \"50\" |男", "4:17 quantity 40(40,0,1) / \"40\" |女"}));
  std::vector<std::string> facts = Facts("\t2019年\t2020年" + pad + "云\n"
                                         "员工总数（人）\t1200\t1250" + pad + "铝\n"
                                         "女性员工（人）\t400\t420" + pad + "股\n"
                                         "男性员工（人）\t800\t830" + pad + "份\n");
  ASSERT_EQ(facts.size(), 8u);
  EXPECT_NE(facts[2].find("\"1200\" |2019年"), std::string::npos) << facts[2];
  EXPECT_NE(facts[5].find("\"420\" |2020年"), std::string::npos) << facts[5];
  EXPECT_NE(facts[7].find("\"830\" |2020年"), std::string::npos) << facts[7];
}

// Tables stacked under one title: a row of periods inside the table heads the rows below it,
// and a header of periods set one space apart gives each column its own period.
TEST(FactsTest, ASecondHeaderInsideATabTableHeadsTheRowsBelowIt) {
  std::vector<std::string> facts = Facts("经济指标\t2016 年\t2015 年\n"
                                         "营业收入（万元）\t96,405\t109,790\n"
                                         "环境指标\t2015 年\t2014 年\n"
                                         "废水排放量（吨）\t83.58\t79.56\n");
  // (the periods are facts too; one of a header row has no column label)
  ASSERT_EQ(facts.size(), 8u);
  EXPECT_NE(facts[2].find("\"96,405\" |2016年"), std::string::npos) << facts[2];
  EXPECT_NE(facts[4].find("\"2015 年\" |"), std::string::npos) << facts[4];
  EXPECT_EQ(facts[4].back(), '|') << facts[4];
  EXPECT_NE(facts[6].find("\"83.58\" |2015年"), std::string::npos) << facts[6];
  EXPECT_NE(facts[7].find("\"79.56\" |2014年"), std::string::npos) << facts[7];
  facts = Facts("2014 年\t2015 年 2016 年\n综合能耗（吨）\t2.25\t2.13\t2.56\n单位能耗（吨）\t1.5\t1.4\t1.3\n");
  ASSERT_EQ(facts.size(), 9u);
  EXPECT_NE(facts[3].find("\"2.25\" |2014年"), std::string::npos) << facts[3];
  EXPECT_NE(facts[5].find("\"2.56\" |2016年"), std::string::npos) << facts[5];
  EXPECT_NE(facts[8].find("\"1.3\" |2016年"), std::string::npos) << facts[8];
}

// Markup grids place their cells: the lowest header cell over a column heads it (a spanned cell
// over several); a grid whose first row holds figures has no header.
TEST(FactsTest, AMarkupTableCellGetsTheHeaderOverItsColumn) {
  EXPECT_EQ(Facts("| 指标 | 男 | 女 |\n|---|---|---|\n| 人数 | 500 | 300 |\n"),
            (Lines{"3:10 quantity 500(500,0,1) / \"500\" |男", "3:16 quantity 300(300,0,1) / \"300\" |女"}));
  std::vector<std::string> facts =
      Facts("<table><tr><th rowspan=\"2\">指标</th><th colspan=\"2\">员工人数</th></tr>"
            "<tr><th>男</th><th>女</th></tr>"
            "<tr><td>本科</td><td>200</td><td>100</td></tr></table>\n");
  // (the digits of rowspan="2" and colspan="2" are facts too)
  ASSERT_EQ(facts.size(), 4u);
  EXPECT_NE(facts[2].find("\"200\" |男"), std::string::npos) << facts[2];
  EXPECT_NE(facts[3].find("\"100\" |女"), std::string::npos) << facts[3];
  facts = Facts("<table><tr><th colspan=\"2\">员工人数</th></tr><tr><td>本科</td><td>200</td></tr></table>\n");
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_NE(facts[1].find("\"200\" |员工人数"), std::string::npos) << facts[1];
}

// An infographic beside a table takes its label from its own column, never the table's header.
TEST(FactsTest, AFigureBesideATableGetsItsOwnLabel) {
  std::vector<std::string> facts = Facts("指标\t男\t女\n"
                                         "员工总数\t500\t300\n"
                                         "新进员工\t50\t30\n"
                                         "\n"
                                         "                申请专\n"
                                         "                利89项\n");
  ASSERT_EQ(facts.size(), 5u);
  EXPECT_NE(facts[4].find("\"89项\" 利|申请专利"), std::string::npos) << facts[4];
}

// Label reads each fact's line as Extract decoded it (kept from one step to the other): in a
// table longer than a cache of recent lines would hold, under a header without a digit, after
// row labels of one- to four-byte characters, every figure keeps its line, its span and its
// column's header, and a figure inside a cell of such characters is labelled by the whole cell.
TEST(FactsTest, EveryRowOfALongTableIsLabelledFromItsOwnLine) {
  const std::vector<std::string> pieces = {"x", "\u00C4", "\u20AC", "\U00020000"};  // 1, 2, 3, 4 bytes
  std::string text = "\u6307\u6807\t\u7537\t\u5973\n";  // 指标 男 女
  Lines expected;
  for (int r = 0; r < 40; ++r) {
    std::string label;
    for (int k = 0; k <= r % 4; ++k) label += pieces[(r + k) % 4];
    label += "\u4EBA\u6570";  // 人数
    const std::string men = std::to_string(100 + r);
    const std::string women = std::to_string(1000 + 7 * r);
    text += label + "\t" + men + "\t" + women + "\t" + label + "\u57F9\u8BAD" + std::to_string(r) + "\u6B21\n";
    expected.push_back("\"" + men + "\" |\u7537");
    expected.push_back("\"" + women + "\" |\u5973");
    expected.push_back("\"" + std::to_string(r) + "\u6B21\" " + label + "\u57F9\u8BAD|");  // 次, 培训
  }
  std::vector<std::string> facts = Facts(text);
  ASSERT_EQ(facts.size(), expected.size());
  for (size_t k = 0; k < facts.size(); ++k) {
    EXPECT_NE(facts[k].find(expected[k]), std::string::npos) << k << ": " << facts[k];
    EXPECT_EQ(facts[k].substr(0, facts[k].find(':')), std::to_string(k / 3 + 2)) << facts[k];
  }
}

// The printed values of a document's quantities, in text order.
std::vector<double> Values(const std::string& text) {
  Document doc = Document::FromUtf8("fragment.txt", text);
  std::vector<double> out;
  for (const NumericFact& f : doc.facts()) {
    if (f.kind == ESGAUDIT_FACT_QUANTITY) out.push_back(f.printed);
  }
  return out;
}

// A document writing its thousands with spaces (groups opening with 0 in several places, no comma
// separator anywhere) reads `1 973 909` as one figure. A run of more than two groups (figures of
// adjacent cells) keeps only the groups up to its last one opening with 0, and a run of three-digit
// groups none opening with 0 stays pieces: the text does not tell one figure from several cells.
TEST(FactsTest, ADocumentWritingItsThousandsWithSpacesReadsThemAsOneFigure) {
  const std::string prose =
      "Our farms cover 15 000 hectares, feed 72 000 cattle and employ 3 050 people.\n";
  EXPECT_EQ(Values(prose + "Biomass 839 1 973 909 1 974 748 tonnes\n"),
            (std::vector<double>{15000, 72000, 3050, 839, 1973909, 1974748}));
  EXPECT_EQ(Values(prose + "Mixed 33 067 926 422 959 489\n"),
            (std::vector<double>{15000, 72000, 3050, 33067, 926, 422, 959, 489}));
  // Three-digit groups after three digits, none opening with 0: as well three cells of a row.
  EXPECT_EQ(Values(prose + "Audits 300 379 389 and 275 000\n"),
            (std::vector<double>{15000, 72000, 3050, 300, 379, 389, 275000}));
  // A figure in millions with a lead of two digits only where the line holds another one: alone,
  // `19 366 276` is a five-digit cell and a three-digit one (permanent and temporary staff).
  EXPECT_EQ(Values(prose + "Greater China 19 366 276\nNorth America 35 267 412\n"),
            (std::vector<double>{15000, 72000, 3050, 19366, 276, 35267, 412}));
  EXPECT_EQ(Values(prose + "Energy consumption 81 385 568 82 779 476 80 131 120\n"),
            (std::vector<double>{15000, 72000, 3050, 81385568, 82779476, 80131120}));
  // The line's answer holds for each of its figures, the first of two far apart included; a figure of
  // the next line, alone on it, is not read by it.
  EXPECT_EQ(Values(prose + "Energy 81 385 568 GJ in 2022, after a year of work on the " + std::string(300, 'x') +
                   " sites, and 82 779 476 GJ in 2021\nStaff 19 366 276\n"),
            (std::vector<double>{15000, 72000, 3050, 81385568, 82779476, 19366, 276}));
  // A group opening with 0 belongs to the figure before it, whatever follows.
  EXPECT_EQ(Values(prose + "Sites 100 000 500\n"), (std::vector<double>{15000, 72000, 3050, 100000, 500}));
}

// A three-digit lead and one group opening with another digit, between lowercase words of a sentence,
// is one figure there (`delivering 817 312 modules`); after a capitalised label, a figure or a comma, or
// before a capital, a figure or a stop, it stays two cells, and so does a run of two groups.
TEST(FactsTest, AThreeDigitLeadAndOneGroupWithinASentenceIsOneFigure) {
  const std::string prose =
      "Our farms cover 15 000 hectares, feed 72 000 cattle and employ 3 050 people.\n";
  EXPECT_EQ(Values(prose + "We trained them, delivering 817 312 modules in the year.\n"),
            (std::vector<double>{15000, 72000, 3050, 817312}));
  EXPECT_EQ(Values(prose + "We have engaged 74 077 farmers, including 251 760 under 30.\n"),
            (std::vector<double>{15000, 72000, 3050, 74077, 251760, 30}));
  EXPECT_EQ(Values(prose + "Sites 300 379 and more\n"), (std::vector<double>{15000, 72000, 3050, 300, 379}));
  EXPECT_EQ(Values(prose + "sites, 300 379 in all\n"), (std::vector<double>{15000, 72000, 3050, 300, 379}));
  EXPECT_EQ(Values(prose + "with 300 379 Sites\n"), (std::vector<double>{15000, 72000, 3050, 300, 379}));
  EXPECT_EQ(Values(prose + "with 300 379.\n"), (std::vector<double>{15000, 72000, 3050, 300, 379}));
  EXPECT_EQ(Values(prose + "with 300 379 389 sites\n"), (std::vector<double>{15000, 72000, 3050, 300, 379, 389}));
  // Without space-thousands evidence the rule is not asked at all.
  EXPECT_EQ(Values("We trained them, delivering 817 312 modules.\n"), (std::vector<double>{817, 312}));
}

// Without that evidence, or with a comma thousands separator anywhere, figures set one space apart
// stay separate figures: adjacent three-digit cells (`22 111`) are two values.
TEST(FactsTest, FiguresSetOneSpaceApartStayApartWithoutSpaceThousandsEvidence) {
  EXPECT_EQ(Values("Audits 22 111 1 973 909\n"),
            (std::vector<double>{22, 111, 1, 973, 909}));
  EXPECT_EQ(Values("Our farms cover 15 000 hectares, feed 72 000 cattle and employ 3 050 people.\n"
                   "Revenue 1,250 million. Audits 22 111\n"),
            (std::vector<double>{15, 0, 72, 0, 3, 50, 1250, 22, 111}));
  // Two groups opening with 0 are not enough.
  EXPECT_EQ(Values("Sites 15 000 and 72 000; audits 22 111\n"),
            (std::vector<double>{15, 0, 72, 0, 22, 111}));
}

// OCR puts a space after a thousands comma ("33, 298"). A figure alone in a tab-separated cell reads
// such groups as its own; anywhere else the space may separate the figures of a list, so they stay
// apart: in prose, in a cell shared with words, with fewer than three digits after the comma, or on
// a line without a tab.
TEST(FactsTest, ACommaGroupWithAnOcrSpaceIsReadWholeOnlyAloneInATabCell) {
  EXPECT_EQ(Values("男性\t33,255\t33, 298\n女性\t11,354\t10, 526\t+7.87%\n"),
            (std::vector<double>{33255, 33298, 11354, 10526}));
  EXPECT_EQ(Values("合计\t 1, 234, 567.5 \t12\n"), (std::vector<double>{1234567.5, 12}));
  EXPECT_EQ(Values("客户数分别为12, 345和678户\n"), (std::vector<double>{12, 345, 678}));
  EXPECT_EQ(Values("户数\t12, 345户\t5\n"), (std::vector<double>{12, 345, 5}));
  EXPECT_EQ(Values("次数\t12, 34\t5\n"), (std::vector<double>{12, 34, 5}));
  EXPECT_EQ(Values("12, 345\n"), (std::vector<double>{12, 345}));
  EXPECT_EQ(Values("次数\t12, 345, 6\n"), (std::vector<double>{12, 345, 6}));
}

// OCR also puts a space after a decimal point ("13. 24"). A figure alone in a tab-separated cell
// reads the digits after it as its decimals, with comma groups OCR-spaced or not; anywhere else
// the dot may end a list marker ("1. 2016年…") or a sentence, so the figures stay apart: in prose,
// in a cell shared with words, with two spaces after the dot, or on a line without a tab.
TEST(FactsTest, ADecimalPointWithAnOcrSpaceIsReadWholeOnlyAloneInATabCell) {
  EXPECT_EQ(Values("2014\t13. 24\n2015\t236. 67\n总计\t417.93\n"),
            (std::vector<double>{13.24, 236.67, 417.93}));
  EXPECT_EQ(Values("总资产\t7,025, 940. 40\t2,319,282. 55 \t6.74\n"),
            (std::vector<double>{7025940.40, 2319282.55, 6.74}));
  EXPECT_EQ(Values("1. 2016年公司捐赠13万元\n"), (std::vector<double>{1, 13}));
  EXPECT_EQ(Values("捐赠额\t合计：13. 24万元\t5\n"), (std::vector<double>{13, 24, 5}));
  EXPECT_EQ(Values("捐赠额\t13.  24\t5\n"), (std::vector<double>{13, 24, 5}));
  EXPECT_EQ(Values("13. 24\n"), (std::vector<double>{13, 24}));
}

// Within a sentence the split decimal is the figure's when a CJK character stands right before the
// number (a word such as 总额 or 约: a list marker opens a line or a cell, or follows punctuation or
// a space) and a magnitude, a unit or % right after its decimal part.
TEST(FactsTest, ADecimalPointWithAnOcrSpaceIsReadWholeWithinASentence) {
  EXPECT_EQ(Values("累计分红派息总额6. 2亿元，其中现金红利约3. 4亿元。\n"), (std::vector<double>{6.2, 3.4}));
  EXPECT_EQ(Values("捐赠额\t合计13. 24万元\t5\n"), (std::vector<double>{13.24, 5}));
  EXPECT_EQ(Values("产品877. 3吨，由3. 5公里管线输送\n"), (std::vector<double>{877.3, 3.5}));
  const std::vector<std::string> rate = Facts("达标率达99. 5%。\n");
  ASSERT_EQ(rate.size(), 1u);
  EXPECT_NE(rate[0].find("percent 99.5"), std::string::npos) << rate[0];
  // Near misses: list markers at a line start or after punctuation, a number followed by words.
  EXPECT_EQ(Values("1. 2016年公司捐赠13万元\n"), (std::vector<double>{1, 13}));
  EXPECT_EQ(Values("2. 3个项目完成验收\n"), (std::vector<double>{2, 3}));
  EXPECT_EQ(Values("主要举措：1. 2万名员工参加培训\n"), (std::vector<double>{1, 2}));
  EXPECT_EQ(Values("第三代产品8. 5代液晶面板\n"), (std::vector<double>{8, 5}));
}

// Lines whose matching view holds no ASCII digit are not read for facts; a digit the view folds
// to ASCII (full-width, circled, superscript) still starts one, on any line after digitless ones.
TEST(FactsTest, OnlyLinesWithADigitInTheViewAreReadAndFoldedDigitsCount) {
  EXPECT_EQ(Facts("员工总数１２３７５人\n"
                  "二〇二〇年 第①章 百分之五十\n"
                  "no digits here at all\n"
                  "   Ｎｏ．３  ２０２１年 ⁵ ٣\n"
                  "排放量\t5吨\n"),
            (Lines{"1:9 quantity 12375(12375,0,1) 人/人 \"１２３７５人\" 员工总数|",
                   "2:14 ordinal 1(1,0,1) / \"①\" 二〇二〇年第|",
                   "4:10 ordinal 3(3,0,1) / \"３\" No.|",
                   "4:14 year 2021(2021,0,1) / \"２０２１年\" |",
                   "4:25 quantity 5(5,0,1) / \"⁵\" ٣|",
                   "5:9 quantity 5(5,0,1) 吨/吨 \"5吨\" |"}));
}


// The unit after a figure is the longest printed form of the unit table that follows it (a Latin
// one after at most one space, in any case, and ending a word): the reader tries only the forms
// opening with the code point there. The expectation is a search over the whole table, written out
// here, for every form, in upper case too, and with nothing after the figure but a full stop.
TEST(FactsTest, EachUnitIsTheLongestFormOfTheTableAfterTheFigure) {
  struct Form {
    std::u32string printed;
    const sdk::UnitForm* entry;
  };
  std::vector<Form> forms;
  auto u32 = [](const char* s) {
    std::u32string out;
    for (size_t i = 0; s[i] != '\0';) {
      const auto b = static_cast<unsigned char>(s[i]);
      const int n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      char32_t c = n == 1 ? b : b & (0xff >> (n + 1));
      for (int k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
      out.push_back(c);
      i += static_cast<size_t>(n);
    }
    return out;
  };
  static const sdk::UnitForm kOcr = {"兀", "元", false};
  forms.push_back({u32(kOcr.printed), &kOcr});
  for (const sdk::UnitForm& u : sdk::kReportUnits) forms.push_back({u32(u.printed), &u});
  std::stable_sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) { return a.printed.size() > b.printed.size(); });
  auto lower = [](char32_t c) { return c >= U'A' && c <= U'Z' ? c + 32 : c; };
  // The form the table gives after the figure, in the text after it (`tail`).
  auto expected = [&](const std::u32string& tail) -> const sdk::UnitForm* {
    for (const Form& f : forms) {
      const size_t at = f.entry->latin && !tail.empty() && tail[0] == U' ' ? 1 : 0;
      if (tail.size() < at + f.printed.size()) continue;
      bool same = true;
      for (size_t k = 0; k < f.printed.size() && same; ++k) same = lower(tail[at + k]) == lower(f.printed[k]);
      if (!same) continue;
      if (f.entry->latin) {
        const char32_t next = at + f.printed.size() < tail.size() ? tail[at + f.printed.size()] : 0;
        if ((next >= U'a' && next <= U'z') || (next >= U'A' && next <= U'Z') || (next >= U'0' && next <= U'9')) continue;
      }
      return f.entry;
    }
    return nullptr;
  };
  auto upper = [](std::string s) {
    for (char& c : s) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
    return s;
  };
  size_t checked = 0;
  for (const Form& f : forms) {
    std::vector<std::string> printed = {f.entry->printed};
    if (f.entry->latin) printed.push_back(upper(f.entry->printed));
    for (const std::string& p : printed) {
      for (const char* space : {"", " "}) {
        if (!f.entry->latin && *space != '\0') continue;
        const std::string tail = space + p + "。";
        const std::string text = "本年度数量为12" + tail + "\n";
        const Document doc = Document::FromUtf8("fragment.txt", text);
        const sdk::UnitForm* want = expected(u32(tail.c_str()));
        ASSERT_NE(want, nullptr) << text;
        const NumericFact* got = nullptr;
        for (const NumericFact& fact : doc.facts()) {
          if (fact.printed == 12) got = &fact;
        }
        ASSERT_NE(got, nullptr) << text;
        EXPECT_EQ(got->unit, want->canonical) << text;
        EXPECT_EQ(got->unit_text, want->printed) << text;  // the table's form
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 150u);
}

// A prefix qualifier or a code prefix is read where the text before the figure ends with it,
// whatever ends the same way or is too short to hold it.
TEST(FactsTest, PrefixesAreReadWhereTheTextEndsWithThem) {
  auto qualifiers = [](const std::string& text) {
    const Document doc = Document::FromUtf8("fragment.txt", text);
    std::vector<std::string> out;
    for (const NumericFact& f : doc.facts()) out.push_back(std::to_string(f.kind) + ":" + std::to_string(f.qualifiers));
    return out;
  };
  const std::string approx = std::to_string(ESGAUDIT_FACT_QUANTITY) + ":" + std::to_string(ESGAUDIT_QUAL_APPROX);
  const std::string less = std::to_string(ESGAUDIT_FACT_QUANTITY) + ":" + std::to_string(ESGAUDIT_QUAL_LESS);
  const std::string more = std::to_string(ESGAUDIT_FACT_QUANTITY) + ":" + std::to_string(ESGAUDIT_QUAL_MORE);
  const std::string plain = std::to_string(ESGAUDIT_FACT_QUANTITY) + ":0";
  EXPECT_EQ(qualifiers("员工大约12人\n"), (std::vector<std::string>{approx}));
  EXPECT_EQ(qualifiers("约12人\n"), (std::vector<std::string>{approx}));
  EXPECT_EQ(qualifiers("员工将近12人\n"), (std::vector<std::string>{less}));
  EXPECT_EQ(qualifiers("员工接近12人\n"), (std::vector<std::string>{less}));
  EXPECT_EQ(qualifiers("员工超过12人\n"), (std::vector<std::string>{more}));
  EXPECT_EQ(qualifiers("员工不足12人\n"), (std::vector<std::string>{less}));
  // Ending as a qualifier ends, but another word: 过 of 经过, 到 of 达到.
  EXPECT_EQ(qualifiers("员工经过12人\n"), (std::vector<std::string>{plain}));
  EXPECT_EQ(qualifiers("员工达到12人\n"), (std::vector<std::string>{plain}));
  EXPECT_EQ(qualifiers("a total of about 12 people\n"), (std::vector<std::string>{approx}));
  EXPECT_EQ(qualifiers("a total of more than 12 people\n"), (std::vector<std::string>{more}));
  EXPECT_EQ(qualifiers("a total of other than 12 people\n"), (std::vector<std::string>{plain}));
  EXPECT_EQ(qualifiers("a total of 12 people\n"), (std::vector<std::string>{plain}));
  // Code prefixes: a code, not a quantity; a word ending alike is none.
  const std::vector<std::string> code = qualifiers("依据GB/T 24001标准\n");
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0], std::to_string(ESGAUDIT_FACT_CODE) + ":0");
  const std::vector<std::string> sdg = qualifiers("SDG 12\n");
  ASSERT_EQ(sdg.size(), 1u);
  EXPECT_EQ(sdg[0], std::to_string(ESGAUDIT_FACT_CODE) + ":0");
  EXPECT_EQ(qualifiers("共有12人\n"), (std::vector<std::string>{plain}));
}

// Every prefix qualifier and code prefix of the fact reader's tables (written out here) is read
// before a number in its own case, in upper and in lower case (the expectations are main's build's
// readings of the same texts); a number after a code point no qualifier or code prefix ends with
// has neither.
TEST(FactsTest, EachPrefixQualifierAndCodePrefixIsReadInAnyCase) {
  auto first = [](const std::string& text) {
    const Document doc = Document::FromUtf8("fragment.txt", text);
    return doc.facts().empty() ? std::string("none")
                               : std::to_string(doc.facts().front().kind) + ":" + std::to_string(doc.facts().front().qualifiers);
  };
  auto upper = [](std::string s) {
    for (char& c : s) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    return s;
  };
  auto lower = [](std::string s) {
    for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return s;
  };
  const std::string quantity = std::to_string(ESGAUDIT_FACT_QUANTITY) + ":";
  const std::vector<std::pair<std::string, uint32_t>> qualifiers = {
      {"大约", ESGAUDIT_QUAL_APPROX}, {"约", ESGAUDIT_QUAL_APPROX}, {"近似", ESGAUDIT_QUAL_APPROX},
      {"将近", ESGAUDIT_QUAL_LESS},   {"接近", ESGAUDIT_QUAL_LESS}, {"近", ESGAUDIT_QUAL_LESS},
      {"超过", ESGAUDIT_QUAL_MORE},   {"超", ESGAUDIT_QUAL_MORE},   {"逾", ESGAUDIT_QUAL_MORE},
      {"不足", ESGAUDIT_QUAL_LESS},   {"不到", ESGAUDIT_QUAL_LESS}, {"approximately", ESGAUDIT_QUAL_APPROX},
      {"about", ESGAUDIT_QUAL_APPROX}, {"around", ESGAUDIT_QUAL_APPROX}, {"~", ESGAUDIT_QUAL_APPROX},
      {"nearly", ESGAUDIT_QUAL_LESS}, {"almost", ESGAUDIT_QUAL_LESS}, {"over", ESGAUDIT_QUAL_MORE},
      {"more than", ESGAUDIT_QUAL_MORE}, {"less than", ESGAUDIT_QUAL_LESS}, {"under", ESGAUDIT_QUAL_LESS}};
  // A Latin qualifier is read after a space before the number; the others right before it.
  for (const auto& [w, bits] : qualifiers) {
    const std::string want = quantity + std::to_string(bits);
    const bool latin = w[0] >= 'a' && w[0] <= 'z';
    for (const std::string& form : {w, upper(w), lower(w)})
      EXPECT_EQ(first(latin ? "Staff " + form + " 12 people\n" : "员工" + form + "12人\n"), want) << form;
  }
  const std::string code = std::to_string(ESGAUDIT_FACT_CODE) + ":0";
  for (const char* p : {"GRI", "GB/T", "GB", "HJ", "ISO", "SDG", "SDGs", "Scope", "范围", "证券代码", "股票代码", "代码",
                        "编号", "电话", "Tel", "Tel.", "传真", "Fax", "邮编", "邮政编码", "A股", "H股"}) {
    for (const std::string& form : {std::string(p), upper(p), lower(p)}) {
      EXPECT_EQ(first("依据" + form + " 12\n"), code) << form;
      EXPECT_EQ(first("依据" + form + ":12\n"), code) << form;
    }
  }
  // "~" is no Latin word: a space between it and the number leaves the number plain.
  for (const char* t : {"员工共12人\n", "Staff of 12 people\n", "依据标准 12\n", "员工\t12人\n", "Staff ~ 12 people\n"})
    EXPECT_EQ(first(t), quantity + "0") << t;
}

// The kind of the fact printed `printed` on line `line` (1-based) of a document.
std::string KindOf(const std::string& text, uint32_t line, const std::string& printed) {
  Document doc = Document::FromUtf8("fragment.txt", text);
  for (const NumericFact& f : doc.facts()) {
    if (f.line + 1 == line && doc.text().substr(f.offset, f.length) == printed) return KindName(f.kind);
  }
  return "none";
}

// A fleet count printed in the range of years, in a column of counts under a year header, is a
// count: read as a year, its row would lose a cell and the column its sum.
TEST(FactsTest, ACountInTheRangeOfYearsInAColumnOfCountsIsACount) {
  const std::string fleet =
      "机队构成\n"
      "\t机型\t2016年\t2015年\t2014年\n"
      "\tB777\t16\t9\t4\n"
      "\tB767\t6\t6\t6\n"
      "\tB737\t234\t211\t1900\n"
      "\tA330\t51\t51\t44\n"
      "\tA321\t66\t48\t39\n"
      "总计\t373\t325\t1993\n";
  EXPECT_EQ(KindOf(fleet, 5, "1900"), "quantity");
  EXPECT_EQ(KindOf(fleet, 8, "1993"), "quantity");
  EXPECT_EQ(KindOf(fleet, 2, "2016年"), "year");
  // A row led by its year keeps the year; so does a column of years beside a count, and a row of
  // years the model did not mark as a header.
  const std::string led =
      "年份\t员工总数\t重伤率\t轻伤率\n"
      "2014\t15,757\t0.006\t0.46\n"
      "2015\t15,187\t0.026\t0.392\n"
      "2016\t16,235\t0.044\t0.072\n";
  EXPECT_EQ(KindOf(led, 3, "2015"), "year");
  const std::string built =
      "电厂\t装机容量\t投产年份\n"
      "甲厂\t600\t2008\n"
      "乙厂\t300\t2010\n"
      "丙厂\t350\t2012\n";
  EXPECT_EQ(KindOf(built, 3, "2010"), "year");
  const std::string years =
      "指标\t单位\t数值\n"
      "排放\t1\t2021\t2022\n"
      "废水\t吨\t35\t48\n"
      "废气\t吨\t27\t31\n";
  EXPECT_EQ(KindOf(years, 2, "2021"), "year");
  // A year inside a cell of prose is no value of its column, whatever the cells around it hold.
  const std::string prose =
      "| Risk | Impact | Rationale |\n"
      "|---|---|---|\n"
      "| Energy | 692.4 | Costs remaining from the 2050 targets |\n"
      "| Credits | 247.4 | 133 |\n";
  EXPECT_EQ(KindOf(prose, 3, "2050"), "year");
}
// The facts' texts are views of the document's FactTexts: each is the bytes it was given, whatever
// was added after it (texts of any length, small ones sharing blocks, long ones in blocks of their
// own) and after the store, or the document holding it, was moved.
TEST(FactsTest, FactTextsKeepEveryTextWhereItWasAdded) {
  std::mt19937 rng(53);
  FactTexts texts;
  std::vector<std::string> given;
  std::vector<FactText> kept;
  for (int i = 0; i < 3000; ++i) {
    const size_t n = i % 97 == 0 ? 4000 + rng() % 9000 : rng() % 40;
    std::string s;
    for (size_t k = 0; k < n; ++k) s.push_back(static_cast<char>('a' + rng() % 26));
    kept.push_back(texts.Add(s));
    given.push_back(std::move(s));
  }
  FactTexts moved = std::move(texts);
  for (int i = 0; i < 200; ++i) moved.Add(std::string(100, 'z'));
  for (size_t i = 0; i < given.size(); ++i) ASSERT_EQ(std::string_view(kept[i]), given[i]) << i;

  Document doc = Document::FromUtf8("t.txt", "指标\t2022年\t2023年\n员工总数\t1,200人\t1,350人\n研发投入\t3.5亿元\t4亿元\n");
  std::vector<std::string> before;
  for (const NumericFact& f : doc.facts()) before.push_back(f.unit.str() + "|" + f.unit_text.str() + "|" +
                                                          f.label.str() + "|" + f.column_label.str());
  Document other = std::move(doc);
  std::vector<std::string> after;
  for (const NumericFact& f : other.facts()) after.push_back(f.unit.str() + "|" + f.unit_text.str() + "|" +
                                                           f.label.str() + "|" + f.column_label.str());
  EXPECT_EQ(after, before);
  EXPECT_NE(std::find(after.begin(), after.end(), "元|亿元||2023年"), after.end());
}

// The plugin ABI promises the facts in text order (esgaudit_host::fact: each offset above the one
// before; numeric's CellFigures searches them by offset in place). The host hands Document::facts()
// as they are, so they must come so: on the sample, on a PDF, and on lines where a fact's span starts
// before its first digit (a minus sign, a range's second end, a negative right after another figure).
TEST(FactsTest, FactsComeInTextOrder) {
  auto check = [](const Document& doc, const std::string& name) {
    ASSERT_FALSE(doc.facts().empty()) << name;
    for (size_t k = 1; k < doc.facts().size(); ++k) {
      ASSERT_LT(doc.facts()[k - 1].offset, doc.facts()[k].offset) << name << ": fact " << k;
    }
  };
  for (const char* name : {"samples/yunnan-aluminium-2020-csr.txt", "tests/data/two-pages.pdf"}) {
    Document doc;
    ASSERT_TRUE(Document::Load(testing::SourcePath(name), &doc).ok()) << name;
    check(doc, name);
  }
  check(Document::FromUtf8("t.txt",
                           "利润-3.5亿元，-4-5，10-5，1−2，2016-2018年，温度-10~-5℃，-1 -2 -3\n"
                           "| 指标 | 2022 | 2023 |\n|---|---|---|\n| 净利润 | -1,200 | −350 |\n"
                           "Net income was -$12.5m, 3-4 times (5)-(6) and -7%.\n"),
        "fragment");
}

}  // namespace
}  // namespace esgaudit
