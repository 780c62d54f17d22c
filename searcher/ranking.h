// One search, start to finish: parse, retrieve candidate articles with
// Xapian, rank their passages, cut snippets.
#pragma once

#include <xapian.h>

#include <string_view>

#include "newsearch/analyzer.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"

namespace newsearch {

/// Ranking, in order of precedence:
///  1. articles that contain every word of each soft AND (all_terms) first;
///  2. then passages that contain more of the distinct query words/phrases;
///  3. then score = passage BM25 + options.article_weight * article BM25.
/// May throw Xapian::Error (the caller translates and retries) and
/// Error(kQuerySyntax).
SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& options);

}  // namespace newsearch
