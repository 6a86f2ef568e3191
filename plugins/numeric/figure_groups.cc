#include "figure_groups.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "yearly_tables.h"

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

std::vector<Mention> LabelsOf(const ValueFact& v, std::vector<std::string>* labels,
                              const std::string* model_label) {
  std::vector<Mention> out;
  auto add = [&](std::string_view label, bool layout) {
    if (!SpecificLabel(label)) return;
    if (std::find(labels->begin(), labels->end(), label) != labels->end()) return;
    labels->emplace_back(label);
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
  if (model_label != nullptr) {
    if (!line_has_label && v.after.empty() && !model_label->empty()) add(*model_label, true);
  } else if (!line_has_label && v.after.empty() && !caption && v.column_label_above) {
    add(v.column_label, true);
  }
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

namespace {

// Words that may stand between a label and its figure ("申请专利共89项", "员工总数为12375人").
constexpr std::string_view kLabelLinks[] = {"分别为", "达到了", "达到", "共计", "合计",
                                            "总计",   "为",     "达",   "共",   "计",
                                            "约",     "：",     ":",    " "};
// Scope words in front of a label ("公司员工总数" is "员工总数").
const char* const kScopeWords[] = {"公司", "全年", "本年", "年度", "全公司", "本公司", "集团"};

std::string TrimLabel(std::string s) {
  s = StripTrailing(std::move(s), kLabelLinks, 1);
  for (bool again = true; again;) {
    again = false;
    for (const char* w : kScopeWords) {
      std::string_view wv(w);
      if (s.size() > wv.size() + 6 && s.compare(0, wv.size(), wv) == 0) {
        s = s.substr(wv.size());
        again = true;
      }
    }
  }
  return s;
}

uint32_t SignatureOf(std::string_view text) {
  uint32_t sig = 0;
  for (size_t i = 0; i < sizeof kModifiers / sizeof *kModifiers; ++i) {
    if (Contains(text, kModifiers[i])) sig |= 1u << i;
  }
  return sig;
}

// The years ("2019年", "2020 年") stated in `s`.
std::vector<int> YearsIn(std::string_view s) {
  std::vector<int> out;
  for (size_t i = 0; i + 4 <= s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) ||
        (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))))
      continue;
    size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j - i != 4) continue;
    size_t k = j;
    while (k < s.size() && s[k] == ' ') ++k;
    if (s.compare(k, 3, "年") == 0 || s.compare(k, 1, "-") == 0) {
      int y = std::stoi(std::string(s.substr(i, 4)));
      if (y >= 1990 && y <= 2100) out.push_back(y);
    }
  }
  return out;
}

bool HasTarget(std::string_view s) {
  for (const char* t : kTargets) {
    if (Contains(s, t)) return true;
  }
  return false;
}

// The matching view's text of clause `c` before view offset `fv` (its spans joined), into *out.
void ClauseTextBefore(const sdk::Document& doc, const esgaudit_clause& c, uint64_t fv, std::string* out) {
  const std::string_view view = doc.MatchView();
  out->clear();
  for (uint32_t k = 0; k < c.span_count; ++k) {
    const esgaudit_text_span t = doc.TextSpan(c.first_span + k);
    if (t.view_begin >= fv) break;
    *out += view.substr(t.view_begin, std::min(t.view_end, fv) - t.view_begin);
  }
}

// The text of the clauses of clause `ci`'s sentence before it, into *out.
void SentenceTextBefore(const sdk::Document& doc, uint32_t ci, const esgaudit_clause& c, std::string* out) {
  out->clear();
  for (uint32_t k = doc.Sentence(c.sentence).first_clause; k < ci; ++k) {
    const esgaudit_clause e = doc.Clause(k);
    *out += doc.SpanText(e.first_span, e.span_count);
  }
}

