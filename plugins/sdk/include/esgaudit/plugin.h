// Header-only C++ wrapper over plugin_abi.h for rule authors (clang-tidy's ClangTidyCheck idea).
//
// A plugin defines rule classes derived from sdk::Rule, registers them in one sorted function,
//   void RegisterRules(esgaudit::sdk::Registry& registry);
// and exports the ABI entry with ESGAUDIT_DEFINE_PLUGIN(name, version, description, RegisterRules).
//
// Rules are constructed afresh for every document, so a rule may keep per-document state in members.
// Analyses shared by several rules (recognised relations, a report's index) live in
// Context::Shared<T>(), built once per document. Rule data read from files (rule packs, catalogues,
// compiled expressions) lives in CachedRuleData<T>(), read once per process; a plugin reads it in a
// preparation too (Registry::AddPreparation), which the host runs before it forks an isolated
// batch. Exceptions never cross the ABI: Registry::Check turns them into a status and a one-line
// message.
#ifndef ESGAUDIT_PLUGIN_H_
#define ESGAUDIT_PLUGIN_H_

#include <esgaudit/plugin_abi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>
#include <vector>

namespace esgaudit::sdk {

inline std::string_view View(esgaudit_str s) {
  return s.data == nullptr ? std::string_view() : std::string_view(s.data, s.size);
}
inline esgaudit_str Str(std::string_view s) { return esgaudit_str{s.data(), s.size()}; }

// Thrown by rule code for a user-input problem (bad rule pack, bad KPI data): exit status 2.
// Any other exception is an internal error (exit status 3).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace internal {
// Scan's fallback on hosts without esgaudit_host::scan: literals only.
inline std::vector<esgaudit_match> ScanByFind(std::string_view text, const std::vector<esgaudit_pattern>& patterns) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
  const std::string exact(text);
  std::string folded(text);
  for (char& c : folded) c = lower(c);
  std::vector<esgaudit_match> out;
  for (uint32_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].flags & ESGAUDIT_PATTERN_REGEX) {
      throw ConfigError("this esgaudit is too old for regular-expression patterns (the host has no scan)");
    }
    std::string p(View(patterns[i].expression));
    const bool caseless = (patterns[i].flags & ESGAUDIT_PATTERN_CASELESS) != 0;
    if (caseless) {
      for (char& c : p) c = lower(c);
    }
    const std::string& hay = caseless ? folded : exact;
    for (size_t at = p.empty() ? std::string::npos : hay.find(p); at != std::string::npos; at = hay.find(p, at + 1)) {
      out.push_back(esgaudit_match{i, 0, at, at + p.size()});
    }
  }
  std::sort(out.begin(), out.end(), [](const esgaudit_match& a, const esgaudit_match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.pattern < b.pattern;
  });
  return out;
}
}  // namespace internal

// Read-only view of the document the host is auditing. Valid during one check call.
class Document {
 public:
  explicit Document(const esgaudit_host* host) : host_(host), ctx_(host->ctx) {}

  std::string_view Path() const { return View(host_->path(ctx_)); }
  std::string_view Text() const { return View(host_->text(ctx_)); }
  uint32_t LineCount() const { return host_->line_count(ctx_); }
  esgaudit_line Line(uint32_t i) const { return host_->line(ctx_, i); }
  std::string_view LineText(uint32_t i) const {
    esgaudit_line l = Line(i);
    return Text().substr(l.offset, l.length);
  }
  uint32_t PageCount() const { return host_->page_count(ctx_); }
  uint32_t LineOf(uint64_t offset) const { return host_->line_of(ctx_, offset); }
  uint32_t ColumnOf(uint64_t offset) const { return host_->column_of(ctx_, offset); }
  // The NFKC matching view and its offset maps (see esgaudit_host::view).
  std::string_view MatchView() const { return View(host_->view(ctx_)); }
  uint64_t ViewToText(uint64_t v) const { return host_->view_to_text(ctx_, v); }
  uint64_t TextToView(uint64_t t) const { return host_->text_to_view(ctx_, t); }
  // In text order: each fact's offset is above the one before it.
  uint32_t FactCount() const { return host_->fact_count(ctx_); }
  const esgaudit_fact& Fact(uint32_t i) const { return *host_->fact(ctx_, i); }
  uint32_t KpiCount() const { return host_->kpi_count(ctx_); }
  const esgaudit_kpi& Kpi(uint32_t i) const { return *host_->kpi(ctx_, i); }
  std::string_view Option(std::string_view key) const { return View(host_->option(ctx_, Str(key))); }
  // "zh" unless the user asked for "en".
  bool English() const { return Option("lang") == "en"; }
  // Every occurrence of every pattern in MatchView(), sorted by (begin, end, pattern): one
  // Hyperscan pass in the host, whose compiled set is reused for every document as long as the
  // plugin passes the same patterns. On a host without esgaudit_host::scan, literal patterns are found by
  // plain search instead (same result, slower). Throws ConfigError for a malformed pattern.
  std::vector<esgaudit_match> Scan(const std::vector<esgaudit_pattern>& patterns) const {
    if (ESGAUDIT_HOST_HAS(host_, scan)) {
      const esgaudit_match* found = nullptr;
      uint64_t count = 0;
      esgaudit_str error{nullptr, 0};
      uint32_t status = host_->scan(ctx_, patterns.data(), static_cast<uint32_t>(patterns.size()), &found,
                                    &count, &error);
      if (status != ESGAUDIT_STATUS_OK) throw ConfigError(std::string(View(error)));
      return std::vector<esgaudit_match>(found, found + count);
    }
    return internal::ScanByFind(MatchView(), patterns);
  }

