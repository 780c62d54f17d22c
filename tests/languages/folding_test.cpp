// Folding per script (issue 18): accents are removed from Latin, Greek and
// Cyrillic letters only; the marks of other scripts are letters or vowels
// and are kept. Arabic is normalised as Lucene's ArabicNormalizer does it,
// and its article and particles are stripped before the Arabic stemmer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsearch/analyzer.h"

using newsearch::Analyzer;
using newsearch::Token;

namespace {

// The terms of the non-joined tokens of @p text analysed in @p lang.
std::vector<std::string> terms(Analyzer& a, const std::string& text, const std::string& lang) {
  std::vector<std::string> out;
  for (const Token& t : a.analyze(text, lang))
    if (!t.joined) out.push_back(t.term);
  return out;
}

// The one stem of a one-word text in @p lang (fails unless it is one token).
std::string only_stem(Analyzer& a, const std::string& word, const std::string& lang) {
  const std::vector<Token> tokens = a.analyze(word, lang);
  INFO("word: " << word << " lang: " << lang);
  REQUIRE(tokens.size() == 1);
  return tokens[0].stem;
}

}  // namespace

TEST_CASE("Marks of non-Latin, non-Greek, non-Cyrillic scripts are kept", "[languages][folding]") {
  Analyzer a;
  // The four damaged words of issue 18, and a Korean one (Hangul syllables
  // decompose to jamo under NFD: they must come back whole).
  const std::string word = GENERATE(as<std::string>{},
                                    "\xE3\x81\x8C",  // が (か + voicing mark)
                                    "\xE0\xA4\x95\xE0\xA5\x81\xE0\xA4\x9B",  // कुछ
                                    "\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA"
                                    "\xE0\xB8\x94\xE0\xB8\xB5",              // สวัสดี
                                    "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",  // 한국어
                                    "\xEC\x84\x9C\xEC\x9A\xB8");             // 서울
  CAPTURE(word);
  CHECK(a.normalize(word) == word);
  CHECK(terms(a, word, "en") == std::vector<std::string>{word});
}

TEST_CASE("が and か, कुछ and कछ stay different words", "[languages][folding]") {
  Analyzer a;
  CHECK(a.normalize("\xE3\x81\x8C") != a.normalize("\xE3\x81\x8B"));  // が != か
  CHECK(a.normalize("\xE0\xA4\x95\xE0\xA5\x81\xE0\xA4\x9B") !=
        a.normalize("\xE0\xA4\x95\xE0\xA4\x9B"));  // कुछ != कछ
  // Katakana too: ガ (カ + voicing mark), and its half-width form, which
  // NFKC composes to ガ.
  CHECK(a.normalize("\xE3\x82\xAC") == "\xE3\x82\xAC");
  CHECK(a.normalize("\xEF\xBD\xB6\xEF\xBE\x9E") == "\xE3\x82\xAC");
}

TEST_CASE("Latin accents and special letters are folded", "[languages][folding]") {
  Analyzer a;
  CHECK(a.normalize("\xC3\x87"
                    "avu\xC5\x9F"
                    "o\xC4\x9F"
                    "lu") == "cavusoglu");  // Çavuşoğlu
  CHECK(a.normalize("Cavusoglu") == "cavusoglu");
  CHECK(a.normalize("Wa\xC5\x82\xC4\x99sa") == "walesa");  // Wałęsa
  CHECK(terms(a, "S\xC3\xA3o Paulo", "pt") == std::vector<std::string>{"sao", "paulo"});
  CHECK(a.normalize("M\xC3\xBCller") == "muller");  // Müller
  CHECK(a.normalize("Stra\xC3\x9F"
                    "e") == "strasse");  // Straße (full case folding)
}

TEST_CASE("Greek accents are removed", "[languages][folding]") {
  Analyzer a;
  // Ελλάδα -> ελλαδα
  CHECK(a.normalize("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1") ==
        "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xB1\xCE\xB4\xCE\xB1");
  // Αθήνα and ΑΘΗΝΑ -> αθηνα
  const std::string athens = "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1";
  CHECK(a.normalize("\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1") == athens);
  CHECK(a.normalize("\xCE\x91\xCE\x98\xCE\x97\xCE\x9D\xCE\x91") == athens);
}

TEST_CASE("Cyrillic accents are removed but й, ў and ї are kept", "[languages][folding]") {
  Analyzer a;
  // ё -> е: Ёлка / ёлка -> елка
  CHECK(a.normalize("\xD0\x81\xD0\xBB\xD0\xBA\xD0\xB0") == "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0");
  CHECK(a.normalize("\xD1\x91\xD0\xBB\xD0\xBA\xD0\xB0") == "\xD0\xB5\xD0\xBB\xD0\xBA\xD0\xB0");
  // A stress mark (U+0301) on a Russian vowel is an accent: мо́й -> мой.
  const std::string moj = "\xD0\xBC\xD0\xBE\xD0\xB9";  // мой
  const std::string moi = "\xD0\xBC\xD0\xBE\xD0\xB8";  // мои
  CHECK(a.normalize("\xD0\xBC\xD0\xBE\xCC\x81\xD0\xB9") == moj);
  // й is a letter of its own: мой != мои.
  CHECK(a.normalize(moj) == moj);
  CHECK(a.normalize("\xD0\x9C\xD0\x9E\xD0\x99") == moj);  // МОЙ
  CHECK(a.normalize(moj) != a.normalize(moi));
  // Belarusian ў (ўсё -> ўсе) and Ukrainian ї (Київ -> київ) are kept.
  CHECK(a.normalize("\xD1\x9E\xD1\x81\xD1\x91") == "\xD1\x9E\xD1\x81\xD0\xB5");
  CHECK(a.normalize("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2") == "\xD0\xBA\xD0\xB8\xD1\x97\xD0\xB2");
  CHECK(a.normalize("\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2") !=
        a.normalize("\xD0\x9A\xD0\xB8\xD1\x96\xD0\xB2"));  // ї is not і
}

// --------------------------------------------------------------------------
// Arabic
// --------------------------------------------------------------------------

TEST_CASE("Arabic: alef variants and alef maksura are normalised, teh marbuta kept",
          "[languages][folding][arabic]") {
  Analyzer a;
  auto [given, expected] = GENERATE(table<std::string, std::string>({
      {"\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF", "\xD8\xA7\xD8\xAD\xD9\x85\xD8\xAF"},  // أحمد -> احمد
      {"\xD8\xA5\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85",
       "\xD8\xA7\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"},              // إسلام -> اسلام
      {"\xD8\xA2\xD9\x85\xD9\x86", "\xD8\xA7\xD9\x85\xD9\x86"},  // آمن -> امن
      {"\xD9\x85\xD8\xB3\xD8\xAA\xD8\xB4\xD9\x81\xD9\x89",
       "\xD9\x85\xD8\xB3\xD8\xAA\xD8\xB4\xD9\x81\xD9\x8A"},  // مستشفى -> مستشفي
      {"\xD9\x85\xD8\xAF\xD8\xB1\xD8\xB3\xD8\xA9",
       "\xD9\x85\xD8\xAF\xD8\xB1\xD8\xB3\xD8\xA9"},  // مدرسة kept: Snowball strips ة
      // harakat removed: مُحَمَّد -> محمد
      {"\xD9\x85\xD9\x8F\xD8\xAD\xD9\x8E\xD9\x85\xD9\x8E\xD9\x91\xD8\xAF",
       "\xD9\x85\xD8\xAD\xD9\x85\xD8\xAF"},
      // tatweel removed: كـتـاب -> كتاب
      {"\xD9\x83\xD9\x80\xD8\xAA\xD9\x80\xD8\xA7\xD8\xA8", "\xD9\x83\xD8\xAA\xD8\xA7\xD8\xA8"},
      // hamza on waw and on yeh are other letters: مؤتمر and رئيس unchanged
      {"\xD9\x85\xD8\xA4\xD8\xAA\xD9\x85\xD8\xB1", "\xD9\x85\xD8\xA4\xD8\xAA\xD9\x85\xD8\xB1"},
      {"\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3", "\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3"},
  }));
  CAPTURE(given, expected);
  CHECK(a.normalize(given) == expected);
  // The same through segmentation: one token, in every language.
  CHECK(terms(a, given, "ar") == std::vector<std::string>{expected});
  CHECK(terms(a, given, "en") == std::vector<std::string>{expected});
}

TEST_CASE("Arabic: the article and particles are stripped before stemming",
          "[languages][stem][arabic]") {
  Analyzer a;
  const std::string hukuma = "\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9";  // حكومة
  const std::string base = only_stem(a, hukuma, "ar");
  CHECK_FALSE(base.empty());
  for (const std::string& prefix : {
           std::string("\xD8\xA7\xD9\x84"),          // ال
           std::string("\xD9\x88\xD8\xA7\xD9\x84"),  // وال
           std::string("\xD9\x84\xD9\x84"),          // لل (ل + ال)
           std::string("\xD8\xA8\xD8\xA7\xD9\x84"),  // بال
       }) {
    const std::string word = prefix + hukuma;  // الحكومة والحكومة للحكومة بالحكومة
    CAPTURE(word);
    CHECK(only_stem(a, word, "ar") == base);
  }
  // With harakat and an alef with hamza, still the one stem: الحُكومة
  CHECK(only_stem(a, "\xD8\xA7\xD9\x84\xD8\xAD\xD9\x8F\xD9\x83\xD9\x88\xD9\x85\xD8\xA9", "ar") ==
        base);
  // The article is Arabic's: not stripped in English text (no stemmer there
  // for Arabic letters), so الحكومة and حكومة differ in "en".
  CHECK(only_stem(a, "\xD8\xA7\xD9\x84" + hukuma, "en") != only_stem(a, hukuma, "en"));
}
