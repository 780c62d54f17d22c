/** @file analyzer.h
 *  @brief The text analysis shared by indexing, querying and snippets.
 *
 *  Every piece of text that becomes a term goes through Analyzer: article
 *  headlines and bodies at index time, query words at search time, and
 *  passages when snippets are highlighted. Using one implementation is what
 *  makes "Çavuşoğlu" in an article match the query "CAVUSOGLU" and get
 *  highlighted in the snippet.
 *
 *  Text is analysed in one language (an ISO 639-1 code such as "de"): the
 *  article's, at index and snippet time; each of the index's, or the one
 *  asked for, at query time. Only step 5 (and stopwords) depend on it.
 *
 *  The pipeline, in order:
 *   1. ICU word segmentation (Unicode UAX #29, with ICU's dictionaries for
 *      Chinese, Japanese, Thai, Lao, Khmer and Burmese, which write no
 *      spaces); only letter, number, kana and ideographic segments become
 *      tokens.
 *   2. Normalisation: NFKC, full case folding; accents removed from Latin,
 *      Greek and Cyrillic letters (but й, ў, ї kept), and a few letters that
 *      do not decompose (ł→l, ø→o, đ→d, ı→i, æ→ae, œ→oe, þ→th); Arabic
 *      normalised as Lucene does (harakat and tatweel removed, أ إ آ → ا,
 *      ى → ي, ة → ه). Marks of other scripts are letters or vowels there
 *      and are kept (が, कुछ, สวัสดี).
 *   3. Apostrophes: a trailing possessive 's is dropped ("Egypt's" → egypt),
 *      other apostrophes are removed ("O'Brien" → obrien). ' ’ ʼ all count.
 *      Full stops inside words are removed ("U.S" → us); thousands separators
 *      inside numbers are removed ("1,000" → 1000).
 *   4. Hyphenated compounds ("cease-fire", "al-Sisi") yield each part at its
 *      own position AND the joined form ("ceasefire", "alsisi") as an extra
 *      token at the first part's position, so "cease-fire" and "ceasefire"
 *      match each other, and "Sisi" still finds "al-Sisi".
 *   5. Stemming with the Snowball stemmer of the text's language, for the
 *      languages Xapian ships one for (Arabic, Armenian, Basque, Catalan,
 *      Danish, Dutch, English, Finnish, French, German, Hungarian,
 *      Indonesian, Irish, Italian, Lithuanian, Nepali, Norwegian,
 *      Portuguese, Romanian, Russian, Spanish, Swedish, Tamil, Turkish);
 *      other languages are not stemmed (stem = term). Tokens containing
 *      digits are not stemmed.
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
  std::string stem;        ///< stemmed form of term in the text's language: ranked word matching
  std::uint32_t position;  ///< word position, 0-based, counted per analyze() call
  std::size_t byte_begin;  ///< offset of the first byte of the surface form
  std::size_t byte_end;    ///< offset one past its last byte
  bool joined = false;     ///< true for the extra joined form of a hyphenated compound
};

/// Settings of an Analyzer. The indexer records analyzer_id() in the index
/// and the searcher refuses an index analysed differently.
struct AnalyzerOptions {
  /// The language of text analysed without one: an ISO 639-1 code ("en",
  /// "de-AT" counts as "de") or an English name ("german"). The indexer
  /// analyses articles whose language is neither given nor detected in it.
  std::string language = "en";
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
  /// @throws Error(kInvalidArgument) for a language that is no ISO 639-1
  ///         code or known name,
  ///         Error(kInternal) if ICU cannot create its iterators.
  explicit Analyzer(const AnalyzerOptions& options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  /// Analyse UTF-8 text in the default language (AnalyzerOptions::language).
  /// Invalid UTF-8 sequences are treated as separators. Positions start at
  /// 0; byte offsets are into @p text.
  std::vector<Token> analyze(std::string_view text);

  /// Analyse UTF-8 text in @p language (a code or name as for
  /// AnalyzerOptions::language; "" or one not recognised: the default).
  std::vector<Token> analyze(std::string_view text, std::string_view language);

  /// Normalise one word (steps 2-3 above) without segmenting it. The same
  /// in every language.
  std::string normalize(std::string_view word) const;

  /// Stem a normalised term (step 5) in the default language.
  std::string stem(const std::string& term) const;

  /// Stem a normalised term in @p language (as for analyze()).
  std::string stem(const std::string& term, std::string_view language) const;

  /// Whether the normalised @p term is a stopword of @p language: too
  /// common there to carry meaning in a bag-of-words query ("the", "der").
  /// Snowball's published lists where it has one (docs/languages.md).
  bool is_stopword(std::string_view term, std::string_view language) const;

  /// The ISO 639-1 code of the language @p text is written in (CLD2), or
  /// "" when it cannot be told reliably (too little text, no majority).
  std::string detect_language(std::string_view text) const;

  /// The canonical code of @p language ("DE", "de-AT", "German" -> "de"),
  /// or "" when it is none (see AnalyzerOptions::language).
  static std::string language_code(std::string_view language);

  /// The default language's code (AnalyzerOptions::language, canonical).
  const std::string& default_language() const noexcept;

  /// Split UTF-8 text into sentences (ICU sentence rules).
  /// Returns [begin, end) byte ranges that cover the text in order.
  std::vector<std::pair<std::size_t, std::size_t>> sentences(std::string_view text);

  /// Identifies the analysis rules and options, e.g. "newsearch-icu-v3/64".
  /// The default language is not part of it: every article's own language
  /// is recorded with it.
  std::string analyzer_id() const;

  const AnalyzerOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsearch
