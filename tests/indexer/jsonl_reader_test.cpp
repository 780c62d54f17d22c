#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <chrono>
#include <string>
#include <vector>

#include "indexer/article_reader.h"
#include "indexer/jsonl_reader.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"
#include "tests/support/text_checks.h"

using newsearch::InputError;
using newsearch::JsonlReader;
using newsearch::test::has_control;
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
  REQUIRE(newsearch::test::returns_within([&] { JsonlReader reader(fifo, 1 << 20); }, 5));
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
  const Strings lines =
      read_lines(dir.write("bom.jsonl", "\xEF\xBB\xBF{\"id\":\"1\"}\n{\"id\":\"2\"}\n"));
  CHECK(lines == Strings{"{\"id\":\"1\"}", "{\"id\":\"2\"}"});
  CHECK(newsearch::parse_jsonl_record(lines.at(0)).id == "1");
  for (const std::string& text :
       {"\xFF\xFE{\0\"\0i\0d\0\"\0:\0"s, "{\0\"\0i\0d\0\"\0:\0\"\0x\0\"\0}\0"s}) {
    const std::string path = dir.write("utf16.jsonl", text);
    CHECK_THROWS_WITH(read_lines(path), Catch::Contains("UTF-16") && Catch::Contains("convert"));
  }
}

TEST_CASE("JsonlReader skips an over-long line in linear time", "[indexer][jsonl][slow]") {
  // The reader once searched the whole retained part of a long line for its
  // end after every 64 KB read: quadratic, seconds for this 96 MB line (about 2 s for 64 MB).
  TempDir dir;
  const std::size_t kLimit = 32u << 20;  // the indexer's default --max-file-mb
  const std::string path =
      dir.write("big.jsonl", "{\"id\":\"big\",\"body\":\"" + std::string(3 * kLimit, 'x') +
                                 "\"}\n{\"id\":\"next\"}\n");
  const auto start = std::chrono::steady_clock::now();
  JsonlReader reader(path, kLimit);
  std::string line;
  REQUIRE(reader.next_line(line));
  CHECK(reader.too_long());
  REQUIRE(reader.next_line(line));
  CHECK_FALSE(reader.too_long());
  CHECK(line == "{\"id\":\"next\"}");
  CHECK_FALSE(reader.next_line(line));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CAPTURE(seconds);
  CHECK(seconds < 1.0);
}

TEST_CASE("JSONL: control characters never reach the stored text (terminal escapes)",
          "[indexer][jsonl][security]") {
  const auto a = newsearch::parse_jsonl_article(
      R"({"id":"j1","title":"Multi\nline\u001b]0;x\u0007 title\r","body":"one\u0000two\r\n\r\nthree\u009b end\u007f",)"
      R"("source":"Reu\u001bters\n","date":"2013-01-01\u0007","url":"http://x/\u001b[2J","lang":"en\u0000"})",
      "/src/a.jsonl");
  CHECK(a.id == "j1");
  CHECK(a.title == "Multi line ]0;x title");
  CHECK(a.paragraphs == Strings{"one two", "three end"});
  CHECK(a.source == "Reu ters");
  CHECK(a.date == "2013-01-01");
  CHECK(a.url == "http://x/ [2J");
  CHECK(a.lang == "en");
  for (const std::string* f : {&a.title, &a.source, &a.date, &a.url, &a.lang})
    CHECK_FALSE(has_control(*f));
  for (const auto& p : a.paragraphs) CHECK_FALSE(has_control(p));
}

TEST_CASE("JSONL: a long title is shortened like a .txt headline", "[indexer][jsonl]") {
  std::string title;
  while (title.size() < (1u << 20)) title += "word ";
  title.pop_back();
  const auto a = newsearch::parse_jsonl_article(
      R"({"id":"t","title":")" + title + R"(","body":"Body."})", "a.jsonl");
  CHECK(a.title.size() <= 200);
  CHECK(a.title.ends_with("\xE2\x80\xA6"));
  CHECK(title.starts_with(a.title.substr(0, a.title.size() - 3)));
  // The whole title stays searchable, as the first paragraph.
  REQUIRE(a.paragraphs.size() == 2);
  CHECK(a.paragraphs[0] == title);
  CHECK(a.paragraphs[1] == "Body.");
  // Headlines up to 300 bytes are kept whole, as for .txt files.
  const std::string t300(300, 'x');
  CHECK(
      newsearch::parse_jsonl_article(R"({"id":"t","title":")" + t300 + R"("})", "a.jsonl").title ==
      t300);
}

TEST_CASE("JSONL: ids are limited to 64 KiB like IndexWriter's", "[indexer][jsonl][error]") {
  const auto record = [](std::size_t id_bytes) {
    return R"({"id":")" + std::string(id_bytes, 'i') + R"(","title":"T"})";
  };
  CHECK(newsearch::parse_jsonl_record(record(64u << 10)).id.size() == (64u << 10));
  CHECK_THROWS_WITH(newsearch::parse_jsonl_record(record((64u << 10) + 1)),
                    Catch::Contains("id") && Catch::Contains("65536 bytes"));
  CHECK_THROWS_AS(newsearch::parse_jsonl_record(record(5u << 20)), InputError);
}
