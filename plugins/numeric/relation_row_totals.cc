#include "relation_internal.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {
// A column's printed precision is read from at least this many non-zero cells.
constexpr int kPrecisionCells = 3;
}  // namespace

// Rows of figures set apart by spaces alone, as PDF text gives a table whose columns are not aligned
// (a label, then the row's figures with nothing but spaces between them and after the last): when in
// a run of such rows with the same number of figures one column equals the sum of a run of columns
// next to it (right before it, or only share columns between; or right after it) in every row but at
// most one, and in at least three rows with two or more non-zero parts, that column is the rows'
// total column. Each row is then a sum whether or not it adds up, so a figure changed in one row is
// an error there: the other rows, not that row's sum, say what the column is. Lines without figures
// between the rows (a country's name wrapped onto a line of its own) do not end the run. Shares are
// never summed (a column holding a share in any row is at most a gap), nor parts printed with more
// decimals than the total.
void RelationAnalysis::ZerosToColumnPrecision(const std::vector<std::vector<int>>& part_columns,
                                              const std::vector<int>& total_column,
                                              std::map<int, std::pair<double, double>>* own) {
  // -2: fewer than kPrecisionCells non-zero cells; -1: no majority of them print decimals.
  auto printed_decimals = [&](const std::vector<const std::vector<int>*>& columns) {
    int nonzero = 0, with_decimals = 0, fewest = INT32_MAX;
    for (const std::vector<int>* column : columns) {
      for (int f : *column) {
        if (f < 0 || figures_[f].value == 0) continue;
        ++nonzero;
        if (figures_[f].decimals > 0) {
          ++with_decimals;
          fewest = std::min(fewest, static_cast<int>(figures_[f].decimals));
        }
      }
    }
    if (nonzero < kPrecisionCells) return -2;
    return 2 * with_decimals > nonzero ? fewest : -1;
  };
  std::vector<const std::vector<int>*> pooled_columns{&total_column};
  for (const std::vector<int>& c : part_columns) pooled_columns.push_back(&c);
  const int pooled = printed_decimals(pooled_columns);
  for (const std::vector<int>& column : part_columns) {
    int d = printed_decimals({&column});
    if (d == -2) d = pooled;
    if (d < 1) continue;
    for (int f : column) {
      if (f < 0 || figures_[f].value != 0 || figures_[f].decimals != 0 || figures_[f].qualifiers != 0) continue;
      Interval iv = ExactInterval(0, d, figures_[f].magnitude);
      iv.lo = std::max(iv.lo, 0.0);  // a magnitude: no negative amount
      if (iv.hi >= figures_[f].high) continue;  // never wider than its own
      if (own != nullptr) own->emplace(f, std::make_pair(figures_[f].low, figures_[f].high));
      figures_[f].low = iv.lo;
      figures_[f].high = iv.hi;
    }
  }
  for (const std::vector<int>& column : part_columns) ShortDecimalsToColumnPrecision(column, own);
  ShortDecimalsToColumnPrecision(total_column, own);
}

void RelationAnalysis::ShortDecimalsToColumnPrecision(const std::vector<int>& column,
                                                      std::map<int, std::pair<double, double>>* own) {
  int nonzero = 0, most = 0;
  for (int f : column) {
    if (f < 0 || figures_[f].value == 0) continue;
    ++nonzero;
    most = std::max(most, static_cast<int>(figures_[f].decimals));
  }
  if (nonzero < kPrecisionCells || most < 2) return;
  int at_most = 0;
  for (int f : column) at_most += f >= 0 && figures_[f].value != 0 && figures_[f].decimals == most;
  if (2 * at_most <= nonzero) return;
  for (int f : column) {
    if (f < 0) continue;
    Figure& g = figures_[f];
    if (g.value == 0 || g.decimals < 1 || g.decimals >= most || g.qualifiers != 0) continue;
    const Interval iv = ExactInterval(g.value, most, g.magnitude);
    if (iv.lo <= g.low && iv.hi >= g.high) continue;  // never wider than its own
    if (own != nullptr) own->emplace(f, std::make_pair(g.low, g.high));
    short_decimals_.emplace(f, OwnPrecision{g.low, g.high, most});
    g.low = std::max(iv.lo, g.low);
    g.high = std::min(iv.hi, g.high);
  }
}

