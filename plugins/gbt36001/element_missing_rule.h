// gbt36001.element-missing: Reports a report element GB/T 36001 asks for that a report citing GB/T
// 36001 as its basis lacks. See rules/gbt36001/element-missing.md.
#ifndef ESGAUDIT_PLUGINS_GBT36001_ELEMENT_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_GBT36001_ELEMENT_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gbt36001 {

class ElementMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "gbt36001.element-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_ELEMENT_MISSING_RULE_H_
