// Template lines (indexer/template_lines.h): the unit, and the repeated-line
// learner across real runs of run_indexer() on .txt SOURCE directories and
// on JSON Lines with "source" fields, checked through the Searcher and the
// stored records.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "indexer/index_store.h"
#include "indexer/template_lines.h"
#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "searcher/format/index_schema.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::LineClass;
using newsearch::TemplateLines;
using newsearch::test::TempDir;

namespace {

constexpr unsigned kMin = newsearch::schema::kMinTemplateArticles;

std::string words(std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += (i ? " w" : "w") + std::to_string(i);
  return s;
}

}  // namespace

TEST_CASE("TemplateLines::term: which lines are counted, and where", "[indexer][templates]") {
  const std::string line = "Support independent journalism in the city by becoming a member.";
  SECTION("an XL term for a line of up to kMaxTemplateLineWords words") {
    const std::string t = TemplateLines::term("src", line);
    CHECK(t.starts_with("XL"));
    CHECK(t.size() > 2);
    CHECK_FALSE(
        TemplateLines::term("src", words(newsearch::schema::kMaxTemplateLineWords)).empty());
  }
  SECTION("\"\" for a longer line or one without letters or digits") {
    CHECK(TemplateLines::term("src", words(newsearch::schema::kMaxTemplateLineWords + 1)).empty());
    CHECK(TemplateLines::term("src", "").empty());
    CHECK(TemplateLines::term("src", "--- \xE2\x80\xA6 \xC2\xBB ***").empty());
  }
  SECTION("the same line in two sources gives two terms") {
    CHECK(TemplateLines::term("a", line) != TemplateLines::term("b", line));
    CHECK(TemplateLines::term("a", line) == TemplateLines::term("a", line));
  }
  SECTION("case and trailing decoration do not matter (pattern_key)") {
    CHECK(TemplateLines::term("s", "Read Our Newsletter \xC2\xBB") ==
          TemplateLines::term("s", "read our newsletter"));
    CHECK(TemplateLines::term("s", "MORE FROM THE CITY...") ==
          TemplateLines::term("s", "more from the city"));
    CHECK(TemplateLines::term("s", "more from the city") !=
          TemplateLines::term("s", "more from the town"));
  }
}

