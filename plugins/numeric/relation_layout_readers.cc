#include "relation_internal.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// The keys a chart's legend prints before each category: ■ □ ● ◆.
constexpr std::string_view kLegendKeys[] = {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x86"};

// Legend keys in `text`.
size_t LegendKeys(std::string_view text) {
  size_t keys = 0;
  for (std::string_view key : kLegendKeys) {
    for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) ++keys;
  }
  return keys;
}

// A chart legend printed with its values in one cell ("0.64% ■高级 18.46% ■中级 64.13% ■其他"): two
// or more percentages, a legend key for each, and no sentence punctuation.
bool IsLegendCell(std::string_view text) {
  size_t percents = 0;
  for (size_t at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) ++percents;
  for (std::string_view stop : {"。", "，", "；", ",", ";"}) {
    if (text.find(stop) != std::string_view::npos) return false;
  }
  return percents >= 2 && LegendKeys(text) >= percents;
}

// The legend keys of a chart whose caption and shares lie on lines `from` to `to`: the keys on those
// lines and on up to three lines beyond them, above when `up` and below when `down` (a caption over
// its shares heads what lies below it: the lines above it end the chart before). Reading beyond
// stops at a line of words holding neither a key nor a figure, a unit line (单位：%) excepted: the
// title of the next chart (技能等级 over a legend of its own), whose keys are not this chart's.
size_t LegendKeysAround(const sdk::Document& doc, uint32_t from, uint32_t to, bool up, bool down) {
  // The keys of line `li`, or SIZE_MAX for a line that ends the reading beyond the chart.
  auto keys_beyond = [&](uint32_t li) -> size_t {
    const std::string t = TrimmedLine(doc, li);
    const size_t keys = LegendKeys(t);
    if (t.empty() || keys > 0 || HasDigit(t)) return keys;
    for (std::string_view unit : {"单位", "單位", "Unit", "unit"}) {
      if (t.rfind(unit, 0) == 0) return 0;
    }
    return SIZE_MAX;
  };
  size_t legend = 0;
  for (uint32_t li = from; li <= to && li < doc.LineCount(); ++li) legend += LegendKeys(TrimmedLine(doc, li));
  for (uint32_t li = from, k = 0; up && k < 3 && li > 0; ++k) {
    const size_t keys = keys_beyond(--li);
    if (keys == SIZE_MAX) break;
    legend += keys;
  }
  for (uint32_t li = to + 1, k = 0; down && k < 3 && li < doc.LineCount(); ++k, ++li) {
    const size_t keys = keys_beyond(li);
    if (keys == SIZE_MAX) break;
    legend += keys;
  }
  return legend;
}

}  // namespace

// Chart captions (员工性别构成) claim the short percentage labels around them; each percentage goes
// to the nearest caption, so side-by-side and stacked charts stay apart.
void RelationAnalysis::FindCaptionedBreakdowns(const sdk::Document& doc) {
  struct Caption {
    const LayoutCell* cell;
    std::vector<int> members;
  };
  std::vector<Caption> captions;
  std::vector<const LayoutCell*> one_category;  // captions naming one category: see the end
  for (uint32_t li = 0; li < cells_->line_count(); ++li) {
    for (const LayoutCell& c : cells_->line(li)) {
      if (HasDigit(c.text) || c.code_points > 14 || c.code_points < 3) continue;
      if (Has(c.text, "。") || Has(c.text, "，") || Has(c.text, ",") || Has(c.text, "；")) continue;
      bool caption = false;
      for (const char* w : kCaptionWords) caption = caption || Has(c.text, w);
      // A caption naming a rate (各层级培训覆盖率分布) or one category of its own (女性员工占比, the
      // share of women at each site of a row or chart) gives one ratio per category: nothing to sum.
      if (caption && (NamesRate(c.text) || Categorise(c.text).first >= 0)) {
        if (!NamesRate(c.text) && !Has(c.text, "各")) one_category.push_back(&c);
        caption = false;
      }
      if (caption) captions.push_back({&c, {}});
    }
  }
  // A caption word in a label repeated on several rows of one table of the model (消耗量占比 under
  // 煤炭, 原油 and 电力) names what each row measures; the table's columns are the wholes, so it
  // captions no chart.
  {
    auto table_of = [&](const Caption& c) { return doc.LineStructure(c.cell->line).table; };
    std::vector<Caption> kept;
    for (const Caption& c : captions) {
      const uint32_t t = table_of(c);
      const bool repeated = t != ESGAUDIT_NO_INDEX && std::any_of(captions.begin(), captions.end(), [&](const Caption& o) {
        return o.cell != c.cell && o.cell->line != c.cell->line && table_of(o) == t && o.cell->text == c.cell->text;
      });
      if (!repeated) kept.push_back(c);
    }
    captions.swap(kept);
  }
  auto cell_of = [this, &doc](const Figure& f) -> const LayoutCell* {
    return cells_->At(f.line, doc.TextToView(f.offset));
  };
  if (captions.empty()) {
    FindOneCategoryPies(doc, one_category, {});
    return;
  }
  std::set<int> in_table;
  for (const Relation& r : relations_) in_table.insert(r.parts.begin(), r.parts.end());
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    // 100 % is a whole, no slice; above it up to 1000 % a slice printed ten times its value (the
    // chart's sum then names it) may stand.
    if (f.kind != ESGAUDIT_FACT_PERCENT || f.value <= 0 || f.value == 100 || f.value > kMaxSlippedShare) continue;
    if (in_table.count(static_cast<int>(i))) continue;
    const LayoutCell* cell = cell_of(f);
    if (cell == nullptr || (cell->code_points > Cps(f.text) + 6 && !IsLegendCell(cell->text))) continue;
    // A share in a row whose label, opening its line, is no caption for naming a rate or one category
    // (女性员工占比  30%  40%  40%: the share of women at each site) belongs to no chart either. Only
    // when every other cell of the line holds a figure: 男性员工占比 60%  女性员工占比 40% is a chart's pair.
    {
      const auto& line = cells_->line(f.line);
      const std::string_view head = line.front().text;
      const bool figures_only = std::all_of(line.begin() + 1, line.end(), [](const LayoutCell& c) { return HasDigit(c.text); });
      if (&line.front() != cell && figures_only && !HasDigit(head) &&
          (NamesRate(head) || Categorise(head).first >= 0)) {
        bool share_word = NamesRate(head);
        for (const char* w : kCaptionWords) share_word = share_word || Has(head, w);
        if (share_word) continue;
      }
    }
    double best = kMaxChartDistance;
    Caption* owner = nullptr;
    for (Caption& cap : captions) {
      long dl = static_cast<long>(cap.cell->line) - static_cast<long>(f.line);
      if (std::labs(dl) > kWindowLines) continue;
      if (doc.Line(cap.cell->line).page != doc.Line(f.line).page) continue;
      double cap_center = (cap.cell->col_begin + cap.cell->col_end) / 2.0;
      double fig_center = (cell->col_begin + cell->col_end) / 2.0;
      double d = kLineWeight * std::labs(dl) + std::fabs(cap_center - fig_center);
      if (d < best) {
        best = d;
        owner = &cap;
      }
    }
    if (owner != nullptr) owner->members.push_back(static_cast<int>(i));
  }
  for (Caption& cap : captions) {
    if (cap.members.size() < 2) continue;
    // Years among the members make a time series (a bar chart of shares), not a breakdown.
    uint32_t l0 = UINT32_MAX, l1 = 0, c0 = UINT32_MAX, c1 = 0;
    for (int m : cap.members) {
      l0 = std::min(l0, figures_[m].line);
      l1 = std::max(l1, figures_[m].line);
      c0 = std::min(c0, figures_[m].column);
      c1 = std::max(c1, figures_[m].column + 4);
    }
    int years = 0;
    for (uint32_t i = 0; i < doc.FactCount(); ++i) {
      const esgaudit_fact& y = doc.Fact(i);
      if (y.kind == ESGAUDIT_FACT_YEAR && y.line + 3 >= l0 && y.line <= l1 + 3 && y.column + 4 >= c0 &&
          y.column <= c1 + 4) {
        ++years;
      }
    }
    if (years >= 2) continue;
    // Members in rows that start with a year ("2016 年 … 80.08%", "2015 年 … 32.22%"): a column of a
    // year-by-year table, not a breakdown.
    std::set<uint32_t> year_rows;
    for (int m : cap.members) {
      for (uint32_t i = 0; i < doc.FactCount(); ++i) {
        const esgaudit_fact& y = doc.Fact(i);
        if (y.line == figures_[m].line && y.kind == ESGAUDIT_FACT_YEAR && y.offset < figures_[m].offset) {
          year_rows.insert(y.line);
        }
      }
    }
    if (year_rows.size() >= 2) continue;
    // Other percentages among the members (a table, or a series per line) make the grouping unsure.
    bool crowded = false;
    for (size_t i = 0; i < figures_.size(); ++i) {
      const Figure& o = figures_[i];
      if (o.kind != ESGAUDIT_FACT_PERCENT || o.line < l0 || o.line > l1) continue;
      if (o.column + 8 < c0 || o.column > c1 + 8) continue;
      if (std::find(cap.members.begin(), cap.members.end(), static_cast<int>(i)) == cap.members.end()) {
        crowded = true;
      }
    }
    if (crowded) continue;
    // A legend naming more categories than there are values (■ 30岁及以下 ■ 31-50岁 ■ 51岁及以上
    // over two percentages): some values were not printed or not extracted; no sum can be checked.
    const uint32_t from = std::min(l0, cap.cell->line), to = std::max(l1, cap.cell->line);
    const bool up = cap.cell->line >= l0, down = cap.cell->line <= l1;  // where the chart lies from its caption
    if (LegendKeysAround(doc, from, to, up, down) > cap.members.size()) continue;
    Relation r;
    r.kind = RelationKind::kPercentBreakdown;
    r.evidence = Evidence::kStated;
    r.caption = cap.cell->text;
    r.caption_offset = doc.ViewToText(cap.cell->view_begin);
    r.caption_length = doc.ViewToText(cap.cell->view_end) - r.caption_offset;
    r.parts = cap.members;
    std::sort(r.parts.begin(), r.parts.end());
    SumParts(&r);
    const bool ok = r.sum_low <= 100 && 100 <= r.sum_high;
    // Far from 100 %: a misread grouping, not a relation, unless one share printed ten or a hundred
    // times its value explains it.
    if (!ok && !NearHundredOrSlip(&r)) continue;
    r.flag = !ok;
    // Shares that fall short of 100% are surely wrong only when they name every category of a
    // closed set (男/女); otherwise a category may simply not be printed (a warning).
    if (r.sum_high < 100 && !CategoriesOf(r.parts).complete) r.certainty = Certainty::kLikely;
    Add(std::move(r));
  }
  std::set<int> claimed;  // shares nearest to a chart caption, summed or not
  for (const Caption& cap : captions) claimed.insert(cap.members.begin(), cap.members.end());
  FindOneCategoryPies(doc, one_category, claimed);
}

