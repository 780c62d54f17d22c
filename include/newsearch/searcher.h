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
 *  Query syntax (see README "Query syntax"):
 *   - plain words: all matter; articles and passages that contain all of
 *     them rank first, others may follow;
 *   - "quoted phrase": the words in order;
 *   - -word or -"phrase": exclude articles containing it;
 *   - a AND b, a OR b, a NOT b, parentheses (operators in capitals);
 *   - title:word or title:"phrase": match in the headline only.
 */
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "newsearch/paths.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"

namespace newsearch {

/** A read-only handle on an index.
 *
 *  Thread safety: search() may be called from several threads; calls on one
 *  Searcher are serialised internally. For parallel searches open one
 *  Searcher per thread (opening is cheap).
 *
 *  A search always sees one committed state of the index. If the indexer
 *  commits while a search runs, the search reopens the index and retries.
 *  @since 0.1.0
 */
class Searcher {
 public:
  /** Open the index at @p path.
   *  @throws Error(kNotFound) if there is no index there,
   *          Error(kSchemaMismatch) if it was built by an incompatible version,
   *          Error(kCorruption) / Error(kIOError) if it cannot be read.
   */
  static Searcher open(const std::string& path, const SearchOptions& options = {});

  ~Searcher();
  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;

  /** Run @p query and return ranked hits with passages and snippets.
   *  @throws Error(kQuerySyntax) for an empty or malformed query (the message
   *          says what is wrong), Error(kCorruption/kIOError) on index failure.
   */
  SearchResults search(std::string_view query);

  /// Same, with options that override those given to open() for this call.
  SearchResults search(std::string_view query, const SearchOptions& options);

  /// Number of articles in the index (as of the last reopen).
  std::size_t article_count();

  /// Pick up changes committed since open() or the last reopen.
  void reopen();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsearch
