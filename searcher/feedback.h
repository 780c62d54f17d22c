// Pseudo-relevance feedback: words that the best-ranked articles of a first
// retrieval have in common are added to the article query, RM3-style.
// Only article retrieval and article evidence use them; passages, snippets
// and highlights keep to the words the user typed.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <utility>
#include <vector>

#include "newsearch/analyzer.h"

namespace newsearch {

/// Defaults: the configuration measured on the IR test collections
/// (bench/README.md, relevance_table.sh); 0 docs turns feedback off.
struct FeedbackParams {
  std::size_t docs = 10;   ///< feedback articles: the `docs` best of the first retrieval
  std::size_t terms = 20;  ///< expansion words kept
  double weight = 0.3;     ///< weight of the expansion words relative to the query's own
  double max_df = 0.1;     ///< words in more than this fraction of articles are not used
  /// A feedback article's share of the relevance model is proportional to
  /// exp(score_scale * (its weight - the best weight)), as RM3 weights by
  /// the query likelihood exp(log score): BM25 weights are sums of log-odds,
  /// so the best few articles dominate and a weak tenth adds little noise.
  /// 0: proportional to the weight itself (flatter). With 1 and 20 words
  /// (instead of 0 and 10): CACM MAP 0.3251 -> 0.3510, LISA 0.3815 -> 0.4037,
  /// TIME 0.6665 -> 0.6713, ADI 0.4356 -> 0.4520, others within 0.01.
  double score_scale = 1.0;
};

/// An article ranked by the first retrieval, with its weight there.
using ScoredDoc = std::pair<Xapian::docid, double>;

/// The expansion words of @p top (best first) as one weighted OR query of
/// stemmed terms in body and headline (headline scaled by @p headline_boost),
/// each scaled by its relevance-model probability times
/// params.weight * @p query_size, so that with `query_size` words in the
/// query the expansion carries about `weight` of their combined weight.
/// Returns an empty query when there is nothing to expand with.
Xapian::Query feedback_query(const Xapian::Database& db, const std::vector<ScoredDoc>& top,
                             double query_size, double headline_boost, const FeedbackParams& params,
                             const Analyzer& analyzer);

}  // namespace newsearch
