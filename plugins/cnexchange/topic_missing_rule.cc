#include "topic_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void TopicMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  for (const TopicResult& t : a.topics()) {
    if (!t.HasApplicableItems() || t.Addressed() || t.explanation.found() ||
        t.materiality == Materiality::kNeither)
      continue;
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English()
                    ? "topic \"" + t.spec->title_en + "\" (" + a.Article(t.spec->articles) + ") is neither disclosed nor explained as not applicable or not material"
                    : "未见议题“" + t.spec->title_zh + "”（" + t.spec->articles + "）的披露，也未说明不适用或不具有重要性的原因";
    a.Locate(t.materiality_where.found() ? t.materiality_where : a.Anchor(), &f);
    f.references = a.References(t.spec->articles);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
