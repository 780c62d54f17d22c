// Candidate retrieval and feedback re-weighing (candidates.h): re-weighing
// the candidates alone must give each the weight a match over the whole
// index gives it, keep their order and all_terms, and feedback must change
// something.
#include <catch2/catch.hpp>

#include <xapian.h>

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
                                             const newsearch::RankingParams& rp) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(rp.article_k1, 0, 1, rp.article_b, 0.5));
  enquire.set_query(q);
  std::map<Xapian::docid, double> out;
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

}  // namespace

TEST_CASE("reweigh: feedback weights of the candidates equal whole-index weights",
          "[searcher][candidates]") {
  newsearch::test::TempDir t;
  write_articles(t / "index");
  Xapian::Database db(t / "index");
  newsearch::Analyzer an;
  const newsearch::RankingParams& rp = newsearch::ranking_params();
  const double boost = 0.5;

  // An exclusion whose strict and loose forms differ: articles 0-2 have all
  // the words and "cheap" alone, so the loose query excludes them.
  const auto query = GENERATE(as<std::string>{}, "alpha beta gamma delta -(cheap flights)",
                              "alpha beta gamma delta", "alpha OR beta OR gamma OR delta");
  INFO("query: " << query);
  const newsearch::QueryNode root = newsearch::parse_query(query, an);
  const newsearch::BuiltQuery built = newsearch::build_query(root, boost);
  std::size_t estimated = 0;
  const auto cands = newsearch::retrieve(db, built, {}, rp, 50, estimated);
  REQUIRE(cands.size() >= 20);

  std::vector<newsearch::ScoredDoc> top;
  for (std::size_t i = 0; i < 10; ++i) top.emplace_back(cands[i].did, cands[i].weight);
  const Xapian::Query expansion = newsearch::feedback_query(db, top, 4, boost, rp.feedback);
  REQUIRE_FALSE(expansion.empty());

  auto reweighed = cands;
  newsearch::reweigh(db, built, expansion, rp, reweighed);
  const auto strict = full_weights(db, Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.strict, expansion), rp);
  const auto loose = full_weights(db, Xapian::Query(Xapian::Query::OP_AND_MAYBE, built.loose, expansion), rp);
  std::size_t changed = 0;
  for (std::size_t i = 0; i < cands.size(); ++i) {
    INFO("candidate " << i << ", document " << cands[i].did);
    REQUIRE(reweighed[i].did == cands[i].did);
    REQUIRE(reweighed[i].all_terms == cands[i].all_terms);
    const auto& full = cands[i].all_terms ? strict : loose;
    REQUIRE(full.count(cands[i].did) == 1);
    CHECK(reweighed[i].weight == Approx(full.at(cands[i].did)));
    if (reweighed[i].weight > cands[i].weight + 1e-9) ++changed;
  }
  CHECK(changed >= 5);
}
