#include "analysis.h"

#include <esgaudit/text.h>

#include "units.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <tuple>

namespace esgaudit::cnexchange {
namespace {

// The SDK's search (by the word's last byte): most words are Han, whose first byte recurs every few
// bytes of a Chinese line.
bool Contains(std::string_view s, std::string_view w) { return sdk::Contains(s, w); }

size_t CodePoints(std::string_view s) { return sdk::CodePointCount(s); }

bool HasSentencePunctuation(std::string_view s) {
  return Contains(s, "。") || Contains(s, ",") || Contains(s, ";") || Contains(s, "，");
}

bool ContainsAny(std::string_view s, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (Contains(s, w)) return true;
  return false;
}

// True when `word` at `at` in `s` is negated just before it ("未", "不", "非", "无" within the four
// preceding code points, as in 未被列入, 不属于, 非重点).
bool NegatedAt(std::string_view s, size_t at) {
  size_t i = at;
  for (int k = 0; k < 4 && i > 0; ++k) {
    i = sdk::PrevCodePointStart(s, i);
    std::string_view c = s.substr(i, at - i);
    if (c.rfind("未", 0) == 0 || c.rfind("不", 0) == 0 || c.rfind("非", 0) == 0 ||
        c.rfind("无", 0) == 0)
      return true;
  }
  return false;
}

// True when the dimension word at `at` is negated: the text before it, without a trailing
// 具有/具备, ends with 不 or 无 ("也不具有财务重要性", "不具备影响重要性").
bool DimensionNegated(std::string_view s, size_t at) {
  std::string_view before = s.substr(0, at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  for (std::string_view suffix : {"具有", "具备", "有"}) {
    if (before.size() >= suffix.size() && before.substr(before.size() - suffix.size()) == suffix) {
      before.remove_suffix(suffix.size());
      break;
    }
  }
  for (std::string_view neg : {"不", "无"}) {
    if (before.size() >= neg.size() && before.substr(before.size() - neg.size()) == neg) return true;
  }
  return false;
}

// True for a cell that opens with an article of the guideline ("第五十条", "第50条", "第二十一条至
// 第二十八条"): a cell of the report's own index.
bool ArticleCell(std::string_view cell) {
  static const std::u32string_view kNumerals = U"一二三四五六七八九十百零0123456789";
  if (cell.substr(0, 3) != "第") return false;
  size_t i = 3;
  for (size_t k = 0; k < 6 && i < cell.size(); ++k) {
    const char32_t c = sdk::NextCodePoint(cell, &i);
    if (c == U'条') return k > 0;
    if (kNumerals.find(c) == std::u32string_view::npos) return false;
  }
  return false;
}

// The clause around [at, end) of `s`: back and forth to sentence punctuation, at most `max_cps`
// code points each way.
std::pair<std::string_view, std::string_view> Clause(std::string_view s, size_t at, size_t end, size_t max_cps) {
  auto stop = [](std::string_view c) {
    return c == "。" || c == "," || c == "，" || c == ";" || c == "；" || c == "!" || c == "?" || c == "\n" ||
           c == ":";
  };
  size_t b = at;
  for (size_t k = 0; k < max_cps && b > 0; ++k) {
    const size_t prev = sdk::PrevCodePointStart(s, b);
    if (stop(s.substr(prev, b - prev))) break;
    b = prev;
  }
  size_t e = end;
  for (size_t k = 0; k < max_cps && e < s.size(); ++k) {
    size_t next = e;
    sdk::NextCodePoint(s, &next);
    if (stop(s.substr(e, next - e))) break;
    e = next;
  }
  return {s.substr(b, at - b), s.substr(end, e - end)};
}

// A count printed right after an event word ("3起", "0次"): -1 when there is none.
long CountAfter(std::string_view after) {
  size_t i = 0;
  while (i < after.size() && (after[i] == ' ' || after.substr(i, 3) == "为" || after.substr(i, 3) == "共")) i += after[i] == ' ' ? 1 : 3;
  size_t d = i;
  while (d < after.size() && after[d] >= '0' && after[d] <= '9') ++d;
  if (d == i || d - i > 6) return -1;
  std::string_view unit = after.substr(d);
  for (std::string_view u : {"起", "次", "例", "件", "宗", "人", "名"})
    if (unit.substr(0, u.size()) == u) return std::stol(std::string(after.substr(i, d - i)));
  return -1;
}

// A topic's names, its Chinese title first, ASCII letters lower-cased (matched against Line::lower).
std::vector<std::string> Names(const TopicSpec& t) {
  std::vector<std::string> names{t.title_zh};
  for (const std::string& n : t.names) names.push_back(sdk::AsciiLower(n));
  return names;
}

}  // namespace

size_t FindNearStart(std::string_view s, std::string_view word, size_t most) {
  if (word.empty()) return 0;
  for (size_t k = 0; k <= most && k + word.size() <= s.size(); ++k)
    if (s[k] == word[0] && std::memcmp(s.data() + k + 1, word.data() + 1, word.size() - 1) == 0) return k;
  return std::string_view::npos;
}

// Full-width brackets as the matching view writes them (NFKC), spaces dropped, ASCII lower-cased.
std::string NameKey(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size();) {
    if (name.substr(i, 3) == "（") { out += '('; i += 3; continue; }
    if (name.substr(i, 3) == "）") { out += ')'; i += 3; continue; }
    if (name[i] == ' ' || name[i] == '\t') { ++i; continue; }
    out += name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i];
    ++i;
  }
  return out;
}

std::string ShortQuote(std::string_view s, size_t max_code_points) {
  // The code points kept are the head of `s` up to where the count stops: one copy, not an append
  // per code point.
  size_t i = 0, n = 0;
  while (i < s.size() && n < max_code_points) {
    sdk::NextCodePoint(s, &i);
    ++n;
  }
  const bool cut = i < s.size();
  std::string out;
  out.reserve(i + (cut ? 3 : 0));
  out.append(s.substr(0, i));
  if (cut) out += "…";
  return out;
}

bool TopicResult::Addressed() const {
  if (heading.found()) return true;
  for (const ItemResult& i : items)
    if (!i.evidence.empty()) return true;
  return false;
}

bool TopicResult::HasApplicableItems() const {
  for (const ItemResult& i : items)
    if (i.applies) return true;
  return false;
}

esgaudit_coverage_status TopicResult::Status() const {
  if (explanation.found()) return ESGAUDIT_COVERED;
  if (!Addressed()) return ESGAUDIT_MISSING;
  // Classed as not material: covered when still disclosed under its own heading, else partial
  // (the reason Art. 5(2) asks for is missing).
  if (materiality == Materiality::kNeither) return heading.found() ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL;
  for (const ItemResult& i : items)
    if (i.applies && i.evidence.empty()) return ESGAUDIT_PARTIAL;
  return ESGAUDIT_COVERED;
}

Analysis::Analysis(const sdk::Document& doc, const sdk::Context&)
    : doc_(doc),
      english_(doc.English()),
      pack_data_(RulePack::Load(doc)),
      pack_(*pack_data_),
      view_(doc.MatchView()) {
  required_ = pack_.required();
  if (required_.empty()) {
    const std::string list = "," + std::string(doc.Option("require")) + ",";
    for (const char* g : {"szse", "sse", "bse"}) {
      if (list.find("," + std::string(g) + ",") != std::string::npos && required_.empty()) required_ = g;
    }
    if (required_.empty() && list.find(",cn-exchange,") != std::string::npos) required_ = "any";
  }
  ReadStructure();
  PrefilterPatterns();
  ReadCompany();
  ReadPeriod();
  // The scan first: FindEntity's and FindPattern's line masks (LineHasAny) come from its exact hits,
  // where each line was searched for each word.
  ScanKeywords();
  FindEntity();
  if (required_.empty()) FindMembership();
  for (const TopicSpec& spec : pack_.topics()) {
    TopicResult t;
    t.spec = &spec;
    topics_.push_back(std::move(t));
  }
  keywords_ready_ = true;
  FindClaim();
  ReadMateriality();
  EvaluateTopics();
  FindParts();
  FindTopicParts();
  FindElements();
  FindAssurance();
  FindGhgUnits();
  FindQuantityUnits();
  FindUnquantified();
  FindRelief();
  FindMatrixPicture();
}

