#include "required_literals.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace esgaudit::gbt36001 {
namespace {

using Clause = std::vector<std::string>;  // one of these literals
using Cnf = std::vector<Clause>;          // every clause; none: nothing is required

// Bounds that keep an alternation's distribution small; dropping a clause only weakens the test.
constexpr size_t kMaxClauses = 16;
constexpr size_t kMaxLiterals = 32;

struct Unsure {};  // a syntax the reader does not recognise: no clause at all

// Sorted, each literal once, and without a literal that holds another of the clause (a text holding
// the longer one holds the shorter). A clause with "" is then {""}: true of every text.
void Normalize(Clause* c) {
  std::sort(c->begin(), c->end());
  c->erase(std::unique(c->begin(), c->end()), c->end());
  Clause kept;
  for (const std::string& x : *c) {
    const bool longer = std::any_of(c->begin(), c->end(), [&](const std::string& y) {
      return y != x && x.find(y) != std::string::npos;
    });
    if (!longer) kept.push_back(x);
  }
  *c = std::move(kept);
}

// A text satisfying `a` satisfies `b`: each literal of `a` holds one of `b`.
bool Implies(const Clause& a, const Clause& b) {
  return std::all_of(a.begin(), a.end(), [&](const std::string& x) {
    return std::any_of(b.begin(), b.end(),
                       [&](const std::string& y) { return x.find(y) != std::string::npos; });
  });
}

Cnf Simplify(Cnf cnf) {
  Cnf useful;
  for (Clause& c : cnf) {
    Normalize(&c);
    if (c.empty() || c.size() > kMaxLiterals || (c.size() == 1 && c[0].empty())) continue;
    useful.push_back(std::move(c));
  }
  std::sort(useful.begin(), useful.end());
  useful.erase(std::unique(useful.begin(), useful.end()), useful.end());
  Cnf kept;  // without a clause another implies (of two equivalent ones, the first stays)
  for (size_t i = 0; i < useful.size(); ++i) {
    bool implied = false;
    for (size_t j = 0; j < useful.size() && !implied; ++j)
      implied = j != i && Implies(useful[j], useful[i]) && (j < i || !Implies(useful[i], useful[j]));
    if (!implied) kept.push_back(useful[i]);
  }
  // Fewest literals first: MayMatch asks a one-literal clause with one search of the text.
  std::stable_sort(kept.begin(), kept.end(),
                   [](const Clause& a, const Clause& b) { return a.size() < b.size(); });
  if (kept.size() > kMaxClauses) kept.resize(kMaxClauses);
  return kept;
}

// (a1 and a2) or (b1 and b2) = (a1 or b1) and (a1 or b2) and (a2 or b1) and (a2 or b2).
Cnf Or(const Cnf& a, const Cnf& b) {
  if (a.empty() || b.empty()) return {};
  Cnf out;
  for (const Clause& x : a) {
    for (const Clause& y : b) {
      Clause u = x;
      u.insert(u.end(), y.begin(), y.end());
      out.push_back(std::move(u));
    }
  }
  return Simplify(std::move(out));
}

// A recursive reading of ECMAScript syntax over bytes.
class Reader {
 public:
  explicit Reader(std::string_view re) : re_(re) {}

  Cnf Whole() {
    Cnf c = Alternation();
    if (pos_ != re_.size()) throw Unsure{};  // a stray ')'
    return c;
  }

 private:
  struct Atom {
    bool literal = false;  // one character: `text` holds its bytes
    std::string text;
    Cnf cnf;  // otherwise: what it requires
  };

  bool AtEnd() const { return pos_ >= re_.size(); }
  char Peek() const { return re_[pos_]; }

  Cnf Alternation() {
    Cnf result = Sequence();
    while (!AtEnd() && Peek() == '|') {
      ++pos_;
      result = Or(result, Sequence());
    }
    return result;
  }

  Cnf Sequence() {
    Cnf result;
    std::string run;  // adjacent required characters
    auto flush = [&] {
      if (!run.empty()) result.push_back({run});
      run.clear();
    };
    while (!AtEnd() && Peek() != '|' && Peek() != ')') {
      Atom atom = ReadAtom();
      const auto [present, min] = ReadQuantifier();
      if (atom.literal && min > 0) {
        // Required once; after a repetition the next character need not be adjacent to it.
        run += atom.text;
        if (present) flush();
        continue;
      }
      flush();
      if (min > 0) result.insert(result.end(), atom.cnf.begin(), atom.cnf.end());
    }
    flush();
    return Simplify(std::move(result));
  }

