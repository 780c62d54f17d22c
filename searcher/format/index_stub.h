/** @file index_stub.h
 *  @brief Reading the stub file that names an index's live generation.
 *
 *  PATH/XAPIANDB holds one line, "glass gen-NNNNNN" (index_schema.h). Xapian
 *  itself would follow any path written there ("glass ../elsewhere"); an
 *  index only ever names one of its own generation directories, so both the
 *  searcher and the indexer read the stub through here and refuse anything
 *  else. Errors say what is wrong and how to recover by hand.
 */
#pragma once

#include <string>
#include <vector>

namespace newsearch::stub {

/// The stub's raw contents, or "" if PATH has no stub file. Cheap: the
/// searcher compares it before every search to notice a compaction.
std::string read_raw(const std::string& index_path);

/// True if @p name is a generation directory name ("gen-" and 1 to 9 digits).
bool is_generation_name(const std::string& name);

/// The generation named by stub contents @p raw of the index at @p index_path.
/// @throws Error(kCorruption) unless @p raw is "glass gen-NNNNNN" (one line,
///         optional trailing newline): a stub naming a path outside the index,
///         another backend or garbage is refused.
std::string parse(const std::string& index_path, const std::string& raw);

/// The generation directories present in PATH, oldest (lowest number) first.
std::vector<std::string> generations_present(const std::string& index_path);

/// The message of the error raised when the stub names generation @p gen but
/// PATH/@p gen does not exist: which generations there are and how to point
/// the stub at one of them. Nothing is deleted in that state.
std::string missing_generation_message(const std::string& index_path, const std::string& gen);

}  // namespace newsearch::stub
