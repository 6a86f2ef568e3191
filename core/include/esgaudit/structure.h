// Structure: what the layout of a report means, built once per Document and read by every plugin.
//
// Per line: a role (blank, prose, heading, table row, infographic cells, TOC entry, content-index
// row, page furniture), its cells (spans of text between layout gaps: tabs, '|', HTML tags, two or
// more spaces in the matching view), its section and its table. Per document: the table of
// contents, the report's own content-index regions, headings and sections, tables, metadata
// (report year and period, languages, the standards the report claims to follow), infographic
// figures with the labels assembled around them, and the sentences and clauses of the prose with
// the facts each clause holds.
//
// Built by Document::Build from the lines and the matching view; immutable afterwards, so it is
// safe to share across threads. Time and memory are linear in the input (a cluster test looks at a
// bounded window of lines; a running-header key is capped in length).
//
// What is marked is what a reader would not take as evidence of content: running headers and
// footers, page numbers, vertical side banners, repeated decorations, the table of contents and
// the content index. Rules take evidence from the other lines.
#ifndef ESGAUDIT_STRUCTURE_H_
#define ESGAUDIT_STRUCTURE_H_

#include <esgaudit/plugin_abi.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit {

class Document;

constexpr uint32_t kNoIndex = 0xFFFFFFFFu;

// A span of text between layout gaps. Offsets are into Document::text(); view_* into view().
struct Cell {
  uint64_t offset = 0;
  uint64_t length = 0;
  uint64_t view_begin = 0;  // trimmed; Markdown '#', '|', '>' decoration removed
  uint64_t view_end = 0;
  uint32_t column = 1;  // 1-based display column of the first character
  uint32_t flags = 0;   // ESGAUDIT_CELL_* bits
  uint32_t line = 0;    // the line it lies on: Document::LineOf(offset), kept from the split
};

struct LineStructure {
  esgaudit_line_role role = ESGAUDIT_ROLE_BLANK;
  uint32_t flags = 0;          // ESGAUDIT_LINE_* bits
  uint32_t heading_level = 0;  // 1.. for a heading line, 0 otherwise
  uint32_t section = kNoIndex;  // innermost section containing the line
  uint32_t table = kNoIndex;    // table the line belongs to
  uint32_t first_cell = 0;      // index into Structure::cells()
  uint32_t cell_count = 0;
  uint64_t view_begin = 0;  // the line in the matching view, terminator excluded
  uint64_t view_end = 0;
};

struct Section {
  uint32_t line = 0;   // the heading line
  uint32_t level = 1;  // 1 = chapter (一、 第一章 1.), 2 = （一） 1.1, 3 = 1.1.1 and (1)
  uint32_t parent = kNoIndex;
  uint32_t last_line = 0;  // last line of the section (inclusive)
  std::string number;  // "一、", "（一）", "1.1", "第一章"; empty for an unnumbered title
  std::string title;   // the heading text without numbering and decoration, as in the view
};

struct TocEntry {
  uint32_t line = 0;
  uint32_t cell = 0;  // index into Structure::cells()
  std::string title;
  uint32_t page = 0;  // printed page the entry points to; 0 when none was printed
};

struct IndexRegion {
  uint32_t first_line = 0;
  uint32_t last_line = 0;  // inclusive
  uint32_t schemes = 0;    // ESGAUDIT_INDEX_* bits
  uint32_t rows = 0;       // lines holding at least one disclosure code at the start of a cell
};

// One disclosure code of a content index; see esgaudit_index_row.
struct IndexRow {
  uint32_t line = 0;
  uint32_t region = 0;
  uint32_t scheme = 0;  // one ESGAUDIT_INDEX_* bit
  uint32_t flags = 0;   // ESGAUDIT_INDEX_ROW_*
  uint64_t offset = 0;  // text span of the code as printed
  uint64_t length = 0;
  std::string code;       // "G4-10", "EN 15", "305-1", "A1.2"; "G4-12" for a numbered row
  std::string text;       // the row's cells after the code, wrapped lines joined (matching view)
  std::string reference;  // the row's last cell: the page or section it points to
};

