#include "disclosure_missing_rule.h"

#include "analysis.h"
#include "messages.h"

namespace esgaudit::gri {

void DisclosureMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  if (a.claim() == Claim::kNone) return;
  bool accordance = a.claim() == Claim::kAccordance;
  bool en = a.English();
  // GRI 2 applies to reports published from 2023; an earlier report answers for the successors of
  // the 2016/G4 "Core" general disclosures only.
  bool before_2021_standards = a.report_year() != 0 && a.report_year() < 2022;
  const std::vector<Disclosure>& ds = a.catalogue().disclosures();
  for (size_t k = 0; k < ds.size(); ++k) {
    if (ds[k].Number() != "2" || a.results()[k].status != ESGAUDIT_MISSING) continue;
    if (before_2021_standards && !a.catalogue().Core2016(ds[k].id)) continue;
    sdk::Finding f;
    f.rule = "gri.disclosure-missing";
    f.severity = accordance ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
    if (en) {
      f.message = std::string(accordance ? "claims accordance with GRI" : "references GRI") +
                  " but " + Q(en, ds[k].id) + " (" + Q(en, ds[k].title) + ") is not disclosed";
    } else {
      f.message = std::string(accordance ? "声明按照 GRI 编制" : "声明参考 GRI 编制") +
                  "，但未披露" + Q(en, ds[k].id) + "（" + ds[k].title_zh + "）";
    }
    f.offset = a.claim_offset();
    f.length = a.claim_length();
    f.references = {"GRI 1: Foundation 2021, Requirement 2", "GRI " + ds[k].id};
    ctx.Report(f);
  }
}

}  // namespace esgaudit::gri
