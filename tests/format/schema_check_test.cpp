// The one schema check of both sides and the analyzer factory, on real
// indexes built at test time.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <string>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "newsearch/index_writer.h"
#include "newsearch/searcher.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/schema_check.h"
#include "tests/support/temp_dir.h"

using newsearch::Analyzer;
using newsearch::Error;
using newsearch::ErrorCode;
using newsearch::test::TempDir;
namespace schema = newsearch::schema;

namespace {

// A real index of one article at @p path, built through the public writer.
std::string build_index(const std::string& path) {
  auto writer = newsearch::IndexWriter::open(path);
  writer.put({"a", "Ceasefire talks", "The talks resume on Monday.", "", "", "", ""});
  writer.commit();
  return path;
}

// Rewrites one metadata key of the index's live generation (Xapian follows
// the stub).
void set_metadata(const std::string& path, std::string_view key, const std::string& value) {
  Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
  db.set_metadata(std::string(key), value);
  db.commit();
}

// The error check_schema() throws for the index at @p path, with an analyzer
// of @p options ("" if none).
std::string check_error(const std::string& path, const newsearch::AnalyzerOptions& options = {}) {
  try {
    newsearch::check_schema(Xapian::Database(path), path, Analyzer(options));
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kSchemaMismatch);
    return e.what();
  }
  return "";
}

std::string default_id() { return Analyzer().analyzer_id(); }

}  // namespace

TEST_CASE("check_schema: an index this build wrote passes", "[format][schema]") {
  TempDir t;
  const std::string path = build_index(t / "index");
  CHECK(check_error(path).empty());
  CHECK_NOTHROW(newsearch::Searcher::open(path));
}

TEST_CASE("check_schema: another schema version is refused, with the advice to index again",
          "[format][schema][error]") {
  TempDir t;
  const std::string path = build_index(t / "index");
  set_metadata(path, schema::kMetaSchema, "999");
  const std::string msg = check_error(path);
  CHECK_THAT(msg, Catch::Contains("has schema version 999, this build reads " +
                                  std::to_string(schema::kSchemaVersion)));
  CHECK_THAT(msg, Catch::EndsWith(": remove it and index again"));
}

TEST_CASE("check_schema: another analyzer id is refused, naming both", "[format][schema][error]") {
  TempDir t;
  const std::string path = build_index(t / "index");
  newsearch::AnalyzerOptions plain;
  plain.max_term_bytes = 32;  // other rules: another id
  const std::string msg = check_error(path, plain);
  CHECK_THAT(msg, Catch::Contains("was analysed with '" + default_id() + "', this build uses '" +
                                  Analyzer(plain).analyzer_id() + "'"));
  CHECK_THAT(msg, Catch::EndsWith(": remove it and index again"));
}

TEST_CASE("check_schema: a database without a stamp is not a newsearch index",
          "[format][schema][error]") {
  TempDir t;
  { Xapian::WritableDatabase db(t / "plain", Xapian::DB_CREATE); }
  CHECK(check_error(t / "plain") == "'" + (t / "plain") + "' is not a newsearch index");
}

TEST_CASE("stamp_or_check_schema: stamps a new database, checks any other", "[format][schema]") {
  TempDir t;
  Analyzer analyzer;
  Xapian::WritableDatabase db(t / "new", Xapian::DB_CREATE);
  newsearch::stamp_or_check_schema(db, t / "new", analyzer);
  const Xapian::Database committed(t / "new");  // stamp_or_check_schema committed
  CHECK(committed.get_metadata(std::string(schema::kMetaSchema)) ==
        std::to_string(schema::kSchemaVersion));
  CHECK(committed.get_metadata(std::string(schema::kMetaAnalyzer)) == default_id());
  CHECK_NOTHROW(newsearch::stamp_or_check_schema(db, t / "new", analyzer));

  db.set_metadata(std::string(schema::kMetaAnalyzer), "unknown-analyzer/1");
  CHECK_THROWS_WITH(newsearch::stamp_or_check_schema(db, t / "new", analyzer),
                    Catch::Contains("was analysed with 'unknown-analyzer/1'"));
}

