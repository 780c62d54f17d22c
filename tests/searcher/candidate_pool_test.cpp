// within_pool(): a query restricted to a set of documents keeps its weights.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "searcher/candidate_pool.h"
#include "tests/support/temp_dir.h"

namespace {

// 40 documents: every one has "a" (wdf 1..3, so weights differ), every
// third also "b".
Xapian::WritableDatabase forty_documents(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  for (unsigned i = 1; i <= 40; ++i) {
    Xapian::Document doc;
    doc.add_term("a", i % 3 + 1);
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
  REQUIRE(all.size() == 40);

  // Unsorted, repeated, and one document that does not match the query.
  const auto pooled = weights(db, newsearch::within_pool(query, {33, 7, 3, 7, 40, 1, 999}));
  REQUIRE(pooled.size() == 5);
  for (Xapian::docid did : {1u, 3u, 7u, 33u, 40u}) {
    INFO("document " << did);
    REQUIRE(pooled.count(did) == 1);
    CHECK(pooled.at(did) == Approx(all.at(did)));
  }
  CHECK(weights(db, newsearch::within_pool(query, {})).empty());
  CHECK(weights(db, newsearch::within_pool(Xapian::Query("b"), {1, 2, 4})).empty());
}
