// UTF-8 helpers for rule authors, header-only over Boost.Locale's header-only utf_traits (plugins
// link no Unicode library of their own). Document text is valid UTF-8 (the host decodes and
// validates it), so these never see ill-formed input from the host; they still never loop or read
// past the end on it.
#ifndef ESGAUDIT_TEXT_H_
#define ESGAUDIT_TEXT_H_

#include <boost/locale/utf.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace esgaudit::sdk {

// The code point starting at s[*i]; advances *i past it. An ill-formed byte reads as itself
// (one byte). REQUIRES: *i < s.size().
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
  // ASCII, and a three-byte sequence led by E1-EC, EE or EF with both continuation bytes (such a lead
  // has no overlong form and no surrogate), read at once: utf_traits' decode reads them the same.
  const auto* u = reinterpret_cast<const unsigned char*>(s.data()) + *i;
  if (u[0] < 0x80) {
    ++*i;
    return u[0];
  }
  if (u[0] >= 0xE1 && u[0] != 0xED && u[0] <= 0xEF && s.size() - *i >= 3 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80) {
    *i += 3;
    return (static_cast<char32_t>(u[0] & 0x0F) << 12) | (static_cast<char32_t>(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  }
  const char* p = s.data() + *i;
  const char* begin = p;
  boost::locale::utf::code_point c = boost::locale::utf::utf_traits<char>::decode(p, s.data() + s.size());
  if (c == boost::locale::utf::illegal || c == boost::locale::utf::incomplete) {
    return static_cast<unsigned char>(s[(*i)++]);
  }
  *i += static_cast<size_t>(p - begin);
  return static_cast<char32_t>(c);
}

// The start of the code point that ends just before s[i]. REQUIRES: 0 < i <= s.size().
inline size_t PrevCodePointStart(std::string_view s, size_t i) {
  size_t j = i - 1;
  while (j > 0 && boost::locale::utf::utf_traits<char>::is_trail(s[j])) --j;
  return j;
}

// The bytes of `s` that are no UTF-8 continuation byte (10xxxxxx). Eight bytes are read at a time:
// a continuation byte is one whose top bit is set and whose next bit is not, and each lane of `acc`
// counts them for at most 31 words, so that no lane carries into the next before the lanes are
// summed (the counting loop byte by byte cost two instructions a byte; the layout heuristics call
// this on every line and cell of a report many times).
inline size_t CodePointCount(std::string_view s) {
  const char* p = s.data();
  size_t left = s.size();
  size_t trail = 0;
  while (left >= 8) {
    const size_t words = std::min<size_t>(left / 8, 31);
    uint64_t acc = 0;
    for (size_t i = 0; i < words; ++i) {
      uint64_t w;
      std::memcpy(&w, p + 8 * i, 8);
      acc += (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
    }
    trail += static_cast<size_t>((acc * 0x0101010101010101ull) >> 56);  // the lanes' sum, at most 248
    p += 8 * words;
    left -= 8 * words;
  }
  for (size_t i = 0; i < left; ++i) trail += boost::locale::utf::utf_traits<char>::is_trail(p[i]) ? 1 : 0;
  return s.size() - trail;
}

// CJK Unified Ideographs (with extension A and the supplementary planes) and compatibility ideographs.
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

// Han ideographs of the BMP (CJK Unified Ideographs with extension A, compatibility ideographs):
// the range the layout heuristics were tuned on (letter-spacing, TOC entries, side banners).
inline bool IsCjk(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

inline bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }

// s.find(part) != npos. A part of two or more bytes is looked for by its last byte: in UTF-8 that is
// a continuation byte, spread over 64 values, where a Han character's lead byte (E4-E9 for most)
// recurs every few bytes of Chinese text and stops a search by the first byte at each. At each
// candidate the first byte is compared inline, and so is the middle byte of a part of three (a Han
// character): the memcmp call, for the middle of longer parts only, cost more than the compare.
inline bool Contains(std::string_view s, std::string_view part) {
  if (part.size() < 2) return s.find(part) != std::string_view::npos;
  if (part.size() > s.size()) return false;
  const size_t last = part.size() - 1;
  const char* end = s.data() + s.size();
  for (const char* p = s.data() + last; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, part[last], static_cast<size_t>(end - p)));
    if (p == nullptr) return false;
    const char* q = p - last;
    if (q[0] != part[0]) continue;
    if (last == 1 || (last == 2 ? q[1] == part[1] : std::memcmp(q + 1, part.data() + 1, last - 1) == 0)) return true;
  }
  return false;
}

