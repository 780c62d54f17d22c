// Languages end to end on the real binaries (issue 18): `indexer --print`
// shows lang and lang_source, a bad lang is warned about once and counted
// (bad_langs=N), `search --lang` filters and `--json` shows "lang".
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

using newsearch::test::bin;
using newsearch::test::non_empty_lines;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;

namespace {

ProcessResult indexer(std::vector<std::string> args) {
  std::vector<std::string> argv = {bin("indexer")};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {"NEWSEARCH_DB="}, 60);
}

ProcessResult search(const std::string& db, std::vector<std::string> args) {
  std::vector<std::string> argv = {bin("search"), "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, {"NEWSEARCH_DB="}, 60);
}

std::vector<nlohmann::json> objects(const std::string& out) {
  std::vector<nlohmann::json> v;
  for (const auto& l : non_empty_lines(out)) {
    INFO("line: " << l);
    v.push_back(nlohmann::json::parse(l));
  }
  return v;
}

std::size_t count_of(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// German, English and French records: de-1 and en-1 without a lang, de-2
// with "klingon" (dropped, detected), fr-1 with "fr".
const std::string kFeed =
    R"({"id":"de-1","title":"Die Regierung beschließt neue Steuern","body":"Die Regierung in Berlin hat am Dienstag ein neues Steuergesetz beschlossen. Die Opposition kritisierte die Pläne scharf und kündigte Widerstand im Bundestag an."})"
    "\n"
    R"({"id":"de-2","title":"Die Regierungen beraten","body":"Die Regierungen der europäischen Staaten beraten in Berlin über die Energiekrise und fordern gemeinsame Einkäufe von Gas.","lang":"klingon"})"
    "\n"
    R"({"id":"en-1","title":"Government announces tax plan","body":"The government in Berlin announced a new tax plan on Tuesday. The opposition criticised the plans and promised to fight them in parliament."})"
    "\n"
    R"({"id":"fr-1","title":"Le gouvernement annonce des mesures","body":"Le gouvernement a annoncé mercredi à Berlin de nouvelles mesures contre la hausse des prix.","lang":"fr"})"
    "\n";

}  // namespace

TEST_CASE("indexer --print shows the language and where it came from", "[languages][cli]") {
  TempDir tmp;
  const std::string src = tmp.write("feed.jsonl", kFeed);
  const ProcessResult r = indexer({"--print", src});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  const auto objs = objects(r.out);
  REQUIRE(objs.size() == 4);
  for (const auto& o : objs) {
    INFO(o.dump());
    REQUIRE(o.contains("lang"));
    REQUIRE(o.contains("lang_source"));
  }
  CHECK(objs[0].at("lang") == "de");
  CHECK(objs[0].at("lang_source") == "detected");
  CHECK(objs[1].at("lang") == "de");  // "klingon" dropped
  CHECK(objs[1].at("lang_source") == "detected");
  CHECK(objs[2].at("lang") == "en");
  CHECK(objs[2].at("lang_source") == "detected");
  CHECK(objs[3].at("lang") == "fr");
  CHECK(objs[3].at("lang_source") == "field");
  // The dropped lang is said once, naming the record's line.
  CHECK(count_of(r.err, "klingon") == 1);
  CHECK(non_empty_lines(r.err).size() == 1);
  CHECK(r.err.find("feed.jsonl:2") != std::string::npos);
}

TEST_CASE("indexer --print: a record with nothing to detect gets the default", "[languages][cli]") {
  TempDir tmp;
  const std::string src = tmp.write("n.jsonl", R"({"id":"n","title":"2024","body":"12345"})"
                                               "\n");
  const ProcessResult r = indexer({"--print", src});
  CHECK(r.status == 0);
  const auto objs = objects(r.out);
  REQUIRE(objs.size() == 1);
  CHECK(objs[0].at("lang") == "en");
  CHECK(objs[0].at("lang_source") == "default");
}

TEST_CASE("indexer --print canonicalises a given lang", "[languages][cli]") {
  TempDir tmp;
  const std::string src =
      tmp.write("g.jsonl", R"({"id":"a","title":"Kurz","body":"Ein Text.","lang":"German"})"
                           "\n"
                           R"({"id":"b","title":"Short","body":"Some text.","lang":"EN-gb"})"
                           "\n");
  const ProcessResult r = indexer({"--print", src});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto objs = objects(r.out);
  REQUIRE(objs.size() == 2);
  CHECK(objs[0].at("lang") == "de");
  CHECK(objs[0].at("lang_source") == "field");
  CHECK(objs[1].at("lang") == "en");
  CHECK(objs[1].at("lang_source") == "field");
}

TEST_CASE("indexer: a bad lang gives one warning and bad_langs=1", "[languages][cli]") {
  TempDir tmp;
  const std::string src = tmp.write("feed.jsonl", kFeed);
  const ProcessResult r = indexer({"--db", tmp / "index", src});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(r.out.find(" bad_langs=1 ") != std::string::npos);
  CHECK(r.out.find("added=4 ") != std::string::npos);
  CHECK(r.out.find("status=ok") != std::string::npos);
  CHECK(count_of(r.err, "klingon") == 1);
  // A second run finds every record unchanged (and says at most once
  // that the lang is bad).
  const ProcessResult again = indexer({"--db", tmp / "index", src});
  CHECK(again.status == 0);
  CHECK(again.out.find("unchanged=4 ") != std::string::npos);
  CHECK(count_of(again.err, "klingon") <= 1);
}

TEST_CASE("search --lang filters, --json shows lang, --query-lang forces one", "[languages][cli]") {
  TempDir tmp;
  const std::string src = tmp.write("feed.jsonl", kFeed);
  const std::string db = tmp / "index";
  REQUIRE(indexer({"--db", db, src}).status == 0);

  // All languages: Berlin is in all four.
  const ProcessResult all = search(db, {"--json", "Berlin"});
  INFO("stderr: " << all.err);
  REQUIRE(all.status == 0);
  std::set<std::string> langs;
  for (const auto& o : objects(all.out)) {
    REQUIRE(o.contains("lang"));
    langs.insert(o.at("lang").get<std::string>());
  }
  CHECK(langs == std::set<std::string>{"de", "en", "fr"});

  for (const char* given : {"de", "German", "de-AT"}) {
    CAPTURE(given);
    const ProcessResult de = search(db, {"--json", "--lang", given, "Berlin"});
    REQUIRE(de.status == 0);
    std::set<std::string> ids;
    for (const auto& o : objects(de.out)) {
      CHECK(o.at("lang") == "de");
      ids.insert(o.at("id").get<std::string>());
    }
    CHECK(ids == std::set<std::string>{"de-1", "de-2"});
  }
  // Repeatable: en and fr.
  const ProcessResult en_fr = search(db, {"--json", "--lang", "en", "--lang", "fr", "Berlin"});
  std::set<std::string> ids;
  for (const auto& o : objects(en_fr.out)) ids.insert(o.at("id").get<std::string>());
  CHECK(ids == std::set<std::string>{"en-1", "fr-1"});

  // Regierungen finds the German singular by default, not with --query-lang en.
  const ProcessResult de = search(db, {"--json", "Regierungen"});
  ids.clear();
  for (const auto& o : objects(de.out)) ids.insert(o.at("id").get<std::string>());
  CHECK(ids == std::set<std::string>{"de-1", "de-2"});
  const ProcessResult forced = search(db, {"--json", "--query-lang", "en", "Regierungen"});
  ids.clear();
  for (const auto& o : objects(forced.out)) ids.insert(o.at("id").get<std::string>());
  CHECK_FALSE(ids.count("de-1"));

  // The human output works with --lang too.
  const ProcessResult human = search(db, {"--color", "never", "--lang", "fr", "Berlin"});
  CHECK(human.status == 0);
  CHECK(human.out.find("fr-1") != std::string::npos);
  CHECK(human.out.find("de-1") == std::string::npos);
}

TEST_CASE("search --lang or --query-lang naming no language: exit 2, one line on stderr",
          "[languages][cli][errors]") {
  TempDir tmp;
  const std::string src = tmp.write("feed.jsonl", kFeed);
  const std::string db = tmp / "index";
  REQUIRE(indexer({"--db", db, src}).status == 0);
  for (const char* flag : {"--lang", "--query-lang"}) {
    CAPTURE(flag);
    const ProcessResult r = search(db, {flag, "klingon", "Berlin"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(non_empty_lines(r.err).size() == 1);
    CHECK(r.err.find("klingon") != std::string::npos);
  }
  // A language the index lacks is no error: nothing matched (exit 1).
  const ProcessResult it = search(db, {"--lang", "it", "Berlin"});
  CHECK(it.status == 1);
}

// "qq" is no ISO 639-1 code: the record's lang names no language, so it is
// dropped, counted and the language detected, as for "klingon". Regression:
// any two letters were taken for a code, and the German article below was
// stored as "qq", unstemmed.
TEST_CASE("indexer: two letters that are no ISO 639-1 code are a bad lang", "[languages][cli]") {
  TempDir tmp;
  const std::string src = tmp.write(
      "q.jsonl",
      R"({"id":"q","title":"Die Regierung","body":"Die Regierung in Berlin hat am Dienstag ein neues Gesetz beschlossen.","lang":"qq"})"
      "\n");
  const ProcessResult print = indexer({"--print", src});
  const auto objs = objects(print.out);
  REQUIRE(objs.size() == 1);
  CHECK(objs[0].at("lang") == "de");
  CHECK(objs[0].at("lang_source") == "detected");
  const ProcessResult r = indexer({"--db", tmp / "index", src});
  CHECK(r.out.find(" bad_langs=1 ") != std::string::npos);
  CHECK(search(tmp / "index", {"Regierungen"}).status == 0);
}
