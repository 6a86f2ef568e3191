// The scans that read ASCII and PlainThreeByteAt's three-byte sequences without their general
// decode (core/src/analyse/text_width.h): the language counts of FindMetadata and DetectLanguage,
// FindFigures' cell measure and the loader's UTF-8 check; and the loader's binary check, which
// reads eight bytes at a time. Each must give what its general path, the
// code point by code point loop it replaced (written out below), gives on any bytes: well-formed or
// not, cut anywhere.
#include <esgaudit/audit.h>
#include <esgaudit/text.h>
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <boost/locale/utf.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/structure_internal.h"
#include "analyse/text_width.h"
#include "load/decode.h"

namespace esgaudit {
namespace {

// The general paths.
void CountHanAndLatinByCodePoint(std::string_view view, size_t* han, size_t* latin) {
  *han = *latin = 0;
  sdk::ForEachCodePoint(view, [&](char32_t c, size_t) {
    if (sdk::IsCjk(c)) {
      ++*han;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++*latin;
    }
  });
}

size_t FigureLettersByCodePoint(std::string_view s, bool* digit, bool* punct, bool* cjk, size_t limit) {
  static const std::u32string kPunct = U"，。；、：:;,!?！？《》";
  static const std::u32string kMarker = U"■□●○◆◇▲△▼•〇★☆";
  size_t n = 0;
  *digit = *punct = *cjk = false;
  for (size_t i = 0; i < s.size() && n <= limit;) {
    char32_t c = sdk::NextCodePoint(s, &i);
    if (c == ' ' || c == '\t') continue;
    ++n;
    if (c < 0x80) {
      *digit |= c >= '0' && c <= '9';
      *punct |= c == ',' || c == ':' || c == ';' || c == '!' || c == '?';
      continue;
    }
    *punct |= kPunct.find(c) != std::u32string::npos || kMarker.find(c) != std::u32string::npos;
    *cjk |= sdk::IsCjk(c);
  }
  return n;
}

size_t FirstInvalidUtf8ByCodePoint(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

bool LooksBinaryByteByByte(std::string_view s, size_t* where) {
  size_t controls = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<uint8_t>(s[i]);
    if (b == 0) {
      *where = i;
      return true;
    }
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b) {
      if (controls++ == 0) *where = i;
    }
  }
  return controls * 100 > s.size();
}

std::string DetectLanguageByCodePoint(const std::string& text) {
  size_t han = 0, letters = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), 1u << 20));
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (c < 0x80) {
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++letters;
    } else if (IsHanScript(c)) {
      ++han;
    } else if (u_isalpha(c)) {
      ++letters;
    }
  }
  return han * 20 >= han + letters && han > 0 ? "zh" : "en";
}

// Pieces of report text and of broken text: ASCII letters, digits, blanks and the ASCII label marks;
// Han at both ends of both blocks and between them, compatibility ideographs, extension B; CJK and
// full-width punctuation and the chart markers; U+0800 (lead E0), U+D7FF (lead ED), a surrogate,
// U+E000 and U+FFFF; two- and four-byte sequences; stray continuation bytes, overlong forms, cut
// sequences, bytes never in UTF-8, code points above U+10FFFF.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> k = {
      "a", "Z", "q", "7", "0", " ", "\t", ",", ":", ";", "!", "?", ".", "%", "\n", "\x7f", "\x01",
      "一", "鿿", "㐀", "䶿", "䷀", "中", "国", "员", "工", "ꀀ", "豈", "﫿", "\xf0\xa0\x80\x80",
      "，", "。", "；", "、", "：", "！", "？", "《", "》", "（", "）", "１", "Ａ", "ｚ", "　",
      "■", "□", "●", "○", "◆", "◇", "▲", "△", "▼", "•", "〇", "★", "☆", "—", "…",
      "\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xee\x80\x80", "\xef\xbf\xbf", "é", "ß", "Ω",
      "\xf0\x9f\x98\x80", "\x80", "\xbf", "\xc0\x80", "\xe0\x80\x80", "\xe4\xb8", "\xe4", "\xe9\xbf",
      "\xef\xbc", "\xff", "\xfe", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xe1\x80\x80",
      "\xec\xbf\xbf", "\xe3\x80\x82x", "\xe4\xb8\xc0", "\xe4\x40\x80"};
  return k;
}

std::string RandomText(std::mt19937* rng) {
  const std::vector<std::string>& pieces = Pieces();
  std::uniform_int_distribution<size_t> count(0, 40);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::string s;
  const size_t n = count(*rng);
  // A third mostly ASCII (the first 17 pieces): runs of eight and more ASCII bytes.
  const bool ascii = (*rng)() % 3 == 0;
  for (size_t k = 0; k < n; ++k) s += pieces[ascii && (*rng)() % 10 != 0 ? (*rng)() % 17 : pick(*rng)];
  // A quarter cut at any byte: a sequence may end the buffer half-written.
  if ((*rng)() % 4 == 0 && !s.empty()) s.resize((*rng)() % s.size());
  return s;
}

TEST(Utf8FastPathsTest, PlainThreeByteSequencesDecodeAsIcuAndBoostReadThem) {
  size_t taken = 0;
  for (int lead = 0x80; lead <= 0xff; ++lead) {
    for (int second = 0; second <= 0xff; ++second) {
      for (int third = 0; third <= 0xff; ++third) {
        const unsigned char b[3] = {static_cast<unsigned char>(lead), static_cast<unsigned char>(second),
                                    static_cast<unsigned char>(third)};
        const char32_t fast = PlainThreeByteAt(b, 3);
        // Cut short, never a sequence.
        ASSERT_EQ(PlainThreeByteAt(b, 2), 0u);
        if (fast == 0) continue;
        ++taken;
        int32_t i = 0;
        UChar32 icu;
        U8_NEXT(b, i, 3, icu);
        ASSERT_EQ(static_cast<UChar32>(fast), icu) << std::hex << lead << " " << second << " " << third;
        ASSERT_EQ(i, 3);
        const char* p = reinterpret_cast<const char*>(b);
        const auto boost = boost::locale::utf::utf_traits<char>::decode(p, p + 3);
        ASSERT_EQ(static_cast<boost::locale::utf::code_point>(fast), boost);
        ASSERT_TRUE(fast >= 0x1000 && (fast <= 0xcfff || fast >= 0xe000) && fast <= 0xffff);
      }
    }
  }
  // Every lead E1-EC, EE, EF with two continuation bytes: 14 x 64 x 64.
  EXPECT_EQ(taken, 14u * 64 * 64);
  EXPECT_EQ(PlainThreeByteAt(reinterpret_cast<const unsigned char*>("中"), 3), U'中');
  EXPECT_EQ(PlainThreeByteAt(reinterpret_cast<const unsigned char*>("\xe0\xa0\x80"), 3), 0u);  // E0
  EXPECT_EQ(PlainThreeByteAt(reinterpret_cast<const unsigned char*>("\xed\x9f\xbf"), 3), 0u);  // ED
  EXPECT_EQ(PlainThreeByteAt(reinterpret_cast<const unsigned char*>("abc"), 3), 0u);
}

TEST(Utf8FastPathsTest, FastScansAgreeWithTheirCodePointLoops) {
  std::mt19937 rng(20261201);
  size_t han = 0, latin = 0, invalid = 0, valid = 0, zh = 0, en = 0, punct_seen = 0, cut = 0;
  size_t binaries = 0, texts = 0, nul = 0;
  for (int round = 0; round < 40000; ++round) {
    const std::string s = RandomText(&rng);
    size_t h1, l1, h2, l2;
    CountHanAndLatin(s, &h1, &l1);
    CountHanAndLatinByCodePoint(s, &h2, &l2);
    ASSERT_EQ(h1, h2) << s;
    ASSERT_EQ(l1, l2) << s;
    han += h1;
    latin += l1;

    for (size_t limit : {size_t{SIZE_MAX - 1}, size_t{24}, size_t{3}, size_t{0}}) {
      bool d1, p1, c1, d2, p2, c2;
      const size_t n1 = FigureLetters(s, &d1, &p1, &c1, limit);
      const size_t n2 = FigureLettersByCodePoint(s, &d2, &p2, &c2, limit);
      ASSERT_EQ(n1, n2) << s << " " << limit;
      ASSERT_EQ(d1, d2) << s << " " << limit;
      ASSERT_EQ(p1, p2) << s << " " << limit;
      ASSERT_EQ(c1, c2) << s << " " << limit;
      punct_seen += p1 ? 1 : 0;
      cut += n1 == limit + 1 ? 1 : 0;
    }

    const size_t bad = FirstInvalidUtf8(s);
    ASSERT_EQ(bad, FirstInvalidUtf8ByCodePoint(s)) << s;
    (bad == std::string_view::npos ? valid : invalid) += 1;


    // The binary test on the text with NUL, control and whitespace bytes strewn in (one in a
    // hundred bytes is its threshold) or none; with the bytes beside the blanks \t-\r and ESC.
    std::string b = s;
    const unsigned strew = rng() % 4;
    for (size_t k = 0; k < b.size() && strew != 0; ++k) {
      if (rng() % (strew * 40) == 0) b[k] = "\0\x01\x1b\v\f\r\n\t\x1f\x7f\0\x08\x0e\x1a\x1c\x20"[rng() % 16];
    }
    size_t w1 = 12345, w2 = 12345;
    const bool binary = LooksBinary(b, &w1);
    ASSERT_EQ(binary, LooksBinaryByteByByte(b, &w2));
    ASSERT_EQ(w1, w2);
    (binary ? binaries : texts) += 1;
    nul += b.find('\0') != std::string::npos ? 1 : 0;

    const std::string lang = DetectLanguage(s);
    ASSERT_EQ(lang, DetectLanguageByCodePoint(s)) << s;
    (lang == "zh" ? zh : en) += 1;
  }
  // Each answer came both ways, many times.
  EXPECT_GT(han, 50000u);
  EXPECT_GT(latin, 10000u);
  EXPECT_GT(valid, 1000u);
  EXPECT_GT(invalid, 10000u);
  EXPECT_GT(zh, 1000u);
  EXPECT_GT(en, 1000u);
  EXPECT_GT(punct_seen, 10000u);
  EXPECT_GT(cut, 10000u);
  EXPECT_GT(binaries, 3000u);
  EXPECT_GT(texts, 10000u);
  EXPECT_GT(nul, 1000u);
}

// FigureLetters reads ASCII eight bytes at a time while its count stays within the limit: random
// texts of long ASCII runs (letters, blanks, tabs, digits, the five marks, other punctuation) broken
// by Han, full-width marks or a cut sequence, with every limit up to 40: the code point loop's
// count and flags, the flags only of what it read before the limit.
TEST(Utf8FastPathsTest, FigureLettersOfAsciiRunsIsTheCodePointLoop) {
  const std::string ascii = "abcXYZ      \t\t0123456789,:;!?.-()%";
  const std::vector<std::string> breaks = {"中", "，", "■", "\xe4\xb8", "\x80"};
  std::mt19937 rng(510);
  size_t stopped = 0, marks = 0, digits = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (size_t k = rng() % 5; k > 0; --k) {
      for (size_t b = rng() % 40; b > 0; --b) s += ascii[rng() % ascii.size()];
      if (rng() % 2 == 0) s += breaks[rng() % breaks.size()];
    }
    for (size_t limit : {static_cast<size_t>(rng() % 41), size_t{SIZE_MAX - 1}}) {
      bool d1, p1, c1, d2, p2, c2;
      const size_t n1 = FigureLetters(s, &d1, &p1, &c1, limit);
      ASSERT_EQ(n1, FigureLettersByCodePoint(s, &d2, &p2, &c2, limit)) << s << " " << limit;
      ASSERT_EQ(d1, d2) << s << " " << limit;
      ASSERT_EQ(p1, p2) << s << " " << limit;
      ASSERT_EQ(c1, c2) << s << " " << limit;
      stopped += n1 == limit + 1;
      marks += p1;
      digits += d1;
    }
  }
  EXPECT_GT(stopped, 5000u);
  EXPECT_GT(marks, 10000u);
  EXPECT_GT(digits, 10000u);
}

