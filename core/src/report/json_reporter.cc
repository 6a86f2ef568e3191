// The JSON findings contract, schema "esgaudit.findings/1" (docs/schema/findings-1.schema.json).
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {

namespace {

Json PageOrNull(uint32_t page) { return page == 0 ? Json(nullptr) : Json(page); }

Json LocationJson(const Location& l) {
  Json j;
  j["file"] = l.file;
  j["line"] = l.line == 0 ? Json(nullptr) : Json(l.line);
  j["column"] = l.line == 0 ? Json(nullptr) : Json(l.column);
  j["page"] = PageOrNull(l.page);
  j["offset"] = l.offset;
  j["length"] = l.length;
  return j;
}

Json FindingJson(const Finding& f) {
  Json j;
  j["rule"] = f.rule;
  j["severity"] = SeverityName(f.severity);
  j["message"] = f.message;
  j["location"] = LocationJson(f.location);
  j["evidence"] = f.evidence;
  j["references"] = f.references;
  Json related = Json::array();
  for (const Related& r : f.related) related.push_back({{"location", LocationJson(r.location)}, {"message", r.message}});
  j["related"] = related;
  j["fingerprint"] = f.fingerprint;
  if (!f.suppression.kind.empty()) {
    Json sup;
    sup["kind"] = f.suppression.kind;
    if (f.suppression.kind == "waiver") {
      sup["reason"] = f.suppression.reason;
      sup["approver"] = f.suppression.approver;
      sup["expires"] = f.suppression.expires.empty() ? Json(nullptr) : Json(f.suppression.expires);
    }
    sup["source"] = f.suppression.source;
    j["suppression"] = sup;
  }
  return j;
}

Json CoverageJson(const std::vector<CoverageRecord>& records) {
  Json by_scheme = Json::object();
  for (const CoverageRecord& c : records) {
    Json item;
    item["id"] = c.id;
    item["title"] = c.title;
    item["status"] = CoverageStatusName(c.status);
    Json locations = Json::array();
    for (const Related& r : c.locations) {
      Json l = LocationJson(r.location);
      l["quote"] = r.message;
      locations.push_back(l);
    }
    item["locations"] = locations;
    if (!by_scheme.contains(c.scheme)) by_scheme[c.scheme] = Json::array();
    by_scheme[c.scheme].push_back(item);
  }
  return by_scheme;
}

class JsonReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& options) const override {
    return RenderJson(reports, options);
  }
};

}  // namespace

Json ReportJson(const ReportResult& r, const ReportOptions& options) {
  Json j;
  j["path"] = r.path;
  j["sha256"] = r.sha256;
  j["encoding"] = r.encoding;
  j["pages"] = PageOrNull(r.page_count);
  if (!r.lang.empty()) j["lang"] = r.lang;
  Json findings = Json::array();
  for (const Finding& f : r.findings) findings.push_back(FindingJson(f));
  j["findings"] = findings;
  j["coverage"] = CoverageJson(r.coverage);
  if (options.include_relations) {
    Json relations = Json::array();
    for (const RelationRecord& rel : r.relations) {
      Json members = Json::array();
      for (const Related& m : rel.members) members.push_back({{"location", LocationJson(m.location)}, {"message", m.message}});
      relations.push_back({{"plugin", rel.plugin}, {"kind", rel.kind}, {"description", rel.description}, {"members", members}});
    }
    j["relations"] = relations;
  }
  return j;
}

