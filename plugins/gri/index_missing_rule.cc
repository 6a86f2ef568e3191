#include "index_missing_rule.h"

#include "analysis.h"

namespace esgaudit::gri {

void IndexMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  if (a.claim() == Claim::kNone || a.has_index()) return;
  bool accordance = a.claim() == Claim::kAccordance;
  sdk::Finding f = NewFinding();
  // An index said to be published elsewhere cannot be checked here: a note, not a defect.
  f.severity = a.external_index() ? ESGAUDIT_INFO : accordance ? ESGAUDIT_ERROR : ESGAUDIT_WARNING;
  std::string claim = a.required() ? (a.English() ? "GRI is required by the audit policy" : "审核策略要求 GRI")
                     : a.English()  ? (accordance ? "claims accordance with GRI" : "references GRI")
                                    : (accordance ? "声明按照 GRI 编制" : "声明参考 GRI 编制");
  if (a.unread_index()) {
    // The report has an index this tool cannot read (rows numbered without codes, damaged codes):
    // say so where it is, as a note; its rows are not checked.
    f.severity = ESGAUDIT_INFO;
    f.message = claim + (a.English() ? "; its GRI content index could not be read and was not checked"
                                     : "，其 GRI 内容索引无法识读，未核对");
    f.offset = a.unread_index_offset();
    f.length = a.unread_index_length();
    f.references = {"GRI 1: Foundation 2021, Requirement 7"};
    ctx.Report(f);
    return;
  }
  if (a.external_index()) {
    f.message =
        claim + (a.English() ? "; its content index is published elsewhere and was not checked"
                             : "，内容索引另行发布，未核对");
  } else {
    f.message = claim + (a.English() ? " but has no GRI content index" : "，但没有 GRI 内容索引");
  }
  f.offset = a.claim_offset();
  f.length = a.claim_length();
  f.references = {"GRI 1: Foundation 2021, Requirement 7"};
  ctx.Report(f);
}

}  // namespace esgaudit::gri
