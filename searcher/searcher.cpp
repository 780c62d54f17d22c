// Searcher::Impl: the only place that opens the index for reading.
#include "newsearch/searcher.h"

#include <spdlog/spdlog.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <mutex>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "searcher/analysis/index_schema.h"
#include "searcher/analysis/xapian_error.h"
#include "searcher/ranking.h"

namespace newsearch {
namespace {

// Retries after a concurrent commit invalidated the revision being read.
constexpr int kModifiedRetries = 5;

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

// Contents of the index's stub file: which generation is live. Empty for a
// plain (stub-less) Xapian database.
std::string read_stub(const std::string& path) {
  std::ifstream in(std::filesystem::path(path) / schema::kStubFile);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

struct Searcher::Impl {
  std::string path;
  SearchOptions options;
  Xapian::Database db;
  std::string stub;
  Analyzer analyzer;
  std::mutex mu;

  // Opens the live generation afresh (after a compaction switched it). A
  // compaction may switch and delete the generation between reading the
  // stub and opening it: then the stub has changed, and we follow it.
  void open_fresh() {
    for (int attempt = 0;; ++attempt) {
      stub = read_stub(path);
      try {
        db = Xapian::Database(path);
        return;
      } catch (const Xapian::DatabaseOpeningError&) {
        if (attempt >= kModifiedRetries || read_stub(path) == stub) throw;
      }
    }
  }

  // Cheap check before each search: a compaction replaces the stub file.
  void follow_switch() {
    if (read_stub(path) != stub) open_fresh();
  }

  enum class Recovery { kReopen, kOpenFresh };

  // Runs f, recovering from a commit (reopen) or a compaction (open the new
  // generation) that overtook it. Every Xapian error leaves as newsearch::Error,
  // including those of the recovery itself.
  template <typename F>
  auto with_retry(const char* what, F&& f) {
    const std::string context = std::string(what) + " in '" + path + "'";
    for (int attempt = 0;; ++attempt) {
      Recovery recovery = Recovery::kReopen;
      try {
        return f();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt >= kModifiedRetries) throw translate_xapian_error(e, context);
        if (options.logger) options.logger->debug("index changed during {}; reopening", what);
      } catch (const Xapian::DatabaseOpeningError& e) {
        if (attempt >= kModifiedRetries) throw translate_xapian_error(e, context);
        recovery = Recovery::kOpenFresh;  // the generation read was removed
      } catch (const Xapian::Error& e) {
        throw translate_xapian_error(e, context);
      }
      try {
        if (recovery == Recovery::kReopen)
          db.reopen();
        else
          open_fresh();
      } catch (const Xapian::Error& e) {
        throw translate_xapian_error(e, context);
      }
    }
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Searcher Searcher::open(const std::string& path, const SearchOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::kNotFound, "no index at '" + path +
                                          "': build one with 'indexer --db " + path + " DIR'");
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  try {
    impl->open_fresh();
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "cannot open index '" + path + "'");
  }
  check_schema(impl->db, path, impl->analyzer);
  return Searcher(std::move(impl));
}

SearchResults Searcher::search(std::string_view query) {
  return search(query, impl_->options);
}

SearchResults Searcher::search(std::string_view query, const SearchOptions& options) {
  std::lock_guard lock(impl_->mu);
  return impl_->with_retry("search", [&] {
    impl_->follow_switch();
    return run_search(impl_->db, impl_->analyzer, query, options);
  });
}

std::size_t Searcher::article_count() {
  std::lock_guard lock(impl_->mu);
  return impl_->with_retry("counting articles", [&] {
    return static_cast<std::size_t>(impl_->db.get_doccount());
  });
}

void Searcher::reopen() {
  std::lock_guard lock(impl_->mu);
  impl_->with_retry("reopening", [&] {
    impl_->open_fresh();
    return true;
  });
}

}  // namespace newsearch
