#include "relation_internal.h"

namespace esgaudit::numeric::relation_detail {

// How the analysis reads (SetReadPathForTesting): kFast unless a test asks for the general path.
ReadPath read_path = ReadPath::kFast;

bool Fast() { return read_path == ReadPath::kFast; }

std::u32string U32(std::string_view s) { return ToU32(s, read_path); }

void U32Append(std::string_view s, std::u32string* out) { AppendU32(s, out, read_path); }

const std::vector<Dimension>& Dimensions() {
  static const std::vector<Dimension> dims = {
      {"gender", true,
       {{"男性", "男"}, {"男员工", "男"}, {"男", "男"}, {"女性", "女"}, {"女员工", "女"},
        {"女", "女"}, {"male", "男"}, {"men", "男"}, {"female", "女"}, {"women", "女"}},
       {"员工", "职工", "人员", "人数", "总数", "招聘", "employees", "workforce"}},
      {"patent", true,
       {{"发明", "发明"}, {"实用新型", "实用新型"}, {"外观设计", "外观设计"}, {"外观", "外观设计"}},
       {"专利"}},
      {"education", false,
       {{"博士", "博士"}, {"硕士", "硕士"}, {"研究生", "研究生"}, {"本科及以上", "本科及以上"},
        {"本科以上", "本科及以上"}, {"本科", "本科"}, {"大专及以下", "大专及以下"},
        {"大专", "大专"}, {"专科", "大专"}, {"中专及以下", "中专及以下"}, {"中专", "中专"},
        {"高中及以下", "高中及以下"}, {"高中", "高中"}},
       {"员工", "职工", "人员", "人数", "总数", "招聘"}},
      {"title", false,
       {{"正高职", "正高"}, {"正高级", "正高"}, {"副高职", "副高"}, {"副高级", "副高"},
        {"中职", "中级"}, {"中级", "中级"}, {"初职", "初级"}, {"初级", "初级"},
        {"高级职称", "高级"}, {"高级", "高级"}},
       {"员工", "职工", "人员", "人数", "职称"}},
      // Grades of one award (科技进步一等奖, 二等奖 …): each prize counted once, in one grade.
      {"award", false,
       {{"特等奖", "特等奖"}, {"一等奖", "一等奖"}, {"二等奖", "二等奖"}, {"三等奖", "三等奖"}, {"优秀奖", "优秀奖"}},
       {"奖", "成果"}},
  };
  return dims;
}

const std::vector<Facet>& Facets() {
  static const std::vector<Facet> facets = {
      {"party", {"党员", "团员", "中共"}},
      {"ethnicity", {"少数民族", "汉族"}},
      {"disability", {"残疾", "残障"}},
      {"age", {"岁"}},
      {"nationality", {"外籍", "外国籍", "港澳台"}},
      {"level", {"管理层", "高层", "中层", "基层", "高管"}},
  };
  return facets;
}

// A count of things or people (人次: person-times, as a count of help given or training attended).
bool CountUnit(std::string_view unit) {
  for (const char* u : {"家", "个", "项", "笔", "只", "户", "次", "人", "名", "人次"}) {
    if (unit == u) return true;
  }
  return false;
}

bool PeopleUnit(std::string_view unit) { return unit == "人" || unit == "名" || unit == "位"; }

// The code points come from decoded UTF-8, so boost's encoder meets no invalid one.
std::string ToUtf8(const std::u32string& s) {
  using U32To8 = boost::u32_to_u8_iterator<std::u32string::const_iterator>;
  return std::string(U32To8(s.begin()), U32To8(s.end()));
}

// U32(s).size() without the string: the same checked iterator, so broken UTF-8 throws as there.
size_t Cps(std::string_view s) {
  size_t n = 0;
  for (U8Iter it(s.begin(), s.begin(), s.end()), end(s.end(), s.begin(), s.end()); it != end; ++it) ++n;
  return n;
}

bool CountsInstitutions(const Figure& g) {
  for (const char* n : kInstitutionNouns) {
    if (EndsWith(g.label, n) || g.after.rfind(n, 0) == 0) return true;
  }
  return false;
}

// The Han characters of a count's noun right after its unit, up to a particle, a conjunction or a
// verb of place ("200台全密封垃圾车在来回运输" -> 全密封垃圾车).
std::u32string NounAfterUnit(const Figure& g) {
  std::u32string noun;
  for (char32_t c : U32(g.after)) {
    if (c == U' ' && noun.empty()) continue;
    if (c < 0x4E00 || c > 0x9FFF || std::u32string_view(U"的和及与或在为是已均都被将").find(c) != std::u32string_view::npos) break;
    noun += c;
  }
  return noun;
}

bool EndsWithU(const std::u32string& s, std::u32string_view w) {
  return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
}

// 辆 counts vehicles only; 台 counts vehicles when its noun is one (200台垃圾车, 垃圾车200台).
bool CountsVehicles(const Figure& g) {
  if (g.unit == "辆") return true;
  return g.unit == "台" && (EndsWithU(NounAfterUnit(g), U"车") || EndsWithU(LabelStem(g.label), U"车"));
}

// 项 counts items; 个 counts them too when its noun is 项目 (221个项目). A 项 figure whose own noun
// names something else (10项技术) counts that.
bool CountsProjects(const Figure& g) {
  if (g.unit == "项") {
    const std::u32string noun = NounAfterUnit(g);
    return noun.size() < 2 || noun.find(U"项目") != std::u32string::npos;
  }
  return g.unit == "个" && (NounAfterUnit(g).rfind(U"项目", 0) == 0 || EndsWithU(LabelStem(g.label), U"项目"));
}

// The noun a count in a general classifier (个, 项, 次) counts when it follows its unit: the Han
// characters right after the unit, up to a particle or conjunction ("17个省市自治区的…" -> 省市自治区);
// empty when none follows ("其中新增29个。"), when the words open a predicate of which the count is
// the subject ("其中21个为目录外品种", "其中18项达行业先进水平": the count counts the total's noun), when one character is all
// there is, or when the unit is another.
std::u32string NounAfterGeneralUnit(const Figure& g) {
  if (g.kind != ESGAUDIT_FACT_QUANTITY || (g.unit != "个" && g.unit != "项" && g.unit != "次")) return {};
  std::u32string noun;
  for (char32_t c : U32(g.after)) {
    if (c == U' ' && noun.empty()) continue;
    if (c < 0x4E00 || c > 0x9FFF || c == U'的' || c == U'和' || c == U'及' || c == U'与' || c == U'或') break;
    noun += c;
  }
  if (noun.size() < 2 || std::u32string_view(U"为是属系在位来由已均都获被将达").find(noun[0]) != std::u32string_view::npos) {
    return {};
  }
  return noun;
}

bool OpensWithYear(std::string_view s) {
  return s.size() >= 4 && (s.substr(0, 2) == "19" || s.substr(0, 2) == "20") &&
         std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Lower(std::string s) {
  // Every byte written, a select rather than a branch: the loop vectorises (sdk::AsciiLower's form).
  for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return s;
}

bool HasLatinWord(std::string_view text, std::string_view word, bool prefix, bool plural) {
  auto letter = [&](size_t i) { return i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])); };
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    size_t end = at + word.size();
    if (plural && letter(end) && text[end] == 's' && !letter(end + 1)) ++end;
    if ((at == 0 || !letter(at - 1)) && (prefix || !letter(end))) return true;
  }
  return false;
}

namespace {
// Dimensions()'s categories as views, measured once: Categorise runs for every label.
using CategoryViews = std::vector<std::vector<std::pair<std::string_view, std::string_view>>>;
const CategoryViews& DimensionCategoryViews() {
  static const CategoryViews views = [] {
    CategoryViews out;
    for (const Dimension& d : Dimensions()) {
      auto& cats = out.emplace_back();
      for (const auto& [printed, cat] : d.categories) cats.emplace_back(printed, cat);
    }
    return out;
  }();
  return views;
}
}  // namespace

// (dimension index, category) for a label, by the longest printed category it contains.
std::pair<int, std::string> Categorise(std::string_view label) {
  thread_local LabelAnswers<std::pair<int, std::string>> answers;
  return answers.Of(label, [&] { return ReadCategory(label); });
}

std::pair<int, std::string> ReadCategory(std::string_view label) {
  std::string l = Lower(std::string(label));
  int best_dim = -1;
  std::string_view best_cat;
  size_t best_len = 0;
  bool ambiguous = false;
  const CategoryViews& dims = DimensionCategoryViews();
  for (size_t d = 0; d < dims.size(); ++d) {
    for (const auto& [printed, cat] : dims[d]) {
      const std::string_view p = printed;
      if (!Has(l, p)) continue;
      // Latin words must stand alone: "men" is not in "women" or "management" (any occurrence may).
      if (p[0] >= 'a' && p[0] <= 'z' && !HasLatinWord(l, p)) continue;
      if (p.size() > best_len) {
        ambiguous = best_dim >= 0 && (best_dim != static_cast<int>(d) || best_cat != cat) &&
                    !Has(p, best_cat);
        best_len = p.size();
        best_dim = static_cast<int>(d);
        best_cat = cat;
      } else if (p.size() <= best_len && best_dim >= 0 && best_cat != cat) {
        const std::string_view cur = best_cat;
        if (!Has(l, cur) || !Has(printed, cur)) {
          // Two categories in one label ("男女比例") unless one contains the other.
          bool nested = false;
          for (const auto& [p2, c2] : dims[best_dim]) {
            if (c2 == best_cat && Has(p2, printed)) nested = true;
          }
          if (!nested) ambiguous = true;
        }
      }
    }
  }
  if (ambiguous) return {-1, ""};
  return {best_dim, std::string(best_cat)};
}

