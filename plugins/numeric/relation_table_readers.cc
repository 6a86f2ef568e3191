#include "relation_internal.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// A grid cell's text (tags removed, entities decoded).
std::string Txt(const esgaudit_table_cell& c) { return std::string(sdk::View(c.text)); }

// "按性别划分的员工人数" -> "员工", "Employees by gender" -> "employees": the counted noun of a
// breakdown group; empty when the label does not name a breakdown.
std::string BreakdownNoun(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  std::string noun;
  if (Has(l, "按") && (Has(l, "划分") || Has(l, "分"))) {
    size_t de = l.rfind("的");
    if (de == std::string::npos) return "";
    noun = l.substr(de + std::string("的").size());
  } else {
    std::string spaced = Lower(label);
    size_t by = spaced.find(" by ");
    if (by == std::string::npos) return "";
    noun = spaced.substr(0, by);
    noun.erase(std::remove(noun.begin(), noun.end(), ' '), noun.end());
    const std::string prefix = "numberof";
    if (noun.rfind(prefix, 0) == 0) noun = noun.substr(prefix.size());
  }
  for (const char* tail : {"人数", "数量", "总数", "数"}) {
    std::string t(tail);
    if (noun.size() > t.size() && noun.compare(noun.size() - t.size(), t.size(), t) == 0) {
      noun.resize(noun.size() - t.size());
      break;
    }
  }
  return Cps(noun) >= 2 ? noun : "";
}

// The unit a label gives in its brackets: 环境保护投入（万元） -> 万元, 综合能耗（单位：千克/年） -> 千克/年;
// empty when its last bracket is no unit (longer than four characters) or it has none.
std::string BracketUnit(std::string h) {
  h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
  for (const char* w : {"单位：", "单位:"}) {
    const size_t at = sdk::RFind(h, w);
    if (at == std::string::npos) continue;
    std::u32string u = U32(h.substr(at + std::string(w).size()));
    const size_t close = u.find_first_of(U")）");
    return close == std::u32string::npos || close == 0 ? std::string() : ToUtf8(u.substr(0, close));
  }
  std::u32string u = U32(h);
  if (u.empty() || (u.back() != U'）' && u.back() != U')')) return std::string();
  const size_t open = u.find_last_of(U"（(");
  if (open == std::u32string::npos || u.size() - open - 2 == 0 || u.size() - open - 2 > 4) return std::string();
  return ToUtf8(u.substr(open + 1, u.size() - open - 2));
}

}  // namespace

