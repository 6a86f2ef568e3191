// GriAnalysis: everything the GRI rules and the coverage pass share about one document — the
// catalogue, which lines may serve as evidence, the evidence and status of every disclosure, the
// report's GRI claim, its year, its own content index and the legacy ids it cites.
#ifndef ESGAUDIT_PLUGINS_GRI_ANALYSIS_H_
#define ESGAUDIT_PLUGINS_GRI_ANALYSIS_H_

#include <esgaudit/plugin.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogue.h"
#include "gri_ids.h"
#include "text_match.h"

namespace esgaudit::gri {

// A span of the document text, and where its short quote is (GriAnalysis::QuoteOf makes it: a
// report's coverage quotes three of a disclosure's up to forty mentions and data points).
struct Evidence {
  uint64_t offset = 0;  // text offsets
  uint64_t length = 0;
  uint32_t line = 0;
  bool data = false;  // a required data point (numeric fact), not just a mention
  uint64_t quote_pos = 0;  // the quoted match, in bytes of the line's matching view
  uint64_t quote_len = 0;
};

// Why a disclosure is only partial; kNone for covered and missing ones.
enum class PartialReason {
  kNone = 0,
  kNoDataPoint,    // mentioned, but some required data point (a figure) was not found
  kNoPassage,      // mentioned only in headings, slogans or other short lines, never in a passage
  kIndexOnly,      // only the report's own content index lists it
  kNoAudience,     // treated in passages, none of which names whom it concerns (Disclosure::with)
};

struct DisclosureResult {
  esgaudit_coverage_status status = ESGAUDIT_MISSING;
  PartialReason reason = PartialReason::kNone;
  std::vector<Evidence> evidence;  // mentions and data points in text order (capped)
  std::set<uint32_t> pages;        // pages with any evidence or the disclosure's title (loose)
  // Evidence other than the report's own index row: the report text says something about it.
  bool Evidenced() const { return status != ESGAUDIT_MISSING && reason != PartialReason::kIndexOnly; }
};

enum class Claim { kNone = 0, kReference = 1, kAccordance = 2 };

struct IndexRow {
  uint32_t line = 0;
  uint64_t offset = 0;  // text span of the id as printed
  uint64_t length = 0;
  std::string cited;  // "G4-LA1", "305-1"
  Resolution resolved;
  std::vector<uint32_t> pages;  // printed page numbers cited in the row's page cell
  bool omitted = false;  // the row's last cell says it is not reported ("-", 无, 不适用, n/a)
  bool points = false;   // it names a page or section (a row with its title only points nowhere)
  std::string reference;  // its last cell, lower-cased: the page or section it points to
};

struct LegacyCitation {
  uint64_t offset = 0;
  uint64_t length = 0;
  bool in_index = false;  // a row of the report's content index
  std::string cited;
  Resolution resolved;
};

// What FindEvidence scans the view for, made once per catalogue (a function of it alone): the
// distinct parts of the disclosures' mention patterns ("a&b" has parts a and b) and their titles
// (Chinese, lower-cased English), which patterns use each part, and the scan's pattern list.
struct MentionParts {
  std::vector<std::string> parts;
  std::vector<std::vector<std::vector<uint32_t>>> pattern_parts;  // [disclosure][pattern] -> parts
  std::vector<std::vector<uint32_t>> title_parts;                 // [disclosure] -> parts
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> users;  // part -> (disclosure, pattern)
  std::vector<bool> is_title;                                     // part -> a title
  std::vector<esgaudit_pattern> scan;  // one caseless literal per part; points into `parts`
  // The tables of `catalogue`, made on the first call for it in this process. Thread-safe.
  static std::shared_ptr<const MentionParts> Of(const std::shared_ptr<const Catalogue>& catalogue);
};

// What FindEvidence asks of each figure about the disclosures' data needs, made once per catalogue:
// every need with data, in catalogue order (disclosure, then need), with the fact kinds it accepts as
// a bit mask and its units, "unless" words and labels as indices into lists of distinct strings, so
// that a figure asks each distinct question once however many needs share it (a unit such as "吨",
// a word such as "培训" recurs across many needs).
struct NeedWords {
  struct Need {
    uint32_t disclosure = 0;
    uint32_t need = 0;      // index in the disclosure's data
    uint32_t kinds = 0;     // bit (1 << ESGAUDIT_FACT_*) per kind KindAllowed accepts
    std::vector<uint32_t> units;   // into `units`, in the need's order
    std::vector<uint32_t> unless;  // into `unless`
    std::vector<uint32_t> labels;  // into `labels`
    // For MayMatchALabel: true when a label is never ruled out by its pairs (an "=" label, or one
    // with no pair: a single byte); else one (pair, label) per label, the label's first pair.
    bool label_always_may = false;
    std::vector<std::pair<uint16_t, uint32_t>> label_keys;
  };
  std::vector<Need> needs;
  std::vector<std::string> units;
  std::vector<std::string> unless;
  std::vector<std::string> labels;
  // Per label, the byte pairs of each of its '&' parts (none for an "=" label): a label some of
  // whose pairs a figure's label text lacks cannot match it (BytePairs), so it is not searched.
  std::vector<std::vector<uint16_t>> label_pairs;
  // Per "unless" word, its byte pairs: a word some of whose pairs a figure's own words lack is not
  // among them, so it is not searched for.
  std::vector<std::vector<uint16_t>> unless_pairs;
  // For MayMatchingNeeds: per need, 1 when label_always_may; the distinct first pairs of the
  // needs' label_keys in increasing order, each with the labels it opens ([key_begin[k],
  // key_begin[k + 1]) of key_labels); per label, the needs listing it among their label_keys.
  std::vector<uint8_t> always_may;
  std::vector<uint16_t> keys;
  BytePairs key_set;               // the keys, for BytePairs::ForEachCommon
  std::vector<uint16_t> key_index;  // per hash, its index in `keys` when it is one
  std::vector<uint32_t> key_begin;
  std::vector<uint32_t> key_labels;
  std::vector<std::vector<uint32_t>> label_needs;
  // The tables of `catalogue`, made on the first call for it in this process. Thread-safe.
  static std::shared_ptr<const NeedWords> Of(const std::shared_ptr<const Catalogue>& catalogue);
};

// False only when no label of `need` can match a figure whose label text's pairs `label_pairs`
// holds: an "=" label (matched against the figure's own labels) is never ruled out, any other
// label is when the text lacks one of its pairs (NeedWords::label_pairs). Tests each label's first
// pair before the rest: most labels are ruled out by it.
bool MayMatchALabel(const NeedWords& words, const NeedWords::Need& need, const BytePairs& label_pairs);
// MayMatchALabel of every need at once: (*may)[i] is 1 when it holds for words.needs[i], else 0.
// Each distinct first pair is tested once and each label's pairs at most once (a figure asked each
// need's keys in turn, the same pairs of the same labels again and again across the needs).
void MayMatchingNeeds(const NeedWords& words, const BytePairs& label_pairs, std::vector<uint8_t>* may);

// Compiles the mention scan of the document's catalogue (the preparation runs it before an isolated
// batch forks, so that no child compiles it).
void PrepareMentionScan(const sdk::Document& doc);
// Compiles the index reader's expressions (each process compiles them once, on first use).
void PrepareExpressions();

class GriAnalysis {
 public:
  // Loads rules/gri/catalogue.json (sdk::ConfigError when absent or malformed) and analyses `doc`.
  GriAnalysis(const sdk::Document& doc, const sdk::Context& ctx);

