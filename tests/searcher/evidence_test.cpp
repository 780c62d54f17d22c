// EvidenceReader (term frequencies and lengths from stored positions and the
// passage layout) must agree exactly with PassageRanker::examine (the same
// numbers from analysing the text), on real articles and queries made of
// their own words: single words, quoted words and phrases, title: words and
// hyphenated compounds, in every script of the multilingual sample.
#include <catch2/catch.hpp>

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/jsonl_reader.h"
#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "newsearch/indexer.h"
#include "searcher/evidence.h"
#include "searcher/format/stored_article.h"
#include "searcher/leaf_match.h"
#include "searcher/passage_ranker.h"
#include "searcher/query_parser.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::Analyzer;
using newsearch::PassageEvidence;
using newsearch::PassageRanker;
using newsearch::Token;
using newsearch::test::TempDir;

namespace {

// Articles with the cases that bite: compounds, possessives, accents,
// digits, stems that are not their own stem, repeats, a phrase across a
// passage break, and an empty-ish passage.
constexpr const char* kTricky =
    "Cease-fire holds as al-Sisi's envoy meets \xC3\x87"
    "avu\xC5\x9Fo\xC4\x9Flu\n\n"
    "The ceasefire, a cease-fire in all but name, held. Ceasefires rarely hold; "
    "cease fire orders were given. General generals generally generate generous generations.\n\n"
    "Shoigu, SHOIGU and Shoig\xC3\xBA met in 2020 with 1,000 troops. U.S. officials said "
    "the universal university universe was universally united.\n\n"
    "***\n\n"
    "held the ceasefire held the ceasefire held.\n\n"
    "Over-eating is over, said the overeaters.\n";

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char ch : s) h = (h ^ ch) * 16777619u;
  return h;
}

std::string surface(const std::string& text, const Token& t) {
  return text.substr(t.byte_begin, t.byte_end - t.byte_begin);
}

// Queries made from the words of @p text (every k-th word).
void add_queries(Analyzer& an, const std::string& text, bool headline,
                 std::vector<std::string>& out) {
  const std::vector<Token> tokens = an.analyze(text);
  for (std::size_t i = 0; i < tokens.size(); i += 5) {
    const Token& t = tokens[i];
    const std::string w = surface(text, t);
    if (t.joined) {
      out.push_back(w);  // the compound as typed: "cease-fire"
      out.push_back("\"" + w + "\"");
      continue;
    }
    out.push_back(w);
    out.push_back("\"" + w + "\"");
    if (headline) out.push_back("title:" + w);
    if (i + 1 < tokens.size() && !tokens[i + 1].joined)
      out.push_back("\"" + w + " " + surface(text, tokens[i + 1]) + "\"");
    if (i + 2 < tokens.size()) out.push_back(w + " " + surface(text, tokens[i + 2]));
  }
}

std::string describe(const PassageEvidence& a, const PassageEvidence& b) {
  std::ostringstream s;
  s << "length " << a.length << " vs " << b.length << ", tf";
  for (std::size_t i = 0; i < a.tf.size(); ++i)
    s << " " << a.tf[i] << "/" << (i < b.tf.size() ? b.tf[i] : 999);
  return s.str();
}

bool same(const PassageEvidence& a, const PassageEvidence& b) {
  return a.length == b.length && a.tf == b.tf;
}

struct Checker {
  explicit Checker(const std::string& index) : db(index) {}
  Xapian::Database db;
  Analyzer an;
  std::size_t compared = 0, mismatches = 0;
  std::string first_mismatch;

  void mismatch(const std::string& what) {
    if (mismatches++ == 0) first_mismatch = what;
  }

  // Compares the evidence of @p query on article @p did both ways.
  void check(const std::string& query, Xapian::docid did) {
    newsearch::QueryNode root;
    try {
      root = newsearch::parse_query(query, an);
    } catch (const newsearch::Error&) {
      return;  // e.g. a lone stopword: nothing to search for
    }
    const newsearch::LeafMatches matches(root, db, an);
    std::vector<newsearch::Concept> concepts;
    for (const auto* leaf : newsearch::positive_leaves(root))
      concepts.push_back({&matches.of(*leaf), 1.0});
    const PassageRanker ranker(std::move(concepts));
    const newsearch::EvidenceReader reader(db, ranker.concepts());
    const newsearch::ArticleEvidence stored = reader.read(did);
    // The same with prefetch(), which skips the lookups of forms the
    // article lacks (here among its neighbours, as among candidates).
    newsearch::EvidenceReader prefetched(db, ranker.concepts());
    prefetched.prefetch({did + 1, did, did > 1 ? did - 1 : did});
    const newsearch::ArticleEvidence fast = prefetched.read(did);
    const auto article = newsearch::decode_stored_article(db.get_document(did).get_data());
    const std::string where = "query [" + query + "] article " + article.id;
    ++compared;
    bool agree =
        same(fast.headline, stored.headline) && fast.passages.size() == stored.passages.size();
    for (std::size_t i = 0; agree && i < stored.passages.size(); ++i)
      agree = same(fast.passages[i], stored.passages[i]);
    if (!agree) return mismatch(where + ": evidence differs after prefetch()");
    const PassageEvidence head =
        ranker.examine(an, article.title, article.lang, PassageRanker::Field::kHeadline);
    if (!same(stored.headline, head))
      return mismatch(where + " headline: " + describe(stored.headline, head));
    if (stored.passages.size() != article.passages.size())
      return mismatch(where + ": passage count");
    for (std::size_t i = 0; i < article.passages.size(); ++i) {
      const auto [b, e] = article.passages[i];
      const PassageEvidence text =
          ranker.examine(an, std::string_view(article.body).substr(b, e - b), article.lang);
      if (!same(stored.passages[i], text))
        return mismatch(where + " passage " + std::to_string(i) + ": " +
                        describe(stored.passages[i], text));
    }
  }
};

