// The per-document GB/T 36001 analysis shared by the coverage pass and the consistency rules
// (built once per document through sdk::Context::Shared): which report elements and core subjects
// the report covers and where, the stated period, the title year, the scope statement, the entity
// abbreviations table and the place where the report cites GB/T 36001 as its basis.
#ifndef ESGAUDIT_PLUGINS_GBT36001_ANALYSIS_H_
#define ESGAUDIT_PLUGINS_GBT36001_ANALYSIS_H_

#include <esgaudit/plugin.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout.h"
#include "rule_pack.h"

namespace esgaudit::gbt36001 {

// A piece of evidence, in view offsets, with a short quote.
struct Evidence {
  uint64_t begin = 0;
  uint64_t end = 0;
  std::string quote;
  esgaudit_coverage_status strength = ESGAUDIT_PARTIAL;  // what it proves on its own
};

struct ElementResult {
  const ElementSpec* spec = nullptr;
  esgaudit_coverage_status status = ESGAUDIT_MISSING;
  std::vector<Evidence> evidence;  // document order, at most a few
};

struct IssueResult {
  const SubjectSpec* subject = nullptr;
  const IssueSpec* issue = nullptr;
  esgaudit_coverage_status status = ESGAUDIT_MISSING;
  size_t lines = 0;  // body lines mentioning the issue
  std::vector<Evidence> evidence;
};

struct YearSpan {
  bool found = false;
  int first = 0;  // first and last year of the span (equal for one year)
  int last = 0;
  Evidence where;
};

struct Abbreviation {
  std::string full;        // 云南文山铝业有限公司
  std::string short_name;  // 云铝文山
  Evidence where;
};

class Analysis {
 public:
  // Loads the rule pack (sdk::ConfigError when it is bad) and analyses `doc`.
  Analysis(const sdk::Document& doc, const sdk::Context& ctx);
  // Not copied: Use's cache points into pattern_uses_.
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;

  const RulePack& pack() const { return pack_; }
  const Layout& layout() const { return layout_; }
  const std::vector<ElementResult>& elements() const { return elements_; }
  const std::vector<IssueResult>& issues() const { return issues_; }
  const ElementResult* Element(const std::string& id) const;

  // The reporting period as the structure model read it (a date range, a whole year, a range
  // whose start is unreadable), when the report states one; its quote is the statement's words.
  const YearSpan& period() const { return period_; }
  // The year in the report's title ("2020年社会责任报告"), from the structure model.
  const YearSpan& title() const { return title_; }
  // Where the report cites GB/T 36001 as its basis; found() false when it does not.
  const YearSpan& basis_citation() const { return basis_citation_; }
  // The scope statement (heading and its body), when the report has one.
  const Evidence* scope() const { return scope_.end > scope_.begin ? &scope_ : nullptr; }
  const std::string& scope_text() const { return scope_text_; }
  // Rows of the entity abbreviations table (企业称谓说明 / 释义) that name companies.
  const std::vector<Abbreviation>& abbreviations() const { return abbreviations_; }
  const Evidence* abbreviations_heading() const {
    return abbreviations_heading_.end > abbreviations_heading_.begin ? &abbreviations_heading_
                                                                     : nullptr;
  }

  // Text offsets of view offsets.
  uint64_t TextOffset(uint64_t view_offset) const { return doc_.ViewToText(view_offset); }
  bool English() const { return english_; }

