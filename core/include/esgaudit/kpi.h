// Structured KPI data given with --data: JSON, XML, INI (Boost.PropertyTree) or CSV, flattened to
// records. Field meanings are those of esgaudit_kpi in plugin_abi.h.
#ifndef ESGAUDIT_KPI_H_
#define ESGAUDIT_KPI_H_

#include <string>
#include <vector>

#include "esgaudit/status.h"

namespace esgaudit {

struct KpiRecord {
  std::string key;     // "employees.total"
  std::string text;    // value as written
  double value = 0;    // NaN when text is not numeric
  std::string unit;
  std::string period;
  std::string source;  // "file:line" or "file"
};

// Loads a KPI file by its extension (.json .xml .ini .csv). Malformed data (syntax, wrong type,
// unknown unit) is an input error naming the file and the line.
Status LoadKpiData(const std::string& path, std::vector<KpiRecord>* out);

}  // namespace esgaudit

#endif  // ESGAUDIT_KPI_H_