TEST_CASE("TemplateLines: counting, threshold, take_due(), freeze()", "[indexer][templates]") {
  const std::string t = TemplateLines::term("src", "The footer line of every page.");
  const std::string u = TemplateLines::term("src", "Another line of the page.");
  std::map<std::string, int> asked;
  // An index in which every term is held by @p indexed articles, old0, old1, ...
  auto make = [&](std::uint32_t indexed) {
    TemplateLines::Index index;
    index.count = [&asked, indexed](const std::string& term) {
      ++asked[term];
      return indexed;
    };
    index.holders = [indexed](const std::string&) {
      std::vector<std::string> ids;
      for (std::uint32_t i = 0; i < indexed; ++i) ids.push_back("old" + std::to_string(i));
      return ids;
    };
    return TemplateLines(index);
  };
  auto due = [](TemplateLines& lines) {
    auto ids = lines.take_due();
    std::sort(ids.begin(), ids.end());
    return ids;
  };

  SECTION("learn() returns the distinct terms in first-seen order, empty ones left out") {
    TemplateLines lines = make(0);
    CHECK(lines.learn({u, "", t, u, t}, "a") == std::vector<std::string>{u, t});
  }
  SECTION("each distinct term counts once per article; a template line at kMinTemplateArticles") {
    TemplateLines lines = make(0);
    for (unsigned i = 1; i < kMin; ++i) {
      lines.learn({t, t, t}, "a" + std::to_string(i));  // three times in one article: once
      CHECK_FALSE(lines.is_template(t));
    }
    lines.learn({t}, "last");
    CHECK(lines.is_template(t));
    CHECK_FALSE(lines.is_template(u));
    CHECK(asked[t] == 1);  // the index is asked once per term
  }
  SECTION("take_due() in one run: the articles read while the line was below the threshold") {
    TemplateLines lines = make(0);
    for (unsigned i = 0; i < kMin + 2; ++i) lines.learn({t, u}, "a" + std::to_string(i));
    std::vector<std::string> early;
    for (unsigned i = 0; i + 1 < kMin; ++i) early.push_back("a" + std::to_string(i));
    CHECK(due(lines) == early);       // each once, not the ones read with it as a template line
    CHECK(lines.take_due().empty());  // taken
    TemplateLines below = make(0);
    for (unsigned i = 1; i < kMin; ++i) below.learn({t}, "a" + std::to_string(i));
    CHECK(below.take_due().empty());
  }
  SECTION("take_due() across runs: the index's holders and this run's add up") {
    TemplateLines lines = make(kMin - 3);
    lines.learn({t}, "new1");
    lines.learn({t}, "new2");
    CHECK_FALSE(lines.is_template(t));  // kMin - 1
    CHECK(lines.take_due().empty());
    lines.learn({t}, "new3");
    CHECK(lines.is_template(t));
    std::vector<std::string> want = {"new1", "new2"};
    for (unsigned i = 0; i < kMin - 3; ++i) want.push_back("old" + std::to_string(i));
    std::sort(want.begin(), want.end());
    CHECK(due(lines) == want);  // new3 was read with it as a template line
  }
  SECTION("take_due(): kMinTemplateArticles - 1 in the index, one more in the run") {
    // Regression (found by this test): the index's kMin - 1 articles were
    // read with the line as text, so they are revised like any other.
    TemplateLines known = make(kMin - 1);
    known.learn({t}, "new");
    CHECK(known.is_template(t));
    std::vector<std::string> want;
    for (unsigned i = 0; i + 1 < kMin; ++i) want.push_back("old" + std::to_string(i));
    CHECK(due(known) == want);
  }
  SECTION("take_due(): already a template line in the index, nothing to revise") {
    TemplateLines old = make(kMin);
    old.learn({t}, "new");
    CHECK(old.is_template(t));
    CHECK(old.take_due().empty());
  }
  SECTION("freeze(): learn() still returns the terms but counts nothing") {
    TemplateLines lines = make(0);
    for (unsigned i = 1; i < kMin; ++i) lines.learn({t}, "a" + std::to_string(i));
    lines.freeze();
    for (int i = 0; i < 10; ++i)
      CHECK(lines.learn({t, u, t}, "b" + std::to_string(i)) == std::vector<std::string>{t, u});
    CHECK_FALSE(lines.is_template(t));
    CHECK_FALSE(lines.is_template(u));
  }
  SECTION("no index (indexer --print): counts start at 0") {
    TemplateLines lines(TemplateLines::Index{});
    for (unsigned i = 0; i < kMin; ++i) lines.learn({t}, "a" + std::to_string(i));
    CHECK(lines.is_template(t));
  }
}

