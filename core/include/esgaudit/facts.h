// Numeric facts: every number in a document with its unit, magnitude, qualifiers and labels.
// Shared by all plugins (they receive them as esgaudit_fact through the plugin ABI).
#ifndef ESGAUDIT_FACTS_H_
#define ESGAUDIT_FACTS_H_

#include <esgaudit/plugin_abi.h>

#include <cstdint>
#include <string>
#include <vector>

namespace esgaudit {

class Document;

// Field meanings are those of esgaudit_fact in plugin_abi.h.
struct NumericFact {
  uint64_t offset = 0;
  uint64_t length = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  esgaudit_fact_kind kind = ESGAUDIT_FACT_QUANTITY;
  uint32_t qualifiers = 0;
  double value = 0;
  double printed = 0;
  int32_t decimals = 0;
  double magnitude = 1;
  std::string unit;
  std::string unit_text;
  std::string label;
  std::string column_label;
};

// Extracts the facts of a document whose lines and matching view are built, in text order.
// Pure function of the document; deterministic.
std::vector<NumericFact> ExtractFacts(const Document& doc);

}  // namespace esgaudit

#endif  // ESGAUDIT_FACTS_H_
