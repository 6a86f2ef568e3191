#include "per_mille_percent_rule.h"

#include <map>
#include <string>
#include <string_view>

#include "value_facts.h"

namespace esgaudit::numeric {
namespace {

// Rates whose definition is per thousand people, per million hours worked or per million tonnes:
// printed as ‰ or as a plain number, never as a percentage.
const char* const kPerMilleRates[] = {"千人负伤率", "千人重伤率", "千人死亡率", "千人伤亡率", "千人工伤率",
                                      "千人事故率", "千人轻伤率", "万人死亡率", "百万吨死亡率", "千分比",
                                      "千分率"};
// 百万工时 … 率: injury frequency per million hours (百万工时损工率, 百万工时伤害率).
const char* const kPerMillionHours = "百万工时";

constexpr std::string_view kLinks[] = {"分别为", "达到", "控制在", "降至", "下降至", "为", "达",
                                       "是",     "约",   "：",     ":",    " ",      "\t"};

// The per-mille rate this label ends with, or "".
std::string PerMilleAtEnd(std::string_view label) {
  std::string s = StripTrailing(std::string(label), kLinks, 1);
  for (const char* r : kPerMilleRates) {
    if (EndsWith(s, r)) return r;
  }
  if (EndsWith(s, "率")) {
    size_t at = s.rfind(kPerMillionHours);
    // "百万工时损工率": the rate's name right after 百万工时 (at most 6 code points).
    if (at != std::string::npos && CodePoints(std::string_view(s).substr(at)) <= 10) return s.substr(at);
  }
  return "";
}

}  // namespace

void PerMillePercentRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  std::map<uint32_t, std::string> figure_labels;  // the structure model's infographic labels
  if (doc.HasFigures()) {
    for (uint32_t i = 0, n = doc.FigureCount(); i < n; ++i) {
      esgaudit_figure g = doc.Figure(i);
      if ((g.flags & ESGAUDIT_FIGURE_AMBIGUOUS) == 0) figure_labels.emplace(g.fact, std::string(sdk::View(g.label)));
    }
  }
  for (const ValueFact& v : facts.facts()) {
    const esgaudit_fact& f = *v.fact;
    if (f.kind != ESGAUDIT_FACT_PERCENT || sdk::View(f.unit) != "%" || f.value == 0) continue;
    std::string rate = PerMilleAtEnd(v.before);
    if (rate.empty()) {
      auto it = figure_labels.find(v.index);
      if (it != figure_labels.end()) rate = PerMilleAtEnd(it->second);
    }
    if (rate.empty() && !v.column_label.empty() && v.before.empty()) rate = PerMilleAtEnd(v.column_label);
    if (rate.empty()) continue;
    std::string printed(doc.Text().substr(f.offset, f.length));
    sdk::Finding out = NewFinding();
    out.severity = ESGAUDIT_WARNING;
    out.offset = f.offset;
    out.length = f.length;
    out.message = doc.English() ? "'" + rate + "' is a rate per thousand (or per million) but is printed as '" +
                                      printed + "'"
                                : "“" + rate + "”按千分比（或百万分比）计，却印为“" + printed + "”";
    ctx.Report(out);
  }
}

}  // namespace esgaudit::numeric
