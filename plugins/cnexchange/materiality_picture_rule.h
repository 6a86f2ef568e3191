#ifndef ESGAUDIT_PLUGINS_CNEXCHANGE_MATERIALITY_PICTURE_RULE_H_
#define ESGAUDIT_PLUGINS_CNEXCHANGE_MATERIALITY_PICTURE_RULE_H_

#include <esgaudit/plugin.h>

namespace esgaudit::cnexchange {

// cnexchange.materiality-picture: see rules/cnexchange/materiality-picture.md.
class MaterialityPictureRule : public sdk::Rule {
 public:
  static constexpr const char* kId = "cnexchange.materiality-picture";
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override;
};

}  // namespace esgaudit::cnexchange

#endif  // ESGAUDIT_PLUGINS_CNEXCHANGE_MATERIALITY_PICTURE_RULE_H_
