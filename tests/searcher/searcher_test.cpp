#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <vector>

#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::Error;
using newsearch::ErrorCode;
using newsearch::Hit;
using newsearch::Searcher;
using newsearch::SearchOptions;
using newsearch::SearchResults;
using newsearch::Snippet;
using newsearch::test::corpus_dir;
using newsearch::test::read_file;
using newsearch::test::TempDir;

namespace {

const std::string k000 = "000_5705e6e54e992429.txt";
const std::string k001 = "001_70aead443b47b28a.txt";
const std::string k002 = "002_ff0e28e557756ce3.txt";
const std::string k003 = "003_7d69bd3c727acfb0.txt";
const std::string k004 = "004_5bffcb9475281529.txt";
const std::set<std::string> kAll = {k000, k001, k002, k003, k004};

newsearch::IndexStats index_into(const std::string& db, const std::vector<std::string>& sources) {
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = sources;
  return newsearch::run_indexer(opt);
}

// The corpus indexed once for the whole test executable.
const std::string& corpus_index() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "index";
    const auto stats = index_into(path, {corpus_dir()});
    REQUIRE(stats.added == 5);
    return path;
  }();
  return db;
}

Searcher open_corpus(const SearchOptions& opt = {}) { return Searcher::open(corpus_index(), opt); }

std::vector<std::string> ids(const SearchResults& r) {
  std::vector<std::string> out;
  for (const Hit& h : r.hits) out.push_back(h.id);
  return out;
}

std::set<std::string> id_set(const SearchResults& r) {
  const auto v = ids(r);
  return {v.begin(), v.end()};
}

const Hit* find_hit(const SearchResults& r, const std::string& id) {
  for (const Hit& h : r.hits)
    if (h.id == id) return &h;
  return nullptr;
}

