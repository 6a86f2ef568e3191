// The report's layout as this plugin reads it, taken from the host's structure model (ABI 1.1):
// lines split into segments (the model's cells), running headers, table-of-contents regions and
// TOC-like entries, vertical side text. Rules take evidence only from body text: a TOC entry or a
// running header that names a section is not evidence that the report has that section.
#ifndef ESGAUDIT_PLUGINS_GBT36001_LAYOUT_H_
#define ESGAUDIT_PLUGINS_GBT36001_LAYOUT_H_

#include <esgaudit/plugin.h>
#include <esgaudit/text.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/range/iterator_range.hpp>

namespace esgaudit::gbt36001 {

struct Segment {
  uint64_t begin = 0;  // view offsets
  uint64_t end = 0;
  std::string_view text;     // trimmed
  std::string_view heading;  // Layout::HeadingText(text), computed once (it is hot)
  // Code points of `heading`, counted once: IsHeading passes over a segment too long for a keyword
  // without comparing (0 when not counted: IsHeading then compares).
  size_t heading_code_points = 0;
  bool toc = false;   // a TOC-like entry ("员工发展 24") in a cluster of such entries
  bool side = false;  // one character of vertical side text ("云/铝/股/份/2/0/2/0/社/会…")
};

struct LayoutLine {
  uint64_t begin = 0;  // view offsets, terminator excluded
  uint64_t end = 0;
  boost::iterator_range<const Segment*> segments;  // in Layout's one list of every line's segments
  bool running_header = false;  // repeated header/footer line (section names, report title)
  bool toc_region = false;      // inside a table of contents
};

class Layout {
 public:
  // Reads the structure model of `doc`, which must outlive the Layout. Line i is the document's
  // line i.
  explicit Layout(const sdk::Document& doc);
  // Each line's `segments` points into segments_: a copy would point into the original's (a move
  // keeps the list where it is).
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;
  Layout(Layout&&) = default;
  Layout& operator=(Layout&&) = default;

  const std::vector<LayoutLine>& lines() const { return lines_; }
  // True when line `i` may carry evidence (neither a running header nor inside a TOC).
  bool IsBody(size_t i) const { return !lines_[i].running_header && !lines_[i].toc_region; }
  // Index of the line containing view offset `v`.
  size_t LineAt(uint64_t v) const;
  // Code points of prose in body segments after segment `seg` of line `line`, over the next
  // `max_lines` lines (a segment counts when it has at least 6 code points and is not a TOC entry).
  size_t ProseAfter(size_t line, size_t seg, size_t max_lines) const;

  static std::string_view HeadingText(std::string_view segment) { return sdk::HeadingText(segment); }
  // True when `segment` reads as a heading that is `keyword` or starts with it (at most
  // `slack` more code points, no sentence punctuation).
  static bool IsHeading(std::string_view segment, std::string_view keyword, size_t slack = 6);
  // The same, from the segment's precomputed heading text. A heading has at most CodePoints(keyword)
  // + slack code points, and a keyword no more code points than bytes: a longer segment is none,
  // whatever it starts with (most segments are prose, and detectors ask each of many keywords).
  static bool IsHeading(const Segment& segment, std::string_view keyword, size_t slack = 6) {
    if (segment.heading_code_points > keyword.size() + slack) return false;
    if (!OpensLike(segment.heading, keyword)) return false;
    return StartsHeading(segment, keyword, slack);
  }
  // Whether `text`'s first bytes are `keyword`'s first three (all of a shorter keyword): true of any
  // text starting with `keyword`, so IsHeading passes over every other segment without the call and
  // comparison of StartsHeading (a Chinese keyword's first character decides most segments).
  static bool OpensLike(std::string_view text, std::string_view keyword) {
    const size_t n = keyword.size() < 3 ? keyword.size() : 3;
    if (text.size() < n) return false;
    for (size_t i = 0; i < n; ++i) {
      if (text[i] != keyword[i]) return false;
    }
    return true;
  }
  static size_t CodePoints(std::string_view s) { return sdk::CodePointCount(s); }
  // CodePoints(s) <= n. The first 4 * (n + 1) bytes are counted first: when they hold more than n
  // code points (well-formed text always does: a code point is at most four bytes), the rest is not
  // read. Asked of whole lines and cells against bounds of a few code points.
  static bool CodePointsAtMost(std::string_view s, size_t n) {
    if (s.size() <= n) return true;
    const size_t head = std::min(s.size(), 4 * (n + 1));
    if (CodePoints(s.substr(0, head)) > n) return false;
    return head == s.size() || CodePoints(s) <= n;
  }
  // True for a segment with sentence punctuation ("," "。" ";") and at least 12 code points.
  static bool IsProse(std::string_view segment);

 private:
  // IsHeading without its length test.
  static bool StartsHeading(const Segment& segment, std::string_view keyword, size_t slack);

  std::vector<LayoutLine> lines_;
  std::vector<Segment> segments_;  // every line's segments, line after line
};

// The segments that some keyword of a list is a heading of (Layout::IsHeading, its default slack),
// found without asking each segment of each keyword: a keyword of three bytes or more opens its
// heading, so only the segments whose heading opens with the keyword's first three bytes are asked
// (the index holds them by those bytes); a shorter keyword asks every segment.
class HeadingIndex {
 public:
  // `segments` must outlive the index; their order is the order Find reports them in.
  explicit HeadingIndex(std::vector<const Segment*> segments);
  // The positions in `segments`, ascending, of those some keyword is a heading of, each once.
  std::vector<uint32_t> Find(const std::vector<std::string>& keywords) const;

 private:
  static uint32_t Key(std::string_view s) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 | static_cast<unsigned char>(s[2]);
  }
  std::vector<const Segment*> segments_;
  // (first three bytes, position) of every heading of three bytes or more, sorted: a key's
  // positions ascending.
  std::vector<std::pair<uint32_t, uint32_t>> by_key_;
};

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_LAYOUT_H_
