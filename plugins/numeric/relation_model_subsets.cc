// 其中 rows and groups in a structure-model table's rows once read: of-which lists and subsets,
// of-which group columns, groups of a total row or column named by its noun, rate-stated pairs;
// and RelationAnalysis::AddGroupRows, which adds the groups' subsets last.
#include "relation_model_table.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// Whether a row label names a group of a head row's noun: the qualifier and then the noun (残疾员工,
// 外籍员工数量 of 员工; 燃煤机组装机容量 of 装机容量; "Renewable energy consumption"), a count word
// (总人数, 总数, 数量, 人数, 数: 在编员工总数 counts a group) after it aside. Not a net amount (净资产
// under 总资产), nor a flow of the period
// (新进员工, 离职员工, 新增装机容量, "New employees": a flow may exceed the stock at the period's end),
// nor a rate or a per-unit value (万元产值耗水量 has another unit, 人均, 强度), nor an of-which row
// (read by the 其中 rows' reader).
bool NamesGroupOf(const std::string& label, const std::string& noun) {
  if (noun.empty() || RateLabel(label) || OfWhichLabel(label) || IsChangeLabel(label)) return false;
  std::u32string u = U32(TotalNoun(label, false));
  for (std::u32string_view w : {U"总人数", U"总数", U"数量", U"人数", U"数"}) {
    if (u.size() > w.size() + 2 && u.compare(u.size() - w.size(), w.size(), w) == 0) {
      u.resize(u.size() - w.size());
      break;
    }
  }
  std::u32string n = U32(noun);
  // The staff are named by several nouns (员工, 职工, 从业人员, 雇员): a head naming the staff alone (员工总数,
  // 各类从业人员总数: of every kind) has as its groups the rows naming the staff by any of them (女职工人数,
  // 在编员工总数: staff on the establishment).
  auto staff_end = [](const std::u32string& s) -> size_t {
    for (std::u32string_view w : {U"从业人员", U"员工", U"职工", U"雇员"}) {
      if (s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0) return w.size();
    }
    return 0;
  };
  std::u32string head = n;
  for (std::u32string_view w : {U"各类", U"全体", U"全部", U"所有"}) {
    if (head.compare(0, w.size(), w) == 0) head.erase(0, w.size());
  }
  if (const size_t hs = staff_end(head); hs > 0 && hs == head.size()) {
    if (const size_t us = staff_end(u); us > 0 && u.size() > us) n = u.substr(u.size() - us);
  }
  // 量 after the noun counts it as 数量 does (纸质账单量 of 账单, under 账单总量); a noun ending in 量
  // itself (用电量) is matched as printed.
  if (u.size() > n.size() + 1 && u.back() == U'量' && u.compare(u.size() - 1 - n.size(), n.size(), n) == 0) {
    u.pop_back();
  }
  if (u.size() <= n.size() || u.compare(u.size() - n.size(), n.size(), n) != 0) return false;
  std::string qualifier = ToUtf8(u.substr(0, u.size() - n.size()));
  for (const char* w : {"total", "总"}) {  // a group's own total word qualifies nothing
    if (qualifier.rfind(w, 0) == 0) qualifier.erase(0, std::string_view(w).size());
  }
  if (qualifier.empty()) return false;
  for (const char* w : {"净", "net", "新", "new", "招聘", "离职", "流失", "退休", "减少", "增加", "增长", "累计",
                        "单位", "万元", "每", "per", "平均"}) {
    if (Has(qualifier, w)) return false;
  }
  return true;
}

