#include "searcher/query_plan.h"

#include <algorithm>

#include "searcher/filters.h"
#include "searcher/options_check.h"

namespace newsearch {
namespace {

const SearchOptions& checked(const SearchOptions& options) {
  check_search_options(options);
  return options;
}

std::vector<Concept> concepts_of(const Xapian::Database& db, const QueryNode& root,
                                 const LeafMatches& matches) {
  std::vector<Concept> concepts;
  for (const QueryLeaf* leaf : positive_leaves(root)) {
    const LeafMatch& match = matches.of(*leaf);
    concepts.push_back({&match, match.idf(db)});
  }
  return concepts;
}

// @p value, for untiered queries times @p factor.
double scaled(double value, bool tiered, double factor) { return value * (tiered ? 1.0 : factor); }

}  // namespace

QueryPlan::QueryPlan(const Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                     const SearchOptions& opt, const RankingParams& rp)
    : options(checked(opt)),
      analyzer(analyzer),
      params(rp),
      deadline(opt.time_budget),
      filter(filter_query(opt, analyzer)),
      languages(db, opt, analyzer),
      root(parse_query(query, analyzer, languages.parse_context())),
      matches(root, db, analyzer),
      ranker(concepts_of(db, root, matches)),
      tiered(ranker.concept_count() <= rp.tier_max_concepts),
      headline_boost(scaled(opt.headline_boost, tiered, rp.long_query_headline_factor)),
      built(build_query(root, matches, headline_boost)),
      plain(tiered ? BuiltQuery{} : build_query(root, matches, 0.0)),
      headline_weight(scaled(opt.headline_weight, tiered, rp.long_query_headline_weight_factor)),
      article_weight(scaled(opt.article_weight, tiered, rp.long_query_article_factor)),
      plain_weight(opt.article_weight * rp.long_query_plain_factor),
      depth(std::max(opt.offset + opt.limit, opt.rerank_depth)) {}

}  // namespace newsearch
