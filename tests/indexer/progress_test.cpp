// IndexerOptions::on_progress, and the `indexer` program's progress line
// drawn from it (indexer/progress_line.h).
#include <catch2/catch.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "indexer/progress_line.h"
#include "newsearch/indexer.h"
#include "tests/support/temp_dir.h"

using newsearch::IndexProgress;
using newsearch::test::TempDir;

namespace {

// Runs the indexer over @p sources, recording every progress call.
std::vector<IndexProgress> run_recording(const std::string& db, const std::string& sources,
                                         newsearch::IndexStats* stats, std::size_t threads = 1) {
  std::vector<IndexProgress> calls;
  const auto caller = std::this_thread::get_id();
  newsearch::IndexerOptions o;
  o.db_path = db;
  o.sources = {sources};
  o.threads = threads;
  o.parallel_min_bytes = 0;
  o.on_progress = [&](const IndexProgress& p) {
    CHECK(std::this_thread::get_id() == caller);
    calls.push_back(p);
  };
  *stats = newsearch::run_indexer(o);
  return calls;
}

std::uint64_t bytes_under(const std::string& dir) {
  std::uint64_t n = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) n += e.file_size();
  return n;
}

void check_calls(const std::vector<IndexProgress>& calls, const newsearch::IndexStats& stats,
                 std::uint64_t total) {
  REQUIRE(calls.size() >= 2);
  CHECK(calls.front().articles == 0);
  CHECK(calls.front().bytes_read == 0);
  for (std::size_t i = 0; i < calls.size(); ++i) {
    CAPTURE(i);
    CHECK(calls[i].total_bytes == total);
    CHECK(calls[i].finished == (i + 1 == calls.size()));
    if (i == 0) continue;
    CHECK(calls[i].articles >= calls[i - 1].articles);
    CHECK(calls[i].bytes_read >= calls[i - 1].bytes_read);
  }
  CHECK(calls.back().articles == stats.indexed());
  CHECK(calls.back().bytes_read == total);
}

// A ProgressLine drawing into a temporary file, and what it drew so far.
struct DrawnLine {
  std::FILE* file = std::tmpfile();
  newsearch::cli::ProgressLine line{file};
  ~DrawnLine() {
    if (file) std::fclose(file);
  }

  void update(const IndexProgress& p) { line.update(p); }
  std::string drawn() const {
    std::fflush(file);
    std::rewind(file);
    std::string out;
    for (int c; (c = std::fgetc(file)) != EOF;) out += static_cast<char>(c);
    return out;  // read to the end: the next write appends
  }
};

}  // namespace

TEST_CASE("on_progress: a start, a call per record, a final call with the totals",
          "[indexer][progress]") {
  TempDir t;
  const std::string src = newsearch::test::corpus_dir();
  newsearch::IndexStats stats;
  const auto calls = run_recording(t / "index", src, &stats);
  CHECK(stats.added == 5);
  CHECK(calls.size() >= 2 + stats.indexed());
  check_calls(calls, stats, bytes_under(src));

  // A second run finds every article unchanged: called for those too.
  const auto again = run_recording(t / "index", src, &stats);
  CHECK(stats.unchanged == 5);
  check_calls(again, stats, bytes_under(src));
}

TEST_CASE("on_progress: a parallel build calls it on the caller's thread only",
          "[indexer][progress][parallel]") {
  TempDir t;
  std::string lines;
  for (int i = 0; i < 200; ++i)
    lines += R"({"id":"a)" + std::to_string(i) + R"(","title":"Talks )" + std::to_string(i) +
             R"(","body":"Body text."})"
             "\n";
  t.write("src/a.jsonl", lines);
  newsearch::IndexStats stats;
  const auto calls = run_recording(t / "index", t / "src", &stats, 3);
  CHECK(stats.added == 200);
  check_calls(calls, stats, bytes_under(t / "src"));
}

TEST_CASE("ProgressLine: the first call starts the clock, then draws five times a second",
          "[indexer][progress]") {
  DrawnLine line;
  REQUIRE(line.file);
  line.update({0, 0, 4000000, false});
  CHECK(line.drawn().empty());
  const auto drawn_at = std::chrono::steady_clock::now();
  line.update({3, 2000000, 4000000, false});
  const std::string first = line.drawn();
  CHECK_THAT(first, Catch::StartsWith("\r\x1b[K3 articles  2.0 MB read  "));
  CHECK_THAT(first, Catch::EndsWith(" MB/s"));  // no ETA within the first second
  line.update({4, 2500000, 4000000, false});
  if (std::chrono::steady_clock::now() - drawn_at < std::chrono::milliseconds(190))
    CHECK(line.drawn() == first);  // within 200 ms of the last: not drawn
  line.update({5, 4000000, 4000000, true});
  CHECK(line.drawn() == first + "\r\x1b[K");
}

TEST_CASE("ProgressLine: shows the share read and the ETA after a second", "[indexer][progress]") {
  DrawnLine line;
  REQUIRE(line.file);
  line.update({0, 0, 4000000, false});
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  line.update({7, 1000000, 4000000, false});
  CHECK_THAT(line.drawn(), Catch::Matches("\r\x1b\\[K7 articles  1\\.0 MB read  "
                                          "0\\.[0-9] MB/s  25%  ETA 0m0[0-9]s"));
}

TEST_CASE("ProgressLine: a run that drew nothing clears nothing", "[indexer][progress]") {
  DrawnLine line;
  REQUIRE(line.file);
  line.update({0, 0, 0, false});
  line.update({0, 0, 0, true});
  CHECK(line.drawn().empty());
}
