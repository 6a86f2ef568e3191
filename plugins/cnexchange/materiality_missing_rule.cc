#include "materiality_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void MaterialityMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const bool financial = a.financial_materiality().found();
  const bool impact = a.impact_materiality().found();
  if (financial && impact) return;
  std::string missing;
  if (!financial) missing = a.English() ? "financial materiality" : "财务重要性";
  if (!impact) missing += (missing.empty() ? "" : a.English() ? " and " : "和") +
                          std::string(a.English() ? "impact materiality" : "影响重要性");
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_ERROR;
  f.message = a.English() ? "the report does not describe how it assessed " + missing + " (Art. 5)"
                          : "报告未说明" + missing + "的评估（第5条要求双重重要性评估）";
  a.Locate(a.Anchor(), &f);
  f.references = a.References(a.English() ? "Art. 5(1)" : "第5条第1款");
  ctx.Report(f);
}

}  // namespace esgaudit::cnexchange
