/* esgaudit plugin ABI — the C waist between the host and every rule plugin.
 *
 * Contract:
 *  - A plugin is a MODULE library exporting one data symbol, ESGAUDIT_PLUGIN_ENTRY_SYMBOL, of type
 *    `const esgaudit_plugin`. Its first three fields (abi_major, abi_minor, struct_size) never move.
 *  - The host refuses a plugin whose abi_major differs from ESGAUDIT_ABI_MAJOR. A minor bump only
 *    appends fields at the end of structs; readers check struct_size before touching new fields.
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
#define ESGAUDIT_ABI_MINOR 0
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
  esgaudit_str label;       /* nearest label in the same line (text before/after the number) */
  esgaudit_str column_label;/* nearest label above or below in the same layout column, or empty */
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

/* Pattern flags for esgaudit_host::scan. */
#define ESGAUDIT_PATTERN_LITERAL 0x0u   /* the expression is a byte string */
#define ESGAUDIT_PATTERN_REGEX 0x1u     /* the expression is a regular expression (PCRE syntax, UTF-8) */
#define ESGAUDIT_PATTERN_CASELESS 0x2u  /* ASCII letters match either case */

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

  /* ---- Added after 1.0: present when struct_size covers them. ---- */

  /* Finds every occurrence of every pattern in the matching view in one pass (Hyperscan). The host
   * compiles each distinct pattern set once per process, so a plugin passes the same list for every
   * document. On success *matches points to *match_count records sorted by (begin, end, pattern),
   * offsets into the view, owned by the host and valid for the rest of the check call; overlapping
   * matches are all reported. A malformed pattern returns ESGAUDIT_STATUS_CONFIG_ERROR with a
   * message in *error (valid for the check call). */
  uint32_t (*scan)(void* ctx, const esgaudit_pattern* patterns, uint32_t count,
                   const esgaudit_match** matches, uint64_t* match_count, esgaudit_str* error);
} esgaudit_host;

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
} esgaudit_plugin;

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif  /* ESGAUDIT_PLUGIN_ABI_H_ */
