// A temporary directory removed (recursively) when the object dies.
#pragma once

#include <string>

namespace newsearch::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  /// path() + "/" + name
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  /// Writes @p content to path()/name, creating parent directories.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

/// The repository's corpus/ directory.
std::string corpus_dir();

/// ../shared/data beside the checkout (real corpora), or "" if absent.
std::string shared_data_dir();

/// Reads a whole file.
std::string read_file(const std::string& path);

}  // namespace newsearch::test
