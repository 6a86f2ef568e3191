#include "quantity_unit_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void QuantityUnitRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const bool en = a.English();
  for (const QuantityUnitProblem& p : a.quantity_unit_problems()) {
    const QuantitySpec& q = *p.spec;
    const std::string article = a.Article(q.article);
    const std::string figure = "\"" + p.printed + "\"";
    sdk::Finding f = NewFinding();
    switch (p.kind) {
      case QuantityUnitProblem::Kind::kNoUnit:
        f.severity = ESGAUDIT_WARNING;
        f.message = en ? "\"" + p.label + "\" figure " + figure + " has no unit in its row or table (" + article + ", Art. 6(1))"
                       : "“" + p.label + "”数值“" + p.printed + "”所在行和表格均未注明单位（" + q.article + "、第6条第1款）";
        break;
      case QuantityUnitProblem::Kind::kWrongDimension:
        f.severity = ESGAUDIT_ERROR;
        f.message = en ? "\"" + p.label + "\" figure " + figure + " is in \"" + p.unit + "\", not a unit of " + q.title_en +
                             " (" + article + ")"
                       : "“" + p.label + "”数值“" + p.printed + "”的单位“" + p.unit + "”不是" + q.title_zh + "的单位（" +
                             q.article + "）";
        break;
      case QuantityUnitProblem::Kind::kTableMismatch:
        f.severity = ESGAUDIT_ERROR;
        f.message = en ? "\"" + p.label + "\" figure " + figure + " is in \"" + p.unit + "\" where its row or table gives \"" +
                             p.stated + "\" (" + article + ")"
                       : "“" + p.label + "”数值“" + p.printed + "”以“" + p.unit + "”计，而所在行或表格的单位为“" + p.stated +
                             "”（" + q.article + "）";
        break;
      case QuantityUnitProblem::Kind::kNoDenominator:
        f.severity = ESGAUDIT_WARNING;
        f.message = en ? "\"" + p.label + "\" figure " + figure + " is a rate or intensity that does not say per what (" +
                             article + ")"
                       : "“" + p.label + "”数值“" + p.printed + "”为强度或比率，但未注明分母（如每万元产值、每百万工时）（" +
                             q.article + "）";
        break;
    }
    a.Locate(p.where, &f);
    f.references = a.References(q.article);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