// A pie of one category's share (女性员工占比 over `35%` and `65%`): the share and its complement,
// two percentages each alone in its cell (or beside a category word of the caption's dimension, 女性 /
// 男性, or 其他) on lines of figures only, other than the caption's, on its page and within kWindowLines of it, the
// caption the nearest of such captions to each, neither in a relation nor nearest to a chart
// caption (`taken`). A caption naming a rate,
// or 各 (the share at each site), is no such pie, nor are shares labelled by other words (site names).
// The grouping is read from the layout: taken when the pair lies within kPlausible points of 100 %,
// and a pair off is a warning.
void RelationAnalysis::FindOneCategoryPies(const sdk::Document& doc, const std::vector<const LayoutCell*>& captions,
                                           std::set<int> taken) {
  if (captions.empty()) return;
  for (const Relation& r : relations_) taken.insert(r.parts.begin(), r.parts.end());
  std::map<size_t, std::vector<int>> members;  // by caption, in the captions' order
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    // A share above 100 % (up to 1000 %) may be a slice printed ten times its value (the sum names it).
    if (f.kind != ESGAUDIT_FACT_PERCENT || f.value <= 0 || f.value == 100 || f.value > kMaxSlippedShare ||
        taken.count(static_cast<int>(i))) {
      continue;
    }
    const LayoutCell* cell = cells_->At(f.line, doc.TextToView(f.offset));
    if (cell == nullptr) continue;
    // A line with a cell of words alone is a row with its label (女性董事占比  65%), no pie's.
    const auto& line = cells_->line(f.line);
    if (!std::all_of(line.begin(), line.end(), [](const LayoutCell& c) { return HasDigit(c.text); })) continue;
    double best = kMaxChartDistance;
    const LayoutCell* owner = nullptr;
    size_t owner_at = 0;
    for (size_t k = 0; k < captions.size(); ++k) {
      const LayoutCell* cap = captions[k];
      const long dl = static_cast<long>(cap->line) - static_cast<long>(f.line);
      if (dl == 0 || std::labs(dl) > kWindowLines || doc.Line(cap->line).page != doc.Line(f.line).page) continue;
      const double d = kLineWeight * std::labs(dl) +
                       std::fabs((cap->col_begin + cap->col_end) / 2.0 - (cell->col_begin + cell->col_end) / 2.0);
      if (d < best) {
        best = d;
        owner = cap;
        owner_at = k;
      }
    }
    if (owner == nullptr) continue;
    // What the share's cell holds besides it: nothing, a category of the caption's dimension, or 其他.
    std::string rest(cell->text);
    const size_t at = rest.find(f.text);
    if (at == std::string::npos) continue;
    rest.erase(at, f.text.size());
    const int dim = Categorise(owner->text).first;
    if (!rest.empty() && Categorise(rest).first != dim && rest != "其他" && rest != "其余") continue;
    members[owner_at].push_back(static_cast<int>(i));
  }
  for (const auto& [k, parts] : members) {
    if (parts.size() != 2) continue;
    const LayoutCell* cap = captions[k];
    Relation r;
    r.kind = RelationKind::kPercentBreakdown;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    r.caption = cap->text;
    r.caption_offset = doc.ViewToText(cap->view_begin);
    r.caption_length = doc.ViewToText(cap->view_end) - r.caption_offset;
    r.parts = parts;
    SumParts(&r);
    const bool ok = r.sum_low <= 100 && 100 <= r.sum_high;
    if (!ok && std::fabs(figures_[parts[0]].value + figures_[parts[1]].value - 100) > kPlausible &&
        !NearHundredOrSlip(&r)) {
      continue;
    }
    r.flag = !ok;
    Add(std::move(r));
  }
}

