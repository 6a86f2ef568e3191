#include "value_facts.h"

#include "layout_cells.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <cstdio>
#include <cstring>
#include <map>

namespace esgaudit::numeric {

char32_t DecodeAt(std::string_view s, size_t i, size_t* next) {
  *next = i;
  return sdk::NextCodePoint(s, next);
}

size_t PrevStart(std::string_view s, size_t i) { return sdk::PrevCodePointStart(s, i); }

bool IsCjk(char32_t c) { return sdk::IsHan(c); }

size_t CodePoints(std::string_view s) { return sdk::CodePointCount(s); }

bool HasHan(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint64_t w;
    if (i + 8 <= s.size() && (std::memcpy(&w, u + i, 8), (w & 0x8080808080808080ull) == 0)) {
      i += 8;  // eight ASCII bytes: eight code points, none Han
      continue;
    }
    if (u[i] < 0x80) {
      ++i;
      continue;
    }
    if (sdk::IsHan(sdk::NextCodePoint(s, &i))) return true;
  }
  return false;
}

std::string_view LastCodePoints(std::string_view s, size_t n) {
  size_t count = CodePoints(s);
  size_t from = 0;
  while (count > n) {
    size_t next = from;
    DecodeAt(s, from, &next);
    count -= CodePoints(s.substr(from, next - from));
    from = next;
  }
  return s.substr(from);
}

Interval ExactInterval(double value, int decimals, double magnitude) {
  double half = 0.5 * std::pow(10.0, -decimals) * magnitude;
  return {value - half, value + half};
}

bool IsCountUnit(std::string_view unit) {
  static const std::set<std::string, std::less<>> kCountUnits = {
      "人", "名", "位", "人次", "户", "项", "个", "次", "场", "篇", "件", "家", "所", "台", "辆", "座", "艘",
      "套", "条", "份", "批", "棵", "株", "期", "门", "册", "本", "起", "笔", "支", "对", "处", "股", "尾"};
  return kCountUnits.count(unit) > 0;
}

Interval PrintedInterval(const esgaudit_fact& f, bool exact_counts) {
  const double mag = f.magnitude > 0 ? f.magnitude : 1;
  const bool exact = exact_counts && f.decimals == 0 && mag == 1 && IsCountUnit(sdk::View(f.unit));
  Interval r = exact ? Interval{f.value, f.value} : ExactInterval(f.value, f.decimals, mag);
  const double v = std::fabs(f.value);
  // The step of the last non-zero printed digit (50 -> 10, 1900 -> 100, 74 -> 1, 1.5万 -> 0.1万): an
  // approximate figure is written rounded to it.
  const double scale = std::pow(10.0, std::max(0, f.decimals));
  const double unit = mag / scale;
  double step = unit;
  for (double n = std::round(v / unit); n >= 10 && std::fmod(n, 10) == 0; n /= 10) step *= 10;
  if (f.qualifiers & ESGAUDIT_QUAL_APPROX) {  // 约, about: within half that step, at least one unit
    const double w = std::max(0.5 * step, unit);
    r = {f.value - w, f.value + w};
  }
  // 余/超/逾/以上 (more than): from the figure up to the next step (50余 is [50, 60], 1900余
  // [1900, 2000]); 不足/近/以下 (less than, nearly): down to half.
  if ((f.qualifiers & ESGAUDIT_QUAL_MORE) && f.value >= 0) r = {std::max(r.lo, f.value), f.value + step};
  if (f.qualifiers & ESGAUDIT_QUAL_LESS) r.lo -= 0.5 * v + mag;
  return r;
}

