/** @file index_writer.h
 *  @brief IndexWriter: add, replace and delete articles from code.
 *
 *  Example:
 *  @code
 *    auto writer = newsearch::IndexWriter::open("/var/lib/news/index");
 *    writer.put({.id = "wire-123", .title = "Ceasefire holds in Idlib",
 *                .body = "First paragraph.\n\nSecond paragraph."});
 *    writer.remove("wire-099");
 *    writer.commit();   // now visible to Searcher::reopen()
 *  @endcode
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "newsearch/article.h"
#include "newsearch/export.h"
#include "newsearch/logging.h"

namespace newsearch {

/// Options of IndexWriter.
struct IndexWriterOptions {
  /// Commit automatically after this many changes (puts that changed
  /// something, and removals); 0 commits only when commit() is called.
  /// Bounds the memory Xapian buffers and the work a crash can lose.
  std::size_t auto_commit = 10000;
  /// Bytes kept free on the index's filesystem: commit() refuses with
  /// Error(kIOError, "No space left on device ...") rather than fill it,
  /// and the refused changes are discarded (IndexerOptions::min_free_bytes
  /// says why). 0 disables. Keep it: should the disk fill up during a
  /// commit all the same, libxapian 1.4 calls std::terminate (the indexer
  /// program turns that into an exit status; a library does not take over
  /// its host's terminate handler).
  std::uint64_t min_free_bytes = 64ull << 20;
  /// The language of articles that give none and whose text CLD2 cannot
  /// tell (too short, mixed): an ISO 639-1 code or name, as
  /// AnalyzerOptions::language. One that names no language is an error
  /// (Error(kInvalidArgument)).
  std::string default_language = "en";
  /// Log records of the writer (default: none).
  LogOptions log;
};

/** The write side of an index. Holds the index's write lock (an flock on
 *  PATH/newsearch.lock) for its lifetime, so there is at most one writer per
 *  index across processes, including the `indexer` program.
 *
 *  Durability: changes become durable and visible to searchers (after
 *  Searcher::reopen()) atomically at commit(). A crash or kill loses only
 *  the changes since the last commit; the index stays readable.
 *
 *  Thread safety: none; use one IndexWriter from one thread at a time.
 *  Errors: every failure is a newsearch::Error.
 *  @since 0.1.0
 */
class NEWSEARCH_API IndexWriter {
 public:
  /// What put() did.
  enum class PutResult {
    kAdded,     ///< a new id
    kReplaced,  ///< an existing id whose content changed
    kUnchanged  ///< an existing id with the same content: nothing written
  };

  /// What put() left out of the article it was given (put(article, notes)):
  /// the article is stored all the same, without it.
  struct PutNotes {
    /// Article::date as given, when it was not an ISO 8601 date (YYYY,
    /// YYYY-MM, YYYY-MM-DD or a full timestamp, a day that exists:
    /// "2024-02-30", "last tuesday" and "01/02/2024" are not): it was
    /// dropped, the article is indexed undated (no date filter selects it)
    /// and a warning is logged. Empty when the date was valid or absent.
    std::string dropped_date;
    /// Article::language as given, when it named no language (no ISO 639-1
    /// code or language name): it was dropped and the language detected
    /// from the text, as for an article without one; a warning is logged.
    std::string dropped_language;
  };

  /** Open the index at @p path for writing, creating it if needed.
   *  @throws Error(kLocked) if another writer holds it,
   *          Error(kSchemaMismatch) for an index of another version,
   *          Error(kInvalidArgument) if @p path is an unrelated non-empty
   *          directory, Error(kIOError/kCorruption) otherwise.
   */
  static IndexWriter open(const std::string& path, const IndexWriterOptions& options = {});

  /// Commits pending changes (errors are logged, not thrown: call commit()
  /// to see them) and releases the lock.
  ~IndexWriter();
  IndexWriter(IndexWriter&&) noexcept;
  IndexWriter& operator=(IndexWriter&&) noexcept;

  /** Add @p article, or replace the article with the same id. Cheap when the
   *  content is unchanged (one lookup, nothing written). Cost otherwise:
   *  analysing the text and buffering its terms (about 2 ms for a 3 KB
   *  article).
   *  @throws Error(kInvalidArgument) for an empty id or one over
   *          kMaxArticleIdBytes, no text at all (blank title and body), a
   *          field with invalid UTF-8 or a NUL byte; the index is unchanged
   *          then. A source without a letter or digit is indexed and logged
   *          as a warning (no SearchOptions::sources can select it), and
   *          so is an invalid date, which is dropped (PutNotes::dropped_date;
   *          the overload below reports it to the caller).
   */
  PutResult put(const Article& article);

  /// put(article), and @p notes says what was left out of the article
  /// (assigned on every successful call; untouched when put() throws).
  PutResult put(const Article& article, PutNotes& notes);

  /// Delete the article with this id. Returns false if there was none.
  bool remove(std::string_view id);

  /// True if an article with this id is in the index (including
  /// uncommitted changes).
  bool contains(std::string_view id);

  /// Make all changes so far durable and visible, atomically. Cost: writing
  /// out the changes buffered since the last commit (the collection
  /// statistics are kept up to date as articles change, not recounted).
  void commit();

  /** Commit, then rewrite the index compactly (smaller and faster to
   *  search; worth it after many changes). Searchers switch to the new copy
   *  by themselves. Cost: rewriting the whole index.
   */
  void compact();

  /// Articles in the index, including uncommitted changes.
  std::size_t article_count() const;

 private:
  struct Impl;
  explicit IndexWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsearch
