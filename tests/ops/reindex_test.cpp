// End-to-end tests of the operator's view (issue 3): incremental runs, the
// writer lock, SIGKILL at several points, searches during a reindex, JSON
// Lines input, and scripts/nightly-reindex's exit statuses. They run the real
// `indexer`, `search` and script.
#include <catch2/catch.hpp>

#include <xapian.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "indexer/index_layout.h"
#include "newsearch/newsearch.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/stored_article.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using namespace newsearch::test;

namespace {

using State = std::map<std::string, std::string>;  // article id -> content hash

// What the index holds, read with Xapian directly.
State index_state(const std::string& db) {
  Xapian::Database d(db);
  State state;
  for (auto it = d.postlist_begin(""); it != d.postlist_end(""); ++it) {
    const Xapian::Document doc = d.get_document(*it);
    // The content hash; the SOURCE root that follows it is left out, so
    // indexes of one corpus read from two places compare equal.
    const std::string stamp = doc.get_value(newsearch::schema::kSlotHash);
    state[newsearch::decode_stored_article(doc.get_data()).id] = stamp.substr(0, stamp.find(' '));
  }
  return state;
}

std::set<std::string> ids(const State& s) {
  std::set<std::string> out;
  for (const auto& [id, hash] : s) out.insert(id);
  return out;
}

ProcessResult indexer(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> argv = {bin("indexer"), "--db", db, "--log-level", "warn"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {}, 600);
}

// "id score" per hit, scores rounded: docids (and so ties) may differ between
// two indexes with the same content, scores may not.
std::multiset<std::string> search_digest(const std::string& db, const std::string& query) {
  const ProcessResult r = run_process({bin("search"), "--db", db, "--json", "-n", "20", query});
  REQUIRE(r.status <= 1);
  std::multiset<std::string> out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const auto j = nlohmann::json::parse(line);
    char score[32];
    std::snprintf(score, sizeof score, "%.6f", j.at("score").get<double>());
    out.insert(j.at("id").get<std::string>() + " " + score);
  }
  return out;
}

// A corpus of some thousands of articles as JSON Lines: the BBC set from
// ../shared/data, or, where that is absent, one made from corpus/ paragraphs.
std::string work_corpus(const TempDir& dir) {
  const std::string shared = shared_data_dir();
  const std::string dst = dir / "src";
  fs::create_directories(dst);
  if (!shared.empty()) {
    fs::copy_file(shared + "/bbc-news-2004-2005/articles.jsonl.gz", dst + "/bbc.jsonl.gz");
    return dst;
  }
  WARN("../shared/data is absent: using a synthetic corpus made from corpus/");
  std::vector<std::string> paragraphs;
  for (const auto& e : fs::directory_iterator(corpus_dir())) {
    std::istringstream in(read_file(e.path().string()));
    for (std::string line; std::getline(in, line);)
      if (line.size() > 40) paragraphs.push_back(line);
  }
  std::ofstream out(dst + "/synthetic.jsonl");
  for (std::size_t i = 0; i < 3000; ++i) {
    std::string body;
    for (std::size_t k = 0; k < 6; ++k)
      body += paragraphs[(i * 7 + k * 13) % paragraphs.size()] + "\n\n";
    out << nlohmann::json{{"id", "syn-" + std::to_string(i)},
                          {"title", "ParsedArticle " + std::to_string(i)},
                          {"body", body}}
               .dump()
        << '\n';
  }
  return dst;
}

void write_gz(const std::string& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
}

const std::vector<std::string> kQueries = {"government minister", "\"mobile phone\"",
                                           "election -Blair"};

}  // namespace

