#include "topic_unassessed_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void TopicUnassessedRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  // Only a report that gives its classification in text can be checked: find where it starts.
  const TopicResult* first = nullptr;
  for (const TopicResult& t : a.topics()) {
    if (t.materiality == Materiality::kUnstated) continue;
    if (first == nullptr || t.materiality_where.begin < first->materiality_where.begin) first = &t;
  }
  if (first == nullptr) return;
  for (const TopicResult& t : a.topics()) {
    if (t.materiality != Materiality::kUnstated) continue;
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English()
                    ? "topic \"" + t.spec->title_en + "\" is missing from the report's materiality classification (Art. 5(1) asks for every one of the 21 topics)"
                    : "议题“" + t.spec->title_zh + "”未出现在报告的重要性评估结论中（第5条第1款要求逐一评估21个议题）";
    a.Locate(first->materiality_where, &f);
    f.references = a.References(a.English() ? "Art. 5(1)" : "第5条第1款");
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
