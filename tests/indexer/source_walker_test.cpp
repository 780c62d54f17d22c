#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "indexer/source_walker.h"
#include "newsearch/error.h"
#include "tests/support/skip.h"
#include "tests/support/temp_dir.h"

using newsearch::find_sources;
using newsearch::SourceFile;
using newsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

using Strings = std::vector<std::string>;
using Errors = std::vector<std::pair<std::string, std::string>>;

struct Walk {
  std::vector<SourceFile> files;
  Errors errors;
  Errors skips;
};

Walk walk(const Strings& sources) {
  Walk w;
  w.files = find_sources(
      sources,
      [&](const std::string& path, const std::string& reason) {
        w.errors.emplace_back(path, reason);
      },
      [&](const std::string& path, const std::string& reason) {
        w.skips.emplace_back(path, reason);
      });
  return w;
}

Strings ids(const std::vector<SourceFile>& files) {
  Strings out;
  for (const auto& f : files) out.push_back(f.id);
  return out;
}

// A tree with articles (.txt, .jsonl, .jsonl.gz) at several depths and files
// that are not articles.
void make_tree(const TempDir& dir) {
  dir.write("src/b.txt", "B\n\nb");
  dir.write("src/a.txt", "A\n\na");
  dir.write("src/world/2020/z.txt", "Z\n\nz");
  dir.write("src/world/2020/m.txt", "M\n\nm");
  dir.write("src/world/a.txt", "WA\n\nwa");
  dir.write("src/zeta/last.txt", "L\n\nl");
  dir.write("src/feeds/day.jsonl", "{}\n");
  dir.write("src/feeds/old.jsonl.gz", "gz");
  dir.write("src/feeds/day.json", "{}");
  dir.write("src/notes.md", "not an article");
  dir.write("src/data.json", "{}");
  dir.write("src/archive.txt.gz", "gz");
  dir.write("src/README", "readme");
  dir.write("src/world/image.png", "png");
  fs::create_directories(dir / "src/empty");
  fs::create_directories(dir / "src/dir.txt");  // a directory named like an article
}

}  // namespace

TEST_CASE("find_sources: recursive *.txt discovery in sorted order", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  const Walk w = walk({dir / "src"});
  CHECK(w.errors.empty());
  CHECK(ids(w.files) == Strings{"a.txt", "b.txt", "feeds/day.jsonl", "feeds/old.jsonl.gz",
                                "world/2020/m.txt", "world/2020/z.txt", "world/a.txt",
                                "zeta/last.txt"});
}

TEST_CASE("find_sources: paths join the source and the id", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  const Walk w = walk({dir / "src"});
  REQUIRE_FALSE(w.files.empty());
  for (const auto& f : w.files) {
    CAPTURE(f.id, f.path);
    CHECK(fs::path(f.path) == fs::path(dir / "src") / f.id);
    CHECK(fs::is_regular_file(f.path));
    CHECK(f.id.find('\\') == std::string::npos);
    CHECK_FALSE(fs::path(f.id).is_absolute());
  }
}

TEST_CASE("find_sources: every file records its canonical root", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  const std::string root = fs::weakly_canonical(dir / "src").generic_string();
  const Walk w = walk({dir / "src", dir / "src/zeta/last.txt"});
  REQUIRE(w.files.size() == 9);
  for (std::size_t i = 0; i < 8; ++i) CHECK(w.files[i].root == root);
  CHECK(w.files[8].root == root + "/zeta/last.txt");
  CHECK(newsearch::source_root_key(dir / "src") == root);
  CHECK(newsearch::source_root_key(dir / "src/") ==
        newsearch::source_root_key(dir / "src/world/.."));
}

TEST_CASE("find_sources: a trailing slash on the source gives the same ids", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  CHECK(ids(walk({dir / "src/"}).files) == ids(walk({dir / "src"}).files));
}

