// `extract --structure`: the structure model of one document, as text (per page, per line) or JSON
// (schema "esgaudit.structure/1").
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "esgaudit/document.h"
#include "esgaudit/report.h"

namespace esgaudit {
namespace {

std::vector<std::string> LineFlagNames(uint32_t flags) {
  static const std::pair<uint32_t, const char*> kNames[] = {
      {ESGAUDIT_LINE_RUNNING_HEADER, "running-header"}, {ESGAUDIT_LINE_PAGE_NUMBER, "page-number"},
      {ESGAUDIT_LINE_SIDE_BANNER, "side-banner"},       {ESGAUDIT_LINE_DECORATION, "decoration"},
      {ESGAUDIT_LINE_TOC, "toc"},                       {ESGAUDIT_LINE_INDEX, "index"},
      {ESGAUDIT_LINE_TABLE, "table"}};
  std::vector<std::string> out;
  for (const auto& [bit, name] : kNames) {
    if (flags & bit) out.emplace_back(name);
  }
  return out;
}

std::vector<std::string> CellFlagNames(uint32_t flags) {
  std::vector<std::string> out;
  if (flags & ESGAUDIT_CELL_TOC_ENTRY) out.emplace_back("toc-entry");
  if (flags & ESGAUDIT_CELL_SIDE_BANNER) out.emplace_back("side-banner");
  return out;
}

std::vector<std::string> IndexSchemeNames(uint32_t schemes) {
  std::vector<std::string> out;
  if (schemes & ESGAUDIT_INDEX_GRI) out.emplace_back("gri");
  if (schemes & ESGAUDIT_INDEX_G4) out.emplace_back("g4");
  if (schemes & ESGAUDIT_INDEX_CASS) out.emplace_back("cass-csr");
  if (schemes & ESGAUDIT_INDEX_EXCHANGE) out.emplace_back("exchange");
  if (schemes & ESGAUDIT_INDEX_HKEX) out.emplace_back("hkex");
  return out;
}

std::string TableSourceName(uint32_t source) {
  switch (source) {
    case ESGAUDIT_TABLE_SOURCE_TABS: return "tabs";
    case ESGAUDIT_TABLE_SOURCE_PIPES: return "pipes";
    case ESGAUDIT_TABLE_SOURCE_HTML: return "html";
    case ESGAUDIT_TABLE_SOURCE_ALIGNED: return "aligned";
  }
  return "";
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string CellText(const Document& doc, const Cell& c) { return doc.text().substr(c.offset, c.length); }

// 1-based "line:column" of a text offset.
std::string Where(const Document& doc, uint64_t offset) {
  return std::to_string(doc.LineOf(offset) + 1) + ":" + std::to_string(doc.ColumnOf(offset));
}

// A table's grid as rows of cell texts, each cell at its top-left position (null where no cell
// starts); an empty array for a table without a grid.
nlohmann::ordered_json Grid(const Structure& s, const Table& t) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  std::vector<std::vector<nlohmann::ordered_json>> grid(t.grid_rows,
                                                        std::vector<nlohmann::ordered_json>(t.grid_columns));
  for (uint32_t k = 0; k < t.grid_cell_count; ++k) {
    const TableCell& c = s.table_cells()[t.first_grid_cell + k];
    if (c.row < t.grid_rows && c.column < t.grid_columns) grid[c.row][c.column] = c.text;
  }
  for (auto& row : grid) rows.push_back(std::move(row));
  return rows;
}
nlohmann::ordered_json Index(uint32_t i) { return i == kNoIndex ? nlohmann::ordered_json() : nlohmann::ordered_json(i); }
nlohmann::ordered_json LineNo(uint32_t i) {
  return i == kNoIndex ? nlohmann::ordered_json() : nlohmann::ordered_json(i + 1);
}

const char* FigureKindName(esgaudit_figure_label kind) {
  switch (kind) {
    case ESGAUDIT_FIGURE_INLINE: return "inline";
    case ESGAUDIT_FIGURE_SPLIT: return "split";
    case ESGAUDIT_FIGURE_STACKED_ABOVE: return "stacked-above";
    case ESGAUDIT_FIGURE_STACKED_BELOW: return "stacked-below";
  }
  return "inline";
}

// "2930-2932": the lines of a figure's label and the figure.
std::string FigureLines(const Structure& s, const Figure& g) {
  uint32_t lo = g.line, hi = g.line;
  for (uint32_t k = 0; k < g.span_count; ++k) {
    lo = std::min(lo, s.spans()[g.first_span + k].line);
    hi = std::max(hi, s.spans()[g.first_span + k].line);
  }
  return lo == hi ? std::to_string(lo + 1) : std::to_string(lo + 1) + "-" + std::to_string(hi + 1);
}

std::string Text(const Document& doc) {
  const Structure& s = doc.structure();
  const ReportMetadata& md = s.metadata();
  std::ostringstream out;
  out << "structure of " << doc.path() << ": " << doc.line_count() << " lines, ";
  if (doc.page_count() == 0) {
    out << "no page breaks\n";
  } else {
    out << doc.page_count() << " pages\n";
  }
  out << "report year: " << (md.report_year == 0 ? std::string("unknown") : std::to_string(md.report_year));
  if (md.period_kind == ESGAUDIT_PERIOD_END_ONLY) {
    out << " (period ending " << md.period_end << ", its start unreadable)";
  } else if (!md.period_begin.empty()) {
    out << " (period " << md.period_begin << " to " << md.period_end
        << (md.period_kind == ESGAUDIT_PERIOD_RANGE_NO_YEAR ? ", printed without its year" : "") << ")";
  } else if (md.period_kind == ESGAUDIT_PERIOD_YEAR) {
    out << " (period: the whole year)";
  }
  if (md.period_length > 0) out << " from " << Where(doc, md.period_offset);
  if (md.title_year != 0) out << "; title year " << md.title_year << " at " << Where(doc, md.title_offset);
  out << "\nlanguages: " << (md.languages.empty() ? "unknown" : md.languages) << "\n";
  out << "company: " << (md.company.empty() ? std::string("unknown") : md.company);
  if (md.company_length > 0) out << " at " << Where(doc, md.company_offset);
  out << "\n";
  for (const StandardClaim& c : md.claims) {
    std::string exchange = Structure::ExchangeName(c.exchange);
    out << "claims " << Structure::StandardName(c.standard) << " (" << Structure::ClaimModeName(c.mode)
        << (exchange.empty() ? "" : ", " + exchange) << ") at " << Where(doc, c.offset) << ": " << doc.text().substr(c.offset, c.length) << "\n";
  }
  out << s.sections().size() << " sections, " << s.toc().size() << " TOC entries, " << s.index_regions().size()
      << " content-index regions, " << s.tables().size() << " tables, " << s.figures().size()
      << " infographic figures, " << s.sentences().size() << " sentences (" << s.clauses().size() << " clauses)\n";
  for (const IndexRegion& r : s.index_regions()) {
    out << "content index: lines " << r.first_line + 1 << "-" << r.last_line + 1 << ", " << r.rows << " rows ("
        << Join(IndexSchemeNames(r.schemes), ", ") << ")\n";
  }
  for (size_t t = 0; t < s.tables().size(); ++t) {
    const Table& tb = s.tables()[t];
    out << "table " << t << ": lines " << tb.first_line + 1 << "-" << tb.last_line + 1 << ", "
        << TableSourceName(tb.source) << ", " << tb.columns << " columns, " << Structure::TableKindName(tb.kind);
    if (tb.header_line != kNoIndex) out << ", header line " << tb.header_line + 1;
    if (tb.total_line != kNoIndex) out << ", total row line " << tb.total_line + 1;
    if (tb.total_column != kNoIndex) out << ", total column " << tb.total_column + 1;
    if (!tb.unit.empty()) out << ", unit " << tb.unit;
    if (tb.grid_rows > 0) out << ", grid " << tb.grid_rows << "x" << tb.grid_columns;
    out << "\n";
  }
  out << "\nline  role        section  flags | cells (blank lines not shown; [toc] TOC entry, [side] side "
         "banner)\n";
  uint32_t page = 0;
  for (size_t i = 0; i < doc.line_count(); ++i) {
    const LineStructure& l = s.line(i);
    if (doc.page_count() > 0 && doc.line(i).page != page) {
      page = doc.line(i).page;
      out << "--- page " << page << "\n";
    }
    if (l.role == ESGAUDIT_ROLE_BLANK) continue;
    std::string role = Structure::RoleName(l.role);
    if (l.heading_level > 0) role += " " + std::to_string(l.heading_level);
    std::string section = l.section == kNoIndex ? "-" : "s" + std::to_string(l.section);
    std::vector<std::string> flags = LineFlagNames(l.flags);
    for (std::string& f : flags) {
      if (f == "table" && l.table != kNoIndex) f += " " + std::to_string(l.table);
    }
    std::string line_no = std::to_string(i + 1);
    out << line_no << std::string(line_no.size() < 5 ? 5 - line_no.size() : 1, ' ') << ' ' << role
        << std::string(role.size() < 11 ? 11 - role.size() : 1, ' ') << ' ' << section
        << std::string(section.size() < 8 ? 8 - section.size() : 1, ' ') << ' ' << Join(flags, ",") << " |";
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      const Cell& c = s.cells()[l.first_cell + k];
      out << ' ' << CellText(doc, c);
      if (c.flags & ESGAUDIT_CELL_TOC_ENTRY) out << " [toc]";
      if (c.flags & ESGAUDIT_CELL_SIDE_BANNER) out << " [side]";
      if (k + 1 < l.cell_count) out << " ¦";
    }
    out << "\n";
  }
  out << "\nsections:\n";
  for (size_t k = 0; k < s.sections().size(); ++k) {
    const Section& sec = s.sections()[k];
    out << "s" << k << " " << std::string(2 * (sec.level - 1), ' ') << (sec.number.empty() ? "" : sec.number + " ")
        << sec.title << " (lines " << sec.line + 1 << "-" << sec.last_line + 1 << ")\n";
  }
  out << "\ntable of contents:\n";
  for (const TocEntry& e : s.toc()) {
    out << e.line + 1 << ": " << e.title << " -> " << (e.page == 0 ? std::string("no page") : std::to_string(e.page))
        << "\n";
  }
  out << "\ninfographic figures (line(s): label -> figure, how the label was found):\n";
  for (const Figure& g : s.figures()) {
    out << FigureLines(s, g) << ": " << g.label << " -> " << doc.text().substr(g.offset, g.length) << " ("
        << FigureKindName(g.kind) << ((g.flags & ESGAUDIT_FIGURE_AMBIGUOUS) ? ", ambiguous" : "") << ")\n";
  }
  if (!s.chart_captions().empty()) {
    out << "\nchart captions (line: caption -> the lines of figures it heads):\n";
    for (const ChartCaption& c : s.chart_captions()) {
      out << c.line + 1 << ": " << c.text << " -> " << c.first_line + 1 << "-" << c.last_line + 1 << "\n";
    }
  }
  return out.str();
}

std::string Json(const Document& doc) {
  const Structure& s = doc.structure();
  const ReportMetadata& md = s.metadata();
  nlohmann::ordered_json j;
  j["schema"] = "esgaudit.structure/1";
  j["path"] = doc.path();
  j["line_count"] = doc.line_count();
  j["pages"] = doc.page_count() == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(doc.page_count());
  nlohmann::ordered_json m;
  m["report_year"] = md.report_year == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(md.report_year);
  m["period_begin"] = md.period_begin.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(md.period_begin);
  m["period_end"] = md.period_end.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(md.period_end);
  m["year_from_line"] = md.period_length == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(doc.LineOf(md.period_offset) + 1);
  static const char* const kPeriodKinds[] = {nullptr, "range", "year", "range-no-year", "end-only"};
  m["period_kind"] = md.period_kind == ESGAUDIT_PERIOD_NONE ? nlohmann::ordered_json()
                                                            : nlohmann::ordered_json(kPeriodKinds[md.period_kind]);
  m["period_statement"] = (md.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) != 0;
  m["title_year"] = md.title_year == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(md.title_year);
  m["title_line"] = md.title_length == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(doc.LineOf(md.title_offset) + 1);
  m["languages"] = md.languages;
  if (md.company.empty()) {
    m["company"] = nlohmann::ordered_json();
  } else {
    m["company"] = {{"name", md.company},
                    {"line", doc.LineOf(md.company_offset) + 1},
                    {"column", doc.ColumnOf(md.company_offset)}};
  }
  m["claims"] = nlohmann::ordered_json::array();
  for (const StandardClaim& c : md.claims) {
    std::string exchange = Structure::ExchangeName(c.exchange);
    m["claims"].push_back({{"standard", Structure::StandardName(c.standard)},
                           {"mode", Structure::ClaimModeName(c.mode)},
                           {"exchange", exchange.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(exchange)},
                           {"line", doc.LineOf(c.offset) + 1},
                           {"column", doc.ColumnOf(c.offset)},
                           {"text", doc.text().substr(c.offset, c.length)}});
  }
  j["metadata"] = m;
  j["sections"] = nlohmann::ordered_json::array();
  for (const Section& sec : s.sections()) {
    j["sections"].push_back({{"line", sec.line + 1}, {"last_line", sec.last_line + 1}, {"level", sec.level},
                             {"parent", Index(sec.parent)}, {"number", sec.number}, {"title", sec.title}});
  }
  j["toc"] = nlohmann::ordered_json::array();
  for (const TocEntry& e : s.toc()) {
    j["toc"].push_back({{"line", e.line + 1}, {"title", e.title},
                        {"page", e.page == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(e.page)}});
  }
  j["index_regions"] = nlohmann::ordered_json::array();
  for (const IndexRegion& r : s.index_regions()) {
    j["index_regions"].push_back({{"first_line", r.first_line + 1}, {"last_line", r.last_line + 1},
                                  {"rows", r.rows}, {"schemes", IndexSchemeNames(r.schemes)}});
  }
  j["tables"] = nlohmann::ordered_json::array();
  for (const Table& t : s.tables()) {
    j["tables"].push_back({{"first_line", t.first_line + 1}, {"last_line", t.last_line + 1},
                           {"source", TableSourceName(t.source)}, {"columns", t.columns},
                           {"kind", Structure::TableKindName(t.kind)}, {"header_line", LineNo(t.header_line)},
                           {"total_line", LineNo(t.total_line)},
                           {"total_column", t.total_column == kNoIndex ? nlohmann::ordered_json()
                                                                       : nlohmann::ordered_json(t.total_column + 1)},
                           {"unit", t.unit}, {"grid", Grid(s, t)}});
  }
  j["figures"] = nlohmann::ordered_json::array();
  for (const Figure& g : s.figures()) {
    j["figures"].push_back({{"line", g.line + 1}, {"column", doc.ColumnOf(g.offset)},
                            {"text", doc.text().substr(g.offset, g.length)}, {"label", g.label},
                            {"label_from", FigureKindName(g.kind)},
                            {"ambiguous", (g.flags & ESGAUDIT_FIGURE_AMBIGUOUS) != 0},
                            {"label_lines", FigureLines(s, g)}});
  }
  j["chart_captions"] = nlohmann::ordered_json::array();
  for (const ChartCaption& c : s.chart_captions()) {
    j["chart_captions"].push_back(
        {{"line", c.line + 1}, {"text", c.text}, {"first_line", c.first_line + 1}, {"last_line", c.last_line + 1}});
  }
  j["sentences"] = nlohmann::ordered_json::array();
  for (const Sentence& st : s.sentences()) {
    nlohmann::ordered_json clauses = nlohmann::ordered_json::array();
    for (uint32_t k = 0; k < st.clause_count; ++k) {
      const Clause& c = s.clauses()[st.first_clause + k];
      std::vector<std::string> facts;
      for (uint32_t f = 0; f < c.fact_count; ++f) {
        const NumericFact& nf = doc.facts()[s.clause_facts()[c.first_fact + f]];
        facts.push_back(doc.text().substr(nf.offset, nf.length));
      }
      clauses.push_back({{"text", s.SpanText(doc.view(), c.first_span, c.span_count)}, {"facts", facts}});
    }
    const TextSpan& first = s.spans()[st.first_span];
    const TextSpan& last = s.spans()[st.first_span + st.span_count - 1];
    j["sentences"].push_back({{"line", first.line + 1}, {"last_line", last.line + 1}, {"clauses", clauses}});
  }
  j["lines"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < doc.line_count(); ++i) {
    const LineStructure& l = s.line(i);
    if (l.role == ESGAUDIT_ROLE_BLANK) continue;
    nlohmann::ordered_json line;
    line["line"] = i + 1;
    line["page"] = doc.line(i).page == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(doc.line(i).page);
    line["role"] = Structure::RoleName(l.role);
    if (l.heading_level > 0) line["heading_level"] = l.heading_level;
    line["flags"] = LineFlagNames(l.flags);
    line["section"] = Index(l.section);
    line["table"] = Index(l.table);
    line["cells"] = nlohmann::ordered_json::array();
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      const Cell& c = s.cells()[l.first_cell + k];
      line["cells"].push_back({{"column", c.column}, {"text", CellText(doc, c)}, {"flags", CellFlagNames(c.flags)}});
    }
    j["lines"].push_back(std::move(line));
  }
  return j.dump(1) + "\n";
}

}  // namespace

std::string RenderStructure(const Document& doc, const std::string& format) {
  return format == "json" ? Json(doc) : Text(doc);
}

}  // namespace esgaudit
