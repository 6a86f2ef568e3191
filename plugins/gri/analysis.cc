#include "analysis.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <set>
#include <unordered_map>

#include "esgaudit/text.h"
#include "text_match.h"

namespace esgaudit::gri {
namespace {

constexpr size_t kMaxMentions = 40;
constexpr size_t kMaxDataPoints = 8;
constexpr size_t kLabelWindowBefore = 36;  // bytes of the line before a number read as its label
constexpr size_t kLabelWindowAfter = 24;
constexpr size_t kUnitCellBytes = 20;     // a table cell this short between label and figure may be a unit
constexpr size_t kClauseWindow = 120;      // bytes either side: the whole clause, for what it counts
constexpr uint32_t kTitleBodyGap = 8;  // blank or furniture lines between a title and its text   // and after it, both within the number's clause

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The SDK's search (by the part's last byte): most parts are Han words and units, whose first
// byte recurs every few bytes of a Chinese label.
bool Contains(std::string_view s, std::string_view part) { return sdk::Contains(s, part); }

// Appends the pieces to *out, growing it at most once (FindEvidence builds a figure's label texts
// from pieces; an operator+ chain made a temporary string per piece, for every figure).
void AppendAll(std::string* out, std::initializer_list<std::string_view> pieces) {
  size_t size = out->size();
  for (std::string_view p : pieces) size += p.size();
  out->reserve(size);
  for (std::string_view p : pieces) out->append(p.data(), p.size());
}

// The expressions of the index reader, compiled on first use. The plugin's preparation asks for
// them (PrepareExpressions): the host runs it before it forks an isolated batch's children, which
// then inherit them compiled instead of compiling them each.
struct IndexExpressions {
  std::regex page_token{R"((?:p\.?\s*|第)?(\d{1,3})(?:\s*(?:-|~|–|—|至)\s*(\d{1,3}))?\s*(?:页)?)", std::regex::icase};
  std::regex page_separator{R"((?:\s|,|，|、|;|；)+)"};
  std::regex number{R"(\d{1,3})"};
  std::regex page_number{R"((?:-\s*|第|p\.?\s*)?(\d{1,3})(?:\s*-|页)?)", std::regex::icase};
};
const IndexExpressions& Expressions() {
  static const IndexExpressions expressions;
  return expressions;
}

// "12", "1、27、28", "2, 7-15", "P12", "第12页": printed page numbers; false if the cell is
// anything else.
bool ParsePages(std::string_view cell, std::vector<uint32_t>* pages) {
  const std::regex& kToken = Expressions().page_token;
  const std::regex& kSeparator = Expressions().page_separator;
  std::string s(cell);
  if (s.empty()) return false;
  std::vector<uint32_t> out;
  std::sregex_token_iterator it(s.begin(), s.end(), kSeparator, -1);
  for (; it != std::sregex_token_iterator(); ++it) {
    std::string token = *it;
    if (token.empty()) continue;
    std::smatch m;
    if (!std::regex_match(token, m, kToken)) return false;
    uint32_t from = static_cast<uint32_t>(std::stoul(m[1].str()));
    uint32_t to = m[2].matched ? static_cast<uint32_t>(std::stoul(m[2].str())) : from;
    if (from == 0 || to < from || to - from > 30) return false;
    for (uint32_t p = from; p <= to; ++p) out.push_back(p);
  }
  if (out.empty()) return false;
  *pages = std::move(out);
  return true;
}

// A big number's caption names its unit in words ("employees worldwide", "吨二氧化碳当量"): a
// Chinese unit anywhere in it, an English one of three letters or more starting a word (shorter
// ones, "t", "kg", would start too many words).
bool UnitInCaption(std::string_view caption, std::string_view unit) {
  if (caption.empty() || unit.empty()) return false;
  if ((static_cast<unsigned char>(unit[0]) & 0x80) != 0) return Contains(caption, unit);
  if (unit.size() < 3) return false;
  for (size_t p = caption.find(unit); p != std::string_view::npos; p = caption.find(unit, p + 1)) {
    if (p == 0 || !std::isalnum(static_cast<unsigned char>(caption[p - 1]))) return true;
  }
  return false;
}

// The label of a figure in a year series printed after a colon ("water consumption (cubic meters) :
// - in 2022 124,632 cubic meters - in 2021 …"): the words before the colon, which name every figure of
// the series however far the figure stands from them. Empty when the figure is no such series item.
std::string_view SeriesLabel(std::string_view line, size_t at) {
  constexpr size_t kSeriesReach = 160;  // bytes from the colon to the figure
  constexpr size_t kLabelReach = 60;    // bytes of label before the colon
  size_t from = at > kSeriesReach ? at - kSeriesReach : 0;
  // Only the reach before the figure is searched: the walk back stays bounded on a long line.
  size_t colon = line.substr(0, std::min(line.size(), at + 1)).substr(from).rfind(':');
  if (colon == std::string_view::npos) return {};
  colon += from;
  std::string_view items = line.substr(colon + 1, at - colon - 1);
  // Only "- in 2022 124,632 unit" items between the colon and the figure, ending in a year.
  if (items.find("in 19") == std::string_view::npos && items.find("in 20") == std::string_view::npos) return {};
  if (items.find(';') != std::string_view::npos) return {};
  std::string_view tail = items;
  while (!tail.empty() && tail.back() == ' ') tail.remove_suffix(1);
  if (tail.size() < 4 || !IsDigit(tail.back())) return {};
  size_t start = colon > kLabelReach ? colon - kLabelReach : 0;
  while (start < colon && (static_cast<unsigned char>(line[start]) & 0xC0) == 0x80) ++start;
  return line.substr(start, colon - start);
}

// The unit printed right after a figure when the figure was read without it ("10187.95万度": the
// reader stops at 万): an English unit must end there ("t," but not "times").
bool UnitRightAfter(std::string_view after, std::string_view unit) {
  while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
  if (unit.empty() || after.rfind(unit, 0) != 0) return false;
  if ((static_cast<unsigned char>(unit[0]) & 0x80) != 0) return true;
  return after.size() == unit.size() || !std::isalpha(static_cast<unsigned char>(after[unit.size()]));
}

bool KindAllowed(const DataNeed& need, uint32_t kind) {
  const char* name = kind == ESGAUDIT_FACT_QUANTITY  ? "quantity"
                     : kind == ESGAUDIT_FACT_PERCENT ? "percent"
                                                     : "";
  if (*name == '\0') return false;
  if (need.kinds.empty()) return kind == ESGAUDIT_FACT_QUANTITY;
  return std::find(need.kinds.begin(), need.kinds.end(), name) != need.kinds.end();
}

// The opening phrase of the sentence holding position `at` of `line`, up to its first clause comma,
// when that comma comes before `at` (and within kClauseWindow bytes of it); empty otherwise.
std::string_view SentenceHead(std::string_view line, size_t at) {
  size_t from = at > kClauseWindow ? at - kClauseWindow : 0;
  size_t start = from;
  for (size_t i = at; i-- > from;) {
    if (FullStopAt(line, i) || line[i] == ';' || line[i] == '!' || line[i] == '?' ||
        (line[i] == '.' && i + 1 < line.size() && line[i + 1] == ' ')) {
      start = i + 1;
      break;
    }
  }
  if (start == from && from != 0) return {};  // the sentence starts further back
  for (size_t i = start; i < at; ++i) {
    if (line[i] == ',' && !(i > 0 && IsDigit(line[i - 1]) && i + 1 < line.size() && IsDigit(line[i + 1])))
      return line.substr(start, i - start);
  }
  return {};
}

}  // namespace