bool HasHead(std::string_view label, int dim) {
  std::string l = Lower(std::string(label));
  for (const char* h : Dimensions()[dim].heads) {
    if (Has(l, h)) return true;
  }
  for (const char* w : kTotalWords) {
    if (Has(l, w)) return true;
  }
  return false;
}

// A word that ends like "rate" but names a thing: Corporate, Emirates, Concentrate. `at` is where
// "rate" starts in the lowered label `l`.
bool RateTailOfWord(const std::string& l, size_t at) {
  auto letter = [&](size_t i) { return std::isalpha(static_cast<unsigned char>(l[i])) != 0; };
  for (std::string_view word : {"corporate", "emirate", "separate", "accurate", "moderate", "concentrate",
                                "substrate", "nitrate", "doctorate", "directorate", "electorate", "generate",
                                "integrate", "operate"}) {
    const size_t head = word.size() - 4;  // the letters before "rate"
    if (at >= head && l.compare(at - head, word.size(), word) == 0 && (at == head || !letter(at - head - 1))) {
      return true;
    }
  }
  return false;
}

// A label naming a rate measured in each category (培训覆盖率, 员工流失率, "Turnover rate"): its
// percentages are one rate per category, not shares of one whole, even when they add up to about
// 100. 率 counts but in 比率 / 占有率 (a ratio or a market share can split one whole); the English
// word rate counts when it stands alone, or ends a word of a label that lost its spaces
// (Trainingrate) unless that word names a thing (corporate).
bool NamesRate(std::string_view label) {
  const std::string l = Lower(std::string(label));
  for (size_t at = l.find("率"); at != std::string::npos; at = l.find("率", at + 1)) {
    const bool ratio = at >= 3 && l.compare(at - 3, 3, "比") == 0;
    const bool market = at >= 6 && l.compare(at - 6, 6, "占有") == 0;
    if (!ratio && !market) return true;
  }
  const bool spaced = l.find(' ') != std::string::npos;
  auto letter = [&](size_t i) { return std::isalpha(static_cast<unsigned char>(l[i])) != 0; };
  for (size_t at = l.find("rate"); at != std::string::npos; at = l.find("rate", at + 1)) {
    if (at > 0 && letter(at - 1) && (spaced || RateTailOfWord(l, at))) continue;
    size_t end = at + 4;
    if (end < l.size() && l[end] == 's') ++end;
    if (end >= l.size() || !letter(end)) return true;
  }
  return false;
}

// Whether the clause before `offset` on its line (after the last sentence end, semicolon or
// Chinese comma) names a rate: "Turnover rate: 55% male / 45% female", 培训覆盖率为48%.
bool RateBefore(std::string_view text, size_t offset) {
  const size_t nl = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  const size_t line_start = nl == std::string_view::npos ? 0 : nl + 1;
  std::string before(text.substr(line_start, offset - line_start));
  for (const char* stop : {". ", "; ", "。", "；", "，"}) {
    const size_t at = before.rfind(stop);
    if (at != std::string::npos) before.erase(0, at + std::strlen(stop));
  }
  return NamesRate(before);
}

// The text of a line of the document, blanks trimmed at both ends.
std::string TrimmedLine(const sdk::Document& doc, uint32_t line) {
  const esgaudit_line l = doc.Line(line);
  return std::string(sdk::Trim(doc.Text().substr(l.offset, l.length)));
}

// A figure that may be a count its context names: a whole number printed bare (no unit, magnitude
// or qualifier), not negative.
bool CountCandidate(const Figure& f) {
  return f.kind == ESGAUDIT_FACT_QUANTITY && f.unit.empty() && f.decimals == 0 && f.magnitude == 1 &&
         f.qualifiers == 0 && f.value >= 0;
}