// Two shares on one line, each followed at once by one of the two words of a two-way set (men / women,
// male / female) and joined by a slash: the report states a split of one whole. Rates per sex print
// the same way ("78.9% men / 71.6% women received a bonus"), so only a pair within 10 points of
// 100 %, or one making 100 % once a share is read ten or a hundred times smaller (a slip), is
// taken; it is then checked like any closed set.
void RelationAnalysis::FindSlashSharePairs(const sdk::Document& doc) {
  const std::string_view text = doc.Text();
  // 1 for men / male, 2 for women / female, right after the figure (spaces allowed); `end` after it.
  auto sex_after = [&](const Figure& f, size_t* end) {
    size_t at = f.offset + f.length;
    while (at < text.size() && text[at] == ' ') ++at;
    for (const auto& [word, sex] : {std::pair<const char*, int>{"women", 2}, {"female", 2}, {"men", 1}, {"male", 1}}) {
      const size_t n = std::strlen(word);
      if (at + n > text.size() || Lower(std::string(text.substr(at, n))) != word) continue;
      if (at + n < text.size() && std::isalpha(static_cast<unsigned char>(text[at + n]))) continue;
      *end = at + n;
      return sex;
    }
    return 0;
  };
  for (size_t i = 0; i + 1 < figures_.size(); ++i) {
    const Figure& a = figures_[i];
    const Figure& b = figures_[i + 1];
    if (a.kind != ESGAUDIT_FACT_PERCENT || b.kind != ESGAUDIT_FACT_PERCENT || a.line != b.line ||
        b.offset < a.offset + a.length) {
      continue;
    }
    size_t end_a = 0, end_b = 0;
    const int sa = sex_after(a, &end_a);
    if (sa == 0 || end_a > b.offset) continue;
    std::string mid(text.substr(end_a, b.offset - end_a));
    mid.erase(std::remove(mid.begin(), mid.end(), ' '), mid.end());
    const int sb = sex_after(b, &end_b);
    if (mid != "/" || sb == 0 || sb == sa) continue;
    // The sentence before the pair naming a rate ("Turnover rate: 55% male / 45% female"): a rate of
    // each sex, which may add up to about 100 by chance.
    if (RateBefore(text, a.offset)) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, {static_cast<int>(i), static_cast<int>(i + 1)});
    // Farther off, the pair is still a split when one share read ten or a hundred times smaller or
    // larger makes it whole (`712.0% Men / 28.8% Women`), which the message names.
    if (std::fabs(a.value + b.value - 100) > 10 && !ShareSlip(&r)) {
      continue;
    }
    r.certainty = Certainty::kCertain;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// A pie printed apart from its legend (infographic pages set the slices' shares around the pie and
// the categories in a legend of keyed entries, ■ Public ■ Employees, beside or under it): a block of
// cells holding nothing but shares (lines at most kPieGap apart, on one page, within kPieWidth
// display columns, at least three shares, none a member of a relation found before), and the
// legend nearest to the block (legend cells with no digit, lines at most kLegendGap apart; at most
// kWindowLines lines away, kLineWeight columns a line plus the columns between them) when it has
// exactly as many entries as the block has shares. Blocks and legends are cut generously: two
// run together only fail to match, while a piece of either could match a piece of the other. The reader
// matches entries to slices by count, so the block is one whole; a block whose nearest legend has
// another count (a chart with more categories than printed values, or shares of two charts run
// together) is never summed. The grouping is read from the layout: a mismatch is a warning.
void RelationAnalysis::FindLegendPies(const sdk::Document& doc) {
  if (cells_->line_count() == 0) return;
  constexpr uint32_t kPieGap = 6;     // lines from one share of a pie to the next
  constexpr uint32_t kPieWidth = 48;  // display columns a pie's shares spread over
  constexpr uint32_t kPieLines = 20;  // lines a pie's shares spread over
  constexpr uint32_t kLegendGap = 8;  // lines from one legend line to the next
  constexpr uint32_t kLegendWidth = 56;  // display columns a legend spreads over
  auto starts_with_key = [](std::string_view text) {
    for (std::string_view key : kLegendKeys) {
      if (text.substr(0, key.size()) == key) return true;
    }
    return false;
  };
  auto usable_line = [&doc](uint32_t li) {
    const esgaudit_line_structure ls = doc.LineStructure(li);
    return (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX |
                        ESGAUDIT_LINE_TABLE)) == 0;
  };
  struct Span {
    uint32_t first_line = 0, last_line = 0, col0 = 0, col1 = 0, page = 0;
    size_t count = 0;        // shares of a block, entries of a legend
    std::vector<int> parts;  // a block's shares, in text order
  };
  // Display columns between two column ranges (0 when they overlap).
  auto apart = [](uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) -> uint32_t {
    return a1 <= b0 ? b0 - a1 : b1 <= a0 ? a0 - b1 : 0;
  };
  std::set<int> taken;
  for (const Relation& r : relations_) {
    taken.insert(r.parts.begin(), r.parts.end());
    if (r.total >= 0) taken.insert(r.total);
  }
  // Blocks of share cells, each cell with its figures (figures are in text order, so those of one
  // cell are consecutive).
  std::vector<Span> blocks, open;
  for (size_t i = 0; i < figures_.size();) {
    const Figure& f = figures_[i];
    const LayoutCell* cell = cells_->At(f.line, doc.TextToView(f.offset));
    size_t j = i;
    bool shares = cell != nullptr;
    size_t printed = 0;
    while (j < figures_.size() && figures_[j].line == f.line &&
           cells_->At(figures_[j].line, doc.TextToView(figures_[j].offset)) == cell) {
      const Figure& g = figures_[j];
      // As in a captioned chart: 100 % is a whole, and above it up to 1000 % a slice printed ten times
      // its value may stand (the sum then names it).
      shares = shares && g.kind == ESGAUDIT_FACT_PERCENT && g.value > 0 && g.value != 100 &&
               g.value <= kMaxSlippedShare && taken.count(static_cast<int>(j)) == 0;
      std::string t = g.text;
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      printed += Cps(t);
      ++j;
    }
    if (j == i) j = i + 1;
    if (!shares || printed != cell->code_points || !usable_line(f.line)) {
      i = j;
      continue;
    }
    const uint32_t page = doc.Line(f.line).page;
    // Blocks that can take no more shares are set aside, so each share looks at a few open ones.
    for (size_t k = 0; k < open.size();) {
      if (open[k].last_line + kPieGap < f.line) {
        blocks.push_back(std::move(open[k]));
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    Span* join = nullptr;
    for (Span& b : open) {
      if (b.page != page || f.line > b.last_line + kPieGap || f.line >= b.first_line + kPieLines) continue;
      if (std::max(b.col1, cell->col_end) - std::min(b.col0, cell->col_begin) > kPieWidth) continue;
      if (join == nullptr || apart(b.col0, b.col1, cell->col_begin, cell->col_end) <
                                 apart(join->col0, join->col1, cell->col_begin, cell->col_end)) {
        join = &b;
      }
    }
    if (join == nullptr) {
      open.push_back({f.line, f.line, cell->col_begin, cell->col_end, page, 0, {}});
      join = &open.back();
    }
    join->last_line = f.line;
    join->col0 = std::min(join->col0, cell->col_begin);
    join->col1 = std::max(join->col1, cell->col_end);
    for (size_t k = i; k < j; ++k) join->parts.push_back(static_cast<int>(k));
    join->count = join->parts.size();
    i = j;
  }
  for (Span& b : open) blocks.push_back(std::move(b));
  if (blocks.empty()) return;
  // Legends: runs of legend cells (no digit: a legend of years keys a bar chart's series).
  std::vector<Span> legends;
  for (uint32_t li = 0; li < cells_->line_count(); ++li) {
    if (!usable_line(li)) continue;
    for (const LayoutCell& c : cells_->line(li)) {
      if (!starts_with_key(c.text) || HasDigit(c.text)) continue;
      const uint32_t page = doc.Line(li).page;
      Span* join = nullptr;
      for (Span& g : legends) {
        if (g.page == page && li <= g.last_line + kLegendGap &&
            std::max(g.col1, c.col_end) - std::min(g.col0, c.col_begin) <= kLegendWidth) {
          join = &g;
        }
      }
      if (join == nullptr) {
        legends.push_back({li, li, c.col_begin, c.col_end, page, 0, {}});
        join = &legends.back();
      }
      join->last_line = li;
      join->col0 = std::min(join->col0, c.col_begin);
      join->col1 = std::max(join->col1, c.col_end);
      join->count += LegendKeys(c.text);
    }
  }
  for (const Span& b : blocks) {
    if (b.count < 3) continue;
    const Span* nearest = nullptr;
    double best = kMaxChartDistance;
    for (const Span& g : legends) {
      const uint32_t dl = apart(b.first_line, b.last_line + 1, g.first_line, g.last_line + 1);
      if (g.page != b.page || dl > kWindowLines) continue;
      const double d = kLineWeight * dl + apart(b.col0, b.col1, g.col0, g.col1);
      if (d <= best) {
        // Two legends as near: which one keys the pie is not known.
        nearest = d == best && nearest != nullptr ? nullptr : &g;
        best = d;
      }
    }
    if (nearest == nullptr || nearest->count != b.count) continue;
    // A title right above the block (the nearest line with text within three lines, no figure in it)
    // naming a rate (各层级员工培训覆盖率): bars of a rate per category, not the slices of a pie.
    bool rate_title = false;
    for (uint32_t g = b.first_line; g-- > 0 && g + 3 >= b.first_line;) {
      if (cells_->line(g).empty()) continue;
      std::string title;
      for (const LayoutCell& c : cells_->line(g)) title.append(c.text).push_back(' ');
      rate_title = !HasDigit(title) && NamesRate(title);
      break;
    }
    if (rate_title) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, b.parts);
    // Shares far from one whole are not the slices of one pie, whatever the legend, unless one share
    // printed ten or a hundred times its value explains it.
    if (!NearHundredOrSlip(&r)) continue;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// Key-figure cards (a map of regions, a page of segments): each card stacks figures, each alone in
// its cell (a currency sign, a magnitude or a footnote mark aside), with its label in the cells right under it
// in the same columns (words only; wrapped over up to three lines, no blank line between: `OF
// UHCN*` over `CAPACITY`). One card is
// headed by a cell holding a total word alone (`GROUP`, `Total`, 合计, 集团) over the chain of its
// figures and labels; each of its figures is the total of the figures of other cards with the same
// label and unit (two at least) on its page or the next or previous one (a map printed across a
// spread of two pages). Which regions a map leaves out is not known,
// so the relation is a likely one: parts above their total are a warning, a shortfall is not
// reported. Parts more than twice their total are not taken as its parts, unless one part read 10^k
// times its value makes them foot (a slip, named: NearOrSlip).
void RelationAnalysis::FindCardTotals(const sdk::Document& doc) {
  if (cells_->line_count() == 0) return;
  constexpr uint32_t kBelow = 8;       // lines searched for the cell under a cell
  constexpr uint32_t kSlackCols = 2;   // labels are centred on their figures
  constexpr size_t kLabelCells = 3;    // lines a card label may wrap over
  constexpr size_t kLabelPoints = 24;  // code points of a card label's line
  constexpr size_t kCardExtra = 4;     // code points beside a card's figure (€ and bn of €5 bn)
  auto usable_line = [&doc](uint32_t li) {
    const esgaudit_line_structure ls = doc.LineStructure(li);
    return (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX |
                        ESGAUDIT_LINE_TABLE)) == 0;
  };
  // The cell under `c`: the first usable line below (within kBelow) with a cell overlapping its
  // columns, the one overlapping most.
  auto under = [&](const LayoutCell& c) -> const LayoutCell* {
    const uint32_t a0 = c.col_begin > kSlackCols ? c.col_begin - kSlackCols : 0;
    const uint32_t a1 = c.col_end + kSlackCols;
    for (uint32_t li = c.line + 1; li < cells_->line_count() && li <= c.line + kBelow; ++li) {
      if (!usable_line(li)) continue;
      const LayoutCell* best = nullptr;
      uint32_t best_overlap = 0;
      for (const LayoutCell& b : cells_->line(li)) {
        const uint32_t lo = std::max(a0, b.col_begin), hi = std::min(a1, b.col_end);
        if (hi > lo && hi - lo > best_overlap) {
          best_overlap = hi - lo;
          best = &b;
        }
      }
      if (best != nullptr) return best;
    }
    return nullptr;
  };
  // The figure a card cell holds alone, or -1.
  std::map<const LayoutCell*, int> figure_of;
  {
    std::map<const LayoutCell*, int> count;
    for (size_t i = 0; i < figures_.size(); ++i) {
      const Figure& f = figures_[i];
      const LayoutCell* cell = cells_->At(f.line, doc.TextToView(f.offset));
      if (cell == nullptr) continue;
      ++count[cell];
      figure_of[cell] = static_cast<int>(i);
    }
    for (auto& [cell, i] : figure_of) {
      std::string t = figures_[i].text;
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      if (count[cell] != 1 || figures_[i].kind != ESGAUDIT_FACT_QUANTITY || figures_[i].value <= 0 ||
          cell->code_points > Cps(t) + kCardExtra || !usable_line(cell->line)) {
        i = -1;
      }
    }
  }
  auto card_figure = [&](const LayoutCell* c) {
    auto it = figure_of.find(c);
    return it == figure_of.end() ? -1 : it->second;
  };
  auto is_total_word = [](std::string_view text) {
    const std::string t = Lower(std::string(text));
    for (const char* w : {"group", "total", "合计", "总计", "集团", "全集团"}) {
      if (t == w) return true;
    }
    return false;
  };
  // A card figure's label: the word cells stacked under it. Sets *end to the last of them.
  auto label_of = [&](const LayoutCell& c, const LayoutCell** end) {
    std::string label;
    const LayoutCell* at = &c;
    for (size_t k = 0; k < kLabelCells; ++k) {
      const LayoutCell* b = under(*at);
      if (b == nullptr) break;
      // A label wraps onto the next line, or the one after past a line of other columns, never
      // over a blank line; a total word heads another card.
      bool wrapped = k == 0 || b->line == at->line + 1 ||
                     (b->line == at->line + 2 && !cells_->line(at->line + 1).empty());
      if (HasDigit(b->text) || b->code_points > kLabelPoints || card_figure(b) >= 0 || !wrapped ||
          is_total_word(b->text)) {
        break;
      }
      label += Lower(std::string(b->text));
      at = b;
    }
    *end = at;
    return label;
  };
  struct Card {
    int figure;
    std::string label;
    uint32_t page;
    bool headed;
  };
  std::vector<Card> cards;
  std::set<int> headed;
  // The figures of each card headed by a total word, down the chain of its cells.
  for (uint32_t li = 0; li < cells_->line_count(); ++li) {
    if (!usable_line(li)) continue;
    for (const LayoutCell& c : cells_->line(li)) {
      if (c.code_points > 5 || !is_total_word(c.text)) continue;
      const LayoutCell* at = under(c);
      while (at != nullptr) {
        const int f = card_figure(at);
        if (f < 0) break;
        const LayoutCell* end = nullptr;
        std::string label = label_of(*at, &end);
        if (label.empty()) break;
        headed.insert(f);
        at = under(*end);
      }
    }
  }
  if (headed.empty()) return;
  // In text order, so the relations do not depend on where cells lie in memory.
  for (size_t i = 0; i < figures_.size(); ++i) {
    const LayoutCell* cell = cells_->At(figures_[i].line, doc.TextToView(figures_[i].offset));
    const int f = card_figure(cell);
    if (f != static_cast<int>(i)) continue;
    const LayoutCell* end = nullptr;
    std::string label = label_of(*cell, &end);
    if (label.empty()) continue;
    cards.push_back({f, label, doc.Line(cell->line).page, headed.count(f) > 0});
  }
  std::set<int> taken;
  for (const Relation& r : relations_) {
    taken.insert(r.parts.begin(), r.parts.end());
    if (r.total >= 0) taken.insert(r.total);
  }
  for (const Card& t : cards) {
    if (!t.headed || taken.count(t.figure)) continue;
    const Figure& total = figures_[t.figure];
    std::vector<int> parts;
    for (const Card& p : cards) {
      const Figure& g = figures_[p.figure];
      if (p.headed || p.page + 1 < t.page || p.page > t.page + 1 || p.label != t.label || g.unit != total.unit ||
          g.magnitude != total.magnitude || taken.count(p.figure)) {
        continue;
      }
      parts.push_back(p.figure);
    }
    if (parts.size() < 2) continue;
    std::sort(parts.begin(), parts.end());
    Relation r = Stated(RelationKind::kPartsTotal, t.figure, parts);
    if (r.sum_low > 2 * total.high && !NearOrSlip(&r, total.low, total.high)) continue;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    r.flag = r.sum_low > total.high;
    Add(std::move(r));
  }
}

// Infographics: a total and its parts placed near each other, the parts labelled with categories
// of one dimension (发明/实用新型, 大专/本科以上) and the total with the dimension's head word
// (申请专利, 招聘新员工). Parts adding up is recognised; a mismatch is reported as a warning.
void RelationAnalysis::FindLayoutTotals() {
  struct Part {
    int figure;
    int dim;
    std::string cat;
  };
  std::vector<Part> parts;
  std::set<int> in_relation;  // figures a stated relation already explains
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit.empty() || f.value <= 0) continue;
    if (f.cell_extra > kInfographicCell || in_relation.count(static_cast<int>(i))) continue;
    auto [d, cat] = Categorise(f.label);
    if (d >= 0) parts.push_back({static_cast<int>(i), d, cat});
  }
  auto distance = [this](int a, int b) {
    const Figure& x = figures_[a];
    const Figure& y = figures_[b];
    return kLineWeight * std::fabs(double(x.line) - double(y.line)) +
           std::fabs(double(x.column) - double(y.column));
  };
  std::vector<Relation> found;
  for (size_t ti = 0; ti < figures_.size(); ++ti) {
    const Figure& t = figures_[ti];
    if (t.kind != ESGAUDIT_FACT_QUANTITY || t.unit.empty() || t.value <= 0) continue;
    if (t.cell_extra > kInfographicCell || in_relation.count(static_cast<int>(ti))) continue;
    if (Categorise(t.label).first >= 0) continue;
    for (int d = 0; d < static_cast<int>(Dimensions().size()); ++d) {
      if (!HasHead(t.label, d)) continue;
      std::map<std::string, int> best;  // category -> nearest part
      for (const Part& p : parts) {
        const Figure& f = figures_[p.figure];
        if (p.dim != d || f.unit != t.unit || f.value >= t.value) continue;
        if (std::labs(long(f.line) - long(t.line)) > kWindowLines) continue;
        auto it = best.find(p.cat);
        if (it == best.end() || distance(p.figure, int(ti)) < distance(it->second, int(ti))) {
          best[p.cat] = p.figure;
        }
      }
      if (best.size() < 2) continue;
      Relation r;
      r.kind = RelationKind::kPartsTotal;
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      r.total = static_cast<int>(ti);
      r.caption = t.label;
      for (const auto& [cat, f] : best) r.parts.push_back(f);
      std::sort(r.parts.begin(), r.parts.end());
      SumParts(&r);
      const double lo = r.sum_low, hi = r.sum_high;
      r.consistent = RangesMeet(lo, hi, t.low, t.high);
      // From the layout alone a smaller sum may mean a category printed elsewhere: only a larger
      // one is reported.
      r.flag = lo > t.high && Reportable(&r, false);
      if (r.consistent || r.flag) found.push_back(std::move(r));
    }
  }
  // Several totals may claim one set of parts (a figure and its restatement in the text): keep
  // the one that adds up, else the nearest.
  std::map<std::vector<int>, Relation> by_parts;
  for (Relation& r : found) {
    auto it = by_parts.find(r.parts);
    auto score = [&](const Relation& x) {
      double d = 0;
      for (int p : x.parts) d += distance(p, x.total);
      return std::make_pair(x.consistent ? 0 : 1, d);
    };
    if (it == by_parts.end() || score(r) < score(it->second)) by_parts[r.parts] = r;
  }
  for (auto& [key, r] : by_parts) {
    bool covered = false;
    for (const Relation& o : relations_) {
      if (o.parts == r.parts) covered = true;
    }
    if (!covered) Add(std::move(r));
  }
}

