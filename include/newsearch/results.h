/** @file results.h
 *  @brief Plain value types returned by Searcher::search().
 *
 *  Offsets are given both in bytes (into the UTF-8 strings here) and in
 *  Unicode code points ("characters"), so an application can render its own
 *  highlighting in whatever string model it uses.
 */
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsearch {

/// A highlighted range of a snippet: one matched word or phrase.
struct Highlight {
  std::size_t byte_begin = 0;  ///< into Snippet::text, UTF-8 bytes
  std::size_t byte_end = 0;
  std::size_t char_begin = 0;  ///< the same range in code points
  std::size_t char_end = 0;
};

/// A readable window of a passage around its matches.
struct Snippet {
  /// The text shown; starts and/or ends with "…" where passage text was dropped.
  std::string text;
  /// Matched surface forms, sorted and non-overlapping.
  std::vector<Highlight> highlights;
};

/// One passage (a paragraph, or a run of sentences of a long paragraph).
struct Passage {
  std::size_t index = 0;       ///< passage number within the article, 0-based
  std::size_t byte_begin = 0;  ///< offset of the passage in Hit::body
  std::size_t byte_end = 0;
  std::string text;               ///< the whole passage
  double score = 0.0;             ///< passage relevance, comparable across hits
  std::size_t matched_terms = 0;  ///< distinct query words/phrases found in it
  Snippet snippet;
};

/// One article in the results, with its best passages.
struct Hit {
  std::size_t rank = 0;  ///< 1-based
  std::string id;        ///< article id: path relative to the source root, or the JSONL id
  std::string title;     ///< headline
  /// The title is the article's first sentence, not its own headline (a
  /// JSON Lines record without a title, a page without a headline).
  bool title_derived = false;
  std::string source_path;  ///< file the article was read from, as given to the indexer
  std::string date;         ///< ISO 8601 date if known, else empty
  std::string source;       ///< publisher if known, else empty
  std::string url;          ///< URL if known, else empty
  /// The article's language, ISO 639-1 ("de"): given, detected, or the
  /// indexer's default (Article::language).
  std::string language;
  /// Score of the best passage: the ranking key after all_terms (equal
  /// scores: by id). After a time budget ran out, hits not re-ranked in
  /// time come last, scored by their article evidence alone.
  double score = 0.0;
  /// Whether the article contains every required query word or phrase.
  bool all_terms = false;
  /// Best passages first: those with more distinct query words, then by
  /// score. The lead passage stands in when only the headline matched; empty
  /// only for an article without body text.
  std::vector<Passage> passages;
};

/// Everything a search returns.
struct SearchResults {
  std::vector<Hit> hits;
  /// Estimate of how many articles match at all (for "about N results" and
  /// for paging). Exact when small; at least offset + hits.size().
  std::size_t estimated_matches = 0;
  /// Articles in the index when the search ran.
  std::size_t indexed_articles = 0;
  /// True if SearchOptions::time_budget ran out: the hits are the best found
  /// in the time, not necessarily the best overall, and some may show an
  /// unhighlighted snippet (search_options.h). Never fewer hits: every
  /// article that matches is still counted and can be returned.
  bool timed_out = false;
  /// Set only when SearchOptions::date_from or date_to is (else 0): how
  /// many articles match the query and every other filter but were left
  /// out for having no date (an undated article never passes a date
  /// filter). Exact, not an estimate; not affected by the time budget.
  std::size_t undated_matches = 0;
};

}  // namespace newsearch
