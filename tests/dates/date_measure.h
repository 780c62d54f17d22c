// The date figure of issue 17 on ../shared/data/scraped-news: how often
// find_date_line() over a page's lines gives a date within one day of the
// page's own publication-date tag (truth.jsonl "date").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsearch::test {

/// The figures of one half of the pages.
struct DateFigures {
  std::size_t dated = 0;           ///< pages with a truth date
  std::size_t within_day = 0;      ///< of those, a date within one day of it
  std::size_t wrong = 0;           ///< of those, a date further off
  std::size_t undated = 0;         ///< pages without a truth date
  std::size_t undated_got = 0;     ///< of those, pages given a date all the same
  std::vector<std::string> notes;  ///< one line per miss, wrong date or undated page given a date
  double share() const { return dated ? double(within_day) / double(dated) : 0.0; }
};

/// Dev pages are those whose FNV-1a-64 hash of the file name is even, test
/// pages those whose hash is odd. @p limit is find_date_line()'s: the
/// first @p limit non-blank lines of each page.
struct DateMeasure {
  DateFigures dev, test;
};

/// Reads @p dir (pages/*.txt and truth.jsonl). A truth date that is not
/// ISO 8601 ("Tue Nov 19 2019 05:44:06 GMT+0000", 6 pages) is read with
/// date_of_line().
DateMeasure measure_dates(const std::string& dir, std::size_t limit);

}  // namespace newsearch::test