void RelationAnalysis::FindRowTotalColumns(const sdk::Document& doc) {
  constexpr size_t kMinFigures = 4;    // a row: its label and at least this many figures
  constexpr size_t kMaxFigures = 32;   // and at most this many (the search is cubic in a row's width)
  constexpr int kMinWitnesses = 3;     // rows that foot with two or more non-zero parts
  constexpr uint32_t kMaxGapLines = 2;  // lines without figures between two rows of a run
  const std::string_view text = doc.Text();
  auto blank = [&](uint64_t from, uint64_t to) {
    for (uint64_t k = from; k < to; ++k) {
      if (text[k] != ' ' && text[k] != '\t') return false;
    }
    return true;
  };
  // Each line's figures by offset: the same std::sort of the same index-ordered list as this pass made
  // of its own copy before the map was shared.
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::vector<int> cols;
  };
  std::vector<std::vector<Row>> runs;
  uint32_t last_line = 0;
  for (const auto& [line, figs] : on_line) {
    const esgaudit_line l = doc.Line(line);
    const uint64_t begin = l.offset, end = l.offset + l.length;
    bool row = figs.size() >= kMinFigures && figs.size() <= kMaxFigures && blank(figures_[figs.back()].offset + figures_[figs.back()].length, end);
    for (size_t k = 1; row && k < figs.size(); ++k) {
      const uint64_t prev_end = figures_[figs[k - 1]].offset + figures_[figs[k - 1]].length;
      row = prev_end <= figures_[figs[k]].offset && blank(prev_end, figures_[figs[k]].offset);
    }
    std::string label = row ? std::string(text.substr(begin, figures_[figs.front()].offset - begin)) : std::string();
    row = row && std::any_of(label.begin(), label.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
          });
    if (!row) {
      last_line = 0;  // a line of figures that is no row ends the run
      continue;
    }
    const bool continues = !runs.empty() && last_line != 0 && runs.back().back().cols.size() == figs.size() &&
                           line - last_line <= kMaxGapLines + 1;
    if (!continues) runs.emplace_back();
    runs.back().push_back({line, std::string(sdk::Trim(label)), figs});
    last_line = line;
  }
  auto is_share = [&](int f) { return figures_[f].kind == ESGAUDIT_FACT_PERCENT; };
  // Zeros given their column's precision (ZerosToColumnPrecision, once a sum is placed) keep their
  // own interval here: where the rows foot is read with each printed figure's own rounding.
  std::map<int, std::pair<double, double>> own_interval;
  auto interval = [&](int f) {
    auto it = own_interval.find(f);
    return it != own_interval.end() ? it->second : std::make_pair(figures_[f].low, figures_[f].high);
  };
  auto foots = [&](const Row& row, int total, int from, int to) {
    double lo = 0, hi = 0;
    for (int c = from; c <= to; ++c) {
      lo += interval(row.cols[c]).first;
      hi += interval(row.cols[c]).second;
    }
    const auto [tlo, thi] = interval(row.cols[total]);
    return RangesMeet(lo, hi, tlo, thi);
  };
  for (const std::vector<Row>& run : runs) {
    if (run.size() < static_cast<size_t>(kMinWitnesses)) continue;
    const int n = static_cast<int>(run.front().cols.size());
    std::vector<bool> share_col(n, false);
    std::vector<int> decimals(n, 0);  // the most decimals a column prints
    for (const Row& row : run) {
      for (int c = 0; c < n; ++c) {
        share_col[c] = share_col[c] || is_share(row.cols[c]);
        decimals[c] = std::max(decimals[c], static_cast<int>(figures_[row.cols[c]].decimals));
      }
    }
    for (int j = 0; j < n; ++j) {
      if (share_col[j]) continue;
      // Candidate runs of parts [from, to]: ending right before j or before share columns only that
      // end right before j; or starting right after j.
      std::vector<std::pair<int, int>> candidates;
      int to = j - 1;
      while (to >= 0 && share_col[to]) --to;
      for (int from = to - 1; from >= 0 && !share_col[from]; --from) candidates.push_back({from, to});
      for (int last = j + 2; last < n && !share_col[last]; ++last) candidates.push_back({j + 1, last});
      int best_from = -1, best_to = -1, best_holds = 0;
      for (const auto& [from, last] : candidates) {
        // Parts printed finer than their total are other quantities (rates beside counts).
        bool finer = false;
        for (int c = from; c <= last; ++c) finer = finer || decimals[c] > decimals[j];
        if (finer) continue;
        int holds = 0, fails = 0, witnesses = 0;
        for (const Row& row : run) {
          if (!foots(row, j, from, last)) {
            ++fails;
            continue;
          }
          ++holds;
          int nonzero = 0;
          for (int c = from; c <= last; ++c) nonzero += figures_[row.cols[c]].value != 0;
          witnesses += nonzero >= 2;
        }
        if (fails > 1 || witnesses < kMinWitnesses) continue;
        // The most rows footing; of those the fewest columns (a column of zeros at the far end of
        // the parts would foot as well and is no part).
        if (holds > best_holds || (holds == best_holds && last - from < best_to - best_from)) {
          best_from = from;
          best_to = last;
          best_holds = holds;
        }
      }
      if (best_from < 0) continue;
      {
        std::vector<std::vector<int>> part_columns(best_to - best_from + 1);
        std::vector<int> total_column;
        for (const Row& row : run) {
          total_column.push_back(row.cols[j]);
          for (int c = best_from; c <= best_to; ++c) part_columns[c - best_from].push_back(row.cols[c]);
        }
        ZerosToColumnPrecision(part_columns, total_column, &own_interval);
      }
      for (const Row& row : run) {
        const int total = row.cols[j];
        if (Summed(total)) continue;  // a stated or table relation already sums into it
        std::vector<int> parts(row.cols.begin() + best_from, row.cols.begin() + best_to + 1);
        Relation r;
        if (TableSum(total, std::move(parts), row.label, &r, /*proven=*/true)) Add(std::move(r));
      }
    }
  }
}

