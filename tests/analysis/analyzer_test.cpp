#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"

using newsearch::Analyzer;
using newsearch::AnalyzerOptions;
using newsearch::Token;

namespace {

// The unstemmed terms of the non-joined tokens, in text order.
std::vector<std::string> words(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens)
    if (!t.joined) out.push_back(t.term);
  return out;
}

std::vector<std::string> words(Analyzer& analyzer, std::string_view text) {
  return words(analyzer.analyze(text));
}

std::vector<const Token*> joined_tokens(const std::vector<Token>& tokens) {
  std::vector<const Token*> out;
  for (const auto& t : tokens)
    if (t.joined) out.push_back(&t);
  return out;
}

const Token* find_term(const std::vector<Token>& tokens, const std::string& term) {
  for (const auto& t : tokens)
    if (t.term == term) return &t;
  return nullptr;
}

std::string surface(std::string_view text, const Token& t) {
  REQUIRE(t.byte_begin <= t.byte_end);
  REQUIRE(t.byte_end <= text.size());
  return std::string(text.substr(t.byte_begin, t.byte_end - t.byte_begin));
}

using Strings = std::vector<std::string>;

}  // namespace

// --------------------------------------------------------------------------
// Segmentation
// --------------------------------------------------------------------------

TEST_CASE("Analyzer segments text into words per UAX#29", "[analysis][segment]") {
  Analyzer analyzer;
  auto [text, expected] = GENERATE(table<std::string, Strings>({
      {"Hello, world!", {"hello", "world"}},
      {"Turkey and Russia postponed talks.", {"turkey", "and", "russia", "postponed", "talks"}},
      {"  leading and trailing   spaces  ", {"leading", "and", "trailing", "spaces"}},
      {"(parenthesised) [bracketed] {braced}", {"parenthesised", "bracketed", "braced"}},
      {"quote \"inside\" \xE2\x80\x9C"
       "curly\xE2\x80\x9D \xC2\xABguillemets\xC2\xBB",
       {"quote", "inside", "curly", "guillemets"}},
      {"May 14, 2019", {"may", "14", "2019"}},
      {"1,000 troops", {"1000", "troops"}},
      {"12,345,678 dollars", {"12345678", "dollars"}},
      {"3.5 percent", {"3.5", "percent"}},
      {"the U.S. and the U.K.", {"the", "us", "and", "the", "uk"}},
      {"tab\tseparated\nlines\r\nhere", {"tab", "separated", "lines", "here"}},
      {"!!! ... --- ???", {}},
      {"", {}},
      {"word", {"word"}},
  }));
  CAPTURE(text);
  CHECK(words(analyzer, text) == expected);
}

TEST_CASE("Analyzer keeps numbers as terms and does not stem them", "[analysis][segment][stem]") {
  Analyzer analyzer;
  const auto tokens = analyzer.analyze("In the 1990s about 1,000 soldiers");
  const Token* nineties = find_term(tokens, "1990s");
  REQUIRE(nineties != nullptr);
  CHECK(nineties->stem == "1990s");
  const Token* thousand = find_term(tokens, "1000");
  REQUIRE(thousand != nullptr);
  CHECK(thousand->stem == "1000");
  CHECK(surface("In the 1990s about 1,000 soldiers", *thousand) == "1,000");
  CHECK(analyzer.stem("1990s") == "1990s");
}

// --------------------------------------------------------------------------
// Case and diacritic folding
// --------------------------------------------------------------------------

