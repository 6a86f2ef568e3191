// Claims, content index and legacy ids: the gri rules on small documents.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "esgaudit_testing.h"
#include "register.h"

namespace esgaudit::gri {
namespace {

class GriRules : public ::testing::Test {
 protected:
  GriRules() { RegisterRules(registry_); }

  std::vector<std::string> Findings(std::string text, std::string lang = "zh") {
    RunOptions options;
    options.lang = std::move(lang);
    ReportResult r = testing::RunOnText(registry_, std::move(text), options);
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
      out.push_back(std::to_string(f.location.line) + ":" + SeverityName(f.severity) + ": " +
                    f.message + " [" + f.rule + "]");
    }
    return out;
  }
  size_t Count(const std::vector<std::string>& findings, const std::string& rule) {
    size_t n = 0;
    for (const std::string& f : findings) n += f.find("[" + rule + "]") != std::string::npos;
    return n;
  }

  static bool Contains(const std::vector<std::string>& findings, const std::string& part) {
    for (const std::string& f : findings)
      if (f.find(part) != std::string::npos) return true;
    return false;
  }

  sdk::Registry registry_;
};

TEST_F(GriRules, RegistersSortedRuleIdsWithDocs) {
  std::vector<std::string> ids;
  for (uint32_t i = 0; i < registry_.Count(); ++i) {
    esgaudit_rule_info info = registry_.Info(i);
    ids.emplace_back(sdk::View(info.id));
    EXPECT_TRUE(
        std::ifstream(testing::SourcePath("rules/" + std::string(sdk::View(info.doc)))).good())
        << ids.back();
    EXPECT_TRUE(
        std::ifstream(testing::SourcePath("tests/golden/gri/" + ids.back().substr(4) + ".txt"))
            .good());
  }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"gri.disclosure-missing", "gri.index-mismatch",
                                      "gri.index-missing", "gri.index-omission", "gri.legacy-id"}));
}

TEST_F(GriRules, AccordanceClaimMakesErrorsReferenceWarningsNoClaimNothing) {
  std::vector<std::string> accordance = Findings("本报告依据GRI标准核心方案编制。\n");
  EXPECT_EQ(Count(accordance, "gri.disclosure-missing"), 30u);
  EXPECT_EQ(Count(accordance, "gri.index-missing"), 1u);
  EXPECT_NE(accordance[0].find(":error: "), std::string::npos);
  std::vector<std::string> reference = Findings("本报告参考GRI标准编制。\n");
  EXPECT_EQ(Count(reference, "gri.index-missing"), 1u);
  for (const std::string& f : reference) EXPECT_NE(f.find(":warning: "), std::string::npos) << f;
  EXPECT_TRUE(Findings("GRI 内容索引\n").empty());
  EXPECT_TRUE(Findings("公司是 Grid 运营商，从事 agriculture。\n").empty());
}

TEST_F(GriRules, CassIndexCodesAreNotGri) {
  EXPECT_TRUE(Findings("G4\t责任绩效\nG4.2\t依据企业社会责任指标进行绩效评估\t14\n").empty());
  EXPECT_EQ(Count(Findings("本报告以G4核心选项为依据编制。\n"), "gri.index-missing"), 1u);
}

TEST_F(GriRules, ClaimUnderABasisHeadingIsAReference) {
  std::vector<std::string> f =
      Findings("编制依据\n全球报告倡议组织（GRI）《可持续发展报告指南》\n");
  EXPECT_EQ(Count(f, "gri.index-missing"), 1u);
  EXPECT_NE(f.back().find("声明参考 GRI 编制，但没有 GRI 内容索引"), std::string::npos);
}

TEST_F(GriRules, AnIndexPublishedElsewhereIsOnlyNoted) {
  std::vector<std::string> f = Findings(
      "This report has been prepared in accordance with the GRI Standards.\n"
      "Read the report online as an interactive GRI index.\n",
      "en");
  ASSERT_EQ(Count(f, "gri.index-missing"), 1u);
  EXPECT_EQ(f.back(),
            "1:info: claims accordance with GRI; its content index is published elsewhere and was "
            "not checked "
            "[gri.index-missing]");
}

