// Units of the quantities the exchange guidelines name (energy, water, waste, training, safety):
// a printed unit ("万千瓦时", "吨标准煤", "m3", "小时/人", "起") read as its dimension, the unit it is
// a multiple of and the factor, so that a figure's unit can be compared with its table's.
#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_UNITS_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_UNITS_H_

#include <string>
#include <string_view>

namespace esgaudit::cnexchange {

struct Unit {
  // "energy", "mass", "volume", "time", "count", "money"; empty when the text is not a unit.
  std::string dimension;
  // The unit it is a multiple of: "tce", "kWh", "GJ", "t", "m3", "h", "person", "person-time",
  // "case", "yuan". Units of one dimension but different bases (tce and kWh) convert only with a
  // stated coefficient, so they are never equal.
  std::string base;
  double factor = 1;         // 万千瓦时 -> 1e4 (kWh); MWh -> 1e3 (kWh); 千克 -> 1e-3 (t)
  std::string denominator;   // "人", "万元", "百万工时" for "小时/人", "吨标准煤/万元"; empty if none
  bool known() const { return !dimension.empty(); }
  // Same base and factor (a denominator, when both state one, must be the same text too).
  bool SameAs(const Unit& other) const;
};

// Reads a printed unit. The whole of `text` must be the unit, optionally in brackets or after
// "单位:" ("(单位:万吨)", "Unit: MWh"); spaces are ignored. Magnitude prefixes 千, 万, 百万, 千万,
// 亿 and the SI multiples of Wh and J are applied. Anything else gives an unknown Unit.
Unit ParseUnit(std::string_view text);

// The unit stated in brackets at the end of a label: "综合能耗(吨标准煤)" -> "吨标准煤",
// "用水量(单位:万吨)" -> "万吨"; empty when the label ends with no bracket that parses as a unit.
std::string_view BracketUnit(std::string_view label);

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_UNITS_H_
