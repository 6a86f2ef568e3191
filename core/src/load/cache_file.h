// Files of the persistent cache (--cache-dir): written whole or not at all, read whole.
#ifndef ESGAUDIT_CORE_LOAD_CACHE_FILE_H_
#define ESGAUDIT_CORE_LOAD_CACHE_FILE_H_

#include <optional>
#include <string>

namespace esgaudit {

// Writes `content` to dir/name through a temporary file in `dir` renamed over the name, so a reader
// in another process sees the old file, the new one or none, never a part. Creates `dir` when
// missing. False (and nothing left behind) when any step fails; the caller goes on without it.
bool WriteCacheFile(const std::string& dir, const std::string& name, const std::string& content);

// The bytes of dir/name; nullopt when it cannot be read.
std::optional<std::string> ReadCacheFile(const std::string& dir, const std::string& name);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_LOAD_CACHE_FILE_H_
