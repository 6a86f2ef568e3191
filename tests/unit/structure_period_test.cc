// FindPeriod's cheap tests (core/src/analyse/structure_metadata.cc, namespace period): each must hold
// wherever the expression it guards matches, or a period would be lost; and each must fail on text
// the expression cannot match, or it saves nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/structure_internal.h"

namespace esgaudit {
namespace {

// Period strings in the matching view's lower case, written to be awkward: spaces and tabs
// between the parts, OCR's damaged years (o, 〇, a last s), a lost day or month digit, numeric
// dates, English statements, full-width digits (which no expression reads), and near misses.
std::vector<std::string> TrickyPeriods() {
  return {"报告期为2023年度",
          "本报告时间范围为2022年1月1日至2022年12月31日",
          "2022年1月1日-2022年12月31日",
          "2022 年 1 月 1 日 至 2022 年 12 月 31 日",
          "2022\t年1月至12月",
          "2022\v年1月1日——2022年12月31日",
          "2022\xc2\xa0年1月1日至2022年12月31日",
          "2o22年1月1日至2o22年12月31日",
          "2〇2〇年1月1日至2〇2〇年12月31日",
          "201s年1月1日至201s年12月31日",
          "2021年1月日-2021年12月31日",
          "2021年1月1日至2021年1?月",
          "x2022年1月至2022年6月,2023年1月至2023年12月",
          "２０２３年１月１日至２０２３年１２月３１日",
          "报告期",
          "2022.01.01至2022.12.31",
          "2022/1/1-2022/12/31",
          "2022-01-01 ~ 2022-12-31",
          "2022.1.1 to 2022.12.31",
          "fy2023",
          "fiscal year 2022",
          "1 january to 31 december 2022",
          "this report covers the fiscal year 2023.",
          "this sustainability and esg report covers 2022",
          "the annual report covers calendar year 2022",
          "the report describes the year",
          "the reports cover 2022",
          "this  report",
          "this 2023 report",
          "in this year, the company reported",
          "the reporting period is 2023",
          "reporting period: calendar year 2023",
          "20 23年1月1日",
          "202年1月",
          "2023/1/1",
          "20231年1月1日至12月31日",
          "2023年",
          ""};
}

TEST(PeriodPrefilterTest, TheChineseRangeIsTriedWhereverItMatches) {
  int matches = 0;
  for (const std::string& s : TrickyPeriods()) {
    for (size_t p = 0; p < s.size(); ++p) {
      if (!period::RangeZhMatchesAt(s, p)) continue;
      ++matches;
      EXPECT_TRUE(period::ZhYearAt(s, p)) << s << " at " << p;
    }
  }
  EXPECT_GE(matches, 10);  // the table exercises the expression
}

TEST(PeriodPrefilterTest, TheChineseRangeIsNotTriedWithoutAYearAnd年) {
  for (const std::string s : {"20 23年1月1日", "202年1月", "2023/1/1", "２０２３年１月１日", "2023.1", "2023 1月", "201x年"}) {
    for (size_t p = 0; p < s.size(); ++p) EXPECT_FALSE(period::ZhYearAt(s, p)) << s << " at " << p;
  }
  EXPECT_TRUE(period::ZhYearAt("2023年", 0));  // the expression then fails on the missing month
  EXPECT_TRUE(period::ZhYearAt("2023 \t年", 0));
  EXPECT_TRUE(period::ZhYearAt("x2o2s年", 1));
  EXPECT_FALSE(period::ZhYearAt("2o2s年", 1));
  EXPECT_FALSE(period::ZhYearAt("2s23年", 0));  // s is read only as the last digit
}

TEST(PeriodPrefilterTest, TheNumericRangeIsTriedWhereverItMatches) {
  int matches = 0;
  for (const std::string& s : TrickyPeriods()) {
    if (!period::RangeNumMatches(s)) continue;
    ++matches;
    EXPECT_TRUE(period::HasNumericDate(s)) << s;
  }
  EXPECT_GE(matches, 3);
  for (const char* s : {"2022年1月1日", "202.1.1", "2022 .1.1", "１９２２.1.1", "fy2023", "1999.1.1"})
    EXPECT_FALSE(period::HasNumericDate(s)) << s;
  EXPECT_TRUE(period::HasNumericDate("x2022-"));
}

TEST(PeriodPrefilterTest, TheEnglishSubjectIsTriedWhereverItMatches) {
  int matches = 0;
  for (const std::string& s : TrickyPeriods()) {
    for (size_t p = 0; p < s.size(); ++p) {
      if (!period::SubjectEnMatchesAt(s, p)) continue;
      ++matches;
      EXPECT_TRUE(period::SubjectEnMayStartAt(s, p)) << s << " at " << p;
    }
  }
  EXPECT_GE(matches, 5);
  // "the" and "this" without "report" among the letters and spaces after them.
  const std::string s = "in this year, the company, the 2023 report and this one.";
  for (size_t p = 0; p < s.size(); ++p) EXPECT_FALSE(period::SubjectEnMayStartAt(s, p)) << p;
  EXPECT_TRUE(period::SubjectEnMayStartAt("the report covers", 0));
  EXPECT_TRUE(period::SubjectEnMayStartAt("this esg report", 0));
  EXPECT_TRUE(period::SubjectEnMayStartAt("reporting period", 0));
  EXPECT_FALSE(period::SubjectEnMayStartAt("reporting perio", 0));
}

}  // namespace
}  // namespace esgaudit
