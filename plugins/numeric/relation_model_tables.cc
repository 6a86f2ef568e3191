// Finding sums in a structure-model table's rows once read (relation_model_rows.cc): total columns
// and rows, closed category sets, groups shown by their figures alone; and what every reading of
// a table's relations shares (relation_model_shares.cc, relation_model_subsets.cc).
#include "relation_model_table.h"

#include <limits>

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// A total row named by the quantity it totals rather than by a total word (贷款总额 under the loans of
// each region, 排放总量): a label of three to eight characters ending in 总额 or 总量 that names no
// category (as for 总数 above). Profit totals (利润总额) are reached by subtraction, not by summing the
// rows above them: never such a row.
bool QuantityTotalLabel(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  for (const char* open : {"(", "\xEF\xBC\x88"}) {  // a unit bracket: "(亿元)"
    size_t at = sdk::RFind(label, open);
    if (at != std::string::npos && at > 0 && Cps(label.substr(at)) <= 8) label.resize(at);
  }
  const std::u32string u = U32(Lower(label));
  if (u.size() < 3 || u.size() > 8 || Has(label, "利润")) return false;
  const std::u32string tail = u.substr(u.size() - 2);
  return (tail == U"总额" || tail == U"总量") && Categorise(label).first < 0;
}

// A row of a statement that adds or takes away (加：营业外收入, 减：营业外支出): its rows are no parts.
bool SignedRowLabel(const std::string& label) {
  std::string l = label;
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  return l.rfind("加", 0) == 0 || l.rfind("减", 0) == 0 || l.rfind("力口", 0) == 0;
}

// A row of one label naming the dimension of the breakdown below it (性别, 年龄, 教育程度, Gender):
// in a table of counts it says that the rows under it split the table's population once more.
bool DimensionTitle(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  for (const char* colon : {":", "\xEF\xBC\x9A"}) {  // ":" and "："
    std::string c = colon;
    if (label.size() > c.size() && label.compare(label.size() - c.size(), c.size(), c) == 0) {
      label.resize(label.size() - c.size());
    }
  }
  std::string l = Lower(label);
  // "按年龄分", "按学历划分": by the dimension alone, which names it as well.
  const std::string by = "按";
  if (l.rfind(by, 0) == 0) {
    l.erase(0, by.size());
    bool cut = false;
    for (const char* tail : {"划分", "分"}) {
      const std::string t = tail;
      if (!cut && l.size() > t.size() && l.compare(l.size() - t.size(), t.size(), t) == 0) {
        l.resize(l.size() - t.size());
        cut = true;
      }
    }
    if (!cut) return false;
  }
  for (const char* w : {"性别", "年龄", "年龄段", "年龄结构", "学历", "教育程度", "文化程度", "职称", "岗位",
                        "专业", "地区", "区域", "民族", "国籍", "用工形式", "gender", "age", "education",
                        "region", "nationality"}) {
    if (l == w) return true;
  }
  return false;
}

// The first two words of a label, lower-cased, letters and digits only ("Indirect, from electricity"
// -> "indirect from"; "Scope 2 (market-based)" -> "scope 2"); empty when it has fewer.
std::string OpeningWords(const std::string& label) {
  std::vector<std::string> words(1);
  for (char c : Lower(label)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) {
      words.back() += c;
    } else if (!words.back().empty()) {
      if (words.size() == 2) break;
      words.emplace_back();
    }
  }
  return words.size() == 2 && !words.back().empty() ? words[0] + " " + words[1] : std::string();
}

// A share column's header naming the base every row's share is of: 在公司贷款中占比（%）, 占营业收入比例,
// 占采购总额的比重 (at least two characters of base). A base of each row's own (占该组别比例, 占本部门
// 比例, 在各地区中占比) or no base (女性占比, 占比) is none: such shares do not add up across rows.
bool SharesOfANamedBase(const std::string& header) {
  std::u32string u;
  for (char32_t c : U32(header)) {
    if (c != U' ' && c != 0x3000) u.push_back(c);
  }
  std::u32string base;
  const size_t share = u.find(U"占比");
  const size_t in = u.find(U'在');
  if (share != std::u32string::npos && in != std::u32string::npos && in + 3 < share && u[share - 1] == U'中') {
    base = u.substr(in + 1, share - 1 - in - 1);
  } else if (const size_t at = u.find(U'占'); at != std::u32string::npos) {
    size_t end = u.find(U"比例", at);
    if (end == std::u32string::npos) end = u.find(U"比重", at);
    if (end != std::u32string::npos && end > at + 1) base = u.substr(at + 1, end - at - 1);
    if (!base.empty() && base.back() == U'的') base.pop_back();
  }
  if (base.size() < 2) return false;
  for (char32_t c : base) {
    if (c < 0x4E00 || c > 0x9FFF) return false;
  }
  for (const char32_t* own : {U"该", U"本", U"各", U"其", U"所在", U"同", U"每"}) {
    if (base.rfind(own, 0) == 0) return false;
  }
  return true;
}

// A water balance row's role: 0 total withdrawal, 1 total discharge, 2 total consumption; -1 for any
// other label, a label naming more than one, or one with a qualifier in brackets (another scope).
int WaterTotalRole(const std::string& label) {
  const std::string l = Lower(label);
  if (!Has(l, "total") || !Has(l, "water") || Has(l, "(") || Has(l, "\xEF\xBC\x88")) return -1;
  const bool in = Has(l, "withdraw") || Has(l, "abstract");
  const bool out = Has(l, "discharg") || Has(l, "returned");
  const bool used = Has(l, "consum");
  if (in + out + used != 1) return -1;
  return in ? 0 : out ? 1 : 2;
}

// A label that is one bracket only, holding words ("(Group)", "（本公司）"): the twin of the full label above.
bool BracketOnlyLabel(const std::string& label) {
  std::string l(sdk::Trim(label));
  auto starts = [&](const char* p) { return l.rfind(p, 0) == 0; };
  auto ends = [&](const char* p) {
    const size_t n = std::strlen(p);
    return l.size() > n && l.compare(l.size() - n, n, p) == 0;
  };
  if (!(starts("(") || starts("\xEF\xBC\x88")) || !(ends(")") || ends("\xEF\xBC\x89"))) return false;
  const size_t opens = static_cast<size_t>(std::count(l.begin(), l.end(), '(')) + (Has(l, "\xEF\xBC\x88") ? 1 : 0);
  return opens == 1 && std::any_of(l.begin(), l.end(), [](char c) {
           return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
         });
}

}  // namespace

namespace relation_detail {

std::string GroupHeadNoun(const std::string& label) {
  const std::string l = TotalNoun(label, false);
  if (Has(l, "利润") || Has(l, "其中")) return std::string();
  std::u32string u = U32(l);
  auto ends = [&](std::u32string_view w) { return u.size() > w.size() && u.compare(u.size() - w.size(), w.size(), w) == 0; };
  auto starts = [&](std::u32string_view w) { return u.size() > w.size() && u.compare(0, w.size(), w) == 0; };
  auto strip_count = [&](std::u32string n) {
    for (std::u32string_view w : {U"数量", U"人数"}) {
      if (n.size() > w.size() + 1 && n.compare(n.size() - w.size(), w.size(), w) == 0) return n.substr(0, n.size() - w.size());
    }
    return n;
  };
  std::u32string noun;
  if (ends(U"总人数")) {
    noun = u.substr(0, u.size() - 3);
  } else if (ends(U"总数") || ends(U"总量") || ends(U"总额")) {
    noun = u.substr(0, u.size() - 2);
  } else if (starts(U"总") && !starts(U"总部") && !starts(U"总公司") && !starts(U"总经") && !starts(U"总监") &&
             !starts(U"总工")) {
    noun = strip_count(u.substr(1));
  } else if (starts(U"在职") || starts(U"在岗") || starts(U"全体")) {
    noun = strip_count(u.substr(2));
  } else if (starts(U"total") && u.size() >= 9 && u[5] >= U'a' && u[5] <= U'z') {
    noun = u.substr(5);  // not "Total, market-based": a total row of one method names no noun
  }
  const bool han = !noun.empty() && noun.back() >= 0x4E00 && noun.back() <= 0x9FFF;
  if (noun.size() < (han ? 2u : 4u)) return std::string();
  const std::string out = ToUtf8(noun);
  if (Categorise(out).first >= 0 || Categorise(label).first >= 0) return std::string();
  // A label printed without spaces ("Totalmaleemployees") has lost the spaces the category word is read by.
  for (const char* w : {"male", "female", "men", "women"}) {
    if (out.rfind(w, 0) == 0) return std::string();
  }
  return out;
}

bool MostAddUp(const std::vector<Relation>& columns, size_t tried) {
  size_t consistent = 0;
  for (const Relation& r : columns) consistent += ShowsGrouping(r);
  return consistent >= 1 && consistent + 1 >= tried;
}

bool YearLedLabel(std::string l) {
  l = Lower(l);
  if (l.rfind("fy", 0) == 0) l.erase(0, 2);
  return OpensWithYear(l);
}

}  // namespace relation_detail

void RelationAnalysis::ModelTable::FindRelations() {
  FindSplitBlocks();
  FindTotalColumns();
  FindCategoryColumns();
  ShiftTotalRows();
  MarkShareTailTotalsUnreadable();
  FindOtherHeads();
  FindWaterBalance();
  FindTwinTotals();
  FindTotalRows();
  FindNounTotals();
  FindFigureGroups();
  FindInterleavedSeries();
  FindQualifiedRepeats();
  FindOfWhichRows();
  FindOfWhichGroupColumns();
  FindGenderSharePairs();
  FindShareRuns();
  FindCaptionedShares();
  FindClosedCategoryRows();
  FindAgeBands();
  FindCountSharePairs();
  FindGroupHeadColumns();
  FindGroupRows();
  FindRatePairs();
  FindStackedGroups();
}

void RelationAnalysis::ModelTable::Relabel(const Relation& r) {
  std::vector<int> members = r.parts;
  if (r.total >= 0) members.push_back(r.total);
  for (int m : members) {
    auto it = md_.row_label.find(m);
    if (it != md_.row_label.end()) figures_[m].label = it->second;
  }
}

void RelationAnalysis::ModelTable::AddAll(std::vector<Relation>& relations) {
  for (Relation& r : relations) {
    Relabel(r);
    ra_.Add(std::move(r));
  }
}

void RelationAnalysis::ModelTable::AddFlaggingExcess(std::vector<Relation>& sums) {
  for (Relation& r : sums) {
    r.flag = !r.consistent && r.sum_low > figures_[r.total].high;
    Relabel(r);
    ra_.Add(std::move(r));
  }
}

void RelationAnalysis::ModelTable::AddMostAddingUp(const Row& head, const std::vector<size_t>& list,
                                                   bool skip_rates) {
  std::vector<Relation> columns;
  const size_t tried = ColumnTotals(head, list, skip_rates, &columns);
  if (MostAddUp(columns, tried)) AddFlaggingExcess(columns);
}

bool RelationAnalysis::ModelTable::YearColumns(const std::map<int, std::string>& h) {
  int years = 0;
  for (const auto& [slot, text] : h) {
    years += OpensWithYear(text);
  }
  return years >= 2;
}

bool RelationAnalysis::ModelTable::ColumnParts(const std::vector<size_t>& row_indices, int slot,
                                               std::vector<int>* parts) const {
  for (size_t k : row_indices) {
    const Slot* ps = rows_[k].At(slot);
    if (ps == nullptr || (ps->figure < 0 && !ps->dash)) return false;
    if (ps->figure >= 0) parts->push_back(ps->figure);
  }
  return true;
}

bool RelationAnalysis::ModelTable::Uniform(const std::vector<int>& parts, int total) const {
  const Figure& tf = figures_[total];
  if (tf.qualifiers != 0 || parts.size() < 2) return false;
  for (int p : parts) {
    const Figure& f = figures_[p];
    if (f.kind != tf.kind || f.unit != tf.unit || f.qualifiers != 0 || f.value < 0) return false;
  }
  return tf.kind != ESGAUDIT_FACT_PERCENT || tf.value == 100;
}

// A count column whose cells print their shares of one base in brackets, the total row too
// (56 (1.1%) … 總數 2,252 (42.3%)): the parts' shares add up to the total's share. Taken when each
// share is its count over the base the total row gives, in every row but at most one (so that one
// changed share is still read, and flagged); returns whether it was.
bool RelationAnalysis::ModelTable::ShareSum(const Slot& ts, const std::vector<int>& counts,
                                            const std::vector<int>& shares, const std::string& caption,
                                            std::vector<Relation>* out) const {
  const Figure& tc = figures_[ts.figure];
  const Figure& tsh = figures_[ts.share];
  if (tsh.low <= 0 || tc.low <= 0 || counts.size() < 2) return false;
  const double base_lo = 100 * tc.low / tsh.high, base_hi = 100 * tc.high / tsh.low;
  size_t matching = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    const Figure& c = figures_[counts[i]];
    const Figure& sh = figures_[shares[i]];
    matching += 100 * c.low / base_hi <= sh.high && sh.low <= 100 * c.high / base_lo;
  }
  if (matching == 0 || matching + 1 < counts.size()) {
    // The total row's share may be the changed one: three or more rows whose shares are all their
    // counts over one base say what the column is without it. Not when it prints 100% (a share
    // within the column, not of the rows' base).
    if (counts.size() < 3 || tsh.value == 100) return false;
    double lo = 0, hi = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < counts.size() && lo <= hi; ++i) {
      const Figure& c = figures_[counts[i]];
      const Figure& sh = figures_[shares[i]];
      if (sh.low <= 0 || c.low <= 0) return false;
      lo = std::max(lo, 100 * c.low / sh.high);
      hi = std::min(hi, 100 * c.high / sh.low);
    }
    if (lo > hi) return false;
  }
  Relation r;
  r.kind = RelationKind::kPartsTotal;
  r.evidence = Evidence::kTable;
  r.certainty = Certainty::kCertain;
  r.caption = caption;
  r.total = ts.share;
  r.parts = shares;
  std::sort(r.parts.begin(), r.parts.end());
  // A share printed ten times its value is named in the message.
  if (!ra_.LayoutSum(&r, tsh.low, tsh.high)) ra_.OneSlipFoots(&r, tsh.low, tsh.high);
  out->push_back(std::move(r));
  return true;
}

// The relation of `parts` to `total`, or none when the sum is far from the total (another kind
// of figure or a misread column). `adds_up` tells whether it holds as printed.
// A percentage breakdown's caption is located at `row`'s label (its total, 100%, is no part).
// `zero_total_shown`: the total is a printed zero that other rows of its column show to be a
// total (FindTotalColumns), so parts above it are a contradiction, not a misread.
void RelationAnalysis::ModelTable::Make(int total, std::vector<int> parts, const std::string& caption,
                                        const Row& row, std::vector<Relation>* out, bool zero_total_shown,
                                        bool total_slip) {
  Relation r;
  r.evidence = Evidence::kTable;
  r.certainty = Certainty::kCertain;
  r.caption = caption;
  r.parts = std::move(parts);
  std::sort(r.parts.begin(), r.parts.end());
  if (figures_[total].kind == ESGAUDIT_FACT_PERCENT) {
    r.kind = RelationKind::kPercentBreakdown;
    r.caption_offset = row.label_length > 0 ? row.label_offset : figures_[total].offset;
    r.caption_length = row.label_length > 0 ? row.label_length : figures_[total].length;
  } else {
    r.kind = RelationKind::kPartsTotal;
    r.total = total;
  }
  const double tlo = figures_[total].low, thi = figures_[total].high;
  ra_.LayoutSum(&r, tlo, thi);
  if (!r.consistent) {
    // The same sum with the members exact by their context only widened to their rounding (not
    // LayoutSum: these intervals are not the figures' own).
    auto rounded = [&](int i) {
      const Figure& f = figures_[i];
      return f.context_count ? ExactInterval(f.value, f.decimals, f.magnitude) : Interval{f.low, f.high};
    };
    double lo = 0, hi = 0;
    for (int p : r.parts) {
      const Interval iv = rounded(p);
      lo += iv.lo;
      hi += iv.hi;
    }
    const Interval t = r.total >= 0 ? rounded(r.total) : Interval{tlo, thi};
    r.adds_up_rounded = lo <= t.hi && t.lo <= hi;
  }
  // Counts printed with their shares of one base, and neither the counts nor the shares add up
  // to the total's: the rows are another total's parts (the next block of a table of several),
  // not a contradiction.
  if (!r.consistent && !r.adds_up_rounded && r.total >= 0 && md_.share_of.count(total) > 0) {
    Slot ts;
    ts.figure = total;
    ts.share = md_.share_of[total];
    std::vector<int> shares;
    for (int p : r.parts) {
      if (md_.share_of.count(p) > 0) shares.push_back(md_.share_of[p]);
    }
    std::vector<Relation> share_sums;
    if (shares.size() == r.parts.size() && ShareSum(ts, r.parts, shares, caption, &share_sums) &&
        !share_sums.front().consistent) {
      return;
    }
  }
  // A sum far from the total is another kind of figure or a misread column: not this relation, unless
  // one part read 10^k times its value makes it foot (a share: read ten or a hundred times smaller,
  // ShareSlip; a breakdown has no total figure for NearOrSlip to read).
  bool plausible = r.consistent || ra_.NearOrSlip(&r, tlo, thi, 1.5, 0.67) ||
                   (r.kind == RelationKind::kPercentBreakdown && ra_.ShareSlip(&r)) ||
                   (total_slip && ra_.TotalSlipFoots(&r));
  if (!plausible && !zero_total_shown) return;
  r.flag = !r.consistent;
  out->push_back(std::move(r));
}

bool RelationAnalysis::ModelTable::AddSum(int total, std::vector<int> parts, const std::string& caption,
                                          const Row& row, bool zero_total_shown) {
  std::vector<Relation> one;
  Make(total, std::move(parts), caption, row, &one, zero_total_shown);
  bool holds = false;
  for (Relation& r : one) {
    holds = holds || r.consistent;
    Relabel(r);
    ra_.Add(std::move(r));
  }
  return holds;
}

size_t RelationAnalysis::ModelTable::ColumnTotals(const Row& head, const std::vector<size_t>& list,
                                                  bool skip_rates, std::vector<Relation>* columns) {
  size_t tried = 0;
  for (const Slot& ts : head.cells) {
    if (ts.figure < 0 || figures_[ts.figure].kind == ESGAUDIT_FACT_PERCENT) continue;
    std::string h = HeaderOf(head, ts.slot);
    if (skip_rates && RateLabel(h)) continue;
    std::vector<int> parts;
    if (!ColumnParts(list, ts.slot, &parts) || !Uniform(parts, ts.figure)) continue;
    ++tried;
    Make(ts.figure, std::move(parts), h.empty() ? head.label : head.label + "/" + h, head, columns);
  }
  return tried;
}

bool RelationAnalysis::ModelTable::BlockOfRows(size_t from, int dir, std::vector<size_t>* out) const {
  for (long k = static_cast<long>(from); k >= 0 && k < static_cast<long>(rows_.size()); k += dir) {
    const Row& pr = rows_[static_cast<size_t>(k)];
    if (!pr.has_figure || TableTotalLabel(pr.label)) break;  // a group title or another total
    if (!pr.readable || IsNestedLabel(pr.label)) return false;  // nested rows: unsure
    out->push_back(static_cast<size_t>(k));
  }
  return true;
}

