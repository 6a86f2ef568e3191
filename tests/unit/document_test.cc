// Lines, pages, display columns and file errors of Document.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "analyse/text_width.h"
#include "esgaudit/document.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

TEST(DocumentTest, LinesExcludeTerminatorsAndKeepOffsets) {
  Document doc = Document::FromUtf8("t.txt", "a\nbb\r\ncc");
  ASSERT_EQ(doc.line_count(), 3u);
  EXPECT_EQ(doc.line(0).offset, 0u);
  EXPECT_EQ(doc.line(1).offset, 2u);
  EXPECT_EQ(doc.line(1).length, 2u);
  EXPECT_EQ(doc.line(2).offset, 6u);
  EXPECT_EQ(doc.LineText(1), "bb");
  EXPECT_EQ(doc.LineOf(3), 1u);
  EXPECT_EQ(doc.LineOf(4), 1u);  // the CR belongs to the line it ends
  EXPECT_EQ(doc.page_count(), 0u);
  EXPECT_EQ(doc.line(0).page, 0u);
}

TEST(DocumentTest, FormFeedsArePagesAndTrailingOneOpensNoPage) {
  Document doc = Document::FromUtf8("t.txt", "p1\fp2 first\np2 second\n\fp3\n\f");
  EXPECT_EQ(doc.page_count(), 3u);
  ASSERT_EQ(doc.line_count(), 4u);
  EXPECT_EQ(doc.LineText(0), "p1");
  EXPECT_EQ(doc.line(0).page, 1u);
  EXPECT_EQ(doc.LineText(1), "p2 first");
  EXPECT_EQ(doc.line(2).page, 2u);
  EXPECT_EQ(doc.LineText(3), "p3");
  EXPECT_EQ(doc.line(3).page, 3u);
}

// The lines and pages are those of a test of every byte (the split as first written): on random
// texts of line feeds, form feeds (runs of them, at either end), carriage returns and text.
TEST(DocumentTest, LinesAndPagesAreThoseOfAByteByByteSplit) {
  struct Expected {
    uint64_t offset, length;
    uint32_t page;
  };
  const std::vector<std::string> pieces = {"\n", "\f", "\r", "\r\n", "a", "中文", " ", "\f\f", "\n\n", "x\f"};
  std::mt19937 rng(20261206);
  for (int n = 0; n < 300; ++n) {
    std::string text;
    for (size_t k = rng() % 24; k > 0; --k) text += pieces[rng() % pieces.size()];
    const bool paged = text.find('\f') != std::string::npos;
    std::vector<Expected> want;
    uint32_t page = 1;
    uint64_t start = 0;
    auto end_line = [&](uint64_t end) {
      uint64_t len = end - start;
      if (len > 0 && text[start + len - 1] == '\r') --len;
      want.push_back({start, len, paged ? page : 0});
    };
    for (uint64_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        end_line(i);
        start = i + 1;
      } else if (text[i] == '\f') {
        if (i > start) end_line(i);
        ++page;
        start = i + 1;
      }
    }
    if (start < text.size()) end_line(text.size());
    const Document doc = Document::FromUtf8("t.txt", text);
    ASSERT_EQ(doc.line_count(), want.size()) << ::testing::PrintToString(text);
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_EQ(doc.line(i).offset, want[i].offset) << ::testing::PrintToString(text) << " line " << i;
      EXPECT_EQ(doc.line(i).length, want[i].length) << ::testing::PrintToString(text) << " line " << i;
      EXPECT_EQ(doc.line(i).page, want[i].page) << ::testing::PrintToString(text) << " line " << i;
    }
  }
}

TEST(DocumentTest, DisplayColumnsCountCjkAsTwo) {
  Document doc = Document::FromUtf8("t.txt", "员工 21%\n\tx");
  uint64_t two = doc.text().find('2');
  EXPECT_EQ(doc.ColumnOf(two), 6u);
  EXPECT_EQ(doc.line(0).width, 8u);
  EXPECT_EQ(doc.WidthBetween(0, two), 5u);
  EXPECT_EQ(doc.ColumnOf(doc.text().find('x')), 9u);  // tab to column 8
}

