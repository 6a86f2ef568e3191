// GRI disclosure ids as printed in reports ("2-1", "GRI 305-1", "102-8", "G4-LA1", "G4-S02") and
// their resolution to the catalogue's current ids, including the ambiguous numbers (GRI 102/103
// 2016 vs 2025; GRI 303/306/403 renumbered by their 2018/2020 editions).
#ifndef ESGAUDIT_PLUGINS_GRI_GRI_IDS_H_
#define ESGAUDIT_PLUGINS_GRI_GRI_IDS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.h"

namespace esgaudit::gri {

struct IdToken {
  size_t pos = 0;  // byte offset of the id in the scanned line
  size_t len = 0;
  std::string id;  // normalised: "2-1", "305-1", "G4-LA1", "G4-10"
  bool g4 = false;
  bool cell_start =
      false;  // first thing in a table cell (line start, after a tab, '|' or 2 spaces)
  bool gri_prefix = false;  // printed right after "GRI"
};

// Every plausible GRI id in `line` (the matching view of one line), left to right. Numeric ids need
// a known standard number (2, 3, 101-103, 201-207, 301-308, 401-419) and are not part of a longer
// number, date or range ("2020-12-31", "28-29" are not ids).
std::vector<IdToken> ScanIds(std::string_view line);
// ScanIds read byte by byte over the whole line, without its test for a hyphen after a digit (which
// every id holds): the same answer on every line (GriIdsTest).
std::vector<IdToken> ScanIdsEveryByte(std::string_view line);

// The report's claim about GRI editions near an id, used to resolve ambiguous numbers.
struct Resolution {
  std::vector<std::string> ids;  // current catalogue ids; empty when the id has no successor
  bool legacy = false;  // cited in a withdrawn numbering (G4, GRI 2016 general, old edition)
  bool known = false;   // the id exists in some edition
  std::string edition;  // the edition the id was read in ("GRI G4 (2013)", ...)
};

// Resolves `id` (as from ScanIds) cited next to `context` (the row or line it appears in,
// lower-cased) in a report about `report_year` (0 = unknown): by the edition or title printed in
// the context, else by the year.
Resolution ResolveId(const Catalogue& catalogue, const std::string& id, std::string_view context,
                     int report_year);

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_GRI_IDS_H_
