#include "analyse/markup_tables.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace esgaudit::markup {
namespace {

constexpr uint32_t kMaxRowspan = 200;
constexpr uint32_t kMaxColspan = 50;

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool IStartsWith(std::string_view s, size_t at, std::string_view w) {
  return at + w.size() <= s.size() && IEquals(s.substr(at, w.size()), w);
}

struct Tag {
  size_t begin = 0;  // '<'
  size_t end = 0;    // past '>'
  std::string name;  // lower case, "/td" for a closing tag
  uint32_t rowspan = 1;
  uint32_t colspan = 1;
};

uint32_t Attribute(std::string_view tag, std::string_view name, uint32_t cap) {
  for (size_t at = 0; at + name.size() < tag.size(); ++at) {
    if (!IStartsWith(tag, at, name)) continue;
    if (at > 0 && std::isalnum(static_cast<unsigned char>(tag[at - 1]))) continue;
    size_t k = at + name.size();
    while (k < tag.size() && (tag[k] == ' ' || tag[k] == '=' || tag[k] == '"' || tag[k] == '\'')) ++k;
    uint32_t v = 0;
    while (k < tag.size() && std::isdigit(static_cast<unsigned char>(tag[k])) && v <= cap) {
      v = v * 10 + static_cast<uint32_t>(tag[k] - '0');
      ++k;
    }
    return std::clamp<uint32_t>(v, 1, cap);
  }
  return 1;
}

// The tag starting at `at` ('<'), or an empty name when it is not a tag.
Tag ReadTag(std::string_view s, size_t at) {
  Tag t;
  t.begin = at;
  // Look for '>' only up to the next '<': a stray '<' costs its own stretch, not the rest of the text.
  size_t next_open = s.find('<', at + 1);
  size_t close = s.substr(0, next_open == std::string_view::npos ? s.size() : next_open).find('>', at);
  if (close == std::string_view::npos) {
    t.end = at + 1;
    return t;
  }
  t.end = close + 1;
  size_t k = at + 1;
  if (k < close && s[k] == '/') {
    t.name = "/";
    ++k;
  }
  while (k < close && std::isalnum(static_cast<unsigned char>(s[k]))) {
    t.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(s[k]))));
    ++k;
  }
  std::string_view body = s.substr(at, t.end - at);
  t.rowspan = Attribute(body, "rowspan", kMaxRowspan);
  t.colspan = Attribute(body, "colspan", kMaxColspan);
  return t;
}

void Trim(std::string* s) {
  auto blank = [](const std::string& x, size_t i) {
    return x[i] == ' ' || x[i] == '\t' || x[i] == '\n' || x[i] == '\r';
  };
  size_t b = 0;
  while (b < s->size() && blank(*s, b)) ++b;
  size_t e = s->size();
  while (e > b && blank(*s, e - 1)) --e;
  *s = s->substr(b, e - b);
}

// Cell content without inner tags, with the common entities decoded and blanks collapsed.
std::string CellText(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '<') {
      size_t close = s.find('>', i);
      if (close == std::string_view::npos) break;
      out.push_back(' ');
      i = close + 1;
      continue;
    }
    if (s[i] == '&') {
      static const std::pair<const char*, const char*> kEntities[] = {
          {"&nbsp;", " "}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}};
      bool done = false;
      for (const auto& [e, r] : kEntities) {
        if (IStartsWith(s, i, e)) {
          out += r;
          i += std::string_view(e).size();
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    char c = s[i++];
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out.push_back(c);
  }
  Trim(&out);
  return out;
}

// Places the cells of `rows` (each a list of cells with spans) on a grid.
void Place(std::vector<std::vector<MarkupCell>> rows, MarkupTable* table) {
  std::vector<std::vector<int>>& grid = table->grid;
  size_t width = 0;  // every row of the grid has this many columns
  auto ensure = [&grid, &width](size_t r, size_t c) {
    if (grid.size() <= r) grid.resize(r + 1, std::vector<int>(width, -1));
    if (width <= c) {  // widening touches every row, but happens at most once per new column
      width = c + 1;
      for (auto& row : grid) row.resize(width, -1);
    }
  };
  for (size_t r = 0; r < rows.size(); ++r) {
    ensure(r, 0);
    uint32_t c = 0;
    for (MarkupCell& cell : rows[r]) {
      while (c < grid[r].size() && grid[r][c] >= 0) ++c;
      cell.row = static_cast<uint32_t>(r);
      cell.col = c;
      // A rowspan reaching past the last row is cut at the table end below.
      ensure(r + cell.rowspan - 1, c + cell.colspan - 1);
      int index = static_cast<int>(table->cells.size());
      for (uint32_t dr = 0; dr < cell.rowspan; ++dr) {
        for (uint32_t dc = 0; dc < cell.colspan; ++dc) grid[r + dr][c + dc] = index;
      }
      table->cells.push_back(std::move(cell));
      c += table->cells.back().colspan;
    }
  }
  if (grid.size() > rows.size()) {
    grid.resize(rows.size());
    for (MarkupCell& cell : table->cells) {
      cell.rowspan = std::min<uint32_t>(cell.rowspan, static_cast<uint32_t>(rows.size()) - cell.row);
    }
  }
}

