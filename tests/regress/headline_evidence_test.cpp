// Regression: an article whose headline holds every query word must not be
// ranked below articles whose body passages merely contain more of the words.
// The first ranking put "distinct query words in the best body passage" ahead
// of the score, so headline-only matches (evidence the score does count)
// sank: on the Reuters known-item queries the target of "large rejig",
// headlined "Peugeot and GM drop large car and rejig alliance", came 13th.
#include <catch2/catch.hpp>

#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

using newsearch::test::TempDir;

TEST_CASE("a headline with every query word outranks scattered body matches",
          "[regress][ranking]") {
  TempDir t;
  t.write("src/target.txt",
          "Peugeot and GM drop large car and rejig alliance\n\n"
          "The carmakers said on Tuesday they would change their joint plans.\n\n"
          "Shares of both companies rose after the announcement.\n");
  t.write("src/scattered.txt",
          "Markets close mixed\n\n"
          "A large crowd of traders watched prices swing through the session.\n\n"
          "Analysts expect fund managers to rejig portfolios before the year ends.\n");
  for (int i = 0; i < 8; ++i)
    t.write("src/filler" + std::to_string(i) + ".txt",
            "Filler story " + std::to_string(i) + "\n\nNothing about cars or portfolios here.\n");
  newsearch::IndexerOptions opt;
  opt.db_path = t / "index";
  opt.sources = {t / "src"};
  REQUIRE(newsearch::run_indexer(opt).added == 10);

  const auto results = newsearch::Searcher::open(opt.db_path).search("large rejig");
  REQUIRE(results.hits.size() == 2);
  CHECK(results.hits[0].id == "target.txt");
  CHECK(results.hits[0].all_terms);
  CHECK(results.hits[1].id == "scattered.txt");
  CHECK(results.hits[1].all_terms);
}