// Tables of the model written as markup (HTML or Markdown pipe tables), read from their grids: total rows and columns, row groups with a total
// child (本年度吸纳就业人数: 总数 / 男性 / 女性), and breakdown groups (按性别划分的员工人数) against the
// total row of the same noun (员工总数) in the same table or one of the two tables before it.
void RelationAnalysis::FindMarkupTotals(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  std::vector<sdk::TableGrid> tables;  // the model's tables with a grid, in text order
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if (t.grid_rows == 0 || (t.source & (ESGAUDIT_TABLE_SOURCE_HTML | ESGAUDIT_TABLE_SOURCE_PIPES)) == 0) continue;
    tables.emplace_back(doc, t);
    if (tables.back().Rows() == 0) tables.pop_back();
  }
  if (tables.empty()) return;
  std::map<uint64_t, int> figure_at;  // text offset -> figure
  for (size_t i = 0; i < figures_.size(); ++i) figure_at[figures_[i].offset] = static_cast<int>(i);
  auto strip = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  // The figure a cell holds as its whole content, or -1.
  auto figure_in = [&](const esgaudit_table_cell& c) -> int {
    auto it = figure_at.lower_bound(c.offset);
    if (it == figure_at.end() || it->first >= c.offset + c.length) return -1;
    const Figure& f = figures_[it->second];
    if (f.offset + f.length > c.offset + c.length) return -1;
    // Bands (30岁以下, 50岁以上) are category labels, not values.
    if ((f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) || f.unit == "岁") return -1;
    const std::string cell = strip(Txt(c));
    return cell.compare(0, f.text.size(), f.text) == 0 && FootnoteTail(std::string_view(cell).substr(f.text.size()))
               ? it->second
               : -1;
  };
  struct RowTotal {  // a row naming a total, for breakdown groups
    size_t table;
    std::string label;
    std::string unit;  // unit column text
    std::map<std::string, int> by_column;  // column header -> figure
  };
  std::vector<RowTotal> row_totals;

  // `unsure`: the group may have lost rows to an OCR-broken label above it; a short sum says nothing.
  auto make = [&](Relation r, bool layout, bool unsure = false) {
    SumParts(&r);
    const double lo = r.sum_low, hi = r.sum_high;
    double tlo = r.total >= 0 ? figures_[r.total].low : 100;
    double thi = r.total >= 0 ? figures_[r.total].high : 100;
    r.consistent = RangesMeet(lo, hi, tlo, thi);
    // A sum far from the total is another kind of figure (an average, a rate, a wrong grouping).
    bool plausible = r.consistent || NearOrSlip(&r, tlo, thi, 1.5, 0.67);
    // Inferred from the layout (a breakdown group against a total row of an earlier table), a sum
    // short of the total may leave a band printed elsewhere: a warning naming the shortfall.
    r.flag = !r.consistent && plausible && (!unsure || lo > thi);
    r.evidence = layout ? Evidence::kLayout : Evidence::kStated;
    r.certainty = layout ? Certainty::kLikely : Certainty::kCertain;
    if (r.consistent || r.flag) Add(std::move(r));
  };
  // Parts and total of one kind and unit, with no qualifier; percentages only as shares of 100%.
  auto uniform = [&](const std::vector<int>& parts, int total, const std::vector<std::string>& units) {
    const Figure& t = figures_[total];
    if (t.qualifiers != 0 || parts.size() < 2) return false;
    for (size_t k = 0; k < parts.size(); ++k) {
      const Figure& f = figures_[parts[k]];
      if (f.kind != t.kind || f.unit != t.unit || f.qualifiers != 0 || f.value < 0) return false;
    }
    for (const std::string& u : units) {
      if (u != units.front()) return false;
    }
    bool percent = t.kind == ESGAUDIT_FACT_PERCENT || (!units.empty() && units.front() == "%");
    return !percent || t.value == 100;
  };
  auto relation = [&](int total, std::vector<int> parts, std::string caption,
                      const std::vector<std::string>& units) {
    Relation r;
    bool percent = figures_[total].kind == ESGAUDIT_FACT_PERCENT || (!units.empty() && units.front() == "%");
    r.kind = percent ? RelationKind::kPercentBreakdown : RelationKind::kPartsTotal;
    r.total = percent ? -1 : total;
    if (percent) {
      r.caption_offset = figures_[total].offset;
      r.caption_length = figures_[total].length;
    }
    r.caption = std::move(caption);
    r.parts = std::move(parts);
    return r;
  };

  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const sdk::TableGrid& t = tables[ti];
    const uint32_t rows = t.Rows(), cols = t.Cols();
    // Figures at the top-left of their cell.
    std::vector<std::vector<int>> fig(rows, std::vector<int>(cols, -1));
    int first_data = -1;
    for (uint32_t r = 0; r < rows; ++r) {
      for (uint32_t c = 0; c < cols; ++c) {
        const esgaudit_table_cell* cell = t.At(r, c);
        if (cell == nullptr || cell->row != r || cell->column != c) continue;
        fig[r][c] = figure_in(*cell);
        if (fig[r][c] >= 0 && first_data < 0) first_data = static_cast<int>(r);
      }
    }
    if (first_data < 0) continue;
    int unit_col = -1;
    std::vector<std::string> header(cols);
    for (uint32_t r = 0; r < static_cast<uint32_t>(first_data); ++r) {
      for (uint32_t c = 0; c < cols; ++c) {
        const esgaudit_table_cell* cell = t.At(r, c);
        if (cell == nullptr || Txt(*cell).empty()) continue;
        header[c] = Txt(*cell);
        std::string l = Lower(strip(Txt(*cell)));
        if (l == "单位" || l == "unit" || l == "units" || l == "unitofmeasure") unit_col = static_cast<int>(c);
      }
    }
    auto unit_of = [&](uint32_t r) -> std::string {
      const esgaudit_table_cell* cell = unit_col >= 0 ? t.At(r, static_cast<uint32_t>(unit_col)) : nullptr;
      return cell ? strip(Txt(*cell)) : "";
    };
    // The label cells of a row: text cells left of its first figure, the unit column excluded.
    auto labels = [&](uint32_t r) {
      std::vector<const esgaudit_table_cell*> out;
      for (uint32_t c = 0; c < cols; ++c) {
        if (fig[r][c] >= 0) break;
        const esgaudit_table_cell* cell = t.At(r, c);
        if (cell == nullptr || static_cast<int>(c) == unit_col || cell->column != c) continue;
        if (!out.empty() && out.back() == cell) continue;
        if (!Txt(*cell).empty() && figure_in(*cell) < 0) out.push_back(cell);
      }
      return out;
    };
    // The extractor's label of a figure in markup is the tag before it: use the row label.
    for (uint32_t r = 0; r < rows; ++r) {
      auto lab = labels(r);
      for (uint32_t c = 0; c < cols; ++c) {
        if (fig[r][c] < 0) continue;
        Figure& f = figures_[fig[r][c]];
        std::string l = lab.empty() ? "" : Txt(*lab.back());
        if (!l.empty() || Has(f.label, ">")) f.label = l;
        // Whole counts are exact when the unit column names a count unit (人, 次).
        if (f.unit.empty() && f.decimals == 0 && f.magnitude == 1 && f.qualifiers == 0 &&
            IsCountUnit(unit_of(r))) {
          f.low = f.high = std::fabs(f.value);
        }
      }
    }
    std::vector<uint32_t> fig_cols;
    for (uint32_t c = 0; c < cols; ++c) {
      for (uint32_t r = 0; r < rows; ++r) {
        if (fig[r][c] >= 0) {
          fig_cols.push_back(c);
          break;
        }
      }
    }

    // Total column: a header cell naming the total; the figure cells left of it add up to it.
    for (uint32_t tc = 1; tc < cols; ++tc) {
      if (!IsTotalLabel(header[tc])) continue;
      for (uint32_t r = static_cast<uint32_t>(first_data); r < rows; ++r) {
        if (fig[r][tc] < 0) continue;
        std::vector<int> parts;
        bool gap = false, started = false;
        for (uint32_t c = 0; c < tc; ++c) {
          if (fig[r][c] >= 0) {
            started = true;
            if (IsTotalLabel(header[c])) gap = true;  // a subtotal column among the parts
            parts.push_back(fig[r][c]);
          } else if (started && static_cast<int>(c) != unit_col) {
            gap = true;
          }
        }
        std::vector<std::string> units;
        if (unit_col >= 0) units.push_back(unit_of(r));
        if (gap || !uniform(parts, fig[r][tc], units)) continue;
        auto lab = labels(r);
        make(relation(fig[r][tc], std::move(parts), lab.empty() ? header[tc] : Txt(*lab.back()), units),
             false);
      }
    }

    // Row groups and total rows.
    for (uint32_t r = static_cast<uint32_t>(first_data); r < rows; ++r) {
      auto lab = labels(r);
      if (lab.empty()) continue;
      const esgaudit_table_cell* own = lab.back();
      // A single labelled row naming a total: remembered for breakdown groups.
      if (lab.size() == 1 && own->row_span == 1 && own->column == 0) {
        std::string l = Lower(strip(Txt(*own)));
        if (Has(l, "总数") || Has(l, "总人数") || l.rfind("total", 0) == 0) {
          RowTotal rt{ti, Txt(*own), unit_of(r), {}};
          for (uint32_t c : fig_cols) {
            if (fig[r][c] >= 0) rt.by_column[header[c]] = fig[r][c];
          }
          if (!rt.by_column.empty()) row_totals.push_back(std::move(rt));
        }
      }
      // A total row first, its parts the rows below it to the end of the table ("Total Scope 1, 2
      // emissions" over "Scope 1" and "Scope 2"). Recognised when at least one column adds up, so
      // the table itself shows that its rows are parts; then each column that does not is checked.
      if (static_cast<int>(r) == first_data && own->row == r && own->row_span == 1 && lab.size() == 1 &&
          own->column == 0 && IsTotalLabel(Txt(*own))) {
        std::vector<uint32_t> part_rows;
        bool simple = true;
        for (uint32_t k = r + 1; k < rows && simple; ++k) {
          auto pl = labels(k);
          simple = !pl.empty() && pl.size() == 1 && pl.back()->row_span == 1 &&
                   !IsTotalLabel(Txt(*pl.back())) && !IsNestedLabel(Txt(*pl.back()));
          part_rows.push_back(k);
        }
        if (!simple || part_rows.size() < 2) continue;
        std::vector<Relation> columns;
        bool corroborated = false;
        for (uint32_t c : fig_cols) {
          if (fig[r][c] < 0) continue;
          std::vector<int> parts;
          std::vector<std::string> units{unit_of(r)};
          for (uint32_t k : part_rows) {
            parts.push_back(fig[k][c]);
            units.push_back(unit_of(k));
          }
          if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
          if (unit_col < 0) units.clear();
          if (!uniform(parts, fig[r][c], units)) continue;
          Relation rel = relation(fig[r][c], std::move(parts), header[c].empty() ? Txt(*own) : header[c], units);
          SumParts(&rel);
          // A percentage column is a breakdown of 100 (relation() leaves it without a total figure).
          const double tlo = rel.total >= 0 ? figures_[rel.total].low : 100;
          const double thi = rel.total >= 0 ? figures_[rel.total].high : 100;
          corroborated = corroborated || RangesMeet(rel.sum_low, rel.sum_high, tlo, thi);
          columns.push_back(std::move(rel));
        }
        if (corroborated) {
          for (Relation& rel : columns) make(std::move(rel), false);
        }
        continue;
      }
      // A total row: parts are the rows above back to the first data row, a nested row or a
      // previous total stops the column.
      if (own->row == r && own->row_span == 1 && lab.size() == 1 && IsTotalLabel(Txt(*own)) &&
          own->column == 0) {
        std::vector<uint32_t> part_rows;
        bool nested = false;
        for (long k = static_cast<long>(r) - 1; k >= first_data; --k) {
          auto pl = labels(static_cast<uint32_t>(k));
          if (pl.empty() || IsTotalLabel(Txt(*pl.back()))) break;
          if (pl.size() != 1 || pl.back()->row_span != 1) {
            nested = true;  // row groups above: several breakdowns, not one column of parts
            break;
          }
          if (IsNestedLabel(Txt(*pl.back()))) nested = true;
          part_rows.push_back(static_cast<uint32_t>(k));
        }
        if (nested || part_rows.size() < 2) continue;
        for (uint32_t c : fig_cols) {
          if (fig[r][c] < 0) continue;
          std::vector<int> parts;
          std::vector<std::string> units{unit_of(r)};
          for (auto it = part_rows.rbegin(); it != part_rows.rend(); ++it) {
            parts.push_back(fig[*it][c]);
            units.push_back(unit_of(*it));
          }
          if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
          if (unit_col < 0) units.clear();
          if (!uniform(parts, fig[r][c], units)) continue;
          std::string caption = header[c].empty() ? Txt(*own) : header[c];
          make(relation(fig[r][c], std::move(parts), caption, units), false);
        }
        continue;
      }
      // A group: a label cell spanning this and the next rows, one child label per row.
      if (lab.size() != 2 || lab[0]->row != r || lab[0]->row_span < 2) continue;
      const esgaudit_table_cell* group = lab[0];
      std::vector<uint32_t> members;
      int total_row = -1;
      bool ok = true;
      for (uint32_t k = r; k < r + group->row_span && k < rows; ++k) {
        auto cl = labels(k);
        if (cl.size() != 2 || cl[0] != group || cl[1]->row_span != 1) {
          ok = false;
          break;
        }
        if (IsTotalLabel(Txt(*cl[1]))) {
          if (total_row >= 0) ok = false;
          total_row = static_cast<int>(k);
        } else {
          if (IsNestedLabel(Txt(*cl[1]))) ok = false;
          members.push_back(k);
        }
      }
      if (!ok || members.size() < 2) continue;
      std::string noun = total_row < 0 ? BreakdownNoun(Txt(*group)) : "";
      // A Markdown label continued over empty cells may have lost its first rows to the label
      // above (a label broken over two rows by OCR): a sum short of the total is certain only
      // when another column of the group adds up.
      const bool continued = (group->flags & ESGAUDIT_TABLE_CELL_CONTINUED) != 0;
      std::vector<std::pair<Relation, bool>> group_relations;
      for (uint32_t c : fig_cols) {
        std::vector<int> parts;
        std::vector<std::string> units;
        for (uint32_t k : members) {
          parts.push_back(fig[k][c]);
          units.push_back(unit_of(k));
        }
        if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
        int total = -1;
        bool layout = false;
        if (total_row >= 0) {
          total = fig[total_row][c];
          units.push_back(unit_of(static_cast<uint32_t>(total_row)));
        } else if (!noun.empty()) {
          // The nearest earlier total row of the same noun, in this table or the two before.
          for (auto it = row_totals.rbegin(); it != row_totals.rend(); ++it) {
            if (it->table + 2 < ti) break;
            std::string tl = Lower(strip(it->label));
            if (!Has(tl, noun) || (unit_col >= 0 && it->unit != units.front())) continue;
            auto col = it->by_column.find(header[c]);
            if (col == it->by_column.end()) continue;
            total = col->second;
            layout = it->table != ti;
            break;
          }
        }
        if (total < 0) continue;
        if (unit_col < 0) units.clear();
        if (!uniform(parts, total, units)) continue;
        group_relations.emplace_back(relation(total, std::move(parts), Txt(*group), units), layout);
      }
      bool corroborated = !continued;
      for (auto& [rel, layout] : group_relations) {
        if (layout || !continued || group_relations.size() < 2) continue;
        SumParts(&rel);
        const double tlo = rel.total >= 0 ? figures_[rel.total].low : 100;
        const double thi = rel.total >= 0 ? figures_[rel.total].high : 100;
        corroborated = corroborated || RangesMeet(rel.sum_low, rel.sum_high, tlo, thi);
      }
      for (auto& [rel, layout] : group_relations) make(std::move(rel), layout || !corroborated, !corroborated);
      r += group->row_span - 1;
    }

    // Runs of rows under one group label (or of rows with a single label): a row opening with 其中 /
    // "of which" starts the parts of the row above, down to a total, a rate, another unit or the
    // run's end (one such row: a subset); a total row (…合计, …总量, …总额) closes the parts above
    // it, back to the run's start or the previous total. Explicit totals: a sum above the total is
    // an error, and so is one below it when the parts close the set (其他) or the total row is
    // below them.
    // Rows of one group share its label cell; a row with two labels and no group is a run of its own.
    auto row_key = [&](uint32_t r) -> int64_t {
      auto lab = labels(r);
      if (lab.size() != 2) return -1;
      return lab[0]->row_span >= 2 ? static_cast<int64_t>(lab[0]->row) : -2 - static_cast<int64_t>(r);
    };
    auto continued_group = [&](uint32_t r) {
      auto lab = labels(r);
      return lab.size() == 2 && (lab[0]->flags & ESGAUDIT_TABLE_CELL_CONTINUED) != 0;
    };
    auto row_label = [&](uint32_t r) {
      auto lab = labels(r);
      return lab.empty() || lab.size() > 2 ? std::string() : Txt(*lab.back());
    };
    auto has_figures = [&](uint32_t r) {
      for (uint32_t c : fig_cols) {
        if (fig[r][c] >= 0) return true;
      }
      return false;
    };
    // `closed`: the parts name every category (其他) or a total row stands under them; `unsure`: the
    // group may have lost rows to the label above (a Markdown label broken by OCR), so a short sum
    // says nothing.
    auto segment = [&](uint32_t total_row, const std::vector<uint32_t>& part_rows, bool closed, bool unsure) {
      const std::string tl = row_label(total_row);
      for (uint32_t c : fig_cols) {
        int total = fig[total_row][c];
        if (total < 0) continue;
        std::vector<int> parts;
        std::vector<std::string> units{unit_of(total_row)};
        for (uint32_t k : part_rows) {
          parts.push_back(fig[k][c]);
          units.push_back(unit_of(k));
        }
        if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
        if (unit_col < 0) units.clear();
        Relation rel;
        if (parts.size() == 1) {
          const Figure& t = figures_[total];
          const Figure& p = figures_[parts[0]];
          if (t.qualifiers != 0 || p.qualifiers != 0 || p.kind != t.kind || p.unit != t.unit ||
              t.kind == ESGAUDIT_FACT_PERCENT || (!units.empty() && units.front() != units.back()))
            continue;
          rel.kind = RelationKind::kSubset;
          rel.total = total;
          rel.parts = parts;
          rel.caption = tl;
          rel.evidence = Evidence::kTable;
          rel.certainty = Certainty::kCertain;
          rel.consistent = WithinTotal(p.low, p.high, t.low, t.high);
          rel.flag = !rel.consistent;
          Add(std::move(rel));
          continue;
        }
        if (!uniform(parts, total, units)) continue;
        rel = relation(total, std::move(parts), header[c].empty() ? tl : tl + "/" + header[c], units);
        SumParts(&rel);
        const double tlo = rel.total >= 0 ? figures_[rel.total].low : 100;
        const double thi = rel.total >= 0 ? figures_[rel.total].high : 100;
        rel.consistent = RangesMeet(rel.sum_low, rel.sum_high, tlo, thi);
        bool plausible = rel.consistent || NearOrSlip(&rel, tlo, thi, 1.5, 0.67);
        if (!plausible) continue;
        rel.flag = !rel.consistent && (!unsure || rel.sum_low > thi);
        rel.evidence = Evidence::kTable;
        rel.certainty = ShortOfAnOpenSet(rel, closed) ? Certainty::kLikely : Certainty::kCertain;
        Add(std::move(rel));
      }
    };
    auto rate_row = [&](uint32_t r) { return RateLabel(row_label(r)) || unit_of(r) == "%"; };
    for (uint32_t r = static_cast<uint32_t>(first_data); r < rows;) {
      if (labels(r).empty() || labels(r).size() > 2) {
        ++r;
        continue;
      }
      const int64_t key = row_key(r);
      const bool unsure = continued_group(r) && fig_cols.size() < 2;
      uint32_t end = r + 1;  // the run [r, end)
      while (end < rows && !labels(end).empty() && labels(end).size() <= 2 && row_key(end) == key &&
             has_figures(end))
        ++end;
      for (uint32_t i = r; i < end; ++i) {
        const std::string li = row_label(i);
        if (li.empty()) continue;
        if (OfWhichLabel(li) && i > r && has_figures(i - 1) && !rate_row(i - 1) && !OfWhichLabel(row_label(i - 1))) {
          std::vector<uint32_t> part_rows{i};
          // A total row right after the list may sum the row above the 其中 with its peers (Plant A,
          // of which hazardous, Plant B, Total): the last rows may be peers, not parts, so a short
          // sum says nothing.
          bool total_after = false;
          for (uint32_t k = i + 1; k < end; ++k) {
            const std::string lk = row_label(k);
            total_after = !lk.empty() && RowTotalLabel(lk);
            if (lk.empty() || RowTotalLabel(lk) || OfWhichLabel(lk) || rate_row(k) || IsNestedLabel(lk) ||
                unit_of(k) != unit_of(i))
              break;
            part_rows.push_back(k);
          }
          bool closed = part_rows.size() >= 2 && OtherLabel(row_label(part_rows.back()));
          segment(i - 1, part_rows, closed && !unsure, unsure || (total_after && !closed));
        } else if (RowTotalLabel(li) && i > r) {
          std::vector<uint32_t> part_rows;
          for (long k = static_cast<long>(i) - 1; k >= static_cast<long>(r); --k) {
            const std::string lk = row_label(static_cast<uint32_t>(k));
            if (lk.empty() || RowTotalLabel(lk) || rate_row(static_cast<uint32_t>(k)) || IsNestedLabel(lk) ||
                !has_figures(static_cast<uint32_t>(k)))
              break;
            part_rows.insert(part_rows.begin(), static_cast<uint32_t>(k));
          }
          if (part_rows.size() >= 2) segment(i, part_rows, !unsure, unsure);
        }
      }
      r = end;
    }
  }
}

