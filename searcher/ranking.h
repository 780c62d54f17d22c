// One search, start to finish: parse, retrieve candidate articles with
// Xapian, rank their passages, cut snippets.
#pragma once

#include <xapian.h>

#include <string_view>

#include "newsearch/analyzer.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"

namespace newsearch {

/// Ranking of hits: for a query of at most RankingParams::tier_max_concepts
/// words and phrases, articles that contain every word of each soft AND
/// (all_terms) first; then by the score of their best passage, where
///   score = passage BM25 + options.headline_weight * headline BM25
///           + options.article_weight * article BM25
/// (the article BM25 counts headline and body as one text, plus the
/// headline again times options.headline_boost; for longer queries the
/// weights are scaled by RankingParams' long_query_* factors and the article
/// BM25 includes pseudo-relevance feedback, ranking_params.h). Within an article,
/// passages with more distinct query words come first, then by score.
/// Equal keys are ordered by article id (tie_break.h). Candidates not
/// re-ranked before options.time_budget ran out follow in retrieval order.
/// May throw Xapian::Error (the caller translates and retries) and
/// Error(kQuerySyntax).
SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& options);

}  // namespace newsearch
