#include "esgaudit/isolation.h"

#include "esgaudit/document.h"
#include "analyse/pattern_scan.h"
#include "analyse/structure_internal.h"
#include "plugin/outcome_json.h"

#include <poll.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <iterator>
#include <algorithm>
#include <array>
#include <deque>

namespace esgaudit {
namespace {

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(4);  // the parent is gone: nobody to report to
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string SignalName(int sig) {
  const char* name = ::strsignal(sig);
  return "signal " + std::to_string(sig) + (name ? std::string(" (") + name + ")" : "");
}

// One child process and the reports it was given (a group: it audits them in order).
struct Child {
  std::vector<size_t> group;  // report indices, in the order the child audits them
  size_t begun = 0;           // reports of the group the child has started ('B' records)
  size_t done = 0;            // reports of the group it finished ('F' records)
  pid_t pid = -1;
  int fd = -1;
  std::string bytes;          // received, not yet parsed (at most a partial record)
  // The report under way: the plugin running and its outcome so far (the snapshots applied in order).
  std::string running;
  AuditOutcome outcome;
  bool has_outcome = false;
  std::vector<std::string> compiled;  // pattern sets the child compiled ('C' records)
  std::chrono::steady_clock::time_point deadline;
  bool eof = false;
  bool timed_out = false;
};

template <typename T>
void Append(std::vector<T>* to, std::vector<T>* from) {
  to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
}

// Applies one snapshot record to the outcome so far: 'S' replaces it, 'A' (what is new) sets the
// single fields and appends to the lists. A record that does not decode is left out (the outcome
// stays as the records before it made it).
void ApplySnapshot(char type, std::string_view payload, Child* c) {
  AuditOutcome o;
  if (!DecodeOutcome(payload, &o)) return;
  if (type == 'S' || !c->has_outcome) {
    c->outcome = std::move(o);
  } else {
    AuditOutcome& to = c->outcome;
    Append(&to.result.findings, &o.result.findings);
    Append(&to.result.coverage, &o.result.coverage);
    Append(&to.result.relations, &o.result.relations);
    Append(&to.errors, &o.errors);
    o.result.findings = std::move(to.result.findings);
    o.result.coverage = std::move(to.result.coverage);
    o.result.relations = std::move(to.result.relations);
    o.errors = std::move(to.errors);
    to = std::move(o);
  }
  c->has_outcome = true;
}

// The outcome so far of the report under way; an empty one naming the path if no snapshot came.
AuditOutcome TakeOutcome(Child* c, const std::string& path) {
  AuditOutcome o;
  if (c->has_outcome) o = std::move(c->outcome);
  else o.result.path = path;
  c->outcome = AuditOutcome();
  c->has_outcome = false;
  return o;
}

// The outcome of a report whose child died or was stopped while auditing it: the findings of the
// last snapshot and a plugin-crash or plugin-timeout finding.
AuditOutcome Failed(Child& c, const std::string& path, int wait_status, double timeout) {
  AuditOutcome outcome = TakeOutcome(&c, path);
  std::string what = c.running.empty() ? "the audit" : "plugin '" + c.running + "'";
  Finding f;
  f.severity = ESGAUDIT_ERROR;
  f.location.file = path;
  if (c.timed_out) {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%g", timeout);
    f.rule = "esgaudit.plugin-timeout";
    f.message = what + " did not finish within " + secs + " s and was stopped";
  } else {
    f.rule = "esgaudit.plugin-crash";
    f.message = what + " crashed: " +
                (WIFSIGNALED(wait_status) ? SignalName(WTERMSIG(wait_status))
                                          : "exit code " + std::to_string(WEXITSTATUS(wait_status)));
  }
  outcome.errors.push_back(path + ": " + f.message);
  outcome.status = Worse(outcome.status, ExitStatus::kInternal);
  if (outcome.loaded) {  // a report never loaded has no findings to print: the stderr line says it
    outcome.result.findings.push_back(std::move(f));
    Canonicalize(&outcome.result);
  }
  return outcome;
}

// How many reports the next child gets: with several jobs, guided by what is left, so the last
// children get one report each and the jobs end together; never more than `most`.
size_t GroupSize(size_t left, unsigned jobs, size_t most) {
  size_t n = jobs <= 1 ? left : (left + 2 * jobs - 1) / (2 * jobs);
  return std::max<size_t>(1, std::min(n, std::max<size_t>(1, most)));
}

// Builds once, in the parent, the core's lazily made state (the ICU normalizer; the fact reader's
// tables; the structure model's function-local expressions, compiled when first reached), so each
// child inherits it instead of making it again. The text reaches the passes that compile an
// expression: a title with its company and year, a statement of the period, contents, numbered
// headings, a table under a unit line with a header of years, a page number, English period and
// page lines, an exchange's guideline. Plugins are not run here: a crashing plugin must not take the parent down.
void WarmUpCore() {
  Document::FromUtf8("warm-up",
                     "某某股份有限公司2022年环境、社会及治理报告\n"
                     "本报告为某某股份有限公司发布的第五份社会责任报告，报告期为2022年1月1日至2022年12月31日。\n"
                     "目录\n"
                     "关于本报告........1\n"
                     "董事长致辞........3\n"
                     "第一章 公司治理\n"
                     "一、治理架构\n"
                     "(一) 董事会\n"
                     "1.1 组织架构\n"
                     "单位：吨\n"
                     "指标    2021年    2022年\n"
                     "排放量    1,234    1,456\n"
                     "用水量    2,345    2,567\n"
                     "- 12 -\n"
                     "The reporting period is from 1 January 2022 to 31 December 2022.\n"
                     "Page 3 of 80\n"
                     "本报告参照深圳证券交易所上市公司自律监管指引第17号编制。\n");
  // A text read as Traditional (more Traditional forms than Simplified ones).
  Document::FromUtf8("warm-up", "本報告範圍們個這與為會發經對業產國 員工總數12,375人，女性佔21.5%\n");
  // The expressions behind gates, and those only English reports reach, whether the text above reached
  // them or not.
  CompileGatedExpressions();
}

// Reads an outcome's CBOR straight into the structs through nlohmann-json's SAX interface, without
// the JSON tree that from_cbor would build and get<AuditOutcome>() read again (the parent decodes
// every snapshot of every report). The mapping is outcome_json.h's: the same keys, every key of a
// struct required, unknown keys skipped, an unknown enum name read as the list's first value; any
// other shape (a wrong type, a negative or too large number, a key twice) is refused.
// IsolationTest.EveryValueSurvivesTheRoundTrip fails if a key of outcome_json.h is missing below.
class OutcomeReader {
 public:
  using json = nlohmann::json;
  OutcomeReader(AuditOutcome* out, size_t bytes) : root_{kOutcome, out}, bytes_(bytes) { stack_.reserve(8); }
  bool complete() const { return root_taken_ && stack_.empty() && skip_ == 0; }