// Rows of three figures set apart by blanks (tabs or spaces) at the line's end, after a label that
// may hold figures of its own glued to words or printed otherwise (an age class, "30-39岁"): under
// a header that may be lost (a damaged 合计 over the last column, male and female over the first
// two), the last figure is the sum of the two before it. Three figures give no other columns to
// place a total by (FindRowTotalColumns wants four), so the bar is stricter: a run of such rows
// (lines without figures between them) where at least kMinWitnesses rows foot with both parts
// non-zero and at most one does not; the three figures of every row printed alike (no share, one
// unit), and the parts no finer than their total column. Three unrelated figures (a year's value
// beside the year before and its change, counts of three kinds) foot in a row by chance only, and
// not in four rows of one run. A row that does not foot is then an error, as in FindRowTotalColumns.
void RelationAnalysis::FindThreeFigureRowTotals(const sdk::Document& doc) {
  constexpr int kMinWitnesses = 4;
  constexpr uint32_t kMaxGapLines = 2;
  const std::string_view text = doc.Text();
  auto blank = [&](uint64_t from, uint64_t to) {
    for (uint64_t k = from; k < to; ++k) {
      if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r') return false;
    }
    return true;
  };
  auto end_of = [&](int f) { return figures_[f].offset + figures_[f].length; };
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::array<int, 3> cols{};
  };
  std::vector<std::vector<Row>> runs;
  uint32_t last_line = 0;
  for (const auto& [line, figs] : FiguresByLine(true)) {
    const esgaudit_line l = doc.Line(line);
    const size_t n = figs.size();
    bool row = n >= 3 && blank(end_of(figs[n - 1]), l.offset + l.length);
    for (size_t k = n - 2; row && k < n; ++k)
      row = end_of(figs[k - 1]) <= figures_[figs[k]].offset && blank(end_of(figs[k - 1]), figures_[figs[k]].offset);
    const int a = row ? figs[n - 3] : -1;
    row = row && figures_[a].offset > l.offset && blank(figures_[a].offset - 1, figures_[a].offset);  // the label apart
    if (row) {
      for (int f : {figs[n - 3], figs[n - 2], figs[n - 1]}) {
        row = row && figures_[f].kind != ESGAUDIT_FACT_PERCENT && figures_[f].unit == figures_[a].unit &&
              figures_[f].qualifiers == 0;
      }
    }
    // A figure before the three, set apart by blanks and printed alike, makes a wider row.
    if (row && n > 3) {
      const int b = figs[n - 4];
      row = !(blank(end_of(b), figures_[a].offset) && figures_[b].unit == figures_[a].unit &&
              figures_[b].kind == figures_[a].kind);
    }
    std::string label = row ? std::string(sdk::Trim(text.substr(l.offset, figures_[a].offset - l.offset))) : std::string();
    row = row && !label.empty() && std::any_of(label.begin(), label.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
          });
    if (!row) {
      last_line = 0;  // a line of figures that is no row ends the run
      continue;
    }
    if (runs.empty() || last_line == 0 || line - last_line > kMaxGapLines + 1) runs.emplace_back();
    runs.back().push_back({line, std::move(label), {figs[n - 3], figs[n - 2], figs[n - 1]}});
    last_line = line;
  }
  for (const std::vector<Row>& run : runs) {
    if (run.size() < static_cast<size_t>(kMinWitnesses)) continue;
    std::array<int, 3> decimals{};
    for (const Row& row : run)
      for (int c = 0; c < 3; ++c) decimals[c] = std::max(decimals[c], static_cast<int>(figures_[row.cols[c]].decimals));
    if (decimals[0] > decimals[2] || decimals[1] > decimals[2]) continue;
    int fails = 0, witnesses = 0;
    for (const Row& row : run) {
      const Figure &x = figures_[row.cols[0]], &y = figures_[row.cols[1]], &t = figures_[row.cols[2]];
      if (x.low + y.low > t.high || t.low > x.high + y.high) {
        ++fails;
      } else if (x.value != 0 && y.value != 0) {
        ++witnesses;
      }
    }
    if (fails > 1 || witnesses < kMinWitnesses) continue;
    for (int c = 0; c < 3; ++c) {
      std::vector<int> column;
      for (const Row& row : run) column.push_back(row.cols[c]);
      ShortDecimalsToColumnPrecision(column, nullptr);
    }
    for (const Row& row : run) {
      if (Summed(row.cols[2])) continue;  // a stated or table relation already sums into it
      Relation r;
      if (TableSum(row.cols[2], {row.cols[0], row.cols[1]}, row.label, &r, /*proven=*/true)) Add(std::move(r));
    }
  }
}