// A row label's trailing bracketed note that states what its figure leaves out, opened by 另有, 另外,
// 不含, 不包括, 未含 or 未包括 ("员工总人数（人）（另有劳务派遣用工5,093人）": the staff count, with dispatched
// workers besides it): such a note names no part of the label's noun or unit, so the label is read
// without it. Returns the label without the note and the note in *note; the label as it is and an empty
// note when it ends in no such bracket.
std::string WithoutExcludingNote(const std::string& label, std::string* note) {
  note->clear();
  std::string l = label;
  while (!l.empty() && l.back() == ' ') l.pop_back();
  for (const char* close : {")", "\xEF\xBC\x89"}) {  // ")" and "）"
    const std::string c = close;
    if (l.size() <= c.size() || l.compare(l.size() - c.size(), c.size(), c) != 0) continue;
    const size_t ascii = l.rfind('('), wide = l.rfind("\xEF\xBC\x88");
    const size_t open = ascii == std::string::npos ? wide : wide == std::string::npos ? ascii : std::max(ascii, wide);
    if (open == std::string::npos || open == 0) return label;
    const size_t inner = open + (l[open] == '(' ? 1 : 3);
    std::string body = l.substr(inner, l.size() - c.size() - inner);
    body.erase(0, body.find_first_not_of(' '));
    for (const char* w : {"另有", "另外", "不含", "不包括", "未含", "未包括"}) {
      if (body.rfind(w, 0) == 0) {
        *note = body;
        std::string rest = l.substr(0, open);
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        return rest;
      }
    }
    return label;
  }
  return label;
}

// Whether a group row's label names a group its head's excluding note (WithoutExcludingNote) leaves
// out: a word of two Han characters of the group's qualifier (its label before the head's noun) stands
// in the note (劳务派遣员工 under 员工总人数（另有劳务派遣用工5,093人）).
bool ExcludedByNote(const std::string& group_label, const std::string& noun, const std::string& note) {
  if (note.empty()) return false;
  const std::string l = TotalNoun(group_label, false);
  const size_t at = l.rfind(noun);
  const std::u32string q = U32(l.substr(0, at == std::string::npos ? l.size() : at));
  const std::u32string n = U32(note);
  for (size_t k = 0; k + 1 < q.size(); ++k) {
    if (q[k] < 0x4E00 || q[k] > 0x9FFF || q[k + 1] < 0x4E00 || q[k + 1] > 0x9FFF) continue;
    if (n.find(q.substr(k, 2)) != std::u32string::npos) return true;
  }
  return false;
}

// Whether two row labels name the two groups of a closed pair, one the other's complement by a
// negating prefix ("Hazardous waste disposed" / "Non-hazardous waste disposed", 危险废物 / 非危险废物,
// "Direct emissions" / "Indirect emissions", 有害废物 / 无害废物): together they are the whole.
// Compared on the labels' nouns (lower-cased, no spaces, no unit bracket).
bool ComplementaryPair(const std::string& a, const std::string& b) {
  const std::string x = TotalNoun(a, false);
  const std::string y = TotalNoun(b, false);
  auto negates = [](const std::string& pos, const std::string& neg) {
    if (pos.empty()) return false;
    for (const char* w : {"non-", "non", "非"}) {
      if (neg.size() == pos.size() + std::strlen(w) && neg.compare(0, std::strlen(w), w) == 0 &&
          neg.compare(std::strlen(w), std::string::npos, pos) == 0) {
        return true;
      }
    }
    for (const auto& [p, n] : {std::pair<const char*, const char*>{"direct", "indirect"}, {"有害", "无害"}}) {
      const size_t lp = std::strlen(p), ln = std::strlen(n);
      if (pos.compare(0, lp, p) == 0 && neg.compare(0, ln, n) == 0 && pos.substr(lp) == neg.substr(ln) &&
          pos.size() > lp) {
        return true;
      }
    }
    return false;
  };
  return negates(x, y) || negates(y, x);
}

// Whether part `p` may be a subset of total `t`: quantities of one unit, no qualifiers, t positive, p not negative.
bool SubsetPair(const Figure& t, const Figure& p) {
  return t.kind == ESGAUDIT_FACT_QUANTITY && p.kind == t.kind && t.qualifiers == 0 && p.qualifiers == 0 &&
         p.unit == t.unit && t.value > 0 && p.value >= 0;
}

// The kind of power source a label names, or "" for none or more than one: the rows of an energy
// table (装机容量 其中：水电, 风电; "of which hydro", "of which wind"). Coal- and gas-fired plants are
// kinds of thermal power, so 火电 and 煤电 rows are one kind (they overlap) and never two parts.
std::string_view PowerSourceOf(const std::string& label) {
  static const std::pair<const char*, const char*> kSources[] = {
      {"水电", "hydro"},     {"水力", "hydro"},       {"hydro", "hydro"},         {"风电", "wind"},
      {"风力", "wind"},      {"wind", "wind"},        {"光伏", "solar"},          {"太阳能", "solar"},
      {"solar", "solar"},    {"photovoltaic", "solar"}, {"生物质", "biomass"},    {"biomass", "biomass"},
      {"核电", "nuclear"},   {"nuclear", "nuclear"},  {"地热", "geothermal"},     {"geothermal", "geothermal"},
      {"火电", "thermal"},   {"煤电", "thermal"},     {"燃煤", "thermal"},        {"气电", "thermal"},
      {"燃气", "thermal"},   {"thermal", "thermal"},  {"coal", "thermal"}};
  const std::string l = Lower(label);
  std::string_view kind;
  for (const auto& [printed, k] : kSources) {
    const std::string_view p = printed;
    // Latin names stand alone ("wind" is not in "windows"); "hydro" opens "hydropower".
    if (p[0] >= 'a' && p[0] <= 'z' ? !HasLatinWord(l, p, p == "hydro", true) : !Has(l, p)) continue;
    if (!kind.empty() && kind != k) return {};
    kind = k;
  }
  return kind;
}

}  // namespace

// Calls `each(total slot, part slot, total, part, column header)` for every value cell of `head`
// whose column `pr` also fills where the part may be a subset of the total: counts or amounts of
// one unit, without qualifiers, the total positive, under a header naming no rate or change.
template <typename Each>
void RelationAnalysis::ModelTable::SubsetCells(const Row& head, const Row& pr, const Each& each) const {
  for (const Slot& ts : head.cells) {
    const Slot* ps = pr.At(ts.slot);
    if (ts.figure < 0 || ps == nullptr || ps->figure < 0) continue;
    const Figure& t = figures_[ts.figure];
    const Figure& p = figures_[ps->figure];
    const std::string h = HeaderOf(head, ts.slot);
    if (!SubsetPair(t, p) || RateLabel(h) || IsChangeLabel(h)) continue;
    each(ts, *ps, t, p, h);
  }
}

void RelationAnalysis::ModelTable::AddGroupRow(int total, int part, std::string caption, std::string total_label,
                                               std::string part_label) {
  GroupRow g;
  g.relation.kind = RelationKind::kSubset;
  g.relation.evidence = Evidence::kTable;
  g.relation.certainty = Certainty::kLikely;
  g.relation.cue = SubsetCue::kGroupRow;
  g.relation.caption = std::move(caption);
  g.relation.total = total;
  g.relation.parts = {part};
  g.total_label = std::move(total_label);
  g.part_label = std::move(part_label);
  ra_.group_rows_.push_back(std::move(g));
}

