// Numeric facts: every number in a document with its unit, magnitude, qualifiers and labels.
// Shared by all plugins (they receive them as esgaudit_fact through the plugin ABI).
#ifndef ESGAUDIT_FACTS_H_
#define ESGAUDIT_FACTS_H_

#include <esgaudit/plugin_abi.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace esgaudit {

class Document;
class Structure;

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

// Extracts the numeric facts of a document whose lines and matching view are built, in text order,
// in two steps: the structure model needs the facts' kinds (Extract), and a fact's labels are read
// within the model's cells of its line (Label). Document::Build runs Extract, builds the structure,
// then runs Label. Pure functions of the document; deterministic.
class FactExtractor {
 public:
  explicit FactExtractor(const Document& doc);
  ~FactExtractor();
  FactExtractor(const FactExtractor&) = delete;
  FactExtractor& operator=(const FactExtractor&) = delete;

  // Kind, value, unit and qualifiers of every fact; label and column_label are left empty. A bare
  // number opening a line followed by 、 ) . ("1、"), or alone on its line, is an ordinal.
  // Thousands separators are commas; groups of three digits set one space apart belong to a figure
  // only in a document that writes its thousands with spaces (core/src/analyse/space_thousands.h).
  std::vector<NumericFact> Extract();
  // Fills label from the text of each fact's cell, and column_label from the structure model: a
  // fact in a model table gets the header of its column, a fact the model lists as an infographic
  // figure labelled from other lines (split, stacked) gets the figure's label, a quantity or
  // percentage in the run of a chart caption (Structure::chart_captions) with none of these gets
  // the caption, any other fact none. A bare number opening a cell inside a line and followed by 、 ) . becomes an ordinal.
  // A bare 19xx/20xx that Extract took for a year becomes a quantity where it stands alone in a cell
  // of a table's grid after a count of its row, with counts and no year above and below it in its
  // column.
  // REQUIRES: `facts` is what Extract returned, `structure` was built on the same document.
  void Label(const Structure& structure, std::vector<NumericFact>* facts);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace esgaudit

#endif  // ESGAUDIT_FACTS_H_
