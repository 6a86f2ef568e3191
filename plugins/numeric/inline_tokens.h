// The tokenizer of the relations stated in running text (RelationAnalysis::FindInlineRelations): a
// paragraph's code points, spaces dropped, become one token per code point of text or punctuation,
// one per figure and one per marker word (其中, 合计, "including", 构成 ...).
#ifndef ESGAUDIT_PLUGINS_NUMERIC_INLINE_TOKENS_H_
#define ESGAUDIT_PLUGINS_NUMERIC_INLINE_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace esgaudit::numeric {

// A code point of a paragraph and its offset in the document's matching view.
struct Cp {
  char32_t c;
  uint64_t v;  // view offset
};

// kOpen / kClose: brackets; outside a matched pair they act as kComma / kEnd.
enum class Tok { kFact, kSubset, kTotal, kCompose, kEnum, kComma, kEnd, kText, kOpen, kClose };

struct Token {
  Tok type;
  int figure = -1;
  bool semicolon = false;  // a kEnd written ； or ;
  bool rate = false;       // a kCompose after a rate word in its clause (流失率分布)
  bool sum = false;        // a kTotal written 合计, 总计 or 共计 (a sum of what was listed)
  bool gong = false;       // a kTotal written 共 or 共计
  bool including = false;  // a kSubset written "including"
  bool contains = false;   // a kSubset written 包括, 包含 or "including" (not 其中包括)
  bool colon = false;      // a kComma written ： or :
};

// Which way a helper below reads: kFast takes the shortcuts for the common input (ASCII, three-byte
// UTF-8, runs of plain text), kGeneral reads every code point the general way. Both give the same
// result on every input; kGeneral is what the tests compare kFast with.
enum class ReadPath { kFast, kGeneral };

// Appends the code points of `s` to *out, spaces and tabs dropped, each with its view offset (`base`
// is the view offset of s[0]). The general path is boost's checked UTF-8 iterator over `s`: a
// sequence it rejects (a stray continuation byte, a cut or overlong sequence, a surrogate, a code
// point above U+10FFFF) throws std::out_of_range on both paths, and *out may then hold part of `s`.
void AppendCodePoints(std::string_view s, uint64_t base, std::vector<Cp>* out, ReadPath path = ReadPath::kFast);

// The code points of `s`, every one kept. The general path is boost's checked UTF-8 iterator over `s`;
// input it rejects throws std::out_of_range on both paths.
std::u32string ToU32(std::string_view s, ReadPath path = ReadPath::kFast);
// The same appended to *out (a string kept from call to call keeps its storage); when it throws,
// *out may hold part of `s` after what it held.
void AppendU32(std::string_view s, std::u32string* out, ReadPath path = ReadPath::kFast);

// The marker words and the figures the tokenizer recognises.
class InlineTokenizer {
 public:
  // Words are lower case, not empty, without spaces ("of which" is "ofwhich": spaces are not in the
  // stream).
  // `total` is tried longest first; `not_total` are words a total word starts without meaning a
  // total (共同); `per_period` ("/日") is taken into the figure before it; `clause_names_rate` tells
  // whether the clause before a composition word names a rate.
  struct Words {
    std::vector<std::u32string> subset, total, not_total, composition, per_period;
    bool (*clause_names_rate)(const std::u32string& clause) = nullptr;
  };
  // `figure_at`: (view offset, figure) sorted by offset, one per offset; `figure_end[figure]`: the
  // view offset after the figure's text. Both are kept by reference: they outlive the tokenizer.
  InlineTokenizer(Words words, const std::vector<std::pair<uint64_t, int>>& figure_at,
                  const std::vector<uint64_t>& figure_end);

  // Replaces *toks with the tokens of one paragraph's code points and *text_char with the code point
  // of each text token (0 for the others; as many as tokens). A figure is a token where a code point
  // starts at its offset, and takes the code points before its end; a marker word is a token where it
  // starts (an English one only at a word's start and end: a gap in the view offsets or a non-letter);
  // every other code point is a token of its own (punctuation) or a text token.
  void Tokenize(const std::vector<Cp>& cps, std::vector<Token>* toks, std::vector<char32_t>* text_char,
                ReadPath path = ReadPath::kFast) const;

 private:
  // The words a code point may open, in the order they are tried: all of them, or those whose first
  // code point is one (`opens` fails at the first code point for the others).
  struct Candidates {
    std::vector<const std::u32string*> subset, not_total, total, composition;
    bool and_word = false;
  };
  // kPlain: below U+10000 (A-Z as a-z), neither punctuation nor a word's first code point; kOther:
  // punctuation and no word's first; kFirst + g: the first code point of the words of group g.
  enum : unsigned char { kPlain = 0, kOther = 1, kFirst = 2 };
  void TokenizeGeneral(const std::vector<Cp>& cps, size_t* i, const Candidates* cands, std::vector<Token>* toks,
                       std::vector<char32_t>* text_char) const;

  Words words_;
  const std::vector<std::pair<uint64_t, int>>& figure_at_;
  const std::vector<uint64_t>& figure_end_;
  Candidates all_;                     // every word
  std::vector<Candidates> groups_;     // by first code point; the last: the words opening beyond U+FFFF
  std::vector<unsigned char> class_;   // per code point below U+10000
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_INLINE_TOKENS_H_
