// Runs a real program (the built binaries, the scripts) and captures its
// output and exit status, for end-to-end tests.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace newsearch::test {

struct ProcessResult {
  int status = -1;         ///< exit status, or 128 + signal number
  std::string out;         ///< stdout
  std::string err;         ///< stderr
  double cpu_seconds = 0;  ///< user + system CPU time of the process (and its reaped children)
};

/// Runs @p argv (argv[0] is a path) with extra environment @p env
/// ("NAME=value") and stdin from /dev/null. Kills it after @p timeout_s.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& env = {}, int timeout_s = 120);

/// A program started in the background (stdin, stdout and stderr on
/// /dev/null), for tests that act while it runs. Killed on destruction.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  /// True until the process has exited (reaps it when it has).
  bool running();
  /// Sends SIGKILL.
  void kill_now();
  /// Waits for exit; returns the status as ProcessResult::status does.
  int wait();

 private:
  int pid_ = -1;
  int status_ = -1;
};

/// True if @p f returns (or throws) within @p seconds. It runs in a forked
/// child, so a call that would block forever is killed instead of hanging
/// the test; what it does or returns is not seen by the caller.
bool returns_within(const std::function<void()>& f, int seconds);

/// The non-empty lines of captured output @p s, without their newlines.
std::vector<std::string> non_empty_lines(const std::string& s);

/// Path of a built program: NEWSEARCH_BIN_DIR/name.
std::string bin(const std::string& name);

}  // namespace newsearch::test
