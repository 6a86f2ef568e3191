// The metadata pass's word index (core/src/analyse/structure_metadata.cc, IndexMetadataWords): the
// claim passes visit only the lines one scan of the lower-cased view found holding a word they cannot
// do without, and an exchange's guideline expression runs only on a line holding its number. Visiting
// every line and running every expression (the index off) must give the same metadata on any text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "analyse/structure_internal.h"
#include "esgaudit/document.h"

namespace esgaudit {
namespace {

// Pieces of lines: statements naming standards, exchanges' guidelines, GRI and its basis headings,
// content indexes published elsewhere, and near misses of each word the index looks for (split by a
// blank or a line break, one character changed, inside a longer word), with filler.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> kPieces = {
      "本报告参照《中国企业社会责任报告编写指南(CASS-CSR4.0)》编制",
      "中国企业社会责任报告指南",
      "依据 CASS CSR 3.0",
      "参考GB/T36001《社会责任报告编写指南》",
      "GB/T 36001-2015",
      "GB/T 3600",
      "本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告(试行)》编制",
      "上海证券交易所上市公司自律监管指引第 14 号",
      "北交所上市公司持续监管指引第11号",
      "Shenzhen Stock Exchange Self-Regulatory Guidelines for Listed Companies No. 17",
      "the SSE guidance no. 14",
      "深交所自律监管指引第14号",
      "BSE guidelines no.11",
      "自律监管指引第 7 号",
      "持续监管 指引 第 11号",
      "第17号",
      "可持续发展报告指引",
      "可持续发展报告(试行)",
      "指 引",
      "guid ance",
      "本报告依据GRI标准核心选项编制",
      "This report has been prepared in accordance with the GRI Standards: Core option.",
      "with reference to the GRI Standards",
      "参照全球报告倡议组织(GRI)《可持续发展报告指南》G4版本",
      "全球报告倡议",
      "全球 报告倡议",
      "根据G4报告指南识别实质性议题",
      "G4 可持续发展报告指南 全面方案",
      "G4-EN1",
      "GRI 305-1",
      "GRI 标准",
      "agri",
      "grid",
      "g 4",
      "GRI content index is available on our website",
      "内容索引请见公司网站",
      "索引表",
      "索 引表",
      "content  index",
      "GRI Table",
      "www.example.com",
      "编制依据",
      "编 制 依 据",
      "报告依据：",
      "参考 标准",
      "编制标准",
      "Reporting Standards",
      "REPORTING  GUIDE LINES",
      "Reporting Framework",
      "依 据",
      "标 准",
      "报告编制",
      "本报告",
      "符合",
      "遵循",
      "informed by",
      "2022年",
      "公司积极履行社会责任",
      "员工总数12,375人",
      "We reduced emissions by 12%",
      "目录",
      "关于本报告........1",
      "- 12 -",
      "指标    2021年    2022年",
      "排放量    1,234    1,456",
      "",
  };
  return kPieces;
}

