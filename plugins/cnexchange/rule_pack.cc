#include "rule_pack.h"

#define BOOST_BIND_GLOBAL_PLACEHOLDERS

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

#include <algorithm>

namespace esgaudit::cnexchange {
namespace {

namespace pt = boost::property_tree;

[[noreturn]] void Fail(const std::string& message) {
  throw sdk::ConfigError("cnexchange rule pack: " + message);
}

std::string Required(const pt::ptree& t, const std::string& key, const std::string& where) {
  auto v = t.get_optional<std::string>(key);
  if (!v || v->empty()) Fail(where + " lacks \"" + key + "\"");
  return *v;
}

std::vector<std::string> List(const pt::ptree& t, const std::string& key) {
  std::vector<std::string> out;
  if (auto child = t.get_child_optional(key)) {
    for (const auto& kv : *child) out.push_back(kv.second.get_value<std::string>());
  }
  return out;
}

std::regex Compile(const std::string& source, const std::string& name) {
  try {
    return std::regex(source, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::regex_error& e) {
    Fail("bad pattern \"" + name + "\": " + e.what());
  }
}

std::vector<PartSpec> Parts(const pt::ptree& root, const std::string& key) {
  std::vector<PartSpec> out;
  auto parts = root.get_child_optional(key);
  if (!parts) Fail("no \"" + key + "\"");
  for (const auto& kv : *parts) {
    PartSpec p;
    p.id = Required(kv.second, "id", "a part of " + key);
    p.title_zh = Required(kv.second, "title_zh", "part " + p.id);
    p.title_en = Required(kv.second, "title_en", "part " + p.id);
    p.article = Required(kv.second, "article", "part " + p.id);
    p.phrases = List(kv.second, "phrases");
    p.headings = List(kv.second, "headings");
    if (p.phrases.empty()) Fail("part " + p.id + " of " + key + " has no phrases");
    out.push_back(std::move(p));
  }
  if (out.size() != 4) Fail("\"" + key + "\" must list the four core elements");
  return out;
}

Level ParseLevel(const std::string& s, const std::string& item) {
  if (s == "mandatory") return Level::kMandatory;
  if (s == "encouraged") return Level::kEncouraged;
  if (s == "conditional") return Level::kConditional;
  Fail("item " + item + " has unknown level \"" + s + "\"");
}

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Trimmed(std::string s) {
  const char* space = " \t\r\n";
  s.erase(0, s.find_first_not_of(space));
  s.erase(s.find_last_not_of(space) + 1);
  return s;
}

}  // namespace

const std::vector<std::string>& IndexIds() {
  static const std::vector<std::string> kIds = {"sse180", "star50", "szse100", "chinext", "dual-listed"};
  return kIds;
}

std::string IndexExchange(const std::string& index) {
  if (index == "sse180" || index == "star50") return "sse";
  if (index == "szse100" || index == "chinext") return "szse";
  return "";
}

std::string CodeExchange(const std::string& code) {
  if (code.size() != 6) return "";
  const std::string two = code.substr(0, 2);
  if (two == "60" || two == "68") return "sse";
  if (two == "00" || two == "30") return "szse";
  if (code[0] == '4' || code[0] == '8' || two == "92") return "bse";
  return "";
}

std::shared_ptr<const RulePack> RulePack::Load(const sdk::Document& doc) {
  const std::string guideline = doc.RulesFile("cnexchange/guideline.json");
  if (guideline.empty()) Fail("cnexchange/guideline.json not found");
  const std::string policy = doc.RulesFile("cnexchange/policy.ini");
  if (policy.empty()) Fail("cnexchange/policy.ini not found");
  return sdk::CachedRuleData<RulePack>({guideline, policy}, [&] { return FromFiles(guideline, policy); });
}

RulePack RulePack::FromFiles(const std::string& guideline_path, const std::string& policy_path) {
  pt::ptree root;
  try {
    pt::read_json(guideline_path, root);
  } catch (const pt::ptree_error& e) {
    Fail(e.what());
  }
  RulePack pack;
  for (const auto& kv : root.get_child("guidelines", pt::ptree())) {
    GuidelineSpec g;
    g.id = Required(kv.second, "id", "a guideline");
    g.title_zh = Required(kv.second, "title_zh", "guideline " + g.id);
    g.title_en = Required(kv.second, "title_en", "guideline " + g.id);
    g.short_zh = Required(kv.second, "short_zh", "guideline " + g.id);
    g.short_en = Required(kv.second, "short_en", "guideline " + g.id);
    g.needs = List(kv.second, "needs");
    g.pattern = Compile(Required(kv.second, "pattern", "guideline " + g.id), g.id);
    pack.guidelines_.push_back(std::move(g));
  }
  if (pack.guidelines_.empty()) Fail("no \"guidelines\"");
  for (const auto& kv : root.get_child("words", pt::ptree())) {
    pack.words_[kv.first] = List(root.get_child("words"), kv.first);
  }
  for (const auto& kv : root.get_child("patterns", pt::ptree())) {
    pack.patterns_.emplace(kv.first, Compile(kv.second.get_value<std::string>(), kv.first));
    pack.pattern_sources_.emplace(kv.first, kv.second.get_value<std::string>());
  }
  for (const auto& kv : root.get_child("pattern_needs", pt::ptree())) {
    if (pack.patterns_.count(kv.first) == 0) Fail("pattern_needs names unknown pattern \"" + kv.first + "\"");
    pack.pattern_needs_[kv.first] = List(root.get_child("pattern_needs"), kv.first);
  }
  pack.four_parts_ = Parts(root, "four_parts");
  pack.climate_parts_ = Parts(root, "climate_parts");
  pack.topic_parts_ = Parts(root, "topic_parts");
  for (const auto& kv : root.get_child("elements", pt::ptree())) {
    ElementSpec e;
    e.id = Required(kv.second, "id", "an element");
    e.title_zh = Required(kv.second, "title_zh", "element " + e.id);
    e.title_en = Required(kv.second, "title_en", "element " + e.id);
    e.article = Required(kv.second, "article", "element " + e.id);
    const std::string severity = kv.second.get<std::string>("severity", "warning");
    if (severity == "info") {
      e.severity = ESGAUDIT_INFO;
    } else if (severity == "warning") {
      e.severity = ESGAUDIT_WARNING;
    } else {
      Fail("element " + e.id + " has unknown severity \"" + severity + "\"");
    }
    e.pattern = kv.second.get<std::string>("pattern", "");
    e.words = kv.second.get<std::string>("words", "");
    if (e.pattern.empty() == e.words.empty()) Fail("element " + e.id + " needs a pattern or words");
    if (!e.pattern.empty()) pack.Pattern(e.pattern);
    if (!e.words.empty()) pack.Words(e.words);
    pack.elements_.push_back(std::move(e));
  }
  for (const auto& kv : root.get_child("quantities", pt::ptree())) {
    QuantitySpec q;
    q.id = Required(kv.second, "id", "a quantity");
    q.topic = Required(kv.second, "topic", "quantity " + q.id);
    q.article = Required(kv.second, "article", "quantity " + q.id);
    q.title_zh = Required(kv.second, "title_zh", "quantity " + q.id);
    q.title_en = Required(kv.second, "title_en", "quantity " + q.id);
    q.labels = List(kv.second, "labels");
    q.dimensions = List(kv.second, "dimensions");
    q.ratio = kv.second.get<bool>("ratio", false);
    if (q.labels.empty() || q.dimensions.empty()) Fail("quantity " + q.id + " needs labels and dimensions");
    pack.quantities_.push_back(std::move(q));
  }
  for (const auto& kv : root.get_child("topics", pt::ptree())) {
    const pt::ptree& t = kv.second;
    TopicSpec topic;
    topic.id = Required(t, "id", "a topic");
    topic.title_zh = Required(t, "title_zh", "topic " + topic.id);
    topic.title_en = Required(t, "title_en", "topic " + topic.id);
    topic.pillar = Required(t, "pillar", "topic " + topic.id);
    topic.articles = Required(t, "articles", "topic " + topic.id);
    topic.names = List(t, "names");
    if (topic.names.empty()) Fail("topic " + topic.id + " has no names");
    topic.trigger_words = List(t, "trigger_words");
    for (const auto& ikv : t.get_child("items", pt::ptree())) {
      const pt::ptree& i = ikv.second;
      ItemSpec item;
      item.id = Required(i, "id", "an item of " + topic.id);
      item.article = Required(i, "article", "item " + item.id);
      item.level = ParseLevel(Required(i, "level", "item " + item.id), item.id);
      item.what = Required(i, "what", "item " + item.id);
      item.keywords = List(i, "keywords");
      if (item.keywords.empty()) Fail("item " + item.id + " has no keywords");
      const std::string trigger = i.get<std::string>("trigger", "none");
      if (trigger == "topic") {
        if (topic.trigger_words.empty()) Fail("item " + item.id + " uses a topic trigger its topic lacks");
        item.trigger = Trigger::kTopic;
      } else if (trigger == "item") {
        item.trigger = Trigger::kItem;
        item.trigger_words = List(i, "trigger_words");
        if (item.trigger_words.empty()) Fail("item " + item.id + " has no trigger_words");
      } else if (trigger == "event") {
        item.trigger = Trigger::kEvent;
        item.trigger_words = List(i, "trigger_words");
        if (item.trigger_words.empty()) Fail("item " + item.id + " has no trigger_words");
      } else if (trigger != "none") {
        Fail("item " + item.id + " has unknown trigger \"" + trigger + "\"");
      }
      topic.items.push_back(std::move(item));
    }
    if (topic.items.empty()) Fail("topic " + topic.id + " has no items");
    pack.topics_.push_back(std::move(topic));
  }
  if (pack.topics_.size() != 21) Fail("expected the 21 topics of the guideline, got " +
                                      std::to_string(pack.topics_.size()));
  for (const char* name : {"claim_verbs", "explained", "reasons", "financial", "impact", "double", "negators",
                           "assurance_negation", "assurance_independence", "assurance_standard",
                           "assurance_scope", "assurance_conclusion", "ghg_scope", "co2e", "tonne",
                           "ten_thousand_tonne", "unquantified", "unquantified_reasons"}) {
    pack.Words(name);
  }
  pack.Pattern("assured");
  for (const QuantitySpec& q : pack.quantities_) {
    bool known = false;
    for (const TopicSpec& t : pack.topics_) known |= t.id == q.topic;
    if (!known) Fail("quantity " + q.id + " names unknown topic \"" + q.topic + "\"");
  }

  pt::ptree policy;
  try {
    pt::read_ini(policy_path, policy);
  } catch (const pt::ptree_error& e) {
    throw sdk::ConfigError("cnexchange policy: " + std::string(e.what()));
  }
  pack.required_ = policy.get<std::string>("require", "");
  if (!pack.required_.empty() && pack.required_ != "any" && pack.Guideline(pack.required_) == nullptr) {
    throw sdk::ConfigError(policy_path + ": require = \"" + pack.required_ +
                           "\" is not one of szse, sse, bse, any");
  }
  auto bad = [&](const std::string& key, const std::string& value, const std::string& why) {
    throw sdk::ConfigError(policy_path + ": " + key + " = \"" + value + "\" " + why);
  };
  CompanyPolicy& c = pack.company_;
  c.entity = Trimmed(policy.get<std::string>("entity", ""));
  c.stock_code = Trimmed(policy.get<std::string>("stock-code", ""));
  if (!c.stock_code.empty() && (c.stock_code.size() != 6 || !AllDigits(c.stock_code)))
    bad("stock-code", c.stock_code, "is not a six-digit A-share code");
  const std::string year = Trimmed(policy.get<std::string>("fiscal-year", ""));
  if (!year.empty()) {
    if (year.size() != 4 || !AllDigits(year) || year < "1990" || year > "2100") bad("fiscal-year", year, "is not a year");
    c.fiscal_year = std::stoi(year);
  }
  const std::string indexes = policy.get<std::string>("indexes", "");
  for (size_t from = 0; from <= indexes.size();) {
    size_t comma = indexes.find(',', from);
    if (comma == std::string::npos) comma = indexes.size();
    const std::string id = Trimmed(indexes.substr(from, comma - from));
    from = comma + 1;
    if (id.empty()) continue;
    if (std::find(IndexIds().begin(), IndexIds().end(), id) == IndexIds().end())
      bad("indexes", indexes, "names \"" + id + "\", not one of sse180, star50, szse100, chinext, dual-listed");
    c.indexes.push_back(id);
  }
  return pack;
}

const std::vector<std::string>& RulePack::Words(const std::string& name) const {
  auto it = words_.find(name);
  if (it == words_.end() || it->second.empty()) Fail("no word list \"" + name + "\"");
  return it->second;
}

const std::regex& RulePack::Pattern(const std::string& name) const {
  auto it = patterns_.find(name);
  if (it == patterns_.end()) Fail("no pattern \"" + name + "\"");
  return it->second;
}

const std::vector<std::string>& RulePack::PatternNeeds(const std::string& name) const {
  static const std::vector<std::string> kNone;
  auto it = pattern_needs_.find(name);
  return it == pattern_needs_.end() ? kNone : it->second;
}

const GuidelineSpec* RulePack::Guideline(const std::string& id) const {
  for (const GuidelineSpec& g : guidelines_)
    if (g.id == id) return &g;
  return nullptr;
}

}  // namespace esgaudit::cnexchange
