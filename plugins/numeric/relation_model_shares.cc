// Breakdowns of shares in a structure-model table's rows once read: splits printed block by block,
// pairs and runs of share rows, shares under a caption, counts each beside its share.
#include "relation_model_table.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// The label without its gender words: "Board of Directors (% women)" -> "board of directors (% )",
// 男性员工占比 -> 员工占比.
std::string GenderStem(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  for (const char* w : {"female", "women", "male", "men", "男性", "女性", "男", "女"}) {
    for (size_t at = l.find(w); at != std::string::npos; at = l.find(w)) l.erase(at, std::string(w).size());
  }
  return l;
}

// A caption of share rows: a word-initial "proportion of", "share of", "percentage of" or "breakdown of"
// followed by more, or 占比 / 构成.
bool ProportionCaption(const std::string& label) {
  const std::string l = Lower(label);
  for (const char* w : {"proportion of ", "share of ", "percentage of ", "breakdown of "}) {
    const size_t at = l.find(w);
    if (at != std::string::npos && (at == 0 || l[at - 1] == ' ') && l.size() > at + std::strlen(w)) return true;
  }
  return Has(l, "占比") || Has(l, "构成");
}

// A row label naming a proportion of its own (a rate, "proportion", "percentage"), read without % signs
// and brackets: a share of another whole than the caption's.
bool OwnProportionLabel(const std::string& label) {
  std::string l = Lower(label);
  for (const char* w : {"%", "\xEF\xBC\x85", "(", ")", "\xEF\xBC\x88", "\xEF\xBC\x89"}) {
    for (size_t at = l.find(w); at != std::string::npos; at = l.find(w)) l.erase(at, std::strlen(w));
  }
  return RateLabel(l) || Has(l, "proportion") || Has(l, "percentage");
}

}  // namespace

// A split printed as blocks, one table per category: each block under a title line naming one
// category of a closed dimension and nothing else of substance ("Female (global)", 男性员工), its
// rows percentages under the same row labels in the same columns as the block before, at most
// two lines after it. Once the blocks name every category, each row's share in each column
// adds up to 100 % across the blocks (Senior Leadership: 34 % female + 66 % male). Shares of
// another whole under such titles (each block's age bands adding up to 100 % by itself) do not
// add up across: the split is kept only when every pair but at most one adds up as printed.
void RelationAnalysis::ModelTable::FindSplitBlocks() {
  using SplitBlock = ModelDocument::SplitBlock;
  using SplitRow = ModelDocument::SplitRow;
  const esgaudit_table& t = table_;
  SplitBlock b;
  uint32_t top = t.header_line != ESGAUDIT_NO_INDEX ? std::min(t.header_line, t.first_line) : t.first_line;
  for (uint32_t g = top; g-- > 0 && top - g <= 2;) {
    esgaudit_line_structure gs = doc_.LineStructure(g);
    std::string title(view_.substr(gs.view_begin, gs.view_end - gs.view_begin));
    if (title.find_first_not_of(" \t") == std::string::npos) continue;
    title.erase(std::remove_if(title.begin(), title.end(), [](char c) { return c >= 0 && c < ' '; }), title.end());
    // A footnote mark may end the title ("Male (global)3").
    while (!title.empty() && (title.back() == ' ' || (title.back() >= '0' && title.back() <= '9'))) {
      title.pop_back();
    }
    auto [dim, cat] = Categorise(title);
    if (gs.cell_count <= 2 && !HasDigit(title) && Cps(title) <= 24 && dim >= 0 &&
        Dimensions()[static_cast<size_t>(dim)].closed) {
      b.dim = dim;
      b.category = cat;
      b.title = title;
      b.title_line = g;
    }
    break;
  }
  for (const Row& row : rows_) {
    if (b.dim < 0) break;
    if (!row.has_figure) continue;
    SplitRow sr{row.label, row.label_offset, row.label_length, {}};
    for (const Slot& c : row.cells) {
      if (c.figure >= 0 && figures_[c.figure].kind != ESGAUDIT_FACT_PERCENT) b.dim = -1;
      if (c.figure >= 0) sr.shares[c.slot] = c.figure;
    }
    if (!row.readable || row.label.empty()) b.dim = -1;
    b.rows.push_back(std::move(sr));
  }
  if (b.dim >= 0 && b.rows.size() >= 2) {
    b.last_line = rows_.back().line;
    bool follows = !md_.split_chain.empty() && md_.split_chain.back().dim == b.dim &&
                   b.title_line > md_.split_chain.back().last_line &&
                   b.title_line - md_.split_chain.back().last_line <= 2 &&
                   md_.split_chain.back().rows.size() == b.rows.size();
    for (const SplitBlock& o : md_.split_chain) follows = follows && o.category != b.category;
    for (size_t k = 0; follows && k < b.rows.size(); ++k) {
      const SplitRow& o = md_.split_chain.back().rows[k];
      follows = o.label == b.rows[k].label && o.shares.size() == b.rows[k].shares.size();
      for (const auto& [slot, f] : o.shares) follows = follows && b.rows[k].shares.count(slot) != 0;
    }
    if (!follows) md_.split_chain.clear();
    md_.split_chain.push_back(std::move(b));
    std::set<std::string> categories;
    for (const auto& [printed, cat] : Dimensions()[static_cast<size_t>(md_.split_chain.back().dim)].categories) {
      categories.insert(cat);
    }
    if (md_.split_chain.size() == categories.size()) {
      std::vector<Relation> pairs;
      size_t holding = 0;
      std::string titles;
      for (const SplitBlock& o : md_.split_chain) titles += (titles.empty() ? "" : " / ") + o.title;
      for (size_t k = 0; k < md_.split_chain.front().rows.size(); ++k) {
        const SplitRow& first = md_.split_chain.front().rows[k];
        for (const auto& [slot, f] : first.shares) {
          Relation r;
          r.kind = RelationKind::kPercentBreakdown;
          r.evidence = Evidence::kTable;
          r.certainty = Certainty::kCertain;
          r.caption = first.label + " (" + titles + ")";
          r.caption_offset = first.label_offset;
          r.caption_length = first.label_length;
          for (const SplitBlock& o : md_.split_chain) r.parts.push_back(o.rows[k].shares.at(slot));
          ra_.LayoutSum(&r, 100, 100);
          holding += r.consistent;
          pairs.push_back(std::move(r));
        }
      }
      if (pairs.size() >= 2 && holding + 1 >= pairs.size()) {
        AddAll(pairs);
      }
      md_.split_chain.clear();
    }
  } else {
    md_.split_chain.clear();
  }
}

