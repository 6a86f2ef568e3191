#include "analyse/structure_lines.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <regex>

#include <esgaudit/bytes8.h>

namespace esgaudit {
namespace lines {

using bytes8::AnyByteIn;
using bytes8::BytesIn;
using bytes8::kHighBits;
using bytes8::Load8;

namespace {

bool Squeezed(char c) { return c == ' ' || c == '\t'; }

// Writes the bytes of the word `w` (eight bytes of text, the first lowest) but those whose high bit
// `drop` sets, in order, at d + *n, and advances *n past them. Each store is of eight bytes, the
// kept ones first, at most seven bytes on from *n: REQUIRES fifteen writable bytes at d + *n.
void StoreKept(uint64_t w, uint64_t drop, char* d, size_t* n) {
  size_t left = 8;
  while (drop != 0) {
    const unsigned kept = static_cast<unsigned>(__builtin_ctzll(drop)) >> 3;  // bytes before the next dropped one
    std::memcpy(d + *n, &w, 8);
    *n += kept;
    w = (w >> (8 * kept)) >> 8;  // two shifts: never one of 64 bits
    drop = (drop >> (8 * kept)) >> 8;
    left -= kept + 1;
  }
  std::memcpy(d + *n, &w, 8);
  *n += left;
}

// "unit" in `t`, its letters in any case (ASCII).
bool ContainsUnitWord(std::string_view t) {
  for (size_t i = 0; i + 4 <= t.size(); ++i) {
    bool same = true;
    for (size_t k = 0; k < 4 && same; ++k) {
      char c = t[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == "unit"[k];
    }
    if (same) return true;
  }
  return false;
}

}  // namespace

std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!Squeezed(c)) out += c;
  }
  return out;
}

