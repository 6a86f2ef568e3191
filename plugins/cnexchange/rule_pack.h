// The cnexchange rule pack: the 2024 exchange guidelines' 21 topics with their disclosure items
// (article, level, keywords, trigger), the claim patterns, the four core elements, the report
// elements and the word lists the analysis uses, read from rules/cnexchange/guideline.json with
// Boost.PropertyTree; and the user's policy (rules/cnexchange/policy.ini: which guideline, if any,
// every audited report must follow).
#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_RULE_PACK_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_RULE_PACK_H_

#include <esgaudit/plugin.h>

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace esgaudit::cnexchange {

enum class Level { kMandatory, kEncouraged, kConditional };

// How a conditional item's trigger is decided.
enum class Trigger {
  kNone,   // not conditional, or a condition the text cannot reveal: coverage only
  kTopic,  // the topic's trigger words
  kItem,   // the item's own trigger words
  // "如有": the item's trigger words name an event (an accident, a penalty, a breach); the item
  // applies when the report says one occurred, and its keywords are the details to give.
  kEvent,
};

struct ItemSpec {
  std::string id;       // "climate-ghg-total", the row id of the standards catalogue
  std::string article;  // "第24条第1款"
  Level level = Level::kMandatory;
  std::string what;     // short Chinese summary of what the item asks for
  std::vector<std::string> keywords;
  Trigger trigger = Trigger::kNone;
  std::vector<std::string> trigger_words;
};

struct TopicSpec {
  std::string id;  // "climate"
  std::string title_zh;
  std::string title_en;
  std::string pillar;    // 环境 / 社会 / 可持续发展相关治理
  std::string articles;  // "第21-28条"
  std::vector<std::string> names;          // the topic's own names and usual synonyms
  std::vector<std::string> trigger_words;  // non-empty: the topic applies only when one appears
  std::vector<ItemSpec> items;
};

struct GuidelineSpec {
  std::string id;  // "szse" | "sse" | "bse"
  std::string title_zh;
  std::string title_en;
  std::string short_zh;  // "深交所指引第17号"
  std::string short_en;  // "SZSE Guideline No. 17"
  std::vector<std::string> needs;  // a line can match `pattern` only if it has one of these
  std::regex pattern;
};

struct PartSpec {  // one of the four core elements (治理, 战略, 影响、风险和机遇管理, 指标与目标)
  std::string id;
  std::string title_zh;
  std::string title_en;
  std::string article;
  std::vector<std::string> phrases;
  // Words of a section heading that opens this element for the topics it discusses ("战略",
  // "风险"); optional.
  std::vector<std::string> headings;
};

struct ElementSpec {  // a report element (period, board approval, topic index)
  std::string id;
  std::string title_zh;
  std::string title_en;
  std::string article;
  esgaudit_severity severity = ESGAUDIT_WARNING;
  std::string pattern;  // a pattern name, or
  std::string words;    // a word-list name
};

// A quantity the guideline names, with the labels that introduce its figures and the units it may
// be given in (Arts. 31, 35, 36, 50).
struct QuantitySpec {
  std::string id;       // "energy-total"
  std::string topic;    // the topic id it belongs to
  std::string article;  // "第35条第(一)项"
  std::string title_zh;
  std::string title_en;
  std::vector<std::string> labels;      // a row or label naming it ("综合能耗", "用水量")
  std::vector<std::string> dimensions;  // units.h dimensions it may be given in ("energy")
  bool ratio = false;  // an intensity or rate: its unit or label must give the denominator
};

// What the policy says about the listed company whose reports are audited (Art. 3: who must
// comply; Art. 4(2): the annual report's entity and period). Every field is optional.
struct CompanyPolicy {
  std::string entity;      // the listed entity's name as its annual report gives it
  std::string stock_code;  // six digits
  int fiscal_year = 0;     // the annual report's fiscal year (a calendar year); 0: not given
  std::vector<std::string> indexes;  // IndexIds() members: the indexes it is a sample of, dual listing
};

// The index memberships that make the guideline mandatory (Art. 3): "sse180", "star50",
// "szse100", "chinext", and "dual-listed" (listed both in China and abroad).
const std::vector<std::string>& IndexIds();
// The exchange whose guideline a membership makes mandatory ("sse", "szse"), or "" for
// "dual-listed" (the exchange of the listing) and unknown ids.
std::string IndexExchange(const std::string& index);
// The exchange of an A-share stock code by its first digits: 60/68 "sse", 00/30 "szse", 4/8/92
// "bse"; "" for any other.
std::string CodeExchange(const std::string& code);

class RulePack {
 public:
  // Loads cnexchange/guideline.json and cnexchange/policy.ini through doc.RulesFile, once per
  // process while the files are unchanged (sdk::CachedRuleData). Throws sdk::ConfigError naming
  // the file when either is missing or malformed.
  static std::shared_ptr<const RulePack> Load(const sdk::Document& doc);
  static RulePack FromFiles(const std::string& guideline_path, const std::string& policy_path);

  const std::vector<GuidelineSpec>& guidelines() const { return guidelines_; }
  const std::vector<TopicSpec>& topics() const { return topics_; }
  const std::vector<PartSpec>& four_parts() const { return four_parts_; }
  const std::vector<PartSpec>& climate_parts() const { return climate_parts_; }
  // The four core elements as they read inside one topic's own section (Art. 11: each
  // financially material topic), with broader words than the report-level phrases.
  const std::vector<PartSpec>& topic_parts() const { return topic_parts_; }
  const std::vector<ElementSpec>& elements() const { return elements_; }
  const std::vector<QuantitySpec>& quantities() const { return quantities_; }
  // A word list by name; throws sdk::ConfigError when absent.
  const std::vector<std::string>& Words(const std::string& name) const;
  const std::regex& Pattern(const std::string& name) const;
  // Every pattern's source text by name, as the pack writes it.
  const std::map<std::string, std::string>& pattern_sources() const { return pattern_sources_; }
  // Words one of which a line must contain for Pattern(name) to match it (a cheap filter before
  // the regular expression); empty when the pack gives none.
  const std::vector<std::string>& PatternNeeds(const std::string& name) const;
  // The guideline every report must follow ("szse", "sse", "bse", "any"), or "" for none.
  const std::string& required() const { return required_; }
  const GuidelineSpec* Guideline(const std::string& id) const;
  const CompanyPolicy& company() const { return company_; }

 private:
  std::vector<GuidelineSpec> guidelines_;
  std::vector<TopicSpec> topics_;
  std::vector<PartSpec> four_parts_;
  std::vector<PartSpec> climate_parts_;
  std::vector<PartSpec> topic_parts_;
  std::vector<ElementSpec> elements_;
  std::vector<QuantitySpec> quantities_;
  std::map<std::string, std::vector<std::string>> words_;
  std::map<std::string, std::regex> patterns_;
  std::map<std::string, std::string> pattern_sources_;
  std::map<std::string, std::vector<std::string>> pattern_needs_;
  std::string required_;
  CompanyPolicy company_;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_RULE_PACK_H_