// Rows of counts each beside a share (人数, 占该组别比例, 人数, 占该组别比例), years not across the
// header, may hold shares of the row (each site's share of its group): no breakdown down a column.
bool RelationAnalysis::ModelTable::RowOfShares(const Row& row) const {
  size_t percents = 0, counts = 0;
  for (const Slot& c : row.cells) {
    if (c.figure < 0) continue;
    (figures_[c.figure].kind == ESGAUDIT_FACT_PERCENT ? percents : counts) += 1;
  }
  return percents > 1 && counts > 0 && !YearColumns(HeaderRow(row));
}

void RelationAnalysis::ModelTable::ShareBreakdown(const std::vector<size_t>& members, const std::string& caption,
                                                  const Row& at) {
  std::vector<Relation> found;
  const size_t adding_up = ShareColumns(members, caption, at, &found);
  // Shares whose last row is an Other row (Other racial and ethnic groups %) close their set: one
  // whole, not rates per category, even in a table of one column.
  const bool closed = members.size() >= 3 && OtherLabel(rows_[members.back()].label);
  AddShareColumns(found, adding_up + (closed ? 1 : 0));
}

size_t RelationAnalysis::ModelTable::ShareColumns(const std::vector<size_t>& members, const std::string& caption,
                                                  const Row& at, std::vector<Relation>* found) {
  if (std::any_of(members.begin(), members.end(), [&](size_t k) { return RowOfShares(rows_[k]); })) return 0;
  // A caption or every member naming a rate (男性员工培训率 / 女性员工培训率, 流失率 over age bands):
  // one rate per category, which may add up to about 100 by chance.
  if (NamesRate(caption) ||
      std::all_of(members.begin(), members.end(), [&](size_t k) { return NamesRate(rows_[k].label); })) {
    return 0;
  }
  std::set<int> slots;
  for (const Slot& s : rows_[members[0]].cells) {
    if (s.figure >= 0) slots.insert(s.slot);
  }
  size_t adding_up = 0;
  for (int slot : slots) {
    std::vector<int> parts;
    bool printed = true;
    for (size_t k : members) {
      const Slot* s = rows_[k].At(slot);
      if (s == nullptr || s->figure < 0) break;
      const Figure& f = figures_[s->figure];
      const bool bare = f.kind != ESGAUDIT_FACT_PERCENT && f.unit.empty() && ShareRow(rows_[k]);
      // Up to 1000: a share printed ten times its value is read (see the slip below).
      if (f.qualifiers != 0 || f.value < 0 || f.value > kMaxSlippedShare || (f.kind != ESGAUDIT_FACT_PERCENT && !bare)) break;
      printed = printed && f.kind == ESGAUDIT_FACT_PERCENT;
      parts.push_back(s->figure);
    }
    if (parts.size() != members.size()) continue;
    Relation r;
    r.kind = RelationKind::kPercentBreakdown;
    r.evidence = Evidence::kTable;
    r.certainty = printed ? Certainty::kCertain : Certainty::kLikely;
    std::string h = HeaderOf(at, slot);
    r.caption = h.empty() ? caption : caption + "/" + h;
    r.caption_offset = at.label_offset;
    r.caption_length = at.label_length;
    r.parts = std::move(parts);
    std::sort(r.parts.begin(), r.parts.end());
    adding_up += ra_.LayoutSum(&r, 100, 100);
    found->push_back(std::move(r));
  }
  return adding_up;
}

void RelationAnalysis::ModelTable::AddShareColumns(std::vector<Relation>& found, size_t support) {
  for (Relation& r : found) {
    // Far from 100 they are rates of each category (turnover by age), not shares of one whole,
    // unless one share read ten or a hundred times smaller (printed with a digit or two added)
    // makes the column whole while a column of these rows or of a sibling breakdown adds up as
    // printed (a slip, named in the message).
    if ((r.sum_low > 150 || r.sum_high < 67) &&
        !(support > 0 && ra_.ShareSlip(&r))) {
      continue;
    }
    Relabel(r);
    ra_.Add(std::move(r));
  }
}

// Rows of shares naming every category of a closed set, each share of one whole (100 %): a pair
// of rows whose labels differ only in the gender (Board (% women) / Board (% men), 男性员工占比 /
// 女性员工占比), or a run of rows between two rows without figures that an 其他/Other row closes
// or that runs from an open lower band to an open upper one (Under 30 … Above 50, 30岁以下 …
// 60岁以上). Shares are printed with %, or bare under a label or unit column saying % (a share
// column of counts stays out). Per column; a printed % makes a mismatch an error, bare shares a
// warning (the label alone says they are shares).
void RelationAnalysis::ModelTable::FindGenderSharePairs() {
  for (size_t ri = 0; ri + 1 < rows_.size(); ++ri) {
    const Row& a = rows_[ri];
    const Row& b = rows_[ri + 1];
    auto [da, ca] = Categorise(PrintedLabel(a));
    auto [db, cb] = Categorise(PrintedLabel(b));
    if (da < 0 || da != db || ca == cb || !Dimensions()[da].closed || Dimensions()[da].categories.empty()) continue;
    std::set<std::string> all;
    for (const auto& [printed, cat] : Dimensions()[da].categories) all.insert(cat);
    if (all.size() != 2 || GenderStem(a.label) != GenderStem(b.label) || GenderStem(a.label).empty()) continue;
    bool printed_shares = false;
    for (const Slot& s : a.cells) printed_shares = printed_shares || (s.figure >= 0 && figures_[s.figure].kind == ESGAUDIT_FACT_PERCENT);
    if (!ShareRow(a) && !printed_shares) continue;
    ShareBreakdown({ri, ri + 1}, a.label, a);
    ++ri;
  }
}

