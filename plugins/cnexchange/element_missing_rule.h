#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_ELEMENT_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_ELEMENT_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.element-missing: see rules/cnexchange/element-missing.md.
class ElementMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.element-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_ELEMENT_MISSING_RULE_H_
