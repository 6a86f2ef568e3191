#include "relation_internal.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// Whether the code points SentenceFigures reads of sentence `st` may end with a semicolon (; or ；):
// false only where they surely do not. From the last span back, the blanks SentenceFigures drops
// (space, tab, CR, LF, U+3000) are passed; the last other bytes are a semicolon's, or may decode to
// one, unless they are another ASCII byte or a well-formed sequence of two bytes, or of three led by
// E1-EC, EE or EF (no overlong form, no surrogate), other than ；'s EF BC 9B.
bool MayEndWithSemicolon(const sdk::Document& doc, const esgaudit_sentence& st, std::string_view view) {
  const auto* u = reinterpret_cast<const unsigned char*>(view.data());
  auto cont = [&](size_t i) { return (u[i] & 0xC0) == 0x80; };
  for (uint32_t k = st.span_count; k-- > 0;) {
    const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
    if (span.view_end <= span.view_begin || span.view_end > view.size()) continue;
    const size_t b = static_cast<size_t>(span.view_begin);
    size_t e = static_cast<size_t>(span.view_end);
    while (e > b) {
      const unsigned char c = u[e - 1];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        --e;
      } else if (e - b >= 3 && u[e - 3] == 0xE3 && u[e - 2] == 0x80 && u[e - 1] == 0x80) {
        e -= 3;
      } else {
        break;
      }
    }
    if (e == b) continue;  // blanks only: the span adds no code point
    const unsigned char last = u[e - 1];
    if (last < 0x80) return last == ';';
    if (e - b >= 3 && u[e - 3] == 0xEF && u[e - 2] == 0xBC && last == 0x9B) return true;
    if (e - b >= 3 && cont(e - 1) && cont(e - 2) && u[e - 3] >= 0xE1 && u[e - 3] <= 0xEF && u[e - 3] != 0xED) {
      return false;
    }
    if (e - b >= 2 && cont(e - 1) && u[e - 2] >= 0xC2 && u[e - 2] <= 0xDF) return false;
    return true;
  }
  return false;
}

// Whether the words of one of the sentence's text spans (bytes of the matching view) pass `test`: the cheap
// test a reader asks before it gathers the sentence's figures.
template <typename Test>
bool SomeSpanOf(const sdk::Document& doc, const esgaudit_sentence& st, std::string_view view, Test test) {
  for (uint32_t k = 0; k < st.span_count; ++k) {
    const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
    if (span.view_end <= span.view_begin || span.view_end > view.size()) continue;
    if (test(view.substr(span.view_begin, span.view_end - span.view_begin))) return true;
  }
  return false;
}

// The paragraph of sentence `si` of the structure model; a host without paragraphs gives each sentence
// its own.
uint32_t ParagraphOf(const sdk::Document& doc, uint32_t si) {
  const esgaudit_sentence st = doc.Sentence(si);
  return st.struct_size >= kParagraphEnd ? st.paragraph : si;
}

// A figure that counts something: a quantity with a unit, above zero, no change, no figure per unit
// (a slash after its unit, or a per-unit word in its label).
bool CountedQuantity(const Figure& g) {
  return g.kind == ESGAUDIT_FACT_QUANTITY && !g.unit.empty() && g.value > 0 && !IsChangeLabel(g.label) &&
         g.text.find('/') == std::string::npos &&
         std::none_of(std::begin(kPerUnitWords), std::end(kPerUnitWords), [&](const char* w) { return sdk::Contains(g.label, w); });
}

}  // namespace

// Tables of shares set side by side, each row's line holding one row of each: the row key (a year or
// a word) opens every table's part of the line, `2022 56% 44% 2022 61% 39%`, and nothing but shares
// stands between the keys (at least two parts, each of two to kMaxShares shares). A line of shares
// alone right above such a row holds the cells a chart prints over its bar (a small category's share
// above the two large ones): its shares are the row's too, in order one for each table but the last,
// the rest for the last. Rows with the same parts (as many, with as many shares each) within
// kMaxGapLines of each other on one page are one block; each table of a block (the same part of every
// row) is a table of breakdowns when at least two of its rows add up to 100 % within their rounding
// and none is more than kPlausible points off: rates per category add up in one row by chance, not
// in two, and a table of shares of members counted in more than one category (multiracial staff under
// each group) adds up in none. Shares already in a relation are left alone. The tables are read from
// the layout, so a row that does not add up is a warning, unless it is within kNear points of 100
// (a small category the text lost: `0.2 %` printed where no line above holds it).

// The code points of sentence `st` of the structure model, blanks dropped, and the figures of `by_view`
// (each figure's first byte in the matching view, sorted) starting in it, with their positions in `text`.
void SentenceFigures(const sdk::Document& doc, const esgaudit_sentence& st,
                     const std::vector<std::pair<uint64_t, int>>& by_view, std::u32string* text,
                     std::vector<std::pair<size_t, int>>* in_sentence) {
  const std::string_view view = doc.MatchView();
  text->clear();
  in_sentence->clear();
  auto append = [&](std::string_view bytes) {
    for (char32_t ch : U32(bytes)) {
      if (ch != U'\n' && ch != U'\r' && ch != U' ' && ch != U'\t' && ch != 0x3000) text->push_back(ch);
    }
  };
  for (uint32_t k = 0; k < st.span_count; ++k) {
    const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
    if (span.view_end <= span.view_begin || span.view_end > view.size()) continue;
    auto it = std::lower_bound(by_view.begin(), by_view.end(), std::make_pair(span.view_begin, -1));
    uint64_t at = span.view_begin;
    for (; it != by_view.end() && it->first < span.view_end; ++it) {
      append(view.substr(at, it->first - at));
      at = it->first;
      in_sentence->emplace_back(text->size(), it->second);
    }
    append(view.substr(at, span.view_end - at));
  }
}

// How many figures of `by_view` SentenceFigures places in sentence `st` (the same spans, the entries
// from (view_begin, -1) up to (view_end, -1)), without decoding its text: a reader needing a few
// figures passes over the rest first. One binary search a sentence: a span starting at or after the
// end of the span before goes on from where that one's count stopped (a few entries between are
// passed one by one, more by a search of the rest); a span starting before it is searched afresh.
size_t SentenceFigureCount(const sdk::Document& doc, const esgaudit_sentence& st,
                           const std::vector<std::pair<uint64_t, int>>& by_view) {
  const size_t view_size = doc.MatchView().size();
  size_t n = 0;
  auto it = by_view.begin();
  bool placed = false;  // `it` is the first entry at or after (last_end, -1)
  uint64_t last_end = 0;
  for (uint32_t k = 0; k < st.span_count; ++k) {
    const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
    if (span.view_end <= span.view_begin || span.view_end > view_size) continue;
    const std::pair<uint64_t, int> begin(span.view_begin, -1), end(span.view_end, -1);
    if (!placed || span.view_begin < last_end) {
      it = std::lower_bound(by_view.begin(), by_view.end(), begin);
    } else {
      for (int step = 0; it != by_view.end() && *it < begin; ++step) {
        if (step == 4) {
          it = std::lower_bound(it, by_view.end(), begin);
          break;
        }
        ++it;
      }
    }
    for (; it != by_view.end() && *it < end; ++it) ++n;
    placed = true;
    last_end = span.view_end;
  }
  return n;
}

// The stage pairs of FindPairedVerbSubsets, data of the rule pack numeric/stage-pairs.json: a stage
// (hazards found, patents filed, homes listed) and a later stage only things of the first reach (put
// right, granted, let). No pack, no pairs; a pack whose lists are not lists of words or whose flags
// are not true or false is a configuration error.
struct VerbPair {
  std::vector<std::u32string> first;   // the stage: one in the first clause
  std::vector<std::u32string> second;  // the later stage: one opens the second clause
  std::vector<std::u32string> object;  // one of these in the first clause; none: any object
  std::vector<std::u32string> scope;   // one of these in the first clause; none: any scope
  std::vector<std::u32string> named;   // one of these after the later stage; none: a character of the first clause
  std::set<std::string> units;         // the counts' unit; none: counts of things and people
  bool same_verb = false;  // the stage and the later stage lead the same verb (应休 / 实休)
  bool certain = false;    // the wording makes the subset certain: a later stage above its stage is an error
  bool measure = false;    // two measures of one flow, the later a share of the first (发电量 / 上网电量):
                           // read by FindMeasurePairSubsets, not as stages
};

std::vector<VerbPair> ReadStagePairs(const std::string& path) {
  namespace pt = boost::property_tree;
  pt::ptree root;
  try {
    pt::read_json(path, root);
  } catch (const pt::ptree_error& e) {
    throw sdk::ConfigError("numeric stage pairs: " + std::string(e.what()));
  }
  auto words = [&](const pt::ptree& node, const char* field, bool required) {
    std::vector<std::u32string> out;
    const auto list = node.get_child_optional(field);
    if (!list) {
      if (required) throw sdk::ConfigError("numeric stage pairs: " + path + ": a pair without '" + field + "'");
      return out;
    }
    for (const auto& [key, w] : *list) {
      if (!key.empty() || !w.empty() || w.data().empty()) {
        throw sdk::ConfigError("numeric stage pairs: " + path + ": '" + field + "' must be a list of words");
      }
      out.push_back(U32(w.data()));
    }
    if (required && out.empty()) {
      throw sdk::ConfigError("numeric stage pairs: " + path + ": a pair without '" + field + "'");
    }
    return out;
  };
  auto flag = [&](const pt::ptree& node, const char* field) {
    const auto value = node.get_optional<std::string>(field);
    if (!value) return false;
    if (*value != "true" && *value != "false") {
      throw sdk::ConfigError("numeric stage pairs: " + path + ": '" + field + "' must be true or false");
    }
    return *value == "true";
  };
  std::vector<VerbPair> pairs;
  const auto list = root.get_child_optional("pairs");
  if (!list) throw sdk::ConfigError("numeric stage pairs: " + path + ": no 'pairs'");
  for (const auto& [key, node] : *list) {
    VerbPair p{words(node, "stage", true), words(node, "later", true), words(node, "object", false),
               words(node, "scope", false), words(node, "named", false), {}, flag(node, "same_verb"),
               flag(node, "certain"), flag(node, "measure")};
    for (const std::u32string& u : words(node, "units", false)) p.units.insert(ToUtf8(u));
    pairs.push_back(std::move(p));
  }
  return pairs;
}

std::shared_ptr<const std::vector<VerbPair>> StagePairs(const sdk::Document& doc) {
  const std::string path = doc.RulesFile("numeric/stage-pairs.json");
  if (path.empty()) return std::make_shared<const std::vector<VerbPair>>();
  return sdk::CachedRuleData<std::vector<VerbPair>>({path}, [&] { return ReadStagePairs(path); });
}

void RelationAnalysis::FindPairedVerbSubsets(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const std::shared_ptr<const std::vector<VerbPair>> pairs = StagePairs(doc);
  if (pairs->empty()) return;
  const std::string_view view = doc.MatchView();
  // Counts of things and people (canonical units: 名 is 人); a rate, an amount or a measure is no set
  // whose members are counted.
  static const std::set<std::string> kUnits = {"项", "条", "个", "起", "件", "份", "人", "家", "次", "处", "套"};
  std::vector<int> order;
  for (size_t i = 0; i < figures_.size(); ++i) {
    if (figures_[i].kind == ESGAUDIT_FACT_QUANTITY) order.push_back(static_cast<int>(i));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
  std::set<int> parts_taken;
  for (const Relation& r : relations_) parts_taken.insert(r.parts.begin(), r.parts.end());
  auto contains = [](const std::u32string& s, const std::vector<std::u32string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::u32string& w) { return s.find(w) != s.npos; });
  };
  // Code points of the view in [from, to), blanks dropped; false at a paragraph break (a blank line).
  auto text_of = [&](uint64_t from, uint64_t to, std::u32string* out) {
    std::u32string u = U32(view.substr(from, to - from));
    int newlines = 0;
    out->clear();
    for (char32_t c : u) {
      if (c == U'\n') {
        if (++newlines > 1) return false;
        continue;
      }
      if (c == U' ' || c == U'\t' || c == U'\r' || c == 0x3000) continue;
      newlines = 0;
      out->push_back(c);
    }
    return true;
  };
  auto plain = [](char32_t c) {  // no digit, no punctuation: words of one clause
    return !(c >= U'0' && c <= U'9') && c != U'，' && c != U',' && c != U'。' && c != U'；' && c != U';' &&
           c != U'：' && c != U':' && c != U'、' && c != U'（' && c != U'）' && c != U'(' && c != U')' &&
           c != U'%' && c != U'.' && c != U'！' && c != U'？';
  };
  // Words that give the second count a scope of its own: a change, a comparison, a running total, an
  // earlier period, a rate.
  static const std::vector<std::u32string> kOwnScope = {U"累计", U"上年", U"去年", U"历年", U"以前", U"遗留",
                                                         U"同比", U"较", U"比", U"增", U"减", U"率"};
  // A plan or a target in either clause: a count planned is no set the actual one is drawn from.
  static const std::vector<std::u32string> kPlan = {U"计划", U"拟", U"预计", U"目标", U"力争"};
  // Words after the later stage that say it is done (整改完成), not what it counts.
  static const std::vector<std::u32string> kDone = {U"完成", U"完毕", U"到位"};
  // Rates by their first byte in the view: a third clause's rate may name the second count's verb.
  std::vector<std::pair<uint64_t, int>> rates;
  for (size_t i = 0; i < figures_.size(); ++i) {
    if (figures_[i].kind == ESGAUDIT_FACT_PERCENT) rates.emplace_back(doc.TextToView(figures_[i].offset), static_cast<int>(i));
  }
  std::sort(rates.begin(), rates.end());
  // "毕业生1470人，实现就业1445人，就业率达到98.3%", "隐患451项，消除451项，消除率100%": right after the
  // second count's clause (`second`: its words before the figure; `tail_from`: the view after it) one
  // clause holds nothing but a rate's name and a rate of at most 100 %, and the two Han characters
  // before 率 stand in the second clause and not in the first (`first`): the rate counts what the
  // second clause does among the first's, so the second count is its numerator and the first its base.
  // Not read: a negation in the second clause (未整改的5处: the rest, not some), a change or a scope of
  // its own there, and a rate that is the share of either count in their sum (已整改107处，未整改5处，
  // 整改率95%: two kinds of one whole). Returns the rate's name (就业率), or empty.
  auto rate_of_second = [&](const std::u32string& first, const std::u32string& second, uint64_t tail_from,
                            const Figure& whole, const Figure& some, int* rate_index = nullptr) -> std::u32string {
    auto it = std::lower_bound(rates.begin(), rates.end(), std::make_pair(tail_from, -1));
    std::u32string tail;
    if (it == rates.end() || it->first - tail_from > 90 || !text_of(tail_from, it->first, &tail)) return {};
    const size_t comma = tail.find_first_of(U"，,");
    if (comma == std::u32string::npos || comma > 12) return {};
    const std::u32string words = second + tail.substr(0, comma);
    const std::u32string name = tail.substr(comma + 1);
    if (name.size() > 14 || !std::all_of(tail.begin(), tail.begin() + comma, plain) ||
        !std::all_of(name.begin(), name.end(), plain)) {
      return {};
    }
    const size_t k = name.rfind(U'率');
    if (k == std::u32string::npos || k < 2 || name.size() - k - 1 > 3 ||
        name.find_first_not_of(U"达到为约是已了高至", k + 1) != std::u32string::npos) {
      return {};
    }
    const std::u32string stem = name.substr(k - 2, 2);
    if (!std::all_of(stem.begin(), stem.end(), [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }) ||
        words.find(stem) == std::u32string::npos || first.find(stem) != std::u32string::npos ||
        words.find_first_of(U"未没不无非") != std::u32string::npos || contains(words, kOwnScope) ||
        contains(words, kPlan)) {
      return {};
    }
    const Figure& rate = figures_[it->second];
    if (rate.value > 100 || rate.value < 0 || IsChangeLabel(rate.label)) return {};
    const double tolerance = 0.5 * std::pow(10.0, -rate.decimals) + 1e-9;
    auto is = [&](double share) { return std::fabs(rate.value - 100 * share) <= tolerance; };
    const double a = whole.value, b = some.value;
    if (a > 0 && b >= 0 && !is(b / a) && (is(a / (a + b)) || is(b / (a + b)))) return {};
    if (rate_index != nullptr) *rate_index = it->second;
    return name.substr(0, k + 1).substr(k - 2);
  };
  for (size_t i = 0; i + 1 < order.size(); ++i) {
    const int a = order[i], b = order[i + 1];
    const Figure& fa = figures_[a];
    const Figure& fb = figures_[b];
    if (fa.unit != fb.unit || fa.unit.empty() || fa.magnitude != fb.magnitude) continue;
    if (parts_taken.count(b)) continue;
    const uint64_t a_begin = doc.TextToView(fa.offset), a_end = doc.TextToView(fa.offset + fa.length);
    const uint64_t b_begin = doc.TextToView(fb.offset), b_end = doc.TextToView(fb.offset + fb.length);
    if (a_end > b_begin || b_begin - a_end > 120 || a_begin > view.size() || b_end > view.size()) continue;
    // Between the figures: plain words with one comma. The words before it belong to the first
    // count (`62人参加鉴定，41人取得合格证`: the figure opens its clause), those after it to the second.
    std::u32string between;
    if (!text_of(a_end, b_begin, &between) || between.size() < 3 || between.size() > 16) continue;
    const size_t comma = between.find_first_of(U"，,");
    if (comma == std::u32string::npos) continue;
    const std::u32string lead = between.substr(0, comma);
    between.erase(0, comma + 1);
    if (!std::all_of(lead.begin(), lead.end(), plain) || !std::all_of(between.begin(), between.end(), plain)) continue;
    // The first clause: up to 14 plain code points right before the first figure, and the words after it.
    // A 、 may join the things the first count counts (`发现安全隐患问题、违规违纪行为82件次`): the count is
    // of the whole list, the stage word may stand before its first item, and the clause may then run to 24.
    uint64_t from = a_begin > 60 ? a_begin - 60 : 0;
    while (from < a_begin && (static_cast<unsigned char>(view[from]) & 0xC0) == 0x80) ++from;
    // A blank line in the window ends the paragraph before it.
    std::u32string before;
    {
      std::u32string u = U32(view.substr(from, a_begin - from));
      size_t cut = u.rfind(U"\n\n");
      for (char32_t c : u.substr(cut == u.npos ? 0 : cut + 2)) {
        if (c != U'\n' && c != U'\r' && c != U' ' && c != U'\t' && c != 0x3000) before.push_back(c);
      }
    }
    size_t start = before.size();
    for (size_t limit = 14; start > 0 && before.size() - start < limit; --start) {
      if (before[start - 1] == U'、') {
        limit = 24;
      } else if (!plain(before[start - 1])) {
        break;
      }
    }
    while (start < before.size() && before[start] == U'、') ++start;
    const std::u32string clause = before.substr(start) + lead;
    // A change in the first clause (较上年增加20人): its figure is a difference, no set of things.
    static const std::vector<std::u32string> kChange = {U"较", U"同比", U"比上年", U"增加", U"增长", U"减少", U"下降"};
    if (contains(clause, kPlan) || contains(between, kPlan) || contains(lead, kOwnScope) || contains(clause, kChange)) {
      continue;
    }
    // The words right after the second figure, to the next punctuation (at most 12 code points): where
    // its verb is when the figure opens its clause (`，41人取得合格证`).
    std::u32string after;
    {
      uint64_t to = std::min<uint64_t>(view.size(), b_end + 48);
      while (to > b_end && to < view.size() && (static_cast<unsigned char>(view[to]) & 0xC0) == 0x80) --to;
      std::u32string u;
      if (text_of(b_end, to, &u)) {
        for (char32_t c : u) {
          if (!plain(c) || after.size() == 12) break;
          after.push_back(c);
        }
      }
    }
    for (const VerbPair& p : *pairs) {
      if (p.measure || !(p.units.empty() ? kUnits : p.units).count(fa.unit)) continue;
      if (!contains(clause, p.first) || (!p.object.empty() && !contains(clause, p.object)) ||
          (!p.scope.empty() && !contains(clause, p.scope))) {
        continue;
      }
      // The second verb within the first five code points after the comma (共, 已经, 已完成 may lead it),
      // or, when at most two code points stand there (共, 有), within two after the second figure.
      auto find_later = [&](const std::u32string& s, size_t within, size_t* at) -> const std::u32string* {
        const std::u32string* found = nullptr;
        *at = std::u32string::npos;
        for (const std::u32string& w : p.second) {
          size_t k = s.find(w);
          if (k != std::u32string::npos && k <= within && k < *at) {
            *at = k;
            found = &w;
          }
        }
        return found;
      };
      size_t at = 0;
      const std::u32string* second = find_later(between, 5, &at);
      const std::u32string* where = &between;
      if (second == nullptr && between.size() <= 2 && (second = find_later(after, 2, &at)) != nullptr) where = &after;
      if (second == nullptr || contains(between, kOwnScope) ||
          (where == &after && contains(after.substr(0, at + second->size()), kOwnScope))) {
        continue;
      }
      std::u32string rest = where->substr(at + second->size());
      // 应休 … 实休: the verb after the stage word is the verb after the later one (as many code points as
      // both share, up to two).
      std::u32string whole_verb, part_verb = *second;
      if (p.same_verb) {
        for (const std::u32string& w : p.first) {
          for (size_t k = clause.find(w); k != std::u32string::npos && whole_verb.empty(); k = clause.find(w, k + 1)) {
            size_t n = 0;
            while (n < 2 && k + w.size() + n < clause.size() && n < rest.size() && clause[k + w.size() + n] == rest[n]) ++n;
            if (n > 0) {
              whole_verb = w + rest.substr(0, n);
              part_verb += rest.substr(0, n);
            }
          }
        }
        if (whole_verb.empty()) continue;
      }
      // What the later stage's words name after it, particles and a word of completion aside, shares a
      // character with the first clause: 回收有效问卷 after 发放问卷, not 授权商标 after 申请专利 (a
      // later count of another kind). A pair naming what the later stage yields asks for one of those
      // words instead (取得合格证 after 参加鉴定).
      for (const std::u32string& w : kDone) {
        if (rest.compare(0, w.size(), w) == 0) rest.erase(0, w.size());
      }
      while (!rest.empty() && std::u32string(U"了的共计为达").find(rest.back()) != std::u32string::npos) rest.pop_back();
      if (!p.named.empty()) {
        if (!contains(rest, p.named)) continue;
      } else if (!rest.empty() &&
                 std::none_of(rest.begin(), rest.end(), [&](char32_t c) { return clause.find(c) != clause.npos; })) {
        continue;
      }
      Relation r = Stated(RelationKind::kSubset, a, {b});
      r.cue = SubsetCue::kVerbPair;
      for (const std::u32string& w : p.first) {
        if (r.whole_verb.empty() && clause.find(w) != std::u32string::npos) r.whole_verb = ToUtf8(w);
      }
      if (!whole_verb.empty()) r.whole_verb = ToUtf8(whole_verb);
      r.part_verb = ToUtf8(part_verb);
      r.certainty = p.certain ? Certainty::kCertain : Certainty::kLikely;
      r.flag = !r.consistent;
      Add(std::move(r));
      parts_taken.insert(b);
      // A rate after the pair named by the later stage (`排查隐患56项，整改54项，整改率96.4%`) is the
      // later count over the first (numeric.share-mismatch).
      if (int rate = -1; !rate_of_second(clause, between, b_end, fa, fb, &rate).empty() && rate >= 0) {
        share_claims_.push_back({b, a, rate, Certainty::kLikely, true});
      }
      break;
    }
    if (parts_taken.count(b) || !kUnits.count(fa.unit)) continue;
    // No pair names the stages: a rate after the two counts may (read from its words, so a numerator
    // above its base is a warning). The rate's value is checked by numeric.share-mismatch, a warning:
    // a report may divide by another base.
    int rate_index = -1;
    const std::u32string rate = rate_of_second(clause, between, b_end, fa, fb, &rate_index);
    if (rate.empty()) continue;
    // Its value is checked only when the first count is the sentence's only earlier count of the unit
    // (`打样数24273个，折标数41903个，退样总量1079个，退样率4.55%`: the rate may be of the first).
    // The earlier counts are walked back to the sentence's start (at most 12 of them).
    bool other_base = false;
    for (size_t j = i; j-- > 0 && i - j <= 12 && !other_base;) {
      const Figure& fp = figures_[order[j]];
      const uint64_t p_end = doc.TextToView(fp.offset + fp.length);
      if (p_end > a_begin || view.substr(p_end, a_begin - p_end).find("。") != std::string_view::npos) break;
      other_base = fp.unit == fa.unit;
    }
    if (rate_index >= 0 && !other_base) share_claims_.push_back({b, a, rate_index, Certainty::kLikely, true});
    Relation r = Stated(RelationKind::kSubset, a, {b});
    r.cue = SubsetCue::kRateOf;
    r.part_verb = ToUtf8(rate);
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
    parts_taken.insert(b);
  }
}

// Two measures of one flow, the later a share of the first (power generated, then power sent to the
// grid: `2016年公司发电量1,900.64亿千瓦时，比上年同期1,910.54亿千瓦时下降0.52%；上网电量1,778.20亿千瓦时，
// 比上年同期1,789.46亿千瓦时下降0.63%`), the pairs marked `measure` in numeric/stage-pairs.json. In one
// sentence of the structure model, the first measure's word once, then the later one's once, opening its
// clause (after a comma, a semicolon or a colon: it shares the first's subject); each word's figures are
// those up to the next measure word or the sentence's end, in one unit and magnitude (no change, no
// per-unit figure). When both words have as many figures (one to three), the k-th of the later measure is
// a part of the k-th of the first, each pair dated alike (the same year and the same word of an earlier
// period before each, 同期, 上年, or none). Not read: a word of the first measure with other words before
// it in its clause than its subject, its year and its verb (`计划发电量`, `风电发电量`: another scope or a
// plan), a plan or a running total anywhere in the two (计划, 预计, 目标, 累计), and a figure already part
// of a relation. Read from the measures' meaning, so a part above its whole is a warning.
void RelationAnalysis::FindMeasurePairSubsets(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const std::shared_ptr<const std::vector<VerbPair>> pairs = StagePairs(doc);
  if (std::none_of(pairs->begin(), pairs->end(), [](const VerbPair& p) { return p.measure; })) return;
  const std::string_view view = doc.MatchView();
  std::vector<std::pair<uint64_t, int>> by_view;
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind == ESGAUDIT_FACT_QUANTITY && !f.unit.empty() && f.value > 0 && f.unit.find('/') == std::string::npos &&
        !IsChangeLabel(f.label)) {
      by_view.emplace_back(doc.TextToView(f.offset), static_cast<int>(i));
    }
  }
  std::sort(by_view.begin(), by_view.end());
  std::set<int> parts_taken;
  for (const Relation& r : relations_) parts_taken.insert(r.parts.begin(), r.parts.end());
  auto clause_mark = [](char32_t c) { return c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'：' || c == U':'; };
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  // What may stand before the first measure's word in its clause: its subject, its year, its verb.
  static const std::vector<std::u32string> kSubject = {U"本公司", U"本集团", U"公司", U"集团", U"全年", U"年度", U"本年",
                                                        U"当年", U"今年", U"年内", U"完成", U"实现"};
  static const std::vector<std::u32string> kNotRead = {U"计划", U"预计", U"目标", U"力争", U"累计", U"累积"};
  static const std::vector<std::u32string> kEarlier = {U"同期", U"上年", U"去年", U"上一年", U"前一年"};
  // The date words before a figure, from the previous figure (or `from`) on: its year and whether it is an
  // earlier period's.
  auto dated = [&](const std::u32string& s) {
    int year = 0;
    for (size_t k = 0; k + 4 < s.size(); ++k) {
      if (s[k] == U'2' && s[k + 1] == U'0' && digit(s[k + 2]) && digit(s[k + 3]) && s[k + 4] == U'年' &&
          (k == 0 || !digit(s[k - 1]))) {
        year = 2000 + (s[k + 2] - U'0') * 10 + (s[k + 3] - U'0');
      }
    }
    const bool earlier = std::any_of(kEarlier.begin(), kEarlier.end(), [&](const std::u32string& w) { return s.find(w) != s.npos; });
    return std::make_pair(year, earlier);
  };
  std::u32string text;
  std::vector<std::pair<size_t, int>> in_sentence;
  // The measures' words in UTF-8, made once for the cue below.
  std::vector<std::string> measure_words;
  for (const VerbPair& p : *pairs) {
    if (!p.measure) continue;
    for (const auto* list : {&p.first, &p.second}) {
      for (const std::u32string& w : *list) measure_words.push_back(ToUtf8(w));
    }
  }
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    // Cheap first: a measure's word in the sentence's bytes.
    const bool cue = SomeSpanOf(doc, st, view, [&](std::string_view words) {
      for (const std::string& w : measure_words) {
        if (sdk::Contains(words, w)) return true;
      }
      return false;
    });
    if (!cue) continue;
    SentenceFigures(doc, st, by_view, &text, &in_sentence);
    // The structure model ends a sentence at a semicolon; the measures' sentence runs on to a full stop.
    while (!text.empty() && (text.back() == U'；' || text.back() == U';') && si + 1 < sentences) {
      std::u32string more;
      std::vector<std::pair<size_t, int>> more_figures;
      SentenceFigures(doc, doc.Sentence(++si), by_view, &more, &more_figures);
      for (const auto& [pos, f] : more_figures) in_sentence.emplace_back(text.size() + pos, f);
      text += more;
    }
    if (in_sentence.size() < 2) continue;
    for (const VerbPair& p : *pairs) {
      if (!p.measure) continue;
      // Each word of the pair once in the sentence: (position, length, later).
      std::vector<std::tuple<size_t, size_t, bool>> words;
      for (bool later : {false, true}) {
        for (const std::u32string& w : later ? p.second : p.first) {
          for (size_t at = text.find(w); at != text.npos; at = text.find(w, at + w.size())) words.emplace_back(at, w.size(), later);
        }
      }
      std::sort(words.begin(), words.end());
      if (words.size() != 2 || std::get<2>(words[0]) || !std::get<2>(words[1])) continue;
      const size_t whole_at = std::get<0>(words[0]), whole_len = std::get<1>(words[0]);
      const size_t part_at = std::get<0>(words[1]), part_len = std::get<1>(words[1]);
      if (part_at == 0 || !clause_mark(text[part_at - 1])) continue;
      // The first word's clause before it: nothing but its subject, its year and its verb.
      size_t clause = whole_at;
      while (clause > 0 && !clause_mark(text[clause - 1])) --clause;
      std::u32string lead = text.substr(clause, whole_at - clause);
      for (const std::u32string& w : kSubject) {
        for (size_t at = lead.find(w); at != lead.npos; at = lead.find(w)) lead.erase(at, w.size());
      }
      if (std::any_of(lead.begin(), lead.end(), [&](char32_t c) { return !digit(c) && c != U'年' && c != U'度'; })) continue;
      const std::u32string span = text.substr(clause);
      if (std::any_of(kNotRead.begin(), kNotRead.end(), [&](const std::u32string& w) { return span.find(w) != span.npos; })) {
        continue;
      }
      // The figures of each word, with their dates, in the unit and magnitude of the word's first figure.
      auto figures_of = [&](size_t from, size_t to, std::vector<std::pair<int, std::pair<int, bool>>>* out) {
        out->clear();
        size_t prev = from;
        for (const auto& [pos, f] : in_sentence) {
          if (pos < from || pos >= to) continue;
          const Figure& g = figures_[f];
          const std::u32string before = text.substr(prev, pos - prev);
          prev = pos;
          if (!out->empty() && (g.unit != figures_[out->front().first].unit || g.magnitude != figures_[out->front().first].magnitude)) {
            continue;
          }
          out->emplace_back(f, dated(before));
        }
      };
      std::vector<std::pair<int, std::pair<int, bool>>> whole, part;
      figures_of(whole_at + whole_len, part_at, &whole);
      figures_of(part_at + part_len, text.size(), &part);
      if (whole.empty() || whole.size() != part.size() || whole.size() > 3) continue;
      const Figure& w0 = figures_[whole.front().first];
      const Figure& p0 = figures_[part.front().first];
      if (w0.unit != p0.unit || w0.magnitude != p0.magnitude) continue;
      bool alike = true;
      for (size_t k = 0; k < whole.size(); ++k) alike = alike && whole[k].second == part[k].second && !parts_taken.count(part[k].first);
      if (!alike) continue;
      // The message names what each measure is: the words without a closing 量.
      auto stem = [](std::u32string w) {
        if (!w.empty() && w.back() == U'量') w.pop_back();
        return ToUtf8(w);
      };
      for (size_t k = 0; k < whole.size(); ++k) {
        Relation r = Stated(RelationKind::kSubset, whole[k].first, {part[k].first});
        r.cue = SubsetCue::kVerbPair;
        r.whole_verb = stem(text.substr(whole_at, whole_len));
        r.part_verb = stem(text.substr(part_at, part_len));
        r.certainty = Certainty::kLikely;
        r.flag = !r.consistent;
        Add(std::move(r));
        parts_taken.insert(part[k].first);
      }
    }
  }
}

// A whole-staff headcount, then in later clauses of its sentence counts of groups of that staff with no
// subset word: `截至2016年底，公司在岗员工19817人，女性员工4232人，少数民族员工1006人`. The groups cut the
// staff along different dimensions, so they overlap and are no split of it; each is a subset, Likely (a
// warning) since the containment is read from the words. The headcount's clause holds nothing but the
// figure and words naming the whole staff (subject, 现有 / 共有, 在岗 / 在职 / 在册, 员工 / 职工, 总数):
// `一线职工229名` counts a group, not the staff. A group's clause holds one figure in the headcount's unit,
// ending the clause, after words naming a group of people: a category of Dimensions() (女性, 本科以上,
// 中级职称) or a noun of the staff (员工, 职工, 人员) after a qualifier (少数民族员工, 专业技术人员). The list
// runs on past clauses holding only shares or rates (`女性员工占比51%`) and past other counts of people
// (`享受津贴专家2人`, read as nothing), and stops at a clause with a subset word (the 其中 reader's), a
// figure of another unit, two figures, no figure, or words naming people outside the headcount or
// counted over the year rather than at its date: hires and leavers (新进, 新增, 招聘, 离职), retirees,
// agency and outsourced workers, another unit's staff (子公司, 下属) or a second headcount (总数). A part
// already in a relation is left alone.
namespace {

bool HasAnyOf(const std::u32string& s, const std::vector<std::u32string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::u32string& w) { return s.find(w) != s.npos; });
}

bool AsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }

// Words naming people outside a headcount or counted over the year rather than at its date (hires and
// leavers, retirees, agency and outsourced workers, another unit's staff, a second headcount), or
// people an action reached (trainees, people visited or helped).
const std::vector<std::u32string>& OutsideStaffWords() {
  static const std::vector<std::u32string> words = {
      U"新进", U"新增", U"新招", U"新入职", U"新员工", U"招聘", U"招录", U"录用",
      U"引进", U"入职", U"离职", U"流失", U"辞职", U"退休", U"离退", U"派遣", U"劳务", U"外包", U"临时", U"实习",
      U"返聘", U"子公司", U"分公司", U"下属", U"所属", U"控股", U"参股", U"合资", U"托管", U"承包", U"外部",
      U"家属", U"子女", U"总数", U"总人数", U"累计", U"培训", U"参加", U"参与", U"慰问", U"帮扶", U"走访", U"救助",
      U"资助", U"表彰", U"获", U"晋升", U"选拔", U"提拔", U"人次"};
  return words;
}

// Whether the words before a figure name the whole staff: a staff noun (员工, 职工) once, the rest words
// of a headcount's clause (subject, 现有 / 共有, 在岗 / 在职 / 在册, 总数, 数量) or a date's digits.
bool NamesWholeStaff(std::u32string lead) {
  static const std::vector<std::u32string> kStaff = {U"员工", U"职工"};
  // Longest first.
  static const std::vector<std::u32string> kWhole = {
      U"员工总人数", U"职工总人数", U"总人数", U"总数", U"人数", U"数量", U"本公司", U"本集团", U"我公司", U"全公司",
      U"公司", U"集团", U"本行", U"我行", U"全行", U"我们", U"现有", U"共有", U"拥有", U"在岗", U"在职", U"在册",
      U"全体", U"干部", U"截至", U"截止", U"年底", U"年末", U"共计", U"合计", U"达到", U"共", U"有", U"为", U"达",
      U"计", U"年", U"月", U"日", U"底", U"末"};
  int nouns = 0;
  for (const std::u32string& w : kStaff) {
    for (size_t at = lead.find(w); at != lead.npos; at = lead.find(w)) {
      lead.erase(at, w.size());
      ++nouns;
    }
  }
  if (nouns != 1) return false;
  for (const std::u32string& w : kWhole) {
    for (size_t at = lead.find(w); at != lead.npos; at = lead.find(w)) lead.erase(at, w.size());
  }
  return std::all_of(lead.begin(), lead.end(), AsciiDigit);
}

// A clause of a sentence's text (SentenceFigures): [begin, end) and the figures starting in it.
struct TextClause {
  size_t begin, end;
  std::vector<std::pair<size_t, int>> figures;
};

// The clauses of a sentence's text, each ended by a comma, 、, colon, semicolon or the sentence's end
// (not by a thousands separator: `39,098`).
std::vector<TextClause> CommaClauses(const std::u32string& text, const std::vector<std::pair<size_t, int>>& in_sentence) {
  auto ends_at = [&](size_t e) {
    const char32_t c = text[e];
    if (c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？') return true;
    if (c == U',' && e > 0 && e + 1 < text.size() && AsciiDigit(text[e - 1]) && AsciiDigit(text[e + 1])) return false;
    return c == U'，' || c == U',' || c == U'、' || c == U'：' || c == U':';
  };
  std::vector<TextClause> clauses;
  for (size_t b = 0, e = 0; b <= text.size(); b = e + 1) {
    e = b;
    while (e < text.size() && !ends_at(e)) ++e;
    TextClause c{b, e, {}};
    for (const auto& pf : in_sentence) {
      if (pf.first >= b && pf.first < e) c.figures.push_back(pf);
    }
    clauses.push_back(std::move(c));
    if (e >= text.size()) break;
  }
  return clauses;
}

// The code points of a figure's printed text that SentenceFigures keeps (blanks dropped).
size_t KeptCps(const std::string& printed) {
  size_t n = 0;
  for (char32_t ch : U32(printed)) n += ch != U' ' && ch != U'\t' && ch != 0x3000;
  return n;
}

}  // namespace

void RelationAnalysis::FindStaffGroupSubsets(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const std::string_view view = doc.MatchView();
  std::vector<std::pair<uint64_t, int>> by_view;
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind == ESGAUDIT_FACT_QUANTITY || f.kind == ESGAUDIT_FACT_PERCENT) {
      by_view.emplace_back(doc.TextToView(f.offset), static_cast<int>(i));
    }
  }
  std::sort(by_view.begin(), by_view.end());
  std::set<int> parts_taken;
  for (const Relation& r : relations_) parts_taken.insert(r.parts.begin(), r.parts.end());
  static const std::vector<std::u32string> kGroupNouns = {U"员工", U"职工", U"人员"};
  static const std::vector<std::u32string> kSubsetWord = {U"其中", U"包括", U"包含", U"含"};
  // Whether the words before a figure name a group of people: a category, or a qualified staff noun.
  auto group = [&](const std::u32string& lead) {
    if (Categorise(ToUtf8(lead)).first >= 0) return true;
    for (const std::u32string& w : kGroupNouns) {
      if (lead.size() > w.size() && EndsWithU(lead, w)) return true;
    }
    return false;
  };
  std::u32string text;
  std::vector<std::pair<size_t, int>> in_sentence;
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    if (!SomeSpanOf(doc, st, view, [](std::string_view words) { return sdk::Contains(words, "员工") || sdk::Contains(words, "职工"); })) {
      continue;
    }
    if (Fast() && SentenceFigureCount(doc, st, by_view) < 2) continue;
    SentenceFigures(doc, st, by_view, &text, &in_sentence);
    if (in_sentence.size() < 2) continue;
    const std::vector<TextClause> clauses = CommaClauses(text, in_sentence);
    // The figure's printed text ends its clause (blanks aside).
    auto ends_clause = [&](const TextClause& c, size_t pos, int f) { return pos + KeptCps(figures_[f].text) == c.end; };
    for (size_t h = 0; h + 1 < clauses.size(); ++h) {
      const TextClause& hc = clauses[h];
      if (hc.figures.size() != 1) continue;
      const auto [hpos, total] = hc.figures[0];
      const Figure& tf = figures_[total];
      if (tf.kind != ESGAUDIT_FACT_QUANTITY || tf.unit != "人" || tf.value <= 0 || !ends_clause(hc, hpos, total) ||
          !NamesWholeStaff(text.substr(hc.begin, hpos - hc.begin))) {
        continue;
      }
      for (size_t g = h + 1; g < clauses.size(); ++g) {
        const TextClause& gc = clauses[g];
        const std::u32string words = text.substr(gc.begin, gc.end - gc.begin);
        if (gc.figures.empty() || HasAnyOf(words, kSubsetWord)) break;
        if (std::all_of(gc.figures.begin(), gc.figures.end(),
                        [&](const auto& pf) { return figures_[pf.second].kind == ESGAUDIT_FACT_PERCENT; })) {
          continue;
        }
        if (HasAnyOf(words, OutsideStaffWords())) break;
        if (gc.figures.size() != 1) break;
        const auto [gpos, part] = gc.figures[0];
        const Figure& pf = figures_[part];
        if (pf.kind != ESGAUDIT_FACT_QUANTITY || pf.unit != tf.unit || !ends_clause(gc, gpos, part)) break;
        if (pf.value <= 0 || parts_taken.count(part) || !group(text.substr(gc.begin, gpos - gc.begin))) continue;
        Relation r = Stated(RelationKind::kSubset, total, {part});
        r.cue = SubsetCue::kStaffGroup;
        r.certainty = Certainty::kLikely;
        r.flag = !r.consistent;
        Add(std::move(r));
        parts_taken.insert(part);
      }
      break;
    }
  }
}