TEST_CASE("Analyzer folds case and diacritics", "[analysis][fold]") {
  Analyzer analyzer;
  auto [text, expected] = GENERATE(table<std::string, std::string>({
      {"\xC3\x87"
       "avu\xC5\x9Fo\xC4\x9Flu",
       "cavusoglu"},  // Çavuşoğlu
      {"CAVUSOGLU", "cavusoglu"},
      {"Cavusoglu", "cavusoglu"},
      {"\xC3\x87"
       "AVU\xC5\x9EO\xC4\x9ELU",
       "cavusoglu"},                       // ÇAVUŞOĞLU
      {"Cavus\xCC\xA7oglu", "cavusoglu"},  // s + combining cedilla (NFD input)
      {"Shoig\xC3\xBA", "shoigu"},         // Shoigú
      {"SHOIGU", "shoigu"},
      {"Shoigu", "shoigu"},
      {"Wa\xC5\x82\xC4\x99sa", "walesa"},  // Wałęsa: ł → l
      {"WA\xC5\x81\xC4\x98SA", "walesa"},  // WAŁĘSA: Ł → l
      {"St\xC3\xB8re", "store"},           // Støre: ø → o
      {"ST\xC3\x98RE", "store"},           // STØRE
      {"Stra\xC3\x9F"
       "e",
       "strasse"},                                                   // Straße: ß → ss
      {"I\xC5\x9F\xC4\xB1k", "isik"},                                // Işık: ı → i
      {"\xC4\xB0stanbul", "istanbul"},                               // İstanbul: dotted capital I
      {"\xC4\x90okovi\xC4\x87", "dokovic"},                          // Đoković: đ → d
      {"\xC5\x93uvre", "oeuvre"},                                    // œuvre
      {"\xC3\x86sir", "aesir"},                                      // Æsir
      {"\xC3\x9Eorsson", "thorsson"},                                // Þorsson
      {"\xEF\xBC\xAE\xEF\xBC\xA1\xEF\xBC\xB4\xEF\xBC\xAF", "nato"},  // ＮＡＴＯ full width
      {"\xEF\xBD\x8E\xEF\xBD\x81\xEF\xBD\x94\xEF\xBD\x8F", "nato"},  // ｎａｔｏ
      {"\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93", "123"},               // １２３
      {"\xEF\xAC\x81nance", "finance"},                              // ﬁ ligature
      {"Erdo\xC4\x9F"
       "an",
       "erdogan"},  // Erdoğan
      {"\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
       "\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBD\xCE\xB1"},  // Αθήνα → αθηνα
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
       "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},  // Москва → москва
  }));
  CAPTURE(text);
  const auto tokens = analyzer.analyze(text);
  REQUIRE(words(tokens) == Strings{expected});
  CHECK(analyzer.normalize(text) == expected);
  // The byte range is the whole surface form, not the folded one.
  CHECK(surface(text, tokens.front()) == text);
}

TEST_CASE("Differently written names analyse to one term", "[analysis][fold]") {
  Analyzer analyzer;
  const std::string a =
      "Turkish Foreign Minister \xC3\x87"
      "avu\xC5\x9Fo\xC4\x9Flu said";
  const std::string b = "TURKISH FOREIGN MINISTER CAVUSOGLU SAID";
  const std::string c = "Turkish foreign minister Cavusoglu said";
  CHECK(words(analyzer, a) == words(analyzer, b));
  CHECK(words(analyzer, b) == words(analyzer, c));
  CHECK(words(analyzer, a) == Strings{"turkish", "foreign", "minister", "cavusoglu", "said"});
}

// --------------------------------------------------------------------------
// Apostrophes and full stops
// --------------------------------------------------------------------------

TEST_CASE("Analyzer handles apostrophes", "[analysis][apostrophe]") {
  Analyzer analyzer;
  auto [text, expected] = GENERATE(table<std::string, Strings>({
      {"Egypt's", {"egypt"}},
      {"Egypt\xE2\x80\x99s", {"egypt"}},  // U+2019
      {"Egypt\xCA\xBCs", {"egypt"}},      // U+02BC modifier letter apostrophe
      {"EGYPT'S", {"egypt"}},
      {"O'Brien", {"obrien"}},
      {"O\xE2\x80\x99"
       "Brien",
       {"obrien"}},  // O’Brien
      {"don't", {"dont"}},
      {"Turkey's interest in Egypt\xE2\x80\x99s plan",
       {"turkey", "interest", "in", "egypt", "plan"}},
      {"the ministers' meeting", {"the", "ministers", "meeting"}},
  }));
  CAPTURE(text);
  CHECK(words(analyzer, text) == expected);
}

TEST_CASE("Possessive byte range covers the whole surface form",
          "[analysis][apostrophe][offsets]") {
  Analyzer analyzer;
  const std::string text = "in Egypt\xE2\x80\x99s capital";
  const auto tokens = analyzer.analyze(text);
  const Token* egypt = find_term(tokens, "egypt");
  REQUIRE(egypt != nullptr);
  CHECK(surface(text, *egypt) == "Egypt\xE2\x80\x99s");
  CHECK(egypt->position == 1);
}

TEST_CASE("normalize applies the fold rules to a single word", "[analysis][fold][apostrophe]") {
  Analyzer analyzer;
  auto [word, expected] = GENERATE(table<std::string, std::string>({
      {"Egypt's", "egypt"},
      {"O'Brien", "obrien"},
      {"U.S", "us"},
      {"1,000", "1000"},
      {"\xC3\x87"
       "avu\xC5\x9Fo\xC4\x9Flu",
       "cavusoglu"},
      {"MiXeD", "mixed"},
      {"", ""},
      {"'", ""},
  }));
  CAPTURE(word);
  CHECK(analyzer.normalize(word) == expected);
}

