// The gbt36001 plugin in-process through the real host: the hand-reviewed coverage of the sample,
// evidence removal making each element go missing, TOC/running-header handling, subject names,
// rule-pack errors. Finding goldens live in tests/golden/gbt36001 (run by tests/golden).
#include <esgaudit/text.h>
#include <gtest/gtest.h>
#include <string.h>  // memmem (GNU), the former search

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis.h"
#include "esgaudit_testing.h"
#include "layout.h"
#include "register.h"
#include "required_literals.h"
#include "rule_pack.h"

namespace esgaudit {
namespace {

const char kSample[] = "samples/yunnan-aluminium-2020-csr.txt";
const char kCoverageGolden[] = "tests/golden/gbt36001/yunnan-aluminium-2020.coverage";

const sdk::Registry& Registry() {
  static const sdk::Registry& r = sdk::BuildRegistry(&gbt36001::RegisterRules);
  return r;
}

std::string RenderCoverage(const ReportResult& r) {
  std::ostringstream out;
  for (const CoverageRecord& c : r.coverage) {
    out << c.scheme << " " << c.id << ": " << CoverageStatusName(c.status) << "\n";
    for (const Related& l : c.locations)
      out << "  " << l.location.line << ":" << l.location.column << " " << l.message << "\n";
  }
  return out.str();
}

std::map<std::string, esgaudit_coverage_status> Statuses(const ReportResult& r,
                                                         const std::string& scheme) {
  std::map<std::string, esgaudit_coverage_status> out;
  for (const CoverageRecord& c : r.coverage)
    if (c.scheme == scheme) out[c.id] = c.status;
  return out;
}

const CoverageRecord* Find(const ReportResult& r, const std::string& id, const std::string& scheme = "gbt36001") {
  for (const CoverageRecord& c : r.coverage)
    if (c.scheme == scheme && c.id == id) return &c;
  return nullptr;
}

TEST(Gbt36001Test, SampleCoverageMatchesTheReviewedGolden) {
  ReportResult r = testing::RunOnText(Registry(), testing::ReadFile(testing::SourcePath(kSample)));
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const std::string actual = RenderCoverage(r);
  const std::string path = testing::SourcePath(kCoverageGolden);
  if (std::getenv("ESGAUDIT_UPDATE_GOLDENS")) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(actual, testing::ReadFile(path));
}

TEST(Gbt36001Test, ElementsAreEmittedInTheIssueOrder) {
  ReportResult r = testing::RunOnText(Registry(), testing::ReadFile(testing::SourcePath(kSample)));
  std::vector<std::string> ids;
  for (const CoverageRecord& c : r.coverage)
    if (c.scheme == "gbt36001") ids.push_back(c.id);
  const std::vector<std::string> expected = {"report-period",
                                             "report-scope",
                                             "report-basis",
                                             "report-cycle",
                                             "report-contact",
                                             "leadership-statement",
                                             "organization-profile",
                                             "governance",
                                             "stakeholder-engagement",
                                             "materiality",
                                             "subject-organizational-governance",
                                             "subject-human-rights",
                                             "subject-labour-practices",
                                             "subject-environment",
                                             "subject-fair-operating-practices",
                                             "subject-consumer-issues",
                                             "subject-community",
                                             "kpi-table",
                                             "outlook",
                                             "indicator-index",
                                             "assurance",
                                             "feedback"};
  EXPECT_EQ(ids, expected);
}

// Blanks (offsets kept) the lines holding an element's evidence until the element goes missing. A
// core subject's evidence is every line naming one of its issues or itself (the rule pack's
// keywords), blanked at once: iterating over a few quotes at a time would take a hundred runs.
TEST(Gbt36001Test, RemovingAnElementsEvidenceMakesItMissing) {
  const std::string original = testing::ReadFile(testing::SourcePath(kSample));
  const gbt36001::RulePack pack =
      gbt36001::RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"));
  ReportResult base = testing::RunOnText(Registry(), original);
  auto blank_line_at = [](std::string* text, size_t offset, size_t length) {
    size_t b = text->rfind('\n', offset);
    b = b == std::string::npos ? 0 : b + 1;
    size_t e = text->find('\n', offset + length);
    if (e == std::string::npos) e = text->size();
    for (size_t i = b; i < e; ++i) (*text)[i] = ' ';
  };
  size_t checked = 0;
  for (const CoverageRecord& start : base.coverage) {
    if (start.scheme != "gbt36001" || start.status == ESGAUDIT_MISSING) continue;
    SCOPED_TRACE(start.id);
    ++checked;
    std::string text = original;
    esgaudit_coverage_status status = start.status;
    std::vector<Related> locations = start.locations;
    if (start.id.rfind("subject-", 0) == 0) {
      const gbt36001::SubjectSpec* subject = pack.Subject(start.id.substr(8));
      ASSERT_NE(subject, nullptr);
      std::vector<std::string> words = subject->names;
      for (const gbt36001::IssueSpec& issue : subject->issues)
        words.insert(words.end(), issue.keywords.begin(), issue.keywords.end());
      // The matching view folds letter-spacing; blank on the view's terms by removing every line of
      // the original whose spaces-stripped text holds a keyword.
      size_t line_start = 0;
      while (line_start < text.size()) {
        size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        std::string squeezed;
        for (size_t i = line_start; i < line_end; ++i)
          if (text[i] != ' ') squeezed += text[i];
        for (const std::string& w : words)
          if (squeezed.find(w) != std::string::npos) {
            blank_line_at(&text, line_start, 0);
            break;
          }
        line_start = line_end + 1;
      }
      ReportResult r = testing::RunOnText(Registry(), text);
      const CoverageRecord* c = Find(r, start.id);
      ASSERT_NE(c, nullptr);
      EXPECT_EQ(c->status, ESGAUDIT_MISSING);
      continue;
    }
    for (int round = 0; round < 20 && status != ESGAUDIT_MISSING; ++round) {
      ASSERT_FALSE(locations.empty()) << "an element that is not missing must show evidence";
      for (const Related& l : locations) blank_line_at(&text, l.location.offset, l.location.length);
      ReportResult r = testing::RunOnText(Registry(), text);
      const CoverageRecord* c = Find(r, start.id);
      ASSERT_NE(c, nullptr);
      status = c->status;
      locations = c->locations;
    }
    EXPECT_EQ(status, ESGAUDIT_MISSING);
  }
  EXPECT_GE(checked, 15u);
}

TEST(Gbt36001Test, TableOfContentsAndRunningHeadersAreNotEvidence) {
  const std::string toc =
      "            2020年社会责任报告\n\n"
      "                 目 录\n"
      "   董事长致辞             04              利益相关方            20\n"
      "   关于我们               05              公平运营              30\n"
      "   员工发展               24              指标索引              50\n\n";
  const std::string header = "劳动者至上           员工发展            和谐共享\n";
  std::string body;
  for (int i = 0; i < 3; ++i)
    body += header +
            "\n公司坚持以人为本,为员工提供培训和职业发展通道,保障员工的合法权益和健康安全。\n\n";
  ReportResult r = testing::RunOnText(Registry(), toc + body);
  auto s = Statuses(r, "gbt36001");
  EXPECT_EQ(s["leadership-statement"], ESGAUDIT_MISSING);
  EXPECT_EQ(s["organization-profile"], ESGAUDIT_MISSING);
  EXPECT_EQ(s["stakeholder-engagement"], ESGAUDIT_MISSING);
  EXPECT_EQ(s["indicator-index"], ESGAUDIT_MISSING);
  EXPECT_EQ(s["subject-fair-operating-practices"], ESGAUDIT_MISSING);

  const std::string letter =
      "            董事长致辞\n\n"
      "   2020年是公司发展历程中极不平凡的一年,面对疫情带来的严峻挑战,全体员工团结一心,\n"
      "   攻坚克难,圆满完成了全年生产经营目标,为股东、客户和社会创造了价值。\n\n";
  r = testing::RunOnText(Registry(), toc + letter + body);
  const CoverageRecord* lead = Find(r, "leadership-statement");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->status, ESGAUDIT_COVERED);
  ASSERT_EQ(lead->locations.size(), 1u);
  EXPECT_EQ(lead->locations[0].location.line, 8u);  // the section, not the TOC entry on line 4
}

TEST(Gbt36001Test, ASectionTitleRepeatedAsARunningHeaderStillOpensItsSection) {
  // The letter's title printed alone at the top of each of its pages: the structure model marks the
  // later copies as running headers and leaves the first in the body, where it opens the letter and
  // covers the element. A running header of several titles (the test above) still does not.
  std::string text = "某某航空股份有限公司2016年社会责任报告\n\n";
  for (int i = 0; i < 3; ++i)
    text += "致利益相关方\n\n"
            "过去一年里,公司坚持安全第一,为旅客提供优质服务,与员工、股东和社会各界共同成长,取得了新的进步。\n"
            "感谢各位朋友对公司的关心和支持,我们将继续履行社会责任,为社会创造更多价值。\n\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  const CoverageRecord* lead = Find(r, "leadership-statement");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->status, ESGAUDIT_COVERED);
}

// The sample cites GB/T 36001; its findings were reviewed by hand (docs/gbt36001-evaluation.md):
// the scope is generic (及其下属企业), so the 企业称谓说明 table is not compared, and the period
// matches the title.
TEST(Gbt36001Test, SampleFindingsAreTheReviewedOnes) {
  ReportResult r = testing::RunOnText(Registry(), testing::ReadFile(testing::SourcePath(kSample)));
  std::vector<std::string> got;
  for (const Finding& f : r.findings)
    got.push_back(std::string(SeverityName(f.severity)) + " " + f.rule + " " + f.message);
  const std::vector<std::string> expected = {
      "warning gbt36001.element-missing 报告依据GB/T 36001编制但缺少“关键绩效表”(kpi-table)",
      "warning gbt36001.element-missing 报告依据GB/T 36001编制但缺少“发布周期”(report-cycle)",
      "warning gbt36001.element-missing 报告依据GB/T 36001编制但缺少“指标索引”(indicator-index)",
      "warning gbt36001.element-missing 报告依据GB/T "
      "36001编制但缺少“社会责任治理与管理”(governance)",
  };
  EXPECT_EQ(got, expected);
}

TEST(Gbt36001Test, AOneLineTableOfContentsIsNotEvidence) {
  const std::string strip =
      "组织架构网点布局社会荣誉独立鉴证报告GRI指标索引ESG指标索引意见反馈表实质性议题\n";
  auto s = Statuses(testing::RunOnText(Registry(), strip), "gbt36001");
  EXPECT_EQ(s["assurance"], ESGAUDIT_MISSING);
  EXPECT_EQ(s["feedback"], ESGAUDIT_MISSING);
  EXPECT_EQ(s["materiality"], ESGAUDIT_MISSING);
  s = Statuses(
      testing::RunOnText(Registry(), "本报告由会计师事务所实施独立有限鉴证,并出具鉴证报告。\n"),
      "gbt36001");
  EXPECT_EQ(s["assurance"], ESGAUDIT_COVERED);
  s = Statuses(testing::RunOnText(Registry(), "会计师事务所为公司出具了内部控制鉴证报告。\n"),
               "gbt36001");
  EXPECT_EQ(s["assurance"], ESGAUDIT_MISSING);
}

TEST(Gbt36001Test, FairOperatingPracticesAcceptsBothNames) {
  for (const char* name : {"公平运行实践", "公平运营"}) {
    SCOPED_TRACE(name);
    std::string text =
        std::string(name) +
        "\n\n我们坚持诚信合规,维护市场秩序,这是我们的基本原则,也是长期以来的承诺。\n";
    auto s = Statuses(testing::RunOnText(Registry(), text), "gbt36001");
    EXPECT_EQ(s["subject-fair-operating-practices"], ESGAUDIT_PARTIAL);
  }
  std::string issues =
      "公司开展反腐败专项教育,廉洁从业。\n公司严格执行廉政制度。\n"
      "公司推进阳光采购,加强供应商管理。\n公司对承包商进行统一管理。\n";
  auto s = Statuses(testing::RunOnText(Registry(), issues), "gbt36001");
  EXPECT_EQ(s["subject-fair-operating-practices"], ESGAUDIT_COVERED);
  auto i = Statuses(testing::RunOnText(Registry(), issues), "gbt36000");
  EXPECT_EQ(i["fair-operating-practices/anti-corruption"], ESGAUDIT_COVERED);
  EXPECT_EQ(i["fair-operating-practices/value-chain"], ESGAUDIT_COVERED);
  EXPECT_EQ(i["fair-operating-practices/fair-competition"], ESGAUDIT_MISSING);
}

TEST(Gbt36001Test, PeriodIsPartialWhenOnlyTheTitleGivesTheYear) {
  auto s = Statuses(
      testing::RunOnText(Registry(), "    2020年社会责任报告\n\n公司坚持绿色发展。\n"), "gbt36001");
  EXPECT_EQ(s["report-period"], ESGAUDIT_PARTIAL);
  s = Statuses(
      testing::RunOnText(
          Registry(), "    2020年社会责任报告\n\n本报告时间范围为2020年1月1日至2020年12月31日。\n"),
      "gbt36001");
  EXPECT_EQ(s["report-period"], ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, APeriodStatementWithoutAYearIsDated) {
  const std::string title = "    2020年社会责任报告\n\n";
  auto s = Statuses(testing::RunOnText(Registry(), title + "本报告时间范围为1月1日至12月31日。\n"),
                    "gbt36001");
  EXPECT_EQ(s["report-period"], ESGAUDIT_COVERED);
  // Near miss: a date range about an event is not a period statement.
  s = Statuses(
      testing::RunOnText(Registry(), title + "公司于3月1日至5月31日开展安全生产月活动。\n"),
      "gbt36001");
  EXPECT_EQ(s["report-period"], ESGAUDIT_PARTIAL);
}

TEST(Gbt36001Test, APeriodWhoseStartIsDamagedIsDatedByItsEnd) {
  // Text recognition turned "1月1日" into "仴1曰"; the end of the range still dates the period.
  auto s = Statuses(testing::RunOnText(Registry(), "时间范围\n报告时间跨度为2016年仴1曰至2016年12月31曰。\n"),
                    "gbt36001");
  EXPECT_EQ(s["report-period"], ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, YearsOfCitedReportsAndPublicationDatesAreNotThePeriod) {
  auto findings = [](const std::string& text) {
    size_t n = 0;
    for (const Finding& f : testing::RunOnText(Registry(), text).findings) n += f.rule == "gbt36001.period-title-mismatch";
    return n;
  };
  // The year of a report cited in 《》 is that report's, not this one's period.
  EXPECT_EQ(findings("    2016年度社会责任报告\n\n本报告是继2011年首次发布《某公司2010年度社会责任报告》后，公司发布的第7份报告。\n"),
            0u);
  // A publication date above a running header is not the title's year.
  EXPECT_EQ(findings("董事长\n2017年4月28日\n外高桥集团社会责任报告\n时间范围：2016年1月1日至2016年12月31日。\n"), 0u);
  // Still flagged: a stated period that does not contain the title year.
  EXPECT_EQ(findings("    2019年社会责任报告\n\n时间范围\n本报告时间范围为2020年1月1日至2020年12月31日。\n"), 1u);
}

TEST(Gbt36001Test, IssueEvidencePrefersItsSectionToASummary) {
  const std::string text =
      "本报告重点披露了廉洁从业、公平竞争、供应链管理及知识产权保护等方面的工作。\n\n"
      "    反腐败\n\n"
      "公司修订《廉洁从业规定》，全年开展廉政专题教育活动79场，覆盖全体管理人员。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  const CoverageRecord* c = Find(r, "fair-operating-practices/anti-corruption", "gbt36000");
  ASSERT_NE(c, nullptr);
  ASSERT_FALSE(c->locations.empty());
  EXPECT_EQ(c->locations.front().location.line, 3u);  // the heading, not the summary on line 1
  EXPECT_EQ(c->status, ESGAUDIT_COVERED);             // the summary still counts as a mention
}

// An issue's evidence ranks a line naming three issues or more (of any subject) as a summary, after
// lines naming it with one other issue or alone, each in the order of the text.
TEST(Gbt36001Test, ALineNamingThreeIssuesOrMoreIsASummaryAfterTheOthers) {
  const std::string text =
      "本报告重点披露了廉洁从业、公平竞争、供应链管理及知识产权保护等方面的工作。\n\n"
      "公司坚持廉洁从业与公平竞争，全年未发生相关诉讼。\n\n"
      "公司修订《廉洁从业规定》，全年开展廉政专题教育活动79场，覆盖全体管理人员。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  const CoverageRecord* c = Find(r, "fair-operating-practices/anti-corruption", "gbt36000");
  ASSERT_NE(c, nullptr);
  std::vector<uint32_t> lines;
  for (const auto& l : c->locations) lines.push_back(l.location.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{3, 5, 1}));
}

TEST(Gbt36001Test, ContactNeedsAChannelAndFeedbackNeedsAnInvitation) {
  const std::string heading = "联系方式\n\n";
  auto s =
      Statuses(testing::RunOnText(Registry(), heading + "请访问公司网站了解更多信息,欢迎关注。\n"),
               "gbt36001");
  EXPECT_EQ(s["report-contact"], ESGAUDIT_PARTIAL);
  EXPECT_EQ(s["feedback"], ESGAUDIT_MISSING);
  s = Statuses(
      testing::RunOnText(Registry(), heading + "电话:0871-67455516\n电子邮件:csr@example.com\n"),
      "gbt36001");
  EXPECT_EQ(s["report-contact"], ESGAUDIT_COVERED);
  EXPECT_EQ(s["feedback"], ESGAUDIT_PARTIAL);  // a channel for questions, no invitation
  s = Statuses(testing::RunOnText(Registry(),
                                  "如对本报告有任何意见或建议,请通过以下方式与我们联系:\n"
                                  "电话:0871-67455516\n"),
               "gbt36001");
  EXPECT_EQ(s["feedback"], ESGAUDIT_PARTIAL);  // an invitation with a channel, no form
}

TEST(Gbt36001Test, AContactBlockWithoutATitleIsAContact) {
  auto status = [](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")["report-contact"];
  };
  EXPECT_EQ(status("珠海某电器股份有限公司\n地址:广东珠海市香洲区前山金鸡西路\n电话:0756-8614883\n"
                   "网址:www.example.com.cn\n"),
            ESGAUDIT_COVERED);
  EXPECT_EQ(status("公司名称:某钼业集团股份有限公司\n地址:河南省洛阳市栾川县城东新区\n公司业务:钼、钨的采选。\n"),
            ESGAUDIT_PARTIAL);  // an address in the profile, no other channel
  EXPECT_EQ(status("投资者关系的主要方式有:(1)交流信箱:ir@example.com,及时回复投资者的来信与咨询,据实答复。\n"
                   "(2)热线电话:010-51665282,由专人接听投资者来电,解答投资者关心的经营问题。\n"),
            ESGAUDIT_PARTIAL);  // channels inside running text about investor relations
}

// The contact detector looks its three channel patterns up once (FindWith): each channel is still
// read by its own pattern, so a block without a title is covered by any two kinds of channel, and
// partial with an address or an email alone; a phone opens no block.
TEST(Gbt36001Test, EachChannelOfAContactBlockIsReadByItsOwnPattern) {
  auto status = [](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), "珠海某电器股份有限公司\n" + text), "gbt36001")["report-contact"];
  };
  const std::string address = "地址:广东珠海市香洲区前山金鸡西路\n";
  const std::string phone = "电话:0756-8614883\n";
  const std::string email = "电子邮件:csr@example.com\n";
  EXPECT_EQ(status(address + phone), ESGAUDIT_COVERED);
  EXPECT_EQ(status(email + phone), ESGAUDIT_COVERED);
  EXPECT_EQ(status(address + email), ESGAUDIT_COVERED);
  EXPECT_EQ(status(phone + email), ESGAUDIT_PARTIAL);  // the block opens at the email, below the phone
  EXPECT_EQ(status(address), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status(email), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status(phone), ESGAUDIT_MISSING);
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), "如对本报告有任何意见或建议,请与我们联系。\n" + phone), "gbt36001")["feedback"],
            ESGAUDIT_PARTIAL);
}

