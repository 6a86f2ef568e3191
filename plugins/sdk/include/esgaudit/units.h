// Units of counts and measures: how reports print them and the canonical spelling a numeric fact
// carries (esgaudit_fact::unit). One table for the core's fact reader, which reads these printed
// forms after a figure; the KPI data loader, which accepts each of them and those of
// kDataOnlyUnits, behind an optional magnitude (万, 亿 ...); and the numeric plugin, which compares
// a KPI value with the report's figures of the same canonical unit.
#ifndef ESGAUDIT_UNITS_H_
#define ESGAUDIT_UNITS_H_

#include <string_view>

namespace esgaudit::sdk {

struct UnitForm {
  const char* printed;
  const char* canonical;  // without magnitude
  bool latin;             // needs a word boundary after it; may follow one space
};

// The units the fact reader reads in report text; of two that both match, the longer wins.
inline constexpr UnitForm kReportUnits[] = {
    // people and counts
    {"人次", "人次", false}, {"人天", "人天", false}, {"人", "人", false}, {"名", "人", false},
    {"位", "人", false}, {"户", "户", false}, {"项", "项", false}, {"个", "个", false},
    {"次", "次", false}, {"场", "场", false}, {"篇", "篇", false}, {"件", "件", false},
    {"家", "家", false}, {"所", "所", false}, {"台", "台", false}, {"辆", "辆", false},
    {"座", "座", false}, {"套", "套", false}, {"条", "条", false}, {"份", "份", false},
    {"批", "批", false}, {"棵", "棵", false}, {"株", "株", false}, {"期", "期", false},
    {"门", "门", false}, {"册", "册", false}, {"本", "本", false}, {"起", "起", false},
    {"笔", "笔", false}, {"支", "支", false}, {"张", "张", false}, {"处", "处", false},
    {"股", "股", false}, {"对", "对", false}, {"封", "封", false}, {"只", "只", false},
    {"尾", "尾", false},
    // time
    {"小时", "小时", false}, {"学时", "学时", false}, {"课时", "课时", false},
    {"天", "天", false}, {"岁", "岁", false}, {"个月", "个月", false}, {"周", "周", false},
    // mass, energy, emissions
    {"吨二氧化碳当量", "tCO2e", false}, {"吨标准煤", "吨标准煤", false}, {"吨标煤", "吨标准煤", false},
    {"吨", "吨", false}, {"千克", "kg", false}, {"公斤", "kg", false}, {"克", "g", false},
    {"千瓦时", "kWh", false}, {"兆瓦时", "MWh", false}, {"千瓦", "kW", false}, {"兆瓦", "MW", false},
    {"吉焦", "GJ", false}, {"标方", "m3", false}, {"毫升", "mL", false},
    // money
    {"元", "元", false}, {"美元", "美元", false}, {"港元", "港元", false}, {"港币", "港元", false},
    {"欧元", "欧元", false}, {"英镑", "英镑", false},
    // area, length, volume
    {"亩", "亩", false}, {"公顷", "公顷", false}, {"平方公里", "km2", false},
    {"平方米", "m2", false}, {"平米", "m2", false}, {"立方米", "m3", false}, {"立方", "m3", false},
    {"公里", "km", false}, {"千米", "km", false}, {"米", "m", false},
    // ratios
    {"个百分点", "百分点", false}, {"百分点", "百分点", false}, {"倍", "倍", false},
    // Latin units
    {"tCO2e", "tCO2e", true}, {"tCO2eq", "tCO2e", true}, {"tCO2-eq", "tCO2e", true},
    {"tCO2", "tCO2e", true}, {"MtCO2e", "MtCO2e", true}, {"ktCO2e", "ktCO2e", true},
    {"kWh", "kWh", true}, {"MWh", "MWh", true}, {"GWh", "GWh", true}, {"TWh", "TWh", true},
    {"kW", "kW", true}, {"MW", "MW", true}, {"GW", "GW", true}, {"GJ", "GJ", true},
    {"TJ", "TJ", true}, {"MJ", "MJ", true}, {"PJ", "PJ", true}, {"m3", "m3", true},
    {"m2", "m2", true}, {"km", "km", true}, {"kg", "kg", true}, {"t", "吨", true},
    {"tonnes", "吨", true}, {"tonne", "吨", true}, {"tons", "吨", true}, {"ppm", "ppm", true},
    {"mg/L", "mg/L", true}, {"mg/m3", "mg/m3", true}, {"hours", "小时", true},
    {"employees", "人", true}, {"people", "人", true}, {"persons", "人", true},
    {"women", "人", true}, {"men", "人", true}, {"female employees", "人", true},
    {"male employees", "人", true},
};

// Units KPI data may carry besides: none (a plain number), the signs the fact reader reads as a
// share rather than a unit (%, ‰), and spellings it does not read after a figure in prose, where
// each is more often something else (度 a degree, 日 / 年 / 月 a date, 种 / 款 a kind, h an hour
// marker of a clock time).
inline constexpr UnitForm kDataOnlyUnits[] = {
    {"", "", false},         {"%", "%", false},     {"‰", "‰", false},   {"例", "例", false},
    {"种", "种", false},     {"款", "款", false},   {"度", "kWh", false},
    {"tce", "吨标准煤", true}, {"m²", "m2", true},  {"m³", "m3", true},   {"m", "m", true},
    {"h", "小时", true},
    {"日", "日", false},     {"年", "年", false},   {"月", "个月", false},
};

// The entry whose printed form is `printed` (either table), or nullptr.
inline const UnitForm* FindUnitForm(std::string_view printed) {
  for (const UnitForm& u : kReportUnits)
    if (printed == u.printed) return &u;
  for (const UnitForm& u : kDataOnlyUnits)
    if (printed == u.printed) return &u;
  return nullptr;
}

}  // namespace esgaudit::sdk

#endif  // ESGAUDIT_UNITS_H_
