#include "load/pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>

namespace esgaudit {
namespace {

// poppler prints parser complaints to stderr by default; our contract is one line per problem.
void SilencePoppler(const std::string&, void*) {}

}  // namespace

bool LooksLikePdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

Status ExtractPdfText(const std::string& path, std::string_view bytes, std::string* utf8) {
  poppler::set_debug_error_function(&SilencePoppler, nullptr);
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Status::InputError(path + ": PDF too large");
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return Status::InputError(path + ": broken PDF (poppler could not parse it)");
  if (doc->is_locked()) return Status::InputError(path + ": encrypted PDF (password required)");
  const int pages = doc->pages();
  if (pages <= 0) return Status::InputError(path + ": PDF has no pages");
  utf8->clear();
  bool any_text = false;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (i > 0) utf8->push_back('\f');
    if (!page) continue;
    poppler::byte_array bytes_utf8 =
        page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
    std::string text(bytes_utf8.begin(), bytes_utf8.end());
    // Keep form feeds as our page separator only.
    for (char& c : text) {
      if (c == '\f') c = '\n';
    }
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) any_text = true;
    utf8->append(text);
    if (!text.empty() && text.back() != '\n') utf8->push_back('\n');
  }
  if (!any_text) return Status::InputError(path + ": PDF has no extractable text (scanned images?)");
  return Status::Ok();
}

}  // namespace esgaudit
