#include "percent_sum_rule.h"

#include "relation_analysis.h"

namespace esgaudit::numeric {

void PercentSumRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const RelationAnalysis& a = ctx.Shared<RelationAnalysis>(doc);
  for (const Relation& r : a.relations()) {
    if (r.kind != RelationKind::kPercentBreakdown || !r.flag) continue;
    sdk::Finding f = NewFinding();
    f.severity = r.certainty == Certainty::kCertain ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
    std::string arithmetic = a.Describe(r);
    if (doc.English()) {
      f.message = r.caption.empty()
                      ? "percentages do not add up to 100%: " + arithmetic
                      : "percentages of '" + r.caption + "' do not add up to 100%: " + arithmetic;
    } else {
      // Chinese messages use the same arithmetic with a Chinese conclusion.
      std::string sums = arithmetic.substr(0, arithmetic.find(", expected"));
      f.message = (r.caption.empty() ? std::string("各项百分比之和不为100%：")
                                     : "“" + r.caption + "”各项百分比之和不为100%：") +
                  sums + "，应为100%";
    }
    f.message += a.SlipText(r, doc.English());
    const Figure& first = a.figures()[r.parts.front()];
    if (r.caption_length > 0) {
      f.offset = r.caption_offset;
      f.length = r.caption_length;
    } else {
      f.offset = first.offset;
      f.length = first.length;
    }
    f.related = a.Members(r);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::numeric