struct Table {
  uint32_t first_line = 0;
  uint32_t last_line = 0;  // inclusive
  uint32_t header_line = kNoIndex;
  uint32_t total_line = kNoIndex;    // a 合计/总计/小计/Total row
  uint32_t total_column = kNoIndex;  // 0-based cell index of a 合计/总计 header cell
  uint32_t columns = 0;              // cells in the widest row
  esgaudit_table_kind kind = ESGAUDIT_TABLE_UNKNOWN;
  uint32_t source = 0;  // ESGAUDIT_TABLE_SOURCE_* (how the table was written)
  std::string unit;     // "万元", "吨", "%"... from the header or the caption; empty if none
  // The grid of a table written as HTML or Markdown markup (with a |---| delimiter row), laid out
  // with spaces (ESGAUDIT_TABLE_SOURCE_ALIGNED) or with tabs; zero rows for a pipe table without
  // its delimiter row. Its cells are
  // Structure::table_cells()[first_grid_cell .. first_grid_cell + grid_cell_count), row by row;
  // for a markup table header_line, kind, total_line and total_column are read from the grid.
  uint32_t grid_rows = 0;
  uint32_t grid_columns = 0;
  uint32_t first_grid_cell = 0;
  uint32_t grid_cell_count = 0;
};

// A cell of a table's grid.
//
// An aligned table's grid: one row per line holding cells (furniture and bare page numbers left
// out), the row label in column 0, each value in the column of the widest row's value it stands
// under (a missing value leaves its column empty; a row that does not line up is placed from the
// right); rows joined with single spaces split into label and values; the header line's titles as
// header cells. A label the layout wrapped onto a line of its own (above or below its row, or
// around a line of values only) is joined into the row's label cell: its text is the pieces in
// reading order, its span runs from the first piece to the last, its line is the first piece's.
//
// A tab table's grid: one row per line holding cells (blank lines, page numbers and furniture
// without a tab left out), each cell in the column of its tab slot (the number of tabs before it on
// its line; an empty slot leaves its column empty); a line without tabs has one column per cell. A
// row's last cell holding its label and figures joined by single spaces is split into the label and
// one cell per figure in the slots after it; a slot holding pieces apart by a wide gap is one cell
// flagged ESGAUDIT_TABLE_CELL_GAPPED; the header line's cells are header cells. A header cell of
// periods set one space apart ("2015 年 2016 年") is one header cell per period, in the columns
// from its slot on; a header of periods only that starts over the row labels is moved one column
// right when the row below has a label and reaches past it. A row of periods inside the table
// (a label or none, then two or more periods, with figures on the next row) is a second header:
// its cells are header cells too. A label alone on
// its row next to a row is joined into that row's label on the aligned tables' cues (a bracketed
// unit or lower-case words below, a joining word or comma ending the piece above).
//
// A markup table's grid: HTML is read by a tolerant tag scanner (real fragments are not
// well-formed: unclosed <td>, a table cut off at a page end, which ends it at a blank line); only
// <table>, <tr>, <td>, <th> and rowspan / colspan are read (spans capped at 200 rows and 50
// columns). A spanned cell is listed once, at its top-left position. Markdown has no row spans: in
// a pipe table a cell at the start of a body row, before the row's own label, that is empty or
// repeats the label above continues that label (its row span grows; ESGAUDIT_TABLE_CELL_CONTINUED
// when it grew over an empty cell).
struct TableCell {
  uint32_t table = 0;
  uint32_t row = 0;  // 0-based top-left grid position
  uint32_t column = 0;
  uint32_t row_span = 1;
  uint32_t column_span = 1;
  uint32_t flags = 0;  // ESGAUDIT_TABLE_CELL_*
  uint32_t line = 0;   // line of the content's first byte
  uint64_t offset = 0;  // text span of the content, inner markup, blanks and line breaks included
  uint64_t length = 0;
  uint64_t view_begin = 0;  // the same span in the matching view
  uint64_t view_end = 0;
  std::string text;  // the content without tags or control characters, &nbsp; &amp; &lt; &gt; &quot; decoded, blanks collapsed
};

struct StandardClaim {
  esgaudit_standard standard = ESGAUDIT_STANDARD_GRI;
  esgaudit_claim_mode mode = ESGAUDIT_CLAIM_MENTION;
  uint64_t offset = 0;  // text span of the standard's name
  uint64_t length = 0;
  // The exchange whose guideline an ESGAUDIT_STANDARD_EXCHANGE_2024 claim names (深交所 / 第17号 →
  // SZSE, 上交所 / 第14号 → SSE, 北交所 / 第11号 → BSE); UNNAMED otherwise.
  esgaudit_exchange exchange = ESGAUDIT_EXCHANGE_UNNAMED;
  uint32_t flags = 0;  // ESGAUDIT_CLAIM_* bits
};

struct ReportMetadata {
  int32_t report_year = 0;  // 0 when unknown
  std::string period_begin;  // "2020-01-01"; empty when no period was stated
  std::string period_end;
  uint64_t period_offset = 0;  // text span of the stated period (or of the title giving the year)
  uint64_t period_length = 0;
  std::string languages;  // "zh", "en" or "zh,en" (by share of Han and Latin letters)
  std::vector<StandardClaim> claims;  // in text order, first claim of each standard, mode and exchange
  uint32_t flags = 0;  // ESGAUDIT_METADATA_* bits
  // The reporting entity: from the report's title ("云南铝业股份有限公司2020年社会责任报告",
  // "XYZ Co., Ltd. 2023 Sustainability Report"), else a statement about the report ("本报告以XX股份有限
  // 公司为主体", "本报告为XX公司…"), else a cover line that is a company's name alone. As printed
  // (matching view), with its text span; empty when none was found.
  std::string company;
  uint64_t company_offset = 0;
  uint64_t company_length = 0;
  // How the period was stated (ESGAUDIT_PERIOD_*). Read from statements about the report (时间范围,
  // 报告期, 时间跨度, reporting period … on the line or a heading just above) before a date range
  // elsewhere: a range with its years (days may be missing: 2016年1月至12月; OCR's 曰 for 日, 一 or
  // —— between the dates; a range broken over two lines); a range without a year, dated by a
  // whole-year statement or else the title; a range whose start OCR damaged (至2016年12月31日:
  // period_end only); a whole year (报告期为2016年度: report_year only). A statement may give a span
  // shorter than a year (it is what the report says); a range outside such a statement must span 11
  // to 24 months. Never a year inside 《》 (another document).
  esgaudit_period_kind period_kind = ESGAUDIT_PERIOD_NONE;
  // The year in the report's own title ("2020年社会责任报告", "2019 Sustainability Report"), by vote
  // over the first pages and the running headers; 0 when none. report_year is the period's year
  // (its end) when a period was stated, else this one.
  int32_t title_year = 0;
  uint64_t title_offset = 0;
  uint64_t title_length = 0;
};


// ---- Infographic figures (structure_figures.cc) and prose (structure_prose.cc) ------------

// A stretch of text: offsets into Document::text(), the same stretch in view(), and its line.
struct TextSpan {
  uint64_t offset = 0;
  uint64_t length = 0;
  uint64_t view_begin = 0;
  uint64_t view_end = 0;
  uint32_t line = 0;
};

