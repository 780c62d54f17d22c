// `indexer`: build or update a newsearch index from article files.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "indexer/progress_line.h"
#include "newsearch/article_printer.h"
#include "newsearch/error.h"
#include "newsearch/indexer.h"
#include "newsearch/paths.h"
#include "newsearch/version.h"
#include "searcher/cli/cli_common.h"
#include "searcher/cli/terminal_text.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitPartial = 1;  // done, but some inputs were skipped or unreadable
constexpr int kExitFatal = 2;    // bad arguments, index failure, nothing indexed
constexpr int kExitLocked = 3;   // another run holds the index lock

constexpr const char* kFooter = R"(
Input: *.txt files (one article each: the first non-empty line is the
headline, paragraphs are separated by blank lines, web boilerplate lines are
dropped; the id is the path relative to SOURCE) and JSON Lines files
(*.jsonl, *.jsonl.gz: one {"id","title","body",...} object per line; the id
is used verbatim).

Each run is incremental: new articles are added, changed ones (by content
hash) replaced, unchanged ones skipped cheaply, and articles whose record
disappeared from a SOURCE are deleted (--no-prune keeps them). Commits are
atomic: searches see the previous or the new state, and a killed run leaves
the last commit intact; the next run completes the work.

Output: one summary line on stdout, e.g.
  added=3 updated=1 deleted=0 unchanged=96 skipped=0 errors=0 bad_dates=0 bad_langs=0 articles=100 seconds=0.4 status=ok
(bad_dates: records whose date was not ISO 8601, indexed undated;
bad_langs: records whose "lang" named no language, whose language was
detected instead; both are warned about one by one and do not change the
status.)

Exit status: 0 success; 1 finished, but some records were skipped or some
sources could not be read (see the log); 2 error, or nothing could be
indexed; 3 another indexer holds the index lock.

--print SOURCE... reads the sources exactly as indexing would and writes
one JSON object per article per line to stdout (id, title, title_derived,
date, date_source, lang, lang_source, source, url, source_path, paragraphs,
dropped; see
docs/indexing.md), with the same warnings on stderr; it never opens or
creates an index (--db is ignored). Exit status: 0 at least one article
printed; 1 none; 2 error (a missing SOURCE, bad flags).
Index location: --db, else $NEWSEARCH_DB, else
${XDG_DATA_HOME:-~/.local/share}/newsearch/index.)";

struct Flags {
  newsearch::IndexerOptions options;
  std::size_t max_file_mb = 32;
  std::uint64_t min_free_mb = 64;
  std::string log_level = "info";
  std::string log_file;
  bool no_prune = false;
  bool print = false;
  newsearch::cli::ProgressLine progress;   // drawn on a terminal (run())
  std::shared_ptr<spdlog::logger> logger;  // the program's own (stderr, --log-file)
};

// A number from 0 to 1. CLI::Range alone lets "nan" through (every
// comparison with NaN is false).
const CLI::Validator kShare(
    [](std::string& v) {
      double x = 0;
      const bool ok = CLI::detail::lexical_cast(v, x) && x >= 0.0 && x <= 1.0;
      return ok ? std::string() : "Value " + v + " not a number from 0 to 1";
    },
    "FLOAT in [0 - 1]");

void add_flags(CLI::App& app, Flags& f) {
  app.add_option("source", f.options.sources, "Directories (searched recursively) or files");
  newsearch::cli::add_db_flag(app, f.options.db_path);
  app.add_option("--batch-size", f.options.batch_size, "Articles per commit")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app.add_option("--max-file-mb", f.max_file_mb, "Skip files (and JSONL lines) larger than this")
      ->check(CLI::Range(1, 4096))
      ->capture_default_str();
  app.add_option("--threads", f.options.threads,
                 "Threads for a fresh build (0 = one per core; incremental runs use one)")
      ->check(CLI::Range(0, 64))
      ->capture_default_str();
  app.add_option("--min-free-mb", f.min_free_mb,
                 "Refuse to commit when the index's disk would have less free (0 = no margin)")
      ->check(CLI::Range(0, 1 << 20))
      ->capture_default_str();
  app.add_flag("--no-prune", f.no_prune, "Keep articles whose source record disappeared");
  app.add_option("--default-lang", f.options.default_language,
                 "Language of articles that give none and whose language cannot be detected "
                 "(ISO 639-1 code or name)")
      ->capture_default_str();
  auto* compact = app.add_flag("--compact", f.options.compact,
                               "Compact the index after the run (SOURCE optional)");
  app.add_flag("--print", f.print,
               "Parse SOURCEs without indexing: one JSON object per article on stdout")
      ->excludes(compact);
  app.add_option("--compact-threshold", f.options.compact_threshold,
                 "Compact automatically when this share of articles changed (0 = never)")
      ->check(kShare)
      ->capture_default_str();
  app.add_option("--log-file", f.log_file, "Also log to this file (rotated at 10 MiB, 5 kept)");
  newsearch::cli::add_log_level_flag(app, f.log_level);
  app.set_version_flag("--version", newsearch::version_string());
  app.footer(kFooter);
}

int exit_status(const newsearch::IndexerOptions& o, const newsearch::IndexStats& s,
                spdlog::logger& log) {
  if (!o.sources.empty() && s.indexed() == 0) {
    log.error("nothing could be indexed ({} records found, {} skipped, {} unreadable sources)",
              s.found, s.skipped, s.errors);
    return kExitFatal;
  }
  return s.skipped + s.errors > 0 ? kExitPartial : kExitOk;
}

// --print: exit status 0 when an article was printed, 1 when none was.
int print(Flags& f) {
  newsearch::PrintOptions p;
  p.sources = f.options.sources;
  p.max_file_bytes = f.max_file_mb << 20;
  p.default_language = f.options.default_language;
  p.log = f.options.log;
  // DEL and C1 controls, which JSON allows raw, are escaped too: an id (a
  // file name) may hold them.
  p.on_article = [](const std::string& line) {
    const std::string safe = newsearch::cli::json_without_controls(line);
    std::fwrite(safe.data(), 1, safe.size(), stdout);
    std::fputc('\n', stdout);
  };
  if (p.sources.empty())
    throw newsearch::Error(newsearch::ErrorCode::kInvalidArgument,
                           "--print needs a SOURCE (see indexer --help)");
  const newsearch::PrintStats s = newsearch::print_articles(p);
  if (std::fflush(stdout) != 0)
    throw newsearch::Error(newsearch::ErrorCode::kIOError, "cannot write to stdout");
  if (s.printed == 0)
    f.logger->error("no article to print ({} skipped, {} unreadable sources)", s.skipped, s.errors);
  return s.printed > 0 ? kExitOk : kExitPartial;
}

int run(Flags& f) {
  if (f.print) return print(f);
  auto& o = f.options;
  auto& log = *f.logger;
  if (o.sources.empty() && !o.compact)
    throw newsearch::Error(newsearch::ErrorCode::kInvalidArgument,
                           "no SOURCE given (see indexer --help)");
  if (o.db_path.empty()) o.db_path = newsearch::default_index_path();
  o.max_file_bytes = f.max_file_mb << 20;
  o.min_free_bytes = f.min_free_mb << 20;
  o.prune = !f.no_prune;
  if (isatty(STDERR_FILENO) && newsearch::cli::kLogLevels.at(f.log_level) <= spdlog::level::info)
    o.on_progress = [&line = f.progress](const newsearch::IndexProgress& p) { line.update(p); };
  log.info("indexing into {}", o.db_path);
  const newsearch::IndexStats s = newsearch::run_indexer(o);
  const double mb = static_cast<double>(s.bytes) / 1e6;
  log.info(
      "{} records: {} added, {} updated, {} deleted, {} unchanged, {} skipped, {} errors; "
      "{} articles in the index; {:.2f} s ({:.2f} MB, {:.2f} MB/s){}",
      s.found, s.added, s.updated, s.deleted, s.unchanged, s.skipped, s.errors, s.articles,
      s.seconds, mb, s.seconds > 0 ? mb / s.seconds : 0.0, s.compacted ? "; compacted" : "");
  const int status = exit_status(o, s, log);
  std::printf(
      "added=%zu updated=%zu deleted=%zu unchanged=%zu skipped=%zu errors=%zu bad_dates=%zu "
      "bad_langs=%zu articles=%zu seconds=%.2f status=%s\n",
      s.added, s.updated, s.deleted, s.unchanged, s.skipped, s.errors, s.bad_dates, s.bad_languages,
      s.articles, s.seconds,
      status == kExitOk        ? "ok"
      : status == kExitPartial ? "partial"
                               : "failed");
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Index news articles (*.txt, *.jsonl, *.jsonl.gz) into a newsearch index.",
               "indexer"};
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
    f.logger = newsearch::cli::make_logger("indexer", f.log_level, f.log_file);
    f.options.log = newsearch::cli::forward_to(
        f.logger, newsearch::cli::recorded_level(f.log_level, f.log_file));
    return run(f);
  } catch (const newsearch::Error& e) {
    if (f.logger)
      f.logger->error("{}", e.what());
    else
      std::cerr << "indexer: " << e.what() << '\n';
    return e.code() == newsearch::ErrorCode::kLocked ? kExitLocked : kExitFatal;
  } catch (const std::exception& e) {
    std::cerr << "indexer: internal error: " << e.what() << '\n';
  }
  return kExitFatal;
}
