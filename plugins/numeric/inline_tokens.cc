#include "inline_tokens.h"

#include <boost/regex/pending/unicode_iterator.hpp>

#include <algorithm>
#include <limits>

namespace esgaudit::numeric {
namespace {

using U8Iter = boost::u8_to_u32_iterator<std::string_view::const_iterator, char32_t>;

bool IsLatin(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// A well-formed three-byte sequence (no overlong form, no surrogate) at b[k] of an n-byte range: its
// code point in *c. Anything else is left to boost's iterator, which reads it as the general path does.
inline bool ThreeByte(const unsigned char* b, size_t k, size_t n, char32_t* c) {
  if ((b[k] & 0xF0) != 0xE0 || k + 2 >= n || (b[k + 1] & 0xC0) != 0x80 || (b[k + 2] & 0xC0) != 0x80) return false;
  *c = (static_cast<char32_t>(b[k] & 0x0F) << 12) | (static_cast<char32_t>(b[k + 1] & 0x3F) << 6) | (b[k + 2] & 0x3F);
  return *c >= 0x800 && (*c < 0xD800 || *c > 0xDFFF);
}

// The code points the general path turns into a token other than text (besides marker words).
constexpr char32_t kPunctuation[] = {U'.', U'、', U'和', U'及', U'与', U'/', U'（', U'(', U'）', U')', U'，', U',',
                                     U'：',  U':', U'。', U'；', U';', U'！', U'!', U'？', U'?', U'•', U'●',
                                     U'■',  U'▪', U'◆', U'▶', U'►', U'➢'};

}  // namespace

void AppendCodePoints(std::string_view s, uint64_t base, std::vector<Cp>* out, ReadPath path) {
  // The checked constructor rejects a range opening with a continuation byte or ending in a cut
  // sequence, on both paths.
  U8Iter it(s.begin(), s.begin(), s.end());
  if (path == ReadPath::kGeneral) {
    const U8Iter end(s.end(), s.begin(), s.end());
    for (; it != end; ++it) {
      if (*it == U' ' || *it == U'\t') continue;
      out->push_back({*it, base + static_cast<uint64_t>(it.base() - s.begin())});
    }
    return;
  }
  const size_t n = s.size();
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t k = 0; k < n;) {
    const unsigned char lead = b[k];
    if (lead < 0x80) {
      if (lead != ' ' && lead != '\t') out->push_back({lead, base + k});
      ++k;
      continue;
    }
    if (char32_t c; ThreeByte(b, k, n, &c)) {
      out->push_back({c, base + k});
      k += 3;
      continue;
    }
    // Anything else (two- and four-byte sequences, broken ones) as the general path reads it.
    U8Iter one(s.begin() + static_cast<std::ptrdiff_t>(k));
    const char32_t c = *one;
    ++one;
    out->push_back({c, base + k});
    k = static_cast<size_t>(one.base() - s.begin());
  }
}

std::u32string ToU32(std::string_view s, ReadPath path) {
  std::u32string out;
  AppendU32(s, &out, path);
  return out;
}

void AppendU32(std::string_view s, std::u32string* to_string, ReadPath path) {
  // The checked constructors reject a range opening with a continuation byte or ending in a cut
  // sequence, on both paths.
  U8Iter it(s.begin(), s.begin(), s.end());
  const U8Iter end(s.end(), s.begin(), s.end());
  std::u32string& out = *to_string;
  const size_t held = out.size();
  if (path == ReadPath::kGeneral) {
    out.reserve(held + s.size());
    for (; it != end; ++it) out.push_back(*it);
    return;
  }
  // At most one code point per byte: written in place, then cut to the count.
  out.resize(held + s.size());
  char32_t* to = out.data() + held;
  const size_t n = s.size();
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t k = 0; k < n;) {
    const unsigned char lead = b[k];
    if (lead < 0x80) {
      *to++ = lead;
      ++k;
      continue;
    }
    if (char32_t c; ThreeByte(b, k, n, &c)) {
      *to++ = c;
      k += 3;
      continue;
    }
    // Anything else (two- and four-byte sequences, broken ones) as the general path reads it.
    U8Iter one(s.begin() + static_cast<std::ptrdiff_t>(k));
    *to++ = *one;
    ++one;
    k = static_cast<size_t>(one.base() - s.begin());
  }
  out.resize(static_cast<size_t>(to - out.data()));
}