// The longest of `labels` (a set searched by string_view) that `text` ends with, 3 to 16 code points
// long, or "".
template <class Labels>
std::string_view LongestEndingLabel(std::string_view text, const Labels& labels) {
  size_t at = text.size();
  std::string_view found;
  for (int cps = 0; cps < 16 && at > 0; ++cps) {
    at = PrevStart(text, at);
    if (labels.count(text.substr(at))) found = text.substr(at);
  }
  return found;
}

// Words that may stand before a table row's label in a clause restating its figure for the whole
// report's scope and period: the reporting entity, the period, a verb of achieving. Anything else
// before the label (a subsidiary, a segment, 海外机构, 上市第一年) names another scope.
constexpr std::string_view kWholeScopeWords[] = {
    "本公司", "本集团", "全公司", "公司", "集团", "本行", "全行", "我行", "我们", "报告期内", "报告期末",
    "本报告期", "本年度", "年度", "全年", "本年", "年末", "年底", "截至", "截止", "期末", "当年", "实现",
    "完成", "获得", "达成", "取得", "共有", "共", "的", "度", "底", "，", ","};

// Whether `prefix` (the clause before a row label) holds nothing but years (2016年) and
// kWholeScopeWords.
bool WholeScopePrefix(std::string_view prefix) {
  size_t i = 0;
  while (i < prefix.size()) {
    if (prefix[i] == ' ') {
      ++i;
      continue;
    }
    if (i + 4 <= prefix.size() && std::all_of(prefix.begin() + i, prefix.begin() + i + 4,
                                               [](char c) { return c >= '0' && c <= '9'; })) {
      i += 4;
      if (prefix.compare(i, 3, "年") == 0) i += 3;
      continue;
    }
    bool word = false;
    for (std::string_view w : kWholeScopeWords) {
      if (prefix.compare(i, w.size(), w) == 0) {
        i += w.size();
        word = true;
        break;
      }
    }
    if (!word) return false;
  }
  return true;
}

}  // namespace

void FigureGroups::AddTableConflicts(const sdk::Document& doc, const sdk::Context& ctx, const ValueFacts& facts) {
  std::vector<const ValueFact*> by_index(doc.FactCount(), nullptr);
  for (const ValueFact& v : facts.facts()) {
    if (v.index < by_index.size()) by_index[v.index] = &v;
  }
  esgaudit_metadata md = doc.Metadata();
  const int report_year = md.report_year != 0 ? md.report_year : facts.report_year();
  // (row label, unit as printed) -> the row's cells: (year, fact). A row's unit is the cell right
  // before its years (营业收入 | 亿元 | 313.59) or a bracket after its label (公益捐赠（万元）); both
  // readings are kept and only the one a prose figure's printed unit matches is ever used.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<int, uint32_t>>> rows;
  std::set<std::string, std::less<>> row_labels;
  const YearlyTables& yearly = ctx.Shared<YearlyTables>(doc);
  for (const YearlyTable& yt : yearly.tables()) {
    if (yt.across.empty()) continue;
    const sdk::TableGrid grid(doc, doc.Table(yt.table));
    const uint32_t h = yt.header_row;
    const std::vector<std::pair<uint32_t, int>>& years = yt.across;
    if (grid.Rows() < 2) continue;
    for (uint32_t r = h + 1; r < grid.Rows(); ++r) {
      std::vector<std::string> words;  // the row's cells before its first year column
      for (uint32_t c = 0; c < years.front().first; ++c) {
        const esgaudit_table_cell* cell = grid.At(r, c);
        if (cell != nullptr && cell->row == r && !grid.Text(*cell).empty()) words.push_back(WithoutSpaces(grid.Text(*cell)));
      }
      if (words.empty()) continue;
      std::vector<std::pair<std::string, std::string>> readings;  // (label, unit)
      if (words.size() >= 2) readings.emplace_back(words[words.size() - 2], words.back());
      for (std::string_view open : {"（", "("}) {
        const size_t at = words.back().find(open);
        if (at == std::string::npos || at == 0) continue;
        std::string unit = words.back().substr(at + open.size());
        for (std::string_view close : {"）", ")"}) {
          if (EndsWith(unit, close)) unit.resize(unit.size() - close.size());
        }
        for (std::string_view lead : {"单位：", "单位:"}) {
          if (unit.rfind(lead, 0) == 0) unit.erase(0, lead.size());
        }
        readings.emplace_back(words.back().substr(0, at), unit);
      }
      for (auto& [label, unit] : readings) {
        label = TrimLabel(label);
        if (unit.empty() || CodePoints(unit) > 8 || !SpecificLabel(label) || HasTarget(label)) continue;
        for (const auto& [c, y] : years) {
          const esgaudit_table_cell* cell = grid.At(r, c);
          if (cell == nullptr || cell->row != r || cell->column != c) continue;
          const long f = yearly.cell_figures().Of(*cell);
          if (f < 0 || doc.Fact(static_cast<uint32_t>(f)).kind != ESGAUDIT_FACT_QUANTITY ||
              !sdk::View(doc.Fact(static_cast<uint32_t>(f)).unit).empty()) {
            continue;
          }
          rows[{label, unit}].emplace_back(y, static_cast<uint32_t>(f));
          row_labels.insert(label);
        }
      }
    }
  }
  if (rows.empty()) return;
  std::set<std::string, std::less<>> label_ends;  // the last code point of each row label
  for (const std::string& l : row_labels) label_ends.insert(l.substr(PrevStart(l, l.size())));
  std::set<std::string_view, std::less<>> link_ends;  // the last code point of each linking word
  for (std::string_view w : kLabelLinks) link_ends.insert(w.substr(PrevStart(w, w.size())));
  // What a row's unit as printed means, read from the document's own figures (万元 is 元 times 10^4):
  // (canonical unit, magnitude), or an empty unit when no figure prints it or figures read it two
  // ways. Asked only for a row whose unit is not the prose figure's, and kept.
  std::map<std::string, std::pair<std::string_view, double>, std::less<>> unit_meanings;
  auto meaning_of = [&](const std::string& printed) -> const std::pair<std::string_view, double>& {
    auto [at, added] = unit_meanings.emplace(printed, std::make_pair(std::string_view(), 0.0));
    if (!added) return at->second;
    for (uint32_t i = 0, n = doc.FactCount(); i < n; ++i) {
      const esgaudit_fact& f = doc.Fact(i);
      if (f.kind != ESGAUDIT_FACT_QUANTITY || sdk::View(f.unit).empty() || sdk::View(f.unit_text) != printed) continue;
      if (at->second.first.empty()) {
        at->second = {sdk::View(f.unit), f.magnitude};
      } else if (at->second.first != sdk::View(f.unit) || at->second.second != f.magnitude) {
        at->second = {std::string_view(), 0.0};
        break;
      }
    }
    return at->second;
  };
  std::set<uint32_t> known;  // facts already in a conflict
  for (const FigureConflict& c : conflicts_) {
    for (const auto* cluster : {&c.odd, &c.majority}) {
      for (const Mention& m : *cluster) known.insert(m.fact->index);
    }
  }
  // Prose: the clause before the figure ends with a row's label (3 to 16 code points), the words
  // before the label name the whole report's scope, the figure is printed in the row's unit and
  // dated in the row's year (named in its sentence before it, else the report year).
  const std::string_view view = doc.MatchView();
  std::string sentence_before, before, joined;
  for (uint32_t ci = 0, clauses = doc.ClauseCount(); ci < clauses; ++ci) {
    const esgaudit_clause c = doc.Clause(ci);
    if (c.fact_count == 0) continue;
    bool sentence_read = false;  // sentence_before is read once a figure of the clause needs it
    for (uint32_t fi : doc.ClauseFacts(c)) {
      const esgaudit_fact& f = doc.Fact(fi);
      if (fi >= by_index.size() || by_index[fi] == nullptr || known.count(fi) ||
          (f.kind != ESGAUDIT_FACT_QUANTITY && f.kind != ESGAUDIT_FACT_PERCENT) || sdk::View(f.unit).empty() ||
          f.value == 0 || f.qualifiers != 0) {
        continue;
      }
      const uint64_t fv = doc.TextToView(f.offset);
      // Most figures follow a code point that ends no row label and no linking word: passed before
      // their clause is read (a blank, where a line may have wrapped, is read).
      if (fv > 0 && fv <= view.size() && view[fv - 1] != ' ' && view[fv - 1] != '\n') {
        const size_t from = PrevStart(view.substr(0, fv), fv);
        const std::string_view last = view.substr(from, fv - from);
        if (!label_ends.count(last) && !link_ends.count(last)) continue;
      }
      ClauseTextBefore(doc, c, fv, &before);
      // The label first: most clauses end with none of the rows' (tried by its last code point).
      const std::string trimmed = StripTrailing(before, kLabelLinks, 1);
      if (trimmed.empty() || !label_ends.count(trimmed.substr(PrevStart(trimmed, trimmed.size())))) continue;
      const std::string_view found = LongestEndingLabel(trimmed, row_labels);
      if (found.empty() || SignatureOf(before) != SignatureOf(found) ||
          !WholeScopePrefix(std::string_view(trimmed).substr(0, trimmed.size() - found.size()))) {
        continue;
      }
      if (!sentence_read) {
        sentence_read = true;
        SentenceTextBefore(doc, ci, c, &sentence_before);
      }
      if (HasTarget(before) || HasTarget(sentence_before)) continue;
      joined.assign(sentence_before).append(before);
      // A figure inside a bracket is a remark on something else (（职工17672人、劳务承包工12456人）参加了…).
      const size_t open = std::max(joined.rfind("（") + 1, joined.rfind('(') + 1);  // npos + 1 is 0
      if (open > 0 && std::max(joined.rfind("）") + 1, joined.rfind(')') + 1) < open) continue;
      const std::vector<int> years = YearsIn(joined);
      const int year = years.empty() ? report_year : years.back();
      if (year == 0 || std::any_of(years.begin(), years.end(), [&](int y) { return y != year; })) continue;
      const std::string_view unit_text = sdk::View(f.unit_text);
      bool compared = false;
      for (auto row = rows.lower_bound({std::string(found), std::string()});
           !compared && row != rows.end() && row->first.first == found; ++row) {
        // The row's cells times `scale` are in the figure's unit: the row prints the figure's unit, or
        // one the document's figures print in the same canonical unit (万元 and 亿元, both 元).
        double scale = 0;
        if (row->first.second == unit_text) {
          scale = f.magnitude;
        } else if (const auto& [unit, magnitude] = meaning_of(row->first.second);
                   !unit.empty() && unit == sdk::View(f.unit)) {
          scale = magnitude;
        }
        if (scale <= 0) continue;
        for (const auto& [y, cell_fact] : row->second) {
          if (y != year || by_index[cell_fact] == nullptr) continue;
          const esgaudit_fact& g = doc.Fact(cell_fact);
          compared = true;
          ++table_checked_;
          ++checked_;
          const Interval prose = PrintedInterval(f);
          if (PrintedInterval(g).Overlaps({prose.lo / scale, prose.hi / scale})) break;
          FigureConflict conflict;
          conflict.label = std::string(found);
          conflict.unit = row->first.second;
          conflict.majority.push_back({by_index[cell_fact], false});
          conflict.odd.push_back({by_index[fi], false});
          conflict.ratio = g.value != 0 ? f.value / scale / g.value : 0;
          conflict.from_table = true;
          conflict.table_year = y;
          conflicts_.push_back(std::move(conflict));
          known.insert(fi);
          break;
        }
      }
    }
  }
}

