/** @file search_options.h
 *  @brief SearchOptions: every knob of the searcher in one struct.
 */
#pragma once

#include <cstddef>
#include <memory>

namespace spdlog { class logger; }

namespace newsearch {

/// Options of Searcher. Defaults suit an interactive terminal search.
struct SearchOptions {
  /// Maximum number of articles returned.
  std::size_t limit = 10;
  /// Maximum number of passages returned per article (best first).
  std::size_t passages_per_article = 1;
  /// Target snippet length in characters (code points), "…" not counted.
  std::size_t snippet_chars = 300;
  /// Candidate articles re-ranked by passage evidence beyond `limit`.
  /// More gives better passage ranking at some cost in latency.
  std::size_t rerank_depth = 50;
  /// Weight of whole-article evidence (BM25 over headline and body) added to
  /// the passage score.
  double article_weight = 0.5;
  /// Weight of the headline's own BM25 (scored like a passage) added to the
  /// score of every passage of the article.
  double headline_weight = 0.75;
  /// Weight multiplier of headline matches relative to body matches when
  /// Xapian retrieves candidate articles.
  double headline_boost = 1.0;
  /// Logger for diagnostics; null means silent. The library never changes
  /// global spdlog state.
  std::shared_ptr<spdlog::logger> logger;
};

}  // namespace newsearch
