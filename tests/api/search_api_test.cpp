// Searcher options an embedder relies on: paging, filters, the time budget,
// the match estimate and errors; through the public API only.
#include <catch2/catch.hpp>

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <functional>
#include <limits>
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
      a.body = "Fighting near Tripoli, Libya, continued." +
               std::string(i % 3 == 0 ? " Benghazi too." : "") + "\n\nParagraph " +
               std::string(static_cast<std::size_t>(i % 7 + 1), 'x') + " about Libya.";
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

TEST_CASE("Filters: malformed dates and ranges are errors that say what is wrong",
          "[api][filters][errors]") {
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

TEST_CASE("Time budget: a search over budget returns early, flagged, without error",
          "[api][budget]") {
  // 300 long articles that all match: re-ranking them all takes far longer
  // than the 1 ms budget on any machine (their text is re-analysed).
  TempDir t;
  {
    auto writer = newsearch::IndexWriter::open(t / "index");
    std::string paragraph;
    for (int k = 0; k < 40; ++k)
      paragraph += "Fighting near Tripoli and Benghazi continued, officials said. ";
    for (int i = 0; i < 300; ++i) {
      newsearch::Article a;
      a.id = "long-" + std::to_string(i);
      a.title = "Libya report " + std::to_string(i);
      for (int p = 0; p < 3; ++p) a.body += paragraph + "\n\n";
      writer.put(a);
    }
  }
  auto s = Searcher::open(t / "index");
  SearchOptions o;
  o.limit = 300;
  const auto t0 = std::chrono::steady_clock::now();
  const auto full = s.search("Libya Tripoli", o);
  const auto full_time = std::chrono::steady_clock::now() - t0;
  CHECK_FALSE(full.timed_out);
  CHECK(full.hits.size() == 300);

  o.time_budget = std::chrono::milliseconds(1);
  const auto t1 = std::chrono::steady_clock::now();
  const auto cut = s.search("Libya Tripoli", o);
  const auto cut_time = std::chrono::steady_clock::now() - t1;
  CHECK(cut.timed_out);
  // Every requested hit is still returned: those not re-ranked in time
  // follow in Xapian's order.
  CHECK(cut.hits.size() == 300);
  for (std::size_t i = 0; i < cut.hits.size(); ++i) CHECK(cut.hits[i].rank == i + 1);
  CHECK(cut_time < full_time);
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

namespace {

// Runs @p f on a thread with a stack of @p bytes (small, as an embedder's
// worker may have), rethrowing what it threw: shows that the work's stack
// use is bounded.
void on_small_stack(std::size_t bytes, const std::function<void()>& f) {
  std::exception_ptr error;
  auto body = [&] {
    try {
      f();
    } catch (...) {
      error = std::current_exception();
    }
  };
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, bytes);
  pthread_t thread;
  auto trampoline = [](void* p) -> void* {
    (*static_cast<decltype(body)*>(p))();
    return nullptr;
  };
  REQUIRE(pthread_create(&thread, &attr, trampoline, &body) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
  if (error) std::rethrow_exception(error);
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE(
    "Options: NaN, infinite, negative and huge numeric options are refused, naming the option",
    "[api][errors][options]") {
  auto s = Searcher::open(fixture_index());
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  using Setter = std::function<void(SearchOptions&)>;
  const std::vector<std::pair<std::string, Setter>> bad = {
      {"headline_boost", [&](SearchOptions& o) { o.headline_boost = nan; }},
      {"headline_boost", [&](SearchOptions& o) { o.headline_boost = inf; }},
      {"headline_boost", [&](SearchOptions& o) { o.headline_boost = -1; }},
      {"article_weight", [&](SearchOptions& o) { o.article_weight = nan; }},
      {"article_weight", [&](SearchOptions& o) { o.article_weight = -inf; }},
      {"headline_weight", [&](SearchOptions& o) { o.headline_weight = nan; }},
      {"headline_weight", [&](SearchOptions& o) { o.headline_weight = 1e300; }},
      {"limit", [&](SearchOptions& o) { o.limit = SIZE_MAX; }},
      {"offset", [&](SearchOptions& o) { o.offset = SIZE_MAX; }},
      {"rerank_depth", [&](SearchOptions& o) { o.rerank_depth = SIZE_MAX; }},
      {"time_budget", [&](SearchOptions& o) { o.time_budget = std::chrono::milliseconds(-5); }},
      // now() + budget would overflow (UB) and every search would time out.
      {"time_budget", [&](SearchOptions& o) { o.time_budget = std::chrono::milliseconds::max(); }},
  };
  for (const auto& [name, set] : bad) {
    INFO(name);
    SearchOptions o;
    set(o);
    std::string msg;
    CHECK(code_of([&] { s.search("Libya", o); }, &msg) == ErrorCode::kInvalidArgument);
    CHECK(msg.find(name) != std::string::npos);
    // The defaults given to open() are checked there.
    CHECK(code_of([&] { Searcher::open(fixture_index(), o); }, &msg) ==
          ErrorCode::kInvalidArgument);
    CHECK(msg.find(name) != std::string::npos);
  }
  SearchOptions zero;
  zero.headline_boost = 0;  // zero weights are meaningful: no boost
  zero.article_weight = 0;
  zero.headline_weight = 0;
  CHECK(s.search("Libya", zero).hits.size() == 10);
}

TEST_CASE("Dates: 26,000 fractional-second digits neither crash put() nor a date filter",
          "[api][filters][dates][limits]") {
  // std::regex recursed once per digit and overflowed the stack (SIGSEGV).
  TempDir t;
  const std::string date = "2012-06-15T12:00:00." + std::string(26'000, '1') + "Z";
  on_small_stack(256 << 10, [&] {
    auto writer = newsearch::IndexWriter::open(t / "index");
    newsearch::Article a;
    a.id = "long-date";
    a.title = "Libya";
    a.body = "Libya news.";
    a.date = date;
    writer.put(a);
    writer.commit();
  });
  auto s = Searcher::open(t / "index");
  SearchOptions o;
  o.date_from = date;
  std::string msg;
  on_small_stack(256 << 10, [&] {
    CHECK(code_of([&] { s.search("Libya", o); }, &msg) == ErrorCode::kInvalidArgument);
  });
  CHECK(s.search("Libya").hits.size() == 1);  // kept, without a date for filters
  o.date_from = "2012";
  CHECK(s.search("Libya", o).hits.empty());
}

TEST_CASE(
    "Query nesting: deep parentheses are refused with bounded stack; the deepest allowed work",
    "[api][errors][limits]") {
  auto s = Searcher::open(fixture_index());
  std::string msg;
  // 100,000 '(' : over the byte limit, refused before parsing.
  CHECK(code_of([&] {
          s.search(std::string(100'000, '(') + "Libya" + std::string(100'000, ')'));
        }) == ErrorCode::kQuerySyntax);
  // Within the byte limit: 4,000 levels recursed 4 frames each in the parser.
  const std::string deep = std::string(4'000, '(') + "Libya" + std::string(4'000, ')');
  on_small_stack(256 << 10,
                 [&] { CHECK(code_of([&] { s.search(deep); }, &msg) == ErrorCode::kQuerySyntax); });
  CHECK(msg.find("nested too deeply") != std::string::npos);
  CHECK(code_of([&] { s.search(std::string(8'000, '(')); }) == ErrorCode::kQuerySyntax);
  // 64 levels, alternating operators so that Xapian cannot flatten them:
  // built, matched and ranked on a small stack.
  std::string nested = "Libya";
  for (int level = 0; level < 64; ++level)
    nested = "(" + nested + (level % 2 ? " OR " : " AND ") + "Tripoli)";
  on_small_stack(256 << 10, [&] { CHECK(s.search(nested).hits.size() == 10); });
  CHECK(code_of([&] { s.search("(" + nested + ")"); }, &msg) == ErrorCode::kQuerySyntax);
  // The longest operator chain the leaf limit allows: a tree 255 deep.
  std::string chain = "Libya";
  for (int i = 0; i < 255; ++i) chain += i % 2 ? " AND Tripoli" : " NOT Benghazi";
  on_small_stack(256 << 10, [&] { CHECK_FALSE(s.search(chain).hits.empty()); });
  // Queries at the byte limit of every shape are refused or answered quickly.
  const auto t0 = std::chrono::steady_clock::now();
  for (const std::string& q :
       {repeat("Libya ", 1365), repeat("Libya AND ", 819), repeat("(Libya) ", 1024),
        repeat("\"Libya Tripoli\" ", 512), repeat("-x ", 2728) + "Libya"}) {
    INFO(q.size());
    REQUIRE(q.size() <= 8192);
    try {
      s.search(q);
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kQuerySyntax);
    }
  }
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
}

namespace {

// The same articles in two insertion orders: docids differ, ids do not.
// 40 identical articles (equal scores for every query) except for their
// ids, 20 with only "alpha" (the loose tier of "alpha beta"), 10 others.
std::string tie_index(const TempDir& t, const std::string& name, bool reverse) {
  std::vector<newsearch::Article> arts;
  for (int i = 0; i < 70; ++i) {
    newsearch::Article a;
    char id[16];
    std::snprintf(id, sizeof id, "tie-%03d", (i * 37) % 70);  // ids not in insertion order
    a.id = id;
    a.title = i < 60 ? "Alpha report" : "Alpha and beta, a longer report " + std::to_string(i);
    a.body = i < 40   ? "Alpha beta gamma."
             : i < 60 ? "Alpha gamma delta."
                      : "Alpha beta " + repeat("beta ", i % 5);
    arts.push_back(a);
  }
  if (reverse) std::reverse(arts.begin(), arts.end());
  const std::string path = t / name;
  auto writer = newsearch::IndexWriter::open(path);
  for (const auto& a : arts) writer.put(a);
  writer.commit();
  return path;
}

}  // namespace

TEST_CASE("Ties: equal scores are ordered by article id, whatever the docids",
          "[api][ranking][ties]") {
  TempDir t;
  auto a = Searcher::open(tie_index(t, "forward", false));
  auto b = Searcher::open(tie_index(t, "reverse", true));
  for (const char* q : {"alpha", "alpha beta", "gamma", "beta", "alpha beta gamma delta report"}) {
    for (std::size_t depth : {5u, 50u}) {
      SearchOptions o;
      o.rerank_depth = depth;  // 5: the depth cut falls inside a run of ties
      o.limit = 7;
      for (o.offset = 0; o.offset < 70; o.offset += o.limit) {
        INFO(q << " depth " << depth << " offset " << o.offset);
        const auto ra = ids(a.search(q, o)), rb = ids(b.search(q, o));
        CHECK(ra == rb);
      }
      // Within a run of equal scores, ids ascend.
      o.offset = 0;
      o.limit = 70;
      const auto r = a.search(q, o);
      for (std::size_t i = 1; i < r.hits.size(); ++i)
        if (r.hits[i].score == r.hits[i - 1].score &&
            r.hits[i].all_terms == r.hits[i - 1].all_terms)
          CHECK(r.hits[i - 1].id < r.hits[i].id);
    }
  }
}