InlineTokenizer::InlineTokenizer(Words words, const std::vector<std::pair<uint64_t, int>>& figure_at,
                                 const std::vector<uint64_t>& figure_end)
    : words_(std::move(words)), figure_at_(figure_at), figure_end_(figure_end) {
  all_.and_word = true;
  for (const auto& w : words_.subset) all_.subset.push_back(&w);
  for (const auto& w : words_.not_total) all_.not_total.push_back(&w);
  for (const auto& w : words_.total) all_.total.push_back(&w);
  for (const auto& w : words_.composition) all_.composition.push_back(&w);
  // The first code points below U+10000, in a group each.
  class_.assign(0x10000, kPlain);
  std::vector<char32_t> firsts{U'a'};  // "and"
  for (const auto* list : {&all_.subset, &all_.not_total, &all_.total, &all_.composition}) {
    for (const std::u32string* w : *list) {
      if ((*w)[0] < 0x10000 && std::find(firsts.begin(), firsts.end(), (*w)[0]) == firsts.end()) {
        firsts.push_back((*w)[0]);
      }
    }
  }
  auto filter = [](const std::vector<const std::u32string*>& list, auto keep) {
    std::vector<const std::u32string*> out;
    for (const std::u32string* w : list) {
      if (keep((*w)[0])) out.push_back(w);
    }
    return out;
  };
  auto group = [&](auto keep) {
    Candidates g;
    g.subset = filter(all_.subset, keep);
    g.not_total = filter(all_.not_total, keep);
    g.total = filter(all_.total, keep);
    g.composition = filter(all_.composition, keep);
    g.and_word = keep(U'a');
    return g;
  };
  for (char32_t f : firsts) {
    class_[f] = static_cast<unsigned char>(kFirst + groups_.size());
    if (f >= U'a' && f <= U'z') class_[f - 32] = class_[f];
    groups_.push_back(group([f](char32_t c) { return c == f; }));
  }
  groups_.push_back(group([](char32_t c) { return c >= 0x10000; }));
  for (char32_t c : kPunctuation) {
    if (class_[c] == kPlain) class_[c] = kOther;
  }
}

