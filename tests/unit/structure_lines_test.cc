// The per-line facts the structure model's passes share (core/src/analyse/structure_lines.h):
// each agrees with the test it stands for, on the lines where those tests are easy to get wrong.
#include "analyse/structure_lines.h"
#include "analyse/structure_internal.h"
#include "esgaudit/document.h"

#include <esgaudit/text.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace esgaudit {
namespace {

using lines::LineFlags;

// Lines written to be awkward: blank, white space only, tabs between and around words, a CR left
// at the end, full-width spaces (which are not spaces here), CJK and Latin mixed, a leading '#'.
std::vector<std::string> TrickyLines() {
  return {"",
          " ",
          "\t \t",
          "单位: 吨",
          "单 位 : 吨",
          "\t单位:吨\t",
          "单位: 吨, 元",
          "Unit: tonnes",
          "UNIT : t",
          "units sold: 12",
          "(单位:百分比(%))",
          "- 12 -",
          "—12—",
          "第12页",
          "第 12 页 共 47 页",
          "Page 12 of 80",
          "page 12",
          "P.12",
          "12 / 80",
          "12",
          "2021",
          "第1234页",
          "　第12页",
          "第12页\r",
          "完成。",
          "完成。\t ",
          "完成。\r",
          "完成。　",
          "Revenue rose 12%.",
          "Why?",
          "No end",
          "## Title",
          "  # Title",
          "#",
          "C# code",
          "a \t b",
          "ab",
          std::string(100000, 'x') + "。",
          "第" + std::string(30, ' ') + "12页"};
}

TEST(StructureLinesTest, SameSqueezedIsTheComparisonOfTheSqueezedTexts) {
  const std::vector<std::string> texts = TrickyLines();
  for (const std::string& a : texts)
    for (const std::string& b : texts) {
      if (a.size() > 1000 || b.size() > 1000) continue;
      EXPECT_EQ(lines::SameSqueezed(a, b), lines::Squeeze(a) == lines::Squeeze(b)) << "[" << a << "] [" << b << "]";
    }
  EXPECT_TRUE(lines::SameSqueezed("a \t b", "ab"));
  EXPECT_TRUE(lines::SameSqueezed("  ", ""));
  EXPECT_FALSE(lines::SameSqueezed("a　b", "ab"));  // a full-width space stays
  EXPECT_FALSE(lines::SameSqueezed("ab\r", "ab"));
  EXPECT_FALSE(lines::SameSqueezed("ab", "abc"));
  EXPECT_FALSE(lines::SameSqueezed("abc", "ab "));
  const std::string long_line(100000, 'x');
  EXPECT_TRUE(lines::SameSqueezed(long_line, " " + long_line + "\t"));
  EXPECT_FALSE(lines::SameSqueezed(long_line, long_line + "y"));
}

TEST(StructureLinesTest, SqueezeLowerIsTheSqueezeOfTheLowerCase) {
  for (const std::string& t : TrickyLines()) EXPECT_EQ(lines::SqueezeLower(t), lines::Squeeze(sdk::AsciiLower(t)));
  EXPECT_EQ(lines::SqueezeLower(" Table Of\tCONTENTS "), "tableofcontents");
}

// Appended to a buffer that already holds text, each line's squeeze is the one SqueezeLower returns,
// and what was there stays.
TEST(StructureLinesTest, AppendSqueezeLowerAppendsTheSqueezeOfTheLowerCase) {
  std::string buffer = "Keep";
  std::string expected = buffer;
  for (const std::string& t : TrickyLines()) {
    lines::AppendSqueezeLower(t, &buffer);
    expected += lines::Squeeze(sdk::AsciiLower(t));
    ASSERT_EQ(buffer, expected) << t;
  }
  // Random lines of up to 40 pieces, so that blanks, tabs and capitals fall at every place of the
  // eight-byte words the copy reads (and none in some): the byte-by-byte answer.
  const std::vector<std::string> pieces = {" ", "\t", "A", "Z", "@", "[", "a", "z", "报告", "\xe6\x8a", "2016",
                                           "\r", "\xef\xbc\xa1", "\xc2\xa0", "abcdefgh", "社会责任报告",
                                           "\n", "\x08", "\x1f", "!"};
  std::mt19937 rng(11);
  int copied_whole = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = rng() % 40; k > 0; --k) s += pieces[rng() % pieces.size()];
    std::string got = n % 2 ? "x" : "";
    lines::AppendSqueezeLower(s, &got);
    std::string want = n % 2 ? "x" : "";
    for (char c : s)
      if (c != ' ' && c != '\t') want += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    ASSERT_EQ(got, want) << s;
    copied_whole += want.size() == s.size() + (n % 2) && s.size() >= 8;
  }
  EXPECT_GE(copied_whole, 100);
}

