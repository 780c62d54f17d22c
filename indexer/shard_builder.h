// Parallel build of a fresh index: documents are analysed and written on
// several threads, each into its own shard database, and the shards are
// merged by Xapian's compaction at the end (IndexStore::adopt_shards).
//
// Why: analysis and Xapian's in-memory inversion are CPU-bound and a single
// WritableDatabase cannot be shared between threads; shards scale with the
// cores, and the merge replaces the compaction a fresh build does anyway.
// Only for an index that is empty at the start of the run (no replacing or
// deleting is needed). A run killed before the merge leaves the index as it
// was (empty); the next run starts over.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "indexer/index_store.h"
#include "indexer/source_record.h"

namespace newsearch {

class ShardBuilder {
 public:
  /// Starts @p threads workers writing shards PATH/gen-shard-K of the
  /// index @p store (whose lock is held), analysing as the store does. Each
  /// worker commits its shard every @p batch articles: Xapian's in-memory buffers get slower as
  /// they grow (bench/speed-profile.md measured 1,000 at 0.58x the CPU of Xapian's default 10,000),
  /// and smaller buffers bound memory.
  ShardBuilder(IndexStore& store, std::size_t threads, std::size_t batch);
  /// Stops the workers; shards not yet merged are removed.
  ~ShardBuilder();
  ShardBuilder(const ShardBuilder&) = delete;
  ShardBuilder& operator=(const ShardBuilder&) = delete;

  /// Queues an article (blocks while the queue is full).
  /// @throws the first error of a worker, translated to Error.
  void add(SourceRecord article, const std::string& root_key);

  /// Rewrites an article read before some of its lines became template
  /// lines; false if nothing changed (template_lines.h).
  using Reviser = std::function<bool(SourceRecord& article, const std::string& root_key)>;

  /// Waits for the workers, revises the articles @p revise_ids in their
  /// shards with @p revise (before the merge: the merged index stays
  /// compact, and a run killed before the merge leaves no partial state),
  /// then merges the shards into the index. Returns how many were revised.
  /// @throws Error on any worker or merge failure (the index stays empty).
  std::size_t finish(const std::vector<std::string>& revise_ids = {}, const Reviser& revise = {});

 private:
  struct Item {
    SourceRecord article;
    std::string root_key;
  };
  void work(std::size_t shard);
  // Commits shard @p shard, first checking the disk has room (disk_space.h).
  void commit(Xapian::WritableDatabase& db, std::size_t shard);
  bool pop(Item& item);
  void stop_workers();
  std::size_t revise_in_shards(const std::vector<std::string>& ids, const Reviser& revise);
  void rethrow_worker_error();

  IndexStore& store_;
  AnalyzerOptions analyzer_options_;  // of the store's analyzer: each worker makes its own
  std::size_t batch_;
  std::vector<std::string> dirs_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Item> queue_;
  bool closing_ = false;
  std::exception_ptr error_;
};

}  // namespace newsearch
