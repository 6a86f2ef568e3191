#include "index_omission_rule.h"

#include <set>

#include "analysis.h"
#include "messages.h"

namespace esgaudit::gri {

void IndexOmissionRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  if (!a.has_index()) return;
  std::set<std::string> indexed;
  std::set<std::string> standards;
  for (const IndexRow& row : a.index_rows()) {
    for (const std::string& id : row.resolved.ids) {
      indexed.insert(id);
      standards.insert(id.substr(0, id.find('-')));
    }
  }
  // GRI 2 and 3 belong in every index; a topic disclosure only where its standard is indexed at all
  // (a report indexes its material topics only).
  std::vector<std::string> omitted;
  sdk::Finding f = NewFinding();
  const std::vector<Disclosure>& ds = a.catalogue().disclosures();
  for (size_t k = 0; k < ds.size(); ++k) {
    const Disclosure& d = ds[k];
    const DisclosureResult& r = a.results()[k];
    if (r.status != ESGAUDIT_COVERED || d.Withdrawn() || indexed.count(d.id)) continue;
    std::string number = d.Number();
    if (number != "2" && number != "3" && !standards.count(number)) continue;
    omitted.push_back(d.id);
    if (!r.evidence.empty()) {
      f.related.push_back(
          {r.evidence.front().offset, r.evidence.front().length, d.id + " " + a.Title(d)});
    }
  }
  if (omitted.empty()) return;
  bool en = a.English();
  f.severity = ESGAUDIT_INFO;
  f.message = en ? "covered but not in the content index: " + QList(en, omitted)
                 : "已披露但未列入内容索引：" + QList(en, omitted);
  f.offset = a.index_rows().front().offset;
  f.length = a.index_rows().front().length;
  f.references = {"GRI 1: Foundation 2021, Requirement 7"};
  ctx.Report(f);
}

}  // namespace esgaudit::gri
