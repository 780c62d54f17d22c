// End-to-end checks of the indexer's read side on hostile or unusual input
// (special files, odd names, odd encodings): the real binary, its exit status
// and its log lines.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::bin;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;

namespace {

// A run that hangs is killed after 20 s (status 128 + SIGKILL).
ProcessResult indexer(std::vector<std::string> args) {
  std::vector<std::string> argv = {bin("indexer")};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {"NEWSEARCH_DB="}, 20);
}

std::vector<std::string> lines_containing(const std::string& s, const std::string& needle) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);)
    if (l.find(needle) != std::string::npos) out.push_back(l);
  return out;
}

bool contains(const std::string& s, const std::string& needle) {
  return s.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("indexer refuses a FIFO named as a SOURCE instead of hanging", "[cli][indexer][errors]") {
  TempDir tmp;
  const std::string good =
      tmp.write("good.txt", "A good headline\n\nA paragraph about Benghazi.\n");
  const std::string fifo = tmp / "feed.jsonl";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  SECTION("beside a good file: the good one is indexed, exit 1") {
    const ProcessResult r = indexer({"--db", tmp / "index", fifo, good});
    INFO("stderr: " << r.err);
    CHECK(r.status == 1);
    const auto ls = lines_containing(r.err, "feed.jsonl");
    REQUIRE(ls.size() == 1);
    CHECK(contains(ls[0], "not a regular file"));
    CHECK(contains(r.out, "added=1 "));
    CHECK(contains(r.out, "errors=1 "));
  }
  SECTION("alone: nothing indexed, exit 2, and the lock is released") {
    const ProcessResult r = indexer({"--db", tmp / "index", fifo});
    INFO("stderr: " << r.err);
    CHECK(r.status == 2);
    CHECK(lines_containing(r.err, "not a regular file").size() == 1);
    const ProcessResult again = indexer({"--db", tmp / "index", good});
    CHECK(again.status == 0);
  }
}

TEST_CASE("indexer refuses a character device named as a SOURCE", "[cli][indexer][errors]") {
  TempDir tmp;
  const std::string good = tmp.write("good.txt", "A good headline\n\nA paragraph.\n");
  const ProcessResult r = indexer({"--db", tmp / "index", "/dev/zero", good});
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  const auto ls = lines_containing(r.err, "/dev/zero");
  REQUIRE(ls.size() == 1);
  CHECK(contains(ls[0], "not a regular file"));
}

TEST_CASE("indexer skips a file whose name is not UTF-8, naming it escaped",
          "[cli][indexer][errors]") {
  // Its id could not be carried by --json (JSON strings are UTF-8).
  TempDir tmp;
  tmp.write("src/good.txt", "A good headline\n\nA paragraph about Benghazi.\n");
  tmp.write("src/caf\xE9.txt", "Latin-1 name\n\nA paragraph about Tripoli.\n");
  const ProcessResult r = indexer({"--db", tmp / "index", tmp / "src"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "added=1 "));
  CHECK(contains(r.out, "skipped=1 "));
  const auto ls = lines_containing(r.err, "caf\\xE9.txt");
  REQUIRE(ls.size() == 1);
  CHECK(contains(ls[0], "UTF-8"));
  CHECK_FALSE(contains(r.err, "\xE9"));  // the raw byte is not logged
}

TEST_CASE("indexer reports symbolic links it cannot follow, and follows links to directories",
          "[cli][indexer][errors]") {
  TempDir tmp;
  tmp.write("src/good.txt", "A good headline\n\nA paragraph about Benghazi.\n");
  tmp.write("outside/ext.txt", "Linked headline\n\nA paragraph about Tripoli.\n");
  fs::create_symlink(tmp / "src/missing.txt", tmp / "src/dangling.txt");
  fs::create_symlink(tmp / "src/loop.txt", tmp / "src/loop.txt");
  fs::create_directory_symlink(tmp / "src", tmp / "src/self");      // a loop
  fs::create_directory_symlink(tmp / "outside", tmp / "src/ext");   // followed
  fs::create_directory_symlink(tmp / "outside", tmp / "src/ext2");  // the same directory again
  const ProcessResult r = indexer({"--db", tmp / "index", tmp / "src"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "added=2 "));
  CHECK(contains(r.out, "errors=2 "));   // dangling.txt, loop.txt: unreadable
  CHECK(contains(r.out, "skipped=2 "));  // self, ext2: directories already walked
  for (const char* name : {"dangling.txt", "loop.txt", "src/self", "ext2"}) {
    INFO(name);
    CHECK(lines_containing(r.err, name).size() == 1);
  }
  const ProcessResult s =
      run_process({bin("search"), "--db", tmp / "index", "Tripoli"}, {"NEWSEARCH_DB="}, 20);
  CHECK(contains(s.out, "ext/ext.txt"));
}

TEST_CASE("indexer warns of a source that no --source can name, and search refuses that --source",
          "[cli][indexer][search][errors]") {
  TempDir tmp;
  const std::string long_name = std::string(250, 'x');
  tmp.write("src/feed.jsonl", R"({"id":"a","title":"Tripoli","body":"News.","source":"!!!"})"
                              "\n"
                              R"({"id":"b","title":"Tripoli","body":"News.","source":")" +
                                  long_name +
                                  R"("})"
                                  "\n");
  const ProcessResult r = indexer({"--db", tmp / "index", tmp / "src"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);  // indexed, with a warning
  const auto ls = lines_containing(r.err, "!!!");
  REQUIRE(ls.size() == 1);
  CHECK(contains(ls[0], "feed.jsonl:1"));
  const auto search = [&](const std::string& source) {
    return run_process(
        {bin("search"), "--db", tmp / "index", "--json", "--source", source, "Tripoli"},
        {"NEWSEARCH_DB="}, 20);
  };
  const ProcessResult bad = search("!!!");
  INFO("search stderr: " << bad.err);
  CHECK(bad.status == 2);
  CHECK(lines_containing(bad.err, "!!!").size() == 1);
  CHECK(bad.out.empty());
  const ProcessResult good = search(long_name);
  CHECK(good.status == 0);
  CHECK(contains(good.out, "\"id\":\"b\""));
  CHECK_FALSE(contains(good.out, "\"id\":\"a\""));
}

