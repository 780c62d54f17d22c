// Finds the source files to index under the SOURCE arguments.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace newsearch {

/// One file to index and the article id it gets.
struct SourceFile {
  std::string path;  ///< as found (SOURCE joined with the relative path)
  std::string id;    ///< path relative to its SOURCE directory, or the file name
  std::string root;  ///< the SOURCE it was found under, made absolute and canonical
};

/// A stable key for a SOURCE argument: its absolute, canonical path.
std::string source_root_key(const std::string& source);

/// @p path with every byte that is not printable UTF-8 (invalid sequences,
/// control characters) written as \xNN: safe to put in a log line.
std::string printable_path(const std::string& path);

/// Lists *.txt, *.jsonl and *.jsonl.gz files under each directory in
/// @p sources (recursively, in sorted order) and each file named directly.
///
/// Reported through @p on_error (path, reason) and left out, as unreadable:
/// a directory that cannot be read; a SOURCE that is neither a directory
/// nor a regular file (a FIFO, a device, a socket: reading it could block
/// forever); a dangling symbolic link or a symbolic link loop (the article
/// may be on a volume that is not mounted).
/// Reported through @p on_skip (path, reason) and left out, as bad input:
/// a file whose name is not valid UTF-8 (its id could not be shown or put
/// in JSON); a symbolic link to a directory walked already (a loop, or a
/// second link to one directory).
/// Symbolic links to directories are followed, after the real directories
/// of the SOURCE, so a directory reached both ways is indexed under its
/// real path; ids go through the link ("link/a.txt"). Special files found
/// in the walk are not articles and are passed over silently.
/// Paths reported are printable_path()s.
/// @throws Error(kNotFound) if a SOURCE does not exist.
std::vector<SourceFile> find_sources(
    const std::vector<std::string>& sources,
    const std::function<void(const std::string&, const std::string&)>& on_error,
    const std::function<void(const std::string&, const std::string&)>& on_skip = {});

}  // namespace newsearch
