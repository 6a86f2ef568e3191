// The cnexchange plugin in-process through the real host: the claim (and what is not one), the
// report's materiality classes, topic coverage and its statuses, triggers, English messages, what
// the structure model keeps out of the evidence (contents, index, stakeholder tables), and
// rule-pack and policy errors. Finding goldens live
// in tests/golden/cnexchange (run by tests/golden).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "esgaudit/kpi.h"
#include "esgaudit_testing.h"
#include "register.h"
#include "rule_pack.h"

namespace esgaudit {
namespace {

namespace fs = std::filesystem;

const sdk::Registry& Registry() {
  static const sdk::Registry& r = sdk::BuildRegistry(&cnexchange::RegisterRules);
  return r;
}

const char kClaim[] =
    "本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》编制。\n";

std::map<std::string, esgaudit_coverage_status> Topics(const ReportResult& r) {
  std::map<std::string, esgaudit_coverage_status> out;
  for (const CoverageRecord& c : r.coverage)
    if (c.scheme == "cn-exchange") out[c.id] = c.status;
  return out;
}

size_t Count(const ReportResult& r, const std::string& rule) {
  size_t n = 0;
  for (const Finding& f : r.findings) n += f.rule == rule ? 1 : 0;
  return n;
}

TEST(CnexchangeTest, WithoutAClaimThereAreNoFindingsButCoverageOfAllTwentyOneTopics) {
  ReportResult r = testing::RunOnText(Registry(), "公司建立职业健康安全管理体系。\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_TRUE(r.findings.empty());
  EXPECT_EQ(Topics(r).size(), 21u);
  size_t items = 0;
  for (const CoverageRecord& c : r.coverage) items += c.scheme == "cn-exchange-items" ? 1 : 0;
  EXPECT_EQ(items, 88u);
}

TEST(CnexchangeTest, NamingTheGuidelineInAnIndexHeaderIsNotAClaim) {
  ReportResult r = testing::RunOnText(
      Registry(), "《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》指标索引\n");
  EXPECT_TRUE(r.findings.empty());
  r = testing::RunOnText(Registry(), kClaim);
  EXPECT_EQ(Count(r, "cnexchange.materiality-missing"), 1u);
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.front().references.front(), "深交所指引第17号");
}

TEST(CnexchangeTest, OtherExchangeGuidelinesNumberedAlikeAreNotClaims) {
  // SZSE's guideline No. 1 is on governance, not sustainability; SSE's No. 14 is, when named so.
  ReportResult r = testing::RunOnText(Registry(), "公司依据《深圳证券交易所上市公司自律监管指引第1号——主板上市公司规范运作》运作。\n");
  EXPECT_TRUE(r.findings.empty());
  r = testing::RunOnText(Registry(), "本报告参照上海证券交易所上市公司自律监管指引第14号编制。\n");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.front().references.front(), "上交所指引第14号");
}

TEST(CnexchangeTest, TheClaimIsTheModelsFirstStatementOfANamedExchangesGuideline) {
  // A line naming the guideline without a verb is a mention, not a claim; 遵守 states one.
  ReportResult r = testing::RunOnText(Registry(), "上海证券交易所上市公司自律监管指引第14号\n");
  EXPECT_TRUE(r.findings.empty());
  r = testing::RunOnText(Registry(),
                         "上海证券交易所上市公司自律监管指引第14号\n"
                         "本报告遵守《北京证券交易所上市公司持续监管指引第11号——可持续发展报告（试行）》。\n");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.front().references.front(), "北交所指引第11号");
  r = testing::RunOnText(Registry(), "This report is prepared under the Shenzhen Stock Exchange Self-Regulatory "
                                     "Guidelines for Listed Companies No. 17.\n");
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(r.findings.front().references.front(), "深交所指引第17号");
}

TEST(CnexchangeTest, TheReportsMaterialityClassesAreRead) {
  const std::string text = std::string(kClaim) +
                           "## 同时具有影响重要性及财务重要性的议题\n\n应对气候变化水资源利用\n\n"
                           "## 具有影响重要性但不具有财务重要性的议题\n\n员工\n\n"
                           "## 既不具有影响重要性也不具有财务重要性的议题\n\n科技伦理\n\n尽职调查\n\n"
                           "## 重要性议题矩阵\n"
                           "公司不从事生命科学和人工智能研究,因此尽职调查议题对公司不具有重要性。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  // 科技伦理 has no reason; 尽职调查 has one.
  ASSERT_EQ(Count(r, "cnexchange.nonmaterial-unexplained"), 1u);
  for (const Finding& f : r.findings) {
    if (f.rule == "cnexchange.nonmaterial-unexplained") {
      EXPECT_NE(f.message.find("科技伦理"), std::string::npos);
    }
  }
  // Two financially material topics, and no ESG governance, strategy, risks or targets; climate
  // is one of them, so its four parts are missing too (no governance at all to fall back on).
  EXPECT_EQ(Count(r, "cnexchange.four-parts-missing"), 4u + 4u);
  EXPECT_EQ(Count(r, "cnexchange.materiality-missing"), 0u);
}

// A short line naming a group of topics ("Topics", "Issues", 议题, in the pack's group marks) with a
// materiality dimension opens a list of topics of that class, however the line capitalises its words:
// each case reads as the lower-case heading does, and a heading without a group mark opens no list.
TEST(CnexchangeTest, AnEnglishMaterialityHeadingIsReadInAnyCase) {
  auto findings = [](const std::string& heading) {
    const std::string text = std::string(kClaim) + "## " + heading + "\n\nClimate Change\n\nCommunity Investment\n\n" +
                             "## Sustainability Governance\n\nThe board oversees our sustainability work.\n";
    ReportResult r = testing::RunOnText(Registry(), text);
    return std::make_pair(Count(r, "cnexchange.four-parts-missing"), Count(r, "cnexchange.materiality-missing"));
  };
  for (const char* group : {"topics", "issues"}) {
    const std::string lower = std::string(group) + " of financial materiality";
    const auto want = findings(lower);
    std::string upper = lower;
    for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    std::string title = lower;
    for (size_t i = 0; i < title.size(); ++i)
      if ((i == 0 || title[i - 1] == ' ') && title[i] >= 'a' && title[i] <= 'z') title[i] = static_cast<char>(title[i] - 'a' + 'A');
    EXPECT_EQ(findings(upper), want) << upper;
    EXPECT_EQ(findings(title), want) << title;
    EXPECT_NE(findings("Matters of Financial Materiality"), want) << group;
  }
}

TEST(CnexchangeTest, TopicStatusesFollowEvidenceExplanationAndTriggers) {
  const std::string text = std::string(kClaim) +
                           "员工\n公司在职员工1,200人,按时支付工资。\n"
                           "本公司不涉及乡村地区业务,乡村振兴议题不适用。\n"
                           "公司未被列入重点排污单位名录。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  auto topics = Topics(r);
  EXPECT_EQ(topics["employees"], ESGAUDIT_PARTIAL);
  EXPECT_EQ(topics["rural-revitalisation"], ESGAUDIT_COVERED);  // explained
  EXPECT_EQ(topics["anti-corruption"], ESGAUDIT_MISSING);
  // The pollution trigger is negated (未被列入): no finding for pollutants.
  for (const Finding& f : r.findings) EXPECT_EQ(f.message.find("污染物排放"), std::string::npos) << f.message;
  EXPECT_EQ(Count(r, "cnexchange.topic-missing"), 12u);
}

TEST(CnexchangeTest, ATriggerWordSwitchesATriggeredTopicOn) {
  const std::string text = std::string(kClaim) + "公司开展人工智能研发。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  bool ethics = false;
  for (const Finding& f : r.findings) ethics |= f.message.find("科技伦理") != std::string::npos;
  EXPECT_TRUE(ethics);
}

TEST(CnexchangeTest, EnglishMessages) {
  RunOptions o;
  o.lang = "en";
  ReportResult r = testing::RunOnText(Registry(), kClaim, o);
  ASSERT_FALSE(r.findings.empty());
  bool found = false;
  for (const Finding& f : r.findings) {
    if (f.rule != "cnexchange.materiality-missing") continue;
    found = true;
    EXPECT_EQ(f.message,
              "the report does not describe how it assessed financial materiality and impact "
              "materiality (Art. 5)");
    EXPECT_EQ(f.references.front(), "SZSE Guideline No. 17");
  }
  EXPECT_TRUE(found);
  std::vector<std::string> elements;
  for (const Finding& f : r.findings) {
    if (f.rule == "cnexchange.element-missing") elements.push_back(f.message + " | " + f.references.back());
  }
  EXPECT_EQ(elements, (std::vector<std::string>{
                          "the report does not state its board approval (Art. 4(1)) | Art. 4(1)",
                          "the report does not state its reporting period (Art. 4(2)) | Art. 4(2)",
                          "the report does not state its topic index table (Art. 57(1) and annex) | "
                          "Art. 57(1) and annex"}));
}

std::map<std::string, esgaudit_coverage_status> Items(const ReportResult& r) {
  std::map<std::string, esgaudit_coverage_status> out;
  for (const CoverageRecord& c : r.coverage)
    if (c.scheme == "cn-exchange-items") out[c.id] = c.status;
  return out;
}

