#include "gri_ids.h"

#include <gtest/gtest.h>

#include "esgaudit_testing.h"
#include "random_draw.h"

namespace esgaudit::gri {
namespace {

std::vector<std::string> Ids(std::string_view line) {
  std::vector<std::string> out;
  for (const IdToken& t : ScanIds(line)) out.push_back(t.id);
  return out;
}

TEST(GriIds, ScansCurrentLegacyAndG4Ids) {
  EXPECT_EQ(Ids("GRI 305-1 直接温室气体排放"), std::vector<std::string>{"305-1"});
  EXPECT_EQ(Ids("G4-LA1 新进员工 G4-EN15"), (std::vector<std::string>{"G4-LA1", "G4-EN15"}));
  EXPECT_EQ(Ids("G4-S02 对本地社区"), std::vector<std::string>{"G4-SO2"});  // OCR 0 for O
  EXPECT_EQ(Ids("| 2-1 | Organization details | 2, 7-15 |"), std::vector<std::string>{"2-1"});
}

TEST(GriIds, DatesRangesAndUnknownStandardsAreNotIds) {
  EXPECT_TRUE(Ids("2020-12-31").empty());
  EXPECT_TRUE(Ids("见第 28-29 页").empty());
  EXPECT_TRUE(Ids("500-1 号文件").empty());
  EXPECT_TRUE(Ids("305-1.2 节").empty());
  EXPECT_TRUE(Ids("ISO 14001-2015").empty());
}

TEST(GriIds, MarksCellStarts) {
  std::vector<IdToken> row = ScanIds("战略及分析\tG4-1机构最高决策者的声明\t7\t否");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_TRUE(row[0].cell_start);
  std::vector<IdToken> prose = ScanIds("G4实质性披露G4-17");
  ASSERT_EQ(prose.size(), 1u);
  EXPECT_FALSE(prose[0].cell_start);
  EXPECT_TRUE(ScanIds("GRI 2-7  员工")[0].cell_start);
  EXPECT_TRUE(ScanIds("战略及分析    G4-2 主要影响")[0].cell_start);  // layout text: 2+ spaces
  EXPECT_FALSE(ScanIds("公司推行 2-3 年的轮岗")[0].cell_start);
}

// ScanIds' test for a hyphen after a digit passes only lines holding no id: on random lines of
// the pieces ids, dates, ranges and hyphenated words are made of, it finds what the byte-by-byte
// scan finds, token for token.
TEST(GriIds, ScanIdsIsTheByteByByteScan) {
  const std::vector<std::string> pieces = {"G", "g", "4", "-", "1", "3", "0", "5", "EN", "S", "o", "I",
                                           ".", "/", " ", "\t", "GRI ", "well", "员工", "2020", "-term", "305", "2", "102", "G4-", "-1", "LA"};
  auto same = [](const std::vector<IdToken>& a, const std::vector<IdToken>& b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k].id != b[k].id || a[k].pos != b[k].pos || a[k].len != b[k].len || a[k].g4 != b[k].g4 ||
          a[k].cell_start != b[k].cell_start || a[k].gri_prefix != b[k].gri_prefix)
        return false;
    }
    return true;
  };
  testing::Draw draw(20261207);
  size_t with_ids = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string line;
    for (uint32_t n = draw(12); n > 0; --n) line += pieces[draw(static_cast<uint32_t>(pieces.size()))];
    const std::vector<IdToken> want = ScanIdsEveryByte(line);
    with_ids += !want.empty();
    ASSERT_TRUE(same(ScanIds(line), want)) << line;
  }
  EXPECT_GT(with_ids, 300u);
  // A hyphen after a digit opens the byte-by-byte scan; a hyphen first or after a letter alone does not.
  EXPECT_TRUE(ScanIds("-1 well-known long-term").empty());
  EXPECT_EQ(ScanIds("well-known G4-EN15").size(), 1u);
}

class GriResolve : public ::testing::Test {
 protected:
  Catalogue catalogue_ = Catalogue::Load(testing::SourcePath("rules/gri/catalogue.json"));
};

TEST_F(GriResolve, G4CodesGoThroughThe2016Numbering) {
  Resolution r = ResolveId(catalogue_, "G4-LA1", "", 2016);
  EXPECT_TRUE(r.legacy);
  EXPECT_EQ(r.ids, std::vector<std::string>{"401-1"});
  EXPECT_EQ(ResolveId(catalogue_, "G4-1", "", 2016).ids, std::vector<std::string>{"2-22"});
  EXPECT_EQ(ResolveId(catalogue_, "G4-20", "", 2016).ids, std::vector<std::string>{"3-3"});
  EXPECT_EQ(ResolveId(catalogue_, "G4-EN8", "", 2016).ids, std::vector<std::string>{"303-3"});
  EXPECT_EQ(ResolveId(catalogue_, "G4-EN29", "", 2016).ids,
            (std::vector<std::string>{"307-1", "2-27"}));
}

TEST_F(GriResolve, Gri102ByEditionTitleThenYear) {
  EXPECT_EQ(ResolveId(catalogue_, "102-8", "gri 102: general disclosures 2016", 2030).ids,
            (std::vector<std::string>{"2-7", "2-8"}));
  Resolution climate = ResolveId(catalogue_, "102-8", "gri 102: climate change 2025", 2020);
  EXPECT_FALSE(climate.legacy);
  EXPECT_EQ(climate.ids, std::vector<std::string>{"102-8"});
  // The printed title decides without an edition.
  EXPECT_TRUE(
      ResolveId(catalogue_, "102-8", "information on employees and other workers", 2030).legacy);
  EXPECT_FALSE(ResolveId(catalogue_, "102-5", "scope 1 ghg emissions", 2020).legacy);
  // Otherwise the report year.
  EXPECT_TRUE(ResolveId(catalogue_, "102-9", "", 2024).legacy);
  EXPECT_FALSE(ResolveId(catalogue_, "102-9", "", 2027).legacy);
  EXPECT_EQ(ResolveId(catalogue_, "103-2", "管理方法及其组成部分", 2024).ids,
            std::vector<std::string>{"3-3"});
}

TEST_F(GriResolve, RenumberedWaterWasteAndSafety) {
  EXPECT_EQ(ResolveId(catalogue_, "303-1", "gri 303: water 2016", 2024).ids,
            std::vector<std::string>{"303-3"});
  EXPECT_EQ(ResolveId(catalogue_, "303-1", "gri 303: water and effluents 2018", 2019).ids,
            std::vector<std::string>{"303-1"});
  EXPECT_TRUE(ResolveId(catalogue_, "403-2", "", 2017).legacy);
  EXPECT_FALSE(ResolveId(catalogue_, "403-2", "", 2021).legacy);
  EXPECT_FALSE(ResolveId(catalogue_, "403-9", "", 2017).legacy);  // only in the 2018 edition
  EXPECT_EQ(ResolveId(catalogue_, "306-2", "废弃物的类型及处置方法 gri 306: 2016", 2023).ids,
            (std::vector<std::string>{"306-3", "306-4", "306-5"}));
}

}  // namespace
}  // namespace esgaudit::gri