// Rows of a small table set among prose: a PDF page of text columns whose middle column holds the
// table, so that each row's line opens with the left column's prose and may go on with the right
// one's ("… fuel suppliers, Nestlé Biomass 839 1 973 909 1 974 748 of the Corporate …"). No
// grid can be read there; the table is anchored on its total row instead: a line holding a total
// word alone (Total, 合计) and then N figures (3 to 8) set apart by blanks, nothing after. The rows
// above it each hold one run of N figures set apart by blanks and no other figure on their line,
// with any text before and after; lines without figures may stand between them (at most
// kMaxGapLines), and a page break, a line of figures of another shape or a run with a share ends
// the table. At least two rows above the total row. Two readings are then tried: the total row
// sums each column; the last column is the sum of the others in each row. A reading is taken when
// it holds in all its sums but one and in at least two with two or more non-zero parts; its sum
// that does not hold is then an error (if not far off, as in FindRowTotalColumns).
// In a table whose figures print thousands with spaces (a figure of another row is read with a
// space group), one row whose run holds another number of figures is regrouped: its pieces of
// digits ("33 067 926 422 959 489", read as 33 067, 926, 422, 959 and 489 because a figure alone
// cannot tell) are joined into N figures, each a lead of one to three digits (no leading zero) and
// groups of three, the grouping under which the most of its row's and its columns' sums hold, when
// one grouping does so alone and at least one sum holds.
void RelationAnalysis::FindRowsAmongProse(const sdk::Document& doc) {
  constexpr size_t kMinCols = 3;
  constexpr size_t kMaxCols = 8;
  constexpr size_t kMaxPieces = 12;     // pieces of digits of a row to regroup (the groupings are C(P-1, N-1))
  constexpr uint32_t kMaxGapLines = 2;  // lines without figures between two rows
  const std::string_view text = doc.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::map<uint32_t, std::vector<int>> on_line = FiguresByLine(true);  // a copy: on_line[] may add a line
  // Whether the line's figures are one run set apart by blanks, none a share.
  auto one_run = [&](const std::vector<int>& figs) {
    for (size_t k = 0; k < figs.size(); ++k) {
      const Figure& f = figures_[figs[k]];
      if (f.kind == ESGAUDIT_FACT_PERCENT) return false;
      if (k == 0) continue;
      const Figure& p = figures_[figs[k - 1]];
      const uint64_t from = p.offset + p.length;
      if (from >= f.offset) return false;
      for (uint64_t c = from; c < f.offset; ++c) {
        if (!blank(text[c])) return false;
      }
    }
    return true;
  };
  auto foots = [&](int total, const std::vector<int>& parts) {
    double lo = 0, hi = 0;
    for (int p : parts) {
      lo += figures_[p].low;
      hi += figures_[p].high;
    }
    return RangesMeet(lo, hi, figures_[total].low, figures_[total].high);
  };
  auto nonzero = [&](const std::vector<int>& parts) {
    return std::count_if(parts.begin(), parts.end(), [&](int p) { return figures_[p].value != 0; });
  };
  for (const auto& [anchor, total_figs] : on_line) {
    const size_t n = total_figs.size();
    if (n < kMinCols || n > kMaxCols || !one_run(total_figs)) continue;
    const esgaudit_line al = doc.Line(anchor);
    const Figure& first = figures_[total_figs.front()];
    const Figure& last = figures_[total_figs.back()];
    std::string lowered;
    if (!BareTotal(std::string(sdk::Trim(text.substr(al.offset, first.offset - al.offset))), &lowered)) continue;
    if (!sdk::Trim(text.substr(last.offset + last.length, al.offset + al.length - last.offset - last.length)).empty()) {
      continue;
    }
    // The rows above, bottom up; `odd` the one row whose run holds another number of figures.
    std::vector<uint32_t> rows;
    int odd = -1;
    for (uint32_t line = anchor, prev = anchor; line-- > 0;) {
      if (prev - line > kMaxGapLines + 1 || doc.Line(line).page != al.page) break;
      auto it = on_line.find(line);
      if (it == on_line.end()) continue;
      if (!one_run(it->second)) break;
      if (it->second.size() != n) {
        if (odd >= 0) break;
        odd = static_cast<int>(rows.size());
      }
      rows.push_back(line);
      prev = line;
    }
    if (odd == static_cast<int>(rows.size()) - 1 && odd >= 0) {  // a line of another shape above the table
      rows.pop_back();
      odd = -1;
    }
    if (rows.size() < 2) continue;
    std::reverse(rows.begin(), rows.end());
    if (odd >= 0) odd = static_cast<int>(rows.size()) - 1 - odd;
    std::vector<std::vector<int>> grid;  // rows top down, then the total row
    for (uint32_t line : rows) grid.push_back(on_line[line]);
    grid.push_back(total_figs);
    std::vector<Figure> regrouped;
    if (odd >= 0) {
      // Space thousands: a figure of another row printed with a space group.
      bool spaced = false;
      for (size_t r = 0; r < grid.size(); ++r) {
        for (int f : grid[r]) {
          const std::string_view raw = text.substr(figures_[f].offset, figures_[f].length);
          for (size_t k = 1; k + 1 < raw.size(); ++k) {
            spaced = spaced || (static_cast<int>(r) != odd && raw[k] == ' ' && std::isdigit(static_cast<unsigned char>(raw[k - 1])) &&
                                std::isdigit(static_cast<unsigned char>(raw[k + 1])));
          }
        }
      }
      if (!spaced) continue;
      struct Piece {
        uint64_t offset;
        std::string digits;
        int figure;  // the figure it was read in
      };
      std::vector<Piece> pieces;
      bool digits_only = true;
      for (int f : grid[odd]) {
        const std::string_view raw = text.substr(figures_[f].offset, figures_[f].length);
        for (size_t k = 0; k < raw.size();) {
          size_t e = k;
          while (e < raw.size() && raw[e] >= '0' && raw[e] <= '9') ++e;
          digits_only = digits_only && e > k && (e == raw.size() || raw[e] == ' ');
          if (!digits_only) break;
          pieces.push_back({figures_[f].offset + k, std::string(raw.substr(k, e - k)), f});
          k = e + 1;
        }
      }
      if (!digits_only || pieces.size() <= n - 1 || pieces.size() > kMaxPieces) continue;
      const double half = (figures_[grid[odd].front()].high - figures_[grid[odd].front()].low) / 2;
      // A segment [a, b) of pieces is one figure: a lead of one to three digits without a leading
      // zero and groups of exactly three, or one piece alone.
      auto segment_ok = [&](size_t a, size_t b) {
        const std::string& lead = pieces[a].digits;
        if (lead.size() > 1 && lead[0] == '0') return false;
        if (b - a == 1) return true;
        if (lead.size() > 3) return false;
        for (size_t k = a + 1; k < b; ++k) {
          if (pieces[k].digits.size() != 3) return false;
        }
        return true;
      };
      auto value_of = [&](size_t a, size_t b) {
        double v = 0;
        for (size_t k = a; k < b; ++k) v = v * std::pow(10.0, pieces[k].digits.size()) + std::stod(pieces[k].digits);
        return v;
      };
      // Every grouping: cut positions 0 = c0 < c1 < … < cN = P.
      int best = -1, best_count = 0;
      std::vector<size_t> best_cuts;
      std::vector<size_t> cuts(n + 1, 0);
      cuts[n] = pieces.size();
      std::function<void(size_t)> place = [&](size_t k) {
        if (k == n) {
          for (size_t s = 0; s < n; ++s) {
            if (!segment_ok(cuts[s], cuts[s + 1])) return;
          }
          std::vector<double> v(n);
          for (size_t s = 0; s < n; ++s) v[s] = value_of(cuts[s], cuts[s + 1]);
          auto holds = [&](double total, double lo, double hi) { return lo <= total + half && total - half <= hi; };
          int score = 0;
          double lo = 0, hi = 0;
          for (size_t s = 0; s + 1 < n; ++s) {
            lo += v[s] - half;
            hi += v[s] + half;
          }
          score += holds(v[n - 1], lo, hi);
          for (size_t c = 0; c < n; ++c) {
            double clo = v[c] - half, chi = v[c] + half;
            for (size_t r = 0; r + 1 < grid.size(); ++r) {
              if (static_cast<int>(r) == odd) continue;
              clo += figures_[grid[r][c]].low;
              chi += figures_[grid[r][c]].high;
            }
            const Figure& t = figures_[grid.back()[c]];
            score += RangesMeet(clo, chi, t.low, t.high);
          }
          if (score > best) {
            best = score;
            best_count = 1;
            best_cuts = cuts;
          } else if (score == best) {
            ++best_count;
          }
          return;
        }
        for (size_t c = cuts[k - 1] + 1; c + (n - k) <= pieces.size(); ++c) {
          cuts[k] = c;
          place(k + 1);
        }
      };
      place(1);
      if (best < 1 || best_count != 1) continue;
      for (size_t s = 0; s < n; ++s) {
        const Piece& a = pieces[best_cuts[s]];
        const Piece& b = pieces[best_cuts[s + 1] - 1];
        Figure g = figures_[a.figure];
        g.offset = a.offset;
        g.length = b.offset + b.digits.size() - a.offset;
        g.column = figures_[a.figure].column + static_cast<uint32_t>(a.offset - figures_[a.figure].offset);
        g.value = value_of(best_cuts[s], best_cuts[s + 1]);
        g.low = g.value - half;
        g.high = g.value + half;
        g.decimals = 0;
        g.text.clear();
        for (size_t k = best_cuts[s]; k < best_cuts[s + 1]; ++k) g.text += pieces[k].digits;
        g.after = figures_[b.figure].after;
        regrouped.push_back(std::move(g));
      }
    }
    // Regrouped figures get their indexes now; they are kept only if a relation takes them.
    const size_t base = figures_.size();
    if (odd >= 0) {
      grid[odd].clear();
      for (size_t s = 0; s < n; ++s) {
        figures_.push_back(regrouped[s]);
        grid[odd].push_back(static_cast<int>(base + s));
      }
    }
    std::vector<Relation> found;
    auto reading = [&](const std::vector<std::pair<int, std::vector<int>>>& sums, const std::vector<std::string>& captions) {
      int holds = 0, fails = 0;
      for (const auto& [total, parts] : sums) {
        if (!foots(total, parts)) {
          ++fails;
        } else if (nonzero(parts) >= 2) {
          ++holds;
        }
      }
      if (fails > 1 || holds < 2) return;
      for (size_t s = 0; s < sums.size(); ++s) {
        const auto& [total, parts] = sums[s];
        if (Summed(total)) continue;  // a stated or table relation already sums into it
        Relation r;
        if (TableSum(total, parts, captions[s], &r)) found.push_back(std::move(r));
      }
    };
    // The row's label: up to three words right before its figures (the rest is the other column's prose).
    auto label_of = [&](const std::vector<int>& row) {
      const esgaudit_line l = doc.Line(figures_[row.front()].line);
      std::string_view before = sdk::Trim(text.substr(l.offset, figures_[row.front()].offset - l.offset));
      size_t at = before.size();
      for (int words = 0; words < 3 && at > 0; ++words) {
        while (at > 0 && !blank(before[at - 1])) --at;
        while (at > 0 && blank(before[at - 1])) --at;
      }
      return std::string(sdk::Trim(before.substr(at)));
    };
    std::vector<std::pair<int, std::vector<int>>> columns, row_sums;
    std::vector<std::string> column_captions, row_captions;
    for (size_t c = 0; c < n; ++c) {
      std::vector<int> parts;
      for (size_t r = 0; r + 1 < grid.size(); ++r) parts.push_back(grid[r][c]);
      columns.push_back({grid.back()[c], parts});
      column_captions.push_back(label_of(grid.back()));
    }
    for (const std::vector<int>& row : grid) {
      row_sums.push_back({row.back(), std::vector<int>(row.begin(), row.end() - 1)});
      row_captions.push_back(label_of(row));
    }
    reading(columns, column_captions);
    reading(row_sums, row_captions);
    bool uses_regrouped = false;
    for (const Relation& r : found) {
      uses_regrouped = uses_regrouped || r.total >= static_cast<int>(base) ||
                       std::any_of(r.parts.begin(), r.parts.end(), [&](int p) { return p >= static_cast<int>(base); });
    }
    if (odd >= 0 && !uses_regrouped) DropFiguresFrom(base);
    for (Relation& r : found) Add(std::move(r));
  }
}

