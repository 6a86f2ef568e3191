// Files of the persistent cache (--cache-dir): written whole or not at all, read whole.
#ifndef ESGAUDIT_CORE_LOAD_CACHE_FILE_H_
#define ESGAUDIT_CORE_LOAD_CACHE_FILE_H_

#include <optional>
#include <string>

namespace esgaudit {

// Writes `content` to dir/name through a temporary file in `dir` renamed over the name, so a reader
// in another process sees the old file, the new one or none, never a part. Creates `dir` when
// missing. False (and nothing left behind) when any step fails; the caller goes on without it.
// After a write, the cache's own files that have not been written for kCacheFileDays days (what a
// changed rule pack or another version left), and temporary files of a day (a writer killed
// midway), are removed: a file is one of the cache's when its name is 64 hex digits and an
// extension in `extensions`, or that followed by ".tmp.", and nothing else in `dir` is touched.
// A file still in use is written again, once, when a run next needs it.
bool WriteCacheFile(const std::string& dir, const std::string& name, const std::string& content);
inline constexpr int kCacheFileDays = 60;

// The bytes of dir/name; nullopt when it cannot be read.
std::optional<std::string> ReadCacheFile(const std::string& dir, const std::string& name);

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_LOAD_CACHE_FILE_H_
