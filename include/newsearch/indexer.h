/** @file indexer.h
 *  @brief Index files and directories of articles: what the `indexer`
 *  program does, as a library call.
 */
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsearch/export.h"
#include "newsearch/logging.h"

namespace newsearch {

/// How far a run has got: what IndexerOptions::on_progress receives.
struct IndexProgress {
  std::size_t articles = 0;       ///< records indexed so far (added + updated + unchanged)
  std::uint64_t bytes_read = 0;   ///< input consumed so far (compressed bytes for .gz)
  std::uint64_t total_bytes = 0;  ///< size of all input files, 0 if unknown (none)
  bool finished = false;          ///< the last call: all input has been read
};

/// Options of run_indexer(); the `indexer` flags map onto these fields.
struct IndexerOptions {
  /// Index directory; created if missing (unless only compacting). Must
  /// not be empty.
  std::string db_path;
  /// Directories (searched recursively for *.txt, *.jsonl, *.jsonl.gz) and
  /// files to index. May be empty when only compacting.
  std::vector<std::string> sources;
  /// Articles per commit. A crash loses at most one batch; searches see
  /// whole batches only.
  std::size_t batch_size = 1000;
  /// The language of articles that give none and whose text CLD2 cannot
  /// tell (too short, mixed): an ISO 639-1 code or name, as
  /// AnalyzerOptions::language. One that names no language is an error
  /// (Error(kInvalidArgument)).
  std::string default_language = "en";

  /// Files (and JSONL lines) larger than this are skipped and counted.
  std::size_t max_file_bytes = 32u << 20;
  /// Delete articles of each SOURCE whose record is gone. A SOURCE that
  /// yields no records at all, or had read errors, is never pruned.
  bool prune = true;
  /// Compact the index after the run, whatever changed.
  bool compact = false;
  /// Compact after a run that changed at least this fraction of the
  /// articles (added + updated + deleted); 0 disables.
  double compact_threshold = 0.3;
  /// Threads that analyse and write when the index is empty at the start
  /// (a fresh build from at least parallel_min_bytes of input): each writes a shard, and
  /// the shards are merged into a compact index at the end. 0 means one per
  /// core; 1 builds on one thread. Incremental runs always use one thread.
  /// A fresh parallel build commits only at its end: killed before, it
  /// leaves the index empty, and the next run starts over.
  std::size_t threads = 0;
  /// Smaller fresh builds run on one thread (workers and the merge would
  /// cost more than they save).
  std::uint64_t parallel_min_bytes = 4u << 20;
  /// Bytes kept free on the index's filesystem: a commit, compaction or
  /// shard merge that would leave less is refused with Error(kIOError,
  /// "No space left on device ..."), and the index keeps its last commit.
  /// libxapian cannot report every full-disk write error (docs/indexing.md,
  /// "Full disk"), so this margin is what makes a filling disk a clean
  /// error. 0 disables the margin (a compaction must still fit).
  std::uint64_t min_free_bytes = 64ull << 20;
  /// Called with the run's progress, on the thread that called run_indexer()
  /// (never on another, also in a parallel build): once before the first
  /// file is read (articles and bytes_read 0), after each record read (each
  /// JSON Lines line, each article indexed or found unchanged), and once
  /// with `finished` set when all input has been read, before the shards are
  /// merged, SOURCEs pruned and the last batch committed; articles and
  /// bytes_read never decrease, and bytes_read then equals total_bytes
  /// unless a file changed size during the run. Not called on a run that
  /// fails before reading. It is called often: it must be cheap, throttle
  /// its own display, and not throw. The `indexer` program draws its
  /// progress line on a terminal from it. Empty (the default): not called.
  std::function<void(const IndexProgress&)> on_progress;
  /// Progress, warnings (one per skipped record) and errors; default none.
  LogOptions log;
};

/// What a run did.
struct IndexStats {
  std::size_t found = 0;      ///< source records seen
  std::size_t added = 0;      ///< new articles
  std::size_t updated = 0;    ///< existing ids whose content changed
  std::size_t unchanged = 0;  ///< existing ids with the same content hash
  std::size_t deleted = 0;    ///< articles pruned because their record is gone
  std::size_t skipped = 0;    ///< bad records (reported one by one in the log)
  std::size_t errors = 0;     ///< unreadable sources (files, directories, streams)
  /// Records read in this run whose date was not ISO 8601 ("2024-02-30",
  /// "last tuesday", "01/02/2024"): each was logged as a warning naming
  /// its file and line, and indexed undated. Not a skip: the article is
  /// searchable, only no date filter selects it. An unchanged record is not
  /// read again, so a later run does not count it again.
  std::size_t bad_dates = 0;
  /// Records read in this run whose "lang" named no language (no ISO 639-1
  /// code or language name: "klingon", "und"): each was logged as a warning
  /// and its language detected instead, as for a record without one.
  std::size_t bad_languages = 0;
  std::size_t articles = 0;  ///< articles in the index after the run
  bool compacted = false;    ///< the run ended with a compaction
  std::uint64_t bytes = 0;   ///< bytes of source text read
  double seconds = 0.0;
  std::size_t indexed() const { return added + updated + unchanged; }
};

/** Index every record of options.sources into options.db_path,
 *  incrementally (docs/indexing.md). Bad records are skipped, logged with
 *  their path and reason, and counted; they never stop the run.
 *  @throws Error(kNotFound) for a missing SOURCE or, with no SOURCE (only
 *    compacting), a missing index; Error(kInvalidArgument) for an empty
 *    db_path, a compact_threshold outside [0, 1] (NaN included) or a zero
 *    batch_size; Error(kLocked) if another
 *    writer holds the index, other Error codes for index failures.
 *    Everything committed before a failure stays searchable.
 *  While it runs, a std::terminate raised by libxapian for a write error it
 *  cannot report (a full disk during a commit) logs that error and ends the
 *  process with status 2 (indexer/terminate_guard.h).
 */
NEWSEARCH_API IndexStats run_indexer(const IndexerOptions& options);

}  // namespace newsearch