namespace {

// A page of source @p n: its own headline and paragraphs, the shared @p extra
// paragraph (if any) at the end.
std::string page(int n, const std::string& extra) {
  const std::string k = std::to_string(n);
  std::string s = "Council Debates Plan Number " + k + " For The Harbour\n\n" +
                  "The city council met on Tuesday to debate plan number " + k +
                  " for the harbour, and the members said that they would vote on it later in "
                  "the month after a public hearing.\n\n" +
                  "Residents of the district told the council that the plan " + k +
                  " would change the way the harbour is used by the fishing boats and by the "
                  "people who walk there in the evening.\n";
  if (!extra.empty()) s += "\n" + extra + "\n";
  return s;
}

// A sentence with a word found nowhere else, shaped like article text.
const std::string kFooter =
    "Support the quokkaville newsroom and its reporters by becoming a member of the club today.";
const std::string kWire =
    "The wallabyton agency said that the ministers of both countries would meet again in the "
    "coming weeks.";

newsearch::IndexStats index(const std::string& db, const std::vector<std::string>& sources) {
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = sources;
  return newsearch::run_indexer(opt);
}

std::vector<std::string> hit_ids(const std::string& db, const std::string& query) {
  std::vector<std::string> ids;
  for (const auto& h : newsearch::Searcher::open(db).search(query).hits) ids.push_back(h.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// What the stored record of @p id says about @p line: "text" if it is in a
// paragraph, else the class it was dropped as, "" if neither.
std::string stored_as(const std::string& db, const std::string& id, const std::string& line) {
  newsearch::IndexStore store(db);
  const auto s = store.stored(id);
  REQUIRE(s);
  for (const auto& p : s->first.paragraphs)
    if (p.find(line) != std::string::npos) return "text";
  for (const auto& d : s->first.dropped)
    if (d.text == line) return std::string(newsearch::line_class_name(d.cls));
  return "";
}

std::vector<std::string> ids(int from, int to) {
  std::vector<std::string> v;
  for (int i = from; i < to; ++i) v.push_back("p" + std::to_string(i) + ".txt");
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace

TEST_CASE("template lines across runs: a footer becomes a template line, earlier pages revised",
          "[indexer][templates]") {
  TempDir t;
  const std::string db = t / "index";
  for (int i = 0; i < 3; ++i) t.write("src/p" + std::to_string(i) + ".txt", page(i, kFooter));
  REQUIRE(index(db, {t / "src"}).added == 3);
  // Three articles: below the threshold, the footer is still article text.
  CHECK(hit_ids(db, "quokkaville") == ids(0, 3));
  CHECK(stored_as(db, "p0.txt", kFooter) == "text");

  for (int i = 3; i < 6; ++i) t.write("src/p" + std::to_string(i) + ".txt", page(i, kFooter));
  const auto stats = index(db, {t / "src"});
  CHECK(stats.added == 3);
  CHECK(stats.unchanged == 3);
  // Six articles of one source hold it: a template line in all of them, the
  // first three revised although their files did not change.
  CHECK(hit_ids(db, "quokkaville").empty());
  for (const auto& id : ids(0, 6)) {
    INFO(id);
    CHECK(stored_as(db, id, kFooter) == "template");
  }
  // indexer --print reads the same: the footer dropped as a template line
  // in each of the six.
  const auto printed = newsearch::test::run_process(
      {newsearch::test::bin("indexer"), "--print", t / "src"}, {"NEWSEARCH_DB="});
  REQUIRE(printed.status == 0);
  const auto objects = newsearch::test::non_empty_lines(printed.out);
  CHECK(objects.size() == 6);
  for (const auto& line : objects) {
    const auto o = nlohmann::json::parse(line);
    INFO(o.dump());
    bool dropped = false;
    for (const auto& d : o.at("dropped"))
      if (d.at("line") == kFooter) dropped = d.at("class") == "template";
    CHECK(dropped);
  }
  // The rest of each article is still there.
  CHECK(hit_ids(db, "harbour").size() == 6);
  CHECK(hit_ids(db, "\"plan number 1\"") == std::vector<std::string>{"p1.txt"});

  SECTION("a page that is only the template line keeps it") {
    t.write("src/only.txt", kFooter + "\n");
    CHECK(index(db, {t / "src"}).added == 1);
    CHECK(hit_ids(db, "quokkaville") == std::vector<std::string>{"only.txt"});
  }
  SECTION("deleting articles lowers the counts: a new article then keeps the line") {
    for (int i = 0; i < 5; ++i) fs::remove(t / ("src/p" + std::to_string(i) + ".txt"));
    CHECK(index(db, {t / "src"}).deleted == 5);
    t.write("src/p9.txt", page(9, kFooter));
    CHECK(index(db, {t / "src"}).added == 1);
    CHECK(hit_ids(db, "quokkaville") == std::vector<std::string>{"p9.txt"});
    CHECK(stored_as(db, "p9.txt", kFooter) == "text");
  }
}

TEST_CASE("template lines in one run: five pages of one source", "[indexer][templates]") {
  TempDir t;
  const std::string db = t / "index";
  for (int i = 0; i < 5; ++i) t.write("src/p" + std::to_string(i) + ".txt", page(i, kFooter));
  REQUIRE(index(db, {t / "src"}).added == 5);
  CHECK(hit_ids(db, "quokkaville").empty());
  for (const auto& id : ids(0, 5)) CHECK(stored_as(db, id, kFooter) == "template");
}

TEST_CASE("template lines: a wire sentence shared across SOURCE directories stays text",
          "[indexer][templates]") {
  TempDir t;
  const std::string db = t / "index";
  // Four pages in each of two roots: eight in all, fewer than five per root.
  static_assert(kMin > 4 && 2 * 4 >= kMin);
  for (int i = 0; i < 4; ++i) {
    t.write("a/p" + std::to_string(i) + ".txt", page(i, kWire));
    t.write("b/p" + std::to_string(i + 4) + ".txt", page(i + 4, kWire));
  }
  REQUIRE(index(db, {t / "a", t / "b"}).added == 8);
  CHECK(hit_ids(db, "wallabyton") == ids(0, 8));
}

TEST_CASE("template lines across runs: kMin - 1 pages, then one more", "[indexer][templates]") {
  // Regression: the run that brings a line from kMin - 1 to kMin articles
  // revises the kMin - 1 indexed pages too (they kept it as searchable text).
  TempDir t;
  const std::string db = t / "index";
  for (unsigned i = 0; i + 1 < kMin; ++i)
    t.write("src/p" + std::to_string(i) + ".txt", page(i, kFooter));
  REQUIRE(index(db, {t / "src"}).added == kMin - 1);
  CHECK(hit_ids(db, "quokkaville").size() == kMin - 1);
  t.write("src/p" + std::to_string(kMin - 1) + ".txt", page(kMin - 1, kFooter));
  REQUIRE(index(db, {t / "src"}).added == 1);
  CHECK(stored_as(db, "p" + std::to_string(kMin - 1) + ".txt", kFooter) == "template");
  CHECK(hit_ids(db, "quokkaville").empty());
  CHECK(stored_as(db, "p0.txt", kFooter) == "template");
}

namespace {

std::string record(const std::string& id, const std::string& source, int n,
                   const std::string& extra) {
  const std::string k = std::to_string(n);
  std::string body =
      "The city council met on Tuesday to debate plan number " + k +
      " for the harbour, and the members said that they would vote on it later.\\n\\n" + extra;
  std::string j = "{\"id\":\"" + id + "\",\"title\":\"Council debates plan " + k +
                  "\",\"body\":\"" + body + "\"";
  if (!source.empty()) j += ",\"source\":\"" + source + "\"";
  return j + "}\n";
}

}  // namespace

TEST_CASE("template lines in JSON Lines: counted per \"source\"", "[indexer][templates][jsonl]") {
  TempDir t;
  const std::string db = t / "index";
  SECTION("the same publisher, across two runs: a template line") {
    std::string first, second;
    for (int i = 0; i < 3; ++i)
      first += record("r" + std::to_string(i), "Daily Planet", i, kFooter);
    for (int i = 3; i < 6; ++i)
      second += record("r" + std::to_string(i), "Daily Planet", i, kFooter);
    t.write("src/a.jsonl", first);
    REQUIRE(index(db, {t / "src"}).added == 3);
    CHECK(hit_ids(db, "quokkaville").size() == 3);
    t.write("src/b.jsonl", second);
    REQUIRE(index(db, {t / "src"}).added == 3);
    CHECK(hit_ids(db, "quokkaville").empty());
    CHECK(hit_ids(db, "harbour").size() == 6);
    CHECK(stored_as(db, "r0", kFooter) == "template");
    CHECK(stored_as(db, "r5", kFooter) == "template");
  }
  SECTION("different publishers in one root: not a template line") {
    std::string all;
    for (int i = 0; i < 6; ++i)
      all += record("r" + std::to_string(i), "Paper " + std::to_string(i), i, kWire);
    t.write("src/a.jsonl", all);
    REQUIRE(index(db, {t / "src"}).added == 6);
    CHECK(hit_ids(db, "wallabyton").size() == 6);
    CHECK(stored_as(db, "r0", kWire) == "text");
  }
  SECTION("one publisher below the threshold, another above") {
    std::string all;
    for (int i = 0; i < 4; ++i) all += record("x" + std::to_string(i), "Small Paper", i, kWire);
    for (int i = 0; i < 5; ++i) all += record("y" + std::to_string(i), "Big Paper", i, kWire);
    t.write("src/a.jsonl", all);
    REQUIRE(index(db, {t / "src"}).added == 9);
    CHECK(hit_ids(db, "wallabyton") == std::vector<std::string>{"x0", "x1", "x2", "x3"});
  }
}

// A parallel build revises its early articles in their shards, before the
// merge (revising the compacted merged index split its blocks: indexes 13
// to 29 % larger, measured with bench/compare_builds.sh-style builds; the
// size is the benchmark's to watch, this test checks the revisions).
TEST_CASE("template lines in a parallel build are revised before the merge",
          "[indexer][templates]") {
  TempDir t;
  const std::string db = t / "index";
  for (unsigned i = 0; i < kMin + 3; ++i)
    t.write("src/p" + std::to_string(i) + ".txt", page(static_cast<int>(i), kFooter));
  newsearch::IndexerOptions opt;
  opt.db_path = db;
  opt.sources = {t / "src"};
  opt.threads = 2;
  opt.parallel_min_bytes = 1;  // a parallel build of these few pages
  const newsearch::IndexStats s = newsearch::run_indexer(opt);
  REQUIRE(s.added == kMin + 3);
  CHECK(s.compacted);  // the merge wrote the index
  CHECK(hit_ids(db, "quokkaville").empty());
  for (unsigned i = 0; i < kMin + 3; ++i) {
    INFO("p" << i);
    CHECK(stored_as(db, "p" + std::to_string(i) + ".txt", kFooter) == "template");
  }
  CHECK(newsearch::Searcher::open(db).article_count() == kMin + 3);
}
