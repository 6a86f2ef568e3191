#include "rule_pack.h"

#define BOOST_BIND_GLOBAL_PLACEHOLDERS

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <set>

namespace esgaudit::gbt36001 {
namespace {

namespace pt = boost::property_tree;

const std::set<std::string>& KnownDetectors() {
  static const std::set<std::string> k = {
      "",        "period",    "scope",   "basis", "cycle",     "contact", "stakeholder",
      "subject", "kpi-table", "outlook", "index", "assurance", "feedback",
      "letter"};
  return k;
}

std::string Required(const pt::ptree& t, const std::string& key, const std::string& where) {
  auto v = t.get_optional<std::string>(key);
  if (!v || v->empty())
    throw sdk::ConfigError("gbt36001 rule pack: " + where + " lacks \"" + key + "\"");
  return *v;
}

std::vector<std::string> List(const pt::ptree& t, const std::string& key) {
  std::vector<std::string> out;
  auto child = t.get_child_optional(key);
  if (!child) return out;
  for (const auto& kv : *child) out.push_back(kv.second.get_value<std::string>());
  return out;
}

bool Flag(const pt::ptree& t, const std::string& key, bool fallback) {
  auto v = t.get_optional<std::string>(key);
  if (!v) return fallback;
  return *v == "true";
}

}  // namespace

std::shared_ptr<const RulePack> RulePack::Load(const sdk::Document& doc) {
  std::string path = doc.RulesFile("gbt36001/elements.json");
  if (path.empty()) throw sdk::ConfigError("gbt36001 rule pack: gbt36001/elements.json not found");
  return sdk::CachedRuleData<RulePack>({path}, [&] { return FromFile(path); });
}

RulePack RulePack::FromFile(const std::string& path) {
  pt::ptree root;
  try {
    pt::read_json(path, root);
  } catch (const pt::ptree_error& e) {
    throw sdk::ConfigError("gbt36001 rule pack: " + std::string(e.what()));
  }
  RulePack pack;
  if (auto patterns = root.get_child_optional("patterns")) {
    for (const auto& kv : *patterns) {
      try {
        pack.patterns_.emplace(kv.first, std::regex(kv.second.get_value<std::string>(),
                                                    std::regex::ECMAScript | std::regex::optimize));
        pack.sources_.emplace(kv.first, kv.second.get_value<std::string>());
        pack.required_.emplace(kv.first, RequiredLiterals::Of(kv.second.get_value<std::string>()));
      } catch (const std::regex_error& e) {
        throw sdk::ConfigError("gbt36001 rule pack: bad pattern \"" + kv.first + "\": " + e.what());
      }
    }
  }
  auto subjects = root.get_child_optional("subjects");
  if (subjects) {
    for (const auto& kv : *subjects) {
      const pt::ptree& s = kv.second;
      SubjectSpec spec;
      spec.id = Required(s, "id", "a subject");
      spec.clause = Required(s, "clause", "subject " + spec.id);
      spec.names = List(s, "names");
      auto issues = s.get_child_optional("issues");
      if (!issues)
        throw sdk::ConfigError("gbt36001 rule pack: subject " + spec.id + " lacks \"issues\"");
      for (const auto& ikv : *issues) {
        const pt::ptree& i = ikv.second;
        IssueSpec issue;
        issue.id = Required(i, "id", "an issue of " + spec.id);
        issue.title_zh = Required(i, "title_zh", "issue " + issue.id);
        issue.title_en = Required(i, "title_en", "issue " + issue.id);
        issue.code = i.get<std::string>("code", "");
        issue.keywords = List(i, "keywords");
        if (issue.keywords.empty())
          throw sdk::ConfigError("gbt36001 rule pack: issue " + issue.id + " has no keywords");
        spec.issues.push_back(std::move(issue));
      }
      pack.subjects_.push_back(std::move(spec));
    }
  }
  auto elements = root.get_child_optional("elements");
  if (!elements) throw sdk::ConfigError("gbt36001 rule pack: no \"elements\"");
  for (const auto& kv : *elements) {
    const pt::ptree& e = kv.second;
    ElementSpec spec;
    spec.id = Required(e, "id", "an element");
    spec.title_zh = Required(e, "title_zh", "element " + spec.id);
    spec.title_en = Required(e, "title_en", "element " + spec.id);
    spec.clause = Required(e, "clause", "element " + spec.id);
    spec.required = Flag(e, "required", true);
    spec.parameter = Flag(e, "parameter", false);
    spec.detector = e.get<std::string>("detector", "");
    if (KnownDetectors().count(spec.detector) == 0)
      throw sdk::ConfigError("gbt36001 rule pack: element " + spec.id + " has unknown detector \"" +
                             spec.detector + "\"");
    spec.subject = e.get<std::string>("subject", "");
    if (spec.detector == "subject" && pack.Subject(spec.subject) == nullptr)
      throw sdk::ConfigError("gbt36001 rule pack: element " + spec.id +
                             " names unknown subject \"" + spec.subject + "\"");
    spec.headings = List(e, "headings");
    spec.phrases = List(e, "phrases");
    spec.partial = List(e, "partial");
    for (const char* key : {"entity_words", "basis_verbs", "basis_objects", "method_columns", "method_words",
                            "financial_words", "form_words", "box_words", "headings_en", "signature_titles_en",
                            "signature_titles_zh", "reviewer_titles_zh", "phrases_en", "entity_words_en",
                            "principle_words", "group_words"}) {
      std::vector<std::string> words = List(e, key);
      if (!words.empty()) spec.words[key] = std::move(words);
    }
    pack.elements_.push_back(std::move(spec));
  }
  return pack;
}

const SubjectSpec* RulePack::Subject(const std::string& id) const {
  for (const SubjectSpec& s : subjects_)
    if (s.id == id) return &s;
  return nullptr;
}

const std::regex& RulePack::Pattern(const std::string& name) const {
  auto it = patterns_.find(name);
  if (it == patterns_.end())
    throw sdk::ConfigError("gbt36001 rule pack: no pattern \"" + name + "\"");
  return it->second;
}

const std::string& RulePack::PatternSource(const std::string& name) const {
  auto it = sources_.find(name);
  if (it == sources_.end())
    throw sdk::ConfigError("gbt36001 rule pack: no pattern \"" + name + "\"");
  return it->second;
}

const RequiredLiterals& RulePack::PatternLiterals(const std::string& name) const {
  auto it = required_.find(name);
  if (it == required_.end())
    throw sdk::ConfigError("gbt36001 rule pack: no pattern \"" + name + "\"");
  return it->second;
}

std::vector<std::string> RulePack::PatternNames() const {
  std::vector<std::string> names;
  for (const auto& [name, source] : sources_) names.push_back(name);
  return names;
}

}  // namespace esgaudit::gbt36001
