// Text decoding: every accepted encoding and every refusal, with the message users see.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <cstdio>
#include <string>
#include <vector>

#include "esgaudit/document.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

std::string Encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<size_t>(n));
  return out;
}

const char kChinese[] = "本报告时间范围为2020年1月1日至2020年12月31日。\r\n员工总数１２３７５人。\n";

TEST(DecodeTest, Utf8WithoutBomIsTakenAsIs) {
  Document doc;
  ASSERT_TRUE(Document::FromBytes("r.txt", kChinese, &doc).ok());
  EXPECT_EQ(doc.encoding(), "utf-8");
  EXPECT_EQ(doc.text(), kChinese);
}

TEST(DecodeTest, Utf8BomIsStripped) {
  Document doc;
  ASSERT_TRUE(Document::FromBytes("r.txt", std::string("\xEF\xBB\xBF") + kChinese, &doc).ok());
  EXPECT_EQ(doc.encoding(), "utf-8");
  EXPECT_EQ(doc.text(), kChinese);
}

TEST(DecodeTest, Utf16WithBomBothEndians) {
  for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
    std::string bom = std::string(charset) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    Document doc;
    Status s = Document::FromBytes("r.txt", bom + Encode(kChinese, charset), &doc);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(doc.text(), kChinese) << charset;
    EXPECT_EQ(doc.encoding(), std::string(charset) == "UTF-16LE" ? "utf-16le" : "utf-16be");
  }
}

TEST(DecodeTest, Gb18030IsDetectedOnRealText) {
  std::string sample = testing::ReadFile(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"));
  std::string part = sample.substr(sample.find("本报告为云南铝业"), 1500);
  part.resize(part.rfind('\n') + 1);  // whole lines only
  Document doc;
  Status s = Document::FromBytes("gbk.txt", Encode(part, "gb18030"), &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.encoding(), "gb18030");
  EXPECT_EQ(doc.text(), part);
}

TEST(DecodeTest, RefusalsNameTheFileAndPosition) {
  Document doc;
  Status s = Document::FromBytes("e.txt", "", &doc);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(), "e.txt: empty file");
  EXPECT_EQ(Document::FromBytes("e.txt", "\xEF\xBB\xBF", &doc).message(), "e.txt: empty file");
  s = Document::FromBytes("b.bin", std::string("PK\x03\x04\x00\x00", 6), &doc);
  EXPECT_EQ(s.message(), "b.bin: binary file (NUL byte at offset 4)");
  s = Document::FromBytes("bad.txt", "first line\nsecond \xC3\x28 line\n", &doc);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(),
            "bad.txt:2: invalid UTF-8 byte 0xc3 at offset 18 and no other supported encoding "
            "(UTF-16 with BOM, GB18030) fits");
}

TEST(DecodeTest, BrokenPdfIsAnInputError) {
  Document doc;
  Status s = Document::FromBytes("x.pdf", "%PDF-1.4\nthis is not a pdf\n", &doc);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(), "x.pdf: broken PDF (poppler could not parse it)");
}

TEST(DecodeTest, PdfPagesBecomeFormFeeds) {
  Document doc;
  Status s = Document::Load(testing::SourcePath("tests/data/two-pages.pdf"), &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.encoding(), "pdf");
  EXPECT_EQ(doc.page_count(), 2u);
  ASSERT_GE(doc.line_count(), 2u);
  EXPECT_NE(doc.text().find("Employees 12375"), std::string::npos);
  uint64_t second = doc.text().find("Women 21%");
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(doc.line(doc.LineOf(second)).page, 2u);
}

// A PDF of `pages` pages, page i showing the line "page i of many" (Helvetica, standard encoding).
std::string ManyPagePdf(int pages) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int i = 0; i < pages; ++i) {
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
           "/Contents " + std::to_string(5 + 2 * i) + " 0 R >>");
    const std::string content = "BT /F1 12 Tf 72 720 Td (page " + std::to_string(i + 1) + " of many) Tj ET";
    object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

TEST(DecodeTest, ALongPdfKeepsItsPagesInOrder) {
  // Long enough to be read by several threads where there are several cores: the text is the
  // same, page by page, as one thread would give.
  const int pages = 120;
  Document doc;
  Status s = Document::FromBytes("long.pdf", ManyPagePdf(pages), &doc);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(doc.page_count(), static_cast<uint32_t>(pages));
  uint64_t last = 0;
  for (int i = 1; i <= pages; ++i) {
    const uint64_t at = doc.text().find("page " + std::to_string(i) + " of many");
    ASSERT_NE(at, std::string::npos) << i;
    EXPECT_EQ(doc.line(doc.LineOf(at)).page, static_cast<uint32_t>(i));
    EXPECT_GE(at, last) << i;
    last = at;
  }
}

}  // namespace
}  // namespace esgaudit
