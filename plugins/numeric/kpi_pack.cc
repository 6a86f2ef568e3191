#include "kpi_pack.h"

#include <algorithm>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "esgaudit/units.h"

namespace esgaudit::numeric {
namespace {

namespace pt = boost::property_tree;

class PackReader {
 public:
  explicit PackReader(std::string path) : path_(std::move(path)) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) Fail(0, "cannot read the KPI rule pack");
    std::ostringstream s;
    s << in.rdbuf();
    text_ = s.str();
  }

  [[noreturn]] void Fail(int line, const std::string& what) const {
    throw sdk::ConfigError(path_ + (line > 0 ? ":" + std::to_string(line) : "") + ": " + what);
  }

  int LineOf(const std::string& needle) const {
    size_t at = text_.find(needle);
    if (at == std::string::npos) return 0;
    return 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + at, '\n'));
  }

  std::vector<KpiRule> Read() {
    pt::ptree tree;
    std::istringstream in(text_);
    try {
      pt::read_json(in, tree);
    } catch (const pt::json_parser_error& e) {
      Fail(static_cast<int>(e.line()), "invalid JSON: " + e.message());
    }
    for (const auto& [name, child] : tree) {
      if (name != "rules" && name != "note")
        Fail(LineOf("\"" + name + "\""), "unknown field '" + name + "'");
    }
    auto rules = tree.get_child_optional("rules");
    if (!rules) Fail(0, "no \"rules\" array");
    std::vector<KpiRule> out;
    std::set<std::string> ids;
    int index = 0;
    for (const auto& [name, node] : *rules) {
      ++index;
      if (!name.empty() || node.empty())
        Fail(LineOf("\"rules\""), "\"rules\" must be an array of objects");
      std::string id = node.get("id", "");
      int line = id.empty() ? LineOf("\"rules\"") : LineOf("\"" + id + "\"");
      if (id.empty()) Fail(line, "rule " + std::to_string(index) + " has no \"id\"");
      if (!ids.insert(id).second) Fail(line, "rule '" + id + "' defined twice");
      out.push_back(ReadRule(id, node, line));
    }
    return out;
  }

 private:
  std::string Scalar(const KpiRule& r, const pt::ptree& node, const char* field, int line,
                     bool required) {
    auto c = node.get_child_optional(field);
    if (!c) {
      if (required) Fail(line, "rule '" + r.id + "': no \"" + field + "\"");
      return "";
    }
    if (!c->empty() || c->data().empty())
      Fail(line, "rule '" + r.id + "': \"" + field + "\" must be a non-empty string");
    return c->data();
  }
  double Number(const KpiRule& r, const pt::ptree& node, const char* field, int line) {
    std::string s = Scalar(r, node, field, line, true);
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) {
      Fail(line, "rule '" + r.id + "': \"" + field + "\" must be a number, not '" + s + "'");
    }
    return v;
  }
  std::vector<std::string> List(const KpiRule& r, const pt::ptree& node, const char* field,
                                int line) {
    auto c = node.get_child_optional(field);
    if (!c || c->empty())
      Fail(line, "rule '" + r.id + "': \"" + field + "\" must be a non-empty array");
    std::vector<std::string> out;
    for (const auto& [name, item] : *c) {
      if (!name.empty() || !item.empty() || item.data().empty()) {
        Fail(line, "rule '" + r.id + "': \"" + field + "\" must be an array of strings");
      }
      out.push_back(item.data());
    }
    return out;
  }

  KpiRule ReadRule(const std::string& id, const pt::ptree& node, int line) {
    KpiRule r;
    r.id = id;
    r.where = path_ + ":" + std::to_string(line);
    r.type = Scalar(r, node, "type", line, true);
    std::set<std::string> allowed = {"id", "type", "note"};
    if (r.type == "sum-equals") {
      if (node.count("value")) {
        r.value = Number(r, node, "value", line);
        r.has_value = true;
        if (node.count("total"))
          Fail(line, "rule '" + id + "': give \"total\" or \"value\", not both");
      } else {
        r.key = Scalar(r, node, "total", line, true);
      }
      r.parts = List(r, node, "parts", line);
      allowed.insert({"total", "value", "parts"});
    } else if (r.type == "ratio") {
      r.key = Scalar(r, node, "key", line, true);
      r.numerator = Scalar(r, node, "numerator", line, true);
      r.denominator = Scalar(r, node, "denominator", line, true);
      if (node.count("scale")) r.scale = Number(r, node, "scale", line);
      allowed.insert({"key", "numerator", "denominator", "scale"});
    } else if (r.type == "range") {
      r.key = Scalar(r, node, "key", line, true);
      if (node.count("min")) r.min = Number(r, node, "min", line), r.has_min = true;
      if (node.count("max")) r.max = Number(r, node, "max", line), r.has_max = true;
      if (!r.has_min && !r.has_max)
        Fail(line, "rule '" + id + "': a range needs \"min\" or \"max\"");
      allowed.insert({"key", "min", "max"});
    } else if (r.type == "subset-of") {
      r.key = Scalar(r, node, "key", line, true);
      r.total = Scalar(r, node, "total", line, true);
      allowed.insert({"key", "total"});
    } else if (r.type == "same-as-text") {
      r.key = Scalar(r, node, "key", line, true);
      r.labels = List(r, node, "labels", line);
      allowed.insert({"key", "labels"});
    } else {
      Fail(line, "rule '" + id + "': unknown type '" + r.type +
                     "' (expected sum-equals, ratio, range, subset-of or same-as-text)");
    }
    for (const auto& [field, child] : node) {
      if (!allowed.count(field)) Fail(line, "rule '" + id + "': unknown field '" + field + "'");
    }
    return r;
  }

  std::string path_;
  std::string text_;
};

}  // namespace

