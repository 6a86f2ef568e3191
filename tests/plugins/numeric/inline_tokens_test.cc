// The tokenizer of relations stated in running text (inline_tokens.h): its fast path (ASCII and
// three-byte UTF-8 decoded inline, runs of plain text taken without the word tests) gives what the
// general path gives, on random input built to hit the cases where they could part.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "inline_tokens.h"

namespace esgaudit::numeric {
namespace {

// Words of the shape the relation analysis passes (lower case, no spaces), plus one opening beyond
// U+FFFF and one opening with punctuation, so those paths are taken too.
InlineTokenizer::Words TestWords() {
  InlineTokenizer::Words w;
  w.subset = {U"其中包括", U"其中", U"包括", U"ofwhich", U"including"};
  w.total = {U"atotalof", U"intotal", U"合计", U"共计", U"总数", U"total", U"共"};
  w.not_total = {U"共同", U"共享"};
  w.composition = {U"构成", U"分布", U"\U0001F4CA比"};
  w.per_period = {U"/小时", U"/日"};
  w.clause_names_rate = [](const std::u32string& clause) { return clause.find(U'率') != std::u32string::npos; };
  return w;
}

std::string Render(const std::vector<Token>& toks, const std::vector<char32_t>& text_char) {
  std::string out;
  for (size_t k = 0; k < toks.size(); ++k) {
    const Token& t = toks[k];
    out += "[" + std::to_string(static_cast<int>(t.type)) + " " + std::to_string(t.figure) + " " +
           std::to_string(t.semicolon) + std::to_string(t.rate) + std::to_string(t.sum) + std::to_string(t.including) + std::to_string(t.contains) + std::to_string(t.gong) +
           " " + std::to_string(static_cast<uint32_t>(text_char[k])) + "]";
  }
  return out;
}

// One letter per token: F figure, S subset, T total (t: a sum word), C composition (c: after a rate),
// & enum, ',' comma, '.' end (';' a semicolon), ( ), and the code point of a text token as '_'.
std::string Shape(const std::vector<Token>& toks) {
  std::string out;
  for (const Token& t : toks) {
    switch (t.type) {
      case Tok::kFact: out += 'F'; break;
      case Tok::kSubset: out += t.including ? 'I' : 'S'; break;
      case Tok::kTotal: out += t.sum ? 't' : 'T'; break;
      case Tok::kCompose: out += t.rate ? 'c' : 'C'; break;
      case Tok::kEnum: out += '&'; break;
      case Tok::kComma: out += ','; break;
      case Tok::kEnd: out += t.semicolon ? ';' : '.'; break;
      case Tok::kText: out += '_'; break;
      case Tok::kOpen: out += '('; break;
      case Tok::kClose: out += ')'; break;
    }
  }
  return out;
}

// Tokens of `text` (UTF-8, spaces dropped) with figures at the given (byte offset, byte length).
std::string Tokens(const std::string& text, std::vector<std::pair<uint64_t, uint64_t>> figures,
                   ReadPath path = ReadPath::kFast) {
  std::vector<Cp> cps;
  AppendCodePoints(text, 0, &cps, path);
  std::vector<std::pair<uint64_t, int>> at;
  std::vector<uint64_t> end;
  for (size_t i = 0; i < figures.size(); ++i) {
    at.push_back({figures[i].first, static_cast<int>(i)});
    end.push_back(figures[i].first + figures[i].second);
  }
  const InlineTokenizer tokenizer(TestWords(), at, end);
  std::vector<Token> toks;
  std::vector<char32_t> text_char;
  tokenizer.Tokenize(cps, &toks, &text_char, path);
  EXPECT_EQ(toks.size(), text_char.size());
  return Shape(toks);
}

TEST(InlineTokens, MarkerWordsFiguresAndPunctuationBecomeTokens) {
  const std::string zh = "共有员工120人，其中女性45人、男性75人（合计）。";
  const uint64_t a = zh.find("120"), b = zh.find("45"), c = zh.find("75");
  EXPECT_EQ(Tokens(zh, {{a, 6}, {b, 5}, {c, 5}}), "T___F,S__F&__F(t).");
  // Near misses: 共同 is no total, 共 after 公 or 一 is none either; 其 alone opens no word.
  EXPECT_EQ(Tokens("共同体一共公共其他", {}), "_________");
  // English words whole and caseless; a gap in the offsets (a space) is a word boundary.
  EXPECT_EQ(Tokens("Total 3, subtotal of which including excluding band and", {{6, 1}}),
            "TF,________S" + std::string("I") + "_________" + "____&");
  EXPECT_EQ(Tokens("a total of 5. 3.5", {{11, 1}, {14, 3}}), "TF.F");
  // A per-period tail joins its figure; a slash elsewhere is an enum.
  EXPECT_EQ(Tokens("29710吨/日，其中/x", {{0, 8}}), "F,S&_");
  // A composition word after a rate word; a full-width digit and a word beyond U+FFFF.
  EXPECT_EQ(Tokens("流失率分布：年龄构成１\U0001F4CA比", {}), "___c,__C_C");
}

// The code points of random UTF-8 (AppendCodePoints, ToU32 and AppendU32): every piece kind the fast path treats
// apart, broken sequences, and cuts at any byte (a sequence cut at the buffer's end).
TEST(InlineTokens, FastCodePointsAgreeWithTheGeneralRead) {
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "\t", ".", ",", "\n", "\xEF\xBC\x91" /* １ */, "\xE4\xB8\xAD" /* 中 */, "\xE3\x80\x80",
      "\xC3\xA9" /* é */, "\xF0\x9F\x98\x80" /* U+1F600 */, "\xEF\xBF\xBD", "\x80", "\xBF", "\xE4\xB8", "\xE4",
      "\xC0\xAF" /* overlong */, "\xE0\x80\xAF" /* overlong */, "\xED\xA0\x80" /* surrogate */,
      "\xF4\x90\x80\x80" /* above U+10FFFF */, "\xF8\x88\x80\x80\x80", "\xFF", "\xE0\xA0\x80" /* U+0800 */,
      "\xED\x9F\xBF" /* U+D7FF */, "\xEE\x80\x80" /* U+E000 */};
  std::mt19937 rng(20261201);
  size_t read = 0, thrown = 0;
  std::u32string kept_fast = std::u32string(64, U'x'), kept_general = kept_fast;
  for (int round = 0; round < 60000; ++round) {
    std::string s;
    const int n = 1 + static_cast<int>(rng() % 12);
    const bool clean = rng() % 2 == 0;  // half of the inputs without a broken piece
    for (int k = 0; k < n; ++k) {
      size_t p = rng() % pieces.size();
      if (clean) p = rng() % 14;
      s += pieces[p];
    }
    if (rng() % 4 == 0) s.resize(rng() % (s.size() + 1));  // cut anywhere
    const uint64_t base = rng() % 1000;
    std::vector<Cp> fast{{U'x', 1}}, general{{U'x', 1}};  // appended to, not replaced
    bool fast_threw = false, general_threw = false;
    try {
      AppendCodePoints(s, base, &fast, ReadPath::kFast);
    } catch (const std::out_of_range&) {
      fast_threw = true;
    }
    try {
      AppendCodePoints(s, base, &general, ReadPath::kGeneral);
    } catch (const std::out_of_range&) {
      general_threw = true;
    }
    ASSERT_EQ(fast_threw, general_threw) << testing::PrintToString(s);
    // ToU32 on the same input: the same code points (spaces kept), or a throw on both paths.
    std::u32string fast32, general32;
    bool fast32_threw = false, general32_threw = false;
    try {
      fast32 = ToU32(s, ReadPath::kFast);
    } catch (const std::out_of_range&) {
      fast32_threw = true;
    }
    try {
      general32 = ToU32(s, ReadPath::kGeneral);
    } catch (const std::out_of_range&) {
      general32_threw = true;
    }
    ASSERT_EQ(fast32_threw, general32_threw) << testing::PrintToString(s);
    ASSERT_EQ(general32_threw, general_threw) << testing::PrintToString(s);
    ASSERT_TRUE(fast32 == general32) << testing::PrintToString(s);
    // AppendU32 into a string kept from round to round (its storage longer than what it holds
    // now): what it held, then ToU32's code points, or a throw as ToU32's, on both paths.
    for (ReadPath path : {ReadPath::kFast, ReadPath::kGeneral}) {
      std::u32string& kept = path == ReadPath::kFast ? kept_fast : kept_general;
      kept.resize(rng() % 3, U'k');
      const std::u32string held = kept;
      bool threw = false;
      try {
        AppendU32(s, &kept, path);
      } catch (const std::out_of_range&) {
        threw = true;
      }
      ASSERT_EQ(threw, general32_threw) << testing::PrintToString(s);
      if (!threw) {
        ASSERT_TRUE(kept == held + general32) << testing::PrintToString(s);
      }
    }
    if (general_threw) {
      ++thrown;
      continue;
    }
    ++read;
    ASSERT_EQ(fast.size(), general.size()) << testing::PrintToString(s);
    for (size_t k = 0; k < fast.size(); ++k) {
      ASSERT_EQ(fast[k].c, general[k].c) << testing::PrintToString(s) << " at " << k;
      ASSERT_EQ(fast[k].v, general[k].v) << testing::PrintToString(s) << " at " << k;
    }
    // Every code point but the dropped spaces and tabs, in order.
    size_t kept = 0;
    for (char32_t c : general32) kept += c != U' ' && c != U'\t';
    ASSERT_EQ(kept, general.size() - 1) << testing::PrintToString(s);
  }
  EXPECT_GT(read, 20000u);
  EXPECT_GT(thrown, 10000u);
}

// Random paragraphs of marker words and their near misses, English words at and inside word starts,
// punctuation, digits (full-width too), Han, code points beyond U+FFFF, gaps in the view offsets and
// offsets running backwards (spans out of order); figures at random code points, some over a word,
// some at an offset no code point has, ends inside or past the paragraph.
TEST(InlineTokens, FastTokensAgreeWithTheGeneralPath) {
  const std::vector<std::u32string> pieces = {
      U"其中包括", U"其中", U"其", U"包括", U"包", U"of", U"which", U"including", U"excluding", U"a", U"A",
      U"total", U"Total", U"TOTAL", U"subtotal", U"in", U"and", U"And", U"band", U"an", U"合计", U"共计", U"共",
      U"共同", U"共享", U"公共", U"一共", U"总数", U"构成", U"分布", U"率", U"\U0001F4CA比", U"\U0001F4CA",
      U"\U00020000", U"、", U"和", U"及", U"与", U"/", U"/日", U"/小时", U"（", U"(", U"）", U")", U"，",
      U",", U"：", U":", U"。", U"；", U";", U"！", U"!", U"？", U"?", U".", U"5", U"12.5", U"１２", U"％", U"%",
      U"员工", U"x", U"é", U"\u3000", U"ofwhich", U"intotal"};
  std::mt19937 rng(1201);
  size_t tokens = 0, figures_taken = 0, words = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<Cp> cps;
    uint64_t v = rng() % 50;
    const int n = 1 + static_cast<int>(rng() % 30);
    for (int k = 0; k < n; ++k) {
      for (char32_t c : pieces[rng() % pieces.size()]) {
        cps.push_back({c, v});
        v += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      }
      const unsigned r = rng() % 8;
      if (r == 0) v += 1 + rng() % 3;                // a space
      if (r == 1) v = v > 40 ? v - 40 : v + 100;     // the next span starts elsewhere
    }
    std::vector<std::pair<uint64_t, int>> at;
    std::vector<uint64_t> end;
    const int figures = static_cast<int>(rng() % 6);
    for (int f = 0; f < figures; ++f) {
      const uint64_t start = rng() % 3 == 0 ? rng() % (v + 10) : cps[rng() % cps.size()].v;
      at.push_back({start, f});
      end.push_back(start + 1 + rng() % 12);
    }
    std::stable_sort(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    at.erase(std::unique(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
             at.end());
    const InlineTokenizer tokenizer(TestWords(), at, end);
    std::vector<Token> fast, general;
    std::vector<char32_t> fast_chars, general_chars;
    tokenizer.Tokenize(cps, &fast, &fast_chars, ReadPath::kFast);
    tokenizer.Tokenize(cps, &general, &general_chars, ReadPath::kGeneral);
    ASSERT_EQ(Render(fast, fast_chars), Render(general, general_chars)) << "round " << round;
    tokens += general.size();
    for (const Token& t : general) {
      figures_taken += t.type == Tok::kFact;
      words += t.type == Tok::kSubset || t.type == Tok::kTotal || t.type == Tok::kCompose;
    }
  }
  // Not vacuous: figures and words were read on both paths.
  EXPECT_GT(tokens, 300000u);
  EXPECT_GT(figures_taken, 10000u);
  EXPECT_GT(words, 10000u);
}

}  // namespace
}  // namespace esgaudit::numeric
