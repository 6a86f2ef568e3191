#include "text_match.h"

#include <esgaudit/bytes8.h>
#include <esgaudit/text.h>

#include <algorithm>
#include <cstring>
#include <array>
#include <vector>

namespace esgaudit::gri {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}
bool IsContinuation(char c) { return boost::locale::utf::utf_traits<char>::is_trail(c); }

bool FindPart(std::string_view line, std::string_view part, size_t* pos) {
  bool word = !part.empty() && IsAlnum(part.front());
  size_t from = 0;
  while (true) {
    size_t p = line.find(part, from);
    if (p == std::string_view::npos) return false;
    if (!word || p == 0 || !IsAlnum(line[p - 1])) {
      *pos = p;
      return true;
    }
    from = p + 1;
  }
}

}  // namespace

bool MatchPattern(std::string_view lower_line, std::string_view pattern, size_t* pos, size_t* len) {
  size_t best = std::string_view::npos;
  size_t best_len = 0;
  size_t start = 0;
  while (start <= pattern.size()) {
    size_t amp = pattern.find('&', start);
    std::string_view part =
        pattern.substr(start, amp == std::string_view::npos ? amp : amp - start);
    if (!part.empty()) {
      size_t p = 0;
      if (!FindPart(lower_line, part, &p)) return false;
      if (p < best) {
        best = p;
        best_len = part.size();
      }
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  if (best == std::string_view::npos) return false;
  *pos = best;
  *len = best_len;
  return true;
}

std::vector<uint16_t> BytePairs::Of(std::string_view s) {
  std::vector<uint16_t> out;
  for (size_t i = 1; i < s.size(); ++i) out.push_back(Hash(s[i - 1], s[i]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void BytePairs::Fill(std::string_view text) {
  words_.fill(0);
  for (size_t i = 1; i < text.size(); ++i) Add(Hash(text[i - 1], text[i]));
}

bool ContainsWord(std::string_view lower_line, std::string_view word) {
  size_t from = 0;
  while (true) {
    size_t p = lower_line.find(word, from);
    if (p == std::string_view::npos) return false;
    bool left = p == 0 || !IsAlpha(lower_line[p - 1]);
    size_t end = p + word.size();
    bool right = end >= lower_line.size() || !IsAlpha(lower_line[end]);
    if (left && right) return true;
    from = p + 1;
  }
}

namespace {

// line[a, b) with whitespace runs folded to one space (none at either end), and where the match
// line[pos, pos + len) lands in it: [*fpos, *fend).
std::string FoldPiece(std::string_view line, size_t a, size_t b, size_t pos, size_t len, size_t* fpos, size_t* fend) {
  // Written in place and cut to size at the end (an append per byte cost most of a quote): the fold
  // is never longer than the piece, a space being written only for a blank byte read before.
  std::string folded(b - a, '\0');
  char* const out = folded.data();
  size_t n = 0;
  *fpos = 0;
  *fend = 0;
  bool space = false;
  for (size_t i = a; i <= b; ++i) {
    if (i == pos) *fpos = n + (space && n != 0 ? 1 : 0);
    if (i == pos + len) *fend = n;
    if (i == b) break;
    if (IsSpace(line[i])) {
      space = true;
      continue;
    }
    if (space && n != 0) out[n++] = ' ';
    space = false;
    out[n++] = line[i];
  }
  folded.resize(n);
  if (*fend < *fpos) *fend = *fpos;
  return folded;
}

// Quote's fold and cut over the whole of `line`: whitespace runs folded to one space (none at
// either end), then the cut around the match.
std::string QuoteWhole(std::string_view line, size_t pos, size_t len, size_t max_bytes) {
  size_t fpos = 0;
  size_t fend = 0;
  std::string folded = FoldPiece(line, 0, line.size(), pos, len, &fpos, &fend);
  if (folded.size() <= max_bytes) return folded;
  size_t match = fend - fpos;
  size_t slack = max_bytes > match ? (max_bytes - match) / 2 : 0;
  size_t from = fpos > slack ? fpos - slack : 0;
  size_t to = std::min(folded.size(), from + std::max(max_bytes, match));
  if (to == folded.size() && to > max_bytes) from = std::min(from, to - max_bytes);
  while (from > 0 && IsContinuation(folded[from])) --from;
  while (to < folded.size() && IsContinuation(folded[to])) ++to;
  std::string out;
  if (from > 0) out += "…";
  out += folded.substr(from, to - from);
  if (to < folded.size()) out += "…";
  return out;
}

// Quote's fold and cut over a window of the line around the match, so that a quote costs its
// window, not its line. The window holds `reach` non-blank bytes on each side of the match, or
// runs to the line's end on that side. A non-blank byte folds to itself, so the window's fold is
// a piece of the whole line's fold, and the cut lands inside the piece: `reach` exceeds the
// quote's length, which bounds the cut on each side of the match. Only a cut moved to a
// character's start across the piece's edge (a run of stray UTF-8 continuation bytes) cannot be
// read in the piece; then, and for a match outside the line, the whole line is folded.
std::string QuoteWindow(std::string_view line, size_t pos, size_t len, size_t max_bytes) {
  if (pos > line.size() || len > line.size() - pos) return QuoteWhole(line, pos, len, max_bytes);
  const size_t reach = max_bytes + len + 8;
  size_t a = pos;
  for (size_t seen = 0; a > 0 && seen < reach;) {
    --a;
    if (!IsSpace(line[a])) ++seen;
  }
  size_t b = pos + len;
  for (size_t seen = 0; b < line.size() && seen < reach; ++b) {
    if (!IsSpace(line[b])) ++seen;
  }
  const bool cut_before = a > 0;  // the line's fold holds more before the piece
  const bool cut_after = b < line.size();  // and after it
  if (!cut_before && !cut_after) return QuoteWhole(line, pos, len, max_bytes);
  size_t fpos = 0;
  size_t fend = 0;
  const std::string folded = FoldPiece(line, a, b, pos, len, &fpos, &fend);  // the piece
  // QuoteWhole's cut in the piece's offsets. The whole fold is longer than max_bytes (the piece
  // holds `reach` bytes of it on a cut side); with a cut before, fpos >= reach > slack; with a cut
  // after, from + max(max_bytes, match) <= fend + max_bytes + len < fend + reach <= folded.size().
  const size_t match = fend - fpos;
  const size_t slack = max_bytes > match ? (max_bytes - match) / 2 : 0;
  size_t from = fpos > slack ? fpos - slack : 0;
  size_t to = from + std::max(max_bytes, match);
  if (!cut_after) {
    to = std::min(folded.size(), to);
    // With a cut before, to >= fpos - 1 >= reach - 1 > max_bytes, in the whole fold too.
    if (to == folded.size() && to > max_bytes) from = std::min(from, to - max_bytes);
  }
  while (from > 0 && IsContinuation(folded[from])) --from;
  while (to < folded.size() && IsContinuation(folded[to])) ++to;
  if ((cut_before && from == 0) || (cut_after && to == folded.size())) return QuoteWhole(line, pos, len, max_bytes);
  std::string out;
  if (cut_before || from > 0) out += "…";
  out += folded.substr(from, to - from);
  if (cut_after || to < folded.size()) out += "…";
  return out;
}

}  // namespace

std::string Quote(std::string_view line, size_t pos, size_t len, size_t max_bytes) {
  return QuoteWindow(line, pos, len, max_bytes);
}

std::string QuoteWholeLine(std::string_view line, size_t pos, size_t len, size_t max_bytes) {
  return QuoteWhole(line, pos, len, max_bytes);
}

std::string_view ClauseAround(std::string_view line, size_t at, size_t window_before, size_t window_after) {
  // The bytes a separator opens with (; ! ? , and the first byte of 。): every other byte is passed
  // on one table look-up.
  static constexpr auto kOpens = [] {
    std::array<bool, 256> t{};
    for (unsigned char b : {';', '!', '?', ',', '\xE3'}) t[b] = true;
    return t;
  }();
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto separator = [&](size_t i) {
    const char c = line[i];
    if (!kOpens[static_cast<unsigned char>(c)]) return false;
    if (c == ';' || c == '!' || c == '?') return true;
    if (c == ',') return !(i > 0 && digit(line[i - 1]) && i + 1 < line.size() && digit(line[i + 1]));
    return FullStopAt(line, i);
  };
  size_t from = at > window_before ? at - window_before : 0;
  for (size_t i = at; i-- > from;) {
    if (separator(i)) {
      from = i + 1;
      break;
    }
  }
  // Past the number itself ("24,187", "5.01%") before looking for the clause's end.
  size_t num_end = at;
  while (num_end < line.size() && (digit(line[num_end]) || line[num_end] == '.' ||
                                   (line[num_end] == ',' && num_end + 1 < line.size() &&
                                    digit(line[num_end + 1]))))
    ++num_end;
  size_t to = std::min(line.size(), at + window_after);
  for (size_t i = num_end; i < to; ++i) {
    if (separator(i)) {
      to = i;
      break;
    }
  }
  while (from < line.size() && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) ++from;
  while (to > from && to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) --to;
  return to > from ? line.substr(from, to - from) : std::string_view();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsSpace(s.front()) || s.front() == '|')) s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '|')) s.remove_suffix(1);
  return s;
}

std::string Squeeze(std::string_view s) {
  std::string out;
  SqueezeInto(s, &out);
  return out;
}

using bytes8::BytesEqual;
using bytes8::kHighBits;
using bytes8::Load8;
constexpr uint64_t kLowBits = bytes8::kOnes;

void SqueezeInto(std::string_view s, std::string* out) {
  out->resize(s.size());  // at most every byte; cut to what was kept (a kept string keeps its storage)
  char* d = out->data();
  size_t n = 0, i = 0;
  // Eight bytes at a time while none is whitespace: ' ' or '\t'-'\r', each below 0x21. An ASCII byte
  // below 0x21 keeps its high bit clear when 0x21 is taken from it with the high bit set first (so no
  // byte borrows from the next); the bytes from 0x80 are left out by ~w.
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t w = Load8(s.data() + i);
    const uint64_t low = ~(((w & ~kHighBits) | kHighBits) - kLowBits * 0x21) & ~w & kHighBits;
    if (low == 0) {
      std::memcpy(d + n, &w, 8);
      n += 8;
      continue;
    }
    for (size_t k = i; k < i + 8; ++k) {
      if (!IsSpace(s[k])) d[n++] = s[k];
    }
  }
  for (; i < s.size(); ++i) {
    if (!IsSpace(s[i])) d[n++] = s[i];
  }
  out->resize(n);
}

namespace {

// TextByteCount's marks among the eight bytes of `w`.
size_t MarksIn(uint64_t w) {
  const uint64_t m = BytesEqual(w, '#') | BytesEqual(w, '*') | BytesEqual(w, ' ') | BytesEqual(w, '\t') |
                     BytesEqual(w, '|');
  return static_cast<size_t>((((m >> 7) * kLowBits) >> 56));  // the eight lanes' sum
}

bool IsMark(char c) { return c == '#' || c == '*' || c == ' ' || c == '\t' || c == '|'; }

}  // namespace

size_t TextByteCount(std::string_view s) {
  size_t marks = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) marks += MarksIn(Load8(s.data() + i));
  for (; i < s.size(); ++i) marks += IsMark(s[i]);
  return s.size() - marks;
}

bool TextBytesExceed(std::string_view s, size_t limit, TextBytesRead* read) {
  size_t i = read->pos;
  size_t count = read->count;
  for (; count <= limit && i + 8 <= s.size(); i += 8) count += 8 - MarksIn(Load8(s.data() + i));
  for (; count <= limit && i < s.size(); ++i) count += !IsMark(s[i]);
  read->pos = i;
  read->count = count;
  return count > limit;
}

}  // namespace esgaudit::gri