  // Whether a quantifier follows, and its least count (1 when none).
  std::pair<bool, size_t> ReadQuantifier() {
    if (AtEnd()) return {false, 1};
    size_t min = 1;
    const char c = Peek();
    if (c == '?' || c == '*') {
      min = 0;
      ++pos_;
    } else if (c == '+') {
      ++pos_;
    } else if (c == '{') {
      ++pos_;
      const size_t digits = pos_;
      min = 0;
      while (!AtEnd() && std::isdigit(static_cast<unsigned char>(Peek())))
        min = std::min<size_t>(min * 10 + static_cast<size_t>(Peek() - '0'), 1000), ++pos_;
      if (pos_ == digits) throw Unsure{};
      if (!AtEnd() && Peek() == ',') {
        ++pos_;
        while (!AtEnd() && std::isdigit(static_cast<unsigned char>(Peek()))) ++pos_;
      }
      if (AtEnd() || Peek() != '}') throw Unsure{};
      ++pos_;
    } else {
      return {false, 1};
    }
    if (!AtEnd() && Peek() == '?') ++pos_;  // lazy
    return {true, min};
  }

  Atom ReadAtom() {
    Atom atom;
    const unsigned char c = static_cast<unsigned char>(re_[pos_++]);
    switch (c) {
      case '(': {
        bool lookaround = false;
        if (!AtEnd() && Peek() == '?') {
          if (pos_ + 1 >= re_.size()) throw Unsure{};
          const char kind = re_[pos_ + 1];
          if (kind == '=' || kind == '!') {
            lookaround = true;  // zero-width: requires nothing where the match is
          } else if (kind != ':') {
            throw Unsure{};
          }
          pos_ += 2;
        }
        Cnf inside = Alternation();
        if (AtEnd() || Peek() != ')') throw Unsure{};
        ++pos_;
        if (!lookaround) atom.cnf = std::move(inside);
        return atom;
      }
      case '[':
        SkipClass();
        return atom;
      case '.':
      case '^':
      case '$':
        return atom;
      case '\\':
        return Escape();
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        throw Unsure{};
      default:
        break;
    }
    // One character: its UTF-8 bytes (a quantifier after it is read as applying to all of them,
    // which requires no more than std::regex, applying it to the last byte, does).
    size_t length = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (length == 0 || pos_ - 1 + length > re_.size()) throw Unsure{};
    for (size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(re_[pos_ - 1 + k]) & 0xC0) != 0x80) throw Unsure{};
    atom.literal = true;
    atom.text = std::string(re_.substr(pos_ - 1, length));
    pos_ += length - 1;
    return atom;
  }

  // After '[': to the byte after the class' closing ']'.
  void SkipClass() {
    if (!AtEnd() && Peek() == '^') ++pos_;
    if (!AtEnd() && Peek() == ']') throw Unsure{};  // an empty class, or ']' read as a member
    while (!AtEnd()) {
      const char c = re_[pos_++];
      if (c == ']') return;
      if (c == '[') throw Unsure{};  // [:alpha:] and its kind
      if (c == '\\') {
        if (AtEnd()) throw Unsure{};
        ++pos_;  // no escape inside a class holds ']' (\x5D is four bytes without one)
      }
    }
    throw Unsure{};
  }

  // After '\\'.
  Atom Escape() {
    if (AtEnd()) throw Unsure{};
    Atom atom;
    const unsigned char e = static_cast<unsigned char>(re_[pos_++]);
    auto hex = [&](size_t n) {
      for (size_t k = 0; k < n; ++k, ++pos_)
        if (AtEnd() || !std::isxdigit(static_cast<unsigned char>(Peek()))) throw Unsure{};
    };
    switch (e) {
      case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'b': case 'B':
      case 'f': case 'n': case 'r': case 't': case 'v':
        return atom;  // a kind of character, a boundary or a control character: nothing literal
      case 'x':
        hex(2);
        return atom;
      case 'u':
        hex(4);
        return atom;
      case 'c':
        if (AtEnd() || !std::isalpha(static_cast<unsigned char>(Peek()))) throw Unsure{};
        ++pos_;
        return atom;
      default:
        break;
    }
    if (std::isdigit(e)) {  // a backreference (or \0): its digits
      while (!AtEnd() && std::isdigit(static_cast<unsigned char>(Peek()))) ++pos_;
      return atom;
    }
    if (e >= 0x80 || std::isalnum(e) || !std::isprint(e)) throw Unsure{};
    atom.literal = true;  // an escaped ASCII punctuation mark stands for itself
    atom.text = std::string(1, static_cast<char>(e));
    return atom;
  }

  std::string_view re_;
  size_t pos_ = 0;
};

}  // namespace

RequiredLiterals RequiredLiterals::Of(std::string_view expression) {
  try {
    return RequiredLiterals(Reader(expression).Whole());
  } catch (const Unsure&) {
    return RequiredLiterals();
  }
}

bool RequiredLiterals::MayMatch(std::string_view text) const {
  for (const std::vector<std::string>& clause : clauses_) {
    // sdk::Contains, not string_view::find (which stops at every byte equal to the literal's first:
    // in Chinese text a Han character's lead byte, E4-E9, is most bytes) nor memmem (whose set-up
    // per call cost more than the search in a line): it looks for the literal's last byte.
    const bool holds = std::any_of(clause.begin(), clause.end(),
                                   [&](const std::string& literal) { return sdk::Contains(text, literal); });
    if (!holds) return false;
  }
  return true;
}

}  // namespace esgaudit::gbt36001