// The share of a base printed in brackets after a count as the rest of its cell: `(1.1%)`, ` （26.8%）`
// after 56 or 1,428. `text` is the cell's text from the count on, `offset` the count's text offset;
// `figure_at` maps text offsets to figures. The share's figure, or -1: a signed or qualified
// percentage (a change, an estimate), one above 1000 or anything after the bracket is no share. A
// share above 100 is read so that a table whose other rows hold shows one printed ten times its
// value wrong (ShareSum), instead of the cell reading as no count.
int BracketedShare(const std::vector<Figure>& figures, const std::map<uint64_t, int>& figure_at, const Figure& count,
                   uint64_t offset, std::string_view text) {
  if (count.kind == ESGAUDIT_FACT_PERCENT || count.length > text.size()) return -1;
  size_t p = count.length;
  auto skip_spaces = [&] {
    while (p < text.size() && text[p] == ' ') ++p;
  };
  auto take = [&](std::string_view ascii, std::string_view wide) {
    for (std::string_view mark : {ascii, wide}) {
      if (text.substr(p, mark.size()) == mark) {
        p += mark.size();
        return true;
      }
    }
    return false;
  };
  skip_spaces();
  if (!take("(", "\xEF\xBC\x88")) return -1;
  skip_spaces();
  auto it = figure_at.find(offset + p);
  if (it == figure_at.end()) return -1;
  const Figure& sf = figures[it->second];
  if (sf.kind != ESGAUDIT_FACT_PERCENT || sf.qualifiers != 0 || sf.value > kMaxSlippedShare || p >= text.size() ||
      text[p] < '0' || text[p] > '9') {
    return -1;
  }
  p += sf.length;
  take("%", "\xEF\xBC\x85");
  skip_spaces();
  if (!take(")", "\xEF\xBC\x89")) return -1;
  skip_spaces();
  return p == text.size() ? it->second : -1;
}

// A change against another period (较上年增长, 同比下降, up ... year on year) is never a part.
int HanNumeral(char32_t ch) {
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  const size_t at = kNumerals.find(ch);
  return at == std::u32string_view::npos ? 0 : static_cast<int>(at) + 1;
}

bool IsChangeLabel(const std::string& label) {
  thread_local LabelAnswers<bool> answers;
  return answers.Of(label, [&] { return ReadChangeLabel(label); });
}

bool ReadChangeLabel(const std::string& label) {
  std::string l = Lower(label);
  static constexpr std::string_view kChangeWords[] = {
      "较上年", "较去年", "同比", "环比", "提升", "增长",         "增加",     "下降",
      "减少",   "降低",   "上升", "增幅", "降幅", "year on year", "increase", "decrease"};
  for (std::string_view w : kChangeWords) {
    if (Has(l, w)) return true;
  }
  return false;
}

bool OpensWithChange(std::u32string_view words) {
  static constexpr std::u32string_view kOpeners[] = {U"较",   U"比上", U"比去", U"同比", U"环比", U"增长",
                                                     U"增加", U"增幅", U"下降", U"减少", U"减幅", U"降幅",
                                                     U"降低", U"上升", U"提高", U"提升"};
  for (std::u32string_view w : kOpeners) {
    if (words.substr(0, w.size()) == w) return true;
  }
  return false;
}

// The label without a trailing verb or particle: "办公建筑面积为" -> "办公建筑面积".
std::u32string LabelStem(const std::string& label) {
  std::u32string u = U32(label);
  while (!u.empty() && (u.back() == U'为' || u.back() == U'是' || u.back() == U'有' || u.back() == U'达' ||
                        u.back() == U'约' || u.back() == U'共' || u.back() == U'占' || u.back() == U'：' ||
                        u.back() == U':' || u.back() == U' ')) {
    u.pop_back();
  }
  return u;
}

// Whether what follows a value in its table cell is only a footnote marker, so that the cell still
// holds that value: 1,234(1), 45%*, 2,700¹, 12[a], 3.5（2）, †. Spaces are ignored; nothing at all
// is no marker but passes too.
bool FootnoteTail(std::string_view rest) {
  std::string t;
  for (char c : rest) {
    if (c != ' ' && c != '\t') t.push_back(c);
  }
  if (t.empty()) return true;
  static const char* const kMarks[] = {"*", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xC2\xB9", "\xC2\xB2", "\xC2\xB3",
                                       "\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6",
                                       "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9"};
  std::string_view v = t;
  bool marks = true;
  while (!v.empty() && marks) {
    marks = false;
    for (const char* m : kMarks) {
      std::string_view mv(m);
      if (v.substr(0, mv.size()) == mv) {
        v.remove_prefix(mv.size());
        marks = true;
        break;
      }
    }
  }
  if (v.empty()) return true;
  if (v.size() != t.size()) return false;  // marks then something else
  // One bracketed note number or letter: (1), [a], （2）.
  for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"}, {"[", "]"},
                             {"\xEF\xBC\x88", "\xEF\xBC\x89"}}) {
    if (v.size() < open.size() + close.size() + 1 || v.substr(0, open.size()) != open ||
        v.substr(v.size() - close.size()) != close)
      continue;
    std::string_view in = v.substr(open.size(), v.size() - open.size() - close.size());
    return in.size() <= 2 && std::all_of(in.begin(), in.end(), [](char c) {
             return std::isalnum(static_cast<unsigned char>(c)) != 0;
           });
  }
  return false;
}