// 其中 rows (of which): a run of them under a row are each a subset of it (新申请专利, 其中：发明专利);
// one followed by rows of no 其中 opens a list of parts (标准总数, 其中：国际, 国家, 行业), taken when
// the columns add up (MostAddUp) and otherwise left to the subset.
void RelationAnalysis::ModelTable::FindOfWhichRows() {
  std::set<size_t> listed;  // rows taken as parts of a 其中 list
  for (size_t ri = 1; ri < rows_.size(); ++ri) {
    if (!OfWhichLabel(rows_[ri].label) || OfWhichLabel(rows_[ri - 1].label)) continue;
    const Row& head = rows_[ri - 1];
    if (!head.readable || !head.has_figure || head.label.empty() || RateCells(head)) continue;
    // A head that is itself one of a 其中 list (员工人数, 其中：男性, 女性, 其中：少数民族) heads nothing.
    if (listed.count(ri - 1)) continue;
    // A 其中 row in another unit than its head's (综合能耗 in 吨标准煤, 其中：电力 in 万千瓦时, as the unit
    // column says) gives how much of one input, in its own measure: no subset of the head. (A label's
    // bracket is no unit here: 其中：微机（主机）.)
    auto same_unit = [&](const Row& row) {
      return head.unit.empty() || row.unit.empty() || head.unit == row.unit ||
             (PeopleUnit(head.unit) && PeopleUnit(row.unit));
    };
    std::vector<size_t> run;  // the 其中 rows
    for (size_t k = ri; k < rows_.size() && OfWhichLabel(rows_[k].label) && rows_[k].readable && rows_[k].has_figure &&
                        !RateCells(rows_[k], true) && same_unit(rows_[k]);
         ++k) {
      run.push_back(k);
    }
    if (run.empty()) continue;
    if (run.size() >= 2 && OfWhichRunAsParts(head, run)) {
      listed.insert(run.begin(), run.end());
      ri = run.back();
      continue;
    }
    std::vector<size_t> list{ri};  // the 其中 row and the rows after it, when it is alone
    for (size_t k = ri + 1; run.size() == 1 && k < rows_.size(); ++k) {
      const Row& pr = rows_[k];
      if (!pr.readable || !pr.has_figure || pr.label.empty() || OfWhichLabel(pr.label) || IsNestedLabel(pr.label) ||
          TableTotalLabel(pr.label) || RateCells(pr) || (!pr.unit.empty() && !head.unit.empty() && pr.unit != head.unit)) {
        break;
      }
      list.push_back(k);
    }
    // The longest list that adds up (the rows after it are the table's next items).
    std::vector<Relation> columns;
    for (; list.size() >= 2; list.pop_back()) {
      columns.clear();
      const size_t tried = ColumnTotals(head, list, true, &columns);
      if (MostAddUp(columns, tried)) break;
    }
    const bool adds = list.size() >= 2;
    if (adds) {
      for (Relation& r : columns) {
        // Parts after 其中 may leave others unnamed: short of the total is no defect unless 其他 closes them.
        r.flag = !r.consistent && (r.sum_low > figures_[r.total].high || OtherLabel(rows_[list.back()].label));
        Relabel(r);
        ra_.Add(std::move(r));
      }
      listed.insert(list.begin(), list.end());
      ri = list.back();
      continue;
    }
    for (size_t k : run) {
      for (const Slot& ts : head.cells) {
        const Slot* ps = rows_[k].At(ts.slot);
        if (ts.figure < 0 || ps == nullptr || ps->figure < 0) continue;
        const Figure& t = figures_[ts.figure];
        const Figure& p = figures_[ps->figure];
        if (t.qualifiers != 0 || p.qualifiers != 0 || p.kind != t.kind || p.unit != t.unit ||
            t.kind == ESGAUDIT_FACT_PERCENT || RateLabel(HeaderOf(head, ts.slot)) || p.value < 0) {
          continue;
        }
        Relation r;
        r.kind = RelationKind::kSubset;
        r.evidence = Evidence::kTable;
        r.certainty = Certainty::kCertain;
        std::string h = HeaderOf(head, ts.slot);
        r.caption = h.empty() ? head.label : head.label + "/" + h;
        r.total = ts.figure;
        r.parts = {ps->figure};
        r.consistent = WithinTotal(p.low, p.high, t.low, t.high);
        r.flag = !r.consistent;
        Relabel(r);
        ra_.Add(std::move(r));
      }
    }
    ri = run.back();
  }
}

// A run of two or more 其中 rows under one row (of which growth, of which maintenance, of which
// other) is a list of its parts when they add up to it in every column but one (MostAddUp), or when
// each names another kind of one dimension (DisjointKinds); rows of different dimensions (其中：女性,
// 其中：少数民族) overlap and do not add up, and stay subsets. Of-which
// rows may leave others unnamed, so only parts above their total are flagged, unless 其他 closes them.
bool RelationAnalysis::ModelTable::OfWhichRunAsParts(const Row& head, const std::vector<size_t>& run) {
  std::vector<Relation> columns;
  const size_t tried = ColumnTotals(head, run, true, &columns);
  if (!MostAddUp(columns, tried) && !DisjointKinds(run)) return false;
  for (Relation& r : columns) {
    r.flag = !r.consistent && (r.sum_low > figures_[r.total].high || OtherLabel(rows_[run.back()].label));
    Relabel(r);
    ra_.Add(std::move(r));
  }
  return true;
}

// Whether each row of a run names another kind of one dimension, so that no two overlap: another
// category of one of Dimensions() (其中：男性, 其中：女性), or another power source (of which hydro, of
// which wind, of which solar). Such rows are parts of their head whether or not they add up to it.
bool RelationAnalysis::ModelTable::DisjointKinds(const std::vector<size_t>& run) const {
  // Categories of one of Dimensions(), each named once.
  std::set<std::string> cats;
  const int dim = Categorise(rows_[run.front()].label).first;
  bool categories = dim >= 0;
  for (size_t k = 0; k < run.size() && categories; ++k) {
    auto [d, cat] = Categorise(rows_[run[k]].label);
    categories = d == dim && cats.insert(std::move(cat)).second;
  }
  if (categories) return true;
  // Power sources, each named once.
  std::set<std::string_view> sources;
  for (size_t k : run) {
    const std::string_view source = PowerSourceOf(rows_[k].label);
    if (source.empty() || !sources.insert(source).second) return false;
  }
  return true;
}

const RelationAnalysis::ModelSlot* RelationAnalysis::ModelTable::GroupCell(const Row& row) {
  for (const Slot& c : row.cells) {
    if (c.figure >= 0 || c.offset == row.label_offset) break;
    if (!c.dash && !c.text.empty()) return &c;
  }
  return nullptr;
}

bool RelationAnalysis::ModelTable::OfWhichGroup(const Row& row) {
  const Slot* g = GroupCell(row);
  return g != nullptr && OfWhichLabel(g->text) && !OfWhichLabel(row.label);
}

bool RelationAnalysis::ModelTable::Pairable(const Row& row) {
  return row.readable && row.has_figure && !row.label.empty() && !SubUnit(row).empty() && !RateCells(row) &&
         !IsChangeLabel(row.label);
}

// 其中 in a group column before the row labels: a table whose groups each span a block of rows,
// one per sub-label (人数, 培训总人时数) with the unit beside it, and whose group label may wrap
// over the block's rows (`一般员工的培训（包括新` / `员工）`). A row whose group cell
// opens with 其中 pairs with the nearest row above under the same sub-label and unit (the of-which
// group's total); the rows after it under the next sub-labels, whose group cells open no group
// of their own (a wrapped piece, or nothing), pair with the rows after that one, while the
// sub-labels follow the same order. Each is a subset in every column both fill, stated by 其中 (an
// error above its total). Rates, per-unit rows (小时/人, 人均) and shares are never taken.
void RelationAnalysis::ModelTable::FindOfWhichGroupColumns() {
  for (size_t k = 1; k < rows_.size(); ++k) {
    if (!OfWhichGroup(rows_[k]) || !Pairable(rows_[k])) continue;
    size_t j = k;
    while (j-- > 0) {
      if (OfWhichGroup(rows_[j])) break;
      if (rows_[j].label == rows_[k].label) break;
    }
    if (j >= k || OfWhichGroup(rows_[j]) || rows_[j].label != rows_[k].label) continue;
    const size_t block = k - j;
    const std::string group = GroupCell(rows_[k])->text;
    for (size_t i = 0; i < block && k + i < rows_.size(); ++i) {
      const Row& head = rows_[j + i];
      const Row& pr = rows_[k + i];
      if (i > 0 && (OfWhichGroup(pr) || pr.label != head.label)) break;
      const Slot* pg = GroupCell(pr);
      if (i > 0 && pg != nullptr && (TableTotalLabel(pg->text) || IsNestedLabel(pg->text))) break;
      if (!Pairable(head) || !Pairable(pr) || SubUnit(head) != SubUnit(pr)) break;
      SubsetCells(head, pr, [&](const Slot& ts, const Slot& ps, const Figure& t, const Figure& p, const std::string& h) {
        Relation r;
        r.kind = RelationKind::kSubset;
        r.evidence = Evidence::kTable;
        r.certainty = Certainty::kCertain;
        r.cue = SubsetCue::kOfWhich;
        r.caption = h.empty() ? head.label : head.label + "/" + h;
        r.total = ts.figure;
        r.parts = {ps.figure};
        r.consistent = WithinTotal(p.low, p.high, t.low, t.high);
        r.flag = !r.consistent;
        Relabel(r);
        figures_[ps.figure].label = group + "/" + pr.label;
        ra_.Add(std::move(r));
      });
    }
  }
}

// The same reading across a header: a column titled by a total word (员工总数, then 男性员工,
// 女性员工, 残疾员工, 少数民族员工 in the header) heads the columns after it that name a group of its
// noun, in each row of counts or amounts under that header: each such cell is a subset of the
// total column's cell (a warning above it). The columns run until one names neither a group nor
// nothing (a later year, another quantity: 员工总数 | 2016 | 2015 reads nothing). A pair already
// summed into the total (男 + 女) stays that sum (AddGroupRows). Share rows (占总人数百分比) and
// rate rows are not read.
void RelationAnalysis::ModelTable::FindGroupHeadColumns() {
  for (const Row& row : rows_) {
    if (!row.readable || !row.has_figure || row.header < 0 || RateCells(row) || ShareRow(row)) continue;
    const auto& h = HeaderRow(row);
    for (auto it = h.begin(); it != h.end(); ++it) {
      const std::string noun = GroupHeadNoun(it->second);
      const Slot* ts = row.At(it->first);
      if (noun.empty() || ts == nullptr || ts->figure < 0) continue;
      for (auto gt = std::next(it); gt != h.end(); ++gt) {
        if (gt->second.empty()) continue;
        if (!NamesGroupOf(gt->second, noun)) break;
        const Slot* ps = row.At(gt->first);
        if (ps == nullptr || ps->figure < 0) continue;
        if (!SubsetPair(figures_[ts->figure], figures_[ps->figure])) continue;
        AddGroupRow(ts->figure, ps->figure, row.label.empty() ? it->second : it->second + "/" + row.label,
                  it->second, gt->second);
      }
      break;  // one total column per header
    }
  }
}

// KPI rows that are groups of a total row above them, said by their nouns alone (员工总数, then
// 外籍员工数量; 在职员工数量（人）, then 残疾员工（人） … 女性员工（人）; 总装机容量, then 燃煤机组装机容量):
// each such row below the head, in the head's unit, is a subset of it in each column where both
// print a quantity (the same period), so a group above its total is a warning (the grouping is
// read from the labels). The rows below the head run while they keep its unit and print figures;
// rows of that unit naming no group of the noun (童工 under the staff) are passed over, a row of
// another unit, a row of labels only, or a new head ends them. Rates, per-unit rows, change
// columns and shares are never taken. Whether the groups add up is left to the other readers,
// but for exactly two groups that are a closed pair (hazardous and non-hazardous waste, direct and
// indirect emissions: ComplementaryPair), which are the whole when their columns add up in all
// but at most one (MostAddUp): a sum then, flagged short or over in each column.
void RelationAnalysis::ModelTable::FindGroupRows() {
  for (size_t hi = 0; hi < rows_.size(); ++hi) {
    const Row& head = rows_[hi];
    if (!head.readable || !head.has_figure || RateCells(head)) continue;
    std::string note;
    const std::string head_label = WithoutExcludingNote(head.label, &note);
    const std::string noun = GroupHeadNoun(head_label);
    if (noun.empty()) continue;
    const std::string head_unit = head.unit.empty() ? LabelUnit(head_label) : head.unit;
    std::vector<size_t> groups;
    for (size_t k = hi + 1; k < rows_.size(); ++k) {
      const Row& pr = rows_[k];
      const std::string unit = pr.unit.empty() ? LabelUnit(pr.label) : pr.unit;
      if (!pr.readable || !pr.has_figure || pr.label.empty() || unit != head_unit) break;
      const bool group = NamesGroupOf(pr.label, noun) && !ExcludedByNote(pr.label, noun, note);
      if (!group && !GroupHeadNoun(pr.label).empty()) break;
      if (!group || RateCells(pr)) continue;
      groups.push_back(k);
      SubsetCells(head, pr, [&](const Slot& ts, const Slot& ps, const Figure&, const Figure&, const std::string& h) {
        AddGroupRow(ts.figure, ps.figure, h.empty() ? head.label : head.label + "/" + h, head.label, pr.label);
      });
    }
    if (groups.size() == 2 && ComplementaryPair(rows_[groups[0]].label, rows_[groups[1]].label)) {
      std::vector<Relation> columns;
      const size_t tried = ColumnTotals(head, groups, true, &columns);
      if (MostAddUp(columns, tried)) {
        for (Relation& r : columns) {  // the pair's subsets are then joined to the sum (AddGroupRows)
          r.flag = !r.consistent;
          Relabel(r);
          ra_.Add(std::move(r));
        }
      }
    }
  }
}

