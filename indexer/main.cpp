// `indexer`: build or update a newsearch index from article files.
#include <iostream>

#include "indexer/indexer.h"
#include "newsearch/error.h"
#include "newsearch/paths.h"
#include "newsearch/version.h"
#include "searcher/cli/cli_common.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitPartial = 1;  // done, but some inputs were skipped
constexpr int kExitFatal = 2;    // bad arguments, index failure, nothing indexed
constexpr int kExitLocked = 3;   // another run holds the index lock

constexpr const char* kFooter = R"(
Each *.txt file is one article: the first non-empty line is the headline,
paragraphs are separated by blank lines, web boilerplate lines are dropped.
The article id is the file's path relative to its SOURCE directory. Running
again replaces changed articles and leaves unchanged ones alone.

Exit status: 0 success; 1 finished but some files were skipped (see the
log); 2 error or nothing could be indexed; 3 the index is locked by another
indexer run.
Index location: --db, else $NEWSEARCH_DB, else
${XDG_DATA_HOME:-~/.local/share}/newsearch/index.)";

struct Flags {
  newsearch::IndexerOptions options;
  std::size_t max_file_mb = 32;
  std::string log_level = "info";
};

void add_flags(CLI::App& app, Flags& f) {
  app.add_option("source", f.options.sources, "Directories (searched recursively) or files")
      ->required();
  app.add_option("--db", f.options.db_path, "Index directory (default: see below)");
  app.add_option("--batch-size", f.options.batch_size, "Articles per commit")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  app.add_option("--max-file-mb", f.max_file_mb, "Skip files larger than this")
      ->check(CLI::Range(1, 4096))->capture_default_str();
  newsearch::cli::add_log_level_flag(app, f.log_level);
  app.set_version_flag("--version", newsearch::version_string());
  app.footer(kFooter);
}

int exit_status(const newsearch::IndexStats& s, spdlog::logger& log) {
  if (s.indexed() == 0) {
    log.error("nothing could be indexed ({} files found, {} skipped)", s.found, s.skipped);
    return kExitFatal;
  }
  return s.skipped > 0 ? kExitPartial : kExitOk;
}

int run(Flags& f) {
  auto& log = *f.options.logger;
  if (f.options.db_path.empty()) f.options.db_path = newsearch::default_index_path();
  f.options.max_file_bytes = f.max_file_mb << 20;
  log.info("indexing into {}", f.options.db_path);
  const newsearch::IndexStats s = newsearch::run_indexer(f.options);
  const double mb = static_cast<double>(s.bytes) / 1e6;
  log.info("{} articles: {} added, {} updated, {} unchanged, {} skipped in {:.2f} s ({:.2f} MB, {:.2f} MB/s)",
           s.found, s.added, s.updated, s.unchanged, s.skipped, s.seconds, mb,
           s.seconds > 0 ? mb / s.seconds : 0.0);
  return exit_status(s, log);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Index news articles (*.txt) into a newsearch index.", "indexer"};
  Flags f;
  add_flags(app, f);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "indexer: " << e.what() << " (see indexer --help)\n";
    return kExitFatal;
  }
  try {
    f.options.logger = newsearch::cli::make_stderr_logger("indexer", f.log_level);
    return run(f);
  } catch (const newsearch::Error& e) {
    std::cerr << "indexer: " << e.what() << '\n';
    return e.code() == newsearch::ErrorCode::kLocked ? kExitLocked : kExitFatal;
  } catch (const std::exception& e) {
    std::cerr << "indexer: internal error: " << e.what() << '\n';
  }
  return kExitFatal;
}
