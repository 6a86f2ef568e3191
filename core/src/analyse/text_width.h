// Display width of Unicode text as a terminal or a monospaced PDF layout shows it.
#ifndef ESGAUDIT_CORE_ANALYSE_TEXT_WIDTH_H_
#define ESGAUDIT_CORE_ANALYSE_TEXT_WIDTH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include <esgaudit/bytes8.h>

namespace esgaudit {

// The code point of a well-formed three-byte UTF-8 sequence at `p` (`left` bytes readable) whose
// lead byte is E1-EC, EE or EF, or 0 for anything else: ASCII, other lengths, the leads E0 and ED,
// a missing or bad continuation byte. Those leads have no overlong or surrogate forms, so such a
// sequence is U+1000-CFFF or U+E000-FFFF and every checked decoder (ICU's U8_NEXT, Boost.Locale's
// utf_traits) reads it so: a scan takes it at once (Han and CJK punctuation are all of this kind)
// and leaves everything else to its general decode.
inline char32_t PlainThreeByteAt(const unsigned char* p, size_t left) {
  if (left < 3 || p[0] < 0xe1 || p[0] > 0xef || p[0] == 0xed || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
    return 0;
  return (static_cast<char32_t>(p[0] & 0x0f) << 12) | (static_cast<char32_t>(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
}

// Reads `p` (`left` bytes) eight bytes at a time while all eight are ASCII, adds the ASCII letters
// (A-Z, a-z) among them to *letters, and returns how many bytes it read (a multiple of 8; 0 when the
// first eight hold a byte from 0x80 or fewer than eight are left). With 0x20 set (A-Z to a-z), a byte
// is a letter when adding 0x1F reaches 0x80 ('a' and above) and adding 0x05 does not ('z' and
// below); no sum passes 0xFF, so no carry reaches the next byte.
inline size_t CountAsciiLetterWords(const unsigned char* p, size_t left, size_t* letters) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  size_t i = 0;
  for (uint64_t w; i + 8 <= left && (std::memcpy(&w, p + i, 8), (w & kHigh) == 0); i += 8) {
    const uint64_t lower = w | 0x2020202020202020ULL;
    const uint64_t from_a = lower + 0x1f1f1f1f1f1f1f1fULL, after_z = lower + 0x0505050505050505ULL;
    *letters += bytes8::CountMarks(from_a & ~after_z & kHigh);
  }
  return i;
}

// Width of one code point: 2 for East Asian Wide/Fullwidth (ICU UCHAR_EAST_ASIAN_WIDTH), 0 for
// combining marks and format characters, 1 otherwise.
uint32_t CodePointWidth(int32_t c);

// Width of UTF-8 text starting at display column `start_column` (0-based; tabs advance to the next
// multiple of 8). Ill-formed bytes count as 1 each.
uint32_t TextWidth(std::string_view utf8, uint32_t start_column = 0);

// True for a code point of the Han script (ICU UCHAR_SCRIPT == USCRIPT_HAN). The CJK Unified
// Ideographs and extension A, most of a Chinese report, are answered without asking ICU.
bool IsHanScript(int32_t c);

// True for Han, Hiragana, Katakana, Hangul and East Asian wide punctuation (、。，：etc.).
bool IsCjk(int32_t c);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_ANALYSE_TEXT_WIDTH_H_