TEST(CnexchangeTest, NoEvidenceFromTheTableOfContentsOrTheContentIndex) {
  // The structure model marks the contents and the report's own index; a topic named only there is
  // not disclosed.
  const std::string text = std::string(kClaim) +
                           "\n目录\n\n员工培训与发展    12\n反商业贿赂    14\n乡村振兴    16\n可持续发展治理    18\n\n"
                           "公司按照法律法规开展经营活动,报告期内经营稳健,各项工作有序推进。\n\n"
                           "议题索引表\n\n"
                           "员工培训与发展 | 第五十条 | P12\n反商业贿赂 | 第五十五条 | P14\n"
                           "乡村振兴 | 第三十九条 | P16\n供应链安全 | 第四十五条 | P18\n"
                           "反不正当竞争 | 第五十六条 | P20\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  auto items = Items(r);
  EXPECT_EQ(items["emp-training"], ESGAUDIT_MISSING);
  EXPECT_EQ(items["gov-abc-system"], ESGAUDIT_MISSING);
  auto topics = Topics(r);
  EXPECT_EQ(topics["rural-revitalisation"], ESGAUDIT_MISSING);
  EXPECT_EQ(topics["employees"], ESGAUDIT_MISSING);
  // The index still shows that the report has one (Art. 57).
  for (const Finding& f : r.findings) EXPECT_EQ(f.message.find("议题索引表"), std::string::npos) << f.message;
}

TEST(CnexchangeTest, AnExplanationInAnHtmlTableCountsOnlyInItsTopicsRow) {
  const std::string text = std::string(kClaim) +
                           "<table><tr><td>议题</td><td>说明</td></tr>"
                           "<tr><td>乡村振兴</td><td>本公司无相关业务,不适用</td></tr>"
                           "<tr><td>社会贡献</td><td>详见第5页</td></tr></table>\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  auto topics = Topics(r);
  EXPECT_EQ(topics["rural-revitalisation"], ESGAUDIT_COVERED);
  EXPECT_EQ(topics["social-contribution"], ESGAUDIT_MISSING);
}

TEST(CnexchangeTest, StakeholderConcernTablesAreNotDisclosures) {
  const std::string text = std::string(kClaim) +
                           "<table><tr><td>利益相关方</td><td>关注议题</td><td>沟通方式</td></tr>"
                           "<tr><td>社区</td><td>公益慈善、志愿服务</td><td>走访</td></tr></table>\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  EXPECT_EQ(Items(r)["social-contribution"], ESGAUDIT_MISSING);
}

TEST(CnexchangeTest, AFinanciallyMaterialTopicsElementsMayBeGivenOncePerChapter) {
  // 水资源利用 is financially material and has a heading; its own text gives none of the elements.
  // The chapter's 战略 section names it (strategy found); its risks and targets are nowhere near it.
  const std::string text = std::string(kClaim) +
                           "\n## 同时具有影响重要性及财务重要性的议题\n\n水资源利用\n\n"
                           "## ESG治理\n\n公司设立ESG委员会,制定ESG战略,识别风险和机遇,设定指标与目标。\n\n"
                           "## 水资源利用\n\n公司统计总耗水量并推进节水措施与中水回用。\n\n"
                           "## 战略\n\n公司将水资源利用纳入环境管理,持续提升用水效率。\n\n"
                           "## 影响、风险和机遇管理\n\n公司定期识别环境风险。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  std::vector<std::string> missing;
  for (const Finding& f : r.findings)
    if (f.rule == "cnexchange.four-parts-missing" && f.message.find("其章节") != std::string::npos)
      missing.push_back(f.message);
  EXPECT_EQ(missing, (std::vector<std::string>{
                         "议题“水资源利用”具有财务重要性，但其章节未见“影响、风险和机遇管理”的披露（第11条、第18条）",
                         "议题“水资源利用”具有财务重要性，但其章节未见“指标与目标”的披露（第11条、第19条）"}));
}

TEST(CnexchangeTest, AnEnglishReportIsReadInEnglish) {
  // Topic names, item keywords and the reporting period in English, however capitalised.
  const std::string text =
      "This report has been prepared in accordance with the Shenzhen Stock Exchange Self-Regulatory "
      "Guideline No. 17 for listed companies.\n\n"
      "It covers the period from January 1, 2024, to December 31, 2024.\n\n"
      "Data Security and Customer Privacy\n\n"
      "Our Information Security management system is certified to ISO 27001, and our Privacy Policy "
      "protects Customer Privacy.\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(Topics(r)["data-privacy"], ESGAUDIT_COVERED);
  EXPECT_EQ(Items(r)["privacy-system"], ESGAUDIT_COVERED);
  EXPECT_EQ(Topics(r)["employees"], ESGAUDIT_MISSING);
  for (const Finding& f : r.findings) EXPECT_EQ(f.message.find("报告期间"), std::string::npos) << f.message;
  // A certification of the security system is no evidence of product quality.
  EXPECT_EQ(Topics(r)["product-quality"], ESGAUDIT_MISSING);
}

class CnexchangePackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cnexchange-pack-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    guideline_ = testing::ReadFile(testing::SourcePath("rules/cnexchange/guideline.json"));
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    return (dir_ / name).string();
  }
  std::string Error(const std::string& guideline, const std::string& policy) {
    try {
      cnexchange::RulePack::FromFiles(Write("guideline.json", guideline), Write("policy.ini", policy));
    } catch (const sdk::ConfigError& e) {
      return e.what();
    }
    return "";
  }
  fs::path dir_;
  std::string guideline_;
};

TEST_F(CnexchangePackTest, TheShippedPackLoadsWithTwentyOneTopics) {
  EXPECT_EQ(Error(guideline_, "require =\n"), "");
  cnexchange::RulePack pack = cnexchange::RulePack::FromFiles(
      testing::SourcePath("rules/cnexchange/guideline.json"), testing::SourcePath("rules/cnexchange/policy.ini"));
  EXPECT_EQ(pack.topics().size(), 21u);
  EXPECT_EQ(pack.required(), "");
}

TEST_F(CnexchangePackTest, BadPacksAndPoliciesAreConfigErrors) {
  EXPECT_EQ(Error(guideline_, "require = nyse\n"),
            (dir_ / "policy.ini").string() + ": require = \"nyse\" is not one of szse, sse, bse, any");
  std::string bad_level = guideline_;
  bad_level.replace(bad_level.find("\"mandatory\""), 11, "\"optional\"");
  EXPECT_EQ(Error(bad_level, ""), "cnexchange rule pack: item climate-resilience has unknown level \"optional\"");
  std::string bad_regex = guideline_;
  bad_regex.replace(bad_regex.find("\"board_approval\": \"") + 19, 0, "(");
  EXPECT_NE(Error(bad_regex, "").find("bad pattern \"board_approval\""), std::string::npos);
  EXPECT_NE(Error("{", "").find("cnexchange rule pack:"), std::string::npos);
}

TEST_F(CnexchangePackTest, APolicyMakesTheRulesApplyToAReportWithoutAClaim) {
  fs::create_directories(dir_ / "cnexchange");
  Write("cnexchange/policy.ini", "require = any\n");
  RunOptions o;
  o.rules_dirs = {dir_.string(), testing::SourcePath("rules")};
  ReportResult r = testing::RunOnText(Registry(), "本报告参照GRI标准编制。\n", o);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_FALSE(r.findings.empty());
  EXPECT_EQ(Count(r, "cnexchange.claim-missing"), 1u);
  EXPECT_EQ(r.findings.front().message, "策略要求依据2024年交易所可持续发展报告指引之一编制，但报告未声明依据该指引");
}

// ---- Report elements against the annual report's facts, who must comply, the first-period
// relief, a materiality matrix given only as a picture.

KpiRecord Kpi(const std::string& key, const std::string& text) {
  KpiRecord k;
  k.key = key;
  k.text = text;
  k.value = std::stod(text);
  k.source = "data.json:" + std::to_string(key.size());
  return k;
}

std::vector<std::string> Messages(const ReportResult& r, const std::string& rule) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings)
    if (f.rule == rule) out.push_back(f.message);
  return out;
}

const char kOwnReport[] =
    "甲乙化工股份有限公司2024年度可持续发展报告\n"
    "本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》编制。\n"
    "报告时间范围为2024年1月1日至2024年12月31日。公司于2015年在深交所上市（股票代码：300111）。\n";

TEST(CnexchangeElementsTest, EntityAndStockCodeAreComparedWithTheAnnualReports) {
  std::vector<KpiRecord> kpis = {Kpi("company.stock-code", "300111")};
  RunOptions o;
  o.kpis = &kpis;
  ReportResult r = testing::RunOnText(Registry(), kOwnReport, o);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(Count(r, "cnexchange.entity-mismatch"), 0u);
  kpis = {Kpi("company.stock-code", "688001")};
  r = testing::RunOnText(Registry(), kOwnReport, o);
  ASSERT_EQ(Messages(r, "cnexchange.entity-mismatch").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.entity-mismatch")[0],
            "报告所述股票代码为300111，与年度报告的披露主体（股票代码688001，data.json:18）不一致"
            "（第4条第2款：报告主体须与年度报告一致）");
  // Without a claim or a requirement the guideline does not apply: no finding.
  r = testing::RunOnText(Registry(), "甲乙化工股份有限公司\n股票代码：300111\n", o);
  EXPECT_EQ(Count(r, "cnexchange.entity-mismatch"), 0u);
}

