#include "item_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void ItemMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  for (const TopicResult& t : a.topics()) {
    // A topic the report does not address is cnexchange.topic-missing; one it explains or classes
    // as not material owes no items.
    if (!t.Addressed() || t.explanation.found() || t.materiality == Materiality::kNeither) continue;
    Evidence where = t.heading;
    for (const ItemResult& i : t.items) {
      if (!where.found() && !i.evidence.empty()) where = i.evidence.front();
    }
    for (const ItemResult& i : t.items) {
      if (!i.evidence.empty()) continue;
      const bool encouraged = i.spec->level == Level::kEncouraged && t.triggered;
      if (!i.applies && !encouraged) continue;
      sdk::Finding f = NewFinding();
      f.severity = i.applies ? ESGAUDIT_WARNING : ESGAUDIT_INFO;
      const std::string what = ShortQuote(i.spec->what, 36);
      if (a.English()) {
        f.message = "topic \"" + t.spec->title_en + "\" lacks " +
                    (i.applies ? "the required item " : "the encouraged item ") + i.spec->id + " (" +
                    a.Article(i.spec->article) + ")";
      } else {
        f.message = "议题“" + t.spec->title_zh + "”未见" + i.spec->article +
                    (i.applies ? "要求" : "鼓励") + "的披露：" + what;
      }
      a.Locate(i.event.found() ? i.event : where, &f);  // a 如有 item: where the event is stated
      f.references = a.References(i.spec->article);
      ctx.Report(f);
    }
  }
}

}  // namespace esgaudit::cnexchange
