// Searcher::Impl: the only place that opens the index for reading.
#include "newsearch/searcher.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/index_stub.h"
#include "searcher/boundary/log_bridge.h"
#include "searcher/boundary/xapian_error.h"
#include "searcher/options_check.h"
#include "searcher/ranking_params.h"
#include "searcher/search_pipeline.h"

namespace newsearch {
namespace {

// Retries after a concurrent commit invalidated the revision being read
// (Xapian keeps only the last revisions readable, so a writer committing
// faster than a search runs can overtake it several times in a row).
constexpr int kModifiedRetries = 5;
// Beyond kModifiedRetries, a search keeps retrying for this long.
constexpr std::chrono::seconds kRetryFor{3};

void check_schema(const Xapian::Database& db, const std::string& path, const Analyzer& an) {
  const std::string schema = db.get_metadata(std::string(schema::kMetaSchema));
  if (schema.empty())
    throw Error(ErrorCode::kSchemaMismatch, "'" + path + "' is not a newsearch index");
  if (schema != std::to_string(schema::kSchemaVersion))
    throw Error(ErrorCode::kSchemaMismatch,
                "index '" + path + "' has schema version " + schema + ", this build reads " +
                    std::to_string(schema::kSchemaVersion) + ": rebuild it with the indexer");
  const std::string id = db.get_metadata(std::string(schema::kMetaAnalyzer));
  if (id != an.analyzer_id())
    throw Error(ErrorCode::kSchemaMismatch, "index '" + path + "' was analysed with '" + id +
                                                "', this build uses '" + an.analyzer_id() +
                                                "': rebuild it with the indexer");
}

// What a handle opens: the generation the stub names (checked: an index
// only names its own generations), or PATH itself for a plain Xapian
// database without a stub.
std::string database_dir(const std::string& path, const std::string& raw_stub) {
  if (raw_stub.empty()) return path;
  return (std::filesystem::path(path) / stub::parse(path, raw_stub)).string();
}

}  // namespace

// One Xapian handle with its analyzer (neither is thread-safe), used by one
// search at a time.
struct Handle {
  Xapian::Database db;
  std::string stub;         // the stub as read when db was opened
  Analyzer analyzer;
  std::uint64_t epoch = 0;  // Impl::epoch when db was last (re)opened
  bool opened = false;      // db is open (a new handle opens in with_handle)
};

struct Searcher::Impl {
  std::string path;
  SearchOptions options;
  RankingParams ranking = ranking_params();
  std::shared_ptr<spdlog::logger> log;  // null: silent
  std::atomic<std::uint64_t> epoch{0};  // bumped by reopen()
  std::mutex mu;                        // guards idle
  std::vector<std::unique_ptr<Handle>> idle;

  // Opens the live generation afresh (after a compaction switched it). A
  // compaction may switch and delete the generation between reading the
  // stub and opening it: then the stub has changed, and we follow it.
  void open_fresh(Handle& h) {
    for (int attempt = 0;; ++attempt) {
      h.stub = stub::read_raw(path);
      const std::string dir = database_dir(path, h.stub);
      try {
        h.db = Xapian::Database(dir);
        h.opened = true;
        return;
      } catch (const Xapian::DatabaseOpeningError&) {
        if (attempt < kModifiedRetries && stub::read_raw(path) != h.stub) continue;
        std::error_code ec;
        if (!h.stub.empty() && !std::filesystem::exists(dir, ec))
          throw Error(ErrorCode::kCorruption,
                      stub::missing_generation_message(path, stub::parse(path, h.stub)));
        throw;
      }
    }
  }

  // Before each use: follow a compaction (it replaces the stub file) and
  // pick up commits if reopen() was called since the handle last looked.
  void refresh(Handle& h) {
    const std::uint64_t now = epoch.load();
    if (stub::read_raw(path) != h.stub) {
      open_fresh(h);
    } else if (h.epoch != now) {
      h.db.reopen();
    }
    h.epoch = now;
  }

  // An idle handle of the pool, or a new one still to be opened (null db);
  // with_handle() opens it inside its retry loop, since opening can be
  // overtaken by a commit or a compaction too.
  std::unique_ptr<Handle> acquire() {
    {
      std::lock_guard lock(mu);
      if (!idle.empty()) {
        auto h = std::move(idle.back());
        idle.pop_back();
        return h;
      }
    }
    auto h = std::make_unique<Handle>();
    h->epoch = epoch.load();
    return h;
  }

  void release(std::unique_ptr<Handle> h) {
    std::lock_guard lock(mu);
    idle.push_back(std::move(h));
  }