TEST(Gbt36001Test, FeedbackNeedsAFormWithQuestions) {
  const std::string request =
      "读者意见反馈\n\n"
      "为了持续改进公司社会责任工作及报告编制工作,我们特别希望倾听您的意见,请填写反馈表并寄回。\n"
      "联系电话:028-85317909\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), request), "gbt36001")["feedback"],
            ESGAUDIT_PARTIAL);  // the form is named, its questions are not in the text
  const std::string form =
      "1. 您对本公司履行社会责任的总体评价是:\n"
      "□好 □一般 □较差\n"
      "2. 您认为本报告能否反映公司的重大影响?\n"
      "□能 □一般 □不能\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), request + form), "gbt36001")["feedback"],
            ESGAUDIT_COVERED);
  // A form whose heading OCR damaged is found by its questions about the report.
  const std::string lost_heading = "意见反懐表\n\n" + form;
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), lost_heading), "gbt36001")["feedback"],
            ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, StakeholderEngagementNeedsHowNotWhom) {
  auto status = [](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")["stakeholder-engagement"];
  };
  // Groups with their concerns and the company's policies: whom, not how.
  EXPECT_EQ(status("利益相关方\n"
                   "利益相关方\t主要关注点\t公司对应措施\n"
                   "股东\t合理回报\t积极的分红政策回报股东\n"
                   "员工\t薪酬福利\t建立完善的薪酬和福利体系\n"),
            ESGAUDIT_PARTIAL);
  // A column of channels.
  EXPECT_EQ(status("利益相关方沟通\n"
                   "利益相关方\t沟通方式\t期望与诉求\n"
                   "股东\t股东大会、投资者说明会\t合理回报\n"),
            ESGAUDIT_COVERED);
  // Two means of engagement in the passage.
  EXPECT_EQ(status("在报告编制过程中,公司通过访谈、调查问卷等方式与利益相关方进行了充分沟通。\n"),
            ESGAUDIT_COVERED);
  // One meeting is not an engagement process.
  EXPECT_EQ(status("公司承办了利益相关方沟通会,听取各方对绿色航空的建议与期望。\n"),
            ESGAUDIT_PARTIAL);
  // One means with what each group raised (three or more groups, each with its topics after a colon),
  // a few lines on: how, and what was heard.
  const std::string one_means =
      "We value the regular input we receive from our stakeholders. In 2022 we completed an investor perception study.\n"
      "\n"
      "## Key Engagement Topics\n";
  EXPECT_EQ(status(one_means + "- Investors : executive pay - Customers : product education - Employees : inclusion\n"),
            ESGAUDIT_COVERED);
  EXPECT_EQ(status(one_means + "- Investors and customers asked about our climate strategy.\n"), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status("We value the regular input we receive from our stakeholders.\n"
                   "- Investors : executive pay - Customers : product education - Employees : inclusion\n"),
            ESGAUDIT_PARTIAL);
  // An index row naming the section is the company's claim only.
  EXPECT_EQ(status("指标索引\n"
                   "实质性议题识别\tG4-18/G4-19\n"
                   "利益相关方沟通 访谈 问卷\tG4-24/G4-27\n"),
            ESGAUDIT_PARTIAL);
}

TEST(Gbt36001Test, ClosingWordsAreNoOutlook) {
  const std::string closing =
      "结语\n\n"
      "回顾2016年,我们始终将股东、消费者、员工的利益置于首位。新的一年,我们将继续不遗余力地承担社会责任。\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), closing), "gbt36001")["outlook"],
            ESGAUDIT_PARTIAL);
  const std::string outlook =
      "未来展望\n\n"
      "2017年,公司将推进三项重点工作:完成新基地建设,单位产值能耗下降5%,员工培训覆盖率达到100%。\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), outlook), "gbt36001")["outlook"],
            ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, ALetterToStakeholdersAndEnglishEngagementAreRead) {
  const std::string letter =
      "致利益相关方\n\n尊敬的朋友们:\n非常感谢您对本公司的帮助和支持!过去的一年,我们以诚信为本,深化与股东、政府及合作伙伴的互利合作。\n"
      "公司总裁 张三\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), letter), "gbt36001")["leadership-statement"],
            ESGAUDIT_COVERED);
  const std::string english =
      "We make formal ESG materiality assessments to capture the views of internal and external stakeholders "
      "on ESG topics using interviews, surveys and other channels.\n";
  auto s = Statuses(testing::RunOnText(Registry(), english), "gbt36001");
  EXPECT_EQ(s["stakeholder-engagement"], ESGAUDIT_COVERED);
  EXPECT_EQ(s["materiality"], ESGAUDIT_COVERED);
  // GRI 3's own word for the process: the significance of impacts.
  const std::string significance =
      "Each year we review our ESG significance assessment, which ranks twelve topics by their impact and by "
      "what our stakeholders expect.\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), significance), "gbt36001")["materiality"], ESGAUDIT_COVERED);
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), "We assess the significance of each new site.\n"),
                     "gbt36001")["materiality"],
            ESGAUDIT_MISSING);
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), "Our stakeholders include employees and shareholders.\n"),
                     "gbt36001")["stakeholder-engagement"],
            ESGAUDIT_PARTIAL);
}

