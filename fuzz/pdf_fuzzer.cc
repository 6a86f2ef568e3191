// libFuzzer entry: the PDF loader (poppler-cpp, physical layout) on any bytes after a %PDF- header:
// valid UTF-8 text or one error line naming the file, never a crash in our code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "load/pdf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  if (!esgaudit::LooksLikePdf(bytes)) bytes.insert(0, "%PDF-1.4\n");
  std::string text;
  esgaudit::Status s = esgaudit::ExtractPdfText("fuzz.pdf", bytes, &text);
  if (!s.ok() && (s.message().rfind("fuzz.pdf", 0) != 0 || s.message().find('\n') != std::string::npos)) {
    __builtin_trap();
  }
  return 0;
}
