// A mixed German/English/French index through the public library
// (IndexWriter + Searcher, issue 18): each article is matched by the stems
// of its own language; languages are given, detected or the default;
// SearchOptions::languages filters; query_language forces one language;
// quoted words match exactly in any language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

using newsearch::Article;
using newsearch::Error;
using newsearch::ErrorCode;
using newsearch::IndexWriter;
using newsearch::Searcher;
using newsearch::SearchOptions;
using newsearch::SearchResults;
using newsearch::test::TempDir;
using Ids = std::set<std::string>;

namespace {

Article article(std::string id, std::string title, std::string body, std::string lang = "") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.language = std::move(lang);
  return a;
}

// The articles, by id. Languages are detected unless given (last field).
std::vector<Article> articles() {
  return {
      article("de-regierung-1", "Die Regierung beschließt neue Steuern",
              "Die Regierung in Berlin hat am Dienstag ein neues Steuergesetz beschlossen. Die "
              "Opposition kritisierte die Pläne scharf und kündigte Widerstand im Bundestag an."
              "\n\nNach Angaben des Finanzministeriums sollen die Einnahmen im kommenden Jahr "
              "deutlich steigen."),
      article("de-regierung-2", "Gewerkschaften einigen sich mit der Regierung",
              "Nach wochenlangen Verhandlungen haben sich die Gewerkschaften mit der Regierung "
              "auf einen neuen Tarifvertrag geeinigt. Die Einigung gilt für alle Beschäftigten "
              "im öffentlichen Dienst."),
      article("de-regierungen", "Europa berät über die Energiekrise",
              "Die Regierungen der europäischen Staaten beraten in Brüssel über die "
              "Energiekrise. Mehrere Regierungen fordern gemeinsame Einkäufe von Gas für den "
              "Winter."),
      article("de-kinder", "Mehr Geld für Familien",
              "Familien mit Kindern sollen nach dem Willen der Koalition ab dem nächsten Jahr "
              "mehr Unterstützung erhalten. Für jedes Kind werden monatlich zwanzig Euro mehr "
              "gezahlt, teilte das Ministerium in Berlin mit."),
      // "klingon" names no language: dropped, the language detected.
      article("de-klingon", "Der Bürgermeister eröffnet den neuen Flughafen",
              "Nach jahrelangen Verzögerungen hat der Bürgermeister den neuen Flughafen der "
              "Hauptstadt eröffnet. Die Fluggesellschaften beginnen im Oktober mit "
              "regelmäßigen Flügen nach Berlin.",
              "klingon"),
      // Given as a code with a region and as a name.
      article("de-at", "Wiener Zeitung", "Ein kurzer Text.", "de-AT"),
      article("de-named", "Kurz", "Noch ein Text.", "German"),
      // A given language wins over the text's: this German text is "en".
      article("given-en", "Ein deutscher Text",
              "Dieser Text ist deutsch, aber als englisch "
              "angegeben, und wird englisch analysiert.",
              "en"),
      article("en-government-1", "Government announces new tax plan",
              "The government in London announced a new tax plan on Tuesday. The opposition "
              "criticised the plans and promised to fight them in parliament.\n\nThe Treasury "
              "said revenue would rise next year."),
      article("en-governments", "Climate targets agreed",
              "Governments from forty countries agreed on new climate targets in Berlin on "
              "Friday. Several governments said they would cut emissions faster than planned."),
      // "kinds" has the English stem "kind", as German "Kindern" has the
      // German stem "kind": different terms (they are tagged by language).
      article("en-kinds", "Markets see all kinds of trouble",
              "Traders in New York faced all kinds of trouble this week as prices of many kinds "
              "of goods rose sharply. Analysts expect the swings to continue in Berlin."),
      // An English article that quotes the German word Regierungen.
      article("en-quotes-german", "A reporter's guide to German politics",
              "In German newspapers the word Regierungen means governments of several states. "
              "Reporters who move to Berlin learn such words quickly."),
      article("fr-gouvernement", "Le gouvernement annonce des mesures",
              "Le gouvernement français a annoncé mercredi de nouvelles mesures contre la hausse "
              "des prix de l'énergie, a indiqué un porte-parole à Berlin.",
              "fr"),
      // Nothing to detect: the default language (en).
      article("numbers", "2024", "12345 67890"),
      // Arabic and Russian, detected: the article form and the bare one,
      // two cases of Moscow.
      article("ar-alhukuma", "الحكومة تعلن إجراءات جديدة",
              "أعلنت الحكومة يوم الأربعاء عن إجراءات جديدة لمواجهة ارتفاع أسعار الطاقة في "
              "المملكة، وقال المتحدث إن القرار يبدأ الشهر المقبل."),
      article("ar-hukuma", "وزير يتحدث عن المفاوضات",
              "قال وزير في حكومة الوحدة الوطنية إن المفاوضات مع النقابات ستستمر الأسبوع المقبل "
              "في العاصمة."),
      article("ru-moskva", "Москва готовится к зиме",
              "Москва готовится к холодной зиме: городские службы проверяют отопление в жилых "
              "домах и школах."),
      article("ru-moskvy", "Мэр Москвы объявил о новых мерах",
              "Мэр Москвы в среду объявил о новых мерах поддержки семей с детьми и пенсионеров."),
      // Chinese and Thai, given: segmented into dictionary words.
      article("zh-beijing", "我们在北京工作", "我们在北京工作。中国政府周三宣布了新措施。", "zh"),
      article("th-rice", "ผมชอบกินข้าว", "ผมชอบกินข้าว รัฐบาลประกาศมาตรการใหม่", "th"),
  };
}

