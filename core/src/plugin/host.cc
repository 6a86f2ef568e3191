// The host side of the plugin ABI: esgaudit_host callbacks over a Document, and RunPlugin.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <deque>
#include <filesystem>
#include <set>
#include <type_traits>

#include "analyse/pattern_scan.h"
#include "plugin/abi_fill.h"
#include "esgaudit/plugin_host.h"

namespace esgaudit {
namespace {

std::string_view View(esgaudit_str s) {
  return s.data == nullptr ? std::string_view() : std::string_view(s.data, s.size);
}
esgaudit_str Str(std::string_view s) { return esgaudit_str{s.data(), s.size()}; }

struct HostContext {
  const Document* doc = nullptr;
  const RunOptions* options = nullptr;
  const PluginRef* plugin = nullptr;
  ReportResult* result = nullptr;
  std::vector<esgaudit_kpi> kpis;
  std::deque<std::string> strings;  // keeps returned views alive for the whole check call
  std::deque<std::vector<esgaudit_match>> matches;  // likewise for scan results
  std::set<std::string, std::less<>> declared;
  std::vector<std::string> protocol_errors;
  std::string failure;
};

HostContext& Ctx(void* ctx) { return *static_cast<HostContext*>(ctx); }

Related ToRelated(const HostContext& c, const esgaudit_related& r) {
  return Related{LocateIn(*c.doc, r.span.offset, r.span.length), std::string(View(r.message))};
}

// A line longer than this is quoted only around the finding: a finding on a line of megabytes (a
// text without line breaks) must not copy and print the whole line, once per finding.
constexpr uint64_t kMaxQuotedLine = 4096;
constexpr uint64_t kQuoteContext = 160;  // bytes kept before the span and after its start

// Moves `at` back to the start of the UTF-8 sequence it points into.
uint64_t CodePointStart(std::string_view text, uint64_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

// The part of the line holding `offset` that a finding quotes: the whole line when it is short,
// else about kQuoteContext bytes either side of `offset` cut at code point boundaries, with "..."
// where the line goes on. `column` gets the 1-based display column of `offset` in the quote.
std::string QuotedLine(const Document& doc, uint64_t offset, uint32_t* column) {
  const Line& l = doc.line(doc.LineOf(offset));
  std::string_view text(doc.text());
  if (l.length <= kMaxQuotedLine) {
    *column = doc.ColumnOf(offset);
    return std::string(text.substr(l.offset, l.length));
  }
  const uint64_t line_end = l.offset + l.length;
  uint64_t at = std::clamp<uint64_t>(offset, l.offset, line_end);
  uint64_t from = at - l.offset > kQuoteContext ? CodePointStart(text, at - kQuoteContext) : l.offset;
  uint64_t to = line_end - at > kQuoteContext ? CodePointStart(text, at + kQuoteContext) : line_end;
  std::string quote = from > l.offset ? "..." : "";
  *column = static_cast<uint32_t>(quote.size()) + 1 + doc.WidthBetween(from, at);
  quote.append(text.substr(from, to - from));
  if (to < line_end) quote += "...";
  return quote;
}

std::string Trimmed(std::string_view line) {
  size_t b = line.find_first_not_of(" \t");
  if (b == std::string_view::npos) return "";
  size_t e = line.find_last_not_of(" \t");
  return std::string(line.substr(b, e - b + 1));
}

esgaudit_str CbPath(void* ctx) { return Str(Ctx(ctx).doc->path()); }
esgaudit_str CbText(void* ctx) { return Str(Ctx(ctx).doc->text()); }
uint32_t CbLineCount(void* ctx) { return static_cast<uint32_t>(Ctx(ctx).doc->line_count()); }
esgaudit_line CbLine(void* ctx, uint32_t i) {
  const Document& d = *Ctx(ctx).doc;
  if (i >= d.line_count()) return esgaudit_line{d.text().size(), 0, 0, 0};
  const Line& l = d.line(i);
  return esgaudit_line{l.offset, l.length, l.page, l.width};
}
uint32_t CbPageCount(void* ctx) { return Ctx(ctx).doc->page_count(); }
uint32_t CbLineOf(void* ctx, uint64_t o) { return Ctx(ctx).doc->LineOf(o); }
uint32_t CbColumnOf(void* ctx, uint64_t o) { return Ctx(ctx).doc->ColumnOf(o); }
esgaudit_str CbView(void* ctx) { return Str(Ctx(ctx).doc->view()); }
uint64_t CbViewToText(void* ctx, uint64_t v) { return Ctx(ctx).doc->ViewToText(v); }
uint64_t CbTextToView(void* ctx, uint64_t t) { return Ctx(ctx).doc->TextToView(t); }
// The document's facts are laid out as esgaudit_fact (FactText as esgaudit_str), so the plugins read
// them where they are: a table of them per plugin was as large as the facts themselves.
static_assert(std::is_standard_layout_v<NumericFact> && std::is_standard_layout_v<FactText>);
static_assert(sizeof(FactText) == sizeof(esgaudit_str) && alignof(FactText) == alignof(esgaudit_str));
static_assert(sizeof(esgaudit_fact_kind) == sizeof(uint32_t));
static_assert(sizeof(NumericFact) == sizeof(esgaudit_fact) && alignof(NumericFact) == alignof(esgaudit_fact));
#define ESGAUDIT_SAME_OFFSET(field) \
  static_assert(offsetof(NumericFact, field) == offsetof(esgaudit_fact, field), #field)
ESGAUDIT_SAME_OFFSET(offset);
ESGAUDIT_SAME_OFFSET(length);
ESGAUDIT_SAME_OFFSET(line);
ESGAUDIT_SAME_OFFSET(column);
ESGAUDIT_SAME_OFFSET(kind);
ESGAUDIT_SAME_OFFSET(qualifiers);
ESGAUDIT_SAME_OFFSET(value);
ESGAUDIT_SAME_OFFSET(printed);
ESGAUDIT_SAME_OFFSET(decimals);
ESGAUDIT_SAME_OFFSET(magnitude);
ESGAUDIT_SAME_OFFSET(unit);
ESGAUDIT_SAME_OFFSET(unit_text);
ESGAUDIT_SAME_OFFSET(label);
ESGAUDIT_SAME_OFFSET(column_label);
#undef ESGAUDIT_SAME_OFFSET

uint32_t CbFactCount(void* ctx) { return static_cast<uint32_t>(Ctx(ctx).doc->facts().size()); }
const esgaudit_fact* CbFact(void* ctx, uint32_t i) {
  const std::vector<NumericFact>& f = Ctx(ctx).doc->facts();
  return i < f.size() ? reinterpret_cast<const esgaudit_fact*>(&f[i]) : nullptr;
}
uint32_t CbKpiCount(void* ctx) { return static_cast<uint32_t>(Ctx(ctx).kpis.size()); }
const esgaudit_kpi* CbKpi(void* ctx, uint32_t i) {
  auto& k = Ctx(ctx).kpis;
  return i < k.size() ? &k[i] : nullptr;
}

esgaudit_str CbOption(void* ctx, esgaudit_str key) {
  const RunOptions& o = *Ctx(ctx).options;
  std::string_view k = View(key);
  if (k == "lang") return Str(o.lang);
  if (k == "mode") return Str(o.mode);
  if (k == "require") return Str(o.require);
  return Str("");
}

esgaudit_str CbRulesFile(void* ctx, esgaudit_str relative) {
  HostContext& c = Ctx(ctx);
  std::string rel(View(relative));
  if (rel.empty() || rel.find("..") != std::string::npos || rel.front() == '/') return Str("");
  for (const std::string& dir : c.options->rules_dirs) {
    std::filesystem::path p = std::filesystem::path(dir) / rel;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) {
      c.strings.push_back(std::filesystem::absolute(p, ec).string());
      return Str(c.strings.back());
    }
  }
  return Str("");
}

int32_t CbRuleEnabled(void* ctx, esgaudit_str rule) {
  const RunOptions& o = *Ctx(ctx).options;
  return o.selection == nullptr || o.selection->Enabled(std::string(View(rule))) ? 1 : 0;
}

void CbEmitFinding(void* ctx, const esgaudit_finding* f) {
  HostContext& c = Ctx(ctx);
  if (f == nullptr) return;
  std::string rule(View(f->rule));
  if (c.declared.count(rule) == 0) {
    c.protocol_errors.push_back("emitted a finding for undeclared rule '" + rule + "'");
    return;
  }
  const uint64_t size = c.doc->text().size();
  uint64_t offset = std::min<uint64_t>(f->span.offset, size);
  uint64_t length = std::min<uint64_t>(f->span.length, size - offset);
  Finding out;
  out.rule = std::move(rule);
  out.severity = static_cast<esgaudit_severity>(std::min<uint32_t>(f->severity, ESGAUDIT_ERROR));
  out.message = std::string(View(f->message));
  const bool document_level = f->span.offset == 0 && f->span.length == 0;
  if (document_level) {
    out.location.file = c.doc->path();
  } else {
    out.location = LocateIn(*c.doc, offset, length);
  }
  if (!document_level && c.doc->line_count() > 0) {
    out.source_line = QuotedLine(*c.doc, offset, &out.source_column);
  }
  out.evidence = std::string(View(f->evidence));
  if (out.evidence.empty() && !document_level) out.evidence = Trimmed(out.source_line);
  for (uint32_t i = 0; i < f->reference_count; ++i) out.references.emplace_back(View(f->references[i]));
  for (uint32_t i = 0; i < f->related_count; ++i) out.related.push_back(ToRelated(c, f->related[i]));
  c.result->findings.push_back(std::move(out));
}

void CbEmitCoverage(void* ctx, const esgaudit_coverage* cov) {
  HostContext& c = Ctx(ctx);
  if (cov == nullptr) return;
  CoverageRecord out;
  out.scheme = std::string(View(cov->scheme));
  out.id = std::string(View(cov->id));
  out.title = std::string(View(cov->title));
  out.status = static_cast<esgaudit_coverage_status>(std::min<uint32_t>(cov->status, ESGAUDIT_COVERED));
  out.locations.reserve(cov->location_count);
  for (uint32_t i = 0; i < cov->location_count; ++i) out.locations.push_back(ToRelated(c, cov->locations[i]));
  c.result->coverage.push_back(std::move(out));
}

void CbEmitRelation(void* ctx, const esgaudit_relation* r) {
  HostContext& c = Ctx(ctx);
  if (r == nullptr) return;
  RelationRecord out;
  out.plugin = c.plugin->name;
  out.kind = std::string(View(r->kind));
  out.description = std::string(View(r->description));
  out.members.reserve(r->member_count);
  for (uint32_t i = 0; i < r->member_count; ++i) out.members.push_back(ToRelated(c, r->members[i]));
  c.result->relations.push_back(std::move(out));
}

void CbLog(void* ctx, uint32_t level, esgaudit_str message) {
  const std::string& name = Ctx(ctx).plugin->name;
  std::string_view m = View(message);
  if (level >= 2) {
    spdlog::warn("{}: {}", name, m);
  } else if (level == 1) {
    spdlog::info("{}: {}", name, m);
  } else {
    spdlog::debug("{}: {}", name, m);
  }
}

uint32_t CbScan(void* ctx, const esgaudit_pattern* patterns, uint32_t count, const esgaudit_match** matches,
                uint64_t* match_count, esgaudit_str* error) {
  HostContext& c = Ctx(ctx);
  c.matches.emplace_back();
  Status s = ScanPatterns(patterns, count, c.doc->view(), &c.matches.back());
  if (matches != nullptr) *matches = c.matches.back().data();
  if (match_count != nullptr) *match_count = c.matches.back().size();
  if (s.ok()) return ESGAUDIT_STATUS_OK;
  c.strings.push_back(s.message());
  if (error != nullptr) *error = Str(c.strings.back());
  return s.code() == ExitStatus::kUsageOrInput ? ESGAUDIT_STATUS_CONFIG_ERROR : ESGAUDIT_STATUS_INTERNAL_ERROR;
}

uint32_t CbScanFlags(void* /*ctx*/) {
  return ESGAUDIT_PATTERN_REGEX | ESGAUDIT_PATTERN_CASELESS | ESGAUDIT_PATTERN_PREFILTER;
}

// ---- ABI 1.1: the structure model. Each getter writes at most out->struct_size bytes.

const Structure& Model(void* ctx) { return Ctx(ctx).doc->structure(); }

uint32_t CbLineStructure(void* ctx, uint32_t i, esgaudit_line_structure* out) {
  const Structure& s = Model(ctx);
  if (i >= s.lines().size()) return 0;
  const LineStructure& l = s.line(i);
  return Fill(esgaudit_line_structure{sizeof(esgaudit_line_structure), static_cast<uint32_t>(l.role),
                                      l.flags, l.heading_level, l.section, l.table, l.first_cell,
                                      l.cell_count, l.view_begin, l.view_end},
              out);
}
uint32_t CbCellCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).cells().size()); }
uint32_t CbCell(void* ctx, uint32_t i, esgaudit_cell* out) {
  const Structure& s = Model(ctx);
  if (i >= s.cells().size()) return 0;
  const Cell& c = s.cells()[i];
  return Fill(esgaudit_cell{sizeof(esgaudit_cell), c.line, c.offset, c.length,
                            c.view_begin, c.view_end, c.column, c.flags},
              out);
}
uint32_t CbSectionCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).sections().size()); }
uint32_t CbSection(void* ctx, uint32_t i, esgaudit_section* out) {
  const Structure& s = Model(ctx);
  if (i >= s.sections().size()) return 0;
  const Section& x = s.sections()[i];
  return Fill(esgaudit_section{sizeof(esgaudit_section), x.line, x.level, x.parent, x.last_line,
                               Str(x.number), Str(x.title)},
              out);
}
uint32_t CbTocEntryCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).toc().size()); }
uint32_t CbTocEntry(void* ctx, uint32_t i, esgaudit_toc_entry* out) {
  const Structure& s = Model(ctx);
  if (i >= s.toc().size()) return 0;
  const TocEntry& e = s.toc()[i];
  return Fill(esgaudit_toc_entry{sizeof(esgaudit_toc_entry), e.line, e.cell, e.page, Str(e.title)}, out);
}
uint32_t CbIndexRegionCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).index_regions().size()); }
uint32_t CbIndexRegion(void* ctx, uint32_t i, esgaudit_index_region* out) {
  const Structure& s = Model(ctx);
  if (i >= s.index_regions().size()) return 0;
  const IndexRegion& r = s.index_regions()[i];
  return Fill(esgaudit_index_region{sizeof(esgaudit_index_region), r.first_line, r.last_line, r.schemes,
                                    r.rows},
              out);
}
uint32_t CbIndexRowCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).index_rows().size()); }
uint32_t CbIndexRow(void* ctx, uint32_t i, esgaudit_index_row* out) {
  const Structure& s = Model(ctx);
  if (i >= s.index_rows().size()) return 0;
  const IndexRow& r = s.index_rows()[i];
  return Fill(esgaudit_index_row{sizeof(esgaudit_index_row), r.line, r.region, r.scheme, r.flags, r.offset,
                                 r.length, Str(r.code), Str(r.text), Str(r.reference)},
              out);
}
uint32_t CbTableCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).tables().size()); }
uint32_t CbTable(void* ctx, uint32_t i, esgaudit_table* out) {
  const Structure& s = Model(ctx);
  if (i >= s.tables().size()) return 0;
  const Table& t = s.tables()[i];
  return Fill(esgaudit_table{sizeof(esgaudit_table), t.first_line, t.last_line, t.header_line,
                             t.total_line, t.total_column, t.columns, static_cast<uint32_t>(t.kind),
                             t.source, Str(t.unit), t.grid_rows, t.grid_columns, t.first_grid_cell,
                             t.grid_cell_count},
              out);
}
uint32_t CbTableCellCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).table_cells().size()); }
uint32_t CbTableCell(void* ctx, uint32_t i, esgaudit_table_cell* out) {
  const Structure& s = Model(ctx);
  if (i >= s.table_cells().size()) return 0;
  const TableCell& c = s.table_cells()[i];
  return Fill(esgaudit_table_cell{sizeof(esgaudit_table_cell), c.table, c.row, c.column, c.row_span,
                                  c.column_span, c.flags, c.line, c.offset, c.length, c.view_begin,
                                  c.view_end, Str(c.text)},
              out);
}
uint32_t CbMetadata(void* ctx, esgaudit_metadata* out) {
  const ReportMetadata& m = Model(ctx).metadata();
  return Fill(esgaudit_metadata{sizeof(esgaudit_metadata), m.report_year, Str(m.period_begin),
                                Str(m.period_end), m.period_offset, m.period_length, Str(m.languages),
                                static_cast<uint32_t>(m.claims.size()), m.flags, Str(m.company),
                                m.company_offset, m.company_length,
                                static_cast<uint32_t>(m.period_kind), m.title_year, m.title_offset,
                                m.title_length},
              out);
}
uint32_t CbClaim(void* ctx, uint32_t i, esgaudit_claim* out) {
  const ReportMetadata& m = Model(ctx).metadata();
  if (i >= m.claims.size()) return 0;
  const StandardClaim& c = m.claims[i];
  return Fill(esgaudit_claim{sizeof(esgaudit_claim), static_cast<uint32_t>(c.standard),
                             static_cast<uint32_t>(c.mode), c.offset, c.length,
                             static_cast<uint32_t>(c.exchange), c.flags},
              out);
}

uint32_t CbFigureCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).figures().size()); }
uint32_t CbFigure(void* ctx, uint32_t i, esgaudit_figure* out) {
  const Structure& s = Model(ctx);
  if (i >= s.figures().size()) return 0;
  const Figure& f = s.figures()[i];
  return Fill(esgaudit_figure{sizeof(esgaudit_figure), f.fact, f.offset, f.length, f.line, f.cell,
                              static_cast<uint32_t>(f.kind), f.flags, Str(f.label), f.first_span,
                              f.span_count},
              out);
}
uint32_t CbTextSpanCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).spans().size()); }
uint32_t CbTextSpan(void* ctx, uint32_t i, esgaudit_text_span* out) {
  const Structure& s = Model(ctx);
  if (i >= s.spans().size()) return 0;
  const TextSpan& t = s.spans()[i];
  return Fill(esgaudit_text_span{sizeof(esgaudit_text_span), t.line, t.offset, t.length, t.view_begin,
                                 t.view_end},
              out);
}
uint32_t CbSentenceCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).sentences().size()); }
uint32_t CbSentence(void* ctx, uint32_t i, esgaudit_sentence* out) {
  const Structure& s = Model(ctx);
  if (i >= s.sentences().size()) return 0;
  const Sentence& x = s.sentences()[i];
  return Fill(esgaudit_sentence{sizeof(esgaudit_sentence), x.first_span, x.span_count, x.first_clause,
                                x.clause_count, x.paragraph, x.flags},
              out);
}
uint32_t CbClauseCount(void* ctx) { return static_cast<uint32_t>(Model(ctx).clauses().size()); }
uint32_t CbClause(void* ctx, uint32_t i, esgaudit_clause* out) {
  const Structure& s = Model(ctx);
  if (i >= s.clauses().size()) return 0;
  const Clause& x = s.clauses()[i];
  return Fill(esgaudit_clause{sizeof(esgaudit_clause), x.sentence, x.first_span, x.span_count,
                              x.first_fact, x.fact_count},
              out);
}
uint32_t CbClauseFact(void* ctx, uint32_t i) {
  const Structure& s = Model(ctx);
  return i < s.clause_facts().size() ? s.clause_facts()[i] : ESGAUDIT_NO_INDEX;
}
uint32_t CbFactClause(void* ctx, uint32_t fact) { return Model(ctx).ClauseOfFact(fact); }

