// The structure model, part two: the report's own content index and report metadata.
#include <esgaudit/text.h>

#include <algorithm>
#include <cstring>
#include <locale>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "analyse/pattern_scan.h"
#include "analyse/structure_internal.h"
#include "analyse/structure_lines.h"
#include "analyse/text_width.h"
#include "esgaudit/document.h"

namespace esgaudit {

using sdk::Contains;
using sdk::ContainsAny;
using sdk::Trim;

namespace {

// Words that make a line a statement of the reporting period (matching view, lower-cased);
// 数据收集期间 is the period the report's data cover. 报告期内 / 报告期末 ("during / at the end of the
// period") introduce events, not the period (StatesPeriod). IndexMetadataWords marks the lines
// holding one (kPeriodWords).
constexpr std::string_view kPeriodStatementWords[] = {
    "时间范围", "时间跨度", "报告期", "报告时段", "报告周期", "涵盖期间", "报告时间", "报告的时间",
    "時間範圍", "時間跨度", "報告期", "報告時段", "報告週期", "报告時間", "收集期间", "reporting period"};

// Standards claimed by name (FindMetadata), lower-cased.
struct StandardName {
  esgaudit_standard standard;
  std::string_view text;
  bool word;  // must not touch ASCII letters
};
constexpr StandardName kStandardNames[] = {
    {ESGAUDIT_STANDARD_CASS_CSR, "cass-csr", false},
    {ESGAUDIT_STANDARD_CASS_CSR, "cass csr", false},
    {ESGAUDIT_STANDARD_CASS_CSR, "中国企业社会责任报告编写指南", false},
    {ESGAUDIT_STANDARD_CASS_CSR, "中国企业社会责任报告指南", false},
    {ESGAUDIT_STANDARD_GBT36001, "gb/t36001", false},
    {ESGAUDIT_STANDARD_GBT36001, "gb/t 36001", false},
    {ESGAUDIT_STANDARD_GBT36001, "社会责任报告编写指南", false},
    {ESGAUDIT_STANDARD_EXCHANGE_2024, "可持续发展报告(试行)", false},
    {ESGAUDIT_STANDARD_EXCHANGE_2024, "可持续发展报告指引", false},
};
// ExchangeGuideline reads a line holding one of these only.
constexpr std::string_view kGuidelineWords[] = {"指引", "guideline", "guidance"};
// A content index published elsewhere is named by one of these (FindGriClaims).
constexpr std::string_view kContentIndexNames[] = {"gri index", "content index", "gri table", "内容索引", "索引表"};

bool metadata_word_index = true;

// Cheap tests that hold on every text a regular expression below can match (std::regex tries every
// position, which cost more than the rest of the metadata pass): where one fails the expression is
// not run.

// "20" and two ASCII digits (the (20\d\d) of the period and title expressions).
bool HasYear20(std::string_view s) {
  for (size_t p = s.find("20"); p != std::string_view::npos && p + 3 < s.size(); p = s.find("20", p + 1)) {
    if (IsAsciiDigit(s[p + 2]) && IsAsciiDigit(s[p + 3])) return true;
  }
  return false;
}

// For an expression anchored at ^ (every alternative): std::regex_search tries it at every
// position of the text and fails at all but the first; anchored there, the answer is the same.
constexpr auto kAnchored = std::regex_constants::match_continuous;

// Whether "20" and two ASCII digits stand at s[p] (where a (20\d\d) opening an expression begins).
bool Year20At(std::string_view s, size_t p) {
  return p + 3 < s.size() && s[p] == '2' && s[p + 1] == '0' && IsAsciiDigit(s[p + 2]) && IsAsciiDigit(s[p + 3]);
}

bool StartsWithAny(std::string_view s, size_t p, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (s.compare(p, w.size(), w) == 0) return true;
  return false;
}

// The company names' endings of FindCompany's expressions (each ends in 公司, 集团 or 银行).
constexpr std::string_view kCompanySuffix = "(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|银行|公司)";

// The matches of `re` in `s` in the order std::sregex_iterator finds them, for an expression whose
// every match is non-empty and begins where may_start(p) holds: the expression is tried only there
// (anchored, with the byte before visible to \b), from the end of the last match, not at every
// byte. f(match, p) gets each match (its positions relative to p) and where it starts; it returns
// false to stop.
template <typename Start, typename F>
void ForEachMatchAt(const std::string& s, const std::regex& re, Start may_start, F f) {
  std::smatch m;
  for (size_t p = 0; p < s.size();) {
    if (!may_start(p)) {
      ++p;
      continue;
    }
    auto flags = std::regex_constants::match_continuous;
    if (p > 0) flags |= std::regex_constants::match_prev_avail;
    if (!std::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(p), s.cend(), m, re, flags)) {
      ++p;
      continue;
    }
    if (!f(m, p)) return;
    p += static_cast<size_t>(m.length(0));
  }
}

// A year token OCR may have damaged (2O16, 2〇16, 201S in the matching view, where O and S are
// lower-cased): "2", then three digits or o / 〇 (read 0), the last possibly s (5 or 6: ambiguous).
bool HasDamagedYear(std::string_view s) {
  for (size_t p = s.find('2'); p != std::string_view::npos && p + 3 < s.size(); p = s.find('2', p + 1)) {
    size_t q = p + 1;
    bool damaged = false;
    int digits = 0;
    for (; digits < 3 && q < s.size(); ++digits) {
      if (IsAsciiDigit(s[q])) {
        ++q;
      } else if (s[q] == 'o' || (digits == 2 && s[q] == 's')) {
        ++q, damaged = true;
      } else if (s.substr(q, 3) == "〇") {
        q += 3, damaged = true;
      } else {
        break;
      }
    }
    if (digits == 3 && damaged) return true;
  }
  return false;
}

// The year of a token matched by kYearTok (FindPeriod): o and 〇 read 0; 0 when its last character
// is s (5 or 6, ambiguous) or the result is outside 1900..2099.
int FoldYear(const std::string& token) {
  int year = 0;
  for (size_t i = 0; i < token.size();) {
    if (token.compare(i, 3, "〇") == 0) {
      year = year * 10, i += 3;
    } else if (token[i] == 'o') {
      year = year * 10, ++i;
    } else if (IsAsciiDigit(token[i])) {
      year = year * 10 + (token[i] - '0'), ++i;
    } else {
      return 0;  // s: ambiguous
    }
  }
  return year >= 1900 && year <= 2099 ? year : 0;
}

bool KnownGriStandard(int s) {
  return s == 2 || s == 3 || (s >= 101 && s <= 103) || (s >= 201 && s <= 207) ||
         (s >= 301 && s <= 308) || (s >= 401 && s <= 419);
}

// The disclosure code a content-index cell starts with, as an ESGAUDIT_INDEX_* bit (0 for none);
// `code` receives the code as printed.
uint32_t IndexCode(std::string_view cell, std::string* code) {
  std::string_view c = cell;
  if (c.size() >= 3 && (((c[0] == 'G' || c[0] == 'g') && (c[1] == 'R' || c[1] == 'r') &&
                         (c[2] == 'I' || c[2] == 'i')) ||
                        ((c[0] == 'K' || c[0] == 'k') && (c[1] == 'P' || c[1] == 'p') &&
                         (c[2] == 'I' || c[2] == 'i')))) {
    c.remove_prefix(3);
    c = Trim(c);
  }
  // HKEX ESG Reporting Guide: B1.1 .. B8.3 (A1.1 .. A4.1 are read as CASS below and relabelled when
  // their index also has B codes).
  if (c.size() >= 4 && c[0] == 'B' && c[1] >= '1' && c[1] <= '8' && c[2] == '.' && IsAsciiDigit(c[3]) &&
      (c.size() == 4 || !IsAsciiDigit(c[4]))) {
    *code = std::string(c.substr(0, 4));
    return ESGAUDIT_INDEX_HKEX;
  }
  // G4-10, G4-EN15, G4-SO2
  if (c.size() >= 4 && (c[0] == 'G' || c[0] == 'g') && c[1] == '4' && c[2] == '-') {
    size_t j = 3;
    while (j < c.size() && IsAsciiAlpha(c[j]) && j < 5) ++j;
    size_t d = j;
    while (j < c.size() && IsAsciiDigit(c[j]) && j - d < 2) ++j;
    if (j > d && (j == c.size() || !IsAsciiDigit(c[j]))) {
      *code = std::string(c.substr(0, j));
      return ESGAUDIT_INDEX_G4;
    }
  }
  // Bare G4 aspect codes: EC1, LA12, EN 15
  static const char* kAspects[] = {"EC", "EN", "LA", "HR", "SO", "PR"};
  for (const char* a : kAspects) {
    if (c.size() >= 3 && (c[0] & ~0x20) == a[0] && (c[1] & ~0x20) == a[1]) {
      size_t j = 2;
      if (j < c.size() && c[j] == ' ') ++j;
      size_t d = j;
      while (j < c.size() && IsAsciiDigit(c[j]) && j - d < 2) ++j;
      if (j > d && (j == c.size() || (!IsAsciiDigit(c[j]) && !IsAsciiAlpha(c[j]) && c[j] != '.'))) {
        *code = std::string(c.substr(0, j));
        return ESGAUDIT_INDEX_G4;
      }
    }
  }
  // GRI Standards: 102-8, 305-1, 2-1
  size_t j = 0;
  while (j < c.size() && IsAsciiDigit(c[j]) && j < 4) ++j;
  if (j >= 1 && j <= 3 && c[0] != '0' && j + 1 < c.size() && c[j] == '-' && IsAsciiDigit(c[j + 1])) {
    int standard = std::stoi(std::string(c.substr(0, j)));
    size_t k = j + 1;
    while (k < c.size() && IsAsciiDigit(c[k])) ++k;
    bool clean = k == c.size() || (!IsAsciiDigit(c[k]) && c[k] != '-' && c[k] != '/' && c[k] != '.');
    int number = k - j - 1 <= 2 ? std::stoi(std::string(c.substr(j + 1, k - j - 1))) : 0;
    if (KnownGriStandard(standard) && number >= 1 && number <= 58 && clean) {
      *code = std::string(c.substr(0, k));
      return ESGAUDIT_INDEX_GRI;
    }
  }
  // CASS-CSR: P1.1, M2.3, S3.4, E1.2, G1.1, A1.1
  if (c.size() >= 4 && std::string_view("PMSEGAC").find(c[0]) != std::string_view::npos &&
      IsAsciiDigit(c[1])) {
    size_t k = 1;
    while (k < c.size() && IsAsciiDigit(c[k]) && k < 3) ++k;
    if (k + 1 < c.size() && c[k] == '.' && IsAsciiDigit(c[k + 1])) {
      k += 1;
      while (k < c.size() && IsAsciiDigit(c[k])) ++k;
      if (k == c.size() || !IsAsciiDigit(c[k])) {
        *code = std::string(c.substr(0, k));
        return ESGAUDIT_INDEX_CASS;
      }
    }
  }
  // Exchange guideline articles: 第二十一条, 第21条
  static const std::regex kArticle(R"(^第(?:(?:一|二|三|四|五|六|七|八|九|十|百|零){1,6}|\s*[1-9]\d?\s*)条)");
  if (c.substr(0, 3) != "第") return 0;  // kArticle is anchored: std::regex is not run on other cells
  std::smatch m;
  std::string s(c.substr(0, std::min<size_t>(c.size(), 40)));
  if (std::regex_search(s, m, kArticle, kAnchored)) {
    *code = m[0].str();
    return ESGAUDIT_INDEX_EXCHANGE;
  }
  return 0;
}

// The last cell of an index row saying the disclosure is not reported.
bool SaysNotReported(std::string_view cell) {
  static const std::string_view kWords[] = {"-", "—", "–", "无", "不适用", "未披露", "未涉及", "n/a",
                                            "na", "omitted", "not applicable", "not reported"};
  std::string lower = sdk::AsciiLower(Trim(cell));
  for (std::string_view w : kWords)
    if (lower == w) return true;
  return Contains(lower, "不适用") || Contains(lower, "未披露");
}

// `word` in `lower` not touching an ASCII letter on either side.
bool HasWord(std::string_view lower, std::string_view word) {
  for (size_t p = lower.find(word); p != std::string_view::npos; p = lower.find(word, p + 1)) {
    size_t end = p + word.size();
    if ((p == 0 || !IsAsciiAlpha(lower[p - 1])) && (end >= lower.size() || !IsAsciiAlpha(lower[end]))) return true;
  }
  return false;
}

// The exchange a line's guideline name points to, with the name's span in `lower` (the line
// lower-cased): the guideline's number or the exchange's name next to 指引 / guideline.
esgaudit_exchange ExchangeGuideline(std::string_view lower, size_t* pos, size_t* len) {
  if (std::none_of(std::begin(kGuidelineWords), std::end(kGuidelineWords),
                   [&](std::string_view w) { return Contains(lower, w); }))
    return ESGAUDIT_EXCHANGE_UNNAMED;
  struct Pattern {
    esgaudit_exchange exchange;
    std::string_view number;  // the guideline's number: every alternative of `re` holds it
    std::regex re;
  };
  static const Pattern kPatterns[] = {
      {ESGAUDIT_EXCHANGE_SZSE, "17",
       std::regex(R"((?:深圳证券交易所|深交所)\s*(?:上市公司)?\s*自律监管\s*指引\s*第\s*17\s*号|自律监管\s*指引\s*第\s*17\s*号|(?:shenzhen stock exchange|szse).{0,60}guidelines? (?:for listed companies )?no\.\s*17)")},
      {ESGAUDIT_EXCHANGE_SSE, "14",
       std::regex(R"((?:上海证券交易所|上交所)\s*(?:上市公司)?\s*自律监管\s*指引\s*第\s*14\s*号|自律监管\s*指引\s*第\s*14\s*号|(?:shanghai stock exchange|sse).{0,60}guidelines? (?:for listed companies )?no\.\s*14)")},
      {ESGAUDIT_EXCHANGE_BSE, "11",
       std::regex(R"((?:北京证券交易所|北交所)\s*(?:上市公司)?\s*持续监管\s*指引\s*第\s*11\s*号|持续监管\s*指引\s*第\s*11\s*号|(?:beijing stock exchange|bse).{0,60}guidelines? (?:for listed companies )?no\.\s*11)")},
  };
  for (const Pattern& p : kPatterns) {
    // A line without the number cannot match (std::regex tries every byte of a long line).
    if (metadata_word_index && !Contains(lower, p.number)) continue;
    std::cmatch m;
    if (!std::regex_search(lower.data(), lower.data() + lower.size(), m, p.re)) continue;
    *pos = static_cast<size_t>(m.position(0));
    *len = static_cast<size_t>(m.length(0));
    return p.exchange;
  }
  return ESGAUDIT_EXCHANGE_UNNAMED;
}

// Whether `name` (ending with a company suffix) reads as one company's name: two characters or more
// before the suffix, no sentence punctuation, no words that make it a phrase ("公司及下属子公司",
// "注册成立的股份有限公司").
bool CompanyName(std::string_view name) {
  size_t cps = sdk::CodePointCount(name);
  if (cps < 4 || cps > 40) return false;
  static const std::string_view kNot[] = {"的", "及", "和", "与", "、", "下属", "子公司", "各", "所属",
                                          "我们", "本公司", "该", "，", "。", "；", ";", ":",
                                          "：", "“", "\"", "《", "》", "以下", "简称", "为", "报告", "在", "©"};
  for (std::string_view w : kNot)
    if (Contains(name, w)) return false;
  if (sdk::HasCjk(name) && Contains(name, ",")) return false;  // "，" in the view
  if (IsAsciiDigit(name.front()) || Contains(name, "年度")) return false;  // "2016年度公司"
  static const std::string_view kNotFirst[] = {"公司", "本", "我", "其", "于", "在", "由", "向", "对", "否"};
  for (std::string_view w : kNotFirst)
    if (name.substr(0, w.size()) == w) return false;
  return true;
}

}  // namespace

void StructureBuilder::MarkIndex() {
  const size_t n = s_.lines_.size();
  struct Code {
    uint32_t line;
    uint32_t cell;  // index among the line's cells
    uint32_t scheme;
    std::string code;
  };
  std::vector<Code> codes;  // every code opening a cell, in text order
  struct Row {
    uint32_t line;
    uint32_t schemes;
  };
  std::vector<Row> rows;
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    uint32_t schemes = 0;
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      std::string code;
      uint32_t bit = IndexCode(CellText(static_cast<uint32_t>(i), k), &code);
      if (bit == 0) continue;
      schemes |= bit;
      codes.push_back({static_cast<uint32_t>(i), k, bit, code});
    }
    if (schemes == 0) continue;
    rows.push_back({static_cast<uint32_t>(i), schemes});
  }
  // A row's text: its cells after the code up to the next code on the line; the lines it wraps onto
  // (no code of their own, before the next row, at most three) joined by a space. Its reference:
  // the last cell, on its line or, for a row whose line ends with its title, on a wrapped line.
  auto add_rows = [&](uint32_t region, uint32_t first_line, uint32_t last_line) {
    auto from = std::lower_bound(codes.begin(), codes.end(), first_line,
                                 [](const Code& c, uint32_t line) { return c.line < line; });
    for (auto it = from; it != codes.end() && it->line <= last_line; ++it) {
      const LineStructure& ls = s_.lines_[it->line];
      auto next = it + 1;
      uint32_t end_cell = next != codes.end() && next->line == it->line ? next->cell : ls.cell_count;
      IndexRow row;
      row.line = it->line;
      row.region = region;
      row.scheme = it->scheme;
      row.code = it->code;
      const Cell& cc = s_.cells_[ls.first_cell + it->cell];
      std::string_view code_cell = CellText(cc);
      // The code's own span inside its cell (a prefix "GRI " or "KPI " is left out).
      size_t at = code_cell.find(it->code);
      uint64_t vb = cc.view_begin + (at == std::string_view::npos ? 0 : at);
      row.offset = doc_.ViewToText(vb);
      row.length = doc_.ViewToText(vb + it->code.size()) - row.offset;
      std::string_view rest = Trim(code_cell.substr(at == std::string_view::npos ? 0 : at + it->code.size()));
      if (!rest.empty()) row.text = std::string(rest);
      std::string_view last;
      uint32_t after = rest.empty() ? 0 : 1;  // cells after the code
      for (uint32_t k = it->cell + 1; k < end_cell; ++k, ++after) {
        std::string_view t = CellText(static_cast<uint32_t>(it->line), k);
        if (!row.text.empty()) row.text += ' ';
        row.text += std::string(t);
        last = t;
      }
      bool alone = (it == codes.begin() || (it - 1)->line != it->line) && end_cell == ls.cell_count;
      if (alone) {
        uint32_t stop = next != codes.end() ? next->line : static_cast<uint32_t>(n);
        for (uint32_t j = it->line + 1, taken = 0; j < stop && j <= last_line + 1 && j < n && taken < 3; ++j) {
          const LineStructure& lj = s_.lines_[j];
          if (lj.cell_count == 0 || (lj.flags & ESGAUDIT_LINE_FURNITURE_MASK)) break;
          ++taken;
          for (uint32_t k = 0; k < lj.cell_count; ++k) {
            std::string_view t = CellText(static_cast<uint32_t>(j), k);
            row.text += ' ';
            row.text += std::string(t);
            if (last.empty() || (k + 1 == lj.cell_count && lj.cell_count > 1)) last = t;
            if (k + 1 == lj.cell_count && lj.cell_count > 1) after = std::max<uint32_t>(after, 2);
          }
        }
      }
      // A row that prints only its title ("EN16\t直接温室气体排放") points nowhere; a lone cell that
      // is a page ("G4-1\tP3") does.
      bool page_like = !last.empty() && (IsAsciiDigit(last.front()) || last.front() == 'P' || last.front() == 'p' ||
                                         Contains(last, "第") || Contains(last, "页"));
      if (after >= 2 || page_like) row.reference = std::string(last);
      if (!last.empty() && SaysNotReported(last)) row.flags |= ESGAUDIT_INDEX_ROW_OMITTED;
      s_.index_rows_.push_back(std::move(row));
    }
  };
  // Rows numbered 1..58 without a code just above a G4 index: the G4 general standard disclosures
  // printed by their number only ("12\t描述机构的供应链\t…\tP58"). At least five, in rising order,
  // no more than six lines apart, the last within fifteen lines of the coded rows.
  auto numbered_above = [&](uint32_t first_row) {
    std::vector<std::pair<uint32_t, int>> found;  // (line, number), bottom-up
    uint32_t gap_to = first_row;
    int below = 59;
    for (uint32_t j = first_row; j-- > 0 && gap_to - j <= (found.empty() ? 15u : 6u);) {
      const LineStructure& lj = s_.lines_[j];
      if (lj.cell_count < 2) continue;
      std::string_view head = CellText(j, 0);
      size_t d = 0;
      while (d < head.size() && IsAsciiDigit(head[d])) ++d;
      if (d == 0 || d > 2 || (d < head.size() && head[d] != ' ')) continue;
      int number = std::stoi(std::string(head.substr(0, d)));
      if (number < 1 || number >= below) continue;
      found.push_back({j, number});
      below = number;
      gap_to = j;
    }
    if (found.size() < 5) found.clear();
    return found;
  };
  size_t start = 0;
  while (start < rows.size()) {
    size_t end = start + 1;
    while (end < rows.size() && rows[end].line - rows[end - 1].line <= 15) ++end;
    // Five codes or more, four of them distinct: a multi-column index holds several per line.
    std::set<std::string> distinct;
    size_t code_count = 0;
    for (const Code& c : codes) {
      if (c.line < rows[start].line || c.line > rows[end - 1].line) continue;
      ++code_count;
      distinct.insert(sdk::AsciiLower(c.code));
    }
    if (code_count >= 5 && distinct.size() >= 4) {
      IndexRegion r;
      r.first_line = rows[start].line;
      r.last_line = rows[end - 1].line;
      r.rows = static_cast<uint32_t>(end - start);
      for (size_t k = start; k < end; ++k) r.schemes |= rows[k].schemes;
      uint32_t region = static_cast<uint32_t>(s_.index_regions_.size());
      std::vector<std::pair<uint32_t, int>> numbered;
      if (r.schemes & ESGAUDIT_INDEX_G4) numbered = numbered_above(r.first_line);
      for (auto nr = numbered.rbegin(); nr != numbered.rend(); ++nr) {
        const LineStructure& ls = s_.lines_[nr->first];
        const Cell& c = s_.cells_[ls.first_cell];
        IndexRow row;
        row.line = nr->first;
        row.region = region;
        row.scheme = ESGAUDIT_INDEX_G4;
        row.flags = ESGAUDIT_INDEX_ROW_NUMBERED;
        row.code = "G4-" + std::to_string(nr->second);
        std::string_view head = CellText(c);
        size_t d = head.find_first_not_of("0123456789");
        row.offset = c.offset;
        row.length = doc_.ViewToText(c.view_begin + (d == std::string_view::npos ? head.size() : d)) - c.offset;
        for (uint32_t k = 1; k < ls.cell_count; ++k) {
          if (!row.text.empty()) row.text += ' ';
          row.text += std::string(CellText(nr->first, k));
        }
        row.reference = std::string(CellText(nr->first, ls.cell_count - 1));
        if (SaysNotReported(row.reference)) row.flags |= ESGAUDIT_INDEX_ROW_OMITTED;
        s_.index_rows_.push_back(std::move(row));
      }
      if (!numbered.empty()) {
        r.first_line = numbered.back().first;
        r.rows += static_cast<uint32_t>(numbered.size());
      }
      add_rows(region, rows[start].line, rows[end - 1].line);
      // HKEX's environmental KPIs (A1.1 ..) share CASS's letter: an index with B codes is HKEX's.
      if (r.schemes & ESGAUDIT_INDEX_HKEX) {
        bool relabelled = false;
        for (IndexRow& row : s_.index_rows_) {
          if (row.region == region && row.scheme == ESGAUDIT_INDEX_CASS && !row.code.empty() && row.code[0] == 'A') {
            row.scheme = ESGAUDIT_INDEX_HKEX;
            relabelled = true;
          }
        }
        bool cass_left = false;
        for (const IndexRow& row : s_.index_rows_)
          cass_left = cass_left || (row.region == region && row.scheme == ESGAUDIT_INDEX_CASS);
        if (relabelled && !cass_left) r.schemes &= ~ESGAUDIT_INDEX_CASS;
      }
      // The title just above, whatever OCR did to it, and the column header line.
      // Blank lines between them (Markdown) are passed over.
      for (uint32_t up = 0; up < 3 && r.first_line > 0; ++up) {
        uint32_t above = r.first_line - 1;
        for (uint32_t blanks = 0; blanks < 2 && above > 0 && Trim(LineView(above)).empty(); ++blanks) --above;
        std::string lower = sdk::AsciiLower(LineView(above));
        if (!ContainsAny(lower, {"索引", "index", "对照", "指标", "披露", "gri", "页码", "page"}))
          break;
        // Past a blank line only a short title, not a table ("## 治理指标" and its data above).
        if (above + 1 < r.first_line &&
            (sdk::CodePointCount(Trim(lower)) > 30 || (s_.lines_[above].flags & ESGAUDIT_LINE_TABLE)))
          break;
        r.first_line = above;
      }
      for (uint32_t j = r.first_line; j <= r.last_line; ++j) s_.lines_[j].flags |= ESGAUDIT_LINE_INDEX;
      // A row holding a code is the index's, not a running header or decoration, even when its
      // words repeat on every index page ("G4-EN1  暂未统计  否" and "G4-EN4  暂未统计  否" share a
      // key once digits are left out): the index wins.
      for (size_t k = start; k < end; ++k)
        s_.lines_[rows[k].line].flags &= ~(ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION);
      s_.index_regions_.push_back(r);
    }
    start = end;
  }
  // A line opening with a G4 aspect code and a colon ("EN16:间接温室气体排放量") is an index row
  // wherever it stands.
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    if (ls.cell_count == 0) continue;
    std::string_view first = CellText(static_cast<uint32_t>(i), 0);
    std::string code;
    if (IndexCode(first, &code) != ESGAUDIT_INDEX_G4) continue;
    std::string_view rest = Trim(first.substr(code.size()));
    if (!rest.empty() && rest.front() == ':') s_.lines_[i].flags |= ESGAUDIT_LINE_INDEX;
  }
}

