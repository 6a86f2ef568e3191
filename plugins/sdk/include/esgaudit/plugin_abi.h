/* esgaudit plugin ABI — the C waist between the host and every rule plugin.
 *
 * Contract:
 *  - A plugin is a MODULE library exporting one data symbol, ESGAUDIT_PLUGIN_ENTRY_SYMBOL, of type
 *    `const esgaudit_plugin`. Its first three fields (abi_major, abi_minor, struct_size) never move.
 *  - The host refuses a plugin whose abi_major differs from ESGAUDIT_ABI_MAJOR. A minor bump only
 *    appends fields at the end of structs; readers check struct_size before touching new fields:
 *    the host accepts any esgaudit_plugin at least ESGAUDIT_PLUGIN_SIZE_1_0 bytes long, and a
 *    plugin calls a 1.1 accessor of esgaudit_host only when host->struct_size covers it
 *    (ESGAUDIT_HOST_HAS). Structs the host fills for a plugin (esgaudit_line_structure, ...) carry
 *    their own struct_size, set by the caller: the host writes no more than that many bytes and
 *    sets struct_size to what it wrote.
 *  - 1.1 adds the structure model (roles of lines, cells, sections, TOC, content index, tables,
 *    report metadata); see esgaudit/structure.h in the core for its meaning. It also appends
 *    esgaudit_plugin::prepare (rule data read once per process, before an isolated batch forks).
 *  - Only fixed-width integers, doubles, UTF-8 views (esgaudit_str), opaque handles and function
 *    pointers cross. Whoever allocates frees. Views the host hands out stay valid for the whole
 *    `check` call; views the plugin passes to emit_* need only live for that call (the host copies).
 *  - No exception crosses: a plugin returns a status and, on failure, a message through `fail`.
 *  - Offsets are byte offsets into the document's UTF-8 text (host->text). For a UTF-8 input file
 *    without a BOM they equal file offsets.
 * This header is C99 and is compiled as C by a test.
 */
#ifndef ESGAUDIT_PLUGIN_ABI_H_
#define ESGAUDIT_PLUGIN_ABI_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ESGAUDIT_ABI_MAJOR 1
#define ESGAUDIT_ABI_MINOR 1
#define ESGAUDIT_PLUGIN_ENTRY_SYMBOL "esgaudit_plugin_entry"

#if defined(_WIN32)
#define ESGAUDIT_PLUGIN_EXPORT __declspec(dllexport)
#else
#define ESGAUDIT_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* A UTF-8 view; not NUL-terminated. */
typedef struct esgaudit_str {
  const char* data;
  uint64_t size;
} esgaudit_str;

typedef enum esgaudit_severity {
  ESGAUDIT_INFO = 0,
  ESGAUDIT_WARNING = 1,
  ESGAUDIT_ERROR = 2
} esgaudit_severity;

typedef enum esgaudit_status {
  ESGAUDIT_STATUS_OK = 0,
  ESGAUDIT_STATUS_CONFIG_ERROR = 2,   /* bad rule pack / KPI data / option: user input, exit 2 */
  ESGAUDIT_STATUS_INTERNAL_ERROR = 3  /* bug or unexpected failure inside the plugin: exit 3 */
} esgaudit_status;

/* One line of the document. `offset`/`length` exclude the line terminator. */
typedef struct esgaudit_line {
  uint64_t offset;
  uint64_t length;
  uint32_t page;         /* 1-based; 0 when the document has no page information */
  uint32_t width;        /* display width of the line (CJK full width = 2) */
} esgaudit_line;

typedef enum esgaudit_fact_kind {
  ESGAUDIT_FACT_QUANTITY = 0, /* a count or amount, possibly with a unit */
  ESGAUDIT_FACT_PERCENT = 1,  /* value is in percent: 21% -> 21 */
  ESGAUDIT_FACT_YEAR = 2,     /* 2020年, FY2020 */
  ESGAUDIT_FACT_DATE = 3,     /* 2020年1月1日, 12月31日, 2020-12-31 */
  ESGAUDIT_FACT_ORDINAL = 4,  /* 第3次, No. 5, list/section numbers, page numbers */
  ESGAUDIT_FACT_CODE = 5      /* identifiers: GRI 305-1, GB/T 36001, phone numbers, stock codes */
} esgaudit_fact_kind;

/* Qualifier bits printed next to a number. */
#define ESGAUDIT_QUAL_APPROX 0x1u    /* 约, 大约, 近似, approximately, about, ~ */
#define ESGAUDIT_QUAL_MORE 0x2u      /* 超, 逾, 余, 多, 以上, 超过, over, more than, + */
#define ESGAUDIT_QUAL_LESS 0x4u      /* 不足, 不到, 近, 以下, 以内, under, less than, nearly */
#define ESGAUDIT_QUAL_NEGATIVE 0x8u  /* printed with a minus sign or 负 */