  bool null() { return skip_ > 0 || TakeSkip(); }
  bool boolean(bool v) {
    Slot s;
    if (skip_ > 0) return true;
    if (!Take(&s)) return false;
    if (s.kind == kSkip) return true;
    if (s.kind != kBool) return false;
    *static_cast<bool*>(s.p) = v;
    return true;
  }
  bool number_integer(json::number_integer_t v) {
    if (skip_ > 0) return true;
    if (v < 0) return TakeSkip();
    return number_unsigned(static_cast<json::number_unsigned_t>(v));
  }
  bool number_unsigned(json::number_unsigned_t v) {
    Slot s;
    if (skip_ > 0) return true;
    if (!Take(&s)) return false;
    if (s.kind == kSkip) return true;
    if (s.kind == kU64) {
      *static_cast<uint64_t*>(s.p) = v;
      return true;
    }
    if (s.kind != kU32 || v > UINT32_MAX) return false;
    *static_cast<uint32_t*>(s.p) = static_cast<uint32_t>(v);
    return true;
  }
  bool number_float(json::number_float_t, const json::string_t&) { return skip_ > 0 || TakeSkip(); }
  bool binary(json::binary_t&) { return skip_ > 0 || TakeSkip(); }
  bool string(json::string_t& v) {
    Slot s;
    if (skip_ > 0) return true;
    if (!Take(&s)) return false;
    switch (s.kind) {
      case kSkip: return true;
      case kStr: *static_cast<std::string*>(s.p) = std::move(v); return true;
      case kSev: *static_cast<esgaudit_severity*>(s.p) = EnumNamed(v, kSeverities); return true;
      case kCov: *static_cast<esgaudit_coverage_status*>(s.p) = EnumNamed(v, kCoverageStatuses); return true;
      case kExit: *static_cast<ExitStatus*>(s.p) = EnumNamed(v, kExitStatuses); return true;
      default: return false;
    }
  }
  bool start_object(size_t) {
    Slot s;
    if (skip_ > 0) return ++skip_, true;
    if (!Take(&s)) return false;
    if (s.kind == kSkip) return skip_ = 1, true;
    if (FieldsOf(s.kind).empty()) return false;
    stack_.emplace_back(s.kind, s.p);
    return true;
  }
  bool key(json::string_t& k) {
    if (skip_ > 0) return true;
    Frame& f = stack_.back();
    const auto fields = FieldsOf(f.kind);
    for (size_t i = 0; i < fields.size(); ++i) {
      if (k != fields[i].name) continue;
      if (f.seen & (1u << i)) return false;
      f.seen |= 1u << i;
      f.next = {fields[i].kind, f.kind == kStatus ? (i == 0 ? static_cast<void*>(&f.code) : &f.message)
                                                  : fields[i].at(f.p)};
      return true;
    }
    f.next = {kSkip, nullptr};
    return true;
  }
  bool end_object() {
    if (skip_ > 0) return --skip_, true;
    Frame& f = stack_.back();
    if (f.seen != (1u << FieldsOf(f.kind).size()) - 1) return false;  // a key is missing
    if (f.kind == kStatus) {
      Status& s = *static_cast<Status*>(f.p);
      if (f.code == ExitStatus::kOk) s = Status::Ok();
      else if (f.code == ExitStatus::kUsageOrInput) s = Status::InputError(std::move(f.message));
      else s = Status::Internal(std::move(f.message));
    }
    stack_.pop_back();
    return true;
  }
  bool start_array(size_t n) {
    Slot s;
    if (skip_ > 0) return ++skip_, true;
    if (!Take(&s)) return false;
    if (s.kind == kSkip) return skip_ = 1, true;
    // An element takes at least one byte: a larger count is a corrupt record, not a reason to allocate.
    const size_t reserve = n == static_cast<size_t>(-1) ? 0 : std::min(n, bytes_);
    switch (s.kind) {
      case kStrs: static_cast<std::vector<std::string>*>(s.p)->reserve(reserve); break;
      case kFindings: static_cast<std::vector<Finding>*>(s.p)->reserve(reserve); break;
      case kCoverages: static_cast<std::vector<CoverageRecord>*>(s.p)->reserve(reserve); break;
      case kRelations: static_cast<std::vector<RelationRecord>*>(s.p)->reserve(reserve); break;
      case kRelateds: static_cast<std::vector<Related>*>(s.p)->reserve(reserve); break;
      default: return false;
    }
    stack_.emplace_back(s.kind, s.p);
    return true;
  }
  bool end_array() {
    if (skip_ > 0) return --skip_, true;
    stack_.pop_back();
    return true;
  }
  bool parse_error(size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  enum Kind {
    kNone, kSkip, kStr, kU64, kU32, kBool, kSev, kCov, kExit,  // single values
    kOutcome, kResult, kFinding, kLocation, kRelated, kSuppression, kCoverage, kRelation, kStatus,  // objects
    kStrs, kFindings, kCoverages, kRelations, kRelateds,  // lists
  };
  struct Slot {
    Kind kind = kNone;
    void* p = nullptr;
  };
  struct Field {
    const char* name;
    Kind kind;
    void* (*at)(void*);
  };
  struct Frame {
    Frame(Kind k, void* q) : kind(k), p(q) {}
    Kind kind;
    void* p;
    Slot next;          // where the value after the last key goes
    uint32_t seen = 0;  // the keys read, a bit per field
    ExitStatus code = ExitStatus::kOk;  // a Status's parts, made into one at its end
    std::string message;
  };

  // The value's destination: the root, the field named by the last key, or a new list element.
  bool Take(Slot* s) {
    if (stack_.empty()) {
      if (root_taken_) return false;
      root_taken_ = true;
      *s = root_;
      return true;
    }
    Frame& f = stack_.back();
    switch (f.kind) {
      case kStrs: *s = {kStr, &static_cast<std::vector<std::string>*>(f.p)->emplace_back()}; return true;
      case kFindings: *s = {kFinding, &static_cast<std::vector<Finding>*>(f.p)->emplace_back()}; return true;
      case kCoverages:
        *s = {kCoverage, &static_cast<std::vector<CoverageRecord>*>(f.p)->emplace_back()};
        return true;
      case kRelations:
        *s = {kRelation, &static_cast<std::vector<RelationRecord>*>(f.p)->emplace_back()};
        return true;
      case kRelateds: *s = {kRelated, &static_cast<std::vector<Related>*>(f.p)->emplace_back()}; return true;
      default:
        if (f.next.kind == kNone) return false;
        *s = f.next;
        f.next = Slot();
        return true;
    }
  }
  // A value this mapping has no place for: accepted only under a key it does not know.
  bool TakeSkip() {
    Slot s;
    return Take(&s) && s.kind == kSkip;
  }

  template <typename E, size_t N>
  static E EnumNamed(const std::string& name, const E (&values)[N]) {
    // The names are outcome_json.h's, read once; values[0] is that list's first (the fallback).
    static const std::array<std::string, N> names = [&values] {
      std::array<std::string, N> a;
      for (size_t i = 0; i < N; ++i) a[i] = json(values[i]).template get<std::string>();
      return a;
    }();
    for (size_t i = 0; i < N; ++i)
      if (names[i] == name) return values[i];
    return values[0];
  }
  static constexpr esgaudit_severity kSeverities[] = {ESGAUDIT_INFO, ESGAUDIT_WARNING, ESGAUDIT_ERROR};
  static constexpr esgaudit_coverage_status kCoverageStatuses[] = {ESGAUDIT_MISSING, ESGAUDIT_PARTIAL,
                                                                   ESGAUDIT_COVERED};
  static constexpr ExitStatus kExitStatuses[] = {ExitStatus::kOk, ExitStatus::kFindings,
                                                 ExitStatus::kUsageOrInput, ExitStatus::kInternal};

  struct Fields {
    const Field* begin_;
    size_t size_;
    bool empty() const { return size_ == 0; }
    size_t size() const { return size_; }
    const Field& operator[](size_t i) const { return begin_[i]; }
  };
  static Fields FieldsOf(Kind kind);
  friend class OutcomeWriter;

  Slot root_;
  size_t bytes_;
  bool root_taken_ = false;
  size_t skip_ = 0;  // depth inside a value under an unknown key
  std::vector<Frame> stack_;
};

#define ESGAUDIT_FIELD(T, name, kind) \
  { #name, kind, [](void* o) -> void* { return &static_cast<T*>(o)->name; } }
OutcomeReader::Fields OutcomeReader::FieldsOf(Kind kind) {
  static const Field outcome[] = {ESGAUDIT_FIELD(AuditOutcome, result, kResult),
                                  ESGAUDIT_FIELD(AuditOutcome, loaded, kBool),
                                  ESGAUDIT_FIELD(AuditOutcome, errors, kStrs),
                                  ESGAUDIT_FIELD(AuditOutcome, status, kExit)};
  static const Field result[] = {
      ESGAUDIT_FIELD(ReportResult, path, kStr),          ESGAUDIT_FIELD(ReportResult, sha256, kStr),
      ESGAUDIT_FIELD(ReportResult, encoding, kStr),      ESGAUDIT_FIELD(ReportResult, lang, kStr),
      ESGAUDIT_FIELD(ReportResult, page_count, kU32),    ESGAUDIT_FIELD(ReportResult, findings, kFindings),
      ESGAUDIT_FIELD(ReportResult, coverage, kCoverages), ESGAUDIT_FIELD(ReportResult, relations, kRelations),
      ESGAUDIT_FIELD(ReportResult, status, kStatus)};
  static const Field finding[] = {
      ESGAUDIT_FIELD(Finding, rule, kStr),           ESGAUDIT_FIELD(Finding, severity, kSev),
      ESGAUDIT_FIELD(Finding, message, kStr),        ESGAUDIT_FIELD(Finding, location, kLocation),
      ESGAUDIT_FIELD(Finding, evidence, kStr),       ESGAUDIT_FIELD(Finding, references, kStrs),
      ESGAUDIT_FIELD(Finding, related, kRelateds),   ESGAUDIT_FIELD(Finding, fingerprint, kStr),
      ESGAUDIT_FIELD(Finding, suppression, kSuppression), ESGAUDIT_FIELD(Finding, source_line, kStr),
      ESGAUDIT_FIELD(Finding, source_column, kU32)};
  static const Field location[] = {ESGAUDIT_FIELD(Location, file, kStr),   ESGAUDIT_FIELD(Location, offset, kU64),
                                   ESGAUDIT_FIELD(Location, length, kU64), ESGAUDIT_FIELD(Location, line, kU32),
                                   ESGAUDIT_FIELD(Location, column, kU32), ESGAUDIT_FIELD(Location, page, kU32)};
  static const Field related[] = {ESGAUDIT_FIELD(Related, location, kLocation),
                                  ESGAUDIT_FIELD(Related, message, kStr)};
  static const Field suppression[] = {
      ESGAUDIT_FIELD(Suppression, kind, kStr), ESGAUDIT_FIELD(Suppression, reason, kStr),
      ESGAUDIT_FIELD(Suppression, approver, kStr), ESGAUDIT_FIELD(Suppression, expires, kStr),
      ESGAUDIT_FIELD(Suppression, source, kStr)};
  static const Field coverage[] = {
      ESGAUDIT_FIELD(CoverageRecord, scheme, kStr), ESGAUDIT_FIELD(CoverageRecord, id, kStr),
      ESGAUDIT_FIELD(CoverageRecord, title, kStr), ESGAUDIT_FIELD(CoverageRecord, status, kCov),
      ESGAUDIT_FIELD(CoverageRecord, locations, kRelateds)};
  static const Field relation[] = {
      ESGAUDIT_FIELD(RelationRecord, plugin, kStr), ESGAUDIT_FIELD(RelationRecord, kind, kStr),
      ESGAUDIT_FIELD(RelationRecord, description, kStr), ESGAUDIT_FIELD(RelationRecord, members, kRelateds)};
  // A Status is made from its two parts at the object's end (Frame::code, Frame::message).
  static const Field status[] = {{"code", kExit, nullptr}, {"message", kStr, nullptr}};
  switch (kind) {
    case kOutcome: return {outcome, std::size(outcome)};
    case kResult: return {result, std::size(result)};
    case kFinding: return {finding, std::size(finding)};
    case kLocation: return {location, std::size(location)};
    case kRelated: return {related, std::size(related)};
    case kSuppression: return {suppression, std::size(suppression)};
    case kCoverage: return {coverage, std::size(coverage)};
    case kRelation: return {relation, std::size(relation)};
    case kStatus: return {status, std::size(status)};
    default: return {nullptr, 0};
  }
}
#undef ESGAUDIT_FIELD

// Writes an outcome as CBOR straight from the structs, walking OutcomeReader's field tables (no
// fourth list of the keys): the bytes are exactly those of nlohmann-json's to_cbor of the outcome's
// JSON mapping (outcome_json.h), with the keys of each object in the order of its std::map and each
// number and length in its shortest form, but without the JSON tree that to_cbor needs (a child
// encodes a snapshot after every plugin). The four lists of a snapshot may start past their first
// elements (`from`: what was sent before). IsolationTest.TheOutcomeIsWrittenAsTheCborOfItsJsonMapping
// and EachSnapshotIsTheCborOfWhatIsNew compare the bytes with to_cbor's.
class OutcomeWriter {
 public:
  using R = OutcomeReader;
  struct From {
    size_t findings = 0, coverage = 0, relations = 0, errors = 0;
  };
  OutcomeWriter(const AuditOutcome& o, From from) : o_(o), from_(from) {}
  // Appends the record to *out.
  void Write(std::string* out) {
    out_ = out;
    Value(R::kOutcome, &o_);
  }

 private:
  void Head(uint8_t major, uint64_t n) { AppendHead(out_, major, n); }
  static void AppendHead(std::string* out, uint8_t major, uint64_t n) {  // a CBOR head, shortest form
    const uint8_t m = static_cast<uint8_t>(major << 5);
    int bytes = n <= 0x17 ? 0 : n <= UINT8_MAX ? 1 : n <= UINT16_MAX ? 2 : n <= UINT32_MAX ? 4 : 8;
    if (bytes == 0) {
      out->push_back(static_cast<char>(m | n));
      return;
    }
    char head[9];
    head[0] = static_cast<char>(m | (bytes == 1 ? 0x18 : bytes == 2 ? 0x19 : bytes == 4 ? 0x1a : 0x1b));
    for (int k = 0; k < bytes; ++k) head[1 + k] = static_cast<char>((n >> (8 * (bytes - 1 - k))) & 0xff);
    out->append(head, static_cast<size_t>(1 + bytes));
  }
  void Text(std::string_view s) {
    Head(3, s.size());
    out_->append(s);
  }
  template <typename E, size_t N>
  void Enum(E v, const E (&values)[N]) {
    // NLOHMANN_JSON_SERIALIZE_ENUM writes a value not in its list as the list's first name.
    static const std::array<std::string, N> names = [&values] {
      std::array<std::string, N> a;
      for (size_t i = 0; i < N; ++i) a[i] = nlohmann::json(values[i]).template get<std::string>();
      return a;
    }();
    size_t i = 0;
    while (i < N && values[i] != v) ++i;
    Text(names[i < N ? i : 0]);
  }
  // Where a list starts: past what was sent before for the four lists of a snapshot, else 0.
  size_t Start(const void* list) const {
    if (list == &o_.result.findings) return from_.findings;
    if (list == &o_.result.coverage) return from_.coverage;
    if (list == &o_.result.relations) return from_.relations;
    if (list == &o_.errors) return from_.errors;
    return 0;
  }
  template <typename T>
  void List(R::Kind element, const void* p) {
    const auto& list = *static_cast<const std::vector<T>*>(p);
    const size_t from = std::min(Start(p), list.size());
    Head(4, list.size() - from);
    for (size_t k = from; k < list.size(); ++k) Value(element, &list[k]);
  }
  // The fields of an object kind in the order of their names (std::map's order in the JSON tree),
  // each with its name as CBOR text.
  struct Key {
    uint8_t field;
    std::string cbor;
  };
  static const std::vector<Key>& Sorted(R::Kind kind) {
    static const auto orders = [] {
      std::array<std::vector<Key>, R::kRelateds + 1> a;
      for (int k = R::kOutcome; k <= R::kStatus; ++k) {
        const R::Fields f = R::FieldsOf(static_cast<R::Kind>(k));
        std::vector<uint8_t> order;
        for (size_t i = 0; i < f.size(); ++i) order.push_back(static_cast<uint8_t>(i));
        std::sort(order.begin(), order.end(),
                  [&f](uint8_t x, uint8_t y) { return std::strcmp(f[x].name, f[y].name) < 0; });
        for (uint8_t i : order) {
          std::string cbor;
          AppendHead(&cbor, 3, std::strlen(f[i].name));
          a[k].push_back({i, cbor + f[i].name});
        }
      }
      return a;
    }();
    return orders[kind];
  }
  void Value(R::Kind kind, const void* p) {
    switch (kind) {
      case R::kStr: Text(*static_cast<const std::string*>(p)); return;
      case R::kU64: Head(0, *static_cast<const uint64_t*>(p)); return;
      case R::kU32: Head(0, *static_cast<const uint32_t*>(p)); return;
      case R::kBool: out_->push_back(*static_cast<const bool*>(p) ? '\xf5' : '\xf4'); return;
      case R::kSev: Enum(*static_cast<const esgaudit_severity*>(p), R::kSeverities); return;
      case R::kCov: Enum(*static_cast<const esgaudit_coverage_status*>(p), R::kCoverageStatuses); return;
      case R::kExit: Enum(*static_cast<const ExitStatus*>(p), R::kExitStatuses); return;
      case R::kStrs: List<std::string>(R::kStr, p); return;
      case R::kFindings: List<Finding>(R::kFinding, p); return;
      case R::kCoverages: List<CoverageRecord>(R::kCoverage, p); return;
      case R::kRelations: List<RelationRecord>(R::kRelation, p); return;
      case R::kRelateds: List<Related>(R::kRelated, p); return;
      case R::kStatus: {  // {"code", "message"}: already in the order of their names
        const Status& s = *static_cast<const Status*>(p);
        Head(5, 2);
        Text("code");
        Enum(s.code(), R::kExitStatuses);
        Text("message");
        Text(s.message());
        return;
      }
      default: break;
    }
    const R::Fields fields = R::FieldsOf(kind);
    Head(5, fields.size());
    // The table's accessors take a mutable pointer; nothing is written through it.
    void* object = const_cast<void*>(p);
    for (const Key& key : Sorted(kind)) {
      out_->append(key.cbor);
      Value(fields[key.field].kind, fields[key.field].at(object));
    }
  }

  const AuditOutcome& o_;
  From from_;
  std::string* out_ = nullptr;
};

}  // namespace

std::string EncodeOutcome(const AuditOutcome& o) {
  // CBOR keeps strings as bytes: a path that is not UTF-8 survives, where JSON text would refuse it.
  std::string out;
  OutcomeWriter(o, {}).Write(&out);
  return out;
}

bool DecodeOutcome(std::string_view bytes, AuditOutcome* out) {
  AuditOutcome o;
  OutcomeReader reader(&o, bytes.size());
  if (!nlohmann::json::sax_parse(bytes.begin(), bytes.end(), &reader, nlohmann::json::input_format_t::cbor,
                                 /*strict=*/true) ||
      !reader.complete())
    return false;
  *out = std::move(o);
  return true;
}

void ChildChannel::Send(char type, std::string_view payload) {
  std::string record(1, type);
  uint64_t n = payload.size();
  record.append(reinterpret_cast<const char*>(&n), sizeof n);
  record.append(payload);
  WriteAll(fd_, record);
}

void ChildChannel::Begin() {
  findings_sent_ = coverage_sent_ = relations_sent_ = errors_sent_ = 0;
  Send('B', "");
}
void ChildChannel::Running(const std::string& plugin) { Send('P', plugin); }
void ChildChannel::Snapshot(const AuditOutcome& o) {
  const ReportResult& r = o.result;
  const bool grew = r.findings.size() >= findings_sent_ && r.coverage.size() >= coverage_sent_ &&
                    r.relations.size() >= relations_sent_ && o.errors.size() >= errors_sent_;
  // The record's header first, its length filled in once the CBOR is written after it.
  std::string record(1 + sizeof(uint64_t), grew ? 'A' : 'S');
  OutcomeWriter::From from;  // 'S': the whole outcome
  if (grew) from = {findings_sent_, coverage_sent_, relations_sent_, errors_sent_};  // only what is new
  OutcomeWriter(o, from).Write(&record);
  const uint64_t n = record.size() - 1 - sizeof n;
  std::memcpy(&record[1], &n, sizeof n);
  WriteAll(fd_, record);
  findings_sent_ = r.findings.size();
  coverage_sent_ = r.coverage.size();
  relations_sent_ = r.relations.size();
  errors_sent_ = o.errors.size();
}
void ChildChannel::Done() {
  for (const std::string& set : TakeCompiledSets()) Send('C', set);
  Send('F', "");
}

std::vector<AuditOutcome> AuditIsolated(const std::vector<std::string>& paths, const IsolationOptions& options,
                                        const std::function<void(size_t, ChildChannel*)>& audit,
                                        const std::function<void(size_t, AuditOutcome*)>& finish) {
  using Clock = std::chrono::steady_clock;
  std::vector<AuditOutcome> outcomes(paths.size());
  if (paths.empty()) return outcomes;
  WarmUpCore();
  // Sets compiled here (the plugins' preparations, the warm-up) are inherited by every child: a
  // child sends back only what it compiles itself.
  TakeCompiledSets();
  std::deque<Child> running;
  std::deque<size_t> pending;  // reports no child has been given, or whose child died before them
  for (size_t i = 0; i < paths.size(); ++i) pending.push_back(i);
  const unsigned jobs = std::max(1u, options.jobs);
  const bool bounded = options.timeout_seconds > 0;
  const auto timeout = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(bounded ? options.timeout_seconds : 0));

  auto cannot = [&](const std::vector<size_t>& group, const std::string& what) {
    const std::string why = std::strerror(errno);
    for (size_t i : group) {
      outcomes[i].result.path = paths[i];
      outcomes[i].errors.push_back(paths[i] + ": " + what + why);
      outcomes[i].status = ExitStatus::kInternal;
    }
  };
  auto start = [&]() {
    std::vector<size_t> group;
    const size_t n = GroupSize(pending.size(), jobs, options.reports_per_child);
    for (size_t k = 0; k < n; ++k) {
      group.push_back(pending.front());
      pending.pop_front();
    }
    int fds[2];
    if (::pipe(fds) != 0) return cannot(group, "cannot create a pipe for the child process: ");
    pid_t pid = ::fork();
    if (pid == 0) {
#ifdef __GLIBC__
      // A child audits its reports one after another and then exits: what one report freed is kept
      // for the next, where glibc would give a large block or the heap's top back to the kernel and
      // fault the next report's pages in again (a quarter of a batch's page faults).
      ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
      ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
      ::close(fds[0]);
      ::signal(SIGPIPE, SIG_DFL);
      ChildChannel channel(fds[1]);
      for (size_t i : group) {
        channel.Begin();
        audit(i, &channel);
        channel.Done();
      }
      ::_exit(0);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      return cannot(group, "cannot start a child process: ");
    }
    Child c;
    c.group = std::move(group);
    c.pid = pid;
    c.fd = fds[0];
    c.deadline = Clock::now() + timeout;
    running.push_back(std::move(c));
  };
  // Parses the complete records received from c: a type byte ('B' a report begins, 'P' plugin name,
  // 'S' a whole snapshot, 'A' what is new since the last, 'C' a compiled pattern set, 'F' the report
  // is done), a 64-bit length, the payload.
  // A report done is finished here, so its bytes are not kept while the child goes on.
  auto parse = [&](Child& c) {
    std::string_view in(c.bytes);
    while (in.size() >= 9) {
      char type = in[0];
      uint64_t n;
      std::memcpy(&n, in.data() + 1, sizeof n);
      if (n > in.size() - 9) break;  // not all here yet
      std::string_view payload = in.substr(9, n);
      in.remove_prefix(9 + n);
      if (type == 'B' && c.begun < c.group.size()) {
        ++c.begun;
        c.running.clear();
        TakeOutcome(&c, "");
        c.compiled.clear();
        c.deadline = Clock::now() + timeout;  // the timeout is per report
      }
      if (type == 'P') c.running = std::string(payload);
      if (type == 'S' || type == 'A') ApplySnapshot(type, payload, &c);
      if (type == 'C') c.compiled.emplace_back(payload);
      if (type == 'F' && c.done < c.begun) {
        const size_t i = c.group[c.done++];
        outcomes[i] = TakeOutcome(&c, paths[i]);
        if (finish) finish(i, &outcomes[i]);
        for (const std::string& set : c.compiled) AdoptCompiledSet(set);  // for the children forked from now on
        c.running.clear();
        c.compiled.clear();
        c.deadline = Clock::now() + timeout;  // the next report's 'B' may not be here yet
      }
    }
    c.bytes.erase(0, c.bytes.size() - in.size());
  };

