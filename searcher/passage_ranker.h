// Scores the passages of a candidate article against the query's words and
// phrases, BM25-style: idf from collection statistics, term frequency and
// length normalisation per passage.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "newsearch/analyzer.h"
#include "searcher/leaf_match.h"

namespace newsearch {

/// A positive word or phrase of the query with its inverse document frequency.
struct Concept {
  const LeafMatch* match = nullptr;  ///< what it matches (not owned)
  double idf = 0.0;
};

/// What one passage contains of the query.
struct PassageEvidence {
  std::size_t length = 0;          ///< words in the passage
  std::vector<std::size_t> tf;     ///< matches per concept
  std::vector<ByteRange> matches;  ///< byte ranges of matched words/phrases, sorted
  std::vector<ByteRange> words;    ///< byte ranges of all words, for cutting snippets
  std::size_t matched_concepts() const;
};

class PassageRanker {
 public:
  /// BM25 parameters; the defaults are the usual ones.
  static constexpr double kK1 = 1.2;
  static constexpr double kB = 0.75;

  explicit PassageRanker(std::vector<Concept> concepts) : concepts_(std::move(concepts)) {}

  /// Which text is examined: title: words and phrases match only headlines.
  using Field = MatchField;

  /// Analyse @p text in language @p lang (the same analysis as at index
  /// time: the article's language) and find the concepts in it
  /// (LeafMatch::find).
  PassageEvidence examine(Analyzer& analyzer, std::string_view text, const std::string& lang,
                          Field field = Field::kBody) const;

  /// BM25 of the passage given the mean passage length in words.
  double score(const PassageEvidence& evidence, double mean_length) const;

  std::size_t concept_count() const { return concepts_.size(); }
  const std::vector<Concept>& concepts() const { return concepts_; }

 private:
  std::vector<Concept> concepts_;
};

}  // namespace newsearch
