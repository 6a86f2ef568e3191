// Literal pattern matching on the NFKC matching view, and short quotes for evidence.
#ifndef ESGAUDIT_PLUGINS_GRI_TEXT_MATCH_H_
#define ESGAUDIT_PLUGINS_GRI_TEXT_MATCH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit::gri {

// Finds `pattern` in `lower_line` (both ASCII-lower-cased). "a&b" needs every part somewhere in the
// line. A part starting with an ASCII letter or digit must start a word (no letter or digit before
// it). On success sets *pos/*len to the earliest part's match and returns true.
bool MatchPattern(std::string_view lower_line, std::string_view pattern, size_t* pos, size_t* len);

// The byte pairs of a text, hashed into 4,096 bits: a string none of whose pairs is missing may occur
// in the text, a string with a missing pair cannot (a sound filter before a search; strings of one
// byte have no pair and always may).
class BytePairs {
 public:
  static constexpr size_t kBits = 4096;
  static uint16_t Hash(char a, char b) {
    return static_cast<uint16_t>((static_cast<unsigned char>(a) * 31u + static_cast<unsigned char>(b)) % kBits);
  }
  // The hashes of `s`'s pairs, for MayHold.
  static std::vector<uint16_t> Of(std::string_view s);
  void Fill(std::string_view text);
  // Sets one hash (a set of hashes made without a text, as NeedWords' first pairs).
  void Add(uint16_t pair) { words_[pair >> 6] |= uint64_t{1} << (pair & 63); }
  bool Has(uint16_t pair) const { return ((words_[pair >> 6] >> (pair & 63)) & 1) != 0; }
  bool MayHold(const std::vector<uint16_t>& pairs) const {
    for (uint16_t h : pairs) {
      if (!Has(h)) return false;
    }
    return true;
  }
  // Calls f(pair) for each hash set both here and in `other`, in increasing order: a word of 64
  // hashes at a time, each common one found by its bit.
  template <typename F>
  void ForEachCommon(const BytePairs& other, F f) const {
    for (size_t w = 0; w < kWords; ++w) {
      for (uint64_t common = words_[w] & other.words_[w]; common != 0; common &= common - 1) {
        f(static_cast<uint16_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(common))));
      }
    }
  }

 private:
  static constexpr size_t kWords = kBits / 64;
  std::array<uint64_t, kWords> words_{};
};

// True when the ideographic full stop "。" starts at byte `i` of `s`: `s.compare(i, 3, "。") == 0`
// for i < s.size(), without the call (the clause and sentence walks ask it of every byte they pass).
inline bool FullStopAt(std::string_view s, size_t i) {
  return i + 3 <= s.size() && s[i] == '\xE3' && s[i + 1] == '\x80' && s[i + 2] == '\x82';
}

// True when `word` occurs in `lower_line` with no ASCII letter before or after it.
bool ContainsWord(std::string_view lower_line, std::string_view word);

// A one-line quote of `line` around [pos, pos + len): whitespace runs folded to one space, cut at
// UTF-8 boundaries to about `max_bytes`, "…" marking cuts.
std::string Quote(std::string_view line, size_t pos, size_t len, size_t max_bytes = 72);
// The same quote folded and cut over the whole line: what Quote returns, at a cost in the line's
// length (Quote reads a window around the match and falls back to this where a window cannot tell).
std::string QuoteWholeLine(std::string_view line, size_t pos, size_t len, size_t max_bytes = 72);

// The label window of a number at `at` in `line` (the lower-cased view): up to `window_before`
// bytes before it and `window_after` after, cut at the clause separators around it (。 ; ! ? and a
// comma that is no thousands separator), so "合同签订率为100%,推进集体合同" labels 100% with the first
// clause only; its ends moved off continuation bytes.
std::string_view ClauseAround(std::string_view line, size_t at, size_t window_before, size_t window_after);

// `s` without leading and trailing ASCII whitespace and '|'.
std::string_view Trim(std::string_view s);

// `s` with every ASCII whitespace removed.
std::string Squeeze(std::string_view s);
// The same into *out, replacing what it held (a string kept from call to call keeps its storage).
// Eight bytes at a time where none of them is whitespace.
void SqueezeInto(std::string_view s, std::string* out);

// How many bytes of `s` are none of '#', '*', ' ', '\t' and '|' (heading, emphasis and table marks
// and blanks): the text a line holds beside a figure (CaptionBelow). Eight bytes at a time.
size_t TextByteCount(std::string_view s);
// Whether TextByteCount(s) > limit, counted only as far as needed: from read->pos, with read->count
// the count of s's bytes before it, up to where the count passes `limit` (or s's end); *read then
// says how far it read. A read of one text answers each later limit going on from where the last
// stopped, so that all the questions asked of a text cost at most one count of it. A new text starts
// from TextBytesRead{}.
struct TextBytesRead {
  size_t pos = 0;
  size_t count = 0;
};
bool TextBytesExceed(std::string_view s, size_t limit, TextBytesRead* read);

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_TEXT_MATCH_H_
