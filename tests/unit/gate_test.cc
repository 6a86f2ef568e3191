// The CI gate (waivers, baselines, thresholds), natural order and language detection.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "esgaudit/audit.h"
#include "esgaudit/gate.h"

namespace esgaudit {
namespace {

ReportResult Report(const std::string& path, std::vector<std::pair<std::string, esgaudit_severity>> findings) {
  ReportResult r;
  r.path = path;
  for (const auto& [rule, severity] : findings) {
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.message = rule + " message";
    f.evidence = "same evidence";
    r.findings.push_back(f);
  }
  Canonicalize(&r);
  return r;
}

TEST(NaturalOrderTest, NumbersCompareByValue) {
  EXPECT_TRUE(NaturalLess("2-4", "2-10"));
  EXPECT_FALSE(NaturalLess("2-10", "2-4"));
  EXPECT_TRUE(NaturalLess("GRI 102-9", "GRI 102-10"));
  EXPECT_TRUE(NaturalLess("a", "b"));
  EXPECT_TRUE(NaturalLess("2-4", "2-4 x"));
  EXPECT_FALSE(NaturalLess("2-4", "2-4"));
  EXPECT_TRUE(NaturalLess("“2-9”", "“2-30”"));
}

TEST(DetectLanguageTest, HanTextIsChineseLatinTextIsEnglish) {
  EXPECT_EQ(DetectLanguage("The company reports its GRI disclosures."), "en");
  EXPECT_EQ(DetectLanguage("公司按照 GRI Standards 编制本报告。"), "zh");
  // An English report quoting a few Chinese names stays English.
  EXPECT_EQ(DetectLanguage(std::string(2000, 'a') + "云南铝业"), "en");
  EXPECT_EQ(DetectLanguage(""), "en");
}

TEST(GateTest, ThresholdWaiversAndBaselineDecideTheExit) {
  std::vector<ReportResult> reports = {Report("a.txt", {{"x.rule", ESGAUDIT_ERROR}, {"x.rule", ESGAUDIT_ERROR}}),
                                       Report("b.txt", {{"y.rule", ESGAUDIT_WARNING}})};
  // Equal findings get distinct, stable fingerprints (numbered repeats).
  EXPECT_NE(reports[0].findings[0].fingerprint, reports[0].findings[1].fingerprint);
  GateOptions o;
  GateResult g = ApplyGate(o, &reports);
  EXPECT_EQ(g.status, ExitStatus::kFindings);
  EXPECT_TRUE(g.summaries[0].failing);
  EXPECT_FALSE(g.summaries[1].failing);  // a warning is below the default threshold

  // One baseline entry accepts one of two equal findings only.
  Baseline base;
  base.path = "base.json";
  base.entries.push_back({reports[0].findings[0].fingerprint, "x.rule", "a.txt", ""});
  o.baseline = &base;
  g = ApplyGate(o, &reports);
  EXPECT_EQ(g.summaries[0].baselined, 1u);
  EXPECT_EQ(g.status, ExitStatus::kFindings);

  Waiver w;
  w.name = "w";
  w.rule = "x.*";
  w.files = "a.*";
  w.reason = "reviewed";
  w.approver = "QA";
  w.source = "w.ini:1";
  o.waivers = {w};
  o.baseline = nullptr;
  g = ApplyGate(o, &reports);
  EXPECT_EQ(g.status, ExitStatus::kOk);
  EXPECT_EQ(g.summaries[0].waived, 2u);
  EXPECT_EQ(reports[0].findings[0].suppression.kind, "waiver");
  EXPECT_EQ(reports[0].findings[0].suppression.approver, "QA");
  EXPECT_TRUE(g.warnings.empty());

  // Expired on the day given: no longer applies, reported.
  o.waivers[0].expires = "2026-01-31";
  o.today = "2026-01-31";
  g = ApplyGate(o, &reports);
  EXPECT_EQ(g.status, ExitStatus::kFindings);
  EXPECT_EQ(g.expired_waivers, std::vector<std::string>{"w"});
  o.today = "2026-01-30";
  EXPECT_EQ(ApplyGate(o, &reports).status, ExitStatus::kOk);

  o.never = true;
  o.waivers.clear();
  EXPECT_EQ(ApplyGate(o, &reports).status, ExitStatus::kOk);
}

TEST(GateTest, BaselineRoundTrips) {
  std::vector<ReportResult> reports = {Report("a.txt", {{"x.rule", ESGAUDIT_ERROR}})};
  const std::string path = (std::filesystem::temp_directory_path() / "esgaudit-gate-baseline.json").string();
  std::ofstream(path) << RenderBaseline(reports);
  Baseline b;
  ASSERT_TRUE(LoadBaseline(path, &b).ok());
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].fingerprint, reports[0].findings[0].fingerprint);
  EXPECT_EQ(b.entries[0].file, "a.txt");
  std::filesystem::remove(path);
}

TEST(GateTest, TodayFollowsSourceDateEpoch) {
  ::setenv("SOURCE_DATE_EPOCH", "86400", 1);
  EXPECT_EQ(Today(), "1970-01-02");
  EXPECT_EQ(SourceDateTime(), "1970-01-02T00:00:00Z");
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(SourceDateTime(), "");
  EXPECT_EQ(Today().size(), 10u);
}

}  // namespace
}  // namespace esgaudit
