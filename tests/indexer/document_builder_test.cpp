#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/source_record.h"
#include "newsearch/analyzer.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/passage_layout.h"
#include "searcher/format/stored_article.h"

using newsearch::Analyzer;
using newsearch::build_document;
using newsearch::id_term;
using newsearch::SourceRecord;
namespace schema = newsearch::schema;

namespace {

using Positions = std::vector<Xapian::termpos>;
using Strings = std::vector<std::string>;

struct TermInfo {
  Xapian::termcount wdf = 0;
  Positions positions;
};

std::map<std::string, TermInfo> terms_of(const Xapian::Document& doc) {
  std::map<std::string, TermInfo> out;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    TermInfo info;
    info.wdf = it.get_wdf();
    info.positions.assign(it.positionlist_begin(), it.positionlist_end());
    out[*it] = info;
  }
  return out;
}

std::string P(std::string_view prefix, const std::string& term) {
  return std::string(prefix) + term;
}

SourceRecord sample_article() {
  SourceRecord a;
  a.id = "world/turkey.txt";
  a.title = "Cease-fire talks in Idlib";
  a.paragraphs = {"Turkey and Russia agreed to a cease-fire.",
                  "Talks continue in \xC3\x87"
                  "avu\xC5\x9Fo\xC4\x9Flu's office."};
  a.source_path = "/news/world/turkey.txt";
  a.date = "2020-06-14T16:38:00+02:00";
  a.source = "Middle East Eye";
  a.url = "https://example.org/turkey";
  a.lang = "en";
  a.hash = "0123456789abcdef";
  return a;
}

}  // namespace

TEST_CASE("build_document: id term", "[indexer][document]") {
  Analyzer analyzer;
  const auto terms = terms_of(build_document(sample_article(), analyzer));
  REQUIRE(terms.count("Qworld/turkey.txt") == 1);
  CHECK(terms.at("Qworld/turkey.txt").wdf == 0);  // boolean
  CHECK(terms.at("Qworld/turkey.txt").positions.empty());
}

TEST_CASE("build_document: body terms with positions", "[indexer][document]") {
  Analyzer analyzer;
  const auto terms = terms_of(build_document(sample_article(), analyzer));
  // First passage: positions start at 1.
  auto [term, positions] = GENERATE(table<std::string, Positions>({
      {"turkey", {1}},
      {"and", {2}},
      {"russia", {3}},
      {"agreed", {4}},
      {"to", {5}},
      {"a", {6}},
      {"cease", {7}},
      {"fire", {8}},
      {"ceasefire", {7}},  // the joined form, at the first part's position
  }));
  CAPTURE(term);
  REQUIRE(terms.count(term) == 1);
  CHECK(terms.at(term).positions == positions);
  CHECK(terms.at(term).wdf == positions.size());
}

TEST_CASE("build_document: passages are separated by a position gap", "[indexer][document]") {
  Analyzer analyzer;
  const auto terms = terms_of(build_document(sample_article(), analyzer));
  const Strings second = {"talks", "continue", "in", "cavusoglu", "office"};
  REQUIRE(terms.count("talks") == 1);
  const Xapian::termpos first = terms.at("talks").positions.at(0);
  CHECK(first >= 8 + schema::kPassagePositionGap);
  for (std::size_t i = 0; i < second.size(); ++i) {
    CAPTURE(second[i]);
    REQUIRE(terms.count(second[i]) == 1);
    CHECK(terms.at(second[i]).positions == Positions{static_cast<Xapian::termpos>(first + i)});
  }
  // "cease-fire. Talks" must not be a phrase: fire and talks are far apart.
  CHECK(first - terms.at("fire").positions.at(0) >= schema::kPassagePositionGap);
}

TEST_CASE("build_document: Z-prefixed stems without positions", "[indexer][document]") {
  Analyzer analyzer;
  const auto terms = terms_of(build_document(sample_article(), analyzer));
  for (const std::string& stem :
       {std::string("talk"), analyzer.stem("agreed"), std::string("turkey"),
        std::string("cavusoglu"), analyzer.stem("ceasefire"), analyzer.stem("continue"),
        analyzer.stem("office")}) {
    CAPTURE(stem);
    REQUIRE(terms.count(schema::stem_term(schema::kPrefixStem, "en", stem)) == 1);
    CHECK(terms.at(schema::stem_term(schema::kPrefixStem, "en", stem)).positions.empty());
    CHECK(terms.at(schema::stem_term(schema::kPrefixStem, "en", stem)).wdf >= 1);
  }
  // Unstemmed forms that differ from their stems only appear unprefixed.
  CHECK(terms.count("ZENtalks") == 0);
  CHECK(terms.count("ZENagreed") == 0);
  CHECK(terms.count("talk") == 0);
}

TEST_CASE("build_document: headline terms are S-prefixed with positions", "[indexer][document]") {
  Analyzer analyzer;
  const auto terms = terms_of(build_document(sample_article(), analyzer));
  auto [term, positions] = GENERATE(table<std::string, Positions>({
      {"Scease", {1}},
      {"Sfire", {2}},
      {"Sceasefire", {1}},
      {"Stalks", {3}},
      {"Sin", {4}},
      {"Sidlib", {5}},
  }));
  CAPTURE(term);
  REQUIRE(terms.count(term) == 1);
  CHECK(terms.at(term).positions == positions);
}

TEST_CASE("build_document: headline stems are ZS-prefixed", "[indexer][document]") {
  Analyzer analyzer;
  const auto terms = terms_of(build_document(sample_article(), analyzer));
  CHECK(terms.count("ZSENtalk") == 1);
  CHECK(terms.count("ZSENidlib") == 1);
  CHECK(terms.count(
            schema::stem_term(schema::kPrefixHeadlineStem, "en", analyzer.stem("ceasefire"))) == 1);
  CHECK(terms.at("ZSENtalk").positions.empty());
  // Headline-only words are not body terms and vice versa.
  CHECK(terms.count("idlib") == 0);
  CHECK(terms.count("ZENidlib") == 0);
  CHECK(terms.count("Sturkey") == 0);
  CHECK(terms.count("ZSENturkey") == 0);
}

TEST_CASE("build_document: publisher term, values and stored record", "[indexer][document]") {
  Analyzer analyzer;
  const SourceRecord a = sample_article();
  const Xapian::Document doc = build_document(a, analyzer);
  const auto terms = terms_of(doc);
  CHECK(terms.count("Bmiddle east eye") == 1);
  // The value is the date in UTC; the stored record keeps it as given.
  CHECK(doc.get_value(schema::kSlotDate) == "2020-06-14T14:38:00");
  CHECK(doc.get_value(schema::kSlotHash) == "0123456789abcdef");

  const auto rec = newsearch::decode_stored_article(doc.get_data());
  CHECK(rec.id == a.id);
  CHECK(rec.title == a.title);
  CHECK(rec.body == a.paragraphs[0] + "\n\n" + a.paragraphs[1]);
  CHECK(rec.source_path == a.source_path);
  CHECK(rec.date == a.date);
  CHECK(rec.source == a.source);
  CHECK(rec.url == a.url);
  CHECK(rec.lang == a.lang);
  REQUIRE(rec.passages.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    const auto [b, e] = rec.passages[i];
    CHECK(rec.body.substr(b, e - b) == a.paragraphs[i]);
  }
}

TEST_CASE("build_document: long paragraphs become several passages", "[indexer][document]") {
  Analyzer analyzer;
  SourceRecord a = sample_article();
  std::string longp;
  for (int i = 0; i < 30; ++i)
    longp +=
        "Sentence number " + std::to_string(i) + " talks about the Libyan conflict at length. ";
  longp.pop_back();
  a.paragraphs = {"Lead paragraph.", longp, "Last paragraph."};
  const Xapian::Document doc = build_document(a, analyzer);
  const auto rec = newsearch::decode_stored_article(doc.get_data());
  REQUIRE(rec.passages.size() >= 4);
  CHECK(rec.body == "Lead paragraph.\n\n" + longp + "\n\nLast paragraph.");
  // Passages cover the body: every non-space byte is inside one, in order.
  std::size_t covered = 0, prev_end = 0;
  for (const auto& [b, e] : rec.passages) {
    CHECK(b >= prev_end);
    prev_end = e;
    for (auto i = b; i < e; ++i) covered += rec.body[i] != ' ' && rec.body[i] != '\n';
  }
  std::size_t non_space = 0;
  for (char c : rec.body) non_space += c != ' ' && c != '\n';
  CHECK(covered == non_space);
  // "talks" occurs 30 times; its positions fall into as many groups as there
  // are passages of the long paragraph, separated by the gap.
  const auto terms = terms_of(doc);
  const Positions& talks = terms.at("talks").positions;
  REQUIRE(talks.size() == 30);
  std::size_t gaps = 0;
  for (std::size_t i = 1; i < talks.size(); ++i)
    if (talks[i] - talks[i - 1] > schema::kPassagePositionGap) ++gaps;
  CHECK(gaps == rec.passages.size() - 3);
  CHECK(terms.at("ZENtalk").wdf == 30);
}

TEST_CASE("build_document: passage layout and word variants", "[indexer][document]") {
  Analyzer analyzer;
  newsearch::Variants variants;
  const Xapian::Document doc = build_document(sample_article(), analyzer, &variants);
  const auto layout = newsearch::decode_layout(doc.get_value(schema::kSlotLayout));
  REQUIRE(layout);
  // "Cease-fire talks in Idlib": 5 words (the joined "ceasefire" is no word).
  CHECK(layout->headline_words() == 5);
  // Its tokens, joined form included, at their indexed positions.
  using T = newsearch::PassageLayout::Term;
  std::vector<std::pair<std::uint32_t, std::string>> got;
  for (const T& t : layout->headline_terms) got.emplace_back(t.position, t.term);
  std::sort(got.begin(), got.end());
  CHECK(got ==
        std::vector<std::pair<std::uint32_t, std::string>>{
            {1, "cease"}, {1, "ceasefire"}, {2, "fire"}, {3, "talks"}, {4, "in"}, {5, "idlib"}});
  // Passage 1: Turkey and Russia agreed to a cease fire (8 words); passage 2
  // starts after the gap: Talks continue in Cavusoglu's office (5 words).
  CHECK(layout->words == std::vector<std::uint32_t>{8, 5});
  REQUIRE(layout->starts.size() == 2);
  CHECK(layout->starts[0] == 1);
  CHECK(layout->starts[1] == 8 + schema::kPassagePositionGap);
  const auto terms = terms_of(doc);
  CHECK(terms.at("talks").positions == Positions{layout->starts[1]});
  // Forms that differ from their stem, each once, sorted; "idlib" is its own stem.
  CHECK(std::is_sorted(variants.begin(), variants.end()));
  CHECK(std::count(variants.begin(), variants.end(),
                   std::pair<std::string, std::string>("ZENtalk", "talks")) == 1);
  CHECK(std::count(variants.begin(), variants.end(),
                   std::pair<std::string, std::string>("ZENceasefir", "ceasefire")) == 1);
  CHECK(std::none_of(variants.begin(), variants.end(),
                     [](const auto& v) { return v.second == "idlib"; }));
}

TEST_CASE("build_document: optional fields absent", "[indexer][document]") {
  Analyzer analyzer;
  SourceRecord a;
  a.id = "bare.txt";
  a.title = "Only a headline";
  a.hash = "ffff";
  const Xapian::Document doc = build_document(a, analyzer);
  const auto terms = terms_of(doc);
  CHECK(terms.count("Qbare.txt") == 1);
  CHECK(terms.count("Sheadline") == 1);
  for (const auto& [term, info] : terms) {
    CAPTURE(term);
    CHECK(term[0] != 'B');
    // No unprefixed (body) terms: every term starts with an upper-case prefix.
    CHECK((term[0] >= 'A' && term[0] <= 'Z'));
  }
  CHECK(doc.get_value(schema::kSlotDate).empty());
  CHECK(doc.get_value(schema::kSlotHash) == "ffff");
  const auto rec = newsearch::decode_stored_article(doc.get_data());
  CHECK(rec.body.empty());
  CHECK(rec.passages.empty());
  CHECK(rec.source.empty());
}

TEST_CASE("id_term: short ids are used as they are", "[indexer][document][id]") {
  CHECK(id_term("a.txt") == "Qa.txt");
  CHECK(id_term("world/2020/06/turkey.txt") == "Qworld/2020/06/turkey.txt");
  const std::string id199(199, 'x');
  CHECK(id_term(id199) == "Q" + id199);
}

TEST_CASE("id_term: long ids stay under Xapian's term limit and stay unique",
          "[indexer][document][id]") {
  const std::string common(64, 'p');
  const std::string a = common + std::string(236, 'a');
  const std::string b = common + std::string(236, 'b');
  REQUIRE(a.size() == 300);
  const std::string ta = id_term(a), tb = id_term(b);
  CHECK(ta.size() < 245);
  CHECK(tb.size() < 245);
  CHECK(ta.starts_with("Q"));
  CHECK(ta != tb);
  CHECK(id_term(a) == ta);  // deterministic
  // Same length and prefix, differing only in the last byte.
  std::string c = a;
  c.back() = 'z';
  CHECK(id_term(c) != ta);
  // Very long ids too.
  CHECK(id_term(std::string(10000, 'q')).size() < 245);
  CHECK(id_term(std::string(200, 'x')).size() < 245);
}

TEST_CASE("id_term: long ids can be stored in a Xapian database", "[indexer][document][id]") {
  Analyzer analyzer;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  SourceRecord a = sample_article();
  a.id = std::string(300, 'i');
  const std::string term = id_term(a.id);
  REQUIRE_NOTHROW(db.replace_document(term, build_document(a, analyzer)));
  CHECK(db.get_doccount() == 1);
  CHECK(db.get_termfreq(term) == 1);
  CHECK(newsearch::decode_stored_article(db.get_document(1).get_data()).id == a.id);
}

TEST_CASE("article_document: build_document with the root term and the source stamp",
          "[indexer][document]") {
  Analyzer analyzer;
  const SourceRecord a = sample_article();
  const Xapian::Document plain = build_document(a, analyzer);
  const Xapian::Document doc = newsearch::article_document(a, "/news", analyzer);
  // kSlotHash has one writer: the stamp of the content hash and the root.
  CHECK(doc.get_value(schema::kSlotHash) == newsearch::source_stamp(a.hash, "/news"));
  CHECK(doc.get_value(schema::kSlotHash) == a.hash + " /news");
  auto terms = terms_of(doc);
  CHECK(terms.count("R/news") == 1);
  terms.erase("R/news");
  CHECK(terms.size() == terms_of(plain).size());
  for (unsigned slot : {schema::kSlotDate, schema::kSlotShape, schema::kSlotLayout})
    CHECK(doc.get_value(slot) == plain.get_value(slot));
  CHECK(doc.get_data() == plain.get_data());
}

TEST_CASE("root_term and id_term: keys over kMaxTermKeyBytes are hashed", "[indexer][document]") {
  const std::string fits(schema::kMaxTermKeyBytes, 'r');
  CHECK(newsearch::root_term(fits) == "R" + fits);
  const std::string root = newsearch::root_term(fits + "r");
  CHECK(root.starts_with("R#"));
  CHECK(root.size() == 2 + 16);
  const std::string id(schema::kMaxTermKeyBytes, 'i');
  CHECK(id_term(id.substr(1)) == "Q" + id.substr(1));
  CHECK(id_term(id).starts_with("Q#"));
  CHECK(id_term(id).ends_with(":" + id.substr(0, 64)));
}