// The label cell of a table row a number stands in (lower-cased, as in the view) and the unit that
// label prints in brackets ("办公用电总量(度)" -> "度"); empty when the line is no table row, the
// number is in the first cell, or the first cell is itself a figure.
GriAnalysis::RowContext GriAnalysis::RowOf(const sdk::Document& doc, uint32_t line,
                                           uint64_t view_offset) const {
  RowContext out;
  esgaudit_line_structure ls = doc.LineStructure(line);
  if (ls.cell_count < 2 || (ls.flags & ESGAUDIT_LINE_TABLE) == 0) return out;
  esgaudit_cell first = doc.Cell(ls.first_cell);
  if ((first.flags & ESGAUDIT_CELL_NUMERIC) || view_offset < first.view_end) return out;
  out.label = std::string(std::string_view(view_lower_).substr(first.view_begin, first.view_end - first.view_begin));
  size_t close = out.label.rfind(')');
  size_t open = close == std::string::npos ? std::string::npos : out.label.rfind('(', close);
  if (open != std::string::npos && close - open > 1 && close - open <= 24)
    out.unit = out.label.substr(open + 1, close - open - 1);
  // A unit column between the label and the figures ("| Scope 1 | tCO2e | 4,121 |", "员工总数\t人\t1,774"):
  // the short text cells between the label cell and the number's own cell.
  for (uint32_t c = ls.first_cell + 1; c < ls.first_cell + ls.cell_count; ++c) {
    esgaudit_cell cell = doc.Cell(c);
    if (view_offset < cell.view_end) break;  // the number's own cell, or past it
    if ((cell.flags & ESGAUDIT_CELL_NUMERIC) || cell.view_end - cell.view_begin > kUnitCellBytes) continue;
    std::string_view text = Trim(std::string_view(view_lower_).substr(cell.view_begin, cell.view_end - cell.view_begin));
    // An empty value of an earlier column ("n/a", "-", "/") is no unit.
    if (text == "n/a" || text == "n.a." || text == "na" || text == "-" || text == "/" || text == "—" ||
        text == "–" || text == "不适用")
      continue;
    out.unit_column += " " + std::string(text);
  }
  return out;
}

// The title a year series printed on a line of its own stands under ("## Scope 1 GHG Emissions" over
// "- In 2021 2.6 Thousands MT CO2e - In 2022 3.9 Thousands MT CO2e"): it names every figure of the
// line. The nearest non-blank line within two above, when it is short, no sentence and no series
// itself; empty otherwise.
std::string GriAnalysis::SeriesTitle(uint32_t line) const {
  constexpr size_t kTitleBytes = 100;
  constexpr size_t kItemBytes = 60;
  // Every item of the line is "in YEAR FIGURE unit words", items joined by " - ".
  auto series = [](std::string_view t) {
    if (!t.empty() && t.front() == '-') t = Trim(t.substr(1));
    if (t.empty()) return false;
    for (size_t from = 0; from < t.size();) {
      size_t to = std::min(t.find(" - ", from), t.size());
      std::string_view item = Trim(t.substr(from, to - from));
      if (item.size() > kItemBytes || item.size() < 9 || (item.rfind("in 19", 0) != 0 && item.rfind("in 20", 0) != 0))
        return false;
      size_t k = 7;  // past "in YYYY", then a fiscal year's "/22"
      if (k < item.size() && item[k] == '/') k += 3;
      if (k + 1 >= item.size() || item[k] != ' ' || !IsDigit(item[k + 1])) return false;
      from = to + 3;
    }
    return true;
  };
  if (!series(Trim(LowerLine(line)))) return "";
  for (uint32_t up = 1; up <= 2 && up <= line; ++up) {
    std::string_view t = Trim(LowerLine(line - up));
    if (t.empty()) continue;
    if (excluded_[line - up] || t.size() > kTitleBytes || series(t) || Contains(t, ". ") || t.back() == '.')
      return "";
    return std::string(t);
  }
  return "";
}

// A figure standing alone on its line ("## 89,900", "7,364人": nothing but the figure, heading marks
// and a short unit) is an infographic's big number; its label is the short line just below it
// ("employees worldwide"). Not in a column of figures (a flattened table, where the line below is
// the next row's label): the lines before the figure and after the label must not be bare figures.
// Empty otherwise. `begin`/`end` are the figure's span in the view.
std::string GriAnalysis::CaptionBelow(uint32_t line, uint64_t begin, uint64_t end, std::string* stated_unit) const {
  uint64_t lb = line_view_begin_[line];
  if (begin < lb || end < begin || end > line_view_end_[line]) return "";
  // The line's bytes other than heading, emphasis and table marks and blanks, less the figure's
  // own: at most 6 beside the figure (its unit). The line is counted only as far as that needs (most
  // lines are prose, past the limit within their first words), and each line's count goes on from
  // where the line's last figure left it (line_text_read_), so this costs the figure's length, not
  // the line's.
  const size_t own = TextByteCount(LowerLine(line).substr(begin - lb, end - begin));
  if (TextBytesExceed(LowerLine(line), own + 6, &line_text_read_[line])) return "";
  auto wordless = [](std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) & 0x80) != 0;
    });
  };
  // The nearest non-blank line in direction `step` within three lines, or nothing.
  uint32_t n = static_cast<uint32_t>(excluded_.size());
  auto neighbour = [&](uint32_t from, int step, uint32_t* at) {
    for (int d = 1; d <= 3; ++d) {
      int64_t j = static_cast<int64_t>(from) + step * d;
      if (j < 0 || j >= static_cast<int64_t>(n)) return false;
      if (!Trim(LowerLine(static_cast<uint32_t>(j))).empty()) {
        *at = static_cast<uint32_t>(j);
        return true;
      }
    }
    return false;
  };
  uint32_t before = 0;
  uint32_t label = 0;
  uint32_t after = 0;
  if (neighbour(line, -1, &before)) {
    std::string_view prev = Trim(LowerLine(before));
    if (wordless(prev)) return "";
    // Set apart from the text before it: a heading, a blank line or a finished sentence above
    // (else it ends a sentence wrapped onto its line, "…were\n1,299 million tonnes").
    bool ended = false;
    for (std::string_view end : {".", "。", "!", "?", ":", "：", "！", "？"}) {
      ended = ended || (prev.size() >= end.size() && prev.substr(prev.size() - end.size()) == end);
    }
    bool heading = Trim(LowerLine(line)).rfind("#", 0) == 0;
    // A chart's unit stated on the line above ("单位：%", "Unit: tonnes") sets it apart as well, and is
    // the figure's unit.
    bool unit_line = (prev.rfind("单位", 0) == 0 || prev.rfind("unit", 0) == 0) && sdk::CodePointCount(prev) <= 16;
    if (!heading && !ended && !unit_line && before + 1 == line) return "";
    if (unit_line && before + 1 == line && stated_unit != nullptr) {
      std::string_view u = prev.substr(prev.rfind("单位", 0) == 0 ? std::string_view("单位").size() : 4);
      while (!u.empty() && (u.front() == ':' || u.front() == ' ')) u.remove_prefix(1);
      *stated_unit = std::string(Trim(u));
    }
  }
  if (!neighbour(line, 1, &label) || excluded_[label]) return "";
  std::string_view text = Trim(LowerLine(label));
  if (text.size() > 80 || wordless(text)) return "";
  if (neighbour(label, 1, &after) && wordless(Trim(LowerLine(after)))) return "";
  return std::string(text);
}

namespace {

// True when the host option "require" (a comma-separated list) names `standard`.
bool RequiredByPolicy(const sdk::Document& doc, std::string_view standard) {
  std::string list = "," + std::string(doc.Option("require")) + ",";
  return list.find("," + std::string(standard) + ",") != std::string::npos;
}

}  // namespace

