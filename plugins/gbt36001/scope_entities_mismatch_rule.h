// gbt36001.scope-entities-mismatch: Reports entities named by the scope statement or the entity
// abbreviations table (企业称谓说明) but not by the other. See
// rules/gbt36001/scope-entities-mismatch.md.
#ifndef ESGAUDIT_PLUGINS_GBT36001_SCOPE_ENTITIES_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_GBT36001_SCOPE_ENTITIES_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gbt36001 {

class ScopeEntitiesMismatchRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "gbt36001.scope-entities-mismatch";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_SCOPE_ENTITIES_MISMATCH_RULE_H_
