#include "layout.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <map>
#include <string>

namespace esgaudit::gbt36001 {
namespace {

// Decodes the code point at s[i] and advances i (invalid bytes read as themselves).
uint32_t Next(std::string_view s, size_t& i) { return sdk::NextCodePoint(s, &i); }

bool IsCjk(uint32_t cp) { return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF); }
bool IsDigit(uint32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool Contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

bool HasSentencePunct(std::string_view s) {
  return Contains(s, ",") || Contains(s, "。") || Contains(s, ";") || Contains(s, "、");
}

// Code points that make a number a quantity or a date, not a page number.
bool IsUnitChar(uint32_t cp) {
  static const std::u32string k =
      U"年月日号个人次家项万亿元吨件名位台套季期届批类级条款章节倍成户亩座所支场部只辆架千百%";
  return k.find(static_cast<char32_t>(cp)) != std::u32string::npos;
}
bool IsCountPrefix(uint32_t cp) {
  static const std::u32string k = U"第约近超共达逾余计至和与及为了有增降减占比";
  return k.find(static_cast<char32_t>(cp)) != std::u32string::npos;
}

bool AllDigits(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<uint32_t> Decode(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) out.push_back(Next(s, i));
  return out;
}

bool HasCjk(const std::vector<uint32_t>& cps) { return std::any_of(cps.begin(), cps.end(), IsCjk); }

// "员工发展 24", "推进“双向融合”10", "董事长致辞……4", "03关于我们", "战略09社会责任沟通09利益".
bool TocLikeText(std::string_view text) {
  if (HasSentencePunct(text)) return false;
  std::vector<uint32_t> cps = Decode(text);
  if (cps.size() < 3 || !HasCjk(cps)) return false;
  // Trailing page number.
  size_t e = cps.size();
  size_t d = e;
  while (d > 0 && IsDigit(cps[d - 1])) --d;
  if (e - d >= 1 && e - d <= 3) {
    size_t t = d;
    while (t > 0 && (cps[t - 1] == ' ' || cps[t - 1] == '.' || cps[t - 1] == 0x2026 ||
                     cps[t - 1] == 0xB7 || cps[t - 1] == '-' || cps[t - 1] == 0x2014))
      --t;
    if (t >= 2 && t <= 24 && IsCjk(cps[t - 1]) && !IsCountPrefix(cps[t - 1])) return true;
  }
  // Leading page number.
  size_t l = 0;
  while (l < cps.size() && IsDigit(cps[l])) ++l;
  if (l >= 1 && l <= 3 && l < cps.size() && IsCjk(cps[l]) && !IsUnitChar(cps[l]) &&
      cps.size() - l <= 24 && cps.size() - l >= 2)
    return true;
  // Several entries run together: CJK, 1-3 digits, CJK, at least twice.
  int runs = 0;
  for (size_t i = 1; i < cps.size(); ++i) {
    if (!IsDigit(cps[i]) || IsDigit(cps[i - 1]) || !IsCjk(cps[i - 1]) || IsCountPrefix(cps[i - 1]))
      continue;
    size_t j = i;
    while (j < cps.size() && IsDigit(cps[j])) ++j;
    if (j - i <= 3 && j < cps.size() && IsCjk(cps[j]) && !IsUnitChar(cps[j])) ++runs;
  }
  return runs >= 2;
}

bool IsOrdinalWord(std::string_view s) {
  static const std::u32string k = U"壹贰叁肆伍陆柒捌玖拾一二三四五六七八九十";
  std::vector<uint32_t> cps = Decode(s);
  return cps.size() == 1 && k.find(static_cast<char32_t>(cps[0])) != std::u32string::npos;
}

}  // namespace

size_t Layout::CodePoints(std::string_view s) { return sdk::CodePointCount(s); }

bool Layout::IsProse(std::string_view segment) {
  return CodePoints(segment) >= 12 && HasSentencePunct(segment);
}

Layout::Layout(std::string_view view) : view_(view) {
  Split();
  MarkRunningHeaders();
  MarkToc();
  MarkSideText();
}

void Layout::MarkSideText() {
  // A cell of one character that is alone on its line or ends a line after other cells, in a run of
  // at least four such lines within six: "云 / 铝 / 股 / 份 / 2 / 0 / 2 / 0 / 社 / 会 / 责 / 任".
  std::vector<size_t> candidates;
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (lines_[i].segments.empty()) continue;
    const Segment& last = lines_[i].segments.back();
    if (CodePoints(last.text) == 1) candidates.push_back(i);
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    size_t near = 0;
    for (size_t d = c >= 6 ? c - 6 : 0; d < candidates.size() && d <= c + 6; ++d)
      if (candidates[d] + 8 >= candidates[c] && candidates[d] <= candidates[c] + 8) ++near;
    if (near >= 4) lines_[candidates[c]].segments.back().side = true;
  }
}

void Layout::Split() {
  size_t start = 0;
  while (start <= view_.size()) {
    size_t end = view_.find_first_of("\n\f", start);
    if (end == std::string_view::npos) end = view_.size();
    LayoutLine line;
    line.begin = start;
    line.end = end;
    size_t i = start;
    size_t seg_start = start;
    auto flush = [&](size_t seg_end) {
      std::string_view raw = view_.substr(seg_start, seg_end - seg_start);
      std::string_view t = Trim(raw);
      // Markdown structure is layout, not text.
      while (!t.empty() && (t.front() == '#' || t.front() == '|' || t.front() == '>'))
        t = Trim(t.substr(1));
      while (!t.empty() && t.back() == '|') t = Trim(t.substr(0, t.size() - 1));
      if (!t.empty()) {
        Segment s;
        s.begin = static_cast<uint64_t>(t.data() - view_.data());
        s.end = s.begin + t.size();
        s.text = t;
        s.heading = HeadingText(t);
        line.segments.push_back(s);
      }
    };
    while (i < end) {
      char c = view_[i];
      if (c == '\t' || c == '|') {
        flush(i);
        seg_start = ++i;
      } else if (c == ' ' && i + 1 < end && view_[i + 1] == ' ') {
        flush(i);
        while (i < end && view_[i] == ' ') ++i;
        seg_start = i;
      } else if (c == '<') {
        size_t close = view_.find('>', i);
        if (close != std::string_view::npos && close < end && close - i < 400) {
          flush(i);
          i = close + 1;
          seg_start = i;
        } else {
          ++i;
        }
      } else {
        ++i;
      }
    }
    flush(end);
    lines_.push_back(std::move(line));
    if (end == view_.size()) break;
    start = end + 1;
  }
}