GriAnalysis::GriAnalysis(const sdk::Document& doc, const sdk::Context& ctx)
    : catalogue_data_(Catalogue::ForDocument(doc)), catalogue_(*catalogue_data_), doc_(&doc) {
  english_ = doc.English();
  ReadStructure(doc);
  FindYear(doc);
  FindIndex(doc);
  ReadClaim(doc);
  if (claim_ == Claim::kNone && RequiredByPolicy(doc, "gri")) {
    claim_ = Claim::kAccordance;
    required_ = true;
  }
  FindPageDelta(doc);
  FindPointedLines(doc);
  FindEvidence(doc);
  FindLegacy();
  ctx.Log(0, "year " + std::to_string(report_year_) + ", claim " +
                 std::to_string(static_cast<int>(claim_)) + ", index rows " +
                 std::to_string(rows_.size()) + ", page delta " +
                 (page_delta_known_ ? std::to_string(page_delta_) : std::string("unknown")) +
                 ", legacy ids " + std::to_string(legacy_.size()) + ", lines pointed to by the index " +
                 std::to_string(std::count(pointed_.begin(), pointed_.end(), true)));
  for (const IndexRow& r : rows_) {
    ctx.Log(0, "index row " + r.cited + " -> " + std::to_string(r.resolved.ids.size()) + " ids, " +
                   std::to_string(r.pages.size()) + " pages");
  }
}

const DisclosureResult& GriAnalysis::result(const std::string& id) const {
  static const DisclosureResult kNone;
  int i = catalogue_.IndexOf(id);
  return i < 0 ? kNone : results_[static_cast<size_t>(i)];
}

void GriAnalysis::ReadStructure(const sdk::Document& doc) {
  view_lower_ = AsciiLower(std::string(doc.MatchView()));
  uint32_t n = doc.LineCount();
  line_view_begin_.resize(n);
  line_view_end_.resize(n);
  line_page_.resize(n);
  excluded_.assign(n, false);
  passage_.assign(n, false);
  std::vector<bool> title(n, false);
  for (uint32_t i = 0; i < n; ++i) {
    esgaudit_line_structure ls = doc.LineStructure(i);
    line_view_begin_[i] = ls.view_begin;
    line_view_end_[i] = ls.view_end;
    line_page_[i] = doc.Line(i).page;
    // Page furniture, the table of contents and the content index are never evidence.
    excluded_[i] =
        (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) != 0;
    // Running text or a table row; not a heading, a slogan or another short line.
    passage_[i] = ls.role == ESGAUDIT_ROLE_PROSE || ls.role == ESGAUDIT_ROLE_TABLE_ROW;
    title[i] = ls.role == ESGAUDIT_ROLE_HEADING || ls.role == ESGAUDIT_ROLE_OTHER;
  }
  // A title (a heading, or a short line the model could not call one) opens a section about its
  // topic when running text follows it at once: its words count as the passage's. A title alone,
  // or followed by more short lines (a slogan, a chart label), does not.
  for (uint32_t i = 0; i < n; ++i) {
    if (!title[i] || excluded_[i]) continue;
    bool body = false;
    for (uint32_t j = i + 1; j < n && j <= i + kTitleBodyGap; ++j) {
      if (Trim(LowerLine(j)).empty() || (excluded_[j] && !passage_[j])) continue;
      body = passage_[j] && !excluded_[j];
      break;
    }
    if (body) passage_[i] = true;
  }
}

void GriAnalysis::FindYear(const sdk::Document& doc) {
  // The structure model's year: the end of the stated reporting period, else the year of the
  // report's own title.
  report_year_ = doc.Metadata().report_year;
}

void GriAnalysis::FindIndex(const sdk::Document& doc) {
  // The structure model reads the report's content index (codes in several columns, wrapped rows,
  // rows numbered 1-58 for G4-1 .. G4-58, damaged headings); here its GRI and G4 rows are resolved
  // to catalogue ids, by the edition and title the row prints.
  bool gri_region = false;
  for (uint32_t r = 0; r < doc.IndexRegionCount(); ++r) {
    esgaudit_index_region region = doc.IndexRegion(r);
    if ((region.schemes & (ESGAUDIT_INDEX_GRI | ESGAUDIT_INDEX_G4)) == 0) continue;
    if (!gri_region) {
      gri_region = true;
      std::string_view line = doc.LineText(region.first_line);
      std::string_view title = Trim(line);
      unread_index_offset_ = doc.Line(region.first_line).offset + static_cast<uint64_t>(title.data() - line.data());
      unread_index_length_ = std::max<uint64_t>(1, title.size());
    }
  }
  for (uint32_t i = 0; i < doc.IndexRowCount(); ++i) {
    esgaudit_index_row m = doc.IndexRow(i);
    if (m.scheme != ESGAUDIT_INDEX_GRI && m.scheme != ESGAUDIT_INDEX_G4) continue;
    // The id as gri names it: a bare aspect code ("EN 15") is G4's ("G4-EN15").
    std::string printed = Squeeze(sdk::View(m.code));
    if (m.scheme == ESGAUDIT_INDEX_G4 && printed.rfind("G4-", 0) != 0 && printed.rfind("g4-", 0) != 0)
      printed = "G4-" + printed;
    std::vector<IdToken> ids = ScanIds(printed);
    if (ids.empty() || ids.front().pos != 0) continue;
    std::string context = AsciiLower(printed + " " + std::string(sdk::View(m.text)));
    IndexRow row;
    row.line = m.line;
    row.offset = m.offset;
    row.length = m.length;
    row.cited = ids.front().id;
    row.resolved = ResolveId(catalogue_, row.cited, context, report_year_);
    row.omitted = (m.flags & ESGAUDIT_INDEX_ROW_OMITTED) != 0;
    std::string reference = AsciiLower(std::string(sdk::View(m.reference)));
    row.points = !Trim(reference).empty();
    row.reference = std::string(Trim(reference));
    ParsePages(Trim(reference), &row.pages);
    rows_.push_back(std::move(row));
  }
}

void GriAnalysis::ReadClaim(const sdk::Document& doc) {
  // The structure model reads the GRI claims (the name, the sentence's verb, the basis section, the
  // G4 Guidelines): an accordance claim beats a reference; a bare mention under the basis heading
  // (编制依据) is a reference; the first claim of the strongest kind is where findings point.
  const esgaudit_metadata md = doc.Metadata();
  external_index_ = (md.flags & ESGAUDIT_METADATA_EXTERNAL_INDEX) != 0;
  for (uint32_t k = 0; k < md.claim_count; ++k) {
    const esgaudit_claim c = doc.Claim(k);
    if (c.standard != ESGAUDIT_STANDARD_GRI) continue;
    Claim strength = c.mode == ESGAUDIT_CLAIM_ACCORDANCE                                  ? Claim::kAccordance
                     : c.mode == ESGAUDIT_CLAIM_REFERENCE || (c.flags & ESGAUDIT_CLAIM_IN_BASIS) ? Claim::kReference
                                                                                         : Claim::kNone;
    // Claims come in text order: the first of the strongest kind wins.
    if (strength <= claim_) continue;
    claim_ = strength;
    claim_names_g4_ = (c.flags & ESGAUDIT_CLAIM_NAMES_G4) != 0;
    claim_offset_ = c.offset;
    claim_length_ = c.length;
  }
}

Evidence GriAnalysis::MakeEvidence(uint32_t line, size_t pos, size_t len, bool data) const {
  Evidence e;
  uint64_t vb = line_view_begin_[line];
  e.offset = doc_->ViewToText(vb + pos);
  e.length = doc_->ViewToText(vb + pos + len) - e.offset;
  e.line = line;
  e.data = data;
  e.quote_pos = pos;
  e.quote_len = len;
  return e;
}

std::string GriAnalysis::QuoteOf(const Evidence& e) const {
  const uint64_t vb = line_view_begin_[e.line];
  return Quote(doc_->MatchView().substr(vb, line_view_end_[e.line] - vb), e.quote_pos, e.quote_len);
}

