// Factories of the built-in reporters (the registry lives in reporter.cc) and helpers they share.
#ifndef ESGAUDIT_CORE_REPORT_REPORTERS_H_
#define ESGAUDIT_CORE_REPORT_REPORTERS_H_

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "esgaudit/report.h"

namespace esgaudit {

std::unique_ptr<Reporter> MakeCsvReporter();
std::unique_ptr<Reporter> MakeHtmlReporter();
std::unique_ptr<Reporter> MakeJsonReporter();
std::unique_ptr<Reporter> MakeJsonlReporter();
std::unique_ptr<Reporter> MakeJunitReporter();
std::unique_ptr<Reporter> MakeSarifReporter();
std::unique_ptr<Reporter> MakeTextReporter();

using Json = nlohmann::ordered_json;

// One report as in the JSON contract's "reports" array.
Json ReportJson(const ReportResult& r, const ReportOptions& options);
// The run manifest as in the JSON contract's "manifest".
Json ManifestJson(const RunManifest& m);
// Compact or indented dump that never throws (invalid UTF-8 is replaced).
std::string Dump(const Json& j, int indent);

// Escapes &, <, >, " and ' for XML and HTML text and attribute values; drops characters XML 1.0
// forbids (C0 controls other than tab, newline, carriage return).
std::string XmlEscape(const std::string& s);
// An RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
std::string CsvField(const std::string& s);
// The first https:// URL in a rule doc, or "".
std::string FirstUrl(const std::string& markdown);
// "p.12" or "" for an unknown page.
std::string PageLabel(uint32_t page);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_REPORT_REPORTERS_H_
