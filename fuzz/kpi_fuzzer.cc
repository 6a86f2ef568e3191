// libFuzzer entry: KPI data files (JSON, XML, INI, CSV; the first byte picks the format) must load
// or fail with one line naming the file, never crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "esgaudit/kpi.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kExtensions[] = {".json", ".xml", ".ini", ".csv"};
  const std::string path = "/tmp/esgaudit-kpi-fuzz-" + std::to_string(::getpid()) + kExtensions[data[0] % 4];
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  std::vector<esgaudit::KpiRecord> records;
  esgaudit::Status s = esgaudit::LoadKpiData(path, &records);
  if (!s.ok() && (s.message().rfind(path, 0) != 0 || s.message().find('\n') != std::string::npos)) {
    __builtin_trap();
  }
  std::remove(path.c_str());
  return 0;
}