std::shared_ptr<const MentionParts> MentionParts::Of(const std::shared_ptr<const Catalogue>& catalogue) {
  return sdk::DerivedRuleData<MentionParts>(catalogue, [](const Catalogue& c, MentionParts* tables) {
    MentionParts& t = *tables;
    const std::vector<Disclosure>& ds = c.disclosures();
    std::map<std::string, uint32_t> part_index;
    auto intern = [&](std::string_view part) {
      auto [it, fresh] = part_index.emplace(std::string(part), static_cast<uint32_t>(t.parts.size()));
      if (fresh) t.parts.emplace_back(part);
      return it->second;
    };
    t.pattern_parts.resize(ds.size());
    t.title_parts.resize(ds.size());
    for (size_t k = 0; k < ds.size(); ++k) {
      for (const std::string& p : ds[k].patterns) {
        std::vector<uint32_t> ids;
        for (size_t start = 0; start <= p.size();) {
          size_t amp = std::min(p.find('&', start), p.size());
          if (amp > start) ids.push_back(intern(std::string_view(p).substr(start, amp - start)));
          start = amp + 1;
        }
        t.pattern_parts[k].push_back(std::move(ids));
      }
      for (const std::string& title : {ds[k].title_zh, AsciiLower(ds[k].title)}) {
        if (!title.empty()) t.title_parts[k].push_back(intern(title));
      }
    }
    t.users.resize(t.parts.size());
    for (size_t k = 0; k < ds.size(); ++k) {
      for (size_t j = 0; j < t.pattern_parts[k].size(); ++j) {
        for (uint32_t part : t.pattern_parts[k][j]) t.users[part].emplace_back(static_cast<uint32_t>(k), static_cast<uint32_t>(j));
      }
    }
    t.is_title.assign(t.parts.size(), false);
    for (const auto& tp : t.title_parts) {
      for (uint32_t q : tp) t.is_title[q] = true;
    }
    for (const std::string& p : t.parts) t.scan.push_back({sdk::Str(p), ESGAUDIT_PATTERN_CASELESS});  // parts never move again
  });
}

std::shared_ptr<const NeedWords> NeedWords::Of(const std::shared_ptr<const Catalogue>& catalogue) {
  return sdk::DerivedRuleData<NeedWords>(catalogue, [](const Catalogue& c, NeedWords* tables) {
    NeedWords& t = *tables;
    std::map<std::string, uint32_t> unit_index, unless_index, label_index;
    auto intern = [](std::map<std::string, uint32_t>& index, std::vector<std::string>& list, const std::string& w) {
      auto [it, fresh] = index.emplace(w, static_cast<uint32_t>(list.size()));
      if (fresh) list.push_back(w);
      return it->second;
    };
    const std::vector<Disclosure>& ds = c.disclosures();
    for (size_t k = 0; k < ds.size(); ++k) {
      for (size_t m = 0; m < ds[k].data.size(); ++m) {
        const DataNeed& need = ds[k].data[m];
        Need n;
        n.disclosure = static_cast<uint32_t>(k);
        n.need = static_cast<uint32_t>(m);
        for (uint32_t kind : {uint32_t{ESGAUDIT_FACT_QUANTITY}, uint32_t{ESGAUDIT_FACT_PERCENT}}) {
          if (KindAllowed(need, kind)) n.kinds |= 1u << kind;
        }
        for (const std::string& u : need.units) n.units.push_back(intern(unit_index, t.units, u));
        for (const std::string& w : need.unless) n.unless.push_back(intern(unless_index, t.unless, w));
        for (const std::string& l : need.labels) n.labels.push_back(intern(label_index, t.labels, l));
        t.needs.push_back(std::move(n));
      }
    }
    for (const std::string& l : t.labels) {
      std::vector<uint16_t> pairs;
      if (l.empty() || l[0] != '=') {
        for (size_t start = 0; start <= l.size();) {
          const size_t amp = std::min(l.find('&', start), l.size());
          for (uint16_t h : BytePairs::Of(std::string_view(l).substr(start, amp - start))) pairs.push_back(h);
          start = amp + 1;
        }
      }
      t.label_pairs.push_back(std::move(pairs));
    }
    for (const std::string& w : t.unless) t.unless_pairs.push_back(BytePairs::Of(w));
    for (Need& n : t.needs) {
      for (uint32_t id : n.labels) {
        const std::string& l = t.labels[id];
        if ((!l.empty() && l[0] == '=') || t.label_pairs[id].empty())
          n.label_always_may = true;
        else
          n.label_keys.emplace_back(t.label_pairs[id][0], id);
      }
    }
    std::map<uint16_t, std::set<uint32_t>> by_key;  // first pair -> labels
    t.label_needs.resize(t.labels.size());
    for (uint32_t i = 0; i < t.needs.size(); ++i) {
      t.always_may.push_back(t.needs[i].label_always_may ? 1 : 0);
      for (const auto& [key, id] : t.needs[i].label_keys) {
        by_key[key].insert(id);
        if (t.label_needs[id].empty() || t.label_needs[id].back() != i) t.label_needs[id].push_back(i);
      }
    }
    t.key_index.assign(BytePairs::kBits, 0);
    for (const auto& [key, ids] : by_key) {
      t.key_set.Add(key);
      t.key_index[key] = static_cast<uint16_t>(t.keys.size());
      t.keys.push_back(key);
      t.key_begin.push_back(static_cast<uint32_t>(t.key_labels.size()));
      t.key_labels.insert(t.key_labels.end(), ids.begin(), ids.end());
    }
    t.key_begin.push_back(static_cast<uint32_t>(t.key_labels.size()));
  });
}

bool MayMatchALabel(const NeedWords& words, const NeedWords::Need& need, const BytePairs& label_pairs) {
  if (need.label_always_may) return true;
  for (const auto& [key, id] : need.label_keys) {
    if (label_pairs.Has(key) && label_pairs.MayHold(words.label_pairs[id])) return true;
  }
  return false;
}

void MayMatchingNeeds(const NeedWords& words, const BytePairs& label_pairs, std::vector<uint8_t>* may) {
  may->assign(words.always_may.begin(), words.always_may.end());
  label_pairs.ForEachCommon(words.key_set, [&](uint16_t key) {
    const size_t k = words.key_index[key];
    for (uint32_t x = words.key_begin[k]; x < words.key_begin[k + 1]; ++x) {
      const uint32_t id = words.key_labels[x];
      if (!label_pairs.MayHold(words.label_pairs[id])) continue;
      for (uint32_t i : words.label_needs[id]) (*may)[i] = 1;
    }
  });
}

void PrepareMentionScan(const sdk::Document& doc) {
  doc.Scan(MentionParts::Of(Catalogue::ForDocument(doc))->scan);
}

void GriAnalysis::FindEvidence(const sdk::Document& doc) {
  const std::vector<Disclosure>& ds = catalogue_.disclosures();
  results_.assign(ds.size(), DisclosureResult());
  uint32_t n = static_cast<uint32_t>(excluded_.size());
  std::vector<std::vector<bool>> met(ds.size());
  std::vector<std::vector<std::vector<uint32_t>>> on_pointed(ds.size());  // [k][m] -> facts
  std::vector<bool> mentioned(ds.size(), false);
  std::vector<bool> in_passage(ds.size(), false);  // mentioned in running text or a table row
  std::vector<std::vector<uint32_t>> mention_lines(ds.size());  // lines mentioning it, in order
  std::vector<bool> unaddressed(ds.size(), false);  // in a passage naming none of its `with` words
  for (size_t k = 0; k < ds.size(); ++k) {
    met[k].assign(ds[k].data.size(), false);
    on_pointed[k].resize(ds[k].data.size());
  }
  line_units_.assign(n, std::string());
  line_text_read_.assign(n, TextBytesRead());
  for (uint32_t f = 0; f < doc.FactCount(); ++f) {
    const esgaudit_fact& fact = doc.Fact(f);
    if (fact.line >= n) continue;
    if (fact.kind == ESGAUDIT_FACT_PERCENT)
      line_units_[fact.line] += " % ";
    else if (fact.kind == ESGAUDIT_FACT_QUANTITY && fact.unit.size != 0)
      AppendAll(&line_units_[fact.line], {" ", AsciiLower(std::string(sdk::View(fact.unit))), " "});
  }

  // One scan of the view finds every part of every pattern ("a&b" has parts a and b) and every
  // title; then, per line, a disclosure is mentioned by its first pattern (in catalogue order) whose
  // parts all occur in the line, located at its earliest part — MatchPattern's semantics.
  const std::shared_ptr<const MentionParts> tables = MentionParts::Of(catalogue_data_);
  const std::vector<std::string>& parts = tables->parts;
  const std::vector<std::vector<std::vector<uint32_t>>>& pattern_parts = tables->pattern_parts;
  const std::vector<std::vector<uint32_t>>& title_parts = tables->title_parts;
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& users = tables->users;
  const std::vector<bool>& is_title = tables->is_title;
  const std::vector<esgaudit_match> found = doc.Scan(tables->scan);
  auto is_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  // Per line, the first valid occurrence of each part (matches arrive sorted by position): sorted
  // by line and part below, one per part of a line.
  struct PartAt {
    uint32_t line;
    uint32_t part;
    size_t pos;  // in the line
  };
  std::vector<PartAt> first;
  std::map<uint32_t, std::set<uint32_t>> titled;  // line -> titles in it
  for (const esgaudit_match& m : found) {
    auto next = std::upper_bound(line_view_begin_.begin(), line_view_begin_.end(), m.begin);
    if (next == line_view_begin_.begin()) continue;
    uint32_t i = static_cast<uint32_t>(next - line_view_begin_.begin() - 1);
    if (excluded_[i] || m.end > line_view_end_[i]) continue;
    if (line_page_[i] != 0 && is_title[m.pattern]) titled[i].insert(m.pattern);
    const std::string& part = parts[m.pattern];
    // A part starting with a letter or digit must start a word.
    if (is_alnum(part.front()) && m.begin > line_view_begin_[i] && is_alnum(view_lower_[m.begin - 1])) continue;
    first.push_back({i, m.pattern, m.begin - line_view_begin_[i]});
  }
  std::stable_sort(first.begin(), first.end(), [](const PartAt& a, const PartAt& b) {
    return a.line != b.line ? a.line < b.line : a.part < b.part;
  });
  first.erase(std::unique(first.begin(), first.end(),
                          [](const PartAt& a, const PartAt& b) { return a.line == b.line && a.part == b.part; }),
              first.end());
  // A title anywhere in a line puts its page among the disclosure's pages.
  for (const auto& [i, titles] : titled) {
    for (size_t k = 0; k < ds.size(); ++k) {
      for (uint32_t q : title_parts[k]) {
        if (titles.count(q)) results_[k].pages.insert(line_page_[i]);
      }
    }
  }
  for (auto line_begin = first.begin(); line_begin != first.end();) {
    const uint32_t i = line_begin->line;
    const auto line_end = std::find_if(line_begin, first.end(), [&](const PartAt& p) { return p.line != i; });
    // The position of part q in the line, or npos when it does not occur there.
    auto at = [&](uint32_t q) {
      auto f = std::lower_bound(line_begin, line_end, q, [](const PartAt& p, uint32_t x) { return p.part < x; });
      return f != line_end && f->part == q ? f->pos : std::string::npos;
    };
    std::map<uint32_t, std::pair<uint32_t, size_t>> hit;  // k -> (first matching j, position)
    for (auto p = line_begin; p != line_end; ++p) {
      for (const auto& [k, j] : users[p->part]) {
        auto h = hit.find(k);
        if (h != hit.end() && h->second.first <= j) continue;
        size_t earliest = std::string::npos;
        bool all = true;
        for (uint32_t q : pattern_parts[k][j]) {
          const size_t pos = at(q);
          if (pos == std::string::npos) {
            all = false;
            break;
          }
          earliest = std::min(earliest, pos);
        }
        if (!all) continue;
        hit[k] = {j, earliest};
      }
    }
    for (const auto& [k, jp] : hit) {
      DisclosureResult& r = results_[k];
      // The earliest part's length, as MatchPattern reports it.
      size_t len = 0;
      for (uint32_t q : pattern_parts[k][jp.first]) {
        if (at(q) == jp.second && len == 0) len = parts[q].size();
      }
      mentioned[k] = true;
      mention_lines[k].push_back(i);
      if (passage_[i]) {
        if (NamesWith(ds[k], i))
          in_passage[k] = true;
        else
          unaddressed[k] = true;
      }
      if (line_page_[i] != 0) r.pages.insert(line_page_[i]);
      if (r.evidence.size() < kMaxMentions) r.evidence.push_back(MakeEvidence(i, jp.second, len, false));
    }
    line_begin = line_end;
  }

  // Per table: its caption (the short line of text just above it) and unit, read once.
  std::vector<std::string> captions(doc.TableCount());
  std::vector<std::string> table_units(doc.TableCount());
  for (uint32_t t = 0; t < doc.TableCount(); ++t) {
    esgaudit_table tb = doc.Table(t);
    table_units[t] = AsciiLower(std::string(sdk::View(tb.unit)));
    // The caption is the nearest short line of text up to two lines above the table; a line that
    // only states the table's unit ("单位：吨") is passed over, it names nothing.
    for (uint32_t up = 1, limit = 2; up <= limit && up <= tb.first_line; ++up) {
      uint32_t j = tb.first_line - up;
      std::string_view text = Trim(LowerLine(j));
      if (text.empty() || excluded_[j]) continue;
      if (!table_units[t].empty() && Contains(text, table_units[t]) &&
          sdk::CodePointCount(text) <= sdk::CodePointCount(table_units[t]) + 6) {
        limit = up + 2;
        continue;
      }
      if (text.size() <= 60) captions[t] = std::string(text);
      break;
    }
  }
  const std::shared_ptr<const NeedWords> need_words = NeedWords::Of(catalogue_data_);
  std::vector<int8_t> unit_said, column_said, unless_said, label_said;
  std::vector<uint8_t> need_may;  // MayMatchingNeeds' answer for the figure
  BytePairs label_pairs;
  BytePairs near_pairs;  // of `near`, both filled when a figure first asks an "unless" word
  std::unordered_map<uint32_t, std::string> series_titles;  // line -> SeriesTitle(line)
  // A figure's texts, emptied for each figure: their storage is made once, not per figure.
  std::string own_label, own_column, labels, units, near, labels_own;
  for (uint32_t f = 0; f < doc.FactCount(); ++f) {
    const esgaudit_fact& fact = doc.Fact(f);
    if (fact.line >= n || excluded_[fact.line]) continue;
    if (fact.kind != ESGAUDIT_FACT_QUANTITY && fact.kind != ESGAUDIT_FACT_PERCENT) continue;
    // Labels: the fact's own, the clause of the line around the number, and in a table row the
    // row's label cell (with its "（吨）" unit) and the table's caption and unit.
    std::string_view line = LowerLine(fact.line);
    uint64_t fv = doc.TextToView(fact.offset);
    size_t at = fv >= line_view_begin_[fact.line]
                    ? std::min<size_t>(fv - line_view_begin_[fact.line], line.size())
                    : 0;
    own_label.assign(sdk::View(fact.label));
    own_label = AsciiLower(std::move(own_label));
    own_column.assign(sdk::View(fact.column_label));
    own_column = AsciiLower(std::move(own_column));
    labels.clear();
    AppendAll(&labels,
              {own_label, "\n", own_column, "\n", ClauseAround(line, at, kLabelWindowBefore, kLabelWindowAfter), "\n",
               SeriesLabel(line, at)});
    units.clear();
    AppendAll(&units, {sdk::View(fact.unit), " ", sdk::View(fact.unit_text)});
    units = AsciiLower(std::move(units));
    RowContext row = RowOf(doc, fact.line, fv);
    if (!row.label.empty()) {
      AppendAll(&labels, {"\n", row.label});
      AppendAll(&units, {" ", row.unit});
    }
    uint64_t fend = doc.TextToView(fact.offset + fact.length);
    std::string chart_unit;  // the unit a chart states above its figures, when it does
    std::string below = CaptionBelow(fact.line, fv, fend, &chart_unit);
    if (below.empty()) chart_unit.clear();
    if (!below.empty()) AppendAll(&labels, {"\n", below});
    // Once per line: the title is the line's, and asking costs the line's length.
    auto [title_at, new_line] = series_titles.try_emplace(fact.line);
    if (new_line) title_at->second = SeriesTitle(fact.line);
    const std::string& series_title = title_at->second;
    if (!series_title.empty()) {
      AppendAll(&labels, {"\n", series_title});
      AppendAll(&below, {"\n", series_title});  // its words say what the figures count, as a caption's do
      // The item's words after its figure are its unit ("3.9 Thousands MT CO2e - In 2022 …").
      const size_t end = std::min<size_t>(line.size(), fend >= line_view_begin_[fact.line] ? fend - line_view_begin_[fact.line] : line.size());
      std::string_view item = line.substr(end);
      item = item.substr(0, std::min(item.find(" - "), item.size()));
      AppendAll(&units, {" ", item});
    }
    // What the figure's own words say it counts (its whole clause, its row's label, its caption
    // line): the table's caption is left out, it speaks for every row. Built when the figure first
    // asks an "unless" word (few do: most needs are passed over before); nothing it reads changes
    // after this point.
    auto fill_near = [&] {
      near.clear();
      AppendAll(&near, {own_label, "\n", ClauseAround(line, at, kClauseWindow, kClauseWindow), "\n", row.label,
                        "\n", below});
      // A sentence opening with a phrase that sets what the whole sentence speaks of ("On our Board, we
      // have 46% female …", "在董事会中，女性占…") says it of this figure too, however many clauses on.
      AppendAll(&near, {"\n", SentenceHead(line, at)});
      near_pairs.Fill(near);
    };
    // A unit read from a unit column counts only with a label of the row's own (a table's caption
    // speaks for every row, whatever each row's unit).
    labels_own.assign(labels);
    esgaudit_line_structure ls = doc.LineStructure(fact.line);
    if (ls.table != ESGAUDIT_NO_INDEX && ls.table < captions.size()) {
      AppendAll(&labels, {"\n", captions[ls.table]});
      if (Trim(units).empty()) AppendAll(&units, {" ", table_units[ls.table]});
    }
    if (!chart_unit.empty()) AppendAll(&units, {" ", chart_unit});
    bool has_unit = !Trim(units).empty();
    // "1.11吨标煤/万吨", "kWh per m2": a rate per unit of output, never a total.
    // The unit read with the figure may stop before its denominator: look right after the figure.
    std::string_view after = fend >= line_view_begin_[fact.line] && fend - line_view_begin_[fact.line] <= line.size()
                                 ? line.substr(fend - line_view_begin_[fact.line])
                                 : std::string_view();
    // "5.a Undertake reforms…": the figure is a list item's code (a target of an SDG), no figure.
    if (after.size() >= 2 && after[0] == '.' && after[1] >= 'a' && after[1] <= 'z' &&
        (after.size() == 2 || !std::isalnum(static_cast<unsigned char>(after[2]))))
      continue;
    // The unit word printed after the figure (up to a space, a digit or punctuation): "千克标煤/ 吨"
    // is per tonne; "8.7GWh in 2021/22" is not.
    std::string_view unit_after = after;
    while (!unit_after.empty() && unit_after.front() == ' ') unit_after.remove_prefix(1);
    size_t unit_end = 0;
    while (unit_end < unit_after.size() && unit_end < 18 && unit_after[unit_end] != ' ' &&
           !IsDigit(unit_after[unit_end]) && unit_after[unit_end] != ',' && unit_after[unit_end] != ';' &&
           unit_after.compare(unit_end, 3, "，") != 0 && unit_after.compare(unit_end, 3, "。") != 0)
      ++unit_end;
    unit_after = unit_after.substr(0, unit_end);
    bool per_unit = Contains(units, "/") || Contains(units, "每") || Contains(units, " per ") ||
                    Contains(unit_after, "/") || Contains(unit_after, "每") || after.rfind(" per ", 0) == 0;
    // Each distinct unit, word and label is asked about this figure at most once, however many needs
    // list it (0 not yet asked, 1 no, 2 yes); the needs come in catalogue order, as before.
    unit_said.assign(need_words->units.size(), 0);
    column_said.assign(need_words->units.size(), 0);
    unless_said.assign(need_words->unless.size(), 0);
    label_said.assign(need_words->labels.size() * 2, 0);
    auto ask = [](int8_t& said, auto&& question) {
      if (said == 0) said = question() ? 2 : 1;
      return said == 2;
    };
    const bool slash_column = Contains(row.unit_column, "/");
    // labels_own is the start of labels: a pair missing from labels is missing from both.
    label_pairs.Fill(labels);
    bool near_filled = false;
    // Off the lines an index row points to, a need none of whose labels may match this figure can
    // give it nothing (its unit and "unless" questions only feed the label test): it is passed over
    // before those questions, which most figures would otherwise ask of most needs.
    const bool labels_decide = !pointed_[fact.line];
    // MayMatchALabel of each need, asked of all at once.
    if (labels_decide) MayMatchingNeeds(*need_words, label_pairs, &need_may);
    for (size_t ni = 0; ni < need_words->needs.size(); ++ni) {
      const NeedWords::Need& nw = need_words->needs[ni];
      if ((nw.kinds & (1u << fact.kind)) == 0) continue;  // KindAllowed
      if (labels_decide && need_may[ni] == 0) continue;
      const size_t k = nw.disclosure;
      const size_t m = nw.need;
      const DataNeed& need = ds[k].data[m];
      const bool unit_checked = !nw.units.empty() && fact.kind != ESGAUDIT_FACT_PERCENT;
      bool column_unit_only = false;
      if (unit_checked) {
        if (per_unit || slash_column) continue;
        bool unit_ok = false;
        bool column_ok = false;
        for (uint32_t id : nw.units) {
          const std::string& u = need_words->units[id];
          // A unit the chart states is the figure's; its caption's words then say what, not in what.
          unit_ok = unit_ok || ask(unit_said[id], [&] {
                      return (has_unit && Contains(units, u)) || (chart_unit.empty() && UnitInCaption(below, u)) ||
                             UnitRightAfter(after, u);
                    });
          column_ok = column_ok || ask(column_said[id], [&] { return Contains(row.unit_column, u); });
        }
        if (!unit_ok && !column_ok) continue;
        column_unit_only = !unit_ok;
      }
      // The labels are asked first: a figure none of whose labels matches gives the need nothing
      // but, on a line an index row points to, its place in on_pointed, and only that asks the
      // "unless" words of such a figure (most needs end here, before their many "unless" words).
      const bool may_point = unit_checked && pointed_[fact.line];
      bool label_ok = false;
      for (uint32_t id : nw.labels) {
        const std::string& l = need_words->labels[id];
        label_ok = ask(label_said[id * 2 + (column_unit_only ? 1 : 0)], [&] {
          if (!l.empty() && l[0] == '=') {
            // "=女": the fact's own label or column label is exactly this (a chart legend).
            std::string_view want = std::string_view(l).substr(1);
            return Trim(own_label) == want || Trim(own_column) == want;
          }
          if (!label_pairs.MayHold(need_words->label_pairs[id])) return false;
          size_t pos = 0;
          size_t len = 0;
          return MatchPattern(column_unit_only ? labels_own : labels, l, &pos, &len);
        });
        if (label_ok) break;
      }
      if (!label_ok && !may_point) continue;
      bool other = false;
      for (uint32_t id : nw.unless) {
        other = ask(unless_said[id], [&] {
          if (!near_filled) fill_near();
          near_filled = true;
          return near_pairs.MayHold(need_words->unless_pairs[id]) && Contains(near, need_words->unless[id]);
        });
        if (other) break;
      }
      if (other) continue;
      // On a page or in a section the report's own index points to for this disclosure, a figure
      // of the right kind and unit whose words name the disclosure answers it: the index row
      // names the disclosure, the page gives the figure.
      if (may_point && TopicOnLine(ds[k], need, column_unit_only ? labels_own : labels))
        on_pointed[k][m].push_back(f);
      if (!label_ok) continue;
      DisclosureResult& r = results_[k];
      if (line_page_[fact.line] != 0) r.pages.insert(line_page_[fact.line]);
      size_t data_points = std::count_if(r.evidence.begin(), r.evidence.end(),
                                         [](const Evidence& e) { return e.data; });
      if (!met[k][m] || data_points < kMaxDataPoints) {
        uint64_t vb = line_view_begin_[fact.line];
        uint64_t fv = doc.TextToView(fact.offset);
        uint64_t fe = doc.TextToView(fact.offset + fact.length);
        size_t pos = fv >= vb ? fv - vb : 0;
        size_t len = fe > fv ? fe - fv : 0;
        Evidence e = MakeEvidence(fact.line, pos, len, true);
        e.offset = fact.offset;
        e.length = fact.length;
        r.evidence.push_back(std::move(e));
      }
      met[k][m] = true;
    }
  }

  for (size_t k = 0; k < ds.size(); ++k) {
    DisclosureResult& r = results_[k];
    std::stable_sort(r.evidence.begin(), r.evidence.end(),
                     [](const Evidence& a, const Evidence& b) { return a.offset < b.offset; });
    size_t satisfied = std::count(met[k].begin(), met[k].end(), true);
    if (ds[k].data.empty()) {
      // A qualitative disclosure is covered by a passage about it; a heading, a slogan or another
      // short line naming it is at most partial.
      r.status = in_passage[k] ? ESGAUDIT_COVERED : mentioned[k] ? ESGAUDIT_PARTIAL : ESGAUDIT_MISSING;
      if (r.status == ESGAUDIT_PARTIAL)
        r.reason = unaddressed[k] ? PartialReason::kNoAudience : PartialReason::kNoPassage;
    } else if (satisfied == ds[k].data.size()) {
      r.status = ESGAUDIT_COVERED;
    } else if (mentioned[k] || satisfied > 0) {
      r.status = ESGAUDIT_PARTIAL;
      r.reason = PartialReason::kNoDataPoint;
    } else {
      r.status = ESGAUDIT_MISSING;
    }
  }

  // The report's own index row is the company's claim, not evidence: a disclosure it points to a
  // page or section for (and does not mark as omitted) is covered when that page or section
  // carries every data point it needs (above) or, for a qualitative disclosure (a policy, a
  // process, a description), names its topic (a heading, a table cell) and treats something in
  // running text; one the text does not otherwise answer is partial, for that reason.
  for (size_t ri = 0; ri < rows_.size(); ++ri) {
    const IndexRow& row = rows_[ri];
    if (row.omitted || !row.points) continue;
    for (const std::string& id : row.resolved.ids) {
      int k = catalogue_.IndexOf(id);
      if (k < 0) continue;
      DisclosureResult& r = results_[static_cast<size_t>(k)];
      const Disclosure& d = ds[static_cast<size_t>(k)];
      if (r.status == ESGAUDIT_COVERED) continue;
      if (d.data.empty()) {
        const std::vector<uint32_t>& at = mention_lines[static_cast<size_t>(k)];
        auto named = std::find_if(at.begin(), at.end(), [&](uint32_t line) {
          return InRanges(row_ranges_[ri], line) && NamesWith(d, line);
        });
        if (named == at.end()) continue;
        bool prose = false;
        for (const auto& [from, to] : row_ranges_[ri])
          for (uint32_t i = from; i <= to && i < passage_.size() && !prose; ++i) prose = passage_[i];
        if (!prose) continue;
        r.status = ESGAUDIT_COVERED;
        r.reason = PartialReason::kNone;
        continue;
      }
      std::vector<uint32_t> answer;  // one fact per data point, on a line the row points to
      for (size_t m = 0; m < d.data.size(); ++m) {
        for (uint32_t f : on_pointed[static_cast<size_t>(k)][m]) {
          if (InRanges(row_ranges_[ri], doc.Fact(f).line)) {
            answer.push_back(f);
            break;
          }
        }
      }
      if (answer.size() != d.data.size()) continue;
      r.status = ESGAUDIT_COVERED;
      r.reason = PartialReason::kNone;
      for (uint32_t f : answer) {
        const esgaudit_fact& fact = doc.Fact(f);
        uint64_t vb = line_view_begin_[fact.line];
        uint64_t fv = doc.TextToView(fact.offset);
        uint64_t fe = doc.TextToView(fact.offset + fact.length);
        Evidence e = MakeEvidence(fact.line, fv >= vb ? fv - vb : 0, fe > fv ? fe - fv : 0, true);
        e.offset = fact.offset;
        e.length = fact.length;
        r.evidence.push_back(std::move(e));
      }
      std::stable_sort(r.evidence.begin(), r.evidence.end(),
                       [](const Evidence& a, const Evidence& b) { return a.offset < b.offset; });
    }
  }
  for (const IndexRow& row : rows_) {
    if (row.omitted || !row.points) continue;
    for (const std::string& id : row.resolved.ids) {
      int k = catalogue_.IndexOf(id);
      if (k < 0) continue;
      DisclosureResult& r = results_[static_cast<size_t>(k)];
      if (r.status != ESGAUDIT_MISSING) continue;
      r.status = ESGAUDIT_PARTIAL;
      r.reason = PartialReason::kIndexOnly;
      Evidence e;
      e.offset = row.offset;
      e.length = row.length;
      e.line = row.line;
      uint64_t vb = line_view_begin_[row.line];
      uint64_t at = doc.TextToView(row.offset);
      e.quote_pos = at >= vb ? at - vb : 0;
      e.quote_len = row.length;
      r.evidence.push_back(std::move(e));
    }
  }
}

