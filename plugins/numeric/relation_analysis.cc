#include "relation_internal.h"

#include <cmath>

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// The dimensions a label names a group along: its Dimensions() index, and, for a count of `people`,
// Dimensions().size() plus the index of each Facets() entry whose word it contains (港澳台专利 is a
// kind of patent, no nationality).
std::set<size_t> DimensionsNamed(const std::string& label, bool people) {
  std::set<size_t> out;
  if (const int d = Categorise(label).first; d >= 0) out.insert(static_cast<size_t>(d));
  if (!people) return out;
  const auto& facets = Facets();
  for (size_t f = 0; f < facets.size(); ++f) {
    for (const char* w : facets[f].words) {
      if (Has(label, w)) out.insert(Dimensions().size() + f);
    }
  }
  return out;
}

std::string Format(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::max(0, std::min(decimals, 6)), v);
  return buf;
}

// Whether a fact is a bound of an age class (35岁以下, 30至50岁, 50岁及以上, 30歲或以下): part of a
// group's label, not a figure. `before` and `after` are the matching view's code points right
// before and after the fact on its line (`after` from the end of the fact's printed text, which
// holds 岁 and a 以下 / 以上 the fact reader read). A figure in years outside a class (平均年龄35岁)
// stays a figure.
bool AgeClassBound(const esgaudit_fact& f, std::u32string_view before, std::u32string_view after) {
  if (f.kind != ESGAUDIT_FACT_QUANTITY) return false;
  const std::string_view unit = sdk::View(f.unit);
  auto opens = [](std::u32string_view s, std::u32string_view w) { return s.substr(0, w.size()) == w; };
  auto range_mark = [](char32_t c) {
    return c == U'至' || c == U'到' || c == U'-' || c == U'~' || c == U'～' || c == 0x2013 || c == 0x2014;
  };
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  bool years = unit == "岁";
  if (unit.empty() && opens(after, U"歲")) {  // the Traditional form, not a unit of the fact reader
    years = true;
    after.remove_prefix(1);
  }
  if (years) {
    if (f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) return true;
    for (std::u32string_view w : {U"以下", U"以上", U"及以下", U"及以上", U"或以下", U"或以上", U"(含)", U"（含）"}) {
      if (opens(after, w)) return true;
    }
    if (after.size() >= 2 && range_mark(after[0]) && digit(after[1])) return true;  // 30岁至50岁
    return before.size() >= 2 && range_mark(before.back()) &&
           (digit(before[before.size() - 2]) || before[before.size() - 2] == U'岁' ||
            before[before.size() - 2] == U'歲');  // the 50岁 of 30至50岁
  }
  // The lower end of a range whose upper end carries the unit: the 30 of 30至50岁, 31-50歲.
  if (!unit.empty() || f.qualifiers != 0 || after.size() < 3 || !range_mark(after[0]) || !digit(after[1])) return false;
  size_t k = 1;
  while (k < after.size() && digit(after[k])) ++k;
  return k < after.size() && (after[k] == U'岁' || after[k] == U'歲');
}

}  // namespace

void SetReadPathForTesting(ReadPath path) { read_path = path; }

const char* RelationAnalysis::KindName(RelationKind kind) {
  switch (kind) {
    case RelationKind::kPercentBreakdown:
      return "percent-breakdown";
    case RelationKind::kPartsTotal:
      return "parts-total";
    case RelationKind::kSubset:
      return "subset";
  }
  return "";
}

RelationAnalysis::RelationAnalysis(const sdk::Document& doc, const sdk::Context& ctx) {
  cells_ = &ctx.Shared<LayoutCells>(doc);
  LoadFigures(doc);
  TakeWrappedUnits(doc);
  TakeWrappedLabels(doc);
  for (Figure& f : figures_) {
    if (const LayoutCell* c = cells_->At(f.line, doc.TextToView(f.offset))) {
      size_t n = c->code_points, m = Cps(f.text);
      f.cell_extra = n > m ? n - m : 0;
    }
  }
  FindMarkupTotals(doc);
  FindModelTables(doc);
  FindBlocksOverOneTotal(doc);
  FindCaptionedBreakdowns(doc);
  FindInlineRelations(doc);
  FindPairedVerbSubsets(doc);
  FindGroupMemberSubsets(doc);
  FindStaffGroupSubsets(doc);
  FindBandsAfterAHeadcount(doc);
  FindKindsAfterATotal(doc);
  FindMeasurePairSubsets(doc);
  FindRunningTotalSubsets(doc);
  FindParagraphClosingTotals(doc);
  FindSectionTotals(doc);
  FindScopePairSubsets(doc);
  FindCapitalAfterAConversion(doc);
  FindBalanceSheetSentences(doc);
  FindSlashSharePairs(doc);
  FindLegendPies(doc);
  FindCardTotals(doc);
  FindRowTotalColumns(doc);
  FindRaggedRowTotalColumns(doc);
  FindThreeFigureRowTotals(doc);
  FindPovertyReliefForms(doc);
  FindLayoutTotals();
  FindTotalsOfLabelTails(doc);
  FindWaterBalanceRows(doc);
  FindShareRowsOfCategoryTables(doc);
  FindShareRowRuns(doc);
  FindTotalsOfTrailingRuns(doc);
  FindTotalsInTheTableAbove(doc);
  FindTotalsInTheProseAbove(doc);
  FindDividendTableTotals(doc);
  FindCutOffTotalRows(doc);
  FindHeadcountsInTheTableAbove(doc);
  FindQuantityTotalLines(doc);
  FindRowsSummingTheRowsBelow(doc);
  FindFootnoteParts(doc);
  FindFigureRowCharts(doc);
  FindRatedUsePairs(doc);
  FindTwoChartCaptions(doc);
  FindSideBySideShareRows(doc);
  FindTabbedRowTotalColumns(doc);  // after the other readers: it takes only totals they leave
  FindRowsAmongProse(doc);  // last: it may append regrouped figures
  FlagRowsOffExactTables();
  AddGroupRows();
  FindSharesOfStatedParts(doc);
  std::stable_sort(relations_.begin(), relations_.end(), [this](const Relation& a, const Relation& b) {
    uint64_t oa = figures_[a.total >= 0 ? a.total : a.parts.front()].offset;
    uint64_t ob = figures_[b.total >= 0 ? b.total : b.parts.front()].offset;
    return oa < ob;
  });
}

bool ShareAgrees(const Figure& part, const Figure& base, const Figure& share) {
  if (base.low <= 0 || part.low < 0) return false;
  const double lo = 100 * part.low / base.high, hi = 100 * part.high / base.low;
  const double unit = std::pow(10.0, -share.decimals);
  return hi >= share.value - unit && lo <= share.value + unit;
}

bool FractionAgrees(const Figure& part, const Figure& base, const ShareClaim& claim) {
  if (base.low <= 0 || part.low < 0 || claim.denominator <= 0) return false;
  // Exact on both sides: the fraction is no rounded figure; a tiny margin for the division.
  const double lo = part.low / base.high, hi = part.high / base.low;
  const double f = static_cast<double>(claim.numerator) / claim.denominator, eps = 1e-9;
  return hi >= f - eps && (claim.at_least || lo <= f + eps);
}

bool RelationAnalysis::ShareOfTotal(std::u32string_view between, int total) const {
  static const std::u32string kTotalWords[] = {U"总人数", U"总数", U"总额", U"总量", U"总和", U"人数", U"总"};
  // The part's noun may stand after its unit (包括3名独立董事，占董事总数的三分之一).
  size_t noun = 0;
  while (noun < between.size() && noun < 8 && between[noun] >= 0x4E00 && between[noun] <= 0x9FFF) ++noun;
  if (noun > 0 && noun < between.size() && between[noun] != U'，' && between[noun] != U',' &&
      between[noun] != U'（' && between[noun] != U'(') {
    return false;
  }
  between.remove_prefix(noun);
  std::u32string base;
  if (!ShareClauseBase(between, &base)) return false;
  for (const std::u32string& w : kTotalWords) {
    if (const size_t at = base.find(w); at != std::u32string::npos) {
      base.erase(at, w.size());
      break;
    }
  }
  for (std::u32string_view w : {std::u32string_view(U"本公司"), std::u32string_view(U"公司")}) {
    if (base.compare(0, w.size(), w) == 0) {
      base.erase(0, w.size());
      break;
    }
  }
  return base.empty() || LabelNamesShareBase(figures_[total].label, base);
}

namespace {

// The text from byte `from`, blanks removed, to the end (，。；, ; or a closing bracket) of the first
// clause holding 占, at most `limit` bytes; `ends` gets each kept character's end offset in the text.
std::u32string ClauseAfter(std::string_view text, uint64_t from, size_t limit, std::vector<uint64_t>* ends) {
  std::u32string out;
  const std::string_view s = text.substr(std::min<uint64_t>(from, text.size()), limit);
  bool share_word = false;  // 占 read
  for (size_t i = 0; i < s.size();) {
    const char32_t ch = sdk::NextCodePoint(s, &i);
    if (ch == U' ' || ch == U'\t' || ch == U'\n' || ch == U'\r' || ch == 0x3000) continue;
    if (share_word && std::u32string_view(U"，,。；;）)").find(ch) != std::u32string_view::npos) break;
    share_word = share_word || ch == U'占';
    out.push_back(ch);
    ends->push_back(from + i);
  }
  return out;
}

}  // namespace

bool RelationAnalysis::StatedFraction(int part, int total, std::string_view text, ShareClaim* claim) const {
  const Figure& p = figures_[part];
  const Figure& t = figures_[total];
  if (p.kind != ESGAUDIT_FACT_QUANTITY || p.unit != t.unit) return false;
  const uint64_t from = p.wrapped_unit_end > 0 ? p.wrapped_unit_end : p.offset + p.length;
  std::vector<uint64_t> ends;
  std::u32string clause = ClauseAfter(text, from, 96, &ends);
  // The fraction ends the clause, or stands before 以上 (三分之一以上).
  bool at_least = false;
  size_t end = clause.size();
  if (end >= 2 && clause.compare(end - 2, 2, U"以上") == 0) {
    end -= 2;
    at_least = true;
  }
  int num = 0, den = 0;
  size_t begin = end;
  if (end >= 4 && clause[end - 3] == U'分' && clause[end - 2] == U'之' && HanNumeral(clause[end - 4]) &&
      HanNumeral(clause[end - 1])) {
    den = HanNumeral(clause[end - 4]);
    num = HanNumeral(clause[end - 1]);
    begin = end - 4;
  } else {
    // a/b of ASCII digits, one or two each.
    size_t k = end;
    while (k > 0 && end - k < 2 && clause[k - 1] >= U'0' && clause[k - 1] <= U'9') --k;
    const size_t slash = k;
    if (k == end || slash == 0 || clause[slash - 1] != U'/') return false;
    size_t j = slash - 1;
    while (j > 0 && slash - 1 - j < 2 && clause[j - 1] >= U'0' && clause[j - 1] <= U'9') --j;
    if (j == slash - 1 || (j > 0 && clause[j - 1] >= U'0' && clause[j - 1] <= U'9')) return false;
    num = std::stoi(ToUtf8(clause.substr(j, slash - 1 - j)));
    den = std::stoi(ToUtf8(clause.substr(slash, end - slash)));
    begin = j;
  }
  if (num <= 0 || den <= 1 || num >= den) return false;
  std::u32string between = clause.substr(0, begin);
  // Words bounding the fraction: from below it is checked as a bound; about (约, 近) it is not checked.
  for (std::u32string_view w : {std::u32string_view(U"不低于"), std::u32string_view(U"不少于"),
                                std::u32string_view(U"超过"), std::u32string_view(U"逾"), std::u32string_view(U"超")}) {
    if (between.size() > w.size() && between.compare(between.size() - w.size(), w.size(), w) == 0) {
      between.resize(between.size() - w.size());
      begin = between.size();  // the quote takes the bound's word
      at_least = true;
      break;
    }
  }
  for (std::u32string_view w : {std::u32string_view(U"约"), std::u32string_view(U"近"), std::u32string_view(U"接近"),
                                std::u32string_view(U"将近"), std::u32string_view(U"不到"), std::u32string_view(U"不足")}) {
    if (between.size() > w.size() && between.compare(between.size() - w.size(), w.size(), w) == 0) return false;
  }
  if (!ShareOfTotal(between, total)) return false;
  claim->part = part;
  claim->base = total;
  claim->share = -1;
  claim->numerator = num;
  claim->denominator = den;
  claim->at_least = at_least;
  claim->offset = begin == 0 ? from : ends[begin - 1];
  claim->length = ends[(at_least && end < clause.size() ? clause.size() : end) - 1] - claim->offset;
  return true;
}

int RelationAnalysis::StatedShare(int part, int total, std::string_view text) const {
  const Figure& p = figures_[part];
  const Figure& t = figures_[total];
  if (p.kind != ESGAUDIT_FACT_QUANTITY || p.unit != t.unit || part + 1 >= static_cast<int>(figures_.size())) return -1;
  const Figure& share = figures_[part + 1];
  if (share.kind != ESGAUDIT_FACT_PERCENT || share.qualifiers != 0 || share.value <= 0 || share.value >= 100) return -1;
  const uint64_t from = p.wrapped_unit_end > 0 ? p.wrapped_unit_end : p.offset + p.length;
  if (from > share.offset || share.offset - from > 96 || share.offset > text.size()) return -1;
  std::u32string between;
  try {
    for (char32_t ch : U32(text.substr(from, share.offset - from))) {
      if (ch != U' ' && ch != U'\t' && ch != U'\n' && ch != U'\r' && ch != 0x3000) between.push_back(ch);
    }
  } catch (const std::exception&) {
    return -1;
  }
  return ShareOfTotal(between, total) ? part + 1 : -1;
}

void RelationAnalysis::FindSharesOfStatedParts(const sdk::Document& doc) {
  std::string_view text = doc.Text();
  for (const Relation& r : relations_) {
    if (r.evidence != Evidence::kStated || r.total < 0) continue;
    // Subsets stated by 其中 / 包括, by a count among the total's (10名高管中，女性高管为4名) or as a group of
    // the staff named after the headcount; not pairs of stages, rates or running totals, whose part
    // is no share of its total.
    if (r.kind == RelationKind::kSubset && r.cue != SubsetCue::kOfWhich && r.cue != SubsetCue::kIncluding &&
        r.cue != SubsetCue::kAmong && r.cue != SubsetCue::kStaffGroup) {
      continue;
    }
    if (r.kind == RelationKind::kPercentBreakdown) continue;
    const Figure& total = figures_[r.total];
    if (total.kind != ESGAUDIT_FACT_QUANTITY || total.unit.empty()) continue;
    for (int p : r.parts) {
      if (const int share = StatedShare(p, r.total, text); share >= 0) {
        share_claims_.push_back({p, r.total, share, Certainty::kLikely});
      } else if (ShareClaim c; StatedFraction(p, r.total, text, &c)) {
        c.certainty = Certainty::kLikely;
        share_claims_.push_back(c);
      }
    }
  }
}