bool SameSqueezed(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && Squeezed(a[i])) ++i;
    while (j < b.size() && Squeezed(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

std::string SqueezeLower(std::string_view s) {
  std::string out;
  AppendSqueezeLower(s, &out);
  return out;
}

void AppendSqueezeLower(std::string_view s, std::string* out) {
  const size_t from = out->size();
  out->append(s.data(), s.size());  // the kept bytes are then written over it from its start
  char* d = out->data() + from;
  size_t n = 0;
  // Eight bytes at a time: capitals lowered (0x80 >> 2 is 'a' - 'A'), blanks and tabs left out; a
  // word without any is in place already while nothing before it was left out.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t w = Load8(s.data() + i);
    const uint64_t caps = BytesIn(w, 'A', 'Z');
    const uint64_t drop = BytesIn(w, ' ', ' ') | BytesIn(w, '\t', '\t');
    if ((caps | drop) == 0 && n == i) {
      n += 8;
      continue;
    }
    if (i + 16 > s.size()) break;  // the stores may pass the output's end: the rest byte by byte
    StoreKept(w | (caps >> 2), drop, d, &n);
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (!Squeezed(c)) d[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out->resize(from + n);
}

void AppendUnnumbered(std::string_view s, std::string* out) {
  const size_t from = out->size();
  out->append(s.data(), s.size());  // the kept bytes are then written over it from its start
  char* d = out->data() + from;
  size_t n = 0;
  // Eight bytes at a time: digits, slashes ('/' is just below '0') and blanks left out; a word
  // without any is in place already while nothing before it was left out.
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    const uint64_t w = Load8(s.data() + i);
    const uint64_t drop = BytesIn(w, '/', '9') | BytesIn(w, ' ', ' ');
    if (drop == 0 && n == i) {
      n += 8;
      continue;
    }
    if (i + 16 > s.size()) break;  // the stores may pass the output's end: the rest byte by byte
    StoreKept(w, drop, d, &n);
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (!((c >= '0' && c <= '9') || c == ' ' || c == '/')) d[n++] = c;
  }
  out->resize(from + n);
}

bool HasAsciiDigit(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8)  // eight bytes at a time
    if (AnyByteIn(Load8(s.data() + i), '0', '9')) return true;
  for (; i < s.size(); ++i)
    if (s[i] >= '0' && s[i] <= '9') return true;
  return false;
}

size_t NumbersBeforeSpace(std::string_view s) {
  size_t n = 0;
  auto one = [&](size_t k) {
    if (s[k] < '0' || s[k] > '9') return;
    if (k + 1 == s.size() || std::string_view(" \t\n\v\f\r").find(s[k + 1]) != std::string_view::npos) ++n;
  };
  // Eight bytes at a time, each digit's mark against the mark of a blank (' ', '\t' to '\r') at the
  // byte after it (the next eight bytes, loaded from one byte on).
  size_t i = 0;
  for (; i + 9 <= s.size(); i += 8) {
    const uint64_t digits = BytesIn(Load8(s.data() + i), '0', '9');
    if (digits == 0) continue;
    const uint64_t next = Load8(s.data() + i + 1);
    const uint64_t ends = digits & (BytesIn(next, ' ', ' ') | BytesIn(next, '\t', '\r'));
    if (ends != 0) n += bytes8::CountMarks(ends);
  }
  for (; i < s.size(); ++i) one(i);
  return n;
}

namespace {
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

size_t LineEndIn(std::string_view view, size_t b, size_t e) {
  const char* p = view.data();
  for (size_t k = b; k < e;) {
    // No byte of the word is \n, \v or \f: none ends the line.
    if (k + 8 <= e && !bytes8::AnyByteIn(bytes8::Load8(p + k), '\n', '\f')) {
      k += 8;
      continue;
    }
    if (p[k] == '\n' || p[k] == '\f') return k;
    ++k;
  }
  return e;
}

size_t NextCellMark(std::string_view view, size_t i, size_t e) {
  constexpr uint64_t kBit6 = 0x4040404040404040ULL;  // '<' (0x3C) with it is '|' (0x7C)
  const char* p = view.data();
  for (size_t k = i; k < e;) {
    // No byte of the word is below a space (a tab among them), '<' or '|', no two spaces are
    // next to each other and the last is no space (its next byte lies beyond the word).
    if (k + 8 <= e) {
      const uint64_t w = bytes8::Load8(p + k);
      const uint64_t spaces = bytes8::BytesIn(w, ' ', ' ');
      if (!bytes8::AnyByteIn(w, 0, ' ' - 1) && !bytes8::AnyByteIn(w | kBit6, '|', '|') &&
          (spaces & (spaces >> 8)) == 0 && (spaces >> 56) == 0) {
        k += 8;
        continue;
      }
    }
    const char c = p[k];
    if (c == '\t' || c == '|' || c == '<' || (c == ' ' && k + 1 < e && p[k + 1] == ' ')) return k;
    ++k;
  }
  return e;
}

size_t NextNumberBeforeSpace(std::string_view s, size_t from, size_t* length) {
  // Every match ends at the end of a run of digits (the lookahead refuses a digit): the leftmost
  // is the first run whose next byte is a blank or the end, at most its last three digits.
  for (size_t i = from; i < s.size();) {
    if (!IsDigit(s[i])) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < s.size() && IsDigit(s[end])) ++end;
    if (end == s.size() || IsRegexSpace(s[end])) {
      const size_t start = end - i > 3 ? end - 3 : i;
      *length = end - start;
      return start;
    }
    i = end;
  }
  return std::string_view::npos;
}

bool EndsWithLeaderAndPage(std::string_view s) {
  // Back from the end: blanks with at most one dash among them (\s*-?\s*), one to three digits
  // (a fourth before them is neither a blank, a dash nor a leader character), the same blanks and
  // dash, then the leader's run.
  auto strip_dash_and_blanks = [&](size_t e) {
    bool dash = false;
    while (e > 0 && (IsRegexSpace(s[e - 1]) || s[e - 1] == '-')) {
      if (s[e - 1] == '-') {
        if (dash) return std::string_view::npos;
        dash = true;
      }
      --e;
    }
    return e;
  };
  size_t e = strip_dash_and_blanks(s.size());
  if (e == std::string_view::npos) return false;
  size_t d = e;
  while (d > 0 && IsDigit(s[d - 1])) --d;
  if (d == e || e - d > 3) return false;
  e = strip_dash_and_blanks(d);
  if (e == std::string_view::npos) return false;
  // The leader: `unit` repeated at least `times` times, ending at e.
  auto run_of = [&](std::string_view unit, size_t times) {
    size_t k = 0;
    for (size_t at = e; at >= unit.size() && s.compare(at - unit.size(), unit.size(), unit) == 0; at -= unit.size())
      if (++k >= times) return true;
    return false;
  };
  return run_of(".", 4) || run_of("_", 4) || run_of("\xe2\x80\xa6", 2) || run_of("\xc2\xb7", 4);
}

const std::regex& DecoratedPageNumberExpression() {
  // Dashes are alternatives, not a bracket class: the expression runs on UTF-8 bytes, where a class
  // holding — would match one byte of it.
  static const std::regex kDecorated(
      R"(^(?:(?:-|—|–|－)\s*\d{1,3}\s*(?:-|—|–|－)|[pP]\.?\s*\d{1,3}|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|)"
      R"([pP]age\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$)");
  return kDecorated;
}

bool MayBeDecoratedPageNumber(std::string_view t) {
  if (t.empty() || t.size() > 24) return false;
  // Every alternative holds a digit (\d: an ASCII one).
  if (std::none_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  // And opens with a dash, p or P, 第 or a digit (—, – and － are three bytes in UTF-8).
  const char c = t.front();
  if (c == '-' || c == 'p' || c == 'P' || (c >= '0' && c <= '9')) return true;
  const std::string_view head = t.substr(0, 3);
  return head == "—" || head == "–" || head == "－" || head == "第";
}

namespace {

// Reads the alternatives of DecoratedPageNumberExpression from the front of a text, each to its
// end or not at all: every repeat there stops before a byte it cannot take (blanks before a digit,
// a dash, 页 or /; digits before a blank or another mark), so reading each as far as it goes is the
// only way the whole text can match.
struct PageNumberReader {
  std::string_view t;
  size_t Blanks(size_t at) const {
    while (at < t.size() && IsRegexSpace(t[at])) ++at;
    return at;
  }
  // \d{1,3} at `at`: its end, or npos.
  size_t Digits(size_t at) const {
    size_t e = at;
    while (e < t.size() && t[e] >= '0' && t[e] <= '9') ++e;
    return e > at && e - at <= 3 ? e : std::string_view::npos;
  }
  size_t Literal(size_t at, std::string_view w) const {
    return at <= t.size() && t.substr(at, w.size()) == w ? at + w.size() : std::string_view::npos;
  }
  // - — – or － at `at`: its end, or npos.
  size_t Dash(size_t at) const {
    if (at < t.size() && t[at] == '-') return at + 1;
    for (std::string_view d : {"—", "–", "－"}) {
      if (Literal(at, d) != std::string_view::npos) return at + 3;
    }
    return std::string_view::npos;
  }
  bool P(size_t at) const { return at < t.size() && (t[at] == 'p' || t[at] == 'P'); }
  static constexpr size_t npos = std::string_view::npos;

  bool Whole() const {
    // (?:-|—|–|－)\s*\d{1,3}\s*(?:-|—|–|－)
    if (size_t e = Dash(0); e != npos && (e = Digits(Blanks(e))) != npos && Dash(Blanks(e)) == t.size()) return true;
    if (P(0)) {
      // [pP]\.?\s*\d{1,3}
      const size_t dot = t.size() > 1 && t[1] == '.' ? 2 : 1;
      if (Digits(Blanks(dot)) == t.size()) return true;
      // [pP]age\s+\d{1,3}(?:\s+of\s+\d{1,3})?
      if (size_t e = Literal(1, "age"); e != npos) {
        const size_t b = Blanks(e);
        if (b > e && (e = Digits(b)) != npos) {
          if (e == t.size()) return true;
          const size_t b2 = Blanks(e);
          const size_t of = b2 > e ? Literal(b2, "of") : npos;
          const size_t b3 = of != npos ? Blanks(of) : npos;
          if (of != npos && b3 > of && Digits(b3) == t.size()) return true;
        }
      }
    }
    // 第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?
    if (size_t e = Literal(0, "第"); e != npos && (e = Digits(Blanks(e))) != npos &&
                                    (e = Literal(Blanks(e), "页")) != npos) {
      if (e == t.size()) return true;
      if ((e = Literal(Blanks(e), "共")) != npos && (e = Digits(Blanks(e))) != npos &&
          Literal(Blanks(e), "页") == t.size())
        return true;
    }
    // \d{1,3}\s*/\s*\d{1,3}
    if (size_t e = Digits(0); e != npos && (e = Literal(Blanks(e), "/")) != npos && Digits(Blanks(e)) == t.size())
      return true;
    return false;
  }
};

}  // namespace

bool DecoratedPageNumber(std::string_view t) { return MayBeDecoratedPageNumber(t) && PageNumberReader{t}.Whole(); }

bool UnitCaptionText(std::string_view t) {
  if (t.size() > 60) return false;
  static const std::regex kUnitLine(R"(^\(?(?:单位|unit)\s*:\s*[^,;:]{1,30}$)", std::regex::icase);
  // The expression needs 单位 or "unit" in any case: without either, it is not run (nor the cell copied).
  if (!sdk::Contains(t, "单位") && !ContainsUnitWord(t)) return false;
  std::string v(t);
  return std::regex_match(v, kUnitLine);
}

bool EndsSentence(std::string_view v) {
  for (std::string_view e : {"。", "！", "？", ".", "!", "?"})
    if (v.size() >= e.size() && v.substr(v.size() - e.size()) == e) return true;
  return false;
}

uint8_t LineFlags(std::string_view view, std::string_view raw, size_t cell_count, std::string_view first_cell) {
  uint8_t flags = 0;
  const std::string_view heading = sdk::Trim(raw);
  if (!heading.empty() && heading.front() == '#') flags |= kMarkdownHeading;
  if (cell_count == 1 && DecoratedPageNumber(first_cell)) flags |= kPageNumber;
  if (cell_count == 1 && UnitCaptionText(first_cell)) flags |= kUnitCaption;
  if (EndsSentence(sdk::Trim(view))) flags |= kSentenceEnd;
  return flags;
}

}  // namespace lines
}  // namespace esgaudit