// A figure of an infographic (a short cell outside prose and tables) with the label a reader
// pairs it with:
//  - inline: the label is the cell's text before the figure ("员工总数12375人");
//  - split: a label broken over two lines of the same column ("申请专" above "利89项" ->
//    "申请专利", two spans);
//  - stacked: a label cell alone above ("发明" over "7 项") or below ("51.25亿元" over "利润总额")
//    the figure's cell, in the same display columns. A column of alternating labels and figures
//    is paired the way that pairs the most figures; when both ways pair as many (a label left
//    over at either end) the figure is flagged ESGAUDIT_FIGURE_AMBIGUOUS and paired with the
//    label above.
// Not paired, because a reader could not tell either: a bare number without a unit or magnitude (page
// numbers, chart axes), a figure next to another figure in its column, a figure beside a label that
// ends with a count noun of another unit (在职培训人次 over 1170.52万元). Label cells have no digits and no
// sentence punctuation, no legend keys (■ ●), and are not numbered headings or titles over a paragraph.
// Only quantities and percentages (not years, dates, ordinals or codes) with a label are listed.
struct Figure {
  uint32_t fact = kNoIndex;  // index into Document::facts()
  uint64_t offset = 0;       // the figure's text span (the fact's)
  uint64_t length = 0;
  uint32_t line = 0;                                   // line of the figure
  uint32_t cell = kNoIndex;                            // cell holding the figure
  esgaudit_figure_label kind = ESGAUDIT_FIGURE_INLINE;  // how the label was found
  uint32_t flags = 0;                                  // ESGAUDIT_FIGURE_* bits
  std::string label;        // the label in the matching view, spaces removed, pieces joined
  uint32_t first_span = 0;  // the label's pieces in Structure::spans(), in reading order
  uint32_t span_count = 0;
};

// The caption of a chart or infographic group: a short line (one cell of up to 24 characters, no
// digit, no sentence punctuation) naming what a chart shows with a chart word (比例, 结构, 分布,
// 构成, 占比; split, breakdown, distribution, ratio, mix), over a run of lines of figures and legend
// labels: the next lines up to eight below it (blank lines and page furniture passed over) that
// hold no prose (a cell of 20 characters or more, or a 。), no table, contents or index line and no
// other caption, with at least two figure cells in all; three blank lines in a row after its first
// line end it (a wide vertical space parts the page's charts). The run ends at its last line
// holding a figure. A caption that heads no such run and whose next line (a unit or legend line
// passed over) holds no figure and is no table, contents or index line is one printed below its
// chart: it closes the run of lines above it, read upwards the same way (at
// most eight lines, down to the previous caption's lines) through lines of figures, legends (a
// line with a legend glyph such as ■ or ●) and units (a line starting 单位 or "unit"), ending at
// the first other line; the run spans its lines from the topmost to the last holding a figure
// and needs two figure cells. When the line ending it is a sentence not ended (a clause mark, no
// 。 or full stop), the figures finish that sentence and the caption heads nothing.
struct ChartCaption {
  uint32_t line = 0;        // the caption's line
  uint32_t first_line = 0;  // the run of lines it heads
  uint32_t last_line = 0;   // inclusive
  std::string text;         // the caption in the matching view, spaces removed
};

// A sentence of running text. Prose is read as chains of cells: a cell continues on the next
// non-blank line (page furniture skipped) in a prose cell starting within a few display columns
// of it, so a sentence wrapped by the layout is one sentence and two columns of text side by
// side stay apart. Chains never run into headings, tables, the TOC, the content index, page
// furniture or cells an infographic figure or label was taken from. Sentences end at 。！？；
// and at English . ! ? ; (a '.' between digits is a decimal point); clauses split them further
// at ，、：, and : (not inside a number such as 12,375 or 10:30).
struct Sentence {
  uint32_t first_span = 0;  // pieces in Structure::spans() (one per line it runs over)
  uint32_t span_count = 0;
  uint32_t first_clause = 0;  // into Structure::clauses()
  uint32_t clause_count = 0;
  // The paragraph (chain of cells) it belongs to, numbered in reading order: consecutive
  // sentences with the same number continue one another ("共招聘155名。其中…").
  uint32_t paragraph = 0;
  // ESGAUDIT_SENTENCE_* (plugin_abi.h): AFTER_SEMICOLON when the sentence before it in the same
  // paragraph ended at ；or ;, so that this one goes on with it.
  uint32_t flags = 0;
};