 private:
  using Hit = Evidence;
  void Evaluate(const ElementSpec& spec, ElementResult* out);
  void Generic(const ElementSpec& spec, std::vector<Hit>* hits);
  // The period and title year from the structure model: a statement of the period covers the
  // element, the title year alone (or a date range met outside a statement) is partial.
  void Period(std::vector<Hit>* hits);
  void Scope(const ElementSpec& spec, std::vector<Hit>* hits);
  void Basis(const ElementSpec& spec, std::vector<Hit>* hits);
  void Cycle(const ElementSpec& spec, std::vector<Hit>* hits);
  void Contact(const ElementSpec& spec, std::vector<Hit>* hits);
  void Stakeholder(const ElementSpec& spec, std::vector<Hit>* hits);
  void Subject(const ElementSpec& spec, std::vector<Hit>* hits);
  void KpiTable(const ElementSpec& spec, std::vector<Hit>* hits);
  void Outlook(const ElementSpec& spec, std::vector<Hit>* hits);
  // Goals for a year after the report's, stated with their progress (English reports).
  void FutureGoals(std::vector<Hit>* hits);
  void Index(const ElementSpec& spec, std::vector<Hit>* hits);
  void Assurance(const ElementSpec& spec, std::vector<Hit>* hits);
  // An outside reviewer's signed comment on the report, found by its signature when its title is lost.
  void ReviewerComment(const ElementSpec& spec, std::vector<Hit>* hits);
  void Feedback(const ElementSpec& spec, std::vector<Hit>* hits);
  // The letter's titles (Generic), and a letter without a title closed by a leader's signature.
  void Letter(const ElementSpec& spec, std::vector<Hit>* hits);
  void Abbreviations();

  // English section titles holding one of the element's "headings_en" (lower case, any case in the
  // text): a short title of words only, without sentence punctuation; covered with a body after it,
  // partial without.
  void EnglishHeadings(const ElementSpec& spec, std::vector<Hit>* hits);
  // Headings of `keywords` in body text: covered with a body after them, partial without.
  void Headings(const std::vector<std::string>& keywords, std::vector<Hit>* hits,
                size_t min_prose = 30);
  // Body segments containing one of `keywords`, with the given strength.
  void Phrases(const std::vector<std::string>& keywords, esgaudit_coverage_status strength,
               std::vector<Hit>* hits);
  Hit MakeHit(const Segment& s, esgaudit_coverage_status strength) const;
  bool InTable(size_t line) const;  // an HTML table row line (read once per line, then from in_table_)
  // Whether `line` is a row of a content index (inside one of the structure model's index regions, or
  // carrying a disclosure code or a trailing page reference): the company's claim of where a topic
  // is treated, so evidence for it is at most partial.
  // Read once per line, then from index_row_ (ReadIndexRow).
  bool IndexRow(size_t line) const;
  bool ReadIndexRow(size_t line) const;
  // Whether a reader feedback form (questions to the reader, boxes to tick) begins within `lines`
  // body lines after `line`.
  bool FormAfter(const ElementSpec& spec, size_t line, size_t lines) const;
  const Segment* SegmentAt(uint64_t view_offset) const;  // the body or TOC cell holding it, if any
  // The segment whose trimmed text holds the whole match (a scan hit), if any.
  const Segment* SegmentHolding(const esgaudit_match& m) const;
  // First body segment at or after (line, seg) within `lines` lines matching `re`; nullptr if none.
  const Segment* FindAfter(size_t line, size_t seg, size_t lines, const std::regex& re,
                           bool skip_toc = true) const;

  // Search with the pack's pattern `name` over `text`, a piece of the matching view: the same answer
  // as Search(text, pack_.Pattern(name), m), without running std::regex where the document's
  // Hyperscan pass for that pattern found no match ending inside `text`, or, for a pattern that pass
  // cannot take, where `text` lacks what every match holds (pack_.PatternLiterals(name)).
  bool Find(std::string_view name, std::string_view text, std::cmatch* m = nullptr) const;
  // The view offsets where matches of pattern `name` end, sorted; nullptr when the pattern cannot be
  // prefiltered so (PrefilterSource) and must always be tried.
  const std::vector<uint64_t>* MatchEnds(std::string_view name) const;
  // What Find needs of pattern `name`, looked up once per document: its match ends (MatchEnds), and
  // the pack's expression and required literals, taken on first use.
  struct PatternUse {
    std::optional<std::vector<uint64_t>> ends;  // empty: not prefiltered
    mutable const std::regex* pattern = nullptr;
    mutable const RequiredLiterals* literals = nullptr;
  };
  const PatternUse& Use(std::string_view name) const;
  // Find with `use` looked up by the caller: REQUIRES use == Use(name). A detector asking one
  // pattern of every segment looks it up once.
  bool FindWith(const PatternUse& use, std::string_view name, std::string_view text, std::cmatch* m = nullptr) const;