bool RelationAnalysis::ModelTable::RateCells(const Row& row, bool of_which) {
  if (RateLabel(row.label) || Has(row.unit, "/") || Has(row.unit, "每")) return true;
  for (const Slot& c : row.cells) {
    const bool slash = Has(c.text, "/") && !(of_which && c.offset == row.label_offset && LabelUnit(row.label).empty());
    if (c.figure < 0 && !c.dash && (RateLabel(c.text) || slash)) return true;
  }
  return false;
}

std::string RelationAnalysis::ModelTable::SubUnit(const Row& row) {
  return row.unit.empty() ? LabelUnit(row.label) : row.unit;
}

bool RelationAnalysis::ModelTable::ShareRow(const Row& row) {
  if (!row.readable || !row.has_figure || row.label.empty()) return false;
  std::string l = Lower(row.label);
  return row.unit == "%" || Has(l, "%") || Has(l, "\xEF\xBC\x85") || Has(l, "占比") || Has(l, "比例") ||
         Has(l, "share of") || Has(l, "percentage");
}

std::string RelationAnalysis::ModelTable::PrintedLabel(const Row& row) const {
  return std::string(doc_.Text().substr(row.label_offset, row.label_length));
}

void RelationAnalysis::ModelTable::FindTotalColumns() {
  // Total column (rows are years or categories; the header's columns never years).
  // A printed total of an exact zero (a count: 事故（次） 0) over parts that are not all zero is no
  // sum a ratio can judge plausible; it is kept, and flagged, when at least two other rows of the
  // same header show the column to be their total with non-zero totals that hold as printed.
  struct ZeroTotal {
    int total;
    std::vector<int> parts;
    std::string caption;
    const Row* row;
    int tslot;
  };
  std::vector<ZeroTotal> zero_totals;
  std::map<std::pair<int, int>, int> column_holds;  // (header, total slot) -> non-zero rows holding
  // The zeros of the parts are judged to their column's printed precision, the columns taken over
  // the rows of one header under one total column (ZerosToColumnPrecision).
  {
    std::map<std::pair<int, int>, std::map<int, std::vector<int>>> columns;  // (header, total slot) -> slot -> cells
    for (const Row& row : rows_) {
      if (!row.readable || row.label.empty() || RateLabel(row.label) || YearColumns(HeaderRow(row))) continue;
      for (const auto& [tslot, head] : HeaderRow(row)) {
        const Slot* total = TableTotalLabel(head) ? row.At(tslot) : nullptr;
        if (total == nullptr || total->figure < 0) continue;
        auto& by_slot = columns[{row.header, tslot}];
        by_slot[tslot].push_back(total->figure);
        for (const Slot& s : row.cells) {
          if (s.slot >= tslot || (s.figure < 0 && !s.dash)) continue;
          const std::string h = HeaderOf(row, s.slot);
          if (!TableTotalLabel(h) && !RateLabel(h)) by_slot[s.slot].push_back(s.figure);
        }
      }
    }
    for (const auto& [key, by_slot] : columns) {
      std::vector<std::vector<int>> parts;
      for (const auto& [slot, cells] : by_slot) {
        if (slot != key.second) parts.push_back(cells);
      }
      ra_.ZerosToColumnPrecision(parts, by_slot.at(key.second), nullptr);
    }
  }
  for (const Row& row : rows_) {
    if (!row.readable || row.label.empty() || RateLabel(row.label) || YearColumns(HeaderRow(row))) continue;
    auto header_of = [&](int slot) { return HeaderOf(row, slot); };
    for (const auto& [tslot, head] : HeaderRow(row)) {
      if (!TableTotalLabel(head)) continue;
      {
        const Slot* total = row.At(tslot);
        if (total == nullptr || total->figure < 0) continue;
        std::vector<int> parts;
        bool ok = true;
        for (const Slot& s : row.cells) {
          if (s.slot >= tslot || (s.figure < 0 && !s.dash)) continue;
          std::string h = header_of(s.slot);
          if (TableTotalLabel(h) || (RateLabel(h) && figures_[total->figure].kind != ESGAUDIT_FACT_PERCENT)) {
            ok = false;  // a subtotal or a rate among the parts
            break;
          }
          if (s.figure >= 0) parts.push_back(s.figure);
        }
        if (!ok || !Uniform(parts, total->figure)) continue;
        const Figure& tf = figures_[total->figure];
        const bool zero = tf.value == 0 && tf.low == 0 && tf.high == 0 &&
                          std::any_of(parts.begin(), parts.end(), [&](int p) { return figures_[p].value > 0; });
        if (zero) {
          zero_totals.push_back({total->figure, std::move(parts), row.label + "/" + head, &row, tslot});
          continue;
        }
        if (AddSum(total->figure, std::move(parts), row.label + "/" + head, row) && tf.value > 0) {
          ++column_holds[{row.header, tslot}];
        }
      }
    }
  }
  for (ZeroTotal& z : zero_totals) {
    const auto it = column_holds.find({z.row->header, z.tslot});
    AddSum(z.total, std::move(z.parts), z.caption, *z.row, it != column_holds.end() && it->second >= 2);
  }
}

// Columns naming every category of a closed set (男 / 女, 男性员工 / 女性员工) right of a column
// whose header names the set's head with a total (总人数, 员工总数): in each row the category
// cells are the parts of that cell, as a 合计 column's are. A header is read with the row of
// labels printed under it (a two-line header: 总人数 over nothing, 性别 over 男 and 女), so
// tables laid out with empty spacer columns and one-row tables are read alike. A category
// header may add to its category only a word of the total's header (男性员工 under 员工总数):
// 女性管理者 counts another population. Other columns (残疾员工) are no parts; rates and shares
// are not summed, but a share row whose total cell is 100% is a breakdown of it.
void RelationAnalysis::ModelTable::FindCategoryColumns() {
  std::map<int, std::string> sub;  // the labels-only row under the current header
  int sub_header = -2;
  for (const Row& row : rows_) {
    if (row.header != sub_header) {
      sub.clear();
      sub_header = row.header;
    }
    if (!row.has_figure) {
      size_t texts = 0;
      for (const Slot& s : row.cells) texts += !s.text.empty();
      if (texts >= 2 && texts == row.cells.size() && row.readable) {
        sub.clear();
        for (const Slot& s : row.cells) sub[s.slot] = s.text;
      }
      continue;
    }
    if (!row.readable) continue;
    std::map<int, std::string> h = HeaderRow(row);
    for (const auto& [slot, text] : sub) {
      auto it = h.find(slot);
      if (it == h.end() || it->second.empty()) h[slot] = text;
    }
    for (int d = 0; d < static_cast<int>(Dimensions().size()); ++d) {
      const Dimension& dim = Dimensions()[d];
      if (!dim.closed) continue;
      std::map<std::string, int> by_category;  // category -> slot
      bool twice = false;
      for (const auto& [slot, text] : h) {
        auto [hd, cat] = Categorise(text);
        if (hd != d) continue;
        twice = twice || by_category.count(cat);
        by_category[cat] = slot;
      }
      std::set<std::string> all;
      for (const auto& [printed, cat] : dim.categories) all.insert(cat);
      if (twice || by_category.size() != all.size()) continue;
      int first = INT32_MAX;
      for (const auto& [cat, slot] : by_category) first = std::min(first, slot);
      // The total: the one header left of the categories naming the head with a total.
      int tslot = -1, heads = 0;
      for (const auto& [slot, text] : h) {
        if (slot >= first || Categorise(text).first >= 0 || !HasHead(text, d)) continue;
        if (!Has(text, "总") && !TableTotalLabel(text)) continue;
        ++heads;
        tslot = slot;
      }
      if (heads != 1 || RateLabel(h[tslot])) continue;
      const std::string total_header = Lower(h[tslot]);
      bool named = true;
      for (const auto& [cat, slot] : by_category) {
        std::string rest = Lower(h[slot]);
        size_t best = 0;
        std::string_view word;
        for (const auto& [printed, c] : dim.categories) {
          std::string_view pv(printed);
          if (c == cat && pv.size() > best && Has(rest, pv)) {
            best = pv.size();
            word = pv;
          }
        }
        if (word.empty()) {
          named = false;
          break;
        }
        rest.erase(rest.find(word), word.size());
        rest.erase(std::remove(rest.begin(), rest.end(), ' '), rest.end());
        named = named && !RateLabel(h[slot]) && (rest.empty() || Has(total_header, rest));
      }
      if (!named) continue;
      const Slot* total = row.At(tslot);
      if (total == nullptr || total->figure < 0 || ra_.Summed(total->figure)) continue;
      // A row of rates is summed only as shares of a whole printed as 100%.
      if (RateLabel(row.label) && figures_[total->figure].kind != ESGAUDIT_FACT_PERCENT) continue;
      std::vector<int> parts;
      bool ok = true;
      for (const auto& [cat, slot] : by_category) {
        const Slot* p = row.At(slot);
        ok = ok && p != nullptr && p->figure >= 0;
        if (ok) parts.push_back(p->figure);
      }
      if (!ok || !Uniform(parts, total->figure)) continue;
      AddSum(total->figure, std::move(parts), row.label.empty() ? h[tslot] : row.label + "/" + h[tslot], row);
    }
  }
}

