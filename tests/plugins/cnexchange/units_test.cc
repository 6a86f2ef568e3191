// The cnexchange unit reader: dimensions, bases and multiples of the units the guideline's
// quantities are printed in, denominators, and units in a label's brackets.
#include <gtest/gtest.h>

#include <string>

#include "units.h"

namespace esgaudit::cnexchange {
namespace {

std::string Describe(const Unit& u) {
  if (!u.known()) return "unknown";
  std::string out = u.dimension + " " + u.base + " x" + std::to_string(static_cast<long long>(u.factor * 1000));
  if (!u.denominator.empty()) out += " per " + u.denominator;
  return out;
}

TEST(CnexchangeUnitsTest, EnergyWaterWasteTrainingAndSafetyUnits) {
  EXPECT_EQ(Describe(ParseUnit("吨标准煤")), "energy tce x1000");
  EXPECT_EQ(Describe(ParseUnit("万吨标准煤")), "energy tce x10000000");
  EXPECT_EQ(Describe(ParseUnit("tce")), "energy tce x1000");
  EXPECT_EQ(Describe(ParseUnit("千瓦时")), "energy kWh x1000");
  EXPECT_EQ(Describe(ParseUnit("万千瓦时")), "energy kWh x10000000");
  EXPECT_EQ(Describe(ParseUnit("MWh")), "energy kWh x1000000");
  EXPECT_EQ(Describe(ParseUnit("兆瓦时")), "energy kWh x1000000");
  EXPECT_EQ(Describe(ParseUnit("GJ")), "energy GJ x1000");
  EXPECT_EQ(Describe(ParseUnit("吨")), "mass t x1000");
  EXPECT_EQ(Describe(ParseUnit("千克")), "mass t x1");
  EXPECT_EQ(Describe(ParseUnit("万吨")), "mass t x10000000");
  EXPECT_EQ(Describe(ParseUnit("立方米")), "volume m3 x1000");
  EXPECT_EQ(Describe(ParseUnit("m3")), "volume m3 x1000");  // m³ on the NFKC view
  EXPECT_EQ(Describe(ParseUnit("万立方米")), "volume m3 x10000000");
  EXPECT_EQ(Describe(ParseUnit("小时")), "time h x1000");
  EXPECT_EQ(Describe(ParseUnit("学时")), "time 学时 x1000");
  EXPECT_EQ(Describe(ParseUnit("人次")), "count person-time x1000");
  EXPECT_EQ(Describe(ParseUnit("起")), "count case x1000");
}

TEST(CnexchangeUnitsTest, DenominatorsBracketsAndNonUnits) {
  EXPECT_EQ(Describe(ParseUnit("吨标准煤/万元")), "energy tce x1000 per 万元");
  EXPECT_EQ(Describe(ParseUnit("小时/人")), "time h x1000 per 人");
  EXPECT_EQ(Describe(ParseUnit("hours per employee")), "time h x1000 per employee");
  EXPECT_EQ(Describe(ParseUnit("(单位:万吨)")), "mass t x10000000");
  EXPECT_EQ(Describe(ParseUnit("Unit: MWh")), "energy kWh x1000000");
  EXPECT_EQ(Describe(ParseUnit("persons")), "count person x1000");
  EXPECT_EQ(Describe(ParseUnit("")), "unknown");
  EXPECT_EQ(Describe(ParseUnit("2024")), "unknown");
  EXPECT_EQ(Describe(ParseUnit("综合能耗")), "unknown");
  EXPECT_EQ(Describe(ParseUnit("万")), "unknown");  // a magnitude alone is no unit
  EXPECT_EQ(BracketUnit("综合能耗(吨标准煤)"), "吨标准煤");
  EXPECT_EQ(BracketUnit("用水量(单位:万吨)"), "单位:万吨");
  EXPECT_EQ(BracketUnit("危险废物(含医疗废物)"), "");
  EXPECT_EQ(BracketUnit("用水量"), "");
}

TEST(CnexchangeUnitsTest, SameUnitMeansSameBaseAndMultiple) {
  EXPECT_TRUE(ParseUnit("吨").SameAs(ParseUnit("t")));
  EXPECT_TRUE(ParseUnit("兆瓦时").SameAs(ParseUnit("MWh")));
  EXPECT_FALSE(ParseUnit("万吨").SameAs(ParseUnit("吨")));
  EXPECT_FALSE(ParseUnit("MWh").SameAs(ParseUnit("kWh")));
  EXPECT_FALSE(ParseUnit("吨标准煤").SameAs(ParseUnit("千瓦时")));  // different bases never equal
  EXPECT_FALSE(ParseUnit("吨标准煤/万元").SameAs(ParseUnit("吨标准煤/吨产品")));
  EXPECT_TRUE(ParseUnit("吨标准煤/万元").SameAs(ParseUnit("吨标准煤")));
}

}  // namespace
}  // namespace esgaudit::cnexchange