Json ManifestJson(const RunManifest& m) {
  Json j;
  j["tool"] = {{"name", "esgaudit"}, {"version", m.tool_version}};
  Json plugins = Json::array();
  for (const PluginInfo& p : m.plugins) {
    plugins.push_back({{"name", p.name}, {"version", p.version},
                       {"abi", std::to_string(p.abi_major) + "." + std::to_string(p.abi_minor)}});
  }
  j["plugins"] = plugins;
  Json packs = Json::array();
  for (const FileDigest& f : m.rule_packs) packs.push_back({{"path", f.path}, {"sha256", f.sha256}});
  j["rule_packs"] = packs;
  Json inputs = Json::array();
  for (const FileDigest& f : m.inputs) inputs.push_back({{"path", f.path}, {"sha256", f.sha256}});
  j["inputs"] = inputs;
  j["data"] = m.data.path.empty() ? Json(nullptr) : Json({{"path", m.data.path}, {"sha256", m.data.sha256}});
  j["config_file"] = m.config_file.empty() ? Json(nullptr) : Json(m.config_file);
  Json options = Json::object();
  for (const auto& [name, value] : m.options) options[name] = value;
  j["options"] = options;
  j["enabled_rules"] = m.enabled_rules;
  Json failed = Json::array();
  for (const FailedInput& f : m.failed) failed.push_back({{"path", f.path}, {"error", f.error}});
  j["failed_inputs"] = failed;
  Json summaries = Json::array();
  for (const ReportSummary& s : m.summaries) {
    summaries.push_back({{"path", s.path},
                         {"errors", s.counts[ESGAUDIT_ERROR]},
                         {"warnings", s.counts[ESGAUDIT_WARNING]},
                         {"infos", s.counts[ESGAUDIT_INFO]},
                         {"waived", s.waived},
                         {"baselined", s.baselined},
                         {"failing", s.failing}});
  }
  j["summary"] = summaries;
  j["expired_waivers"] = m.expired_waivers;
  j["unused_waivers"] = m.unused_waivers;
  j["baseline_absent"] = m.baseline_absent;
  j["exit_status"] = m.exit_status;
  j["time"] = m.time.empty() ? Json(nullptr) : Json(m.time);
  return j;
}

std::string Dump(const Json& j, int indent) {
  // Invalid UTF-8 cannot occur (documents are decoded), but never throw from a reporter.
  return indent < 0 ? j.dump(-1, ' ', false, Json::error_handler_t::replace)
                    : j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

// The document is dumped with its "reports" array empty, and each report's tree, built and dumped one
// at a time, is set between the array's brackets with every line indented two levels: the bytes of
// dumping one tree of every report (ReportTest.JsonIsWrittenAsTheTreeIsDumped), without holding that
// tree, which in a batch's parent was the largest thing in memory.
std::string RenderJson(const std::vector<ReportResult>& reports, const ReportOptions& options) {
  Json root;
  root["schema"] = "esgaudit.findings/1";
  root["tool"] = {{"name", "esgaudit"}, {"version", ESGAUDIT_VERSION}};
  root["reports"] = Json::array();
  if (options.manifest != nullptr) root["manifest"] = ManifestJson(*options.manifest);
  const std::string document = Dump(root, 2);
  // "schema" and "tool" come first and hold no such text: the first match is the member itself.
  static constexpr std::string_view kEmpty = "\"reports\": []";
  const size_t at = document.find(kEmpty);
  if (at == std::string::npos || reports.empty()) return document + "\n";
  std::string out = document.substr(0, at + kEmpty.size() - 1);  // up to and with the '['
  for (size_t i = 0; i < reports.size(); ++i) {
    out += i == 0 ? "\n    " : ",\n    ";
    const std::string one = Dump(ReportJson(reports[i], options), 2);
    for (size_t from = 0;;) {
      const size_t nl = one.find('\n', from);
      out.append(one, from, nl == std::string::npos ? std::string::npos : nl + 1 - from);
      if (nl == std::string::npos) break;
      out += "    ";
      from = nl + 1;
    }
  }
  out += "\n  ]";
  out.append(document, at + kEmpty.size(), std::string::npos);
  return out + "\n";
}

// One report per line, in input order; no manifest (it is not per report).
class JsonlReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& options) const override {
    std::string out;
    for (const ReportResult& r : reports) {
      Json j;
      j["schema"] = "esgaudit.findings/1";
      const Json report = ReportJson(r, options);
      for (const auto& [k, v] : report.items()) j[k] = v;
      out += Dump(j, -1) + "\n";
    }
    return out;
  }
};

std::unique_ptr<Reporter> MakeJsonlReporter() { return std::make_unique<JsonlReporter>(); }

std::unique_ptr<Reporter> MakeJsonReporter() { return std::make_unique<JsonReporter>(); }

}  // namespace esgaudit
