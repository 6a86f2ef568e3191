// The coverage pass: emits one "gbt36001" coverage record per report element, in rule-pack order,
// then one "gbt36000" record per core-subject issue ("environment/pollution-prevention").
#ifndef ESGAUDIT_PLUGINS_GBT36001_COVERAGE_PASS_H_
#define ESGAUDIT_PLUGINS_GBT36001_COVERAGE_PASS_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gbt36001 {

// Registered with sdk::Registry::AddPass; runs whatever the rule selection.
void CoveragePass(const sdk::Document& doc, const sdk::Context& ctx);

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_COVERAGE_PASS_H_
