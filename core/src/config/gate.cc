#include "esgaudit/gate.h"

#include <fnmatch.h>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace esgaudit {
namespace pt = boost::property_tree;
namespace {

// The 1-based line of `[section]` in `path`, and of `key =` inside it when `key` is given
// (Boost.PropertyTree keeps no positions of parsed values).
int LineOf(const std::string& path, const std::string& section, const std::string& key = "") {
  std::ifstream in(path);
  std::string line;
  bool inside = false;
  int section_line = 0;
  for (int n = 1; std::getline(in, line); ++n) {
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string::npos) continue;
    if (line[b] == '[') {
      size_t e = line.find(']', b);
      inside = e != std::string::npos && line.substr(b + 1, e - b - 1) == section;
      if (inside) section_line = n;
      if (inside && key.empty()) return n;
      continue;
    }
    if (inside && line.compare(b, key.size(), key) == 0) {
      size_t after = line.find_first_not_of(" \t", b + key.size());
      if (after != std::string::npos && line[after] == '=') return n;
    }
  }
  return section_line;
}

bool ValidDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string Where(const std::string& path, int line) { return path + ":" + std::to_string(line); }

bool Match(const std::string& glob, const std::string& s) { return fnmatch(glob.c_str(), s.c_str(), 0) == 0; }

bool Applies(const Waiver& w, const std::string& path, const Finding& f) {
  if (!w.rule.empty() && !Match(w.rule, f.rule)) return false;
  if (!w.fingerprint.empty() && w.fingerprint != f.fingerprint) return false;
  if (!w.files.empty() && !Match(w.files, path)) return false;
  return true;
}

std::string FormatTime(std::time_t t, const char* format) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

bool SourceDateEpoch(std::time_t* t) {
  const char* s = std::getenv("SOURCE_DATE_EPOCH");
  if (s == nullptr || *s == '\0') return false;
  char* end = nullptr;
  long long v = std::strtoll(s, &end, 10);
  if (*end != '\0' || v < 0) return false;
  *t = static_cast<std::time_t>(v);
  return true;
}

}  // namespace

Status LoadWaivers(const std::string& path, std::vector<Waiver>* out) {
  std::ifstream in(path);
  if (!in) return Status::InputError(path + ": cannot read waiver file");
  pt::ptree tree;
  try {
    pt::read_ini(in, tree);
  } catch (const pt::ini_parser_error& e) {
    return Status::InputError(Where(path, static_cast<int>(e.line())) + ": malformed waiver file: " + e.message());
  }
  static const std::set<std::string> kKeys = {"rule", "fingerprint", "files", "reason", "approver", "expires"};
  for (const auto& [name, section] : tree) {
    if (section.empty()) {
      return Status::InputError(Where(path, LineOf(path, name)) + ": '" + name +
                                "' is outside a [waiver] section");
    }
    Waiver w;
    w.name = name;
    w.source = Where(path, LineOf(path, name));
    for (const auto& [key, value] : section) {
      if (kKeys.count(key) == 0) {
        return Status::InputError(Where(path, LineOf(path, name, key)) + ": unknown waiver key '" + key +
                                  "' (expected approver, expires, files, fingerprint, reason, rule)");
      }
    }
    w.rule = section.get<std::string>("rule", "");
    w.fingerprint = section.get<std::string>("fingerprint", "");
    w.files = section.get<std::string>("files", "");
    w.reason = section.get<std::string>("reason", "");
    w.approver = section.get<std::string>("approver", "");
    w.expires = section.get<std::string>("expires", "");
    if (w.rule.empty() && w.fingerprint.empty()) {
      return Status::InputError(w.source + ": waiver '" + name + "' names no rule and no fingerprint");
    }
    if (w.reason.empty()) return Status::InputError(w.source + ": waiver '" + name + "' has no reason");
    if (w.approver.empty()) return Status::InputError(w.source + ": waiver '" + name + "' has no approver");
    if (!w.expires.empty() && !ValidDate(w.expires)) {
      return Status::InputError(Where(path, LineOf(path, name, "expires")) + ": waiver '" + name +
                                "': expires '" + w.expires + "' is not a date (YYYY-MM-DD)");
    }
    out->push_back(std::move(w));
  }
  return Status::Ok();
}

Status LoadBaseline(const std::string& path, Baseline* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InputError(path + ": cannot read baseline file");
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string text = bytes.str();
  out->path = path;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    size_t at = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    return Status::InputError(Where(path, line) + ": malformed baseline: not JSON");
  }
  if (!doc.is_object() || doc.value("schema", "") != "esgaudit.baseline/1" || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    return Status::InputError(Where(path, 1) + ": not an esgaudit baseline (expected \"schema\": \"esgaudit.baseline/1\" and \"findings\")");
  }
  for (const auto& f : doc["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
      // Point at the offending entry: the line of its opening brace (entries are flat objects).
      size_t at = text.find("\"findings\"");
      for (size_t i = 0; i <= out->entries.size() && at != std::string::npos; ++i) at = text.find('{', at + 1);
      int line = at == std::string::npos ? 1 : 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
      return Status::InputError(Where(path, line) + ": baseline entry " + std::to_string(out->entries.size() + 1) +
                                " has no fingerprint");
    }
    out->entries.push_back({f["fingerprint"].get<std::string>(), f.value("rule", ""), f.value("file", ""),
                            f.value("message", "")});
  }
  return Status::Ok();
}

std::string RenderBaseline(const std::vector<ReportResult>& reports) {
  std::vector<BaselineEntry> entries;
  for (const ReportResult& r : reports) {
    for (const Finding& f : r.findings) entries.push_back({f.fingerprint, f.rule, r.path, f.message});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.file, a.fingerprint) < std::tie(b.file, b.fingerprint);
  });
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const BaselineEntry& e : entries) {
    list.push_back({{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"file", e.file}, {"message", e.message}});
  }
  nlohmann::ordered_json root = {{"schema", "esgaudit.baseline/1"}, {"findings", list}};
  return root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

GateResult ApplyGate(const GateOptions& options, std::vector<ReportResult>* reports) {
  GateResult g;
  std::vector<size_t> used(options.waivers.size(), 0);
  std::vector<bool> expired(options.waivers.size(), false);
  for (size_t i = 0; i < options.waivers.size(); ++i) {
    const Waiver& w = options.waivers[i];
    expired[i] = !w.expires.empty() && !options.today.empty() && w.expires <= options.today;
  }
  // Baseline fingerprints are matched as a multiset: two equal findings need two entries.
  std::map<std::string, size_t> baseline;
  if (options.baseline != nullptr) {
    for (const BaselineEntry& e : options.baseline->entries) ++baseline[e.fingerprint];
  }
  for (ReportResult& r : *reports) {
    ReportSummary s;
    s.path = r.path;
    for (Finding& f : r.findings) {
      f.suppression = Suppression();
      for (size_t i = 0; i < options.waivers.size(); ++i) {
        const Waiver& w = options.waivers[i];
        if (!Applies(w, r.path, f)) continue;
        ++used[i];
        if (expired[i]) continue;
        f.suppression = {"waiver", w.reason, w.approver, w.expires, w.source};
        break;
      }
      if (f.suppression.kind.empty()) {
        auto it = baseline.find(f.fingerprint);
        if (it != baseline.end() && it->second > 0) {
          --it->second;
          f.suppression = {"baseline", "", "", "", options.baseline->path};
        }
      }
      if (f.suppression.kind == "waiver") {
        ++s.waived;
      } else if (f.suppression.kind == "baseline") {
        ++s.baselined;
      } else {
        ++s.counts[f.severity];
        if (!options.never && f.severity >= options.threshold) s.failing = true;
      }
    }
    if (s.failing) g.status = ExitStatus::kFindings;
    g.summaries.push_back(s);
  }
  for (size_t i = 0; i < options.waivers.size(); ++i) {
    const Waiver& w = options.waivers[i];
    if (expired[i]) {
      g.expired_waivers.push_back(w.name);
      g.warnings.push_back(w.source + ": waiver '" + w.name + "' expired on " + w.expires +
                           (used[i] != 0 ? "; its findings count again" : ""));
    } else if (used[i] == 0) {
      g.unused_waivers.push_back(w.name);
      g.warnings.push_back(w.source + ": waiver '" + w.name + "' matched no finding; remove it");
    }
  }
  for (const auto& [fingerprint, left] : baseline) g.baseline_absent += left;
  if (g.baseline_absent != 0) {
    g.warnings.push_back(options.baseline->path + ": " + std::to_string(g.baseline_absent) +
                         " baseline finding" + (g.baseline_absent == 1 ? " no longer occurs" : "s no longer occur") +
                         "; rewrite it with --write-baseline");
  }
  return g;
}

std::string Today() {
  std::time_t t;
  if (!SourceDateEpoch(&t)) t = std::time(nullptr);
  return FormatTime(t, "%Y-%m-%d");
}

std::string SourceDateTime() {
  std::time_t t;
  return SourceDateEpoch(&t) ? FormatTime(t, "%Y-%m-%dT%H:%M:%SZ") : "";
}

}  // namespace esgaudit