TEST_CASE("runs add, replace and delete so the index matches the corpus", "[ops][incremental]") {
  TempDir t;
  const std::string src = t / "src", db = t / "index";
  fs::copy(corpus_dir(), src);
  REQUIRE(indexer(db, {src}).status == 0);
  State first = index_state(db);
  REQUIRE(first.size() == 5);

  SECTION("an unchanged corpus changes nothing") {
    const ProcessResult r = indexer(db, {src});
    CHECK(r.status == 0);
    CHECK(r.out.find("added=0 updated=0 deleted=0 unchanged=5") == 0);
    CHECK(index_state(db) == first);
  }
  SECTION("added, changed and deleted files") {
    t.write("src/005_new.txt", "Zebracorn sighted\n\nA zebracorn was seen near Tripoli.\n");
    std::ofstream(src + "/002_ff0e28e557756ce3.txt", std::ios::app)
        << "\n\nQuokkafish talks resume.\n";
    fs::remove(src + "/001_70aead443b47b28a.txt");
    const ProcessResult r = indexer(db, {src});
    CHECK(r.status == 0);
    CHECK(r.out.find("added=1 updated=1 deleted=1 unchanged=3") == 0);
    const State now = index_state(db);
    CHECK(ids(now) == std::set<std::string>{"000_5705e6e54e992429.txt", "002_ff0e28e557756ce3.txt",
                                            "003_7d69bd3c727acfb0.txt", "004_5bffcb9475281529.txt",
                                            "005_new.txt"});
    CHECK(now.at("002_ff0e28e557756ce3.txt") != first.at("002_ff0e28e557756ce3.txt"));
    CHECK(now.at("003_7d69bd3c727acfb0.txt") == first.at("003_7d69bd3c727acfb0.txt"));
    CHECK(search_digest(db, "quokkafish").size() == 1);
    CHECK(search_digest(db, "zebracorn").size() == 1);
  }
  SECTION("a source that is now empty is not pruned (an unmounted archive)") {
    for (const auto& e : fs::directory_iterator(src)) fs::remove(e.path());
    const ProcessResult r = indexer(db, {src});
    CHECK(r.status == 2);  // nothing could be indexed
    CHECK(index_state(db) == first);
  }
  SECTION("another source's articles are left alone") {
    t.write("other/x.txt", "Other source\n\nBody text.\n");
    REQUIRE(indexer(db, {t / "other"}).status == 0);
    CHECK(index_state(db).size() == 6);
    fs::remove(src + "/000_5705e6e54e992429.txt");
    REQUIRE(indexer(db, {src}).status == 0);
    CHECK(index_state(db).count("x.txt") == 1);
    CHECK(index_state(db).count("000_5705e6e54e992429.txt") == 0);
  }
}

TEST_CASE("a second writer gets the lock error at once", "[ops][lock]") {
  TempDir t;
  const std::string db = t / "index";
  REQUIRE(indexer(db, {corpus_dir()}).status == 0);
  newsearch::IndexLock held(db);  // as a running indexer holds it
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult r = indexer(db, {corpus_dir()});
  CHECK(r.status == 3);
  CHECK(r.err.find("being written by another indexer") != std::string::npos);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  // Searching is unaffected by the lock.
  CHECK(run_process({bin("search"), "--db", db, "Shoigu"}).status == 0);
}

