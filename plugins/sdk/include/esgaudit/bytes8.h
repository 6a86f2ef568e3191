// Eight bytes at a time: tests on a word of eight bytes of text, for scans whose common input (ASCII,
// or bytes without any of a few marks) can pass eight bytes with one test. Header-only, no ABI: the
// core and the plugins share it.
#ifndef ESGAUDIT_BYTES8_H_
#define ESGAUDIT_BYTES8_H_

#include <cstdint>
#include <cstring>

namespace esgaudit::bytes8 {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;  // the high bit of each of eight bytes
constexpr uint64_t kOnes = 0x0101010101010101ULL;      // one in each of eight bytes

// The eight bytes at `p` (the first one lowest).
inline uint64_t Load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// The high bit of each of the eight bytes of `w` that lies in [lo, hi] (both below 0x80: a byte of
// 0x80 or above never does), the other bits clear; AnyByteIn: whether one does. Each byte's low
// seven bits plus a constant set its high bit exactly when they reach lo (or pass hi), with no carry
// into the next byte.
inline uint64_t BytesIn(uint64_t w, uint8_t lo, uint8_t hi) {
  const uint64_t low7 = w & ~kHighBits;
  const uint64_t reaches_lo = low7 + kOnes * (0x80 - lo);
  const uint64_t passes_hi = low7 + kOnes * (0x7f - hi);
  return reaches_lo & ~passes_hi & ~w & kHighBits;
}
inline bool AnyByteIn(uint64_t w, uint8_t lo, uint8_t hi) { return BytesIn(w, lo, hi) != 0; }

// The high bit of each of the eight bytes of `w` equal to `b` (any byte value), the other bits clear:
// a byte's low seven bits plus 0x7f set its high bit exactly when they are not all clear, with no
// carry into the next byte.
inline uint64_t BytesEqual(uint64_t w, uint8_t b) {
  const uint64_t x = w ^ (kOnes * b);
  return ~(((x & ~kHighBits) + ~kHighBits) | x) & kHighBits;
}

// How many of the eight bytes of `marks` have their high bit set, where no other bit is (the masks
// BytesIn and BytesEqual return): the eight bits moved to the low bit of each byte and summed into the
// top byte by one multiply (at most 8, no carry). Without -mpopcnt, __builtin_popcountll is a call
// into libgcc.
inline unsigned CountMarks(uint64_t marks) { return static_cast<unsigned>(((marks >> 7) * kOnes) >> 56); }

}  // namespace esgaudit::bytes8

#endif  // ESGAUDIT_BYTES8_H_