/* A number found in the text, with its unit and nearest labels. */
typedef struct esgaudit_fact {
  uint64_t offset;          /* span of the number with its magnitude and unit */
  uint64_t length;
  uint32_t line;            /* 0-based index into the line table */
  uint32_t column;          /* 1-based display column of the first digit */
  uint32_t kind;            /* esgaudit_fact_kind */
  uint32_t qualifiers;      /* ESGAUDIT_QUAL_* bits */
  double value;             /* printed value times magnitude: 1.2万吨 -> 12000 (unit 吨) */
  double printed;           /* the number as printed: 1.2 */
  int32_t decimals;         /* digits after the decimal point as printed: 1.2 -> 1, 740 -> 0 */
  double magnitude;         /* 1, 1e3 (千), 1e4 (万), 1e6 (百万), 1e8 (亿) ... */
  esgaudit_str unit;        /* canonical unit without magnitude: "人", "吨", "元", "%", "kWh", "" */
  esgaudit_str unit_text;   /* unit as printed, with magnitude: "万吨" */
  esgaudit_str label;       /* nearest label in the same line (text before/after the number); a
                             * label the layout wrapped inside a word of a prose clause runs back
                             * into the lines before (外部董 over 事8人: 外部董事) */
  /* The structure model's label from outside the number's own text: in a model table (its line's
   * esgaudit_line_structure.table is set), the header of the number's column; for an infographic
   * figure (esgaudit_figure.fact) labelled from other lines, the figure's label, pieces joined
   * ("申请专" over "利89项" -> "申请专利"); for another quantity or percentage under a chart's
   * caption (男女比例 over 28% / 72%: a short line with a chart word over lines of figures and
   * legend labels), the caption; otherwise empty. */
  esgaudit_str column_label;
} esgaudit_fact;

/* One KPI record from --data: a flattened key path ("employees.total"), value, unit, period. */
typedef struct esgaudit_kpi {
  esgaudit_str key;
  esgaudit_str text;        /* the value as written in the data file */
  double value;             /* parsed value; NaN when `text` is not numeric */
  esgaudit_str unit;
  esgaudit_str period;      /* e.g. "2020"; empty when not given */
  esgaudit_str source;      /* "file:line" (or "file") the record came from */
} esgaudit_kpi;

typedef struct esgaudit_span {
  uint64_t offset;
  uint64_t length;
} esgaudit_span;

/* A secondary location attached to a finding or a coverage record. */
typedef struct esgaudit_related {
  esgaudit_span span;
  esgaudit_str message;    /* for coverage records: a short quote or note */
} esgaudit_related;

typedef struct esgaudit_finding {
  esgaudit_str rule;        /* "<plugin>.<kebab-name>", must be declared by the plugin */
  uint32_t severity;        /* esgaudit_severity */
  esgaudit_str message;     /* short, lower-case start, no trailing period */
  esgaudit_span span;       /* primary location; {0,0} for a document-level finding */
  esgaudit_str evidence;    /* quoted text; empty -> the host quotes the span's line */
  const esgaudit_str* references;   /* clauses of the standard: "GRI 405-1", "GB/T 36001-2015 6.2" */
  uint32_t reference_count;
  const esgaudit_related* related;
  uint32_t related_count;
} esgaudit_finding;

typedef enum esgaudit_coverage_status {
  ESGAUDIT_MISSING = 0,
  ESGAUDIT_PARTIAL = 1,
  ESGAUDIT_COVERED = 2
} esgaudit_coverage_status;

typedef struct esgaudit_coverage {
  esgaudit_str scheme;      /* "gri", "gbt36001" */
  esgaudit_str id;          /* "2-1", "report-period" */
  esgaudit_str title;
  uint32_t status;          /* esgaudit_coverage_status */
  const esgaudit_related* locations;  /* evidence locations with a short quote each */
  uint32_t location_count;
} esgaudit_coverage;

/* A relation a plugin recognised (a breakdown, a parts-total) — for `extract --relations`. */
typedef struct esgaudit_relation {
  esgaudit_str kind;        /* "percent-breakdown", "parts-total", ... */
  esgaudit_str description; /* "21% + 79% = 100%" */
  const esgaudit_related* members;
  uint32_t member_count;
} esgaudit_relation;

/* ---- ABI 1.1: the structure model. All views stay valid for the whole `check` call. ---- */

typedef enum esgaudit_line_role {
  ESGAUDIT_ROLE_BLANK = 0,
  ESGAUDIT_ROLE_PROSE = 1,        /* running text */
  ESGAUDIT_ROLE_HEADING = 2,      /* a numbered or short isolated title */
  ESGAUDIT_ROLE_TABLE_ROW = 3,    /* a row of a table (tabs, pipes, HTML, aligned columns) */
  ESGAUDIT_ROLE_INFOGRAPHIC = 4,  /* several short cells, figures with their labels */
  ESGAUDIT_ROLE_TOC_ENTRY = 5,    /* table of contents */
  ESGAUDIT_ROLE_INDEX_ROW = 6,    /* the report's own content index (GRI, CASS, exchange) */
  ESGAUDIT_ROLE_FURNITURE = 7,    /* running header/footer, page number, side banner, decoration */
  ESGAUDIT_ROLE_OTHER = 8         /* short text that is none of the above */
} esgaudit_line_role;

/* esgaudit_line_structure.flags */
#define ESGAUDIT_LINE_RUNNING_HEADER 0x1u /* repeated header or footer (title, section names) */
#define ESGAUDIT_LINE_PAGE_NUMBER 0x2u    /* only a page number ("12", "- 12 -", "P12") */
#define ESGAUDIT_LINE_SIDE_BANNER 0x4u    /* only one character of vertical side text */
#define ESGAUDIT_LINE_DECORATION 0x8u     /* a short line repeated on many pages */
#define ESGAUDIT_LINE_FURNITURE_MASK 0xFu
#define ESGAUDIT_LINE_TOC 0x10u           /* inside a table of contents */
#define ESGAUDIT_LINE_INDEX 0x20u         /* inside the report's content index */
#define ESGAUDIT_LINE_TABLE 0x40u         /* inside a table */

/* esgaudit_cell.flags */
#define ESGAUDIT_CELL_TOC_ENTRY 0x1u   /* a TOC-like entry ("员工发展 24") among others */
#define ESGAUDIT_CELL_SIDE_BANNER 0x2u /* one character of vertical side text */
#define ESGAUDIT_CELL_NUMERIC 0x4u     /* starts with a figure */

#define ESGAUDIT_NO_INDEX 0xFFFFFFFFu

typedef struct esgaudit_line_structure {
  uint32_t struct_size;   /* set by the caller */
  uint32_t role;          /* esgaudit_line_role */
  uint32_t flags;         /* ESGAUDIT_LINE_* */
  uint32_t heading_level; /* 1.. on a heading line, else 0 */
  uint32_t section;       /* innermost section, or ESGAUDIT_NO_INDEX */
  uint32_t table;         /* table, or ESGAUDIT_NO_INDEX */
  uint32_t first_cell;    /* cells of the line: [first_cell, first_cell + cell_count) */
  uint32_t cell_count;
  uint64_t view_begin;    /* the line in the matching view, terminator excluded */
  uint64_t view_end;
} esgaudit_line_structure;

typedef struct esgaudit_cell {
  uint32_t struct_size;
  uint32_t line;
  uint64_t offset;        /* text span (trimmed, Markdown decoration removed) */
  uint64_t length;
  uint64_t view_begin;    /* the same span in the matching view */
  uint64_t view_end;
  uint32_t column;        /* 1-based display column */
  uint32_t flags;         /* ESGAUDIT_CELL_* */
} esgaudit_cell;

typedef struct esgaudit_section {
  uint32_t struct_size;
  uint32_t line;          /* heading line */
  uint32_t level;         /* 1 = chapter */
  uint32_t parent;        /* or ESGAUDIT_NO_INDEX */
  uint32_t last_line;     /* inclusive */
  esgaudit_str number;    /* "一、", "（一）", "1.1"; empty when unnumbered */
  esgaudit_str title;     /* without numbering, as in the matching view */
} esgaudit_section;

typedef struct esgaudit_toc_entry {
  uint32_t struct_size;
  uint32_t line;
  uint32_t cell;
  uint32_t page;          /* printed page pointed to; 0 when none */
  esgaudit_str title;
} esgaudit_toc_entry;

#define ESGAUDIT_INDEX_GRI 0x1u       /* GRI Standards codes (102-1, 2-1, 305-1) */
#define ESGAUDIT_INDEX_G4 0x2u        /* G4 codes (G4-10, EC1, LA12) */
#define ESGAUDIT_INDEX_CASS 0x4u      /* CASS-CSR codes (P1.1, M2.3, S3.4, E1.2, G1.1, A1) */
#define ESGAUDIT_INDEX_EXCHANGE 0x8u  /* 2024 exchange guideline articles (第二十一条) */
#define ESGAUDIT_INDEX_HKEX 0x10u     /* HKEX ESG Reporting Guide KPIs (A1.2, B5.1) */

typedef struct esgaudit_index_region {
  uint32_t struct_size;
  uint32_t first_line;
  uint32_t last_line;     /* inclusive */
  uint32_t schemes;       /* ESGAUDIT_INDEX_* */
  uint32_t rows;
} esgaudit_index_region;