void ParseHtml(std::string_view text, std::vector<MarkupTable>* out) {
  size_t at = 0;
  while (true) {
    size_t start = std::string_view::npos;
    for (size_t k = text.find('<', at); k != std::string_view::npos; k = text.find('<', k + 1)) {
      if (IStartsWith(text, k, "<table") &&
          (k + 6 >= text.size() || !std::isalnum(static_cast<unsigned char>(text[k + 6])))) {
        start = k;
        break;
      }
    }
    if (start == std::string_view::npos) return;
    MarkupTable table;
    table.begin = start;
    std::vector<std::vector<MarkupCell>> rows;
    bool in_row = false;
    MarkupCell* open = nullptr;  // the cell whose content runs now
    size_t k = text.find('>', start);
    if (k == std::string_view::npos) return;
    ++k;
    size_t end = text.size();
    size_t blank = text.find("\n\n", k);  // the first blank line at or after k
    auto close_cell = [&](size_t at_offset) {
      if (open == nullptr) return;
      open->end = at_offset;
      open->text = CellText(text.substr(open->begin, open->end - open->begin));
      open = nullptr;
    };
    while (k < text.size()) {
      size_t lt = text.find('<', k);
      // A table cut off (no closing tag) ends at a blank line.
      if (blank != std::string_view::npos && blank < k) blank = text.find("\n\n", k);
      if (lt == std::string_view::npos || (blank != std::string_view::npos && blank < lt)) {
        end = blank == std::string_view::npos ? text.size() : blank;
        close_cell(end);
        break;
      }
      Tag tag = ReadTag(text, lt);
      k = tag.end;
      if (tag.name == "table") {  // a nested or unterminated table: stop this one here
        close_cell(lt);
        end = lt;
        k = lt;
        break;
      }
      if (tag.name == "/table") {
        close_cell(lt);
        end = tag.end;
        break;
      }
      if (tag.name == "tr" || tag.name == "/tr") {
        close_cell(lt);
        in_row = tag.name == "tr";
        if (in_row) rows.emplace_back();
        continue;
      }
      if (tag.name == "td" || tag.name == "th") {
        close_cell(lt);
        if (!in_row) {
          rows.emplace_back();
          in_row = true;
        }
        MarkupCell cell;
        cell.begin = tag.end;
        cell.rowspan = tag.rowspan;
        cell.colspan = tag.colspan;
        cell.header = tag.name == "th";
        rows.back().push_back(std::move(cell));
        open = &rows.back().back();
        continue;
      }
      if (tag.name == "/td" || tag.name == "/th") close_cell(lt);
    }
    if (open != nullptr) close_cell(std::min(end, text.size()));
    while (!rows.empty() && rows.back().empty()) rows.pop_back();
    rows.erase(std::remove_if(rows.begin(), rows.end(), [](const auto& r) { return r.empty(); }), rows.end());
    if (!rows.empty()) {
      table.end = std::min(end, text.size());
      Place(std::move(rows), &table);
      out->push_back(std::move(table));
    }
    at = std::max(end, start + 1);
  }
}

bool StartsWithDigit(const std::string& s) { return !s.empty() && s[0] >= '0' && s[0] <= '9'; }

