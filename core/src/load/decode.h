// Decoding report bytes to UTF-8.
#ifndef ESGAUDIT_CORE_LOAD_DECODE_H_
#define ESGAUDIT_CORE_LOAD_DECODE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "esgaudit/status.h"

namespace esgaudit {

// Accepts UTF-8 (BOM stripped), UTF-16LE/BE with a BOM, and GB18030/GBK detected by ICU's charset
// detector. Refuses empty input, binary data (NUL or control bytes) and undecodable bytes with one
// line naming `path` and the line/offset of the first bad byte.
Status DecodeText(const std::string& path, std::string_view bytes, std::string* utf8,
                  std::string* encoding);

// Binary if `s` has a NUL byte or more than 1% C0 control bytes other than whitespace and ESC.
// *where is the first NUL's offset, else the first control byte's (untouched when there is none).
bool LooksBinary(std::string_view s, size_t* where);

// The offset of the first ill-formed UTF-8 sequence in `s` (as ICU's U8_NEXT reads it), or npos.
size_t FirstInvalidUtf8(std::string_view s);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_LOAD_DECODE_H_
