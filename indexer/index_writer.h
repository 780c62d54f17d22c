// The write side of the index: opening with the schema check, replacing
// documents by id, batched atomic commits.
#pragma once

#include <xapian.h>

#include <memory>
#include <string>

#include "indexer/article.h"
#include "newsearch/analyzer.h"

namespace newsearch {

/// Holds the index's write lock for its lifetime. Not thread-safe.
class IndexWriter {
 public:
  enum class Outcome { kAdded, kUpdated, kUnchanged };

  /// Opens or creates the index at @p path and stamps or checks its schema.
  /// @throws Error(kLocked) if another writer holds the lock,
  ///         Error(kSchemaMismatch) for an index of another version/analyzer,
  ///         Error(kIOError/kCorruption) otherwise.
  IndexWriter(const std::string& path, Analyzer& analyzer);
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  /// Adds the article, or replaces the one with the same id if its content
  /// hash differs. Visible to searchers after the next commit().
  Outcome put(const Article& article);

  /// Makes everything put so far durable and visible, atomically.
  void commit();

 private:
  std::string path_;
  Analyzer& analyzer_;
  Xapian::WritableDatabase db_;
};

}  // namespace newsearch