// s.rfind(part): the offset of the last `part` in `s`; npos when none, s.size() when `part` is empty.
// A compare is called only where the first byte matches: std::string's rfind calls one at every
// offset, which costs more than the search on labels and clauses.
inline size_t RFind(std::string_view s, std::string_view part) {
  if (part.size() > s.size()) return std::string_view::npos;
  if (part.empty()) return s.size();
  for (size_t i = s.size() - part.size() + 1; i-- > 0;) {
    if (s[i] == part[0] && s.substr(i + 1, part.size() - 1) == part.substr(1)) return i;
  }
  return std::string_view::npos;
}

inline bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts) {
    if (Contains(s, p)) return true;
  }
  return false;
}

// `s` without leading and trailing spaces and tabs.
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// *out = AsciiLower(s), in the storage *out already has.
inline void AsciiLowerInto(std::string_view s, std::string* out) {
  out->assign(s.data(), s.size());
  // Every byte written, a select rather than a branch: the loop vectorises.
  for (char& c : *out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// ASCII letters lower-cased; every other byte (UTF-8 included) unchanged.
inline std::string AsciiLower(std::string_view s) {
  std::string out;
  AsciiLowerInto(s, &out);
  return out;
}

// AsciiLower(s) == lower, without building the lower-cased copy.
inline bool AsciiLowerEquals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != lower[i]) return false;
  }
  return true;
}

// Calls f(code_point, byte_offset) for each code point of `s`.
template <typename F>
void ForEachCodePoint(std::string_view s, F f) {
  for (size_t i = 0; i < s.size();) {
    size_t at = i;
    char32_t c = NextCodePoint(s, &i);
    f(c, at);
  }
}

