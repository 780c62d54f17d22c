#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "newsearch/version.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::bin;
using newsearch::test::corpus_dir;
using newsearch::test::non_empty_lines;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;

namespace {

ProcessResult indexer(std::vector<std::string> args, std::vector<std::string> env = {}) {
  std::vector<std::string> argv = {bin("indexer")};
  argv.insert(argv.end(), args.begin(), args.end());
  env.push_back("NEWSEARCH_DB=");
  return run_process(argv, env, 120);
}

ProcessResult search(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> argv = {bin("search"), "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {"NEWSEARCH_DB="}, 60);
}

std::vector<std::string> lines_containing(const std::string& s, const std::string& needle) {
  std::vector<std::string> out;
  for (const auto& l : non_empty_lines(s))
    if (l.find(needle) != std::string::npos) out.push_back(l);
  return out;
}

bool contains(const std::string& s, const std::string& needle) {
  return s.find(needle) != std::string::npos;
}

// Every file under @p dir with its size and modification time.
std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>> snapshot(
    const std::string& dir) {
  std::map<std::string, std::pair<std::uintmax_t, fs::file_time_type>> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[e.path().string()] = {e.file_size(), e.last_write_time()};
  return out;
}

// A directory with one good article and three bad files.
struct MixedDir {
  TempDir dir;
  std::string good, binary, empty, bad_utf8;
  MixedDir() {
    good = dir.write("src/good.txt", "A good headline\n\nA paragraph about Benghazi.\n");
    binary = dir.write("src/binary.txt", std::string("PK\x03\x04\0\0\x14\0binary", 14));
    empty = dir.write("src/empty.txt", "");
    bad_utf8 = dir.write("src/latin1.txt", "Caf\xE9 headline\n\nNa\xEFve text in Latin-1.\n");
    dir.write("src/notes.md", "not an article\n");  // ignored: not *.txt
  }
  std::string src() const { return dir / "src"; }
  std::string db() const { return dir / "index"; }
};

}  // namespace

TEST_CASE("indexer indexes the corpus, then finds it unchanged", "[cli][indexer]") {
  TempDir tmp;
  const std::string db = tmp / "index";
  const ProcessResult first = indexer({"--db", db, corpus_dir()});
  INFO("stderr: " << first.err);
  CHECK(first.status == 0);
  const auto summary = lines_containing(first.err, "5 added");
  CHECK(summary.size() == 1);
  CHECK(lines_containing(first.err, "0 skipped").size() == 1);
  CHECK(fs::is_directory(db));

  const ProcessResult second = indexer({"--db", db, corpus_dir()});
  INFO("second stderr: " << second.err);
  CHECK(second.status == 0);
  const auto again = lines_containing(second.err, "5 unchanged");
  CHECK(again.size() == 1);
  if (!again.empty()) {
    CHECK(contains(again[0], "0 added"));
    CHECK(contains(again[0], "0 updated"));
  }

  // The index is searchable.
  const ProcessResult s = search(db, {"Aguila Saleh"});
  CHECK(s.status == 0);
  CHECK(contains(s.out, "003_7d69bd3c727acfb0.txt"));
}

TEST_CASE("indexer reports a changed article as updated", "[cli][indexer]") {
  TempDir tmp;
  const std::string src = tmp / "src";
  fs::create_directories(src);
  for (const auto& e : fs::directory_iterator(corpus_dir()))
    fs::copy_file(e.path(), fs::path(src) / e.path().filename());
  const std::string db = tmp / "index";
  REQUIRE(indexer({"--db", db, src}).status == 0);
  // A new paragraph inside the article text (text appended after 003's
  // "Post a comment" would be a comment, not the article).
  std::string text = newsearch::test::read_file(src + "/003_7d69bd3c727acfb0.txt");
  const std::size_t lede = text.find("Turkey and Russia have postponed");
  REQUIRE(lede != std::string::npos);
  text.insert(lede, "A new paragraph about Zliten, where the talks were to continue.\n\n");
  tmp.write("src/003_7d69bd3c727acfb0.txt", text);
  const ProcessResult r = indexer({"--db", db, src});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  const auto summary = lines_containing(r.err, "1 updated");
  REQUIRE(summary.size() == 1);
  CHECK(contains(summary[0], "4 unchanged"));
  CHECK(contains(summary[0], "0 added"));
  const ProcessResult s = search(db, {"Zliten"});
  CHECK(s.status == 0);
  CHECK(contains(s.out, "003_7d69bd3c727acfb0.txt"));
}

TEST_CASE("indexer skips bad files one by one and exits 1", "[cli][indexer][errors]") {
  MixedDir m;
  const ProcessResult r = indexer({"--db", m.db(), m.src()});
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  struct Bad {
    std::string path;
    std::vector<std::string> reason;  // any of these words
  };
  const std::vector<Bad> bad = {
      {m.binary, {"binary", "NUL"}},
      {m.empty, {"empty"}},
      {m.bad_utf8, {"UTF-8"}},
  };
  for (const Bad& b : bad) {
    INFO("file " << b.path);
    const auto ls = lines_containing(r.err, fs::path(b.path).filename().string());
    REQUIRE(ls.size() == 1);
    CHECK(contains(ls[0], b.path));
    CHECK(std::any_of(b.reason.begin(), b.reason.end(),
                      [&](const std::string& w) { return contains(ls[0], w); }));
  }
  CHECK(lines_containing(r.err, "good.txt").empty());
  CHECK(lines_containing(r.err, "notes.md").empty());
  const auto summary = lines_containing(r.err, "1 added");
  REQUIRE(summary.size() == 1);
  CHECK(contains(summary[0], "3 skipped"));
  // The good article is searchable.
  const ProcessResult s = search(m.db(), {"Benghazi"});
  CHECK(s.status == 0);
  CHECK(contains(s.out, "good.txt"));
}

TEST_CASE("indexer with only bad files exits 2", "[cli][indexer][errors]") {
  TempDir tmp;
  const std::string bin_file = tmp.write("src/binary.txt", std::string("\0\0\0\x01", 4));
  const std::string empty = tmp.write("src/empty.txt", "   \n\n");
  const ProcessResult r = indexer({"--db", tmp / "index", tmp / "src"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(lines_containing(r.err, "binary.txt").size() == 1);
  CHECK(lines_containing(r.err, "empty.txt").size() == 1);
  CHECK(contains(r.err, "nothing could be indexed"));
}

TEST_CASE("indexer with an empty source directory exits 2", "[cli][indexer][errors]") {
  TempDir tmp;
  fs::create_directories(tmp / "src");
  const ProcessResult r = indexer({"--db", tmp / "index", tmp / "src"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(contains(r.err, "nothing could be indexed"));
}

TEST_CASE("indexer with a missing SOURCE exits 2 and leaves the index alone",
          "[cli][indexer][errors]") {
  TempDir tmp;
  const std::string db = tmp / "index";
  const std::string missing = tmp / "no-such-dir";
  SECTION("existing index") {
    REQUIRE(indexer({"--db", db, corpus_dir()}).status == 0);
    const auto before = snapshot(db);
    REQUIRE_FALSE(before.empty());
    // Even with a good SOURCE listed first, nothing is written.
    TempDir extra;
    extra.write("new.txt", "Fresh headline\n\nFresh text about Misrata.\n");
    const ProcessResult r = indexer({"--db", db, extra.path(), missing});
    INFO("stderr: " << r.err);
    CHECK(r.status == 2);
    CHECK(contains(r.err, missing));
    CHECK(snapshot(db) == before);
    CHECK(search(db, {"Misrata"}).status == 1);
    CHECK(search(db, {"Shoigu"}).status == 0);
  }
  SECTION("no index yet: none is created") {
    const ProcessResult r = indexer({"--db", db, missing});
    INFO("stderr: " << r.err);
    CHECK(r.status == 2);
    CHECK(contains(r.err, missing));
    CHECK_FALSE(fs::exists(db));
  }
}

TEST_CASE("indexer --help, --version and bad flags", "[cli][indexer][usage]") {
  SECTION("--help exits 0 and explains the exit status") {
    const ProcessResult r = indexer({"--help"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, "Exit status"));
    CHECK(contains(r.out, "--db"));
  }
  SECTION("--version") {
    const ProcessResult r = indexer({"--version"});
    CHECK(r.status == 0);
    CHECK(contains(r.out, newsearch::version_string()));
  }
  SECTION("an unknown flag exits 2 and names it") {
    const ProcessResult r = indexer({"--bogus", corpus_dir()});
    CHECK(r.status == 2);
    CHECK(contains(r.err, "--bogus"));
  }
  SECTION("a bad option value exits 2") {
    TempDir tmp;
    const ProcessResult r = indexer({"--db", tmp / "index", "--batch-size", "0", corpus_dir()});
    CHECK(r.status == 2);
    CHECK_FALSE(r.err.empty());
    CHECK_FALSE(fs::exists(tmp / "index"));
  }
  SECTION("no SOURCE exits 2") {
    TempDir tmp;
    const ProcessResult r = indexer({"--db", tmp / "index"});
    CHECK(r.status == 2);
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("indexer uses NEWSEARCH_DB when --db is absent", "[cli][indexer][location]") {
  TempDir tmp;
  const std::string db = tmp / "env-index";
  const ProcessResult r = run_process({bin("indexer"), corpus_dir()}, {"NEWSEARCH_DB=" + db});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(fs::is_directory(db));
  CHECK(contains(r.err, db));
  const ProcessResult s = run_process({bin("search"), "Aguila"}, {"NEWSEARCH_DB=" + db});
  CHECK(s.status == 0);
  CHECK(contains(s.out, "003_7d69bd3c727acfb0.txt"));
}
