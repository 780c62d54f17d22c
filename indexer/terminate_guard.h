// Ends the indexer cleanly when libxapian calls std::terminate on a write
// error it cannot report, instead of aborting with a core dump.
//
// Why: libxapian 1.4 (glass backend) writes the last value chunk of each
// slot from the destructor of Glass::ValueUpdater (glass_values.cc), which
// every commit with new document values runs. A destructor is noexcept, so
// when that write fails (a full disk: "Error writing block N (No space left
// on device)"), or when it fails again while an earlier write error unwinds
// through it, the DatabaseError cannot propagate and the C++ runtime calls
// std::terminate. Any commit can hit it: a shard's in a parallel build, the
// batched commits of an incremental run, a WritableDatabase destructor's.
// Neither the database handle nor the thread can continue then, but the
// index on disk can: a glass commit is atomic, so the last commit is intact,
// exactly as after a kill.
#pragma once

#include <exception>
#include <string>

namespace spdlog {
class logger;
}

namespace newsearch {

/// While alive, a std::terminate with an active Xapian::Error logs that
/// error through @p log (as one "committing to 'PATH': ..." error line),
/// removes the generation directories of @p index_path other than the live
/// one (the shards and the partial next generation this run wrote; the
/// index lock is held), and ends the process with status kFatalExitStatus
/// (std::_Exit: no destructor runs). Any other terminate goes to the handler
/// that was installed before. Restores that handler when destroyed.
/// One acts at a time per process: a guard made while another is alive
/// (a second run_indexer on another index, in another thread) is inert.
class TerminateGuard {
 public:
  /// The indexer's exit status for an index failure (docs/indexing.md, "Summary, exit status,
  /// logging").
  static constexpr int kFatalExitStatus = 2;

  TerminateGuard(std::string index_path, spdlog::logger* log);
  ~TerminateGuard();
  TerminateGuard(const TerminateGuard&) = delete;
  TerminateGuard& operator=(const TerminateGuard&) = delete;

 private:
  [[noreturn]] static void on_terminate();

  std::string index_path_;
  spdlog::logger* log_;
  std::terminate_handler previous_ = nullptr;
  bool armed_ = false;  // this guard installed the handler
};

}  // namespace newsearch