void GriAnalysis::FindLegacy() {
  std::set<std::string> seen;
  std::map<std::pair<uint32_t, std::string>, const IndexRow*> row_at;
  for (const IndexRow& r : rows_) row_at.emplace(std::make_pair(r.line, r.cited), &r);
  uint32_t n = static_cast<uint32_t>(excluded_.size());
  for (uint32_t i = 0; i < n; ++i) {
    std::string_view line = LowerLine(i);
    if (line.empty()) continue;
    for (const IdToken& t : ScanIds(line)) {
      auto row = row_at.find(std::make_pair(i, t.id));
      bool in_row = row != row_at.end();
      int standard = t.g4 ? 0 : std::stoi(t.id.substr(0, t.id.find('-')));
      bool ambiguous = standard == 102 || standard == 103 || standard == 307 || standard == 419 ||
                       standard == 303 || standard == 306 || standard == 403;
      if (!t.g4 && !(ambiguous && (t.gri_prefix || in_row))) continue;
      if (seen.count(t.id)) continue;
      Resolution res =
          in_row ? row->second->resolved : ResolveId(catalogue_, t.id, line, report_year_);
      if (!res.legacy || !res.known) continue;
      seen.insert(t.id);
      LegacyCitation c;
      uint64_t vb = line_view_begin_[i] + t.pos;
      c.offset = doc_->ViewToText(vb);
      c.length = doc_->ViewToText(vb + t.len) - c.offset;
      c.cited = t.id;
      c.in_index = in_row;
      c.resolved = std::move(res);
      legacy_.push_back(std::move(c));
    }
  }
}

