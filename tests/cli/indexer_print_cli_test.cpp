// `indexer --print`: the real binary on corpus/ and on JSON Lines, its
// output format, warnings, exit statuses, terminal safety; and that it
// never touches an index.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::bin;
using newsearch::test::corpus_dir;
using newsearch::test::non_empty_lines;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;

namespace {

ProcessResult indexer(std::vector<std::string> args, std::vector<std::string> env = {}) {
  std::vector<std::string> argv = {bin("indexer")};
  argv.insert(argv.end(), args.begin(), args.end());
  env.push_back("NEWSEARCH_DB=");
  return run_process(argv, env, 60);
}

// Every stdout line parsed as one JSON object (a line that is not one fails).
std::vector<nlohmann::json> objects(const std::string& out) {
  std::vector<nlohmann::json> v;
  for (const auto& l : non_empty_lines(out)) {
    INFO("line: " << l);
    v.push_back(nlohmann::json::parse(l));
    REQUIRE(v.back().is_object());
  }
  return v;
}

// Raw C0 controls (other than the newline ending each line), DEL and the
// UTF-8 encodings of C1 controls.
bool has_raw_controls(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9f)
      return true;
  }
  return false;
}

const std::vector<std::string> kAlwaysThere = {
    "id", "title", "title_derived", "date_source", "source_path", "paragraphs", "dropped"};

}  // namespace

TEST_CASE("indexer --print on corpus/: one object per article, what indexing reads",
          "[cli][indexer][print]") {
  TempDir tmp;
  const ProcessResult r = indexer({"--print", corpus_dir()});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  const auto objs = objects(r.out);
  REQUIRE(objs.size() == 5);
  std::set<std::string> ids;
  for (const auto& o : objs) {
    INFO(o.dump());
    for (const auto& k : kAlwaysThere) CHECK(o.contains(k));
    ids.insert(o.at("id").get<std::string>());
    CHECK_FALSE(o.at("title").get<std::string>().empty());
    CHECK(o.at("title_derived").is_boolean());
    REQUIRE(o.at("paragraphs").is_array());
    CHECK_FALSE(o.at("paragraphs").empty());
    for (const auto& p : o.at("paragraphs")) CHECK_FALSE(p.get<std::string>().empty());
    CHECK(o.at("dropped").is_array());
    for (const auto& d : o.at("dropped")) {
      CHECK(d.at("line").is_string());
      CHECK(d.at("class").is_string());
      CHECK(d.at("number").is_number_unsigned());
    }
    CHECK(fs::path(o.at("source_path").get<std::string>()).filename().string() ==
          o.at("id").get<std::string>());
    if (o.contains("date")) CHECK_FALSE(o.at("date").get<std::string>().empty());
  }
  CHECK(ids == std::set<std::string>{"000_5705e6e54e992429.txt", "001_70aead443b47b28a.txt",
                                     "002_ff0e28e557756ce3.txt", "003_7d69bd3c727acfb0.txt",
                                     "004_5bffcb9475281529.txt"});
  // The titles an index built from corpus/ shows.
  const std::string db = tmp / "index";
  REQUIRE(indexer({"--db", db, corpus_dir()}).status == 0);
  for (const auto& o : objs) {
    const ProcessResult s =
        run_process({bin("search"), "--db", db, "--json", "--limit", "50", o.at("title")}, {}, 60);
    INFO("search stderr: " << s.err);
    bool found = false;
    for (const auto& l : non_empty_lines(s.out)) {
      const auto hit = nlohmann::json::parse(l);
      if (hit.at("id") == o.at("id")) found = hit.at("title") == o.at("title");
    }
    CHECK(found);
  }
}

TEST_CASE("indexer --print on JSON Lines: fields, unknown fields, bad lines",
          "[cli][indexer][print]") {
  TempDir tmp;
  const std::string src = tmp.write(
      "feed.jsonl",
      R"({"id":"r1","title":"Libya talks resume","body":"First paragraph.\n\nSecond one.",)"
      R"("date":"2020-06-14T16:38:00+02:00","source":"Reuters","url":"https://example.org/1",)"
      R"("lang":"en","tags":["unknown","field"]})"
      "\n"
      "{not json\n"
      "\n"
      R"({"id":"r2","title":"","body":"Only a body here."})"
      "\n"
      R"({"id":"r1","title":"Duplicate","body":"Dropped."})"
      "\n");
  const ProcessResult r = indexer({"--print", src});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  const auto objs = objects(r.out);
  REQUIRE(objs.size() == 2);
  const auto& a = objs[0];
  CHECK(a.at("id") == "r1");
  CHECK(a.at("title") == "Libya talks resume");
  CHECK(a.at("title_derived") == false);
  CHECK(a.at("date") == "2020-06-14T16:38:00+02:00");
  CHECK(a.at("lang") == "en");
  CHECK(a.at("source") == "Reuters");
  CHECK(a.at("url") == "https://example.org/1");
  CHECK(a.at("source_path") == src);
  CHECK(a.at("paragraphs") == nlohmann::json{"First paragraph.", "Second one."});
  CHECK(a.at("dropped") == nlohmann::json::array());
  CHECK_FALSE(a.contains("tags"));
  // Keys in the documented order (nlohmann::json sorts its keys: the raw
  // line shows the order printed).
  const std::string first = non_empty_lines(r.out).at(0);
  CHECK(first.find("\"id\"") < first.find("\"title\""));
  CHECK(first.find("\"title_derived\"") < first.find("\"date\""));
  CHECK(first.find("\"source_path\"") < first.find("\"paragraphs\""));
  CHECK(first.find("\"paragraphs\"") < first.find("\"dropped\""));
  const auto& b = objs[1];
  CHECK(b.at("id") == "r2");
  CHECK_FALSE(b.contains("date"));  // undated: absent
  CHECK(b.at("date_source") == "");
  // No lang given: detected in the text, or the default (English).
  CHECK(b.at("lang") == "en");
  CHECK(b.at("lang_source") != "field");
  CHECK_FALSE(b.contains("source"));
  // One warning per bad line, naming file and line, as indexing says it.
  const auto warned = non_empty_lines(r.err);
  CHECK(warned.size() == 2);
  CHECK(r.err.find("feed.jsonl:2") != std::string::npos);
  CHECK(r.err.find("feed.jsonl:5") != std::string::npos);
  CHECK(r.err.find("duplicate id 'r1'") != std::string::npos);
  // The same records and warnings as an indexing run.
  const ProcessResult ix = indexer({"--db", tmp / "index", src});
  CHECK(ix.status == 1);
  CHECK(ix.out.find("added=2 ") != std::string::npos);
  CHECK(ix.out.find("skipped=2 ") != std::string::npos);
}

TEST_CASE("indexer --print never opens or creates an index, and ignores --db",
          "[cli][indexer][print]") {
  TempDir tmp;
  const std::string src = tmp.write("a.txt", "A headline\n\nA paragraph.\n");
  const ProcessResult r =
      indexer({"--print", "--db", tmp / "index", src}, {"XDG_DATA_HOME=" + (tmp / "xdg")});
  CHECK(r.status == 0);
  CHECK(objects(r.out).size() == 1);
  CHECK_FALSE(fs::exists(tmp / "index"));
  CHECK_FALSE(fs::exists(tmp / "xdg"));
  CHECK(r.out.find("added=") == std::string::npos);  // no summary line
}

TEST_CASE("indexer --print exit statuses", "[cli][indexer][print][errors]") {
  TempDir tmp;
  const std::string good = tmp.write("good.txt", "A headline\n\nA paragraph.\n");
  const std::string empty = tmp.write("empty.txt", "  \n\n");
  const std::string bad = tmp.write("bad.jsonl", "{\"title\":\"no id\"}\n");
  SECTION("an article printed, another skipped: 0") {
    const ProcessResult r = indexer({"--print", good, empty});
    CHECK(r.status == 0);
    CHECK(objects(r.out).size() == 1);
    CHECK(r.err.find("empty.txt") != std::string::npos);
  }
  SECTION("nothing printed: 1") {
    const ProcessResult r = indexer({"--print", empty, bad});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("bad.jsonl:1") != std::string::npos);
  }
  SECTION("a missing SOURCE: 2, nothing printed") {
    const ProcessResult r = indexer({"--print", good, tmp / "missing"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("missing") != std::string::npos);
  }
  SECTION("no SOURCE: 2") { CHECK(indexer({"--print"}).status == 2); }
  SECTION("--print with --compact: 2") {
    CHECK(indexer({"--print", "--compact", good}).status == 2);
  }
  SECTION("--help documents --print and its exit statuses") {
    const ProcessResult r = indexer({"--help"});
    CHECK(r.status == 0);
    CHECK(r.out.find("--print") != std::string::npos);
    CHECK(r.out.find("1 none") != std::string::npos);
  }
}

TEST_CASE("indexer --print lets no control character reach the terminal",
          "[cli][indexer][print][security]") {
  TempDir tmp;
  // An id is verbatim (control characters and all); the text fields are
  // cleaned by the reader, and JSON escapes whatever is left.
  const std::string src =
      tmp.write("feed.jsonl",
                "{\"id\":\"id\\u001b]0;owned\\u0007\\u007f\\u009b2J\",\"title\":\"T\\u001b[2J\","
                "\"body\":\"Body \\u009b31m text\",\"source\":\"Reu\\u001b[31mters\"}\n");
  const std::string odd = tmp.write("dir/name\x1b[1m\x7f.txt", "Odd name\n\nText.\n");
  const ProcessResult r = indexer({"--print", src, odd});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  CHECK_FALSE(has_raw_controls(r.out));
  const auto objs = objects(r.out);
  REQUIRE(objs.size() == 2);
  CHECK(objs[0].at("id") ==
        "id\x1b]0;owned\x07\x7f\xC2\x9B"
        "2J");
  CHECK(objs[1].at("id") == "name\x1b[1m\x7f.txt");
}

TEST_CASE("indexer --print warns of a source no --source can name, as indexing does",
          "[cli][indexer][print]") {
  TempDir tmp;
  const std::string src =
      tmp.write("feed.jsonl", R"({"id":"a","title":"T","body":"B","source":"***"})"
                              "\n");
  const ProcessResult r = indexer({"--print", src});
  CHECK(r.status == 0);
  CHECK(objects(r.out).size() == 1);
  CHECK(r.err.find("feed.jsonl:1: source '***' has no letters or digits") != std::string::npos);
  const ProcessResult ix = indexer({"--db", tmp / "index", src});
  CHECK(ix.err.find("feed.jsonl:1: source '***' has no letters or digits") != std::string::npos);
}
