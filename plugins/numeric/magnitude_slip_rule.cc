#include "magnitude_slip_rule.h"

#include <string>

#include "figure_groups.h"

namespace esgaudit::numeric {

void MagnitudeSlipRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  for (const FigureConflict& c : ctx.Shared<FigureGroups>(doc).conflicts()) {
    if (c.from_table) continue;  // the table's cell is printed in its row's unit, magnitude included
    const esgaudit_fact& odd = *c.odd.front().fact->fact;
    const esgaudit_fact& major = *c.majority.front().fact->fact;
    double power;
    if (!MagnitudeApart(odd, major, &power)) continue;
    bool layout = false;
    for (const auto* cluster : {&c.odd, &c.majority}) {
      for (const Mention& m : *cluster) layout |= m.from_layout;
    }
    std::string a(doc.Text().substr(odd.offset, odd.length));
    std::string b(doc.Text().substr(major.offset, major.length));
    std::string line = std::to_string(doc.LineOf(major.offset) + 1);
    std::string factor = power == 4 ? "10^4" : "10^8";
    sdk::Finding out = NewFinding();
    out.references = {"GRI 2-4"};
    out.severity = layout ? ESGAUDIT_WARNING : ESGAUDIT_ERROR;
    out.offset = odd.offset;
    out.length = odd.length;
    out.message = doc.English() ? "'" + c.label + "' is '" + a + "' here but '" + b + "' on line " +
                                      line + ", a factor of " + factor + " (万/亿 slip)"
                                : "“" + c.label + "”此处为“" + a + "”，第 " + line + " 行为“" + b +
                                      "”，相差 " + factor + " 倍（万/亿 错位）";
    for (const auto* cluster : {&c.odd, &c.majority}) {
      for (const Mention& m : *cluster) {
        const esgaudit_fact& f = *m.fact->fact;
        if (&f == &odd) continue;
        out.related.push_back(
            {f.offset, f.length,
             "“" + c.label + "”: " + std::string(doc.Text().substr(f.offset, f.length))});
      }
    }
    ctx.Report(out);
  }
}

}  // namespace esgaudit::numeric