void SetMetadataWordIndexForTesting(bool on) { metadata_word_index = on; }

void CountHanAndLatin(std::string_view view, size_t* han, size_t* latin) {
  size_t h = 0;
  size_t l = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(view.data());
  const size_t n = view.size();
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      i += CountAsciiLetterWords(p + i, n - i, &l);  // eight ASCII bytes at a time
      if (i < n && p[i] < 0x80) {
        l += IsAsciiAlpha(p[i]) ? 1 : 0;
        ++i;
      }
    } else if (const char32_t c = PlainThreeByteAt(p + i, n - i)) {
      h += sdk::IsCjk(c) ? 1 : 0;
      i += 3;
      // A run of U+4000-9FFF (leads E4-E9), all sdk::IsCjk: counted with the lead's test alone.
      while (i + 3 <= n && p[i] >= 0xe4 && p[i] <= 0xe9 && (p[i + 1] & 0xc0) == 0x80 && (p[i + 2] & 0xc0) == 0x80) {
        ++h;
        i += 3;
      }
    } else {
      const char32_t d = sdk::NextCodePoint(view, &i);
      if (sdk::IsCjk(d)) {
        ++h;
      } else if (IsAsciiAlpha(d)) {
        ++l;
      }
    }
  }
  *han = h;
  *latin = l;
}

void MarkLinesHolding(std::string_view view, const std::vector<std::pair<uint64_t, uint64_t>>& lines, char c,
                      uint8_t group, std::vector<uint8_t>* marks) {
  const size_t n = lines.size();
  size_t i = 0;
  for (size_t at = 0; at < view.size();) {
    const void* found = std::memchr(view.data() + at, c, view.size() - at);
    if (found == nullptr) break;
    const size_t q = static_cast<size_t>(static_cast<const char*>(found) - view.data());
    while (i + 1 < n && lines[i + 1].first <= q) ++i;
    if (i < n && lines[i].first <= q && q < lines[i].second) {
      (*marks)[i] |= group;
      // The rest of this line adds nothing, up to where the next line starts.
      const uint64_t skip_to = i + 1 < n ? std::min(lines[i].second, lines[i + 1].first) : lines[i].second;
      at = std::max<size_t>(q + 1, skip_to);
    } else {
      at = q + 1;
    }
  }
}

void StructureBuilder::IndexMetadataWords() {
  const size_t n = s_.lines_.size();
  // Every word each pass below cannot do without, lower-cased, with its group.
  static const std::vector<std::pair<std::string_view, uint8_t>> kWords = [] {
    std::vector<std::pair<std::string_view, uint8_t>> w;
    for (const StandardName& name : kStandardNames) w.push_back({name.text, kStandardWords});
    for (std::string_view g : kGuidelineWords) w.push_back({g, kStandardWords});
    // FindGriClaims names GRI by HasWord "gri", 全球报告倡议 or HasWord "g4".
    for (std::string_view g : {"gri", "全球报告倡议", "g4"}) w.push_back({g, kGriWords});
    for (std::string_view g : kContentIndexNames) w.push_back({g, kIndexWords});
    // The basis headings with their blanks dropped: 编制依据, 编写依据, 报告依据 hold 据; 参考标准,
    // 编制标准 hold 准; reportingstandards, reportingguidelines, reportingframework hold g, which
    // MarkLinesHolding marks below: a one-byte literal in the set made Hyperscan read every byte and
    // report every g of an English text.
    for (std::string_view g : {"据", "准"}) w.push_back({g, kBasisWords});
    for (std::string_view g : kPeriodStatementWords) w.push_back({g, kPeriodWords});
    return w;
  }();
  static const std::vector<PatternSpec> kPatterns = [] {
    std::vector<PatternSpec> p;
    for (const auto& [text, group] : kWords) p.push_back(PatternSpec{std::string(text), 0});
    return p;
  }();
  std::vector<esgaudit_match> found;
  if (!metadata_word_index || !ScanPatterns(kPatterns, lower_view_, &found).ok()) {
    metadata_words_.assign(n, 0xff);
    return;
  }
  metadata_words_.assign(n, 0);
  // Matches come sorted by their start: a line holds a word when the match lies inside its range.
  size_t i = 0;
  for (const esgaudit_match& m : found) {
    while (i + 1 < n && line_view_[i + 1].first <= m.begin) ++i;
    if (i < n && line_view_[i].first <= m.begin && m.end <= line_view_[i].second)
      metadata_words_[i] |= kWords[m.pattern].second;
  }
  MarkLinesHolding(lower_view_, line_view_, 'g', kBasisWords, &metadata_words_);
}

void StructureBuilder::FindMetadata() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  // Languages by the share of Han characters and Latin letters in the matching view.
  size_t han = 0;
  size_t latin = 0;
  CountHanAndLatin(view_, &han, &latin);
  bool zh = han >= 20 && han * 10 >= (han + latin);
  bool en = latin >= 60 && latin * 2 >= han;
  md.languages = zh && en ? "zh,en" : zh ? "zh" : en ? "en" : "";

  IndexMetadataWords();
  FindTitleYear();
  FindPeriod();

  // Claimed standards: the first statement of each standard and mode outside the TOC, the index
  // and the page furniture.
  static const std::string_view kStrongAccordance[] = {"in accordance with", "core option",
                                                       "comprehensive option", "核心选项",
                                                       "核心方案", "全面选项", "全面方案"};
  static const std::string_view kReference[] = {"with reference to", "referenc", "guided by",
                                                "informed by", "参考", "参照", "借鉴"};
  static const std::string_view kAccordance[] = {"in compliance with", "prepared according to",
                                                 "prepared under", "follows", "符合", "依据",
                                                 "按照", "遵循", "遵照", "遵守", "根据"};
  auto mode_of = [&](std::string_view text) -> int {
    for (std::string_view k : kStrongAccordance)
      if (Contains(text, k)) return ESGAUDIT_CLAIM_ACCORDANCE;
    for (std::string_view k : kReference)
      if (Contains(text, k)) return ESGAUDIT_CLAIM_REFERENCE;
    for (std::string_view k : kAccordance)
      if (Contains(text, k)) return ESGAUDIT_CLAIM_ACCORDANCE;
    return -1;
  };
  std::set<std::tuple<int, int, int>> seen;
  for (size_t i = 0; i < n; ++i) {
    const LineStructure& ls = s_.lines_[i];
    if (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX |
                    ESGAUDIT_LINE_TABLE))
      continue;
    if (!(metadata_words_[i] & kStandardWords)) continue;  // no name, no guideline: no claim
    std::string_view v = LineView(i);
    if (v.empty() || v.size() > kMaxRegexLine) continue;
    const std::string_view lower = LowerLine(i);
    std::set<esgaudit_standard> on_line;
    // An exchange's 2024 guideline by its number or its exchange: which exchange is part of the claim.
    size_t xpos = 0, xlen = 0;
    esgaudit_exchange exchange = ExchangeGuideline(lower, &xpos, &xlen);
    for (const StandardName& name : kStandardNames) {
      size_t pos = lower.find(name.text);
      size_t len = name.text.size();
      if (name.standard == ESGAUDIT_STANDARD_EXCHANGE_2024 && exchange != ESGAUDIT_EXCHANGE_UNNAMED) {
        pos = xpos;
        len = xlen;
      }
      while (pos != std::string_view::npos && name.word &&
             ((pos > 0 && IsAsciiAlpha(lower[pos - 1])) ||
              (pos + name.text.size() < lower.size() && IsAsciiAlpha(lower[pos + name.text.size()]))))
        pos = lower.find(name.text, pos + 1);
      if (pos == std::string_view::npos || on_line.count(name.standard)) continue;
      // CASS's title contains GB/T 36001's ("社会责任报告编写指南"): one name, one standard.
      if (name.standard == ESGAUDIT_STANDARD_GBT36001 &&
          on_line.count(ESGAUDIT_STANDARD_CASS_CSR) && name.text == "社会责任报告编写指南")
        continue;
      on_line.insert(name.standard);
      std::string context(lower);
      if (i > 0) context.insert(0, LowerLine(i - 1));
      int mode = mode_of(lower);
      if (mode < 0) mode = mode_of(context);
      if (mode < 0) mode = ESGAUDIT_CLAIM_MENTION;
      esgaudit_exchange claim_exchange =
          name.standard == ESGAUDIT_STANDARD_EXCHANGE_2024 ? exchange : ESGAUDIT_EXCHANGE_UNNAMED;
      if (!seen.insert({name.standard, mode, claim_exchange}).second) continue;
      StandardClaim claim;
      claim.standard = name.standard;
      claim.mode = static_cast<esgaudit_claim_mode>(mode);
      claim.exchange = claim_exchange;
      uint64_t vb = line_view_[i].first + pos;
      claim.offset = doc_.ViewToText(vb);
      claim.length = doc_.ViewToText(vb + len) - claim.offset;
      md.claims.push_back(claim);
    }
  }
  FindGriClaims();
  std::stable_sort(md.claims.begin(), md.claims.end(),
                   [](const StandardClaim& a, const StandardClaim& b) { return a.offset < b.offset; });
  FindCompany();
}

namespace title {
namespace {

using lines::IsRegexSpace;

size_t SkipRegexSpaces(std::string_view s, size_t p) {
  while (p < s.size() && IsRegexSpace(s[p])) ++p;
  return p;
}

bool StartsAt(std::string_view s, size_t p, std::string_view w) { return s.compare(p, w.size(), w) == 0; }

// Each title word of the kTitleZh expressions opens with one of these (the three 环境 forms by their
// first five code points).
constexpr std::string_view kTitleWordOpenings[] = {"社会责任", "可持续发展", "esg", "环境、社会", "环境,社会", "csr"};

}  // namespace

const std::regex& TitleZh() {
  static const std::regex kTitleZh(
      R"((20\d\d)(?!\s*年\s*\d{1,2}\s*月)\s*(?:年度|年)?(?:[^,;]{0,18}?|[^,;]{0,72}?(?:公司|集团|银行))\s*(?:企业)?(?:社会责任|可持续发展|esg|环境、社会及(?:公司)?治理|环境,社会及(?:公司)?治理|环境、社会和(?:公司)?治理|csr)[^,;]{0,12}?(?:报告|report))");
  return kTitleZh;
}

const std::regex& TitleEn() {
  static const std::regex kTitleEn(
      R"((20\d\d)(?:[-/]\d\d)?\s+(?:(?:global|annual|group|combined)\s+)?(?:sustainability|esg|corporate (?:social )?responsibility|csr|integrated|impact)\s+report)");
  return kTitleEn;
}

const std::regex& TitleEnAfter() {
  static const std::regex kTitleEnAfter(
      R"((?:sustainability|esg|corporate (?:social )?responsibility|csr|integrated|impact)\s+(?:report|disclosure)\s+(20\d\d)\b)");
  return kTitleEnAfter;
}

// Between kTitleZh's year and its title word stand only blanks, 年度 or 年, [^,;], 公司, 集团, 银行
// and 企业: the word opens before the first ',' or ';' after the year.
bool ZhMayStartAt(std::string_view lower, size_t p) {
  if (!Year20At(lower, p)) return false;
  const size_t stop = std::min(lower.find_first_of(",;", p + 4), lower.size());
  for (std::string_view w : kTitleWordOpenings) {
    if (lower.find(w, p + 4) < stop) return true;
  }
  return false;
}

bool EnMayStartAt(std::string_view lower, size_t p) {
  if (!Year20At(lower, p)) return false;
  size_t q = p + 4;
  if (q + 2 < lower.size() && (lower[q] == '-' || lower[q] == '/') && IsAsciiDigit(lower[q + 1]) &&
      IsAsciiDigit(lower[q + 2]) && q + 3 < lower.size() && IsRegexSpace(lower[q + 3])) {
    return true;
  }
  return q < lower.size() && IsRegexSpace(lower[q]);
}

bool EnAfterMayStartAt(std::string_view lower, size_t p) {
  if (p >= lower.size()) return false;
  switch (lower[p]) {  // asked of every byte of the line: the words' first letters first
    case 's': case 'e': case 'c': case 'i':
      return StartsWithAny(lower, p, {"sustainability", "esg", "corporate", "csr", "integrated", "impact"});
    default:
      return false;
  }
}

const std::regex& CompanyTitleZh() {
  static const std::regex kTitleZh(
      "^\\s*(.{6,90}?" + std::string(kCompanySuffix) +
      ")\\s*20\\d\\d\\s*(?:年度|年)?\\s*(?:企业)?(?:社会责任|可持续发展|esg|环境、社会及(?:公司)?治理|环境,社会及(?:公司)?治理|环境、社会和(?:公司)?治理|csr)");
  return kTitleZh;
}

const std::regex& CompanyTitleEn() {
  static const std::regex kTitleEn(
      R"(^\s*([A-Z][A-Za-z0-9&.,'() -]{1,80}?(?:Co\.,? ?Ltd\.?|Company Limited|Corporation|Limited|Inc\.?|Group|Bank|PLC|plc))\s*,?\s+(?:FY\s*)?20\d\d(?:[-/]\d\d)?\s+(?:Sustainability|ESG|Corporate (?:Social )?Responsibility|CSR|Environmental, Social and Governance|Integrated|Impact)\s+Report)",
      std::regex::icase);
  return kTitleEn;
}

const std::regex& CompanyAlone() {
  static const std::regex kAlone("\\s*(.{6,90}?" + std::string(kCompanySuffix) + ")\\s*");
  return kAlone;
}

// The year, then blanks, 年度 or 年, blanks, 企业 and a title word: no choice is left to try another
// way (none of these opens with what may come before it).
bool CompanyTitleZhMayMatch(std::string_view lower) {
  for (size_t y = lower.find("20"); y != std::string_view::npos; y = lower.find("20", y + 1)) {
    if (!Year20At(lower, y)) continue;
    size_t q = SkipRegexSpaces(lower, y + 4);
    if (StartsAt(lower, q, "年度")) {
      q += 6;
    } else if (StartsAt(lower, q, "年")) {
      q += 3;
    }
    q = SkipRegexSpaces(lower, q);
    if (StartsAt(lower, q, "企业")) q += 6;
    for (std::string_view w : kTitleWordOpenings) {
      if (StartsAt(lower, q, w)) return true;
    }
  }
  return false;
}

namespace {

// Whether `w` (lower case) stands at line[p] in any case: a letter's byte with 0x20 set is its lower
// case (other bytes may pass too: a test that holds where the case-insensitive expression matches).
bool StartsAtAnyCase(std::string_view line, size_t p, std::string_view w) {
  if (p + w.size() > line.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    if ((line[p + k] | 0x20) != (w[k] | 0x20)) return false;
  }
  return true;
}

}  // namespace

// A letter opens the name after the blanks; a year (and -dd or /dd) is followed by blanks and a
// title word: the choices after the year leave no other way to match (a second year not followed by
// a blank leaves none to the first).
bool CompanyTitleEnMayMatch(std::string_view line) {
  const size_t first = SkipRegexSpaces(line, 0);
  if (first >= line.size() || !IsAsciiAlpha(line[first])) return false;
  static constexpr std::string_view kWords[] = {"sustainability", "esg", "corporate", "csr",
                                                "environmental, social and governance", "integrated", "impact"};
  for (size_t y = line.find("20", first); y != std::string_view::npos; y = line.find("20", y + 1)) {
    if (!Year20At(line, y)) continue;
    size_t q = y + 4;
    if (q + 2 < line.size() && (line[q] == '-' || line[q] == '/') && IsAsciiDigit(line[q + 1]) &&
        IsAsciiDigit(line[q + 2])) {
      q += 3;
    }
    if (q >= line.size() || !IsRegexSpace(line[q])) continue;
    q = SkipRegexSpaces(line, q);
    for (std::string_view w : kWords) {
      if (StartsAtAnyCase(line, q, w)) return true;
    }
  }
  return false;
}

bool CompanyAloneMayMatch(std::string_view line) {
  size_t end = line.size();
  while (end > 0 && IsRegexSpace(line[end - 1])) --end;
  const std::string_view name = line.substr(0, end);
  return name.size() >= 6 && (name.substr(name.size() - 6) == "公司" || name.substr(name.size() - 6) == "集团" ||
                              name.substr(name.size() - 6) == "银行");
}

}  // namespace title

void StructureBuilder::FindTitleYear() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  // The year in the report's own title ("2020年社会责任报告", "2019 Sustainability Report", "2022
  // Global Impact Report", "2016年XX股份有限公司企业社会责任报告"), by vote over the first pages
  // and the running headers (which repeat it); never a year inside 《》 (another document), never one not followed by 报告/report
  // ("2030年可持续发展议程"), never the year of a date ("2017年4月28日" above a title).
  static const std::regex& kTitleZh = title::TitleZh();
  static const std::regex& kTitleEn = title::TitleEn();
  static const std::regex& kTitleEnAfter = title::TitleEnAfter();
  std::map<int, std::pair<int, size_t>> votes;  // year -> (count, first line)
  std::map<int, std::pair<uint64_t, uint64_t>> spans;
  std::string lower, next_lower;  // lower-cased lines, kept from line to line
  for (size_t i = 0; i < n; ++i) {
    const uint32_t flags = s_.lines_[i].flags;
    if (flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) continue;
    // The cover and the first pages, and running headers anywhere; a year in a report cited
    // in the body does not vote.
    if (i >= 400 && (flags & (ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION)) == 0) continue;
    std::string_view v = LineView(i);
    if (v.size() > kMaxRegexLine || v.size() < 4) continue;
    // A title broken after its year ("2016年度" / "社会责任报告", a blank line between) is read with
    // the next line that has text.
    size_t next = n;
    if (v.size() <= 24) {
      for (size_t j = i + 1; j < n && j <= i + 2 && next == n; ++j)
        if (!Trim(LineView(j)).empty()) next = j;
    }
    // Each title expression needs a year (20\d\d), on the line or the next (lower-casing keeps the
    // digits, and the blank between the two holds none): lines without one are passed before the copy.
    if (!HasYear20(v) && (next == n || !HasYear20(LineView(next)))) continue;
    sdk::AsciiLowerInto(v, &lower);
    if (next != n) {
      sdk::AsciiLowerInto(LineView(next), &next_lower);
      lower.push_back(' ');
      lower += next_lower;
    }
    if (!Contains(lower, "报告") && !Contains(lower, "report") && !Contains(lower, "disclosure"))
      continue;
    // Each title expression needs one of these words too.
    if (!ContainsAny(lower, {"社会责任", "可持续发展", "esg", "环境", "csr", "sustainability", "corporate",
                             "integrated", "impact"}))
      continue;
    // kTitleZh and kTitleEn open with the year, kTitleEnAfter with one of its words.
    auto zh_at = [&](size_t p) { return title::ZhMayStartAt(lower, p); };
    auto en_at = [&](size_t p) { return title::EnMayStartAt(lower, p); };
    auto words_at = [&](size_t p) { return title::EnAfterMayStartAt(lower, p); };
    for (const std::regex* re : {&kTitleZh, &kTitleEn, &kTitleEnAfter}) {
      auto vote_for = [&](const std::smatch& m, size_t pos) {
        // The next line votes on its own; no sentence end inside a title (std::regex reads 。 as
        // three bytes, so it is checked here); a year ending a code (GB/T 36001-2015) is no title's.
        if (pos >= v.size() || Contains(m.str(), "。")) return true;
        const size_t at = pos + static_cast<size_t>(m.position(1));
        const bool fy = at >= 2 && lower.compare(at - 2, 2, "fy") == 0;
        if (at > 0 && !fy && (IsAsciiAlpha(lower[at - 1]) || IsAsciiDigit(lower[at - 1]) ||
                              std::string_view("-:/.").find(lower[at - 1]) != std::string_view::npos))
          return true;
        size_t open = lower.rfind("《", pos);
        if (open != std::string::npos && lower.find("》", open) >= pos) return true;
        int year = std::stoi(m[1].str());
        auto& vote = votes[year];
        if (vote.first == 0) {
          vote.second = i;
          // The span: the match's part on this line.
          const size_t len = std::min(static_cast<size_t>(m.length(0)), v.size() - pos);
          const uint64_t vb = line_view_[i].first + pos;
          uint64_t b = doc_.ViewToText(vb);
          spans[year] = {b, doc_.ViewToText(vb + len) - b};
        }
        ++vote.first;
        return true;
      };
      if (re == &kTitleEnAfter) {
        ForEachMatchAt(lower, *re, words_at, vote_for);
      } else if (re == &kTitleEn) {
        ForEachMatchAt(lower, *re, en_at, vote_for);
      } else {
        ForEachMatchAt(lower, *re, zh_at, vote_for);
      }
    }
  }
  int best = 0;
  std::pair<int, size_t> best_vote{0, 0};
  for (const auto& kv : votes) {
    if (kv.second.first > best_vote.first ||
        (kv.second.first == best_vote.first && kv.second.second < best_vote.second)) {
      best = kv.first;
      best_vote = kv.second;
    }
  }
  if (best != 0) {
    md.title_year = best;
    md.title_offset = spans[best].first;
    md.title_length = spans[best].second;
  }
}

