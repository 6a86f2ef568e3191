#include "analyse/structure_lines.h"

#include <esgaudit/text.h>

#include <regex>

namespace esgaudit {
namespace lines {

namespace {

bool Squeezed(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string Squeeze(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!Squeezed(c)) out += c;
  }
  return out;
}

bool SameSqueezed(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < a.size() && Squeezed(a[i])) ++i;
    while (j < b.size() && Squeezed(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (a[i++] != b[j++]) return false;
  }
}

std::string SqueezeLower(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (Squeezed(c)) continue;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool DecoratedPageNumber(std::string_view t) {
  static const std::regex kDecorated(
      R"(^(?:[-—–]\s*\d{1,3}\s*[-—–]|[pP]\.?\s*\d{1,3}|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|)"
      R"([pP]age\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$)");
  return t.size() <= 24 && std::regex_match(t.begin(), t.end(), kDecorated);
}

bool UnitCaptionText(std::string_view t) {
  if (t.size() > 60) return false;
  static const std::regex kUnitLine(R"(^\(?(?:单位|unit)\s*:\s*[^,;:]{1,30}$)", std::regex::icase);
  std::string v(t);
  return (sdk::Contains(v, "单位") || sdk::Contains(sdk::AsciiLower(v), "unit")) && std::regex_match(v, kUnitLine);
}

bool EndsSentence(std::string_view v) {
  for (std::string_view e : {"。", "！", "？", ".", "!", "?"})
    if (v.size() >= e.size() && v.substr(v.size() - e.size()) == e) return true;
  return false;
}

uint8_t LineFlags(std::string_view view, std::string_view raw, size_t cell_count, std::string_view first_cell) {
  uint8_t flags = 0;
  const std::string_view heading = sdk::Trim(raw);
  if (!heading.empty() && heading.front() == '#') flags |= kMarkdownHeading;
  if (cell_count == 1 && DecoratedPageNumber(first_cell)) flags |= kPageNumber;
  if (cell_count == 1 && UnitCaptionText(first_cell)) flags |= kUnitCaption;
  if (EndsSentence(sdk::Trim(view))) flags |= kSentenceEnd;
  return flags;
}

}  // namespace lines
}  // namespace esgaudit
