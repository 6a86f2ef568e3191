#include "parts_total_rule.h"

#include "relation_analysis.h"

#include <cstdlib>
#include <string>

namespace esgaudit::numeric {

void PartsTotalRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const RelationAnalysis& a = ctx.Shared<RelationAnalysis>(doc);
  for (const Relation& r : a.relations()) {
    if (r.kind != RelationKind::kPartsTotal || !r.flag) continue;
    const Figure& total = a.figures()[r.total];
    std::string sums = a.Describe(r);
    sums = sums.substr(0, sums.find(", expected"));
    sdk::Finding f = NewFinding();
    f.severity = r.certainty == Certainty::kCertain ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
    // Parts short of a total they do not name completely: say what is missing, as a warning.
    // A part named as slipped (below) explains the gap instead.
    const bool short_open =
        r.certainty == Certainty::kLikely && r.sum_high < total.low && r.slip_part < 0 && r.column_decimals == 0;
    if (short_open && doc.English()) {
      f.message = "parts fall short of the total" + (r.caption.empty() ? std::string() : " '" + r.caption + "'") +
                  " by " + a.ShortfallText(r) + ": " + sums + ", total " + total.text +
                  "; the categories not listed are not printed";
    } else if (short_open) {
      f.message = "分项之和比合计" + (r.caption.empty() ? std::string() : "“" + r.caption + "”") + "少" +
                  a.ShortfallText(r) + "：" + sums + "，合计为" + total.text + "；未列出的类别未披露";
    } else if (doc.English()) {
      f.message = (r.caption.empty() ? std::string("parts do not add up to their total: ")
                                     : "parts do not add up to the total '" + r.caption + "': ") +
                  sums + ", expected " + total.text;
    } else {
      f.message = (r.caption.empty() ? std::string("分项之和与合计不符：")
                                     : "分项之和与合计“" + r.caption + "”不符：") +
                  sums + "，合计为" + total.text;
    }
    // A row off only within rounding, flagged because its table's other rows add up exactly.
    if (r.exact_rows > 0 && doc.English()) {
      f.message += " (" + std::to_string(r.exact_rows) + " other rows of the table add up exactly as printed)";
    } else if (r.exact_rows > 0) {
      f.message += "（同表另有" + std::to_string(r.exact_rows) + "行按所列数值相加完全一致）";
    }
    if (r.column_decimals > 0 && doc.English()) {
      f.message += " (read to the " + std::to_string(r.column_decimals) +
                   " decimals its table's columns print; within the rounding of the figures as printed)";
    } else if (r.column_decimals > 0) {
      f.message += "（按同列所列的" + std::to_string(r.column_decimals) + "位小数读；按所列数值本身的精度则在舍入之内）";
    }
    f.message += a.SlipText(r, doc.English());
    f.offset = total.offset;
    f.length = total.length;
    f.related = a.Members(r);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::numeric