void FigureGroups::AddModelConflicts(const sdk::Document& doc, const sdk::Context& ctx, const ValueFacts& facts) {
  std::vector<const ValueFact*> by_index(doc.FactCount(), nullptr);
  for (const ValueFact& v : facts.facts()) {
    if (v.index < by_index.size()) by_index[v.index] = &v;
  }
  std::set<uint32_t> known;  // facts already in a conflict found by label
  for (const FigureConflict& c : conflicts_) {
    for (const auto* cluster : {&c.odd, &c.majority}) {
      for (const Mention& m : *cluster) known.insert(m.fact->index);
    }
  }
  esgaudit_metadata md = doc.Metadata();
  const int report_year = md.report_year != 0 ? md.report_year : facts.report_year();
  auto usable = [&](uint32_t fi) -> const ValueFact* {
    if (fi >= by_index.size() || by_index[fi] == nullptr) return nullptr;
    const esgaudit_fact& f = doc.Fact(fi);
    if (f.kind != ESGAUDIT_FACT_QUANTITY || sdk::View(f.unit).empty() || f.value == 0 || f.qualifiers != 0)
      return nullptr;
    return by_index[fi];
  };

  struct Entry {
    const ValueFact* fact;
    bool infographic;
    bool stacked;
    bool year_stated;  // the prose sentence names the report year
  };
  // (label, unit, modifiers) -> mentions in text order
  std::map<std::tuple<std::string, std::string, uint32_t>, std::vector<Entry>> groups;
  std::set<uint32_t> figure_facts;
  // unit -> labels of the infographics in it (transparent: a clause's suffixes are looked up as views)
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> labels;
  const uint32_t figure_count = doc.FigureCount();
  for (uint32_t i = 0; i < figure_count; ++i) {
    esgaudit_figure g = doc.Figure(i);
    figure_facts.insert(g.fact);
    if (g.flags & ESGAUDIT_FIGURE_AMBIGUOUS) continue;
    const ValueFact* v = usable(g.fact);
    if (v == nullptr) continue;
    std::string label = TrimLabel(std::string(sdk::View(g.label)));
    if (!SpecificLabel(label) || HasTarget(label)) continue;
    std::string unit(sdk::View(doc.Fact(g.fact).unit));
    bool stacked = g.kind == ESGAUDIT_FIGURE_STACKED_ABOVE || g.kind == ESGAUDIT_FIGURE_STACKED_BELOW;
    groups[{label, unit, SignatureOf(label)}].push_back({v, true, stacked, false});
    labels[unit].insert(label);
  }
  if (labels.empty()) return;

  // Prose: the clause's text before the figure ends with an infographic's label.
  const uint32_t clause_count = doc.ClauseCount();
  // Kept from clause to clause and figure to figure.
  std::string sentence_before;  // the sentence's earlier clauses
  std::string before;           // the clause up to the figure
  std::string joined;           // both
  for (uint32_t ci = 0; ci < clause_count; ++ci) {
    esgaudit_clause c = doc.Clause(ci);
    if (c.fact_count == 0) continue;
    std::vector<uint32_t> fact_ids = doc.ClauseFacts(c);
    SentenceTextBefore(doc, ci, c, &sentence_before);
    for (uint32_t fi : fact_ids) {
      if (figure_facts.count(fi)) continue;
      const ValueFact* v = usable(fi);
      if (v == nullptr) continue;
      const esgaudit_fact& f = doc.Fact(fi);
      ClauseTextBefore(doc, c, doc.TextToView(f.offset), &before);
      if (HasTarget(before) || HasTarget(sentence_before)) continue;
      const std::string_view unit = sdk::View(f.unit);
      std::string trimmed = StripTrailing(before, kLabelLinks, 1);
      // Years named before the figure in its sentence: another year is another period.
      joined.assign(sentence_before).append(before);
      std::vector<int> years = YearsIn(joined);
      bool other_year = false, this_year = false;
      for (int y : years) (y == report_year ? this_year : other_year) = true;
      if (other_year) continue;
      // The longest infographic label the clause ends with (3 to 16 code points).
      const auto unit_labels = labels.find(unit);
      if (unit_labels == labels.end()) continue;  // no suffix is found then
      const std::string_view found = LongestEndingLabel(trimmed, unit_labels->second);
      if (found.empty()) continue;
      // Modifiers are read in the whole clause before the figure ("累计申请专利" is no 申请专利).
      uint32_t sig = SignatureOf(before);
      auto it = groups.find({std::string(found), std::string(unit), sig});
      if (it == groups.end()) continue;
      it->second.push_back({v, false, false, this_year});
    }
  }

  // A stacked column read the wrong way pairs each figure with its neighbour's label: the text
  // then states the figure's value under another label, or this label's value is a neighbouring
  // figure of the column. Either is doubt about the layout, not a restatement.
  std::multimap<std::pair<std::string, double>, std::string> text_values;  // (unit, value) -> label
  std::vector<std::pair<uint32_t, const ValueFact*>> stacked_figures;       // line, figure
  for (const auto& [key, entries] : groups) {
    for (const Entry& e : entries) {
      if (!e.infographic) text_values.emplace(std::make_pair(std::get<1>(key), e.fact->fact->value), std::get<0>(key));
      if (e.stacked) stacked_figures.emplace_back(e.fact->line, e.fact);
    }
  }
  auto doubtful = [&](const std::string& label, const std::string& unit, const std::vector<Entry>& entries) {
    for (const Entry& e : entries) {
      if (e.infographic && e.stacked) {
        auto [lo, hi] = text_values.equal_range({unit, e.fact->fact->value});
        for (auto it = lo; it != hi; ++it) {
          if (it->second != label) return true;
        }
      }
    }
    for (const Entry& e : entries) {
      if (!e.infographic || !e.stacked) continue;
      for (const Entry& t : entries) {
        if (t.infographic) continue;
        for (const auto& [line, v] : stacked_figures) {
          if (v == e.fact || line + 6 < e.fact->line || e.fact->line + 6 < line) continue;
          if (sdk::View(v->fact->unit) == unit && PrintedInterval(*v->fact).Overlaps(PrintedInterval(*t.fact->fact)))
            return true;
        }
      }
    }
    return false;
  };

  for (auto& [key, entries] : groups) {
    if (entries.size() < 2) continue;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.fact->index < b.fact->index; });
    // Clusters of agreeing values, as for labels read from the text.
    std::vector<Entry> sorted = entries;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
      return a.fact->fact->value < b.fact->fact->value;
    });
    std::vector<std::vector<Entry>> clusters;
    Interval common;
    for (const Entry& e : sorted) {
      Interval iv = PrintedInterval(*e.fact->fact);
      if (!clusters.empty() && common.Overlaps(iv)) {
        common = {std::max(common.lo, iv.lo), std::min(common.hi, iv.hi)};
        clusters.back().push_back(e);
      } else {
        clusters.push_back({e});
        common = iv;
      }
    }
    // Text against an infographic: at least one mention of each. Infographics that disagree
    // among themselves use one label for different things (实用新型 of the patents applied for
    // and of those granted), and are left alone.
    bool prose = false, infographic = false;
    Interval figure_common;
    bool figures_agree = true;
    for (const Entry& e : entries) {
      prose |= !e.infographic;
      if (!e.infographic) continue;
      Interval iv = PrintedInterval(*e.fact->fact);
      if (infographic && !figure_common.Overlaps(iv)) figures_agree = false;
      if (!infographic) figure_common = iv;
      infographic = true;
    }
    if (!prose || !infographic || !figures_agree) continue;
    if (doubtful(std::get<0>(key), std::get<1>(key), entries)) continue;
    ++checked_;
    ++model_checked_;
    std::string where;
    for (const Entry& e : entries) {
      where += " " + std::string(e.infographic ? "infographic " : "text ") +
               std::to_string(e.fact->line + 1) + ":" +
               std::string(doc.Text().substr(e.fact->fact->offset, e.fact->fact->length));
    }
    ctx.Log(0, "restatement-mismatch: compared “" + std::get<0>(key) + "” (" + std::get<1>(key) + "):" + where);
    if (clusters.size() != 2) continue;
    bool seen_before = false;
    for (const Entry& e : entries) seen_before |= known.count(e.fact->index) > 0;
    if (seen_before) continue;
    for (auto& cl : clusters) {
      std::sort(cl.begin(), cl.end(), [](const Entry& a, const Entry& b) { return a.fact->index < b.fact->index; });
    }
    bool first_major = clusters[0].size() != clusters[1].size()
                           ? clusters[0].size() > clusters[1].size()
                           : clusters[0].front().fact->index < clusters[1].front().fact->index;
    FigureConflict c;
    c.label = std::get<0>(key);
    c.unit = std::get<1>(key);
    c.from_model = true;
    bool stacked = false, year = false;
    for (const Entry& e : entries) {
      stacked |= e.stacked;
      year |= e.year_stated;
    }
    c.certain = !stacked && year;
    for (const Entry& e : clusters[first_major ? 0 : 1]) c.majority.push_back({e.fact, e.infographic});
    for (const Entry& e : clusters[first_major ? 1 : 0]) c.odd.push_back({e.fact, e.infographic});
    c.ratio = c.majority.front().fact->fact->value != 0
                  ? c.odd.front().fact->fact->value / c.majority.front().fact->fact->value
                  : 0;
    conflicts_.push_back(std::move(c));
  }
}

FigureGroups::FigureGroups(const sdk::Document& doc, const sdk::Context& ctx) {
  const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
  // (label, unit, year, modifiers) -> mentions in text order.
  std::map<std::tuple<std::string, std::string, int, uint32_t>, std::vector<Mention>> groups;
  // The structure model's pairing of infographic figures with the labels stacked in their column
  // or broken over the line above (one reading of the layout for every rule).
  std::map<uint32_t, std::string> column_labels;
  if (doc.HasFigures()) {
    for (uint32_t i = 0, n = doc.FigureCount(); i < n; ++i) {
      esgaudit_figure g = doc.Figure(i);
      if (g.kind == ESGAUDIT_FIGURE_INLINE || (g.flags & ESGAUDIT_FIGURE_AMBIGUOUS)) continue;
      column_labels.emplace(g.fact, TrimLabel(std::string(sdk::View(g.label))));
    }
  }
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
    std::string model_label;
    if (doc.HasFigures()) {
      auto it = column_labels.find(v.index);
      model_label = it == column_labels.end() ? "" : it->second;
    }
    std::vector<Mention> mentions = LabelsOf(v, &labels, doc.HasFigures() ? &model_label : nullptr);
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
  if (doc.HasFigures()) AddModelConflicts(doc, ctx, facts);
  if (doc.HasStructure() && doc.HasTableGrids()) AddTableConflicts(doc, ctx, facts);
  ctx.Log(0, "restatement-mismatch, magnitude-slip: " + std::to_string(checked_) +
                 " figures stated in two or more comparable places (" + std::to_string(model_checked_) +
                 " through the structure model's infographic labels and clauses, " + std::to_string(table_checked_) +
                 " in prose against a yearly table's row), " +
                 std::to_string(conflicts_.size()) + " disagree");
  std::stable_sort(conflicts_.begin(), conflicts_.end(),
            [](const FigureConflict& a, const FigureConflict& b) {
              return a.odd.front().fact->index < b.odd.front().fact->index;
            });
}

}  // namespace esgaudit::numeric
