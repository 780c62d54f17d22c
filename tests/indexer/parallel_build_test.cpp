// A fresh build on several threads (ShardBuilder + IndexStore::adopt_shards)
// must give the same index, as searches see it, as a build on one thread.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "newsearch/indexer.h"
#include "newsearch/searcher.h"
#include "searcher/format/index_schema.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::TempDir;

namespace {

// 400 small articles over 4 files, with a duplicate id and a bad line.
std::string make_sources(const TempDir& t) {
  const char* topics[] = {"Idlib ceasefire talks", "Aguila Saleh in Cairo", "Shoigu visits Ankara",
                          "Oil prices in Libya", "Cavusoglu and Lavrov meet"};
  for (int f = 0; f < 4; ++f) {
    std::string lines;
    for (int i = 0; i < 100; ++i) {
      const int n = f * 100 + i;
      lines += R"({"id":"a)" + std::to_string(n) + R"(","title":")" + topics[n % 5] + " " +
               std::to_string(n) + R"(","body":"Paragraph one about )" + topics[(n + 1) % 5] +
               R"(.\n\nParagraph two, number )" + std::to_string(n) + R"(."})" + "\n";
    }
    if (f == 2) lines += "{not json}\n{\"id\":\"a5\",\"title\":\"duplicate\",\"body\":\"x\"}\n";
    t.write("src/part" + std::to_string(f) + ".jsonl", lines);
  }
  return t / "src";
}

newsearch::IndexStats build(const std::string& db, const std::string& src, std::size_t threads) {
  newsearch::IndexerOptions o;
  o.db_path = db;
  o.sources = {src};
  o.threads = threads;
  o.parallel_min_bytes = 0;
  return newsearch::run_indexer(o);
}

// id → content stamp, over the whole index.
std::map<std::string, std::string> stamps(const std::string& db) {
  Xapian::Database x(db);
  std::map<std::string, std::string> out;
  for (auto t = x.allterms_begin("Q"); t != x.allterms_end("Q"); ++t)
    out[*t] = x.get_document(*x.postlist_begin(*t)).get_value(newsearch::schema::kSlotHash);
  return out;
}

// Each hit as "id score", as a set: ties may come in another order.
std::set<std::string> results(const std::string& db, const std::string& q) {
  newsearch::SearchOptions o;
  o.limit = 1000;
  std::set<std::string> out;
  for (const auto& h : newsearch::Searcher::open(db, o).search(q).hits)
    out.insert(h.id + " " + std::to_string(h.score) + " " + h.passages.at(0).snippet.text);
  return out;
}

}  // namespace

TEST_CASE("A fresh build on 3 threads equals the build on one", "[indexer][parallel]") {
  TempDir t;
  const std::string src = make_sources(t);
  const auto one = build(t / "one", src, 1);
  const auto three = build(t / "three", src, 3);
  CHECK(one.added == 400);
  CHECK(three.added == one.added);
  CHECK(three.skipped == one.skipped);  // the bad line and the duplicate id
  CHECK(three.articles == 400);
  CHECK(three.compacted);
  CHECK(stamps(t / "three") == stamps(t / "one"));
  for (std::string_view key : {newsearch::schema::kMetaSchema, newsearch::schema::kMetaAnalyzer,
                               newsearch::schema::kMetaPassageWords}) {
    INFO(key);
    CHECK(Xapian::Database(t / "three").get_metadata(std::string(key)) ==
          Xapian::Database(t / "one").get_metadata(std::string(key)));
  }
  for (const char* q : {"Idlib ceasefire", "\"Aguila Saleh\"", "Shoigu -Ankara", "title:oil"}) {
    INFO(q);
    CHECK(results(t / "three", q) == results(t / "one", q));
  }
  // Only the live generation is left: no shard directories.
  int dirs = 0;
  for (const auto& e : fs::directory_iterator(t / "three")) dirs += e.is_directory();
  CHECK(dirs == 1);
  // The next run is incremental, on one thread, over the merged index.
  const auto again = build(t / "three", src, 3);
  CHECK(again.unchanged == 400);
  CHECK(again.added == 0);
}