// Columns on a line of many kilobytes come from checkpoints; they must equal a count from the line
// start at every offset, tabs, wide characters and a cut multi-byte sequence included.
// The shortcut for Han ideographs gives what ICU's properties give, for every code point, and so
// does each answer kept from the first ask (asked again, in both orders of the planes).
TEST(DocumentTest, CodePointWidthAgreesWithIcuEverywhere) {
  for (int round = 0; round < 2; ++round) {
    for (int32_t k = 0x7f; k <= 0x10ffff; ++k) {
      const int32_t c = round == 0 ? k : 0x10ffff - (k - 0x7f);
      const int8_t type = u_charType(c);
      const int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
      const uint32_t icu = type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ? 0
                           : ea == U_EA_WIDE || ea == U_EA_FULLWIDTH                                      ? 2
                                                                                                           : 1;
      ASSERT_EQ(CodePointWidth(c), icu) << std::hex << c;
      ASSERT_EQ(CodePointWidth(c), icu) << std::hex << c;
    }
  }
  EXPECT_EQ(CodePointWidth(0x4e00), 2u);  // 一
  EXPECT_EQ(CodePointWidth(0x41), 1u);
}

// IsHanScript is ICU's script property for every code point, asked once and again (the answers
// of the Basic Multilingual Plane are kept from the first ask).
TEST(DocumentTest, IsHanScriptAgreesWithIcuEverywhere) {
  size_t han = 0;
  for (int round = 0; round < 2; ++round) {
    for (int32_t k = 0; k <= 0x10ffff; ++k) {
      const int32_t c = round == 0 ? k : 0x10ffff - k;
      UErrorCode status = U_ZERO_ERROR;
      const bool icu = uscript_getScript(c, &status) == USCRIPT_HAN;
      ASSERT_EQ(IsHanScript(c), icu) << std::hex << c;
      ASSERT_EQ(IsHanScript(c), icu) << std::hex << c;
      han += icu;
    }
  }
  EXPECT_GT(han, 2 * 90000u);
}

// TextWidth's ASCII and Han fast paths against the per-code-point count its contract states (tabs
// to the next multiple of 8, an ill-formed byte 1, every other code point CodePointWidth): every
// code point alone, and every substring of tricky text from several start columns (a sequence cut
// at the buffer's end or before ASCII, U+4DC0 just below the Han block behind the same lead byte,
// full-width digits, control bytes, DEL, a four-byte sequence, 0xFF).
uint32_t WidthByCodePoint(std::string_view text, uint32_t start) {
  uint32_t col = start;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    col = c == '\t' ? (col / 8 + 1) * 8 : c < 0 ? col + 1 : col + CodePointWidth(c);
  }
  return col - start;
}

TEST(DocumentTest, TextWidthAgreesWithTheCodePointCount) {
  for (UChar32 c = 0; c <= 0x10ffff; ++c) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    const std::string_view one(buf, static_cast<size_t>(len));
    ASSERT_EQ(TextWidth(one, 3), WidthByCodePoint(one, 3)) << std::hex << c;
  }
  const std::string text = std::string("ab\t中文\xe4\xb7\x80\xe4\xb8\x80\xe4\xb8" "A１２\x01\x7f\xf0\x9f\x98\x80\xff"
                                       "鿿\xe9\xbf");
  for (size_t from = 0; from <= text.size(); ++from) {
    for (size_t to = from; to <= text.size(); ++to) {
      const std::string_view part = std::string_view(text).substr(from, to - from);
      for (uint32_t start : {0u, 5u, 7u}) {
        ASSERT_EQ(TextWidth(part, start), WidthByCodePoint(part, start)) << from << " " << to;
      }
    }
  }
  EXPECT_EQ(TextWidth("中文ab"), 6u);
}

