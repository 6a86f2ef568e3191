#include "kpi_inconsistent_rule.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "kpi_pack.h"
#include "kpi_text.h"

namespace esgaudit::numeric {
namespace {

std::string Shown(const Kpi& k) { return k.text + (k.unit.empty() ? "" : " " + k.unit); }

class Checker {
 public:
  Checker(const sdk::Document& doc, const sdk::Context& ctx, sdk::Finding blank)
      : doc_(doc), ctx_(ctx), blank_(std::move(blank)) {}

  void Run() {
    const KpiData& data = ctx_.Shared<KpiData>(doc_);
    for (const auto& [period, kpis] : data.by_period()) {
      for (const KpiRule& r : data.rules()) {
        if (r.type == "sum-equals")
          SumEquals(r, kpis);
        else if (r.type == "ratio")
          Ratio(r, kpis);
        else if (r.type == "range")
          Range(r, kpis);
        else if (r.type == "subset-of")
          SubsetOf(r, kpis);
      }
    }
  }

 private:
  using Kpis = std::map<std::string, Kpi>;

  static const Kpi* Get(const Kpis& kpis, const std::string& key) {
    auto it = kpis.find(key);
    return it == kpis.end() ? nullptr : &it->second;
  }

  // Reports at the first text mention of the first KPI involved that has one; else document-level.
  void Report(const KpiRule& r, const std::vector<const Kpi*>& involved, const std::string& what) {
    sdk::Finding out = blank_;
    std::string sources;
    for (const Kpi* k : involved) {
      if (!sources.empty()) sources += ", ";
      sources += k->where;
      for (const KpiMention& m : MentionsOf(doc_, ctx_, *k)) {
        const esgaudit_fact& f = *m.fact->fact;
        if (out.length == 0 && out.offset == 0) {
          out.offset = f.offset;
          out.length = f.length;
        } else {
          out.related.push_back({f.offset, f.length, k->key});
        }
      }
    }
    out.message = what + (doc_.English() ? " (rule '" + r.id + "'; " + sources + ")"
                                         : "（规则“" + r.id + "”；" + sources + "）");
    ctx_.Report(out);
  }

  static bool SameUnits(const std::vector<const Kpi*>& ks) {
    for (const Kpi* k : ks) {
      if (k->base_unit != ks.front()->base_unit) return false;
    }
    return true;
  }

  void SumEquals(const KpiRule& r, const Kpis& kpis) {
    const Kpi* total = r.has_value ? nullptr : Get(kpis, r.key);
    std::vector<const Kpi*> parts;
    for (const std::string& p : r.parts) parts.push_back(Get(kpis, p));
    if ((total == nullptr && !r.has_value) || std::count(parts.begin(), parts.end(), nullptr) > 0)
      return;
    std::vector<const Kpi*> all = parts;
    if (total != nullptr) all.insert(all.begin(), total);
    if (!SameUnits(all)) return;
    Interval sum{0, 0};
    double value = 0;
    std::string expr;
    for (const Kpi* p : parts) {
      sum.lo += p->interval.lo;
      sum.hi += p->interval.hi;
      value += p->value;
      expr += (expr.empty() ? "" : " + ") + FormatNumber(p->value);
    }
    std::string unit = all.front()->base_unit;
    if (r.has_value) {
      if (sum.lo <= r.value && r.value <= sum.hi) return;
      Report(r, all,
             doc_.English() ? "KPI parts sum to " + expr + " = " + FormatNumber(value) + " " +
                                  unit + ", expected " + FormatNumber(r.value)
                            : "KPI 各部分之和 " + expr + " = " + FormatNumber(value) + " " + unit +
                                  "，应为 " + FormatNumber(r.value));
      return;
    }
    if (sum.Overlaps(total->interval)) return;
    Report(r, all,
           doc_.English() ? "KPI '" + r.key + "' is '" + Shown(*total) + "' but its parts sum to " +
                                expr + " = " + FormatNumber(value) + " " + unit
                          : "KPI“" + r.key + "”为“" + Shown(*total) + "”，但各部分之和 " + expr +
                                " = " + FormatNumber(value) + " " + unit);
  }

  void Ratio(const KpiRule& r, const Kpis& kpis) {
    const Kpi* key = Get(kpis, r.key);
    const Kpi* num = Get(kpis, r.numerator);
    const Kpi* den = Get(kpis, r.denominator);
    if (!key || !num || !den || den->interval.lo <= 0 || num->base_unit != den->base_unit) return;
    Interval q{num->interval.lo / den->interval.hi * r.scale,
               num->interval.hi / den->interval.lo * r.scale};
    if (q.Overlaps(key->interval)) return;
    double v = num->value / den->value * r.scale;
    std::string expr = FormatNumber(num->value) + " / " + FormatNumber(den->value) +
                       (r.scale != 1 ? " × " + FormatNumber(r.scale) : "") + " = " +
                       FormatNumber(std::round(v * 100) / 100);
    Report(r, {key, num, den},
           doc_.English() ? "KPI '" + r.key + "' is '" + Shown(*key) + "' but " + r.numerator +
                                " / " + r.denominator + " is " + expr
                          : "KPI“" + r.key + "”为“" + Shown(*key) + "”，但 " + r.numerator + " / " +
                                r.denominator + " 为 " + expr);
  }

  void Range(const KpiRule& r, const Kpis& kpis) {
    for (const auto& [name, k] : kpis) {
      if (!KeyMatches(r.key, name)) continue;
      bool low = r.has_min && k.interval.hi < r.min;
      bool high = r.has_max && k.interval.lo > r.max;
      if (!low && !high) continue;
      std::string bound = "[" + (r.has_min ? FormatNumber(r.min) : "-∞") + ", " +
                          (r.has_max ? FormatNumber(r.max) : "∞") + "]";
      Report(r, {&k},
             doc_.English() ? "KPI '" + name + "' is '" + Shown(k) + "', outside " + bound
                            : "KPI“" + name + "”为“" + Shown(k) + "”，超出 " + bound);
    }
  }

  void SubsetOf(const KpiRule& r, const Kpis& kpis) {
    const Kpi* part = Get(kpis, r.key);
    const Kpi* total = Get(kpis, r.total);
    if (!part || !total || part->base_unit != total->base_unit) return;
    if (part->interval.lo <= total->interval.hi) return;
    Report(r, {part, total},
           doc_.English() ? "KPI '" + r.key + "' is '" + Shown(*part) + "', more than its total '" +
                                r.total + "' = '" + Shown(*total) + "'"
                          : "KPI“" + r.key + "”为“" + Shown(*part) + "”，超过其总数“" + r.total +
                                "”=“" + Shown(*total) + "”");
  }

  const sdk::Document& doc_;
  const sdk::Context& ctx_;
  const sdk::Finding blank_;  // the rule's id and severity, from its registration
};

}  // namespace

void KpiInconsistentRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  Checker(doc, ctx, NewFinding()).Run();
}

}  // namespace esgaudit::numeric
