// The builder behind Structure::Build, split over structure.cc (layout) and
// structure_metadata.cc (content index, report metadata) and structure_tables.cc (tables); the
// facts of a line that several passes read are in structure_lines.h. Private to the core.
#ifndef ESGAUDIT_ANALYSE_STRUCTURE_INTERNAL_H_
#define ESGAUDIT_ANALYSE_STRUCTURE_INTERNAL_H_

#include <cstddef>
#include <cstdint>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "esgaudit/structure.h"

namespace esgaudit {

// ASCII digit and letter tests shared by the structure builders (a UTF-8 lead or continuation byte,
// or a full-width digit, is neither).
inline bool IsAsciiDigit(char32_t c) { return c >= U'0' && c <= U'9'; }
inline bool IsAsciiAlpha(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

// The structure builders run std::regex only on lines up to this long: the statements, titles,
// claims and captions they look for are short, and std::regex on a line of hundreds of kilobytes
// would cost far more than the rest of the model.
constexpr size_t kMaxRegexLine = 2000;

// Whether s with its spaces and tabs left out is w, without making that copy of s.
// structure_figures.cc.
bool EqualsWithoutSpaces(std::string_view s, std::string_view w);

// A unit alone ("亿元", "万人", "立方米", "%"; spaces ignored): what stands under or beside a figure,
// never a label or a title. structure_figures.cc.
bool AllUnit(std::string_view s);

// FindPeriod's cheap tests, each true wherever its expression can match (where one is false the
// expression is not run), and the expressions they guard, for the tests. structure_metadata.cc.
namespace period {
bool ZhYearAt(std::string_view s, size_t p);             // kRangeZh's match may begin at s[p]
bool HasNumericDate(std::string_view s);                 // kRangeNum may match in s
bool SubjectEnMayStartAt(std::string_view s, size_t p);  // kSubjectEn's match may begin at s[p]
bool RangeZhMatchesAt(const std::string& s, size_t p);   // anchored at s[p], s[p - 1] visible
bool RangeNumMatches(const std::string& s);
bool SubjectEnMatchesAt(const std::string& s, size_t p);  // anchored at s[p], s[p - 1] visible
// kRangeEn's (month first) or kRangeEnDmy's (day first, s[p] a digit) match may begin at s[p].
bool EnglishRangeMayStartAt(std::string_view s, size_t p);
// The English range FindPeriod reads: kRangeEn's first match in s, else kRangeEnDmy's, found by
// trying them only where EnglishRangeMayStartAt holds; *m's positions count from *at.
bool FirstEnglishRange(const std::string& s, std::smatch* m, size_t* at);
// The same by regex_search over every byte (*m's positions count from 0), for the tests.
bool EnglishRangeSearch(const std::string& s, std::smatch* m);
const std::string& MonthEnPattern();  // kMonthEn, shared with kYearEn
// The three bytes at s[p] are a month's abbreviation, jan … dec (lower case).
bool MonthAbbreviationAt(std::string_view s, size_t p);
// At least two month abbreviations, not overlapping, in `lower`: where two English month names may
// stand (every name of kMonthEn begins with one; an English range names two months). FindPeriod reads
// an English range only then.
bool TwoMonthNames(std::string_view lower);
}  // namespace period

// FindTitleYear's and FindCompany's cheap tests, each true wherever its expression can match (where
// one is false the expression is not run), and the expressions they guard, for the tests.
// structure_metadata.cc. `lower`: a line of the matching view, ASCII lower-cased.
namespace title {
// FindTitleYear: kTitleZh's (kTitleEn's) match may begin at lower[p]: a year there, then a title
// word before any ',' or ';' (then a blank, or a second year's -dd or /dd and a blank).
bool ZhMayStartAt(std::string_view lower, size_t p);
bool EnMayStartAt(std::string_view lower, size_t p);
// kTitleEnAfter's match may begin at lower[p] (one of its words opens there).
bool EnAfterMayStartAt(std::string_view lower, size_t p);
const std::regex& TitleZh();
const std::regex& TitleEn();
const std::regex& TitleEnAfter();
// FindCompany: its kTitleZh may match `lower` (a year followed by blanks, 年度 or 年, 企业 and a
// title word); its kTitleEn (case-insensitive) may match `line` (a letter first after blanks, and a
// year followed by blanks and a title word in any case); its kAlone may match `line` as a whole (it
// ends in 公司, 集团 or 银行 before blanks).
bool CompanyTitleZhMayMatch(std::string_view lower);
bool CompanyTitleEnMayMatch(std::string_view line);
bool CompanyAloneMayMatch(std::string_view line);
const std::regex& CompanyTitleZh();
const std::regex& CompanyTitleEn();
const std::regex& CompanyAlone();
}  // namespace title

// The end of the run of code points from `at` on which FindSentences' sentence and clause split
// changes nothing once a sentence and a clause are open: printing ASCII and DEL but the blank and
// ! , . : ; ?, and well-formed three-byte sequences U+4000-9FFF. `at` itself is returned when none
// is there. structure_prose.cc.
size_t PlainRunEnd(std::string_view piece, size_t at);

// FindTables' space-joined rows (structure_tables.cc). Whether two tokens in a row between single
// spaces (trimmed of control characters) open with an ASCII digit, '-' or the byte E2 (— and –): what
// every row SpaceJoinedValues reads holds (its values open so).
namespace tables {
bool TwoValueOpeningsInARow(std::string_view cell);
// Whether one of the last two words of `cell` (words between spaces) is four ASCII digits: a period
// header's last year is its last word, or the one before a change column's title
// (PeriodHeaderColumns reads only such a cell). Read from the end, so most lines are never cut into
// words.
bool EndsNearAFourDigitWord(std::string_view cell);
// SpaceJoinedValues' values as (begin, end) in `cell` and *tail, with the test above first (`tested`)
// or without it, for the tests.
std::vector<std::pair<size_t, size_t>> SpaceJoinedValueSpans(std::string_view cell, size_t* tail, bool space_groups,
                                                             bool tested);
}  // namespace tables

// doc.LineOf(offset) (the last line starting at or before `offset`, 0 before the first), asked
// first of line `hint` and the line after it: AddSpan adds spans in text order, so the line of the
// span before or the next one is mostly the answer, without the search over every line.
// structure_prose.cc.
uint32_t LineOfNear(const Document& doc, uint64_t offset, uint32_t hint);

// FindMetadata's language count over the matching view: code points that sdk::IsCjk holds for
// (*han) and ASCII letters (*latin), each code point as sdk::NextCodePoint reads it (an ill-formed
// byte as itself). ASCII and PlainThreeByteAt's sequences are read without the general decode.
// structure_metadata.cc.
void CountHanAndLatin(std::string_view view, size_t* han, size_t* latin);

// FindFigures' cell measure: the code points of `s` but spaces and tabs (as sdk::NextCodePoint reads
// them), and whether one is an ASCII digit (*digit), label punctuation or a chart marker (*punct), or
// sdk::IsCjk (*cjk). Counting stops after `limit` code points (then returns limit + 1 and the flags
// read so far). structure_figures.cc.
size_t FigureLetters(std::string_view s, bool* digit, bool* punct, bool* cjk, size_t limit = SIZE_MAX - 1);

// FindTables' header of period columns ("Emissions (MMT) 2019 2020 2021 YoY%"): the number of value
// columns the cell heads (two or more consecutive years ending it, and a change column's title
// after them), 0 if it is no such header. structure_tables.cc.
size_t PeriodHeaderColumns(std::string_view cell);

// "100 %", "6,407", "30万吨", "12.5": a figure alone, with at most three unit characters after it.
// structure.cc.
bool IsLoneFigure(std::string_view s);

// The structure builders' gates of their expressions: each test is true wherever the expression it
// guards can match (where one is false the expression is not run), and the expressions, for the tests.
namespace gates {
// `s` opens with 第, a Han numeral 一 … 十, '(' or an ASCII digit: where a numbered heading's number
// begins (every alternative of NumberedTitle and of each SectionNumbers expression opens so).
bool MayOpenNumber(std::string_view s);
// AssignRoles' numbered title, anchored at s[0] ("第一章", "一、", "(一)", "1.1 概述"), and the
// plain reading of it AssignRoles asks: true where the expression matches at s[0].
const std::regex& NumberedTitle();
bool OpensNumberedTitle(std::string_view s);
// FindSections' numbers, in the order it tries them, each anchored at s[0]: 第一章 / 第一部分, 一、,
// (一), (1), 1.1.
const std::regex& SectionNumber(size_t k);
constexpr size_t kSectionNumbers = 5;
// At most 24 bytes, opening with f, F, 1 or 2: where a year cell can be the whole cell.
bool MayBeYear(std::string_view cell);
// `lower` (a line with its ASCII letters lower-cased) holds 单位 or unit: where Unit can match.
bool MayHoldUnit(std::string_view lower);
const std::regex& Unit();  // a table's unit caption, "单位: 吨" (ASCII letters in any case)
}  // namespace gates

// A year or period at `at` of `s` ("2021", "FY2022", "fy 2020", "2020年度", "2021年 H1", "2022年上半年"):
// the length of what the expression
//   (?:fy\s*)?(?:19|20)\d\d\s*(?:年度|年末|年底|年)?(?:\s*(?:上半年|下半年|h1|h2|q[1-4]))?
// (ASCII letters in any case) matches when std::regex tries it at `at` (each optional part taken
// where it can be, the blanks before a missing part included), or 0 when it matches nothing there.
// A year cell (YearLike) is a cell of at most 24 bytes (MayBeYear) that is one whole; a header cell
// of periods (PeriodPieces) is two or more apart by spaces.
size_t PeriodLengthAt(std::string_view s, size_t at);
bool YearLike(std::string_view cell);  // the whole cell is one year or period
// "Total emissions of", "Water used in the", "(scope 1,": a label cell ending in a joining word (and,
// or, of, in, for, to, the, by, from, with, per, on, at, as, & in any case, after a blank, a '(' or
// nothing) or a mark (, - / (), so the label goes on in the next piece: where
// (?:^|[\s(])(?:and|…|&)$|[,\-/(]$ (case ignored) matches.
bool JoiningEnd(std::string_view t);
// PeriodPieces' ranges [begin, end) in `cell` (structure_tables.cc), for the tests.
std::vector<std::pair<size_t, size_t>> PeriodRanges(std::string_view cell);

// Compiles the model's function-local expressions that a warm-up document may pass by: those behind
// a gate and those only English reports reach (the English ranges, a label's joining word). A batch's
// parent calls it before it forks, so that no child compiles them for itself. No other effect.
void CompileGatedExpressions();

namespace markup {
struct MarkupTable;
}

class StructureBuilder {
 public:
  StructureBuilder(const Document& doc, Structure* out);
  void Run();

 private:
  void Split();
  // Fills line_flags_ (structure_lines.h) from the lines and their cells, which do not change after
  // Split.
  void IndexLines();
  void MarkRunningHeaders();
  // The page number of a line of two cells, a page number and a title in Latin letters
  // ("01 ¦ Shell Sustainability Report 2021"); -1 for any other line.
  int PageOfTitle(size_t line) const;
  void MarkRepeatedLines();
  // Where a repeated line stands, for MarkRunningHeaders and MarkRepeatedLines: false when the
  // line cannot be page furniture by its place or by what follows it — not among the first or
  // last three lines of text of its page (pages known), a Markdown heading (the author's title;
  // MarkdownHeading lines are never grouped with the others),
  // a label ending in a colon, or a caption or header row directly over a table row (a unit
  // caption 单位：吨, a table's header repeated over each of its tables).
  bool FurniturePlace(size_t line) const;
  // A line stating only a unit ("单位：吨", "Unit: tonnes"): a table's or chart's caption.
  bool UnitCaption(size_t line) const;
  bool MarkdownHeading(size_t line) const;  // "## Title"
  // A line strictly between a and b ends a sentence: page text, not a flattened table's values.
  bool SentenceBetween(size_t a, size_t b) const;
  // A line worded as a section title: one short cell in Chinese, no figure, no punctuation.
  bool SectionTitleCopy(size_t line) const;
  // Of the copies (line numbers, ascending) of a section title printed as page furniture, the one
  // that opens its section: the first with running text below it (past further copies, subtitles
  // and the page's number), that is no unit and stands in no block of page furniture (another
  // short repeated line within the next two lines of text: a data-source footer over its web
  // address). kNoCopy when none is: every copy stays furniture.
  uint32_t TitleCopyToKeep(const std::vector<uint32_t>& copies) const;
  static constexpr uint32_t kNoCopy = UINT32_MAX;
  void MarkSideText();
  void MarkPageNumbers();
  // A copy of a running header that stands beside a page number (the nearest line of text above
  // or below it) is furniture too: FurniturePlace could not tell, page numbers being found after
  // the running headers (a copy over a table's continuation looks like the table's caption).
  void MarkHeaderCopiesAtPageNumbers();
  void MarkToc();
  void MarkIndex();
  void FindTables();  // structure_tables.cc
  // Appends the cells of a markup table's grid (the model's table `table`) and sets tb's grid
  // fields, header, kind and totals from the grid.
  void AddGrid(const markup::MarkupTable& grid, uint32_t table, Table* tb);
  void AssignRoles();
  void FindSections();
  void FindMetadata();
  void FindCompany();    // part of FindMetadata
  void FindTitleYear();  // part of FindMetadata (before FindPeriod)
  void FindPeriod();     // part of FindMetadata
  void FindGriClaims();  // part of FindMetadata
  // Fills metadata_words_ (part of FindMetadata, before FindPeriod and the claim passes).
  void IndexMetadataWords();
  void FindFigures();    // structure_figures.cc
  void FindSentences();  // structure_prose.cc

  std::string_view CellText(const Cell& c) const;
  std::string_view CellText(uint32_t line, uint32_t k) const {
    return CellText(s_.cells_[s_.lines_[line].first_cell + k]);
  }
  std::string_view LineView(size_t i) const;
  // LineView(i) with its ASCII letters lower-cased (the same length: positions agree).
  std::string_view LowerLine(size_t i) const {
    return std::string_view(lower_view_).substr(line_view_[i].first, line_view_[i].second - line_view_[i].first);
  }
  // Appends the span of view range [vb, ve) with its text offsets and line to the model's spans.
  void AddSpan(uint64_t vb, uint64_t ve);

  const Document& doc_;
  std::string_view view_;
  Structure& s_;
  std::vector<std::pair<uint64_t, uint64_t>> line_view_;  // per line, view range
  std::vector<uint8_t> line_flags_;    // per line: lines::LineFlags (IndexLines)
  std::string lower_view_;             // the matching view with ASCII letters lower-cased (IndexLines)
  std::vector<uint32_t> repeats_;      // per line: copies of it (digits removed) in the text
  std::vector<uint8_t> page_edge_;     // per line: among the first or last three of its page
  std::vector<uint32_t> line_repeats_; // per line: copies of the short line as it stands (any script)
  // Per line of at most 200 bytes: Squeeze(AsciiLower(line)), else empty (SqueezedLower). The lines'
  // texts are laid end to end in squeezed_text_, each line's a range of it.
  std::string squeezed_text_;
  std::vector<std::pair<uint32_t, uint32_t>> squeezed_range_;
  std::string_view SqueezedLower(size_t i) const {
    return std::string_view(squeezed_text_).substr(squeezed_range_[i].first, squeezed_range_[i].second);
  }
  std::vector<uint8_t> title_kept_;    // per line: a title copy TitleCopyToKeep kept in the body
  // Per line: 1 + the index of its group of running-header copies when that group was marked
  // (MarkRunningHeaders), else 0.
  std::vector<uint32_t> header_group_;
  std::vector<uint8_t> figure_cells_;  // per cell: a stacked or split figure or its label (not prose)
  // Per line: the MetadataWords groups whose words LowerLine holds, from one scan of lower_view_;
  // the claim passes visit only the lines holding a word they cannot do without, and FindPeriod
  // searches for the words stating the period only there.
  std::vector<uint8_t> metadata_words_;
};

// The groups of metadata_words_. A line without a word of a group gets no claim, basis or index flag
// from the pass that reads that group.
enum MetadataWords : uint8_t {
  kStandardWords = 1,  // a standard's name or 指引 / guideline / guidance (FindMetadata's claims)
  kGriWords = 2,       // gri, 全球报告倡议, g4 (FindGriClaims' claims)
  kIndexWords = 4,     // a content index's name (FindGriClaims' external index)
  kBasisWords = 8,     // 据, 准, g: one of them is in every squeezed basis heading (FindGriClaims)
  kPeriodWords = 16,   // a word that states the reporting period (FindPeriod's StatesPeriod)
};

// Sets `group` in (*marks)[i] for each line i whose view range [first, second) holds byte `c` of
// `view`, a byte at q counting for the last line whose range starts at or before q (as
// IndexMetadataWords reads a scan's match [q, q + 1)). REQUIRES `lines` sorted by first, marks->size()
// == lines.size(). Reads each line only up to its first `c`.
void MarkLinesHolding(std::string_view view, const std::vector<std::pair<uint64_t, uint64_t>>& lines, char c,
                      uint8_t group, std::vector<uint8_t>* marks);

// Off: every line reads as holding every group, as before the index (tests compare both ways).
void SetMetadataWordIndexForTesting(bool on);

}  // namespace esgaudit

#endif  // ESGAUDIT_ANALYSE_STRUCTURE_INTERNAL_H_