// Ragged rows of a wide inventory in PDF text (a water inventory by site): the cells of a row are
// figures or dashes (`–`, `—`, `-`: nil) set apart by blanks, the row may end with words (source,
// river basin: word columns after the figures), and its label may stand on the lines around it (a
// site name wrapped above and below the figures; the row itself then opens with a figure). The text
// export drops a dash column here and there and wraps a row's last cells onto the next line, so the
// rows of one table carry different numbers of cells. Rows of the same width are taken to share a
// layout: a column of such a class (two rows or more) is the total of the k cells right after it (or
// right before it, share columns between allowed) when the class's rows foot there in all rows but
// one, and at one position only. The other widths must confirm the shape (total, then k parts, in that direction):
// over all the run's classes at least three rows foot with two or more non-zero parts. A row of a
// class that does not foot is then an error, as in FindRowTotalColumns. Lines that are no row (a
// wrapped label, a wrapped cell, a footnote mark) do not end a run; a gap of more lines does, and so
// does a page break. Totals another relation already sums are left alone; a row whose total is a
// dash, or whose parts hold fewer than two figures, is no relation. Rows ending in a share cell make one
// more class, of their last cells counted from that end (see below), read for its total rows only; a
// total row of that class that does not foot is a warning. A placed sum's zero parts are judged to
// their column's printed precision (zeros_to_column_precision below).
void RelationAnalysis::FindRaggedRowTotalColumns(const sdk::Document& doc) {
  constexpr size_t kMinCells = 4;       // a row: at least this many cells
  constexpr size_t kMinFigures = 3;     // of which at least this many figures
  constexpr size_t kMaxCells = 32;      // and at most this many (the search is cubic in the width)
  constexpr int kMaxParts = 8;          // parts of one total
  constexpr int kMinWitnesses = 3;      // rows of the run that foot with two or more non-zero parts
  constexpr uint32_t kMaxGapLines = 3;  // lines that are no row between two rows of a run
  constexpr uint32_t kPageGapLines = 8;  // lines between a run and its continuation past a page break
  constexpr size_t kLabelWords = 4;     // a wrapped label line: at most this many words
  constexpr int kDash = -1;
  const std::string_view text = doc.Text();
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  auto has_letter = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
  };
  auto has_digit = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A dash cell at `k`: the token `–`, `—` or `-` standing alone between blanks (or the line's ends).
  auto dash_at = [&](uint64_t k, uint64_t begin, uint64_t end) -> uint64_t {
    for (std::string_view d : {std::string_view("\u2013"), std::string_view("\u2014"), std::string_view("-")}) {
      if (k + d.size() <= end && text.substr(k, d.size()) == d && (k + d.size() == end || is_blank(text[k + d.size()])) &&
          (k == begin || is_blank(text[k - 1]))) {
        return d.size();
      }
    }
    return 0;
  };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(false);
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::vector<int> cells;  // figure indexes, kDash for a dash
  };
  // The row a line holds, if any (label empty when the line opens with its cells).
  auto read_row = [&](uint32_t line, std::vector<int> figs, Row* out) {
    std::sort(figs.begin(), figs.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
    const esgaudit_line l = doc.Line(line);
    const uint64_t begin = l.offset, end = l.offset + l.length;
    // Dash cells right before the first figure belong to the row (`San Jose – 414 …`).
    uint64_t start = figures_[figs.front()].offset;
    std::vector<int> cells;
    for (;;) {
      uint64_t k = start;
      while (k > begin && is_blank(text[k - 1])) --k;
      if (k == start) break;  // the first figure is glued to the text before it, or opens the line
      uint64_t len = 0;
      for (const uint64_t w : {uint64_t{3}, uint64_t{1}}) {
        if (len == 0 && k >= begin + w && dash_at(k - w, begin, end) == w) len = w;
      }
      if (len == 0) break;
      start = k - len;
      cells.push_back(kDash);
    }
    size_t next = 0;
    uint64_t k = figures_[figs.front()].offset;
    while (k < end) {
      if (next < figs.size() && figures_[figs[next]].offset == k) {
        cells.push_back(figs[next]);
        k += figures_[figs[next]].length;
        ++next;
      } else if (const uint64_t len = dash_at(k, begin, end)) {
        cells.push_back(kDash);
        k += len;
      } else {
        break;
      }
      if (k < end && !is_blank(text[k])) return false;  // a cell runs on into other text
      while (k < end && is_blank(text[k])) ++k;
    }
    // What follows the cells is words: no digit, no further figure (nor a figure running past the
    // line). A word column set off by a tab may hold figures of its own (a remark cell, `委托处置，
    // 1,300吨煤渣用作建材`) when it opens with a letter: they are no cells.
    if (k > end) return false;
    if (next != figs.size() || has_digit(text.substr(k, end - k))) {
      const bool remark = k < end && k > begin && text[k - 1] == '\t' && has_letter(text.substr(k, 1));
      for (size_t f = next; remark && f < figs.size(); ++f) {
        if (figures_[figs[f]].offset < k || figures_[figs[f]].offset + figures_[figs[f]].length > end) return false;
      }
      if (!remark) return false;
    }
    const size_t n_figs = next;
    if (cells.size() < kMinCells || cells.size() > kMaxCells || n_figs < kMinFigures) return false;
    std::string_view label = sdk::Trim(text.substr(begin, start - begin));
    out->line = line;
    out->label = has_letter(label) ? std::string(label) : std::string();
    out->cells = std::move(cells);
    return true;
  };
  // A line holding a wrapped label: a few words with a letter, no row of its own.
  auto label_line = [&](uint32_t line) -> std::string {
    if (line >= doc.LineCount()) return std::string();
    const esgaudit_line l = doc.Line(line);
    std::string_view s = sdk::Trim(text.substr(l.offset, l.length));
    size_t words = 0;
    for (size_t k = 0; k < s.size(); ++k) words += !is_blank(s[k]) && (k == 0 || is_blank(s[k - 1]));
    auto it = on_line.find(line);
    if (!has_letter(s) || words > kLabelWords || (it != on_line.end() && it->second.size() >= kMinFigures)) {
      return std::string();
    }
    return std::string(s);
  };
  std::vector<std::vector<Row>> runs;
  // Whether a run goes on from the run before it past a page break: its first row on the next
  // page (or past a line of page furniture: a running header, a page number), no more than
  // kPageGapLines lines (the furniture, the title and header printed again) after that run's last
  // row, and no line of figures that is no row between them.
  std::vector<bool> past_page;
  bool open = false;  // whether the last row's run may go on
  uint32_t last_line = 0;
  uint32_t last_page = 0;
  for (const auto& [line, figs] : on_line) {
    if (figs.size() < kMinFigures) continue;  // a wrapped cell or a footnote mark: no row, no end
    Row row;
    if (!read_row(line, figs, &row)) {
      open = open && figs.size() < kMinCells;  // a line of figures that is no row ends the run
      continue;
    }
    if (row.label.empty()) {
      // A label wrapped around the figures: words on the line above or below.
      const std::string above = line > 0 ? label_line(line - 1) : std::string();
      const std::string below = label_line(line + 1);
      if (above.empty() && below.empty()) continue;
      row.label = above.empty() ? below : below.empty() ? above : above + " " + below;
    }
    const uint32_t page = doc.Line(line).page;
    const bool continues = open && page == last_page && line - last_line <= kMaxGapLines + 1;
    if (!continues) {
      runs.emplace_back();
      bool furniture = page == last_page + 1;  // a page break of the document, or one its furniture shows
      for (uint32_t g = last_line + 1; open && !furniture && g < line; ++g) {
        furniture = (doc.LineStructure(g).flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_PAGE_NUMBER)) != 0;
      }
      past_page.push_back(open && furniture && line - last_line <= kPageGapLines + 1);
    }
    runs.back().push_back(std::move(row));
    open = true;
    last_line = line;
    last_page = page;
  }
  auto is_share = [&](int f) { return f != kDash && figures_[f].kind == ESGAUDIT_FACT_PERCENT; };
  // Zeros given their column's precision below keep their own interval here: where the rows foot
  // is read as before, with each printed figure's own rounding.
  std::map<int, std::pair<double, double>> own_interval;
  auto low = [&](int f) {
    if (f == kDash) return 0.0;
    auto it = own_interval.find(f);
    return it != own_interval.end() ? it->second.first : figures_[f].low;
  };
  auto high = [&](int f) {
    if (f == kDash) return 0.0;
    auto it = own_interval.find(f);
    return it != own_interval.end() ? it->second.second : figures_[f].high;
  };
  // A placed sum's zero parts are judged to their column's printed precision
  // (ZerosToColumnPrecision); where the rows foot is read with each figure's own rounding.
  auto zeros_to_column_precision = [&](const std::vector<const Row*>& rows, int total, int from, int to) {
    auto column = [&](int c) {
      std::vector<int> out;
      for (const Row* row : rows) out.push_back(row->cells[c]);  // kDash is negative
      return out;
    };
    std::vector<std::vector<int>> parts;
    for (int c = from; c <= to; ++c) parts.push_back(column(c));
    ZerosToColumnPrecision(parts, column(total), &own_interval);
  };
  auto total_row = [](const std::string& label) {
    const std::string l = Lower(label);
    return l.rfind("total", 0) == 0 || l.rfind("合计", 0) == 0 || l.rfind("总计", 0) == 0;
  };
  struct Placed {
    size_t cls;  // index into the run's classes
    int total;
    int from;
    int to;
  };
  // The positions read in the run before, as (width, parts, direction, total column): a run that
  // goes on past a page break keeps them confirmed, so a page holding too few rows to show the shape
  // on its own (the table's last rows) is read as the rows before the break were. Its own rows
  // must still foot there in all but one.
  std::set<std::tuple<int, int, bool, int>> confirmed, confirmed_before;
  for (size_t ri = 0; ri < runs.size(); ++ri) {
    const std::vector<Row>& run = runs[ri];
    confirmed_before.swap(confirmed);
    confirmed.clear();
    if (!past_page[ri]) confirmed_before.clear();
    // Rows by width: each width one layout. (width, rows), by width.
    std::vector<std::pair<int, std::vector<const Row*>>> classes;
    {
      std::map<int, std::vector<const Row*>> by_width;
      for (const Row& row : run) by_width[static_cast<int>(row.cells.size())].push_back(&row);
      classes.assign(by_width.begin(), by_width.end());
    }
    // Rows ending in a share cell (a last column of percentages, `% returned + restored`) share the
    // columns counted from their end, whatever they dropped on their left (a total row printing no
    // dash for an empty source column): one more class, of their last cells, as many as the shortest.
    // It is read for its total rows only (Total, 合计, 总计): other rows ending in a share may be a
    // change and its rate (last year, this year, the decrease, its %), which foot by chance.
    std::vector<Row> tails;
    size_t tail_class = SIZE_MAX;  // its index: a reading of its own, so a mismatch there is a warning
    {
      size_t width = kMaxCells;
      for (const Row& row : run) {
        if (is_share(row.cells.back())) width = std::min(width, row.cells.size());
      }
      for (const Row& row : run) {
        if (!is_share(row.cells.back())) continue;
        Row tail = row;
        tail.cells.erase(tail.cells.begin(), tail.cells.end() - static_cast<long>(width));
        tails.push_back(std::move(tail));
      }
      if (tails.size() >= 2 && width >= kMinCells) {
        std::vector<const Row*> rows;
        for (const Row& tail : tails) rows.push_back(&tail);
        tail_class = classes.size();
        classes.emplace_back(static_cast<int>(width), std::move(rows));
      }
    }
    // The columns read as a total so far, by class: a column totals one run of columns, the
    // shortest (a column of zeros right past its parts foots as well and is no part, and with it
    // the class would foot at two positions, hiding a second total further on: the hazardous
    // waste inside a waste row, totalling the ways it was disposed of).
    std::vector<std::set<int>> totals_of(classes.size());
    for (int k = 2; k <= kMaxParts; ++k) {
      for (const bool after : {false, true}) {
        std::vector<Placed> placed;
        int witnesses = 0;
        for (size_t ci = 0; ci < classes.size(); ++ci) {
          const int n = classes[ci].first;
          const std::vector<const Row*>& rows = classes[ci].second;
          if (rows.size() < 2) continue;  // a row alone would say where its own total is
          std::vector<bool> share_col(n, false);
          std::vector<int> decimals(n, 0);
          for (const Row* row : rows) {
            for (int c = 0; c < n; ++c) {
              share_col[c] = share_col[c] || is_share(row->cells[c]);
              if (row->cells[c] != kDash) {
                decimals[c] = std::max(decimals[c], static_cast<int>(figures_[row->cells[c]].decimals));
              }
            }
          }
          int found = 0, found_witnesses = 0;
          Placed at{ci, -1, -1, -1};
          for (int j = 0; j < n; ++j) {
            if (share_col[j] || totals_of[ci].count(j)) continue;
            int from = j + 1, to = j + k;
            if (!after) {
              to = j - 1;
              while (to >= 0 && share_col[to]) --to;
              from = to - k + 1;
            }
            if (from < 0 || to >= n) continue;
            bool usable = true;
            for (int c = from; c <= to; ++c) usable = usable && !share_col[c] && decimals[c] <= decimals[j];
            if (!usable) continue;
            int fails = 0, wit = 0;
            for (const Row* row : rows) {
              const int t = row->cells[j];
              if (t == kDash) continue;
              double lo = 0, hi = 0;
              int nonzero = 0;
              for (int c = from; c <= to; ++c) {
                lo += low(row->cells[c]);
                hi += high(row->cells[c]);
                nonzero += row->cells[c] != kDash && figures_[row->cells[c]].value != 0;
              }
              if (RangesMeet(lo, hi, figures_[t].low, figures_[t].high)) {
                wit += nonzero >= 2;
              } else {
                ++fails;
              }
            }
            if (fails > 1 || (wit < 1 && !confirmed_before.count({n, k, after, j}))) continue;
            ++found;
            found_witnesses = wit;
            at = {ci, j, from, to};
          }
          if (found != 1) continue;  // no position, or more than one: the class says nothing
          placed.push_back(at);
          // The share-ended class holds rows of the width classes again: it confirms no shape.
          if (ci != tail_class) witnesses += found_witnesses;
          if (ci != tail_class && confirmed_before.count({n, k, after, at.total})) witnesses += kMinWitnesses;
        }
        if (witnesses < kMinWitnesses) continue;
        for (const Placed& p : placed) {
          totals_of[p.cls].insert(p.total);
          if (p.cls != tail_class) confirmed.insert({classes[p.cls].first, k, after, p.total});
          zeros_to_column_precision(classes[p.cls].second, p.total, p.from, p.to);
          for (const Row* row : classes[p.cls].second) {
            const int total = row->cells[p.total];
            if (total == kDash || Summed(total)) continue;
            std::vector<int> parts;
            for (int c = p.from; c <= p.to; ++c) {
              if (row->cells[c] != kDash) parts.push_back(row->cells[c]);
            }
            if (parts.size() < 2) continue;
            Relation r;
            if (p.cls == tail_class && !total_row(row->label)) continue;
            if (!TableSum(total, std::move(parts), row->label, &r, /*proven=*/p.cls != tail_class)) continue;
            if (p.cls == tail_class) r.certainty = Certainty::kLikely;
            Add(std::move(r));
          }
        }
      }
    }
  }
}

