// Runs a program as a child process and reports its wall time, peak RSS
// (getrusage via wait4: the child alone, not the harness) and exit status.
// POSIX only; used by speed_bench for the indexers and the searcher-RSS probes.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace bench {

struct ChildResult {
  int status = -1;          ///< exit status; 128 + signal if killed
  double seconds = 0;       ///< wall time from spawn to exit
  double peak_rss_mib = 0;  ///< ru_maxrss of the child, MiB (as /usr/bin/time -v / 1024)
  double cpu_seconds = 0;   ///< user + system
  std::string out;          ///< its stdout (stderr is passed through)
};

/// Runs @p argv (argv[0] is a path) and waits for it. Its stdout is collected
/// through @p stdout_file (created or truncated). Throws if it cannot start.
inline ChildResult run_child(const std::vector<std::string>& argv, const std::string& stdout_file) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, stdout_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0]);
  int wstatus = 0;
  rusage ru{};
  if (wait4(pid, &wstatus, 0, &ru) < 0) throw std::runtime_error("wait4 failed for " + argv[0]);
  ChildResult r;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.peak_rss_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB
  r.cpu_seconds = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                  static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  std::ifstream in(stdout_file);
  std::ostringstream s;
  s << in.rdbuf();
  r.out = s.str();
  return r;
}

/// Evicts the files under @p dir from the page cache (POSIX_FADV_DONTNEED on
/// each; clean pages only, which is all of a committed index). This makes the
/// next open a cold one without root and without touching other files.
inline void evict_from_page_cache(const std::string& dir) {
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
       !ec && it != std::filesystem::end(it); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const int fd = ::open(it->path().c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  }
}

}  // namespace bench