/* esgaudit_index_row.flags */
#define ESGAUDIT_INDEX_ROW_OMITTED 0x1u   /* its last cell says it is not reported ("-", 无, 不适用, n/a) */
#define ESGAUDIT_INDEX_ROW_NUMBERED 0x2u  /* a bare row number 1-58 standing for G4-1 .. G4-58 */

/* One disclosure code of a content index (a multi-column index holds several per line). */
typedef struct esgaudit_index_row {
  uint32_t struct_size;
  uint32_t line;          /* the line the code stands on */
  uint32_t region;        /* index into the content-index regions */
  uint32_t scheme;        /* one ESGAUDIT_INDEX_* bit */
  uint32_t flags;         /* ESGAUDIT_INDEX_ROW_* */
  uint64_t offset;        /* text span of the code as printed (the row number for NUMBERED rows) */
  uint64_t length;
  esgaudit_str code;      /* as printed, without a "GRI"/"KPI" prefix: "G4-10", "EN 15", "305-1", "A1.2";
                             "G4-12" for a NUMBERED row */
  esgaudit_str text;      /* the row in the matching view: its cells up to the next code, with the
                             lines it wraps onto joined by a space */
  esgaudit_str reference; /* its last cell (the page or section it points to); empty when none */
} esgaudit_index_row;

typedef enum esgaudit_table_kind {
  ESGAUDIT_TABLE_UNKNOWN = 0,
  ESGAUDIT_TABLE_TIME_SERIES = 1, /* columns are years or periods: never a breakdown */
  ESGAUDIT_TABLE_CATEGORIES = 2   /* columns are categories */
} esgaudit_table_kind;

#define ESGAUDIT_TABLE_SOURCE_TABS 0x1u
#define ESGAUDIT_TABLE_SOURCE_PIPES 0x2u   /* '|' separated, Markdown */
#define ESGAUDIT_TABLE_SOURCE_HTML 0x4u    /* <table> */
#define ESGAUDIT_TABLE_SOURCE_ALIGNED 0x8u /* whitespace-aligned columns */

typedef struct esgaudit_table {
  uint32_t struct_size;
  uint32_t first_line;
  uint32_t last_line;     /* inclusive */
  uint32_t header_line;   /* or ESGAUDIT_NO_INDEX */
  uint32_t total_line;    /* 合计/总计/小计 row, or ESGAUDIT_NO_INDEX */
  uint32_t total_column;  /* 0-based cell index of a 合计/总计 column, or ESGAUDIT_NO_INDEX */
  uint32_t columns;
  uint32_t kind;          /* esgaudit_table_kind */
  uint32_t source;        /* ESGAUDIT_TABLE_SOURCE_* */
  esgaudit_str unit;      /* empty when none */
  /* ABI 1.1, appended (present when struct_size covers them; zero from an older host): the grid of
   * a table written as HTML or Markdown markup or laid out with spaces (SOURCE_ALIGNED: the row
   * label in column 0, then one cell per value slot in the column it stands in; a label wrapped
   * onto lines of its own joined) or with tabs (SOURCE_TABS: each cell in the column of its tab
   * slot, empty slots kept). Its cells are
   * table_cell(first_grid_cell .. first_grid_cell + grid_cell_count - 1), row by row. */
  uint32_t grid_rows;
  uint32_t grid_columns;
  uint32_t first_grid_cell;
  uint32_t grid_cell_count;
} esgaudit_table;

/* esgaudit_table_cell.flags */
#define ESGAUDIT_TABLE_CELL_HEADER 0x1u /* <th>, a Markdown row above the |---| delimiter, an aligned or tab table's header line */
#define ESGAUDIT_TABLE_CELL_CONTINUED 0x2u /* a Markdown label spanning the empty cells below it */
#define ESGAUDIT_TABLE_CELL_GAPPED 0x4u /* a tab table's slot holding pieces apart by a wide gap, read as one cell */

/* ABI 1.1, appended: a cell of a table's grid, listed once at its top-left position. */
typedef struct esgaudit_table_cell {
  uint32_t struct_size;
  uint32_t table;         /* index of its table */
  uint32_t row;           /* 0-based grid position */
  uint32_t column;
  uint32_t row_span;      /* >= 1 */
  uint32_t column_span;   /* >= 1 */
  uint32_t flags;         /* ESGAUDIT_TABLE_CELL_* */
  uint32_t line;          /* line of the content's first byte */
  uint64_t offset;        /* text span of the content (inner markup and blanks included) */
  uint64_t length;
  uint64_t view_begin;    /* the same span in the matching view */
  uint64_t view_end;
  esgaudit_str text;      /* without tags, common entities decoded, blanks collapsed */
} esgaudit_table_cell;

typedef enum esgaudit_standard {
  ESGAUDIT_STANDARD_GRI = 0,
  ESGAUDIT_STANDARD_GBT36001 = 1,
  ESGAUDIT_STANDARD_EXCHANGE_2024 = 2, /* 上市公司自律监管指引——可持续发展报告 (2024) */
  ESGAUDIT_STANDARD_CASS_CSR = 3       /* 中国企业社会责任报告编写指南 (CASS-CSR) */
} esgaudit_standard;

typedef enum esgaudit_claim_mode {
  ESGAUDIT_CLAIM_MENTION = 0,    /* named as a basis without saying how */
  ESGAUDIT_CLAIM_REFERENCE = 1,  /* with reference to, 参考, 参照 */
  ESGAUDIT_CLAIM_ACCORDANCE = 2  /* in accordance with, 依据, 按照, 符合 */
} esgaudit_claim_mode;

/* Which exchange's 2024 guideline a claim of ESGAUDIT_STANDARD_EXCHANGE_2024 names (ABI 1.1, appended). */
typedef enum esgaudit_exchange {
  ESGAUDIT_EXCHANGE_UNNAMED = 0, /* no exchange named, or not an exchange claim */
  ESGAUDIT_EXCHANGE_SSE = 1,     /* 上海证券交易所上市公司自律监管指引第14号 */
  ESGAUDIT_EXCHANGE_SZSE = 2,    /* 深圳证券交易所上市公司自律监管指引第17号 */
  ESGAUDIT_EXCHANGE_BSE = 3      /* 北京证券交易所上市公司持续监管指引第11号 */
} esgaudit_exchange;

/* esgaudit_claim.flags (ABI 1.1, appended) */
#define ESGAUDIT_CLAIM_NAMES_G4 0x1u       /* a GRI claim naming the G4 Guidelines (G4, 可持续发展报告指南) */
#define ESGAUDIT_CLAIM_CORE 0x2u           /* a GRI claim of the core option (核心方案, core option) */
#define ESGAUDIT_CLAIM_COMPREHENSIVE 0x4u  /* a GRI claim of the comprehensive option (全面方案) */
#define ESGAUDIT_CLAIM_IN_BASIS 0x8u       /* a GRI claim under the report's basis heading (编制依据): a
                                              MENTION there is a reference */

typedef struct esgaudit_claim {
  uint32_t struct_size;
  uint32_t standard;      /* esgaudit_standard */
  uint32_t mode;          /* esgaudit_claim_mode */
  uint64_t offset;        /* text span of the standard's name */
  uint64_t length;
  /* ABI 1.1, appended: */
  uint32_t exchange;      /* esgaudit_exchange */
  uint32_t flags;         /* ESGAUDIT_CLAIM_* */
} esgaudit_claim;

/* How the reporting period was stated (esgaudit_metadata.period_kind, ABI 1.1, appended). */
typedef enum esgaudit_period_kind {
  ESGAUDIT_PERIOD_NONE = 0,          /* no period stated; report_year, if known, is the title's */
  ESGAUDIT_PERIOD_RANGE = 1,         /* a date range with its years: 2016年1月1日至12月31日 */
  ESGAUDIT_PERIOD_YEAR = 2,          /* a whole year, no dates: 报告期为2016年度 (period_begin/end empty) */
  ESGAUDIT_PERIOD_RANGE_NO_YEAR = 3, /* 1月1日至12月31日: the year is a whole-year statement's, else the title's */
  ESGAUDIT_PERIOD_END_ONLY = 4       /* a range whose start is unreadable: period_end only */
} esgaudit_period_kind;

/* esgaudit_metadata.flags (ABI 1.1, appended) */
#define ESGAUDIT_METADATA_EXTERNAL_INDEX 0x1u /* the report says its content index is published elsewhere (online) */
#define ESGAUDIT_METADATA_PERIOD_STATEMENT 0x2u /* the period is from a statement about the report (时间范围, 报告期 …), not a date range met elsewhere */

typedef struct esgaudit_metadata {
  uint32_t struct_size;
  int32_t report_year;    /* 0 when unknown */
  esgaudit_str period_begin; /* "2020-01-01"; empty when no period was stated */
  esgaudit_str period_end;
  uint64_t period_offset; /* text span the year or period was read from */
  uint64_t period_length;
  esgaudit_str languages; /* "zh", "en", "zh,en" */
  uint32_t claim_count;
  /* ABI 1.1, appended: */
  uint32_t flags;          /* ESGAUDIT_METADATA_* */
  esgaudit_str company;    /* the reporting entity as printed ("云南铝业股份有限公司"); empty when not found */
  uint64_t company_offset; /* its text span */
  uint64_t company_length;
  uint32_t period_kind;    /* esgaudit_period_kind; period_offset/length is then the statement's span */
  int32_t title_year;      /* the year in the report's title, 0 when none (independent of the period) */
  uint64_t title_offset;   /* text span the title year was read from */
  uint64_t title_length;
} esgaudit_metadata;

