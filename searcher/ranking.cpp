#include "searcher/ranking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <tuple>
#include <unordered_map>

#include "newsearch/error.h"
#include "searcher/analysis/index_schema.h"
#include "searcher/analysis/stored_article.h"
#include "searcher/candidate_pool.h"
#include "searcher/evidence.h"
#include "searcher/feedback.h"
#include "searcher/filters.h"
#include "searcher/passage_ranker.h"
#include "searcher/query_builder.h"
#include "searcher/ranking_params.h"
#include "searcher/snippet.h"

namespace newsearch {
namespace {

struct Candidate {
  Xapian::docid did;
  double weight;    // article BM25 from Xapian
  bool all_terms;   // matched the strict query
};

// Examined passages of one candidate (evidence from stored positions: no
// byte ranges until a passage is shown).
struct Examined {
  Candidate cand;
  PassageEvidence headline;
  std::vector<PassageEvidence> evidence;  // per passage
  double shared = 0.0;  // score every passage gets: headline and article evidence
};

struct RankedPassage {
  std::size_t index;
  double score;
  std::size_t matched;
};

using SortKey = std::tuple<bool, double>;
using Clock = std::chrono::steady_clock;

// When SearchOptions::time_budget runs out; Clock::time_point::max() for none.
struct Deadline {
  Clock::time_point at = Clock::time_point::max();

  explicit Deadline(std::chrono::milliseconds budget) {
    if (budget.count() > 0) at = Clock::now() + budget;
  }
  bool none() const { return at == Clock::time_point::max(); }
  bool passed() const { return !none() && Clock::now() >= at; }
  // Seconds left, for Xapian's matcher; 0 means no limit there.
  double seconds_left() const {
    if (none()) return 0.0;
    return std::max(std::chrono::duration<double>(at - Clock::now()).count(), 1e-6);
  }
};

double idf(const Xapian::Database& db, const QueryLeaf& leaf) {
  Xapian::doccount n = 0;
  if (leaf.terms.size() == 1) {
    n = db.get_termfreq(leaf.exact ? leaf.terms[0] : std::string(schema::kPrefixStem) + leaf.stems[0]);
  } else {
    n = db.get_doccount();
    for (const auto& t : leaf.terms) n = std::min(n, db.get_termfreq(t));
    if (!leaf.joined_stem.empty())
      n = std::max(n, db.get_termfreq(std::string(schema::kPrefixStem) + leaf.joined_stem));
  }
  const double total = db.get_doccount();
  return std::log(1.0 + (total - n + 0.5) / (n + 0.5));
}

// Candidate articles: those with all the words of every soft AND first
// (all_terms), then those with some. Only articles passing @p filter (may be
// empty: all) are candidates; the matcher stops early when @p deadline passes.
std::vector<Candidate> retrieve(Xapian::Database& db, const BuiltQuery& built,
                                const Xapian::Query& filter, const RankingParams& rp,
                                std::size_t depth, const Deadline& deadline,
                                std::size_t& estimated) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(rp.article_k1, 0, 1, rp.article_b, 0.5));
  if (!deadline.none()) enquire.set_time_limit(deadline.seconds_left());
  enquire.set_query(apply_filter(built.strict, filter));
  Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(depth));
  std::vector<Candidate> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back({*it, it.get_weight(), true});
  estimated = mset.get_matches_estimated();
  if (!built.has_soft_and) return out;
  // Articles with only some of the words follow those with all of them.
  if (!deadline.none()) enquire.set_time_limit(deadline.seconds_left());
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT, apply_filter(built.loose, filter), built.strict));
  const std::size_t more = depth > out.size() ? depth - out.size() : 0;
  Xapian::MSet rest = enquire.get_mset(0, static_cast<Xapian::doccount>(more));
  for (auto it = rest.begin(); it != rest.end(); ++it) out.push_back({*it, it.get_weight(), false});
  estimated += rest.get_matches_estimated();
  return out;
}

