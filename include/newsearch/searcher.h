/** @file searcher.h
 *  @brief Searcher: open an index and rank passages for a query.
 *
 *  Example:
 *  @code
 *    auto searcher = newsearch::Searcher::open(newsearch::default_index_path());
 *    for (const auto& hit : searcher.search("Idlib ceasefire").hits)
 *      std::cout << hit.rank << ' ' << hit.title << '\n'
 *                << hit.passages.front().snippet.text << '\n';
 *  @endcode
 *
 *  Query syntax (see docs/searching.md):
 *   - plain words: all matter; articles and passages that contain all of
 *     them rank first, others may follow;
 *   - "quoted phrase": the words in order;
 *   - -word or -"phrase": exclude articles containing it;
 *   - a AND b, a OR b, a NOT b, parentheses (operators in capitals);
 *   - title:word or title:"phrase": match in the headline only.
 */
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "newsearch/export.h"
#include "newsearch/paths.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"

namespace newsearch {

/** A read-only handle on an index.
 *
 *  Thread safety: every member function may be called from any number of
 *  threads at once on one Searcher (except the move operations and the
 *  destructor, which need exclusive access). Each concurrent search runs on
 *  its own database handle from an internal pool, so searches do not wait
 *  for each other; the pool grows to the number of searches running at once
 *  and its handles are reused.
 *
 *  Consistency: a search sees one committed state of the index. Commits by
 *  an IndexWriter or the indexer (in this or another process) become
 *  visible to searches started after reopen(); a compaction is followed
 *  automatically. If a commit overtakes a running search, the search
 *  reopens its handle and retries.
 *
 *  Errors: every failure is a newsearch::Error (never a Xapian or ICU
 *  exception); a failed search leaves the Searcher usable.
 *  @since 0.1.0
 */
class NEWSEARCH_API Searcher {
 public:
  /** Open the index at @p path. Cost: opening the Xapian database and
   *  reading its metadata (about a millisecond).
   *  @param options the defaults of search(query), and the log sink.
   *  @throws Error(kInvalidArgument) for options out of range (naming the
   *          option, search_options.h),
   *          Error(kNotFound) if there is no index there,
   *          Error(kSchemaMismatch) if it was built by an incompatible version,
   *          Error(kCorruption) / Error(kIOError) if it cannot be read.
   */
  static Searcher open(const std::string& path, const SearchOptions& options = {});

  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /** Run @p query and return ranked hits with passages and snippets, using
   *  the options given to open(). Cost: one Xapian match of depth
   *  max(offset + limit, rerank_depth), then the passages of those candidate
   *  articles are scored (typically a few milliseconds).
   *  Equal scores are ordered by article id (ascending), at every cut
   *  (re-ranking depth, offset, limit) too: two builds of the same articles
   *  rank them alike, whatever docids their builds assigned.
   *  @throws Error(kQuerySyntax) for an empty or malformed query (the message
   *          says what is wrong; also a query over the length or nesting
   *          limits: 8 KiB, 256 words, 64 levels of parentheses),
   *          Error(kInvalidArgument) for bad options (zero limit, a NaN
   *          weight, a malformed date; the message names it),
   *          Error(kCorruption/kIOError) on index failure.
   */
  SearchResults search(std::string_view query) const;

  /// Same, with @p options instead of those given to open() for this call
  /// (logging still goes to open()'s sink).
  SearchResults search(std::string_view query, const SearchOptions& options) const;

  /// Number of articles in the index, as of the last open() or reopen().
  std::size_t article_count() const;

  /// Make changes committed since open() or the last reopen() visible to
  /// the searches that start afterwards. Cheap: one handle reopens now (so
  /// errors show here), the others of the pool when next used.
  /// @throws Error(kNotFound/kCorruption/kIOError) if the index is gone or
  ///         unreadable.
  void reopen();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsearch
