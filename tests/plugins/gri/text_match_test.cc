#include "text_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "random_draw.h"

namespace esgaudit::gri {
namespace {

TEST(GriTextMatch, LiteralAndAllPartsOnOneLine) {
  size_t pos = 0;
  size_t len = 0;
  EXPECT_TRUE(MatchPattern("本年度温室气体排放总量", "温室气体排放", &pos, &len));
  EXPECT_EQ(pos, 9u);
  EXPECT_EQ(len, std::string("温室气体排放").size());
  EXPECT_TRUE(MatchPattern("董事会审议通过了本报告", "董事会&审议&报告", &pos, &len));
  EXPECT_EQ(pos, 0u);
  EXPECT_FALSE(MatchPattern("董事会审议通过了预算", "董事会&审议&报告", &pos, &len));
}

TEST(GriTextMatch, AsciiPartsStartAWord) {
  size_t pos = 0;
  size_t len = 0;
  EXPECT_TRUE(MatchPattern("no ods were used", "ods", &pos, &len));
  EXPECT_FALSE(MatchPattern("sold goods and methods", "ods", &pos, &len));
  EXPECT_TRUE(MatchPattern("delegation of authority", "delegat", &pos, &len));
  EXPECT_TRUE(MatchPattern("(scope 1) emissions", "scope 1", &pos, &len));
  EXPECT_FALSE(MatchPattern("telescope 1", "scope 1", &pos, &len));
}

TEST(GriTextMatch, ContainsWordNeedsBothBoundaries) {
  EXPECT_TRUE(ContainsWord("参考gri标准", "gri"));
  EXPECT_TRUE(ContainsWord("the gri standards", "gri"));
  EXPECT_FALSE(ContainsWord("agriculture", "gri"));
  EXPECT_FALSE(ContainsWord("grid operators", "gri"));
}

TEST(GriTextMatch, QuoteFoldsSpaceAndCutsAtCharacters) {
  EXPECT_EQ(Quote("  员工    总数  ", 2, 6), "员工 总数");
  std::string line;
  for (int i = 0; i < 40; ++i) line += "字";
  std::string q = Quote(line, 60, 3, 30);
  EXPECT_EQ(q.rfind("…", 0), 0u);
  EXPECT_NE(q.find("字字字"), std::string::npos);
  EXPECT_EQ(q.size() % 3, 0u);  // whole characters only ("…" is 3 bytes too)
}

// A quote reads only a window of a long line around its match: it must be the whole line's quote,
// wherever the match lies (at either end, in or beside blank runs, beyond the line), however the
// line mixes scripts, blanks and broken UTF-8 (stray continuation bytes, long runs of them across
// the window's edge, a lead byte cut off).
// The line with its whitespace runs folded to one space and none at either end, made otherwise than
// Quote makes it (split into words and joined): what a quote of the whole line is, uncut.
std::string FoldedBySplitting(std::string_view line) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  std::vector<std::string_view> words;
  for (size_t i = 0; i < line.size();) {
    const size_t from = i;
    while (i < line.size() && !is_space(line[i])) ++i;
    if (i > from) words.push_back(line.substr(from, i - from));
    while (i < line.size() && is_space(line[i])) ++i;
  }
  std::string out;
  for (std::string_view w : words) out += std::string(out.empty() ? "" : " ") + std::string(w);
  return out;
}

TEST(GriTextMatch, AQuoteOfALongLineIsTheWholeLinesQuote) {
  const std::vector<std::string> pieces = {"a", "Z", "7", " ", "  ", "\t", "\n", "\r\f\v", "员", "。", "　",
                                           "１", "\x80", "\xE3", "\xE3\x80", "€", "😀", "\xBF\xBF\xBF\xBF\xBF"};
  testing::Draw next(12345);
  std::vector<std::string> lines;
  for (int k = 0; k < 300; ++k) {
    std::string line;
    const uint32_t parts = next(260);
    for (uint32_t i = 0; i < parts; ++i) line += pieces[next(static_cast<uint32_t>(pieces.size()))];
    lines.push_back(line);
  }
  lines.push_back(std::string(500, ' ') + "员工总数" + std::string(500, ' '));
  lines.push_back(std::string(400, 'x') + std::string(200, '\x80') + "match" + std::string(200, '\x80') + std::string(400, 'y'));
  lines.push_back("match" + std::string(300, '\x9F'));
  lines.push_back(std::string(300, '\x9F') + "match");
  size_t compared = 0;
  for (const std::string& line : lines) {
    std::vector<size_t> positions = {0, line.size() / 2, line.size(), line.size() + 1};
    for (int r = 0; r < 12; ++r) positions.push_back(next(static_cast<uint32_t>(line.size() + 1)));
    if (line.find("match") != std::string::npos) positions.push_back(line.find("match"));
    for (size_t pos : positions) {
      for (size_t len : {size_t{0}, size_t{1}, size_t{3}, size_t{5}, size_t{40}, size_t{200}}) {
        for (size_t max_bytes : {size_t{0}, size_t{1}, size_t{7}, size_t{30}, size_t{72}}) {
          const std::string whole = QuoteWholeLine(line, pos, len, max_bytes);
          ASSERT_EQ(Quote(line, pos, len, max_bytes), whole)
              << "line of " << line.size() << " bytes, pos " << pos << ", len " << len << ", max " << max_bytes;
          if (pos <= line.size() && len <= line.size() - pos) {
            ASSERT_EQ(QuoteWholeLine(line, pos, len, line.size()), FoldedBySplitting(line))
                << "line of " << line.size() << " bytes";
          }
          ++compared;
        }
      }
    }
  }
  EXPECT_GT(compared, 100000u);
}

// The clause walks' test for a full stop is string_view::compare's, without the call: near misses
// are 、 (E3 80 81), 〃, a full stop cut off at the end of the text, and bytes of other characters.
TEST(GriTextMatch, FullStopAtIsCompareWithTheFullStop) {
  const std::string text = std::string("a。b、c〃。") + "\xE3\x80" + "。\xE3" + "\x80\x82\x82" + "。" + "\xE3\x80";
  size_t stops = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const std::string_view s(text);
    EXPECT_EQ(FullStopAt(s, i), s.compare(i, 3, "。") == 0) << i;
    stops += FullStopAt(s, i);
  }
  EXPECT_EQ(stops, 5u);
  EXPECT_FALSE(FullStopAt("\xE3\x80", 0));
}

