#include "indexer/shard_builder.h"

#include <xapian.h>

#include <algorithm>
#include <filesystem>

#include "indexer/disk_space.h"
#include "indexer/variant_recorder.h"
#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "searcher/boundary/xapian_error.h"
#include "searcher/format/index_schema.h"

namespace newsearch {
namespace {

// Articles queued ahead of the workers: enough to smooth out uneven
// article sizes, small enough to bound memory.
constexpr std::size_t kQueueCapacity = 512;

}  // namespace

ShardBuilder::ShardBuilder(IndexStore& store, std::size_t threads, std::size_t batch)
    : store_(store),
      analyzer_options_(store.analyzer().options()),
      batch_(std::max<std::size_t>(batch, 1)) {
  for (std::size_t k = 0; k < threads; ++k) {
    const auto dir = std::filesystem::path(store.path()) /
                     (std::string(schema::kGenerationPrefix) + "shard-" + std::to_string(k));
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    dirs_.push_back(dir.string());
  }
  for (std::size_t k = 0; k < threads; ++k) workers_.emplace_back([this, k] { work(k); });
}

ShardBuilder::~ShardBuilder() {
  stop_workers();
  std::error_code ec;
  for (const auto& dir : dirs_) std::filesystem::remove_all(dir, ec);
}

void ShardBuilder::add(SourceRecord article, const std::string& root_key) {
  std::unique_lock lock(mu_);
  not_full_.wait(lock, [&] { return queue_.size() < kQueueCapacity || error_; });
  if (error_) {
    lock.unlock();
    rethrow_worker_error();
  }
  queue_.push_back({std::move(article), root_key});
  not_empty_.notify_one();
}

bool ShardBuilder::pop(Item& item) {
  std::unique_lock lock(mu_);
  not_empty_.wait(lock, [&] { return !queue_.empty() || closing_; });
  if (queue_.empty()) return false;
  item = std::move(queue_.front());
  queue_.pop_front();
  not_full_.notify_one();
  return true;
}

void ShardBuilder::work(std::size_t shard) {
  try {
    Analyzer analyzer(analyzer_options_);  // the store's; not thread-safe: one per worker
    Xapian::WritableDatabase db(dirs_[shard], Xapian::DB_CREATE_OR_OVERWRITE);
    VariantRecorder recorder;
    Variants variants;
    Item item;
    std::size_t pending = 0;
    while (pop(item)) {
      variants.clear();
      db.add_document(article_document(item.article, item.root_key, analyzer, &variants));
      recorder.record(db, variants);
      if (++pending == batch_) {
        commit(db, shard);
        pending = 0;
      }
    }
    commit(db, shard);
  } catch (...) {
    std::lock_guard lock(mu_);
    if (!error_) error_ = std::current_exception();
    closing_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }
}

void ShardBuilder::commit(Xapian::WritableDatabase& db, std::size_t shard) {
  try {
    require_free_space(dirs_[shard], 0, store_.min_free_bytes(),
                       "a shard of '" + store_.path() + "'");
  } catch (const Error&) {
    // Discards the uncommitted articles (see IndexStore::discard_uncommitted),
    // which the destructor would otherwise commit onto the full disk.
    db.begin_transaction(false);
    db.cancel_transaction();
    throw;
  }
  db.commit();
}

void ShardBuilder::stop_workers() {
  {
    std::lock_guard lock(mu_);
    closing_ = true;
  }
  not_empty_.notify_all();
  for (auto& w : workers_)
    if (w.joinable()) w.join();
}

void ShardBuilder::rethrow_worker_error() {
  try {
    std::rethrow_exception(error_);
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "building a shard of '" + store_.path() + "'");
  }  // a newsearch::Error (no space for a commit) leaves as it is
}

std::size_t ShardBuilder::revise_in_shards(const std::vector<std::string>& ids,
                                           const Reviser& revise) {
  if (ids.empty() || !revise) return 0;
  Analyzer analyzer(analyzer_options_);
  std::size_t revised = 0;
  try {
    for (std::size_t shard = 0; shard < dirs_.size(); ++shard) {
      Xapian::WritableDatabase db(dirs_[shard], Xapian::DB_OPEN);
      for (const std::string& id : ids) {
        const std::string term = id_term(id);
        Xapian::PostingIterator it = db.postlist_begin(term);
        if (it == db.postlist_end(term)) continue;  // in another shard
        auto [article, root] = record_of_document(db.get_document(*it));
        if (!revise(article, root)) continue;
        db.replace_document(term, article_document(article, root, analyzer));
        ++revised;
      }
      commit(db, shard);
    }
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "revising a shard of '" + store_.path() + "'");
  }
  return revised;
}

std::size_t ShardBuilder::finish(const std::vector<std::string>& revise_ids,
                                 const Reviser& revise) {
  stop_workers();
  if (error_) rethrow_worker_error();
  const std::size_t revised = revise_in_shards(revise_ids, revise);
  store_.adopt_shards(dirs_);
  return revised;
}

}  // namespace newsearch