// The running headers' and repeated lines' groups (MarkRunningHeaders, MarkRepeatedLines): equal
// strings share a group, and groups are numbered in the order of their first string, as a map from
// each string to a number given at its first sight numbers them. Random strings of a few pieces
// (so that many repeat, and many differ by one piece, by a blank or by their length), empty ones
// included, in tables filled to the capacity they were built for; long ones differing only between
// the windows Hash reads (ViewGroupsTellApartStringsOfOneHash below).
TEST(StructureLinesTest, ViewGroupsNumberEqualStringsAsAMapDoes) {
  const std::vector<std::string> pieces = {"", "a", "A", " ", "报告", "报", "|", "2016", "上海石化", "\xe6\x8a",
                                           "社会责任报告", "report", "reports"};
  std::mt19937 rng(20261202);
  size_t repeated = 0, distinct = 0;
  for (int round = 0; round < 600; ++round) {
    std::vector<std::string> strings(rng() % 200);
    // Half the rounds of longer strings, which differ between the eight-byte windows Hash reads.
    const size_t most = round % 2 == 0 ? 5 : 12;
    for (std::string& s : strings)
      for (size_t k = rng() % most; k > 0; --k) s += pieces[rng() % pieces.size()];
    lines::ViewGroups groups(strings.size());
    std::unordered_map<std::string, uint32_t> expected;
    for (const std::string& s : strings) {
      const auto [it, fresh] = expected.emplace(s, static_cast<uint32_t>(expected.size()));
      ASSERT_EQ(groups.Add(s), it->second) << s;
      ASSERT_EQ(groups.View(it->second), s);
      (fresh ? distinct : repeated)++;
    }
    ASSERT_EQ(groups.size(), expected.size());
  }
  EXPECT_GE(repeated, 10000u);
  EXPECT_GE(distinct, 10000u);
  // Capacity zero still makes a table that takes nothing and finds nothing.
  lines::ViewGroups none(0);
  EXPECT_EQ(none.size(), 0u);
}

// Strings of one length that share their first, middle and last eight bytes share a Hash: each is
// still a group of its own, and a copy of each finds it.
TEST(StructureLinesTest, ViewGroupsTellApartStringsOfOneHash) {
  std::vector<std::string> strings;
  for (char c = 'a'; c <= 'z'; ++c) strings.push_back("12345678" + std::string(1, c) + "abcdefgh" + "xy" + "87654321");
  for (const std::string& s : strings) ASSERT_EQ(lines::ViewGroups::Hash(s), lines::ViewGroups::Hash(strings[0]));
  lines::ViewGroups groups(2 * strings.size());
  for (size_t k = 0; k < strings.size(); ++k) ASSERT_EQ(groups.Add(strings[k]), k);
  std::vector<std::string> copies = strings;
  for (size_t k = copies.size(); k-- > 0;) ASSERT_EQ(groups.Add(copies[k]), k);
  EXPECT_EQ(groups.size(), strings.size());
}

// HasAsciiDigit and NumbersBeforeSpace read eight bytes at a time: their answers are the byte
// loops' (an ASCII digit anywhere; a digit before a blank of std::regex's \s or the end), on random
// lines whose digits, blanks and their neighbours ('/', ':', '\b', '\x0e', '\x1f', '!') and the
// same bytes with the high bit set (UTF-8 continuation bytes, full-width digits) fall at every place
// of the words, the last word's byte after it included.
TEST(StructureLinesTest, DigitTestsAgreeWithTheByteLoops) {
  const std::vector<std::string> pieces = {"0", "9", "12", "2016", " ", "\t", "\n", "\v", "\f", "\r", "/", ":",
                                           "\b", "\x0e", "\x1f", "!", "报告", "\xef\xbc\x90", "\xb0\xb9",
                                           "\xa0", "\x89\x8d", "abcdefgh", "社会责任报告", "\xe6\x8a"};
  auto has_digit = [](std::string_view s) {
    for (char c : s)
      if (c >= '0' && c <= '9') return true;
    return false;
  };
  auto before_space = [](std::string_view s) {
    size_t n = 0;
    for (size_t k = 0; k < s.size(); ++k) {
      if (s[k] < '0' || s[k] > '9') continue;
      if (k + 1 == s.size() || std::string_view(" \t\n\v\f\r").find(s[k + 1]) != std::string_view::npos) ++n;
    }
    return n;
  };
  std::mt19937 rng(20261204);
  size_t with_digit = 0, without = 0, counted = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string s;
    // One piece in eight a number, so that whole words of eight bytes have none; a third of the
    // lines end with one.
    for (size_t k = rng() % 30; k > 0; --k)
      s += rng() % 8 == 0 ? pieces[rng() % 4] : pieces[4 + rng() % (pieces.size() - 4)];
    if (rng() % 3 == 0) s += pieces[rng() % 4];
    ASSERT_EQ(lines::HasAsciiDigit(s), has_digit(s)) << s;
    ASSERT_EQ(lines::NumbersBeforeSpace(s), before_space(s)) << s;
    (has_digit(s) ? with_digit : without)++;
    counted += before_space(s) >= 2;
  }
  EXPECT_GE(with_digit, 10000u);
  EXPECT_GE(without, 5000u);
  EXPECT_GE(counted, 2000u);
  EXPECT_EQ(lines::NumbersBeforeSpace("员工 12 人 3\t项 2016年 45"), 3u);
  EXPECT_FALSE(lines::HasAsciiDigit("二〇一六年 \xef\xbc\x91"));
}

// MarkToc's leader test and its numbers of a strip of entries were std::regex searches; the scans
// that replaced them answer as the expressions do on random lines of leader characters (also one
// short of a run, and '…' and '·' cut to their first bytes), dashes, blanks of \s and their
// neighbours, digits and runs of four or more, CJK text and full-width digits.
TEST(StructureLinesTest, LeaderAndNumberScansAgreeWithTheirExpressions) {
  const std::regex leader(R"((\.{4,}|_{4,}|(?:…){2,}|(?:·){4,})\s*-?\s*\d{1,3}\s*-?\s*$)");
  const std::regex number(R"((\d{1,3})(?=\s|$))");
  const std::vector<std::string> pieces = {"....", "...", ".", "____", "___", "……", "…", "····", "···", "·",
                                           "\xe2\x80", "\xc2", "-", "--", " ", "\t", "\v", "\r", "\x1f", "!",
                                           "7", "12", "345", "2016", "12345", "报告说明", "Our people",
                                           "\xef\xbc\x91", "\xa0"};
  std::mt19937 rng(20261205);
  size_t leaders = 0, numbers = 0;
  for (int n = 0; n < 40000; ++n) {
    std::string s;
    for (size_t k = rng() % 12; k > 0; --k) s += pieces[rng() % pieces.size()];
    // Half the lines end like a contents line: a leader, maybe a dash and blanks, a number.
    if (rng() % 2 == 0) {
      s += pieces[rng() % 11];
      for (size_t k = rng() % 4; k > 0; --k) s += pieces[12 + rng() % 6];
      s += pieces[20 + rng() % 5];
      for (size_t k = rng() % 3; k > 0; --k) s += pieces[12 + rng() % 10];
    }
    const bool expected = std::regex_search(s, leader);
    ASSERT_EQ(lines::EndsWithLeaderAndPage(s), expected) << s;
    leaders += expected;
    size_t from = 0;
    size_t length = 0;
    for (std::sregex_iterator it(s.begin(), s.end(), number), end; it != end; ++it) {
      const size_t at = lines::NextNumberBeforeSpace(s, from, &length);
      ASSERT_EQ(at, static_cast<size_t>(it->position(0))) << s;
      ASSERT_EQ(length, static_cast<size_t>(it->length(0))) << s;
      from = at + length;
      ++numbers;
    }
    ASSERT_EQ(lines::NextNumberBeforeSpace(s, from, &length), std::string_view::npos) << s;
  }
  EXPECT_GE(leaders, 2000u);
  EXPECT_GE(numbers, 20000u);
  EXPECT_TRUE(lines::EndsWithLeaderAndPage("报告说明......2"));
  EXPECT_TRUE(lines::EndsWithLeaderAndPage("Our people ____ - 14 -"));
  EXPECT_FALSE(lines::EndsWithLeaderAndPage("Our people ... 14"));
  EXPECT_FALSE(lines::EndsWithLeaderAndPage("Our people .... 2016"));
  EXPECT_FALSE(lines::EndsWithLeaderAndPage("Our people ....-- 14"));
  size_t length = 0;
  EXPECT_EQ(lines::NextNumberBeforeSpace("公司简介19 2016年 12345", 0, &length), 12u);
  EXPECT_EQ(length, 2u);
  EXPECT_EQ(lines::NextNumberBeforeSpace("公司简介19 2016年 12345", 14, &length), 25u);
  EXPECT_EQ(length, 3u);
}

// Split's scans of a line against the byte loops they replace, on random texts of the bytes they
// stop at (tab, '|', '<', single and double spaces, \n and \f) and of those next to them (\v, \r,
// '\\', other ASCII, UTF-8 and bytes with only bit 6 apart from '<' or '|'), on every range [i, e)
// of each text: the word of eight bytes never reads past e, and a space ending the range is single.
TEST(StructureLinesTest, SplitsScansAreTheByteLoopsOfTheLine) {
  const std::vector<std::string> pieces = {"a", "中", "\t", "|", "<", " ", "  ", "\n", "\f", "\v", "\r", "\\",
                                           "abcdefgh", "12,345.6", "\x7C\x3C", "l", ";", "\x1F", "\xBC", "\xFC"};
  auto line_end = [](std::string_view v, size_t b, size_t e) {
    for (size_t k = b; k < e; ++k)
      if (v[k] == '\n' || v[k] == '\f') return k;
    return e;
  };
  auto next_mark = [](std::string_view v, size_t i, size_t e) {
    for (size_t k = i; k < e; ++k)
      if (v[k] == '\t' || v[k] == '|' || v[k] == '<' || (v[k] == ' ' && k + 1 < e && v[k + 1] == ' ')) return k;
    return e;
  };
  std::mt19937 rng(47);
  size_t marks = 0, ends = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t n = rng() % 24;
    for (size_t k = 0; k < n; ++k) {
      const std::string& p = pieces[rng() % pieces.size()];
      // Mostly plain text, so that long runs reach the eight-byte words.
      text += rng() % 3 == 0 ? p : (rng() % 2 ? "abcdefgh" : "中文 文本");
    }
    const std::string_view v(text);
    for (size_t i = 0; i <= v.size(); ++i) {
      for (size_t e = i; e <= v.size(); e += 1 + rng() % 5) {
        ASSERT_EQ(lines::LineEndIn(v, i, e), line_end(v, i, e)) << i << " " << e << " [" << text << "]";
        ASSERT_EQ(lines::NextCellMark(v, i, e), next_mark(v, i, e)) << i << " " << e << " [" << text << "]";
        ends += line_end(v, i, e) < e;
        marks += next_mark(v, i, e) < e;
      }
    }
  }
  EXPECT_GT(ends, 100000u);
  EXPECT_GT(marks, 100000u);
  EXPECT_EQ(lines::NextCellMark("abc def  ghi", 0, 12), 7u);
  EXPECT_EQ(lines::NextCellMark("abcdefg ", 0, 8), 8u);  // a space ending the range is single
  EXPECT_EQ(lines::NextCellMark("abcdefgh|", 0, 8), 8u);  // nothing past e is read
  EXPECT_EQ(lines::LineEndIn("abcdefgh\v\n", 0, 10), 9u);
}

TEST(StructureLinesTest, TheFlagsAreTheLinesOwnTests) {
  for (const std::string& t : TrickyLines()) {
    // As the line's one cell (the cell is the line trimmed), as one of two cells and with none.
    const std::string_view cell = sdk::Trim(t);
    for (size_t cells : {0, 1, 2}) {
      const uint8_t flags = LineFlags(t, t, cells, cell);
      const std::string_view heading = sdk::Trim(t);
      EXPECT_EQ((flags & lines::kMarkdownHeading) != 0, !heading.empty() && heading.front() == '#') << t;
      EXPECT_EQ((flags & lines::kPageNumber) != 0, cells == 1 && lines::DecoratedPageNumber(cell)) << t;
      EXPECT_EQ((flags & lines::kUnitCaption) != 0, cells == 1 && lines::UnitCaptionText(cell)) << t;
      EXPECT_EQ((flags & lines::kSentenceEnd) != 0, lines::EndsSentence(sdk::Trim(t))) << t;
    }
  }
}

TEST(StructureLinesTest, TheHeadingIsReadOnTheLoadedLineAndTheRestOnTheView) {
  // The matching view may differ from the loaded line (full-width colons read as ASCII ones).
  EXPECT_EQ(LineFlags("Title", "# Title", 1, "Title"), lines::kMarkdownHeading);
  EXPECT_EQ(LineFlags("# Title", "Title", 1, "# Title"), 0);
  EXPECT_EQ(LineFlags("单位:吨", "单位：吨", 1, "单位:吨"), lines::kUnitCaption);
  EXPECT_EQ(LineFlags("完成。", "完成", 1, "完成。"), lines::kSentenceEnd);
}

TEST(StructureLinesTest, PageNumbersAreDecoratedShortAndAloneOnTheirLine) {
  for (const char* t : {"- 12 -", "—12—", "– 12 –", "－12－", "第12页", "第 12 页 共 47 页", "Page 12 of 80", "page 12", "P.12", "p12", "12 / 80"})
    EXPECT_EQ(LineFlags(t, t, 1, t), lines::kPageNumber) << t;
  // Near misses: a bare number or year, four digits, too long, text before it, or two cells.
  for (const char* t : {"12", "2021", "第1234页", "第12页\r", "　第12页", "Page 12 of 80 pages", "see page 12", "Page",
                        "第页", "- -", "P.", "Page one of ten", "—12", "—1234—", "— —", "——12——"})
    EXPECT_EQ(LineFlags(t, t, 1, t) & lines::kPageNumber, 0) << t;
  const std::string spaced = "第" + std::string(30, ' ') + "12页";
  EXPECT_EQ(LineFlags(spaced, spaced, 1, spaced) & lines::kPageNumber, 0);
  EXPECT_EQ(LineFlags("Page  12", "Page  12", 2, "Page"), 0);
}

TEST(StructureLinesTest, UnitCaptionsStateOnlyAUnit) {
  for (const char* t : {"单位: 吨", "单位:吨", "(单位:百分比(%))", "Unit: tonnes", "UNIT : t", "uNiT: kg", "单位 : 万元"})
    EXPECT_EQ(LineFlags(t, t, 1, t), lines::kUnitCaption) << t;
  // Near misses: a list of units, another word, a label without a unit, a long caption, two cells.
  for (const char* t : {"单位: 吨, 元", "units sold: 12", "单位:", "单位名称: 某公司; 地址", "uni t: kg", "un", "单: 吨"})
    EXPECT_EQ(LineFlags(t, t, 1, t) & lines::kUnitCaption, 0) << t;
  const std::string long_caption = "单位: " + std::string(60, 'x');
  EXPECT_EQ(LineFlags(long_caption, long_caption, 1, long_caption) & lines::kUnitCaption, 0);
  EXPECT_EQ(LineFlags("单位: 吨  2021", "单位: 吨  2021", 2, "单位: 吨"), 0);
}

TEST(StructureLinesTest, ASentenceEndIsTheLastCharacterBeforeSpacesAndTabs) {
  for (const char* t : {"完成。", "完成。\t ", "Revenue rose 12%.", "Why?", "好！", "对吗？"})
    EXPECT_EQ(LineFlags(t, t, 1, t), lines::kSentenceEnd) << t;
  // A CR or a full-width space after the mark is no space or tab: the line does not end there.
  for (const char* t : {"完成。\r", "完成。　", "No end", "", "\t"}) EXPECT_EQ(LineFlags(t, t, 1, t) & lines::kSentenceEnd, 0) << t;
  const std::string long_line = std::string(100000, 'x') + "。";
  EXPECT_EQ(LineFlags(long_line, long_line, 1, long_line), lines::kSentenceEnd);
}

// AppendUnnumbered against the byte-at-a-time filter it replaces, on random text from digits, spaces,
// slashes and what stays (letters, '|', a tab, a full-width digit and slash, Han, a cut-off sequence),
// appended to a key that already has text; every run position (first, last, all dropped) comes.
TEST(StructureLinesTest, AppendUnnumberedDropsDigitsSpacesAndSlashesOnly) {
  const std::vector<std::string> pieces = {"0", "9", "12", " ", "  ", "/", "a", "Z", "|", "\t", "１", "／",
                                           "报告", "\xe6\x8a", "-", ".", ":", "\x1f", "!"};
  std::mt19937 rng(7);
  int emptied = 0, kept = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    // Up to 8 pieces, or up to 40 (a quarter): a dropped byte at every place of the eight-byte words
    // read at once, and words with none.
    for (size_t k = rng() % (n % 4 == 0 ? 41 : 9); k > 0; --k) s += pieces[rng() % pieces.size()];
    std::string expected = n % 2 ? "上海|" : "";
    for (char c : s)
      if (!(c >= '0' && c <= '9') && c != ' ' && c != '/') expected += c;
    std::string got = n % 2 ? "上海|" : "";
    lines::AppendUnnumbered(s, &got);
    ASSERT_EQ(got, expected) << s;
    (got.size() == (n % 2 ? std::string("上海|").size() : 0) ? emptied : kept)++;
  }
  EXPECT_GE(emptied, 500);
  EXPECT_GE(kept, 5000);
  std::string key;
  lines::AppendUnnumbered("01 /上海石化2016年企业社会责任报告", &key);
  EXPECT_EQ(key, "上海石化年企业社会责任报告");
}