void RelationAnalysis::LoadFigures(const sdk::Document& doc) {
  std::string_view text = doc.Text();
  std::string_view view = doc.MatchView();
  // The start (in the view) of the first age-class bound since the last figure, on `age_line`: the
  // next figure of the line takes the class into its label (35岁以下员工430人 -> 35岁以下员工).
  uint64_t age_from = 0;
  uint32_t age_line = UINT32_MAX;
  std::u32string before, after, wrapped;  // kept from figure to figure
  // A figure a quantity or percentage, less the few age-class bounds skipped below: reserved once, so the
  // list (a Figure a number, the analysis' largest) is neither doubled as it grows nor copied to trim it.
  {
    size_t numbers = 0;
    for (uint32_t i = 0; i < doc.FactCount(); ++i) {
      const uint32_t kind = doc.Fact(i).kind;
      numbers += kind == ESGAUDIT_FACT_QUANTITY || kind == ESGAUDIT_FACT_PERCENT;
    }
    figures_.reserve(numbers);
  }
  for (uint32_t i = 0; i < doc.FactCount(); ++i) {
    const esgaudit_fact& f = doc.Fact(i);
    if (f.kind != ESGAUDIT_FACT_QUANTITY && f.kind != ESGAUDIT_FACT_PERCENT) continue;
    {
      const esgaudit_line line = doc.Line(f.line);
      const uint64_t line_from = std::min<uint64_t>(doc.TextToView(line.offset), view.size());
      const uint64_t line_to = std::min<uint64_t>(doc.TextToView(line.offset + line.length), view.size());
      const uint64_t at = std::clamp<uint64_t>(doc.TextToView(f.offset), line_from, line_to);
      const uint64_t end = std::clamp<uint64_t>(doc.TextToView(f.offset + f.length), at, line_to);
      // Windows of a few code points each way, cut at code point boundaries.
      uint64_t from = std::max<uint64_t>(line_from, at >= 12 ? at - 12 : 0);
      while (from < at && (static_cast<unsigned char>(view[from]) & 0xC0) == 0x80) ++from;
      uint64_t to = std::min<uint64_t>(line_to, end + 24);
      while (to > end && to < view.size() && (static_cast<unsigned char>(view[to]) & 0xC0) == 0x80) --to;
      before.clear();
      after.clear();
      try {
        U32Append(view.substr(from, at - from), &before);
        U32Append(view.substr(end, to - end), &after);
      } catch (const std::exception&) {  // broken UTF-8 around the fact: no class read there
        before.clear();
        after.clear();
      }
      if (before.size() > 3) before.erase(0, before.size() - 3);
      if (AgeClassBound(f, before, after)) {
        if (age_line != f.line) {
          age_line = f.line;
          age_from = at;
        }
        continue;
      }
      // A class wrapped at the line's end (`30岁以` / `下189人`): its words read on into the next line,
      // whose first figure takes the class into its label.
      if (to == line_to && after.size() < 3 && f.line + 1 < doc.LineCount()) {
        const esgaudit_line next = doc.Line(f.line + 1);
        const uint64_t next_from = std::min<uint64_t>(doc.TextToView(next.offset), view.size());
        const uint64_t next_to = std::min<uint64_t>(doc.TextToView(next.offset + next.length), view.size());
        uint64_t cut = std::min<uint64_t>(next_to, next_from + 12);
        while (cut > next_from && cut < view.size() && (static_cast<unsigned char>(view[cut]) & 0xC0) == 0x80) --cut;
        wrapped = after;
        try {
          U32Append(view.substr(next_from, cut - next_from), &wrapped);
        } catch (const std::exception&) {
          wrapped.clear();
        }
        if (!wrapped.empty() && AgeClassBound(f, before, wrapped)) {
          age_line = f.line + 1;
          age_from = at;
          continue;
        }
      }
    }
    Figure g;
    g.index = i;
    g.offset = f.offset;
    g.length = f.length;
    g.line = f.line;
    g.column = f.column;
    g.kind = f.kind;
    g.qualifiers = f.qualifiers;
    g.value = f.value;
    g.decimals = f.decimals;
    g.magnitude = f.magnitude;
    g.unit = sdk::View(f.unit);
    // Spaces dropped (letter-spacing, "21 %"), but one kept before an English word ("300 women").
    std::string printed;
    std::string_view raw = text.substr(f.offset, f.length);
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] != ' ' && raw[k] != '\t') {
        printed.push_back(raw[k]);
        continue;
      }
      size_t n = k;
      while (n < raw.size() && (raw[n] == ' ' || raw[n] == '\t')) ++n;
      bool latin_next = n < raw.size() && std::isalpha(static_cast<unsigned char>(raw[n]));
      bool prev_ok = !printed.empty() && std::isalnum(static_cast<unsigned char>(printed.back()));
      if (latin_next && prev_ok) printed.push_back(' ');
      k = n - 1;
    }
    g.text = printed;
    {
      std::string_view view = doc.MatchView();
      const esgaudit_line line = doc.Line(f.line);
      uint64_t from = std::min<uint64_t>(doc.TextToView(f.offset + f.length), view.size());
      uint64_t to = std::min<uint64_t>(doc.TextToView(line.offset + line.length), view.size());
      std::string_view rest = view.substr(from, to > from ? std::min<uint64_t>(to - from, 64) : 0);
      size_t bytes = 0;
      for (int cps = 0; bytes < rest.size() && cps < 8; ++cps) {
        unsigned char c = static_cast<unsigned char>(rest[bytes]);
        bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      }
      g.after = rest.substr(0, std::min(bytes, rest.size()));
    }
    // The model's label from outside the number's text: an infographic figure's whole label (a
    // split label's pieces joined), in a table its column's header (a period in a time series,
    // which names no figure).
    std::string column(sdk::View(f.column_label));
    std::string label(sdk::View(f.label));
    const esgaudit_line_structure ls = doc.LineStructure(f.line);
    const bool in_table = ls.table != ESGAUDIT_NO_INDEX;
    if (in_table && ls.table < doc.TableCount() && doc.Table(ls.table).kind == ESGAUDIT_TABLE_TIME_SERIES) {
      column.clear();
    }
    // "300 women": the category is the English unit word, not the words before the number.
    std::string unit_text(sdk::View(f.unit_text));
    if (Categorise(unit_text).first >= 0 && Categorise(label).first < 0) label = column = unit_text;
    // A short in-line label is a fragment: a figure's label ("申请专" above "利89项" -> "申请专利")
    // replaces it, a table's header goes before it.
    if (Cps(label) <= 2 && !column.empty() && !in_table) {
      g.label = column;
    } else {
      g.label = Cps(label) <= 2 ? column + label : (label.empty() ? column : label);
    }
    if (age_line == f.line) {
      // The words from the class's first bound to the figure, when no punctuation parts them.
      const uint64_t at = std::min<uint64_t>(doc.TextToView(f.offset), view.size());
      std::string cls(view.substr(age_from, at > age_from ? at - age_from : 0));
      cls.erase(std::remove_if(cls.begin(), cls.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r'; }),
                cls.end());
      const bool parted = cls.find_first_of(",;:()\t") != std::string::npos || Has(cls, "，") || Has(cls, "。") ||
                          Has(cls, "；") || Has(cls, "、") || Has(cls, "：") || Has(cls, "（") || Has(cls, "）");
      if (!cls.empty() && !parted && Cps(cls) <= 16) g.label = cls;
      age_line = UINT32_MAX;
    }
    // Sums work on magnitudes; counts (人, 项, 家 ...) printed as whole numbers are exact.
    const Interval iv = PrintedInterval(f, /*exact_counts=*/true);
    g.low = f.value < 0 ? -iv.hi : iv.lo;
    g.high = f.value < 0 ? -iv.lo : iv.hi;
    g.low = std::max(g.low, 0.0);  // sums work on magnitudes: a printed 0 stands for no negative amount
    // So is a whole number printed bare in a table whose column header or unit line says it counts
    // things (检查次数, 投诉数量（件）, 单位：人); a time series' columns are periods, its rows are judged
    // by FindModelTables.
    if (in_table && CountCandidate(g) && ls.table < doc.TableCount()) {
      const esgaudit_table& tb = doc.Table(ls.table);
      const std::string header(sdk::View(f.column_label));
      const std::string table_unit(sdk::View(tb.unit));
      if (tb.kind != ESGAUDIT_TABLE_TIME_SERIES && CountedByContext(header, table_unit)) {
        g.low = g.high = g.value;
        g.context_count = true;
      }
    }
    figures_.push_back(std::move(g));
  }
}

