// Numeric facts: every number in a document with its unit, magnitude, qualifiers and labels.
// Shared by all plugins (they receive them as esgaudit_fact through the plugin ABI).
#ifndef ESGAUDIT_FACTS_H_
#define ESGAUDIT_FACTS_H_

#include <esgaudit/plugin_abi.h>

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace esgaudit {

class Document;
class Structure;

// A text of a fact: a view of bytes kept by the document's FactTexts, valid as long as the
// document. Laid out as esgaudit_str, so that a NumericFact is laid out as esgaudit_fact.
class FactText {
 public:
  FactText() = default;
  const char* data() const { return data_; }
  size_t size() const { return static_cast<size_t>(size_); }
  bool empty() const { return size_ == 0; }
  char operator[](size_t i) const { return data_[i]; }
  operator std::string_view() const { return std::string_view(data_, size()); }
  std::string str() const { return std::string(data_, size()); }
  friend bool operator==(FactText a, std::string_view b) { return std::string_view(a) == b; }
  friend bool operator!=(FactText a, std::string_view b) { return std::string_view(a) != b; }
  friend bool operator==(std::string_view a, FactText b) { return a == std::string_view(b); }
  friend bool operator!=(std::string_view a, FactText b) { return a != std::string_view(b); }
  friend bool operator==(FactText a, FactText b) { return std::string_view(a) == std::string_view(b); }
  friend bool operator!=(FactText a, FactText b) { return std::string_view(a) != std::string_view(b); }
  friend std::ostream& operator<<(std::ostream& out, FactText t) { return out << std::string_view(t); }

 private:
  friend class FactTexts;
  FactText(const char* data, uint64_t size) : data_(data), size_(size) {}
  const char* data_ = "";
  uint64_t size_ = 0;
};

// The bytes of the facts' texts of one document, in blocks that never move (a FactText stays valid
// when the store, or the Document holding it, is moved). Not copyable. Not thread-safe to add to.
class FactTexts {
 public:
  FactTexts() = default;
  FactTexts(FactTexts&&) = default;
  FactTexts& operator=(FactTexts&&) = default;
  FactTexts(const FactTexts&) = delete;
  FactTexts& operator=(const FactTexts&) = delete;
  // A copy of `s` kept as long as the store.
  FactText Add(std::string_view s);

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0;  // bytes used of the last block
  size_t room_ = 0;  // its size
};

// Field meanings are those of esgaudit_fact in plugin_abi.h; the layout is too (checked where the
// host hands the facts to the plugins as esgaudit_fact, without a copy).
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
  FactText unit;
  FactText unit_text;
  FactText label;
  FactText column_label;
};

// Extracts the numeric facts of a document whose lines and matching view are built, in text order,
// in two steps: the structure model needs the facts' kinds (Extract), and a fact's labels are read
// within the model's cells of its line (Label). Document::Build runs Extract, builds the structure,
// then runs Label. Pure functions of the document; deterministic.
class FactExtractor {
 public:
  // The facts' texts are kept in `texts`, which must outlive the facts.
  FactExtractor(const Document& doc, FactTexts* texts);
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