namespace {

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

// Whether `lower` (matching view, lower-cased) states the reporting period: it holds one of
// kPeriodStatementWords not followed by 内, 內 or 末.
bool StatesPeriod(std::string_view lower) {
  for (std::string_view w : kPeriodStatementWords) {
    for (size_t p = lower.find(w); p != std::string_view::npos; p = lower.find(w, p + 1)) {
      std::string_view after = lower.substr(p + w.size());
      if (after.substr(0, 3) == "内" || after.substr(0, 3) == "內" || after.substr(0, 3) == "末") continue;
      return true;
    }
  }
  return false;
}

// The month of an English month name or its abbreviation (lower-cased), 0 if none.
int EnglishMonth(const std::string& name) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; ++i)
    if (name.compare(0, 3, kMonths[i]) == 0) return i + 1;
  return 0;
}

// Words between an English period's subject and its year that make the year another one's: a
// target, a base year, a comparison, an earlier or later report.
bool NamesAnotherYear(const std::string& between) {
  static const std::regex kOther(
      R"(\b(?:by|target|targets|goal|goals|base|baseline|since|compared|versus|vs|previous|prior|last|next|future|until|before|after)\b)");
  return std::regex_search(between, kOther);
}

}  // namespace

namespace period {
namespace {

// Between the dates: 至, a dash, or 一 (OCR's reading of a dash), possibly repeated (——).
const std::string& ToPattern() {
  static const std::string kTo = R"((?:至|到|起至|-|—|―|–|~|一)+)";
  return kTo;
}

const std::regex& RangeZh() {
  const std::string& kTo = ToPattern();
  // A day, or only its 日 when extraction lost the day's digits (2016年1月日-2016年12月31日).
  static const std::string kDay = R"((?:\s*(\d{1,2})(?!\d)\s*(?:日|曰|号)?|\s*(?:日|曰))?)";
  // A range with its first year; days may be missing (2016年1月至12月).
  // A year, possibly damaged by OCR (2O16, 2〇16, 201S: FoldYear reads it); damaged years and a month
  // whose second digit was lost (1?月) are read in a period statement only.
  static const std::string kYearTok = R"((2(?:[0-9o]|〇)(?:[0-9o]|〇)(?:[0-9os]|〇)))";
  static const std::regex kRangeZh(kYearTok + R"(\s*年\s*(\d{1,2})\s*月)" + kDay + R"(\s*)" + kTo +
                                   R"(\s*(?:)" + kYearTok + R"(\s*年)?\s*(\d{1,2}|1\?)\s*月)" + kDay);
  return kRangeZh;
}

const std::regex& RangeNum() {
  static const std::regex kRangeNum(
      R"((20\d\d)[./-](\d{1,2})[./-](\d{1,2})\s*(?:(?:至|到|-|—|–|~)+|to)\s*(20\d\d)[./-](\d{1,2})[./-](\d{1,2}))");
  return kRangeNum;
}

// The subject of an English whole-year statement (FindPeriod's kYearEn).
const std::regex& SubjectEn() {
  static const std::regex kSubjectEn(
      R"(\bthis (?:[a-z]+ ){0,3}report\b|\bthe (?:[a-z]+ ){0,3}report (?=covers|covered|describes|presents|reflects|includes|summari[sz]es)|reporting period)");
  return kSubjectEn;
}

// English ranges, month first (January 1, 2023 to December 31, 2023; January 1 – December 31, 2023)
// or day first (1 January 2023 to 31 December 2023; from 1 January to 31 December 2023): the first
// year may be left out. Groups: first month, day, year; second month, day, year (day first: day
// and month swapped).
const std::string& ToEnPattern() {
  static const std::string kToEn = R"(,?\s*(?:to|through|until|-|–|—)\s*)";
  return kToEn;
}

const std::regex& RangeEn() {
  const std::string& kMonthEn = MonthEnPattern();
  static const std::regex kRangeEn(R"(\b)" + kMonthEn + R"(\s+(\d{1,2})(?:st|th)?\b(?:,?\s*(20\d\d))?)" +
                                   ToEnPattern() + kMonthEn + R"(\s+(\d{1,2})(?:st|th)?,?\s+(20\d\d)\b)");
  return kRangeEn;
}

const std::regex& RangeEnDmy() {
  const std::string& kMonthEn = MonthEnPattern();
  static const std::regex kRangeEnDmy(R"(\b(\d{1,2})(?:st|th)?\s+)" + kMonthEn + R"((?:,?\s*(20\d\d))?)" +
                                      ToEnPattern() + R"((\d{1,2})(?:st|th)?\s+)" + kMonthEn +
                                      R"(,?\s+(20\d\d)\b)");
  return kRangeEnDmy;
}

// The length of the English month name (kMonthEn's alternatives, lower case) that is the whole run
// of ASCII letters at s[p], 0 if that run is none. kMonthEn's \b after the name needs the run to end
// there: a longer run holds a letter after it, a word character.
size_t MonthWordAt(std::string_view s, size_t p) {
  static const std::string_view kNames[] = {"january", "february", "march", "april", "may", "june", "july",
                                            "august", "september", "october", "november", "december", "jan",
                                            "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct",
                                            "nov", "dec"};
  size_t q = p;
  while (q < s.size() && IsAsciiAlpha(s[q])) ++q;
  const std::string_view word = s.substr(p, q - p);
  for (std::string_view name : kNames)
    if (word == name) return q - p;
  return 0;
}

}  // namespace

bool MonthAbbreviationAt(std::string_view s, size_t p) {
  if (p + 3 > s.size()) return false;
  // Byte by byte: a compare per name cost a memcmp call at each candidate letter of an English line.
  const char b = s[p + 1], c = s[p + 2];
  switch (s[p]) {
    case 'j':
      return (b == 'a' && c == 'n') || (b == 'u' && (c == 'n' || c == 'l'));
    case 'f':
      return b == 'e' && c == 'b';
    case 'm':
      return b == 'a' && (c == 'r' || c == 'y');
    case 'a':
      return (b == 'p' && c == 'r') || (b == 'u' && c == 'g');
    case 's':
      return b == 'e' && c == 'p';
    case 'o':
      return b == 'c' && c == 't';
    case 'n':
      return b == 'o' && c == 'v';
    case 'd':
      return b == 'e' && c == 'c';
    default:
      return false;
  }
}

bool TwoMonthNames(std::string_view lower) {
  size_t seen = 0;
  for (size_t p = 0; p + 3 <= lower.size(); ++p) {
    if (!MonthAbbreviationAt(lower, p)) continue;
    if (++seen == 2) return true;
    p += 2;  // the next name begins after this one
  }
  return false;
}

const std::string& MonthEnPattern() {
  static const std::string kMonthEn =
      R"((january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)";
  return kMonthEn;
}

bool EnglishRangeMayStartAt(std::string_view s, size_t p) {
  // The facet lives as long as the expressions' locale (both take the global one).
  static const std::ctype<char>& ctype = std::use_facet<std::ctype<char>>(RangeEn().getloc());
  auto spaces = [&](size_t q) {  // past the run of \s at q (q itself when none)
    while (q < s.size() && ctype.is(std::ctype_base::space, s[q])) ++q;
    return q;
  };
  if (p >= s.size()) return false;
  if (IsAsciiDigit(s[p])) {
    // kRangeEnDmy: \b, one or two digits, st or th, blanks, a month name. A letter, digit or _
    // before is a word character (no \b); a third digit fails (?:st|th)?\s+.
    if (p > 0 && (IsAsciiAlpha(s[p - 1]) || IsAsciiDigit(s[p - 1]) || s[p - 1] == '_')) return false;
    size_t q = p + 1;
    if (q < s.size() && IsAsciiDigit(s[q])) ++q;
    if (s.compare(q, 2, "st") == 0 || s.compare(q, 2, "th") == 0) {
      // (?:st|th)? may also take nothing: then blanks must follow the digits.
      const size_t after = spaces(q + 2);
      if (after > q + 2 && MonthWordAt(s, after) > 0) return true;
    }
    const size_t after = spaces(q);
    return after > q && MonthWordAt(s, after) > 0;
  }
  // kRangeEn: \b, a month name, an optional point, blanks, a digit. The name is a run of letters, so
  // a letter, digit or _ before it is a word character (no \b).
  if (p > 0 && (IsAsciiAlpha(s[p - 1]) || IsAsciiDigit(s[p - 1]) || s[p - 1] == '_')) return false;
  const size_t len = MonthWordAt(s, p);
  if (len == 0) return false;
  size_t q = p + len;
  if (q < s.size() && s[q] == '.') {
    const size_t after = spaces(q + 1);
    if (after > q + 1 && after < s.size() && IsAsciiDigit(s[after])) return true;
  }
  const size_t after = spaces(q);
  return after > q && after < s.size() && IsAsciiDigit(s[after]);
}

bool FirstEnglishRange(const std::string& s, std::smatch* m, size_t* at) {
  // kRangeEn's first match, else kRangeEnDmy's: each tried only where EnglishRangeMayStartAt holds
  // (a month name or a digit), anchored, the byte before visible to \b. The first found so is the one
  // regex_search finds trying every byte, and m's positions count from *at.
  for (const std::regex* re : {&RangeEn(), &RangeEnDmy()}) {
    const bool digit_first = re == &RangeEnDmy();
    bool found = false;
    auto may_start = [&](size_t p) { return IsAsciiDigit(s[p]) == digit_first && EnglishRangeMayStartAt(s, p); };
    ForEachMatchAt(s, *re, may_start, [&](const std::smatch& match, size_t p) {
      *m = match, *at = p, found = true;
      return false;
    });
    if (found) return true;
  }
  return false;
}

bool EnglishRangeSearch(const std::string& s, std::smatch* m) {
  return std::regex_search(s, *m, RangeEn()) || std::regex_search(s, *m, RangeEnDmy());
}

// Whether a match of kRangeZh (FindPeriod) may begin at s[p]: its year token (kYearTok: "2", then
// three of a digit, o or 〇, the last possibly s), then characters the expression's \s matches
// (its locale's space), then 年. Every match begins so; where this fails the expression is not run.
bool ZhYearAt(std::string_view s, size_t p) {
  // The facet lives as long as the expression's locale.
  static const std::ctype<char>& space = std::use_facet<std::ctype<char>>(RangeZh().getloc());
  if (p >= s.size() || s[p] != '2') return false;
  size_t q = p + 1;
  for (int k = 0; k < 3; ++k) {
    if (q < s.size() && (IsAsciiDigit(s[q]) || s[q] == 'o' || (k == 2 && s[q] == 's'))) {
      ++q;
    } else if (s.substr(q, 3) == "〇") {
      q += 3;
    } else {
      return false;
    }
  }
  while (q < s.size() && space.is(std::ctype_base::space, s[q])) ++q;
  return s.substr(q, 3) == "年";
}

// Whether "20", two ASCII digits and one of . / - stand anywhere in s: every match of kRangeNum
// (FindPeriod) opens so.
bool HasNumericDate(std::string_view s) {
  for (size_t p = s.find("20"); p != std::string_view::npos && p + 4 < s.size(); p = s.find("20", p + 1)) {
    if (Year20At(s, p) && (s[p + 4] == '.' || s[p + 4] == '/' || s[p + 4] == '-')) return true;
  }
  return false;
}

namespace {

// Whether "report" follows `word` at s[p] within the run of lower-case letters and spaces after it
// (kSubjectEn's "this … report" and "the … report": the words between are [a-z]+ and spaces).
bool ReportFollows(std::string_view s, size_t p, std::string_view word) {
  size_t q = p + word.size();
  size_t end = q;
  while (end < s.size() && ((s[end] >= 'a' && s[end] <= 'z') || s[end] == ' ')) ++end;
  return s.substr(q, end - q).find("report") != std::string_view::npos;
}

}  // namespace

bool SubjectEnMayStartAt(std::string_view s, size_t p) {
  if (p >= s.size() || (s[p] != 't' && s[p] != 'r')) return false;  // asked of every byte: the usual answer first
  if (s.compare(p, 5, "this ") == 0) return ReportFollows(s, p, "this ");
  if (s.compare(p, 4, "the ") == 0) return ReportFollows(s, p, "the ");
  return s.compare(p, 16, "reporting period") == 0;
}

bool RangeZhMatchesAt(const std::string& s, size_t p) {
  std::smatch m;
  auto flags = std::regex_constants::match_continuous;
  if (p > 0) flags |= std::regex_constants::match_prev_avail;
  return std::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(p), s.cend(), m, RangeZh(), flags);
}

