#include "indexer/index_layout.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string_view>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/index_stub.h"

namespace newsearch {
namespace fs = std::filesystem;
namespace {

std::string errno_text() { return std::strerror(errno); }

[[noreturn]] void io_error(const std::string& what) {
  throw Error(ErrorCode::kIOError, what + ": " + errno_text());
}

fs::path stub_path(const std::string& index) { return fs::path(index) / schema::kStubFile; }

std::string stub_tmp_name() { return std::string(schema::kStubFile) + ".tmp"; }

void fsync_path(const fs::path& p, int flags) {
  const int fd = ::open(p.c_str(), flags);
  if (fd < 0) io_error("cannot open " + p.string());
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) io_error("cannot fsync " + p.string());
}

bool is_generation(const std::string& name) { return name.starts_with(schema::kGenerationPrefix); }

}  // namespace

IndexLock::IndexLock(const std::string& index_path) {
  std::error_code ec;
  fs::create_directories(index_path, ec);
  if (ec)  // say why (EACCES, EROFS, ENOTDIR), not that the lock file is missing
    throw Error(ErrorCode::kIOError,
                "cannot create index directory '" + index_path + "': " + ec.message());
  const fs::path lock = fs::path(index_path) / schema::kLockFile;
  fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) io_error("cannot create lock file " + lock.string());
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    char pid[32] = {0};
    const ssize_t n = ::pread(fd_, pid, sizeof pid - 1, 0);
    ::close(fd_);
    fd_ = -1;
    std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : "unknown";
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    throw Error(
        ErrorCode::kLocked,
        "index '" + index_path + "' is being written by another indexer (pid " + holder + ")");
  }
  const std::string me = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, me.data(), me.size(), 0) < 0) {
    // The pid is only informational; the flock is what excludes.
  }
}

IndexLock::~IndexLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

bool has_index_layout(const std::string& index_path) {
  std::error_code ec;
  return fs::exists(stub_path(index_path), ec);
}

void check_index_target(const std::string& index_path) {
  std::error_code ec;
  if (!fs::exists(index_path, ec)) return;
  if (!fs::is_directory(index_path, ec))
    throw Error(ErrorCode::kInvalidArgument, "'" + index_path + "' is a file, not an index");
  for (const auto& entry : fs::directory_iterator(index_path, ec)) {
    const std::string name = entry.path().filename().string();
    // What a run killed while creating the index leaves behind is ours.
    if (name != schema::kLockFile && !is_generation(name) && name != stub_tmp_name())
      throw Error(ErrorCode::kInvalidArgument,
                  "'" + index_path + "' exists and is not an index; refusing to write into it");
  }
}

std::string live_generation(const std::string& index_path) {
  const std::string raw = stub::read_raw(index_path);
  if (raw.empty())
    throw Error(ErrorCode::kCorruption, "index '" + index_path + "' has a missing or empty " +
                                            std::string(schema::kStubFile) + " file");
  const std::string gen = stub::parse(index_path, raw);
  std::error_code ec;
  if (!fs::is_directory(fs::path(index_path) / gen, ec))
    throw Error(ErrorCode::kCorruption, stub::missing_generation_message(index_path, gen));
  return gen;
}

std::string next_generation(const std::string& generation) {
  // Only "gen-<decimal>" has a successor: a stub edited by hand may name
  // anything that starts with the prefix.
  const std::string_view digits =
      std::string_view(generation)
          .substr(std::min(generation.size(), schema::kGenerationPrefix.size()));
  unsigned long n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (!generation.starts_with(schema::kGenerationPrefix) || digits.empty() || ec != std::errc() ||
      end != digits.data() + digits.size() || n == std::numeric_limits<unsigned long>::max())
    throw Error(
        ErrorCode::kCorruption,
        "generation '" + generation + "' is not named gen-<number>; cannot name the next one");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%06lu", std::string(schema::kGenerationPrefix).c_str(), n + 1);
  // The stub reader takes only names it can count on from (index_stub.h):
  // never switch the stub to one it would refuse.
  if (!stub::is_generation_name(buf))
    throw Error(ErrorCode::kCorruption,
                "generation '" + generation + "' is the last one an index can have; rebuild it");
  return buf;
}

void switch_generation(const std::string& index_path, const std::string& generation) {
  const fs::path stub = stub_path(index_path);
  const fs::path tmp = fs::path(index_path) / stub_tmp_name();
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "glass " << generation << '\n';
    if (!out.flush()) io_error("cannot write " + tmp.string());
  }
  fsync_path(tmp, O_RDONLY);
  if (std::rename(tmp.c_str(), stub.c_str()) != 0) io_error("cannot replace " + stub.string());
  fsync_path(index_path, O_RDONLY | O_DIRECTORY);
}

void remove_stale_generations(const std::string& index_path, const std::string& live) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(index_path, ec)) {
    const std::string name = entry.path().filename().string();
    if (is_generation(name) && name != live) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace newsearch