// A title line right above row `k` (up to three lines, none above the row before it, holding no
// figure) naming a rate: "Turnover rate" over Under 30 … Over 50 gives a rate per band.
bool RelationAnalysis::ModelTable::RateTitleAbove(size_t k) const {
  const uint32_t from = k > 0 ? rows_[k - 1].line + 1 : 0;
  for (uint32_t g = rows_[k].line; g-- > from && g + 3 >= rows_[k].line;) {
    esgaudit_line_structure ls = doc_.LineStructure(g);
    if (ls.cell_count == 0 || (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
    const std::string line(view_.substr(ls.view_begin, ls.view_end - ls.view_begin));
    return !HasDigit(line) && NamesRate(line);
  }
  return false;
}

void RelationAnalysis::ModelTable::FindShareRuns() {
  for (size_t ri = 0; ri < rows_.size();) {
    if (!rows_[ri].has_figure || (ri > 0 && rows_[ri - 1].has_figure) || RateTitleAbove(ri)) {
      ++ri;
      continue;
    }
    size_t end = ri;
    while (end < rows_.size() && rows_[end].has_figure) ++end;
    std::vector<size_t> run;
    for (size_t k = ri; k < end; ++k) run.push_back(k);
    // An Other row among shares names the rest wherever it stands (Other 9.7% between two bottle kinds).
    const bool other = std::any_of(run.begin(), run.end(), [&](size_t k) { return OtherLabel(rows_[k].label); });
    const bool bands = LowerBand(rows_[ri].label) && UpperBand(rows_[end - 1].label);
    const bool totals = std::any_of(run.begin(), run.end(), [&](size_t k) { return TableTotalLabel(rows_[k].label) || IsNestedLabel(rows_[k].label); });
    if (run.size() >= 3 && (other || bands) && !totals) {
      ShareBreakdown(run, ri > 0 && !rows_[ri - 1].label.empty() ? rows_[ri - 1].label : rows_[ri].label, rows_[ri]);
    } else if (run.size() >= 6 && !other && !totals) {
      // Several closed sets of bands printed one after the other with no title between them (age
      // bands from 35岁以下 to 56岁以上, then education from 硕士及以上 to 初中及以下): when the run is
      // cut, from its first row to its last, into stretches each going from one open band to the
      // opposite one with no open band inside, each stretch is a breakdown of its own.
      std::vector<std::vector<size_t>> stretches;
      for (size_t a = ri; a < end;) {
        const bool lower = LowerBand(rows_[a].label), upper = UpperBand(rows_[a].label);
        size_t b = a + 1;
        while (b < end && !LowerBand(rows_[b].label) && !UpperBand(rows_[b].label)) ++b;
        if (lower == upper || b >= end || b < a + 2 ||
            !(lower ? UpperBand(rows_[b].label) && !LowerBand(rows_[b].label)
                    : LowerBand(rows_[b].label) && !UpperBand(rows_[b].label))) {
          stretches.clear();
          break;
        }
        stretches.emplace_back();
        for (size_t k = a; k <= b; ++k) stretches.back().push_back(k);
        a = b + 1;
      }
      // A stretch adding up as printed supports reading a slipped share in another (age bands beside
      // education bands: one column each).
      std::vector<std::vector<Relation>> found(stretches.size());
      std::vector<size_t> adding_up(stretches.size());
      size_t all_adding_up = 0;
      for (size_t s = 0; s < stretches.size(); ++s) {
        adding_up[s] = ShareColumns(stretches[s], rows_[stretches[s][0]].label, rows_[stretches[s][0]], &found[s]);
        all_adding_up += adding_up[s];
      }
      for (size_t s = 0; s < stretches.size(); ++s) AddShareColumns(found[s], all_adding_up);
    }
    ri = end;
  }
}

bool RelationAnalysis::ModelTable::PercentRow(const Row& row) const {
  if (ShareRow(row)) return true;
  if (!row.readable || !row.has_figure || row.label.empty()) return false;
  return std::all_of(row.cells.begin(), row.cells.end(), [&](const Slot& c) {
    return c.figure < 0 || figures_[c.figure].kind == ESGAUDIT_FACT_PERCENT;
  });
}

// The caption of the share rows from row `k` on: the row above them without figures, or a
// line between that row and them that the model left out of the grid (a caption line with a
// dash only, "Proportion of total waste: -", read as prose), starting with the phrase and with
// no figure. Labels of tab tables come without spaces: the caption is read as printed.
bool RelationAnalysis::ModelTable::CaptionAbove(size_t k, Row* cap) const {
  if (k > 0 && !rows_[k - 1].has_figure && !rows_[k - 1].label.empty() &&
      ProportionCaption(PrintedLabel(rows_[k - 1]))) {
    *cap = rows_[k - 1];
    return true;
  }
  // Up to three lines above the first share row, nearest first, none above the row before it.
  const uint32_t from = k > 0 ? rows_[k - 1].line + 1 : 0;
  for (uint32_t g = rows_[k].line; g-- > from && g + 3 >= rows_[k].line;) {
    if (md_.grid_rows.count(g)) continue;
    esgaudit_line_structure ls = doc_.LineStructure(g);
    if (ls.cell_count == 0 || (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
    const esgaudit_cell c = doc_.Cell(ls.first_cell);
    const std::string first(doc_.Text().substr(c.offset, c.length));
    const std::string line(view_.substr(ls.view_begin, ls.view_end - ls.view_begin));
    const std::string l = Lower(first);
    const bool starts = l.rfind("proportion of ", 0) == 0 || l.rfind("share of ", 0) == 0 ||
                        l.rfind("percentage of ", 0) == 0 || l.rfind("breakdown of ", 0) == 0;
    if (!starts || HasDigit(line) || Cps(first) > 60) continue;
    cap->label = first;
    cap->label_offset = c.offset;
    cap->label_length = c.length;
    cap->header = rows_[k].header;
    cap->line = g;
    return true;
  }
  return false;
}

// Rows of shares under a caption row (no figures) naming the proportion of one whole
// ("Proportion of total waste:", "Share of energy consumed", 废弃物处置方式占比): the rows right
// under it whose unit column or label says % or whose figures are printed with %, up to the
// first row that is none (a row in tonnes goes on with the table), are its categories: per
// column a breakdown of 100 %. Not when a row is a total, names a year (a time series) or names
// a proportion of its own (shares of different wholes); rates per category, far from 100 in
// sum, are dropped by ShareBreakdown.
void RelationAnalysis::ModelTable::FindCaptionedShares() {
  for (size_t k = 0; k < rows_.size(); ++k) {
    if (!PercentRow(rows_[k]) || (k > 0 && PercentRow(rows_[k - 1]))) continue;
    Row cap;
    if (!CaptionAbove(k, &cap)) continue;
    std::vector<size_t> run;
    bool usable = true;
    for (size_t m = k; m < rows_.size() && PercentRow(rows_[m]); ++m) {
      // The row's first cell: a year there is a figure, not the label.
      const std::string& l = rows_[m].label;
      const std::string& first = rows_[m].cells.front().text;
      if (TableTotalLabel(l) || IsNestedLabel(l) || OwnProportionLabel(l) || UnitCell(l) || YearLedLabel(l) ||
          YearLedLabel(first))
        usable = false;
      run.push_back(m);
    }
    if (usable && run.size() >= 2) ShareBreakdown(run, cap.label, cap);
  }
}

// A row of counts, each followed by its share (地区小计: 3,764 27.1% 2,088 15.0% …), the total
// not printed: the shares are a breakdown of 100 % when each is its count over the sum of the
// row's counts, in every pair but at most one (so that one changed share is still read). Shares
// of another whole (each site's share of its own group) fail that test and are left alone.
void RelationAnalysis::ModelTable::FindCountSharePairs() {
  for (const Row& row : rows_) {
    if (!row.readable || !row.has_figure || row.label.empty() || RateLabel(row.label)) continue;
    std::vector<std::pair<int, int>> pairs;  // (count, share)
    bool ok = true;
    for (size_t k = 0; k < row.cells.size() && ok; ++k) {
      const Slot& c = row.cells[k];
      if (c.figure < 0) continue;
      const Figure& cf = figures_[c.figure];
      const Slot* sh = row.At(c.slot + 1);
      ok = cf.kind != ESGAUDIT_FACT_PERCENT && cf.qualifiers == 0 && cf.value >= 0 && sh != nullptr &&
           sh->figure >= 0 && figures_[sh->figure].kind == ESGAUDIT_FACT_PERCENT &&
           figures_[sh->figure].qualifiers == 0 && (pairs.empty() || cf.unit == figures_[pairs[0].first].unit);
      if (!ok) break;
      pairs.emplace_back(c.figure, sh->figure);
      while (k + 1 < row.cells.size() && row.cells[k + 1].slot <= c.slot + 1) ++k;  // past the share
    }
    if (!ok || pairs.size() < 3) continue;
    // The base of the shares is the counts' sum of values as printed (not LayoutSum: no interval).
    double sum = 0;
    for (const auto& [count, share] : pairs) sum += figures_[count].value;
    if (sum <= 0) continue;
    size_t matching = 0;
    for (const auto& [count, share] : pairs) {
      const double ratio = 100 * figures_[count].value / sum;
      matching += figures_[share].low - 1e-9 <= ratio && ratio <= figures_[share].high + 1e-9;
    }
    if (matching < 2 || matching + 1 < pairs.size()) continue;
    Relation r;
    r.kind = RelationKind::kPercentBreakdown;
    r.evidence = Evidence::kTable;
    r.certainty = Certainty::kCertain;
    r.caption = row.label;
    r.caption_offset = row.label_offset;
    r.caption_length = row.label_length;
    for (const auto& [count, share] : pairs) r.parts.push_back(share);
    ra_.LayoutSum(&r, 100, 100);
    Relabel(r);
    ra_.Add(std::move(r));
  }
}

}  // namespace esgaudit::numeric
