#ifndef ESGAUDIT_PLUGINS_GRI_LEGACY_ID_RULE_H_
#define ESGAUDIT_PLUGINS_GRI_LEGACY_ID_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gri {

// gri.legacy-id: see rules/gri/legacy-id.md.
class LegacyIdRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_LEGACY_ID_RULE_H_