// Rows of a tab-separated table (text exported with a tab between cells): a label cell of words or a
// year (2016, 2016年: a yearly table whose columns are a total and its parts, 损工率 beside the rates
// it adds up; read only under a header line of tab cells, one per column, and a total sums only
// columns whose header names its unit in brackets, or none as it does), then cells that are each one
// figure, a dash (nil)
// or empty (two tabs in a row: the cell keeps its column); word cells after the figures (a remark
// column) end the row's cells. Rows of one run (lines that are no row between them, up to kMaxGapLines;
// a line of figures that is no row ends it) with the same number of cells share a layout. A column is
// the total of the k cells right before or right after it (k from 2 to kMaxParts, none a share, none
// negative, none printing more decimals than the total's column) when the class's rows foot there in all
// but one, and the rows themselves prove it:
// - three rows that add up exactly as printed with two or more non-zero parts (the bar of
//   FindRowTotalColumns), or
// - two such rows whose totals print three or more significant digits (0.424 = 0.006 + 0.026 + 0.392:
//   an exact sum of such figures is no coincidence), or
// - two such rows and six rows in all whose non-zero total adds up exactly (a table of small counts, one
//   row per site: 2 = 1 + 1 holds by chance easily, a total equal to its one non-zero part as well, but
//   not in row after row of a table while another row fails).
// Of the candidates of a column, the one footing in the most rows, then with the fewest parts (a column
// of zeros past the parts foots as well). Totals another reader already sums are left alone. A row whose
// total cell is empty or a dash is no relation; so is a row that does not foot while one of its parts is
// empty or a dash (the cell may hold what the parts lack), and one with fewer than two figures as parts.
// A row that does not foot is an error where three rows proved the column, a warning otherwise.
void RelationAnalysis::FindTabbedRowTotalColumns(const sdk::Document& doc) {
  constexpr size_t kMinCells = 4;       // a row: at least this many cells after its label
  constexpr size_t kMinFigures = 3;     // of which at least this many figures
  constexpr size_t kMaxCells = 32;      // and at most this many
  constexpr int kMaxParts = 8;
  constexpr uint32_t kMaxGapLines = 3;
  constexpr int kEmpty = -1, kDash = -2;
  const std::string_view text = doc.Text();
  auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  auto has_letter = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
  };
  // A label that is a year alone: 2016, 2016年, 2016年度.
  auto year_label = [](std::string_view s) {
    if (EndsWith(s, "\u5e74\u5ea6")) s.remove_suffix(6);  // 年度
    if (EndsWith(s, "\u5e74")) s.remove_suffix(3);        // 年
    return s.size() == 4 && OpensWithYear(s);
  };

  struct Row {
    uint32_t line = 0;
    std::string label;
    std::vector<int> cells;  // figure indexes, kEmpty or kDash
  };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  auto read_row = [&](uint32_t line, const std::vector<int>& figs, Row* out) {
    const esgaudit_line l = doc.Line(line);
    const uint64_t begin = l.offset, end = l.offset + l.length;
    const std::string_view s = text.substr(begin, end - begin);
    const size_t tab = s.find('\t');
    if (tab == std::string_view::npos) return false;
    const std::string_view label = sdk::Trim(s.substr(0, tab));
    if (!has_letter(label) && !year_label(label)) return false;
    std::vector<int> cells;
    size_t n_figs = 0, next = 0;
    for (size_t from = tab + 1; from <= s.size();) {
      size_t to = s.find('\t', from);
      if (to == std::string_view::npos) to = s.size();
      uint64_t cb = begin + from, ce = begin + to;
      while (cb < ce && is_blank(text[cb])) ++cb;
      while (ce > cb && is_blank(text[ce - 1])) --ce;
      while (next < figs.size() && figures_[figs[next]].offset < cb) ++next;
      const std::string_view cell = text.substr(cb, ce - cb);
      if (cell.empty()) {
        if (to == s.size()) break;  // trailing blanks: no cell
        cells.push_back(kEmpty);
      } else if (cell == "-" || cell == "\u2013" || cell == "\u2014") {
        cells.push_back(kDash);
      } else if (next < figs.size() && figures_[figs[next]].offset == cb &&
                 figures_[figs[next]].offset + figures_[figs[next]].length == ce) {
        cells.push_back(figs[next++]);
        ++n_figs;
      } else {
        break;  // a word cell: the figures end here
      }
      from = to + 1;
    }
    while (!cells.empty() && cells.back() == kEmpty) cells.pop_back();
    if (cells.size() < kMinCells || cells.size() > kMaxCells || n_figs < kMinFigures) return false;
    out->line = line;
    out->label = std::string(label);
    out->cells = std::move(cells);
    return true;
  };
  std::vector<std::vector<Row>> runs;
  uint32_t last_line = 0;
  bool open = false;
  for (const auto& [line, figs] : on_line) {
    if (figs.size() < kMinFigures) continue;
    Row row;
    if (!read_row(line, figs, &row)) {
      open = false;  // a line of figures that is no row ends the run
      continue;
    }
    if (!open || line - last_line > kMaxGapLines + 1) runs.emplace_back();
    runs.back().push_back(std::move(row));
    open = true;
    last_line = line;
  }
  auto figure = [](int c) { return c >= 0; };
  // The bracketed unit of each column of a run of year rows (index c for row cell c), from the header
  // line right above its first row (up to kMaxGapLines above): tab cells and no figure. Empty when
  // there is no such header or it has fewer cells than the rows.
  auto header_units = [&](const std::vector<Row>& run, size_t width, std::vector<std::string>* units) {
    units->clear();
    const uint32_t first = run.front().line;
    for (uint32_t g = first; g-- > 0 && g + kMaxGapLines + 1 >= first;) {
      if (on_line.count(g)) continue;
      const esgaudit_line l = doc.Line(g);
      const std::string_view s = text.substr(l.offset, l.length);
      if (s.find('\t') == std::string_view::npos) continue;
      std::vector<std::string> cells;
      for (size_t from = 0; from <= s.size();) {
        size_t to = s.find('\t', from);
        if (to == std::string_view::npos) to = s.size();
        cells.emplace_back(sdk::Trim(s.substr(from, to - from)));
        from = to + 1;
      }
      if (cells.size() < width + 1) return;
      for (size_t c = 0; c < width; ++c) units->push_back(LabelUnit(cells[c + 1]));
      return;
    }
  };
  std::vector<std::string> units;
  for (const std::vector<Row>& run : runs) {
    std::map<size_t, std::vector<const Row*>> classes;
    for (const Row& row : run) classes[row.cells.size()].push_back(&row);
    for (const auto& [width, rows] : classes) {
      if (rows.size() < 2) continue;
      const int n = static_cast<int>(width);
      const bool years = std::any_of(rows.begin(), rows.end(), [&](const Row* row) { return year_label(row->label); });
      if (years) {
        header_units(run, width, &units);
        if (units.empty()) continue;
      }
      std::vector<bool> unusable(n, false);  // a share or a negative figure
      std::vector<int> decimals(n, 0);
      for (const Row* row : rows) {
        for (int c = 0; c < n; ++c) {
          const int f = row->cells[c];
          if (!figure(f)) continue;
          unusable[c] = unusable[c] || figures_[f].kind == ESGAUDIT_FACT_PERCENT || figures_[f].value < 0;
          decimals[c] = std::max(decimals[c], static_cast<int>(figures_[f].decimals));
        }
      }
      for (int j = 0; j < n; ++j) {
        if (unusable[j]) continue;
        int best_from = -1, best_to = -1, best_holds = -1;
        bool best_certain = false;
        for (int k = 2; k <= kMaxParts; ++k) {
          for (const bool after : {false, true}) {
            const int from = after ? j + 1 : j - k, to = after ? j + k : j - 1;
            if (from < 0 || to >= n) continue;
            bool usable = true;
            for (int c = from; c <= to; ++c) {
              usable = usable && !unusable[c] && decimals[c] <= decimals[j] && (!years || units[c] == units[j]);
            }
            if (!usable) continue;
            int fails = 0, holds = 0, strong = 0, precise = 0, support = 0;
            for (const Row* row : rows) {
              const int t = row->cells[j];
              if (!figure(t)) continue;
              double lo = 0, hi = 0;
              int nonzero = 0, places = figures_[t].decimals;
              bool blank_part = false, one_unit = true;
              for (int c = from; c <= to; ++c) {
                const int f = row->cells[c];
                if (!figure(f)) {
                  blank_part = true;
                  continue;
                }
                lo += figures_[f].low;
                hi += figures_[f].high;
                nonzero += figures_[f].value != 0;
                places = std::max(places, static_cast<int>(figures_[f].decimals));
                one_unit = one_unit && figures_[f].unit == figures_[t].unit && figures_[f].magnitude == figures_[t].magnitude;
              }
              if (!RangesMeet(lo, hi, figures_[t].low, figures_[t].high)) {
                fails += !blank_part;
                continue;
              }
              // A row with an empty part is no evidence: a column of zeros next to the parts would
              // make it foot within the zeros' rounding.
              if (blank_part) continue;
              ++holds;
              if (!one_unit || places > 6) continue;
              const double scale = std::pow(10.0, places);
              long long sum = 0;
              for (int c = from; c <= to; ++c) {
                if (figure(row->cells[c])) sum += std::llround(figures_[row->cells[c]].value * scale);
              }
              const long long total = std::llround(figures_[t].value * scale);
              if (sum != total || total == 0) continue;
              ++support;
              if (nonzero < 2) continue;
              ++strong;
              precise += SignificantDigits(figures_[t].text) >= 3;
            }
            if (fails > 1) continue;
            const bool certain = strong >= 3;
            if (!certain && !(strong >= 2 && (precise >= 2 || support >= 6))) continue;
            if (holds > best_holds || (holds == best_holds && to - from < best_to - best_from)) {
              best_from = from;
              best_to = to;
              best_holds = holds;
              best_certain = certain;
            }
          }
        }
        if (best_from < 0) continue;
        {
          // A placed sum's zero parts are judged to their column's printed precision, as in
          // FindRowTotalColumns (empty and dash cells, negative here, are passed over).
          std::vector<std::vector<int>> part_columns(best_to - best_from + 1);
          std::vector<int> total_column;
          for (const Row* row : rows) {
            total_column.push_back(row->cells[j]);
            for (int c = best_from; c <= best_to; ++c) part_columns[c - best_from].push_back(row->cells[c]);
          }
          ZerosToColumnPrecision(part_columns, total_column, nullptr);
        }
        for (const Row* row : rows) {
          const int t = row->cells[j];
          if (!figure(t) || Summed(t)) continue;
          std::vector<int> parts;
          bool blank_part = false;
          for (int c = best_from; c <= best_to; ++c) {
            if (figure(row->cells[c])) {
              parts.push_back(row->cells[c]);
            } else {
              blank_part = true;
            }
          }
          if (parts.size() < 2) continue;
          Relation r;
          if (!TableSum(t, std::move(parts), row->label, &r, /*proven=*/true)) continue;
          if (!r.consistent && blank_part) continue;  // the empty cell may hold what the parts lack
          if (!best_certain) r.certainty = Certainty::kLikely;
          Add(std::move(r));
        }
      }
    }
  }
}