bool RangeNumMatches(const std::string& s) { return std::regex_search(s, RangeNum()); }

bool SubjectEnMatchesAt(const std::string& s, size_t p) {
  std::smatch m;
  auto flags = std::regex_constants::match_continuous;
  if (p > 0) flags |= std::regex_constants::match_prev_avail;
  return std::regex_search(s.cbegin() + static_cast<std::ptrdiff_t>(p), s.cend(), m, SubjectEn(), flags);
}

}  // namespace period

void StructureBuilder::FindPeriod() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  static const std::string& kTo = period::ToPattern();
  static const std::regex& kRangeZh = period::RangeZh();
  static const std::regex& kRangeNum = period::RangeNum();
  static const std::string& kMonthEn = period::MonthEnPattern();
  // An English statement of a whole year: "this report covers the fiscal year 2023", "FY2023",
  // "calendar year 2023", "the fiscal year ended December 31, 2022" in the sentence that names
  // "this (…) report", "the (…) report covers / describes …" or "reporting period" (kSubjectEn), the
  // words between naming no other year (NamesAnotherYear) and holding no figure; a fiscal year
  // printed as a range (2022-23) is not read. Dashes are alternatives, not bracket classes: the
  // expressions run on UTF-8 bytes, where a class holding – would match one byte of it.
  static const std::regex& kSubjectEn = period::SubjectEn();
  static const std::regex kYearEn(
      R"(\b(?:(?:the )?(?:fiscal|financial|calendar) (?:year )?(?:end(?:ed|ing) (?:on )?)" + kMonthEn +
      R"(\s+\d{1,2}(?:st|th)?\s*,?\s*)?|fy ?'?)(20\d\d)\b(?!(?:-|/|–)\d))");
  // "The reporting period is 2023", "reporting period: calendar year 2023" (the year right after).
  static const std::regex kYearEnBare(
      R"(reporting period(?: (?:is|was|covers|covered))?\s*:?\s*((?:the )?(?:(?:fiscal|financial|calendar) )?(?:year )?(20\d\d))\b(?!(?:-|/|–|\.|,)\s*\d)(?!\s*(?:to|through|until|-|–)\s))");
  // A range printed without a year: 1月1日至12月31日, 每年1月1日至12月31日 (not after a digit).
  static const std::regex kNoYear(R"((\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|曰|号)\s*)" + kTo +
                                  R"(\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|曰|号)?)");
  // The end of a range whose start OCR damaged, shortly after the period's name: 时间跨度为2016年仴1曰
  // 至2016年12月31曰 (not 截至2016年12月31日, "as of").
  static const std::regex kEndOnly(
      R"((?:时间范围|时间跨度|报告期间|报告期(?!内|末|內)|报告时段|涵盖期间|時間範圍|報告期間)([^;,]{0,48}?)(?:至|到)\s*(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|曰|号))");
  // A sentence on what the report covers that names one whole year: 本报告主要介绍了公司在2016年度….
  static const std::regex kCovers(
      R"(本报告([^;,]{0,30}?)(?:介绍|反映|记录|阐述|披露|涵盖|覆盖|总结)([^;,]{0,24}?)((20\d\d)\s*(?:年度|年全年)))");
  // A whole year right after the period's name: 报告期为2016年度, 时间范围:2016年. The words between
  // (group 1) hold no sentence end.
  static const std::regex kYear(
      R"((?:时间范围|时间跨度|报告期间|报告期(?!内|末|內)|报告时段|报告周期|涵盖期间|報告期間|時間範圍|報告期(?!內|末))([^0-9;,]{0,15}?)((20\d\d)\s*(?:年度|年全年|财年|年)(?!\s*\d{1,2}\s*月)))");
  // The same below a heading naming the period.
  static const std::regex kYearBelow(R"(^([^0-9;,]{0,15}?)((20\d\d)\s*(?:年度|年全年|财年|年)(?!\s*\d{1,2}\s*月)))");
  // Ranks, best last: a range elsewhere, a range on a line about the report (报告 on it or just
  // above), a statement's damaged range or whole year, a statement's range without a year, a
  // sentence of the report about itself with a range, a statement naming the period with its
  // range. Within a rank the first wins. kYearOnly and above are statements
  // (ESGAUDIT_METADATA_PERIOD_STATEMENT).
  enum Rank {
    kNoRank = 0,
    kBare = 1,
    kNearReport = 2,
    kYearOnly = 3,
    kStatementNoYear = 4,
    kAboutReport = 5,
    kStatement = 6
  };
  struct Found {
    int rank = kNoRank;
    esgaudit_period_kind kind = ESGAUDIT_PERIOD_NONE;
    int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
    uint64_t vb = 0, ve = 0;  // view span
  };
  Found best;
  Found year_statement;  // the first whole-year statement: dates a range without a year
  auto offer = [&](const Found& f) {
    if (f.kind == ESGAUDIT_PERIOD_YEAR && year_statement.rank == kNoRank) year_statement = f;
    if (f.rank > best.rank) best = f;
  };
  // Whether line `i` has a short heading naming the period among the two lines with text above.
  auto heading_above = [&](size_t i) {
    for (size_t up = 1, seen = 0; up <= 3 && up <= i && seen < 2; ++up) {
      std::string_view a = Trim(LineView(i - up));
      if (a.empty()) continue;
      ++seen;
      // Short: 12 characters, or 24 bytes ("## Reporting Period"); a code point is at most four bytes,
      // so a line of over 48 bytes (valid UTF-8, as the view is) is not counted. Only a line holding
      // a period's word is searched. Trim drops spaces and tabs only: the lower case of the trimmed
      // line is the trimmed lower case.
      const bool short_line = a.size() <= 24 || (a.size() <= 48 && sdk::CodePointCount(a) <= 12);
      if ((metadata_words_[i - up] & kPeriodWords) && short_line && StatesPeriod(Trim(LowerLine(i - up))))
        return true;
    }
    return false;
  };
  for (size_t i = 0; i < n && best.rank < kStatement; ++i) {
    if (s_.lines_[i].flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) continue;
    const std::string_view line = LineView(i);
    // Every expression of the period opens with an ASCII digit (a year, a day or a month) or holds
    // one (\d, 20\d\d): a line or piece without one states no period.
    if (line.size() < 6 || !lines::HasAsciiDigit(line)) continue;
    const bool zh_line = Contains(line, "年") || Contains(line, "月");
    const std::string_view line_lower = LowerLine(i);
    if (!zh_line && !Contains(line_lower, "jan") && !Contains(line_lower, "20")) continue;
    const bool above = heading_above(i);
    // Words about the report in the two lines above (joined), read only when a range is ranked.
    auto near_report = [&] {
      std::string near;
      for (size_t up = 1; up <= 2 && up <= i; ++up) near += LowerLine(i - up);
      return ContainsAny(near, {"报告", "報告", "report"});
    };
    // A long line (a page extracted as one line) is read sentence by sentence.
    std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end) in the line
    if (line.size() <= kMaxRegexLine) {
      pieces.push_back({0, line.size()});
    } else {
      for (size_t b = 0; b < line.size();) {
        size_t e = line.find("。", b);
        e = e == std::string_view::npos ? line.size() : e + std::string_view("。").size();
        if (e - b <= kMaxRegexLine) pieces.push_back({b, e});
        b = e;
      }
    }
    for (const auto& [pb, pe] : pieces) {
      // Every match begins in the piece and holds a digit there (kRangeZh and kRangeNum, which may
      // run into the next line, open with their year): a piece without one offers nothing.
      if (!lines::HasAsciiDigit(line.substr(pb, pe - pb))) continue;
      std::string lower(line_lower.substr(pb, pe - pb));
      const uint64_t base = line_view_[i].first + pb;
      // StatesPeriod needs one of its words, which the line's index entry records.
      const bool statement = ((metadata_words_[i] & kPeriodWords) && StatesPeriod(lower)) || above;
      const bool about_report = Contains(lower, "本报告") || Contains(lower, "本報告") ||
                                (!zh_line && Contains(lower, "this report"));
      std::smatch m;
      size_t m_at = 0;  // where in the line (or `joined`) the search that filled `m` began
      Found f;
      // A statement's range may end in the next line ("报告期间2016年1月1日" / "至2016年12月31日").
      std::string joined = lower;
      if (statement && pe == line.size() && i + 1 < n && LineView(i + 1).size() <= 200)
        joined += LowerLine(i + 1);
      auto span = [&](size_t pos, size_t len) {
        f.vb = base + pos;
        f.ve = pos + len <= lower.size() ? base + pos + len : line_view_[i + 1].first + (pos + len - lower.size());
      };
      bool days = true;
      // Every expression below but kNoYear needs a year (20\d\d).
      const bool year20 = HasYear20(lower);
      const bool joined_year20 = year20 || (joined.size() > lower.size() && HasYear20(joined));
      // OCR-damaged years are looked for in a statement only (never in running figures).
      const bool damaged_year = statement && !joined_year20 && HasDamagedYear(joined);
      // The first match of kRangeZh in `joined`, if it starts on this line (m_at stays 0 otherwise,
      // for the searches below). Every match opens with its year token and 年 (period::ZhYearAt): the
      // first found trying only there is the one regex_search finds trying every byte.
      auto range_zh = [&] {
        auto two_at = [&](size_t p) { return period::ZhYearAt(joined, p); };
        bool found = false;
        ForEachMatchAt(joined, kRangeZh, two_at, [&](const std::smatch& match, size_t p) {
          found = p + static_cast<size_t>(match.position(0)) < lower.size();
          if (found) m = match, m_at = p;
          return false;
        });
        return found;
      };
      if ((joined_year20 || damaged_year) && Contains(joined, "月") && range_zh()) {
        const int y1 = FoldYear(m[1].str());
        const int y2 = m[4].matched ? FoldYear(m[4].str()) : y1;
        const bool clean = y1 != 0 && std::to_string(y1) == m[1].str() &&
                           (!m[4].matched || std::to_string(y2) == m[4].str()) && m[5].str() != "1?";
        if (!clean) {
          // Damage read only where it leaves one reading: a statement whose range ends on a whole
          // date (its start year ambiguous: the end only), or within one year (its end month
          // lost: that year).
          if (!statement) continue;
          const bool lost_month = m[5].str() == "1?";
          span(m_at + static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)));
          f.rank = kYearOnly;
          if (lost_month && y1 != 0 && y2 == y1) {
            f.y1 = f.y2 = y1;
            f.kind = ESGAUDIT_PERIOD_YEAR;
            offer(f);
          } else if (!lost_month && y2 != 0 && m[4].matched && m[6].matched) {
            f.y2 = y2, f.m2 = std::stoi(m[5].str()), f.d2 = std::stoi(m[6].str());
            if (f.m2 >= 1 && f.m2 <= 12 && f.d2 >= 1 && f.d2 <= DaysInMonth(f.y2, f.m2)) {
              const int m1 = std::stoi(m[2].str()), d1 = m[3].matched ? std::stoi(m[3].str()) : 1;
              const int months = (f.y2 - y1) * 12 + (f.m2 - m1);
              if (y1 != 0 && m1 >= 1 && m1 <= 12 && d1 <= DaysInMonth(y1, m1) && months >= 0 && months <= 24) {
                f.y1 = y1, f.m1 = m1, f.d1 = d1;
                f.rank = kStatement;
                f.kind = ESGAUDIT_PERIOD_RANGE;
              } else {
                f.kind = ESGAUDIT_PERIOD_END_ONLY;
              }
              offer(f);
            }
          }
          continue;
        }
        f.y1 = y1;
        f.m1 = std::stoi(m[2].str());
        f.d1 = m[3].matched ? std::stoi(m[3].str()) : 1;
        f.y2 = y2;
        f.m2 = std::stoi(m[5].str());
        f.d2 = m[6].matched ? std::stoi(m[6].str()) : 0;
        days = m[3].matched && m[6].matched;
      } else if (statement && joined_year20 && period::HasNumericDate(joined) && std::regex_search(joined, m, kRangeNum) &&
                 static_cast<size_t>(m.position(0)) < lower.size()) {
        f.y1 = std::stoi(m[1].str()), f.m1 = std::stoi(m[2].str()), f.d1 = std::stoi(m[3].str());
        f.y2 = std::stoi(m[4].str()), f.m2 = std::stoi(m[5].str()), f.d2 = std::stoi(m[6].str());
      } else if (!zh_line && year20 && period::TwoMonthNames(lower) &&
                 period::FirstEnglishRange(lower, &m, &m_at)) {
        const bool month_first = IsAsciiAlpha(m[1].str()[0]);
        f.m1 = EnglishMonth(m[month_first ? 1 : 2].str());
        f.d1 = std::stoi(m[month_first ? 2 : 1].str());
        f.m2 = EnglishMonth(m[month_first ? 4 : 5].str());
        f.d2 = std::stoi(m[month_first ? 5 : 4].str());
        f.y2 = std::stoi(m[6].str());
        // Without its year the start is in the end's year, or the year before when its month is later.
        f.y1 = m[3].matched ? std::stoi(m[3].str()) : (f.m1 > f.m2 ? f.y2 - 1 : f.y2);
      }
      // "评价期间(2015年5月1日-2016年4月30日)": a bracketed range after another period's name.
      auto names_other_period = [&](size_t pos) {
        size_t p = pos;
        while (p > 0 && lower[p - 1] == ' ') --p;
        if (p == 0 || lower[p - 1] != '(') return false;
        std::string_view before = std::string_view(lower).substr(0, p - 1);
        while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
        auto ends = [&](std::string_view w) {
          return before.size() >= w.size() && before.substr(before.size() - w.size()) == w;
        };
        return (ends("期间") || ends("期")) && !ends("报告期间") && !ends("报告期");
      };
      const bool other = f.y1 != 0 && !statement && names_other_period(m_at + static_cast<size_t>(m.position(0)));
      if (f.y1 != 0) {
        if (f.m1 >= 1 && f.m1 <= 12 && f.m2 >= 1 && f.m2 <= 12) {
          if (f.d2 == 0) f.d2 = DaysInMonth(f.y2, f.m2);
          const int months = (f.y2 - f.y1) * 12 + (f.m2 - f.m1);
          const bool dates = f.d1 >= 1 && f.d1 <= DaysInMonth(f.y1, f.m1) && f.d2 >= 1 &&
                             f.d2 <= DaysInMonth(f.y2, f.m2) && (months > 0 || (months == 0 && f.d2 >= f.d1));
          // A statement says what the period is, even a short one; elsewhere a range is the period
          // only if it spans about a year, and only with its days.
          // A sentence of the report about itself ("本报告主要描述2016年1月1日至…期间…") states the
          // period too, if the range spans about a year (本报告期内 introduces events).
          f.rank = !dates || months > 24 || other ? kNoRank
                   : statement           ? kStatement
                   : months < 11 || !days ? kNoRank
                   : about_report        ? kAboutReport
                   : ContainsAny(lower, {"报告", "報告", "report"}) || near_report() ? kNearReport
                                         : kBare;
          f.kind = ESGAUDIT_PERIOD_RANGE;
          span(m_at + static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)));
          if (f.rank != kNoRank) offer(f);
        }
        continue;
      }
      // A whole year at `pos` (length `len`, the year in `year`), not inside 《》 (another document).
      auto offer_year = [&](size_t pos, size_t len, const std::string& year) {
        const size_t open = lower.rfind("《", pos);
        if (open != std::string::npos && lower.find("》", open) >= pos) return;
        f.y1 = f.y2 = std::stoi(year);
        f.rank = kYearOnly;
        f.kind = ESGAUDIT_PERIOD_YEAR;
        span(pos, len);
        offer(f);
      };
      if (!statement && zh_line && year20 && Contains(lower, "本报告") && Contains(lower, "年") &&
          std::regex_search(lower, m, kCovers) &&
          !Contains(m[1].str(), "。") && !Contains(m[2].str(), "。")) {
        offer_year(static_cast<size_t>(m.position(3)), static_cast<size_t>(m.length(3)), m[4].str());
        continue;
      }
      if (!zh_line && year20 && (Contains(lower, "this ") || Contains(lower, " report ") || Contains(lower, "reporting period"))) {
        bool found = false;
        // Every match of kSubjectEn opens with "this " or "the " and "report" among the next words, or
        // with "reporting period" (period::SubjectEnMayStartAt).
        auto subject_at = [&](size_t p) { return period::SubjectEnMayStartAt(lower, p); };
        ForEachMatchAt(lower, kSubjectEn, subject_at, [&](const std::smatch& subject, size_t at) {
          // The rest of the sentence: up to . ! ? (followed by a space or the end), ; or :.
          const size_t from = at + static_cast<size_t>(subject.length(0));
          size_t to = from;
          while (to < lower.size()) {
            const char c = lower[to];
            if (c == ';' || c == ':' || c == '!' || c == '?') break;
            if (c == '.' && (to + 1 == lower.size() || lower[to + 1] == ' ')) break;
            ++to;
          }
          // Every match of kYearEn holds "fiscal", "financial", "calendar" or "fy".
          const std::string_view rest = std::string_view(lower).substr(from, to - from);
          if (!ContainsAny(rest, {"fiscal", "financial", "calendar", "fy"})) return true;
          std::smatch y;
          const auto sb = lower.cbegin() + static_cast<std::ptrdiff_t>(from);
          if (!std::regex_search(sb, lower.cbegin() + static_cast<std::ptrdiff_t>(to), y, kYearEn)) return true;
          const std::string between(sb, sb + y.position(0));
          if (NamesAnotherYear(between) || std::any_of(between.begin(), between.end(), [](char c) { return IsAsciiDigit(c); })) return true;
          offer_year(from + static_cast<size_t>(y.position(0)), static_cast<size_t>(y.length(0)), y[2].str());
          found = true;
          return false;
        });
        if (found) continue;
        if (Contains(lower, "reporting period") && std::regex_search(lower, m, kYearEnBare)) {
          offer_year(static_cast<size_t>(m.position(1)), static_cast<size_t>(m.length(1)), m[2].str());
          continue;
        }
      }
      if (!statement || !zh_line) continue;
      bool no_year = false;
      // Every match of kNoYear opens with a digit: tried only there (the matches sregex_iterator gives).
      auto digit_at = [&](size_t p) { return IsAsciiDigit(lower[p]); };
      ForEachMatchAt(lower, kNoYear, digit_at, [&](const std::smatch& match, size_t at) {
        size_t p = at + static_cast<size_t>(match.position(0));
        while (p > 0 && lower[p - 1] == ' ') --p;
        // 每年1月1日至12月31日 ("every year") says how long a period is, not which one.
        const std::string_view before = std::string_view(lower).substr(0, p);
        auto ends = [&](std::string_view w) {
          return before.size() >= w.size() && before.substr(before.size() - w.size()) == w;
        };
        no_year = !(p > 0 && IsAsciiDigit(lower[p - 1])) && !ends("每年") && !ends("每年的") && !ends("每一年") &&
                  !ends("每个年度") && !ends("每年度") && !ends("各年") && !ends("历年");
        if (no_year) m = match, m_at = at;
        return !no_year;
      });
      if (no_year) {
        f.m1 = std::stoi(m[1].str()), f.d1 = std::stoi(m[2].str());
        f.m2 = std::stoi(m[3].str()), f.d2 = std::stoi(m[4].str());
        if (f.m1 >= 1 && f.m1 <= 12 && f.m2 >= 1 && f.m2 <= 12 && f.d1 >= 1 && f.d1 <= 31 && f.d2 >= 1 &&
            f.d2 <= 31 && (f.m2 > f.m1 || (f.m2 == f.m1 && f.d2 >= f.d1))) {
          f.rank = kStatementNoYear;
          f.kind = ESGAUDIT_PERIOD_RANGE_NO_YEAR;
          span(m_at + static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)));
          offer(f);
        }
        continue;
      }
      // kEndOnly's and kYear's matches hold a period's name (kPeriodNames; 报告期 within 报告期间), and
      // 年; kEndOnly's also 至 or 到.
      static const std::initializer_list<std::string_view> kPeriodNames = {
          "时间范围", "时间跨度", "报告期", "报告时段", "报告周期", "涵盖期间", "時間範圍", "報告期"};
      const bool names_period = year20 && Contains(lower, "年") && ContainsAny(lower, kPeriodNames);
      if (names_period && ContainsAny(lower, {"至", "到"}) && std::regex_search(lower, m, kEndOnly) && !Contains(m[1].str(), "。") &&
          !(m[1].length() >= 3 && m[1].str().compare(m[1].length() - 3, 3, "截") == 0)) {
        f.y2 = std::stoi(m[2].str()), f.m2 = std::stoi(m[3].str()), f.d2 = std::stoi(m[4].str());
        if (f.m2 >= 1 && f.m2 <= 12 && f.d2 >= 1 && f.d2 <= DaysInMonth(f.y2, f.m2)) {
          f.rank = kYearOnly;
          f.kind = ESGAUDIT_PERIOD_END_ONLY;
          const size_t at = static_cast<size_t>(m.position(1) + m.length(1));
          span(at, static_cast<size_t>(m.position(0) + m.length(0)) - at);
          offer(f);
        }
        continue;
      }
      if (year20 && ((names_period && std::regex_search(lower, m, kYear)) ||
                     (above && Contains(lower, "年") && std::regex_search(lower, m, kYearBelow, kAnchored))) &&
          !Contains(m[1].str(), "。"))
        offer_year(static_cast<size_t>(m.position(2)), static_cast<size_t>(m.length(2)), m[3].str());
    }
  }
  if (best.kind == ESGAUDIT_PERIOD_RANGE_NO_YEAR) {
    // Its year: a whole-year statement's, else the title's; undated without either.
    const int year = year_statement.rank != kNoRank ? year_statement.y1 : md.title_year;
    if (year == 0) {
      best = year_statement.rank != kNoRank ? year_statement : Found();
    } else {
      best.y1 = best.y2 = year;
    }
  }
  char buf[16];
  switch (best.kind) {
    case ESGAUDIT_PERIOD_RANGE:
    case ESGAUDIT_PERIOD_RANGE_NO_YEAR:
      std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", best.y1, best.m1, best.d1);
      md.period_begin = buf;
      [[fallthrough]];
    case ESGAUDIT_PERIOD_END_ONLY:
      std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", best.y2, best.m2, best.d2);
      md.period_end = buf;
      [[fallthrough]];
    case ESGAUDIT_PERIOD_YEAR:
      md.report_year = best.y2;
      md.period_kind = best.kind;
      if (best.rank >= kYearOnly) md.flags |= ESGAUDIT_METADATA_PERIOD_STATEMENT;
      md.period_offset = doc_.ViewToText(best.vb);
      md.period_length = doc_.ViewToText(best.ve) - md.period_offset;
      break;
    case ESGAUDIT_PERIOD_NONE:
      md.report_year = md.title_year;
      md.period_offset = md.title_offset;
      md.period_length = md.title_length;
      break;
  }
}