// The label without spaces, lower-cased, without a trailing ':' or '*'; true when it is a total
// word itself (合计, 总计, Total, "Total employees").
bool BareTotal(const std::string& label, std::string* lowered) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  while (!l.empty() && (l.back() == ':' || l.back() == '*')) l.pop_back();
  *lowered = l;
  static constexpr std::string_view kTotals[] = {"合计",  "总计", "总数",     "共计",      "总人数",
                                                 "total", "小计", "subtotal", "grandtotal"};
  for (std::string_view w : kTotals) {
    if (l == w) return true;
  }
  return l.rfind("total", 0) == 0;
}

// A row or child label naming the total of its table, column or group.
bool IsTotalLabel(const std::string& label) {
  std::string l;
  if (BareTotal(label, &l)) return true;
  std::u32string u = U32(l);
  if (u.size() >= 3 && u.size() <= 8) {
    std::u32string tail = u.substr(u.size() - 2);
    if (tail == U"合计" || tail == U"总计" || tail == U"总数") return true;
  }
  return false;
}

// Rows that are part of another row (其中, of which) make a column sum unsure.
bool IsNestedLabel(const std::string& label) {
  thread_local LabelAnswers<bool> answers;
  return answers.Of(label, [&] { return ReadNestedLabel(label); });
}

bool ReadNestedLabel(const std::string& label) {
  std::string l = Lower(label);
  return Has(l, "其中") || Has(l, "小计") || Has(l, "of which") || Has(l, "including") ||
         Has(l, "incl.") || (!l.empty() && (l[0] == '-' || l.rfind("–", 0) == 0));  // "– Upstream", not "Scope 1 – Direct"
}

// A row of a table that opens the parts of the row above it: "其中：中国内地", "Of which: Korea".
bool OfWhichLabel(const std::string& label) {
  thread_local LabelAnswers<bool> answers;
  return answers.Of(label, [&] { return ReadOfWhichLabel(label); });
}

bool ReadOfWhichLabel(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  // A dash may set the row off: "- of which hydro", "– of which wind".
  for (const char* dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    if (l.rfind(dash, 0) == 0) {
      l.erase(0, std::char_traits<char>::length(dash));
      break;
    }
  }
  return l.rfind("其中", 0) == 0 || l.rfind("ofwhich", 0) == 0;
}

// A row naming the total of the rows next to it: a total word (合计, 总计, Total, 员工总数) or a
// quantity's total (温室气体排放总量, 采购总额) that names no category itself.
bool RowTotalLabel(const std::string& label) {
  if (IsTotalLabel(label)) return true;
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  for (const char* open : {"(", "\xEF\xBC\x88"}) {  // a unit in brackets: "(吨)"
    size_t at = sdk::RFind(l, open);
    if (at != std::string::npos && at > 0 && Cps(l.substr(at)) <= 8) l.resize(at);
  }
  std::u32string u = U32(l);
  if (u.size() < 3 || u.size() > 14 || Categorise(label).first >= 0) return false;
  std::u32string tail = u.substr(u.size() - 2);
  return tail == U"合计" || tail == U"总计" || tail == U"小计" || tail == U"总量" || tail == U"总额" ||
         tail == U"总数";
}

// Whether the last part names the rest of a set (其他, Others): the parts then close it.
bool OtherLabel(const std::string& label) {
  std::string l = Lower(label);
  return Has(l, "其他") || Has(l, "其它") || l.rfind("other", 0) == 0;
}

// A table's row or column label naming the total of the rows above (or below) it, or of the cells
// left of it: 合计, 总计, 小计, Total, and labels ending so (在职员工的数量合计, 男性合计, 地区小计).
// A unit in brackets after the label is ignored. 总数 ends a total only without a category word
// (男性员工总数 is one part of 员工总数).
bool TableTotalLabel(std::string label) {
  // One list of answers per read path: the tests that read the general way compare what it reads.
  thread_local LabelAnswers<bool> answers[2];
  return answers[Fast() ? 1 : 0].Of(label, [&] { return ReadTableTotalLabel(label); });
}

bool ReadTableTotalLabel(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  // Twice: a note and the unit bracket before it may use either kind of bracket.
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* open : {"(", "\xEF\xBC\x88"}) {  // "(" and "（"
      size_t at = sdk::RFind(label, open);
      if (at == std::string::npos || at == 0) continue;
      // A short bracket is a unit or a qualifier; a longer one is a note, dropped when the label
      // before it ends in a total word (在职员工的数量合计（母公司与子公司合计）) or in a unit
      // bracket of its own (员工总人数（人）（另有劳务派遣用工5,093人）).
      std::u32string before = U32(label.substr(0, at));
      bool total_before = before.size() >= 3 && (before.substr(before.size() - 2) == U"合计" ||
                                                 before.substr(before.size() - 2) == U"总计");
      bool unit_before = before.size() >= 3 && (before.back() == U')' || before.back() == U'）');
      if (Cps(label.substr(at)) <= 8 || total_before || unit_before) label.resize(at);
    }
  }
  std::string l;
  if (BareTotal(label, &l)) return true;
  std::u32string u = U32(l);
  if (u.size() < 3) return false;
  std::u32string tail = u.substr(u.size() - 2);
  if (u.size() <= 16 && (tail == U"合计" || tail == U"总计" || tail == U"小计")) return true;
  if (u.size() <= 8 && (tail == U"总数" || (u.size() >= 4 && u.substr(u.size() - 3) == U"总人数"))) {
    return Categorise(label).first < 0;
  }
  return false;
}

namespace {

// 每 opening a per-unit amount the text states itself (每10股派2.00元, 每股派0.1元: a dividend
// scheme beside a year's payout): a figure after the unit counted, past at least one other
// character. 每1000名员工受伤人数 and 每万元产值能耗 name a rate: nothing follows the unit.
bool StatesOwnPerUnitAmount(std::string_view l) {
  const size_t at = l.find("每");
  if (at == std::string_view::npos) return false;
  size_t i = at + std::string_view("每").size();
  while (i < l.size() && ((l[i] >= '0' && l[i] <= '9') || l[i] == '.' || l[i] == ' ')) ++i;
  const size_t unit = i;
  while (i < l.size() && !(l[i] >= '0' && l[i] <= '9')) ++i;
  if (i >= l.size() || i == unit) return false;
  size_t end = i;
  while (end < l.size() && l[end] >= '0' && l[end] <= '9') ++end;
  const bool year = end - i == 4 && (l.compare(i, 2, "19") == 0 || l.compare(i, 2, "20") == 0);
  return !year;  // 每万元产值能耗2016年: a year, no amount
}

}  // namespace

// Rates, ratios and per-unit values: a column or row of them does not add up. 每 in a text that
// states its own per-unit amount (每10股派2.00元) makes no rate of the figures beside it.
bool RateLabel(const std::string& label) {
  thread_local LabelAnswers<bool> answers;
  return answers.Of(label, [&] { return ReadRateLabel(label); });
}

bool ReadRateLabel(const std::string& label) {
  std::string l = Lower(label);
  static constexpr std::string_view kRateWords[] = {"率", "比例", "占比", "比重", "%", "人均", "平均", "强度"};
  for (std::string_view w : kRateWords) {
    if (Has(l, w)) return true;
  }
  if (Has(l, "每") && !StatesOwnPerUnitAmount(l)) return true;
  // English words end where no letter follows (but a plural s): "rate" is no word of IntegratedGas
  // or generated. A label may come without spaces (Turnoverrate: a cell whose words the layout or text
  // recognition joined), so a word may start after a letter there; a label that keeps its spaces sets
  // its words apart, and a word must start
  // after a non-letter: "rate" is no word of United Arab Emirates or Corporate income taxes.
  // A label without spaces is still no rate when the match is the tail of a word that names a
  // thing (Corporate, Emirates, Concentrate).
  const bool spaced = l.find(' ') != std::string::npos;
  auto letter = [&](size_t i) { return std::isalpha(static_cast<unsigned char>(l[i])) != 0; };
  auto word_tail = [&](size_t at) { return RateTailOfWord(l, at); };
  static constexpr std::string_view kEnglishRateWords[] = {"average",   "rate",   "ratio", "per ",
                                                           "intensity", "margin", "share"};
  for (std::string_view w : kEnglishRateWords) {
    for (size_t at = l.find(w); at != std::string::npos; at = l.find(w, at + 1)) {
      if (at > 0 && letter(at - 1) && (spaced || (w == "rate" && word_tail(at)))) continue;
      size_t end = at + w.size();
      if (end < l.size() && l[end] == 's') ++end;
      if (end >= l.size() || !letter(end)) return true;
    }
  }
  return false;
}

// A row label that says its figures are counts by a count noun rather than a unit: 复职人数,
// 培训次数, "Number of sites", "Total Cases". A label with a unit bracket of its own ("Employees
// (thousands)") is judged by that unit instead.
bool CountLabel(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  std::u32string u = U32(label);
  if (u.size() >= 3) {
    std::u32string tail = u.substr(u.size() - 2);
    for (const char32_t* w : {U"人数", U"人次", U"次数", U"件数", U"个数", U"家数", U"户数", U"项数", U"起数"}) {
      if (tail == w) return true;
    }
  }
  std::string l = Lower(label);
  if (l.rfind("numberof", 0) == 0) return true;
  for (std::string_view w : {"cases", "incidents", "headcount", "employees", "grievances", "complaints"}) {
    if (l.size() >= w.size() && l.compare(l.size() - w.size(), w.size(), w) == 0) return true;
  }
  return false;
}

