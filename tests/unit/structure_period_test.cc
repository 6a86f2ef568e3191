// FindPeriod's cheap tests (core/src/analyse/structure_metadata.cc, namespace period): each must hold
// wherever the expression it guards matches, or a period would be lost; and each must fail on text
// the expression cannot match, or it saves nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <regex>
#include <string>
#include <string_view>
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

// English ranges built from their parts, each part sometimes swapped for a near miss: month names
// whole, cut, lengthened (mayor, marching), with a point or not; days of one to three digits with
// or without st / th / nd; blanks of every kind \s reads, and a no-break space it does not; the
// joining words and dashes; years and near-years; letters, digits and _ glued before; Han text.
std::string RandomEnglishRange(std::mt19937& rng) {
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  const std::vector<std::string> months = {"january", "march", "may", "june", "sept", "sep", "dec",
                                           "december", "jan", "feb", "oct", "nov", "aug", "jul"};
  const std::vector<std::string> near_months = {"mayor", "marching", "ma", "decs", "janu", "May", "Jan",
                                                "sept.", "dec.", "mar_", "june2", "octo"};
  const std::vector<std::string> days = {"1", "31", "01", "9", "12"};
  const std::vector<std::string> near_days = {"123", "1st", "31st", "2nd", "4th", "x1", "_1", "1a", "０"};
  const std::vector<std::string> blanks = {" ", "  ", "\t", " \n", "\v", "\xc2\xa0", ""};
  const std::vector<std::string> joins = {" to ", " through ", " until ", "-", " – ", "—", ", to ", " and ", "~",
                                          " till "};
  const std::vector<std::string> years = {"2023", "2022", "2099"};
  const std::vector<std::string> near_years = {"1999", "202", "20234", "2o23"};
  const std::vector<std::string> junk = {"", "", "from ", "x", "1", "_", "period: ", "报告期", "the ", "fy",
                                         ". ", "a2"};
  auto part = [&](const std::vector<std::string>& good, const std::vector<std::string>& bad) {
    return rng() % 6 == 0 ? pick(bad) : pick(good);
  };
  auto month = [&] { return part(months, near_months) + (rng() % 5 == 0 ? "." : ""); };
  auto day = [&] { return part(days, near_days) + (rng() % 6 == 0 ? pick({"st", "th"}) : ""); };
  auto blank = [&] { return rng() % 8 == 0 ? pick(blanks) : std::string(" "); };
  auto year = [&] { return rng() % 3 == 0 ? "" : pick({",", ""}) + blank() + part(years, near_years); };
  std::string s = pick(junk);
  if (rng() % 2 == 0) {
    s += month() + blank() + day() + year() + pick(joins) + month() + blank() + day() + pick({",", ""}) + blank() +
         part(years, near_years);
  } else {
    s += day() + blank() + month() + year() + pick(joins) + day() + blank() + month() + pick({",", ""}) + blank() +
         part(years, near_years);
  }
  return s + pick(junk);
}

TEST(PeriodPrefilterTest, TheEnglishRangeTriedOnlyWhereItMayStartIsTheOneSearchFinds) {
  std::mt19937 rng(20261201);
  int matches = 0, tried = 0;
  for (int n = 0; n < 30000; ++n) {
    std::string s = RandomEnglishRange(rng);
    if (n % 3 == 0) s += " " + RandomEnglishRange(rng);  // two ranges: the first is read
    std::smatch all, first;
    size_t at = 0;
    const bool found = period::EnglishRangeSearch(s, &all);
    ASSERT_EQ(period::FirstEnglishRange(s, &first, &at), found) << s;
    ++tried;
    if (!found) continue;
    ++matches;
    ASSERT_EQ(at + static_cast<size_t>(first.position(0)), static_cast<size_t>(all.position(0))) << s;
    ASSERT_EQ(first.size(), all.size());
    for (size_t g = 0; g < all.size(); ++g) {
      EXPECT_EQ(first[g].matched, all[g].matched) << s << " group " << g;
      EXPECT_EQ(first[g].str(), all[g].str()) << s << " group " << g;
    }
  }
  // Not vacuous: both answers come often.
  EXPECT_GE(matches, 2000);
  EXPECT_GE(tried - matches, 2000);
}

TEST(PeriodPrefilterTest, TheEnglishRangeIsTriedOnlyAtAMonthNameOrADayBeforeOne) {
  int matches = 0;
  for (const std::string& s : TrickyPeriods()) {
    std::smatch m;
    size_t at = 0;
    if (!period::FirstEnglishRange(s, &m, &at)) continue;
    ++matches;
    EXPECT_TRUE(period::EnglishRangeMayStartAt(s, at + static_cast<size_t>(m.position(0)))) << s;
  }
  EXPECT_GE(matches, 1);
  EXPECT_TRUE(period::EnglishRangeMayStartAt("january 1", 0));
  EXPECT_TRUE(period::EnglishRangeMayStartAt("sept. 1", 0));
  EXPECT_TRUE(period::EnglishRangeMayStartAt("1 january", 0));
  EXPECT_TRUE(period::EnglishRangeMayStartAt("31st\tdec", 0));
  EXPECT_TRUE(period::EnglishRangeMayStartAt("(1 may", 1));
  // A longer word, a month without a day after it, a day without a month, a third digit, a word
  // character before the day, no blank between.
  for (const auto& [s, p] : std::vector<std::pair<std::string, size_t>>{{"mayor 1", 0},
                                                                        {"march on", 0},
                                                                        {"may", 0},
                                                                        {"1 mayor", 0},
                                                                        {"123 may", 0},
                                                                        {"a1 may", 1},
                                                                        {"21 may", 1},
                                                                        {"1may", 0},
                                                                        {"may1", 0},
                                                                        {"1 st may", 0},
                                                                        {"ma 1", 0},
                                                                        {"May 1", 0},
                                                                        // A word character before the
                                                                        // month name: no \b there.
                                                                        {"xmay 1", 1},
                                                                        {"summay 1", 3},
                                                                        {"_may 1", 1},
                                                                        {"2may 1", 1},
                                                                        {"Xmay 1", 1}}) {
    EXPECT_FALSE(period::EnglishRangeMayStartAt(s, p)) << s << " at " << p;
  }
  for (const auto& [s, p] : std::vector<std::pair<std::string, size_t>>{
           {" may 1", 1}, {"(may 1", 1}, {"-may 1", 1}, {"报may 1", 3}, {"\tdec. 31", 1}}) {
    EXPECT_TRUE(period::EnglishRangeMayStartAt(s, p)) << s << " at " << p;
  }
}

// TwoMonthNames as it was, a compare of each of the twelve abbreviations at each candidate letter.
bool TwoMonthNamesByCompares(std::string_view lower) {
  static const std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                             "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t seen = 0;
  for (size_t p = 0; p + 3 <= lower.size(); ++p) {
    const char c = lower[p];
    if (c != 'j' && c != 'f' && c != 'm' && c != 'a' && c != 's' && c != 'o' && c != 'n' && c != 'd') continue;
    for (std::string_view m : kMonths) {
      if (lower.compare(p, 3, m) == 0) {
        if (++seen == 2) return true;
        p += 2;
        break;
      }
    }
  }
  return false;
}

// The byte-by-byte reading gives the compares' answer on random text of month names, their pieces
// and near misses (one letter changed, upper case, cut at the end of the text, overlapping: "junov",
// "decdec"), in words and glued.
TEST(PeriodPrefilterTest, TwoMonthNamesReadByteByByteIsTheComparesAnswer) {
  const std::vector<std::string> pieces = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                           "nov", "dec", "ja", "ju", "jux", "jab", "fe", "fez", "maz", "mab", "ap",
                                           "apx", "aux", "se", "sez", "oc", "ocx", "no", "nox", "de", "dez", "Jan",
                                           "MAY", "j", "a", "n", "d", " ", "1", "月", "junov", "decdec", "mayor"};
  std::mt19937 rng(20261203);
  int yes = 0, no = 0;
  for (int n = 0; n < 60000; ++n) {
    std::string s;
    for (size_t k = rng() % 7; k > 0; --k) s += pieces[rng() % pieces.size()];
    const bool expected = TwoMonthNamesByCompares(s);
    ASSERT_EQ(period::TwoMonthNames(s), expected) << s;
    (expected ? yes : no)++;
    for (size_t p = 0; p < s.size(); ++p) {
      const bool at = p + 3 <= s.size() && TwoMonthNamesByCompares(s.substr(p, 3) + s.substr(p, 3));
      ASSERT_EQ(period::MonthAbbreviationAt(s, p), at) << s << " at " << p;
    }
  }
  EXPECT_GE(yes, 10000);
  EXPECT_GE(no, 10000);
  EXPECT_FALSE(period::TwoMonthNames("junov"));  // the second would overlap the first
  EXPECT_TRUE(period::TwoMonthNames("junnov"));
  EXPECT_FALSE(period::MonthAbbreviationAt("ma", 0));
}


