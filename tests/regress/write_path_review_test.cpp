// Regressions found by a review of the write path and the searcher's error
// handling: each case failed before its fix.
#include <catch2/catch.hpp>

#include <xapian.h>
#include <zlib.h>

#include <filesystem>

#include "newsearch/index_writer.h"
#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "searcher/format/index_schema.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::TempDir;

namespace {

newsearch::IndexStats index(const std::string& db, std::vector<std::string> sources) {
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = std::move(sources);
  opt.compact_threshold = 0;
  return newsearch::run_indexer(opt);
}

std::string jsonl(int first, int count) {
  std::string out;
  for (int i = first; i < first + count; ++i)
    out += R"({"id": "n)" + std::to_string(i) + R"(", "title": "Title )" + std::to_string(i) +
           R"(", "body": "Body text number )" + std::to_string(i) + " with some words.\"}\n";
  return out;
}

}  // namespace

TEST_CASE("a truncated .jsonl.gz is a read error and prunes nothing", "[regress][jsonl]") {
  TempDir t;
  const std::string content = jsonl(0, 3000);
  const std::string gz = t / "src/a.jsonl.gz";
  fs::create_directories(t / "src");
  gzFile f = gzopen(gz.c_str(), "wb");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  REQUIRE(index(t / "db", {t / "src"}).articles == 3000);
  fs::resize_file(gz, fs::file_size(gz) / 2);
  const auto stats = index(t / "db", {t / "src"});
  CHECK(stats.errors == 1);
  CHECK(stats.deleted == 0);
  CHECK(stats.articles == 3000);
}

TEST_CASE("a malformed JSONL line does not get its article pruned", "[regress][jsonl]") {
  TempDir t;
  t.write("src/a.jsonl", jsonl(0, 3));
  REQUIRE(index(t / "db", {t / "src"}).articles == 3);
  // Line 2 now has a field of the wrong type: its id is unknown to the run.
  t.write("src/a.jsonl", jsonl(0, 1) +
                             R"({"id": "n1", "title": "Title 1", "body": "x", "date": 2020})"
                             "\n" +
                             jsonl(2, 1));
  const auto stats = index(t / "db", {t / "src"});
  CHECK(stats.skipped == 1);
  CHECK(stats.deleted == 0);
  CHECK(stats.articles == 3);
}

TEST_CASE("a file moved to another SOURCE is kept", "[regress][prune]") {
  TempDir t;
  t.write("A/keep.txt", "Keep\n\nkeep body\n");
  t.write("A/x.txt", "Mover\n\nmover body\n");
  fs::create_directories(t / "B");
  REQUIRE(index(t / "db", {t / "A", t / "B"}).articles == 2);
  fs::rename(t / "A/x.txt", t / "B/x.txt");
  const auto stats = index(t / "db", {t / "A", t / "B"});
  CHECK(stats.deleted == 0);
  CHECK(stats.articles == 2);
  CHECK(newsearch::Searcher::open(t / "db").search("mover").hits.size() == 1);
  CHECK(index(t / "db", {t / "A", t / "B"}).unchanged == 2);
}

TEST_CASE("a SOURCE path longer than a Xapian term is indexed", "[regress][prune]") {
  TempDir t;
  const std::string deep = "src/" + std::string(120, 'd') + "/" + std::string(120, 'e');
  t.write(deep + "/a.txt", "Deep\n\nA deeply nested article.\n");
  t.write(deep + "/b.txt", "Deeper\n\nAnother one.\n");
  REQUIRE(index(t / "db", {t / deep}).articles == 2);
  fs::remove(t / (deep + "/b.txt"));
  CHECK(index(t / "db", {t / deep}).deleted == 1);
}