// "具有中级以上职称的员工\n48人": text from a PDF breaks a sentence at the column's width, and the words
// naming a figure may end the line above the one the figure opens. A figure with no label that opens
// its line, under a line of prose, gets as its wrapped_label the words ending the line above, back to
// that line's last punctuation mark or space, when they end with a Han character, hold no digit and
// are at most kWrappedLabelPoints code points (a line ending in punctuation ends its clause there).
void RelationAnalysis::TakeWrappedLabels(const sdk::Document& doc) {
  constexpr size_t kWrappedLabelPoints = 24;
  const std::u32string stops = U"，,、；;：:。！？!?（()）“”\"　 \t";
  std::string_view text = doc.Text();
  for (Figure& f : figures_) {
    if (!f.label.empty() || f.line == 0 || f.line >= doc.LineCount()) continue;
    // The line above is running text; the figure's may be too short for the model to call it so.
    const uint32_t role = doc.LineStructure(f.line).role;
    if (doc.LineStructure(f.line - 1).role != ESGAUDIT_ROLE_PROSE ||
        (role != ESGAUDIT_ROLE_PROSE && role != ESGAUDIT_ROLE_OTHER)) {
      continue;
    }
    const esgaudit_line line = doc.Line(f.line);
    if (f.offset < line.offset || !sdk::Trim(text.substr(line.offset, f.offset - line.offset)).empty()) continue;
    const esgaudit_line above = doc.Line(f.line - 1);
    const std::string_view trimmed = sdk::Trim(text.substr(above.offset, above.length));
    const std::u32string words = U32(trimmed);
    size_t from = words.size();
    while (from > 0 && stops.find(words[from - 1]) == std::u32string::npos) --from;
    const std::u32string tail = words.substr(from);
    if (tail.empty() || tail.size() > kWrappedLabelPoints || tail.back() < 0x4E00 || tail.back() >= 0xA000) continue;
    auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); };
    if (std::any_of(tail.begin(), tail.end(), digit)) continue;
    // The words as the line prints them (a view of the text), else as decoded (a copy kept).
    std::string words_utf8 = ToUtf8(tail);
    if (EndsWith(trimmed, words_utf8)) {
      f.wrapped_label = trimmed.substr(trimmed.size() - words_utf8.size());
    } else {
      f.wrapped_label = std::string_view(kept_texts_.emplace_back(std::move(words_utf8)));
    }
  }
}

// "长途车138\n对。": text from a PDF breaks a paragraph at the column's width, and a figure's unit may
// go to the next line. A figure of prose with no unit that ends its line takes the unit another figure
// of the report prints in full ("253对", "336,702万股"), when the next non-blank line opens with that
// unit followed by no digit, nor by a Han character after a unit of one or two (项目 is a word, not 项;
// "亿股A股", "股（H股）", "亿欧元收购" are the unit). A figure that kept its magnitude on its own line ("34.95亿\n股") takes the rest
// of a unit printed with that magnitude. Units of dates (年, 月, 日) are left alone: a year parted
// from its 年 is no quantity.
void RelationAnalysis::TakeWrappedUnits(const sdk::Document& doc) {
  auto cjk = [](char32_t c) { return c >= 0x3400 && c < 0xA000; };
  std::map<std::u32string, size_t> printed;  // a unit as printed -> the first figure printing it
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& g = figures_[i];
    if (g.kind != ESGAUDIT_FACT_QUANTITY || g.unit.empty() || g.qualifiers != 0) continue;
    const std::u32string t = U32(g.text);
    size_t k = 0;
    while (k < t.size() && ((t[k] >= U'0' && t[k] <= U'9') || t[k] == U'.' || t[k] == U',')) ++k;
    const std::u32string unit = t.substr(k);
    if (k == 0 || unit.empty() || unit.size() > 4 || !std::all_of(unit.begin(), unit.end(), cjk)) continue;
    if (unit == U"年" || unit == U"月" || unit == U"日") continue;
    printed.emplace(unit, i);
  }
  if (printed.empty()) return;
  std::string_view text = doc.Text();
  for (Figure& f : figures_) {
    if (f.kind != ESGAUDIT_FACT_QUANTITY || !f.unit.empty() || f.qualifiers != 0) continue;
    if (doc.LineStructure(f.line).role != ESGAUDIT_ROLE_PROSE) continue;
    // The magnitude printed after the digits ("34.95亿"): a model's unit must open with it.
    const std::u32string own = U32(f.text);
    size_t digits = 0;
    while (digits < own.size() && ((own[digits] >= U'0' && own[digits] <= U'9') || own[digits] == U'.' || own[digits] == U',')) {
      ++digits;
    }
    const std::u32string own_magnitude = own.substr(digits);
    if (!own_magnitude.empty() && f.magnitude == 1) continue;
    if (f.after.find_first_not_of(" \t") != std::string::npos) continue;
    for (uint32_t n = f.line + 1; n <= f.line + 2 && n < doc.LineCount(); ++n) {
      const esgaudit_line line = doc.Line(n);
      const std::string_view whole = text.substr(line.offset, line.length);
      size_t bytes = 0;  // the first 16 code points
      for (int cps = 0; bytes < whole.size() && cps < 16; ++cps) {
        const unsigned char c = static_cast<unsigned char>(whole[bytes]);
        bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      }
      std::u32string head = U32(whole.substr(0, std::min(bytes, whole.size())));
      const size_t blanks = head.find_first_not_of(U" \t\u3000");
      head.erase(0, blanks);
      if (head.empty() || head.find_first_not_of(U" \t\u3000") == std::u32string::npos) continue;
      const Figure* model = nullptr;
      size_t best = 0;
      for (const auto& [unit, i] : printed) {
        // The part of the model's unit the next line must open with: after the figure's own
        // magnitude, which the model must print with the same factor.
        if (unit.size() <= own_magnitude.size() || unit.compare(0, own_magnitude.size(), own_magnitude) != 0) continue;
        if (!own_magnitude.empty() && figures_[i].magnitude != f.magnitude) continue;
        const size_t rest = unit.size() - own_magnitude.size();
        if (rest <= best || head.compare(0, rest, unit, own_magnitude.size(), rest) != 0) continue;
        // A Han character after a unit of one or two (项目 is a word, not 项; 万吨级 a class, not 万吨);
        // a longer unit is no word's beginning (亿欧元收购30%股权), unless it goes on as a longer unit or
        // a class (万千瓦 in 万千瓦时, 万千瓦级).
        if (head.size() > rest) {
          const char32_t next = head[rest];
          const bool word = cjk(next) && (unit.size() < 3 || next == U'时' || next == U'级');
          if (word || (next >= U'0' && next <= U'9')) continue;
        }
        model = &figures_[i];
        best = rest;
      }
      if (model != nullptr) {
        const double mag = model->magnitude > 0 ? model->magnitude : 1;
        f.unit = model->unit;
        if (own_magnitude.empty()) {
          f.magnitude = mag;
          f.value *= mag;
        }
        const bool exact = f.decimals == 0 && mag == 1 && IsCountUnit(f.unit);
        const Interval iv = exact ? Interval{f.value, f.value} : ExactInterval(f.value, f.decimals, mag);
        f.low = iv.lo;
        f.high = iv.hi;
        const std::u32string mt = U32(model->text);
        f.text += ToUtf8(mt.substr(mt.size() - best));
        // The unit's bytes on the next line: after its blanks, `best` code points.
        const std::u32string taken = U32(whole.substr(0, std::min(bytes, whole.size()))).substr(0, blanks + best);
        f.wrapped_unit_end = line.offset + ToUtf8(taken).size();
      }
      break;
    }
  }
}

