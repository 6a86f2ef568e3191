#include "coverage_pass.h"

#include "analysis.h"

namespace esgaudit::gbt36001 {
namespace {

sdk::Related Locate(const Analysis& a, const Evidence& e, std::string message) {
  uint64_t begin = a.TextOffset(e.begin);
  uint64_t end = a.TextOffset(e.end);
  return sdk::Related{begin, end > begin ? end - begin : 0, std::move(message)};
}

}  // namespace

void CoveragePass(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  for (const ElementResult& e : a.elements()) {
    sdk::Coverage c;
    c.scheme = "gbt36001";
    c.id = e.spec->id;
    c.title = a.English() ? e.spec->title_en : e.spec->title_zh;
    c.status = e.status;
    for (const Evidence& ev : e.evidence) c.locations.push_back(Locate(a, ev, ev.quote));
    ctx.Cover(c);
  }
  for (const IssueResult& r : a.issues()) {
    sdk::Coverage c;
    c.scheme = "gbt36000";
    c.id = r.subject->id + "/" + r.issue->id;
    c.title = r.subject->clause.substr(r.subject->clause.rfind(' ') + 1) + " " +
              (a.English() ? r.issue->title_en : r.issue->title_zh);
    c.status = r.status;
    for (const Evidence& ev : r.evidence) c.locations.push_back(Locate(a, ev, ev.quote));
    ctx.Cover(c);
  }
}

}  // namespace esgaudit::gbt36001