// The loader's UTF-8 check passes runs of three-byte sequences in a loop of their own: random runs
// of them with every lead byte from E0 to EF (E0 and ED among them, which the run leaves to the
// general decode: overlong and surrogate forms), continuation bytes at both ends of their range and
// bytes that are none, between ASCII and longer runs, cut at any byte: the code point loop's answer.
TEST(Utf8FastPathsTest, FirstInvalidUtf8OfThreeByteRunsIsTheCodePointLoop) {
  std::mt19937 rng(51);
  const unsigned char seconds[] = {0x80, 0x9f, 0xa0, 0xbf, 0x7f, 0xc0, 0x41};
  size_t invalid = 0, valid = 0, surrogate_or_overlong = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string s;
    for (size_t k = rng() % 30; k > 0; --k) {
      const unsigned r = rng() % 100;
      if (r < 10) {
        s += "ab"[rng() % 2];
      } else if (r < 12) {
        s += "\xf0\x9f\x98\x80";
      } else {
        const unsigned char lead = static_cast<unsigned char>(0xe0 + rng() % 16);
        // Mostly well-formed continuation bytes; now and then one that is none.
        const unsigned char b1 = rng() % 12 == 0 ? seconds[4 + rng() % 3] : seconds[rng() % 4];
        const unsigned char b2 = rng() % 12 == 0 ? seconds[4 + rng() % 3] : static_cast<unsigned char>(0x80 + rng() % 0x40);
        s += static_cast<char>(lead);
        s += static_cast<char>(b1);
        s += static_cast<char>(b2);
        surrogate_or_overlong += lead == 0xe0 || lead == 0xed;
      }
    }
    if (rng() % 4 == 0 && !s.empty()) s.resize(rng() % s.size());
    const size_t bad = FirstInvalidUtf8(s);
    ASSERT_EQ(bad, FirstInvalidUtf8ByCodePoint(s)) << s;
    (bad == std::string_view::npos ? valid : invalid) += 1;
  }
  EXPECT_GT(valid, 5000u);
  EXPECT_GT(invalid, 50000u);
  EXPECT_GT(surrogate_or_overlong, 100000u);
}

// DetectLanguage reads ASCII eight bytes at a time and stops once the bytes left cannot turn "zh"
// into "en": texts of 4 KB to 150 KB (and two past the 1 MB it reads), each a first part of one mix
// and a rest of another (Han first and letters after, either way, near the one-in-twenty threshold),
// must get what the code point loop gives on every byte.
TEST(Utf8FastPathsTest, DetectLanguageOfLongTextsIsTheCodePointLoops) {
  const std::vector<std::string> han = {"社会责任报告", "员工", "排放量", "\xe3\x90\x80", "\xe4\xb8\x80", "\xe9\xbf\xbf"};
  const std::vector<std::string> letters = {"report", "Scope", "GRI", "z", "A", "@[`{", "\xc3\xa9t\xc3\xa9",
                                            "\xd0\x96"};
  const std::vector<std::string> other = {" ", "2023", "\n", ",", "\xef\xbc\x8c", "\xff", "\xe4\xb8", "\x80",
                                          "12.5%", "\t"};
  std::mt19937_64 rng(20261202);
  auto part = [&](size_t bytes, unsigned han_weight, unsigned letter_weight, std::string* out) {
    const size_t stop = out->size() + bytes;
    while (out->size() < stop) {
      const unsigned r = static_cast<unsigned>(rng() % (han_weight + letter_weight + 10));
      const std::vector<std::string>& from = r < han_weight ? han : r < han_weight + letter_weight ? letters : other;
      *out += from[rng() % from.size()];
    }
  };
  size_t zh = 0, en = 0, turned = 0;
  for (int k = 0; k < 240; ++k) {
    std::string s;
    const size_t first = 1000 + rng() % 30000, rest = 3000 + rng() % (k % 2 == 0 ? 20000 : 120000);
    part(first, static_cast<unsigned>(rng() % 4), static_cast<unsigned>(rng() % 80), &s);
    part(rest, static_cast<unsigned>(rng() % 4), static_cast<unsigned>(rng() % 80), &s);
    if (k < 2) part((1u << 20) + 1000 - s.size(), k == 0 ? 1 : 30, 40, &s);
    const std::string lang = DetectLanguage(s);
    ASSERT_EQ(lang, DetectLanguageByCodePoint(s)) << k;
    (lang == "zh" ? zh : en) += 1;
    turned += DetectLanguageByCodePoint(s.substr(0, first)) != lang ? 1 : 0;
  }
  EXPECT_GT(zh, 60u);
  EXPECT_GT(en, 60u);
  EXPECT_GT(turned, 10u);  // the rest changed the first part's answer
  EXPECT_EQ(DetectLanguage(std::string(5000, 'a') + std::string(1000, 'b')), "en");
  std::string flips;
  for (int k = 0; k < 2000; ++k) flips += "报告";  // 4,000 Han in 12,000 bytes, then 76,001 letters
  EXPECT_EQ(DetectLanguage(flips + std::string(76000, 'x')), "zh");
  EXPECT_EQ(DetectLanguage(flips + std::string(76001, 'x')), "en");
}

