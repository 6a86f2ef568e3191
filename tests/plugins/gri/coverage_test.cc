// Coverage records of the gri plugin, run in-process through the real host.
#include <gtest/gtest.h>

#include "catalogue.h"
#include "esgaudit_testing.h"
#include "register.h"

namespace esgaudit::gri {
namespace {

class GriCoverage : public ::testing::Test {
 protected:
  GriCoverage() { RegisterRules(registry_); }

  ReportResult Run(std::string text, std::string lang = "zh") {
    RunOptions options;
    options.lang = std::move(lang);
    return testing::RunOnText(registry_, std::move(text), options);
  }
  static const CoverageRecord& Record(const ReportResult& r, const std::string& id) {
    for (const CoverageRecord& c : r.coverage) {
      if (c.id == id) return c;
    }
    static CoverageRecord none;
    ADD_FAILURE() << "no coverage record " << id;
    return none;
  }
  static std::string Status(const ReportResult& r, const std::string& id) {
    return CoverageStatusName(Record(r, id).status);
  }

  sdk::Registry registry_;
};

TEST_F(GriCoverage, OneRecordPerDisclosureInCatalogueOrder) {
  ReportResult r = Run("无关内容\n");
  ASSERT_EQ(r.coverage.size(), 144u);
  EXPECT_EQ(r.coverage.front().scheme, "gri");
  EXPECT_EQ(r.coverage.front().id, "2-1");
  EXPECT_EQ(r.coverage.front().title, "组织详细情况");
  EXPECT_EQ(r.coverage[29].id, "2-30");
  EXPECT_EQ(r.coverage[30].id, "3-1");
  EXPECT_EQ(r.coverage.back().id, "103-5");
  for (const CoverageRecord& c : r.coverage) EXPECT_EQ(c.status, ESGAUDIT_MISSING) << c.id;
  EXPECT_TRUE(r.findings.empty());  // no GRI claim: coverage only
}

// A mention is the first pattern (in catalogue order) whose parts all occur in a line, located at
// its earliest part, each part at its first occurrence in the line: parts repeated, parts in either
// order, mentions on several lines, and a line holding one part only.
TEST_F(GriCoverage, AMentionIsLocatedAtTheFirstOccurrenceOfItsEarliestPart) {
  ReportResult r = Run(
      "本报告涵盖公司及其子公司，子公司名单见本报告附注。\n"
      "监事会对董事会负责，董事会下设委员会，监事会列席董事会。\n"
      "董事会召开会议，董事会与监事会沟通。\n"
      "公司董事会共召开八次会议。\n"
      "其他子公司情况。\n");
  auto where = [&](const std::string& id) {
    std::vector<std::string> out;
    for (const auto& l : Record(r, id).locations)
      out.push_back(std::to_string(l.location.line) + ":" + std::to_string(l.location.column) + "+" +
                    std::to_string(l.location.length));
    return out;
  };
  EXPECT_EQ(where("2-2"), (std::vector<std::string>{"1:3+6"}));  // 报告 before 子公司
  EXPECT_EQ(where("2-9"), (std::vector<std::string>{"2:1+9", "3:1+9"}));  // 监事会, then 董事会
}

TEST_F(GriCoverage, Scope1NeedsAnAbsoluteFigureWithAUnit) {
  EXPECT_EQ(Status(Run("公司持续加强碳排放管理，推进节能降碳。\n"), "305-1"), "partial");
  EXPECT_EQ(Status(Run("范围一温室气体排放量 1,234 吨二氧化碳当量。\n"), "305-1"), "covered");
  EXPECT_EQ(Status(Run("Scope 1 GHG emissions: 12,345 tCO2e\n", "en"), "305-1"), "covered");
  // A percentage is not an absolute figure.
  EXPECT_EQ(Status(Run("范围一排放同比下降 5%。\n"), "305-1"), "partial");
  EXPECT_EQ(Status(Run("公司生产铝锭。\n"), "305-1"), "missing");
}

TEST_F(GriCoverage, GenderBreakdownAndHiresWithTurnover) {
  ReportResult r = Run("员工总数 1,774 人，其中女性员工 497 人。\n新进员工 120 人。\n");
  EXPECT_EQ(Status(r, "2-7"), "covered");
  EXPECT_EQ(Status(r, "405-1"), "covered");
  EXPECT_EQ(Status(r, "401-1"), "partial");  // hires without turnover
  EXPECT_EQ(Status(Run("新进员工 120 人，员工离职率 3.5%。\n"), "401-1"), "covered");
  EXPECT_EQ(Status(Run("公司坚持男女平等，重视性别多元化。\n"), "405-1"), "partial");
}

TEST_F(GriCoverage, ChartLegendLabelsCount) {
  // A gender chart: "男"/"女" are the numbers' column labels, not words around them.
  EXPECT_EQ(Status(Run("员工性别构成\n    男          女\n    79%        21%\n"), "405-1"),
            "covered");
  EXPECT_EQ(Status(Run("帮扶对象\n    妇女\n    21%\n"), "405-1"), "missing");
}

TEST_F(GriCoverage, QualitativeDisclosuresAreCoveredByTheirSection) {
  ReportResult r = Run(
      "董事长致辞\n我们坚持可持续发展战略。\n利益相关方沟通\n公司通过多种渠道与利益相关方沟通。\n");
  EXPECT_EQ(Status(r, "2-22"), "covered");
  EXPECT_EQ(Status(r, "2-29"), "covered");
}

TEST_F(GriCoverage, TableOfContentsAndRunningHeadersAreNotEvidence) {
  std::string toc = "目 录\n董事长致辞 ........ 4\n利益相关方沟通 8\n\n正文开始。\n";
  ReportResult r = Run(toc);
  EXPECT_EQ(Status(r, "2-22"), "missing");
  EXPECT_EQ(Status(r, "2-29"), "missing");
  // A title repeated at the top of four pages whose text says nothing of it: the first copy titles
  // the pages (a heading with nothing under it, partial), the running headers below it add nothing.
  std::string headers;
  for (int i = 0; i < 4; ++i) headers += "员工健康与安全\n正文第" + std::to_string(i) + "页。\n";
  ReportResult h = Run(headers);
  EXPECT_EQ(Status(h, "403-6"), "partial");
  ASSERT_EQ(Record(h, "403-6").locations.size(), 1u);
  EXPECT_EQ(Record(h, "403-6").locations[0].location.line, 1u);
  EXPECT_EQ(Status(Run("员工健康与安全\n公司每年组织员工体检，关注员工身心健康。\n"), "403-6"), "covered");
}

TEST_F(GriCoverage, AHeadingOrSloganAloneIsPartialWithItsReason) {
  // A heading with no text under it, and a short slogan line: the disclosure is named, not answered.
  ReportResult r = Run("利益相关方沟通\n\n员工健康与安全\n公司员工总数 12,375 人，女性占 21%。\n");
  EXPECT_EQ(Status(r, "2-29"), "partial");
  const CoverageRecord& c = Record(r, "2-29");
  ASSERT_FALSE(c.locations.empty());
  EXPECT_EQ(c.locations[0].message.rfind("[仅见于标题或短句] ", 0), 0u) << c.locations[0].message;
  // The same heading with a passage under it: a section about the topic.
  EXPECT_EQ(Status(Run("利益相关方沟通\n公司通过股东大会、客户座谈会等渠道与各方沟通。\n"), "2-29"), "covered");
}

TEST_F(GriCoverage, AFigureNeedsItsOwnClauseAndATableRowItsLabelCell) {
  // 100% belongs to the signing rate of labour contracts, not to the collective agreement named in the
  // next clause.
  EXPECT_EQ(Status(Run("员工的劳动合同签订率为100%，推进集体合同和工资集体协商。\n"), "2-30"), "partial");
  EXPECT_EQ(Status(Run("公司与工会签订集体合同，集体合同覆盖员工比例为100%。\n"), "2-30"), "covered");
  // A KPI table: the row label carries the quantity and its unit, the cells only figures.
  std::string table = "指标\t2015年\t2016年\n办公用水总量（吨）\t1,400\t1,200\n员工人数\t56\t60\n";
  EXPECT_EQ(Status(Run(table), "303-3"), "covered");
  // A water total printed as consumption answers withdrawal when no withdrawal is printed.
  EXPECT_EQ(Status(Run("关键指标\t2015\t2016\n总耗水量（吨）\t481,152\t513,645\n员工人数\t56\t60\n"), "303-3"),
            "covered");
  EXPECT_EQ(Status(Run("Water consumption (cubic meters): In 2022 124,632 cubic meters\n", "en"), "303-3"),
            "covered");
  EXPECT_NE(Status(Run("年度节约用水（吨）\t1,697.83\t2,662.09\n"), "303-3"), "covered");
  // 用水 of 利用水泥窑 (waste burnt in cement kilns) is no water; the same clause of water use is.
  EXPECT_NE(Status(Run("报告期内，本集团利用水泥窑共处理生活垃圾60万吨。\n"), "303-3"), "covered");
  EXPECT_EQ(Status(Run("报告期内，本集团水泥生产用水量60万吨。\n"), "303-3"), "covered");
  // An energy intensity (per unit of output) is no energy consumption.
  EXPECT_EQ(Status(Run("全年综合能耗控制在1.11吨标煤/万吨。\n"), "302-1"), "partial");
  EXPECT_EQ(Status(Run("全年综合能耗为1.11万吨标煤。\n"), "302-1"), "covered");
}

TEST_F(GriCoverage, AYearSeriesOnItsOwnLineIsNamedByTheTitleAboveIt) {
  const std::string series = "- In 2021 4.2 Thousands MT CO2e - In 2022 3.9 Thousands MT CO2e\n";
  EXPECT_EQ(Status(Run("## Scope 1 GHG Emissions\n" + series, "en"), "305-1"), "covered");
  EXPECT_EQ(Status(Run("## Total energy use:\n- In 2021 256.6 MWh in thousands - In 2022 259.8 MWh in thousands\n", "en"),
                   "302-1"),
            "covered");
  // A sentence above the series names nothing; a title saying what was saved is no consumption.
  EXPECT_EQ(Status(Run("We report our Scope 1 GHG emissions every year.\n" + series, "en"), "305-1"), "partial");
  EXPECT_EQ(Status(Run("## Energy saved by LED lighting\n- In 2021 1.2 MWh - In 2022 1.9 MWh\n", "en"), "302-1"),
            "missing");
  // A sentence opening with a year is no series.
  EXPECT_EQ(Status(Run("## Scope 1 GHG Emissions\nIn 2022, we cut 4.2 Thousands MT CO2e across our sites\n", "en"), "305-1"),
            "partial");
}

TEST_F(GriCoverage, AFigureWhoseClauseSaysItCountsSomethingElseIsNoDataPoint) {
  // Staff trained, women insured, injured staff visited: the label word is there, the data point
  // is not.
  EXPECT_EQ(Status(Run("开展新员工入职培训，全年培训新员工 4000 名。员工离职率 3%。\n"), "401-1"), "partial");
  EXPECT_EQ(Status(Run("全年新招聘员工 320 人。员工离职率 3%。\n"), "401-1"), "covered");
  EXPECT_EQ(Status(Run("工会为 232 名女职工投保专项保险。\n"), "405-1"), "partial");
  EXPECT_EQ(Status(Run("公司女职工 232 人，占员工总数的 31%。\n"), "405-1"), "covered");
  // Women taking part in a programme are no breakdown of the workforce.
  EXPECT_EQ(Status(Run("In 2022, 900 women participated in our mentoring program.\n", "en"), "405-1"), "partial");
  EXPECT_EQ(Status(Run("We provided 25 million women entrepreneurs with solutions.\n", "en"), "405-1"), "partial");
  EXPECT_EQ(Status(Run("Women continue to earn $ 1 for every $ 1 men earn.\n", "en"), "405-1"), "partial");
  // Nor are women-owned businesses, or a goal for the share of women.
  EXPECT_EQ(Status(Run("We surpassed our goal to help 25 million women-owned businesses.\n", "en"), "405-1"),
            "partial");
  EXPECT_EQ(Status(Run("力争2025年女性员工比例达到 30%。\n"), "405-1"), "partial");
  // An SDG target's code ("5.c") is no figure.
  EXPECT_EQ(Status(Run("We support SDG 5: the empowerment of women 5.c Adopt sound policies.\n", "en"), "405-1"),
            "partial");
  // The board's share of women is the governance body's half of 405-1, not the employees'; a sentence
  // opening with the body it speaks of says so of every figure in it.
  EXPECT_EQ(Status(Run("On our Board, we have 46% female representation and 31% ethnic minority representation.\n", "en"),
                   "405-1"),
            "partial");
  EXPECT_NE(Status(Run("公司女性董事数量为2人，占比为28.57%。\n"), "405-1"), "covered");
  // The hours per head of one class are no average per employee.
  EXPECT_NE(Status(Run("我们与某大学开办大专学历班，2016年共培训140人，人均120学时。\n"), "404-1"), "covered");
  EXPECT_EQ(Status(Run("2016年共培训员工5,109人次，人均培训时长58小时。\n"), "404-1"), "covered");
  // A saving the sentence opens with: the energy figure after it is what was saved, no consumption.
  EXPECT_EQ(Status(Run("通过照明灯具的更新改造每年可节省1.61万元，能源消耗减低7.6吨标准煤。\n"), "302-1"), "partial");
  EXPECT_EQ(Status(Run("女性员工比例为 30%。\n"), "405-1"), "covered");
  EXPECT_EQ(Status(Run("Women make up 41% of our global workforce.\n", "en"), "405-1"), "covered");
  EXPECT_EQ(Status(Run("节日期间慰问困难员工、工伤员工等 175 人次。\n"), "403-9"), "partial");
  EXPECT_EQ(Status(Run("全年发生工伤 3 起，工伤人数 3 人。\n"), "403-9"), "covered");
  // A saving or a figure per unit of output is no consumption.
  EXPECT_EQ(Status(Run("通过技改，直接降低了公司运行能耗 1796 吨标准煤。\n"), "302-1"), "partial");
  EXPECT_EQ(Status(Run("近三年万元产出的平均能耗为电 81.17 千瓦时。\n"), "302-1"), "partial");
  EXPECT_EQ(Status(Run("减少二氧化碳排放量 855 吨。\n"), "305-1"), "partial");
  EXPECT_EQ(Status(Run("年度综合能耗 12,000 吨标准煤。\n"), "302-1"), "covered");
  // A headcount stated as what the company has; person-times are no headcount.
  EXPECT_EQ(Status(Run("公司拥有近 7 万名员工。\n"), "2-7"), "covered");
  EXPECT_EQ(Status(Run("全年参加培训的员工人数 3000 人次。\n"), "2-7"), "partial");
  // Employees taking part in an activity are no headcount either.
  EXPECT_EQ(Status(Run("Nearly 10,000 employees completed 20,000 individual activities.\n", "en"), "2-7"), "partial");
  EXPECT_EQ(Status(Run("Over 9,000 employees voluntarily provided data for the survey.\n", "en"), "2-7"), "partial");
  EXPECT_EQ(Status(Run("参与志愿服务的员工人数 1,071 人。\n"), "2-7"), "partial");
  EXPECT_EQ(Status(Run("We have approximately 30,000 employees worldwide.\n", "en"), "2-7"), "covered");
}

TEST_F(GriCoverage, AntiCorruptionTrainingNeedsWhomItReachedOrHowMany) {
  // 205-2 counts the governance body members, employees and partners the policies reached: a passage
  // on anti-corruption work that names none of them, nor how many sessions or people, is partial.
  ReportResult r = Run("公司深入推进党风廉政建设，举办反腐倡廉专题讲座，组织党员干部参观警示教育基地。\n");
  EXPECT_EQ(Status(r, "205-2"), "partial");
  const CoverageRecord& c = Record(r, "205-2");
  ASSERT_FALSE(c.locations.empty());
  EXPECT_EQ(c.locations[0].message.rfind("[未说明涉及的人员] ", 0), 0u) << c.locations[0].message;
  EXPECT_EQ(Status(Run("We strengthened our anti-corruption framework and internal controls.\n", "en"), "205-2"),
            "partial");
  // Whom: employees, or the line next to the passage naming them.
  EXPECT_EQ(Status(Run("公司组织员工观看警示教育片，签订廉洁承诺书。\n"), "205-2"), "covered");
  EXPECT_EQ(Status(Run("反商业贿赂：排查关键岗位，员工参与排查覆盖率高。\n合规教育与反腐倡廉教育：集中组织学习规章制度。\n"),
                   "205-2"),
            "covered");
  EXPECT_EQ(Status(Run("We train all employees on our anti-corruption policies every year.\n", "en"), "205-2"),
            "covered");
  // How many: sessions held or people trained.
  EXPECT_EQ(Status(Run("报告期内，公司开展各种形式的反腐倡廉教育培训共计21次。\n"), "205-2"), "covered");
  // A figure that counts nothing reached (a date, a bare number) is no such count.
  EXPECT_EQ(Status(Run("2016年9月，公司开展了主题警示教育月活动，通过0A系统发布通知。\n"), "205-2"), "partial");
}

TEST_F(GriCoverage, AFigureStandingAloneTakesTheShortLineBelowAsItsLabel) {
  EXPECT_EQ(Status(Run("## Our people\n\n## 89,900\n\nemployees worldwide\n\n## Our values\n", "en"), "2-7"),
            "covered");
  // In a flattened table the line below a figure is the next row's label, not this figure's.
  std::string flat = "Sites audited\n\n2022\n\n2023\n\n120\n\n89,900\n\nemployees worldwide\n\n2022\n\n";
  EXPECT_EQ(Status(Run(flat, "en"), "2-7"), "partial");
}

TEST_F(GriCoverage, AFigureTakesTheLineBelowOnlyWithinItsBoundsHoweverLongItsLine) {
  // A unit may stand beside the figure; heading, emphasis and table marks and blanks do not count,
  // however many. The caption is the first non-blank line within three below.
  const std::string below = "\n\nemployees worldwide\n\n## Our values\n";
  EXPECT_EQ(Status(Run("## Our people\n\n## 89,900 people" + below, "en"), "2-7"), "covered");
  EXPECT_EQ(Status(Run("## Our people\n\n| **89,900** | \t  |  people |" + below, "en"), "2-7"), "covered");
  EXPECT_EQ(Status(Run("## Our people\n\n## 89,900\n\n\nemployees worldwide\n", "en"), "2-7"), "covered");
  EXPECT_NE(Status(Run("## Our people\n\n## 89,900\n\n\n\nemployees worldwide\n", "en"), "2-7"), "covered");
  // A figure among thousands on one line has text beside it: the line below is no caption of it.
  std::string many = "## Our people\n\n";
  for (int i = 0; i < 4000; ++i) many += std::to_string(1000 + i) + "   ";
  EXPECT_NE(Status(Run(many + below, "en"), "2-7"), "covered");
}

TEST_F(GriCoverage, ASeriesLabelNamesFiguresUpTo160BytesAfterItsColon) {
  // "label: - in YEAR … - in YEAR figure": the colon is looked for at most 160 bytes before the figure.
  auto series = [](size_t reach) {
    const std::string head = "Water consumption (cubic meters): - in 2020 ";
    const std::string tail = " - in 2022 ";
    // From the colon to the figure: head's rest after the colon, the filler word, the tail.
    const size_t fixed = head.size() - head.find(':') + tail.size();
    return head + std::string(reach - fixed, 'n') + tail + "124,632 cubic meters\n";
  };
  EXPECT_EQ(Status(Run(series(160), "en"), "303-3"), "covered");
  EXPECT_NE(Status(Run(series(161), "en"), "303-3"), "covered");
}

TEST_F(GriCoverage, AChartUnitAboveItsValuesSetsThemApartAndIsTheirUnit) {
  // A flattened chart: its unit line, its values, its caption below them.
  EXPECT_EQ(Status(Run("我们的绩效\n单位：%\n50\t44.5\n女性员工比例\n集体合同覆盖率\n"), "405-1"), "covered");
  // The stated unit is the values' unit: a share is no head count, whatever the caption's words.
  EXPECT_NE(Status(Run("员工总数\n单位：%\n90 81.0\n外籍员工人数\n员工满意度\n"), "2-7"), "covered");
  // A line of text above is a sentence wrapped onto the value's line, not a chart's unit.
  EXPECT_NE(Status(Run("公司持续推进性别平等，截至年末\n50\t44.5\n女性员工比例\n集体合同覆盖率\n"), "405-1"), "covered");
}

TEST_F(GriCoverage, AUnitColumnGivesTheRowItsUnit) {
  std::string md =
      "| Category | Unit | 2022 | 2023 |\n|---|---|---|---|\n| Scope 1 | tCO2e | 4,100 | 4,121 |\n"
      "| Total employees | persons | 11,000 | 12,000 |\n";
  ReportResult r = Run(md, "en");
  EXPECT_EQ(Status(r, "305-1"), "covered");
  EXPECT_EQ(Status(r, "2-7"), "covered");
  EXPECT_EQ(Status(Run("指标\t单位\t2015年\t2016年\n综合能耗\t吨标准煤\t1,400\t1,200\n"), "302-1"), "covered");
  // An empty earlier value ("n/a") between the unit and the figure is neither a unit nor a rate.
  EXPECT_EQ(Status(Run("| Metric | Unit | 2022 | 2023 |\n|---|---|---|---|\n| Energy consumption | GJ | n/a | 1,234 |\n",
                       "en"),
                   "302-1"),
            "covered");
  // A rate column stays a rate; a caption's topic does not lend its words to a row of another unit.
  EXPECT_EQ(Status(Run("指标\t单位\t2015年\t2016年\n单位产值综合能耗\t吨标准煤/万元\t0.14\t0.12\n"), "302-1"),
            "partial");
  std::string captioned = "温室气体排放情况\n指标\t单位\t2016年\n用水总量\t吨\t1,200\n";
  EXPECT_NE(Status(Run(captioned), "305-1"), "covered");
}

TEST_F(GriCoverage, ALineStatingOnlyTheUnitIsNoTableCaption) {
  // The topic above a table's unit line ("单位：…") is its caption: the unit line names nothing.
  const std::string table = "甲厂\t乙厂\t小计\n18,591,350\t13,552,568\t32,143,918\n\n公司持续提升治理水平。\n";
  EXPECT_EQ(Status(Run("公司依法纳税。\n\n• 政府补助\n单位：人民币元\n" + table), "201-4"), "covered");
  // Without the topic, the unit alone answers nothing.
  EXPECT_NE(Status(Run("公司依法纳税。\n\n• 员工活动\n单位：人民币元\n" + table), "201-4"), "covered");
}

TEST_F(GriCoverage, AChartCaptionNamesItsFigures) {
  // Shares under a caption naming the gender split answer 405-1; the same shares under a caption
  // naming another split do not.
  const std::string text = "员工关爱\n公司尊重每一位员工。\n\n";
  EXPECT_EQ(Status(Run(text + "男女比例\n28%\n72%\n■男 ■女\n"), "405-1"), "covered");
  EXPECT_NE(Status(Run(text + "学历结构\n28%\n72%\n■本科 ■大专\n"), "405-1"), "covered");
}

TEST_F(GriCoverage, AnIndexRowAloneGivesPartialAndAnOmittedRowNothing) {
  std::string index = "GRI内容索引\n";
  const char* rows[] = {"G4-10\t员工总数\t12", "G4-LA1\t新进员工和员工流动\t20", "G4-EN8\t总取水量\t-",
                        "G4-EN15\t直接温室气体排放\t30", "G4-SO4\t反腐败培训\t40"};
  for (const char* row : rows) index += std::string(row) + "\n";
  ReportResult r = Run("2016年社会责任报告\n" + index);
  EXPECT_EQ(Status(r, "401-1"), "partial");
  EXPECT_EQ(Record(r, "401-1").locations[0].message.rfind("[仅见于内容索引] ", 0), 0u);
  EXPECT_EQ(Status(r, "303-3"), "missing");  // its row says "-": not reported
}

TEST_F(GriCoverage, AnIndexRowPointingToAPageWithTheFigureIsCovered) {
  // A text without page breaks: the printed page numbers ("- 2 -") delimit the pages.
  std::string pages =
      "2016年社会责任报告\n公司概况：公司成立于1990年，主营铝加工。\n- 1 -\n"
      "环境保护\n本年度公司二氧化碳排放 1,234 吨，较上年有所下降。\n- 2 -\n"
      "员工关爱\n公司重视员工成长，完善薪酬福利体系。\n- 3 -\n"
      "社区公益\n公司积极参与社区建设。\n- 4 -\n";
  std::string index =
      "GRI内容索引\nG4-10\t员工总数\t3\nG4-LA1\t新进员工和员工流动\t3\nG4-EN8\t总取水量\t-\n"
      "G4-EN15\t直接温室气体排放\t{EN15}\nG4-SO4\t反腐败培训\t4\n- 5 -\n";
  auto with = [&](const std::string& page) {
    std::string text = pages + index;
    text.replace(text.find("{EN15}"), 6, page);
    return Run(text);
  };
  ReportResult r = with("2");
  EXPECT_EQ(Status(r, "305-1"), "covered");
  bool quotes_figure = false;
  for (const auto& l : Record(r, "305-1").locations) quotes_figure |= l.message.find("1,234") != std::string::npos;
  EXPECT_TRUE(quotes_figure);
  // The page it points to has no such figure: the row alone, partial as before.
  EXPECT_EQ(Status(with("4"), "305-1"), "partial");
  EXPECT_EQ(Status(r, "401-1"), "partial");  // page 3 has no hires or turnover figure
}

TEST_F(GriCoverage, AnIndexRowCoversAQualitativeDisclosureWhereItsPageNamesTheTopicAndTreatsIt) {
  // 205-2 asks for no figure: the page the row points to must name the topic (here only in a box
  // label, which alone is partial) and carry running text.
  std::string pages =
      "2016年社会责任报告\n公司概况：公司成立于1990年，主营铝加工。\n- 1 -\n"
      "合规经营\n警示教育\t12场\n公司组织全体管理人员学习廉洁从业规定，签订承诺书，开展专项检查。\n- 2 -\n"
      "员工关爱\n公司重视员工成长，完善薪酬福利体系，组织员工参加各类文体活动。\n- 3 -\n";
  std::string index =
      "GRI内容索引\nG4-10\t员工总数\t3\nG4-LA1\t新进员工和员工流动\t3\nG4-EN8\t总取水量\t-\n"
      "G4-EN15\t直接温室气体排放\t-\nG4-SO4\t反腐败培训\t{SO4}\n- 4 -\n";
  auto with = [&](const std::string& page) {
    std::string text = pages + index;
    text.replace(text.find("{SO4}"), 5, page);
    return Run(text);
  };
  EXPECT_EQ(Status(Run(pages), "205-2"), "partial");  // the box label alone
  EXPECT_EQ(Status(with("2"), "205-2"), "covered");
  EXPECT_EQ(Status(with("3"), "205-2"), "partial");  // that page does not name the topic
}

TEST_F(GriCoverage, WithoutPageNumberLinesTheTableOfContentsGivesThePages) {
  // No line holds a page number alone: the table of contents maps printed pages to headings.
  std::string text =
      "2016年社会责任报告\n目录\n公司概况 1\n环境保护 2\n员工关爱 5\n社区公益 7\n"
      "公司概况\n公司成立于1990年，主营铝加工。\n"
      "环境保护\n本年度公司二氧化碳排放 1,234 吨，较上年有所下降。\n"
      "员工关爱\n公司重视员工成长，完善薪酬福利体系。\n"
      "社区公益\n公司积极参与社区建设。\n"
      "GRI内容索引\nG4-10\t员工总数\t5\nG4-LA1\t新进员工和员工流动\t5\nG4-EN8\t总取水量\t-\n"
      "G4-EN15\t直接温室气体排放\t{EN15}\nG4-SO4\t反腐败培训\t7\n";
  auto with = [&](const std::string& page) {
    std::string t = text;
    t.replace(t.find("{EN15}"), 6, page);
    return Run(t);
  };
  EXPECT_EQ(Status(with("3"), "305-1"), "covered");  // page 3 lies in 环境保护 (pages 2-4)
  EXPECT_EQ(Status(with("6"), "305-1"), "partial");  // 员工关爱 has no emissions figure
}

TEST_F(GriCoverage, AnIndexRowNamingASectionPointsToIt) {
  std::string text =
      "2016年社会责任报告\n一、公司概况\n公司成立于1990年，主营铝加工。\n"
      "二、环境保护\n本年度公司二氧化碳排放 1,234 吨，较上年有所下降。\n"
      "三、员工关爱\n公司重视员工成长，完善薪酬福利体系。\n四、社区公益\n公司积极参与社区建设。\n"
      "GRI内容索引\nG4-10\t员工总数\t员工关爱\nG4-LA1\t新进员工和员工流动\t员工关爱\nG4-EN8\t总取水量\t-\n"
      "G4-EN15\t直接温室气体排放\t{EN15}\nG4-SO4\t反腐败培训\t社区公益\n";
  auto with = [&](const std::string& section) {
    std::string t = text;
    t.replace(t.find("{EN15}"), 6, section);
    return Run(t);
  };
  EXPECT_EQ(Status(with("环境保护"), "305-1"), "covered");
  EXPECT_EQ(Status(with("员工关爱"), "305-1"), "partial");
}

TEST_F(GriCoverage, LocationsQuoteTheEvidence) {
  ReportResult r = Run("第一行\n2020年末员工总数 12,375 人。\n");
  const CoverageRecord& c = Record(r, "2-7");
  ASSERT_FALSE(c.locations.empty());
  EXPECT_EQ(c.locations[0].location.line, 2u);
  EXPECT_NE(c.locations[0].message.find("12,375"), std::string::npos);
  EXPECT_LE(c.locations.size(), 3u);
}

TEST_F(GriCoverage, LetterSpacedHeadingsMatchThroughTheView) {
  EXPECT_EQ(Status(Run("董 事 长 致 辞\n我们坚持可持续发展战略，回馈社会。\n"), "2-22"), "covered");
}

TEST_F(GriCoverage, AForewordIsTheLeadersStatement) {
  EXPECT_EQ(Status(Run("## Foreword\nWe remain committed to our sustainability strategy and our 2030 goals.\n", "en"),
                   "2-22"),
            "covered");
}

TEST_F(GriCoverage, DisclosuresNotInForceForTheReportSayWhatApplies) {
  ReportResult r = Run("2020年度社会责任报告\n公司员工总数 12375 人。\n");
  // GRI 2 (effective 2023) for a 2020 report: the 2016 disclosures it succeeds apply.
  EXPECT_EQ(Record(r, "2-4").title, "信息重述（本报告适用 GRI 2016：102-48）");
  EXPECT_EQ(Record(r, "2-7").status, ESGAUDIT_COVERED);  // the status is still the evidence's
  // GRI 102: Climate Change 2025 has no 2016 predecessor: not applicable.
  EXPECT_NE(Record(r, "102-1").title.find("2027-01-01 起生效，不适用于本报告"), std::string::npos);
  // In force: the plain title.
  EXPECT_EQ(Record(r, "305-1").title, Record(Run("2023年度社会责任报告\n"), "305-1").title);
  EXPECT_EQ(Record(Run("2023年度社会责任报告\n"), "2-4").title, "信息重述");
  EXPECT_EQ(Record(Run("2020 Sustainability Report\n", "en"), "2-4").title,
            "Restatements of information (this report: GRI 2016 102-48)");
}

TEST_F(GriCoverage, EnglishTitlesWithLangEn) {
  ReportResult r = Run("Message from the CEO\n", "en");
  EXPECT_EQ(Record(r, "2-22").title, "Statement on sustainable development strategy");
}

// Sulphur hexafluoride (SF6) is a greenhouse gas: its row is no sulphur-oxide figure for 305-7.
TEST_F(GriCoverage, SulphurHexafluorideIsNoAirPollutantFigure) {
  EXPECT_EQ(Status(Run("Sulphur dioxide emissions 1,234 tonnes\n", "en"), "305-7"), "covered");
  EXPECT_EQ(Status(Run("Sulfur oxides (SOx) 2.1 thousand tonnes\n", "en"), "305-7"), "covered");
  EXPECT_NE(Status(Run("Sulphur hexafluoride (SF6) emissions 12 tonnes\n", "en"), "305-7"), "covered");
  EXPECT_NE(Status(Run("Sulfur hexafluoride 310 tonnes\n", "en"), "305-7"), "covered");
}

// A figure's "unless" words are looked for only where its own words hold every byte pair of the word
// (NeedWords::unless_pairs): each one, in the figure's clause or in its sentence's opening phrase,
// still rules the figure out.
TEST_F(GriCoverage, EveryUnlessWordInAFiguresOwnWordsRulesItOut) {
  const Catalogue c = Catalogue::Load(testing::SourcePath("rules/gri/catalogue.json"));
  const Disclosure* d = c.Find("2-7");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(Status(Run("2020年度社会责任报告\n公司员工总数 12375 人。\n"), "2-7"), "covered");
  size_t checked = 0;
  for (const DataNeed& need : d->data) {
    for (const std::string& w : need.unless) {
      EXPECT_NE(Status(Run("2020年度社会责任报告\n公司" + w + "员工总数 12375 人。\n"), "2-7"), "covered") << w;
      // In the sentence's opening phrase, before its first clause comma: the last piece of the words.
      EXPECT_NE(Status(Run("2020年度社会责任报告\n关于" + w + "，公司员工总数 12375 人。\n"), "2-7"), "covered") << w;
      ++checked;
    }
  }
  EXPECT_GE(checked, 5u);
}

// The words an "unless" word is looked for in (read only when a figure first asks one): its own
// clause, its sentence's opening phrase, its row's label cell and the line below it each rule it out;
// the table's caption, which speaks for every row, does not.
TEST_F(GriCoverage, UnlessWordsAreLookedForInTheFiguresOwnWordsOnly) {
  const std::string rows = "指标\t2015年\t2016年\n员工总数（人）\t1,774\t1,800\n";
  ASSERT_EQ(Status(Run(rows), "2-7"), "covered");
  EXPECT_NE(Status(Run("指标\t2015年\t2016年\n志愿员工总数（人）\t1,774\t1,800\n"), "2-7"), "covered");
  EXPECT_EQ(Status(Run("员工志愿服务\n" + rows), "2-7"), "covered");
  ASSERT_EQ(Status(Run("## Our people\n\n## 89,900\n\nemployees worldwide\n\n## Our values\n", "en"), "2-7"),
            "covered");
  EXPECT_NE(Status(Run("## Our people\n\n## 89,900\n\nemployees volunteer worldwide\n\n## Our values\n", "en"),
                   "2-7"),
            "covered");
  // Two figures, one naming an "unless" word: each figure's words are its own, not those of the
  // figure asked before it. The first order gives one data point (line 3 is a mention only), the
  // second still one, of line 3.
  auto where = [&](const ReportResult& r) {
    std::vector<std::string> out;
    for (const auto& l : Record(r, "2-7").locations)
      out.push_back(std::to_string(l.location.line) + ":" + std::to_string(l.location.column) + "+" +
                    std::to_string(l.location.length));
    return out;
  };
  ReportResult clean_first = Run("2020年度社会责任报告\n公司员工总数 12375 人。\n公司志愿员工总数 300 人。\n");
  EXPECT_EQ(Status(clean_first, "2-7"), "covered");
  EXPECT_EQ(where(clean_first), (std::vector<std::string>{"2:14+9", "3:9+13"}));
  ReportResult unless_first = Run("2020年度社会责任报告\n公司志愿员工总数 300 人。\n公司员工总数 12375 人。\n");
  EXPECT_EQ(Status(unless_first, "2-7"), "covered");
  EXPECT_EQ(where(unless_first), (std::vector<std::string>{"2:9+13", "3:14+9"}));
}

}  // namespace
}  // namespace esgaudit::gri