// A whole-staff headcount, then within kMaxLines lines, in a later sentence with no subset word, its
// bands in the headcount's unit: `公司共有员工2245人，其中女员工占比36%。30岁以下189人，30-40岁772人，
// 40-50岁999人，50岁以上285人。博士研究生1人，…，中专及以下为852人。` The bands are read only as a closed set
// covering every level: ages from an open lower band (30岁以下) to an open upper one (50岁以上), numeric
// bands between (or the reverse order); education from the top level (博士, a band 及以上, or 研究生 not
// qualified as 硕士) down to an open band (大专以下, 中专及以下), categories of the education dimension
// between. A sentence holds the set and nothing else: one count per clause, ending it, each clause
// optionally followed by its share (`，占4%`), figure-less words before the first band (`学历结构方面`);
// when every band has its share, the shares are a percent breakdown (unless far from 100 % with no
// slipped share to explain it: NearHundredOrSlip).
// The headcount (its clause the staff noun, words of a headcount and the figure alone, as in
// FindStaffGroupSubsets) is the last count of people before the set: any other count of people between
// (a 其中 group, a sub-group's headcount such as 管理人员, hires) leaves the set unread, while shares and
// an earlier band set of the same headcount do not. Bands of hires, leavers or trainees (the words of
// OutsideStaffWords in the sentence) are no split of the staff. Closed sets name every level, so a sum
// off either way is an error; an approximate headcount (约, 余) proves nothing and is not read.
void RelationAnalysis::FindBandsAfterAHeadcount(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  constexpr uint32_t kMaxLines = 3;
  const std::string_view view = doc.MatchView();
  if (view.find("岁") == view.npos && view.find("以下") == view.npos) return;
  // Counts of people and shares (an age band's bound is no figure, LoadFigures drops it).
  std::vector<std::pair<uint64_t, int>> by_view;
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if ((f.kind == ESGAUDIT_FACT_QUANTITY && PeopleUnit(f.unit)) || f.kind == ESGAUDIT_FACT_PERCENT) {
      by_view.emplace_back(doc.TextToView(f.offset), static_cast<int>(i));
    }
  }
  std::sort(by_view.begin(), by_view.end());
  const std::set<int> taken = FiguresInRelations();
  static const std::vector<std::u32string> kSubsetWord = {U"其中", U"包括", U"包含", U"含"};
  int education = -1;
  for (size_t d = 0; d < Dimensions().size(); ++d) {
    if (std::string_view(Dimensions()[d].name) == "education") education = static_cast<int>(d);
  }
  // A label naming an education level by the dimension's words: Categorise takes 博士研究生 (two of them)
  // for no category.
  auto is_education = [&](const std::string& label) {
    const int d = Categorise(label).first;
    if (education < 0 || (d >= 0 && d != education)) return false;
    const auto& words = Dimensions()[education].categories;
    return std::any_of(words.begin(), words.end(), [&](const auto& w) { return sdk::Contains(label, w.first); });
  };
  auto top_education = [](const std::string& label) {
    return sdk::Contains(label, "博士") || UpperBand(label) || (sdk::Contains(label, "研究生") && !sdk::Contains(label, "硕士"));
  };
  // Whether the labels, in order, are a closed set of bands: ages or education levels.
  auto closed_bands = [&](const std::vector<std::string>& labels) {
    if (labels.size() < 2) return false;
    auto inner = [&](auto test) {
      return std::all_of(labels.begin() + 1, labels.end() - 1, test);
    };
    const std::string& first = labels.front();
    const std::string& last = labels.back();
    if (std::all_of(labels.begin(), labels.end(), [](const std::string& l) { return AgeBandLabel(l); })) {
      auto between = [](const std::string& l) { return !LowerBand(l) && !UpperBand(l); };
      const bool up = LowerBand(first) && !UpperBand(first) && UpperBand(last) && !LowerBand(last);
      const bool down = UpperBand(first) && !LowerBand(first) && LowerBand(last) && !UpperBand(last);
      return (up || down) && inner(between);
    }
    if (std::all_of(labels.begin(), labels.end(), is_education)) {
      return top_education(first) && LowerBand(last) && !UpperBand(last) &&
             inner([](const std::string& l) { return !LowerBand(l) && !sdk::Contains(l, "博士"); });
    }
    return false;
  };
  int headcount = -1;  // the last count of people read, when it is a whole-staff headcount
  std::u32string text, more_text;
  std::vector<std::pair<size_t, int>> in_sentence, more_figures;
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    if (!SomeSpanOf(doc, st, view, [](std::string_view words) {
          return sdk::Contains(words, "人") || sdk::Contains(words, "名") || sdk::Contains(words, "位");
        })) {
      continue;
    }
    // Without a headcount before it, a sentence acts only by naming one: a staff noun (员工, 职工) in its
    // text, so 员 or 职 in a span (a noun may wrap from one line to the next). A sentence with neither,
    // which no semicolon joins to the next, leaves the headcount as it is and is passed undecoded.
    if (Fast() && headcount < 0 && !MayEndWithSemicolon(doc, st, view) &&
        !SomeSpanOf(doc, st, view,
                    [](std::string_view words) { return sdk::Contains(words, "员") || sdk::Contains(words, "职"); })) {
      continue;
    }
    SentenceFigures(doc, st, by_view, &text, &in_sentence);
    // Sentences joined by a semicolon are one list (`硕士及以上人员318人，占4%；本科学历人员2395人，…`).
    while (!text.empty() && (text.back() == U';' || text.back() == U'；') && si + 1 < sentences) {
      SentenceFigures(doc, doc.Sentence(++si), by_view, &more_text, &more_figures);
      for (auto& [pos, f] : more_figures) in_sentence.emplace_back(pos + text.size(), f);
      text += more_text;
    }
    if (in_sentence.empty()) continue;
    const std::vector<TextClause> clauses = CommaClauses(text, in_sentence);
    auto ends_clause = [&](const TextClause& c, size_t pos, int f) { return pos + KeptCps(figures_[f].text) == c.end; };
    auto share = [&](int f) { return figures_[f].kind == ESGAUDIT_FACT_PERCENT; };
    // The sentence as a band set: each clause a band's count ending it, or a share after a band.
    std::vector<int> parts, shares;
    std::vector<std::string> labels;
    bool bands = headcount >= 0 && !HasAnyOf(text, kSubsetWord) && !HasAnyOf(text, OutsideStaffWords());
    for (size_t c = 0; bands && c < clauses.size(); ++c) {
      const TextClause& tc = clauses[c];
      if (tc.figures.empty()) {
        bands = parts.empty() || tc.begin == tc.end;  // words before the first band only
        continue;
      }
      if (tc.figures.size() != 1) {
        bands = false;
        break;
      }
      const auto [pos, f] = tc.figures[0];
      if (share(f)) {
        bands = !parts.empty() && shares.size() < parts.size() &&
                text.substr(tc.begin, pos - tc.begin).find(U'占') != std::u32string::npos;
        shares.push_back(f);
        continue;
      }
      const Figure& g = figures_[f];
      bands = g.unit == figures_[headcount].unit && g.value >= 0 && !taken.count(f) && ends_clause(tc, pos, f) &&
              pos > tc.begin;
      parts.push_back(f);
      labels.push_back(ToUtf8(text.substr(tc.begin, pos - tc.begin)));
    }
    if (bands && closed_bands(labels) && figures_[parts.front()].line <= figures_[headcount].line + kMaxLines) {
      Relation r = Stated(RelationKind::kPartsTotal, headcount, parts);
      r.flag = !r.consistent;
      Add(std::move(r));
      // Each band's share after it: the shares of the closed set are a breakdown of the headcount, unless
      // their sum is far from 100 % (shares of another base) and no slipped share explains it.
      if (shares.size() == parts.size() && std::none_of(shares.begin(), shares.end(), [&](int f) { return taken.count(f); })) {
        Relation p = Stated(RelationKind::kPercentBreakdown, -1, shares);
        p.caption = figures_[headcount].label;
        p.flag = !p.consistent;
        if (NearHundredOrSlip(&p)) {
          // A share's own label is 占: it takes its band's.
          for (size_t k = 0; k < shares.size(); ++k) figures_[shares[k]].label = figures_[parts[k]].label;
          Add(std::move(p));
        }
      }
      continue;  // a further band set may follow for the same headcount
    }
    // Otherwise the sentence's last count of people is the headcount for what follows, if it names the
    // whole staff.
    for (const TextClause& tc : clauses) {
      for (const auto& [pos, f] : tc.figures) {
        if (share(f)) continue;
        const Figure& g = figures_[f];
        const bool whole = tc.figures.size() == 1 && g.qualifiers == 0 && g.value > 0 && ends_clause(tc, pos, f) &&
                           NamesWholeStaff(text.substr(tc.begin, pos - tc.begin));
        headcount = whole ? f : -1;
      }
    }
  }
}

// A count with its noun, then after `，` (or inside a bracket right after it) the counts of its kinds,
// each in the count's classifier, with no subset word: `荣获奖项34个，团体奖3个，个人奖31个`,
// `完成科技成果410项，煤炭类152项，煤化工类237项`, `共9项成果获奖（1项二等奖，8项三等奖）`. Counts of one
// classifier that follow each other add up by chance often enough (`焚烧厂12个，中转站5个，填埋场5个…`,
// `董事会9次，监事会8次，股东大会1次`), so the sum proves nothing: the words must say the parts are kinds
// of the total. Each part's label (the words before its figure, or after its classifier when the figure
// opens the clause: `1项二等奖`) ends with a character of the total's clause (奖 of 奖项, 线 of 航线)
// and every one opens with a kind word (国内 / 国际, 个人 / 团体, 一等 / 二等 …: kWords below; the total
// names none, else it is a peer), or
// every label ends with 类 (a named category). The parts run to the sentence's end, a closing bracket or
// a clause without a figure of the classifier; a clause with such a figure that is no part, or with a
// subset or total word (其中, 分别, 共, 合计 …: another reader's, or a list of peers each with its own
// total), reads nothing. The set of kinds is named by no closed dimension and the grouping is read from
// the words, so the relation is Likely: a sum off either way is a warning. Figures already in a
// relation are left alone.
void RelationAnalysis::FindKindsAfterATotal(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  static const std::u32string kClassifiers = U"项个条次家件座台所种批篇部本辆艘架处支场位名人户只间套";
  static const std::vector<std::u32string> kWords = {
      U"国内", U"国际", U"境内", U"境外", U"海外", U"国外", U"省内", U"省外", U"个人", U"团体", U"集体",
      U"特等", U"一等", U"二等", U"三等", U"国家级", U"省级", U"市级", U"部级", U"区级", U"县级"};
  static const std::vector<std::u32string> kSubsetWords = {U"其中", U"包括", U"包含", U"含", U"分别", U"分別"};
  static const std::vector<std::u32string> kStop = {U"其中", U"包括", U"包含", U"含", U"分别", U"分別",
                                                     U"共", U"合计", U"总计", U"累计", U"总"};
  // A part's label opening so counts the year's additions or losses, not a kind of the stock.
  static const std::vector<std::u32string> kEvents = {U"新", U"增", U"减", U"撤", U"关闭", U"停"};
  auto has_any = [](const std::u32string& s, const std::vector<std::u32string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::u32string& w) { return s.find(w) != s.npos; });
  };
  auto opens_with_any = [](const std::u32string& s, const std::vector<std::u32string>& words) {
    return std::any_of(words.begin(), words.end(), [&](const std::u32string& w) { return s.compare(0, w.size(), w) == 0; });
  };
  auto counted = [&](int f) {
    const Figure& fig = figures_[f];
    const std::u32string unit = U32(fig.unit);
    return fig.kind == ESGAUDIT_FACT_QUANTITY && fig.value > 0 && unit.size() == 1 &&
           kClassifiers.find(unit[0]) != std::u32string::npos;
  };
  std::vector<std::pair<uint64_t, int>> by_view;
  for (size_t i = 0; i < figures_.size(); ++i) {
    if (counted(static_cast<int>(i))) by_view.emplace_back(doc.TextToView(figures_[i].offset), static_cast<int>(i));
  }
  if (by_view.size() < 3) return;
  std::sort(by_view.begin(), by_view.end());
  const std::set<int> taken = FiguresInRelations();
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  std::u32string text;
  std::vector<std::pair<size_t, int>> in_sentence;
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    if (Fast() && SentenceFigureCount(doc, st, by_view) < 3) continue;
    SentenceFigures(doc, st, by_view, &text, &in_sentence);
    if (in_sentence.size() < 3) continue;
    // The clauses: [begin, end), the mark ending each and the figures in each. A comma between digits is a
    // thousands separator (`1,060条`).
    struct Clause {
      size_t begin, end;
      char32_t mark;
      std::vector<std::pair<size_t, int>> figures;
    };
    std::vector<Clause> clauses;
    auto mark_at = [&](size_t e) {
      const char32_t c = text[e];
      if (c == U',' && e > 0 && e + 1 < text.size() && digit(text[e - 1]) && digit(text[e + 1])) return false;
      return c == U'，' || c == U',' || c == U'、' || c == U'（' || c == U'(' || c == U'）' || c == U')' ||
             c == U'。' || c == U'；' || c == U';' || c == U'：' || c == U':' || c == U'！' || c == U'？';
    };
    for (size_t b = 0, e = 0; b <= text.size(); b = e + 1) {
      e = b;
      while (e < text.size() && !mark_at(e)) ++e;
      Clause c{b, e, e < text.size() ? text[e] : U'。', {}};
      for (const auto& pf : in_sentence) {
        if (pf.first >= b && pf.first < e) c.figures.push_back(pf);
      }
      clauses.push_back(std::move(c));
      if (e >= text.size()) break;
    }
    auto printed = [&](int f) {
      size_t n = 0;
      for (char32_t ch : U32(figures_[f].text)) n += ch != U' ' && ch != U'\t' && ch != 0x3000;
      return n;
    };
    for (size_t h = 0; h + 2 < clauses.size(); ++h) {
      const Clause& hc = clauses[h];
      if (hc.figures.size() != 1 || (hc.mark != U'，' && hc.mark != U',' && hc.mark != U'（' && hc.mark != U'(')) continue;
      const int total = hc.figures[0].second;
      // The total's words, its figure left out.
      std::u32string twords = text.substr(hc.begin, hc.end - hc.begin);
      twords.erase(hc.figures[0].first - hc.begin, printed(total));
      // A total naming a kind itself (`一等奖1项，二等奖1项`) is a peer of the counts after it.
      if (has_any(twords, kSubsetWords) || has_any(twords, kWords) || taken.count(total)) continue;
      const bool bracket = hc.mark == U'（' || hc.mark == U'(';
      std::vector<int> parts;
      bool kind_word = false, all_classes = true, clean = true;
      size_t g = h + 1;
      for (; g < clauses.size(); ++g) {
        const Clause& gc = clauses[g];
        std::vector<std::pair<size_t, int>> same;
        for (const auto& pf : gc.figures) {
          if (figures_[pf.second].unit == figures_[total].unit) same.push_back(pf);
        }
        if (same.empty()) break;
        const std::u32string words = text.substr(gc.begin, gc.end - gc.begin);
        if (same.size() != 1 || gc.figures.size() != 1 || has_any(words, kStop) || taken.count(same[0].second)) {
          clean = false;
          break;
        }
        const auto [pos, part] = same[0];
        std::u32string label = text.substr(gc.begin, pos - gc.begin);
        if (label.empty()) label = text.substr(pos + printed(part), gc.end - pos - printed(part));
        else if (pos + printed(part) != gc.end) label.clear();
        if (label.empty() || (label.back() != U'类' && twords.find(label.back()) == std::u32string::npos) ||
            opens_with_any(label, kEvents)) {
          clean = false;
          break;
        }
        kind_word = (parts.empty() || kind_word) && opens_with_any(label, kWords);
        all_classes = all_classes && label.back() == U'类';
        parts.push_back(part);
        const char32_t m = gc.mark;
        if (m == U'。' || m == U'；' || m == U';' || m == U'！' || m == U'？' || m == U'）' || m == U')') break;
        if (m != U'，' && m != U',' && m != U'、') {
          clean = false;
          break;
        }
      }
      // Inside a bracket the parts must close it.
      if (bracket && (g >= clauses.size() || (clauses[g].mark != U'）' && clauses[g].mark != U')'))) clean = false;
      if (!clean || parts.size() < 2 || !(kind_word || all_classes)) continue;
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent;
      Add(std::move(r));
      h = g;
    }
  }
}

// A group's figure and the same figure of one of its members: `2016年，本集团公务车用油采购量约233.68万升，
// …。2016年，本行公务车用油采购量约229.38万升`. Two quantities of one unit and magnitude, at most
// kMaxCodePoints apart in one paragraph, whose labels open with the group (本集团) and with a member (本行,
// 本公司) and then say the same words: the member's is a part of the group's. Read from the subjects'
// words, so a member above its group is a warning. Not read: money (a group's accounts drop what its
// members owe each other, so a member's amount may exceed them), a per-head, average, per-unit, rate or
// share value, a change or a net figure (words of the label), figures in sentences of different years,
// and a figure already part of a relation.
void RelationAnalysis::FindGroupMemberSubsets(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  constexpr size_t kMaxCodePoints = 120;
  static const std::vector<std::u32string> kGroup = {U"本集团"};
  static const std::vector<std::u32string> kMember = {U"本行", U"本公司"};
  static const std::vector<std::u32string> kNotAdditive = {U"人均", U"平均", U"每", U"单位", U"率", U"占", U"比",
                                                            U"增", U"减", U"降", U"上升", U"变化", U"净", U"差"};
  const std::string_view view = doc.MatchView();
  auto subject = [](const std::u32string& label, const std::vector<std::u32string>& words, std::u32string* rest) {
    for (const std::u32string& w : words) {
      if (label.compare(0, w.size(), w) == 0) {
        *rest = label.substr(w.size());
        return ToUtf8(w);
      }
    }
    return std::string();
  };
  // The year a figure's sentence names before it (2016年), or 0.
  auto year_of = [&](const Figure& f) {
    const uint64_t end = doc.TextToView(f.offset);
    uint64_t from = end > 240 ? end - 240 : 0;
    while (from < end && (static_cast<unsigned char>(view[from]) & 0xC0) == 0x80) ++from;
    const std::u32string u = U32(view.substr(from, end - from));
    const size_t stop = u.find_last_of(U"。！？\n");
    int year = 0;
    for (size_t k = stop == u.npos ? 0 : stop + 1; k + 4 < u.size(); ++k) {
      if (u[k] == U'2' && u[k + 1] == U'0' && u[k + 2] >= U'0' && u[k + 2] <= U'9' && u[k + 3] >= U'0' &&
          u[k + 3] <= U'9' && u[k + 4] == U'年' && (k == 0 || u[k - 1] < U'0' || u[k - 1] > U'9')) {
        year = 2000 + (u[k + 2] - U'0') * 10 + (u[k + 3] - U'0');
      }
    }
    return year;
  };
  std::vector<int> order;
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind != ESGAUDIT_FACT_QUANTITY || f.value <= 0 || f.unit.find('/') != std::string::npos ||
        f.unit.find("元") != std::string::npos) {
      continue;
    }
    order.push_back(static_cast<int>(i));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
  // The group's figures, with what their labels say after the group.
  std::vector<std::tuple<int, std::u32string, std::string>> groups;
  for (int a : order) {
    std::u32string what_a;
    std::string g = subject(U32(figures_[a].label), kGroup, &what_a);
    if (!g.empty()) groups.emplace_back(a, std::move(what_a), std::move(g));
  }
  if (groups.empty()) return;
  std::set<int> parts_taken;
  for (const Relation& r : relations_) parts_taken.insert(r.parts.begin(), r.parts.end());
  for (size_t j = 0; j < order.size(); ++j) {
    const int b = order[j];
    const Figure& fb = figures_[b];
    std::u32string what;
    const std::string member = subject(U32(fb.label), kMember, &what);
    if (member.empty() || what.size() < 2 || parts_taken.count(b)) continue;
    if (std::any_of(kNotAdditive.begin(), kNotAdditive.end(), [&](const std::u32string& w) { return what.find(w) != what.npos; })) {
      continue;
    }
    const uint64_t b_begin = doc.TextToView(fb.offset);
    // The nearest group figure before or after it saying the same words.
    int best = -1;
    size_t best_gap = kMaxCodePoints + 1;
    std::string group;
    for (const auto& [a, what_a, g] : groups) {
      const Figure& fa = figures_[a];
      if (a == b || fa.unit != fb.unit || fa.magnitude != fb.magnitude || what_a != what) continue;
      // A figure without a unit the reader knows (万升): the same word follows both.
      if (fa.unit.empty()) {
        const std::u32string ua = U32(fa.after), ub = U32(fb.after);
        if (ua.empty() || ub.empty() || ua[0] != ub[0] || ua[0] < 0x4E00 || ua[0] > 0x9FFF) continue;
      }
      const uint64_t a_begin = doc.TextToView(fa.offset);
      const uint64_t lo = std::min(a_begin, b_begin), hi = std::max(a_begin, b_begin);
      if (hi > view.size()) continue;
      const std::u32string span = U32(view.substr(lo, hi - lo));
      if (span.size() > kMaxCodePoints || span.find(U"\n\n") != span.npos || span.size() >= best_gap) continue;
      if (year_of(fa) != year_of(fb)) continue;
      best = a;
      best_gap = span.size();
      group = g;
    }
    if (best < 0) continue;
    Relation r = Stated(RelationKind::kSubset, best, {b});
    r.cue = SubsetCue::kGroupMember;
    r.whole_verb = group;
    r.part_verb = member;
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
    parts_taken.insert(b);
  }
}

