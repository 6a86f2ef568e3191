#include "yoy_claim_rule.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "value_facts.h"
#include "yearly_tables.h"

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
    // "营业收入由上年的100亿元增长至120亿元，增幅为25%": a claim alone after the clause's last comma (its
    // direction word, a comparison word or none before it, no figure) claims the change of what the
    // clause stated before it; an earlier value marked as the prior year's (below) is the comparison.
    size_t tail = 0;  // where the text after the clause's last comma starts (0: no comma)
    for (std::string_view comma : {std::string_view(","), std::string_view("，")}) {
      if (const size_t at = claim.clause.rfind(comma); at != std::string_view::npos) {
        tail = std::max(tail, at + comma.size());
      }
    }
    std::string bare(claim.clause.substr(tail));
    bare.erase(std::remove(bare.begin(), bare.end(), ' '), bare.end());
    bare = StripTrailing(std::move(bare), kFillers);
    for (const char* w : kCompare) {
      if (bare.rfind(w, 0) == 0) {
        bare.erase(0, std::string_view(w).size());
        break;
      }
    }
    const bool claim_alone = std::any_of(std::begin(kUp), std::end(kUp), [&](const char* w) { return bare == w; }) ||
                             std::any_of(std::begin(kDown), std::end(kDown), [&](const char* w) { return bare == w; });
    if ((!compared && !claim_alone) || Contains(claim.clause, "分别")) continue;
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
  CheckTables(doc, ctx);
}

// A yearly table of exactly two year columns and a change column right of them (同比, 增减, 变化, change
// …): each row's change is its later year against its earlier one (a column of decreases, 降幅 or
// 下降, prints them unsigned; a relative change may be printed as an index, the earlier year = 100). A change printed as a percentage
// beside two quantities is the relative change (an error when it disagrees); otherwise either reading,
// relative or a difference (percentage points), agrees. The printed change is widened to one unit of
// its last digit either way (computed from unrounded figures, 53.88 % may be printed 53.89 %).
void YoyClaimRule::CheckTables(const sdk::Document& doc, const sdk::Context& ctx) const {
  if (!doc.HasStructure() || !doc.HasTableGrids()) return;
  const YearlyTables& yearly = ctx.Shared<YearlyTables>(doc);
  const std::string_view text = doc.Text();
  int rows = 0;
  for (const YearlyTable& yt : yearly.tables()) {
    const std::vector<std::pair<uint32_t, int>>& years = yt.across;
    if (years.size() != 2 || years[0].second == years[1].second) continue;
    const sdk::TableGrid grid(doc, doc.Table(yt.table));
    const uint32_t h = yt.header_row;
    uint32_t change = 0;
    std::string change_head;
    for (uint32_t c = std::max(years[0].first, years[1].first) + 1; c < grid.Cols() && change == 0; ++c) {
      const esgaudit_table_cell* cell = grid.At(h, c);
      if (cell != nullptr && cell->column == c && ChangeWords(grid.Text(*cell))) {
        change = c;
        change_head = WithoutSpaces(grid.Text(*cell));
      }
    }
    if (change == 0) continue;
    static const std::string_view kFalls[] = {"降幅", "下降", "减少", "降低", "减幅", "decrease", "Decrease"};
    const bool falls = std::any_of(std::begin(kFalls), std::end(kFalls),
                                   [&](std::string_view w) { return Contains(change_head, w); });
    const auto& [old_col, old_year] = years[0].second < years[1].second ? years[0] : years[1];
    const auto& [new_col, new_year] = years[0].second < years[1].second ? years[1] : years[0];
    for (uint32_t r = h + 1; r < grid.Rows(); ++r) {
      long at[3] = {-1, -1, -1};
      const uint32_t cols[3] = {old_col, new_col, change};
      for (int k = 0; k < 3; ++k) {
        const esgaudit_table_cell* cell = grid.At(r, cols[k]);
        if (cell != nullptr && cell->row == r && cell->column == cols[k]) at[k] = yearly.cell_figures().Of(*cell);
      }
      if (at[0] < 0 || at[1] < 0 || at[2] < 0) continue;
      const esgaudit_fact& old_f = doc.Fact(static_cast<uint32_t>(at[0]));
      const esgaudit_fact& new_f = doc.Fact(static_cast<uint32_t>(at[1]));
      const esgaudit_fact& chg = doc.Fact(static_cast<uint32_t>(at[2]));
      if (old_f.kind != new_f.kind || sdk::View(old_f.unit) != sdk::View(new_f.unit)) continue;
      ++rows;
      const Interval old_v = PrintedInterval(old_f), new_v = PrintedInterval(new_f);
      const double unit = std::pow(10.0, -chg.decimals);
      // A column of decreases (降幅, 下降, 减少 …) prints them unsigned.
      const double printed = falls ? -chg.value : chg.value;
      const Interval stated{printed - unit, printed + unit};
      const bool relative_only = chg.kind == ESGAUDIT_FACT_PERCENT && old_f.kind == ESGAUDIT_FACT_QUANTITY;
      const Interval growth = old_v.lo > 0 ? Growth(old_v, new_v) : Interval{};
      // Relative, or as an index of the earlier year (上年=100: 105.3 for +5.3 %).
      const bool relative = old_v.lo > 0 && (growth.Overlaps(stated) ||
                                             Interval{growth.lo + 100, growth.hi + 100}.Overlaps(stated));
      const bool difference = !relative_only && Interval{new_v.lo - old_v.hi, new_v.hi - old_v.lo}.Overlaps(stated);
      if (relative || difference || (relative_only && old_v.lo <= 0)) continue;
      const std::string label = RowWords(grid, r, std::min(old_col, new_col));
      const std::string old_text(text.substr(old_f.offset, old_f.length));
      const std::string new_text(text.substr(new_f.offset, new_f.length));
      const std::string chg_text(text.substr(chg.offset, chg.length));
      // The relative change, and beside it (when either reading would do) the difference.
      std::string arithmetic;
      if (old_f.value != 0) {
        arithmetic = "(" + FormatNumber(new_f.value) + " - " + FormatNumber(old_f.value) + ") / " +
                     FormatNumber(old_f.value) + " = " + Percent((new_f.value / old_f.value - 1) * 100);
      }
      if (!relative_only) {
        arithmetic += std::string(arithmetic.empty() ? "" : doc.English() ? " or " : "，或 ") + FormatNumber(new_f.value) +
                      " - " + FormatNumber(old_f.value) + " = " + FormatNumber(new_f.value - old_f.value);
      }
      sdk::Finding out = NewFinding();
      out.severity = relative_only ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
      out.offset = chg.offset;
      out.length = chg.length;
      out.message = doc.English()
                        ? "'" + label + "' gives '" + chg_text + "' under '" + change_head + "', but " +
                              std::to_string(old_year) + " '" + old_text + "' -> " + std::to_string(new_year) +
                              " '" + new_text + "' is " + arithmetic
                        : "“" + label + "”的“" + change_head + "”为“" + chg_text + "”，但" + std::to_string(old_year) +
                              "年“" + old_text + "”→" + std::to_string(new_year) + "年“" + new_text + "”为 " +
                              arithmetic;
      out.related.push_back({old_f.offset, old_f.length, doc.English() ? "earlier value" : "上年数值"});
      out.related.push_back({new_f.offset, new_f.length, doc.English() ? "current value" : "本年数值"});
      ctx.Report(out);
    }
  }
  ctx.Log(0, "yoy-claim: " + std::to_string(rows) + " table rows with a change column checked");
}

}  // namespace esgaudit::numeric
