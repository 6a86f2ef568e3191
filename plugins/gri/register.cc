#include "register.h"

#include "analysis.h"
#include "catalogue.h"

#include "coverage_pass.h"
#include "disclosure_missing_rule.h"
#include "index_mismatch_rule.h"
#include "index_missing_rule.h"
#include "index_omission_rule.h"
#include "legacy_id_rule.h"

namespace esgaudit::gri {

void RegisterRules(sdk::Registry& registry) {
  registry.AddPreparation([](const sdk::Document& doc) {
    Catalogue::ForDocument(doc);
    PrepareMentionScan(doc);
    PrepareExpressions();
  });
  registry.AddPass(&EmitCoverage);
  registry.Add<DisclosureMissingRule>("gri.disclosure-missing", ESGAUDIT_ERROR,
                                      "a GRI 2 disclosure is missing from a report claiming GRI",
                                      "gri/disclosure-missing.md");
  registry.Add<IndexMismatchRule>(
      "gri.index-mismatch", ESGAUDIT_WARNING,
      "a content index row cites a page that does not address the disclosure",
      "gri/index-mismatch.md");
  registry.Add<IndexMissingRule>("gri.index-missing", ESGAUDIT_ERROR,
                                 "a report claiming GRI has no GRI content index",
                                 "gri/index-missing.md");
  registry.Add<IndexOmissionRule>(
      "gri.index-omission", ESGAUDIT_INFO,
      "disclosures covered by the report are left out of its content index",
      "gri/index-omission.md");
  registry.Add<LegacyIdRule>(
      "gri.legacy-id", ESGAUDIT_WARNING,
      "a withdrawn GRI numbering (G4, GRI 2016) is cited after its withdrawal", "gri/legacy-id.md");
}

}  // namespace esgaudit::gri