Relation RelationAnalysis::Stated(RelationKind kind, int total, std::vector<int> parts) const {
  Relation r;
  r.kind = kind;
  r.evidence = Evidence::kStated;
  r.total = total;
  if (total >= 0) r.caption = figures_[total].label;
  r.parts = std::move(parts);
  SumParts(&r);
  const double tlo = total >= 0 ? figures_[total].low : 100, thi = total >= 0 ? figures_[total].high : 100;
  r.consistent = kind == RelationKind::kSubset ? WithinTotal(r.sum_low, r.sum_high, tlo, thi)
                                               : RangesMeet(r.sum_low, r.sum_high, tlo, thi);
  return r;
}

void RelationAnalysis::SumParts(Relation* r) const {
  r->sum_low = 0;
  r->sum_high = 0;
  for (int p : r->parts) {
    r->sum_low += figures_[p].low * r->parts_scale;
    r->sum_high += figures_[p].high * r->parts_scale;
  }
}

bool RelationAnalysis::LayoutSum(Relation* r, double total_low, double total_high) const {
  SumParts(r);
  r->consistent = RangesMeet(r->sum_low, r->sum_high, total_low, total_high);
  r->flag = !r->consistent;
  return r->consistent;
}

bool RelationAnalysis::NearOrSlip(Relation* r, double total_low, double total_high, double above, double below,
                                  bool proven) const {
  r->slip_part = -1;
  r->slip_power = 0;
  if (r->sum_low <= above * total_high && r->sum_high >= below * total_low) return true;
  // The total's last printed digit (or its rounding, if wider; or its column's, if narrower:
  // ShortDecimalsToColumnPrecision) within 10 % of it: two digits.
  double step = total_high - total_low;
  if (r->total >= 0) {
    const Figure& t = figures_[r->total];
    const double digit = std::pow(10.0, -t.decimals) * t.magnitude;
    const bool column_precision = short_decimals_.count(r->total) > 0;  // read to its column's decimals
    if (!column_precision) step = std::max(step, digit);
  }
  // Shares of 100 % are left out: rates per category foot by chance once one is read ten times smaller.
  if (r->total < 0 || r->parts.size() < 2 || total_low <= 0) return false;
  if (step > 0.1 * (total_low + total_high) / 2 && !proven) {
    // A total of one digit: only a lone non-zero part printing its digits 10^k times over.
    int lone = -1;
    for (int q : r->parts) {
      if (figures_[q].value == 0) continue;
      if (lone >= 0) return false;
      lone = q;
    }
    const double t = figures_[r->total].value;
    if (lone < 0 || t <= 0 || figures_[lone].value <= 0) return false;
    const double k = std::round(std::log10(figures_[lone].value / t));
    if (k == 0 || std::fabs(k) > 3 || std::fabs(figures_[lone].value - t * std::pow(10.0, k)) > 1e-9 * figures_[lone].value) {
      return false;
    }
  }
  return OneSlipFoots(r, total_low, total_high);
}

namespace {

// Zeros ending a whole number as printed (277,510: one). Read 10^k times smaller for k down to minus
// their count, those zeros may have been added to it, and the figure meant keeps the rounding of the
// digits before them (27,751 ± 0.5, not 27,751.0 ± 0.05) when they are three or more (30 read as
// 3 ± 0.5 meets many a small total by chance): 0 otherwise.
int AddableZeros(const Figure& p) {
  if (p.decimals != 0 || p.magnitude <= 0) return 0;
  int zeros = 0;
  double v = std::round(p.value / p.magnitude);
  for (; v >= 10 && std::fmod(v, 10.0) == 0 && zeros < 8; v /= 10) ++zeros;
  return v < 100 ? 0 : zeros;
}

}  // namespace

bool RelationAnalysis::TotalSlipFoots(Relation* r) const {
  r->slip_total = false;
  if (r->total < 0 || r->consistent) return false;
  const Figure& t = figures_[r->total];
  if (t.value <= 0 || std::count_if(r->parts.begin(), r->parts.end(), [&](int q) { return figures_[q].value != 0; }) < 2) {
    return false;
  }
  // Three significant digits or more as printed (a total of one or two digits foots by chance).
  if (std::round(t.value / t.magnitude * std::pow(10.0, t.decimals)) < 100) return false;
  int found = 0, power = 0;
  const int zeros = AddableZeros(t);
  for (int k : {1, -1, 2, -2, 3, -3}) {
    const double f = std::pow(10.0, k);
    double lo = t.low * f, hi = t.high * f;
    if (k < 0 && -k <= zeros) {
      lo = std::min(lo, t.value * f - 0.5 * t.magnitude);
      hi = std::max(hi, t.value * f + 0.5 * t.magnitude);
    }
    if (lo <= r->sum_high && r->sum_low <= hi) {
      ++found;
      power = k;
    }
  }
  if (found != 1) return false;
  r->slip_total = true;
  r->slip_part = -1;
  r->slip_power = power;
  return true;
}

bool RelationAnalysis::OneSlipFoots(Relation* r, double total_low, double total_high) const {
  r->slip_part = -1;
  r->slip_power = 0;
  double printed_sum = 0;
  for (int q : r->parts) printed_sum += figures_[q].value * r->parts_scale;
  int found = 0, part = -1, power = 0;
  int found_printed = 0, part_printed = -1, power_printed = 0;  // the readings footing at printed values
  for (size_t i = 0; i < r->parts.size(); ++i) {
    const Figure& p = figures_[r->parts[i]];
    const double low = p.low * r->parts_scale, high = p.high * r->parts_scale;
    const double others_low = r->sum_low - low, others_high = r->sum_high - high;
    // A zero read 10^k times is zero: only the interval its column's precision gave it would grow.
    if (p.value == 0) continue;
    const double others_printed = printed_sum - p.value * r->parts_scale;
    // The others make the total without this part: it adds nothing to see. Others that are all
    // printed zeros make it only by their rounding (a zero of a whole-number column may be 0.4):
    // then the part alone against the total is what the row says, and it is read.
    const bool others_zero = std::all_of(r->parts.begin(), r->parts.end(), [&](int q) {
      return q == r->parts[i] || figures_[q].value == 0;
    });
    if (others_low <= total_high && total_low <= others_high && !others_zero) continue;
    const int trailing_zeros = AddableZeros(p);
    for (int k : {1, -1, 2, -2, 3, -3, 4, -4, 8, -8}) {
      const double f = std::pow(10.0, k);
      double lo = low * f, hi = high * f;
      if (k < 0 && -k <= trailing_zeros) {
        const double half = 0.5 * p.magnitude * r->parts_scale, meant = p.value * r->parts_scale * f;
        lo = std::min(lo, meant - half);
        hi = std::max(hi, meant + half);
      }
      if (others_low + lo <= total_high && total_low <= others_high + hi) {
        ++found;
        part = static_cast<int>(i);
        power = k;
        if (others_printed + lo <= total_high && total_low <= others_printed + hi) {
          ++found_printed;
          part_printed = part;
          power_printed = k;
        }
      }
    }
  }
  if (found > 1 && found_printed == 1) {
    found = 1;
    part = part_printed;
    power = power_printed;
  }
  if (found != 1) return false;  // none, or two readings: no slip to name
  r->slip_part = part;
  r->slip_power = power;
  return true;
}