// --------------------------------------------------------------------------
// Hyphenated compounds
// --------------------------------------------------------------------------

TEST_CASE("cease-fire yields its parts and the joined form", "[analysis][hyphen]") {
  Analyzer analyzer;
  const std::string text = "a fragile cease-fire in Idlib";
  const auto tokens = analyzer.analyze(text);
  CHECK(words(tokens) == Strings{"a", "fragile", "cease", "fire", "in", "idlib"});

  const Token* cease = find_term(tokens, "cease");
  const Token* fire = find_term(tokens, "fire");
  REQUIRE(cease != nullptr);
  REQUIRE(fire != nullptr);
  CHECK_FALSE(cease->joined);
  CHECK_FALSE(fire->joined);
  CHECK(cease->position == 2);
  CHECK(fire->position == cease->position + 1);
  CHECK(surface(text, *cease) == "cease");
  CHECK(surface(text, *fire) == "fire");

  const auto joined = joined_tokens(tokens);
  REQUIRE(joined.size() == 1);
  CHECK(joined[0]->term == "ceasefire");
  CHECK(joined[0]->position == cease->position);
  CHECK(surface(text, *joined[0]) == "cease-fire");
  CHECK(joined[0]->stem == analyzer.stem("ceasefire"));

  // The word after the compound continues the numbering.
  const Token* in = find_term(tokens, "in");
  REQUIRE(in != nullptr);
  CHECK(in->position == 4);
}

TEST_CASE("Hyphenated compounds: table", "[analysis][hyphen]") {
  Analyzer analyzer;
  auto [text, parts, joined] = GENERATE(table<std::string, Strings, Strings>({
      {"al-Sisi", {"al", "sisi"}, {"alsisi"}},
      {"Abdel Fattah al-Sisi", {"abdel", "fattah", "al", "sisi"}, {"alsisi"}},
      {"cease\xE2\x80\x90"
       "fire",
       {"cease", "fire"},
       {"ceasefire"}},  // U+2010 hyphen
      {"cease\xE2\x80\x91"
       "fire",
       {"cease", "fire"},
       {"ceasefire"}},  // U+2011 non-breaking
      {"long-standing conflicts", {"long", "standing", "conflicts"}, {"longstanding"}},
      {"ministerial-level talks", {"ministerial", "level", "talks"}, {"ministeriallevel"}},
      {"self-styled Libyan", {"self", "styled", "libyan"}, {"selfstyled"}},
      {"state-of-the-art", {"state", "of", "the", "art"}, {"stateoftheart"}},
      {"COVID-19", {"covid", "19"}, {"covid19"}},
      {"Turkish-Russian deal", {"turkish", "russian", "deal"}, {"turkishrussian"}},
      {"cease-fire and al-Sisi", {"cease", "fire", "and", "al", "sisi"}, {"ceasefire", "alsisi"}},
      // Not compounds: spaces around the hyphen, dashes, doubled hyphens.
      {"cease - fire", {"cease", "fire"}, {}},
      {"Turkey\xE2\x80\x93Russia", {"turkey", "russia"}, {}},  // en dash
      {"Turkey\xE2\x80\x94Russia", {"turkey", "russia"}, {}},  // em dash
      {"cease--fire", {"cease", "fire"}, {}},
      {"-fire", {"fire"}, {}},
      {"cease-", {"cease"}, {}},
  }));
  CAPTURE(text);
  const auto tokens = analyzer.analyze(text);
  CHECK(words(tokens) == parts);
  Strings got;
  for (const Token* t : joined_tokens(tokens)) got.push_back(t->term);
  CHECK(got == joined);
}

TEST_CASE("Joined compound of several parts takes the first part's position and span",
          "[analysis][hyphen][offsets]") {
  Analyzer analyzer;
  const std::string text = "the state-of-the-art system";
  const auto tokens = analyzer.analyze(text);
  const auto joined = joined_tokens(tokens);
  REQUIRE(joined.size() == 1);
  CHECK(joined[0]->term == "stateoftheart");
  CHECK(joined[0]->position == 1);
  CHECK(surface(text, *joined[0]) == "state-of-the-art");
  const Token* system = find_term(tokens, "system");
  REQUIRE(system != nullptr);
  CHECK(system->position == 5);
}

