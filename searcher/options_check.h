// Validation of SearchOptions: the one place every numeric option is checked.
#pragma once

#include "newsearch/search_options.h"

namespace newsearch {

/// Largest limit, offset and rerank_depth accepted: their sums stay far
/// from overflowing, and a Xapian match of that depth is still possible.
inline constexpr std::size_t kMaxSearchDepth = 10'000'000;
/// Largest weight accepted: sums of weighted BM25 scores stay finite.
inline constexpr double kMaxOptionWeight = 1e6;

/// @throws Error(kInvalidArgument) naming the first option out of range:
///   limit, passages_per_article or snippet_chars zero; limit, offset or
///   rerank_depth over kMaxSearchDepth; a negative time_budget; a weight
///   (article_weight, headline_weight, headline_boost) that is NaN,
///   infinite, negative or over kMaxOptionWeight.
void check_search_options(const SearchOptions& options);

}  // namespace newsearch
