/** @file article.h
 *  @brief Article: one news article as an application hands it to
 *  IndexWriter.
 */
#pragma once

#include <cstddef>
#include <string>

namespace newsearch {

/// The longest article id, in bytes, from every input: Article::id, a JSON
/// Lines "id", a file's path relative to its SOURCE. Longer ones are refused.
inline constexpr std::size_t kMaxArticleIdBytes = 64 * 1024;

/** An article to index. Only id and some text are required.
 *
 *  The text is analysed exactly as the indexer analyses a JSON Lines record
 *  (docs/indexing.md, "Sources and formats"): whitespace is collapsed, paragraphs are split at
 *  blank lines, and a paragraph longer than about 600 bytes is cut into
 *  passages at sentence boundaries. All strings are UTF-8. Control
 *  characters (C0, DEL, C1) in every field but the id are removed (become
 *  blanks), so no stored text can drive a terminal.
 */
struct Article {
  /// Unique key (at most kMaxArticleIdBytes, 64 KiB), stored verbatim.
  /// Putting an article with an existing id replaces it.
  std::string id;
  /// Headline; may be empty or blank. Shortened to its first words if
  /// over 300 bytes (the whole of it then starts the body). A title that is
  /// empty once its lines are joined and known boilerplate lines ("Share",
  /// "Read more", ...) removed is given one from the body: the first
  /// sentence of its first paragraph, cut at a word boundary at about 100
  /// bytes and ended with "…" when cut (docs/indexing.md, "Reading scraped
  /// pages"); it stays empty if that paragraph has no letter or digit. A
  /// derived title is marked so (Hit::title_derived,
  /// `title_derived` in `search --json`), is shown like any headline, and
  /// is not indexed as headline words (`title:` does not match it).
  std::string title;
  /// Body text: paragraphs separated by blank lines ("\n\n").
  std::string body;
  /// Publication date or time, ISO 8601 ("2013-05-01",
  /// "2013-05-01T12:30:00+02:00"); stored as given, searched in UTC
  /// (SearchOptions::date_from/date_to). Empty if unknown. A date that is
  /// not ISO 8601 or does not exist ("2024-02-30") is dropped: the article
  /// is indexed undated and IndexWriter::put() says so (PutNotes).
  std::string date;
  /// Publisher ("Reuters"); SearchOptions::sources filters on it.
  std::string source;
  /// Where the article lives on the web; returned with hits.
  std::string url;
  /// The article's language: an ISO 639-1 code ("de"; "de-AT" and "German"
  /// are read as "de"), or empty to have it detected from the headline and
  /// body (CLD2), falling back to the default (AnalyzerOptions::language)
  /// when it cannot be told. It selects the stemmer and stopwords of the
  /// article's words, SearchOptions::languages filters on it, and hits
  /// return it (Hit::language). One that names no language is dropped and
  /// the language detected (IndexWriter::PutNotes::dropped_language).
  std::string language;
};

}  // namespace newsearch
