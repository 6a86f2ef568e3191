// The shared multi-pattern scan: every occurrence of every pattern, in a deterministic order, with
// the plain-search fallback of the SDK giving the same result.
#include <gtest/gtest.h>

#include <esgaudit/plugin.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <random>
#include <regex>
#include <string>
#include <tuple>
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

// A prefilter reads bytes as std::regex reads a std::string ("." is one byte: 报 is three), and
// every match std::regex finds ends where a prefilter match ends; a bounded gap and a lookahead
// compile (approximated), and each match is reported at its end.
TEST(PatternScanTest, APrefilterReportsTheEndOfEveryMatchStdRegexFindsReadingBytes) {
  const std::string text = "本报告经董事会审议通过。\n报告.董事会\n股票代码: 600000";
  const std::vector<std::string> sources = {"报告.{0,90}董事会.{0,45}(?:审议通过|批准)", "报告.{3}董事会",
                                            "报告.董事会", "股票代码\\s*:?\\s*([0-9]{6})(?![0-9])"};
  std::vector<PatternSpec> specs;
  for (const std::string& s : sources) specs.push_back({s, ESGAUDIT_PATTERN_REGEX | ESGAUDIT_PATTERN_PREFILTER});
  std::vector<esgaudit_match> m;
  ASSERT_TRUE(ScanPatterns(specs, text, &m).ok());
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::regex re(sources[i]);
    size_t real = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it, ++real) {
      const uint64_t end = static_cast<uint64_t>(it->position(0) + it->length(0));
      EXPECT_TRUE(std::any_of(m.begin(), m.end(), [&](const esgaudit_match& x) { return x.pattern == i && x.end == end; }))
          << sources[i] << " ending at " << end;
    }
    EXPECT_GT(real, 0u) << sources[i];
  }
  // "报告.董事会" needs a one-byte gap: only the second line has it, read as bytes.
  const uint64_t second = text.find("报告.董事会") + std::string("报告.董事会").size();
  std::vector<uint64_t> ends;
  for (const esgaudit_match& x : m) {
    EXPECT_EQ(x.begin, x.end);
    if (x.pattern == 2) ends.push_back(x.end);
  }
  EXPECT_EQ(ends, std::vector<uint64_t>{second});
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

// A set is found again by its patterns' text and flags, wherever the caller keeps them (plugins
// pass new arrays for each document); a list differing in one byte, one flag or its length is
// another set, compiled for itself.
TEST(PatternScanTest, ASetIsFoundByItsPatternsNotByWhereTheyLie) {
  const std::string text = "cache-alpha, cache-beta and CACHE-ALPHA";
  auto scan = [&](const std::vector<std::string>& words, const std::vector<uint32_t>& flags) {
    std::vector<esgaudit_pattern> patterns;
    for (size_t i = 0; i < words.size(); ++i) patterns.push_back({{words[i].data(), words[i].size()}, flags[i]});
    std::vector<esgaudit_match> m;
    EXPECT_TRUE(ScanPatterns(patterns.data(), patterns.size(), text, &m).ok());
    return std::make_pair(Render(m), TakeCompiledSets().size());
  };
  TakeCompiledSets();  // sets compiled by earlier tests
  const std::vector<uint32_t> plain = {0, 0};
  const auto first = scan({"cache-alpha", "cache-beta"}, plain);
  EXPECT_EQ(first.first, (std::vector<std::string>{"0@0-11", "1@13-23"}));
  EXPECT_EQ(first.second, 1u);
  // The same list in other strings: found, nothing compiled.
  std::vector<std::string> copy = {std::string("cache-") + "alpha", std::string("cache-") + "beta"};
  EXPECT_EQ(scan(copy, plain), std::make_pair(first.first, size_t{0}));
  // One flag, one byte, one pattern fewer: each another set.
  EXPECT_EQ(scan({"cache-alpha", "cache-beta"}, {ESGAUDIT_PATTERN_CASELESS, 0}),
            std::make_pair(std::vector<std::string>{"0@0-11", "1@13-23", "0@28-39"}, size_t{1}));
  EXPECT_EQ(scan({"cache-alphA", "cache-beta"}, plain), std::make_pair(std::vector<std::string>{"1@13-23"}, size_t{1}));
  EXPECT_EQ(scan({"cache-alpha"}, {0}), std::make_pair(std::vector<std::string>{"0@0-11"}, size_t{1}));
  // The vector form finds the set the array form compiled.
  std::vector<esgaudit_match> m;
  ASSERT_TRUE(ScanPatterns({{"cache-alpha", 0}, {"cache-beta", 0}}, text, &m).ok());
  EXPECT_EQ(Render(m), first.first);
  EXPECT_TRUE(TakeCompiledSets().empty());
}