void OnFail(void* fail_ctx, esgaudit_str message) {
  static_cast<HostContext*>(fail_ctx)->failure = std::string(View(message));
}

// The callbacks over the document, options and output of `c`.
esgaudit_host MakeHost(HostContext* c);

}  // namespace

Status RunPlugin(const PluginRef& plugin, const Document& doc, const RunOptions& options,
                 ReportResult* result) {
  HostContext c;
  c.doc = &doc;
  c.options = &options;
  c.plugin = &plugin;
  c.result = result;
  for (const RuleInfo& r : plugin.rules) c.declared.insert(r.id);
  if (options.kpis != nullptr) {
    for (const KpiRecord& k : *options.kpis) {
      c.kpis.push_back(esgaudit_kpi{Str(k.key), Str(k.text), k.value, Str(k.unit), Str(k.period),
                                    Str(k.source)});
    }
  }
  esgaudit_host host = MakeHost(&c);
  uint32_t status = ESGAUDIT_STATUS_INTERNAL_ERROR;
  try {
    status = plugin.check(&host, &OnFail, &c);
  } catch (const std::exception& e) {  // a wrapper that let an exception escape
    c.failure = e.what();
  }
  if (c.failure.empty() && status != ESGAUDIT_STATUS_OK) c.failure = "returned status " + std::to_string(status);
  if (status == ESGAUDIT_STATUS_OK && !c.protocol_errors.empty()) {
    status = ESGAUDIT_STATUS_INTERNAL_ERROR;
    c.failure = c.protocol_errors.front();
  }
  if (status == ESGAUDIT_STATUS_OK) return Status::Ok();
  if (status == ESGAUDIT_STATUS_CONFIG_ERROR) return Status::InputError(c.failure);
  Finding f;
  f.rule = "esgaudit.plugin-error";
  f.severity = ESGAUDIT_ERROR;
  f.message = "plugin '" + plugin.name + "' failed: " + c.failure;
  f.location.file = doc.path();
  result->findings.push_back(std::move(f));
  return Status::Internal(doc.path() + ": plugin '" + plugin.name + "' failed: " + c.failure);
}