TEST_CASE("SIGKILL at any point leaves a searchable index and the next run completes it",
          "[ops][crash]") {
  TempDir t;
  const std::string src = work_corpus(t);
  const std::string clean = t / "clean";
  REQUIRE(indexer(clean, {src}).status == 0);
  const State want = index_state(clean);
  std::map<std::string, std::multiset<std::string>> want_results;
  for (const auto& q : kQueries) want_results[q] = search_digest(clean, q);

  // The same corpus uncompressed is over 4 MB of input: a fresh build of it
  // runs on parallel shards, merged at the end.
  const std::string plain = t / "plain";
  fs::create_directories(plain);
  for (const auto& e : fs::directory_iterator(src)) {
    const std::string name = e.path().filename().string();
    if (!name.ends_with(".gz")) {  // the synthetic corpus is plain already
      fs::copy_file(e.path(), plain + "/" + name);
      continue;
    }
    gzFile in = gzopen(e.path().c_str(), "rb");
    REQUIRE(in != nullptr);
    std::ofstream out(plain + "/" + name.substr(0, name.size() - 3), std::ios::binary);
    char buf[1 << 16];
    for (int n; (n = gzread(in, buf, sizeof buf)) > 0;) out.write(buf, n);
    gzclose(in);
  }

  // Delays spread over indexing, commits and the final compaction or merge.
  const std::vector<std::pair<std::string, int>> runs = {
      {"sequential", 30},   {"sequential", 250}, {"sequential", 700}, {"sequential", 1500},
      {"sequential", 2500}, {"parallel", 300},   {"parallel", 1500},  {"parallel", 3000}};
  for (const auto& [mode, delay_ms] : runs) {
    DYNAMIC_SECTION(mode << " build killed after " << delay_ms << " ms") {
      const std::string db = t / ("killed-" + mode + std::to_string(delay_ms));
      const std::string input = mode == "parallel" ? plain : src;
      {
        BackgroundProcess run({bin("indexer"), "--db", db, "--batch-size", "100", "--threads",
                               mode == "parallel" ? "2" : "1", "--log-level", "off", input});
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        run.kill_now();
        run.wait();
      }
      if (newsearch::has_index_layout(db)) {  // else killed before the index existed
        const ProcessResult r = run_process({bin("search"), "--db", db, "government"});
        CHECK(r.status <= 1);  // 0 or 1 (matched or not); 2 would be an error
      }
      const ProcessResult again = indexer(db, {input});
      CHECK(again.status == 0);
      CHECK(index_state(db) == want);
      for (const auto& q : kQueries) CHECK(search_digest(db, q) == want_results[q]);
      CHECK(std::distance(fs::directory_iterator(db), fs::directory_iterator()) == 3);
    }
  }
}

TEST_CASE("searches during a reindex and compaction never fail", "[ops][concurrency]") {
  TempDir t;
  const std::string src = work_corpus(t), db = t / "index";
  REQUIRE(indexer(db, {corpus_dir()}).status == 0);
  auto searcher = newsearch::Searcher::open(db);
  BackgroundProcess run({bin("indexer"), "--db", db, "--batch-size", "50", "--compact",
                         "--log-level", "off", corpus_dir(), src});
  std::size_t searches = 0, cli_searches = 0;
  while (run.running()) {
    CHECK_NOTHROW(searcher.search("minister government"));
    ++searches;
    if (searches % 10 == 0) {
      CHECK(run_process({bin("search"), "--db", db, "minister"}).status == 0);
      ++cli_searches;
    }
  }
  REQUIRE(run.wait() == 0);
  CHECK(searches > 5);
  // The long-lived searcher has followed the commits and the compaction: it
  // answers exactly as a freshly opened one does.
  auto fresh = newsearch::Searcher::open(db);
  for (const char* q : {"Shoigu", "government minister"}) {
    std::vector<std::string> got, want;
    for (const auto& h : searcher.search(q).hits) got.push_back(h.id);
    for (const auto& h : fresh.search(q).hits) want.push_back(h.id);
    CHECK(got == want);
  }
  CHECK(searcher.article_count() == index_state(db).size());
  CHECK(searcher.article_count() > 5);
}

TEST_CASE("JSON Lines input, plain and gzip, with malformed lines", "[ops][jsonl]") {
  TempDir t;
  const std::string lines =
      R"({"id": "wire-1", "title": "Ceasefire holds in Idlib", "body": "The ceasefire held.\n\nTalks go on.", "date": "2020-06-14T18:15:00-04:00", "source": "Example Wire", "url": "https://example.org/1", "lang": "en"})"
      "\n"
      R"({"id": "wire-2", "title": "broken" )"
      "\n"
      R"({"title": "no id", "body": "x"})"
      "\n"
      R"({"id": "wire-4", "title": 7, "body": "x"})"
      "\n"
      "\n"
      R"({"id": "wire-6", "title": "", "body": "Only a body about Qaddafi."})"
      "\n";
  const bool gz = GENERATE(false, true);
  const std::string file = gz ? t / "in.jsonl.gz" : t / "in.jsonl";
  if (gz)
    write_gz(file, lines);
  else
    t.write("in.jsonl", lines);
  const std::string db = t / "index";
  const ProcessResult r = indexer(db, {file});
  CHECK(r.status == 1);
  CHECK(r.out.find("added=2 ") == 0);
  CHECK(r.out.find("skipped=3") != std::string::npos);
  CHECK(r.err.find(file + ":2: not valid JSON") != std::string::npos);
  CHECK(r.err.find(file + ":3: missing \"id\"") != std::string::npos);
  CHECK(r.err.find(file + ":4: field \"title\" is not a string") != std::string::npos);
  CHECK(ids(index_state(db)) == std::set<std::string>{"wire-1", "wire-6"});

  Xapian::Database d(db);
  const Xapian::Document doc = d.get_document(*d.postlist_begin("Qwire-1"));
  CHECK(doc.get_value(newsearch::schema::kSlotDate) == "2020-06-14T22:15:00");  // UTC
  CHECK(d.term_exists("Bexample wire"));
  const auto res = newsearch::Searcher::open(db).search("Qaddafi");
  REQUIRE(res.hits.size() == 1);
  CHECK(res.hits[0].id == "wire-6");
  CHECK(newsearch::Searcher::open(db).search("ceasefire").hits.at(0).date ==
        "2020-06-14T18:15:00-04:00");
}

