#include "element_missing_rule.h"

#include "analysis.h"

namespace esgaudit::gbt36001 {

void ElementMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  // Without a citation of the standard, the elements are checked only when the user's policy
  // requires GB/T 36001 (host option "require"); the findings are then about the whole report.
  const std::string require = "," + std::string(doc.Option("require")) + ",";
  const bool required = !a.basis_citation().found && require.find(",gbt36001,") != std::string::npos;
  if (!a.basis_citation().found && !required) return;
  const Evidence& cite = a.basis_citation().where;
  uint64_t begin = required ? 0 : a.TextOffset(cite.begin);
  uint64_t end = required ? 0 : a.TextOffset(cite.end);
  for (const ElementResult& e : a.elements()) {
    if (!e.spec->required || e.status != ESGAUDIT_MISSING) continue;
    sdk::Finding f = NewFinding();
    f.severity = e.spec->parameter ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
    const std::string basis = required ? (a.English() ? "GB/T 36001 is required by the audit policy" : "审核策略要求GB/T 36001")
                                       : (a.English() ? "report cites GB/T 36001" : "报告依据GB/T 36001编制");
    f.message = a.English() ? basis + " but lacks \"" + e.spec->title_en + "\" (" + e.spec->id + ")"
                            : basis + "但缺少“" + e.spec->title_zh + "”(" + e.spec->id + ")";
    f.offset = begin;
    f.length = end - begin;
    if (!required) f.evidence = cite.quote;
    f.references = {"GB/T 36001-2015", e.spec->clause};
    ctx.Report(f);
  }
}

}  // namespace esgaudit::gbt36001
