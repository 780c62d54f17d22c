// The disk watermark (indexer/disk_space.h): a commit, a compaction or a
// shard merge that would leave the index's filesystem with less than the
// margin is refused with a clean "No space left on device" error before
// libxapian writes anything, and the index keeps its last commit. A margin
// larger than the free space stands in for a full disk, so no mount is
// needed (tests/regress/full_disk_test.cpp fills real ones, as root).
#include <catch2/catch.hpp>

#include <filesystem>

#include "indexer/disk_space.h"
#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using newsearch::test::TempDir;

namespace {

// More than the filesystem of @p dir has free: every write is refused.
newsearch::Article article(const std::string& id, const std::string& body) {
  newsearch::Article a;
  a.id = id;
  a.title = id;
  a.body = body;
  return a;
}

std::uint64_t beyond_free(const std::string& dir) {
  return newsearch::free_bytes(dir) + (1ull << 36);
}

void require_no_space(const newsearch::Error& e) {
  CHECK(e.code() == newsearch::ErrorCode::kIOError);
  CHECK_THAT(e.what(), Catch::Contains("No space left on device") &&
                           Catch::Contains("keeps its last commit"));
}

}  // namespace

TEST_CASE("free_bytes and directory_bytes measure the filesystem and a tree", "[indexer][disk]") {
  TempDir t;
  CHECK(newsearch::free_bytes(t.path()) > 0);
  CHECK(newsearch::directory_bytes(t / "missing") == 0);
  t.write("a/b/c.txt", std::string(1000, 'x'));
  t.write("a/d.txt", std::string(24, 'y'));
  CHECK(newsearch::directory_bytes(t / "a") == 1024);
  CHECK_THROWS_AS(newsearch::free_bytes(t / "missing/dir"), newsearch::Error);
}

TEST_CASE(
    "IndexWriter refuses a commit that would cross the margin; the index keeps its last commit",
    "[indexer][disk]") {
  TempDir t;
  const std::string db = t / "index";
  {
    auto w = newsearch::IndexWriter::open(db);
    w.put(article("one", "Body of the first article."));
    w.commit();
  }
  newsearch::IndexWriterOptions opt;
  opt.min_free_bytes = beyond_free(t.path());
  opt.auto_commit = 0;
  {
    auto w = newsearch::IndexWriter::open(db, opt);
    w.put(article("two", "Body of the second article."));
    try {
      w.commit();
      FAIL("commit succeeded");
    } catch (const newsearch::Error& e) {
      require_no_space(e);
    }
  }
  // The refused batch was discarded, not committed by the destructor.
  CHECK(newsearch::Searcher::open(db).article_count() == 1);
  CHECK(newsearch::Searcher::open(db).search("first").hits.size() == 1);
}

TEST_CASE("the indexer ends cleanly when the disk margin is not there, for each kind of run",
          "[indexer][disk]") {
  TempDir t;
  const std::string db = t / "index";
  const std::string huge = std::to_string((beyond_free(t.path()) >> 20) + 1);
  const auto indexer = [&](std::vector<std::string> args) {
    args.insert(args.begin(),
                {newsearch::test::bin("indexer"), "--db", db, "--log-level", "error"});
    return newsearch::test::run_process(args);
  };
  // A fresh build, sequential and in parallel shards: nothing is committed.
  for (const std::string threads : {"1", "2"}) {
    CAPTURE(threads);
    t.write("src/a.txt", "Headline\n\nSome body text about Tripoli.\n");
    const auto r = indexer({"--threads", threads, "--min-free-mb", huge, t / "src"});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("No space left on device"));
    if (std::filesystem::exists(db + "/XAPIANDB"))
      CHECK(newsearch::Searcher::open(db).article_count() == 0);
  }
  // An incremental run and a compaction of an existing index keep its state.
  REQUIRE(indexer({newsearch::test::corpus_dir()}).status == 0);
  const std::size_t before = newsearch::Searcher::open(db).article_count();
  const auto inc = indexer({"--min-free-mb", huge, t / "src"});
  CHECK(inc.status == 2);
  CHECK_THAT(inc.err, Catch::Contains("No space left on device"));
  const auto cmp = indexer({"--compact", "--min-free-mb", huge});
  CHECK(cmp.status == 2);
  CHECK_THAT(cmp.err, Catch::Contains("No space left on device"));
  CHECK(newsearch::Searcher::open(db).article_count() == before);
  CHECK(newsearch::Searcher::open(db).search("Shoigu").hits.size() == 5);
}