void Analysis::ReadStructure() {
  const uint32_t n = doc_.LineCount();
  lines_.resize(n);
  // Where each line's `plain` lies in plain_text_ and where its cells start in cells_, pointed to
  // once both have stopped growing.
  std::vector<std::pair<size_t, size_t>> plain_at(n);
  std::vector<size_t> first_cell(n + 1, 0);
  plain_text_.clear();
  cells_.clear();
  for (uint32_t i = 0; i < n; ++i) {
    const esgaudit_line_structure ls = doc_.LineStructure(i);
    Line& l = lines_[i];
    l.begin = ls.view_begin;
    l.end = ls.view_end;
    l.text = view_.substr(l.begin, l.end - l.begin);
    l.body = (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) == 0;
    l.toc = (ls.flags & ESGAUDIT_LINE_TOC) != 0;
    l.furniture = (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) != 0;
    l.heading = ls.role == ESGAUDIT_ROLE_HEADING;
    l.table = ls.table;
    first_cell[i] = cells_.size();
    uint32_t article_cells = 0;
    const size_t plain_begin = plain_text_.size();
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      const esgaudit_cell c = doc_.Cell(ls.first_cell + k);
      if (c.flags & ESGAUDIT_CELL_SIDE_BANNER) continue;
      if (plain_text_.size() != plain_begin) plain_text_.push_back(' ');
      plain_text_.append(doc_.CellView(c));
      cells_.emplace_back(c.view_begin, c.view_end);
      if (ArticleCell(doc_.CellView(c))) ++article_cells;
    }
    // The model finds an index by its rows (lines); an index written as one HTML table is one line
    // (OCR Markdown). A line whose cells cite three articles of the guideline is such an index.
    if (article_cells >= 3) l.body = false;
    plain_at[i] = {plain_begin, plain_text_.size() - plain_begin};
  }
  first_cell[n] = cells_.size();
  for (uint32_t i = 0; i < n; ++i) {
    lines_[i].plain = std::string_view(plain_text_).substr(plain_at[i].first, plain_at[i].second);
    lines_[i].cells = boost::make_iterator_range(cells_.data() + first_cell[i], cells_.data() + first_cell[i + 1]);
  }
  const uint32_t tables = doc_.TableCount();
  table_units_.resize(tables);
  for (uint32_t t = 0; t < tables; ++t) {
    const esgaudit_table tb = doc_.Table(t);
    table_units_[t] = std::string(sdk::View(tb.unit));
    if ((tb.source & ESGAUDIT_TABLE_SOURCE_HTML) == 0) continue;
    bool stakeholders = false;
    for (uint32_t i = tb.first_line; i <= tb.last_line && i < n; ++i) {
      const std::string_view t2 = lines_[i].text;
      stakeholders |= Contains(t2, "利益相关方") &&
                      (Contains(t2, "诉求") || Contains(t2, "关注议题") || Contains(t2, "关注话题"));
    }
    for (uint32_t i = tb.first_line; i <= tb.last_line && i < n; ++i) {
      lines_[i].html_table = true;
      lines_[i].stakeholder_table = stakeholders;
    }
  }
}

size_t Analysis::LineAt(uint64_t v) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), v,
                             [](uint64_t value, const Line& l) { return value < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

std::pair<uint64_t, uint64_t> Analysis::RowAt(size_t i, uint64_t v) const {
  const Line& l = lines_[i];
  if (!l.html_table || v < l.begin || v > l.end) return {l.begin, l.end};
  // A row is far shorter than this; the window keeps the search linear on a report that is one
  // long line.
  constexpr size_t kRowWindow = 4096;
  const size_t at = static_cast<size_t>(v - l.begin);
  const size_t lo = at > kRowWindow ? at - kRowWindow : 0;
  std::string_view text = l.text;
  size_t start = text.substr(lo, at - lo).rfind("<tr");
  start = start == std::string_view::npos ? lo : lo + start;
  size_t stop = text.substr(at, kRowWindow).find("</tr>");
  stop = stop == std::string_view::npos ? std::min(text.size(), at + kRowWindow) : at + stop + 5;
  return {l.begin + start, l.begin + stop};
}

std::pair<uint64_t, uint64_t> Analysis::Around(std::pair<uint64_t, uint64_t> span, uint64_t begin, uint64_t end,
                                               uint64_t window) const {
  auto boundary = [&](uint64_t o) {
    while (o > span.first && o < span.second && (static_cast<unsigned char>(view_[o]) & 0xC0) == 0x80) --o;
    return o;
  };
  return {boundary(std::max(span.first, begin > window ? begin - window : 0)),
          boundary(std::min(span.second, end + window))};
}

bool Analysis::IsListLine(size_t i) const {
  const Line& l = lines_[i];
  return l.text.rfind("#", 0) != 0 && CodePoints(l.plain) <= 80 && !HasSentencePunctuation(l.plain);
}

bool Analysis::UsableLine(size_t i) const { return lines_[i].body && materiality_lines_.count(i) == 0; }

Evidence Analysis::MakeEvidence(size_t line, uint64_t begin, uint64_t end) const {
  Evidence e;
  e.begin = begin;
  e.end = end;
  e.line = line;
  return e;
}

std::string Analysis::Quote(const Evidence& e) const {
  if (e.line == Evidence::kNoLine) return std::string();
  const uint64_t begin = e.begin;
  // The quote: from a little before the hit (within its cell, so that it shows its context), then
  // the following cells of the line, joined by one space, up to the quote's length.
  constexpr size_t kQuoteCodePoints = 40;
  const Line& l = lines_[e.line];
  auto cell = std::upper_bound(l.cells.begin(), l.cells.end(), begin,
                               [](uint64_t v, const std::pair<uint64_t, uint64_t>& c) { return v < c.second; });
  std::string text;
  size_t count = 0;
  for (bool first = true; cell != l.cells.end() && count <= kQuoteCodePoints; ++cell, first = false) {
    std::string_view c = view_.substr(cell->first, cell->second - cell->first);
    if (first && begin > cell->first) {
      size_t from = static_cast<size_t>(begin - cell->first);
      for (int k = 0; k < 8 && from > 0; ++k) from = sdk::PrevCodePointStart(c, from);
      c.remove_prefix(from);
    }
    // Bounded: a cell of a report that is one long line may be megabytes.
    size_t cut = 0;
    for (size_t k = 0; cut < c.size() && k <= kQuoteCodePoints; ++k) sdk::NextCodePoint(c, &cut);
    if (!text.empty()) text.push_back(' ');
    text.append(c.substr(0, cut));
    count += CodePoints(c.substr(0, cut)) + 1;
    if (cut < c.size()) break;
  }
  return ShortQuote(text, kQuoteCodePoints);
}

std::shared_ptr<const KeywordScan> KeywordScan::Of(const std::shared_ptr<const RulePack>& rule_pack) {
  return sdk::DerivedRuleData<KeywordScan>(rule_pack, [](const RulePack& p, KeywordScan* scan) {
    const RulePack* pack = &p;
    std::set<std::string> words;
    auto add = [&](const std::vector<std::string>& list) {
      for (const std::string& w : list)
        if (!w.empty()) words.insert(w);
    };
    for (const TopicSpec& t : pack->topics()) {
      add(t.trigger_words);
      for (const ItemSpec& i : t.items) {
        add(i.keywords);
        add(i.trigger_words);
      }
    }
    for (const PartSpec& p : pack->four_parts()) add(p.phrases);
    for (const PartSpec& p : pack->climate_parts()) add(p.phrases);
    for (const char* list : {"financial", "impact", "double"}) add(pack->Words(list));
    // The topics' names, for EvaluateTopics. Their hits are kept apart: FindWords searches a word
    // that is not a keyword itself, case-sensitively.
    std::set<std::string> names;
    for (const TopicSpec& t : pack->topics())
      for (const std::string& n : Names(t))
        if (!n.empty()) names.insert(n);
    scan->words.assign(words.begin(), words.end());
    const size_t keyword_count = scan->words.size();
    for (const std::string& n : names)
      if (!words.count(n)) scan->words.push_back(n);
    for (const std::string& n : names) {
      auto at = words.count(n) ? std::lower_bound(scan->words.begin(), scan->words.begin() + keyword_count, n)
                               : std::find(scan->words.begin() + keyword_count, scan->words.end(), n);
      scan->names.emplace_back(n, static_cast<size_t>(at - scan->words.begin()));
    }
    scan->keyword_count = keyword_count;
    scan->exact = ExactWordLists(*pack);
    for (size_t k = 0; k < keyword_count; ++k) scan->keyword_at.emplace(scan->words[k], k);
    for (size_t k = 0; k < scan->exact.size(); ++k) scan->exact_at.emplace(scan->exact[k], k);
    // Caseless: English keywords ("scope 3", "Data security") match however a report capitalises them.
    for (const std::string& w : scan->words)  // the words never move again
      scan->patterns.push_back({sdk::Str(w), ESGAUDIT_PATTERN_LITERAL | ESGAUDIT_PATTERN_CASELESS});
    for (const std::string& w : scan->exact) scan->patterns.push_back({sdk::Str(w), ESGAUDIT_PATTERN_LITERAL});
  });
}

std::vector<std::string> ExactWordLists(const RulePack& pack) {
  std::set<std::string> words;
  auto add = [&](const std::string& list) {
    try {
      for (const std::string& w : pack.Words(list))
        if (!w.empty()) words.insert(w);
    } catch (const sdk::ConfigError&) {
    }
  };
  for (const ElementSpec& e : pack.elements())
    if (!e.words.empty()) add(e.words);
  for (const char* list : {"relief_claimed", "materiality_matrix", "dual_listing", "unquantified"}) add(list);
  for (const auto& [name, source] : pack.pattern_sources())
    for (const std::string& w : pack.PatternNeeds(name))
      if (!w.empty()) words.insert(w);
  return std::vector<std::string>(words.begin(), words.end());
}

void Analysis::ScanKeywords() {
  // The same list, in the same order, for every document: the host compiles it once.
  const std::shared_ptr<const KeywordScan> scan = KeywordScan::Of(pack_data_);
  keyword_scan_ = scan;
  scan_hits_.assign(scan->patterns.size(), {});
  for (const esgaudit_match& m : doc_.Scan(scan->patterns)) scan_hits_[m.pattern].push_back(m.begin);
}

const std::vector<uint64_t>* Analysis::KeywordHits(const std::string& word) const {
  if (keyword_scan_ == nullptr || !keywords_ready_) return nullptr;
  const auto it = keyword_scan_->keyword_at.find(word);  // one hash, not a string compare per halving
  return it == keyword_scan_->keyword_at.end() ? nullptr : &scan_hits_[it->second];
}

const std::vector<uint64_t>* Analysis::NameHits(const std::string& name) const {
  if (keyword_scan_ == nullptr || !keywords_ready_) return nullptr;
  const auto& names = keyword_scan_->names;  // sorted by name, each once
  auto it = std::lower_bound(names.begin(), names.end(), name,
                             [](const std::pair<std::string, size_t>& n, const std::string& x) { return n.first < x; });
  return it == names.end() || it->first != name ? nullptr : &scan_hits_[it->second];
}

const std::vector<uint64_t>* Analysis::ExactHits(const std::string& word) const {
  if (keyword_scan_ == nullptr) return nullptr;
  const auto it = keyword_scan_->exact_at.find(word);
  return it == keyword_scan_->exact_at.end() ? nullptr : &scan_hits_[keyword_scan_->words.size() + it->second];
}

bool Analysis::LineHasAny(const std::vector<std::string>& words, size_t i) const { return LineMask(words)[i]; }

const std::vector<bool>& Analysis::LineMask(const std::vector<std::string>& words) const {
  auto [it, added] = line_masks_.try_emplace(&words);
  std::vector<bool>& mask = it->second;
  if (added) {
    mask.assign(lines_.size(), false);
    for (const std::string& w : words) {
      const std::vector<uint64_t>* hits = w.empty() ? nullptr : ExactHits(w);
      if (hits == nullptr) {  // not scanned: each line searched, as ContainsAny does
        for (size_t j = 0; j < lines_.size(); ++j) mask[j] = mask[j] || Contains(lines_[j].text, w);
        continue;
      }
      for (uint64_t at : *hits) {
        const size_t j = LineAt(at);
        if (at >= lines_[j].begin && at + w.size() <= lines_[j].end) mask[j] = true;
      }
    }
  }
  return mask;
}

std::vector<Evidence> Analysis::FindWords(const std::vector<std::string>& words, size_t max,
                                          bool skip_negated, bool stakeholder_tables) const {
  std::vector<std::pair<uint64_t, uint64_t>> hits;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    size_t kept = 0;
    std::vector<uint64_t> searched;
    const std::vector<uint64_t>* known = KeywordHits(w);
    const std::vector<uint64_t>* exact = known == nullptr ? ExactHits(w) : nullptr;
    if (known == nullptr && exact == nullptr) {  // not a pack keyword: search the view
      for (size_t at = view_.find(w); at != std::string_view::npos; at = view_.find(w, at + w.size()))
        searched.push_back(at);
    }
    const std::vector<uint64_t>& offsets = known != nullptr ? *known : exact != nullptr ? *exact : searched;
    uint64_t last_end = 0;
    for (uint64_t at : offsets) {
      if (kept >= max) break;
      if (at < last_end) continue;  // the scans report overlapping occurrences; find did not
      last_end = at + w.size();
      size_t line = LineAt(at);
      if (!UsableLine(line)) continue;
      if (!stakeholder_tables && lines_[line].stakeholder_table) continue;
      if (skip_negated && NegatedAt(view_, at)) continue;
      hits.emplace_back(at, at + w.size());
      ++kept;
    }
  }
  std::sort(hits.begin(), hits.end());
  std::vector<Evidence> out;
  size_t last_line = static_cast<size_t>(-1);
  for (const auto& [b, e] : hits) {
    size_t line = LineAt(b);
    if (line == last_line) continue;
    last_line = line;
    out.push_back(MakeEvidence(line, b, e));
    if (out.size() == max) break;
  }
  return out;
}

// Whether the host's metadata carries the reporting company and each claim's exchange (appended
// together to ABI 1.1); an older 1.1 host leaves both to the plugin's own reading.
static bool HostReadsCompanyAndExchange(const esgaudit_metadata& md) {
  return md.struct_size >= offsetof(esgaudit_metadata, company_length) + sizeof(md.company_length);
}

void Analysis::FindClaim() {
  // The structure model reads the report's claims (one reader for every plugin): the claim is the
  // first one of the 2024 exchange guideline that names its exchange and says how the report uses it
  // (a mere mention is not a claim). A host whose claims do not say the exchange (a 1.1 host before
  // esgaudit_claim.exchange, appended together with esgaudit_metadata.company) falls back to the
  // rule pack's guideline patterns below.
  const esgaudit_metadata md = doc_.Metadata();
  if (HostReadsCompanyAndExchange(md)) {
    for (uint32_t k = 0; k < md.claim_count; ++k) {
      const esgaudit_claim c = doc_.Claim(k);
      if (c.struct_size < offsetof(esgaudit_claim, exchange) + sizeof(c.exchange)) break;
      if (c.standard != ESGAUDIT_STANDARD_EXCHANGE_2024 || c.mode == ESGAUDIT_CLAIM_MENTION) continue;
      const char* id = c.exchange == ESGAUDIT_EXCHANGE_SSE    ? "sse"
                       : c.exchange == ESGAUDIT_EXCHANGE_SZSE ? "szse"
                       : c.exchange == ESGAUDIT_EXCHANGE_BSE  ? "bse"
                                                              : nullptr;
      if (id == nullptr) continue;
      for (const GuidelineSpec& g : pack_.guidelines()) {
        if (g.id != id) continue;
        const uint64_t b = doc_.TextToView(c.offset);
        const uint64_t e = doc_.TextToView(c.offset + c.length);
        claim_.guideline = &g;
        claim_.where = MakeEvidence(LineAt(b), b, e);
        return;
      }
    }
    return;
  }
  const auto& lines = lines_;
  const auto& verbs = pack_.Words("claim_verbs");
  for (size_t i = 0; i < lines.size() && claim_.guideline == nullptr; ++i) {
    // A claim says the report follows the guideline; naming it (an index header) is not enough.
    if (!lines[i].body || !ContainsAny(lines[i].text, verbs)) continue;
    const std::string text(lines[i].text);
    for (const GuidelineSpec& g : pack_.guidelines()) {
      if (!g.needs.empty() && !ContainsAny(text, g.needs)) continue;
      std::smatch m;
      if (!std::regex_search(text, m, g.pattern)) continue;
      claim_.guideline = &g;
      const uint64_t b = lines[i].begin + static_cast<uint64_t>(m.position(0));
      claim_.where = MakeEvidence(i, b, b + static_cast<uint64_t>(m.length(0)));
      break;
    }
  }
}

Evidence Analysis::Anchor() const {
  if (claim_.where.found()) return claim_.where;
  for (size_t i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    if (l.end > l.begin) return MakeEvidence(i, l.begin, l.end);
  }
  return Evidence();
}

// The report's own classification: a short line naming a materiality class of topics
// ("同时具有影响重要性及财务重要性的议题") followed by the topics of that class, up to the next
// such line or the next heading.
void Analysis::ReadMateriality() {
  const auto& lines = lines_;
  const auto& financial = pack_.Words("financial");
  const auto& impact = pack_.Words("impact");
  auto dimension = [&](const std::string& plain, const std::vector<std::string>& words, bool* seen) {
    for (const std::string& w : words) {
      size_t at = plain.find(w);
      if (at == std::string::npos) continue;
      *seen = true;
      return !DimensionNegated(plain, at);
    }
    return false;
  };
  // The group marks a lower-cased line can hold: those without an ASCII capital ("Topics" is found as
  // "topics"), taken at the first short line, once.
  std::vector<std::string> group_marks;
  bool marks_taken = false;
  std::string plain, member, lower;  // lower-cased lines, their storage kept from line to line
  for (size_t i = 0; i < lines.size(); ++i) {
    // Lower-casing keeps the code point count: the long lines are passed over before the copy.
    if (!lines[i].body || CodePoints(lines[i].plain) > 40) continue;
    sdk::AsciiLowerInto(lines[i].plain, &plain);
    if (!marks_taken) {
      marks_taken = true;
      for (const std::string& w : pack_.Words("group_marks")) {
        if (std::none_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) group_marks.push_back(w);
      }
    }
    if (!ContainsAny(plain, group_marks)) continue;
    bool seen_financial = false, seen_impact = false;
    const bool fin = dimension(plain, financial, &seen_financial);
    const bool imp = dimension(plain, impact, &seen_impact);
    if (!seen_financial && !seen_impact) continue;
    const Materiality cls = fin ? Materiality::kFinancial
                                : imp ? Materiality::kImpactOnly : Materiality::kNeither;
    for (size_t j = i + 1; j < lines.size() && j < i + 16; ++j) {
      sdk::AsciiLowerInto(lines[j].plain, &member);
      if (member.empty()) continue;
      if (ContainsAny(member, financial) || ContainsAny(member, impact)) break;
      if (!IsListLine(j)) break;  // a heading or a sentence ends the list
      bool any = false;
      sdk::AsciiLowerInto(lines[j].text, &lower);  // same offsets as the line
      for (const TopicSpec& t : pack_.topics()) {
        for (const std::string& n : Names(t)) {
          size_t at = lower.find(n);
          if (at == std::string_view::npos) continue;
          any = true;
          for (TopicResult& r : topics_) {
            if (r.spec != &t || r.materiality != Materiality::kUnstated) continue;
            r.materiality = cls;
            r.materiality_where = MakeEvidence(j, lines[j].begin + at, lines[j].begin + at + n.size());
          }
          break;
        }
      }
      if (any) materiality_lines_.insert(j);
    }
  }
}

