#include "searcher/candidates.h"

#include <unordered_map>

#include "searcher/candidate_pool.h"
#include "searcher/feedback.h"
#include "searcher/filters.h"
#include "searcher/tie_break.h"

namespace newsearch {
namespace {

Xapian::Enquire article_enquire(Xapian::Database& db, const Bm25Params& scheme) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(scheme.k1, 0, 1, scheme.b, 0.5));
  return enquire;
}

// The @p n candidates with the highest article weight, for feedback. Equal
// weights keep the candidates' order, which retrieve() made independent of
// docids.
std::vector<ScoredDoc> feedback_docs(const std::vector<Candidate>& cands, std::size_t n) {
  std::vector<ScoredDoc> top;
  for (const Candidate& c : cands) top.emplace_back(c.did, c.weight);
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (top.size() > n) top.resize(n);
  return top;
}

// The weights of @p pool's documents under @p query.
std::unordered_map<Xapian::docid, double> weights_within(Xapian::Database& db,
                                                         const Xapian::Query& query,
                                                         std::vector<Xapian::docid> pool,
                                                         const Bm25Params& scheme) {
  std::unordered_map<Xapian::docid, double> out;
  if (pool.empty()) return out;
  const auto size = static_cast<Xapian::doccount>(pool.size());
  Xapian::Enquire enquire = article_enquire(db, scheme);
  enquire.set_query(within_pool(query, std::move(pool)));
  const Xapian::MSet mset = enquire.get_mset(0, size);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace(*it, it.get_weight());
  return out;
}

}  // namespace

std::vector<Candidate> retrieve(Xapian::Database& db, const BuiltQuery& built,
                                const Xapian::Query& filter, const RankingParams& rp,
                                std::size_t depth, std::size_t& estimated) {
  Xapian::Enquire enquire = article_enquire(db, rp.article);
  enquire.set_query(apply_filter(built.strict, filter));
  std::vector<Candidate> out;
  for (const auto& [did, weight] : top_matches(db, enquire, depth, estimated))
    out.push_back({did, weight, true, 0.0});
  if (!built.has_soft_and) return out;
  // Articles with only some of the words follow those with all of them.
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT, apply_filter(built.loose, filter), built.strict));
  const std::size_t more = depth > out.size() ? depth - out.size() : 0;
  std::size_t rest_estimated = 0;
  for (const auto& [did, weight] : top_matches(db, enquire, more, rest_estimated))
    out.push_back({did, weight, false, 0.0});
  estimated += rest_estimated;
  return out;
}

void reweigh(Xapian::Database& db, const BuiltQuery& built, const Xapian::Query& expansion,
             const Bm25Params& scheme, std::vector<Candidate>& cands) {
  // The strict query is not always within the loose one: under an exclusion
  // ("w1 w2 w3 w4 -(cheap flights)") the loose query excludes "cheap" alone.
  std::vector<Xapian::docid> strict_pool, loose_pool;
  for (const Candidate& c : cands) (c.all_terms ? strict_pool : loose_pool).push_back(c.did);
  auto expanded = [&](const Xapian::Query& q) {
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, expansion);
  };
  const auto strict = weights_within(db, expanded(built.strict), std::move(strict_pool), scheme);
  const auto loose = weights_within(db, expanded(built.loose), std::move(loose_pool), scheme);
  // Every candidate matched its query in retrieve(), so it is found again.
  for (Candidate& c : cands) {
    const auto& found = c.all_terms ? strict : loose;
    if (const auto w = found.find(c.did); w != found.end()) c.weight = w->second;
  }
}

void weigh_plain(Xapian::Database& db, const BuiltQuery& plain, std::size_t concepts,
                 const RankingParams& rp, const Analyzer& analyzer, std::vector<Candidate>& cands) {
  std::vector<Candidate> weighed = cands;
  // AND_MAYBE with nothing: the plain query's own weights.
  reweigh(db, plain, Xapian::Query::MatchNothing, rp.plain, weighed);
  const Xapian::Query expansion =
      feedback_query(db, feedback_docs(weighed, rp.feedback.docs), static_cast<double>(concepts),
                     0.0, rp.feedback, analyzer);
  if (!expansion.empty()) reweigh(db, plain, expansion, rp.plain, weighed);
  for (std::size_t i = 0; i < cands.size(); ++i) cands[i].plain_weight = weighed[i].weight;
}

Candidates candidates(Xapian::Database& db, const QueryPlan& plan) {
  const RankingParams& rp = plan.params;
  Candidates out;
  std::vector<Candidate>& cands = out.articles;
  cands = retrieve(db, plan.built, plan.filter, rp, plan.depth, out.estimated);
  if (plan.tiered || rp.feedback.docs == 0 || cands.empty() || plan.deadline.passed()) return out;
  const auto concepts = static_cast<double>(plan.ranker.concept_count());
  const Xapian::Query expansion =
      feedback_query(db, feedback_docs(cands, rp.feedback.docs), concepts, plan.headline_boost,
                     rp.feedback, plan.analyzer);
  // The feedback words re-weigh the candidates rather than retrieve again
  // from the whole index: on the IR collections (depth 1000) that moved MAP
  // by at most 0.0005, and on 4-word queries at 101k articles it costs
  // 1.1 ms instead of 9.4 (bench/speed-profile.md).
  if (!expansion.empty()) reweigh(db, plan.built, expansion, rp.article, cands);
  if (!plan.deadline.passed())
    weigh_plain(db, plan.plain, plan.ranker.concept_count(), rp, plan.analyzer, cands);
  return out;
}

}  // namespace newsearch
