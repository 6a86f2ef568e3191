#include "legacy_id_rule.h"

#include "analysis.h"
#include "messages.h"

namespace esgaudit::gri {
namespace {

// G4 was superseded by the GRI Standards for reports published from 1 July 2018; the 2016 general
// disclosures (and GRI 307/419, the 2016 editions of 303/306/403) for reports published from 1
// January 2023. Years are reporting years, published the year after.
constexpr int kG4LastYear = 2017;
constexpr int k2016LastYear = 2021;
constexpr size_t kIndexAggregate = 5;  // legacy rows in the content index reported as one finding

}  // namespace

void LegacyIdRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  int year = a.report_year();
  if (year == 0) return;
  bool en = a.English();
  auto withdrawn = [year](const LegacyCitation& c) {
    bool g4 = c.cited.rfind("G4-", 0) == 0;
    return year > (g4 ? kG4LastYear : k2016LastYear);
  };
  // A whole content index in the old numbering is one finding, not one per row.
  std::vector<const LegacyCitation*> in_index;
  for (const LegacyCitation& c : a.legacy_citations()) {
    if (c.in_index && withdrawn(c)) in_index.push_back(&c);
  }
  bool aggregate = in_index.size() >= kIndexAggregate;
  if (aggregate) {
    std::vector<std::string> ids;
    for (const LegacyCitation* c : in_index) ids.push_back(c->cited);
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = en ? "content index uses withdrawn GRI numbering for " +
                         std::to_string(ids.size()) + " ids: " + QList(en, ids, 6)
                   : "内容索引中 " + std::to_string(ids.size()) + " 个编号为已废止的 GRI 编号：" +
                         QList(en, ids, 6);
    f.offset = in_index.front()->offset;
    f.length = in_index.front()->length;
    ctx.Report(f);
  }
  for (const LegacyCitation& c : a.legacy_citations()) {
    if (!withdrawn(c) || (aggregate && c.in_index)) continue;
    bool g4 = c.cited.rfind("G4-", 0) == 0;
    std::string numbering = g4 ? "GRI G4" : "GRI 2016";
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    if (en) {
      f.message =
          Q(en, c.cited) + " is withdrawn " + numbering + " numbering; " +
          (c.resolved.ids.empty() ? std::string("it has no direct successor")
                                  : "the current disclosure is " + QList(en, c.resolved.ids));
    } else {
      f.message = Q(en, c.cited) + "为已废止的 " + numbering + " 编号，" +
                  (c.resolved.ids.empty() ? std::string("无直接对应的现行披露")
                                          : "现行披露为" + QList(en, c.resolved.ids));
    }
    f.offset = c.offset;
    f.length = c.length;
    for (const std::string& id : c.resolved.ids) f.references.push_back("GRI " + id);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::gri
