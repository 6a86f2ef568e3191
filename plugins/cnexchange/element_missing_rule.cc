#include "element_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void ElementMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const auto& specs = a.pack().elements();
  for (size_t i = 0; i < specs.size(); ++i) {
    if (a.elements()[i].found()) continue;
    const ElementSpec& e = specs[i];
    sdk::Finding f = NewFinding();
    f.severity = e.severity;
    f.message = a.English() ? "the report does not state its " + e.title_en + " (" + a.Article(e.article) + ")"
                            : "报告未见“" + e.title_zh + "”（" + e.article + "）";
    a.Locate(a.Anchor(), &f);
    f.references = a.References(e.article);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
