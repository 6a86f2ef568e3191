#include "analyse/pattern_scan.h"

#include <hs/hs.h>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "load/cache_file.h"
#include "load/sha256.h"

namespace esgaudit {
namespace {

struct DatabaseFree {
  void operator()(hs_database_t* db) const { hs_free_database(db); }
};
using DatabasePtr = std::unique_ptr<hs_database_t, DatabaseFree>;

// Literals and regular expressions compile into separate databases (Hyperscan's literal API takes
// any bytes without escaping); each keeps the caller's indexes as match ids.
struct Compiled {
  DatabasePtr literals;
  DatabasePtr regexes;
  std::string error;  // non-empty when a pattern was refused
};

bool IsPrefilter(uint32_t flags) {
  return (flags & ESGAUDIT_PATTERN_REGEX) && (flags & ESGAUDIT_PATTERN_PREFILTER);
}

unsigned HsFlags(uint32_t flags) {
  // Hyperscan's prefilter mode cannot track where a match starts; it reads bytes, as std::regex
  // reads a std::string.
  unsigned f = IsPrefilter(flags) ? HS_FLAG_PREFILTER : HS_FLAG_SOM_LEFTMOST;
  if (flags & ESGAUDIT_PATTERN_CASELESS) f |= HS_FLAG_CASELESS;
  if ((flags & ESGAUDIT_PATTERN_REGEX) && !IsPrefilter(flags)) f |= HS_FLAG_UTF8 | HS_FLAG_UCP;
  return f;
}

// A prefilter's expression as compiled: a bounded run of any byte (".{0,90}") is read as an
// unbounded one (".*"), which only adds matches and compiles in milliseconds where Hyperscan takes
// a quarter of a second for each bounded run.
std::string PrefilterExpression(const std::string& expression) {
  const size_t n = expression.size();
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    const char c = expression[i];
    if (c == '\\') {  // an escape, copied whole
      out.append(expression, i, 2);
      ++i;
    } else if (c == '[') {
      // A class, copied whole ("." in it is a dot): a ']' right after '[' or '[^' is a member.
      size_t j = i + 1;
      if (j < n && expression[j] == '^') ++j;
      if (j < n && expression[j] == ']') ++j;
      while (j < n && expression[j] != ']') j += expression[j] == '\\' ? 2 : 1;
      j = std::min(j, n - 1);
      out.append(expression, i, j + 1 - i);
      i = j;
    } else if (c == '.' && i + 1 < n && expression[i + 1] == '{') {
      size_t j = i + 2;
      while (j < n && ((expression[j] >= '0' && expression[j] <= '9') || expression[j] == ',')) ++j;
      if (j < n && expression[j] == '}' && j > i + 2) {
        out += ".*";
        i = j;
      } else {
        out += c;
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::string CompileError(hs_compile_error_t* e, const std::vector<PatternSpec>& patterns,
                         const std::vector<unsigned>& ids) {
  std::string message = e != nullptr && e->message != nullptr ? e->message : "unknown error";
  std::string where;
  if (e != nullptr && e->expression >= 0 && static_cast<size_t>(e->expression) < ids.size()) {
    where = "pattern \"" + patterns[ids[e->expression]].expression + "\": ";
  }
  hs_free_compile_error(e);
  return where + message;
}

// What Hyperscan is given for a pattern set: the literals and the expressions (prefilters' rewritten)
// with their flags and ids.
struct Plan {
  std::vector<std::string> rewritten;  // prefilters' expressions as compiled
  std::vector<const char*> lit_exprs, re_exprs;
  std::vector<size_t> lit_lens;
  std::vector<unsigned> lit_flags, lit_ids, re_flags, re_ids;
  std::string error;  // non-empty when a pattern is empty
};

Plan PlanOf(const std::vector<PatternSpec>& patterns) {
  Plan plan;
  plan.rewritten.resize(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    const PatternSpec& p = patterns[i];
    if (p.expression.empty()) {
      plan.error = "pattern " + std::to_string(i) + " is empty";
      return plan;
    }
    if (p.flags & ESGAUDIT_PATTERN_REGEX) {
      if (IsPrefilter(p.flags)) plan.rewritten[i] = PrefilterExpression(p.expression);
      plan.re_exprs.push_back(IsPrefilter(p.flags) ? plan.rewritten[i].c_str() : p.expression.c_str());
      plan.re_flags.push_back(HsFlags(p.flags));
      plan.re_ids.push_back(static_cast<unsigned>(i));
    } else {
      plan.lit_exprs.push_back(p.expression.data());
      plan.lit_lens.push_back(p.expression.size());
      plan.lit_flags.push_back(HsFlags(p.flags));
      plan.lit_ids.push_back(static_cast<unsigned>(i));
    }
  }
  return plan;
}

std::shared_ptr<Compiled> Compile(const Plan& plan, const std::vector<PatternSpec>& patterns) {
  auto out = std::make_shared<Compiled>();
  if (!plan.error.empty()) {
    out->error = plan.error;
    return out;
  }
  hs_compile_error_t* err = nullptr;
  if (!plan.lit_exprs.empty()) {
    hs_database_t* db = nullptr;
    if (hs_compile_lit_multi(plan.lit_exprs.data(), plan.lit_flags.data(), plan.lit_ids.data(),
                             plan.lit_lens.data(), static_cast<unsigned>(plan.lit_exprs.size()), HS_MODE_BLOCK,
                             nullptr, &db, &err) != HS_SUCCESS) {
      out->error = CompileError(err, patterns, plan.lit_ids);
      return out;
    }
    out->literals.reset(db);
  }
  if (!plan.re_exprs.empty()) {
    hs_database_t* db = nullptr;
    if (hs_compile_multi(plan.re_exprs.data(), plan.re_flags.data(), plan.re_ids.data(),
                         static_cast<unsigned>(plan.re_exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                         &err) != HS_SUCCESS) {
      out->error = CompileError(err, patterns, plan.re_ids);
      return out;
    }
    out->regexes.reset(db);
  }
  return out;
}

// The persistent cache (SetPatternCacheDir). A file holds the two databases of one set:
//   kFileMagic, the set's recipe digest (64 hex), the SHA-256 of the rest (64 hex),
//   then for the literals and the expressions: a 64-bit length (0 = no database) and the bytes
//   hs_serialize_database wrote.
// The recipe is everything the databases depend on: this file format, Hyperscan's version, the
// platform the databases are compiled for (this host's) and what Hyperscan is given; its digest
// names the file. A file that is not whole, not this recipe's, or that Hyperscan refuses (another
// version or platform) is not used: the set is compiled and the file written again.
constexpr std::string_view kFileMagic = "esgaudit-hsdb 1\n";
constexpr size_t kHexDigest = 64;

void AppendU64(std::string* out, uint64_t v) { out->append(reinterpret_cast<const char*>(&v), sizeof v); }

std::string RecipeDigest(const Plan& plan) {
  std::string r(kFileMagic);
  r += "block mode\n";
  r += hs_version();
  r += '\n';
  hs_platform_info_t platform{};
  if (hs_populate_platform(&platform) != HS_SUCCESS) return "";
  AppendU64(&r, platform.tune);
  AppendU64(&r, platform.cpu_features);
  auto add = [&r](char kind, const char* expression, size_t length, unsigned flags, unsigned id) {
    r += kind;
    AppendU64(&r, flags);
    AppendU64(&r, id);
    AppendU64(&r, length);
    r.append(expression, length);
  };
  for (size_t i = 0; i < plan.lit_exprs.size(); ++i)
    add('L', plan.lit_exprs[i], plan.lit_lens[i], plan.lit_flags[i], plan.lit_ids[i]);
  for (size_t i = 0; i < plan.re_exprs.size(); ++i)
    add('R', plan.re_exprs[i], std::strlen(plan.re_exprs[i]), plan.re_flags[i], plan.re_ids[i]);
  return Sha256Hex(r);
}

std::string FileName(const std::string& digest) { return digest + ".hsdb"; }
std::string CacheFile(const std::string& dir, const std::string& digest) {
  return (std::filesystem::path(dir) / FileName(digest)).string();
}

// Reads one length-prefixed database from `in` (advanced past it); false when the bytes are not one.
bool ReadDatabase(std::string_view* in, bool expected, DatabasePtr* db) {
  uint64_t n = 0;
  if (in->size() < sizeof n) return false;
  std::memcpy(&n, in->data(), sizeof n);
  in->remove_prefix(sizeof n);
  if (n > in->size() || (n != 0) != expected) return false;
  if (n == 0) return true;
  hs_database_t* out = nullptr;
  if (hs_deserialize_database(in->data(), n, &out) != HS_SUCCESS) return false;
  db->reset(out);
  in->remove_prefix(n);
  return true;
}

// A set's two databases, one after the other, as ReadDatabase reads them: the form of a set in a cache file
// and between an isolated child and its parent. False when one cannot be serialised.
bool WriteDatabases(const Compiled& c, std::string* body) {
  for (const hs_database_t* db : {c.literals.get(), c.regexes.get()}) {
    if (db == nullptr) {
      AppendU64(body, 0);
      continue;
    }
    char* bytes = nullptr;
    size_t length = 0;
    if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return false;
    AppendU64(body, length);
    body->append(bytes, length);
    std::free(bytes);
  }
  return true;
}

// The two databases WriteDatabases wrote, each present exactly when expected, and nothing after them.
bool ReadDatabases(std::string_view in, bool literals, bool regexes, Compiled* out) {
  return ReadDatabase(&in, literals, &out->literals) && ReadDatabase(&in, regexes, &out->regexes) && in.empty();
}

std::shared_ptr<Compiled> ReadCached(const std::string& dir, const std::string& digest, const Plan& plan) {
  const std::optional<std::string> bytes = ReadCacheFile(dir, FileName(digest));
  if (!bytes) return nullptr;
  std::string_view in(*bytes);
  const size_t header = kFileMagic.size() + 2 * kHexDigest;
  if (in.size() < header || in.substr(0, kFileMagic.size()) != kFileMagic ||
      in.substr(kFileMagic.size(), kHexDigest) != digest ||
      in.substr(kFileMagic.size() + kHexDigest, kHexDigest) != Sha256Hex(in.substr(header))) {
    return nullptr;
  }
  in.remove_prefix(header);
  auto out = std::make_shared<Compiled>();
  if (!ReadDatabases(in, !plan.lit_exprs.empty(), !plan.re_exprs.empty(), out.get())) return nullptr;
  return out;
}

// Written whole or not at all (WriteCacheFile); a failure is only logged (debug).
void WriteCached(const std::string& dir, const std::string& digest, const Compiled& c) {
  std::string body;
  if (!WriteDatabases(c, &body)) return;
  std::string content(kFileMagic);
  content += digest;
  content += Sha256Hex(body);
  content += body;
  if (!WriteCacheFile(dir, FileName(digest), content)) {
    spdlog::debug("pattern cache: cannot write {}", CacheFile(dir, digest));
  }
}

using Key = std::vector<std::pair<std::string, uint32_t>>;

// The expression of a pattern passed through the C ABI (a null pointer reads as "").
std::string_view ExpressionOf(const esgaudit_pattern& p) {
  return p.expression.data == nullptr ? std::string_view() : std::string_view(p.expression.data, p.expression.size);
}

// A hash of a pattern list, the same for a Key and for the patterns it was made from.
class ListHash {
 public:
  void Add(std::string_view expression, uint32_t flags) {
    Mix(std::hash<std::string_view>{}(expression));
    Mix(flags);
  }
  uint64_t value() const { return h_; }

 private:
  void Mix(uint64_t v) { h_ ^= v + 0x9e3779b97f4a7c15ull + (h_ << 6) + (h_ >> 2); }
  uint64_t h_ = 0;
};

uint64_t HashOf(const Key& key) {
  ListHash h;
  for (const auto& [expression, flags] : key) h.Add(expression, flags);
  return h.value();
}
uint64_t HashOf(const esgaudit_pattern* patterns, size_t count) {
  ListHash h;
  for (size_t i = 0; i < count; ++i) h.Add(ExpressionOf(patterns[i]), patterns[i].flags);
  return h.value();
}
bool SameList(const Key& key, const esgaudit_pattern* patterns, size_t count) {
  if (key.size() != count) return false;
  for (size_t i = 0; i < count; ++i) {
    if (key[i].second != patterns[i].flags || key[i].first != ExpressionOf(patterns[i])) return false;
  }
  return true;
}

// Pattern sets seen in this process. A batch has one set per plugin; the cache never grows past the
// number of distinct sets the plugins ask for. `fresh` lists the sets compiled here (not adopted)
// that TakeCompiledSets has not handed out yet. `index` finds a set by the hash of its list, so a
// scan compares its patterns with one set's, once, and copies none of them (a set is asked for
// once per plugin and document; the map's ordering compared whole lists string by string).
struct Cache {
  using Sets = std::map<Key, std::shared_ptr<const Compiled>>;
  std::mutex mu;
  Sets sets;
  std::unordered_multimap<uint64_t, Sets::const_iterator> index;
  // The set last found for a list at each address: a plugin scans with the same list (one vector
  // per set) for every document, so the list is compared with that set's, and not hashed. A list
  // changed in place, or another at a freed list's address, compares unequal and is looked up by
  // its hash. Emptied once it holds kMaxAddresses.
  static constexpr size_t kMaxAddresses = 256;
  std::unordered_map<const esgaudit_pattern*, Sets::const_iterator> by_address;
  std::vector<Key> fresh;
  std::string dir;  // the persistent cache's directory; "" = none
};

Cache& TheCache() {
  static Cache* cache = new Cache;  // never destroyed: a child process exits without destructors
  return *cache;
}

std::shared_ptr<const Compiled> Cached(const esgaudit_pattern* patterns, size_t count) {
  Cache& cache = TheCache();
  auto remember = [&cache, patterns](Cache::Sets::const_iterator set) {
    if (cache.by_address.size() >= Cache::kMaxAddresses) cache.by_address.clear();
    cache.by_address[patterns] = set;
  };
  {
    std::lock_guard<std::mutex> lock(cache.mu);
    const auto last = cache.by_address.find(patterns);
    if (last != cache.by_address.end() && SameList(last->second->first, patterns, count)) return last->second->second;
  }
  const uint64_t hash = HashOf(patterns, count);
  std::lock_guard<std::mutex> lock(cache.mu);
  for (auto [it, end] = cache.index.equal_range(hash); it != end; ++it) {
    if (SameList(it->second->first, patterns, count)) {
      remember(it->second);
      return it->second->second;
    }
  }
  std::vector<PatternSpec> specs;
  Key key;
  specs.reserve(count);
  key.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    specs.push_back(PatternSpec{std::string(ExpressionOf(patterns[i])), patterns[i].flags});
    key.emplace_back(specs.back().expression, specs.back().flags);
  }
  const Plan plan = PlanOf(specs);
  const std::string digest = cache.dir.empty() || !plan.error.empty() ? "" : RecipeDigest(plan);
  std::shared_ptr<Compiled> compiled = digest.empty() ? nullptr : ReadCached(cache.dir, digest, plan);
  if (compiled != nullptr) {
    spdlog::debug("pattern cache: {} patterns read from {}", count, CacheFile(cache.dir, digest));
  } else {
    compiled = Compile(plan, specs);
    if (compiled->error.empty() && !digest.empty()) WriteCached(cache.dir, digest, *compiled);
  }
  if (compiled->error.empty()) cache.fresh.push_back(key);
  auto [it, inserted] = cache.sets.emplace(std::move(key), compiled);
  if (inserted) cache.index.emplace(hash, it);
  remember(it);
  return compiled;
}

// Scratch space per thread and database, allocated at the database's first scan. One scratch grown
// to fit every database was handed to hs_alloc_scratch before each scan, which copied and
// reallocated it as the scans went from one database to another (a report's scans alternate among
// the plugins' sets). A space holds its set, so no database it was made for is freed and its
// address given to another.
class Scratch {
 public:
  Scratch() = default;
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    for (auto& [db, space] : spaces_) hs_free_scratch(space.scratch);
  }
  hs_scratch_t* For(const std::shared_ptr<const Compiled>& set, const hs_database_t* db) {
    auto [it, added] = spaces_.try_emplace(db);
    if (added) {
      if (hs_alloc_scratch(db, &it->second.scratch) != HS_SUCCESS) {
        spaces_.erase(it);
        return nullptr;
      }
      it->second.set = set;
    }
    return it->second.scratch;
  }

 private:
  struct Space {
    std::shared_ptr<const Compiled> set;
    hs_scratch_t* scratch = nullptr;
  };
  std::unordered_map<const hs_database_t*, Space> spaces_;
};

int OnMatch(unsigned id, unsigned long long from, unsigned long long to, unsigned /*flags*/, void* ctx) {
  static_cast<std::vector<esgaudit_match>*>(ctx)->push_back(esgaudit_match{id, 0, from, to});
  return 0;
}

}  // namespace

void SortMatches(std::vector<esgaudit_match>* matches) {
  auto less = [](const esgaudit_match& a, const esgaudit_match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end < b.end;
    return a.pattern < b.pattern;
  };
  // Hyperscan reports a set's matches by their end, so most are in place already and a match moves
  // back only past the few that overlap it: an insertion sort, given up for std::sort once it has
  // moved more than a few elements per match (a long match reported late, or two databases' lists).
  std::vector<esgaudit_match>& v = *matches;
  const size_t n = v.size();
  size_t budget = 4 * n + 64;
  for (size_t i = 1; i < n; ++i) {
    if (!less(v[i], v[i - 1])) continue;
    const esgaudit_match x = v[i];
    size_t j = i;
    do {
      v[j] = v[j - 1];
      --j;
    } while (j > 0 && less(x, v[j - 1]) && --budget > 0);
    v[j] = x;
    if (budget == 0) {
      std::sort(v.begin(), v.end(), less);
      return;
    }
  }
}

Status ScanPatterns(const std::vector<PatternSpec>& patterns, std::string_view text,
                    std::vector<esgaudit_match>* out) {
  std::vector<esgaudit_pattern> views;
  views.reserve(patterns.size());
  for (const PatternSpec& p : patterns) views.push_back(esgaudit_pattern{{p.expression.data(), p.expression.size()}, p.flags});
  return ScanPatterns(views.data(), views.size(), text, out);
}

Status ScanPatterns(const esgaudit_pattern* patterns, size_t count, std::string_view text,
                    std::vector<esgaudit_match>* out) {
  if (count == 0) return Status::Ok();
  std::shared_ptr<const Compiled> compiled = Cached(patterns, count);
  if (!compiled->error.empty()) return Status::InputError(compiled->error);
  thread_local Scratch scratch;
  std::vector<esgaudit_match> found;
  for (const hs_database_t* db : {compiled->literals.get(), compiled->regexes.get()}) {
    if (db == nullptr) continue;
    hs_scratch_t* s = scratch.For(compiled, db);
    if (s == nullptr) return Status::Internal("cannot allocate Hyperscan scratch space");
    // Hyperscan takes a 32-bit length; documents are below 4 GiB (their offset maps are 32-bit).
    if (hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, s, &OnMatch, &found) != HS_SUCCESS) {
      return Status::Internal("Hyperscan scan failed");
    }
  }
  // A prefilter match's start is unknown: it is reported at its end.
  for (esgaudit_match& m : found) {
    if (IsPrefilter(patterns[m.pattern].flags)) m.begin = m.end;
  }
  SortMatches(&found);
  out->insert(out->end(), found.begin(), found.end());
  return Status::Ok();
}

std::vector<std::string> TakeCompiledSets() {
  Cache& cache = TheCache();
  std::lock_guard<std::mutex> lock(cache.mu);
  std::vector<std::string> out;
  for (const Key& key : cache.fresh) {
    std::string body;
    if (!WriteDatabases(*cache.sets.at(key), &body)) continue;
    const nlohmann::json j = {{"key", key}, {"databases", nlohmann::json::binary(std::vector<uint8_t>(body.begin(), body.end()))}};
    std::vector<uint8_t> cbor = nlohmann::json::to_cbor(j);
    out.emplace_back(cbor.begin(), cbor.end());
  }
  cache.fresh.clear();
  return out;
}

void SetPatternCacheDir(std::string dir) {
  Cache& cache = TheCache();
  std::lock_guard<std::mutex> lock(cache.mu);
  cache.dir = std::move(dir);
}

bool AdoptCompiledSet(std::string_view bytes) {
  nlohmann::json j = nlohmann::json::from_cbor(bytes.begin(), bytes.end(), true, false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto compiled = std::make_shared<Compiled>();
  Key key;
  try {
    key = j.at("key").get<Key>();
    const nlohmann::json& databases = j.at("databases");
    if (key.empty() || !databases.is_binary()) return false;
    bool literals = false, regexes = false;  // which databases the set's patterns make
    for (const auto& [expression, flags] : key) ((flags & ESGAUDIT_PATTERN_REGEX) ? regexes : literals) = true;
    const auto& bytes = databases.get_binary();
    const std::string_view in(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (!ReadDatabases(in, literals, regexes, compiled.get())) return false;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  Cache& cache = TheCache();
  std::lock_guard<std::mutex> lock(cache.mu);
  const uint64_t hash = HashOf(key);
  auto [it, inserted] = cache.sets.emplace(std::move(key), std::move(compiled));  // a set already here stays
  if (inserted) cache.index.emplace(hash, it);
  return true;
}

}  // namespace esgaudit
