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
};

/// Lists *.txt files under each directory in @p sources (recursively, in
/// sorted order) and each file named directly. Directories that cannot be
/// read are reported through @p on_error (path, reason) and skipped.
/// @throws Error(kNotFound) if a SOURCE does not exist.
std::vector<SourceFile> find_sources(
    const std::vector<std::string>& sources,
    const std::function<void(const std::string&, const std::string&)>& on_error);

}  // namespace newsearch
