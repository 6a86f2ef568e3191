#include "claim_missing_rule.h"

#include "analysis.h"

namespace esgaudit::cnexchange {

void ClaimMissingRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  const std::string& required = a.required();
  if (required.empty()) return;
  const GuidelineSpec* want = a.pack().Guideline(required);  // nullptr for "any"
  const GuidelineSpec* got = a.claim().guideline;
  if (got != nullptr && (want == nullptr || want == got)) return;
  sdk::Finding f = NewFinding();
  f.severity = ESGAUDIT_ERROR;
  const std::string want_name = want == nullptr ? (a.English() ? "one of the 2024 exchange guidelines"
                                                               : "2024年交易所可持续发展报告指引之一")
                                                : (a.English() ? want->short_en : want->short_zh);
  const std::string& because = a.required_because();
  if (got == nullptr && !because.empty()) {
    // Required by the company's index membership or dual listing (Art. 3).
    f.message = a.English() ? "the company must publish under " + want_name + " (" + because +
                                  ") but the report does not say it follows it"
                            : "公司为" + because + "，须依据" + want_name + "披露，但报告未声明依据该指引";
    if (a.membership_statement().found()) a.Locate(a.membership_statement(), &f);
  } else if (got == nullptr) {
    f.message = a.English() ? "the policy requires " + want_name + " but the report does not say it follows it"
                            : "策略要求依据" + want_name + "编制，但报告未声明依据该指引";
  } else if (!because.empty()) {
    f.message = a.English() ? "the report follows " + got->short_en + " but the company must publish under " + want_name +
                                  " (" + because + ")"
                            : "报告声明依据" + got->short_zh + "，但公司为" + because + "，须依据" + want_name + "披露";
    a.Locate(a.claim().where, &f);
  } else {
    f.message = a.English() ? "the report follows " + got->short_en + " but the policy requires " + want_name
                            : "报告声明依据" + got->short_zh + "，但策略要求依据" + want_name;
    a.Locate(a.claim().where, &f);
  }
  f.references = {want_name, a.English() ? "Art. 3" : "第3条"};
  ctx.Report(f);
}

}  // namespace esgaudit::cnexchange
