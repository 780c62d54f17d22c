// Regression (issue 15, item 4): on a full disk the indexer aborted
// (SIGABRT, "terminate called after throwing an instance of
// 'Xapian::DatabaseError'") instead of failing cleanly. libxapian 1.4 writes
// value chunks from a noexcept destructor (Glass::ValueUpdater) during every
// commit with new values; a write error there calls std::terminate.
//
// Each case mounts a small tmpfs (root only: skipped otherwise) and runs the
// real indexer into it. The corpus makes the failing write land in that
// destructor at most sizes: every article's kSlotHash value holds its SOURCE
// root, so a ~3.4 KB root path makes value chunks most of what a commit
// writes. Asserted each time: exit status 2, one error line saying "No space
// left on device", no abort, no partial generation left, and the index as
// it was before the run (empty, or its old articles), searchable.
#include <catch2/catch.hpp>

#include <sys/mount.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/skip.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using newsearch::test::bin;
using newsearch::test::ProcessResult;
using newsearch::test::run_process;
using newsearch::test::skip;
using newsearch::test::TempDir;

namespace {

// A tmpfs of a given size on a directory, unmounted when the object dies.
class Tmpfs {
 public:
  explicit Tmpfs(std::string dir) : dir_(std::move(dir)) { fs::create_directories(dir_); }
  ~Tmpfs() { unmount(); }
  Tmpfs(const Tmpfs&) = delete;
  Tmpfs& operator=(const Tmpfs&) = delete;

  /// Mounts (or remounts, keeping the files) with @p kib KiB; false if refused.
  bool mount_kib(int kib) {
    const std::string opts = "size=" + std::to_string(kib) + "k";
    const unsigned long flags = mounted_ ? MS_REMOUNT : 0;
    if (::mount("tmpfs", dir_.c_str(), "tmpfs", flags, opts.c_str()) != 0) return false;
    mounted_ = true;
    return true;
  }
  void unmount() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    mounted_ = false;
  }
  std::string operator/(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
  bool mounted_ = false;
};

// True (the test case skipped) when this process may not mount a tmpfs.
bool cannot_mount(Tmpfs& probe) {
  if (::geteuid() != 0 || !probe.mount_kib(1024)) {
    skip("mounting a tmpfs needs root (and a kernel that allows it)");
    return true;
  }
  probe.unmount();
  return false;
}

// A SOURCE directory with a ~3.4 KB path holding one JSONL file of
// @p records short articles, padded (an ignored field) to ~2.2 KB a line so
// that 2000 of them pass the 4 MB a parallel build needs.
std::string long_root_corpus(const TempDir& t, const std::string& name, int records) {
  fs::path dir = t / name;
  for (int i = 0; i < 13; ++i) dir /= "d" + std::to_string(i) + std::string(245, 'x');
  fs::create_directories(dir);
  std::ofstream out(dir / "a.jsonl");
  const std::string pad(2100, 'x');
  for (int i = 0; i < records; ++i)
    out << R"({"id":")" << name << i << R"(","title":"story )" << i << " about w" << i % 97
        << R"(","body":"word)" << i << " and more w" << i % 13 << R"(","pad":")" << pad << "\"}\n";
  return dir.string();
}

// Each full-disk case runs twice: with the default disk margin (the run is
// refused before libxapian writes) and with none (libxapian hits the full
// disk itself, mid-commit, and the terminate guard must still end cleanly).
const std::vector<std::string> kMargins = {"64", "0"};

ProcessResult index(const std::vector<std::string>& args, const std::string& margin_mb = "64") {
  std::vector<std::string> argv{bin("indexer"), "--log-level", "warn", "--min-free-mb", margin_mb};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

Xapian::doccount article_count(const std::string& db) {
  return Xapian::Database(db).get_doccount();
}

// The run failed cleanly and left nothing but the live generation.
void check_clean_failure(const ProcessResult& r, const std::string& db, int kib) {
  INFO("tmpfs of " << kib << " KiB; stderr: " << r.err);
  CHECK(r.status == 2);
  CHECK(r.err.find("No space left on device") != std::string::npos);
  CHECK(r.err.find("terminate") == std::string::npos);
  std::ifstream stub(db + "/XAPIANDB");
  std::string backend, live;
  REQUIRE(stub >> backend >> live);
  for (const auto& e : fs::directory_iterator(db)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with("gen-")) CHECK(name == live);
  }
}

}  // namespace

TEST_CASE("a parallel fresh build on a full disk fails cleanly at every phase", "[regress][disk]") {
  TempDir t;
  Tmpfs disk(t / "disk");
  if (cannot_mount(disk)) return;
  const std::string src = long_root_corpus(t, "a", 2000);
  const std::string db = disk / "index";
  // Full while the shards are written and committed (1700-9400 KiB aborted
  // before the fix), and during the merge (the build needs ~19 MB).
  for (const std::string& margin : kMargins)
    for (const int kib : {1700, 4500, 8000, 13000}) {
      INFO("--min-free-mb " << margin);
      REQUIRE(disk.mount_kib(kib));
      check_clean_failure(index({"--db", db, "--threads", "2", src}, margin), db, kib);
      CHECK(article_count(db) == 0);
      disk.unmount();
    }
  // The same index, given room (the build and the 64 MB margin), is built
  // by the next run.
  REQUIRE(disk.mount_kib(4500));
  check_clean_failure(index({"--db", db, "--threads", "2", src}), db, 4500);
  REQUIRE(disk.mount_kib(120000));
  const ProcessResult ok = index({"--db", db, "--threads", "2", src});
  CHECK(ok.status == 0);
  CHECK(article_count(db) == 2000);
}

TEST_CASE("an incremental run and a compaction on a full disk keep the old index",
          "[regress][disk]") {
  TempDir t;
  Tmpfs disk(t / "disk");
  if (cannot_mount(disk)) return;
  const std::string old_src = long_root_corpus(t, "old", 200);
  const std::string new_src = long_root_corpus(t, "new", 2000);
  const std::string db = disk / "index";
  REQUIRE(disk.mount_kib(120000));
  REQUIRE(index({"--db", db, old_src}).status == 0);
  REQUIRE(article_count(db) == 200);
  // One commit at the end (--batch-size): the run adds all or nothing.
  for (const std::string& margin : kMargins)
    for (const int kib : {4000, 6000, 9000}) {
      INFO("--min-free-mb " << margin);
      REQUIRE(disk.mount_kib(kib));
      check_clean_failure(index({"--db", db, "--batch-size", "100000", "--compact-threshold", "0",
                                 old_src, new_src},
                                margin),
                          db, kib);
      CHECK(article_count(db) == 200);
    }
  // A compaction that does not fit leaves the old generation live.
  REQUIRE(disk.mount_kib(120000));
  REQUIRE(index({"--db", db, "--compact-threshold", "0", old_src, new_src}).status == 0);
  REQUIRE(article_count(db) == 2200);
  const auto used = fs::space(db).capacity - fs::space(db).available;
  const int kib = static_cast<int>(used / 1024) + 2000;  // a compacted copy needs ~9 MB
  REQUIRE(disk.mount_kib(kib));
  for (const std::string& margin : kMargins)
    check_clean_failure(index({"--db", db, "--compact"}, margin), db, kib);
  CHECK(article_count(db) == 2200);
  const ProcessResult found = run_process({bin("search"), "--db", db, "--json", "story"});
  CHECK(found.status == 0);
}