TEST(GriTextMatch, TrimAndSqueeze) {
  EXPECT_EQ(Trim(" | 2-1 |\t"), "2-1");
  EXPECT_EQ(Squeeze("目 录"), "目录");
}

// ClauseAround passes over the bytes no separator opens with on a table look-up; the reference is
// the test of every byte it made before, written out here. Random lines of the separators (。 ; ! ?,
// commas between digits and not, 。 cut short), digits, decimals, Han, letters, 、 and ， (E3 and EF
// lead bytes that open no separator or another character), broken UTF-8, each number position and
// both windows the plugin uses.
TEST(GriTextMatch, ClauseAroundCutsAtTheSeparatorsTheByteTestFinds) {
  auto reference = [](std::string_view line, size_t at, size_t window_before, size_t window_after) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    auto separator = [&](size_t i) {
      char c = line[i];
      if (c == ';' || c == '!' || c == '?') return true;
      if (c == ',') return !(i > 0 && digit(line[i - 1]) && i + 1 < line.size() && digit(line[i + 1]));
      return FullStopAt(line, i);
    };
    size_t from = at > window_before ? at - window_before : 0;
    for (size_t i = at; i-- > from;) {
      if (separator(i)) {
        from = i + 1;
        break;
      }
    }
    size_t num_end = at;
    while (num_end < line.size() &&
           (digit(line[num_end]) || line[num_end] == '.' ||
            (line[num_end] == ',' && num_end + 1 < line.size() && digit(line[num_end + 1]))))
      ++num_end;
    size_t to = std::min(line.size(), at + window_after);
    for (size_t i = num_end; i < to; ++i) {
      if (separator(i)) {
        to = i;
        break;
      }
    }
    while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
    while (to > from && to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) --to;
    return to > from ? line.substr(from, to - from) : std::string_view();
  };
  const std::vector<std::string> pieces = {"。", ";", "!", "?", ",", "1,234", "5.01%", "24", "合同签订率为", "a b",
                                           "、", "，", "\xE3\x80", "\xE3", "\x82", "\x80", "年", ".", " ", "rate"};
  testing::Draw next(4545);
  size_t cut = 0;
  for (int k = 0; k < 4000; ++k) {
    std::string line;
    const uint32_t parts = next(24);
    for (uint32_t i = 0; i < parts; ++i) line += pieces[next(static_cast<uint32_t>(pieces.size()))];
    for (size_t at = 0; at <= line.size(); ++at) {
      for (const auto& [before, after] : {std::pair<size_t, size_t>{36, 24}, {60, 60}}) {
        const std::string_view want = reference(line, at, before, after);
        const std::string_view got = ClauseAround(line, at, before, after);
        ASSERT_EQ(got, want) << line << " at " << at;
        ASSERT_EQ(got.data(), want.data()) << line << " at " << at;
        cut += !want.empty() && want.size() < std::min(line.size(), before + after);
      }
    }
  }
  EXPECT_GT(cut, 20000u);
  EXPECT_EQ(ClauseAround("合同签订率为100%,推进集体合同", 18, 36, 24), "合同签订率为100%");
}