TEST_CASE("stamp_or_check_schema: an unstamped database holding documents is refused",
          "[format][schema][error]") {
  TempDir t;
  Xapian::WritableDatabase db(t / "foreign", Xapian::DB_CREATE);
  db.add_document(Xapian::Document());
  db.commit();
  CHECK_THROWS_WITH(newsearch::stamp_or_check_schema(db, t / "foreign", Analyzer()),
                    "'" + (t / "foreign") + "' is not a newsearch index");
  CHECK(db.get_metadata(std::string(schema::kMetaSchema)).empty());
}

TEST_CASE("analyzer_for_index: the analyzer an index was built with",
          "[format][schema][analyzer]") {
  TempDir t;
  const std::string path = build_index(t / "index");
  CHECK(newsearch::analyzer_for_index(Xapian::Database(path)).analyzer_id() == default_id());
  // A new, unstamped database: the default.
  { Xapian::WritableDatabase db(t / "new", Xapian::DB_CREATE); }
  CHECK(newsearch::analyzer_for_index(Xapian::Database(t / "new")).analyzer_id() == default_id());
}

TEST_CASE("analyzer_for_index: an unknown id gives the default, which the checks refuse",
          "[format][schema][analyzer][error]") {
  TempDir t;
  const std::string path = build_index(t / "index");
  set_metadata(path, schema::kMetaAnalyzer, "icu-fold-v0/klingon/64");
  const Xapian::Database db(path);
  const Analyzer analyzer = newsearch::analyzer_for_index(db);
  CHECK(analyzer.analyzer_id() == default_id());
  CHECK_THROWS_WITH(newsearch::check_schema(db, path, analyzer),
                    "index '" + path +
                        "' was analysed with 'icu-fold-v0/klingon/64', this build "
                        "uses '" +
                        default_id() + "': remove it and index again");
  // Both sides: the searcher and the writer refuse it the same way.
  CHECK_THROWS_WITH(newsearch::Searcher::open(path), Catch::Contains("'icu-fold-v0/klingon/64'"));
  CHECK_THROWS_WITH(newsearch::IndexWriter::open(path),
                    Catch::Contains("'icu-fold-v0/klingon/64'"));
}

TEST_CASE("stamp_schema: writes this build's stamp without committing", "[format][schema]") {
  TempDir t;
  Xapian::WritableDatabase db(t / "db", Xapian::DB_CREATE);
  newsearch::stamp_schema(db, Analyzer());
  CHECK(db.get_metadata(std::string(schema::kMetaAnalyzer)) == default_id());
  CHECK(Xapian::Database(t / "db").get_metadata(std::string(schema::kMetaSchema)).empty());
  db.commit();
  CHECK_NOTHROW(newsearch::check_schema(Xapian::Database(t / "db"), t / "db", Analyzer()));
}

// Regression (issue 17): an index written before the line classifier (schema
// 2, analyser newsearch-icu-v1) is refused with the advice to rebuild, not
// read with stored records of another layout.
TEST_CASE("check_schema: an index of 0.4.0 before issue 17 is refused, with the rebuild advice",
          "[format][schema][error]") {
  TempDir t;
  const std::string path = build_index(t / "index");
  set_metadata(path, schema::kMetaSchema, "2");
  set_metadata(path, schema::kMetaAnalyzer, "newsearch-icu-v1/english/200");
  const std::string msg = check_error(path);
  CHECK_THAT(msg, Catch::Contains("schema version 2"));
  CHECK_THAT(msg, Catch::EndsWith(": remove it and index again"));
  set_metadata(path, schema::kMetaSchema, std::to_string(schema::kSchemaVersion));
  const std::string analyzer_msg = check_error(path);
  CHECK_THAT(analyzer_msg, Catch::Contains("newsearch-icu-v1/english/200"));
  CHECK_THAT(analyzer_msg, Catch::EndsWith(": remove it and index again"));
}