  const Catalogue& catalogue() const { return catalogue_; }
  // One result per catalogue disclosure, in catalogue order.
  const std::vector<DisclosureResult>& results() const { return results_; }
  const DisclosureResult& result(const std::string& id) const;
  // The short quote of `e` (Quote of its match in its line's matching view).
  std::string QuoteOf(const Evidence& e) const;

  // The report's claim; kAccordance at the document level (offset and length 0) when the report
  // claims nothing but the user's policy requires GRI (host option "require" lists "gri").
  Claim claim() const { return claim_; }
  bool required() const { return required_; }
  uint64_t claim_offset() const { return claim_offset_; }
  uint64_t claim_length() const { return claim_length_; }
  // The reporting year: the end of the stated reporting period, else the year in the report's
  // title; 0 when unknown.
  int report_year() const { return report_year_; }
  // The claim names the G4 Guidelines (G4, 可持续发展报告指南): it is judged against the 2016 set
  // even when the report year is unknown.
  bool claim_names_g4() const { return claim_names_g4_; }
  // A GRI content index the structure model found (a region of GRI or G4 codes) none of whose rows
  // resolves to a catalogued disclosure; offset/length of its first line.
  bool unread_index() const { return rows_.empty() && unread_index_length_ != 0; }
  uint64_t unread_index_offset() const { return unread_index_offset_; }
  uint64_t unread_index_length() const { return unread_index_length_; }

  bool has_index() const { return !rows_.empty(); }
  // The report points to a GRI content index published elsewhere (on line, on a web site).
  bool external_index() const { return external_index_; }
  const std::vector<IndexRow>& index_rows() const { return rows_; }
  // Physical page = printed page + delta, when printed page numbers were found on enough pages.
  bool page_delta_known() const { return page_delta_known_; }
  int page_delta() const { return page_delta_; }

  // Legacy ids cited anywhere (index rows, "GRI 102-8", "G4-EN15"), first citation of each id.
  const std::vector<LegacyCitation>& legacy_citations() const { return legacy_; }

  bool English() const { return english_; }
  // Title in the document's message language.
  const std::string& Title(const Disclosure& d) const { return english_ ? d.title : d.title_zh; }

 private:
  // Line ranges in the matching view and the lines that are never evidence, from the host's
  // structure model.
  void ReadStructure(const sdk::Document& doc);
  void FindIndex(const sdk::Document& doc);
  void FindYear(const sdk::Document& doc);
  void ReadClaim(const sdk::Document& doc);
  void FindEvidence(const sdk::Document& doc);
  void FindLegacy();
  void FindPageDelta(const sdk::Document& doc);
  // The lines each index row points to (its printed pages, or the section its reference names).
  void FindPointedLines(const sdk::Document& doc);
  // Whether line `i`, or the nearest non-blank line above or below it, names one of `d.with` or
  // holds a figure in one of `d.with_units` (always true when both are empty).
  bool NamesWith(const Disclosure& d, uint32_t i) const;
  static bool InRanges(const std::vector<std::pair<uint32_t, uint32_t>>& ranges, uint32_t line);
  // The label text of a figure on a pointed page names `need` or, for a single need, `d`.
  bool TopicOnLine(const Disclosure& d, const DataNeed& need, std::string_view text) const;
  Evidence MakeEvidence(uint32_t line, size_t pos, size_t len, bool data) const;
  struct RowContext {
    std::string label;  // the row's label cell, lower-cased
    std::string unit;   // the unit the label prints in brackets
    std::string unit_column;  // short text cells between the label and the number (a unit column)
  };
  RowContext RowOf(const sdk::Document& doc, uint32_t line, uint64_t view_offset) const;
  // `stated_unit`, when given, receives the unit a line just above the figure states ("单位：%"), if
  // that line is what sets the figure apart. Counts the line's text through line_text_read_, which
  // FindEvidence sizes first.
  std::string CaptionBelow(uint32_t line, uint64_t begin, uint64_t end, std::string* stated_unit = nullptr) const;
  std::string SeriesTitle(uint32_t line) const;

  std::shared_ptr<const Catalogue> catalogue_data_;  // read once per process (CachedRuleData)
  const Catalogue& catalogue_;
  bool english_ = false;
  const sdk::Document* doc_ = nullptr;
  std::string view_lower_;
  std::vector<uint64_t> line_view_begin_;  // per line, offsets into the view
  std::vector<uint64_t> line_view_end_;
  std::vector<uint32_t> line_page_;
  std::vector<bool> excluded_;  // table of contents, running headers, the content index itself
  std::vector<bool> passage_;   // a line of running text or a table row
  std::vector<std::string> line_units_;  // per line, " unit" of each count or share on it ("%" for shares)
  // Per line, how far CaptionBelow has counted its text bytes (all but marks and blanks).
  mutable std::vector<TextBytesRead> line_text_read_;
  std::vector<DisclosureResult> results_;
  Claim claim_ = Claim::kNone;
  bool required_ = false;
  uint64_t claim_offset_ = 0;
  uint64_t claim_length_ = 0;
  int report_year_ = 0;
  bool claim_names_g4_ = false;
  bool external_index_ = false;
  uint64_t unread_index_offset_ = 0;
  uint64_t unread_index_length_ = 0;
  std::vector<IndexRow> rows_;
  std::vector<LegacyCitation> legacy_;
  bool page_delta_known_ = false;
  int page_delta_ = 0;
  std::vector<bool> pointed_;  // per line: some index row points to it
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> row_ranges_;  // per index row: its lines

  std::string_view LowerLine(uint32_t i) const {
    return std::string_view(view_lower_)
        .substr(line_view_begin_[i], line_view_end_[i] - line_view_begin_[i]);
  }
};

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_ANALYSIS_H_