// TextWidth's eight-byte ASCII path: random texts of long printing ASCII runs (space and DEL at
// both ends of the range) broken at any byte by what ends a run (tab, a control byte, NUL, a byte
// above 0x7F, Han, a cut sequence), measured from every start column of a tab stop, agree with
// the per-code-point count.
TEST(DocumentTest, TextWidthReadsAsciiRunsAsTheCodePointCount) {
  const std::vector<std::string> breaks = {"\t", "\x1f", std::string(1, '\0'), "\x80", "\xe4\xb8\x80",
                                           "\xe4\xb8", "\xff", "\n", "１"};
  std::mt19937 rng(1201);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int pieces = static_cast<int>(rng() % 6);
    for (int k = 0; k < pieces; ++k) {
      const size_t run = rng() % 30;
      for (size_t b = 0; b < run; ++b) {
        const unsigned r = rng() % 100;
        text += static_cast<char>(r < 3 ? 0x20 : r < 6 ? 0x7f : r < 9 ? 0x7e : 0x21 + rng() % 0x5d);
      }
      if (rng() % 3 != 0) text += breaks[rng() % breaks.size()];
    }
    const uint32_t start = rng() % 9;
    ASSERT_EQ(TextWidth(text, start), WidthByCodePoint(text, start)) << text;
  }
  EXPECT_EQ(TextWidth("abcdefgh\tij"), 18u);
  EXPECT_EQ(TextWidth("abcdefg\x1fhijklmnop"), 16u);  // a control byte is of width 0
}

// IsHanScript answers the two large Han blocks without ICU; every other code point goes to ICU.
// The shortcut must never change an answer: the matching view's Traditional folding and the
// report's language (both depend on it) would change with it.
TEST(DocumentTest, HanScriptAgreesWithIcuEverywhere) {
  for (int32_t c = 0; c <= 0x10ffff; ++c) {
    UErrorCode status = U_ZERO_ERROR;
    const bool icu = uscript_getScript(c, &status) == USCRIPT_HAN;
    ASSERT_EQ(IsHanScript(c), icu) << std::hex << c;
    ASSERT_EQ(u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN, icu) << std::hex << c;
  }
  // The language guess counts ASCII letters without ICU: they are exactly A-Z and a-z.
  for (int32_t c = 0; c < 0x80; ++c) {
    ASSERT_EQ(static_cast<bool>(u_isalpha(c)), (c | 0x20) >= 'a' && (c | 0x20) <= 'z') << c;
  }
  EXPECT_TRUE(IsHanScript(0x4e00));   // 一
  EXPECT_TRUE(IsHanScript(0x3007));   // 〇, outside the blocks
  EXPECT_FALSE(IsHanScript(0x3001));  // 、
}

TEST(DocumentTest, ColumnsOnALongLineEqualACountFromTheLineStart) {
  std::string line;
  for (int i = 0; i < 400; ++i) line += i % 7 == 0 ? "\t报告" : (i % 5 == 0 ? "ab\xE2\x80" : "员工 21% x");
  Document doc = Document::FromUtf8("t.txt", "short\n" + line + "\nend");
  const uint64_t base = doc.line(1).offset;
  ASSERT_GT(line.size(), 3000u);  // several checkpoints
  std::vector<uint64_t> offsets = {line.size()};
  for (uint64_t at = 0; at < line.size(); at += 97) offsets.push_back(at);  // mid-character ones too
  for (uint64_t at : offsets) {
    const uint32_t expected = TextWidth(std::string_view(line).substr(0, at));  // from the line start
    EXPECT_EQ(doc.ColumnOf(base + at), 1 + expected) << "at " << at;
    EXPECT_EQ(doc.WidthBetween(base, base + at), expected) << "at " << at;
  }
  EXPECT_EQ(doc.line(1).width, TextWidth(line));
  EXPECT_EQ(doc.ColumnOf(doc.text().size()), 4u);  // "end"
}