void Analysis::EvaluateTopics() {
  const auto& lines = lines_;
  // The heading lines' cell text lower-cased, with its length in code points, made once for all
  // topics.
  std::map<size_t, std::pair<std::string, size_t>> heading_plain;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].heading || !UsableLine(i)) continue;
    std::string plain = sdk::AsciiLower(lines[i].plain);
    const size_t n = CodePoints(plain);
    heading_plain.emplace(i, std::make_pair(std::move(plain), n));
  }
  for (TopicResult& t : topics_) {
    const TopicSpec& spec = *t.spec;
    if (!spec.trigger_words.empty()) {
      std::vector<Evidence> hits = FindWords(spec.trigger_words, 1, true);
      t.triggered = !hits.empty();
      if (t.triggered) t.trigger = hits.front();
    }
    const std::vector<std::string> names = Names(spec);
    for (auto h = heading_plain.begin(); h != heading_plain.end() && !t.heading.found(); ++h) {
      const size_t i = h->first;  // a usable heading line, in line order
      const auto& [plain, plain_code_points] = h->second;
      for (const std::string& n : names) {
        size_t at = FindNearStart(plain, n, 3);
        if (at == std::string::npos ||
            plain_code_points > CodePoints(n) + 8)
          continue;
        size_t v = sdk::AsciiLower(lines[i].text).find(n);
        if (v == std::string_view::npos) continue;
        t.heading = MakeEvidence(i, lines[i].begin + v, lines[i].begin + v + n.size());
        break;
      }
    }
    // An explanation: a line naming the topic with a not-applicable word, or (for a topic the
    // report classes as not material) with a reason.
    const auto& explained = pack_.Words("explained");
    const auto& reasons = pack_.Words("reasons");
    // Each line's first name (in `names` order) at its first occurrence on the line, from the
    // scan's hits: what searching each lower-cased line for each name in turn finds. The caseless
    // scan of a literal folds ASCII letters only, as the lower-cased line does; a name with an
    // upper-case ASCII letter has no NameHits and is not found on a lower-cased line either.
    std::map<size_t, std::pair<size_t, uint64_t>> first_name;  // line -> (index in names, view offset)
    for (size_t k = 0; k < names.size(); ++k) {
      if (names[k].empty()) {  // found at the start of every line
        for (size_t i = 0; i < lines.size(); ++i) first_name.emplace(i, std::make_pair(k, lines[i].begin));
        continue;
      }
      const std::vector<uint64_t>* h = NameHits(names[k]);
      if (h == nullptr) continue;
      for (uint64_t at : *h) {  // ascending: the first on a line is kept
        const size_t i = LineAt(at);
        if (at < lines[i].begin || at + names[k].size() > lines[i].end) continue;
        first_name.emplace(i, std::make_pair(k, at));
      }
    }
    for (const auto& [i, first] : first_name) {
      if (t.explanation.found()) break;
      if (!UsableLine(i)) continue;
      const std::string& n = names[first.first];
      const uint64_t at = first.second;
      // In a table the explanation must be in the topic's row.
      const auto row = RowAt(i, at);
      const std::string scope = sdk::AsciiLower(view_.substr(row.first, row.second - row.first));
      const bool says_so = ContainsAny(scope, explained) ||
                           (t.materiality == Materiality::kNeither && ContainsAny(scope, reasons));
      if (says_so) t.explanation = MakeEvidence(i, at, at + n.size());
    }
    for (const ItemSpec& item : spec.items) {
      ItemResult r;
      r.spec = &item;
      r.evidence = FindWords(item.keywords, 3, false, spec.id == "stakeholder-communication");
      switch (item.level) {
        case Level::kMandatory: r.applies = true; break;
        case Level::kEncouraged: r.applies = false; break;
        case Level::kConditional:
          if (item.trigger == Trigger::kTopic) r.applies = t.triggered;
          if (item.trigger == Trigger::kItem) r.applies = !FindWords(item.trigger_words, 1, true).empty();
          if (item.trigger == Trigger::kEvent) ReadEvent(&r);
          break;
      }
      t.items.push_back(std::move(r));
    }
  }
}

void Analysis::ReadEvent(ItemResult* item) const {
  const auto& negations = pack_.Words("event_negations");
  const auto& occurred = pack_.Words("event_occurred");
  const auto& prevention = pack_.Words("event_prevention");
  for (const Evidence& hit : FindWords(item->spec->trigger_words, 20)) {
    const size_t line = LineAt(hit.begin);
    const Line& l = lines_[line];
    const auto [before, after] =
        Clause(l.text, static_cast<size_t>(hit.begin - l.begin), static_cast<size_t>(hit.end - l.begin), 24);
    const long count = CountAfter(after);
    const std::string clause = sdk::AsciiLower(std::string(before) + " " + std::string(after));
    if (count == 0 || ContainsAny(clause, negations)) {
      if (!item->none_occurred.found()) item->none_occurred = hit;
      continue;
    }
    // A mention, not an occurrence: no count and no verb of occurrence, or a clause about
    // preventing such events (预防各类安全事故的发生).
    if (count < 0 && (!ContainsAny(clause, occurred) || ContainsAny(clause, prevention))) continue;
    item->applies = true;
    item->event = hit;
    item->evidence.clear();
    for (const Evidence& e : FindWords(item->spec->keywords, 64)) {
      const size_t at = LineAt(e.begin);
      if (at >= line && at <= line + 2 && item->evidence.size() < 3) item->evidence.push_back(e);
    }
    return;
  }
  item->evidence.clear();  // no event: the keywords elsewhere are no details of one
}

void Analysis::FindParts() {
  for (const PartSpec& p : pack_.four_parts()) {
    std::vector<Evidence> hits = FindWords(p.phrases, 1);
    four_parts_.push_back(hits.empty() ? Evidence() : hits.front());
  }
  for (size_t i = 0; i < pack_.climate_parts().size(); ++i) {
    std::vector<Evidence> hits = FindWords(pack_.climate_parts()[i].phrases, 1);
    Evidence e = hits.empty() ? Evidence() : hits.front();
    // Art. 12(2): one governance structure for all topics may be disclosed once.
    if (!e.found() && pack_.climate_parts()[i].id == "governance" && i < four_parts_.size())
      e = four_parts_[i];
    climate_parts_.push_back(e);
  }
  auto first = [&](const std::vector<std::string>& words) {
    std::vector<Evidence> hits = FindWords(words, 1);
    return hits.empty() ? Evidence() : hits.front();
  };
  financial_ = first(pack_.Words("financial"));
  impact_ = first(pack_.Words("impact"));
  Evidence both = first(pack_.Words("double"));
  if (!financial_.found()) financial_ = both;
  if (!impact_.found()) impact_ = both;
}

// Art. 11: a financially material topic is disclosed with the four core elements. An element
// counts for a topic when its words appear in the topic's own section (the section its heading
// opens in the structure model), or next to the topic's name (the same line, or the same row of an
// HTML table), or in a section headed by the element (a chapter's 战略 or 风险 section) that names
// the topic: reports often give the elements once per chapter for the topics it covers.
void Analysis::FindTopicParts() {
  constexpr uint64_t kMaxSection = 512 * 1024;  // bytes; a longer span is no topic's own part
  constexpr size_t kMaxTopicLines = 400;
  const auto& parts = pack_.topic_parts();
  auto find_in = [&](size_t line, uint64_t from, uint64_t to, const PartSpec& part) {
    const std::string lower = sdk::AsciiLower(view_.substr(from, to - from));
    for (const std::string& w : part.phrases) {
      const size_t at = lower.find(sdk::AsciiLower(w));
      if (at != std::string::npos) return MakeEvidence(line, from + at, from + at + w.size());
    }
    return Evidence();
  };
  // Sections headed by an element: (element, first line, last line).
  std::vector<std::tuple<size_t, size_t, size_t>> element_sections;
  const uint32_t sections = doc_.SectionCount();
  for (uint32_t k = 0; k < sections; ++k) {
    const esgaudit_section sec = doc_.Section(k);
    const std::string_view title = sdk::View(sec.title);
    if (sdk::CodePointCount(title) > 16 || sec.last_line >= lines_.size()) continue;
    for (size_t p = 0; p < parts.size(); ++p)
      if (ContainsAny(title, parts[p].headings)) element_sections.emplace_back(p, sec.line, sec.last_line);
  }
  // Headings that name a topic: where one topic's part of the report ends and the next begins.
  std::vector<size_t> topic_headings;
  for (const TopicResult& t : topics_)
    if (t.heading.found()) topic_headings.push_back(LineAt(t.heading.begin));
  std::sort(topic_headings.begin(), topic_headings.end());
  for (TopicResult& t : topics_) {
    if (!t.heading.found() || t.materiality != Materiality::kFinancial) continue;
    const size_t heading = LineAt(t.heading.begin);
    const esgaudit_line_structure ls = doc_.LineStructure(static_cast<uint32_t>(heading));
    if (ls.section == ESGAUDIT_NO_INDEX) continue;
    const esgaudit_section sec = doc_.Section(ls.section);
    if (sec.line != heading || sec.last_line >= lines_.size()) continue;
    // The topic's part of the report: its own section, and on through the sections after it up to
    // the next heading that names another topic (Markdown from OCR has every heading at one level,
    // so a topic's 治理/战略/指标与目标 subsections are sections of their own).
    auto next = std::upper_bound(topic_headings.begin(), topic_headings.end(), heading);
    size_t last = std::max<size_t>(sec.last_line, next == topic_headings.end() ? lines_.size() - 1 : *next - 1);
    if (next == topic_headings.end()) last = sec.last_line;
    last = std::min(last, heading + kMaxTopicLines);
    if (last <= heading || lines_[last].end - lines_[heading].end > kMaxSection) continue;
    t.section = t.heading;
    const std::vector<std::string> names = Names(*t.spec);
    // Where the report names the topic: (line, view offset of the name).
    std::vector<std::pair<size_t, uint64_t>> mentions;
    for (const std::string& n : names) {
      for (size_t at = view_.find(n); at != std::string_view::npos && mentions.size() < 256;
           at = view_.find(n, at + n.size())) {
        const size_t line = LineAt(at);
        if (UsableLine(line)) mentions.emplace_back(line, at);
      }
    }
    std::sort(mentions.begin(), mentions.end());
    for (size_t p = 0; p < parts.size(); ++p) {
      Evidence found;
      for (size_t j = heading + 1; j <= last && !found.found(); ++j) {
        if (UsableLine(j)) found = find_in(j, lines_[j].begin, lines_[j].end, parts[p]);
      }
      for (size_t m = 0; m < mentions.size() && !found.found(); ++m) {
        // The row, or on a long line a window around the name (a sentence's worth), so that a
        // report that is one long line costs no more than a short one.
        constexpr uint64_t kWindow = 300;
        const uint64_t at = mentions[m].second;
        const auto row = Around(RowAt(mentions[m].first, at), at, at, kWindow);
        found = find_in(mentions[m].first, row.first, row.second, parts[p]);
      }
      for (const auto& [part, first, last] : element_sections) {
        if (part != p || found.found()) continue;
        auto in = std::lower_bound(mentions.begin(), mentions.end(), std::make_pair(first, uint64_t{0}));
        if (in != mentions.end() && in->first <= last) found = MakeEvidence(first, lines_[first].begin, lines_[first].end);
      }
      t.parts.push_back(found);
    }
  }
}

void Analysis::FindElements() {
  const auto& lines = lines_;
  for (const ElementSpec& e : pack_.elements()) {
    Evidence found;
    if (!e.words.empty()) {
      // The report's own index counts here, so every line but a table of contents is searched.
      for (const std::string& w : pack_.Words(e.words)) {
        // Every occurrence in turn, overlapping ones too: the scan's, else the view searched.
        std::vector<uint64_t> searched;
        const std::vector<uint64_t>* hits = ExactHits(w);
        if (hits == nullptr) {
          for (size_t at = view_.find(w); at != std::string_view::npos; at = view_.find(w, at + 1)) searched.push_back(at);
          hits = &searched;
        }
        for (size_t h = 0; h < hits->size() && !found.found(); ++h) {
          const uint64_t at = (*hits)[h];
          size_t line = LineAt(at);
          // The report's own index counts here; the table of contents and furniture do not.
          if (lines[line].toc || lines[line].furniture) continue;
          found = MakeEvidence(line, at, at + w.size());
        }
      }
    } else {
      // The reporting period the structure model read (a stated period, OCR-robust), else the
      // pack's pattern (which also takes a year named with 报告期).
      if (e.id == "reporting-period" && !period_begin_.empty()) found = period_where_;
      if (!found.found()) found = FindPattern(e.pattern);
    }
    elements_.push_back(found);
  }
}

// A third-party assurance statement, and which of the details Art. 58 asks for appear within
// the 40 lines after it.
void Analysis::FindAssurance() {
  const auto& lines = lines_;
  const std::regex& re = pack_.Pattern("assured");
  const auto& needs = pack_.PatternNeeds("assured");
  const auto& negation = pack_.Words("assurance_negation");
  const std::vector<bool>* has = needs.empty() ? nullptr : &LineMask(needs);
  for (size_t i = 0; i < lines.size() && !assurance_.found(); ++i) {
    if (!UsableLine(i) || (has != nullptr && !(*has)[i]) || !MayMatch("assured", i)) continue;
    const std::string text(lines[i].text);
    std::smatch m;
    if (!std::regex_search(text, m, re) || ContainsAny(text, negation)) continue;
    const uint64_t b = lines[i].begin + static_cast<uint64_t>(m.position(0));
    assurance_ = MakeEvidence(i, b, b + static_cast<uint64_t>(m.length(0)));
    std::string window;
    for (size_t j = i; j < lines.size() && j < i + 40; ++j) window.append(lines[j].text).push_back('\n');
    for (const char* detail : {"assurance_independence", "assurance_scope", "assurance_standard",
                               "assurance_conclusion"}) {
      if (!ContainsAny(window, pack_.Words(detail))) assurance_missing_.push_back(detail);
    }
  }
}

// Scope 1 and 2 figures: in tonnes of CO2 equivalent (Art. 24), and not in 万吨 where their row
// or column gives 吨.
void Analysis::FindGhgUnits() {
  const auto& scope_words = pack_.Words("ghg_scope");
  const auto& co2e = pack_.Words("co2e");
  const auto& tonne = pack_.Words("tonne");
  const auto& wan = pack_.Words("ten_thousand_tonne");
  std::set<std::pair<uint64_t, uint64_t>> rows_seen;
  for (uint32_t k = 0; k < doc_.FactCount(); ++k) {
    const esgaudit_fact& f = doc_.Fact(k);
    if (f.kind != ESGAUDIT_FACT_QUANTITY) continue;
    const std::string_view unit = sdk::View(f.unit);
    if (!unit.empty() && unit != "吨" && unit != "t") continue;
    const uint64_t v = doc_.TextToView(f.offset);
    const uint64_t v_end = doc_.TextToView(f.offset + f.length);
    const size_t line = LineAt(v);
    if (!UsableLine(line)) continue;
    auto row = RowAt(line, v);
    // A figure's row is its table row or its line; on a line far longer than any table row (a report
    // extracted as one long line) only a window around the figure, so each figure costs O(1).
    constexpr uint64_t kRowWindow = 1024;
    if (row.second - row.first > 2 * kRowWindow) {
      row = Around(row, v, v_end, kRowWindow);
    }
    std::string_view row_text = view_.substr(row.first, row.second - row.first);
    std::string scope;
    for (const std::string& w : scope_words) {
      if (Contains(row_text, w)) {
        scope = w;
        break;
      }
    }
    if (scope.empty() || rows_seen.count(row) != 0) continue;
    // Where the row gives a unit apart from the figure (a unit cell, "单位:吨").
    std::string around(row_text.substr(0, v - row.first));
    around += row_text.substr(std::min<uint64_t>(v_end - row.first, row_text.size()));
    const std::string_view unit_text = sdk::View(f.unit_text);
    std::string column(sdk::View(f.column_label));
    if (lines_[line].table < table_units_.size()) column += " " + table_units_[lines_[line].table];
    const bool in_tonnes = unit == "吨" || unit == "t" || ContainsAny(around, tonne);
    if (!in_tonnes) continue;
    GhgUnitProblem p;
    p.where = MakeEvidence(line, v, v_end);
    p.scope = scope;
    p.printed = std::string(view_.substr(v, v_end - v));
    if (ContainsAny(unit_text, wan) && ((ContainsAny(around, tonne) && !ContainsAny(around, wan)) ||
                                        (ContainsAny(column, tonne) && !ContainsAny(column, wan)))) {
      p.magnitude = true;
    } else if (ContainsAny(row_text, co2e) || ContainsAny(column, co2e)) {
      continue;
    }
    rows_seen.insert(row);
    ghg_.push_back(std::move(p));
  }
}

const QuantitySpec* Analysis::QuantityOfLabel(std::string_view label, std::string* matched) const {
  label = sdk::Trim(label);
  // A bracketed unit or note at the end is not part of the name ("综合能耗(吨标准煤)").
  if (!label.empty() && label.back() == ')') {
    size_t open = label.rfind('(');
    if (open != std::string_view::npos) label = sdk::Trim(label.substr(0, open));
  }
  for (std::string_view lead : {"其中:", "其中", "-", "—", "·"}) {
    if (label.substr(0, lead.size()) == lead) label = sdk::Trim(label.substr(lead.size()));
  }
  const QuantitySpec* best = nullptr;
  size_t best_size = 0;
  for (const QuantitySpec& q : pack_.quantities()) {
    for (const std::string& l : q.labels) {
      if (l.size() <= best_size || label.substr(0, l.size()) != l) continue;
      std::string_view rest = sdk::Trim(label.substr(l.size()));
      bool fits = rest.empty();
      for (const std::string& suffix : pack_.Words("quantity_suffixes")) fits |= rest == suffix;
      if (!fits) continue;
      best = &q;
      best_size = l.size();
      *matched = l;
    }
  }
  return best;
}