// The lines a stock code may stand on are those holding 代码 or ode (the scan's exact hits, read
// before FindEntity): the code is read on a later line, in English, after lines holding the words
// without a code.
TEST(CnexchangeElementsTest, AStockCodeIsReadOnAnyLineHoldingItsWords) {
  std::vector<KpiRecord> kpis = {Kpi("company.stock-code", "688001")};
  RunOptions o;
  o.kpis = &kpis;
  const std::string text = std::string(
      "甲乙化工股份有限公司2024年度可持续发展报告\n"
      "本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》编制。\n"
      "公司修订了《员工行为准则》（Code of Conduct）与代码审查制度。\n"
      "报告时间范围为2024年1月1日至2024年12月31日。\n");
  for (const char* line : {"公司于2015年在深交所上市（股票代码：300111）。\n", "Stock Code: 300111\n"}) {
    const ReportResult r = testing::RunOnText(Registry(), text + line, o);
    ASSERT_TRUE(r.status.ok()) << r.status.message();
    EXPECT_EQ(Count(r, "cnexchange.entity-mismatch"), 1u) << line;
  }
  kpis = {Kpi("company.stock-code", "300111")};
  EXPECT_EQ(Count(testing::RunOnText(Registry(), text + "Stock Code: 300111\n", o), "cnexchange.entity-mismatch"), 0u);
}

TEST(CnexchangeElementsTest, TheEntityNameComesFromThePolicy) {
  const fs::path dir = fs::path(::testing::TempDir()) / "cnexchange-entity";
  fs::create_directories(dir / "cnexchange");
  auto run = [&](const std::string& policy, const std::string& text) {
    std::ofstream(dir / "cnexchange" / "policy.ini") << policy;
    RunOptions o;
    o.rules_dirs = {dir.string(), testing::SourcePath("rules")};
    return testing::RunOnText(Registry(), text, o);
  };
  // A short name the report's full name contains is the same entity.
  EXPECT_EQ(Count(run("entity = 甲乙化工\n", kOwnReport), "cnexchange.entity-mismatch"), 0u);
  ReportResult r = run("entity = 丙丁材料股份有限公司\n", kOwnReport);
  ASSERT_EQ(Messages(r, "cnexchange.entity-mismatch").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.entity-mismatch")[0],
            "报告以“甲乙化工股份有限公司”为主体，与年度报告的披露主体“丙丁材料股份有限公司”"
            "（cnexchange/policy.ini）不一致（第4条第2款）");
  // No company name opens a line: the entity must at least be named.
  const std::string untitled = std::string(kClaim) + "本报告披露公司2024年度的可持续发展表现。\n";
  r = run("entity = 丙丁材料股份有限公司\n", untitled);
  ASSERT_EQ(Messages(r, "cnexchange.entity-mismatch").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.entity-mismatch")[0],
            "报告未提及年度报告的披露主体“丙丁材料股份有限公司”（cnexchange/policy.ini；第4条第2款）");
  EXPECT_EQ(Count(run("entity = 丙丁材料股份有限公司\n", untitled + "丙丁材料股份有限公司(以下简称公司)\n"),
                  "cnexchange.entity-mismatch"),
            0u);
  r = run("stock-code = 12345\n", kOwnReport);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("stock-code = \"12345\" is not a six-digit A-share code"), std::string::npos);
  r = run("indexes = sse180, nasdaq\n", kOwnReport);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("names \"nasdaq\""), std::string::npos);
}

TEST(CnexchangeElementsTest, ThePeriodIsComparedWithTheAnnualReportsFiscalYear) {
  std::vector<KpiRecord> kpis = {Kpi("annual-report.year", "2024")};
  RunOptions o;
  o.kpis = &kpis;
  EXPECT_EQ(Count(testing::RunOnText(Registry(), kOwnReport, o), "cnexchange.period-mismatch"), 0u);
  kpis = {Kpi("annual-report.year", "2025")};
  ReportResult r = testing::RunOnText(Registry(), kOwnReport, o);
  ASSERT_EQ(Messages(r, "cnexchange.period-mismatch").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.period-mismatch")[0],
            "报告期间为2024-01-01至2024-12-31，与年度报告的报告期间（2025年1月1日至12月31日，data.json:18）不一致"
            "（第4条第2款）");
  // A fiscal year that is not the calendar year.
  kpis = {Kpi("annual-report.year", "2024")};
  std::string half = kOwnReport;
  half.replace(half.find("2024年1月1日"), std::string("2024年1月1日").size(), "2023年7月1日");
  half.replace(half.find("2024年12月31日"), std::string("2024年12月31日").size(), "2024年6月30日");
  EXPECT_EQ(Count(testing::RunOnText(Registry(), half, o), "cnexchange.period-mismatch"), 1u);
  // A malformed record is an input error naming it.
  kpis = {Kpi("annual-report.year", "24")};
  r = testing::RunOnText(Registry(), kOwnReport, o);
  EXPECT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find("data.json:18: KPI 'annual-report.year': value '24' is not a year"),
            std::string::npos);
}