// SqueezeInto writes into a string kept from line to line: random texts of every ASCII blank among
// CJK, letters and broken UTF-8, squeezed one after another into one string (longer and shorter than
// what it held), against the byte loop written out here.
TEST(GriTextMatch, SqueezeIntoAKeptStringIsTheByteLoop) {
  const std::vector<std::string> pieces = {" ", "\t", "\r", "\n", "\f", "\v", "目", "录", "a", "GRI", "2-1",
                                           "\xE3\x80\x80", "\x80", "\xE3", "|", "."};
  testing::Draw next(4242);
  std::string kept = "a text held before";
  size_t dropped = 0;
  for (int k = 0; k < 5000; ++k) {
    std::string text;
    const uint32_t parts = next(40);
    for (uint32_t i = 0; i < parts; ++i) text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    std::string want;
    for (char c : text) {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') want += c;
    }
    SqueezeInto(text, &kept);
    ASSERT_EQ(kept, want) << k;
    ASSERT_EQ(Squeeze(text), want) << k;
    dropped += text.size() - want.size();
  }
  EXPECT_GT(dropped, 10000u);
}

// FindEvidence searches a label only when the figure's label text holds every byte pair of it:
// sound only if no string that occurs in a text is ever ruled out.
TEST(GriTextMatch, BytePairsNeverRuleOutAStringTheTextHolds) {
  const std::string text = "员工总数 1,774 人\nscope 1 ghg emissions (tco2e)\n女性管理者占比 24.5%";
  BytePairs pairs;
  pairs.Fill(text);
  for (size_t i = 0; i < text.size(); ++i) {
    for (size_t n = 1; i + n <= text.size() && n <= 16; ++n) {
      EXPECT_TRUE(pairs.MayHold(BytePairs::Of(text.substr(i, n)))) << i << " " << n;
    }
  }
  EXPECT_TRUE(pairs.MayHold(BytePairs::Of("x")));  // one byte: no pair to test
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("温室气体")));
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("headcount")));
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("员工总数人")));  // each character is there, not each pair
  pairs.Fill("headcount");
  EXPECT_TRUE(pairs.MayHold(BytePairs::Of("headcount")));
  EXPECT_FALSE(pairs.MayHold(BytePairs::Of("员工")));  // Fill forgets the text before
}

// MayMatchingNeeds walks the hashes a figure's text shares with the labels' first pairs by
// ForEachCommon: exactly the hashes both sets have (Has of each of the 4,096), each once and in
// increasing order, on sets made by Add (the words' first and last bits among them) and by Fill.
TEST(GriTextMatch, ForEachCommonVisitsExactlyTheHashesBothSetsHave) {
  std::mt19937 rng(11);
  size_t common_seen = 0;
  for (int round = 0; round < 300; ++round) {
    BytePairs a, b;
    const int na = static_cast<int>(rng() % 600), nb = static_cast<int>(rng() % 600);
    for (int k = 0; k < na; ++k) a.Add(static_cast<uint16_t>(rng() % BytePairs::kBits));
    if (round % 3 == 0) {
      std::string text;
      for (int k = 0; k < nb; ++k) text.push_back(static_cast<char>(rng() % 256));
      b.Fill(text);
    } else {
      for (int k = 0; k < nb; ++k) b.Add(static_cast<uint16_t>(rng() % BytePairs::kBits));
    }
    for (uint16_t edge : {0, 63, 64, 127, 4032, 4095}) {
      if (rng() % 2) a.Add(edge);
      if (rng() % 2) b.Add(edge);
    }
    std::vector<uint16_t> want;
    for (size_t h = 0; h < BytePairs::kBits; ++h) {
      if (a.Has(static_cast<uint16_t>(h)) && b.Has(static_cast<uint16_t>(h))) want.push_back(static_cast<uint16_t>(h));
    }
    std::vector<uint16_t> got;
    a.ForEachCommon(b, [&](uint16_t h) { got.push_back(h); });
    EXPECT_EQ(got, want) << round;
    common_seen += want.size();
  }
  EXPECT_GT(common_seen, 3000u);
  BytePairs one;
  one.Add(4095);
  EXPECT_TRUE(one.Has(4095));
  EXPECT_FALSE(one.Has(4094));
  EXPECT_FALSE(one.Has(63));
}