void StructureBuilder::FindGriClaims() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  // Reference words are read first: "参照GRI标准核心方案" is a reference.
  static const std::string_view kReference[] = {"with reference to", "referenc", "guided by", "informed by",
                                                "参考", "参照", "借鉴"};
  static const std::string_view kAccordance[] = {
      "in accordance with", "core option", "comprehensive option", "in compliance with", "prepared according to",
      "符合", "依据", "按照", "遵循", "遵照", "根据", "核心选项", "核心方案", "全面选项", "全面方案"};
  // Each holds 据, 准 or g, the words IndexMetadataWords marks a basis heading's line by.
  static const std::string_view kBasis[] = {"编制依据", "编写依据", "报告依据", "参考标准", "编制标准",
                                            "reportingstandards", "reportingguidelines", "reportingframework"};
  static const std::initializer_list<std::string_view> kOnline = {"online", "website", "web site", "www.",
                                                                  "http", "网站", "网址", "在线"};
  auto excluded = [&](size_t i) {
    return (s_.lines_[i].flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) != 0;
  };
  // A GRI or G4 disclosure code opening a cell, or a G4-xx code anywhere: an index row or a section
  // tag, not a statement.
  auto tagged = [&](size_t i, std::string_view lower) {
    for (size_t p = lower.find("g4-"); p != std::string_view::npos; p = lower.find("g4-", p + 1)) {
      bool left = p == 0 || !IsAsciiAlpha(lower[p - 1]) || lower[p - 1] == 'i';
      if (left && p + 3 < lower.size() && (IsAsciiDigit(lower[p + 3]) || IsAsciiAlpha(lower[p + 3]))) return true;
    }
    const LineStructure& ls = s_.lines_[i];
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      std::string code;
      if (IndexCode(CellText(static_cast<uint32_t>(i), k), &code) == ESGAUDIT_INDEX_GRI) return true;
    }
    return false;
  };
  std::set<std::pair<int, uint32_t>> seen;  // (mode, flags)
  long basis_until = -1;
  for (size_t i = 0; i < n; ++i) {
    // A line without these words is no basis heading, names no content index and claims nothing.
    if (!(metadata_words_[i] & (kGriWords | kIndexWords | kBasisWords))) continue;
    std::string_view v = LineView(i);
    if (excluded(i) || v.empty()) continue;
    const std::string_view lower = LowerLine(i);
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
    // A basis heading is short: the squeezed line is built only when it has at most 40 bytes.
    // (Past 40 from the start on a line without 据, 准 or g: no basis heading can be there.)
    size_t kept = metadata_words_[i] & kBasisWords ? 0 : 41;
    for (size_t b = 0; b < lower.size() && kept <= 40; ++b) kept += !space(lower[b]);
    if (kept <= 40) {
      std::string squeezed;
      for (char c : lower)
        if (!space(c)) squeezed += c;
      for (std::string_view h : kBasis)
        if (Contains(squeezed, h)) basis_until = static_cast<long>(i) + 10;
    }
    if (!(metadata_words_[i] & (kGriWords | kIndexWords))) continue;
    auto next_lower = [&] { return i + 1 < n ? LowerLine(i + 1) : std::string_view(); };
    // "GRI内容索引请见公司网站": the content index is published elsewhere.
    if (std::any_of(std::begin(kContentIndexNames), std::end(kContentIndexNames),
                    [&](std::string_view w) { return Contains(lower, w); }) &&
        (ContainsAny(lower, kOnline) || ContainsAny(next_lower(), kOnline)))
      md.flags |= ESGAUDIT_METADATA_EXTERNAL_INDEX;
    // The name: GRI as a word, 全球报告倡议, or G4 with a word of guidelines (G4 alone is also a
    // CASS-CSR code: G4 责任绩效, G4.1).
    size_t pos = std::string::npos;
    size_t len = 0;
    if (HasWord(lower, "gri")) {
      pos = lower.find("gri");
      while (pos != std::string::npos && pos > 0 && IsAsciiAlpha(lower[pos - 1])) pos = lower.find("gri", pos + 1);
      len = 3;
    } else if (Contains(lower, "全球报告倡议")) {
      pos = lower.find("全球报告倡议");
      len = std::string_view("全球报告倡议").size();
    } else if (HasWord(lower, "g4")) {
      pos = lower.find("g4");
      while (pos != std::string::npos && pos + 2 < lower.size() &&
             (lower[pos + 2] == '.' || IsAsciiDigit(lower[pos + 2]) || IsAsciiAlpha(lower[pos + 2])))
        pos = lower.find("g4", pos + 1);
      if (!ContainsAny(lower, {"指南", "guideline", "核心", "全面", "可持续发展报告"})) pos = std::string::npos;
      len = 2;
    }
    if (pos == std::string::npos || tagged(i, lower)) continue;
    std::string text(lower);
    if (i + 1 < n && !excluded(i + 1)) text += next_lower();
    for (std::string_view h : {"编制依据", "编写依据", "报告依据"}) {
      for (size_t p = text.find(h); p != std::string::npos; p = text.find(h)) text.erase(p, h.size());
    }
    // A Chinese sentence naming GRI claims something about this report only when it speaks of the
    // report's preparation or stands under a basis heading: "根据G4报告指南…识别实质性议题" says how
    // topics were chosen; it is a mention.
    const bool in_basis = static_cast<long>(i) <= basis_until;
    const bool chinese = sdk::HasCjk(text);
    const bool about_report =
        !chinese || in_basis ||
        ContainsAny(text, {"本报告", "报告编制", "编制", "编写", "撰写", "报告内容", "报告参照", "报告依据"});
    int mode = ESGAUDIT_CLAIM_MENTION;
    if (about_report) {
      for (std::string_view w : kReference)
        if (Contains(text, w)) mode = ESGAUDIT_CLAIM_REFERENCE;
      if (mode == ESGAUDIT_CLAIM_MENTION)
        for (std::string_view w : kAccordance)
          if (Contains(text, w)) mode = ESGAUDIT_CLAIM_ACCORDANCE;
    }
    StandardClaim claim;
    claim.standard = ESGAUDIT_STANDARD_GRI;
    claim.mode = static_cast<esgaudit_claim_mode>(mode);
    if (in_basis) claim.flags |= ESGAUDIT_CLAIM_IN_BASIS;
    if (mode == ESGAUDIT_CLAIM_MENTION && !in_basis) {
      // A name in passing ("GRI 305-1"): a mention only where the line speaks of a standard.
      if (!ContainsAny(lower, {"指南", "标准", "standards", "guidelines", "framework", "g4"})) continue;
    }
    // The G4 Guidelines by name (G4, 可持续发展报告指南; the Standards are 标准), and the option.
    if (HasWord(text, "g4") || Contains(text, "g4.0") || Contains(text, "报告指南") || Contains(text, "guidelines"))
      claim.flags |= ESGAUDIT_CLAIM_NAMES_G4;
    if (ContainsAny(text, {"core option", "核心选项", "核心方案"})) claim.flags |= ESGAUDIT_CLAIM_CORE;
    if (ContainsAny(text, {"comprehensive option", "全面选项", "全面方案"})) claim.flags |= ESGAUDIT_CLAIM_COMPREHENSIVE;
    if (!seen.insert({mode, claim.flags & ESGAUDIT_CLAIM_IN_BASIS}).second) continue;
    uint64_t vb = line_view_[i].first + pos;
    claim.offset = doc_.ViewToText(vb);
    claim.length = doc_.ViewToText(vb + len) - claim.offset;
    md.claims.push_back(claim);
  }
}

