// An esgaudit plugin written against the installed SDK only: one rule, example.scope3-missing.
#include <esgaudit/plugin.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace example {

using esgaudit::sdk::Context;
using esgaudit::sdk::Document;
using esgaudit::sdk::Finding;
using esgaudit::sdk::Registry;
using esgaudit::sdk::Rule;

// True when view offset `v` is on a line that can serve as evidence: not page furniture (running
// headers, page numbers), the table of contents or the report's own content index. The host's
// structure model says so (plugin ABI 1.1); on an older host every line counts.
bool InBody(const Document& doc, size_t v) {
  if (!doc.HasStructure()) return true;
  const esgaudit_line_structure line = doc.LineStructure(doc.LineOf(doc.ViewToText(v)));
  return (line.flags & (ESGAUDIT_LINE_FURNITURE_MASK | ESGAUDIT_LINE_TOC | ESGAUDIT_LINE_INDEX)) == 0;
}

// Offset in the matching view of the first of `words` on a body line, or npos.
size_t FirstOf(const Document& doc, const std::vector<std::string>& words) {
  const std::string_view view = doc.MatchView();
  size_t best = std::string_view::npos;
  for (const std::string& w : words) {
    for (size_t at = view.find(w); at < best; at = view.find(w, at + 1)) {
      if (InBody(doc, at)) best = at;
    }
  }
  return best;
}

// Scope 1 and Scope 2 emissions are given but Scope 3 is never mentioned.
class Scope3MissingRule : public Rule {
 public:
  static constexpr const char* kId = "example.scope3-missing";

  void Check(const Document& doc, const Context& ctx) override {
    // The matching view folds full-width forms, so "Ｓｃｏｐｅ　３" reads "Scope 3". A Scope 3
    // chapter named only in the table of contents is no statement about Scope 3.
    const size_t scope1 = FirstOf(doc, {"Scope 1", "范围一", "范围1"});
    const size_t scope2 = FirstOf(doc, {"Scope 2", "范围二", "范围2"});
    const size_t scope3 = FirstOf(doc, {"Scope 3", "范围三", "范围3"});
    if (scope1 == std::string_view::npos || scope2 == std::string_view::npos ||
        scope3 != std::string_view::npos)
      return;
    Finding f = NewFinding();  // the id and severity it was registered with
    f.message = doc.English() ? "Scope 1 and 2 emissions are given but Scope 3 is never mentioned"
                              : "披露了范围一和范围二排放，但未提及范围三";
    // Findings point into the document's text; the view has its own offsets.
    f.offset = doc.ViewToText(scope2);
    f.length = doc.ViewToText(scope2 + 7) - f.offset;
    f.references = {"GHG Protocol Scope 3 Standard"};
    ctx.Report(f);
  }
};

// One sorted function lists the plugin's rules.
void RegisterRules(Registry& registry) {
  registry.Add<Scope3MissingRule>(Scope3MissingRule::kId, ESGAUDIT_WARNING,
                                  "Scope 1 and 2 emissions without any Scope 3 statement",
                                  "example/scope3-missing.md");
}

}  // namespace example

ESGAUDIT_DEFINE_PLUGIN("example", "1.0.0", "an example plugin: Scope 3 never mentioned",
                       &example::RegisterRules)