TEST_CASE("find_sources: a relative source directory", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  const fs::path old = fs::current_path();
  fs::current_path(dir.path());
  Walk w;
  try {
    w = walk({"src"});
  } catch (...) {
    fs::current_path(old);
    throw;
  }
  fs::current_path(old);
  CHECK(ids(w.files) == Strings{"a.txt", "b.txt", "feeds/day.jsonl", "feeds/old.jsonl.gz",
                                "world/2020/m.txt", "world/2020/z.txt", "world/a.txt",
                                "zeta/last.txt"});
  CHECK(w.files.front().path == "src/a.txt");
  CHECK(w.files.front().root == fs::weakly_canonical(dir / "src").generic_string());
}

TEST_CASE("find_sources: a file named directly gets its file name as id", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  const std::string file = dir / "src/world/2020/z.txt";
  const Walk w = walk({file});
  REQUIRE(w.files.size() == 1);
  CHECK(w.files[0].id == "z.txt");
  CHECK(w.files[0].path == file);
}

TEST_CASE("find_sources: several sources keep their order", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  dir.write("other/c.txt", "C\n\nc");
  dir.write("other/a.txt", "A\n\na");
  const Walk w = walk({dir / "src/zeta", dir / "other", dir / "src/b.txt"});
  CHECK(ids(w.files) == Strings{"last.txt", "a.txt", "c.txt", "b.txt"});
  CHECK(w.files[1].path == dir / "other/a.txt");
}

TEST_CASE("find_sources: an empty directory yields nothing", "[indexer][walker]") {
  TempDir dir;
  fs::create_directories(dir / "empty");
  const Walk w = walk({dir / "empty"});
  CHECK(w.files.empty());
  CHECK(w.errors.empty());
}

TEST_CASE("find_sources: a missing source throws kNotFound", "[indexer][walker][error]") {
  TempDir dir;
  make_tree(dir);
  for (const std::string& missing : {dir / "nope", dir / "src/nope.txt", std::string("")}) {
    CAPTURE(missing);
    try {
      walk({dir / "src", missing});
      FAIL("missing source accepted");
    } catch (const newsearch::Error& e) {
      CHECK(e.code() == newsearch::ErrorCode::kNotFound);
      if (!missing.empty()) CHECK_THAT(e.what(), Catch::Contains(missing));
    }
  }
}

TEST_CASE("find_sources: a link to a directory walked already is reported, not followed",
          "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  fs::create_directory_symlink(dir / "src/world", dir / "src/link");  // sorts before world/
  fs::create_directory_symlink(dir / "src", dir / "src/zeta/up");     // a loop
  const Walk w = walk({dir / "src"});
  for (const auto& f : w.files) CHECK_FALSE(f.id.starts_with("link/"));
  CHECK(w.files.size() == 8);  // world/ under its real path, once
  CHECK(w.errors.empty());
  REQUIRE(w.skips.size() == 2);
  CHECK(w.skips[0].first == dir / "src/link");
  CHECK_THAT(w.skips[0].second,
             Catch::Contains("walked already") && Catch::Contains(dir / "src/world"));
  CHECK(w.skips[1].first == dir / "src/zeta/up");
}

TEST_CASE("find_sources: links to directories elsewhere are followed", "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  dir.write("elsewhere/x.txt", "X\n\nx");
  dir.write("elsewhere/deeper/y.txt", "Y\n\ny");
  fs::create_directory_symlink(dir / "elsewhere", dir / "src/zeta/more");
  fs::create_directory_symlink(dir / "src", dir / "elsewhere/back");  // back to the root: a loop
  const Walk w = walk({dir / "src"});
  CHECK(ids(w.files) == Strings{"a.txt", "b.txt", "feeds/day.jsonl", "feeds/old.jsonl.gz",
                                "world/2020/m.txt", "world/2020/z.txt", "world/a.txt",
                                "zeta/last.txt", "zeta/more/deeper/y.txt", "zeta/more/x.txt"});
  CHECK(w.errors.empty());
  REQUIRE(w.skips.size() == 1);
  CHECK(w.skips[0].first == dir / "src/zeta/more/back");
}

