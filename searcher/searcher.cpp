// Searcher::Impl: the public Searcher over the index handles (index_handle.h)
// and the search pipeline (search_pipeline.h).
#include "newsearch/searcher.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <memory>
#include <string>

#include "searcher/boundary/log_bridge.h"
#include "searcher/index_handle.h"
#include "searcher/options_check.h"
#include "searcher/ranking_params.h"
#include "searcher/search_pipeline.h"

namespace newsearch {

struct Searcher::Impl {
  Impl(const std::string& path, const SearchOptions& opt)
      : options(opt), log(make_library_logger("newsearch.searcher", opt.log)), index(path, log) {}

  SearchOptions options;
  RankingParams ranking = ranking_params();
  std::shared_ptr<spdlog::logger> log;  // null: silent
  IndexHandles index;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

Searcher Searcher::open(const std::string& path, const SearchOptions& options) {
  check_search_options(options);
  return Searcher(std::make_unique<Impl>(path, options));
}

SearchResults Searcher::search(std::string_view query) const {
  return search(query, impl_->options);
}

SearchResults Searcher::search(std::string_view query, const SearchOptions& options) const {
  const auto start = std::chrono::steady_clock::now();
  SearchResults results = impl_->index.with_handle("search", [&](IndexHandle& h) {
    return run_search(h.db, h.analyzer, query, options, impl_->ranking);
  });
  if (impl_->log)
    impl_->log->debug(
        "query [{}]: {} hits of about {} in {:.2f} ms{}", query, results.hits.size(),
        results.estimated_matches,
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(),
        results.timed_out ? " (time budget ran out)" : "");
  return results;
}

std::size_t Searcher::article_count() const {
  return impl_->index.with_handle("counting articles", [](IndexHandle& h) {
    return static_cast<std::size_t>(h.db.get_doccount());
  });
}

void Searcher::reopen() { impl_->index.reopen(); }

}  // namespace newsearch