// A total row written with one tab more or less than the rows it sums (总计 whose count stands
// under the share column next to the count column; 女性合计 one tab left of its rows): when its
// figures do not stand under figures of their kind (a percentage or not) in the rows above, and
// moved one slot right or left (but not both) they all do, its figure and dash cells move there.
void RelationAnalysis::ModelTable::ShiftTotalRows() {
  for (size_t ri = 1; ri < rows_.size(); ++ri) {
    Row& tr = rows_[ri];
    if (!tr.readable || !TableTotalLabel(tr.label)) continue;
    // 1: the nearest figure above in the slot is a percentage, 0: another kind, -1: none.
    auto percent_above = [&](int slot) {
      for (size_t k = ri; k-- > 0;) {
        const Slot* s = rows_[k].At(slot);
        if (s != nullptr && s->figure >= 0) return figures_[s->figure].kind == ESGAUDIT_FACT_PERCENT ? 1 : 0;
      }
      return -1;
    };
    auto fits = [&](int d) {
      bool any = false;
      for (const Slot& s : tr.cells) {
        if (s.figure < 0) continue;
        any = true;
        const int to = s.slot + d;
        if (to < 1) return false;
        const Slot* there = tr.At(to);
        if (d != 0 && there != nullptr && there->figure < 0 && !there->dash) return false;  // a label there
        if (percent_above(to) != (figures_[s.figure].kind == ESGAUDIT_FACT_PERCENT ? 1 : 0)) return false;
      }
      return any;
    };
    if (fits(0)) continue;
    const bool right = fits(+1);
    const bool left = fits(-1);
    if (right == left) continue;
    const int d = right ? +1 : -1;
    for (Slot& s : tr.cells) {
      if ((s.figure >= 0 || s.dash) && s.slot + d >= 1) s.slot += d;
    }
  }
}

// A total row ending in shares that stand over figures of another kind in the rows above it (a
// share column the total row alone prints, with an empty column it prints no dash for, so that
// its cells stand one place off the rows' by index) does not say which of their columns a cell
// totals: it is unreadable. Its cells but the shares are then never as many as each row's
// (aligned from the end they would be: that row is wider than the grid, which the model leaves
// out of the table).
void RelationAnalysis::ModelTable::MarkShareTailTotalsUnreadable() {
  for (size_t ri = 1; ri < rows_.size(); ++ri) {
    Row& tr = rows_[ri];
    if (!tr.readable || !TableTotalLabel(tr.label)) continue;
    std::vector<const Slot*> values;  // its figure and dash cells, left to right
    for (const Slot& s : tr.cells) {
      if (s.figure >= 0 || s.dash) values.push_back(&s);
    }
    size_t shares = 0;
    while (shares < values.size() && values[values.size() - 1 - shares]->figure >= 0 &&
           figures_[values[values.size() - 1 - shares]->figure].kind == ESGAUDIT_FACT_PERCENT) {
      ++shares;
    }
    if (shares == 0 || shares == values.size()) continue;
    bool over_other_kind = false;
    for (size_t k = ri; k-- > 0;) {  // the rows it may total: up to a row of no figure or another total
      const Row& pr = rows_[k];
      if (!pr.has_figure || TableTotalLabel(pr.label)) break;
      for (size_t s = values.size() - shares; s < values.size(); ++s) {
        const Slot* ps = pr.At(values[s]->slot);
        over_other_kind = over_other_kind || (ps != nullptr && ps->figure >= 0 &&
                                              figures_[ps->figure].kind != ESGAUDIT_FACT_PERCENT);
      }
    }
    if (over_other_kind) tr.readable = false;
  }
}

// A row heading the rows under it that an Other / 其他 row closes (Hazardous waste disposed,
// then Upstream, Integrated Gas, Downstream, Other): the head is the nearest row above the
// Other row whose rows below add up to it in every column but at most one (MostAddUp), every
// column then checked. Its rows are no parts of a total above the head. A row further up whose
// rows (the nearer candidate's included) add up to it in more columns, or in as many when it is
// named as a total, is the head instead: a region block closed by 其他地区 under a total row
// printed first starts with a region, not a head of the rest.
void RelationAnalysis::ModelTable::FindOtherHeads() {
  for (size_t oi = 2; oi < rows_.size(); ++oi) {
    if (!rows_[oi].has_figure || !rows_[oi].readable || !OtherLabel(rows_[oi].label) || under_head_.count(oi)) continue;
    std::vector<Relation> best;
    size_t best_head = 0, best_consistent = 0;
    for (size_t hi = oi - 1; hi-- > 0 && oi - hi <= 12;) {
      const Row& head = rows_[hi];
      const Row& below = rows_[hi + 1];
      if (!below.has_figure || !below.readable || below.label.empty() || TableTotalLabel(below.label) ||
          IsNestedLabel(below.label) || RateCells(below) || below.unit != rows_[oi].unit) {
        break;
      }
      if (!head.has_figure || !head.readable || head.label.empty() || RateCells(head) || head.unit != below.unit) {
        continue;
      }
      std::vector<size_t> under;  // the rows from the head's next to the Other row
      for (size_t k = hi + 1; k <= oi; ++k) under.push_back(k);
      std::vector<Relation> columns;
      const size_t tried = ColumnTotals(head, under, false, &columns);
      if (!MostAddUp(columns, tried)) continue;
      const size_t consistent = static_cast<size_t>(std::count_if(columns.begin(), columns.end(), ShowsGrouping));
      // On a tie a row named as a total (员工总数) is the head rather than a category row.
      if (consistent < best_consistent || (consistent == best_consistent && !TableTotalLabel(head.label))) continue;
      best = std::move(columns);
      best_head = hi;
      best_consistent = consistent;
    }
    if (best.empty()) continue;
    AddAll(best);
    for (size_t k = best_head + 1; k <= oi; ++k) under_head_.insert(k);
  }
}

// A water balance (GRI 303-5: consumption is withdrawal less discharge): a table with one row
// each of total water withdrawal (withdrawn, abstracted), total water discharge (discharged,
// returned) and total water consumption (consumed), no qualifier in brackets on any of them
// ("exc. hydro generation" is another scope): in each column holding all three figures of one
// kind and unit, withdrawal = discharge + consumption.
void RelationAnalysis::ModelTable::FindWaterBalance() {
  int at[3] = {-1, -1, -1};
  bool unique = true;
  for (size_t ri = 0; ri < rows_.size(); ++ri) {
    if (!rows_[ri].readable || !rows_[ri].has_figure) continue;
    const int k = WaterTotalRole(rows_[ri].label);
    if (k < 0) continue;
    unique = unique && at[k] < 0;
    at[k] = static_cast<int>(ri);
  }
  if (unique && at[0] >= 0 && at[1] >= 0 && at[2] >= 0) {
    const Row& withdrawal = rows_[at[0]];
    for (const Slot& ts : withdrawal.cells) {
      if (ts.figure < 0) continue;
      const Slot* d = rows_[at[1]].At(ts.slot);
      const Slot* c = rows_[at[2]].At(ts.slot);
      if (d == nullptr || c == nullptr || d->figure < 0 || c->figure < 0) continue;
      const Figure& tf = figures_[ts.figure];
      bool same = tf.kind != ESGAUDIT_FACT_PERCENT && tf.qualifiers == 0;
      for (const Slot* ps : {d, c}) {
        const Figure& pf = figures_[ps->figure];
        same = same && pf.kind == tf.kind && pf.unit == tf.unit && pf.qualifiers == 0;
      }
      if (same) AddSum(ts.figure, {d->figure, c->figure}, withdrawal.label, withdrawal);
    }
  }
}

// Twin totals by accounting method (GHG Protocol Scope 2: "Total, location-based" over "Total,
// market-based"): two total rows next to each other, each naming one of the two methods, over a
// block of rows. Each total sums the rows naming its method and those naming none, except a row
// naming none that opens with the same two words as a row naming the other method: that is its
// twin, the same quantity by this total's method ("Indirect, from electricity ..." beside
// "Indirect, from electricity ... (market-based method)"). Taken when the columns of both totals
// add up in all but at most one (MostAddUp); each column is then checked.
void RelationAnalysis::ModelTable::FindTwinTotals() {
  for (size_t ri = 1; ri < rows_.size(); ++ri) {
    const Row* pair[2] = {&rows_[ri - 1], &rows_[ri]};
    int method[2];
    bool twins = true;
    for (int t = 0; t < 2; ++t) {
      method[t] = AccountingMethod(pair[t]->label);
      twins = twins && pair[t]->readable && pair[t]->has_figure && TableTotalLabel(pair[t]->label) &&
              method[t] != 0 && !RateCells(*pair[t]);
    }
    if (!twins || method[0] == method[1] || ri < 3) continue;
    std::vector<size_t> above;
    if (!BlockOfRows(ri - 2, -1, &above) || above.size() < 2) continue;
    std::map<size_t, int> by;  // row -> the method it is counted under (0: both)
    for (size_t k : above) by[k] = AccountingMethod(rows_[k].label);
    for (size_t k : above) {
      if (by[k] != 0 || AccountingMethod(rows_[k].label) != 0) continue;
      const std::string opening = OpeningWords(rows_[k].label);
      for (size_t q : above) {
        if (q != k && !opening.empty() && AccountingMethod(rows_[q].label) != 0 && OpeningWords(rows_[q].label) == opening)
          by[k] = 3 - AccountingMethod(rows_[q].label);
      }
    }
    if (std::any_of(above.begin(), above.end(), [&](size_t k) { return RateCells(rows_[k]); })) continue;
    std::vector<Relation> columns;
    size_t tried = 0;
    for (int t = 0; t < 2; ++t) {
      std::vector<size_t> parts;
      for (size_t k : above) {
        if (by[k] == 0 || by[k] == method[t]) parts.push_back(k);
      }
      if (parts.size() < 2 || parts.size() == above.size()) {
        tried = 0;
        break;
      }
      std::sort(parts.begin(), parts.end());
      tried += ColumnTotals(*pair[t], parts, true, &columns);
    }
    if (tried == 0 || !MostAddUp(columns, tried)) continue;
    AddAll(columns);
  }
}