// Figures of the quantities the guideline names (rules/cnexchange/guideline.json "quantities"):
// in a table row whose first cell names the quantity, or in a sentence right after its name. The
// unit is the figure's own, else a unit cell of its row or a bracket of its label, else its table's.
QuantityNamesByLastByte::QuantityNamesByLastByte(const std::vector<QuantitySpec>& quantities) {
  for (const QuantitySpec& q : quantities) {
    for (const std::string& name : q.labels) {
      if (!name.empty()) names[static_cast<unsigned char>(name.back())].emplace_back(&q, &name);
    }
  }
}

const QuantitySpec* QuantityNamedAtEnd(std::string_view before, const QuantityNamesByLastByte& index, std::string* label) {
  if (before.empty()) return nullptr;
  const QuantitySpec* spec = nullptr;
  size_t longest = 0;
  for (const auto& [q, name] : index.names[static_cast<unsigned char>(before.back())]) {
    if (name->size() > longest && before.size() >= name->size() && before.substr(before.size() - name->size()) == *name) {
      spec = q;
      longest = name->size();
      *label = *name;
    }
  }
  return spec;
}

void Analysis::FindQuantityUnits() {
  if (pack_.quantities().empty()) return;
  const QuantityNamesByLastByte names_by_last_byte(pack_.quantities());
  const auto& connectors = pack_.Words("quantity_connectors");
  const auto& denominators = pack_.Words("denominator_words");
  std::set<std::tuple<uint64_t, uint64_t, int>> seen;  // row and kind
  std::vector<std::pair<uint64_t, uint64_t>> row_cells;  // per figure, emptied for each
  for (uint32_t k = 0; k < doc_.FactCount(); ++k) {
    const esgaudit_fact& f = doc_.Fact(k);
    if (f.kind != ESGAUDIT_FACT_QUANTITY) continue;
    const uint64_t v = doc_.TextToView(f.offset);
    const uint64_t v_end = doc_.TextToView(f.offset + f.length);
    const size_t line = LineAt(v);
    if (!UsableLine(line) || lines_[line].stakeholder_table) continue;
    const Line& l = lines_[line];
    const auto row = RowAt(line, v);
    // The cells of the figure's row (at most 64 from its start), and which one holds the figure.
    using Span = std::pair<uint64_t, uint64_t>;
    auto at_or_after = [&](uint64_t o) {
      return std::lower_bound(l.cells.begin(), l.cells.end(), o, [](const Span& c, uint64_t x) { return c.second <= x; });
    };
    auto holder = at_or_after(v);
    if (holder == l.cells.end() || holder->first > v) continue;
    std::vector<Span>& cells = row_cells;
    cells.clear();
    size_t figure_cell = static_cast<size_t>(-1);
    for (auto c = at_or_after(row.first); c != l.cells.end() && c->first < row.second && cells.size() < 64; ++c) {
      if (c == holder) figure_cell = cells.size();
      cells.push_back(*c);
    }
    if (figure_cell == static_cast<size_t>(-1)) {  // a sentence far into a long line
      figure_cell = 0;
      cells.assign(1, *holder);
    }
    auto text_of = [&](const std::pair<uint64_t, uint64_t>& c) { return view_.substr(c.first, c.second - c.first); };
    const bool in_row = figure_cell > 0 && (l.table != ESGAUDIT_NO_INDEX || cells.size() >= 2);
    std::string label;
    const QuantitySpec* spec = nullptr;
    std::string_view label_cell;
    size_t label_index = 0;
    if (in_row) {
      // The figure must be alone in its cell (a table value, not a number inside a sentence).
      if (v != cells[figure_cell].first || v_end != cells[figure_cell].second) continue;
      // The label is the first cell before the figure that names a quantity (a category cell such
      // as 能源管理 may come first).
      for (size_t c = 0; c < figure_cell && spec == nullptr; ++c) {
        label_cell = text_of(cells[c]);
        spec = QuantityOfLabel(sdk::HeadingText(label_cell), &label);
        label_index = c;
      }
    } else {
      // In a sentence: the name, then only connecting words (为, 达, :) before the figure. A table
      // cell holding a name and a number ("LTIFR 3)": a note mark) is no sentence.
      if (l.table != ESGAUDIT_NO_INDEX) continue;
      std::string_view before = view_.substr(cells[figure_cell].first, v - cells[figure_cell].first);
      for (size_t cut = 0; cut < 4 && !before.empty(); ++cut) {
        bool trimmed = false;
        for (const std::string& c : connectors) {
          if (before.size() >= c.size() && (c.empty() || before.back() == c.back()) &&
              before.substr(before.size() - c.size()) == c) {
            before.remove_suffix(c.size());
            trimmed = true;
            break;
          }
        }
        if (!trimmed) break;
      }
      spec = QuantityNamedAtEnd(before, names_by_last_byte, &label);
    }
    if (spec == nullptr) continue;
    const Unit own = ParseUnit(sdk::View(f.unit_text));
    Unit row_unit;
    std::string row_unit_text;
    bool unreadable_unit_cell = false;  // a short text cell that may be a unit we cannot read
    if (in_row) {
      row_unit_text = std::string(BracketUnit(label_cell));
      for (size_t c = label_index + 1; c < cells.size() && row_unit_text.empty(); ++c) {
        if (c == figure_cell) continue;
        std::string_view t = sdk::Trim(text_of(cells[c]));
        if (ParseUnit(t).known()) {
          row_unit_text = std::string(t);
        } else if (!t.empty() && sdk::CodePointCount(t) <= 8 && !sdk::IsAsciiDigit(static_cast<unsigned char>(t.front()))) {
          unreadable_unit_cell = true;
        }
      }
      row_unit = ParseUnit(row_unit_text);
    }
    std::string table_unit_text = l.table < table_units_.size() ? table_units_[l.table] : std::string();
    const Unit table_unit = ParseUnit(table_unit_text);
    const Unit& stated = row_unit.known() ? row_unit : table_unit;
    const std::string& stated_text = row_unit.known() ? row_unit_text : table_unit_text;
    QuantityUnitProblem p;
    p.spec = spec;
    p.label = label;
    p.printed = std::string(view_.substr(v, v_end - v));
    const bool rate_only = spec->dimensions.size() == 1 && spec->dimensions.front() == "rate";
    const Unit& unit = own.known() ? own : stated;
    p.unit = own.known() ? std::string(sdk::View(f.unit_text)) : stated_text;
    if (own.known() && stated.known() && !own.SameAs(stated)) {
      p.kind = QuantityUnitProblem::Kind::kTableMismatch;
      p.stated = stated_text;
    } else if (!unit.known()) {
      const bool any_unit = !sdk::View(f.unit_text).empty() || !table_unit_text.empty() || unreadable_unit_cell ||
                            Contains(sdk::View(f.column_label), "单位") || !in_row;
      if (rate_only) {
        std::string context = label + " " + std::string(label_cell) + " " + table_unit_text;
        if (ContainsAny(context, denominators)) continue;
        p.kind = QuantityUnitProblem::Kind::kNoDenominator;
      } else if (any_unit) {
        continue;
      } else {
        p.kind = QuantityUnitProblem::Kind::kNoUnit;
      }
    } else if (!rate_only && std::find(spec->dimensions.begin(), spec->dimensions.end(), unit.dimension) ==
                                 spec->dimensions.end()) {
      p.kind = QuantityUnitProblem::Kind::kWrongDimension;
    } else if (spec->ratio && unit.denominator.empty() &&
               !ContainsAny(label + " " + std::string(label_cell), denominators)) {
      p.kind = QuantityUnitProblem::Kind::kNoDenominator;
    } else {
      continue;
    }
    if (!seen.insert({row.first, row.second, static_cast<int>(p.kind)}).second) continue;
    p.where = MakeEvidence(line, v, v_end);
    quantity_units_.push_back(std::move(p));
  }
}

std::string Analysis::GuidelineName() const {
  const GuidelineSpec* g = claim_.guideline;
  if (g == nullptr) g = pack_.Guideline(required_);
  if (g != nullptr) return english_ ? g->short_en : g->short_zh;
  return english_ ? "the 2024 exchange sustainability-report guidelines" : "2024年交易所可持续发展报告指引";
}

