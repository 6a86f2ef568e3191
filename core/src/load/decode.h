// Decoding report bytes to UTF-8.
#ifndef ESGAUDIT_CORE_LOAD_DECODE_H_
#define ESGAUDIT_CORE_LOAD_DECODE_H_

#include <string>
#include <string_view>

#include "esgaudit/status.h"

namespace esgaudit {

// Accepts UTF-8 (BOM stripped), UTF-16LE/BE with a BOM, and GB18030/GBK detected by ICU's charset
// detector. Refuses empty input, binary data (NUL or control bytes) and undecodable bytes with one
// line naming `path` and the line/offset of the first bad byte.
Status DecodeText(const std::string& path, std::string_view bytes, std::string* utf8,
                  std::string* encoding);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_LOAD_DECODE_H_