size_t Layout::LineAt(uint64_t v) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), v,
                             [](uint64_t off, const LayoutLine& l) { return off < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

void Layout::MarkRunningHeaders() {
  // Key: the segments with digits removed, so "01 /上海石化2016年企业社会责任报告" and
  // "上海石化2016年企业社会责任报告/ 02" fall together with their page numbers.
  std::map<std::string, std::vector<size_t>> by_key;
  std::vector<std::string> keys(lines_.size());
  std::vector<int> wide_segments(lines_.size(), 0);
  for (size_t i = 0; i < lines_.size(); ++i) {
    std::string key;
    for (const Segment& s : lines_[i].segments) {
      std::string part;
      for (char c : s.text)
        if (!(c >= '0' && c <= '9') && c != ' ' && c != '/') part += c;
      if (part.empty()) continue;
      if (CodePoints(part) >= 2) ++wide_segments[i];
      if (!key.empty()) key += '|';
      key += part;
    }
    if (CodePoints(key) < 4 || !HasCjk(Decode(key))) continue;
    keys[i] = key;
    by_key[key].push_back(i);
  }
  for (const auto& kv : by_key) {
    const std::vector<size_t>& idx = kv.second;
    bool multi =
        std::all_of(idx.begin(), idx.end(), [&](size_t i) { return wide_segments[i] >= 2; });
    if (idx.size() >= 3 || (idx.size() >= 2 && multi)) {
      // A repeated sentence is text, not a header.
      if (HasSentencePunct(kv.first) && CodePoints(kv.first) > 20) continue;
      for (size_t i : idx) lines_[i].running_header = true;
    }
  }
}

void Layout::MarkToc() {
  // TOC-like entries, kept only in clusters (three within twelve lines).
  std::vector<std::pair<size_t, size_t>> entries;  // (line, segment)
  std::vector<bool> toc_ish(lines_.size(), false);
  for (size_t i = 0; i < lines_.size(); ++i) {
    auto& segs = lines_[i].segments;
    bool numbers_only = !segs.empty();
    for (size_t k = 0; k < segs.size(); ++k) {
      std::string_view t = segs[k].text;
      // Page-number columns ("01 03 05"), not the single digits of vertical side text.
      if (!AllDigits(t, 3) || t.size() < 2) numbers_only = false;
      bool like = TocLikeText(t);
      if (!like && k + 1 < segs.size() && AllDigits(segs[k + 1].text, 3) &&
          !(k + 2 < segs.size() && AllDigits(segs[k + 2].text, 3)) &&
          !(k > 0 && AllDigits(segs[k - 1].text, 3))) {
        std::vector<uint32_t> cps = Decode(t);
        like = cps.size() >= 2 && cps.size() <= 24 && HasCjk(cps) && !HasSentencePunct(t);
      }
      if (like) {
        entries.push_back({i, k});
        toc_ish[i] = true;
      }
    }
    if (numbers_only) toc_ish[i] = true;
  }
  // Entries are in line order: the ones within twelve lines form a window that slides forward.
  size_t lo = 0, hi = 0;
  for (size_t e = 0; e < entries.size(); ++e) {
    size_t line = entries[e].first;
    while (entries[lo].first + 12 < line) ++lo;
    while (hi < entries.size() && entries[hi].first <= line + 12) ++hi;
    if (hi - lo >= 3) lines_[line].segments[entries[e].second].toc = true;
  }
  // 目录 blocks: from the 目录 line to the last TOC-ish line, gaps of at most 8 non-empty lines.
  for (size_t i = 0; i < lines_.size(); ++i) {
    bool is_toc_title = false;
    for (const Segment& s : lines_[i].segments) {
      std::string_view h = s.heading;
      if (h == "目录" || h == "CONTENTS" || h == "Contents" || h == "目录CONTENTS" ||
          h == "CONTENTS目录")
        is_toc_title = true;
    }
    if (!is_toc_title) continue;
    size_t last = i;
    int gap = 0;
    for (size_t j = i + 1; j < lines_.size() && gap <= 8; ++j) {
      if (lines_[j].segments.empty()) continue;
      bool prose = std::any_of(lines_[j].segments.begin(), lines_[j].segments.end(),
                               [](const Segment& s) { return IsProse(s.text); });
      if (prose) break;
      bool ordinal = std::all_of(lines_[j].segments.begin(), lines_[j].segments.end(),
                                 [](const Segment& s) { return IsOrdinalWord(s.text); });
      if (toc_ish[j] || ordinal) {
        last = j;
        gap = 0;
      } else {
        ++gap;
      }
    }
    for (size_t j = i; j <= last; ++j) {
      lines_[j].toc_region = true;
      for (Segment& s : lines_[j].segments) s.toc = true;
    }
  }
}

size_t Layout::ProseAfter(size_t line, size_t seg, size_t max_lines) const {
  size_t total = 0;
  for (size_t i = line; i < lines_.size() && i <= line + max_lines; ++i) {
    if (!IsBody(i)) continue;
    const auto& segs = lines_[i].segments;
    for (size_t k = (i == line ? seg + 1 : 0); k < segs.size(); ++k) {
      if (segs[k].toc || segs[k].side) continue;
      size_t n = CodePoints(segs[k].text);
      if (n >= 6) total += n;
    }
  }
  return total;
}

std::string_view Layout::HeadingText(std::string_view s) {
  s = Trim(s);
  static const char* kBullets[] = {"■", "□", "◆", "◇", "●", "○", "▲", "►", "▶", "★",
                                   "☆", "•", "·", "?", "-", "*", "—", "|", "#", ">"};
  static const char* kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    for (const char* b : kBullets) {
      std::string_view bv(b);
      if (s.substr(0, bv.size()) == bv) {
        s = Trim(s.substr(bv.size()));
        changed = true;
      }
    }
    // "1.", "1.1", "01", "(一)", "一、", "第一章"
    size_t d = 0;
    while (d < s.size() && ((s[d] >= '0' && s[d] <= '9') || s[d] == '.')) ++d;
    if (d > 0 && d < s.size()) {
      std::string_view rest = s.substr(d);
      if (rest.substr(0, 3) == "、") rest.remove_prefix(3);
      size_t i = 0;
      uint32_t next = Next(rest, i);
      if (!IsUnitChar(next) && d <= 5) {
        s = Trim(rest);
        changed = true;
        continue;
      }
    }
    if (s.size() > 2 && s.front() == '(') {
      size_t close = s.find(')');
      if (close != std::string_view::npos && close <= 10) {
        s = Trim(s.substr(close + 1));
        changed = true;
        continue;
      }
    }
    for (const char* n : kNumerals) {
      std::string_view nv(n);
      if (s.substr(0, nv.size()) == nv && s.substr(nv.size(), 3) == "、") {
        s = Trim(s.substr(nv.size() + 3));
        changed = true;
      }
    }
    if (s.substr(0, 6) == "附录") {  // "附录一:专家点评", "附录VI:释义"
      size_t colon = s.find(':');
      if (colon != std::string_view::npos && colon <= 12) {
        s = Trim(s.substr(colon + 1));
        changed = true;
        continue;
      }
    }
    if (s.substr(0, 3) == "第") {
      for (const char* unit : {"章", "部分", "篇"}) {
        size_t u = s.find(unit);
        if (u != std::string_view::npos && u <= 12) {
          s = Trim(s.substr(u + std::string_view(unit).size()));
          changed = true;
          break;
        }
      }
    }
  }
  while (!s.empty() && (s.back() == ':' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

bool Layout::IsHeading(std::string_view segment, std::string_view keyword, size_t slack) {
  Segment s;
  s.heading = HeadingText(segment);
  return IsHeading(s, keyword, slack);
}

bool Layout::IsHeading(const Segment& segment, std::string_view keyword, size_t slack) {
  std::string_view h = segment.heading;
  if (h.substr(0, keyword.size()) != keyword) return false;
  if (HasSentencePunct(h)) return false;
  return CodePoints(h) <= CodePoints(keyword) + slack;
}

}  // namespace esgaudit::gbt36001