namespace {

// An article's Chinese reference rewritten in English, compiled on first use; PrepareScans asks for
// them before an isolated batch forks, so that the children inherit them compiled.
using Rewrite = std::pair<std::regex, const char*>;
const std::vector<Rewrite>& ArticleRewrites() {
  static const std::vector<Rewrite> kRewrites = {
      {std::regex("第(\\d+)-(\\d+)条"), "Arts. $1-$2"},
      {std::regex("第(\\d+)条"), "Art. $1"},
      {std::regex("第(\\d+)款"), "($1)"},
      {std::regex("第\\((一)\\)项"), "(1)"}, {std::regex("第\\((二)\\)项"), "(2)"},
      {std::regex("第\\((三)\\)项"), "(3)"}, {std::regex("第\\((四)\\)项"), "(4)"},
      {std::regex("第\\((五)\\)项"), "(5)"},
      {std::regex("深交所/上交所"), "SZSE/SSE "}, {std::regex("北交所"), "BSE "},
      {std::regex("及附件"), " and annex"}, {std::regex("、"), ", "}, {std::regex(";"), "; "},
  };
  return kRewrites;
}

}  // namespace

std::string Analysis::Article(const std::string& zh) const {
  if (!english_) return zh;
  std::string out = zh;
  for (const auto& [re, with] : ArticleRewrites()) out = std::regex_replace(out, re, with);
  return out;
}

std::vector<std::string> Analysis::References(const std::string& article) const {
  return {GuidelineName(), Article(article)};
}

void Analysis::FindUnquantified() {
  const auto& lines = lines_;
  const auto& words = pack_.Words("unquantified");
  const auto& reasons = pack_.Words("unquantified_reasons");
  // Per line, its earliest word (the first in the list's order at one place): from the scan's
  // exact hits, as searching each line for each word in turn finds it.
  std::map<size_t, std::pair<size_t, size_t>> earliest;  // line -> (offset in the line, word)
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    const std::vector<uint64_t>* hits = w.empty() ? nullptr : ExactHits(w);
    if (hits == nullptr) {  // not scanned: each line searched
      for (size_t i = 0; i < lines.size(); ++i) {
        const size_t p = lines[i].text.find(w);
        if (p == std::string_view::npos) continue;
        auto [it, added] = earliest.try_emplace(i, p, k);
        if (!added && p < it->second.first) it->second = {p, k};
      }
      continue;
    }
    for (uint64_t v : *hits) {
      const size_t i = LineAt(v);
      if (v < lines[i].begin || v + w.size() > lines[i].end) continue;
      const size_t p = static_cast<size_t>(v - lines[i].begin);
      auto [it, added] = earliest.try_emplace(i, p, k);
      if (!added && p < it->second.first) it->second = {p, k};
    }
  }
  for (const auto& [i, first] : earliest) {
    if (!UsableLine(i)) continue;
    const size_t at = first.first;
    const std::string& word = words[first.second];
    bool reason = false;
    for (size_t j = i; j < lines.size() && j <= i + 2 && !reason; ++j) reason = ContainsAny(lines[j].text, reasons);
    if (!reason) unquantified_.push_back(MakeEvidence(i, lines[i].begin + at, lines[i].begin + at + word.size()));
  }
}