// TextBytesExceed against TextByteCount: on random lines of marks, blanks and text, any sequence of
// limits asked of one read (rising, falling, repeated) answers TextByteCount(s) > limit each time,
// and never reads further than the first place where the count passes the largest limit asked.
TEST(GriTextMatch, TextBytesExceedIsTheCountAgainstTheLimit) {
  const std::vector<std::string> pieces = {" ", "\t", "#", "*", "|", "a", "12.5", "报告", "\xe3\x80\x80",
                                           "        ", "|  |  |", "abcdefghij"};
  testing::Draw draw(5612);
  size_t passed = 0, not_passed = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    for (uint32_t k = draw(16); k > 0; --k) line += pieces[draw(static_cast<uint32_t>(pieces.size()))];
    const size_t total = TextByteCount(line);
    TextBytesRead read;
    size_t largest = 0;
    for (uint32_t q = draw(5) + 1; q > 0; --q) {
      const size_t limit = draw(static_cast<uint32_t>(total + 10));
      largest = std::max(largest, limit);
      const bool exceeds = TextBytesExceed(line, limit, &read);
      ASSERT_EQ(exceeds, total > limit) << round << " " << line << " " << limit;
      (exceeds ? passed : not_passed) += 1;
      ASSERT_EQ(read.count, TextByteCount(std::string_view(line).substr(0, read.pos))) << round;
      // Read at most eight bytes past the place the count first passed the largest limit.
      size_t first = 0;
      while (first < line.size() && TextByteCount(std::string_view(line).substr(0, first)) <= largest) ++first;
      ASSERT_LE(read.pos, std::min(line.size(), first + 7)) << round << " " << line;
    }
  }
  EXPECT_GT(passed, 5000u);
  EXPECT_GT(not_passed, 5000u);
}

// SqueezeInto and TextByteCount against the byte loops they replace, on every piece of random lines
// of whitespace of each kind, the marks, bytes just below and above them (0x08, 0x0E, 0x1F, 0x21,
// '"', '+', '{', '}'), DEL, multi-byte UTF-8 (its bytes from 0x80, a word's high bits) and plain
// ASCII, from the empty text through lengths around eight and sixteen; into a string that held text
// before.
TEST(GriTextMatch, EightAtATimeLoopsAreTheByteLoops) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  auto not_mark = [](char c) { return c != '#' && c != '*' && c != ' ' && c != '\t' && c != '|'; };
  const std::vector<std::string> pieces = {" ",  "\t", "\r", "\n", "\f", "\v", "#", "*", "|", "\x08", "\x0e", "\x1f",
                                           "!",  "\"", "+",  "{",  "}",  "\x7f", "\x80", "\xa0", "中", "，", "a",
                                           "Z9", "abcdefgh", "报告期间"};
  std::mt19937 rng(4812);
  std::string kept = "held before";
  size_t squeezed = 0, counted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string line;
    for (int k = static_cast<int>(rng() % 14); k > 0; --k) line += pieces[rng() % pieces.size()];
    for (size_t b = 0; b <= line.size(); ++b) {
      for (size_t e = b; e <= line.size() && e <= b + 20; ++e) {
        const std::string_view s = std::string_view(line).substr(b, e - b);
        std::string want;
        for (char c : s)
          if (!is_space(c)) want += c;
        SqueezeInto(s, &kept);
        ASSERT_EQ(kept, want) << round << " " << b << " " << e;
        ASSERT_EQ(TextByteCount(s), static_cast<size_t>(std::count_if(s.begin(), s.end(), not_mark)))
            << round << " " << b << " " << e;
        squeezed += want.size();
        counted += s.size();
      }
    }
  }
  EXPECT_GT(counted, 100000u);
  EXPECT_EQ(Squeeze(""), "");
  EXPECT_EQ(TextByteCount(""), 0u);
  EXPECT_EQ(TextByteCount("# **12.5** | t"), 5u);
  EXPECT_GT(squeezed, 50000u);
}

}  // namespace
}  // namespace esgaudit::gri