TEST(Gbt36001Test, AnUntitledLetterIsKnownByItsPlaceAndItsSignature) {
  const std::string para =
      "This year we kept our promise to grow responsibly, and we thank every colleague, customer and partner "
      "who helped us do it. We cut our emissions, opened our doors to new suppliers and trained our teams, "
      "and we will keep reporting openly on what went well and what did not.\n";
  const std::string letter = "Our purpose drives us forward\n" + para + para +
                             "Thank you for your trust in us. JANE Q DOE CHIEF EXECUTIVE OFFICER , EXAMPLE CORP\n";
  auto status = [&](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")["leadership-statement"];
  };
  EXPECT_EQ(status(letter), ESGAUDIT_COVERED);
  EXPECT_EQ(status(para + para + "Jane Doe, Chair and Chief Executive Officer\n"), ESGAUDIT_COVERED);
  EXPECT_EQ(status(para + para + "公司董事长：张三\n"), ESGAUDIT_COVERED);
  // No signature: a sentence ends with a title, a title without a name, too little text above it.
  EXPECT_EQ(status(para + para + "The findings were reported to the Board Chair\n"), ESGAUDIT_MISSING);
  EXPECT_EQ(status(para + para + "Our CEO\n"), ESGAUDIT_MISSING);
  EXPECT_EQ(status("Welcome.\nJane Doe, Chief Executive Officer\n"), ESGAUDIT_MISSING);
  // Far from the front of the report a signature closes something else (a quote, a profile).
  std::string late;
  for (int i = 0; i < 60; ++i) late += "第" + std::to_string(i) + "节\n\n公司持续推进各项工作。\n";
  EXPECT_EQ(status(late + para + para + "Jane Doe, Chief Executive Officer\n"), ESGAUDIT_MISSING);
}

TEST(Gbt36001Test, AReviewersSignedCommentOnTheReportIsAThirdPartyEvaluation) {
  const std::string comment =
      "这份报告是公司发布的第三份社会责任报告。从报告中可以看出，公司的社会责任管理日趋完善，议题覆盖经济、环境和社会各方面。\n"
      "报告披露了安全生产、员工发展与社区参与等方面的多项关键绩效，数据翔实，便于读者比较历年表现和了解公司的进展。\n"
      "报告结构清晰，案例丰富，回应了利益相关方关注的主要议题，也说明了下一步的改进方向与具体措施，可读性较强。\n"
      "希望公司在今后的报告中进一步加强定量信息的披露，并持续提升报告的可比性与平衡性，更好地发挥报告的沟通价值。\n"
      "总体而言，该报告内容完整，重点突出，较好地展示了公司一年来在履行社会责任方面所做的努力和取得的成效。\n"
      "建议今后增加对负面信息的披露，并就重要议题设置更具体的目标，使读者能够据此判断公司社会责任工作的进展。\n";
  auto status = [&](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")["assurance"];
  };
  EXPECT_EQ(status(comment + "\n某某研究会企业发展部主任李四\n"), ESGAUDIT_COVERED);
  // Without a reviewer's signature, or signed by the company's chairman, it is the company's own text.
  EXPECT_EQ(status(comment), ESGAUDIT_MISSING);
  EXPECT_EQ(status(comment + "\n公司董事长李四\n"), ESGAUDIT_MISSING);
  // A signature under text that is not about the report.
  std::string other = comment;
  for (size_t p = other.find("报告"); p != std::string::npos; p = other.find("报告")) other.replace(p, 6, "工作");
  EXPECT_EQ(status(other + "\n某某研究会企业发展部主任李四\n"), ESGAUDIT_MISSING);
}

TEST(Gbt36001Test, EnglishGoalsForALaterYearWithTheirProgressAreAnOutlook) {
  const std::string head = "Acme 2022 Sustainability Report\n\nThis report covers our activities from 1 January 2022 to 31 December 2022.\n\n";
  const std::string goals =
      "- Goal: Cut our water use by 10 % by {Y} from a 2020 base year. 2022 Progress: 6 % lower than in 2020\n"
      "- Goal: Source 80 % of our packaging from recycled material by {Y}. 2022 Progress: 55 %\n";
  auto with = [&](const std::string& year, int count) {
    std::string g = goals;
    for (size_t p; (p = g.find("{Y}")) != std::string::npos;) g.replace(p, 3, year);
    if (count == 1) g = g.substr(0, g.find('\n') + 1);
    if (count == -1) g = g.substr(0, g.find('\n') + 1) + "\n" + g.substr(0, g.find('\n') + 1);
    return Statuses(testing::RunOnText(Registry(), head + g), "gbt36001")["outlook"];
  };
  EXPECT_EQ(with("2025", 2), ESGAUDIT_COVERED);
  EXPECT_NE(with("2025", 1), ESGAUDIT_COVERED);   // one goal is a passing mention
  EXPECT_NE(with("2025", -1), ESGAUDIT_COVERED);  // however often it is repeated
  EXPECT_NE(with("2022", 2), ESGAUDIT_COVERED);  // the report year's goals: what it reports on
}

// Scope's English phrases are found by the document's one word scan (as caseless literals after the
// issue keywords and the element phrases): each phrase of each element's list, in lower, upper and
// title case, after other English text on its line or opening it, makes a statement of the element,
// and the same lines without the phrase make none.
TEST(Gbt36001Test, EveryEnglishPhraseIsFoundInAnyCaseByTheSharedScan) {
  const gbt36001::RulePack pack =
      gbt36001::RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"));
  auto title_case = [](std::string w) {
    for (size_t i = 0; i < w.size(); ++i)
      if ((i == 0 || w[i - 1] == ' ') && w[i] >= 'a' && w[i] <= 'z') w[i] = static_cast<char>(w[i] - 'a' + 'A');
    return w;
  };
  const std::string rest = " the global operations of Example Corp and its subsidiaries. We publish it yearly.\n";
  size_t checked = 0;
  for (const gbt36001::ElementSpec& e : pack.elements()) {
    const auto en = e.words.find("phrases_en");
    if (en == e.words.end()) continue;
    auto status = [&](const std::string& text) {
      return Statuses(testing::RunOnText(Registry(), "Acme 2022 Sustainability Report\n\n" + text), "gbt36001")[e.id];
    };
    for (const std::string& phrase : en->second) {
      std::string upper = phrase;
      for (char& c : upper) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      for (const std::string& form : {phrase, upper, title_case(phrase)}) {
        EXPECT_NE(status(form + rest), ESGAUDIT_MISSING) << e.id << " " << form;
        EXPECT_NE(status("As in 2021, " + form + rest), ESGAUDIT_MISSING) << e.id << " " << form;
        ++checked;
      }
    }
    EXPECT_EQ(status("As in 2021, our report" + rest), ESGAUDIT_MISSING) << e.id;
  }
  EXPECT_GE(checked, 15u);
}

TEST(Gbt36001Test, EnglishScopeStatementsAndTheTaiwaneseTitleForAssurance) {
  auto status = [&](const std::string& text, const char* element) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")[element];
  };
  EXPECT_EQ(status("This report covers the global operations of Example Corp and its subsidiaries. We publish it yearly.\n",
                   "report-scope"),
            ESGAUDIT_COVERED);
  // What the report covers in time or topics, not which entities: partial.
  EXPECT_EQ(status("This report covers our strategy, activities and progress in 2022. We publish it yearly.\n",
                   "report-scope"),
            ESGAUDIT_PARTIAL);
  // The words before the phrase are no part of what it covers.
  EXPECT_EQ(status("Our Business section of this report covers\nour products.\n", "report-scope"), ESGAUDIT_PARTIAL);
  // Among Chinese segments (none of which is searched for an English phrase) an English statement is
  // read; the phrase inside a segment with Chinese characters is not.
  EXPECT_EQ(status("公司概况\n\n公司坚持绿色发展。\n\nThis report covers the global operations of Example Corp and its "
                   "subsidiaries. We publish it yearly.\n\n员工发展\n",
                   "report-scope"),
            ESGAUDIT_COVERED);
  EXPECT_NE(status("公司概况\n\n公司坚持绿色发展，this report covers the global operations of Example Corp and its "
                   "subsidiaries.\n",
                   "report-scope"),
            ESGAUDIT_COVERED);
  EXPECT_EQ(status("外部确信\n本报告书经第三方查证单位依AA1000AS标准进行查证，达到中度保证等级，查证声明附于报告书末。\n",
                   "assurance"),
            ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, TheTaiwaneseScopeTitleAndPlantsNamedAsTheScope) {
  auto status = [&](const std::string& text, const char* element) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")[element];
  };
  // 报告范畴 is the Taiwanese term for the reporting scope; a statement naming the plants it covers
  // names entities.
  EXPECT_EQ(status("报告范畴与概要\n报告书内容涵盖各利害关系人关心的议题，包括甲厂、乙厂及丙厂的相关营运信息。\n",
                   "report-scope"),
            ESGAUDIT_COVERED);
  // The title alone, or a statement of the topics only, is partial.
  EXPECT_EQ(status("报告范畴\n\n", "report-scope"), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status("报告书内容涵盖环境、社会与治理各层面的议题。\n", "report-scope"), ESGAUDIT_PARTIAL);
}

TEST(Gbt36001Test, NamingTheMaterialityPrincipleIsNoMaterialityAssessment) {
  auto status = [&](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), text), "gbt36001")["materiality"];
  };
  // A passage saying the report follows the principle of materiality (even that an assessment took
  // part in it) tells how content is chosen, not which topics were found: partial.
  EXPECT_EQ(status("本报告在内容选择方面遵循了指引的重要性原则，管理层均有参与重要性评估，以确定报告披露的内容。\n"),
            ESGAUDIT_PARTIAL);
  EXPECT_EQ(status("This report follows the materiality principle; a materiality assessment informed its content.\n"),
            ESGAUDIT_PARTIAL);
  // The assessment itself is covered.
  EXPECT_EQ(status("公司开展重要性评估，通过问卷调查识别出18项实质性议题，并按重要性排序。\n"), ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, TargetsForALaterYearAreAnOutlook) {
  const std::string report = "2016年企业社会责任报告\n\n公司概况\n\n";
  const std::string targets =
      "{Y}年目标\t2016年情形\n"
      "取水量较基准年降低5%\t取水量下降3.1%\n"
      "制程水回收率较基准年达100%\t制程水回收率已达20.1%\n"
      "VOC排放量较基准年降低10%\tVOC排放量上升12.6%\n";
  auto with = [&](const std::string& year) {
    std::string t = report + targets;
    t.replace(t.find("{Y}"), 3, year);
    return Statuses(testing::RunOnText(Registry(), t), "gbt36001")["outlook"];
  };
  EXPECT_EQ(with("2020"), ESGAUDIT_COVERED);
  EXPECT_NE(with("2016"), ESGAUDIT_COVERED);  // the report year's own targets: what it reports on
}

TEST(Gbt36001Test, IndexRowsAreAtMostPartialEvidence) {
  const std::string index =
      "指标索引\n"
      "致利益相关方\tG4-1/G4-2\n"
      "实质性议题识别\tG4-25/G4-26/G4-18/G4-19\n"
      "社会责任组织架构\tG4-34\n"
      "关于本报告\tG4-23/G4-28/G4-29/G4-30\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), index), "gbt36001")["materiality"],
            ESGAUDIT_PARTIAL);
  const std::string section =
      "实质性议题识别\n\n"
      "公司参照GRI标准,通过问卷调查识别出18项实质性议题,并按对利益相关方的重要性与对公司发展的重要性排序。\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), section), "gbt36001")["materiality"],
            ESGAUDIT_COVERED);
}

// IndexRow is read once per line and then remembered: each line keeps its own answer, whichever
// detector asks first and in whichever order the lines come (an index row before or after a section
// heading that is none, two index rows in turn).
TEST(Gbt36001Test, EachLineKeepsItsOwnIndexRowAnswer) {
  const std::string head = "某某公司2020年社会责任报告\n\n本报告是公司发布的第五份社会责任报告。\n\n";
  const std::string row = "利益相关方沟通 访谈 问卷 P12\n";
  const std::string section =
      "实质性议题识别\n\n"
      "公司参照GRI标准,通过问卷调查识别出18项实质性议题,并按对经济、环境和社会的影响程度排序。\n\n";
  for (const std::string& text : {head + row + "\n" + section, head + section + row}) {
    auto s = Statuses(testing::RunOnText(Registry(), text), "gbt36001");
    EXPECT_EQ(s["stakeholder-engagement"], ESGAUDIT_PARTIAL) << text;
    EXPECT_EQ(s["materiality"], ESGAUDIT_COVERED) << text;
  }
  const std::string index = "指标索引\n实质性议题识别\tG4-25/G4-26/G4-18/G4-19\n" + row;
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), head + index), "gbt36001")["materiality"], ESGAUDIT_PARTIAL);
}

