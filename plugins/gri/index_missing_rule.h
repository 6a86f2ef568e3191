#ifndef ESGAUDIT_PLUGINS_GRI_INDEX_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_GRI_INDEX_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gri {

// gri.index-missing: see rules/gri/index-missing.md.
class IndexMissingRule : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_INDEX_MISSING_RULE_H_
