#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_TOPIC_UNASSESSED_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_TOPIC_UNASSESSED_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.topic-unassessed: see rules/cnexchange/topic-unassessed.md.
class TopicUnassessedRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.topic-unassessed";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_TOPIC_UNASSESSED_RULE_H_
