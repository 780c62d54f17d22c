// LeafMatch (searcher/leaf_match.h): what a plain word, a quoted word, a
// phrase, a hyphenated word and a title: leaf match, in the index (Xapian
// terms, forms, idf) and in analysed text. evidence_test.cpp checks that the
// two sides agree on real articles.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "newsearch/analyzer.h"
#include "searcher/leaf_match.h"
#include "searcher/query_parser.h"
#include "tests/searcher/small_index.h"

using newsearch::Analyzer;
using newsearch::LeafMatch;
using newsearch::MatchField;
using newsearch::QueryNode;
using Strings = std::vector<std::string>;

namespace {

// The only leaf of a one-leaf query.
const newsearch::QueryLeaf& leaf_of(const QueryNode& root) {
  REQUIRE(root.op == QueryNode::Op::kLeaf);
  return root.leaf;
}

// The text matched by @p m in @p text.
Strings found(Analyzer& an, const LeafMatch& m, std::string_view text,
              MatchField field = MatchField::kBody) {
  const std::vector<newsearch::Token> tokens = an.analyze(text);
  std::vector<const newsearch::Token*> words;
  for (const auto& t : tokens)
    if (!t.joined) words.push_back(&t);
  Strings out;
  for (auto [b, e] : m.find(tokens, words, field, "en")) out.emplace_back(text.substr(b, e - b));
  return out;
}

std::string query_of(const LeafMatch& m, MatchField field) {
  return m.query(field).get_description();
}

// Three articles: "talks" and "talk" in bodies, a headline with "ceasefire",
// bodies with "cease-fire" and "ceasefire".
struct TestIndex : newsearch::test::SmallIndex {
  TestIndex()
      : SmallIndex({{"a1", "Ceasefire holds", "The talks went on. A cease-fire was agreed."},
                    {"a2", "Markets", "One talk, many talking points. The ceasefire failed."},
                    {"a3", "Weather", "Rain and sun."}}) {}

  // The match of a one-leaf query, with its forms in the index.
  LeafMatch match(const std::string& query) {
    const QueryNode root = newsearch::parse_query(query, an);
    return LeafMatch(leaf_of(root), db, an);
  }
};

// The terms of @p forms, in order.
Strings terms_of(const std::vector<newsearch::Form>& forms) {
  Strings out;
  for (const auto& f : forms) out.push_back(f.term);
  return out;
}

// The idf of a leaf in @p n of the 3 articles.
double idf_in(double n) { return std::log(1.0 + (3 - n + 0.5) / (n + 0.5)); }

}  // namespace

TEST_CASE("LeafMatch of a plain word: its stem, every form of it", "[searcher][leaf_match]") {
  TestIndex ix;
  const LeafMatch m = ix.match("talks");
  CHECK(query_of(m, MatchField::kBody) == "Query(ZENtalk)");
  CHECK(query_of(m, MatchField::kHeadline) == "Query(ZSENtalk)");
  CHECK(found(ix.an, m, "Talk, talks and talking.") == Strings{"Talk", "talks", "talking"});
  Strings forms = terms_of(m.forms(MatchField::kBody).words);
  std::sort(forms.begin(), forms.end());
  CHECK(forms == Strings{"talk", "talking", "talks"});
  CHECK(m.forms(MatchField::kHeadline).empty());  // no headline has the word
  CHECK(m.forms(MatchField::kBody).phrase.empty());
  // In 2 of 3 articles.
  CHECK(m.idf(ix.db) == Approx(idf_in(2)));
}

TEST_CASE("LeafMatch of a quoted word: the unstemmed term only", "[searcher][leaf_match]") {
  TestIndex ix;
  const LeafMatch m = ix.match("\"talks\"");
  CHECK(query_of(m, MatchField::kBody) == "Query(talks)");
  CHECK(query_of(m, MatchField::kHeadline) == "Query(Stalks)");
  CHECK(found(ix.an, m, "Talk, talks and talking.") == Strings{"talks"});
  CHECK(terms_of(m.forms(MatchField::kBody).words) == Strings{"talks"});
  CHECK(m.idf(ix.db) == Approx(idf_in(1)));
}