TEST_F(GriRules, ReportsBefore2022AnswerForTheCoreSetOnly) {
  std::string claim = "本报告依据GRI标准核心方案编制。\n";
  // The 33 general disclosures of the 2016 "Core" option, less the five without a GRI 2 successor
  // (102-46, 102-47, 102-49 -> GRI 3; 102-54, 102-55 -> GRI 1 requirements): 28, in 15 groups
  // with the same GRI 2 successors (102-50..102-53 -> 2-3 make one finding).
  std::vector<std::string> old = Findings("2016年度社会责任报告\n" + claim);
  EXPECT_EQ(Count(old, "gri.disclosure-missing"), 15u);
  EXPECT_TRUE(Contains(old, "未披露“102-48”（信息重述；GRI 2021 “2-4”）"));
  EXPECT_TRUE(Contains(
      old,
      "未披露“102-50”、“102-51”、“102-52”、“102-53”（报告期、报告频率和联系人；GRI 2021 “2-3”）"));
  EXPECT_EQ(Count(Findings("2023年度社会责任报告\n" + claim), "gri.disclosure-missing"), 30u);
}

TEST_F(GriRules, ASentenceNamingGriIsAClaimOnlyWhenItIsAboutTheReport) {
  // How material topics were chosen, or how a committee was set up, is not the report's basis.
  EXPECT_TRUE(Findings("公司根据G4报告指南，结合行业特点识别出34个实质性议题。\n").empty());
  EXPECT_TRUE(Findings("公司根据ISO26000及全球报告倡议组织的可持续发展报告指南，成立社会责任委员会。\n").empty());
  EXPECT_EQ(Count(Findings("本报告依据GRI可持续发展报告指南（G4）的核心方案编写。\n"), "gri.index-missing"), 1u);
}

TEST_F(GriRules, TheReportYearComesFromDamagedOrFiscalPeriods) {
  std::string claim = "本报告依据GRI标准核心方案编制。\n";
  // 曰 read for 日, the end year left out, a fiscal year: all reports before 2022.
  for (const char* period : {"报告时间范围为2016年1月1曰至12月31曰。\n",
                             "本报告载述2016财政年度（2015年7月1日至2016年6月30日）的工作。\n"}) {
    std::vector<std::string> f = Findings(std::string(period) + claim);
    EXPECT_GE(Count(f, "gri.disclosure-missing"), 10u) << period;
    // Named by their 2016 numbers with the GRI 2021 successor, never as bare GRI 2 ids.
    for (const std::string& x : f) {
      if (x.find("[gri.disclosure-missing]") != std::string::npos) {
        EXPECT_NE(x.find("；GRI 2021 “"), std::string::npos) << x;
      }
    }
  }
  // No year at all: a claim naming the G4 Guidelines is judged by the 2016 set.
  EXPECT_EQ(Count(Findings("本报告依据GRI可持续发展报告指南（G4）的核心方案编写。\n"), "gri.disclosure-missing"), 15u);
}

TEST_F(GriRules, AG4IndexWithNumberedRowsIsRead) {
  // A G4 index whose general-disclosure rows carry bare numbers (1 for G4-1) before its coded rows:
  // the structure model reads them as G4-1 .., so the index is found and its rows count.
  std::string text =
      "本报告依据GRI可持续发展报告指南（G4）的核心方案编写。\n"
      "全球报告倡议组织G4指标索引\n"
      "指标内容\t\t披露情况\t相关章节\t页码\n"
      "1\t机构最高决策者的声明。\t包含\t董事长致辞\tP1\n"
      "3\t机构名称。\t包含\t关于我们\tP3\n"
      "4\t主要品牌、产品和服务。\t包含\t关于我们\tP3\n"
      "5\t机构总部的位置。\t包含\t关于我们\tP3\n"
      "9\t机构规模。\t包含\t关于我们\tP4\n";
  for (const char* code : {"EC1", "EN3", "LA1", "LA9", "SO4"})
    text += std::string(code) + "\t指标\t包含\t章节\tP8\n";
  std::vector<std::string> f = Findings(text);
  EXPECT_EQ(Count(f, "gri.index-missing"), 0u) << ::testing::PrintToString(f);
  // 102-14 (G4-1) is listed by the index but not answered in the text: one level lower than an error.
  for (const std::string& x : f) {
    if (x.find("“102-14”") != std::string::npos) {
      EXPECT_NE(x.find(":warning: "), std::string::npos) << x;
    }
  }
}

