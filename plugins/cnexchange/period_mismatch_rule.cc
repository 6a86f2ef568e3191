#include "period_mismatch_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void PeriodMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies() || !a.company().fiscal_year.known()) return;
  const OutsideFact& fy = a.company().fiscal_year;
  // A PRC listed company's fiscal year is the calendar year (Accounting Law Art. 11).
  const std::string begin = fy.value + "-01-01";
  const std::string end = fy.value + "-12-31";
  std::string stated;
  if (!a.period_begin().empty()) {
    if (a.period_begin() == begin && a.period_end() == end) return;
    stated = a.period_begin() + (a.English() ? " to " : "至") + a.period_end();
  } else if (a.report_year() != 0) {
    if (std::to_string(a.report_year()) == fy.value) return;
    stated = std::to_string(a.report_year()) + (a.English() ? "" : "年");
  } else {
    return;  // no period stated: cnexchange.element-missing says so
  }
  const std::string article = a.Article("第4条第2款");
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_ERROR;
  f.message = a.English() ? "the report covers " + stated + ", but the annual report's period is " + begin + " to " + end +
                                " (fiscal year " + fy.value + ", " + fy.source + "; " + article + ")"
                          : "报告期间为" + stated + "，与年度报告的报告期间（" + fy.value + "年1月1日至12月31日，" +
                                fy.source + "）不一致（" + article + "）";
  a.Locate(a.period_where().found() ? a.period_where() : a.Anchor(), &f);
  f.references = a.References(article);
  ctx.Report(f);
}

}  // namespace esgaudit::cnexchange