/* ABI 1.1 (appended): infographic figures with their labels, and sentences and clauses of prose.
 * Meanings in the core's esgaudit/structure.h (Figure, Sentence, Clause). */
typedef enum esgaudit_figure_label {
  ESGAUDIT_FIGURE_INLINE = 0,         /* the cell's text before the figure: "员工总数12375人" */
  ESGAUDIT_FIGURE_SPLIT = 1,          /* a label broken over two lines: "申请专" / "利89项" */
  ESGAUDIT_FIGURE_STACKED_ABOVE = 2,  /* a label cell alone above the figure's cell */
  ESGAUDIT_FIGURE_STACKED_BELOW = 3   /* a label cell alone below the figure's cell */
} esgaudit_figure_label;

/* esgaudit_figure.flags */
#define ESGAUDIT_FIGURE_AMBIGUOUS 0x1u /* the column pairs labels and figures either way */

typedef struct esgaudit_text_span {
  uint32_t struct_size;
  uint32_t line;
  uint64_t offset;        /* text span */
  uint64_t length;
  uint64_t view_begin;    /* the same span in the matching view */
  uint64_t view_end;
} esgaudit_text_span;

typedef struct esgaudit_figure {
  uint32_t struct_size;
  uint32_t fact;          /* index into the fact table */
  uint64_t offset;        /* the figure's text span */
  uint64_t length;
  uint32_t line;
  uint32_t cell;
  uint32_t kind;          /* esgaudit_figure_label */
  uint32_t flags;         /* ESGAUDIT_FIGURE_* */
  esgaudit_str label;     /* matching view, spaces removed, pieces joined */
  uint32_t first_span;    /* label pieces: text_span(first_span .. first_span + span_count - 1) */
  uint32_t span_count;
} esgaudit_figure;

typedef struct esgaudit_sentence {
  uint32_t struct_size;
  uint32_t first_span;    /* pieces (one per line it runs over): text_span(...) */
  uint32_t span_count;
  uint32_t first_clause;
  uint32_t clause_count;
  /* Appended within 1.1 (present when struct_size covers it): the paragraph (chain of cells) it
   * belongs to, numbered in reading order; consecutive sentences of one paragraph share it. */
  uint32_t paragraph;
  /* Appended within 1.1 (present when struct_size covers it): ESGAUDIT_SENTENCE_* flags. */
  uint32_t flags;
} esgaudit_sentence;

/* The sentence before it, in the same paragraph, ended at a semicolon (；or ;): this one goes on
 * with it ("2016年，73人获得技师资格，累计达到1204人；14人获得高级技师资格…": the year opening the
 * first dates the second too). */
#define ESGAUDIT_SENTENCE_AFTER_SEMICOLON 0x1u

typedef struct esgaudit_clause {
  uint32_t struct_size;
  uint32_t sentence;
  uint32_t first_span;    /* pieces, delimiters excluded */
  uint32_t span_count;
  uint32_t first_fact;    /* clause_fact(first_fact .. first_fact + fact_count - 1) */
  uint32_t fact_count;
} esgaudit_clause;

/* Pattern flags for esgaudit_host::scan. */
#define ESGAUDIT_PATTERN_LITERAL 0x0u   /* the expression is a byte string */
#define ESGAUDIT_PATTERN_REGEX 0x1u     /* the expression is a regular expression (PCRE syntax, UTF-8) */
#define ESGAUDIT_PATTERN_CASELESS 0x2u  /* ASCII letters match either case */
/* With REGEX: a prefilter read over bytes, as std::regex reads a std::string (`.` is one byte, \d and
 * \s are ASCII), in Hyperscan's prefilter mode: every match is reported, and maybe some that are
 * not matches (bounded repeats and lookaround are approximated); each match's begin is its end.
 * Only for hosts whose scan_flags include it (older hosts read every REGEX as UTF-8). */
#define ESGAUDIT_PATTERN_PREFILTER 0x4u

typedef struct esgaudit_pattern {
  esgaudit_str expression;
  uint32_t flags;           /* ESGAUDIT_PATTERN_* bits */
} esgaudit_pattern;

/* One occurrence of a pattern: [begin, end) are byte offsets into the scanned text. */
typedef struct esgaudit_match {
  uint32_t pattern;         /* index into the patterns passed to scan */
  uint32_t reserved;        /* 0 */
  uint64_t begin;
  uint64_t end;
} esgaudit_match;

