/** @file analyzer.h
 *  @brief The text analysis shared by indexing, querying and snippets.
 *
 *  Every piece of text that becomes a term goes through Analyzer: article
 *  headlines and bodies at index time, query words at search time, and
 *  passages when snippets are highlighted. Using one implementation is what
 *  makes "Çavuşoğlu" in an article match the query "CAVUSOGLU" and get
 *  highlighted in the snippet.
 *
 *  The pipeline, in order:
 *   1. ICU word segmentation (Unicode UAX #29); only letter, number, kana and
 *      ideographic segments become tokens.
 *   2. Normalisation: NFKC, full case folding, removal of combining marks
 *      (diacritics), and a few letters that do not decompose
 *      (ł→l, ø→o, đ→d, ı→i, æ→ae, œ→oe, þ→th).
 *   3. Apostrophes: a trailing possessive 's is dropped ("Egypt's" → egypt),
 *      other apostrophes are removed ("O'Brien" → obrien). ' ’ ʼ all count.
 *      Full stops inside words are removed ("U.S" → us); thousands separators
 *      inside numbers are removed ("1,000" → 1000).
 *   4. Hyphenated compounds ("cease-fire", "al-Sisi") yield each part at its
 *      own position AND the joined form ("ceasefire", "alsisi") as an extra
 *      token at the first part's position, so "cease-fire" and "ceasefire"
 *      match each other, and "Sisi" still finds "al-Sisi".
 *   5. Stemming with the Snowball stemmer of AnalyzerOptions::language
 *      (tokens containing digits are not stemmed).
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsearch/export.h"

namespace newsearch {

/// One analysed word of a text.
struct Token {
  std::string term;        ///< normalised, unstemmed form: exact and phrase matching
  std::string stem;        ///< stemmed form of term: ranked word matching
  std::uint32_t position;  ///< word position, 0-based, counted per analyze() call
  std::size_t byte_begin;  ///< offset of the first byte of the surface form
  std::size_t byte_end;    ///< offset one past its last byte
  bool joined = false;     ///< true for the extra joined form of a hyphenated compound
};

/// Settings of an Analyzer. The indexer records analyzer_id() in the index
/// and the searcher refuses an index analysed differently.
struct AnalyzerOptions {
  /// Snowball stemmer language (a name Xapian::Stem accepts), or "none".
  std::string language = "english";
  /// Tokens whose normalised form is longer than this many bytes are dropped
  /// (they are almost always junk such as base64 or URLs). Xapian's limit is 245.
  std::size_t max_term_bytes = 64;
};

/** Tokenises, normalises and stems text.
 *
 *  Not safe for concurrent use: an Analyzer owns ICU iterators that carry
 *  state. Create one per thread; construction costs some tens of
 *  microseconds.
 *  @since 0.1.0
 */
class NEWSEARCH_API Analyzer {
 public:
  /// @throws Error(kInvalidArgument) for an unknown language,
  ///         Error(kInternal) if ICU cannot create its iterators.
  explicit Analyzer(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// Analyse UTF-8 text. Invalid UTF-8 sequences are treated as separators.
  /// Positions start at 0; byte offsets are into @p text.
  std::vector<Token> analyze(std::string_view text);

  /// Normalise one word (steps 2-3 above) without segmenting it.
  std::string normalize(std::string_view word) const;

  /// Stem a normalised term (step 5).
  std::string stem(const std::string& term) const;

  /// Split UTF-8 text into sentences (ICU sentence rules).
  /// Returns [begin, end) byte ranges that cover the text in order.
  std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text);

  /// Identifies the analysis rules and options, e.g. "icu-fold-v1/english".
  std::string analyzer_id() const;

  const AnalyzerOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsearch
