#include "analyse/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <vector>
#include <string>
#include <string_view>
#include <unordered_map>

#include <esgaudit/bytes8.h>
#include "analyse/text_width.h"

namespace esgaudit {
namespace {

bool IsBlank(UChar32 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xa0; }
bool IsDigit(UChar32 c) { return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19); }
// An ASCII byte that BuildMatchView copies as it is: not a blank, CR, LF or FF.
bool IsPlainAscii(char b) {
  const auto u = static_cast<unsigned char>(b);
  return u < 0x80 && u != ' ' && u != '\t' && u != '\r' && u != '\n' && u != '\f';
}

// U+3400-4DBF and U+4E00-9FFF: every code point of both blocks is assigned to the Han script.
bool InHanBlocks(UChar32 c) { return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf); }
// The range counted per code point: both blocks and the 64 code points between them.
constexpr UChar32 kHanBlocksBegin = 0x3400;
constexpr UChar32 kHanBlocksEnd = 0xa000;

// The code point of a well-formed three-byte sequence at `i` led by E3-E9 (U+3000-9FFF), or 0:
// anything else, an ill-formed or cut-off sequence included. Lead bytes E3-E9 have no overlong or
// surrogate forms, so two continuation bytes make the sequence well-formed.
UChar32 ThreeByteE3E9At(std::string_view s, int32_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  if (static_cast<size_t>(i) + 3 > s.size()) return 0;
  const uint32_t lead = p[0] - 0xe3u;  // wraps below E3
  const uint32_t b1 = p[1] ^ 0x80u;
  const uint32_t b2 = p[2] ^ 0x80u;
  if (lead > 6 || (b1 | b2) > 0x3f) return 0;
  return static_cast<UChar32>(((lead + 3) << 12) | (b1 << 6) | b2);
}

// The code point at `i` if it is a well-formed sequence in the Han blocks U+3400-4DBF and
// U+4E00-9FFF (where IsHan holds for every code point), else 0.
UChar32 HanBlockAt(std::string_view s, int32_t i) {
  const UChar32 c = ThreeByteE3E9At(s, i);
  return InHanBlocks(c) ? c : 0;
}

// Decodes the code point at `i`; returns it (or U+FFFD for an ill-formed byte) and advances `i`.
UChar32 Next(std::string_view s, int32_t* i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), *i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xfffd : c;
}

// ICU's Traditional-Simplified fold of one Han code point (U+3400 up), one code point to one code
// point only, so Hong Kong / Taiwan editions match the same patterns. The table is made at build
// time from the linked ICU (han_folds_gen), each code point folded alone.
struct HanFold {
  UChar32 from;
  const char* to;  // UTF-8
};
constexpr HanFold kHanFolds[] = {
#include "han_folds.inc"
};

// The Simplified form of Han code point `c` as UTF-8, or "" when it has none.
std::string_view SimplifiedForm(UChar32 c) {
  const auto it = std::lower_bound(std::begin(kHanFolds), std::end(kHanFolds), c,
                                   [](const HanFold& f, UChar32 x) { return f.from < x; });
  return it != std::end(kHanFolds) && it->from == c ? std::string_view(it->to) : std::string_view();
}

}  // namespace

const std::vector<HanScriptPair>& HanScriptPairs() {
  static const std::vector<HanScriptPair> pairs = [] {
    static constexpr std::u32string_view kTraditional =
        U"們個這與為會發經對業產國報環權員務實組織際關說時來於從區專東門長開間體點過還進運選響類"
        U"動資責設電機項應規標營現質職創續計學團證訓場數險況溫氣議別參裝稅驅雜細轉將難錄鄉態陝晉奧興";
    static constexpr std::u32string_view kSimplified =
        U"们个这与为会发经对业产国报环权员务实组织际关说时来于从区专东门长开间体点过还进运选响类"
        U"动资责设电机项应规标营现质职创续计学团证训场数险况温气议别参装税驱杂细转将难录乡态陕晋奥兴";
    static_assert(kTraditional.size() == kSimplified.size());
    std::vector<HanScriptPair> out;
    for (size_t k = 0; k < kTraditional.size(); ++k) out.push_back({kTraditional[k], kSimplified[k]});
    return out;
  }();
  return pairs;
}

bool ReadsAsTraditional(uint64_t traditional, uint64_t simplified) {
  return traditional >= kMinTraditionalForms && traditional > simplified;
}

bool ReadsAsJapanese(uint64_t kana, uint64_t han) { return kana >= kMinKana && kana * 4 >= han; }

namespace {

bool IsHan(UChar32 c) { return c >= 0x3400 && IsHanScript(c); }

// Confusions of Chinese text recognition that are unambiguous in context: the misread character
// `bad` reads as `good` when the code point before it is `before` or the one after it is `after`
// (0: no condition on that side). Each pair below is not a word of its own, so folding it never
// changes a correctly printed text.
struct OcrFold {
  UChar32 bad;
  UChar32 good;
  UChar32 before;
  UChar32 after;
};
constexpr OcrFold kOcrFolds[] = {
    {U'俳', U'排', 0, U'放'},  // 俳放 -> 排放
    {U'拔', U'拨', 0, U'备'},  // 拔备 -> 拨备 (拨备覆盖率)
    {U'丨', U'I', U'R', 0},    // GR丨 -> GRI
    {U'干', U'千', 0, U'瓦'},  // 干瓦 -> 千瓦 (千瓦时, 万千瓦)
    // 屮, an old form of 艸 kept as a radical, stands in extracted reports only for 中 (人员屮, 集屮采购).
    {U'屮', U'中', 0, 0},
};

// 贵任 and 资任 are no words, but 贵 and 资 end words (宝贵, 投资) that a word starting with 任 may
// follow (投资任务, 宝贵任何): those stay; after 社会 the pair is always 责任.
bool StartsARenWord(UChar32 next) {
  static const std::u32string kSecond = U"务何命职期意用免教课选性凭由一人重";
  return next != 0 && kSecond.find(static_cast<char32_t>(next)) != std::u32string::npos;
}

// Whether FoldOcr below may change `c` (the `bad` of kOcrFolds, 贵, 资, 曰, 坏, 増, 歴); it returns any
// other unchanged. Asked of every Han character of a report.
bool IsOcrFolded(UChar32 c) {
  switch (c) {
    case U'俳': case U'拔': case U'丨': case U'干': case U'屮': case U'贵': case U'资': case U'曰': case U'坏':
    case U'増': case U'歴':
      return true;
    default:
      return false;
  }
}

// The code points ThreeByteE3E9At reads (U+3000-9FFF), each marked 1 where a run of BuildMatchView
// stops before it: outside the Han blocks, or a character FoldOcr may change. A text's folded
// characters are marked in a copy.
constexpr UChar32 kRunStopsBegin = 0x3000;
using RunStops = std::vector<uint8_t>;
const RunStops& BaseRunStops() {
  static const RunStops stops = [] {
    RunStops s(static_cast<size_t>(kHanBlocksEnd - kRunStopsBegin), 0);
    for (UChar32 c = kRunStopsBegin; c < kHanBlocksEnd; ++c) {
      s[static_cast<size_t>(c - kRunStopsBegin)] = !InHanBlocks(c) || IsOcrFolded(c);
    }
    return s;
  }();
  return stops;
}

// The folded code point for `c` between `before` and `after` (then `after2`), or `c`.
UChar32 FoldOcr(UChar32 before, UChar32 c, UChar32 after, UChar32 after2) {
  if ((c == U'贵' || c == U'资') && after == U'任' && (before == U'会' || !StartsARenWord(after2))) return U'责';
  for (const OcrFold& f : kOcrFolds) {
    if (f.bad == c && (f.before == 0 || f.before == before) && (f.after == 0 || f.after == after)) {
      return f.good;
    }
  }
  // 曰 (to say) for 日 (day) after a digit: "12月31曰". A digit never precedes the word 曰, and 曰 never
  // opens 常, 本, 期, 报, 益 (日常, 日本, 日期, 日报, 日益: 83, 13, 13, 12 and 11 times in the corpus).
  static const std::u32string kDayWords = U"常本期报益";
  if (c == U'曰' && (IsDigit(before) || (after != 0 && kDayWords.find(static_cast<char32_t>(after)) != std::u32string::npos)))
    return U'日';
  // 坏境 for 环境 (38 times in the corpus), except where 坏 ends 破坏, 损坏, 毁坏, 败坏 before 境内/境外.
  static const std::u32string kBreak = U"破损毁败";
  if (c == U'坏' && after == U'境' && kBreak.find(static_cast<char32_t>(before)) == std::u32string::npos) return U'环';
  // 干克 for 千克 after a figure or before a per-unit slash ("5干克", "干克/吨"); 苦干克难 stays.
  if (c == U'干' && after == U'克' && (IsDigit(before) || after2 == U'/')) return U'千';
  // 増 is the Japanese form of 增; Chinese text has it only where recognition confused the two.
  if (c == U'増') return U'增';
  // 歴 is the Japanese form of 歷 (历), which ICU's Traditional-Simplified fold leaves as it is: it
  // reaches Chinese text through recognition or a Japanese font (歴年, 學歴, 歴史).
  if (c == U'歴') return U'历';
  return c;
}

}  // namespace