  enum class Recovery { kNone, kReopen, kOpenFresh };

  // Runs f(handle) on a handle of the pool, recovering from a commit
  // (reopen) or a compaction (open the new generation) that overtook it;
  // a recovery that is itself overtaken is retried the same way. Every
  // Xapian error leaves as newsearch::Error; a handle that saw one is
  // dropped, not reused.
  template <typename F>
  auto with_handle(const char* what, F&& f) {
    const std::string context = std::string(what) + " in '" + path + "'";
    const auto give_up = std::chrono::steady_clock::now() + kRetryFor;
    auto exhausted = [&](int attempt) {
      return attempt >= kModifiedRetries && std::chrono::steady_clock::now() >= give_up;
    };
    std::unique_ptr<Handle> h = acquire();
    Recovery recovery = Recovery::kNone;
    for (int attempt = 0;; ++attempt) {
      try {
        // A handle not opened yet (or whose opening was overtaken) opens,
        // whatever error interrupted the previous attempt.
        if (!h->opened || recovery == Recovery::kOpenFresh)
          open_fresh(*h);
        else if (recovery == Recovery::kReopen)
          h->db.reopen();
        refresh(*h);
        auto result = f(*h);
        release(std::move(h));
        return result;
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (exhausted(attempt)) throw translate_xapian_error(e, context);
        if (log) log->debug("index changed during {}; reopening", what);
        recovery = Recovery::kReopen;
      } catch (const Xapian::DatabaseOpeningError& e) {
        // A compaction removed the generation being opened or read: retry.
        // After a few quick attempts only while the index keeps moving on,
        // so that a directory that is not an index fails fast.
        if (attempt >= kModifiedRetries && (exhausted(attempt) || stub::read_raw(path) == h->stub))
          throw translate_xapian_error(e, context);
        recovery = Recovery::kOpenFresh;
      } catch (const Xapian::DatabaseError& e) {
        // A compaction that removed the generation mid-read shows up as a
        // read error; only when the stub has moved on is that recoverable.
        if (exhausted(attempt) || stub::read_raw(path) == h->stub) throw translate_xapian_error(e, context);
        recovery = Recovery::kOpenFresh;
      } catch (const Xapian::Error& e) {
        throw translate_xapian_error(e, context);
      } catch (const Error& e) {
        // A stored value found missing or unreadable (a passage layout) while
        // a compaction deleted the generation being read: Xapian opens some
        // tables lazily and takes a deleted one for an empty one. Recoverable
        // like a read error, only once the stub has moved on.
        if (e.code() == ErrorCode::kCorruption && !exhausted(attempt) &&
            stub::read_raw(path) != h->stub) {
          recovery = Recovery::kOpenFresh;
          continue;
        }
        if (e.code() == ErrorCode::kQuerySyntax || e.code() == ErrorCode::kInvalidArgument)
          release(std::move(h));  // the caller's mistake; the handle is fine
        throw;
      }
    }
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Searcher Searcher::open(const std::string& path, const SearchOptions& options) {
  check_search_options(options);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::kNotFound, "no index at '" + path +
                                          "': build one with 'indexer --db " + path + " DIR'");
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->log = make_library_logger("newsearch.searcher", options.log);
  impl->with_handle("opening index", [&](Handle& h) {
    check_schema(h.db, path, h.analyzer);
    return true;
  });
  return Searcher(std::move(impl));
}

SearchResults Searcher::search(std::string_view query) const {
  return search(query, impl_->options);
}

SearchResults Searcher::search(std::string_view query, const SearchOptions& options) const {
  const auto start = std::chrono::steady_clock::now();
  SearchResults results = impl_->with_handle("search", [&](Handle& h) {
    return run_search(h.db, h.analyzer, query, options, impl_->ranking);
  });
  if (impl_->log)
    impl_->log->debug("query [{}]: {} hits of about {} in {:.2f} ms{}", query, results.hits.size(),
                      results.estimated_matches,
                      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
                      results.timed_out ? " (time budget ran out)" : "");
  return results;
}

std::size_t Searcher::article_count() const {
  return impl_->with_handle("counting articles", [](Handle& h) {
    return static_cast<std::size_t>(h.db.get_doccount());
  });
}

void Searcher::reopen() {
  ++impl_->epoch;
  // Reopen one handle now, so that an index gone bad is reported here; the
  // other handles of the pool follow when they are next used.
  impl_->with_handle("reopening", [](Handle&) { return true; });
}

}  // namespace newsearch
