// The same labelled figure (same label, unit and year) stated with different values in two places.
#ifndef ESGAUDIT_PLUGINS_NUMERIC_RESTATEMENT_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_NUMERIC_RESTATEMENT_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::numeric {

class RestatementMismatchRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::numeric

#endif  // ESGAUDIT_PLUGINS_NUMERIC_RESTATEMENT_MISMATCH_RULE_H_