std::vector<std::string> highlighted(const Snippet& s) {
  std::vector<std::string> out;
  for (const auto& h : s.highlights)
    out.push_back(s.text.substr(h.byte_begin, h.byte_end - h.byte_begin));
  return out;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool contains_ci(const std::string& text, const std::string& word) {
  return lower(text).find(lower(word)) != std::string::npos;
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Checks highlight offsets against the snippet text.
void check_snippet(const Snippet& s) {
  std::size_t prev_end = 0;
  for (const auto& h : s.highlights) {
    REQUIRE(h.byte_begin < h.byte_end);
    REQUIRE(h.byte_end <= s.text.size());
    CHECK(h.byte_begin >= prev_end);
    prev_end = h.byte_end;
    CHECK(h.char_begin == code_points(std::string_view(s.text).substr(0, h.byte_begin)));
    CHECK(h.char_end == code_points(std::string_view(s.text).substr(0, h.byte_end)));
  }
}

}  // namespace

TEST_CASE("\"Aguila Saleh\" finds article 003 and highlights both words", "[searcher]") {
  Searcher s = open_corpus();
  const SearchResults r = s.search("Aguila Saleh");
  REQUIRE_FALSE(r.hits.empty());
  const Hit& h = r.hits.front();
  CHECK(h.id == k003);
  CHECK(h.rank == 1);
  CHECK(h.all_terms);
  CHECK(r.hits.size() == 1);  // no other article has either word
  CHECK(r.indexed_articles == 5);
  REQUIRE_FALSE(h.passages.empty());
  const Snippet& sn = h.passages.front().snippet;
  INFO("snippet: " << sn.text);
  CHECK(sn.text.find("Aguila SALEH") != std::string::npos);
  const auto hl = highlighted(sn);
  REQUIRE(hl.size() >= 2);
  CHECK(hl[0] == "Aguila");
  CHECK(hl[1] == "SALEH");
  CHECK(h.passages.front().matched_terms == 2);
  check_snippet(sn);
  // SourceRecord fields.
  CHECK(h.title.starts_with(
      "Turkey and Russia have postponed"));  // derived: the first line is a caption
  CHECK(h.source_path.ends_with(k003));
  CHECK(h.score > 0.0);
}

TEST_CASE("the phrase \"Aguila Saleh\" highlights the whole phrase", "[searcher][phrase]") {
  Searcher s = open_corpus();
  const SearchResults r = s.search("\"Aguila Saleh\"");
  REQUIRE(ids(r) == std::vector<std::string>{k003});
  const auto hl = highlighted(r.hits[0].passages.at(0).snippet);
  CHECK(hl == std::vector<std::string>{"Aguila SALEH"});
  // Reversed order is not the phrase.
  CHECK(s.search("\"Saleh Aguila\"").hits.empty());
}

TEST_CASE("Shoigu in every spelling", "[searcher][fold]") {
  // In the corpus: 000 has "Shoigu" and "Shoygu", 001 and 002 "Shoigu",
  // 003 "SHOIGU", 004 "Shoigú".
  for (const auto& id : kAll) {
    const std::string text = read_file(corpus_dir() + "/" + id);
    INFO(id);
    const bool folded_shoigu =
        contains_ci(text, "shoigu") || text.find("Shoig\xC3\xBA") != std::string::npos;
    CHECK(folded_shoigu);
  }
  Searcher s = open_corpus();
  const SearchResults base = s.search("shoigu");
  CHECK(id_set(base) == kAll);
  for (const Hit& h : base.hits) CHECK(h.all_terms);
  for (const char* q : {"Shoigu", "SHOIGU", "Shoigú", "SHOIGÚ", "shoigú"}) {
    INFO("query " << q);
    CHECK(ids(s.search(q)) == ids(base));
  }
  // The highlighted surface forms are the article's own spellings.
  const Hit* h003 = find_hit(base, k003);
  const Hit* h004 = find_hit(base, k004);
  REQUIRE(h003);
  REQUIRE(h004);
  CHECK(highlighted(h003->passages.at(0).snippet) == std::vector<std::string>{"SHOIGU"});
  CHECK(highlighted(h004->passages.at(0).snippet) == std::vector<std::string>{"Shoigú"});
  check_snippet(h004->passages.at(0).snippet);
}

TEST_CASE("Shoygu is a different word: only article 000 spells it so", "[searcher][fold]") {
  Searcher s = open_corpus();
  const SearchResults r = s.search("Shoygu");
  CHECK(ids(r) == std::vector<std::string>{k000});
  REQUIRE(r.hits.size() == 1);
  CHECK(highlighted(r.hits[0].passages.at(0).snippet) == std::vector<std::string>{"Shoygu"});
}

TEST_CASE("Cavusoglu highlights Çavusoglu in 004", "[searcher][fold]") {
  Searcher s = open_corpus();
  for (const char* q : {"Cavusoglu", "ÇAVUŞOĞLU", "cavusoglu"}) {
    INFO("query " << q);
    const SearchResults r = s.search(q);
    CHECK(id_set(r) == kAll);
    const Hit* h = find_hit(r, k004);
    REQUIRE(h);
    const Snippet& sn = h->passages.at(0).snippet;
    INFO("snippet: " << sn.text);
    const auto hl = highlighted(sn);
    REQUIRE_FALSE(hl.empty());
    for (const auto& w : hl) CHECK(w == "Çavusoglu");
    check_snippet(sn);
    const Hit* h003 = find_hit(r, k003);
    REQUIRE(h003);
    CHECK(highlighted(h003->passages.at(0).snippet).at(0) == "CAVUSOGLU");
  }
}

TEST_CASE("Idlib ceasefire: passages with both words rank first", "[searcher][ranking]") {
  SearchOptions opt;
  opt.passages_per_article = 5;
  Searcher s = open_corpus(opt);
  const SearchResults r = s.search("Idlib ceasefire");
  // Idlib: 001 002 003; ceasefire or cease-fire: 001 002 003 004.
  REQUIRE(r.hits.size() == 4);
  std::set<std::string> all_terms_ids;
  for (const Hit& h : r.hits)
    if (h.all_terms) all_terms_ids.insert(h.id);
  CHECK(all_terms_ids == std::set<std::string>{k001, k002, k003});
  CHECK(r.hits.back().id == k004);
  CHECK_FALSE(r.hits.back().all_terms);

  // Hits are ordered by (all_terms, score of the best passage).
  using Key = std::tuple<bool, double>;
  std::vector<Key> keys;
  for (const Hit& h : r.hits) {
    REQUIRE_FALSE(h.passages.empty());
    CHECK(h.passages.size() <= 5);
    CHECK(h.score == Approx(h.passages.front().score));
    keys.emplace_back(h.all_terms, h.score);
  }
  CHECK(std::is_sorted(keys.begin(), keys.end(), std::greater<Key>()));

  for (const Hit& h : r.hits) {
    INFO("hit " << h.id);
    bool seen_one_word = false;
    double prev_score = 1e300;
    std::size_t prev_matched = 3;
    for (const auto& p : h.passages) {
      INFO("passage " << p.index << ": " << p.text);
      // matched_terms is what the passage really contains.
      const bool idlib = contains_ci(p.text, "idlib");
      const bool cf = contains_ci(p.text, "ceasefire") || contains_ci(p.text, "cease-fire");
      CHECK(p.matched_terms == std::size_t(idlib) + std::size_t(cf));
      CHECK(p.matched_terms >= 1);
      // Within an article, every two-word passage precedes every one-word one.
      if (p.matched_terms == 1) seen_one_word = true;
      if (p.matched_terms == 2) CHECK_FALSE(seen_one_word);
      if (p.matched_terms == prev_matched) CHECK(p.score <= prev_score);
      CHECK(p.matched_terms <= prev_matched);
      prev_matched = p.matched_terms;
      prev_score = p.score;
      // Passage text and offsets agree.
      CHECK(p.byte_end > p.byte_begin);
      check_snippet(p.snippet);
    }
    // Every passage of the article with both words is among those returned
    // (none has more than 5 such passages).
    std::size_t both_returned = 0;
    for (const auto& p : h.passages) both_returned += p.matched_terms == 2;
    if (h.all_terms) CHECK(both_returned >= 1);
  }
  // 002 and 003 each have a paragraph mentioning both Idlib and cease-fire/ceasefire.
  CHECK(find_hit(r, k002)->passages.front().matched_terms == 2);
  CHECK(find_hit(r, k003)->passages.front().matched_terms == 2);
}

TEST_CASE("ceasefire finds cease-fire and highlights it", "[searcher][compound]") {
  Searcher s = open_corpus();
  const SearchResults r = s.search("ceasefire");
  CHECK(id_set(r) == std::set<std::string>{k001, k002, k003, k004});
  for (const auto& id : {k002, k004}) {
    INFO(id);
    const Hit* h = find_hit(r, id);
    REQUIRE(h);
    const auto hl = highlighted(h->passages.at(0).snippet);
    REQUIRE_FALSE(hl.empty());
    for (const auto& w : hl) CHECK(w == "cease-fire");
    CHECK(h->passages.at(0).matched_terms == 1);
  }
  const Hit* h001 = find_hit(r, k001);
  REQUIRE(h001);
  CHECK(highlighted(h001->passages.at(0).snippet).at(0) == "ceasefire");
}

TEST_CASE("cease-fire finds ceasefire and highlights it", "[searcher][compound]") {
  Searcher s = open_corpus();
  const SearchResults r = s.search("cease-fire");
  CHECK(id_set(r) == std::set<std::string>{k001, k002, k003, k004});
  for (const auto& id : {k001, k003}) {  // these spell it "ceasefire"
    INFO(id);
    const Hit* h = find_hit(r, id);
    REQUIRE(h);
    const auto& p = h->passages.at(0);
    INFO("passage: " << p.text);
    CHECK(p.matched_terms == 1);
    const auto hl = highlighted(p.snippet);
    REQUIRE_FALSE(hl.empty());
    for (const auto& w : hl) CHECK(w == "ceasefire");
  }
}

TEST_CASE("exclusion: Libya -Haftar drops every article mentioning Haftar",
          "[searcher][exclusion]") {
  std::set<std::string> expected;
  for (const auto& id : kAll) {
    const std::string text = read_file(corpus_dir() + "/" + id);
    if (contains_ci(text, "libya") && !contains_ci(text, "haftar")) expected.insert(id);
  }
  REQUIRE(expected == std::set<std::string>{k003});  // only 003 never names Haftar
  Searcher s = open_corpus();
  CHECK(id_set(s.search("Libya -Haftar")) == expected);
  CHECK(id_set(s.search("Libya NOT Haftar")) == expected);
  CHECK(id_set(s.search("Libya")) == kAll);
  // Excluding a phrase only drops articles with the phrase.
  CHECK(id_set(s.search("Libya -\"Khalifa Haftar\"")) == std::set<std::string>{k003});
  // Only 001's photo caption has the phrase "Haftar's militias", and a
  // caption is not article text (issue 17).
  CHECK(id_set(s.search("Libya -\"Haftar's militias\"")) == kAll);
  CHECK(s.search("\"Haftar's militias\"").hits.empty());
  CHECK(id_set(s.search("Libya -\"Khalifa Haftar\" -Shoigu")).empty());
  CHECK(s.search("Haftar -Libya").hits.empty());
}

TEST_CASE("operators select the documented article sets", "[searcher][operators]") {
  Searcher s = open_corpus();
  CHECK(id_set(s.search("Idlib AND Haftar")) == std::set<std::string>{k001, k002});
  CHECK(id_set(s.search("Aguila OR Shoygu")) == std::set<std::string>{k000, k003});
  CHECK(id_set(s.search("Idlib NOT Haftar")) == std::set<std::string>{k003});
  CHECK(id_set(s.search("Idlib AND (Aguila OR Shoygu)")) == std::set<std::string>{k003});
}

TEST_CASE("title: matches the headline only", "[searcher][title]") {
  Searcher s = open_corpus();
  // No headline says ceasefire, four bodies do.
  CHECK(s.search("title:ceasefire").hits.empty());
  CHECK(s.search("ceasefire").hits.size() == 4);
  // Headlines with "postpone": 001 and 002; every body says it.
  const SearchResults t = s.search("title:postpone");
  CHECK(id_set(t) == std::set<std::string>{k001, k002});
  CHECK(id_set(s.search("postpone")) == kAll);
  for (const Hit& h : t.hits) {
    INFO(h.id);
    CHECK(contains_ci(h.title, "postpone"));
  }
  CHECK(id_set(s.search("title:\"peace plan\"")) == std::set<std::string>{k004});
  // 000's and 003's first lines are photo captions naming "Russian Foreign
  // Minister" Lavrov (issue 17): not headlines. Their titles are derived
  // from the first sentence, shown but not matched as headlines.
  CHECK(s.search("title:\"Russian Foreign Minister\"").hits.empty());
  CHECK(s.search("title:Dhabi").hits.empty());
  CHECK(id_set(s.search("Dhabi")) == std::set<std::string>{k000});
}

TEST_CASE("limit, passages_per_article and snippet_chars are respected", "[searcher][options]") {
  Searcher s = open_corpus();
  for (std::size_t limit : {1u, 2u, 3u, 10u}) {
    SearchOptions opt;
    opt.limit = limit;
    const SearchResults r = s.search("Shoigu", opt);
    INFO("limit " << limit);
    CHECK(r.hits.size() == std::min<std::size_t>(limit, 5));
    for (std::size_t i = 0; i < r.hits.size(); ++i) CHECK(r.hits[i].rank == i + 1);
  }
  for (std::size_t per : {1u, 2u, 3u}) {
    SearchOptions opt;
    opt.passages_per_article = per;
    const SearchResults r = s.search("Russia Turkey", opt);
    INFO("passages " << per);
    REQUIRE_FALSE(r.hits.empty());
    std::size_t most = 0;
    for (const Hit& h : r.hits) {
      CHECK(h.passages.size() <= per);
      CHECK_FALSE(h.passages.empty());
      most = std::max(most, h.passages.size());
      std::set<std::size_t> idx;
      for (const auto& p : h.passages) idx.insert(p.index);
      CHECK(idx.size() == h.passages.size());  // distinct passages
    }
    CHECK(most == per);  // every article here has at least 3 matching passages
  }
  SearchOptions opt;
  opt.snippet_chars = 40;
  opt.passages_per_article = 3;
  for (const Hit& h : s.search("Libya", opt).hits)
    for (const auto& p : h.passages) {
      std::string_view t = p.snippet.text;
      if (t.starts_with("\xE2\x80\xA6")) t.remove_prefix(3);
      if (t.ends_with("\xE2\x80\xA6")) t.remove_suffix(3);
      CHECK(code_points(t) <= 40);
      check_snippet(p.snippet);
    }
  SearchOptions zero;
  zero.limit = 0;
  try {
    s.search("Libya", zero);
    FAIL("limit 0 accepted");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kInvalidArgument);
  }
}