  // Whether segment `s` contains one of the keywords of issue `issue` (as ContainsAny would say),
  // from IndexIssueKeywords' one scan of the view (PackScans::word_scan, which finds the phrases
  // IndexPhrases reads too: their matches are kept for it in phrase_matches_).
  bool SegmentNames(const Segment& s, const IssueSpec& issue) const;
  void IndexIssueKeywords();
  // The lines (layout_.lines() indices, ascending) with a segment holding one of `keywords`: those
  // Phrases needs to read. From one scan of the view for every phrase of the elements (phrases,
  // partial) and every subject's name, made on first use (IndexPhrases); every line when a keyword
  // was not indexed.
  std::vector<size_t> LinesWithAny(const std::vector<std::string>& keywords);
  // The same as a mask over layout_.lines(): false for a line none of whose segments holds one of
  // `keywords`, where ContainsAny(segment text, keywords) need not be asked.
  std::vector<bool> LineMaskWithAny(const std::vector<std::string>& keywords);
  void IndexPhrases();

  const sdk::Document& doc_;
  bool english_;
  std::shared_ptr<const RulePack> pack_data_;  // read once per process (CachedRuleData)
  const RulePack& pack_;
  std::string_view view_;
  Layout layout_;
  std::vector<ElementResult> elements_;
  std::vector<IssueResult> issues_;
  std::map<const IssueSpec*, uint32_t> issue_index_;
  // Per segment (keyed by its view start) with a keyword, the issues it names; bit i = issue i.
  std::map<uint64_t, std::vector<bool>> issues_named_;
  // Per issue id, the lines (ascending) with a segment outside a TOC that names it; made on first use.
  std::vector<std::vector<size_t>> issue_lines_;
  bool issue_lines_made_ = false;
  // Use per pattern name, made on first use.
  mutable std::map<std::string, PatternUse, std::less<>> pattern_uses_;
  mutable bool match_ends_scanned_ = false;  // the one scan of every prefiltered expression was made
  // The entries of pattern_uses_ Use has returned, by name (map nodes stay put, so the views and
  // pointers stay valid), and the one it returned last: detectors ask one name for segment after
  // segment.
  mutable std::vector<std::pair<std::string_view, const PatternUse*>> asked_;
  mutable std::string_view last_use_name_;
  mutable const PatternUse* last_use_ = nullptr;
  // Per layout line, InTable's answer: 0 not yet asked, 1 no, 2 yes (detectors ask it of every body
  // line, once per element).
  mutable std::vector<int8_t> in_table_;
  // Per layout line, IndexRow's answer, kept as in_table_ (the reviewer's comment and the feedback
  // form ask it of every body line, the headings of theirs and the phrases of every hit).
  mutable std::vector<int8_t> index_row_;
  // Use("index_row"), taken by ReadIndexRow's first call (it asks the pattern of every body line).
  mutable const PatternUse* index_row_use_ = nullptr;
  // Headings' candidate segments, indexed on its first call, and each one's (line, segment).
  std::unique_ptr<HeadingIndex> heading_index_;
  std::vector<std::pair<size_t, size_t>> heading_at_;
  // EnglishHeadings' candidates: the body segments outside tables that read as English titles, in
  // line order, with their heading lower-cased; found on its first call.
  struct EnglishTitle {
    size_t line;
    size_t segment;
    std::string lower;
  };
  std::vector<EnglishTitle> english_titles_;
  bool english_titles_made_ = false;
  bool phrases_indexed_ = false;
  // The phrases' matches of IndexIssueKeywords' scan, each numbered in PackScans::phrases; read and
  // freed by IndexPhrases.
  std::vector<esgaudit_match> phrase_matches_;
  // Per PackScans::english_lists entry, the view offsets where IndexIssueKeywords' scan found one of
  // its phrases (any case) starting: Scope's CaselessStarts, taken from here.
  std::vector<std::vector<uint64_t>> english_starts_;
  std::map<std::string, std::vector<size_t>> phrase_lines_;  // per indexed phrase, LinesWithAny's lines
  YearSpan period_;
  YearSpan title_;
  YearSpan basis_citation_;
  Evidence scope_;
  std::string scope_text_;
  std::vector<Abbreviation> abbreviations_;
  Evidence abbreviations_heading_;
};

// Whether Hyperscan's matches of regular expression `re` over the whole matching view (UTF-8,
// Unicode classes) include every match std::regex finds inside a piece of it, so that a piece where
// no Hyperscan match ends cannot match. Not so with anchors, word boundaries and lookaround (a
// piece's edges are not the view's), backreferences, and what std::regex reads byte by byte but
// Hyperscan by code point: `.`, negated classes, a bracket class holding non-ASCII characters.
bool MayPrefilter(std::string_view re);
// The expression Hyperscan runs to prefilter `re` (as above), or "" if none: `re` without its end
// anchors `$` (dropping one only adds matches, and a match std::regex finds at a piece's end is
// still reported where it ends), with \d and \s written out as the ASCII classes std::regex reads
// them as in the C locale (no part of the program sets another).
std::string PrefilterSource(std::string_view re);
// Every named expression of `pack` that can be prefiltered, with its PrefilterSource, in the pack's
// order: MatchEnds scans them all in one pass of the view (each alone only when Hyperscan refuses
// the set).
std::vector<std::pair<std::string, std::string>> PrefilterSources(const RulePack& pack);

// How many places of `s`, at most `enough`, hold "In", one or more spaces (std::regex's \s in the C
// locale) and a year 19dd or 20dd: every match of KpiTable's year-series value ("In 2022 103,024")
// holds its own, so a line with fewer than two holds fewer than two values and is not searched.
size_t SeriesValueStarts(std::string_view s, size_t enough);
// KpiTable's year-series value expression (compiled on first use, as the detectors' others).
const std::regex& SeriesValueExpression();
// False only when Outlook's future-target expression ("2020年目标", anchored at both ends) cannot
// match heading `h`: it starts with 19 or 20 and ends with 目标. Outlook asks it of every short
// heading before the search.
bool MayBeFutureTarget(std::string_view h);
const std::regex& FutureTargetExpression();

// Where a caseless scan of the matching view (ASCII letters in either case) finds one of `words`:
// Scope asks it before it lower-cases a segment to look for its English phrases in it, which most
// segments do not hold. A piece of the view whose ASCII-lower-cased text holds one of the words
// (lower case) holds the start of a match, so MayHoldOne answers false only where that search fails.
class CaselessStarts {
 public:
  // Scans `doc`'s view once for every word of `words` (none when a word is empty: then every piece
  // may hold one, as every text holds "").
  CaselessStarts(const sdk::Document& doc, const std::vector<std::string>& words);
  // From the starts of those matches found by another scan (PackScans::word_scan), in any order.
  explicit CaselessStarts(std::vector<uint64_t> starts);
  // False only when no match starts at view offsets [begin, end).
  bool MayHoldOne(uint64_t begin, uint64_t end) const;

