#include "figure_groups.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

namespace esgaudit::numeric {
namespace {

// Words that change what a figure means: two mentions compare only when they share the same set.
const char* const kModifiers[] = {"累计", "新增", "其中", "平均",   "人均", "同比", "上年", "去年",
                                  "同期", "以来", "每年", "年均",   "月均", "日均", "每月", "每天",
                                  "最高", "最低", "首次", "历年",   "减少", "增加", "增长", "下降",
                                  "提升", "降低", "超过", "不少于", "至少", "单次", "次均"};
// A clause with one of these states a plan or a target, not a figure of the period.
const char* const kTargets[] = {"目标", "计划", "预计", "力争", "争取", "拟", "将在", "规划"};

bool SpecificLabel(std::string_view s) {
  if (CodePoints(s) < 3 || CodePoints(s) > 16) return false;
  size_t cjk = 0;
  for (size_t i = 0; i < s.size();) {
    size_t next;
    char32_t c = DecodeAt(s, i, &next);
    if (c >= '0' && c <= '9') return false;
    cjk += IsCjk(c);
    i = next;
  }
  return cjk >= 3;
}

uint32_t Signature(const ValueFact& v) {
  uint32_t sig = 0;
  for (size_t i = 0; i < sizeof kModifiers / sizeof *kModifiers; ++i) {
    if (Contains(v.clause, kModifiers[i]) || Contains(v.after, kModifiers[i])) sig |= 1u << i;
  }
  return sig;
}

bool StatesTarget(const ValueFact& v) {
  for (const char* t : kTargets) {
    if (Contains(v.clause, t)) return true;
  }
  return false;
}

}  // namespace

std::vector<Mention> LabelsOf(const ValueFact& v, std::vector<std::string>* labels) {
  std::vector<Mention> out;
  auto add = [&](const std::string& label, bool layout) {
    if (!SpecificLabel(label)) return;
    if (std::find(labels->begin(), labels->end(), label) != labels->end()) return;
    labels->push_back(label);
    out.push_back({&v, layout});
  };
  // A label written before the number counts only when it is the whole text before it and names
  // a quantity ("员工总数12375人"), not a clause ("议案并听取了65项").
  static const char* const kQuantityNouns[] = {"总数",   "人数",   "总额", "总量", "数量",
                                               "次数",   "金额",   "产量", "销量", "排放量",
                                               "用水量", "用电量", "耗量"};
  if (v.label_is_before) {
    for (const char* n : kQuantityNouns) {
      if (EndsWith(v.label, n)) add(v.label, false);
    }
  }
  // "9次董事会": the noun right after the unit, when the run ends before the 8-character cap.
  if (CodePoints(v.after) < 8) add(v.after, false);
  bool line_has_label = !v.label.empty();  // the extractor labels within the fact's own cell
  // A caption over a chart ("员工学历构成") labels a whole breakdown, not one figure.
  bool caption = Contains(v.column_label, "构成") || Contains(v.column_label, "结构") ||
                 Contains(v.column_label, "分布") || Contains(v.column_label, "比例");
  if (!line_has_label && v.after.empty() && !caption && v.column_label_above)
    add(v.column_label, true);
  return out;
}

bool MagnitudeApart(const esgaudit_fact& a, const esgaudit_fact& b, double* power) {
  Interval ia = PrintedInterval(a), ib = PrintedInterval(b);
  for (double p : {4.0, 8.0}) {
    double k = std::pow(10.0, p);
    if (ia.Overlaps({ib.lo * k, ib.hi * k}) || ib.Overlaps({ia.lo * k, ia.hi * k})) {
      *power = p;
      return true;
    }
  }
  return false;
}

FigureGroups::FigureGroups(const sdk::Document& doc, const sdk::Context& ctx) {
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  // (label, unit, year, modifiers) -> mentions in text order.
  std::map<std::tuple<std::string, std::string, int, uint32_t>, std::vector<Mention>> groups;
  for (const ValueFact& v : facts.facts()) {
    const esgaudit_fact& f = *v.fact;
    // Counts and amounts with a unit only: unit-less table cells, codes and rates (which differ by
    // subgroup and year) gave only false alarms on real reports.
    if (f.kind != ESGAUDIT_FACT_QUANTITY || sdk::View(f.unit).empty() || f.value == 0) continue;
    if (f.qualifiers != 0 || StatesTarget(v)) continue;
    // Part of a code ("S-4-2 所…") or a number and unit from different table cells ("2\t所").
    std::string_view printed = doc.Text().substr(f.offset, f.length);
    if (printed.find('\t') != std::string_view::npos) continue;
    if (f.offset > 0) {
      char prev = doc.Text()[f.offset - 1];
      if (prev == '-' || prev == '.' || prev == '/' ||
          std::isalnum(static_cast<unsigned char>(prev)))
        continue;
    }
    int year = v.year != 0 ? v.year : facts.report_year();
    std::vector<std::string> labels;
    std::vector<Mention> mentions = LabelsOf(v, &labels);
    for (size_t i = 0; i < labels.size(); ++i) {
      auto& g = groups[{labels[i], std::string(sdk::View(f.unit)), year, Signature(v)}];
      // One mention per line: a table row repeating a label is not a restatement.
      if (!g.empty() && g.back().fact->line == v.line) continue;
      g.push_back(mentions[i]);
    }
  }

  std::set<std::pair<uint32_t, uint32_t>> seen;
  for (auto& [key, mentions] : groups) {
    if (mentions.size() < 2) continue;
    // Clusters of agreeing values: sorted by value, each cluster the running intersection.
    std::vector<Mention> sorted = mentions;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Mention& a, const Mention& b) {
      return a.fact->fact->value < b.fact->fact->value;
    });
    std::vector<std::vector<Mention>> clusters;
    Interval common;
    for (const Mention& m : sorted) {
      Interval iv = PrintedInterval(*m.fact->fact);
      if (!clusters.empty() && common.Overlaps(iv)) {
        common = {std::max(common.lo, iv.lo), std::min(common.hi, iv.hi)};
        clusters.back().push_back(m);
      } else {
        clusters.push_back({m});
        common = iv;
      }
    }
    bool any_comparable = false;
    for (size_t i = 0; i < mentions.size(); ++i) {
      for (size_t j = i + 1; j < mentions.size(); ++j) {
        const Mention& a = mentions[i];
        const Mention& b = mentions[j];
        any_comparable |= a.from_layout != b.from_layout ||
                          (!a.from_layout && !b.from_layout && CodePoints(a.fact->clause) >= 4 &&
                           a.fact->clause == b.fact->clause);
      }
    }
    checked_ += any_comparable;
    if (clusters.size() != 2) continue;
    for (auto& c : clusters) {
      std::sort(c.begin(), c.end(),
                [](const Mention& a, const Mention& b) { return a.fact->index < b.fact->index; });
    }
    // The majority is the bigger cluster; on a tie, the one stated first.
    bool first_major = clusters[0].size() != clusters[1].size()
                           ? clusters[0].size() > clusters[1].size()
                           : clusters[0].front().fact->index < clusters[1].front().fact->index;
    // Two places state the same figure when one is an infographic and the other running text, or
    // when both are running text with the same clause before the number (a repeated sentence). Same
    // nouns in different clauses ("国内…目前8个常驻站点" / "海外…目前11个常驻站点") name different
    // things.
    bool comparable = false;
    for (const Mention& a : clusters[0]) {
      for (const Mention& b : clusters[1]) {
        comparable |= a.from_layout != b.from_layout ||
                      (!a.from_layout && !b.from_layout && CodePoints(a.fact->clause) >= 4 &&
                       a.fact->clause == b.fact->clause);
      }
    }
    if (!comparable) continue;
    FigureConflict c;
    c.label = std::get<0>(key);
    c.unit = std::get<1>(key);
    c.majority = clusters[first_major ? 0 : 1];
    c.odd = clusters[first_major ? 1 : 0];
    c.ratio = c.majority.front().fact->fact->value != 0
                  ? c.odd.front().fact->fact->value / c.majority.front().fact->fact->value
                  : 0;
    auto pair = std::make_pair(c.odd.front().fact->index, c.majority.front().fact->index);
    if (!seen.insert(pair).second) continue;
    conflicts_.push_back(std::move(c));
  }
  ctx.Log(0, "restatement-mismatch, magnitude-slip: " + std::to_string(checked_) +
                 " figures stated in two or more comparable places, " +
                 std::to_string(conflicts_.size()) + " disagree");
  std::sort(conflicts_.begin(), conflicts_.end(),
            [](const FigureConflict& a, const FigureConflict& b) {
              return a.odd.front().fact->index < b.odd.front().fact->index;
            });
}

}  // namespace esgaudit::numeric