// Total rows (合计, 总计, 小计, a total named by its quantity): the rows above (or, for the first data
// row, below) per column, stacked breakdowns above one total, and the titled blocks after it.
void RelationAnalysis::ModelTable::FindTotalRows() {
  for (size_t ri = 0; ri < rows_.size(); ++ri) {
    const Row& tr = rows_[ri];
    // A total named by its quantity (贷款总额) only below two or more rows, none of them signed.
    const bool quantity = !TableTotalLabel(tr.label) && QuantityTotalLabel(tr.label);
    if (!tr.readable || !tr.has_figure || !(quantity || TableTotalLabel(tr.label))) continue;
    std::vector<size_t> part_rows;
    bool ok = ri == 0 || BlockOfRows(ri - 1, -1, &part_rows);
    if (quantity && (!ok || part_rows.size() < 2 ||
                     std::any_of(part_rows.begin(), part_rows.end(), [&](size_t k) { return SignedRowLabel(rows_[k].label); }))) {
      continue;
    }
    // A subtotal row right above whose cells under this total's figures are dashes (地区小计 with
    // "-" in the 组别小计 column) is another axis of the table: the rows above it are read.
    const Row* subtotal = nullptr;  // that subtotal row
    if (ok && part_rows.empty() && ri >= 2 && rows_[ri - 1].readable && TableTotalLabel(rows_[ri - 1].label)) {
      bool dashes = true;
      for (const Slot& ts : tr.cells) {
        if (ts.figure < 0) continue;
        const Slot* up = rows_[ri - 1].At(ts.slot);
        dashes = dashes && up != nullptr && up->dash;
      }
      if (dashes) {
        ok = BlockOfRows(ri - 2, -1, &part_rows);
        subtotal = &rows_[ri - 1];
      }
    }
    // Several breakdowns of one population stacked above its total (job classes, then
    // nationality, then age bands, over 地区小计): consecutive blocks of two or more rows, each
    // adding up to the total in some column, are each a breakdown of it, checked in every column.
    if (ok && part_rows.size() >= 4) {
      const std::vector<std::vector<size_t>> blocks = CutStackedBlocks(tr, subtotal, part_rows);
      if (!blocks.empty()) {
        AddStackedBlocks(tr, blocks);
        continue;
      }
    }
    // A total above its rows may head rows of another kind (Total employees over turnover): taken
    // when one of its columns adds up, or when the rows name every category of a closed set.
    bool above = false;
    if (part_rows.size() < 2 && (ri == 0 || !rows_[ri - 1].has_figure)) {
      part_rows.clear();
      ok = BlockOfRows(ri + 1, +1, &part_rows);
      above = true;
      part_rows.erase(std::remove_if(part_rows.begin(), part_rows.end(), [&](size_t k) { return under_head_.count(k) > 0; }),
                      part_rows.end());
    }
    if (!ok || part_rows.size() < 2) {
      // A total first with one row under it (少数民族 under 员工总人数: a subset) and then titled
      // breakdowns (按性别划分, 按地区划分): the blocks are read as below.
      size_t first_title = ri + 1;
      while (first_title < rows_.size() && first_title <= ri + 2 && rows_[first_title].has_figure) ++first_title;
      if (ok && above && first_title <= ri + 2) TitledBlocks(tr, first_title, true);
      // A total first with its 其中 rows under it (其中：男, 其中：女; read by the of-which reader
      // below) and then titled breakdowns (按年龄分): the blocks are read as above.
      if (!ok && above) {
        size_t k = ri + 1;
        while (k < rows_.size() && rows_[k].readable && rows_[k].has_figure && OfWhichLabel(rows_[k].label)) ++k;
        if (k > ri + 1) TitledBlocks(tr, k, true);
      }
      continue;
    }
    std::sort(part_rows.begin(), part_rows.end());
    std::vector<Relation> columns;
    std::vector<Relation> share_columns;  // the shares in brackets beside a count column's cells
    bool rate_row = std::any_of(part_rows.begin(), part_rows.end(),
                                [&](size_t k) { return RateLabel(rows_[k].label); });
    // Units named in the row labels ("培训次数(次)" under "培训总人数(人次)") must agree.
    std::set<std::string> units;
    for (size_t k : part_rows) units.insert(LabelUnit(rows_[k].label));
    units.insert(LabelUnit(tr.label));
    units.erase("");
    if (units.size() > 1) continue;
    for (const Slot& ts : tr.cells) {
      if (ts.figure < 0) continue;
      const Figure& tf = figures_[ts.figure];
      std::string h = HeaderOf(tr, ts.slot);
      // A column of shares printed without % under a header that says so (占比(%), 比例, Share):
      // its parts add up to the total row's 100, or to its share of the base the header names.
      std::string hl = Lower(h);
      const int glued = GluedHundredDecimals(tf);
      // Shares of one base the header names (在公司贷款中占比) add up to the total row's share of
      // it, whatever that is; under a 合计 row only.
      const bool of_named_base = tf.value > 0 && tf.value < 100 && glued == 0 && IsTotalLabel(tr.label) &&
                                 SharesOfANamedBase(h);
      const bool bare_shares = tf.kind != ESGAUDIT_FACT_PERCENT && (tf.value == 100 || glued > 0 || of_named_base) &&
                               tf.unit.empty() && !rate_row && !RateLabel(tr.label) &&
                               (Has(hl, "%") || Has(hl, "占比") || Has(hl, "比例") || Has(hl, "比重") ||
                                Has(hl, "share") || Has(hl, "proportion"));
      if (tf.kind != ESGAUDIT_FACT_PERCENT && !bare_shares && (rate_row || RateLabel(h) || RateLabel(tr.label)))
        continue;
      std::vector<int> parts;
      std::vector<int> shares;  // the parts' shares in brackets (56 (1.1%))
      bool missing = false;
      for (size_t k : part_rows) {
        const Slot* s = rows_[k].At(ts.slot);
        // In a tab table, a slot left empty between two tabs is an empty value, like a dash.
        if (s == nullptr && tabs_ && !rows_[k].cells.empty() && rows_[k].cells.back().slot > ts.slot) continue;
        if (s == nullptr || (s->figure < 0 && !s->dash)) {
          missing = true;
          break;
        }
        if (s->figure >= 0) parts.push_back(s->figure);
        if (s->figure >= 0 && s->share >= 0) shares.push_back(s->share);
      }
      // 100.0011 is read as 100.00 only under shares printed with exactly its two decimals, and
      // is no total otherwise.
      if (tf.value != 100 && glued > 0) {
        if (!bare_shares || missing || parts.empty() ||
            !std::all_of(parts.begin(), parts.end(), [&](int p) { return figures_[p].decimals == glued; })) {
          continue;
        }
        Figure& g = figures_[ts.figure];
        g.value = 100;
        g.decimals = glued;
        g.low = 100 - 0.5 * std::pow(10.0, -glued);
        g.high = 100 + 0.5 * std::pow(10.0, -glued);
        g.text = g.text.substr(0, 4 + glued);
      }
      if (missing || !Uniform(parts, ts.figure)) continue;
      // "合计/女" says no more than the column; "员工总数/2016年" names the total.
      const bool bare = Cps(tr.label) <= 2 || Lower(tr.label) == "total";
      const std::string caption = h.empty() ? tr.label : bare ? h : tr.label + "/" + h;
      const bool shared =
          ts.share >= 0 && shares.size() == parts.size() && ShareSum(ts, parts, shares, caption, &share_columns);
      const size_t made = columns.size();
      Make(ts.figure, std::move(parts), caption, tr, &columns, false, true);
      if (shared && columns.size() == made) share_columns.pop_back();  // the counts are no sum (see Make)
    }
    // With several columns, one must add up to show that the rows are the total's parts (a
    // cumulative 合计 row under the year's additions does not; counts exact by their header only
    // are read with their rounding here, ShowsGrouping), or foot once one named part of three
    // significant digits or more is read 10^k times its value (a slip, NearOrSlip: a figure that
    // precise foots so by no chance; `3` read as 3,000 meets many a total); a total above its rows
    // needs that even with one column, unless the rows name every category of a closed set.
    // A column read only by its total's slip (a subtotal row printed with a digit added) stands when
    // another column of the same rows adds up; otherwise its rows may be another quantity.
    if (std::none_of(columns.begin(), columns.end(), [&](const Relation& r) { return !r.slip_total && ShowsGrouping(r); })) {
      columns.erase(std::remove_if(columns.begin(), columns.end(), [](const Relation& r) { return r.slip_total; }),
                    columns.end());
    }
    size_t figure_columns = 0;
    for (const Slot& ts : tr.cells) figure_columns += ts.figure >= 0;
    bool corroborated = !above && figure_columns < 2;
    for (const Relation& r : columns) {
      corroborated = corroborated || ShowsGrouping(r) ||
                     (r.slip_part >= 0 && SignificantDigits(figures_[r.parts[r.slip_part]].text) >= 3);
    }
    if (above && !corroborated) {
      bool closed = false;
      if (!columns.empty()) {
        std::set<std::string> cats;
        int dim = -2;
        for (size_t k : part_rows) {
          auto [d, cat] = Categorise(rows_[k].label);
          dim = (d < 0 || (dim != -2 && d != dim)) ? -1 : d;
          if (dim < 0) break;
          cats.insert(cat);
        }
        if (dim >= 0 && Dimensions()[dim].closed) {
          std::set<std::string> all;
          for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
          closed = cats == all && cats.size() == part_rows.size();
        }
      }
      corroborated = corroborated || closed;
    }
    if (!corroborated) continue;
    for (size_t k : part_rows) part_of_total_.insert(k);
    AddAll(columns);
    AddAll(share_columns);
    TitledBlocks(tr, above ? part_rows.back() + 1 : ri + 1, above);
  }
}

std::vector<std::vector<size_t>> RelationAnalysis::ModelTable::CutStackedBlocks(const Row& tr, const Row* subtotal,
                                                                            const std::vector<size_t>& part_rows) const {
  std::vector<size_t> sorted = part_rows;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::vector<size_t>> blocks;
  // The blocks are cut by the first column that adds up block by block: the total row's, then
  // the subtotal row's (地区小计 per site), so one changed figure leaves the cut to another column.
  std::vector<const Slot*> cutters;
  for (const Slot& ts : tr.cells) cutters.push_back(&ts);
  if (subtotal != nullptr) {
    for (const Slot& ts : subtotal->cells) cutters.push_back(&ts);
  }
  for (const Slot* cutter : cutters) {
    const Slot& ts = *cutter;
    if (ts.figure < 0 || !blocks.empty()) continue;
    const Figure& tf = figures_[ts.figure];
    if (tf.kind == ESGAUDIT_FACT_PERCENT || tf.qualifiers != 0) continue;
    std::vector<std::vector<size_t>> cut(1);
    // A running sum, tested after each row (not LayoutSum: where a block ends is what is sought).
    double lo = 0, hi = 0;
    bool fail = false;
    for (size_t k : sorted) {
      const Slot* ps = rows_[k].At(ts.slot);
      if (ps == nullptr || ps->figure < 0) {
        fail = true;
        break;
      }
      const Figure& pf = figures_[ps->figure];
      if (pf.kind != tf.kind || pf.unit != tf.unit || pf.qualifiers != 0) {
        fail = true;
        break;
      }
      cut.back().push_back(k);
      lo += pf.low;
      hi += pf.high;
      if (RangesMeet(lo, hi, tf.low, tf.high)) {
        if (cut.back().size() < 2) {
          fail = true;
          break;
        }
        cut.emplace_back();
        lo = hi = 0;
      } else if (lo > tf.high) {
        fail = true;
        break;
      }
    }
    if (!fail && cut.back().empty() && cut.size() >= 3) {
      cut.pop_back();
      blocks = std::move(cut);
    }
  }
  return blocks;
}

void RelationAnalysis::ModelTable::AddStackedBlocks(const Row& tr, const std::vector<std::vector<size_t>>& blocks) {
  bool rate_total = RateLabel(tr.label);
  for (const std::vector<size_t>& b : blocks) {
    for (const Slot& ts : tr.cells) {
      if (ts.figure < 0 || rate_total) continue;
      const Figure& tf = figures_[ts.figure];
      std::string h = HeaderOf(tr, ts.slot);
      if (tf.kind != ESGAUDIT_FACT_PERCENT && RateLabel(h)) continue;
      std::vector<int> parts;
      if (!ColumnParts(b, ts.slot, &parts) || !Uniform(parts, ts.figure)) continue;
      AddSum(ts.figure, std::move(parts), h.empty() ? tr.label : tr.label + "/" + h, tr);
      // The share column beside the count column (人数 then 比例), its total not printed: the
      // block's shares are a breakdown of 100 % when they are the counts over the total row by
      // row, in every row but at most one (so that one changed share or count is still read).
      if (tf.kind == ESGAUDIT_FACT_PERCENT || tf.value <= 0 || tr.At(ts.slot + 1) != nullptr) continue;
      std::vector<int> shares;
      size_t matching = 0;
      for (size_t k : b) {
        const Slot* cs = rows_[k].At(ts.slot);
        const Slot* ss = rows_[k].At(ts.slot + 1);
        if (cs == nullptr || ss == nullptr || cs->figure < 0 || ss->figure < 0) break;
        const Figure& sf = figures_[ss->figure];
        if (sf.kind != ESGAUDIT_FACT_PERCENT || sf.qualifiers != 0) break;
        const double ratio = 100 * figures_[cs->figure].value / tf.value;
        matching += sf.low - 1e-9 <= ratio && ratio <= sf.high + 1e-9;
        shares.push_back(ss->figure);
      }
      if (shares.size() != b.size() || matching == 0 || matching + 1 < shares.size()) continue;
      Relation r;
      r.kind = RelationKind::kPercentBreakdown;
      r.evidence = Evidence::kTable;
      r.certainty = Certainty::kCertain;
      std::string sh = HeaderOf(tr, ts.slot + 1);
      r.caption = sh.empty() ? tr.label : tr.label + "/" + sh;
      r.caption_offset = tr.label_offset;
      r.caption_length = tr.label_length;
      r.parts = std::move(shares);
      std::sort(r.parts.begin(), r.parts.end());
      ra_.LayoutSum(&r, 100, 100);
      Relabel(r);
      ra_.Add(std::move(r));
    }
    for (size_t k : b) part_of_total_.insert(k);
  }
}

// Each later block titled as a breakdown (a row of one label naming it: 按员工学历划分, 学历构成,
// by age) is another breakdown of the same total, checked per column when one of its columns
// adds up. A title that is only the dimension's name (性别, 年龄, 教育程度) says so itself, so
// its block is checked even when no column adds up (the sum must still be near the total);
// such blocks also follow a total row below its own rows (母公司, 子公司, 合计; 性别; 年龄).
void RelationAnalysis::ModelTable::TitledBlocks(const Row& tr, size_t from, bool total_first) {
  for (size_t title = from; title + 2 < rows_.size();) {
    const Row& tr2 = rows_[title];
    std::string tl = Lower(tr2.label);
    const bool dimension = !tr2.has_figure && tr2.readable && DimensionTitle(tr2.label);
    bool titled = !tr2.has_figure && tr2.readable && !tl.empty() && (total_first || dimension) &&
                  (Has(tl, "按") || Has(tl, "构成") || Has(tl, "结构") || Has(tl, " by ") || dimension);
    if (!titled) break;
    std::vector<size_t> block_rows;
    if (!BlockOfRows(title + 1, +1, &block_rows) || block_rows.size() < 2) break;
    std::set<std::string> block_units;
    for (size_t k : block_rows) block_units.insert(LabelUnit(rows_[k].label));
    block_units.insert(LabelUnit(tr.label));
    block_units.erase("");
    bool rates = std::any_of(block_rows.begin(), block_rows.end(), [&](size_t k) { return RateLabel(rows_[k].label); });
    std::vector<Relation> block_columns;
    for (const Slot& ts : tr.cells) {
      if (ts.figure < 0 || block_units.size() > 1 || rates) continue;
      std::vector<int> parts;
      if (!ColumnParts(block_rows, ts.slot, &parts) || !Uniform(parts, ts.figure)) continue;
      std::string h = HeaderOf(tr, ts.slot);
      Make(ts.figure, std::move(parts), h.empty() ? tr2.label : tr2.label + "/" + h, tr, &block_columns);
    }
    bool adds = std::any_of(block_columns.begin(), block_columns.end(), ShowsGrouping);
    if (adds || dimension) {
      AddAll(block_columns);
    }
    title = block_rows.back() + 1;
  }
}

// A total row whose label is a noun and a total word (供应商总数, 员工总人数, Total suppliers),
// followed by rows whose labels end in that noun (港澳台及境外供应商, 大陆供应商): those rows are its
// parts, taken when every column but one adds up (MostAddUp). They may leave others unnamed, so
// only parts above their total are flagged.
void RelationAnalysis::ModelTable::FindNounTotals() {
  for (size_t ri = 0; ri + 2 < rows_.size(); ++ri) {
    const Row& tr = rows_[ri];
    if (!tr.readable || !tr.has_figure || !TableTotalLabel(tr.label) || RateCells(tr)) continue;
    const std::string noun = TotalNoun(tr.label);
    if (Cps(noun) < 2) continue;
    std::vector<size_t> list;
    for (size_t k = ri + 1; k < rows_.size(); ++k) {
      const Row& pr = rows_[k];
      const std::string stem = TotalNoun(pr.label, /*strip_total=*/false);
      if (!pr.readable || !pr.has_figure || TableTotalLabel(pr.label) || RateCells(pr) || stem.size() <= noun.size() ||
          stem.compare(stem.size() - noun.size(), noun.size(), noun) != 0 ||
          (!pr.unit.empty() && !tr.unit.empty() && pr.unit != tr.unit)) {
        break;
      }
      list.push_back(k);
    }
    if (list.size() < 2) continue;
    AddMostAddingUp(tr, list, false);
  }
}

