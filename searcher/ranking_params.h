// Internal ranking parameters of run_search (ranking.h): how article,
// headline and passage evidence combine, and pseudo-relevance feedback.
// Not part of the public API: one configuration for every collection,
// measured with bench/relevance_table.sh (see bench/README.md).
#pragma once

#include <cstddef>

#include "searcher/feedback.h"

namespace newsearch {

struct RankingParams {
  /// BM25 of whole articles (Xapian's BM25Weight), the candidate retrieval
  /// and the article evidence in every passage score.
  double article_k1 = 1.0;
  double article_b = 0.5;
  /// BM25 of passages and headlines (PassageRanker).
  double passage_k1 = 1.2;
  double passage_b = 0.75;
  /// Weight of the passage's own BM25 in its score.
  double passage_weight = 1.0;
  /// Queries with at most this many positive words or phrases rank the
  /// articles containing all of them first (the all_terms tier); longer
  /// queries rank by score alone.
  std::size_t tier_max_concepts = 3;
  /// Pseudo-relevance feedback (feedback.docs == 0: off).
  FeedbackParams feedback{0, 20, 0.5, 0.1};
};

/// The parameters run_search uses.
const RankingParams& ranking_params();

}  // namespace newsearch