// A year's addition within a running total: two figures of one unit and magnitude in one sentence
// of the structure model (at most kMaxCodePoints apart), one counted up to now (累计,
// 累积 or 历年 in its clause, no year of its own there) and one of the year (新增, 新 before a verb such
// as 新培养 or 新开发, 当年, 本年, a year
// such as 2016年 in its clause, a sentence opening with the year alone: `2016年，…`, or the clause right
// before a 历年 clause: `收集超过2,800个，历年累积收集近25,000个`), in either
// order, both of the same thing: what is left of the two clauses once the cue words, the figures and
// the words of the subject and of the verb's size (公司, 已, 共, 达, 为, 总额) are dropped, and the
// words of taxes, gifts and cash dividends said one way (税金 / 税收, 捐赠 / 捐款, 现金红利 / 分配现金), is the same,
// or one holds the other (基金会捐赠 / 捐赠), or the later clause says nothing else (`…新增供应商22家，
// 累计达166家`). The year's figure is a part of the running total, Likely (a warning): the pairing
// is read from the wording; approximate figures are compared by their ranges. Not read as such: a
// change (同比, 较, 增长, 增加, 减少: a difference, not a part), a stock (拥有, 现有, 余额: what is held, not added), a clause with 其中 or a per-head figure, a
// year's end (2016年底 dates a running total), two scopes apart (国内 against 国外), and a running
// total over a year of its own (`2016年累计…`: a sum within the year, which a year's part may exceed
// in another reading), and a running total after 其中 that follows the year's figure (`全年共培训12000人次，
// 其中，新员工累计培训3000人次`: 累计 counts the part's own total within the year, a part of the year's
// figure, not a total over it). Across a sentence end only as pair_with_the_sentence_before says.
void RelationAnalysis::FindRunningTotalSubsets(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  constexpr size_t kMaxCodePoints = 60;  // from one figure to the other
  const std::string_view view = doc.MatchView();
  std::vector<int> order;
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind == ESGAUDIT_FACT_QUANTITY && !f.unit.empty() && f.value > 0 && f.unit.find('/') == std::string::npos) {
      order.push_back(static_cast<int>(i));
    }
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
  std::set<int> parts_taken;
  for (const Relation& r : relations_) parts_taken.insert(r.parts.begin(), r.parts.end());
  auto has = [](const std::u32string& s, std::initializer_list<std::u32string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::u32string_view w) { return s.find(w) != s.npos; });
  };
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  // A year of its own: 2016年 not dating an end (2016年底, 2016年末, 2016年12月).
  auto names_year = [&](const std::u32string& s) {
    for (size_t k = 4; k < s.size(); ++k) {
      if (s[k] != U'年' || s[k - 4] != U'2' || s[k - 3] != U'0' || !digit(s[k - 2]) || !digit(s[k - 1])) continue;
      if (k >= 5 && digit(s[k - 5])) continue;
      if (k + 1 < s.size() && (s[k + 1] == U'底' || s[k + 1] == U'末' || digit(s[k + 1]))) continue;
      return true;
    }
    return false;
  };
  struct Clause {
    std::u32string words;  // the figure's clause: from the last comma or colon of its sentence
    std::u32string head;   // the sentence's first clause when it is not the figure's own
  };
  // The clause of the code point at `pos` of a sentence's code points (blanks dropped).
  auto clause_at = [](const std::u32string& s, size_t pos) {
    auto comma = [](char32_t ch) { return ch == U'，' || ch == U',' || ch == U'：' || ch == U':'; };
    Clause c;
    size_t last = pos;
    while (last > 0 && !comma(s[last - 1])) --last;
    c.words = s.substr(last, pos - last);
    if (last > 0) {
      size_t first = 0;
      while (first < last && !comma(s[first])) ++first;
      c.head = s.substr(0, first);
    }
    return c;
  };
  // 新 before the verb of what was done anew (新培养讲师, 新开发项目, 新建厂房): the period's addition as
  // 新增 says it. Verbs only: 新 before a noun (新能源, 新员工, 新产品) names a kind, not the period.
  // Right after 累计 / 累积 / 历年 the verb is the running total's own (累计新建学校150所), no cue.
  auto done_anew = [&](const Clause& c) {
    for (std::u32string_view w : {U"新培养", U"新开发", U"新建", U"新招", U"新签", U"新发展", U"新认定", U"新引进",
                                  U"新录用", U"新聘", U"新获"}) {
      for (size_t at = c.words.find(w); at != c.words.npos; at = c.words.find(w, at + 1)) {
        const std::u32string_view before = std::u32string_view(c.words).substr(0, at);
        const bool of_the_total = before.size() >= 2 && (before.substr(before.size() - 2) == U"累计" ||
                                                          before.substr(before.size() - 2) == U"累积" ||
                                                          before.substr(before.size() - 2) == U"历年");
        if (!of_the_total) return true;
      }
    }
    return false;
  };
  auto cumulative = [&](const Clause& c) {
    return has(c.words, {U"累计", U"累积", U"历年"}) &&
           !has(c.words, {U"新增", U"当年", U"本年", U"年内", U"今年", U"全年", U"本期", U"报告期"}) &&
           !done_anew(c) && !names_year(c.words);
  };
  auto stock = [&](const Clause& c) {  // counted up to now, or held
    return has(c.words, {U"累计", U"累积", U"历年", U"截至", U"截止", U"以来", U"拥有", U"现有", U"共有",
                         U"在职", U"在岗", U"余额", U"存量", U"保有"});
  };
  auto of_the_year = [&](const Clause& c) {
    if (stock(c)) return false;
    if (has(c.words, {U"新增", U"当年", U"本年", U"年内", U"今年", U"全年", U"本期", U"报告期内"}) ||
        done_anew(c) || names_year(c.words)) {
      return true;
    }
    // The head ends with the period (a title the model ran into the sentence may stand before it),
    // not with a date a running total counts up to (截至2016年).
    std::u32string h = c.head;
    if (has(h, {U"截至", U"截止", U"以来", U"累计"})) return false;
    for (std::u32string_view w : {U"本报告期内", U"报告期内", U"本年度", U"年内", U"今年", U"全年", U"本年", U"当年",
                                  U"本期"}) {
      if (h.size() >= w.size() && std::u32string_view(h).substr(h.size() - w.size()) == w) return true;
    }
    // The head opens with the year and goes on (`2016年在企业效益下滑的形势下，仍上缴税费3.0亿元`,
    // `2016年公司实施了…方案，共计派发…`): the year dates the sentence. Not a span or a date within it
    // (2016年起, 2016年以来, 2016年至, 2016年前, 2016年12月: names_year passes no digit after 年).
    if (h.size() > 5 && h[4] == U'年' && names_year(h.substr(0, 6)) &&
        std::u32string_view(U"起以至开前后来初").find(h[5]) == std::u32string_view::npos) {
      return true;
    }
    if (h.size() >= 2 && (h.substr(h.size() - 2) == U"年度" || h.substr(h.size() - 2) == U"年内")) h.pop_back();
    return h.size() >= 5 && names_year(h.substr(h.size() - 5)) && (h.size() == 5 || !digit(h[h.size() - 6]));
  };
  auto unfit = [&](const Clause& c) {  // a change, a part stated otherwise, a figure per head
    return has(c.words, {U"同比", U"较", U"比上年", U"增长", U"增加", U"减少", U"下降", U"提高", U"上升", U"降低",
                         U"其中", U"人均", U"平均", U"每"});
  };
  // What a clause counts, once the figures and the words of cue, subject and size are dropped.
  auto thing = [&](std::u32string s) {
    static const std::vector<std::u32string> kDrop = {
        U"报告期内", U"累计", U"累积", U"历年", U"新增", U"当年", U"本年度", U"本年", U"年内", U"今年",
        U"全年", U"年度", U"以来", U"共计", U"总计", U"合计", U"总额", U"总数", U"金额", U"数量", U"达到",
        U"各项", U"本公司", U"公司", U"集团", U"全行", U"我们", U"已", U"共", U"达", U"为", U"约", U"超过",
        U"逾", U"近", U"数", U"了"};
    // Up to the last figure in the clause and its unit's first character.
    size_t k = s.size();
    while (k > 0 && !digit(s[k - 1])) --k;
    if (k > 0) {
      while (k < s.size() && (s[k] == U',' || s[k] == U'.' || digit(s[k]))) ++k;
      s.erase(0, std::min(k + 1, s.size()));
    }
    for (const std::u32string& w : kDrop) {
      for (size_t at = s.find(w); at != s.npos; at = s.find(w)) s.erase(at, w.size());
    }
    // Words a report varies for one thing within a sentence: taxes paid (上缴税金, 缴纳税收), gifts
    // (捐赠, 捐款, 捐资, 捐助) and cash dividends (现金红利, 现金分红, 分配现金, 派现), each said one way.
    // Longer words first.
    static const std::pair<std::u32string, std::u32string> kSame[] = {
        {U"现金红利", U"分红"}, {U"现金分红", U"分红"}, {U"分配现金", U"分红"}, {U"红利", U"分红"},
        {U"派现", U"分红"},     {U"上缴", U"缴纳"},
        {U"税金", U"税收"},     {U"税费", U"税收"},     {U"税款", U"税收"}, {U"捐款", U"捐赠"},
        {U"捐资", U"捐赠"},     {U"捐助", U"捐赠"}};
    for (const auto& [from, to] : kSame) {
      for (size_t at = s.find(from); at != s.npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    }
    std::u32string out;
    for (char32_t ch : s) {
      if (ch >= 0x3400 && ch < 0xA000) out.push_back(ch);
    }
    return out;
  };
  auto scopes_apart = [&](const std::u32string& a, const std::u32string& b) {
    const bool home_a = has(a, {U"国内", U"境内"}), away_a = has(a, {U"国外", U"境外", U"海外"});
    const bool home_b = has(b, {U"国内", U"境内"}), away_b = has(b, {U"国外", U"境外", U"海外"});
    return (home_a && away_b) || (away_a && home_b);
  };
  // Figures by their first byte in the matching view.
  std::vector<std::pair<uint64_t, int>> by_view;
  for (int f : order) by_view.emplace_back(doc.TextToView(figures_[f].offset), f);
  std::sort(by_view.begin(), by_view.end());
  using Placed = std::vector<std::pair<size_t, int>>;  // (code point, figure)
  auto paragraph_of = [&](uint32_t si, const esgaudit_sentence& st) {
    return st.struct_size >= kParagraphEnd ? st.paragraph : si;  // a host without paragraphs: each alone
  };
  // The year's figure `y` within the running total `c`: read from the wording, so Likely (a warning).
  auto add_running_total = [&](int c, int y) {
    Relation r = Stated(RelationKind::kSubset, c, {y});
    r.cue = SubsetCue::kRunningTotal;
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
    parts_taken.insert(y);
  };
  // A running total over a stated span (以来: since listing, since founding; N年来) in the first
  // clauses of its sentence, the year's figure of the same thing in the sentence before, of the same
  // paragraph: `2016年分配现金红利共计8293万元。公司上市4年来累计分配现金红利近4.73亿元`. The year's
  // figure is the last of the running total's unit in its sentence, the running total the first of its
  // unit in its own; magnitudes may differ (万 and 亿): values are compared. The year's clause and the
  // sameness of what the two count are judged as within one sentence. Without the span, two sentences
  // are not paired: the second may count over another scope.
  auto pair_with_the_sentence_before = [&](uint32_t prev, const std::u32string& text, const Placed& in_sentence,
                                           size_t cpos, int c) {
    const Figure& fc = figures_[c];
    const Clause cc = clause_at(text, cpos);
    // 其中 before the running total in its sentence makes it a part of a figure before it.
    if (!cumulative(cc) || unfit(cc) || !has(text.substr(0, cpos), {U"以来", U"年来"}) ||
        has(text.substr(0, cpos), {U"其中"})) {
      return;
    }
    for (const auto& [pos, f] : in_sentence) {
      if (pos < cpos && figures_[f].unit == fc.unit) return;  // not the first of its unit
    }
    std::u32string before;
    Placed in_before;
    SentenceFigures(doc, doc.Sentence(prev), by_view, &before, &in_before);
    auto last = std::find_if(in_before.rbegin(), in_before.rend(),
                             [&](const auto& e) { return figures_[e.second].unit == fc.unit; });
    if (last == in_before.rend()) return;
    const auto [ypos, y] = *last;
    if (parts_taken.count(y)) return;
    const Clause cy = clause_at(before, ypos);
    if (!of_the_year(cy) || unfit(cy) || scopes_apart(cc.words, cy.words)) return;
    const std::u32string tc = thing(cc.words), ty = thing(cy.words);
    if (std::min(tc.size(), ty.size()) < 2 || (tc.find(ty) == tc.npos && ty.find(tc) == ty.npos)) return;
    add_running_total(c, y);
  };
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    // What follows needs, in one figure's clause, 累计, 累积 or 历年 (the view folds 歴年 to 历年) and
    // a second figure in the sentence or the one before: a sentence without 累 or 历 or without a
    // figure is passed over before it is decoded.
    // The figures are counted first (no search), the cue looked for only in a sentence with one.
    if (Fast() && (SentenceFigureCount(doc, st, by_view) == 0 ||
                   !SomeSpanOf(doc, st, view, [](std::string_view words) {
                     return sdk::Contains(words, "累") || sdk::Contains(words, "历");
                   }))) {
      continue;
    }
    std::u32string text;
    Placed in_sentence;
    SentenceFigures(doc, st, by_view, &text, &in_sentence);
    std::set<int> used;
    std::set<int> paired;  // running totals given their year's figure within the sentence
    // A sentence after a semicolon goes on the one before it (the model says so: AFTER_SEMICOLON): a
    // figure in its first clause is dated by that sentence's first clause (`2016年，73人获得技师资格，
    // 累计达到1204人；14人获得高级技师资格，累计达到210人`: 14 is the year's too). A host without the
    // flag carries nothing.
    std::u32string carried_head;
    if (si > 0 && st.struct_size >= kSentenceFlagsEnd && (st.flags & ESGAUDIT_SENTENCE_AFTER_SEMICOLON)) {
      std::u32string before;
      Placed in_before;
      SentenceFigures(doc, doc.Sentence(si - 1), by_view, &before, &in_before);
      const size_t comma = before.find_first_of(U"，,：:");
      if (comma != std::u32string::npos) carried_head = before.substr(0, comma);
    }
    for (const auto& [cpos, c] : in_sentence) {
      const Figure& fc = figures_[c];
      const Clause cc = clause_at(text, cpos);
      if (!cumulative(cc) || unfit(cc)) continue;
      // The nearest figure of the year in the sentence, on either side.
      std::vector<std::pair<size_t, int>> candidates;
      for (const auto& [ypos, y] : in_sentence) {
        const Figure& fy = figures_[y];
        if (y == c || used.count(y) || parts_taken.count(y) || fy.unit != fc.unit || fy.magnitude != fc.magnitude) {
          continue;
        }
        const size_t distance = ypos > cpos ? ypos - cpos : cpos - ypos;
        if (distance <= kMaxCodePoints) candidates.emplace_back(distance, y);
      }
      std::sort(candidates.begin(), candidates.end());
      for (const auto& [distance, y] : candidates) {
        const Figure& fy = figures_[y];
        const size_t ypos = std::find_if(in_sentence.begin(), in_sentence.end(), [&](const auto& e) {
                              return e.second == y;
                            })->first;
        Clause cy = clause_at(text, ypos);
        if (cy.head.empty() && cy.words.size() == ypos) cy.head = carried_head;
        // "成功收集月饼盒超过2,800个，历年累积收集近25,000个": a 历年 clause (over the years) right after
        // the other's clause sets the two apart as this time's and all times': the other is of the
        // period even without a cue of its own.
        size_t commas = 0;
        for (size_t k = ypos; k < cpos && ypos < cpos; ++k) {  // not a thousands separator
          commas += text[k] == U'，' || (text[k] == U',' && !(k > 0 && digit(text[k - 1]) && digit(text[k + 1])));
        }
        const bool before_over_the_years =
            ypos < cpos && commas == 1 && has(cc.words, {U"历年"}) && !stock(cy);
        if (!(of_the_year(cy) || before_over_the_years) || unfit(cy) || scopes_apart(cc.words, cy.words)) continue;
        // 其中 between the year's figure and the running total (`其中，` or `其中：` ends a clause of its
        // own, which unfit does not see): the running total is the part's own, within the year's figure.
        if (ypos < cpos && has(text.substr(ypos, cpos - ypos), {U"其中"})) continue;
        const std::u32string tc = thing(cc.words), ty = thing(cy.words);
        const std::u32string& later = fy.offset < fc.offset ? tc : ty;
        const bool same = tc == ty || later.empty() ||
                          (std::min(tc.size(), ty.size()) >= 2 &&
                           (tc.find(ty) != std::u32string::npos || ty.find(tc) != std::u32string::npos));
        if (!same) continue;
        add_running_total(c, y);
        used.insert(y);
        paired.insert(c);
        break;
      }
    }
    if (si > 0 && paragraph_of(si - 1, doc.Sentence(si - 1)) == paragraph_of(si, st)) {
      for (const auto& [cpos, c] : in_sentence) {
        if (!paired.count(c) && !used.count(c)) pair_with_the_sentence_before(si - 1, text, in_sentence, cpos, c);
      }
    }
  }
}

// A paragraph closed by a sentence of its total alone: `…共下拨子女助学金3.5万元，特困职工补助5754.84元。
// …帮扶金额33.4万元。…帮扶金额22.2万元。合计投入金额59.68万元。`. The paragraph's last sentence opens
// with 合计, 共计 or 总计 (以上 or 上述 before it allowed) and holds one figure, an amount of money not
// yet summed; the amounts in the paragraph's sentences before it are its parts (two or more, of its
// currency; no change, no share, no per-unit figure, no running total: 累计, 累积, 历年 or 以来 in
// the label; a part of a relation read already stands in its total). Read from the paragraph's shape,
// so Likely: parts that add up are a relation; a sum above the total by at most a quarter of it, or
// off by one part's slip (NearOrSlip), is a warning. A sum short of it is not reported: the paragraph
// need not name every item. Farther off, the paragraph also holds amounts of other things (a fund's
// size beside the year's gift) and nothing is read.
void RelationAnalysis::FindParagraphClosingTotals(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const uint32_t sentences = doc.SentenceCount();
  if (sentences < 2) return;
  const std::vector<std::pair<uint64_t, int>>& by_view = FiguresByView(doc);
  const std::string_view view = doc.MatchView();
  std::set<int> in_parts;
  for (const Relation& r : relations_) in_parts.insert(r.parts.begin(), r.parts.end());
  auto money = [&](int f) {
    const Figure& g = figures_[f];
    if (!CountedQuantity(g) || g.unit != "元") return false;
    for (const char* w : {"累计", "累積", "累积", "历年", "以来"}) {
      if (sdk::Contains(g.label, w)) return false;
    }
    return true;
  };
  std::u32string text;
  std::vector<std::pair<size_t, int>> placed;
  for (uint32_t si = 1; si < sentences; ++si) {
    const uint32_t paragraph = ParagraphOf(doc, si);
    if (si + 1 < sentences && ParagraphOf(doc, si + 1) == paragraph) continue;  // not the paragraph's last
    if (ParagraphOf(doc, si - 1) != paragraph) continue;                        // alone in its paragraph
    if (SentenceFigureCount(doc, doc.Sentence(si), by_view) != 1 ||
        !SomeSpanOf(doc, doc.Sentence(si), view, [](std::string_view w) { return sdk::Contains(w, "计"); })) {
      continue;
    }
    SentenceFigures(doc, doc.Sentence(si), by_view, &text, &placed);
    std::u32string_view opening(text);
    for (std::u32string_view w : {U"以上", U"上述"}) {
      if (opening.substr(0, w.size()) == w) opening.remove_prefix(w.size());
    }
    const std::u32string_view word = opening.substr(0, 2);
    if (word != U"合计" && word != U"共计" && word != U"总计") continue;
    const int total = placed[0].second;
    if (!money(total) || Summed(total) || in_parts.count(total)) continue;
    std::vector<int> parts;
    bool other_currency = false;
    for (uint32_t sj = si; sj-- > 0 && ParagraphOf(doc, sj) == paragraph;) {
      std::u32string words;
      std::vector<std::pair<size_t, int>> figures;
      SentenceFigures(doc, doc.Sentence(sj), by_view, &words, &figures);
      for (auto it = figures.rbegin(); it != figures.rend(); ++it) {
        const int f = it->second;
        if (in_parts.count(f) || !money(f)) continue;
        other_currency = other_currency || figures_[f].text.find("美元") != std::string::npos ||
                         figures_[f].text.find("港元") != std::string::npos;
        parts.insert(parts.begin(), f);
      }
    }
    if (parts.size() < 2 || other_currency) continue;
    Relation r = Stated(RelationKind::kPartsTotal, total, std::move(parts));
    r.certainty = Certainty::kLikely;
    const Figure& t = figures_[total];
    r.flag = !r.consistent && NearOrSlip(&r, t.low, t.high, 1.25, 1.0);
    if (r.consistent || r.flag) Add(std::move(r));
  }
}