TEST_CASE("nightly-reindex: summary line and exit statuses", "[ops][script]") {
  TempDir t;
  const std::string src = t / "src", db = t / "index", log = t / "log/reindex.log";
  fs::copy(corpus_dir(), src);
  const std::string script = std::string(NEWSEARCH_SOURCE_DIR) + "/scripts/nightly-reindex";
  auto nightly = [&](std::vector<std::string> env, std::vector<std::string> args = {}) {
    env.insert(env.end(), {"NEWSEARCH_INDEXER=" + bin("indexer"), "NEWSEARCH_LOG=" + log,
                           "NEWSEARCH_REINDEX_CONF=" + (t / "none.conf")});
    std::vector<std::string> argv = {script};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, env);
  };
  const std::vector<std::string> env = {"NEWSEARCH_SOURCES=" + src, "NEWSEARCH_DB=" + db};
  t.write("none.conf", "# empty\n");

  SECTION("0: success, one line on stdout, the log written") {
    const ProcessResult r = nightly(env);
    CHECK(r.status == 0);
    CHECK(r.out.find("nightly-reindex: added=5 updated=0 deleted=0") == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(r.err.empty());
    CHECK(read_file(log).find("5 added") != std::string::npos);
  }
  SECTION("the config file is read and the environment overrides it") {
    t.write("reindex.conf",
            "# test\nNEWSEARCH_SOURCES=\"" + src + "\"\nNEWSEARCH_DB=" + (t / "other") + "\n");
    const ProcessResult r = nightly({"NEWSEARCH_DB=" + db}, {"-c", t / "reindex.conf"});
    CHECK(r.status == 0);
    CHECK(fs::exists(db + "/XAPIANDB"));
    CHECK_FALSE(fs::exists(t / "other"));
  }
  SECTION("1: partial, a bad file is skipped and named in the log") {
    t.write("src/bad.txt", std::string("\0\1\2", 3));
    const ProcessResult r = nightly(env);
    CHECK(r.status == 1);
    CHECK(r.out.find("skipped=1") != std::string::npos);
    CHECK(r.out.find("status=partial") != std::string::npos);
    CHECK(read_file(log).find("bad.txt: binary file") != std::string::npos);
  }
  SECTION("2: fatal, configuration errors") {
    CHECK(nightly({"NEWSEARCH_DB=" + db}).status == 2);  // no sources
    const ProcessResult r = nightly({"NEWSEARCH_SOURCES=" + (t / "missing"), "NEWSEARCH_DB=" + db});
    CHECK(r.status == 2);
    CHECK(r.out.find("status=failed") != std::string::npos);
    CHECK(nightly(env, {"-c", t / "nonexistent.conf"}).status == 2);
    t.write("bad.conf", "rm -rf /\n");
    CHECK(nightly(env, {"-c", t / "bad.conf"}).status == 2);
  }
  SECTION("3: the lock is held by another run") {
    REQUIRE(nightly(env).status == 0);
    newsearch::IndexLock held(db);
    const ProcessResult r = nightly(env);
    CHECK(r.status == 3);
    CHECK(r.out.find("status=locked") != std::string::npos);
  }
}
