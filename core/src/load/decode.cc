#include "load/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include <esgaudit/bytes8.h>

#include "analyse/text_width.h"

namespace esgaudit {

namespace {

// PlainThreeByteAt(p, left) != 0, without the decode: a lead byte from E1 to EF but ED, two
// continuation bytes.
inline bool PlainThreeByteSequenceAt(const uint8_t* p, size_t left) {
  return left >= 3 && static_cast<unsigned>(p[0]) - 0xe1u <= 0xefu - 0xe1u && p[0] != 0xed &&
         ((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) < 0x40u;
}

}  // namespace

size_t FirstInvalidUtf8(std::string_view s) {
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    // ASCII and the three-byte sequences PlainThreeByteAt reads are well-formed: skipped at once,
    // ASCII eight bytes at a time where it can.
    uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ULL) == 0)) i += 8;
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    // A run of them (a Chinese text's Han and punctuation) is passed in a loop of its own, each
    // tested as PlainThreeByteAt tests it.
    if (PlainThreeByteSequenceAt(p + i, static_cast<size_t>(n - i))) {
      i += 3;
      while (PlainThreeByteSequenceAt(p + i, static_cast<size_t>(n - i))) i += 3;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(start);
  }
  return std::string_view::npos;
}

namespace {

size_t LineAt(std::string_view s, size_t offset) {
  return 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + std::min(offset, s.size()), '\n'));
}

std::string Hex(uint8_t b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", b);
  return buf;
}

}  // namespace

bool LooksBinary(std::string_view s, size_t* where) {
  if (const void* nul = std::memchr(s.data(), 0, s.size())) {
    *where = static_cast<size_t>(static_cast<const char*>(nul) - s.data());
    return true;
  }
  auto control = [](uint8_t b) {
    return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b;
  };
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  size_t controls = 0;
  auto count = [&](size_t i) {
    if (control(p[i]) && controls++ == 0) *where = i;
  };
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    // Eight bytes with none below 0x20 (the test finds every such byte, and may take a byte at or
    // above it for one: the bytes are then looked at one by one) hold no control byte.
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL) == 0) continue;
    // A byte below 0x20 is here (most often a line feed): the control bytes' marks, exactly (BytesIn
    // takes no byte from 0x80 on), are the bytes below 0x20 but \t to \r (\t \n \v \f \r) and ESC.
    const uint64_t marks = bytes8::BytesIn(w, 0, 0x1f) & ~(bytes8::BytesIn(w, '\t', '\r') | bytes8::BytesEqual(w, 0x1b));
    if (marks == 0) continue;
    if (controls == 0) *where = i + static_cast<size_t>(__builtin_ctzll(marks) >> 3);  // the first byte lowest
    controls += bytes8::CountMarks(marks);
  }
  for (; i < n; ++i) count(i);
  return controls * 100 > n;
}

namespace {

// Converts with ICU, stopping at the first undecodable sequence.
Status Convert(const std::string& path, std::string_view bytes, const char* charset,
               std::string* utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status), &ucnv_close);
  if (U_FAILURE(status)) return Status::Internal(path + ": no ICU converter for " + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string wide(bytes.size() + 1, u'\0');
  const char* src = bytes.data();
  UChar* dst = reinterpret_cast<UChar*>(wide.data());
  ucnv_toUnicode(conv.get(), &dst, dst + wide.size(), &src, bytes.data() + bytes.size(), nullptr,
                 true, &status);
  if (U_FAILURE(status)) {
    char bad[8];
    int8_t len = sizeof bad;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), bad, &len, &ignored);
    size_t offset = static_cast<size_t>(src - bytes.data()) - static_cast<size_t>(std::max<int8_t>(len, 0));
    return Status::InputError(path + ":" + std::to_string(LineAt(bytes, offset)) +
                              ": undecodable bytes at offset " + std::to_string(offset) + " (" +
                              charset + ")");
  }
  const auto units = static_cast<int32_t>(dst - reinterpret_cast<UChar*>(wide.data()));
  utf8->clear();
  icu::UnicodeString(reinterpret_cast<const UChar*>(wide.data()), units).toUTF8String(*utf8);
  return Status::Ok();
}

// The ICU detector's verdict if it names a supported legacy charset with some confidence.
std::string DetectLegacy(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return "";
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &count, &status);
  if (U_FAILURE(status)) return "";
  for (int32_t i = 0; i < count; ++i) {
    std::string name = ucsdet_getName(matches[i], &status);
    int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (U_FAILURE(status)) return "";
    if (name == "GB18030" && confidence >= 10) return "gb18030";
  }
  return "";
}

}  // namespace

Status DecodeText(const std::string& path, std::string_view bytes, std::string* utf8,
                  std::string* encoding) {
  if (bytes.empty()) return Status::InputError(path + ": empty file");
  if (bytes.size() >= 2) {
    auto b0 = static_cast<uint8_t>(bytes[0]), b1 = static_cast<uint8_t>(bytes[1]);
    if ((b0 == 0xff && b1 == 0xfe) || (b0 == 0xfe && b1 == 0xff)) {
      *encoding = b0 == 0xff ? "utf-16le" : "utf-16be";
      Status s = Convert(path, bytes.substr(2), b0 == 0xff ? "UTF-16LE" : "UTF-16BE", utf8);
      if (!s.ok()) return s;
      if (utf8->empty()) return Status::InputError(path + ": empty file");
      return Status::Ok();
    }
  }
  std::string_view body = bytes;
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  if (body.empty()) return Status::InputError(path + ": empty file");
  size_t where = 0;
  if (LooksBinary(body, &where)) {
    const std::string what = body[where] == 0 ? "NUL byte" : "control byte " + Hex(static_cast<uint8_t>(body[where]));
    return Status::InputError(path + ": binary file (" + what + " at offset " +
                              std::to_string(where + (bytes.size() - body.size())) + ")");
  }
  size_t bad = FirstInvalidUtf8(body);
  if (bad == std::string_view::npos) {
    *encoding = "utf-8";
    utf8->assign(body.data(), body.size());
    return Status::Ok();
  }
  std::string legacy = bytes.size() == body.size() ? DetectLegacy(body) : "";
  if (!legacy.empty()) {
    *encoding = legacy;
    return Convert(path, body, legacy.c_str(), utf8);
  }
  size_t offset = bad + (bytes.size() - body.size());
  return Status::InputError(path + ":" + std::to_string(LineAt(bytes, offset)) +
                            ": invalid UTF-8 byte " + Hex(static_cast<uint8_t>(bytes[offset])) +
                            " at offset " + std::to_string(offset) +
                            " and no other supported encoding (UTF-16 with BOM, GB18030) fits");
}

}  // namespace esgaudit
