#include "entity_mismatch_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {
void EntityMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const Company& c = a.company();
  const std::string article = a.Article("第4条第2款");
  auto report = [&](const std::string& message, const Evidence& where) {
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_ERROR;
    f.message = message;
    a.Locate(where, &f);
    f.references = a.References(article);
    ctx.Report(f);
  };
  if (c.stock_code.known() && !a.stated_codes().empty()) {
    const Named* other = nullptr;
    bool same = false;
    for (const Named& n : a.stated_codes()) {
      if (n.name == c.stock_code.value) same = true;
      else if (other == nullptr) other = &n;
    }
    if (!same && other != nullptr) {
      report(a.English() ? "the report states stock code " + other->name + ", but the annual report's entity has stock code " +
                               c.stock_code.value + " (" + c.stock_code.source + "; " + article +
                               ": the same entity as the annual report)"
                         : "报告所述股票代码为" + other->name + "，与年度报告的披露主体（股票代码" + c.stock_code.value +
                               "，" + c.stock_code.source + "）不一致（" + article + "：报告主体须与年度报告一致）",
             other->where);
    }
  }
  if (!c.entity.known()) return;
  const std::string want = NameKey(c.entity.value);
  const Named& own = a.report_entity();
  const std::string got = NameKey(own.name);
  if (!own.name.empty() && got.find(want) == std::string::npos && want.find(got) == std::string::npos) {
    report(a.English() ? "the report is about \"" + own.name + "\", not the annual report's entity \"" + c.entity.value +
                             "\" (" + c.entity.source + "; " + article + ")"
                       : "报告以“" + own.name + "”为主体，与年度报告的披露主体“" + c.entity.value + "”（" +
                             c.entity.source + "）不一致（" + article + "）",
           own.where);
  } else if (!a.entity_named()) {
    report(a.English() ? "the report never names the annual report's entity \"" + c.entity.value + "\" (" +
                             c.entity.source + "; " + article + ")"
                       : "报告未提及年度报告的披露主体“" + c.entity.value + "”（" + c.entity.source + "；" + article + "）",
           a.Anchor());
  }
}

}  // namespace esgaudit::cnexchange
