// The structure model, part two: the report's own content index and report metadata.
#include <esgaudit/text.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <tuple>

#include "analyse/structure_internal.h"
#include "esgaudit/document.h"

namespace esgaudit {

using sdk::Contains;
using sdk::ContainsAny;
using sdk::Trim;

namespace {


// Regexes run on lines up to this long: statements of a period, a title or a claim are short,
// and std::regex on a line of hundreds of kilobytes would cost far more than the rest.
constexpr size_t kMaxRegexLine = 2000;

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
  if (std::regex_search(s, m, kArticle)) {
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
esgaudit_exchange ExchangeGuideline(const std::string& lower, size_t* pos, size_t* len) {
  if (!ContainsAny(lower, {"指引", "guideline", "guidance"})) return ESGAUDIT_EXCHANGE_UNNAMED;
  struct Pattern {
    esgaudit_exchange exchange;
    std::regex re;
  };
  static const Pattern kPatterns[] = {
      {ESGAUDIT_EXCHANGE_SZSE,
       std::regex(R"((?:深圳证券交易所|深交所)\s*(?:上市公司)?\s*自律监管\s*指引\s*第\s*17\s*号|自律监管\s*指引\s*第\s*17\s*号|(?:shenzhen stock exchange|szse).{0,60}guidelines? (?:for listed companies )?no\.\s*17)")},
      {ESGAUDIT_EXCHANGE_SSE,
       std::regex(R"((?:上海证券交易所|上交所)\s*(?:上市公司)?\s*自律监管\s*指引\s*第\s*14\s*号|自律监管\s*指引\s*第\s*14\s*号|(?:shanghai stock exchange|sse).{0,60}guidelines? (?:for listed companies )?no\.\s*14)")},
      {ESGAUDIT_EXCHANGE_BSE,
       std::regex(R"((?:北京证券交易所|北交所)\s*(?:上市公司)?\s*持续监管\s*指引\s*第\s*11\s*号|持续监管\s*指引\s*第\s*11\s*号|(?:beijing stock exchange|bse).{0,60}guidelines? (?:for listed companies )?no\.\s*11)")},
  };
  for (const Pattern& p : kPatterns) {
    std::smatch m;
    if (!std::regex_search(lower, m, p.re)) continue;
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

void StructureBuilder::FindMetadata() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  // Languages by the share of Han characters and Latin letters in the matching view.
  size_t han = 0;
  size_t latin = 0;
  sdk::ForEachCodePoint(view_, [&](char32_t c, size_t) {
    if (sdk::IsCjk(c)) {
      ++han;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++latin;
    }
  });
  bool zh = han >= 20 && han * 10 >= (han + latin);
  bool en = latin >= 60 && latin * 2 >= han;
  md.languages = zh && en ? "zh,en" : zh ? "zh" : en ? "en" : "";

  // The stated reporting period: a span of 11 to 24 months, 日 read by OCR as 曰 or dropped, the
  // year of the second date optional (2016年1月1日至12月31日). A period on a line about the report
  // (报告, 时间范围, reporting period) wins over one elsewhere.
  static const std::regex kPeriodZh(
      R"((20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|曰|号)?\s*(?:至|到|-|—|~|–|起至)\s*(?:(20\d\d)\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日|曰|号)?)");
  static const std::regex kPeriodEn(
      R"((january|jan\.?)\s+1,?\s+(20\d\d)\s*(?:to|-|–|through|until)\s*(december|dec\.?)\s+31,?\s+(20\d\d))");
  static const std::regex kPeriodEnDmy(
      R"(1\s+(january|jan\.?)\s+(20\d\d)\s*(?:to|-|–|through|until)\s*31\s+(december|dec\.?)\s+(20\d\d))");
  int best_rank = -1;
  for (size_t i = 0; i < n; ++i) {
    if (s_.lines_[i].flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) continue;
    std::string_view v = LineView(i);
    if (v.size() > kMaxRegexLine || v.size() < 8) continue;
    bool zh_line = Contains(v, "月");
    std::string lower = sdk::AsciiLower(v);
    if (!zh_line && !Contains(lower, "jan")) continue;
    std::smatch m;
    int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
    size_t pos = 0, len = 0;
    if (zh_line && std::regex_search(lower, m, kPeriodZh)) {
      y1 = std::stoi(m[1].str());
      m1 = std::stoi(m[2].str());
      d1 = std::stoi(m[3].str());
      y2 = m[4].matched ? std::stoi(m[4].str()) : y1;
      m2 = std::stoi(m[5].str());
      d2 = std::stoi(m[6].str());
    } else if (std::regex_search(lower, m, kPeriodEn)) {
      y1 = std::stoi(m[2].str());
      m1 = 1, d1 = 1, m2 = 12, d2 = 31;
      y2 = std::stoi(m[4].str());
    } else if (std::regex_search(lower, m, kPeriodEnDmy)) {
      y1 = std::stoi(m[2].str());
      m1 = 1, d1 = 1, m2 = 12, d2 = 31;
      y2 = std::stoi(m[4].str());
    } else {
      continue;
    }
    pos = static_cast<size_t>(m.position(0));
    len = static_cast<size_t>(m.length(0));
    int months = (y2 - y1) * 12 + (m2 - m1);
    if (months < 11 || months > 24 || m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || d1 < 1 ||
        d1 > 31 || d2 < 1 || d2 > 31)
      continue;
    std::string context(lower);
    for (size_t up = 1; up <= 2 && up <= i; ++up) context += sdk::AsciiLower(LineView(i - up));
    int rank = ContainsAny(context, {"报告", "时间范围", "报告期", "reporting period", "report"}) ? 1 : 0;
    if (rank <= best_rank) continue;
    best_rank = rank;
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y1, m1, d1);
    md.period_begin = buf;
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y2, m2, d2);
    md.period_end = buf;
    md.report_year = y2;
    uint64_t vb = line_view_[i].first + pos;
    md.period_offset = doc_.ViewToText(vb);
    md.period_length = doc_.ViewToText(vb + len) - md.period_offset;
    if (rank == 1) break;
  }
  if (md.report_year == 0) {
    // The year in the report's own title ("2020年社会责任报告", "2019 Sustainability Report"),
    // by vote over the first pages and the running headers (which repeat it); never a year inside
    // 《》 (another document) and never one not followed by 报告/report ("2030年可持续发展议程").
    static const std::regex kTitleZh(
        R"((20\d\d)\s*(?:年度|年)?[^。,;]{0,18}?(?:社会责任|可持续发展|esg|环境、社会及(?:公司)?治理|环境,社会及(?:公司)?治理|环境、社会和(?:公司)?治理|csr)[^。,;]{0,12}?(?:报告|report))");
    static const std::regex kTitleEn(
        R"((20\d\d)(?:[-/]\d\d)?\s+(?:sustainability|esg|corporate (?:social )?responsibility|csr|integrated|impact)\s+report)");
    static const std::regex kTitleEnAfter(
        R"((?:sustainability|esg|corporate (?:social )?responsibility|csr|integrated|impact)\s+(?:report|disclosure)\s+(20\d\d)\b)");
    std::map<int, std::pair<int, size_t>> votes;  // year -> (count, first line)
    std::map<int, std::pair<uint64_t, uint64_t>> spans;
    for (size_t i = 0; i < n; ++i) {
      const uint32_t flags = s_.lines_[i].flags;
      if (flags & (ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) continue;
      // The cover and the first pages, and running headers anywhere; a year in a report cited
      // in the body does not vote.
      if (i >= 400 && (flags & (ESGAUDIT_LINE_RUNNING_HEADER | ESGAUDIT_LINE_DECORATION)) == 0) continue;
      std::string_view v = LineView(i);
      if (v.size() > kMaxRegexLine || v.size() < 4) continue;
      std::string lower = sdk::AsciiLower(v);
      // A title broken after its year ("2016年度" / "社会责任报告") is read with the next line.
      if (v.size() <= 24 && i + 1 < n) lower += " " + sdk::AsciiLower(LineView(i + 1));
      if (!Contains(lower, "报告") && !Contains(lower, "report") && !Contains(lower, "disclosure"))
        continue;
      for (const std::regex* re : {&kTitleZh, &kTitleEn, &kTitleEnAfter}) {
        for (std::sregex_iterator it(lower.begin(), lower.end(), *re), end; it != end; ++it) {
          size_t pos = static_cast<size_t>(it->position(0));
          size_t open = lower.rfind("《", pos);
          if (open != std::string::npos && lower.find("》", open) >= pos) continue;
          int year = std::stoi((*it)[1].str());
          auto& vote = votes[year];
          if (vote.first == 0) {
            vote.second = i;
            size_t at = std::min(pos, v.size());
            size_t len = std::min(static_cast<size_t>(it->length(0)), v.size() - at);
            uint64_t vb = line_view_[i].first + at;
            uint64_t b = doc_.ViewToText(vb);
            spans[year] = {b, doc_.ViewToText(vb + len) - b};
          }
          ++vote.first;
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
      md.report_year = best;
      md.period_offset = spans[best].first;
      md.period_length = spans[best].second;
    }
  }

  // Claimed standards: the first statement of each standard and mode outside the TOC, the index
  // and the page furniture.
  struct Name {
    esgaudit_standard standard;
    std::string_view text;
    bool word;  // must not touch ASCII letters
  };
  static const Name kNames[] = {
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
    std::string_view v = LineView(i);
    if (v.empty() || v.size() > kMaxRegexLine) continue;
    std::string lower = sdk::AsciiLower(v);
    std::set<esgaudit_standard> on_line;
    // An exchange's 2024 guideline by its number or its exchange: which exchange is part of the claim.
    size_t xpos = 0, xlen = 0;
    esgaudit_exchange exchange = ExchangeGuideline(lower, &xpos, &xlen);
    for (const Name& name : kNames) {
      size_t pos = lower.find(name.text);
      size_t len = name.text.size();
      if (name.standard == ESGAUDIT_STANDARD_EXCHANGE_2024 && exchange != ESGAUDIT_EXCHANGE_UNNAMED) {
        pos = xpos;
        len = xlen;
      }
      while (pos != std::string::npos && name.word &&
             ((pos > 0 && IsAsciiAlpha(lower[pos - 1])) ||
              (pos + name.text.size() < lower.size() && IsAsciiAlpha(lower[pos + name.text.size()]))))
        pos = lower.find(name.text, pos + 1);
      if (pos == std::string::npos || on_line.count(name.standard)) continue;
      // CASS's title contains GB/T 36001's ("社会责任报告编写指南"): one name, one standard.
      if (name.standard == ESGAUDIT_STANDARD_GBT36001 &&
          on_line.count(ESGAUDIT_STANDARD_CASS_CSR) && name.text == "社会责任报告编写指南")
        continue;
      on_line.insert(name.standard);
      std::string context = lower;
      if (i > 0) context = sdk::AsciiLower(LineView(i - 1)) + context;
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

void StructureBuilder::FindGriClaims() {
  ReportMetadata& md = s_.metadata_;
  const size_t n = s_.lines_.size();
  // Reference words are read first: "参照GRI标准核心方案" is a reference.
  static const std::string_view kReference[] = {"with reference to", "referenc", "guided by", "informed by",
                                                "参考", "参照", "借鉴"};
  static const std::string_view kAccordance[] = {
      "in accordance with", "core option", "comprehensive option", "in compliance with", "prepared according to",
      "符合", "依据", "按照", "遵循", "遵照", "根据", "核心选项", "核心方案", "全面选项", "全面方案"};
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
    std::string_view v = LineView(i);
    if (excluded(i) || v.empty()) continue;
    std::string lower = sdk::AsciiLower(v);
    std::string squeezed;
    for (char c : lower)
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') squeezed += c;
    for (std::string_view h : kBasis)
      if (Contains(squeezed, h) && squeezed.size() <= 40) basis_until = static_cast<long>(i) + 10;
    std::string next = i + 1 < n ? sdk::AsciiLower(LineView(i + 1)) : std::string();
    // "GRI内容索引请见公司网站": the content index is published elsewhere.
    if (ContainsAny(lower, {"gri index", "content index", "gri table", "内容索引", "索引表"}) &&
        (ContainsAny(lower, kOnline) || ContainsAny(next, kOnline)))
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
    std::string text = lower;
    if (i + 1 < n && !excluded(i + 1)) text += next;
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
  static const std::string kSuffix = "(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|银行|公司)";
  static const std::regex kTitleZh(
      "^\\s*(.{6,90}?" + kSuffix +
      ")\\s*20\\d\\d\\s*(?:年度|年)?\\s*(?:企业)?(?:社会责任|可持续发展|esg|环境、社会及(?:公司)?治理|环境,社会及(?:公司)?治理|环境、社会和(?:公司)?治理|csr)");
  static const std::regex kTitleEn(
      R"(^\s*([A-Z][A-Za-z0-9&.,'() -]{1,80}?(?:Co\.,? ?Ltd\.?|Company Limited|Corporation|Limited|Inc\.?|Group|Bank|PLC|plc))\s*,?\s+(?:FY\s*)?20\d\d(?:[-/]\d\d)?\s+(?:Sustainability|ESG|Corporate (?:Social )?Responsibility|CSR|Environmental, Social and Governance|Integrated|Impact)\s+Report)",
      std::regex::icase);
  static const std::regex kStatement("本报告(?:书)?(?:以|为|是|由)\\s*(.{6,90}?" + kSuffix + ")");
  static const std::regex kAlone("\\s*(.{6,90}?" + kSuffix + ")\\s*");
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
    std::string line(v);
    const std::string lower = sdk::AsciiLower(v);  // the same length: positions agree
    std::smatch m;
    int source = kNone;
    if (front && (Contains(v, "报告") || Contains(v, "eport")) &&
        (std::regex_search(lower, m, kTitleZh) || std::regex_search(line, m, kTitleEn))) {
      source = kTitle;
    } else if (best > kStatementOf && Contains(v, "本报告") && !(flags & ESGAUDIT_LINE_FURNITURE_MASK) &&
               std::regex_search(line, m, kStatement)) {
      source = kStatementOf;
    } else if (best > kCover && nonblank <= 40 && std::regex_match(line, m, kAlone)) {
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
    if (Contains(name, "(") && !Contains(name, ")") && std::regex_search(rest, more, kAfterBracket))
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
