#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_TOPIC_MISSING_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_TOPIC_MISSING_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.topic-missing: see rules/cnexchange/topic-missing.md.
class TopicMissingRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.topic-missing";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_TOPIC_MISSING_RULE_H_
