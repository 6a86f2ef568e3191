// How the host writes an ABI struct into the caller's: at most the caller's struct_size bytes.
#ifndef ESGAUDIT_CORE_PLUGIN_ABI_FILL_H_
#define ESGAUDIT_CORE_PLUGIN_ABI_FILL_H_

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace esgaudit {

// Writes `value` into *out, no more than out->struct_size bytes of it (a plugin built against an
// older SDK knows a shorter struct; a newer one a longer: only this host's part is written), and sets
// out->struct_size to what was written. Returns 1, or 0 when out is null or its struct_size cannot
// hold the size field itself (nothing written). A caller of this host's own size (nearly every call)
// takes a copy of the whole struct, of a size known at compile time; any other size a copy of that
// many bytes.
template <typename T>
uint32_t Fill(const T& value, T* out) {
  if (out == nullptr) return 0;
  const uint32_t size = std::min<uint32_t>(out->struct_size, sizeof(T));
  if (size < sizeof(uint32_t)) return 0;
  if (size == sizeof(T)) {
    std::memcpy(out, &value, sizeof(T));
  } else {
    std::memcpy(out, &value, size);
  }
  out->struct_size = size;
  return 1;
}

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_PLUGIN_ABI_FILL_H_