TEST_CASE("duplicate ids: the first record wins and runs settle", "[regress][ids]") {
  TempDir t;
  t.write("src/a.jsonl", R"({"id": "1", "title": "Apple", "body": "apple"})"
                         "\n"
                         R"({"id": "1", "title": "Banana", "body": "banana"})"
                         "\n");
  const auto first = index(t / "db", {t / "src"});
  CHECK(first.added == 1);
  CHECK(first.skipped == 1);
  const auto second = index(t / "db", {t / "src"});
  CHECK(second.unchanged == 1);
  CHECK(second.updated == 0);
  CHECK(newsearch::Searcher::open(t / "db").search("apple").hits.size() == 1);
}

TEST_CASE("missing statistics are restored by a run that changes nothing", "[regress][stats]") {
  TempDir t;
  REQUIRE(index(t / "db", {newsearch::test::corpus_dir()}).articles == 5);
  const std::string key(newsearch::schema::kMetaPassageWords);
  {
    Xapian::WritableDatabase w(t / "db");
    w.set_metadata(key, "");  // as left by a run killed after its last batch
    w.commit();
  }
  REQUIRE(index(t / "db", {newsearch::test::corpus_dir()}).unchanged == 5);
  const std::string restored = Xapian::Database(t / "db").get_metadata(key);
  CHECK_FALSE(restored.empty());
  // An index from before the running totals were kept: both keys missing.
  {
    Xapian::WritableDatabase w(t / "db");
    w.set_metadata(key, "");
    w.set_metadata(std::string(newsearch::schema::kMetaShapeTotals), "");
    w.commit();
  }
  REQUIRE(index(t / "db", {newsearch::test::corpus_dir()}).unchanged == 5);
  CHECK(Xapian::Database(t / "db").get_metadata(key) == restored);
}

TEST_CASE("the running statistics equal a full recount after adds, replaces and deletes",
          "[regress][stats]") {
  TempDir t;
  const std::string db = t / "db";
  auto mean_after_recount = [&] {
    // Dropping the totals forces the next writer to recount every article.
    {
      Xapian::WritableDatabase w(db);
      w.set_metadata(std::string(newsearch::schema::kMetaShapeTotals), "");
      w.commit();
    }
    newsearch::IndexWriter::open(db).commit();
    return Xapian::Database(db).get_metadata(std::string(newsearch::schema::kMetaPassageWords));
  };
  {
    auto w = newsearch::IndexWriter::open(db);
    for (int i = 0; i < 20; ++i) {
      newsearch::Article a;
      a.id = "a" + std::to_string(i);
      a.title = "Title " + std::to_string(i);
      for (int p = 0; p <= i % 4; ++p)
        a.body += "Paragraph " + std::to_string(p) + " of some words.\n\n";
      w.put(a);
    }
    w.commit();
    newsearch::Article changed;
    changed.id = "a3";
    changed.body = "One short paragraph now.";
    w.put(changed);
    w.remove("a7");
    w.remove("a8");
  }
  const std::string running =
      Xapian::Database(db).get_metadata(std::string(newsearch::schema::kMetaPassageWords));
  CHECK_FALSE(running.empty());
  CHECK(mean_after_recount() == running);
}

TEST_CASE("a removed index gives newsearch::Error, not a Xapian exception", "[regress][errors]") {
  TempDir t;
  REQUIRE(index(t / "db", {newsearch::test::corpus_dir()}).articles == 5);
  auto searcher = newsearch::Searcher::open(t / "db");
  REQUIRE(searcher.search("Shoigu").hits.size() == 5);
  fs::remove_all(t / "db");
  CHECK_THROWS_AS(searcher.search("Shoigu"), newsearch::Error);
  CHECK_THROWS_AS(searcher.reopen(), newsearch::Error);
}

TEST_CASE("a text without line breaks gets a short headline", "[regress][reader]") {
  TempDir t;
  std::string line;
  while (line.size() < 100000) line += "word ";
  t.write("src/flat.txt", line + "\n");
  REQUIRE(index(t / "db", {t / "src"}).articles == 1);
  const auto hits = newsearch::Searcher::open(t / "db").search("word").hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].title.size() < 200);
  CHECK_FALSE(hits[0].passages.empty());
}
