#include "assurance_details_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void AssuranceDetailsMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies() || !a.assurance().found() || a.assurance_missing().empty()) return;
  std::string list;
  for (const std::string& detail : a.assurance_missing()) {
    std::string name;
    if (detail == "assurance_independence") name = a.English() ? "the provider's independence" : "机构的独立性";
    if (detail == "assurance_scope") name = a.English() ? "the scope" : "鉴证范围";
    if (detail == "assurance_standard") name = a.English() ? "the standard applied" : "依据的标准";
    if (detail == "assurance_conclusion") name = a.English() ? "the conclusion" : "鉴证结论";
    list += (list.empty() ? "" : a.English() ? ", " : "、") + name;
  }
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_WARNING;
  f.message = a.English() ? "the report says it was assured but does not give " + list + " (Art. 58)"
                          : "报告称经第三方鉴证或审验，但未披露" + list + "（第58条）";
  a.Locate(a.assurance(), &f);
  f.references = a.References(a.English() ? "Art. 58" : "第58条");
  ctx.Report(f);
}

}  // namespace esgaudit::cnexchange
