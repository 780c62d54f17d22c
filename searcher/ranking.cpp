#include "searcher/ranking.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <tuple>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/stored_article.h"
#include "searcher/candidates.h"
#include "searcher/evidence.h"
#include "searcher/filters.h"
#include "searcher/options_check.h"
#include "searcher/passage_ranker.h"
#include "searcher/query_builder.h"
#include "searcher/ranking_params.h"
#include "searcher/snippet.h"
#include "searcher/tie_break.h"

namespace newsearch {
namespace {

// Examined passages of one candidate (evidence from stored positions: no
// byte ranges until a passage is shown).
struct Examined {
  Candidate cand;
  bool read = false;  // evidence read; false if the time budget ran out first
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

// Reads the evidence of the candidates in retrieval order until done or
// the deadline passes (then @p timed_out is set): the candidates left are
// kept unread, to be shown after the read ones in retrieval order.
std::vector<Examined> examine(const EvidenceReader& reader, const std::vector<Candidate>& cands,
                              const Deadline& deadline, bool& timed_out) {
  std::vector<Examined> out;
  out.reserve(cands.size());
  bool stop = false;
  for (const Candidate& c : cands) {
    Examined& ex = out.emplace_back();
    ex.cand = c;
    if (stop || (stop = deadline.passed())) continue;
    ArticleEvidence ev = reader.read(c.did);
    ex.read = true;
    ex.headline = std::move(ev.headline);
    ex.evidence = std::move(ev.passages);
  }
  timed_out |= stop;
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
// snippet's word boundaries; past the deadline it is not analysed at all
// (the snippet is its start, without highlights).
Passage make_passage(const StoredArticle& article, Analyzer& analyzer, const PassageRanker& ranker,
                     const RankedPassage& rp, const SearchOptions& opt, const Deadline& deadline) {
  Passage p;
  p.index = rp.index;
  std::tie(p.byte_begin, p.byte_end) = article.passages[rp.index];
  p.text = article.body.substr(p.byte_begin, p.byte_end - p.byte_begin);
  p.score = rp.score;
  p.matched_terms = rp.matched;
  if (deadline.passed()) {
    p.snippet = make_snippet(p.text, {}, {}, opt.snippet_chars);
    return p;
  }
  const PassageEvidence ev = ranker.examine(analyzer, p.text);
  // The stored evidence gives the same count (evidence.h); a passage whose
  // evidence was not read (time budget) has only this one.
  if (rp.matched == 0) p.matched_terms = ev.matched_concepts();
  p.snippet = make_snippet(p.text, ev.matches, ev.words, opt.snippet_chars);
  return p;
}

// The hit of a shown article: the only records read from the index. An
// article whose evidence was not read (time budget) shows its lead passage.
Hit make_hit(Xapian::Database& db, Analyzer& analyzer, const PassageRanker& ranker,
             const Examined& ex, std::vector<RankedPassage> ranked, double score,
             const SearchOptions& opt, const Deadline& deadline) {
  StoredArticle article = decode_stored_article(db.get_document(ex.cand.did).get_data());
  if (ex.read && article.passages.size() != ex.evidence.size())
    throw Error(ErrorCode::kCorruption, "article '" + article.id +
                                            "': stored passages disagree with its layout");
  if (!ex.read && !article.passages.empty()) ranked = {{0, score, 0}};
  Hit h;
  h.all_terms = ex.cand.all_terms;
  h.score = score;
  for (const auto& rp : ranked)
    h.passages.push_back(make_passage(article, analyzer, ranker, rp, opt, deadline));
  h.id = std::move(article.id);
  h.title = std::move(article.title);
  h.source_path = std::move(article.source_path);
  h.date = std::move(article.date);
  h.source = std::move(article.source);
  h.url = std::move(article.url);
  return h;
}

// Hit order: read candidates by (all_terms tier, best score), equal keys by
// article id; then the unread ones in retrieval order. @p keys: per read
// candidate.
std::vector<std::size_t> hit_order(const Xapian::Database& db, const std::vector<Examined>& examined,
                                   const std::vector<std::pair<SortKey, std::size_t>>& keys) {
  auto order = keys;
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  order_ties_by_id(db, order, [](const auto& o) { return o.first; },
                   [&](const auto& o) { return examined[o.second].cand.did; });
  std::vector<std::size_t> out;
  for (const auto& o : order) out.push_back(o.second);
  for (std::size_t i = 0; i < examined.size(); ++i)
    if (!examined[i].read) out.push_back(i);
  return out;
}

}  // namespace

SearchResults run_search(Xapian::Database& db, Analyzer& analyzer, std::string_view query,
                         const SearchOptions& opt) {
  const RankingParams& rp = ranking_params();
  check_search_options(opt);
  const Deadline deadline(opt.time_budget);
  const Xapian::Query filter = filter_query(opt, analyzer);
  const QueryNode root = parse_query(query, analyzer);
  const LeafMatches matches(root, db, analyzer);
  std::vector<Concept> concepts;
  for (const QueryLeaf* leaf : positive_leaves(root)) {
    const LeafMatch& match = matches.of(*leaf);
    concepts.push_back({&match, match.idf(db)});
  }
  const PassageRanker ranker(std::move(concepts));
  const bool tiered = ranker.concept_count() <= rp.tier_max_concepts;
  const double headline_boost =
      opt.headline_boost * (tiered ? 1.0 : rp.long_query_headline_factor);
  const BuiltQuery built = build_query(root, matches, headline_boost);
  const double headline_weight =
      opt.headline_weight * (tiered ? 1.0 : rp.long_query_headline_weight_factor);
  const double article_weight =
      opt.article_weight * (tiered ? 1.0 : rp.long_query_article_factor);
  const double plain_weight = opt.article_weight * rp.long_query_plain_factor;

  SearchResults results;
  results.indexed_articles = db.get_doccount();
  // The candidate set does not depend on the offset within the re-ranking
  // depth, so consecutive pages neither repeat nor skip articles there.
  const std::size_t depth = std::max(opt.offset + opt.limit, opt.rerank_depth);
  const auto cands = candidates(db, root, matches, built, filter, ranker.concept_count(), tiered,
                                headline_boost, depth, deadline, results.estimated_matches);
  if (deadline.passed()) results.timed_out = true;
  EvidenceReader reader(db, ranker.concepts());
  std::vector<Xapian::docid> dids;
  for (const Candidate& c : cands) dids.push_back(c.did);
  if (!deadline.passed()) reader.prefetch(std::move(dids));
  std::vector<Examined> examined = examine(reader, cands, deadline, results.timed_out);
  const double mean_len = mean_passage_length(db, examined);

  std::vector<std::pair<SortKey, std::size_t>> keys;
  std::vector<std::vector<RankedPassage>> ranked(examined.size());
  for (std::size_t i = 0; i < examined.size(); ++i) {
    Examined& ex = examined[i];
    const double article = article_weight * ex.cand.weight + plain_weight * ex.cand.plain_weight;
    if (!ex.read) {  // no headline evidence: the article evidence alone
      ex.shared = article;
      continue;
    }
    ex.shared = headline_weight * ranker.score(ex.headline, mean_len) +
                article_weight * ex.cand.weight + plain_weight * ex.cand.plain_weight;
    ranked[i] = rank_passages(ex, ranker, mean_len, opt);
    const double best = ranked[i].empty() ? ex.shared : ranked[i].front().score;
    keys.push_back({{tiered && ex.cand.all_terms, best}, i});
  }
  const std::vector<std::size_t> order = hit_order(db, examined, keys);
  for (std::size_t r = opt.offset; r < order.size() && r < opt.offset + opt.limit; ++r) {
    const std::size_t i = order[r];
    const double score = ranked[i].empty() ? examined[i].shared : ranked[i].front().score;
    Hit h = make_hit(db, analyzer, ranker, examined[i], ranked[i], score, opt, deadline);
    h.rank = r + 1;
    results.hits.push_back(std::move(h));
  }
  if (deadline.passed()) results.timed_out = true;  // snippets may be unhighlighted
  return results;
}

}  // namespace newsearch
