#include "indexer/disk_space.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "newsearch/error.h"

namespace newsearch {
namespace {

std::string megabytes(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

std::uint64_t free_bytes(const std::string& path) {
  struct statvfs st {};
  if (::statvfs(path.c_str(), &st) != 0)
    throw Error(ErrorCode::kIOError,
                "cannot read the free space of '" + path + "': " + std::strerror(errno));
  return static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
}

std::uint64_t directory_bytes(const std::string& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code fec;
    if (it->is_regular_file(fec)) total += it->file_size(fec);
  }
  return total;
}

void require_free_space(const std::string& path, std::uint64_t need, std::uint64_t margin,
                        const std::string& what) {
  if (need == 0 && margin == 0) return;
  const std::uint64_t have = free_bytes(path);
  if (have >= need + margin) return;
  throw Error(ErrorCode::kIOError,
              "No space left on device for " + what + ": " + megabytes(have) + " free, " +
                  megabytes(need) + " needed plus the " + megabytes(margin) +
                  " kept free (--min-free-mb); the index keeps its last commit");
}

}  // namespace newsearch
