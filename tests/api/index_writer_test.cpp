// The public IndexWriter (include/newsearch/index_writer.h), through the
// public API only: what an embedding application sees.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"
#include "tests/support/text_checks.h"

using newsearch::Article;
using newsearch::Error;
using newsearch::ErrorCode;
using newsearch::IndexWriter;
using newsearch::Searcher;
using newsearch::test::has_control;
using newsearch::test::TempDir;

namespace {

Article article(const std::string& id, const std::string& title, const std::string& body) {
  Article a;
  a.id = id;
  a.title = title;
  a.body = body;
  return a;
}

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no newsearch::Error thrown");
  return ErrorCode::kInternal;
}

}  // namespace

TEST_CASE("IndexWriter: put, replace, unchanged and remove, visible after commit",
          "[api][writer]") {
  TempDir t;
  const std::string db = t / "index";
  auto writer = IndexWriter::open(db);
  CHECK(
      writer.put(article("a", "Ceasefire in Idlib", "Turkey and Russia agreed.\n\nTalks go on.")) ==
      IndexWriter::PutResult::kAdded);
  CHECK(writer.put(article("b", "Aguila Saleh speaks", "The speaker of parliament.")) ==
        IndexWriter::PutResult::kAdded);
  CHECK(
      writer.put(article("a", "Ceasefire in Idlib", "Turkey and Russia agreed.\n\nTalks go on.")) ==
      IndexWriter::PutResult::kUnchanged);
  writer.commit();

  auto searcher = Searcher::open(db);
  REQUIRE(searcher.search("Idlib").hits.size() == 1);
  CHECK(searcher.search("Idlib").hits[0].id == "a");
  CHECK(searcher.article_count() == 2);

  CHECK(writer.put(article("a", "Ceasefire collapses", "Shelling resumed in Idlib.")) ==
        IndexWriter::PutResult::kReplaced);
  CHECK(writer.remove("b"));
  CHECK_FALSE(writer.remove("b"));
  CHECK_FALSE(writer.contains("b"));
  CHECK(writer.contains("a"));
  CHECK(writer.article_count() == 1);
  // Not committed yet: the searcher still sees the old state after reopen().
  searcher.reopen();
  CHECK(searcher.search("Saleh").hits.size() == 1);
  writer.commit();
  searcher.reopen();
  CHECK(searcher.search("Saleh").hits.empty());
  const auto hits = searcher.search("shelling").hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].title == "Ceasefire collapses");
}

TEST_CASE("IndexWriter: fields reach the hits, and analysis matches the indexer's",
          "[api][writer]") {
  TempDir t;
  {
    auto writer = IndexWriter::open(t / "index");
    Article a =
        article("wire-1", "Çavuşoğlu meets Shoigú", "Talks on the cease-fire.\n\nMore text.");
    a.date = "2019-03-05T10:00:00+02:00";
    a.source = "Reuters";
    a.url = "https://example.com/wire-1";
    writer.put(a);
  }  // the destructor commits
  auto searcher = Searcher::open(t / "index");
  for (const char* q : {"cavusoglu", "SHOIGU", "ceasefire", "\"cease fire\""}) {
    INFO(q);
    const auto hits = searcher.search(q).hits;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].id == "wire-1");
    CHECK(hits[0].source == "Reuters");
    CHECK(hits[0].date == "2019-03-05T10:00:00+02:00");
    CHECK(hits[0].url == "https://example.com/wire-1");
    CHECK_FALSE(hits[0].passages.empty());
  }
}

TEST_CASE("IndexWriter: bad articles are refused with kInvalidArgument and change nothing",
          "[api][writer][errors]") {
  TempDir t;
  auto writer = IndexWriter::open(t / "index");
  CHECK(code_of([&] { writer.put(article("", "title", "body")); }) == ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { writer.put(article("x", "", "  \n\n ")); }) == ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { writer.put(article("x", "bad \xC3\x28 utf8", "body")); }) ==
        ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { writer.put(article("x", "title", std::string("nul\0byte", 8))); }) ==
        ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { writer.put(article(std::string(70000, 'i'), "title", "body")); }) ==
        ErrorCode::kInvalidArgument);
  try {
    writer.put(article("x", "bad \xC3\x28 utf8", "body"));
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("'x'") != std::string::npos);
    CHECK(std::string(e.what()).find("title") != std::string::npos);
  }
  CHECK(writer.article_count() == 0);
}