// A footnote's 其中 of a figure carrying its note mark. The mark (注 or 註, a number or none) stands
// right after the figure in prose (`援青的资金支出共1,200万元註`) or right after the bracketed unit of
// a table row's label whose one figure follows it (`总耗水量（百万吨）注2 | 227.7`); the note, on the
// same page within kNoteLines below, opens with the same mark at the start of a line or after blanks
// (another note's text may come before it on its line), then 其中. Its figures, up to the sentence's
// end or the next note (the line after it too while no sentence end is met), are the parts: one or
// more in the marked figure's unit (a row's bare figure takes the unit its label's bracket prints)
// and nothing else. One part is a subset; several are a sum only when the last one names 其他, so
// that they name every part (`…，海水11.57百万吨，再生水和雨水等其他水37.80百万吨`); an open list is
// left alone. The nearest mark of the same number above the note is the only candidate: when it
// marks no figure so, or another note of that number stands between, nothing is read. The link is
// read from the marks and a 其中, not from a total row, so a mismatch is a warning (Likely).
void RelationAnalysis::FindFootnoteParts(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kNoteLines = 40;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  auto blank = [](char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; };
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  // The unit a figure prints after its number: "122.95百万吨" -> 百万吨.
  auto printed_unit = [](const std::string& t) {
    size_t k = 0;
    while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' || t[k] == ',')) ++k;
    return t.substr(k);
  };
  struct Mark {
    size_t at = 0, end = 0;  // code points of the line: the mark's 注 / 註, past its number
    std::u32string number;
    bool note = false;   // opens a note: at the line's start or after blanks / punctuation, then blanks or 其中
    bool of_which = false;  // a note whose text opens with 其中
  };
  auto marks_of = [&](const std::u32string& l) {
    std::vector<Mark> out;
    for (size_t i = 0; i < l.size(); ++i) {
      if (l[i] != U'注' && l[i] != U'註') continue;
      Mark m;
      m.at = i;
      m.end = i + 1;
      while (m.end < l.size() && digit(l[m.end]) && m.end - i <= 2) ++m.end;
      m.number = l.substr(i + 1, m.end - i - 1);
      size_t k = m.end;
      while (k < l.size() && (blank(l[k]) || l[k] == U':' || l[k] == U'：')) ++k;
      m.of_which = l.compare(k, 2, U"其中") == 0;
      const bool opens = i == 0 || blank(l[i - 1]);
      m.note = opens && (m.of_which || k > m.end || k == l.size());
      out.push_back(m);
    }
    return out;
  };
  for (uint32_t line = 1; line < doc.LineCount(); ++line) {
    const esgaudit_line nl = doc.Line(line);
    // A line without 注 or 註 holds no mark, so no note (the bytes of a code point of valid UTF-8).
    const std::string_view bytes = text.substr(nl.offset, nl.length);
    if (Fast() && !Has(bytes, "注") && !Has(bytes, "註")) continue;
    const std::u32string l = U32(bytes);
    for (const Mark& note : marks_of(l)) {
      if (!note.note || !note.of_which) continue;
      // The note's span, in bytes of the text: from its 其中 to a sentence end or the next note.
      auto byte_at = [&](const std::u32string& u, size_t cps, uint64_t base) {
        return base + ToUtf8(u.substr(0, cps)).size();
      };
      const uint64_t from = byte_at(l, note.end, nl.offset);
      uint64_t to = 0;
      bool ended = false;
      for (uint32_t n = line; n <= line + 1 && n < doc.LineCount() && !ended; ++n) {
        const esgaudit_line ln = doc.Line(n);
        const std::u32string u = n == line ? l : U32(text.substr(ln.offset, ln.length));
        const std::vector<Mark> marks = n == line ? std::vector<Mark>() : marks_of(u);
        if (n > line && (u.find_first_not_of(U" \t\u3000") == std::u32string::npos || ln.page != nl.page ||
                         std::any_of(marks.begin(), marks.end(), [](const Mark& m) { return m.note; }))) {
          break;
        }
        size_t stop = u.size();
        for (size_t k = n == line ? note.end : 0; k < u.size(); ++k) {
          if (u[k] == U'。') {
            stop = k;
            ended = true;
            break;
          }
          if ((u[k] == U'注' || u[k] == U'註') && k > 0 && blank(u[k - 1]) && k + 1 < u.size() && digit(u[k + 1])) {
            stop = k;
            ended = true;
            break;
          }
        }
        to = byte_at(u, stop, ln.offset);
      }
      std::vector<int> parts;
      bool plain = true;
      for (uint32_t n = line; n <= line + 1 && plain; ++n) {
        auto on = by_line.find(n);
        if (on == by_line.end()) continue;
        for (int g : on->second) {
          const Figure& f = figures_[g];
          if (f.offset < from || f.offset >= to) continue;
          if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit.empty() || f.qualifiers != 0 ||
              (!parts.empty() && (f.unit != figures_[parts[0]].unit || f.magnitude != figures_[parts[0]].magnitude ||
                                  printed_unit(f.text) != printed_unit(figures_[parts[0]].text)))) {
            plain = false;
            break;
          }
          parts.push_back(g);
        }
      }
      if (!plain || parts.empty()) continue;
      const Figure& first = figures_[parts[0]];
      const std::string unit_text = printed_unit(first.text);
      if (unit_text.empty()) continue;
      // The nearest mark of the note's number above it, on its page: the marked figure or nothing.
      int total = -1;
      bool rescale = false;
      bool stop = false;
      for (uint32_t a = line; a-- > 0 && a + kNoteLines >= line && !stop;) {
        const esgaudit_line al = doc.Line(a);
        if (al.page != nl.page) break;
        const std::u32string u = U32(text.substr(al.offset, al.length));
        std::vector<Mark> marks = marks_of(u);
        for (auto m = marks.rbegin(); m != marks.rend() && !stop; ++m) {
          if (m->number != note.number) continue;
          if (m->note) {
            stop = true;  // another note of that number: its own block
            break;
          }
          const uint64_t mark_byte = byte_at(u, m->at, al.offset);
          auto on = by_line.find(a);
          if (on == by_line.end()) continue;  // 注 inside a word (注重, 关注): not a mark
          // A figure printed right before the mark.
          for (int g : on->second) {
            if (figures_[g].offset + figures_[g].length == mark_byte) total = g;
          }
          if (total >= 0) {
            stop = true;
            break;
          }
          // A table row's label ending in its bracketed unit, then the mark, then the row's one figure.
          if (m->at == 0 || (u[m->at - 1] != U')' && u[m->at - 1] != U'）')) continue;
          stop = true;
          const size_t open = u.find_last_of(U"(（", m->at - 1);
          if (open == std::u32string::npos || doc.LineStructure(a).table == ESGAUDIT_NO_INDEX ||
              ToUtf8(u.substr(open + 1, m->at - 2 - open)) != unit_text) {
            break;
          }
          const uint64_t mark_end = byte_at(u, m->end, al.offset);
          std::vector<int> after;
          for (int g : on->second) {
            if (figures_[g].offset >= mark_byte && figures_[g].offset < mark_end) continue;  // the mark's number
            after.push_back(figures_[g].offset < mark_byte ? -1 : g);  // a figure in the label: no such row
          }
          if (after.size() != 1 || after[0] < 0) break;
          const Figure& f = figures_[after[0]];
          if (f.kind != ESGAUDIT_FACT_QUANTITY || f.qualifiers != 0) break;
          // Bare, or read in its label's unit already by the fact reader.
          const bool bare = f.unit.empty() && f.magnitude == 1;
          if (!bare && (f.unit != first.unit || f.magnitude != first.magnitude)) break;
          total = after[0];
          rescale = bare;
        }
      }
      if (total < 0) continue;
      Figure& t = figures_[total];
      const Figure kept = t;
      if (rescale) {
        if (FiguresInRelations().count(total)) continue;  // read in another unit by an earlier reader
        // The row's figure in its label's unit, as the note prints its parts.
        t.unit = first.unit;
        t.magnitude = first.magnitude;
        t.value *= first.magnitude;
        t.low *= first.magnitude;
        t.high *= first.magnitude;
        t.context_count = false;
      } else if (t.kind != ESGAUDIT_FACT_QUANTITY || t.unit != first.unit || t.magnitude != first.magnitude) {
        continue;
      }
      Relation r;
      if (parts.size() == 1) {
        r = Stated(RelationKind::kSubset, total, parts);
        r.cue = SubsetCue::kOfWhich;
        r.flag = !r.consistent;
      } else {
        // The last part names 其他 in its clause: the parts name every part of the total.
        const Figure& last = figures_[parts.back()];
        const Figure& prev = figures_[parts[parts.size() - 2]];
        const std::string_view clause = text.substr(prev.offset + prev.length, last.offset - prev.offset - prev.length);
        if ((!Has(clause, "其他") && !Has(clause, "其它")) || !TableSum(total, parts, t.label, &r)) {
          t = kept;
          continue;
        }
      }
      r.evidence = Evidence::kStated;
      r.certainty = Certainty::kLikely;
      Add(std::move(r));
    }
  }
}

// A bar chart whose values the text gives as one line of figures alone (`87  83  89 … 103  422`),
// its category labels and caption on the lines above, and the total a key figure above them:
//   1,459                            <- a line of the total alone
//   2016年公司供应商总数              <- its label: a total word (总数, 总计, 合计, 总量, 总额) after a noun
//   单位：个                          <- optional
//   公司按地区划分的供应商数量         <- a caption naming a breakdown (按, 划分, 分布, 构成) and the noun
//   华北 华东 …                       <- the categories (no figures)
//   87  83  89 … 422
// The lines between the row and the total are at most kAbove non-blank lines without figures, on
// one page, none of a table; the row holds three or more whole numbers printed bare, in no other
// relation, nothing else but blanks and commas. The noun is two or more of the Han characters right
// before the total word in its label, found in the caption. Whole numbers under a 单位 line naming
// a count unit are exact. The grouping is read from the layout and wording, so a sum off is a
// warning (Likely), and one off by more than 15 % of the total is another population: nothing then.
void RelationAnalysis::FindFigureRowCharts(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kAbove = 6;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::set<int> related = FiguresInRelations();
  // Only blanks and commas in `s` (the gaps between a row's figures, a key figure's trailing comma).
  auto filler = [](std::string_view s) {
    std::u32string u = U32(s);
    return std::all_of(u.begin(), u.end(), [](char32_t c) {
      return c == U' ' || c == U'\t' || c == 0x3000 || c == U',' || c == U'，';
    });
  };
  auto quantities = [&](uint32_t line) {
    std::vector<int> out;
    auto on = by_line.find(line);
    if (on == by_line.end()) return out;
    for (int g : on->second) {
      if (figures_[g].kind == ESGAUDIT_FACT_QUANTITY && figures_[g].unit != "年") out.push_back(g);
    }
    return out;
  };
  // Whether `figs` are all of `line`'s text but blanks and commas.
  auto alone = [&](uint32_t line, const std::vector<int>& figs) {
    const esgaudit_line l = doc.Line(line);
    uint64_t at = l.offset;
    for (int g : figs) {
      if (figures_[g].offset < at || !filler(text.substr(at, figures_[g].offset - at))) return false;
      at = figures_[g].offset + figures_[g].length;
    }
    return at <= l.offset + l.length && filler(text.substr(at, l.offset + l.length - at));
  };
  auto bare_whole = [&](int g) {
    const Figure& f = figures_[g];
    return f.unit.empty() && f.qualifiers == 0 && f.magnitude == 1 && f.decimals == 0 && f.value >= 0;
  };
  auto squeezed = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; }), s.end());
    return s;
  };
  for (const auto& [line, all] : by_line) {
    const std::vector<int> row = quantities(line);
    if (row.size() < 3 || row.size() != all.size() || !alone(line, row)) continue;
    if (doc.LineStructure(line).table != ESGAUDIT_NO_INDEX) continue;
    if (!std::all_of(row.begin(), row.end(), [&](int g) { return bare_whole(g) && !related.count(g); })) continue;
    // Up the page: lines without figures, then the total's line.
    const uint32_t page = doc.Line(line).page;
    std::vector<uint32_t> between;  // non-blank lines between the total and the row, bottom up
    int total = -1;
    for (uint32_t a = line; a-- > 0 && doc.Line(a).page == page;) {
      const esgaudit_line_structure ls = doc.LineStructure(a);
      if (ls.role == ESGAUDIT_ROLE_BLANK) continue;
      if (ls.table != ESGAUDIT_NO_INDEX || ls.role == ESGAUDIT_ROLE_FURNITURE) break;
      const std::vector<int> q = quantities(a);  // a year (2016年) is none
      if (q.empty()) {
        if (between.size() >= kAbove) break;
        between.push_back(a);
        continue;
      }
      if (q.size() == 1 && by_line.at(a).size() == 1 && alone(a, q) && bare_whole(q[0]) && !related.count(q[0])) total = q[0];
      break;
    }
    if (total < 0 || between.size() < 2) continue;
    // The total's label: the line right below it, a noun and a total word.
    const std::u32string label = U32(squeezed(TrimmedLine(doc, between.back())));
    size_t word = std::u32string::npos;
    for (std::u32string_view w : {U"总数", U"总计", U"合计", U"总量", U"总额"}) {
      word = std::min(word, label.find(w));
    }
    if (word == std::u32string::npos) continue;
    std::u32string noun;
    for (size_t k = word; k > 0 && IsCjk(label[k - 1]); --k) noun.insert(noun.begin(), label[k - 1]);
    // The caption: another line between, naming a breakdown and the noun (two of its last characters
    // or more).
    std::string caption;
    bool count_unit = false;
    for (size_t i = 0; i + 1 < between.size(); ++i) {
      const std::string l = squeezed(TrimmedLine(doc, between[i]));
      if (l.rfind("单位", 0) == 0) {
        const std::u32string u = U32(l);
        const size_t colon = u.find_first_of(U":：");
        count_unit = colon != std::u32string::npos && IsCountUnit(ToUtf8(u.substr(colon + 1)));
        continue;
      }
      if (!caption.empty()) continue;
      const std::u32string cap = U32(l);
      const bool breakdown = Has(l, "按") || Has(l, "划分") || Has(l, "分布") || Has(l, "构成");
      bool named = false;
      for (size_t k = 2; k <= noun.size() && !named; ++k) named = cap.find(noun.substr(noun.size() - k)) != std::u32string::npos;
      if (breakdown && named) caption = l;
    }
    if (caption.empty()) continue;
    std::vector<std::pair<double, double>> intervals;
    for (int p : row) {
      intervals.emplace_back(figures_[p].low, figures_[p].high);
      if (count_unit) figures_[p].low = figures_[p].high = figures_[p].value;
    }
    const std::pair<double, double> total_interval(figures_[total].low, figures_[total].high);
    if (count_unit) figures_[total].low = figures_[total].high = figures_[total].value;
    Relation r;
    if (!TableSum(total, row, caption, &r) || OffByMoreThanASlip(r, figures_[total])) {
      for (size_t k = 0; k < row.size(); ++k) std::tie(figures_[row[k]].low, figures_[row[k]].high) = intervals[k];
      std::tie(figures_[total].low, figures_[total].high) = total_interval;
      continue;
    }
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    Add(std::move(r));
  }
}