std::vector<KpiRule> LoadKpiRules(const std::string& path) { return PackReader(path).Read(); }

void SplitUnit(std::string_view unit, std::string* base, double* magnitude) {
  static const std::pair<const char*, double> kMagnitudes[] = {
      {"万亿", 1e12}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5},
      {"万", 1e4},    {"亿", 1e8},   {"千", 1e3},   {"百", 1e2}};
  *magnitude = 1;
  std::string u(unit);
  // A known unit keeps its first characters (千瓦时, 千米, 百分点 are no magnitude and a unit).
  if (sdk::FindUnitForm(u) == nullptr) {
    for (const auto& [p, m] : kMagnitudes) {
      std::string_view prefix(p);
      if (u.size() > prefix.size() && u.compare(0, prefix.size(), prefix) == 0) {
        *magnitude = m;
        u.erase(0, prefix.size());
        break;
      }
    }
  }
  const sdk::UnitForm* form = sdk::FindUnitForm(u);
  *base = form == nullptr ? u : form->canonical;
}

bool KeyMatches(std::string_view pattern, std::string_view key) {
  if (!pattern.empty() && pattern.back() == '*') {
    return key.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  }
  if (!pattern.empty() && pattern.front() == '*') return EndsWith(key, pattern.substr(1));
  return pattern == key;
}

KpiData::KpiData(const sdk::Document& doc, const sdk::Context& ctx) {
  if (doc.KpiCount() == 0) return;
  std::string path = doc.RulesFile("numeric/kpi-rules.json");
  if (path.empty()) {
    ctx.Log(2, "numeric: no rule pack numeric/kpi-rules.json; KPI data not checked");
    return;
  }
  rules_ = LoadKpiRules(path);
  for (uint32_t i = 0; i < doc.KpiCount(); ++i) {
    const esgaudit_kpi& r = doc.Kpi(i);
    if (std::isnan(r.value)) continue;
    Kpi k;
    k.record = &r;
    k.key = std::string(sdk::View(r.key));
    k.period = std::string(sdk::View(r.period));
    k.source = std::string(sdk::View(r.source));
    k.where = k.source.substr(
        k.source.find_last_of('/') == std::string::npos ? 0 : k.source.find_last_of('/') + 1);
    k.text = std::string(sdk::View(r.text));
    k.unit = std::string(sdk::View(r.unit));
    double magnitude;
    SplitUnit(k.unit, &k.base_unit, &magnitude);
    k.value = r.value * magnitude;
    // Data values are exact, except where they are rounded: decimals, percentages, magnitudes.
    int decimals = DecimalsOf(k.text);
    if (decimals == 0 && magnitude == 1 && k.base_unit != "%") {
      k.interval = {k.value - 1e-9, k.value + 1e-9};
    } else {
      k.interval = ExactInterval(k.value, decimals, magnitude);
    }
    by_period_[k.period][k.key] = std::move(k);
  }
}

}  // namespace esgaudit::numeric
