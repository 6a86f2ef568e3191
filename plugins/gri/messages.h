// Small helpers for the GRI rules' bilingual messages.
#ifndef ESGAUDIT_PLUGINS_GRI_MESSAGES_H_
#define ESGAUDIT_PLUGINS_GRI_MESSAGES_H_

#include <string>
#include <vector>

namespace esgaudit::gri {

// "x" in English messages, “x” in Chinese ones.
inline std::string Q(bool english, const std::string& s) {
  return english ? "\"" + s + "\"" : "\xE2\x80\x9C" + s + "\xE2\x80\x9D";
}

// Quoted values joined with ", " (English) or "、" (Chinese); at most `limit`, then "…".
inline std::string QList(bool english, const std::vector<std::string>& values, size_t limit = 12) {
  std::string out;
  for (size_t i = 0; i < values.size() && i < limit; ++i) {
    if (i > 0) out += english ? ", " : "\xE3\x80\x81";
    out += Q(english, values[i]);
  }
  if (values.size() > limit) out += english ? ", …" : "\xE2\x80\xA6";
  return out;
}

// "12", "12-14, 20": printed page numbers, consecutive runs folded.
inline std::string PageList(const std::vector<uint32_t>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += "-" + std::to_string(pages[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_MESSAGES_H_
