// Dates of JSON Lines records and IndexWriter articles are validated: a bad
// one is dropped with one warning, counted (IndexStats::bad_dates,
// IndexWriter::PutNotes), and the article indexed undated; a date filter
// says how many matching articles it left out for having no date
// (SearchResults::undated_matches).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "indexer/date_check.h"
#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

using newsearch::Article;
using newsearch::IndexWriter;
using newsearch::LogLevel;
using newsearch::Searcher;
using newsearch::SearchOptions;
using newsearch::test::TempDir;

namespace {

// The issue's quote: "Dates like 2024-02-30, last tuesday or 01/02/2024 are
// accepted with status=ok and then silently fail every --since search".
const std::vector<std::string> kBadDates = {"2024-02-30",   "last tuesday", "01/02/2024",
                                            "2024-13-01",   "2023-02-29",   "2024-06-14T25:00",
                                            "14 June 2024", "20240614"};

struct Logged {
  std::vector<std::string> warnings;
  newsearch::LogOptions options() {
    return {[this](LogLevel level, std::string_view m) {
              if (level == LogLevel::kWarn) warnings.emplace_back(m);
            },
            LogLevel::kWarn};
  }
};

std::string jsonl_line(const std::string& id, const std::string& date) {
  return R"({"id": ")" + id + R"(", "title": "Ceasefire talks )" + id +
         R"(", "body": "Negotiators met about the ceasefire.", "date": ")" + date + "\"}\n";
}

std::size_t hits(const std::string& db, const std::string& query, const SearchOptions& o = {}) {
  return Searcher::open(db, o).search(query).hits.size();
}

}  // namespace

TEST_CASE("drop_bad_date: each bad form dropped, a good one kept and marked", "[dates]") {
  for (const auto& bad : kBadDates) {
    newsearch::SourceRecord r;
    r.date = bad;
    r.date_source = "field";
    const auto dropped = newsearch::drop_bad_date(r);
    INFO(bad);
    REQUIRE(dropped);
    CHECK(*dropped == bad);
    CHECK(r.date.empty());
    CHECK(r.date_source.empty());
  }
  for (const std::string good : {"2024", "2024-02", "2024-02-29", "2006-10-20T18:15:00-04:00"}) {
    newsearch::SourceRecord r;
    r.date = good;
    CHECK_FALSE(newsearch::drop_bad_date(r));
    CHECK(r.date == good);
    CHECK(r.date_source == "field");
  }
  newsearch::SourceRecord undated;
  CHECK_FALSE(newsearch::drop_bad_date(undated));
  CHECK(undated.date_source.empty());
  CHECK(
      newsearch::bad_date_message("last tuesday").find("date 'last tuesday' is not an ISO 8601") ==
      0);
}

TEST_CASE(
    "run_indexer: a JSONL record's bad date is warned about once per line, counted, "
    "and the article indexed undated",
    "[dates]") {
  TempDir t;
  std::string text = jsonl_line("good", "2024-06-14");
  for (std::size_t i = 0; i < kBadDates.size(); ++i)
    text += jsonl_line("bad" + std::to_string(i), kBadDates[i]);
  const std::string file = t.write("feed.jsonl", text);
  Logged log;
  newsearch::IndexerOptions o;
  o.db_path = t / "index";
  o.sources = {file};
  o.log = log.options();
  const newsearch::IndexStats s = newsearch::run_indexer(o);
  CHECK(s.bad_dates == kBadDates.size());
  CHECK(s.skipped == 0);
  CHECK(s.added == kBadDates.size() + 1);
  REQUIRE(log.warnings.size() == kBadDates.size());
  for (std::size_t i = 0; i < kBadDates.size(); ++i) {
    INFO(log.warnings[i]);
    CHECK(log.warnings[i].find(file + ":" + std::to_string(i + 2) + ": date '" + kBadDates[i] +
                               "' is not an ISO 8601 date") == 0);
    CHECK(log.warnings[i].find("indexed undated") != std::string::npos);
  }
  // Every article is found without a date filter; with one, only the good.
  CHECK(hits(t / "index", "ceasefire") == kBadDates.size() + 1);
  SearchOptions since;
  since.date_from = "2000";
  const auto r = Searcher::open(t / "index", since).search("ceasefire");
  CHECK(r.hits.size() == 1);
  CHECK(r.undated_matches == kBadDates.size());
  // The stored article has no date (and no date source).
  const auto all = Searcher::open(t / "index").search("bad0");
  REQUIRE(all.hits.size() == 1);
  CHECK(all.hits[0].date.empty());
  // An unchanged record is not read again, so not counted again.
  CHECK(newsearch::run_indexer(o).bad_dates == 0);
}