// The @p n candidates with the highest article weight, for feedback.
std::vector<ScoredDoc> feedback_docs(const std::vector<Candidate>& cands, std::size_t n) {
  std::vector<ScoredDoc> top;
  for (const Candidate& c : cands) top.emplace_back(c.did, c.weight);
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (top.size() > n) top.resize(n);
  return top;
}

// The article weights of @p cands under the query with @p expansion: one
// match restricted to the candidates, so it costs a few skips per candidate
// instead of a second pass over the index. Retrieving again from the whole
// index changed MAP by under 0.001 on every IR collection (bench/README.md)
// and cost 9 of 18 ms on four-word queries. Candidates keep their order.
void reweigh(Xapian::Database& db, const BuiltQuery& built, const Xapian::Query& expansion,
             const RankingParams& rp, const Deadline& deadline, std::vector<Candidate>& cands) {
  std::vector<Xapian::docid> pool;
  for (const Candidate& c : cands) pool.push_back(c.did);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(rp.article_k1, 0, 1, rp.article_b, 0.5));
  if (!deadline.none()) enquire.set_time_limit(deadline.seconds_left());
  enquire.set_query(within_pool(Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.loose, expansion),
                                std::move(pool)));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(cands.size()));
  std::unordered_map<Xapian::docid, double> weight;
  for (auto it = mset.begin(); it != mset.end(); ++it) weight.emplace(*it, it.get_weight());
  for (Candidate& c : cands)
    if (const auto w = weight.find(c.did); w != weight.end()) c.weight = w->second;
}

// Candidates of the query; those of an untiered (long) query are weighed
// again with the feedback words of the first retrieval's best articles, if
// there are any.
std::vector<Candidate> candidates(Xapian::Database& db, const BuiltQuery& built,
                                  const Xapian::Query& filter, std::size_t concepts, bool tiered,
                                  double headline_boost, std::size_t depth, const Deadline& deadline,
                                  std::size_t& estimated) {
  const RankingParams& rp = ranking_params();
  auto cands = retrieve(db, built, filter, rp, depth, deadline, estimated);
  if (tiered || rp.feedback.docs == 0 || cands.empty() || deadline.passed()) return cands;
  const Xapian::Query expansion =
      feedback_query(db, feedback_docs(cands, rp.feedback.docs),
                     static_cast<double>(concepts), headline_boost, rp.feedback);
  if (!expansion.empty()) reweigh(db, built, expansion, rp, deadline, cands);
  return cands;
}

// Examines candidates in retrieval order until done or the deadline passes
// (then @p timed_out is set and the rest are dropped).
std::vector<Examined> examine(const EvidenceReader& reader, const std::vector<Candidate>& cands,
                              const Deadline& deadline, bool& timed_out) {
  std::vector<Examined> out;
  out.reserve(cands.size());
  for (const Candidate& c : cands) {
    if (deadline.passed()) {
      timed_out = true;
      break;
    }
    ArticleEvidence ev = reader.read(c.did);
    out.push_back({c, std::move(ev.headline), std::move(ev.passages)});
  }
  return out;
}

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

// A shown passage: its text is analysed (only now) for highlights and the
// snippet's word boundaries.
Passage make_passage(const StoredArticle& article, Analyzer& analyzer, const PassageRanker& ranker,
                     const RankedPassage& rp, const SearchOptions& opt) {
  Passage p;
  p.index = rp.index;
  std::tie(p.byte_begin, p.byte_end) = article.passages[rp.index];
  p.text = article.body.substr(p.byte_begin, p.byte_end - p.byte_begin);
  p.score = rp.score;
  p.matched_terms = rp.matched;
  const PassageEvidence ev = ranker.examine(analyzer, p.text);
  p.snippet = make_snippet(p.text, ev.matches, ev.words, opt.snippet_chars);
  return p;
}