TEST_CASE("IndexWriter: control characters never reach the hits (terminal escapes)",
          "[api][writer][security]") {
  TempDir t;
  {
    auto writer = IndexWriter::open(t / "index");
    Article a = article("esc-1", "Benghazi\x1b]0;pwned\x07\nnews\r",
                        "Body \x1b[2J of\x7f the\xC2\x9b news.\n\nMore\x08 news.");
    a.source = "Reu\x1bters";
    a.date = "2013-01-01\x07";
    a.url = "http://x/\x1b[2J";
    writer.put(a);
  }
  auto searcher = Searcher::open(t / "index");
  const auto hits = searcher.search("news").hits;
  REQUIRE(hits.size() == 1);
  const auto& h = hits[0];
  CHECK(h.title == "Benghazi ]0;pwned news");
  CHECK(h.date == "2013-01-01");
  for (const std::string* f : {&h.title, &h.source, &h.date, &h.url}) CHECK_FALSE(has_control(*f));
  REQUIRE_FALSE(h.passages.empty());
  for (const auto& p : h.passages) CHECK_FALSE(has_control(p.text));
}

TEST_CASE("IndexWriter: a long title is shortened like a .txt headline", "[api][writer]") {
  TempDir t;
  std::string title;
  while (title.size() < (1u << 20)) title += "word ";
  {
    auto writer = IndexWriter::open(t / "index");
    writer.put(article("long", title, "Benghazi."));
  }
  const auto hits = Searcher::open(t / "index").search("Benghazi").hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].title.size() <= 200);
  CHECK(hits[0].title.ends_with("\xE2\x80\xA6"));
}

TEST_CASE("IndexWriter: a blank optional title or body is no title or body", "[api][writer]") {
  TempDir t;
  auto writer = IndexWriter::open(t / "index");
  CHECK(writer.put(article("a", "  \t ", "Body text.")) == IndexWriter::PutResult::kAdded);
  CHECK(writer.put(article("b", "Title", " \n\n ")) == IndexWriter::PutResult::kAdded);
  CHECK(writer.article_count() == 2);
}

TEST_CASE("IndexWriter: error messages speak of the article, not of a file",
          "[api][writer][errors]") {
  TempDir t;
  auto writer = IndexWriter::open(t / "index");
  const std::vector<Article> bad = {article("x", " ", "\n\n"),
                                    article("x", "bad \xC3\x28 utf8", "body"),
                                    article("x", "title", std::string("nul\0byte", 8)),
                                    article(std::string((64u << 10) + 1, 'i'), "t", "b")};
  for (const Article& a : bad) {
    try {
      writer.put(a);
      FAIL("accepted");
    } catch (const Error& e) {
      CAPTURE(e.what());
      CHECK(e.code() == ErrorCode::kInvalidArgument);
      CHECK(std::string(e.what()).find("article") != std::string::npos);
      CHECK(std::string(e.what()).find("file") == std::string::npos);
    }
  }
  // Exactly 64 KiB is the longest id.
  CHECK(writer.put(article(std::string(64u << 10, 'i'), "t", "b")) ==
        IndexWriter::PutResult::kAdded);
}

TEST_CASE("Sources: a long publisher name filters, one without letters or digits is refused",
          "[api][writer][filters]") {
  TempDir t;
  const std::string long_name = "The " + std::string(300, 'x') + " Gazette";
  std::vector<std::string> warnings;
  newsearch::IndexWriterOptions wopt;
  wopt.log.level = newsearch::LogLevel::kWarn;
  wopt.log.callback = [&](newsearch::LogLevel, std::string_view m) { warnings.emplace_back(m); };
  {
    auto writer = IndexWriter::open(t / "index", wopt);
    Article a = article("long", "Libya", "Tripoli news.");
    a.source = long_name;
    writer.put(a);
    a = article("short", "Libya", "Tripoli news.");
    a.source = "Reuters";
    writer.put(a);
    a = article("marks", "Libya", "Tripoli news.");
    a.source = "!!!";
    writer.put(a);
  }
  REQUIRE(warnings.size() == 1);  // the one whose source no filter can name
  CHECK(warnings[0].find("'marks'") != std::string::npos);
  CHECK(warnings[0].find("!!!") != std::string::npos);
  auto searcher = Searcher::open(t / "index");
  newsearch::SearchOptions o;
  o.sources = {long_name};
  auto hits = searcher.search("Tripoli", o).hits;
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].id == "long");
  o.sources = {"THE " + std::string(300, 'X') + " GAZETTE"};  // folded like the indexed name
  CHECK(searcher.search("Tripoli", o).hits.size() == 1);
  for (const char* nothing : {"!!!", "  ", "-- ..."}) {
    INFO(nothing);
    o.sources = {nothing};
    CHECK(code_of([&] { searcher.search("Tripoli", o); }) == ErrorCode::kInvalidArgument);
  }
  o.sources = {std::string(100000, '!')};  // the message quotes it cut short
  try {
    searcher.search("Tripoli", o);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).size() < 200);
  }
}

