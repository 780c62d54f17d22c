#include "indexer/source_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "indexer/article_reader.h"
#include "indexer/jsonl_reader.h"
#include "newsearch/error.h"

namespace newsearch {
namespace fs = std::filesystem;
namespace {

unsigned file_mode(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? st.st_mode : 0;
}

bool is_article_file(const fs::directory_entry& e) {
  std::error_code ec;
  const std::string name = e.path().filename().string();
  return e.is_regular_file(ec) &&
         (name.ends_with(".txt") || is_jsonl_path(name));
}

// Own recursion rather than recursive_directory_iterator, so one unreadable
// directory is reported and skipped without ending the walk.
void walk_dir(const fs::path& root, const fs::path& dir, std::vector<SourceFile>& out,
              const std::function<void(const std::string&, const std::string&)>& on_error) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return on_error(dir.string(), ec.message());
  std::vector<fs::path> subdirs;
  for (; it != end; it.increment(ec)) {
    if (ec) return on_error(dir.string(), ec.message());
    std::error_code tec;
    if (it->is_directory(tec) && !it->is_symlink(tec))
      subdirs.push_back(it->path());
    else if (is_article_file(*it))
      out.push_back({it->path().string(), it->path().lexically_relative(root).generic_string(), {}});
  }
  for (const auto& d : subdirs) walk_dir(root, d, out, on_error);
}

}  // namespace

std::string source_root_key(const std::string& source) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(source), ec);
  return (ec ? fs::absolute(source) : p).generic_string();
}

std::vector<SourceFile> find_sources(
    const std::vector<std::string>& sources,
    const std::function<void(const std::string&, const std::string&)>& on_error) {
  std::vector<SourceFile> out;
  for (const auto& s : sources) {
    std::error_code ec;
    const fs::file_status st = fs::status(s, ec);
    if (!fs::exists(st)) throw Error(ErrorCode::kNotFound, "source '" + s + "' does not exist");
    const std::size_t first = out.size();
    if (fs::is_directory(st))
      walk_dir(s, s, out, on_error);
    else if (!fs::is_regular_file(st))  // reading a FIFO or a tty would block
      on_error(s, not_regular_file(file_mode(s)));
    else
      out.push_back({s, fs::path(s).filename().string(), {}});
    const std::string root = source_root_key(s);
    for (auto i = first; i < out.size(); ++i) out[i].root = root;
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.id < b.id; });
  }
  return out;
}

}  // namespace newsearch
