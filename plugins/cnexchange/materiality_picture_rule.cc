#include "materiality_picture_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void MaterialityPictureRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  if (!a.Applies() || !a.matrix_only_picture().found()) return;
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_INFO;
  f.message = a.English()
                  ? "the materiality matrix seems to be given only as a picture: the text lists no topic under a "
                    "materiality class, so whether each of the 21 topics was assessed is not checked (Art. 5(1))"
                  : "重要性矩阵似仅以图片呈现：正文未按重要性类别列出议题，无法核对21个议题是否均经评估（第5条第1款）";
  a.Locate(a.matrix_only_picture(), &f);
  f.references = a.References(a.Article("第5条第1款"));
  ctx.Report(f);
}

}  // namespace esgaudit::cnexchange
