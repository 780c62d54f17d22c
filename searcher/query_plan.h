// The plan of one search: everything decided about a query before the
// index is searched, built once and read by every stage of the pipeline
// (search_pipeline.h). A new stage (spelling suggestions, story collapse,
// sorting, facets, shards) adds its settings here as one field.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>

#include "newsearch/analyzer.h"
#include "newsearch/search_options.h"
#include "searcher/deadline.h"
#include "searcher/leaf_match.h"
#include "searcher/passage_ranker.h"
#include "searcher/query_builder.h"
#include "searcher/query_languages.h"
#include "searcher/query_parser.h"
#include "searcher/ranking_params.h"

namespace newsearch {

/// Refers to its own parsed query (the LeafMatch of each leaf, the concepts
/// to them), so it is neither copied nor moved; it refers to the caller's
/// options and lives for one search.
struct QueryPlan {
  /// In this order: checks @p options, starts the deadline, builds the
  /// filter, finds the query's languages, parses @p query, looks up what each leaf matches in @p db
  /// and the concepts' idf, then the weights and queries below.
  /// @throws Error(kInvalidArgument) for bad options or filters,
  ///         Error(kQuerySyntax) for a bad query; Xapian::Error.
  QueryPlan(const Xapian::Database& db, Analyzer& analyzer, std::string_view query,
            const SearchOptions& options, const RankingParams& params);
  QueryPlan(const QueryPlan&) = delete;
  QueryPlan& operator=(const QueryPlan&) = delete;

  const SearchOptions& options;  ///< checked (options_check.h)
  const Analyzer& analyzer;      ///< the handle's (its stopwords)
  const RankingParams params;
  const Deadline deadline;     ///< from options.time_budget, started first
  const Xapian::Query filter;  ///< the options' filter (filters.h); empty: none
  /// The languages the query is analysed in (query_languages.h).
  const QueryLanguages languages;
  const QueryNode root;       ///< the parsed query
  const LeafMatches matches;  ///< what each leaf matches; forms for the positive ones
  /// The concepts (positive words and phrases) with their idf.
  const PassageRanker ranker;
  /// At most params.tier_max_concepts concepts: the all_terms tier ranks
  /// first and there is no feedback (RankingParams::tier_max_concepts).
  const bool tiered;
  /// options.headline_boost, for untiered queries times
  /// params.long_query_headline_factor.
  const double headline_boost;
  const BuiltQuery built;  ///< the query, with headline_boost
  /// Untiered queries only (else empty): the query with no headline boost,
  /// for the plain article evidence (RankingParams::plain).
  const BuiltQuery plain;
  /// The weights of the headline and article evidence in every passage
  /// score (ranking.h): the options', for untiered queries times
  /// the long_query_* factors; plain_weight weighs Candidate::plain_weight.
  const double headline_weight;
  const double article_weight;
  const double plain_weight;
  /// Candidates re-ranked: max(offset + limit, rerank_depth). The candidate
  /// set does not depend on the offset within it, so consecutive pages
  /// neither repeat nor skip articles there.
  const std::size_t depth;
};

}  // namespace newsearch
