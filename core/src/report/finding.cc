#include "esgaudit/finding.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "esgaudit/document.h"
#include "load/sha256.h"

namespace esgaudit {

Location LocateIn(const Document& doc, uint64_t offset, uint64_t length) {
  Location loc;
  loc.file = doc.path();
  loc.offset = std::min<uint64_t>(offset, doc.text().size());
  loc.length = std::min<uint64_t>(length, doc.text().size() - loc.offset);
  if (doc.line_count() == 0) {
    loc.line = 1;
    loc.column = 1;
    return loc;
  }
  uint32_t line = doc.LineOf(loc.offset);
  loc.line = line + 1;
  loc.column = doc.ColumnOf(loc.offset);
  loc.page = doc.line(line).page;
  return loc;
}

void Canonicalize(ReportResult* r) {
  std::stable_sort(r->findings.begin(), r->findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.offset, a.location.length, a.rule, a.message) <
           std::tie(b.location.offset, b.location.length, b.rule, b.message);
  });
  std::map<std::string, int> seen;
  for (Finding& f : r->findings) {
    std::string key = f.rule + '\0' + f.message + '\0' + f.evidence;
    int n = ++seen[key];
    if (n > 1) key += '\0' + std::to_string(n);
    f.fingerprint = Sha256Hex(key).substr(0, 16);
  }
  std::stable_sort(r->coverage.begin(), r->coverage.end(),
                   [](const CoverageRecord& a, const CoverageRecord& b) { return a.scheme < b.scheme; });
  std::stable_sort(r->relations.begin(), r->relations.end(),
                   [](const RelationRecord& a, const RelationRecord& b) {
                     uint64_t ao = a.members.empty() ? 0 : a.members.front().location.offset;
                     uint64_t bo = b.members.empty() ? 0 : b.members.front().location.offset;
                     return std::tie(ao, a.plugin, a.kind, a.description) <
                            std::tie(bo, b.plugin, b.kind, b.description);
                   });
}

const char* SeverityName(esgaudit_severity s) {
  switch (s) {
    case ESGAUDIT_ERROR:
      return "error";
    case ESGAUDIT_WARNING:
      return "warning";
    default:
      return "info";
  }
}

const char* CoverageStatusName(esgaudit_coverage_status s) {
  switch (s) {
    case ESGAUDIT_COVERED:
      return "covered";
    case ESGAUDIT_PARTIAL:
      return "partial";
    default:
      return "missing";
  }
}

}  // namespace esgaudit
