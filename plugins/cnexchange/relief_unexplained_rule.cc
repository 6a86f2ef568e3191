#include "relief_unexplained_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void ReliefUnexplainedRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies()) return;
  const bool bse = a.claim().guideline != nullptr && a.claim().guideline->id == "bse";
  const std::string article = a.English() ? (bse ? "BSE Art. 62" : "Art. 63(3)")
                                          : (bse ? "北交所第62条" : "第63条第(三)项");
  for (const Evidence& e : a.unexplained_unquantified()) {
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English()
                    ? "an indicator is given qualitatively as not quantifiable, without the reason (" + article + ", Art. 16(3))"
                    : "报告称指标无法量化或改为定性披露，但未说明原因（" + article + "、第16条第3款）";
    a.Locate(e, &f);
    f.references = a.References(article);
    ctx.Report(f);
  }
}

}  // namespace esgaudit::cnexchange
