#include "layout.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <utility>

namespace esgaudit::gbt36001 {
namespace {

bool HasSentencePunct(std::string_view s) {
  return sdk::ContainsAny(s, {",", "。", ";", "、"});
}

}  // namespace

bool Layout::IsProse(std::string_view segment) {
  return CodePoints(segment) >= 12 && HasSentencePunct(segment);
}

Layout::Layout(const sdk::Document& doc) {
  const uint32_t n = doc.LineCount();
  lines_.resize(n);
  // Where each line's segments start in segments_, pointed to once the list has stopped growing.
  std::vector<size_t> first(n + 1, 0);
  for (uint32_t i = 0; i < n; ++i) {
    esgaudit_line_structure ls = doc.LineStructure(i);
    LayoutLine& out = lines_[i];
    out.begin = ls.view_begin;
    out.end = ls.view_end;
    out.running_header = (ls.flags & ESGAUDIT_LINE_RUNNING_HEADER) != 0;
    out.toc_region = (ls.flags & ESGAUDIT_LINE_TOC) != 0;
    first[i] = segments_.size();
    for (uint32_t k = 0; k < ls.cell_count; ++k) {
      esgaudit_cell c = doc.Cell(ls.first_cell + k);
      Segment s;
      s.begin = c.view_begin;
      s.end = c.view_end;
      s.text = doc.CellView(c);
      s.heading = HeadingText(s.text);
      s.heading_code_points = CodePoints(s.heading);
      s.toc = (c.flags & ESGAUDIT_CELL_TOC_ENTRY) != 0;
      s.side = (c.flags & ESGAUDIT_CELL_SIDE_BANNER) != 0;
      segments_.push_back(s);
    }
  }
  first[n] = segments_.size();
  for (uint32_t i = 0; i < n; ++i)
    lines_[i].segments = boost::make_iterator_range(segments_.data() + first[i], segments_.data() + first[i + 1]);
}

size_t Layout::LineAt(uint64_t v) const {
  auto it = std::upper_bound(lines_.begin(), lines_.end(), v,
                             [](uint64_t off, const LayoutLine& l) { return off < l.begin; });
  return it == lines_.begin() ? 0 : static_cast<size_t>(it - lines_.begin()) - 1;
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

bool Layout::IsHeading(std::string_view segment, std::string_view keyword, size_t slack) {
  Segment s;
  s.heading = HeadingText(segment);
  return StartsHeading(s, keyword, slack);
}

bool Layout::StartsHeading(const Segment& segment, std::string_view keyword, size_t slack) {
  std::string_view h = segment.heading;
  if (h.substr(0, keyword.size()) != keyword) return false;
  if (HasSentencePunct(h)) return false;
  return CodePoints(h) <= CodePoints(keyword) + slack;
}

HeadingIndex::HeadingIndex(std::vector<const Segment*> segments) : segments_(std::move(segments)) {
  for (uint32_t p = 0; p < segments_.size(); ++p) {
    std::string_view h = segments_[p]->heading;
    if (h.size() >= 3) by_key_.emplace_back(Key(h), p);
  }
  std::sort(by_key_.begin(), by_key_.end());
}

std::vector<uint32_t> HeadingIndex::Find(const std::vector<std::string>& keywords) const {
  std::vector<uint32_t> out;
  for (const std::string& kw : keywords) {
    if (kw.size() < 3) {
      for (uint32_t p = 0; p < segments_.size(); ++p) {
        if (Layout::IsHeading(*segments_[p], kw)) out.push_back(p);
      }
      continue;
    }
    const uint32_t key = Key(kw);
    for (auto it = std::lower_bound(by_key_.begin(), by_key_.end(), std::make_pair(key, uint32_t{0}));
         it != by_key_.end() && it->first == key; ++it) {
      if (Layout::IsHeading(*segments_[it->second], kw)) out.push_back(it->second);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace esgaudit::gbt36001