// A list scanned again at the same address is the set found there last while its patterns are
// unchanged; changed in place (a byte of an expression, a flag, its length) it is another set, found
// or compiled by its patterns, and the first comes back when the list is restored.
TEST(PatternScanTest, AListChangedInPlaceIsAnotherSet) {
  const std::string text = "place-one, place-two and PLACE-ONE";
  std::string one = "place-one";
  const std::string two = "place-two";
  std::vector<esgaudit_pattern> patterns = {{{one.data(), one.size()}, 0}, {{two.data(), two.size()}, 0}};
  auto scan = [&](size_t count) {
    std::vector<esgaudit_match> m;
    EXPECT_TRUE(ScanPatterns(patterns.data(), count, text, &m).ok());
    return std::make_pair(Render(m), TakeCompiledSets().size());
  };
  TakeCompiledSets();  // sets compiled by earlier tests
  const auto first = scan(2);
  EXPECT_EQ(first, std::make_pair(std::vector<std::string>{"0@0-9", "1@11-20"}, size_t{1}));
  EXPECT_EQ(scan(2), std::make_pair(first.first, size_t{0}));
  one[8] = 'X';  // "place-onX"
  EXPECT_EQ(scan(2), std::make_pair(std::vector<std::string>{"1@11-20"}, size_t{1}));
  one[8] = 'e';
  EXPECT_EQ(scan(2), std::make_pair(first.first, size_t{0}));
  patterns[0].flags = ESGAUDIT_PATTERN_CASELESS;
  EXPECT_EQ(scan(2), std::make_pair(std::vector<std::string>{"0@0-9", "1@11-20", "0@25-34"}, size_t{1}));
  EXPECT_EQ(scan(1), std::make_pair(std::vector<std::string>{"0@0-9", "0@25-34"}, size_t{1}));
  patterns[0].flags = 0;
  EXPECT_EQ(scan(2), std::make_pair(first.first, size_t{0}));
}

TEST(PatternScanTest, ASetCompiledInAChildIsAdoptedByItsParent) {
  // A set this process has never compiled: the child compiles it and sends it back, as isolated
  // audits do; the parent then scans with it without compiling it (it is not among its own sets).
  const std::vector<PatternSpec> p = {{"adopted-keyword", 0}, {"set-\\d{2}", ESGAUDIT_PATTERN_REGEX}};
  const std::string text = "an adopted-keyword, set-42 and set-7";
  TakeCompiledSets();  // sets compiled by earlier tests
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<esgaudit_match> m;
    std::string bytes;
    if (ScanPatterns(p, text, &m).ok()) {
      std::vector<std::string> sets = TakeCompiledSets();
      if (sets.size() == 1) bytes = sets[0];
    }
    ssize_t n = ::write(fds[1], bytes.data(), bytes.size());
    ::_exit(n == static_cast<ssize_t>(bytes.size()) ? 0 : 1);
  }
  ::close(fds[1]);
  std::string bytes;
  char buf[65536];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_FALSE(bytes.empty());
  EXPECT_FALSE(AdoptCompiledSet(bytes.substr(0, bytes.size() / 2)));
  EXPECT_FALSE(AdoptCompiledSet("not a compiled set"));
  ASSERT_TRUE(AdoptCompiledSet(bytes));
  std::vector<esgaudit_match> m;
  ASSERT_TRUE(ScanPatterns(p, text, &m).ok());
  EXPECT_TRUE(TakeCompiledSets().empty());
  EXPECT_EQ(Render(m), (std::vector<std::string>{"0@3-18", "1@20-26"}));
}


// SortMatches orders as std::sort by (begin, end, pattern) does: lists in Hyperscan's order (by end,
// short and long matches overlapping), two such lists one after the other (a set's two databases),
// a long match reported late, random lists and repeated matches.
TEST(PatternScanTest, SortMatchesIsTheSortByBeginEndAndPattern) {
  std::mt19937 rng(20261208);
  auto less = [](const esgaudit_match& a, const esgaudit_match& b) {
    return std::tie(a.begin, a.end, a.pattern) < std::tie(b.begin, b.end, b.pattern);
  };
  size_t moved = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<esgaudit_match> v;
    const int kind = round % 4;
    for (int part = 0; part < (kind == 1 ? 2 : 1); ++part) {
      uint64_t end = 0;
      for (size_t k = rng() % 60; k > 0; --k) {
        end += rng() % 4;
        const uint64_t length = kind == 2 && rng() % 20 == 0 ? rng() % 400 : rng() % 9;
        esgaudit_match m{static_cast<uint32_t>(rng() % 5), 0, end >= length ? end - length : 0, end};
        if (kind == 3) m = {static_cast<uint32_t>(rng() % 3), 0, rng() % 20, rng() % 20};
        v.push_back(m);
        if (rng() % 10 == 0) v.push_back(m);
      }
    }
    std::vector<esgaudit_match> want = v;
    std::sort(want.begin(), want.end(), less);
    moved += !std::equal(v.begin(), v.end(), want.begin(), want.end(),
                         [](const esgaudit_match& a, const esgaudit_match& b) { return std::tie(a.begin, a.end, a.pattern) == std::tie(b.begin, b.end, b.pattern); });
    SortMatches(&v);
    ASSERT_EQ(Render(v), Render(want)) << "round " << round;
  }
  EXPECT_GT(moved, 10000u);
}

}  // namespace
}  // namespace esgaudit
