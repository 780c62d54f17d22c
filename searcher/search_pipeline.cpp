#include "searcher/search_pipeline.h"

#include "searcher/candidates.h"
#include "searcher/filters.h"
#include "searcher/format/index_schema.h"
#include "searcher/hits.h"
#include "searcher/query_plan.h"
#include "searcher/ranking.h"

namespace newsearch {
namespace {

// SearchResults::undated_matches: the articles that the query matches in
// retrieve() (its strict or its loose form) and the date filter alone left
// out. Counted exactly (checkatleast covers the index) with boolean
// weights: one pass over the matching postings, no scoring.
std::size_t count_undated(Xapian::Database& db, const QueryPlan& plan, const Analyzer& analyzer) {
  const Xapian::Query undated = undated_filter(plan.options, analyzer);
  if (undated.empty()) return 0;
  // Free in the common case of an index without undated articles (the
  // slot's value frequency is kept by Xapian).
  if (db.get_value_freq(schema::kSlotDate) >= db.get_doccount()) return 0;
  const BuiltQuery& b = plan.built;
  const Xapian::Query matching =
      b.has_soft_and ? Xapian::Query(Xapian::Query::OP_OR, b.strict, b.loose) : b.strict;
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(apply_filter(matching, undated));
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

}  // namespace

SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& options, const RankingParams& params) {
  const QueryPlan plan(db, analyzer, query, options, params);
  SearchResults results;
  results.indexed_articles = db.get_doccount();
  const Candidates found = candidates(db, plan);
  results.estimated_matches = found.estimated;
  results.undated_matches = count_undated(db, plan, analyzer);
  std::vector<Examined> examined = examine(db, plan, found.articles);
  const std::vector<std::size_t> order = rank(db, plan, examined);
  results.hits = page_hits(db, analyzer, plan, examined, order);
  // A stage cut short by the deadline shows here: once passed, it stays
  // passed. Snippets shown after it are not highlighted.
  results.timed_out = plan.deadline.passed();
  return results;
}

}  // namespace newsearch