TEST(CnexchangeElementsTest, TheNewMessagesInEnglish) {
  std::vector<KpiRecord> kpis = {Kpi("annual-report.year", "2025"), Kpi("company.stock-code", "688001")};
  RunOptions o;
  o.kpis = &kpis;
  o.lang = "en";
  const std::string text = std::string(kOwnReport) + "| 指标 | 2024年 |\n|---|---|\n| 员工总数 | 1,200 |\n";
  ReportResult r = testing::RunOnText(Registry(), text, o);
  EXPECT_EQ(Messages(r, "cnexchange.period-mismatch"),
            std::vector<std::string>{"the report covers 2024-01-01 to 2024-12-31, but the annual report's period is "
                                     "2025-01-01 to 2025-12-31 (fiscal year 2025, data.json:18; Art. 4(2))"});
  EXPECT_EQ(Messages(r, "cnexchange.entity-mismatch"),
            std::vector<std::string>{"the report states stock code 300111, but the annual report's entity has stock code 688001 "
                                     "(data.json:18; Art. 4(2): the same entity as the annual report)"});
  EXPECT_EQ(Messages(r, "cnexchange.relief-misapplied"),
            std::vector<std::string>{"1 data table gives 2024 figures without the previous year's: no year-on-year "
                                     "change, and the report does not say it uses the first-period relief (Art. 63(3))"});
}

TEST(CnexchangeElementsTest, IndexMembershipMakesTheGuidelineRequired) {
  const std::string gri_only = "甲乙化工股份有限公司2025年度ESG报告\n本报告参照GRI标准编制。\n";
  // Membership from the data: the SZSE guideline for a SZSE 100 sample company.
  std::vector<KpiRecord> kpis = {Kpi("company.index.szse100", "1")};
  RunOptions o;
  o.kpis = &kpis;
  ReportResult r = testing::RunOnText(Registry(), gri_only, o);
  ASSERT_EQ(Messages(r, "cnexchange.claim-missing").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.claim-missing")[0],
            "公司为深证100指数样本公司（data.json:21），须依据深交所指引第17号披露，但报告未声明依据该指引");
  // Not a member: nothing required, nothing reported.
  kpis = {Kpi("company.index.szse100", "0")};
  EXPECT_TRUE(testing::RunOnText(Registry(), gri_only, o).findings.empty());
  // The report's own statement; a claim of the SSE guideline does not meet a SZSE requirement.
  r = testing::RunOnText(Registry(), gri_only + "公司为深证100指数样本公司。\n");
  ASSERT_EQ(Messages(r, "cnexchange.claim-missing").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.claim-missing")[0],
            "公司为深证100指数样本公司（报告自述），须依据深交所指引第17号披露，但报告未声明依据该指引");
  r = testing::RunOnText(Registry(), "2025年度可持续发展报告\n" + std::string(kClaim) + "公司为深证100指数样本公司。\n");
  EXPECT_EQ(Count(r, "cnexchange.claim-missing"), 0u);
  r = testing::RunOnText(Registry(), "2025年度可持续发展报告\n本报告参照上海证券交易所上市公司自律监管指引第14号编制。\n公司入选深证100指数成分股。\n");
  ASSERT_EQ(Messages(r, "cnexchange.claim-missing").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.claim-missing")[0],
            "报告声明依据上交所指引第14号，但公司为深证100指数样本公司（报告自述），须依据深交所指引第17号披露");
  // Dual listing: the guideline of the exchange of the A-share code; BSE makes none mandatory.
  kpis = {Kpi("company.index.dual-listed", "1"), Kpi("company.stock-code", "600001")};
  r = testing::RunOnText(Registry(), gri_only, o);
  ASSERT_EQ(Messages(r, "cnexchange.claim-missing").size(), 1u);
  EXPECT_NE(Messages(r, "cnexchange.claim-missing")[0].find("上交所指引第14号"), std::string::npos);
  kpis = {Kpi("company.index.dual-listed", "1"), Kpi("company.stock-code", "830001")};
  EXPECT_TRUE(testing::RunOnText(Registry(), gri_only, o).findings.empty());
  // The obligation starts with fiscal 2025 (Art. 63(1)): an earlier report's statement, or the
  // data's membership, requires nothing.
  EXPECT_TRUE(testing::RunOnText(Registry(), "甲乙化工股份有限公司2016年度社会责任报告\n公司为上证180指数样本公司,A+H股上市。\n")
                  .findings.empty());
  kpis = {Kpi("company.index.sse180", "1")};
  EXPECT_TRUE(testing::RunOnText(Registry(), "甲乙化工股份有限公司2024年度社会责任报告\n", o).findings.empty());
  // No year read: the user's facts count, the report's own statement does not.
  EXPECT_EQ(Count(testing::RunOnText(Registry(), "本报告参照GRI标准编制。\n", o), "cnexchange.claim-missing"), 1u);
  EXPECT_TRUE(testing::RunOnText(Registry(), "本报告参照GRI标准编制。\n公司为上证180指数样本公司。\n").findings.empty());
  kpis = {Kpi("company.index.nasdaq", "1")};
  EXPECT_FALSE(testing::RunOnText(Registry(), gri_only, o).status.ok());
}

TEST(CnexchangeElementsTest, TheFirstPeriodReliefIsForTheFirstReportOnly) {
  const std::string relief = std::string(kOwnReport) + "本报告为首个报告期，部分指标暂不披露同比变化。\n";
  EXPECT_EQ(Count(testing::RunOnText(Registry(), relief), "cnexchange.relief-misapplied"), 0u);
  for (const char* earlier : {"本报告为公司连续第三年发布的可持续发展报告。\n", "本报告为公司披露的第二份环境、社会及公司治理报告。\n",
                              "往年报告详见公司网站。\n", "公司2023年度社会责任报告已于去年发布。\n"}) {
    ReportResult r = testing::RunOnText(Registry(), relief + earlier);
    ASSERT_EQ(Messages(r, "cnexchange.relief-misapplied").size(), 1u) << earlier;
    EXPECT_EQ(Messages(r, "cnexchange.relief-misapplied")[0].rfind("报告称适用首个报告期的安排，但报告也表明此前已发布报告", 0), 0u);
  }
  // The report's own year named is not an earlier report.
  EXPECT_EQ(Count(testing::RunOnText(Registry(), relief + "详见公司2024年度社会责任报告。\n"), "cnexchange.relief-misapplied"), 0u);
}

// A pattern is searched on each line holding one of the words its matches need (a mask of the
// lines, looked up once per search): the earlier report is found on the first line after the
// relief, among lines holding those words without a match, and as the report's last line.
TEST(CnexchangeElementsTest, APatternIsSearchedOnEveryLineHoldingWhatItNeeds) {
  const std::string relief = std::string(kOwnReport) + "本报告为首个报告期，部分指标暂不披露同比变化。\n";
  const std::string earlier = "本报告为公司连续第三年发布的可持续发展报告。\n";
  const std::string near_miss = "公司连续第一年开展志愿服务。\n报告期内公司持续推进第一项工作。\n";
  for (const std::string& text : {relief + earlier + near_miss, relief + near_miss + earlier + near_miss,
                                  relief + near_miss + near_miss + earlier}) {
    EXPECT_EQ(Count(testing::RunOnText(Registry(), text), "cnexchange.relief-misapplied"), 1u) << text;
  }
  EXPECT_EQ(Count(testing::RunOnText(Registry(), relief + near_miss), "cnexchange.relief-misapplied"), 0u);
}

TEST(CnexchangeElementsTest, ComparativesLeftOutWithoutTheReliefAreReported) {
  const std::string only_current = std::string(kOwnReport) +
                                   "| 指标 | 单位 | 2024年 |\n|---|---|---|\n| 用水量 | 吨 | 1,200 |\n| 综合能耗 | 吨标准煤 | 350 |\n";
  ReportResult r = testing::RunOnText(Registry(), only_current);
  ASSERT_EQ(Messages(r, "cnexchange.relief-misapplied").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.relief-misapplied")[0],
            "1个数据表仅列示2024年数据，未披露指标同比变化，也未说明适用首个报告期可不披露同比变化的安排（第63条第(三)项）");
  // A previous year's column in the table, or the relief stated: no finding. Another table's
  // comparison does not make up for it.
  const std::string both = std::string(kOwnReport) +
                           "| 指标 | 单位 | 2023年 | 2024年 |\n|---|---|---|---|\n| 用水量 | 吨 | 1,100 | 1,200 |\n";
  EXPECT_EQ(Count(testing::RunOnText(Registry(), both), "cnexchange.relief-misapplied"), 0u);
  EXPECT_EQ(Count(testing::RunOnText(Registry(), both + "\n本报告披露以下指标。\n\n" + only_current.substr(std::string(kOwnReport).size())),
                  "cnexchange.relief-misapplied"),
            1u);
  EXPECT_EQ(Count(testing::RunOnText(Registry(), only_current + "本报告为首个报告期，暂不披露同比变化。\n"),
                  "cnexchange.relief-misapplied"),
            0u);
}

