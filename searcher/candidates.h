// The candidate articles of a search: retrieved by whole-article BM25
// (Xapian), then, for long queries, weighed again with pseudo-relevance
// feedback words. The next stages (ranking.h) re-rank them by passage evidence.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <vector>

#include "searcher/query_builder.h"
#include "searcher/query_plan.h"
#include "searcher/ranking_params.h"

namespace newsearch {

/// An article to re-rank.
struct Candidate {
  Xapian::docid did;
  double weight;   ///< article BM25 from Xapian (with the feedback words, if any)
  bool all_terms;  ///< matched the strict query
  /// Long queries: the plain-text article BM25 with its own feedback words
  /// (RankingParams::plain); 0 for short queries, without feedback or after
  /// the deadline.
  double plain_weight = 0.0;
};

/// The @p depth best articles of @p built passing @p filter (may be empty:
/// all): those with all the words of every soft AND first (all_terms, by
/// weight), then those with some (by weight); equal weights by article id,
/// at the depth cut too (tie_break.h). @p estimated: Xapian's estimate of
/// all matches.
std::vector<Candidate> retrieve(Xapian::Database& db, const BuiltQuery& built,
                                const Xapian::Query& filter, const RankingParams& rp,
                                std::size_t depth, std::size_t& estimated);

/// Sets each candidate's weight to its weight under @p built with the
/// @p expansion words (AND_MAYBE: they add weight, never match), as a match
/// over the whole index would give it: the strict query for all_terms
/// candidates, the loose one for the others. Restricted to the candidates,
/// so it costs a few posting-list skips per candidate. Order and all_terms
/// are kept.
void reweigh(Xapian::Database& db, const BuiltQuery& built, const Xapian::Query& expansion,
             const Bm25Params& scheme, std::vector<Candidate>& cands);

/// Sets each candidate's plain_weight (RankingParams::plain): @p plain (the
/// query built with no headline boost) weighed with rp.plain, then again
/// with the feedback words of the best rp.feedback.docs of that weighing.
/// @p concepts as in candidates().
void weigh_plain(Xapian::Database& db, const BuiltQuery& plain, std::size_t concepts,
                 const RankingParams& rp, const Analyzer& analyzer, std::vector<Candidate>& cands);

/// The candidates of a search and Xapian's estimate of all its matches.
struct Candidates {
  std::vector<Candidate> articles;
  std::size_t estimated = 0;
};

/// The candidates of @p plan: retrieve() plan.depth articles, then for an
/// untiered (long) query reweigh() them with the feedback words of the best
/// few (feedback.h), if there are any, and weigh_plain(), while the
/// deadline has not passed.
Candidates candidates(Xapian::Database& db, const QueryPlan& plan);

}  // namespace newsearch
