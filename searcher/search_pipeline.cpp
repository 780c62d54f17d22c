#include "searcher/search_pipeline.h"

#include "searcher/candidates.h"
#include "searcher/hits.h"
#include "searcher/query_plan.h"
#include "searcher/ranking.h"

namespace newsearch {

SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& options, const RankingParams& params) {
  const QueryPlan plan(db, analyzer, query, options, params);
  SearchResults results;
  results.indexed_articles = db.get_doccount();
  const Candidates found = candidates(db, plan);
  results.estimated_matches = found.estimated;
  std::vector<Examined> examined = examine(db, plan, found.articles);
  const std::vector<std::size_t> order = rank(db, plan, examined);
  results.hits = page_hits(db, analyzer, plan, examined, order);
  // A stage cut short by the deadline shows here: once passed, it stays
  // passed. Snippets shown after it are not highlighted.
  results.timed_out = plan.deadline.passed();
  return results;
}

}  // namespace newsearch
