// The KPI rule pack (rules/numeric/kpi-rules.json) and the KPI records of --data, for the KPI
// rules. The pack format is documented in rules/numeric/kpi-rules.md.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_KPI_PACK_H_
#define ESGAUDIT_PLUGINS_NUMERIC_KPI_PACK_H_

#include <esgaudit/plugin.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "value_facts.h"

namespace esgaudit::numeric {

struct KpiRule {
  std::string id;
  std::string type;  // sum-equals | ratio | range | subset-of | same-as-text
  std::string
      key;  // the checked KPI (the total of sum-equals; may end or start with '*' for range)
  std::vector<std::string> parts;  // sum-equals
  double value = 0;  // sum-equals with a constant total ("value": 100) instead of a KPI
  bool has_value = false;
  std::string numerator, denominator;  // ratio
  double scale = 1;                    // ratio: key = numerator / denominator * scale
  double min = 0, max = 0;             // range
  bool has_min = false, has_max = false;
  std::string total;                // subset-of
  std::vector<std::string> labels;  // same-as-text: labels the figure has in the report
  std::string where;                // "file:line" of the rule, for messages
};

// A KPI record in comparable form: its value in base units ("1.5 万吨" -> 15000, "吨").
struct Kpi {
  const esgaudit_kpi* record = nullptr;
  std::string key, period, source, text, unit;
  std::string where;      // source without directories, for messages: "kpi.json:12"
  std::string base_unit;  // canonical unit without magnitude, as NumericFact::unit spells it
  double value = 0;       // in base units
  Interval interval;      // from the digits written
};

// Parses a pack. Throws sdk::ConfigError "file:line: message" when it is malformed.
std::vector<KpiRule> LoadKpiRules(const std::string& path);

// Splits a data unit into canonical base unit and magnitude: "万元" -> ("元", 1e4), "名" -> ("人",
// 1).
void SplitUnit(std::string_view unit, std::string* base, double* magnitude);

// Per document: the pack (when KPI data was given) and the KPIs by period, then key.
class KpiData {
 public:
  KpiData(const sdk::Document& doc, const sdk::Context& ctx);
  const std::vector<KpiRule>& rules() const { return rules_; }
  const std::map<std::string, std::map<std::string, Kpi>>& by_period() const { return by_period_; }

 private:
  std::vector<KpiRule> rules_;
  std::map<std::string, std::map<std::string, Kpi>> by_period_;
};

// '*' at either end of `pattern` matches any text; otherwise equality.
bool KeyMatches(std::string_view pattern, std::string_view key);

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_KPI_PACK_H_