// ReadIndexRow looks the index_row pattern up once per document, on the first line it reads (here a
// line of prose): each of the pattern's forms (a G4 code, a GRI code, a trailing page number) still
// makes its line an index row, whose evidence is partial, and the line without it is covered.
TEST(Gbt36001Test, EveryFormOfAnIndexRowIsReadWithTheIndexRowPattern) {
  std::string head = "某某公司2020年社会责任报告\n\n";
  for (int i = 0; i < 5; ++i) head += "公司坚持稳健经营，持续提升管理水平，员工参与相关活动。\n";
  const std::string line = "利益相关方沟通 访谈 问卷";
  auto status = [&](const std::string& text) {
    return Statuses(testing::RunOnText(Registry(), head + text + "\n"), "gbt36001")["stakeholder-engagement"];
  };
  for (const char* code : {" G4-24", " GRI 102-43", " P12", "；P 7-9"}) {
    EXPECT_EQ(status(line + code), ESGAUDIT_PARTIAL) << code;
  }
  EXPECT_EQ(status(line), ESGAUDIT_COVERED);
  EXPECT_EQ(status(line + " G4"), ESGAUDIT_COVERED);  // no code after G4
}

// An index heading is covered by five disclosure codes on the 80 lines below it, however they are
// spread: one line of five at the 80th line and not the 81st, two right below and three at the 80th,
// and, under a second heading 50 lines on, four codes both headings see and a fifth only the second
// sees (the lines' counts are kept from one heading to the next, the window is each heading's own).
TEST(Gbt36001Test, AnIndexHeadingCountsFiveCodesOnTheEightyLinesBelowIt) {
  auto filler = [](int n) { return "公司推进工作事项" + std::to_string(n) + ",员工参与相关活动。\n"; };
  auto status = [](const std::string& t) { return Statuses(testing::RunOnText(Registry(), t), "gbt36001")["indicator-index"]; };
  for (int off : {80, 81}) {
    std::string one_line = "指标索引\n";
    std::string spread = "指标索引\n本节回应第1条第2条的要求。\n";
    for (int k = 1; k < off; ++k) one_line += filler(k);
    for (int k = 2; k < off; ++k) spread += filler(k);
    one_line += "本节回应第1条第2条第3条第4条第5条的要求。\n";
    spread += "本节回应第3条第4条第5条的要求。\n";
    for (int k = off + 1; k < off + 5; ++k) {
      one_line += filler(k);
      spread += filler(k);
    }
    const esgaudit_coverage_status want = off == 80 ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL;
    EXPECT_EQ(status(one_line), want) << off;
    EXPECT_EQ(status(spread), want) << off;
  }
  for (int last : {125, 131}) {
    std::string t;
    for (int k = 0; k < 140; ++k) {
      if (k == 0)
        t += "指标索引\n";
      else if (k == 50)
        t += "GRI对照表\n";
      else if (k == 60)
        t += "本节回应第1条第2条第3条第4条的要求。\n";
      else if (k == last)
        t += "本节回应第5条的要求。\n";
      else
        t += filler(k);
    }
    EXPECT_EQ(status(t), last == 125 ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL) << last;
  }
}

TEST(Gbt36001Test, KpiTableNeedsATableNotFiguresInProse) {
  const std::string prose =
      "关键绩效\n\n2020年公司营业收入295亿元,利润总额13亿元,员工总数12375人,培训5.9万人次。\n";
  auto s = Statuses(testing::RunOnText(Registry(), prose), "gbt36001");
  EXPECT_EQ(s["kpi-table"], ESGAUDIT_PARTIAL);
  const std::string table =
      "关键绩效表\n"
      "指标\t单位\t2018年\t2019年\t2020年\n"
      "营业收入\t亿元\t245.1\t242.3\t295.7\n"
      "员工总数\t人\t11020\t11873\t12375\n"
      "培训投入\t万元\t610\t700\t770\n";
  s = Statuses(testing::RunOnText(Registry(), table), "gbt36001");
  EXPECT_EQ(s["kpi-table"], ESGAUDIT_COVERED);
}

// Lines without a digit are no rows, yet up to two of them between rows keep one table; three end
// it (each part then has too few rows). Full-width digits are no figures of a row.
TEST(Gbt36001Test, LinesWithoutADigitBetweenRowsOfAKpiTable) {
  const std::string head = "关键绩效表\n指标\t单位\t2018年\t2019年\n营业收入\t亿元\t245.1\t242.3\n";
  const std::string tail = "员工总数\t人\t11020\t11873\n";
  auto status = [&](const std::string& between) {
    return Statuses(testing::RunOnText(Registry(), head + between + tail), "gbt36001")["kpi-table"];
  };
  EXPECT_EQ(status("注：数据口径见附注\n（续表）\n"), ESGAUDIT_COVERED);
  EXPECT_EQ(status("注：数据口径见附注\n（续表）\n说明\n"), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status("培训投入\t万元\t６１０\t７００\n注\n说明\n"), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status("培训投入\t万元\t610\t700\n注\n说明\n"), ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, AFinancialTableIsNoKpiTable) {
  const std::string financial =
      "单位:万元\n"
      "\t2016年\t2015年\t增长比例(%)\n"
      "总资产\t7,499,331.03\t7,025,940.40\t6.74\n"
      "营业收入\t4,011,749.22\t3,745,196.22\t7.12\n"
      "归属于上市公司股东的净利润\t219,034.82\t188,754.67\t16.04\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), financial), "gbt36001")["kpi-table"],
            ESGAUDIT_PARTIAL);
  const std::string mixed =
      "关键指标\t2014\t2015\t2016\n"
      "营业收入(亿元)\t360.44\t352.25\t406.78\n"
      "总能源消耗(吨标煤)\t2,558,576\t2,815,279\t3,495,626\n"
      "总耗水量(吨)\t577,488\t481,152\t513,645\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), mixed), "gbt36001")["kpi-table"],
            ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, SignedAndFiscalYearCellsAreFiguresOfAKpiTable) {
  // Cells that open with a sign ("约", "≥", "-") or "FY" before their figure are number and year
  // cells; a cell whose figure comes later in a sentence is a label.
  const std::string signs =
      "关键绩效\n"
      "指标\tFY2021\tFY 2022\n"
      "能耗强度(吨标煤/万元)\t约 0.52\t≥ 0.48\n"
      "排放变化(%)\t-3.5\t+2.1\n"
      "安全培训(人次)\t~1,200\t< 1,500\n";
  EXPECT_EQ(Statuses(testing::RunOnText(Registry(), signs), "gbt36001")["kpi-table"], ESGAUDIT_COVERED);
  const std::string sentences =
      "关键绩效\n"
      "公司在2021年完成培训1,200人次\t其中安全培训500人次\n"
      "公司在2022年完成培训1,500人次\t其中安全培训600人次\n"
      "公司在2023年完成培训1,700人次\t其中安全培训700人次\n";
  EXPECT_NE(Statuses(testing::RunOnText(Registry(), sentences), "gbt36001")["kpi-table"], ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, HeadingsBehindAPictographicBulletAreFound) {
  // A diamond or other symbol printed before a section title does not hide the title: the letter and
  // the outlook are covered by their headings with prose below.
  const std::string text =
      "某某电力公司2016年社会责任报告\n"
      "♦管理层致辞\n"
      "2016年,我们围绕公司的发展目标,积极应对复杂形势,安全生产总体平稳,服务能力明显增强,各项工作取得进展。\n"
      "在此,我们郑重发布本报告,加强与社会各界的沟通交流,携手共创美好未来。\n"
      "♦展望2017\n"
      "新的一年,公司将以创建一流企业为统领,加快发展方式转变,统筹推进电网建设、安全生产和营销服务等各项工作。\n"
      "我们将牢固树立安全理念,严控电网安全风险,确保安全生产各项工作落到实处。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  ASSERT_NE(Find(r, "leadership-statement"), nullptr);
  ASSERT_NE(Find(r, "outlook"), nullptr);
  EXPECT_EQ(Find(r, "leadership-statement")->status, ESGAUDIT_COVERED);
  EXPECT_EQ(Find(r, "outlook")->status, ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, EnglishSectionTitlesWithABodyCoverTheirElement) {
  // Markdown titles of an English report behind an export's anchor: a letter, an assurance statement
  // and goals with their progress, each with prose below, are covered; the same words inside a
  // sentence or a forward-looking disclaimer are not a title.
  const std::string body =
      "In 2022 we continued to grow our business and to serve our customers and communities around the world, "
      "and we are proud of what our people achieved together over the year.\n";
  const std::string text =
      "Example Corp 2022 Impact Report\n"
      "## [example-2022-0] Message from Our President & CEO\n" + body +
      "## [example-2022-40] Planet: Our goals and progress in 2022\n" + body +
      "## [example-2022-83] Independent Limited Assurance Statement\n" + body;
  ReportResult r = testing::RunOnText(Registry(), text);
  for (const char* id : {"leadership-statement", "outlook", "assurance"}) {
    ASSERT_NE(Find(r, id), nullptr) << id;
    EXPECT_EQ(Find(r, id)->status, ESGAUDIT_COVERED) << id;
  }
  const std::string words =
      "Example Corp 2022 Impact Report\n"
      "## [example-2022-1] Forward-Looking Statements\n" + body +
      "We read every message from our customers, and our auditors give independent assurance on controls.\n" + body +
      "Read our latest assurance statement online.\n" + body + "We discuss these issues in the Energy Outlook.\n" + body +
      "the scenarios in the outlook explore some of the\n" + body;
  ReportResult none = testing::RunOnText(Registry(), words);
  for (const char* id : {"leadership-statement", "outlook", "assurance"}) {
    ASSERT_NE(Find(none, id), nullptr) << id;
    EXPECT_NE(Find(none, id)->status, ESGAUDIT_COVERED) << id;
  }
}

TEST(Gbt36001Test, YearSeriesWrittenOutOnLinesAreAKeyPerformanceTable) {
  // An export prints each row of a performance table (or a chart) as one line of "In YEAR value"
  // pairs: three such rows close together are a table over years. One series alone is not.
  const std::string rows =
      "## [example-2022-116] GHG Emissions performance\n"
      "Scope 1 emissions ( tCO2e ) : - In 2022 4,100 tCO2e - In 2021 4,400 tCO2e - In 2020 4,900 tCO2e\n\n"
      "## [example-2022-117] Energy performance\n"
      "Total energy consumed : - In 2022 103,024 MWh - In 2021 102,778 MWh - In 2020 107,320 MWh\n\n"
      "## [example-2022-119] Water management\n"
      "Water consumption ( cubic meters ) : - In 2022 124,632 cubic meters - In 2021 131,250 cubic meters\n";
  ReportResult r = testing::RunOnText(Registry(), "Example Corp 2022 ESG Report\n" + rows);
  ASSERT_NE(Find(r, "kpi-table"), nullptr);
  EXPECT_EQ(Find(r, "kpi-table")->status, ESGAUDIT_COVERED);
  ReportResult one = testing::RunOnText(
      Registry(), "Example Corp 2022 ESG Report\nIn 2022 we planted 4,100 trees, and in 2021 we planted 3,900.\n"
                  "Total energy consumed : - In 2022 103,024 MWh - In 2021 102,778 MWh\n");
  ASSERT_NE(Find(one, "kpi-table"), nullptr);
  EXPECT_NE(Find(one, "kpi-table")->status, ESGAUDIT_COVERED);
}

// Every match of the year-series expression starts where SeriesValueStarts counts one, so a line it
// counts fewer than two in holds fewer than two values (KpiTable then does not search it): checked
// on 40,000 lines built from whole values, "In", every blank std::regex's \s reads, years and near-years, signs,
// figures, letters, Han, the ideographic space and a stray byte.
TEST(Gbt36001Test, SeriesValueStartsCountsEveryValueTheExpressionFinds) {
  const std::regex& re = gbt36001::SeriesValueExpression();
  const std::vector<std::string> pieces = {"In", "In", "in", "IN", " ", " ", "\t", "\n", "\v", "\f", "\r",
                                           "2022", "1999", "2O22", "1899", "20", "19", "2", "202", ":",
                                           " - In 2022 4,100 tCO2e", " In 1999: $ 12.5", "-In 2021 2", ":In\t2020 :\t7",
                                           "-", "$", "1,234", ".5", " MWh", "x", "中", "\xE3\x80\x80", "\xFF"};
  std::mt19937 rng(16);
  size_t two_values = 0, skipped_with_in_and_space = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string line;
    const size_t count = 1 + rng() % 14;
    for (size_t k = 0; k < count; ++k) line += pieces[rng() % pieces.size()];
    size_t values = 0;
    for (auto it = std::cregex_iterator(line.data(), line.data() + line.size(), re); it != std::cregex_iterator();
         ++it)
      ++values;
    const size_t starts = gbt36001::SeriesValueStarts(line, 100);
    ASSERT_GE(starts, values) << line;
    ASSERT_EQ(gbt36001::SeriesValueStarts(line, 2), std::min<size_t>(starts, 2)) << line;
    if (values >= 2) ++two_values;
    if (starts < 2 && line.find("In ") != std::string::npos) ++skipped_with_in_and_space;
  }
  EXPECT_GT(two_values, 1000u);
  EXPECT_GT(skipped_with_in_and_space, 1000u);
  // Near misses: no blank after "In", a letter for a digit, a year out of range, a year cut short.
  EXPECT_EQ(gbt36001::SeriesValueStarts("In2022 1 In2021 2", 2), 0u);
  EXPECT_EQ(gbt36001::SeriesValueStarts("In 2O22 1 In 2021 2", 2), 1u);
  EXPECT_EQ(gbt36001::SeriesValueStarts("In 1899 1 In 2021 2", 2), 1u);
  EXPECT_EQ(gbt36001::SeriesValueStarts("In 2021 2 In 20", 2), 1u);
  EXPECT_EQ(gbt36001::SeriesValueStarts("In \t\v 2022 1 In\r\n1999 2", 2), 2u);
}

using Clauses = std::vector<std::vector<std::string>>;

Clauses Sorted(Clauses c) {
  for (auto& clause : c) std::sort(clause.begin(), clause.end());
  std::sort(c.begin(), c.end());
  std::stable_sort(c.begin(), c.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
  return c;
}

Clauses RequiredOf(const std::string& re) { return gbt36001::RequiredLiterals::Of(re).clauses(); }

// The literals read from an expression's syntax: runs of adjacent characters, what every alternative
// of an alternation needs, nothing from an optional part, a class, `.`, a kind escape or lookaround.
TEST(Gbt36001RequiredLiterals, ReadsWhatEveryMatchHolds) {
  EXPECT_EQ(RequiredOf("abc"), Sorted({{"abc"}}));
  EXPECT_EQ(RequiredOf("ab?c"), Sorted({{"a"}, {"c"}}));
  EXPECT_EQ(RequiredOf("ab+c"), Sorted({{"ab"}, {"c"}}));
  EXPECT_EQ(RequiredOf("xa{0,3}bc"), Sorted({{"x"}, {"bc"}}));
  EXPECT_EQ(RequiredOf("a{2}bc"), Sorted({{"a"}, {"bc"}}));
  EXPECT_EQ(RequiredOf("a(?:b|c)d"), Sorted({{"a"}, {"b", "c"}, {"d"}}));
  EXPECT_EQ(RequiredOf("(?:ab|ab?)z"), Sorted({{"a"}, {"z"}}));  // "ab" holds "a"
  EXPECT_EQ(RequiredOf("x\\.y\\(z"), Sorted({{"x.y(z"}}));
  EXPECT_EQ(RequiredOf("foo(?=bar)"), Sorted({{"foo"}}));
  EXPECT_EQ(RequiredOf("foo(?!bar)baz"), Sorted({{"foo"}, {"baz"}}));
  EXPECT_EQ(RequiredOf("[ab]cd[^e]"), Sorted({{"cd"}}));
  EXPECT_EQ(RequiredOf("a\\d\\s.b\\bc"), Sorted({{"a"}, {"b"}, {"c"}}));
  EXPECT_EQ(RequiredOf("\\x41bc\\u4e2d文"), Sorted({{"bc"}, {"文"}}));
  EXPECT_EQ(RequiredOf("(a)\\1b"), Sorted({{"a"}, {"b"}}));
  EXPECT_EQ(RequiredOf("^星期$"), Sorted({{"星期"}}));
  EXPECT_EQ(RequiredOf("本?年度"), Sorted({{"年度"}}));
  // Each alternative's needs: a clause for every pair, without those another implies.
  EXPECT_EQ(RequiredOf("(?:甲|乙)丙?丁.{0,9}(?:戊|己)|(?:戊|己).{0,5}丙丁"),
            Sorted({{"丁"}, {"戊", "己"}, {"甲", "乙", "丙丁"}}));
  EXPECT_EQ(RequiredOf("abc|ab|xab"), Sorted({{"ab"}}));
  // Nothing required: an alternative without a literal, an empty one, all optional.
  EXPECT_TRUE(RequiredOf("cat|\\d+").empty());
  EXPECT_TRUE(RequiredOf("cat|dog|").empty());
  EXPECT_TRUE(RequiredOf("(?:cat)?[a-z]*").empty());
  // Unrecognised syntax: no clause at all, though literals stand beside it.
  EXPECT_TRUE(RequiredOf("abc[[:alpha:]]").empty());
  EXPECT_TRUE(RequiredOf("abc\\p").empty());
  EXPECT_TRUE(RequiredOf("abc(?<n>x)").empty());
  EXPECT_TRUE(RequiredOf("abc)").empty());
  EXPECT_TRUE(RequiredOf("abc(").empty());
  EXPECT_TRUE(RequiredOf("abc[]d]").empty());
  EXPECT_TRUE(RequiredOf("ab{c").empty());
  // MayMatch asks every clause for one of its literals.
  const gbt36001::RequiredLiterals r = gbt36001::RequiredLiterals::Of("a(?:b|c)d");
  EXPECT_TRUE(r.MayMatch("xxacd"));
  EXPECT_TRUE(r.MayMatch("d b a"));  // holds every clause, though the expression does not match
  EXPECT_FALSE(r.MayMatch("abx"));
  EXPECT_FALSE(r.MayMatch(""));
  EXPECT_TRUE(gbt36001::RequiredLiterals().MayMatch(""));
}

// Layout::CodePointsAtMost(s, n) is CodePoints(s) <= n: on random bytes of ASCII, Han, four-byte
// sequences, runs of continuation bytes (no code point of their own, so a long head may hold few) and
// cut sequences, for every bound from 0 to 30 and every length up to past four bytes a bound.
TEST(Gbt36001Layout, CodePointsAtMostIsTheCountWithinTheBound) {
  const std::vector<std::string> pieces = {"a", " ", "本", "，", "😀", "\x80", "\x80\x80\x80\x80\x80\x80", "\xe4\xb8", "é"};
  std::mt19937 rng(20261210);
  for (int round = 0; round < 3000; ++round) {
    std::string s;
    for (size_t k = rng() % 40; k > 0; --k) s += pieces[rng() % pieces.size()];
    for (size_t len = 0; len <= s.size(); len += 1 + rng() % 3) {
      const std::string_view v = std::string_view(s).substr(0, len);
      for (size_t n = 0; n <= 30; ++n) {
        ASSERT_EQ(gbt36001::Layout::CodePointsAtMost(v, n), gbt36001::Layout::CodePoints(v) <= n)
            << n << " \"" << std::string(v) << '"';
      }
    }
  }
}

// MayMatch's search (sdk::Contains) answers as memmem did: random expressions of literal groups and
// alternations of ASCII and Han literals from one to nine bytes (around eight), against random texts
// of the same pieces, cut Han characters and blanks, from the empty text on.
TEST(Gbt36001RequiredLiterals, MayMatchFindsTheLiteralsMemmemFinds) {
  const std::vector<std::string> literals = {"a", "ab", "abc", "中", "中文", "文", "abcdefgh", "abcdefghi", "报告期"};
  const std::vector<std::string> noise = {"a", "b", "c", "中", "文", "\xE4\xB8", "\xAD", " ", "abcdefg", "报告", "期"};
  std::mt19937 rng(4816);
  size_t yes = 0, no = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string re;
    for (int g = 1 + static_cast<int>(rng() % 3); g > 0; --g) {
      if (rng() % 2 == 0) {
        re += literals[rng() % literals.size()];
      } else {
        re += "(?:" + literals[rng() % literals.size()] + "|" + literals[rng() % literals.size()] + ")";
      }
      re += rng() % 2 == 0 ? "." : "";
    }
    const gbt36001::RequiredLiterals r = gbt36001::RequiredLiterals::Of(re);
    std::vector<std::string> own;  // the expression's literals, whole and cut
    for (const std::vector<std::string>& clause : r.clauses()) {
      for (const std::string& l : clause) {
        own.push_back(l);
        own.push_back(l.substr(0, l.size() - 1));
      }
    }
    for (int t = 0; t < 20; ++t) {
      std::string text;
      for (int k = static_cast<int>(rng() % 6); k > 0; --k) {
        text += !own.empty() && rng() % 2 == 0 ? own[rng() % own.size()] : noise[rng() % noise.size()];
      }
      bool expected = true;
      for (const std::vector<std::string>& clause : r.clauses()) {
        bool holds = false;
        for (const std::string& l : clause)
          holds = holds || memmem(text.data(), text.size(), l.data(), l.size()) != nullptr;
        expected = expected && holds;
      }
      ASSERT_EQ(r.MayMatch(text), expected) << re << " in [" << text << "]";
      (expected ? yes : no) += 1;
    }
  }
  EXPECT_GT(yes, 5000u);
  EXPECT_GT(no, 20000u);
}

// Where std::regex finds a match, MayMatch is true: 8,000 random expressions (about 2,200 of them
// valid; literals ASCII and Han, escapes, classes, `.`, anchors, groups, lookaround, alternations,
// every quantifier) against random texts from their alphabet, cut Han characters included.
TEST(Gbt36001RequiredLiterals, NeverRulesOutATextTheExpressionMatches) {
  std::mt19937 rng(36001);
  const std::vector<std::string> literals = {"a", "b", "c", "报", "告", " ", "0", "-"};
  const std::vector<std::string> others = {"\\d", "\\s", "\\w", "\\.", "\\(", "\\x61", "\\b",
                                           "[ab]", "[^a]", "[\\d.]", "[报]", ".", "^", "$"};
  const std::vector<std::string> quantifiers = {"", "", "", "", "?", "*", "+", "{0,2}", "{1,2}",
                                                "{2}", "+?", "??"};
  std::function<std::string(int)> alternation = [&](int depth) {
    std::string re;
    const int alternatives = 1 + static_cast<int>(rng() % 3);
    for (int a = 0; a < alternatives; ++a) {
      if (a > 0) re += "|";
      const int atoms = 1 + static_cast<int>(rng() % 4);
      for (int k = 0; k < atoms; ++k) {
        const unsigned kind = rng() % 10;
        if (kind < 5) {
          re += literals[rng() % literals.size()];
        } else if (kind < 7 || depth >= 3) {
          re += others[rng() % others.size()];
        } else {
          static const std::vector<std::string> opens = {"(?:", "(", "(?=", "(?!"};
          re += opens[rng() % opens.size()] + alternation(depth + 1) + ")";
        }
        re += quantifiers[rng() % quantifiers.size()];
      }
    }
    return re;
  };
  const std::vector<std::string> pieces = {"a", "b", "c", "ab", "报", "告", "报告", " ", "0",
                                           "1", ".", "(", "-", "x", "\xE6\x8A", "\xA5"};
  size_t expressions = 0, with_clauses = 0, matches = 0, ruled_out = 0;
  for (int n = 0; n < 8000; ++n) {
    const std::string source = alternation(0);
    std::regex re;
    try {
      re = std::regex(source, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error&) {
      continue;  // a quantified anchor and the like: not an expression a pack could hold
    }
    ++expressions;
    const gbt36001::RequiredLiterals required = gbt36001::RequiredLiterals::Of(source);
    with_clauses += required.empty() ? 0 : 1;
    for (int t = 0; t < 30; ++t) {
      std::string text;
      const int length = static_cast<int>(rng() % 9);
      for (int k = 0; k < length; ++k) text += pieces[rng() % pieces.size()];
      std::cmatch m;
      const bool found = std::regex_search(text.c_str(), text.c_str() + text.size(), m, re);
      const bool may = required.MayMatch(text);
      if (found) {
        ASSERT_TRUE(may) << source << " on \"" << text << "\"";
      }
      matches += found ? 1 : 0;
      ruled_out += may ? 0 : 1;
    }
  }
  EXPECT_GT(expressions, 2000u);
  EXPECT_GT(with_clauses, 1000u);
  EXPECT_GT(matches, 20000u);
  EXPECT_GT(ruled_out, 20000u);
}

// The same for the rule pack's own expressions, on texts built from each one's literals, digits,
// blanks and punctuation: never false where the expression matches; and the two std::regex alone
// runs (a lookahead, `.{0,60}`) get a test that rules texts out.
TEST(Gbt36001RequiredLiterals, NeverRulesOutATextThePacksExpressionsMatch) {
  const gbt36001::RulePack pack =
      gbt36001::RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"));
  std::mt19937 rng(36002);
  EXPECT_FALSE(pack.PatternLiterals("phone").empty());
  EXPECT_FALSE(pack.PatternLiterals("report_feedback").empty());
  for (const std::string& name : pack.PatternNames()) {
    const gbt36001::RequiredLiterals& required = pack.PatternLiterals(name);
    std::vector<std::string> pieces = {"0", "1", "2", "9", "86", "0571", "8888", "12345678", "2022",
                                       " ", "  ", "-", "(", ")", "+", ":",
                                       ".", "/", "x", "A", "P", "年", "月", "的", "\n", "\xE6\x8A"};
    for (const auto& clause : required.clauses())
      for (const std::string& literal : clause) {
        pieces.push_back(literal);
        pieces.push_back(literal.substr(0, literal.size() - 1));  // a near miss
      }
    size_t matches = 0, ruled_out = 0;
    for (int t = 0; t < 6000; ++t) {
      std::string text;
      const int length = static_cast<int>(rng() % 24);
      for (int k = 0; k < length; ++k) text += pieces[rng() % pieces.size()];
      std::cmatch m;
      const bool found = std::regex_search(text.c_str(), text.c_str() + text.size(), m, pack.Pattern(name));
      const bool may = required.MayMatch(text);
      if (found) {
        ASSERT_TRUE(may) << name << " on \"" << text << "\"";
      }
      matches += found ? 1 : 0;
      ruled_out += may ? 0 : 1;
    }
    if (name == "phone" || name == "report_feedback") {
      EXPECT_GT(matches, 300u) << name;
      EXPECT_GT(ruled_out, 300u) << name;
    }
  }
}

// MayBeFutureTarget is false only where the future-target expression finds no match: checked on
// 30,000 headings built from years and near-years, blanks, 年 and near words, 的, the target words
// and near words, leads and tails, a quarter of them cut at any byte.
TEST(Gbt36001Test, MayBeFutureTargetRulesOutOnlyHeadingsTheExpressionDoesNotMatch) {
  const std::regex& re = gbt36001::FutureTargetExpression();
  // Each heading: an optional lead, a year or near-year, blanks, 年 or a near word, blanks, an
  // optional 的, a target word or a near word, an optional tail.
  const std::vector<std::vector<std::string>> slots = {
      {"", "", "", " ", "x", "展望"},
      {"2020", "1999", "2100", "1899", "20", "19", "202", "２０２０"},
      {"", "", " ", "\t", "  "},
      {"年", "年", "年度", "月", ""},
      {"", "", " ", "\v"},
      {"", "", "的", "之"},
      {"目标", "工作目标", "发展目标", "目的", "标", "目标值"},
      {"", "", "", " ", "。", "x"}};
  std::mt19937 rng(36001);
  size_t matches = 0, ruled_out = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string h;
    for (const auto& slot : slots) h += slot[rng() % slot.size()];
    if (rng() % 4 == 0) h.resize(rng() % (h.size() + 1));
    std::cmatch m;
    const char* b = h.c_str();
    const bool found = std::regex_search(b, b + h.size(), m, re);
    const bool may = gbt36001::MayBeFutureTarget(h);
    if (found) {
      ASSERT_TRUE(may) << h;
    }
    matches += found ? 1 : 0;
    ruled_out += may ? 0 : 1;
  }
  EXPECT_GT(matches, 150u);
  EXPECT_GT(ruled_out, 10000u);
  EXPECT_TRUE(gbt36001::MayBeFutureTarget("2020年目标"));
  EXPECT_FALSE(gbt36001::MayBeFutureTarget("2020年目标 "));     // a blank after the end
  EXPECT_FALSE(gbt36001::MayBeFutureTarget(" 2020年目标"));     // before the year
  EXPECT_FALSE(gbt36001::MayBeFutureTarget("2020年目"));        // the word cut short
  EXPECT_FALSE(gbt36001::MayBeFutureTarget("１９年目标"));       // full-width digits
}

// CaselessStarts answers false only for a piece of the view whose ASCII-lower-cased text holds no
// word of its list: checked against that search for every segment (and every piece of a line) of
// documents with the words in every case, cut by a line end or another segment, beside Han, a
// full-width letter (the view folds it to ASCII) and stray bytes.
TEST(Gbt36001Test, CaselessStartsRulesOutOnlyPiecesWithoutAWord) {
  static const std::vector<std::string> words = {"this report covers", "report boundary", "ab"};
  static size_t checked = 0, ruled_out = 0, held = 0;
  sdk::Registry registry;
  registry.AddPass([](const sdk::Document& doc, const sdk::Context&) {
    const gbt36001::CaselessStarts starts(doc, words);
    const std::string_view view = doc.MatchView();
    gbt36001::Layout layout(doc);
    auto check = [&](std::string_view piece) {
      if (piece.data() < view.data() || piece.data() + piece.size() > view.data() + view.size()) return;
      const uint64_t b = static_cast<uint64_t>(piece.data() - view.data());
      const std::string lower = sdk::AsciiLower(piece);
      const bool holds = std::any_of(words.begin(), words.end(),
                                     [&](const std::string& w) { return lower.find(w) != std::string::npos; });
      const bool may = starts.MayHoldOne(b, b + piece.size());
      if (holds) {
        EXPECT_TRUE(may) << piece;
      }
      ++checked;
      ruled_out += may ? 0 : 1;
      held += holds ? 1 : 0;
    };
    for (const gbt36001::LayoutLine& l : layout.lines()) {
      for (const gbt36001::Segment& s : l.segments) {
        check(s.text);
        for (size_t cut = 1; cut < s.text.size(); cut += 3) {
          check(s.text.substr(0, cut));
          check(s.text.substr(cut));
        }
      }
    }
    // A list with an empty word rules nothing out.
    const gbt36001::CaselessStarts any(doc, {"report", ""});
    EXPECT_TRUE(any.MayHoldOne(0, 1));
  });
  const std::string text =
      "Annual Report 2022\n"
      "THIS REPORT COVERS the operations of Example Corp.\n"
      "This Report\nCovers nothing on one line.\n"
      "本报告this report covers中文 and the Report Boundary    is the group.\n"
      "ｔhis report covers a full-width t. this report cover\n"
      "this\xFF report covers; REPORT   BOUNDARY; reportboundary; a\xE3\x80\x80" "b AB aB\n"
      "Nothing here but figures: 1,234 and 5.6%\n";
  testing::RunOnText(registry, text);
  EXPECT_GT(checked, 100u);
  EXPECT_GT(held, 10u);
  EXPECT_GT(ruled_out, 20u);
}

TEST(Gbt36001Test, ALeadersQuestionAndAnswerPageIsTheLetter) {
  const std::string text =
      "某某核电公司2016年社会责任报告\n"
      "总经理问答\n"
      "Q:2016年是十三五开局之年,请问公司在推动能源转型方面是如何做的,取得了什么成效?\n"
      "A:我们坚持创新、协调、绿色的发展理念,不断提升发电能力,为社会提供稳定可靠的清洁能源。\n";
  ReportResult r = testing::RunOnText(Registry(), text);
  ASSERT_NE(Find(r, "leadership-statement"), nullptr);
  EXPECT_EQ(Find(r, "leadership-statement")->status, ESGAUDIT_COVERED);
}

TEST(Gbt36001Test, EnglishTitles) {
  RunOptions options;
  options.lang = "en";
  ReportResult r = testing::RunOnText(Registry(), "公司简介\n", options);
  const CoverageRecord* c = Find(r, "report-period");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->title, "reporting period");
}

