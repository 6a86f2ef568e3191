#include "yearly_slip_rule.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "value_facts.h"
#include "yearly_tables.h"

namespace esgaudit::numeric {
namespace {

// The others of a series agree within this factor (max / min) ...
constexpr double kOthersSpread = 1.5;
// ... and the suspect figure, divided by 10^k, falls within their range widened by this factor.
constexpr double kSlipBand = 1.25;
// Small counts change tenfold for real (accidents 1, 1, 10): the others must reach this value.
constexpr double kSmallest = 10;
constexpr int kMinYears = 3;

struct Point {
  uint32_t fact;
  int year;
  int column;  // the grid column (rows as series) or row (columns as series) it stands in
};

struct Suspect {
  Point at;
  std::vector<Point> others;
  int power;  // 10^power
  std::string label;
};

}  // namespace

void YearlySlipRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  if (!doc.HasStructure() || !doc.HasTableGrids()) return;
  const YearlyTables& yearly = ctx.Shared<YearlyTables>(doc);
  // Asked only for a yearly table's cells (the figures are read with the first yearly table).
  auto figure_of = [&](const esgaudit_table_cell& c) -> long {
    const long f = yearly.cell_figures().Of(c);
    return f >= 0 && doc.Fact(static_cast<uint32_t>(f)).value > 0 ? f : -1;
  };
  std::vector<Suspect> suspects;
  // One series: its points in year order within one run of distinct years.
  int judged = 0;
  auto judge = [&](const std::vector<Point>& series, const std::string& label) {
    if (static_cast<int>(series.size()) < kMinYears) return;
    ++judged;
    for (size_t i = 0; i < series.size(); ++i) {
      double lo = 0, hi = 0;
      std::vector<Point> others;
      for (size_t j = 0; j < series.size(); ++j) {
        if (j == i) continue;
        const double v = doc.Fact(series[j].fact).value;
        lo = others.empty() ? v : std::min(lo, v);
        hi = others.empty() ? v : std::max(hi, v);
        others.push_back(series[j]);
      }
      if (lo < kSmallest || hi > kOthersSpread * lo) continue;
      const double v = doc.Fact(series[i].fact).value;
      for (int k = 1, p = 10; k <= 3; ++k, p *= 10) {
        if (v / p >= lo / kSlipBand && v / p <= hi * kSlipBand) {
          suspects.push_back({series[i], std::move(others), k, label});
          break;
        }
      }
    }
  };
  for (const YearlyTable& yt : yearly.tables()) {
    if (yt.across.size() < kMinYears && yt.down.size() < kMinYears) continue;
    const sdk::TableGrid grid(doc, doc.Table(yt.table));
    if (grid.Rows() < 2 || grid.Cols() < 2) continue;
    const size_t first = suspects.size();
    auto text_at = [&](uint32_t r, uint32_t c) {
      const esgaudit_table_cell* cell = grid.At(r, c);
      return cell == nullptr ? std::string_view() : grid.Text(*cell);
    };
    // Splits `years` (position, year) into runs of distinct years (2014 2015 2016 | 2014 2015 2016:
    // two blocks of one table side by side).
    auto runs = [](const std::vector<std::pair<uint32_t, int>>& years) {
      std::vector<std::vector<std::pair<uint32_t, int>>> out(1);
      for (const auto& y : years) {
        if (std::any_of(out.back().begin(), out.back().end(), [&](const auto& o) { return o.second == y.second; })) {
          out.emplace_back();
        }
        out.back().push_back(y);
      }
      return out;
    };
    // Years across a header row (one of the first three): each later row is a series.
    // A series for each run of `years` (grid positions with their years): `figure_at(position)` is the
    // figure of the row's (or column's) cell there, or -1.
    auto read = [&](const std::vector<std::pair<uint32_t, int>>& years, const std::string& label, auto figure_at) {
      for (const auto& run : runs(years)) {
        std::vector<Point> series;
        for (const auto& [at, y] : run) {
          if (const long f = figure_at(at); f >= 0) series.push_back({static_cast<uint32_t>(f), y, static_cast<int>(at)});
        }
        judge(series, label);
      }
    };
    // Years across a header row (one of the first three): each later row is a series, labelled by its
    // words before its first year (category, label, unit: 经济 资产总额 亿元).
    const std::vector<std::pair<uint32_t, int>>& across = yt.across;
    if (across.size() >= kMinYears) {
      for (uint32_t r = yt.header_row + 1; r < grid.Rows(); ++r) {
        const std::string label = RowWords(grid, r, across.front().first);
        if (label.empty() || ChangeWords(label) || HeaderYear(label) > 0) continue;
        read(across, label, [&](uint32_t c) {
          const esgaudit_table_cell* cell = grid.At(r, c);
          return cell == nullptr || cell->row != r ? -1L : figure_of(*cell);
        });
      }
    }
    // Years down the first column: each later column is a series.
    const std::vector<std::pair<uint32_t, int>>& down = yt.down;
    for (uint32_t c = 1; static_cast<int>(down.size()) >= kMinYears && c < grid.Cols(); ++c) {
      const std::string label(text_at(0, c));
      if (label.empty() || ChangeWords(label) || HeaderYear(label) > 0) continue;
      read(down, label, [&](uint32_t r) {
        const esgaudit_table_cell* cell = grid.At(r, c);
        return cell == nullptr || cell->column != c ? -1L : figure_of(*cell);
      });
    }
    // A year whose figures stand apart in two or more series of the table is a column apart (a
    // footnote mark glued to each, another unit), not a slip: none of them is reported.
    std::map<int, int> per_position;
    for (size_t i = first; i < suspects.size(); ++i) ++per_position[suspects[i].at.column];
    suspects.erase(std::remove_if(suspects.begin() + static_cast<long>(first), suspects.end(),
                                  [&](const Suspect& s) { return per_position[s.at.column] > 1; }),
                   suspects.end());
  }
  ctx.Log(0, "yearly-slip: " + std::to_string(judged) + " yearly series judged, " + std::to_string(suspects.size()) +
                 " apart");
  for (const Suspect& s : suspects) {
    const esgaudit_fact& f = doc.Fact(s.at.fact);
    const std::string_view text = doc.Text();
    const std::string printed(text.substr(f.offset, f.length));
    std::string others;
    for (const Point& o : s.others) {
      const esgaudit_fact& g = doc.Fact(o.fact);
      others += (others.empty() ? "" : doc.English() ? ", " : "、") + std::string(text.substr(g.offset, g.length));
    }
    const std::string times = s.power == 1 ? "10" : s.power == 2 ? "100" : "1000";
    const std::string& label = s.label;
    sdk::Finding out = NewFinding();
    out.severity = ESGAUDIT_WARNING;
    out.offset = f.offset;
    out.length = f.length;
    out.message = doc.English()
                      ? "'" + label + "' is " + printed + " in " + std::to_string(s.at.year) + ", about " + times +
                            " times its other years (" + others + "): a slip of the decimal point or a digit?"
                      : "“" + label + "”" + std::to_string(s.at.year) + "年为" + printed + "，约为其他年份（" + others +
                            "）的 " + times + " 倍：疑似小数点或位数错误";
    for (const Point& o : s.others) {
      const esgaudit_fact& g = doc.Fact(o.fact);
      out.related.push_back({g.offset, g.length, std::to_string(o.year) + ": " + std::string(text.substr(g.offset, g.length))});
    }
    ctx.Report(out);
  }
}

}  // namespace esgaudit::numeric
