// Opening the index for reading, as one unit: a pool of Xapian handles on
// the live generation that the index's stub names (format/index_stub.h),
// each used by one search at a time; a handle follows a compaction (a new
// generation) when it is next used, and picks up commits after reopen().
// A search overtaken by a commit or a compaction is retried here, so that
// what runs on a handle (Searcher, searcher.cpp) never sees either. A
// sharded or remote index would be another implementation of this unit.
#pragma once

#include <spdlog/logger.h>
#include <xapian.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "newsearch/analyzer.h"

namespace newsearch {

/// One Xapian handle with its analyzer (neither is thread-safe), used by one
/// search at a time.
struct IndexHandle {
  Xapian::Database db;
  std::string stub;  ///< the stub as read when db was opened
  Analyzer analyzer;
  std::uint64_t epoch = 0;  ///< IndexHandles' epoch when db was last (re)opened
  bool opened = false;      ///< db is open (a new handle opens in run())
};

/// The handles of the index at one path. Thread-safe.
class IndexHandles {
 public:
  /// Opens the index at @p path (one handle) and checks that it is a
  /// newsearch index this build reads. @p log may be null (silent).
  /// @throws Error(kNotFound) if there is nothing at @p path,
  ///         Error(kSchemaMismatch), Error(kCorruption) for a stub naming a
  ///         missing generation, or the translated Xapian error.
  IndexHandles(std::string path, std::shared_ptr<spdlog::logger> log);
  IndexHandles(const IndexHandles&) = delete;
  IndexHandles& operator=(const IndexHandles&) = delete;

  /// Runs @p use on a handle of the live generation (acquired from the pool,
  /// or opened; a compaction since its last use is followed first), then
  /// returns the handle to the pool. The retry policy: a concurrent commit
  /// that invalidated the revision being read (DatabaseModifiedError) is
  /// recovered by reopening; a generation deleted under the search by a
  /// compaction (an opening or read error, or a missing stored value, once
  /// the stub has moved on) by opening the new one; a recovery overtaken in
  /// turn is retried the same way (5 quick attempts, then while the index
  /// keeps changing, for up to 3 s). Every
  /// Xapian error leaves as newsearch::Error ("<what> in '<path>': ..."); a
  /// handle that saw one is dropped, not reused. The caller's own mistakes
  /// (kQuerySyntax, kInvalidArgument) pass through at once.
  void run(const char* what, const std::function<void(IndexHandle&)>& use);

  /// run() for a @p use that returns a value.
  template <typename F>
  auto with_handle(const char* what, F&& use) {
    std::optional<std::invoke_result_t<F&, IndexHandle&>> result;
    run(what, [&](IndexHandle& h) { result.emplace(use(h)); });
    return std::move(*result);
  }

  /// Makes the commits since the last call visible to the searches that
  /// start afterwards: one handle reopens now (so that an index gone bad is
  /// reported here), the others when they are next used.
  void reopen();

 private:
  enum class Recovery { kNone, kReopen, kOpenFresh };

  void open_fresh(IndexHandle& h);
  Recovery moved_on(IndexHandle& h);
  void refresh(IndexHandle& h);
  std::unique_ptr<IndexHandle> acquire();
  void release(std::unique_ptr<IndexHandle> h);

  const std::string path_;
  const std::shared_ptr<spdlog::logger> log_;  // null: silent
  std::atomic<std::uint64_t> epoch_{0};        // bumped by reopen()
  std::mutex mu_;                              // guards idle_
  std::vector<std::unique_ptr<IndexHandle>> idle_;
};

}  // namespace newsearch