// Three clauses of one sentence on one line: an amount produced (its clause names 产生), the amount
// of it used, disposed of or recovered (the clause right after it ends with such a verb and 量 before
// the figure: 综合利用量, 处置量), then that verb's rate (利用率 … %) in the clause right after, below
// 100 %. A year's use may exceed its production (stock from earlier years), so the pair alone says
// nothing; a rate below 100 % printed with it says the use is that share of this production. The
// second amount is then a subset of the first, in the same unit and magnitude, read from the words'
// meaning: a warning (Likely) when it exceeds it.
void RelationAnalysis::FindRatedUsePairs(const sdk::Document& doc) {
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  static const std::vector<std::u32string> kVerbs = {U"利用", U"处置", U"回收", U"回用", U"处理"};
  auto clause_break = [](char32_t c) { return c == U'，' || c == U','; };
  auto sentence_end = [](char32_t c) { return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？'; };
  auto between = [&](const Figure& a, const Figure& b) {
    return U32(text.substr(a.offset + a.length, b.offset - a.offset - a.length));
  };
  for (const auto& [line, figs] : by_line) {
    for (size_t i = 0; i + 2 < figs.size(); ++i) {
      const int a = figs[i], b = figs[i + 1], rate = figs[i + 2];
      const Figure& fa = figures_[a];
      const Figure& fb = figures_[b];
      const Figure& fr = figures_[rate];
      if (fa.kind != ESGAUDIT_FACT_QUANTITY || fb.kind != ESGAUDIT_FACT_QUANTITY || fa.unit.empty() ||
          fa.unit != fb.unit || fa.magnitude != fb.magnitude || fa.qualifiers != 0 || fb.qualifiers != 0 ||
          fr.unit != "%" || fr.value <= 0 || fr.value >= 100) {
        continue;
      }
      // Between the amounts: the rest of the first's clause (its unit), one clause break, the second's
      // label ending in a verb and 量.
      const std::u32string ab = between(fa, fb);
      const size_t ab_break = ab.find_first_of(U"，,");
      if (ab_break == std::u32string::npos || std::count_if(ab.begin(), ab.end(), clause_break) != 1 ||
          std::any_of(ab.begin(), ab.end(), sentence_end)) {
        continue;
      }
      std::u32string label;
      for (char32_t c : ab.substr(ab_break + 1)) {
        if (IsCjk(c)) label += c;
      }
      if (label.size() < 3 || label.back() != U'量') continue;
      std::u32string verb;
      for (const std::u32string& v : kVerbs) {
        if (label.size() >= v.size() + 1 && label.compare(label.size() - 1 - v.size(), v.size(), v) == 0) verb = v;
      }
      if (verb.empty()) continue;
      // The rate: the next clause names the verb and 率 before the percentage.
      const std::u32string br = between(fb, fr);
      const size_t br_break = br.find_first_of(U"，,");
      if (br_break == std::u32string::npos || std::count_if(br.begin(), br.end(), clause_break) != 1 ||
          std::any_of(br.begin(), br.end(), sentence_end) ||
          br.find(verb + U"率", br_break) == std::u32string::npos) {
        continue;
      }
      // The first amount's clause names production.
      const esgaudit_line l = doc.Line(line);
      const std::u32string before = U32(text.substr(l.offset, fa.offset - l.offset));
      const size_t open = before.find_last_of(U"，,。；;：:");
      const std::u32string clause = open == std::u32string::npos ? before : before.substr(open + 1);
      if (clause.find(U"产生") == std::u32string::npos) continue;
      Relation r = Stated(RelationKind::kSubset, a, {b});
      r.cue = SubsetCue::kVerbPair;
      r.whole_verb = "产生";
      r.part_verb = ToUtf8(verb);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent;
      Add(std::move(r));
    }
  }
}

// Two charts printed side by side, read as one run of lines:
//   …专项资金投入26.05亿元，其中，环保资金投入15.15亿元，…       <- the paragraph above: both totals
//   专项资金投入-按业务(亿元)      环保资金投入-按用途(亿元)       <- two captions on one line
//   运输业务 1.38 / 煤炭业务 2.35 / …                          <- the first chart's rows
//   废水防治措施 0.37 / … / 其他 + 2.46 on the next line        <- the second chart's rows
// Each caption (a cell of the line, apart by a tab or two blanks) names a subject, 按 and a dimension,
// and its unit in brackets. The rows are the lines right below: a label (no digit, no sentence
// punctuation, at most 16 code points) and one figure, or a label alone and the figure alone on the
// next line. The first chart's rows are the first ones whose labels end with its dimension (业务), two
// or more; the rest, two or more, none ending so, are the second's. Each total is the figure of the
// paragraph line right above the captions printed in the caption's unit whose noun (the Han
// characters right before it in its clause) shares the longest ending with the caption's subject,
// four code points or more, and no other figure as long a one; the two totals differ. Bare figures
// take the caption's unit. The grouping is read from the layout and wording, so a sum off is a
// warning (Likely), and one off by more than 15 % of its total reports nothing.
void RelationAnalysis::FindTwoChartCaptions(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr size_t kLabelPoints = 16;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::set<int> related = FiguresInRelations();
  auto punct = [](const std::u32string& s) { return s.find_first_of(U"。，；,;：:") != std::u32string::npos; };
  auto digits = [](const std::u32string& s) {
    return std::any_of(s.begin(), s.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
  };
  auto trim = [](std::u32string s) {
    const std::u32string blanks = U" \t\u3000";
    s.erase(0, std::min(s.size(), s.find_first_not_of(blanks)));
    while (!s.empty() && blanks.find(s.back()) != std::u32string::npos) s.pop_back();
    return s;
  };
  auto printed_unit = [](const std::string& t) {
    size_t k = 0;
    while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' || t[k] == ',')) ++k;
    return t.substr(k);
  };
  struct Caption {
    std::u32string subject, dimension;
    std::string unit;
  };
  // A caption cell: subject, 按, dimension, (unit).
  auto caption_of = [&](std::u32string c, Caption* out) {
    c = trim(c);
    while (!c.empty() && (c.back() == U')' || c.back() == U'）')) c.pop_back();
    const size_t open = c.find_last_of(U"(（");
    const size_t by = c.find(U'按');
    if (open == std::u32string::npos || by == std::u32string::npos || by > open || c.size() - open - 1 == 0 ||
        c.size() - open - 1 > 4) {
      return false;
    }
    out->unit = ToUtf8(c.substr(open + 1));
    out->dimension = trim(c.substr(by + 1, open - by - 1));
    out->subject = c.substr(0, by);
    while (!out->subject.empty() && !IsCjk(out->subject.back())) out->subject.pop_back();
    return out->dimension.size() >= 2 && out->subject.size() >= 4 &&
           std::all_of(out->dimension.begin(), out->dimension.end(), [](char32_t ch) { return IsCjk(ch); });
  };
  for (uint32_t line = 1; line + 4 < doc.LineCount(); ++line) {
    if (by_line.count(line)) continue;
    const esgaudit_line cl = doc.Line(line);
    // Each caption cell holds 按: a line without it holds no pair of captions.
    if (Fast() && !Has(text.substr(cl.offset, cl.length), "按")) continue;
    const std::u32string l = trim(U32(text.substr(cl.offset, cl.length)));
    if (l.empty() || punct(l)) continue;
    // Two cells: apart by a tab or two blanks or more.
    size_t gap = l.find(U'\t');
    size_t gap_end = gap == std::u32string::npos ? gap : gap + 1;
    if (gap == std::u32string::npos) {
      gap = l.find(U"  ");
      if (gap != std::u32string::npos) gap_end = l.find_first_not_of(U' ', gap);
    }
    if (gap == std::u32string::npos || gap_end == std::u32string::npos) continue;
    Caption caps[2];
    if (!caption_of(l.substr(0, gap), &caps[0]) || !caption_of(l.substr(gap_end), &caps[1])) continue;
    // The rows below: label and figure on a line, or a label and its figure alone on the next line.
    const uint32_t page = cl.page;
    std::vector<std::pair<std::u32string, int>> rows;
    bool plain = true;
    for (uint32_t n = line + 1; n < doc.LineCount() && doc.Line(n).page == page;) {
      const esgaudit_line nl = doc.Line(n);
      const std::u32string t = trim(U32(text.substr(nl.offset, nl.length)));
      auto on = by_line.find(n);
      const std::vector<int> figs = on == by_line.end() ? std::vector<int>() : on->second;
      if (t.empty()) break;
      std::u32string label;
      int figure = -1;
      uint32_t next = n + 1;
      if (figs.empty()) {
        // A label alone, its figure alone on the next line.
        auto below = by_line.find(n + 1);
        if (below == by_line.end() || below->second.size() != 1 || n + 1 >= doc.LineCount()) break;
        const esgaudit_line bl = doc.Line(n + 1);
        const Figure& f = figures_[below->second[0]];
        if (trim(U32(text.substr(bl.offset, bl.length))) != U32(f.text)) break;
        label = t;
        figure = below->second[0];
        next = n + 2;
      } else {
        if (figs.size() != 1) break;
        const Figure& f = figures_[figs[0]];
        if (f.offset + f.length != nl.offset + nl.length &&
            !trim(U32(text.substr(f.offset + f.length, nl.offset + nl.length - f.offset - f.length))).empty()) {
          break;
        }
        label = trim(U32(text.substr(nl.offset, f.offset - nl.offset)));
        figure = figs[0];
      }
      if (label.empty() || label.size() > kLabelPoints || digits(label) || punct(label) || !IsCjk(label.back())) break;
      const Figure& f = figures_[figure];
      if (f.kind != ESGAUDIT_FACT_QUANTITY || f.qualifiers != 0 || related.count(figure) || f.value < 0) {
        plain = false;
        break;
      }
      rows.emplace_back(label, figure);
      n = next;
    }
    if (!plain || rows.size() < 4) continue;
    auto ends_with = [](const std::u32string& s, const std::u32string& w) {
      return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
    };
    size_t split = 0;
    while (split < rows.size() && ends_with(rows[split].first, caps[0].dimension)) ++split;
    if (split < 2 || rows.size() - split < 2 ||
        std::any_of(rows.begin() + split, rows.end(), [&](const auto& r) { return ends_with(r.first, caps[0].dimension); })) {
      continue;
    }
    // The paragraph line right above the captions.
    uint32_t para = line;
    while (para > 0 && doc.LineStructure(para - 1).role == ESGAUDIT_ROLE_BLANK) --para;
    if (para == 0 || doc.Line(para - 1).page != page || doc.LineStructure(para - 1).role != ESGAUDIT_ROLE_PROSE) continue;
    --para;
    auto pf = by_line.find(para);
    if (pf == by_line.end()) continue;
    const esgaudit_line pl = doc.Line(para);
    int totals[2] = {-1, -1};
    for (int c = 0; c < 2; ++c) {
      size_t best = 0, ties = 0;
      for (int g : pf->second) {
        const Figure& f = figures_[g];
        if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit.empty() || printed_unit(f.text) != caps[c].unit) continue;
        const std::u32string before = U32(text.substr(pl.offset, f.offset - pl.offset));
        std::u32string noun;
        for (size_t k = before.size(); k > 0 && IsCjk(before[k - 1]); --k) noun.insert(noun.begin(), before[k - 1]);
        while (!noun.empty() && std::u32string_view(U"共计合总有达为").find(noun.back()) != std::u32string_view::npos) {
          noun.pop_back();
        }
        size_t common = 0;
        while (common < noun.size() && common < caps[c].subject.size() &&
               noun[noun.size() - 1 - common] == caps[c].subject[caps[c].subject.size() - 1 - common]) {
          ++common;
        }
        if (common > best) {
          best = common;
          ties = 0;
          totals[c] = g;
        } else if (common == best) {
          ++ties;
        }
      }
      if (best < 4 || ties > 0) totals[c] = -1;
    }
    if (totals[0] < 0 || totals[1] < 0 || totals[0] == totals[1]) continue;
    // A row given to the wrong chart leaves both off; a slip leaves one: one chart must add up.
    std::vector<Relation> sums;
    std::vector<std::pair<int, Figure>> kept_all;
    for (int c = 0; c < 2; ++c) {
      const Figure& t = figures_[totals[c]];
      std::vector<int> parts;
      for (size_t k = c == 0 ? 0 : split; k < (c == 0 ? split : rows.size()); ++k) parts.push_back(rows[k].second);
      std::vector<Figure> kept;
      bool fits = true;
      for (int p : parts) {
        kept.push_back(figures_[p]);
        Figure& f = figures_[p];
        if (f.unit.empty() && f.magnitude == 1) {  // a bare figure in the caption's unit
          f.unit = t.unit;
          f.magnitude = t.magnitude;
          f.value *= t.magnitude;
          f.low *= t.magnitude;
          f.high *= t.magnitude;
        } else if (f.unit != t.unit || f.magnitude != t.magnitude) {
          fits = false;
        }
      }
      Relation r;
      if (!fits || !TableSum(totals[c], parts, ToUtf8(caps[c].subject), &r) || OffByMoreThanASlip(r, t)) {
        for (size_t k = 0; k < parts.size(); ++k) figures_[parts[k]] = kept[k];
        continue;
      }
      for (size_t k = 0; k < parts.size(); ++k) kept_all.emplace_back(parts[k], kept[k]);
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      sums.push_back(std::move(r));
    }
    if (std::none_of(sums.begin(), sums.end(), [](const Relation& r) { return r.consistent; })) {
      for (const auto& [p, f] : kept_all) figures_[p] = f;
      continue;
    }
    for (const auto& [label, figure] : rows) figures_[figure].label = ToUtf8(label);
    for (Relation& r : sums) Add(std::move(r));
  }
}

}  // namespace esgaudit::numeric
