// Display width of Unicode text as a terminal or a monospaced PDF layout shows it.
#ifndef ESGAUDIT_CORE_ANALYSE_TEXT_WIDTH_H_
#define ESGAUDIT_CORE_ANALYSE_TEXT_WIDTH_H_

#include <cstdint>
#include <string_view>

namespace esgaudit {

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