namespace {

// What an index membership makes the company, in words.
std::string IndexName(const std::string& id, bool english) {
  static const std::map<std::string, std::pair<const char*, const char*>> kNames = {
      {"sse180", {"上证180指数样本公司", "a sample company of the SSE 180 Index"}},
      {"star50", {"科创50指数样本公司", "a sample company of the STAR 50 Index"}},
      {"szse100", {"深证100指数样本公司", "a sample company of the SZSE 100 Index"}},
      {"chinext", {"创业板指数样本公司", "a sample company of the ChiNext Index"}},
      {"dual-listed", {"境内外同时上市公司", "listed both in China and abroad"}},
  };
  auto it = kNames.find(id);
  if (it == kNames.end()) return id;
  return english ? it->second.second : it->second.first;
}

bool IsYear(std::string_view s) {
  return s.size() == 4 && (s[0] == '1' || s[0] == '2') &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The year a table cell names on its own ("2024", "2024年", "2024年度", "FY2024"), else 0.
int YearCell(std::string_view cell) {
  cell = sdk::Trim(cell);
  if (cell.rfind("FY", 0) == 0) cell.remove_prefix(2);
  for (std::string_view suffix : {"年度", "年"}) {
    if (cell.size() > suffix.size() && cell.substr(cell.size() - suffix.size()) == suffix) {
      cell.remove_suffix(suffix.size());
      break;
    }
  }
  return IsYear(cell) ? std::stoi(std::string(cell)) : 0;
}

}  // namespace

void Analysis::ReadCompany() {
  const CompanyPolicy& policy = pack_.company();
  const std::string from = "cnexchange/policy.ini";  // as the user names it, not the machine's path
  if (!policy.entity.empty()) company_.entity = {policy.entity, from};
  if (!policy.stock_code.empty()) company_.stock_code = {policy.stock_code, from};
  if (policy.fiscal_year != 0) company_.fiscal_year = {std::to_string(policy.fiscal_year), from};
  for (const std::string& id : policy.indexes) company_.indexes.push_back({id, from});
  // KPI data describes the report it is given with: it overrides the policy, field by field.
  bool data_indexes = false;
  for (uint32_t k = 0; k < doc_.KpiCount(); ++k) {
    const esgaudit_kpi& kpi = doc_.Kpi(k);
    const std::string key(sdk::View(kpi.key));
    const std::string text(sdk::Trim(sdk::View(kpi.text)));
    // "data.json:4": the file's name without its directories, as the numeric plugin writes it.
    std::string source(sdk::View(kpi.source));
    if (const size_t slash = source.find_last_of('/'); slash != std::string::npos) source.erase(0, slash + 1);
    auto bad = [&](const std::string& why) {
      throw sdk::ConfigError(source + ": KPI '" + key + "': value '" + text + "' " + why);
    };
    auto digits = [&](const std::string& s) {
      return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (key == "company.stock-code") {
      if (text.size() != 6 || !digits(text)) bad("is not a six-digit A-share code (write it as a string: \"000001\")");
      company_.stock_code = {text, source};
    } else if (key == "annual-report.year") {
      if (!IsYear(text) || text < "1990" || text > "2100") bad("is not a year");
      company_.fiscal_year = {text, source};
    } else if (key.rfind("company.index.", 0) == 0) {
      const std::string id = key.substr(14);
      if (std::find(IndexIds().begin(), IndexIds().end(), id) == IndexIds().end())
        throw sdk::ConfigError(source + ": KPI '" + key + "': unknown index '" + id +
                               "' (one of sse180, star50, szse100, chinext, dual-listed)");
      if (text != "0" && text != "1") bad("is not 1 (a member) or 0 (not a member)");
      if (!data_indexes) company_.indexes.clear();  // the data's memberships replace the policy's
      data_indexes = true;
      if (text == "1") company_.indexes.push_back({id, source});
    }
  }
}

void Analysis::ReadPeriod() {
  const esgaudit_metadata md = doc_.Metadata();
  report_year_ = md.report_year;
  period_begin_ = std::string(sdk::View(md.period_begin));
  period_end_ = std::string(sdk::View(md.period_end));
  if (md.period_length > 0) {
    const uint64_t b = doc_.TextToView(md.period_offset);
    const uint64_t e = doc_.TextToView(md.period_offset + md.period_length);
    period_where_ = MakeEvidence(LineAt(b), b, e);
  }
  if (report_year_ == 0 && period_end_.size() >= 4 && IsYear(period_end_.substr(0, 4)))
    report_year_ = std::stoi(period_end_.substr(0, 4));
}

std::vector<esgaudit_pattern> PrefilterList(const RulePack& pack, std::vector<const std::string*>* names) {
  std::vector<esgaudit_pattern> patterns;
  for (const auto& [name, source] : pack.pattern_sources()) {
    if (names != nullptr) names->push_back(&name);
    patterns.push_back({sdk::Str(source), kPrefilterFlags});
  }
  return patterns;
}

void PrepareScans(const sdk::Document& doc) {
  ArticleRewrites();
  const std::shared_ptr<const RulePack> pack = RulePack::Load(doc);
  doc.Scan(KeywordScan::Of(pack)->patterns);
  if (doc.ScanReads(kPrefilterFlags)) doc.Scan(PrefilterList(*pack, nullptr));
}

void Analysis::PrefilterPatterns() {
  if (!doc_.ScanReads(kPrefilterFlags)) return;
  std::vector<const std::string*> names;
  const std::vector<esgaudit_pattern> patterns = PrefilterList(pack_, &names);
  std::vector<esgaudit_match> found;
  try {
    found = doc_.Scan(patterns);
  } catch (const sdk::ConfigError&) {
    return;  // a pattern Hyperscan cannot read: std::regex alone, on every line
  }
  for (const std::string* name : names) pattern_ends_[*name];
  for (const esgaudit_match& m : found) pattern_ends_[*names[m.pattern]].push_back(m.end);
  for (auto& [name, ends] : pattern_ends_) std::sort(ends.begin(), ends.end());
}

bool Analysis::MayMatch(const std::string& name, size_t i) const {
  auto it = pattern_ends_.find(name);
  if (it == pattern_ends_.end()) return true;
  // A match inside the line [begin, end) ends in (begin, end].
  auto end = std::upper_bound(it->second.begin(), it->second.end(), lines_[i].begin);
  return end != it->second.end() && *end <= lines_[i].end;
}

Evidence Analysis::FindPattern(const std::string& name, size_t from, std::string* group) const {
  const std::regex& re = pack_.Pattern(name);
  const auto& needs = pack_.PatternNeeds(name);
  // The mask looked up once, not per line (a map look-up each).
  const std::vector<bool>* has = needs.empty() ? nullptr : &LineMask(needs);
  for (size_t i = from; i < lines_.size(); ++i) {
    if (!UsableLine(i) || (has != nullptr && !(*has)[i]) || !MayMatch(name, i)) continue;
    const std::string text(lines_[i].text);
    std::smatch m;
    if (!std::regex_search(text, m, re)) continue;
    if (group != nullptr) {
      group->clear();
      for (size_t k = 1; k < m.size() && group->empty(); ++k)
        if (m[k].matched) *group = m[k].str();
    }
    const uint64_t b = lines_[i].begin + static_cast<uint64_t>(m.position(0));
    return MakeEvidence(i, b, b + static_cast<uint64_t>(m.length(0)));
  }
  return Evidence();
}

void Analysis::FindEntity() {
  // Stock codes the report states, anywhere but a table of contents.
  const std::regex& code = pack_.Pattern("stock_code");
  const std::vector<bool>& has = LineMask(pack_.PatternNeeds("stock_code"));
  for (size_t i = 0; i < lines_.size() && stated_codes_.size() < 16; ++i) {
    if (lines_[i].toc || !has[i] || !MayMatch("stock_code", i)) continue;
    const std::string text(lines_[i].text);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it) {
      const uint64_t b = lines_[i].begin + static_cast<uint64_t>(it->position(1));
      stated_codes_.push_back({(*it)[1].str(), MakeEvidence(i, b, b + 6)});
    }
  }
  // The report's name for itself: the structure model's reporting company (title, cover, "本报告以…
  // 为主体"). A host without that field falls back to a company name opening a line or cell of the
  // first pages (the cover's "江西富祥药业股份有限公司", the title "云南铝业股份有限公司2020年社会责任报告").
  const esgaudit_metadata md = doc_.Metadata();
  if (HostReadsCompanyAndExchange(md)) {
    if (md.company.size > 0) {
      const uint64_t b = doc_.TextToView(md.company_offset);
      const uint64_t e = doc_.TextToView(md.company_offset + md.company_length);
      report_entity_ = {std::string(md.company.data, md.company.size), MakeEvidence(LineAt(b), b, e)};
    }
  }
  constexpr size_t kOpeningLines = 120;
  const size_t opening = HostReadsCompanyAndExchange(md) ? 0 : kOpeningLines;
  for (size_t i = 0; i < lines_.size() && i < opening && report_entity_.name.empty(); ++i) {
    if (lines_[i].toc) continue;
    for (const auto& [cb, ce] : lines_[i].cells) {
      std::string_view cell = view_.substr(cb, ce - cb);
      const size_t cut = cell.find("有限公司");
      if (cut == std::string_view::npos) continue;
      std::string_view head = cell.substr(0, cut);
      bool han = true;
      size_t count = 0;
      for (size_t k = 0; k < head.size() && han;) {
        const char32_t c = sdk::NextCodePoint(head, &k);
        han = sdk::IsHan(c) || c == '(' || c == ')';
        ++count;
      }
      if (!han || count < 2 || count > 30) continue;
      const uint64_t b = cb;
      report_entity_ = {std::string(cell.substr(0, cut + std::string_view("有限公司").size())),
                        MakeEvidence(i, b, b + cut + std::string_view("有限公司").size())};
      break;
    }
  }
  if (company_.entity.known()) {
    const std::string key = NameKey(company_.entity.value);
    for (const Line& l : lines_) {
      if (l.toc) continue;
      if (NameKey(l.text).find(key) != std::string::npos) {
        entity_named_ = true;
        break;
      }
    }
  }
}

void Analysis::FindMembership() {
  // Art. 63(1): the obligation starts with the report for fiscal 2025. An earlier report is under
  // no obligation; a report whose year is unknown is held to one only on the user's facts.
  constexpr int kFirstMandatoryYear = 2025;
  if (report_year_ != 0 && report_year_ < kFirstMandatoryYear) return;
  const bool trust_report = report_year_ != 0;
  auto from = [&](const std::string& source) { return english_ ? " (" + source + ")" : "（" + source + "）"; };
  std::string dual_because;
  for (const OutsideFact& f : company_.indexes) {
    const std::string exchange = IndexExchange(f.value);
    if (exchange.empty()) {
      if (dual_because.empty()) dual_because = IndexName(f.value, english_) + from(f.source);
      continue;
    }
    required_ = exchange;
    required_because_ = IndexName(f.value, english_) + from(f.source);
    return;
  }
  // The report's own statement: 深证100指数样本公司, 入选科创50成分股.
  if (dual_because.empty() && company_.indexes.empty() && trust_report) {
    std::string index;
    const Evidence stated = FindPattern("index_member", 0, &index);
    if (stated.found()) {
      static const std::map<std::string, std::string> kIds = {
          {"上证180", "sse180"}, {"科创50", "star50"}, {"深证100", "szse100"}, {"创业板指", "chinext"}};
      auto it = kIds.find(index);
      if (it != kIds.end()) {
        membership_ = stated;
        required_ = IndexExchange(it->second);
        required_because_ = IndexName(it->second, english_) + from(english_ ? "the report says so" : "报告自述");
        return;
      }
    }
    const std::vector<Evidence> dual = FindWords(pack_.Words("dual_listing"), 1);
    if (!dual.empty()) {
      membership_ = dual.front();
      dual_because = IndexName("dual-listed", english_) + from(english_ ? "the report says so" : "报告自述");
    }
  }
  if (dual_because.empty()) return;
  // Dual listing: the guideline of the exchange the A shares are listed on, by the stock code;
  // the BSE guideline makes none mandatory (BSE Art. 3).
  std::string listing = company_.stock_code.value;
  if (listing.empty() && !stated_codes_.empty()) listing = stated_codes_.front().name;
  const std::string exchange = CodeExchange(listing);
  if (exchange == "bse") return;
  required_ = exchange.empty() ? "any" : exchange;
  required_because_ = dual_because;
}

void Analysis::FindRelief() {
  const std::vector<Evidence> claimed = FindWords(pack_.Words("relief_claimed"), 1);
  if (!claimed.empty()) relief_claim_ = claimed.front();
  not_first_ = FindPattern("not_first");
  if (!not_first_.found() && report_year_ != 0) {
    // An earlier year's report named by the report ("2023年度ESG报告").
    for (size_t from = 0; from < lines_.size();) {
      std::string year;
      Evidence e = FindPattern("previous_report", from, &year);
      if (!e.found()) break;
      if (IsYear(year) && std::stoi(year) < report_year_) {
        not_first_ = e;
        break;
      }
      from = LineAt(e.begin) + 1;
    }
  }
  // Data tables with a column for the report year and none for the year before, in document
  // order (a table's first year cell).
  if (report_year_ == 0) return;
  std::map<uint32_t, std::pair<Evidence, bool>> tables;  // model table -> (report-year cell, previous year seen)
  std::vector<uint32_t> order;
  for (size_t i = 0; i < lines_.size(); ++i) {
    const Line& l = lines_[i];
    if (l.table == ESGAUDIT_NO_INDEX || !UsableLine(i) || l.stakeholder_table) continue;
    for (const auto& [cb, ce] : l.cells) {
      const int year = YearCell(view_.substr(cb, ce - cb));
      if (year != report_year_ && year != report_year_ - 1) continue;
      auto [it, added] = tables.try_emplace(l.table);
      if (added) order.push_back(l.table);
      if (year == report_year_ - 1) it->second.second = true;
      if (year == report_year_ && !it->second.first.found()) it->second.first = MakeEvidence(i, cb, ce);
    }
  }
  for (uint32_t t : order) {
    const auto& [current, previous] = tables[t];
    if (current.found() && !previous) current_year_only_.push_back(current);
  }
}

void Analysis::FindMatrixPicture() {
  for (const TopicResult& t : topics_)
    if (t.materiality != Materiality::kUnstated) return;
  const std::vector<Evidence> caption = FindWords(pack_.Words("materiality_matrix"), 1);
  if (!caption.empty()) matrix_only_picture_ = caption.front();
}

std::string Analysis::MatchQuote(const Evidence& e) const {
  return ShortQuote(view_.substr(e.begin, e.end - e.begin), 30);
}

const TopicResult* Analysis::Topic(const std::string& id) const {
  for (const TopicResult& t : topics_)
    if (t.spec->id == id) return &t;
  return nullptr;
}

void Analysis::Locate(const Evidence& e, sdk::Finding* f) const {
  const uint64_t b = TextOffset(e.begin);
  const uint64_t end = TextOffset(e.end);
  f->offset = b;
  f->length = end > b ? end - b : 0;
  f->evidence = Quote(e);
}

sdk::Related Analysis::Related(const Evidence& e, std::string message) const {
  const uint64_t b = TextOffset(e.begin);
  const uint64_t end = TextOffset(e.end);
  return sdk::Related{b, end > b ? end - b : 0, std::move(message)};
}

}  // namespace esgaudit::cnexchange
