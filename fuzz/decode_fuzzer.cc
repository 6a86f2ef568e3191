// libFuzzer entry: any bytes through the text decoder (BOMs, UTF-16, ICU charset detection) must
// give valid UTF-8 or a one-line error naming the file, never a crash or a sanitizer report.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "load/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string utf8, encoding;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  esgaudit::Status s = esgaudit::DecodeText("fuzz.txt", bytes, &utf8, &encoding);
  if (!s.ok()) {
    if (s.message().rfind("fuzz.txt", 0) != 0 || s.message().find('\n') != std::string::npos) __builtin_trap();
    return 0;
  }
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, n, c);
    if (c < 0) __builtin_trap();  // the decoder promises well-formed UTF-8
  }
  return 0;
}
