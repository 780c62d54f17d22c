/** @file article.h
 *  @brief Article: one news article as an application hands it to
 *  IndexWriter.
 */
#pragma once

#include <string>

namespace newsearch {

/** An article to index. Only id and some text are required.
 *
 *  The text is analysed exactly as the indexer analyses a JSON Lines record
 *  (README "Input formats"): whitespace is collapsed, paragraphs are split at
 *  blank lines, and a paragraph longer than about 600 bytes is cut into
 *  passages at sentence boundaries. All strings are UTF-8.
 */
struct Article {
  /// Unique key (at most 64 KiB). Putting an article with an existing id
  /// replaces it.
  std::string id;
  /// Headline; may be empty.
  std::string title;
  /// Body text: paragraphs separated by blank lines ("\n\n").
  std::string body;
  /// Publication date or time, ISO 8601 ("2013-05-01",
  /// "2013-05-01T12:30:00+02:00"); stored as given, searched in UTC
  /// (SearchOptions::date_from/date_to). Empty if unknown.
  std::string date;
  /// Publisher ("Reuters"); SearchOptions::sources filters on it.
  std::string source;
  /// Where the article lives on the web; returned with hits.
  std::string url;
  /// ISO 639-1 language code; empty means English. Selects the stemmer.
  std::string language;
};

}  // namespace newsearch