// Rows of one figure each under a total row naming the same quantity: `Scope 1 carbon emissions
// mtCO2e 5.75 …`, `Scope 2 carbon emissions mtCO2e 0.49 …` over `Total carbon emissions mtCO2e
// 9.93` (an assurance statement's table of subject matter, with marks and the other column's prose
// after the figures). The total's label is `Total` and a tail of two words or more (the quantity
// and its unit); each part is a figure whose line text before it ends with that tail after a prefix
// of its own that is no total (the category). Parts are taken from the lines above, lines without
// such a figure between them (at most kMaxGapLines) and no page break; two parts or more. The rows
// may leave a category unprinted, so only parts adding up to more than their total are flagged (and
// not when far above it: a misread row); rows naming the two accounting methods of Scope 2 are both
// the same quantity, so the rows are not summed then.
void RelationAnalysis::FindTotalsOfLabelTails(const sdk::Document& doc) {
  constexpr uint32_t kMaxGapLines = 2;
  constexpr size_t kMinTailWords = 2;
  const std::string_view text = doc.Text();
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  auto before = [&](int f) {
    const esgaudit_line l = doc.Line(figures_[f].line);
    return std::string(sdk::Trim(text.substr(l.offset, figures_[f].offset - l.offset)));
  };
  for (const auto& [line, figs] : on_line) {
    const int total = figs.front();
    if (figures_[total].kind == ESGAUDIT_FACT_PERCENT) continue;
    const std::string label = before(total);
    if (Lower(label).rfind("total ", 0) != 0) continue;
    const std::string tail = std::string(sdk::Trim(std::string_view(label).substr(6)));
    size_t words = 0;
    for (size_t k = 0; k < tail.size(); ++k) words += tail[k] != ' ' && (k == 0 || tail[k - 1] == ' ');
    if (words < kMinTailWords || !std::any_of(tail.begin(), tail.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      continue;
    }
    const uint32_t page = doc.Line(line).page;
    std::vector<int> parts;
    std::set<int> methods;
    for (uint32_t l = line, prev = line; l-- > 0;) {
      if (prev - l > kMaxGapLines + 1 || doc.Line(l).page != page) break;
      auto it = on_line.find(l);
      if (it == on_line.end()) continue;
      int part = -1;
      for (int f : it->second) {
        const std::string b = before(f);
        if (b.size() > tail.size() + 1 && b.compare(b.size() - tail.size(), tail.size(), tail) == 0 &&
            b[b.size() - tail.size() - 1] == ' ') {
          part = f;
          break;
        }
      }
      if (part < 0) continue;
      const std::string b = before(part);
      if (Lower(b).rfind("total", 0) == 0 || figures_[part].kind == ESGAUDIT_FACT_PERCENT) break;  // another total: the rows above are its own
      parts.push_back(part);
      methods.insert(AccountingMethod(b));
      prev = l;
    }
    if (parts.size() < 2 || (methods.count(1) && methods.count(2))) continue;
    if (Summed(total)) continue;
    std::reverse(parts.begin(), parts.end());
    Relation r;
    r.kind = RelationKind::kPartsTotal;
    r.evidence = Evidence::kTable;
    r.certainty = Certainty::kCertain;
    r.total = total;
    r.caption = label;
    r.parts = parts;
    SumParts(&r);
    const Figure& t = figures_[total];
    r.consistent = RangesMeet(r.sum_low, r.sum_high, t.low, t.high);
    r.flag = r.sum_low > t.high && NearOrSlip(&r, t.low, t.high);
    if (r.consistent || r.flag) Add(std::move(r));
  }
}

// A water balance in rows of one figure each (GRI 303-5: consumption is withdrawal less discharge),
// as an assurance statement lists its subject matter: `Total water abstracted million m3 23,896`,
// `Total water consumed million m3 0.8`, `Total water returned million m3 23,895`, in any order,
// with marks or prose after the figures. A line's first figure whose label (the line's text before
// it, kMaxLabelWords words at most) names a total of water and exactly one of withdrawal
// (withdrawn, abstracted), discharge (discharged, returned) or consumption (consumed), with no
// qualifier (a bracket, or a dash: `Total water consumed – Buildings` is part of the scope), is a
// role row; a withdrawal row with exactly one discharge row and one consumption row within
// kMaxSpanLines on its page (and no other withdrawal row there), all three of one kind and unit,
// makes withdrawal = discharge + consumption.
void RelationAnalysis::FindWaterBalanceRows(const sdk::Document& doc) {
  constexpr uint32_t kMaxSpanLines = 8;
  constexpr size_t kMaxLabelWords = 7;
  const std::string_view text = doc.Text();
  auto role = [](const std::string& label) -> int {
    const std::string l = Lower(label);
    if (l.rfind("total water", 0) != 0 || Has(l, "(") || Has(l, "\xEF\xBC\x88") || Has(l, " \u2013") ||
        Has(l, " \u2014") || Has(l, " - ")) {
      return -1;
    }
    const bool in = Has(l, "withdraw") || Has(l, "abstract");
    const bool out = Has(l, "discharg") || Has(l, "returned");
    const bool used = Has(l, "consum");
    if (in + out + used != 1) return -1;
    return in ? 0 : out ? 1 : 2;
  };
  struct RoleRow {
    uint32_t line;
    uint32_t page;
    int role;
    int figure;
    std::string label;
  };
  std::vector<RoleRow> rows;
  std::map<uint32_t, int> first_on_line;
  for (size_t i = 0; i < figures_.size(); ++i) {
    auto it = first_on_line.find(figures_[i].line);
    if (it == first_on_line.end() || figures_[i].offset < figures_[it->second].offset) {
      first_on_line[figures_[i].line] = static_cast<int>(i);
    }
  }
  for (const auto& [line, f] : first_on_line) {
    const esgaudit_line l = doc.Line(line);
    const std::string label(sdk::Trim(text.substr(l.offset, figures_[f].offset - l.offset)));
    size_t words = 0;
    for (size_t k = 0; k < label.size(); ++k) words += label[k] != ' ' && (k == 0 || label[k - 1] == ' ');
    if (words > kMaxLabelWords || figures_[f].kind == ESGAUDIT_FACT_PERCENT || figures_[f].qualifiers != 0) continue;
    const int k = role(label);
    if (k >= 0) rows.push_back({line, l.page, k, f, label});
  }
  for (const RoleRow& w : rows) {
    if (w.role != 0) continue;
    int found[3] = {0, 0, 0};
    int at[3] = {-1, -1, -1};
    for (const RoleRow& o : rows) {
      const uint32_t d = o.line > w.line ? o.line - w.line : w.line - o.line;
      if (o.page != w.page || d > kMaxSpanLines) continue;
      ++found[o.role];
      at[o.role] = o.figure;
    }
    if (found[0] != 1 || found[1] != 1 || found[2] != 1) continue;
    const Figure& tf = figures_[w.figure];
    bool same = true;
    for (int p : {at[1], at[2]}) same = same && figures_[p].kind == tf.kind && figures_[p].unit == tf.unit;
    if (!same || Summed(w.figure)) continue;
    std::vector<int> parts = {at[1], at[2]};
    if (figures_[at[2]].offset < figures_[at[1]].offset) std::swap(parts[0], parts[1]);
    Relation r;
    if (TableSum(w.figure, std::move(parts), w.label, &r)) Add(std::move(r));
  }
}

// A row of shares across the columns of a table whose columns are categories (sites, regions, business
// lines): `采购额占比  40%  25%  20%  15%` under `区域  东区  南区  西区  北区`. The row's label names a share of
// one whole (占比, 比重, 构成, share of, proportion of) and no category of its own (女性员工占比 is a
// ratio within each column, not a split across them); every value cell is one percentage, at least
// kMinShares of them, none already a member of a relation, and the header row above holds no
// figure. The split is inferred from the layout: it is taken when its sum lies within kPlausible
// points of 100 % or one share printed with a digit too many makes it whole (NearHundredOrSlip), and
// a sum off is a warning.
void RelationAnalysis::FindShareRowsOfCategoryTables(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr size_t kMinShares = 3;
  const std::map<uint64_t, int>& figure_at = FigureAt();
  std::set<int> in_relation;
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  auto names_share = [](const std::string& label) {
    const std::string l = Lower(label);
    for (const char* w : {"占比", "比重", "构成", "share of", "proportion of", "percentage of"}) {
      if (Has(l, w)) return true;
    }
    return false;
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if (t.kind != ESGAUDIT_TABLE_CATEGORIES) continue;
    // The grid is read a row at a time (the host gives its cells row by row, each once): a long
    // table's cells are never all copied.
    auto judge_row = [&](const std::vector<esgaudit_table_cell>& cells) {
      std::string label;
      std::vector<int> shares;
      for (const esgaudit_table_cell& c : cells) {
        const std::string text(sdk::Trim(sdk::View(c.text)));
        if (c.column == 0) {
          label = text;
          continue;
        }
        if (text.empty()) continue;
        // The cell's figure is all of it.
        auto f = figure_at.lower_bound(c.offset);
        if (f == figure_at.end() || f->first >= c.offset + c.length) return;
        const Figure& g = figures_[f->second];
        if (g.kind != ESGAUDIT_FACT_PERCENT || g.text != text || in_relation.count(f->second)) return;
        shares.push_back(f->second);
      }
      if (shares.size() < kMinShares || !names_share(label) || Categorise(label).first >= 0 || NamesRate(label)) {
        return;
      }
      Relation r = Stated(RelationKind::kPercentBreakdown, -1, shares);
      if (!NearHundredOrSlip(&r)) return;
      r.flag = !r.consistent;
      r.certainty = Certainty::kLikely;
      Add(std::move(r));
    };
    std::vector<esgaudit_table_cell> cells;  // the row being read
    bool header = true;                      // the grid's first row: labels only, or the table is left
    // The row read so far is complete: the header is checked, a later row judged. False when the
    // header holds a figure (the table is no table of shares by category).
    auto row_done = [&] {
      if (!header) {
        judge_row(cells);
      } else if (std::any_of(cells.begin(), cells.end(),
                             [](const esgaudit_table_cell& h) { return HasDigit(sdk::View(h.text)); })) {
        return false;
      }
      header = false;
      cells.clear();
      return true;
    };
    bool table = true;
    for (const esgaudit_table_cell& c : doc.EachGridCell(t)) {
      if (!cells.empty() && c.row != cells.front().row && !(table = row_done())) break;
      cells.push_back(c);
    }
    if (table && !cells.empty()) row_done();
  }
}

// A table of shares whose rows are printed one per line with no grid the structure model reads (a
// PDF page whose text columns share the rows' lines, or a small table among prose): a header of
// categories (`Region Paper Plastic Glass`, possibly wrapped over two lines), then rows such as
// `North 20% 45% 35%` or `2023 12% 50% 38%`, each row the split of one whole across the columns.
// A row is a line ending in three or more percentages set apart by blanks (nothing after them);
// what stands before them is its label (a category or a year; prose of another column may precede
// it), and must not end in another figure (a row with a value column besides its shares). Rows
// with as many shares, each within kMaxGapLines of the one before on the same page, are one run.
// The run is a table of breakdowns only when at least two of its rows add up to 100 % within their
// rounding and none is more than kPlausible points off: rates per category (a recycling rate per
// site) add up to 100 in one row by chance, not in two; a row farther off is a slip when one share
// read 10 or 100 times its value makes it whole. Not taken: a run under a header of period
// columns (each row a time series), rows whose label names a rate, lines of a time-series table of
// the structure model, and figures already in a relation. The split is read from the layout, so a
// row that does not add up is a warning.
void RelationAnalysis::FindShareRowRuns(const sdk::Document& doc) {
  constexpr size_t kMinShares = 3;
  constexpr size_t kMaxShares = 8;
  constexpr uint32_t kMaxGapLines = 4;     // from one row to the next
  constexpr uint32_t kHeaderReach = 4;     // lines above the first row searched for a period header
  const std::string_view text = doc.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::set<int> in_relation;
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(false);
  auto year_token = [](std::string_view t) {
    if (t.size() > 2 && (t.substr(0, 2) == "FY" || t.substr(0, 2) == "fy")) t.remove_prefix(2);
    return t.size() == 4 && OpensWithYear(t);
  };
  // Whether the line ends in two or more years set apart by blanks (a header of period columns).
  auto period_header = [&](uint32_t line) {
    std::string_view l = sdk::Trim(doc.LineText(line));
    int years = 0;
    while (!l.empty()) {
      const size_t sp = l.find_last_of(" \t");
      const std::string_view tok = sp == std::string_view::npos ? l : l.substr(sp + 1);
      if (!year_token(tok)) break;
      ++years;
      l = sp == std::string_view::npos ? std::string_view() : sdk::Trim(l.substr(0, sp));
    }
    return years >= 2;
  };
  struct Row {
    uint32_t line = 0;
    std::vector<int> shares;
    std::string label;  // after the last figure or sentence end before the shares
    bool rate = false;
  };
  // The line's row of shares, if it is one.
  auto row_of = [&](uint32_t line, std::vector<int> figs, Row* row) {
    if (doc.HasStructure()) {
      const esgaudit_line_structure ls = doc.LineStructure(line);
      if (ls.table != ESGAUDIT_NO_INDEX && doc.Table(ls.table).kind == ESGAUDIT_TABLE_TIME_SERIES) return false;
    }
    std::sort(figs.begin(), figs.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
    const esgaudit_line l = doc.Line(line);
    const Figure& last = figures_[figs.back()];
    if (!sdk::Trim(text.substr(last.offset + last.length, l.offset + l.length - last.offset - last.length)).empty()) {
      return false;
    }
    size_t first = figs.size();
    while (first > 0) {
      const Figure& f = figures_[figs[first - 1]];
      // A share up to 1000 % may be one printed ten times its value (the run's test below).
      if (f.kind != ESGAUDIT_FACT_PERCENT || f.value < 0 || f.value > kMaxSlippedShare || in_relation.count(figs[first - 1])) break;
      if (first < figs.size()) {
        const Figure& n = figures_[figs[first]];
        const uint64_t from = f.offset + f.length;
        if (from >= n.offset) break;
        bool gap = true;
        for (uint64_t c = from; c < n.offset && gap; ++c) gap = blank(text[c]);
        if (!gap) break;
      }
      --first;
    }
    const size_t k = figs.size() - first;
    if (k < kMinShares || k > kMaxShares) return false;
    const Figure& head = figures_[figs[first]];
    if (head.offset == l.offset || !blank(text[head.offset - 1])) return false;
    const std::string_view before = sdk::Trim(text.substr(l.offset, head.offset - l.offset));
    if (before.empty()) return false;
    // The label's last word: a word or a year, not another figure.
    const size_t sp = before.find_last_of(" \t");
    const std::string_view word = sp == std::string_view::npos ? before : before.substr(sp + 1);
    const bool letters = std::any_of(word.begin(), word.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!letters && !year_token(word)) return false;
    // The label starts after the last figure before it or the last sentence end.
    uint64_t from = l.offset;
    for (size_t i = 0; i < first; ++i) from = std::max<uint64_t>(from, figures_[figs[i]].offset + figures_[figs[i]].length);
    std::string label(sdk::Trim(text.substr(from, head.offset - from)));
    // A Latin sentence end counts before a capital only ("U.S. and Canada" is one label).
    for (const char* end : {". ", "; ", "! ", "? ", "。", "；"}) {
      const size_t n = std::strlen(end);
      const bool latin = end[0] != '\xE3' && end[0] != '\xEF';
      for (size_t at = label.rfind(end); at != std::string::npos; at = at > 0 ? label.rfind(end, at - 1) : std::string::npos) {
        if (at + n >= label.size()) continue;
        if (latin && !std::isupper(static_cast<unsigned char>(label[at + n]))) continue;
        label = label.substr(at + n);
        break;
      }
    }
    row->line = line;
    row->shares.assign(figs.begin() + static_cast<std::ptrdiff_t>(first), figs.end());
    row->label = std::string(sdk::Trim(label));
    row->rate = RateLabel(row->label);
    return true;
  };
  std::vector<std::vector<Row>> runs;
  for (const auto& [line, figs] : on_line) {
    Row row;
    if (!row_of(line, figs, &row)) continue;
    if (!runs.empty()) {
      const Row& prev = runs.back().back();
      if (prev.shares.size() == row.shares.size() && line - prev.line <= kMaxGapLines &&
          doc.Line(prev.line).page == doc.Line(line).page) {
        runs.back().push_back(std::move(row));
        continue;
      }
    }
    runs.push_back({std::move(row)});
  }
  for (std::vector<Row>& run : runs) {
    if (run.size() < 2) continue;
    if (std::any_of(run.begin(), run.end(), [](const Row& r) { return r.rate; })) continue;
    bool under_periods = false;
    const uint32_t top = run.front().line;
    for (uint32_t line = top; line-- > 0 && top - line <= kHeaderReach && !under_periods;) {
      if (doc.Line(line).page != doc.Line(top).page) break;
      under_periods = period_header(line);
    }
    if (under_periods) continue;
    std::vector<Relation> rows;
    size_t adding_up = 0;
    bool plausible = true;
    for (Row& row : run) {
      Relation r = Stated(RelationKind::kPercentBreakdown, -1, row.shares);
      // A row far off that one share read ten or a hundred times smaller (printed with a digit or two added) makes whole is a
      // slip in a table the other rows prove (`9% 470% 44%`), not a run of rates.
      plausible = plausible && NearHundredOrSlip(&r);
      adding_up += r.consistent ? 1 : 0;
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent;
      r.caption = row.label;
      rows.push_back(std::move(r));
    }
    if (!plausible || adding_up < 2) continue;
    for (Relation& r : rows) Add(std::move(r));
  }
}

// Column c of `rows` (figure indexes, one row per vector) summed to totals[c], as a layout reads them:
// the sums are added only when every column has two non-zero parts and sums, none is off by more than a
// slip, at least one adds up and all but one do.
void RelationAnalysis::AddColumnSums(const std::vector<std::vector<int>>& rows, const std::vector<int>& totals,
                                     const std::string& total_label) {
  std::vector<Relation> found;
  size_t holds = 0;
  for (size_t c = 0; c < totals.size(); ++c) {
    std::vector<int> parts;
    size_t nonzero = 0;
    for (const std::vector<int>& row : rows) {
      parts.push_back(row[c]);
      nonzero += figures_[row[c]].value != 0;
    }
    Relation r;
    if (nonzero < 2 || !TableSum(totals[c], parts, total_label, &r) || OffByMoreThanASlip(r, figures_[totals[c]])) {
      return;
    }
    holds += r.consistent;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    found.push_back(std::move(r));
  }
  if (holds < 1 || holds + 1 < totals.size()) return;
  for (Relation& r : found) Add(std::move(r));
}

// The right one of two tables set side by side on a page of text columns, so that each row's line
// opens with the left table's row or the other column's prose: a total row (its label a total word
// or opening with one, as BareTotal reads it, then N figures set apart by blanks, 2 <= N <= 8,
// nothing after), and above it rows whose lines end in N or more figures set apart by blanks (the
// last N are the row's; the word before them is its label, not another figure, and the text before
// them names no rate), lines without figures between them (at most kMaxGapLines) and no page break;
// a line with figures of another shape ends the table. Two rows or more with two or more non-zero
// figures per column. The columns are summed when every one adds up (a relation recognised), or all
// but one and at least one does (the one that does not is a warning: the grouping is read from the
// layout alone); a column off by more than 15 % of its total is another quantity (an average, a
// rate), so nothing is summed then. Totals another reading already sums are left to it.
void RelationAnalysis::FindTotalsOfTrailingRuns(const sdk::Document& doc) {
  constexpr size_t kMinCols = 2;
  constexpr size_t kMaxCols = 8;
  constexpr uint32_t kMaxGapLines = 3;
  const std::string_view text = doc.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  // The figures ending the line, set apart by blanks and none a share or a year, nothing after the last;
  // empty when the line does not end in a figure.
  auto trailing_run = [&](uint32_t line, const std::vector<int>& figs) {
    std::vector<int> run;
    const esgaudit_line l = doc.Line(line);
    const Figure& last = figures_[figs.back()];
    if (!sdk::Trim(text.substr(last.offset + last.length, l.offset + l.length - last.offset - last.length)).empty()) {
      return run;
    }
    for (size_t k = figs.size(); k-- > 0;) {
      const Figure& f = figures_[figs[k]];
      if (f.kind != ESGAUDIT_FACT_QUANTITY) break;
      if (!run.empty()) {
        const Figure& n = figures_[run.back()];
        const uint64_t from = f.offset + f.length;
        if (from >= n.offset) break;
        bool gap = true;
        for (uint64_t c = from; c < n.offset && gap; ++c) gap = blank(text[c]);
        if (!gap) break;
      }
      run.push_back(figs[k]);
    }
    std::reverse(run.begin(), run.end());
    return run;
  };
  for (const auto& [anchor, total_figs] : on_line) {
    const std::vector<int> total_run = trailing_run(anchor, total_figs);
    const size_t n = total_run.size();
    if (n < kMinCols || n > kMaxCols || n != total_figs.size()) continue;
    const esgaudit_line al = doc.Line(anchor);
    std::string lowered;
    const Figure& first = figures_[total_run.front()];
    if (!BareTotal(std::string(sdk::Trim(text.substr(al.offset, first.offset - al.offset))), &lowered)) continue;
    if (std::any_of(total_run.begin(), total_run.end(), [&](int t) { return Summed(t); })) continue;
    const std::string total_label(sdk::Trim(text.substr(al.offset, first.offset - al.offset)));
    std::vector<std::vector<int>> rows;  // bottom up
    for (uint32_t line = anchor, prev = anchor; line-- > 0;) {
      if (prev - line > kMaxGapLines + 1 || doc.Line(line).page != al.page) break;
      auto it = on_line.find(line);
      if (it == on_line.end()) continue;
      std::vector<int> run = trailing_run(line, it->second);
      if (run.size() < n) break;
      run.erase(run.begin(), run.end() - static_cast<std::ptrdiff_t>(n));
      // The label's last word is a word, not a figure (a row with more columns).
      const esgaudit_line l = doc.Line(line);
      const std::string_view before = sdk::Trim(text.substr(l.offset, figures_[run.front()].offset - l.offset));
      const size_t sp = before.find_last_of(" \t");
      const std::string_view word = sp == std::string_view::npos ? before : before.substr(sp + 1);
      if (!std::any_of(word.begin(), word.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
          }) ||
          RateLabel(std::string(before))) {
        break;
      }
      rows.push_back(std::move(run));
      prev = line;
    }
    if (rows.size() < 2) continue;
    std::reverse(rows.begin(), rows.end());
    AddColumnSums(rows, total_run, total_label);
  }
}

void RelationAnalysis::FindSideBySideShareRows(const sdk::Document& doc) {
  constexpr size_t kMaxShares = 8;
  constexpr uint32_t kMaxGapLines = 4;
  constexpr double kNear = 1;  // points
  const std::string_view text = doc.Text();
  std::set<int> in_relation;
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  // Up to 1000 %: a share printed ten times its value is read, and its row shown wrong by the block.
  auto share = [&](int f) {
    const Figure& x = figures_[f];
    return x.kind == ESGAUDIT_FACT_PERCENT && x.value >= 0 && x.value <= kMaxSlippedShare && !in_relation.count(f);
  };
  const std::map<uint64_t, int>& figure_at = FigureAt();
  auto skip_blanks = [&](uint64_t at, uint64_t end) {
    while (at < end && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r')) ++at;
    return at;
  };
  // The share starting at `at` (a `%` set apart from it taken in: `0.1 %`), or -1; `at` moves past it.
  auto share_at = [&](uint64_t* at, uint64_t end) {
    auto it = figure_at.find(*at);
    if (it == figure_at.end() || !share(it->second)) return -1;
    const Figure& x = figures_[it->second];
    uint64_t next = x.offset + x.length;
    const uint64_t after = skip_blanks(next, end);
    if (after < end && text[after] == '%' && text.substr(x.offset, x.length).find('%') == std::string_view::npos) {
      next = after + 1;
    }
    if (next < end && text[next] != ' ' && text[next] != '\t' && text[next] != '\r') return -1;
    *at = next;
    return it->second;
  };
  // The shares of a line holding shares only, or empty.
  auto shares_only = [&](uint32_t line) {
    std::vector<int> out;
    const esgaudit_line l = doc.Line(line);
    const uint64_t end = l.offset + l.length;
    for (uint64_t at = skip_blanks(l.offset, end); at < end; at = skip_blanks(at, end)) {
      const int f = share_at(&at, end);
      if (f < 0) return std::vector<int>();
      out.push_back(f);
    }
    return out;
  };
  struct Row {
    uint32_t line = 0;
    std::string key;
    std::vector<std::vector<int>> parts;  // the shares of each table, those of the line above included
    std::vector<size_t> shape;            // shares of each table on the row's own line
  };
  auto row_of = [&](uint32_t line, Row* row) {
    const esgaudit_line l = doc.Line(line);
    const uint64_t end = l.offset + l.length;
    const std::string_view rest = sdk::Trim(text.substr(l.offset, l.length));
    const std::string_view key = rest.substr(0, std::min(rest.find_first_of(" \t\r"), rest.size()));
    const bool year = key.size() == 4 && OpensWithYear(key);
    const bool word = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!year && !word) return false;
    row->line = line;
    row->key = std::string(key);
    row->parts.clear();
    for (uint64_t at = skip_blanks(l.offset, end); at < end; at = skip_blanks(at, end)) {
      const uint64_t after = at + key.size();
      if (text.substr(at, key.size()) == key &&
          (after >= end || text[after] == ' ' || text[after] == '\t' || text[after] == '\r')) {
        row->parts.emplace_back();
        at = after;
        continue;
      }
      const int f = share_at(&at, end);
      if (f < 0 || row->parts.empty()) return false;
      row->parts.back().push_back(f);
    }
    if (row->parts.size() < 2) return false;
    row->shape.clear();
    for (const std::vector<int>& p : row->parts) {
      if (p.size() < 2 || p.size() > kMaxShares) return false;
      row->shape.push_back(p.size());
    }
    if (line > 0 && doc.Line(line - 1).page == l.page) {
      const std::vector<int> above = shares_only(line - 1);
      if (above.size() >= row->parts.size()) {
        for (size_t i = 0; i < above.size(); ++i) row->parts[std::min(i, row->parts.size() - 1)].push_back(above[i]);
      }
    }
    return true;
  };
  std::vector<std::vector<Row>> blocks;
  for (const auto& entry : on_line) {
    Row row;
    if (entry.second.size() < 4 || !row_of(entry.first, &row)) continue;
    if (!blocks.empty()) {
      const Row& prev = blocks.back().back();
      if (prev.shape == row.shape && row.line - prev.line <= kMaxGapLines &&
          doc.Line(prev.line).page == doc.Line(row.line).page) {
        blocks.back().push_back(std::move(row));
        continue;
      }
    }
    blocks.push_back({std::move(row)});
  }
  for (const std::vector<Row>& block : blocks) {
    if (block.size() < 2) continue;
    for (size_t t = 0; t < block.front().shape.size(); ++t) {
      std::vector<Relation> rows;
      size_t adding_up = 0;
      bool plausible = true;
      for (const Row& row : block) {
        Relation r = Stated(RelationKind::kPercentBreakdown, -1, row.parts[t]);
        std::sort(r.parts.begin(), r.parts.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
        plausible = plausible && NearHundredOrSlip(&r);
        adding_up += r.consistent ? 1 : 0;
        r.evidence = Evidence::kLayout;
        r.certainty = Certainty::kLikely;
        // Within kNear of 100 a row may leave out a small category printed nowhere (an unread cell):
        // not flagged.
        r.flag = !r.consistent && (r.sum_low > 100 + kNear || r.sum_high < 100 - kNear);
        r.caption = row.key;
        rows.push_back(std::move(r));
      }
      if (!plausible || adding_up < 2) continue;
      for (Relation& r : rows) Add(std::move(r));
    }
  }
}

// A total named by the quantity it totals, with no total word, in a column or a row of a table:
// `配备个人防护用品（万元） | 组织职业健康体验（万元） | 安全培训教育（万元） | 全年安全投入（万元）` over
// rows of figures; `电能折合标煤（单位：千克/年） | 其他能源消耗总量（…千克/年） | 综合能耗（单位：千克/年）`
// among columns of other units; the same lines as the rows of a KPI table of years. Nothing but
// arithmetic names the total, so it is taken only when all of this holds:
// - a tab or aligned table of the model with no total row; each line (a column, named by its header
//   cells; or a row, named by its label cell) names its unit in a bracket (单位：… inside it, or the
//   bracket's content alone); no header names a total word (合计, 总计, 小计: the model's reader takes
//   those) or a rate;
// - the total line j and the run of two or more lines right before it in j's unit are the parts
//   (a line of another unit ends the run);
// - witnesses (rows for a column total, columns for a row total) whose cells in the run and in j
//   are all figures (words there, 未统计, make no witness and no sum), each plain, in no other
//   relation, in the unit of j or none;
// - at least kWitnesses of them (two or more non-zero parts, a total of three digits or more) and
//   all of them but one sum to j as printed.
// Each witness is then a sum; one off is a warning (Likely): the total is read from the arithmetic of
// the others, not from a word.
void RelationAnalysis::FindQuantityTotalLines(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr size_t kWitnesses = 3;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  const std::map<uint64_t, int>& figure_at = FigureAt();
  auto unit_of = BracketUnit;
  auto total_or_rate = [](const std::string& name) {
    for (const char* w : {"合计", "总计", "小计", "共计", "率", "占比", "比例", "%", "％"}) {
      if (Has(name, w)) return true;
    }
    return false;
  };
  // lines[i]: the figure of each witness (-1 empty, -2 words); names[i] its name. Adds the sums of the
  // first total line found.
  auto sum_lines = [&](const std::vector<std::vector<int>>& lines, const std::vector<std::string>& names,
                       const std::string& table_unit) {
    std::vector<std::string> units(lines.size());
    std::vector<size_t> named;
    for (size_t i = 0; i < lines.size(); ++i) {
      units[i] = unit_of(names[i]);
      if (!units[i].empty() && units[i] != "%" && !total_or_rate(names[i])) named.push_back(i);
    }
    if (named.size() < 3) return;
    const std::set<int> related = FiguresInRelations();
    auto empty_line = [&](size_t i) { return std::all_of(lines[i].begin(), lines[i].end(), [](int f) { return f == -1; }); };
    auto plain = [&](int f, const std::string& unit) {
      const Figure& x = figures_[f];
      return !related.count(f) && x.kind == ESGAUDIT_FACT_QUANTITY &&
             (x.unit.empty() || x.unit == unit || x.unit == table_unit);
    };
    for (size_t k = 2; k < named.size(); ++k) {
      const size_t j = named[k];
      std::vector<size_t> run;
      for (size_t p = k, next = j; p-- > 0;) {  // lines left empty in every witness (spacers) may stand between
        bool spacers = true;
        for (size_t g = named[p] + 1; g < next; ++g) spacers = spacers && empty_line(g);
        if (!spacers || units[named[p]] != units[j]) break;
        run.insert(run.begin(), named[p]);
        next = named[p];
      }
      if (run.size() < 2) continue;
      std::vector<Relation> found;
      size_t holds = 0;
      bool misread = false;
      for (size_t w = 0; w < lines[j].size() && !misread; ++w) {
        if (lines[j][w] < 0 || std::any_of(run.begin(), run.end(), [&](size_t i) { return lines[i][w] < 0; })) continue;
        std::vector<int> parts;
        size_t nonzero = 0;
        for (size_t i : run) {
          misread = misread || !plain(lines[i][w], units[j]);
          parts.push_back(lines[i][w]);
          nonzero += figures_[lines[i][w]].value != 0;
        }
        misread = misread || !plain(lines[j][w], units[j]);
        if (misread || nonzero < 2) continue;
        // A sum of small figures may hold by chance: a witness's total prints three digits or more.
        const std::string& printed = figures_[lines[j][w]].text;
        if (std::count_if(printed.begin(), printed.end(), [](char c) { return c >= '0' && c <= '9'; }) < 3) continue;
        Relation rel;
        if (!TableSum(lines[j][w], parts, names[j], &rel) || OffByMoreThanASlip(rel, figures_[lines[j][w]])) {
          misread = true;
          break;
        }
        holds += rel.consistent;
        rel.evidence = Evidence::kLayout;
        rel.certainty = Certainty::kLikely;
        found.push_back(std::move(rel));
      }
      if (misread || found.size() < kWitnesses || holds + 1 < found.size()) continue;
      for (Relation& rel : found) Add(std::move(rel));
      return;  // one total line per table and orientation
    }
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.total_line != ESGAUDIT_NO_INDEX || t.grid_columns < 3) continue;
    std::vector<std::string> header(t.grid_columns);
    std::map<uint32_t, std::vector<int>> rows;  // row -> figure per column, -1 empty, -2 words
    std::map<uint32_t, std::string> row_names;  // row -> its label cell
    for (const esgaudit_table_cell& c : doc.EachGridCell(t)) {
      if (c.column >= t.grid_columns) continue;
      const std::string cell(sdk::Trim(sdk::View(c.text)));
      if (c.flags & ESGAUDIT_TABLE_CELL_HEADER) {
        header[c.column] += cell;
        continue;
      }
      auto& row = rows.emplace(c.row, std::vector<int>(t.grid_columns, -1)).first->second;
      if (c.column == 0) row_names[c.row] = cell;
      auto it = figure_at.find(c.offset);
      if (it != figure_at.end() && figures_[it->second].text == cell) {
        row[c.column] = it->second;
      } else if (!cell.empty()) {
        row[c.column] = -2;
      }
    }
    if (rows.empty()) continue;
    const std::string table_unit(sdk::View(t.unit));
    // Column totals: the columns named by their header cells, the rows their witnesses.
    std::vector<std::vector<int>> columns(t.grid_columns);
    for (const auto& [r, cells] : rows) {
      for (size_t c = 0; c < cells.size(); ++c) columns[c].push_back(cells[c]);
    }
    sum_lines(columns, header, table_unit);
    // Row totals: the rows named by their label cells, the value columns their witnesses.
    std::vector<std::vector<int>> lines;
    std::vector<std::string> names;
    for (const auto& [r, cells] : rows) {
      lines.emplace_back(cells.begin() + 1, cells.end());
      names.push_back(row_names[r]);
    }
    sum_lines(lines, names, table_unit);
  }
}

// A row of a table equal to the sum of the run of rows right below it (or right above it) in every
// value column, named by no word: 净利润 | 归属母公司股东的净利润 | 少数股东损益 in a five-year table of
// results; 环境保护投入（万元） over two kinds of spending in 万元. The columns are the witnesses and only
// their arithmetic says the rows are a sum, so it is taken only when all of this holds:
// - a tab or aligned table of the model with three value columns or more;
// - the total row j and a run of 2 to 4 rows next to it (rows left empty in every column may stand
//   between), none naming a rate, a share, a per-unit or average value, a year, an of-which or a
//   subtotal (other readers take those), all naming the same unit in their brackets or all none;
// - witnesses: columns where j and every row of the run hold a figure; each a plain quantity (no
//   percentage, no year, no approximation) of one unit and magnitude, none already a total;
// - kWitnesses or more; every witness but at most one adds up, none is off by more than a slip (15 %:
//   another quantity), and proving witnesses (two or more non-zero parts, a total printing three
//   digits or more; a sum by zeros or one part equal to the total adds up in any table) number
//   kProvingNamed when the rows name one unit (as the total lines above ask), kProvingBare when the
//   arithmetic alone groups them.
// The shortest run that holds is taken; j is then a total and its witnesses are sums. A witness
// that does not add up is an error when kProvingBare others prove the grouping (a coincidence in
// four columns of three-digit totals is not to be expected), else a warning: the grouping is read
// from the arithmetic of few columns.
void RelationAnalysis::FindRowsSummingTheRowsBelow(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  constexpr size_t kWitnesses = 3;
  constexpr size_t kProvingNamed = 2;
  constexpr size_t kProvingBare = 4;
  constexpr size_t kMaxRun = 4;
  const std::map<uint64_t, int>& figure_at = FigureAt();
  auto year_label = [](const std::string& l) {
    return l.size() >= 4 && (l.compare(0, 2, "19") == 0 || l.compare(0, 2, "20") == 0) &&
           std::all_of(l.begin(), l.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  };
  auto summable_label = [&](const std::string& name) {
    // A unit per something (吨/万元) is a rate; a quantity per year (千克/年) is not.
    const std::string unit = BracketUnit(name);
    const bool per_unit = Has(unit, "/") && !(unit.size() >= 4 && unit.compare(unit.size() - 4, 4, "/年") == 0);
    return !name.empty() && !RateLabel(name) && !per_unit && !year_label(name) && !IsNestedLabel(name) &&
           !OfWhichLabel(name);
  };
  auto digits = [](const std::string& s) { return std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.grid_columns < 4) continue;
    std::map<uint32_t, std::vector<int>> by_row;  // row -> figure per column, -1 empty, -2 words
    std::map<uint32_t, std::string> names;
    for (const esgaudit_table_cell& c : doc.EachGridCell(t)) {
      if (c.column >= t.grid_columns || (c.flags & ESGAUDIT_TABLE_CELL_HEADER)) continue;
      auto& row = by_row.emplace(c.row, std::vector<int>(t.grid_columns, -1)).first->second;
      const std::string cell(sdk::Trim(sdk::View(c.text)));
      if (c.column == 0) {
        names[c.row] = cell;
        continue;
      }
      auto it = figure_at.find(c.offset);
      if (it != figure_at.end() && figures_[it->second].text == cell) {
        row[c.column] = it->second;
      } else if (!cell.empty()) {
        row[c.column] = -2;
      }
    }
    // The rows in order, spacer rows (no label, no cell) left out.
    std::vector<std::vector<int>> rows;
    std::vector<std::string> row_names;
    for (const auto& [r, cells] : by_row) {
      const std::string& name = names[r];
      if (name.empty() && std::all_of(cells.begin(), cells.end(), [](int f) { return f == -1; })) continue;
      rows.push_back(cells);
      row_names.push_back(name);
    }
    auto plain = [&](int f, const Figure& total) {
      const Figure& x = figures_[f];
      return x.kind == ESGAUDIT_FACT_QUANTITY && x.qualifiers == 0 && x.magnitude == total.magnitude &&
             x.unit == total.unit && x.value >= 0 && !Summed(f);
    };
    for (size_t j = 0; j < rows.size(); ++j) {
      if (!summable_label(row_names[j])) continue;
      const std::string unit = BracketUnit(row_names[j]);
      for (int dir : {1, -1}) {
        bool done = false;
        for (size_t n = 2; n <= kMaxRun && !done; ++n) {
          if (dir > 0 ? j + n >= rows.size() : j < n) break;
          std::vector<size_t> run;
          for (size_t k = 1; k <= n; ++k) run.push_back(dir > 0 ? j + k : j - k);
          if (!std::all_of(run.begin(), run.end(), [&](size_t i) {
                return summable_label(row_names[i]) && BracketUnit(row_names[i]) == unit;
              })) {
            break;  // a longer run holds this row too
          }
          if (dir < 0) std::reverse(run.begin(), run.end());
          std::vector<Relation> found;
          size_t proving = 0, holds = 0;
          bool misread = false;
          for (size_t w = 1; w < t.grid_columns && !misread; ++w) {
            const int total = rows[j][w];
            if (total < 0 || std::any_of(run.begin(), run.end(), [&](size_t i) { return rows[i][w] < 0; })) continue;
            const Figure& tf = figures_[total];
            std::vector<int> parts;
            size_t nonzero = 0;
            for (size_t i : run) {
              parts.push_back(rows[i][w]);
              nonzero += figures_[rows[i][w]].value != 0;
            }
            if (!plain(total, tf) || !std::all_of(parts.begin(), parts.end(), [&](int f) { return plain(f, tf); })) {
              misread = true;
              break;
            }
            Relation rel;
            if (!TableSum(total, parts, row_names[j], &rel) || OffByMoreThanASlip(rel, tf)) {
              misread = true;
              break;
            }
            rel.evidence = Evidence::kLayout;
            holds += rel.consistent;
            proving += rel.consistent && nonzero >= 2 && digits(tf.text) >= 3;
            found.push_back(std::move(rel));
          }
          if (misread || found.size() < kWitnesses || holds + 1 < found.size() ||
              proving < (unit.empty() ? kProvingBare : kProvingNamed)) {
            continue;
          }
          for (Relation& rel : found) {
            rel.certainty = proving >= kProvingBare ? Certainty::kCertain : Certainty::kLikely;
            Add(std::move(rel));
          }
          done = true;
        }
        if (done) break;
      }
    }
  }
}

// A table's total row printed apart from it: a fleet table by aircraft type and year with no total
// row, then chart text, then a line holding a total word alone (总计, 合计, Total) and its figures on
// the next lines (`581 架 535架 497` and `架`). The total line stands within kGapLines below the
// table's last line, on its page, with no line of another table between; its figures are those of
// the lines right after it (at most kFigureLines) that hold figures and units only, N >= 2 of them in
// one count unit or none, no share. Each line of the table holding figures (its header aside: years,
// or fewer than N figures on its first line) is a row whose last N figures are its cells; two rows or more, none of their figures in
// another relation, plain (no share) and in the totals' unit or none. Column j of the rows is then
// the j-th total's parts. The grouping is read from the layout, so the sums are taken only when all
// columns but one add up and at least one does, none off by more than 15 % of its total; a column
// that does not add up is a warning.
void RelationAnalysis::FindCutOffTotalRows(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kGapLines = 8;
  constexpr uint32_t kFigureLines = 2;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::set<int> related = FiguresInRelations();
  auto line_text = [&](uint32_t line) { return TrimmedLine(doc, line); };
  auto figures_on = [&](uint32_t line) {
    auto it = by_line.find(line);
    return it == by_line.end() ? std::vector<int>() : it->second;
  };
  auto year = [&](int g) {
    const Figure& f = figures_[g];
    return f.decimals == 0 && f.value >= 1900 && f.value <= 2099 && (f.unit.empty() || f.unit == "年");
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.total_line != ESGAUDIT_NO_INDEX) continue;
    const uint32_t page = doc.Line(t.last_line).page;
    // The total line below the table.
    uint32_t total_line = ESGAUDIT_NO_INDEX;
    for (uint32_t line = t.last_line + 1; line < doc.LineCount() && line <= t.last_line + kGapLines; ++line) {
      if (doc.Line(line).page != page || doc.LineStructure(line).table != ESGAUDIT_NO_INDEX) break;
      std::string lowered;
      if (BareTotal(line_text(line), &lowered) && Cps(lowered) <= 5 && figures_on(line).empty()) {
        total_line = line;
        break;
      }
    }
    if (total_line == ESGAUDIT_NO_INDEX) continue;
    // Its figures: the lines right after it holding figures and units only.
    std::vector<int> totals;
    for (uint32_t line = total_line + 1; line < doc.LineCount() && line <= total_line + kFigureLines; ++line) {
      const std::vector<int> figs = figures_on(line);
      std::u32string rest = U32(line_text(line));
      for (auto it = figs.rbegin(); it != figs.rend(); ++it) {
        const esgaudit_line l = doc.Line(line);
        const Figure& f = figures_[*it];
        if (f.offset < l.offset) continue;
        const size_t from = U32(text.substr(l.offset, f.offset - l.offset)).size();
        rest.erase(std::min(from, rest.size()), U32(text.substr(f.offset, f.length)).size());
      }
      bool units_only = true;
      for (char32_t c : rest) {
        const std::string unit = ToUtf8(std::u32string(1, c));
        units_only = units_only && (c == U' ' || c == U'\t' || CountUnit(unit) || unit == "架" || unit == "辆" ||
                                    unit == "艘" || unit == "台" || unit == "座" || unit == "所" || unit == "个");
      }
      if (!units_only) break;
      totals.insert(totals.end(), figs.begin(), figs.end());
    }
    const size_t n = totals.size();
    if (n < 2) continue;
    std::string unit;
    bool plain = true;
    for (int g : totals) {
      const Figure& f = figures_[g];
      plain = plain && f.kind == ESGAUDIT_FACT_QUANTITY && !related.count(g) && f.unit != "%";
      if (!f.unit.empty()) {
        plain = plain && (unit.empty() || unit == f.unit);
        unit = f.unit;
      }
    }
    if (!plain) continue;
    // The table's rows: the last n figures of each line holding figures, its header of years aside.
    std::vector<std::vector<int>> rows;
    for (uint32_t line = t.first_line; line <= t.last_line && plain; ++line) {
      const std::vector<int> figs = figures_on(line);
      // The header (years, or a unit line such as `1/ u =` read as a figure) holds fewer.
      if (figs.empty() || std::all_of(figs.begin(), figs.end(), year) ||
          ((line == t.first_line || line == t.header_line) && figs.size() < n)) {
        continue;
      }
      if (figs.size() < n) {
        plain = false;
        break;
      }
      std::vector<int> cells(figs.end() - n, figs.end());
      for (int g : cells) {
        const Figure& f = figures_[g];
        plain = plain && f.kind == ESGAUDIT_FACT_QUANTITY && !related.count(g) && (f.unit.empty() || f.unit == unit);
      }
      rows.push_back(std::move(cells));
    }
    if (!plain || rows.size() < 2) continue;
    AddColumnSums(rows, totals, line_text(total_line));
  }
}

}  // namespace esgaudit::numeric