TEST_CASE("passage text and offsets match the article body", "[searcher]") {
  SearchOptions opt;
  opt.passages_per_article = 3;
  Searcher s = open_corpus(opt);
  for (const Hit& h : s.search("Idlib").hits) {
    const std::string file = read_file(corpus_dir() + "/" + h.id);
    for (const auto& p : h.passages) {
      INFO(h.id << " passage " << p.index);
      CHECK(p.byte_end - p.byte_begin == p.text.size());
      // Passages are paragraphs of the file (lines joined with spaces).
      CHECK(contains_ci(p.text, "idlib"));
      CHECK(file.find(p.text.substr(0, 30)) != std::string::npos);
    }
  }
}

TEST_CASE("query errors surface as kQuerySyntax", "[searcher][errors]") {
  Searcher s = open_corpus();
  for (const char* q : {"", "   ", "\"Aguila", "(Libya", "AND", "foo OR", "-Haftar", "!!!"}) {
    INFO("query '" << q << "'");
    try {
      s.search(q);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kQuerySyntax);
    }
  }
  // The searcher stays usable after an error.
  CHECK(s.search("Libya").hits.size() == 5);
}

TEST_CASE("no match gives empty results, not an error", "[searcher]") {
  Searcher s = open_corpus();
  const SearchResults r = s.search("zzyzxquux");
  CHECK(r.hits.empty());
  CHECK(r.indexed_articles == 5);
  CHECK(s.article_count() == 5);
}

