#include "coverage_pass.h"

#include <algorithm>
#include <set>
#include <string>

#include "analysis.h"

namespace esgaudit::gri {
namespace {

constexpr size_t kMaxLocations = 3;

// The record's title; for a disclosure not yet in force for the report, says which 2016 disclosure
// the report answers instead, or that it does not apply. A report is taken to be published the
// year after its reporting year, and an edition applies to reports published from its effective
// date.
std::string RecordTitle(const GriAnalysis& a, const Disclosure& d) {
  std::string title = a.Title(d);
  int effective = EffectiveYear(d.effective);
  if (a.report_year() == 0 || effective == 0 || effective <= a.report_year() + 1) return title;
  bool en = a.English();
  std::string before;
  std::set<std::string> seen;
  for (std::string id : a.catalogue().Predecessors2016(d.id)) {
    id.resize(std::min(id.size(), id.find('@')));  // "306-2@2016" -> "306-2"
    if (!seen.insert(id).second) continue;
    before += (before.empty() ? "" : en ? ", " : "、") + id;
  }
  if (!before.empty())
    return title + (en ? " (this report: GRI 2016 " + before + ")"
                       : "（本报告适用 GRI 2016：" + before + "）");
  return title + (en ? " (effective " + d.effective + ", not applicable to this report)"
                     : "（" + d.effective + " 起生效，不适用于本报告）");
}

// Why a record is only partial, put before the quote of its first location.
std::string ReasonText(PartialReason reason, bool en) {
  switch (reason) {
    case PartialReason::kNoDataPoint: return en ? "no figure for a required data point" : "未见所需数据";
    case PartialReason::kNoPassage: return en ? "named only in a heading or short line" : "仅见于标题或短句";
    case PartialReason::kNoAudience: return en ? "no passage says whom it reached" : "未说明涉及的人员";
    case PartialReason::kIndexOnly: return en ? "listed only in the content index" : "仅见于内容索引";
    case PartialReason::kNone: break;
  }
  return "";
}

}  // namespace

void EmitCoverage(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  const std::vector<Disclosure>& ds = a.catalogue().disclosures();
  for (size_t k = 0; k < ds.size(); ++k) {
    const DisclosureResult& r = a.results()[k];
    sdk::Coverage c;
    c.scheme = "gri";
    c.id = ds[k].id;
    c.title = RecordTitle(a, ds[k]);
    c.status = r.status;
    // Data points first, then mentions, one per line.
    std::vector<const Evidence*> picked;
    std::set<uint32_t> lines;
    for (bool data : {true, false}) {
      for (const Evidence& e : r.evidence) {
        if (e.data != data || picked.size() >= kMaxLocations || lines.count(e.line)) continue;
        lines.insert(e.line);
        picked.push_back(&e);
      }
    }
    std::sort(picked.begin(), picked.end(),
              [](const Evidence* x, const Evidence* y) { return x->offset < y->offset; });
    for (const Evidence* e : picked) c.locations.push_back({e->offset, e->length, a.QuoteOf(*e)});
    if (r.status == ESGAUDIT_PARTIAL && !c.locations.empty())
      c.locations.front().message = "[" + ReasonText(r.reason, a.English()) + "] " + c.locations.front().message;
    ctx.Cover(c);
  }
}

}  // namespace esgaudit::gri