// Whether a code point of `s`, read as NextCodePoint reads them, is CJK (IsCjk). Each such code
// point is a well-formed three-byte sequence led by E3-E9 or EF, and NextCodePoint reaches every
// lead byte (a well-formed sequence holds none after its first byte; an ill-formed byte is passed
// alone), so the leads are tested where they stand and words of eight ASCII bytes are passed at once
// (the code point walk decoded every byte of the English lines the layout passes ask about).
inline bool HasCjk(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i + 2 < n;) {
    uint64_t w;
    if (i + 8 <= n && (std::memcpy(&w, p + i, 8), (w & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    const unsigned char b = p[i];
    if (((b >= 0xE3 && b <= 0xE9) || b == 0xEF) && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80 &&
        IsCjk((static_cast<char32_t>(b & 0x0F) << 12) | (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) |
              (p[i + 2] & 0x3F))) {
      return true;
    }
    ++i;
  }
  return false;
}

// Characters that make a number before them a quantity or a date, not a list or page number
// ("3年", "12月", "740人", "5万").
inline bool IsUnitChar(char32_t cp) {
  static const std::u32string_view k =
      U"年月日号个人次家项万亿元吨件名位台套季期届批类级条款章节倍成户亩座所支场部只辆架千百%";
  return k.find(cp) != std::u32string_view::npos;
}

// A heading's text without its decoration: Markdown '#', bullets (also any arrow, geometric shape,
// miscellaneous symbol or dingbat), numbering ("一、", "(一)", "1.",
// "1.1", "第一章", "01", "附录一:"), trailing colon. Works on the matching view (ASCII brackets).
inline std::string_view HeadingText(std::string_view s) {
  s = Trim(s);
  // Views, not C strings: each would be measured (strlen) on every pass of every heading.
  static constexpr std::string_view kBullets[] = {"■", "□", "◆", "◇", "●", "○", "▲", "►", "▶", "★",
                                                  "☆", "•", "·", "?", "-", "*", "—", "|", "#", ">"};
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  // The first bytes of kBullets: '#', '*', '-', '>', '?', '|', C2 (·) and E2 (the others).
  auto bullet_lead = [](unsigned char b) {
    return b == '#' || b == '*' || b == '-' || b == '>' || b == '?' || b == '|' || b == 0xC2 || b == 0xE2;
  };
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    // Only a text opening with a bullet's first byte can lose one in this pass (it changes only
    // where one is dropped): most text opens otherwise, and the list is not walked.
    if (!s.empty() && bullet_lead(static_cast<unsigned char>(s[0]))) {
      for (std::string_view bv : kBullets) {
        // The first byte first (no bullet is empty): the compare is a call.
        if (!s.empty() && s[0] == bv[0] && s.substr(0, bv.size()) == bv) {
          s = Trim(s.substr(bv.size()));
          changed = true;
        }
      }
    }
    // Any other pictographic bullet ("♦", "❖", "➤", "◎"): arrows, geometric shapes, miscellaneous
    // symbols and dingbats carry no words of a heading.
    if (!s.empty()) {
      size_t i = 0;
      const char32_t c = NextCodePoint(s, &i);
      if ((c >= 0x2190 && c <= 0x21FF) || (c >= 0x25A0 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF)) {
        s = Trim(s.substr(i));
        changed = true;
        continue;
      }
    }
    size_t d = 0;
    while (d < s.size() && ((s[d] >= '0' && s[d] <= '9') || s[d] == '.')) ++d;
    if (d > 0 && d < s.size()) {
      std::string_view rest = s.substr(d);
      if (rest.substr(0, 3) == "、") rest.remove_prefix(3);
      size_t i = 0;
      char32_t next = rest.empty() ? 0 : NextCodePoint(rest, &i);
      if (!IsUnitChar(next) && d <= 5) {
        s = Trim(rest);
        changed = true;
        continue;
      }
    }
    // An export's anchor before a Markdown title ("## [report-2022-7] Our approach"): one bracketed
    // token with a digit and no space.
    if (s.size() > 2 && s.front() == '[') {
      size_t close = s.find(']');
      std::string_view id = close == std::string_view::npos ? std::string_view() : s.substr(1, close - 1);
      if (close <= 64 && !id.empty() && id.find(' ') == std::string_view::npos &&
          id.find_first_of("0123456789") != std::string_view::npos) {
        s = Trim(s.substr(close + 1));
        changed = true;
        continue;
      }
    }
    if (s.size() > 2 && s.front() == '(') {
      size_t close = s.find(')');
      if (close != std::string_view::npos && close <= 10) {
        s = Trim(s.substr(close + 1));
        changed = true;
        continue;
      }
    }
    // Every numeral is one Han character (3 bytes): the "、" after it is tested first, by bytes, and
    // the list is walked only where it stands (as with the bullets, nothing changes before a match).
    auto comma_after_numeral = [&s] { return s.size() >= 6 && s[3] == '\xE3' && s[4] == '\x80' && s[5] == '\x81'; };
    if (comma_after_numeral()) {
      for (std::string_view nv : kNumerals) {
        if (comma_after_numeral() && s.substr(0, nv.size()) == nv) {
          s = Trim(s.substr(nv.size() + 3));
          changed = true;
        }
      }
    }
    if (!s.empty() && s[0] == '\xE9' && s.substr(0, 6) == "附录") {  // the first byte first, as above
      size_t colon = s.find(':');
      if (colon != std::string_view::npos && colon <= 12) {
        s = Trim(s.substr(colon + 1));
        changed = true;
        continue;
      }
    }
    if (!s.empty() && s[0] == '\xE7' && s.substr(0, 3) == "第") {
      for (std::string_view unit : {"章", "部分", "篇"}) {
        size_t u = s.find(unit);
        if (u != std::string_view::npos && u <= 12) {
          s = Trim(s.substr(u + unit.size()));
          changed = true;
          break;
        }
      }
    }
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

}  // namespace esgaudit::sdk

#endif  // ESGAUDIT_TEXT_H_
