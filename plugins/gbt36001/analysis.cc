#include "analysis.h"

#include <esgaudit/bytes8.h>
#include <esgaudit/text.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>

namespace esgaudit::gbt36001 {
namespace {

constexpr size_t kSummaryIssues = 3;  // issues named by one segment that make it a summary
constexpr size_t kHeadingBody = 10;   // code points of the paragraph line after an issue heading

using sdk::Contains;

// A long run of titles without sentence punctuation is a TOC or navigation strip, not text.
bool ListLike(std::string_view s) {
  return !Layout::CodePointsAtMost(s, 24) && !Contains(s, ",") && !Contains(s, "。") &&
         !Contains(s, ";") && !Contains(s, ":");
}

bool ContainsAny(std::string_view s, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return Contains(s, w); });
}

bool IsRegexSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

size_t SkipRegexSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsRegexSpace(s[i])) ++i;
  return i;
}

// False only when neither IsYearCell nor IsNumberCell can hold for `cell`: both need an ASCII digit
// after an optional sign or "FY" at the start and spaces.
bool MayBeFigureCell(std::string_view cell) {
  static const std::string_view kPrefixes[] = {"~", "约", "≈", "<", ">", "≥", "≤", "+", "-", "FY"};
  for (std::string_view p : kPrefixes) {
    if (cell.substr(0, p.size()) == p) {
      cell.remove_prefix(p.size());
      break;
    }
  }
  const size_t i = SkipRegexSpaces(cell, 0);
  return i < cell.size() && IsAsciiDigit(cell[i]);
}

}  // namespace

// Each piece is taken as far as it goes: no shorter take lets the rest match where the longest does
// not (what a piece leaves is a digit, a comma, a blank or a sign no later piece but the tail takes).
bool IsNumberCell(std::string_view s) {
  static const std::string_view kSigns[] = {"~", "约", "≈", "<", ">", "≥", "≤", "+", "-"};
  for (std::string_view p : kSigns) {
    if (s.substr(0, p.size()) == p) {
      s.remove_prefix(p.size());
      break;
    }
  }
  size_t i = SkipRegexSpaces(s, 0);
  if (i == s.size() || !IsAsciiDigit(s[i])) return false;
  while (i < s.size() && (IsAsciiDigit(s[i]) || s[i] == ',')) ++i;
  if (i + 1 < s.size() && s[i] == '.' && IsAsciiDigit(s[i + 1])) {
    i += 2;
    while (i < s.size() && IsAsciiDigit(s[i])) ++i;
  }
  i = SkipRegexSpaces(s, i);
  if (s.substr(i, 1) == "%") {
    i += 1;
  } else if (s.substr(i, 3) == "‰") {
    i += 3;
  }
  i = SkipRegexSpaces(s, i);
  if (s.size() - i > 12) return false;  // the tail counts bytes: four Han characters at most
  return std::none_of(s.begin() + i, s.end(), [](char c) { return IsAsciiDigit(c) || IsRegexSpace(c); });
}

bool IsYearCell(std::string_view s) {
  if (s.substr(0, 2) == "FY") s.remove_prefix(2);
  size_t i = SkipRegexSpaces(s, 0);
  if (s.size() - i < 4 || !((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) ||
      !IsAsciiDigit(s[i + 2]) || !IsAsciiDigit(s[i + 3])) {
    return false;
  }
  const std::string_view unit = s.substr(SkipRegexSpaces(s, i + 4));
  return unit.empty() || unit == "年" || unit == "年度";
}

namespace {

using bytes8::BytesEqual;
using bytes8::Load8;

// `s.substr(i, 3) == "\xE3\x80\x80"` (an ideographic space starts at byte i), without the call.
bool IdeographicSpaceAt(std::string_view s, size_t i) {
  return i + 3 <= s.size() && s[i] == '\xE3' && s[i + 1] == '\x80' && s[i + 2] == '\x80';
}

}  // namespace

bool HasAsciiDigit(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    if (bytes8::AnyByteIn(Load8(s.data() + i), '0', '9')) return true;
  }
  for (; i < s.size(); ++i) {
    if (IsAsciiDigit(s[i])) return true;
  }
  return false;
}

// Eight bytes are passed at once when none of them is a tab, '<', '|' or E3 (an ideographic space's
// first byte), no two of them are spaces in a row and the last is no space (its next byte lies
// beyond); otherwise each byte is tested until the next eight. A single space between words passes.
size_t KpiCellEnd(std::string_view line, size_t from) {
  size_t e = from;
  const size_t n = line.size();
  for (;;) {
    while (e + 8 <= n) {
      const uint64_t w = Load8(line.data() + e);
      const uint64_t spaces = BytesEqual(w, ' ');
      if ((BytesEqual(w, '\t') | BytesEqual(w, '<') | BytesEqual(w, '|') | BytesEqual(w, 0xE3) |
           (spaces & (spaces >> 8)) | (spaces >> 56)) != 0) {
        break;
      }
      e += 8;
    }
    const size_t stop = std::min(n, e + 8);
    for (; e < stop; ++e) {
      const char b = line[e];
      if (b == '\t' || b == '<' || b == '|' || (b == ' ' && e + 1 < n && line[e + 1] == ' ') ||
          IdeographicSpaceAt(line, e)) {
        return e;
      }
    }
    if (e >= n) return n;
  }
}

namespace {

// The detectors' own expressions (the rule pack's are compiled when it is read), compiled on first
// use. PrepareScans asks for them: the host runs it before it forks an isolated batch's children,
// which then inherit them compiled instead of compiling them each (a function-local static first
// reached in a child is compiled in every child).
struct DetectorExpressions {
  std::regex series_value{R"((?:^|[\s:-])In\s+(?:19|20)\d\d\s*:?\s+[$]?\s*\d[\d,]*(?:\.\d+)?)"};
  std::regex goal{R"(\b(?:goal|target)s?\b[^.;]{0,160}?\bby\s+((?:19|20)\d\d)\b)", std::regex::icase};
  std::regex future_target{R"(^((?:19|20)\d\d)\s*年\s*(?:的)?(?:目标|工作目标|发展目标)$)"};
};
const DetectorExpressions& Expressions() {
  static const DetectorExpressions expressions;
  return expressions;
}

bool Search(std::string_view s, const std::regex& re, std::cmatch* m = nullptr) {
  std::cmatch local;
  return std::regex_search(s.data(), s.data() + s.size(), m ? *m : local, re);
}

esgaudit_coverage_status Max(esgaudit_coverage_status a, esgaudit_coverage_status b) {
  return a > b ? a : b;
}

// Keeps the strongest hits, at most `n`, in document order.
std::vector<Evidence> Best(std::vector<Evidence> hits, size_t n) {
  esgaudit_coverage_status top = ESGAUDIT_MISSING;
  for (const Evidence& h : hits) top = Max(top, h.strength);
  std::vector<Evidence> out;
  std::set<uint64_t> seen;
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Evidence& a, const Evidence& b) { return a.begin < b.begin; });
  for (const Evidence& h : hits) {
    if (h.strength != top || seen.count(h.begin)) continue;
    seen.insert(h.begin);
    out.push_back(h);
    if (out.size() == n) break;
  }
  return out;
}

const std::vector<std::string>& Words(const ElementSpec& spec, const std::string& key) {
  static const std::vector<std::string> kEmpty;
  auto it = spec.words.find(key);
  return it == spec.words.end() ? kEmpty : it->second;
}

}  // namespace

bool MayPrefilter(std::string_view re) {
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\') {
      if (++i >= re.size()) return false;
      const char e = re[i];
      if (e == 'b' || e == 'B' || e == 'D' || e == 'S' || e == 'W' || (e >= '1' && e <= '9')) return false;
      continue;
    }
    if (in_class) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
      if (c == ']') in_class = false;
      continue;
    }
    if (c == '[') {
      if (i + 1 < re.size() && re[i + 1] == '^') return false;
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == ']') ++i;  // "[]...]": the first ']' is a member
      continue;
    }
    if (c == '.' || c == '^' || c == '$') return false;
    if (c == '(' && i + 1 < re.size() && re[i + 1] == '?' &&
        !(i + 2 < re.size() && re[i + 2] == ':'))
      return false;  // lookaround or an inline flag
  }
  return !in_class;
}

std::string PrefilterSource(std::string_view re) {
  std::string out;
  bool in_class = false;
  for (size_t i = 0; i < re.size(); ++i) {
    const char c = re[i];
    if (c == '\\' && i + 1 < re.size()) {
      const char e = re[++i];
      // std::regex's classes over bytes, written out: Hyperscan's Unicode \d and \s would match
      // more and cost far more to compile.
      if (e == 'd') out += in_class ? "0-9" : "[0-9]";
      else if (e == 's') out += in_class ? "\\t\\n\\x0b\\f\\r " : "[\\t\\n\\x0b\\f\\r ]";
      else out += {c, e};
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
    } else if (c == '[') {
      in_class = true;
      if (i + 1 < re.size() && re[i + 1] == ']') {  // "[]...]": the first ']' is a member
        out += "[]";
        ++i;
        continue;
      }
    } else if (c == '$') {
      continue;
    }
    out += c;
  }
  return MayPrefilter(out) ? out : std::string();
}

// An English title: at most six words after its label ("Planet: Our goals and progress in 2022"), or
// more in title case (every word of four letters or more capitalised). A line of a broken column
// ("We discuss these issues in the Energy Outlook") is neither.
bool TitleLike(std::string_view h) {
  size_t colon = h.rfind(": ");
  std::string_view t = colon == std::string_view::npos ? h : h.substr(colon + 2);
  size_t words = 0;
  bool title_case = true;
  for (size_t i = 0; i < t.size();) {
    while (i < t.size() && t[i] == ' ') ++i;
    if (i >= t.size()) break;
    size_t e = t.find(' ', i);
    if (e == std::string_view::npos) e = t.size();
    std::string_view w = t.substr(i, e - i);
    ++words;
    if (w.size() >= 4 && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) &&
        !(w[0] >= 'A' && w[0] <= 'Z'))
      title_case = false;
    i = e;
  }
  return words > 0 && (words <= 6 || (title_case && words <= 10));
}

// The words of `s` separated by spaces.
std::vector<std::string_view> SpaceWords(std::string_view s) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < s.size();) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    out.push_back(s.substr(i, e - i));
    i = e;
  }
  return out;
}

