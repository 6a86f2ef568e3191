#include "nonmaterial_unexplained_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void NonmaterialUnexplainedRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  for (const TopicResult& t : a.topics()) {
    // A topic still disclosed under its own heading shows the reader its facts; not reported.
    if (t.materiality != Materiality::kNeither || t.explanation.found() || t.heading.found()) continue;
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English()
                    ? "topic \"" + t.spec->title_en + "\" is classed as neither financially nor impact material without a reason (Art. 5(2), 7)"
                    : "议题“" + t.spec->title_zh + "”被列为既不具有财务重要性也不具有影响重要性，但未说明原因（第5条第2款、第7条）";
    a.Locate(t.materiality_where, &f);
    f.references = a.References(a.English() ? "Art. 5(2), Art. 7" : "第5条第2款、第7条");
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