void StructureBuilder::FindCompany() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  // Ways of naming the reporting entity, most certain first: the report's title, a statement
  // about the report, a cover line that is a company's name alone.
  static const std::regex& kTitleZh = title::CompanyTitleZh();
  static const std::regex& kTitleEn = title::CompanyTitleEn();
  static const std::regex kStatement("本报告(?:书)?(?:以|为|是|由)\\s*(.{6,90}?" + std::string(kCompanySuffix) + ")");
  static const std::regex& kAlone = title::CompanyAlone();
  enum Source { kTitle = 0, kStatementOf = 1, kCover = 2, kNone = 3 };
  int best = kNone;
  size_t nonblank = 0;
  for (size_t i = 0; i < n && best != kTitle; ++i) {
    const uint32_t flags = s_.lines_[i].flags;
    if (flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) continue;
    std::string_view v = LineView(i);
    if (v.size() > kMaxRegexLine || Trim(v).empty()) continue;
    ++nonblank;
    const bool front = i < 400 || (flags & (ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION));
    // Copies of the line (and its lower case, the same length: positions agree) only for an
    // expression that is run: most lines reach none.
    std::string line, lower;
    std::smatch m;
    int source = kNone;
    // Every match of kTitleZh, kStatement and kAlone holds kCompanySuffix, whose every word holds
    // 公司, 集团 or 银行; every title holds its year's "20": a line without them is not searched.
    // Asked only where the rest of a test holds (most lines reach none).
    int suffix_known = -1;
    auto suffix = [&] {
      if (suffix_known < 0) suffix_known = Contains(v, "公司") || Contains(v, "集团") || Contains(v, "银行");
      return suffix_known == 1;
    };
    if (front && (Contains(v, "报告") || Contains(v, "eport")) && Contains(v, "20") &&
        ((suffix() && title::CompanyTitleZhMayMatch(lower = sdk::AsciiLower(v)) &&
          std::regex_search(lower, m, kTitleZh, kAnchored)) ||
         (title::CompanyTitleEnMayMatch(v) && std::regex_search(line.assign(v), m, kTitleEn, kAnchored)))) {
      source = kTitle;
    } else if (best > kStatementOf && !(flags & ESGAUDIT_LINE_FURNITURE_MASK) && Contains(v, "本报告") && suffix() &&
               std::regex_search(line.assign(v), m, kStatement)) {
      source = kStatementOf;
    } else if (best > kCover && nonblank <= 40 && title::CompanyAloneMayMatch(v) && suffix() &&
               std::regex_match(line.assign(v), m, kAlone)) {
      source = kCover;
    }
    if (source >= best) continue;
    std::string_view name =
        Trim(v.substr(static_cast<size_t>(m.position(1)), static_cast<size_t>(m.length(1))));
    // The shortest match stops inside "上海复星医药（集团）股份有限公司": run on to the suffix after
    // the closing bracket.
    static const std::regex kAfterBracket(R"(^\s*\)\s*(?:股份有限公司|有限责任公司|有限公司|集团公司|公司))");
    std::string rest(v.substr(static_cast<size_t>(m.position(1) + m.length(1))));
    std::smatch more;
    if (Contains(name, "(") && !Contains(name, ")") && std::regex_search(rest, more, kAfterBracket, kAnchored))
      name = Trim(v.substr(static_cast<size_t>(m.position(1)),
                           static_cast<size_t>(m.length(1) + more.length(0))));
    if (!CompanyName(name)) continue;
    best = source;
    // As printed: the text span of the name, without the spaces the view dropped after it.
    uint64_t vb = line_view_[i].first + static_cast<size_t>(name.data() - v.data());
    uint64_t b = doc_.ViewToText(vb);
    std::string_view printed =
        Trim(std::string_view(doc_.text()).substr(b, doc_.ViewToText(vb + name.size()) - b));
    md.company = std::string(printed);
    md.company_offset = b;
    md.company_length = printed.size();
  }
}

}  // namespace esgaudit
