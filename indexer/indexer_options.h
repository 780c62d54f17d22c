// IndexerOptions: every knob of the indexer in one struct; the `indexer`
// flags map onto these fields one to one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace spdlog { class logger; }

namespace newsearch {

struct IndexerOptions {
  /// Index directory; created if missing.
  std::string db_path;
  /// Directories (searched recursively for *.txt) and files to index.
  std::vector<std::string> sources;
  /// Articles per commit. A crash loses at most one batch; searches see
  /// whole batches only.
  std::size_t batch_size = 1000;
  /// Files larger than this are skipped (and counted) rather than indexed.
  std::size_t max_file_bytes = 32u << 20;
  /// Progress and warnings; null means silent.
  std::shared_ptr<spdlog::logger> logger;
};

/// What a run did.
struct IndexStats {
  std::size_t found = 0;      ///< source records seen
  std::size_t added = 0;      ///< new articles
  std::size_t updated = 0;    ///< existing ids whose content changed
  std::size_t unchanged = 0;  ///< existing ids with the same content hash
  std::size_t skipped = 0;    ///< bad records (reported one by one in the log)
  std::uint64_t bytes = 0;    ///< bytes of source text read
  double seconds = 0.0;
  std::size_t indexed() const { return added + updated + unchanged; }
};

}  // namespace newsearch
