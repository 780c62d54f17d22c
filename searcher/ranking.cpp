#include "searcher/ranking.h"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include "searcher/format/index_schema.h"
#include "searcher/tie_break.h"

namespace newsearch {
namespace {

using SortKey = std::tuple<bool, double>;

// Mean passage length in words: the index's statistic, or (for an index
// whose writer has not computed it yet) the mean over the examined passages.
double mean_passage_length(const Xapian::Database& db, const std::vector<Examined>& all) {
  const std::string stored = db.get_metadata(std::string(schema::kMetaPassageWords));
  if (const double mean = std::strtod(stored.c_str(), nullptr); mean > 0) return mean;
  double words = 0, count = 0;
  for (const auto& ex : all)
    for (const auto& ev : ex.evidence) {
      words += static_cast<double>(ev.length);
      ++count;
    }
  return count > 0 ? words / count : 1.0;
}

// The best passages of one article, best first; the lead passage stands in
// when no passage matches (the article matched on its headline).
std::vector<RankedPassage> rank_passages(const Examined& ex, const PassageRanker& ranker,
                                         double mean_len, const SearchOptions& opt) {
  std::vector<RankedPassage> ranked;
  for (std::size_t i = 0; i < ex.evidence.size(); ++i) {
    const auto& ev = ex.evidence[i];
    if (ev.matched_concepts() == 0) continue;
    ranked.push_back({i, ranker.score(ev, mean_len) + ex.shared, ev.matched_concepts()});
  }
  if (ranked.empty() && !ex.evidence.empty()) ranked.push_back({0, ex.shared, 0});
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return std::tie(a.matched, a.score) > std::tie(b.matched, b.score);
  });
  if (ranked.size() > opt.passages_per_article) ranked.resize(opt.passages_per_article);
  return ranked;
}

// Sets the shared score and the best passages of one candidate.
void score_article(const QueryPlan& plan, double mean_len, Examined& ex) {
  const double article =
      plan.article_weight * ex.cand.weight + plan.plain_weight * ex.cand.plain_weight;
  if (!ex.read) {  // no headline evidence: the article evidence alone
    ex.shared = article;
    return;
  }
  ex.shared = plan.headline_weight * plan.ranker.score(ex.headline, mean_len) +
              plan.article_weight * ex.cand.weight + plan.plain_weight * ex.cand.plain_weight;
  ex.ranked = rank_passages(ex, plan.ranker, mean_len, plan.options);
}

// Hit order: read candidates by (all_terms tier, best score), equal keys by
// article id; then the unread ones in retrieval order. @p keys: per read
// candidate.
std::vector<std::size_t> hit_order(const Xapian::Database& db,
                                   const std::vector<Examined>& examined,
                                   const std::vector<std::pair<SortKey, std::size_t>>& keys) {
  auto order = keys;
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  order_ties_by_id(
      db, order, [](const auto& o) { return o.first; },
      [&](const auto& o) { return examined[o.second].cand.did; });
  std::vector<std::size_t> out;
  for (const auto& o : order) out.push_back(o.second);
  for (std::size_t i = 0; i < examined.size(); ++i)
    if (!examined[i].read) out.push_back(i);
  return out;
}

}  // namespace

std::vector<Examined> examine(const Xapian::Database& db, const QueryPlan& plan,
                              const std::vector<Candidate>& cands) {
  EvidenceReader reader(db, plan.ranker.concepts());
  std::vector<Xapian::docid> dids;
  for (const Candidate& c : cands) dids.push_back(c.did);
  if (!plan.deadline.passed()) reader.prefetch(std::move(dids));
  std::vector<Examined> out;
  out.reserve(cands.size());
  bool stop = false;
  for (const Candidate& c : cands) {
    Examined& ex = out.emplace_back();
    ex.cand = c;
    if (stop || (stop = plan.deadline.passed())) continue;
    ArticleEvidence ev = reader.read(c.did);
    ex.read = true;
    ex.headline = std::move(ev.headline);
    ex.evidence = std::move(ev.passages);
  }
  return out;
}

std::vector<std::size_t> rank(const Xapian::Database& db, const QueryPlan& plan,
                              std::vector<Examined>& examined) {
  const double mean_len = mean_passage_length(db, examined);
  std::vector<std::pair<SortKey, std::size_t>> keys;
  for (std::size_t i = 0; i < examined.size(); ++i) {
    Examined& ex = examined[i];
    score_article(plan, mean_len, ex);
    if (ex.read) keys.push_back({{plan.tiered && ex.cand.all_terms, ex.score()}, i});
  }
  return hit_order(db, examined, keys);
}

}  // namespace newsearch