TEST(Gbt36001Test, MalformedRulePackIsAConfigError) {
  const std::string path = std::string(ESGAUDIT_BUILD_DIR) + "/gbt36001-bad-pack.json";
  std::ofstream(path)
      << R"({"elements": [{"id": "x", "title_zh": "x", "title_en": "x", "clause": "c", "detector": "nope"}]})";
  EXPECT_THROW(gbt36001::RulePack::FromFile(path), sdk::ConfigError);
  std::ofstream(path) << "{ not json";
  EXPECT_THROW(gbt36001::RulePack::FromFile(path), sdk::ConfigError);
}

TEST(Gbt36001LayoutTest, HeadingTextStripsNumberingAndBullets) {
  EXPECT_EQ(gbt36001::Layout::HeadingText("## |关于本报告"), "关于本报告");
  EXPECT_EQ(gbt36001::Layout::HeadingText("1.1关于我们"), "关于我们");
  EXPECT_EQ(gbt36001::Layout::HeadingText("四、CSR管理"), "CSR管理");
  EXPECT_EQ(gbt36001::Layout::HeadingText("(一)利益相关方沟通"), "利益相关方沟通");
  EXPECT_EQ(gbt36001::Layout::HeadingText("2020年社会责任报告"), "2020年社会责任报告");
  // Any pictographic bullet is decoration, not only the listed ones.
  EXPECT_EQ(gbt36001::Layout::HeadingText("♦管理层致辞"), "管理层致辞");
  EXPECT_EQ(gbt36001::Layout::HeadingText("❖ 展望2017"), "展望2017");
  EXPECT_EQ(gbt36001::Layout::HeadingText("➤1.报告说明"), "报告说明");
  EXPECT_EQ(gbt36001::Layout::HeadingText("♀女性员工"), "女性员工");  // a gender sign is a bullet too
  EXPECT_EQ(gbt36001::Layout::HeadingText("## [acme-2022-7] Our approach"), "Our approach");
  EXPECT_EQ(gbt36001::Layout::HeadingText("[1] 注释"), "注释");
  EXPECT_EQ(gbt36001::Layout::HeadingText("[see note] Our approach"), "[see note] Our approach");
  EXPECT_TRUE(gbt36001::Layout::IsHeading("董事长致辞", "董事长致辞"));
  EXPECT_FALSE(gbt36001::Layout::IsHeading("董事长致辞中提到,公司将继续发展", "董事长致辞"));
}

// A segment whose heading has more code points than a keyword has bytes plus the slack is no heading
// of it (IsHeading passes over it without comparing): the answer is the full test's for headings up
// to the slack and past it, in Han, ASCII and mixed text, with each slack the detectors use.
TEST(Gbt36001LayoutTest, TheLengthTestNeverChangesWhatIsAHeading) {
  using gbt36001::Layout;
  auto counted = [](const std::string& text) {
    gbt36001::Segment s;
    s.text = text;
    s.heading = Layout::HeadingText(text);
    s.heading_code_points = Layout::CodePoints(s.heading);
    return s;
  };
  size_t headings = 0;
  size_t others = 0;
  for (const std::string keyword : {"董事长致辞", "about this report", "CSR报告", "展望"}) {
    for (const std::string tail : {"年", "x", "é"}) {
      for (size_t slack : {0u, 2u, 4u, 6u}) {
        std::string text = "## " + keyword;
        for (size_t extra = 0; extra <= slack + 3; ++extra, text += tail) {
          const std::string copy = text;
          const bool want = Layout::IsHeading(std::string_view(copy), keyword, slack);  // uncounted: compares
          EXPECT_EQ(Layout::IsHeading(counted(copy), keyword, slack), want) << copy << " " << slack;
          EXPECT_EQ(want, extra <= slack) << copy << " " << slack;
          (want ? headings : others) += 1;
        }
      }
    }
  }
  EXPECT_GT(headings, 0u);
  EXPECT_GT(others, 0u);
  EXPECT_FALSE(Layout::IsHeading(counted("董事长致辞中提到,公司将继续发展"), "董事长致辞"));
}

