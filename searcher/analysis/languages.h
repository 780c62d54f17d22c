// The languages newsearch knows: ISO 639-1 codes, the names users type for
// them, and the Snowball stemmer (Xapian::Stem) of each that has one. The
// one table behind language codes everywhere: JSON Lines "lang",
// Article::language, AnalyzerOptions::language, SearchOptions::languages
// and query_language, the detector's answers, and the index's L terms.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace newsearch::languages {

/// One language with its own analysis.
struct Language {
  std::string_view code;     ///< ISO 639-1, lower case ("de")
  std::string_view name;     ///< English name, lower case ("german")
  std::string_view stemmer;  ///< Xapian::Stem name, or "" (no stemming)
};

/// The languages with a name or a stemmer, by code. Another ISO 639-1 code
/// is still a language (canonical() accepts it): it is analysed without
/// stemming or stopwords.
std::span<const Language> table();

/// The table entry of @p code (canonical form), or nullptr.
const Language* find(std::string_view code);

/// The canonical code of a language as given: an ISO 639-1 code (ICU's
/// list; "qq" and "xx" are none) in any case, optionally with a region or script ("de", "DE",
/// "de-AT", "pt_BR", "zh-Hant"), or an English or Snowball name from the table ("German",
/// "portuguese"). nullopt for anything else ("", "und", "xx-Qaai", "deu",
/// "klingon").
std::optional<std::string> canonical(std::string_view given);

/// The Snowball stemmer name of @p code, or "" when it has none.
std::string_view stemmer_of(std::string_view code);

}  // namespace newsearch::languages
