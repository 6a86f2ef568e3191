// What the relation tests share: the numeric plugin's registry and a selection of only its relation rules
// (numeric.percent-sum, numeric.parts-total, numeric.subset-exceeds-total, numeric.share-mismatch); the other
// numeric rules have
// their own tests.
#pragma once

#include "esgaudit/rule_selection.h"
#include "esgaudit_testing.h"
#include "register.h"

namespace esgaudit::numeric {

inline const sdk::Registry& Registry() {
  static const sdk::Registry& r = sdk::BuildRegistry(&RegisterRules);
  return r;
}

inline const RuleSelection& Selection() {
  static const RuleSelection s = [] {
    RuleSelection r;
    r.Enable("numeric.percent-sum");
    r.Enable("numeric.parts-total");
    r.Enable("numeric.subset-exceeds-total");
    r.Enable("numeric.share-mismatch");
    return r;
  }();
  return s;
}

}  // namespace esgaudit::numeric
