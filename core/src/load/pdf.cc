#include "load/pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <memory>
#include <thread>
#include <vector>

namespace esgaudit {
namespace {

// poppler prints parser complaints to stderr by default; our contract is one line per problem.
void SilencePoppler(const std::string&, void*) {}

// Pages per extra thread: below this a second parse of the document's structure costs more than the
// pages it would take over.
constexpr int kPagesPerThread = 24;
constexpr unsigned kMaxThreads = 4;

// The text of page i in physical layout, form feeds inside it turned into newlines (a form feed is
// our page separator only), ending with a newline unless empty.
std::string PageText(poppler::document* doc, int i) {
  std::unique_ptr<poppler::page> page(doc->create_page(i));
  if (!page) return std::string();
  poppler::byte_array bytes = page->text(poppler::rectf(), poppler::page::physical_layout).to_utf8();
  std::string text(bytes.begin(), bytes.end());
  std::replace(text.begin(), text.end(), '\f', '\n');
  if (!text.empty() && text.back() != '\n') text.push_back('\n');
  return text;
}

unsigned ThreadsFor(int pages) {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return std::max(1u, std::min({cores, kMaxThreads, static_cast<unsigned>(pages / kPagesPerThread)}));
}

}  // namespace

bool LooksLikePdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

Status ExtractPdfText(const std::string& path, std::string_view bytes, std::string* utf8) {
  poppler::set_debug_error_function(&SilencePoppler, nullptr);
  if (bytes.size() > static_cast<size_t>(INT_MAX)) return Status::InputError(path + ": PDF too large");
  auto load = [&] {
    return std::unique_ptr<poppler::document>(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  };
  std::unique_ptr<poppler::document> doc = load();
  if (!doc) return Status::InputError(path + ": broken PDF (poppler could not parse it)");
  if (doc->is_locked()) return Status::InputError(path + ": encrypted PDF (password required)");
  const int pages = doc->pages();
  if (pages <= 0) return Status::InputError(path + ": PDF has no pages");

  // Pages are independent: a long document is shared among threads, each with its own poppler
  // document over the same bytes (poppler objects are not shared between threads), taking the next
  // page as it finishes one. A page's text does not depend on the thread that made it. The first
  // page is read before any other thread starts: poppler sets up process-wide state (its sRGB
  // colour profile) without a lock the first time it draws a page.
  std::vector<std::string> texts(static_cast<size_t>(pages));
  texts[0] = PageText(doc.get(), 0);
  std::atomic<int> next{1};
  auto work = [&](poppler::document* d) {
    for (int i = next++; i < pages; i = next++) texts[static_cast<size_t>(i)] = PageText(d, i);
  };
  std::vector<std::unique_ptr<poppler::document>> more;
  for (unsigned t = 1; t < ThreadsFor(pages); ++t) {
    std::unique_ptr<poppler::document> d = load();
    if (d && !d->is_locked() && d->pages() == pages) more.push_back(std::move(d));
  }
  std::vector<std::thread> threads;
  for (auto& d : more) threads.emplace_back(work, d.get());
  work(doc.get());
  for (std::thread& t : threads) t.join();

  utf8->clear();
  bool any_text = false;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) utf8->push_back('\f');
    if (texts[i].find_first_not_of(" \t\r\n") != std::string::npos) any_text = true;
    utf8->append(texts[i]);
    std::string().swap(texts[i]);
  }
  if (!any_text) return Status::InputError(path + ": PDF has no extractable text (scanned images?)");
  return Status::Ok();
}

}  // namespace esgaudit