// A section's figure summed by its subsections: `八、社会责任之于公益事业` states `合计投入金额82.77万元`
// before its first subsection, and each of its subsections (（一）, （二）, （三）) closes with its own
// `合计投入金额`. A figure in the lines of a section before its first subsection (two or more of
// them) is the total when every subsection holds a figure of its unit whose label's Han characters
// are the total's (two at least); the last such figure of each subsection is its part. The set is
// closed (one part per subsection), yet the pairing is read from the labels, so Likely: a sum above
// the total by at most a quarter of it, or off by one part's slip, is a warning; a sum short of it is
// not reported (the section's own text may hold an item of the total).
void RelationAnalysis::FindSectionTotals(const sdk::Document& doc) {
  if (!doc.HasFigures() || !doc.HasStructure()) return;
  const uint32_t sections = doc.SectionCount();
  if (sections < 3) return;
  auto han = [](const std::string& label) {
    std::u32string out;
    for (char32_t c : U32(label)) {
      if (c >= 0x4E00 && c <= 0x9FFF) out.push_back(c);
    }
    return out;
  };
  auto usable = [&](int f) { return CountedQuantity(figures_[f]); };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  auto figures_in = [&](uint32_t first, uint32_t last) {
    std::vector<int> out;
    for (auto it = on_line.lower_bound(first); it != on_line.end() && it->first <= last; ++it) {
      for (int f : it->second) {
        if (usable(f)) out.push_back(f);
      }
    }
    return out;
  };
  std::vector<esgaudit_section> all(sections);
  for (uint32_t k = 0; k < sections; ++k) all[k] = doc.Section(k);
  for (uint32_t k = 0; k < sections; ++k) {
    std::vector<uint32_t> children;
    for (uint32_t c = k + 1; c < sections && all[c].line <= all[k].last_line; ++c) {
      if (all[c].parent == k) children.push_back(c);
    }
    if (children.size() < 2 || all[children[0]].line <= all[k].line + 1) continue;
    for (int total : figures_in(all[k].line + 1, all[children[0]].line - 1)) {
      const Figure& t = figures_[total];
      const std::u32string key = han(t.label);
      if (key.size() < 2 || Summed(total)) continue;
      std::vector<int> parts;
      for (uint32_t c : children) {
        int last = -1;
        for (int f : figures_in(all[c].line, all[c].last_line)) {
          if (figures_[f].unit == t.unit && han(figures_[f].label) == key) last = f;
        }
        if (last < 0) break;
        parts.push_back(last);
      }
      if (parts.size() != children.size()) continue;
      Relation r = Stated(RelationKind::kPartsTotal, total, std::move(parts));
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && NearOrSlip(&r, t.low, t.high, 1.25, 1.0);
      if (r.consistent || r.flag) Add(std::move(r));
    }
  }
}

// Parallel sentences of a part of the reporter and of the whole of it: `2016年公司总部开展各类课程24项，
// 培训人次357人…。全系统共计开展各类课程336项，培训人次2022人…`, `公司运用帮困基金…共594人次，合计帮困金额
// 74.23万元；2016年，公司及下属企业共计帮困4106人次，帮困金额377.72万元`. A sentence whose words before
// its first quantity name the whole (全系统, 全集团, or the reporter with its subsidiaries: 公司及下属企业,
// 集团及所属单位 …) follows, in the same paragraph, one whose words before its first quantity name a part
// (总部, 本部, 母公司; or, against the reporter with its subsidiaries, the reporter alone: 公司 without
// 及). Each unit printed exactly once in each sentence pairs a part's figure with the whole's (quantities
// with a unit, no change, no share, no per-unit figure) whose labels share two Han characters besides the
// reporter's name (培训课时, 培训学时); two units or more must pair so, as parallel sentences do. Each part is a subset of its whole, read from the wording: Likely, a warning when above.
void RelationAnalysis::FindScopePairSubsets(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const uint32_t sentences = doc.SentenceCount();
  if (sentences < 2) return;
  const std::vector<std::pair<uint64_t, int>>& by_view = FiguresByView(doc);
  const std::string_view view = doc.MatchView();
  auto usable = [&](int f) { return CountedQuantity(figures_[f]); };
  // The words of a sentence before its first usable figure, and its usable figures.
  struct Read {
    std::u32string lead;
    std::vector<int> figures;
  };
  auto read = [&](uint32_t si) {
    Read r;
    std::u32string text;
    std::vector<std::pair<size_t, int>> placed;
    SentenceFigures(doc, doc.Sentence(si), by_view, &text, &placed);
    size_t first = text.size();
    for (const auto& [pos, f] : placed) {
      if (!usable(f)) continue;
      first = std::min(first, pos);
      r.figures.push_back(f);
    }
    r.lead = text.substr(0, first);
    return r;
  };
  auto holds = [](const std::u32string& s, std::initializer_list<std::u32string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::u32string_view w) { return s.find(w) != s.npos; });
  };
  static const std::u32string kBodies[] = {U"公司", U"集团", U"本行"};
  static const std::u32string kSubsidiaries[] = {U"及下属", U"及所属", U"及子公司", U"及控股", U"及各子公司",
                                                 U"及各下属", U"及各所属"};
  for (uint32_t si = 1; si < sentences; ++si) {
    // The whole's words are looked for in the spans before the sentence is decoded.
    if (ParagraphOf(doc, si) != ParagraphOf(doc, si - 1) || SentenceFigureCount(doc, doc.Sentence(si), by_view) < 2 ||
        !SomeSpanOf(doc, doc.Sentence(si), view, [](std::string_view w) {
          // Each word opens with 全 or 及: a span holding neither is passed after two searches.
          const bool quan = sdk::Contains(w, "全"), ji = sdk::Contains(w, "及");
          return (quan && (sdk::Contains(w, "全系统") || sdk::Contains(w, "全集团"))) ||
                 (ji && (sdk::Contains(w, "及下属") || sdk::Contains(w, "及所属") || sdk::Contains(w, "及子公司") ||
                         sdk::Contains(w, "及控股") || sdk::Contains(w, "及各")));
        })) {
      continue;
    }
    const Read whole = read(si);
    // The body the whole extends (公司 of 公司及下属企业), if any.
    std::u32string body;
    for (const std::u32string& b : kBodies) {
      for (const std::u32string& sub : kSubsidiaries) {
        if (whole.lead.find(b + sub) != std::u32string::npos) body = b;
      }
    }
    if (body.empty() && !holds(whole.lead, {U"全系统", U"全集团"})) continue;
    const Read part = read(si - 1);
    const bool part_scope =
        holds(part.lead, {U"总部", U"本部", U"母公司"}) ||
        (!body.empty() && part.lead.find(body) != std::u32string::npos && part.lead.find(U"及") == std::u32string::npos &&
         !holds(part.lead, {U"全系统", U"全集团", U"下属", U"所属", U"子公司"}));
    if (!part_scope) continue;
    std::map<std::string, std::vector<int>> in_part, in_whole;
    for (int f : part.figures) in_part[figures_[f].unit].push_back(f);
    for (int f : whole.figures) in_whole[figures_[f].unit].push_back(f);
    std::vector<std::pair<int, int>> pairs;  // (whole, part)
    // Two Han characters of the labels in common: the two figures count one thing (培训课时, 培训学时).
    auto same_thing = [&](int a, int b) {
      std::u32string ha, hb;
      for (char32_t c : U32(figures_[a].label)) {
        if (c >= 0x4E00 && c <= 0x9FFF) ha.push_back(c);
      }
      for (char32_t c : U32(figures_[b].label)) {
        if (c >= 0x4E00 && c <= 0x9FFF) hb.push_back(c);
      }
      for (const std::u32string& b2 : kBodies) {
        for (std::u32string* h : {&ha, &hb}) {
          for (size_t at = h->find(b2); at != std::u32string::npos; at = h->find(b2)) h->erase(at, b2.size());
        }
      }
      for (size_t k = 0; k + 1 < ha.size(); ++k) {
        if (hb.find(ha.substr(k, 2)) != std::u32string::npos) return true;
      }
      return false;
    };
    for (const auto& [unit, fs] : in_part) {
      auto it = in_whole.find(unit);
      if (fs.size() == 1 && it != in_whole.end() && it->second.size() == 1 && same_thing(fs[0], it->second[0])) {
        pairs.emplace_back(it->second[0], fs[0]);
      }
    }
    if (pairs.size() < 2) continue;
    for (const auto& [w, p] : pairs) {
      if (IsPart(p)) continue;
      Relation r = Stated(RelationKind::kSubset, w, {p});
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent;
      Add(std::move(r));
    }
  }
}

// A conversion of reserves into shares in one sentence: the share capital the plan is based on
// (`总股本8,736,833,500股为基数`: a figure in 股 after 股本, 为基数 right after it), the shares added
// in all (`合计转增 / 共计转增 / 共转增3,494,733,400股`: not the rate `每10股转增4股`, whose figures stand
// after 每 or 转增 alone), and the capital after it (`转增后…总股本将增至 / 股本总数为12,231,566,900股`: the
// first figure in 股 after 转增后, with 股本 between). The capital after is the base plus the shares added,
// Certain: the plan states the arithmetic. Other sentences, and a figure of another unit between the
// three, are left: a buyback or a second issue in the same sentence would change the base.
void RelationAnalysis::FindCapitalAfterAConversion(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const std::string_view view = doc.MatchView();
  // The view's code points from lo to hi without blanks or line breaks (a byte inside a code point
  // moves lo forward and hi back to the code point's start).
  auto words = [&](uint64_t lo, uint64_t hi) {
    std::u32string out;
    auto inside = [&](uint64_t at) { return at < view.size() && (static_cast<unsigned char>(view[at]) & 0xC0) == 0x80; };
    while (lo < hi && inside(lo)) ++lo;
    while (hi > lo && inside(hi)) --hi;
    if (lo >= hi || hi > view.size()) return out;
    for (char32_t c : U32(view.substr(lo, hi - lo))) {
      if (c != U' ' && c != U'\n' && c != U'\r' && c != U'\t' && c != 0x3000) out.push_back(c);
    }
    return out;
  };
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  std::vector<int> shares;  // figures in 股, in text order
  for (const auto& [line, figs] : by_line) {
    for (int i : figs) {
      if (figures_[i].kind == ESGAUDIT_FACT_QUANTITY && figures_[i].unit == "股" && figures_[i].value > 0) {
        shares.push_back(i);
      }
    }
  }
  // Whether shares[k] is a base: 股本 in the 30 bytes before it, 为基数 right after it.
  auto opens_base = [&](size_t k) {
    const Figure& f = figures_[shares[k]];
    const uint64_t begin = doc.TextToView(f.offset), end = doc.TextToView(f.offset + f.length);
    if (end > view.size()) return false;
    return words(end, std::min<uint64_t>(end + 12, view.size())).rfind(U"为基数", 0) == 0 &&
           words(begin > 30 ? begin - 30 : 0, begin).find(U"股本") != std::u32string::npos;
  };
  for (size_t b = 0; b < shares.size(); ++b) {
    if (!opens_base(b)) continue;
    const Figure& base = figures_[shares[b]];
    const uint64_t base_begin = doc.TextToView(base.offset), base_end = doc.TextToView(base.offset + base.length);
    int added = -1, after = -1;
    uint64_t from = base_end;  // the end of the last figure taken
    for (size_t j = b + 1; j < shares.size() && after < 0; ++j) {
      const Figure& f = figures_[shares[j]];
      const uint64_t begin = doc.TextToView(f.offset);
      const std::u32string gap = words(from, begin);
      if (gap.find(U'。') != std::u32string::npos) break;  // the plan's clauses run to its full stop
      if (added < 0 && opens_base(j)) break;  // a later base (a dividend's, then the conversion's) is its own
      if (added < 0) {
        for (const char32_t* w : {U"合计转增", U"共计转增", U"共转增"}) {
          if (EndsWithU(gap, w)) added = shares[j];
        }
        if (added >= 0) from = doc.TextToView(f.offset + f.length);
        continue;
      }
      const size_t turn = gap.find(U"转增后");
      if (turn != std::u32string::npos && gap.find(U"股本", turn) != std::u32string::npos) after = shares[j];
      break;
    }
    if (added < 0 || after < 0) continue;
    // No figure of another unit between the base and the capital after.
    const uint64_t end = doc.TextToView(figures_[after].offset);
    if (std::any_of(figures_.begin(), figures_.end(), [&](const Figure& f) {
          const uint64_t at = doc.TextToView(f.offset);
          return at > base_begin && at < end && f.unit != "股" && f.kind == ESGAUDIT_FACT_QUANTITY &&
                 f.unit.find("元") == std::string::npos;
        })) {
      continue;
    }
    Relation r = Stated(RelationKind::kPartsTotal, after, {shares[b], added});
    r.certainty = Certainty::kCertain;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// A company's balance sheet stated in one sentence: total assets are total liabilities plus net
// assets (the accounting identity), `截至2016年12月31日，公司资产总额为363,940.89万元，负债总额为169,336.72
// 万元，净资产为194,604.17万元，资产负债率为46.53%`. An amount plays a role when the words of its clause
// (back to a comma, semicolon, colon or full stop; a filler 为, 达, 达到, 是 or 约 right before the figure
// dropped) end with the role's name: 资产总额 / 总资产 / 资产总计 / 资产合计, 负债总额 / 总负债 / 负债合计,
// 净资产 / 所有者权益 / 股东权益 (with or without 合计 or 总额). A clause naming a part or a change of the
// amount (归属, 母公司, 少数, 平均, 流动, 增, 减, 较, 同比) plays none. A sentence (up to its full stop)
// holding exactly one amount of each role, each a quantity in yuan without qualifiers, gives assets =
// liabilities + net assets: Likely, since a report's 净资产 is often its shareholders' part alone
// (minority interests left out without a word). A 资产负债率 of the same sentence, a percentage, is
// the liabilities over the assets.
void RelationAnalysis::FindBalanceSheetSentences(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  const std::string_view view = doc.MatchView();
  enum Role { kAssets, kLiabilities, kEquity, kRatio, kNone };
  static const std::u32string_view kNames[3][6] = {
      {U"资产总额", U"总资产", U"资产总计", U"资产合计", U"资产总值", U""},
      {U"负债总额", U"总负债", U"负债合计", U"负债总计", U"", U""},
      {U"净资产", U"所有者权益", U"股东权益", U"所有者权益合计", U"股东权益合计", U"净资产总额"}};
  static const std::u32string_view kNotRole[] = {U"归属", U"母公司", U"少数", U"平均", U"流动", U"增",
                                                 U"减", U"较", U"同比", U"收益", U"回报", U"周转"};
  // Every role's name holds 资产, 负债 or 权益: a text without 负债 holds no balance sheet, and a figure
  // whose 60 bytes before it hold none of the three plays no role (both searched as bytes before any
  // decoding: most reports have neither).
  if (!sdk::Contains(view, "负债")) return;
  auto role_of = [&](const Figure& f) {
    if (f.qualifiers != 0) return kNone;
    const uint64_t at = doc.TextToView(f.offset);
    if (at > view.size()) return kNone;
    uint64_t lo = at > 60 ? at - 60 : 0;
    while (lo < at && (static_cast<unsigned char>(view[lo]) & 0xC0) == 0x80) ++lo;  // a code point's start
    const std::string_view window = view.substr(lo, at - lo);
    if (!sdk::Contains(window, "资产") && !sdk::Contains(window, "负债") && !sdk::Contains(window, "权益")) {
      return kNone;
    }
    // The window's words back to a clause mark, blanks and line breaks dropped (a label the layout
    // wrapped before its figure stays whole), a filler before the figure dropped.
    std::u32string w;
    for (char32_t c : U32(window)) {
      if (c == U'，' || c == U',' || c == U'；' || c == U';' || c == U'：' || c == U':' || c == U'。') {
        w.clear();
      } else if (c != U' ' && c != U'\t' && c != U'\n' && c != U'\r' && c != 0x3000) {
        w.push_back(c);
      }
    }
    for (std::u32string_view filler : {U"达到", U"为", U"达", U"是", U"约"}) {
      if (EndsWithU(w, filler)) {
        w.resize(w.size() - filler.size());
        break;
      }
    }
    for (std::u32string_view n : kNotRole) {
      if (w.find(n) != std::u32string::npos) return kNone;
    }
    if (f.kind == ESGAUDIT_FACT_PERCENT) return EndsWithU(w, U"资产负债率") ? kRatio : kNone;
    if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit != "元" || f.value <= 0) return kNone;
    for (int r = kAssets; r <= kEquity; ++r) {
      for (std::u32string_view n : kNames[r]) {
        if (!n.empty() && EndsWithU(w, n)) return static_cast<Role>(r);
      }
    }
    return kNone;
  };
  std::vector<std::tuple<uint64_t, int, Role>> roled;  // (view offset, figure, role) of figures playing one
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind != ESGAUDIT_FACT_QUANTITY && f.kind != ESGAUDIT_FACT_PERCENT) continue;
    if (const Role r = role_of(f); r != kNone) roled.emplace_back(doc.TextToView(f.offset), static_cast<int>(i), r);
  }
  std::sort(roled.begin(), roled.end());
  for (size_t a = 0; a < roled.size();) {
    // The run of roled figures of one sentence: no full stop between neighbours (not the structure
    // model's sentences, which end at a semicolon: a balance sheet may list its amounts between them).
    size_t b = a + 1;
    while (b < roled.size() &&
           view.substr(std::get<0>(roled[b - 1]), std::get<0>(roled[b]) - std::get<0>(roled[b - 1]))
                   .find("\xE3\x80\x82") == std::string_view::npos) {
      ++b;
    }
    int at[4] = {-1, -1, -1, -1}, count[4] = {0, 0, 0, 0};
    for (size_t k = a; k < b; ++k) {
      const Role r = std::get<2>(roled[k]);
      ++count[r];
      at[r] = std::get<1>(roled[k]);
    }
    a = b;
    if (count[kAssets] != 1 || count[kLiabilities] != 1 || count[kEquity] != 1) continue;
    if (Summed(at[kAssets])) continue;
    std::vector<int> parts = {at[kLiabilities], at[kEquity]};
    if (figures_[parts[1]].offset < figures_[parts[0]].offset) std::swap(parts[0], parts[1]);
    Relation r = Stated(RelationKind::kPartsTotal, at[kAssets], std::move(parts));
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
    if (count[kRatio] == 1) {
      share_claims_.push_back({at[kLiabilities], at[kAssets], at[kRatio], Certainty::kLikely, true});
    }
  }
}

