#ifndef ESGAUDIT_CORE_LOAD_SHA256_H_
#define ESGAUDIT_CORE_LOAD_SHA256_H_

#include <string>
#include <string_view>

namespace esgaudit {

// Lower-case hex SHA-256 of `bytes` (OpenSSL EVP).
std::string Sha256Hex(std::string_view bytes);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_LOAD_SHA256_H_