TEST_CASE("results are deterministic", "[searcher]") {
  SearchOptions opt;
  opt.passages_per_article = 3;
  Searcher a = open_corpus(opt);
  Searcher b = open_corpus(opt);
  for (const char* q : {"Idlib ceasefire", "Shoigu", "Libya Turkey Russia"}) {
    INFO(q);
    const SearchResults r1 = a.search(q), r2 = a.search(q), r3 = b.search(q);
    for (const SearchResults* other : {&r2, &r3}) {
      REQUIRE(other->hits.size() == r1.hits.size());
      for (std::size_t i = 0; i < r1.hits.size(); ++i) {
        const Hit &x = r1.hits[i], &y = other->hits[i];
        CHECK(x.id == y.id);
        CHECK(x.score == y.score);
        REQUIRE(x.passages.size() == y.passages.size());
        for (std::size_t j = 0; j < x.passages.size(); ++j) {
          CHECK(x.passages[j].index == y.passages[j].index);
          CHECK(x.passages[j].snippet.text == y.passages[j].snippet.text);
          CHECK(x.passages[j].snippet.highlights.size() == y.passages[j].snippet.highlights.size());
        }
      }
    }
  }
}

TEST_CASE("Searcher::open errors", "[searcher][errors]") {
  TempDir tmp;
  SECTION("missing path is kNotFound and names the path") {
    const std::string missing = tmp / "no-such-index";
    try {
      Searcher::open(missing);
      FAIL("opened a missing index");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kNotFound);
      CHECK(std::string(e.what()).find(missing) != std::string::npos);
    }
  }
  SECTION("an empty directory is not an index") {
    const std::string dir = tmp / "empty";
    fs::create_directories(dir);
    CHECK_THROWS_AS(Searcher::open(dir), Error);
  }
  SECTION("a directory of unrelated files is not an index") {
    tmp.write("notes/readme.txt", "hello\n");
    CHECK_THROWS_AS(Searcher::open(tmp / "notes"), Error);
  }
  SECTION("a plain file is not an index") {
    const std::string f = tmp.write("file.txt", "hello\n");
    CHECK_THROWS_AS(Searcher::open(f), Error);
  }
}

TEST_CASE("searching while the index is being rewritten never throws", "[searcher][concurrency]") {
  TempDir tmp;
  const std::string db = tmp / "index";
  const std::string src = tmp / "src";
  fs::create_directories(src);
  for (const auto& id : kAll) fs::copy_file(corpus_dir() + "/" + id, src + "/" + id);
  REQUIRE(index_into(db, {src}).added == 5);

  Searcher searcher = Searcher::open(db);
  std::atomic<bool> done{false};
  std::exception_ptr writer_error;
  constexpr int kRounds = 15;
  std::thread writer([&] {
    try {
      for (int round = 0; round < kRounds; ++round) {
        // Change every article (so each is replaced) and add a new one.
        for (const auto& id : kAll) {
          std::string text = read_file(corpus_dir() + "/" + id);
          text += "\n\nUpdate " + std::to_string(round) + " about Libya.\n";
          std::ofstream(src + "/" + id, std::ios::binary) << text;
        }
        std::ofstream(src + "/extra_" + std::to_string(round) + ".txt")
            << "Extra article " << round << "\n\nShoigu and Lavrov discussed Libya again.\n";
        newsearch::IndexerOptions opt;
        opt.db_path = db;
        opt.sources = {src};
        opt.batch_size = 1;  // many commits
        newsearch::run_indexer(opt);
      }
    } catch (...) {
      writer_error = std::current_exception();
    }
    done = true;
  });

  int searches = 0;
  std::size_t min_hits = 1000;
  bool threw = false;
  std::string error;
  while (!done || searches < 5) {
    try {
      const SearchResults r = searcher.search("Shoigu Libya");
      min_hits = std::min(min_hits, r.hits.size());
      searcher.reopen();
      ++searches;
    } catch (const std::exception& e) {
      threw = true;
      error = e.what();
      break;
    }
  }
  writer.join();
  if (writer_error) std::rethrow_exception(writer_error);
  INFO("error: " << error);
  CHECK_FALSE(threw);
  CHECK(searches >= 5);
  CHECK(min_hits >= 5);  // every committed state holds the five corpus articles
  SearchOptions all;
  all.limit = 100;
  // The long-lived searcher catches up with the final state...
  CHECK_NOTHROW(searcher.reopen());
  CHECK_NOTHROW(searcher.search("Shoigu", all));
  // ... and so does a fresh one.
  Searcher fresh = Searcher::open(db);
  CHECK(fresh.article_count() == 5 + kRounds);
  CHECK(fresh.search("Shoigu", all).hits.size() == 5 + kRounds);
}

TEST_CASE("one Searcher used from several threads", "[searcher][concurrency]") {
  Searcher s = open_corpus();
  const std::vector<std::string> expected = ids(s.search("Idlib ceasefire"));
  std::atomic<int> mismatches{0}, errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        try {
          if (ids(s.search("Idlib ceasefire")) != expected) ++mismatches;
        } catch (...) {
          ++errors;
        }
      }
    });
  for (auto& th : threads) th.join();
  CHECK(errors == 0);
  CHECK(mismatches == 0);
}