bool GriAnalysis::NamesWith(const Disclosure& d, uint32_t i) const {
  if (d.with.empty() && d.with_units.empty()) return true;
  auto names = [&](uint32_t j) {
    std::string_view t = LowerLine(j);
    if (std::any_of(d.with.begin(), d.with.end(), [&](const std::string& w) { return Contains(t, w); }))
      return true;
    for (const std::string& u : d.with_units)
      if (Contains(line_units_[j], " " + u + " ")) return true;
    return false;
  };
  if (names(i)) return true;
  const uint32_t n = static_cast<uint32_t>(excluded_.size());
  for (uint32_t j = i; j-- > 0;) {
    if (Trim(LowerLine(j)).empty()) continue;
    if (!excluded_[j] && names(j)) return true;
    break;
  }
  for (uint32_t j = i + 1; j < n; ++j) {
    if (Trim(LowerLine(j)).empty()) continue;
    return !excluded_[j] && names(j);
  }
  return false;
}

bool GriAnalysis::InRanges(const std::vector<std::pair<uint32_t, uint32_t>>& ranges, uint32_t line) {
  for (const auto& [from, to] : ranges) {
    if (line >= from && line <= to) return true;
  }
  return false;
}

// On a pointed page, a figure with the unit a data point asks for counts when its own words (the
// label text of the main pass) name the data point or, for a disclosure with a single data point,
// the disclosure ("二氧化碳排放 1,234 吨": 吨 alone is water, waste or emissions). A data point
// without a unit gets no such help: any count or share on the page would do.
bool GriAnalysis::TopicOnLine(const Disclosure& d, const DataNeed& need, std::string_view text) const {
  size_t pos = 0;
  size_t len = 0;
  for (const std::string& l : need.labels) {
    if (!l.empty() && l[0] != '=' && MatchPattern(text, l, &pos, &len)) return true;
  }
  if (d.data.size() != 1) return false;
  for (const std::string& p : d.patterns) {
    if (MatchPattern(text, p, &pos, &len)) return true;
  }
  return false;
}

