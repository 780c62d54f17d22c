// The directory layout of an index (see index_schema.h): generations behind
// an atomically switched Xapian stub file, and the writers' lock.
#pragma once

#include <string>

namespace newsearch {

/// Exclusive, non-blocking lock on PATH/newsearch.lock, held for the
/// object's lifetime. The kernel releases it if the process dies (even by
/// SIGKILL), so a crashed run never leaves a stale lock behind.
class IndexLock {
 public:
  /// @throws Error(kLocked) naming the holder's pid if another process holds it,
  ///         Error(kIOError) if the lock file cannot be created.
  explicit IndexLock(const std::string& index_path);
  ~IndexLock();
  IndexLock(const IndexLock&) = delete;
  IndexLock& operator=(const IndexLock&) = delete;

 private:
  int fd_ = -1;
};

/// True if PATH already has an index (its stub file exists).
bool has_index_layout(const std::string& index_path);

/// Checks that PATH may become an index: missing, empty, or holding only
/// our lock file and leftover generations.
/// @throws Error(kInvalidArgument) if it is a file or an unrelated directory.
void check_index_target(const std::string& index_path);

/// Name of the live generation directory ("gen-000007"), checked to exist.
/// @throws Error(kCorruption) if the stub file is missing or malformed, names
///         anything but one of PATH's generations, or names one that is not
///         there (the message lists those that are and how to recover).
std::string live_generation(const std::string& index_path);

/// The name the generation after @p generation gets.
/// @throws Error(kCorruption) unless @p generation is "gen-<decimal number>".
std::string next_generation(const std::string& generation);

/// Points the stub at @p generation: write a temporary file, fsync, rename
/// over XAPIANDB, fsync the directory.
void switch_generation(const std::string& index_path, const std::string& generation);

/// Deletes generation directories (and shards) other than @p live, left by
/// an interrupted compaction, merge or switch. Call with the lock held and
/// only once @p live has been opened and its schema checked: nothing is
/// removed before what stays is known to be good.
void remove_stale_generations(const std::string& index_path, const std::string& live);

}  // namespace newsearch