bool RelationAnalysis::NearHundredOrSlip(Relation* r) const {
  if (r->sum_low <= 100 + kPlausible && r->sum_high >= 100 - kPlausible) return true;
  return ShareSlip(r);
}

bool RelationAnalysis::ShareSlip(Relation* r) const {
  if (!OneSlipFoots(r, 100, 100) || r->slip_power >= 0 || r->slip_power < -2 ||
      figures_[r->parts[r->slip_part]].value == 100) {
    r->slip_part = -1;
    r->slip_power = 0;
    return false;
  }
  return true;
}

bool RelationAnalysis::TableSum(int total, std::vector<int> parts, std::string caption, Relation* out,
                                bool proven) const {
  Relation& r = *out;
  r = Relation();
  r.kind = RelationKind::kPartsTotal;
  r.evidence = Evidence::kTable;
  r.certainty = Certainty::kCertain;
  r.total = total;
  r.caption = std::move(caption);
  r.parts = std::move(parts);
  SumParts(&r);
  const Figure& t = figures_[total];
  r.consistent = RangesMeet(r.sum_low, r.sum_high, t.low, t.high);
  r.flag = !r.consistent && NearOrSlip(&r, t.low, t.high, 2, 0.5, proven);
  return r.consistent || r.flag;
}

std::set<int> RelationAnalysis::FiguresInRelations() const {
  std::set<int> related;
  for (const Relation& r : relations_) {
    if (r.total >= 0) related.insert(r.total);
    related.insert(r.parts.begin(), r.parts.end());
  }
  return related;
}

const std::map<uint32_t, std::vector<int>>& RelationAnalysis::FiguresByLine(bool by_offset) const {
  std::map<uint32_t, std::vector<int>>& on_line = figures_by_line_[by_offset];
  if (figures_by_line_count_[by_offset] == figures_.size()) return on_line;
  on_line.clear();
  for (size_t i = 0; i < figures_.size(); ++i) on_line[figures_[i].line].push_back(static_cast<int>(i));
  if (by_offset) {
    for (auto& [line, figs] : on_line) {
      std::sort(figs.begin(), figs.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
    }
  }
  figures_by_line_count_[by_offset] = figures_.size();
  return on_line;
}

void RelationAnalysis::DropFiguresFrom(size_t base) {
  figures_.resize(base);
  figures_by_line_count_[0] = figures_by_line_count_[1] = figure_at_count_ = figures_by_view_count_ = SIZE_MAX;
}

const std::map<uint64_t, int>& RelationAnalysis::FigureAt() const {
  if (figure_at_count_ == figures_.size()) return figure_at_;
  figure_at_.clear();
  for (size_t i = 0; i < figures_.size(); ++i) figure_at_.emplace(figures_[i].offset, static_cast<int>(i));
  figure_at_count_ = figures_.size();
  return figure_at_;
}

const std::vector<std::pair<uint64_t, int>>& RelationAnalysis::FiguresByView(const sdk::Document& doc) const {
  if (figures_by_view_count_ == figures_.size()) return figures_by_view_;
  figures_by_view_.clear();
  for (size_t i = 0; i < figures_.size(); ++i) {
    figures_by_view_.emplace_back(doc.TextToView(figures_[i].offset), static_cast<int>(i));
  }
  std::sort(figures_by_view_.begin(), figures_by_view_.end());
  figures_by_view_count_ = figures_.size();
  return figures_by_view_;
}

bool RelationAnalysis::Summed(int total) const {
  return std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) { return o.total == total; });
}

bool RelationAnalysis::IsPart(int figure) const {
  return std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) {
    return std::find(o.parts.begin(), o.parts.end(), figure) != o.parts.end();
  });
}

void RelationAnalysis::Add(Relation r) {
  SumParts(&r);
  const double lo = r.sum_low, hi = r.sum_high;
  double tlo = 100;
  double thi = 100;
  if (r.total >= 0) {
    tlo = figures_[r.total].low;
    thi = figures_[r.total].high;
  }
  if (r.kind == RelationKind::kSubset) {
    // One part, or an open set's named kinds (relation_prose_tokens.cc): their sum within the total.
    r.consistent = WithinTotal(lo, hi, tlo, thi);
  } else {
    r.consistent = RangesMeet(lo, hi, tlo, thi);
  }
  // Off only at the column precision a member was read to: likely, not certain.
  if (!r.consistent && r.flag && !short_decimals_.empty()) {
    auto own = [&](int f, double* l, double* h) {
      auto it = short_decimals_.find(f);
      if (it == short_decimals_.end()) return 0;
      *l = it->second.low;
      *h = it->second.high;
      return it->second.decimals;
    };
    double olo = 0, ohi = 0;
    int decimals = 0;
    for (int p : r.parts) {
      double l = figures_[p].low, h = figures_[p].high;
      decimals = std::max(decimals, own(p, &l, &h));
      olo += l * r.parts_scale;
      ohi += h * r.parts_scale;
    }
    double otlo = tlo, othi = thi;
    if (r.total >= 0) decimals = std::max(decimals, own(r.total, &otlo, &othi));
    if (decimals > 0 && RangesMeet(olo, ohi, otlo, othi)) {
      r.certainty = Certainty::kLikely;
      r.column_decimals = decimals;
    }
  }
  // One relation per set of figures.
  for (const Relation& o : relations_) {
    if (o.total == r.total && o.parts == r.parts) return;
  }
  relations_.push_back(std::move(r));
}

bool RelationAnalysis::ShortOfAnOpenSet(const Relation& r, bool closed) const {
  if (closed || r.consistent || r.total < 0) return false;
  return r.sum_high < figures_[r.total].low;
}

bool RelationAnalysis::AlongDifferentDimensions(const std::vector<int>& parts) const {
  std::vector<std::set<size_t>> named;
  for (int p : parts) {
    const std::string_view unit = figures_[p].unit;
    std::set<size_t> d = DimensionsNamed(figures_[p].label, PeopleUnit(unit));
    if (!d.empty()) named.push_back(std::move(d));
  }
  for (size_t i = 0; i < named.size(); ++i) {
    for (size_t j = i + 1; j < named.size(); ++j) {
      if (std::none_of(named[i].begin(), named[i].end(), [&](size_t d) { return named[j].count(d) > 0; })) {
        return true;
      }
    }
  }
  return false;
}