struct Clause {
  uint32_t sentence = 0;
  uint32_t first_span = 0;  // pieces in Structure::spans(), delimiters excluded
  uint32_t span_count = 0;
  uint32_t first_fact = 0;  // into Structure::clause_facts(): the facts whose first digit is in it
  uint32_t fact_count = 0;
};

class Structure {
 public:
  Structure() = default;
  // REQUIRES: doc's lines and matching view are built.
  static Structure Build(const Document& doc);

  const std::vector<LineStructure>& lines() const { return lines_; }
  const LineStructure& line(size_t i) const { return lines_[i]; }
  const std::vector<Cell>& cells() const { return cells_; }
  const std::vector<Section>& sections() const { return sections_; }
  const std::vector<TocEntry>& toc() const { return toc_; }
  const std::vector<IndexRegion>& index_regions() const { return index_regions_; }
  const std::vector<IndexRow>& index_rows() const { return index_rows_; }
  const std::vector<Table>& tables() const { return tables_; }
  const std::vector<TableCell>& table_cells() const { return table_cells_; }
  const ReportMetadata& metadata() const { return metadata_; }
  const std::vector<Figure>& figures() const { return figures_; }
  // Chart captions in line order; their runs do not overlap.
  const std::vector<ChartCaption>& chart_captions() const { return chart_captions_; }
  // The caption whose run holds line `i`, or nullptr.
  const ChartCaption* ChartCaptionOf(size_t i) const;
  const std::vector<TextSpan>& spans() const { return spans_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  const std::vector<Clause>& clauses() const { return clauses_; }
  // Fact indexes (into Document::facts()) per clause: Clause::first_fact, fact_count.
  const std::vector<uint32_t>& clause_facts() const { return clause_facts_; }
  // The clause holding fact `i` (its first digit), or kNoIndex.
  uint32_t ClauseOfFact(size_t i) const { return i < fact_clause_.size() ? fact_clause_[i] : kNoIndex; }
  // The matching-view text of spans [first, first + count), joined (a space only between two
  // Latin words wrapped at a line end).
  std::string SpanText(std::string_view view, uint32_t first, uint32_t count) const;

  // True when line `i` may serve as evidence: not furniture, not in the table of contents or the
  // content index.
  bool IsBody(size_t i) const {
    return (lines_[i].flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC |
                               ESGAUDIT_LINE_INDEX)) == 0;
  }

  // Readable names for tools and tests ("prose", "running-header", "time-series", "gri").
  static const char* RoleName(esgaudit_line_role role);
  static const char* TableKindName(esgaudit_table_kind kind);
  static const char* StandardName(esgaudit_standard standard);
  static const char* ClaimModeName(esgaudit_claim_mode mode);
  static const char* ExchangeName(esgaudit_exchange exchange);  // "sse", "szse", "bse", ""
  // Heading text: the cell without bullets and numbering ("一、", "（一）", "1.1", "第一章", "01").
  static std::string_view HeadingText(std::string_view cell);

 private:
  friend class StructureBuilder;
  std::vector<LineStructure> lines_;
  std::vector<Cell> cells_;
  std::vector<Section> sections_;
  std::vector<TocEntry> toc_;
  std::vector<IndexRegion> index_regions_;
  std::vector<IndexRow> index_rows_;
  std::vector<Table> tables_;
  std::vector<TableCell> table_cells_;
  ReportMetadata metadata_;
  std::vector<Figure> figures_;
  std::vector<ChartCaption> chart_captions_;
  std::vector<TextSpan> spans_;
  std::vector<Sentence> sentences_;
  std::vector<Clause> clauses_;
  std::vector<uint32_t> clause_facts_;
  std::vector<uint32_t> fact_clause_;
};

}  // namespace esgaudit

#endif  // ESGAUDIT_STRUCTURE_H_