TEST(DocumentTest, SplitLabelInTheSampleSharesItsColumn) {
  Document doc;
  ASSERT_TRUE(Document::Load(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"), &doc).ok());
  uint64_t head = doc.text().find("申请专");
  uint64_t tail = doc.text().find("利89项");
  ASSERT_NE(head, std::string::npos);
  ASSERT_NE(tail, std::string::npos);
  uint32_t head_line = doc.LineOf(head);
  EXPECT_EQ(doc.LineOf(tail), head_line + 2);  // a blank line between the two halves
  uint32_t a = doc.ColumnOf(head), b = doc.ColumnOf(tail);
  EXPECT_LE(a > b ? a - b : b - a, 2u);
  EXPECT_GT(a, 30u);  // it is the right-hand column, not the start of the line
}

// The document's lists live through every plugin's run: once built, each holds no room beyond its
// entries (grown by doubling, up to half of one was slack).
TEST(DocumentTest, BuiltListsHoldNoSlack) {
  Document doc;
  ASSERT_TRUE(Document::Load(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"), &doc).ok());
  ASSERT_GT(doc.facts().size(), 500u);
  EXPECT_EQ(doc.facts().capacity(), doc.facts().size());
  EXPECT_EQ(doc.lines().capacity(), doc.lines().size());
  EXPECT_LT(doc.view().capacity(), doc.view().size() + 16);  // a string keeps room for its short form
  const Structure& s = doc.structure();
  EXPECT_EQ(s.lines().capacity(), s.lines().size());
  EXPECT_EQ(s.cells().capacity(), s.cells().size());
  EXPECT_EQ(s.table_cells().capacity(), s.table_cells().size());
  EXPECT_EQ(s.figures().capacity(), s.figures().size());
  EXPECT_EQ(s.spans().capacity(), s.spans().size());
  EXPECT_EQ(s.sentences().capacity(), s.sentences().size());
  EXPECT_EQ(s.clauses().capacity(), s.clauses().size());
  EXPECT_EQ(s.clause_facts().capacity(), s.clause_facts().size());
}

TEST(DocumentTest, FileErrorsNameTheFile) {
  Document doc;
  Status s = Document::Load("no/such/report.txt", &doc);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(), "no/such/report.txt: no such file");
  s = Document::Load(testing::SourcePath("samples"), &doc);
  EXPECT_EQ(s.message(), testing::SourcePath("samples") + ": is a directory");
}

TEST(DocumentTest, Sha256IsOfTheOriginalBytes) {
  Document doc = Document::FromUtf8("t.txt", "abc");
  EXPECT_EQ(doc.sha256(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

// Load frees the file's bytes once decoded, before the build: what it gives is what FromBytes gives
// from the same bytes (text, hash, encoding, lines and facts), for a text file and a PDF.
TEST(DocumentTest, LoadIsFromBytesOfTheFile) {
  for (const char* name : {"samples/yunnan-aluminium-2020-csr.txt", "tests/data/two-pages.pdf"}) {
    const std::string path = testing::SourcePath(name);
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(bytes.empty()) << name;
    Document loaded, given;
    ASSERT_TRUE(Document::Load(path, &loaded).ok()) << name;
    ASSERT_TRUE(Document::FromBytes(path, bytes, &given).ok()) << name;
    EXPECT_EQ(loaded.sha256(), given.sha256()) << name;
    EXPECT_EQ(loaded.encoding(), given.encoding()) << name;
    EXPECT_EQ(loaded.text(), given.text()) << name;
    EXPECT_GT(loaded.text().size(), 50u) << name;
    EXPECT_EQ(loaded.line_count(), given.line_count()) << name;
    EXPECT_EQ(loaded.page_count(), given.page_count()) << name;
    ASSERT_EQ(loaded.facts().size(), given.facts().size()) << name;
    for (size_t i = 0; i < loaded.facts().size(); ++i) {
      EXPECT_EQ(loaded.facts()[i].offset, given.facts()[i].offset);
      EXPECT_EQ(loaded.facts()[i].label, given.facts()[i].label);
    }
  }
}

}  // namespace
}  // namespace esgaudit