// What put() reported per article (PutNotes::dropped_language).
std::map<std::string, std::string>& dropped_languages() {
  static std::map<std::string, std::string> dropped;
  return dropped;
}

const std::string& fixture_index() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "index";
    auto writer = IndexWriter::open(path);
    for (const Article& a : articles()) {
      IndexWriter::PutNotes notes;
      REQUIRE(writer.put(a, notes) == IndexWriter::PutResult::kAdded);
      dropped_languages()[a.id] = notes.dropped_language;
    }
    writer.commit();
    return path;
  }();
  return db;
}

SearchResults run(const std::string& query, SearchOptions options = {}) {
  options.limit = 50;
  return Searcher::open(fixture_index()).search(query, options);
}

Ids ids(const SearchResults& r) {
  Ids out;
  for (const auto& h : r.hits) out.insert(h.id);
  return out;
}

Ids ids(const std::string& query, SearchOptions options = {}) { return ids(run(query, options)); }

// id -> Hit::language of every hit.
std::map<std::string, std::string> languages_of(const SearchResults& r) {
  std::map<std::string, std::string> out;
  for (const auto& h : r.hits) out[h.id] = h.language;
  return out;
}

// The highlighted surface forms of every passage of @p hit.
std::vector<std::string> highlighted(const newsearch::Hit& hit) {
  std::vector<std::string> out;
  for (const auto& p : hit.passages)
    for (const auto& h : p.snippet.highlights) {
      REQUIRE(h.byte_end <= p.snippet.text.size());
      out.push_back(p.snippet.text.substr(h.byte_begin, h.byte_end - h.byte_begin));
    }
  return out;
}

ErrorCode code_of(const std::function<void()>& f, std::string* message = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (message) *message = e.what();
    return e.code();
  }
  FAIL("no newsearch::Error thrown");
  return ErrorCode::kInternal;
}

}  // namespace