  // True when Scan reads every bit of `flags` (ESGAUDIT_PATTERN_PREFILTER needs a host that says so).
  bool ScanReads(uint32_t flags) const {
    uint32_t known = ESGAUDIT_HOST_HAS(host_, scan_flags) ? host_->scan_flags(ctx_)
                     : ESGAUDIT_HOST_HAS(host_, scan)    ? ESGAUDIT_PATTERN_REGEX | ESGAUDIT_PATTERN_CASELESS
                                                         : ESGAUDIT_PATTERN_CASELESS;
    return (flags & ~known) == 0;
  }

  // ---- The structure model (ABI 1.1; meanings in the core's esgaudit/structure.h). ----
  // True when the host provides it (a 1.0 host does not). The accessors below throw
  // std::runtime_error (an internal error, exit 3) on a host without it.
  bool HasStructure() const { return ESGAUDIT_HOST_HAS(host_, claim); }
  esgaudit_line_structure LineStructure(uint32_t line) const {
    esgaudit_line_structure out{};
    out.struct_size = sizeof(out);
    Require(host_->line_structure)(ctx_, line, &out);
    return out;
  }
  uint32_t CellCount() const { return Require(host_->cell_count)(ctx_); }
  esgaudit_cell Cell(uint32_t index) const {
    esgaudit_cell out{};
    out.struct_size = sizeof(out);
    Require(host_->cell)(ctx_, index, &out);
    return out;
  }
  // A cell's text in the matching view.
  std::string_view CellView(const esgaudit_cell& c) const {
    return MatchView().substr(c.view_begin, c.view_end - c.view_begin);
  }
  uint32_t SectionCount() const { return Require(host_->section_count)(ctx_); }
  esgaudit_section Section(uint32_t index) const {
    esgaudit_section out{};
    out.struct_size = sizeof(out);
    Require(host_->section)(ctx_, index, &out);
    return out;
  }
  uint32_t TocEntryCount() const { return Require(host_->toc_entry_count)(ctx_); }
  esgaudit_toc_entry TocEntry(uint32_t index) const {
    esgaudit_toc_entry out{};
    out.struct_size = sizeof(out);
    Require(host_->toc_entry)(ctx_, index, &out);
    return out;
  }
  uint32_t IndexRegionCount() const { return Require(host_->index_region_count)(ctx_); }
  esgaudit_index_region IndexRegion(uint32_t index) const {
    esgaudit_index_region out{};
    out.struct_size = sizeof(out);
    Require(host_->index_region)(ctx_, index, &out);
    return out;
  }
  // The content index's rows; none from a host built before they were added.
  uint32_t IndexRowCount() const {
    return ESGAUDIT_HOST_HAS(host_, index_row_count) ? host_->index_row_count(ctx_) : 0;
  }
  esgaudit_index_row IndexRow(uint32_t index) const {
    esgaudit_index_row out{};
    out.struct_size = sizeof(out);
    Require(host_->index_row)(ctx_, index, &out);
    return out;
  }
  uint32_t TableCount() const { return Require(host_->table_count)(ctx_); }
  esgaudit_table Table(uint32_t index) const {
    esgaudit_table out{};
    out.struct_size = sizeof(out);
    Require(host_->table)(ctx_, index, &out);
    return out;
  }
  esgaudit_metadata Metadata() const {
    esgaudit_metadata out{};
    out.struct_size = sizeof(out);
    Require(host_->metadata)(ctx_, &out);
    return out;
  }
  esgaudit_claim Claim(uint32_t index) const {
    esgaudit_claim out{};
    out.struct_size = sizeof(out);
    Require(host_->claim)(ctx_, index, &out);
    return out;
  }
  // ---- Infographic figures and prose (appended to ABI 1.1; meanings in the core's
  // esgaudit/structure.h). HasFigures() is false on a host built before them; the accessors then
  // throw std::runtime_error (an internal error).
  bool HasFigures() const { return ESGAUDIT_HOST_HAS(host_, fact_clause); }
  uint32_t FigureCount() const { return RequireFigures(host_->figure_count)(ctx_); }
  esgaudit_figure Figure(uint32_t index) const {
    esgaudit_figure out{};
    out.struct_size = sizeof(out);
    RequireFigures(host_->figure)(ctx_, index, &out);
    return out;
  }
  uint32_t TextSpanCount() const { return RequireFigures(host_->text_span_count)(ctx_); }
  esgaudit_text_span TextSpan(uint32_t index) const {
    esgaudit_text_span out{};
    out.struct_size = sizeof(out);
    RequireFigures(host_->text_span)(ctx_, index, &out);
    return out;
  }
  // The matching-view text of spans [first, first + count), joined (a space only between two
  // Latin words).
  std::string SpanText(uint32_t first, uint32_t count) const {
    std::string out;
    std::string_view view = MatchView();
    for (uint32_t k = 0; k < count; ++k) {
      esgaudit_text_span t = TextSpan(first + k);
      std::string_view piece = view.substr(t.view_begin, t.view_end - t.view_begin);
      auto word = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
      };
      // Words of Latin script wrapped at a line end are two words.
      if (!out.empty() && !piece.empty() && word(out.back()) && word(piece.front())) out += ' ';
      out += piece;
    }
    return out;
  }
  uint32_t SentenceCount() const { return RequireFigures(host_->sentence_count)(ctx_); }
  esgaudit_sentence Sentence(uint32_t index) const {
    esgaudit_sentence out{};
    out.struct_size = sizeof(out);
    RequireFigures(host_->sentence)(ctx_, index, &out);
    return out;
  }
  uint32_t ClauseCount() const { return RequireFigures(host_->clause_count)(ctx_); }
  esgaudit_clause Clause(uint32_t index) const {
    esgaudit_clause out{};
    out.struct_size = sizeof(out);
    RequireFigures(host_->clause)(ctx_, index, &out);
    return out;
  }
  // The facts of a clause, as indexes into Fact().
  std::vector<uint32_t> ClauseFacts(const esgaudit_clause& c) const {
    std::vector<uint32_t> out;
    for (uint32_t k = 0; k < c.fact_count; ++k) out.push_back(RequireFigures(host_->clause_fact)(ctx_, c.first_fact + k));
    return out;
  }
  // The clause holding fact `fact`, or ESGAUDIT_NO_INDEX.
  uint32_t ClauseOfFact(uint32_t fact) const { return RequireFigures(host_->fact_clause)(ctx_, fact); }
  // ---- Grids of markup and aligned tables (appended to ABI 1.1). On a host built before them
  // every table has grid_rows 0 and GridCells() is empty.
  bool HasTableGrids() const { return ESGAUDIT_HOST_HAS(host_, table_cell); }
  // The cells of table `t`'s grid, row by row, each once at its top-left position.
  std::vector<esgaudit_table_cell> GridCells(const esgaudit_table& t) const {
    std::vector<esgaudit_table_cell> out;
    if (!HasTableGrids() || t.struct_size < offsetof(esgaudit_table, grid_cell_count) + sizeof(uint32_t))
      return out;
    out.reserve(t.grid_cell_count);  // a long table's cells, once: no doubling of the copy
    for (uint32_t k = 0; k < t.grid_cell_count; ++k) {
      esgaudit_table_cell c{};
      c.struct_size = sizeof(c);
      if (host_->table_cell(ctx_, t.first_grid_cell + k, &c)) out.push_back(c);
    }
    return out;
  }
  // The cells of table `t`'s grid in GridCells' order, fetched one at a time as a range-for loop goes:
  // for a long table, no copy of all its cells (`for (const esgaudit_table_cell& c : doc.EachGridCell(t))`).
  class GridCellRange {
   public:
    class Iterator {
     public:
      Iterator(const Document* doc, uint32_t at, uint32_t end) : doc_(doc), at_(at), end_(end) { Fetch(); }
      const esgaudit_table_cell& operator*() const { return cell_; }
      Iterator& operator++() {
        ++at_;
        Fetch();
        return *this;
      }
      bool operator!=(const Iterator& o) const { return at_ != o.at_; }

     private:
      // The cell at at_, skipping those the host does not give (as GridCells does).
      void Fetch() {
        while (at_ < end_ && !doc_->GridCell(at_, &cell_)) ++at_;
      }
      const Document* doc_;
      uint32_t at_, end_;
      esgaudit_table_cell cell_{};
    };
    GridCellRange(const Document* doc, uint32_t first, uint32_t count) : doc_(doc), first_(first), end_(first + count) {}
    Iterator begin() const { return Iterator(doc_, first_, end_); }
    Iterator end() const { return Iterator(doc_, end_, end_); }

   private:
    const Document* doc_;
    uint32_t first_, end_;
  };
  GridCellRange EachGridCell(const esgaudit_table& t) const {
    return GridCellRange(this, t.first_grid_cell, GridCellCount(t));
  }
  // The number of table `t`'s grid cells GridCell() gives (t.first_grid_cell onwards): 0 on a host
  // without grids.
  uint32_t GridCellCount(const esgaudit_table& t) const {
    if (!HasTableGrids() || t.struct_size < offsetof(esgaudit_table, grid_cell_count) + sizeof(uint32_t)) return 0;
    return t.grid_cell_count;
  }
  // Grid cell `index` of the document (a table's are t.first_grid_cell onwards, in GridCells' order),
  // into *out; false when the host has no such cell. One cell, no copy of the table's.
  bool GridCell(uint32_t index, esgaudit_table_cell* out) const {
    *out = esgaudit_table_cell{};
    out->struct_size = sizeof(*out);
    return HasTableGrids() && host_->table_cell(ctx_, index, out);
  }
  // Absolute path of a rules file ("gri/catalogue.json"), or "" when no rule directory has it.
  std::string RulesFile(std::string_view relative) const {
    return std::string(View(host_->rules_file(ctx_, Str(relative))));
  }

 private:
  template <typename Fn>
  Fn RequireFigures(Fn fn) const {
    if (!HasFigures() || fn == nullptr)
      throw std::runtime_error("the host does not provide figures and sentences (plugin ABI 1.1, appended)");
    return fn;
  }
  template <typename Fn>
  Fn Require(Fn fn) const {
    if (!HasStructure() || fn == nullptr)
      throw std::runtime_error("the host does not provide the structure model (plugin ABI 1.1)");
    return fn;
  }

  const esgaudit_host* host_;
  void* ctx_;
};

// A table's grid as positions: At(r, c) is the cell covering row r, column c (a spanned
// cell covers several), or nullptr.
class TableGrid {
 public:
  TableGrid(const Document& doc, const esgaudit_table& t)
      : cells_(doc.GridCells(t)), rows_(cells_.empty() ? 0 : t.grid_rows), cols_(cells_.empty() ? 0 : t.grid_columns) {
    at_.assign(static_cast<size_t>(rows_) * cols_, -1);
    for (size_t i = 0; i < cells_.size(); ++i) {
      const esgaudit_table_cell& c = cells_[i];
      for (uint32_t r = c.row; r < c.row + c.row_span && r < rows_; ++r) {
        for (uint32_t k = c.column; k < c.column + c.column_span && k < cols_; ++k) {
          at_[static_cast<size_t>(r) * cols_ + k] = static_cast<int>(i);
        }
      }
    }
  }
  uint32_t Rows() const { return rows_; }
  uint32_t Cols() const { return cols_; }
  const std::vector<esgaudit_table_cell>& cells() const { return cells_; }
  const esgaudit_table_cell* At(uint32_t r, uint32_t c) const {
    if (r >= rows_ || c >= cols_) return nullptr;
    int i = at_[static_cast<size_t>(r) * cols_ + c];
    return i < 0 ? nullptr : &cells_[static_cast<size_t>(i)];
  }
  std::string_view Text(const esgaudit_table_cell& c) const { return View(c.text); }

 private:
  std::vector<esgaudit_table_cell> cells_;
  uint32_t rows_ = 0;
  uint32_t cols_ = 0;
  std::vector<int> at_;
};

struct Related {
  uint64_t offset = 0;
  uint64_t length = 0;
  std::string message;
};

struct Finding {
  std::string rule;
  esgaudit_severity severity = ESGAUDIT_WARNING;
  std::string message;
  uint64_t offset = 0;
  uint64_t length = 0;
  std::string evidence;
  std::vector<std::string> references;
  std::vector<Related> related;
};

struct Coverage {
  std::string scheme;
  std::string id;
  std::string title;
  esgaudit_coverage_status status = ESGAUDIT_MISSING;
  std::vector<Related> locations;
};

struct Relation {
  std::string kind;
  std::string description;
  std::vector<Related> members;
};

namespace internal {
inline std::vector<esgaudit_related> ToAbi(const std::vector<Related>& in) {
  std::vector<esgaudit_related> out;
  out.reserve(in.size());
  for (const Related& r : in) out.push_back({{r.offset, r.length}, Str(r.message)});
  return out;
}
}  // namespace internal

// Where rules report. Not thread-safe; one per document.
class Context {
 public:
  explicit Context(const esgaudit_host* host) : host_(host) {}

  bool Enabled(std::string_view rule) const { return host_->rule_enabled(host_->ctx, Str(rule)) != 0; }
  bool RelationsMode() const { return View(host_->option(host_->ctx, Str("mode"))) == "relations"; }

  void Report(const Finding& f) const {
    if (!Enabled(f.rule)) return;
    std::vector<esgaudit_str> refs;
    for (const std::string& r : f.references) refs.push_back(Str(r));
    std::vector<esgaudit_related> related = internal::ToAbi(f.related);
    esgaudit_finding out{Str(f.rule), static_cast<uint32_t>(f.severity), Str(f.message),
                         {f.offset, f.length}, Str(f.evidence), refs.data(),
                         static_cast<uint32_t>(refs.size()), related.data(),
                         static_cast<uint32_t>(related.size())};
    host_->emit_finding(host_->ctx, &out);
  }
  void Cover(const Coverage& c) const {
    std::vector<esgaudit_related> locs = internal::ToAbi(c.locations);
    esgaudit_coverage out{Str(c.scheme), Str(c.id), Str(c.title), static_cast<uint32_t>(c.status),
                          locs.data(), static_cast<uint32_t>(locs.size())};
    host_->emit_coverage(host_->ctx, &out);
  }
  void Relate(const Relation& r) const {
    std::vector<esgaudit_related> members = internal::ToAbi(r.members);
    esgaudit_relation out{Str(r.kind), Str(r.description), members.data(),
                          static_cast<uint32_t>(members.size())};
    host_->emit_relation(host_->ctx, &out);
  }
  void Log(uint32_t level, std::string_view message) const {
    host_->log(host_->ctx, level, Str(message));
  }

  // One T per document, built on first use as T(const Document&, const Context&).
  template <typename T>
  T& Shared(const Document& doc) const {
    auto it = shared_.find(std::type_index(typeid(T)));
    if (it == shared_.end()) {
      auto holder = std::make_shared<T>(doc, *this);
      it = shared_.emplace(std::type_index(typeid(T)), holder).first;
    }
    return *static_cast<T*>(it->second.get());
  }

 private:
  const esgaudit_host* host_;
  mutable std::map<std::type_index, std::shared_ptr<void>> shared_;
};

namespace internal {
// The bytes of each file ("" for one that cannot be read), in order.
inline std::vector<std::string> FileBytes(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::ifstream in(p, std::ios::binary | std::ios::ate);  // one read of the file's size
    std::string bytes;
    const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0;
    if (size > 0 && in.seekg(0)) {
      bytes.resize(static_cast<size_t>(size));
      in.read(&bytes[0], size);
      bytes.resize(static_cast<size_t>(in.gcount()));
    }
    out.push_back(std::move(bytes));
  }
  return out;
}