bool RelationAnalysis::GroupsOfAHeadcount(int total, const std::vector<int>& parts) const {
  if (total < 0 || parts.size() < 2 || !PeopleUnit(figures_[total].unit)) return false;
  const std::string& label = figures_[total].label;
  if (std::none_of(std::begin(kStaffNouns), std::end(kStaffNouns), [&](const char* w) { return Has(label, w); })) {
    return false;
  }
  std::set<int> dims;
  for (int p : parts) {
    const Figure& g = figures_[p];
    const int d = Categorise(g.label.empty() ? g.wrapped_label : g.label).first;
    if (g.unit != figures_[total].unit || d < 0) return false;
    dims.insert(d);
  }
  return dims.size() >= 2;
}

RelationAnalysis::Categories RelationAnalysis::CategoriesOf(const std::vector<int>& parts) const {
  std::set<std::string> cats;
  int dim = -2;
  for (int p : parts) {
    auto [d, cat] = Categorise(figures_[p].label);
    if (d < 0 || (dim != -2 && d != dim)) {
      dim = -1;
      break;
    }
    dim = d;
    cats.insert(cat);
  }
  Categories out;
  out.same_dimension = dim >= 0 && cats.size() == parts.size();
  if (out.same_dimension && Dimensions()[dim].closed) {
    std::set<std::string> all;
    for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
    out.complete = all == cats;
  }
  return out;
}

// Whether a stated relation that does not add up is certain enough to report: parts adding up to
// more than their total when they are listed as peers (、) or are categories of one dimension, and
// the sum is near the total or one part's slip explains it (NearOrSlip; shares of a whole: within
// kPlausible points of 100 % or a slip, NearHundredOrSlip), or they name every category of a closed
// dimension (男/女) or hold a part alone above the total, and stay within kCompleteSetReach times it;
// less than it only when they name every category of a closed dimension.
bool RelationAnalysis::Reportable(Relation* rel, bool enumerated) const {
  const Relation& r = *rel;
  if (r.consistent) return false;
  const auto [same_dim, complete] = CategoriesOf(r.parts);
  double total_high = r.total >= 0 ? figures_[r.total].high : 100;
  double total_low = r.total >= 0 ? figures_[r.total].low : 100;
  if (r.sum_low > total_high) {
    if (r.total < 0) return (enumerated || same_dim) && NearHundredOrSlip(rel);
    if (!enumerated && !same_dim) return false;
    return NearOrSlip(rel, total_low, total_high) || FarAboveYetOff(r, complete);
  }
  if (r.sum_high < total_low) {
    if (r.total < 0 && r.sum_high < 100 - kPlausible) return false;
    return complete;
  }
  return false;
}

bool RelationAnalysis::FarAboveYetOff(const Relation& r, bool complete) const {
  if (r.total < 0) return false;
  const double total_high = figures_[r.total].high;
  if (r.sum_low <= total_high || r.sum_low > kCompleteSetReach * total_high) return false;
  return complete || std::any_of(r.parts.begin(), r.parts.end(),
                                 [&](int p) { return figures_[p].low * r.parts_scale > total_high; });
}

RelationAnalysis::PartNaming RelationAnalysis::NamingOf(int total, const std::vector<int>& parts) const {
  PartNaming out;
  std::u32string common;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::u32string stem = LabelStem(figures_[parts[k]].label);
    for (const char* other : {"其他", "其它", "其余", "other"}) {
      if (Has(Lower(figures_[parts[k]].label), other)) out.closed = k + 1 == parts.size();
    }
    if (k == 0) {
      common = stem;
      continue;
    }
    size_t n = 0;
    while (n < common.size() && n < stem.size() && common[common.size() - 1 - n] == stem[stem.size() - 1 - n]) ++n;
    common = common.substr(common.size() - n);
  }
  // The counted noun the parts share ("监事", "面积") stands in the total's label or just after it.
  if (common.size() >= 2 && common.size() < 12) {
    std::u32string noun = common.substr(common.size() - 2);
    if (noun[0] >= 0x4E00 && noun[1] >= 0x4E00) {
      const Figure& t = figures_[total];
      std::u32string around = U32(t.label) + U32(t.after);
      out.names_total = around.find(noun) != std::u32string::npos;
    }
  }
  return out;
}

std::string RelationAnalysis::SumText(const Relation& r) const {
  const Figure& first = figures_[r.parts[0]];
  double sum = 0;
  for (int p : r.parts) sum += figures_[p].value / first.magnitude;
  return AmountText(r, sum) + r.parts_unit;
}

std::string RelationAnalysis::ShortfallText(const Relation& r) const {
  const Figure& first = figures_[r.parts[0]];
  double sum = 0;
  // Values are in base units already (magnitude applied); the gap is printed in the first part's unit.
  for (int p : r.parts) sum += figures_[p].value * r.parts_scale;
  const double whole = r.total >= 0 ? figures_[r.total].value : 100;
  return AmountText(r, (whole - sum) / (first.magnitude * r.parts_scale)) + r.parts_unit;
}

std::string RelationAnalysis::SlipText(const Relation& r, bool english) const {
  if (r.slip_total && r.total >= 0) {
    const Figure& t = figures_[r.total];
    const std::string power = "10^" + std::to_string(std::abs(r.slip_power));
    if (english) {
      return "; with the total " + t.text + (r.slip_power > 0 ? " multiplied" : " divided") + " by " + power +
             " it matches the parts (a likely magnitude slip)";
    }
    return "；若合计" + t.text + (r.slip_power > 0 ? "乘以 " : "除以 ") + power + "，即与分项之和相符（疑似数量级错位）";
  }
  if (r.slip_part < 0) return std::string();
  const Figure& p = figures_[r.parts[r.slip_part]];
  const std::string power = "10^" + std::to_string(std::abs(r.slip_power));
  if (english) {
    return "; with " + (p.label.empty() ? std::string() : "'" + p.label + "' ") + p.text +
           (r.slip_power > 0 ? " multiplied" : " divided") + " by " + power + " the parts add up (a likely magnitude slip)";
  }
  return "；若" + (p.label.empty() ? std::string() : "“" + p.label + "”") + p.text +
         (r.slip_power > 0 ? "乘以 " : "除以 ") + power + "，分项之和即与合计相符（疑似数量级错位）";
}

std::string RelationAnalysis::AmountText(const Relation& r, double amount) const {
  const Figure& first = figures_[r.parts[0]];
  int decimals = 0;
  bool grouped = false;
  for (int p : r.parts) {
    decimals = std::max(decimals, figures_[p].decimals);
    grouped = grouped || figures_[p].text.find(',') != std::string::npos;
  }
  if (r.total >= 0) grouped = grouped || figures_[r.total].text.find(',') != std::string::npos;
  std::string digits = Format(amount, decimals);
  if (grouped) {
    size_t point = digits.find('.');
    long end = static_cast<long>(point == std::string::npos ? digits.size() : point);
    for (long k = end - 3; k > 0; k -= 3) digits.insert(static_cast<size_t>(k), ",");
  }
  // The printed unit is whatever follows the digits of the parts ("项", "%", "万吨"); the first part's
  // when they print one unit in different multiples (38万立方米 + 68.33立方米: the amount is in the
  // first part's multiple); none when they print different words ("300 women" + "880 men").
  auto suffix = [](const std::string& t) {
    size_t k = 0;
    while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' ||
                            t[k] == ',' || t[k] == '-')) {
      ++k;
    }
    return t.substr(k);
  };
  // The unit without a leading multiple (万立方米 -> 立方米).
  auto bare = [](std::string_view t) {
    for (std::string_view m : {"百万", "千万", "万", "亿", "千", "百"}) {
      if (t.substr(0, m.size()) == m) return t.substr(m.size());
    }
    return t;
  };
  const std::string unit = suffix(first.text);
  for (int p : r.parts) {
    const std::string own = suffix(figures_[p].text);
    if (own != unit && (first.unit.empty() || figures_[p].unit != first.unit || bare(own) != bare(unit))) {
      return digits;
    }
  }
  return digits + unit;
}

