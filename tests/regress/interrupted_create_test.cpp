// Regression: a run killed while creating a new index (before the stub file
// was renamed into place) left XAPIANDB.tmp behind, and the next run refused
// the directory as "not an index" instead of completing the creation.
#include <catch2/catch.hpp>

#include <filesystem>

#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

using newsearch::test::TempDir;

TEST_CASE("the next run completes an index whose creation was interrupted", "[regress][crash]") {
  TempDir t;
  const std::string db = t / "index";
  // What a kill at each step of creation can leave: the lock file, a partly
  // written first generation, the temporary stub.
  t.write("index/newsearch.lock", "12345\n");
  t.write("index/gen-000001/postlist.glass", "partial");
  const bool with_tmp_stub = GENERATE(false, true);
  if (with_tmp_stub) t.write("index/XAPIANDB.tmp", "glass gen-000001\n");

  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = {newsearch::test::corpus_dir()};
  REQUIRE(newsearch::run_indexer(opt).added == 5);
  CHECK(newsearch::Searcher::open(db).search("Shoigu").hits.size() == 5);
  CHECK_FALSE(std::filesystem::exists(db + "/XAPIANDB.tmp"));
}