 private:
  bool all_ = false;
  std::vector<uint64_t> starts_;  // ascending
};
// Each word as a caseless literal pattern, in order (the same set for every document: the host
// compiles it once).
std::vector<esgaudit_pattern> CaselessLiterals(const std::vector<std::string>& words);

// Whether `t` names three or more of `groups` (lower-case words) each directly followed by a colon
// (spaces between allowed), ASCII lower-cased first unless `t` holds CJK: the stakeholder element's
// groups with their concerns ("Investors: … Customers: …"). A text without an ASCII colon is answered
// without the copy and the searches.
bool NamesGroupsWithConcerns(std::string_view t, const std::vector<std::string>& groups);

// The scans' word lists, functions of the rule pack alone: every subject issue's keywords, each
// once, in the pack's order (IndexIssueKeywords), and every element phrase (full and partial) and
// subject name, sorted (IndexPhrases).
std::vector<std::string> IssueKeywords(const RulePack& pack);
std::vector<std::string> PackPhrases(const RulePack& pack);
// Those lists, the prefilter sources (PrefilterSources) and their scans' patterns, made once per
// rule pack in this process and shared after that (each document built them again): PrepareScans
// makes them, so an isolated batch's children inherit them. Thread-safe; read-only once made.
struct PackScans {
  std::vector<std::string> issue_keywords;  // IssueKeywords
  // Per issue keyword, the issues listing it, numbered over the subjects' issues in the pack's order.
  std::vector<std::vector<uint32_t>> issues_of;
  std::vector<std::string> phrases;         // PackPhrases
  std::vector<std::pair<std::string, std::string>> prefilter_sources;  // PrefilterSources
  // One literal per issue keyword, then one per phrase, then each element's English phrases as
  // caseless literals (word_scan: one pass of the view finds them all, a match's pattern below
  // issue_keywords.size() a keyword's, then below english_begin a phrase's, the rest an English
  // phrase's), and one expression per prefilter source, in the lists' order; they point into the lists
  // above and the pack's. prefilter_bytes holds the same expressions with
  // ESGAUDIT_PATTERN_PREFILTER: read over bytes with no match start tracked, they report every end
  // the exact ones report (std::regex reads the same bytes), and may report more.
  std::vector<esgaudit_pattern> word_scan, prefilter_scan, prefilter_bytes;
  // Where word_scan's English phrases start, and per element with "phrases_en" (none empty), its list
  // (the pack's, by address) and the word_scan index of its first phrase; the lists follow each other.
  uint32_t english_begin = 0;
  std::vector<std::pair<const std::vector<std::string>*, uint32_t>> english_lists;
  // The prefilter set a scan of `doc` uses: prefilter_bytes where the host reads that flag, else
  // prefilter_scan. Only where a match ends is read, and Find runs std::regex after it.
  const std::vector<esgaudit_pattern>& PrefilterScan(const sdk::Document& doc) const;
  static std::shared_ptr<const PackScans> Of(const std::shared_ptr<const RulePack>& pack);
};
// Reads the rule pack and compiles the scans a document makes of it (the word lists, and each
// named expression's prefilter, MatchEnds): the preparation runs it before an isolated batch forks,
// so that no child compiles them.
void PrepareScans(const sdk::Document& doc);

// KpiTable's cells, whole: a figure `(?:~|约|≈|<|>|≥|≤|\+|-)?\s*\d[\d,]*(?:\.\d+)?\s*(?:%|‰)?\s*[^\d\s]{0,12}`
// (a unit of at most 12 bytes after it) and a year `(?:FY)?\s*(?:19|20)\d\d\s*(?:年|年度)?`, as std::regex_match
// reads those expressions over bytes: \d an ASCII digit, \s ' ' and '\t' to '\r'.
bool IsNumberCell(std::string_view cell);
bool IsYearCell(std::string_view cell);
// KpiTable's cut of a line into cells: the first offset from `from` on where a tab, '<', '|', two
// spaces or an ideographic space (U+3000) ends the cell, or `line.size()`.
size_t KpiCellEnd(std::string_view line, size_t from);
// Whether `s` holds an ASCII digit (KpiTable cuts no line without one).
bool HasAsciiDigit(std::string_view s);

// Quote of at most `max_code_points` code points, "…" appended when cut.
std::string ShortQuote(std::string_view s, size_t max_code_points = 40);
// ShortQuote of `original` with its runs of whitespace folded to one space and its trailing space
// dropped; of a long text only as much is folded as the quote can show.
std::string FoldedQuote(std::string_view original, size_t max_code_points = 40);

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_ANALYSIS_H_
