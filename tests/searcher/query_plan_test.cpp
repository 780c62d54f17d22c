// QueryPlan (searcher/query_plan.h): tiering, weights, queries and depth of
// short and long queries, from the options and the RankingParams given.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <chrono>
#include <string>

#include "newsearch/error.h"
#include "searcher/query_plan.h"
#include "tests/searcher/small_index.h"

using newsearch::QueryPlan;
using newsearch::RankingParams;
using newsearch::SearchOptions;

namespace {

struct TestIndex : newsearch::test::SmallIndex {
  TestIndex()
      : SmallIndex({{"a0", "Ceasefire talks", "Oil prices rose as ceasefire talks stalled."},
                    {"a1", "Oil", "Oil prices fell in the region."},
                    {"a2", "Weather", "Rain and sun."}}) {}
};

SearchOptions weights() {
  SearchOptions o;
  o.headline_boost = 0.8;
  o.headline_weight = 0.6;
  o.article_weight = 0.5;
  return o;
}

}  // namespace

TEST_CASE("QueryPlan of a short query: tiered, the options' weights, no plain query",
          "[searcher][query_plan]") {
  TestIndex ix;
  const SearchOptions o = weights();
  const RankingParams rp;
  // A phrase is one concept; an excluded word is none.
  const QueryPlan plan(ix.db, ix.an, "\"ceasefire talks\" oil prices -region", o, rp);
  CHECK(plan.ranker.concept_count() == 3);
  CHECK(plan.tiered);
  CHECK(plan.headline_boost == o.headline_boost);
  CHECK(plan.headline_weight == o.headline_weight);
  CHECK(plan.article_weight == o.article_weight);
  CHECK(plan.plain_weight == o.article_weight * rp.long_query_plain_factor);
  CHECK(plan.plain.strict.empty());
  CHECK_FALSE(plan.built.strict.empty());
  CHECK(plan.depth == o.rerank_depth);
  CHECK(plan.deadline.none());
  CHECK(plan.filter.empty());
  for (const auto& c : plan.ranker.concepts()) CHECK(c.idf > 0);
}

TEST_CASE(
    "QueryPlan of a long query: untiered, weights times the long-query factors, "
    "a plain query",
    "[searcher][query_plan]") {
  TestIndex ix;
  SearchOptions o = weights();
  o.offset = 40;
  o.limit = 20;
  o.time_budget = std::chrono::milliseconds(60000);
  const RankingParams rp;
  const QueryPlan plan(ix.db, ix.an, "oil prices ceasefire talks", o, rp);
  CHECK(plan.ranker.concept_count() == 4);
  CHECK_FALSE(plan.tiered);
  CHECK(plan.headline_boost == o.headline_boost * rp.long_query_headline_factor);
  CHECK(plan.headline_weight == o.headline_weight * rp.long_query_headline_weight_factor);
  CHECK(plan.article_weight == o.article_weight * rp.long_query_article_factor);
  CHECK(plan.plain_weight == o.article_weight * rp.long_query_plain_factor);
  // The plain query is the query without the headline boost.
  CHECK(plan.plain.strict.get_description() ==
        newsearch::build_query(plan.root, plan.matches, 0.0).strict.get_description());
  CHECK(plan.plain.strict.get_description() != plan.built.strict.get_description());
  CHECK(plan.depth == 60);  // offset + limit beyond rerank_depth
  CHECK_FALSE(plan.deadline.none());
}

TEST_CASE("QueryPlan reads the RankingParams it is given", "[searcher][query_plan]") {
  TestIndex ix;
  RankingParams rp;
  rp.tier_max_concepts = 1;
  rp.long_query_headline_factor = 0.25;
  const SearchOptions o = weights();
  const QueryPlan plan(ix.db, ix.an, "ceasefire talks", o, rp);
  CHECK_FALSE(plan.tiered);
  CHECK(plan.headline_boost == o.headline_boost * 0.25);
}

TEST_CASE("QueryPlan checks the options and the filter before the query",
          "[searcher][query_plan]") {
  TestIndex ix;
  SearchOptions o;
  o.date_from = "not a date";
  try {
    const QueryPlan plan(ix.db, ix.an, "\"unbalanced", o, RankingParams{});
    FAIL("no error");
  } catch (const newsearch::Error& e) {
    CHECK(e.code() == newsearch::ErrorCode::kInvalidArgument);
  }
  o.date_from = "2020";
  const QueryPlan plan(ix.db, ix.an, "ceasefire", o, RankingParams{});
  CHECK_FALSE(plan.filter.empty());
}