// A short cell (at most 24 code points) ending in a title from `titles` and a name of two to four
// Chinese characters after it ("董事长：张三", "某研究会主任李四"), with at most `before` code points
// and no sentence before the title.
bool EndsWithTitledName(std::string_view s, const std::vector<std::string>& titles, size_t before_max) {
  constexpr size_t kMaxCell = 24;
  if (!Layout::CodePointsAtMost(s, kMaxCell)) return false;
  for (const std::string& t : titles) {
    for (size_t p = s.find(t); p != std::string_view::npos; p = s.find(t, p + 1)) {
      std::string_view before = s.substr(0, p);
      std::string_view name = s.substr(p + t.size());
      while (!name.empty() && (name.front() == ' ' || name.front() == ':')) name.remove_prefix(1);
      if (name.substr(0, 3) == "：") name.remove_prefix(3);
      while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
      const size_t n = Layout::CodePoints(name);
      if (n < 2 || n > 4 || !Layout::CodePointsAtMost(before, before_max) || Layout::IsProse(before) ||
          Contains(before, ",") || Contains(before, "。"))
        continue;
      if (std::all_of(name.begin(), name.end(), [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; }) &&
          sdk::HasCjk(name))
        return true;
    }
  }
  return false;
}

// A signature closing a letter, at the end of `segment` (a trimmed cell of the matching view): a
// leader's title from `titles_en` (each title's words, SpaceWords) with a name of two or three capitalised words before it ("JANE DOE
// CEO, ACME", "Jane Doe, Chair and Chief Executive Officer"), or from `titles_zh` with a name of two to
// four Chinese characters after it ("董事长：张三", "公司总裁 张三"). Words that open a title, not a
// name ("the Board Chair", "Our CEO"), are none.
bool EndsWithSignature(std::string_view segment, const std::vector<std::vector<std::string_view>>& titles_en,
                       const std::vector<std::string>& titles_zh) {
  static const std::set<std::string_view> kNotNames = {"Our", "The", "Board", "Vice", "Deputy", "Executive",
                                                       "Group", "Company", "Senior", "Lead", "Independent",
                                                       "Former", "Acting", "Interim", "Non", "A", "An"};
  std::string_view s = segment;
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return false;
  if (EndsWithTitledName(s, titles_zh, 12)) return true;
  // English: "… Name Name TITLE[ and TITLE][, Company]" in the cell's last 100 bytes.
  constexpr size_t kTail = 100;
  std::string_view tail = s.size() > kTail ? s.substr(s.size() - kTail) : s;
  std::vector<std::string_view> w = SpaceWords(tail);
  if (s.size() > kTail && !w.empty()) w.erase(w.begin());  // a word cut by the window
  auto capitalised = [](std::string_view x) {
    return !x.empty() && x[0] >= 'A' && x[0] <= 'Z' &&
           std::all_of(x.begin(), x.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '.' || c == '\'' || c == '-'; });
  };
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    for (const std::vector<std::string_view>& tw : titles_en) {
      if (i + tw.size() > w.size()) continue;
      bool same = true;
      for (size_t k = 0; k < tw.size() && same; ++k) {
        std::string_view x = w[i + k];
        if (k + 1 == tw.size() && !x.empty() && x.back() == ',') x.remove_suffix(1);
        same = sdk::AsciiLowerEquals(x, tw[k]);
      }
      if (!same) continue;
      // The name: two or three capitalised words right before the title (a comma may close it).
      size_t names = 0;
      for (size_t k = i; k-- > 0 && names < 3;) {
        std::string_view x = w[k];
        if (names == 0 && x == ",") continue;
        if (names == 0 && !x.empty() && x.back() == ',') x.remove_suffix(1);
        if (!capitalised(x) || kNotNames.count(x) != 0) break;
        ++names;
      }
      if (names < 2) continue;
      // After the title only further titles and a company name: capitalised words, commas, "and", "of",
      // "the", "&"; no sentence goes on.
      bool rest_ok = true;
      for (size_t k = i + tw.size(); k < w.size() && rest_ok; ++k) {
        std::string_view x = w[k];
        while (!x.empty() && x.back() == ',') x.remove_suffix(1);
        rest_ok = x.empty() || x == "and" || x == "of" || x == "the" || x == "&" || capitalised(x);
      }
      if (rest_ok && w.size() - (i + tw.size()) <= 6) return true;
    }
  }
  return false;
}

std::string ShortQuote(std::string_view s, size_t max_code_points) {
  size_t i = 0;
  for (size_t n = 0; i < s.size() && n < max_code_points; ++n) sdk::NextCodePoint(s, &i);
  return i < s.size() ? std::string(s.substr(0, i)) + "…" : std::string(s);
}

std::string FoldedQuote(std::string_view original, size_t max_code_points) {
  // A code point takes at most four bytes: once the folded text holds four bytes for each code point
  // the quote shows and two more (one trailing space may be dropped), the quote, and whether it is
  // cut, are those of the whole text folded.
  const size_t enough = 4 * (max_code_points + 2) + 1;
  std::string quote;
  for (char c : original) {
    if (quote.size() >= enough) break;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (quote.empty() || quote.back() == ' ')) continue;
    quote += space ? ' ' : c;
  }
  while (!quote.empty() && quote.back() == ' ') quote.pop_back();
  return ShortQuote(quote, max_code_points);
}

Analysis::Analysis(const sdk::Document& doc, const sdk::Context& ctx)
    : doc_(doc),
      english_(doc.English()),
      pack_data_(RulePack::Load(doc)),
      pack_(*pack_data_),
      view_(doc.MatchView()),
      layout_(doc) {
  IndexIssueKeywords();
  Abbreviations();
  for (const ElementSpec& spec : pack_.elements()) {
    ElementResult r;
    r.spec = &spec;
    Evaluate(spec, &r);
    elements_.push_back(std::move(r));
  }
}

std::vector<std::string> IssueKeywords(const RulePack& pack) {
  std::vector<std::string> keywords;
  std::set<std::string> seen;
  for (const SubjectSpec& subject : pack.subjects()) {
    for (const IssueSpec& issue : subject.issues) {
      for (const std::string& kw : issue.keywords) {
        if (!kw.empty() && seen.insert(kw).second) keywords.push_back(kw);
      }
    }
  }
  return keywords;
}

std::vector<std::string> PackPhrases(const RulePack& pack) {
  std::set<std::string> words;
  auto add = [&](const std::vector<std::string>& list) {
    for (const std::string& w : list)
      if (!w.empty()) words.insert(w);
  };
  for (const ElementSpec& e : pack.elements()) {
    add(e.phrases);
    add(e.partial);
  }
  for (const SubjectSpec& subject : pack.subjects()) add(subject.names);
  return std::vector<std::string>(words.begin(), words.end());
}

namespace {

std::vector<esgaudit_pattern> Literals(const std::vector<std::string>& words) {
  std::vector<esgaudit_pattern> patterns;
  for (const std::string& w : words) patterns.push_back({sdk::Str(w), ESGAUDIT_PATTERN_LITERAL});
  return patterns;
}

}  // namespace

const std::regex& SeriesValueExpression() { return Expressions().series_value; }
const std::regex& FutureTargetExpression() { return Expressions().future_target; }

bool MayBeFutureTarget(std::string_view h) {
  constexpr std::string_view kTarget = "目标";
  return h.size() >= 4 + kTarget.size() && (h.substr(0, 2) == "19" || h.substr(0, 2) == "20") &&
         h.substr(h.size() - kTarget.size()) == kTarget;
}

size_t SeriesValueStarts(std::string_view s, size_t enough) {
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  size_t found = 0;
  for (size_t at = s.find("In"); at != std::string_view::npos && found < enough; at = s.find("In", at + 1)) {
    size_t i = at + 2;
    if (i >= s.size() || !IsRegexSpace(s[i])) continue;
    while (i < s.size() && IsRegexSpace(s[i])) ++i;
    // \s+ is followed by a digit: it can only take the whole run of spaces.
    if (i + 1 < s.size() && ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0')) &&
        digit(i + 2) && digit(i + 3))
      ++found;
  }
  return found;
}

std::vector<std::pair<std::string, std::string>> PrefilterSources(const RulePack& pack) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& name : pack.PatternNames()) {
    std::string source = PrefilterSource(pack.PatternSource(name));
    if (!source.empty()) out.emplace_back(name, std::move(source));
  }
  return out;
}

namespace {

std::vector<esgaudit_pattern> Regexes(const std::vector<std::pair<std::string, std::string>>& sources,
                                      uint32_t flags) {
  std::vector<esgaudit_pattern> patterns;
  for (const auto& [name, source] : sources) patterns.push_back({sdk::Str(source), flags});
  return patterns;
}

constexpr uint32_t kPrefilterBytes = ESGAUDIT_PATTERN_REGEX | ESGAUDIT_PATTERN_PREFILTER;

}  // namespace

std::vector<esgaudit_pattern> CaselessLiterals(const std::vector<std::string>& words) {
  std::vector<esgaudit_pattern> patterns;
  for (const std::string& w : words)
    patterns.push_back({sdk::Str(w), ESGAUDIT_PATTERN_LITERAL | ESGAUDIT_PATTERN_CASELESS});
  return patterns;
}

CaselessStarts::CaselessStarts(const sdk::Document& doc, const std::vector<std::string>& words) {
  all_ = std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.empty(); });
  if (all_ || words.empty()) return;
  for (const esgaudit_match& m : doc.Scan(CaselessLiterals(words))) starts_.push_back(m.begin);
  // Scan sorts by begin already; a host's fallback does too, but the search below needs it.
  std::sort(starts_.begin(), starts_.end());
}

CaselessStarts::CaselessStarts(std::vector<uint64_t> starts) : starts_(std::move(starts)) {
  std::sort(starts_.begin(), starts_.end());
}

bool CaselessStarts::MayHoldOne(uint64_t begin, uint64_t end) const {
  if (all_) return true;
  auto it = std::lower_bound(starts_.begin(), starts_.end(), begin);
  return it != starts_.end() && *it < end;
}

std::shared_ptr<const PackScans> PackScans::Of(const std::shared_ptr<const RulePack>& pack) {
  return sdk::DerivedRuleData<PackScans>(pack, [](const RulePack& p, PackScans* scans) {
    scans->issue_keywords = IssueKeywords(p);
    std::map<std::string, uint32_t> keyword_index;
    for (const std::string& kw : scans->issue_keywords)
      keyword_index.emplace(kw, static_cast<uint32_t>(keyword_index.size()));
    scans->issues_of.resize(scans->issue_keywords.size());
    uint32_t id = 0;
    for (const SubjectSpec& subject : p.subjects()) {
      for (const IssueSpec& issue : subject.issues) {
        for (const std::string& kw : issue.keywords) {
          if (!kw.empty()) scans->issues_of[keyword_index.at(kw)].push_back(id);
        }
        ++id;
      }
    }
    scans->phrases = PackPhrases(p);
    scans->prefilter_sources = PrefilterSources(p);
    scans->word_scan = Literals(scans->issue_keywords);
    const std::vector<esgaudit_pattern> phrase_scan = Literals(scans->phrases);
    scans->word_scan.insert(scans->word_scan.end(), phrase_scan.begin(), phrase_scan.end());
    scans->english_begin = static_cast<uint32_t>(scans->word_scan.size());
    for (const ElementSpec& e : p.elements()) {
      const std::vector<std::string>& en = Words(e, "phrases_en");
      if (en.empty() || std::any_of(en.begin(), en.end(), [](const std::string& w) { return w.empty(); })) continue;
      scans->english_lists.emplace_back(&en, static_cast<uint32_t>(scans->word_scan.size()));
      const std::vector<esgaudit_pattern> caseless = CaselessLiterals(en);
      scans->word_scan.insert(scans->word_scan.end(), caseless.begin(), caseless.end());
    }
    scans->prefilter_scan = Regexes(scans->prefilter_sources, ESGAUDIT_PATTERN_REGEX);
    scans->prefilter_bytes = Regexes(scans->prefilter_sources, kPrefilterBytes);
  });
}

const std::vector<esgaudit_pattern>& PackScans::PrefilterScan(const sdk::Document& doc) const {
  return doc.ScanReads(kPrefilterBytes) ? prefilter_bytes : prefilter_scan;
}

void PrepareScans(const sdk::Document& doc) {
  Expressions();
  const std::shared_ptr<const RulePack> pack = RulePack::Load(doc);
  const std::shared_ptr<const PackScans> scans = PackScans::Of(pack);
  doc.Scan(scans->word_scan);  // Scope's English phrases too (CaselessStarts)
  try {
    doc.Scan(scans->PrefilterScan(doc));
    return;  // MatchEnds scans them together
  } catch (const sdk::ConfigError&) {
    // Hyperscan refuses one: MatchEnds scans each alone, as below (the refusal is cached too)
  }
  for (const std::string& name : pack->PatternNames()) {
    const std::string source = PrefilterSource(pack->PatternSource(name));
    if (source.empty()) continue;
    try {
      doc.Scan({{sdk::Str(source), ESGAUDIT_PATTERN_REGEX}});
    } catch (const sdk::ConfigError&) {
      // Hyperscan refuses it: MatchEnds runs std::regex alone (the refusal is cached too)
    }
  }
}

void Analysis::IndexIssueKeywords() {
  const std::shared_ptr<const PackScans> scans = PackScans::Of(pack_data_);
  const std::vector<std::vector<uint32_t>>& issues_of = scans->issues_of;
  for (const SubjectSpec& subject : pack_.subjects()) {
    for (const IssueSpec& issue : subject.issues)
      issue_index_.emplace(&issue, static_cast<uint32_t>(issue_index_.size()));
  }
  const uint32_t keywords = static_cast<uint32_t>(scans->issue_keywords.size());
  const auto& english = scans->english_lists;
  english_starts_.assign(english.size(), {});
  for (const esgaudit_match& m : doc_.Scan(scans->word_scan)) {
    if (m.pattern >= scans->english_begin) {
      // The last list starting at or before the pattern (the lists follow each other).
      size_t k = english.size();
      while (k > 0 && english[k - 1].second > m.pattern) --k;
      if (k > 0) english_starts_[k - 1].push_back(m.begin);
      continue;
    }
    if (m.pattern >= keywords) {
      phrase_matches_.push_back(esgaudit_match{m.pattern - keywords, 0, m.begin, m.end});
      continue;
    }
    const Segment* s = SegmentHolding(m);
    if (s == nullptr) continue;
    std::vector<bool>& named = issues_named_[s->begin];
    named.resize(issue_index_.size(), false);
    for (uint32_t id : issues_of[m.pattern]) named[id] = true;
  }
}

const Analysis::PatternUse& Analysis::Use(std::string_view name) const {
  if (!match_ends_scanned_) {
    // One pass over the view for every named expression that can be prefiltered (it was a pass of
    // the whole view per expression); a set Hyperscan refuses leaves each to be scanned alone.
    match_ends_scanned_ = true;
    const std::shared_ptr<const PackScans> scans = PackScans::Of(pack_data_);
    const std::vector<std::pair<std::string, std::string>>& sources = scans->prefilter_sources;
    try {
      const std::vector<esgaudit_match> found = doc_.Scan(scans->PrefilterScan(doc_));
      std::vector<std::vector<uint64_t>> ends(sources.size());
      for (const esgaudit_match& m : found) ends[m.pattern].push_back(m.end);
      for (size_t k = 0; k < sources.size(); ++k) {
        std::sort(ends[k].begin(), ends[k].end());
        auto [it, added] = pattern_uses_.try_emplace(sources[k].first);
        if (added) it->second.ends = std::move(ends[k]);
      }
    } catch (const sdk::ConfigError&) {
      // refused as a set: each expression is scanned alone below, on first use
    }
  }
  // Detectors ask a few literal names in turn: the names asked so far are searched by their size
  // first (no string compare for most), the last one asked before them.
  auto same = [&name](std::string_view known) {
    return known.size() == name.size() && std::memcmp(known.data(), name.data(), name.size()) == 0;
  };
  if (last_use_ != nullptr && same(last_use_name_)) return *last_use_;
  for (const auto& [known, use] : asked_) {
    if (same(known)) {
      last_use_name_ = known;
      last_use_ = use;
      return *use;
    }
  }
  auto it = pattern_uses_.find(name);
  if (it == pattern_uses_.end()) {
    const std::string key(name);
    PatternUse use;
    const std::string source = PrefilterSource(pack_.PatternSource(key));
    if (!source.empty()) {
      try {
        std::vector<esgaudit_match> found = doc_.Scan({{sdk::Str(source), ESGAUDIT_PATTERN_REGEX}});
        use.ends.emplace();
        for (const esgaudit_match& m : found) use.ends->push_back(m.end);
        std::sort(use.ends->begin(), use.ends->end());
      } catch (const sdk::ConfigError&) {
        use.ends.reset();  // Hyperscan refuses it (too large, say): std::regex alone
      }
    }
    it = pattern_uses_.emplace(key, std::move(use)).first;
  }
  asked_.emplace_back(it->first, &it->second);
  last_use_name_ = it->first;
  last_use_ = &it->second;
  return it->second;
}

const std::vector<uint64_t>* Analysis::MatchEnds(std::string_view name) const {
  const PatternUse& use = Use(name);
  return use.ends ? &*use.ends : nullptr;
}

bool Analysis::Find(std::string_view name, std::string_view text, std::cmatch* m) const {
  return FindWith(Use(name), name, text, m);
}

bool Analysis::FindWith(const PatternUse& use, std::string_view name, std::string_view text, std::cmatch* m) const {
  if (use.ends && text.data() >= view_.data() && text.data() + text.size() <= view_.data() + view_.size()) {
    // A match inside the piece ends in (begin, end].
    const uint64_t begin = static_cast<uint64_t>(text.data() - view_.data());
    auto it = std::upper_bound(use.ends->begin(), use.ends->end(), begin);
    if (it == use.ends->end() || *it > begin + text.size()) return false;
  } else {
    if (use.literals == nullptr) use.literals = &pack_.PatternLiterals(std::string(name));
    if (!use.literals->MayMatch(text)) return false;  // lacks what every match holds
  }
  if (use.pattern == nullptr) use.pattern = &pack_.Pattern(std::string(name));
  return Search(text, *use.pattern, m);
}

bool Analysis::SegmentNames(const Segment& s, const IssueSpec& issue) const {
  auto it = issues_named_.find(s.begin);
  if (it == issues_named_.end()) return false;
  auto id = issue_index_.find(&issue);
  return id != issue_index_.end() && it->second[id->second];
}

const ElementResult* Analysis::Element(const std::string& id) const {
  for (const ElementResult& e : elements_)
    if (e.spec->id == id) return &e;
  return nullptr;
}

Evidence Analysis::MakeHit(const Segment& s, esgaudit_coverage_status strength) const {
  Evidence e;
  e.begin = s.begin;
  e.end = s.end;
  // Quote the original text, not the matching view, with whitespace runs collapsed.
  uint64_t b = TextOffset(s.begin), t = TextOffset(s.end);
  e.quote = FoldedQuote(doc_.Text().substr(b, t > b ? t - b : 0));
  e.strength = strength;
  return e;
}

const Segment* Analysis::SegmentAt(uint64_t view_offset) const {
  const auto& ls = layout_.lines();
  if (ls.empty()) return nullptr;
  for (const Segment& s : ls[layout_.LineAt(view_offset)].segments)
    if (view_offset >= s.begin && view_offset < s.end) return &s;
  return nullptr;
}

const Segment* Analysis::SegmentHolding(const esgaudit_match& m) const {
  const Segment* s = SegmentAt(m.begin);
  if (s == nullptr) return nullptr;
  uint64_t start = static_cast<uint64_t>(s->text.data() - view_.data());
  return m.begin >= start && m.end <= start + s->text.size() ? s : nullptr;
}

bool Analysis::InTable(size_t line) const {
  if (in_table_.empty()) in_table_.assign(layout_.lines().size(), 0);
  int8_t& said = in_table_[line];
  if (said == 0) {
    const LayoutLine& l = layout_.lines()[line];
    said = Contains(view_.substr(l.begin, l.end - l.begin), "<td") ? 2 : 1;
  }
  return said == 2;
}

bool Analysis::IndexRow(size_t line) const {
  if (index_row_.empty()) index_row_.assign(layout_.lines().size(), 0);
  int8_t& said = index_row_[line];
  if (said == 0) said = ReadIndexRow(line) ? 2 : 1;
  return said == 2;
}

bool Analysis::ReadIndexRow(size_t line) const {
  for (uint32_t r = 0; r < doc_.IndexRegionCount(); ++r) {
    esgaudit_index_region region = doc_.IndexRegion(r);
    if (line >= region.first_line && line <= region.last_line) return true;
  }
  const LayoutLine& l = layout_.lines()[line];
  if (index_row_use_ == nullptr) index_row_use_ = &Use("index_row");
  return FindWith(*index_row_use_, "index_row", view_.substr(l.begin, l.end - l.begin));
}

bool Analysis::FormAfter(const ElementSpec& spec, size_t line, size_t lines) const {
  // A form line asks the reader (您认为…, or any question to 您 ending in ？) or offers answers to
  // tick: two boxes or more on the line (one box alone is as likely an OCR placeholder for a lost
  // character).
  const std::vector<std::string>& questions = Words(spec, "form_words");
  const std::vector<std::string>& boxes = Words(spec, "box_words");
  auto box_count = [&](std::string_view t) {
    size_t n = 0;
    for (const std::string& b : boxes)
      for (size_t at = t.find(b); at != std::string_view::npos; at = t.find(b, at + b.size())) ++n;
    return n;
  };
  const auto& ls = layout_.lines();
  size_t found = 0;
  for (size_t j = line; j < ls.size() && j <= line + lines; ++j) {
    if (!layout_.IsBody(j)) continue;
    std::string_view t = view_.substr(ls[j].begin, ls[j].end - ls[j].begin);
    const bool asks = ContainsAny(t, questions) ||
                      (Contains(t, "您") && (Contains(t, "？") || Contains(t, "?")));
    if ((asks || box_count(t) >= 2) && ++found >= 2) return true;
  }
  return false;
}

