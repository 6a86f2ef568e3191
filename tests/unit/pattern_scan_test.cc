// The shared multi-pattern scan: every occurrence of every pattern, in a deterministic order, with
// the plain-search fallback of the SDK giving the same result.
#include <gtest/gtest.h>

#include <esgaudit/plugin.h>

#include <string>
#include <vector>

#include "analyse/pattern_scan.h"

namespace esgaudit {
namespace {

std::vector<std::string> Render(const std::vector<esgaudit_match>& m) {
  std::vector<std::string> out;
  for (const esgaudit_match& x : m) {
    out.push_back(std::to_string(x.pattern) + "@" + std::to_string(x.begin) + "-" + std::to_string(x.end));
  }
  return out;
}

TEST(PatternScanTest, EveryOccurrenceOfEveryPatternSortedByPosition) {
  const std::string text = "员工培训，员工总数；GRI 2-7 and gri 2-8";
  std::vector<PatternSpec> p = {{"员工", 0}, {"员工总数", 0}, {"gri", ESGAUDIT_PATTERN_CASELESS},
                                {"2-\\d+", ESGAUDIT_PATTERN_REGEX}};
  std::vector<esgaudit_match> m;
  ASSERT_TRUE(ScanPatterns(p, text, &m).ok());
  const size_t second = text.find("员工总数");
  const size_t gri1 = text.find("GRI"), gri2 = text.find("gri");
  const size_t r1 = text.find("2-7"), r2 = text.find("2-8");
  EXPECT_EQ(Render(m), (std::vector<std::string>{
                           "0@0-6", "0@" + std::to_string(second) + "-" + std::to_string(second + 6),
                           "1@" + std::to_string(second) + "-" + std::to_string(second + 12),
                           "2@" + std::to_string(gri1) + "-" + std::to_string(gri1 + 3),
                           "3@" + std::to_string(r1) + "-" + std::to_string(r1 + 3),
                           "2@" + std::to_string(gri2) + "-" + std::to_string(gri2 + 3),
                           "3@" + std::to_string(r2) + "-" + std::to_string(r2 + 3)}));
}

TEST(PatternScanTest, CaseMattersUnlessCaseless) {
  std::vector<esgaudit_match> m;
  ASSERT_TRUE(ScanPatterns({{"gri", 0}}, "GRI gri", &m).ok());
  EXPECT_EQ(Render(m), (std::vector<std::string>{"0@4-7"}));
}

TEST(PatternScanTest, AMalformedExpressionIsAnInputErrorNamingIt) {
  std::vector<esgaudit_match> m;
  Status s = ScanPatterns({{"ok", 0}, {"(unclosed", ESGAUDIT_PATTERN_REGEX}}, "ok", &m);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_NE(s.message().find("pattern \"(unclosed\""), std::string::npos) << s.message();
  EXPECT_TRUE(m.empty());
}

TEST(PatternScanTest, TheSdkFallbackFindsTheSameLiterals) {
  const std::string text = "Scope 1 and scope 2; 范围一排放，范围二排放";
  std::vector<PatternSpec> specs = {{"scope", ESGAUDIT_PATTERN_CASELESS}, {"排放", 0}, {"Scope 1", 0}};
  std::vector<esgaudit_pattern> abi;
  for (const PatternSpec& s : specs) abi.push_back({sdk::Str(s.expression), s.flags});
  std::vector<esgaudit_match> m;
  ASSERT_TRUE(ScanPatterns(specs, text, &m).ok());
  EXPECT_EQ(Render(sdk::internal::ScanByFind(text, abi)), Render(m));
  EXPECT_EQ(m.size(), 5u);
}

}  // namespace
}  // namespace esgaudit
