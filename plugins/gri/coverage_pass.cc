#include "coverage_pass.h"

#include <algorithm>
#include <set>

#include "analysis.h"

namespace esgaudit::gri {
namespace {

constexpr size_t kMaxLocations = 3;

}  // namespace

void EmitCoverage(const sdk::Document& doc, const sdk::Context& ctx) {
  const GriAnalysis& a = ctx.Shared<GriAnalysis>(doc);
  const std::vector<Disclosure>& ds = a.catalogue().disclosures();
  for (size_t k = 0; k < ds.size(); ++k) {
    const DisclosureResult& r = a.results()[k];
    sdk::Coverage c;
    c.scheme = "gri";
    c.id = ds[k].id;
    c.title = a.Title(ds[k]);
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
    for (const Evidence* e : picked) c.locations.push_back({e->offset, e->length, e->quote});
    ctx.Cover(c);
  }
}

}  // namespace esgaudit::gri
