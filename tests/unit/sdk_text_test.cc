// The SDK's text helpers (plugins/sdk/include/esgaudit/text.h) where they stand in for the standard
// library or for an earlier form of themselves: each must answer as that did.
#include <esgaudit/bytes8.h>
#include <esgaudit/text.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit {
namespace {

// RFind is std::string::rfind: on random strings of pieces that share first bytes with the needles
// ("（" and the other full-width forms all open with EF BC), cut full-width forms, and needles longer
// than the text or empty.
TEST(SdkTextTest, RFindIsStringRfind) {
  const std::vector<std::string> pieces = {"(", "（", "）", "：", "\xEF", "\xEF\xBC", "单位：", "单位:", "a",
                                           " ", "share of ", "合计", "x(y)", "\xBC\x88"};
  std::vector<std::string> needles = pieces;
  needles.insert(needles.end(), {"", "((", "（（", "单位：（", "share of x"});
  std::mt19937 rng(20261205);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = rng() % 6; k > 0; --k) s += pieces[rng() % pieces.size()];
    for (const std::string& w : needles) {
      ASSERT_EQ(sdk::RFind(s, w), s.rfind(w)) << '"' << s << "\" \"" << w << '"';
    }
  }
  EXPECT_EQ(sdk::RFind("", ""), 0u);
  EXPECT_EQ(sdk::RFind("", "("), std::string_view::npos);
  EXPECT_EQ(sdk::RFind("员工（人）（另有）", "（"), 15u);
}

// CodePointCount counts the bytes that are not UTF-8 continuation bytes, as its loop byte by byte
// did: on random bytes (well-formed or not: every lead, continuation and ASCII form, and 0xFF), every
// length up to past the eight-byte words' blocks of 31, at every alignment.
TEST(SdkTextTest, CodePointCountCountsTheBytesThatStartACodePoint) {
  auto by_byte = [](std::string_view s) {
    size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
    return n;
  };
  std::mt19937 rng(20261206);
  const std::vector<unsigned char> bytes = {0x00, 0x20, 0x41, 0x7F, 0x80, 0x9C, 0xBF, 0xC0, 0xC3, 0xE4, 0xEF, 0xF0, 0xFF};
  std::string s;
  for (int i = 0; i < 700; ++i) s += static_cast<char>(rng() % 3 == 0 ? rng() % 256 : bytes[rng() % bytes.size()]);
  for (size_t from = 0; from < 9; ++from) {
    for (size_t len = 0; from + len <= s.size(); ++len) {
      const std::string_view v = std::string_view(s).substr(from, len);
      ASSERT_EQ(sdk::CodePointCount(v), by_byte(v)) << from << " " << len;
    }
  }
  EXPECT_EQ(sdk::CodePointCount(""), 0u);
  EXPECT_EQ(sdk::CodePointCount("本报告范围 2020年 report"), 18u);
  EXPECT_EQ(sdk::CodePointCount(std::string(8 * 31 + 1, '\x80')), 0u);
  EXPECT_EQ(sdk::CodePointCount(std::string(8 * 64, 'a')), 512u);
}

// NextCodePoint reads each code point as Boost.Locale's utf_traits decode does (an ill-formed or cut
// sequence as its first byte alone), its ASCII and three-byte shortcuts included: at every offset of
// random bytes of ASCII, every lead (C2, DF, E0, E1, EC, ED, EE, EF, F0, F4, F5, FF), continuation
// bytes, well-formed sequences of each length and the edges of the three-byte leads (U+0800, U+0FFF,
// U+1000, U+D7FF, U+E000, U+FFFF), cut anywhere.
TEST(SdkTextTest, NextCodePointIsUtfTraitsDecode) {
  auto decode = [](std::string_view s, size_t* i) -> char32_t {
    const char* p = s.data() + *i;
    const char* begin = p;
    const boost::locale::utf::code_point c = boost::locale::utf::utf_traits<char>::decode(p, s.data() + s.size());
    if (c == boost::locale::utf::illegal || c == boost::locale::utf::incomplete) {
      return static_cast<unsigned char>(s[(*i)++]);
    }
    *i += static_cast<size_t>(p - begin);
    return static_cast<char32_t>(c);
  };
  const std::vector<std::string> pieces = {"a", " ", "\x7F", "\x80", "\xBF", "\xC2", "\xDF", "\xE0", "\xE1", "\xEC",
                                           "\xED", "\xEE", "\xEF", "\xF0", "\xF4", "\xF5", "\xFF", "é", "ࠀ",
                                           "\xE0\xBF\xBF", "\xE1\x80\x80", "\xED\x9F\xBF", "\xED\xA0\x80", "\xEE\x80\x80",
                                           "\xEF\xBF\xBF", "本", "，", "\xE4\xB8", "😀", "\xF0\x9F\x98"};
  std::mt19937 rng(20261208);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = 1 + rng() % 8; k > 0; --k) s += pieces[rng() % pieces.size()];
    for (size_t at = 0; at < s.size(); ++at) {
      size_t fast = at, general = at;
      ASSERT_EQ(sdk::NextCodePoint(s, &fast), decode(s, &general)) << at << " \"" << s << '"';
      ASSERT_EQ(fast, general) << at << " \"" << s << '"';
    }
  }
}

