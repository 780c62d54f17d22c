// The thread-safety contract of Searcher (include/newsearch/searcher.h):
// one Searcher shared by many threads. Also built and run under
// ThreadSanitizer by the "tsan:" ctest entry (tests/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

using newsearch::Searcher;
using newsearch::SearchOptions;
using newsearch::SearchResults;
using newsearch::test::TempDir;

namespace {

constexpr int kThreads = 8;

const std::vector<std::string> kQueries = {
    "Idlib ceasefire", "Aguila Saleh",     "Shoigu",      "Libya -Haftar",
    "\"cease-fire\"",  "Turkey OR Russia", "title:Libya", "Erdogan Putin Moscow",
    "Cavusoglu",       "Libya news"};

// What a result list looks like, for comparing runs.
std::string fingerprint(const SearchResults& r) {
  std::string out;
  for (const auto& h : r.hits) {
    out += h.id + '|' + std::to_string(h.score) + '|';
    for (const auto& p : h.passages) out += p.snippet.text + '|';
  }
  return out;
}

std::string build_corpus_index(const TempDir& t) {
  newsearch::IndexerOptions opt;
  opt.db_path = t / "index";
  opt.sources = {newsearch::test::corpus_dir()};
  REQUIRE(newsearch::run_indexer(opt).articles == 5);
  return opt.db_path;
}

}  // namespace

TEST_CASE("One Searcher, many threads: every result equals the single-threaded one", "[threads]") {
  TempDir t;
  const Searcher searcher = Searcher::open(build_corpus_index(t));
  SearchOptions o;
  o.passages_per_article = 3;
  std::map<std::string, std::string> expected;
  for (const auto& q : kQueries) expected[q] = fingerprint(searcher.search(q, o));

  std::atomic<int> mismatches{0}, errors{0}, searches{0};
  std::mutex mu;
  std::string first_problem;  // for the failure message
  auto note = [&](const std::string& what) {
    std::lock_guard lock(mu);
    if (first_problem.empty()) first_problem = what;
  };
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < 20; ++round) {
        const auto& q = kQueries[static_cast<std::size_t>(i + round) % kQueries.size()];
        try {
          const std::string got = fingerprint(searcher.search(q, o));
          if (got != expected.at(q)) {
            ++mismatches;
            note("query [" + q + "] gave\n" + got + "\ninstead of\n" + expected.at(q));
          }
          if (searcher.article_count() != 5) ++mismatches;
          ++searches;
        } catch (const std::exception& e) {
          ++errors;
          note(std::string("error: ") + e.what());
        }
      }
    });
  for (auto& th : threads) th.join();
  INFO(first_problem);
  CHECK(errors == 0);
  CHECK(mismatches == 0);
  CHECK(searches == kThreads * 20);
}

TEST_CASE("One Searcher, many threads, while a writer commits and readers reopen", "[threads]") {
  TempDir t;
  const std::string db = build_corpus_index(t);
  Searcher searcher = Searcher::open(db);
  std::atomic<bool> done{false};
  std::atomic<int> errors{0}, short_results{0};
  std::mutex mu;
  std::string first_error;
  auto record = [&](const char* who) {
    ++errors;
    std::lock_guard lock(mu);
    if (!first_error.empty()) return;
    try {
      throw;
    } catch (const std::exception& e) {
      first_error = std::string(who) + ": " + e.what();
    }
  };
  std::thread writer([&] {
    try {
      auto w = newsearch::IndexWriter::open(db);
      for (int i = 0; i < 40; ++i) {
        newsearch::Article a;
        a.id = "extra-" + std::to_string(i);
        a.title = "Shoigu visits Libya, part " + std::to_string(i);
        a.body = "Talks about the Idlib ceasefire continued.\n\nParagraph two.";
        w.put(a);
        w.commit();
        if (i == 20) w.compact();  // readers must follow the generation switch
      }
    } catch (...) {
      record("writer");
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int i = 0; i < kThreads; ++i)
    readers.emplace_back([&, i] {
      int round = 0;
      while (!done || round < 5) {
        try {
          // Every committed state holds the five corpus articles about Shoigu.
          if (searcher.search("Shoigu").hits.size() < 5) ++short_results;
          if (i % 2 == 0) searcher.reopen();
          ++round;
        } catch (...) {
          record("reader");
        }
      }
    });
  writer.join();
  for (auto& th : readers) th.join();
  INFO(first_error);
  CHECK(errors == 0);
  CHECK(short_results == 0);
  searcher.reopen();
  CHECK(searcher.article_count() == 45);
  SearchOptions many;
  many.limit = 100;
  CHECK(searcher.search("Shoigu", many).hits.size() == 45);
}
