#include "analyse/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "analyse/text_width.h"

namespace esgaudit {
namespace {

bool IsBlank(UChar32 c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xa0; }
bool IsDigit(UChar32 c) { return (c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19); }

// Decodes the code point at `i`; returns it (or U+FFFD for an ill-formed byte) and advances `i`.
UChar32 Next(std::string_view s, int32_t* i) {
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), *i, static_cast<int32_t>(s.size()), c);
  return c < 0 ? 0xfffd : c;
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

  auto emit = [&](std::string_view bytes, int32_t source) {
    for (char b : bytes) {
      out.view.push_back(b);
      out.view_to_text.push_back(static_cast<uint32_t>(source));
    }
  };

  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = Next(text, &i);
    if (IsBlank(c)) {
      // Measure the whole run, then decide whether it is letter-spacing.
      int32_t end = i;
      uint32_t width = CodePointWidth(c == '\t' ? ' ' : c);
      UChar32 next = 0;
      while (end < n) {
        int32_t probe = end;
        UChar32 d = Next(text, &probe);
        if (!IsBlank(d)) {
          next = d;
          break;
        }
        width += CodePointWidth(d == '\t' ? ' ' : d);
        end = probe;
      }
      // A tab separates table cells (tab-separated extractions): never letter-spacing.
      const bool has_tab = std::string_view(text.data() + start, end - start).find('\t') != std::string_view::npos;
      const bool spacing = !has_tab && width < 4 &&
                           ((IsCjk(prev) && (IsCjk(next) || IsDigit(next))) || (IsDigit(prev) && IsCjk(next)));
      for (int32_t k = start; k < end; ++k) out.text_to_view[k] = static_cast<uint32_t>(out.view.size());
      if (!spacing) {
        int32_t k = start;
        while (k < end) {
          int32_t from = k;
          emit(Next(text, &k) == '\t' ? "\t" : " ", from);
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
    if (c < 0x80 || nfkc->isInert(c)) {
      emit(text.substr(start, i - start), start);
    } else {
      icu::UnicodeString folded;
      status = U_ZERO_ERROR;
      nfkc->normalize(icu::UnicodeString(c), folded, status);
      std::string utf8;
      folded.toUTF8String(utf8);
      emit(U_SUCCESS(status) ? std::string_view(utf8) : text.substr(start, i - start), start);
    }
    prev = c;
  }
  out.text_to_view[text.size()] = static_cast<uint32_t>(out.view.size());
  out.view_to_text.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

}  // namespace esgaudit