// HasCjk answers as the walk over NextCodePoint's code points did: on random bytes of ASCII, the
// lead bytes of every length (E3-E9 and EF, and E0, E2, EA, ED beside them), continuation bytes and
// the code points at the edges of the CJK ranges (U+33FF / U+3400, U+9FFF / U+A000, U+F8FF / U+F900,
// U+FAFF / U+FB00), cut anywhere, at every length and alignment.
TEST(SdkTextTest, HasCjkIsTheCodePointWalk) {
  auto walk = [](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      if (sdk::IsCjk(sdk::NextCodePoint(s, &i))) return true;
    }
    return false;
  };
  const std::vector<std::string> pieces = {"a", " ", "report 2023", "\x80", "\xBF", "\x90", "\xA4", "\xAB", "\xE0",
                                           "\xE2", "\xE3", "\xE4", "\xE9", "\xEA", "\xED", "\xEF", "\xF0", "\xC3",
                                           "㏿", "㐀", "鿿", "ꀀ", "\xEF\xA3\xBF", "豈", "\xEF\xAB\xBF", "ﬀ", "’",
                                           "，", "本", "\xE4\xB8", "\xF0\x9F\x98\x80", "\xF0\xA0\x80\x80"};
  std::mt19937 rng(20261207);
  for (int n = 0; n < 4000; ++n) {
    std::string s;
    for (size_t k = rng() % 12; k > 0; --k) s += pieces[rng() % pieces.size()];
    for (size_t from = 0; from < std::min<size_t>(s.size(), 9); ++from) {
      for (size_t len = 0; from + len <= s.size(); ++len) {
        const std::string_view v = std::string_view(s).substr(from, len);
        ASSERT_EQ(sdk::HasCjk(v), walk(v)) << from << " " << len << " \"" << s << '"';
      }
    }
  }
  EXPECT_FALSE(sdk::HasCjk("Scope 1 emissions (tCO2e) fell by 12% in 2023"));
  EXPECT_TRUE(sdk::HasCjk("Scope 1 emissions fell by 12% in 2023 (范围一)"));
}

// Contains is find != npos: on random strings of Han characters that share lead bytes and
// continuation bytes with the parts, parts cut to their first or last bytes, parts at either end of
// the text, parts of one byte, none, or longer than the text, and parts that begin and end as a
// piece does but differ in a byte between (the middle byte of a Han character, a letter of a word).
TEST(SdkTextTest, ContainsIsFind) {
  const std::vector<std::string> pieces = {"未来", "将", "继续", "计划", "报告", "年", "\xE6", "\x9C\xAA", "\xA5",
                                           "r", "report", "20", "a", " ", "。"};
  std::vector<std::string> parts = pieces;
  parts.insert(parts.end(), {"", "未", "来将", "\xE6\x9C", "\x9D\xA5", "reports", "未来未来未来未来", "\xE6\x9D\xAA",
                             "\xE6\x9C\xA5", "repxrt", "rxport", "reporx", "ra", "2a", "未\xE6\x9D\xA5"});
  std::mt19937 rng(20261206);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = rng() % 7; k > 0; --k) s += pieces[rng() % pieces.size()];
    for (const std::string& w : parts) {
      ASSERT_EQ(sdk::Contains(s, w), s.find(w) != std::string::npos) << '"' << s << "\" \"" << w << '"';
    }
  }
  EXPECT_TRUE(sdk::Contains("未来", "未来"));
  EXPECT_FALSE(sdk::Contains("未", "未来"));
  EXPECT_TRUE(sdk::Contains(std::string_view(), ""));
  EXPECT_FALSE(sdk::Contains(std::string_view(), "a"));
}

// AsciiLowerInto replaces what the string held, longer or shorter, with AsciiLower's copy.
TEST(SdkTextTest, AsciiLowerIntoIsAsciiLower) {
  std::string out = "a previous, longer line of TEXT held by the buffer";
  for (const std::string s : {"ESG Report 2022", "", "环境、社会及治理（ESG）", "MiXeD\tCase\xff", "x"}) {
    sdk::AsciiLowerInto(s, &out);
    EXPECT_EQ(out, sdk::AsciiLower(s)) << s;
  }
}

