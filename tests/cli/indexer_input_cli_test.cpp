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
  const std::string good = tmp.write("good.txt", "A good headline\n\nA paragraph about Benghazi.\n");
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