// A table's sums are read one row at a time, each within the rounding of its printed figures (2 stands
// for 1.5 to 2.5). The table itself says more: when a total cell equals the sum of the same run of
// cells in row after row exactly as printed, its figures were added as printed, and a row of the same
// layout that holds only within rounding (1.3 + 3 + 2 against 5.3) is off. The bar:
// - a layout: a table sum (certain, evidence kTable) whose total and parts stand on one line, keyed by
//   the line's number of figures and the places of the total and the parts among them; rows of one
//   layout at most 12 lines apart (a page break between) are one table;
// - one unit and magnitude in a row, no approximation, no percentage;
// - at least four rows that add up exactly and prove something: not all zeros, nor a run holding a
//   single non-zero cell equal to the total;
// - rows not adding up exactly (flagged already or not) at most one, or a tenth of the rows.
// Each row off only within rounding, and by more than one unit of the last decimal its figures print
// (11.91 + 11.91 + 0.04 against 23.87 is rounding of the kind every table shows), is then flagged as a
// warning: rounding of a whole number may still explain it. A table whose exact rows add whole numbers
// to decimals (80 + 1,653 + 92.34 = 1,825.34) prints its figures without trailing zeros: its whole
// numbers are exact, so a row of whole numbers alone (5 + 11 + 0 against 15) is measured in the unit of
// the finest decimal those rows print. A row printing decimals (2.5 + 3.3 against 5.7) may be rounded
// to them and keeps its own unit.
void RelationAnalysis::FlagRowsOffExactTables() {
  const auto& on_line = FiguresByLine(true);
  struct Row {
    size_t relation;
    uint32_t line;
    bool exact;
    bool proves;
    bool beyond_last_digit;
    int decimals;  // the most any member prints
    bool mixed;  // a member prints no decimal beside one that does
    double off;  // sum minus total, as printed
  };
  std::map<std::vector<int>, std::vector<Row>> layouts;
  for (size_t i = 0; i < relations_.size(); ++i) {
    const Relation& r = relations_[i];
    if (r.kind != RelationKind::kPartsTotal || r.evidence != Evidence::kTable || r.certainty != Certainty::kCertain ||
        r.total < 0 || r.parts.size() < 2) {
      continue;
    }
    const Figure& t = figures_[r.total];
    auto line = on_line.find(t.line);
    if (line == on_line.end()) continue;
    const std::vector<int>& figs = line->second;
    auto place = [&](int f) -> int {
      auto it = std::find(figs.begin(), figs.end(), f);
      return it == figs.end() ? -1 : static_cast<int>(it - figs.begin());
    };
    std::vector<int> key = {static_cast<int>(figs.size()), place(r.total)};
    int decimals = 0;
    bool plain = true, whole = false;
    for (int f : r.parts) key.push_back(place(f));
    std::vector<int> members = r.parts;
    members.push_back(r.total);
    for (int f : members) {
      const Figure& g = figures_[f];
      plain = plain && g.line == t.line && g.kind == ESGAUDIT_FACT_QUANTITY && g.qualifiers == 0 && g.unit == t.unit &&
              g.magnitude == t.magnitude && g.value >= 0;
      decimals = std::max(decimals, std::max(0, static_cast<int>(g.decimals)));
      whole = whole || g.decimals <= 0;
    }
    if (!plain || decimals > 6 || std::count(key.begin(), key.end(), -1) > 0) continue;
    const double scale = std::pow(10.0, decimals);
    auto scaled = [&](int f) { return std::llround(figures_[f].value * scale); };
    long long sum = 0;
    int nonzero = 0;
    bool equal_single = false;
    for (int f : r.parts) {
      const long long v = scaled(f);
      sum += v;
      if (v != 0) {
        ++nonzero;
        equal_single = v == scaled(r.total);
      }
    }
    const bool exact = sum == scaled(r.total);
    const bool proves = exact && scaled(r.total) != 0 && !(nonzero == 1 && equal_single);
    const long long off = sum - scaled(r.total);
    layouts[key].push_back({i, t.line, exact, proves, off > 1 || off < -1, decimals, whole && decimals > 0,
                            static_cast<double>(off) / scale});
  }
  for (auto& [key, rows] : layouts) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.line < b.line; });
    for (size_t from = 0; from < rows.size();) {
      size_t to = from + 1;
      while (to < rows.size() && rows[to].line - rows[to - 1].line <= 12) ++to;
      int proving = 0, off = 0, exact_decimals = 0;
      for (size_t k = from; k < to; ++k) {
        proving += rows[k].proves;
        off += !rows[k].exact;
        if (rows[k].proves && rows[k].mixed) exact_decimals = std::max(exact_decimals, rows[k].decimals);
      }
      const int allowed = std::max<int>(1, static_cast<int>((to - from) / 10));
      if (proving >= 4 && off > 0 && off <= allowed) {
        for (size_t k = from; k < to; ++k) {
          Relation& r = relations_[rows[k].relation];
          const bool beyond = rows[k].beyond_last_digit ||
                              (rows[k].decimals == 0 && exact_decimals > 0 &&
                               std::fabs(rows[k].off) * std::pow(10.0, exact_decimals) > 1.5);
          if (!beyond || !r.consistent) continue;
          r.consistent = false;
          r.flag = true;
          r.certainty = Certainty::kLikely;
          r.exact_rows = proving;
        }
      }
      from = to;
    }
  }
}

std::string RelationAnalysis::Describe(const Relation& r) const {
  std::string out;
  if (r.kind == RelationKind::kSubset) {
    const char* op = r.consistent ? " <= " : " > ";
    for (size_t i = 0; i < r.parts.size(); ++i) out += (i ? " + " : "") + figures_[r.parts[i]].text;
    return out + op + figures_[r.total].text;
  }
  for (size_t i = 0; i < r.parts.size(); ++i) {
    if (i) out += " + ";
    out += figures_[r.parts[i]].text;
  }
  std::string sum = SumText(r);
  out += " = " + sum;
  if (!r.consistent) {
    out += r.total >= 0 ? ", expected " + figures_[r.total].text : ", expected 100%";
  } else if (r.total >= 0 && sum != figures_[r.total].text) {
    out += " ~ " + figures_[r.total].text;  // equal within the printed precision
  }
  return out;
}

std::vector<sdk::Related> RelationAnalysis::Members(const Relation& r) const {
  std::vector<sdk::Related> out;
  auto add = [&](int f, const char* role) {
    const Figure& g = figures_[f];
    std::string msg = std::string(role) + " " + g.text;
    if (!g.label.empty()) msg += " (" + g.label + ")";
    out.push_back({g.offset, g.length, msg});
  };
  if (r.total >= 0) add(r.total, "total");
  if (r.total < 0 && r.caption_length > 0) {
    out.push_back({r.caption_offset, r.caption_length, "caption " + r.caption});
  }
  for (int p : r.parts) add(p, r.kind == RelationKind::kSubset ? "subset" : "part");
  return out;
}

void PrepareExpressions() {
  AgeRange();
  DividendYearRange();
  RecentYears();
}

}  // namespace esgaudit::numeric
