// within_pool(): a query restricted to a set of documents keeps its weights.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "searcher/candidate_pool.h"
#include "tests/support/temp_dir.h"

namespace {

// 40 documents: all but the fifth have "a" (wdf 1..3, so weights differ),
// every third also "b".
Xapian::WritableDatabase forty_documents(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (unsigned i = 1; i <= 40; ++i) {
    Xapian::Document doc;
    if (i != 5) doc.add_term("a", i % 3 + 1);
    if (i % 3 == 0) doc.add_term("b");
    doc.add_term("pad", i);  // document lengths differ
    db.add_document(doc);
  }
  db.commit();
  return db;
}

std::map<Xapian::docid, double> weights(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::map<Xapian::docid, double> out;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it] = it.get_weight();
  return out;
}

}  // namespace

TEST_CASE("within_pool: only pool documents match, with their unrestricted weights",
          "[searcher][pool]") {
  newsearch::test::TempDir t;
  const Xapian::Database db = forty_documents(t / "db");
  const Xapian::Query query(Xapian::Query::OP_AND_MAYBE, Xapian::Query("a"), Xapian::Query("b"));
  const auto all = weights(db, query);
  REQUIRE(all.size() == 39);

  // Unsorted, repeated, one document that does not match the query (5) and
  // one that does not exist (999).
  const auto pooled = weights(db, newsearch::within_pool(query, {33, 7, 3, 5, 7, 40, 1, 999}));
  REQUIRE(pooled.size() == 5);
  for (Xapian::docid did : {1u, 3u, 7u, 33u, 40u}) {
    INFO("document " << did);
    REQUIRE(pooled.count(did) == 1);
    CHECK(pooled.at(did) == Approx(all.at(did)));
  }
  CHECK(weights(db, newsearch::within_pool(query, {})).empty());
  // A pool larger than the query's posting list: the list drives, the pool
  // is checked document by document.
  std::vector<Xapian::docid> every;
  for (Xapian::docid did = 1; did <= 40; ++did) every.push_back(did);
  const auto b_all = weights(db, Xapian::Query("b"));
  const auto b_pooled = weights(db, newsearch::within_pool(Xapian::Query("b"), every));
  REQUIRE(b_all.size() == 13);
  REQUIRE(b_pooled.size() == b_all.size());
  for (const auto& [did, w] : b_all) {
    INFO("document " << did);
    REQUIRE(b_pooled.count(did) == 1);
    CHECK(b_pooled.at(did) == Approx(w));
  }
  CHECK(weights(db, newsearch::within_pool(Xapian::Query("b"), {1, 2, 4})).empty());
}
