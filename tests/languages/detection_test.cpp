// Language detection (CLD2, issue 18) on long and short text, and language
// codes.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsearch/analyzer.h"
#include "tests/support/skip.h"
#include "tests/support/temp_dir.h"

using newsearch::Analyzer;

namespace {

// multilingual-news (../shared/data, or NEWSEARCH_TEST_SHARED_DATA for a
// checkout elsewhere), or "" when absent.
std::string multilingual_news() {
  std::string dir = newsearch::test::shared_data_dir();
  if (const char* env = std::getenv("NEWSEARCH_TEST_SHARED_DATA"); dir.empty() && env && *env) {
    const char* off = std::getenv("NEWSEARCH_TEST_NO_SHARED_DATA");
    if (!(off && *off == '1')) dir = env;
  }
  const std::string file = dir + "/multilingual-news/articles.jsonl.gz";
  std::error_code ec;
  return !dir.empty() && std::filesystem::is_regular_file(file, ec) ? file : std::string();
}

struct Record {
  std::string lang;
  std::string text;  // title, a newline, body
};

// Every record of the gzipped JSON Lines @p path that has a lang.
std::vector<Record> read_records(const std::string& path) {
  std::vector<Record> out;
  gzFile f = gzopen(path.c_str(), "rb");
  REQUIRE(f != nullptr);
  std::string line;
  char buf[1 << 16];
  auto take = [&] {
    if (line.empty()) return;
    const auto j = nlohmann::json::parse(line);
    if (j.contains("lang") && j["lang"].is_string())
      out.push_back({j["lang"].get<std::string>(),
                     j.value("title", std::string()) + "\n" + j.value("body", std::string())});
    line.clear();
  };
  while (gzgets(f, buf, sizeof buf) != nullptr) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      take();
    }
  }
  take();
  gzclose(f);
  return out;
}

}  // namespace

TEST_CASE("detect_language on real articles of every language of multilingual-news",
          "[languages][detect][data]") {
  const std::string file = multilingual_news();
  if (file.empty()) return newsearch::test::skip("no multilingual-news/articles.jsonl.gz");
  const std::vector<Record> records = read_records(file);
  REQUIRE(records.size() > 10000);
  Analyzer a;
  // The first three articles of each language must be told right.
  std::map<std::string, int> asserted;
  // And the share told right of all of them (issue 18's bar is 98 %).
  std::map<std::string, std::pair<int, int>> right;  // lang -> (right, all)
  int all_right = 0;
  for (const Record& r : records) {
    const std::string got = a.detect_language(r.text);
    auto& [ok, n] = right[r.lang];
    ++n;
    if (got == r.lang) ++ok, ++all_right;
    if (asserted[r.lang] < 3) {
      ++asserted[r.lang];
      INFO("lang " << r.lang << ", text: " << r.text.substr(0, 200));
      CHECK(got == r.lang);
    }
  }
  std::printf("language detection on multilingual-news (%zu articles):\n", records.size());
  for (const auto& [lang, counts] : right)
    std::printf("  %s %5d / %5d = %.4f\n", lang.c_str(), counts.first, counts.second,
                static_cast<double>(counts.first) / counts.second);
  const double share = static_cast<double>(all_right) / static_cast<double>(records.size());
  std::printf("  all %.4f\n", share);
  CHECK(asserted.size() == 11);  // ar bg cs de en fr it pl ru sl uk
  CHECK(share >= 0.98);
}

TEST_CASE("detect_language on short sentences", "[languages][detect]") {
  Analyzer a;
  auto [lang, text] = GENERATE(table<std::string, std::string>({
      {"de",
       "Die Bundesregierung hat am Mittwoch neue Maßnahmen gegen die steigenden Energiepreise "
       "beschlossen."},
      {"fr",
       "Le gouvernement français a annoncé mercredi de nouvelles mesures contre la hausse des "
       "prix de l'énergie."},
      {"ru",
       "Правительство России в среду объявило о новых мерах против роста цен на "
       "энергоносители."},
      {"uk", "Уряд України в середу оголосив про нові заходи проти зростання цін на енергоносії."},
      {"pl", "Rząd ogłosił w środę nowe działania przeciwko rosnącym cenom energii w całym kraju."},
      {"cs", "Česká vláda ve středu oznámila nová opatření proti rostoucím cenám energií."},
      {"ar", "أعلنت الحكومة يوم الأربعاء عن إجراءات جديدة لمواجهة ارتفاع أسعار الطاقة."},
      {"bg", "Правителството обяви в сряда нови мерки срещу растящите цени на енергията."},
      {"sl", "Vlada je v sredo napovedala nove ukrepe proti naraščajočim cenam energije."},
      {"it",
       "Il governo ha annunciato mercoledì nuove misure contro l'aumento dei prezzi "
       "dell'energia."},
      {"es",
       "El gobierno anunció el miércoles nuevas medidas contra el aumento de los precios "
       "de la energía."},
      {"en", "The government announced new measures on Wednesday against rising energy prices."},
  }));
  CAPTURE(lang, text);
  CHECK(Analyzer().detect_language(text) == lang);
  CHECK(a.detect_language(text) == lang);
}

TEST_CASE("detect_language says \"\" for text that cannot be told", "[languages][detect]") {
  Analyzer a;
  const std::string text =
      GENERATE(as<std::string>{}, "", "ok", "12345 67890 2024", "!!! ??? ...", "OK OK", "\xFF\xFE");
  CAPTURE(text);
  CHECK(a.detect_language(text).empty());
}

TEST_CASE("language_code canonicalises codes and names", "[languages][codes]") {
  auto [given, code] = GENERATE(table<std::string, std::string>({
      {"de", "de"},
      {"DE", "de"},
      {"de-AT", "de"},
      {"de_AT", "de"},
      {"German", "de"},
      {"german", "de"},
      {"english", "en"},
      {"Arabic", "ar"},
      {"Ukrainian", "uk"},
      {"pt-BR", "pt"},
      {"klingon", ""},
      {"", ""},
      {"und", ""},
      {"deu", ""},
      {"und-Latn", ""},
  }));
  CAPTURE(given);
  CHECK(Analyzer::language_code(given) == code);
}

// ISO 639-1 has no "qq" or "zz" (nor "xx"): they name no language, as the
// contract of language_code() says ("" when it is none).
TEST_CASE("language_code refuses two letters that are no ISO 639-1 code", "[languages][codes]") {
  for (const char* given : {"qq", "zz", "xx", "QQ-QQ"}) {
    CAPTURE(given);
    CHECK(Analyzer::language_code(given).empty());
  }
}