// FindTables' PeriodHeaderColumns as it was before it read the cell's last two words first: every
// word cut out, the years counted back from the end.
size_t PeriodHeaderColumnsByWords(std::string_view cell) {
  std::vector<std::string_view> tokens;
  for (size_t at = 0; at < cell.size();) {
    size_t sp = cell.find(' ', at);
    if (sp == std::string_view::npos) sp = cell.size();
    if (sp > at) tokens.push_back(cell.substr(at, sp - at));
    at = sp + 1;
  }
  if (tokens.empty()) return 0;
  size_t end = tokens.size();
  size_t change = 0;
  std::string last(tokens[end - 1]);
  for (char& c : last) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  auto starts = [&](std::string_view p) { return std::string_view(last).substr(0, p.size()) == p; };
  if (std::none_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }) && last.size() <= 12 &&
      (last.find('%') != std::string::npos || starts("yoy") || starts("change") || starts("var"))) {
    change = 1;
    --end;
  }
  static const std::regex kYear(
      R"(^(?:fy\s*)?(?:19|20)\d\d\s*(?:年|年度|年末|年底)?(?:\s*(?:上半年|下半年|h1|h2|q[1-4]))?$)",
      std::regex::icase);
  auto year = [&](size_t k) {
    std::string_view t = tokens[k];
    return t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                   std::regex_match(std::string(t), kYear)
               ? std::stoi(std::string(t))
               : 0;
  };
  size_t years = 0;
  int step = 0;
  while (years < end && year(end - 1 - years) != 0) {
    if (years >= 1) {
      const int d = year(end - years) - year(end - 1 - years);
      if ((d != 1 && d != -1) || (step != 0 && d != step)) break;
      step = d;
    }
    ++years;
  }
  return years >= 2 ? years + change : 0;
}

TEST(PeriodPrefilterTest, APeriodHeaderIsTheOneEveryWordGives) {
  const std::vector<std::string> words = {"2019", "2020", "2021", "2022", "2023", "1999", "2000", "1899", "2100",
                                          "0202", "202", "20201", "２０２１", "YoY%", "yoy", "Change", "var.",
                                          "%", "YoY", "Emissions", "(MMT)", "排放量", "2021年", "FY2021", "-",
                                          "12.5", "2,021", "variance", "changes%", "a", ""};
  std::mt19937 rng(11);
  size_t headers = 0, none = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string cell;
    const size_t n = rng() % 8;
    for (size_t k = 0; k < n; ++k) {
      // Words one space apart, sometimes more spaces, or none (glued).
      const unsigned gap = rng() % 8;
      if (k > 0) cell += gap == 0 ? "" : gap == 1 ? "  " : " ";
      // Runs of consecutive years, rising or falling, are what a header has.
      if (rng() % 3 == 0) {
        const int first = 2015 + static_cast<int>(rng() % 10);
        const int step = rng() % 2 ? 1 : -1;
        const size_t run = 1 + rng() % 4;
        for (size_t y = 0; y < run; ++y) cell += (y ? " " : "") + std::to_string(first + step * static_cast<int>(y));
      } else {
        cell += words[rng() % words.size()];
      }
    }
    if (rng() % 4 == 0) cell.insert(0, " ");
    if (rng() % 4 == 0) cell += rng() % 2 ? " " : "  ";
    const size_t expected = PeriodHeaderColumnsByWords(cell);
    ASSERT_EQ(PeriodHeaderColumns(cell), expected) << "[" << cell << "]";
    (expected != 0 ? headers : none) += 1;
  }
  EXPECT_GT(headers, 2000u);
  EXPECT_GT(none, 2000u);
  EXPECT_EQ(PeriodHeaderColumns("Emissions (MMT) 2019 2020 2021 2022 2023 YoY%"), 6u);
  EXPECT_EQ(PeriodHeaderColumns("Emissions 2021 2022 change "), 3u);
  EXPECT_EQ(PeriodHeaderColumns("Targets 2015 2020 2030"), 0u);
  EXPECT_EQ(PeriodHeaderColumns("2022 2023 YoY% note"), 0u);
}

}  // namespace
}  // namespace esgaudit