TEST_CASE("IndexWriter::put: a bad date is reported by the call, logged, and dropped",
          "[dates][writer]") {
  TempDir t;
  Logged log;
  newsearch::IndexWriterOptions wo;
  wo.log = log.options();
  auto writer = IndexWriter::open(t / "index", wo);
  Article a;
  a.id = "x";
  a.title = "Ceasefire talks";
  a.body = "Negotiators met.";
  a.date = "2024-02-30";
  IndexWriter::PutNotes notes;
  notes.dropped_date = "stale";
  CHECK(writer.put(a, notes) == IndexWriter::PutResult::kAdded);
  CHECK(notes.dropped_date == "2024-02-30");
  REQUIRE(log.warnings.size() == 1);
  CHECK(log.warnings[0] == "article 'x': " + newsearch::bad_date_message("2024-02-30"));
  // Put again unchanged: still reported (the call is what tells).
  CHECK(writer.put(a, notes) == IndexWriter::PutResult::kUnchanged);
  CHECK(notes.dropped_date == "2024-02-30");
  a.date = "2024-02-29";
  CHECK(writer.put(a, notes) == IndexWriter::PutResult::kReplaced);
  CHECK(notes.dropped_date.empty());
  a.id = "y";
  a.date = "last tuesday";
  CHECK(writer.put(a) == IndexWriter::PutResult::kAdded);  // the one-argument form: logged only
  CHECK(log.warnings.size() == 3);
  writer.commit();
  SearchOptions since;
  since.date_from = "2024-02-01";
  const auto r = Searcher::open(t / "index", since).search("ceasefire");
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].id == "x");
  CHECK(r.hits[0].date == "2024-02-29");
  CHECK(r.undated_matches == 1);
}

TEST_CASE("SearchResults::undated_matches: only with a date filter, and only matching articles",
          "[dates][searcher]") {
  TempDir t;
  {
    auto writer = IndexWriter::open(t / "index");
    auto put = [&](const std::string& id, const std::string& title, const std::string& date,
                   const std::string& source) {
      Article a;
      a.id = id;
      a.title = title;
      a.body = "Text of " + title + ".";
      a.date = date;
      a.source = source;
      writer.put(a);
    };
    put("d1", "Ceasefire in Idlib", "2020-06-14", "Reuters");
    put("u1", "Ceasefire holds", "", "Reuters");
    put("u2", "Ceasefire broken", "", "AP");
    put("u3", "Election results", "", "Reuters");
    writer.commit();
  }
  const std::string db = t / "index";
  CHECK(Searcher::open(db).search("ceasefire").undated_matches == 0);  // no date filter
  SearchOptions o;
  o.date_to = "2030";
  CHECK(Searcher::open(db, o).search("ceasefire").undated_matches == 2);
  CHECK(Searcher::open(db, o).search("ceasefire").hits.size() == 1);
  CHECK(Searcher::open(db, o).search("election").undated_matches == 1);
  o.sources = {"Reuters"};
  CHECK(Searcher::open(db, o).search("ceasefire").undated_matches == 1);  // AP left out by source
  o.sources.clear();
  o.date_from = "2021";
  // Dated but out of range is not "undated".
  CHECK(Searcher::open(db, o).search("idlib").undated_matches == 0);
  CHECK(Searcher::open(db, o).search("idlib").hits.empty());
  // Soft AND: articles with only some of the words count too.
  CHECK(Searcher::open(db, o).search("ceasefire holds").undated_matches == 2);
}

TEST_CASE("SearchResults::undated_matches: 0 on an index where every article is dated",
          "[dates][searcher]") {
  TempDir t;
  {
    auto writer = IndexWriter::open(t / "index");
    for (const char* d : {"2019-01-01", "2020-06-14", "2021-03-05T10:00:00Z"}) {
      Article a;
      a.id = d;
      a.title = "Ceasefire talks";
      a.body = "Negotiators met.";
      a.date = d;
      writer.put(a);
    }
    writer.commit();
  }
  SearchOptions o;
  o.date_from = "2020";
  const auto r = Searcher::open(t / "index", o).search("ceasefire");
  CHECK(r.hits.size() == 2);
  CHECK(r.undated_matches == 0);
}
