// libFuzzer entry: the number reader (numeric facts) over any UTF-8-ish text: spans inside the text,
// lines and columns consistent, no crash and no sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "esgaudit/document.h"
#include "esgaudit/finding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  esgaudit::Document doc =
      esgaudit::Document::FromUtf8("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
  for (const esgaudit::NumericFact& f : doc.facts()) {
    if (f.offset + f.length > doc.text().size()) __builtin_trap();
    if (f.line >= doc.line_count()) __builtin_trap();
    esgaudit::Location l = esgaudit::LocateIn(doc, f.offset, f.length);
    if (l.line != f.line + 1 || l.column == 0) __builtin_trap();
  }
  return 0;
}