// A KPI table of blocks over one total row, as Hong Kong and A-share reports print their headcount,
// hires and leavers (by gender, by age band, by region; one 总数 row under the last block):
//
//   按性别划分
//   男性        2,252
//   女性        3,067
//   按年龄划分
//   30岁以下    1,391     ...
//   总数        5,319
//
// Each value column of a line grid is read with the label columns between it and the value column
// to its left, so that a second table set on the same lines to the right (the layout a PDF's text
// keeps) has its own labels and values; value columns with no label column between them share the
// one before. From a row whose label is a total word, the rows above it are read upwards: a row with
// a label and no figure in the column heads a block (its split); a row with a label and a figure is
// a part of the block under way. The walk stops at another total row, at text in the value column
// (a header), at a figure of another kind or unit or with more decimals than the total (a rate), and
// at a label naming a rate or a second measure (the label printed left of the rows: 员工人数, then
// 新进员工, are two tables). Only blocks closed by a head above them are kept. There must be two of
// them at least (one block over its total is FindModelTables'), each of two rows or more, one at
// least adding up (else the reading is wrong), and none may hold a sub-total, an 其中 row or a
// period (a year): then nothing is read. A block naming both genders or a full set of age bands (an
// open lower and an open upper band) is closed, and any difference is an error; another block short
// of its total is a warning (a category may be unprinted). When the total and every row of a block
// print a share in brackets after their counts (611 (11.5%)), the block's shares add up to the
// total's share too.
void RelationAnalysis::FindBlocksOverOneTotal(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  const std::map<uint64_t, int>& figure_at = FigureAt();
  const std::string_view text = doc.Text();
  const std::string_view view = doc.MatchView();
  struct Cell {
    std::string text;  // matching view, without blanks
    int figure = -1;   // the figure that is the cell's whole content, or -1
    int share = -1;    // its share in brackets after it (56 (1.1%)), or -1
  };
  auto read_cell = [&](const esgaudit_table_cell& c) {
    Cell out;
    out.text = std::string(view.substr(c.view_begin, c.view_end - c.view_begin));
    out.text.erase(std::remove_if(out.text.begin(), out.text.end(), [](char ch) { return ch == ' ' || ch == '\t'; }),
                   out.text.end());
    std::string_view raw = text.substr(c.offset, c.length);
    uint64_t at = c.offset;
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) {
      raw.remove_prefix(1);
      ++at;
    }
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
    auto it = figure_at.find(at);
    if (it == figure_at.end()) return out;
    const Figure& f = figures_[it->second];
    if (f.length > raw.size() || (f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) || f.unit == "岁") return out;
    std::string_view rest = raw.substr(f.length);
    if (f.kind == ESGAUDIT_FACT_PERCENT) {
      for (std::string_view mark : {std::string_view("%"), std::string_view("\xEF\xBC\x85")}) {
        if (rest.substr(0, mark.size()) == mark) {
          rest.remove_prefix(mark.size());
          break;
        }
      }
      if (rest.empty()) out.figure = it->second;
      return out;
    }
    if (rest.empty()) {
      out.figure = it->second;
      return out;
    }
    const int share = BracketedShare(figures_, figure_at, f, at, raw);
    if (share < 0) return out;
    out.figure = it->second;
    out.share = share;
    return out;
  };
  auto year_label = [](const std::string& l) {
    for (size_t i = 0; i + 4 <= l.size(); ++i) {
      if ((l.compare(i, 2, "19") == 0 || l.compare(i, 2, "20") == 0) && std::isdigit(static_cast<unsigned char>(l[i + 2])) &&
          std::isdigit(static_cast<unsigned char>(l[i + 3])) && (i == 0 || !std::isdigit(static_cast<unsigned char>(l[i - 1]))) &&
          (i + 4 == l.size() || !std::isdigit(static_cast<unsigned char>(l[i + 4])))) {
        return true;
      }
    }
    return false;
  };
  constexpr uint32_t kLineGrids =
      ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS | ESGAUDIT_TABLE_SOURCE_PIPES;
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0) continue;
    // Rows by twice their grid row, so that a label piece the model joined to a row's label from the
    // line below (a block's head on a line of its own: `总数 … 5,319` over `按性别划分`) is a row of its
    // own right after it: a cell's view running past its line keeps its first piece, and its last
    // piece, when that is one word, becomes the next row's cell in the same column.
    std::map<uint32_t, std::map<uint32_t, Cell>> grid;  // 2 * row (+1 for a joined piece) -> column -> cell
    for (const esgaudit_table_cell& c : doc.EachGridCell(t)) {
      Cell cell = read_cell(c);
      const std::string_view cv = view.substr(c.view_begin, c.view_end - c.view_begin);
      const size_t nl = cv.find('\n');
      if (cell.figure < 0 && nl != std::string_view::npos) {
        std::string first(cv.substr(0, cv.find_first_of("\t\n")));
        std::string last(cv.substr(cv.rfind('\n') + 1));
        first.erase(std::remove(first.begin(), first.end(), ' '), first.end());
        last.erase(std::remove(last.begin(), last.end(), ' '), last.end());
        while (!last.empty() && last.front() == '\t') last.erase(0, 1);
        while (!last.empty() && last.back() == '\t') last.pop_back();
        cell.text = first;
        if (!last.empty() && last.find('\t') == std::string::npos) grid[2 * c.row + 1][c.column].text = last;
      }
      grid[2 * c.row][c.column] = std::move(cell);
    }
    // The same construction in columns: a header row naming a total column and then two groups of
    // columns or more (总数 | 性别 | 地区), over a row of the groups' categories (男性 | 女性 | 香港 |
    // 中国), and rows of a label and one figure per column (正式员工 5,305 2,247 3,058 42 5,263). A
    // PDF's text keeps the cells' order, not their columns, so the figures are read in order: the
    // first is the total, then the categories'. The categories fall into the groups by runs of one
    // dimension (both genders; age bands; the rest), which must be as many as the groups; a row with
    // another number of figures, or text after them, is not read. One group at least of one row must
    // add up, else the reading is wrong and nothing is kept.
    if (grid.size() >= 3 && grid.begin()->first == 0 && std::next(grid.begin())->first == 2) {
      auto texts_of = [](const std::map<uint32_t, Cell>& row, std::vector<std::string>* out) {
        for (const auto& [col, cell] : row) {
          if (cell.figure >= 0) return false;
          if (!cell.text.empty()) out->push_back(cell.text);
        }
        return true;
      };
      std::vector<std::string> heads;
      std::vector<std::string> subs;
      std::string bare;
      bool ok = texts_of(grid.begin()->second, &heads) && texts_of(std::next(grid.begin())->second, &subs) &&
                heads.size() >= 3 && BareTotal(heads[0], &bare) && bare != "小计" && bare != "subtotal";
      for (size_t h = 1; ok && h < heads.size(); ++h) ok = !HasDigit(heads[h]) && !IsTotalLabel(heads[h]);
      for (const std::string& sub : subs) ok = ok && !IsTotalLabel(sub) && !RateLabel(sub);
      // Runs of one key: a Dimensions() index, an age band, or -1 for a label of neither.
      std::vector<std::pair<size_t, size_t>> runs;  // [begin, end) into subs
      auto key = [](const std::string& l) { return AgeBandLabel(l) ? 1000 : Categorise(l).first; };
      for (size_t k = 0; ok && k < subs.size(); ++k) {
        if (k == 0 || key(subs[k]) != key(subs[k - 1])) runs.push_back({k, k});
        runs.back().second = k + 1;
      }
      ok = ok && runs.size() == heads.size() - 1;
      for (const auto& [b, e] : runs) ok = ok && e - b >= 2;
      std::vector<Relation> sums;
      bool confirmed = false;
      for (auto it = std::next(grid.begin(), 2); ok && it != grid.end(); ++it) {
        std::vector<int> figs;
        std::string label;
        bool readable = true;
        for (const auto& [col, cell] : it->second) {
          if (cell.figure >= 0 && cell.share < 0) {
            figs.push_back(cell.figure);
          } else if (!cell.text.empty()) {
            readable = readable && figs.empty();
            label = cell.text;
          }
        }
        if (!readable || label.empty() || RateLabel(label) || figs.size() != subs.size() + 1) continue;
        const Figure& total = figures_[figs[0]];
        bool same = true;
        for (int f : figs) {
          same = same && figures_[f].kind == total.kind && figures_[f].unit == total.unit &&
                 figures_[f].decimals <= total.decimals;
        }
        if (!same) continue;
        std::vector<Relation> row_sums;
        bool people = CountLabel(label);
        std::vector<bool> closed;
        for (const auto& [b, e] : runs) {
          std::vector<int> parts(figs.begin() + 1 + b, figs.begin() + 1 + e);
          for (size_t k = b; k < e; ++k) figures_[figs[1 + k]].label = subs[k];
          const Categories cats = CategoriesOf(parts);
          bool bands = key(subs[b]) == 1000 && LowerBand(subs[b]) && UpperBand(subs[e - 1]);
          people = people || cats.complete || bands;
          closed.push_back(cats.complete || bands);
        }
        bool counts = true;
        for (int f : figs) counts = counts && CountCandidate(figures_[f]);
        if (counts && people) {
          for (int f : figs) figures_[f].low = figures_[f].high = figures_[f].value;
        }
        bool any_adds_up = false;
        for (size_t g = 0; g < runs.size(); ++g) {
          Relation rel;
          rel.kind = RelationKind::kPartsTotal;
          rel.evidence = Evidence::kTable;
          rel.total = figs[0];
          rel.parts.assign(figs.begin() + 1 + runs[g].first, figs.begin() + 1 + runs[g].second);
          rel.caption = label + "/" + heads[g + 1];
          SumParts(&rel);
          rel.consistent = RangesMeet(rel.sum_low, rel.sum_high, total.low, total.high);
          rel.flag = !rel.consistent;
          rel.certainty = ShortOfAnOpenSet(rel, closed[g]) ? Certainty::kLikely : Certainty::kCertain;
          any_adds_up = any_adds_up || rel.consistent;
          row_sums.push_back(std::move(rel));
        }
        confirmed = confirmed || any_adds_up;
        for (Relation& r : row_sums) sums.push_back(std::move(r));
      }
      if (confirmed) {
        for (Relation& r : sums) Add(std::move(r));
      }
    }
    std::vector<const std::map<uint32_t, Cell>*> rows;
    for (const auto& [r, cells] : grid) rows.push_back(&cells);
    if (rows.size() < 6) continue;
    // Value columns (two figures at least) and the first label column of each.
    std::map<uint32_t, size_t> figures_in;
    for (const auto* row : rows) {
      for (const auto& [col, cell] : *row) figures_in[col] += cell.figure >= 0;
    }
    std::vector<uint32_t> value_columns;
    for (const auto& [col, n] : figures_in) {
      if (n >= 2) value_columns.push_back(col);
    }
    std::map<uint32_t, int> label_from;  // value column -> first label column
    for (size_t k = 0; k < value_columns.size(); ++k) {
      const uint32_t c = value_columns[k];
      if (k == 0) {
        label_from[c] = 0;
        continue;
      }
      const uint32_t prev = value_columns[k - 1];
      bool labels_between = false;
      for (const auto* row : rows) {
        for (const auto& [col, cell] : *row) {
          labels_between = labels_between || (col > prev && col < c && cell.figure < 0 && !cell.text.empty());
        }
      }
      label_from[c] = labels_between ? static_cast<int>(prev) + 1 : label_from[prev];
    }
    for (uint32_t c : value_columns) {
      // The row's label (the last text cell of its label columns) and the texts before it (measures).
      auto label_of = [&](const std::map<uint32_t, Cell>& row, std::vector<std::string>* measures) {
        std::string label;
        for (const auto& [col, cell] : row) {
          if (static_cast<int>(col) < label_from[c] || col >= c || cell.figure >= 0 || cell.text.empty()) continue;
          if (!label.empty() && measures != nullptr) measures->push_back(label);
          label = cell.text;
        }
        return label;
      };
      auto at_c = [&](const std::map<uint32_t, Cell>& row) -> const Cell* {
        auto it = row.find(c);
        return it == row.end() ? nullptr : &it->second;
      };
      for (size_t i = 0; i < rows.size(); ++i) {
        const Cell* tc = at_c(*rows[i]);
        if (tc == nullptr || tc->figure < 0) continue;
        const std::string total_label = label_of(*rows[i], nullptr);
        std::string bare;
        if (!BareTotal(total_label, &bare) || bare == "小计" || bare == "subtotal") continue;
        const Figure& total = figures_[tc->figure];
        struct Part {
          int figure;
          int share;
          std::string label;
        };
        std::vector<std::vector<Part>> blocks;  // bottom up
        std::vector<Part> current;
        std::string measure;
        bool rejected = false;
        for (size_t j = i; j-- > 0;) {
          const auto& row = *rows[j];
          const Cell* vc = at_c(row);
          if (vc != nullptr && vc->figure < 0 && !vc->text.empty()) break;  // a header or a note
          std::vector<std::string> measures;
          const std::string label = label_of(row, &measures);
          bool stop = false;
          for (const std::string& m : measures) {
            if (RateLabel(m) || NamesRate(m) || (!measure.empty() && m != measure)) stop = true;
            measure = m;
          }
          if (stop) break;
          if (vc == nullptr || vc->figure < 0) {
            if (label.empty()) continue;
            if (HasDigit(label) || RateLabel(label)) break;
            if (!current.empty()) blocks.push_back(std::move(current));
            current.clear();
            continue;
          }
          const Figure& f = figures_[vc->figure];
          if (label.empty() || TableTotalLabel(label) || RateLabel(label) || f.kind != total.kind ||
              f.unit != total.unit || f.decimals > total.decimals) {
            break;
          }
          if (IsNestedLabel(label) || OfWhichLabel(label) || year_label(label)) rejected = true;
          current.push_back({vc->figure, vc->share, label});
        }
        if (rejected || blocks.size() < 2) continue;
        bool readable = true;
        for (std::vector<Part>& b : blocks) {
          std::reverse(b.begin(), b.end());
          std::set<std::string> names;
          for (const Part& p : b) names.insert(p.label);
          readable = readable && b.size() >= 2 && names.size() == b.size();
        }
        if (!readable) continue;
        std::reverse(blocks.begin(), blocks.end());
        auto closed_block = [&](const std::vector<Part>& b, bool* people) {
          std::vector<int> figs;
          for (const Part& p : b) {
            figures_[p.figure].label = p.label;
            figs.push_back(p.figure);
          }
          const Categories cats = CategoriesOf(figs);
          if (cats.same_dimension && Dimensions()[Categorise(b.front().label).first].name == std::string("gender")) {
            *people = true;
          }
          bool bands = true;
          for (const Part& p : b) bands = bands && AgeBandLabel(p.label);
          bands = bands && LowerBand(b.front().label) && UpperBand(b.back().label);
          if (bands) *people = true;
          return cats.complete || bands;
        };
        std::vector<bool> closed;
        bool people = CountLabel(measure);
        for (const auto& b : blocks) closed.push_back(closed_block(b, &people));
        // Whole numbers counting people are exact.
        bool counts = CountCandidate(total);
        for (const auto& b : blocks) {
          for (const Part& p : b) counts = counts && CountCandidate(figures_[p.figure]);
        }
        if (counts && people) {
          for (const auto& b : blocks) {
            for (const Part& p : b) figures_[p.figure].low = figures_[p.figure].high = figures_[p.figure].value;
          }
          figures_[tc->figure].low = figures_[tc->figure].high = total.value;
        }
        auto sum_of = [&](int tot, const std::vector<int>& parts, bool is_closed) {
          Relation rel;
          rel.kind = RelationKind::kPartsTotal;
          rel.evidence = Evidence::kTable;
          rel.total = tot;
          rel.parts = parts;
          rel.caption = measure.empty() ? figures_[tot].label : measure;
          SumParts(&rel);
          rel.consistent = RangesMeet(rel.sum_low, rel.sum_high, figures_[tot].low, figures_[tot].high);
          rel.flag = !rel.consistent;
          // Off by far, a part that read 10^k times its value makes it foot is named (NearOrSlip).
          if (rel.flag) NearOrSlip(&rel, figures_[tot].low, figures_[tot].high);
          rel.certainty = ShortOfAnOpenSet(rel, is_closed) ? Certainty::kLikely : Certainty::kCertain;
          return rel;
        };
        std::vector<Relation> sums;
        for (size_t b = 0; b < blocks.size(); ++b) {
          std::vector<int> parts;
          std::vector<int> shares;
          for (const Part& p : blocks[b]) {
            parts.push_back(p.figure);
            if (p.share >= 0) shares.push_back(p.share);
          }
          sums.push_back(sum_of(tc->figure, parts, closed[b]));
          if (tc->share >= 0 && shares.size() == parts.size()) {
            for (size_t k = 0; k < shares.size(); ++k) figures_[shares[k]].label = blocks[b][k].label;
            sums.push_back(sum_of(tc->share, shares, closed[b]));
          }
        }
        if (std::none_of(sums.begin(), sums.end(), [](const Relation& r) { return r.consistent; })) continue;
        for (Relation& r : sums) Add(std::move(r));
      }
    }
  }
}

// A breakdown printed as a table of its own, right under the table that prints its total as one of
// its rows: `Emissions by category 2022 2023` over category rows with no total row, and above it a
// table under `Emissions 2020 2021 2022 2023` whose row `Indirect emissions (Category B)` is their
// sum. Both tables are tables of the structure model (a row label, then one value per column) under
// a header of period columns (a line within kHeaderLines above the table's first row ending in two
// or more consecutive years, a change column's title after them at most, as many columns as the
// table's values). The upper table ends at most kGapLines above the lower one's header, on the same
// page, and its years hold the lower one's. The total is the upper table's one row named alike: the
// row whose label shares the most words with the lower header's title (its words before the years;
// stop words and years aside), at least two, and no other row as many. Each shared year is then a
// sum: the lower table's column against the total row's figure in the same year. The lower table's
// rows must hold plain figures of the total's unit (no share, no rate, no year as a row label), none
// in another relation, two or more of them non-zero per column. The grouping is read from the
// layout and the names, so a sum off is a warning, and the sums are taken only when all columns but
// one add up and at least one does; a column off by more than 15 % of its total is another quantity.
void RelationAnalysis::FindTotalsInTheTableAbove(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kHeaderLines = 4;
  constexpr uint32_t kGapLines = 4;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  const std::string_view text = doc.Text();
  const std::map<uint64_t, int>& figure_at = FigureAt();
  const std::set<int> related = FiguresInRelations();
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string w;
    for (size_t i = 0; i <= s.size(); ++i) {
      const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
      if (std::isalnum(c) || c >= 0x80) {
        w += static_cast<char>(std::tolower(c));
      } else if (!w.empty()) {
        out.push_back(std::move(w));
        w.clear();
      }
    }
    return out;
  };
  auto year_of = [](const std::string& w) {
    if (w.size() != 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    const int y = std::stoi(w);
    return y >= 1900 && y <= 2099 ? y : 0;
  };
  struct Header {
    uint32_t line = 0;
    std::vector<int> years;
    size_t columns = 0;  // the years and a change column
    std::string title;
  };
  // The line's period columns, when it ends in two or more consecutive years (a change column's title
  // after them at most).
  auto period_header = [&](uint32_t line, Header* h) {
    const esgaudit_line l = doc.Line(line);
    std::vector<std::string_view> toks;
    std::string_view rest = text.substr(l.offset, l.length);
    while (!rest.empty()) {
      const size_t b = rest.find_first_not_of(" \t\r");
      if (b == std::string_view::npos) break;
      rest.remove_prefix(b);
      const size_t e = std::min(rest.find_first_of(" \t\r"), rest.size());
      toks.push_back(rest.substr(0, e));
      rest.remove_prefix(e);
    }
    size_t end = toks.size();
    bool change = false;
    if (end > 0) {
      const std::string last = Lower(std::string(toks[end - 1]));
      change = !year_of(last) && (sdk::Contains(last, "%") || last.rfind("yoy", 0) == 0 || last.rfind("change", 0) == 0 ||
                                  last.rfind("var", 0) == 0);
      if (change) --end;
    }
    std::vector<int> years;
    size_t k = end;
    while (k > 0) {
      const int y = year_of(std::string(toks[k - 1]));
      if (!y || (!years.empty() && y != years.back() - 1)) break;
      years.push_back(y);
      --k;
    }
    if (years.size() < 2) return false;
    std::reverse(years.begin(), years.end());
    h->line = line;
    h->years = std::move(years);
    h->columns = h->years.size() + change;
    h->title.clear();
    for (size_t i = 0; i < k; ++i) h->title += (i ? " " : "") + std::string(toks[i]);
    return true;
  };
  struct Table {
    esgaudit_table t;
    Header header;
    std::vector<std::pair<std::string, std::vector<int>>> rows;  // label, the figure of each value column or -1
  };
  // A table of the model read as rows of a label and values, under a header of as many period columns.
  auto read = [&](uint32_t ti, Table* out) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.grid_columns < 3) return false;
    const uint32_t page = doc.Line(t.first_line).page;
    bool found = false;
    for (uint32_t line = t.first_line, n = 0; line-- > 0 && n < kHeaderLines && doc.Line(line).page == page; ++n) {
      if (period_header(line, &out->header) && out->header.columns + 1 == t.grid_columns) {
        found = true;
        break;
      }
    }
    if (!found) return false;
    out->t = t;
    out->rows.clear();
    std::map<uint32_t, std::vector<esgaudit_table_cell>> by_row;
    for (const esgaudit_table_cell& c : doc.EachGridCell(t)) {
      if ((c.flags & ESGAUDIT_TABLE_CELL_HEADER) == 0) by_row[c.row].push_back(c);
    }
    for (const auto& [r, cells] : by_row) {
      std::pair<std::string, std::vector<int>> row{"", std::vector<int>(t.grid_columns - 1, -1)};
      for (const esgaudit_table_cell& c : cells) {
        const std::string cell(sdk::Trim(sdk::View(c.text)));
        if (c.column == 0) {
          row.first = cell;
          continue;
        }
        auto it = figure_at.find(c.offset);
        if (c.column < t.grid_columns && it != figure_at.end() && figures_[it->second].text == cell) {
          row.second[c.column - 1] = it->second;
        }
      }
      out->rows.push_back(std::move(row));
    }
    return !out->rows.empty();
  };
  std::vector<Table> tables;
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    Table t;
    if (read(ti, &t)) tables.push_back(std::move(t));
  }
  static const std::set<std::string> kStop = {"a",  "an",  "and", "by",   "for", "from", "in",    "of",
                                              "on", "or",  "per", "the",  "to",  "with", "total", "e",
                                              "g",  "its", "our", "other"};
  auto key_words = [&](std::string_view s) {
    std::set<std::string> out;
    for (std::string& w : words(s)) {
      if (!kStop.count(w) && !year_of(w)) out.insert(std::move(w));
    }
    return out;
  };
  for (size_t lo = 1; lo < tables.size(); ++lo) {
    const Table& low = tables[lo];
    const Table& up = tables[lo - 1];
    const uint32_t page = doc.Line(low.header.line).page;
    if (up.t.last_line >= low.header.line || low.header.line - up.t.last_line > kGapLines ||
        doc.Line(up.t.last_line).page != page || low.t.total_line != ESGAUDIT_NO_INDEX) {
      continue;
    }
    // The lower table's columns in the upper one (its change column has none).
    std::vector<std::pair<size_t, size_t>> shared;
    for (size_t c = 0; c < low.header.years.size(); ++c) {
      auto at = std::find(up.header.years.begin(), up.header.years.end(), low.header.years[c]);
      if (at != up.header.years.end()) shared.emplace_back(c, static_cast<size_t>(at - up.header.years.begin()));
    }
    if (shared.size() < low.header.years.size() || RateLabel(low.header.title)) continue;
    const std::set<std::string> title = key_words(low.header.title);
    int best = -1;
    size_t best_n = 0;
    bool tie = false;
    for (size_t r = 0; r < up.rows.size(); ++r) {
      const std::set<std::string> label = key_words(up.rows[r].first);
      size_t n = 0;
      for (const std::string& w : label) n += title.count(w);
      if (n > best_n) {
        best = static_cast<int>(r);
        best_n = n;
        tie = false;
      } else if (n == best_n) {
        tie = true;
      }
    }
    if (best < 0 || best_n < 2 || tie) continue;
    const auto& total_row = up.rows[best];
    bool plain = low.rows.size() >= 2;
    for (const auto& [label, figs] : low.rows) {
      const std::vector<std::string> lw = words(label);
      plain = plain && !(lw.size() == 1 && year_of(lw[0])) && !RateLabel(label);
      for (const auto& [c, uc] : shared) {
        const int f = figs[c];
        plain = plain && f >= 0 && figures_[f].unit != "%" && !related.count(f);
      }
    }
    if (!plain) continue;
    std::vector<Relation> found;
    size_t holds = 0;
    bool misread = false;
    for (const auto& [c, uc] : shared) {
      const int total = total_row.second[uc];
      if (total < 0) {
        misread = true;
        break;
      }
      std::vector<int> parts;
      size_t nonzero = 0;
      for (const auto& row : low.rows) {
        const int f = row.second[c];
        misread = misread || figures_[f].unit != figures_[total].unit;
        parts.push_back(f);
        nonzero += figures_[f].value != 0;
      }
      Relation r;
      misread = misread || nonzero < 2 || !TableSum(total, parts, total_row.first, &r);
      if (misread) break;
      misread = OffByMoreThanASlip(r, figures_[total]);
      if (misread) break;
      holds += r.consistent;
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      found.push_back(std::move(r));
    }
    if (misread || holds < 1 || holds + 1 < shared.size()) continue;
    for (const auto& row : low.rows) {
      for (const auto& [c, uc] : shared) figures_[row.second[c]].label = row.first;
    }
    for (Relation& r : found) Add(std::move(r));
  }
}

