#include "ghg_unit_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void GhgUnitRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  for (const GhgUnitProblem& p : a.ghg_unit_problems()) {
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_ERROR;
    if (p.magnitude) {
      f.message = a.English() ? "\"" + p.scope + "\" figure \"" + p.printed +
                                    "\" is in 万吨 where its row or column gives 吨 (Art. 24)"
                              : p.scope + "排放“" + p.printed + "”以万吨计，而所在行或列的单位为吨（第24条）";
    } else {
      f.message = a.English() ? "\"" + p.scope + "\" figure \"" + p.printed +
                                    "\" is in tonnes without CO2 equivalent (Art. 24 asks for tCO2e)"
                              : p.scope + "排放“" + p.printed +
                                    "”以吨计但未注明二氧化碳当量（第24条要求以二氧化碳当量公吨披露）";
    }
    a.Locate(p.where, &f);
    f.references = a.References(a.English() ? "Art. 24(1)" : "第24条第1款");
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
