// normalize_date: the accepted grammar, calendar validation, and bounded
// work on hostile input (issue 15 item 3: std::regex overflowed the stack).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "searcher/format/date_normalizer.h"

using newsearch::normalize_date;

namespace {

using Case = std::pair<const char*, const char*>;

// Inputs the former std::regex parser accepted, with its output (generated
// by running it): real dates keep exactly that output.
const std::vector<Case> kUnchanged = {
    {"2006", "2006"},
    {"0000", "0000"},
    {"9999", "9999"},
    {"2013-06", "2013-06"},
    {"2013-12", "2013-12"},
    {"2013-01", "2013-01"},
    {"2012-03-05", "2012-03-05"},
    {"2024-02-29", "2024-02-29"},
    {"2000-02-29", "2000-02-29"},
    {"2023-12-31", "2023-12-31"},
    {"1987-02-26T15:01:01", "1987-02-26T15:01:01"},
    {"1987-02-26 15:01:01", "1987-02-26T15:01:01"},
    {"1987-02-26T15:01", "1987-02-26T15:01:00"},
    {"2006-10-20T18:15:00-04:00", "2006-10-20T22:15:00"},
    {"2006-10-20T18:15:00+0530", "2006-10-20T12:45:00"},
    {"2006-10-20T18:15:00Z", "2006-10-20T18:15:00"},
    {"2006-10-20T18:15Z", "2006-10-20T18:15:00"},
    {"2006-10-20T18:15+01:00", "2006-10-20T17:15:00"},
    {"2012-06-15T13:00:00+02:00", "2012-06-15T11:00:00"},
    {"2012-06-15T12:00:00.123Z", "2012-06-15T12:00:00"},
    {"2012-06-15T12:00:00.123456789+01:00", "2012-06-15T11:00:00"},
    {"2012-12-31T23:30:00-01:00", "2013-01-01T00:30:00"},
    {"2013-01-01T00:30:00+01:00", "2012-12-31T23:30:00"},
    {"2024-02-28T23:00:00-02:00", "2024-02-29T01:00:00"},
    {"2012-06-15T00:00:00.5", "2012-06-15T00:00:00"},
    {"2012-06-15T23:59:59Z", "2012-06-15T23:59:59"},
    {"0001-01-01T00:00:00Z", "0001-01-01T00:00:00"},
    {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59"},
    {"2012-06-15T12:00:00-00:00", "2012-06-15T12:00:00"},
    {"2012-06-15T12:00:00+14:00", "2012-06-14T22:00:00"},
    {"2012-06-15T12:00:00-12:00", "2012-06-16T00:00:00"},
    {"2012-06-15T12:00:00+23:59", "2012-06-14T12:01:00"},
    {"2012-06-15T05:45+0545", "2012-06-15T00:00:00"},
    {"2012-06-15T23:59:60Z", "2012-06-16T00:00:00"},  // a leap second
};

// The former parser accepted these though they name no real time.
const std::vector<const char*> kNotReal = {
    "2024-02-30",
    "2023-02-29",
    "2013-04-31",
    "2024-02-30T10:00:00Z",
    "2012-06-15T25:00:00",
    "2012-06-15T24:00:00",
    "2012-06-15T12:60:00",
    "2012-06-15T12:00:61",
    "2012-06-15T12:00:00+25:00",
    "2012-06-15T12:00:00+01:60",
    // More than kMaxFractionDigits digits of a second.
    "2012-06-15T12:00:00.1234567890Z",
};

// Rejected before and now.
const std::vector<const char*> kMalformed = {
    "",
    "2013-13",
    "2013-00",
    "2013-01-00",
    "2013-01-32",
    "2012-",
    "2012-6",
    "2012-06-5",
    "12-06-15",
    "2012/06/15",
    "2012-06-15T",
    "2012-06-15T12",
    "2012-06-15T12:00:00.",
    "2012-06-15T12:00.5",
    "2012-06-15t12:00",
    "2012-06-15T12:00:00z",
    "2012-06-15T12:00:00+1",
    "2012-06-15T12:00:00+01:0",
    "2012-06-15T12:00:00 Z",
    " 2012",
    "2012 ",
    "last tuesday",
    "2013-02-30x",
    "20120615",
    "+2012",
    "2012-06-15T12:00:00+01:00:00",
    "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x92",  // fullwidth digits
    "2012-06-15T12:00:00+01:00\n",
};

}  // namespace

TEST_CASE("normalize_date keeps the former output of every real date", "[analysis][date]") {
  for (const auto& [in, out] : kUnchanged) {
    INFO(in);
    CHECK(normalize_date(in) == out);
  }
}

TEST_CASE("normalize_date validates the calendar and the clock", "[analysis][date]") {
  for (const char* in : kNotReal) {
    INFO(in);
    CHECK(normalize_date(in).empty());
  }
  for (const char* in : kMalformed) {
    INFO(in);
    CHECK(normalize_date(in).empty());
  }
  CHECK(normalize_date(std::string("2012-06-15\0", 11)).empty());
}

TEST_CASE("normalize_date: hostile lengths are rejected in linear time, no stack overflow",
          "[analysis][date][limits]") {
  // 26,000 fractional digits overflowed std::regex's recursion (SIGSEGV).
  const auto t0 = std::chrono::steady_clock::now();
  for (std::size_t n : {26'000u, 1'000'000u, 20'000'000u}) {
    INFO(n);
    CHECK(normalize_date("2012-06-15T12:00:00." + std::string(n, '7') + "Z").empty());
    CHECK(normalize_date("2012-06-15T12:00:00" + std::string(n, 'Z')).empty());
    CHECK(normalize_date(std::string(n, '2')).empty());
  }
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
}

// Found by tests/fuzz/date_fuzz.cpp (tests/fuzz/regressions/date/).
TEST_CASE("normalize_date: a zone offset never carries a date out of four-digit years",
          "[analysis][date][regress]") {
  CHECK(newsearch::normalize_date("0000-01-01T00:00:00+01:00").empty());  // was -001-12-31T23:00:00
  CHECK(
      newsearch::normalize_date("9999-12-31T23:00:00-05:00").empty());  // was 10000-01-01T04:00:00
  CHECK(newsearch::normalize_date("0000-01-01T01:00:00+01:00") == "0000-01-01T00:00:00");
  CHECK(newsearch::normalize_date("9999-12-31T18:59:59-05:00") == "9999-12-31T23:59:59");
}