// Both key filters on long lines (up to 300 bytes, so that many words are written after bytes left
// out before them), each byte drawn from what either leaves out (blanks, tabs, digits, slashes), lowers
// (capitals) or keeps (letters, '|', Han, a cut sequence), at densities from none to all left out,
// appended after text already held: the byte-by-byte filters.
TEST(StructureLinesTest, KeyFiltersOfLongLinesAreTheByteFilters) {
  const std::string bytes = std::string(" \t0/9AZaz|-") + "\xe6\x8a\xa5" + "\xe5";
  std::mt19937 rng(51);
  size_t words_with_many_dropped = 0;
  for (int round = 0; round < 4000; ++round) {
    const unsigned density = rng() % 101;  // per cent of the bytes drawn from the dropped ones
    std::string s;
    for (size_t k = rng() % 301; k > 0; --k) s += rng() % 100 < density ? bytes[rng() % 5] : bytes[5 + rng() % (bytes.size() - 5)];
    const std::string held = round % 3 == 0 ? "" : "上海|";
    std::string squeezed = held, unnumbered = held;
    lines::AppendSqueezeLower(s, &squeezed);
    lines::AppendUnnumbered(s, &unnumbered);
    std::string want_squeezed = held, want_unnumbered = held;
    for (char c : s) {
      if (c != ' ' && c != '\t') want_squeezed += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      if (!(c >= '0' && c <= '9') && c != ' ' && c != '/') want_unnumbered += c;
    }
    ASSERT_EQ(squeezed, want_squeezed) << s;
    ASSERT_EQ(unnumbered, want_unnumbered) << s;
    for (size_t i = 0; i + 8 <= s.size(); i += 8) {
      words_with_many_dropped += std::count_if(s.begin() + i, s.begin() + i + 8, [](char c) { return c == ' ' || c == '/'; }) >= 3;
    }
  }
  EXPECT_GT(words_with_many_dropped, 10000u);
}

// LineOfNear against Document::LineOf at every offset (and past the end) of random documents of
// empty lines, form feeds, CRLF, ASCII and multi-byte lines of 0 to 17 bytes (around eight), the
// empty document and one without a final newline, with every hint: the line itself, the lines
// either side, far ones and past the last.
TEST(StructureSpansTest, LineOfNearIsLineOfWhateverTheHint) {
  const std::vector<std::string> pieces = {"", "a", "abcdefgh", "abcdefghi", "中", "中文字", "\xc2\xa0", "\f", "\r",
                                           "  ", "1234567", "报告期间2016年"};
  std::mt19937 rng(48);
  size_t asked = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int lines = static_cast<int>(rng() % 12);
    for (int k = 0; k < lines; ++k) {
      for (int m = static_cast<int>(rng() % 3); m > 0; --m) text += pieces[rng() % pieces.size()];
      text += rng() % 6 == 0 ? "\r\n" : "\n";
    }
    if (rng() % 3 == 0) text += pieces[rng() % pieces.size()];
    const Document doc = Document::FromUtf8("t.txt", text);
    const uint32_t n = static_cast<uint32_t>(doc.line_count());
    for (uint64_t offset = 0; offset <= text.size() + 2; ++offset) {
      for (uint32_t hint = 0; hint <= n + 2; ++hint) {
        ASSERT_EQ(LineOfNear(doc, offset, hint), doc.LineOf(offset)) << round << " at " << offset << " hint " << hint;
        ++asked;
      }
      ASSERT_EQ(LineOfNear(doc, offset, UINT32_MAX), doc.LineOf(offset));
    }
  }
  EXPECT_GT(asked, 50000u);
}

}  // namespace
}  // namespace esgaudit
