#include "searcher/index_handle.h"

#include <chrono>
#include <filesystem>

#include "newsearch/error.h"
#include "searcher/boundary/xapian_error.h"
#include "searcher/format/index_stub.h"
#include "searcher/format/schema_check.h"

namespace newsearch {
namespace {

// Retries after a concurrent commit invalidated the revision being read
// (Xapian keeps only the last revisions readable, so a writer committing
// faster than a search runs can overtake it several times in a row).
constexpr int kModifiedRetries = 5;
// Beyond kModifiedRetries, a search keeps retrying for this long.
constexpr std::chrono::seconds kRetryFor{3};

// What a handle opens: the generation the stub names (checked: an index
// only names its own generations), or PATH itself for a plain Xapian
// database without a stub.
std::string database_dir(const std::string& path, const std::string& raw_stub) {
  if (raw_stub.empty()) return path;
  return (std::filesystem::path(path) / stub::parse(path, raw_stub)).string();
}

// The revision a handle reads (0 for a database of several shards, which
// has none).
Xapian::rev revision(const Xapian::Database& db) {
  try {
    return db.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return 0;
  }
}

}  // namespace

IndexHandles::IndexHandles(std::string path, std::shared_ptr<spdlog::logger> log)
    : path_(std::move(path)), log_(std::move(log)) {
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec))
    throw Error(ErrorCode::kNotFound,
                "no index at '" + path_ + "': build one with 'indexer --db " + path_ + " DIR'");
  run("opening index", [&](IndexHandle& h) { check_schema(h.db, path_, h.analyzer); });
}

void IndexHandles::reopen() {
  ++epoch_;
  run("reopening", [](IndexHandle&) {});
}

// Opens the live generation afresh (after a compaction switched it). A
// compaction may switch and delete the generation between reading the
// stub and opening it: then the stub has changed, and we follow it.
void IndexHandles::open_fresh(IndexHandle& h) {
  for (int attempt = 0;; ++attempt) {
    h.stub = stub::read_raw(path_);
    const std::string dir = database_dir(path_, h.stub);
    try {
      h.db = Xapian::Database(dir);
      h.analyzer = analyzer_for_index(h.db);
      h.opened = true;
      return;
    } catch (const Xapian::DatabaseOpeningError&) {
      if (attempt < kModifiedRetries && stub::read_raw(path_) != h.stub) continue;
      std::error_code ec;
      if (!h.stub.empty() && !std::filesystem::exists(dir, ec))
        throw Error(ErrorCode::kCorruption,
                    stub::missing_generation_message(path_, stub::parse(path_, h.stub)));
      throw;
    }
  }
}

// Before each use: follow a compaction (it replaces the stub file) and
// pick up commits if reopen() was called since the handle last looked.
void IndexHandles::refresh(IndexHandle& h) {
  const std::uint64_t now = epoch_.load();
  if (stub::read_raw(path_) != h.stub) {
    open_fresh(h);
  } else if (h.epoch != now) {
    h.db.reopen();
  }
  h.epoch = now;
}

// An idle handle of the pool, or a new one still to be opened (null db);
// run() opens it inside its retry loop, since opening can be
// overtaken by a commit or a compaction too.
std::unique_ptr<IndexHandle> IndexHandles::acquire() {
  {
    std::lock_guard lock(mu_);
    if (!idle_.empty()) {
      auto h = std::move(idle_.back());
      idle_.pop_back();
      return h;
    }
  }
  auto h = std::make_unique<IndexHandle>();
  h->epoch = epoch_.load();
  return h;
}

void IndexHandles::release(std::unique_ptr<IndexHandle> h) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(h));
}

// After a stored value was found missing: kOpenFresh if a compaction
// switched the generation (Xapian opens some tables lazily and takes a
// deleted one for an empty one); otherwise the handle is reopened here,
// and kNone says the caller compares revisions (a value read while a
// writer committed can come back empty: seen with glass under ASan).
IndexHandles::Recovery IndexHandles::moved_on(IndexHandle& h) {
  if (stub::read_raw(path_) != h.stub) return Recovery::kOpenFresh;
  try {
    h.db.reopen();
  } catch (const Xapian::Error&) {
    return Recovery::kOpenFresh;
  }
  return Recovery::kNone;
}

// Recovers from a commit (reopen) or a compaction (open the new
// generation) that overtook the search; a recovery that is itself
// overtaken is retried the same way.
void IndexHandles::run(const char* what, const std::function<void(IndexHandle&)>& use) {
  const std::string context = std::string(what) + " in '" + path_ + "'";
  const auto give_up = std::chrono::steady_clock::now() + kRetryFor;
  auto exhausted = [&](int attempt) {
    return attempt >= kModifiedRetries && std::chrono::steady_clock::now() >= give_up;
  };
  std::unique_ptr<IndexHandle> h = acquire();
  Recovery recovery = Recovery::kNone;
  Xapian::rev read_at = 0;  // the revision use() last read
  for (int attempt = 0;; ++attempt) {
    try {
      // A handle not opened yet (or whose opening was overtaken) opens,
      // whatever error interrupted the previous attempt.
      if (!h->opened || recovery == Recovery::kOpenFresh)
        open_fresh(*h);
      else if (recovery == Recovery::kReopen)
        h->db.reopen();
      refresh(*h);
      read_at = revision(h->db);
      use(*h);
      release(std::move(h));
      return;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (exhausted(attempt)) throw translate_xapian_error(e, context);
      if (log_) log_->debug("index changed during {}; reopening", what);
      recovery = Recovery::kReopen;
    } catch (const Xapian::DatabaseOpeningError& e) {
      // A compaction removed the generation being opened or read: retry.
      // After a few quick attempts only while the index keeps moving on,
      // so that a directory that is not an index fails fast.
      if (attempt >= kModifiedRetries && (exhausted(attempt) || stub::read_raw(path_) == h->stub))
        throw translate_xapian_error(e, context);
      recovery = Recovery::kOpenFresh;
    } catch (const Xapian::DatabaseError& e) {
      // A compaction that removed the generation mid-read shows up as a
      // read error; only when the stub has moved on is that recoverable.
      if (exhausted(attempt) || stub::read_raw(path_) == h->stub)
        throw translate_xapian_error(e, context);
      recovery = Recovery::kOpenFresh;
    } catch (const Xapian::DocNotFoundError& e) {
      // A document the match found, gone when read: like a stored value
      // found missing (below), a read overtaken by a commit or compaction.
      if (!exhausted(attempt)) {
        recovery = moved_on(*h);
        if (recovery != Recovery::kNone || revision(h->db) != read_at) continue;
      }
      throw translate_xapian_error(e, context);
    } catch (const Xapian::Error& e) {
      throw translate_xapian_error(e, context);
    } catch (const Error& e) {
      // A stored value found missing or unreadable (a passage layout) while
      // the index moved on is a read overtaken by a change, not damage:
      // retried at the new state. Damage persists at a revision that did
      // not move, and is reported.
      if (e.code() == ErrorCode::kCorruption && !exhausted(attempt)) {
        recovery = moved_on(*h);
        if (recovery != Recovery::kNone || revision(h->db) != read_at) continue;
      }
      if (e.code() == ErrorCode::kQuerySyntax || e.code() == ErrorCode::kInvalidArgument)
        release(std::move(h));  // the caller's mistake; the handle is fine
      throw;
    }
  }
}

}  // namespace newsearch
