// The GRI disclosure catalogue (rules/gri/catalogue.json): disclosures with their evidence patterns
// and required data points, and the legacy ids (GRI 2016, G4, superseded editions) with their
// successors.
#ifndef ESGAUDIT_PLUGINS_GRI_CATALOGUE_H_
#define ESGAUDIT_PLUGINS_GRI_CATALOGUE_H_

#include <esgaudit/plugin.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace esgaudit::gri {

// One data point a disclosure requires: a numeric fact whose label (or line) matches one of
// `labels`, of one of `kinds` ("quantity", "percent"), with a unit containing one of `units`
// (any unit, or none, when `units` is empty), and whose own clause or table-row label holds none
// of `unless` (words saying the figure counts something else: a saving, a rate per unit of output,
// staff trained or insured).
struct DataNeed {
  std::vector<std::string> labels;
  std::vector<std::string> kinds;
  std::vector<std::string> units;
  std::vector<std::string> unless;
};

struct Disclosure {
  std::string id;                     // "305-1"
  std::string standard;               // "GRI 305: Emissions 2016"
  std::string title;                  // English
  std::string title_zh;               // simplified Chinese [U]
  std::string effective;              // "2023-01-01"
  std::string status;                 // "current", "withdrawn ..." as researched
  std::vector<std::string> patterns;  // zh and en evidence patterns, lower-cased
  std::vector<DataNeed> data;         // empty: qualitative, covered by a matching section
  // For a qualitative disclosure that asks about someone (205-2: to whom the policies were
  // communicated, who was trained): a passage covers it only when it, or a line next to it, names
  // one of these (lower-cased literals); a passage naming none leaves it partial. Empty (and
  // `with_units` empty): any passage.
  std::vector<std::string> with;
  // Or a count of those reached on such a line: a figure whose unit is one of these ("次", "人次",
  // "%"): how many sessions were held or people reached answers the disclosure too.
  std::vector<std::string> with_units;

  // The standard's number: "2", "305", "102".
  std::string Number() const { return id.substr(0, id.find('-')); }
  bool Withdrawn() const { return status.rfind("withdrawn", 0) == 0; }
};

struct LegacyId {
  std::string id;       // "102-8", "G4-LA1", "303-1@2016" (a superseded edition's number)
  std::string edition;  // "GRI 102: General Disclosures 2016"
  std::string title;
  std::vector<std::string> successors;  // ids of the next edition (may be legacy ids themselves)
};

class Catalogue {
 public:
  // Parses the catalogue JSON at `path`. Throws sdk::ConfigError naming the file on a malformed
  // catalogue (unreadable, missing fields, duplicate ids).
  static Catalogue Load(const std::string& path);
  // Loads gri/catalogue.json through doc.RulesFile, once per process while the file is unchanged
  // (sdk::CachedRuleData). Throws sdk::ConfigError when it is absent or malformed.
  static std::shared_ptr<const Catalogue> ForDocument(const sdk::Document& doc);

  const std::vector<Disclosure>& disclosures() const { return disclosures_; }
  // nullptr when `id` is not catalogued.
  const Disclosure* Find(const std::string& id) const;
  int IndexOf(const std::string& id) const;  // -1 when unknown
  const LegacyId* FindLegacy(const std::string& id) const;
  // GRI 2 disclosures succeeding the general disclosures of the 2016/G4 "Core" option.
  bool Core2016(const std::string& id) const { return core_2016_.count(id) != 0; }
  // The 2016 general disclosures of the "Core" option (102-1 ...), in catalogue order; empty for a
  // catalogue without them.
  const std::vector<std::string>& core_2016_legacy() const { return core_2016_legacy_; }
  // The GRI Standards 2016 disclosures `id` succeeds ("2-4" -> "102-48"; "306-3" -> "306-2@2016"),
  // in numeric order; G4 codes are not included. From a table made when the catalogue is loaded
  // (a function of the legacy table alone; it was searched for every disclosure of every report).
  const std::vector<std::string>& Predecessors2016(const std::string& id) const;

 private:
  std::set<std::string> core_2016_;
  std::vector<std::string> core_2016_legacy_;
  std::vector<Disclosure> disclosures_;
  std::map<std::string, int> by_id_;
  std::map<std::string, LegacyId> legacy_;
  std::map<std::string, std::vector<std::string>> predecessors_2016_;  // Predecessors2016's answers
};

// The year of an ISO date's "YYYY-..." prefix; 0 when it has none.
int EffectiveYear(const std::string& date);

// Lower-cases ASCII letters only (keeps byte offsets).
std::string AsciiLower(std::string s);

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_CATALOGUE_H_