// The poverty-relief form that the exchanges' 2016 template asks for (上市公司2016年精准扶贫工作情况统计表),
// as text gives it: a row per line, the label (numbered 1., 1.1, often opened by 其中：) and its value
// apart by a tab. Its overview (a row naming 总体情况, then 资金, 物资折款 and 帮助建档立卡贫困人口
// 脱贫数 rows) states the totals; the programmes below it (产业发展脱贫, 教育脱贫 ... 其他项目) each
// have numbered sub-rows, some of them an amount invested (投入金额, in the form's money unit) and some
// the people lifted out of poverty (脱贫数). The programmes' amounts are the parts of 资金, their
// 脱贫数 rows the parts of the overview's. Companies fill the form in part and drop rows, and a person
// may count under two programmes, so the relations are likely ones: parts above their total are a
// warning, a shortfall is not reported. Amounts adding up to 资金 plus 物资折款 count the goods too:
// no relation then (it would need a total of two figures). A row's value must open its value cell;
// counts (（人）, （个）, 人数, 个数, 人/次) are no amounts. Lines without a tab inside the form (a page
// number, a cell wrapped onto a line of its own) are passed over, up to kStrayLines in a row; the
// form ends at its 所获奖项 row or at the next section heading (三、).
void RelationAnalysis::FindPovertyReliefForms(const sdk::Document& doc) {
  constexpr uint32_t kOverviewLines = 4;  // lines from the 总体情况 row to its 资金 row
  constexpr uint32_t kStrayLines = 3;
  constexpr uint32_t kFormLines = 80;     // the whole template is about 50 rows
  std::string_view text = doc.Text();
  std::map<uint32_t, std::vector<int>> by_line;
  for (size_t i = 0; i < figures_.size(); ++i) by_line[figures_[i].line].push_back(static_cast<int>(i));
  struct Row {
    bool tab = false;
    std::u32string label;  // without spaces, 其中： and the numbering
    int depth = 0;         // numbering levels: 0 none, 1 (2.), 2 (2.1)
    bool heading = false;  // opened by a Chinese numeral and 、 (二、分项投入)
    int figure = -1;       // the figure opening the value cell
  };
  auto row_at = [&](uint32_t li) {
    Row row;
    const esgaudit_line line = doc.Line(li);
    std::string_view t = text.substr(line.offset, line.length);
    const size_t tab = t.find('\t');
    if (tab == std::string_view::npos) return row;
    row.tab = true;
    std::u32string label;
    for (char32_t c : U32(t.substr(0, tab))) {
      if (c != U' ' && c != U'\u3000') label.push_back(c);
    }
    if (label.rfind(U"其中", 0) == 0) label.erase(0, 2);
    if (!label.empty() && (label[0] == U'：' || label[0] == U':')) label.erase(0, 1);
    if (label.size() >= 2 && label[1] == U'、' && std::u32string_view(U"一二三四五六七八九十_").find(label[0]) != std::u32string_view::npos) {
      row.heading = true;
    }
    size_t k = 0;
    bool digits = false;
    while (k < label.size()) {
      const char32_t c = label[k];
      if (c >= U'0' && c <= U'9') {
        if (!digits) ++row.depth;
        digits = true;
      } else if (c == U'.' || c == U'．' || c == U'•' || c == U'、') {
        digits = false;
      } else {
        break;
      }
      ++k;
    }
    row.label = label.substr(k);
    // The value: the first figure after the tab, when nothing but blanks stands before it.
    size_t v = tab + 1;
    while (v < t.size() && (t[v] == ' ' || t[v] == '\t')) ++v;
    auto it = by_line.find(li);
    if (it != by_line.end()) {
      for (int f : it->second) {
        if (figures_[f].offset == line.offset + v) row.figure = f;
      }
    }
    return row;
  };
  auto has = [](const std::u32string& s, std::u32string_view w) { return s.find(w) != std::u32string::npos; };
  auto is_count = [&](const std::u32string& l) {
    for (std::u32string_view w : {U"（人", U"(人", U"（个", U"(个", U"人数", U"个数", U"人/次", U"（户", U"(户"}) {
      if (has(l, w)) return true;
    }
    return false;
  };
  auto utf8 = [](const std::u32string& u) {
    using It = boost::u32_to_u8_iterator<std::u32string::const_iterator>;
    return std::string(It(u.begin()), It(u.end()));
  };
  std::set<int> taken;
  for (const Relation& r : relations_) {
    taken.insert(r.parts.begin(), r.parts.end());
    if (r.total >= 0) taken.insert(r.total);
  }
  std::map<int, std::u32string> row_label;  // each row figure's row label
  const uint32_t lines = doc.LineCount();
  for (uint32_t li = 0; li < lines; ++li) {
    const Row head = row_at(li);
    if (!head.tab || !has(head.label, U"总体情况")) continue;
    int funds = -1, goods = -1, lifted = -1;
    uint32_t at = li + 1;
    // The overview: rows with figures up to the first row without one (a programme or 二、分项投入).
    for (; at < lines && at <= li + kOverviewLines + 3; ++at) {
      const Row row = row_at(at);
      if (!row.tab) continue;
      if (row.figure < 0) break;
      row_label[row.figure] = row.label;
      if (row.label == U"资金" && at <= li + kOverviewLines) funds = row.figure;
      if (has(row.label, U"物资折款")) goods = row.figure;
      if (has(row.label, U"脱贫数")) lifted = row.figure;
    }
    if (funds < 0) continue;
    std::vector<int> amounts, people;
    uint32_t stray = 0;
    for (; at < lines && at < li + kFormLines; ++at) {
      const Row row = row_at(at);
      if (!row.tab) {
        if (++stray > kStrayLines) break;
        continue;
      }
      stray = 0;
      if (has(row.label, U"所获奖项") || (row.heading && !has(row.label, U"分项投入"))) break;
      if (row.depth < 2 || row.figure < 0 || taken.count(row.figure)) continue;
      const Figure& g = figures_[row.figure];
      row_label[row.figure] = row.label;
      if (has(row.label, U"脱贫数")) {
        people.push_back(row.figure);
      } else if (!is_count(row.label) && g.kind == ESGAUDIT_FACT_QUANTITY && g.unit == figures_[funds].unit &&
                 g.magnitude == figures_[funds].magnitude) {
        amounts.push_back(row.figure);
      }
    }
    auto add = [&](int total, const std::vector<int>& parts, int also) {
      if (total < 0 || parts.size() < 2 || taken.count(total)) return;
      // Each member is labelled by its row, not by the form's column header (数量及开展情况) or the
      // cell above it that the model gives it.
      figures_[total].label = utf8(row_label[total]);
      for (int p : parts) figures_[p].label = utf8(row_label[p]);
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      const Figure& t = figures_[total];
      if (also >= 0 && !r.consistent) {
        const Figure& a = figures_[also];
        if (r.sum_low <= t.high + a.high && t.low + a.low <= r.sum_high) return;  // the goods counted too
      }
      r.evidence = Evidence::kTable;
      r.certainty = Certainty::kLikely;
      r.flag = r.sum_low > t.high;
      Add(std::move(r));
    };
    add(funds, amounts, goods);
    add(lifted, people, -1);
    li = at > li ? at - 1 : li;
  }
}

}  // namespace esgaudit::numeric
