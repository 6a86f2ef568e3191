#include "esgaudit/document.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "analyse/normalize.h"
#include "analyse/text_width.h"
#include "load/decode.h"
#include "load/pdf.h"
#include "load/sha256.h"

namespace esgaudit {
namespace {

constexpr uint64_t kColumnMarkBytes = 512;

// Display width of `line` as TextWidth counts it, appending a mark at the first code point
// boundary after every kColumnMarkBytes bytes.
uint32_t MeasureLine(std::string_view line, uint64_t base, std::vector<std::pair<uint64_t, uint32_t>>* marks) {
  if (line.size() <= kColumnMarkBytes) return TextWidth(line);
  uint32_t col = 0;
  uint64_t next_mark = kColumnMarkBytes;
  size_t at = 0;
  while (at < line.size()) {
    size_t stop = std::min<size_t>(line.size(), next_mark);
    // Extend to a code point boundary: never split a UTF-8 sequence between two measurements.
    while (stop < line.size() && (static_cast<unsigned char>(line[stop]) & 0xC0) == 0x80) ++stop;
    col += TextWidth(line.substr(at, stop - at), col);
    at = stop;
    if (at < line.size()) marks->push_back({base + at, col});
    next_mark = at + kColumnMarkBytes;
  }
  return col;
}

}  // namespace

Status Document::Load(const std::string& path, Document* out) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return Status::InputError(path + ": no such file");
  if (std::filesystem::is_directory(status)) return Status::InputError(path + ": is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InputError(path + ": cannot read file (permission denied?)");
  // Read straight into one string of the file's size (a string stream would hold a second copy: 16 MB
  // more at the peak for a 16 MB PDF); a file whose size is unknown (a pipe) is read as a stream.
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0 && in) {
    bytes.resize(static_cast<size_t>(size));
    in.read(bytes.data(), size);
    if (in.gcount() != size) return Status::InputError(path + ": read error");
  } else {
    in.clear();
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return Status::InputError(path + ": read error");
    bytes = std::move(buffer).str();
  }
  Document doc;
  Status s = Decode(path, bytes, &doc);
  if (!s.ok()) return s;
  // The file's bytes are not read again once decoded: freed before the build (a PDF's are many times
  // its text, and were held through the whole build).
  std::string().swap(bytes);
  doc.Build();
  *out = std::move(doc);
  return Status::Ok();
}

Status Document::Decode(const std::string& path, std::string_view bytes, Document* doc) {
  doc->path_ = path;
  doc->sha256_ = Sha256Hex(bytes);
  if (LooksLikePdf(bytes)) {
    doc->encoding_ = "pdf";
    return ExtractPdfText(path, bytes, &doc->text_);
  }
  return DecodeText(path, bytes, &doc->text_, &doc->encoding_);
}

Status Document::FromBytes(const std::string& path, std::string_view bytes, Document* out) {
  Document doc;
  Status s = Decode(path, bytes, &doc);
  if (!s.ok()) return s;
  doc.Build();
  *out = std::move(doc);
  return Status::Ok();
}

Document Document::FromUtf8(std::string path, std::string text) {
  Document doc;
  doc.path_ = std::move(path);
  doc.sha256_ = Sha256Hex(text);
  doc.text_ = std::move(text);
  doc.Build();
  return doc;
}

