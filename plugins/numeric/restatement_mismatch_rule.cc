#include "restatement_mismatch_rule.h"

#include <string>

#include "figure_groups.h"

namespace esgaudit::numeric {
namespace {

std::string Printed(const sdk::Document& doc, const esgaudit_fact& f) {
  return std::string(doc.Text().substr(f.offset, f.length));
}

}  // namespace

void RestatementMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  for (const FigureConflict& c : ctx.Shared<FigureGroups>(doc).conflicts()) {
    double power;
    if (!c.from_table && MagnitudeApart(*c.odd.front().fact->fact, *c.majority.front().fact->fact, &power)) continue;
    const esgaudit_fact& odd = *c.odd.front().fact->fact;
    const esgaudit_fact& major = *c.majority.front().fact->fact;
    bool layout = false;
    for (const auto* cluster : {&c.odd, &c.majority}) {
      for (const Mention& m : *cluster) layout |= m.from_layout;
    }
    std::string a = Printed(doc, odd), b = Printed(doc, major);
    std::string line = std::to_string(doc.LineOf(major.offset) + 1);
    sdk::Finding out = NewFinding();
    out.references = {"GRI 2-4"};
    // Through the structure model: an error only when label, unit and period are certain. Against a
    // table's row, a warning: the row and the clause are paired by their words.
    out.severity = c.from_table ? ESGAUDIT_WARNING
                   : (c.from_model ? c.certain : !layout) ? ESGAUDIT_ERROR
                                                          : ESGAUDIT_WARNING;
    out.offset = odd.offset;
    out.length = odd.length;
    if (c.from_table) {
      const std::string year = std::to_string(c.table_year);
      out.message = doc.English() ? "'" + c.label + "' is stated as '" + a + "' here but as '" + b + "' (" + c.unit +
                                        ", " + year + ") in the table on line " + line
                                  : "“" + c.label + "”此处为“" + a + "”，第 " + line + " 行的表格（" + year + "年，单位" +
                                        c.unit + "）为“" + b + "”";
    } else {
      out.message =
          doc.English()
              ? "'" + c.label + "' is stated as '" + a + "' here but as '" + b + "' on line " + line
              : "“" + c.label + "”此处为“" + a + "”，第 " + line + " 行为“" + b + "”";
    }
    for (const auto* cluster : {&c.odd, &c.majority}) {
      for (const Mention& m : *cluster) {
        const esgaudit_fact& f = *m.fact->fact;
        if (&f == &odd) continue;
        out.related.push_back({f.offset, f.length, "“" + c.label + "”: " + Printed(doc, f)});
      }
    }
    ctx.Report(out);
  }
}

}  // namespace esgaudit::numeric