TEST_CASE("IndexWriter: one writer at a time, across the API and the indexer",
          "[api][writer][errors]") {
  TempDir t;
  auto writer = IndexWriter::open(t / "index");
  CHECK(code_of([&] { IndexWriter::open(t / "index"); }) == ErrorCode::kLocked);
  newsearch::IndexerOptions opt;
  opt.db_path = t / "index";
  opt.sources = {newsearch::test::corpus_dir()};
  CHECK(code_of([&] { newsearch::run_indexer(opt); }) == ErrorCode::kLocked);
}

TEST_CASE("IndexWriter: auto_commit makes batches visible without commit()", "[api][writer]") {
  TempDir t;
  newsearch::IndexWriterOptions opt;
  opt.auto_commit = 3;
  auto writer = IndexWriter::open(t / "index", opt);
  for (int i = 0; i < 7; ++i)
    writer.put(article("id" + std::to_string(i), "Headline " + std::to_string(i), "Libya news."));
  // Two automatic commits (after 3 and 6 changes); the 7th is pending.
  CHECK(Searcher::open(t / "index").article_count() == 6);
  writer.commit();
  CHECK(Searcher::open(t / "index").article_count() == 7);
}

TEST_CASE("IndexWriter: articles of the API survive an indexer run over files", "[api][writer]") {
  TempDir t;
  {
    auto writer = IndexWriter::open(t / "index");
    writer.put(article("api-1", "Benghazi port reopens", "Ships docked on Monday."));
  }
  newsearch::IndexerOptions opt;
  opt.db_path = t / "index";
  opt.sources = {newsearch::test::corpus_dir()};
  const auto stats = newsearch::run_indexer(opt);
  CHECK(stats.added == 5);
  CHECK(stats.deleted == 0);  // pruning a SOURCE never touches API articles
  CHECK(stats.articles == 6);
  CHECK(Searcher::open(t / "index").search("Benghazi port").hits.at(0).id == "api-1");
}

TEST_CASE("Logging: records reach the callback, filtered by level", "[api][logging]") {
  TempDir t;
  std::vector<std::pair<newsearch::LogLevel, std::string>> records;
  newsearch::IndexWriterOptions wopt;
  wopt.log.level = newsearch::LogLevel::kDebug;
  wopt.log.callback = [&](newsearch::LogLevel l, std::string_view m) {
    records.emplace_back(l, std::string(m));
  };
  {
    auto writer = IndexWriter::open(t / "index", wopt);
    writer.put(article("a", "Libya", "Tripoli."));
    writer.commit();
  }
  REQUIRE_FALSE(records.empty());
  CHECK(records.front().first == newsearch::LogLevel::kInfo);
  CHECK(records.front().second.find("opened") != std::string::npos);

  records.clear();
  newsearch::SearchOptions sopt;
  sopt.log = wopt.log;
  Searcher::open(t / "index", sopt).search("Tripoli");
  bool query_logged = false;
  for (const auto& [level, text] : records)
    query_logged |=
        level == newsearch::LogLevel::kDebug && text.find("Tripoli") != std::string::npos;
  CHECK(query_logged);

  records.clear();
  sopt.log.level = newsearch::LogLevel::kWarn;  // debug records are not even formatted
  Searcher::open(t / "index", sopt).search("Tripoli");
  CHECK(records.empty());

  // A throwing callback loses its record, nothing else.
  sopt.log.level = newsearch::LogLevel::kDebug;
  sopt.log.callback = [](newsearch::LogLevel, std::string_view) {
    throw std::runtime_error("boom");
  };
  CHECK(Searcher::open(t / "index", sopt).search("Tripoli").hits.size() == 1);
}

TEST_CASE("Version: the macros match the library", "[api]") {
  const auto v = newsearch::version();
  CHECK(v.major == NEWSEARCH_VERSION_MAJOR);
  CHECK(v.minor == NEWSEARCH_VERSION_MINOR);
  CHECK(v.patch == NEWSEARCH_VERSION_PATCH);
  CHECK(std::string(newsearch::version_string()) ==
        std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch));
}