// Groups shown by the figures alone, no label naming them (a footprint by scope: Scope 1, then
// its sources, Scope 2, Scope 3, then its categories, then the footprint): a row followed by two
// or more rows that add up to it in three or more count columns and in every column tried but
// at most one is the head of those rows (the shortest such run; its rows head none of their
// own). A row after the groups that the heads and the rows outside any group, up to a row
// without figures, a rate row or the table's first row, add up to in the same way is their
// total. Three columns adding up, each to a total other than zero, are the least: one or two may
// add up by chance. A row named as a total (Total footprint) may be that total, never a head or a
// part; of-which rows, rates and years as labels are left to the passes above and below, and a
// figure already summed is not summed again.
void RelationAnalysis::ModelTable::FindFigureGroups() {
  constexpr size_t kNoRow = static_cast<size_t>(-1);
  // Each row's label tested once: the passes below ask again and again of the same rows.
  std::vector<uint8_t> is_countable(rows_.size()), is_plain(rows_.size());
  for (size_t k = 0; k < rows_.size(); ++k) {
    const Row& r = rows_[k];
    is_countable[k] = r.readable && r.has_figure && !r.label.empty() && !IsNestedLabel(r.label) &&
                      !OfWhichLabel(r.label) && !RateCells(r) && !YearLedLabel(r.label);
    is_plain[k] = is_countable[k] && !TableTotalLabel(r.label);
  }
  auto countable = [&](size_t k) { return is_countable[k] != 0; };
  auto plain = [&](size_t k) { return is_plain[k] != 0; };
  auto summed = [&](const Row& r) {
    return std::any_of(r.cells.begin(), r.cells.end(), [&](const Slot& c) { return c.figure >= 0 && ra_.Summed(c.figure); });
  };
  // Whether `columns` show the grouping: three or more add up to a total other than zero, and
  // all tried but at most one do.
  auto shown = [&](const std::vector<Relation>& columns, size_t tried) {
    size_t held = 0;
    for (const Relation& r : columns) held += ShowsGrouping(r) && figures_[r.total].value > 0;
    return held >= 3 && MostAddUp(columns, tried);
  };
  constexpr size_t kMaxGroup = 12;
  std::vector<size_t> member_of(rows_.size(), kNoRow);  // per row, the head of its group
  std::vector<uint8_t> head_of_group(rows_.size(), 0);
  for (size_t hi = 0; hi + 2 < rows_.size();) {
    if (!plain(hi) || summed(rows_[hi])) {
      ++hi;
      continue;
    }
    size_t found = 0;
    std::vector<Relation> best;
    std::vector<size_t> run{hi + 1};
    for (size_t e = hi + 2; e < rows_.size() && e - hi <= kMaxGroup; ++e) {
      if (!plain(e - 1) || !plain(e) || rows_[e].unit != rows_[hi].unit || rows_[e - 1].unit != rows_[hi].unit) break;
      run.push_back(e);
      std::vector<Relation> columns;
      const size_t tried = ColumnTotals(rows_[hi], run, true, &columns);
      if (shown(columns, tried)) {
        found = e;
        best = std::move(columns);
        break;
      }
    }
    if (found == 0) {
      ++hi;
      continue;
    }
    AddAll(best);
    head_of_group[hi] = 1;
    for (size_t k = hi + 1; k <= found; ++k) member_of[k] = hi;
    hi = found + 1;
  }
  // The total row's parts are read back over at most kMaxTotalRows rows, so that a long table is
  // read in linear time (a footprint's heads and loose rows are a few dozen).
  constexpr size_t kMaxTotalRows = 64;
  for (size_t ti = 2; ti < rows_.size(); ++ti) {
    if (member_of[ti] != kNoRow || head_of_group[ti] || !countable(ti) || summed(rows_[ti])) continue;
    std::vector<size_t> top;
    bool grouped = false, too_far = false;
    for (size_t k = ti; k-- > 0;) {
      if (!plain(k) || rows_[k].unit != rows_[ti].unit) break;
      if (ti - k > kMaxTotalRows) {
        too_far = true;
        break;
      }
      if (member_of[k] != kNoRow) continue;
      grouped = grouped || head_of_group[k];
      top.push_back(k);
    }
    if (too_far || !grouped || top.size() < 2) continue;
    std::sort(top.begin(), top.end());
    std::vector<Relation> columns;
    const size_t tried = ColumnTotals(rows_[ti], top, true, &columns);
    if (!shown(columns, tried)) continue;
    AddAll(columns);
  }
}

// Two series interleaved row by row: a total row whose next row is labelled by a bracket alone
// (the same quantity for another scope: "Total water withdrawn (the group)" over "(The parent
// company)"), then pairs of rows, each a full label over a bracket-only label. The first n pairs
// are the parts, series by series (the full labels under the total, the brackets under its
// twin): n is the count at which the most columns of both series add up, taken when each series
// adds up in some column at n and no other count adds up in as many. The rows may leave
// categories unnamed (other water sources), so only parts above their total are flagged.
void RelationAnalysis::ModelTable::FindInterleavedSeries() {
  for (size_t ri = 0; ri + 5 < rows_.size(); ++ri) {
    const Row& tr = rows_[ri];
    const Row& twin = rows_[ri + 1];
    auto series_row = [&](const Row& r) { return r.readable && r.has_figure && !RateCells(r); };
    if (!series_row(tr) || !TableTotalLabel(tr.label) || BracketOnlyLabel(tr.label) || !series_row(twin) ||
        !BracketOnlyLabel(twin.label)) {
      continue;
    }
    std::vector<size_t> full, narrow;
    for (size_t k = ri + 2; k + 1 < rows_.size(); k += 2) {
      const Row& a = rows_[k];
      const Row& b = rows_[k + 1];
      if (!series_row(a) || a.label.empty() || BracketOnlyLabel(a.label) || TableTotalLabel(a.label) ||
          IsNestedLabel(a.label) || !series_row(b) || !BracketOnlyLabel(b.label) ||
          (!a.unit.empty() && !tr.unit.empty() && a.unit != tr.unit)) {
        break;
      }
      full.push_back(k);
      narrow.push_back(k + 1);
    }
    std::vector<Relation> best;
    size_t best_score = 0;
    bool tie = false;
    for (size_t n = 2; n <= full.size(); ++n) {
      std::vector<Relation> a, b;
      ColumnTotals(tr, std::vector<size_t>(full.begin(), full.begin() + n), true, &a);
      ColumnTotals(twin, std::vector<size_t>(narrow.begin(), narrow.begin() + n), true, &b);
      auto consistent = [](const std::vector<Relation>& cols) {
        return static_cast<size_t>(std::count_if(cols.begin(), cols.end(), ShowsGrouping));
      };
      const size_t ca = consistent(a), cb = consistent(b);
      if (ca == 0 || cb == 0) continue;
      if (ca + cb == best_score) tie = true;
      if (ca + cb <= best_score) continue;
      best_score = ca + cb;
      tie = false;
      best = std::move(a);
      for (Relation& r : b) best.push_back(std::move(r));
    }
    if (best.empty() || tie) continue;
    AddFlaggingExcess(best);
  }
}

// A second breakdown of a row further down: two or more consecutive rows whose labels repeat the
// row's own label followed by a dash and a qualifier ("Gas burnt off - planned", "Gas burnt off -
// unplanned"), within eight rows below it, are its parts when they add up to it in every column
// tried but at most one (MostAddUp). The qualifiers may leave a kind unnamed, so only parts
// above their total are flagged.
void RelationAnalysis::ModelTable::FindQualifiedRepeats() {
  auto printed = [&](const Row& r) {
    return std::string(sdk::Trim(doc_.Text().substr(r.label_offset, r.label_length)));
  };
  for (size_t ri = 0; ri + 2 < rows_.size(); ++ri) {
    const Row& tr = rows_[ri];
    const std::string head = printed(tr);
    if (!tr.readable || !tr.has_figure || tr.label_length == 0 || head.size() < 4 || RateCells(tr)) continue;
    // The printed label: the row's label with its spaces ("Gas burnt off - planned"), a space
    // before the dash (no "Gas burnt off-site").
    auto qualified = [&](const Row& r) {
      if (!r.readable || !r.has_figure || r.label_length == 0 || RateCells(r)) return false;
      const std::string l = printed(r);
      if (l.size() <= head.size() + 1 || l.compare(0, head.size(), head) != 0 || l[head.size()] != ' ') return false;
      std::string_view rest = sdk::Trim(std::string_view(l).substr(head.size()));
      for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {  // -, en dash, em dash
        if (rest.substr(0, dash.size()) == dash && !sdk::Trim(rest.substr(dash.size())).empty()) return true;
      }
      return false;
    };
    size_t first = ri + 1;
    while (first < rows_.size() && first <= ri + 8 && !qualified(rows_[first])) ++first;
    if (first >= rows_.size() || first > ri + 8) continue;
    std::vector<size_t> run;
    for (size_t k = first; k < rows_.size() && qualified(rows_[k]); ++k) run.push_back(k);
    if (run.size() < 2) continue;
    AddMostAddingUp(tr, run, true);
  }
}

// The nearest row above row `ri`, within 40 rows (linear time on a long table), whose label names
// the head of dimension `dim` as a total (员工总数 over 男性 / 女性), in the unit `unit` (员工培训总
// 支出 万元 is no head of 男性 % rows); -1 if none. With `stop_at_remarks`, a row of labels only that
// titles no breakdown (a remark) ends the search: the rows below it may count another population.
long RelationAnalysis::ModelTable::HeadAbove(size_t ri, const std::string& unit, int dim, bool stop_at_remarks) const {
  for (long k = static_cast<long>(ri) - 1; k >= 0 && k + 40 >= static_cast<long>(ri); --k) {
    const Row& hr = rows_[static_cast<size_t>(k)];
    if (stop_at_remarks && !hr.has_figure && !hr.label.empty() && !DimensionTitle(hr.label)) break;
    if (hr.has_figure && hr.readable && hr.unit == unit && Categorise(hr.label).first < 0 &&
        HasHead(hr.label, dim) && (TableTotalLabel(hr.label) || Has(hr.label, "总"))) {
      return k;
    }
  }
  return -1;
}

void RelationAnalysis::ModelTable::FindClosedCategoryRows() {
  // Closed category sets across row labels (男 / 女) against the row naming their head.
  for (size_t ri = 0; ri + 1 < rows_.size(); ++ri) {
    auto [dim, cat0] = Categorise(rows_[ri].label);
    if (dim < 0 || !Dimensions()[dim].closed || !rows_[ri].has_figure) continue;
    std::set<std::string> cats{cat0};
    size_t end = ri + 1;
    for (; end < rows_.size(); ++end) {
      auto [d, cat] = Categorise(rows_[end].label);
      if (d != dim || !rows_[end].has_figure || !cats.insert(cat).second) break;
    }
    std::set<std::string> all;
    for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
    if (cats != all || part_of_total_.count(ri)) {
      continue;
    }
    // The nearest row above naming the head of the dimension (员工总数 over 男性 / 女性), within 40
    // rows (linear time on a long table).
    const long head = HeadAbove(ri, rows_[ri].unit, dim, false);
    if (head < 0) continue;
    const Row& hr = rows_[static_cast<size_t>(head)];
    for (const Slot& ts : hr.cells) {
      if (ts.figure < 0 || RateLabel(HeaderOf(hr, ts.slot)) || RateLabel(hr.label)) continue;
      std::vector<int> parts;
      for (size_t k = ri; k < end; ++k) {
        const Slot* s = rows_[k].At(ts.slot);
        if (s == nullptr || s->figure < 0) {
          parts.clear();
          break;
        }
        parts.push_back(s->figure);
      }
      if (!Uniform(parts, ts.figure)) continue;
      std::string h = HeaderOf(hr, ts.slot);
      AddSum(ts.figure, std::move(parts), h.empty() ? hr.label : hr.label + "/" + h, hr);
    }
    ri = end - 1;
  }
}

// Age bands across row labels, from one open band to the other (Under 30, 30-50, Over 50;
// 60岁及以上 … 29岁及以下, in either order), every label with a digit: a closed set, checked
// against the nearest row above naming the headcount's total (Total employees, 员工总数) in the
// same unit, per column.
void RelationAnalysis::ModelTable::FindAgeBands() {
  for (size_t ri = 0; ri + 2 < rows_.size(); ++ri) {
    const Row& first = rows_[ri];
    const bool lower_first = LowerBand(first.label);
    if (!first.has_figure || !HasDigit(first.label) || (!lower_first && !UpperBand(first.label)) ||
        part_of_total_.count(ri))
      continue;
    size_t end = ri + 1;
    bool closed = false;
    for (; end < rows_.size() && end < ri + 8; ++end) {
      const Row& b = rows_[end];
      if (!b.has_figure || !HasDigit(b.label) || b.unit != first.unit) break;
      if (lower_first ? UpperBand(b.label) : LowerBand(b.label)) {
        closed = end >= ri + 2;
        ++end;
        break;
      }
      if (LowerBand(b.label) || UpperBand(b.label)) break;
    }
    if (!closed) continue;
    // A row of labels only that titles no breakdown (a remark) ends the search: the bands below
    // it may count another population.
    const long head = HeadAbove(ri, first.unit, 0, true);
    if (head < 0) continue;
    const Row& hr = rows_[static_cast<size_t>(head)];
    for (const Slot& ts : hr.cells) {
      if (ts.figure < 0 || RateLabel(HeaderOf(hr, ts.slot)) || RateLabel(hr.label)) continue;
      std::vector<int> parts;
      std::vector<size_t> band_rows;
      for (size_t k = ri; k < end; ++k) band_rows.push_back(k);
      if (!ColumnParts(band_rows, ts.slot, &parts) || !Uniform(parts, ts.figure)) continue;
      std::string h = HeaderOf(hr, ts.slot);
      AddSum(ts.figure, std::move(parts), h.empty() ? hr.label : hr.label + "/" + h, hr);
    }
    ri = end - 1;
  }
}

// Closed groups of rows under a total row (员工总数, then 合同制 / 派遣 员工, 男 / 女, three staff
// levels, education from 博士 to 大专以下, age bands, one group after the other with no title
// between them): the rows right under the total row, in its unit, are cut into runs of two to
// kMaxGroup consecutive rows that each add up to the total row in its value columns. Nothing
// but the arithmetic of the columns tells where a group ends, so a run is taken only when it
// adds up as printed in every value column but one, at least one of them proving it (two
// non-zero parts or more, a total of three digits or more), and no column is off by more than
// a slip (15 %: another quantity); the shortest such run from each row is taken. A column off
// beyond rounding is then an error when the grouping is proven twice over (two proving columns
// besides it) or once and closed by its labels (an open band or an Other row at either end:
// 大专以下, 60岁以上, 其他; a closed pair such as 男 / 女), else a warning, and always a warning when
// the column falls short and the labels do not close the group (a category may be left out). A
// row that is no group of the total's population (少数民族员工, counted across the groups) adds up
// with no run and is passed over. Two runs or more must be found under the total row (stacked
// breakdowns show themselves so; a single run is left to the readings of pairs and closed sets),
// and a run holding part of a breakdown of the total read already (a closed pair, a row breaking
// one of its parts down) is not read. The block ends at a row of another unit, a rate, share,
// change, year or of-which row, a row of labels only, or another total word (总行管理干部 names a
// level, not a total).
// Rows in `taken_rows` (parts of a total read already, rows under a head closed by an Other row)
// start no run and belong to none. Relations are added in order, each head seeing those of the
// heads above it.
void RelationAnalysis::ModelTable::FindStackedGroups() {
  // Closed groups stacked under a total row, last: a run may not cut across a breakdown read above.
  std::set<size_t> taken_rows = part_of_total_;
  taken_rows.insert(under_head_.begin(), under_head_.end());
  constexpr size_t kMaxGroup = 8;
  auto total_row = [&](const ModelRow& r) { return RowTotalLabel(r.label) || !GroupHeadNoun(r.label).empty(); };
  auto closes = [](const std::string& l) { return OtherLabel(l) || LowerBand(l) || UpperBand(l); };
  auto closed_pair = [&](const std::vector<size_t>& run) {
    std::set<std::string> cats;
    const int dim = Categorise(rows_[run[0]].label).first;
    if (dim < 0 || !Dimensions()[dim].closed) return false;
    for (size_t k : run) {
      auto [d, c] = Categorise(rows_[k].label);
      if (d != dim || !cats.insert(c).second) return false;
    }
    std::set<std::string> all;
    for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
    return cats == all;
  };
  auto digits = [](const std::string& s) { return std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  for (size_t hi = 0; hi + 2 < rows_.size(); ++hi) {
    const ModelRow& head = rows_[hi];
    if (!head.readable || !head.has_figure || head.label.empty() || RateCells(head) || ShareRow(head) ||
        !total_row(head)) {
      continue;
    }
    const std::string head_unit = SubUnit(head);
    size_t end = hi + 1;
    for (; end < rows_.size() && end <= hi + 40; ++end) {
      const ModelRow& pr = rows_[end];
      if (!pr.readable || !pr.has_figure || pr.label.empty() || SubUnit(pr) != head_unit || RateCells(pr) ||
          ShareRow(pr) || IsNestedLabel(pr.label) || OfWhichLabel(pr.label) || IsChangeLabel(pr.label) ||
          OpensWithYear(pr.label) || RowTotalLabel(pr.label)) {
        break;
      }
    }
    // Figures already parts of a sum of one of the head's cells (a closed pair read above): a run
    // holding one of them would cut across that breakdown.
    std::set<int> head_cells, taken_parts;
    for (const ModelSlot& c : head.cells) {
      if (c.figure >= 0) head_cells.insert(c.figure);
    }
    for (const Relation& o : ra_.relations_) {
      if (o.kind == RelationKind::kPartsTotal && head_cells.count(o.total)) taken_parts.insert(o.parts.begin(), o.parts.end());
    }
    auto in_taken = [&](size_t k) {
      return std::any_of(rows_[k].cells.begin(), rows_[k].cells.end(), [&](const ModelSlot& c) { return taken_parts.count(c.figure) > 0; });
    };
    std::vector<std::vector<Relation>> groups;
    std::vector<bool> identical;  // the group's columns are a sum read already
    for (size_t s = hi + 1; s + 1 < end;) {
      size_t taken = 0;
      for (size_t n = 2; n <= kMaxGroup && s + n <= end && taken == 0; ++n) {
        std::vector<size_t> run;
        for (size_t k = s; k < s + n; ++k) run.push_back(k);
        if (std::any_of(run.begin(), run.end(), [&](size_t k) { return taken_rows.count(k) > 0; })) break;
        std::vector<Relation> columns;
        const size_t tried = ColumnTotals(head, run, true, &columns);
        if (tried < 2 || columns.size() != tried) continue;
        size_t holds = 0, proving = 0;
        bool slip = false;
        for (const Relation& r : columns) {
          const Figure& tf = figures_[r.total];
          const size_t nonzero = static_cast<size_t>(
              std::count_if(r.parts.begin(), r.parts.end(), [&](int p) { return figures_[p].value != 0; }));
          holds += r.consistent;
          proving += r.consistent && nonzero >= 2 && digits(tf.text) >= 3;
          slip = slip || OffByMoreThanASlip(r, tf);
        }
        if (slip || proving == 0 || holds + 1 < tried) continue;
        taken = n;
        // A run holding a part of a breakdown read already is that breakdown (the same rows: a
        // group all the same) or cuts across it (rows breaking one of its parts down): not read.
        const bool all_taken = std::all_of(run.begin(), run.end(), in_taken);
        if (!all_taken && std::any_of(run.begin(), run.end(), in_taken)) continue;
        const bool closed = closes(rows_[run.front()].label) || closes(rows_[run.back()].label) || closed_pair(run);
        // A column short of the total may leave out a category the labels do not exclude (港澳台
        // between 大陆 and 海外): a warning unless the labels close the group.
        const bool short_open = !closed && std::any_of(columns.begin(), columns.end(), [&](const Relation& r) {
          return !r.consistent && r.sum_high < figures_[r.total].low;
        });
        const bool proven = (proving >= 2 || closed) && !short_open;
        for (Relation& r : columns) {
          r.flag = !r.consistent;
          r.certainty = proven ? Certainty::kCertain : Certainty::kLikely;
        }
        groups.push_back(std::move(columns));
        identical.push_back(all_taken);
      }
      s += taken > 0 ? taken : 1;
    }
    // One run alone is left to the readings of pairs and closed sets: stacked breakdowns of one
    // total show themselves by two runs or more each adding up to it.
    if (groups.size() < 2) continue;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (identical[g]) continue;
      for (Relation& r : groups[g]) {
        Relabel(r);
        ra_.Add(std::move(r));
      }
    }
  }
}

}  // namespace esgaudit::numeric
