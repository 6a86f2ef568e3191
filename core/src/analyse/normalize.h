// The matching view of a text: what rules search, with maps back to the original offsets.
#ifndef ESGAUDIT_CORE_ANALYSE_NORMALIZE_H_
#define ESGAUDIT_CORE_ANALYSE_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit {

struct MatchView {
  std::string view;
  std::vector<uint32_t> view_to_text;  // size view.size() + 1; a view byte -> its source code point
  std::vector<uint32_t> text_to_view;  // size text.size() + 1; a text byte -> where it went
};

// NFKC per code point; in a text read as Traditional (ReadsAsTraditional), Traditional Han folded to
// Simplified (1:1 only), in any other the Traditional forms of HanScriptPairs() only (text
// recognition's 社會 in a Simplified report); CR dropped; runs of spaces (no tab: tabs separate table cells) narrower than
// 4 columns between a CJK character and a CJK character or digit (either order) dropped
// (letter-spaced headings, "2020 年").
// Unambiguous text-recognition confusions are folded (贵任/资任 -> 责任 where no word starting with 任
// follows, 俳放 -> 排放, 拔备 -> 拨备, GR丨 -> GRI, 31曰 -> 31日, 曰常 -> 日常, 坏境 -> 环境 except after 破/损/毁/败,
// 増 -> 增); see FoldOcr.
// Line feeds and form feeds are kept, so line structure survives.
MatchView BuildMatchView(std::string_view text);

// A character's Traditional and Simplified forms (國 / 国), each written in its own script only:
// ICU's Traditional-Simplified transliterator maps the first to the second and leaves the second
// as it is, Simplified-Traditional the reverse (NormalizeTest checks every pair against ICU). Both
// lie in U+3400-4DBF or U+4E00-9FFF.
struct HanScriptPair {
  char32_t traditional;
  char32_t simplified;
};

// Common characters of Chinese reports whose two forms differ, each form once: what
// BuildMatchView counts to decide a text's script, and the only characters it folds in a text read
// as Simplified.
const std::vector<HanScriptPair>& HanScriptPairs();

// The fewest occurrences of Traditional forms that make a text Traditional: fewer are a name or a
// quote (a Hong Kong entity in an English report), not the text's script.
constexpr uint64_t kMinTraditionalForms = 5;

// Whether a text in which the forms of HanScriptPairs() occur `traditional` and `simplified` times
// reads as Traditional Chinese, so that BuildMatchView folds its Traditional characters to
// Simplified: at least kMinTraditionalForms Traditional ones, and more of them than Simplified ones
// (a Simplified report naming a few Traditional entities stays Simplified: 显著 keeps its 著).
bool ReadsAsTraditional(uint64_t traditional, uint64_t simplified);

// Whether a text with `kana` code points of the Hiragana and Katakana scripts (ICU's script
// property) and `han` Han ones is Japanese: at least kMinKana of them, one or more per four Han
// characters. Japanese shares its kanji with Traditional Chinese (業, 員, 時 and the like are both),
// so its Han forms say nothing of a Chinese script; its kana, written in no Chinese text in
// quantity, do. A Chinese text naming a brand in katakana stays Chinese. BuildMatchView folds no Han
// character of a Japanese text.
constexpr uint64_t kMinKana = 20;
bool ReadsAsJapanese(uint64_t kana, uint64_t han);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_ANALYSE_NORMALIZE_H_
