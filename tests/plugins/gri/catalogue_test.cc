#include "catalogue.h"

#include <esgaudit/plugin.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "esgaudit_testing.h"

namespace esgaudit::gri {
namespace {

Catalogue Real() { return Catalogue::Load(testing::SourcePath("rules/gri/catalogue.json")); }

TEST(GriCatalogue, HoldsEveryDisclosureInScope) {
  Catalogue c = Real();
  int general = 0;
  for (int i = 1; i <= 30; ++i) general += c.Find("2-" + std::to_string(i)) != nullptr;
  EXPECT_EQ(general, 30);
  for (const char* id :
       {"3-1", "3-3", "201-1", "207-4", "301-1", "303-5", "305-7", "306-5", "307-1", "308-2",
        "401-1", "403-10", "405-1", "418-1", "101-8", "102-10", "103-5"}) {
    EXPECT_NE(c.Find(id), nullptr) << id;
  }
  EXPECT_EQ(c.Find("419-1"), nullptr);  // outside 401..418: a legacy id only
  EXPECT_EQ(c.disclosures().size(), 144u);
  EXPECT_EQ(c.disclosures().front().id, "2-1");
}

TEST(GriCatalogue, CarriesEffectiveDatesAndDataPoints) {
  Catalogue c = Real();
  EXPECT_EQ(c.Find("2-1")->effective, "2023-01-01");
  EXPECT_EQ(c.Find("101-1")->effective, "2026-01-01");
  EXPECT_EQ(c.Find("102-5")->effective, "2027-01-01");
  EXPECT_EQ(c.Find("103-2")->effective, "2027-01-01");
  const Disclosure* scope1 = c.Find("305-1");
  ASSERT_EQ(scope1->data.size(), 1u);
  EXPECT_FALSE(scope1->data[0].units.empty());
  EXPECT_EQ(c.Find("401-1")->data.size(), 2u);  // hires and turnover
  EXPECT_TRUE(c.Find("2-22")->data.empty());    // qualitative
  EXPECT_TRUE(c.Find("307-1")->Withdrawn());
  EXPECT_EQ(c.Find("2-5")->title_zh, "外部鉴证");
}

TEST(GriCatalogue, MapsLegacyIds) {
  Catalogue c = Real();
  ASSERT_NE(c.FindLegacy("G4-LA1"), nullptr);
  EXPECT_EQ(c.FindLegacy("G4-LA1")->successors, std::vector<std::string>{"401-1"});
  EXPECT_EQ(c.FindLegacy("102-8")->successors, (std::vector<std::string>{"2-7", "2-8"}));
  EXPECT_EQ(c.FindLegacy("G4-EN8")->successors, std::vector<std::string>{"303-1@2016"});
  EXPECT_NE(c.FindLegacy("303-1@2016"), nullptr);
}

TEST(GriCatalogue, MalformedCatalogueIsAConfigError) {
  std::string path = ::testing::TempDir() + "/gri_bad_catalogue.json";
  {
    std::ofstream out(path);
    out << R"({"disclosures": [{"id": "2-1", "standard": "GRI 2"}], "legacy": []})";
  }
  EXPECT_THROW(Catalogue::Load(path), sdk::ConfigError);
  {
    std::ofstream out(path);
    out << "{ not json";
  }
  EXPECT_THROW(Catalogue::Load(path), sdk::ConfigError);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace esgaudit::gri
