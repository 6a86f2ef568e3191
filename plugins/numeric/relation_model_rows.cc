// Reading a structure-model table's rows: FindModelTables' entry, the cells and rows of each table,
// its headers, its continuations after a page break, its unit columns and exact counts.
#include "relation_model_table.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// The sources of the tables read here: every grid of one row per line (HTML: FindMarkupTotals only).
constexpr uint32_t kLineGrids =
    ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS | ESGAUDIT_TABLE_SOURCE_PIPES;

// A unit column's header: 单位, Unit.
bool UnitHeader(std::string h) {
  h = Lower(h);
  h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
  return h == "unit" || h == "units" || h == "单位" || h == "计量单位";
}

// A tab table's text cell without the spaces a PDF sets around Chinese text (全角 brackets as ASCII,
// 自有港口下水煤量 (百万吨) as one word), but for one space kept between two ASCII characters: English
// words stay apart, so "Total male employees" still names its category (male) as a word and
// "Board members (% women)" reads as printed.
std::string CompactCell(std::string_view t) {
  auto word = [](char c) { return c > ' ' && c < 0x7F; };
  std::string out;
  out.reserve(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] != ' ') {
      out += t[i];
      continue;
    }
    size_t j = i;
    while (j < t.size() && t[j] == ' ') ++j;
    if (!out.empty() && j < t.size() && word(out.back()) && word(t[j])) out += ' ';
    i = j - 1;
  }
  return out;
}

bool DashCell(std::string_view t) {
  return t == "-" || t == "--" || t == "/" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" ||
         t == "\xEF\xBC\x8D" || t == "\xE2\x80\x94\xE2\x80\x94";
}

}  // namespace