void InlineTokenizer::Tokenize(const std::vector<Cp>& cps, std::vector<Token>* toks, std::vector<char32_t>* text_char,
                               ReadPath path) const {
  toks->clear();
  text_char->clear();
  const auto& figure_at = figure_at_;
  auto seek = [&](uint64_t v) {
    return static_cast<size_t>(std::lower_bound(figure_at.begin(), figure_at.end(), v,
                                                 [](const auto& a, uint64_t x) { return a.first < x; }) -
                               figure_at.begin());
  };
  // A figure starting at cps[*i]: its token, and its code points (and a per-period tail) taken.
  auto take_figure = [&](int figure, size_t* i) {
    toks->push_back({Tok::kFact, figure});
    text_char->push_back(0);
    const uint64_t fe = figure_end_[figure];
    ++*i;
    while (*i < cps.size() && cps[*i].v < fe) ++*i;
    // "29710吨/日，其中…": a per-period tail belongs to its figure's unit; its slash is no list separator.
    if (*i < cps.size() && cps[*i].c == U'/') {
      for (const std::u32string& w : words_.per_period) {
        bool whole = *i + w.size() <= cps.size();
        for (size_t k = 0; whole && k < w.size(); ++k) whole = cps[*i + k].c == w[k];
        if (whole) {
          *i += w.size();
          break;
        }
      }
    }
  };
  size_t next_figure = 0;  // figure_at[next_figure] is the first at or after the last code point seen
  uint64_t last_v = 0;
  if (path == ReadPath::kGeneral) {
    for (size_t i = 0; i < cps.size();) {
      if (i == 0 || cps[i].v < last_v) next_figure = seek(cps[i].v);
      last_v = cps[i].v;
      while (next_figure < figure_at.size() && figure_at[next_figure].first < cps[i].v) ++next_figure;
      if (next_figure < figure_at.size() && figure_at[next_figure].first == cps[i].v) {
        take_figure(figure_at[next_figure].second, &i);
        continue;
      }
      TokenizeGeneral(cps, &i, &all_, toks, text_char);
    }
    return;
  }
  // The fast path: the figure test is one comparison with the next figure's offset, and a code point
  // that can start no marker word and is no punctuation (or a letter inside an English word) is a
  // text token at once; the rest goes the general way.
  constexpr uint64_t kNone = std::numeric_limits<uint64_t>::max();
  toks->reserve(cps.size());
  text_char->reserve(cps.size());
  uint64_t next_v = kNone;  // figure_at[next_figure].first, or kNone past the last figure
  const unsigned char* cls = class_.data();
  for (size_t i = 0; i < cps.size();) {
    const uint64_t v = cps[i].v;
    if (i == 0 || v < last_v) {
      next_figure = seek(v);
      next_v = next_figure < figure_at.size() ? figure_at[next_figure].first : kNone;
    }
    last_v = v;
    if (v >= next_v) {
      while (next_figure < figure_at.size() && figure_at[next_figure].first < v) ++next_figure;
      next_v = next_figure < figure_at.size() ? figure_at[next_figure].first : kNone;
      if (v == next_v) {
        take_figure(figure_at[next_figure].second, &i);
        continue;
      }
    }
    const char32_t c = cps[i].c;
    const unsigned char k = c < 0x10000 ? cls[c] : static_cast<unsigned char>(kFirst + groups_.size() - 1);
    // A letter inside an English word opens no word (see `match` below).
    if (k == kPlain || (k >= kFirst && IsLatin(c) && i > 0 && IsLatin(cps[i - 1].c) && cps[i - 1].v + 1 >= v)) {
      toks->push_back({Tok::kText});
      text_char->push_back(c);
      ++i;
      continue;
    }
    TokenizeGeneral(cps, &i, k >= kFirst ? &groups_[k - kFirst] : nullptr, toks, text_char);
  }
}