void Document::Build() {
  const std::string& t = text_;
  const bool paged = t.find('\f') != std::string::npos;
  uint32_t page = 1;
  uint64_t start = 0;
  lines_.clear();
  std::vector<std::pair<uint64_t, uint32_t>> marks;
  auto end_line = [&](uint64_t end) {
    uint64_t len = end - start;
    if (len > 0 && t[start + len - 1] == '\r') --len;
    Line line;
    line.offset = start;
    line.length = len;
    line.page = paged ? page : 0;
    line.width = MeasureLine(std::string_view(t).substr(start, len), start, &marks);
    lines_.push_back(line);
  };
  // From one line feed or form feed to the next by memchr (a test of every byte cost more than the
  // rest of the split); each is looked for again only once passed.
  size_t nl = t.find('\n');
  size_t ff = paged ? t.find('\f') : std::string::npos;
  for (size_t at = std::min(nl, ff); at != std::string::npos; at = std::min(nl, ff)) {
    if (at == nl) {
      end_line(at);
      nl = t.find('\n', at + 1);
    } else {
      if (at > start) end_line(at);
      ++page;
      ff = t.find('\f', at + 1);
    }
    start = at + 1;
  }
  if (start < t.size()) end_line(t.size());
  lines_.shrink_to_fit();  // grown by doubling, kept as long as the document
  column_marks_.clear();
  column_marks_.reserve(marks.size());
  for (const auto& [offset, width] : marks) column_marks_.push_back({offset, width});
  page_count_ = 0;
  if (paged) {
    // A trailing form feed (pdftotext ends every page with one) opens no new page.
    uint32_t last = 1;
    for (const Line& l : lines_) last = std::max(last, l.page);
    page_count_ = last;
  }
  MatchView mv = BuildMatchView(t);
  view_ = std::move(mv.view);
  view_to_text_ = std::move(mv.view_to_text);
  // Reserved at the text's size; folds and removed blanks leave the view shorter.
  view_.shrink_to_fit();
  view_to_text_.shrink_to_fit();
  text_to_view_ = std::move(mv.text_to_view);
  fact_texts_ = FactTexts();
  FactExtractor facts(*this, &fact_texts_);
  facts_ = facts.Extract();
  facts_.shrink_to_fit();  // grown by doubling; the slack would stay through every plugin's run
  structure_ = Structure::Build(*this);
  facts.Label(structure_, &facts_);
}

std::string_view Document::LineText(size_t i) const {
  return std::string_view(text_).substr(lines_[i].offset, lines_[i].length);
}

uint32_t Document::LineOf(uint64_t offset) const {
  if (lines_.empty()) return 0;
  auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                             [](uint64_t o, const Line& l) { return o < l.offset; });
  if (it == lines_.begin()) return 0;
  return static_cast<uint32_t>(it - lines_.begin() - 1);
}

uint32_t Document::PrefixWidth(const Line& l, uint64_t offset) const {
  uint64_t end = std::min(offset, l.offset + l.length);
  if (end <= l.offset) return 0;
  uint64_t from = l.offset;
  uint32_t width = 0;
  if (l.length > kColumnMarkBytes) {
    // The last mark at or before `end` inside this line (marks of earlier lines lie before l.offset).
    auto it = std::upper_bound(column_marks_.begin(), column_marks_.end(), end,
                               [](uint64_t o, const ColumnMark& m) { return o < m.offset; });
    if (it != column_marks_.begin() && std::prev(it)->offset > l.offset) {
      from = std::prev(it)->offset;
      width = std::prev(it)->width;
    }
  }
  return width + TextWidth(std::string_view(text_).substr(from, end - from), width);
}

uint32_t Document::ColumnOf(uint64_t offset) const {
  if (lines_.empty()) return 1;
  return 1 + PrefixWidth(lines_[LineOf(offset)], offset);
}

uint32_t Document::WidthBetween(uint64_t from, uint64_t to) const {
  if (to <= from || from >= text_.size()) return 0;
  to = std::min<uint64_t>(to, text_.size());
  const Line& l = lines_[LineOf(from)];
  uint32_t start_col = PrefixWidth(l, from);
  return TextWidth(std::string_view(text_).substr(from, to - from), start_col);
}

uint64_t Document::ViewToText(uint64_t v) const {
  if (view_to_text_.empty()) return 0;
  return view_to_text_[std::min<uint64_t>(v, view_to_text_.size() - 1)];
}

uint64_t Document::TextToView(uint64_t t) const {
  if (text_to_view_.empty()) return 0;
  return text_to_view_[std::min<uint64_t>(t, text_to_view_.size() - 1)];
}

}  // namespace esgaudit