const Segment* Analysis::FindAfter(size_t line, size_t seg, size_t lines, const std::regex& re,
                                   bool skip_toc) const {
  const auto& ls = layout_.lines();
  for (size_t i = line; i < ls.size() && i <= line + lines; ++i) {
    if (!layout_.IsBody(i)) continue;
    for (size_t k = (i == line ? seg : 0); k < ls[i].segments.size(); ++k) {
      const Segment& s = ls[i].segments[k];
      if (skip_toc && s.toc) continue;
      if (Search(s.text, re)) return &s;
    }
  }
  return nullptr;
}

void Analysis::Headings(const std::vector<std::string>& keywords, std::vector<Hit>* hits,
                        size_t min_prose) {
  const auto& ls = layout_.lines();
  if (!heading_index_) {
    // The segments that may be headings, in line order: body lines outside tables, no TOC entries
    // (a section title repeated at the top of its pages: the model leaves one copy in the body).
    std::vector<const Segment*> segments;
    for (size_t i = 0; i < ls.size(); ++i) {
      if (!layout_.IsBody(i) || InTable(i)) continue;
      for (size_t k = 0; k < ls[i].segments.size(); ++k) {
        if (ls[i].segments[k].toc) continue;
        segments.push_back(&ls[i].segments[k]);
        heading_at_.emplace_back(i, k);
      }
    }
    heading_index_ = std::make_unique<HeadingIndex>(std::move(segments));
  }
  for (uint32_t p : heading_index_->Find(keywords)) {
    const auto [i, k] = heading_at_[p];
    bool body = layout_.ProseAfter(i, k, 15) >= min_prose && !IndexRow(i);
    hits->push_back(MakeHit(ls[i].segments[k], body ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
  }
}

void Analysis::IndexPhrases() {
  phrases_indexed_ = true;
  const auto& ls = layout_.lines();
  for (const LayoutLine& l : ls)
    for (const Segment& s : l.segments)
      if (s.text.data() < view_.data() || s.text.data() + s.text.size() > view_.data() + view_.size())
        return;  // a segment the scan of the view cannot see: every line is searched
  // The same list, in the same order, for every document: the host compiles it once.
  const std::shared_ptr<const PackScans> scans = PackScans::Of(pack_data_);
  const std::vector<std::string>& ordered = scans->phrases;
  for (const std::string& w : ordered) phrase_lines_[w];  // a phrase without hits is known too
  for (const esgaudit_match& m : phrase_matches_) {
    if (SegmentHolding(m) == nullptr) continue;
    size_t li = layout_.LineAt(m.begin);
    std::vector<size_t>& lines = phrase_lines_[ordered[m.pattern]];
    if (lines.empty() || lines.back() != li) lines.push_back(li);  // matches arrive in view order
  }
  std::vector<esgaudit_match>().swap(phrase_matches_);
}

std::vector<size_t> Analysis::LinesWithAny(const std::vector<std::string>& keywords) {
  if (!phrases_indexed_) IndexPhrases();
  std::vector<size_t> out;
  for (const std::string& w : keywords) {
    auto it = phrase_lines_.find(w);
    if (it == phrase_lines_.end()) {  // not indexed (an empty keyword, or no index): every line
      out.resize(layout_.lines().size());
      for (size_t i = 0; i < out.size(); ++i) out[i] = i;
      return out;
    }
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<bool> Analysis::LineMaskWithAny(const std::vector<std::string>& keywords) {
  std::vector<bool> mask(layout_.lines().size(), false);
  for (size_t i : LinesWithAny(keywords)) mask[i] = true;
  return mask;
}

void Analysis::Phrases(const std::vector<std::string>& keywords, esgaudit_coverage_status strength,
                       std::vector<Hit>* hits) {
  if (keywords.empty()) return;
  const auto& ls = layout_.lines();
  for (size_t i : LinesWithAny(keywords)) {
    if (!layout_.IsBody(i)) continue;
    for (const Segment& s : ls[i].segments)
      if (!s.toc && !ListLike(s.text) && ContainsAny(s.text, keywords))
        hits->push_back(MakeHit(s, IndexRow(i) ? ESGAUDIT_PARTIAL : strength));
  }
}

void Analysis::Evaluate(const ElementSpec& spec, ElementResult* out) {
  std::vector<Hit> hits;
  const std::string& d = spec.detector;
  if (d.empty())
    Generic(spec, &hits);
  else if (d == "period")
    Period(&hits);
  else if (d == "scope")
    Scope(spec, &hits);
  else if (d == "basis")
    Basis(spec, &hits);
  else if (d == "cycle")
    Cycle(spec, &hits);
  else if (d == "contact")
    Contact(spec, &hits);
  else if (d == "stakeholder")
    Stakeholder(spec, &hits);
  else if (d == "subject")
    Subject(spec, &hits);
  else if (d == "kpi-table")
    KpiTable(spec, &hits);
  else if (d == "outlook")
    Outlook(spec, &hits);
  else if (d == "index")
    Index(spec, &hits);
  else if (d == "assurance")
    Assurance(spec, &hits);
  else if (d == "feedback")
    Feedback(spec, &hits);
  else if (d == "letter")
    Letter(spec, &hits);
  EnglishHeadings(spec, &hits);
  for (const Hit& h : hits) out->status = Max(out->status, h.strength);
  out->evidence = Best(std::move(hits), d == "subject" ? 8 : 3);
}

void Analysis::EnglishHeadings(const ElementSpec& spec, std::vector<Hit>* hits) {
  const std::vector<std::string>& keywords = Words(spec, "headings_en");
  if (keywords.empty()) return;
  const auto& ls = layout_.lines();
  if (!english_titles_made_) {
    // The segments that read as English titles, whatever the element: found once per document.
    english_titles_made_ = true;
    for (size_t i = 0; i < ls.size(); ++i) {
      if (!layout_.IsBody(i) || InTable(i)) continue;
      for (size_t k = 0; k < ls[i].segments.size(); ++k) {
        const Segment& s = ls[i].segments[k];
        std::string_view h = s.heading;
        // A sentence ("Read our latest assurance statement online.") names a title, it is none.
        if (s.toc || h.empty() || h.size() > 80 || sdk::HasCjk(h) || sdk::ContainsAny(h, {",", ";", ". "}) ||
            h.back() == '.' || h.back() == '?' || h.back() == '!' || !TitleLike(h))
          continue;
        english_titles_.push_back({i, k, sdk::AsciiLower(h)});
      }
    }
  }
  for (const EnglishTitle& t : english_titles_) {
    if (!ContainsAny(t.lower, keywords)) continue;
    bool body = layout_.ProseAfter(t.line, t.segment, 15) >= 30 && !IndexRow(t.line);
    hits->push_back(MakeHit(ls[t.line].segments[t.segment], body ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
  }
}

void Analysis::Generic(const ElementSpec& spec, std::vector<Hit>* hits) {
  Headings(spec.headings, hits);
  const size_t phrases_from = hits->size();
  Phrases(spec.phrases, ESGAUDIT_COVERED, hits);
  // A passage that names the principle the report follows ("遵循…重要性原则") says how the report
  // means to choose its content, not what it found: at most partial.
  const std::vector<std::string>& principle = Words(spec, "principle_words");
  for (size_t i = phrases_from; i < hits->size(); ++i)
    if (ContainsAny(view_.substr((*hits)[i].begin, (*hits)[i].end - (*hits)[i].begin), principle))
      (*hits)[i].strength = ESGAUDIT_PARTIAL;
  Phrases(spec.partial, ESGAUDIT_PARTIAL, hits);
}

void Analysis::Period(std::vector<Hit>* hits) {
  const esgaudit_metadata md = doc_.Metadata();
  // A host built before the period's kind and the title year (ABI 1.1 appends) gives a dated range
  // only.
  const bool full = md.struct_size >= offsetof(esgaudit_metadata, title_length) + sizeof(md.title_length);
  const std::string_view begin = sdk::View(md.period_begin);
  const std::string_view end = sdk::View(md.period_end);
  const uint32_t kind = full             ? md.period_kind
                        : begin.empty() ? static_cast<uint32_t>(ESGAUDIT_PERIOD_NONE)
                                        : static_cast<uint32_t>(ESGAUDIT_PERIOD_RANGE);
  auto year_of = [](std::string_view date) {
    return date.size() >= 4 ? std::atoi(std::string(date.substr(0, 4)).c_str()) : 0;
  };
  // The evidence: the cell holding the span (quoted as the cell), else the span itself.
  auto where = [&](uint64_t offset, uint64_t length, esgaudit_coverage_status strength) {
    const uint64_t vb = doc_.TextToView(offset);
    const uint64_t ve = doc_.TextToView(offset + length);
    const Segment* cell = SegmentAt(vb);
    if (cell) return MakeHit(*cell, strength);
    Hit h;
    h.begin = vb;
    h.end = ve;
    h.strength = strength;
    h.quote = std::string(view_.substr(vb, ve - vb));
    return h;
  };
  // What the mismatch message quotes: the words of the period as printed (matching view).
  auto words = [&](uint64_t offset, uint64_t length) {
    const uint64_t vb = doc_.TextToView(offset);
    return std::string(view_.substr(vb, doc_.TextToView(offset + length) - vb));
  };
  if (kind != ESGAUDIT_PERIOD_NONE && md.period_length > 0) {
    period_.found = true;
    period_.first = kind == ESGAUDIT_PERIOD_RANGE || kind == ESGAUDIT_PERIOD_RANGE_NO_YEAR ? year_of(begin)
                                                                                           : md.report_year;
    period_.last = kind == ESGAUDIT_PERIOD_YEAR ? md.report_year : year_of(end);
    // A range printed without its year has the year of the title or of a whole-year statement:
    // there is no second year to compare the title with unless the latter.
    period_.where = where(md.period_offset, md.period_length,
                          !full || (md.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL);
    hits->push_back(period_.where);
    period_.where.quote = words(md.period_offset, md.period_length);
  }
  if (full && md.title_year != 0 && md.title_length > 0) {
    title_.found = true;
    title_.first = title_.last = md.title_year;
    title_.where = where(md.title_offset, md.title_length, ESGAUDIT_PARTIAL);
    if (hits->empty()) hits->push_back(title_.where);
  }
}

void Analysis::Scope(const ElementSpec& spec, std::vector<Hit>* hits) {
  const auto& ls = layout_.lines();
  const std::vector<std::string>& entity = Words(spec, "entity_words");
  const std::vector<bool> may_state = LineMaskWithAny(spec.phrases);
  const std::vector<std::string>& en = Words(spec, "phrases_en");
  std::optional<CaselessStarts> en_starts;  // scanned at the first segment that asks
  const bool en_empty_phrase =
      std::any_of(en.begin(), en.end(), [](const std::string& phrase) { return phrase.empty(); });
  // False when the segment cannot hold an English phrase in any case: it is not lower-cased.
  auto may_hold_en = [&](const Segment& s) {
    if (s.text.data() < view_.data() || s.text.data() + s.text.size() > view_.data() + view_.size())
      return true;  // a segment the scan of the view cannot see
    if (!en_starts) {
      // From IndexIssueKeywords' scan, where the pack's list was in it (always, but for a list with an
      // empty phrase, which every piece may hold).
      const auto& lists = PackScans::Of(pack_data_)->english_lists;
      const auto at = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.first == &en; });
      if (at != lists.end())
        en_starts.emplace(english_starts_[static_cast<size_t>(at - lists.begin())]);
      else
        en_starts.emplace(doc_, en);
    }
    const uint64_t b = static_cast<uint64_t>(s.text.data() - view_.data());
    return en_starts->MayHoldOne(b, b + s.text.size());
  };
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (size_t k = 0; k < ls[i].segments.size(); ++k) {
      const Segment& s = ls[i].segments[k];
      if (s.toc) continue;
      bool heading =
          std::any_of(spec.headings.begin(), spec.headings.end(),
                      [&](const std::string& h) { return Layout::IsHeading(s, h, 2); });
      bool statement = !heading && may_state[i] && ContainsAny(s.text, spec.phrases);
      if (!heading && !statement) {
        // English: a scope phrase and the rest of its sentence, which names what the report covers
        // (its operations, subsidiaries, sites); a sentence naming a year or topics only is partial.
        const std::string lower = sdk::HasCjk(s.text) || en.empty() || !may_hold_en(s)
                                      ? std::string()
                                      : sdk::AsciiLower(s.text);
        // Nothing to search (a Chinese segment, most of them): only an empty phrase is found there.
        if (lower.empty() && !en_empty_phrase) continue;
        for (const std::string& phrase : en) {
          const size_t at = lower.find(phrase);
          if (at == std::string::npos) continue;
          size_t to = lower.size();
          for (const char* end : {". ", ".", ";"}) to = std::min(to, lower.find(end, at + phrase.size()));
          const std::string sentence = lower.substr(at + phrase.size(), to - at - phrase.size());
          const bool names = ContainsAny(sentence, Words(spec, "entity_words_en"));
          hits->push_back(MakeHit(s, names ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
          break;
        }
        continue;
      }
      // The statement: this segment (unless a bare heading) and the body after it.
      std::string text = heading ? std::string() : std::string(s.text);
      const Segment* first = heading ? nullptr : &s;
      uint64_t end = s.end;
      size_t taken = 0;
      for (size_t j = i; j < ls.size() && j <= i + 6 && taken < 6; ++j) {
        if (!layout_.IsBody(j)) continue;
        for (size_t q = (j == i ? k + 1 : 0); q < ls[j].segments.size(); ++q) {
          const Segment& t = ls[j].segments[q];
          if (t.toc || Layout::CodePoints(t.text) < 4) continue;
          if (j > i && Layout::CodePoints(t.text) <= 8 && !Contains(t.text, ",") &&
              !Contains(t.text, "。") && !Contains(t.text, ";") && !ContainsAny(t.text, entity))
            goto done;  // the next heading
          text += t.text;
          if (!first) first = &t;
          end = t.end;
          ++taken;
          if (!heading && taken >= 1 && Contains(t.text, "。")) goto done;
        }
      }
    done:
      if (!first) {
        hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
        continue;
      }
      bool names_entity = ContainsAny(text, entity);
      Hit h = MakeHit(heading ? *first : s, names_entity ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL);
      hits->push_back(h);
      if (names_entity && scope_.end == 0) {
        scope_ = h;
        scope_.begin = s.begin;
        scope_.end = end;
        scope_text_ = text;
      }
    }
  }
}

void Analysis::Basis(const ElementSpec& spec, std::vector<Hit>* hits) {
  const auto& ls = layout_.lines();
  const std::vector<std::string>& verbs = Words(spec, "basis_verbs");
  const std::vector<std::string>& objects = Words(spec, "basis_objects");
  const std::vector<bool> may_state = LineMaskWithAny(spec.phrases);
  auto cite = [&](const Segment& s) {
    if (!basis_citation_.found && Find("gbt36001", s.text)) {
      basis_citation_.found = true;
      basis_citation_.where = MakeHit(s, ESGAUDIT_COVERED);
    }
  };
  // The standards the structure model read a claim of ("参照…GRI G4版本", "in accordance with"):
  // the segment naming the standard states the basis.
  for (uint32_t c = 0; c < doc_.Metadata().claim_count; ++c) {
    esgaudit_claim claim = doc_.Claim(c);
    if (claim.mode == ESGAUDIT_CLAIM_MENTION) continue;
    uint64_t v = doc_.TextToView(claim.offset);
    size_t li = layout_.LineAt(v);
    if (li >= ls.size()) continue;
    for (const Segment& seg : ls[li].segments) {
      if (seg.toc || v < seg.begin || v >= seg.end) continue;
      hits->push_back(MakeHit(seg, ESGAUDIT_COVERED));
      cite(seg);
    }
  }
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (size_t k = 0; k < ls[i].segments.size(); ++k) {
      const Segment& s = ls[i].segments[k];
      if (s.toc) continue;
      bool heading =
          std::any_of(spec.headings.begin(), spec.headings.end(),
                      [&](const std::string& h) { return Layout::IsHeading(s, h, 2); });
      if (heading) {
        bool any = false;
        for (size_t j = i; j < ls.size() && j <= i + 10; ++j) {
          if (!layout_.IsBody(j)) continue;
          for (size_t q = (j == i ? k + 1 : 0); q < ls[j].segments.size(); ++q) {
            const Segment& t = ls[j].segments[q];
            if (t.toc || !Find("standard_name", t.text)) continue;
            if (!any) hits->push_back(MakeHit(t, ESGAUDIT_COVERED));
            any = true;
            cite(t);
          }
        }
        if (!any) hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
        continue;
      }
      const bool stated = may_state[i] && ContainsAny(s.text, spec.phrases);
      // 报告 first: one search that most segments fail, before the word lists (the tests have no effect).
      bool sentence =
          stated || (Contains(s.text, "报告") && ContainsAny(s.text, verbs) && ContainsAny(s.text, objects));
      if (sentence && Find("standard_name", s.text)) {
        hits->push_back(MakeHit(s, ESGAUDIT_COVERED));
        cite(s);
      } else if (sentence && stated) {
        hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
      } else if (Contains(s.text, "36001") && Find("gbt36001", s.text) && ContainsAny(s.text, verbs)) {
        hits->push_back(MakeHit(s, ESGAUDIT_COVERED));
        cite(s);
      }
    }
  }
}

namespace {

// The clause (between 。 ， ； and their ASCII forms) holding the first of `phrases` in `text`:
// "本报告时间范围为2016年1月1日至12月31日,发布周期为年度" states the period in one clause and the
// cycle in the next.
std::string_view PhraseClause(std::string_view text, const std::vector<std::string>& phrases) {
  size_t at = std::string_view::npos;
  for (const std::string& p : phrases) at = std::min(at, text.find(p));
  if (at == std::string_view::npos) return text;
  auto is_stop = [&](size_t i) {
    return text[i] == ',' || text[i] == ';' || text.compare(i, 3, "。") == 0 ||
           text.compare(i, 3, "，") == 0 || text.compare(i, 3, "；") == 0;
  };
  size_t b = at;
  while (b > 0 && !is_stop(b - 1)) --b;
  size_t e = at;
  while (e < text.size() && !is_stop(e)) ++e;
  return text.substr(b, e - b);
}

}  // namespace

void Analysis::Cycle(const ElementSpec& spec, std::vector<Hit>* hits) {
  const std::regex& range_re = pack_.Pattern("date_range");
  const auto& ls = layout_.lines();
  const std::vector<bool> may_state = LineMaskWithAny(spec.phrases);
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (size_t k = 0; k < ls[i].segments.size(); ++k) {
      const Segment& s = ls[i].segments[k];
      if (s.toc) continue;
      // "报告周期: 2016年1月1日至12月31日" states the period, not the cycle.
      bool about_report = Contains(s.text, "报告") || Contains(s.text, "发布");
      if (about_report && may_state[i] && !ListLike(s.text) && ContainsAny(s.text, spec.phrases) &&
          !Search(PhraseClause(s.text, spec.phrases), range_re)) {
        hits->push_back(MakeHit(s, ESGAUDIT_COVERED));
      } else if (std::any_of(spec.headings.begin(), spec.headings.end(), [&](const std::string& h) {
                   return Layout::IsHeading(s, h, 0);
                 })) {
        const Segment* next = nullptr;
        for (size_t j = i + 1; j < ls.size() && j <= i + 3 && !next; ++j)
          if (layout_.IsBody(j) && !ls[j].segments.empty()) next = &ls[j].segments[0];
        if (next && !Search(next->text, range_re))
          hits->push_back(MakeHit(*next, ESGAUDIT_COVERED));
      } else if (Contains(s.text, "报告") && Find("report_ordinal", s.text)) {
        hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
      }
    }
  }
}

void Analysis::Contact(const ElementSpec& spec, std::vector<Hit>* hits) {
  // Looked up once: the email and address questions are asked of every body segment.
  const PatternUse& phone = Use("phone");
  const PatternUse& email = Use("email");
  const PatternUse& address = Use("address");
  auto channel = [&](std::string_view t) {
    return FindWith(phone, "phone", t) || FindWith(email, "email", t) || FindWith(address, "address", t);
  };
  const auto& ls = layout_.lines();
  const std::vector<bool> may_state = LineMaskWithAny(spec.phrases);
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (size_t k = 0; k < ls[i].segments.size(); ++k) {
      const Segment& s = ls[i].segments[k];
      if (s.toc) continue;
      bool heading =
          std::any_of(spec.headings.begin(), spec.headings.end(),
                      [&](const std::string& h) { return Layout::IsHeading(s, h, 4); });
      bool phrase = !heading && may_state[i] && ContainsAny(s.text, spec.phrases);
      if (!heading && !phrase) {
        if (FindWith(email, "email", s.text) || FindWith(address, "address", s.text)) {
          // A contact block without a title (a back page: 地址, 电话, Email on consecutive short
          // lines): two kinds of channel within four lines make it one; an address alone, or
          // channels inside running text (an investor-relations paragraph), is partial.
          bool has_phone = false, has_email = false, has_address = false;
          for (size_t j = i; j < ls.size() && j <= i + 3; ++j) {
            if (!layout_.IsBody(j) || IndexRow(j)) continue;
            std::string_view t = view_.substr(ls[j].begin, ls[j].end - ls[j].begin);
            if (Layout::CodePoints(t) > 40) continue;
            has_phone = has_phone || FindWith(phone, "phone", t);
            has_email = has_email || FindWith(email, "email", t);
            has_address = has_address || FindWith(address, "address", t);
          }
          const int kinds = int{has_phone} + int{has_email} + int{has_address};
          hits->push_back(MakeHit(s, kinds >= 2 ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
        }
        continue;
      }
      bool any = false;
      for (size_t j = i; j < ls.size() && j <= i + (heading ? 14 : 6); ++j) {
        if (!layout_.IsBody(j)) continue;
        for (size_t q = (j == i ? k : 0); q < ls[j].segments.size(); ++q) {
          const Segment& t = ls[j].segments[q];
          if (t.toc || !channel(t.text)) continue;
          // Quote the whole line: a letter-spaced label ("传   真:") is a cell of its own.
          Segment whole = t;
          whole.begin = ls[j].segments.front().begin;
          whole.end = ls[j].segments.back().end;
          hits->push_back(MakeHit(whole, ESGAUDIT_COVERED));
          break;
          any = true;
        }
      }
      if (!any) hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
    }
  }
}

bool NamesGroupsWithConcerns(std::string_view t, const std::vector<std::string>& groups) {
  // Each group counted needs a ':' after it (lower-casing keeps every ':' where it is).
  if (t.find(':') == std::string_view::npos) return false;
  std::string lower = sdk::HasCjk(t) ? std::string(t) : sdk::AsciiLower(t);
  size_t named = 0;
  for (const std::string& g : groups) {
    for (size_t at = lower.find(g); at != std::string::npos; at = lower.find(g, at + 1)) {
      size_t k = at + g.size();
      while (k < lower.size() && lower[k] == ' ') ++k;
      if (k < lower.size() && lower[k] == ':') {
        ++named;
        break;
      }
    }
  }
  return named >= 3;
}

void Analysis::Stakeholder(const ElementSpec& spec, std::vector<Hit>* hits) {
  // Engagement is how the company engages, not whom it names: a passage naming stakeholders is
  // covered when it (or the three lines after it: a heading's table header and first rows) gives a
  // column of channels or two different means of engagement (interviews, questionnaires, meetings…),
  // or one means together with what each group raised (a list of three or more groups, each with
  // its topics after a colon: "Investors: succession planning … Customers: …"). A list of groups
  // with their concerns alone, a heading, or one meeting is partial.
  const std::vector<std::string>& columns = Words(spec, "method_columns");
  const std::vector<std::string>& methods = Words(spec, "method_words");
  const std::vector<std::string>& groups = Words(spec, "group_words");
  // Three or more different groups, each directly followed by a colon.
  auto concerns = [&](std::string_view t) { return NamesGroupsWithConcerns(t, groups); };
  auto engages = [&](size_t line) {
    if (IndexRow(line)) return false;
    const auto& ls = layout_.lines();
    std::set<const std::string*> found;
    bool topics = false;
    // The line and the three non-blank body lines after it.
    for (size_t j = line, taken = 0; j < ls.size() && taken <= 3; ++j) {
      if (!layout_.IsBody(j)) continue;
      std::string_view t = view_.substr(ls[j].begin, ls[j].end - ls[j].begin);
      if (sdk::Trim(t).empty()) continue;
      ++taken;
      if (ContainsAny(t, columns)) return true;
      for (const std::string& m : methods)
        if (Contains(t, m)) found.insert(&m);
      topics = topics || concerns(t);
    }
    return found.size() >= 2 || (found.size() == 1 && topics);
  };
  std::vector<Hit> headings;
  Headings(spec.headings, &headings);
  for (Hit& h : headings) {
    size_t line = layout_.LineAt(h.begin);
    h.strength = line < layout_.lines().size() && engages(line) ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL;
    hits->push_back(h);
  }
  const auto& ls = layout_.lines();
  const std::vector<bool> may_name = LineMaskWithAny(spec.partial);
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i) || !may_name[i]) continue;
    const Segment* first = nullptr;
    for (const Segment& s : ls[i].segments)
      if (!s.toc && ContainsAny(s.text, spec.partial)) {
        first = &s;
        break;
      }
    if (!first) continue;
    hits->push_back(MakeHit(*first, engages(i) ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
  }
}

void Analysis::Subject(const ElementSpec& spec, std::vector<Hit>* hits) {
  const SubjectSpec& subject = *pack_.Subject(spec.subject);
  const auto& ls = layout_.lines();
  size_t covered = 0;
  bool any = false;
  // How many issues of all subjects a segment names: a summary
  // ("开展疫情防控、完善公司治理、保障员工 权益及安全生产…") names several, a section on the issue
  // one or two.
  // issue_index_ numbers every issue of every subject once (0 to its size less one) and each
  // segment's entry of issues_named_ holds a flag per number: the issues it names are its flags set
  // (one look-up of the segment, not two map look-ups per issue of the pack).
  auto breadth = [&](const Segment& s) -> size_t {
    const auto named = issues_named_.find(s.begin);
    if (named == issues_named_.end()) return 0;
    return static_cast<size_t>(std::count(named->second.begin(), named->second.end(), true));
  };
  for (const IssueSpec& issue : subject.issues) {
    IssueResult r;
    r.subject = &subject;
    r.issue = &issue;
    // Evidence rank: 0 a heading naming the issue, 1 a line of a section, 2 a summary line.
    std::vector<std::pair<int, const Segment*>> found;
    // Only the lines that name the issue (every line asked each issue twice a map lookup per segment).
    if (!issue_lines_made_) {
      issue_lines_.assign(issue_index_.size(), {});
      for (size_t i = 0; i < ls.size(); ++i) {
        for (const Segment& s : ls[i].segments) {
          auto named = issues_named_.find(s.begin);
          if (s.toc || named == issues_named_.end()) continue;
          for (size_t id = 0; id < named->second.size(); ++id) {
            std::vector<size_t>& lines = issue_lines_[id];
            if (named->second[id] && (lines.empty() || lines.back() != i)) lines.push_back(i);
          }
        }
      }
      issue_lines_made_ = true;
    }
    auto id = issue_index_.find(&issue);
    static const std::vector<size_t> kNone;
    for (size_t i : id == issue_index_.end() ? kNone : issue_lines_[id->second]) {
      if (!layout_.IsBody(i)) continue;
      const Segment* hit = nullptr;
      // SegmentNames(s, issue), the issue's number looked up once.
      for (const Segment& s : ls[i].segments) {
        if (s.toc) continue;
        const auto named = issues_named_.find(s.begin);
        if (named != issues_named_.end() && named->second[id->second]) {
          hit = &s;
          break;
        }
      }
      if (!hit) continue;
      ++r.lines;
      // A heading stands alone on its line and a paragraph follows: the next line with text is
      // one segment of prose (table cells and chart labels are followed by more cells).
      bool heading =
          !InTable(i) && ls[i].segments.size() == 1 &&
          std::any_of(issue.keywords.begin(), issue.keywords.end(),
                      [&](const std::string& kw) { return Layout::IsHeading(*hit, kw); });
      if (heading) {
        size_t j = i + 1;
        while (j < ls.size() && j <= i + 8 && ls[j].segments.empty()) ++j;
        heading = j < ls.size() && layout_.IsBody(j) && ls[j].segments.size() == 1 &&
                  Layout::CodePoints(ls[j].segments[0].text) >= kHeadingBody;
      }
      found.emplace_back(heading ? 0 : breadth(*hit) >= kSummaryIssues ? 2 : 1, hit);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& x, const auto& y) { return x.first < y.first; });
    if (found.size() > 3) found.resize(3);
    for (const auto& f : found) r.evidence.push_back(MakeHit(*f.second, ESGAUDIT_COVERED));
    r.status = r.lines >= 2 ? ESGAUDIT_COVERED : r.lines == 1 ? ESGAUDIT_PARTIAL : ESGAUDIT_MISSING;
    if (r.status == ESGAUDIT_COVERED) ++covered;
    if (r.status != ESGAUDIT_MISSING) {
      any = true;
      Hit h = r.evidence.front();
      h.quote = (english_ ? issue.title_en : issue.title_zh) + ": " + h.quote;
      h.strength = ESGAUDIT_PARTIAL;
      hits->push_back(h);
    }
    issues_.push_back(std::move(r));
  }
  std::vector<Hit> names;
  Phrases(subject.names, ESGAUDIT_PARTIAL, &names);
  if (!names.empty()) any = true;
  bool is_covered = subject.issues.size() == 1 ? covered == 1 : covered >= 2;
  if (is_covered) {
    for (Hit& h : *hits) h.strength = ESGAUDIT_COVERED;
  } else if (!any) {
    hits->clear();
  } else if (hits->empty()) {
    hits->push_back(names.front());
  }
}

void Analysis::KpiTable(const ElementSpec& spec, std::vector<Hit>* hits) {
  const auto& ls = layout_.lines();
  // Rows: a line (or an HTML <tr>) with at least two number cells and a label, or three numbers.
  // financial: a label cell names a financial-statement quantity (资产, 营业收入, 每股…). A table all
  // of whose rows are such is an extract of the financial statements, not the key performance table
  // GB/T 36001 asks for (non-financial indicators beside the financial ones): partial.
  const std::vector<std::string>& financial_words = Words(spec, "financial_words");
  struct Row {
    size_t line;
    bool years;
    bool financial;
  };
  std::vector<Row> rows;
  // Per line, emptied for each: their storage is made once, not per line.
  std::vector<std::pair<size_t, std::string_view>> cells;  // (offset in raw, text)
  std::vector<std::string_view> word_cells;
  std::vector<bool> html_financial;  // per qualifying <tr>
  for (size_t i = 0; i < ls.size(); ++i) {
    if (ls[i].toc_region) continue;
    const auto& segs = ls[i].segments;
    if (std::any_of(segs.begin(), segs.end(), [](const Segment& s) { return s.toc; })) continue;
    // Cells from the original text: the matching view folds the tabs of tab-separated tables.
    uint64_t tb = TextOffset(ls[i].begin), te = TextOffset(ls[i].end);
    std::string_view raw = doc_.Text().substr(tb, te > tb ? te - tb : 0);
    // Every row (number cells, year cells, a year series) needs an ASCII digit: a line without one
    // (most prose of a Chinese report) is not cut into cells.
    if (!HasAsciiDigit(raw)) continue;
    bool html = Contains(raw, "<tr");
    cells.clear();
    {
      size_t c = 0;
      while (c < raw.size()) {
        size_t e = KpiCellEnd(raw, c);
        std::string_view cell = raw.substr(c, e - c);
        while (!cell.empty() && cell.front() == ' ') cell.remove_prefix(1);
        while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
        if (!cell.empty()) cells.push_back({c + (cell.data() - raw.data() - c), cell});
        if (e < raw.size() && raw[e] == '<') {
          size_t close = raw.find('>', e);
          e = close == std::string_view::npos ? raw.size() : close + 1;
        } else if (e < raw.size() && IdeographicSpaceAt(raw, e)) {
          e += 3;
        } else if (e < raw.size()) {
          ++e;
        }
        c = e;
      }
    }
    // For HTML, count per <tr>: a row qualifies on its own, and the line holds many.
    // measures: number cells that are not bare 1-3 digit integers (a line of page numbers is no
    // row).
    size_t numbers = 0, labels = 0, years = 0, measures = 0, html_rows = 0, html_year_rows = 0;
    // The cells that may name a financial quantity, asked about only when the row qualifies: most
    // lines are prose (one long label cell) and are no row, so the word list is not run over them.
    word_cells.clear();
    auto financial = [&]() {
      return std::any_of(word_cells.begin(), word_cells.end(),
                         [&](std::string_view c) { return ContainsAny(c, financial_words); });
    };
    html_financial.clear();
    size_t next_tr = html ? raw.find("<tr") : std::string_view::npos;
    // An HTML <tr> is explicit table structure: one figure with its label is a row.
    auto close_row = [&]() {
      if (numbers >= 1 && labels >= 1) {
        ++html_rows;
        html_financial.push_back(financial());
      }
      if (years >= 2) ++html_year_rows;
      numbers = labels = years = 0;
      word_cells.clear();
    };
    for (const auto& cell : cells) {
      while (html && next_tr != std::string_view::npos && next_tr < cell.first) {
        close_row();
        next_tr = raw.find("<tr", next_tr + 3);
      }
      // No ASCII digit (find_first_of with a set calls memchr per byte of the cell).
      if (std::none_of(cell.second.begin(), cell.second.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (!Layout::CodePointsAtMost(cell.second, 1)) ++labels;
        word_cells.push_back(cell.second);
        continue;
      }
      // Both cell expressions need a digit after at most a prefix sign (or "FY") and spaces: a
      // cell that has none there (a sentence with a figure inside) is a label without asking them.
      if (!MayBeFigureCell(cell.second)) {
        if (!Layout::CodePointsAtMost(cell.second, 1)) {
          ++labels;
          word_cells.push_back(cell.second);
        }
        continue;
      }
      const std::string_view st = cell.second;
      if (IsYearCell(st))
        ++years;
      else if (IsNumberCell(st)) {
        ++numbers;
        if (st.size() > 3 || st.find_first_not_of("0123456789") != std::string_view::npos) ++measures;
      } else if (!Layout::CodePointsAtMost(cell.second, 1)) {
        ++labels;
        word_cells.push_back(cell.second);
      }
    }
    if (html) {
      close_row();
      for (size_t r = 0; r < html_rows; ++r) rows.push_back({i, false, html_financial[r]});
      if (html_year_rows) rows.push_back({i, true, false});
    } else if ((numbers >= 3 && (labels >= 1 || measures >= 1)) || (numbers >= 2 && labels >= 1) ||
               years >= 2) {
      rows.push_back({i, years >= 2, years < 2 && financial()});
    } else {
      // A year series written out on one line, as some exports print a chart or a table row
      // ("Total energy consumed : - In 2022 103,024 MWh - In 2021 102,778 MWh"): a row over years.
      const std::regex& kSeriesValue = Expressions().series_value;
      size_t values = 0;
      // Each value starts where SeriesValueStarts counts one: a line with fewer than two is
      // searched no further (most lines are prose, and the search runs from every byte).
      if (SeriesValueStarts(raw, 2) < 2) continue;
      for (auto it = std::cregex_iterator(raw.data(), raw.data() + raw.size(), kSeriesValue);
           it != std::cregex_iterator() && values < 2; ++it)
        ++values;
      if (values >= 2) rows.push_back({i, true, ContainsAny(raw, financial_words)});
    }
  }
  // Tables: three rows or more, at most two non-row lines between rows.
  for (size_t a = 0; a < rows.size();) {
    size_t b = a + 1;
    while (b < rows.size() && rows[b].line <= rows[b - 1].line + 3) ++b;
    if (b - a >= 3) {
      bool multi_year = false;
      size_t measured = 0, financial_rows = 0;  // rows of figures (not a header of years)
      for (size_t r = a; r < b; ++r) {
        multi_year = multi_year || rows[r].years;
        if (!rows[r].years) ++measured;
        if (rows[r].financial) ++financial_rows;
      }
      const bool financial_only = measured > 0 && financial_rows == measured;
      size_t first = rows[a].line;
      // A KPI heading in the ten lines before the table.
      const Segment* heading = nullptr;
      for (size_t j = first >= 10 ? first - 10 : 0; j <= first && !heading; ++j) {
        if (!layout_.IsBody(j)) continue;
        for (const Segment& s : ls[j].segments)
          if (!s.toc && Layout::CodePointsAtMost(s.text, 20) && ContainsAny(s.text, spec.headings))
            heading = &s;
      }
      const Segment* anchor = heading;
      if (!anchor)
        for (size_t j = first; j < ls.size() && !anchor; ++j)
          if (!ls[j].segments.empty()) anchor = &ls[j].segments[0];
      if (anchor) {
        Hit h = MakeHit(*anchor, (heading || multi_year) && !financial_only ? ESGAUDIT_COVERED
                                                                             : ESGAUDIT_PARTIAL);
        hits->push_back(h);
      }
    }
    a = b;
  }
  // A KPI caption over figures that are no table (an infographic, prose): partial.
  if (hits->empty()) {
    for (size_t i = 0; i < ls.size(); ++i) {
      if (!layout_.IsBody(i)) continue;
      for (const Segment& s : ls[i].segments)
        if (!s.toc && Layout::CodePointsAtMost(s.text, 20) && !Layout::IsProse(s.text) &&
            ContainsAny(s.text, spec.headings))
          hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
    }
  }
}

void Analysis::Letter(const ElementSpec& spec, std::vector<Hit>* hits) {
  Generic(spec, hits);
  // A letter printed without a title is known by where it stands and how it ends: a leader's
  // signature in the front of the report (its first tenth, at least its first 40 lines) closing at
  // least kLetterProse code points of prose within the kLetterLines lines above it.
  constexpr size_t kLetterProse = 300;
  constexpr size_t kLetterLines = 30;
  // Each English title's words, split once for all the lines asked.
  std::vector<std::vector<std::string_view>> titles_en;
  for (const std::string& t : Words(spec, "signature_titles_en")) titles_en.push_back(SpaceWords(t));
  const std::vector<std::string>& titles_zh = Words(spec, "signature_titles_zh");
  const auto& ls = layout_.lines();
  const size_t front = std::min(ls.size(), std::max<size_t>(ls.size() / 10, 40));
  for (size_t i = 0; i < front; ++i) {
    if (!layout_.IsBody(i) || InTable(i) || IndexRow(i) || ls[i].segments.empty()) continue;
    const Segment& last = ls[i].segments.back();
    if (last.toc || !EndsWithSignature(last.text, titles_en, titles_zh)) continue;
    size_t prose = 0;
    for (size_t j = i + 1; j-- > (i >= kLetterLines ? i - kLetterLines : 0) && prose < kLetterProse;) {
      if (!layout_.IsBody(j)) continue;
      for (const Segment& seg : ls[j].segments)
        if (!seg.toc && Layout::IsProse(seg.text)) prose += Layout::CodePoints(seg.text);
    }
    if (prose < kLetterProse) continue;
    hits->push_back(MakeHit(last, ESGAUDIT_COVERED));
    return;
  }
}

void Analysis::FutureGoals(std::vector<Hit>* hits) {
  // English goals set for a year after the report's, each with the progress made ("Goal: Reduce
  // emissions by 25 % by 2025 (from a 2019 base year). 2022 Progress: …"): the English form of a table
  // of later targets against the year's status. Two or more make the outlook; one alone is a passing
  // mention, and a goal repeated word for word counts once.
  constexpr size_t kMinGoals = 2;
  const int year = title_.found ? title_.last : period_.found ? period_.last : 0;
  if (year == 0) return;
  const std::regex& kGoal = Expressions().goal;
  const auto& ls = layout_.lines();
  std::set<std::string> goals;
  const Segment* first = nullptr;
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (const Segment& s : ls[i].segments) {
      if (s.toc || sdk::HasCjk(s.text)) continue;
      const std::string lower = sdk::AsciiLower(s.text);
      if (!Contains(lower, "by 19") && !Contains(lower, "by 20")) continue;
      // The progress is reported beside the goal: in its cell or on the next line.
      bool progress = Contains(lower, "progress");
      for (size_t j = i + 1; j < ls.size() && j <= i + 1 && !progress; ++j)
        for (const Segment& next : ls[j].segments) progress = progress || Contains(sdk::AsciiLower(next.text), "progress");
      if (!progress) continue;
      for (std::sregex_iterator it(lower.begin(), lower.end(), kGoal), end; it != end; ++it) {
        if (std::stoi((*it)[1].str()) <= year) continue;
        goals.insert(it->str());
        if (first == nullptr) first = &s;
      }
    }
  }
  if (goals.size() >= kMinGoals) hits->push_back(MakeHit(*first, ESGAUDIT_COVERED));
}

void Analysis::Outlook(const ElementSpec& spec, std::vector<Hit>* hits) {
  Headings(spec.headings, hits);
  // Closing words (结语) look back and promise to go on; an outlook gives plans. At most partial.
  std::vector<Hit> closing;
  Headings(spec.partial, &closing);
  for (Hit& h : closing) {
    h.strength = ESGAUDIT_PARTIAL;
    hits->push_back(h);
  }
  // "2017年展望", "2017年工作计划": the keyword ends the heading.
  const auto& lines = layout_.lines();
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!layout_.IsBody(i) || InTable(i)) continue;
    for (size_t k = 0; k < lines[i].segments.size(); ++k) {
      const Segment& s = lines[i].segments[k];
      std::string_view h = s.heading;
      if (s.toc || s.heading_code_points > 12 || Contains(h, ",") || Contains(h, "。")) continue;
      bool ends = false;
      for (const char* w : {"展望", "年工作计划", "年度工作计划", "年计划", "未来规划"})
        ends = ends || (h.size() > std::string_view(w).size() &&
                        h.substr(h.size() - std::string_view(w).size()) == w);
      // "2020年目标" over target rows: targets for a year after the report's are plans; the report
      // year's own targets are what it reports on.
      const std::regex& kFutureTarget = Expressions().future_target;
      std::cmatch target;
      const int year = title_.found ? title_.last : period_.found ? period_.last : 0;
      if (!ends && year > 0 && MayBeFutureTarget(h) && Search(h, kFutureTarget, &target) &&
          std::stoi(target[1].str()) > year)
        ends = true;
      if (!ends ||
          std::any_of(spec.headings.begin(), spec.headings.end(),
                      [&](const std::string& kw) { return Layout::IsHeading(s, kw); }))
        continue;
      hits->push_back(
          MakeHit(s, layout_.ProseAfter(i, k, 15) >= 30 ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
    }
  }
  for (Hit& h : *hits)
    if (h.strength != ESGAUDIT_COVERED) h.strength = ESGAUDIT_PARTIAL;
  FutureGoals(hits);
  const auto& ls = layout_.lines();
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (const Segment& s : ls[i].segments)
      if (!s.toc &&
          (Contains(s.text, "未来") || Contains(s.text, "将") || Contains(s.text, "继续") ||
           Contains(s.text, "计划")) &&
          Find("outlook_sentence", s.text))
        hits->push_back(MakeHit(s, ESGAUDIT_PARTIAL));
  }
}

void Analysis::Index(const ElementSpec& spec, std::vector<Hit>* hits) {
  const std::regex& code = pack_.Pattern("index_code");
  const auto& ls = layout_.lines();
  // The content-index regions the structure model found (five or more rows of disclosure codes,
  // with their title): the index itself. Their lines are no body text, so the heading search below
  // does not see them.
  for (uint32_t r = 0; r < doc_.IndexRegionCount(); ++r) {
    esgaudit_index_region region = doc_.IndexRegion(r);
    for (uint32_t i = region.first_line; i <= region.last_line && i < ls.size(); ++i) {
      if (ls[i].segments.empty()) continue;
      hits->push_back(MakeHit(ls[i].segments.front(), ESGAUDIT_COVERED));
      break;
    }
  }
  // Each line's codes, counted up to five once however many headings look below them (-1: not yet).
  std::vector<int8_t> line_codes(ls.size(), -1);
  auto codes_on = [&](size_t j) {
    if (line_codes[j] < 0) {
      std::string_view t = view_.substr(ls[j].begin, ls[j].end - ls[j].begin);
      int8_t n = 0;
      for (auto it = std::cregex_iterator(t.data(), t.data() + t.size(), code); it != std::cregex_iterator() && n < 5;
           ++it)
        ++n;
      line_codes[j] = n;
    }
    return static_cast<size_t>(line_codes[j]);
  };
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (const Segment& s : ls[i].segments) {
      if (s.toc) continue;
      // "GRI (G4)指标索引", "HK-ESG指标索引": the keyword may end the heading.
      std::string_view h = s.heading;
      bool heading =
          std::any_of(spec.headings.begin(), spec.headings.end(),
                      [&](const std::string& k) { return Layout::IsHeading(s, k); }) ||
          (Layout::CodePoints(h) <= 16 && !Layout::IsProse(h) && !Contains(h, ",") &&
           (Contains(h, "索引") || Contains(h, "对照表")));
      if (!heading) continue;
      // Index rows look like TOC entries (code, title, page): count codes on any non-header line of
      // the 80 below, up to five (the lines past the fifth code are not searched).
      size_t codes = 0;
      for (size_t j = i + 1; j < ls.size() && j <= i + 80 && codes < 5; ++j) {
        if (!ls[j].running_header) codes += codes_on(j);
      }
      hits->push_back(MakeHit(s, codes >= 5 ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL));
    }
  }
}

void Analysis::ReviewerComment(const ElementSpec& spec, std::vector<Hit>* hits) {
  // An outside reviewer's comment on the report whose title was lost: a passage about the report (it
  // names 报告 at least kReportWords times in at least kCommentProse code points of prose within the
  // kCommentLines lines above) closed by a signature with a reviewer's title ("某协会研究部主任李四").
  constexpr size_t kCommentProse = 300;
  constexpr size_t kCommentLines = 40;
  constexpr size_t kReportWords = 3;
  const std::vector<std::string>& titles = Words(spec, "reviewer_titles_zh");
  if (titles.empty()) return;
  const auto& ls = layout_.lines();
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i) || InTable(i) || IndexRow(i) || ls[i].segments.size() != 1) continue;
    const Segment& sig = ls[i].segments.front();
    if (sig.toc || !EndsWithTitledName(sig.text, titles, 20)) continue;
    size_t prose = 0;
    size_t report = 0;
    for (size_t j = i; j-- > (i >= kCommentLines ? i - kCommentLines : 0);) {
      if (!layout_.IsBody(j) || IndexRow(j)) continue;
      for (const Segment& seg : ls[j].segments) {
        if (seg.toc || !Layout::IsProse(seg.text)) continue;
        prose += Layout::CodePoints(seg.text);
        for (size_t p = seg.text.find("报告"); p != std::string_view::npos; p = seg.text.find("报告", p + 1)) ++report;
      }
    }
    if (prose >= kCommentProse && report >= kReportWords) hits->push_back(MakeHit(sig, ESGAUDIT_COVERED));
  }
}