// IsHeading on a counted segment (its length test, then its test of the first three bytes, then the
// full one) says what the full test written out here says, on random headings made of keywords, their
// cut prefixes, keywords sharing their first byte or first character (董事长 / 董事会 / 蓝), ASCII,
// punctuation and bullets, for short keywords (one and two bytes, an empty one) and each slack.
TEST(Gbt36001LayoutTest, TheFirstBytesTestNeverChangesWhatIsAHeading) {
  using gbt36001::Layout;
  auto reference = [](std::string_view heading, std::string_view keyword, size_t slack) {
    if (heading.substr(0, keyword.size()) != keyword) return false;
    if (sdk::ContainsAny(heading, {",", "。", ";", "、"})) return false;
    return Layout::CodePoints(heading) <= Layout::CodePoints(keyword) + slack;
  };
  const std::vector<std::string> keywords = {"董事长致辞", "董事会", "about this report", "CSR报告", "展望",
                                             "a", "ab", "", "董", "蓝天"};
  const std::vector<std::string> pieces = {"董事长致辞", "董事会", "董事", "董", "蓝天", "蓝", "展望", "展",
                                           "about", "about this report", "ab", "a", "CSR", "报告", "x",
                                           " ", ",", "。", "、", "## ", "1. ", "（一）", "\xE8", "é"};
  std::mt19937 rng(20261201);
  size_t headings = 0;
  size_t others = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 5);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    gbt36001::Segment s;
    s.text = text;
    s.heading = Layout::HeadingText(s.text);
    s.heading_code_points = Layout::CodePoints(s.heading);
    const std::string& keyword = keywords[rng() % keywords.size()];
    for (size_t slack : {0u, 2u, 6u}) {
      const bool want = reference(s.heading, keyword, slack);
      ASSERT_EQ(Layout::IsHeading(s, keyword, slack), want) << text << " | " << keyword << " " << slack;
      (want ? headings : others) += 1;
    }
  }
  EXPECT_GT(headings, 2000u);
  EXPECT_GT(others, 2000u);
  // The first character decides, not the first byte; a text shorter than three bytes opens like no
  // longer keyword; an empty keyword opens every text.
  EXPECT_TRUE(Layout::OpensLike("董事会", "董事长致辞"));
  EXPECT_FALSE(Layout::OpensLike("蓝天", "董事长"));  // the same first byte E8
  EXPECT_FALSE(Layout::OpensLike("\xE8", "董"));
  EXPECT_FALSE(Layout::OpensLike("ab", "abc"));
  EXPECT_FALSE(Layout::OpensLike("abd", "abc"));
  EXPECT_TRUE(Layout::OpensLike("abcd", "abc"));
  EXPECT_TRUE(Layout::OpensLike("", ""));
}

// Headings asks the index for the segments some keyword heads instead of asking every segment of
// every keyword: the index must give exactly the segments the full loop finds (IsHeading of any
// keyword), in order and each once, for random segments and keyword lists, keywords of fewer than
// three bytes (which open no index key), an empty keyword, keywords sharing a first byte or a first
// character with others, repeated keywords, and headings cut inside a character.
// FoldedQuote folds only as much of a long text as its quote shows: the same quote as folding the
// whole text first (the code it replaced, written out), on random texts of spaces, tabs, line ends,
// ASCII, CJK, four-byte and broken UTF-8, at every quote length up to past the text's.
TEST(Gbt36001QuoteTest, AFoldedQuoteIsTheQuoteOfTheWholeTextFolded) {
  auto whole = [](std::string_view original, size_t max_code_points) {
    std::string quote;
    for (char c : original) {
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space && (quote.empty() || quote.back() == ' ')) continue;
      quote += space ? ' ' : c;
    }
    while (!quote.empty() && quote.back() == ' ') quote.pop_back();
    return gbt36001::ShortQuote(quote, max_code_points);
  };
  const std::vector<std::string> pieces = {" ", "  ", "\t", "\n", "\r\n", "a", "Zq", "中", "文。", "\xf0\x9f\x98\x80",
                                           "\xe4", "\xe4\xb8", "\x80", "\xff", "1,234", "…"};
  std::mt19937 rng(43);
  size_t cut = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const size_t n = rng() % 120;
    for (size_t k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    for (size_t max : {size_t{0}, size_t{1}, size_t{3}, size_t{12}, size_t{40}, size_t{41}, size_t{90}}) {
      const std::string want = whole(text, max);
      ASSERT_EQ(gbt36001::FoldedQuote(text, max), want) << "round " << round << " max " << max;
      cut += want.size() >= 3 && want.compare(want.size() - 3, 3, "…") == 0;
    }
  }
  EXPECT_GT(cut, 500u);  // most quotes are cut: the bound is exercised
}

TEST(Gbt36001LayoutTest, TheHeadingIndexFindsWhatAskingEverySegmentFinds) {
  using gbt36001::Layout;
  const std::vector<std::string> words = {"董事长致辞", "董事会", "董事", "董", "蓝天", "展望", "about this report",
                                          "about", "ab", "a", "", "CSR报告", "\xE8\x91", "责任"};
  const std::vector<std::string> pieces = {"董事长致辞", "董事会", "董事", "董", "蓝天", "蓝", "展望", "about",
                                           " this report", "ab", "a", "CSR", "报告", "责任", "x", " ", ",",
                                           "。", "## ", "1. ", "（一）", "\xE8", "\xE8\x91", "é"};
  std::mt19937 rng(20261202);
  size_t found = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<std::string> texts(1 + rng() % 60);
    for (std::string& t : texts) {
      const int n = static_cast<int>(rng() % 5);
      for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()];
    }
    std::vector<gbt36001::Segment> segments(texts.size());
    std::vector<const gbt36001::Segment*> pointers;
    for (size_t i = 0; i < texts.size(); ++i) {
      segments[i].text = texts[i];
      segments[i].heading = Layout::HeadingText(segments[i].text);
      // Counted, or left at 0 (not counted: IsHeading then compares).
      segments[i].heading_code_points = rng() % 2 ? Layout::CodePoints(segments[i].heading) : 0;
      pointers.push_back(&segments[i]);
    }
    const gbt36001::HeadingIndex index(pointers);
    for (int ask = 0; ask < 5; ++ask) {
      std::vector<std::string> keywords(rng() % 5);
      for (std::string& kw : keywords) kw = words[rng() % words.size()];
      std::vector<uint32_t> want;
      for (uint32_t p = 0; p < segments.size(); ++p) {
        for (const std::string& kw : keywords) {
          if (Layout::IsHeading(segments[p], kw)) {
            want.push_back(p);
            break;
          }
        }
      }
      ASSERT_EQ(index.Find(keywords), want) << round << " " << ask;
      found += want.size();
    }
  }
  EXPECT_GT(found, 1000u);  // not vacuous
  // Near misses: the same first byte (蓝 / 董, both E8) or the first character only is no heading;
  // a keyword of one or two bytes still finds its headings (no index key).
  std::vector<gbt36001::Segment> s(4);
  const std::vector<std::string> t = {"蓝天白云", "董事长", "ab", "## a"};
  std::vector<const gbt36001::Segment*> ps;
  for (size_t i = 0; i < s.size(); ++i) {
    s[i].text = t[i];
    s[i].heading = Layout::HeadingText(s[i].text);
    ps.push_back(&s[i]);
  }
  const gbt36001::HeadingIndex index(ps);
  EXPECT_TRUE(index.Find({"董事会"}).empty());
  EXPECT_TRUE(index.Find({"蓝色"}).empty());
  EXPECT_EQ(index.Find({"董事长", "蓝天"}), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(index.Find({"ab"}), (std::vector<uint32_t>{2}));
  EXPECT_EQ(index.Find({"a"}), (std::vector<uint32_t>{2, 3}));
  EXPECT_TRUE(index.Find({}).empty());
}

