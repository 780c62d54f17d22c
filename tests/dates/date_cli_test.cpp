// Dates end to end on the real binaries: the indexer's warnings and
// bad_dates=N for bad JSONL dates, and search --since/--until saying on
// stderr how many matching articles were left out for having no date.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using newsearch::test::bin;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;

namespace {

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (auto p = s.find(part); p != std::string::npos; p = s.find(part, p + 1)) ++n;
  return n;
}

// Three articles about talks: one dated, two with the issue's bad dates,
// and an undated one about something else.
std::string feed() {
  return R"({"id": "a1", "title": "Talks in Istanbul", "body": "The ministers met.", "date": "2024-06-14"}
{"id": "a2", "title": "Talks in Moscow", "body": "The ministers met again.", "date": "2024-02-30"}
{"id": "a3", "title": "Talks in Ankara", "body": "The ministers met once more.", "date": "last tuesday"}
{"id": "a4", "title": "Talks in Rome", "body": "The envoys met.", "date": "01/02/2024"}
{"id": "a5", "title": "Election results", "body": "Votes were counted."}
)";
}

ProcessResult search(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> argv = {bin("search"), "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {"NEWSEARCH_DB="}, 60);
}

}  // namespace

// Regression: "Dates like 2024-02-30, last tuesday or 01/02/2024 are
// accepted with status=ok and then silently fail every --since search".
TEST_CASE(
    "indexer: bad JSONL dates are warned about, counted and indexed undated, and "
    "search --since says what it left out",
    "[dates][cli]") {
  TempDir t;
  const std::string file = t.write("feed.jsonl", feed());
  const std::string db = t / "index";
  const ProcessResult r = run_process({bin("indexer"), "--db", db, file}, {"NEWSEARCH_DB="});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);  // every record indexed: bad dates do not make the run partial
  CHECK(contains(r.out, "added=5 "));
  CHECK(contains(r.out, " bad_dates=3 "));
  CHECK(contains(r.out, "status=ok"));
  CHECK(contains(r.err, file + ":2: date '2024-02-30' is not an ISO 8601 date"));
  CHECK(contains(r.err, file + ":3: date 'last tuesday' is not an ISO 8601 date"));
  CHECK(contains(r.err, file + ":4: date '01/02/2024' is not an ISO 8601 date"));
  CHECK(count_of(r.err, "is not an ISO 8601 date") == 3);  // one warning each

  // Without a date filter every article is found, and nothing is said.
  const ProcessResult all = search(db, {"talks"});
  CHECK(all.status == 0);
  CHECK(count_of(all.out, "Talks in ") == 4);
  CHECK_FALSE(contains(all.err, "no date"));

  // With one, the undated matches are counted on stderr; the status is a
  // search's usual.
  const ProcessResult since = search(db, {"--since", "2024-01-01", "talks"});
  INFO("search stderr: " << since.err);
  CHECK(since.status == 0);
  CHECK(count_of(since.out, "Talks in ") == 1);
  CHECK(contains(since.err,
                 "search: 3 matching articles have no date and were left out by --since/--until"));
  const ProcessResult json = search(db, {"--json", "--until", "2030", "talks"});
  CHECK(json.status == 0);
  CHECK(contains(json.err, "search: 3 matching articles have no date"));
  CHECK_FALSE(contains(json.out, "no date"));  // stdout stays one JSON object per hit

  // No dated match at all: the usual no-match status and message, and the
  // undated count still said.
  const ProcessResult none = search(db, {"--since", "2024-01-01", "election"});
  CHECK(none.status == 1);
  CHECK(contains(none.err,
                 "search: 1 matching article has no date and was left out by --since/--until"));
}
