// JUnit XML as GitLab, Jenkins and Azure read it: a test suite per report, a test case per rule
// (skipped when the selection turned it off), a failure per counted finding at or above --fail-on.
// Inputs that did not load are test suites with one errored case.
#include <map>
#include <set>
#include <sstream>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

std::string Where(const Location& l) {
  std::string w = l.file;
  if (l.line != 0) w += ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
  if (l.page != 0) w += " (page " + std::to_string(l.page) + ")";
  return w;
}

class JunitReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& o) const override {
    std::ostringstream body;
    size_t total_tests = 0, total_failures = 0, total_errors = 0;
    for (const ReportResult& r : reports) {
      std::map<std::string, std::vector<const Finding*>> by_rule;
      std::set<std::string> seen;
      for (const Finding& f : r.findings) {
        seen.insert(f.rule);
        if (f.suppression.kind.empty() && !o.fail_never && f.severity >= o.fail_threshold) by_rule[f.rule].push_back(&f);
      }
      std::vector<std::pair<std::string, std::string>> cases;  // rule id, plugin
      if (o.rules != nullptr) {
        for (const RuleInfo& rule : *o.rules) cases.push_back({rule.id, rule.plugin});
      } else {
        for (const std::string& id : seen) cases.push_back({id, id.substr(0, id.find('.'))});
      }
      size_t failures = 0;
      for (const auto& [id, findings] : by_rule) failures += findings.empty() ? 0 : 1;
      std::ostringstream suite;
      for (const auto& [id, plugin] : cases) {
        suite << "    <testcase classname=\"" << XmlEscape(plugin) << "\" name=\"" << XmlEscape(id) << "\" file=\""
              << XmlEscape(r.path) << "\"";
        auto it = by_rule.find(id);
        if (it == by_rule.end()) {
          suite << "/>\n";
          continue;
        }
        suite << ">\n";
        for (const Finding* f : it->second) {
          suite << "      <failure type=\"" << SeverityName(f->severity) << "\" message=\"" << XmlEscape(f->message)
                << "\">" << XmlEscape(Where(f->location) + ": " + f->message + " [" + f->rule + "]\n" + f->evidence)
                << "</failure>\n";
        }
        suite << "    </testcase>\n";
      }
      total_tests += cases.size();
      total_failures += failures;
      body << "  <testsuite name=\"" << XmlEscape(r.path) << "\" tests=\"" << cases.size() << "\" failures=\""
           << failures << "\" errors=\"0\" skipped=\"0\">\n"
           << suite.str() << "  </testsuite>\n";
    }
    if (o.manifest != nullptr) {
      for (const FailedInput& f : o.manifest->failed) {
        ++total_tests;
        ++total_errors;
        body << "  <testsuite name=\"" << XmlEscape(f.path) << "\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
             << "    <testcase classname=\"esgaudit\" name=\"load\" file=\"" << XmlEscape(f.path) << "\">\n"
             << "      <error type=\"input\" message=\"" << XmlEscape(f.error) << "\">" << XmlEscape(f.error)
             << "</error>\n    </testcase>\n  </testsuite>\n";
      }
    }
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        << "<testsuites name=\"esgaudit\" tests=\"" << total_tests << "\" failures=\"" << total_failures
        << "\" errors=\"" << total_errors << "\">\n"
        << body.str() << "</testsuites>\n";
    return out.str();
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeJunitReporter() { return std::make_unique<JunitReporter>(); }

}  // namespace esgaudit
