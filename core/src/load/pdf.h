// PDF text extraction (poppler-cpp), keeping the physical layout of each page.
#ifndef ESGAUDIT_CORE_LOAD_PDF_H_
#define ESGAUDIT_CORE_LOAD_PDF_H_

#include <string>
#include <string_view>

#include "esgaudit/status.h"

namespace esgaudit {

bool LooksLikePdf(std::string_view bytes);

// UTF-8 text of every page in physical layout, pages separated by a form feed. A broken,
// encrypted or text-less PDF is an input error naming `path`. A long PDF is read by up to four
// threads (never more than the cores), all joined before the call returns; the text is the same.
Status ExtractPdfText(const std::string& path, std::string_view bytes, std::string* utf8);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_LOAD_PDF_H_
