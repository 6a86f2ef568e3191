// Text decoding: every accepted encoding and every refusal, with the message users see.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

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

}  // namespace
}  // namespace esgaudit
