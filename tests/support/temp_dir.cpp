#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsearch::test {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "newsearch-test-XXXXXX").string();
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const std::filesystem::path p = std::filesystem::path(path_) / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

std::string corpus_dir() { return std::string(NEWSEARCH_SOURCE_DIR) + "/corpus"; }

std::string shared_data_dir() {
  // NEWSEARCH_TEST_NO_SHARED_DATA=1 runs the suite as a clone without
  // ../shared would (every such test must then skip, not fail).
  if (const char* off = std::getenv("NEWSEARCH_TEST_NO_SHARED_DATA"); off && *off == '1') return {};
  const std::string dir = std::string(NEWSEARCH_SOURCE_DIR) + "/../shared/data";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::string();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace newsearch::test
