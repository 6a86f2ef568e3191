// Thousands set apart by spaces (analyse/space_thousands.h): whether a line holds figures in millions
// is read once per line, however many of its figures ask.
#include "analyse/space_thousands.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit {
namespace {

// A line read through `at` as bytes, counting every character read.
struct CountingLine {
  std::string text;
  mutable size_t reads = 0;
  char32_t operator()(size_t k) const {
    ++reads;
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
  }
};

// What SpaceGroupsAt gives the figure at i when the line's answer is `millions`, and whether it asked.
size_t Groups(const std::string& line, size_t i, bool millions, bool* asked) {
  CountingLine at{line};
  *asked = false;
  return SpaceGroupsAt(at, i, [&] {
    *asked = true;
    return millions;
  });
}

// Only a lead of two or three digits with exactly two groups, the first not opening with 0 alone
// deciding, needs the line's answer; the others are read from the figure itself.
TEST(SpaceThousandsTest, AFigureAsksForItsLinesAnswerOnlyWhenThatDecides) {
  bool asked = false;
  EXPECT_EQ(Groups("12 345 678", 0, false, &asked), 1u);
  EXPECT_TRUE(asked);
  EXPECT_EQ(Groups("12 345 678", 0, true, &asked), 2u);
  EXPECT_TRUE(asked);
  EXPECT_EQ(Groups("1 973 909", 0, false, &asked), 2u);  // a one-digit lead
  EXPECT_FALSE(asked);
  EXPECT_EQ(Groups("12 045", 0, false, &asked), 1u);  // one group
  EXPECT_FALSE(asked);
  EXPECT_EQ(Groups("12 345 078", 0, false, &asked), 2u);  // the second group opens with 0
  EXPECT_FALSE(asked);
  EXPECT_EQ(Groups("147 310 255", 0, true, &asked), 0u);  // a three-digit lead, no group opening with 0
  EXPECT_FALSE(asked);
  EXPECT_EQ(Groups("33 067 926 422", 0, true, &asked), 1u);  // more than two groups
  EXPECT_FALSE(asked);
  EXPECT_EQ(Groups("9 345 678", 2, true, &asked), 0u);  // a group of the figure before: no lead
  EXPECT_FALSE(asked);
}

// The kept answer is MillionsOnLine's, and the line is read for it once.
TEST(SpaceThousandsTest, TheLinesAnswerIsMillionsOnLineScannedOnce) {
  const std::string far_apart = "Energy 12 345 678 tonnes; " + std::string(500, 'x') + " water 23 456 789 m3";
  const std::string alone = "Staff 19 366 276 in " + std::string(500, 'x');
  for (const std::string& text : {far_apart, alone}) {
    CountingLine at{text};
    const bool expected = space_thousands::MillionsOnLine(at, text.size());
    at.reads = 0;
    const space_thousands::LineMillions<CountingLine> millions(at, text.size());
    EXPECT_EQ(millions(), expected) << text;
    const size_t first = at.reads;
    EXPECT_GT(first, 0u);
    EXPECT_EQ(millions(), expected) << text;
    EXPECT_EQ(at.reads, first) << "asked again, the line was read again: " << text;
  }
  CountingLine at{far_apart};
  EXPECT_TRUE(space_thousands::MillionsOnLine(at, far_apart.size()));
  at.text = alone;
  EXPECT_FALSE(space_thousands::MillionsOnLine(at, alone.size()));
}

// A reader walking a long line of figures in millions whose first two lie far apart reads each
// character a bounded number of times with one answer kept for the line; asking the line afresh for
// each figure (the near miss) reads it once per figure.
TEST(SpaceThousandsTest, ALongLineOfFiguresInMillionsIsReadInLinearTime) {
  std::string text = "Energy 12 345 678 tonnes; " + std::string(20000, 'x') + " ";
  std::vector<size_t> starts;
  for (int k = 0; k < 1000; ++k) {
    starts.push_back(text.size());
    text += std::to_string(10 + k % 89) + " " + std::to_string(100 + k * 7 % 900) + " " +
            std::to_string(100 + k * 13 % 900) + " ";
  }
  auto walk = [&](bool keep) {
    CountingLine at{text};
    const space_thousands::LineMillions<CountingLine> kept(at, text.size());
    for (size_t i : starts) {
      size_t g = 0;
      if (keep) {
        g = SpaceGroupsAt(at, i, kept);
      } else {
        const space_thousands::LineMillions<CountingLine> fresh(at, text.size());
        g = SpaceGroupsAt(at, i, fresh);
      }
      EXPECT_EQ(g, 2u) << "at " << i;  // the line holds two or more figures in millions
    }
    return at.reads;
  };
  const size_t kept_reads = walk(true);
  EXPECT_LE(kept_reads, 8 * text.size());
  EXPECT_GT(walk(false), 100 * text.size());
}


// WritesThousandsWithSpaces passes over bytes that are no digit eight at a time: its answer is the
// byte loop's, written out here, on random views of digits, spaces, commas, stops, letters and
// Chinese characters, with the groups at every place against the eight-byte words.
TEST(SpaceThousandsTest, WritesThousandsWithSpacesIsTheByteLoopsAnswer) {
  auto byte_loop = [](std::string_view v) {
    auto digit = [&](size_t k) { return k < v.size() && v[k] >= '0' && v[k] <= '9'; };
    size_t zero_groups = 0;
    for (size_t k = 0; k < v.size(); ++k) {
      if (!digit(k) || (k > 0 && (digit(k - 1) || v[k - 1] == '.' || v[k - 1] == ','))) continue;
      size_t e = k;
      while (digit(e)) ++e;
      if (e - k > 3) continue;
      if (e < v.size() && v[e] == ',' && digit(e + 1) && digit(e + 2) && digit(e + 3) && !digit(e + 4)) return false;
      if (e < v.size() && v[e] == ' ' && ZeroGroupToken(v.substr(e + 1, 3)) && !digit(e + 4)) ++zero_groups;
    }
    return zero_groups >= 3;
  };
  const std::vector<std::string> pieces = {"1",   "15", "330", "1234", " ",  "000",    "067",  ",",
                                           ".",   "a",  "x",   "年",   "排放", "\t",     "/",    ":",
                                           "9",   "0",  "吨",  "15 000", "2 010", "33 067", " 05", "xyzxyzxyz"};
  std::mt19937 rng(46);
  size_t yes = 0, no = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string v;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) v += pieces[rng() % pieces.size()];
    const bool want = byte_loop(v);
    EXPECT_EQ(WritesThousandsWithSpaces(v), want) << v;
    (want ? yes : no) += 1;
  }
  // The groups after every number of filler bytes (0 to 17): across the eight-byte words.
  for (size_t pad = 0; pad < 18; ++pad) {
    const std::string filler(pad, 'x');
    const std::string v = filler + "15 000" + filler + "排放33 067吨" + filler + "9 010" + filler;
    EXPECT_TRUE(WritesThousandsWithSpaces(v)) << v;
    EXPECT_EQ(WritesThousandsWithSpaces(v), byte_loop(v)) << v;
    const std::string comma = v + filler + "1,234";
    EXPECT_FALSE(WritesThousandsWithSpaces(comma)) << comma;
  }
  EXPECT_GT(yes, 100u);
  EXPECT_GT(no, 100u);
}
}  // namespace
}  // namespace esgaudit
