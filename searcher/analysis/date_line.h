// The publication date of a scraped news page, from its date line: the
// line near the top that says when the article was published ("Sun 14 Jun
// 2020 | 04:38 PM", "Published: June 14, 2020", "By Jane Doe | 14.06.2020").
// Internal to newsearch::analysis (ICU supplies the month and weekday names).
//
// What a date line is, decided from the line's shape alone:
//  * it holds a date with a day, a month and a year from 1900 to 2100 that
//    exists in the calendar (normalize_date() checks it), in one of these
//    forms: ISO "2020-06-14" (also "2020/06/14", "2020.06.14", and with
//    "T10:55:00Z" or " 10:55+02:00"); a month name "June 14, 2020",
//    "Jun. 14 2020", "14 June 2020", "14th of June, 2020", "14. Juni 2020",
//    "14 de junho de 2020", "14 июня 2020 г."; or numbers "14.06.2020",
//    "14/06/2020", "14-06-2020", "11/19/19";
//  * everything else on the line is furniture: weekdays, the times and zones
//    ("04:38 PM", "8:05 a.m.", "18.54 GMT", "ET", "+05:30"), separators
//    (| · • - / , ( ) : @), label and link words ("Published", "Posted on",
//    "Updated", "Last modified", "First published", "at", "by", "2 min
//    read", "hours ago", "Publicado", "Aktualisiert", ...), plus at most six
//    capitalised name words (a byline "By Jane Doe, Reuters", a publisher
//    "CBS News") and at most one other word or number. So "On June 14, 2020,
//    the ministers met in Istanbul" (seven lower-case words) and "a phone
//    call on June 14" (no year, and other words) are not date lines, while
//    "By Jane Doe | June 14, 2020" is;
//  * it is at most 200 bytes and does not start with an em dash (the
//    "— Name (@handle) June 14, 2020" attribution of an embedded tweet).
// Month and weekday names are those of ICU's DateFormatSymbols for en, pt,
// it, id, ru, de, fr, es and nl (wide and abbreviated, format and
// stand-alone forms), case- and accent-folded; a name that means different
// months in two languages is not used.
//
// Numeric dates: the order of day and month is read only where it is
// certain. In "a/b/yyyy", "a.b.yyyy" and "a-b-yyyy", a part above 12 is the
// day; when both parts are 12 or less and differ ("01/02/2024": 1 February
// or January 2?) the line is not taken as a date line, rather than guessed.
// A two-digit year "yy" reads as 19yy from 69 and as 20yy below (the POSIX
// strptime rule). A year first is always year-month-day.
//
// The result is ISO 8601: "2020-06-14", "2020-06-14T16:38" when the line
// gives a time (the first time after the date, else the last before it;
// AM/PM applied), and "2020-06-14T16:38+02:00" only when that time carries a
// numeric zone ("Z", "+0200", "GMT+02:00"); named zones (EST, GMT) are
// ignored. Where a line gives two dates it is the first one, unless that one
// is labelled "Updated"/"Modified" and a later one "Published"/"Posted".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsearch {

/// The publication date of @p line if the line is a date line (above), as
/// ISO 8601; nullopt for any other line. Thread-safe; the name tables are
/// built on first use (ICU).
std::optional<std::string> date_of_line(std::string_view line);

/// The date line chosen for a page.
struct DateChoice {
  std::size_t index = 0;  ///< into the lines given to find_date_line()
  std::string iso;        ///< date_of_line() of that line
};

/// The publication date of a page whose lines, in page order, are @p lines:
/// the first date line among the first @p limit entries. Blank entries may
/// be present (they are no date line but count toward @p limit, so pass the
/// lines without blanks for a limit in text lines). nullopt if none.
std::optional<DateChoice> find_date_line(const std::vector<std::string_view>& lines,
                                         std::size_t limit);

}  // namespace newsearch
