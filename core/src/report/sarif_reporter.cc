// SARIF 2.1.0 (OASIS), as GitHub code scanning and other CI consumers read it. One run; the
// driver lists every rule that could run, plugins are extensions, the manifest rides in the
// invocation's properties. Columns are display columns (CJK = 2), said in the run's properties.
#include <algorithm>
#include <filesystem>
#include <map>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

const char* Level(esgaudit_severity s) {
  switch (s) {
    case ESGAUDIT_ERROR:
      return "error";
    case ESGAUDIT_WARNING:
      return "warning";
    default:
      return "note";
  }
}

// The artifact's URI: relative to base_dir when the file lies inside it (what code scanning
// expects), else an absolute file:// URI; percent-encoded except unreserved characters and '/'.
std::string Uri(const std::string& path, const std::string& base_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec).lexically_normal();
  std::string p = path;
  std::string scheme;
  if (!ec && !base_dir.empty()) {
    const fs::path rel = abs.lexically_relative(fs::path(base_dir).lexically_normal());
    if (!rel.empty() && rel.native().rfind("..", 0) != 0) {
      p = rel.generic_string();
    } else {
      p = abs.generic_string();
      scheme = "file://";
    }
  }
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = scheme;
  for (unsigned char c : p) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Json PhysicalLocation(const Location& l, const std::string& base_dir, int artifact_index) {
  Json artifact = {{"uri", Uri(l.file, base_dir)}};
  if (artifact_index >= 0) artifact["index"] = artifact_index;
  Json j = {{"artifactLocation", artifact}};
  if (l.line != 0) {
    j["region"] = {{"startLine", l.line}, {"startColumn", l.column}, {"byteOffset", l.offset}, {"byteLength", l.length}};
  }
  return j;
}

