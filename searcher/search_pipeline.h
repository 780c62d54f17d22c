// One search, start to finish, stage by stage:
//   QueryPlan (query_plan.h)      parse, what each word matches, weights, depth, deadline
//   candidates (candidates.h)     retrieve articles with Xapian; feedback for long queries
//   examine (ranking.h)           read the candidates' passage evidence
//   rank (ranking.h)              score passages, order the articles
//   page_hits (hits.h)            the page's hits: stored records, snippets
// A new stage is one field of the plan and one call here.
#pragma once

#include <xapian.h>

#include <string_view>

#include "newsearch/analyzer.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"
#include "searcher/ranking_params.h"

namespace newsearch {

/// The results of @p query on @p db, ranked as rank() (ranking.h) says with
/// @p params. May throw Xapian::Error (the caller translates and retries),
/// Error(kQuerySyntax) and Error(kInvalidArgument).
SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& options, const RankingParams& params);

}  // namespace newsearch