TEST_CASE("LeafMatch of a phrase: its terms in order", "[searcher][leaf_match]") {
  TestIndex ix;
  const LeafMatch m = ix.match("\"ceasefire failed\"");
  CHECK(query_of(m, MatchField::kBody) == "Query((ceasefire PHRASE 2 failed))");
  CHECK(query_of(m, MatchField::kHeadline) == "Query((Sceasefire PHRASE 2 Sfailed))");
  CHECK(found(ix.an, m, "The ceasefire failed; failed ceasefire.") == Strings{"ceasefire failed"});
  CHECK(m.forms(MatchField::kBody).words.empty());
  CHECK(m.forms(MatchField::kBody).phrase == Strings{"ceasefire", "failed"});
}

TEST_CASE("LeafMatch of a hyphenated word: the phrase or the joined form, once",
          "[searcher][leaf_match]") {
  TestIndex ix;
  const LeafMatch m = ix.match("cease-fire");
  CHECK(query_of(m, MatchField::kBody) == "Query(((cease PHRASE 2 fire) OR ZENceasefir))");
  // "cease-fire" holds the phrase and the joined form at one position: one match.
  CHECK(found(ix.an, m, "A cease-fire, a ceasefire, a cease fire.") ==
        Strings{"cease-fire", "ceasefire", "cease fire"});
  CHECK(m.forms(MatchField::kBody).phrase == Strings{"cease", "fire"});
  CHECK(terms_of(m.forms(MatchField::kBody).words) == Strings{"ceasefire"});
  CHECK(terms_of(m.forms(MatchField::kHeadline).words) == Strings{"ceasefire"});
  // The positions of one article: the phrase at 5 and the joined form at 5
  // are one match.
  const LeafMatch::Lookup lookup = [](const std::string& form, std::vector<Xapian::termpos>& out) {
    if (form == "cease" || form == "ceasefire") out.push_back(5);
    if (form == "fire") out.push_back(6);
  };
  CHECK(m.positions(MatchField::kBody, "en", lookup) == std::vector<Xapian::termpos>{5});
  // The joined form in 2 of 3 articles (commoner than the phrase's words).
  CHECK(m.idf(ix.db) == Approx(idf_in(2)));
}

TEST_CASE("LeafMatch of a title: word: the headline only", "[searcher][leaf_match]") {
  TestIndex ix;
  const LeafMatch m = ix.match("title:ceasefire");
  CHECK_FALSE(m.applies_to(MatchField::kBody));
  CHECK(m.applies_to(MatchField::kHeadline));
  CHECK(found(ix.an, m, "Ceasefire holds").empty());
  CHECK(found(ix.an, m, "Ceasefire holds", MatchField::kHeadline) == Strings{"Ceasefire"});
  CHECK(m.forms(MatchField::kBody).empty());
  CHECK(terms_of(m.forms(MatchField::kHeadline).words) == Strings{"ceasefire"});
  CHECK(query_of(m, MatchField::kHeadline) == "Query(ZSENceasefir)");
}

TEST_CASE("LeafMatch without an index, and for a feedback stem", "[searcher][leaf_match]") {
  Analyzer an;
  const QueryNode root = newsearch::parse_query("talks -rain", an);
  const newsearch::LeafMatches matches(root);
  const LeafMatch& talks = matches.of(root.children[0].leaf);
  CHECK(talks.forms(MatchField::kBody).empty());  // no forms without a database
  CHECK(found(an, talks, "talk") == Strings{"talk"});
  CHECK(query_of(matches.of(root.children[1].leaf), MatchField::kBody) == "Query(ZENrain)");
  CHECK(query_of(LeafMatch::of_stem("en", "talk"), MatchField::kHeadline) == "Query(ZSENtalk)");
}
