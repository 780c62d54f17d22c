#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newsearch/newsearch.h"
#include "searcher/cli/output.h"
#include "searcher/cli/terminal_text.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::bin;
using newsearch::test::corpus_dir;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::TempDir;

namespace {

const std::string k002 = "002_ff0e28e557756ce3.txt";
const std::string k003 = "003_7d69bd3c727acfb0.txt";
const std::string k004 = "004_5bffcb9475281529.txt";

// The corpus indexed once (with the real indexer) for this executable.
const std::string& corpus_db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "index";
    const ProcessResult r = run_process({bin("indexer"), "--db", path, corpus_dir()});
    INFO("indexer stderr: " << r.err);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

// Runs `search --db <corpus index> args...`.
ProcessResult search(std::vector<std::string> args, std::vector<std::string> env = {}) {
  std::vector<std::string> argv = {bin("search"), "--db", corpus_db()};
  argv.insert(argv.end(), args.begin(), args.end());
  env.push_back("NEWSEARCH_DB=");
  return run_process(argv, env, 60);
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> non_empty_lines(const std::string& s) {
  std::vector<std::string> out;
  for (auto& l : lines(s))
    if (!l.empty()) out.push_back(l);
  return out;
}

// Lines of human output that start a hit: "<rank>. <title>".
std::size_t hit_count(const std::string& out) {
  std::size_t n = 0;
  for (const auto& l : lines(out))
    if (!l.empty() && std::isdigit(static_cast<unsigned char>(l[0])) &&
        l.find(". ") != std::string::npos)
      ++n;
  return n;
}

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  for (const auto& l : lines(out)) {
    INFO("line: " << l);
    REQUIRE_NOTHROW(v.push_back(nlohmann::json::parse(l)));
  }
  return v;
}

// The code points of UTF-8 text, one string each.
std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// snippet[begin, end) in code points.
std::string slice(const std::string& text, std::size_t begin, std::size_t end) {
  const auto cps = code_points(text);
  REQUIRE(begin <= end);
  REQUIRE(end <= cps.size());
  std::string out;
  for (std::size_t i = begin; i < end; ++i) out += cps[i];
  return out;
}

std::vector<std::string> highlighted_words(const nlohmann::json& snippet_owner) {
  std::vector<std::string> out;
  const std::string snippet = snippet_owner.at("snippet").get<std::string>();
  for (const auto& h : snippet_owner.at("highlights")) {
    REQUIRE(h.is_array());
    REQUIRE(h.size() == 2);
    out.push_back(slice(snippet, h[0].get<std::size_t>(), h[1].get<std::size_t>()));
  }
  return out;
}

// Sets or unsets an environment variable for the scope's lifetime.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value->c_str(), 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_.c_str(), old_->c_str(), 1);
    else
      unsetenv(name_.c_str());
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("search \"Aguila Saleh\": first result is 003", "[cli][search]") {
  const ProcessResult r = search({"Aguila", "Saleh"});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  const auto ls = lines(r.out);
  REQUIRE(ls.size() >= 3);
  // 003's first line is a photo caption: its title is its first sentence.
  CHECK(ls[0].starts_with("1. Turkey and Russia have postponed ministerial-level talks"));
  CHECK(ls[1].find(k003) != std::string::npos);
  CHECK(ls[1].find("score ") != std::string::npos);
  CHECK(hit_count(r.out) == 1);
  // The query may also be given as one argument.
  const ProcessResult one = search({"Aguila Saleh"});
  CHECK(one.status == 0);
  CHECK(one.out == r.out);
}

TEST_CASE("search marks matches according to --color", "[cli][search][color]") {
  SECTION("default, stdout not a terminal: **markers**") {
    const ProcessResult r = search({"Aguila Saleh"});
    CHECK(r.status == 0);
    CHECK(r.out.find("**Aguila** **SALEH**") != std::string::npos);
    CHECK(r.out.find('\x1b') == std::string::npos);
  }
  SECTION("--color=auto is the default") {
    CHECK(search({"--color=auto", "Aguila Saleh"}).out == search({"Aguila Saleh"}).out);
  }
  SECTION("--color=never: no escapes, no markers") {
    const ProcessResult r = search({"--color=never", "Aguila Saleh"});
    CHECK(r.status == 0);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("**") == std::string::npos);
    CHECK(r.out.find("Aguila SALEH") != std::string::npos);
    CHECK(r.out.find(k003) != std::string::npos);
  }
  SECTION("--color=always: ANSI escapes around the matches") {
    const ProcessResult r = search({"--color", "always", "Aguila Saleh"});
    CHECK(r.status == 0);
    CHECK(r.out.find("\x1b[") != std::string::npos);
    CHECK(r.out.find("\x1b[1;31mAguila\x1b[0m") != std::string::npos);
    CHECK(r.out.find("\x1b[1;31mSALEH\x1b[0m") != std::string::npos);
    CHECK(r.out.find("**") == std::string::npos);
  }
  SECTION("--color with a bad value is a usage error") {
    const ProcessResult r = search({"--color=sometimes", "Aguila"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("search --json: one valid object per line", "[cli][search][json]") {
  const ProcessResult r = search({"--json", "Shoigu"});
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  const auto objs = json_lines(r.out);
  REQUIRE(objs.size() == 5);
  std::size_t rank = 0;
  for (const auto& j : objs) {
    INFO(j.dump());
    REQUIRE(j.is_object());
    CHECK(j.at("rank").get<std::size_t>() == ++rank);
    CHECK(j.at("id").is_string());
    CHECK(j.at("title").is_string());
    CHECK_FALSE(j.at("title").get<std::string>().empty());
    // 000 and 003 open with photo captions, not headlines: their titles are
    // their first sentences (issue 17); the others have their own.
    const std::string id = j.at("id").get<std::string>();
    CHECK(j.at("title_derived") == (id.starts_with("000_") || id.starts_with("003_")));
    CHECK(j.at("score").is_number());
    CHECK(j.at("snippet").is_string());
    REQUIRE(j.at("highlights").is_array());
    REQUIRE(j.at("passages").is_array());
    CHECK(j.at("passages").size() == 1);
    const auto words = highlighted_words(j);
    REQUIRE_FALSE(words.empty());
    // Every highlight selects a spelling of Shoigu (case and accents folded).
    for (const auto& w : words) {
      INFO("highlighted: " << w);
      CHECK((w == "Shoigu" || w == "SHOIGU" || w == "Shoigú"));
    }
    // The top-level snippet is the best passage's.
    CHECK(j.at("snippet") == j.at("passages")[0].at("snippet"));
    CHECK(j.at("highlights") == j.at("passages")[0].at("highlights"));
  }
  // 004 spells it with an accent: code-point offsets, not bytes, select it.
  bool saw_004 = false;
  for (const auto& j : objs)
    if (j.at("id") == k004) {
      saw_004 = true;
      CHECK(highlighted_words(j) == std::vector<std::string>{"Shoigú"});
    }
  CHECK(saw_004);
}

TEST_CASE("search --json highlight offsets are code points", "[cli][search][json][utf8]") {
  const ProcessResult r = search({"--json", "--limit", "10", "Cavusoglu"});
  REQUIRE(r.status == 0);
  const auto objs = json_lines(r.out);
  bool saw_004 = false;
  for (const auto& j : objs) {
    const auto words = highlighted_words(j);
    REQUIRE_FALSE(words.empty());
    if (j.at("id") == k004) {
      saw_004 = true;
      for (const auto& w : words) CHECK(w == "Çavusoglu");
    } else {
      for (const auto& w : words) CHECK((w == "Cavusoglu" || w == "CAVUSOGLU"));
    }
  }
  CHECK(saw_004);
  // "Aguila Saleh": the two highlighted words of the snippet.
  const auto aguila = json_lines(search({"--json", "Aguila Saleh"}).out);
  REQUIRE(aguila.size() == 1);
  CHECK(aguila[0].at("id") == k003);
  const auto words = highlighted_words(aguila[0]);
  REQUIRE(words.size() >= 2);
  CHECK(words[0] == "Aguila");
  CHECK(words[1] == "SALEH");
}

TEST_CASE("search --limit and --passages", "[cli][search][options]") {
  SECTION("--limit 2 gives at most two results") {
    const ProcessResult r = search({"--limit", "2", "Shoigu"});
    CHECK(r.status == 0);
    CHECK(hit_count(r.out) == 2);
    const ProcessResult j = search({"-n", "2", "--json", "Shoigu"});
    CHECK(non_empty_lines(j.out).size() == 2);
  }
  SECTION("without --limit all five Shoigu articles") {
    CHECK(hit_count(search({"Shoigu"}).out) == 5);
  }
  SECTION("--passages 3 gives passages arrays of at most three") {
    const ProcessResult r = search({"--json", "--passages", "3", "Russia", "Turkey"});
    REQUIRE(r.status == 0);
    std::size_t most = 0;
    for (const auto& j : json_lines(r.out)) {
      const auto& ps = j.at("passages");
      CHECK(ps.size() <= 3);
      CHECK(ps.size() >= 1);
      most = std::max<std::size_t>(most, ps.size());
      for (const auto& p : ps) {
        CHECK(p.at("snippet").is_string());
        CHECK(p.at("matched_terms").is_number_unsigned());
        highlighted_words(p);  // offsets within the snippet
      }
    }
    CHECK(most == 3);
  }
  SECTION("--passages 3 in human output labels the passages") {
    const ProcessResult r = search({"-p", "3", "Russia", "Turkey"});
    CHECK(r.status == 0);
    CHECK(r.out.find("[passage ") != std::string::npos);
  }
  SECTION("--limit 0 is rejected") {
    const ProcessResult r = search({"--limit", "0", "Shoigu"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
  }
}

TEST_CASE("search --offset, --source, --since/--until and --timeout-ms", "[cli][search][options]") {
  // The corpus articles are .txt files: no date, no publisher.
  const auto all = json_lines(search({"--json", "Shoigu"}).out);
  REQUIRE(all.size() == 5);
  SECTION("--offset pages through the same ranking") {
    const auto rest = json_lines(search({"--json", "--offset", "3", "Shoigu"}).out);
    REQUIRE(rest.size() == 2);
    CHECK(rest[0].at("id") == all[3].at("id"));
    CHECK(rest[0].at("rank") == 4);
    const ProcessResult past = search({"--offset", "5", "Shoigu"});
    CHECK(past.status == 1);
  }
  SECTION("filters that nothing passes: exit 1") {
    CHECK(search({"--source", "Reuters", "Shoigu"}).status == 1);
    // Only 002 is dated (2020-06-14, its date line); undated never pass.
    CHECK(search({"--since", "2021", "Shoigu"}).status == 1);
    CHECK(search({"--until", "2019-12-31", "Shoigu"}).status == 1);
  }
  SECTION("002 is dated by its date line") {
    const ProcessResult r = search({"--json", "--since", "2020-06-14", "Shoigu"});
    CHECK(r.status == 0);
    const auto objs = json_lines(r.out);
    REQUIRE(objs.size() == 1);
    CHECK(objs[0].at("id") == k002);
    CHECK(objs[0].at("date").get<std::string>().starts_with("2020-06-14"));
  }
  SECTION("a malformed date: exit 2, one line naming it") {
    const ProcessResult r = search({"--since", "yesterday", "Shoigu"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(non_empty_lines(r.err).size() == 1);
    CHECK(r.err.find("yesterday") != std::string::npos);
  }
  SECTION("a generous time budget changes nothing") {
    CHECK(json_lines(search({"--json", "--timeout-ms", "60000", "Shoigu"}).out) == all);
  }
}

TEST_CASE("search: exclusions typed as separate arguments", "[cli][search][exclusion]") {
  // Only 003 mentions Libya without Haftar.
  SECTION("one quoted argument") {
    const ProcessResult r = search({"--json", "Libya -Haftar"});
    CHECK(r.status == 0);
    const auto objs = json_lines(r.out);
    REQUIRE(objs.size() == 1);
    CHECK(objs[0].at("id") == k003);
  }
  SECTION("after --") {
    const ProcessResult r = search({"--json", "--", "Libya", "-Haftar"});
    CHECK(r.status == 0);
    const auto objs = json_lines(r.out);
    REQUIRE(objs.size() == 1);
    CHECK(objs[0].at("id") == k003);
  }
  SECTION("as the --help footer shows it: search Libya -Haftar") {
    const ProcessResult r = search({"--json", "Libya", "-Haftar"});
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    const auto objs = json_lines(r.out);
    REQUIRE(objs.size() == 1);
    CHECK(objs[0].at("id") == k003);
  }
  SECTION("an excluded phrase as its own argument") {
    const ProcessResult r = search({"--json", "Libya", "-\"Khalifa Haftar\""});
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    std::vector<std::string> got;
    for (const auto& j : json_lines(r.out)) got.push_back(j.at("id").get<std::string>());
    CHECK(got == std::vector<std::string>{k003});  // the others all name "Khalifa Haftar"
  }
}

TEST_CASE("search: no match exits 1 with empty stdout", "[cli][search][status]") {
  const ProcessResult r = search({"zzyzxquux"});
  CHECK(r.status == 1);
  CHECK(r.out.empty());
  const ProcessResult j = search({"--json", "zzyzxquux"});
  CHECK(j.status == 1);
  CHECK(j.out.empty());
}

TEST_CASE("search: query errors exit 2 with one line on stderr", "[cli][search][status][errors]") {
  struct Row {
    std::vector<std::string> args;
    const char* mentions;
  };
  const std::vector<Row> rows = {
      {{""}, "empty"},
      {{"   "}, "empty"},
      {{"\"Aguila Saleh"}, "quote"},
      {{"AND"}, "AND"},
      {{"Libya", "AND"}, "AND"},
      {{"(Libya"}, "parenthes"},
      {{"--", "-Haftar"}, "exclude"},
      {{"!!!"}, "no searchable words"},
  };
  for (const Row& row : rows) {
    INFO("query args: " << row.args.back());
    const ProcessResult r = search(row.args);
    INFO("stderr: " << r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    const auto errs = non_empty_lines(r.err);
    CHECK(errs.size() == 1);
    CHECK(r.err.find(row.mentions) != std::string::npos);
    CHECK(r.err.starts_with("search: "));
  }
}

TEST_CASE("search: a 100 KB query is refused quickly", "[cli][search][errors][limits]") {
  std::string q;
  while (q.size() < 100 * 1024) q += "libya ";
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult r = search({q});
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(non_empty_lines(r.err).size() == 1);
  CHECK(r.err.find("too long") != std::string::npos);
  CHECK(secs < 5.0);
}

TEST_CASE("search: missing index exits 2 naming the path", "[cli][search][errors]") {
  TempDir tmp;
  const std::string missing = tmp / "nowhere/index";
  const ProcessResult r = run_process({bin("search"), "--db", missing, "Libya"}, {"NEWSEARCH_DB="});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(non_empty_lines(r.err).size() == 1);
  CHECK(r.err.find(missing) != std::string::npos);
  // Same through NEWSEARCH_DB.
  const ProcessResult e = run_process({bin("search"), "Libya"}, {"NEWSEARCH_DB=" + missing});
  CHECK(e.status == 2);
  CHECK(e.err.find(missing) != std::string::npos);
}

TEST_CASE("search: usage errors and --help", "[cli][search][usage]") {
  SECTION("--help exits 0 and documents exit status and syntax") {
    const ProcessResult r = run_process({bin("search"), "--help"});
    CHECK(r.status == 0);
    CHECK(r.out.find("Exit status") != std::string::npos);
    CHECK(r.out.find("title:") != std::string::npos);
  }
  SECTION("unknown flag exits 2") {
    const ProcessResult r = search({"--bogus", "Libya"});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--bogus") != std::string::npos);
  }
  SECTION("no query exits 2") {
    const ProcessResult r = search({});
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_FALSE(r.err.empty());
  }
}

TEST_CASE("search finds the index through NEWSEARCH_DB", "[cli][search][location]") {
  const ProcessResult r = run_process({bin("search"), "Aguila"}, {"NEWSEARCH_DB=" + corpus_db()});
  CHECK(r.status == 0);
  CHECK(r.out.find(k003) != std::string::npos);
  // --db wins over NEWSEARCH_DB.
  TempDir tmp;
  const ProcessResult w =
      run_process({bin("search"), "--db", corpus_db(), "Aguila"}, {"NEWSEARCH_DB=" + (tmp / "x")});
  CHECK(w.status == 0);
}

TEST_CASE("default index location follows XDG_DATA_HOME, then HOME", "[cli][search][location]") {
  SECTION("XDG_DATA_HOME set") {
    TempDir xdg, home;
    const std::vector<std::string> env = {"NEWSEARCH_DB=", "XDG_DATA_HOME=" + xdg.path(),
                                          "HOME=" + home.path()};
    const ProcessResult ix = run_process({bin("indexer"), corpus_dir()}, env);
    INFO("indexer stderr: " << ix.err);
    REQUIRE(ix.status == 0);
    CHECK(fs::is_directory(xdg / "newsearch/index"));
    CHECK_FALSE(fs::exists(home / ".local"));
    const ProcessResult s = run_process({bin("search"), "Aguila Saleh"}, env);
    INFO("search stderr: " << s.err);
    CHECK(s.status == 0);
    CHECK(s.out.find(k003) != std::string::npos);
  }
  SECTION("XDG_DATA_HOME unset: HOME/.local/share") {
    TempDir home;
    ScopedEnv no_xdg("XDG_DATA_HOME", std::nullopt);
    const std::vector<std::string> env = {"NEWSEARCH_DB=", "HOME=" + home.path()};
    const ProcessResult ix = run_process({bin("indexer"), corpus_dir()}, env);
    INFO("indexer stderr: " << ix.err);
    REQUIRE(ix.status == 0);
    CHECK(fs::is_directory(home / ".local/share/newsearch/index"));
    const ProcessResult s = run_process({bin("search"), "Aguila Saleh"}, env);
    INFO("search stderr: " << s.err);
    CHECK(s.status == 0);
    CHECK(s.out.find(k003) != std::string::npos);
  }
  SECTION("XDG_DATA_HOME empty counts as unset") {
    TempDir home;
    const std::vector<std::string> env = {"NEWSEARCH_DB=", "XDG_DATA_HOME=", "HOME=" + home.path()};
    const ProcessResult ix = run_process({bin("indexer"), corpus_dir()}, env);
    REQUIRE(ix.status == 0);
    CHECK(fs::is_directory(home / ".local/share/newsearch/index"));
    CHECK(run_process({bin("search"), "Aguila"}, env).status == 0);
  }
  SECTION("a search without any index at the default location names it") {
    TempDir xdg;
    const std::vector<std::string> env = {"NEWSEARCH_DB=", "XDG_DATA_HOME=" + xdg.path()};
    const ProcessResult s = run_process({bin("search"), "Libya"}, env);
    CHECK(s.status == 2);
    CHECK(s.err.find(xdg / "newsearch/index") != std::string::npos);
  }
}

namespace {

// The byte offsets of raw control characters in @p out other than the
// newlines that end lines: C0 (tab included), DEL, C1 (UTF-8 C2 80-9F).
// @p allow_esc: colour escapes of our own are expected.
std::vector<std::size_t> raw_controls(const std::string& out, bool allow_esc = false) {
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const bool c1 = c == 0xC2 && i + 1 < out.size() &&
                    static_cast<unsigned char>(out[i + 1]) <= 0x9F &&
                    static_cast<unsigned char>(out[i + 1]) >= 0x80;
    if ((c < 0x20 && c != '\n' && !(allow_esc && c == 0x1b)) || c == 0x7F || c1) at.push_back(i);
  }
  return at;
}

// An index of articles carrying control characters in every field the
// human output shows: JSONL text (ESC, OSC, BEL, CR, NUL, DEL, C1) and a
// .txt file whose name holds ESC and a newline.
const std::string& hostile_db() {
  static TempDir dir;
  static const std::string db = [] {
    dir.write(
        "src/feed.jsonl",
        R"({"id": "evil\u001b[2J\nfake line", "title": "Libya \u001b]0;pwned\u0007 title\r",)"
        R"( "date": "2012\u001b[1m", "source": "S\u001b[5m",)"
        R"( "body": "Libya news \u001b[31mred\u001b[0m \r overwritten \u0000 nul \u009b6n csi \u007f del \u0085 nel."})"
        "\n");
    dir.write(std::string("src/esc\x1b[31mname\nnext.txt"),
              "Libya in a file name\n\nLibya body text.\n");
    const std::string path = dir / "index";
    const ProcessResult r = run_process({bin("indexer"), "--db", path, dir / "src"});
    INFO("indexer stderr: " << r.err);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

}  // namespace

TEST_CASE("search: control characters of indexed text never reach the terminal raw",
          "[cli][search][security]") {
  for (const char* color : {"never", "auto", "always"}) {
    INFO("--color " << color);
    const ProcessResult r =
        run_process({bin("search"), "--db", hostile_db(), "--color", color, "-n", "10", "Libya"},
                    {"NEWSEARCH_DB="});
    INFO("stdout: " << r.out);
    REQUIRE(r.status == 0);
    CHECK(hit_count(r.out) == 2);
    const bool ours = std::string(color) == "always";
    CHECK(raw_controls(r.out, ours).empty());
    if (!ours) CHECK(r.out.find('\x1b') == std::string::npos);
    // Made visible: the escape of the file name is shown as \x1b, its
    // newline as \x0a, so every hit is still 3 lines and a blank one.
    CHECK(r.out.find("esc\\x1b[31mname\\x0anext.txt") != std::string::npos);
    CHECK(lines(r.out).size() == 8);
  }
}

TEST_CASE("search --json: control characters are escaped, DEL and C1 included",
          "[cli][search][json][security]") {
  const ProcessResult r =
      run_process({bin("search"), "--db", hostile_db(), "--json", "Libya"}, {"NEWSEARCH_DB="});
  REQUIRE(r.status == 0);
  CHECK(raw_controls(r.out).empty());
  const auto objs = json_lines(r.out);
  REQUIRE(objs.size() == 2);
  std::set<std::string> ids;
  for (const auto& j : objs) ids.insert(j.at("id").get<std::string>());
  CHECK(ids.count("esc\x1b[31mname\nnext.txt") == 1);  // the value itself is unchanged
}

TEST_CASE("search text output: id, source and date beside each other", "[cli][search][output]") {
  TempDir t;
  t.write("src/feed.jsonl",
          R"({"id": "wire/1", "title": "Libya talks one", "body": "Libya talks resume.",)"
          R"( "source": "Reuters", "date": "2020-06-14T16:38:00+02:00"})"
          "\n"
          R"({"id": "wire/2", "title": "Libya talks two", "body": "Libya talks again.",)"
          R"( "date": "2020-06"})"
          "\n"
          R"({"id": "wire/3", "title": "Libya talks three", "body": "Libya talks later.",)"
          R"( "source": "AFP"})"
          "\n"
          R"({"id": "wire/4", "title": "Libya talks four", "body": "Libya talks ended."})"
          "\n");
  const std::string db = t / "index";
  REQUIRE(run_process({bin("indexer"), "--db", db, t / "src"}, {"NEWSEARCH_DB="}).status == 0);
  const ProcessResult r =
      run_process({bin("search"), "--db", db, "--color", "never", "-n", "10", "Libya talks"},
                  {"NEWSEARCH_DB="});
  INFO("stdout: " << r.out);
  REQUIRE(r.status == 0);
  std::map<std::string, std::string> second;  // id -> the hit's second line, score cut off
  const auto ls = lines(r.out);
  for (std::size_t i = 1; i < ls.size(); ++i)
    if (ls[i].starts_with("   wire/")) {
      const auto score = ls[i].find("  score ");
      REQUIRE(score != std::string::npos);
      second[ls[i].substr(3, 6)] = ls[i].substr(0, score);
    }
  CHECK(second["wire/1"] == "   wire/1 \xC2\xB7 Reuters \xC2\xB7 2020-06-14");  // the day only
  CHECK(second["wire/2"] == "   wire/2 \xC2\xB7 2020-06");  // as precise as stored
  CHECK(second["wire/3"] == "   wire/3 \xC2\xB7 AFP");
  CHECK(second["wire/4"] == "   wire/4");
  // --json keeps the whole stored date.
  const ProcessResult j =
      run_process({bin("search"), "--db", db, "--json", "Libya talks"}, {"NEWSEARCH_DB="});
  REQUIRE(j.status == 0);
  bool saw = false;
  for (const auto& o : json_lines(j.out))
    if (o.at("id") == "wire/1") {
      saw = true;
      CHECK(o.at("date") == "2020-06-14T16:38:00+02:00");
      CHECK(o.at("source") == "Reuters");
    }
  CHECK(saw);
}

TEST_CASE("print_human shows a date not in ISO form as stored, print_json gives title_derived",
          "[cli][output]") {
  newsearch::SearchResults r;
  newsearch::Hit h;
  h.rank = 1;
  h.id = "a.txt";
  h.title = "First sentence of the body";
  h.title_derived = true;
  h.date = "14/06/2020";
  h.source = "Middle East Eye";
  h.score = 1.5;
  r.hits.push_back(h);
  std::ostringstream plain, color, json;
  newsearch::cli::print_human(plain, r, newsearch::cli::Marking::kPlain);
  CHECK(lines(plain.str()).at(1) ==
        "   a.txt \xC2\xB7 Middle East Eye \xC2\xB7 14/06/2020  score 1.500");
  // Colour: the whole line dimmed, reset once at its end.
  newsearch::cli::print_human(color, r, newsearch::cli::Marking::kColor);
  CHECK(lines(color.str()).at(1) ==
        "   \x1b[2ma.txt \xC2\xB7 Middle East Eye \xC2\xB7 14/06/2020  score 1.500\x1b[0m");
  newsearch::cli::print_json(json, r);
  CHECK(nlohmann::json::parse(json.str()).at("title_derived") == true);
}

TEST_CASE("search --timeout-ms: a budget that runs out still returns matches, exit 0",
          "[cli][search][budget]") {
  // 300 matching articles, written by the indexer from one JSONL file.
  TempDir t;
  std::string jsonl, body;
  for (int k = 0; k < 40; ++k) body += "Fighting near Tripoli continued, officials said. ";
  for (int i = 0; i < 300; ++i)
    jsonl += R"({"id": "a)" + std::to_string(i) + R"(", "title": "Libya )" + std::to_string(i) +
             R"(", "body": ")" + body + R"(\n\n)" + body + "\"}\n";
  t.write("src/articles.jsonl", jsonl);
  REQUIRE(run_process({bin("indexer"), "--db", t / "index", t / "src"}).status == 0);
  const ProcessResult r = run_process({bin("search"), "--db", t / "index", "--json", "-n", "300",
                                       "--timeout-ms", "1", "Libya", "Tripoli"},
                                      {"NEWSEARCH_DB="});
  INFO("stderr: " << r.err);
  CHECK(r.status == 0);
  CHECK(json_lines(r.out).size() == 300);
  CHECK(r.err.find("time budget ran out") != std::string::npos);
  CHECK(r.err.find("no articles match") == std::string::npos);
}

TEST_CASE("visible(): control characters and invalid UTF-8 made visible, the rest kept",
          "[cli][output][security]") {
  using newsearch::cli::visible;
  const std::vector<std::pair<std::string, std::string>> table = {
      {"plain text", "plain text"},
      {"\x1b[2J", "\\x1b[2J"},
      {"a\nb\rc\td", "a\\x0ab\\x0dc\\x09d"},
      {std::string("nul\0!", 5), "nul\\x00!"},
      {"bel\x07 del\x7f", "bel\\x07 del\\x7f"},
      {"csi \xC2\x9B"
       "6n nel \xC2\x85",
       "csi \\u009b6n nel \\u0085"},
      {"\xC2\xA0 \xC3\xA7 \xE2\x80\xA6 \xF0\x9F\x98\x80",
       "\xC2\xA0 \xC3\xA7 \xE2\x80\xA6 \xF0\x9F\x98\x80"},
      {"bad \xFF \xC3 end", "bad \\xff \\xc3 end"},
      {"overlong \xC0\xAF surrogate \xED\xA0\x80", "overlong \\xc0\\xaf surrogate \\xed\\xa0\\x80"},
      {"cut \xE2\x80", "cut \\xe2\\x80"},
  };
  for (const auto& [in, out] : table) {
    INFO(in);
    CHECK(visible(in) == out);
  }
}

TEST_CASE(
    "print_human escapes each segment around the highlights, print_json survives invalid UTF-8",
    "[cli][output][security]") {
  newsearch::SearchResults r;
  newsearch::Hit h;
  h.rank = 1;
  h.id = "id\x1b]0;t\x07";
  h.title = "T\r\x1b[2Jitle \xFF";
  h.date = "2012\n";
  h.source = "Reu\x1b[31mters\xC2\x9B";  // ESC and CSI (U+009B)
  newsearch::Passage p;
  p.snippet.text = "a\x1b[31m Libya\x1b b \x7fLib\nya";
  // "Libya" at bytes 7-12, "Lib\nya" at 17-23 (a control inside a match).
  p.snippet.highlights = {{7, 12, 7, 12}, {17, 23, 17, 23}};
  h.passages.push_back(p);
  r.hits.push_back(h);
  std::ostringstream plain, never, color, json;
  newsearch::cli::print_human(plain, r, newsearch::cli::Marking::kPlain);
  newsearch::cli::print_human(never, r, newsearch::cli::Marking::kNone);
  newsearch::cli::print_human(color, r, newsearch::cli::Marking::kColor);
  CHECK(plain.str() ==
        "1. T\\x0d\\x1b[2Jitle \\xff\n"
        "   id\\x1b]0;t\\x07 \xC2\xB7 Reu\\x1b[31mters\\u009b \xC2\xB7 2012\\x0a  score 0.000\n"
        "   a\\x1b[31m **Libya**\\x1b b \\x7f**Lib\\x0aya**\n\n");
  CHECK(raw_controls(never.str()).empty());
  CHECK(never.str().find("a\\x1b[31m Libya\\x1b b \\x7fLib\\x0aya") != std::string::npos);
  CHECK(raw_controls(color.str(), true).empty());
  newsearch::cli::print_json(json, r);
  CHECK(raw_controls(json.str()).empty());
  const auto j = nlohmann::json::parse(json.str());
  CHECK(j.at("title") == "T\r\x1b[2Jitle \xEF\xBF\xBD");  // U+FFFD for the bad byte
  CHECK(j.at("title_derived") == false);
  CHECK(j.at("snippet") == p.snippet.text);
}