// Lines of 1 to `max_parts` pieces each (their number `min_lines` plus up to `line_range` - 1), joined
// by one of `joins`; with `mixed_case`, ASCII letters are upper-cased at random (the index reads the
// lower-cased view).
std::string RandomLines(std::mt19937* rng, const std::vector<std::string>& pieces,
                        const std::vector<std::string>& joins, size_t min_lines, size_t line_range,
                        size_t max_parts, bool mixed_case) {
  std::uniform_int_distribution<size_t> piece(0, pieces.size() - 1);
  std::uniform_int_distribution<size_t> join(0, joins.size() - 1);
  std::string text;
  const size_t lines = min_lines + (*rng)() % line_range;
  for (size_t l = 0; l < lines; ++l) {
    const size_t parts = 1 + (*rng)() % max_parts;
    for (size_t p = 0; p < parts; ++p) {
      if (p > 0) text += joins[join(*rng)];
      std::string s = pieces[piece(*rng)];
      if (mixed_case) {
        for (char& c : s)
          if ((*rng)() % 4 == 0 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      }
      text += s;
    }
    text += "\n";
  }
  return text;
}

std::string RandomText(std::mt19937* rng) {
  static const std::vector<std::string> kJoins = {"", " ", "  ", "，", "\t", "。"};
  return RandomLines(rng, Pieces(), kJoins, 2, 30, 3, true);
}

using ClaimKey = std::tuple<int, int, uint64_t, uint64_t, int, uint32_t>;

std::vector<ClaimKey> Claims(const ReportMetadata& md) {
  std::vector<ClaimKey> out;
  for (const StandardClaim& c : md.claims)
    out.emplace_back(c.standard, c.mode, c.offset, c.length, c.exchange, c.flags);
  return out;
}

TEST(MetadataWordIndexTest, VisitingOnlyTheIndexedLinesFindsWhatVisitingEveryLineFinds) {
  std::mt19937 rng(20261202);
  size_t with_gri = 0, with_standard = 0, in_basis = 0, external = 0, exchange = 0;
  for (int round = 0; round < 1500; ++round) {
    const std::string text = RandomText(&rng);
    SetMetadataWordIndexForTesting(false);
    const Document every = Document::FromUtf8("every", text);
    SetMetadataWordIndexForTesting(true);
    const Document indexed = Document::FromUtf8("indexed", text);
    const ReportMetadata& a = every.structure().metadata();
    const ReportMetadata& b = indexed.structure().metadata();
    ASSERT_EQ(Claims(a), Claims(b)) << text;
    ASSERT_EQ(a.flags, b.flags) << text;
    for (const StandardClaim& c : b.claims) {
      with_gri += c.standard == ESGAUDIT_STANDARD_GRI;
      with_standard += c.standard != ESGAUDIT_STANDARD_GRI;
      in_basis += (c.flags & ESGAUDIT_CLAIM_IN_BASIS) != 0;
      exchange += c.exchange != ESGAUDIT_EXCHANGE_UNNAMED;
    }
    external += (b.flags & ESGAUDIT_METADATA_EXTERNAL_INDEX) != 0;
  }
  SetMetadataWordIndexForTesting(true);
  // Each construction the index gates is found often enough for a wrong gate to show.
  EXPECT_GT(with_gri, 1000u);
  EXPECT_GT(with_standard, 1000u);
  EXPECT_GT(in_basis, 200u);
  EXPECT_GT(external, 100u);
  EXPECT_GT(exchange, 100u);
}

// Pieces of period statements and the lines near them: every word that states the period, in both
// scripts and in either case, with near misses (split by a blank, one character changed, followed by
// 内 or 末, cut across two lines), ranges and whole years in each form FindPeriod reads, headings
// naming the period over a year, and text about the report.
const std::vector<std::string>& PeriodPieces() {
  static const std::vector<std::string> kPieces = {
      "时间范围", "时间跨度", "报告期", "报告时段", "报告周期", "涵盖期间", "报告时间", "报告的时间", "時間範圍",
      "時間跨度", "報告期", "報告時段", "報告週期", "报告時間", "收集期间", "Reporting Period", "reporting  period",
      "报告期内", "报告期末", "報告期內", "报 告期", "报告 期", "时间 范围", "时间范", "报告时", "报告周", "收集期",
      "report period", "本报告", "本报告主要介绍了公司在", "This report covers", "the fiscal year", "FY",
      "为", ":", "：", "2016年1月1日至2016年12月31日", "2016年1月1日", "至2016年12月31日", "2016年度",
      "2016年全年", "2016年", "1月1日至12月31日", "每年1月1日至12月31日", "2016.1.1-2016.12.31",
      "January 1, 2022 to December 31, 2022", "1 January to 31 December 2022", "calendar year 2022", "2022",
      "2O16年1月1日至2016年12月31日", "时间跨度为2016年仴1曰至2016年12月31曰", "评价期间(", ")",
      "公司积极履行社会责任", "员工总数12,375人", ""};
  return kPieces;
}

std::string RandomPeriodText(std::mt19937* rng) {
  static const std::vector<std::string> kJoins = {"", " ", "，", "\t", "。", "\n"};
  return RandomLines(rng, PeriodPieces(), kJoins, 1, 12, 5, false);
}

// FindPeriod searches for the words that state the period (its own line's and the short headings'
// above) only on the lines the index found holding one: the period, its kind, its place and whether
// it is a statement are those found asking every line.
TEST(MetadataWordIndexTest, ThePeriodFoundAskingOnlyTheIndexedLinesIsTheOneEveryLineGives) {
  std::mt19937 rng(20261204);
  size_t statements = 0, others = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomPeriodText(&rng);
    SetMetadataWordIndexForTesting(false);
    const Document every = Document::FromUtf8("every", text);
    SetMetadataWordIndexForTesting(true);
    const Document indexed = Document::FromUtf8("indexed", text);
    const ReportMetadata& a = every.structure().metadata();
    const ReportMetadata& b = indexed.structure().metadata();
    ASSERT_EQ(std::make_tuple(a.period_kind, a.period_begin, a.period_end, a.report_year, a.period_offset,
                              a.period_length, a.flags),
              std::make_tuple(b.period_kind, b.period_begin, b.period_end, b.report_year, b.period_offset,
                              b.period_length, b.flags))
        << text;
    if (b.period_kind == ESGAUDIT_PERIOD_NONE) continue;
    ((b.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) ? statements : others)++;
  }
  SetMetadataWordIndexForTesting(true);
  // Statements (which need a period's word) and periods read without one both come often.
  EXPECT_GT(statements, 500u);
  EXPECT_GT(others, 100u);
}

// A basis heading spaced out ("编 制 依 据", "Reporting  Guide lines") puts the GRI claim below it in
// the basis: the index must not pass over the heading for lacking the word unspaced.
TEST(MetadataWordIndexTest, SpacedBasisHeadingsStillOpenTheBasis) {
  for (const char* heading : {"编 制 依 据\n", "REPORTING  GUIDE LINES\n", "参考 标准\n"}) {
    const Document doc = Document::FromUtf8("basis", std::string(heading) + "公司积极履行社会责任。\nGRI 标准\n");
    const auto& claims = doc.structure().metadata().claims;
    ASSERT_EQ(claims.size(), 1u) << heading;
    EXPECT_EQ(claims[0].flags & ESGAUDIT_CLAIM_IN_BASIS, ESGAUDIT_CLAIM_IN_BASIS) << heading;
  }
  // Near miss: no basis heading above, the name in passing is no claim.
  const Document none = Document::FromUtf8("none", "依 法 经 营\n公司积极履行社会责任。\nGRI 305-1\n");
  EXPECT_TRUE(none.structure().metadata().claims.empty());
}

// MarkLinesHolding marks the lines a scan's one-byte matches would: each byte `c` at q for the last
// line whose range starts at or before q, when q lies inside it. Random views of 'g' and other bytes,
// cut into sorted ranges with gaps, empty lines, lines starting where the last one starts and ranges
// reaching past the next line's start; the marks already set stay.
TEST(MetadataWordIndexTest, MarkLinesHoldingMarksTheLinesEachMatchOfTheByteLiesIn) {
  std::mt19937 rng(20261208);
  size_t marked = 0, unmarked = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string view;
    for (size_t k = rng() % 40; k > 0; --k) view += "gGa\n g"[rng() % 6];
    std::vector<std::pair<uint64_t, uint64_t>> lines;
    uint64_t at = 0;
    for (size_t k = rng() % 8; k > 0 && at <= view.size(); --k) {
      const uint64_t first = rng() % 4 == 0 && !lines.empty() ? lines.back().first : at + rng() % 3;
      const uint64_t second = first + rng() % 12;
      lines.emplace_back(first, second);
      at = rng() % 4 == 0 ? first + rng() % 3 : second + rng() % 2;
    }
    std::vector<uint8_t> want(lines.size()), got(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) want[i] = got[i] = static_cast<uint8_t>(rng() % 2);
    size_t i = 0;
    for (size_t q = 0; q < view.size(); ++q) {
      if (view[q] != 'g') continue;
      while (i + 1 < lines.size() && lines[i + 1].first <= q) ++i;
      if (i < lines.size() && lines[i].first <= q && q + 1 <= lines[i].second) want[i] |= kBasisWords;
    }
    MarkLinesHolding(view, lines, 'g', kBasisWords, &got);
    ASSERT_EQ(got, want) << '"' << view << '"' << " round " << round;
    for (uint8_t m : got) (m & kBasisWords ? marked : unmarked) += 1;
  }
  EXPECT_GT(marked, 10000u);
  EXPECT_GT(unmarked, 10000u);
}

}  // namespace
}  // namespace esgaudit
