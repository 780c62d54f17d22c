// Stemming and stopwords per language through the analyzer (issue 18):
// Snowball stemmers for the languages Xapian ships one for, none for the
// others; Snowball's stopword lists per language.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsearch/analyzer.h"

using newsearch::Analyzer;
using newsearch::Token;

namespace {

std::string only_stem(Analyzer& a, const std::string& word, const std::string& lang) {
  const std::vector<Token> tokens = a.analyze(word, lang);
  INFO("word: " << word << " lang: " << lang);
  REQUIRE(tokens.size() == 1);
  CHECK(a.stem(tokens[0].term, lang) == tokens[0].stem);  // analyze and stem agree
  return tokens[0].stem;
}

std::string only_term(Analyzer& a, const std::string& word, const std::string& lang) {
  const std::vector<Token> tokens = a.analyze(word, lang);
  REQUIRE(tokens.size() == 1);
  return tokens[0].term;
}

}  // namespace

TEST_CASE("Two inflections of a word share a stem in their language", "[languages][stem]") {
  Analyzer a;
  auto [lang, one, other] = GENERATE(table<std::string, std::string, std::string>({
      {"de", "Regierung", "Regierungen"},
      {"de", "Zeitung", "Zeitungen"},
      {"de", "Kind", "Kindern"},
      {"fr", "gouvernement", "gouvernements"},
      {"fr", "pr\xC3\xA9sident", "pr\xC3\xA9sidents"},  // président(s)
      {"it", "governo", "governi"},
      {"it", "ministro", "ministri"},
      {"ru", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD1\x8B"},  // Москва, Москвы
      {"ru", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB5",
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD1\x83"},  // Москве, Москву
      // Not gobierno / gobiernos: Snowball's Spanish stemmer reads
      // "gobiernos" as gobier + the pronoun -nos (gobi), as it is written.
      {"es", "presidente", "presidentes"},
      {"es", "elecci\xC3\xB3n", "elecciones"},  // elección (folded: eleccion)
      {"en", "government", "governments"},
      {"en", "election", "elections"},
  }));
  CAPTURE(lang, one, other);
  const std::string stem = only_stem(a, one, lang);
  CHECK(stem == only_stem(a, other, lang));
  // A real stem: the plural at least loses its ending.
  CHECK(stem != only_term(a, other, lang));
}

TEST_CASE("A word is stemmed by its own language's rules", "[languages][stem]") {
  Analyzer a;
  // German "Regierungen" -> regier; English has no such ending rule.
  CHECK(only_stem(a, "Regierungen", "de") == "regier");
  CHECK(only_stem(a, "Regierungen", "en") != "regier");
  // German "Kindern" -> kind; in English it is left nearly alone.
  CHECK(only_stem(a, "Kindern", "de") == "kind");
  CHECK(only_stem(a, "Kindern", "en") != "kind");
  // The language may be given as a code with a region or as a name.
  CHECK(only_stem(a, "Regierungen", "de-AT") == "regier");
  CHECK(only_stem(a, "Regierungen", "German") == "regier");
  // An unknown language: the default (English).
  CHECK(only_stem(a, "governments", "klingon") == only_stem(a, "governments", "en"));
}

TEST_CASE("Languages without a Snowball stemmer leave words alone", "[languages][stem]") {
  Analyzer a;
  auto [lang, word] = GENERATE(table<std::string, std::string>({
      {"pl",
       "rz\xC4\x85"
       "du"},              // rządu
      {"pl", "wyborach"},  // (w) wyborach
      {"cs",
       "vl\xC3\xA1"
       "dy"},                                              // vlády
      {"uk", "\xD1\x83\xD1\x80\xD1\x8F\xD0\xB4\xD1\x83"},  // уряду
      {"bg",
       "\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x81\xD1\x82"
       "\xD0\xB2\xD0\xBE\xD1\x82\xD0\xBE"},  // правителството
  }));
  CAPTURE(lang, word);
  const std::vector<Token> tokens = a.analyze(word, lang);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].stem == tokens[0].term);
  CHECK(a.stem(tokens[0].term, lang) == tokens[0].term);
  // Polish rząd and rządu stay two terms.
  if (word ==
      "rz\xC4\x85"
      "du")
    CHECK(only_stem(a,
                    "rz\xC4\x85"
                    "d",
                    "pl") != tokens[0].stem);
}

TEST_CASE("Stopwords are per language", "[languages][stopwords]") {
  Analyzer a;
  CHECK(a.is_stopword("die", "de"));
  CHECK_FALSE(a.is_stopword("die", "en"));
  CHECK(a.is_stopword("the", "en"));
  CHECK_FALSE(a.is_stopword("the", "de"));
  CHECK(a.is_stopword("der", "de"));
  CHECK(a.is_stopword("und", "de"));
  CHECK(a.is_stopword("le", "fr"));
  CHECK(a.is_stopword("et", "fr"));
  CHECK(a.is_stopword("il", "it"));
  CHECK(a.is_stopword("el", "es"));
  CHECK(a.is_stopword("\xD0\xB8", "ru"));          // и
  CHECK(a.is_stopword("\xD0\xBD\xD0\xB5", "ru"));  // не
  CHECK(a.is_stopword("في", "ar"));                // in
  CHECK(a.is_stopword(a.normalize("إلى"), "ar"));  // to: listed with its hamza, found folded
  // Lists hold folded forms: "für" is listed as written and found folded.
  CHECK(a.is_stopword(a.normalize("f\xC3\xBCr"), "de"));
  // Content words are no stopwords anywhere.
  for (const char* lang : {"de", "en", "fr", "it", "es", "ru", "pl"}) {
    CAPTURE(lang);
    CHECK_FALSE(a.is_stopword("government", lang));
    CHECK_FALSE(a.is_stopword("regierung", lang));
  }
}