TEST_CASE("A German query finds the German inflections of its word", "[languages][mixed]") {
  const Ids found = ids("Regierungen");
  CHECK(found.count("de-regierung-1"));
  CHECK(found.count("de-regierung-2"));
  CHECK(found.count("de-regierungen"));
  // English articles about governments are no match for a German word.
  CHECK_FALSE(found.count("en-government-1"));
  CHECK_FALSE(found.count("en-governments"));
  CHECK_FALSE(found.count("fr-gouvernement"));
  // And the singular finds the plural.
  CHECK(ids("Regierung").count("de-regierungen"));
}

TEST_CASE("Headline matches and exclusions follow the article's language", "[languages][mixed]") {
  const Ids title = ids("title:Regierungen");
  CHECK(title.count("de-regierung-1"));        // "Die Regierung beschließt ..."
  CHECK(title.count("de-regierung-2"));        // "... mit der Regierung"
  CHECK_FALSE(title.count("de-regierungen"));  // only in its body
  // -Regierungen excludes the German articles with Regierung.
  const Ids berlin = ids("Berlin -Regierungen");
  CHECK(berlin.count("de-kinder"));
  CHECK(berlin.count("en-governments"));
  CHECK_FALSE(berlin.count("de-regierung-1"));
  CHECK_FALSE(berlin.count("de-regierungen"));
}

TEST_CASE("A German stem does not match an English word with the same English stem",
          "[languages][mixed]") {
  // German Kindern -> kind (German), English kinds -> kind (English).
  const Ids found = ids("Kindern");
  CHECK(found == Ids{"de-kinder"});
  CHECK(ids("Kind").count("de-kinder"));
}

TEST_CASE("An English query finds the English inflections of its word", "[languages][mixed]") {
  const Ids found = ids("governments");
  CHECK(found.count("en-government-1"));
  CHECK(found.count("en-governments"));
  CHECK(found.count("en-quotes-german"));  // "governments" is in its text
  CHECK_FALSE(found.count("de-regierung-1"));
  CHECK_FALSE(found.count("fr-gouvernement"));
  CHECK(ids("government").count("en-governments"));
  // And French by the French stem: gouvernements -> gouvernement.
  CHECK(ids("gouvernements").count("fr-gouvernement"));
}

TEST_CASE("Arabic and Russian queries find the other forms of their word",
          "[languages][mixed][arabic]") {
  // والحكومة, الحكومة and حكومة: one stem once the article is stripped.
  for (const std::string q : {"والحكومة", "الحكومة", "حكومة", "للحكومة"}) {
    CAPTURE(q);
    CHECK(ids(q) == Ids{"ar-alhukuma", "ar-hukuma"});
  }
  for (const std::string q : {"Москва", "Москвы", "Москве", "МОСКВУ"}) {
    CAPTURE(q);
    CHECK(ids(q) == Ids{"ru-moskva", "ru-moskvy"});
  }
  // Quoted, the form as written only.
  CHECK(ids("\"الحكومة\"") == Ids{"ar-alhukuma"});
  CHECK(ids("\"Москвы\"") == Ids{"ru-moskvy"});
  // The highlight of an Arabic hit is the surface form, article included.
  for (const auto& h : run("حكومة").hits) {
    CAPTURE(h.id);
    const auto words = highlighted(h);
    CHECK_FALSE(words.empty());
    for (const auto& w : words) CHECK((w == "الحكومة" || w == "حكومة"));
  }
}

TEST_CASE("Chinese and Thai articles are found by their dictionary words",
          "[languages][mixed][segment]") {
  CHECK(ids("北京") == Ids{"zh-beijing"});
  CHECK(ids("政府") == Ids{"zh-beijing"});
  CHECK(ids("กิน") == Ids{"th-rice"});
  CHECK(ids("รัฐบาล") == Ids{"th-rice"});
  // A phrase of consecutive words.
  CHECK(ids("\"在北京\"") == Ids{"zh-beijing"});
  // Highlights cover the word.
  const SearchResults r = run("北京");
  REQUIRE(r.hits.size() == 1);
  const auto words = highlighted(r.hits[0]);
  CHECK_FALSE(words.empty());
  for (const auto& w : words) CHECK(w == "北京");
}

