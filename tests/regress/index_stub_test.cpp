// Regressions of the 0.3.1 reliability review (issue 15, data loss): a stub
// naming a missing generation, a deleted stub and a stub naming a path
// outside the index must never cost an article; every generation stays
// where it was and the error says how to recover.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::ErrorCode;
using newsearch::test::TempDir;

namespace {

// Indexes corpus/ into @p db; returns the live generation's name.
std::string build_corpus_index(const std::string& db) {
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = {newsearch::test::corpus_dir()};
  REQUIRE(newsearch::run_indexer(opt).added == 5);
  std::string stub = newsearch::test::read_file(db + "/XAPIANDB");
  REQUIRE(stub.starts_with("glass gen-"));
  return stub.substr(6, stub.find('\n') - 6);
}

// Every entry of @p dir (recursively) with its size: what "nothing was
// touched" compares.
std::vector<std::string> listing(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().filename() == "newsearch.lock") continue;
    out.push_back(fs::relative(e.path(), dir).string() + " " +
                  (e.is_regular_file() ? std::to_string(e.file_size()) : "dir"));
  }
  std::sort(out.begin(), out.end());
  return out;
}

void write_stub(const std::string& db, const std::string& text) {
  std::ofstream(db + "/XAPIANDB", std::ios::trunc) << text;
}

// The advice of the errors works: pointing the stub back at @p live makes
// every article searchable again.
void restore_and_search(const std::string& db, const std::string& live) {
  write_stub(db, "glass " + live + "\n");
  CHECK(newsearch::Searcher::open(db).search("Shoigu").hits.size() == 5);
}

ErrorCode indexer_error(const std::string& db, std::string* message = nullptr) {
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = {newsearch::test::corpus_dir()};
  try {
    newsearch::run_indexer(opt);
  } catch (const newsearch::Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  FAIL("run_indexer succeeded");
  return ErrorCode::kInternal;
}

ErrorCode open_error(const std::string& db, std::string* message = nullptr) {
  try {
    newsearch::Searcher::open(db);
  } catch (const newsearch::Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  FAIL("Searcher::open succeeded");
  return ErrorCode::kInternal;
}

}  // namespace

TEST_CASE("a stub naming a missing generation deletes nothing", "[regress][data-loss]") {
  TempDir t;
  const std::string db = t / "index";
  const std::string live = build_corpus_index(db);
  // Another generation beside the live one, as a killed compaction leaves.
  fs::copy(db + "/" + live, db + "/gen-000050", fs::copy_options::recursive);
  write_stub(db, "glass gen-000099\n");
  const auto before = listing(db);

  std::string msg;
  CHECK(indexer_error(db, &msg) == ErrorCode::kCorruption);
  CHECK_THAT(msg, Catch::Contains("gen-000099") && Catch::Contains("does not exist") &&
                      Catch::Contains("echo 'glass gen-000050'"));
  CHECK(listing(db) == before);

  try {
    newsearch::IndexWriter::open(db);
    FAIL("IndexWriter::open succeeded");
  } catch (const newsearch::Error& e) {
    CHECK(e.code() == ErrorCode::kCorruption);
  }
  CHECK(listing(db) == before);

  CHECK(open_error(db, &msg) == ErrorCode::kCorruption);
  CHECK_THAT(msg, Catch::Contains("does not exist"));

  restore_and_search(db, live);
}

TEST_CASE("a missing stub beside a populated generation is refused, not replaced",
          "[regress][data-loss]") {
  TempDir t;
  const std::string db = t / "index";
  const std::string live = build_corpus_index(db);
  fs::remove(db + "/XAPIANDB");
  const auto before = listing(db);

  std::string msg;
  CHECK(indexer_error(db, &msg) == ErrorCode::kCorruption);
  CHECK_THAT(msg, Catch::Contains(live + " holds 5 articles") &&
                      Catch::Contains("echo 'glass " + live + "'"));
  CHECK(listing(db) == before);

  // The indexer binary says so in one line and exits 2; nothing changes.
  const auto r = newsearch::test::run_process(
      {newsearch::test::bin("indexer"), "--db", db, newsearch::test::corpus_dir()});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("refusing to start a new index"));
  CHECK(listing(db) == before);

  restore_and_search(db, live);
}

TEST_CASE("an empty generation left by a killed creation is still completed", "[regress][crash]") {
  TempDir t;
  const std::string db = t / "index";
  // Killed after the first generation was stamped and committed, before the
  // stub was written: an empty database (stamped or not) and no stub.
  const bool stamped = GENERATE(false, true);
  fs::create_directories(db);
  {
    Xapian::WritableDatabase gen(db + "/gen-000001", Xapian::DB_CREATE);
    if (stamped) gen.set_metadata("newsearch.schema", "2");
    gen.commit();
  }
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = {newsearch::test::corpus_dir()};
  CHECK(newsearch::run_indexer(opt).added == 5);
  CHECK(newsearch::Searcher::open(db).search("Shoigu").hits.size() == 5);
}

