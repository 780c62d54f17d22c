// The bad-input catalogue (issue 15): each case writes one bad input beside
// one good article, runs the real `indexer` or `search` once and checks the
// exit status (docs/indexing.md and docs/searching.md), exactly one clear
// diagnostic line on stderr naming the input and the reason, and that the
// good article was still indexed and is found by `search`. The inputs are
// the bad-input promise of docs/indexing.md and the defects of issue 15; the cases
// assert the promised (fixed) behaviour. Harness: tests/e2e/catalogue.h.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "tests/e2e/catalogue.h"

namespace fs = std::filesystem;
using namespace newsearch::test;
using namespace newsearch::test::catalogue;

namespace {

constexpr long kMiB = 1L << 20;

// The usual outcome of a bad file or line: skipped with one line, exit 1.
Outcome skipped(const std::string& line) { return {1, line}; }
// An input that is fine: indexed without a diagnostic line.
Outcome clean() { return {0, ""}; }
// A run-level error: exit 2, one line, nothing indexed.
Outcome refused(const std::string& line) {
  Outcome o{2, line};
  o.good_indexed = false;
  return o;
}
Outcome with(Outcome o, std::function<void(Problems&)> also) {
  o.also = std::move(also);
  return o;
}
// An outcome that may or may not carry the line.
Outcome optional_line(int status, const std::string& line) {
  Outcome o{status, line};
  o.line_optional = true;
  return o;
}

// A JSON Lines record, built by hand so that each case shows its bytes.
std::string record(const std::string& id, const std::string& title, const std::string& body,
                   const std::string& extra = "") {
  return "{\"id\":\"" + id + "\",\"title\":\"" + title + "\",\"body\":\"" + body + "\"" + extra +
         "}\n";
}

// UTF-16 with a byte-order mark, of ASCII @p text.
std::string utf16(const std::string& text, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : text) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

std::string gzip(const std::string& path, const std::string& content) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, content.data(), static_cast<unsigned>(content.size()));
  gzclose(f);
  return path;
}

// A sparse file: @p hole zero bytes, then @p tail.
void sparse(const std::string& path, std::uintmax_t hole, const std::string& tail) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out.seekp(static_cast<std::streamoff>(hole));
  out << tail;
}

// Checks for an outcome: the article with @p id is found by @p word.
std::function<void(Problems&)> found(const Scene& s, std::string word, std::string id) {
  return [&s, word, id](Problems& p) {
    if (!s.finds(word, id)) p.push_back("'" + id + "' is not found by '" + word + "'");
  };
}

// The --json output of a search for @p word holds @p fragment.
std::function<void(Problems&)> json_has(const Scene& s, std::string word, std::string fragment) {
  return [&s, word, fragment](Problems& p) {
    const ProcessResult r = s.search({"--db", s.db(), "--json", word});
    if (r.out.find(fragment) == std::string::npos)
      p.push_back("search --json " + word + " has no " + fragment +
                  "; it printed: " + r.out.substr(0, 300));
  };
}

// The human output of a search for @p word lists a hit, holds no terminal
// control bytes, and (if given) has @p together on one line.
std::function<void(Problems&)> terminal_safe(const Scene& s, std::string word,
                                             std::vector<std::string> together = {}) {
  return [&s, word, together](Problems& p) {
    const ProcessResult r = s.human(word);
    if (r.status != 0) p.push_back("search " + word + " exited " + std::to_string(r.status));
    expect_terminal_safe(r.out, "search " + word + " output", p);
    expect_terminal_safe(r.err, "search " + word + " stderr", p);
    if (together.empty()) return;
    bool one_line = false;
    for (const auto& l : non_empty_lines(r.out)) {
      bool all = true;
      for (const auto& t : together) all &= l.find(t) != std::string::npos;
      one_line |= all;
    }
    if (!one_line)
      p.push_back("no output line holds all of '" + together.front() + "'...'" + together.back() +
                  "'");
  };
}

// The tree under @p dir is as it was when this was called.
std::function<void(Problems&)> unchanged(const std::string& dir) {
  return [dir, before = snapshot(dir)](Problems& p) {
    const auto after = snapshot(dir);
    if (after == before) return;
    // Names the changed entries directly under dir (gen-000002, XAPIANDB).
    std::set<std::string> deleted, created;
    const auto top = [&dir](const std::string& path) {
      return fs::path(path).lexically_relative(dir).begin()->string();
    };
    for (const auto& [path, size] : before)
      if (!after.count(path)) deleted.insert(top(path));
    for (const auto& [path, size] : after)
      if (!before.count(path)) created.insert(top(path));
    std::string what;
    for (const auto& d : deleted) what += " deleted " + d + ";";
    for (const auto& c : created) what += " created " + c + ";";
    p.push_back(dir + " changed:" + (what.empty() ? " sizes differ" : what));
  };
}

std::function<void(Problems&)> absent(const std::string& path) {
  return [path](Problems& p) {
    if (fs::exists(fs::symlink_status(path))) p.push_back(path + " was created");
  };
}

std::function<void(Problems&)> all(std::vector<std::function<void(Problems&)>> checks) {
  return [checks](Problems& p) {
    for (const auto& c : checks) c(p);
  };
}

// The live generation's directory name, from the stub.
std::string live_generation(const Scene& s) {
  std::string stub = read_file(s.db() + "/XAPIANDB");
  const auto space = stub.find(' ');
  stub = stub.substr(space + 1);
  return stub.substr(0, stub.find_first_of("\r\n"));
}

// A case: file @p name of @p content is skipped with a line naming it and
// matching @p reason.
std::function<void(Scene&)> skipped_file(const std::string& name, const std::string& content,
                                         const std::string& reason) {
  return [name, content, reason](Scene& s) {
    s.write(name, content);
    s.outcomes = {
        skipped(std::regex_replace(name, std::regex(R"(\.)"), R"(\.)") + ": .*" + reason)};
  };
}

// A case: file @p name of @p content is indexed without complaint, and the
// article found by @p word has the title @p title.
std::function<void(Scene&)> titled(const std::string& name, const std::string& content,
                                   const std::string& word, const std::string& title) {
  return [name, content, word, title](Scene& s) {
    s.write(name, content);
    s.outcomes = {with(clean(), json_has(s, word, "\"title\":\"" + title + "\""))};
  };
}

}  // namespace

TEST_CASE("bad-input catalogue: .txt files", "[e2e][catalogue]") {
  run_cases({
      {"empty file", skipped_file("empty.txt", "", "empty")},
      {"whitespace-only file", skipped_file("blank.txt", " \n\t\n   \n", "empty")},
      {"binary file (NUL bytes)",
       skipped_file("binary.txt", std::string("PK\x03\x04\0\0\x14\0binary", 14), "(binary|NUL)")},
      {"non-UTF-8 (Latin-1) file",
       skipped_file("latin1.txt", "Caf\xE9 headline\n\nNa\xEFve text in Latin-1.\n", "UTF-8")},
      {"only boilerplate lines",
       skipped_file("boiler.txt", "Skip to main content\n\nPost a comment\n", "boilerplate")},
      {"unreadable file (mode 000)",
       [](Scene& s) {
         fs::permissions(s.write("unreadable.txt", "Secret headline\n\nText.\n"), fs::perms::none);
         s.wrap = without_root_permissions(s.skip);
         s.outcomes = {skipped(R"(unreadable\.txt: .*(Permission denied|cannot read))")};
       }},
      {"over-large file (--max-file-mb 1, a sparse 2 MB file)",
       [](Scene& s) {
         sparse(s.src() + "/big.txt", 2 * kMiB, "Big headline\n");
         s.args = {"--db", s.db(), "--max-file-mb", "1", s.src()};
         s.outcomes = {skipped(R"(big\.txt: .*too large)")};
       }},
      {"UTF-8 byte-order mark", titled("bom.txt",
                                       "\xEF\xBB\xBF"
                                       "BOM headline\n\nBody about Sirte.\n",
                                       "Sirte", "BOM headline")},
      {"CRLF line ends", titled("crlf.txt", "CRLF headline\r\n\r\nBody about Zawiya.\r\n", "Zawiya",
                                "CRLF headline")},
      {"lone CR line ends",
       titled("cr.txt", "CR headline\r\rBody about Ghat.\r", "Ghat", "CR headline")},
      {"UTF-16 LE with BOM: reported as UTF-16",
       skipped_file("utf16le.txt", utf16("Wide headline\n\nBody about Sabratha.\n", false),
                    "UTF-16")},
      {"UTF-16 BE with BOM: reported as UTF-16",
       skipped_file("utf16be.txt", utf16("Wide headline\n\nBody about Sabratha.\n", true),
                    "UTF-16")},
      {"a file that is neither *.txt nor *.jsonl is ignored",
       [](Scene& s) {
         s.write("notes.md", "# not an article\n");
         s.outcomes = {clean()};
       }},
  });
}

TEST_CASE("bad-input catalogue: JSON Lines", "[e2e][catalogue]") {
  const auto skipped_line = [](const std::string& content, const std::string& reason) {
    return [content, reason](Scene& s) {
      s.write("a.jsonl", content);
      s.outcomes = {skipped(R"(a\.jsonl:1: .*)" + reason)};
    };
  };
  run_cases({
      {"malformed JSON line", skipped_line("{\"id\":\"a\",\"body\":\"x\"\n", "JSON")},
      {"JSON line that is not an object (array)", skipped_line("[1,2]\n", "not a JSON object")},
      {"JSON line that is not an object (string)",
       skipped_line("\"just text\"\n", "not a JSON object")},
      {"missing id", skipped_line("{\"title\":\"T\",\"body\":\"no id\"}\n", "\"id\"")},
      {"empty id", skipped_line(record("", "T", "empty id"), "\"id\"")},
      {"missing title and body", skipped_line("{\"id\":\"n\"}\n", "\"title\" or \"body\"")},
      {"id of the wrong type (number)",
       skipped_line("{\"id\":5,\"body\":\"x\"}\n", "\"id\" is not a string")},
      {"body of the wrong type (array)",
       skipped_line("{\"id\":\"arr\",\"title\":\"T\",\"body\":[\"x\"]}\n",
                    "\"body\" is not a string")},
      {"date of the wrong type (number)",
       skipped_line(record("d", "T", "x", ",\"date\":5"), "\"date\" is not a string")},
      {"invalid UTF-8 inside a JSON string", skipped_line(record("u", "T", "caf\xE9"), "UTF-8")},
      {"duplicate id: the first record wins",
       [&](Scene& s) {
         s.write("a.jsonl", record("dup", "First", "Tarhuna first") +
                                record("dup", "Second", "Tarhuna second"));
         s.outcomes = {with(skipped(R"(a\.jsonl:2: .*duplicate id)"),
                            json_has(s, "Tarhuna", "\"title\":\"First\""))};
       }},
      {"truncated .gz",
       [](Scene& s) {
         const std::string full = gzip(s.tmp() / "full.gz", record("z", "Zed", "Misrata text") +
                                                                std::string(5000, ' ') + "\n");
         const std::string bytes = read_file(full);
         s.write("trunc.jsonl.gz", bytes.substr(0, bytes.size() / 2));
         s.outcomes = {skipped(R"(trunc\.jsonl\.gz.*(truncated|corrupt|unexpected end))")};
       }},
      {".jsonl.gz that is not gzip",
       [](Scene& s) {
         s.write("notgz.jsonl.gz", "this is not gzip\n");
         s.outcomes = {skipped(R"(notgz\.jsonl\.gz(:1)?: )")};
       }},
      {"empty .jsonl file",
       [](Scene& s) {
         s.write("empty.jsonl", "");
         s.outcomes = {skipped(R"(empty\.jsonl: .*empty)")};
       }},
      {"blank lines around a record",
       [&](Scene& s) {
         s.write("a.jsonl", "\n\n" + record("bl", "Blank", "Gadames text") + "\n\n");
         s.outcomes = {with(clean(), found(s, "Gadames", "bl"))};
       }},
      {"UTF-8 byte-order mark before the first record",
       [&](Scene& s) {
         s.write("a.jsonl", "\xEF\xBB\xBF" + record("bom", "Bom", "Ubari text"));
         s.outcomes = {with(clean(), found(s, "Ubari", "bom"))};
       }},
      {"CRLF line ends between records",
       [&](Scene& s) {
         std::string r = record("crlf", "Crlf", "Murzuq text");
         s.write("a.jsonl", r.insert(r.size() - 1, "\r") + record("crlf2", "Crlf2", "Murzuq two"));
         s.outcomes = {
             with(clean(), all({found(s, "Murzuq", "crlf"), found(s, "Murzuq", "crlf2")}))};
       }},
      {"date with 100,000 fractional-second digits (8 MiB stack)",
       [&](Scene& s) {
         s.write("a.jsonl",
                 record("frac", "Frac", "Ajdabiya text",
                        ",\"date\":\"2024-01-01T00:00:00." + std::string(100000, '1') + "Z\""));
         s.wrap = with_stack_limit(8 * kMiB, s.skip);
         s.outcomes = {
             with(optional_line(0, R"(a\.jsonl:1: .*date)"), found(s, "Ajdabiya", "frac"))};
       }},
      {"invalid date 2024-02-30: indexed, passes no date filter",
       [&](Scene& s) {
         s.write("a.jsonl", record("d1", "Dated", "Derna text", ",\"date\":\"2024-02-30\""));
         s.outcomes = {with(optional_line(0, R"(a\.jsonl:1: .*date)"), found(s, "Derna", "d1"))};
         s.check = [&s](const ProcessResult&, Problems& p) {
           if (s.search({"--db", s.db(), "--since", "1900", "Derna"}).status != 1)
             p.push_back(
                 "an invalid date passes --since 1900 (undated articles never pass a date filter)");
         };
       }},
      {"invalid date 'last tuesday': indexed",
       [&](Scene& s) {
         s.write("a.jsonl", record("d2", "Dated", "Derna text", ",\"date\":\"last tuesday\""));
         s.outcomes = {with(optional_line(0, R"(a\.jsonl:1: .*date)"), found(s, "Derna", "d2"))};
       }},
      {"invalid date 01/02/2024: indexed",
       [&](Scene& s) {
         s.write("a.jsonl", record("d3", "Dated", "Derna text", ",\"date\":\"01/02/2024\""));
         s.outcomes = {with(optional_line(0, R"(a\.jsonl:1: .*date)"), found(s, "Derna", "d3"))};
       }},
      {"a 200 MB line (sparse) is skipped in linear time",
       [&](Scene& s) {
         sparse(s.src() + "/long.jsonl", 200'000'000,
                "\n" + record("after", "After", "Brega after"));
         s.max_cpu_s = 1.5;
         s.outcomes = {
             with(skipped(R"(long\.jsonl:1: .*(longer|limit))"), found(s, "Brega", "after"))};
       }},
      {"a 1 MB title is shortened like a .txt headline",
       [&](Scene& s) {
         std::string title;
         while (title.size() < kMiB) title += "Title words ";
         s.write("a.jsonl", record("t1", title, "Zuwara text"));
         s.outcomes = {with(optional_line(0, R"(a\.jsonl:1: .*title)"), found(s, "Zuwara", "t1"))};
         s.check = [&s](const ProcessResult&, Problems& p) {
           const ProcessResult r = s.human("Zuwara");
           const auto ls = non_empty_lines(r.out);
           if (!ls.empty() && ls.front().size() > 400)
             p.push_back("the printed title line has " + std::to_string(ls.front().size()) +
                         " bytes");
         };
       }},
      {"a 6 MB id is refused",
       [](Scene& s) {
         s.write("a.jsonl", record(std::string(6'000'000, 'i'), "Big id", "Nalut text"));
         s.outcomes = {skipped(R"(a\.jsonl:1: .*\bid\b)")};
       }},
      {"a 100 KB id is refused (IndexWriter's limit is 64 KiB)",
       [](Scene& s) {
         s.write("a.jsonl", record(std::string(100'000, 'k'), "Mid id", "Yafran text"));
         s.outcomes = {skipped(R"(a\.jsonl:1: .*\bid\b)")};
       }},
      {"a 60 KB id is accepted",
       [&](Scene& s) {
         s.write("a.jsonl", record(std::string(60'000, 'k'), "Long id", "Yafran text"));
         s.outcomes = {with(clean(), found(s, "Yafran", std::string(60'000, 'k')))};
       }},
      {"a source name over 200 bytes: filterable, or a warning",
       [&](Scene& s) {
         const std::string source(300, 's');
         s.write("a.jsonl", record("s1", "Src", "Sabha text", ",\"source\":\"" + source + "\""));
         s.outcomes = {
             with(clean(),
                  [&s, source](Problems& p) {
                    if (s.search({"--db", s.db(), "--source", source, "Sabha"}).status != 0)
                      p.push_back("--source with the 300-byte name finds nothing, and no warning");
                  }),
             Outcome{0, R"(a\.jsonl:1: .*source)"}, skipped(R"(a\.jsonl:1: .*source)")};
       }},
      {"a whitespace-only title",
       [&](Scene& s) {
         s.write("a.jsonl", record("ws", "   ", "Kufra text"));
         s.outcomes = {with(clean(), found(s, "Kufra", "ws"))};
       }},
  });
}

TEST_CASE("bad-input catalogue: control characters reach no terminal", "[e2e][catalogue]") {
  run_cases({
      {"OSC title sequence (ESC ] 0 ; ... BEL) and CSI in a JSONL title and body",
       [&](Scene& s) {
         s.write("a.jsonl",
                 record("c1", "\\u001b]0;pwned\\u0007Evil title", "Tobruk \\u001b[2J body"));
         s.outcomes = {with(clean(), terminal_safe(s, "Tobruk"))};
       }},
      {"CR in a JSONL title and body",
       [&](Scene& s) {
         s.write("a.jsonl", record("c2", "Real title\\rFake title", "Tobruk real\\rfake"));
         s.outcomes = {with(clean(), terminal_safe(s, "Tobruk"))};
       }},
      {"NUL (\\u0000) in a JSONL title and body",
       [&](Scene& s) {
         s.write("a.jsonl", record("c3", "Nul\\u0000title", "Tobruk nul\\u0000body"));
         s.outcomes = {with(clean(), terminal_safe(s, "Tobruk"))};
       }},
      {"a newline in a JSONL title prints no fake line",
       [&](Scene& s) {
         s.write("a.jsonl", record("c4", "Real title\\n2. Fake hit", "Tobruk text"));
         s.outcomes = {with(clean(), terminal_safe(s, "Tobruk", {"1. ", "Fake hit"}))};
       }},
      {"C1 control (U+009B CSI) in a JSONL title",
       [&](Scene& s) {
         s.write("a.jsonl", record("c5", "C1\\u009b2Jtitle", "Tobruk text"));
         s.outcomes = {with(clean(), terminal_safe(s, "Tobruk"))};
       }},
      {"raw ESC, BEL and CR in a .txt file",
       [&](Scene& s) {
         s.write("raw.txt",
                 "Raw \x1b]0;pwn\x07 headline\n\nBody about Jufra \x1b[2J here\rfake.\n");
         s.outcomes = {with(clean(), terminal_safe(s, "Jufra"))};
       }},
  });
}

TEST_CASE("bad-input catalogue: file names, links and special files", "[e2e][catalogue]") {
  run_cases({
      {"a newline in a file name",
       [&](Scene& s) {
         s.write("new\nline.txt", "NL headline\n\nText about Bayda.\n");
         s.outcomes = {with(clean(), terminal_safe(s, "Bayda", {"new", "line.txt"}))};
       }},
      {"ESC and BEL in a file name",
       [&](Scene& s) {
         s.write("esc\x1b]0;x\x07.txt", "ESC headline\n\nText about Bayda.\n");
         s.outcomes = {with(clean(), terminal_safe(s, "Bayda"))};
       }},
      {"invalid UTF-8 in a file name: refused, or an id --json can carry",
       [&](Scene& s) {
         s.write("bad\xFF.txt", "Bad headline\n\nText about Bayda.\n");
         const auto lossless = [&s](Problems& p) {
           const ProcessResult j = s.search({"--db", s.db(), "--json", "Bayda"});
           if (j.status != 0) p.push_back("search --json Bayda exited " + std::to_string(j.status));
           if (j.out.find("\xEF\xBF\xBD") != std::string::npos)
             p.push_back("the id reaches --json as U+FFFD: the file cannot be told from others");
           terminal_safe(s, "Bayda")(p);
         };
         s.outcomes = {skipped(R"(bad.*\.txt)"), with(clean(), lossless)};
       }},
      {"a symlink loop",
       [](Scene& s) {
         fs::create_symlink("self.txt", s.src() + "/self.txt");
         s.outcomes = {skipped(R"(self\.txt)")};
       }},
      {"a dangling symlink",
       [](Scene& s) {
         fs::create_symlink("nowhere.txt", s.src() + "/dangling.txt");
         s.outcomes = {skipped(R"(dangling\.txt)")};
       }},
      {"a symlinked directory: followed, or skipped with a line",
       [&](Scene& s) {
         s.tmp().write("other/linked.txt", "Linked headline\n\nText about Gharyan.\n");
         fs::create_directory_symlink("../other", s.src() + "/linkdir");
         s.outcomes = {with(clean(), found(s, "Gharyan", "linkdir/linked.txt")),
                       skipped("linkdir")};
       }},
      {"a symlinked directory loop (sub/back -> ..)",
       [](Scene& s) {
         fs::create_directories(s.src() + "/sub");
         fs::create_directory_symlink("..", s.src() + "/sub/back");
         s.outcomes = {optional_line(0, "back"), skipped("back")};
       }},
      {"a FIFO inside a SOURCE directory is skipped",
       [](Scene& s) {
         REQUIRE(mkfifo((s.src() + "/pipe.txt").c_str(), 0600) == 0);
         s.timeout_s = 10;
         s.outcomes = {optional_line(0, R"(pipe\.txt)"), skipped(R"(pipe\.txt)")};
       }},
      {"a FIFO given as a SOURCE is refused, not read",
       [](Scene& s) {
         const std::string fifo = s.tmp() / "fifo.jsonl";
         REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
         s.args = {"--db", s.db(), s.src(), fifo};
         s.timeout_s = 5;
         // Refused like a missing SOURCE (exit 2), or counted as unreadable (exit 1).
         s.outcomes = {skipped(R"(fifo\.jsonl)"), refused(R"(fifo\.jsonl)")};
       }},
  });
}

TEST_CASE("bad-input catalogue: the index directory", "[e2e][catalogue]") {
  run_cases({
      {"indexer --db \"\" is refused (not the default index)",
       [](Scene& s) {
         s.args = {"--db", "", s.src()};
         s.outcomes = {
             with(refused("--db|empty"), absent(s.tmp() / "home/.local/share/newsearch"))};
       }},
      {"search --db \"\" is refused (not the default index)",
       [](Scene& s) {
         const std::string def = s.tmp() / "home/.local/share/newsearch/index";
         if (s.indexer({"--db", def, s.src()}).status != 0)
           s.setup_problems.push_back("no default index");
         s.tool = Tool::kSearch;
         s.args = {"--db", "", kGoodWord};
         s.outcomes = {Outcome{2, "--db|empty"}};
       }},
      {"indexer --db naming a regular file",
       [](Scene& s) {
         s.tmp().write("plain", "keep me\n");
         s.args = {"--db", s.tmp() / "plain", s.src()};
         s.outcomes = {with(refused("plain"), [&s](Problems& p) {
           if (read_file(s.tmp() / "plain") != "keep me\n") p.push_back("the file was changed");
         })};
       }},
      {"search --db naming a regular file",
       [](Scene& s) {
         s.tmp().write("plain", "keep me\n");
         s.tool = Tool::kSearch;
         s.args = {"--db", s.tmp() / "plain", kGoodWord};
         s.outcomes = {Outcome{2, "plain"}};
       }},
      {"indexer --db naming an unrelated directory: refused, untouched",
       [](Scene& s) {
         s.tmp().write("unrelated/notes.txt", "my notes\n");
         s.args = {"--db", s.tmp() / "unrelated", s.src()};
         s.outcomes = {with(refused("unrelated"), unchanged(s.tmp() / "unrelated"))};
       }},
      {"search --db naming an unrelated directory: refused, untouched",
       [](Scene& s) {
         s.tmp().write("unrelated/notes.txt", "my notes\n");
         s.tool = Tool::kSearch;
         s.args = {"--db", s.tmp() / "unrelated", kGoodWord};
         s.outcomes = {with(Outcome{2, "unrelated"}, unchanged(s.tmp() / "unrelated"))};
       }},
      {"indexer with a stub naming a missing generation: error, every generation kept",
       [](Scene& s) {
         s.build_index();
         const std::string live = live_generation(s);
         s.tmp().write("index/XAPIANDB", "glass gen-000099\n");
         const auto keep = unchanged(s.db());
         s.outcomes = {with(refused("gen-000099|XAPIANDB"), [&s, keep, live](Problems& p) {
           keep(p);
           s.tmp().write("index/XAPIANDB", "glass " + live + "\n");  // the repair by hand
           if (!s.finds(kGoodWord, kGoodId)) p.push_back("the live generation was lost");
         })};
       }},
      {"search with a stub naming a missing generation: error, nothing deleted",
       [](Scene& s) {
         s.build_index();
         s.tmp().write("index/XAPIANDB", "glass gen-000099\n");
         s.tool = Tool::kSearch;
         s.outcomes = {with(Outcome{2, "gen-000099|XAPIANDB"}, unchanged(s.db()))};
       }},
      {"indexer with XAPIANDB missing beside a populated generation: refused, nothing deleted",
       [](Scene& s) {
         s.tmp().write("other/api.txt", "Other headline\n\nAn article about Misrata.\n");
         if (s.indexer({"--db", s.db(), s.tmp() / "other"}).status != 0)
           s.setup_problems.push_back("other");
         s.build_index();
         fs::remove(s.db() + "/XAPIANDB");
         const auto keep = unchanged(s.db());
         s.outcomes = {with(refused("XAPIANDB|stub|gen-"), keep)};
       }},
      {"search with XAPIANDB missing beside a populated generation",
       [](Scene& s) {
         s.build_index();
         fs::remove(s.db() + "/XAPIANDB");
         s.tool = Tool::kSearch;
         s.outcomes = {with(Outcome{2, "index"}, unchanged(s.db()))};
       }},
      {"search refuses a stub naming a database outside the index (glass ../outside)",
       [](Scene& s) {
         s.build_index();
         const std::string live = live_generation(s);
         fs::rename(s.db() + "/" + live, s.tmp() / "outside");
         s.tmp().write("index/XAPIANDB", "glass ../outside\n");
         s.tool = Tool::kSearch;
         s.outcomes = {Outcome{2, "outside|XAPIANDB"}};
       }},
      {"indexer refuses a stub naming a database outside the index (glass ../outside)",
       [](Scene& s) {
         s.build_index();
         const std::string live = live_generation(s);
         fs::rename(s.db() + "/" + live, s.tmp() / "outside");
         s.tmp().write("index/XAPIANDB", "glass ../outside\n");
         const auto keep = all({unchanged(s.tmp() / "outside"), unchanged(s.db())});
         s.outcomes = {with(refused("outside|XAPIANDB"), keep)};
       }},
      {"indexer --compact on a missing index: error, nothing created",
       [](Scene& s) {
         s.args = {"--compact", "--db", s.tmp() / "nothere"};
         s.outcomes = {with(refused("nothere"), absent(s.tmp() / "nothere"))};
       }},
      {"--db under an unwritable parent: the real EACCES",
       [](Scene& s) {
         fs::create_directories(s.tmp() / "ro");
         fs::permissions(s.tmp() / "ro", fs::perms::owner_read | fs::perms::owner_exec);
         s.wrap = without_root_permissions(s.skip);
         s.args = {"--db", s.tmp() / "ro/index", s.src()};
         s.outcomes = {with(refused("[Pp]ermission denied|EACCES"), absent(s.tmp() / "ro/index"))};
       }},
      {"--compact-threshold nan is refused",
       [](Scene& s) {
         s.args = {"--db", s.db(), "--compact-threshold", "nan", s.src()};
         s.outcomes = {with(refused("compact-threshold"), absent(s.db()))};
       }},
      {"an index locked by another run: exit 3",
       [](Scene& s) {
         s.build_index();
         const int fd = open((s.db() + "/newsearch.lock").c_str(), O_RDWR);
         REQUIRE(fd >= 0);
         REQUIRE(flock(fd, LOCK_EX | LOCK_NB) == 0);
         // Released when the scene's run is over: the descriptor is closed by the check.
         s.check = [fd](const ProcessResult&, Problems&) { close(fd); };
         s.outcomes = {Outcome{3, "lock|another indexer"}};
       }},
  });
}

TEST_CASE("bad-input catalogue: search queries and options", "[e2e][catalogue]") {
  const auto query = [](std::vector<std::string> words, const std::string& line) {
    return [words, line](Scene& s) {
      s.build_index();
      s.tool = Tool::kSearch;
      s.args = {"--db", s.db()};
      s.args.insert(s.args.end(), words.begin(), words.end());
      s.outcomes = {Outcome{2, "^search: .*(" + line + ")"}};
    };
  };
  std::string words_257;
  for (int i = 0; i < 257; ++i) words_257 += "w" + std::to_string(i) + " ";
  const std::string deep_open(50000, '('), deep_close(50000, ')');
  run_cases({
      {"empty query", query({""}, "empty")},
      {"whitespace-only query", query({"   "}, "empty")},
      {"unbalanced quote", query({"\"Benghazi"}, "quote")},
      {"unbalanced parenthesis (missing ')')", query({"(Benghazi"}, "parenthes")},
      {"unbalanced parenthesis (unexpected ')')", query({"Benghazi)"}, "parenthes")},
      {"lone operator", query({"OR"}, "OR")},
      {"trailing operator", query({"Benghazi", "AND"}, "AND")},
      {"only excluded words", query({"--", "-Benghazi"}, "exclude")},
      {"invalid UTF-8", query({"Beng\xFFhazi"}, "UTF-8")},
      {"more than 8192 bytes", query({std::string(8193, 'a')}, "too long")},
      {"more than 256 words", query({words_257}, "256|257|words")},
      {"100,000 nested parentheses",
       query({deep_open, deep_open, "Benghazi", deep_close, deep_close}, "too long|deep|nest")},
      {"4,000 nested parentheses under a 1 MiB stack",
       [](Scene& s) {
         s.build_index();
         s.tool = Tool::kSearch;
         s.wrap = with_stack_limit(kMiB, s.skip);
         s.args = {"--db", s.db(), std::string(4000, '(') + "Benghazi" + std::string(4000, ')')};
         s.outcomes = {clean(), Outcome{2, "deep|nest|parenthes"}};
       }},
      {"--since with 100,000 fractional-second digits (8 MiB stack)",
       [](Scene& s) {
         s.write("dated.jsonl",
                 record("dated", "Dated", "Benghazi dated", ",\"date\":\"2024-06-01\""));
         s.build_index();
         s.tool = Tool::kSearch;
         s.wrap = with_stack_limit(8 * kMiB, s.skip);
         s.args = {"--db", s.db(), "--since",
                   "2024-01-01T00:00:00." + std::string(100000, '1') + "Z", kGoodWord};
         s.outcomes = {clean(), Outcome{2, "date|since"}};
       }},
      {"--since 2024-02-30", query({"--since", "2024-02-30", kGoodWord}, "2024-02-30")},
      {"--since 'last tuesday'", query({"--since", "last tuesday", kGoodWord}, "last tuesday")},
      {"--until 01/02/2024", query({"--until", "01/02/2024", kGoodWord}, "01/02/2024")},
      {"--since after --until", query({"--since", "2024", "--until", "2023", kGoodWord}, "after")},
      {"--source '!!!' (no searchable words)", query({"--source", "!!!", kGoodWord}, "!!!")},
      {"--limit 0", query({"--limit", "0", kGoodWord}, "limit")},
      {"--db naming a missing index",
       [](Scene& s) {
         s.tool = Tool::kSearch;
         s.args = {"--db", s.tmp() / "nowhere/index", kGoodWord};
         s.outcomes = {Outcome{2, "nowhere/index"}};
       }},
      {"--timeout-ms 0 (no limit)",
       [](Scene& s) {
         s.build_index();
         s.tool = Tool::kSearch;
         s.args = {"--db", s.db(), "--timeout-ms", "0", kGoodWord};
         s.outcomes = {clean()};
       }},
      {"--timeout-ms 1 on 3,000 matching articles: hits, not 'no match'",
       [](Scene& s) {
         std::string many;
         for (int i = 0; i < 3000; ++i) {
           std::string body;
           for (int k = 0; k < 20; ++k)
             body += "Benghazi port news item " + std::to_string(i) + ". ";
           many += record("m" + std::to_string(i), "Benghazi report " + std::to_string(i), body);
         }
         s.write("many.jsonl", many);
         s.build_index();
         s.tool = Tool::kSearch;
         s.args = {"--db",     s.db(), "--timeout-ms", "1",    "-n",    "3",
                   "Benghazi", "port", "news",         "item", "report"};
         s.outcomes = {optional_line(0, "time budget")};
         s.check = [](const ProcessResult& r, Problems& p) {
           if (r.out.find("1. ") == std::string::npos) p.push_back("no hits printed");
         };
       }},
  });
}
