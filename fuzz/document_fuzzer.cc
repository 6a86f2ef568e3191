// libFuzzer entry: any bytes through loading, the matching view and fact extraction must not crash
// or trip a sanitizer. Build: cmake -DESGAUDIT_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ (see fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "esgaudit/document.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  esgaudit::Document doc;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  esgaudit::Status s = esgaudit::Document::FromBytes("fuzz.txt", bytes, &doc);
  if (s.ok()) {
    for (const esgaudit::NumericFact& f : doc.facts()) {
      if (f.offset + f.length > doc.text().size()) __builtin_trap();
    }
    for (uint64_t v = 0; v < doc.view().size(); v += 7) {
      if (doc.ViewToText(v) > doc.text().size()) __builtin_trap();
    }
  }
  return 0;
}
