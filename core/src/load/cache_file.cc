#include "load/cache_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace esgaudit {

bool WriteCacheFile(const std::string& dir, const std::string& name, const std::string& content) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  static std::atomic<unsigned> counter{0};
  const std::string path = (std::filesystem::path(dir) / name).string();
  // Unique among processes (pid) and threads (counter): two writers never share a temporary file.
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool ok = true;
  for (size_t done = 0; ok && done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (ok) ok = ::rename(tmp.c_str(), path.c_str()) == 0;
  if (!ok) ::unlink(tmp.c_str());
  return ok;
}

std::optional<std::string> ReadCacheFile(const std::string& dir, const std::string& name) {
  std::ifstream f(std::filesystem::path(dir) / name, std::ios::binary);
  if (!f) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) return std::nullopt;
  return bytes;
}

}  // namespace esgaudit