// Markdown has no rowspan: a body cell at the start of a row that is empty ("| | Female | 40 |" under
// "| Employees | Male | 60 |") or repeats the label above it ("| By age | 30 to 50 |" under "| By age
// | Under 30 |"), in a row with a label of its own further right, continues the label above, whose
// rowspan grows over it; the cell is dropped.
void ContinueLabels(MarkupTable* t) {
  const uint32_t rows = t->Rows(), cols = t->Cols();
  std::vector<uint8_t> dropped(t->cells.size(), 0);
  for (uint32_t r = 1; r < rows; ++r) {
    for (uint32_t c = 0; c + 1 < cols; ++c) {
      int i = t->grid[r][c], up = t->grid[r - 1][c];
      if (i < 0 || up < 0 || i == up) break;
      MarkupCell& cell = t->cells[static_cast<size_t>(i)];
      MarkupCell& above = t->cells[static_cast<size_t>(up)];
      const bool empty = cell.text.empty();
      if (cell.header || cell.colspan != 1 || (!empty && cell.text != above.text) || above.header ||
          above.text.empty() || StartsWithDigit(above.text) || above.colspan != 1 ||
          above.row + above.rowspan != r)
        break;
      // The row's own label: the next non-empty cell to the right, not a figure.
      const MarkupCell* own = nullptr;
      for (uint32_t k = c + 1; k < cols && own == nullptr; ++k) {
        int j = t->grid[r][k];
        if (j >= 0 && j != i && !t->cells[static_cast<size_t>(j)].text.empty()) own = &t->cells[static_cast<size_t>(j)];
      }
      if (own == nullptr || StartsWithDigit(own->text)) break;
      ++above.rowspan;
      above.continued = above.continued || empty;
      t->grid[r][c] = up;
      dropped[static_cast<size_t>(i)] = 1;
    }
  }
  if (std::find(dropped.begin(), dropped.end(), 1) == dropped.end()) return;
  std::vector<int> renumber(t->cells.size(), -1);
  std::vector<MarkupCell> kept;
  for (size_t i = 0; i < t->cells.size(); ++i) {
    if (dropped[i]) continue;
    renumber[i] = static_cast<int>(kept.size());
    kept.push_back(std::move(t->cells[i]));
  }
  t->cells = std::move(kept);
  for (auto& row : t->grid) {
    for (int& i : row) i = i < 0 ? -1 : renumber[static_cast<size_t>(i)];
  }
}

bool IsPipeRow(std::string_view line) {
  size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos || line[b] != '|') return false;
  return std::count(line.begin(), line.end(), '|') >= 2;
}

bool IsDelimiterRow(std::string_view line) {
  bool dash = false;
  for (char c : line) {
    if (c == '-') dash = true;
    else if (c != '|' && c != ':' && c != ' ' && c != '\t') return false;
  }
  return dash;
}

void ParsePipes(std::string_view text, std::vector<MarkupTable>* out) {
  size_t pos = 0;
  MarkupTable table;
  std::vector<std::vector<MarkupCell>> rows;
  bool body = false;
  auto flush = [&]() {
    if (rows.size() >= 2 && body) {
      Place(std::move(rows), &table);
      ContinueLabels(&table);
      out->push_back(std::move(table));
    }
    table = MarkupTable();
    rows.clear();
    body = false;
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!IsPipeRow(line)) {
      flush();
    } else if (IsDelimiterRow(line)) {
      for (auto& row : rows) {
        for (auto& c : row) c.header = true;
      }
      body = !rows.empty();
    } else {
      if (rows.empty()) table.begin = pos;
      table.end = line_end;
      rows.emplace_back();
      size_t first = line.find('|');
      size_t k = first + 1;
      while (k < line.size()) {
        size_t bar = k;
        while (bar < line.size() && !(line[bar] == '|' && line[bar - 1] != '\\')) ++bar;
        if (bar >= line.size()) {
          // Text after the last bar is a cell only when the row has no closing bar.
          std::string rest(line.substr(k));
          Trim(&rest);
          if (rest.empty()) break;
        }
        MarkupCell cell;
        cell.begin = pos + k;
        cell.end = pos + std::min(bar, line.size());
        cell.text = CellText(line.substr(k, std::min(bar, line.size()) - k));
        rows.back().push_back(std::move(cell));
        k = bar + 1;
      }
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  flush();
}

}  // namespace

const MarkupCell* MarkupTable::At(uint32_t r, uint32_t c) const {
  if (r >= grid.size() || c >= grid[r].size() || grid[r][c] < 0) return nullptr;
  return &cells[static_cast<size_t>(grid[r][c])];
}

std::vector<MarkupTable> ParseMarkupTables(std::string_view text) {
  std::vector<MarkupTable> out;
  ParseHtml(text, &out);
  ParsePipes(text, &out);
  std::stable_sort(out.begin(), out.end(),
                   [](const MarkupTable& a, const MarkupTable& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace esgaudit::markup
