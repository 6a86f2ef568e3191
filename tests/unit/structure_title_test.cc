// The gates of the report title's and the company's expressions (core/src/analyse/structure_internal.h,
// title): each must be true wherever the expression it guards matches, so that running the expression
// only where the gate holds gives the answers of running it everywhere. Random lines from pieces of
// Chinese and English titles and company names, with near misses of each piece.
#include <gtest/gtest.h>

#include <esgaudit/text.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

#include "analyse/structure_internal.h"

namespace esgaudit {
namespace {

constexpr auto kAnchored = std::regex_constants::match_continuous;

bool MatchesAt(const std::string& s, const std::regex& re, size_t p) {
  auto flags = kAnchored;
  if (p > 0) flags |= std::regex_constants::match_prev_avail;
  std::smatch m;
  return std::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(p), s.cend(), m, re, flags);
}

// Lines of title pieces: years and near years, 年度 / 年, every blank \s reads and a no-break space
// it does not, company endings, the title words whole, cut and misspelt, commas and semicolons (one
// inside 环境,社会及治理), report words, Han and Latin filler, dashes and second years.
std::string RandomTitleLine(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "2020", "2019", "2023", "201", "20", "2", "20x1", "1999", "-23", "/21", "-2", "年度", "年", "度",
      " ", "  ", "\t", "\v", "\r", "\f", "\xc2\xa0", "\xe3\x80\x80", "公司", "集团", "银行", "股份有限公司",
      "有限公司", "企业", "社会责任", "社会", "责任", "可持续发展", "可持续", "esg", "es", "csr", "cs",
      "环境、社会及治理", "环境,社会及公司治理", "环境、社会和治理", "环境、社会", "环境,社会", "环境",
      "环境保护", "报告", "报", "告", "report", "repor", "disclosure", "sustainability", "corporate",
      "social", "responsibility", "integrated", "impact", "global", "annual", "group", "combined", ",",
      ";", "，", "；", "。", "《", "》", "中国", "石化", "的", "a", "fy", "x", "4月", "12", "月", "日",
      "\xe4", "\xbd\xa0"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto some = [&](size_t most) {
    std::string s;
    for (size_t i = rng() % (most + 1); i > 0; --i) s += pick(pieces);
    return s;
  };
  if (rng() % 3 == 0) return some(12);
  // A title in order, each part sometimes a random piece instead.
  static const std::vector<std::string> years = {"2020", "2019", "2023", "2019-20", "2019/20", "2019-2"};
  static const std::vector<std::string> blanks = {"", " ", "  ", "\t", "\v", "\xc2\xa0"};
  static const std::vector<std::string> after_year = {"", "年", "年度", "年4月", " global", " annual"};
  static const std::vector<std::string> words = {"社会责任", "可持续发展", "esg", "csr", "环境、社会及治理",
                                                 "环境,社会及公司治理", "环境、社会和治理", "sustainability",
                                                 "corporate social responsibility", "integrated", "impact"};
  static const std::vector<std::string> ends = {"报告", "report", "disclosure", " report", "\treport 2021",
                                                " disclosure 2022", "报 告"};
  auto part = [&](const std::vector<std::string>& good) { return rng() % 6 == 0 ? some(2) : pick(good); };
  return some(3) + part(years) + part(blanks) + part(after_year) + some(rng() % 2 == 0 ? 0 : 4) + part(blanks) +
         part(words) + part(blanks) + part(ends) + some(3);
}

TEST(StructureTitleTest, TitleYearGatesHoldWhereverTheTitleExpressionsMatch) {
  std::vector<std::string> lines = {"",
                                    "2020",
                                    "2020年社会责任报告",
                                    "2020年度企业社会责任报告",
                                    "2016年中国石化股份有限公司企业社会责任报告",
                                    "2020年，公司社会责任报告",
                                    "2020年,公司社会责任报告",
                                    "2020;csr report",
                                    "2020 环境,社会及公司治理报告",
                                    "2020\v环境、社会和治理报告",
                                    "2019 sustainability report",
                                    "2019-20 global impact report",
                                    "2019/20\tesg report",
                                    "2019-2 esg report",
                                    "2019- esg report",
                                    "2019\xc2\xa0"
                                    "esg report",
                                    "sustainability report 2021",
                                    "csr\tdisclosure  2021",
                                    "esgreport 2021",
                                    "12345678",
                                    "20202020"};
  std::mt19937 rng(48);
  for (int k = 0; k < 30000; ++k) lines.push_back(RandomTitleLine(rng));
  int zh = 0, en = 0, after = 0, zh_spared = 0, en_spared = 0;
  for (const std::string& s : lines) {
    for (size_t p = 0; p <= s.size(); ++p) {
      const bool year = p + 3 < s.size() && s.compare(p, 2, "20") == 0 && IsAsciiDigit(s[p + 2]) &&
                        IsAsciiDigit(s[p + 3]);
      if (MatchesAt(s, title::TitleZh(), p)) {
        ++zh;
        EXPECT_TRUE(title::ZhMayStartAt(s, p)) << s << " at " << p;
      } else if (year && !title::ZhMayStartAt(s, p)) {
        ++zh_spared;
      }
      if (MatchesAt(s, title::TitleEn(), p)) {
        ++en;
        EXPECT_TRUE(title::EnMayStartAt(s, p)) << s << " at " << p;
      } else if (year && !title::EnMayStartAt(s, p)) {
        ++en_spared;
      }
      if (MatchesAt(s, title::TitleEnAfter(), p)) {
        ++after;
        EXPECT_TRUE(title::EnAfterMayStartAt(s, p)) << s << " at " << p;
      }
    }
  }
  // The random lines reach each expression, and the gates spare most years that start no match.
  EXPECT_GE(zh, 2000);
  EXPECT_GE(en, 150);
  EXPECT_GE(after, 600);
  EXPECT_GE(zh_spared, 5000);
  EXPECT_GE(en_spared, 5000);
  EXPECT_FALSE(title::ZhMayStartAt("2020年,公司社会责任报告", 0));
  EXPECT_TRUE(title::ZhMayStartAt("2020年，公司社会责任报告", 0));  // a full-width comma is no ","
  EXPECT_FALSE(title::EnMayStartAt("2019-2 esg report", 0));
  EXPECT_FALSE(title::EnAfterMayStartAt("report", 0));
  EXPECT_FALSE(title::EnAfterMayStartAt("esg", 3));
}

// Lines of company titles, statements and cover names: leading and trailing blanks of every kind \s
// reads, Chinese names with each ending, English names in either case, years with 年度 / 年 / 企业,
// the title words and near misses.
std::string RandomCompanyLine(std::mt19937& rng) {
  static const std::vector<std::string> heads = {"", " ", "\t", "\v ", "\xe3\x80\x80", "\xc2\xa0", "本报告"};
  static const std::vector<std::string> names = {
      "中国石油化工股份有限公司", "上海复星医药（集团）股份有限公司", "招商银行", "华夏银行股份有限公司",
      "中国建筑集团", "中国建筑集团公司", "某某有限责任公司", "公司", "银行", "集团", "有限公司本部",
      "Acme Group", "acme group", "China Bank Co., Ltd.", "ACME CORPORATION", "Foo Inc", "Bar PLC",
      "Baz Limited", "Qux Company Limited", "The Coca-Cola Company", "1st Bank", "中国A股公司"};
  static const std::vector<std::string> years = {"2020", "2021", "202", "20x0", "", "FY2022", "fy 2022",
                                                  "2020-21", "2020/2"};
  static const std::vector<std::string> tails = {"年度", "年", "", "企业", "年企业", "年度 企业", " "};
  static const std::vector<std::string> words = {
      "社会责任报告", "可持续发展报告", "esg报告", "ESG报告", "环境、社会及治理报告", "环境,社会及公司治理报告",
      "环境、社会和治理报告", "csr", "环境保护", "社会", "Sustainability Report", "sustainability report",
      "ESG Report", "Corporate Social Responsibility Report", "Environmental, Social and Governance Report",
      "Integrated Report", "Impact report", "Annual Report", "REPORT", "Sustainability Repor"};
  static const std::vector<std::string> blanks = {"", " ", "  ", "\t", ", ", ",", "\v", "\r", "\xc2\xa0"};
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::string s = pick(heads) + pick(names);
  if (rng() % 8 != 0) s += pick(blanks) + pick(years) + pick(tails) + pick(blanks) + pick(words);
  return s + pick(blanks);
}

TEST(StructureTitleTest, CompanyGatesHoldWhereverTheCompanyExpressionsMatch) {
  std::vector<std::string> lines = {"",
                                    "公司",
                                    "12345678",
                                    "  中国石油化工股份有限公司 ",
                                    "中国石油化工股份有限公司2020年度企业社会责任报告",
                                    "中国石油化工股份有限公司 2020 年 esg报告",
                                    "China Petroleum & Chemical Corporation 2020 Sustainability Report",
                                    "acme group, fy 2021 esg report",
                                    " 1st Bank 2020 ESG Report",
                                    "招商银行\v"};
  std::mt19937 rng(4848);
  for (int k = 0; k < 40000; ++k) lines.push_back(RandomCompanyLine(rng));
  int zh = 0, en = 0, alone = 0, spared = 0;
  for (const std::string& s : lines) {
    const std::string lower = sdk::AsciiLower(s);
    std::smatch m;
    const bool zh_gate = title::CompanyTitleZhMayMatch(lower);
    const bool en_gate = title::CompanyTitleEnMayMatch(s);
    const bool alone_gate = title::CompanyAloneMayMatch(s);
    if (std::regex_search(lower, m, title::CompanyTitleZh(), kAnchored)) {
      ++zh;
      EXPECT_TRUE(zh_gate) << s;
    }
    if (std::regex_search(s, m, title::CompanyTitleEn(), kAnchored)) {
      ++en;
      EXPECT_TRUE(en_gate) << s;
    }
    if (std::regex_match(s, m, title::CompanyAlone())) {
      ++alone;
      EXPECT_TRUE(alone_gate) << s;
    }
    spared += !zh_gate + !en_gate + !alone_gate;
  }
  EXPECT_GE(zh, 200);
  EXPECT_GE(en, 100);
  EXPECT_GE(alone, 600);
  EXPECT_GE(spared, 50000);
  EXPECT_FALSE(title::CompanyTitleEnMayMatch("中国 Group 2020 ESG Report"));
  EXPECT_FALSE(title::CompanyAloneMayMatch("招商银行。"));
  EXPECT_FALSE(title::CompanyTitleZhMayMatch("公司2020年度的社会责任报告"));
}

}  // namespace
}  // namespace esgaudit