TEST_CASE("Articles without a language get it detected; given ones are kept",
          "[languages][mixed][detect]") {
  SearchOptions o;
  const auto langs = languages_of(run(
      "Berlin OR Text OR Regierungen OR kinds OR 12345 OR الحكومة OR Москва OR 北京 OR ข้าว", o));
  const std::map<std::string, std::string> expected = {
      {"de-regierung-1", "de"},   {"de-regierungen", "de"},  {"de-kinder", "de"},
      {"de-klingon", "de"},       {"de-at", "de"},           {"de-named", "de"},
      {"given-en", "en"},         {"en-governments", "en"},  {"en-kinds", "en"},
      {"en-quotes-german", "en"}, {"fr-gouvernement", "fr"}, {"numbers", "en"},
      {"ar-alhukuma", "ar"},      {"ar-hukuma", "ar"},       {"ru-moskva", "ru"},
      {"ru-moskvy", "ru"},        {"zh-beijing", "zh"},      {"th-rice", "th"},
  };
  for (const auto& [id, lang] : expected) {
    CAPTURE(id);
    REQUIRE(langs.count(id));
    CHECK(langs.at(id) == lang);
  }
}

TEST_CASE("A language that names none is dropped (PutNotes) and the language detected",
          "[languages][mixed][detect]") {
  fixture_index();
  CHECK(dropped_languages().at("de-klingon") == "klingon");
  for (const auto& [id, dropped] : dropped_languages())
    if (id != "de-klingon") CHECK(dropped.empty());
  // Detected German: found by the German stem (Flughafens -> flughaf).
  const SearchResults r = run("Flughafens");
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].id == "de-klingon");
  CHECK(r.hits[0].language == "de");
}

TEST_CASE("A given language wins over the text's: that article is analysed in it",
          "[languages][mixed]") {
  // given-en is German text declared English: its words carry English
  // stems, so the German stem of "deutschen" (deutsch) does not reach it,
  // while the word as written does.
  CHECK(ids("\"deutsch\"").count("given-en"));
  SearchOptions de;
  de.query_language = "de";
  CHECK_FALSE(ids("deutschen", de).count("given-en"));  // German stem deutsch: not its terms
}

TEST_CASE("SearchOptions::languages filters by article language", "[languages][mixed][filter]") {
  SearchOptions de;
  de.languages = {"de"};
  const SearchResults r = run("Berlin", de);
  REQUIRE_FALSE(r.hits.empty());
  for (const auto& h : r.hits) CHECK(h.language == "de");
  CHECK(ids(r).count("de-kinder"));

  SearchOptions named;
  named.languages = {"German"};
  CHECK(ids("Berlin", named) == ids(r));
  named.languages = {"de-AT"};
  CHECK(ids("Berlin", named) == ids(r));

  SearchOptions en_fr;
  en_fr.languages = {"en", "fr"};
  const SearchResults r2 = run("Berlin", en_fr);
  for (const auto& h : r2.hits) CHECK((h.language == "en" || h.language == "fr"));
  CHECK(ids(r2).count("en-governments"));
  CHECK(ids(r2).count("fr-gouvernement"));

  SearchOptions it;  // a language the index lacks: nothing, no error
  it.languages = {"it"};
  CHECK(run("Berlin", it).hits.empty());
}

TEST_CASE("SearchOptions::query_language forces one language", "[languages][mixed]") {
  SearchOptions en;
  en.query_language = "en";
  SearchOptions de;
  de.query_language = "de";
  // Regierungen stemmed in English is no German stem: only the articles
  // with the word itself in English text match.
  const Ids as_en = ids("Regierungen", en);
  CHECK_FALSE(as_en.count("de-regierung-1"));
  CHECK_FALSE(as_en.count("de-regierung-2"));
  CHECK(ids("Regierungen", de).count("de-regierung-1"));
  // "kinds": in German its stem is kind (de-kinder), in English kind
  // (en-kinds); forced, only that language's articles match.
  CHECK(ids("kinds", de) == Ids{"de-kinder"});
  CHECK(ids("kinds", en) == Ids{"en-kinds"});
  // A name works too.
  SearchOptions german;
  german.query_language = "German";
  CHECK(ids("Regierungen", german) == ids("Regierungen", de));
}

