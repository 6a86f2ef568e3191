#include "disclosure_missing_rule.h"

#include <algorithm>
#include <set>
#include <utility>

#include "analysis.h"
#include "messages.h"

namespace esgaudit::gri {

void DisclosureMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  if (a.claim() == Claim::kNone) return;
  bool accordance = a.claim() == Claim::kAccordance;
  bool en = a.English();
  std::string claim_en = a.required() ? "GRI is required by the audit policy"
                         : accordance ? "claims accordance with GRI"
                                      : "references GRI";
  std::string claim_zh = a.required() ? "审核策略要求 GRI" : accordance ? "声明按照 GRI 编制" : "声明参考 GRI 编制";
  // Disclosures the report's own content index lists (resolved to current ids).
  std::set<std::string> indexed;
  for (const IndexRow& row : a.index_rows()) indexed.insert(row.resolved.ids.begin(), row.resolved.ids.end());
  auto report = [&](const std::string& message, const std::vector<std::string>& references,
                    bool in_index) {
    sdk::Finding f = NewFinding();
    // With its content index published elsewhere, a disclosure may be answered in the documents
    // that index points to: the gap is worth a note, not a defect of this text. A disclosure the
    // report's own index lists (often answered "none" or "not applicable" there) is one level lower.
    // The same holds for an index in the report that this tool cannot read: its rows may answer it.
    f.severity = a.external_index() || a.unread_index() ? ESGAUDIT_INFO
                 : accordance                           ? ESGAUDIT_ERROR
                                                        : ESGAUDIT_WARNING;
    if (in_index && f.severity != ESGAUDIT_INFO) {
      f.severity = f.severity == ESGAUDIT_ERROR ? ESGAUDIT_WARNING : ESGAUDIT_INFO;
    }
    f.message = message + (!in_index ? ""
                           : en ? "; the content index lists it but the text gives no evidence"
                                : "（内容索引列出该项，但正文未见依据）");
    f.offset = a.claim_offset();
    f.length = a.claim_length();
    f.references = references;
    ctx.Report(f);
  };
  const Catalogue& cat = a.catalogue();
  // GRI 2 applies to reports published from 2023. An earlier report answers for the general
  // disclosures of the 2016 "Core" option, named by their 2016 numbers; one of them is missing
  // when none of its GRI 2 successors has evidence (102-8 is answered by 2-7 or 2-8).
  bool before_2021_standards =
      a.report_year() != 0 ? a.report_year() < 2022 : a.claim_names_g4();
  if (before_2021_standards && !cat.core_2016_legacy().empty()) {
    // 2016 disclosures with the same successors (102-50..102-53 -> 2-3) make one finding.
    std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> groups;
    for (const std::string& old_id : cat.core_2016_legacy()) {
      const LegacyId* l = cat.FindLegacy(old_id);
      std::vector<std::string> successors;
      bool found = false;
      for (const std::string& s : l->successors) {
        const Disclosure* d = cat.Find(s);
        if (d == nullptr || d->Number() != "2") continue;
        successors.push_back(s);
        if (a.result(s).Evidenced()) found = true;
      }
      if (successors.empty() || found) continue;
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& g) { return g.first == successors; });
      if (it == groups.end()) {
        groups.push_back({successors, {old_id}});
      } else {
        it->second.push_back(old_id);
      }
    }
    for (const auto& [successors, old_ids] : groups) {
      std::string titles_en;
      std::string titles_zh;
      for (const std::string& s : successors) {
        const Disclosure* d = cat.Find(s);
        titles_en += (titles_en.empty() ? "" : ", ") + d->title;
        titles_zh += (titles_zh.empty() ? "" : "、") + d->title_zh;
      }
      std::string message = en ? claim_en + " but " + QList(en, old_ids) + " (" + Q(en, titles_en) +
                                     "; GRI 2021 " + QList(en, successors) + ") " +
                                     (old_ids.size() > 1 ? "are" : "is") + " not disclosed"
                               : claim_zh + "，但未披露" + QList(en, old_ids) + "（" + titles_zh +
                                     "；GRI 2021 " + QList(en, successors) + "）";
      std::vector<std::string> references = {"GRI 101: Foundation 2016, section 3"};
      for (const std::string& id : old_ids) references.push_back("GRI " + id + " (2016)");
      bool in_index = std::any_of(successors.begin(), successors.end(),
                                  [&](const std::string& id) { return indexed.count(id) != 0; });
      report(message, references, in_index);
    }
    return;
  }
  const std::vector<Disclosure>& ds = cat.disclosures();
  for (size_t k = 0; k < ds.size(); ++k) {
    if (ds[k].Number() != "2" || a.results()[k].Evidenced()) continue;
    if (before_2021_standards && !cat.Core2016(ds[k].id)) continue;
    std::string message =
        en ? claim_en + " but " + Q(en, ds[k].id) + " (" + Q(en, ds[k].title) + ") is not disclosed"
           : claim_zh + "，但未披露" + Q(en, ds[k].id) + "（" + ds[k].title_zh + "）";
    report(message, {"GRI 1: Foundation 2021, Requirement 2", "GRI " + ds[k].id},
           indexed.count(ds[k].id) != 0);
  }
}

}  // namespace esgaudit::gri
