#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_ENTITY_MISMATCH_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_ENTITY_MISMATCH_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.entity-mismatch: see rules/cnexchange/entity-mismatch.md.
class EntityMismatchRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.entity-mismatch";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_ENTITY_MISMATCH_RULE_H_
