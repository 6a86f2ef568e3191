#include "load/cache_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

namespace esgaudit {
namespace {

// The extensions of the cache's own files.
constexpr std::string_view kExtensions[] = {".hsdb", ".pack-ok"};

// 0 when `name` is none of the cache's files, 1 for a file, 2 for a temporary file.
int CacheFileKind(std::string_view name) {
  if (name.size() < 64) return 0;
  for (size_t i = 0; i < 64; ++i) {
    const char c = name[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0;
  }
  const std::string_view rest = name.substr(64);
  for (std::string_view ext : kExtensions) {
    if (rest == ext) return 1;
    if (rest.size() > ext.size() + 5 && rest.substr(0, ext.size()) == ext && rest.substr(ext.size(), 5) == ".tmp.") return 2;
  }
  return 0;
}

void Prune(const std::string& dir) {
  using Clock = std::filesystem::file_time_type::clock;
  const auto now = Clock::now();
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    const int kind = CacheFileKind(it->path().filename().string());
    if (kind == 0) continue;
    std::error_code e;
    const auto written = std::filesystem::last_write_time(it->path(), e);
    if (e) continue;
    const auto age = std::chrono::duration_cast<std::chrono::hours>(now - written).count();
    if (age > (kind == 1 ? 24 * kCacheFileDays : 24)) std::filesystem::remove(it->path(), e);
  }
}

}  // namespace

bool WriteCacheFile(const std::string& dir, const std::string& name, const std::string& content) {
  // A folder made here is the user's alone (0700, as the XDG base directory spec asks): its files are
  // loaded as compiled databases.
  std::error_code ec;
  if (!std::filesystem::exists(dir, ec)) {
    const std::filesystem::path parent = std::filesystem::path(dir).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    ::mkdir(dir.c_str(), 0700);
  }
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
  if (!ok) {
    ::unlink(tmp.c_str());
    return false;
  }
  Prune(dir);
  return true;
}

std::optional<std::string> ReadCacheFile(const std::string& dir, const std::string& name) {
  std::ifstream f(std::filesystem::path(dir) / name, std::ios::binary);
  if (!f) return std::nullopt;
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) return std::nullopt;
  return bytes;
}

}  // namespace esgaudit