// AsciiLowerEquals answers as comparing AsciiLower's copy: random strings of upper- and lower-case
// letters, the bytes next to 'A'-'Z' and 'a'-'z', UTF-8 and blanks, against every lower-cased form.
TEST(SdkTextTest, AsciiLowerEqualsIsAsciiLowerCompared) {
  const std::vector<std::string> pieces = {"A", "a", "Z", "z", "@", "[", "`", "{", "M", "m", "CEO", "ceo",
                                           "Chair", "首席", "\xC3\x89", " ", ","};
  std::mt19937 rng(20261205);
  std::vector<std::string> seen;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = rng() % 5; k > 0; --k) s += pieces[rng() % pieces.size()];
    seen.push_back(s);
    const std::string& other = seen[rng() % seen.size()];
    for (const std::string& lower : {sdk::AsciiLower(s), sdk::AsciiLower(other), other, s}) {
      ASSERT_EQ(sdk::AsciiLowerEquals(s, lower), sdk::AsciiLower(s) == lower) << '"' << s << "\" \"" << lower << '"';
    }
  }
  EXPECT_TRUE(sdk::AsciiLowerEquals("Chief Executive", "chief executive"));
  EXPECT_FALSE(sdk::AsciiLowerEquals("chief", "Chief"));
  EXPECT_TRUE(sdk::AsciiLowerEquals("", ""));
}

// HeadingText as it read before the bullet and numeral lists were walked only after a test of the
// first byte and of the "、": the reference for the test below.
std::string_view HeadingTextAsBefore(std::string_view s) {
  s = sdk::Trim(s);
  // Views, not C strings: each would be measured (strlen) on every pass of every heading.
  static constexpr std::string_view kBullets[] = {"■", "□", "◆", "◇", "●", "○", "▲", "►", "▶", "★",
                                                  "☆", "•", "·", "?", "-", "*", "—", "|", "#", ">"};
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (std::string_view bv : kBullets) {
      // The first byte first (no bullet is empty): most text starts otherwise, and the compare
      // is a call.
      if (!s.empty() && s[0] == bv[0] && s.substr(0, bv.size()) == bv) {
        s = sdk::Trim(s.substr(bv.size()));
        changed = true;
      }
    }
    // Any other pictographic bullet ("♦", "❖", "➤", "◎"): arrows, geometric shapes, miscellaneous
    // symbols and dingbats carry no words of a heading.
    if (!s.empty()) {
      size_t i = 0;
      const char32_t c = sdk::NextCodePoint(s, &i);
      if ((c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF)) {
        s = sdk::Trim(s.substr(i));
        changed = true;
        continue;
      }
    }
    size_t d = 0;
    while (d < s.size() && ((s[d] >= '0' && s[d] <= '9') || s[d] == '.')) ++d;
    if (d > 0 && d < s.size()) {
      std::string_view rest = s.substr(d);
      if (rest.substr(0, 3) == "、") rest.remove_prefix(3);
      size_t i = 0;
      char32_t next = rest.empty() ? 0 : sdk::NextCodePoint(rest, &i);
      if (!sdk::IsUnitChar(next) && d <= 5) {
        s = sdk::Trim(rest);
        changed = true;
        continue;
      }
    }
    // An export's anchor before a Markdown title ("## [report-2022-7] Our approach"): one bracketed
    // token with a digit and no space.
    if (s.size() > 2 && s.front() == '[') {
      size_t close = s.find(']');
      std::string_view id = close == std::string_view::npos ? std::string_view() : s.substr(1, close - 1);
      if (close <= 64 && !id.empty() && id.find(' ') == std::string_view::npos &&
          id.find_first_of("0123456789") != std::string_view::npos) {
        s = sdk::Trim(s.substr(close + 1));
        changed = true;
        continue;
      }
    }
    if (s.size() > 2 && s.front() == '(') {
      size_t close = s.find(')');
      if (close != std::string_view::npos && close <= 10) {
        s = sdk::Trim(s.substr(close + 1));
        changed = true;
        continue;
      }
    }
    for (std::string_view nv : kNumerals) {
      // Every numeral is one Han character (3 bytes): the "、" after it is tested first, by bytes.
      if (s.size() >= 6 && s[3] == '\xE3' && s[4] == '\x80' && s[5] == '\x81' &&
          s.substr(0, nv.size()) == nv) {
        s = sdk::Trim(s.substr(nv.size() + 3));
        changed = true;
      }
    }
    if (!s.empty() && s[0] == '\xE9' && s.substr(0, 6) == "附录") {  // the first byte first, as above
      size_t colon = s.find(':');
      if (colon != std::string_view::npos && colon <= 12) {
        s = sdk::Trim(s.substr(colon + 1));
        changed = true;
        continue;
      }
    }
    if (!s.empty() && s[0] == '\xE7' && s.substr(0, 3) == "第") {
      for (std::string_view unit : {"章", "部分", "篇"}) {
        size_t u = s.find(unit);
        if (u != std::string_view::npos && u <= 12) {
          s = sdk::Trim(s.substr(u + unit.size()));
          changed = true;
          break;
        }
      }
    }
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// HeadingText against its former reading on random headings of every bullet, a pictographic
// bullet, Han numerals with and without "、", digits and dots, brackets, 附录 and 第 prefixes, blanks,
// letters and Han, so that decorations stand first, after another and nowhere.
TEST(SdkTextTest, HeadingTextIsItsFormerReading) {
  const std::vector<std::string> pieces = {
      "■", "□", "◆", "◇", "●", "○", "▲", "►", "▶", "★", "☆", "•", "·", "?", "-", "*", "—", "|", "#", ">",
      "♦", "→", "一", "二", "十", "、", "1", "12", ".", "(", ")", "[", "]", "附录", ":", "第", "章", "部分", "篇",
      " ", "  ", "x", "Scope", "标题", "年", "\xe2", "\xc2"};
  std::mt19937 rng(51);
  size_t changed = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string h;
    for (size_t k = 1 + rng() % 8; k > 0; --k) h += pieces[rng() % pieces.size()];
    const std::string_view got = sdk::HeadingText(h);
    ASSERT_EQ(got, HeadingTextAsBefore(h)) << h;
    changed += got != sdk::Trim(h);
  }
  EXPECT_GT(changed, 50000u);
}

