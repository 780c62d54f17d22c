// Regression tests for the seed problems quoted in issue 17 ("Read scraped
// news like an editor"), on corpus/ through the real `indexer` and `search`
// binaries: the masthead taken for 002's headline, 003's photo caption and
// 000's caption title taken for headlines, 001 found through its newsletter
// box and republishing footer, 002's date line ignored; and JSON Lines
// records without a title (the DER STANDARD articles of multilingual-news)
// printed as a blank line.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/skip.h"
#include "tests/support/temp_dir.h"

using newsearch::test::bin;
using newsearch::test::corpus_dir;
using newsearch::test::non_empty_lines;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;
using nlohmann::json;

namespace {

ProcessResult run(const std::string& program, std::vector<std::string> args) {
  std::vector<std::string> argv = {bin(program)};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {"NEWSEARCH_DB="}, 120);
}

// An index of @p sources in a temporary directory.
struct Index {
  TempDir dir;
  std::string db = dir / "index";
  explicit Index(const std::vector<std::string>& sources) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), sources.begin(), sources.end());
    const ProcessResult r = run("indexer", args);
    INFO("indexer stderr: " << r.err);
    REQUIRE(r.status == 0);
  }
  ProcessResult search(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", db, "--color", "never"});
    return run("search", args);
  }
  // Every --json result of @p query, by id.
  std::map<std::string, json> hits(const std::string& query) const {
    const ProcessResult r = search({"--json", "-n", "100", query});
    INFO("search stderr: " << r.err);
    REQUIRE(r.status == 0);
    std::map<std::string, json> out;
    for (const auto& l : non_empty_lines(r.out)) {
      json o = json::parse(l);
      out[o.at("id").get<std::string>()] = o;
    }
    return out;
  }
};

const std::string k000 = "000_5705e6e54e992429.txt";
const std::string k001 = "001_70aead443b47b28a.txt";
const std::string k002 = "002_ff0e28e557756ce3.txt";
const std::string k003 = "003_7d69bd3c727acfb0.txt";
const std::string k004 = "004_5bffcb9475281529.txt";
const std::string k002Headline =
    "Russian Top Officials Postpone Turkey Visit Amid Syria, Libya Clash";

bool is_credit_or_caption(const std::string& title) {
  for (const char* bad : {"Supervisor", "Editor in Chief", "Source of the photo", "Image Credit",
                          "(AFP)", "Skip to main content"})
    if (title.find(bad) != std::string::npos) return true;
  return title == "Russian Foreign Minister Sergey Lavrov";
}

}  // namespace

TEST_CASE("seed: search Zarif shows 002's real headline and its date", "[regress][seeds]") {
  const Index index({corpus_dir()});
  SECTION("text output") {
    const ProcessResult r = index.search({"Zarif"});
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.status == 0);
    const auto lines = non_empty_lines(r.out);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0] == "1. " + k002Headline);
    // The id with its date beside it.
    CHECK(lines[1].find(k002) != std::string::npos);
    CHECK(lines[1].find("2020-06-14") != std::string::npos);
    CHECK(r.out.find("Supervisor") == std::string::npos);
    CHECK(r.out.find("AbolFateh") == std::string::npos);
  }
  SECTION("--json") {
    const auto hits = index.hits("Zarif");
    REQUIRE(hits.count(k002));
    const json& h = hits.at(k002);
    CHECK(h.at("title") == k002Headline);
    CHECK(h.at("title_derived") == false);
    REQUIRE(h.contains("date"));
    CHECK(h.at("date").get<std::string>().starts_with("2020-06-14"));
  }
}

TEST_CASE("seed: captions are not headlines (003, 000): their titles are derived",
          "[regress][seeds]") {
  const Index index({corpus_dir()});
  const auto hits = index.hits("Lavrov");
  REQUIRE(hits.count(k003));
  REQUIRE(hits.count(k000));
  const json& h3 = hits.at(k003);
  INFO(h3.dump());
  CHECK(h3.at("title").get<std::string>().find("Source of the photo") == std::string::npos);
  CHECK(h3.at("title_derived") == true);
  CHECK(h3.at("title").get<std::string>().starts_with(
      "Turkey and Russia have postponed ministerial-level talks"));
  const json& h0 = hits.at(k000);
  INFO(h0.dump());
  CHECK(h0.at("title") != "Russian Foreign Minister Sergey Lavrov");
  CHECK(h0.at("title").get<std::string>().find("Image Credit") == std::string::npos);
  CHECK(h0.at("title_derived") == true);
  CHECK(h0.at("title").get<std::string>().starts_with("Abu Dhabi: Deep differences postponed"));
}

