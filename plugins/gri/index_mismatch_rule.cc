#include "index_mismatch_rule.h"

#include "analysis.h"
#include "messages.h"

namespace esgaudit::gri {

void IndexMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  // Printed page numbers are only compared where the document has pages and their printed numbers
  // could be aligned with them.
  if (doc.PageCount() == 0 || !a.page_delta_known()) return;
  bool en = a.English();
  for (const IndexRow& row : a.index_rows()) {
    if (row.pages.empty() || row.resolved.ids.empty()) continue;
    bool addressed = false;
    for (const std::string& id : row.resolved.ids) {
      const std::set<uint32_t>& pages = a.result(id).pages;
      for (uint32_t p : row.pages) {
        long physical = static_cast<long>(p) + a.page_delta();
        if (physical > 0 && pages.count(static_cast<uint32_t>(physical))) addressed = true;
      }
    }
    if (addressed) continue;
    std::string what = Q(en, row.cited);
    if (row.resolved.ids.size() != 1 || row.resolved.ids[0] != row.cited) {
      what +=
          en ? " (" + QList(en, row.resolved.ids) + ")" : "（" + QList(en, row.resolved.ids) + "）";
    }
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    if (en) {
      f.message = "content index cites page " + Q(en, PageList(row.pages)) + " for " + what +
                  " but the page does not address it";
    } else {
      f.message =
          "内容索引称" + what + "见第" + Q(en, PageList(row.pages)) + "页，但该页未涉及此披露";
    }
    f.offset = row.offset;
    f.length = row.length;
    f.references = {"GRI 1: Foundation 2021, Requirement 7"};
    for (const std::string& id : row.resolved.ids) f.references.push_back("GRI " + id);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::gri
