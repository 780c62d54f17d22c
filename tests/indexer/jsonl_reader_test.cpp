#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "indexer/article_reader.h"
#include "indexer/jsonl_reader.h"
#include "tests/support/temp_dir.h"

using newsearch::InputError;
using newsearch::JsonlReader;
using newsearch::test::TempDir;

namespace {

using Strings = std::vector<std::string>;

Strings read_lines(const std::string& path, std::size_t max_line = 1 << 20) {
  JsonlReader reader(path, max_line);
  Strings out;
  for (std::string line; reader.next_line(line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("JsonlReader refuses a FIFO without blocking on it", "[indexer][jsonl][error]") {
  TempDir dir;
  const std::string fifo = dir / "feed.jsonl";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const pid_t pid = fork();
  if (pid == 0) {
    try {
      JsonlReader reader(fifo, 1 << 20);
    } catch (...) {
    }
    _exit(0);
  }
  bool returned = false;
  for (int i = 0; i < 500 && !returned; ++i) {
    returned = waitpid(pid, nullptr, WNOHANG) == pid;
    if (!returned) usleep(10000);
  }
  if (!returned) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  REQUIRE(returned);
  CHECK_THROWS_WITH(JsonlReader(fifo, 1 << 20), Catch::Contains("not a regular file"));
}

TEST_CASE("JsonlReader reads lines, with or without a final newline", "[indexer][jsonl]") {
  TempDir dir;
  CHECK(read_lines(dir.write("a.jsonl", "{\"id\":\"1\"}\n{\"id\":\"2\"}\r\n{\"id\":\"3\"}")) ==
        Strings{"{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\"}"});
}

TEST_CASE("JsonlReader strips a UTF-8 byte order mark and refuses UTF-16", "[indexer][jsonl]") {
  using namespace std::string_literals;
  TempDir dir;
  const Strings lines = read_lines(dir.write("bom.jsonl", "\xEF\xBB\xBF{\"id\":\"1\"}\n{\"id\":\"2\"}\n"));
  CHECK(lines == Strings{"{\"id\":\"1\"}", "{\"id\":\"2\"}"});
  CHECK(newsearch::parse_jsonl_record(lines.at(0)).id == "1");
  for (const std::string& text : {"\xFF\xFE{\0\"\0i\0d\0\"\0:\0"s, "{\0\"\0i\0d\0\"\0:\0\"\0x\0\"\0}\0"s}) {
    const std::string path = dir.write("utf16.jsonl", text);
    CHECK_THROWS_WITH(read_lines(path), Catch::Contains("UTF-16") && Catch::Contains("convert"));
  }
}

TEST_CASE("JsonlReader skips an over-long line in linear time", "[indexer][jsonl][slow]") {
  // The reader once searched the whole retained part of a long line for its
  // end after every 64 KB read: quadratic, seconds for this 96 MB line (about 2 s for 64 MB).
  TempDir dir;
  const std::size_t kLimit = 32u << 20;  // the indexer's default --max-file-mb
  const std::string path = dir.write(
      "big.jsonl", "{\"id\":\"big\",\"body\":\"" + std::string(3 * kLimit, 'x') + "\"}\n{\"id\":\"next\"}\n");
  const auto start = std::chrono::steady_clock::now();
  JsonlReader reader(path, kLimit);
  std::string line;
  REQUIRE(reader.next_line(line));
  CHECK(reader.too_long());
  REQUIRE(reader.next_line(line));
  CHECK_FALSE(reader.too_long());
  CHECK(line == "{\"id\":\"next\"}");
  CHECK_FALSE(reader.next_line(line));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CAPTURE(seconds);
  CHECK(seconds < 1.0);
}
