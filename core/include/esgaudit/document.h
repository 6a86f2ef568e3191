// Document: a report loaded into UTF-8 text, lines, pages, a matching view and numeric facts.
//
// Offsets are byte offsets into text() (UTF-8). For UTF-8 input without a BOM they are file offsets;
// for other encodings they refer to the decoded text. Lines exclude their terminator ("\n", "\r\n",
// or a form feed, which also starts a new page). Immutable after loading: safe to share across threads.
#ifndef ESGAUDIT_DOCUMENT_H_
#define ESGAUDIT_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "esgaudit/facts.h"
#include "esgaudit/status.h"
#include "esgaudit/structure.h"

namespace esgaudit {

struct Line {
  uint64_t offset = 0;  // start of the line in text()
  uint64_t length = 0;  // bytes, without the terminator
  uint32_t page = 0;    // 1-based; 0 when the document has no page breaks
  uint32_t width = 0;   // display width (East Asian Wide/Fullwidth = 2, combining = 0, tab to next 8)
};

class Document {
 public:
  // Reads and decodes a report file: PDF (by its %PDF- magic, via poppler, pages kept) or text
  // (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK detected with ICU).
  // Errors name the file: missing, unreadable, empty, binary, undecodable bytes (with offset),
  // unknown encoding, broken PDF.
  static Status Load(const std::string& path, Document* out);
  // As Load, from bytes already in memory; `path` is used for messages and reporting only.
  static Status FromBytes(const std::string& path, std::string_view bytes, Document* out);
  // For tests and tools: UTF-8 text taken as is.
  static Document FromUtf8(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::string& encoding() const { return encoding_; }  // "utf-8", "utf-16le", "gb18030", "pdf"
  const std::string& sha256() const { return sha256_; }      // of the original bytes, lower-case hex

  size_t line_count() const { return lines_.size(); }
  const Line& line(size_t i) const { return lines_[i]; }
  const std::vector<Line>& lines() const { return lines_; }
  std::string_view LineText(size_t i) const;
  // 0 when the text had no form feeds (pages are never guessed).
  uint32_t page_count() const { return page_count_; }

  // 0-based index of the line containing `offset` (a terminator belongs to the line it ends).
  uint32_t LineOf(uint64_t offset) const;
  // 1-based display column of `offset` within its line. Cost bounded by a checkpoint interval
  // (see column_marks_), not by the line length.
  uint32_t ColumnOf(uint64_t offset) const;
  // Display width of text()[from, to) where both lie in one line.
  uint32_t WidthBetween(uint64_t from, uint64_t to) const;

  // Matching view: NFKC per code point (full-width digits/letters, ideographic space folded),
  // in a text written mostly in Traditional characters, Traditional Han folded to Simplified
  // (報告範圍 reads 报告范围), CR
  // removed, and short whitespace runs (< 4 columns) between CJK characters (or CJK and a digit)
  // removed, so "坚  战  贡  献" reads "坚战贡献". Line breaks are kept.
  const std::string& view() const { return view_; }
  uint64_t ViewToText(uint64_t view_offset) const;
  uint64_t TextToView(uint64_t text_offset) const;

  const std::vector<NumericFact>& facts() const { return facts_; }
  // What the layout means: line roles, cells, furniture, TOC, index, sections, tables, metadata.
  const Structure& structure() const { return structure_; }

 private:
  // path_, sha256_, encoding_ and text_ from a file's bytes; Build not run.
  static Status Decode(const std::string& path, std::string_view bytes, Document* doc);
  void Build();  // lines, pages, view, facts and structure from text_
  // Display width of text_[line start, offset) for the line `l` holding offset (clamped to its end).
  uint32_t PrefixWidth(const Line& l, uint64_t offset) const;

  // A code point boundary in a long line and the display width of the line before it.
  struct ColumnMark {
    uint64_t offset;
    uint32_t width;
  };

  std::string path_;
  std::string text_;
  std::string encoding_ = "utf-8";
  std::string sha256_;
  std::vector<Line> lines_;
  // For lines longer than kColumnMarkBytes, one mark about every kColumnMarkBytes bytes (sorted by
  // offset), so ColumnOf on a line of megabytes measures at most that many bytes.
  std::vector<ColumnMark> column_marks_;
  uint32_t page_count_ = 0;
  std::string view_;
  std::vector<uint32_t> view_to_text_;  // size view_.size() + 1
  std::vector<uint32_t> text_to_view_;  // size text_.size() + 1
  FactTexts fact_texts_;  // the texts facts_ view
  std::vector<NumericFact> facts_;
  Structure structure_;
};

}  // namespace esgaudit

#endif  // ESGAUDIT_DOCUMENT_H_
