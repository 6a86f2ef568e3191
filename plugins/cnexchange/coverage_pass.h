#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_COVERAGE_PASS_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_COVERAGE_PASS_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// Emits coverage on every report, claimed or not: scheme "cn-exchange" has one record per topic of
// the guideline's 议题索引表 (in its order; covered, partial or missing, with the evidence), scheme
// "cn-exchange-items" one record per disclosure item. `esgaudit index --scheme cn-exchange` prints
// the topic index table from it.
void CoveragePass(const sdk::Document& doc, const sdk::Context& ctx);

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_COVERAGE_PASS_H_