void GriAnalysis::FindPointedLines(const sdk::Document& doc) {
  uint32_t n = static_cast<uint32_t>(excluded_.size());
  pointed_.assign(n, false);
  row_ranges_.assign(rows_.size(), {});
  if (rows_.empty()) return;
  // Printed page numbers: with page breaks (a PDF), the pages whose printed number is known; in a
  // text without them, the lines standing for a page number ("- 17 -", "19"), taken in rising order.
  // A printed page is then the text between the page numbers before and after it: the number may
  // be a footer (ending its page) or a header (starting it), so the window spans both.
  std::map<uint32_t, uint32_t> marker;  // printed page -> its page-number line
  bool by_break = doc.PageCount() != 0 && page_delta_known_;
  if (!by_break) {
    const std::regex& kNumber = Expressions().number;
    uint32_t last = 0;
    for (uint32_t i = 0; i < n; ++i) {
      if ((doc.LineStructure(i).flags & ESGAUDIT_LINE_PAGE_NUMBER) == 0) continue;
      std::string text(LowerLine(i));
      std::smatch m;
      if (!std::regex_search(text, m, kNumber)) continue;
      uint32_t p = static_cast<uint32_t>(std::stoul(m.str()));
      if (p > last && (last == 0 || p <= last + 10)) {
        marker[p] = i;
        last = p;
      }
    }
  }
  // The table of contents maps printed pages to titles, and the titles recur as headings in the
  // text: a printed page lies between the heading of the last entry starting at or before it and
  // the heading of the first entry starting after it. Entries are kept while both their pages and
  // their headings' lines rise.
  std::vector<std::pair<uint32_t, uint32_t>> toc;  // (printed page, heading line)
  {
    std::map<std::string, uint32_t> first_line;  // squeezed text of a line outside the TOC -> line
    std::string key;                             // kept from line to line; copied when kept
    for (uint32_t i = 0; i < n; ++i) {
      if (excluded_[i]) continue;
      SqueezeInto(LowerLine(i), &key);
      if (key.size() >= 6 && key.size() <= 60) first_line.emplace(key, i);
    }
    for (uint32_t t = 0; t < doc.TocEntryCount(); ++t) {
      esgaudit_toc_entry e = doc.TocEntry(t);
      if (e.page == 0) continue;
      auto at = first_line.find(Squeeze(AsciiLower(std::string(sdk::View(e.title)))));
      if (at == first_line.end() || at->second <= e.line) continue;
      if (!toc.empty() && (e.page <= toc.back().first || at->second <= toc.back().second)) continue;
      toc.emplace_back(e.page, at->second);
    }
  }
  auto page_lines = [&](uint32_t printed, std::vector<std::pair<uint32_t, uint32_t>>* out) {
    auto from_toc = [&]() {
      for (size_t t = 0; t + 1 < toc.size(); ++t) {
        if (toc[t].first <= printed && printed < toc[t + 1].first) {
          out->emplace_back(toc[t].second, toc[t + 1].second - 1);
          return;
        }
      }
    };
    if (by_break) {
      int physical = static_cast<int>(printed) + page_delta_;
      uint32_t from = n;
      uint32_t to = 0;
      for (uint32_t i = 0; i < n; ++i) {
        if (static_cast<int>(line_page_[i]) != physical) continue;
        from = std::min(from, i);
        to = std::max(to, i);
      }
      if (from <= to) out->emplace_back(from, to);
      return;
    }
    auto after = marker.upper_bound(printed);
    auto before = marker.lower_bound(printed);
    if (before == marker.begin() || after == marker.end()) return from_toc();
    --before;
    if (after->first - before->first > 3) return from_toc();  // page numbers missing around it
    out->emplace_back(before->second + 1, after->second - 1);
  };
  // A reference naming a section ("员工权益", "Our people"): the section of that title.
  std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> sections;
  for (uint32_t i = 0; i < doc.SectionCount(); ++i) {
    esgaudit_section sec = doc.Section(i);
    std::string title = Squeeze(AsciiLower(std::string(sdk::View(sec.title))));
    if (title.size() >= 6) sections.push_back({title, {sec.line, sec.last_line}});
  }
  for (size_t r = 0; r < rows_.size(); ++r) {
    const IndexRow& row = rows_[r];
    if (row.omitted || !row.points) continue;
    for (uint32_t p : row.pages) page_lines(p, &row_ranges_[r]);
    if (row.pages.empty()) {
      std::string ref = Squeeze(row.reference);
      for (const auto& [title, range] : sections) {
        if (ref.size() >= 6 && (title == ref || (ref.size() >= 9 && Contains(title, ref)))) {
          row_ranges_[r].push_back(range);
          break;
        }
      }
    }
    for (const auto& [from, to] : row_ranges_[r]) {
      for (uint32_t i = from; i <= to && i < n; ++i) pointed_[i] = pointed_[i] || !excluded_[i];
    }
  }
}

void GriAnalysis::FindPageDelta(const sdk::Document& doc) {
  if (doc.PageCount() == 0) return;
  const std::regex& kPageNumber = Expressions().page_number;
  std::map<uint32_t, std::vector<uint32_t>> page_lines;
  for (uint32_t i = 0; i < line_page_.size(); ++i) {
    if (line_page_[i] != 0 && !Trim(LowerLine(i)).empty()) page_lines[line_page_[i]].push_back(i);
  }
  std::map<int, int> votes;
  int pages_with_numbers = 0;
  for (const auto& [page, lines] : page_lines) {
    std::set<int> deltas;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (k >= 3 && k + 3 < lines.size()) continue;
      std::string line(Trim(LowerLine(lines[k])));
      std::smatch m;
      if (std::regex_match(line, m, kPageNumber))
        deltas.insert(static_cast<int>(page) - std::stoi(m[1].str()));
    }
    if (!deltas.empty()) ++pages_with_numbers;
    for (int d : deltas) ++votes[d];
  }
  int best = 0;
  int best_votes = 0;
  for (const auto& [d, v] : votes) {
    if (v > best_votes) {
      best = d;
      best_votes = v;
    }
  }
  if (best_votes >= 3 && best_votes * 2 >= pages_with_numbers) {
    page_delta_known_ = true;
    page_delta_ = best;
  }
}

void PrepareExpressions() { Expressions(); }

}  // namespace esgaudit::gri
