#include "indexer/terminate_guard.h"

#include <spdlog/spdlog.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <cstdlib>

#include "indexer/index_layout.h"
#include "searcher/analysis/xapian_error.h"

namespace newsearch {
namespace {

std::atomic<const TerminateGuard*> g_guard{nullptr};
std::atomic_flag g_terminating = ATOMIC_FLAG_INIT;

// The description of the Xapian::Error being handled, or "" for anything else.
std::string active_xapian_error(const std::string& index_path) {
  const std::exception_ptr e = std::current_exception();
  if (!e) return {};
  try {
    std::rethrow_exception(e);
  } catch (const Xapian::Error& x) {
    return translate_xapian_error(x, "committing to '" + index_path + "'").what();
  } catch (...) {
  }
  return {};
}

}  // namespace

TerminateGuard::TerminateGuard(std::string index_path, spdlog::logger* log)
    : index_path_(std::move(index_path)), log_(log) {
  previous_ = std::set_terminate(&TerminateGuard::on_terminate);
  g_guard.store(this);
}

TerminateGuard::~TerminateGuard() {
  g_guard.store(nullptr);
  std::set_terminate(previous_);
}

void TerminateGuard::on_terminate() {
  const TerminateGuard* guard = g_guard.load();
  const std::string message = guard ? active_xapian_error(guard->index_path_) : std::string();
  if (message.empty()) {
    if (guard && guard->previous_) guard->previous_();
    std::abort();
  }
  // A second failing thread waits for the first to end the process.
  if (g_terminating.test_and_set()) for (;;) ::pause();
  try {
    if (guard->log_) {
      guard->log_->error("{}", message);
      guard->log_->flush();
    }
    remove_stale_generations(guard->index_path_, live_generation(guard->index_path_));
  } catch (...) {
    // Best effort: the next run removes what is left (IndexStore's constructor).
  }
  std::_Exit(kFatalExitStatus);
}

}  // namespace newsearch