// One cache per type T and per module (a template's statics are per instantiation, and plugins
// are loaded with RTLD_LOCAL).
template <typename T>
struct RuleDataCache {
  struct Entry {
    std::vector<std::string> bytes;
    std::shared_ptr<const T> data;
  };
  static std::mutex& Lock() {
    static std::mutex m;
    return m;
  }
  static std::map<std::vector<std::string>, Entry>& Entries() {
    static std::map<std::vector<std::string>, Entry> entries;
    return entries;
  }
};
}  // namespace internal

// Rule data of type T read from the files `paths` by `load()` (which throws ConfigError on a
// malformed file, as without the cache): the first call in a process loads it, later calls with
// the same paths get the same read-only object while the files hold the same bytes (they are read
// and compared on every call, which costs far less than parsing them; a file changed in between
// is loaded again). A load that throws caches nothing, so every document reports the error. Safe to
// call from several threads: `load` runs under the cache's lock, once per content. The objects
// live until the module is unloaded; an isolated batch's children inherit those the parent read
// in its preparation. T must be safe to read from several threads at once (std::regex is).
template <typename T, typename Load>
std::shared_ptr<const T> CachedRuleData(const std::vector<std::string>& paths, Load&& load) {
  using Cache = internal::RuleDataCache<T>;
  std::vector<std::string> bytes = internal::FileBytes(paths);
  std::lock_guard<std::mutex> hold(Cache::Lock());
  auto& entries = Cache::Entries();
  auto it = entries.find(paths);
  if (it != entries.end() && it->second.bytes == bytes) return it->second.data;
  std::shared_ptr<const T> data = std::make_shared<const T>(load());
  entries[paths] = typename Cache::Entry{std::move(bytes), data};
  return data;
}

// Data of type T derived from rule data `from` by `derive(const K&, T*)`, which fills a T made in
// place (so it may point into itself: pattern sets over its own word lists), as word lists and
// pattern sets are:
// made once per rule-data object in this process and shared after that. Each call site has a cache
// of its own (the lambda's type makes the template instance). The entry keeps `from` alive, so its
// address identifies it; a rule file changed in between gives a new `from` and a new entry.
template <typename T, typename K, typename Derive>
std::shared_ptr<const T> DerivedRuleData(const std::shared_ptr<const K>& from, Derive&& derive) {
  static std::mutex lock;
  static std::vector<std::pair<std::shared_ptr<const K>, std::shared_ptr<const T>>> made;
  std::lock_guard<std::mutex> hold(lock);
  for (const auto& [k, t] : made) {
    if (k == from) return t;
  }
  auto t = std::make_shared<T>();
  derive(*from, t.get());
  made.emplace_back(from, t);
  return t;
}

// A rule knows the id and default severity it was registered with (Registry::Add sets them before
// Check runs), so its findings need not repeat them: NewFinding() starts one with both filled in.
class Rule {
 public:
  virtual ~Rule() = default;
  virtual void Check(const Document& doc, const Context& ctx) = 0;

  const std::string& id() const { return id_; }
  esgaudit_severity default_severity() const { return severity_; }
  Finding NewFinding() const {
    Finding f;
    f.rule = id_;
    f.severity = severity_;
    return f;
  }

 private:
  friend class Registry;
  std::string id_;
  esgaudit_severity severity_ = ESGAUDIT_WARNING;
};

// The plugin's rule list and passes. Passes run on every document whatever the rule selection
// (coverage records, relation listings); rules run only when enabled.
class Registry {
 public:
  using Factory = std::function<std::unique_ptr<Rule>()>;
  using Pass = std::function<void(const Document&, const Context&)>;

  template <typename R>
  void Add(std::string id, esgaudit_severity severity, std::string summary, std::string doc) {
    rules_.push_back({std::move(id), severity, std::move(summary), std::move(doc),
                      [] { return std::unique_ptr<Rule>(new R()); }});
  }
  void AddPass(Pass pass) { passes_.push_back(std::move(pass)); }
  // A preparation reads rule data into CachedRuleData before any document (esgaudit_plugin::prepare):
  // it gets a Document with no text whose RulesFile() and Option() work, and reports nothing.
  using Preparation = std::function<void(const Document&)>;
  void AddPreparation(Preparation p) { preparations_.push_back(std::move(p)); }