// The hit of a shown article: the only records read from the index.
Hit make_hit(Xapian::Database& db, Analyzer& analyzer, const PassageRanker& ranker,
             const Examined& ex, const std::vector<RankedPassage>& ranked, double score,
             const SearchOptions& opt) {
  StoredArticle article = decode_stored_article(db.get_document(ex.cand.did).get_data());
  if (article.passages.size() != ex.evidence.size())
    throw Error(ErrorCode::kCorruption, "article '" + article.id +
                                            "': stored passages disagree with its layout");
  Hit h;
  h.all_terms = ex.cand.all_terms;
  h.score = score;
  for (const auto& rp : ranked) h.passages.push_back(make_passage(article, analyzer, ranker, rp, opt));
  h.id = std::move(article.id);
  h.title = std::move(article.title);
  h.source_path = std::move(article.source_path);
  h.date = std::move(article.date);
  h.source = std::move(article.source);
  h.url = std::move(article.url);
  return h;
}

}  // namespace

SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& opt) {
  const RankingParams& rp = ranking_params();
  if (opt.limit == 0 || opt.passages_per_article == 0 || opt.snippet_chars == 0)
    throw Error(ErrorCode::kInvalidArgument, "limit, passages and snippet length must be positive");
  const Deadline deadline(opt.time_budget);
  const Xapian::Query filter = filter_query(opt, analyzer);
  const QueryNode root = parse_query(query, analyzer);
  std::vector<Concept> concepts;
  for (const QueryLeaf* leaf : positive_leaves(root)) concepts.push_back({leaf, idf(db, *leaf)});
  const PassageRanker ranker(std::move(concepts));
  const bool tiered = ranker.concept_count() <= rp.tier_max_concepts;
  const double headline_boost =
      opt.headline_boost * (tiered ? 1.0 : rp.long_query_headline_factor);
  const BuiltQuery built = build_query(root, headline_boost);
  const double headline_weight =
      opt.headline_weight * (tiered ? 1.0 : rp.long_query_headline_weight_factor);
  const double article_weight =
      opt.article_weight * (tiered ? 1.0 : rp.long_query_article_factor);

  SearchResults results;
  results.indexed_articles = db.get_doccount();
  // The candidate set does not depend on the offset within the re-ranking
  // depth, so consecutive pages neither repeat nor skip articles there.
  const std::size_t depth = std::max(opt.offset + opt.limit, opt.rerank_depth);
  const auto cands = candidates(db, built, filter, ranker.concept_count(), tiered, headline_boost,
                                depth, deadline, results.estimated_matches);
  if (deadline.passed()) results.timed_out = true;
  EvidenceReader reader(db, analyzer, ranker.concepts());
  std::vector<Xapian::docid> dids;
  for (const Candidate& c : cands) dids.push_back(c.did);
  reader.prefetch(std::move(dids));
  std::vector<Examined> examined = examine(reader, cands, deadline, results.timed_out);
  const double mean_len = mean_passage_length(db, examined);

  std::vector<std::pair<SortKey, std::size_t>> order;
  std::vector<std::vector<RankedPassage>> ranked(examined.size());
  for (std::size_t i = 0; i < examined.size(); ++i) {
    Examined& ex = examined[i];
    ex.shared = headline_weight * ranker.score(ex.headline, mean_len) +
                article_weight * ex.cand.weight;
    ranked[i] = rank_passages(ex, ranker, mean_len, opt);
    const double best = ranked[i].empty() ? ex.shared : ranked[i].front().score;
    order.push_back({{tiered && ex.cand.all_terms, best}, i});
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t r = opt.offset; r < order.size() && r < opt.offset + opt.limit; ++r) {
    const std::size_t i = order[r].second;
    Hit h = make_hit(db, analyzer, ranker, examined[i], ranked[i], std::get<1>(order[r].first), opt);
    h.rank = r + 1;
    results.hits.push_back(std::move(h));
  }
  return results;
}

}  // namespace newsearch