int DecimalsOf(std::string_view text) {
  size_t dot = text.find('.');
  if (dot == std::string_view::npos) return 0;
  int n = 0;
  for (size_t i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++n;
  return n;
}

std::string FormatNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string StripTrailingOf(std::string s, const std::string_view* words, size_t count, size_t keep) {
  for (bool again = true; again && !s.empty();) {
    again = false;
    for (size_t i = 0; i < count; ++i) {
      const std::string_view w = words[i];
      if (s.size() >= w.size() + keep && EndsWith(s, w)) {
        s.resize(s.size() - w.size());
        again = true;
      }
    }
  }
  return s;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendWithoutSpaces(s, &out);
  return out;
}

void AppendWithoutSpaces(std::string_view s, std::string* out) {
  // Byte runs between blanks, not a decode per code point. The same result: DecodeAt lands on every
  // ASCII byte and every E3 byte (neither is a continuation byte) and reads E3 80 80 as U+3000
  // wherever it lands on one; the bytes it reads one by one (broken UTF-8) are kept either way.
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;
  while (p < end) {
    size_t blank = 0;
    if (*p == ' ' || *p == '\t') {
      blank = 1;
    } else if (*p == '\xE3' && end - p >= 3 && p[1] == '\x80' && p[2] == '\x80') {
      blank = 3;
    }
    if (blank == 0) {
      ++p;
      continue;
    }
    out->append(run, static_cast<size_t>(p - run));
    p += blank;
    run = p;
  }
  out->append(run, static_cast<size_t>(p - run));
}

// Both are asked of every code point on the way back from each number: a switch, not a search of
// the stop list (char_traits<char32_t>::find walks it a code point at a time).
bool IsLabelStop(char32_t c) {
  switch (c) {
    case U',': case U';': case U':': case U'(': case U')': case U'[': case U']': case U'"': case U'!':
    case U'?': case U'|': case U'/': case U'%': case U'，': case U'。': case U'；': case U'：':
    case U'、': case U'（': case U'）': case U'【': case U'】': case U'《': case U'》': case U'“':
    case U'”': case U'！': case U'？': case U'·': case U'•': case U'●': case U'◆': case U'■':
      return true;
    default:
      return c >= U'0' && c <= U'9';
  }
}

bool IsClauseStop(char32_t c) {
  switch (c) {
    case U';': case U'!': case U'?': case U'。': case U'；': case U'！': case U'？': case U'●':
    case U'◆': case U'■': case U'•':
      return true;
    default:
      return false;
  }
}

size_t ClauseStart(std::string_view view, size_t begin, size_t* label_begin) {
  const auto* u = reinterpret_cast<const unsigned char*>(view.data());
  size_t b = begin;
  *label_begin = std::string_view::npos;
  for (size_t count = 0; b > 0 && count < 60; ++count) {
    // ASCII and a three-byte sequence led by E1-EC, EE or EF are read where they end, as PrevStart
    // and DecodeAt read them (the lead is no continuation byte, the decode takes all three bytes);
    // anything else goes through both.
    size_t p;
    char32_t c;
    if (u[b - 1] < 0x80) {
      p = b - 1;
      c = u[p];
    } else if (b >= 3 && (u[b - 1] & 0xC0) == 0x80 && (u[b - 2] & 0xC0) == 0x80 && u[b - 3] >= 0xE1 &&
               u[b - 3] <= 0xEF && u[b - 3] != 0xED) {
      p = b - 3;
      c = (static_cast<char32_t>(u[p] & 0x0F) << 12) | (static_cast<char32_t>(u[p + 1] & 0x3F) << 6) |
          (u[p + 2] & 0x3F);
    } else {
      p = PrevStart(view, b);
      size_t next;
      c = DecodeAt(view, p, &next);
    }
    // No stop lies in U+3400-9FFF (the stop tests' lists): a Han character is passed untested.
    if (c < 0x3400 || c > 0x9FFF) {
      if (c == '\n' || c == '\f' || IsClauseStop(c)) break;
      if (*label_begin == std::string_view::npos && IsLabelStop(c)) *label_begin = b;
    }
    b = p;
  }
  if (*label_begin == std::string_view::npos) *label_begin = b;
  return b;
}

namespace {

// Scope words that precede a label without changing what it names.
const char* const kLeadingScope[] = {"报告期内", "本报告期", "本年度", "全年", "年内",   "本年",
                                     "全公司",   "本公司",   "公司",   "集团", "累计共", "共"};

// `s` less its leading scope words: a view of its tail.
std::string_view DropLeadingScope(std::string_view s) {
  bool again = true;
  while (again) {
    again = false;
    for (const char* w : kLeadingScope) {
      std::string_view p(w);
      if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
        s.remove_prefix(p.size());
        again = true;
      }
    }
  }
  return s;
}

}  // namespace

std::string_view ValueFacts::WithoutSpacesKept(std::string_view text, std::string* scratch, bool drop_scope) {
  scratch->clear();
  AppendWithoutSpaces(text, scratch);
  const std::string_view kept = drop_scope ? DropLeadingScope(*scratch) : std::string_view(*scratch);
  if (kept.empty()) return {};
  if (scratch->size() == text.size()) return text.substr(kept.data() - scratch->data(), kept.size());
  return own_.emplace_back(kept);
}

