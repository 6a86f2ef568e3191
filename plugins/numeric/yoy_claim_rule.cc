#include "yoy_claim_rule.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "value_facts.h"

namespace esgaudit::numeric {
namespace {

const char* const kUp[] = {"增长", "增加", "提高", "提升", "上升", "上涨", "增幅"};
const char* const kDown[] = {"下降", "减少", "降低", "下滑", "降幅", "减幅"};
// Between the direction word and the number.
constexpr std::string_view kFillers[] = {"了",     "约",     "为",   "达", "达到",
                                         "幅度为", "幅度达", "幅度", "近", " "};
const char* const kCompare[] = {"同比",     "较上年",   "比上年",     "较去年",     "比去年",
                                "较上一年", "比上一年", "与上年相比", "与去年相比", "较同期",
                                "上年同期", "较20",     "比20"};
// Marks the earlier year's value when written right before it (after the fillers of kPriorFillers).
const char* const kPrior[] = {"上年", "去年", "上一年", "上年度", "同期", "由", "从"};
constexpr std::string_view kPriorFillers[] = {"的", "为", "是", ":", "：", " "};

// +1 / -1 when `clause` ends with a direction word (after fillers), 0 otherwise.
int Direction(std::string s) {
  s = StripTrailing(std::move(s), kFillers, 1);
  for (const char* w : kUp) {
    if (EndsWith(s, w)) return +1;
  }
  for (const char* w : kDown) {
    if (EndsWith(s, w)) return -1;
  }
  return 0;
}

// The matching-view text right before `at`, up to `n` code points, on the same line.
std::string Preceding(std::string_view view, uint64_t at, size_t n) {
  size_t b = at;
  for (size_t k = 0; k < n && b > 0; ++k) {
    size_t p = PrevStart(view, b);
    if (view[p] == '\n' || view[p] == '\f') break;
    b = p;
  }
  return std::string(view.substr(b, at - b));
}

Interval Growth(const Interval& old_v, const Interval& new_v) {
  double c[4] = {new_v.lo / old_v.lo, new_v.lo / old_v.hi, new_v.hi / old_v.lo,
                 new_v.hi / old_v.hi};
  return {(*std::min_element(c, c + 4) - 1) * 100, (*std::max_element(c, c + 4) - 1) * 100};
}

std::string Percent(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f%%", v);
  return buf;
}

}  // namespace

void YoyClaimRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  std::string_view view = doc.MatchView();
  const std::vector<ValueFact>& all = facts.facts();
  std::string prior_year = facts.report_year() > 0 ? std::to_string(facts.report_year() - 1) : "";
  int claims = 0, checked = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const ValueFact& claim = all[i];
    const esgaudit_fact& cf = *claim.fact;
    if (cf.kind != ESGAUDIT_FACT_PERCENT || sdk::View(cf.unit) != "%" || cf.qualifiers != 0)
      continue;
    int direction = Direction(std::string(claim.before));
    if (direction == 0) continue;
    bool compared = false;
    for (const char* w : kCompare) compared |= Contains(claim.clause, w);
    if (!compared || Contains(claim.clause, "分别")) continue;
    ++claims;

    // The quantities of the same clause before the claim, all in one layout cell.
    uint64_t clause_begin = claim.view_begin - claim.clause.size();
    std::vector<const ValueFact*> values;
    bool ambiguous = false;
    for (size_t j = i; j-- > 0;) {
      const ValueFact& v = all[j];
      if (v.line != claim.line || v.view_end <= clause_begin) break;
      if (v.fact->kind == ESGAUDIT_FACT_PERCENT) ambiguous = true;
      if (v.fact->kind != ESGAUDIT_FACT_QUANTITY) continue;
      values.push_back(&v);
    }
    if (ambiguous || values.size() != 2) continue;
    std::reverse(values.begin(), values.end());
    const esgaudit_fact& a = *values[0]->fact;
    const esgaudit_fact& b = *values[1]->fact;
    if (sdk::View(a.unit) != sdk::View(b.unit) || a.qualifiers != 0 || b.qualifiers != 0) continue;
    if (Contains(view.substr(values[0]->view_begin, claim.view_begin - values[0]->view_begin),
                 "   "))
      continue;

    // Which one is the earlier year's: the one written right after a prior-year marker.
    auto prior = [&](const ValueFact& v) {
      std::string before = StripTrailing(Preceding(view, v.view_begin, 10), kPriorFillers);
      for (const char* m : kPrior) {
        if (EndsWith(before, m)) return true;
      }
      return !prior_year.empty() &&
             (EndsWith(before, prior_year + "年") || EndsWith(before, prior_year + "年度") ||
              EndsWith(before, prior_year));
    };
    bool pa = prior(*values[0]), pb = prior(*values[1]);
    if (pa == pb) continue;
    const esgaudit_fact& old_f = pa ? a : b;
    const esgaudit_fact& new_f = pa ? b : a;
    Interval old_v = PrintedInterval(old_f), new_v = PrintedInterval(new_f);
    if (old_v.lo <= 0) continue;
    ++checked;
    Interval growth = Growth(old_v, new_v);
    Interval stated = ExactInterval(direction * cf.value, cf.decimals, 1);
    if (growth.Overlaps(stated)) continue;

    double actual = (new_f.value / old_f.value - 1) * 100;
    std::string claim_text(doc.Text().substr(cf.offset, cf.length));
    std::string old_text(doc.Text().substr(old_f.offset, old_f.length));
    std::string new_text(doc.Text().substr(new_f.offset, new_f.length));
    std::string arithmetic = "(" + FormatNumber(new_f.value) + " - " + FormatNumber(old_f.value) +
                             ") / " + FormatNumber(old_f.value) + " = " + Percent(actual);
    sdk::Finding out = NewFinding();
    out.severity = ESGAUDIT_ERROR;
    out.offset = cf.offset;
    out.length = cf.length;
    std::string word = direction > 0 ? (doc.English() ? "an increase of" : "增长")
                                     : (doc.English() ? "a decrease of" : "下降");
    out.message = doc.English() ? "claims " + word + " '" + claim_text + "' but '" + old_text +
                                      "' -> '" + new_text + "' is " + arithmetic
                                : "称" + word + "“" + claim_text + "”，但“" + old_text + "”→“" +
                                      new_text + "”为 " + arithmetic;
    out.related.push_back(
        {old_f.offset, old_f.length, doc.English() ? "earlier value" : "上年数值"});
    out.related.push_back(
        {new_f.offset, new_f.length, doc.English() ? "current value" : "本年数值"});
    ctx.Report(out);
  }
  ctx.Log(0, "yoy-claim: " + std::to_string(claims) + " year-on-year claims, " +
                 std::to_string(checked) + " with both values stated and checked");
}

}  // namespace esgaudit::numeric