namespace relation_detail {

bool UnitCell(std::string u) {
  u = Lower(u);
  u.erase(std::remove(u.begin(), u.end(), ' '), u.end());  // compared without spaces ("%of", "numberof")
  for (const char* w : {"%", "number", "percent", "no.", "tonnes", "t", "kt", "mt", "mwh", "gwh", "twh", "gj", "tj",
                        "hours", "people", "persons", "m3", "人", "名", "个", "家", "项", "件", "次", "吨", "万吨",
                        "千吨", "元", "万元", "亿元", "千瓦时", "万千瓦时", "度", "立方米", "万立方米", "小时",
                        "天", "人次", "艘", "台", "辆", "千克", "公斤", "升", "平方米", "亩", "万人", "户", "起",
                        "tco2e", "吨标准煤", "吨标煤", "万吨标煤", "封", "份", "张", "包"}) {
    if (u == w) return true;
  }
  // 万 or 亿 before a count classifier (万封, 万份, 万张, 亿次): the same count in larger steps.
  for (const char* m : {"万", "亿"}) {
    if (u.rfind(m, 0) != 0) continue;
    const std::string rest = u.substr(std::string_view(m).size());
    for (const char* w : {"封", "份", "张", "次", "件", "个", "户", "人次", "辆"}) {
      if (rest == w) return true;
    }
  }
  for (const char* prefix : {"thousand", "million", "billion", "%of", "numberof", "tonnes", "metrictons"}) {
    if (u.rfind(prefix, 0) == 0 && Cps(u) <= 32) return true;
  }
  return false;
}

int GluedHundredDecimals(const Figure& f) {
  const std::string& t = f.text;
  if (f.decimals < 2 || t.size() != 4 + static_cast<size_t>(f.decimals) || t.compare(0, 4, "100.") != 0) return 0;
  if (!std::all_of(t.begin() + 4, t.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  for (int d = std::max(2, f.decimals - 2); d < f.decimals; ++d) {
    if (std::all_of(t.begin() + 4, t.begin() + 4 + d, [](char c) { return c == '0'; }) && t[4 + d] != '0') return d;
  }
  return 0;
}

}  // namespace relation_detail

// Tables of the structure model (tabs or aligned columns; one row per line). Cells are placed in
// slots, the columns of the model's grid: for a tab-separated table the tab slot (empty cells keep
// their place), for an aligned one the row label in column 0 and values in the columns they stand
// in; rows joined with single spaces and labels wrapped onto a line of their own are split and
// joined by the model. A table's explicit total is a relation whether or not it adds up:
//  - a total column (header 合计/总计/Total): each row's figure cells left of it add up to it;
//  - a total row (合计/总计/小计, 男性合计): per column, the rows above it up to the header, a row of
//    labels only or the previous total; when it is the first data row, the rows below it;
//  - rows naming every category of a closed set (男/女) add up to the row of the table whose label
//    names their head (员工总数).
// Years as row labels are summed only under an explicit total row; never across year columns.
// Rates, ratios and per-capita values (率, 人均, 每…, 强度) are not summed; percentages only when
// the total printed is 100%.
void RelationAnalysis::FindModelTables(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  ModelDocument md;
  md.figure_at = &FigureAt();
  const uint32_t table_count = doc.TableCount();
  for (uint32_t ti = 0; ti < table_count; ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0) continue;
    // Each run of cells of one grid row: its line is the line of its first value cell (column > 0),
    // else of its first cell.
    const uint32_t count = doc.GridCellCount(t);
    ModelDocument::GridRow run;
    uint32_t run_row = 0, line = 0;
    bool valued = false;
    esgaudit_table_cell c;
    for (uint32_t k = 0; k <= count; ++k) {
      const bool more = k < count && doc.GridCell(t.first_grid_cell + k, &c);
      if (run.count > 0 && (!more || c.row != run_row)) {
        md.grid_rows[line] = run;
        run.count = 0;
      }
      if (!more) break;
      if (run.count == 0) {
        run.first = t.first_grid_cell + k;
        run_row = c.row;
        line = c.line;
        valued = false;
      }
      ++run.count;
      if (!valued && c.column > 0) {
        line = c.line;
        valued = true;
      }
      md.grid_lines.insert(c.line);
    }
  }
  for (uint32_t ti = 0; ti < table_count; ++ti) {
    const esgaudit_table t = doc.Table(ti);
    const bool tabs = (t.source & ESGAUDIT_TABLE_SOURCE_TABS) != 0;
    if (!tabs && (t.source & kLineGrids) == 0) continue;  // HTML: FindMarkupTotals only
    ModelTable table(*this, md, doc, ti);
    ti = table.Read(ti);
    table.FindRelations();
  }
}

RelationAnalysis::ModelTable::ModelTable(RelationAnalysis& ra, ModelDocument& md, const sdk::Document& doc,
                                         uint32_t ti)
    : ra_(ra),
      figures_(ra.figures_),
      md_(md),
      doc_(doc),
      view_(doc.MatchView()),
      table_(doc.Table(ti)),
      tabs_((table_.source & ESGAUDIT_TABLE_SOURCE_TABS) != 0) {}

uint32_t RelationAnalysis::ModelTable::Read(uint32_t ti) {
  const esgaudit_table& t = table_;
  if (t.header_line != ESGAUDIT_NO_INDEX) AddHeader(ReadRow(t.header_line));
  current_ = headers_.empty() ? -1 : 0;
  for (uint32_t line = t.first_line; line <= t.last_line; ++line) {
    if (line != t.header_line) lines_.push_back(line);
  }
  ti = TakeContinuations(ti);
  const std::vector<std::map<int, std::string>> headers_before = headers_;
  const int current_before = current_;
  ReadRows();
  // A count with its share in brackets (56 (1.1%)) is a table's value when the table's total row
  // prints its own so (總數 2,252 (42.3%)): the shares are then of one base. Without such a total
  // row the brackets may be anything (a ratio row's share of a total printed plainly above it),
  // and the table is read again with those cells as text.
  if (read_shares_) {
    bool any_share = false, total_share = false;
    for (const Row& row : rows_) {
      for (const Slot& c : row.cells) {
        any_share = any_share || c.share >= 0;
        total_share = total_share || (c.share >= 0 && IsTotalLabel(row.label));
      }
    }
    if (any_share && !total_share) {
      read_shares_ = false;
      rows_.clear();
      headers_ = headers_before;
      current_ = current_before;
      ReadRows();
    }
  }
  for (const Row& row : rows_) {
    for (const Slot& c : row.cells) {
      if (c.share >= 0) md_.share_of[c.figure] = c.share;
    }
  }
  TakeUnitColumns();
  MakeCountsExact();
  return ti;
}

int RelationAnalysis::ModelTable::WholeFigure(uint64_t offset, std::string_view text, int* share) {
  auto it = md_.figure_at->find(offset);
  if (it == md_.figure_at->end()) return -1;
  const Figure& f = figures_[it->second];
  const bool band = (f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) || f.unit == "岁";
  if (share != nullptr && !band) {
    *share = BracketedShare(figures_, *md_.figure_at, f, offset, text);
    if (*share >= 0) return it->second;
  }
  std::string_view rest = f.length <= text.size() ? text.substr(f.length) : std::string_view("?");
  while (!rest.empty() && rest.front() == '%') rest.remove_prefix(1);
  // `100.0010 11`: a share total with a mark glued on prints a second mark apart (two notes).
  std::string_view second = rest;
  while (!second.empty() && second.front() == ' ') second.remove_prefix(1);
  const bool second_mark = GluedHundredDecimals(f) > 0 && second.size() < rest.size() && !second.empty() &&
                           second.size() <= 2 && second.front() != '0' &&
                           std::all_of(second.begin(), second.end(), [](char c) { return c >= '0' && c <= '9'; });
  const bool whole = f.length <= text.size() && (FootnoteTail(rest) || second_mark);
  return whole && !band ? it->second : -1;
}

void RelationAnalysis::ModelTable::AddCell(Row& row, Slot&& s) {
  if (s.figure >= 0) {
    row.has_figure = true;
    figure_rows_.push_back(s.figure);
    if (s.share >= 0) figure_rows_.push_back(s.share);
  } else if (!row.has_figure && !s.dash && !s.text.empty()) {
    row.label = s.text;
    row.label_offset = s.offset;
    row.label_length = s.length;
  }
  row.cells.push_back(std::move(s));
}

void RelationAnalysis::ModelTable::FinishRow(const Row& row) {
  for (int f : figure_rows_) {
    if (!row.label.empty()) md_.row_label[f] = row.label;
  }
  figure_rows_.clear();
}

// A row of the table: its grid cells. A tab table's cells are read on the matching view without
// spaces (全角 brackets as ASCII, "自有港口下水煤量 (百万吨)" as one word), and a title line
// between two of its parts (not in the grid) is a row of its one cell. A slot whose pieces
// stand apart by a wide gap makes the row unreadable (which piece is the value is unknown).
RelationAnalysis::ModelRow RelationAnalysis::ModelTable::ReadRow(uint32_t line) {
  Row row;
  row.line = line;
  auto it = md_.grid_rows.find(line);
  if (it == md_.grid_rows.end()) {
    esgaudit_line_structure ls = doc_.LineStructure(line);
    if (!tabs_ || ls.cell_count != 1 || md_.grid_lines.count(line)) return row;
    esgaudit_cell c = doc_.Cell(ls.first_cell);
    Slot s;
    s.offset = c.offset;
    s.length = c.length;
    s.text = CompactCell(doc_.CellView(c));  // as the grid's text cells: English words stay apart
    s.dash = DashCell(s.text);
    AddCell(row, std::move(s));
    FinishRow(row);
    return row;
  }
  row.cells.reserve(it->second.count);
  esgaudit_table_cell c;
  for (uint32_t k = 0; k < it->second.count; ++k) {
    doc_.GridCell(it->second.first + k, &c);
    Slot s;
    s.slot = static_cast<int>(c.column);
    s.offset = c.offset;
    s.length = c.length;
    std::string_view raw = doc_.Text().substr(c.offset, c.length);
    // A pipe table's cell spans the spaces around its text ("| 1,000 |"): its value starts after them.
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) {
      raw.remove_prefix(1);
      ++s.offset;
      --s.length;
    }
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) {
      raw.remove_suffix(1);
      --s.length;
    }
    const std::string_view cv = view_.substr(c.view_begin, c.view_end - c.view_begin);
    const bool one_line = cv.find_first_of("\t\n") == std::string_view::npos;  // not a label joined with its pieces
    s.text = tabs_ && one_line ? std::string(cv) : std::string(sdk::View(c.text));
    std::string compact = s.text;
    compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
    s.dash = DashCell(compact);
    s.figure = WholeFigure(s.offset, raw, read_shares_ ? &s.share : nullptr);
    if (s.figure >= 0 || s.dash) {
      s.text = compact;
    } else if (tabs_) {
      s.text = CompactCell(s.text);
    }
    if (c.flags & ESGAUDIT_TABLE_CELL_GAPPED) row.readable = false;
    AddCell(row, std::move(s));
  }
  FinishRow(row);
  return row;
}