// CountAsciiLetterWords (DetectLanguage's and CountHanAndLatin's eight-byte reading): every ASCII
// byte at every place of a word, among random ASCII bytes, counted as the byte-by-byte test counts
// them; it stops before the first word holding a byte from 0x80, and before fewer than eight bytes.
TEST(Utf8FastPathsTest, AsciiLetterWordsCountAsTheBytesDo) {
  std::mt19937_64 rng(8);
  auto letter = [](unsigned char b) { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'); };
  for (int round = 0; round < 200; ++round) {
    for (unsigned b = 0; b < 0x80; ++b) {
      unsigned char text[19];
      for (unsigned char& c : text) c = static_cast<unsigned char>(rng() % 0x80);
      text[rng() % 16] = static_cast<unsigned char>(b);
      const size_t high = rng() % 24;  // a byte from 0x80 there (none when past the text)
      if (high < sizeof text) text[high] = static_cast<unsigned char>(0x80 + rng() % 0x80);
      size_t letters = 7, expected = 7;
      const size_t read = CountAsciiLetterWords(text, sizeof text, &letters);
      const size_t words = std::min<size_t>(high, sizeof text) / 8;
      ASSERT_EQ(read, words * 8) << b << " " << high;
      for (size_t k = 0; k < read; ++k) expected += letter(text[k]) ? 1 : 0;
      ASSERT_EQ(letters, expected) << b << " " << high;
    }
  }
  size_t letters = 0;
  EXPECT_EQ(CountAsciiLetterWords(reinterpret_cast<const unsigned char*>("@AZ[`az{"), 8, &letters), 8u);
  EXPECT_EQ(letters, 4u);
  EXPECT_EQ(CountAsciiLetterWords(reinterpret_cast<const unsigned char*>("abcdefg"), 7, &letters), 0u);
}

TEST(Utf8FastPathsTest, HandWrittenCases) {
  size_t han = 0, latin = 0;
  CountHanAndLatin("GRI 报告 2023，豈\xe4\xb8", &han, &latin);
  EXPECT_EQ(han, 3u);  // 报, 告, 豈 (a compatibility ideograph, decoded the general way)
  EXPECT_EQ(latin, 3u);
  bool digit, punct, cjk;
  EXPECT_EQ(FigureLetters("员工 总数", &digit, &punct, &cjk), 4u);
  EXPECT_TRUE(cjk);
  EXPECT_FALSE(digit || punct);
  EXPECT_EQ(FigureLetters("■ 男 79%", &digit, &punct, &cjk), 5u);
  EXPECT_TRUE(digit && punct && cjk);
  EXPECT_EQ(FigureLetters("〇", &digit, &punct, &cjk), 1u);  // a marker, outside the Han blocks
  EXPECT_TRUE(punct);
  EXPECT_FALSE(cjk);
  EXPECT_EQ(FigureLetters("员工总数", &digit, &punct, &cjk, 2), 3u);  // stops after the limit
  EXPECT_EQ(FirstInvalidUtf8("中文ab\xed\xa0\x80"), 8u);  // a surrogate
  EXPECT_EQ(FirstInvalidUtf8("中文\xe4\xb8"), 6u);        // cut
  EXPECT_EQ(FirstInvalidUtf8("中文\xef\xbf\xbf"), std::string_view::npos);
  EXPECT_EQ(DetectLanguage("本报告 GRI"), "zh");
  EXPECT_EQ(DetectLanguage("sustainability report of the year 报"), "en");  // 30 letters, one Han
}

}  // namespace
}  // namespace esgaudit
