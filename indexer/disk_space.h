// Free-space checks before the index is written: the indexer's disk
// watermark.
//
// Why: libxapian 1.4 cannot always report a full disk. Its glass backend
// writes the last value chunk of each slot from a noexcept destructor
// (Glass::ValueUpdater) during every commit that adds values, so a write
// error there ends the process in std::terminate instead of throwing. The
// writer therefore refuses to start a commit, a compaction or a shard merge
// unless the index's filesystem has room for it plus a margin, which turns
// a disk filling up into a clean, recoverable error (the index keeps its
// last commit), as Elasticsearch's flood-stage watermark does.
#pragma once

#include <cstdint>
#include <string>

namespace newsearch {

/// Default margin kept free on the index's filesystem (IndexerOptions and
/// IndexWriterOptions::min_free_bytes).
inline constexpr std::uint64_t kDefaultMinFreeBytes = 64ull << 20;

/// Bytes available to the writer on the filesystem holding @p path.
/// @throws Error(kIOError) if statvfs() fails.
std::uint64_t free_bytes(const std::string& path);

/// Total size of the regular files under @p dir (0 if it is missing).
std::uint64_t directory_bytes(const std::string& dir);

/// @throws Error(kIOError) saying "No space left on device" unless the
///   filesystem of @p path has @p need + @p margin bytes available. @p what
///   names the write ("a commit to 'PATH'"). A @p margin of 0 disables the
///   check when @p need is 0 too.
void require_free_space(const std::string& path, std::uint64_t need, std::uint64_t margin,
                        const std::string& what);

}  // namespace newsearch
