// date_of_line() and find_date_line() (searcher/analysis/date_line.h): each
// date line format, each line that must not be taken for one, and the date
// figure on ../shared/data/scraped-news.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "searcher/analysis/date_line.h"
#include "tests/dates/date_measure.h"
#include "tests/support/skip.h"
#include "tests/support/temp_dir.h"

using newsearch::date_of_line;
using newsearch::find_date_line;

namespace {

std::string iso(std::string_view line) { return date_of_line(line).value_or("(none)"); }

}  // namespace

TEST_CASE("date_of_line: the formats of news date lines", "[dates]") {
  CHECK(iso("Sun 14 Jun 2020 | 04:38 PM") == "2020-06-14T16:38");
  CHECK(iso("June 14, 2020") == "2020-06-14");
  CHECK(iso("14 June 2020") == "2020-06-14");
  CHECK(iso("Jun. 14, 2020 8:05 am ET") == "2020-06-14T08:05");
  CHECK(iso("2020-06-14") == "2020-06-14");
  CHECK(iso("2020-06-14T10:55:00Z") == "2020-06-14T10:55Z");
  CHECK(iso("2020-06-14 10:55+0200") == "2020-06-14T10:55+02:00");
  CHECK(iso("14.06.2020") == "2020-06-14");
  CHECK(iso("14/06/2020") == "2020-06-14");
  CHECK(iso("2016.12.01") == "2016-12-01");
  CHECK(iso("Wednesday, 20th November 2019") == "2019-11-20");
  CHECK(iso("14th of June, 2020") == "2020-06-14");
  CHECK(iso("Nov 18, 2019 at 9:24 pm ET • 2 min read") == "2019-11-18T21:24");
  CHECK(iso("Mon 18 Nov 2019 18.54 GMT") == "2019-11-18T18:54");
  CHECK(iso("8:05 a.m. June 14, 2020") == "2020-06-14T08:05");
  CHECK(iso("12:04AM ET November 19, 2019") == "2019-11-19T00:04");
  CHECK(iso("Tue Nov 19 2019 05:44:06 GMT+0000") == "2019-11-19T05:44+00:00");
}

TEST_CASE("date_of_line: prefixes and bylines", "[dates]") {
  CHECK(iso("Published: June 14, 2020") == "2020-06-14");
  CHECK(iso("Published on 14 June 2020") == "2020-06-14");
  CHECK(iso("Posted June 14, 2020") == "2020-06-14");
  CHECK(iso("Updated 1:39 am EST, Wednesday, November 20, 2019") == "2019-11-20T01:39");
  CHECK(iso("Last updated: 14/06/2020") == "2020-06-14");
  CHECK(iso("First published on June 14, 2020 / 8:16 AM") == "2020-06-14T08:16");
  CHECK(iso("By Jane Doe | June 14, 2020") == "2020-06-14");
  CHECK(iso("By Jane Doe, Reuters  June 14, 2020") == "2020-06-14");
  CHECK(iso("Posted by Michael David Smith on November 19, 2019, 6:21 AM EST") ==
        "2019-11-19T06:21");
  CHECK(iso("Updated on: November 19, 2019 / 10:07 AM / CBS News") == "2019-11-19T10:07");
  // The first date, unless it is the update and a later one the publication.
  CHECK(iso("PUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 20, 2019 at 10:16 pm") ==
        "2019-11-19T20:59");
  CHECK(iso("Updated: Nov 20, 2019 10:00 | Published: Nov 19, 2019 09:00") == "2019-11-19T09:00");
}

TEST_CASE("date_of_line: month and weekday names of other languages", "[dates]") {
  CHECK(iso("Posted on Maret 30, 2015 by Admin") == "2015-03-30");                     // id
  CHECK(iso("27 de setembro de 2018") == "2018-09-27");                                // pt
  CHECK(iso("Publicado el 14 de junio de 2020") == "2020-06-14");                      // es
  CHECK(iso("14 giugno 2020") == "2020-06-14");                                        // it
  CHECK(iso("Von Moritz Bachmann publiziert am 25. September 2018") == "2018-09-25");  // de
  CHECK(iso("Mittwoch, 14. Juni 2020") == "2020-06-14");
  CHECK(iso("14 июня 2020 г.") == "2020-06-14");  // ru, genitive month
  CHECK(iso("DIMANCHE 14 JUIN 2020") == "2020-06-14");
  CHECK(iso("publié le 14 février 2020") == "2020-02-14");  // accent folded
  CHECK(iso("14 FEVRIER 2020") == "2020-02-14");
}