// The first @p n lines of a gzip JSON Lines file, as a plain .jsonl file.
void head_jsonl(const std::string& from, const std::string& to, std::size_t n) {
  newsearch::JsonlReader reader(from, 1u << 24);
  std::ofstream out(to);
  std::string line;
  for (std::size_t i = 0; i < n && reader.next_line(line); ++i) out << line << "\n";
}

// Every word of the tricky article, and its compounds and phrases.
void check_tricky(Checker& c) {
  const std::string id_term = "Qtricky.txt";
  REQUIRE(c.db.get_termfreq(id_term) == 1);
  const Xapian::docid did = *c.db.postlist_begin(id_term);
  const auto article = newsearch::decode_stored_article(c.db.get_document(did).get_data());
  std::vector<std::string> queries;
  add_queries(c.an, article.title, true, queries);
  for (const Token& tok : c.an.analyze(article.body)) queries.push_back(surface(article.body, tok));
  for (const char* q : {"\"ceasefire held\"", "cease-fire", "\"cease fire\"", "universe",
                        "generous", "\"held the ceasefire\"", "Shoigu", "cavusoglu", "sisi", "1000",
                        "over", "overeating", "over-eating"})
    queries.push_back(q);
  for (const auto& q : queries) c.check(q, did);
}

}  // namespace

TEST_CASE("passage evidence from stored positions equals evidence from the text",
          "[searcher][evidence]") {
  TempDir t;
  t.write("src/tricky.txt", kTricky);
  fs::copy(newsearch::test::corpus_dir(), t / "src/corpus", fs::copy_options::recursive);
  const std::string shared = newsearch::test::shared_data_dir();
  if (!shared.empty()) {
    fs::copy_file(shared + "/bbc-news-2004-2005/articles.jsonl.gz", t / "src/bbc.jsonl.gz");
    head_jsonl(shared + "/multilingual-news/articles.jsonl.gz", t / "src/multi.jsonl", 800);
  } else {
    WARN("../shared/data is absent: only corpus/ and the tricky article are checked");
  }
  newsearch::IndexerOptions io;
  io.db_path = t / "index";
  io.sources = {t / "src"};
  io.threads = 2;  // shards merged by compaction: their variants must merge too
  io.parallel_min_bytes = 0;
  const auto stats = newsearch::run_indexer(io);
  // corpus/ and the tricky article, and the real corpora where present.
  REQUIRE(stats.articles >= (shared.empty() ? 6u : 800u));

  Checker c(io.db_path);
  const Xapian::doccount last = c.db.get_lastdocid();
  for (Xapian::docid did = 1; did <= last; ++did) {
    // The same articles every run, wherever the parallel build put them.
    const auto article = newsearch::decode_stored_article(c.db.get_document(did).get_data());
    if (fnv1a(article.id) % 31 != 0) continue;
    std::vector<std::string> queries;
    add_queries(c.an, article.title, true, queries);
    add_queries(c.an, article.body.substr(0, 1500), false, queries);
    for (const auto& q : queries) {
      c.check(q, did);
      if (did + 1 <= last) c.check(q, did + 1);  // mostly absent words: zeros must agree
    }
  }
  check_tricky(c);
  INFO(c.compared << " comparisons; first mismatch: " << c.first_mismatch);
  CHECK(c.compared > (shared.empty() ? 50u : 300u));
  CHECK(c.mismatches == 0);
}

TEST_CASE("passage evidence from positions: an index written article by article",
          "[searcher][evidence]") {
  TempDir t;
  t.write("src/tricky.txt", kTricky);
  newsearch::IndexerOptions io;
  io.db_path = t / "index";
  io.sources = {t / "src"};
  io.threads = 1;  // the incremental writer's path (IndexStore::put)
  REQUIRE(newsearch::run_indexer(io).articles == 1);
  Checker c(io.db_path);
  check_tricky(c);
  INFO(c.compared << " comparisons; first mismatch: " << c.first_mismatch);
  CHECK(c.compared > 50);
  CHECK(c.mismatches == 0);
}
