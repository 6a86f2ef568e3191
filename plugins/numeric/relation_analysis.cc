#include "relation_analysis.h"

#include "inline_tokens.h"
#include "value_facts.h"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/regex/pending/unicode_iterator.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

namespace esgaudit::numeric {
namespace {

using U8Iter = boost::u8_to_u32_iterator<std::string_view::const_iterator, char32_t>;

// How the analysis reads (SetReadPathForTesting): kFast unless a test asks for the general path.
ReadPath read_path = ReadPath::kFast;
bool Fast() { return read_path == ReadPath::kFast; }
std::u32string U32(std::string_view s) { return ToU32(s, read_path); }

// Category vocabularies: the labels a breakdown's parts carry. A closed dimension lists every
// category, so a breakdown naming all of them must add up to its total in both directions.
struct Dimension {
  const char* name;
  bool closed;
  std::vector<std::pair<const char*, const char*>> categories;  // printed -> category
  std::vector<const char*> heads;  // words a total of this dimension carries in its label
};

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
  };
  return dims;
}

// Further dimensions people are counted along, each by the words a label of one of its groups
// contains (no categories: none is read as a closed set). With Dimensions() they tell a 其中 list
// whose groups cut the total along different dimensions (女性员工, 党员员工): such groups overlap,
// so their sum says nothing of the total.
struct Facet {
  const char* name;
  std::vector<const char*> words;
};

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

// Words that name a count of people as the staff of the reporter (a headcount's label).
constexpr const char* kStaffNouns[] = {"员工", "职工", "人员"};
// A unit counting people (名 is normalised to 人 by the fact reader, but not everywhere printed so).
bool PeopleUnit(std::string_view unit) { return unit == "人" || unit == "名" || unit == "位"; }

// The size of a sentence record that carries its paragraph (ABI 1.1); a smaller record has none.
constexpr size_t kParagraphEnd = offsetof(esgaudit_sentence, paragraph) + sizeof(uint32_t);

constexpr const char* kCaptionWords[] = {"构成", "结构", "比例", "占比", "分布", "比重"};
constexpr const char* kCompositionWords[] = {"构成", "结构", "分布"};
constexpr const char* kTotalWords[] = {"合计", "总计", "共计", "累计", "总共", "总数", "共有", "共",
                                       "in total", "a total of", "total"};
// 共 starts these words without meaning "in total".
constexpr const char* kNotTotal[] = {"共同", "共享", "共建", "共产", "共赢", "共识", "共青", "共商",
                                     "共治", "共创", "共进", "共担", "共育", "共生", "共和"};
// Longest first: "其中包括" is one marker, not 其中 followed by a second list. 包含 is 包括's synonym
// ("检查企业27家（包含外租冷库15家）"); "不包含" stays no subset, as "不包括" does: the 不 before the word
// parts it from the total.
constexpr const char* kSubsetWords[] = {"其中包括", "其中包含", "其中", "包括", "包含", "of which", "including"};
// An amount of money (万元, 亿元, 元) and a count of things or people: two dimensions of one item.
bool MoneyUnit(std::string_view unit) {
  return unit.size() >= 3 && unit.substr(unit.size() - 3) == "元";
}
bool CountUnit(std::string_view unit) {
  for (const char* u : {"家", "个", "项", "笔", "只", "户", "次", "人", "名"}) {
    if (unit == u) return true;
  }
  return false;
}

// The period a rate's unit is per, printed right after its figure ("29710吨/日"), longest first. The
// fact reader keeps "吨"; units are still compared without it, as reports often print the period on
// the total alone ("主体矿井产能3240万吨，资源整合矿井1710万吨，合计产能规模达4950万吨/年").
constexpr const char* kPerPeriod[] = {"/小时", "/日", "/天", "/年", "/月", "/周", "/时"};

// A figure per unit of something (每股社会贡献值1.71元, 人均培训时长) is a ratio, never the total of
// the amounts that follow it.
constexpr const char* kPerUnitWords[] = {"每股", "每万元", "每百万", "每吨", "每千", "人均", "平均",
                                         "单位产值", "万元产值", "per share", "per capita", "average",
                                         "intensity", "强度"};

// Total words that name a sum of what is listed (累计 may add up past years instead).
constexpr const char* kSumWords[] = {"合计", "总计", "共计", "总共", "合共", "total"};

constexpr int kWindowLines = 12;   // how far a chart caption or a layout total reaches
constexpr double kLineWeight = 4;  // one line counts as this many display columns
constexpr double kMaxChartDistance = 90;
constexpr double kPlausible = 15;
constexpr size_t kInfographicCell = 12;  // code points of label text beside a figure in its cell  // a breakdown off by more than this many points is misread

std::string ToUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// U32(s).size() without the string: the same checked iterator, so broken UTF-8 throws as there.
size_t Cps(std::string_view s) {
  size_t n = 0;
  for (U8Iter it(s.begin(), s.begin(), s.end()), end(s.end(), s.begin(), s.end()); it != end; ++it) ++n;
  return n;
}

bool Has(std::string_view s, std::string_view w) { return s.find(w) != std::string_view::npos; }

// 家 counts institutions; 个, the general classifier, counts them too ("全资子公司8个"). A count in 个
// is one in 家 where the noun it counts is an institution: its label ends with one, or one follows
// its unit ("8个子公司"). Elsewhere 个 counts other things ("17家企业，其中8个项目"), and other
// classifiers are not compared (名 and 位 are already 人 in the fact reader).
constexpr const char* kInstitutionNouns[] = {"公司", "子公司", "分公司", "企业", "单位", "机构", "工厂",
                                             "医院", "学校", "银行", "分行", "支行", "门店", "酒店"};
bool CountsInstitutions(const Figure& g) {
  for (const char* n : kInstitutionNouns) {
    if (EndsWith(g.label, n) || g.after.rfind(n, 0) == 0) return true;
  }
  return false;
}
std::u32string LabelStem(const std::string& label);  // below

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
bool SameThingsCounted(const Figure& a, const Figure& b) {
  if (a.kind != ESGAUDIT_FACT_QUANTITY || b.kind != ESGAUDIT_FACT_QUANTITY) return false;
  if (a.unit == "个" && b.unit == "家") return CountsInstitutions(a);
  if (a.unit == "家" && b.unit == "个") return CountsInstitutions(b);
  // "200台垃圾车…其中有30辆", "221个项目（包括…106项）": two classifiers of the same things.
  if ((a.unit == "台" && b.unit == "辆") || (a.unit == "辆" && b.unit == "台")) {
    return CountsVehicles(a) && CountsVehicles(b);
  }
  if ((a.unit == "个" && b.unit == "项") || (a.unit == "项" && b.unit == "个")) {
    return CountsProjects(a) && CountsProjects(b);
  }
  return false;
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

// "向17个省市自治区，包括12个少数民族的…": a part in the total's general classifier that counts a noun
// sharing no character with the total's counted noun counts another thing (12 ethnic groups among
// 17 provinces), no part of it. Both nouns must be printed after their units; a part naming the
// total's noun or a kind of it (17个子公司，包括12个全资子公司; 13次会议，其中3次现场会议) stays a part.
bool CountsAnotherThing(const Figure& total, const Figure& part) {
  if (total.unit != part.unit) return false;
  const std::u32string whole = NounAfterGeneralUnit(total), piece = NounAfterGeneralUnit(part);
  if (whole.empty() || piece.empty()) return false;
  return std::none_of(piece.begin(), piece.end(), [&](char32_t c) { return whole.find(c) != std::u32string::npos; });
}

// "其中70万千瓦及以上级巨型机组58台", "百万千瓦级机组": a figure right before 级 (alone, or after 以上 or
// 及以上) names a class of the noun that follows, as 30岁以下 names an age band: it is no amount of
// anything, and the count after it is the part.
bool NamesAClass(const Figure& g) {
  for (const char* w : {"级", "以上级", "及以上级"}) {
    if (g.after.rfind(w, 0) == 0) return true;
  }
  return false;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

// (dimension index, category) for a label, by the longest printed category it contains.
std::pair<int, std::string> Categorise(const std::string& label) {
  std::string l = Lower(label);
  int best_dim = -1;
  std::string best_cat;
  size_t best_len = 0;
  bool ambiguous = false;
  const auto& dims = Dimensions();
  for (size_t d = 0; d < dims.size(); ++d) {
    for (const auto& [printed, cat] : dims[d].categories) {
      std::string_view p(printed);
      if (!Has(l, p)) continue;
      // Latin words must stand alone: "men" is not in "women" or "management" (any occurrence may).
      if (p[0] >= 'a' && p[0] <= 'z') {
        bool alone = false;
        for (size_t at = l.find(p); at != std::string::npos && !alone; at = l.find(p, at + 1)) {
          alone = (at == 0 || !std::isalpha(static_cast<unsigned char>(l[at - 1]))) &&
                  (at + p.size() >= l.size() || !std::isalpha(static_cast<unsigned char>(l[at + p.size()])));
        }
        if (!alone) continue;
      }
      if (p.size() > best_len) {
        ambiguous = best_dim >= 0 && (best_dim != static_cast<int>(d) || best_cat != cat) &&
                    !Has(p, best_cat);
        best_len = p.size();
        best_dim = static_cast<int>(d);
        best_cat = cat;
      } else if (p.size() <= best_len && best_dim >= 0 && best_cat != cat) {
        std::string_view cur(best_cat);
        if (!Has(l, cur) || !Has(std::string_view(printed), cur)) {
          // Two categories in one label ("男女比例") unless one contains the other.
          bool nested = false;
          for (const auto& [p2, c2] : dims[best_dim].categories) {
            if (c2 == best_cat && Has(p2, printed)) nested = true;
          }
          if (!nested) ambiguous = true;
        }
      }
    }
  }
  if (ambiguous) return {-1, ""};
  return {best_dim, best_cat};
}

// The dimensions a label names a group along: its Dimensions() index, and, for a count of `people`,
// Dimensions().size() plus the index of each Facets() entry whose word it contains (港澳台专利 is a
// kind of patent, no nationality).
std::set<size_t> DimensionsNamed(const std::string& label, bool people) {
  std::set<size_t> out;
  if (const int d = Categorise(label).first; d >= 0) out.insert(static_cast<size_t>(d));
  if (!people) return out;
  const auto& facets = Facets();
  for (size_t f = 0; f < facets.size(); ++f) {
    for (const char* w : facets[f].words) {
      if (Has(label, w)) out.insert(Dimensions().size() + f);
    }
  }
  return out;
}

bool HasHead(const std::string& label, int dim) {
  std::string l = Lower(label);
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
bool NamesRate(const std::string& label) {
  const std::string l = Lower(label);
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

// A chart legend printed with its values in one cell ("0.64% ■高级 18.46% ■中级 64.13% ■其他"): two
// or more percentages, a legend key for each, and no sentence punctuation.
bool IsLegendCell(std::string_view text) {
  size_t percents = 0, keys = 0;
  for (size_t at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) ++percents;
  for (std::string_view key : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x86"}) {
    for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) ++keys;
  }
  for (std::string_view stop : {"。", "，", "；", ",", ";"}) {
    if (text.find(stop) != std::string_view::npos) return false;
  }
  return percents >= 2 && keys >= percents;
}

std::string Format(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::max(0, std::min(decimals, 6)), v);
  return buf;
}

// The text of a line of the document, blanks trimmed at both ends.
std::string TrimmedLine(const sdk::Document& doc, uint32_t line) {
  const esgaudit_line l = doc.Line(line);
  return std::string(sdk::Trim(doc.Text().substr(l.offset, l.length)));
}

}  // namespace

namespace {
// Defined with the model's table reader, below.
bool CountedByContext(const std::string& header, const std::string& table_unit);

// A figure that may be a count its context names: a whole number printed bare (no unit, magnitude
// or qualifier), not negative.
bool CountCandidate(const Figure& f) {
  return f.kind == ESGAUDIT_FACT_QUANTITY && f.unit.empty() && f.decimals == 0 && f.magnitude == 1 &&
         f.qualifiers == 0 && f.value >= 0;
}

// The share of a base printed in brackets after a count as the rest of its cell: `(1.1%)`, ` （26.8%）`
// after 56 or 1,428. `text` is the cell's text from the count on, `offset` the count's text offset;
// `figure_at` maps text offsets to figures. The share's figure, or -1: a signed or qualified
// percentage (a change, an estimate), one above 100 or anything after the bracket is no share.
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
  if (sf.kind != ESGAUDIT_FACT_PERCENT || sf.qualifiers != 0 || sf.value > 100 || p >= text.size() ||
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
}  // namespace

void SetReadPathForTesting(ReadPath path) { read_path = path; }

const char* RelationAnalysis::KindName(RelationKind kind) {
  switch (kind) {
    case RelationKind::kPercentBreakdown:
      return "percent-breakdown";
    case RelationKind::kPartsTotal:
      return "parts-total";
    case RelationKind::kSubset:
      return "subset";
  }
  return "";
}

RelationAnalysis::RelationAnalysis(const sdk::Document& doc, const sdk::Context& ctx) {
  cells_ = &ctx.Shared<LayoutCells>(doc);
  LoadFigures(doc);
  TakeWrappedUnits(doc);
  TakeWrappedLabels(doc);
  for (Figure& f : figures_) {
    if (const LayoutCell* c = cells_->At(f.line, doc.TextToView(f.offset))) {
      size_t n = c->code_points, m = Cps(f.text);
      f.cell_extra = n > m ? n - m : 0;
    }
  }
  FindMarkupTotals(doc);
  FindModelTables(doc);
  FindBlocksOverOneTotal(doc);
  FindCaptionedBreakdowns(doc);
  FindInlineRelations(doc);
  FindPairedVerbSubsets(doc);
  FindGroupMemberSubsets(doc);
  FindMeasurePairSubsets(doc);
  FindRunningTotalSubsets(doc);
  FindCapitalAfterAConversion(doc);
  FindSlashSharePairs(doc);
  FindLegendPies(doc);
  FindCardTotals(doc);
  FindRowTotalColumns(doc);
  FindRaggedRowTotalColumns(doc);
  FindThreeFigureRowTotals(doc);
  FindPovertyReliefForms(doc);
  FindLayoutTotals();
  FindTotalsOfLabelTails(doc);
  FindWaterBalanceRows(doc);
  FindShareRowsOfCategoryTables(doc);
  FindShareRowRuns(doc);
  FindTotalsOfTrailingRuns(doc);
  FindTotalsInTheTableAbove(doc);
  FindTotalsInTheProseAbove(doc);
  FindCutOffTotalRows(doc);
  FindHeadcountsInTheTableAbove(doc);
  FindQuantityTotalLines(doc);
  FindRowsSummingTheRowsBelow(doc);
  FindFootnoteParts(doc);
  FindFigureRowCharts(doc);
  FindRatedUsePairs(doc);
  FindTwoChartCaptions(doc);
  FindSideBySideShareRows(doc);
  FindTabbedRowTotalColumns(doc);  // after the other readers: it takes only totals they leave
  FindRowsAmongProse(doc);  // last: it may append regrouped figures
  FlagRowsOffExactTables();
  AddGroupRows();
  std::stable_sort(relations_.begin(), relations_.end(), [this](const Relation& a, const Relation& b) {
    uint64_t oa = figures_[a.total >= 0 ? a.total : a.parts.front()].offset;
    uint64_t ob = figures_[b.total >= 0 ? b.total : b.parts.front()].offset;
    return oa < ob;
  });
}

namespace {

// Whether a fact is a bound of an age class (35岁以下, 30至50岁, 50岁及以上, 30歲或以下): part of a
// group's label, not a figure. `before` and `after` are the matching view's code points right
// before and after the fact on its line (`after` from the end of the fact's printed text, which
// holds 岁 and a 以下 / 以上 the fact reader read). A figure in years outside a class (平均年龄35岁)
// stays a figure.
bool AgeClassBound(const esgaudit_fact& f, std::u32string_view before, std::u32string_view after) {
  if (f.kind != ESGAUDIT_FACT_QUANTITY) return false;
  const std::string_view unit = sdk::View(f.unit);
  auto opens = [](std::u32string_view s, std::u32string_view w) { return s.substr(0, w.size()) == w; };
  auto range_mark = [](char32_t c) {
    return c == U'至' || c == U'到' || c == U'-' || c == U'~' || c == U'～' || c == 0x2013 || c == 0x2014;
  };
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  bool years = unit == "岁";
  if (unit.empty() && opens(after, U"歲")) {  // the Traditional form, not a unit of the fact reader
    years = true;
    after.remove_prefix(1);
  }
  if (years) {
    if (f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) return true;
    for (std::u32string_view w : {U"以下", U"以上", U"及以下", U"及以上", U"或以下", U"或以上", U"(含)", U"（含）"}) {
      if (opens(after, w)) return true;
    }
    if (after.size() >= 2 && range_mark(after[0]) && digit(after[1])) return true;  // 30岁至50岁
    return before.size() >= 2 && range_mark(before.back()) &&
           (digit(before[before.size() - 2]) || before[before.size() - 2] == U'岁' ||
            before[before.size() - 2] == U'歲');  // the 50岁 of 30至50岁
  }
  // The lower end of a range whose upper end carries the unit: the 30 of 30至50岁, 31-50歲.
  if (!unit.empty() || f.qualifiers != 0 || after.size() < 3 || !range_mark(after[0]) || !digit(after[1])) return false;
  size_t k = 1;
  while (k < after.size() && digit(after[k])) ++k;
  return k < after.size() && (after[k] == U'岁' || after[k] == U'歲');
}

}  // namespace

void RelationAnalysis::LoadFigures(const sdk::Document& doc) {
  std::string_view text = doc.Text();
  std::string_view view = doc.MatchView();
  // The start (in the view) of the first age-class bound since the last figure, on `age_line`: the
  // next figure of the line takes the class into its label (35岁以下员工430人 -> 35岁以下员工).
  uint64_t age_from = 0;
  uint32_t age_line = UINT32_MAX;
  for (uint32_t i = 0; i < doc.FactCount(); ++i) {
    const esgaudit_fact& f = doc.Fact(i);
    if (f.kind != ESGAUDIT_FACT_QUANTITY && f.kind != ESGAUDIT_FACT_PERCENT) continue;
    {
      const esgaudit_line line = doc.Line(f.line);
      const uint64_t line_from = std::min<uint64_t>(doc.TextToView(line.offset), view.size());
      const uint64_t line_to = std::min<uint64_t>(doc.TextToView(line.offset + line.length), view.size());
      const uint64_t at = std::clamp<uint64_t>(doc.TextToView(f.offset), line_from, line_to);
      const uint64_t end = std::clamp<uint64_t>(doc.TextToView(f.offset + f.length), at, line_to);
      // Windows of a few code points each way, cut at code point boundaries.
      uint64_t from = std::max<uint64_t>(line_from, at >= 12 ? at - 12 : 0);
      while (from < at && (static_cast<unsigned char>(view[from]) & 0xC0) == 0x80) ++from;
      uint64_t to = std::min<uint64_t>(line_to, end + 24);
      while (to > end && to < view.size() && (static_cast<unsigned char>(view[to]) & 0xC0) == 0x80) --to;
      std::u32string before, after;
      try {
        before = U32(view.substr(from, at - from));
        after = U32(view.substr(end, to - end));
      } catch (const std::exception&) {  // broken UTF-8 around the fact: no class read there
        before.clear();
        after.clear();
      }
      if (before.size() > 3) before.erase(0, before.size() - 3);
      if (AgeClassBound(f, before, after)) {
        if (age_line != f.line) {
          age_line = f.line;
          age_from = at;
        }
        continue;
      }
    }
    Figure g;
    g.index = i;
    g.offset = f.offset;
    g.length = f.length;
    g.line = f.line;
    g.column = f.column;
    g.kind = f.kind;
    g.qualifiers = f.qualifiers;
    g.value = f.value;
    g.decimals = f.decimals;
    g.magnitude = f.magnitude;
    g.unit = std::string(sdk::View(f.unit));
    // Spaces dropped (letter-spacing, "21 %"), but one kept before an English word ("300 women").
    std::string printed;
    std::string_view raw = text.substr(f.offset, f.length);
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] != ' ' && raw[k] != '\t') {
        printed.push_back(raw[k]);
        continue;
      }
      size_t n = k;
      while (n < raw.size() && (raw[n] == ' ' || raw[n] == '\t')) ++n;
      bool latin_next = n < raw.size() && std::isalpha(static_cast<unsigned char>(raw[n]));
      bool prev_ok = !printed.empty() && std::isalnum(static_cast<unsigned char>(printed.back()));
      if (latin_next && prev_ok) printed.push_back(' ');
      k = n - 1;
    }
    g.text = printed;
    {
      std::string_view view = doc.MatchView();
      const esgaudit_line line = doc.Line(f.line);
      uint64_t from = std::min<uint64_t>(doc.TextToView(f.offset + f.length), view.size());
      uint64_t to = std::min<uint64_t>(doc.TextToView(line.offset + line.length), view.size());
      std::string_view rest = view.substr(from, to > from ? std::min<uint64_t>(to - from, 64) : 0);
      size_t bytes = 0;
      for (int cps = 0; bytes < rest.size() && cps < 8; ++cps) {
        unsigned char c = static_cast<unsigned char>(rest[bytes]);
        bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      }
      g.after = std::string(rest.substr(0, std::min(bytes, rest.size())));
    }
    // The model's label from outside the number's text: an infographic figure's whole label (a
    // split label's pieces joined), in a table its column's header (a period in a time series,
    // which names no figure).
    std::string column(sdk::View(f.column_label));
    std::string label(sdk::View(f.label));
    const esgaudit_line_structure ls = doc.LineStructure(f.line);
    const bool in_table = ls.table != ESGAUDIT_NO_INDEX;
    if (in_table && ls.table < doc.TableCount() && doc.Table(ls.table).kind == ESGAUDIT_TABLE_TIME_SERIES) {
      column.clear();
    }
    // "300 women": the category is the English unit word, not the words before the number.
    std::string unit_text(sdk::View(f.unit_text));
    if (Categorise(unit_text).first >= 0 && Categorise(label).first < 0) label = column = unit_text;
    // A short in-line label is a fragment: a figure's label ("申请专" above "利89项" -> "申请专利")
    // replaces it, a table's header goes before it.
    if (Cps(label) <= 2 && !column.empty() && !in_table) {
      g.label = column;
    } else {
      g.label = Cps(label) <= 2 ? column + label : (label.empty() ? column : label);
    }
    if (age_line == f.line) {
      // The words from the class's first bound to the figure, when no punctuation parts them.
      const uint64_t at = std::min<uint64_t>(doc.TextToView(f.offset), view.size());
      std::string cls(view.substr(age_from, at > age_from ? at - age_from : 0));
      cls.erase(std::remove_if(cls.begin(), cls.end(), [](char c) { return c == ' '; }), cls.end());
      const bool parted = cls.find_first_of(",;:()\t") != std::string::npos || Has(cls, "，") || Has(cls, "。") ||
                          Has(cls, "；") || Has(cls, "、") || Has(cls, "：") || Has(cls, "（") || Has(cls, "）");
      if (!cls.empty() && !parted && Cps(cls) <= 16) g.label = cls;
      age_line = UINT32_MAX;
    }
    // Sums work on magnitudes; counts (人, 项, 家 ...) printed as whole numbers are exact.
    const Interval iv = PrintedInterval(f, /*exact_counts=*/true);
    g.low = f.value < 0 ? -iv.hi : iv.lo;
    g.high = f.value < 0 ? -iv.lo : iv.hi;
    // So is a whole number printed bare in a table whose column header or unit line says it counts
    // things (检查次数, 投诉数量（件）, 单位：人); a time series' columns are periods, its rows are judged
    // by FindModelTables.
    if (in_table && CountCandidate(g) && ls.table < doc.TableCount()) {
      const esgaudit_table& tb = doc.Table(ls.table);
      const std::string header(sdk::View(f.column_label));
      const std::string table_unit(sdk::View(tb.unit));
      if (tb.kind != ESGAUDIT_TABLE_TIME_SERIES && CountedByContext(header, table_unit)) {
        g.low = g.high = g.value;
        g.context_count = true;
      }
    }
    figures_.push_back(std::move(g));
  }
}

namespace {
// Where the words after a figure start, in the report's text: past its unit on the next line when
// TakeWrappedUnits gave it one ("公司员工总数1,200" / "人，其中…": the comma and 其中 follow the figure).
uint64_t WordsAfter(const Figure& f) { return f.wrapped_unit_end > 0 ? f.wrapped_unit_end : f.offset + f.length; }
}  // namespace

// "具有中级以上职称的员工\n48人": text from a PDF breaks a sentence at the column's width, and the words
// naming a figure may end the line above the one the figure opens. A figure with no label that opens
// its line, under a line of prose, gets as its wrapped_label the words ending the line above, back to
// that line's last punctuation mark or space, when they end with a Han character, hold no digit and
// are at most kWrappedLabelPoints code points (a line ending in punctuation ends its clause there).
void RelationAnalysis::TakeWrappedLabels(const sdk::Document& doc) {
  constexpr size_t kWrappedLabelPoints = 24;
  const std::u32string stops = U"，,、；;：:。！？!?（()）“”\"　 \t";
  std::string_view text = doc.Text();
  for (Figure& f : figures_) {
    if (!f.label.empty() || f.line == 0 || f.line >= doc.LineCount()) continue;
    // The line above is running text; the figure's may be too short for the model to call it so.
    const uint32_t role = doc.LineStructure(f.line).role;
    if (doc.LineStructure(f.line - 1).role != ESGAUDIT_ROLE_PROSE ||
        (role != ESGAUDIT_ROLE_PROSE && role != ESGAUDIT_ROLE_OTHER)) {
      continue;
    }
    const esgaudit_line line = doc.Line(f.line);
    if (f.offset < line.offset || !sdk::Trim(text.substr(line.offset, f.offset - line.offset)).empty()) continue;
    const esgaudit_line above = doc.Line(f.line - 1);
    const std::u32string words = U32(sdk::Trim(text.substr(above.offset, above.length)));
    size_t from = words.size();
    while (from > 0 && stops.find(words[from - 1]) == std::u32string::npos) --from;
    const std::u32string tail = words.substr(from);
    if (tail.empty() || tail.size() > kWrappedLabelPoints || tail.back() < 0x4E00 || tail.back() >= 0xA000) continue;
    auto digit = [](char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); };
    if (std::any_of(tail.begin(), tail.end(), digit)) continue;
    f.wrapped_label = ToUtf8(tail);
  }
}

// "长途车138\n对。": text from a PDF breaks a paragraph at the column's width, and a figure's unit may
// go to the next line. A figure of prose with no unit that ends its line takes the unit another figure
// of the report prints in full ("253对", "336,702万股"), when the next non-blank line opens with that
// unit followed by neither a Han character nor a digit (项目 is a word, not 项; "亿股A股", "股（H股）"
// are the unit). A figure that kept its magnitude on its own line ("34.95亿\n股") takes the rest
// of a unit printed with that magnitude. Units of dates (年, 月, 日) are left alone: a year parted
// from its 年 is no quantity.
void RelationAnalysis::TakeWrappedUnits(const sdk::Document& doc) {
  auto cjk = [](char32_t c) { return c >= 0x3400 && c < 0xA000; };
  std::map<std::u32string, size_t> printed;  // a unit as printed -> the first figure printing it
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& g = figures_[i];
    if (g.kind != ESGAUDIT_FACT_QUANTITY || g.unit.empty() || g.qualifiers != 0) continue;
    const std::u32string t = U32(g.text);
    size_t k = 0;
    while (k < t.size() && ((t[k] >= U'0' && t[k] <= U'9') || t[k] == U'.' || t[k] == U',')) ++k;
    const std::u32string unit = t.substr(k);
    if (k == 0 || unit.empty() || unit.size() > 4 || !std::all_of(unit.begin(), unit.end(), cjk)) continue;
    if (unit == U"年" || unit == U"月" || unit == U"日") continue;
    printed.emplace(unit, i);
  }
  if (printed.empty()) return;
  std::string_view text = doc.Text();
  for (Figure& f : figures_) {
    if (f.kind != ESGAUDIT_FACT_QUANTITY || !f.unit.empty() || f.qualifiers != 0) continue;
    if (doc.LineStructure(f.line).role != ESGAUDIT_ROLE_PROSE) continue;
    // The magnitude printed after the digits ("34.95亿"): a model's unit must open with it.
    const std::u32string own = U32(f.text);
    size_t digits = 0;
    while (digits < own.size() && ((own[digits] >= U'0' && own[digits] <= U'9') || own[digits] == U'.' || own[digits] == U',')) {
      ++digits;
    }
    const std::u32string own_magnitude = own.substr(digits);
    if (!own_magnitude.empty() && f.magnitude == 1) continue;
    if (f.after.find_first_not_of(" \t") != std::string::npos) continue;
    for (uint32_t n = f.line + 1; n <= f.line + 2 && n < doc.LineCount(); ++n) {
      const esgaudit_line line = doc.Line(n);
      const std::string_view whole = text.substr(line.offset, line.length);
      size_t bytes = 0;  // the first 16 code points
      for (int cps = 0; bytes < whole.size() && cps < 16; ++cps) {
        const unsigned char c = static_cast<unsigned char>(whole[bytes]);
        bytes += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      }
      std::u32string head = U32(whole.substr(0, std::min(bytes, whole.size())));
      const size_t blanks = head.find_first_not_of(U" \t\u3000");
      head.erase(0, blanks);
      if (head.empty() || head.find_first_not_of(U" \t\u3000") == std::u32string::npos) continue;
      const Figure* model = nullptr;
      size_t best = 0;
      for (const auto& [unit, i] : printed) {
        // The part of the model's unit the next line must open with: after the figure's own
        // magnitude, which the model must print with the same factor.
        if (unit.size() <= own_magnitude.size() || unit.compare(0, own_magnitude.size(), own_magnitude) != 0) continue;
        if (!own_magnitude.empty() && figures_[i].magnitude != f.magnitude) continue;
        const size_t rest = unit.size() - own_magnitude.size();
        if (rest <= best || head.compare(0, rest, unit, own_magnitude.size(), rest) != 0) continue;
        if (head.size() > rest) {
          const char32_t next = head[rest];
          if (cjk(next) || (next >= U'0' && next <= U'9')) continue;
        }
        model = &figures_[i];
        best = rest;
      }
      if (model != nullptr) {
        const double mag = model->magnitude > 0 ? model->magnitude : 1;
        f.unit = model->unit;
        if (own_magnitude.empty()) {
          f.magnitude = mag;
          f.value *= mag;
        }
        const bool exact = f.decimals == 0 && mag == 1 && IsCountUnit(f.unit);
        const Interval iv = exact ? Interval{f.value, f.value} : ExactInterval(f.value, f.decimals, mag);
        f.low = iv.lo;
        f.high = iv.hi;
        const std::u32string mt = U32(model->text);
        f.text += ToUtf8(mt.substr(mt.size() - best));
        // The unit's bytes on the next line: after its blanks, `best` code points.
        const std::u32string taken = U32(whole.substr(0, std::min(bytes, whole.size()))).substr(0, blanks + best);
        f.wrapped_unit_end = line.offset + ToUtf8(taken).size();
      }
      break;
    }
  }
}

Relation RelationAnalysis::Stated(RelationKind kind, int total, std::vector<int> parts) const {
  Relation r;
  r.kind = kind;
  r.evidence = Evidence::kStated;
  r.total = total;
  if (total >= 0) r.caption = figures_[total].label;
  r.parts = std::move(parts);
  SumParts(&r);
  const double tlo = total >= 0 ? figures_[total].low : 100, thi = total >= 0 ? figures_[total].high : 100;
  r.consistent = kind == RelationKind::kSubset ? r.sum_low <= thi : r.sum_low <= thi && tlo <= r.sum_high;
  return r;
}

void RelationAnalysis::SumParts(Relation* r) const {
  r->sum_low = 0;
  r->sum_high = 0;
  for (int p : r->parts) {
    r->sum_low += figures_[p].low;
    r->sum_high += figures_[p].high;
  }
}

bool RelationAnalysis::TableSum(int total, std::vector<int> parts, std::string caption, Relation* out) const {
  Relation& r = *out;
  r = Relation();
  r.kind = RelationKind::kPartsTotal;
  r.evidence = Evidence::kTable;
  r.certainty = Certainty::kCertain;
  r.total = total;
  r.caption = std::move(caption);
  r.parts = std::move(parts);
  SumParts(&r);
  const Figure& t = figures_[total];
  r.consistent = r.sum_low <= t.high && t.low <= r.sum_high;
  r.flag = !r.consistent && r.sum_low <= 2 * t.high && r.sum_high >= 0.5 * t.low;
  return r.consistent || r.flag;
}

std::set<int> RelationAnalysis::FiguresInRelations() const {
  std::set<int> related;
  for (const Relation& r : relations_) {
    if (r.total >= 0) related.insert(r.total);
    related.insert(r.parts.begin(), r.parts.end());
  }
  return related;
}

const std::map<uint32_t, std::vector<int>>& RelationAnalysis::FiguresByLine(bool by_offset) const {
  std::map<uint32_t, std::vector<int>>& on_line = figures_by_line_[by_offset];
  if (figures_by_line_count_[by_offset] == figures_.size()) return on_line;
  on_line.clear();
  for (size_t i = 0; i < figures_.size(); ++i) on_line[figures_[i].line].push_back(static_cast<int>(i));
  if (by_offset) {
    for (auto& [line, figs] : on_line) {
      std::sort(figs.begin(), figs.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
    }
  }
  figures_by_line_count_[by_offset] = figures_.size();
  return on_line;
}

bool RelationAnalysis::Summed(int total) const {
  return std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) { return o.total == total; });
}

void RelationAnalysis::Add(Relation r) {
  SumParts(&r);
  const double lo = r.sum_low, hi = r.sum_high;
  double tlo = 100;
  double thi = 100;
  if (r.total >= 0) {
    tlo = figures_[r.total].low;
    thi = figures_[r.total].high;
  }
  if (r.kind == RelationKind::kSubset) {
    r.consistent = figures_[r.parts[0]].low <= thi;
  } else {
    r.consistent = lo <= thi && tlo <= hi;
  }
  // One relation per set of figures.
  for (const Relation& o : relations_) {
    if (o.total == r.total && o.parts == r.parts) return;
  }
  relations_.push_back(std::move(r));
}

// Chart captions (员工性别构成) claim the short percentage labels around them; each percentage goes
// to the nearest caption, so side-by-side and stacked charts stay apart.
void RelationAnalysis::FindCaptionedBreakdowns(const sdk::Document& doc) {
  struct Caption {
    const LayoutCell* cell;
    std::vector<int> members;
  };
  std::vector<Caption> captions;
  std::vector<const LayoutCell*> one_category;  // captions naming one category: see the end
  for (uint32_t li = 0; li < cells_->line_count(); ++li) {
    for (const LayoutCell& c : cells_->line(li)) {
      if (HasDigit(c.text) || c.code_points > 14 || c.code_points < 3) continue;
      if (Has(c.text, "。") || Has(c.text, "，") || Has(c.text, ",") || Has(c.text, "；")) continue;
      bool caption = false;
      for (const char* w : kCaptionWords) caption = caption || Has(c.text, w);
      // A caption naming a rate (各层级培训覆盖率分布) or one category of its own (女性员工占比, the
      // share of women at each site of a row or chart) gives one ratio per category: nothing to sum.
      if (caption && (NamesRate(c.text) || Categorise(c.text).first >= 0)) {
        if (!NamesRate(c.text) && !Has(c.text, "各")) one_category.push_back(&c);
        caption = false;
      }
      if (caption) captions.push_back({&c, {}});
    }
  }
  // A caption word in a label repeated on several rows of one table of the model (消耗量占比 under
  // 煤炭, 原油 and 电力) names what each row measures; the table's columns are the wholes, so it
  // captions no chart.
  {
    auto table_of = [&](const Caption& c) { return doc.LineStructure(c.cell->line).table; };
    std::vector<Caption> kept;
    for (const Caption& c : captions) {
      const uint32_t t = table_of(c);
      const bool repeated = t != ESGAUDIT_NO_INDEX && std::any_of(captions.begin(), captions.end(), [&](const Caption& o) {
        return o.cell != c.cell && o.cell->line != c.cell->line && table_of(o) == t && o.cell->text == c.cell->text;
      });
      if (!repeated) kept.push_back(c);
    }
    captions.swap(kept);
  }
  auto cell_of = [this, &doc](const Figure& f) -> const LayoutCell* {
    return cells_->At(f.line, doc.TextToView(f.offset));
  };
  if (captions.empty()) {
    FindOneCategoryPies(doc, one_category, {});
    return;
  }
  std::set<int> in_table;
  for (const Relation& r : relations_) in_table.insert(r.parts.begin(), r.parts.end());
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind != ESGAUDIT_FACT_PERCENT || f.value <= 0 || f.value >= 100) continue;
    if (in_table.count(static_cast<int>(i))) continue;
    const LayoutCell* cell = cell_of(f);
    if (cell == nullptr || (cell->code_points > Cps(f.text) + 6 && !IsLegendCell(cell->text))) continue;
    // A share in a row whose label, opening its line, is no caption for naming a rate or one category
    // (女性员工占比  30%  40%  40%: the share of women at each site) belongs to no chart either. Only
    // when every other cell of the line holds a figure: 男性员工占比 60%  女性员工占比 40% is a chart's pair.
    {
      const auto& line = cells_->line(f.line);
      const std::string& head = line.front().text;
      const bool figures_only = std::all_of(line.begin() + 1, line.end(), [](const LayoutCell& c) { return HasDigit(c.text); });
      if (&line.front() != cell && figures_only && !HasDigit(head) &&
          (NamesRate(head) || Categorise(head).first >= 0)) {
        bool share_word = NamesRate(head);
        for (const char* w : kCaptionWords) share_word = share_word || Has(head, w);
        if (share_word) continue;
      }
    }
    double best = kMaxChartDistance;
    Caption* owner = nullptr;
    for (Caption& cap : captions) {
      long dl = static_cast<long>(cap.cell->line) - static_cast<long>(f.line);
      if (std::labs(dl) > kWindowLines) continue;
      if (doc.Line(cap.cell->line).page != doc.Line(f.line).page) continue;
      double cap_center = (cap.cell->col_begin + cap.cell->col_end) / 2.0;
      double fig_center = (cell->col_begin + cell->col_end) / 2.0;
      double d = kLineWeight * std::labs(dl) + std::fabs(cap_center - fig_center);
      if (d < best) {
        best = d;
        owner = &cap;
      }
    }
    if (owner != nullptr) owner->members.push_back(static_cast<int>(i));
  }
  for (Caption& cap : captions) {
    if (cap.members.size() < 2) continue;
    // Years among the members make a time series (a bar chart of shares), not a breakdown.
    uint32_t l0 = UINT32_MAX, l1 = 0, c0 = UINT32_MAX, c1 = 0;
    for (int m : cap.members) {
      l0 = std::min(l0, figures_[m].line);
      l1 = std::max(l1, figures_[m].line);
      c0 = std::min(c0, figures_[m].column);
      c1 = std::max(c1, figures_[m].column + 4);
    }
    int years = 0;
    for (uint32_t i = 0; i < doc.FactCount(); ++i) {
      const esgaudit_fact& y = doc.Fact(i);
      if (y.kind == ESGAUDIT_FACT_YEAR && y.line + 3 >= l0 && y.line <= l1 + 3 && y.column + 4 >= c0 &&
          y.column <= c1 + 4) {
        ++years;
      }
    }
    if (years >= 2) continue;
    // Members in rows that start with a year ("2016 年 … 80.08%", "2015 年 … 32.22%"): a column of a
    // year-by-year table, not a breakdown.
    std::set<uint32_t> year_rows;
    for (int m : cap.members) {
      for (uint32_t i = 0; i < doc.FactCount(); ++i) {
        const esgaudit_fact& y = doc.Fact(i);
        if (y.line == figures_[m].line && y.kind == ESGAUDIT_FACT_YEAR && y.offset < figures_[m].offset) {
          year_rows.insert(y.line);
        }
      }
    }
    if (year_rows.size() >= 2) continue;
    // Other percentages among the members (a table, or a series per line) make the grouping unsure.
    bool crowded = false;
    for (size_t i = 0; i < figures_.size(); ++i) {
      const Figure& o = figures_[i];
      if (o.kind != ESGAUDIT_FACT_PERCENT || o.line < l0 || o.line > l1) continue;
      if (o.column + 8 < c0 || o.column > c1 + 8) continue;
      if (std::find(cap.members.begin(), cap.members.end(), static_cast<int>(i)) == cap.members.end()) {
        crowded = true;
      }
    }
    if (crowded) continue;
    // A legend naming more categories than there are values (■ 30岁及以下 ■ 31-50岁 ■ 51岁及以上
    // over two percentages): some values were not printed or not extracted; no sum can be checked.
    size_t legend = 0;
    const uint32_t from = std::min(l0, cap.cell->line), to = std::max(l1, cap.cell->line);
    for (uint32_t li = from >= 3 ? from - 3 : 0; li <= to + 3 && li < doc.LineCount(); ++li) {
      esgaudit_line line = doc.Line(li);
      std::string_view t = doc.Text().substr(line.offset, line.length);
      for (std::string_view marker : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x86"}) {
        for (size_t at = t.find(marker); at != std::string_view::npos; at = t.find(marker, at + 1)) ++legend;
      }
    }
    if (legend > cap.members.size()) continue;
    Relation r;
    r.kind = RelationKind::kPercentBreakdown;
    r.evidence = Evidence::kStated;
    r.caption = cap.cell->text;
    r.caption_offset = doc.ViewToText(cap.cell->view_begin);
    r.caption_length = doc.ViewToText(cap.cell->view_end) - r.caption_offset;
    r.parts = cap.members;
    std::sort(r.parts.begin(), r.parts.end());
    double lo = 0, hi = 0, sum = 0;
    for (int p : r.parts) {
      lo += figures_[p].low;
      hi += figures_[p].high;
      sum += figures_[p].value;
    }
    bool ok = lo <= 100 && 100 <= hi;
    if (!ok && std::fabs(sum - 100) > kPlausible) continue;  // misread grouping: not a relation
    r.flag = !ok;
    // Shares that fall short of 100% are surely wrong only when they name every category of a
    // closed set (男/女); otherwise a category may simply not be printed (a warning).
    if (hi < 100 && !CategoriesOf(r.parts).complete) r.certainty = Certainty::kLikely;
    Add(std::move(r));
  }
  std::set<int> claimed;  // shares nearest to a chart caption, summed or not
  for (const Caption& cap : captions) claimed.insert(cap.members.begin(), cap.members.end());
  FindOneCategoryPies(doc, one_category, claimed);
}

// A pie of one category's share (女性员工占比 over `35%` and `65%`): the share and its complement,
// two percentages each alone in its cell (or beside a category word of the caption's dimension, 女性 /
// 男性, or 其他) on lines of figures only, other than the caption's, on its page and within kWindowLines of it, the
// caption the nearest of such captions to each, neither in a relation nor nearest to a chart
// caption (`taken`). A caption naming a rate,
// or 各 (the share at each site), is no such pie, nor are shares labelled by other words (site names).
// The grouping is read from the layout: taken when the pair lies within kPlausible points of 100 %,
// and a pair off is a warning.
void RelationAnalysis::FindOneCategoryPies(const sdk::Document& doc, const std::vector<const LayoutCell*>& captions,
                                           std::set<int> taken) {
  if (captions.empty()) return;
  for (const Relation& r : relations_) taken.insert(r.parts.begin(), r.parts.end());
  std::map<size_t, std::vector<int>> members;  // by caption, in the captions' order
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind != ESGAUDIT_FACT_PERCENT || f.value <= 0 || f.value >= 100 || taken.count(static_cast<int>(i))) continue;
    const LayoutCell* cell = cells_->At(f.line, doc.TextToView(f.offset));
    if (cell == nullptr) continue;
    // A line with a cell of words alone is a row with its label (女性董事占比  65%), no pie's.
    const auto& line = cells_->line(f.line);
    if (!std::all_of(line.begin(), line.end(), [](const LayoutCell& c) { return HasDigit(c.text); })) continue;
    double best = kMaxChartDistance;
    const LayoutCell* owner = nullptr;
    size_t owner_at = 0;
    for (size_t k = 0; k < captions.size(); ++k) {
      const LayoutCell* cap = captions[k];
      const long dl = static_cast<long>(cap->line) - static_cast<long>(f.line);
      if (dl == 0 || std::labs(dl) > kWindowLines || doc.Line(cap->line).page != doc.Line(f.line).page) continue;
      const double d = kLineWeight * std::labs(dl) +
                       std::fabs((cap->col_begin + cap->col_end) / 2.0 - (cell->col_begin + cell->col_end) / 2.0);
      if (d < best) {
        best = d;
        owner = cap;
        owner_at = k;
      }
    }
    if (owner == nullptr) continue;
    // What the share's cell holds besides it: nothing, a category of the caption's dimension, or 其他.
    std::string rest = cell->text;
    const size_t at = rest.find(f.text);
    if (at == std::string::npos) continue;
    rest.erase(at, f.text.size());
    const int dim = Categorise(owner->text).first;
    if (!rest.empty() && Categorise(rest).first != dim && rest != "其他" && rest != "其余") continue;
    members[owner_at].push_back(static_cast<int>(i));
  }
  for (const auto& [k, parts] : members) {
    if (parts.size() != 2) continue;
    const LayoutCell* cap = captions[k];
    Relation r;
    r.kind = RelationKind::kPercentBreakdown;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    r.caption = cap->text;
    r.caption_offset = doc.ViewToText(cap->view_begin);
    r.caption_length = doc.ViewToText(cap->view_end) - r.caption_offset;
    r.parts = parts;
    SumParts(&r);
    const bool ok = r.sum_low <= 100 && 100 <= r.sum_high;
    if (!ok && std::fabs(figures_[parts[0]].value + figures_[parts[1]].value - 100) > kPlausible) continue;
    r.flag = !ok;
    Add(std::move(r));
  }
}

namespace {
bool IsChangeLabel(const std::string& label);
}  // namespace

// Relations stated in running text: "招录学生155名，其中建档立卡67名", "共申请专利89项，其中发明专利
// 28项、实用新型61项", "男性占79%、女性占21%" after a 构成 caption. The text is the structure model's
// sentences, read paragraph by paragraph (a 其中 may open the sentence after its total's).
void RelationAnalysis::FindInlineRelations(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  std::string_view view = doc.MatchView();
  // (view offset, figure) by offset, one figure per offset (the last of those starting there), and
  // each figure's end: the tokenizer below walks them in step with the code points, instead of
  // looking each code point up.
  std::vector<std::pair<uint64_t, int>> figure_at;
  std::vector<uint64_t> figure_end(figures_.size());
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    figure_end[i] = doc.TextToView(WordsAfter(f));
    // A class name's digits are words of the text (its figure is no token).
    if (NamesAClass(f)) continue;
    // A minus sign or currency sign may precede the digits; key by the fact's first byte.
    figure_at.push_back({doc.TextToView(f.offset), static_cast<int>(i)});
  }
  std::stable_sort(figure_at.begin(), figure_at.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  {
    size_t kept = 0;
    for (size_t k = 0; k < figure_at.size(); ++k) {
      if (kept > 0 && figure_at[kept - 1].first == figure_at[k].first) --kept;
      figure_at[kept++] = figure_at[k];
    }
    figure_at.resize(kept);
  }
  InlineTokenizer::Words words;
  // The stream has no spaces: "of which" is matched as "ofwhich", at word boundaries.
  auto unspaced = [](const char* w) {
    std::u32string u = U32(w);
    u.erase(std::remove(u.begin(), u.end(), U' '), u.end());
    return u;
  };
  for (const char* w : kSubsetWords) words.subset.push_back(unspaced(w));
  for (const char* w : kTotalWords) words.total.push_back(unspaced(w));
  for (const char* w : kNotTotal) words.not_total.push_back(U32(w));
  for (const char* w : kPerPeriod) words.per_period.push_back(U32(w));
  for (const char* w : kCompositionWords) words.composition.push_back(U32(w));
  std::sort(words.total.begin(), words.total.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  words.clause_names_rate = [](const std::u32string& clause) { return NamesRate(ToUtf8(clause)); };
  const InlineTokenizer tokenizer(std::move(words), figure_at, figure_end);

  // The code points of one paragraph, spaces dropped, with their view offsets; its tokens, and the
  // character of each text token.
  std::vector<Cp> cps;
  std::vector<Token> tokens;
  std::vector<char32_t> text_char;

  // "投入资金126万元开展两个扶贫项目。一是…帮扶资金60万元…。二是…资金66万元。": a total followed in
  // its sentence by a count of items (两个, 三项), then exactly that many items 一是, 二是 … each
  // giving the first figure of the total's unit it holds. The pairing of an item with its figure
  // is inferred: a mismatch is a warning.
  auto FindItemLists = [&](const std::vector<Token>& toks) {
    static const std::u32string kNumerals = U"一二三四五六七八九十";
    auto numeral = [&](size_t k) -> int {
      if (k >= text_char.size()) return 0;
      if (text_char[k] == U'两') return 2;
      size_t at = kNumerals.find(text_char[k]);
      return at == std::u32string::npos ? 0 : static_cast<int>(at) + 1;
    };
    // An item opens a sentence or clause: "。一是", "，二是".
    auto item_at = [&](size_t k) -> int {
      int n = numeral(k);
      if (n == 0 || text_char[k] == U'两' || k + 1 >= toks.size() || text_char[k + 1] != U'是') return 0;
      if (k > 0 && toks[k - 1].type != Tok::kEnd && toks[k - 1].type != Tok::kComma) return 0;
      return n;
    };
    for (size_t t = 0; t < toks.size(); ++t) {
      if (toks[t].type != Tok::kFact) continue;
      const Figure& total = figures_[toks[t].figure];
      if (total.kind != ESGAUDIT_FACT_QUANTITY || total.unit.empty()) continue;
      // The count of items, within a few words after the total in its sentence.
      int count = 0;
      size_t k = t + 1;
      for (; k < toks.size() && k <= t + 12 && toks[k].type == Tok::kText; ++k) {
        const char32_t next = k + 1 < text_char.size() ? text_char[k + 1] : 0;
        if (numeral(k) >= 2 && (next == U'个' || next == U'项' || next == U'类' || next == U'大')) {
          count = numeral(k);
          break;
        }
      }
      if (count < 2) continue;
      // The items, in order, each up to the next; the last one up to its sentence's end.
      std::vector<size_t> starts;
      for (size_t j = k + 2; j < toks.size(); ++j) {
        int n = item_at(j);
        if (n == 0) continue;
        if (n != static_cast<int>(starts.size()) + 1) break;
        starts.push_back(j);
        if (static_cast<int>(starts.size()) == count) break;
      }
      if (static_cast<int>(starts.size()) != count) continue;
      size_t end = starts.back();
      while (end < toks.size() && toks[end].type != Tok::kEnd) ++end;
      // No further item after the last one.
      if (end + 2 < toks.size() && item_at(end + 1) == count + 1) continue;
      std::vector<int> parts;
      for (size_t n = 0; n < starts.size(); ++n) {
        const size_t to = n + 1 < starts.size() ? starts[n + 1] : end;
        for (size_t j = starts[n]; j < to; ++j) {
          if (toks[j].type != Tok::kFact) continue;
          const Figure& f = figures_[toks[j].figure];
          if (f.kind != total.kind || f.unit != total.unit || IsChangeLabel(f.label)) continue;
          parts.push_back(toks[j].figure);
          break;
        }
        if (parts.size() != n + 1) break;
      }
      if (static_cast<int>(parts.size()) != count) continue;
      Relation r = Stated(RelationKind::kPartsTotal, toks[t].figure, parts);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && r.sum_low <= 2 * total.high && r.sum_high >= 0.5 * total.low;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  // "已完成第一批3所…；已启动第二批…共6所…；已启动第三批…共5所。合计…共14所": items numbered in
  // order (第一批, 第二批 … or 第一期 …, from the first, in clauses of their own) each give one figure
  // of a unit, and the sentence right after the last item's opens with a sum word (合计, 总计, 共计)
  // and gives a figure of that unit before its first comma: the total of the items. An item's figure is
  // its only figure of the unit, or else the one right after 共 (a batch of several places). The
  // sum may also count items not numbered here, so only parts above it are flagged, as a warning.
  auto FindNumberedItemSums = [&](const std::vector<Token>& toks) {
    static const std::u32string kNumerals = U"一二三四五六七八九";
    static const std::u32string kCounters = U"批期轮";
    auto ordinal = [&](size_t k, char32_t counter) -> int {  // n for 第n<counter> opening at k
      if (k + 2 >= text_char.size() || text_char[k] != U'第' || text_char[k + 2] != counter) return 0;
      const size_t at = kNumerals.find(text_char[k + 1]);
      return at == std::u32string::npos ? 0 : static_cast<int>(at) + 1;
    };
    for (size_t t = 0; t + 2 < text_char.size(); ++t) {
      if (text_char[t] != U'第') continue;  // what `ordinal` tests first, before a search per token
      const char32_t counter = text_char[t + 2];
      if (kCounters.find(counter) == std::u32string::npos || ordinal(t, counter) != 1) continue;
      // The items in order; an item is over at the next one, and the last one at its sentence's end.
      // Items may stand in sentences of their own, but a sentence without one ends the list.
      std::vector<size_t> starts{t};
      size_t end = t;
      bool ended = false;  // a sentence ended since the last item began
      for (size_t j = t + 3; j < toks.size(); ++j) {
        if (toks[j].type == Tok::kEnd && !toks[j].semicolon) {
          if (ended) break;
          if (j + 1 < toks.size() && toks[j + 1].type == Tok::kTotal && toks[j + 1].sum) {
            end = j;
            break;
          }
          ended = true;
          continue;
        }
        const int n = ordinal(j, counter);
        if (n == 0) continue;
        if (n != static_cast<int>(starts.size()) + 1) break;
        ended = false;
        // A clause of its own: a comma or a semicolon since the item before.
        bool apart = false;
        for (size_t k = starts.back(); k < j && !apart; ++k) {
          apart = toks[k].type == Tok::kComma || toks[k].type == Tok::kEnd;
        }
        if (!apart) break;
        starts.push_back(j);
      }
      if (end == t || starts.size() < 2) continue;
      // The total: the sum sentence's first figure, before its first comma.
      int total = -1;
      for (size_t j = end + 2; j < toks.size() && toks[j].type != Tok::kComma && toks[j].type != Tok::kEnd; ++j) {
        if (toks[j].type == Tok::kFact) {
          total = toks[j].figure;
          break;
        }
      }
      if (total < 0 || Summed(total)) continue;
      const Figure& tf = figures_[total];
      if (tf.kind != ESGAUDIT_FACT_QUANTITY || tf.unit.empty()) continue;
      std::vector<int> parts;
      for (size_t n = 0; n < starts.size(); ++n) {
        const size_t to = n + 1 < starts.size() ? starts[n + 1] : end;
        std::vector<int> of_unit, after_total;
        for (size_t j = starts[n]; j < to; ++j) {
          if (toks[j].type != Tok::kFact) continue;
          const Figure& f = figures_[toks[j].figure];
          if (f.kind != tf.kind || f.unit != tf.unit || IsChangeLabel(f.label)) continue;
          of_unit.push_back(toks[j].figure);
          if (j > 0 && toks[j - 1].type == Tok::kTotal) after_total.push_back(toks[j].figure);
        }
        if (of_unit.size() == 1) {
          parts.push_back(of_unit[0]);
        } else if (after_total.size() == 1) {
          parts.push_back(after_total[0]);
        } else {
          break;
        }
      }
      if (parts.size() != starts.size()) continue;
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && r.sum_low > tf.high && r.sum_low <= 2 * tf.high;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  // "inspectors made 120 visits (including audits and reviews) to our plants, including 50 fire safety
  // inspections, 30 health inspections, and 40 environmental inspections": an
  // English list after "including" of counts without a unit, each its clause's first figure, the last
  // one after "and", each clause ending with the same counted noun (two parts or more), and the nearest
  // earlier count of the sentence (bracketed remarks passed over, no other figure between) the total.
  // Such a list may leave items out, so only parts above the total are flagged, as a warning.
  auto FindEnglishCountLists = [&](const std::vector<Token>& toks) {
    constexpr size_t kMaxBack = 100;  // tokens (code points) between the total and "including"
    constexpr size_t kMaxNoun = 120;  // bytes of a clause after its count
    const std::string_view text = doc.Text();
    auto count = [&](int f) {
      const Figure& g = figures_[f];
      return g.kind == ESGAUDIT_FACT_QUANTITY && g.unit.empty() && g.decimals == 0 && g.value > 0;
    };
    // The last word of the clause after a count, lower-cased; empty when the clause runs long.
    auto noun_after = [&](int f) -> std::string {
      const Figure& g = figures_[f];
      const size_t from = g.offset + g.length;
      size_t e = from;
      while (e < text.size() && e - from <= kMaxNoun && std::string_view(",.;:()").find(text[e]) == std::string_view::npos) ++e;
      if (e >= text.size() || e - from > kMaxNoun) return std::string();
      size_t b = e;
      while (b > from && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
      if (e - b < 3 || (b > from && !std::isspace(static_cast<unsigned char>(text[b - 1])))) return std::string();
      return Lower(std::string(text.substr(b, e - b)));
    };
    for (size_t t = 0; t < toks.size(); ++t) {
      if (toks[t].type != Tok::kSubset || !toks[t].including) continue;
      // The parts: clauses set apart by commas, each opening with its count, the last one after "and"
      // and running to the sentence's end.
      std::vector<int> parts;
      size_t last = 0;  // the last part's token
      bool ok = true;
      for (size_t j = t + 1; ok && j < toks.size() && toks[j].type != Tok::kEnd; ++j) {
        const Tok type = toks[j].type;
        if (type == Tok::kFact) {
          const bool after_and = toks[j - 1].type == Tok::kEnum && j >= t + 3 &&
                                 (toks[j - 2].type == Tok::kComma || toks[j - 2].type == Tok::kText);
          const bool after_comma = j == t + 1 || toks[j - 1].type == Tok::kComma;
          ok = (last == 0 || toks[last - 1].type != Tok::kEnum) && (after_comma || after_and) && count(toks[j].figure);
          if (ok) {
            parts.push_back(toks[j].figure);
            last = j;
          }
        } else if (type == Tok::kOpen || type == Tok::kClose || type == Tok::kSubset || type == Tok::kTotal ||
                   type == Tok::kCompose) {
          ok = false;
        }
      }
      if (!ok || parts.size() < 2 || toks[last - 1].type != Tok::kEnum) continue;
      const std::string noun = noun_after(parts[0]);
      if (noun.empty() || !std::all_of(parts.begin(), parts.end(), [&](int p) { return noun_after(p) == noun; })) {
        continue;
      }
      // The total: back from "including", over words, commas and bracketed remarks, to the first figure.
      int total = -1, depth = 0;
      for (size_t k = t; k-- > 0 && t - k <= kMaxBack;) {
        const Tok type = toks[k].type;
        if (type == Tok::kClose) {
          ++depth;
        } else if (type == Tok::kOpen) {
          if (--depth < 0) break;
        } else if (depth > 0) {
          continue;
        } else if (type == Tok::kFact) {
          total = toks[k].figure;
          break;
        } else if (type == Tok::kEnd || type == Tok::kSubset || type == Tok::kTotal) {
          break;
        }
      }
      if (total < 0 || !count(total) || Summed(total)) continue;
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      r.certainty = Certainty::kLikely;
      const Figure& tf = figures_[total];
      r.flag = !r.consistent && r.sum_low > tf.high && r.sum_low <= 2 * tf.high;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  // "we have engaged 74,077 farmers, including 25,176 under 30": an English count without a unit, its
  // noun, a comma and "including", then one count without a unit (the same magnitude, no decimals
  // against a whole total) right after it: a subset. The total is the only figure of its clause
  // (`12 events in 5 countries, including 3 …` names two wholes); nothing but words stands between it
  // and the comma; the part is not followed by "of" (`8 of the 15`) and no other count opens a clause
  // after it in the sentence (a list, FindEnglishCountLists'; `under 30` is a qualifier). Read from the
  // wording, so a part above its total is a warning, and only while it stays within ten times the total
  // (further off, the two count different things).
  auto english_count_subsets = [&](const std::vector<Token>& toks) {
    const std::string_view text = doc.Text();
    auto count = [&](int f) {
      const Figure& g = figures_[f];
      return g.kind == ESGAUDIT_FACT_QUANTITY && g.unit.empty() && g.value > 0 && g.qualifiers == 0;
    };
    for (size_t t = 2; t + 1 < toks.size(); ++t) {
      if (toks[t].type != Tok::kSubset || !toks[t].including || toks[t - 1].type != Tok::kComma ||
          toks[t + 1].type != Tok::kFact) {
        continue;
      }
      // Back over the total's noun (words only) to the total, then over its clause to its opening.
      size_t k = t - 1;
      while (k > 0 && toks[k - 1].type == Tok::kText) --k;
      if (k == 0 || k == t - 1 || toks[k - 1].type != Tok::kFact) continue;
      const size_t at = k - 1;
      bool alone = true;
      for (size_t b = at; b-- > 0;) {
        const Tok type = toks[b].type;
        if (type == Tok::kComma || type == Tok::kEnd || type == Tok::kOpen || type == Tok::kClose) break;
        if (type != Tok::kText) alone = false;
      }
      const int total = toks[at].figure, part = toks[t + 1].figure;
      if (!alone || !count(total) || !count(part)) continue;
      const Figure& tf = figures_[total];
      const Figure& pf = figures_[part];
      if (pf.magnitude != tf.magnitude || (pf.decimals > 0 && tf.decimals == 0)) continue;
      // Not "8 of the 15": the part's own words start with a noun or a qualifier, not with "of".
      const size_t after = pf.offset + pf.length;
      std::string_view rest = text.substr(std::min(after, text.size()), 8);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (rest.substr(0, 3) == "of " || rest.substr(0, 3) == "Of ") continue;
      bool list = false;  // another count opening a clause after a comma or "and"
      for (size_t j = t + 2; j < toks.size() && toks[j].type != Tok::kEnd; ++j) {
        list = list || (toks[j].type == Tok::kFact && count(toks[j].figure) &&
                        (toks[j - 1].type == Tok::kComma || toks[j - 1].type == Tok::kEnum));
      }
      if (list) continue;
      Relation r = Stated(RelationKind::kSubset, total, {part});
      r.cue = SubsetCue::kIncluding;
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && pf.low <= 10 * tf.high;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  auto analyse = [&] {
    tokenizer.Tokenize(cps, &tokens, &text_char, read_path);
    token_chars_ = &text_char;
    AnalyseTokens(tokens, doc.Text());
    token_chars_ = nullptr;
    FindItemLists(tokens);
    FindNumberedItemSums(tokens);
    FindEnglishCountLists(tokens);
    english_count_subsets(tokens);
    cps.clear();
    text_char.clear();
  };

  // Every relation read here has at least two figures (a total and a part, or two shares), so a
  // paragraph whose spans hold fewer than two figure starts is not decoded nor tokenized: most
  // paragraphs are prose. `starts` counts the figure starts of each span (a figure in two spans
  // counts twice, as the tokenizer would meet it twice): never fewer than the facts it would read.
  std::vector<esgaudit_text_span> spans;  // the paragraph's spans, in order
  size_t starts = 0;
  auto figure_starts = [&](uint64_t vb, uint64_t ve) {
    auto at = [&](uint64_t v) {
      return std::lower_bound(figure_at.begin(), figure_at.end(), v,
                              [](const auto& a, uint64_t x) { return a.first < x; });
    };
    return static_cast<size_t>(at(ve) - at(vb));
  };
  auto paragraph_end = [&] {
    if (starts >= 2) {
      size_t bytes = 0;  // at least the code points: one reservation, not a copy per growth
      for (const esgaudit_text_span& span : spans) bytes += span.view_end - span.view_begin;
      cps.reserve(bytes);
      for (const esgaudit_text_span& span : spans) {
        AppendCodePoints(view.substr(span.view_begin, span.view_end - span.view_begin), span.view_begin, &cps,
                         read_path);
      }
      if (!cps.empty()) analyse();
    }
    spans.clear();
    starts = 0;
  };
  uint32_t paragraph = ESGAUDIT_NO_INDEX;
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    // A host without paragraphs: each sentence alone.
    const uint32_t p = st.struct_size >= kParagraphEnd ? st.paragraph : si;
    if (p != paragraph) paragraph_end();
    paragraph = p;
    for (uint32_t k = 0; k < st.span_count; ++k) {
      const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
      if (span.view_end <= span.view_begin) continue;  // an empty span: no code point
      spans.push_back(span);
      starts += figure_starts(span.view_begin, span.view_end);
    }
  }
  paragraph_end();
}

// Whether a stated relation that does not add up is certain enough to report: parts adding up to
// more than their total when they are listed as peers (、) or are categories of one dimension;
// less than it only when they name every category of a closed dimension (男/女).
bool RelationAnalysis::ShortOfAnOpenSet(const Relation& r, bool closed) const {
  if (closed || r.consistent || r.total < 0) return false;
  return r.sum_high < figures_[r.total].low;
}

bool RelationAnalysis::AlongDifferentDimensions(const std::vector<int>& parts) const {
  std::vector<std::set<size_t>> named;
  for (int p : parts) {
    const std::string& unit = figures_[p].unit;
    std::set<size_t> d = DimensionsNamed(figures_[p].label, PeopleUnit(unit));
    if (!d.empty()) named.push_back(std::move(d));
  }
  for (size_t i = 0; i < named.size(); ++i) {
    for (size_t j = i + 1; j < named.size(); ++j) {
      if (std::none_of(named[i].begin(), named[i].end(), [&](size_t d) { return named[j].count(d) > 0; })) {
        return true;
      }
    }
  }
  return false;
}

bool RelationAnalysis::GroupsOfAHeadcount(int total, const std::vector<int>& parts) const {
  if (total < 0 || parts.size() < 2 || !PeopleUnit(figures_[total].unit)) return false;
  const std::string& label = figures_[total].label;
  if (std::none_of(std::begin(kStaffNouns), std::end(kStaffNouns), [&](const char* w) { return Has(label, w); })) {
    return false;
  }
  std::set<int> dims;
  for (int p : parts) {
    const Figure& g = figures_[p];
    const int d = Categorise(g.label.empty() ? g.wrapped_label : g.label).first;
    if (g.unit != figures_[total].unit || d < 0) return false;
    dims.insert(d);
  }
  return dims.size() >= 2;
}

RelationAnalysis::Categories RelationAnalysis::CategoriesOf(const std::vector<int>& parts) const {
  std::set<std::string> cats;
  int dim = -2;
  for (int p : parts) {
    auto [d, cat] = Categorise(figures_[p].label);
    if (d < 0 || (dim != -2 && d != dim)) {
      dim = -1;
      break;
    }
    dim = d;
    cats.insert(cat);
  }
  Categories out;
  out.same_dimension = dim >= 0 && cats.size() == parts.size();
  if (out.same_dimension && Dimensions()[dim].closed) {
    std::set<std::string> all;
    for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
    out.complete = all == cats;
  }
  return out;
}

// Two shares on one line, each followed at once by one of the two words of a two-way set (men / women,
// male / female) and joined by a slash: the report states a split of one whole. Rates per sex print
// the same way ("78.9% men / 71.6% women received a bonus"), so only a pair within 10 points of
// 100 % is taken; it is then checked like any closed set.
void RelationAnalysis::FindSlashSharePairs(const sdk::Document& doc) {
  const std::string_view text = doc.Text();
  // 1 for men / male, 2 for women / female, right after the figure (spaces allowed); `end` after it.
  auto sex_after = [&](const Figure& f, size_t* end) {
    size_t at = f.offset + f.length;
    while (at < text.size() && text[at] == ' ') ++at;
    for (const auto& [word, sex] : {std::pair<const char*, int>{"women", 2}, {"female", 2}, {"men", 1}, {"male", 1}}) {
      const size_t n = std::strlen(word);
      if (at + n > text.size() || Lower(std::string(text.substr(at, n))) != word) continue;
      if (at + n < text.size() && std::isalpha(static_cast<unsigned char>(text[at + n]))) continue;
      *end = at + n;
      return sex;
    }
    return 0;
  };
  for (size_t i = 0; i + 1 < figures_.size(); ++i) {
    const Figure& a = figures_[i];
    const Figure& b = figures_[i + 1];
    if (a.kind != ESGAUDIT_FACT_PERCENT || b.kind != ESGAUDIT_FACT_PERCENT || a.line != b.line ||
        b.offset < a.offset + a.length) {
      continue;
    }
    size_t end_a = 0, end_b = 0;
    const int sa = sex_after(a, &end_a);
    if (sa == 0 || end_a > b.offset) continue;
    std::string mid(text.substr(end_a, b.offset - end_a));
    mid.erase(std::remove(mid.begin(), mid.end(), ' '), mid.end());
    const int sb = sex_after(b, &end_b);
    if (mid != "/" || sb == 0 || sb == sa || std::fabs(a.value + b.value - 100) > 10) continue;
    // The sentence before the pair naming a rate ("Turnover rate: 55% male / 45% female"): a rate of
    // each sex, which may add up to about 100 by chance.
    if (RateBefore(text, a.offset)) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, {static_cast<int>(i), static_cast<int>(i + 1)});
    r.certainty = Certainty::kCertain;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// A pie printed apart from its legend (infographic pages set the slices' shares around the pie and
// the categories in a legend of keyed entries, ■ Public ■ Employees, beside or under it): a block of
// cells holding nothing but shares (lines at most kPieGap apart, on one page, within kPieWidth
// display columns, at least three shares, none a member of a relation found before), and the
// legend nearest to the block (legend cells with no digit, lines at most kLegendGap apart; at most
// kWindowLines lines away, kLineWeight columns a line plus the columns between them) when it has
// exactly as many entries as the block has shares. Blocks and legends are cut generously: two
// run together only fail to match, while a piece of either could match a piece of the other. The reader
// matches entries to slices by count, so the block is one whole; a block whose nearest legend has
// another count (a chart with more categories than printed values, or shares of two charts run
// together) is never summed. The grouping is read from the layout: a mismatch is a warning.
void RelationAnalysis::FindLegendPies(const sdk::Document& doc) {
  if (cells_->line_count() == 0) return;
  constexpr uint32_t kPieGap = 6;     // lines from one share of a pie to the next
  constexpr uint32_t kPieWidth = 48;  // display columns a pie's shares spread over
  constexpr uint32_t kPieLines = 20;  // lines a pie's shares spread over
  constexpr uint32_t kLegendGap = 8;  // lines from one legend line to the next
  constexpr uint32_t kLegendWidth = 56;  // display columns a legend spreads over
  auto keys_in = [](std::string_view text) {
    size_t keys = 0;
    for (std::string_view key : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x86"}) {
      for (size_t at = text.find(key); at != std::string_view::npos; at = text.find(key, at + 1)) ++keys;
    }
    return keys;
  };
  auto starts_with_key = [](std::string_view text) {
    for (std::string_view key : {"\xE2\x96\xA0", "\xE2\x96\xA1", "\xE2\x97\x8F", "\xE2\x97\x86"}) {
      if (text.substr(0, key.size()) == key) return true;
    }
    return false;
  };
  auto usable_line = [&doc](uint32_t li) {
    const esgaudit_line_structure ls = doc.LineStructure(li);
    return (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX |
                        ESGAUDIT_LINE_TABLE)) == 0;
  };
  struct Span {
    uint32_t first_line = 0, last_line = 0, col0 = 0, col1 = 0, page = 0;
    size_t count = 0;        // shares of a block, entries of a legend
    std::vector<int> parts;  // a block's shares, in text order
  };
  // Display columns between two column ranges (0 when they overlap).
  auto apart = [](uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) -> uint32_t {
    return a1 <= b0 ? b0 - a1 : b1 <= a0 ? a0 - b1 : 0;
  };
  std::set<int> taken;
  for (const Relation& r : relations_) {
    taken.insert(r.parts.begin(), r.parts.end());
    if (r.total >= 0) taken.insert(r.total);
  }
  // Blocks of share cells, each cell with its figures (figures are in text order, so those of one
  // cell are consecutive).
  std::vector<Span> blocks, open;
  for (size_t i = 0; i < figures_.size();) {
    const Figure& f = figures_[i];
    const LayoutCell* cell = cells_->At(f.line, doc.TextToView(f.offset));
    size_t j = i;
    bool shares = cell != nullptr;
    size_t printed = 0;
    while (j < figures_.size() && figures_[j].line == f.line &&
           cells_->At(figures_[j].line, doc.TextToView(figures_[j].offset)) == cell) {
      const Figure& g = figures_[j];
      shares = shares && g.kind == ESGAUDIT_FACT_PERCENT && g.value > 0 && g.value < 100 &&
               taken.count(static_cast<int>(j)) == 0;
      std::string t = g.text;
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      printed += Cps(t);
      ++j;
    }
    if (j == i) j = i + 1;
    if (!shares || printed != cell->code_points || !usable_line(f.line)) {
      i = j;
      continue;
    }
    const uint32_t page = doc.Line(f.line).page;
    // Blocks that can take no more shares are set aside, so each share looks at a few open ones.
    for (size_t k = 0; k < open.size();) {
      if (open[k].last_line + kPieGap < f.line) {
        blocks.push_back(std::move(open[k]));
        open.erase(open.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    Span* join = nullptr;
    for (Span& b : open) {
      if (b.page != page || f.line > b.last_line + kPieGap || f.line >= b.first_line + kPieLines) continue;
      if (std::max(b.col1, cell->col_end) - std::min(b.col0, cell->col_begin) > kPieWidth) continue;
      if (join == nullptr || apart(b.col0, b.col1, cell->col_begin, cell->col_end) <
                                 apart(join->col0, join->col1, cell->col_begin, cell->col_end)) {
        join = &b;
      }
    }
    if (join == nullptr) {
      open.push_back({f.line, f.line, cell->col_begin, cell->col_end, page, 0, {}});
      join = &open.back();
    }
    join->last_line = f.line;
    join->col0 = std::min(join->col0, cell->col_begin);
    join->col1 = std::max(join->col1, cell->col_end);
    for (size_t k = i; k < j; ++k) join->parts.push_back(static_cast<int>(k));
    join->count = join->parts.size();
    i = j;
  }
  for (Span& b : open) blocks.push_back(std::move(b));
  if (blocks.empty()) return;
  // Legends: runs of legend cells (no digit: a legend of years keys a bar chart's series).
  std::vector<Span> legends;
  for (uint32_t li = 0; li < cells_->line_count(); ++li) {
    if (!usable_line(li)) continue;
    for (const LayoutCell& c : cells_->line(li)) {
      if (!starts_with_key(c.text) || HasDigit(c.text)) continue;
      const uint32_t page = doc.Line(li).page;
      Span* join = nullptr;
      for (Span& g : legends) {
        if (g.page == page && li <= g.last_line + kLegendGap &&
            std::max(g.col1, c.col_end) - std::min(g.col0, c.col_begin) <= kLegendWidth) {
          join = &g;
        }
      }
      if (join == nullptr) {
        legends.push_back({li, li, c.col_begin, c.col_end, page, 0, {}});
        join = &legends.back();
      }
      join->last_line = li;
      join->col0 = std::min(join->col0, c.col_begin);
      join->col1 = std::max(join->col1, c.col_end);
      join->count += keys_in(c.text);
    }
  }
  for (const Span& b : blocks) {
    if (b.count < 3) continue;
    const Span* nearest = nullptr;
    double best = kMaxChartDistance;
    for (const Span& g : legends) {
      const uint32_t dl = apart(b.first_line, b.last_line + 1, g.first_line, g.last_line + 1);
      if (g.page != b.page || dl > kWindowLines) continue;
      const double d = kLineWeight * dl + apart(b.col0, b.col1, g.col0, g.col1);
      if (d <= best) {
        // Two legends as near: which one keys the pie is not known.
        nearest = d == best && nearest != nullptr ? nullptr : &g;
        best = d;
      }
    }
    if (nearest == nullptr || nearest->count != b.count) continue;
    // A title right above the block (the nearest line with text within three lines, no figure in it)
    // naming a rate (各层级员工培训覆盖率): bars of a rate per category, not the slices of a pie.
    bool rate_title = false;
    for (uint32_t g = b.first_line; g-- > 0 && g + 3 >= b.first_line;) {
      if (cells_->line(g).empty()) continue;
      std::string title;
      for (const LayoutCell& c : cells_->line(g)) title += c.text + " ";
      rate_title = !HasDigit(title) && NamesRate(title);
      break;
    }
    if (rate_title) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, b.parts);
    // Shares far from one whole are not the slices of one pie, whatever the legend.
    if (r.sum_low > 100 + kPlausible || r.sum_high < 100 - kPlausible) continue;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// Key-figure cards (a map of regions, a page of segments): each card stacks figures, each alone in
// its cell (a currency sign, a magnitude or a footnote mark aside), with its label in the cells right under it
// in the same columns (words only; wrapped over up to three lines, no blank line between: `OF
// UHCN*` over `CAPACITY`). One card is
// headed by a cell holding a total word alone (`GROUP`, `Total`, 合计, 集团) over the chain of its
// figures and labels; each of its figures is the total of the figures of other cards with the same
// label and unit (two at least) on its page or the next or previous one (a map printed across a
// spread of two pages). Which regions a map leaves out is not known,
// so the relation is a likely one: parts above their total are a warning, a shortfall is not
// reported. Parts more than twice their total are not taken as its parts.
void RelationAnalysis::FindCardTotals(const sdk::Document& doc) {
  if (cells_->line_count() == 0) return;
  constexpr uint32_t kBelow = 8;       // lines searched for the cell under a cell
  constexpr uint32_t kSlackCols = 2;   // labels are centred on their figures
  constexpr size_t kLabelCells = 3;    // lines a card label may wrap over
  constexpr size_t kLabelPoints = 24;  // code points of a card label's line
  constexpr size_t kCardExtra = 4;     // code points beside a card's figure (€ and bn of €5 bn)
  auto usable_line = [&doc](uint32_t li) {
    const esgaudit_line_structure ls = doc.LineStructure(li);
    return (ls.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX |
                        ESGAUDIT_LINE_TABLE)) == 0;
  };
  // The cell under `c`: the first usable line below (within kBelow) with a cell overlapping its
  // columns, the one overlapping most.
  auto under = [&](const LayoutCell& c) -> const LayoutCell* {
    const uint32_t a0 = c.col_begin > kSlackCols ? c.col_begin - kSlackCols : 0;
    const uint32_t a1 = c.col_end + kSlackCols;
    for (uint32_t li = c.line + 1; li < cells_->line_count() && li <= c.line + kBelow; ++li) {
      if (!usable_line(li)) continue;
      const LayoutCell* best = nullptr;
      uint32_t best_overlap = 0;
      for (const LayoutCell& b : cells_->line(li)) {
        const uint32_t lo = std::max(a0, b.col_begin), hi = std::min(a1, b.col_end);
        if (hi > lo && hi - lo > best_overlap) {
          best_overlap = hi - lo;
          best = &b;
        }
      }
      if (best != nullptr) return best;
    }
    return nullptr;
  };
  // The figure a card cell holds alone, or -1.
  std::map<const LayoutCell*, int> figure_of;
  {
    std::map<const LayoutCell*, int> count;
    for (size_t i = 0; i < figures_.size(); ++i) {
      const Figure& f = figures_[i];
      const LayoutCell* cell = cells_->At(f.line, doc.TextToView(f.offset));
      if (cell == nullptr) continue;
      ++count[cell];
      figure_of[cell] = static_cast<int>(i);
    }
    for (auto& [cell, i] : figure_of) {
      std::string t = figures_[i].text;
      t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
      if (count[cell] != 1 || figures_[i].kind != ESGAUDIT_FACT_QUANTITY || figures_[i].value <= 0 ||
          cell->code_points > Cps(t) + kCardExtra || !usable_line(cell->line)) {
        i = -1;
      }
    }
  }
  auto card_figure = [&](const LayoutCell* c) {
    auto it = figure_of.find(c);
    return it == figure_of.end() ? -1 : it->second;
  };
  auto is_total_word = [](const std::string& text) {
    const std::string t = Lower(text);
    for (const char* w : {"group", "total", "合计", "总计", "集团", "全集团"}) {
      if (t == w) return true;
    }
    return false;
  };
  // A card figure's label: the word cells stacked under it. Sets *end to the last of them.
  auto label_of = [&](const LayoutCell& c, const LayoutCell** end) {
    std::string label;
    const LayoutCell* at = &c;
    for (size_t k = 0; k < kLabelCells; ++k) {
      const LayoutCell* b = under(*at);
      if (b == nullptr) break;
      // A label wraps onto the next line, or the one after past a line of other columns, never
      // over a blank line; a total word heads another card.
      bool wrapped = k == 0 || b->line == at->line + 1 ||
                     (b->line == at->line + 2 && !cells_->line(at->line + 1).empty());
      if (HasDigit(b->text) || b->code_points > kLabelPoints || card_figure(b) >= 0 || !wrapped ||
          is_total_word(b->text)) {
        break;
      }
      label += Lower(b->text);
      at = b;
    }
    *end = at;
    return label;
  };
  struct Card {
    int figure;
    std::string label;
    uint32_t page;
    bool headed;
  };
  std::vector<Card> cards;
  std::set<int> headed;
  // The figures of each card headed by a total word, down the chain of its cells.
  for (uint32_t li = 0; li < cells_->line_count(); ++li) {
    if (!usable_line(li)) continue;
    for (const LayoutCell& c : cells_->line(li)) {
      if (c.code_points > 5 || !is_total_word(c.text)) continue;
      const LayoutCell* at = under(c);
      while (at != nullptr) {
        const int f = card_figure(at);
        if (f < 0) break;
        const LayoutCell* end = nullptr;
        std::string label = label_of(*at, &end);
        if (label.empty()) break;
        headed.insert(f);
        at = under(*end);
      }
    }
  }
  if (headed.empty()) return;
  // In text order, so the relations do not depend on where cells lie in memory.
  for (size_t i = 0; i < figures_.size(); ++i) {
    const LayoutCell* cell = cells_->At(figures_[i].line, doc.TextToView(figures_[i].offset));
    const int f = card_figure(cell);
    if (f != static_cast<int>(i)) continue;
    const LayoutCell* end = nullptr;
    std::string label = label_of(*cell, &end);
    if (label.empty()) continue;
    cards.push_back({f, label, doc.Line(cell->line).page, headed.count(f) > 0});
  }
  std::set<int> taken;
  for (const Relation& r : relations_) {
    taken.insert(r.parts.begin(), r.parts.end());
    if (r.total >= 0) taken.insert(r.total);
  }
  for (const Card& t : cards) {
    if (!t.headed || taken.count(t.figure)) continue;
    const Figure& total = figures_[t.figure];
    std::vector<int> parts;
    for (const Card& p : cards) {
      const Figure& g = figures_[p.figure];
      if (p.headed || p.page + 1 < t.page || p.page > t.page + 1 || p.label != t.label || g.unit != total.unit ||
          g.magnitude != total.magnitude || taken.count(p.figure)) {
        continue;
      }
      parts.push_back(p.figure);
    }
    if (parts.size() < 2) continue;
    std::sort(parts.begin(), parts.end());
    Relation r = Stated(RelationKind::kPartsTotal, t.figure, parts);
    if (r.sum_low > 2 * total.high) continue;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    r.flag = r.sum_low > total.high;
    Add(std::move(r));
  }
}

// Rows of figures set apart by spaces alone, as PDF text gives a table whose columns are not aligned
// (a label, then the row's figures with nothing but spaces between them and after the last): when in
// a run of such rows with the same number of figures one column equals the sum of a run of columns
// next to it (right before it, or only share columns between; or right after it) in every row but at
// most one, and in at least three rows with two or more non-zero parts, that column is the rows'
// total column. Each row is then a sum whether or not it adds up, so a figure changed in one row is
// an error there: the other rows, not that row's sum, say what the column is. Lines without figures
// between the rows (a country's name wrapped onto a line of its own) do not end the run. Shares are
// never summed (a column holding a share in any row is at most a gap), nor parts printed with more
// decimals than the total.
void RelationAnalysis::ZerosToColumnPrecision(const std::vector<std::vector<int>>& part_columns,
                                              const std::vector<int>& total_column,
                                              std::map<int, std::pair<double, double>>* own) {
  constexpr int kPrecisionCells = 3;
  // -2: fewer than kPrecisionCells non-zero cells; -1: no majority of them print decimals.
  auto printed_decimals = [&](const std::vector<const std::vector<int>*>& columns) {
    int nonzero = 0, with_decimals = 0, fewest = INT32_MAX;
    for (const std::vector<int>* column : columns) {
      for (int f : *column) {
        if (f < 0 || figures_[f].value == 0) continue;
        ++nonzero;
        if (figures_[f].decimals > 0) {
          ++with_decimals;
          fewest = std::min(fewest, static_cast<int>(figures_[f].decimals));
        }
      }
    }
    if (nonzero < kPrecisionCells) return -2;
    return 2 * with_decimals > nonzero ? fewest : -1;
  };
  std::vector<const std::vector<int>*> pooled_columns{&total_column};
  for (const std::vector<int>& c : part_columns) pooled_columns.push_back(&c);
  const int pooled = printed_decimals(pooled_columns);
  for (const std::vector<int>& column : part_columns) {
    int d = printed_decimals({&column});
    if (d == -2) d = pooled;
    if (d < 1) continue;
    for (int f : column) {
      if (f < 0 || figures_[f].value != 0 || figures_[f].decimals != 0 || figures_[f].qualifiers != 0) continue;
      const Interval iv = ExactInterval(0, d, figures_[f].magnitude);
      if (iv.lo <= figures_[f].low) continue;  // never wider than its own
      if (own != nullptr) own->emplace(f, std::make_pair(figures_[f].low, figures_[f].high));
      figures_[f].low = iv.lo;
      figures_[f].high = iv.hi;
    }
  }
}

void RelationAnalysis::FindRowTotalColumns(const sdk::Document& doc) {
  constexpr size_t kMinFigures = 4;    // a row: its label and at least this many figures
  constexpr size_t kMaxFigures = 32;   // and at most this many (the search is cubic in a row's width)
  constexpr int kMinWitnesses = 3;     // rows that foot with two or more non-zero parts
  constexpr uint32_t kMaxGapLines = 2;  // lines without figures between two rows of a run
  const std::string_view text = doc.Text();
  auto blank = [&](uint64_t from, uint64_t to) {
    for (uint64_t k = from; k < to; ++k) {
      if (text[k] != ' ' && text[k] != '\t') return false;
    }
    return true;
  };
  // Each line's figures by offset: the same std::sort of the same index-ordered list as this pass made
  // of its own copy before the map was shared.
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::vector<int> cols;
  };
  std::vector<std::vector<Row>> runs;
  uint32_t last_line = 0;
  for (const auto& [line, figs] : on_line) {
    const esgaudit_line l = doc.Line(line);
    const uint64_t begin = l.offset, end = l.offset + l.length;
    bool row = figs.size() >= kMinFigures && figs.size() <= kMaxFigures && blank(figures_[figs.back()].offset + figures_[figs.back()].length, end);
    for (size_t k = 1; row && k < figs.size(); ++k) {
      const uint64_t prev_end = figures_[figs[k - 1]].offset + figures_[figs[k - 1]].length;
      row = prev_end <= figures_[figs[k]].offset && blank(prev_end, figures_[figs[k]].offset);
    }
    std::string label = row ? std::string(text.substr(begin, figures_[figs.front()].offset - begin)) : std::string();
    row = row && std::any_of(label.begin(), label.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
          });
    if (!row) {
      last_line = 0;  // a line of figures that is no row ends the run
      continue;
    }
    const bool continues = !runs.empty() && last_line != 0 && runs.back().back().cols.size() == figs.size() &&
                           line - last_line <= kMaxGapLines + 1;
    if (!continues) runs.emplace_back();
    runs.back().push_back({line, std::string(sdk::Trim(label)), figs});
    last_line = line;
  }
  auto is_share = [&](int f) { return figures_[f].kind == ESGAUDIT_FACT_PERCENT; };
  // Zeros given their column's precision (ZerosToColumnPrecision, once a sum is placed) keep their
  // own interval here: where the rows foot is read with each printed figure's own rounding.
  std::map<int, std::pair<double, double>> own_interval;
  auto interval = [&](int f) {
    auto it = own_interval.find(f);
    return it != own_interval.end() ? it->second : std::make_pair(figures_[f].low, figures_[f].high);
  };
  auto foots = [&](const Row& row, int total, int from, int to) {
    double lo = 0, hi = 0;
    for (int c = from; c <= to; ++c) {
      lo += interval(row.cols[c]).first;
      hi += interval(row.cols[c]).second;
    }
    const auto [tlo, thi] = interval(row.cols[total]);
    return lo <= thi && tlo <= hi;
  };
  for (const std::vector<Row>& run : runs) {
    if (run.size() < static_cast<size_t>(kMinWitnesses)) continue;
    const int n = static_cast<int>(run.front().cols.size());
    std::vector<bool> share_col(n, false);
    std::vector<int> decimals(n, 0);  // the most decimals a column prints
    for (const Row& row : run) {
      for (int c = 0; c < n; ++c) {
        share_col[c] = share_col[c] || is_share(row.cols[c]);
        decimals[c] = std::max(decimals[c], static_cast<int>(figures_[row.cols[c]].decimals));
      }
    }
    for (int j = 0; j < n; ++j) {
      if (share_col[j]) continue;
      // Candidate runs of parts [from, to]: ending right before j or before share columns only that
      // end right before j; or starting right after j.
      std::vector<std::pair<int, int>> candidates;
      int to = j - 1;
      while (to >= 0 && share_col[to]) --to;
      for (int from = to - 1; from >= 0 && !share_col[from]; --from) candidates.push_back({from, to});
      for (int last = j + 2; last < n && !share_col[last]; ++last) candidates.push_back({j + 1, last});
      int best_from = -1, best_to = -1, best_holds = 0;
      for (const auto& [from, last] : candidates) {
        // Parts printed finer than their total are other quantities (rates beside counts).
        bool finer = false;
        for (int c = from; c <= last; ++c) finer = finer || decimals[c] > decimals[j];
        if (finer) continue;
        int holds = 0, fails = 0, witnesses = 0;
        for (const Row& row : run) {
          if (!foots(row, j, from, last)) {
            ++fails;
            continue;
          }
          ++holds;
          int nonzero = 0;
          for (int c = from; c <= last; ++c) nonzero += figures_[row.cols[c]].value != 0;
          witnesses += nonzero >= 2;
        }
        if (fails > 1 || witnesses < kMinWitnesses) continue;
        // The most rows footing; of those the fewest columns (a column of zeros at the far end of
        // the parts would foot as well and is no part).
        if (holds > best_holds || (holds == best_holds && last - from < best_to - best_from)) {
          best_from = from;
          best_to = last;
          best_holds = holds;
        }
      }
      if (best_from < 0) continue;
      {
        std::vector<std::vector<int>> part_columns(best_to - best_from + 1);
        std::vector<int> total_column;
        for (const Row& row : run) {
          total_column.push_back(row.cols[j]);
          for (int c = best_from; c <= best_to; ++c) part_columns[c - best_from].push_back(row.cols[c]);
        }
        ZerosToColumnPrecision(part_columns, total_column, &own_interval);
      }
      for (const Row& row : run) {
        const int total = row.cols[j];
        if (Summed(total)) continue;  // a stated or table relation already sums into it
        std::vector<int> parts(row.cols.begin() + best_from, row.cols.begin() + best_to + 1);
        Relation r;
        if (TableSum(total, std::move(parts), row.label, &r)) Add(std::move(r));
      }
    }
  }
}

// Rows of three figures set apart by blanks (tabs or spaces) at the line's end, after a label that
// may hold figures of its own glued to words or printed otherwise (an age class, "30-39岁"): under
// a header that may be lost (a damaged 合计 over the last column, male and female over the first
// two), the last figure is the sum of the two before it. Three figures give no other columns to
// place a total by (FindRowTotalColumns wants four), so the bar is stricter: a run of such rows
// (lines without figures between them) where at least kMinWitnesses rows foot with both parts
// non-zero and at most one does not; the three figures of every row printed alike (no share, one
// unit), and the parts no finer than their total column. Three unrelated figures (a year's value
// beside the year before and its change, counts of three kinds) foot in a row by chance only, and
// not in four rows of one run. A row that does not foot is then an error, as in FindRowTotalColumns.
void RelationAnalysis::FindThreeFigureRowTotals(const sdk::Document& doc) {
  constexpr int kMinWitnesses = 4;
  constexpr uint32_t kMaxGapLines = 2;
  const std::string_view text = doc.Text();
  auto blank = [&](uint64_t from, uint64_t to) {
    for (uint64_t k = from; k < to; ++k) {
      if (text[k] != ' ' && text[k] != '\t' && text[k] != '\r') return false;
    }
    return true;
  };
  auto end_of = [&](int f) { return figures_[f].offset + figures_[f].length; };
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::array<int, 3> cols{};
  };
  std::vector<std::vector<Row>> runs;
  uint32_t last_line = 0;
  for (const auto& [line, figs] : FiguresByLine(true)) {
    const esgaudit_line l = doc.Line(line);
    const size_t n = figs.size();
    bool row = n >= 3 && blank(end_of(figs[n - 1]), l.offset + l.length);
    for (size_t k = n - 2; row && k < n; ++k)
      row = end_of(figs[k - 1]) <= figures_[figs[k]].offset && blank(end_of(figs[k - 1]), figures_[figs[k]].offset);
    const int a = row ? figs[n - 3] : -1;
    row = row && figures_[a].offset > l.offset && blank(figures_[a].offset - 1, figures_[a].offset);  // the label apart
    if (row) {
      for (int f : {figs[n - 3], figs[n - 2], figs[n - 1]}) {
        row = row && figures_[f].kind != ESGAUDIT_FACT_PERCENT && figures_[f].unit == figures_[a].unit &&
              figures_[f].qualifiers == 0;
      }
    }
    // A figure before the three, set apart by blanks and printed alike, makes a wider row.
    if (row && n > 3) {
      const int b = figs[n - 4];
      row = !(blank(end_of(b), figures_[a].offset) && figures_[b].unit == figures_[a].unit &&
              figures_[b].kind == figures_[a].kind);
    }
    std::string label = row ? std::string(sdk::Trim(text.substr(l.offset, figures_[a].offset - l.offset))) : std::string();
    row = row && !label.empty() && std::any_of(label.begin(), label.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
          });
    if (!row) {
      last_line = 0;  // a line of figures that is no row ends the run
      continue;
    }
    if (runs.empty() || last_line == 0 || line - last_line > kMaxGapLines + 1) runs.emplace_back();
    runs.back().push_back({line, std::move(label), {figs[n - 3], figs[n - 2], figs[n - 1]}});
    last_line = line;
  }
  for (const std::vector<Row>& run : runs) {
    if (run.size() < static_cast<size_t>(kMinWitnesses)) continue;
    std::array<int, 3> decimals{};
    for (const Row& row : run)
      for (int c = 0; c < 3; ++c) decimals[c] = std::max(decimals[c], static_cast<int>(figures_[row.cols[c]].decimals));
    if (decimals[0] > decimals[2] || decimals[1] > decimals[2]) continue;
    int fails = 0, witnesses = 0;
    for (const Row& row : run) {
      const Figure &x = figures_[row.cols[0]], &y = figures_[row.cols[1]], &t = figures_[row.cols[2]];
      if (x.low + y.low > t.high || t.low > x.high + y.high) {
        ++fails;
      } else if (x.value != 0 && y.value != 0) {
        ++witnesses;
      }
    }
    if (fails > 1 || witnesses < kMinWitnesses) continue;
    for (const Row& row : run) {
      if (Summed(row.cols[2])) continue;  // a stated or table relation already sums into it
      Relation r;
      if (TableSum(row.cols[2], {row.cols[0], row.cols[1]}, row.label, &r)) Add(std::move(r));
    }
  }
}

// Ragged rows of a wide inventory in PDF text (a water inventory by site): the cells of a row are
// figures or dashes (`–`, `—`, `-`: nil) set apart by blanks, the row may end with words (source,
// river basin: word columns after the figures), and its label may stand on the lines around it (a
// site name wrapped above and below the figures; the row itself then opens with a figure). The text
// export drops a dash column here and there and wraps a row's last cells onto the next line, so the
// rows of one table carry different numbers of cells. Rows of the same width are taken to share a
// layout: a column of such a class (two rows or more) is the total of the k cells right after it (or
// right before it, share columns between allowed) when the class's rows foot there in all rows but
// one, and at one position only. The other widths must confirm the shape (total, then k parts, in that direction):
// over all the run's classes at least three rows foot with two or more non-zero parts. A row of a
// class that does not foot is then an error, as in FindRowTotalColumns. Lines that are no row (a
// wrapped label, a wrapped cell, a footnote mark) do not end a run; a gap of more lines does, and so
// does a page break. Totals another relation already sums are left alone; a row whose total is a
// dash, or whose parts hold fewer than two figures, is no relation. Rows ending in a share cell make one
// more class, of their last cells counted from that end (see below), read for its total rows only; a
// total row of that class that does not foot is a warning. A placed sum's zero parts are judged to
// their column's printed precision (zeros_to_column_precision below).
void RelationAnalysis::FindRaggedRowTotalColumns(const sdk::Document& doc) {
  constexpr size_t kMinCells = 4;       // a row: at least this many cells
  constexpr size_t kMinFigures = 3;     // of which at least this many figures
  constexpr size_t kMaxCells = 32;      // and at most this many (the search is cubic in the width)
  constexpr int kMaxParts = 8;          // parts of one total
  constexpr int kMinWitnesses = 3;      // rows of the run that foot with two or more non-zero parts
  constexpr uint32_t kMaxGapLines = 3;  // lines that are no row between two rows of a run
  constexpr uint32_t kPageGapLines = 8;  // lines between a run and its continuation past a page break
  constexpr size_t kLabelWords = 4;     // a wrapped label line: at most this many words
  constexpr int kDash = -1;
  const std::string_view text = doc.Text();
  auto is_blank = [](char c) { return c == ' ' || c == '\t'; };
  auto has_letter = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
  };
  auto has_digit = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // A dash cell at `k`: the token `–`, `—` or `-` standing alone between blanks (or the line's ends).
  auto dash_at = [&](uint64_t k, uint64_t begin, uint64_t end) -> uint64_t {
    for (std::string_view d : {std::string_view("\u2013"), std::string_view("\u2014"), std::string_view("-")}) {
      if (k + d.size() <= end && text.substr(k, d.size()) == d && (k + d.size() == end || is_blank(text[k + d.size()])) &&
          (k == begin || is_blank(text[k - 1]))) {
        return d.size();
      }
    }
    return 0;
  };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(false);
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::vector<int> cells;  // figure indexes, kDash for a dash
  };
  // The row a line holds, if any (label empty when the line opens with its cells).
  auto read_row = [&](uint32_t line, std::vector<int> figs, Row* out) {
    std::sort(figs.begin(), figs.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
    const esgaudit_line l = doc.Line(line);
    const uint64_t begin = l.offset, end = l.offset + l.length;
    // Dash cells right before the first figure belong to the row (`San Jose – 414 …`).
    uint64_t start = figures_[figs.front()].offset;
    std::vector<int> cells;
    for (;;) {
      uint64_t k = start;
      while (k > begin && is_blank(text[k - 1])) --k;
      if (k == start) break;  // the first figure is glued to the text before it, or opens the line
      uint64_t len = 0;
      for (const uint64_t w : {uint64_t{3}, uint64_t{1}}) {
        if (len == 0 && k >= begin + w && dash_at(k - w, begin, end) == w) len = w;
      }
      if (len == 0) break;
      start = k - len;
      cells.push_back(kDash);
    }
    size_t next = 0;
    uint64_t k = figures_[figs.front()].offset;
    while (k < end) {
      if (next < figs.size() && figures_[figs[next]].offset == k) {
        cells.push_back(figs[next]);
        k += figures_[figs[next]].length;
        ++next;
      } else if (const uint64_t len = dash_at(k, begin, end)) {
        cells.push_back(kDash);
        k += len;
      } else {
        break;
      }
      if (k < end && !is_blank(text[k])) return false;  // a cell runs on into other text
      while (k < end && is_blank(text[k])) ++k;
    }
    // What follows the cells is words: no digit, no further figure (nor a figure running past the
    // line). A word column set off by a tab may hold figures of its own (a remark cell, `委托处置，
    // 1,300吨煤渣用作建材`) when it opens with a letter: they are no cells.
    if (k > end) return false;
    if (next != figs.size() || has_digit(text.substr(k, end - k))) {
      const bool remark = k < end && k > begin && text[k - 1] == '\t' && has_letter(text.substr(k, 1));
      for (size_t f = next; remark && f < figs.size(); ++f) {
        if (figures_[figs[f]].offset < k || figures_[figs[f]].offset + figures_[figs[f]].length > end) return false;
      }
      if (!remark) return false;
    }
    const size_t n_figs = next;
    if (cells.size() < kMinCells || cells.size() > kMaxCells || n_figs < kMinFigures) return false;
    std::string_view label = sdk::Trim(text.substr(begin, start - begin));
    out->line = line;
    out->label = has_letter(label) ? std::string(label) : std::string();
    out->cells = std::move(cells);
    return true;
  };
  // A line holding a wrapped label: a few words with a letter, no row of its own.
  auto label_line = [&](uint32_t line) -> std::string {
    if (line >= doc.LineCount()) return std::string();
    const esgaudit_line l = doc.Line(line);
    std::string_view s = sdk::Trim(text.substr(l.offset, l.length));
    size_t words = 0;
    for (size_t k = 0; k < s.size(); ++k) words += !is_blank(s[k]) && (k == 0 || is_blank(s[k - 1]));
    auto it = on_line.find(line);
    if (!has_letter(s) || words > kLabelWords || (it != on_line.end() && it->second.size() >= kMinFigures)) {
      return std::string();
    }
    return std::string(s);
  };
  std::vector<std::vector<Row>> runs;
  // Whether a run goes on from the run before it past a page break: its first row on the next
  // page (or past a line of page furniture: a running header, a page number), no more than
  // kPageGapLines lines (the furniture, the title and header printed again) after that run's last
  // row, and no line of figures that is no row between them.
  std::vector<bool> past_page;
  bool open = false;  // whether the last row's run may go on
  uint32_t last_line = 0;
  uint32_t last_page = 0;
  for (const auto& [line, figs] : on_line) {
    if (figs.size() < kMinFigures) continue;  // a wrapped cell or a footnote mark: no row, no end
    Row row;
    if (!read_row(line, figs, &row)) {
      open = open && figs.size() < kMinCells;  // a line of figures that is no row ends the run
      continue;
    }
    if (row.label.empty()) {
      // A label wrapped around the figures: words on the line above or below.
      const std::string above = line > 0 ? label_line(line - 1) : std::string();
      const std::string below = label_line(line + 1);
      if (above.empty() && below.empty()) continue;
      row.label = above.empty() ? below : below.empty() ? above : above + " " + below;
    }
    const uint32_t page = doc.Line(line).page;
    const bool continues = open && page == last_page && line - last_line <= kMaxGapLines + 1;
    if (!continues) {
      runs.emplace_back();
      bool furniture = page == last_page + 1;  // a page break of the document, or one its furniture shows
      for (uint32_t g = last_line + 1; open && !furniture && g < line; ++g) {
        furniture = (doc.LineStructure(g).flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_PAGE_NUMBER)) != 0;
      }
      past_page.push_back(open && furniture && line - last_line <= kPageGapLines + 1);
    }
    runs.back().push_back(std::move(row));
    open = true;
    last_line = line;
    last_page = page;
  }
  auto is_share = [&](int f) { return f != kDash && figures_[f].kind == ESGAUDIT_FACT_PERCENT; };
  // Zeros given their column's precision below keep their own interval here: where the rows foot
  // is read as before, with each printed figure's own rounding.
  std::map<int, std::pair<double, double>> own_interval;
  auto low = [&](int f) {
    if (f == kDash) return 0.0;
    auto it = own_interval.find(f);
    return it != own_interval.end() ? it->second.first : figures_[f].low;
  };
  auto high = [&](int f) {
    if (f == kDash) return 0.0;
    auto it = own_interval.find(f);
    return it != own_interval.end() ? it->second.second : figures_[f].high;
  };
  // A placed sum's zero parts are judged to their column's printed precision
  // (ZerosToColumnPrecision); where the rows foot is read with each figure's own rounding.
  auto zeros_to_column_precision = [&](const std::vector<const Row*>& rows, int total, int from, int to) {
    auto column = [&](int c) {
      std::vector<int> out;
      for (const Row* row : rows) out.push_back(row->cells[c]);  // kDash is negative
      return out;
    };
    std::vector<std::vector<int>> parts;
    for (int c = from; c <= to; ++c) parts.push_back(column(c));
    ZerosToColumnPrecision(parts, column(total), &own_interval);
  };
  auto total_row = [](const std::string& label) {
    const std::string l = Lower(label);
    return l.rfind("total", 0) == 0 || l.rfind("合计", 0) == 0 || l.rfind("总计", 0) == 0;
  };
  struct Placed {
    size_t cls;  // index into the run's classes
    int total;
    int from;
    int to;
  };
  // The positions read in the run before, as (width, parts, direction, total column): a run that
  // goes on past a page break keeps them confirmed, so a page holding too few rows to show the shape
  // on its own (the table's last rows) is read as the rows before the break were. Its own rows
  // must still foot there in all but one.
  std::set<std::tuple<int, int, bool, int>> confirmed, confirmed_before;
  for (size_t ri = 0; ri < runs.size(); ++ri) {
    const std::vector<Row>& run = runs[ri];
    confirmed_before.swap(confirmed);
    confirmed.clear();
    if (!past_page[ri]) confirmed_before.clear();
    // Rows by width: each width one layout. (width, rows), by width.
    std::vector<std::pair<int, std::vector<const Row*>>> classes;
    {
      std::map<int, std::vector<const Row*>> by_width;
      for (const Row& row : run) by_width[static_cast<int>(row.cells.size())].push_back(&row);
      classes.assign(by_width.begin(), by_width.end());
    }
    // Rows ending in a share cell (a last column of percentages, `% returned + restored`) share the
    // columns counted from their end, whatever they dropped on their left (a total row printing no
    // dash for an empty source column): one more class, of their last cells, as many as the shortest.
    // It is read for its total rows only (Total, 合计, 总计): other rows ending in a share may be a
    // change and its rate (last year, this year, the decrease, its %), which foot by chance.
    std::vector<Row> tails;
    size_t tail_class = SIZE_MAX;  // its index: a reading of its own, so a mismatch there is a warning
    {
      size_t width = kMaxCells;
      for (const Row& row : run) {
        if (is_share(row.cells.back())) width = std::min(width, row.cells.size());
      }
      for (const Row& row : run) {
        if (!is_share(row.cells.back())) continue;
        Row tail = row;
        tail.cells.erase(tail.cells.begin(), tail.cells.end() - static_cast<long>(width));
        tails.push_back(std::move(tail));
      }
      if (tails.size() >= 2 && width >= kMinCells) {
        std::vector<const Row*> rows;
        for (const Row& tail : tails) rows.push_back(&tail);
        tail_class = classes.size();
        classes.emplace_back(static_cast<int>(width), std::move(rows));
      }
    }
    // The columns read as a total so far, by class: a column totals one run of columns, the
    // shortest (a column of zeros right past its parts foots as well and is no part, and with it
    // the class would foot at two positions, hiding a second total further on: the hazardous
    // waste inside a waste row, totalling the ways it was disposed of).
    std::vector<std::set<int>> totals_of(classes.size());
    for (int k = 2; k <= kMaxParts; ++k) {
      for (const bool after : {false, true}) {
        std::vector<Placed> placed;
        int witnesses = 0;
        for (size_t ci = 0; ci < classes.size(); ++ci) {
          const int n = classes[ci].first;
          const std::vector<const Row*>& rows = classes[ci].second;
          if (rows.size() < 2) continue;  // a row alone would say where its own total is
          std::vector<bool> share_col(n, false);
          std::vector<int> decimals(n, 0);
          for (const Row* row : rows) {
            for (int c = 0; c < n; ++c) {
              share_col[c] = share_col[c] || is_share(row->cells[c]);
              if (row->cells[c] != kDash) {
                decimals[c] = std::max(decimals[c], static_cast<int>(figures_[row->cells[c]].decimals));
              }
            }
          }
          int found = 0, found_witnesses = 0;
          Placed at{ci, -1, -1, -1};
          for (int j = 0; j < n; ++j) {
            if (share_col[j] || totals_of[ci].count(j)) continue;
            int from = j + 1, to = j + k;
            if (!after) {
              to = j - 1;
              while (to >= 0 && share_col[to]) --to;
              from = to - k + 1;
            }
            if (from < 0 || to >= n) continue;
            bool usable = true;
            for (int c = from; c <= to; ++c) usable = usable && !share_col[c] && decimals[c] <= decimals[j];
            if (!usable) continue;
            int fails = 0, wit = 0;
            for (const Row* row : rows) {
              const int t = row->cells[j];
              if (t == kDash) continue;
              double lo = 0, hi = 0;
              int nonzero = 0;
              for (int c = from; c <= to; ++c) {
                lo += low(row->cells[c]);
                hi += high(row->cells[c]);
                nonzero += row->cells[c] != kDash && figures_[row->cells[c]].value != 0;
              }
              if (lo <= figures_[t].high && figures_[t].low <= hi) {
                wit += nonzero >= 2;
              } else {
                ++fails;
              }
            }
            if (fails > 1 || (wit < 1 && !confirmed_before.count({n, k, after, j}))) continue;
            ++found;
            found_witnesses = wit;
            at = {ci, j, from, to};
          }
          if (found != 1) continue;  // no position, or more than one: the class says nothing
          placed.push_back(at);
          // The share-ended class holds rows of the width classes again: it confirms no shape.
          if (ci != tail_class) witnesses += found_witnesses;
          if (ci != tail_class && confirmed_before.count({n, k, after, at.total})) witnesses += kMinWitnesses;
        }
        if (witnesses < kMinWitnesses) continue;
        for (const Placed& p : placed) {
          totals_of[p.cls].insert(p.total);
          if (p.cls != tail_class) confirmed.insert({classes[p.cls].first, k, after, p.total});
          zeros_to_column_precision(classes[p.cls].second, p.total, p.from, p.to);
          for (const Row* row : classes[p.cls].second) {
            const int total = row->cells[p.total];
            if (total == kDash || Summed(total)) continue;
            std::vector<int> parts;
            for (int c = p.from; c <= p.to; ++c) {
              if (row->cells[c] != kDash) parts.push_back(row->cells[c]);
            }
            if (parts.size() < 2) continue;
            Relation r;
            if (p.cls == tail_class && !total_row(row->label)) continue;
            if (!TableSum(total, std::move(parts), row->label, &r)) continue;
            if (p.cls == tail_class) r.certainty = Certainty::kLikely;
            Add(std::move(r));
          }
        }
      }
    }
  }
}

// Rows of a tab-separated table (text exported with a tab between cells): a label cell of words (a row
// labelled by a year alone is left to the readers of yearly tables, which read its header's units), then
// cells that are each one figure, a dash (nil)
// or empty (two tabs in a row: the cell keeps its column); word cells after the figures (a remark
// column) end the row's cells. Rows of one run (lines that are no row between them, up to kMaxGapLines;
// a line of figures that is no row ends it) with the same number of cells share a layout. A column is
// the total of the k cells right before or right after it (k from 2 to kMaxParts, none a share, none
// negative, none printing more decimals than the total's column) when the class's rows foot there in all
// but one, and the rows themselves prove it:
// - three rows that add up exactly as printed with two or more non-zero parts (the bar of
//   FindRowTotalColumns), or
// - two such rows whose totals print three or more significant digits (0.424 = 0.006 + 0.026 + 0.392:
//   an exact sum of such figures is no coincidence), or
// - two such rows and six rows in all whose non-zero total adds up exactly (a table of small counts, one
//   row per site: 2 = 1 + 1 holds by chance easily, a total equal to its one non-zero part as well, but
//   not in row after row of a table while another row fails).
// Of the candidates of a column, the one footing in the most rows, then with the fewest parts (a column
// of zeros past the parts foots as well). Totals another reader already sums are left alone. A row whose
// total cell is empty or a dash is no relation; so is a row that does not foot while one of its parts is
// empty or a dash (the cell may hold what the parts lack), and one with fewer than two figures as parts.
// A row that does not foot is an error where three rows proved the column, a warning otherwise.
void RelationAnalysis::FindTabbedRowTotalColumns(const sdk::Document& doc) {
  constexpr size_t kMinCells = 4;       // a row: at least this many cells after its label
  constexpr size_t kMinFigures = 3;     // of which at least this many figures
  constexpr size_t kMaxCells = 32;      // and at most this many
  constexpr int kMaxParts = 8;
  constexpr uint32_t kMaxGapLines = 3;
  constexpr int kEmpty = -1, kDash = -2;
  const std::string_view text = doc.Text();
  auto is_blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  auto has_letter = [](std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
    });
  };

  auto significant_digits = [&](int f) {
    int n = 0;
    bool lead = true;
    for (char c : figures_[f].text) {
      if (c < '0' || c > '9') {
        if (c == '.' || c == ',') continue;
        break;
      }
      if (lead && c == '0') continue;
      lead = false;
      ++n;
    }
    return n;
  };
  struct Row {
    uint32_t line = 0;
    std::string label;
    std::vector<int> cells;  // figure indexes, kEmpty or kDash
  };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  auto read_row = [&](uint32_t line, const std::vector<int>& figs, Row* out) {
    const esgaudit_line l = doc.Line(line);
    const uint64_t begin = l.offset, end = l.offset + l.length;
    const std::string_view s = text.substr(begin, end - begin);
    const size_t tab = s.find('\t');
    if (tab == std::string_view::npos) return false;
    const std::string_view label = sdk::Trim(s.substr(0, tab));
    if (!has_letter(label)) return false;
    std::vector<int> cells;
    size_t n_figs = 0, next = 0;
    for (size_t from = tab + 1; from <= s.size();) {
      size_t to = s.find('\t', from);
      if (to == std::string_view::npos) to = s.size();
      uint64_t cb = begin + from, ce = begin + to;
      while (cb < ce && is_blank(text[cb])) ++cb;
      while (ce > cb && is_blank(text[ce - 1])) --ce;
      while (next < figs.size() && figures_[figs[next]].offset < cb) ++next;
      const std::string_view cell = text.substr(cb, ce - cb);
      if (cell.empty()) {
        if (to == s.size()) break;  // trailing blanks: no cell
        cells.push_back(kEmpty);
      } else if (cell == "-" || cell == "\u2013" || cell == "\u2014") {
        cells.push_back(kDash);
      } else if (next < figs.size() && figures_[figs[next]].offset == cb &&
                 figures_[figs[next]].offset + figures_[figs[next]].length == ce) {
        cells.push_back(figs[next++]);
        ++n_figs;
      } else {
        break;  // a word cell: the figures end here
      }
      from = to + 1;
    }
    while (!cells.empty() && cells.back() == kEmpty) cells.pop_back();
    if (cells.size() < kMinCells || cells.size() > kMaxCells || n_figs < kMinFigures) return false;
    out->line = line;
    out->label = std::string(label);
    out->cells = std::move(cells);
    return true;
  };
  std::vector<std::vector<Row>> runs;
  uint32_t last_line = 0;
  bool open = false;
  for (const auto& [line, figs] : on_line) {
    if (figs.size() < kMinFigures) continue;
    Row row;
    if (!read_row(line, figs, &row)) {
      open = false;  // a line of figures that is no row ends the run
      continue;
    }
    if (!open || line - last_line > kMaxGapLines + 1) runs.emplace_back();
    runs.back().push_back(std::move(row));
    open = true;
    last_line = line;
  }
  auto figure = [](int c) { return c >= 0; };
  for (const std::vector<Row>& run : runs) {
    std::map<size_t, std::vector<const Row*>> classes;
    for (const Row& row : run) classes[row.cells.size()].push_back(&row);
    for (const auto& [width, rows] : classes) {
      if (rows.size() < 2) continue;
      const int n = static_cast<int>(width);
      std::vector<bool> unusable(n, false);  // a share or a negative figure
      std::vector<int> decimals(n, 0);
      for (const Row* row : rows) {
        for (int c = 0; c < n; ++c) {
          const int f = row->cells[c];
          if (!figure(f)) continue;
          unusable[c] = unusable[c] || figures_[f].kind == ESGAUDIT_FACT_PERCENT || figures_[f].value < 0;
          decimals[c] = std::max(decimals[c], static_cast<int>(figures_[f].decimals));
        }
      }
      for (int j = 0; j < n; ++j) {
        if (unusable[j]) continue;
        int best_from = -1, best_to = -1, best_holds = -1;
        bool best_certain = false;
        for (int k = 2; k <= kMaxParts; ++k) {
          for (const bool after : {false, true}) {
            const int from = after ? j + 1 : j - k, to = after ? j + k : j - 1;
            if (from < 0 || to >= n) continue;
            bool usable = true;
            for (int c = from; c <= to; ++c) usable = usable && !unusable[c] && decimals[c] <= decimals[j];
            if (!usable) continue;
            int fails = 0, holds = 0, strong = 0, precise = 0, support = 0;
            for (const Row* row : rows) {
              const int t = row->cells[j];
              if (!figure(t)) continue;
              double lo = 0, hi = 0;
              int nonzero = 0, places = figures_[t].decimals;
              bool blank_part = false, one_unit = true;
              for (int c = from; c <= to; ++c) {
                const int f = row->cells[c];
                if (!figure(f)) {
                  blank_part = true;
                  continue;
                }
                lo += figures_[f].low;
                hi += figures_[f].high;
                nonzero += figures_[f].value != 0;
                places = std::max(places, static_cast<int>(figures_[f].decimals));
                one_unit = one_unit && figures_[f].unit == figures_[t].unit && figures_[f].magnitude == figures_[t].magnitude;
              }
              if (!(lo <= figures_[t].high && figures_[t].low <= hi)) {
                fails += !blank_part;
                continue;
              }
              // A row with an empty part is no evidence: a column of zeros next to the parts would
              // make it foot within the zeros' rounding.
              if (blank_part) continue;
              ++holds;
              if (!one_unit || places > 6) continue;
              const double scale = std::pow(10.0, places);
              long long sum = 0;
              for (int c = from; c <= to; ++c) {
                if (figure(row->cells[c])) sum += std::llround(figures_[row->cells[c]].value * scale);
              }
              const long long total = std::llround(figures_[t].value * scale);
              if (sum != total || total == 0) continue;
              ++support;
              if (nonzero < 2) continue;
              ++strong;
              precise += significant_digits(t) >= 3;
            }
            if (fails > 1) continue;
            const bool certain = strong >= 3;
            if (!certain && !(strong >= 2 && (precise >= 2 || support >= 6))) continue;
            if (holds > best_holds || (holds == best_holds && to - from < best_to - best_from)) {
              best_from = from;
              best_to = to;
              best_holds = holds;
              best_certain = certain;
            }
          }
        }
        if (best_from < 0) continue;
        {
          // A placed sum's zero parts are judged to their column's printed precision, as in
          // FindRowTotalColumns (empty and dash cells, negative here, are passed over).
          std::vector<std::vector<int>> part_columns(best_to - best_from + 1);
          std::vector<int> total_column;
          for (const Row* row : rows) {
            total_column.push_back(row->cells[j]);
            for (int c = best_from; c <= best_to; ++c) part_columns[c - best_from].push_back(row->cells[c]);
          }
          ZerosToColumnPrecision(part_columns, total_column, nullptr);
        }
        for (const Row* row : rows) {
          const int t = row->cells[j];
          if (!figure(t) || Summed(t)) continue;
          std::vector<int> parts;
          bool blank_part = false;
          for (int c = best_from; c <= best_to; ++c) {
            if (figure(row->cells[c])) {
              parts.push_back(row->cells[c]);
            } else {
              blank_part = true;
            }
          }
          if (parts.size() < 2) continue;
          Relation r;
          if (!TableSum(t, std::move(parts), row->label, &r)) continue;
          if (!r.consistent && blank_part) continue;  // the empty cell may hold what the parts lack
          if (!best_certain) r.certainty = Certainty::kLikely;
          Add(std::move(r));
        }
      }
    }
  }
}

// The poverty-relief form that the exchanges' 2016 template asks for (上市公司2016年精准扶贫工作情况统计表),
// as text gives it: a row per line, the label (numbered 1., 1.1, often opened by 其中：) and its value
// apart by a tab. Its overview (a row naming 总体情况, then 资金, 物资折款 and 帮助建档立卡贫困人口
// 脱贫数 rows) states the totals; the programmes below it (产业发展脱贫, 教育脱贫 ... 其他项目) each
// have numbered sub-rows, some of them an amount invested (投入金额, in the form's money unit) and some
// the people lifted out of poverty (脱贫数). The programmes' amounts are the parts of 资金, their
// 脱贫数 rows the parts of the overview's. Companies fill the form in part and drop rows, and a person
// may count under two programmes, so the relations are likely ones: parts above their total are a
// warning, a shortfall is not reported. Amounts adding up to 资金 plus 物资折款 count the goods too:
// no relation then (it would need a total of two figures). A row's value must open its value cell;
// counts (（人）, （个）, 人数, 个数, 人/次) are no amounts. Lines without a tab inside the form (a page
// number, a cell wrapped onto a line of its own) are passed over, up to kStrayLines in a row; the
// form ends at its 所获奖项 row or at the next section heading (三、).
void RelationAnalysis::FindPovertyReliefForms(const sdk::Document& doc) {
  constexpr uint32_t kOverviewLines = 4;  // lines from the 总体情况 row to its 资金 row
  constexpr uint32_t kStrayLines = 3;
  constexpr uint32_t kFormLines = 80;     // the whole template is about 50 rows
  std::string_view text = doc.Text();
  std::map<uint32_t, std::vector<int>> by_line;
  for (size_t i = 0; i < figures_.size(); ++i) by_line[figures_[i].line].push_back(static_cast<int>(i));
  struct Row {
    bool tab = false;
    std::u32string label;  // without spaces, 其中： and the numbering
    int depth = 0;         // numbering levels: 0 none, 1 (2.), 2 (2.1)
    bool heading = false;  // opened by a Chinese numeral and 、 (二、分项投入)
    int figure = -1;       // the figure opening the value cell
  };
  auto row_at = [&](uint32_t li) {
    Row row;
    const esgaudit_line line = doc.Line(li);
    std::string_view t = text.substr(line.offset, line.length);
    const size_t tab = t.find('\t');
    if (tab == std::string_view::npos) return row;
    row.tab = true;
    std::u32string label;
    for (char32_t c : U32(t.substr(0, tab))) {
      if (c != U' ' && c != U'\u3000') label.push_back(c);
    }
    if (label.rfind(U"其中", 0) == 0) label.erase(0, 2);
    if (!label.empty() && (label[0] == U'：' || label[0] == U':')) label.erase(0, 1);
    if (label.size() >= 2 && label[1] == U'、' && std::u32string_view(U"一二三四五六七八九十_").find(label[0]) != std::u32string_view::npos) {
      row.heading = true;
    }
    size_t k = 0;
    bool digits = false;
    while (k < label.size()) {
      const char32_t c = label[k];
      if (c >= U'0' && c <= U'9') {
        if (!digits) ++row.depth;
        digits = true;
      } else if (c == U'.' || c == U'．' || c == U'•' || c == U'、') {
        digits = false;
      } else {
        break;
      }
      ++k;
    }
    row.label = label.substr(k);
    // The value: the first figure after the tab, when nothing but blanks stands before it.
    size_t v = tab + 1;
    while (v < t.size() && (t[v] == ' ' || t[v] == '\t')) ++v;
    auto it = by_line.find(li);
    if (it != by_line.end()) {
      for (int f : it->second) {
        if (figures_[f].offset == line.offset + v) row.figure = f;
      }
    }
    return row;
  };
  auto has = [](const std::u32string& s, std::u32string_view w) { return s.find(w) != std::u32string::npos; };
  auto is_count = [&](const std::u32string& l) {
    for (std::u32string_view w : {U"（人", U"(人", U"（个", U"(个", U"人数", U"个数", U"人/次", U"（户", U"(户"}) {
      if (has(l, w)) return true;
    }
    return false;
  };
  auto utf8 = [](const std::u32string& u) {
    using It = boost::u32_to_u8_iterator<std::u32string::const_iterator>;
    return std::string(It(u.begin()), It(u.end()));
  };
  std::set<int> taken;
  for (const Relation& r : relations_) {
    taken.insert(r.parts.begin(), r.parts.end());
    if (r.total >= 0) taken.insert(r.total);
  }
  std::map<int, std::u32string> row_label;  // each row figure's row label
  const uint32_t lines = doc.LineCount();
  for (uint32_t li = 0; li < lines; ++li) {
    const Row head = row_at(li);
    if (!head.tab || !has(head.label, U"总体情况")) continue;
    int funds = -1, goods = -1, lifted = -1;
    uint32_t at = li + 1;
    // The overview: rows with figures up to the first row without one (a programme or 二、分项投入).
    for (; at < lines && at <= li + kOverviewLines + 3; ++at) {
      const Row row = row_at(at);
      if (!row.tab) continue;
      if (row.figure < 0) break;
      row_label[row.figure] = row.label;
      if (row.label == U"资金" && at <= li + kOverviewLines) funds = row.figure;
      if (has(row.label, U"物资折款")) goods = row.figure;
      if (has(row.label, U"脱贫数")) lifted = row.figure;
    }
    if (funds < 0) continue;
    std::vector<int> amounts, people;
    uint32_t stray = 0;
    for (; at < lines && at < li + kFormLines; ++at) {
      const Row row = row_at(at);
      if (!row.tab) {
        if (++stray > kStrayLines) break;
        continue;
      }
      stray = 0;
      if (has(row.label, U"所获奖项") || (row.heading && !has(row.label, U"分项投入"))) break;
      if (row.depth < 2 || row.figure < 0 || taken.count(row.figure)) continue;
      const Figure& g = figures_[row.figure];
      row_label[row.figure] = row.label;
      if (has(row.label, U"脱贫数")) {
        people.push_back(row.figure);
      } else if (!is_count(row.label) && g.kind == ESGAUDIT_FACT_QUANTITY && g.unit == figures_[funds].unit &&
                 g.magnitude == figures_[funds].magnitude) {
        amounts.push_back(row.figure);
      }
    }
    auto add = [&](int total, const std::vector<int>& parts, int also) {
      if (total < 0 || parts.size() < 2 || taken.count(total)) return;
      // Each member is labelled by its row, not by the form's column header (数量及开展情况) or the
      // cell above it that the model gives it.
      figures_[total].label = utf8(row_label[total]);
      for (int p : parts) figures_[p].label = utf8(row_label[p]);
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      const Figure& t = figures_[total];
      if (also >= 0 && !r.consistent) {
        const Figure& a = figures_[also];
        if (r.sum_low <= t.high + a.high && t.low + a.low <= r.sum_high) return;  // the goods counted too
      }
      r.evidence = Evidence::kTable;
      r.certainty = Certainty::kLikely;
      r.flag = r.sum_low > t.high;
      Add(std::move(r));
    };
    add(funds, amounts, goods);
    add(lifted, people, -1);
    li = at > li ? at - 1 : li;
  }
}

bool RelationAnalysis::Reportable(const Relation& r, bool enumerated) const {
  if (r.consistent) return false;
  const auto [same_dim, complete] = CategoriesOf(r.parts);
  double total_high = r.total >= 0 ? figures_[r.total].high : 100;
  double total_low = r.total >= 0 ? figures_[r.total].low : 100;
  if (r.sum_low > total_high) {
    if (r.total < 0 && r.sum_low > 100 + kPlausible) return false;
    return (enumerated || same_dim) && r.sum_low <= 2 * total_high;
  }
  if (r.sum_high < total_low) {
    if (r.total < 0 && r.sum_high < 100 - kPlausible) return false;
    return complete;
  }
  return false;
}

namespace {

// A change against another period (较上年增长, 同比下降, up ... year on year) is never a part.
bool IsChangeLabel(const std::string& label) {
  std::string l = Lower(label);
  for (const char* w : {"较上年", "较去年", "同比", "环比", "提升", "增长", "增加", "下降", "减少", "降低",
                        "上升", "增幅", "降幅", "year on year", "increase", "decrease"}) {
    if (Has(l, w)) return true;
  }
  return false;
}

// Whether a label names a size or capacity (规模, 容量, 产能, 能力): such a figure is how large a
// thing is (a bond of 15亿元, a fund, a plant), not an amount of a flow.
bool SizeLabel(const std::string& label) {
  const std::string l = Lower(label);
  for (const char* w : {"规模", "容量", "产能", "能力", "scale", "capacity"}) {
    if (Has(l, w)) return true;
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

}  // namespace

RelationAnalysis::PartNaming RelationAnalysis::NamingOf(int total, const std::vector<int>& parts) const {
  PartNaming out;
  std::u32string common;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::u32string stem = LabelStem(figures_[parts[k]].label);
    for (const char* other : {"其他", "其它", "其余", "other"}) {
      if (Has(Lower(figures_[parts[k]].label), other)) out.closed = k + 1 == parts.size();
    }
    if (k == 0) {
      common = stem;
      continue;
    }
    size_t n = 0;
    while (n < common.size() && n < stem.size() && common[common.size() - 1 - n] == stem[stem.size() - 1 - n]) ++n;
    common = common.substr(common.size() - n);
  }
  // The counted noun the parts share ("监事", "面积") stands in the total's label or just after it.
  if (common.size() >= 2 && common.size() < 12) {
    std::u32string noun = common.substr(common.size() - 2);
    if (noun[0] >= 0x4E00 && noun[1] >= 0x4E00) {
      const Figure& t = figures_[total];
      std::u32string around = U32(t.label) + U32(t.after);
      out.names_total = around.find(noun) != std::u32string::npos;
    }
  }
  return out;
}

// The share clause right after a figure names the base by a total word: 占总装机容量的22.54%,
// 占员工总数的12%, 占采购总额的比例为35%. The clause holds nothing but 占, the base's words and the
// share (的, 比例为 / 比重为 before it); the base's words without the total word (装机容量, 员工,
// 采购) must be in the label of an earlier figure of the same sentence, of the part's kind and unit
// and no change; the nearest such figure is the base. A figure of another sentence may be another
// period's or scope's. The share itself says the part is below its base (it is below 100%), so a
// part above it is an error. Whether the share agrees with the two figures is not checked: the base
// a report divides by is often not the figure it prints (a share of a total at another date).
namespace {
// The Han characters of a label, spaces dropped (OCR text breaks words with them: "发明专 利").
std::u32string HanOf(const std::string& label) {
  std::u32string out;
  for (char32_t c : U32(label)) {
    if (c >= 0x4E00 && c <= 0x9FFF) out += c;
  }
  return out;
}
}  // namespace

// "公司现任10名高管中，女性高管为4名": the figure at `t`, a count, is followed by its noun and 中
// (or 之中, 当中: among) and a comma; the first figure of the next clause, after at most 12
// characters of label and before any marker or bracket, of the count's unit (or counting the same
// things) and no change, is a subset of it. The noun is one to six Han characters naming no place,
// time or purpose (在, 于, 用, 的; 过程中, 期间): 中 then says "in", not "among". Returns the part's
// figure, or -1.
template <typename Tokens>
int RelationAnalysis::AmongSubset(const Tokens& toks, size_t t, std::vector<int>* more) const {
  more->clear();
  if (toks[t].type != Tok::kFact || token_chars_ == nullptr) return -1;
  const Figure& whole = figures_[toks[t].figure];
  if (whole.kind != ESGAUDIT_FACT_QUANTITY || whole.unit.empty() || IsChangeLabel(whole.label)) return -1;
  std::u32string noun;
  size_t j = t + 1;
  for (; j < toks.size() && toks[j].type == Tok::kText && noun.size() <= 8; ++j) noun += (*token_chars_)[j];
  if (j >= toks.size() || toks[j].type != Tok::kComma || noun.size() < 2 || noun.back() != U'中') return -1;
  noun.pop_back();
  if (EndsWithU(noun, U"之") || EndsWithU(noun, U"当")) noun.pop_back();
  // 在…中 frames the whole (在列入考核的83项主要技术经济指标中): its noun may be longer.
  const std::u32string han = HanOf(whole.label);
  const size_t max_noun = !han.empty() && han.front() == U'在' ? 10 : 6;
  if (noun.empty() || noun.size() > max_noun) return -1;
  for (char32_t c : noun) {
    if (c < 0x4E00 || c > 0x9FFF || std::u32string_view(U"在于用的从向对以把将被其集期程途心").find(c) != std::u32string_view::npos) {
      return -1;
    }
  }
  int text = 0;
  for (size_t k = j + 1; k < toks.size() && text <= 12; ++k) {
    if (toks[k].type == Tok::kText) {
      ++text;
      continue;
    }
    if (toks[k].type != Tok::kFact) return -1;
    const Figure& part = figures_[toks[k].figure];
    if (IsChangeLabel(part.label)) return -1;
    const bool same = (part.kind == whole.kind && part.unit == whole.unit) || SameThingsCounted(part, whole);
    if (!same) return -1;
    // The frame holds to the sentence's end: a clause after ； opening with a count of the unit
    // and the noun's last two characters (18项指标…) counts some of the whole too.
    const std::u32string tail = noun.substr(noun.size() >= 2 ? noun.size() - 2 : 0);
    for (size_t m = k + 1; m < toks.size() && m < k + 40; ++m) {
      if (toks[m].type != Tok::kEnd) continue;
      if (!toks[m].semicolon || m + 1 >= toks.size()) break;
      if (toks[m + 1].type != Tok::kFact) continue;
      const Figure& next = figures_[toks[m + 1].figure];
      if (next.kind == whole.kind && next.unit == whole.unit && !IsChangeLabel(next.label) && tail.size() == 2 &&
          NounAfterUnit(next).substr(0, 2) == tail) {
        more->push_back(toks[m + 1].figure);
      }
    }
    return toks[k].figure;
  }
  return -1;
}

// "已注册车队1261家、集卡车辆13558辆，其中已使用预约业务的车队983家、集卡9730辆": a sentence giving
// totals of different units before 其中 (token `t`, in prose: not right after a bracket) and parts after
// it, each of the unit of one total: each part is a subset of the total of its unit. Taken only where
// the units pair the figures without doubt and the pairing is one the nearest figure before 其中 cannot
// give: every figure after 其中 up to the sentence's end (or semicolon) is a quantity with a unit and
// no change (a year or date aside; a bracket, a share or another subset word there leaves it unread);
// no two parts share a unit (two parts of one unit may be a list, left to the list readers), the
// sentence before 其中 holds exactly one quantity of each part's unit and it is no change; the parts
// come in their totals' order; two or more parts pair so, at least one with a total before the last
// quantity ahead of 其中; and each part's words (its label and the noun after its unit) share two Han
// characters with its total's. One part alone past a figure of another unit is left to the readers of
// that (RateClauseBetween, YearOfRunningTotal): "营业收入32亿元，其中海上风电机组80台" may speak of the
// revenue. A total word inside a part's clause (其中本年度内共发行成立11辆) qualifies the part. Returns
// the (total, part) pairs, or none.
template <typename Tokens>
std::vector<std::pair<int, int>> RelationAnalysis::PartsOfTotalsByUnit(const Tokens& toks, size_t t) const {
  std::vector<std::pair<int, int>> pairs;
  if (toks[t].type != Tok::kSubset || t == 0 || toks[t - 1].type == Tok::kOpen) return pairs;
  auto unit_figure = [&](long k) -> const Figure* {
    if (toks[k].type != Tok::kFact) return nullptr;
    const Figure& f = figures_[toks[k].figure];
    return f.kind == ESGAUDIT_FACT_QUANTITY && !f.unit.empty() ? &f : nullptr;
  };
  std::map<std::string, std::vector<long>> before;  // unit -> tokens of the quantities before 其中
  long last = -1;                                    // the last quantity ahead of 其中
  for (long k = static_cast<long>(t) - 1; k >= 0 && static_cast<long>(t) - k <= 200; --k) {
    if (toks[k].type == Tok::kEnd || toks[k].type == Tok::kSubset) break;
    if (const Figure* g = unit_figure(k); g != nullptr) {
      before[g->unit].push_back(k);
      if (last < 0) last = k;
    }
  }
  std::set<std::string> part_units;
  long previous_total = -1;
  bool skips_last = false;
  for (size_t k = t + 1; k < toks.size() && toks[k].type != Tok::kEnd; ++k) {
    const Token& tok = toks[k];
    if (tok.type == Tok::kSubset || tok.type == Tok::kOpen || tok.type == Tok::kClose) return {};
    if (tok.type == Tok::kTotal) {
      // A total word within the part's clause, its figure ahead before any separator.
      size_t j = k + 1;
      while (j < toks.size() && toks[j].type == Tok::kText) ++j;
      const bool inside = toks[k - 1].type == Tok::kText || toks[k - 1].type == Tok::kSubset;
      if (!inside || j >= toks.size() || toks[j].type != Tok::kFact) return {};
      continue;
    }
    if (tok.type != Tok::kFact) continue;
    const Figure& f = figures_[tok.figure];
    if (f.kind == ESGAUDIT_FACT_YEAR || f.kind == ESGAUDIT_FACT_DATE) continue;
    if (unit_figure(static_cast<long>(k)) == nullptr || IsChangeLabel(f.label) || !part_units.insert(f.unit).second) {
      return {};
    }
    auto it = before.find(f.unit);
    if (it == before.end() || it->second.size() != 1) return {};
    const long total = it->second[0];
    const Figure& g = figures_[toks[total].figure];
    if (IsChangeLabel(g.label) || total <= previous_total) return {};
    const std::u32string part_words = HanOf(f.label) + NounAfterUnit(f);
    const std::u32string total_words = HanOf(g.label) + NounAfterUnit(g);
    bool named = false;
    for (size_t a = 0; a + 1 < part_words.size() && !named; ++a) {
      named = total_words.find(part_words.substr(a, 2)) != std::u32string::npos;
    }
    if (!named) return {};
    previous_total = total;
    skips_last = skips_last || total != last;
    pairs.emplace_back(toks[total].figure, tok.figure);
  }
  if (!skips_last || pairs.size() < 2) return {};
  return pairs;
}

// "累计66台机组实现超低排放，约占煤电装机总容量的67.6%，其中，48台机组…", "发明专利5件，专利转化率达到
// 60%，其中本年度新授权发明专利4件": between a total (token `total`) and 其中 (token `subset`) stands
// one clause of its own holding a share or a rate (token `rate`) and nothing else that counts: it
// speaks of the total or of some of it, so the single part after 其中 (`part`, of the total's unit)
// is a subset of the total either way. The total's clause runs right up to that clause (a bracketed
// remark of another unit allowed), and the part names the total's noun (专利, 机组): the nearest
// figure of the unit may be another's ("专利申请15件、授权5件", "新增8台"). Not for amounts of money.
// "累计向股东派发现金股利156.99亿元，派送股票股利12.34亿股，…，其中2015年分配现金股利51.76亿元": a part
// after 其中 whose words after 其中 name a year of its own (2015年; not a year a running total starts from,
// 2007年以来) within a total counted up to now (累计, 累积 or 以来 in its label, and no year of its own in
// its clause: `2016年累计…` is a sum within a year), both labels naming the same thing (two Han characters
// in common, 人民币 aside): one year's share of the running total, whatever figures of another unit stand
// between. The part's clause must not be a running total itself.
bool RelationAnalysis::YearOfRunningTotal(std::string_view doc_text, int total, int part) const {
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  // Whether a label names a year of its own: 20xx年 not followed by a word starting a period (以来, 起, 至).
  auto own_year = [&](const std::u32string& s) {
    for (size_t k = 4; k < s.size(); ++k) {
      if (s[k] != U'年' || s[k - 4] != U'2' || s[k - 3] != U'0' || !digit(s[k - 2]) || !digit(s[k - 1])) continue;
      if (k >= 5 && digit(s[k - 5])) continue;
      if (k + 1 < s.size() && std::u32string(U"以起至底末").find(s[k + 1]) != std::u32string::npos) continue;
      return true;
    }
    return false;
  };
  auto running = [](const std::u32string& s) {
    for (const char32_t* w : {U"累计", U"累計", U"累积", U"累積", U"以来", U"以來"}) {
      if (s.find(w) != std::u32string::npos) return true;
    }
    return false;
  };
  auto han = [](std::u32string s) {
    for (const char32_t* w : {U"人民币", U"人民幣"}) {
      for (size_t at = s.find(w); at != s.npos; at = s.find(w)) s.erase(at, std::char_traits<char32_t>::length(w));
    }
    std::u32string out;
    for (char32_t c : s) {
      if (c >= 0x4E00 && c <= 0x9FFF) out.push_back(c);
    }
    return out;
  };
  const Figure& tf = figures_[total];
  const Figure& pf = figures_[part];
  if (tf.unit != pf.unit || tf.kind != pf.kind || IsChangeLabel(tf.label) || IsChangeLabel(pf.label)) return false;
  const std::u32string tl = U32(tf.label), pl = U32(pf.label);
  // The words of a figure's clause before it, up to 30 code points (a label leaves the date out).
  auto words_before = [&](const Figure& f) {
    if (f.offset > doc_text.size()) return std::u32string();
    uint64_t from = f.offset > 90 ? f.offset - 90 : 0;
    while (from < f.offset && (static_cast<unsigned char>(doc_text[from]) & 0xC0) == 0x80) ++from;
    std::u32string u = U32(doc_text.substr(from, f.offset - from));
    const size_t stop = u.find_last_of(U"，,。；;：:");
    return stop == std::u32string::npos ? u : u.substr(stop + 1);
  };
  // The part's words after 其中.
  std::u32string lead = words_before(pf);
  const size_t of_which = lead.rfind(U"其中");
  if (of_which == std::u32string::npos) return false;
  lead.erase(0, of_which + 2);
  const std::u32string whole = words_before(tf);
  if (!running(tl) || own_year(whole) || running(lead) || !own_year(lead)) return false;
  const std::u32string th = han(tl), ph = han(pl);
  for (size_t a = 0; a + 1 < ph.size(); ++a) {
    if (th.find(ph.substr(a, 2)) != std::u32string::npos) return true;
  }
  return false;
}

template <typename Tokens>
bool RelationAnalysis::RateClauseBetween(const Tokens& toks, std::string_view doc_text, long total, long rate,
                                         long subset, int part) const {
  if (toks[rate].type != Tok::kFact) return false;
  const Figure& r = figures_[toks[rate].figure];
  const Figure& tf = figures_[toks[total].figure];
  // A rate named with 同比 (同比进步率为49.40%) is still a rate: its label ends with 率.
  const std::u32string rate_stem = LabelStem(r.label);
  const bool named_rate = !rate_stem.empty() && rate_stem.back() == U'率';
  // "占员工总数1/4": a share written as a fraction, two bare numbers (the first the smaller, after 占)
  // joined by a slash, stands for a rate; the clause is read from its numerator.
  long opens = rate;
  bool share = r.kind == ESGAUDIT_FACT_PERCENT && (!IsChangeLabel(r.label) || named_rate);
  if (!share && r.kind == ESGAUDIT_FACT_QUANTITY && r.unit.empty() && rate >= 2 && toks[rate - 1].type == Tok::kEnum &&
      toks[rate - 2].type == Tok::kFact) {
    const Figure& n = figures_[toks[rate - 2].figure];
    const uint64_t end = n.offset + n.length;
    share = n.kind == ESGAUDIT_FACT_QUANTITY && n.unit.empty() && n.value > 0 && n.value < r.value &&
            Has(n.label, "占") && r.offset >= end && r.offset <= doc_text.size() &&
            doc_text.substr(end, r.offset - end) == "/";
    opens = rate - 2;
  }
  // "机组82台，装机容量4549.5万千瓦，其中…机组58台": a measure of the total's things in another unit
  // (not money, no change) says more about them, as a rate does.
  const bool measure = !share && r.kind == ESGAUDIT_FACT_QUANTITY && !r.unit.empty() && r.unit != tf.unit &&
                       !MoneyUnit(r.unit) && !IsChangeLabel(r.label) && !SameThingsCounted(r, tf);
  if (!share && !measure) return false;
  for (long k = rate + 1; k < subset; ++k) {
    if (toks[k].type != Tok::kComma) return false;
  }
  long c = opens - 1;
  while (c > total && (toks[c].type == Tok::kText || toks[c].type == Tok::kTotal)) --c;
  if (c <= total || toks[c].type != Tok::kComma) return false;
  // Amounts of money are left out: 归属于母公司的净利润 may exceed 净利润 (a minority's loss).
  if (MoneyUnit(tf.unit)) return false;
  for (long k = total + 1, depth = 0; k < c; ++k) {
    const Tok type = toks[k].type;
    if (type == Tok::kOpen) ++depth;
    if (type == Tok::kClose && --depth < 0) return false;
    if (type == Tok::kComma || type == Tok::kEnd || type == Tok::kSubset || type == Tok::kTotal) return false;
    if (type == Tok::kFact && (depth == 0 || figures_[toks[k].figure].unit == tf.unit)) return false;
  }
  // The part names the total's noun: its label's last two characters, or the first two of its noun
  // after the unit, stand in the total's label or noun.
  const Figure& pf = figures_[part];
  const std::u32string whole = HanOf(tf.label) + NounAfterUnit(tf);
  const std::u32string stem = HanOf(ToUtf8(LabelStem(pf.label)));
  const std::u32string noun = NounAfterUnit(pf);
  if ((stem.size() >= 2 && whole.find(stem.substr(stem.size() - 2)) != std::u32string::npos) ||
      (noun.size() >= 2 && whole.find(noun.substr(0, 2)) != std::u32string::npos)) {
    return true;
  }
  // "考核的83项技术经济指标，同比进步率为49.40%，其中18项达行业先进水平": a bare count right after 其中,
  // in the total's classifier and after a rate (not a measure), counts "of them": the total's things,
  // when the total is the only figure of that unit in its sentence before it.
  if (measure || subset + 1 >= static_cast<long>(toks.size()) || toks[subset + 1].type != Tok::kFact ||
      toks[subset + 1].figure != part || pf.unit != tf.unit) {
    return false;
  }
  for (long k = total - 1; k >= 0 && toks[k].type != Tok::kEnd; --k) {
    if (toks[k].type == Tok::kFact && figures_[toks[k].figure].unit == tf.unit) return false;
  }
  return true;
}

template <typename Tokens>
void RelationAnalysis::FindShareOfBaseSubsets(const Tokens& toks, std::string_view doc_text) {
  static const std::vector<std::u32string> kLeads = {U"的比例为", U"的比重为", U"的比例", U"的比重", U"比例为",
                                                     U"比重为", U"比例", U"比重", U"的", U"约", U"达", U"为"};
  static const std::vector<std::u32string> kTotalEnds = {U"总人数", U"总数", U"总额", U"总量", U"总和"};
  // Every part with its share of a named base, in the paragraph's order, for the sums below.
  struct ShareOf {
    int part, share;
    std::u32string base, stem;
  };
  std::vector<ShareOf> shares;
  for (size_t p = 2; p < toks.size(); ++p) {
    if (toks[p].type != Tok::kFact) continue;
    const Figure& share = figures_[toks[p].figure];
    if (share.kind != ESGAUDIT_FACT_PERCENT || share.qualifiers != 0 || share.value <= 0 || share.value >= 100) {
      continue;
    }
    // Back over the clause's words to its comma; the token before it is the part.
    size_t c = p;
    while (c > 0 && (toks[c - 1].type == Tok::kText || toks[c - 1].type == Tok::kTotal) && p - c < 24) --c;
    if (c < 2 || toks[c - 1].type != Tok::kComma) continue;
    // "73.05亿股（A股），占总股本的67.64%": a bracket of words naming the part may stand before the comma;
    // such a part is read for the sums below only.
    long before = static_cast<long>(c) - 2;
    bool remark = false;
    if (toks[before].type == Tok::kClose) {
      long open = before - 1;
      while (open >= 0 && toks[open].type == Tok::kText && before - open <= 8) --open;
      if (open < 1 || toks[open].type != Tok::kOpen) continue;
      before = open - 1;
      remark = true;
    }
    if (toks[before].type != Tok::kFact) continue;
    const int part_index = toks[before].figure;
    const Figure& part = figures_[part_index];
    if (part.kind != ESGAUDIT_FACT_QUANTITY || part.unit.empty() || IsChangeLabel(part.label)) continue;
    if (WordsAfter(part) > share.offset || share.offset > doc_text.size()) continue;
    std::u32string between;
    for (char32_t ch : U32(doc_text.substr(WordsAfter(part), share.offset - WordsAfter(part)))) {
      if (ch != U' ' && ch != U'\t' && ch != U'\n' && ch != U'\r' && ch != 0x3000) between.push_back(ch);
    }
    if (remark && (between[0] == U'（' || between[0] == U'(')) {
      const size_t close = between.find_first_of(U"）)");
      between.erase(0, close == std::u32string::npos ? between.size() : close + 1);
    }
    if (between.size() < 5 || (between[0] != U'，' && between[0] != U',') || between[1] != U'占') continue;
    // 占到 / 占了员工总数的…: the verb's particle is no word of the base.
    const size_t base_from = between.size() > 5 && (between[2] == U'到' || between[2] == U'了') ? 3 : 2;
    std::u32string base = between.substr(base_from);
    for (bool cut = true; cut;) {
      cut = false;
      for (const std::u32string& w : kLeads) {
        if (base.size() > w.size() && base.compare(base.size() - w.size(), w.size(), w) == 0) {
          base.resize(base.size() - w.size());
          cut = true;
          break;
        }
      }
    }
    if (!std::all_of(base.begin(), base.end(), [](char32_t ch) { return ch >= 0x4E00 && ch <= 0x9FFF; })) continue;
    // The base's words without its total word: 总装机容量 -> 装机容量, 员工总数 -> 员工.
    std::u32string stem = base;
    bool total_word = false;
    for (const std::u32string& w : kTotalEnds) {
      if (!total_word && stem.size() > w.size() && stem.compare(stem.size() - w.size(), w.size(), w) == 0) {
        stem.resize(stem.size() - w.size());
        total_word = true;
      }
    }
    if (!total_word && stem.find(U'总') != std::u32string::npos) {
      stem.erase(stem.find(U'总'), 1);
      total_word = true;
    }
    if (!total_word || stem.size() < 2 || stem.find(U'总') != std::u32string::npos) continue;
    shares.push_back({part_index, toks[p].figure, base, stem});
    if (remark) continue;
    // The base is looked for back to the sentence's start; past a semicolon only when the clause
    // before it is itself a part with its share of the same base ("员工5473人，本科以上员工1281人，
    // 占员工总数的23.40%；具有职称员工1158人，占员工总数的21.16%"): a figure giving its own share of
    // the base is a part of it, never the base. The base so found past a semicolon is read from
    // meaning: a part above it is a warning.
    int base_index = -1;
    bool crossed = false;
    for (size_t k = c - 2; k-- > 0;) {
      if (toks[k].type == Tok::kEnd) {
        const bool after_sibling = shares.size() >= 2 && shares[shares.size() - 2].base == base &&
                                   shares[shares.size() - 2].share == (k > 0 && toks[k - 1].type == Tok::kFact
                                                                           ? toks[k - 1].figure
                                                                           : -1);
        if (!toks[k].semicolon || !after_sibling) break;
        crossed = true;
        continue;
      }
      if (toks[k].type != Tok::kFact) continue;
      if (std::any_of(shares.begin(), shares.end(),
                      [&](const ShareOf& s) { return s.part == toks[k].figure && s.base == base; })) {
        continue;
      }
      const Figure& g = figures_[toks[k].figure];
      if (g.kind != part.kind || g.unit != part.unit || IsChangeLabel(g.label)) continue;
      if (LabelStem(g.label).find(stem) == std::u32string::npos) continue;
      base_index = toks[k].figure;
      break;
    }
    if (base_index < 0) continue;
    Relation r = Stated(RelationKind::kSubset, base_index, {part_index});
    r.cue = SubsetCue::kShareOf;
    if (crossed) r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
  // "境内人民币普通股73.05亿股（A股），占总股本的67.64%；海外上市外资股34.95亿股（H股），占总股本的32.36%":
  // consecutive parts giving their shares of one base, the shares adding up to 100 % as printed, are
  // the whole of the base: their sum is the base's figure stated earlier in the paragraph (the nearest
  // of the parts' unit whose label holds the base's words without the total word: 总股本 -> 股本).
  // The longest such run is taken; the pairing crosses sentences, so a sum off is a warning. Their
  // shares are a breakdown of the base as well. A run whose shares do not make 100 % is taken by its
  // counts instead: parts that add up to the base as printed are its whole all the same, and shares
  // off 100 % are a warning.
  auto base_before = [&](const ShareOf& s) {
    const Figure& first = figures_[s.part];
    int base_index = -1;
    for (size_t k = 0; k < toks.size(); ++k) {
      const Figure* g = toks[k].type == Tok::kFact ? &figures_[toks[k].figure] : nullptr;
      if (g == nullptr || g->offset >= first.offset) continue;
      if (g->kind == first.kind && g->unit == first.unit && !IsChangeLabel(g->label) &&
          LabelStem(g->label).find(s.stem) != std::u32string::npos) {
        base_index = toks[k].figure;
      }
    }
    return base_index;
  };
  for (size_t a = 0; a + 1 < shares.size(); ++a) {
    size_t best = a;
    double low = figures_[shares[a].share].low, high = figures_[shares[a].share].high;
    size_t run_end = a;  // the last part of the run of one base and unit
    for (size_t b = a + 1; b < shares.size() && shares[b].base == shares[a].base; ++b) {
      const Figure& pb = figures_[shares[b].part];
      const Figure& pa = figures_[shares[a].part];
      if (pb.kind != pa.kind || pb.unit != pa.unit) break;
      run_end = b;
      low += figures_[shares[b].share].low;
      high += figures_[shares[b].share].high;
      if (low <= 100 && high >= 100) best = b;
    }
    const int base_index = best > a || run_end > a ? base_before(shares[a]) : -1;
    if (base_index < 0) continue;
    const bool by_shares = best > a;
    if (!by_shares) {
      const Figure& base = figures_[base_index];
      double sum_low = figures_[shares[a].part].low, sum_high = figures_[shares[a].part].high;
      for (size_t b = a + 1; b <= run_end; ++b) {
        sum_low += figures_[shares[b].part].low;
        sum_high += figures_[shares[b].part].high;
        if (sum_low <= base.high && base.low <= sum_high) best = b;
      }
      if (best == a) continue;
    }
    std::vector<int> parts, pcts;
    for (size_t k = a; k <= best; ++k) {
      parts.push_back(shares[k].part);
      pcts.push_back(shares[k].share);
    }
    Relation r = Stated(RelationKind::kPartsTotal, base_index, std::move(parts));
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent && r.sum_low <= 2 * figures_[base_index].high && r.sum_high >= 0.5 * figures_[base_index].low;
    if (r.consistent || r.flag) Add(std::move(r));
    Relation p = Stated(RelationKind::kPercentBreakdown, -1, std::move(pcts));
    p.caption = figures_[base_index].label;
    p.certainty = Certainty::kLikely;
    p.flag = !p.consistent && !by_shares;
    if (p.consistent || p.flag) Add(std::move(p));
    a = best;
  }
}

template <typename Tokens>
void RelationAnalysis::AnalyseTokens(const Tokens& toks, std::string_view doc_text) {
  auto fig = [this](const Token& t) -> const Figure* {
    return t.type == Tok::kFact ? &figures_[t.figure] : nullptr;
  };
  auto same_unit = [](const Figure& a, const Figure& b) {
    return a.kind == b.kind && a.unit == b.unit;
  };
  // The bracket matching the one at `k` (kOpen forward, kClose backward) within the sentence and
  // 200 tokens (a remark is short; the bound keeps a long unbracketed line linear), or -1.
  auto matching = [&](long k) -> long {
    const int dir = toks[k].type == Tok::kOpen ? 1 : -1;
    for (long j = k + dir, depth = 1; j >= 0 && j < static_cast<long>(toks.size()) && std::labs(j - k) <= 200;
         j += dir) {
      if (toks[j].type == Tok::kEnd) return -1;
      if (toks[j].type == toks[k].type) ++depth;
      if (toks[j].type == (dir > 0 ? Tok::kClose : Tok::kOpen) && --depth == 0) return j;
    }
    return -1;
  };
  // Parts of `total` from token `from` in direction `dir` to the sentence end. A bracketed remark
  // ("（含研发人员2,189位）") is skipped; one holding its own 其中 makes the parts overlap (`nested`).
  // A bracket holding one figure and nothing else right after a word ("大理州（7所）、红河州（2所）")
  // gives that word its figure: no remark, and no separator either.
  auto lone_figure_bracket = [&](long k) {
    if (toks[k].type != Tok::kOpen && toks[k].type != Tok::kClose) return false;
    const long open = toks[k].type == Tok::kOpen ? k : k - 2;
    return open >= 1 && open + 2 < static_cast<long>(toks.size()) && toks[open].type == Tok::kOpen &&
           toks[open + 1].type == Tok::kFact && toks[open + 2].type == Tok::kClose && toks[open - 1].type == Tok::kText;
  };
  bool through_semicolons = false, stopped_at_semicolon = false;
  // `explained_parts`: a clause without any figure right after a part's clause and ending at a
  // semicolon says what the part is for ("环保资金投入15.15亿元，重点用于…；节能资金投入10.9亿元，
  // 重点用于…") and goes on the list (with `through_semicolons`); `passed_explanation`: the last
  // collect did pass one.
  bool explained_parts = false, passed_explanation = false;
  // `share_clauses`: a clause giving only the share of the part before it goes on the list (see
  // collect); `passed_share_clause`: the last collect did go past one.
  bool share_clauses = true, passed_share_clause = false;
  // `late_start`: the last collect (forward) found its first part past a clause that gave a figure
  // but no part ("其中海外收入约占50%，实现净利润21.4亿元").
  bool late_start = false;
  // The last token the last `collect` read: where it stopped, or the paragraph's edge (-1: none).
  long stopped_at = -1;
  // A total word between a part's label and its figure ("意外险保费累计3000元", "用于甲类产品共计25张"):
  // label text before it in its clause and the figure right after it, or after the one or two
  // characters of the figure's own qualifier ("现场服务累计超过2,000人次", "累计约3.4亿元"). Right
  // after the subset word the total word opens the part's label, which then runs up to its figure
  // ("其中累计派发现金红利约3.4亿元": the part too is counted up to now).
  auto qualifies_figure = [&](long k) {
    if (toks[k].type != Tok::kTotal || k == 0) return false;
    if (toks[k - 1].type == Tok::kSubset) {
      long j = k + 1;
      while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText) ++j;
      return j > k + 1 && j < static_cast<long>(toks.size()) && toks[j].type == Tok::kFact;
    }
    if (toks[k - 1].type != Tok::kText) return false;
    for (long j = k + 1; j < static_cast<long>(toks.size()) && j <= k + 3; ++j) {
      if (toks[j].type == Tok::kFact) return j == k + 1 || figures_[toks[j].figure].qualifiers != 0;
      if (toks[j].type != Tok::kText) return false;
    }
    return false;
  };
  // Whether a figure follows token `k` in its sentence.
  auto figure_ahead = [&](long k) {
    for (long e = k + 1; e < static_cast<long>(toks.size()) && toks[e].type != Tok::kEnd; ++e) {
      if (toks[e].type == Tok::kFact) return true;
    }
    return false;
  };
  auto collect = [&](size_t from, int dir, const Figure& total, bool* enumerated, bool* nested) {
    std::vector<int> parts;
    stopped_at_semicolon = false;
    stopped_at = -1;
    bool enum_sep = false, comma_sep = false, first_opens = false;
    bool clause_part = false;  // the current clause gave a part
    bool last_clause_part = false;  // the clause before it did
    bool share_clause = false;  // the current clause gives only the share of that part
    passed_share_clause = false;
    late_start = false;
    bool clause_figure = false;  // the current clause holds a figure that is no part
    bool any_figure = false;  // the current clause holds a figure at all
    bool explanation = false;  // the current clause is an explanation (see explained_parts)
    passed_explanation = false;
    bool first_qualified = false;  // the first part's figure follows a total word of its label
    *nested = false;
    for (long k = static_cast<long>(from); k >= 0 && k < static_cast<long>(toks.size()); k += dir) {
      stopped_at = k;
      const Token& t = toks[k];
      if (lone_figure_bracket(k)) continue;
      // The first part's total word belongs to its label (nothing before it to total); a later
      // one does only when the first part had one too (the parts are worded alike). Otherwise a
      // total word ends the list ("其中A 10人、B 20人，合计30人").
      if (dir > 0 && qualifies_figure(k) && (parts.empty() || first_qualified)) {
        if (parts.empty()) first_qualified = true;
        continue;
      }
      if (t.type == (dir > 0 ? Tok::kOpen : Tok::kClose)) {
        long m = matching(k);
        if (m >= 0) {
          for (long j = std::min(k, m); j <= std::max(k, m); ++j) {
            if (toks[j].type == Tok::kSubset) *nested = true;
          }
          if (*nested) break;
          k = m;
          continue;
        }
      }
      // A subset word whose sentence holds no figure says what the list covers ("…运营维护投入1,319万元，
      // 包含…各项费用。") and only ends it; with a figure it opens an overlapping list of its own.
      if (t.type == Tok::kSubset) *nested = figure_ahead(k);
      // `through_semicolons`: a semicolon separates the list's clauses like a comma (a clause
      // without a part still ends the list); otherwise the list ends there, said in
      // `stopped_at_semicolon`.
      if (t.type == Tok::kEnd && t.semicolon && dir > 0 && !parts.empty()) {
        stopped_at_semicolon = clause_part;
        const bool explains = explained_parts && !clause_part && !any_figure && last_clause_part && !explanation;
        if (!through_semicolons || (!clause_part && !explains)) break;
        passed_explanation = passed_explanation || explains;
        comma_sep = true;
        last_clause_part = clause_part;
        clause_part = false;
        any_figure = false;
        explanation = explains;
        continue;
      }
      // "占员工总数的60%": the total word of a share clause (see below) ends nothing.
      if (t.type == Tok::kTotal && share_clauses && dir > 0 && !parts.empty() && !clause_part && last_clause_part) {
        long j = k + 1;
        while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText) ++j;
        const Figure* g = j < static_cast<long>(toks.size()) ? fig(toks[j]) : nullptr;
        if (g != nullptr && g->kind == ESGAUDIT_FACT_PERCENT && Has(g->label, "占")) continue;
      }
      if (t.type == Tok::kEnd || t.type == Tok::kClose || t.type == Tok::kSubset || t.type == Tok::kTotal) break;
      if (t.type == Tok::kEnum && !parts.empty()) enum_sep = true;
      if ((t.type == Tok::kComma || t.type == Tok::kOpen) && parts.empty()) {
        late_start = late_start || (dir > 0 && clause_figure);
        clause_figure = false;
      }
      if ((t.type == Tok::kComma || t.type == Tok::kOpen) && !parts.empty()) {
        // "其中执行董事4名、非执行董事5名，独立董事占比不低于三分之一，女性董事3名": a clause
        // without a part ends the list, unless it only gives the share of the part before it (an
        // explanation, see explained_parts, ends at a semicolon or the sentence's end).
        if (!clause_part && !share_clause) break;
        comma_sep = true;
        last_clause_part = clause_part;
        clause_part = false;
        share_clause = false;
        any_figure = false;
      }
      const Figure* f = fig(t);
      if (f == nullptr) continue;
      any_figure = true;
      if (parts.empty()) clause_figure = true;  // until it is taken as a part
      // "较上年增长12人": a change is never a part.
      if (IsChangeLabel(f->label)) continue;
      // "支付利息169,842万元。其中，总规模15亿元的06北辰债…": a figure labelled as a size when its total
      // is none (an amount paid) is the size of another thing the clause speaks of (a bond, a fund,
      // a plant), no part of the total; a part may still follow in the clause. Sizes within a size
      // (总规模29710吨/日，其中焚烧18550吨/日; 设计能力…，其中单厂规模…) stay parts.
      if (SizeLabel(f->label) && !SizeLabel(total.label)) continue;
      // "其中男性员工120人，占员工总数的60%，女性员工80人": a clause holding the share of the part
      // before it (占 …%) and nothing else goes on the list.
      if (share_clauses && dir > 0 && !parts.empty() && !clause_part && last_clause_part && !share_clause &&
          f->kind == ESGAUDIT_FACT_PERCENT && Has(f->label, "占")) {
        share_clause = true;
        passed_share_clause = true;
        continue;
      }
      share_clause = false;
      // "高级职称271人，中级职称893人，20人入选..." — a clause opening with the number says
      // something else about it.
      bool opens = k == 0 || toks[k - 1].type == Tok::kComma ||
                   (toks[k - 1].type == Tok::kOpen && !lone_figure_bracket(k - 1)) ||
                   toks[k - 1].type == Tok::kSubset || toks[k - 1].type == Tok::kEnum;
      if (dir > 0 && !parts.empty() && opens && !first_opens) break;
      // "其中46名干部成功竞聘上岗，组建了170多人的后备干部库": a later clause whose words end in 了 right
      // before its figure reports an action of its own, no further part.
      if (dir > 0 && !parts.empty() && !clause_part && k > 0 && toks[k - 1].type == Tok::kText &&
          token_chars_ != nullptr && (*token_chars_)[k - 1] == U'了') {
        break;
      }
      if (parts.empty()) first_opens = opens;
      // "申请专利55项，其中发明专利16项，授权专利39项，其中发明专利5项": a figure with a 其中 list
      // of its own ends this list. A subset word whose sentence holds no figure says what the
      // amount covers ("运营维护投入1,319万元，包含…各项费用"): no list, the figure stays a part.
      if (dir > 0 && !parts.empty()) {
        long j = k + 1;
        while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText && j - k <= 12) ++j;
        if (j + 1 < static_cast<long>(toks.size()) && toks[j].type == Tok::kComma &&
            toks[j + 1].type == Tok::kSubset) {
          if (figure_ahead(j + 1)) break;
        }
      }
      if (same_unit(*f, total) || SameThingsCounted(*f, total)) {
        parts.push_back(t.figure);
        clause_part = true;
      } else if (f->kind == total.kind && !parts.empty() && MoneyUnit(total.unit) && CountUnit(f->unit)) {
        // "承销金额1284亿元，承销家数132家，…主承销金额231亿元": a count beside a part in money says how
        // many deals the amount was, another dimension of the same part; it neither ends the list
        // nor is a part, and its clause goes on the list.
        clause_part = true;
      } else if (f->kind == total.kind && clause_part && MoneyUnit(total.unit) && !f->unit.empty() &&
                 !MoneyUnit(f->unit) && dir > 0 && toks[k - 1].type == Tok::kText) {
        // "其中，300万元用于建设5条水渠，100万元用于助学": a measure after the words of a part in money,
        // in the part's own clause, says what the amount bought; the list goes on.
        continue;
      } else if (f->kind == total.kind) {
        break;  // another quantity: a new list begins
      }
    }
    std::sort(parts.begin(), parts.end());
    *enumerated = enum_sep && !comma_sep;
    return parts;
  };
  // after_subset_word: the parts follow 其中 / 包括 and no bracketed 其中 of their own.
  auto add_parts_total = [&](int total, std::vector<int> parts, bool enumerated, bool after_subset_word,
                             SubsetCue cue = SubsetCue::kOfWhich) {
    Relation r = Stated(RelationKind::kPartsTotal, total, std::move(parts));
    // "员工总数900人，其中女性员工500人，党员员工600人": groups along two different dimensions overlap;
    // a sum off says nothing (the caller may take each as a subset).
    // The parts naming every category of a closed dimension (男100人，女19人 beside 少数民族28人) are
    // still its sum.
    if (after_subset_word && !r.consistent && AlongDifferentDimensions(r.parts)) {
      for (size_t d = 0; d < Dimensions().size(); ++d) {
        if (!Dimensions()[d].closed) continue;
        std::vector<int> of_dim;
        for (int p : r.parts) {
          if (Categorise(figures_[p].label).first == static_cast<int>(d)) of_dim.push_back(p);
        }
        if (of_dim.size() < 2 || !CategoriesOf(of_dim).complete) continue;
        // The other groups of the list (少数民族员工28人 beside 男 / 女) are each a subset of the total
        // when they name its noun, as a list of such kinds is (add_kinds below).
        std::vector<int> others;
        for (int p : r.parts) {
          if (std::find(of_dim.begin(), of_dim.end(), p) == of_dim.end() && NamingOf(total, {p}).names_total) {
            others.push_back(p);
          }
        }
        Relation closed = Stated(RelationKind::kPartsTotal, total, std::move(of_dim));
        closed.flag = !closed.consistent;
        Add(std::move(closed));
        for (int p : others) {
          Relation sub = Stated(RelationKind::kSubset, total, {p});
          sub.cue = cue;
          sub.flag = !sub.consistent;
          Add(std::move(sub));
        }
        return true;
      }
      return false;
    }
    r.flag = Reportable(r, enumerated);
    // Parts that name their total ("监事5名，其中职工代表监事2名、非职工代表监事3名") or close the set
    // with 其他 cannot exceed it; with 其他 they cannot fall short either.
    // Other parts after 其中 may overlap (女性60人，党员50人): their sum above the total is a warning.
    if (after_subset_word && !r.consistent && !r.flag) {
      const PartNaming naming = NamingOf(total, r.parts);
      if (r.sum_low > figures_[total].high && r.sum_low <= 1.5 * figures_[total].high) {
        r.flag = true;
        if (!naming.names_total && !naming.closed) r.certainty = Certainty::kLikely;
      } else if (r.sum_high < figures_[total].low && r.sum_high >= 0.67 * figures_[total].low) {
        r.flag = naming.closed;
      }
    }
    if (!r.consistent && !r.flag) return false;
    Add(std::move(r));
    return true;
  };
  std::set<int> totals_done;
  // Each (total, part) a subset the text states, flagged when the part exceeds its total.
  auto add_subsets = [&](const std::vector<std::pair<int, int>>& pairs) {
    for (const auto& [total, part] : pairs) {
      Relation r = Stated(RelationKind::kSubset, total, {part});
      r.flag = !r.consistent;
      totals_done.insert(total);
      Add(std::move(r));
    }
  };
  std::map<int, int> subset_of;  // single 其中 subset -> its total
  for (size_t t = 0; t < toks.size(); ++t) {
    // "进入初审共877篇（台湾639篇、海外238篇）": a bracket right after a figure listing parts of its
    // unit, one after another, and nothing else.
    if (const Figure* total = fig(toks[t]); total != nullptr && t + 1 < toks.size() &&
                                            toks[t + 1].type == Tok::kOpen &&
                                            total->kind == ESGAUDIT_FACT_QUANTITY && !total->unit.empty()) {
      long close = matching(static_cast<long>(t + 1));
      std::vector<int> parts;
      bool listed = close > 0;
      bool enumerated = false;
      for (long j = static_cast<long>(t) + 2; listed && j < close; ++j) {
        const Figure* f = fig(toks[j]);
        if (toks[j].type == Tok::kEnum || toks[j].type == Tok::kComma) enumerated = enumerated || !parts.empty();
        if (toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal || toks[j].type == Tok::kOpen ||
            toks[j].type == Tok::kEnd) {
          listed = false;
        } else if (f != nullptr) {
          listed = same_unit(*f, *total) && !IsChangeLabel(f->label);
          parts.push_back(toks[j].figure);
        }
      }
      if (listed && enumerated && parts.size() >= 2) {
        Relation r = Stated(RelationKind::kPartsTotal, toks[t].figure, parts);
        const Categories cats = CategoriesOf(r.parts);
        // Listed parts may overlap (女性…、党员…) or leave some out: above the total is a warning,
        // an error only for categories of one dimension; below it only when they name them all.
        r.flag = !r.consistent && ((r.sum_low > total->high && r.sum_low <= 2 * total->high) ||
                                   (r.sum_high < total->low && cats.complete));
        if (!cats.same_dimension && !cats.complete) r.certainty = Certainty::kLikely;
        if (r.consistent || r.flag) {
          totals_done.insert(toks[t].figure);
          Add(std::move(r));
        }
      }
    }
    // "增加义工人数732名至2,446人": an increase by a figure, 至 (到) right after it and the level it
    // reached, of one unit: what was there before is no less than nothing, so the increase is within
    // the level. Not for money (a loss may turn into a profit), percentages or a decrease. An
    // approximate figure on either side makes it a warning.
    if (const Figure* inc = fig(toks[t]); inc != nullptr && token_chars_ != nullptr && t + 2 < toks.size() &&
                                          toks[t + 1].type == Tok::kText &&
                                          ((*token_chars_)[t + 1] == U'至' || (*token_chars_)[t + 1] == U'到') &&
                                          toks[t + 2].type == Tok::kFact) {
      const Figure& level = figures_[toks[t + 2].figure];
      const std::string l = Lower(inc->label);
      const bool increase = (Has(l, "增加") || Has(l, "增长") || Has(l, "新增") || Has(l, "提高") || Has(l, "提升") ||
                             Has(l, "上升") || Has(l, "扩大")) &&
                            !Has(l, "减") && !Has(l, "下降") && !Has(l, "降低");
      if (increase && inc->kind == ESGAUDIT_FACT_QUANTITY && level.kind == ESGAUDIT_FACT_QUANTITY &&
          !inc->unit.empty() && inc->unit == level.unit && !MoneyUnit(inc->unit) && inc->value >= 0 &&
          level.value >= 0) {
        Relation r = Stated(RelationKind::kSubset, toks[t + 2].figure, {toks[t].figure});
        r.cue = SubsetCue::kIncrease;
        if (inc->qualifiers != 0 || level.qualifiers != 0) r.certainty = Certainty::kLikely;
        r.flag = !r.consistent;
        Add(std::move(r));
      }
    }
    // "本集团经营41家百货店及购物中心，分别为29家…百货店及12家…购物中心": a count, its noun, then 分别为
    // (分别是) opening the next clause (or right after the noun) and a list of figures of the count's
    // unit joined by 及 / 和 / 与 / 、 or commas to the sentence's end: the count's parts, one by one.
    // Figures of another unit in the list (销售额分别为…亿元) or of another thing before 分别 (a year, a
    // second count) leave it unread. The parts may leave some out or overlap, so a sum off is a
    // warning unless they name every category of a closed set.
    if (const Figure* whole = fig(toks[t]); whole != nullptr && token_chars_ != nullptr &&
                                            whole->kind == ESGAUDIT_FACT_QUANTITY && !whole->unit.empty() &&
                                            !IsChangeLabel(whole->label)) {
      const std::vector<char32_t>& ch = *token_chars_;
      size_t k = t + 1;
      for (int n = 0; k < toks.size() && n < 20 && (toks[k].type == Tok::kText || toks[k].type == Tok::kEnum) &&
                      ch[k] != U'分';
           ++k, ++n) {
      }
      if (k < toks.size() && toks[k].type == Tok::kComma) ++k;
      const bool respectively = k + 2 < toks.size() && ch[k] == U'分' && (ch[k + 1] == U'别' || ch[k + 1] == U'別') &&
                                (ch[k + 2] == U'为' || ch[k + 2] == U'為' || ch[k + 2] == U'是') && k > t + 1;
      std::vector<int> listed;
      bool joined = true, other = false;
      bool sep = false;  // a joining word or comma since the last part
      for (size_t j = respectively ? k + 3 : toks.size(); j < toks.size() && toks[j].type != Tok::kEnd; ++j) {
        if (toks[j].type == Tok::kOpen) {
          const long m = matching(static_cast<long>(j));
          if (m < 0) break;
          j = static_cast<size_t>(m);
          continue;
        }
        if (toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal || toks[j].type == Tok::kClose) {
          other = true;
          break;
        }
        if (toks[j].type == Tok::kEnum || toks[j].type == Tok::kComma) sep = true;
        const Figure* f = fig(toks[j]);
        if (f == nullptr) continue;
        if (f->kind != whole->kind || (!same_unit(*f, *whole) && !SameThingsCounted(*f, *whole)) ||
            IsChangeLabel(f->label)) {
          other = true;
          break;
        }
        joined = joined && (listed.empty() || sep);
        listed.push_back(toks[j].figure);
        sep = false;
      }
      if (respectively && !other && joined && listed.size() >= 2) {
        Relation r = Stated(RelationKind::kPartsTotal, toks[t].figure, listed);
        r.flag = !r.consistent && r.sum_low <= 2 * whole->high && r.sum_high >= 0.5 * whole->low;
        if (!CategoriesOf(r.parts).complete) r.certainty = Certainty::kLikely;
        if (r.consistent || r.flag) {
          totals_done.insert(toks[t].figure);
          Add(std::move(r));
        }
      }
    }
    // "拥有售后服务商167家，售后服务网点766个（其中新增售后服务商9家，售后服务网点15个）": a bracket
    // right after the last of two or more totals of different units opens with 其中 and lists one
    // figure per total: each is a subset of the nearest earlier figure of its unit in the sentence,
    // when it names that total's noun (its label's last two characters stand in the total's label).
    // The units tell the pairs apart: two parts of one unit leave the bracket to the reading below.
    if (toks[t].type == Tok::kSubset && t >= 2 && toks[t - 1].type == Tok::kOpen && toks[t - 2].type == Tok::kFact) {
      const long close = matching(static_cast<long>(t - 1));
      std::vector<std::pair<int, int>> pairs;  // (total, part)
      bool sure = close > 0;
      std::set<std::string> units;
      for (long j = static_cast<long>(t) + 1; sure && j < close; ++j) {
        if (toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal || toks[j].type == Tok::kOpen) sure = false;
        const Figure* f = fig(toks[j]);
        if (!sure || f == nullptr || f->kind == ESGAUDIT_FACT_YEAR || f->kind == ESGAUDIT_FACT_DATE) continue;
        if (f->kind != ESGAUDIT_FACT_QUANTITY || f->unit.empty() || MoneyUnit(f->unit) || !units.insert(f->unit).second ||
            Has(f->label, "减") || Has(f->label, "下降")) {
          sure = false;
          continue;
        }
        int total = -1;
        for (long b = static_cast<long>(t) - 2; b >= 0 && toks[b].type != Tok::kEnd; --b) {
          const Figure* g = fig(toks[b]);
          if (g != nullptr && g->kind == ESGAUDIT_FACT_QUANTITY && g->unit == f->unit) {
            total = toks[b].figure;
            break;
          }
        }
        const std::u32string stem = total >= 0 ? HanOf(ToUtf8(LabelStem(f->label))) : std::u32string();
        sure = stem.size() >= 2 && HanOf(figures_[total].label).find(stem.substr(stem.size() - 2)) != std::u32string::npos &&
               !IsChangeLabel(figures_[total].label);
        pairs.emplace_back(total, toks[j].figure);
      }
      // The last total is the figure the bracket follows.
      if (sure && pairs.size() >= 2 &&
          std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == toks[t - 2].figure; })) {
        add_subsets(pairs);
        continue;
      }
    }
    // "公司现任10名高管中，女性高管为4名": a count, its noun and 中 (among) close a clause; the next
    // clause's figure, of the count's unit, is a subset of it.
    std::vector<int> among_more;
    if (int among = AmongSubset(toks, t, &among_more); among >= 0) {
      among_more.insert(among_more.begin(), among);
      for (int part : among_more) {
        Relation r = Stated(RelationKind::kSubset, toks[t].figure, {part});
        r.cue = SubsetCue::kAmong;
        r.flag = !r.consistent;
        Add(std::move(r));
      }
    }
    // "发现泄漏点650个，并通过紧固、更换阀门等，对其中的303个泄漏点进行了修复": 其中的 right before a
    // count whose noun repeats the end of an earlier count's label, with clauses of words only between
    // them in the sentence (no figure, at most kWordsBetween tokens): the count is a subset of it.
    if (toks[t].type == Tok::kSubset && token_chars_ != nullptr && t + 2 < toks.size() &&
        toks[t + 1].type == Tok::kText && (*token_chars_)[t + 1] == U'的' && toks[t + 2].type == Tok::kFact) {
      constexpr long kWordsBetween = 40;
      const Figure& part = figures_[toks[t + 2].figure];
      const std::u32string noun = NounAfterUnit(part);
      int whole = -1;
      for (long j = static_cast<long>(t) - 1; j >= 0 && static_cast<long>(t) - j <= kWordsBetween; --j) {
        if (toks[j].type == Tok::kEnd || toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal) break;
        if (toks[j].type != Tok::kFact) continue;
        const Figure& g = figures_[toks[j].figure];
        const std::u32string stem = HanOf(ToUtf8(LabelStem(g.label)));
        if (g.kind == ESGAUDIT_FACT_QUANTITY && g.unit == part.unit && !part.unit.empty() && !IsChangeLabel(g.label) &&
            noun.size() >= 2 && stem.size() >= 2) {
          // The part's noun opens with the label's last two or three characters (泄漏点).
          for (size_t n = std::min<size_t>(3, stem.size()); n >= 2; --n) {
            if (noun.compare(0, n, stem, stem.size() - n, n) == 0) {
              whole = toks[j].figure;
              break;
            }
          }
        }
        break;  // the nearest figure only
      }
      if (whole >= 0) {
        Relation r = Stated(RelationKind::kSubset, whole, {toks[t + 2].figure});
        r.flag = !r.consistent;
        Add(std::move(r));
        continue;
      }
    }
    // Parts each of the unit of one of several totals before 其中 (see PartsOfTotalsByUnit).
    if (const auto by_unit = PartsOfTotalsByUnit(toks, t); !by_unit.empty()) {
      add_subsets(by_unit);
      continue;
    }
    if (toks[t].type == Tok::kSubset) {
      long k = static_cast<long>(t) - 1;
      int ends = 0;
      // "1,200 employees in total, of which": a total marker may stand between.
      bool marker = false;
      int words = 0;
      int passed = 0;  // tokens passed other than bracketed remarks
      while (k >= 0) {
        // "共有员工10465人（含销售类客户经理），其中": a bracketed remark stands between.
        if (toks[k].type == Tok::kClose) {
          long m = matching(k);
          if (m >= 0) {
            k = m - 1;
            continue;
          }
        }
        // "申请专利15,772件（其中…）": the bracket opening the 其中 list separates like a comma.
        if (!(toks[k].type == Tok::kComma || toks[k].type == Tok::kOpen || toks[k].type == Tok::kTotal ||
              ((toks[k].type == Tok::kEnd || toks[k].type == Tok::kClose) && ends++ == 0) ||
              (marker && toks[k].type == Tok::kText && ++words <= 2))) {
          break;
        }
        marker = marker || toks[k].type == Tok::kTotal;
        ++passed;
        --k;
      }
      // "监事会由5名监事组成，其中", "完成305项新品工艺开发项目，其中": words after the total close
      // its clause, up to 20 characters ("10台燃煤机组全部完成超低排放改造，其中": a noun and a verb phrase).
      // 构成 reads as 组成 there ("由11名董事构成，其中"), though it is a composition token. A bracketed
      // remark may follow the words ("发行了3.5亿股A股（代码：600011），其中"). A conjunction ends the
      // words (it may join another thing to the total: "完成超低排放与节能改造"), except in words saying
      // what an amount is for ("捐赠400万元用于基础设施建设和助学，其中"): it joins two uses of it.
      auto clause_word = [&](long j, bool purpose) {
        if (toks[j].type == Tok::kEnum) {
          return purpose && j >= 1 && j + 1 < static_cast<long>(t) && toks[j - 1].type == Tok::kText &&
                 toks[j + 1].type == Tok::kText;
        }
        return toks[j].type == Tok::kText || toks[j].type == Tok::kCompose;
      };
      if (k >= 0 && !marker && clause_word(k, false) && passed == 1) {
        for (bool purpose : {false, true}) {
          long j = k;
          for (int n = 0; j >= 0 && clause_word(j, purpose) && n < 20; ++n) --j;
          const bool amount_used = j >= 0 && toks[j].type == Tok::kFact && MoneyUnit(figures_[toks[j].figure].unit) &&
                                   token_chars_ != nullptr && j + 2 < static_cast<long>(t) &&
                                   (*token_chars_)[j + 1] == U'用' &&
                                   ((*token_chars_)[j + 2] == U'于' || (*token_chars_)[j + 2] == U'作');
          if (j >= 0 && toks[j].type == Tok::kFact && (!purpose || amount_used)) {
            k = j;
            break;
          }
        }
      }
      if (k < 0) continue;
      // "…合同制员工为4,600人…。其中合同制员工包括300位管理人员，1,100位技术人员…": a subset word right
      // after a label that alone makes its clause names its total by that label: the nearest earlier
      // figure (on the first part's line or the three lines before it) of the first part's unit whose
      // label ends with it. Parts so found are checked as other parts after 其中.
      if (toks[k].type == Tok::kText && k + 1 == static_cast<long>(t) && token_chars_ != nullptr) {
        long b = k;
        while (b >= 0 && toks[b].type == Tok::kText) --b;
        const long n = k - b;
        const bool opens_clause = b < 0 || toks[b].type == Tok::kSubset || toks[b].type == Tok::kComma ||
                                  toks[b].type == Tok::kEnd;
        long first = -1;
        for (long j = static_cast<long>(t) + 1; j < static_cast<long>(toks.size()) && toks[j].type != Tok::kEnd; ++j) {
          if (fig(toks[j]) != nullptr) {
            first = j;
            break;
          }
        }
        int named = -1, named_rank = 0;
        if (opens_clause && n >= 2 && n <= 12 && first >= 0) {
          std::u32string name;
          for (long j = b + 1; j <= k; ++j) name.push_back((*token_chars_)[j]);
          const Figure& part = figures_[toks[first].figure];
          for (size_t i = 0; i < figures_.size(); ++i) {
            const Figure& g = figures_[i];
            if (g.offset >= part.offset || g.line + 3 < part.line || g.kind != ESGAUDIT_FACT_QUANTITY ||
                g.unit.empty() || g.unit != part.unit || IsChangeLabel(g.label)) {
              continue;
            }
            // A label equal to the name beats one ending with it ("公司合同制员工"); one negating
            // it ("非合同制员工") names something else.
            const std::u32string stem = LabelStem(g.label);
            if (stem.size() < name.size() || stem.compare(stem.size() - name.size(), name.size(), name) != 0) continue;
            const size_t before = stem.size() - name.size();
            if (before > 0 && std::u32string(U"非不未无").find(stem[before - 1]) != std::u32string::npos) continue;
            const int rank = before == 0 ? 2 : 1;
            if (rank > named_rank || (rank == named_rank && g.offset > figures_[named].offset)) {
              named = static_cast<int>(i);
              named_rank = rank;
            }
          }
        }
        if (named >= 0 && !totals_done.count(named)) {
          bool enumerated = false, nested = false;
          std::vector<int> parts = collect(t + 1, +1, figures_[named], &enumerated, &nested);
          if (parts.size() >= 2) {
            totals_done.insert(named);
            add_parts_total(named, std::move(parts), enumerated, !nested);
          }
          continue;
        }
      }
      // "码头泊位60个，岸线长度16436米，设计吞吐能力30797万吨，其中集装箱泊位13个、…": when the figure
      // before 其中 is of another unit than the first part, the total is the nearest earlier figure of
      // the sentence in the parts' unit, taken only when the parts name it (泊位).
      if (const Figure* before = fig(toks[k]); before != nullptr) {
        long first = -1;
        for (long j = static_cast<long>(t) + 1; j < static_cast<long>(toks.size()); ++j) {
          if (toks[j].type == Tok::kEnd || toks[j].type == Tok::kClose || toks[j].type == Tok::kSubset) break;
          if (fig(toks[j]) != nullptr) {
            first = j;
            break;
          }
        }
        const Figure* part = first >= 0 ? fig(toks[first]) : nullptr;
        // "完成净利润5,008万元，比上年下降76.92%，其中归属于母公司股东的净利润3,786万元": a change of the
        // figure before it, in a clause of its own words, stands between a total and its 其中. The
        // total is that figure when it is of the parts' unit and 其中 goes on the change's sentence
        // (after "…增长6.67%。其中" the parts may be of an earlier figure of the paragraph).
        // "研发投入11.06亿元，同比增长33.23%。其中，研发费用为7.15亿元，…增长6.67%。其中，制造板块的研发投入
        // 9.63亿元": a 其中 opening the sentence right after a figure and its change (the figure, a
        // bracketed remark allowed, a comma, up to 12 characters of words and the change ending the
        // sentence) opens a part of that figure when the part's label shares two characters with the
        // figure's. When that figure is itself the single part of an earlier 其中, the part is of the
        // earlier total instead where its label names that total (its stem's last two characters)
        // and not the figure: a second 其中 read as of the first total. One part only; the pairing
        // crosses a sentence, so a part above its total is a warning.
        if (part != nullptr && !part->unit.empty() && IsChangeLabel(before->label) && k + 2 == static_cast<long>(t) &&
            toks[k + 1].type == Tok::kEnd && !IsChangeLabel(part->label)) {
          long j = k - 1;
          while (j >= 0 && toks[j].type == Tok::kText && k - j <= 12) --j;
          long g = j >= 1 && j < k - 1 && toks[j].type == Tok::kComma ? j - 1 : -1;
          if (g >= 0 && toks[g].type == Tok::kClose) {
            const long m = matching(g);
            g = m >= 1 ? m - 1 : -1;
          }
          const Figure* gf = g >= 0 ? fig(toks[g]) : nullptr;
          int whole = -1;
          const std::u32string part_han = HanOf(part->label);
          auto stem_end = [&](int figure) {
            const std::u32string stem = HanOf(ToUtf8(LabelStem(figures_[figure].label)));
            return stem.size() >= 2 ? stem.substr(stem.size() - 2) : std::u32string();
          };
          auto names = [&](int figure) {
            const std::u32string end = stem_end(figure);
            return !end.empty() && part_han.find(end) != std::u32string::npos;
          };
          if (gf != nullptr && gf->unit == part->unit && gf->kind == part->kind && !IsChangeLabel(gf->label)) {
            const int gi = toks[g].figure;
            if (auto outer = subset_of.find(gi); outer != subset_of.end()) {
              if (figures_[outer->second].unit == part->unit && names(outer->second) && !names(gi)) whole = outer->second;
            } else {
              const std::u32string g_han = HanOf(gf->label);
              for (size_t a = 0; a + 1 < part_han.size() && whole < 0; ++a) {
                if (g_han.find(part_han.substr(a, 2)) != std::u32string::npos) whole = gi;
              }
            }
          }
          if (whole >= 0) {
            bool enumerated = false, nested = false;
            std::vector<int> parts = collect(t + 1, +1, figures_[whole], &enumerated, &nested);
            if (parts.size() == 1 && !nested && parts[0] == toks[first].figure) {
              subset_of[parts[0]] = whole;
              Relation r = Stated(RelationKind::kSubset, whole, parts);
              r.certainty = Certainty::kLikely;
              r.flag = !r.consistent;
              Add(std::move(r));
              continue;
            }
            // A list is left to the readings below.
          }
        }
        long changed = -1;
        bool same_sentence = true;
        for (long j = k + 1; j < static_cast<long>(t); ++j) same_sentence = same_sentence && toks[j].type != Tok::kEnd;
        if (part != nullptr && !part->unit.empty() && same_sentence && IsChangeLabel(before->label) &&
            (part->unit != before->unit || part->kind != before->kind)) {
          long j = k - 1;
          while (j >= 0 && toks[j].type == Tok::kText && k - j <= 12) --j;
          const Figure* g = j >= 1 && j < k - 1 && toks[j].type == Tok::kComma ? fig(toks[j - 1]) : nullptr;
          if (g != nullptr && g->unit == part->unit && g->kind == part->kind && !IsChangeLabel(g->label)) {
            changed = j - 1;
          }
        }
        if (changed >= 0) {
          k = changed;
        } else if (part != nullptr && !part->unit.empty() &&
                   (part->unit != before->unit || part->kind != before->kind)) {
          for (long j = k - 1; j >= 0 && k - j <= 200 && toks[j].type != Tok::kEnd && toks[j].type != Tok::kSubset;
               --j) {
            const Figure* g = fig(toks[j]);
            if (g == nullptr || g->unit != part->unit || g->kind != part->kind) continue;
            bool enumerated = false, nested = false;
            std::vector<int> parts = collect(t + 1, +1, *g, &enumerated, &nested);
            if (parts.size() >= 2 && NamingOf(toks[j].figure, parts).names_total) k = j;
            if (parts.size() == 1 && !nested &&
                (RateClauseBetween(toks, doc_text, j, k, t, parts[0]) ||
                 YearOfRunningTotal(doc_text, toks[j].figure, parts[0]))) {
              k = j;
            }
            break;
          }
        }
      }
      const Figure* total = fig(toks[k]);
      if (total == nullptr || total->kind != ESGAUDIT_FACT_QUANTITY || total->unit.empty()) continue;
      const std::string total_label = Lower(total->label);
      // "每股综合价值2.50元，其中每股净利润0.75元，每股纳税额1.75元": amounts per share add up when the
      // total and every part are per share (one denominator); an average or an intensity of a whole
      // is no sum of its groups' averages, so the other per-unit words stay excluded.
      const char* per_share = nullptr;
      for (const char* w : {"每股", "per share"}) {
        if (Has(total_label, w)) per_share = w;
      }
      if (per_share == nullptr && std::any_of(std::begin(kPerUnitWords), std::end(kPerUnitWords),
                                              [&](const char* w) { return Has(total_label, w); })) {
        continue;
      }
      bool enumerated = false, nested = false;
      std::vector<int> parts = collect(t + 1, +1, *total, &enumerated, &nested);
      const bool past_shares = passed_share_clause;
      if (parts.empty()) continue;
      // Parts found past a clause that gave a figure but no part ("实现营业收入1064.7亿元，其中海外收入
      // 约占50%，实现净利润21.4亿元"): the 其中 said its piece there, and a later clause is a statement
      // of its own unless its parts name the total's noun ("共有员工92556人，其中女性员工占52.82%，
      // 少数民族员工3832人").
      if (late_start && !NamingOf(toks[k].figure, parts).names_total) continue;
      if (per_share != nullptr && !std::all_of(parts.begin(), parts.end(), [&](int p) {
            return Has(Lower(figures_[p].label), per_share);
          })) {
        continue;
      }
      long list_end = stopped_at;
      // "融资1529亿元，其中，债券…1284亿元，…股权…231亿元；新三板…14亿元。": parts falling short of their
      // total at a semicolon go on past it when the clauses after it make up the total exactly
      // (the arithmetic, not the semicolon, says the list goes on: a semicolon mostly ends one).
      if (stopped_at_semicolon) {
        Relation before = Stated(RelationKind::kPartsTotal, toks[k].figure, parts);
        if (before.sum_high < total->low) {
          bool e2 = false, n2 = false;
          through_semicolons = true;
          std::vector<int> longer = collect(t + 1, +1, *total, &e2, &n2);
          through_semicolons = false;
          if (longer.size() > parts.size() && Stated(RelationKind::kPartsTotal, toks[k].figure, longer).consistent) {
            parts = std::move(longer);
            enumerated = e2;
            nested = n2;
            list_end = -1;
          }
        }
      }
      // "其中，环保资金投入15.15亿元，重点用于…；节能资金投入10.9亿元，重点用于…。": a list stopped at a
      // clause saying what its part is for goes on past it (and past semicolons) when each further
      // clause opens with a part, the list runs to its sentence's end and the parts name the total
      // (资金投入): the wording, not the arithmetic, says so, and the list is then checked as a sum.
      if (list_end >= 0 && (toks[list_end].type == Tok::kComma || toks[list_end].type == Tok::kEnd)) {
        bool e2 = false, n2 = false;
        through_semicolons = true;
        explained_parts = true;
        std::vector<int> longer = collect(t + 1, +1, *total, &e2, &n2);
        const bool explained = passed_explanation;
        through_semicolons = false;
        explained_parts = false;
        const bool to_end = stopped_at < 0 || stopped_at + 1 >= static_cast<long>(toks.size()) ||
                            (toks[stopped_at].type == Tok::kEnd && !toks[stopped_at].semicolon);
        if (explained && to_end && !n2 && longer.size() > parts.size() &&
            NamingOf(toks[k].figure, longer).names_total) {
          parts = std::move(longer);
          enumerated = e2;
          nested = n2;
          list_end = -1;
        }
      }
      // "招聘399人，其中男性294人，其中女性105人": the second 其中 continues the first list; it is not
      // a subset of 294.
      if (auto sib = subset_of.find(toks[k].figure); sib != subset_of.end()) {
        int outer = sib->second;
        relations_.erase(std::remove_if(relations_.begin(), relations_.end(),
                                        [&](const Relation& o) {
                                          return o.kind == RelationKind::kSubset && o.total == outer &&
                                                 o.parts == std::vector<int>{toks[k].figure};
                                        }),
                         relations_.end());
        std::vector<int> all{toks[k].figure};
        all.insert(all.end(), parts.begin(), parts.end());
        if (figures_[outer].unit == total->unit) add_parts_total(outer, std::move(all), false, true);
        continue;
      }
      // A total opened by 其中 itself is a sibling of these parts, whatever came before it.
      bool sibling = k > 0 && toks[k - 1].type == Tok::kSubset;
      for (long b = k - 1, words = 0; b >= 0 && words <= 8 && toks[b].type == Tok::kText; --b, ++words) {
        sibling = b > 0 && toks[b - 1].type == Tok::kSubset;
        if (sibling) break;
      }
      if (sibling) continue;
      totals_done.insert(toks[k].figure);
      if (parts.size() == 1 && CountsAnotherThing(*total, figures_[parts[0]])) continue;
      if (parts.size() == 1) subset_of[parts[0]] = toks[k].figure;
      if (parts.size() == 1) {
        Relation r = Stated(RelationKind::kSubset, toks[k].figure, parts);
        r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
        r.flag = !r.consistent;
        // "超过5,100人次，其中…超过2,000人次": two open lower bounds (超过, not 余 or 多: a little over)
        // are read up to the next step of their last digit, a convention, not what the words prove: a
        // part above its total so read is a warning.
        auto open_bound = [](const Figure& f) {
          return (f.qualifiers & ESGAUDIT_QUAL_MORE) && !Has(f.text, "余") && !Has(f.text, "多");
        };
        if (open_bound(*total) && open_bound(figures_[parts[0]])) r.certainty = Certainty::kLikely;
        Add(std::move(r));
      } else {
        // "员工总人数90,882人，其中残疾员工413人，少数民族员工4,932人，女性员工19,090人": kinds of the
        // total's noun that neither add up nor are reportable as a sum (they may overlap and leave
        // kinds out) are each a subset of it all the same: none may exceed the total.
        // "在职员工155人，其中本科及以上学历103人，中级以上职称的员工48人": groups of a headcount along
        // different dimensions are so too, named by their dimension rather than the total's noun. The
        // category words alone do not prove a clause counts the staff (当地培训高级职称人才): a group so
        // read above the total is a warning.
        auto add_kinds = [&](const std::vector<int>& kinds) {
          const bool named = NamingOf(toks[k].figure, kinds).names_total;
          if (!named && !GroupsOfAHeadcount(toks[k].figure, kinds)) return;
          for (int p : kinds) {
            Relation r = Stated(RelationKind::kSubset, toks[k].figure, {p});
            r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
            r.flag = !r.consistent;
            if (!named) r.certainty = Certainty::kLikely;
            Add(std::move(r));
          }
        };
        const bool summed = add_parts_total(toks[k].figure, parts, enumerated, !nested,
                                            toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich);
        if (!summed && !past_shares && !nested) add_kinds(parts);
        // A list taken past a share clause that neither adds up nor is reportable (an open set
        // falling short) is read as before: up to that clause.
        if (!summed && past_shares) {
          share_clauses = false;
          bool e2 = false, n2 = false;
          std::vector<int> head = collect(t + 1, +1, *total, &e2, &n2);
          share_clauses = true;
          if (head.size() == 1) {
            subset_of[head[0]] = toks[k].figure;
            Relation r = Stated(RelationKind::kSubset, toks[k].figure, head);
            r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
            r.flag = !r.consistent;
            Add(std::move(r));
          } else if (head.size() >= 2 && !add_parts_total(toks[k].figure, head, e2, !n2) && !n2) {
            add_kinds(head);  // "…女性员工19,090人，分别占员工总数的…%": the shares after the list
          }
        }
      }
      // "董事9名，其中执行董事2名，非执行董事4名，独立董事3名；男性董事6名，女性董事3名": after a
      // list ended by a semicolon, clauses naming every category of a closed set (男 / 女) and the
      // total's counted noun (董事) split the same total another way. Inferred from the wording: a
      // sum off is a warning.
      if (list_end >= 0 && toks[list_end].type == Tok::kEnd && toks[list_end].semicolon) {
        bool e2 = false, n2 = false;
        std::vector<int> split = collect(static_cast<size_t>(list_end) + 1, +1, *total, &e2, &n2);
        if (split.size() >= 2 && !n2 && CategoriesOf(split).complete &&
            NamingOf(toks[k].figure, split).names_total) {
          Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, std::move(split));
          r.flag = !r.consistent && r.sum_low <= 2 * total->high && r.sum_high >= 0.5 * total->low;
          r.certainty = Certainty::kLikely;
          if (r.consistent || r.flag) Add(std::move(r));
        }
      }
    } else if (toks[t].type == Tok::kTotal) {
      // The total follows its marker within the clause: 共申请专利89项, 合计: 740人.
      size_t k = t + 1;
      int text = 0;
      while (k < toks.size() && text < 12 &&
             (toks[k].type == Tok::kText || (toks[k].type == Tok::kComma && text == 0))) {
        if (toks[k].type == Tok::kText) ++text;
        ++k;
      }
      if (k >= toks.size()) continue;
      const Figure* total = fig(toks[k]);
      if (total == nullptr || total->kind != ESGAUDIT_FACT_QUANTITY || total->unit.empty()) continue;
      if (totals_done.count(toks[k].figure)) continue;
      bool enumerated = false, nested = false;
      std::vector<int> parts = t > 0 ? collect(t - 1, -1, *total, &enumerated, &nested) : std::vector<int>();
      if (parts.size() >= 2) {
        // "其中一期工程120万吨，二期工程80万吨，合计200万吨": parts from 其中 to a sum word (合计,
        // 总计, 共计; not 累计, which may add up past years) name the whole list: a sum off either way
        // is a warning, as the list may say something else than the total's parts.
        const std::string total_label = Lower(total->label);
        // "会议A 2次，会议B 6次，…，共计28次": a sum word (合计, 总计, 共计) right after parts that
        // are the sentence's only figures also names the whole list; not when a figure before the
        // parts, or a semicolon's clause, may hold a part the list left out.
        auto whole_sentence = [&]() {
          if (!toks[t].sum || stopped_at < 0) return false;
          for (long j = stopped_at; j >= 0; --j) {
            const Token& tk = toks[j];
            if (tk.type == Tok::kEnd) {
              if (!tk.semicolon) return true;
              return false;
            }
            if (tk.type == Tok::kSubset || tk.type == Tok::kTotal) return false;
            const Figure* f = fig(tk);
            if (f != nullptr && f->kind == total->kind &&
                std::find(parts.begin(), parts.end(), tk.figure) == parts.end()) {
              return false;
            }
          }
          return true;
        };
        const bool closed_list =
            stopped_at >= 0 &&
            ((toks[stopped_at].type == Tok::kSubset &&
              std::any_of(std::begin(kSumWords), std::end(kSumWords),
                          [&](const char* w) { return Has(total_label, w); })) ||
             whole_sentence());
        if (closed_list) {
          Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, std::move(parts));
          r.flag = Reportable(r, enumerated);
          if (!r.consistent && !r.flag && r.sum_low <= 2 * total->high && r.sum_high >= 0.5 * total->low) {
            r.flag = true;
            r.certainty = Certainty::kLikely;
          }
          if (r.consistent || r.flag) Add(std::move(r));
          continue;
        }
        add_parts_total(toks[k].figure, std::move(parts), enumerated, false);
        continue;
      }
      // "共有员工7932人（含经纪人），母公司6,835人，全资及控股子公司1,097人": parts after the total
      // without 其中 (a bracketed remark between), taken only when they name every category of a
      // closed set (男 / 女, or 母公司 / 子公司: a group's parent and its subsidiaries); each other
      // clause of the sentence (女性3000人 alone, 党员500人) leaves the set open, and no relation is read.
      std::vector<int> after = collect(k + 1, +1, *total, &enumerated, &nested);
      if (after.size() < 2 || nested) continue;
      bool parent_and_subsidiaries = false;
      if (after.size() == 2) {
        const std::string& a = figures_[after[0]].label;
        const std::string& b = figures_[after[1]].label;
        parent_and_subsidiaries = Has(a, "母公司") && !Has(a, "子公司") && Has(b, "子公司") && !Has(b, "母公司");
      }
      if (!parent_and_subsidiaries && !CategoriesOf(after).complete) continue;
      Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, after);
      r.flag = !r.consistent && r.sum_low <= 2 * total->high && r.sum_high >= 0.5 * total->low;
      // A group may count staff outside its parent and subsidiaries (an associate, a branch abroad).
      if (parent_and_subsidiaries) r.certainty = Certainty::kLikely;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  }
  FindShareOfBaseSubsets(toks, doc_text);
  // Percentages of one sentence: a composition (构成/结构/分布) or both halves of a closed dimension.
  size_t start = 0;
  for (size_t t = 0; t <= toks.size(); ++t) {
    if (t < toks.size() && toks[t].type != Tok::kEnd && toks[t].type != Tok::kClose) continue;
    bool compose = false;
    std::vector<int> pcts;
    bool enum_sep = false;
    // "…的50%，其中77%为畜牧业使用，23%为种植业使用": shares listed after 其中 split the thing the
    // sentence speaks of (not the figure before 其中); a change (同比增长20%) is no share.
    bool after_subset = false;
    bool changes = false;
    bool rate_sentence = false;
    for (size_t k = start; k < t; ++k) {
      if (toks[k].type == Tok::kCompose && pcts.empty()) compose = true;
      if (toks[k].type == Tok::kCompose) rate_sentence = rate_sentence || toks[k].rate;
      if (toks[k].type == Tok::kEnum && !pcts.empty()) enum_sep = true;
      if (toks[k].type == Tok::kSubset && !after_subset) {
        after_subset = true;
        pcts.clear();
        enum_sep = false;
      }
      const Figure* f = fig(toks[k]);
      if (f != nullptr && f->kind == ESGAUDIT_FACT_PERCENT) {
        pcts.push_back(toks[k].figure);
        changes = changes || IsChangeLabel(f->label);
      }
    }
    start = t + 1;
    if (pcts.size() < 2) continue;
    // Rates per category (男性员工培训覆盖率48%，女性员工培训覆盖率62%; 流失率分布; "Turnover rate: 55%
    // male / 45% female") are not summed.
    if (rate_sentence || RateBefore(doc_text, figures_[pcts[0]].offset) ||
        std::all_of(pcts.begin(), pcts.end(), [&](int p) { return NamesRate(figures_[p].label); })) {
      continue;
    }
    if (after_subset && !compose && !changes) {
      Relation r = Stated(RelationKind::kPercentBreakdown, -1, pcts);
      // Other shares may go unnamed: only a sum above 100% is reported, and as a warning unless
      // the parts name every category of a closed set. A sum far from 100% is no breakdown.
      double mid = (r.sum_low + r.sum_high) / 2;
      if (std::fabs(mid - 100) > kPlausible) continue;
      r.flag = !r.consistent && r.sum_low > 100;
      if (!CategoriesOf(r.parts).complete) r.certainty = Certainty::kLikely;
      if (r.consistent || r.flag) Add(std::move(r));
      continue;
    }
    std::set<std::string> cats;
    int dim = -2;
    for (int p : pcts) {
      auto [d, cat] = Categorise(figures_[p].label);
      dim = (d < 0 || (dim != -2 && d != dim)) ? -1 : d;
      if (dim < 0) break;
      cats.insert(cat);
    }
    bool closed_pair = dim >= 0 && Dimensions()[dim].closed && cats.size() == pcts.size();
    if (closed_pair) {
      std::set<std::string> all;
      for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
      closed_pair = all == cats;
    }
    if (!compose && !closed_pair) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, pcts);
    r.flag = Reportable(r, enum_sep);
    if (r.consistent || r.flag) Add(std::move(r));
  }
  FindRespectiveShares(toks);
  FindComplementSplits(toks, doc_text);
}

// "共受理投诉84件，主要涉及…等，其中已办结80件。尚未办结的有4件。": a total, then after 其中 the one
// part of its sentence, then the next sentence of the same paragraph (no blank line between), whose
// one figure ends it and is the part's complement: its words negate, with 未 (尚未), two characters of
// the part's words that the part does not negate itself (办结 … 未办结), and only filler words (的, 有,
// 为 …) or the part's own characters stand between them and its figure (完成处理 … 未完成处理的有;
// another noun there, 未办结的咨询, counts something else). Part and complement, both of the total's
// unit, are the whole of the total. Between the total and 其中 only words, commas and 、 may stand. The
// complement names the part's verb: a sum off is an error.
template <typename Tokens>
void RelationAnalysis::FindComplementSplits(const Tokens& toks, std::string_view doc_text) {
  if (token_chars_ == nullptr) return;
  const std::vector<char32_t>& chars = *token_chars_;
  const long n = static_cast<long>(toks.size());
  auto han = [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; };
  auto plain = [&](int f) {
    const Figure& g = figures_[f];
    return g.kind == ESGAUDIT_FACT_QUANTITY && !g.unit.empty() && !IsChangeLabel(g.label);
  };
  for (long t = 0; t < n; ++t) {
    if (toks[t].type != Tok::kSubset || toks[t].contains || toks[t].including) continue;
    // The total: the nearest figure before 其中 in its sentence, past words, commas and 、 only.
    long k = t - 1;
    while (k >= 0 && t - k <= 60 &&
           (toks[k].type == Tok::kText || toks[k].type == Tok::kComma || toks[k].type == Tok::kEnum)) {
      --k;
    }
    if (k < 0 || toks[k].type != Tok::kFact || !plain(toks[k].figure)) continue;
    const Figure& total = figures_[toks[k].figure];
    // The one figure of the sentence from token `from` to its end (`*end`, the kEnd or n); -1 when
    // the sentence holds none, or more, or anything but words and commas besides it.
    auto lone_figure = [&](long from, long* end) {
      long at = -1;
      bool clean = true;
      for (*end = from; *end < n && toks[*end].type != Tok::kEnd; ++*end) {
        if (toks[*end].type == Tok::kFact) {
          clean = clean && at < 0;
          at = *end;
        } else if (toks[*end].type != Tok::kText && toks[*end].type != Tok::kComma) {
          clean = false;
        }
      }
      return clean ? at : -1;
    };
    // The part: the one figure of 其中's sentence, which ends with a full stop.
    long end = 0;
    const long a = lone_figure(t + 1, &end);
    if (a < 0 || end >= n || toks[end].semicolon || !plain(toks[a].figure)) continue;
    // The complement: the one figure of the next sentence, ending it.
    long end2 = 0;
    const long b = lone_figure(end + 1, &end2);
    if (b < 0 || b + 1 != end2) continue;
    const int fa = toks[a].figure, fb = toks[b].figure;
    if (!plain(fb) || figures_[fa].unit != total.unit || figures_[fb].unit != total.unit ||
        figures_[fa].kind != total.kind || figures_[fb].kind != total.kind) {
      continue;
    }
    // A blank line between part and complement ends the paragraph (a line break alone may wrap it).
    {
      const uint64_t from = figures_[fa].offset, to = figures_[fb].offset;
      if (to <= from || to > doc_text.size()) continue;
      const std::string_view between = doc_text.substr(from, to - from);
      bool blank = false;
      for (size_t at = between.find('\n'); at != std::string_view::npos && !blank; at = between.find('\n', at + 1)) {
        size_t j = at + 1;
        while (j < between.size() && (between[j] == ' ' || between[j] == '\t' || between[j] == '\r')) ++j;
        blank = j < between.size() && between[j] == '\n';
      }
      if (blank) continue;
    }
    // The part's words (after 其中) and the complement's (its sentence up to its figure).
    std::u32string part_words, comp_words;
    for (long j = t + 1; j < a; ++j) {
      if (toks[j].type == Tok::kText) part_words.push_back(chars[j]);
    }
    for (long j = end + 1; j < b; ++j) {
      if (toks[j].type != Tok::kText) {
        comp_words.clear();  // only the complement's own clause
        continue;
      }
      comp_words.push_back(chars[j]);
    }
    static const std::u32string kFiller = U"的有为為是共计計达達约約余";
    bool complement = false;
    for (size_t i = 0; i + 2 < comp_words.size() && !complement; ++i) {
      if (comp_words[i] != U'未' || !han(comp_words[i + 1]) || !han(comp_words[i + 2])) continue;
      const std::u32string verb = comp_words.substr(i + 1, 2);
      size_t at = part_words.find(verb);
      if (at == std::u32string::npos || (at > 0 && std::u32string(U"未不非无無").find(part_words[at - 1]) != std::u32string::npos)) {
        continue;
      }
      bool filler = true;
      for (size_t j = i + 3; j < comp_words.size(); ++j) {
        filler = filler && (kFiller.find(comp_words[j]) != std::u32string::npos ||
                            part_words.find(comp_words[j]) != std::u32string::npos);
      }
      complement = filler;
    }
    if (!complement) continue;
    // The reading replaces a lone subset of the part already read after 其中; any other reading of
    // the total or the complement stands, and then this one is not made.
    auto lone_subset = [&](const Relation& o) {
      return o.kind == RelationKind::kSubset && o.total == toks[k].figure && o.parts == std::vector<int>{fa};
    };
    if (std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) {
          return !lone_subset(o) &&
                 (o.total == toks[k].figure || std::count(o.parts.begin(), o.parts.end(), fb) > 0);
        })) {
      continue;
    }
    relations_.erase(std::remove_if(relations_.begin(), relations_.end(), lone_subset), relations_.end());
    Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, {fa, fb});
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// "煤炭、发电、运输、煤化工板块的占比分别为33%、26%、40%和1%": names listed in a clause of words only
// (no figure, no marker, no rate), joined by 、 / 和 / 与 / 及, then a share word (占比, 比例, 比重)
// right before 分别 (为, 是), then exactly as many shares as names, joined the same way, ending the
// clause: the shares of one whole, one per name. The names may overlap or leave some out (本科以上 /
// 硕士以上), so a list is taken only within kPlausible points of 100 %, and a sum above 100 % is a
// warning. Rates (分别 after 增长率, 覆盖率) and changes are no shares.
template <typename Tokens>
void RelationAnalysis::FindRespectiveShares(const Tokens& toks) {
  if (token_chars_ == nullptr) return;
  const std::vector<char32_t>& ch = *token_chars_;
  for (size_t t = 2; t + 2 < toks.size(); ++t) {
    if (ch[t] != U'分' || ch[t + 1] != U'别') continue;
    const std::u32string share{ch[t - 2], ch[t - 1]};
    if (share != U"占比" && share != U"比例" && share != U"比重") continue;
    // The names' clause, back to its start.
    size_t names = 0;
    bool words_only = true;
    long b = static_cast<long>(t) - 3;
    for (; b >= 0; --b) {
      const Tok type = toks[b].type;
      if (type == Tok::kComma || type == Tok::kEnd) break;
      if (type == Tok::kEnum) {
        // 与, 和, 及 inside a word (参与, 涉及, 和谐, 及时) join no names.
        const char32_t before = b > 0 ? ch[b - 1] : 0, after = ch[b + 1];
        if (std::u32string_view(U"参给授涉普危顾波惠").find(before) != std::u32string_view::npos ||
            std::u32string_view(U"谐时格").find(after) != std::u32string_view::npos) {
          words_only = false;
          break;
        }
        ++names;
      } else if (type != Tok::kText || ch[b] == U'率' || (ch[b] >= U'0' && ch[b] <= U'9')) {
        words_only = false;
        break;
      }
    }
    if (!words_only || names == 0) continue;
    // The shares.
    size_t k = t + 2;
    if (k < toks.size() && toks[k].type == Tok::kText && (ch[k] == U'为' || ch[k] == U'是')) ++k;
    std::vector<int> pcts;
    bool ok = true;
    for (; k < toks.size(); ++k) {
      const Tok type = toks[k].type;
      if (type == Tok::kComma || type == Tok::kEnd) break;
      const bool expect_figure = pcts.empty() || toks[k - 1].type == Tok::kEnum;
      if (type == Tok::kFact && expect_figure) {
        const Figure& f = figures_[toks[k].figure];
        if (f.kind != ESGAUDIT_FACT_PERCENT || IsChangeLabel(f.label)) ok = false;
        pcts.push_back(toks[k].figure);
      } else if (!(type == Tok::kEnum && !expect_figure)) {
        ok = false;
      }
      if (!ok) break;
    }
    if (!ok || pcts.size() != names + 1 || toks[k - 1].type != Tok::kFact) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, pcts);
    if (std::fabs((r.sum_low + r.sum_high) / 2 - 100) > kPlausible) continue;
    r.flag = !r.consistent && r.sum_low > 100;
    r.certainty = Certainty::kLikely;
    if (r.consistent || r.flag) Add(std::move(r));
  }
}

namespace {

// A grid cell's text (tags removed, entities decoded).
std::string Txt(const esgaudit_table_cell& c) { return std::string(sdk::View(c.text)); }

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
  for (const char* w : {"合计", "总计", "总数", "共计", "总人数", "total", "小计", "subtotal", "grandtotal"}) {
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
  std::string l = Lower(label);
  return Has(l, "其中") || Has(l, "小计") || Has(l, "of which") || Has(l, "including") ||
         Has(l, "incl.") || (!l.empty() && (l[0] == '-' || l.rfind("–", 0) == 0));  // "– Upstream", not "Scope 1 – Direct"
}

bool RateLabel(const std::string& label);  // below, with the model's table reader

// A row of a table that opens the parts of the row above it: "其中：中国内地", "Of which: Korea".
bool OfWhichLabel(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  return l.rfind("其中", 0) == 0 || l.rfind("ofwhich", 0) == 0;
}

// A row naming the total of the rows next to it: a total word (合计, 总计, Total, 员工总数) or a
// quantity's total (温室气体排放总量, 采购总额) that names no category itself.
bool RowTotalLabel(const std::string& label) {
  if (IsTotalLabel(label)) return true;
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  for (const char* open : {"(", "\xEF\xBC\x88"}) {  // a unit in brackets: "(吨)"
    size_t at = l.rfind(open);
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

// "按性别划分的员工人数" -> "员工", "Employees by gender" -> "employees": the counted noun of a
// breakdown group; empty when the label does not name a breakdown.
std::string BreakdownNoun(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  std::string noun;
  if (Has(l, "按") && (Has(l, "划分") || Has(l, "分"))) {
    size_t de = l.rfind("的");
    if (de == std::string::npos) return "";
    noun = l.substr(de + std::string("的").size());
  } else {
    std::string spaced = Lower(label);
    size_t by = spaced.find(" by ");
    if (by == std::string::npos) return "";
    noun = spaced.substr(0, by);
    noun.erase(std::remove(noun.begin(), noun.end(), ' '), noun.end());
    const std::string prefix = "numberof";
    if (noun.rfind(prefix, 0) == 0) noun = noun.substr(prefix.size());
  }
  for (const char* tail : {"人数", "数量", "总数", "数"}) {
    std::string t(tail);
    if (noun.size() > t.size() && noun.compare(noun.size() - t.size(), t.size(), t) == 0) {
      noun.resize(noun.size() - t.size());
      break;
    }
  }
  return Cps(noun) >= 2 ? noun : "";
}

}  // namespace

// Tables of the model written as markup (HTML or Markdown pipe tables), read from their grids: total rows and columns, row groups with a total
// child (本年度吸纳就业人数: 总数 / 男性 / 女性), and breakdown groups (按性别划分的员工人数) against the
// total row of the same noun (员工总数) in the same table or one of the two tables before it.
void RelationAnalysis::FindMarkupTotals(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  std::vector<sdk::TableGrid> tables;  // the model's tables with a grid, in text order
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if (t.grid_rows == 0 || (t.source & (ESGAUDIT_TABLE_SOURCE_HTML | ESGAUDIT_TABLE_SOURCE_PIPES)) == 0) continue;
    tables.emplace_back(doc, t);
    if (tables.back().Rows() == 0) tables.pop_back();
  }
  if (tables.empty()) return;
  std::map<uint64_t, int> figure_at;  // text offset -> figure
  for (size_t i = 0; i < figures_.size(); ++i) figure_at[figures_[i].offset] = static_cast<int>(i);
  auto strip = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  // The figure a cell holds as its whole content, or -1.
  auto figure_in = [&](const esgaudit_table_cell& c) -> int {
    auto it = figure_at.lower_bound(c.offset);
    if (it == figure_at.end() || it->first >= c.offset + c.length) return -1;
    const Figure& f = figures_[it->second];
    if (f.offset + f.length > c.offset + c.length) return -1;
    // Bands (30岁以下, 50岁以上) are category labels, not values.
    if ((f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) || f.unit == "岁") return -1;
    const std::string cell = strip(Txt(c));
    return cell.compare(0, f.text.size(), f.text) == 0 && FootnoteTail(std::string_view(cell).substr(f.text.size()))
               ? it->second
               : -1;
  };
  struct RowTotal {  // a row naming a total, for breakdown groups
    size_t table;
    std::string label;
    std::string unit;  // unit column text
    std::map<std::string, int> by_column;  // column header -> figure
  };
  std::vector<RowTotal> row_totals;

  // `unsure`: the group may have lost rows to an OCR-broken label above it; a short sum says nothing.
  auto make = [&](Relation r, bool layout, bool unsure = false) {
    SumParts(&r);
    const double lo = r.sum_low, hi = r.sum_high;
    double tlo = r.total >= 0 ? figures_[r.total].low : 100;
    double thi = r.total >= 0 ? figures_[r.total].high : 100;
    r.consistent = lo <= thi && tlo <= hi;
    // A sum far from the total is another kind of figure (an average, a rate, a wrong grouping).
    bool plausible = lo <= 1.5 * thi && hi >= 0.67 * tlo;
    // Inferred from the layout (a breakdown group against a total row of an earlier table), a sum
    // short of the total may leave a band printed elsewhere: a warning naming the shortfall.
    r.flag = !r.consistent && plausible && (!unsure || lo > thi);
    r.evidence = layout ? Evidence::kLayout : Evidence::kStated;
    r.certainty = layout ? Certainty::kLikely : Certainty::kCertain;
    if (r.consistent || r.flag) Add(std::move(r));
  };
  // Parts and total of one kind and unit, with no qualifier; percentages only as shares of 100%.
  auto uniform = [&](const std::vector<int>& parts, int total, const std::vector<std::string>& units) {
    const Figure& t = figures_[total];
    if (t.qualifiers != 0 || parts.size() < 2) return false;
    for (size_t k = 0; k < parts.size(); ++k) {
      const Figure& f = figures_[parts[k]];
      if (f.kind != t.kind || f.unit != t.unit || f.qualifiers != 0 || f.value < 0) return false;
    }
    for (const std::string& u : units) {
      if (u != units.front()) return false;
    }
    bool percent = t.kind == ESGAUDIT_FACT_PERCENT || (!units.empty() && units.front() == "%");
    return !percent || t.value == 100;
  };
  auto relation = [&](int total, std::vector<int> parts, std::string caption,
                      const std::vector<std::string>& units) {
    Relation r;
    bool percent = figures_[total].kind == ESGAUDIT_FACT_PERCENT || (!units.empty() && units.front() == "%");
    r.kind = percent ? RelationKind::kPercentBreakdown : RelationKind::kPartsTotal;
    r.total = percent ? -1 : total;
    if (percent) {
      r.caption_offset = figures_[total].offset;
      r.caption_length = figures_[total].length;
    }
    r.caption = std::move(caption);
    r.parts = std::move(parts);
    return r;
  };

  for (size_t ti = 0; ti < tables.size(); ++ti) {
    const sdk::TableGrid& t = tables[ti];
    const uint32_t rows = t.Rows(), cols = t.Cols();
    // Figures at the top-left of their cell.
    std::vector<std::vector<int>> fig(rows, std::vector<int>(cols, -1));
    int first_data = -1;
    for (uint32_t r = 0; r < rows; ++r) {
      for (uint32_t c = 0; c < cols; ++c) {
        const esgaudit_table_cell* cell = t.At(r, c);
        if (cell == nullptr || cell->row != r || cell->column != c) continue;
        fig[r][c] = figure_in(*cell);
        if (fig[r][c] >= 0 && first_data < 0) first_data = static_cast<int>(r);
      }
    }
    if (first_data < 0) continue;
    int unit_col = -1;
    std::vector<std::string> header(cols);
    for (uint32_t r = 0; r < static_cast<uint32_t>(first_data); ++r) {
      for (uint32_t c = 0; c < cols; ++c) {
        const esgaudit_table_cell* cell = t.At(r, c);
        if (cell == nullptr || Txt(*cell).empty()) continue;
        header[c] = Txt(*cell);
        std::string l = Lower(strip(Txt(*cell)));
        if (l == "单位" || l == "unit" || l == "units" || l == "unitofmeasure") unit_col = static_cast<int>(c);
      }
    }
    auto unit_of = [&](uint32_t r) -> std::string {
      const esgaudit_table_cell* cell = unit_col >= 0 ? t.At(r, static_cast<uint32_t>(unit_col)) : nullptr;
      return cell ? strip(Txt(*cell)) : "";
    };
    // The label cells of a row: text cells left of its first figure, the unit column excluded.
    auto labels = [&](uint32_t r) {
      std::vector<const esgaudit_table_cell*> out;
      for (uint32_t c = 0; c < cols; ++c) {
        if (fig[r][c] >= 0) break;
        const esgaudit_table_cell* cell = t.At(r, c);
        if (cell == nullptr || static_cast<int>(c) == unit_col || cell->column != c) continue;
        if (!out.empty() && out.back() == cell) continue;
        if (!Txt(*cell).empty() && figure_in(*cell) < 0) out.push_back(cell);
      }
      return out;
    };
    // The extractor's label of a figure in markup is the tag before it: use the row label.
    for (uint32_t r = 0; r < rows; ++r) {
      auto lab = labels(r);
      for (uint32_t c = 0; c < cols; ++c) {
        if (fig[r][c] < 0) continue;
        Figure& f = figures_[fig[r][c]];
        std::string l = lab.empty() ? "" : Txt(*lab.back());
        if (!l.empty() || Has(f.label, ">")) f.label = l;
        // Whole counts are exact when the unit column names a count unit (人, 次).
        if (f.unit.empty() && f.decimals == 0 && f.magnitude == 1 && f.qualifiers == 0 &&
            IsCountUnit(unit_of(r))) {
          f.low = f.high = std::fabs(f.value);
        }
      }
    }
    std::vector<uint32_t> fig_cols;
    for (uint32_t c = 0; c < cols; ++c) {
      for (uint32_t r = 0; r < rows; ++r) {
        if (fig[r][c] >= 0) {
          fig_cols.push_back(c);
          break;
        }
      }
    }

    // Total column: a header cell naming the total; the figure cells left of it add up to it.
    for (uint32_t tc = 1; tc < cols; ++tc) {
      if (!IsTotalLabel(header[tc])) continue;
      for (uint32_t r = static_cast<uint32_t>(first_data); r < rows; ++r) {
        if (fig[r][tc] < 0) continue;
        std::vector<int> parts;
        bool gap = false, started = false;
        for (uint32_t c = 0; c < tc; ++c) {
          if (fig[r][c] >= 0) {
            started = true;
            if (IsTotalLabel(header[c])) gap = true;  // a subtotal column among the parts
            parts.push_back(fig[r][c]);
          } else if (started && static_cast<int>(c) != unit_col) {
            gap = true;
          }
        }
        std::vector<std::string> units;
        if (unit_col >= 0) units.push_back(unit_of(r));
        if (gap || !uniform(parts, fig[r][tc], units)) continue;
        auto lab = labels(r);
        make(relation(fig[r][tc], std::move(parts), lab.empty() ? header[tc] : Txt(*lab.back()), units),
             false);
      }
    }

    // Row groups and total rows.
    for (uint32_t r = static_cast<uint32_t>(first_data); r < rows; ++r) {
      auto lab = labels(r);
      if (lab.empty()) continue;
      const esgaudit_table_cell* own = lab.back();
      // A single labelled row naming a total: remembered for breakdown groups.
      if (lab.size() == 1 && own->row_span == 1 && own->column == 0) {
        std::string l = Lower(strip(Txt(*own)));
        if (Has(l, "总数") || Has(l, "总人数") || l.rfind("total", 0) == 0) {
          RowTotal rt{ti, Txt(*own), unit_of(r), {}};
          for (uint32_t c : fig_cols) {
            if (fig[r][c] >= 0) rt.by_column[header[c]] = fig[r][c];
          }
          if (!rt.by_column.empty()) row_totals.push_back(std::move(rt));
        }
      }
      // A total row first, its parts the rows below it to the end of the table ("Total Scope 1, 2
      // emissions" over "Scope 1" and "Scope 2"). Recognised when at least one column adds up, so
      // the table itself shows that its rows are parts; then each column that does not is checked.
      if (static_cast<int>(r) == first_data && own->row == r && own->row_span == 1 && lab.size() == 1 &&
          own->column == 0 && IsTotalLabel(Txt(*own))) {
        std::vector<uint32_t> part_rows;
        bool simple = true;
        for (uint32_t k = r + 1; k < rows && simple; ++k) {
          auto pl = labels(k);
          simple = !pl.empty() && pl.size() == 1 && pl.back()->row_span == 1 &&
                   !IsTotalLabel(Txt(*pl.back())) && !IsNestedLabel(Txt(*pl.back()));
          part_rows.push_back(k);
        }
        if (!simple || part_rows.size() < 2) continue;
        std::vector<Relation> columns;
        bool corroborated = false;
        for (uint32_t c : fig_cols) {
          if (fig[r][c] < 0) continue;
          std::vector<int> parts;
          std::vector<std::string> units{unit_of(r)};
          for (uint32_t k : part_rows) {
            parts.push_back(fig[k][c]);
            units.push_back(unit_of(k));
          }
          if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
          if (unit_col < 0) units.clear();
          if (!uniform(parts, fig[r][c], units)) continue;
          Relation rel = relation(fig[r][c], std::move(parts), header[c].empty() ? Txt(*own) : header[c], units);
          SumParts(&rel);
          // A percentage column is a breakdown of 100 (relation() leaves it without a total figure).
          const double tlo = rel.total >= 0 ? figures_[rel.total].low : 100;
          const double thi = rel.total >= 0 ? figures_[rel.total].high : 100;
          corroborated = corroborated || (rel.sum_low <= thi && tlo <= rel.sum_high);
          columns.push_back(std::move(rel));
        }
        if (corroborated) {
          for (Relation& rel : columns) make(std::move(rel), false);
        }
        continue;
      }
      // A total row: parts are the rows above back to the first data row, a nested row or a
      // previous total stops the column.
      if (own->row == r && own->row_span == 1 && lab.size() == 1 && IsTotalLabel(Txt(*own)) &&
          own->column == 0) {
        std::vector<uint32_t> part_rows;
        bool nested = false;
        for (long k = static_cast<long>(r) - 1; k >= first_data; --k) {
          auto pl = labels(static_cast<uint32_t>(k));
          if (pl.empty() || IsTotalLabel(Txt(*pl.back()))) break;
          if (pl.size() != 1 || pl.back()->row_span != 1) {
            nested = true;  // row groups above: several breakdowns, not one column of parts
            break;
          }
          if (IsNestedLabel(Txt(*pl.back()))) nested = true;
          part_rows.push_back(static_cast<uint32_t>(k));
        }
        if (nested || part_rows.size() < 2) continue;
        for (uint32_t c : fig_cols) {
          if (fig[r][c] < 0) continue;
          std::vector<int> parts;
          std::vector<std::string> units{unit_of(r)};
          for (auto it = part_rows.rbegin(); it != part_rows.rend(); ++it) {
            parts.push_back(fig[*it][c]);
            units.push_back(unit_of(*it));
          }
          if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
          if (unit_col < 0) units.clear();
          if (!uniform(parts, fig[r][c], units)) continue;
          std::string caption = header[c].empty() ? Txt(*own) : header[c];
          make(relation(fig[r][c], std::move(parts), caption, units), false);
        }
        continue;
      }
      // A group: a label cell spanning this and the next rows, one child label per row.
      if (lab.size() != 2 || lab[0]->row != r || lab[0]->row_span < 2) continue;
      const esgaudit_table_cell* group = lab[0];
      std::vector<uint32_t> members;
      int total_row = -1;
      bool ok = true;
      for (uint32_t k = r; k < r + group->row_span && k < rows; ++k) {
        auto cl = labels(k);
        if (cl.size() != 2 || cl[0] != group || cl[1]->row_span != 1) {
          ok = false;
          break;
        }
        if (IsTotalLabel(Txt(*cl[1]))) {
          if (total_row >= 0) ok = false;
          total_row = static_cast<int>(k);
        } else {
          if (IsNestedLabel(Txt(*cl[1]))) ok = false;
          members.push_back(k);
        }
      }
      if (!ok || members.size() < 2) continue;
      std::string noun = total_row < 0 ? BreakdownNoun(Txt(*group)) : "";
      // A Markdown label continued over empty cells may have lost its first rows to the label
      // above (a label broken over two rows by OCR): a sum short of the total is certain only
      // when another column of the group adds up.
      const bool continued = (group->flags & ESGAUDIT_TABLE_CELL_CONTINUED) != 0;
      std::vector<std::pair<Relation, bool>> group_relations;
      for (uint32_t c : fig_cols) {
        std::vector<int> parts;
        std::vector<std::string> units;
        for (uint32_t k : members) {
          parts.push_back(fig[k][c]);
          units.push_back(unit_of(k));
        }
        if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
        int total = -1;
        bool layout = false;
        if (total_row >= 0) {
          total = fig[total_row][c];
          units.push_back(unit_of(static_cast<uint32_t>(total_row)));
        } else if (!noun.empty()) {
          // The nearest earlier total row of the same noun, in this table or the two before.
          for (auto it = row_totals.rbegin(); it != row_totals.rend(); ++it) {
            if (it->table + 2 < ti) break;
            std::string tl = Lower(strip(it->label));
            if (!Has(tl, noun) || (unit_col >= 0 && it->unit != units.front())) continue;
            auto col = it->by_column.find(header[c]);
            if (col == it->by_column.end()) continue;
            total = col->second;
            layout = it->table != ti;
            break;
          }
        }
        if (total < 0) continue;
        if (unit_col < 0) units.clear();
        if (!uniform(parts, total, units)) continue;
        group_relations.emplace_back(relation(total, std::move(parts), Txt(*group), units), layout);
      }
      bool corroborated = !continued;
      for (auto& [rel, layout] : group_relations) {
        if (layout || !continued || group_relations.size() < 2) continue;
        SumParts(&rel);
        const double tlo = rel.total >= 0 ? figures_[rel.total].low : 100;
        const double thi = rel.total >= 0 ? figures_[rel.total].high : 100;
        corroborated = corroborated || (rel.sum_low <= thi && tlo <= rel.sum_high);
      }
      for (auto& [rel, layout] : group_relations) make(std::move(rel), layout || !corroborated, !corroborated);
      r += group->row_span - 1;
    }

    // Runs of rows under one group label (or of rows with a single label): a row opening with 其中 /
    // "of which" starts the parts of the row above, down to a total, a rate, another unit or the
    // run's end (one such row: a subset); a total row (…合计, …总量, …总额) closes the parts above
    // it, back to the run's start or the previous total. Explicit totals: a sum above the total is
    // an error, and so is one below it when the parts close the set (其他) or the total row is
    // below them.
    // Rows of one group share its label cell; a row with two labels and no group is a run of its own.
    auto row_key = [&](uint32_t r) -> int64_t {
      auto lab = labels(r);
      if (lab.size() != 2) return -1;
      return lab[0]->row_span >= 2 ? static_cast<int64_t>(lab[0]->row) : -2 - static_cast<int64_t>(r);
    };
    auto continued_group = [&](uint32_t r) {
      auto lab = labels(r);
      return lab.size() == 2 && (lab[0]->flags & ESGAUDIT_TABLE_CELL_CONTINUED) != 0;
    };
    auto row_label = [&](uint32_t r) {
      auto lab = labels(r);
      return lab.empty() || lab.size() > 2 ? std::string() : Txt(*lab.back());
    };
    auto has_figures = [&](uint32_t r) {
      for (uint32_t c : fig_cols) {
        if (fig[r][c] >= 0) return true;
      }
      return false;
    };
    // `closed`: the parts name every category (其他) or a total row stands under them; `unsure`: the
    // group may have lost rows to the label above (a Markdown label broken by OCR), so a short sum
    // says nothing.
    auto segment = [&](uint32_t total_row, const std::vector<uint32_t>& part_rows, bool closed, bool unsure) {
      const std::string tl = row_label(total_row);
      for (uint32_t c : fig_cols) {
        int total = fig[total_row][c];
        if (total < 0) continue;
        std::vector<int> parts;
        std::vector<std::string> units{unit_of(total_row)};
        for (uint32_t k : part_rows) {
          parts.push_back(fig[k][c]);
          units.push_back(unit_of(k));
        }
        if (std::any_of(parts.begin(), parts.end(), [](int f) { return f < 0; })) continue;
        if (unit_col < 0) units.clear();
        Relation rel;
        if (parts.size() == 1) {
          const Figure& t = figures_[total];
          const Figure& p = figures_[parts[0]];
          if (t.qualifiers != 0 || p.qualifiers != 0 || p.kind != t.kind || p.unit != t.unit ||
              t.kind == ESGAUDIT_FACT_PERCENT || (!units.empty() && units.front() != units.back()))
            continue;
          rel.kind = RelationKind::kSubset;
          rel.total = total;
          rel.parts = parts;
          rel.caption = tl;
          rel.evidence = Evidence::kTable;
          rel.certainty = Certainty::kCertain;
          rel.consistent = p.low <= t.high;
          rel.flag = !rel.consistent;
          Add(std::move(rel));
          continue;
        }
        if (!uniform(parts, total, units)) continue;
        rel = relation(total, std::move(parts), header[c].empty() ? tl : tl + "/" + header[c], units);
        SumParts(&rel);
        const double tlo = rel.total >= 0 ? figures_[rel.total].low : 100;
        const double thi = rel.total >= 0 ? figures_[rel.total].high : 100;
        rel.consistent = rel.sum_low <= thi && tlo <= rel.sum_high;
        bool plausible = rel.sum_low <= 1.5 * thi && rel.sum_high >= 0.67 * tlo;
        if (!plausible) continue;
        rel.flag = !rel.consistent && (!unsure || rel.sum_low > thi);
        rel.evidence = Evidence::kTable;
        rel.certainty = ShortOfAnOpenSet(rel, closed) ? Certainty::kLikely : Certainty::kCertain;
        Add(std::move(rel));
      }
    };
    auto rate_row = [&](uint32_t r) { return RateLabel(row_label(r)) || unit_of(r) == "%"; };
    for (uint32_t r = static_cast<uint32_t>(first_data); r < rows;) {
      if (labels(r).empty() || labels(r).size() > 2) {
        ++r;
        continue;
      }
      const int64_t key = row_key(r);
      const bool unsure = continued_group(r) && fig_cols.size() < 2;
      uint32_t end = r + 1;  // the run [r, end)
      while (end < rows && !labels(end).empty() && labels(end).size() <= 2 && row_key(end) == key &&
             has_figures(end))
        ++end;
      for (uint32_t i = r; i < end; ++i) {
        const std::string li = row_label(i);
        if (li.empty()) continue;
        if (OfWhichLabel(li) && i > r && has_figures(i - 1) && !rate_row(i - 1) && !OfWhichLabel(row_label(i - 1))) {
          std::vector<uint32_t> part_rows{i};
          // A total row right after the list may sum the row above the 其中 with its peers (Plant A,
          // of which hazardous, Plant B, Total): the last rows may be peers, not parts, so a short
          // sum says nothing.
          bool total_after = false;
          for (uint32_t k = i + 1; k < end; ++k) {
            const std::string lk = row_label(k);
            total_after = !lk.empty() && RowTotalLabel(lk);
            if (lk.empty() || RowTotalLabel(lk) || OfWhichLabel(lk) || rate_row(k) || IsNestedLabel(lk) ||
                unit_of(k) != unit_of(i))
              break;
            part_rows.push_back(k);
          }
          bool closed = part_rows.size() >= 2 && OtherLabel(row_label(part_rows.back()));
          segment(i - 1, part_rows, closed && !unsure, unsure || (total_after && !closed));
        } else if (RowTotalLabel(li) && i > r) {
          std::vector<uint32_t> part_rows;
          for (long k = static_cast<long>(i) - 1; k >= static_cast<long>(r); --k) {
            const std::string lk = row_label(static_cast<uint32_t>(k));
            if (lk.empty() || RowTotalLabel(lk) || rate_row(static_cast<uint32_t>(k)) || IsNestedLabel(lk) ||
                !has_figures(static_cast<uint32_t>(k)))
              break;
            part_rows.insert(part_rows.begin(), static_cast<uint32_t>(k));
          }
          if (part_rows.size() >= 2) segment(i, part_rows, !unsure, unsure);
        }
      }
      r = end;
    }
  }
}

namespace {

// A table's row or column label naming the total of the rows above (or below) it, or of the cells
// left of it: 合计, 总计, 小计, Total, and labels ending so (在职员工的数量合计, 男性合计, 地区小计).
// A unit in brackets after the label is ignored. 总数 ends a total only without a category word
// (男性员工总数 is one part of 员工总数).
bool TableTotalLabel(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  // Twice: a note and the unit bracket before it may use either kind of bracket.
  for (int pass = 0; pass < 2; ++pass) {
    for (const char* open : {"(", "\xEF\xBC\x88"}) {  // "(" and "（"
      size_t at = label.rfind(open);
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

// A total row named by the quantity it totals rather than by a total word (贷款总额 under the loans of
// each region, 排放总量): a label of three to eight characters ending in 总额 or 总量 that names no
// category (as for 总数 above). Profit totals (利润总额) are reached by subtraction, not by summing the
// rows above them: never such a row.
bool QuantityTotalLabel(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  for (const char* open : {"(", "\xEF\xBC\x88"}) {  // a unit bracket: "(亿元)"
    size_t at = label.rfind(open);
    if (at != std::string::npos && at > 0 && Cps(label.substr(at)) <= 8) label.resize(at);
  }
  const std::u32string u = U32(Lower(label));
  if (u.size() < 3 || u.size() > 8 || Has(label, "利润")) return false;
  const std::u32string tail = u.substr(u.size() - 2);
  return (tail == U"总额" || tail == U"总量") && Categorise(label).first < 0;
}

// A row of a statement that adds or takes away (加：营业外收入, 减：营业外支出): its rows are no parts.
bool SignedRowLabel(const std::string& label) {
  std::string l = label;
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  return l.rfind("加", 0) == 0 || l.rfind("减", 0) == 0 || l.rfind("力口", 0) == 0;
}

// Rates, ratios and per-unit values: a column or row of them does not add up.
bool RateLabel(const std::string& label) {
  std::string l = Lower(label);
  for (const char* w : {"率", "比例", "占比", "比重", "%", "人均", "平均", "每", "强度"}) {
    if (Has(l, w)) return true;
  }
  // English words end where no letter follows (but a plural s): "rate" is no word of IntegratedGas
  // or generated. A tab table's labels come without spaces (Turnoverrate), so a word may start
  // after a letter there; a label that keeps its spaces sets its words apart, and a word must start
  // after a non-letter: "rate" is no word of United Arab Emirates or Corporate income taxes.
  // A label without spaces is still no rate when the match is the tail of a word that names a
  // thing (Corporate, Emirates, Concentrate).
  const bool spaced = l.find(' ') != std::string::npos;
  auto letter = [&](size_t i) { return std::isalpha(static_cast<unsigned char>(l[i])) != 0; };
  auto word_tail = [&](size_t at) { return RateTailOfWord(l, at); };
  for (std::string_view w : {"average", "rate", "ratio", "per ", "intensity", "margin", "share"}) {
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
    size_t at = label.rfind(open);
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

// A row of one label naming the dimension of the breakdown below it (性别, 年龄, 教育程度, Gender):
// in a table of counts it says that the rows under it split the table's population once more.
bool DimensionTitle(std::string label) {
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  for (const char* colon : {":", "\xEF\xBC\x9A"}) {  // ":" and "："
    std::string c = colon;
    if (label.size() > c.size() && label.compare(label.size() - c.size(), c.size(), c) == 0) {
      label.resize(label.size() - c.size());
    }
  }
  std::string l = Lower(label);
  // "按年龄分", "按学历划分": by the dimension alone, which names it as well.
  const std::string by = "按";
  if (l.rfind(by, 0) == 0) {
    l.erase(0, by.size());
    bool cut = false;
    for (const char* tail : {"划分", "分"}) {
      const std::string t = tail;
      if (!cut && l.size() > t.size() && l.compare(l.size() - t.size(), t.size(), t) == 0) {
        l.resize(l.size() - t.size());
        cut = true;
      }
    }
    if (!cut) return false;
  }
  for (const char* w : {"性别", "年龄", "年龄段", "年龄结构", "学历", "教育程度", "文化程度", "职称", "岗位",
                        "专业", "地区", "区域", "民族", "国籍", "用工形式", "gender", "age", "education",
                        "region", "nationality"}) {
    if (l == w) return true;
  }
  return false;
}

// The counted noun of a row label, lower-cased, without spaces, a unit bracket at its end, and (with
// strip_total) its total word: 供应商总数 -> 供应商, 员工总人数（人） -> 员工, "Total suppliers" ->
// suppliers; empty when strip_total finds no total word.
std::string TotalNoun(std::string label, bool strip_total = true) {
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

// The noun of a KPI table row that heads rows of its groups: the row names the whole of a quantity by
// a total word (员工总数 -> 员工, 总装机容量 -> 装机容量, 供应商总数（个） -> 供应商, "Total energy
// consumption" -> energyconsumption) or names the whole staff (在职员工数量 -> 员工, 全体员工人数 -> 员工);
// lower-cased, without spaces or its unit bracket. Empty for other rows; for 合计 / 总计 rows, which
// total the rows above them; for profit totals (利润总额 is reached by subtraction, 净利润 is no group
// of it); for 总部 / 总公司 / 总经理, where 总 is no total word; and for a noun naming a category
// itself (女性员工总数 is one group of the staff).
std::string GroupHeadNoun(const std::string& label) {
  const std::string l = TotalNoun(label, false);
  if (Has(l, "利润") || Has(l, "其中")) return std::string();
  std::u32string u = U32(l);
  auto ends = [&](std::u32string_view w) { return u.size() > w.size() && u.compare(u.size() - w.size(), w.size(), w) == 0; };
  auto starts = [&](std::u32string_view w) { return u.size() > w.size() && u.compare(0, w.size(), w) == 0; };
  auto strip_count = [&](std::u32string n) {
    for (std::u32string_view w : {U"数量", U"人数"}) {
      if (n.size() > w.size() + 1 && n.compare(n.size() - w.size(), w.size(), w) == 0) return n.substr(0, n.size() - w.size());
    }
    return n;
  };
  std::u32string noun;
  if (ends(U"总人数")) {
    noun = u.substr(0, u.size() - 3);
  } else if (ends(U"总数") || ends(U"总量") || ends(U"总额")) {
    noun = u.substr(0, u.size() - 2);
  } else if (starts(U"总") && !starts(U"总部") && !starts(U"总公司") && !starts(U"总经") && !starts(U"总监") &&
             !starts(U"总工")) {
    noun = strip_count(u.substr(1));
  } else if (starts(U"在职") || starts(U"全体")) {
    noun = strip_count(u.substr(2));
  } else if (starts(U"total") && u.size() >= 9 && u[5] >= U'a' && u[5] <= U'z') {
    noun = u.substr(5);  // not "Total, market-based": a total row of one method names no noun
  }
  const bool han = !noun.empty() && noun.back() >= 0x4E00 && noun.back() <= 0x9FFF;
  if (noun.size() < (han ? 2u : 4u)) return std::string();
  const std::string out = ToUtf8(noun);
  if (Categorise(out).first >= 0 || Categorise(label).first >= 0) return std::string();
  // A tab table's "Totalmaleemployees" has lost the spaces the category word is read by.
  for (const char* w : {"male", "female", "men", "women"}) {
    if (out.rfind(w, 0) == 0) return std::string();
  }
  return out;
}

// Whether a row label names a group of a head row's noun: the qualifier and then the noun (残疾员工,
// 外籍员工数量 of 员工; 燃煤机组装机容量 of 装机容量; "Renewable energy consumption"), a count word
// (数量, 人数, 数) after it aside. Not a net amount (净资产 under 总资产), nor a flow of the period
// (新进员工, 离职员工, 新增装机容量, "New employees": a flow may exceed the stock at the period's end),
// nor a rate or a per-unit value (万元产值耗水量 has another unit, 人均, 强度), nor an of-which row
// (read by the 其中 rows' reader).
bool NamesGroupOf(const std::string& label, const std::string& noun) {
  if (noun.empty() || RateLabel(label) || OfWhichLabel(label) || IsChangeLabel(label)) return false;
  std::u32string u = U32(TotalNoun(label, false));
  for (std::u32string_view w : {U"数量", U"人数", U"数"}) {
    if (u.size() > w.size() + 2 && u.compare(u.size() - w.size(), w.size(), w) == 0) {
      u.resize(u.size() - w.size());
      break;
    }
  }
  const std::u32string n = U32(noun);
  // 量 after the noun counts it as 数量 does (纸质账单量 of 账单, under 账单总量); a noun ending in 量
  // itself (用电量) is matched as printed.
  if (u.size() > n.size() + 1 && u.back() == U'量' && u.compare(u.size() - 1 - n.size(), n.size(), n) == 0) {
    u.pop_back();
  }
  if (u.size() <= n.size() || u.compare(u.size() - n.size(), n.size(), n) != 0) return false;
  std::string qualifier = ToUtf8(u.substr(0, u.size() - n.size()));
  for (const char* w : {"total", "总"}) {  // a group's own total word qualifies nothing
    if (qualifier.rfind(w, 0) == 0) qualifier.erase(0, std::string_view(w).size());
  }
  if (qualifier.empty()) return false;
  for (const char* w : {"净", "net", "新", "new", "招聘", "离职", "流失", "退休", "减少", "增加", "增长", "累计",
                        "单位", "万元", "每", "per", "平均"}) {
    if (Has(qualifier, w)) return false;
  }
  return true;
}

// A row label's trailing bracketed note that states what its figure leaves out, opened by 另有, 另外,
// 不含, 不包括, 未含 or 未包括 ("员工总人数（人）（另有劳务派遣用工5,093人）": the staff count, with dispatched
// workers besides it): such a note names no part of the label's noun or unit, so the label is read
// without it. Returns the label without the note and the note in *note; the label as it is and an empty
// note when it ends in no such bracket.
std::string WithoutExcludingNote(const std::string& label, std::string* note) {
  note->clear();
  std::string l = label;
  while (!l.empty() && l.back() == ' ') l.pop_back();
  for (const char* close : {")", "\xEF\xBC\x89"}) {  // ")" and "）"
    const std::string c = close;
    if (l.size() <= c.size() || l.compare(l.size() - c.size(), c.size(), c) != 0) continue;
    const size_t ascii = l.rfind('('), wide = l.rfind("\xEF\xBC\x88");
    const size_t open = ascii == std::string::npos ? wide : wide == std::string::npos ? ascii : std::max(ascii, wide);
    if (open == std::string::npos || open == 0) return label;
    const size_t inner = open + (l[open] == '(' ? 1 : 3);
    std::string body = l.substr(inner, l.size() - c.size() - inner);
    body.erase(0, body.find_first_not_of(' '));
    for (const char* w : {"另有", "另外", "不含", "不包括", "未含", "未包括"}) {
      if (body.rfind(w, 0) == 0) {
        *note = body;
        std::string rest = l.substr(0, open);
        while (!rest.empty() && rest.back() == ' ') rest.pop_back();
        return rest;
      }
    }
    return label;
  }
  return label;
}

// Whether a group row's label names a group its head's excluding note (WithoutExcludingNote) leaves
// out: a word of two Han characters of the group's qualifier (its label before the head's noun) stands
// in the note (劳务派遣员工 under 员工总人数（另有劳务派遣用工5,093人）).
bool ExcludedByNote(const std::string& group_label, const std::string& noun, const std::string& note) {
  if (note.empty()) return false;
  const std::string l = TotalNoun(group_label, false);
  const size_t at = l.rfind(noun);
  const std::u32string q = U32(l.substr(0, at == std::string::npos ? l.size() : at));
  const std::u32string n = U32(note);
  for (size_t k = 0; k + 1 < q.size(); ++k) {
    if (q[k] < 0x4E00 || q[k] > 0x9FFF || q[k + 1] < 0x4E00 || q[k + 1] > 0x9FFF) continue;
    if (n.find(q.substr(k, 2)) != std::u32string::npos) return true;
  }
  return false;
}

// Whether two row labels name the two groups of a closed pair, one the other's complement by a
// negating prefix ("Hazardous waste disposed" / "Non-hazardous waste disposed", 危险废物 / 非危险废物,
// "Direct emissions" / "Indirect emissions", 有害废物 / 无害废物): together they are the whole.
// Compared on the labels' nouns (lower-cased, no spaces, no unit bracket).
bool ComplementaryPair(const std::string& a, const std::string& b) {
  const std::string x = TotalNoun(a, false);
  const std::string y = TotalNoun(b, false);
  auto negates = [](const std::string& pos, const std::string& neg) {
    if (pos.empty()) return false;
    for (const char* w : {"non-", "non", "非"}) {
      if (neg.size() == pos.size() + std::strlen(w) && neg.compare(0, std::strlen(w), w) == 0 &&
          neg.compare(std::strlen(w), std::string::npos, pos) == 0) {
        return true;
      }
    }
    for (const auto& [p, n] : {std::pair<const char*, const char*>{"direct", "indirect"}, {"有害", "无害"}}) {
      const size_t lp = std::strlen(p), ln = std::strlen(n);
      if (pos.compare(0, lp, p) == 0 && neg.compare(0, ln, n) == 0 && pos.substr(lp) == neg.substr(ln) &&
          pos.size() > lp) {
        return true;
      }
    }
    return false;
  };
  return negates(x, y) || negates(y, x);
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

// The first two words of a label, lower-cased, letters and digits only ("Indirect, from electricity"
// -> "indirect from"; "Scope 2 (market-based)" -> "scope 2"); empty when it has fewer.
std::string OpeningWords(const std::string& label) {
  std::vector<std::string> words(1);
  for (char c : Lower(label)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80)) {
      words.back() += c;
    } else if (!words.back().empty()) {
      if (words.size() == 2) break;
      words.emplace_back();
    }
  }
  return words.size() == 2 && !words.back().empty() ? words[0] + " " + words[1] : std::string();
}

// Whether a column shows the grouping: it adds up as printed, or within the rounding intervals of
// counts exact by their context only (Relation::adds_up_rounded).
bool ShowsGrouping(const Relation& r) { return r.consistent || r.adds_up_rounded; }

// A column of a table read from its layout alone that misses its total by more than 15 % of it
// counts another quantity (an average, a rate): the grouping is misread, not the figures.
bool OffByMoreThanASlip(const Relation& r, const Figure& total) {
  constexpr double kSlip = 0.15;
  return !r.consistent &&
         (r.sum_low > total.high + kSlip * total.value || r.sum_high < total.low - kSlip * total.value);
}

bool MostAddUp(const std::vector<Relation>& columns, size_t tried) {
  size_t consistent = 0;
  for (const Relation& r : columns) consistent += ShowsGrouping(r);
  return consistent >= 1 && consistent + 1 >= tried;
}

// The label without its gender words: "Board of Directors (% women)" -> "board of directors (% )",
// 男性员工占比 -> 员工占比.
std::string GenderStem(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());
  for (const char* w : {"female", "women", "male", "men", "男性", "女性", "男", "女"}) {
    for (size_t at = l.find(w); at != std::string::npos; at = l.find(w)) l.erase(at, std::string(w).size());
  }
  return l;
}

// A numeric age band's label ("30-50", "30 to 50"), compiled on first use; PrepareExpressions asks
// for it before an isolated batch forks, so that the children inherit it compiled.
const std::regex& AgeRange() {
  static const std::regex range(R"(^\s*\d{1,2}\s*(-|–|~|至|to)\s*\d{1,2}\s*$)");
  return range;
}

// An open lower or upper band of a closed set of bands: "Under 30", "30岁以下", "Above 50", "60岁以上".
bool LowerBand(const std::string& label) {
  std::string l = Lower(label);
  l.erase(std::remove(l.begin(), l.end(), ' '), l.end());  // table labels come without spaces
  for (const char* w : {"under", "below", "lessthan", "upto", "<"}) {
    if (l.rfind(w, 0) == 0) return true;
  }
  return Has(l, "以下") || Has(l, "以内");
}
bool UpperBand(const std::string& label);
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

// A unit column's header: 单位, Unit.
bool UnitHeader(std::string h) {
  h = Lower(h);
  h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
  return h == "unit" || h == "units" || h == "单位" || h == "计量单位";
}

// A cell naming a unit of measure, as unit columns print them: %, Number, Thousand tonnes, million
// MWh, 吨, 万元, 人. A short label (男性, Upstream) is none.
bool UnitCell(std::string u) {
  u = Lower(u);
  u.erase(std::remove(u.begin(), u.end(), ' '), u.end());  // table cells come without spaces
  for (const char* w : {"%", "number", "percent", "no.", "tonnes", "t", "kt", "mt", "mwh", "gwh", "twh", "gj", "tj",
                        "hours", "people", "persons", "m3", "人", "名", "个", "家", "项", "件", "次", "吨", "万吨",
                        "千吨", "元", "万元", "亿元", "千瓦时", "万千瓦时", "度", "立方米", "万立方米", "小时",
                        "天", "人次", "艘", "台", "辆", "千克", "公斤", "升", "平方米", "亩", "万人", "户", "起",
                        "tco2e", "吨标准煤", "吨标煤", "万吨标煤", "封", "份", "张", "包"}) {
    if (u == w) return true;
  }
  // 万 or 亿 before a count classifier (万封, 万份, 万张, 亿次): the same count in larger steps.
  for (const char* m : {"万", "亿"}) {
    if (u.rfind(m, 0) != 0) continue;
    const std::string rest = u.substr(std::string_view(m).size());
    for (const char* w : {"封", "份", "张", "次", "件", "个", "户", "人次", "辆"}) {
      if (rest == w) return true;
    }
  }
  for (const char* prefix : {"thousand", "million", "billion", "%of", "numberof", "tonnes", "metrictons"}) {
    if (u.rfind(prefix, 0) == 0 && Cps(u) <= 32) return true;
  }
  return false;
}

bool DashCell(std::string_view t) {
  return t == "-" || t == "--" || t == "/" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93" ||
         t == "\xEF\xBC\x8D" || t == "\xE2\x80\x94\xE2\x80\x94";
}

// A share column's header naming the base every row's share is of: 在公司贷款中占比（%）, 占营业收入比例,
// 占采购总额的比重 (at least two characters of base). A base of each row's own (占该组别比例, 占本部门
// 比例, 在各地区中占比) or no base (女性占比, 占比) is none: such shares do not add up across rows.
bool SharesOfANamedBase(const std::string& header) {
  std::u32string u;
  for (char32_t c : U32(header)) {
    if (c != U' ' && c != 0x3000) u.push_back(c);
  }
  std::u32string base;
  const size_t share = u.find(U"占比");
  const size_t in = u.find(U'在');
  if (share != std::u32string::npos && in != std::u32string::npos && in + 3 < share && u[share - 1] == U'中') {
    base = u.substr(in + 1, share - 1 - in - 1);
  } else if (const size_t at = u.find(U'占'); at != std::u32string::npos) {
    size_t end = u.find(U"比例", at);
    if (end == std::u32string::npos) end = u.find(U"比重", at);
    if (end != std::u32string::npos && end > at + 1) base = u.substr(at + 1, end - at - 1);
    if (!base.empty() && base.back() == U'的') base.pop_back();
  }
  if (base.size() < 2) return false;
  for (char32_t c : base) {
    if (c < 0x4E00 || c > 0x9FFF) return false;
  }
  for (const char32_t* own : {U"该", U"本", U"各", U"其", U"所在", U"同", U"每"}) {
    if (base.rfind(own, 0) == 0) return false;
  }
  return true;
}

// A share column's total cell printed 100 with a footnote mark glued on: `100.0011` is 100.00 and
// mark 11. Returns the decimals of the 100 (2 there) when the cell is a bare number of 100, a
// point, d >= 2 zeros and one or two more digits, the first not 0, and nothing else; 0 otherwise.
// The caller takes the cell so only under shares printed with exactly d decimals: a total printed
// with more decimals than every part is not what the parts sum to (100.0011 of shares of two
// decimals), and one digit of mark after one zero (100.05) could be a total off by rounding.
int GluedHundredDecimals(const Figure& f) {
  const std::string& t = f.text;
  if (f.decimals < 2 || t.size() != 4 + static_cast<size_t>(f.decimals) || t.compare(0, 4, "100.") != 0) return 0;
  if (!std::all_of(t.begin() + 4, t.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
  for (int d = std::max(2, f.decimals - 2); d < f.decimals; ++d) {
    if (std::all_of(t.begin() + 4, t.begin() + 4 + d, [](char c) { return c == '0'; }) && t[4 + d] != '0') return d;
  }
  return 0;
}

}  // namespace

// A cell of a structure-model table as FindModelTables reads it.
struct RelationAnalysis::ModelSlot {
  int slot = 0;
  int figure = -1;  // -1: text or a dash
  int share = -1;   // a share printed in brackets after the figure (56 (1.1%)), or -1
  bool dash = false;
  std::string text;
  uint64_t offset = 0;  // its text span (cells read as they stand)
  uint64_t length = 0;
};
struct RelationAnalysis::ModelRow {
  uint32_t line = 0;
  std::string label;   // the last text cell before the first figure (a unit cell after it excepted)
  std::string unit;    // a unit column's cell ("Thousand tonnes", 吨), when the row has one
  uint64_t label_offset = 0;  // its text span
  uint64_t label_length = 0;
  bool readable = true;  // every cell has one slot
  bool has_figure = false;
  int header = -1;  // index into the table's headers: the row of labels above it
  std::vector<ModelSlot> cells;
  const ModelSlot* At(int slot) const {
    for (const ModelSlot& s : cells) {
      if (s.slot == slot) return &s;
    }
    return nullptr;
  }
};

// What FindStackedGroups shares with the rest of FindModelTables' reading of one table.
struct RelationAnalysis::ModelTableReaders {
  std::function<std::string(const ModelRow&)> unit;  // the row's unit: its unit column, else its label's
  std::function<bool(const ModelRow&)> rates;        // a row of rates or per-unit values
  std::function<bool(const ModelRow&)> shares;       // a row of shares (占比, %)
  // Each count column of a total row against the same column of the rows listed, into the vector;
  // returns how many columns were tried (with `true`: a column under a rate header is skipped).
  std::function<size_t(const ModelRow&, const std::vector<size_t>&, bool, std::vector<Relation>*)> column_totals;
  std::function<void(const Relation&)> relabel;  // the members' labels set to their rows' labels
};

// Tables of the structure model (tabs or aligned columns; one row per line). Cells are placed in
// slots, the columns of the model's grid: for a tab-separated table the tab slot (empty cells keep
// their place), for an aligned one the row label in column 0 and values in the columns they stand
// in; rows joined with single spaces and labels wrapped onto a line of their own are split and
// joined by the model. A table's explicit total is a relation whether or not it adds up:
//  - a total column (header 合计/总计/Total): each row's figure cells left of it add up to it;
//  - a total row (合计/总计/小计, 男性合计): per column, the rows above it up to the header, a row of
//    labels only or the previous total; when it is the first data row, the rows below it;
//  - rows naming every category of a closed set (男/女) add up to the row of the table whose label
//    names their head (员工总数).
// Years as row labels are summed only under an explicit total row; never across year columns.
// Rates, ratios and per-capita values (率, 人均, 每…, 强度) are not summed; percentages only when
// the total printed is 100%.
void RelationAnalysis::FindModelTables(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  std::map<uint64_t, int> figure_at;  // text offset -> figure
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
  std::string_view view = doc.MatchView();

  using Slot = ModelSlot;
  using Row = ModelRow;

  std::map<int, std::string> row_label;  // figure -> the label of its table row
  std::map<int, int> share_of;           // figure -> its share printed in brackets in its cell (56 (1.1%))
  auto relabel = [&](const Relation& r) {
    std::vector<int> members = r.parts;
    if (r.total >= 0) members.push_back(r.total);
    for (int m : members) {
      auto it = row_label.find(m);
      if (it != row_label.end()) figures_[m].label = it->second;
    }
  };
  // Adds sums read from a layout whose set of parts may be incomplete (named sources, inferred
  // series): only parts above their total are flagged, a shortfall is not.
  auto add_flagging_excess = [&](std::vector<Relation>& sums) {
    for (Relation& r : sums) {
      r.flag = !r.consistent && r.sum_low > figures_[r.total].high;
      relabel(r);
      Add(std::move(r));
    }
  };
  // Blocks of one split printed as tables of their own, one after the other, each under a title
  // naming one category of a closed dimension ("Female" over rows of shares, then "Male" over the
  // same rows): the chain read so far (see the pass after a table's rows are read).
  struct SplitRow {
    std::string label;
    uint64_t label_offset = 0;
    uint64_t label_length = 0;
    std::map<int, int> shares;  // slot -> percentage figure
  };
  struct SplitBlock {
    int dim = -1;
    std::string category;
    std::string title;
    uint32_t title_line = 0;
    uint32_t last_line = 0;
    std::vector<SplitRow> rows;
  };
  std::vector<SplitBlock> split_chain;
  const uint32_t table_count = doc.TableCount();
  // The rows of the aligned, tab and Markdown pipe tables' grids (one row per line), by the line of
  // their values (of their label for a row without values). A host without grids has none: its
  // aligned and tab tables are not read. Pipe tables are read here as well as by FindMarkupTotals
  // (whose relations come first), so that every construction of aligned tables (blocks under a total
  // row, closed category rows, shares, dashes, repeated headers) reads them.
  constexpr uint32_t kLineGrids =
      ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS | ESGAUDIT_TABLE_SOURCE_PIPES;
  std::map<uint32_t, std::vector<esgaudit_table_cell>> grid_rows;
  std::set<uint32_t> grid_lines;  // every line holding a grid cell (a wrapped label piece too)
  for (uint32_t ti = 0; ti < table_count; ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0) continue;
    std::map<uint32_t, std::vector<esgaudit_table_cell>> by_row;
    for (const esgaudit_table_cell& c : doc.GridCells(t)) by_row[c.row].push_back(c);
    for (auto& [r, cells] : by_row) {
      uint32_t line = cells.front().line;
      for (const esgaudit_table_cell& c : cells) {
        if (c.column > 0) {
          line = c.line;
          break;
        }
      }
      for (const esgaudit_table_cell& c : cells) grid_lines.insert(c.line);
      grid_rows[line] = std::move(cells);
    }
  }
  for (uint32_t ti = 0; ti < table_count; ++ti) {
    const esgaudit_table t = doc.Table(ti);
    const bool tabs = (t.source & ESGAUDIT_TABLE_SOURCE_TABS) != 0;
    if (!tabs && (t.source & kLineGrids) == 0) continue;  // HTML: FindMarkupTotals only
    std::vector<int> figure_rows;
    // The figure a cell holds as its whole content (a '%' after it aside, or its share in brackets:
    // `share` receives that share), or -1; bands (30岁以下, 50岁以上) are category labels, not values.
    auto whole_figure = [&](uint64_t offset, std::string_view text, int* share = nullptr) {
      auto it = figure_at.find(offset);
      if (it == figure_at.end()) return -1;
      const Figure& f = figures_[it->second];
      const bool band = (f.qualifiers & (ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS)) || f.unit == "岁";
      if (share != nullptr && !band) {
        *share = BracketedShare(figures_, figure_at, f, offset, text);
        if (*share >= 0) return it->second;
      }
      std::string_view rest = f.length <= text.size() ? text.substr(f.length) : std::string_view("?");
      while (!rest.empty() && rest.front() == '%') rest.remove_prefix(1);
      // `100.0010 11`: a share total with a mark glued on prints a second mark apart (two notes).
      std::string_view second = rest;
      while (!second.empty() && second.front() == ' ') second.remove_prefix(1);
      const bool second_mark = GluedHundredDecimals(f) > 0 && second.size() < rest.size() && !second.empty() &&
                               second.size() <= 2 && second.front() != '0' &&
                               std::all_of(second.begin(), second.end(), [](char c) { return c >= '0' && c <= '9'; });
      const bool whole = f.length <= text.size() && (FootnoteTail(rest) || second_mark);
      return whole && !band ? it->second : -1;
    };
    // A cell read into its row: the first figure opens the values; the last text cell before it is
    // the row's label.
    auto add_cell = [&](Row& row, Slot&& s) {
      if (s.figure >= 0) {
        row.has_figure = true;
        figure_rows.push_back(s.figure);
        if (s.share >= 0) figure_rows.push_back(s.share);
      } else if (!row.has_figure && !s.dash && !s.text.empty()) {
        row.label = s.text;
        row.label_offset = s.offset;
        row.label_length = s.length;
      }
      row.cells.push_back(std::move(s));
    };
    // The extractor's label of a figure in a table may be a neighbour's: use the row label.
    auto finish_row = [&](const Row& row) {
      for (int f : figure_rows) {
        if (!row.label.empty()) row_label[f] = row.label;
      }
      figure_rows.clear();
    };
    // A row of the table: its grid cells. A tab table's cells are read on the matching view without
    // spaces (全角 brackets as ASCII, "自有港口下水煤量 (百万吨)" as one word), and a title line
    // between two of its parts (not in the grid) is a row of its one cell. A slot whose pieces
    // stand apart by a wide gap makes the row unreadable (which piece is the value is unknown).
    // Counts with their shares in brackets are read as figures only in a table whose total row
    // prints its count so too (see below); elsewhere such a cell is text, as a note would be.
    bool read_shares = true;
    auto read_row = [&](uint32_t line) {
      Row row;
      row.line = line;
      auto it = grid_rows.find(line);
      if (it == grid_rows.end()) {
        esgaudit_line_structure ls = doc.LineStructure(line);
        if (!tabs || ls.cell_count != 1 || grid_lines.count(line)) return row;
        esgaudit_cell c = doc.Cell(ls.first_cell);
        Slot s;
        s.offset = c.offset;
        s.length = c.length;
        s.text = std::string(doc.CellView(c));
        s.text.erase(std::remove(s.text.begin(), s.text.end(), ' '), s.text.end());
        s.dash = DashCell(s.text);
        add_cell(row, std::move(s));
        finish_row(row);
        return row;
      }
      for (const esgaudit_table_cell& c : it->second) {
        Slot s;
        s.slot = static_cast<int>(c.column);
        s.offset = c.offset;
        s.length = c.length;
        std::string_view raw = doc.Text().substr(c.offset, c.length);
        // A pipe table's cell spans the spaces around its text ("| 1,000 |"): its value starts after them.
        while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) {
          raw.remove_prefix(1);
          ++s.offset;
          --s.length;
        }
        while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) {
          raw.remove_suffix(1);
          --s.length;
        }
        const std::string_view cv = view.substr(c.view_begin, c.view_end - c.view_begin);
        const bool one_line = cv.find_first_of("\t\n") == std::string_view::npos;  // not a label joined with its pieces
        s.text = tabs && one_line ? std::string(cv) : std::string(sdk::View(c.text));
        std::string compact = s.text;
        compact.erase(std::remove(compact.begin(), compact.end(), ' '), compact.end());
        s.dash = DashCell(compact);
        s.figure = whole_figure(s.offset, raw, read_shares ? &s.share : nullptr);
        if (s.figure >= 0 || s.dash || tabs) s.text = compact;
        if (c.flags & ESGAUDIT_TABLE_CELL_GAPPED) row.readable = false;
        add_cell(row, std::move(s));
      }
      finish_row(row);
      return row;
    };
    // Rows of labels only (three or more cells) head the rows below them: a table may hold
    // several blocks, each under its own header (厂区 张江厂 … 总计, repeated per block).
    std::vector<std::map<int, std::string>> headers;  // slot -> header text
    auto label_row = [](const Row& row) {
      size_t texts = 0;
      for (const Slot& s : row.cells) texts += !s.text.empty() && s.figure < 0;
      return !row.has_figure && texts >= 3;
    };
    auto add_header = [&](const Row& row) {
      std::map<int, std::string> h;
      for (const Slot& s : row.cells) h[s.slot] = s.text;
      headers.push_back(std::move(h));
    };
    if (t.header_line != ESGAUDIT_NO_INDEX) add_header(read_row(t.header_line));
    int current = headers.empty() ? -1 : 0;
    std::vector<uint32_t> lines;
    for (uint32_t line = t.first_line; line <= t.last_line; ++line) {
      if (line != t.header_line) lines.push_back(line);
    }
    // A table continued after a page break: the next table of the same source and column count,
    // separated from this one only by page furniture (a page number, a running header) and at most
    // two title lines of one short label (教育程度, the block's dimension), and with no header of
    // its own other than this one's repeated, is read as more rows of this table: its blocks stay
    // breakdowns of this table's total. The title lines are rows (a row of one label).
    auto line_text = [&](uint32_t line) {
      esgaudit_line_structure ls = doc.LineStructure(line);
      std::string s(view.substr(ls.view_begin, ls.view_end - ls.view_begin));
      s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; }), s.end());
      return s;
    };
    const std::string header_text = t.header_line != ESGAUDIT_NO_INDEX ? line_text(t.header_line) : std::string();
    std::set<uint32_t> gap_titles;  // title lines between this table and its continuation
    for (uint32_t last = t.last_line; ti + 1 < table_count;) {
      const esgaudit_table next = doc.Table(ti + 1);
      if (next.source != t.source || next.columns != t.columns || next.first_line <= last) break;
      if (next.header_line != ESGAUDIT_NO_INDEX && line_text(next.header_line) != header_text) break;
      std::vector<uint32_t> titles;
      bool page_break = false;
      bool gap_ok = true;
      for (uint32_t g = last + 1; g < next.first_line && gap_ok; ++g) {
        esgaudit_line_structure gs = doc.LineStructure(g);
        if (gs.flags & ESGAUDIT_LINE_FURNITURE_MASK) {
          page_break = true;
          continue;
        }
        std::string title = line_text(g);
        if (title.empty()) continue;
        // A bare number of up to three digits between the two: a page number the model left unmarked.
        if (title.size() <= 3 && std::all_of(title.begin(), title.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          page_break = true;
          continue;
        }
        gap_ok = gs.cell_count == 1 && titles.size() < 2 && !HasDigit(title) && Cps(title) <= 16;
        if (gap_ok) titles.push_back(g);
      }
      if (!gap_ok || !page_break) break;
      lines.insert(lines.end(), titles.begin(), titles.end());
      gap_titles.insert(titles.begin(), titles.end());
      for (uint32_t line = next.first_line; line <= next.last_line; ++line) {
        if (line != next.header_line) lines.push_back(line);
      }
      last = next.last_line;
      ++ti;
    }
    std::vector<Row> rows;
    const std::vector<std::map<int, std::string>> headers_before = headers;
    const int current_before = current;
    auto read_rows = [&] {
      for (uint32_t line : lines) {
        esgaudit_line_structure ls = doc.LineStructure(line);
        if (ls.cell_count == 0 || (ls.flags & ESGAUDIT_LINE_PAGE_NUMBER)) continue;
        // A line that is no row of a grid (a label or cell piece joined to its row, page furniture,
        // OCR debris the model left out) is read only as a tab table's title line between two of
        // its parts.
        if (grid_rows.count(line) == 0 &&
            (!tabs || ls.cell_count != 1 || grid_lines.count(line) || gap_titles.count(line) == 0))
          continue;
        Row row = read_row(line);
        // The header printed again inside the table (a table going on over a page break): no row,
        // and the rows before and after it stay one block.
        if (row.readable && label_row(row) && current >= 0 && !rows.empty()) {
          std::map<int, std::string> h;
          for (const Slot& c : row.cells) h[c.slot] = c.text;
          if (h == headers[static_cast<size_t>(current)]) continue;
        }
        if (row.readable && label_row(row)) {
          add_header(row);
          current = static_cast<int>(headers.size()) - 1;
        }
        // A line marked as furniture inside a table is a row when it reads as one (a row repeated
        // on several pages, 管理职 under each gender, looks like a running header).
        if ((ls.flags & ESGAUDIT_LINE_FURNITURE_MASK) && (!row.has_figure || row.label.empty()) &&
            !label_row(row)) {
          continue;
        }
        // A bare number on a line of its own between rows is a page number, not a row.
        if (row.cells.size() == 1 && !row.cells[0].text.empty() && row.cells[0].text.size() <= 3 &&
            std::all_of(row.cells[0].text.begin(), row.cells[0].text.end(),
                        [](char c) { return c >= '0' && c <= '9'; })) {
          continue;
        }
        row.header = current;
        rows.push_back(std::move(row));
      }
    };
    read_rows();
    // A count with its share in brackets (56 (1.1%)) is a table's value when the table's total row
    // prints its own so (總數 2,252 (42.3%)): the shares are then of one base. Without such a total
    // row the brackets may be anything (a ratio row's share of a total printed plainly above it),
    // and the table is read again with those cells as text.
    if (read_shares) {
      bool any_share = false, total_share = false;
      for (const Row& row : rows) {
        for (const Slot& c : row.cells) {
          any_share = any_share || c.share >= 0;
          total_share = total_share || (c.share >= 0 && IsTotalLabel(row.label));
        }
      }
      if (any_share && !total_share) {
        read_shares = false;
        rows.clear();
        headers = headers_before;
        current = current_before;
        read_rows();
      }
    }
    for (const Row& row : rows) {
      for (const Slot& c : row.cells) {
        if (c.share >= 0) share_of[c.figure] = c.share;
      }
    }
    static const std::map<int, std::string> kNoHeader;
    auto header_row = [&](const Row& row) -> const std::map<int, std::string>& {
      return row.header >= 0 ? headers[static_cast<size_t>(row.header)] : kNoHeader;
    };
    auto header_of_row = [&](const Row& row, int slot) -> std::string {
      const auto& h = header_row(row);
      auto it = h.find(slot);
      return it == h.end() ? std::string() : it->second;
    };
    // A unit column between the row label and the figures ("Total waste disposed | Thousand tonnes
    // | 1,993 …", "供应商总数 | 个 | 666"): the label is the text before it, the unit the row's.
    for (Row& row : rows) {
      const Slot* unit = nullptr;
      const Slot* label = nullptr;
      for (const Slot& c : row.cells) {
        if (c.figure >= 0) break;
        if (c.dash || c.text.empty() || c.length == 0) continue;
        label = unit;
        unit = &c;
      }
      if (label == nullptr || unit == nullptr || unit->text != row.label ||
          (HasDigit(label->text) && !AgeBandLabel(label->text)))
        continue;
      if (!UnitCell(unit->text) && !UnitHeader(header_of_row(row, unit->slot))) continue;
      row.unit = unit->text;
      row.label = label->text;
      row.label_offset = label->offset;
      row.label_length = label->length;
      for (const Slot& c : row.cells) {
        if (c.figure >= 0) row_label[c.figure] = row.label;
      }
    }
    // Whole numbers in a row of counts (a unit column or the label's bracket says 人, 个, 家 …) are
    // exact: a headcount printed 5 is 5, not anything from 4.5 to 5.5.
    // So are those of a row whose label names a count noun instead of a unit (育婴留停复职人数), and
    // those of every row with no unit of its own in a table whose total row names one ("Total
    // Cases" under rows of categories).
    const bool counted_total = std::any_of(rows.begin(), rows.end(), [&](const Row& row) {
      return row.has_figure && row.unit.empty() && LabelUnit(row.label).empty() &&
             TableTotalLabel(row.label) && CountLabel(row.label);
    });
    for (const Row& row : rows) {
      const std::string unit = row.unit.empty() ? LabelUnit(row.label) : row.unit;
      // A row in another unit or of shares (吨, 万人, 占比) keeps the allowance its header may have
      // taken away; a row of no unit counts by the header of its column (重伤工伤数 in a second header
      // line, which the model's column label does not carry).
      if ((!unit.empty() && !IsCountUnit(unit)) || RateLabel(row.label)) {
        for (const Slot& c : row.cells) {
          if (c.figure < 0 || !figures_[c.figure].context_count) continue;
          Figure& f = figures_[c.figure];
          const Interval iv = ExactInterval(f.value, f.decimals, f.magnitude);
          f.low = iv.lo;
          f.high = iv.hi;
          f.context_count = false;
        }
        continue;
      }
      if (unit.empty() && t.kind != ESGAUDIT_TABLE_TIME_SERIES) {
        const std::string table_unit(sdk::View(t.unit));
        for (const Slot& c : row.cells) {
          if (c.figure < 0 || !CountCandidate(figures_[c.figure])) continue;
          if (!CountedByContext(header_of_row(row, c.slot), table_unit)) continue;
          Figure& f = figures_[c.figure];
          f.low = f.high = f.value;
          f.context_count = true;
        }
      }
      if (!IsCountUnit(unit) && !(unit.empty() && (counted_total || CountLabel(row.label)))) continue;
      for (const Slot& c : row.cells) {
        if (c.figure < 0) continue;
        Figure& f = figures_[c.figure];
        if (f.kind == ESGAUDIT_FACT_QUANTITY && f.decimals == 0 && f.magnitude == 1 && f.qualifiers == 0 &&
            f.unit.empty() && f.value >= 0) {
          f.low = f.high = f.value;
        }
      }
    }
    // A split printed as blocks, one table per category: each block under a title line naming one
    // category of a closed dimension and nothing else of substance ("Female (global)", 男性员工), its
    // rows percentages under the same row labels in the same columns as the block before, at most
    // two lines after it. Once the blocks name every category, each row's share in each column
    // adds up to 100 % across the blocks (Senior Leadership: 34 % female + 66 % male). Shares of
    // another whole under such titles (each block's age bands adding up to 100 % by itself) do not
    // add up across: the split is kept only when every pair but at most one adds up as printed.
    {
      SplitBlock b;
      uint32_t top = t.header_line != ESGAUDIT_NO_INDEX ? std::min(t.header_line, t.first_line) : t.first_line;
      for (uint32_t g = top; g-- > 0 && top - g <= 2;) {
        esgaudit_line_structure gs = doc.LineStructure(g);
        std::string title(view.substr(gs.view_begin, gs.view_end - gs.view_begin));
        if (title.find_first_not_of(" \t") == std::string::npos) continue;
        title.erase(std::remove_if(title.begin(), title.end(), [](char c) { return c >= 0 && c < ' '; }), title.end());
        // A footnote mark may end the title ("Male (global)3").
        while (!title.empty() && (title.back() == ' ' || (title.back() >= '0' && title.back() <= '9'))) {
          title.pop_back();
        }
        auto [dim, cat] = Categorise(title);
        if (gs.cell_count <= 2 && !HasDigit(title) && Cps(title) <= 24 && dim >= 0 &&
            Dimensions()[static_cast<size_t>(dim)].closed) {
          b.dim = dim;
          b.category = cat;
          b.title = title;
          b.title_line = g;
        }
        break;
      }
      for (const Row& row : rows) {
        if (b.dim < 0) break;
        if (!row.has_figure) continue;
        SplitRow sr{row.label, row.label_offset, row.label_length, {}};
        for (const Slot& c : row.cells) {
          if (c.figure >= 0 && figures_[c.figure].kind != ESGAUDIT_FACT_PERCENT) b.dim = -1;
          if (c.figure >= 0) sr.shares[c.slot] = c.figure;
        }
        if (!row.readable || row.label.empty()) b.dim = -1;
        b.rows.push_back(std::move(sr));
      }
      if (b.dim >= 0 && b.rows.size() >= 2) {
        b.last_line = rows.back().line;
        bool follows = !split_chain.empty() && split_chain.back().dim == b.dim &&
                       b.title_line > split_chain.back().last_line &&
                       b.title_line - split_chain.back().last_line <= 2 &&
                       split_chain.back().rows.size() == b.rows.size();
        for (const SplitBlock& o : split_chain) follows = follows && o.category != b.category;
        for (size_t k = 0; follows && k < b.rows.size(); ++k) {
          const SplitRow& o = split_chain.back().rows[k];
          follows = o.label == b.rows[k].label && o.shares.size() == b.rows[k].shares.size();
          for (const auto& [slot, f] : o.shares) follows = follows && b.rows[k].shares.count(slot) != 0;
        }
        if (!follows) split_chain.clear();
        split_chain.push_back(std::move(b));
        std::set<std::string> categories;
        for (const auto& [printed, cat] : Dimensions()[static_cast<size_t>(split_chain.back().dim)].categories) {
          categories.insert(cat);
        }
        if (split_chain.size() == categories.size()) {
          std::vector<Relation> pairs;
          size_t holding = 0;
          std::string titles;
          for (const SplitBlock& o : split_chain) titles += (titles.empty() ? "" : " / ") + o.title;
          for (size_t k = 0; k < split_chain.front().rows.size(); ++k) {
            const SplitRow& first = split_chain.front().rows[k];
            for (const auto& [slot, f] : first.shares) {
              Relation r;
              r.kind = RelationKind::kPercentBreakdown;
              r.evidence = Evidence::kTable;
              r.certainty = Certainty::kCertain;
              r.caption = first.label + " (" + titles + ")";
              r.caption_offset = first.label_offset;
              r.caption_length = first.label_length;
              for (const SplitBlock& o : split_chain) r.parts.push_back(o.rows[k].shares.at(slot));
              SumParts(&r);
              r.consistent = r.sum_low <= 100 && 100 <= r.sum_high;
              r.flag = !r.consistent;
              holding += r.consistent;
              pairs.push_back(std::move(r));
            }
          }
          if (pairs.size() >= 2 && holding + 1 >= pairs.size()) {
            for (Relation& r : pairs) {
              relabel(r);
              Add(std::move(r));
            }
          }
          split_chain.clear();
        }
      } else {
        split_chain.clear();
      }
    }
    // Years across the header: a time series, never summed across.
    auto year_columns = [&](const std::map<int, std::string>& h) {
      int years = 0;
      for (const auto& [slot, text] : h) {
        years += text.size() >= 4 && (text.compare(0, 2, "19") == 0 || text.compare(0, 2, "20") == 0) &&
                 std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
      }
      return years >= 2;
    };
    // The figures of the given rows in one column, in `parts`; false when a row has neither a figure
    // nor a dash there (the column is then no breakdown). A dash is a zero part and left out.
    auto column_parts = [&](const std::vector<size_t>& row_indices, int slot, std::vector<int>* parts) {
      for (size_t k : row_indices) {
        const Slot* ps = rows[k].At(slot);
        if (ps == nullptr || (ps->figure < 0 && !ps->dash)) return false;
        if (ps->figure >= 0) parts->push_back(ps->figure);
      }
      return true;
    };
    auto uniform = [&](const std::vector<int>& parts, int total) {
      const Figure& tf = figures_[total];
      if (tf.qualifiers != 0 || parts.size() < 2) return false;
      for (int p : parts) {
        const Figure& f = figures_[p];
        if (f.kind != tf.kind || f.unit != tf.unit || f.qualifiers != 0 || f.value < 0) return false;
      }
      return tf.kind != ESGAUDIT_FACT_PERCENT || tf.value == 100;
    };
    // A count column whose cells print their shares of one base in brackets, the total row too
    // (56 (1.1%) … 總數 2,252 (42.3%)): the parts' shares add up to the total's share. Taken when each
    // share is its count over the base the total row gives, in every row but at most one (so that one
    // changed share is still read, and flagged); returns whether it was.
    auto share_sum = [&](const Slot& ts, const std::vector<int>& counts, const std::vector<int>& shares,
                         const std::string& caption, std::vector<Relation>* out) {
      const Figure& tc = figures_[ts.figure];
      const Figure& tsh = figures_[ts.share];
      if (tsh.low <= 0 || tc.low <= 0 || counts.size() < 2) return false;
      const double base_lo = 100 * tc.low / tsh.high, base_hi = 100 * tc.high / tsh.low;
      size_t matching = 0;
      for (size_t i = 0; i < counts.size(); ++i) {
        const Figure& c = figures_[counts[i]];
        const Figure& sh = figures_[shares[i]];
        matching += 100 * c.low / base_hi <= sh.high && sh.low <= 100 * c.high / base_lo;
      }
      if (matching == 0 || matching + 1 < counts.size()) return false;
      Relation r;
      r.kind = RelationKind::kPartsTotal;
      r.evidence = Evidence::kTable;
      r.certainty = Certainty::kCertain;
      r.caption = caption;
      r.total = ts.share;
      r.parts = shares;
      std::sort(r.parts.begin(), r.parts.end());
      SumParts(&r);
      r.consistent = r.sum_low <= tsh.high && tsh.low <= r.sum_high;
      r.flag = !r.consistent;
      out->push_back(std::move(r));
      return true;
    };
    // The relation of `parts` to `total`, or none when the sum is far from the total (another kind
    // of figure or a misread column). `adds_up` tells whether it holds as printed.
    // A percentage breakdown's caption is located at `row`'s label (its total, 100%, is no part).
    // `zero_total_shown`: the total is a printed zero that other rows of its column show to be a
    // total (see the total column below), so parts above it are a contradiction, not a misread.
    auto make = [&](int total, std::vector<int> parts, const std::string& caption, const Row& row,
                    std::vector<Relation>* out, bool zero_total_shown = false) {
      Relation r;
      r.evidence = Evidence::kTable;
      r.certainty = Certainty::kCertain;
      r.caption = caption;
      r.parts = std::move(parts);
      std::sort(r.parts.begin(), r.parts.end());
      if (figures_[total].kind == ESGAUDIT_FACT_PERCENT) {
        r.kind = RelationKind::kPercentBreakdown;
        r.caption_offset = row.label_length > 0 ? row.label_offset : figures_[total].offset;
        r.caption_length = row.label_length > 0 ? row.label_length : figures_[total].length;
      } else {
        r.kind = RelationKind::kPartsTotal;
        r.total = total;
      }
      SumParts(&r);
      const double tlo = figures_[total].low, thi = figures_[total].high;
      r.consistent = r.sum_low <= thi && tlo <= r.sum_high;
      if (!r.consistent) {
        // The same sum with the members exact by their context only widened to their rounding.
        auto rounded = [&](int i) {
          const Figure& f = figures_[i];
          return f.context_count ? ExactInterval(f.value, f.decimals, f.magnitude) : Interval{f.low, f.high};
        };
        double lo = 0, hi = 0;
        for (int p : r.parts) {
          const Interval iv = rounded(p);
          lo += iv.lo;
          hi += iv.hi;
        }
        const Interval t = r.total >= 0 ? rounded(r.total) : Interval{tlo, thi};
        r.adds_up_rounded = lo <= t.hi && t.lo <= hi;
      }
      // Counts printed with their shares of one base, and neither the counts nor the shares add up
      // to the total's: the rows are another total's parts (the next block of a table of several),
      // not a contradiction.
      if (!r.consistent && !r.adds_up_rounded && r.total >= 0 && share_of.count(total) > 0) {
        Slot ts;
        ts.figure = total;
        ts.share = share_of[total];
        std::vector<int> shares;
        for (int p : r.parts) {
          if (share_of.count(p) > 0) shares.push_back(share_of[p]);
        }
        std::vector<Relation> share_sums;
        if (shares.size() == r.parts.size() && share_sum(ts, r.parts, shares, caption, &share_sums) &&
            !share_sums.front().consistent) {
          return;
        }
      }
      // A sum far from the total is another kind of figure or a misread column: not this relation.
      bool plausible = r.sum_low <= 1.5 * thi && r.sum_high >= 0.67 * tlo;
      if (!plausible && !zero_total_shown) return;
      r.flag = !r.consistent;
      out->push_back(std::move(r));
    };
    // Returns whether the relation was kept and holds as printed.
    auto add = [&](int total, std::vector<int> parts, const std::string& caption, const Row& row,
                   bool zero_total_shown = false) {
      std::vector<Relation> one;
      make(total, std::move(parts), caption, row, &one, zero_total_shown);
      bool holds = false;
      for (Relation& r : one) {
        holds = holds || r.consistent;
        relabel(r);
        Add(std::move(r));
      }
      return holds;
    };
    // Each count column of the total row `head` against the same column of the rows `list`, into
    // `columns`; returns how many columns were tried (for MostAddUp). A percentage column is no
    // total, nor, with `skip_rates`, a column under a rate header.
    auto column_totals = [&](const Row& head, const std::vector<size_t>& list, bool skip_rates,
                             std::vector<Relation>* columns) {
      size_t tried = 0;
      for (const Slot& ts : head.cells) {
        if (ts.figure < 0 || figures_[ts.figure].kind == ESGAUDIT_FACT_PERCENT) continue;
        std::string h = header_of_row(head, ts.slot);
        if (skip_rates && RateLabel(h)) continue;
        std::vector<int> parts;
        if (!column_parts(list, ts.slot, &parts) || !uniform(parts, ts.figure)) continue;
        ++tried;
        make(ts.figure, std::move(parts), h.empty() ? head.label : head.label + "/" + h, head, columns);
      }
      return tried;
    };

    // Total column (rows are years or categories; the header's columns never years).
    // A printed total of an exact zero (a count: 事故（次） 0) over parts that are not all zero is no
    // sum a ratio can judge plausible; it is kept, and flagged, when at least two other rows of the
    // same header show the column to be their total with non-zero totals that hold as printed.
    struct ZeroTotal {
      int total;
      std::vector<int> parts;
      std::string caption;
      const Row* row;
      int tslot;
    };
    std::vector<ZeroTotal> zero_totals;
    std::map<std::pair<int, int>, int> column_holds;  // (header, total slot) -> non-zero rows holding
    // The zeros of the parts are judged to their column's printed precision, the columns taken over
    // the rows of one header under one total column (ZerosToColumnPrecision).
    {
      std::map<std::pair<int, int>, std::map<int, std::vector<int>>> columns;  // (header, total slot) -> slot -> cells
      for (const Row& row : rows) {
        if (!row.readable || row.label.empty() || RateLabel(row.label) || year_columns(header_row(row))) continue;
        for (const auto& [tslot, head] : header_row(row)) {
          const Slot* total = TableTotalLabel(head) ? row.At(tslot) : nullptr;
          if (total == nullptr || total->figure < 0) continue;
          auto& by_slot = columns[{row.header, tslot}];
          by_slot[tslot].push_back(total->figure);
          for (const Slot& s : row.cells) {
            if (s.slot >= tslot || (s.figure < 0 && !s.dash)) continue;
            const std::string h = header_of_row(row, s.slot);
            if (!TableTotalLabel(h) && !RateLabel(h)) by_slot[s.slot].push_back(s.figure);
          }
        }
      }
      for (const auto& [key, by_slot] : columns) {
        std::vector<std::vector<int>> parts;
        for (const auto& [slot, cells] : by_slot) {
          if (slot != key.second) parts.push_back(cells);
        }
        ZerosToColumnPrecision(parts, by_slot.at(key.second), nullptr);
      }
    }
    for (const Row& row : rows) {
      if (!row.readable || row.label.empty() || RateLabel(row.label) || year_columns(header_row(row))) continue;
      auto header_of = [&](int slot) { return header_of_row(row, slot); };
      for (const auto& [tslot, head] : header_row(row)) {
        if (!TableTotalLabel(head)) continue;
        {
          const Slot* total = row.At(tslot);
          if (total == nullptr || total->figure < 0) continue;
          std::vector<int> parts;
          bool ok = true;
          for (const Slot& s : row.cells) {
            if (s.slot >= tslot || (s.figure < 0 && !s.dash)) continue;
            std::string h = header_of(s.slot);
            if (TableTotalLabel(h) || (RateLabel(h) && figures_[total->figure].kind != ESGAUDIT_FACT_PERCENT)) {
              ok = false;  // a subtotal or a rate among the parts
              break;
            }
            if (s.figure >= 0) parts.push_back(s.figure);
          }
          if (!ok || !uniform(parts, total->figure)) continue;
          const Figure& tf = figures_[total->figure];
          const bool zero = tf.value == 0 && tf.low == 0 && tf.high == 0 &&
                            std::any_of(parts.begin(), parts.end(), [&](int p) { return figures_[p].value > 0; });
          if (zero) {
            zero_totals.push_back({total->figure, std::move(parts), row.label + "/" + head, &row, tslot});
            continue;
          }
          if (add(total->figure, std::move(parts), row.label + "/" + head, row) && tf.value > 0) {
            ++column_holds[{row.header, tslot}];
          }
        }
      }
    }
    for (ZeroTotal& z : zero_totals) {
      const auto it = column_holds.find({z.row->header, z.tslot});
      add(z.total, std::move(z.parts), z.caption, *z.row, it != column_holds.end() && it->second >= 2);
    }

    // Columns naming every category of a closed set (男 / 女, 男性员工 / 女性员工) right of a column
    // whose header names the set's head with a total (总人数, 员工总数): in each row the category
    // cells are the parts of that cell, as a 合计 column's are. A header is read with the row of
    // labels printed under it (a two-line header: 总人数 over nothing, 性别 over 男 and 女), so
    // tables laid out with empty spacer columns and one-row tables are read alike. A category
    // header may add to its category only a word of the total's header (男性员工 under 员工总数):
    // 女性管理者 counts another population. Other columns (残疾员工) are no parts; rates and shares
    // are not summed, but a share row whose total cell is 100% is a breakdown of it.
    {
      std::map<int, std::string> sub;  // the labels-only row under the current header
      int sub_header = -2;
      for (const Row& row : rows) {
        if (row.header != sub_header) {
          sub.clear();
          sub_header = row.header;
        }
        if (!row.has_figure) {
          size_t texts = 0;
          for (const Slot& s : row.cells) texts += !s.text.empty();
          if (texts >= 2 && texts == row.cells.size() && row.readable) {
            sub.clear();
            for (const Slot& s : row.cells) sub[s.slot] = s.text;
          }
          continue;
        }
        if (!row.readable) continue;
        std::map<int, std::string> h = header_row(row);
        for (const auto& [slot, text] : sub) {
          auto it = h.find(slot);
          if (it == h.end() || it->second.empty()) h[slot] = text;
        }
        for (int d = 0; d < static_cast<int>(Dimensions().size()); ++d) {
          const Dimension& dim = Dimensions()[d];
          if (!dim.closed) continue;
          std::map<std::string, int> by_category;  // category -> slot
          bool twice = false;
          for (const auto& [slot, text] : h) {
            auto [hd, cat] = Categorise(text);
            if (hd != d) continue;
            twice = twice || by_category.count(cat);
            by_category[cat] = slot;
          }
          std::set<std::string> all;
          for (const auto& [printed, cat] : dim.categories) all.insert(cat);
          if (twice || by_category.size() != all.size()) continue;
          int first = INT32_MAX;
          for (const auto& [cat, slot] : by_category) first = std::min(first, slot);
          // The total: the one header left of the categories naming the head with a total.
          int tslot = -1, heads = 0;
          for (const auto& [slot, text] : h) {
            if (slot >= first || Categorise(text).first >= 0 || !HasHead(text, d)) continue;
            if (!Has(text, "总") && !TableTotalLabel(text)) continue;
            ++heads;
            tslot = slot;
          }
          if (heads != 1 || RateLabel(h[tslot])) continue;
          const std::string total_header = Lower(h[tslot]);
          bool named = true;
          for (const auto& [cat, slot] : by_category) {
            std::string rest = Lower(h[slot]);
            size_t best = 0;
            std::string_view word;
            for (const auto& [printed, c] : dim.categories) {
              std::string_view pv(printed);
              if (c == cat && pv.size() > best && Has(rest, pv)) {
                best = pv.size();
                word = pv;
              }
            }
            if (word.empty()) {
              named = false;
              break;
            }
            rest.erase(rest.find(word), word.size());
            rest.erase(std::remove(rest.begin(), rest.end(), ' '), rest.end());
            named = named && !RateLabel(h[slot]) && (rest.empty() || Has(total_header, rest));
          }
          if (!named) continue;
          const Slot* total = row.At(tslot);
          if (total == nullptr || total->figure < 0 || Summed(total->figure)) continue;
          // A row of rates is summed only as shares of a whole printed as 100%.
          if (RateLabel(row.label) && figures_[total->figure].kind != ESGAUDIT_FACT_PERCENT) continue;
          std::vector<int> parts;
          bool ok = true;
          for (const auto& [cat, slot] : by_category) {
            const Slot* p = row.At(slot);
            ok = ok && p != nullptr && p->figure >= 0;
            if (ok) parts.push_back(p->figure);
          }
          if (!ok || !uniform(parts, total->figure)) continue;
          add(total->figure, std::move(parts), row.label.empty() ? h[tslot] : row.label + "/" + h[tslot], row);
        }
      }
    }

    // A total row written with one tab more or less than the rows it sums (总计 whose count stands
    // under the share column next to the count column; 女性合计 one tab left of its rows): when its
    // figures do not stand under figures of their kind (a percentage or not) in the rows above, and
    // moved one slot right or left (but not both) they all do, its figure and dash cells move there.
    for (size_t ri = 1; ri < rows.size(); ++ri) {
      Row& tr = rows[ri];
      if (!tr.readable || !TableTotalLabel(tr.label)) continue;
      // 1: the nearest figure above in the slot is a percentage, 0: another kind, -1: none.
      auto percent_above = [&](int slot) {
        for (size_t k = ri; k-- > 0;) {
          const Slot* s = rows[k].At(slot);
          if (s != nullptr && s->figure >= 0) return figures_[s->figure].kind == ESGAUDIT_FACT_PERCENT ? 1 : 0;
        }
        return -1;
      };
      auto fits = [&](int d) {
        bool any = false;
        for (const Slot& s : tr.cells) {
          if (s.figure < 0) continue;
          any = true;
          const int to = s.slot + d;
          if (to < 1) return false;
          const Slot* there = tr.At(to);
          if (d != 0 && there != nullptr && there->figure < 0 && !there->dash) return false;  // a label there
          if (percent_above(to) != (figures_[s.figure].kind == ESGAUDIT_FACT_PERCENT ? 1 : 0)) return false;
        }
        return any;
      };
      if (fits(0)) continue;
      const bool right = fits(+1);
      const bool left = fits(-1);
      if (right == left) continue;
      const int d = right ? +1 : -1;
      for (Slot& s : tr.cells) {
        if ((s.figure >= 0 || s.dash) && s.slot + d >= 1) s.slot += d;
      }
    }

    // A total row ending in shares that stand over figures of another kind in the rows above it (a
    // share column the total row alone prints, with an empty column it prints no dash for, so that
    // its cells stand one place off the rows' by index) does not say which of their columns a cell
    // totals: it is unreadable. Its cells but the shares are then never as many as each row's
    // (aligned from the end they would be: that row is wider than the grid, which the model leaves
    // out of the table).
    for (size_t ri = 1; ri < rows.size(); ++ri) {
      Row& tr = rows[ri];
      if (!tr.readable || !TableTotalLabel(tr.label)) continue;
      std::vector<const Slot*> values;  // its figure and dash cells, left to right
      for (const Slot& s : tr.cells) {
        if (s.figure >= 0 || s.dash) values.push_back(&s);
      }
      size_t shares = 0;
      while (shares < values.size() && values[values.size() - 1 - shares]->figure >= 0 &&
             figures_[values[values.size() - 1 - shares]->figure].kind == ESGAUDIT_FACT_PERCENT) {
        ++shares;
      }
      if (shares == 0 || shares == values.size()) continue;
      bool over_other_kind = false;
      for (size_t k = ri; k-- > 0;) {  // the rows it may total: up to a row of no figure or another total
        const Row& pr = rows[k];
        if (!pr.has_figure || TableTotalLabel(pr.label)) break;
        for (size_t s = values.size() - shares; s < values.size(); ++s) {
          const Slot* ps = pr.At(values[s]->slot);
          over_other_kind = over_other_kind || (ps != nullptr && ps->figure >= 0 &&
                                                figures_[ps->figure].kind != ESGAUDIT_FACT_PERCENT);
        }
      }
      if (over_other_kind) tr.readable = false;
    }

    // Total rows: the rows above (or, for the first data row, below) per column.
    auto block = [&](size_t from, int dir, std::vector<size_t>* out) {
      for (long k = static_cast<long>(from); k >= 0 && k < static_cast<long>(rows.size()); k += dir) {
        const Row& pr = rows[static_cast<size_t>(k)];
        if (!pr.has_figure || TableTotalLabel(pr.label)) break;  // a group title or another total
        if (!pr.readable || IsNestedLabel(pr.label)) return false;  // nested rows: unsure
        out->push_back(static_cast<size_t>(k));
      }
      return true;
    };
    // A row of rates or per-unit values: a rate word in any of its labels (人均 as a group label), or
    // a unit per something (小时/人).
    auto rate_cells = [&](const Row& row) {
      if (RateLabel(row.label) || Has(row.unit, "/") || Has(row.unit, "每")) return true;
      for (const Slot& c : row.cells) {
        if (c.figure < 0 && !c.dash && (RateLabel(c.text) || Has(c.text, "/"))) return true;
      }
      return false;
    };
    // A row heading the rows under it that an Other / 其他 row closes (Hazardous waste disposed,
    // then Upstream, Integrated Gas, Downstream, Other): the head is the nearest row above the
    // Other row whose rows below add up to it in every column but at most one (MostAddUp), every
    // column then checked. Its rows are no parts of a total above the head. A row further up whose
    // rows (the nearer candidate's included) add up to it in more columns, or in as many when it is
    // named as a total, is the head instead: a region block closed by 其他地区 under a total row
    // printed first starts with a region, not a head of the rest.
    std::set<size_t> under_head;
    for (size_t oi = 2; oi < rows.size(); ++oi) {
      if (!rows[oi].has_figure || !rows[oi].readable || !OtherLabel(rows[oi].label) || under_head.count(oi)) continue;
      std::vector<Relation> best;
      size_t best_head = 0, best_consistent = 0;
      for (size_t hi = oi - 1; hi-- > 0 && oi - hi <= 12;) {
        const Row& head = rows[hi];
        const Row& below = rows[hi + 1];
        if (!below.has_figure || !below.readable || below.label.empty() || TableTotalLabel(below.label) ||
            IsNestedLabel(below.label) || rate_cells(below) || below.unit != rows[oi].unit) {
          break;
        }
        if (!head.has_figure || !head.readable || head.label.empty() || rate_cells(head) || head.unit != below.unit) {
          continue;
        }
        std::vector<size_t> under;  // the rows from the head's next to the Other row
        for (size_t k = hi + 1; k <= oi; ++k) under.push_back(k);
        std::vector<Relation> columns;
        const size_t tried = column_totals(head, under, false, &columns);
        if (!MostAddUp(columns, tried)) continue;
        const size_t consistent = static_cast<size_t>(std::count_if(columns.begin(), columns.end(), ShowsGrouping));
        // On a tie a row named as a total (员工总数) is the head rather than a category row.
        if (consistent < best_consistent || (consistent == best_consistent && !TableTotalLabel(head.label))) continue;
        best = std::move(columns);
        best_head = hi;
        best_consistent = consistent;
      }
      if (best.empty()) continue;
      for (Relation& r : best) {
        relabel(r);
        Add(std::move(r));
      }
      for (size_t k = best_head + 1; k <= oi; ++k) under_head.insert(k);
    }

    // A water balance (GRI 303-5: consumption is withdrawal less discharge): a table with one row
    // each of total water withdrawal (withdrawn, abstracted), total water discharge (discharged,
    // returned) and total water consumption (consumed), no qualifier in brackets on any of them
    // ("exc. hydro generation" is another scope): in each column holding all three figures of one
    // kind and unit, withdrawal = discharge + consumption.
    {
      auto role = [](const std::string& label) -> int {
        const std::string l = Lower(label);
        if (!Has(l, "total") || !Has(l, "water") || Has(l, "(") || Has(l, "\xEF\xBC\x88")) return -1;
        const bool in = Has(l, "withdraw") || Has(l, "abstract");
        const bool out = Has(l, "discharg") || Has(l, "returned");
        const bool used = Has(l, "consum");
        if (in + out + used != 1) return -1;
        return in ? 0 : out ? 1 : 2;
      };
      int at[3] = {-1, -1, -1};
      bool unique = true;
      for (size_t ri = 0; ri < rows.size(); ++ri) {
        if (!rows[ri].readable || !rows[ri].has_figure) continue;
        const int k = role(rows[ri].label);
        if (k < 0) continue;
        unique = unique && at[k] < 0;
        at[k] = static_cast<int>(ri);
      }
      if (unique && at[0] >= 0 && at[1] >= 0 && at[2] >= 0) {
        const Row& withdrawal = rows[at[0]];
        for (const Slot& ts : withdrawal.cells) {
          if (ts.figure < 0) continue;
          const Slot* d = rows[at[1]].At(ts.slot);
          const Slot* c = rows[at[2]].At(ts.slot);
          if (d == nullptr || c == nullptr || d->figure < 0 || c->figure < 0) continue;
          const Figure& tf = figures_[ts.figure];
          bool same = tf.kind != ESGAUDIT_FACT_PERCENT && tf.qualifiers == 0;
          for (const Slot* ps : {d, c}) {
            const Figure& pf = figures_[ps->figure];
            same = same && pf.kind == tf.kind && pf.unit == tf.unit && pf.qualifiers == 0;
          }
          if (same) add(ts.figure, {d->figure, c->figure}, withdrawal.label, withdrawal);
        }
      }
    }

    // Twin totals by accounting method (GHG Protocol Scope 2: "Total, location-based" over "Total,
    // market-based"): two total rows next to each other, each naming one of the two methods, over a
    // block of rows. Each total sums the rows naming its method and those naming none, except a row
    // naming none that opens with the same two words as a row naming the other method: that is its
    // twin, the same quantity by this total's method ("Indirect, from electricity ..." beside
    // "Indirect, from electricity ... (market-based method)"). Taken when the columns of both totals
    // add up in all but at most one (MostAddUp); each column is then checked.
    for (size_t ri = 1; ri < rows.size(); ++ri) {
      const Row* pair[2] = {&rows[ri - 1], &rows[ri]};
      int method[2];
      bool twins = true;
      for (int t = 0; t < 2; ++t) {
        method[t] = AccountingMethod(pair[t]->label);
        twins = twins && pair[t]->readable && pair[t]->has_figure && TableTotalLabel(pair[t]->label) &&
                method[t] != 0 && !rate_cells(*pair[t]);
      }
      if (!twins || method[0] == method[1] || ri < 3) continue;
      std::vector<size_t> above;
      if (!block(ri - 2, -1, &above) || above.size() < 2) continue;
      std::map<size_t, int> by;  // row -> the method it is counted under (0: both)
      for (size_t k : above) by[k] = AccountingMethod(rows[k].label);
      for (size_t k : above) {
        if (by[k] != 0 || AccountingMethod(rows[k].label) != 0) continue;
        const std::string opening = OpeningWords(rows[k].label);
        for (size_t q : above) {
          if (q != k && !opening.empty() && AccountingMethod(rows[q].label) != 0 && OpeningWords(rows[q].label) == opening)
            by[k] = 3 - AccountingMethod(rows[q].label);
        }
      }
      if (std::any_of(above.begin(), above.end(), [&](size_t k) { return rate_cells(rows[k]); })) continue;
      std::vector<Relation> columns;
      size_t tried = 0;
      for (int t = 0; t < 2; ++t) {
        std::vector<size_t> parts;
        for (size_t k : above) {
          if (by[k] == 0 || by[k] == method[t]) parts.push_back(k);
        }
        if (parts.size() < 2 || parts.size() == above.size()) {
          tried = 0;
          break;
        }
        std::sort(parts.begin(), parts.end());
        tried += column_totals(*pair[t], parts, true, &columns);
      }
      if (tried == 0 || !MostAddUp(columns, tried)) continue;
      for (Relation& r : columns) {
        relabel(r);
        Add(std::move(r));
      }
    }

    std::set<size_t> part_of_total;
    for (size_t ri = 0; ri < rows.size(); ++ri) {
      const Row& tr = rows[ri];
      // A total named by its quantity (贷款总额) only below two or more rows, none of them signed.
      const bool quantity = !TableTotalLabel(tr.label) && QuantityTotalLabel(tr.label);
      if (!tr.readable || !tr.has_figure || !(quantity || TableTotalLabel(tr.label))) continue;
      std::vector<size_t> part_rows;
      bool ok = ri == 0 || block(ri - 1, -1, &part_rows);
      if (quantity && (!ok || part_rows.size() < 2 ||
                       std::any_of(part_rows.begin(), part_rows.end(), [&](size_t k) { return SignedRowLabel(rows[k].label); }))) {
        continue;
      }
      // A subtotal row right above whose cells under this total's figures are dashes (地区小计 with
      // "-" in the 组别小计 column) is another axis of the table: the rows above it are read.
      const Row* subtotal = nullptr;  // that subtotal row
      if (ok && part_rows.empty() && ri >= 2 && rows[ri - 1].readable && TableTotalLabel(rows[ri - 1].label)) {
        bool dashes = true;
        for (const Slot& ts : tr.cells) {
          if (ts.figure < 0) continue;
          const Slot* up = rows[ri - 1].At(ts.slot);
          dashes = dashes && up != nullptr && up->dash;
        }
        if (dashes) {
          ok = block(ri - 2, -1, &part_rows);
          subtotal = &rows[ri - 1];
        }
      }
      // Several breakdowns of one population stacked above its total (job classes, then
      // nationality, then age bands, over 地区小计): consecutive blocks of two or more rows, each
      // adding up to the total in some column, are each a breakdown of it, checked in every column.
      if (ok && part_rows.size() >= 4) {
        std::vector<size_t> sorted = part_rows;
        std::sort(sorted.begin(), sorted.end());
        std::vector<std::vector<size_t>> blocks;
        // The blocks are cut by the first column that adds up block by block: the total row's, then
        // the subtotal row's (地区小计 per site), so one changed figure leaves the cut to another column.
        std::vector<const Slot*> cutters;
        for (const Slot& ts : tr.cells) cutters.push_back(&ts);
        if (subtotal != nullptr) {
          for (const Slot& ts : subtotal->cells) cutters.push_back(&ts);
        }
        for (const Slot* cutter : cutters) {
          const Slot& ts = *cutter;
          if (ts.figure < 0 || !blocks.empty()) continue;
          const Figure& tf = figures_[ts.figure];
          if (tf.kind == ESGAUDIT_FACT_PERCENT || tf.qualifiers != 0) continue;
          std::vector<std::vector<size_t>> cut(1);
          double lo = 0, hi = 0;
          bool fail = false;
          for (size_t k : sorted) {
            const Slot* ps = rows[k].At(ts.slot);
            if (ps == nullptr || ps->figure < 0) {
              fail = true;
              break;
            }
            const Figure& pf = figures_[ps->figure];
            if (pf.kind != tf.kind || pf.unit != tf.unit || pf.qualifiers != 0) {
              fail = true;
              break;
            }
            cut.back().push_back(k);
            lo += pf.low;
            hi += pf.high;
            if (lo <= tf.high && tf.low <= hi) {
              if (cut.back().size() < 2) {
                fail = true;
                break;
              }
              cut.emplace_back();
              lo = hi = 0;
            } else if (lo > tf.high) {
              fail = true;
              break;
            }
          }
          if (!fail && cut.back().empty() && cut.size() >= 3) {
            cut.pop_back();
            blocks = std::move(cut);
          }
        }
        if (!blocks.empty()) {
          bool rate_total = RateLabel(tr.label);
          for (const std::vector<size_t>& b : blocks) {
            for (const Slot& ts : tr.cells) {
              if (ts.figure < 0 || rate_total) continue;
              const Figure& tf = figures_[ts.figure];
              std::string h = header_of_row(tr, ts.slot);
              if (tf.kind != ESGAUDIT_FACT_PERCENT && RateLabel(h)) continue;
              std::vector<int> parts;
              if (!column_parts(b, ts.slot, &parts) || !uniform(parts, ts.figure)) continue;
              add(ts.figure, std::move(parts), h.empty() ? tr.label : tr.label + "/" + h, tr);
              // The share column beside the count column (人数 then 比例), its total not printed: the
              // block's shares are a breakdown of 100 % when they are the counts over the total row by
              // row, in every row but at most one (so that one changed share or count is still read).
              if (tf.kind == ESGAUDIT_FACT_PERCENT || tf.value <= 0 || tr.At(ts.slot + 1) != nullptr) continue;
              std::vector<int> shares;
              size_t matching = 0;
              for (size_t k : b) {
                const Slot* cs = rows[k].At(ts.slot);
                const Slot* ss = rows[k].At(ts.slot + 1);
                if (cs == nullptr || ss == nullptr || cs->figure < 0 || ss->figure < 0) break;
                const Figure& sf = figures_[ss->figure];
                if (sf.kind != ESGAUDIT_FACT_PERCENT || sf.qualifiers != 0) break;
                const double ratio = 100 * figures_[cs->figure].value / tf.value;
                matching += sf.low - 1e-9 <= ratio && ratio <= sf.high + 1e-9;
                shares.push_back(ss->figure);
              }
              if (shares.size() != b.size() || matching == 0 || matching + 1 < shares.size()) continue;
              Relation r;
              r.kind = RelationKind::kPercentBreakdown;
              r.evidence = Evidence::kTable;
              r.certainty = Certainty::kCertain;
              std::string sh = header_of_row(tr, ts.slot + 1);
              r.caption = sh.empty() ? tr.label : tr.label + "/" + sh;
              r.caption_offset = tr.label_offset;
              r.caption_length = tr.label_length;
              r.parts = std::move(shares);
              std::sort(r.parts.begin(), r.parts.end());
              SumParts(&r);
              r.consistent = r.sum_low <= 100 && 100 <= r.sum_high;
              r.flag = !r.consistent;
              relabel(r);
              Add(std::move(r));
            }
            for (size_t k : b) part_of_total.insert(k);
          }
          continue;
        }
      }
      // A total above its rows may head rows of another kind (Total employees over turnover): taken
      // when one of its columns adds up, or when the rows name every category of a closed set.
      bool above = false;
      if (part_rows.size() < 2 && (ri == 0 || !rows[ri - 1].has_figure)) {
        part_rows.clear();
        ok = block(ri + 1, +1, &part_rows);
        above = true;
        part_rows.erase(std::remove_if(part_rows.begin(), part_rows.end(), [&](size_t k) { return under_head.count(k) > 0; }),
                        part_rows.end());
      }
      // Each later block titled as a breakdown (a row of one label naming it: 按员工学历划分, 学历构成,
      // by age) is another breakdown of the same total, checked per column when one of its columns
      // adds up. A title that is only the dimension's name (性别, 年龄, 教育程度) says so itself, so
      // its block is checked even when no column adds up (the sum must still be near the total);
      // such blocks also follow a total row below its own rows (母公司, 子公司, 合计; 性别; 年龄).
      auto titled_blocks = [&](size_t from, bool total_first) {
        for (size_t title = from; title + 2 < rows.size();) {
          const Row& tr2 = rows[title];
          std::string tl = Lower(tr2.label);
          const bool dimension = !tr2.has_figure && tr2.readable && DimensionTitle(tr2.label);
          bool titled = !tr2.has_figure && tr2.readable && !tl.empty() && (total_first || dimension) &&
                        (Has(tl, "按") || Has(tl, "构成") || Has(tl, "结构") || Has(tl, " by ") || dimension);
          if (!titled) break;
          std::vector<size_t> block_rows;
          if (!block(title + 1, +1, &block_rows) || block_rows.size() < 2) break;
          std::set<std::string> block_units;
          for (size_t k : block_rows) block_units.insert(LabelUnit(rows[k].label));
          block_units.insert(LabelUnit(tr.label));
          block_units.erase("");
          bool rates = std::any_of(block_rows.begin(), block_rows.end(), [&](size_t k) { return RateLabel(rows[k].label); });
          std::vector<Relation> block_columns;
          for (const Slot& ts : tr.cells) {
            if (ts.figure < 0 || block_units.size() > 1 || rates) continue;
            std::vector<int> parts;
            if (!column_parts(block_rows, ts.slot, &parts) || !uniform(parts, ts.figure)) continue;
            std::string h = header_of_row(tr, ts.slot);
            make(ts.figure, std::move(parts), h.empty() ? tr2.label : tr2.label + "/" + h, tr, &block_columns);
          }
          bool adds = std::any_of(block_columns.begin(), block_columns.end(), ShowsGrouping);
          if (adds || dimension) {
            for (Relation& r : block_columns) {
              relabel(r);
              Add(std::move(r));
            }
          }
          title = block_rows.back() + 1;
        }
      };
      if (!ok || part_rows.size() < 2) {
        // A total first with one row under it (少数民族 under 员工总人数: a subset) and then titled
        // breakdowns (按性别划分, 按地区划分): the blocks are read as below.
        size_t first_title = ri + 1;
        while (first_title < rows.size() && first_title <= ri + 2 && rows[first_title].has_figure) ++first_title;
        if (ok && above && first_title <= ri + 2) titled_blocks(first_title, true);
        // A total first with its 其中 rows under it (其中：男, 其中：女; read by the of-which reader
        // below) and then titled breakdowns (按年龄分): the blocks are read as above.
        if (!ok && above) {
          size_t k = ri + 1;
          while (k < rows.size() && rows[k].readable && rows[k].has_figure && OfWhichLabel(rows[k].label)) ++k;
          if (k > ri + 1) titled_blocks(k, true);
        }
        continue;
      }
      std::sort(part_rows.begin(), part_rows.end());
      std::vector<Relation> columns;
      std::vector<Relation> share_columns;  // the shares in brackets beside a count column's cells
      bool rate_row = std::any_of(part_rows.begin(), part_rows.end(),
                                  [&](size_t k) { return RateLabel(rows[k].label); });
      // Units named in the row labels ("培训次数(次)" under "培训总人数(人次)") must agree.
      std::set<std::string> units;
      for (size_t k : part_rows) units.insert(LabelUnit(rows[k].label));
      units.insert(LabelUnit(tr.label));
      units.erase("");
      if (units.size() > 1) continue;
      for (const Slot& ts : tr.cells) {
        if (ts.figure < 0) continue;
        const Figure& tf = figures_[ts.figure];
        std::string h = header_of_row(tr, ts.slot);
        // A column of shares printed without % under a header that says so (占比(%), 比例, Share):
        // its parts add up to the total row's 100, or to its share of the base the header names.
        std::string hl = Lower(h);
        const int glued = GluedHundredDecimals(tf);
        // Shares of one base the header names (在公司贷款中占比) add up to the total row's share of
        // it, whatever that is; under a 合计 row only.
        const bool of_named_base = tf.value > 0 && tf.value < 100 && glued == 0 && IsTotalLabel(tr.label) &&
                                   SharesOfANamedBase(h);
        const bool bare_shares = tf.kind != ESGAUDIT_FACT_PERCENT && (tf.value == 100 || glued > 0 || of_named_base) &&
                                 tf.unit.empty() && !rate_row && !RateLabel(tr.label) &&
                                 (Has(hl, "%") || Has(hl, "占比") || Has(hl, "比例") || Has(hl, "比重") ||
                                  Has(hl, "share") || Has(hl, "proportion"));
        if (tf.kind != ESGAUDIT_FACT_PERCENT && !bare_shares && (rate_row || RateLabel(h) || RateLabel(tr.label)))
          continue;
        std::vector<int> parts;
        std::vector<int> shares;  // the parts' shares in brackets (56 (1.1%))
        bool missing = false;
        for (size_t k : part_rows) {
          const Slot* s = rows[k].At(ts.slot);
          // In a tab table, a slot left empty between two tabs is an empty value, like a dash.
          if (s == nullptr && tabs && !rows[k].cells.empty() && rows[k].cells.back().slot > ts.slot) continue;
          if (s == nullptr || (s->figure < 0 && !s->dash)) {
            missing = true;
            break;
          }
          if (s->figure >= 0) parts.push_back(s->figure);
          if (s->figure >= 0 && s->share >= 0) shares.push_back(s->share);
        }
        // 100.0011 is read as 100.00 only under shares printed with exactly its two decimals, and
        // is no total otherwise.
        if (tf.value != 100 && glued > 0) {
          if (!bare_shares || missing || parts.empty() ||
              !std::all_of(parts.begin(), parts.end(), [&](int p) { return figures_[p].decimals == glued; })) {
            continue;
          }
          Figure& g = figures_[ts.figure];
          g.value = 100;
          g.decimals = glued;
          g.low = 100 - 0.5 * std::pow(10.0, -glued);
          g.high = 100 + 0.5 * std::pow(10.0, -glued);
          g.text = g.text.substr(0, 4 + glued);
        }
        if (missing || !uniform(parts, ts.figure)) continue;
        // "合计/女" says no more than the column; "员工总数/2016年" names the total.
        const bool bare = Cps(tr.label) <= 2 || Lower(tr.label) == "total";
        const std::string caption = h.empty() ? tr.label : bare ? h : tr.label + "/" + h;
        const bool shared =
            ts.share >= 0 && shares.size() == parts.size() && share_sum(ts, parts, shares, caption, &share_columns);
        const size_t made = columns.size();
        make(ts.figure, std::move(parts), caption, tr, &columns);
        if (shared && columns.size() == made) share_columns.pop_back();  // the counts are no sum (see make)
      }
      // With several columns, one must add up to show that the rows are the total's parts (a
      // cumulative 合计 row under the year's additions does not; counts exact by their header only
      // are read with their rounding here, ShowsGrouping); a total above its rows needs
      // that even with one column, unless the rows name every category of a closed set.
      size_t figure_columns = 0;
      for (const Slot& ts : tr.cells) figure_columns += ts.figure >= 0;
      bool corroborated = !above && figure_columns < 2;
      for (const Relation& r : columns) corroborated = corroborated || ShowsGrouping(r);
      if (above && !corroborated) {
        bool closed = false;
        if (!columns.empty()) {
          std::set<std::string> cats;
          int dim = -2;
          for (size_t k : part_rows) {
            auto [d, cat] = Categorise(rows[k].label);
            dim = (d < 0 || (dim != -2 && d != dim)) ? -1 : d;
            if (dim < 0) break;
            cats.insert(cat);
          }
          if (dim >= 0 && Dimensions()[dim].closed) {
            std::set<std::string> all;
            for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
            closed = cats == all && cats.size() == part_rows.size();
          }
        }
        corroborated = corroborated || closed;
      }
      if (!corroborated) continue;
      for (size_t k : part_rows) part_of_total.insert(k);
      for (Relation& r : columns) {
        relabel(r);
        Add(std::move(r));
      }
      for (Relation& r : share_columns) {
        relabel(r);
        Add(std::move(r));
      }
      titled_blocks(above ? part_rows.back() + 1 : ri + 1, above);
    }

    // A total row whose label is a noun and a total word (供应商总数, 员工总人数, Total suppliers),
    // followed by rows whose labels end in that noun (港澳台及境外供应商, 大陆供应商): those rows are its
    // parts, taken when every column but one adds up (MostAddUp). They may leave others unnamed, so
    // only parts above their total are flagged.
    for (size_t ri = 0; ri + 2 < rows.size(); ++ri) {
      const Row& tr = rows[ri];
      if (!tr.readable || !tr.has_figure || !TableTotalLabel(tr.label) || rate_cells(tr)) continue;
      const std::string noun = TotalNoun(tr.label);
      if (Cps(noun) < 2) continue;
      std::vector<size_t> list;
      for (size_t k = ri + 1; k < rows.size(); ++k) {
        const Row& pr = rows[k];
        const std::string stem = TotalNoun(pr.label, /*strip_total=*/false);
        if (!pr.readable || !pr.has_figure || TableTotalLabel(pr.label) || rate_cells(pr) || stem.size() <= noun.size() ||
            stem.compare(stem.size() - noun.size(), noun.size(), noun) != 0 ||
            (!pr.unit.empty() && !tr.unit.empty() && pr.unit != tr.unit)) {
          break;
        }
        list.push_back(k);
      }
      if (list.size() < 2) continue;
      std::vector<Relation> columns;
      const size_t tried = column_totals(tr, list, false, &columns);
      if (!MostAddUp(columns, tried)) continue;
      add_flagging_excess(columns);
    }

    // Groups shown by the figures alone, no label naming them (a footprint by scope: Scope 1, then
    // its sources, Scope 2, Scope 3, then its categories, then the footprint): a row followed by two
    // or more rows that add up to it in three or more count columns and in every column tried but
    // at most one is the head of those rows (the shortest such run; its rows head none of their
    // own). A row after the groups that the heads and the rows outside any group, up to a row
    // without figures, a rate row or the table's first row, add up to in the same way is their
    // total. Three columns adding up, each to a total other than zero, are the least: one or two may
    // add up by chance. A row named as a total (Total footprint) may be that total, never a head or a
    // part; of-which rows, rates and years as labels are left to the passes above and below, and a
    // figure already summed is not summed again.
    {
      constexpr size_t kNoRow = static_cast<size_t>(-1);
      // A label opening with a year (2021, FY2022, 2023年): a row of a time series.
      auto year_label = [](std::string l) {
        l = Lower(l);
        if (l.rfind("fy", 0) == 0) l.erase(0, 2);
        return l.size() >= 4 && (l.compare(0, 2, "19") == 0 || l.compare(0, 2, "20") == 0) &&
               std::all_of(l.begin(), l.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
      };
      auto countable = [&](size_t k) {
        const Row& r = rows[k];
        return r.readable && r.has_figure && !r.label.empty() && !IsNestedLabel(r.label) && !OfWhichLabel(r.label) &&
               !rate_cells(r) && !year_label(r.label);
      };
      auto plain = [&](size_t k) { return countable(k) && !TableTotalLabel(rows[k].label); };
      auto summed = [&](const Row& r) {
        return std::any_of(r.cells.begin(), r.cells.end(), [&](const Slot& c) { return c.figure >= 0 && Summed(c.figure); });
      };
      // Whether `columns` show the grouping: three or more add up to a total other than zero, and
      // all tried but at most one do.
      auto shown = [&](const std::vector<Relation>& columns, size_t tried) {
        size_t held = 0;
        for (const Relation& r : columns) held += ShowsGrouping(r) && figures_[r.total].value > 0;
        return held >= 3 && MostAddUp(columns, tried);
      };
      constexpr size_t kMaxGroup = 12;
      std::vector<size_t> member_of(rows.size(), kNoRow);  // per row, the head of its group
      std::vector<uint8_t> head_of_group(rows.size(), 0);
      for (size_t hi = 0; hi + 2 < rows.size();) {
        if (!plain(hi) || summed(rows[hi])) {
          ++hi;
          continue;
        }
        size_t found = 0;
        std::vector<Relation> best;
        std::vector<size_t> run{hi + 1};
        for (size_t e = hi + 2; e < rows.size() && e - hi <= kMaxGroup; ++e) {
          if (!plain(e - 1) || !plain(e) || rows[e].unit != rows[hi].unit || rows[e - 1].unit != rows[hi].unit) break;
          run.push_back(e);
          std::vector<Relation> columns;
          const size_t tried = column_totals(rows[hi], run, true, &columns);
          if (shown(columns, tried)) {
            found = e;
            best = std::move(columns);
            break;
          }
        }
        if (found == 0) {
          ++hi;
          continue;
        }
        for (Relation& r : best) {
          relabel(r);
          Add(std::move(r));
        }
        head_of_group[hi] = 1;
        for (size_t k = hi + 1; k <= found; ++k) member_of[k] = hi;
        hi = found + 1;
      }
      for (size_t ti = 2; ti < rows.size(); ++ti) {
        if (member_of[ti] != kNoRow || head_of_group[ti] || !countable(ti) || summed(rows[ti])) continue;
        std::vector<size_t> top;
        bool grouped = false;
        for (size_t k = ti; k-- > 0;) {
          if (!plain(k) || rows[k].unit != rows[ti].unit) break;
          if (member_of[k] != kNoRow) continue;
          grouped = grouped || head_of_group[k];
          top.push_back(k);
        }
        if (!grouped || top.size() < 2) continue;
        std::sort(top.begin(), top.end());
        std::vector<Relation> columns;
        const size_t tried = column_totals(rows[ti], top, true, &columns);
        if (!shown(columns, tried)) continue;
        for (Relation& r : columns) {
          relabel(r);
          Add(std::move(r));
        }
      }
    }

    // Two series interleaved row by row: a total row whose next row is labelled by a bracket alone
    // (the same quantity for another scope: "Total water withdrawn (the group)" over "(The parent
    // company)"), then pairs of rows, each a full label over a bracket-only label. The first n pairs
    // are the parts, series by series (the full labels under the total, the brackets under its
    // twin): n is the count at which the most columns of both series add up, taken when each series
    // adds up in some column at n and no other count adds up in as many. The rows may leave
    // categories unnamed (other water sources), so only parts above their total are flagged.
    auto bracket_only = [](const std::string& label) {
      std::string l(sdk::Trim(label));
      auto starts = [&](const char* p) { return l.rfind(p, 0) == 0; };
      auto ends = [&](const char* p) {
        const size_t n = std::strlen(p);
        return l.size() > n && l.compare(l.size() - n, n, p) == 0;
      };
      if (!(starts("(") || starts("\xEF\xBC\x88")) || !(ends(")") || ends("\xEF\xBC\x89"))) return false;
      const size_t opens = static_cast<size_t>(std::count(l.begin(), l.end(), '(')) + (Has(l, "\xEF\xBC\x88") ? 1 : 0);
      return opens == 1 && std::any_of(l.begin(), l.end(), [](char c) {
               return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80);
             });
    };
    for (size_t ri = 0; ri + 5 < rows.size(); ++ri) {
      const Row& tr = rows[ri];
      const Row& twin = rows[ri + 1];
      auto series_row = [&](const Row& r) { return r.readable && r.has_figure && !rate_cells(r); };
      if (!series_row(tr) || !TableTotalLabel(tr.label) || bracket_only(tr.label) || !series_row(twin) ||
          !bracket_only(twin.label)) {
        continue;
      }
      std::vector<size_t> full, narrow;
      for (size_t k = ri + 2; k + 1 < rows.size(); k += 2) {
        const Row& a = rows[k];
        const Row& b = rows[k + 1];
        if (!series_row(a) || a.label.empty() || bracket_only(a.label) || TableTotalLabel(a.label) ||
            IsNestedLabel(a.label) || !series_row(b) || !bracket_only(b.label) ||
            (!a.unit.empty() && !tr.unit.empty() && a.unit != tr.unit)) {
          break;
        }
        full.push_back(k);
        narrow.push_back(k + 1);
      }
      std::vector<Relation> best;
      size_t best_score = 0;
      bool tie = false;
      for (size_t n = 2; n <= full.size(); ++n) {
        std::vector<Relation> a, b;
        column_totals(tr, std::vector<size_t>(full.begin(), full.begin() + n), true, &a);
        column_totals(twin, std::vector<size_t>(narrow.begin(), narrow.begin() + n), true, &b);
        auto consistent = [](const std::vector<Relation>& cols) {
          return static_cast<size_t>(std::count_if(cols.begin(), cols.end(), ShowsGrouping));
        };
        const size_t ca = consistent(a), cb = consistent(b);
        if (ca == 0 || cb == 0) continue;
        if (ca + cb == best_score) tie = true;
        if (ca + cb <= best_score) continue;
        best_score = ca + cb;
        tie = false;
        best = std::move(a);
        for (Relation& r : b) best.push_back(std::move(r));
      }
      if (best.empty() || tie) continue;
      add_flagging_excess(best);
    }

    // A second breakdown of a row further down: two or more consecutive rows whose labels repeat the
    // row's own label followed by a dash and a qualifier ("Gas burnt off - planned", "Gas burnt off -
    // unplanned"), within eight rows below it, are its parts when they add up to it in every column
    // tried but at most one (MostAddUp). The qualifiers may leave a kind unnamed, so only parts
    // above their total are flagged.
    auto printed = [&](const Row& r) {
      return std::string(sdk::Trim(doc.Text().substr(r.label_offset, r.label_length)));
    };
    for (size_t ri = 0; ri + 2 < rows.size(); ++ri) {
      const Row& tr = rows[ri];
      const std::string head = printed(tr);
      if (!tr.readable || !tr.has_figure || tr.label_length == 0 || head.size() < 4 || rate_cells(tr)) continue;
      // The printed label: the row's label with its spaces ("Gas burnt off - planned"), a space
      // before the dash (no "Gas burnt off-site").
      auto qualified = [&](const Row& r) {
        if (!r.readable || !r.has_figure || r.label_length == 0 || rate_cells(r)) return false;
        const std::string l = printed(r);
        if (l.size() <= head.size() + 1 || l.compare(0, head.size(), head) != 0 || l[head.size()] != ' ') return false;
        std::string_view rest = sdk::Trim(std::string_view(l).substr(head.size()));
        for (std::string_view dash : {"-", "\xE2\x80\x93", "\xE2\x80\x94"}) {  // -, en dash, em dash
          if (rest.substr(0, dash.size()) == dash && !sdk::Trim(rest.substr(dash.size())).empty()) return true;
        }
        return false;
      };
      size_t first = ri + 1;
      while (first < rows.size() && first <= ri + 8 && !qualified(rows[first])) ++first;
      if (first >= rows.size() || first > ri + 8) continue;
      std::vector<size_t> run;
      for (size_t k = first; k < rows.size() && qualified(rows[k]); ++k) run.push_back(k);
      if (run.size() < 2) continue;
      std::vector<Relation> columns;
      const size_t tried = column_totals(tr, run, true, &columns);
      if (!MostAddUp(columns, tried)) continue;
      add_flagging_excess(columns);
    }

    // 其中 rows (of which): a run of them under a row are each a subset of it (新申请专利, 其中：发明专利);
    // one followed by rows of no 其中 opens a list of parts (标准总数, 其中：国际, 国家, 行业), taken when
    // the columns add up (MostAddUp) and otherwise left to the subset.
    std::set<size_t> listed;  // rows taken as parts of a 其中 list
    // A run of two or more 其中 rows under one row (of which growth, of which maintenance, of which
    // other) is a list of its parts when they add up to it in every column but one (MostAddUp); rows of
    // different dimensions (其中：女性, 其中：少数民族) overlap and do not add up, and stay subsets. Of-which
    // rows may leave others unnamed, so only parts above their total are flagged, unless 其他 closes them.
    auto of_which_run_as_parts = [&](const Row& head, const std::vector<size_t>& run) {
      std::vector<Relation> columns;
      const size_t tried = column_totals(head, run, true, &columns);
      if (!MostAddUp(columns, tried)) return false;
      for (Relation& r : columns) {
        r.flag = !r.consistent && (r.sum_low > figures_[r.total].high || OtherLabel(rows[run.back()].label));
        relabel(r);
        Add(std::move(r));
      }
      return true;
    };
    for (size_t ri = 1; ri < rows.size(); ++ri) {
      if (!OfWhichLabel(rows[ri].label) || OfWhichLabel(rows[ri - 1].label)) continue;
      const Row& head = rows[ri - 1];
      if (!head.readable || !head.has_figure || head.label.empty() || rate_cells(head)) continue;
      // A head that is itself one of a 其中 list (员工人数, 其中：男性, 女性, 其中：少数民族) heads nothing.
      if (listed.count(ri - 1)) continue;
      std::vector<size_t> run;  // the 其中 rows
      for (size_t k = ri; k < rows.size() && OfWhichLabel(rows[k].label) && rows[k].readable && rows[k].has_figure &&
                          !rate_cells(rows[k]);
           ++k) {
        run.push_back(k);
      }
      if (run.empty()) continue;
      if (run.size() >= 2 && of_which_run_as_parts(head, run)) {
        listed.insert(run.begin(), run.end());
        ri = run.back();
        continue;
      }
      std::vector<size_t> list{ri};  // the 其中 row and the rows after it, when it is alone
      for (size_t k = ri + 1; run.size() == 1 && k < rows.size(); ++k) {
        const Row& pr = rows[k];
        if (!pr.readable || !pr.has_figure || pr.label.empty() || OfWhichLabel(pr.label) || IsNestedLabel(pr.label) ||
            TableTotalLabel(pr.label) || rate_cells(pr) || (!pr.unit.empty() && !head.unit.empty() && pr.unit != head.unit)) {
          break;
        }
        list.push_back(k);
      }
      // The longest list that adds up (the rows after it are the table's next items).
      std::vector<Relation> columns;
      for (; list.size() >= 2; list.pop_back()) {
        columns.clear();
        const size_t tried = column_totals(head, list, true, &columns);
        if (MostAddUp(columns, tried)) break;
      }
      const bool adds = list.size() >= 2;
      if (adds) {
        for (Relation& r : columns) {
          // Parts after 其中 may leave others unnamed: short of the total is no defect unless 其他 closes them.
          r.flag = !r.consistent && (r.sum_low > figures_[r.total].high || OtherLabel(rows[list.back()].label));
          relabel(r);
          Add(std::move(r));
        }
        listed.insert(list.begin(), list.end());
        ri = list.back();
        continue;
      }
      for (size_t k : run) {
        for (const Slot& ts : head.cells) {
          const Slot* ps = rows[k].At(ts.slot);
          if (ts.figure < 0 || ps == nullptr || ps->figure < 0) continue;
          const Figure& t = figures_[ts.figure];
          const Figure& p = figures_[ps->figure];
          if (t.qualifiers != 0 || p.qualifiers != 0 || p.kind != t.kind || p.unit != t.unit ||
              t.kind == ESGAUDIT_FACT_PERCENT || RateLabel(header_of_row(head, ts.slot)) || p.value < 0) {
            continue;
          }
          Relation r;
          r.kind = RelationKind::kSubset;
          r.evidence = Evidence::kTable;
          r.certainty = Certainty::kCertain;
          std::string h = header_of_row(head, ts.slot);
          r.caption = h.empty() ? head.label : head.label + "/" + h;
          r.total = ts.figure;
          r.parts = {ps->figure};
          r.consistent = p.low <= t.high;
          r.flag = !r.consistent;
          relabel(r);
          Add(std::move(r));
        }
      }
      ri = run.back();
    }

    // Calls `each(total slot, part slot, total, part, column header)` for every value cell of `head`
    // whose column `pr` also fills where the part may be a subset of the total: counts or amounts of
    // one unit, without qualifiers, the total positive, under a header naming no rate or change.
    auto subset_pair = [](const Figure& t, const Figure& p) {
      return t.kind == ESGAUDIT_FACT_QUANTITY && p.kind == t.kind && t.qualifiers == 0 && p.qualifiers == 0 &&
             p.unit == t.unit && t.value > 0 && p.value >= 0;
    };
    auto subset_cells = [&](const Row& head, const Row& pr, const auto& each) {
      for (const Slot& ts : head.cells) {
        const Slot* ps = pr.At(ts.slot);
        if (ts.figure < 0 || ps == nullptr || ps->figure < 0) continue;
        const Figure& t = figures_[ts.figure];
        const Figure& p = figures_[ps->figure];
        const std::string h = header_of_row(head, ts.slot);
        if (!subset_pair(t, p) || RateLabel(h) || IsChangeLabel(h)) continue;
        each(ts, *ps, t, p, h);
      }
    };
    // A likely subset read from a group's row or column, kept until AddGroupRows sees them all.
    auto group_row = [&](int total, int part, std::string caption, std::string total_label, std::string part_label) {
      GroupRow g;
      g.relation.kind = RelationKind::kSubset;
      g.relation.evidence = Evidence::kTable;
      g.relation.certainty = Certainty::kLikely;
      g.relation.cue = SubsetCue::kGroupRow;
      g.relation.caption = std::move(caption);
      g.relation.total = total;
      g.relation.parts = {part};
      g.total_label = std::move(total_label);
      g.part_label = std::move(part_label);
      group_rows_.push_back(std::move(g));
    };

    // 其中 in a group column before the row labels: a table whose groups each span a block of rows,
    // one per sub-label (人数, 培训总人时数) with the unit beside it, and whose group label may wrap
    // over the block's rows (`一般员工的培训（包括新` / `员工）`). A row whose group cell
    // opens with 其中 pairs with the nearest row above under the same sub-label and unit (the of-which
    // group's total); the rows after it under the next sub-labels, whose group cells open no group
    // of their own (a wrapped piece, or nothing), pair with the rows after that one, while the
    // sub-labels follow the same order. Each is a subset in every column both fill, stated by 其中 (an
    // error above its total). Rates, per-unit rows (小时/人, 人均) and shares are never taken.
    auto group_cell = [&](const Row& row) -> const Slot* {
      for (const Slot& c : row.cells) {
        if (c.figure >= 0 || c.offset == row.label_offset) break;
        if (!c.dash && !c.text.empty()) return &c;
      }
      return nullptr;
    };
    auto of_which_group = [&](const Row& row) {
      const Slot* g = group_cell(row);
      return g != nullptr && OfWhichLabel(g->text) && !OfWhichLabel(row.label);
    };
    auto sub_unit = [&](const Row& row) { return row.unit.empty() ? LabelUnit(row.label) : row.unit; };
    auto pairable = [&](const Row& row) {
      return row.readable && row.has_figure && !row.label.empty() && !sub_unit(row).empty() && !rate_cells(row) &&
             !IsChangeLabel(row.label);
    };
    for (size_t k = 1; k < rows.size(); ++k) {
      if (!of_which_group(rows[k]) || !pairable(rows[k])) continue;
      size_t j = k;
      while (j-- > 0) {
        if (of_which_group(rows[j])) break;
        if (rows[j].label == rows[k].label) break;
      }
      if (j >= k || of_which_group(rows[j]) || rows[j].label != rows[k].label) continue;
      const size_t block = k - j;
      const std::string group = group_cell(rows[k])->text;
      for (size_t i = 0; i < block && k + i < rows.size(); ++i) {
        const Row& head = rows[j + i];
        const Row& pr = rows[k + i];
        if (i > 0 && (of_which_group(pr) || pr.label != head.label)) break;
        const Slot* pg = group_cell(pr);
        if (i > 0 && pg != nullptr && (TableTotalLabel(pg->text) || IsNestedLabel(pg->text))) break;
        if (!pairable(head) || !pairable(pr) || sub_unit(head) != sub_unit(pr)) break;
        subset_cells(head, pr, [&](const Slot& ts, const Slot& ps, const Figure& t, const Figure& p, const std::string& h) {
          Relation r;
          r.kind = RelationKind::kSubset;
          r.evidence = Evidence::kTable;
          r.certainty = Certainty::kCertain;
          r.cue = SubsetCue::kOfWhich;
          r.caption = h.empty() ? head.label : head.label + "/" + h;
          r.total = ts.figure;
          r.parts = {ps.figure};
          r.consistent = p.low <= t.high;
          r.flag = !r.consistent;
          relabel(r);
          figures_[ps.figure].label = group + "/" + pr.label;
          Add(std::move(r));
        });
      }
    }

    // Rows of shares naming every category of a closed set, each share of one whole (100 %): a pair
    // of rows whose labels differ only in the gender (Board (% women) / Board (% men), 男性员工占比 /
    // 女性员工占比), or a run of rows between two rows without figures that an 其他/Other row closes
    // or that runs from an open lower band to an open upper one (Under 30 … Above 50, 30岁以下 …
    // 60岁以上). Shares are printed with %, or bare under a label or unit column saying % (a share
    // column of counts stays out). Per column; a printed % makes a mismatch an error, bare shares a
    // warning (the label alone says they are shares).
    auto share_row = [&](const Row& row) {
      if (!row.readable || !row.has_figure || row.label.empty()) return false;
      std::string l = Lower(row.label);
      return row.unit == "%" || Has(l, "%") || Has(l, "\xEF\xBC\x85") || Has(l, "占比") || Has(l, "比例") ||
             Has(l, "share of") || Has(l, "percentage");
    };
    // Rows of counts each beside a share (人数, 占该组别比例, 人数, 占该组别比例), years not across the
    // header, may hold shares of the row (each site's share of its group): no breakdown down a column.
    auto row_of_shares = [&](const Row& row) {
      size_t percents = 0, counts = 0;
      for (const Slot& c : row.cells) {
        if (c.figure < 0) continue;
        (figures_[c.figure].kind == ESGAUDIT_FACT_PERCENT ? percents : counts) += 1;
      }
      return percents > 1 && counts > 0 && !year_columns(header_row(row));
    };
    auto share_breakdown = [&](const std::vector<size_t>& members, const std::string& caption, const Row& at) {
      if (std::any_of(members.begin(), members.end(), [&](size_t k) { return row_of_shares(rows[k]); })) return;
      // A caption or every member naming a rate (男性员工培训率 / 女性员工培训率, 流失率 over age bands):
      // one rate per category, which may add up to about 100 by chance.
      if (NamesRate(caption) ||
          std::all_of(members.begin(), members.end(), [&](size_t k) { return NamesRate(rows[k].label); })) {
        return;
      }
      std::set<int> slots;
      for (const Slot& s : rows[members[0]].cells) {
        if (s.figure >= 0) slots.insert(s.slot);
      }
      for (int slot : slots) {
        std::vector<int> parts;
        bool printed = true;
        for (size_t k : members) {
          const Slot* s = rows[k].At(slot);
          if (s == nullptr || s->figure < 0) break;
          const Figure& f = figures_[s->figure];
          const bool bare = f.kind != ESGAUDIT_FACT_PERCENT && f.unit.empty() && share_row(rows[k]);
          if (f.qualifiers != 0 || f.value < 0 || f.value > 100 || (f.kind != ESGAUDIT_FACT_PERCENT && !bare)) break;
          printed = printed && f.kind == ESGAUDIT_FACT_PERCENT;
          parts.push_back(s->figure);
        }
        if (parts.size() != members.size()) continue;
        Relation r;
        r.kind = RelationKind::kPercentBreakdown;
        r.evidence = Evidence::kTable;
        r.certainty = printed ? Certainty::kCertain : Certainty::kLikely;
        std::string h = header_of_row(at, slot);
        r.caption = h.empty() ? caption : caption + "/" + h;
        r.caption_offset = at.label_offset;
        r.caption_length = at.label_length;
        r.parts = std::move(parts);
        std::sort(r.parts.begin(), r.parts.end());
        SumParts(&r);
        // Far from 100 they are rates of each category (turnover by age), not shares of one whole.
        if (r.sum_low > 150 || r.sum_high < 67) continue;
        r.consistent = r.sum_low <= 100 && 100 <= r.sum_high;
        r.flag = !r.consistent;
        relabel(r);
        Add(std::move(r));
      }
    };
    // The label as printed, with its spaces (Latin category words must stand alone).
    auto printed_label = [&](const Row& row) { return std::string(doc.Text().substr(row.label_offset, row.label_length)); };
    for (size_t ri = 0; ri + 1 < rows.size(); ++ri) {
      const Row& a = rows[ri];
      const Row& b = rows[ri + 1];
      auto [da, ca] = Categorise(printed_label(a));
      auto [db, cb] = Categorise(printed_label(b));
      if (da < 0 || da != db || ca == cb || !Dimensions()[da].closed || Dimensions()[da].categories.empty()) continue;
      std::set<std::string> all;
      for (const auto& [printed, cat] : Dimensions()[da].categories) all.insert(cat);
      if (all.size() != 2 || GenderStem(a.label) != GenderStem(b.label) || GenderStem(a.label).empty()) continue;
      bool printed_shares = false;
      for (const Slot& s : a.cells) printed_shares = printed_shares || (s.figure >= 0 && figures_[s.figure].kind == ESGAUDIT_FACT_PERCENT);
      if (!share_row(a) && !printed_shares) continue;
      share_breakdown({ri, ri + 1}, a.label, a);
      ++ri;
    }
    // A title line right above row `k` (up to three lines, none above the row before it, holding no
    // figure) naming a rate: "Turnover rate" over Under 30 … Over 50 gives a rate per band.
    auto rate_title_above = [&](size_t k) {
      const uint32_t from = k > 0 ? rows[k - 1].line + 1 : 0;
      for (uint32_t g = rows[k].line; g-- > from && g + 3 >= rows[k].line;) {
        esgaudit_line_structure ls = doc.LineStructure(g);
        if (ls.cell_count == 0 || (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
        const std::string line(view.substr(ls.view_begin, ls.view_end - ls.view_begin));
        return !HasDigit(line) && NamesRate(line);
      }
      return false;
    };
    for (size_t ri = 0; ri < rows.size();) {
      if (!rows[ri].has_figure || (ri > 0 && rows[ri - 1].has_figure) || rate_title_above(ri)) {
        ++ri;
        continue;
      }
      size_t end = ri;
      while (end < rows.size() && rows[end].has_figure) ++end;
      std::vector<size_t> run;
      for (size_t k = ri; k < end; ++k) run.push_back(k);
      // An Other row among shares names the rest wherever it stands (Other 9.7% between two bottle kinds).
      const bool other = std::any_of(run.begin(), run.end(), [&](size_t k) { return OtherLabel(rows[k].label); });
      const bool bands = LowerBand(rows[ri].label) && UpperBand(rows[end - 1].label);
      const bool totals = std::any_of(run.begin(), run.end(), [&](size_t k) { return TableTotalLabel(rows[k].label) || IsNestedLabel(rows[k].label); });
      if (run.size() >= 3 && (other || bands) && !totals) {
        share_breakdown(run, ri > 0 && !rows[ri - 1].label.empty() ? rows[ri - 1].label : rows[ri].label, rows[ri]);
      } else if (run.size() >= 6 && !other && !totals) {
        // Several closed sets of bands printed one after the other with no title between them (age
        // bands from 35岁以下 to 56岁以上, then education from 硕士及以上 to 初中及以下): when the run is
        // cut, from its first row to its last, into stretches each going from one open band to the
        // opposite one with no open band inside, each stretch is a breakdown of its own.
        std::vector<std::vector<size_t>> stretches;
        for (size_t a = ri; a < end;) {
          const bool lower = LowerBand(rows[a].label), upper = UpperBand(rows[a].label);
          size_t b = a + 1;
          while (b < end && !LowerBand(rows[b].label) && !UpperBand(rows[b].label)) ++b;
          if (lower == upper || b >= end || b < a + 2 ||
              !(lower ? UpperBand(rows[b].label) && !LowerBand(rows[b].label)
                      : LowerBand(rows[b].label) && !UpperBand(rows[b].label))) {
            stretches.clear();
            break;
          }
          stretches.emplace_back();
          for (size_t k = a; k <= b; ++k) stretches.back().push_back(k);
          a = b + 1;
        }
        for (const std::vector<size_t>& stretch : stretches) share_breakdown(stretch, rows[stretch[0]].label, rows[stretch[0]]);
      }
      ri = end;
    }
    // Rows of shares under a caption row (no figures) naming the proportion of one whole
    // ("Proportion of total waste:", "Share of energy consumed", 废弃物处置方式占比): the rows right
    // under it whose unit column or label says % or whose figures are printed with %, up to the
    // first row that is none (a row in tonnes goes on with the table), are its categories: per
    // column a breakdown of 100 %. Not when a row is a total, names a year (a time series) or names
    // a proportion of its own (shares of different wholes); rates per category, far from 100 in
    // sum, are dropped by share_breakdown.
    auto proportion_caption = [](const std::string& label) {
      const std::string l = Lower(label);
      for (const char* w : {"proportion of ", "share of ", "percentage of ", "breakdown of "}) {
        const size_t at = l.find(w);
        if (at != std::string::npos && (at == 0 || l[at - 1] == ' ') && l.size() > at + std::strlen(w)) return true;
      }
      return Has(l, "占比") || Has(l, "构成");
    };
    auto percent_row = [&](const Row& row) {
      if (share_row(row)) return true;
      if (!row.readable || !row.has_figure || row.label.empty()) return false;
      return std::all_of(row.cells.begin(), row.cells.end(), [&](const Slot& c) {
        return c.figure < 0 || figures_[c.figure].kind == ESGAUDIT_FACT_PERCENT;
      });
    };
    auto own_proportion = [&](const std::string& label) {
      std::string l = Lower(label);
      for (const char* w : {"%", "\xEF\xBC\x85", "(", ")", "\xEF\xBC\x88", "\xEF\xBC\x89"}) {
        for (size_t at = l.find(w); at != std::string::npos; at = l.find(w)) l.erase(at, std::strlen(w));
      }
      return RateLabel(l) || Has(l, "proportion") || Has(l, "percentage");
    };
    auto leading_year = [](std::string l) {
      l = Lower(l);
      if (l.rfind("fy", 0) == 0) l.erase(0, 2);
      return l.size() >= 4 && (l.compare(0, 2, "19") == 0 || l.compare(0, 2, "20") == 0) &&
             std::all_of(l.begin(), l.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
    };
    // The caption of the share rows from row `k` on: the row above them without figures, or a
    // line between that row and them that the model left out of the grid (a caption line with a
    // dash only, "Proportion of total waste: -", read as prose), starting with the phrase and with
    // no figure. Labels of tab tables come without spaces: the caption is read as printed.
    auto caption_above = [&](size_t k, Row* cap) {
      if (k > 0 && !rows[k - 1].has_figure && !rows[k - 1].label.empty() &&
          proportion_caption(printed_label(rows[k - 1]))) {
        *cap = rows[k - 1];
        return true;
      }
      // Up to three lines above the first share row, nearest first, none above the row before it.
      const uint32_t from = k > 0 ? rows[k - 1].line + 1 : 0;
      for (uint32_t g = rows[k].line; g-- > from && g + 3 >= rows[k].line;) {
        if (grid_rows.count(g)) continue;
        esgaudit_line_structure ls = doc.LineStructure(g);
        if (ls.cell_count == 0 || (ls.flags & ESGAUDIT_LINE_FURNITURE_MASK)) continue;
        const esgaudit_cell c = doc.Cell(ls.first_cell);
        const std::string first(doc.Text().substr(c.offset, c.length));
        const std::string line(view.substr(ls.view_begin, ls.view_end - ls.view_begin));
        const std::string l = Lower(first);
        const bool starts = l.rfind("proportion of ", 0) == 0 || l.rfind("share of ", 0) == 0 ||
                            l.rfind("percentage of ", 0) == 0 || l.rfind("breakdown of ", 0) == 0;
        if (!starts || HasDigit(line) || Cps(first) > 60) continue;
        cap->label = first;
        cap->label_offset = c.offset;
        cap->label_length = c.length;
        cap->header = rows[k].header;
        cap->line = g;
        return true;
      }
      return false;
    };
    for (size_t k = 0; k < rows.size(); ++k) {
      if (!percent_row(rows[k]) || (k > 0 && percent_row(rows[k - 1]))) continue;
      Row cap;
      if (!caption_above(k, &cap)) continue;
      std::vector<size_t> run;
      bool usable = true;
      for (size_t m = k; m < rows.size() && percent_row(rows[m]); ++m) {
        // The row's first cell: a year there is a figure, not the label.
        const std::string& l = rows[m].label;
        const std::string& first = rows[m].cells.front().text;
        if (TableTotalLabel(l) || IsNestedLabel(l) || own_proportion(l) || UnitCell(l) || leading_year(l) ||
            leading_year(first))
          usable = false;
        run.push_back(m);
      }
      if (usable && run.size() >= 2) share_breakdown(run, cap.label, cap);
    }

    // The nearest row above row `ri`, within 40 rows (linear time on a long table), whose label names
    // the head of dimension `dim` as a total (员工总数 over 男性 / 女性), in the unit `unit` (员工培训总
    // 支出 万元 is no head of 男性 % rows); -1 if none. With `stop_at_remarks`, a row of labels only that
    // titles no breakdown (a remark) ends the search: the rows below it may count another population.
    auto head_above = [&](size_t ri, const std::string& unit, int dim, bool stop_at_remarks) -> long {
      for (long k = static_cast<long>(ri) - 1; k >= 0 && k + 40 >= static_cast<long>(ri); --k) {
        const Row& hr = rows[static_cast<size_t>(k)];
        if (stop_at_remarks && !hr.has_figure && !hr.label.empty() && !DimensionTitle(hr.label)) break;
        if (hr.has_figure && hr.readable && hr.unit == unit && Categorise(hr.label).first < 0 &&
            HasHead(hr.label, dim) && (TableTotalLabel(hr.label) || Has(hr.label, "总"))) {
          return k;
        }
      }
      return -1;
    };

    // Closed category sets across row labels (男 / 女) against the row naming their head.
    for (size_t ri = 0; ri + 1 < rows.size(); ++ri) {
      auto [dim, cat0] = Categorise(rows[ri].label);
      if (dim < 0 || !Dimensions()[dim].closed || !rows[ri].has_figure) continue;
      std::set<std::string> cats{cat0};
      size_t end = ri + 1;
      for (; end < rows.size(); ++end) {
        auto [d, cat] = Categorise(rows[end].label);
        if (d != dim || !rows[end].has_figure || !cats.insert(cat).second) break;
      }
      std::set<std::string> all;
      for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
      if (cats != all || part_of_total.count(ri)) {
        continue;
      }
      // The nearest row above naming the head of the dimension (员工总数 over 男性 / 女性), within 40
      // rows (linear time on a long table).
      const long head = head_above(ri, rows[ri].unit, dim, false);
      if (head < 0) continue;
      const Row& hr = rows[static_cast<size_t>(head)];
      for (const Slot& ts : hr.cells) {
        if (ts.figure < 0 || RateLabel(header_of_row(hr, ts.slot)) || RateLabel(hr.label)) continue;
        std::vector<int> parts;
        for (size_t k = ri; k < end; ++k) {
          const Slot* s = rows[k].At(ts.slot);
          if (s == nullptr || s->figure < 0) {
            parts.clear();
            break;
          }
          parts.push_back(s->figure);
        }
        if (!uniform(parts, ts.figure)) continue;
        std::string h = header_of_row(hr, ts.slot);
        add(ts.figure, std::move(parts), h.empty() ? hr.label : hr.label + "/" + h, hr);
      }
      ri = end - 1;
    }

    // Age bands across row labels, from one open band to the other (Under 30, 30-50, Over 50;
    // 60岁及以上 … 29岁及以下, in either order), every label with a digit: a closed set, checked
    // against the nearest row above naming the headcount's total (Total employees, 员工总数) in the
    // same unit, per column.
    for (size_t ri = 0; ri + 2 < rows.size(); ++ri) {
      const Row& first = rows[ri];
      const bool lower_first = LowerBand(first.label);
      if (!first.has_figure || !HasDigit(first.label) || (!lower_first && !UpperBand(first.label)) ||
          part_of_total.count(ri))
        continue;
      size_t end = ri + 1;
      bool closed = false;
      for (; end < rows.size() && end < ri + 8; ++end) {
        const Row& b = rows[end];
        if (!b.has_figure || !HasDigit(b.label) || b.unit != first.unit) break;
        if (lower_first ? UpperBand(b.label) : LowerBand(b.label)) {
          closed = end >= ri + 2;
          ++end;
          break;
        }
        if (LowerBand(b.label) || UpperBand(b.label)) break;
      }
      if (!closed) continue;
      // A row of labels only that titles no breakdown (a remark) ends the search: the bands below
      // it may count another population.
      const long head = head_above(ri, first.unit, 0, true);
      if (head < 0) continue;
      const Row& hr = rows[static_cast<size_t>(head)];
      for (const Slot& ts : hr.cells) {
        if (ts.figure < 0 || RateLabel(header_of_row(hr, ts.slot)) || RateLabel(hr.label)) continue;
        std::vector<int> parts;
        std::vector<size_t> band_rows;
        for (size_t k = ri; k < end; ++k) band_rows.push_back(k);
        if (!column_parts(band_rows, ts.slot, &parts) || !uniform(parts, ts.figure)) continue;
        std::string h = header_of_row(hr, ts.slot);
        add(ts.figure, std::move(parts), h.empty() ? hr.label : hr.label + "/" + h, hr);
      }
      ri = end - 1;
    }

    // A row of counts, each followed by its share (地区小计: 3,764 27.1% 2,088 15.0% …), the total
    // not printed: the shares are a breakdown of 100 % when each is its count over the sum of the
    // row's counts, in every pair but at most one (so that one changed share is still read). Shares
    // of another whole (each site's share of its own group) fail that test and are left alone.
    for (const Row& row : rows) {
      if (!row.readable || !row.has_figure || row.label.empty() || RateLabel(row.label)) continue;
      std::vector<std::pair<int, int>> pairs;  // (count, share)
      bool ok = true;
      for (size_t k = 0; k < row.cells.size() && ok; ++k) {
        const Slot& c = row.cells[k];
        if (c.figure < 0) continue;
        const Figure& cf = figures_[c.figure];
        const Slot* sh = row.At(c.slot + 1);
        ok = cf.kind != ESGAUDIT_FACT_PERCENT && cf.qualifiers == 0 && cf.value >= 0 && sh != nullptr &&
             sh->figure >= 0 && figures_[sh->figure].kind == ESGAUDIT_FACT_PERCENT &&
             figures_[sh->figure].qualifiers == 0 && (pairs.empty() || cf.unit == figures_[pairs[0].first].unit);
        if (!ok) break;
        pairs.emplace_back(c.figure, sh->figure);
        while (k + 1 < row.cells.size() && row.cells[k + 1].slot <= c.slot + 1) ++k;  // past the share
      }
      if (!ok || pairs.size() < 3) continue;
      double sum = 0;
      for (const auto& [count, share] : pairs) sum += figures_[count].value;
      if (sum <= 0) continue;
      size_t matching = 0;
      for (const auto& [count, share] : pairs) {
        const double ratio = 100 * figures_[count].value / sum;
        matching += figures_[share].low - 1e-9 <= ratio && ratio <= figures_[share].high + 1e-9;
      }
      if (matching < 2 || matching + 1 < pairs.size()) continue;
      Relation r;
      r.kind = RelationKind::kPercentBreakdown;
      r.evidence = Evidence::kTable;
      r.certainty = Certainty::kCertain;
      r.caption = row.label;
      r.caption_offset = row.label_offset;
      r.caption_length = row.label_length;
      for (const auto& [count, share] : pairs) r.parts.push_back(share);
      SumParts(&r);
      r.consistent = r.sum_low <= 100 && 100 <= r.sum_high;
      r.flag = !r.consistent;
      relabel(r);
      Add(std::move(r));
    }

    // KPI rows that are groups of a total row above them, said by their nouns alone (员工总数, then
    // 外籍员工数量; 在职员工数量（人）, then 残疾员工（人） … 女性员工（人）; 总装机容量, then 燃煤机组装机容量):
    // each such row below the head, in the head's unit, is a subset of it in each column where both
    // print a quantity (the same period), so a group above its total is a warning (the grouping is
    // read from the labels). The rows below the head run while they keep its unit and print figures;
    // rows of that unit naming no group of the noun (童工 under the staff) are passed over, a row of
    // another unit, a row of labels only, or a new head ends them. Rates, per-unit rows, change
    // columns and shares are never taken. Whether the groups add up is left to the other readers,
    // but for exactly two groups that are a closed pair (hazardous and non-hazardous waste, direct and
    // indirect emissions: ComplementaryPair), which are the whole when their columns add up in all
    // but at most one (MostAddUp): a sum then, flagged short or over in each column.
    // The same reading across a header: a column titled by a total word (员工总数, then 男性员工,
    // 女性员工, 残疾员工, 少数民族员工 in the header) heads the columns after it that name a group of its
    // noun, in each row of counts or amounts under that header: each such cell is a subset of the
    // total column's cell (a warning above it). The columns run until one names neither a group nor
    // nothing (a later year, another quantity: 员工总数 | 2016 | 2015 reads nothing). A pair already
    // summed into the total (男 + 女) stays that sum (AddGroupRows). Share rows (占总人数百分比) and
    // rate rows are not read.
    for (const Row& row : rows) {
      if (!row.readable || !row.has_figure || row.header < 0 || rate_cells(row) || share_row(row)) continue;
      const auto& h = header_row(row);
      for (auto it = h.begin(); it != h.end(); ++it) {
        const std::string noun = GroupHeadNoun(it->second);
        const Slot* ts = row.At(it->first);
        if (noun.empty() || ts == nullptr || ts->figure < 0) continue;
        for (auto gt = std::next(it); gt != h.end(); ++gt) {
          if (gt->second.empty()) continue;
          if (!NamesGroupOf(gt->second, noun)) break;
          const Slot* ps = row.At(gt->first);
          if (ps == nullptr || ps->figure < 0) continue;
          if (!subset_pair(figures_[ts->figure], figures_[ps->figure])) continue;
          group_row(ts->figure, ps->figure, row.label.empty() ? it->second : it->second + "/" + row.label,
                    it->second, gt->second);
        }
        break;  // one total column per header
      }
    }
    for (size_t hi = 0; hi < rows.size(); ++hi) {
      const Row& head = rows[hi];
      if (!head.readable || !head.has_figure || rate_cells(head)) continue;
      std::string note;
      const std::string head_label = WithoutExcludingNote(head.label, &note);
      const std::string noun = GroupHeadNoun(head_label);
      if (noun.empty()) continue;
      const std::string head_unit = head.unit.empty() ? LabelUnit(head_label) : head.unit;
      std::vector<size_t> groups;
      for (size_t k = hi + 1; k < rows.size(); ++k) {
        const Row& pr = rows[k];
        const std::string unit = pr.unit.empty() ? LabelUnit(pr.label) : pr.unit;
        if (!pr.readable || !pr.has_figure || pr.label.empty() || unit != head_unit) break;
        const bool group = NamesGroupOf(pr.label, noun) && !ExcludedByNote(pr.label, noun, note);
        if (!group && !GroupHeadNoun(pr.label).empty()) break;
        if (!group || rate_cells(pr)) continue;
        groups.push_back(k);
        subset_cells(head, pr, [&](const Slot& ts, const Slot& ps, const Figure&, const Figure&, const std::string& h) {
          group_row(ts.figure, ps.figure, h.empty() ? head.label : head.label + "/" + h, head.label, pr.label);
        });
      }
      if (groups.size() == 2 && ComplementaryPair(rows[groups[0]].label, rows[groups[1]].label)) {
        std::vector<Relation> columns;
        const size_t tried = column_totals(head, groups, true, &columns);
        if (MostAddUp(columns, tried)) {
          for (Relation& r : columns) {  // the pair's subsets are then joined to the sum (AddGroupRows)
            r.flag = !r.consistent;
            relabel(r);
            Add(std::move(r));
          }
        }
      }
    }

    // Two rows of counts followed by a row of rates that is the second over the first (生育假 taken,
    // then returned after it, then the return rate; reached a year, then still employed, then the
    // retention rate): the rate states the second row as a share of the first, so it is a subset of
    // it in each column. The rate must be that quotient, to its printed precision, in every column
    // but at most one (so that one changed count is still read) and in two at least, and no rate may
    // exceed 100 %. Two rows whose labels merely extend one another (专利申请数, 专利申请授权数: a
    // year's grants come from earlier years' applications too) are no pair without such a row.
    for (size_t k = 0; k + 2 < rows.size(); ++k) {
      const Row& a = rows[k];
      const Row& b = rows[k + 1];
      const Row& rate = rows[k + 2];
      if (!a.readable || !b.readable || !rate.readable || !a.has_figure || !b.has_figure || !rate.has_figure ||
          a.label.empty() || b.label.empty() || rate_cells(a) || rate_cells(b) || share_row(a) || share_row(b)) {
        continue;
      }
      size_t columns = 0, matching = 0;
      bool ok = true;
      subset_cells(a, b, [&](const Slot& ts, const Slot&, const Figure& t, const Figure& p, const std::string&) {
        const Slot* rs = rate.At(ts.slot);
        if (rs == nullptr || rs->figure < 0) return;
        const Figure& r = figures_[rs->figure];
        if (r.kind != ESGAUDIT_FACT_PERCENT || r.qualifiers != 0 || r.value > 100) {
          ok = false;
          return;
        }
        ++columns;
        const double q = 100 * p.value / t.value;
        matching += r.low - 1e-9 <= q && q <= r.high + 1e-9;
      });
      if (!ok || matching < 2 || matching + 1 < columns) continue;
      subset_cells(a, b, [&](const Slot& ts, const Slot& ps, const Figure&, const Figure&, const std::string& h) {
        if (rate.At(ts.slot) == nullptr) return;
        group_row(ts.figure, ps.figure, h.empty() ? a.label : a.label + "/" + h, a.label, b.label);
      });
    }
    // Closed groups stacked under a total row, last: a run may not cut across a breakdown read above.
    std::set<size_t> taken_rows = part_of_total;
    taken_rows.insert(under_head.begin(), under_head.end());
    ModelTableReaders readers;
    readers.unit = sub_unit;
    readers.rates = rate_cells;
    readers.shares = share_row;
    readers.column_totals = column_totals;
    readers.relabel = relabel;
    FindStackedGroups(rows, taken_rows, readers);
  }
}

// Closed groups of rows under a total row (员工总数, then 合同制 / 派遣 员工, 男 / 女, three staff
// levels, education from 博士 to 大专以下, age bands, one group after the other with no title
// between them): the rows right under the total row, in its unit, are cut into runs of two to
// kMaxGroup consecutive rows that each add up to the total row in its value columns. Nothing
// but the arithmetic of the columns tells where a group ends, so a run is taken only when it
// adds up as printed in every value column but one, at least one of them proving it (two
// non-zero parts or more, a total of three digits or more), and no column is off by more than
// a slip (15 %: another quantity); the shortest such run from each row is taken. A column off
// beyond rounding is then an error when the grouping is proven twice over (two proving columns
// besides it) or once and closed by its labels (an open band or an Other row at either end:
// 大专以下, 60岁以上, 其他; a closed pair such as 男 / 女), else a warning, and always a warning when
// the column falls short and the labels do not close the group (a category may be left out). A
// row that is no group of the total's population (少数民族员工, counted across the groups) adds up
// with no run and is passed over. Two runs or more must be found under the total row (stacked
// breakdowns show themselves so; a single run is left to the readings of pairs and closed sets),
// and a run holding part of a breakdown of the total read already (a closed pair, a row breaking
// one of its parts down) is not read. The block ends at a row of another unit, a rate, share,
// change, year or of-which row, a row of labels only, or another total word (总行管理干部 names a
// level, not a total).
// `rows` are one table's rows in order; rows in `taken_rows` (parts of a total read already, rows
// under a head closed by an Other row) start no run and belong to none. Relations are added in
// order, each head seeing those of the heads above it.
void RelationAnalysis::FindStackedGroups(const std::vector<ModelRow>& rows, const std::set<size_t>& taken_rows,
                                         const ModelTableReaders& readers) {
  constexpr size_t kMaxGroup = 8;
  auto year_led = [](const std::string& l) {
    return l.size() >= 4 && (l.compare(0, 2, "19") == 0 || l.compare(0, 2, "20") == 0) &&
           std::all_of(l.begin(), l.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  };
  auto total_row = [&](const ModelRow& r) { return RowTotalLabel(r.label) || !GroupHeadNoun(r.label).empty(); };
  auto closes = [](const std::string& l) { return OtherLabel(l) || LowerBand(l) || UpperBand(l); };
  auto closed_pair = [&](const std::vector<size_t>& run) {
    std::set<std::string> cats;
    const int dim = Categorise(rows[run[0]].label).first;
    if (dim < 0 || !Dimensions()[dim].closed) return false;
    for (size_t k : run) {
      auto [d, c] = Categorise(rows[k].label);
      if (d != dim || !cats.insert(c).second) return false;
    }
    std::set<std::string> all;
    for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
    return cats == all;
  };
  auto digits = [](const std::string& s) { return std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  for (size_t hi = 0; hi + 2 < rows.size(); ++hi) {
    const ModelRow& head = rows[hi];
    if (!head.readable || !head.has_figure || head.label.empty() || readers.rates(head) || readers.shares(head) ||
        !total_row(head)) {
      continue;
    }
    const std::string head_unit = readers.unit(head);
    size_t end = hi + 1;
    for (; end < rows.size() && end <= hi + 40; ++end) {
      const ModelRow& pr = rows[end];
      if (!pr.readable || !pr.has_figure || pr.label.empty() || readers.unit(pr) != head_unit || readers.rates(pr) ||
          readers.shares(pr) || IsNestedLabel(pr.label) || OfWhichLabel(pr.label) || IsChangeLabel(pr.label) ||
          year_led(pr.label) || RowTotalLabel(pr.label)) {
        break;
      }
    }
    // Figures already parts of a sum of one of the head's cells (a closed pair read above): a run
    // holding one of them would cut across that breakdown.
    std::set<int> head_cells, taken_parts;
    for (const ModelSlot& c : head.cells) {
      if (c.figure >= 0) head_cells.insert(c.figure);
    }
    for (const Relation& o : relations_) {
      if (o.kind == RelationKind::kPartsTotal && head_cells.count(o.total)) taken_parts.insert(o.parts.begin(), o.parts.end());
    }
    auto in_taken = [&](size_t k) {
      return std::any_of(rows[k].cells.begin(), rows[k].cells.end(), [&](const ModelSlot& c) { return taken_parts.count(c.figure) > 0; });
    };
    std::vector<std::vector<Relation>> groups;
    std::vector<bool> identical;  // the group's columns are a sum read already
    for (size_t s = hi + 1; s + 1 < end;) {
      size_t taken = 0;
      for (size_t n = 2; n <= kMaxGroup && s + n <= end && taken == 0; ++n) {
        std::vector<size_t> run;
        for (size_t k = s; k < s + n; ++k) run.push_back(k);
        if (std::any_of(run.begin(), run.end(), [&](size_t k) { return taken_rows.count(k) > 0; })) break;
        std::vector<Relation> columns;
        const size_t tried = readers.column_totals(head, run, true, &columns);
        if (tried < 2 || columns.size() != tried) continue;
        size_t holds = 0, proving = 0;
        bool slip = false;
        for (const Relation& r : columns) {
          const Figure& tf = figures_[r.total];
          const size_t nonzero = static_cast<size_t>(
              std::count_if(r.parts.begin(), r.parts.end(), [&](int p) { return figures_[p].value != 0; }));
          holds += r.consistent;
          proving += r.consistent && nonzero >= 2 && digits(tf.text) >= 3;
          slip = slip || OffByMoreThanASlip(r, tf);
        }
        if (slip || proving == 0 || holds + 1 < tried) continue;
        taken = n;
        // A run holding a part of a breakdown read already is that breakdown (the same rows: a
        // group all the same) or cuts across it (rows breaking one of its parts down): not read.
        const bool all_taken = std::all_of(run.begin(), run.end(), in_taken);
        if (!all_taken && std::any_of(run.begin(), run.end(), in_taken)) continue;
        const bool closed = closes(rows[run.front()].label) || closes(rows[run.back()].label) || closed_pair(run);
        // A column short of the total may leave out a category the labels do not exclude (港澳台
        // between 大陆 and 海外): a warning unless the labels close the group.
        const bool short_open = !closed && std::any_of(columns.begin(), columns.end(), [&](const Relation& r) {
          return !r.consistent && r.sum_high < figures_[r.total].low;
        });
        const bool proven = (proving >= 2 || closed) && !short_open;
        for (Relation& r : columns) {
          r.flag = !r.consistent;
          r.certainty = proven ? Certainty::kCertain : Certainty::kLikely;
        }
        groups.push_back(std::move(columns));
        identical.push_back(all_taken);
      }
      s += taken > 0 ? taken : 1;
    }
    // One run alone is left to the readings of pairs and closed sets: stacked breakdowns of one
    // total show themselves by two runs or more each adding up to it.
    if (groups.size() < 2) continue;
    for (size_t g = 0; g < groups.size(); ++g) {
      if (identical[g]) continue;
      for (Relation& r : groups[g]) {
        readers.relabel(r);
        Add(std::move(r));
      }
    }
  }
}

void RelationAnalysis::AddGroupRows() {
  for (GroupRow& g : group_rows_) {
    Relation& r = g.relation;
    const int part = r.parts.front();
    const bool joined = std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) {
      return (o.total == r.total && std::find(o.parts.begin(), o.parts.end(), part) != o.parts.end()) ||
             (o.total == part && std::find(o.parts.begin(), o.parts.end(), r.total) != o.parts.end());
    });
    if (joined) continue;
    figures_[r.total].label = g.total_label;
    figures_[part].label = g.part_label;
    r.consistent = figures_[part].low <= figures_[r.total].high;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
  group_rows_.clear();
}

// Rows of a small table set among prose: a PDF page of text columns whose middle column holds the
// table, so that each row's line opens with the left column's prose and may go on with the right
// one's ("… fuel suppliers, Nestlé Biomass 839 1 973 909 1 974 748 of the Corporate …"). No
// grid can be read there; the table is anchored on its total row instead: a line holding a total
// word alone (Total, 合计) and then N figures (3 to 8) set apart by blanks, nothing after. The rows
// above it each hold one run of N figures set apart by blanks and no other figure on their line,
// with any text before and after; lines without figures may stand between them (at most
// kMaxGapLines), and a page break, a line of figures of another shape or a run with a share ends
// the table. At least two rows above the total row. Two readings are then tried: the total row
// sums each column; the last column is the sum of the others in each row. A reading is taken when
// it holds in all its sums but one and in at least two with two or more non-zero parts; its sum
// that does not hold is then an error (if not far off, as in FindRowTotalColumns).
// In a table whose figures print thousands with spaces (a figure of another row is read with a
// space group), one row whose run holds another number of figures is regrouped: its pieces of
// digits ("33 067 926 422 959 489", read as 33 067, 926, 422, 959 and 489 because a figure alone
// cannot tell) are joined into N figures, each a lead of one to three digits (no leading zero) and
// groups of three, the grouping under which the most of its row's and its columns' sums hold, when
// one grouping does so alone and at least one sum holds.
void RelationAnalysis::FindRowsAmongProse(const sdk::Document& doc) {
  constexpr size_t kMinCols = 3;
  constexpr size_t kMaxCols = 8;
  constexpr size_t kMaxPieces = 12;     // pieces of digits of a row to regroup (the groupings are C(P-1, N-1))
  constexpr uint32_t kMaxGapLines = 2;  // lines without figures between two rows
  const std::string_view text = doc.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::map<uint32_t, std::vector<int>> on_line = FiguresByLine(true);  // a copy: on_line[] may add a line
  // Whether the line's figures are one run set apart by blanks, none a share.
  auto one_run = [&](const std::vector<int>& figs) {
    for (size_t k = 0; k < figs.size(); ++k) {
      const Figure& f = figures_[figs[k]];
      if (f.kind == ESGAUDIT_FACT_PERCENT) return false;
      if (k == 0) continue;
      const Figure& p = figures_[figs[k - 1]];
      const uint64_t from = p.offset + p.length;
      if (from >= f.offset) return false;
      for (uint64_t c = from; c < f.offset; ++c) {
        if (!blank(text[c])) return false;
      }
    }
    return true;
  };
  auto foots = [&](int total, const std::vector<int>& parts) {
    double lo = 0, hi = 0;
    for (int p : parts) {
      lo += figures_[p].low;
      hi += figures_[p].high;
    }
    return lo <= figures_[total].high && figures_[total].low <= hi;
  };
  auto nonzero = [&](const std::vector<int>& parts) {
    return std::count_if(parts.begin(), parts.end(), [&](int p) { return figures_[p].value != 0; });
  };
  for (const auto& [anchor, total_figs] : on_line) {
    const size_t n = total_figs.size();
    if (n < kMinCols || n > kMaxCols || !one_run(total_figs)) continue;
    const esgaudit_line al = doc.Line(anchor);
    const Figure& first = figures_[total_figs.front()];
    const Figure& last = figures_[total_figs.back()];
    std::string lowered;
    if (!BareTotal(std::string(sdk::Trim(text.substr(al.offset, first.offset - al.offset))), &lowered)) continue;
    if (!sdk::Trim(text.substr(last.offset + last.length, al.offset + al.length - last.offset - last.length)).empty()) {
      continue;
    }
    // The rows above, bottom up; `odd` the one row whose run holds another number of figures.
    std::vector<uint32_t> rows;
    int odd = -1;
    for (uint32_t line = anchor, prev = anchor; line-- > 0;) {
      if (prev - line > kMaxGapLines + 1 || doc.Line(line).page != al.page) break;
      auto it = on_line.find(line);
      if (it == on_line.end()) continue;
      if (!one_run(it->second)) break;
      if (it->second.size() != n) {
        if (odd >= 0) break;
        odd = static_cast<int>(rows.size());
      }
      rows.push_back(line);
      prev = line;
    }
    if (odd == static_cast<int>(rows.size()) - 1 && odd >= 0) {  // a line of another shape above the table
      rows.pop_back();
      odd = -1;
    }
    if (rows.size() < 2) continue;
    std::reverse(rows.begin(), rows.end());
    if (odd >= 0) odd = static_cast<int>(rows.size()) - 1 - odd;
    std::vector<std::vector<int>> grid;  // rows top down, then the total row
    for (uint32_t line : rows) grid.push_back(on_line[line]);
    grid.push_back(total_figs);
    std::vector<Figure> regrouped;
    if (odd >= 0) {
      // Space thousands: a figure of another row printed with a space group.
      bool spaced = false;
      for (size_t r = 0; r < grid.size(); ++r) {
        for (int f : grid[r]) {
          const std::string_view raw = text.substr(figures_[f].offset, figures_[f].length);
          for (size_t k = 1; k + 1 < raw.size(); ++k) {
            spaced = spaced || (static_cast<int>(r) != odd && raw[k] == ' ' && std::isdigit(static_cast<unsigned char>(raw[k - 1])) &&
                                std::isdigit(static_cast<unsigned char>(raw[k + 1])));
          }
        }
      }
      if (!spaced) continue;
      struct Piece {
        uint64_t offset;
        std::string digits;
        int figure;  // the figure it was read in
      };
      std::vector<Piece> pieces;
      bool digits_only = true;
      for (int f : grid[odd]) {
        const std::string_view raw = text.substr(figures_[f].offset, figures_[f].length);
        for (size_t k = 0; k < raw.size();) {
          size_t e = k;
          while (e < raw.size() && raw[e] >= '0' && raw[e] <= '9') ++e;
          digits_only = digits_only && e > k && (e == raw.size() || raw[e] == ' ');
          if (!digits_only) break;
          pieces.push_back({figures_[f].offset + k, std::string(raw.substr(k, e - k)), f});
          k = e + 1;
        }
      }
      if (!digits_only || pieces.size() <= n - 1 || pieces.size() > kMaxPieces) continue;
      const double half = (figures_[grid[odd].front()].high - figures_[grid[odd].front()].low) / 2;
      // A segment [a, b) of pieces is one figure: a lead of one to three digits without a leading
      // zero and groups of exactly three, or one piece alone.
      auto segment_ok = [&](size_t a, size_t b) {
        const std::string& lead = pieces[a].digits;
        if (lead.size() > 1 && lead[0] == '0') return false;
        if (b - a == 1) return true;
        if (lead.size() > 3) return false;
        for (size_t k = a + 1; k < b; ++k) {
          if (pieces[k].digits.size() != 3) return false;
        }
        return true;
      };
      auto value_of = [&](size_t a, size_t b) {
        double v = 0;
        for (size_t k = a; k < b; ++k) v = v * std::pow(10.0, pieces[k].digits.size()) + std::stod(pieces[k].digits);
        return v;
      };
      // Every grouping: cut positions 0 = c0 < c1 < … < cN = P.
      int best = -1, best_count = 0;
      std::vector<size_t> best_cuts;
      std::vector<size_t> cuts(n + 1, 0);
      cuts[n] = pieces.size();
      std::function<void(size_t)> place = [&](size_t k) {
        if (k == n) {
          for (size_t s = 0; s < n; ++s) {
            if (!segment_ok(cuts[s], cuts[s + 1])) return;
          }
          std::vector<double> v(n);
          for (size_t s = 0; s < n; ++s) v[s] = value_of(cuts[s], cuts[s + 1]);
          auto holds = [&](double total, double lo, double hi) { return lo <= total + half && total - half <= hi; };
          int score = 0;
          double lo = 0, hi = 0;
          for (size_t s = 0; s + 1 < n; ++s) {
            lo += v[s] - half;
            hi += v[s] + half;
          }
          score += holds(v[n - 1], lo, hi);
          for (size_t c = 0; c < n; ++c) {
            double clo = v[c] - half, chi = v[c] + half;
            for (size_t r = 0; r + 1 < grid.size(); ++r) {
              if (static_cast<int>(r) == odd) continue;
              clo += figures_[grid[r][c]].low;
              chi += figures_[grid[r][c]].high;
            }
            const Figure& t = figures_[grid.back()[c]];
            score += clo <= t.high && t.low <= chi;
          }
          if (score > best) {
            best = score;
            best_count = 1;
            best_cuts = cuts;
          } else if (score == best) {
            ++best_count;
          }
          return;
        }
        for (size_t c = cuts[k - 1] + 1; c + (n - k) <= pieces.size(); ++c) {
          cuts[k] = c;
          place(k + 1);
        }
      };
      place(1);
      if (best < 1 || best_count != 1) continue;
      for (size_t s = 0; s < n; ++s) {
        const Piece& a = pieces[best_cuts[s]];
        const Piece& b = pieces[best_cuts[s + 1] - 1];
        Figure g = figures_[a.figure];
        g.offset = a.offset;
        g.length = b.offset + b.digits.size() - a.offset;
        g.column = figures_[a.figure].column + static_cast<uint32_t>(a.offset - figures_[a.figure].offset);
        g.value = value_of(best_cuts[s], best_cuts[s + 1]);
        g.low = g.value - half;
        g.high = g.value + half;
        g.decimals = 0;
        g.text.clear();
        for (size_t k = best_cuts[s]; k < best_cuts[s + 1]; ++k) g.text += pieces[k].digits;
        g.after = figures_[b.figure].after;
        regrouped.push_back(std::move(g));
      }
    }
    // Regrouped figures get their indexes now; they are kept only if a relation takes them.
    const size_t base = figures_.size();
    if (odd >= 0) {
      grid[odd].clear();
      for (size_t s = 0; s < n; ++s) {
        figures_.push_back(regrouped[s]);
        grid[odd].push_back(static_cast<int>(base + s));
      }
    }
    std::vector<Relation> found;
    auto reading = [&](const std::vector<std::pair<int, std::vector<int>>>& sums, const std::vector<std::string>& captions) {
      int holds = 0, fails = 0;
      for (const auto& [total, parts] : sums) {
        if (!foots(total, parts)) {
          ++fails;
        } else if (nonzero(parts) >= 2) {
          ++holds;
        }
      }
      if (fails > 1 || holds < 2) return;
      for (size_t s = 0; s < sums.size(); ++s) {
        const auto& [total, parts] = sums[s];
        if (Summed(total)) continue;  // a stated or table relation already sums into it
        Relation r;
        if (TableSum(total, parts, captions[s], &r)) found.push_back(std::move(r));
      }
    };
    // The row's label: up to three words right before its figures (the rest is the other column's prose).
    auto label_of = [&](const std::vector<int>& row) {
      const esgaudit_line l = doc.Line(figures_[row.front()].line);
      std::string_view before = sdk::Trim(text.substr(l.offset, figures_[row.front()].offset - l.offset));
      size_t at = before.size();
      for (int words = 0; words < 3 && at > 0; ++words) {
        while (at > 0 && !blank(before[at - 1])) --at;
        while (at > 0 && blank(before[at - 1])) --at;
      }
      return std::string(sdk::Trim(before.substr(at)));
    };
    std::vector<std::pair<int, std::vector<int>>> columns, row_sums;
    std::vector<std::string> column_captions, row_captions;
    for (size_t c = 0; c < n; ++c) {
      std::vector<int> parts;
      for (size_t r = 0; r + 1 < grid.size(); ++r) parts.push_back(grid[r][c]);
      columns.push_back({grid.back()[c], parts});
      column_captions.push_back(label_of(grid.back()));
    }
    for (const std::vector<int>& row : grid) {
      row_sums.push_back({row.back(), std::vector<int>(row.begin(), row.end() - 1)});
      row_captions.push_back(label_of(row));
    }
    reading(columns, column_captions);
    reading(row_sums, row_captions);
    bool uses_regrouped = false;
    for (const Relation& r : found) {
      uses_regrouped = uses_regrouped || r.total >= static_cast<int>(base) ||
                       std::any_of(r.parts.begin(), r.parts.end(), [&](int p) { return p >= static_cast<int>(base); });
    }
    if (odd >= 0 && !uses_regrouped) figures_.resize(base);
    for (Relation& r : found) Add(std::move(r));
  }
}

// Rows of one figure each under a total row naming the same quantity: `Scope 1 carbon emissions
// mtCO2e 5.75 …`, `Scope 2 carbon emissions mtCO2e 0.49 …` over `Total carbon emissions mtCO2e
// 9.93` (an assurance statement's table of subject matter, with marks and the other column's prose
// after the figures). The total's label is `Total` and a tail of two words or more (the quantity
// and its unit); each part is a figure whose line text before it ends with that tail after a prefix
// of its own that is no total (the category). Parts are taken from the lines above, lines without
// such a figure between them (at most kMaxGapLines) and no page break; two parts or more. The rows
// may leave a category unprinted, so only parts adding up to more than their total are flagged (and
// not when far above it: a misread row); rows naming the two accounting methods of Scope 2 are both
// the same quantity, so the rows are not summed then.
void RelationAnalysis::FindTotalsOfLabelTails(const sdk::Document& doc) {
  constexpr uint32_t kMaxGapLines = 2;
  constexpr size_t kMinTailWords = 2;
  const std::string_view text = doc.Text();
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  auto before = [&](int f) {
    const esgaudit_line l = doc.Line(figures_[f].line);
    return std::string(sdk::Trim(text.substr(l.offset, figures_[f].offset - l.offset)));
  };
  for (const auto& [line, figs] : on_line) {
    const int total = figs.front();
    if (figures_[total].kind == ESGAUDIT_FACT_PERCENT) continue;
    const std::string label = before(total);
    if (Lower(label).rfind("total ", 0) != 0) continue;
    const std::string tail = std::string(sdk::Trim(std::string_view(label).substr(6)));
    size_t words = 0;
    for (size_t k = 0; k < tail.size(); ++k) words += tail[k] != ' ' && (k == 0 || tail[k - 1] == ' ');
    if (words < kMinTailWords || !std::any_of(tail.begin(), tail.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      continue;
    }
    const uint32_t page = doc.Line(line).page;
    std::vector<int> parts;
    std::set<int> methods;
    for (uint32_t l = line, prev = line; l-- > 0;) {
      if (prev - l > kMaxGapLines + 1 || doc.Line(l).page != page) break;
      auto it = on_line.find(l);
      if (it == on_line.end()) continue;
      int part = -1;
      for (int f : it->second) {
        const std::string b = before(f);
        if (b.size() > tail.size() + 1 && b.compare(b.size() - tail.size(), tail.size(), tail) == 0 &&
            b[b.size() - tail.size() - 1] == ' ') {
          part = f;
          break;
        }
      }
      if (part < 0) continue;
      const std::string b = before(part);
      if (Lower(b).rfind("total", 0) == 0 || figures_[part].kind == ESGAUDIT_FACT_PERCENT) break;  // another total: the rows above are its own
      parts.push_back(part);
      methods.insert(AccountingMethod(b));
      prev = l;
    }
    if (parts.size() < 2 || (methods.count(1) && methods.count(2))) continue;
    if (Summed(total)) continue;
    std::reverse(parts.begin(), parts.end());
    Relation r;
    r.kind = RelationKind::kPartsTotal;
    r.evidence = Evidence::kTable;
    r.certainty = Certainty::kCertain;
    r.total = total;
    r.caption = label;
    r.parts = parts;
    SumParts(&r);
    const Figure& t = figures_[total];
    r.consistent = r.sum_low <= t.high && t.low <= r.sum_high;
    r.flag = r.sum_low > t.high && r.sum_low <= 2 * t.high;
    if (r.consistent || r.flag) Add(std::move(r));
  }
}

// A water balance in rows of one figure each (GRI 303-5: consumption is withdrawal less discharge),
// as an assurance statement lists its subject matter: `Total water abstracted million m3 23,896`,
// `Total water consumed million m3 0.8`, `Total water returned million m3 23,895`, in any order,
// with marks or prose after the figures. A line's first figure whose label (the line's text before
// it, kMaxLabelWords words at most) names a total of water and exactly one of withdrawal
// (withdrawn, abstracted), discharge (discharged, returned) or consumption (consumed), with no
// qualifier (a bracket, or a dash: `Total water consumed – Buildings` is part of the scope), is a
// role row; a withdrawal row with exactly one discharge row and one consumption row within
// kMaxSpanLines on its page (and no other withdrawal row there), all three of one kind and unit,
// makes withdrawal = discharge + consumption.
void RelationAnalysis::FindWaterBalanceRows(const sdk::Document& doc) {
  constexpr uint32_t kMaxSpanLines = 8;
  constexpr size_t kMaxLabelWords = 7;
  const std::string_view text = doc.Text();
  auto role = [](const std::string& label) -> int {
    const std::string l = Lower(label);
    if (l.rfind("total water", 0) != 0 || Has(l, "(") || Has(l, "\xEF\xBC\x88") || Has(l, " \u2013") ||
        Has(l, " \u2014") || Has(l, " - ")) {
      return -1;
    }
    const bool in = Has(l, "withdraw") || Has(l, "abstract");
    const bool out = Has(l, "discharg") || Has(l, "returned");
    const bool used = Has(l, "consum");
    if (in + out + used != 1) return -1;
    return in ? 0 : out ? 1 : 2;
  };
  struct RoleRow {
    uint32_t line;
    uint32_t page;
    int role;
    int figure;
    std::string label;
  };
  std::vector<RoleRow> rows;
  std::map<uint32_t, int> first_on_line;
  for (size_t i = 0; i < figures_.size(); ++i) {
    auto it = first_on_line.find(figures_[i].line);
    if (it == first_on_line.end() || figures_[i].offset < figures_[it->second].offset) {
      first_on_line[figures_[i].line] = static_cast<int>(i);
    }
  }
  for (const auto& [line, f] : first_on_line) {
    const esgaudit_line l = doc.Line(line);
    const std::string label(sdk::Trim(text.substr(l.offset, figures_[f].offset - l.offset)));
    size_t words = 0;
    for (size_t k = 0; k < label.size(); ++k) words += label[k] != ' ' && (k == 0 || label[k - 1] == ' ');
    if (words > kMaxLabelWords || figures_[f].kind == ESGAUDIT_FACT_PERCENT || figures_[f].qualifiers != 0) continue;
    const int k = role(label);
    if (k >= 0) rows.push_back({line, l.page, k, f, label});
  }
  for (const RoleRow& w : rows) {
    if (w.role != 0) continue;
    int found[3] = {0, 0, 0};
    int at[3] = {-1, -1, -1};
    for (const RoleRow& o : rows) {
      const uint32_t d = o.line > w.line ? o.line - w.line : w.line - o.line;
      if (o.page != w.page || d > kMaxSpanLines) continue;
      ++found[o.role];
      at[o.role] = o.figure;
    }
    if (found[0] != 1 || found[1] != 1 || found[2] != 1) continue;
    const Figure& tf = figures_[w.figure];
    bool same = true;
    for (int p : {at[1], at[2]}) same = same && figures_[p].kind == tf.kind && figures_[p].unit == tf.unit;
    if (!same || Summed(w.figure)) continue;
    std::vector<int> parts = {at[1], at[2]};
    if (figures_[at[2]].offset < figures_[at[1]].offset) std::swap(parts[0], parts[1]);
    Relation r;
    if (TableSum(w.figure, std::move(parts), w.label, &r)) Add(std::move(r));
  }
}

// A row of shares across the columns of a table whose columns are categories (sites, regions, business
// lines): `采购额占比  40%  25%  20%  15%` under `区域  东区  南区  西区  北区`. The row's label names a share of
// one whole (占比, 比重, 构成, share of, proportion of) and no category of its own (女性员工占比 is a
// ratio within each column, not a split across them); every value cell is one percentage, at least
// kMinShares of them, none already a member of a relation, and the header row above holds no
// figure. The split is inferred from the layout: it is taken when its sum lies within kPlausible
// points of 100 %, and a sum off is a warning.
void RelationAnalysis::FindShareRowsOfCategoryTables(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr size_t kMinShares = 3;
  std::map<uint64_t, int> figure_at;  // text offset -> figure
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
  std::set<int> in_relation;
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  auto names_share = [](const std::string& label) {
    const std::string l = Lower(label);
    for (const char* w : {"占比", "比重", "构成", "share of", "proportion of", "percentage of"}) {
      if (Has(l, w)) return true;
    }
    return false;
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if (t.kind != ESGAUDIT_TABLE_CATEGORIES) continue;
    std::map<uint32_t, std::vector<esgaudit_table_cell>> rows;
    for (const esgaudit_table_cell& c : doc.GridCells(t)) rows[c.row].push_back(c);
    if (rows.size() < 2) continue;
    // The header: the grid's first row, labels only.
    bool header_words = true;
    for (const esgaudit_table_cell& c : rows.begin()->second) header_words = header_words && !HasDigit(sdk::View(c.text));
    if (!header_words) continue;
    for (auto it = std::next(rows.begin()); it != rows.end(); ++it) {
      const std::vector<esgaudit_table_cell>& cells = it->second;
      std::string label;
      std::vector<int> shares;
      bool only_shares = true;
      for (const esgaudit_table_cell& c : cells) {
        const std::string text(sdk::Trim(sdk::View(c.text)));
        if (c.column == 0) {
          label = text;
          continue;
        }
        if (text.empty()) continue;
        // The cell's figure is all of it.
        auto f = figure_at.lower_bound(c.offset);
        if (f == figure_at.end() || f->first >= c.offset + c.length) {
          only_shares = false;
          break;
        }
        const Figure& g = figures_[f->second];
        if (g.kind != ESGAUDIT_FACT_PERCENT || g.text != text || in_relation.count(f->second)) {
          only_shares = false;
          break;
        }
        shares.push_back(f->second);
      }
      if (!only_shares || shares.size() < kMinShares || !names_share(label) || Categorise(label).first >= 0 ||
          NamesRate(label)) {
        continue;
      }
      Relation r = Stated(RelationKind::kPercentBreakdown, -1, shares);
      const double mid = (r.sum_low + r.sum_high) / 2;
      if (std::fabs(mid - 100) > kPlausible) continue;
      r.flag = !r.consistent;
      r.certainty = Certainty::kLikely;
      Add(std::move(r));
    }
  }
}

// A table of shares whose rows are printed one per line with no grid the structure model reads (a
// PDF page whose text columns share the rows' lines, or a small table among prose): a header of
// categories (`Region Paper Plastic Glass`, possibly wrapped over two lines), then rows such as
// `North 20% 45% 35%` or `2023 12% 50% 38%`, each row the split of one whole across the columns.
// A row is a line ending in three or more percentages set apart by blanks (nothing after them);
// what stands before them is its label (a category or a year; prose of another column may precede
// it), and must not end in another figure (a row with a value column besides its shares). Rows
// with as many shares, each within kMaxGapLines of the one before on the same page, are one run.
// The run is a table of breakdowns only when at least two of its rows add up to 100 % within their
// rounding and none is more than kPlausible points off: rates per category (a recycling rate per
// site) add up to 100 in one row by chance, not in two. Not taken: a run under a header of period
// columns (each row a time series), rows whose label names a rate, lines of a time-series table of
// the structure model, and figures already in a relation. The split is read from the layout, so a
// row that does not add up is a warning.
void RelationAnalysis::FindShareRowRuns(const sdk::Document& doc) {
  constexpr size_t kMinShares = 3;
  constexpr size_t kMaxShares = 8;
  constexpr uint32_t kMaxGapLines = 4;     // from one row to the next
  constexpr uint32_t kHeaderReach = 4;     // lines above the first row searched for a period header
  const std::string_view text = doc.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::set<int> in_relation;
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(false);
  auto year_token = [](std::string_view t) {
    if (t.size() > 2 && (t.substr(0, 2) == "FY" || t.substr(0, 2) == "fy")) t.remove_prefix(2);
    return t.size() == 4 && (t.substr(0, 2) == "19" || t.substr(0, 2) == "20") &&
           std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // Whether the line ends in two or more years set apart by blanks (a header of period columns).
  auto period_header = [&](uint32_t line) {
    std::string_view l = sdk::Trim(doc.LineText(line));
    int years = 0;
    while (!l.empty()) {
      const size_t sp = l.find_last_of(" \t");
      const std::string_view tok = sp == std::string_view::npos ? l : l.substr(sp + 1);
      if (!year_token(tok)) break;
      ++years;
      l = sp == std::string_view::npos ? std::string_view() : sdk::Trim(l.substr(0, sp));
    }
    return years >= 2;
  };
  struct Row {
    uint32_t line = 0;
    std::vector<int> shares;
    std::string label;  // after the last figure or sentence end before the shares
    bool rate = false;
  };
  // The line's row of shares, if it is one.
  auto row_of = [&](uint32_t line, std::vector<int> figs, Row* row) {
    if (doc.HasStructure()) {
      const esgaudit_line_structure ls = doc.LineStructure(line);
      if (ls.table != ESGAUDIT_NO_INDEX && doc.Table(ls.table).kind == ESGAUDIT_TABLE_TIME_SERIES) return false;
    }
    std::sort(figs.begin(), figs.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
    const esgaudit_line l = doc.Line(line);
    const Figure& last = figures_[figs.back()];
    if (!sdk::Trim(text.substr(last.offset + last.length, l.offset + l.length - last.offset - last.length)).empty()) {
      return false;
    }
    size_t first = figs.size();
    while (first > 0) {
      const Figure& f = figures_[figs[first - 1]];
      if (f.kind != ESGAUDIT_FACT_PERCENT || f.value < 0 || f.value > 100 || in_relation.count(figs[first - 1])) break;
      if (first < figs.size()) {
        const Figure& n = figures_[figs[first]];
        const uint64_t from = f.offset + f.length;
        if (from >= n.offset) break;
        bool gap = true;
        for (uint64_t c = from; c < n.offset && gap; ++c) gap = blank(text[c]);
        if (!gap) break;
      }
      --first;
    }
    const size_t k = figs.size() - first;
    if (k < kMinShares || k > kMaxShares) return false;
    const Figure& head = figures_[figs[first]];
    if (head.offset == l.offset || !blank(text[head.offset - 1])) return false;
    const std::string_view before = sdk::Trim(text.substr(l.offset, head.offset - l.offset));
    if (before.empty()) return false;
    // The label's last word: a word or a year, not another figure.
    const size_t sp = before.find_last_of(" \t");
    const std::string_view word = sp == std::string_view::npos ? before : before.substr(sp + 1);
    const bool letters = std::any_of(word.begin(), word.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!letters && !year_token(word)) return false;
    // The label starts after the last figure before it or the last sentence end.
    uint64_t from = l.offset;
    for (size_t i = 0; i < first; ++i) from = std::max<uint64_t>(from, figures_[figs[i]].offset + figures_[figs[i]].length);
    std::string label(sdk::Trim(text.substr(from, head.offset - from)));
    // A Latin sentence end counts before a capital only ("U.S. and Canada" is one label).
    for (const char* end : {". ", "; ", "! ", "? ", "。", "；"}) {
      const size_t n = std::strlen(end);
      const bool latin = end[0] != '\xE3' && end[0] != '\xEF';
      for (size_t at = label.rfind(end); at != std::string::npos; at = at > 0 ? label.rfind(end, at - 1) : std::string::npos) {
        if (at + n >= label.size()) continue;
        if (latin && !std::isupper(static_cast<unsigned char>(label[at + n]))) continue;
        label = label.substr(at + n);
        break;
      }
    }
    row->line = line;
    row->shares.assign(figs.begin() + static_cast<std::ptrdiff_t>(first), figs.end());
    row->label = std::string(sdk::Trim(label));
    row->rate = RateLabel(row->label);
    return true;
  };
  std::vector<std::vector<Row>> runs;
  for (const auto& [line, figs] : on_line) {
    Row row;
    if (!row_of(line, figs, &row)) continue;
    if (!runs.empty()) {
      const Row& prev = runs.back().back();
      if (prev.shares.size() == row.shares.size() && line - prev.line <= kMaxGapLines &&
          doc.Line(prev.line).page == doc.Line(line).page) {
        runs.back().push_back(std::move(row));
        continue;
      }
    }
    runs.push_back({std::move(row)});
  }
  for (std::vector<Row>& run : runs) {
    if (run.size() < 2) continue;
    if (std::any_of(run.begin(), run.end(), [](const Row& r) { return r.rate; })) continue;
    bool under_periods = false;
    const uint32_t top = run.front().line;
    for (uint32_t line = top; line-- > 0 && top - line <= kHeaderReach && !under_periods;) {
      if (doc.Line(line).page != doc.Line(top).page) break;
      under_periods = period_header(line);
    }
    if (under_periods) continue;
    std::vector<Relation> rows;
    size_t adding_up = 0;
    bool plausible = true;
    for (Row& row : run) {
      Relation r = Stated(RelationKind::kPercentBreakdown, -1, row.shares);
      plausible = plausible && r.sum_low <= 100 + kPlausible && r.sum_high >= 100 - kPlausible;
      adding_up += r.consistent ? 1 : 0;
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent;
      r.caption = row.label;
      rows.push_back(std::move(r));
    }
    if (!plausible || adding_up < 2) continue;
    for (Relation& r : rows) Add(std::move(r));
  }
}

// Column c of `rows` (figure indexes, one row per vector) summed to totals[c], as a layout reads them:
// the sums are added only when every column has two non-zero parts and sums, none is off by more than a
// slip, at least one adds up and all but one do.
void RelationAnalysis::AddColumnSums(const std::vector<std::vector<int>>& rows, const std::vector<int>& totals,
                                     const std::string& total_label) {
  std::vector<Relation> found;
  size_t holds = 0;
  for (size_t c = 0; c < totals.size(); ++c) {
    std::vector<int> parts;
    size_t nonzero = 0;
    for (const std::vector<int>& row : rows) {
      parts.push_back(row[c]);
      nonzero += figures_[row[c]].value != 0;
    }
    Relation r;
    if (nonzero < 2 || !TableSum(totals[c], parts, total_label, &r) || OffByMoreThanASlip(r, figures_[totals[c]])) {
      return;
    }
    holds += r.consistent;
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    found.push_back(std::move(r));
  }
  if (holds < 1 || holds + 1 < totals.size()) return;
  for (Relation& r : found) Add(std::move(r));
}

// The right one of two tables set side by side on a page of text columns, so that each row's line
// opens with the left table's row or the other column's prose: a total row (its label a total word
// or opening with one, as BareTotal reads it, then N figures set apart by blanks, 2 <= N <= 8,
// nothing after), and above it rows whose lines end in N or more figures set apart by blanks (the
// last N are the row's; the word before them is its label, not another figure, and the text before
// them names no rate), lines without figures between them (at most kMaxGapLines) and no page break;
// a line with figures of another shape ends the table. Two rows or more with two or more non-zero
// figures per column. The columns are summed when every one adds up (a relation recognised), or all
// but one and at least one does (the one that does not is a warning: the grouping is read from the
// layout alone); a column off by more than 15 % of its total is another quantity (an average, a
// rate), so nothing is summed then. Totals another reading already sums are left to it.
void RelationAnalysis::FindTotalsOfTrailingRuns(const sdk::Document& doc) {
  constexpr size_t kMinCols = 2;
  constexpr size_t kMaxCols = 8;
  constexpr uint32_t kMaxGapLines = 3;
  const std::string_view text = doc.Text();
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  // The figures ending the line, set apart by blanks and none a share or a year, nothing after the last;
  // empty when the line does not end in a figure.
  auto trailing_run = [&](uint32_t line, const std::vector<int>& figs) {
    std::vector<int> run;
    const esgaudit_line l = doc.Line(line);
    const Figure& last = figures_[figs.back()];
    if (!sdk::Trim(text.substr(last.offset + last.length, l.offset + l.length - last.offset - last.length)).empty()) {
      return run;
    }
    for (size_t k = figs.size(); k-- > 0;) {
      const Figure& f = figures_[figs[k]];
      if (f.kind != ESGAUDIT_FACT_QUANTITY) break;
      if (!run.empty()) {
        const Figure& n = figures_[run.back()];
        const uint64_t from = f.offset + f.length;
        if (from >= n.offset) break;
        bool gap = true;
        for (uint64_t c = from; c < n.offset && gap; ++c) gap = blank(text[c]);
        if (!gap) break;
      }
      run.push_back(figs[k]);
    }
    std::reverse(run.begin(), run.end());
    return run;
  };
  for (const auto& [anchor, total_figs] : on_line) {
    const std::vector<int> total_run = trailing_run(anchor, total_figs);
    const size_t n = total_run.size();
    if (n < kMinCols || n > kMaxCols || n != total_figs.size()) continue;
    const esgaudit_line al = doc.Line(anchor);
    std::string lowered;
    const Figure& first = figures_[total_run.front()];
    if (!BareTotal(std::string(sdk::Trim(text.substr(al.offset, first.offset - al.offset))), &lowered)) continue;
    if (std::any_of(total_run.begin(), total_run.end(), [&](int t) { return Summed(t); })) continue;
    const std::string total_label(sdk::Trim(text.substr(al.offset, first.offset - al.offset)));
    std::vector<std::vector<int>> rows;  // bottom up
    for (uint32_t line = anchor, prev = anchor; line-- > 0;) {
      if (prev - line > kMaxGapLines + 1 || doc.Line(line).page != al.page) break;
      auto it = on_line.find(line);
      if (it == on_line.end()) continue;
      std::vector<int> run = trailing_run(line, it->second);
      if (run.size() < n) break;
      run.erase(run.begin(), run.end() - static_cast<std::ptrdiff_t>(n));
      // The label's last word is a word, not a figure (a row with more columns).
      const esgaudit_line l = doc.Line(line);
      const std::string_view before = sdk::Trim(text.substr(l.offset, figures_[run.front()].offset - l.offset));
      const size_t sp = before.find_last_of(" \t");
      const std::string_view word = sp == std::string_view::npos ? before : before.substr(sp + 1);
      if (!std::any_of(word.begin(), word.end(), [](char c) {
            return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
          }) ||
          RateLabel(std::string(before))) {
        break;
      }
      rows.push_back(std::move(run));
      prev = line;
    }
    if (rows.size() < 2) continue;
    std::reverse(rows.begin(), rows.end());
    AddColumnSums(rows, total_run, total_label);
  }
}

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
    while (start > 0 && before.size() - start < 14 && plain(before[start - 1])) --start;
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
      break;
    }
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
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    // Cheap first: a measure's word in the sentence's bytes.
    bool cue = false;
    for (uint32_t k = 0; k < st.span_count && !cue; ++k) {
      const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
      if (span.view_end <= span.view_begin || span.view_end > view.size()) continue;
      const std::string_view words = view.substr(span.view_begin, span.view_end - span.view_begin);
      for (const VerbPair& p : *pairs) {
        for (const auto* list : {&p.first, &p.second}) {
          for (const std::u32string& w : *list) cue = cue || (p.measure && Has(words, ToUtf8(w)));
        }
      }
    }
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
// the words of the subject and of the verb's size (公司, 已, 共, 达, 为, 总额) are dropped is the same,
// or one holds the other (基金会捐赠 / 捐赠), or the later clause says nothing else (`…新增供应商22家，
// 累计达166家`). The year's figure is a part of the running total, Likely (a warning): the pairing
// is read from the wording; approximate figures are compared by their ranges. Not read as such: a
// change (同比, 较, 增长, 增加, 减少: a difference, not a part), a stock (拥有, 现有, 余额: what is held, not added), a clause with 其中 or a per-head figure, a
// year's end (2016年底 dates a running total), two scopes apart (国内 against 国外), and a running
// total over a year of its own (`2016年累计…`: a sum within the year, which a year's part may exceed
// in another reading). Across a sentence end only as pair_with_the_sentence_before says.
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
    if (!cumulative(cc) || unfit(cc) || !has(text.substr(0, cpos), {U"以来", U"年来"})) return;
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
    size_t figures_in = 0;
    bool cue = false;
    for (uint32_t k = 0; k < st.span_count; ++k) {
      const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
      if (span.view_end <= span.view_begin || span.view_end > view.size()) continue;
      figures_in += static_cast<size_t>(
          std::lower_bound(by_view.begin(), by_view.end(), std::make_pair(span.view_end, -1)) -
          std::lower_bound(by_view.begin(), by_view.end(), std::make_pair(span.view_begin, -1)));
      const std::string_view words = view.substr(span.view_begin, span.view_end - span.view_begin);
      cue = cue || Has(words, "累") || Has(words, "历");
    }
    if (Fast() && (figures_in == 0 || !cue)) continue;
    std::u32string text;
    Placed in_sentence;
    SentenceFigures(doc, st, by_view, &text, &in_sentence);
    std::set<int> used;
    std::set<int> paired;  // running totals given their year's figure within the sentence
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
        const Clause cy = clause_at(text, ypos);
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
  std::map<uint64_t, int> figure_at;  // text offset -> figure
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
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
    for (const esgaudit_table_cell& c : doc.GridCells(t)) {
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
          rel.consistent = rel.sum_low <= total.high && total.low <= rel.sum_high;
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
          rel.consistent = rel.sum_low <= figures_[tot].high && figures_[tot].low <= rel.sum_high;
          rel.flag = !rel.consistent;
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

void RelationAnalysis::FindSideBySideShareRows(const sdk::Document& doc) {
  constexpr size_t kMaxShares = 8;
  constexpr uint32_t kMaxGapLines = 4;
  constexpr double kNear = 1;  // points
  const std::string_view text = doc.Text();
  std::set<int> in_relation;
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  const std::map<uint32_t, std::vector<int>>& on_line = FiguresByLine(true);
  auto share = [&](int f) {
    const Figure& x = figures_[f];
    return x.kind == ESGAUDIT_FACT_PERCENT && x.value >= 0 && x.value <= 100 && !in_relation.count(f);
  };
  std::map<uint64_t, int> figure_at;
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
  auto skip_blanks = [&](uint64_t at, uint64_t end) {
    while (at < end && (text[at] == ' ' || text[at] == '\t' || text[at] == '\r')) ++at;
    return at;
  };
  // The share starting at `at` (a `%` set apart from it taken in: `0.1 %`), or -1; `at` moves past it.
  auto share_at = [&](uint64_t* at, uint64_t end) {
    auto it = figure_at.find(*at);
    if (it == figure_at.end() || !share(it->second)) return -1;
    const Figure& x = figures_[it->second];
    uint64_t next = x.offset + x.length;
    const uint64_t after = skip_blanks(next, end);
    if (after < end && text[after] == '%' && text.substr(x.offset, x.length).find('%') == std::string_view::npos) {
      next = after + 1;
    }
    if (next < end && text[next] != ' ' && text[next] != '\t' && text[next] != '\r') return -1;
    *at = next;
    return it->second;
  };
  // The shares of a line holding shares only, or empty.
  auto shares_only = [&](uint32_t line) {
    std::vector<int> out;
    const esgaudit_line l = doc.Line(line);
    const uint64_t end = l.offset + l.length;
    for (uint64_t at = skip_blanks(l.offset, end); at < end; at = skip_blanks(at, end)) {
      const int f = share_at(&at, end);
      if (f < 0) return std::vector<int>();
      out.push_back(f);
    }
    return out;
  };
  struct Row {
    uint32_t line = 0;
    std::string key;
    std::vector<std::vector<int>> parts;  // the shares of each table, those of the line above included
    std::vector<size_t> shape;            // shares of each table on the row's own line
  };
  auto row_of = [&](uint32_t line, Row* row) {
    const esgaudit_line l = doc.Line(line);
    const uint64_t end = l.offset + l.length;
    const std::string_view rest = sdk::Trim(text.substr(l.offset, l.length));
    const std::string_view key = rest.substr(0, std::min(rest.find_first_of(" \t\r"), rest.size()));
    const bool year = key.size() == 4 &&
                      std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                      (key.substr(0, 2) == "19" || key.substr(0, 2) == "20");
    const bool word = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
      return std::isalpha(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80;
    });
    if (!year && !word) return false;
    row->line = line;
    row->key = std::string(key);
    row->parts.clear();
    for (uint64_t at = skip_blanks(l.offset, end); at < end; at = skip_blanks(at, end)) {
      const uint64_t after = at + key.size();
      if (text.substr(at, key.size()) == key &&
          (after >= end || text[after] == ' ' || text[after] == '\t' || text[after] == '\r')) {
        row->parts.emplace_back();
        at = after;
        continue;
      }
      const int f = share_at(&at, end);
      if (f < 0 || row->parts.empty()) return false;
      row->parts.back().push_back(f);
    }
    if (row->parts.size() < 2) return false;
    row->shape.clear();
    for (const std::vector<int>& p : row->parts) {
      if (p.size() < 2 || p.size() > kMaxShares) return false;
      row->shape.push_back(p.size());
    }
    if (line > 0 && doc.Line(line - 1).page == l.page) {
      const std::vector<int> above = shares_only(line - 1);
      if (above.size() >= row->parts.size()) {
        for (size_t i = 0; i < above.size(); ++i) row->parts[std::min(i, row->parts.size() - 1)].push_back(above[i]);
      }
    }
    return true;
  };
  std::vector<std::vector<Row>> blocks;
  for (const auto& entry : on_line) {
    Row row;
    if (entry.second.size() < 4 || !row_of(entry.first, &row)) continue;
    if (!blocks.empty()) {
      const Row& prev = blocks.back().back();
      if (prev.shape == row.shape && row.line - prev.line <= kMaxGapLines &&
          doc.Line(prev.line).page == doc.Line(row.line).page) {
        blocks.back().push_back(std::move(row));
        continue;
      }
    }
    blocks.push_back({std::move(row)});
  }
  for (const std::vector<Row>& block : blocks) {
    if (block.size() < 2) continue;
    for (size_t t = 0; t < block.front().shape.size(); ++t) {
      std::vector<Relation> rows;
      size_t adding_up = 0;
      bool plausible = true;
      for (const Row& row : block) {
        Relation r = Stated(RelationKind::kPercentBreakdown, -1, row.parts[t]);
        std::sort(r.parts.begin(), r.parts.end(), [&](int a, int b) { return figures_[a].offset < figures_[b].offset; });
        plausible = plausible && r.sum_low <= 100 + kPlausible && r.sum_high >= 100 - kPlausible;
        adding_up += r.consistent ? 1 : 0;
        r.evidence = Evidence::kLayout;
        r.certainty = Certainty::kLikely;
        // Within kNear of 100 a row may leave out a small category printed nowhere (an unread cell):
        // not flagged.
        r.flag = !r.consistent && (r.sum_low > 100 + kNear || r.sum_high < 100 - kNear);
        r.caption = row.key;
        rows.push_back(std::move(r));
      }
      if (!plausible || adding_up < 2) continue;
      for (Relation& r : rows) Add(std::move(r));
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
  std::map<uint64_t, int> figure_at;
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
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
      change = !year_of(last) && (Has(last, "%") || last.rfind("yoy", 0) == 0 || last.rfind("change", 0) == 0 ||
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
    for (const esgaudit_table_cell& c : doc.GridCells(t)) {
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
  std::map<uint64_t, int> figure_at;
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
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
      if (Has(s, w)) return true;
    }
    return false;
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.grid_columns != 2 || t.total_line != ESGAUDIT_NO_INDEX) continue;
    std::string header;
    std::map<uint32_t, std::pair<std::string, int>> rows;  // row: label, figure or -1
    bool plain = true;
    for (const esgaudit_table_cell& c : doc.GridCells(t)) {
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
  std::map<uint64_t, int> figure_at;
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
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
      if (Has(c, w)) return true;
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

namespace {

// The unit a label gives in its brackets: 环境保护投入（万元） -> 万元, 综合能耗（单位：千克/年） -> 千克/年;
// empty when its last bracket is no unit (longer than four characters) or it has none.
std::string BracketUnit(std::string h) {
  h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
  for (const char* w : {"单位：", "单位:"}) {
    const size_t at = h.rfind(w);
    if (at == std::string::npos) continue;
    std::u32string u = U32(h.substr(at + std::string(w).size()));
    const size_t close = u.find_first_of(U")）");
    return close == std::u32string::npos || close == 0 ? std::string() : ToUtf8(u.substr(0, close));
  }
  std::u32string u = U32(h);
  if (u.empty() || (u.back() != U'）' && u.back() != U')')) return std::string();
  const size_t open = u.find_last_of(U"（(");
  if (open == std::u32string::npos || u.size() - open - 2 == 0 || u.size() - open - 2 > 4) return std::string();
  return ToUtf8(u.substr(open + 1, u.size() - open - 2));
}

}  // namespace

// A total named by the quantity it totals, with no total word, in a column or a row of a table:
// `配备个人防护用品（万元） | 组织职业健康体验（万元） | 安全培训教育（万元） | 全年安全投入（万元）` over
// rows of figures; `电能折合标煤（单位：千克/年） | 其他能源消耗总量（…千克/年） | 综合能耗（单位：千克/年）`
// among columns of other units; the same lines as the rows of a KPI table of years. Nothing but
// arithmetic names the total, so it is taken only when all of this holds:
// - a tab or aligned table of the model with no total row; each line (a column, named by its header
//   cells; or a row, named by its label cell) names its unit in a bracket (单位：… inside it, or the
//   bracket's content alone); no header names a total word (合计, 总计, 小计: the model's reader takes
//   those) or a rate;
// - the total line j and the run of two or more lines right before it in j's unit are the parts
//   (a line of another unit ends the run);
// - witnesses (rows for a column total, columns for a row total) whose cells in the run and in j
//   are all figures (words there, 未统计, make no witness and no sum), each plain, in no other
//   relation, in the unit of j or none;
// - at least kWitnesses of them (two or more non-zero parts, a total of three digits or more) and
//   all of them but one sum to j as printed.
// Each witness is then a sum; one off is a warning (Likely): the total is read from the arithmetic of
// the others, not from a word.
void RelationAnalysis::FindQuantityTotalLines(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr size_t kWitnesses = 3;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  std::map<uint64_t, int> figure_at;
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
  auto unit_of = BracketUnit;
  auto total_or_rate = [](const std::string& name) {
    for (const char* w : {"合计", "总计", "小计", "共计", "率", "占比", "比例", "%", "％"}) {
      if (Has(name, w)) return true;
    }
    return false;
  };
  // lines[i]: the figure of each witness (-1 empty, -2 words); names[i] its name. Adds the sums of the
  // first total line found.
  auto sum_lines = [&](const std::vector<std::vector<int>>& lines, const std::vector<std::string>& names,
                       const std::string& table_unit) {
    std::vector<std::string> units(lines.size());
    std::vector<size_t> named;
    for (size_t i = 0; i < lines.size(); ++i) {
      units[i] = unit_of(names[i]);
      if (!units[i].empty() && units[i] != "%" && !total_or_rate(names[i])) named.push_back(i);
    }
    if (named.size() < 3) return;
    const std::set<int> related = FiguresInRelations();
    auto empty_line = [&](size_t i) { return std::all_of(lines[i].begin(), lines[i].end(), [](int f) { return f == -1; }); };
    auto plain = [&](int f, const std::string& unit) {
      const Figure& x = figures_[f];
      return !related.count(f) && x.kind == ESGAUDIT_FACT_QUANTITY &&
             (x.unit.empty() || x.unit == unit || x.unit == table_unit);
    };
    for (size_t k = 2; k < named.size(); ++k) {
      const size_t j = named[k];
      std::vector<size_t> run;
      for (size_t p = k, next = j; p-- > 0;) {  // lines left empty in every witness (spacers) may stand between
        bool spacers = true;
        for (size_t g = named[p] + 1; g < next; ++g) spacers = spacers && empty_line(g);
        if (!spacers || units[named[p]] != units[j]) break;
        run.insert(run.begin(), named[p]);
        next = named[p];
      }
      if (run.size() < 2) continue;
      std::vector<Relation> found;
      size_t holds = 0;
      bool misread = false;
      for (size_t w = 0; w < lines[j].size() && !misread; ++w) {
        if (lines[j][w] < 0 || std::any_of(run.begin(), run.end(), [&](size_t i) { return lines[i][w] < 0; })) continue;
        std::vector<int> parts;
        size_t nonzero = 0;
        for (size_t i : run) {
          misread = misread || !plain(lines[i][w], units[j]);
          parts.push_back(lines[i][w]);
          nonzero += figures_[lines[i][w]].value != 0;
        }
        misread = misread || !plain(lines[j][w], units[j]);
        if (misread || nonzero < 2) continue;
        // A sum of small figures may hold by chance: a witness's total prints three digits or more.
        const std::string& printed = figures_[lines[j][w]].text;
        if (std::count_if(printed.begin(), printed.end(), [](char c) { return c >= '0' && c <= '9'; }) < 3) continue;
        Relation rel;
        if (!TableSum(lines[j][w], parts, names[j], &rel) || OffByMoreThanASlip(rel, figures_[lines[j][w]])) {
          misread = true;
          break;
        }
        holds += rel.consistent;
        rel.evidence = Evidence::kLayout;
        rel.certainty = Certainty::kLikely;
        found.push_back(std::move(rel));
      }
      if (misread || found.size() < kWitnesses || holds + 1 < found.size()) continue;
      for (Relation& rel : found) Add(std::move(rel));
      return;  // one total line per table and orientation
    }
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.total_line != ESGAUDIT_NO_INDEX || t.grid_columns < 3) continue;
    std::vector<std::string> header(t.grid_columns);
    std::map<uint32_t, std::vector<int>> rows;  // row -> figure per column, -1 empty, -2 words
    std::map<uint32_t, std::string> row_names;  // row -> its label cell
    for (const esgaudit_table_cell& c : doc.GridCells(t)) {
      if (c.column >= t.grid_columns) continue;
      const std::string cell(sdk::Trim(sdk::View(c.text)));
      if (c.flags & ESGAUDIT_TABLE_CELL_HEADER) {
        header[c.column] += cell;
        continue;
      }
      auto& row = rows.emplace(c.row, std::vector<int>(t.grid_columns, -1)).first->second;
      if (c.column == 0) row_names[c.row] = cell;
      auto it = figure_at.find(c.offset);
      if (it != figure_at.end() && figures_[it->second].text == cell) {
        row[c.column] = it->second;
      } else if (!cell.empty()) {
        row[c.column] = -2;
      }
    }
    if (rows.empty()) continue;
    const std::string table_unit(sdk::View(t.unit));
    // Column totals: the columns named by their header cells, the rows their witnesses.
    std::vector<std::vector<int>> columns(t.grid_columns);
    for (const auto& [r, cells] : rows) {
      for (size_t c = 0; c < cells.size(); ++c) columns[c].push_back(cells[c]);
    }
    sum_lines(columns, header, table_unit);
    // Row totals: the rows named by their label cells, the value columns their witnesses.
    std::vector<std::vector<int>> lines;
    std::vector<std::string> names;
    for (const auto& [r, cells] : rows) {
      lines.emplace_back(cells.begin() + 1, cells.end());
      names.push_back(row_names[r]);
    }
    sum_lines(lines, names, table_unit);
  }
}

// A row of a table equal to the sum of the run of rows right below it (or right above it) in every
// value column, named by no word: 净利润 | 归属母公司股东的净利润 | 少数股东损益 in a five-year table of
// results; 环境保护投入（万元） over two kinds of spending in 万元. The columns are the witnesses and only
// their arithmetic says the rows are a sum, so it is taken only when all of this holds:
// - a tab or aligned table of the model with three value columns or more;
// - the total row j and a run of 2 to 4 rows next to it (rows left empty in every column may stand
//   between), none naming a rate, a share, a per-unit or average value, a year, an of-which or a
//   subtotal (other readers take those), all naming the same unit in their brackets or all none;
// - witnesses: columns where j and every row of the run hold a figure; each a plain quantity (no
//   percentage, no year, no approximation) of one unit and magnitude, none already a total;
// - kWitnesses or more; every witness but at most one adds up, none is off by more than a slip (15 %:
//   another quantity), and proving witnesses (two or more non-zero parts, a total printing three
//   digits or more; a sum by zeros or one part equal to the total adds up in any table) number
//   kProvingNamed when the rows name one unit (as the total lines above ask), kProvingBare when the
//   arithmetic alone groups them.
// The shortest run that holds is taken; j is then a total and its witnesses are sums. A witness
// that does not add up is an error when kProvingBare others prove the grouping (a coincidence in
// four columns of three-digit totals is not to be expected), else a warning: the grouping is read
// from the arithmetic of few columns.
void RelationAnalysis::FindRowsSummingTheRowsBelow(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  constexpr size_t kWitnesses = 3;
  constexpr size_t kProvingNamed = 2;
  constexpr size_t kProvingBare = 4;
  constexpr size_t kMaxRun = 4;
  std::map<uint64_t, int> figure_at;
  for (size_t i = 0; i < figures_.size(); ++i) figure_at.emplace(figures_[i].offset, static_cast<int>(i));
  auto year_label = [](const std::string& l) {
    return l.size() >= 4 && (l.compare(0, 2, "19") == 0 || l.compare(0, 2, "20") == 0) &&
           std::all_of(l.begin(), l.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
  };
  auto summable_label = [&](const std::string& name) {
    // A unit per something (吨/万元) is a rate; a quantity per year (千克/年) is not.
    const std::string unit = BracketUnit(name);
    const bool per_unit = Has(unit, "/") && !(unit.size() >= 4 && unit.compare(unit.size() - 4, 4, "/年") == 0);
    return !name.empty() && !RateLabel(name) && !per_unit && !year_label(name) && !IsNestedLabel(name) &&
           !OfWhichLabel(name);
  };
  auto digits = [](const std::string& s) { return std::count_if(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.grid_columns < 4) continue;
    std::map<uint32_t, std::vector<int>> by_row;  // row -> figure per column, -1 empty, -2 words
    std::map<uint32_t, std::string> names;
    for (const esgaudit_table_cell& c : doc.GridCells(t)) {
      if (c.column >= t.grid_columns || (c.flags & ESGAUDIT_TABLE_CELL_HEADER)) continue;
      auto& row = by_row.emplace(c.row, std::vector<int>(t.grid_columns, -1)).first->second;
      const std::string cell(sdk::Trim(sdk::View(c.text)));
      if (c.column == 0) {
        names[c.row] = cell;
        continue;
      }
      auto it = figure_at.find(c.offset);
      if (it != figure_at.end() && figures_[it->second].text == cell) {
        row[c.column] = it->second;
      } else if (!cell.empty()) {
        row[c.column] = -2;
      }
    }
    // The rows in order, spacer rows (no label, no cell) left out.
    std::vector<std::vector<int>> rows;
    std::vector<std::string> row_names;
    for (const auto& [r, cells] : by_row) {
      const std::string& name = names[r];
      if (name.empty() && std::all_of(cells.begin(), cells.end(), [](int f) { return f == -1; })) continue;
      rows.push_back(cells);
      row_names.push_back(name);
    }
    auto plain = [&](int f, const Figure& total) {
      const Figure& x = figures_[f];
      return x.kind == ESGAUDIT_FACT_QUANTITY && x.qualifiers == 0 && x.magnitude == total.magnitude &&
             x.unit == total.unit && x.value >= 0 && !Summed(f);
    };
    for (size_t j = 0; j < rows.size(); ++j) {
      if (!summable_label(row_names[j])) continue;
      const std::string unit = BracketUnit(row_names[j]);
      for (int dir : {1, -1}) {
        bool done = false;
        for (size_t n = 2; n <= kMaxRun && !done; ++n) {
          if (dir > 0 ? j + n >= rows.size() : j < n) break;
          std::vector<size_t> run;
          for (size_t k = 1; k <= n; ++k) run.push_back(dir > 0 ? j + k : j - k);
          if (!std::all_of(run.begin(), run.end(), [&](size_t i) {
                return summable_label(row_names[i]) && BracketUnit(row_names[i]) == unit;
              })) {
            break;  // a longer run holds this row too
          }
          if (dir < 0) std::reverse(run.begin(), run.end());
          std::vector<Relation> found;
          size_t proving = 0, holds = 0;
          bool misread = false;
          for (size_t w = 1; w < t.grid_columns && !misread; ++w) {
            const int total = rows[j][w];
            if (total < 0 || std::any_of(run.begin(), run.end(), [&](size_t i) { return rows[i][w] < 0; })) continue;
            const Figure& tf = figures_[total];
            std::vector<int> parts;
            size_t nonzero = 0;
            for (size_t i : run) {
              parts.push_back(rows[i][w]);
              nonzero += figures_[rows[i][w]].value != 0;
            }
            if (!plain(total, tf) || !std::all_of(parts.begin(), parts.end(), [&](int f) { return plain(f, tf); })) {
              misread = true;
              break;
            }
            Relation rel;
            if (!TableSum(total, parts, row_names[j], &rel) || OffByMoreThanASlip(rel, tf)) {
              misread = true;
              break;
            }
            rel.evidence = Evidence::kLayout;
            holds += rel.consistent;
            proving += rel.consistent && nonzero >= 2 && digits(tf.text) >= 3;
            found.push_back(std::move(rel));
          }
          if (misread || found.size() < kWitnesses || holds + 1 < found.size() ||
              proving < (unit.empty() ? kProvingBare : kProvingNamed)) {
            continue;
          }
          for (Relation& rel : found) {
            rel.certainty = proving >= kProvingBare ? Certainty::kCertain : Certainty::kLikely;
            Add(std::move(rel));
          }
          done = true;
        }
        if (done) break;
      }
    }
  }
}

// A table's total row printed apart from it: a fleet table by aircraft type and year with no total
// row, then chart text, then a line holding a total word alone (总计, 合计, Total) and its figures on
// the next lines (`581 架 535架 497` and `架`). The total line stands within kGapLines below the
// table's last line, on its page, with no line of another table between; its figures are those of
// the lines right after it (at most kFigureLines) that hold figures and units only, N >= 2 of them in
// one count unit or none, no share. Each line of the table holding figures (its header aside: years,
// or fewer than N figures on its first line) is a row whose last N figures are its cells; two rows or more, none of their figures in
// another relation, plain (no share) and in the totals' unit or none. Column j of the rows is then
// the j-th total's parts. The grouping is read from the layout, so the sums are taken only when all
// columns but one add up and at least one does, none off by more than 15 % of its total; a column
// that does not add up is a warning.
void RelationAnalysis::FindCutOffTotalRows(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kGapLines = 8;
  constexpr uint32_t kFigureLines = 2;
  constexpr uint32_t kLineGrids = ESGAUDIT_TABLE_SOURCE_ALIGNED | ESGAUDIT_TABLE_SOURCE_TABS;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::set<int> related = FiguresInRelations();
  auto line_text = [&](uint32_t line) { return TrimmedLine(doc, line); };
  auto figures_on = [&](uint32_t line) {
    auto it = by_line.find(line);
    return it == by_line.end() ? std::vector<int>() : it->second;
  };
  auto year = [&](int g) {
    const Figure& f = figures_[g];
    return f.decimals == 0 && f.value >= 1900 && f.value <= 2099 && (f.unit.empty() || f.unit == "年");
  };
  for (uint32_t ti = 0; ti < doc.TableCount(); ++ti) {
    const esgaudit_table t = doc.Table(ti);
    if ((t.source & kLineGrids) == 0 || t.total_line != ESGAUDIT_NO_INDEX) continue;
    const uint32_t page = doc.Line(t.last_line).page;
    // The total line below the table.
    uint32_t total_line = ESGAUDIT_NO_INDEX;
    for (uint32_t line = t.last_line + 1; line < doc.LineCount() && line <= t.last_line + kGapLines; ++line) {
      if (doc.Line(line).page != page || doc.LineStructure(line).table != ESGAUDIT_NO_INDEX) break;
      std::string lowered;
      if (BareTotal(line_text(line), &lowered) && Cps(lowered) <= 5 && figures_on(line).empty()) {
        total_line = line;
        break;
      }
    }
    if (total_line == ESGAUDIT_NO_INDEX) continue;
    // Its figures: the lines right after it holding figures and units only.
    std::vector<int> totals;
    for (uint32_t line = total_line + 1; line < doc.LineCount() && line <= total_line + kFigureLines; ++line) {
      const std::vector<int> figs = figures_on(line);
      std::u32string rest = U32(line_text(line));
      for (auto it = figs.rbegin(); it != figs.rend(); ++it) {
        const esgaudit_line l = doc.Line(line);
        const Figure& f = figures_[*it];
        if (f.offset < l.offset) continue;
        const size_t from = U32(text.substr(l.offset, f.offset - l.offset)).size();
        rest.erase(std::min(from, rest.size()), U32(text.substr(f.offset, f.length)).size());
      }
      bool units_only = true;
      for (char32_t c : rest) {
        const std::string unit = ToUtf8(std::u32string(1, c));
        units_only = units_only && (c == U' ' || c == U'\t' || CountUnit(unit) || unit == "架" || unit == "辆" ||
                                    unit == "艘" || unit == "台" || unit == "座" || unit == "所" || unit == "个");
      }
      if (!units_only) break;
      totals.insert(totals.end(), figs.begin(), figs.end());
    }
    const size_t n = totals.size();
    if (n < 2) continue;
    std::string unit;
    bool plain = true;
    for (int g : totals) {
      const Figure& f = figures_[g];
      plain = plain && f.kind == ESGAUDIT_FACT_QUANTITY && !related.count(g) && f.unit != "%";
      if (!f.unit.empty()) {
        plain = plain && (unit.empty() || unit == f.unit);
        unit = f.unit;
      }
    }
    if (!plain) continue;
    // The table's rows: the last n figures of each line holding figures, its header of years aside.
    std::vector<std::vector<int>> rows;
    for (uint32_t line = t.first_line; line <= t.last_line && plain; ++line) {
      const std::vector<int> figs = figures_on(line);
      // The header (years, or a unit line such as `1/ u =` read as a figure) holds fewer.
      if (figs.empty() || std::all_of(figs.begin(), figs.end(), year) ||
          ((line == t.first_line || line == t.header_line) && figs.size() < n)) {
        continue;
      }
      if (figs.size() < n) {
        plain = false;
        break;
      }
      std::vector<int> cells(figs.end() - n, figs.end());
      for (int g : cells) {
        const Figure& f = figures_[g];
        plain = plain && f.kind == ESGAUDIT_FACT_QUANTITY && !related.count(g) && (f.unit.empty() || f.unit == unit);
      }
      rows.push_back(std::move(cells));
    }
    if (!plain || rows.size() < 2) continue;
    AddColumnSums(rows, totals, line_text(total_line));
  }
}

// Infographics: a total and its parts placed near each other, the parts labelled with categories
// of one dimension (发明/实用新型, 大专/本科以上) and the total with the dimension's head word
// (申请专利, 招聘新员工). Parts adding up is recognised; a mismatch is reported as a warning.
void RelationAnalysis::FindLayoutTotals() {
  struct Part {
    int figure;
    int dim;
    std::string cat;
  };
  std::vector<Part> parts;
  std::set<int> in_relation;  // figures a stated relation already explains
  for (const Relation& r : relations_) {
    if (r.total >= 0) in_relation.insert(r.total);
    in_relation.insert(r.parts.begin(), r.parts.end());
  }
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit.empty() || f.value <= 0) continue;
    if (f.cell_extra > kInfographicCell || in_relation.count(static_cast<int>(i))) continue;
    auto [d, cat] = Categorise(f.label);
    if (d >= 0) parts.push_back({static_cast<int>(i), d, cat});
  }
  auto distance = [this](int a, int b) {
    const Figure& x = figures_[a];
    const Figure& y = figures_[b];
    return kLineWeight * std::fabs(double(x.line) - double(y.line)) +
           std::fabs(double(x.column) - double(y.column));
  };
  std::vector<Relation> found;
  for (size_t ti = 0; ti < figures_.size(); ++ti) {
    const Figure& t = figures_[ti];
    if (t.kind != ESGAUDIT_FACT_QUANTITY || t.unit.empty() || t.value <= 0) continue;
    if (t.cell_extra > kInfographicCell || in_relation.count(static_cast<int>(ti))) continue;
    if (Categorise(t.label).first >= 0) continue;
    for (int d = 0; d < static_cast<int>(Dimensions().size()); ++d) {
      if (!HasHead(t.label, d)) continue;
      std::map<std::string, int> best;  // category -> nearest part
      for (const Part& p : parts) {
        const Figure& f = figures_[p.figure];
        if (p.dim != d || f.unit != t.unit || f.value >= t.value) continue;
        if (std::labs(long(f.line) - long(t.line)) > kWindowLines) continue;
        auto it = best.find(p.cat);
        if (it == best.end() || distance(p.figure, int(ti)) < distance(it->second, int(ti))) {
          best[p.cat] = p.figure;
        }
      }
      if (best.size() < 2) continue;
      Relation r;
      r.kind = RelationKind::kPartsTotal;
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      r.total = static_cast<int>(ti);
      r.caption = t.label;
      for (const auto& [cat, f] : best) r.parts.push_back(f);
      std::sort(r.parts.begin(), r.parts.end());
      SumParts(&r);
      const double lo = r.sum_low, hi = r.sum_high;
      r.consistent = lo <= t.high && t.low <= hi;
      // From the layout alone a smaller sum may mean a category printed elsewhere: only a larger
      // one is reported.
      r.flag = lo > t.high && Reportable(r, false);
      if (r.consistent || r.flag) found.push_back(std::move(r));
    }
  }
  // Several totals may claim one set of parts (a figure and its restatement in the text): keep
  // the one that adds up, else the nearest.
  std::map<std::vector<int>, Relation> by_parts;
  for (Relation& r : found) {
    auto it = by_parts.find(r.parts);
    auto score = [&](const Relation& x) {
      double d = 0;
      for (int p : x.parts) d += distance(p, x.total);
      return std::make_pair(x.consistent ? 0 : 1, d);
    };
    if (it == by_parts.end() || score(r) < score(it->second)) by_parts[r.parts] = r;
  }
  for (auto& [key, r] : by_parts) {
    bool covered = false;
    for (const Relation& o : relations_) {
      if (o.parts == r.parts) covered = true;
    }
    if (!covered) Add(std::move(r));
  }
}

std::string RelationAnalysis::SumText(const Relation& r) const {
  const Figure& first = figures_[r.parts[0]];
  double sum = 0;
  for (int p : r.parts) sum += figures_[p].value / first.magnitude;
  return AmountText(r, sum);
}

std::string RelationAnalysis::ShortfallText(const Relation& r) const {
  const Figure& first = figures_[r.parts[0]];
  double sum = 0;
  for (int p : r.parts) sum += figures_[p].value * figures_[p].magnitude;
  const double whole = r.total >= 0 ? figures_[r.total].value * figures_[r.total].magnitude : 100;
  return AmountText(r, (whole - sum) / first.magnitude);
}

std::string RelationAnalysis::AmountText(const Relation& r, double amount) const {
  const Figure& first = figures_[r.parts[0]];
  int decimals = 0;
  bool grouped = false;
  for (int p : r.parts) {
    decimals = std::max(decimals, figures_[p].decimals);
    grouped = grouped || figures_[p].text.find(',') != std::string::npos;
  }
  if (r.total >= 0) grouped = grouped || figures_[r.total].text.find(',') != std::string::npos;
  std::string digits = Format(amount, decimals);
  if (grouped) {
    size_t point = digits.find('.');
    long end = static_cast<long>(point == std::string::npos ? digits.size() : point);
    for (long k = end - 3; k > 0; k -= 3) digits.insert(static_cast<size_t>(k), ",");
  }
  // The printed unit is whatever follows the digits of the parts ("项", "%", "万吨"); none when the
  // parts print different ones ("300 women" + "880 men").
  auto suffix = [](const std::string& t) {
    size_t k = 0;
    while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' ||
                            t[k] == ',' || t[k] == '-')) {
      ++k;
    }
    return t.substr(k);
  };
  std::string unit = suffix(first.text);
  for (int p : r.parts) {
    if (suffix(figures_[p].text) != unit) return digits;
  }
  return digits + unit;
}

// A table's sums are read one row at a time, each within the rounding of its printed figures (2 stands
// for 1.5 to 2.5). The table itself says more: when a total cell equals the sum of the same run of
// cells in row after row exactly as printed, its figures were added as printed, and a row of the same
// layout that holds only within rounding (1.3 + 3 + 2 against 5.3) is off. The bar:
// - a layout: a table sum (certain, evidence kTable) whose total and parts stand on one line, keyed by
//   the line's number of figures and the places of the total and the parts among them; rows of one
//   layout at most 12 lines apart (a page break between) are one table;
// - one unit and magnitude in a row, no approximation, no percentage;
// - at least four rows that add up exactly and prove something: not all zeros, nor a run holding a
//   single non-zero cell equal to the total;
// - rows not adding up exactly (flagged already or not) at most one, or a tenth of the rows.
// Each row off only within rounding, and by more than one unit of the last decimal its figures print
// (11.91 + 11.91 + 0.04 against 23.87 is rounding of the kind every table shows), is then flagged as a
// warning: rounding of a whole number may still explain it.
void RelationAnalysis::FlagRowsOffExactTables() {
  const auto& on_line = FiguresByLine(true);
  struct Row {
    size_t relation;
    uint32_t line;
    bool exact;
    bool proves;
    bool beyond_last_digit;
  };
  std::map<std::vector<int>, std::vector<Row>> layouts;
  for (size_t i = 0; i < relations_.size(); ++i) {
    const Relation& r = relations_[i];
    if (r.kind != RelationKind::kPartsTotal || r.evidence != Evidence::kTable || r.certainty != Certainty::kCertain ||
        r.total < 0 || r.parts.size() < 2) {
      continue;
    }
    const Figure& t = figures_[r.total];
    auto line = on_line.find(t.line);
    if (line == on_line.end()) continue;
    const std::vector<int>& figs = line->second;
    auto place = [&](int f) -> int {
      auto it = std::find(figs.begin(), figs.end(), f);
      return it == figs.end() ? -1 : static_cast<int>(it - figs.begin());
    };
    std::vector<int> key = {static_cast<int>(figs.size()), place(r.total)};
    int decimals = 0;
    bool plain = true;
    for (int f : r.parts) key.push_back(place(f));
    std::vector<int> members = r.parts;
    members.push_back(r.total);
    for (int f : members) {
      const Figure& g = figures_[f];
      plain = plain && g.line == t.line && g.kind == ESGAUDIT_FACT_QUANTITY && g.qualifiers == 0 && g.unit == t.unit &&
              g.magnitude == t.magnitude && g.value >= 0;
      decimals = std::max(decimals, std::max(0, static_cast<int>(g.decimals)));
    }
    if (!plain || decimals > 6 || std::count(key.begin(), key.end(), -1) > 0) continue;
    const double scale = std::pow(10.0, decimals);
    auto scaled = [&](int f) { return std::llround(figures_[f].value * scale); };
    long long sum = 0;
    int nonzero = 0;
    bool equal_single = false;
    for (int f : r.parts) {
      const long long v = scaled(f);
      sum += v;
      if (v != 0) {
        ++nonzero;
        equal_single = v == scaled(r.total);
      }
    }
    const bool exact = sum == scaled(r.total);
    const bool proves = exact && scaled(r.total) != 0 && !(nonzero == 1 && equal_single);
    const long long off = sum - scaled(r.total);
    layouts[key].push_back({i, t.line, exact, proves, off > 1 || off < -1});
  }
  for (auto& [key, rows] : layouts) {
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.line < b.line; });
    for (size_t from = 0; from < rows.size();) {
      size_t to = from + 1;
      while (to < rows.size() && rows[to].line - rows[to - 1].line <= 12) ++to;
      int proving = 0, off = 0;
      for (size_t k = from; k < to; ++k) {
        proving += rows[k].proves;
        off += !rows[k].exact;
      }
      const int allowed = std::max<int>(1, static_cast<int>((to - from) / 10));
      if (proving >= 4 && off > 0 && off <= allowed) {
        for (size_t k = from; k < to; ++k) {
          Relation& r = relations_[rows[k].relation];
          if (!rows[k].beyond_last_digit || !r.consistent) continue;
          r.consistent = false;
          r.flag = true;
          r.certainty = Certainty::kLikely;
          r.exact_rows = proving;
        }
      }
      from = to;
    }
  }
}

std::string RelationAnalysis::Describe(const Relation& r) const {
  std::string out;
  if (r.kind == RelationKind::kSubset) {
    const char* op = r.consistent ? " <= " : " > ";
    return figures_[r.parts[0]].text + op + figures_[r.total].text;
  }
  for (size_t i = 0; i < r.parts.size(); ++i) {
    if (i) out += " + ";
    out += figures_[r.parts[i]].text;
  }
  std::string sum = SumText(r);
  out += " = " + sum;
  if (!r.consistent) {
    out += r.total >= 0 ? ", expected " + figures_[r.total].text : ", expected 100%";
  } else if (r.total >= 0 && sum != figures_[r.total].text) {
    out += " ~ " + figures_[r.total].text;  // equal within the printed precision
  }
  return out;
}

std::vector<sdk::Related> RelationAnalysis::Members(const Relation& r) const {
  std::vector<sdk::Related> out;
  auto add = [&](int f, const char* role) {
    const Figure& g = figures_[f];
    std::string msg = std::string(role) + " " + g.text;
    if (!g.label.empty()) msg += " (" + g.label + ")";
    out.push_back({g.offset, g.length, msg});
  };
  if (r.total >= 0) add(r.total, "total");
  if (r.total < 0 && r.caption_length > 0) {
    out.push_back({r.caption_offset, r.caption_length, "caption " + r.caption});
  }
  for (int p : r.parts) add(p, r.kind == RelationKind::kSubset ? "subset" : "part");
  return out;
}

// A footnote's 其中 of a figure carrying its note mark. The mark (注 or 註, a number or none) stands
// right after the figure in prose (`援青的资金支出共1,200万元註`) or right after the bracketed unit of
// a table row's label whose one figure follows it (`总耗水量（百万吨）注2 | 227.7`); the note, on the
// same page within kNoteLines below, opens with the same mark at the start of a line or after blanks
// (another note's text may come before it on its line), then 其中. Its figures, up to the sentence's
// end or the next note (the line after it too while no sentence end is met), are the parts: one or
// more in the marked figure's unit (a row's bare figure takes the unit its label's bracket prints)
// and nothing else. One part is a subset; several are a sum only when the last one names 其他, so
// that they name every part (`…，海水11.57百万吨，再生水和雨水等其他水37.80百万吨`); an open list is
// left alone. The nearest mark of the same number above the note is the only candidate: when it
// marks no figure so, or another note of that number stands between, nothing is read. The link is
// read from the marks and a 其中, not from a total row, so a mismatch is a warning (Likely).
void RelationAnalysis::FindFootnoteParts(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kNoteLines = 40;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  auto blank = [](char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0; };
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  // The unit a figure prints after its number: "122.95百万吨" -> 百万吨.
  auto printed_unit = [](const std::string& t) {
    size_t k = 0;
    while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' || t[k] == ',')) ++k;
    return t.substr(k);
  };
  struct Mark {
    size_t at = 0, end = 0;  // code points of the line: the mark's 注 / 註, past its number
    std::u32string number;
    bool note = false;   // opens a note: at the line's start or after blanks / punctuation, then blanks or 其中
    bool of_which = false;  // a note whose text opens with 其中
  };
  auto marks_of = [&](const std::u32string& l) {
    std::vector<Mark> out;
    for (size_t i = 0; i < l.size(); ++i) {
      if (l[i] != U'注' && l[i] != U'註') continue;
      Mark m;
      m.at = i;
      m.end = i + 1;
      while (m.end < l.size() && digit(l[m.end]) && m.end - i <= 2) ++m.end;
      m.number = l.substr(i + 1, m.end - i - 1);
      size_t k = m.end;
      while (k < l.size() && (blank(l[k]) || l[k] == U':' || l[k] == U'：')) ++k;
      m.of_which = l.compare(k, 2, U"其中") == 0;
      const bool opens = i == 0 || blank(l[i - 1]);
      m.note = opens && (m.of_which || k > m.end || k == l.size());
      out.push_back(m);
    }
    return out;
  };
  for (uint32_t line = 1; line < doc.LineCount(); ++line) {
    const esgaudit_line nl = doc.Line(line);
    // A line without 注 or 註 holds no mark, so no note (the bytes of a code point of valid UTF-8).
    const std::string_view bytes = text.substr(nl.offset, nl.length);
    if (Fast() && !Has(bytes, "注") && !Has(bytes, "註")) continue;
    const std::u32string l = U32(bytes);
    for (const Mark& note : marks_of(l)) {
      if (!note.note || !note.of_which) continue;
      // The note's span, in bytes of the text: from its 其中 to a sentence end or the next note.
      auto byte_at = [&](const std::u32string& u, size_t cps, uint64_t base) {
        return base + ToUtf8(u.substr(0, cps)).size();
      };
      const uint64_t from = byte_at(l, note.end, nl.offset);
      uint64_t to = 0;
      bool ended = false;
      for (uint32_t n = line; n <= line + 1 && n < doc.LineCount() && !ended; ++n) {
        const esgaudit_line ln = doc.Line(n);
        const std::u32string u = n == line ? l : U32(text.substr(ln.offset, ln.length));
        const std::vector<Mark> marks = n == line ? std::vector<Mark>() : marks_of(u);
        if (n > line && (u.find_first_not_of(U" \t\u3000") == std::u32string::npos || ln.page != nl.page ||
                         std::any_of(marks.begin(), marks.end(), [](const Mark& m) { return m.note; }))) {
          break;
        }
        size_t stop = u.size();
        for (size_t k = n == line ? note.end : 0; k < u.size(); ++k) {
          if (u[k] == U'。') {
            stop = k;
            ended = true;
            break;
          }
          if ((u[k] == U'注' || u[k] == U'註') && k > 0 && blank(u[k - 1]) && k + 1 < u.size() && digit(u[k + 1])) {
            stop = k;
            ended = true;
            break;
          }
        }
        to = byte_at(u, stop, ln.offset);
      }
      std::vector<int> parts;
      bool plain = true;
      for (uint32_t n = line; n <= line + 1 && plain; ++n) {
        auto on = by_line.find(n);
        if (on == by_line.end()) continue;
        for (int g : on->second) {
          const Figure& f = figures_[g];
          if (f.offset < from || f.offset >= to) continue;
          if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit.empty() || f.qualifiers != 0 ||
              (!parts.empty() && (f.unit != figures_[parts[0]].unit || f.magnitude != figures_[parts[0]].magnitude ||
                                  printed_unit(f.text) != printed_unit(figures_[parts[0]].text)))) {
            plain = false;
            break;
          }
          parts.push_back(g);
        }
      }
      if (!plain || parts.empty()) continue;
      const Figure& first = figures_[parts[0]];
      const std::string unit_text = printed_unit(first.text);
      if (unit_text.empty()) continue;
      // The nearest mark of the note's number above it, on its page: the marked figure or nothing.
      int total = -1;
      bool rescale = false;
      bool stop = false;
      for (uint32_t a = line; a-- > 0 && a + kNoteLines >= line && !stop;) {
        const esgaudit_line al = doc.Line(a);
        if (al.page != nl.page) break;
        const std::u32string u = U32(text.substr(al.offset, al.length));
        std::vector<Mark> marks = marks_of(u);
        for (auto m = marks.rbegin(); m != marks.rend() && !stop; ++m) {
          if (m->number != note.number) continue;
          if (m->note) {
            stop = true;  // another note of that number: its own block
            break;
          }
          const uint64_t mark_byte = byte_at(u, m->at, al.offset);
          auto on = by_line.find(a);
          if (on == by_line.end()) continue;  // 注 inside a word (注重, 关注): not a mark
          // A figure printed right before the mark.
          for (int g : on->second) {
            if (figures_[g].offset + figures_[g].length == mark_byte) total = g;
          }
          if (total >= 0) {
            stop = true;
            break;
          }
          // A table row's label ending in its bracketed unit, then the mark, then the row's one figure.
          if (m->at == 0 || (u[m->at - 1] != U')' && u[m->at - 1] != U'）')) continue;
          stop = true;
          const size_t open = u.find_last_of(U"(（", m->at - 1);
          if (open == std::u32string::npos || doc.LineStructure(a).table == ESGAUDIT_NO_INDEX ||
              ToUtf8(u.substr(open + 1, m->at - 2 - open)) != unit_text) {
            break;
          }
          const uint64_t mark_end = byte_at(u, m->end, al.offset);
          std::vector<int> after;
          for (int g : on->second) {
            if (figures_[g].offset >= mark_byte && figures_[g].offset < mark_end) continue;  // the mark's number
            after.push_back(figures_[g].offset < mark_byte ? -1 : g);  // a figure in the label: no such row
          }
          if (after.size() != 1 || after[0] < 0) break;
          const Figure& f = figures_[after[0]];
          if (f.kind != ESGAUDIT_FACT_QUANTITY || f.qualifiers != 0) break;
          // Bare, or read in its label's unit already by the fact reader.
          const bool bare = f.unit.empty() && f.magnitude == 1;
          if (!bare && (f.unit != first.unit || f.magnitude != first.magnitude)) break;
          total = after[0];
          rescale = bare;
        }
      }
      if (total < 0) continue;
      Figure& t = figures_[total];
      const Figure kept = t;
      if (rescale) {
        if (FiguresInRelations().count(total)) continue;  // read in another unit by an earlier reader
        // The row's figure in its label's unit, as the note prints its parts.
        t.unit = first.unit;
        t.magnitude = first.magnitude;
        t.value *= first.magnitude;
        t.low *= first.magnitude;
        t.high *= first.magnitude;
        t.context_count = false;
      } else if (t.kind != ESGAUDIT_FACT_QUANTITY || t.unit != first.unit || t.magnitude != first.magnitude) {
        continue;
      }
      Relation r;
      if (parts.size() == 1) {
        r = Stated(RelationKind::kSubset, total, parts);
        r.cue = SubsetCue::kOfWhich;
        r.flag = !r.consistent;
      } else {
        // The last part names 其他 in its clause: the parts name every part of the total.
        const Figure& last = figures_[parts.back()];
        const Figure& prev = figures_[parts[parts.size() - 2]];
        const std::string_view clause = text.substr(prev.offset + prev.length, last.offset - prev.offset - prev.length);
        if ((!Has(clause, "其他") && !Has(clause, "其它")) || !TableSum(total, parts, t.label, &r)) {
          t = kept;
          continue;
        }
      }
      r.evidence = Evidence::kStated;
      r.certainty = Certainty::kLikely;
      Add(std::move(r));
    }
  }
}

// A bar chart whose values the text gives as one line of figures alone (`87  83  89 … 103  422`),
// its category labels and caption on the lines above, and the total a key figure above them:
//   1,459                            <- a line of the total alone
//   2016年公司供应商总数              <- its label: a total word (总数, 总计, 合计, 总量, 总额) after a noun
//   单位：个                          <- optional
//   公司按地区划分的供应商数量         <- a caption naming a breakdown (按, 划分, 分布, 构成) and the noun
//   华北 华东 …                       <- the categories (no figures)
//   87  83  89 … 422
// The lines between the row and the total are at most kAbove non-blank lines without figures, on
// one page, none of a table; the row holds three or more whole numbers printed bare, in no other
// relation, nothing else but blanks and commas. The noun is two or more of the Han characters right
// before the total word in its label, found in the caption. Whole numbers under a 单位 line naming
// a count unit are exact. The grouping is read from the layout and wording, so a sum off is a
// warning (Likely), and one off by more than 15 % of the total is another population: nothing then.
void RelationAnalysis::FindFigureRowCharts(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr uint32_t kAbove = 6;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::set<int> related = FiguresInRelations();
  // Only blanks and commas in `s` (the gaps between a row's figures, a key figure's trailing comma).
  auto filler = [](std::string_view s) {
    std::u32string u = U32(s);
    return std::all_of(u.begin(), u.end(), [](char32_t c) {
      return c == U' ' || c == U'\t' || c == 0x3000 || c == U',' || c == U'，';
    });
  };
  auto quantities = [&](uint32_t line) {
    std::vector<int> out;
    auto on = by_line.find(line);
    if (on == by_line.end()) return out;
    for (int g : on->second) {
      if (figures_[g].kind == ESGAUDIT_FACT_QUANTITY && figures_[g].unit != "年") out.push_back(g);
    }
    return out;
  };
  // Whether `figs` are all of `line`'s text but blanks and commas.
  auto alone = [&](uint32_t line, const std::vector<int>& figs) {
    const esgaudit_line l = doc.Line(line);
    uint64_t at = l.offset;
    for (int g : figs) {
      if (figures_[g].offset < at || !filler(text.substr(at, figures_[g].offset - at))) return false;
      at = figures_[g].offset + figures_[g].length;
    }
    return at <= l.offset + l.length && filler(text.substr(at, l.offset + l.length - at));
  };
  auto bare_whole = [&](int g) {
    const Figure& f = figures_[g];
    return f.unit.empty() && f.qualifiers == 0 && f.magnitude == 1 && f.decimals == 0 && f.value >= 0;
  };
  auto squeezed = [](std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; }), s.end());
    return s;
  };
  for (const auto& [line, all] : by_line) {
    const std::vector<int> row = quantities(line);
    if (row.size() < 3 || row.size() != all.size() || !alone(line, row)) continue;
    if (doc.LineStructure(line).table != ESGAUDIT_NO_INDEX) continue;
    if (!std::all_of(row.begin(), row.end(), [&](int g) { return bare_whole(g) && !related.count(g); })) continue;
    // Up the page: lines without figures, then the total's line.
    const uint32_t page = doc.Line(line).page;
    std::vector<uint32_t> between;  // non-blank lines between the total and the row, bottom up
    int total = -1;
    for (uint32_t a = line; a-- > 0 && doc.Line(a).page == page;) {
      const esgaudit_line_structure ls = doc.LineStructure(a);
      if (ls.role == ESGAUDIT_ROLE_BLANK) continue;
      if (ls.table != ESGAUDIT_NO_INDEX || ls.role == ESGAUDIT_ROLE_FURNITURE) break;
      const std::vector<int> q = quantities(a);  // a year (2016年) is none
      if (q.empty()) {
        if (between.size() >= kAbove) break;
        between.push_back(a);
        continue;
      }
      if (q.size() == 1 && by_line.at(a).size() == 1 && alone(a, q) && bare_whole(q[0]) && !related.count(q[0])) total = q[0];
      break;
    }
    if (total < 0 || between.size() < 2) continue;
    // The total's label: the line right below it, a noun and a total word.
    const std::u32string label = U32(squeezed(TrimmedLine(doc, between.back())));
    size_t word = std::u32string::npos;
    for (std::u32string_view w : {U"总数", U"总计", U"合计", U"总量", U"总额"}) {
      word = std::min(word, label.find(w));
    }
    if (word == std::u32string::npos) continue;
    std::u32string noun;
    for (size_t k = word; k > 0 && IsCjk(label[k - 1]); --k) noun.insert(noun.begin(), label[k - 1]);
    // The caption: another line between, naming a breakdown and the noun (two of its last characters
    // or more).
    std::string caption;
    bool count_unit = false;
    for (size_t i = 0; i + 1 < between.size(); ++i) {
      const std::string l = squeezed(TrimmedLine(doc, between[i]));
      if (l.rfind("单位", 0) == 0) {
        const std::u32string u = U32(l);
        const size_t colon = u.find_first_of(U":：");
        count_unit = colon != std::u32string::npos && IsCountUnit(ToUtf8(u.substr(colon + 1)));
        continue;
      }
      if (!caption.empty()) continue;
      const std::u32string cap = U32(l);
      const bool breakdown = Has(l, "按") || Has(l, "划分") || Has(l, "分布") || Has(l, "构成");
      bool named = false;
      for (size_t k = 2; k <= noun.size() && !named; ++k) named = cap.find(noun.substr(noun.size() - k)) != std::u32string::npos;
      if (breakdown && named) caption = l;
    }
    if (caption.empty()) continue;
    std::vector<std::pair<double, double>> intervals;
    for (int p : row) {
      intervals.emplace_back(figures_[p].low, figures_[p].high);
      if (count_unit) figures_[p].low = figures_[p].high = figures_[p].value;
    }
    const std::pair<double, double> total_interval(figures_[total].low, figures_[total].high);
    if (count_unit) figures_[total].low = figures_[total].high = figures_[total].value;
    Relation r;
    if (!TableSum(total, row, caption, &r) || OffByMoreThanASlip(r, figures_[total])) {
      for (size_t k = 0; k < row.size(); ++k) std::tie(figures_[row[k]].low, figures_[row[k]].high) = intervals[k];
      std::tie(figures_[total].low, figures_[total].high) = total_interval;
      continue;
    }
    r.evidence = Evidence::kLayout;
    r.certainty = Certainty::kLikely;
    Add(std::move(r));
  }
}

// Three clauses of one sentence on one line: an amount produced (its clause names 产生), the amount
// of it used, disposed of or recovered (the clause right after it ends with such a verb and 量 before
// the figure: 综合利用量, 处置量), then that verb's rate (利用率 … %) in the clause right after, below
// 100 %. A year's use may exceed its production (stock from earlier years), so the pair alone says
// nothing; a rate below 100 % printed with it says the use is that share of this production. The
// second amount is then a subset of the first, in the same unit and magnitude, read from the words'
// meaning: a warning (Likely) when it exceeds it.
void RelationAnalysis::FindRatedUsePairs(const sdk::Document& doc) {
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  static const std::vector<std::u32string> kVerbs = {U"利用", U"处置", U"回收", U"回用", U"处理"};
  auto clause_break = [](char32_t c) { return c == U'，' || c == U','; };
  auto sentence_end = [](char32_t c) { return c == U'。' || c == U'；' || c == U';' || c == U'！' || c == U'？'; };
  auto between = [&](const Figure& a, const Figure& b) {
    return U32(text.substr(a.offset + a.length, b.offset - a.offset - a.length));
  };
  for (const auto& [line, figs] : by_line) {
    for (size_t i = 0; i + 2 < figs.size(); ++i) {
      const int a = figs[i], b = figs[i + 1], rate = figs[i + 2];
      const Figure& fa = figures_[a];
      const Figure& fb = figures_[b];
      const Figure& fr = figures_[rate];
      if (fa.kind != ESGAUDIT_FACT_QUANTITY || fb.kind != ESGAUDIT_FACT_QUANTITY || fa.unit.empty() ||
          fa.unit != fb.unit || fa.magnitude != fb.magnitude || fa.qualifiers != 0 || fb.qualifiers != 0 ||
          fr.unit != "%" || fr.value <= 0 || fr.value >= 100) {
        continue;
      }
      // Between the amounts: the rest of the first's clause (its unit), one clause break, the second's
      // label ending in a verb and 量.
      const std::u32string ab = between(fa, fb);
      const size_t ab_break = ab.find_first_of(U"，,");
      if (ab_break == std::u32string::npos || std::count_if(ab.begin(), ab.end(), clause_break) != 1 ||
          std::any_of(ab.begin(), ab.end(), sentence_end)) {
        continue;
      }
      std::u32string label;
      for (char32_t c : ab.substr(ab_break + 1)) {
        if (IsCjk(c)) label += c;
      }
      if (label.size() < 3 || label.back() != U'量') continue;
      std::u32string verb;
      for (const std::u32string& v : kVerbs) {
        if (label.size() >= v.size() + 1 && label.compare(label.size() - 1 - v.size(), v.size(), v) == 0) verb = v;
      }
      if (verb.empty()) continue;
      // The rate: the next clause names the verb and 率 before the percentage.
      const std::u32string br = between(fb, fr);
      const size_t br_break = br.find_first_of(U"，,");
      if (br_break == std::u32string::npos || std::count_if(br.begin(), br.end(), clause_break) != 1 ||
          std::any_of(br.begin(), br.end(), sentence_end) ||
          br.find(verb + U"率", br_break) == std::u32string::npos) {
        continue;
      }
      // The first amount's clause names production.
      const esgaudit_line l = doc.Line(line);
      const std::u32string before = U32(text.substr(l.offset, fa.offset - l.offset));
      const size_t open = before.find_last_of(U"，,。；;：:");
      const std::u32string clause = open == std::u32string::npos ? before : before.substr(open + 1);
      if (clause.find(U"产生") == std::u32string::npos) continue;
      Relation r = Stated(RelationKind::kSubset, a, {b});
      r.cue = SubsetCue::kVerbPair;
      r.whole_verb = "产生";
      r.part_verb = ToUtf8(verb);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent;
      Add(std::move(r));
    }
  }
}

// Two charts printed side by side, read as one run of lines:
//   …专项资金投入26.05亿元，其中，环保资金投入15.15亿元，…       <- the paragraph above: both totals
//   专项资金投入-按业务(亿元)      环保资金投入-按用途(亿元)       <- two captions on one line
//   运输业务 1.38 / 煤炭业务 2.35 / …                          <- the first chart's rows
//   废水防治措施 0.37 / … / 其他 + 2.46 on the next line        <- the second chart's rows
// Each caption (a cell of the line, apart by a tab or two blanks) names a subject, 按 and a dimension,
// and its unit in brackets. The rows are the lines right below: a label (no digit, no sentence
// punctuation, at most 16 code points) and one figure, or a label alone and the figure alone on the
// next line. The first chart's rows are the first ones whose labels end with its dimension (业务), two
// or more; the rest, two or more, none ending so, are the second's. Each total is the figure of the
// paragraph line right above the captions printed in the caption's unit whose noun (the Han
// characters right before it in its clause) shares the longest ending with the caption's subject,
// four code points or more, and no other figure as long a one; the two totals differ. Bare figures
// take the caption's unit. The grouping is read from the layout and wording, so a sum off is a
// warning (Likely), and one off by more than 15 % of its total reports nothing.
void RelationAnalysis::FindTwoChartCaptions(const sdk::Document& doc) {
  if (!doc.HasStructure()) return;
  constexpr size_t kLabelPoints = 16;
  const std::string_view text = doc.Text();
  const auto& by_line = FiguresByLine(/*by_offset=*/true);
  const std::set<int> related = FiguresInRelations();
  auto punct = [](const std::u32string& s) { return s.find_first_of(U"。，；,;：:") != std::u32string::npos; };
  auto digits = [](const std::u32string& s) {
    return std::any_of(s.begin(), s.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
  };
  auto trim = [](std::u32string s) {
    const std::u32string blanks = U" \t\u3000";
    s.erase(0, std::min(s.size(), s.find_first_not_of(blanks)));
    while (!s.empty() && blanks.find(s.back()) != std::u32string::npos) s.pop_back();
    return s;
  };
  auto printed_unit = [](const std::string& t) {
    size_t k = 0;
    while (k < t.size() && (std::isdigit(static_cast<unsigned char>(t[k])) || t[k] == '.' || t[k] == ',')) ++k;
    return t.substr(k);
  };
  struct Caption {
    std::u32string subject, dimension;
    std::string unit;
  };
  // A caption cell: subject, 按, dimension, (unit).
  auto caption_of = [&](std::u32string c, Caption* out) {
    c = trim(c);
    while (!c.empty() && (c.back() == U')' || c.back() == U'）')) c.pop_back();
    const size_t open = c.find_last_of(U"(（");
    const size_t by = c.find(U'按');
    if (open == std::u32string::npos || by == std::u32string::npos || by > open || c.size() - open - 1 == 0 ||
        c.size() - open - 1 > 4) {
      return false;
    }
    out->unit = ToUtf8(c.substr(open + 1));
    out->dimension = trim(c.substr(by + 1, open - by - 1));
    out->subject = c.substr(0, by);
    while (!out->subject.empty() && !IsCjk(out->subject.back())) out->subject.pop_back();
    return out->dimension.size() >= 2 && out->subject.size() >= 4 &&
           std::all_of(out->dimension.begin(), out->dimension.end(), [](char32_t ch) { return IsCjk(ch); });
  };
  for (uint32_t line = 1; line + 4 < doc.LineCount(); ++line) {
    if (by_line.count(line)) continue;
    const esgaudit_line cl = doc.Line(line);
    // Each caption cell holds 按: a line without it holds no pair of captions.
    if (Fast() && !Has(text.substr(cl.offset, cl.length), "按")) continue;
    const std::u32string l = trim(U32(text.substr(cl.offset, cl.length)));
    if (l.empty() || punct(l)) continue;
    // Two cells: apart by a tab or two blanks or more.
    size_t gap = l.find(U'\t');
    size_t gap_end = gap == std::u32string::npos ? gap : gap + 1;
    if (gap == std::u32string::npos) {
      gap = l.find(U"  ");
      if (gap != std::u32string::npos) gap_end = l.find_first_not_of(U' ', gap);
    }
    if (gap == std::u32string::npos || gap_end == std::u32string::npos) continue;
    Caption caps[2];
    if (!caption_of(l.substr(0, gap), &caps[0]) || !caption_of(l.substr(gap_end), &caps[1])) continue;
    // The rows below: label and figure on a line, or a label and its figure alone on the next line.
    const uint32_t page = cl.page;
    std::vector<std::pair<std::u32string, int>> rows;
    bool plain = true;
    for (uint32_t n = line + 1; n < doc.LineCount() && doc.Line(n).page == page;) {
      const esgaudit_line nl = doc.Line(n);
      const std::u32string t = trim(U32(text.substr(nl.offset, nl.length)));
      auto on = by_line.find(n);
      const std::vector<int> figs = on == by_line.end() ? std::vector<int>() : on->second;
      if (t.empty()) break;
      std::u32string label;
      int figure = -1;
      uint32_t next = n + 1;
      if (figs.empty()) {
        // A label alone, its figure alone on the next line.
        auto below = by_line.find(n + 1);
        if (below == by_line.end() || below->second.size() != 1 || n + 1 >= doc.LineCount()) break;
        const esgaudit_line bl = doc.Line(n + 1);
        const Figure& f = figures_[below->second[0]];
        if (trim(U32(text.substr(bl.offset, bl.length))) != U32(f.text)) break;
        label = t;
        figure = below->second[0];
        next = n + 2;
      } else {
        if (figs.size() != 1) break;
        const Figure& f = figures_[figs[0]];
        if (f.offset + f.length != nl.offset + nl.length &&
            !trim(U32(text.substr(f.offset + f.length, nl.offset + nl.length - f.offset - f.length))).empty()) {
          break;
        }
        label = trim(U32(text.substr(nl.offset, f.offset - nl.offset)));
        figure = figs[0];
      }
      if (label.empty() || label.size() > kLabelPoints || digits(label) || punct(label) || !IsCjk(label.back())) break;
      const Figure& f = figures_[figure];
      if (f.kind != ESGAUDIT_FACT_QUANTITY || f.qualifiers != 0 || related.count(figure) || f.value < 0) {
        plain = false;
        break;
      }
      rows.emplace_back(label, figure);
      n = next;
    }
    if (!plain || rows.size() < 4) continue;
    auto ends_with = [](const std::u32string& s, const std::u32string& w) {
      return s.size() >= w.size() && s.compare(s.size() - w.size(), w.size(), w) == 0;
    };
    size_t split = 0;
    while (split < rows.size() && ends_with(rows[split].first, caps[0].dimension)) ++split;
    if (split < 2 || rows.size() - split < 2 ||
        std::any_of(rows.begin() + split, rows.end(), [&](const auto& r) { return ends_with(r.first, caps[0].dimension); })) {
      continue;
    }
    // The paragraph line right above the captions.
    uint32_t para = line;
    while (para > 0 && doc.LineStructure(para - 1).role == ESGAUDIT_ROLE_BLANK) --para;
    if (para == 0 || doc.Line(para - 1).page != page || doc.LineStructure(para - 1).role != ESGAUDIT_ROLE_PROSE) continue;
    --para;
    auto pf = by_line.find(para);
    if (pf == by_line.end()) continue;
    const esgaudit_line pl = doc.Line(para);
    int totals[2] = {-1, -1};
    for (int c = 0; c < 2; ++c) {
      size_t best = 0, ties = 0;
      for (int g : pf->second) {
        const Figure& f = figures_[g];
        if (f.kind != ESGAUDIT_FACT_QUANTITY || f.unit.empty() || printed_unit(f.text) != caps[c].unit) continue;
        const std::u32string before = U32(text.substr(pl.offset, f.offset - pl.offset));
        std::u32string noun;
        for (size_t k = before.size(); k > 0 && IsCjk(before[k - 1]); --k) noun.insert(noun.begin(), before[k - 1]);
        while (!noun.empty() && std::u32string_view(U"共计合总有达为").find(noun.back()) != std::u32string_view::npos) {
          noun.pop_back();
        }
        size_t common = 0;
        while (common < noun.size() && common < caps[c].subject.size() &&
               noun[noun.size() - 1 - common] == caps[c].subject[caps[c].subject.size() - 1 - common]) {
          ++common;
        }
        if (common > best) {
          best = common;
          ties = 0;
          totals[c] = g;
        } else if (common == best) {
          ++ties;
        }
      }
      if (best < 4 || ties > 0) totals[c] = -1;
    }
    if (totals[0] < 0 || totals[1] < 0 || totals[0] == totals[1]) continue;
    // A row given to the wrong chart leaves both off; a slip leaves one: one chart must add up.
    std::vector<Relation> sums;
    std::vector<std::pair<int, Figure>> kept_all;
    for (int c = 0; c < 2; ++c) {
      const Figure& t = figures_[totals[c]];
      std::vector<int> parts;
      for (size_t k = c == 0 ? 0 : split; k < (c == 0 ? split : rows.size()); ++k) parts.push_back(rows[k].second);
      std::vector<Figure> kept;
      bool fits = true;
      for (int p : parts) {
        kept.push_back(figures_[p]);
        Figure& f = figures_[p];
        if (f.unit.empty() && f.magnitude == 1) {  // a bare figure in the caption's unit
          f.unit = t.unit;
          f.magnitude = t.magnitude;
          f.value *= t.magnitude;
          f.low *= t.magnitude;
          f.high *= t.magnitude;
        } else if (f.unit != t.unit || f.magnitude != t.magnitude) {
          fits = false;
        }
      }
      Relation r;
      if (!fits || !TableSum(totals[c], parts, ToUtf8(caps[c].subject), &r) || OffByMoreThanASlip(r, t)) {
        for (size_t k = 0; k < parts.size(); ++k) figures_[parts[k]] = kept[k];
        continue;
      }
      for (size_t k = 0; k < parts.size(); ++k) kept_all.emplace_back(parts[k], kept[k]);
      r.evidence = Evidence::kLayout;
      r.certainty = Certainty::kLikely;
      sums.push_back(std::move(r));
    }
    if (std::none_of(sums.begin(), sums.end(), [](const Relation& r) { return r.consistent; })) {
      for (const auto& [p, f] : kept_all) figures_[p] = f;
      continue;
    }
    for (const auto& [label, figure] : rows) figures_[figure].label = ToUtf8(label);
    for (Relation& r : sums) Add(std::move(r));
  }
}

void PrepareExpressions() { AgeRange(); }

}  // namespace esgaudit::numeric
