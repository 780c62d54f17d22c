// The languages one query is analysed in (issue 18). By default every
// language of the index's articles (its L terms): a word is stemmed in each,
// and matches an article of language L by its stem in L, so "Regierungen"
// finds German articles by the German stem and "governments" English ones
// by the English stem with no flag. SearchOptions::query_language forces
// one language; SearchOptions::languages (a filter) limits them to its own.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/search_options.h"
#include "searcher/query_parser.h"

namespace newsearch {

class QueryLanguages {
 public:
  /// Refers to @p db and @p analyzer, which must outlive it.
  /// @throws Error(kInvalidArgument) for a query_language or languages
  ///         entry that names no language.
  QueryLanguages(const Xapian::Database& db, const SearchOptions& options, Analyzer& analyzer);

  /// The languages, most articles first (at least one: the analyzer's
  /// default language for an empty index).
  std::vector<std::string> codes() const;

  /// Whether a lone unquoted word is a stopword. In one language: its list.
  /// In several: when the languages that list it hold at least half of the
  /// articles that have the word (each language's articles with the word's
  /// stem in that language), or of all articles if none has it: "die" in an
  /// index of English and German articles is mostly German, so a stopword;
  /// "the" is mostly English, so one too.
  bool is_stopword(const std::string& term) const;

  /// codes() and is_stopword(), for parse_query().
  ParseContext parse_context() const;

 private:
  const Xapian::Database& db_;
  Analyzer& analyzer_;
  std::vector<std::pair<std::string, Xapian::doccount>> languages_;  // code, articles
};

/// The canonical codes of SearchOptions::languages.
/// @throws Error(kInvalidArgument) naming the option for an entry that
///         names no language.
std::vector<std::string> language_filter_codes(const SearchOptions& options);

}  // namespace newsearch