TEST_CASE("ceasefire and cease-fire share the stemmed joined form", "[analysis][hyphen][stem]") {
  Analyzer analyzer;
  const auto one = analyzer.analyze("ceasefire");
  const auto two = analyzer.analyze("cease-fire");
  REQUIRE(one.size() == 1);
  const auto joined = joined_tokens(two);
  REQUIRE(joined.size() == 1);
  CHECK(one[0].term == joined[0]->term);
  CHECK(one[0].stem == joined[0]->stem);
  // Plural and hyphenated plural too.
  const auto plural = analyzer.analyze("cease-fires");
  const auto pj = joined_tokens(plural);
  REQUIRE(pj.size() == 1);
  CHECK(pj[0]->stem == analyzer.analyze("ceasefires").at(0).stem);
  CHECK(pj[0]->stem == one[0].stem);
}

TEST_CASE("A joined compound longer than max_term_bytes is not emitted",
          "[analysis][hyphen][limit]") {
  AnalyzerOptions opts;
  opts.max_term_bytes = 10;
  Analyzer analyzer(opts);
  {
    const auto tokens = analyzer.analyze("abcde-fghij");  // joined is exactly 10 bytes
    CHECK(words(tokens) == Strings{"abcde", "fghij"});
    REQUIRE(joined_tokens(tokens).size() == 1);
    CHECK(joined_tokens(tokens)[0]->term == "abcdefghij");
  }
  {
    const auto tokens = analyzer.analyze("abcdef-ghijk");  // joined would be 11 bytes
    CHECK(words(tokens) == Strings{"abcdef", "ghijk"});
    CHECK(joined_tokens(tokens).empty());
  }
}

// --------------------------------------------------------------------------
// Positions and byte offsets
// --------------------------------------------------------------------------

TEST_CASE("Positions are contiguous and offsets point at the surface forms",
          "[analysis][offsets]") {
  Analyzer analyzer;
  const std::string text =
      "Turkish Foreign Minister M\xC3\xA9vl\xC3\xBBt \xC3\x87"
      "avu\xC5\x9Fo\xC4\x9Flu and "
      "Egypt\xE2\x80\x99s al-Sisi discussed the 1,000-strong force in the U.S. \xE2\x80\x94 "
      "again.";
  const auto tokens = analyzer.analyze(text);

  struct Expect {
    const char* term;
    const char* surface;
  };
  const std::vector<Expect> expected = {
      {"turkish", "Turkish"},
      {"foreign", "Foreign"},
      {"minister", "Minister"},
      {"mevlut", "M\xC3\xA9vl\xC3\xBBt"},
      {"cavusoglu",
       "\xC3\x87"
       "avu\xC5\x9Fo\xC4\x9Flu"},
      {"and", "and"},
      {"egypt", "Egypt\xE2\x80\x99s"},
      {"al", "al"},
      {"sisi", "Sisi"},
      {"discussed", "discussed"},
      {"the", "the"},
      {"1000", "1,000"},
      {"strong", "strong"},
      {"force", "force"},
      {"in", "in"},
      {"the", "the"},
      {"us", "U.S"},
      {"again", "again"},
  };

  std::vector<const Token*> plain;
  for (const auto& t : tokens)
    if (!t.joined) plain.push_back(&t);
  REQUIRE(plain.size() == expected.size());
  for (std::size_t i = 0; i < plain.size(); ++i) {
    CAPTURE(i);
    CHECK(plain[i]->term == expected[i].term);
    CHECK(plain[i]->position == i);
    CHECK(surface(text, *plain[i]) == expected[i].surface);
    if (i > 0) CHECK(plain[i]->byte_begin >= plain[i - 1]->byte_end);
  }

  // Joined forms: alsisi and 1000strong.
  std::set<std::string> joined;
  for (const Token* t : joined_tokens(tokens)) {
    joined.insert(t->term);
    CHECK(t->byte_begin < t->byte_end);
    CHECK(t->byte_end <= text.size());
  }
  CHECK(joined == std::set<std::string>{"alsisi", "1000strong"});
  const Token* alsisi = find_term(tokens, "alsisi");
  REQUIRE(alsisi != nullptr);
  CHECK(alsisi->position == 7);
  CHECK(surface(text, *alsisi) == "al-Sisi");
}

TEST_CASE("Positions restart at 0 on each analyze call", "[analysis][offsets]") {
  Analyzer analyzer;
  REQUIRE(analyzer.analyze("one two three").back().position == 2);
  const auto again = analyzer.analyze("four five");
  REQUIRE(again.size() == 2);
  CHECK(again[0].position == 0);
  CHECK(again[1].position == 1);
  CHECK(again[0].byte_begin == 0);
  CHECK(again[1].byte_begin == 5);
}

// --------------------------------------------------------------------------
// Stemming
// --------------------------------------------------------------------------

TEST_CASE("English stemming", "[analysis][stem]") {
  Analyzer analyzer;
  auto [word, term, stem] = GENERATE(table<std::string, std::string, std::string>({
      {"talks", "talks", "talk"},
      {"Talks", "talks", "talk"},
      {"talking", "talking", "talk"},
      {"talked", "talked", "talk"},
      {"running", "running", "run"},
      {"countries", "countries", "countri"},
      {"country", "country", "countri"},
      {"postponed", "postponed", "postpon"},
      {"2019", "2019", "2019"},
      {"g20s", "g20s", "g20s"},
  }));
  CAPTURE(word);
  const auto tokens = analyzer.analyze(word);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0].term == term);
  CHECK(tokens[0].stem == stem);
  CHECK(analyzer.stem(term) == stem);
}

TEST_CASE("A language without a Snowball stemmer is not stemmed", "[analysis][stem][options]") {
  for (const char* lang : {"pl", "cs", "bg", "sl", "uk", "zh"}) {
    CAPTURE(lang);
    AnalyzerOptions opts;
    opts.language = lang;
    Analyzer analyzer(opts);
    const auto tokens = analyzer.analyze("talks postponed countries");
    REQUIRE(tokens.size() == 3);
    for (const auto& t : tokens) CHECK(t.stem == t.term);
    CHECK(analyzer.stem("talks") == "talks");
  }
}

TEST_CASE("Another Snowball language stems differently", "[analysis][stem][options]") {
  AnalyzerOptions opts;
  opts.language = "french";
  Analyzer french(opts);
  Analyzer english;
  CHECK(french.stem("chevaux") == "cheval");
  CHECK(english.stem("chevaux") == "chevaux");
}

TEST_CASE("Unknown language throws kInvalidArgument", "[analysis][options][error]") {
  for (const char* lang : {"klingon", "", "none", "deu", "und-Latn"}) {
    CAPTURE(lang);
    AnalyzerOptions opts;
    opts.language = lang;
    try {
      Analyzer analyzer(opts);
      FAIL("expected newsearch::Error");
    } catch (const newsearch::Error& e) {
      CHECK(e.code() == newsearch::ErrorCode::kInvalidArgument);
      CHECK_THAT(e.what(), Catch::Contains(std::string("'") + lang + "'"));
    }
  }
}

// --------------------------------------------------------------------------
// Limits and robustness
// --------------------------------------------------------------------------

TEST_CASE("max_term_bytes drops long junk tokens", "[analysis][limit]") {
  Analyzer analyzer;
  REQUIRE(analyzer.options().max_term_bytes == 64);
  const std::string kept(64, 'a');
  const std::string dropped(65, 'b');
  const std::string base64 =
      "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk";
  const std::string text = "alpha " + kept + " " + dropped + " " + base64 + " beta";
  const auto tokens = analyzer.analyze(text);
  const auto w = words(tokens);
  CHECK(w == Strings{"alpha", kept, "beta"});
  // Dropped tokens never shift the surviving tokens' byte offsets.
  const Token* beta = find_term(tokens, "beta");
  REQUIRE(beta != nullptr);
  CHECK(surface(text, *beta) == "beta");
  CHECK(beta->position > find_term(tokens, kept)->position);

  AnalyzerOptions small;
  small.max_term_bytes = 5;
  Analyzer strict(small);
  CHECK(words(strict, "tiny words survive; enormous ones vanish") ==
        Strings{"tiny", "words", "ones"});
}

TEST_CASE("max_term_bytes counts bytes of the normalised term", "[analysis][limit]") {
  AnalyzerOptions opts;
  opts.max_term_bytes = 9;
  Analyzer analyzer(opts);
  // "Çavuşoğlu" is 12 bytes on the surface but "cavusoglu" (9 bytes) once folded.
  CHECK(words(analyzer,
              "\xC3\x87"
              "avu\xC5\x9Fo\xC4\x9Flu") == Strings{"cavusoglu"});
  CHECK(words(analyzer, "cavusoglus").empty());
}

TEST_CASE("Invalid UTF-8 does not crash the analyzer", "[analysis][utf8]") {
  Analyzer analyzer;
  auto text = GENERATE(as<std::string>{}, "abc \xFF\xFE def",
                       "abc\xFF"
                       "def",
                       "abc \xC3", "abc \xE2\x80", "\xC0\xAF abc def", "abc \xED\xA0\x80 def",
                       "\x80\x80\x80 abc def \xF4\x90\x80\x80");
  CAPTURE(text);
  std::vector<Token> tokens;
  REQUIRE_NOTHROW(tokens = analyzer.analyze(text));
  const auto w = words(tokens);
  CHECK(std::find(w.begin(), w.end(), "abc") != w.end());
  for (const auto& t : tokens) {
    CHECK(t.byte_begin < t.byte_end);
    CHECK(t.byte_end <= text.size());
  }
  const Token* abc = find_term(tokens, "abc");
  REQUIRE(abc != nullptr);
  CHECK(surface(text, *abc) == "abc");
  REQUIRE_NOTHROW(analyzer.sentences(text));
}

TEST_CASE("Analyzer handles a large text", "[analysis][segment]") {
  Analyzer analyzer;
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "word" + std::to_string(i % 10) + " ";
  const auto tokens = analyzer.analyze(text);
  REQUIRE(tokens.size() == 5000);
  CHECK(tokens.back().position == 4999);
  CHECK(tokens.back().term == "word9");
}

// --------------------------------------------------------------------------
// Identity and options
// --------------------------------------------------------------------------

TEST_CASE("analyzer_id is stable and reflects the rules, not the default language",
          "[analysis][options]") {
  Analyzer a, b;
  CHECK(a.analyzer_id() == b.analyzer_id());
  CHECK_THAT(a.analyzer_id(), Catch::StartsWith("newsearch-icu-v3/"));
  AnalyzerOptions french;
  french.language = "french";
  AnalyzerOptions shorter;
  shorter.max_term_bytes = 32;
  // Every article records its own language: the default is no property of
  // the index's terms.
  CHECK(Analyzer(french).analyzer_id() == a.analyzer_id());
  CHECK(Analyzer(shorter).analyzer_id() != a.analyzer_id());
}

TEST_CASE("options() returns the options given", "[analysis][options]") {
  AnalyzerOptions opts;
  opts.language = "german";
  opts.max_term_bytes = 40;
  Analyzer analyzer(opts);
  CHECK(analyzer.options().language == "german");
  CHECK(analyzer.options().max_term_bytes == 40);

  Analyzer moved(std::move(analyzer));
  CHECK(moved.options().language == "german");
  CHECK(words(moved, "Zwei W\xC3\xB6rter") == Strings{"zwei", "worter"});
}

// --------------------------------------------------------------------------
// Sentences
// --------------------------------------------------------------------------

TEST_CASE("sentences() covers the text in order", "[analysis][sentences]") {
  Analyzer analyzer;
  const std::string text =
      "Turkey and Russia postponed talks. Why? Nobody said! The U.S. welcomed it. "
      "\xC3\x87"
      "avu\xC5\x9Fo\xC4\x9Flu spoke to Lavrov.";
  const auto sentences = analyzer.sentences(text);
  REQUIRE(sentences.size() == 5);
  CHECK(sentences.front().first == 0);
  CHECK(sentences.back().second == text.size());
  for (std::size_t i = 1; i < sentences.size(); ++i) {
    CAPTURE(i);
    CHECK(sentences[i].first == sentences[i - 1].second);
    CHECK(sentences[i].first < sentences[i].second);
  }
  auto sub = [&](std::size_t i) {
    return text.substr(sentences[i].first, sentences[i].second - sentences[i].first);
  };
  CHECK(sub(0) == "Turkey and Russia postponed talks. ");
  CHECK(sub(1) == "Why? ");
  CHECK(sub(2) == "Nobody said! ");
  CHECK(sub(3) == "The U.S. welcomed it. ");
  CHECK(sub(4) ==
        "\xC3\x87"
        "avu\xC5\x9Fo\xC4\x9Flu spoke to Lavrov.");
}

TEST_CASE("sentences() of empty and single-sentence text", "[analysis][sentences]") {
  Analyzer analyzer;
  CHECK(analyzer.sentences("").empty());
  const auto one = analyzer.sentences("no full stop here");
  REQUIRE(one.size() == 1);
  CHECK(one[0] == std::pair<std::size_t, std::size_t>{0, 17});
}
