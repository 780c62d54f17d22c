/** @file search_options.h
 *  @brief SearchOptions: every knob of the searcher in one struct.
 */
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "newsearch/logging.h"

namespace newsearch {

/// Options of Searcher. Defaults suit an interactive terminal search.
/// Passed to Searcher::open() (the defaults of that searcher) or to one
/// Searcher::search() call; both throw Error(kInvalidArgument), naming the
/// option, for a value out of range: limit, passages_per_article or
/// snippet_chars zero; limit, offset or rerank_depth over 10,000,000; a
/// weight that is NaN, infinite, negative or over 1,000,000.
struct SearchOptions {
  // --- Paging -------------------------------------------------------------
  /// Maximum number of articles returned.
  std::size_t limit = 10;
  /// Number of best-ranked articles skipped before the first one returned
  /// (page N of size L: offset = N * L). The cost of a search grows with
  /// offset + limit, since every article up to there is ranked. Pages are
  /// slices of one ranking (no article repeated or skipped) as long as
  /// offset + limit <= rerank_depth; deeper pages re-rank more candidates.
  std::size_t offset = 0;

  // --- What is returned per article ---------------------------------------
  /// Maximum number of passages returned per article (best first).
  std::size_t passages_per_article = 1;
  /// Target snippet length in characters (code points), "…" not counted.
  std::size_t snippet_chars = 300;

  // --- Filters (articles failing a filter are not matched at all) ----------
  /// Only articles from one of these publishers (the "source" field given to
  /// the indexer, compared after case and accent folding). Empty: any.
  /// A name without a letter or digit ("!!!", " ") makes search() throw
  /// Error(kInvalidArgument).
  std::vector<std::string> sources;
  /// Only articles dated on or after this ISO 8601 date or time
  /// ("2012", "2012-03", "2012-03-05", "2012-03-05T10:00:00Z", ...;
  /// UTC unless an offset is given). Empty: no lower bound. Articles
  /// without a date never pass a date filter.
  std::string date_from;
  /// Only articles dated on or before this date or time, inclusive at its
  /// precision ("2012" includes all of 2012). Empty: no upper bound.
  std::string date_to;
  /// Only articles in one of these languages: ISO 639-1 codes ("de"; a
  /// region is ignored: "de-AT") or English names ("German"). Empty: any.
  /// An entry that names no language makes search() throw
  /// Error(kInvalidArgument). Unless query_language is set, the query is
  /// then analysed in these languages only.
  std::vector<std::string> languages;

  // --- Query analysis -------------------------------------------------------
  /// The language the query's words are stemmed in (a code or name as for
  /// languages), forcing one. Empty (the default): every language of the
  /// index's articles, each article matched by the stem in its own language
  /// (docs/languages.md). Quoted words and phrases match exactly in any.
  std::string query_language;

  // --- Cost ------------------------------------------------------------------
  /// Wall-clock budget of one search; zero means none (negative is an
  /// error). When it runs out the search still returns every hit asked for
  /// that matches, with SearchResults::timed_out set: feedback is skipped;
  /// the candidates whose passages were not re-ranked in time follow the
  /// re-ranked ones in Xapian's order (showing their lead passage, scored
  /// by article evidence alone); and the passages of hits built after it ran
  /// out are not analysed (snippet: the passage start, no highlights). It is
  /// a target, not a hard deadline: the article match itself (Xapian's) and
  /// reading each shown article's stored record cannot be interrupted.
  std::chrono::milliseconds time_budget{0};

  // --- Ranking (see docs/ranking.md) --------------------------------------
  /// Candidate articles re-ranked by passage evidence: the best
  /// max(offset + limit, rerank_depth) by whole-article BM25. More gives
  /// better passage ranking at some cost in latency.
  std::size_t rerank_depth = 50;
  /// Weight of whole-article evidence (BM25 over headline and body) added to
  /// the passage score. Queries of more than three words add twice this
  /// times the article's BM25, plus this times a plain-text article BM25
  /// with feedback words of its own (docs/ranking.md).
  double article_weight = 0.5;
  /// Weight of the headline's own BM25 (scored like a passage) added to the
  /// score of every passage of the article.
  double headline_weight = 0.75;
  /// Extra weight of headline matches when Xapian retrieves candidate
  /// articles: a headline match counts once in the article's BM25 (headline
  /// and body as one text) plus headline_boost times the headline's own
  /// BM25; halved for queries of more than 3 words.
  double headline_boost = 1.0;

  // --- Diagnostics -----------------------------------------------------------
  /// Log records of the searcher (default: none). Only the options given to
  /// Searcher::open() are used for logging.
  LogOptions log;
};

}  // namespace newsearch
