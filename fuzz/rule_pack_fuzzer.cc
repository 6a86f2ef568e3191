// libFuzzer entry: a rule pack (JSON, XML, INFO, INI through Boost.PropertyTree; the first byte
// picks the format) must validate or fail with one line naming the file, never crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "esgaudit/rule_packs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kExtensions[] = {".json", ".xml", ".info", ".ini"};
  const std::string dir = "/tmp/esgaudit-pack-fuzz-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir + "/pack");
  const std::string path = dir + "/pack/rules" + kExtensions[data[0] % 4];
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);
  esgaudit::Status s = esgaudit::ValidateRulePacks({dir});
  if (!s.ok() && s.message().find('\n') != std::string::npos) __builtin_trap();
  std::filesystem::remove_all(dir);
  return 0;
}
