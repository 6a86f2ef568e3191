// The JSON findings contract, schema "esgaudit.findings/1" (docs/schema/findings-1.schema.json).
#include <nlohmann/json.hpp>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {

using Json = nlohmann::ordered_json;

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

std::string RenderJson(const std::vector<ReportResult>& reports, const ReportOptions& options) {
  Json root;
  root["schema"] = "esgaudit.findings/1";
  root["tool"] = {{"name", "esgaudit"}, {"version", ESGAUDIT_VERSION}};
  Json list = Json::array();
  for (const ReportResult& r : reports) {
    Json j;
    j["path"] = r.path;
    j["sha256"] = r.sha256;
    j["encoding"] = r.encoding;
    j["pages"] = PageOrNull(r.page_count);
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
    list.push_back(j);
  }
  root["reports"] = list;
  // Invalid UTF-8 cannot occur (documents are decoded), but never throw from a reporter.
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::unique_ptr<Reporter> MakeJsonReporter() { return std::make_unique<JsonReporter>(); }

}  // namespace esgaudit