void Analysis::Assurance(const ElementSpec& spec, std::vector<Hit>* hits) {
  std::vector<Hit> found;
  Headings(spec.headings, &found);
  ReviewerComment(spec, &found);
  Phrases(spec.phrases, ESGAUDIT_COVERED, &found);
  Phrases(spec.partial, ESGAUDIT_PARTIAL, &found);
  for (Hit& h : found) {
    std::string_view t = view_.substr(h.begin, h.end - h.begin);
    if (Find("negation", t)) continue;
    hits->push_back(h);
  }
}

void Analysis::Feedback(const ElementSpec& spec, std::vector<Hit>* hits) {
  // Feedback needs a form: a feedback heading, a form's name or an invitation to comment on the
  // report followed by questions to the reader or boxes to tick. Without one (a heading over a request
  // to fill a form the text does not hold, an invitation with a phone number or an email address) it
  // is partial: a channel for questions, which report-contact already counts.
  std::vector<Hit> found;
  Headings(spec.headings, &found);
  Phrases(spec.phrases, ESGAUDIT_COVERED, &found);
  const auto& ls = layout_.lines();
  const PatternUse& feedback = Use("report_feedback");  // looked up once, asked of every body segment
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i)) continue;
    for (const Segment& s : ls[i].segments)
      if (!s.toc && FindWith(feedback, "report_feedback", s.text))
        found.push_back(MakeHit(s, ESGAUDIT_PARTIAL));
  }
  // The form itself, when its heading is lost (OCR): a question to the reader about the report
  // ("您对本报告的总体评价") that starts a run of questions or boxes.
  const std::vector<std::string>& form = Words(spec, "form_words");
  for (size_t i = 0; i < ls.size(); ++i) {
    if (!layout_.IsBody(i) || IndexRow(i)) continue;
    const Segment* question = nullptr;
    for (const Segment& s : ls[i].segments)
      if (!s.toc && Contains(s.text, "报告") && ContainsAny(s.text, form)) question = &s;
    if (question && FormAfter(spec, i, 40)) {
      found.push_back(MakeHit(*question, ESGAUDIT_COVERED));
      break;
    }
  }
  for (Hit& h : found) {
    const size_t line = layout_.LineAt(h.begin);
    const bool form = line < ls.size() && !IndexRow(line) && FormAfter(spec, line, 40);
    h.strength = form ? ESGAUDIT_COVERED : ESGAUDIT_PARTIAL;
    hits->push_back(h);
  }
  // A channel for questions about the report is not an invitation to give feedback.
  if (hits->empty()) {
    const ElementResult* contact = Element("report-contact");
    if (contact && contact->status == ESGAUDIT_COVERED)
      for (const Evidence& e : contact->evidence) {
        Hit h = e;
        h.strength = ESGAUDIT_PARTIAL;
        hits->push_back(h);
      }
  }
}

