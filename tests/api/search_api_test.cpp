// Searcher options an embedder relies on: paging, filters, the time budget,
// the match estimate and errors; through the public API only.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

using newsearch::Error;
using newsearch::ErrorCode;
using newsearch::Searcher;
using newsearch::SearchOptions;
using newsearch::test::TempDir;

namespace {

// 60 articles about Libya from three publishers over three years; every
// third one also mentions Benghazi. Article i is dated 2011 + i % 3.
const std::string& fixture_index() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "index";
    auto writer = newsearch::IndexWriter::open(path);
    const char* sources[] = {"Reuters", "Agence France-Presse", "Libya Herald"};
    for (int i = 0; i < 60; ++i) {
      newsearch::Article a;
      a.id = "art-" + std::to_string(i);
      a.title = "Libya report number " + std::to_string(i);
      a.body = "Fighting near Tripoli, Libya, continued." + std::string(i % 3 == 0 ? " Benghazi too." : "") +
               "\n\nParagraph " + std::string(static_cast<std::size_t>(i % 7 + 1), 'x') + " about Libya.";
      a.source = sources[i % 3];
      a.date = std::to_string(2011 + i % 3) + "-06-15T12:00:00Z";
      if (i == 59) a.date.clear();  // one undated article
      writer.put(a);
    }
    writer.commit();
    return path;
  }();
  return db;
}

std::vector<std::string> ids(const newsearch::SearchResults& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

ErrorCode code_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  FAIL("no newsearch::Error thrown");
  return ErrorCode::kInternal;
}

}  // namespace

TEST_CASE("Paging: consecutive pages are the slices of one long result list", "[api][paging]") {
  auto s = Searcher::open(fixture_index());
  SearchOptions all;
  all.limit = 60;
  all.rerank_depth = 60;  // pages agree within the re-ranking depth
  const auto whole = ids(s.search("Libya", all));
  REQUIRE(whole.size() == 60);
  std::vector<std::string> paged;
  SearchOptions page;
  page.limit = 7;
  page.rerank_depth = 60;
  for (page.offset = 0; page.offset < 70; page.offset += page.limit) {
    const auto r = s.search("Libya", page);
    CHECK(r.estimated_matches == 60);
    for (std::size_t i = 0; i < r.hits.size(); ++i) CHECK(r.hits[i].rank == page.offset + i + 1);
    const auto part = ids(r);
    paged.insert(paged.end(), part.begin(), part.end());
  }
  CHECK(paged == whole);
  page.offset = 1000;
  CHECK(s.search("Libya", page).hits.empty());
}

TEST_CASE("Filters: by publisher and by date range", "[api][filters]") {
  auto s = Searcher::open(fixture_index());
  SearchOptions o;
  o.limit = 100;
  o.sources = {"reuters"};  // folded like the indexed value
  auto r = s.search("Libya", o);
  CHECK(r.hits.size() == 20);
  for (const auto& h : r.hits) CHECK(h.source == "Reuters");
  o.sources = {"Reuters", "LIBYA HERALD"};
  CHECK(s.search("Libya", o).hits.size() == 40);
  o.sources = {"Agence France-Presse"};
  CHECK(s.search("Benghazi", o).hits.size() == 0);  // Benghazi: i % 3 == 0, all Reuters
  o.sources.clear();

  o.date_from = "2012";
  o.date_to = "2012";  // inclusive at its precision: all of 2012
  r = s.search("Libya", o);
  CHECK(r.hits.size() == 20);
  for (const auto& h : r.hits) CHECK(h.date.rfind("2012-", 0) == 0);
  o.date_from = "2012-06-15T13:00:00+02:00";  // 11:00 UTC: before the articles' 12:00 UTC
  o.date_to.clear();
  CHECK(s.search("Libya", o).hits.size() == 39);  // 2012 and 2013, minus the undated one
  o.date_from.clear();
  o.date_to = "2011-12-31";
  CHECK(s.search("Libya", o).hits.size() == 20);
  o.sources = {"Reuters"};
  CHECK(s.search("Libya", o).hits.size() == 20);  // i % 3 == 0: Reuters and 2011 together
  o.sources = {"Libya Herald"};
  CHECK(s.search("Libya", o).hits.empty());
}

TEST_CASE("Filters: malformed dates and ranges are errors that say what is wrong", "[api][filters][errors]") {
  auto s = Searcher::open(fixture_index());
  SearchOptions o;
  std::string msg;
  o.date_from = "last tuesday";
  CHECK(code_of([&] { s.search("Libya", o); }, &msg) == ErrorCode::kInvalidArgument);
  CHECK(msg.find("last tuesday") != std::string::npos);
  o.date_from = "2013-02-30x";
  CHECK(code_of([&] { s.search("Libya", o); }) == ErrorCode::kInvalidArgument);
  o.date_from = "2013";
  o.date_to = "2012";
  CHECK(code_of([&] { s.search("Libya", o); }, &msg) == ErrorCode::kInvalidArgument);
  CHECK(msg.find("after") != std::string::npos);
  o = {};
  o.sources = {"  "};
  CHECK(code_of([&] { s.search("Libya", o); }) == ErrorCode::kInvalidArgument);
  // The searcher stays usable after errors.
  CHECK(s.search("Libya").hits.size() == 10);
}

TEST_CASE("Time budget: a search over budget returns early, flagged, without error", "[api][budget]") {
  auto s = Searcher::open(fixture_index());
  SearchOptions o;
  o.limit = 60;
  o.rerank_depth = 60;
  const auto full = s.search("Libya", o);
  CHECK_FALSE(full.timed_out);
  CHECK(full.hits.size() == 60);
  o.time_budget = std::chrono::milliseconds(1);
  // Slow every search down past the budget: huge snippets of many passages.
  o.passages_per_article = 1000;
  bool saw_timeout = false;
  for (int i = 0; i < 50 && !saw_timeout; ++i) {
    const auto r = s.search("Libya Tripoli Benghazi fighting paragraph report", o);
    saw_timeout = r.timed_out;
    if (r.timed_out) CHECK(r.hits.size() <= 60);
  }
  CHECK(saw_timeout);
}

TEST_CASE("Errors: missing index, bad queries and bad options", "[api][errors]") {
  TempDir t;
  std::string msg;
  CHECK(code_of([&] { Searcher::open(t / "nothing-here"); }, &msg) == ErrorCode::kNotFound);
  CHECK(msg.find("nothing-here") != std::string::npos);
  t.write("not-an-index/file.txt", "hello");
  CHECK(code_of([&] { Searcher::open(t / "not-an-index"); }) != ErrorCode::kInternal);

  auto s = Searcher::open(fixture_index());
  for (const char* q : {"", "   ", "\"unbalanced", "AND", "Libya AND", "(Libya"}) {
    INFO(q);
    CHECK(code_of([&] { s.search(q); }) == ErrorCode::kQuerySyntax);
  }
  SearchOptions o;
  o.limit = 0;
  CHECK(code_of([&] { s.search("Libya", o); }) == ErrorCode::kInvalidArgument);
  CHECK(std::string(newsearch::error_code_name(ErrorCode::kQuerySyntax)) == "query-syntax");
}
