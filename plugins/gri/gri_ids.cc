#include "gri_ids.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "text_match.h"

namespace esgaudit::gri {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool KnownStandard(int n) {
  return n == 2 || n == 3 || (n >= 101 && n <= 103) || (n >= 201 && n <= 207) ||
         (n >= 301 && n <= 308) || (n >= 401 && n <= 419);
}

bool CellStart(std::string_view line, size_t pos) {
  size_t i = pos;
  size_t spaces = 0;
  while (i > 0 && line[i - 1] == ' ') {
    --i;
    ++spaces;
  }
  // Allow a "GRI" prefix inside the cell.
  if (i >= 3 && (line.substr(i - 3, 3) == "GRI" || line.substr(i - 3, 3) == "gri")) {
    i -= 3;
    spaces = 0;
    while (i > 0 && line[i - 1] == ' ') {
      --i;
      ++spaces;
    }
  }
  if (i == 0) return true;
  char c = line[i - 1];
  return c == '\t' || c == '|' || spaces >= 2;
}

bool GriPrefix(std::string_view line, size_t pos) {
  size_t i = pos;
  while (i > 0 && line[i - 1] == ' ') --i;
  return i >= 3 && (line.substr(i - 3, 3) == "GRI" || line.substr(i - 3, 3) == "gri");
}

// Words of an English title worth comparing (4+ letters, not filler).
std::vector<std::string> TitleWords(const std::string& title) {
  static const std::set<std::string> kFiller = {"with",  "from",   "that",  "their",
                                                "other", "and/or", "which", "about",
                                                "into",  "have",   "been",  "organization"};
  std::vector<std::string> out;
  std::string word;
  for (char c : AsciiLower(title) + " ") {
    if (IsAlpha(c)) {
      word += c;
    } else {
      if (word.size() >= 4 && !kFiller.count(word)) out.push_back(word);
      word.clear();
    }
  }
  return out;
}

// How well `context` matches a candidate reading: English title words, then Chinese title bigrams
// and evidence patterns of the disclosures it leads to.
int Score(const Catalogue& catalogue, std::string_view context, const std::string& title,
          const std::vector<std::string>& ids) {
  int score = 0;
  for (const std::string& w : TitleWords(title)) {
    if (ContainsWord(context, w)) ++score;
  }
  for (const std::string& id : ids) {
    const Disclosure* d = catalogue.Find(id);
    if (d == nullptr) continue;
    for (const std::string& w : TitleWords(d->title)) {
      if (ContainsWord(context, w)) ++score;
    }
    const std::string& zh = d->title_zh;
    for (size_t i = 0; i + 6 <= zh.size(); i += 3) {
      if (context.find(zh.substr(i, 6)) != std::string_view::npos) ++score;
    }
    for (const std::string& p : d->patterns) {
      size_t pos = 0;
      size_t len = 0;
      if (MatchPattern(context, p, &pos, &len)) score += 2;
    }
  }
  return score;
}

void Expand(const Catalogue& catalogue, const std::string& id, int depth, Resolution* out) {
  if (depth > 4) return;
  if (const LegacyId* l = catalogue.FindLegacy(id)) {
    out->known = true;
    for (const std::string& s : l->successors) {
      if (catalogue.FindLegacy(s) != nullptr &&
          (s.find('@') != std::string::npos || s.rfind("10", 0) == 0 || s == "307-1" ||
           s == "419-1")) {
        if (s == "307-1") out->ids.push_back(s);  // still catalogued, withdrawn
        Expand(catalogue, s, depth + 1, out);
      } else if (catalogue.Find(s) != nullptr) {
        out->ids.push_back(s);
      }
    }
    return;
  }
  if (catalogue.Find(id) != nullptr) {
    out->known = true;
    out->ids.push_back(id);
  }
}

bool Mentions(std::string_view context, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (context.find(w) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<IdToken> ScanIds(std::string_view line) {
  // Every id holds a hyphen right after a digit ("G4-", "305-1"): a line without one (most lines,
  // and prose whose hyphens join words) is not read byte by byte.
  bool digit_hyphen = false;
  for (size_t p = line.find('-', 1); p != std::string_view::npos && !digit_hyphen; p = line.find('-', p + 1))
    digit_hyphen = IsDigit(line[p - 1]);
  if (!digit_hyphen) return {};
  return ScanIdsEveryByte(line);
}

std::vector<IdToken> ScanIdsEveryByte(std::string_view line) {
  std::vector<IdToken> out;
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    // G4 codes: G4-1 .. G4-58, G4-EN15, G4-S02 (OCR for SO2).
    if ((c == 'G' || c == 'g') && i + 3 < line.size() && line[i + 1] == '4' && line[i + 2] == '-' &&
        (i == 0 || !IsAlpha(line[i - 1]) || line[i - 1] == 'I' || line[i - 1] == 'i')) {
      size_t j = i + 3;
      std::string cat;
      while (j < line.size() && IsAlpha(line[j]) && cat.size() < 2)
        cat += static_cast<char>(line[j++] & ~0x20);
      if (cat == "S" && j < line.size() && line[j] == '0') {
        cat = "SO";
        ++j;
      }
      size_t d = j;
      while (j < line.size() && IsDigit(line[j]) && j - d < 2) ++j;
      static const std::set<std::string> kCats = {"", "EC", "EN", "LA", "HR", "SO", "PR"};
      if (j > d && kCats.count(cat) && (j >= line.size() || !IsDigit(line[j]))) {
        IdToken t;
        t.pos = i;
        t.len = j - i;
        t.id = "G4-" + cat + std::string(line.substr(d, j - d));
        if (t.id.size() > 4 && t.id[3 + cat.size()] == '0')
          t.id.erase(3 + cat.size(), 1);  // G4-SO02
        t.g4 = true;
        t.cell_start = CellStart(line, i);
        t.gri_prefix = true;
        out.push_back(t);
        i = j;
        continue;
      }
    }
    if (IsDigit(c) &&
        (i == 0 || (!IsDigit(line[i - 1]) && line[i - 1] != '.' && line[i - 1] != '-' &&
                    line[i - 1] != '/' && !IsAlpha(line[i - 1])))) {
      size_t j = i;
      while (j < line.size() && IsDigit(line[j])) ++j;
      if (j - i <= 3 && j + 1 < line.size() && line[j] == '-' && IsDigit(line[j + 1])) {
        int standard = std::stoi(std::string(line.substr(i, j - i)));
        size_t k = j + 1;
        while (k < line.size() && IsDigit(line[k])) ++k;
        bool clean_end =
            k >= line.size() || (!IsDigit(line[k]) && line[k] != '-' && line[k] != '/' &&
                                 !(line[k] == '.' && k + 1 < line.size() && IsDigit(line[k + 1])));
        int number = k - (j + 1) <= 2 ? std::stoi(std::string(line.substr(j + 1, k - j - 1))) : 0;
        if (KnownStandard(standard) && number >= 1 && number <= 58 && clean_end &&
            line.substr(i, j - i)[0] != '0') {
          IdToken t;
          t.pos = i;
          t.len = k - i;
          t.id = std::to_string(standard) + "-" + std::to_string(number);
          t.cell_start = CellStart(line, i);
          t.gri_prefix = GriPrefix(line, i);
          out.push_back(t);
        }
        i = k;
        continue;
      }
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

Resolution ResolveId(const Catalogue& catalogue, const std::string& id, std::string_view context,
                     int report_year) {
  Resolution r;
  if (id.rfind("G4-", 0) == 0) {
    r.legacy = true;
    r.edition = "GRI G4 (2013)";
    Expand(catalogue, id, 0, &r);
    return r;
  }
  int standard = std::stoi(id.substr(0, id.find('-')));
  int number = std::stoi(id.substr(id.find('-') + 1));
  std::string old_id;
  bool newer = true;
  if (standard == 102 || standard == 103) {
    old_id = id;
    const LegacyId* old = catalogue.FindLegacy(id);
    const Disclosure* cur = catalogue.Find(id);
    if (old == nullptr) {
      newer = true;
    } else if (cur == nullptr) {
      newer = false;
    } else if (Mentions(context, {"2016", "general disclosures", "management approach", "一般披露",
                                  "管理方法", "通用披露"})) {
      newer = false;
    } else if (Mentions(context, {"2025", "climate change", "energy 2025", "气候变化"})) {
      newer = true;
    } else {
      int s_old = Score(catalogue, context, old->title, old->successors);
      int s_new = Score(catalogue, context, cur->title, {id});
      newer = s_new != s_old ? s_new > s_old : report_year >= 2027;
    }
  } else if ((standard == 303 && number <= 3) || (standard == 306 && number <= 5) ||
             (standard == 403 && number <= 4)) {
    old_id = id + "@2016";
    const LegacyId* old = catalogue.FindLegacy(old_id);
    const Disclosure* cur = catalogue.Find(id);
    if (old == nullptr || cur == nullptr) {
      newer = true;
    } else if (Mentions(context, {"2018", "2020"})) {
      newer = true;
    } else if (Mentions(context, {"2016"})) {
      newer = false;
    } else {
      int s_old = Score(catalogue, context, old->title, old->successors);
      int s_new = Score(catalogue, context, cur->title, {id});
      int switch_year = standard == 306 ? 2021 : 2020;
      newer = s_new != s_old ? s_new > s_old : (report_year == 0 || report_year >= switch_year);
    }
  } else if (standard == 307 || standard == 419) {
    r.legacy = true;
    r.edition = standard == 307 ? "GRI 307: Environmental Compliance 2016"
                                : "GRI 419: Socioeconomic Compliance 2016";
    Expand(catalogue, id, 0, &r);
    return r;
  }
  if (!newer) {
    r.legacy = true;
    const LegacyId* old = catalogue.FindLegacy(old_id);
    r.edition = old != nullptr ? old->edition : "";
    Expand(catalogue, old_id, 0, &r);
    return r;
  }
  if (const Disclosure* d = catalogue.Find(id)) {
    r.known = true;
    r.edition = d->standard;
    r.ids.push_back(id);
  }
  return r;
}

}  // namespace esgaudit::gri