void Analysis::Abbreviations() {
  static const std::vector<std::string> kHeadings = {
      "企业称谓说明", "称谓说明", "简称说明", "企业简称", "释义", "简称对照", "称谓"};
  static const std::vector<std::string> kSuffix = {"公司", "集团", "厂", "银行", "分行"};
  const auto& ls = layout_.lines();
  auto is_full = [&](std::string_view t) {
    if (Layout::CodePoints(t) < 5 || Contains(t, "、") || Contains(t, ",")) return false;
    return std::any_of(kSuffix.begin(), kSuffix.end(), [&](const std::string& x) {
      return t.size() >= x.size() && t.substr(t.size() - x.size()) == x;
    });
  };
  // Several short names may share a row: "富祥(山东)、奥通药业".
  auto is_short = [&](std::string_view t) {
    return Layout::CodePoints(t) >= 2 && Layout::CodePoints(t) <= 16 && !is_full(t);
  };
  // Cells grouped by table row: an HTML line holds many <tr>, a layout line is one row.
  auto rows_of = [&](size_t j) {
    std::vector<std::vector<const Segment*>> rows(1);
    std::string_view raw = view_.substr(ls[j].begin, ls[j].end - ls[j].begin);
    size_t next_tr = raw.find("<tr");
    for (const Segment& s : ls[j].segments) {
      bool new_row = false;
      while (next_tr != std::string_view::npos && ls[j].begin + next_tr < s.begin) {
        new_row = true;
        next_tr = raw.find("<tr", next_tr + 3);
      }
      if (new_row && !rows.back().empty()) rows.emplace_back();
      rows.back().push_back(&s);
    }
    return rows;
  };
  auto scan = [&](size_t from, size_t to) {
    size_t misses = 0;
    for (size_t j = from; j < ls.size() && j <= to && misses < 12; ++j) {
      if (ls[j].running_header) continue;
      bool any = false;
      for (const auto& row : rows_of(j)) {
        for (size_t q = 0; q + 1 < row.size(); ++q) {
          const Segment* a = row[q];
          const Segment* b = row[q + 1];
          const Segment* full = is_full(a->text) && is_short(b->text)   ? a
                                : is_short(a->text) && is_full(b->text) ? b
                                                                        : nullptr;
          if (!full) continue;
          const Segment* short_seg = full == a ? b : a;
          Abbreviation ab;
          ab.full = std::string(full->text);
          ab.short_name = std::string(short_seg->text);
          ab.where = MakeHit(*a, ESGAUDIT_COVERED);
          ab.where.end = b->end;
          ab.where.quote = ShortQuote(std::string(a->text) + " " + std::string(b->text));
          abbreviations_.push_back(std::move(ab));
          any = true;
          break;
        }
      }
      misses = any ? 0 : misses + (ls[j].segments.empty() ? 0 : 1);
    }
  };
  for (size_t i = 0; i < ls.size() && abbreviations_.empty(); ++i) {
    if (!layout_.IsBody(i)) continue;
    const Segment* heading = nullptr;
    for (const Segment& s : ls[i].segments)
      for (const std::string& h : kHeadings)
        if (!s.toc && Layout::IsHeading(s, h, 4)) heading = &s;
    if (!heading) continue;
    abbreviations_heading_ = MakeHit(*heading, ESGAUDIT_COVERED);
    scan(i + 1, i + 80);
    // Layout extraction sometimes puts the caption after its table.
    if (abbreviations_.empty()) scan(i >= 12 ? i - 12 : 0, i - 1);
    if (abbreviations_.empty()) abbreviations_heading_ = Evidence();
  }
}

}  // namespace esgaudit::gbt36001