TEST_CASE("indexer skips and counts a JSONL id over the id limit", "[cli][indexer][errors]") {
  TempDir tmp;
  tmp.write("src/feed.jsonl", R"({"id":")" + std::string(70000, 'i') +
                                  R"(","title":"Tripoli","body":"News."})"
                                  "\n"
                                  R"({"id":"ok","title":"Tripoli","body":"News."})"
                                  "\n");
  const ProcessResult r = indexer({"--db", tmp / "index", tmp / "src"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(contains(r.out, "added=1 "));
  CHECK(contains(r.out, "skipped=1 "));
  const auto ls = lines_containing(r.err, "feed.jsonl:1");
  REQUIRE(ls.size() == 1);
  CHECK(contains(ls[0], "id longer than 65536 bytes"));
}

TEST_CASE("search shows no control character of an indexed article (terminal escapes)",
          "[cli][indexer][search][security]") {
  TempDir tmp;
  tmp.write(
      "src/feed.jsonl",
      R"({"id":"esc","title":"Tripoli\u001b]0;pwned\u0007\u001b[2J\r\nfake line","body":"News\u0000 of\u009b)"
      R"( Tripoli.\u001b[31m","source":"Reu\u001bters","date":"2013-01-01\u0007"})"
      "\n");
  tmp.write("src/esc.txt",
            "Tripoli \x1b]0;title\x07 headline\r\rA paragraph \x1b[2J about Tripoli.\x7f\n");
  REQUIRE(indexer({"--db", tmp / "index", tmp / "src"}).status == 0);
  const ProcessResult s =
      run_process({bin("search"), "--db", tmp / "index", "--color", "never", "-p", "3", "Tripoli"},
                  {"NEWSEARCH_DB="}, 20);
  INFO("stdout: " << s.out);
  CHECK(s.status == 0);
  CHECK(contains(s.out, "esc.txt"));
  CHECK(contains(s.out, "pwned"));  // the text is kept, its controls are not
  for (const char c : {'\x1b', '\x07', '\r', '\0', '\x7f'})
    CHECK(s.out.find(c) == std::string::npos);
  CHECK(s.out.find("\xC2\x9B") == std::string::npos);
}
