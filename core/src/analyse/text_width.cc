#include "analyse/text_width.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <atomic>
#include <cstdint>
#include <cstring>

namespace esgaudit {
namespace {

// ICU's answer for each code point of the Basic Multilingual Plane once asked, plus one (0: not
// asked yet): full-width punctuation and digits recur thousands of times in a Chinese report, and
// each answer took two or three property look-ups. Any thread may fill an entry; each only ever
// holds the one answer for its code point, so relaxed loads and stores suffice.
class BmpAnswers {
 public:
  template <typename Ask>
  uint32_t Get(int32_t c, Ask ask) {
    if (c < 0 || c >= 0x10000) return ask(c);
    std::atomic<uint8_t>& known = answers_[c];
    const uint8_t v = known.load(std::memory_order_relaxed);
    if (v != 0) return v - 1u;
    const uint32_t a = ask(c);
    known.store(static_cast<uint8_t>(a + 1), std::memory_order_relaxed);
    return a;
  }

 private:
  std::atomic<uint8_t> answers_[0x10000];  // zero-initialized: static storage only
};

BmpAnswers width_answers;
BmpAnswers han_script_answers;

uint32_t IcuWidth(int32_t c) {
  int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

uint32_t IcuHanScript(int32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_HAN ? 1 : 0;
}

}  // namespace

uint32_t CodePointWidth(int32_t c) {
  if (c < 0x20) return 0;
  if (c < 0x7f) return 1;
  // CJK Unified Ideographs and extension A, most of a Chinese report: wide letters (East Asian
  // Width W, assigned or not) without asking ICU twice per character.
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return 2;
  return width_answers.Get(c, IcuWidth);
}

uint32_t TextWidth(std::string_view utf8, uint32_t start_column) {
  uint32_t col = start_column;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  while (i < n) {
    // Printing ASCII and DEL (width 1 each, as CodePointWidth gives), and well-formed three-byte
    // sequences of U+4E00-9FFF (lead bytes E4 with a second byte from B8 on, E5-E9: width 2), the
    // bulk of a report, without the general decode.
    if (s[i] >= 0x20 && s[i] < 0x80) {
      ++col;
      ++i;
      // The run goes on eight bytes at a time while a word holds printing ASCII only: no byte with its
      // high bit set, none below 0x20 (subtracting 0x20 from each byte sets the high bit of the lowest
      // byte below 0x20, and of none when there is none: a borrow comes only from such a byte).
      uint64_t w;
      while (i + 8 <= n && (std::memcpy(&w, s + i, 8),
                            ((w | ((w - 0x2020202020202020ull) & ~w)) & 0x8080808080808080ull) == 0)) {
        col += 8;
        i += 8;
      }
      continue;
    }
    if (s[i] >= 0xe4 && s[i] <= 0xe9 && i + 2 < n && (s[i + 1] & 0xc0) == 0x80 && (s[i + 2] & 0xc0) == 0x80 &&
        (s[i] != 0xe4 || s[i + 1] >= 0xb8)) {
      col += 2;
      i += 3;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c == '\t') {
      col = (col / 8 + 1) * 8;
    } else if (c < 0) {
      col += 1;
    } else {
      col += CodePointWidth(c);
    }
  }
  return col - start_column;
}

namespace {
// U+3400-4DBF and U+4E00-9FFF: every code point of both blocks is assigned to the Han script.
bool InHanBlocks(int32_t c) { return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf); }
}  // namespace

bool IsHanScript(int32_t c) {
  if (c < 0x2e80) return false;  // the first Han code point is U+2E80 (CJK Radicals Supplement)
  if (InHanBlocks(c)) return true;
  return han_script_answers.Get(c, IcuHanScript) != 0;
}

bool IsCjk(int32_t c) {
  if (c < 0x2e80) return false;
  if (InHanBlocks(c)) return true;
  if (c >= 0xff01 && c <= 0xff5e) return false;  // full-width ASCII variants fold to ASCII
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
      script == USCRIPT_HANGUL) {
    return true;
  }
  int ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH;
}

}  // namespace esgaudit
