// Factories of the built-in reporters (the registry lives in reporter.cc).
#ifndef ESGAUDIT_CORE_REPORT_REPORTERS_H_
#define ESGAUDIT_CORE_REPORT_REPORTERS_H_

#include <memory>

#include "esgaudit/report.h"

namespace esgaudit {

std::unique_ptr<Reporter> MakeJsonReporter();
std::unique_ptr<Reporter> MakeTextReporter();

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_REPORT_REPORTERS_H_