void PreparePlugins(const std::vector<PluginRef>& plugins, const RunOptions& options) {
  const Document empty = Document::FromUtf8("", "");
  for (const PluginRef& plugin : plugins) {
    if (!plugin.prepare) continue;
    ReportResult discarded;
    HostContext c;
    c.doc = &empty;
    c.options = &options;
    c.plugin = &plugin;
    c.result = &discarded;  // no rule is declared: anything emitted is refused and dropped
    esgaudit_host host = MakeHost(&c);
    uint32_t status = ESGAUDIT_STATUS_INTERNAL_ERROR;
    try {
      status = plugin.prepare(&host, &OnFail, &c);
    } catch (const std::exception& e) {
      c.failure = e.what();
    }
    if (status != ESGAUDIT_STATUS_OK) spdlog::debug("plugin '{}' could not prepare: {}", plugin.name, c.failure);
  }
}

namespace {

esgaudit_host MakeHost(HostContext* c) {
  esgaudit_host host{};
  host.abi_major = ESGAUDIT_ABI_MAJOR;
  host.abi_minor = ESGAUDIT_ABI_MINOR;
  host.struct_size = sizeof(esgaudit_host);
  host.ctx = c;
  host.path = &CbPath;
  host.text = &CbText;
  host.line_count = &CbLineCount;
  host.line = &CbLine;
  host.page_count = &CbPageCount;
  host.line_of = &CbLineOf;
  host.column_of = &CbColumnOf;
  host.view = &CbView;
  host.view_to_text = &CbViewToText;
  host.text_to_view = &CbTextToView;
  host.fact_count = &CbFactCount;
  host.fact = &CbFact;
  host.kpi_count = &CbKpiCount;
  host.kpi = &CbKpi;
  host.option = &CbOption;
  host.rules_file = &CbRulesFile;
  host.rule_enabled = &CbRuleEnabled;
  host.emit_finding = &CbEmitFinding;
  host.emit_coverage = &CbEmitCoverage;
  host.emit_relation = &CbEmitRelation;
  host.log = &CbLog;
  host.line_structure = &CbLineStructure;
  host.cell_count = &CbCellCount;
  host.cell = &CbCell;
  host.section_count = &CbSectionCount;
  host.section = &CbSection;
  host.toc_entry_count = &CbTocEntryCount;
  host.toc_entry = &CbTocEntry;
  host.index_region_count = &CbIndexRegionCount;
  host.index_region = &CbIndexRegion;
  host.table_count = &CbTableCount;
  host.table = &CbTable;
  host.metadata = &CbMetadata;
  host.claim = &CbClaim;
  host.scan = &CbScan;
  host.figure_count = &CbFigureCount;
  host.figure = &CbFigure;
  host.text_span_count = &CbTextSpanCount;
  host.text_span = &CbTextSpan;
  host.sentence_count = &CbSentenceCount;
  host.sentence = &CbSentence;
  host.clause_count = &CbClauseCount;
  host.clause = &CbClause;
  host.clause_fact = &CbClauseFact;
  host.fact_clause = &CbFactClause;
  host.index_row_count = &CbIndexRowCount;
  host.index_row = &CbIndexRow;
  host.table_cell_count = &CbTableCellCount;
  host.table_cell = &CbTableCell;
  host.scan_flags = &CbScanFlags;
  return host;
}

}  // namespace
}  // namespace esgaudit
