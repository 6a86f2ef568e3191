#include "kpi_text.h"

#include <string>

namespace esgaudit::numeric {
namespace {

bool LabelIs(std::string_view label, const std::vector<std::string>& wanted) {
  for (const std::string& w : wanted) {
    if (!label.empty() && EndsWith(label, w)) return true;
  }
  return false;
}

}  // namespace

std::vector<KpiMention> MentionsOf(const sdk::Document& doc, const sdk::Context& ctx,
                                   const Kpi& kpi) {
  const KpiData& data = ctx.Shared<KpiData>(doc);
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  std::vector<std::string> labels;
  for (const KpiRule& r : data.rules()) {
    if (r.type == "same-as-text" && KeyMatches(r.key, kpi.key))
      labels.insert(labels.end(), r.labels.begin(), r.labels.end());
  }
  std::vector<KpiMention> out;
  if (labels.empty()) return out;
  bool percent = kpi.base_unit == "%";
  for (const ValueFact& v : facts.facts()) {
    const esgaudit_fact& f = *v.fact;
    if (percent ? f.kind != ESGAUDIT_FACT_PERCENT : f.kind != ESGAUDIT_FACT_QUANTITY) continue;
    if (sdk::View(f.unit) != kpi.base_unit) continue;
    // The clause's year, else the reporting year, must be the KPI's period when that is a year.
    int year = v.year != 0 ? v.year : facts.report_year();
    if (!kpi.period.empty() && year != 0 && kpi.period.size() == 4 &&
        std::to_string(year) != kpi.period)
      continue;
    bool inline_label = LabelIs(v.label, labels) || LabelIs(v.after, labels);
    bool layout_label = !inline_label && LabelIs(v.column_label, labels);
    if (!inline_label && !layout_label) continue;
    KpiMention m;
    m.fact = &v;
    m.from_layout = layout_label;
    m.agrees = PrintedInterval(f).Overlaps(kpi.interval);
    out.push_back(m);
  }
  return out;
}

}  // namespace esgaudit::numeric