TEST_CASE("A language option that names no language throws kInvalidArgument",
          "[languages][mixed][error]") {
  for (const char* bad : {"klingon", "", "und", "deu"}) {
    CAPTURE(bad);
    SearchOptions o;
    o.languages = {"de", bad};
    std::string message;
    CHECK(code_of([&] { run("Berlin", o); }, &message) == ErrorCode::kInvalidArgument);
    CHECK_THAT(message, Catch::Contains("languages"));
    CHECK_THAT(message, Catch::Contains(std::string("'") + bad + "'"));
  }
  SearchOptions q;
  q.query_language = "klingon";
  std::string message;
  CHECK(code_of([&] { run("Berlin", q); }, &message) == ErrorCode::kInvalidArgument);
  CHECK_THAT(message, Catch::Contains("klingon"));
}

TEST_CASE("Highlights in a German hit cover the German inflection", "[languages][mixed][snippet]") {
  const SearchResults r = run("Regierungen");
  bool seen = false;
  for (const auto& h : r.hits) {
    if (h.id != "de-regierung-1" && h.id != "de-regierung-2") continue;
    seen = true;
    CAPTURE(h.id);
    const auto words = highlighted(h);
    CHECK_FALSE(words.empty());
    for (const auto& w : words) CHECK(w == "Regierung");
  }
  CHECK(seen);
  // And an English hit its English inflections.
  for (const auto& h : run("governments").hits) {
    if (h.id != "en-government-1") continue;
    const auto words = highlighted(h);
    CHECK_FALSE(words.empty());
    for (const auto& w : words) CHECK((w == "government" || w == "Government"));
  }
}

TEST_CASE("A quoted word matches exactly, in any language", "[languages][mixed][quoted]") {
  // Regierungen as written: the German article with the plural and the
  // English one that quotes it; not the German singulars.
  CHECK(ids("\"Regierungen\"") == Ids{"de-regierungen", "en-quotes-german"});
  CHECK(ids("\"kinds\"") == Ids{"en-kinds"});
  // Forcing a language does not change what a quoted word matches.
  SearchOptions de;
  de.query_language = "de";
  CHECK(ids("\"Regierungen\"", de) == Ids{"de-regierungen", "en-quotes-german"});
}

TEST_CASE("An article's language round-trips through the stored record",
          "[languages][mixed][stored]") {
  TempDir dir;
  const std::string path = dir / "index";
  {
    auto writer = IndexWriter::open(path);
    writer.put(article("a", "Titel", "Die Regierung tagt in Berlin.", "DE"));
    writer.put(article("b", "Title", "The government meets in London.", "english"));
    writer.commit();
    // The same article again is unchanged (its language included).
    CHECK(writer.put(article("a", "Titel", "Die Regierung tagt in Berlin.", "DE")) ==
          IndexWriter::PutResult::kUnchanged);
    // A new language is a change.
    CHECK(writer.put(article("b", "Title", "The government meets in London.", "fr")) ==
          IndexWriter::PutResult::kReplaced);
    writer.commit();
  }
  auto s = Searcher::open(path);
  const auto langs = languages_of(s.search("Berlin OR London"));
  CHECK(langs == std::map<std::string, std::string>{{"a", "de"}, {"b", "fr"}});
  // b is French now: matched by its French stems, the English ones gone.
  SearchOptions en;
  en.query_language = "en";
  CHECK(s.search("governments", en).hits.empty());
}
