// A part printed with its share of a base the text gives, the share off the part's figure over the
// base's by more than the last printed digit.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_SHARE_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_SHARE_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class ShareMismatchRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_SHARE_MISMATCH_RULE_H_