// Rows of labels only (three or more cells) head the rows below them: a table may hold
// several blocks, each under its own header (厂区 张江厂 … 总计, repeated per block).
bool RelationAnalysis::ModelTable::LabelRow(const Row& row) {
  size_t texts = 0;
  for (const Slot& s : row.cells) texts += !s.text.empty() && s.figure < 0;
  return !row.has_figure && texts >= 3;
}

void RelationAnalysis::ModelTable::AddHeader(const Row& row) {
  std::map<int, std::string> h;
  for (const Slot& s : row.cells) h[s.slot] = s.text;
  headers_.push_back(std::move(h));
}

std::string RelationAnalysis::ModelTable::LineText(uint32_t line) const {
  esgaudit_line_structure ls = doc_.LineStructure(line);
  std::string s(view_.substr(ls.view_begin, ls.view_end - ls.view_begin));
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; }), s.end());
  return s;
}

// A table continued after a page break: the next table of the same source and column count,
// separated from this one only by page furniture (a page number, a running header) and at most
// two title lines of one short label (教育程度, the block's dimension), and with no header of
// its own other than this one's repeated, is read as more rows of this table: its blocks stay
// breakdowns of this table's total. The title lines are rows (a row of one label).
uint32_t RelationAnalysis::ModelTable::TakeContinuations(uint32_t ti) {
  const esgaudit_table& t = table_;
  const uint32_t table_count = doc_.TableCount();
  const std::string header_text = t.header_line != ESGAUDIT_NO_INDEX ? LineText(t.header_line) : std::string();
  for (uint32_t last = t.last_line; ti + 1 < table_count;) {
    const esgaudit_table next = doc_.Table(ti + 1);
    if (next.source != t.source || next.columns != t.columns || next.first_line <= last) break;
    if (next.header_line != ESGAUDIT_NO_INDEX && LineText(next.header_line) != header_text) break;
    std::vector<uint32_t> titles;
    bool page_break = false;
    bool gap_ok = true;
    for (uint32_t g = last + 1; g < next.first_line && gap_ok; ++g) {
      esgaudit_line_structure gs = doc_.LineStructure(g);
      if (gs.flags & ESGAUDIT_LINE_FURNITURE_MASK) {
        page_break = true;
        continue;
      }
      std::string title = LineText(g);
      if (title.empty()) continue;
      // A bare number of up to three digits between the two: a page number the model left unmarked.
      if (title.size() <= 3 && std::all_of(title.begin(), title.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        page_break = true;
        continue;
      }
      gap_ok = gs.cell_count == 1 && titles.size() < 2 && !HasDigit(title) && Cps(title) <= 16;
      if (gap_ok) titles.push_back(g);
    }
    if (!gap_ok || !page_break) break;
    lines_.insert(lines_.end(), titles.begin(), titles.end());
    gap_titles_.insert(titles.begin(), titles.end());
    for (uint32_t line = next.first_line; line <= next.last_line; ++line) {
      if (line != next.header_line) lines_.push_back(line);
    }
    last = next.last_line;
    ++ti;
  }
  return ti;
}

void RelationAnalysis::ModelTable::ReadRows() {
  rows_.reserve(lines_.size());  // a row a line at most
  for (uint32_t line : lines_) {
    esgaudit_line_structure ls = doc_.LineStructure(line);
    if (ls.cell_count == 0 || (ls.flags & ESGAUDIT_LINE_PAGE_NUMBER)) continue;
    // A line that is no row of a grid (a label or cell piece joined to its row, page furniture,
    // OCR debris the model left out) is read only as a tab table's title line between two of
    // its parts.
    if (md_.grid_rows.count(line) == 0 &&
        (!tabs_ || ls.cell_count != 1 || md_.grid_lines.count(line) || gap_titles_.count(line) == 0))
      continue;
    Row row = ReadRow(line);
    // The header printed again inside the table (a table going on over a page break): no row,
    // and the rows before and after it stay one block.
    if (row.readable && LabelRow(row) && current_ >= 0 && !rows_.empty()) {
      std::map<int, std::string> h;
      for (const Slot& c : row.cells) h[c.slot] = c.text;
      if (h == headers_[static_cast<size_t>(current_)]) continue;
    }
    if (row.readable && LabelRow(row)) {
      AddHeader(row);
      current_ = static_cast<int>(headers_.size()) - 1;
    }
    // A line marked as furniture inside a table is a row when it reads as one (a row repeated
    // on several pages, 管理职 under each gender, looks like a running header).
    if ((ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) && (!row.has_figure || row.label.empty()) &&
        !LabelRow(row)) {
      continue;
    }
    // A bare number on a line of its own between rows is a page number, not a row.
    if (row.cells.size() == 1 && !row.cells[0].text.empty() && row.cells[0].text.size() <= 3 &&
        std::all_of(row.cells[0].text.begin(), row.cells[0].text.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    row.header = current_;
    rows_.push_back(std::move(row));
  }
}

const std::map<int, std::string>& RelationAnalysis::ModelTable::HeaderRow(const Row& row) const {
  static const std::map<int, std::string> kNoHeader;
  return row.header >= 0 ? headers_[static_cast<size_t>(row.header)] : kNoHeader;
}

std::string RelationAnalysis::ModelTable::HeaderOf(const Row& row, int slot) const {
  const auto& h = HeaderRow(row);
  auto it = h.find(slot);
  return it == h.end() ? std::string() : it->second;
}

// A unit column between the row label and the figures ("Total waste disposed | Thousand tonnes
// | 1,993 …", "供应商总数 | 个 | 666"): the label is the text before it, the unit the row's.
void RelationAnalysis::ModelTable::TakeUnitColumns() {
  for (Row& row : rows_) {
    const Slot* unit = nullptr;
    const Slot* label = nullptr;
    for (const Slot& c : row.cells) {
      if (c.figure >= 0) break;
      if (c.dash || c.text.empty() || c.length == 0) continue;
      label = unit;
      unit = &c;
    }
    if (label == nullptr || unit == nullptr || unit->text != row.label ||
        (HasDigit(label->text) && !AgeBandLabel(label->text)))
      continue;
    if (!UnitCell(unit->text) && !UnitHeader(HeaderOf(row, unit->slot))) continue;
    row.unit = unit->text;
    row.label = label->text;
    row.label_offset = label->offset;
    row.label_length = label->length;
    for (const Slot& c : row.cells) {
      if (c.figure >= 0) md_.row_label[c.figure] = row.label;
    }
  }
}

// Whole numbers in a row of counts (a unit column or the label's bracket says 人, 个, 家 …) are
// exact: a headcount printed 5 is 5, not anything from 4.5 to 5.5.
// So are those of a row whose label names a count noun instead of a unit (育婴留停复职人数), and
// those of every row with no unit of its own in a table whose total row names one ("Total
// Cases" under rows of categories).
void RelationAnalysis::ModelTable::MakeCountsExact() {
  const esgaudit_table& t = table_;
  const bool counted_total = std::any_of(rows_.begin(), rows_.end(), [&](const Row& row) {
    return row.has_figure && row.unit.empty() && LabelUnit(row.label).empty() &&
           TableTotalLabel(row.label) && CountLabel(row.label);
  });
  for (const Row& row : rows_) {
    const std::string unit = row.unit.empty() ? LabelUnit(row.label) : row.unit;
    // A row in another unit or of shares (吨, 万人, 占比) keeps the allowance its header may have
    // taken away; a row of no unit counts by the header of its column (重伤工伤数 in a second header
    // line, which the model's column label does not carry).
    if ((!unit.empty() && !IsCountUnit(unit)) || RateLabel(row.label)) {
      for (const Slot& c : row.cells) {
        if (c.figure < 0 || !figures_[c.figure].context_count) continue;
        Figure& f = figures_[c.figure];
        const Interval iv = ExactInterval(f.value, f.decimals, f.magnitude);
        f.low = iv.lo;
        f.high = iv.hi;
        f.context_count = false;
      }
      continue;
    }
    if (unit.empty() && t.kind != ESGAUDIT_TABLE_TIME_SERIES) {
      const std::string table_unit(sdk::View(t.unit));
      for (const Slot& c : row.cells) {
        if (c.figure < 0 || !CountCandidate(figures_[c.figure])) continue;
        if (!CountedByContext(HeaderOf(row, c.slot), table_unit)) continue;
        Figure& f = figures_[c.figure];
        f.low = f.high = f.value;
        f.context_count = true;
      }
    }
    if (!IsCountUnit(unit) && !(unit.empty() && (counted_total || CountLabel(row.label)))) continue;
    for (const Slot& c : row.cells) {
      if (c.figure < 0) continue;
      Figure& f = figures_[c.figure];
      if (f.kind == ESGAUDIT_FACT_QUANTITY && f.decimals == 0 && f.magnitude == 1 && f.qualifiers == 0 &&
          f.unit.empty() && f.value >= 0) {
        f.low = f.high = f.value;
      }
    }
  }
}

}  // namespace esgaudit::numeric