// The unit a table label names in brackets at its end: "培训次数(次)" -> "次"; empty when none.
std::string LabelUnit(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  for (const char* open : {"(", "\xEF\xBC\x88"}) {  // "(" and "（"
    size_t at = sdk::RFind(label, open);
    if (at == std::string::npos) continue;
    std::string unit = label.substr(at + std::string(open).size());
    for (const char* close : {")", "\xEF\xBC\x89"}) {
      if (unit.size() >= std::string(close).size() &&
          unit.compare(unit.size() - std::string(close).size(), std::string::npos, close) == 0) {
        unit.resize(unit.size() - std::string(close).size());
      }
    }
    // "(含中专)", "(不含派遣)" qualify the category; a unit is a short word.
    if (Cps(unit) <= 4 && !Has(unit, "含") && !Has(unit, "及") && !Has(unit, "其中")) return unit;
  }
  return "";
}

// Whether bare whole numbers under a table's column header and unit line count discrete things, so
// that their parts sum exactly: the header names a count (检查次数, 人数) or a count unit in its bracket
// or as a unit line of its own (投诉数量（件）, 单位：人次), or it names nothing and the table's unit is
// a count unit. Not when either names another unit, a multiple (万人, 千人次) or a share (占比, 率):
// such figures keep the rounding allowance.
bool CountedByContext(const std::string& header, const std::string& table_unit) {
  std::string h = header;
  h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
  if (!table_unit.empty() && !IsCountUnit(table_unit)) return false;
  if (RateLabel(h)) return false;
  std::string unit = LabelUnit(h);  // "(件)", "(单位：人)"
  const std::string line = unit.empty() ? h : unit;
  for (const char* lead : {"单位:", "单位\xEF\xBC\x9A"}) {  // 单位: and 单位：
    if (line.rfind(lead, 0) == 0) {
      unit = line.substr(std::string(lead).size());
      break;
    }
  }
  if (!unit.empty()) return IsCountUnit(unit);
  // Headers count by more nouns than row labels do (一般事故, 工伤事故数, 重伤工伤数, 员工数): a header names
  // the column's quantity, where a row label's tail may name a category.
  for (const char* tail : {"事故", "事故数", "伤数", "员工数", "职工数"}) {
    const std::string t(tail);
    if (h.size() > t.size() && h.compare(h.size() - t.size(), t.size(), t) == 0) return true;
  }
  return CountLabel(h) || IsCountUnit(table_unit);
}

// The counted noun of a row label, lower-cased, without spaces, a unit bracket at its end, and (with
// strip_total) its total word: 供应商总数 -> 供应商, 员工总人数（人） -> 员工, "Total suppliers" ->
// suppliers; empty when strip_total finds no total word.
std::string TotalNoun(std::string label, bool strip_total) {
  label = Lower(label);
  // A note mark after the label (员工总数*: the figure's scope is footnoted) names nothing.
  while (!label.empty() && (label.back() == '*' || label.back() == ' ')) label.pop_back();
  for (const char* close : {")", "\xEF\xBC\x89"}) {  // ")" and "）"
    std::string c = close;
    if (label.size() > c.size() && label.compare(label.size() - c.size(), c.size(), c) == 0) {
      const size_t ascii = label.rfind('('), wide = label.rfind("\xEF\xBC\x88");
      const size_t open = ascii == std::string::npos ? wide : wide == std::string::npos ? ascii : std::max(ascii, wide);
      if (open != std::string::npos && open > 0 && Cps(label.substr(open)) <= 8) label.resize(open);
    }
  }
  while (!label.empty() && label.back() == ' ') label.pop_back();
  if (!strip_total) {
    label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
    return label;
  }
  if (label.compare(0, 6, "total ") == 0) {
    label = label.substr(6);
    label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
    return label;
  }
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  for (const char* w : {"总人数", "总数", "总量", "总额", "合计", "总计"}) {
    std::string t = w;
    if (label.size() > t.size() && label.compare(label.size() - t.size(), t.size(), t) == 0) {
      label.resize(label.size() - t.size());
      return label;
    }
  }
  return std::string();
}

// Whether the columns of a grouping inferred from the rows' order show it: every column but at most
// one adds up (one changed figure is still read; one column adding up by chance is not enough).
// `tried`: the columns summed, a sum too far from its total to be kept included.
// The accounting method a label names for a greenhouse-gas figure (GHG Protocol Scope 2 guidance:
// every report gives both): 1 location-based, 2 market-based, 0 neither or both.
int AccountingMethod(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove_if(l.begin(), l.end(), [](char c) { return c == ' ' || c == '-'; }), l.end());
  const bool location = Has(l, "locationbased") || Has(l, "基于位置");
  const bool market = Has(l, "marketbased") || Has(l, "基于市场");
  return location == market ? 0 : location ? 1 : 2;
}

