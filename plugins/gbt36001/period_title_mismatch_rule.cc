#include "period_title_mismatch_rule.h"

#include "analysis.h"

namespace esgaudit::gbt36001 {

void PeriodTitleMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  const YearSpan& period = a.period();
  const YearSpan& title = a.title();
  if (!period.found || !title.found || period.first == 0) return;
  if (title.first >= period.first && title.first <= period.last) return;
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_WARNING;
  std::string year = std::to_string(title.first);
  f.message = a.English()
                  ? "reporting period \"" + period.where.quote +
                        "\" does not match the title year \"" + year + "\""
                  : "报告时间范围“" + period.where.quote + "”与标题年份“" + year + "”不一致";
  f.offset = a.TextOffset(period.where.begin);
  f.length = a.TextOffset(period.where.end) - f.offset;
  f.evidence = period.where.quote;
  f.references = {"GB/T 36001-2015 5.5"};
  uint64_t t = a.TextOffset(title.where.begin);
  f.related.push_back({t, a.TextOffset(title.where.end) - t, title.where.quote});
  ctx.Report(f);
}

}  // namespace esgaudit::gbt36001
