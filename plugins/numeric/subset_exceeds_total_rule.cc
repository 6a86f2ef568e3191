#include "subset_exceeds_total_rule.h"

#include "relation_analysis.h"
#include "value_facts.h"

namespace esgaudit::numeric {

void SubsetExceedsTotalRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const RelationAnalysis& a = ctx.Shared<RelationAnalysis>(doc);
  for (const Relation& r : a.relations()) {
    if (r.kind != RelationKind::kSubset || !r.flag) continue;
    const Figure& total = a.figures()[r.total];
    const Figure& part = a.figures()[r.parts.front()];
    auto quoted = [](const std::string& label, const char* open, const char* close) {
      return label.empty() ? std::string() : open + label + close;
    };
    sdk::Finding f = NewFinding();
    f.severity = r.certainty == Certainty::kCertain ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
    if (doc.English()) {
      f.message = "subset " + quoted(part.label, "'", "' ") + part.text + " exceeds its total " +
                  quoted(total.label, "'", "' ") + total.text;
    } else if (r.cue == SubsetCue::kVerbPair) {
      // What each count counts: "整改数 … 超过排查数 …".
      // Counts are 数 (整改数), amounts 量 (利用量).
      const char* what = IsCountUnit(part.unit) ? "数" : "量";
      f.message = r.part_verb + what + quoted(part.label, "“", "”") + part.text + "超过" + r.whole_verb + what +
                  quoted(total.label, "“", "”") + total.text;
    } else if (r.cue == SubsetCue::kRateOf) {
      // "“就业率”的分子“实现就业”14450人超过其分母“毕业生”1470人": the rate printed after the two counts.
      f.message = quoted(r.part_verb, "“", "”") + "的分子" + quoted(part.label, "“", "”") + part.text + "超过其分母" +
                  quoted(total.label, "“", "”") + total.text;
    } else if (r.cue == SubsetCue::kShareOf) {
      // "占比项“…”1770万千瓦超过其基数“…”785万千瓦": the part states its share of the base.
      f.message = "占比项" + quoted(part.label, "“", "”") + part.text + "超过其基数" + quoted(total.label, "“", "”") +
                  total.text;
    } else if (r.cue == SubsetCue::kRunningTotal) {
      // "当期数“…”1,200件超过累计数“…”1,000件": the figure of the year above the running total.
      f.message = "当期数" + quoted(part.label, "“", "”") + part.text + "超过累计数" + quoted(total.label, "“", "”") +
                  total.text;
    } else if (r.cue == SubsetCue::kGroupMember) {
      // "本行的数“本行…”…超过本集团的数“本集团…”…": a member's figure above its group's.
      const char* what = IsCountUnit(part.unit) ? "数" : "量";
      f.message = r.part_verb + "的" + what + quoted(part.label, "“", "”") + part.text + "超过" + r.whole_verb + "的" +
                  what + quoted(total.label, "“", "”") + total.text;
    } else if (r.cue == SubsetCue::kIncrease) {
      // "增加数“增加义工人数”7,320名超过增至的总数2,446人": the level's label is only 至.
      f.message = "增加数" + quoted(part.label, "“", "”") + part.text + "超过增至的总数" + total.text;
    } else if (r.cue == SubsetCue::kStaffGroup) {
      // "员工分组“女性员工”…超过员工总数“在岗员工”…": a group of the staff named after the headcount.
      f.message = "员工分组" + quoted(part.label, "“", "”") + part.text + "超过员工总数" +
                  quoted(total.label, "“", "”") + total.text;
    } else if (r.cue == SubsetCue::kGroupRow) {
      // "分组行“女性员工”…超过其总数行“员工总数”…": a KPI row naming a group of the row above it.
      f.message = "分组行" + quoted(part.label, "“", "”") + part.text + "超过其总数行" + quoted(total.label, "“", "”") +
                  total.text;
    } else {
      // 其中项 after 其中, 所含项 after 包括 / 包含, 所属项 for a count among the total's (…中，…为).
      const char* how = r.cue == SubsetCue::kIncluding ? "所含项" : r.cue == SubsetCue::kAmong ? "所属项" : "其中项";
      f.message = how + quoted(part.label, "“", "”") +
                  part.text + "超过其总数" + quoted(total.label, "“", "”") + total.text;
    }
    f.offset = part.offset;
    f.length = part.length;
    f.related = a.Members(r);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::numeric