Json RuleJson(const RuleInfo& r, const ReportOptions& o) {
  Json j;
  j["id"] = r.id;
  std::string name;
  bool upper = true;
  for (char c : r.id.substr(r.id.find('.') + 1)) {
    if (c == '-') {
      upper = true;
      continue;
    }
    name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  j["name"] = name;
  j["shortDescription"] = {{"text", r.summary}};
  std::string doc;
  if (o.rule_docs != nullptr) {
    auto it = o.rule_docs->find(r.id);
    if (it != o.rule_docs->end()) doc = it->second;
  }
  // The full description is the doc's first paragraph of prose (not a heading, reference or severity line);
  // the whole doc is the help.
  std::string full = r.summary;
  size_t start = 0;
  while (start < doc.size()) {
    size_t end = doc.find("\n\n", start);
    std::string para = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? doc.size() : end + 2;
    while (!para.empty() && para.front() == '\n') para.erase(0, 1);
    if (para.empty() || para[0] == '#' || para.rfind("**Reference", 0) == 0 || para.rfind("**Severity", 0) == 0) continue;
    for (char& c : para) {
      if (c == '\n') c = ' ';
    }
    full = para;
    break;
  }
  j["fullDescription"] = {{"text", full}};
  std::string url = FirstUrl(doc);
  if (!url.empty()) j["helpUri"] = url;
  if (!doc.empty()) j["help"] = {{"text", doc}, {"markdown", doc}};
  j["defaultConfiguration"] = {{"level", Level(r.default_severity)}};
  j["properties"] = {{"plugin", r.plugin}};
  return j;
}

class SarifReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& o) const override {
    Json driver;
    driver["name"] = "esgaudit";
    driver["version"] = ESGAUDIT_VERSION;
    driver["semanticVersion"] = ESGAUDIT_VERSION;
    std::map<std::string, int> rule_index;
    Json rules = Json::array();
    if (o.rules != nullptr) {
      for (const RuleInfo& r : *o.rules) {
        rule_index[r.id] = static_cast<int>(rules.size());
        rules.push_back(RuleJson(r, o));
      }
    }
    driver["rules"] = rules;
    Json tool = {{"driver", driver}};
    if (o.manifest != nullptr && !o.manifest->plugins.empty()) {
      Json extensions = Json::array();
      for (const PluginInfo& p : o.manifest->plugins) {
        extensions.push_back({{"name", p.name}, {"version", p.version},
                              {"fullDescription", {{"text", p.description.empty() ? p.name : p.description}}},
                              {"properties", {{"abi", std::to_string(p.abi_major) + "." + std::to_string(p.abi_minor)}}}});
      }
      tool["extensions"] = extensions;
    }
    Json artifacts = Json::array();
    Json results = Json::array();
    const bool has_baseline = std::any_of(reports.begin(), reports.end(), [](const ReportResult& r) {
      return std::any_of(r.findings.begin(), r.findings.end(), [](const Finding& f) { return f.suppression.kind == "baseline"; });
    });
    for (const ReportResult& r : reports) {
      const int artifact = static_cast<int>(artifacts.size());
      Json a = {{"location", {{"uri", Uri(r.path, o.base_dir)}}}};
      if (!r.sha256.empty()) a["hashes"] = {{"sha-256", r.sha256}};
      if (r.encoding != "pdf") a["encoding"] = r.encoding == "utf-8" ? "UTF-8" : r.encoding;
      a["properties"] = {{"pages", r.page_count == 0 ? Json(nullptr) : Json(r.page_count)}, {"lang", r.lang}};
      artifacts.push_back(a);
      for (const Finding& f : r.findings) {
        Json res;
        res["ruleId"] = f.rule;
        auto it = rule_index.find(f.rule);
        if (it != rule_index.end()) res["ruleIndex"] = it->second;
        res["level"] = Level(f.severity);
        res["message"] = {{"text", f.message}};
        Json physical = PhysicalLocation(f.location, o.base_dir, artifact);
        if (f.location.line != 0 && !f.evidence.empty()) physical["region"]["snippet"] = {{"text", f.evidence}};
        res["locations"] = Json::array({{{"physicalLocation", physical}}});
        if (!f.related.empty()) {
          Json related = Json::array();
          int id = 1;
          for (const Related& rel : f.related) {
            related.push_back({{"id", id++},
                               {"physicalLocation", PhysicalLocation(rel.location, o.base_dir, artifact)},
                               {"message", {{"text", rel.message}}}});
          }
          res["relatedLocations"] = related;
        }
        res["partialFingerprints"] = {{"esgaudit/v1", f.fingerprint}};
        if (f.suppression.kind == "waiver") {
          Json sup;
          sup["kind"] = "external";
          sup["status"] = "accepted";
          sup["justification"] = f.suppression.reason;
          Json props;
          props["approver"] = f.suppression.approver;
          props["expires"] = f.suppression.expires.empty() ? Json(nullptr) : Json(f.suppression.expires);
          props["source"] = f.suppression.source;
          sup["properties"] = props;
          res["suppressions"] = Json::array({sup});
        }
        if (has_baseline) res["baselineState"] = f.suppression.kind == "baseline" ? "unchanged" : "new";
        Json props = {{"page", f.location.page == 0 ? Json(nullptr) : Json(f.location.page)}};
        if (!f.references.empty()) props["references"] = f.references;
        res["properties"] = props;
        results.push_back(res);
      }
    }
    Json run;
    run["tool"] = tool;
    if (o.manifest != nullptr) {
      const RunManifest& m = *o.manifest;
      Json inv;
      inv["executionSuccessful"] = m.exit_status < 2;
      inv["exitCode"] = m.exit_status;
      Json notes = Json::array();
      for (const FailedInput& f : m.failed) {
        notes.push_back({{"level", "error"},
                         {"message", {{"text", f.error}}},
                         {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", Uri(f.path, o.base_dir)}}}}}}})}});
      }
      if (!notes.empty()) inv["toolExecutionNotifications"] = notes;
      inv["properties"] = {{"manifest", ManifestJson(m)}};
      run["invocations"] = Json::array({inv});
    }
    run["artifacts"] = artifacts;
    run["results"] = results;
    run["properties"] = {{"columns", "display width: East Asian wide characters count 2"}};
    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = Json::array({run});
    return Dump(root, 2) + "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeSarifReporter() { return std::make_unique<SarifReporter>(); }

}  // namespace esgaudit
