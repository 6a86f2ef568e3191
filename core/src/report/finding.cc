#include "esgaudit/finding.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
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

bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
    const bool db = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
    if (da && db) {
      size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      std::string_view na(a.data() + i, ei - i), nb(b.data() + j, ej - j);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  if ((a.size() - i) != (b.size() - j)) return a.size() - i < b.size() - j;
  return a < b;  // equal up to leading zeros: any fixed order
}

void Canonicalize(ReportResult* r) {
  std::stable_sort(r->findings.begin(), r->findings.end(), [](const Finding& a, const Finding& b) {
    if (std::tie(a.location.offset, a.location.length, a.rule) != std::tie(b.location.offset, b.location.length, b.rule)) {
      return std::tie(a.location.offset, a.location.length, a.rule) < std::tie(b.location.offset, b.location.length, b.rule);
    }
    return NaturalLess(a.message, b.message);
  });
  std::map<std::string, int> seen;
  for (Finding& f : r->findings) {
    std::string key = f.rule + '\0' + f.evidence;
    for (const std::string& ref : f.references) key += '\0' + ref;
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
