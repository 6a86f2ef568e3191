#include "share_mismatch_rule.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "relation_analysis.h"

namespace esgaudit::numeric {

void ShareMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const RelationAnalysis& a = ctx.Shared<RelationAnalysis>(doc);
  std::set<int> done;  // a part is checked once, against its first base
  for (const ShareClaim& c : a.share_claims()) {
    if (!done.insert(c.part).second) continue;
    const Figure& part = a.figures()[c.part];
    const Figure& base = a.figures()[c.base];
    // A part above its base is numeric.subset-exceeds-total's finding.
    if (base.low <= 0 || part.low < 0 || part.low > base.high) continue;
    auto quoted = [](const std::string& label) {
      return label.empty() ? std::string() : "“" + label + "”";
    };
    auto named = [](const std::string& label) {
      return label.empty() ? std::string() : "'" + label + "' ";
    };
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.related = {{part.offset, part.length, "part " + part.text},
                 {base.offset, base.length, "base " + base.text}};
    char computed[32];
    if (c.share < 0) {
      // A fraction (三分之一, 1/3): exact, or a lower bound (超过1/3).
      if (FractionAgrees(part, base, c)) continue;
      std::snprintf(computed, sizeof computed, "%.1f%%", 100 * part.value / base.value);
      const std::string stated(doc.Text().substr(c.offset, c.length));
      f.message = doc.English() ? named(part.label) + part.text + " is " + computed + " of " + named(base.label) +
                                      base.text + ", but " + stated + " is stated"
                                : "占比与数值不符：" + quoted(part.label) + part.text + "占" + quoted(base.label) +
                                      base.text + "的" + computed + "，文中为“" + stated + "”";
      f.offset = c.offset;
      f.length = c.length;
      ctx.Report(f);
      continue;
    }
    const Figure& share = a.figures()[c.share];
    // Rounded or cut off, a share printed 29.30 for 29.307 is read as stated (ShareAgrees).
    if (ShareAgrees(part, base, share)) continue;
    std::snprintf(computed, sizeof computed, "%.*f%%",
                  std::max(0, static_cast<int>(share.decimals)), 100 * part.value / base.value);
    if (doc.English()) {
      f.message = c.rate ? named(share.label) + "is stated as " + share.text + ", but " +
                               named(part.label) + part.text + " / " + named(base.label) +
                               base.text + " = " + computed
                         : named(part.label) + part.text + " is " + computed + " of " +
                               named(base.label) + base.text + ", but " + share.text + " is stated";
    } else if (c.rate) {
      // "比率与数值不符：“就业率”为90%，但“实现就业”950人 / “应届毕业生”1,000人 = 95%".
      f.message = "比率与数值不符：" + quoted(share.label) + "为" + share.text + "，但" +
                  quoted(part.label) + part.text + " / " + quoted(base.label) + base.text + " = " +
                  computed;
    } else {
      f.message = "占比与数值不符：" + quoted(part.label) + part.text + "占" + quoted(base.label) +
                  base.text + "的" + computed + "，文中为" + share.text;
    }
    f.offset = share.offset;
    f.length = share.length;
    ctx.Report(f);
  }
}

}  // namespace esgaudit::numeric
