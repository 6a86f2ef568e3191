#include "rate_above_100_rule.h"

#include <string>
#include <string_view>

#include "value_facts.h"

namespace esgaudit::numeric {
namespace {

// Rates whose numerator is a part of their denominator, so they cannot exceed 100%. Deliberately
// absent: 完成率 (a plan can be over-fulfilled), 利用率 / 综合利用率 (stockpiles), 执行率
// (budgets), 增长率 and every growth word.
const char* const kCappedRates[] = {
    "达标率", "覆盖率", "签订率", "签约率", "合格率", "处置率", "整改完成率", "整改率",
    "占比",   "比重",   "参保率", "体检率", "持证率", "普及率", "受训率",     "及时率",
    "准确率", "满意率", "满意度", "通过率", "出勤率", "到位率", "上岗率",     "投保率",
    "缴纳率", "知晓率", "接种率", "落实率", "完好率", "闭环率", "销号率",     "办结率",
    "结案率", "回复率", "响应率", "公开率", "披露率", "参与率", "安置率",     "达成率",
    "检测率", "监测率", "留存率", "保留率", "就业率", "缴存率"};

// What may stand between a rate's label and its value: linking words only. Anything else
// ("同比提升", "较上年增长", "目标") means the number is not (or not surely) the rate itself.
const char* const kLinks[] = {
    "分别达到", "分别为", "分别达", "均达到", "均保持", "均为",   "均达", "提升至", "提高至",
    "上升至",   "增至",   "增长至", "保持在", "保持",   "维持在", "维持", "达到了", "达到",
    "已达",     "为",     "达",     "是",     "约",     "近",     "超",   "实现",   "继续",
    "稳定在",   "高达",   "：",     ":",      " ",      "\t"};

// `label` without the linking words at its end.
std::string StripLinks(std::string_view label) {
  std::string s(label);
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (const char* l : kLinks) {
      if (EndsWith(s, l)) {
        s.resize(s.size() - std::string_view(l).size());
        again = true;
      }
    }
  }
  return s;
}

// The capped rate this label names when it ends with it (after linking words), or "".
std::string CappedRateAtEnd(std::string_view label) {
  std::string s(label);
  bool again = true;
  while (again && !s.empty()) {
    again = false;
    for (const char* l : kLinks) {
      if (EndsWith(s, l) && s.size() > std::string_view(l).size()) {
        s.resize(s.size() - std::string_view(l).size());
        again = true;
      }
    }
  }
  // Financial ratios named 覆盖率 are not shares: 拨备覆盖率 and 流动性覆盖率 are usually above
  // 100%.
  for (const char* f :
       {"拨备覆盖率", "准备覆盖率", "流动性覆盖率", "利息覆盖率", "偿债覆盖率", "保障覆盖率"}) {
    if (EndsWith(s, f)) return "";
  }
  for (const char* r : kCappedRates) {
    if (EndsWith(s, r)) return r;
  }
  return "";
}

bool HasCjk(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t next;
    if (IsCjk(DecodeAt(s, i, &next))) return true;
    i = next;
  }
  return false;
}

}  // namespace

void RateAbove100Rule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  int checked = 0;
  for (const ValueFact& v : facts.facts()) {
    const esgaudit_fact& f = *v.fact;
    if (f.kind != ESGAUDIT_FACT_PERCENT || sdk::View(f.unit) != "%") continue;
    // "100%以上" and "约101%" are not precise enough to be above 100 for sure.
    if (f.qualifiers &
        (ESGAUDIT_QUAL_APPROX | ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS | ESGAUDIT_QUAL_NEGATIVE)) {
      continue;
    }
    // "募集目标2000棵，达标率108%": a rate of a target met is a target exceeded.
    bool target = false;
    for (const char* t : {"目标", "计划", "任务", "预算", "指标"}) target |= Contains(v.clause, t);
    if (target) continue;
    std::string rate = CappedRateAtEnd(v.before);
    bool from_layout = false;
    bool wrapped = false;
    if (rate.empty()) {
      // An infographic: the label is in the same layout column, and nothing labels it in its line.
      if (!HasCjk(v.before) && !v.column_label.empty()) {
        rate = CappedRateAtEnd(v.column_label);
        from_layout = !rate.empty();
      }
    }
    if (rate.empty() && !HasCjk(StripLinks(v.cell_prefix)) && !v.above_in_cell.empty()) {
      // A sentence wrapped onto the number's line: "…签订率和社保覆盖率" above "均为 100%".
      bool target_above = false;
      for (const char* t : {"目标", "计划", "任务", "预算", "指标"}) {
        target_above |= Contains(v.above_in_cell, t);
      }
      if (target_above) continue;
      rate = CappedRateAtEnd(v.above_in_cell);
      from_layout = wrapped = !rate.empty();
    }
    if (rate.empty()) continue;
    ++checked;
    if (ExactInterval(f.value, f.decimals, 1).lo <= 100) continue;

    std::string printed(doc.Text().substr(f.offset, f.length));
    sdk::Finding out;
    out.rule = "numeric.rate-above-100";
    out.severity = from_layout ? ESGAUDIT_WARNING : ESGAUDIT_ERROR;
    out.offset = f.offset;
    out.length = f.length;
    if (doc.English()) {
      out.message = "capped rate '" + rate + "' is '" + printed + "', above 100%";
    } else {
      out.message = "比率“" + rate + "”为“" + printed + "”，超过 100%";
    }
    if (wrapped) {
      out.message += doc.English() ? " (label from the line above)" : "（标签取自上一行）";
    } else if (from_layout) {
      out.message += doc.English() ? " (label from the layout column)" : "（标签取自版面同列）";
    }
    ctx.Report(out);
  }
  ctx.Log(0, "rate-above-100: " + std::to_string(checked) + " capped rates checked");
}

}  // namespace esgaudit::numeric
