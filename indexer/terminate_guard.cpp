#include "indexer/terminate_guard.h"

#include <spdlog/spdlog.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <cstdlib>

#include "indexer/index_layout.h"
#include "searcher/boundary/xapian_error.h"

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
  // Only one guard acts at a time: it names and cleans up one index, so a
  // second, concurrent run (another index) must not take its place.
  const TerminateGuard* none = nullptr;
  armed_ = g_guard.compare_exchange_strong(none, this);
  if (armed_) previous_ = std::set_terminate(&TerminateGuard::on_terminate);
}

TerminateGuard::~TerminateGuard() {
  if (!armed_) return;
  std::set_terminate(previous_);
  g_guard.store(nullptr);
}

void TerminateGuard::on_terminate() {
  const TerminateGuard* guard = g_guard.load();
  const std::string message = guard ? active_xapian_error(guard->index_path_) : std::string();
  if (message.empty()) {
    if (guard && guard->previous_) guard->previous_();
    std::abort();
  }
  // A second failing thread waits for the first to end the process.
  if (g_terminating.test_and_set())
    for (;;) ::pause();
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
