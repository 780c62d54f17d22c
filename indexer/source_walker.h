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

/// Lists *.txt, *.jsonl and *.jsonl.gz files under each directory in @p sources (recursively, in
/// sorted order) and each file named directly. Directories that cannot be
/// read, and a SOURCE that is neither a directory nor a regular file (a
/// FIFO, a device, a socket: reading it could block forever), are reported
/// through @p on_error (path, reason) and skipped. The walk skips such
/// files silently, as it skips every file that is not an article.
/// @throws Error(kNotFound) if a SOURCE does not exist.
std::vector<SourceFile> find_sources(
    const std::vector<std::string>& sources,
    const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace newsearch
