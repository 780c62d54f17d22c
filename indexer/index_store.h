// The write side of the index: locking, layout, schema check, replacing
// documents by id, pruning, batched atomic commits and compaction.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/index_layout.h"
#include "indexer/source_record.h"
#include "indexer/variant_recorder.h"
#include "newsearch/analyzer.h"

namespace newsearch {

/// Holds the index's write lock for its lifetime. Not thread-safe.
class IndexStore {
 public:
  enum class Outcome { kAdded, kUpdated, kUnchanged };

  /// Locks the index at @p path (creating it if needed), removes generations
  /// left by an interrupted compaction, and stamps or checks the schema
  /// (schema_check.h). Articles are analysed by the analyzer the index was
  /// built with (analyzer_for_index(): the default for a new index).
  /// @throws Error(kLocked) if another writer holds the lock,
  ///         Error(kSchemaMismatch) for an index of another version/analyzer,
  ///         Error(kInvalidArgument) if path is an unrelated directory,
  ///         Error(kIOError/kCorruption) otherwise.
  explicit IndexStore(const std::string& path);
  /// The same, analysing with an analyzer of @p analyzer's options: a new
  /// index is stamped with its id; an existing one must have been built
  /// with it (else kSchemaMismatch).
  IndexStore(const std::string& path, const Analyzer& analyzer);
  ~IndexStore();
  IndexStore(const IndexStore&) = delete;
  IndexStore& operator=(const IndexStore&) = delete;

  /// Adds the article, or replaces the one with the same id if its content
  /// hash differs. @p root_key names the SOURCE it came from (for prune()).
  /// Visible to searchers after the next commit().
  Outcome put(const SourceRecord& article, const std::string& root_key);

  /// Rewrites an indexed article from @p article (the same content read
  /// again with better knowledge: template lines learned since). Its
  /// content hash stays. kUpdated, or kAdded if it was not indexed.
  Outcome revise(const SourceRecord& article, const std::string& root_key);

  /// How many articles hold @p term (uncommitted changes included).
  std::uint32_t term_frequency(const std::string& term);

  /// The ids of the articles holding @p term.
  std::vector<std::string> ids_with(const std::string& term);

  /// The indexed article @p id as a record to revise(): its stored
  /// record, its SOURCE root key and its XL terms. nullopt if absent.
  std::optional<std::pair<SourceRecord, std::string>> stored(const std::string& id);

  /// True if an article with this id is indexed with this content hash,
  /// read from the same SOURCE root (a file moved to another root is stored
  /// again so that it belongs to the new one).
  bool unchanged(const std::string& id, const std::string& hash, const std::string& root_key);

  /// Deletes the article with this id; false if there was none.
  bool remove(const std::string& id);

  /// True if an article with this id is indexed (uncommitted changes included).
  bool contains(const std::string& id);

  /// Deletes the articles read from @p root_key whose id term is not in
  /// @p seen_id_terms. Returns how many were deleted.
  std::size_t prune(const std::string& root_key,
                    const std::unordered_set<std::string>& seen_id_terms);

  /// Number of articles indexed from @p root_key.
  std::size_t root_count(const std::string& root_key);

  /// Makes everything done so far durable and visible, atomically, with
  /// the collection statistics (kMetaShapeTotals, kMetaPassageWords) of the
  /// same state. The statistics are kept up to date by every change, so a
  /// commit costs no pass over the index.
  void commit();

  /// Commits, writes a compacted copy as the next generation and switches
  /// readers to it atomically; the old generation is then removed.
  void compact();

  /// Replaces the (empty) index by the merge of @p shard_dirs, databases of
  /// article_document()s (document_builder.h) in PATH/gen-* directories:
  /// Xapian's compaction merges them into the next generation, which becomes
  /// live atomically; the shards are then removed. The schema stamp is kept.
  /// @throws Error(kInvalidArgument) if the index is not empty.
  void adopt_shards(const std::vector<std::string>& shard_dirs);

  /// Bytes kept free on the index's filesystem: commit(), compact() and
  /// adopt_shards() refuse to start (Error kIOError, "No space left on
  /// device") unless what they write fits with this margin to spare
  /// (disk_space.h says why). 0 checks only that a compaction fits.
  void set_min_free_bytes(std::uint64_t bytes) { min_free_ = bytes; }
  std::uint64_t min_free_bytes() const { return min_free_; }

  /// The analyzer articles are written with. Not thread-safe, like the store.
  Analyzer& analyzer() { return *analyzer_; }

  /// Path of the index directory.
  const std::string& path() const { return path_; }

  /// Articles in the index, including uncommitted changes.
  std::size_t article_count() const;

 private:
  // Sums of the articles' kSlotShape values.
  struct Shape {
    double passages = 0, words = 0;
    bool operator==(const Shape&) const = default;
  };
  IndexStore(const std::string& path, const AnalyzerOptions* options);
  Outcome write(const SourceRecord& article, const std::string& root_key, bool force);
  static Shape shape_of(const std::string& value);
  void add_shape(const std::string& value, double sign);
  void load_totals();
  void discard_uncommitted();

  std::string path_;
  IndexLock lock_;
  std::optional<Analyzer> analyzer_;  // set once the index is open
  Xapian::WritableDatabase db_;
  VariantRecorder variant_recorder_;
  Variants variants_;      // scratch of put()
  Shape totals_;           // of the index including uncommitted changes
  Shape written_{-1, -1};  // as last written to metadata (none yet)
  bool dirty_ = false;     // changes since the last commit
  std::uint64_t min_free_;
};

}  // namespace newsearch