/* What the host offers a plugin during `check`. `ctx` is passed back to every callback. */
typedef struct esgaudit_host {
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t struct_size;
  void* ctx;

  /* The document. */
  esgaudit_str (*path)(void* ctx);
  esgaudit_str (*text)(void* ctx);                 /* whole UTF-8 text */
  uint32_t (*line_count)(void* ctx);
  esgaudit_line (*line)(void* ctx, uint32_t index);
  uint32_t (*page_count)(void* ctx);               /* 0 = unknown */
  /* Line index (0-based) containing `offset`, and the 1-based display column of `offset`. */
  uint32_t (*line_of)(void* ctx, uint64_t offset);
  uint32_t (*column_of)(void* ctx, uint64_t offset);
  /* NFKC matching view: full-width forms folded, ideographic spaces folded, Traditional Han
   * folded to Simplified (one code point to one), letter-spacing
   * between CJK characters removed, lines kept. `to_text` maps a view offset to a text offset. */
  esgaudit_str (*view)(void* ctx);
  uint64_t (*view_to_text)(void* ctx, uint64_t view_offset);
  uint64_t (*text_to_view)(void* ctx, uint64_t text_offset);
  /* The facts come in text order: each fact's offset is above the one before it, so a plugin may
   * search them by offset without sorting. */
  uint32_t (*fact_count)(void* ctx);
  const esgaudit_fact* (*fact)(void* ctx, uint32_t index);
  uint32_t (*kpi_count)(void* ctx);
  const esgaudit_kpi* (*kpi)(void* ctx, uint32_t index);

  /* Configuration. `option` returns an empty view for an unset key. Known keys: "lang" (zh|en),
   * "mode" (check|relations), "require" (standards the user's policy applies even when the report
   * does not claim them, comma-separated: "gri,gbt36001"). `rules_file` resolves a path relative
   * to the rule directories ("gri/catalogue.json") to an absolute path, or an empty view when no
   * directory has it. */
  esgaudit_str (*option)(void* ctx, esgaudit_str key);
  esgaudit_str (*rules_file)(void* ctx, esgaudit_str relative);
  /* True when the user's --enable/--disable selection keeps this rule id. */
  int32_t (*rule_enabled)(void* ctx, esgaudit_str rule);

  /* Output: the host copies everything before returning. */
  void (*emit_finding)(void* ctx, const esgaudit_finding* finding);
  void (*emit_coverage)(void* ctx, const esgaudit_coverage* coverage);
  void (*emit_relation)(void* ctx, const esgaudit_relation* relation);
  /* level: 0 debug, 1 info, 2 warning. */
  void (*log)(void* ctx, uint32_t level, esgaudit_str message);

  /* ABI 1.1: the structure model. Each getter fills `*out` (whose struct_size the caller set) and
   * returns 1, or returns 0 for an index out of range. Line indexes are those of `line`. */
  uint32_t (*line_structure)(void* ctx, uint32_t line, esgaudit_line_structure* out);
  uint32_t (*cell_count)(void* ctx);
  uint32_t (*cell)(void* ctx, uint32_t index, esgaudit_cell* out);
  uint32_t (*section_count)(void* ctx);
  uint32_t (*section)(void* ctx, uint32_t index, esgaudit_section* out);
  uint32_t (*toc_entry_count)(void* ctx);
  uint32_t (*toc_entry)(void* ctx, uint32_t index, esgaudit_toc_entry* out);
  uint32_t (*index_region_count)(void* ctx);
  uint32_t (*index_region)(void* ctx, uint32_t index, esgaudit_index_region* out);
  uint32_t (*table_count)(void* ctx);
  uint32_t (*table)(void* ctx, uint32_t index, esgaudit_table* out);
  uint32_t (*metadata)(void* ctx, esgaudit_metadata* out);
  uint32_t (*claim)(void* ctx, uint32_t index, esgaudit_claim* out);

  /* ABI 1.1: finds every occurrence of every pattern in the matching view in one pass (Hyperscan). The host
   * compiles each distinct pattern set once per process, so a plugin passes the same list for every
   * document. On success *matches points to *match_count records sorted by (begin, end, pattern),
   * offsets into the view, owned by the host and valid for the rest of the check call; overlapping
   * matches are all reported. A malformed pattern returns ESGAUDIT_STATUS_CONFIG_ERROR with a
   * message in *error (valid for the check call). */
  uint32_t (*scan)(void* ctx, const esgaudit_pattern* patterns, uint32_t count,
                   const esgaudit_match** matches, uint64_t* match_count, esgaudit_str* error);

  /* ABI 1.1 (appended; test with ESGAUDIT_HOST_HAS(host, fact_clause)): infographic figures and
   * prose. Getters fill `*out` (struct_size set by the caller) and return 1, or 0 out of range. */
  uint32_t (*figure_count)(void* ctx);
  uint32_t (*figure)(void* ctx, uint32_t index, esgaudit_figure* out);
  uint32_t (*text_span_count)(void* ctx);
  uint32_t (*text_span)(void* ctx, uint32_t index, esgaudit_text_span* out);
  uint32_t (*sentence_count)(void* ctx);
  uint32_t (*sentence)(void* ctx, uint32_t index, esgaudit_sentence* out);
  uint32_t (*clause_count)(void* ctx);
  uint32_t (*clause)(void* ctx, uint32_t index, esgaudit_clause* out);
  /* The fact index at `index` of the clauses' fact list, or ESGAUDIT_NO_INDEX out of range. */
  uint32_t (*clause_fact)(void* ctx, uint32_t index);
  /* The clause holding a fact (its first digit), or ESGAUDIT_NO_INDEX. */
  uint32_t (*fact_clause)(void* ctx, uint32_t fact);
  /* ABI 1.1, appended: the rows of the content-index regions, in text order. */
  uint32_t (*index_row_count)(void* ctx);
  uint32_t (*index_row)(void* ctx, uint32_t index, esgaudit_index_row* out);
  /* ABI 1.1, appended: the cells of the markup tables' grids (esgaudit_table.first_grid_cell). */
  uint32_t (*table_cell_count)(void* ctx);
  uint32_t (*table_cell)(void* ctx, uint32_t index, esgaudit_table_cell* out);
  /* ABI 1.1, appended: the ESGAUDIT_PATTERN_* bits `scan` reads (a host without this field reads
   * REGEX and CASELESS only). */
  uint32_t (*scan_flags)(void* ctx);
} esgaudit_host;

/* True when a host struct of `host->struct_size` bytes has the member `field`. */
#define ESGAUDIT_HOST_HAS(host, field)                                            \
  ((host)->struct_size >= offsetof(esgaudit_host, field) + sizeof((host)->field) && \
   (host)->field != NULL)

typedef struct esgaudit_rule_info {
  esgaudit_str id;          /* "numeric.percent-sum" */
  uint32_t default_severity;
  esgaudit_str summary;     /* one line */
  esgaudit_str doc;         /* path of the rule doc relative to the rule directories */
} esgaudit_rule_info;

/* Receives the plugin's failure message; the host copies it. */
typedef void (*esgaudit_fail_fn)(void* fail_ctx, esgaudit_str message);

typedef struct esgaudit_plugin {
  uint32_t abi_major;       /* never moves */
  uint32_t abi_minor;       /* never moves */
  uint32_t struct_size;     /* never moves */
  const char* name;         /* NUL-terminated, e.g. "numeric" */
  const char* version;
  const char* description;
  uint32_t (*rule_count)(void);
  esgaudit_rule_info (*rule)(uint32_t index);
  /* Runs every enabled rule over the document. Returns an esgaudit_status; on failure it calls
   * `fail` once with a one-line message. Must be safe to call concurrently on different hosts. */
  uint32_t (*check)(const esgaudit_host* host, esgaudit_fail_fn fail, void* fail_ctx);
  /* ABI 1.1, appended (read only when struct_size covers it: ESGAUDIT_PLUGIN_HAS); may be NULL.
   * Reads the plugin's rule data (rule packs, catalogues, compiled expressions) into a cache the
   * module keeps for the rest of the process, so later `check` calls reuse it. The host calls it
   * once before it forks the child processes of an isolated batch, which inherit the cache: the
   * data is read once per run instead of once per report. `host` is a host over an empty document
   * (path "", no text), with the run's options and rule directories. It must not emit anything.
   * Its status is only logged: a rule pack that fails to load here is loaded again by `check`,
   * which reports the failure for each document as it would without `prepare`. Runs in the
   * host's own process, like loading the module: it only reads rule data, never a report. */
  uint32_t (*prepare)(const esgaudit_host* host, esgaudit_fail_fn fail, void* fail_ctx);
} esgaudit_plugin;

/* The size of an esgaudit_plugin built for ABI 1.0: the least a host of major 1 accepts. */
#define ESGAUDIT_PLUGIN_SIZE_1_0 (offsetof(esgaudit_plugin, check) + sizeof(void (*)(void)))

/* True when a plugin struct of `plugin->struct_size` bytes has the member `field`, set. */
#define ESGAUDIT_PLUGIN_HAS(plugin, field)                                              \
  ((plugin)->struct_size >= offsetof(esgaudit_plugin, field) + sizeof((plugin)->field) && \
   (plugin)->field != NULL)

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* ESGAUDIT_PLUGIN_ABI_H_ */