TEST_CASE("a stub naming a directory outside the index is refused by reader and writer",
          "[regress][security]") {
  TempDir t;
  const std::string db = t / "index";
  build_corpus_index(db);
  const std::string out = build_corpus_index(t / "outside");
  for (const std::string& stub : std::vector<std::string>{
           "glass ../outside/" + out + "\n", "glass /etc\n",
           "glass " + out + "/../../outside/" + out + "\n", "chert gen-000001\n", "glass gen-1x\n",
           "glass gen-0000000000000001\n", "", "\n"}) {
    CAPTURE(stub);
    write_stub(db, stub);
    const auto before = listing(t.path());
    std::string msg;
    CHECK(open_error(db, &msg) ==
          (stub.empty() ? ErrorCode::kSchemaMismatch : ErrorCode::kCorruption));
    CHECK(indexer_error(db) == ErrorCode::kCorruption);
    CHECK(listing(t.path()) == before);
  }
}

TEST_CASE("indexer --compact on a missing index is an error and creates nothing",
          "[regress][cli]") {
  TempDir t;
  const std::string db = t / "nothing-here";
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.compact = true;
  try {
    newsearch::run_indexer(opt);
    FAIL("run_indexer succeeded");
  } catch (const newsearch::Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
  }
  const auto r =
      newsearch::test::run_process({newsearch::test::bin("indexer"), "--compact", "--db", db});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Catch::Contains("no index at"));
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("an empty --db value is refused by both programs", "[regress][cli]") {
  TempDir t;
  const std::string fallback = "NEWSEARCH_DB=" + (t / "default-index");
  const auto ix = newsearch::test::run_process(
      {newsearch::test::bin("indexer"), "--db", "", newsearch::test::corpus_dir()}, {fallback});
  CHECK(ix.status == 2);
  CHECK_THAT(ix.err, Catch::Contains("--db needs a path"));
  const auto se = newsearch::test::run_process(
      {newsearch::test::bin("search"), "--db", "", "Shoigu"}, {fallback});
  CHECK(se.status == 2);
  CHECK_THAT(se.err, Catch::Contains("--db needs a path"));
  CHECK_FALSE(fs::exists(t / "default-index"));
}

TEST_CASE("an index directory that cannot be created says why", "[regress][cli]") {
  TempDir t;
  t.write("plain-file", "x");
  std::vector<std::pair<std::string, std::string>> cases = {
      {t / "plain-file/index", "Not a directory"}};
  if (::geteuid() != 0) {  // root ignores permissions
    fs::create_directories(t / "ro");
    fs::permissions(t / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    cases.push_back({t / "ro/index", "Permission denied"});
  }
  for (const auto& [db, reason] : cases) {
    CAPTURE(db);
    const auto r = newsearch::test::run_process(
        {newsearch::test::bin("indexer"), "--db", db, newsearch::test::corpus_dir()});
    CHECK(r.status == 2);
    CHECK_THAT(r.err, Catch::Contains("cannot create index directory") && Catch::Contains(reason));
    CHECK_THAT(r.err, !Catch::Contains("lock file"));
  }
  if (::geteuid() != 0) fs::permissions(t / "ro", fs::perms::owner_all);
}

TEST_CASE("a NaN or out-of-range compact threshold is refused before anything is created",
          "[regress][cli]") {
  TempDir t;
  for (const std::string value : {"nan", "-nan", "inf"}) {
    CAPTURE(value);
    const auto r =
        newsearch::test::run_process({newsearch::test::bin("indexer"), "--db", t / "index",
                                      "--compact-threshold", value, newsearch::test::corpus_dir()});
    CHECK(r.status == 2);
    CHECK(r.err.find("compact") != std::string::npos);
    CHECK_FALSE(fs::exists(t / "index"));
  }
  newsearch::IndexerOptions opt;
  opt.db_path = t / "index";
  opt.sources = {newsearch::test::corpus_dir()};
  opt.compact_threshold = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(newsearch::run_indexer(opt), newsearch::Error);
  opt.compact_threshold = 0.3;
  opt.batch_size = 0;
  CHECK_THROWS_AS(newsearch::run_indexer(opt), newsearch::Error);
  CHECK_FALSE(fs::exists(t / "index"));
}

TEST_CASE("the recovery advice names the newest generation by number, not by text",
          "[regress][data-loss]") {
  TempDir t;
  const std::string db = t / "index";
  const std::string live = build_corpus_index(db);
  fs::rename(db + "/" + live, db + "/gen-1000000");
  fs::create_directories(db + "/gen-999999");
  write_stub(db, "glass gen-000099\n");
  std::string msg;
  CHECK(indexer_error(db, &msg) == ErrorCode::kCorruption);
  CHECK_THAT(msg, Catch::Contains("gen-999999, gen-1000000") &&
                      Catch::Contains("echo 'glass gen-1000000'"));
}

TEST_CASE("a compaction never switches the stub to a name the stub reader refuses",
          "[regress][data-loss]") {
  TempDir t;
  const std::string db = t / "index";
  const std::string live = build_corpus_index(db);
  fs::rename(db + "/" + live, db + "/gen-999999999");
  write_stub(db, "glass gen-999999999\n");
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.compact = true;
  CHECK_THROWS_AS(newsearch::run_indexer(opt), newsearch::Error);
  // The live generation and its stub are as they were: still searchable.
  CHECK(newsearch::test::read_file(db + "/XAPIANDB") == "glass gen-999999999\n");
  CHECK(newsearch::Searcher::open(db).search("Shoigu").hits.size() == 5);
}
