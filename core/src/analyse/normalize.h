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

// NFKC per code point; Traditional Han folded to Simplified (1:1 only); CR dropped; runs of spaces (no tab: tabs separate table cells) narrower than
// 4 columns between a CJK character and a CJK character or digit (either order) dropped
// (letter-spaced headings, "2020 年").
// Unambiguous text-recognition confusions are folded (贵任/资任 -> 责任 where no word starting with 任
// follows, 俳放 -> 排放, 拔备 -> 拨备, GR丨 -> GRI, 31曰 -> 31日, 曰常 -> 日常, 坏境 -> 环境 except after 破/损/毁/败,
// 増 -> 增); see FoldOcr.
// Line feeds and form feeds are kept, so line structure survives.
MatchView BuildMatchView(std::string_view text);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_ANALYSE_NORMALIZE_H_
