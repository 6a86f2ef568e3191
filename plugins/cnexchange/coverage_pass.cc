#include "coverage_pass.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void CoveragePass(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  for (const TopicResult& t : a.topics()) {
    sdk::Coverage c;
    c.scheme = "cn-exchange";
    c.id = t.spec->id;
    c.title = t.spec->articles + " " + (a.English() ? t.spec->title_en : t.spec->title_zh);
    c.status = t.Status();
    if (t.explanation.found()) {
      c.locations.push_back(a.Related(t.explanation, (a.English() ? "explained: " : "说明：") + a.Quote(t.explanation)));
    } else if (t.materiality == Materiality::kNeither) {
      c.locations.push_back(a.Related(t.materiality_where, a.English() ? "classed as not material, no reason given"
                                                                       : "列为不具有重要性，未说明原因"));
    }
    if (t.heading.found()) c.locations.push_back(a.Related(t.heading, a.Quote(t.heading)));
    for (const ItemResult& i : t.items) {
      if (c.locations.size() >= 4) break;
      if (i.evidence.empty() || !i.applies) continue;
      sdk::Related r = a.Related(i.evidence.front(), std::string());
      bool seen = false;  // several items often rest on the same sentence
      for (const sdk::Related& l : c.locations) seen |= doc.LineOf(l.offset) == doc.LineOf(r.offset);
      if (seen) continue;
      r.message = a.Quote(i.evidence.front());  // quoted only when shown
      c.locations.push_back(std::move(r));
    }
    ctx.Cover(c);
  }
  for (const TopicResult& t : a.topics()) {
    for (const ItemResult& i : t.items) {
      sdk::Coverage c;
      c.scheme = "cn-exchange-items";
      c.id = i.spec->id;
      c.title = i.spec->article + " " + ShortQuote(i.spec->what, 30);
      c.status = i.evidence.empty() ? ESGAUDIT_MISSING : ESGAUDIT_COVERED;
      for (const Evidence& e : i.evidence) c.locations.push_back(a.Related(e, a.Quote(e)));
      // A 如有 item: a statement that no such event occurred answers it.
      if (i.evidence.empty() && !i.applies && i.none_occurred.found()) {
        c.status = ESGAUDIT_COVERED;
        c.locations.push_back(a.Related(i.none_occurred, (a.English() ? "none occurred: " : "未发生：") +
                                                             a.Quote(i.none_occurred)));
      }
      ctx.Cover(c);
    }
  }
}

}  // namespace esgaudit::cnexchange