TEST_CASE("seed: search newsletters finds nothing in corpus/", "[regress][seeds]") {
  const Index index({corpus_dir()});
  const ProcessResult r = index.search({"newsletters"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(non_empty_lines(r.out).empty());
}

TEST_CASE("seed: search republishing finds nothing in corpus/", "[regress][seeds]") {
  // 001's footer line 35, "Middle East Eye delivers independent and
  // unrivalled coverage ... To learn more about republishing this content
  // and the associated fees, please fill out this form. More about MEE can
  // be found here.", has 41 words: one over the 40-word limit of the
  // "republishing" pattern, so it must be recognised as the publisher's
  // footer some other way (it failed so at 778558c).
  const Index index({corpus_dir()});
  const ProcessResult r = index.search({"republishing"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 1);
  CHECK(non_empty_lines(r.out).empty());
}

TEST_CASE("seed: every seed's headline is its real headline or its first sentence",
          "[regress][seeds]") {
  // Checked by hand against corpus/: 001, 002 and 004 have a headline line;
  // 000 and 003 open with a photo caption and have none, so their titles
  // are their first sentences, shortened.
  struct Expected {
    std::string title_start;
    bool derived;
  };
  const std::map<std::string, Expected> expected = {
      {k000, {"Abu Dhabi: Deep differences postponed a visit by Russian Foreign", true}},
      {k001, {"Turkey and Russia postpone talks addressing conflicts in Libya and Syria", false}},
      {k002, {k002Headline, false}},
      {k003, {"Turkey and Russia have postponed ministerial-level talks on Libya and Syria", true}},
      {k004,
       {"Russia fails in its attempt to persuade Turkey to stop its offensive in Libya and agree "
        "to a peace plan",
        false}},
  };
  const Index index({corpus_dir()});
  const auto hits = index.hits("Turkey");
  REQUIRE(hits.size() == 5);
  for (const auto& [id, e] : expected) {
    INFO(id);
    REQUIRE(hits.count(id));
    const std::string title = hits.at(id).at("title").get<std::string>();
    INFO(title);
    CHECK(title.starts_with(e.title_start));
    if (!e.derived) CHECK(title == e.title_start);
    CHECK(hits.at(id).at("title_derived") == e.derived);
    CHECK_FALSE(is_credit_or_caption(title));
  }
}

TEST_CASE("seed: indexer --print corpus end to end", "[regress][seeds][print]") {
  const ProcessResult r = run("indexer", {"--print", corpus_dir()});
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  std::map<std::string, json> by_id;
  for (const auto& l : non_empty_lines(r.out)) {
    json o = json::parse(l);
    by_id[o.at("id").get<std::string>()] = o;
  }
  REQUIRE(by_id.size() == 5);
  const json& o = by_id.at(k002);
  INFO(o.dump());
  CHECK(o.at("title") == k002Headline);
  CHECK(o.at("title_derived") == false);
  REQUIRE(o.contains("date"));
  CHECK(o.at("date").get<std::string>().starts_with("2020-06-14"));
  // The date line is line 7 of the file: "Sun 14 Jun 2020 | 04:38 PM".
  CHECK(o.at("date_source") == "line 7");
  std::map<std::string, std::string> dropped;
  for (const auto& d : o.at("dropped"))
    dropped[d.at("line").get<std::string>()] = d.at("class").get<std::string>();
  CHECK(dropped["Supervisor Elham AbolFateh"] == "boilerplate");
  CHECK(dropped["Editor in Chief Mohamed Wadie"] == "boilerplate");
  CHECK(dropped["Sun 14 Jun 2020 | 04:38 PM"] == "date");
  // The masthead never reaches the paragraphs.
  for (const auto& p : o.at("paragraphs")) {
    CHECK(p.get<std::string>().find("AbolFateh") == std::string::npos);
    CHECK(p.get<std::string>().find("Sun 14 Jun 2020") == std::string::npos);
  }
  // 001's newsletter box is dropped as boilerplate.
  bool newsletter = false;
  for (const auto& d : by_id.at(k001).at("dropped"))
    if (d.at("line") == "Stay informed with MEE's newsletters") {
      newsletter = true;
      CHECK(d.at("class") == "boilerplate");
    }
  CHECK(newsletter);
}

namespace {

const std::string kLongLede =
    "The regional parliament voted on Thursday to extend the emergency measures for another "
    "three months, after a debate that lasted well into the night and ended with a narrow "
    "majority.";

}  // namespace

TEST_CASE("JSONL: a record without a title gets one from its first sentence",
          "[regress][seeds][jsonl]") {
  TempDir t;
  t.write(
      "src/a.jsonl",
      "{\"id\":\"empty\",\"title\":\"\",\"body\":\"" + kLongLede +
          " Opposition members said they would appeal.\\n\\nA second paragraph.\"}\n"
          "{\"id\":\"missing\",\"body\":\"Ballots were counted by hand. The result came late.\"}\n"
          "{\"id\":\"titled\",\"title\":\"Own headline\",\"body\":\"Ballots in the north.\"}\n");
  const Index index({t / "src"});
  const auto hits = index.hits("ballots OR parliament");
  REQUIRE(hits.size() == 3);
  const std::string empty = hits.at("empty").at("title").get<std::string>();
  INFO(empty);
  CHECK(hits.at("empty").at("title_derived") == true);
  CHECK(empty.ends_with("\xE2\x80\xA6"));
  CHECK(empty.size() <= 100 + 3);
  CHECK(empty.size() >= 50);
  CHECK(kLongLede.starts_with(empty.substr(0, empty.size() - 3)));
  CHECK(hits.at("missing").at("title") == "Ballots were counted by hand.");
  CHECK(hits.at("missing").at("title_derived") == true);
  CHECK(hits.at("titled").at("title") == "Own headline");
  CHECK(hits.at("titled").at("title_derived") == false);

  // The text output shows the derived title, never a blank "N. " line.
  const ProcessResult r = index.search({"parliament"});
  REQUIRE(r.status == 0);
  const auto lines = non_empty_lines(r.out);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines[0] == "1. " + empty);
}

namespace {

// The first record of @p gz whose line holds both @p a and @p b.
std::string first_record(const std::string& gz, const std::string& a, const std::string& b) {
  gzFile f = gzopen(gz.c_str(), "rb");
  if (!f) return "";
  std::string line, found;
  char buf[1 << 16];
  while (found.empty() && gzgets(f, buf, sizeof buf)) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    if (line.find(a) != std::string::npos && line.find(b) != std::string::npos) found = line;
    line.clear();
  }
  gzclose(f);
  return found;
}

}  // namespace

TEST_CASE("JSONL: a real DER STANDARD record with an empty title prints a title",
          "[regress][seeds][jsonl][data]") {
  const std::string data = newsearch::test::shared_data_dir();
  if (data.empty()) return newsearch::test::skip("../shared/data is absent");
  const std::string rec = first_record(data + "/multilingual-news/articles.jsonl.gz",
                                       "\"collection\": \"10kgnad\"", "\"title\": \"\"");
  if (rec.empty()) return newsearch::test::skip("no 10kgnad record with an empty title found");
  TempDir t;
  const std::string file = t.write("src/derstandard.jsonl", rec);
  const std::string id = json::parse(rec).at("id").get<std::string>();

  const ProcessResult p = run("indexer", {"--print", file});
  INFO("stderr: " << p.err);
  REQUIRE(p.status == 0);
  const auto lines = non_empty_lines(p.out);
  REQUIRE(lines.size() == 1);
  const json o = json::parse(lines[0]);
  CHECK(o.at("id") == id);
  CHECK_FALSE(o.at("title").get<std::string>().empty());
  CHECK(o.at("title_derived") == true);
  CHECK(o.at("title").get<std::string>().size() <= 120 + 3);

  // And in search: the same title, in --json and in the text output
  // ("1. <title>", not "1. "), found by a word of it.
  const std::string title = o.at("title").get<std::string>();
  std::string word;
  for (std::size_t i = 0, j; i < title.size() && word.empty(); i = j + 1) {
    j = std::min(title.find(' ', i), title.size());
    const std::string w = title.substr(i, j - i);
    if (w.size() >= 5 && std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(c); }))
      word = w;
  }
  REQUIRE_FALSE(word.empty());
  const Index index({t / "src"});
  const auto hits = index.hits(word);
  REQUIRE(hits.count(id));
  CHECK(hits.at(id).at("title") == title);
  CHECK(hits.at(id).at("title_derived") == true);
  const ProcessResult r = index.search({word});
  REQUIRE(r.status == 0);
  const auto text = non_empty_lines(r.out);
  REQUIRE_FALSE(text.empty());
  CHECK(text[0] == "1. " + title);
}
