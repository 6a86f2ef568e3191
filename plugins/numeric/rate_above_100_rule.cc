#include "rate_above_100_rule.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "value_facts.h"

namespace esgaudit::numeric {
namespace {

// Rates whose numerator is a part of their denominator, so they cannot exceed 100%. Deliberately
// absent: 完成率 (a plan can be over-fulfilled), 利用率 / 综合利用率 (stockpiles), 执行率
// (budgets), 增长率 and every growth word.
constexpr std::string_view kCappedRates[] = {
    "达标率", "覆盖率", "签订率", "签约率", "合格率", "处置率", "整改完成率", "整改率",
    "占比",   "比重",   "参保率", "体检率", "持证率", "普及率", "受训率",     "及时率",
    "准确率", "满意率", "满意度", "通过率", "出勤率", "到位率", "上岗率",     "投保率",
    "缴纳率", "知晓率", "接种率", "落实率", "完好率", "闭环率", "销号率",     "办结率",
    "结案率", "回复率", "响应率", "公开率", "披露率", "参与率", "安置率",     "达成率",
    "检测率", "监测率", "留存率", "保留率", "就业率", "缴存率"};

// What may stand between a rate's label and its value: linking words only. Anything else
// ("同比提升", "较上年增长", "目标") means the number is not (or not surely) the rate itself.
constexpr std::string_view kLinks[] = {
    "分别达到", "分别为", "分别达", "均达到", "均保持", "均为",   "均达", "提升至", "提高至",
    "上升至",   "增至",   "增长至", "保持在", "保持",   "维持在", "维持", "达到了", "达到",
    "已达",     "为",     "达",     "是",     "约",     "近",     "超",   "实现",   "继续",
    "稳定在",   "高达",   "：",     ":",      " ",      "\t"};

// `label` without the linking words at its end.
std::string StripLinks(std::string_view label) { return StripTrailing(std::string(label), kLinks); }

}  // namespace

std::string CappedRateAtEnd(std::string_view label) {
  std::string s = StripTrailing(std::string(label), kLinks, 1);
  // Financial ratios named 覆盖率 are not shares: 拨备覆盖率 and 流动性覆盖率 are usually above
  // 100%.
  static constexpr std::string_view kFinancial[] = {"拨备覆盖率", "准备覆盖率", "流动性覆盖率",
                                                    "利息覆盖率", "偿债覆盖率", "保障覆盖率"};
  for (std::string_view f : kFinancial) {
    if (EndsWith(s, f)) return "";
  }
  for (std::string_view r : kCappedRates) {
    if (EndsWith(s, r)) return std::string(r);
  }
  // A share of a whole named as such: 占 + a base holding 总 / 全部 / 全体 / 所有 + 的 or 比例
  // (占总股本的, 占员工总数的比例, 占燃煤机组总容量的). A share of another base (占净利润的: a payout
  // may exceed the profit) is not capped. The base ends with 的 or 比例 and ends the label: a label
  // ending otherwise is no share, and the search for 占 (a comparison per byte) is left out.
  if (!EndsWith(s, "的") && !EndsWith(s, "比例")) return "";
  const size_t at = s.rfind("占");
  if (at == std::string::npos) return "";
  std::string_view tail = std::string_view(s).substr(at);
  std::string_view base = tail.substr(std::string_view("占").size());
  for (std::string_view end : {"的比例", "的", "比例"}) {
    if (EndsWith(base, end)) {
      base.remove_suffix(end.size());
      break;
    }
  }
  if (base.size() == tail.size() - std::string_view("占").size() || base.empty() || base.size() > 36) return "";
  const bool ascii = std::any_of(base.begin(), base.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  const bool punctuation = base.find("，") != std::string_view::npos || base.find("、") != std::string_view::npos ||
                           base.find("（") != std::string_view::npos;
  if (ascii || punctuation) return "";
  for (std::string_view whole : {"总", "全部", "全体", "所有"}) {
    if (base.find(whole) != std::string_view::npos) return std::string(tail);
  }
  return "";
}

namespace {

// English capped rates, matched at the end of the clause before the number (lower case, after
// the linking words). "share of", "proportion of", "percentage of" name a share of a group
// ("the share of women in management was 101%"). Not here: ratios (coverage ratio), completion of
// targets, growth and change.
const char* const kEnglishRates[] = {
    "coverage rate",      "compliance rate",  "pass rate",        "participation rate",
    "response rate",      "retention rate",   "attendance rate",  "disclosure rate",
    "certification rate", "vaccination rate", "enrolment rate",   "enrollment rate",
    "coverage",           "completion rate of training"};
constexpr std::string_view kEnglishLinks[] = {" was",      " is",      " were",         " are",
                                              " of",       " at",      " stood at",     " reached",
                                              " to",       " rose to", " increased to", " achieved",
                                              " remained", " remains", " totalled",     ":",
                                              " ",         "="};
const char* const kEnglishShares[] = {"share of ", "proportion of ", "percentage of "};
const char* const kEnglishNotCapped[] = {"target",   "goal",     "plan",   "budget", "increase",
                                         "growth",   "change",   "reduc",  "improv", "compared",
                                         "relative", "than",     "above",  "over",   "exceed",
                                         "ratio",    "forecast", "return", "yield"};
// Groups of which a percentage is a share: "101% of employees".
const char* const kEnglishGroups[] = {"employees", "workforce", "staff",     "workers",  "sites",
                                      "facilities", "suppliers", "plants",   "operations", "members",
                                      "directors", "managers",  "new hires", "women",    "men"};

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

bool EnglishNotCapped(std::string_view clause) {
  // One pass: each word start (a letter after no ASCII letter) tries the words opening with its
  // letter, compared caselessly in place; no lower-cased copy searched once per word.
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  bool after_letter = false;
  for (size_t at = 0; at < clause.size(); ++at) {
    const char c = lower(clause[at]);
    const bool letter = c >= 'a' && c <= 'z';
    if (letter && !after_letter) {
      for (const char* w : kEnglishNotCapped) {
        if (w[0] != c) continue;
        const std::string_view wv(w);
        if (clause.size() - at < wv.size()) continue;
        size_t k = 1;
        while (k < wv.size() && lower(clause[at + k]) == wv[k]) ++k;
        if (k == wv.size()) return true;
      }
    }
    after_letter = letter;
  }
  return false;
}

bool EnglishNotCappedBySearch(std::string_view clause) {
  std::string s = LowerAscii(clause);
  for (const char* w : kEnglishNotCapped) {
    // At a word start: "over" is not in "coverage".
    for (size_t at = s.find(w); at != std::string::npos; at = s.find(w, at + 1)) {
      if (at == 0 || !(s[at - 1] >= 'a' && s[at - 1] <= 'z')) return true;
    }
  }
  return false;
}

namespace {

// The English capped rate that ends `clause` (text before the number), or "".
std::string EnglishRateAtEnd(std::string_view clause) {
  if (EnglishNotCapped(clause)) return "";
  std::string s = StripTrailing(LowerAscii(clause), kEnglishLinks, 1);
  for (const char* r : kEnglishRates) {
    std::string_view rv(r);
    if (EndsWith(s, r) && (s.size() == rv.size() || s[s.size() - rv.size() - 1] == ' ')) return r;
  }
  // "share of women in management": a share word and a short group name with no number after it.
  for (const char* w : kEnglishShares) {
    size_t at = sdk::RFind(s, w);
    if (at == std::string::npos || s.size() - at > 48) continue;
    if (at > 0 && s[at - 1] != ' ') continue;
    std::string_view rest = std::string_view(s).substr(at);
    bool digit = false;
    for (char c : rest) digit = digit || (c >= '0' && c <= '9');
    if (!digit) return std::string(w).substr(0, std::string_view(w).size() - 1);
  }
  return "";
}

// "% of employees": the group of which the percentage is a share, from the text after it.
std::string EnglishGroupAfter(std::string_view after) {
  std::string s = LowerAscii(after.substr(0, std::min<size_t>(after.size(), 40)));
  if (s.rfind(" of ", 0) != 0) return "";
  s = s.substr(4);
  for (const char* d : {"our ", "all ", "the ", "total ", "its ", "global "}) {
    if (s.rfind(d, 0) == 0) s = s.substr(std::string_view(d).size());
  }
  for (const char* g : kEnglishGroups) {
    std::string_view gv(g);
    if (s.rfind(g, 0) != 0) continue;
    char next = s.size() > gv.size() ? s[gv.size()] : ' ';
    // "of employees' pay" is a share of something else; letters go on a longer word.
    if (next == '\'' || (next >= 'a' && next <= 'z')) return "";
    if (s.compare(gv.size(), 3, "\xE2\x80\x99") == 0) return "";
    return "% of " + std::string(g);
  }
  return "";
}

// The structure model's infographic figures by fact.
struct ModelLabels {
  std::map<uint32_t, esgaudit_figure> figure_of;
};

// Through the structure model, for a fact its own line does not label: the label of its
// infographic figure (split over two lines or stacked in its column), or its clause of prose
// joined across the layout's line breaks. Sets `how` to the note for the message and returns the
// capped rate, or "".
std::string ModelRate(const sdk::Document& doc, const ModelLabels& model, uint32_t fact, esgaudit_severity* severity,
                      std::string* how) {
  auto fig = model.figure_of.find(fact);
  if (fig != model.figure_of.end()) {
    const esgaudit_figure& g = fig->second;
    if (g.flags & ESGAUDIT_FIGURE_AMBIGUOUS) return "";
    std::string label(sdk::View(g.label));
    for (const char* t : {"目标", "计划", "任务", "预算", "指标"}) {
      if (Contains(label, t)) return "";
    }
    std::string rate = CappedRateAtEnd(label);
    if (rate.empty()) return "";
    bool stacked = g.kind == ESGAUDIT_FIGURE_STACKED_ABOVE || g.kind == ESGAUDIT_FIGURE_STACKED_BELOW;
    *severity = stacked ? ESGAUDIT_WARNING : ESGAUDIT_ERROR;
    *how = stacked ? "column" : g.kind == ESGAUDIT_FIGURE_SPLIT ? "split" : "";
    return rate;
  }
  uint32_t ci = doc.ClauseOfFact(fact);
  if (ci == ESGAUDIT_NO_INDEX) return "";
  esgaudit_clause c = doc.Clause(ci);
  if (c.span_count < 2) return "";  // one line: the line's own reading stands
  const esgaudit_fact& f = doc.Fact(fact);
  uint64_t fv = doc.TextToView(f.offset);
  std::string_view view = doc.MatchView();
  std::string before;
  uint32_t last_line = 0;
  size_t last_piece = 0;  // where the figure's own line starts in `before`
  for (uint32_t k = 0; k < c.span_count; ++k) {
    esgaudit_text_span t = doc.TextSpan(c.first_span + k);
    if (t.view_begin >= fv) break;
    last_piece = before.size();
    last_line = t.line;
    before += view.substr(t.view_begin, std::min(t.view_end, fv) - t.view_begin);
  }
  if (last_line != f.line) return "";
  // A capped rate's name ends the text before the figure: asked first, so that the sentence is
  // joined only for the few that have one (either test alone says "").
  std::string rate = CappedRateAtEnd(before);
  if (rate.empty()) return "";
  // The whole sentence before the figure: a target anywhere in it is a target exceeded.
  esgaudit_sentence st = doc.Sentence(c.sentence);
  std::string sentence;
  for (uint32_t k = st.first_clause; k <= ci; ++k) {
    esgaudit_clause e = doc.Clause(k);
    sentence += doc.SpanText(e.first_span, e.span_count);
  }
  for (const char* t : {"目标", "计划", "任务", "预算", "指标"}) {
    if (Contains(sentence, t)) return "";
  }
  // Only linking words may stand between the label and the figure on the figure's line.
  std::string stripped = StripLinks(before);
  if (stripped.size() < rate.size()) return "";
  size_t rate_at = stripped.size() - rate.size();
  // The rate's name broken by the line end ("签订" / "率105%") is one word: an error. A name
  // wholly on the line above is a sentence wrapped before its figure: a warning.
  bool broken = rate_at < last_piece && last_piece < stripped.size();
  *severity = broken ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
  *how = broken ? "split" : "above";
  return rate;
}

}  // namespace

void RateAbove100Rule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  ModelLabels model;
  if (doc.HasFigures()) {
    for (uint32_t i = 0, n = doc.FigureCount(); i < n; ++i) {
      esgaudit_figure g = doc.Figure(i);
      model.figure_of.emplace(g.fact, g);
    }
  }
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
      // Nothing labels it in its line: the model's label for it (an infographic figure's, or the
      // header of its table column).
      if (!HasHan(v.before) && !v.column_label.empty()) {
        rate = CappedRateAtEnd(v.column_label);
        from_layout = !rate.empty();
      }
    }
    if (rate.empty() && !HasHan(StripLinks(doc.MatchView().substr(v.cell_begin, v.view_begin - v.cell_begin))) && !v.above_in_cell.empty()) {
      // A sentence wrapped onto the number's line: "…签订率和社保覆盖率" above "均为 100%".
      bool target_above = false;
      for (const char* t : {"目标", "计划", "任务", "预算", "指标"}) {
        target_above |= Contains(v.above_in_cell, t);
      }
      if (target_above) continue;
      rate = CappedRateAtEnd(v.above_in_cell);
      from_layout = wrapped = !rate.empty();
    }
    esgaudit_severity model_severity = ESGAUDIT_ERROR;
    std::string model_how;
    bool from_model = false;
    if (rate.empty() && doc.HasFigures()) {
      rate = ModelRate(doc, model, v.index, &model_severity, &model_how);
      from_model = !rate.empty();
    }
    if (rate.empty() && !HasHan(v.clause)) {
      rate = EnglishRateAtEnd(v.clause);
      if (rate.empty() && !EnglishNotCapped(v.clause)) {
        std::string_view view = doc.MatchView();
        rate = EnglishGroupAfter(view.substr(std::min<uint64_t>(v.view_end, view.size())));
      }
    }
    if (rate.empty()) continue;
    ++checked;
    if (ExactInterval(f.value, f.decimals, 1).lo <= 100) continue;

    std::string printed(doc.Text().substr(f.offset, f.length));
    sdk::Finding out = NewFinding();
    out.severity = from_model ? model_severity : from_layout ? ESGAUDIT_WARNING : ESGAUDIT_ERROR;
    out.offset = f.offset;
    out.length = f.length;
    if (doc.English()) {
      out.message = "capped rate '" + rate + "' is '" + printed + "', above 100%";
    } else {
      out.message = "比率“" + rate + "”为“" + printed + "”，超过 100%";
    }
    if (from_model && model_how == "split") {
      out.message += doc.English() ? " (label assembled across lines)" : "（标签跨行拼合）";
    } else if (from_model && model_how == "above") {
      out.message += doc.English() ? " (label from the line above)" : "（标签取自上一行）";
    } else if (from_model && model_how == "column") {
      out.message += doc.English() ? " (label from the layout column)" : "（标签取自版面同列）";
    } else if (wrapped) {
      out.message += doc.English() ? " (label from the line above)" : "（标签取自上一行）";
    } else if (from_layout) {
      out.message += doc.English() ? " (label from the layout column)" : "（标签取自版面同列）";
    }
    ctx.Report(out);
  }
  ctx.Log(0, "rate-above-100: " + std::to_string(checked) + " capped rates checked");
}

}  // namespace esgaudit::numeric