// The code point at *i (no figure starts there): a marker word, punctuation or text; *i moves past it.
// `cands`: the words to try (at least those opening with this code point), or null when none does.
void InlineTokenizer::TokenizeGeneral(const std::vector<Cp>& cps, size_t* at, const Candidates* cands,
                                      std::vector<Token>* toks, std::vector<char32_t>* text_char) const {
  static const std::u32string kAnd = U"and";
  size_t& i = *at;
  auto push = [&](Token t) {
    toks->push_back(t);
    text_char->push_back(0);
  };
  auto match = [&](const std::u32string& w) {
    if (i + w.size() > cps.size()) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      char32_t a = cps[i + k].c;
      if (a >= U'A' && a <= U'Z') a += 32;
      if (a != w[k]) return false;
    }
    if (!IsLatin(w[0])) return true;
    // English words whole: "total" is not in "subtotal", "including" not in "excluding". Spaces
    // are not in the stream: a word boundary is a gap in the view offsets or a non-letter.
    size_t e = i + w.size();
    bool start = i == 0 || !IsLatin(cps[i - 1].c) || cps[i - 1].v + 1 < cps[i].v;
    bool end = e >= cps.size() || !IsLatin(cps[e].c) || cps[e - 1].v + 1 < cps[e].v;
    return start && end;
  };
  char32_t lower = cps[i].c;
  if (lower >= U'A' && lower <= U'Z') lower += 32;
  const bool latin_inside = IsLatin(lower) && i > 0 && IsLatin(cps[i - 1].c) && cps[i - 1].v + 1 >= cps[i].v;
  // `match`, asked only of a word opening with this code point (any other fails at its first character).
  auto opens = [&](const std::u32string& w) { return w[0] == lower && match(w); };
  if (cands != nullptr && !latin_inside) {
    for (const std::u32string* w : cands->subset) {
      if (opens(*w)) {
        // 含 is a subset word only as （含 right after a figure, with a digit before the bracket
        // closes: （含税） remarks on the figure and names no part.
        const bool han = *w == U"含";
        if (han) {
          bool digit = false;
          for (size_t j = i + 1; j < cps.size() && j <= i + 60 && !digit; ++j) {
            if (cps[j].c == U')' || cps[j].c == U'）') break;
            digit = cps[j].c >= U'0' && cps[j].c <= U'9';
          }
          if (!digit || toks->size() < 2 || toks->back().type != Tok::kOpen ||
              (*toks)[toks->size() - 2].type != Tok::kFact) {
            continue;
          }
        }
        Token tk{Tok::kSubset};
        tk.including = *w == U"including" || *w == U"incl.";
        tk.contains = tk.including || han || *w == U"包括" || *w == U"包含";
        push(tk);
        i += w->size();
        return;
      }
    }
    bool excluded = false;
    for (const std::u32string* w : cands->not_total) excluded = excluded || opens(*w);
    if (!excluded && !(i > 0 && (cps[i - 1].c == U'公' || cps[i - 1].c == U'一'))) {
      for (const std::u32string* w : cands->total) {
        if (opens(*w)) {
          Token tk{Tok::kTotal};
          tk.sum = *w == U"合计" || *w == U"总计" || *w == U"共计";
          tk.gong = *w == U"共" || *w == U"共计";
          push(tk);
          i += w->size();
          return;
        }
      }
    }
    for (const std::u32string* cw : cands->composition) {
      if (opens(*cw)) {
        // The clause before the composition word, back to a punctuation mark (at most 16 code
        // points): 培训覆盖率分布 names a rate per category, not a split of one whole.
        std::u32string clause;
        for (size_t b = i; b-- > 0 && i - b <= 16;) {
          const char32_t p = cps[b].c;
          if (p == U'。' || p == U'，' || p == U'；' || p == U'：' || p == U',' || p == U';' || p == U':') break;
          clause.insert(clause.begin(), p);
        }
        Token tk{Tok::kCompose};
        tk.rate = words_.clause_names_rate != nullptr && words_.clause_names_rate(clause);
        push(tk);
        i += cw->size();
        return;
      }
    }
    if (cands->and_word && opens(kAnd)) {
      push({Tok::kEnum});
      i += 3;
      return;
    }
  }
  const char32_t ch = cps[i].c;
  // An English sentence ends at a full stop before a blank or the line end (decimals are
  // inside figures and never reach here).
  if (ch == U'.' && (i + 1 >= cps.size() || cps[i].v + 1 < cps[i + 1].v)) {
    push({Tok::kEnd});
    ++i;
    return;
  }
  // 与 and 及 inside a word join nothing: 参与 (take part), 涉及 (concern), 普及 (spread), 及时 (in time).
  const char32_t prev = i > 0 ? cps[i - 1].c : 0, next = i + 1 < cps.size() ? cps[i + 1].c : 0;
  const bool in_word = (ch == U'与' && prev == U'参') || (ch == U'及' && (prev == U'涉' || prev == U'普' || next == U'时'));
  if (in_word) {
    toks->push_back({Tok::kText});
    text_char->push_back(ch);
  } else if (ch == U'、' || ch == U'和' || ch == U'及' || ch == U'与' || ch == U'/') {
    push({Tok::kEnum});
  } else if (ch == U'（' || ch == U'(') {
    push({Tok::kOpen});
  } else if (ch == U'）' || ch == U')') {
    push({Tok::kClose});
  } else if (ch == U'，' || ch == U',' || ch == U'：' || ch == U':') {
    Token comma{Tok::kComma};
    comma.colon = ch == U'：' || ch == U':';
    push(comma);
  } else if (ch == U'。' || ch == U'；' || ch == U';' || ch == U'！' || ch == U'!' || ch == U'？' || ch == U'?') {
    push({Tok::kEnd, -1, ch == U'；' || ch == U';'});
  } else if (ch == U'•' || ch == U'●' || ch == U'■' || ch == U'▪' || ch == U'◆' || ch == U'▶' || ch == U'►' ||
             ch == U'➢') {
    // A bullet opens an item of a list: what stands before it is another item's (`…: €10.9 bn` /
    // `• 140,000 suppliers, including 250 …`).
    push({Tok::kEnd});
  } else {
    toks->push_back({Tok::kText});
    text_char->push_back(ch);
  }
  ++i;
}

}  // namespace esgaudit::numeric
