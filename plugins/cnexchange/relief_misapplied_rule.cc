#include "relief_misapplied_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void ReliefMisappliedRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const bool bse = a.claim().guideline != nullptr && a.claim().guideline->id == "bse";
  const std::string article = a.Article(bse ? "北交所第62条" : "第63条第(三)项");
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_WARNING;
  f.references = a.References(article);
  if (a.relief_claim().found()) {
    if (!a.not_first().found()) return;
    f.message = a.English()
                    ? "the report uses the first-period relief, but says it is not its first report (\"" +
                          a.MatchQuote(a.not_first()) + "\"); the relief is for the first reporting period only (" + article + ")"
                    : "报告称适用首个报告期的安排，但报告也表明此前已发布报告（“" + a.MatchQuote(a.not_first()) +
                          "”）：该安排仅适用于首个报告期（" + article + "）";
    a.Locate(a.relief_claim(), &f);
    f.related.push_back(a.Related(a.not_first(), a.English() ? "earlier reports" : "此前的报告"));
  } else {
    const std::vector<Evidence>& tables = a.current_year_only();
    if (tables.empty()) return;
    const std::string year = std::to_string(a.report_year());
    const std::string count = std::to_string(tables.size());
    f.message = a.English()
                    ? count + (tables.size() == 1 ? " data table gives " : " data tables give ") + year +
                          " figures without the previous year's: no year-on-year change, and the report does not "
                          "say it uses the first-period relief (" + article + ")"
                    : count + "个数据表仅列示" + year + "年数据，未披露指标同比变化，也未说明适用首个报告期可不披露同比变化的安排（" +
                          article + "）";
    a.Locate(tables.front(), &f);
    for (size_t k = 1; k < tables.size() && k <= 10; ++k)
      f.related.push_back(a.Related(tables[k], a.English() ? "another table without " + std::to_string(a.report_year() - 1)
                                                           : "另一未列示" + std::to_string(a.report_year() - 1) + "年数据的表"));
    if (a.not_first().found())
      f.related.push_back(a.Related(a.not_first(), a.English() ? "not the first report" : "并非首份报告"));
  }
  ctx.Report(f);
}

}  // namespace esgaudit::cnexchange
