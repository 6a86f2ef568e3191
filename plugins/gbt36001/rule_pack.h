// The gbt36001 rule pack: report elements, GB/T 36000 core subjects with their issues, and the
// patterns the detectors use, read from rules/gbt36001/elements.json with Boost.PropertyTree.
#ifndef ESGAUDIT_PLUGINS_GBT36001_RULE_PACK_H_
#define ESGAUDIT_PLUGINS_GBT36001_RULE_PACK_H_

#include <esgaudit/plugin.h>

#include "required_literals.h"

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace esgaudit::gbt36001 {

struct IssueSpec {
  std::string id;  // "pollution-prevention"
  std::string title_zh;
  std::string title_en;
  std::string code;  // GB/T 36002 class ("H-1"), may be empty
  std::vector<std::string> keywords;
};

struct SubjectSpec {
  std::string id;                  // "environment"
  std::string clause;              // "GB/T 36000-2015 7.5"
  std::vector<std::string> names;  // the subject's own names ("公平运行实践", "公平运营")
  std::vector<IssueSpec> issues;
};

struct ElementSpec {
  std::string id;  // "report-period"
  std::string title_zh;
  std::string title_en;
  std::string clause;
  bool required = true;               // GB/T 36001 asks for it (see the element's doc; mostly [U])
  bool parameter = false;             // a report parameter: missing it is an error, not a warning
  std::string detector;               // "" = generic headings/phrases; else a named detector
  std::string subject;                // for detector "subject": the SubjectSpec id
  std::vector<std::string> headings;  // a heading with a body after it covers the element
  std::vector<std::string> phrases;   // a body line containing one covers the element
  std::vector<std::string> partial;   // a body line containing one makes it partial
  // Detector-specific word lists ("entity_words", "basis_verbs", ...).
  std::map<std::string, std::vector<std::string>> words;
};

class RulePack {
 public:
  // Loads rules/gbt36001/elements.json through doc.RulesFile, once per process while the file is
  // unchanged (sdk::CachedRuleData). Throws sdk::ConfigError when the file is missing or malformed
  // (unknown detector, bad regex, missing field).
  static std::shared_ptr<const RulePack> Load(const sdk::Document& doc);
  // Parses a pack from a file path; `name` is used in error messages.
  static RulePack FromFile(const std::string& path);

  const std::vector<ElementSpec>& elements() const { return elements_; }
  const std::vector<SubjectSpec>& subjects() const { return subjects_; }
  const SubjectSpec* Subject(const std::string& id) const;
  // A compiled pattern by name ("date_range", "phone", ...). Throws sdk::ConfigError when absent.
  const std::regex& Pattern(const std::string& name) const;
  // The source of pattern `name` as the pack writes it. Throws sdk::ConfigError when absent.
  const std::string& PatternSource(const std::string& name) const;
  // The names of the patterns, sorted.
  std::vector<std::string> PatternNames() const;
  // What every match of pattern `name` holds, read from its source when the pack loads. Throws
  // sdk::ConfigError when absent.
  const RequiredLiterals& PatternLiterals(const std::string& name) const;

 private:
  std::vector<ElementSpec> elements_;
  std::vector<SubjectSpec> subjects_;
  std::map<std::string, std::regex> patterns_;
  std::map<std::string, std::string> sources_;
  std::map<std::string, RequiredLiterals> required_;
};

}  // namespace esgaudit::gbt36001

#endif  // ESGAUDIT_PLUGINS_GBT36001_RULE_PACK_H_
