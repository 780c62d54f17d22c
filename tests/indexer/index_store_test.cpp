#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>
#include <string>
#include <unordered_set>

#include "indexer/article_reader.h"
#include "indexer/document_builder.h"
#include "indexer/index_layout.h"
#include "indexer/index_store.h"
#include "indexer/source_record.h"
#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "newsearch/indexer.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/stored_article.h"
#include "tests/support/temp_dir.h"

using newsearch::Analyzer;
using newsearch::ErrorCode;
using newsearch::IndexStore;
using newsearch::SourceRecord;
using newsearch::test::TempDir;
using Outcome = newsearch::IndexStore::Outcome;
namespace schema = newsearch::schema;
namespace fs = std::filesystem;

namespace {

const std::string kRoot = "/src";

SourceRecord make_article(const std::string& id, const std::string& title,
                          const std::string& body) {
  SourceRecord a;
  a.id = id;
  a.title = title;
  a.paragraphs = {body};
  a.source_path = "/src/" + id;
  a.hash = newsearch::content_hash(title + "\n\n" + body);
  return a;
}

ErrorCode open_error(const std::string& path, Analyzer& analyzer) {
  try {
    IndexStore w(path, analyzer);
  } catch (const newsearch::Error& e) {
    return e.code();
  }
  FAIL("IndexStore opened '" << path << "'");
  return ErrorCode::kInternal;
}

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kAdded: return "added";
    case Outcome::kUpdated: return "updated";
    case Outcome::kUnchanged: return "unchanged";
  }
  return "?";
}

}  // namespace

namespace Catch {
template <>
struct StringMaker<Outcome> {
  static std::string convert(Outcome o) { return outcome_name(o); }
};
}  // namespace Catch

// --------------------------------------------------------------------------
// IndexStore
// --------------------------------------------------------------------------

TEST_CASE("IndexStore: added, unchanged, updated", "[indexer][writer]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  IndexStore writer(db_path, analyzer);

  const SourceRecord a = make_article("a.txt", "Talks postponed", "Lavrov and Cavusoglu spoke.");
  const SourceRecord b = make_article("b.txt", "Another story", "Nothing to see.");
  CHECK(writer.put(a, kRoot) == Outcome::kAdded);
  CHECK(writer.put(b, kRoot) == Outcome::kAdded);
  CHECK(writer.put(a, kRoot) == Outcome::kUnchanged);  // before any commit
  writer.commit();
  CHECK(writer.put(a, kRoot) == Outcome::kUnchanged);  // after a commit

  const SourceRecord a2 = make_article("a.txt", "Talks postponed", "Shoigu stayed in Moscow.");
  REQUIRE(a2.hash != a.hash);
  CHECK(writer.put(a2, kRoot) == Outcome::kUpdated);
  CHECK(writer.put(a2, kRoot) == Outcome::kUnchanged);
  writer.commit();

  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == 2);
  CHECK(db.get_termfreq(newsearch::id_term("a.txt")) == 1);
  CHECK(db.get_termfreq("shoigu") == 1);     // the new content
  CHECK(db.get_termfreq("cavusoglu") == 0);  // the old content is gone
  // The stored record is the new one.
  Xapian::PostingIterator p = db.postlist_begin(newsearch::id_term("a.txt"));
  REQUIRE(p != db.postlist_end(newsearch::id_term("a.txt")));
  const auto rec = newsearch::decode_stored_article(db.get_document(*p).get_data());
  CHECK(rec.body == "Shoigu stayed in Moscow.");
  CHECK(db.get_document(*p).get_value(schema::kSlotHash).starts_with(a2.hash + " "));
}

TEST_CASE("IndexStore: only the hash decides unchanged", "[indexer][writer]") {
  TempDir dir;
  Analyzer analyzer;
  IndexStore writer(dir / "index", analyzer);
  SourceRecord a = make_article("a.txt", "Title", "Body.");
  CHECK(writer.put(a, kRoot) == Outcome::kAdded);
  a.hash = "something else";
  CHECK(writer.put(a, kRoot) == Outcome::kUpdated);
  writer.commit();
  CHECK(Xapian::Database(dir / "index").get_doccount() == 1);
}

TEST_CASE("IndexStore: commit makes changes visible to a new reader", "[indexer][writer]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  IndexStore writer(db_path, analyzer);
  REQUIRE(writer.put(make_article("a.txt", "Ceasefire in Idlib", "Turkey and Russia."), kRoot) ==
          Outcome::kAdded);
  CHECK(Xapian::Database(db_path).get_doccount() == 0);  // not yet committed
  writer.commit();
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == 1);
  CHECK(db.get_termfreq("Sidlib") == 1);
  CHECK(db.get_termfreq("turkey") == 1);
  CHECK(db.get_termfreq(newsearch::id_term("a.txt")) == 1);
}

TEST_CASE("IndexStore: schema metadata is written", "[indexer][writer][schema]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  { IndexStore writer(db_path, analyzer); }
  Xapian::Database db(db_path);
  CHECK(db.get_metadata(std::string(schema::kMetaSchema)) ==
        std::to_string(schema::kSchemaVersion));
  CHECK(db.get_metadata(std::string(schema::kMetaAnalyzer)) == analyzer.analyzer_id());
  CHECK(db.get_doccount() == 0);
}

TEST_CASE("IndexStore: reopening an index keeps its documents", "[indexer][writer]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  const SourceRecord a = make_article("a.txt", "Title", "Body.");
  {
    IndexStore writer(db_path, analyzer);
    REQUIRE(writer.put(a, kRoot) == Outcome::kAdded);
    writer.commit();
  }
  IndexStore writer(db_path, analyzer);
  CHECK(writer.put(a, kRoot) == Outcome::kUnchanged);
  CHECK(writer.put(make_article("b.txt", "Second", "Body."), kRoot) == Outcome::kAdded);
  writer.commit();
  CHECK(Xapian::Database(db_path).get_doccount() == 2);
}

TEST_CASE("IndexStore: a second writer is refused with kLocked", "[indexer][writer][error]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  {
    IndexStore first(db_path, analyzer);
    try {
      IndexStore second(db_path, analyzer);
      FAIL("second writer opened a locked index");
    } catch (const newsearch::Error& e) {
      CHECK(e.code() == ErrorCode::kLocked);
      CHECK_THAT(e.what(), Catch::Contains(db_path));
    }
    // The first writer still works.
    CHECK(first.put(make_article("a.txt", "Title", "Body."), kRoot) == Outcome::kAdded);
    first.commit();
  }
  // Once the first is gone the lock is released.
  CHECK_NOTHROW(IndexStore(db_path, analyzer));
}

TEST_CASE("IndexStore: refuses a non-empty directory that is not an index",
          "[indexer][writer][error]") {
  TempDir dir;
  dir.write("notes/readme.md", "my notes");
  Analyzer analyzer;
  CHECK(open_error(dir / "notes", analyzer) == ErrorCode::kInvalidArgument);
  // Nothing was written into it.
  // Nothing was written into it, not even a lock file.
  CHECK(std::distance(fs::directory_iterator(dir / "notes"), fs::directory_iterator()) == 1);
}

TEST_CASE("IndexStore: an empty directory or a missing path becomes an index",
          "[indexer][writer]") {
  TempDir dir;
  Analyzer analyzer;
  fs::create_directories(dir / "empty");
  CHECK_NOTHROW(IndexStore(dir / "empty", analyzer));
  CHECK(fs::exists(fs::path(dir / "empty") / schema::kStubFile));
  CHECK(Xapian::Database(dir / "empty").get_doccount() == 0);
  CHECK_NOTHROW(IndexStore(dir / "deep/nested/index", analyzer));
  CHECK(fs::exists(fs::path(dir / "deep/nested/index") / schema::kStubFile));
  CHECK(Xapian::Database(dir / "deep/nested/index").get_doccount() == 0);
}

TEST_CASE("IndexStore: a regular file as index path is kInvalidArgument",
          "[indexer][writer][error]") {
  TempDir dir;
  const std::string file = dir.write("file", "not an index");
  Analyzer analyzer;
  CHECK(open_error(file, analyzer) == ErrorCode::kInvalidArgument);
  CHECK(newsearch::test::read_file(file) == "not an index");
}

TEST_CASE("IndexStore: an index built with another analyzer is kSchemaMismatch",
          "[indexer][writer][schema][error]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer english;
  {
    IndexStore writer(db_path, english);
    writer.put(make_article("a.txt", "Title", "Body."), kRoot);
    writer.commit();
  }
  newsearch::AnalyzerOptions opts;
  opts.max_term_bytes = 32;  // other rules: another id
  Analyzer plain(opts);
  CHECK(open_error(db_path, plain) == ErrorCode::kSchemaMismatch);
}

TEST_CASE("IndexStore: an index of another schema version is kSchemaMismatch",
          "[indexer][writer][schema][error]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  { IndexStore writer(db_path, analyzer); }
  {
    Xapian::WritableDatabase db(db_path, Xapian::DB_OPEN);  // follows the stub
    db.set_metadata(std::string(schema::kMetaSchema), "999");
    db.commit();
  }
  CHECK(open_error(db_path, analyzer) == ErrorCode::kSchemaMismatch);
}

TEST_CASE("IndexStore: unchanged() and article_count()", "[indexer][writer]") {
  TempDir dir;
  Analyzer analyzer;
  IndexStore writer(dir / "index", analyzer);
  const SourceRecord a = make_article("a.txt", "Title", "Body.");
  CHECK(writer.article_count() == 0);
  CHECK_FALSE(writer.unchanged("a.txt", a.hash, kRoot));
  REQUIRE(writer.put(a, kRoot) == Outcome::kAdded);
  CHECK(writer.article_count() == 1);  // uncommitted changes count
  CHECK(writer.unchanged("a.txt", a.hash, kRoot));
  CHECK_FALSE(writer.unchanged("a.txt", "another hash", kRoot));
  CHECK_FALSE(writer.unchanged("b.txt", a.hash, kRoot));
  // The same content read from another SOURCE root is stored again, so that
  // pruning the old root does not delete it.
  CHECK_FALSE(writer.unchanged("a.txt", a.hash, "/another/root"));
  CHECK(writer.put(a, "/another/root") == Outcome::kUpdated);
  CHECK(writer.unchanged("a.txt", a.hash, "/another/root"));
}

TEST_CASE("IndexStore: documents carry their root term", "[indexer][writer]") {
  TempDir dir;
  Analyzer analyzer;
  IndexStore writer(dir / "index", analyzer);
  REQUIRE(writer.put(make_article("a.txt", "A", "a."), "/root/one") == Outcome::kAdded);
  REQUIRE(writer.put(make_article("b.txt", "B", "b."), "/root/one") == Outcome::kAdded);
  REQUIRE(writer.put(make_article("c.txt", "C", "c."), "/root/two") == Outcome::kAdded);
  writer.commit();
  CHECK(writer.root_count("/root/one") == 2);
  CHECK(writer.root_count("/root/two") == 1);
  CHECK(writer.root_count("/root/three") == 0);
  Xapian::Database db(dir / "index");
  CHECK(db.get_termfreq(std::string(schema::kPrefixRoot) + "/root/one") == 2);
}

TEST_CASE("IndexStore: prune deletes a root's unseen articles only", "[indexer][writer]") {
  TempDir dir;
  Analyzer analyzer;
  IndexStore writer(dir / "index", analyzer);
  for (const char* id : {"a.txt", "b.txt", "c.txt"})
    REQUIRE(writer.put(make_article(id, id, "Body."), "/one") == Outcome::kAdded);
  REQUIRE(writer.put(make_article("x.txt", "X", "Body."), "/two") == Outcome::kAdded);
  writer.commit();
  const std::unordered_set<std::string> seen = {newsearch::id_term("a.txt"),
                                                newsearch::id_term("c.txt")};
  CHECK(writer.prune("/one", seen) == 1);
  writer.commit();
  Xapian::Database db(dir / "index");
  CHECK(db.get_doccount() == 3);
  CHECK(db.get_termfreq(newsearch::id_term("b.txt")) == 0);
  CHECK(db.get_termfreq(newsearch::id_term("a.txt")) == 1);
  CHECK(db.get_termfreq(newsearch::id_term("x.txt")) == 1);  // another root is untouched
}

TEST_CASE("IndexStore: compact keeps the documents and switches generation", "[indexer][writer]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  Analyzer analyzer;
  IndexStore writer(db_path, analyzer);
  REQUIRE(writer.put(make_article("a.txt", "Compacted headline", "Body."), kRoot) ==
          Outcome::kAdded);
  const std::string before = newsearch::live_generation(db_path);
  writer.compact();
  const std::string after = newsearch::live_generation(db_path);
  CHECK(after != before);
  CHECK_FALSE(fs::exists(fs::path(db_path) / before));
  Xapian::Database db(db_path);
  CHECK(db.get_doccount() == 1);
  CHECK(db.get_termfreq("Scompacted") == 1);
  CHECK(db.get_metadata(std::string(schema::kMetaAnalyzer)) == analyzer.analyzer_id());
  // The writer keeps working on the new generation.
  CHECK(writer.put(make_article("b.txt", "B", "b."), kRoot) == Outcome::kAdded);
  writer.commit();
  CHECK(Xapian::Database(db_path).get_doccount() == 2);
}

// --------------------------------------------------------------------------
// run_indexer
// --------------------------------------------------------------------------

TEST_CASE("run_indexer: good files indexed, bad files skipped, reruns unchanged",
          "[indexer][run]") {
  TempDir dir;
  dir.write("src/a.txt", "First headline\n\nTurkey and Russia postponed talks.\n");
  dir.write("src/sub/b.txt",
            "Second headline\n\nLavrov and \xC3\x87"
            "avu\xC5\x9Fo\xC4\x9Flu.\n");
  dir.write("src/c.txt", std::string("binary\0data", 11));
  dir.write("src/d.txt", "");
  dir.write("src/ignored.md", "Not an article\n\nIgnored.");

  newsearch::IndexerOptions opts;
  opts.db_path = dir / "index";
  opts.sources = {dir / "src"};
  opts.batch_size = 1;

  const auto first = newsearch::run_indexer(opts);
  CHECK(first.found == 4);
  CHECK(first.added == 2);
  CHECK(first.updated == 0);
  CHECK(first.unchanged == 0);
  CHECK(first.skipped == 2);
  CHECK(first.indexed() == 2);
  CHECK(first.bytes > 0);
  CHECK(first.articles == 2);
  CHECK(first.deleted == 0);
  {
    Xapian::Database db(opts.db_path);
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_termfreq(newsearch::id_term("a.txt")) == 1);
    CHECK(db.get_termfreq(newsearch::id_term("sub/b.txt")) == 1);
    CHECK(db.get_termfreq("cavusoglu") == 1);
  }

  const auto second = newsearch::run_indexer(opts);
  CHECK(second.found == 4);
  CHECK(second.added == 0);
  CHECK(second.updated == 0);
  CHECK(second.unchanged == 2);
  CHECK(second.skipped == 2);

  dir.write("src/a.txt", "First headline\n\nThe talks were postponed again.\n");
  const auto third = newsearch::run_indexer(opts);
  CHECK(third.added == 0);
  CHECK(third.updated == 1);
  CHECK(third.unchanged == 1);
  CHECK(third.skipped == 2);
  CHECK(third.articles == 2);
  {
    Xapian::Database db(opts.db_path);
    CHECK(db.get_doccount() == 2);
    CHECK(db.get_termfreq("again") == 1);
    CHECK(db.get_termfreq("turkey") == 0);
  }

  // A deleted file's article is pruned.
  fs::remove(dir / "src/sub/b.txt");
  const auto fourth = newsearch::run_indexer(opts);
  CHECK(fourth.found == 3);
  CHECK(fourth.deleted == 1);
  CHECK(fourth.unchanged == 1);
  CHECK(fourth.articles == 1);
  CHECK(Xapian::Database(opts.db_path).get_termfreq("cavusoglu") == 0);
}

TEST_CASE("run_indexer: oversized files are skipped", "[indexer][run]") {
  TempDir dir;
  dir.write("src/small.txt", "Small\n\nBody.");
  dir.write("src/large.txt", "Large\n\n" + std::string(5000, 'x'));
  newsearch::IndexerOptions opts;
  opts.db_path = dir / "index";
  opts.sources = {dir / "src"};
  opts.max_file_bytes = 1000;
  const auto stats = newsearch::run_indexer(opts);
  CHECK(stats.found == 2);
  CHECK(stats.added == 1);
  CHECK(stats.skipped == 1);
}

TEST_CASE("run_indexer: a missing source is kNotFound and leaves no index",
          "[indexer][run][error]") {
  TempDir dir;
  newsearch::IndexerOptions opts;
  opts.db_path = dir / "index";
  opts.sources = {dir / "does-not-exist"};
  try {
    newsearch::run_indexer(opts);
    FAIL("run_indexer accepted a missing source");
  } catch (const newsearch::Error& e) {
    CHECK(e.code() == ErrorCode::kNotFound);
  }
  CHECK_FALSE(fs::exists(dir / "index"));
}

TEST_CASE("run_indexer: the corpus indexes completely", "[indexer][run][corpus]") {
  TempDir dir;
  newsearch::IndexerOptions opts;
  opts.db_path = dir / "index";
  opts.sources = {newsearch::test::corpus_dir()};
  const auto stats = newsearch::run_indexer(opts);
  CHECK(stats.found >= 5);
  CHECK(stats.added == stats.found);
  CHECK(stats.skipped == 0);
  Xapian::Database db(opts.db_path);
  CHECK(db.get_doccount() == stats.found);
  CHECK(db.get_termfreq("cavusoglu") >= 4);  // Çavuşoğlu and Cavusoglu alike
  CHECK(db.get_termfreq("ceasefire") >= 2);  // cease-fire and ceasefire alike
}

TEST_CASE("IndexStore: without an analyzer, it writes with the one the index was built with",
          "[indexer][writer][schema]") {
  TempDir dir;
  const std::string db_path = dir / "index";
  {
    IndexStore writer(db_path);  // a new index: the default analyzer, stamped
    CHECK(writer.analyzer().analyzer_id() == Analyzer().analyzer_id());
    writer.put(make_article("a.txt", "Title", "Body."), kRoot);
    writer.commit();
  }
  CHECK(Xapian::Database(db_path).get_metadata(std::string(schema::kMetaAnalyzer)) ==
        Analyzer().analyzer_id());
  IndexStore again(db_path);
  CHECK(again.analyzer().analyzer_id() == Analyzer().analyzer_id());
  CHECK(again.article_count() == 1);
}
