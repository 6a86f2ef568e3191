// UTF-8 helpers for rule authors, header-only over Boost.Locale's header-only utf_traits (plugins
// link no Unicode library of their own). Document text is valid UTF-8 (the host decodes and
// validates it), so these never see ill-formed input from the host; they still never loop or read
// past the end on it.
#ifndef ESGAUDIT_TEXT_H_
#define ESGAUDIT_TEXT_H_

#include <boost/locale/utf.hpp>

#include <cstddef>
#include <string_view>

namespace esgaudit::sdk {

// The code point starting at s[*i]; advances *i past it. An ill-formed byte reads as itself
// (one byte). REQUIRES: *i < s.size().
inline char32_t NextCodePoint(std::string_view s, size_t* i) {
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

inline size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += boost::locale::utf::utf_traits<char>::is_trail(c) ? 0 : 1;
  return n;
}

// CJK Unified Ideographs (with extension A and the supplementary planes) and compatibility ideographs.
inline bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}

}  // namespace esgaudit::sdk

#endif  // ESGAUDIT_TEXT_H_
