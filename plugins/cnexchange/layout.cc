#include "layout.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>

namespace esgaudit::cnexchange {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\f')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool HasSentencePunctuation(std::string_view s) {
  return s.find("。") != std::string_view::npos || s.find(',') != std::string_view::npos ||
         s.find(';') != std::string_view::npos || s.find("，") != std::string_view::npos;
}

bool IsTocTitle(std::string_view plain) {
  return plain == "目录" || plain == "目 录" || plain == "CONTENTS" || plain == "Contents" ||
         plain == "Table of Contents";
}

}  // namespace

size_t Layout::CodePoints(std::string_view s) { return sdk::CodePointCount(s); }

std::string Layout::PlainText(std::string_view s) {
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') {
      in_tag = true;
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '\t' || c == '\f' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  size_t start = out.find_first_not_of("#| ");
  out = start == std::string::npos ? std::string() : out.substr(start);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Layout::Layout(std::string_view view) : view_(view) {
  static const std::regex kArticle(
      "第\\s*(?:[0-9]{1,2}|(?:一|二|三|四|五|六|七|八|九|十)+)\\s*条");
  size_t pos = 0;
  while (pos <= view.size()) {
    size_t nl = view.find('\n', pos);
    if (nl == std::string_view::npos) nl = view.size();
    Line line;
    line.begin = pos;
    line.end = nl;
    line.text = view.substr(pos, nl - pos);
    lines_.push_back(line);
    if (nl == view.size()) break;
    pos = nl + 1;
  }
  std::map<std::string, int> repeats;
  for (size_t i = 0; i < lines_.size(); ++i) {
    Line& l = lines_[i];
    std::string_view t = Trim(l.text);
    l.plain = PlainText(t);
    const std::string& p = l.plain;
    l.table = t.find("<table") != std::string_view::npos || t.find("<tr>") != std::string_view::npos;
    l.stakeholder_table = l.table && t.find("利益相关方") != std::string_view::npos &&
                          (t.find("诉求") != std::string_view::npos || t.find("关注议题") != std::string_view::npos ||
                           t.find("关注话题") != std::string_view::npos);
    const size_t cps = CodePoints(p);
    l.heading = !p.empty() && !l.table &&
                (t.rfind("#", 0) == 0 || (cps <= 20 && !HasSentencePunctuation(p)));
    if (!p.empty() && cps <= 30) ++repeats[p];
    // A row of the report's own index cites articles; a whole index table is one line in Markdown.
    if (p.find("条") != std::string::npos) {
      auto begin = std::sregex_iterator(p.begin(), p.end(), kArticle);
      const long articles = std::distance(begin, std::sregex_iterator());
      l.index_row = articles >= 3 || (articles >= 1 && cps <= 60);
    }
  }
  std::vector<std::string_view> plain(lines_.size());
  for (size_t i = 0; i < lines_.size(); ++i) plain[i] = lines_[i].plain;
  for (size_t i = 0; i < lines_.size(); ++i) {
    // A repeated short line that is not a topic list entry: at least five times over the report.
    if (!plain[i].empty() && repeats[std::string(plain[i])] >= 5 && CodePoints(plain[i]) <= 30 &&
        !HasSentencePunctuation(plain[i]))
      lines_[i].running_header = true;
  }
  // A 目录 block: its title, then entries, until the first line of prose.
  for (size_t i = 0; i < lines_.size(); ++i) {
    if (!IsTocTitle(plain[i])) continue;
    lines_[i].toc = true;
    for (size_t j = i + 1; j < lines_.size() && j < i + 80; ++j) {
      if (CodePoints(plain[j]) > 40 && HasSentencePunctuation(plain[j])) break;
      lines_[j].toc = true;
    }
  }
}

bool Layout::IsListLine(size_t i) const {
  const Line& l = lines_[i];
  return l.text.rfind("#", 0) != 0 && CodePoints(l.plain) <= 80 && !HasSentencePunctuation(l.plain);
}

std::string_view Layout::UnitLineAbove(size_t i, size_t max_up) const {
  for (size_t up = i; up > 0 && up + max_up > i; --up) {
    std::string_view above = lines_[up - 1].text;
    if (above.find("单位") != std::string_view::npos || above.find("Unit") != std::string_view::npos ||
        above.find("unit") != std::string_view::npos)
      return above;
  }
  return std::string_view();
}

size_t Layout::LineAt(uint64_t v) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), v,
                             [](uint64_t value, const Line& l) { return value < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
}

std::pair<uint64_t, uint64_t> Layout::RowAt(size_t i, uint64_t v) const {
  const Line& l = lines_[i];
  if (!l.table || v < l.begin || v > l.end) return {l.begin, l.end};
  std::string_view text = l.text;
  const size_t at = static_cast<size_t>(v - l.begin);
  size_t start = text.rfind("<tr", at);
  size_t stop = text.find("</tr>", at);
  if (start == std::string_view::npos) start = 0;
  stop = stop == std::string_view::npos ? text.size() : stop + 5;
  return {l.begin + start, l.begin + stop};
}

}  // namespace esgaudit::cnexchange