TEST_CASE("date_of_line: numeric dates only where day and month are certain", "[dates]") {
  CHECK(iso("11/19/19 06:56 AM EST") == "2019-11-19T06:56");  // 19 > 12: month first
  CHECK(iso("19/11/2019") == "2019-11-19");
  CHECK(iso("05/05/2020") == "2020-05-05");
  CHECK(iso("01/02/2024") == "(none)");  // 1 February or January 2: not guessed
  CHECK(iso("03.04.2020") == "(none)");
  CHECK(iso("Opening Bell 11.18.19") == "2019-11-18");
  CHECK(iso("1.2.3.4") == "(none)");
  CHECK(iso("Version 10.12.2020.1") == "(none)");
}

TEST_CASE("date_of_line: impossible dates and years out of range", "[dates]") {
  CHECK(iso("February 30, 2020") == "(none)");
  CHECK(iso("2024-02-30") == "(none)");
  CHECK(iso("2024-13-01") == "(none)");
  CHECK(iso("29 February 2023") == "(none)");
  CHECK(iso("29 February 2024") == "2024-02-29");
  CHECK(iso("June 14, 1899") == "(none)");
  CHECK(iso("June 14, 2101") == "(none)");
  CHECK(iso("June 14, 2100") == "2100-06-14");
  CHECK(iso("June 14, 2020 25:70") == "(none)");  // no such time: two other numbers
}

TEST_CASE("date_of_line: a date mentioned in the story is no date line", "[dates]") {
  CHECK(iso("a phone call on June 14") == "(none)");
  CHECK(iso("On June 14, 2020, the ministers met in Istanbul and agreed to a ceasefire.") ==
        "(none)");
  CHECK(iso("The talks were held on 14 June 2020 in Moscow") == "(none)");
  CHECK(iso("Former Gov. Deval Patrick speaks during a campaign stop, Tuesday, Nov. 19, 2019, "
            "in Columbia, S.C.") == "(none)");
  CHECK(iso("— Rep. Ilhan Omar (@Ilhan) November 19, 2019") == "(none)");  // a quoted tweet
  CHECK(iso("last tuesday") == "(none)");
  CHECK(iso("June 2020") == "(none)");                // no day
  CHECK(iso("Updated Nov 19, 6:55 AM") == "(none)");  // no year
  CHECK(iso("© 2019 FOX News Network, LLC. All rights reserved.") == "(none)");
  CHECK(iso("Published 22 hours ago") == "(none)");
  CHECK(iso("") == "(none)");
  CHECK(iso(std::string(250, 'x') + " June 14, 2020") == "(none)");  // too long a line
}

TEST_CASE("find_date_line: the first date line at the top, not a story date below", "[dates]") {
  const std::vector<std::string_view> page = {
      "Supervisor Elham AbolFateh",
      "",
      "Russian Top Officials Postpone Turkey Visit Amid Syria, Libya Clash",
      "Sun 14 Jun 2020 | 04:38 PM",
      "Moscow - Russian Foreign Minister Sergei Lavrov postponed a visit.",
      "On June 12, 2020, the ministers agreed in a phone call to meet.",
      "June 12, 2020"};
  const auto found = find_date_line(page, 10);
  REQUIRE(found);
  CHECK(found->index == 3);
  CHECK(found->iso == "2020-06-14T16:38");
  CHECK_FALSE(find_date_line(page, 3));  // the date line is beyond the limit
  const std::vector<std::string_view> story = {"Headline", "On June 12, 2020, the ministers met.",
                                               "They agreed to meet again on 14 June 2020."};
  CHECK_FALSE(find_date_line(story, 10));
  CHECK_FALSE(find_date_line({}, 10));
}

// The figure of issue 17 ("dates: share within one day of the date tag, on
// pages with one"). Dev pages (even FNV-1a-64 of the file name) were used
// to develop date_line.cpp, test pages (odd) only to report.
TEST_CASE("find_date_line on scraped-news: within a day of the page's date tag", "[dates][data]") {
  const std::string dir = newsearch::test::shared_data_dir() + "/scraped-news";
  if (newsearch::test::shared_data_dir().empty() || !std::filesystem::exists(dir + "/truth.jsonl"))
    return newsearch::test::skip("no ../shared/data/scraped-news");
  for (const std::size_t limit : {100u, 200u, 100000u}) {
    const auto m = newsearch::test::measure_dates(dir, limit);
    for (const auto* f : {&m.dev, &m.test})
      std::printf(
          "scraped-news dates, first %zu lines, %s: %zu/%zu within a day (%.3f), %zu wrong; "
          "%zu of %zu undated pages given a date\n",
          limit, f == &m.dev ? "dev" : "test", f->within_day, f->dated, f->share(), f->wrong,
          f->undated_got, f->undated);
    if (limit == 100000u) {
      for (const auto& note : m.dev.notes) UNSCOPED_INFO("dev: " << note);
      CHECK(m.dev.share() >= 0.75);
      CHECK(m.test.share() >= 0.70);
      CHECK(m.dev.wrong + m.test.wrong <= 10);
    }
  }
}
