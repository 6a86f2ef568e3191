#include "element_missing_rule.h"

#include "analysis.h"

namespace esgaudit::gbt36001 {

void ElementMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.basis_citation().found) return;
  const Evidence& cite = a.basis_citation().where;
  uint64_t begin = a.TextOffset(cite.begin);
  uint64_t end = a.TextOffset(cite.end);
  for (const ElementResult& e : a.elements()) {
    if (!e.spec->required || e.status != ESGAUDIT_MISSING) continue;
    sdk::Finding f;
    f.rule = kId;
    f.severity = e.spec->parameter ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
    f.message =
        a.English()
            ? "report cites GB/T 36001 but lacks \"" + e.spec->title_en + "\" (" + e.spec->id + ")"
            : "报告依据GB/T 36001编制但缺少“" + e.spec->title_zh + "”(" + e.spec->id + ")";
    f.offset = begin;
    f.length = end - begin;
    f.evidence = cite.quote;
    f.references = {"GB/T 36001-2015", e.spec->clause};
    ctx.Report(f);
  }
}

}  // namespace esgaudit::gbt36001