TEST_F(GriRules, A2016DisclosureIsAnsweredByAnyOfItsSuccessors) {
  // 102-8 (employees and other workers) -> 2-7 and 2-8: a head count answers it for a 2020 report.
  std::string text =
      "2020年度社会责任报告\n本报告参考GRI标准编制。\n截至2020年末，公司员工总数 12375 人。\n";
  std::vector<std::string> f = Findings(text);
  EXPECT_FALSE(Contains(f, "“102-8”"));
  EXPECT_TRUE(Contains(f, "“102-56”"));  // external assurance: nothing said
  // From 2022 the GRI 2 disclosures are asked for one by one.
  f = Findings(
      "2023年度社会责任报告\n本报告参考GRI标准编制。\n截至2023年末，公司员工总数 12375 人。\n");
  EXPECT_TRUE(Contains(f, "“2-8”"));
}

TEST_F(GriRules, EnglishMessages) {
  std::vector<std::string> f =
      Findings("This report has been prepared in accordance with the GRI Standards.\n", "en");
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f.back(),
            "1:error: claims accordance with GRI but has no GRI content index [gri.index-missing]");
  EXPECT_NE(
      std::find(f.begin(), f.end(),
                "1:error: claims accordance with GRI but \"2-7\" (\"Employees\") is not disclosed "
                "[gri.disclosure-missing]"),
      f.end());
}

TEST_F(GriRules, ContentIndexSatisfiesTheIndexRequirement) {
  std::string text = "本报告按照GRI标准编制。\n关于我们：公司简介。\nGRI 内容索引\n";
  for (int i = 1; i <= 6; ++i) text += "2-" + std::to_string(i) + "\t标题\t关于我们\n";
  std::vector<std::string> f = Findings(text);
  EXPECT_EQ(Count(f, "gri.index-missing"), 0u);
  EXPECT_EQ(Count(f, "gri.index-mismatch"), 0u);  // no pages: nothing compared
}

TEST_F(GriRules, MultiColumnIndexRowsCount) {
  std::string text =
      "本报告依据GRI G4核心选项编制。\nGRI G4 内容索引\n"
      "G4-1\tP3\tG4-EC1\tP7\tG4-LA1\tP9\n"
      "G4-3\tP4\tG4-EN3\t未披露\tG4-LA9\tP10\n";
  EXPECT_EQ(Count(Findings("2016年度社会责任报告\n" + text), "gri.index-missing"), 0u);
}

TEST_F(GriRules, AWholeLegacyIndexIsOneFinding) {
  std::string text = "2019年度社会责任报告\nGRI 内容索引\n";
  for (const char* id : {"G4-1", "G4-3", "G4-9", "G4-EC1", "G4-EN3", "G4-LA1"})
    text += std::string(id) + "\t标题\t3\n";
  std::vector<std::string> f = Findings(text);
  ASSERT_EQ(Count(f, "gri.legacy-id"), 1u);
  EXPECT_NE(f[0].find("内容索引中 6 个编号为已废止的 GRI 编号"), std::string::npos) << f[0];
}

TEST_F(GriRules, LegacyIdsOnlyAfterTheirWithdrawal) {
  EXPECT_EQ(Count(Findings("2016年度社会责任报告\n新进员工（G4-LA1）\n"), "gri.legacy-id"), 0u);
  EXPECT_EQ(Count(Findings("2019年度社会责任报告\n新进员工（G4-LA1）\n"), "gri.legacy-id"), 1u);
  EXPECT_EQ(Count(Findings("2021年度社会责任报告\n员工（GRI 102-8）\n"), "gri.legacy-id"), 0u);
  EXPECT_EQ(Count(Findings("2023年度社会责任报告\n员工（GRI 102-8）\n"), "gri.legacy-id"), 1u);
  EXPECT_EQ(Count(Findings("2023年度社会责任报告\n见第 102-8 行\n"), "gri.legacy-id"),
            0u);  // no GRI prefix
  EXPECT_EQ(Count(Findings("无年份\n员工（GRI 102-8）\n"), "gri.legacy-id"), 0u);
}

}  // namespace
}  // namespace esgaudit::gri