TEST(CnexchangeElementsTest, AMaterialityMatrixGivenOnlyAsAPictureIsSaid) {
  const std::string picture = std::string(kClaim) + "## 重要性议题矩阵\n\n![](matrix.png)\n\n注：标记绿色的议题为自主识别议题。\n";
  ReportResult r = testing::RunOnText(Registry(), picture);
  ASSERT_EQ(Messages(r, "cnexchange.materiality-picture").size(), 1u);
  EXPECT_EQ(Messages(r, "cnexchange.materiality-picture")[0],
            "重要性矩阵似仅以图片呈现：正文未按重要性类别列出议题，无法核对21个议题是否均经评估（第5条第1款）");
  // With the topics listed in the text under their class, the matrix is not the only source.
  const std::string listed = std::string(kClaim) + "## 同时具有影响重要性及财务重要性的议题\n\n应对气候变化\n\n员工\n\n" +
                             "## 重要性议题矩阵\n\n![](matrix.png)\n";
  EXPECT_EQ(Count(testing::RunOnText(Registry(), listed), "cnexchange.materiality-picture"), 0u);
}

// Evidence is quoted only when a coverage record or a finding shows it: each quote shown must be the
// one made with the evidence, from up to eight code points before the hit within its cell, the
// following cells of the line joined by a space, cut at forty code points (in the matching view: its
// full-width commas are ASCII); a topic's record shows one item per line, and a finding quotes the
// evidence it rests on.
TEST(CnexchangeTest, EvidenceShownIsQuotedFromItsCellAndTheCellsAfterIt) {
  const std::string text = std::string(kClaim) +
                           "一、应对气候变化\n"
                           "公司制定了应对气候变化的战略与目标，报告期内温室气体排放总量为12,000吨二氧化碳当量，"
                           "并披露了范围一和范围二排放。\n"
                           "指标    温室气体排放总量    12,000吨    范围一排放    8,000吨\n"
                           "二、污染物排放\n"
                           "公司废水排放量为3,000吨，化学需氧量排放10吨，报告期内未发生环境污染事故。\n";
  const ReportResult r = testing::RunOnText(Registry(), text);
  std::map<std::string, std::vector<std::string>> shown;  // scheme/id -> line: quote
  for (const CoverageRecord& c : r.coverage) {
    if (c.scheme != "cn-exchange" && c.scheme != "cn-exchange-items") continue;
    for (const Related& l : c.locations) {
      shown[c.scheme + "/" + c.id].push_back(std::to_string(l.location.line) + ": " + l.message);
    }
  }
  const std::string cut = "3: 与目标,报告期内温室气体排放总量为12,000吨二氧化碳当量,并披露了范围一和范…";
  EXPECT_EQ(shown["cn-exchange/climate"], std::vector<std::string>({cut}));
  EXPECT_EQ(shown["cn-exchange-items/climate-ghg-total"],
            std::vector<std::string>({cut, "4: 温室气体排放总量 12,000吨 范围一排放 8,000吨"}));
  EXPECT_EQ(shown["cn-exchange-items/climate-ghg-scope1-2"],
            std::vector<std::string>({"3: 碳当量,并披露了范围一和范围二排放。", "4: 范围一排放 8,000吨"}));
  EXPECT_EQ(shown["cn-exchange-items/pollution-emissions"],
            std::vector<std::string>({"6: 公司废水排放量为3,000吨,化学需氧量排放10吨,报告期内未发生环境污染事故。"}));
  EXPECT_EQ(shown["cn-exchange-items/envcomp-major-incidents"],
            std::vector<std::string>({"6: 未发生：,报告期内未发生环境污染事故。"}));
  size_t quoted = 0;
  for (const Finding& f : r.findings) {
    if (f.rule == "cnexchange.item-missing" && f.location.line == 3) {
      EXPECT_EQ(f.evidence, cut.substr(3)) << f.message;
      ++quoted;
    }
  }
  EXPECT_GE(quoted, 1u);
}

}  // namespace
}  // namespace esgaudit
