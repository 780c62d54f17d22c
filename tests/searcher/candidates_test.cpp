// Candidate retrieval and feedback re-weighing (candidates.h): re-weighing
// the candidates alone (reweigh, weigh_plain) must give each the weight a
// match over the whole index gives it, keep their order and all_terms, and
// feedback must change something.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/index_writer.h"
#include "searcher/candidates.h"
#include "searcher/feedback.h"
#include "searcher/query_builder.h"
#include "searcher/query_parser.h"
#include "tests/support/temp_dir.h"

namespace {

// 60 articles. 0-9 hold all four query words; 0-2 also "cheap" (but not
// "flights"), 3 "cheap flights". 10-29 hold some query words, 30-59 none.
// Rarer topical words (in at most 6 articles, so feedback may use them)
// follow the query words around.
void write_articles(const std::string& path) {
  auto writer = newsearch::IndexWriter::open(path);
  const std::vector<std::string> query_words = {"alpha", "beta", "gamma", "delta"};
  for (int i = 0; i < 60; ++i) {
    std::string body = "filler" + std::to_string(i) + " lorem ipsum dolor.";
    if (i < 10) body += " alpha beta gamma delta report.";
    if (i >= 10 && i < 30)
      body += " " + query_words[i % 4] + " " + query_words[(i + 1) % 4] + " notes.";
    if (i < 3) body += " cheap";
    if (i == 3) body += " cheap flights";
    if (i < 5 || i == 10) body += " zephyr zephyr";
    if (i >= 3 && i < 8) body += " quokka";
    if (i >= 6 && i < 10) body += " marmot marmot marmot";
    if (i == 12 || i == 14) body += " marmot";
    newsearch::Article a;
    a.id = "a" + std::to_string(i);
    a.title = i % 7 == 0 ? "zephyr watch" : "story " + std::to_string(i);
    a.body = body;
    writer.put(a);
  }
  writer.commit();
}

std::map<Xapian::docid, double> full_weights(Xapian::Database& db, const Xapian::Query& q,
                                             const newsearch::Bm25Params& scheme) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(scheme.k1, 0, 1, scheme.b, 0.5));
  enquire.set_query(q);
  std::map<Xapian::docid, double> out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

// The whole-index weight of each candidate under its own query (strict for
// all_terms, loose otherwise) with @p expansion (AND_MAYBE; MatchNothing: none).
std::map<Xapian::docid, double> expected_weights(Xapian::Database& db,
                                                 const std::vector<newsearch::Candidate>& cands,
                                                 const newsearch::BuiltQuery& built,
                                                 const Xapian::Query& expansion,
                                                 const newsearch::Bm25Params& scheme) {
  using Xapian::Query;
  const auto strict = full_weights(db, Query(Query::OP_AND_MAYBE, built.strict, expansion), scheme);
  const auto loose = full_weights(db, Query(Query::OP_AND_MAYBE, built.loose, expansion), scheme);
  std::map<Xapian::docid, double> out;
  for (const auto& c : cands) {
    const auto& full = c.all_terms ? strict : loose;
    REQUIRE(full.count(c.did) == 1);
    out[c.did] = full.at(c.did);
  }
  return out;
}

// Re-weighing keeps the candidates, their order and all_terms.
void require_same_candidates(const std::vector<newsearch::Candidate>& a,
                             const std::vector<newsearch::Candidate>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].did == b[i].did);
    REQUIRE(a[i].all_terms == b[i].all_terms);
  }
}

// The articles of write_articles() in a fresh index, and an analyzer.
struct TestIndex {
  newsearch::test::TempDir t;
  Xapian::Database db;
  newsearch::Analyzer an;
  TestIndex() {
    write_articles(t / "index");
    db = Xapian::Database(t / "index");
  }
};

}  // namespace

TEST_CASE("reweigh: feedback weights of the candidates equal whole-index weights",
          "[searcher][candidates]") {
  TestIndex ix;
  Xapian::Database& db = ix.db;
  const newsearch::RankingParams& rp = newsearch::ranking_params();
  const double boost = 0.5;

  // An exclusion whose strict and loose forms differ: articles 0-2 have all
  // the words and "cheap" alone, so the loose query excludes them.
  const auto query = GENERATE(as<std::string>{}, "alpha beta gamma delta -(cheap flights)",
                              "alpha beta gamma delta", "alpha OR beta OR gamma OR delta");
  INFO("query: " << query);
  const newsearch::QueryNode root = newsearch::parse_query(query, ix.an);
  const newsearch::BuiltQuery built =
      newsearch::build_query(root, newsearch::LeafMatches(root), boost);
  std::size_t estimated = 0;
  const auto cands = newsearch::retrieve(db, built, {}, rp, 50, estimated);
  REQUIRE(cands.size() >= 20);

  std::vector<newsearch::ScoredDoc> top;
  for (std::size_t i = 0; i < 10; ++i) top.emplace_back(cands[i].did, cands[i].weight);
  const Xapian::Query expansion =
      newsearch::feedback_query(db, top, 4, boost, rp.feedback, newsearch::Analyzer());
  REQUIRE_FALSE(expansion.empty());

  auto reweighed = cands;
  newsearch::reweigh(db, built, expansion, rp.article, reweighed);
  const auto expected = expected_weights(db, cands, built, expansion, rp.article);
  require_same_candidates(reweighed, cands);
  std::size_t changed = 0;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    INFO("candidate " << i << ", document " << cands[i].did);
    CHECK(reweighed[i].weight == Approx(expected.at(cands[i].did)));
    if (reweighed[i].weight > cands[i].weight + 1e-9) ++changed;
  }
  CHECK(changed >= 5);
}

TEST_CASE(
    "weigh_plain: plain weights equal whole-index weights of the unboosted query "
    "with its own feedback words",
    "[searcher][candidates]") {
  TestIndex ix;
  Xapian::Database& db = ix.db;
  const newsearch::RankingParams& rp = newsearch::ranking_params();

  const auto query = GENERATE(as<std::string>{}, "alpha beta gamma delta -(cheap flights)",
                              "alpha beta gamma delta zephyr", "alpha OR beta OR gamma OR delta");
  INFO("query: " << query);
  const newsearch::QueryNode root = newsearch::parse_query(query, ix.an);
  const newsearch::LeafMatches matches(root);
  std::size_t estimated = 0;
  auto cands =
      newsearch::retrieve(db, newsearch::build_query(root, matches, 0.5), {}, rp, 60, estimated);
  REQUIRE(cands.size() >= 20);
  const auto before = cands;
  // The plain query: the query built with no headline boost.
  const newsearch::BuiltQuery plain = newsearch::build_query(root, matches, 0.0);
  newsearch::weigh_plain(db, plain, 4, rp, newsearch::Analyzer(), cands);

  // The same by hand over the whole index: the plain query, its best 10,
  // their feedback words (no headline boost), the plain query with them.
  const auto unexpanded =
      expected_weights(db, before, plain, Xapian::Query::MatchNothing, rp.plain);
  std::vector<newsearch::ScoredDoc> first;
  for (const auto& c : before) first.emplace_back(c.did, unexpanded.at(c.did));
  std::stable_sort(first.begin(), first.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  first.resize(rp.feedback.docs);
  const Xapian::Query expansion =
      newsearch::feedback_query(db, first, 4, 0.0, rp.feedback, newsearch::Analyzer());
  REQUIRE_FALSE(expansion.empty());
  const auto expected = expected_weights(db, before, plain, expansion, rp.plain);

  require_same_candidates(cands, before);
  std::size_t differ = 0;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    INFO("candidate " << i << ", document " << cands[i].did);
    REQUIRE(cands[i].weight == before[i].weight);  // the boosted weight is untouched
    CHECK(cands[i].plain_weight == Approx(expected.at(cands[i].did)));
    if (std::abs(cands[i].plain_weight - cands[i].weight) > 1e-6) ++differ;
  }
  CHECK(differ >= 10);
}