// Whether a column shows the grouping: it adds up as printed, or within the rounding intervals of
// counts exact by their context only (Relation::adds_up_rounded).
bool ShowsGrouping(const Relation& r) { return r.consistent || r.adds_up_rounded; }

int SignificantDigits(std::string_view printed) {
  int n = 0;
  bool lead = true;
  for (char c : printed) {
    if (c < '0' || c > '9') {
      if (c == '.' || c == ',') continue;
      break;
    }
    if (lead && c == '0') continue;
    lead = false;
    ++n;
  }
  return n;
}

// A column of a table read from its layout alone that misses its total by more than 15 % of it
// counts another quantity (an average, a rate): the grouping is misread, not the figures; unless
// one part read 10^k times its value makes it foot (NearOrSlip named it).
bool OffByMoreThanASlip(const Relation& r, const Figure& total) {
  constexpr double kSlip = 0.15;
  return !r.consistent && r.slip_part < 0 &&
         (r.sum_low > total.high + kSlip * total.value || r.sum_high < total.low - kSlip * total.value);
}

// A numeric age band's label ("30-50", "30 to 50"), compiled on first use; PrepareExpressions asks
// for it before an isolated batch forks, so that the children inherit it compiled.
const std::regex& AgeRange() {
  static const std::regex range(R"(^\s*\d{1,2}\s*(-|–|~|至|to)\s*\d{1,2}\s*$)");
  return range;
}

const std::regex& DividendYearRange() {
  static const std::regex range(
      "(19|20)([0-9][0-9])\\s*(年度|年)?\\s*(至|到|一|—|－|-|~|～|–)\\s*(19|20)([0-9][0-9])");
  return range;
}

const std::regex& RecentYears() {
  static const std::regex recent("(近|最近)\\s*(两|二|三|四|五|2|3|4|5)\\s*(个)?\\s*(年|会计年度)");
  return recent;
}

// An open lower or upper band of a closed set of bands: "Under 30", "30岁以下", "Above 50", "60岁以上".
bool LowerBand(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());  // compared without spaces ("lessthan")
  for (const char* w : {"under", "below", "lessthan", "upto", "<"}) {
    if (l.rfind(w, 0) == 0) return true;
  }
  return Has(l, "以下") || Has(l, "以内");
}

// A row label naming an age band: 30岁以下, 30-50岁, Under 30, 30-50, 50+.
bool AgeBandLabel(const std::string& label) {
  if (!HasDigit(label)) return false;
  if (Has(label, "岁") || LowerBand(label) || UpperBand(label)) return true;
  return std::regex_match(label, AgeRange());
}

bool UpperBand(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  for (const char* w : {"above", "over", "morethan", ">", "olderthan"}) {
    if (l.rfind(w, 0) == 0) return true;
  }
  return Has(l, "以上") || Has(l, "andabove") || Has(l, "andover") || Has(l, "+");
}

bool ShareClauseBase(std::u32string_view between, std::u32string* base) {
  static const std::u32string_view kLeads[] = {U"的比例为", U"的比重为", U"的比例", U"的比重", U"比例为", U"比重为",
                                               U"比例", U"比重", U"的", U"约", U"达", U"为", U"比"};
  if (between.size() < 2 || (between[0] != U'，' && between[0] != U',' && between[0] != U'（' && between[0] != U'(') ||
      between[1] != U'占') {
    return false;
  }
  // 占到 / 占了员工总数的…: the verb's particle is no word of the base.
  std::u32string_view words = between.substr(between.size() > 3 && (between[2] == U'到' || between[2] == U'了') ? 3 : 2);
  for (bool cut = true; cut;) {
    cut = false;
    for (std::u32string_view w : kLeads) {
      if (words.size() >= w.size() && words.substr(words.size() - w.size()) == w) {
        words.remove_suffix(w.size());
        cut = true;
        break;
      }
    }
  }
  if (!std::all_of(words.begin(), words.end(), [](char32_t ch) { return ch >= 0x4E00 && ch <= 0x9FFF; })) return false;
  base->assign(words);
  return true;
}

bool LabelNamesShareBase(const std::string& label, std::u32string_view base) {
  if (base.empty() || LabelStem(label).find(base) == std::u32string::npos) return false;
  const int dimension = Categorise(label).first;
  return dimension < 0 || Categorise(ToUtf8(std::u32string(base))) == Categorise(label);
}

}  // namespace esgaudit::numeric::relation_detail