TEST(Gbt36001PrefilterTest, OnlyPatternsHyperscanStandsForExactlyArePrefiltered) {
  using gbt36001::MayPrefilter;
  EXPECT_TRUE(MayPrefilter(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"));
  EXPECT_TRUE(MayPrefilter(R"((?:地\s*址|邮政编码)\s*[:])"));
  EXPECT_TRUE(MayPrefilter("未经|没有|不涉及"));
  EXPECT_TRUE(MayPrefilter(R"(a\.b[.$^]c)"));  // escaped and bracketed: literal characters
  EXPECT_FALSE(MayPrefilter(R"((?:^|[^\d])(\d{4}))"));
  EXPECT_FALSE(MayPrefilter("20\\d\\d$"));
  EXPECT_FALSE(MayPrefilter("a.{0,6}b"));
  EXPECT_FALSE(MayPrefilter("[^a]b"));
  EXPECT_FALSE(MayPrefilter(R"(\d{4}(?!\d))"));
  // The prefilter's own expression: no end anchor, std::regex's \d and \s written out; an escaped
  // or bracketed `$` is a character.
  using gbt36001::PrefilterSource;
  EXPECT_EQ(PrefilterSource("20\\d\\d$"), "20[0-9][0-9]");
  EXPECT_EQ(PrefilterSource(R"(a\$[$\d]\s*$|b$)"), R"(a\$[$0-9][\t\n\x0b\f\r ]*|b)");
  EXPECT_EQ(PrefilterSource("未经|没有"), "未经|没有");
  EXPECT_EQ(PrefilterSource("^a$"), "");
  EXPECT_EQ(PrefilterSource("a.b$"), "");
  EXPECT_FALSE(MayPrefilter(R"(\bGRI)"));
  EXPECT_FALSE(MayPrefilter(R"(\S{2})"));
  EXPECT_FALSE(MayPrefilter("[—–]"));  // std::regex reads these bytes one at a time
  EXPECT_FALSE(MayPrefilter(R"((a)\1)"));
}

TEST(Gbt36001PrefilterTest, AnAddressOnAnyLineIsStillFound) {
  // The contact element's channel test runs through the prefilter: an e-mail address anywhere in
  // the body is partial evidence, a string that only looks like one is none.
  const std::string head = "某某公司2020年社会责任报告\n\n本报告是公司发布的第五份社会责任报告。\n\n";
  ReportResult with = testing::RunOnText(Registry(), head + "意见请发送至 esg.office@example.com.cn ,谢谢。\n");
  ReportResult without = testing::RunOnText(Registry(), head + "意见请发送至 esg.office@example ,谢谢。\n");
  ASSERT_NE(Find(with, "report-contact"), nullptr);
  ASSERT_NE(Find(without, "report-contact"), nullptr);
  EXPECT_EQ(Find(with, "report-contact")->status, ESGAUDIT_PARTIAL);
  EXPECT_EQ(Find(without, "report-contact")->status, ESGAUDIT_MISSING);
}

TEST(Gbt36001PrefilterTest, AnIndexRowEndingInAPageNumberIsStillARow) {
  // index_row's page-number form is anchored at the line's end: the prefilter runs it without the
  // anchor, and the row is still told from a passage that goes on after the page number.
  auto status = [&](const std::string& line) {
    const std::string head = "某某公司2020年社会责任报告\n\n本报告是公司发布的第五份社会责任报告。\n\n";
    return Statuses(testing::RunOnText(Registry(), head + line + "\n"), "gbt36001")["stakeholder-engagement"];
  };
  EXPECT_EQ(status("利益相关方沟通 访谈 问卷 P12"), ESGAUDIT_PARTIAL);
  EXPECT_EQ(status("利益相关方沟通 访谈 问卷 P12；x"), ESGAUDIT_COVERED);
  EXPECT_EQ(status("利益相关方沟通 访谈 问卷"), ESGAUDIT_COVERED);
}

// The named expressions' one scan runs them in the host's prefilter mode (over bytes, no match start):
// on every line of the sample and of lines written for each expression, a line where std::regex finds
// a match of one holds an end of that expression's prefilter matches (Find runs std::regex only
// there), and every end the exact expressions report is among them.
TEST(Gbt36001PrefilterTest, EveryLineWithAMatchHoldsAnEndOfTheBytePrefilter) {
  static size_t lines = 0, matched = 0;
  static std::set<std::string> names_matched;
  static size_t names = 0;
  sdk::Registry registry;
  registry.AddPass([](const sdk::Document& doc, const sdk::Context&) {
    const std::shared_ptr<const gbt36001::RulePack> pack = gbt36001::RulePack::Load(doc);
    const std::shared_ptr<const gbt36001::PackScans> scans = gbt36001::PackScans::Of(pack);
    ASSERT_EQ(&scans->PrefilterScan(doc), &scans->prefilter_bytes);  // the host reads the flag
    const size_t n = scans->prefilter_sources.size();
    ASSERT_EQ(scans->prefilter_bytes.size(), n);
    names = n;
    std::vector<std::set<uint64_t>> ends(n), exact_ends(n);
    for (const esgaudit_match& m : doc.Scan(scans->PrefilterScan(doc))) ends[m.pattern].insert(m.end);
    for (const esgaudit_match& m : doc.Scan(scans->prefilter_scan)) exact_ends[m.pattern].insert(m.end);
    const std::string_view view = doc.MatchView();
    for (size_t k = 0; k < n; ++k) {
      for (uint64_t e : exact_ends[k]) EXPECT_TRUE(ends[k].count(e)) << scans->prefilter_sources[k].first << " " << e;
      const std::regex& re = pack->Pattern(scans->prefilter_sources[k].first);
      for (size_t b = 0; b < view.size();) {
        size_t e = view.find('\n', b);
        if (e == std::string_view::npos) e = view.size();
        ++lines;
        if (std::regex_search(view.data() + b, view.data() + e, re)) {
          ++matched;
          names_matched.insert(scans->prefilter_sources[k].first);
          auto it = ends[k].upper_bound(b);
          EXPECT_TRUE(it != ends[k].end() && *it <= e)
              << scans->prefilter_sources[k].first << ": " << view.substr(b, e - b);
        }
        b = e + 1;
      }
    }
  });
  std::string text = testing::ReadFile(testing::SourcePath(kSample));
  text +=
      "\n联系地址：昆明市 邮编: 650000 电子邮箱 esg.office@example.com.cn\n"
      "报告期间为2020年1月1日至2020年12月31日，2019.01.01-2019.12.31\n"
      "G4-EN12 GRI 305-1 利益相关方沟通 P12；\n"
      "本报告参照 GB/T 36001-2015 与 GRI Standards、ISO 26000、SDGs 编写，是公司第十一份报告。\n"
      "展望未来，下一步,公司将继续。2021年,集团计划扩产。本报告未经第三方审计。\n";
  testing::RunOnText(registry, text);
  EXPECT_GT(lines, 10000u);
  EXPECT_GT(matched, 30u);
  EXPECT_EQ(names_matched.size(), names);  // every expression matches some line
  EXPECT_GE(names, 5u);
}

// Scope, basis, cycle, contact and stakeholder engagement ask whether a body segment holds one of
// their phrases only on the lines the document's one phrase scan found one on (LineMaskWithAny):
// every phrase of the pack is still found far down the report, in a line's second cell, and the
// same line without it finds nothing.
TEST(Gbt36001PrefilterTest, EveryPhraseIsFoundOnAnyLineOfTheBody) {
  const gbt36001::RulePack pack =
      gbt36001::RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"));
  std::string head = "某某公司2020年社会责任报告\n\n";
  for (int i = 0; i < 30; ++i) head += "公司坚持稳健经营，持续提升管理水平。\n";
  size_t checked = 0;
  for (const gbt36001::ElementSpec& e : pack.elements()) {
    const std::string& d = e.detector;
    if (d != "scope" && d != "basis" && d != "cycle" && d != "contact" && d != "stakeholder") continue;
    for (const std::string& phrase : d == "stakeholder" ? e.partial : e.phrases) {
      auto status = [&](const std::string& words) {
        const std::string text = head + "第三节\t本报告的" + words + "说明如下。\n";
        return Statuses(testing::RunOnText(Registry(), text), "gbt36001")[e.id];
      };
      EXPECT_NE(status(phrase), ESGAUDIT_MISSING) << e.id << " " << phrase;
      EXPECT_EQ(status("有关事项"), ESGAUDIT_MISSING) << e.id;
      ++checked;
    }
  }
  EXPECT_GE(checked, 40u);
}

// The issue keywords and the element phrases are found by one scan (its matches split by pattern
// number): in a body where every line holds one issue keyword and one phrase (beside each other or
// apart), each issue's status counts the lines holding one of its keywords (two or more covered,
// one partial, none missing), as a search of each line says; and the phrases are still found
// (EveryPhraseIsFoundOnAnyLineOfTheBody).
TEST(Gbt36001PrefilterTest, TheIssueKeywordsAreReadFromTheScanTheyShareWithThePhrases) {
  const gbt36001::RulePack pack =
      gbt36001::RulePack::FromFile(testing::SourcePath("rules/gbt36001/elements.json"));
  std::vector<std::string> phrases;
  for (const gbt36001::ElementSpec& e : pack.elements()) {
    for (const std::string& p : e.phrases) {
      if (!p.empty()) phrases.push_back(p);
    }
  }
  ASSERT_FALSE(phrases.empty());
  // Every keyword of one issue in three, the first of the next, none of the third, so that issues
  // are named on several lines, on one or on none.
  std::vector<std::string> keywords;
  size_t nth = 0;
  for (const gbt36001::SubjectSpec& subject : pack.subjects()) {
    for (const gbt36001::IssueSpec& issue : subject.issues) {
      for (const std::string& kw : issue.keywords) {
        if (!kw.empty() && (nth % 3 == 0 || (nth % 3 == 1 && &kw == &issue.keywords.front()))) keywords.push_back(kw);
      }
      ++nth;
    }
  }
  std::vector<std::string> lines;
  for (size_t k = 0; k < keywords.size(); ++k) {
    const std::string& p = phrases[k % phrases.size()];
    lines.push_back(k % 4 == 0 ? "公司持续推进" + keywords[k] + p + "相关工作，全年投入资金。"
                               : "公司在" + p + "方面说明情况，并推进" + keywords[k] + "相关工作。");
  }
  std::string text = "某某公司2020年社会责任报告\n\n";
  for (const std::string& l : lines) text += l + "\n";
  const ReportResult r = testing::RunOnText(Registry(), text);
  size_t checked = 0, named = 0;
  for (const gbt36001::SubjectSpec& subject : pack.subjects()) {
    for (const gbt36001::IssueSpec& issue : subject.issues) {
      size_t holding = 0;
      for (const std::string& l : lines) {
        holding += std::any_of(issue.keywords.begin(), issue.keywords.end(), [&](const std::string& kw) {
          return !kw.empty() && l.find(kw) != std::string::npos;
        });
      }
      const CoverageRecord* c = Find(r, subject.id + "/" + issue.id, "gbt36000");
      ASSERT_NE(c, nullptr) << issue.id;
      EXPECT_EQ(c->status, holding >= 2 ? ESGAUDIT_COVERED : holding == 1 ? ESGAUDIT_PARTIAL : ESGAUDIT_MISSING)
          << subject.id << "/" << issue.id << " " << holding;
      ++checked;
      named += holding > 0;
    }
  }
  EXPECT_GE(checked, 20u);
  EXPECT_GE(named, 10u);
  EXPECT_LT(named, checked);
}

// KpiTable's cell cut and its digit test answer as the byte-by-byte reading: random lines of the
// separators (tab, '<', '|', one and two spaces, U+3000 and its cut forms), other bytes led by E3,
// digits, ASCII and Han, from every offset.
TEST(Gbt36001KpiTable, CellEndAndDigitTestAreTheByteReading) {
  const std::vector<std::string> pieces = {"a", "7", " ", "  ", "\t", "<", "|", "\xE3\x80\x80", "\xE3\x80", "\xE3",
                                           "。", "本年", "abcdefgh", "报告期内", "0", "/", ":", "\x80", "9"};
  auto reference_end = [](std::string_view s, size_t e) {
    for (; e < s.size(); ++e) {
      if (s[e] == '\t' || s[e] == '<' || s[e] == '|' || (s[e] == ' ' && e + 1 < s.size() && s[e + 1] == ' ') ||
          s.substr(e, 3) == "\xE3\x80\x80") {
        break;
      }
    }
    return e;
  };
  std::mt19937 rng(20261207);
  for (int round = 0; round < 4000; ++round) {
    std::string s;
    for (size_t k = rng() % 30; k > 0; --k) {
      // Mostly plain pieces, so that runs of eight bytes without a separator occur.
      s += pieces[rng() % 4 == 0 ? rng() % pieces.size() : (rng() % 2 == 0 ? 11 : 12)];
    }
    for (size_t from = 0; from <= s.size(); ++from) {
      ASSERT_EQ(gbt36001::KpiCellEnd(s, from), reference_end(s, from)) << from << " \"" << s << '"';
      const std::string_view rest = std::string_view(s).substr(from);
      ASSERT_EQ(gbt36001::HasAsciiDigit(rest),
                std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
          << '"' << std::string(rest) << '"';
    }
  }
}

}  // namespace
}  // namespace esgaudit

namespace esgaudit::gbt36001 {
namespace {

// KpiTable's cell tests were std::regex_match of two expressions; the scans that replaced them answer
// as the expressions do on random cells of signs, blanks of \s and their neighbours, digits, commas,
// points, % and ‰, 年 and 年度, FY, Han units of one to five characters (the unit counts bytes: four
// fit, five do not) and letters.
TEST(Gbt36001CellTest, NumberAndYearCellScansAgreeWithTheirExpressions) {
  const std::regex number(R"(^(?:~|约|≈|<|>|≥|≤|\+|-)?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|‰)?\s*[^\d\s]{0,12}$)");
  const std::regex year(R"(^(?:FY)?\s*(?:19|20)\d\d\s*(?:年|年度)?$)");
  const std::vector<std::string> pieces = {
      "~", "约", "≈", "<", "≥", "+", "-", "FY", "F", " ", "\t", "\v", "\x1f", "\xa0", "0", "1", "2", "9",
      "19", "20", "2016", "12345", ",", ".", "%", "‰", "\xe2\x80", "年", "年度", "万吨", "吨标准煤", "人",
      "万千瓦时", "亿元人民币", "t", "MWh", "(", "）"};
  std::mt19937 rng(20261205);
  size_t numbers = 0, years = 0;
  for (int n = 0; n < 60000; ++n) {
    std::string s;
    for (size_t k = 1 + rng() % 7; k > 0; --k) s += pieces[rng() % pieces.size()];
    const bool is_number = std::regex_match(s, number), is_year = std::regex_match(s, year);
    ASSERT_EQ(IsNumberCell(s), is_number) << s;
    ASSERT_EQ(IsYearCell(s), is_year) << s;
    numbers += is_number;
    years += is_year;
  }
  EXPECT_GE(numbers, 2000u);
  EXPECT_GE(years, 100u);
  EXPECT_TRUE(IsNumberCell("约1,234.5 万吨标准"));
  EXPECT_FALSE(IsNumberCell("1,234.5 万吨标准煤"));  // a unit of 15 bytes
  EXPECT_TRUE(IsNumberCell("≤ 12.5 ‰ t"));
  EXPECT_FALSE(IsNumberCell("12.5 ‰ t t"));
  EXPECT_TRUE(IsYearCell("FY 2020 年度"));
  EXPECT_FALSE(IsYearCell("2020年 "));
  EXPECT_FALSE(IsYearCell("2120"));
}

// NamesGroupsWithConcerns answers as the stakeholder element's former test did (lower-case unless
// CJK, each group found followed by spaces and a colon, three or more), with and without colons, on
// random texts of groups, colons, spaces, upper-case letters and Han.
TEST(Gbt36001Test, NamesGroupsWithConcernsIsTheFormerSearch) {
  auto former = [](std::string_view t, const std::vector<std::string>& groups) {
    std::string lower = sdk::HasCjk(t) ? std::string(t) : sdk::AsciiLower(t);
    size_t named = 0;
    for (const std::string& g : groups) {
      for (size_t at = lower.find(g); at != std::string::npos; at = lower.find(g, at + 1)) {
        size_t k = at + g.size();
        while (k < lower.size() && lower[k] == ' ') ++k;
        if (k < lower.size() && lower[k] == ':') {
          ++named;
          break;
        }
      }
    }
    return named >= 3;
  };
  const std::vector<std::string> groups = {"investors", "customers", "employees", "政府", "客户", "重要客户", "股东"};
  const std::vector<std::string> pieces = {"Investors", "investors", "customers", "CUSTOMERS", "employees", "政府",
                                           "客户", "重要", "股东", ":", ":", " ", "：", "x", "。", "Investors:",
                                           "customers :", "employees:", "政府:", "客户:", "重要客户:", "股东 :"};
  std::mt19937 rng(4855);
  size_t yes = 0, no_colon = 0;
  for (int k = 0; k < 40000; ++k) {
    std::string t;
    for (size_t m = rng() % 12; m > 0; --m) t += pieces[rng() % pieces.size()];
    const bool want = former(t, groups);
    ASSERT_EQ(NamesGroupsWithConcerns(t, groups), want) << t;
    yes += want ? 1 : 0;
    no_colon += t.find(':') == std::string::npos ? 1 : 0;
  }
  EXPECT_GT(yes, 500u);
  EXPECT_GT(no_colon, 2000u);
}

}  // namespace
}  // namespace esgaudit::gbt36001