ValueFacts::ValueFacts(const sdk::Document& doc, const sdk::Context& ctx) {
  std::string_view view = doc.MatchView();
  const LayoutCells& cells = ctx.Shared<LayoutCells>(doc);
  std::map<int, int> year_counts;
  uint32_t n = doc.FactCount();
  facts_.reserve(n);
  std::string bare;  // a text without its spaces, kept from fact to fact
  for (uint32_t i = 0; i < n; ++i) {
    const esgaudit_fact& f = doc.Fact(i);
    ValueFact v;
    v.index = i;
    v.fact = &f;
    v.line = f.line;
    v.label = WithoutSpacesKept(sdk::View(f.label), &bare, /*drop_scope=*/true);
    v.column_label = WithoutSpacesKept(sdk::View(f.column_label), &bare, /*drop_scope=*/false);
    v.view_begin = std::min<uint64_t>(doc.TextToView(f.offset), view.size());
    v.view_end = std::min<uint64_t>(doc.TextToView(f.offset + f.length), view.size());
    while (v.view_end > v.view_begin &&
           (view[v.view_end - 1] == ' ' || view[v.view_end - 1] == '\t'))
      --v.view_end;
    if (f.kind == ESGAUDIT_FACT_YEAR && f.value >= 1990 && f.value <= 2100) {
      ++year_counts[static_cast<int>(f.value)];
    }

    // After: CJK characters right after the fact, up to a stop or 8 code points.
    size_t at = v.view_end;
    size_t count = 0;
    while (at < view.size() && count < 8) {
      size_t next;
      char32_t c = DecodeAt(view, at, &next);
      if (!IsCjk(c)) break;
      static const std::u32string_view kJoin = U"的和与及或等";
      if (kJoin.find(c) != std::u32string_view::npos) break;
      at = next;
      ++count;
    }
    v.after = view.substr(v.view_end, at - v.view_end);

    // Before and clause: back along the line.
    size_t label_begin;
    const size_t b = ClauseStart(view, v.view_begin, &label_begin);
    v.clause = view.substr(b, v.view_begin - b);
    v.before = LastCodePoints(view.substr(label_begin, v.view_begin - label_begin), 24);
    if (!v.label.empty()) {
      bare.clear();
      AppendWithoutSpaces(v.before, &bare);
      v.label_is_before = DropLeadingScope(bare) == v.label;
    }

    // Lead: up to two CJK characters right before the number.
    size_t l = v.view_begin;
    for (int k = 0; k < 2 && l > 0; ++k) {
      size_t p = PrevStart(view, l);
      size_t next;
      if (!IsCjk(DecodeAt(view, p, &next))) break;
      l = p;
    }
    v.lead = view.substr(l, v.view_begin - l);

    // The fact's cell in the structure model, and the cell starting in its display column on the
    // nearest non-blank line above (up to 3 lines up).
    const LayoutCell* cell = cells.At(f.line, v.view_begin);
    v.cell_begin = cell != nullptr ? std::min(cell->view_begin, v.view_begin) : v.view_begin;
    if (cell != nullptr) {
      for (uint32_t up = 1; up <= 3 && f.line >= up; ++up) {
        const LayoutCells::Range above = cells.line(f.line - up);
        if (above.empty()) continue;
        for (const LayoutCell& a : above) {
          if (a.col_begin + 1 >= cell->col_begin && a.col_begin <= cell->col_begin + 1) v.above_in_cell = a.text;
        }
        break;
      }
    }

    if (!v.column_label.empty()) {
      // Back from the line break ending the line above, up to 4 lines.
      uint64_t line_begin = std::min<uint64_t>(doc.TextToView(doc.Line(f.line).offset), view.size());
      size_t line_start = line_begin > 0 ? static_cast<size_t>(line_begin - 1) : std::string_view::npos;
      for (int k = 0; k < 4 && line_start != std::string_view::npos && line_start > 0; ++k) {
        size_t prev = view.rfind('\n', line_start - 1);
        size_t from = prev == std::string_view::npos ? 0 : prev + 1;
        bare.clear();
        AppendWithoutSpaces(view.substr(from, line_start - from), &bare);
        if (Contains(bare, v.column_label)) {
          v.column_label_above = true;
          break;
        }
        if (prev == std::string_view::npos) break;
        line_start = prev;
      }
    }
    facts_.push_back(std::move(v));
  }

  // Years stated earlier in the same clause.
  for (size_t i = 0; i < facts_.size(); ++i) {
    ValueFact& v = facts_[i];
    uint64_t clause_begin = v.view_begin - v.clause.size();
    for (size_t j = i; j-- > 0;) {
      const ValueFact& y = facts_[j];
      if (y.line != v.line || y.view_end <= clause_begin) break;
      if (y.fact->kind == ESGAUDIT_FACT_YEAR && y.fact->value >= 1990 && y.fact->value <= 2100) {
        v.year = static_cast<int>(y.fact->value);
        break;
      }
    }
  }
  int best = 0;
  for (const auto& [year, count] : year_counts) {
    if (count > best || (count == best && year > report_year_)) {
      best = count;
      report_year_ = year;
    }
  }
}

}  // namespace esgaudit::numeric