MatchView BuildMatchView(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  MatchView out;
  out.view.reserve(text.size());
  out.view_to_text.reserve(text.size() + 1);
  out.text_to_view.assign(text.size() + 1, 0);
  const int32_t n = static_cast<int32_t>(text.size());
  UChar32 prev = 0;  // previous non-blank code point on this line, 0 at a line start
  // Whether the text reads as Traditional: then every Han character is folded (SimplifiedForm).
  bool traditional = false;
  // The characters of the Han blocks (below U+A000) that fold to Simplified: in a text read as
  // Traditional every one ICU folds (SimplifiedForm); in a
  // Simplified text only the Traditional forms of HanScriptPairs() (a recognised 會 in 社會责任),
  // written in no Simplified text, so nothing it writes changes (显著 stays). Empty: none occurs.
  std::vector<bool> folds;
  // BaseRunStops() with the characters of `folds` marked too, where there are any.
  const RunStops* run_stops = &BaseRunStops();
  RunStops text_run_stops;
  // The Simplified form of each Traditional form of HanScriptPairs(), as UTF-8.
  static const std::unordered_map<UChar32, std::string> kPairFolds = [] {
    std::unordered_map<UChar32, std::string> m;
    for (const HanScriptPair& p : HanScriptPairs()) {
      char buf[U8_MAX_LENGTH];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(p.simplified));
      m[static_cast<UChar32>(p.traditional)] = std::string(buf, static_cast<size_t>(len));
    }
    return m;
  }();
  {
    // Occurrences of each code point of the Han blocks (most of a Chinese text; the script
    // decision weighs them), and the other Han code points (U+3007, compatibility ideographs,
    // extension B and beyond: rare).
    std::vector<uint32_t> counts(kHanBlocksEnd - kHanBlocksBegin, 0);
    uint64_t han_count = 0;
    uint64_t kana = 0;
    for (int32_t k = 0; k < n;) {
      if (static_cast<unsigned char>(text[k]) < 0x80) {  // ASCII: one byte, never Han
        ++k;
        while (k + 8 <= n && (bytes8::Load8(text.data() + k) & bytes8::kHighBits) == 0) k += 8;  // eight at a time
        continue;
      }
      if (const UChar32 h = HanBlockAt(text, k)) {  // no decode call
        ++counts[static_cast<size_t>(h - kHanBlocksBegin)];
        ++han_count;
        k += 3;
        continue;
      }
      UChar32 c = Next(text, &k);
      if (c >= 0x3400 && IsHan(c)) {
        ++han_count;
      } else if ((c >= 0x3040 && c < 0x3100) || (c >= 0x31f0 && c < 0x3200) || (c >= 0xff66 && c < 0xffa0)) {
        // The kana blocks (half-width katakana included); the script property leaves out the
        // marks both scripts share (ー, ゛).
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        kana += script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
      }
    }
    const bool japanese = ReadsAsJapanese(kana, han_count);
    uint64_t traditional_forms = 0;
    uint64_t simplified_forms = 0;
    for (const HanScriptPair& p : HanScriptPairs()) {
      traditional_forms += counts[p.traditional - kHanBlocksBegin];
      simplified_forms += counts[p.simplified - kHanBlocksBegin];
    }
    traditional = !japanese && ReadsAsTraditional(traditional_forms, simplified_forms);
    if (japanese) {
      // No fold: its kanji are its own forms.
    } else if (traditional) {
      folds.assign(0xa000, false);
      text_run_stops = BaseRunStops();
      for (const HanFold& f : kHanFolds) {
        if (f.from < 0xa000) {
          folds[static_cast<size_t>(f.from)] = true;
          text_run_stops[static_cast<size_t>(f.from - kRunStopsBegin)] = 1;
        }
      }
      run_stops = &text_run_stops;
    } else {
      for (const HanScriptPair& p : HanScriptPairs()) {
        if (counts[p.traditional - kHanBlocksBegin] == 0) continue;
        if (folds.empty()) {
          folds.assign(0xa000, false);
          text_run_stops = BaseRunStops();
          run_stops = &text_run_stops;
        }
        folds[p.traditional] = true;
        text_run_stops[p.traditional - kRunStopsBegin] = 1;
      }
    }
  }

  // The NFKC form of each code point normalized so far (its UTF-8), and whether ICU succeeded.
  struct Nfkc {
    bool ok;
    std::string utf8;
  };
  std::unordered_map<UChar32, Nfkc> nfkc_of;

  // Each byte of `bytes` into the view, all mapped back to `source`.
  auto emit = [&](std::string_view bytes, int32_t source) {
    // Most are one code point (a line end, a folded mark, a character): pushed byte by byte, where
    // the calls of append and insert cost more than the copy.
    if (bytes.size() <= 4) {
      for (char b : bytes) {
        out.view.push_back(b);
        out.view_to_text.push_back(static_cast<uint32_t>(source));
      }
      return;
    }
    out.view.append(bytes.data(), bytes.size());
    out.view_to_text.insert(out.view_to_text.end(), bytes.size(), static_cast<uint32_t>(source));
  };

  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    // A run of ASCII bytes other than blanks, CR, LF and FF goes into the view as it is, each byte
    // its own code point, as the per-code-point branches below would emit it. A single space between
    // two such bytes (most spaces of English text) joins the run: with no CJK character on either
    // side it is no letter-spacing, and the blank branch would keep it as it is, mapped to itself.
    if (IsPlainAscii(text[i])) {
      int32_t end = i + 1;
      for (;;) {
        // Eight bytes at a time while they hold nothing below a space or above 0x7f, no two spaces
        // in a row and no space last (its next byte lies beyond): each is then plain or a space
        // between plain bytes (a space first follows a plain byte: the run never holds two spaces
        // in a row).
        while (end + 8 <= n) {
          const uint64_t w = bytes8::Load8(text.data() + end);
          const uint64_t spaces = bytes8::BytesIn(w, ' ', ' ');
          if ((w & bytes8::kHighBits) != 0 || bytes8::AnyByteIn(w, 0, ' ' - 1) || (spaces & (spaces >> 8)) != 0 ||
              (spaces >> 56) != 0) {
            break;
          }
          end += 8;
        }
        if (end < n && (IsPlainAscii(text[end]) || (text[end] == ' ' && end + 1 < n && IsPlainAscii(text[end + 1])))) {
          ++end;
          continue;
        }
        break;
      }
      const uint32_t v = static_cast<uint32_t>(out.view.size());
      const size_t w = out.view_to_text.size();
      out.view_to_text.resize(w + static_cast<size_t>(end - start));
      uint32_t* back = out.view_to_text.data() + w - start;
      for (int32_t k = start; k < end; ++k) {
        out.text_to_view[k] = v + static_cast<uint32_t>(k - start);
        back[k] = static_cast<uint32_t>(k);
      }
      out.view.append(text.data() + start, static_cast<size_t>(end - start));
      prev = static_cast<unsigned char>(text[end - 1]);
      i = end;
      continue;
    }
    // A run of Han characters of the blocks, none of which FoldOcr may change nor the text's folds
    // (the characters `run_stops` leaves unmarked): into the view as they are, as the Han branch below
    // would emit them one by one (each byte of a character maps to the character's view offset;
    // each view byte back to the character's first byte).
    if (static_cast<unsigned char>(text[i]) >= 0xe3) {
      int32_t end = i;
      UChar32 last = 0;
      const uint8_t* stops = run_stops->data();
      for (UChar32 h; (h = ThreeByteE3E9At(text, end)) != 0 && stops[h - kRunStopsBegin] == 0; end += 3) last = h;
      if (end > i) {
        const uint32_t v = static_cast<uint32_t>(out.view.size());
        out.view.append(text.data() + start, static_cast<size_t>(end - start));
        const size_t w = out.view_to_text.size();
        out.view_to_text.resize(w + static_cast<size_t>(end - start));
        uint32_t* back = out.view_to_text.data() + w - start;
        for (int32_t k = start; k < end; k += 3) {
          const uint32_t at = v + static_cast<uint32_t>(k - start);
          out.text_to_view[k] = out.text_to_view[k + 1] = out.text_to_view[k + 2] = at;
          back[k] = back[k + 1] = back[k + 2] = static_cast<uint32_t>(k);
        }
        prev = last;
        i = end;
        continue;
      }
    }
    UChar32 c = Next(text, &i);
    if (IsBlank(c)) {
      // Measure the whole run, then decide whether it is letter-spacing.
      int32_t end = i;
      uint32_t width = CodePointWidth(c == '\t' ? ' ' : c);
      UChar32 next = 0;
      while (end < n) {
        if (text[end] == ' ' || text[end] == '\t') {  // width 1 each, as CodePointWidth(' ')
          ++width;
          ++end;
          continue;
        }
        int32_t probe = end;
        UChar32 d = Next(text, &probe);
        if (!IsBlank(d)) {
          next = d;
          break;
        }
        width += CodePointWidth(d);
        end = probe;
      }
      // A tab separates table cells (tab-separated extractions): never letter-spacing.
      const bool has_tab = std::string_view(text.data() + start, end - start).find('\t') != std::string_view::npos;
      const bool spacing = !has_tab && width < 4 &&
                           ((IsCjk(prev) && (IsCjk(next) || IsDigit(next))) || (IsDigit(prev) && IsCjk(next)));
      for (int32_t k = start; k < end; ++k) out.text_to_view[k] = static_cast<uint32_t>(out.view.size());
      if (!spacing) {
        // Each blank as one byte, a tab as a tab and every other (space, U+3000 and U+00A0, the only
        // blanks of two and three bytes) as a space, mapped back to the blank's first byte.
        for (int32_t k = start; k < end;) {
          const auto b = static_cast<unsigned char>(text[k]);
          out.view.push_back(b == '\t' ? '\t' : ' ');
          out.view_to_text.push_back(static_cast<uint32_t>(k));
          k += b < 0x80 ? 1 : b == 0xc2 ? 2 : 3;
        }
      }
      i = end;
      continue;
    }
    for (int32_t k = start; k < i; ++k) out.text_to_view[k] = static_cast<uint32_t>(out.view.size());
    if (c == '\r') continue;
    if (c == '\n' || c == '\f') {
      prev = 0;
      emit(text.substr(start, i - start), start);
      continue;
    }
    if (c < 0x80) {
      emit(text.substr(start, i - start), start);
    } else if (IsHan(c)) {
      // The two code points after are read only for the few that FoldOcr may change.
      UChar32 ocr = c;
      if (IsOcrFolded(c)) {
        int32_t probe = i;
        const UChar32 after = i < n ? Next(text, &probe) : 0;
        const UChar32 after2 = probe < n ? Next(text, &probe) : 0;
        ocr = FoldOcr(prev, c, after, after2);
      }
      if (ocr != c) {
        char buf[U8_MAX_LENGTH];
        int32_t len = 0;
        U8_APPEND_UNSAFE(buf, len, ocr);
        emit(std::string_view(buf, static_cast<size_t>(len)), start);
        prev = c;
        continue;
      }
      const std::string_view folded = traditional                                  ? SimplifiedForm(c)
                                  : c < 0xa000 && !folds.empty() && folds[c] ? kPairFolds.at(c)
                                                                               : std::string_view();
      emit(folded.empty() ? text.substr(start, i - start) : std::string_view(folded), start);
    } else if (nfkc->isInert(c)) {
      emit(text.substr(start, i - start), start);
    } else {
      // NFKC of one code point depends on nothing else: each code point is normalized once per text
      // (full-width punctuation and digits recur thousands of times in a Chinese report).
      auto known = nfkc_of.find(c);
      if (known == nfkc_of.end()) {
        icu::UnicodeString folded;
        status = U_ZERO_ERROR;
        nfkc->normalize(icu::UnicodeString(c), folded, status);
        std::string utf8;
        folded.toUTF8String(utf8);
        known = nfkc_of.emplace(c, Nfkc{U_SUCCESS(status) != 0, std::move(utf8)}).first;
      }
      emit(known->second.ok ? std::string_view(known->second.utf8) : text.substr(start, i - start), start);
    }
    prev = c;
  }
  out.text_to_view[text.size()] = static_cast<uint32_t>(out.view.size());
  out.view_to_text.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

}  // namespace esgaudit
