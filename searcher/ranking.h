// The re-ranking stages of a search: read the passage evidence of the
// candidates (examine), score their passages and order them (rank).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "searcher/candidates.h"
#include "searcher/evidence.h"
#include "searcher/query_plan.h"

namespace newsearch {

/// A passage of an article, scored.
struct RankedPassage {
  std::size_t index;
  double score;
  std::size_t matched;
};

/// A candidate with its evidence (from stored positions: no byte ranges
/// until a passage is shown) and, once ranked, its best passages.
struct Examined {
  Candidate cand;
  bool read = false;  ///< evidence read; false if the time budget ran out first
  PassageEvidence headline;
  std::vector<PassageEvidence> evidence;  ///< per passage
  double shared = 0.0;                ///< score every passage gets: headline and article evidence
  std::vector<RankedPassage> ranked;  ///< its best passages, best first (rank())
  /// The article's score: its best passage's, or the shared score alone.
  double score() const { return ranked.empty() ? shared : ranked.front().score; }
};

/// Reads the evidence of @p cands in retrieval order until done or the
/// deadline passes: the candidates left are kept unread, to be shown after
/// the read ones in retrieval order.
std::vector<Examined> examine(const Xapian::Database& db, const QueryPlan& plan,
                              const std::vector<Candidate>& cands);

/// Scores the examined candidates and returns the hit order (indices into
/// @p examined). For a query of at most RankingParams::tier_max_concepts
/// words and phrases, articles that contain every word of each soft AND
/// (all_terms) come first; then by the score of their best passage, where
///   score = passage BM25 + options.headline_weight * headline BM25
///           + options.article_weight * article BM25
/// (the article BM25 counts headline and body as one text, plus the
/// headline again times options.headline_boost; for longer queries the
/// weights are scaled by RankingParams' long_query_* factors and the article
/// BM25 includes pseudo-relevance feedback, ranking_params.h). Within an
/// article, passages with more distinct query words come first, then by
/// score. Equal keys are ordered by article id (tie_break.h). Candidates
/// not read before options.time_budget ran out follow in retrieval order.
std::vector<std::size_t> rank(const Xapian::Database& db, const QueryPlan& plan,
                              std::vector<Examined>& examined);

}  // namespace newsearch