// A breakdown printed as a table of its own whose total is stated in the sentence right above it:
// `…共有注册供应商40,942家，新增供应商7,115家…`, then a caption `供应商区域分布情况`, then a table of
// regions under `区域 | 数量（家）` with no total row. A reader links the two by wording, so the link
// is taken only when all of this holds:
// - the table is a grid of the structure model (tabs or aligned columns) of two columns, a row label
//   and one figure, with no total row and no row naming a total, a rate or an of-which part; two
//   rows or more, two or more of them non-zero, each a plain figure (no share) in no other relation;
// - its unit is named by the value column's header in brackets (`数量（家）`; an OCR-damaged closing
//   bracket `}` or `]` is read as one), else by the table's unit line;
// - at most kCaptionLines lines stand between the table and the paragraph above it, on one page, none
//   holding a figure, and one of them (or the value column's header) names a breakdown (分布, 构成,
//   结构, 按…, 划分, 分类);
// - the paragraph line right above them holds exactly one figure in the table's unit that is marked
//   as a total (共, 总, 合计 in its clause before it, or 其中 right after it) and whose counted noun
//   (the Han characters right before it, two or more of their last ones, a total word or verb there
//   aside: 企业共12家; or those right after its unit)
//   the caption names; when the caption names years, the total's sentence names one of them or none.
// Whole numbers in a count unit (家, 人) are exact, as counts are. The link rests on wording and
// placement, not on a total row, so a sum off is a warning (Likely),
// and a sum off by more than 15 % of the total is taken as another population (a region's share, a
// top-five list), not a slip: nothing is reported then.
void RelationAnalysis::FindTotalsInTheProseAbove(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kCaptionLines = 3;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::map<uint64_t, int>& figure_at = FigureAt();
  const std::set<int> related = FiguresInRelations();
  auto line_text = [&](uint32_t line) { return TrimmedLine(doc, line); };
  auto han = [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; };
  // The unit in the brackets a header ends with: "数量(家}" -> 家.
  auto bracket_unit = [](std::string h) {
    h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
    std::u32string u = U32(h);
    while (!u.empty() && std::u32string_view(U")）}]】").find(u.back()) != std::u32string_view::npos) u.pop_back();
    const size_t open = u.find_last_of(U"(（{[【");
    if (open == std::u32string::npos || u.size() - open - 1 == 0 || u.size() - open - 1 > 3) return std::string();
    return ToUtf8(u.substr(open + 1));
  };
  auto breakdown_word = [](const std::string& s) {
    for (const char* w : {"分布", "构成", "结构", "按", "划分", "分类"}) {
      if (sdk::Contains(s, w)) return true;
    }
    return false;
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.grid_columns != 2 || t.total_line != ESGAUDIT_NO_INDEX) continue;
    std::string header;
    std::map<uint32_t, std::pair<std::string, int>> rows;  // row: label, figure or -1
    bool plain = true;
    for (const esgaudit_table_cell& c : doc.EachGridCell(t)) {
      const std::string cell(sdk::Trim(sdk::View(c.text)));
      if (c.flags & ESGAUDIT_TABLE_CELL_HEADER) {
        if (c.column == 1) header += cell;
        continue;
      }
      auto& row = rows.emplace(c.row, std::make_pair(std::string(), -1)).first->second;
      if (c.column == 0) {
        row.first = cell;
      } else if (auto it = figure_at.find(c.offset); it != figure_at.end() && figures_[it->second].text == cell) {
        row.second = it->second;
      } else if (!cell.empty()) {
        plain = false;
      }
    }
    if (!plain || rows.size() < 2 || header.empty()) continue;
    std::string unit = bracket_unit(header);
    if (unit.empty()) unit = std::string(sdk::View(t.unit));
    if (unit.empty() || unit == "%") continue;
    std::vector<int> parts;
    size_t nonzero = 0;
    for (const auto& [r, row] : rows) {
      const auto& [label, f] = row;
      if (f < 0 || label.empty() || HasDigit(label) || RowTotalLabel(label) || IsNestedLabel(label) ||
          RateLabel(label) || related.count(f) || figures_[f].kind != ESGAUDIT_FACT_QUANTITY ||
          !(figures_[f].unit.empty() || figures_[f].unit == unit)) {
        plain = false;
        break;
      }
      parts.push_back(f);
      nonzero += figures_[f].value != 0;
    }
    if (!plain || nonzero < 2) continue;
    // The caption lines, then the paragraph, going up from the table on its page.
    const uint32_t page = doc.Line(t.first_line).page;
    std::string caption;
    bool breakdown = breakdown_word(header);
    uint32_t para = ESGAUDIT_NO_INDEX;
    for (uint32_t line = t.first_line, n = 0; line-- > 0 && doc.Line(line).page == page;) {
      const esgaudit_line_structure ls = doc.LineStructure(line);
      if (ls.role == ESGAUDIT_ROLE_BLANK) continue;
      if (ls.table != ESGAUDIT_NO_INDEX || ls.role == ESGAUDIT_ROLE_FURNITURE) break;
      auto on = by_line.find(line);
      if (on != by_line.end() && !on->second.empty()) {
        if (ls.role == ESGAUDIT_ROLE_PROSE && n > 0) para = line;
        break;
      }
      if (++n > kCaptionLines) break;
      const std::string l = line_text(line);
      caption = caption.empty() ? l : l + caption;
      breakdown = breakdown || breakdown_word(l);
    }
    if (para == ESGAUDIT_NO_INDEX || !breakdown) continue;
    // The paragraph's total: one figure in the table's unit, marked as a total, counting a noun the
    // caption names.
    const esgaudit_line pl = doc.Line(para);
    int total = -1;
    size_t candidates = 0;
    uint64_t parts_until = 0;  // the end of the sentence of a total followed by 其中: its parts
    for (int g : by_line.at(para)) {
      const Figure& f = figures_[g];
      if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit != unit || f.offset < pl.offset || f.offset < parts_until) {
        continue;
      }
      const std::u32string before = U32(text.substr(pl.offset, f.offset - pl.offset));
      const size_t clause = before.find_last_of(U"，。；：,;:！？");
      const std::u32string in_clause = clause == std::u32string::npos ? before : before.substr(clause + 1);
      const std::u32string after = U32(f.after);
      const size_t a = after.find_first_not_of(U" ，,（(");
      const bool of_which = a != std::u32string::npos && after.compare(a, 2, U"其中") == 0;
      const bool marked = of_which || in_clause.find(U'共') != std::u32string::npos ||
                          in_clause.find(U'总') != std::u32string::npos || in_clause.find(U"合计") != std::u32string::npos;
      if (of_which) {
        const size_t end = text.substr(0, pl.offset + pl.length).find("\xE3\x80\x82", f.offset);  // 。
        parts_until = end == std::string_view::npos ? pl.offset + pl.length : end;
      }
      if (!marked) continue;
      // The counted noun: the Han characters right before the figure, or right after its unit.
      std::u32string noun_before, noun_after;
      for (size_t k = in_clause.size(); k > 0 && han(in_clause[k - 1]); --k) noun_before.insert(noun_before.begin(), in_clause[k - 1]);
      for (char32_t c : after) {
        if (!han(c)) break;
        noun_after += c;
      }
      // Total words and verbs between the noun and its figure (企业共12家, 员工合计达300人).
      while (!noun_before.empty() && std::u32string_view(U"共计合总有达为").find(noun_before.back()) != std::u32string_view::npos) {
        noun_before.pop_back();
      }
      const std::u32string cap = U32(caption);
      bool named = false;
      for (size_t k = 2; k <= noun_before.size() && !named; ++k) {
        named = cap.find(noun_before.substr(noun_before.size() - k)) != std::u32string::npos;
      }
      for (size_t k = 2; k <= noun_after.size() && !named; ++k) {
        named = cap.find(noun_after.substr(0, k)) != std::u32string::npos;
      }
      if (!named) continue;
      ++candidates;
      total = g;
    }
    if (candidates != 1) continue;
    // Another period: the caption names years and the total's sentence others, none of them.
    auto years = [](std::string_view s) {
      std::set<std::string_view> out;
      for (size_t i = 0; i + 4 <= s.size(); ++i) {
        const bool digits = std::all_of(s.begin() + i, s.begin() + i + 4, [](char c) { return c >= '0' && c <= '9'; });
        const bool alone = (i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]))) &&
                           (i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4])));
        if (digits && alone && (s.substr(i, 2) == "19" || s.substr(i, 2) == "20")) out.insert(s.substr(i, 4));
      }
      return out;
    };
    const std::string_view para_text = text.substr(pl.offset, pl.length);
    const uint64_t at = figures_[total].offset - pl.offset;
    const size_t open = para_text.substr(0, at).rfind("\xE3\x80\x82");  // 。
    const size_t close = para_text.find("\xE3\x80\x82", at);
    const std::string_view sentence = para_text.substr(open == std::string_view::npos ? 0 : open,
                                                      close == std::string_view::npos ? std::string_view::npos
                                                                                      : close - (open == std::string_view::npos ? 0 : open));
    const std::set<std::string_view> caption_years = years(caption), total_years = years(sentence);
    if (!caption_years.empty() && !total_years.empty() &&
        std::none_of(caption_years.begin(), caption_years.end(), [&](std::string_view y) { return total_years.count(y); })) {
      continue;
    }
    // Whole numbers under a count unit (家, 人) count discrete things: exact, as the total is.
    std::vector<std::pair<double, double>> intervals;
    const bool counts = IsCountUnit(unit);
    for (int p : parts) {
      intervals.emplace_back(figures_[p].low, figures_[p].high);
      if (counts && CountCandidate(figures_[p])) figures_[p].low = figures_[p].high = figures_[p].value;
    }
    Relation r;
    if (!TableSum(total, parts, caption, &r) || OffByMoreThanASlip(r, figures_[total])) {
      for (size_t k = 0; k < parts.size(); ++k) std::tie(figures_[parts[k]].low, figures_[parts[k]].high) = intervals[k];
      continue;
    }
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    for (const auto& [row_index, row] : rows) figures_[row.second].label = row.first;
    Add(std::move(r));
  }
}

// A sentence of prose stating the cash dividends of several years as one amount, beside a table
// listing them a year a row: `公司自1998年上市以来…累计实施现金分红18次，派发现金红利总额125.25亿元`
// under `报告期 | 净利润(万元） | 现金分红总额(万元） | …`. The sentence may cover more years than the
// table (上市以来 beside a table of the last five years) or fewer, so the link is taken only when the
// sentence provably covers the rows summed:
// - the table is a tab grid of the structure model with one value column whose header names an
//   amount of dividends (分红, 红利, 股利, 派现, 派息; not per share, not a ratio, a plan, the year key
//   or another kind of payout), its unit (元, 万元, 百万元, 亿元) in that header or the table's unit
//   line; its rows below the header are years (a label opening with 19 or 20 and a digit), a total
//   row ending them; every value cell a bare figure or a dash;
// - the amount is a figure in 元 (any magnitude), with no qualifier (约, 近, 余 right before it),
//   on a prose line at most kLinesAbove lines above the header or kLinesBelow below the table; its
//   clause names dividends, its sentence up to it a total word (累计, 总额, 合计, 共计, 共), and
//   neither names a buy-back (回购), a per-share amount (每) or a plan (拟, 预案, 计划);
// - the years: a range in the sentence (`1996年至2015年`, `2013年一2015年`) whose every year is a row
//   (the parts are those rows); or 近N年 / 最近N年 and exactly N rows, none a plan (预案, 计划); or
//   上市以来 (历年) in the sentence and 上市以来, 历年 or 历次 in a caption line right above the header,
//   all rows but plans the parts, and a count of payouts the sentence states (`18次`) equal to the
//   rows paying one.
// The prose amount may be cut rather than rounded to its last digit (99.6277亿 printed 99.62亿), so
// its interval reaches a whole unit of that digit above it. The wording and the years make the link
// certain: a sum off is an error. A sum below half the amount or above twice it is a misread, and
// nothing is reported. The same tables' own running-total row (累计金额, 截止2015年度，已累计现金分红) sums
// their year rows up to the year it names (see below).
void RelationAnalysis::FindDividendTableTotals(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kLinesAbove = 6;
  constexpr uint32_t kLinesBelow = 3;
  constexpr uint32_t kCaptionLines = 3;
  constexpr size_t kCaptionPoints = 40;
  const std::string_view text = doc.Text();
  const std::map<uint64_t, int>& figure_at = FigureAt();
  const std::set<int> related = FiguresInRelations();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  auto any_of_words = [](const std::string& s, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return sdk::Contains(s, w); });
  };
  // 1e4 for 万元 and so on; 0 when no money unit is named.
  auto money_scale = [&](const std::string& s) {
    if (sdk::Contains(s, "亿元")) return 1e8;
    if (sdk::Contains(s, "百万元")) return 1e6;
    if (sdk::Contains(s, "万元")) return 1e4;
    if (sdk::Contains(s, "元")) return 1.0;
    return 0.0;
  };
  auto dividend_header = [&](const std::string& h) {
    return any_of_words(h, {"分红", "红利", "股利", "派现", "派息"}) &&
           !any_of_words(h, {"每", "率", "比例", "比率", "方案", "送", "转增", "股数", "占", "年度", "年份", "净利润",
                             "其他", "可分配", "日"});
  };
  // The year a row label opens with, 0 when its digits are damaged (`201阵`), -1 for no year row.
  auto row_year = [](const std::string& label) {
    const std::string l(sdk::Trim(label));
    if (l.size() < 3 || !(l.compare(0, 2, "19") == 0 || l.compare(0, 2, "20") == 0) || !std::isdigit(static_cast<unsigned char>(l[2])) ||
        Cps(l) > 14) {
      return -1;
    }
    if (l.size() >= 4 && std::isdigit(static_cast<unsigned char>(l[3])) &&
        (l.size() == 4 || !std::isdigit(static_cast<unsigned char>(l[4])))) {
      return std::stoi(l.substr(0, 4));
    }
    return l.size() >= 4 && std::isdigit(static_cast<unsigned char>(l[3])) ? -1 : 0;
  };
  const std::regex& kRange = DividendYearRange();
  const std::regex& kRecent = RecentYears();
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & ESGAUDIT_TABLE_SOURCE_TABS) == 0) continue;
    // row -> column -> cell; the first three rows first (the host gives the cells row by row), the rest
    // only under a dividend header: a long table of another kind is never copied.
    std::map<uint32_t, std::map<uint32_t, esgaudit_table_cell>> grid;
    const auto cells = doc.EachGridCell(t);
    auto next = cells.begin();
    for (; next != cells.end() && (*next).row <= 2; ++next) grid[(*next).row][(*next).column] = *next;
    // The header row: the first row with exactly one dividend amount cell (a caption line may come first).
    uint32_t header_row = UINT32_MAX, column = 0;
    for (const auto& [row, cells] : grid) {
      if (row > 2) break;
      int found = 0;
      for (const auto& [col, c] : cells) {
        if (col > 0 && dividend_header(std::string(sdk::View(c.text)))) {
          ++found;
          column = col;
        }
      }
      if (found == 1) {
        header_row = row;
        break;
      }
      if (found > 1) break;
    }
    if (header_row == UINT32_MAX) continue;
    for (; next != cells.end(); ++next) grid[(*next).row][(*next).column] = *next;
    const std::string header(sdk::View(grid[header_row][column].text));
    double scale = money_scale(header);
    std::string unit_name = sdk::Contains(header, "亿元") ? "亿元" : sdk::Contains(header, "百万元") ? "百万元" : sdk::Contains(header, "万元") ? "万元" : "元";
    if (scale == 0) {
      const std::string table_unit(sdk::View(t.unit));
      scale = money_scale(table_unit);
      unit_name = table_unit;
    }
    if (scale == 0) continue;
    const uint32_t header_line = grid[header_row].begin()->second.line;
    struct Row {
      int year;
      int figure;  // -1: a dash
      bool plan;
    };
    std::vector<Row> rows;
    bool plain = true;
    uint32_t last_line = header_line;
    // The bare figure of a value cell, -1 for a dash or an empty cell, -2 for anything else.
    auto value_of = [&](const esgaudit_table_cell& c) {
      const std::string cell(sdk::Trim(sdk::View(c.text)));
      if (cell.empty() || cell == "-" || cell == "--" || cell == "/" || cell == "—") return -1;
      auto f = figure_at.find(c.offset);
      if (f == figure_at.end() || figures_[f->second].text != cell || figures_[f->second].kind != ESGAUDIT_FACT_QUANTITY ||
          !figures_[f->second].unit.empty() || figures_[f->second].qualifiers != 0 || figures_[f->second].value < 0) {
        return -2;
      }
      return f->second;
    };
    std::string running_label;  // the label of a running-total row ending the years (累计)
    int running = -1;           // and its figure
    for (auto it = grid.upper_bound(header_row); it != grid.end() && plain; ++it) {
      const auto& cells = it->second;
      const std::string label = cells.count(0) ? std::string(sdk::View(cells.at(0).text)) : std::string();
      if (RowTotalLabel(label) || IsTotalLabel(label) || any_of_words(label, {"合计", "总计", "累计", "截止", "截至"})) {
        if (sdk::Contains(label, "累计") && !any_of_words(label, {"计划", "预案", "预计", "每", "率", "比例"}) && cells.count(column)) {
          running_label = label;
          running = value_of(cells.at(column));
        }
        break;
      }
      const int year = row_year(label);
      if (year < 0) {
        plain = false;
        break;
      }
      int figure = -1;
      if (cells.count(column)) {
        const esgaudit_table_cell& c = cells.at(column);
        last_line = std::max(last_line, c.line);
        figure = value_of(c);
        if (figure == -2) {
          plain = false;
          break;
        }
      }
      rows.push_back({year, figure, any_of_words(label, {"计划", "预案", "预计"})});
    }
    if (!plain || rows.size() < 2) continue;
    // A running-total row the model left out of the grid (its label reads as prose: `截止2015年度，…`):
    // the line right after the table, a label and one bare figure after a tab.
    if (running_label.empty() && t.last_line + 1 < doc.LineCount() && by_line.count(t.last_line + 1)) {
      const esgaudit_line l = doc.Line(t.last_line + 1);
      const std::string_view line_text = text.substr(l.offset, l.length);
      const size_t tab = line_text.find('\t');
      const std::vector<int>& on = by_line.at(t.last_line + 1);
      const int g = on.back();
      if (tab != std::string_view::npos && line_text.find('\t', tab + 1) == std::string_view::npos &&
          figures_[g].offset > l.offset + tab) {
        const std::string label(sdk::Trim(line_text.substr(0, tab)));
        const std::string cell(sdk::Trim(line_text.substr(tab + 1)));
        if (sdk::Contains(label, "累计") && !any_of_words(label, {"计划", "预案", "预计", "每", "率", "比例"}) &&
            figures_[g].text == cell && figures_[g].kind == ESGAUDIT_FACT_QUANTITY && figures_[g].unit.empty() &&
            figures_[g].qualifiers == 0) {
          running_label = label;
          running = g;
        }
      }
    }
    // The table's own running total (累计金额, 截止2015年度，已累计现金分红): the sum of the year rows up to
    // the year its label names (every row when it names none), plans left out. A row whose year is
    // damaged leaves a cut-off sum unread.
    if (running >= 0 && !related.count(running)) {
      int cutoff = INT32_MAX;
      for (size_t k = 0; k + 4 <= running_label.size(); ++k) {
        const std::string y = running_label.substr(k, 4);
        if ((y.compare(0, 2, "19") == 0 || y.compare(0, 2, "20") == 0) &&
            std::all_of(y.begin(), y.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
          cutoff = std::stoi(y);
          break;
        }
      }
      std::vector<int> parts;
      bool known = true;
      size_t nonzero = 0;
      for (const Row& r : rows) {
        known = known && (cutoff == INT32_MAX || r.year > 0);
        if (r.plan || r.figure < 0 || r.year > cutoff) continue;
        parts.push_back(r.figure);
        nonzero += figures_[r.figure].value != 0;
      }
      Relation r;
      if (known && nonzero >= 2 && TableSum(running, parts, running_label, &r)) Add(std::move(r));
    }
    // The caption lines right above the header.
    auto caption_names_all_years = [&](uint32_t prose_line) {
      for (uint32_t line = header_line, n = 0; line-- > 0 && n < kCaptionLines; ++n) {
        if (line == prose_line) break;
        const std::string l = TrimmedLine(doc, line);
        if (Cps(l) <= kCaptionPoints && any_of_words(l, {"上市以来", "历年", "历次"})) return true;
      }
      return false;
    };
    std::vector<uint32_t> prose_lines;
    for (uint32_t line = header_line > kLinesAbove ? header_line - kLinesAbove : 0; line < header_line; ++line) {
      prose_lines.push_back(line);
    }
    const uint32_t below = std::max(last_line, t.last_line);
    for (uint32_t line = below + 1; line <= below + kLinesBelow && line < doc.LineCount(); ++line) prose_lines.push_back(line);
    for (uint32_t line : prose_lines) {
      auto on = by_line.find(line);
      if (on == by_line.end() || doc.LineStructure(line).role != ESGAUDIT_ROLE_PROSE) continue;
      const esgaudit_line pl = doc.Line(line);
      for (int g : on->second) {
        const Figure& f = figures_[g];
        if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit != "元" || f.qualifiers != 0 || related.count(g) ||
            f.offset < pl.offset) {
          continue;
        }
        const std::u32string before = U32(text.substr(pl.offset, f.offset - pl.offset));
        const size_t stop = before.find_last_of(U"。！？");
        const std::u32string sentence_u = stop == std::u32string::npos ? before : before.substr(stop + 1);
        const size_t comma = sentence_u.find_last_of(U"，,；;：:");
        const std::string sentence = ToUtf8(sentence_u);
        const std::string clause = ToUtf8(comma == std::u32string::npos ? sentence_u : sentence_u.substr(comma + 1));
        std::u32string tail = sentence_u;
        while (!tail.empty() && (tail.back() == U' ' || tail.back() == U'\t')) tail.pop_back();
        if (!tail.empty() && std::u32string_view(U"近约逾超余").find(tail.back()) != std::u32string_view::npos) continue;
        if (!any_of_words(clause, {"分红", "红利", "股利", "股息", "派息"}) ||
            !any_of_words(sentence, {"累计", "总额", "合计", "共计", "共"}) ||
            any_of_words(sentence, {"回购", "拟", "预案", "计划"}) || sdk::Contains(clause, "每")) {
          continue;
        }
        // The years the sentence covers, and the rows that are its parts.
        std::vector<int> parts;
        bool scoped = false;
        std::smatch m;
        if (std::regex_search(sentence, m, kRange)) {
          const int from = std::stoi(m[1].str() + m[2].str()), to = std::stoi(m[5].str() + m[6].str());
          std::set<int> years;
          for (const Row& r : rows) {
            if (r.year >= from && r.year <= to) {
              years.insert(r.year);
              if (r.figure >= 0) parts.push_back(r.figure);
            }
          }
          scoped = from < to && static_cast<int>(years.size()) == to - from + 1;
        } else if (std::regex_search(sentence, m, kRecent)) {
          const std::string n = m[2].str();
          const size_t want = n == "两" || n == "二" || n == "2" ? 2 : n == "三" || n == "3" ? 3 : n == "四" || n == "4" ? 4 : 5;
          scoped = rows.size() == want && std::none_of(rows.begin(), rows.end(), [](const Row& r) { return r.plan; });
          for (const Row& r : rows) {
            if (r.figure >= 0) parts.push_back(r.figure);
          }
        } else if (any_of_words(sentence, {"上市以来", "历年"}) && caption_names_all_years(line)) {
          for (const Row& r : rows) {
            if (r.figure >= 0 && !r.plan) parts.push_back(r.figure);
          }
          scoped = true;
          // A count of payouts stated before the amount must be the rows paying one.
          size_t paying = 0;
          for (int p : parts) paying += figures_[p].value > 0;
          const uint64_t sentence_from = f.offset - sentence.size();
          for (int h : on->second) {
            const Figure& c = figures_[h];
            if (c.offset >= sentence_from && c.offset < f.offset && c.unit == "次" && c.value != static_cast<double>(paying)) {
              scoped = false;
            }
          }
        }
        size_t nonzero = 0;
        for (int p : parts) nonzero += figures_[p].value != 0;
        if (!scoped || nonzero < 2) continue;
        // A cut amount: up to a whole unit of its last digit above its printed value.
        const double unit = std::pow(10.0, -f.decimals) * f.magnitude;
        Relation r;
        r.kind = RelationKind::kPartsTotal;
        r.evidence = Evidence::kStated;
        r.certainty = Certainty::kCertain;
        r.total = g;
        r.caption = f.label;
        r.parts = parts;
        r.parts_scale = scale;
        r.parts_unit = unit_name;
        SumParts(&r);
        if (r.sum_low > 2 * f.high || r.sum_high < 0.5 * f.low) continue;
        figures_[g].high = std::max(figures_[g].high, f.value + unit);
        r.consistent = RangesMeet(r.sum_low, r.sum_high, figures_[g].low, figures_[g].high);
        r.flag = !r.consistent;
        Add(std::move(r));
      }
    }
  }
}

// Breakdowns of a headcount printed as tables of their own right under the table that holds it: a
// staff table under `年份 | 总人数 | 性别` with a row per year, then an education table whose rows are
// the same years (`年份 | 博士 | 硕士 | 本科 …`, no total column) or a region table whose columns are
// years (`地区 | 2015年员工数 | 2016年员工数`, no total row). Each year's parts then sum to that year's
// headcount. A reader links the tables by layout and names only, so all of this must hold:
// - the upper header's first cell names the year key (年份, 年度) and one of its cells the head
//   (总人数, 员工总数 …; kHeads), the first value cell or, when each row prints as many figures as
//   the header has value cells, its own; two rows or more, each a year and figures (a dash for a nil);
// - the lower header stands within kGapLines lines after the upper's last row, on its page, with
//   only a caption or a unit line between; both blocks name the same count unit (单位：人, or a
//   header cell's bracket);
// - rows keyed by years: the lower header's first cell is a year key, and its rows are the same
//   years as the upper's, every value cell a figure or a dash; columns keyed by years: each value
//   cell of the lower header names one year of the upper's rows, once, and each row is a label with
//   no digit and as many figures or dashes;
// - no header cell names a total or a rate, no row label a total, an of-which part or a rate; parts
//   are plain whole counts in no other relation, two or more non-zero per sum.
// Whole numbers are exact (counts of people). A dimension such as education or region may leave
// people out (an unprinted class), and the link is read from the layout, so a sum off is a warning
// (Likely); the sums are taken only when all but one add up and none is off by more than 15 %.
void RelationAnalysis::FindHeadcountsInTheTableAbove(const sdk::Document& doc) {
  constexpr uint32_t kGapLines = 3;
  constexpr uint32_t kUnitLines = 3;
  constexpr size_t kBlocks = 3;
  static const std::set<std::string> kHeads = {"总人数", "员工总数", "员工总人数", "职工总数", "职工总人数"};
  const std::string_view text = doc.Text();
  // Whether the line's first token (after spaces, tabs and CRs, as `tokens` reads it) opens with 年份
  // or 年度: a header line's first cell is one of them, so other lines are passed over untokenised.
  auto opens_with_year_key = [&](uint32_t line) {
    const esgaudit_line l = doc.Line(line);
    std::string_view s = text.substr(l.offset, l.length);
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
    s.remove_prefix(i);
    return s.substr(0, 6) == "年份" || s.substr(0, 6) == "年度";
  };
  uint32_t first_header = 0;
  while (Fast() && first_header + 2 < doc.LineCount() && !opens_with_year_key(first_header)) ++first_header;
  if (first_header + 2 >= doc.LineCount()) return;
  const std::map<uint64_t, int>& figure_at = FigureAt();
  const std::set<int> related = FiguresInRelations();
  struct Token {
    std::string text;
    uint64_t offset = 0;
  };
  // The line's tokens set apart by blanks; `cells`: by tabs or two blanks or more.
  auto tokens = [&](uint32_t line, bool cells) {
    const esgaudit_line l = doc.Line(line);
    const std::string_view s = text.substr(l.offset, l.length);
    std::vector<Token> out;
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
      if (i >= s.size()) break;
      size_t e = i;
      while (e < s.size() && s[e] != '\t' && s[e] != '\r' &&
             !(s[e] == ' ' && (!cells || (e + 1 < s.size() && (s[e + 1] == ' ' || s[e + 1] == '\t'))))) {
        ++e;
      }
      out.push_back({std::string(s.substr(i, e - i)), l.offset + i});
      i = e;
    }
    return out;
  };
  auto year_key = [](const std::string& c) { return c == "年份" || c == "年度"; };
  // A year alone (2016, 2016年): the year, else 0.
  auto year_cell = [](std::string c) {
    if (c.size() == 7 && c.compare(4, 3, "年") == 0) c.resize(4);
    if (c.size() != 4 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return 0;
    const int y = std::stoi(c);
    return y >= 1900 && y <= 2099 ? y : 0;
  };
  // The one year a header cell names (2015年员工数), else 0.
  auto year_named = [](const std::string& c) {
    int year = 0, n = 0;
    for (size_t i = 0; i + 4 <= c.size(); ++i) {
      const bool digits = std::all_of(c.begin() + i, c.begin() + i + 4, [](char ch) { return ch >= '0' && ch <= '9'; });
      const bool alone = (i == 0 || !std::isdigit(static_cast<unsigned char>(c[i - 1]))) &&
                         (i + 4 == c.size() || !std::isdigit(static_cast<unsigned char>(c[i + 4])));
      if (digits && alone) {
        year = std::stoi(c.substr(i, 4));
        ++n;
      }
    }
    return n == 1 && year >= 1900 && year <= 2099 ? year : 0;
  };
  auto dash = [](const std::string& c) { return c == "-" || c == "—" || c == "–" || c == "--" || c == "/"; };
  // The unit a line names (单位：人), or empty.
  auto unit_named = [](const std::string& l) {
    for (const char* w : {"单位：", "单位:"}) {
      const size_t at = l.find(w);
      if (at == std::string::npos) continue;
      std::u32string u = U32(l.substr(at + std::string(w).size()));
      size_t n = 0;
      while (n < u.size() && u[n] != U' ' && u[n] != U'\t' && u[n] != U'）' && u[n] != U')') ++n;
      return ToUtf8(u.substr(0, n));
    }
    return std::string();
  };
  // The unit in a cell's closing bracket: 总人数（人） -> 人.
  auto bracket_unit = [](const std::string& c) {
    std::u32string u = U32(c);
    if (u.empty() || (u.back() != U'）' && u.back() != U')')) return std::string();
    const size_t open = u.find_last_of(U"（(");
    if (open == std::u32string::npos || u.size() - open - 2 == 0 || u.size() - open - 2 > 2) return std::string();
    return ToUtf8(u.substr(open + 1, u.size() - open - 2));
  };
  auto strip_bracket = [](const std::string& c) {
    std::u32string u = U32(c);
    const size_t open = u.find_first_of(U"（(");
    return open == std::u32string::npos ? c : ToUtf8(u.substr(0, open));
  };
  auto names_total_or_rate = [](const std::string& c) {
    for (const char* w : {"合计", "总计", "小计", "共计", "总数", "总人数", "总额", "总量", "率", "占比", "比例", "%", "％"}) {
      if (sdk::Contains(c, w)) return true;
    }
    return false;
  };
  // A row: its label tokens, then one figure or dash per value cell (-1 for a dash).
  auto row_of = [&](uint32_t line, size_t label_tokens, std::string* label, std::vector<int>* cells) {
    const std::vector<Token> toks = tokens(line, false);
    cells->clear();
    label->clear();
    size_t k = 0;
    if (label_tokens > 0) {
      if (toks.size() < label_tokens) return false;
      for (; k < label_tokens; ++k) *label += toks[k].text;
    } else {  // a label of words before the first figure or dash
      for (; k < toks.size() && !dash(toks[k].text) && !figure_at.count(toks[k].offset); ++k) {
        *label += (k ? " " : "") + toks[k].text;
      }
      if (label->empty() || HasDigit(*label)) return false;
    }
    for (; k < toks.size(); ++k) {
      if (dash(toks[k].text)) {
        cells->push_back(-1);
        continue;
      }
      auto it = figure_at.find(toks[k].offset);
      if (it == figure_at.end() || figures_[it->second].text != toks[k].text) return false;
      cells->push_back(it->second);
    }
    return !cells->empty();
  };
  // The count unit of a block: a unit line among the kUnitLines lines above its header (on its page),
  // the header line itself, or a header cell's bracket.
  auto block_unit = [&](uint32_t header, uint32_t stop, const std::vector<Token>& cells) {
    std::string unit;
    for (const Token& c : cells) {
      if (unit.empty()) unit = bracket_unit(c.text);
    }
    for (uint32_t line = header + 1, n = 0; unit.empty() && line-- > stop && n <= kUnitLines; ++n) {
      if (doc.Line(line).page != doc.Line(header).page) break;
      unit = unit_named(TrimmedLine(doc, line));
    }
    return IsCountUnit(unit) ? unit : std::string();
  };
  for (uint32_t h = first_header; h + 2 < doc.LineCount(); ++h) {
    if (Fast() && !opens_with_year_key(h)) continue;
    const std::vector<Token> head = tokens(h, true);
    if (head.size() < 2 || !year_key(head[0].text)) continue;
    size_t k = head.size();
    for (size_t c = 1; c < head.size(); ++c) {
      if (kHeads.count(strip_bracket(head[c].text)) && k == head.size()) {
        k = c - 1;
      } else if (kHeads.count(strip_bracket(head[c].text))) {
        k = head.size() + 1;  // two heads
      }
    }
    if (k >= head.size()) continue;
    const std::string unit = block_unit(h, h > kUnitLines ? h - kUnitLines : 0, head);
    if (unit.empty()) continue;
    const uint32_t page = doc.Line(h).page;
    // The upper block's rows: years, after up to two lines of sub-headers without digits.
    std::map<int, int> headcount;  // year -> figure
    std::map<int, std::string> caption_of;  // the headcount's figure -> its head and year (总人数 2016)
    uint32_t last = h, line = h + 1;
    for (uint32_t sub = 0; line < doc.LineCount() && sub < 2 && doc.Line(line).page == page &&
                           !HasDigit(TrimmedLine(doc, line)) && !TrimmedLine(doc, line).empty();
         ++line, ++sub) {
    }
    bool misread = false;
    for (; line < doc.LineCount() && doc.Line(line).page == page; ++line) {
      const std::vector<Token> toks = tokens(line, false);
      const int year = toks.empty() ? 0 : year_cell(toks[0].text);
      std::string label;
      std::vector<int> cells;
      if (!year || !row_of(line, 1, &label, &cells)) break;
      const size_t at = cells.size() == head.size() - 1 ? k : (k == 0 ? 0 : cells.size());
      if (at >= cells.size() || cells[at] < 0 || headcount.count(year)) {
        misread = true;
        break;
      }
      headcount[year] = cells[at];
      caption_of[cells[at]] = strip_bracket(head[k + 1].text) + " " + std::to_string(year);
      last = line;
    }
    if (misread || headcount.size() < 2) continue;
    // The blocks below, each a breakdown keyed by the same years; a block read whole (adding up
    // or not) may be followed by the next (education, then region).
    for (size_t block = 0; block < kBlocks; ++block) {
      misread = false;
      // The lower block's header: caption and unit lines between.
      uint32_t low = ESGAUDIT_NO_INDEX;
      for (uint32_t l2 = last + 1; l2 <= last + 1 + kGapLines && l2 < doc.LineCount() && doc.Line(l2).page == page; ++l2) {
        const std::string lt = TrimmedLine(doc, l2);
        // a caption (one cell, no figure) or a unit line
        if (lt.empty() || !unit_named(lt).empty() || (tokens(l2, true).size() == 1 && !HasDigit(lt))) continue;
        low = l2;
        break;
      }
      if (low == ESGAUDIT_NO_INDEX) break;
      const std::vector<Token> lower = tokens(low, true);
      if (lower.size() < 3 || block_unit(low, last + 1, lower) != unit) break;
      if (std::any_of(lower.begin(), lower.end(), [&](const Token& c) { return names_total_or_rate(c.text); })) break;
      std::vector<std::pair<int, std::vector<int>>> sums;  // headcount figure, parts
      std::vector<std::pair<int, std::string>> labels;     // part figure, its label
      if (year_key(lower[0].text)) {
        // Rows keyed by the same years.
        std::set<int> years;
        for (line = low + 1; line < doc.LineCount() && doc.Line(line).page == page; ++line) {
          const std::vector<Token> toks = tokens(line, false);
          const int year = toks.empty() ? 0 : year_cell(toks[0].text);
          std::string label;
          std::vector<int> cells;
          if (!year || !row_of(line, 1, &label, &cells)) break;
          if (cells.size() != lower.size() - 1 || !headcount.count(year) || !years.insert(year).second) {
            misread = true;
            break;
          }
          std::vector<int> parts;
          for (size_t c = 0; c < cells.size(); ++c) {
            if (cells[c] < 0) continue;
            parts.push_back(cells[c]);
            labels.emplace_back(cells[c], lower[c + 1].text);
          }
          sums.emplace_back(headcount[year], std::move(parts));
        }
        if (misread || years.size() != headcount.size()) break;
      } else {
        // Columns keyed by years of the upper block.
        if (HasDigit(lower[0].text)) break;
        std::vector<int> column_years;
        for (size_t c = 1; c < lower.size(); ++c) {
          const int y = year_named(lower[c].text);
          if (!y || !headcount.count(y) ||
              std::find(column_years.begin(), column_years.end(), y) != column_years.end()) {
            misread = true;
            break;
          }
          column_years.push_back(y);
        }
        if (misread) break;
        std::vector<std::vector<int>> columns(column_years.size());
        size_t rows = 0;
        for (line = low + 1; line < doc.LineCount() && doc.Line(line).page == page; ++line) {
          std::string label;
          std::vector<int> cells;
          if (!row_of(line, 0, &label, &cells)) break;
          if (cells.size() != columns.size() || RowTotalLabel(label) || IsNestedLabel(label) || RateLabel(label)) {
            misread = true;
            break;
          }
          ++rows;
          for (size_t c = 0; c < cells.size(); ++c) {
            if (cells[c] < 0) continue;
            columns[c].push_back(cells[c]);
            labels.emplace_back(cells[c], label);
          }
        }
        if (misread || rows < 2) break;
        for (size_t c = 0; c < columns.size(); ++c) sums.emplace_back(headcount[column_years[c]], std::move(columns[c]));
      }
      last = line - 1;  // the block's last row: the next block may follow it
      // Judge the sums: plain whole counts, exact; all but one add up, none far off.
      std::vector<Relation> found;
      std::vector<std::pair<int, std::pair<double, double>>> own;  // intervals to restore
      size_t holds = 0;
      for (auto& [total, parts] : sums) {
        size_t nonzero = 0;
        for (int p : parts) {
          const Figure& f = figures_[p];
          misread = misread || related.count(p) || f.kind != ESGAUDIT_FACT_QUANTITY || f.decimals != 0 ||
                    !(f.unit.empty() || f.unit == unit);
          nonzero += f.value != 0;
        }
        misread = misread || nonzero < 2;
        if (misread) break;
        for (int p : parts) {
          own.emplace_back(p, std::make_pair(figures_[p].low, figures_[p].high));
          figures_[p].low = figures_[p].high = figures_[p].value;
        }
        Relation r;
        if (!TableSum(total, parts, caption_of[total], &r) || OffByMoreThanASlip(r, figures_[total])) {
          misread = true;
          break;
        }
        holds += r.consistent;
        r.evidence = Evidence::kLayout;
        r.certainty = Certainty::kLikely;
        found.push_back(std::move(r));
      }
      if (misread || holds < 1 || holds + 1 < sums.size()) {
        for (const auto& [p, iv] : own) std::tie(figures_[p].low, figures_[p].high) = iv;
        continue;
      }
      for (const auto& [p, label] : labels) figures_[p].label = label;
      for (Relation& r : found) Add(std::move(r));
    }
  }
}

}  // namespace esgaudit::numeric