TEST_CASE("find_sources: dangling links and link loops are unreadable",
          "[indexer][walker][error]") {
  TempDir dir;
  make_tree(dir);
  fs::create_symlink(dir / "src/gone.txt", dir / "src/dangling.txt");
  fs::create_symlink(dir / "src/loop.txt", dir / "src/loop.txt");
  fs::create_symlink(dir / "src/a.txt", dir / "src/alias.txt");  // a link to a file is read
  Walk w = walk({dir / "src"});
  CHECK(w.files.size() == 9);
  REQUIRE(w.errors.size() == 2);
  std::sort(w.errors.begin(), w.errors.end());
  CHECK(w.errors[0].first == dir / "src/dangling.txt");
  CHECK_THAT(w.errors[0].second, Catch::Contains("dangling"));
  CHECK(w.errors[1].first == dir / "src/loop.txt");
  CHECK_THAT(w.errors[1].second, Catch::Contains("loop"));
}

TEST_CASE("find_sources: a file name that is not UTF-8 is skipped, named escaped",
          "[indexer][walker]") {
  TempDir dir;
  make_tree(dir);
  dir.write("src/caf\xE9.txt", "Latin-1\n\nname");
  const std::string named = dir.write("other/ol\xE9.txt", "Latin-1\n\nname");
  const Walk w = walk({dir / "src", named});
  CHECK(w.files.size() == 8);
  REQUIRE(w.skips.size() == 2);
  CHECK(w.skips[0].first == dir / "src/caf\\xE9.txt");
  CHECK_THAT(w.skips[0].second, Catch::Contains("UTF-8"));
  CHECK(w.skips[1].first == dir / "other/ol\\xE9.txt");
}

TEST_CASE("printable_path escapes invalid UTF-8 and control characters", "[indexer][walker]") {
  using newsearch::printable_path;
  CHECK(printable_path("plain/\xC3\xA9t\xC3\xA9.txt") == "plain/\xC3\xA9t\xC3\xA9.txt");
  CHECK(printable_path("caf\xE9.txt") == "caf\\xE9.txt");
  CHECK(printable_path("a\nb\x1b[2J\x7f.txt") == "a\\x0Ab\\x1B[2J\\x7F.txt");
  CHECK(printable_path("\xC2\x9B[2J") == "\\xC2\\x9B[2J");  // a C1 control (CSI)
}

TEST_CASE("find_sources: an unreadable directory is reported and skipped",
          "[indexer][walker][error]") {
  if (geteuid() == 0) return newsearch::test::skip("running as root: permissions are not enforced");
  TempDir dir;
  make_tree(dir);
  fs::permissions(dir / "src/world", fs::perms::none);
  const Walk w = walk({dir / "src"});
  fs::permissions(dir / "src/world", fs::perms::owner_all);
  CHECK(ids(w.files) ==
        Strings{"a.txt", "b.txt", "feeds/day.jsonl", "feeds/old.jsonl.gz", "zeta/last.txt"});
  REQUIRE(w.errors.size() == 1);
  CHECK(w.errors[0].first == dir / "src/world");
}

TEST_CASE("find_sources: the corpus", "[indexer][walker][corpus]") {
  const Walk w = walk({newsearch::test::corpus_dir()});
  REQUIRE(w.files.size() >= 5);
  CHECK(w.files[0].id == "000_5705e6e54e992429.txt");
  for (std::size_t i = 1; i < w.files.size(); ++i) CHECK(w.files[i - 1].id < w.files[i].id);
}

TEST_CASE("find_sources: a FIFO or device named as a SOURCE is reported, not listed",
          "[indexer][walker][error]") {
  TempDir dir;
  make_tree(dir);
  const std::string fifo = dir / "feed.jsonl";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  const Walk w = walk({fifo, "/dev/null", dir / "src/b.txt"});
  CHECK(ids(w.files) == Strings{"b.txt"});
  REQUIRE(w.errors.size() == 2);
  CHECK(w.errors[0].first == fifo);
  CHECK_THAT(w.errors[0].second, Catch::Contains("not a regular file") && Catch::Contains("FIFO"));
  CHECK(w.errors[1].first == "/dev/null");
  CHECK_THAT(w.errors[1].second,
             Catch::Contains("not a regular file") && Catch::Contains("device"));
}