  while (!pending.empty() || !running.empty()) {
    while (!pending.empty() && running.size() < jobs) start();
    if (running.empty()) continue;
    std::vector<pollfd> fds;
    for (const Child& c : running) fds.push_back({c.eof ? -1 : c.fd, POLLIN, 0});
    int wait_ms = 1;  // a child at end of file is exiting: poll its status again shortly
    bool any_open = false;
    for (const Child& c : running) any_open = any_open || !c.eof;
    if (any_open) wait_ms = -1;
    if (bounded) {
      auto now = Clock::now();
      for (const Child& c : running) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(c.deadline - now).count() + 1;
        left = std::max<long long>(0, left);
        if (wait_ms < 0 || left < wait_ms) wait_ms = static_cast<int>(std::min<long long>(left, 1 << 30));
      }
    }
    int ready = ::poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (size_t k = 0; k < running.size(); ++k) {
      Child& c = running[k];
      if (c.eof || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      ssize_t n = ::read(c.fd, buf, sizeof buf);
      if (n > 0) {
        c.bytes.append(buf, static_cast<size_t>(n));
        parse(c);
      } else if (n == 0 || errno != EINTR) {
        c.eof = true;
        ::close(c.fd);
      }
    }
    const auto now = Clock::now();
    for (auto it = running.begin(); it != running.end();) {
      Child& c = *it;
      int wait_status = 0;
      pid_t done = ::waitpid(c.pid, &wait_status, WNOHANG);
      if (done == 0 && bounded && now >= c.deadline) {
        ::kill(c.pid, SIGKILL);
        ::waitpid(c.pid, &wait_status, 0);
        c.timed_out = true;
        done = c.pid;
      }
      if (done != c.pid) {
        ++it;
        continue;
      }
      if (!c.eof) {  // drain what the child wrote before it ended
        char buf[65536];
        ssize_t n;
        while ((n = ::read(c.fd, buf, sizeof buf)) > 0) c.bytes.append(buf, static_cast<size_t>(n));
        ::close(c.fd);
        parse(c);
      }
      if (c.done < c.group.size()) {
        // The child ended before its group was done: the report it was auditing (the first not
        // done, when it died before saying it began one) gets the crash or timeout; the reports it
        // did not reach go to a new child.
        const size_t failed = c.done;
        const size_t i = c.group[failed];
        outcomes[i] = Failed(c, paths[i], wait_status, options.timeout_seconds);
        for (size_t k = c.group.size(); k-- > failed + 1;) pending.push_front(c.group[k]);
      }
      it = running.erase(it);
    }
  }
  return outcomes;
}

}  // namespace esgaudit