// Two rows of counts followed by a row of rates that is the second over the first (生育假 taken,
// then returned after it, then the return rate; reached a year, then still employed, then the
// retention rate): the rate states the second row as a share of the first, so it is a subset of
// it in each column. The rate must be that quotient, to its printed precision, in every column
// but at most one (so that one changed count is still read) and in two at least, and no rate may
// exceed 100 %. Two rows whose labels merely extend one another (专利申请数, 专利申请授权数: a
// year's grants come from earlier years' applications too) are no pair without such a row.
void RelationAnalysis::ModelTable::FindRatePairs() {
  for (size_t k = 0; k + 2 < rows_.size(); ++k) {
    const Row& a = rows_[k];
    const Row& b = rows_[k + 1];
    const Row& rate = rows_[k + 2];
    if (!a.readable || !b.readable || !rate.readable || !a.has_figure || !b.has_figure || !rate.has_figure ||
        a.label.empty() || b.label.empty() || RateCells(a) || RateCells(b) || ShareRow(a) || ShareRow(b)) {
      continue;
    }
    size_t columns = 0, matching = 0;
    bool ok = true;
    SubsetCells(a, b, [&](const Slot& ts, const Slot&, const Figure& t, const Figure& p, const std::string&) {
      const Slot* rs = rate.At(ts.slot);
      if (rs == nullptr || rs->figure < 0) return;
      const Figure& r = figures_[rs->figure];
      if (r.kind != ESGAUDIT_FACT_PERCENT || r.qualifiers != 0 || r.value > 100) {
        ok = false;
        return;
      }
      ++columns;
      const double q = 100 * p.value / t.value;
      matching += r.low - 1e-9 <= q && q <= r.high + 1e-9;
    });
    if (!ok || matching < 2 || matching + 1 < columns) continue;
    SubsetCells(a, b, [&](const Slot& ts, const Slot& ps, const Figure&, const Figure&, const std::string& h) {
      if (rate.At(ts.slot) == nullptr) return;
      AddGroupRow(ts.figure, ps.figure, h.empty() ? a.label : a.label + "/" + h, a.label, b.label);
    });
  }
}

void RelationAnalysis::AddGroupRows() {
  for (GroupRow& g : group_rows_) {
    Relation& r = g.relation;
    const int part = r.parts.front();
    const bool joined = std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) {
      return (o.total == r.total && std::find(o.parts.begin(), o.parts.end(), part) != o.parts.end()) ||
             (o.total == part && std::find(o.parts.begin(), o.parts.end(), r.total) != o.parts.end());
    });
    if (joined) continue;
    figures_[r.total].label = g.total_label;
    figures_[part].label = g.part_label;
    r.consistent = WithinTotal(figures_[part].low, figures_[part].high, figures_[r.total].low, figures_[r.total].high);
    r.flag = !r.consistent;
    Add(std::move(r));
  }
  group_rows_.clear();
}

}  // namespace esgaudit::numeric