  uint32_t Count() const { return static_cast<uint32_t>(rules_.size()); }
  esgaudit_rule_info Info(uint32_t i) const {
    if (i >= rules_.size()) return esgaudit_rule_info{};
    const Entry& e = rules_[i];
    return {Str(e.id), static_cast<uint32_t>(e.severity), Str(e.summary), Str(e.doc)};
  }

  // Runs passes then enabled rules. Never throws.
  uint32_t Check(const esgaudit_host* host, esgaudit_fail_fn fail, void* fail_ctx) const {
    return Guarded(fail, fail_ctx, [&] {
      Document doc(host);
      Context ctx(host);
      for (const Pass& p : passes_) p(doc, ctx);
      for (const Entry& e : rules_) {
        if (!ctx.Enabled(e.id)) continue;
        std::unique_ptr<Rule> rule = e.factory();
        rule->id_ = e.id;
        rule->severity_ = e.severity;
        rule->Check(doc, ctx);
      }
    });
  }

  // Runs the preparations. Never throws.
  uint32_t Prepare(const esgaudit_host* host, esgaudit_fail_fn fail, void* fail_ctx) const {
    return Guarded(fail, fail_ctx, [&] {
      Document doc(host);
      for (const Preparation& p : preparations_) p(doc);
    });
  }

 private:
  // Runs `body`, turning an exception into a status and one message for the host: a ConfigError is
  // the user's configuration (exit 2), anything else an internal failure (exit 3).
  template <class Body>
  static uint32_t Guarded(esgaudit_fail_fn fail, void* fail_ctx, Body&& body) {
    try {
      body();
      return ESGAUDIT_STATUS_OK;
    } catch (const ConfigError& e) {
      if (fail) fail(fail_ctx, Str(e.what()));
      return ESGAUDIT_STATUS_CONFIG_ERROR;
    } catch (const std::exception& e) {
      if (fail) fail(fail_ctx, Str(e.what()));
      return ESGAUDIT_STATUS_INTERNAL_ERROR;
    } catch (...) {
      if (fail) fail(fail_ctx, Str("unknown exception"));
      return ESGAUDIT_STATUS_INTERNAL_ERROR;
    }
  }

  struct Entry {
    std::string id;
    esgaudit_severity severity;
    std::string summary;
    std::string doc;
    Factory factory;
  };
  std::vector<Entry> rules_;
  std::vector<Pass> passes_;
  std::vector<Preparation> preparations_;
};

// The registry built by `register_fn`. ESGAUDIT_DEFINE_PLUGIN keeps it in a function-local static
// of the module: built once on first use (thread-safe static init), destroyed when the module is
// unloaded (a heap object here would be leaked at every unload).
inline Registry BuildRegistry(void (*register_fn)(Registry&)) {
  Registry r;
  register_fn(r);
  return r;
}

}  // namespace esgaudit::sdk

// Defines the exported entry struct. Use once per plugin, at namespace scope, in the module source.
#define ESGAUDIT_DEFINE_PLUGIN(NAME, VERSION, DESCRIPTION, REGISTER_FN)                        \
  namespace {                                                                                  \
  const ::esgaudit::sdk::Registry& EsgauditRegistry() {                                        \
    static const ::esgaudit::sdk::Registry r = ::esgaudit::sdk::BuildRegistry(REGISTER_FN);    \
    return r;                                                                                  \
  }                                                                                            \
  uint32_t EsgauditRuleCount() { return EsgauditRegistry().Count(); }                          \
  esgaudit_rule_info EsgauditRule(uint32_t i) { return EsgauditRegistry().Info(i); }           \
  uint32_t EsgauditCheck(const esgaudit_host* h, esgaudit_fail_fn f, void* c) {                \
    return EsgauditRegistry().Check(h, f, c);                                                  \
  }                                                                                            \
  uint32_t EsgauditPrepare(const esgaudit_host* h, esgaudit_fail_fn f, void* c) {              \
    return EsgauditRegistry().Prepare(h, f, c);                                                \
  }                                                                                            \
  }                                                                                            \
  extern "C" ESGAUDIT_PLUGIN_EXPORT const esgaudit_plugin esgaudit_plugin_entry = {           \
      ESGAUDIT_ABI_MAJOR, ESGAUDIT_ABI_MINOR, sizeof(esgaudit_plugin), NAME, VERSION,          \
      DESCRIPTION, &EsgauditRuleCount, &EsgauditRule, &EsgauditCheck, &EsgauditPrepare};

#endif  // ESGAUDIT_PLUGIN_H_