// HeadingText's Han-numeral, 附录 and 第 prefixes, now tested by their bytes first: a numeral is
// dropped only with "、" right after it, in turn (二、一、 goes whole), 附录 up to its colon, 第 up to
// 章, 部分 or 篇.
TEST(SdkTextTest, HeadingTextDropsHanNumbering) {
  EXPECT_EQ(sdk::HeadingText("一、二、标题"), "标题");
  EXPECT_EQ(sdk::HeadingText("二、一、标题"), "标题");
  EXPECT_EQ(sdk::HeadingText("十、"), "");
  EXPECT_EQ(sdk::HeadingText("十"), "十");
  EXPECT_EQ(sdk::HeadingText("三 、标题"), "三 、标题");
  EXPECT_EQ(sdk::HeadingText("三，标题"), "三，标题");
  EXPECT_EQ(sdk::HeadingText("零、标题"), "零、标题");
  EXPECT_EQ(sdk::HeadingText("附录一:名词解释"), "名词解释");
  EXPECT_EQ(sdk::HeadingText("附注:说明"), "附注:说明");
  EXPECT_EQ(sdk::HeadingText("第一章 概述"), "概述");
  EXPECT_EQ(sdk::HeadingText("第三部分"), "");
  EXPECT_EQ(sdk::HeadingText("第一季度"), "第一季度");
  EXPECT_EQ(sdk::HeadingText("等级"), "等级");
}

// bytes8::CountMarks is __builtin_popcountll on every mask the byte tests can return (any set of the
// eight high bits), and on the masks of BytesIn and BytesEqual over random words.
TEST(SdkTextTest, CountMarksIsPopcount) {
  for (unsigned lanes = 0; lanes < 256; ++lanes) {
    uint64_t marks = 0;
    for (int b = 0; b < 8; ++b)
      if (lanes & (1u << b)) marks |= uint64_t{0x80} << (8 * b);
    EXPECT_EQ(bytes8::CountMarks(marks), static_cast<unsigned>(__builtin_popcountll(marks))) << lanes;
  }
  std::mt19937_64 rng(11);
  for (int k = 0; k < 20000; ++k) {
    const uint64_t w = rng();
    const uint8_t lo = static_cast<uint8_t>(rng() % 0x80), hi = static_cast<uint8_t>(lo + rng() % (0x80 - lo));
    const uint64_t in = bytes8::BytesIn(w, lo, hi), eq = bytes8::BytesEqual(w, static_cast<uint8_t>(w >> 8));
    ASSERT_EQ(bytes8::CountMarks(in), static_cast<unsigned>(__builtin_popcountll(in)));
    ASSERT_EQ(bytes8::CountMarks(eq), static_cast<unsigned>(__builtin_popcountll(eq)));
    ASSERT_EQ(bytes8::CountMarks(in | eq), static_cast<unsigned>(__builtin_popcountll(in | eq)));
  }
}

}  // namespace
}  // namespace esgaudit
