// The coverage pass: one coverage record (scheme "gri") per catalogue disclosure, in catalogue
// order, with up to three evidence locations (data points first) and a short quote each.
#ifndef ESGAUDIT_PLUGINS_GRI_COVERAGE_PASS_H_
#define ESGAUDIT_PLUGINS_GRI_COVERAGE_PASS_H_

#include <esgaudit/plugin.h>

namespace esgaudit::gri {

// Registered with sdk::Registry::AddPass: runs on every document whatever the rule selection.
void EmitCoverage(const sdk::Document& doc, const sdk::Context& ctx);

}  // namespace esgaudit::gri

#endif  // ESGAUDIT_PLUGINS_GRI_COVERAGE_PASS_H_
