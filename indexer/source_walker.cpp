#include "indexer/source_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>

#include "indexer/article_reader.h"
#include "indexer/jsonl_reader.h"
#include "newsearch/error.h"
#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace fs = std::filesystem;
namespace {

using Report = std::function<void(const std::string&, const std::string&)>;

constexpr const char* kNotUtf8Name =
    "file name is not valid UTF-8 (article ids are UTF-8: rename the file)";

unsigned file_mode(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? st.st_mode : 0;
}

bool is_article_name(const std::string& name) {
  return name.ends_with(".txt") || is_jsonl_path(name);
}

// One walk of a SOURCE directory. Real directories are walked first, in
// sorted order; symbolic links to directories are followed afterwards, so
// a directory reached both ways is indexed under its real path, and every
// directory (by device and inode) is walked once: a link to one already
// walked (a loop, a second link) is reported as skipped.
class Walk {
 public:
  Walk(const fs::path& root, std::vector<SourceFile>& out, const Report& on_error,
       const Report& on_skip)
      : root_(root), out_(out), on_error_(on_error), on_skip_(on_skip) {}

  void run() {
    visit(root_, root_);
    while (!links_.empty()) {
      const fs::path link = *links_.begin();
      links_.erase(links_.begin());
      std::error_code ec;
      visit(link, fs::canonical(link, ec));
    }
  }

 private:
  // Walks @p dir unless the directory it is (@p target, for messages) was
  // walked already.
  void visit(const fs::path& dir, const fs::path& target) {
    struct stat st {};
    if (stat(dir.c_str(), &st) != 0)
      return on_error_(printable_path(dir.string()), std::strerror(errno));
    if (!walked_.emplace(st.st_dev, st.st_ino).second)
      return skip(dir, "leads to a directory walked already (" + printable_path(target.string()) +
                           "): a symbolic link loop or a second link, not walked again");
    walk_dir(dir);
  }

  void skip(const fs::path& p, const std::string& why) {
    if (on_skip_) on_skip_(printable_path(p.string()), why);
  }

  // Own recursion rather than recursive_directory_iterator, so one
  // unreadable directory is reported and skipped without ending the walk.
  void walk_dir(const fs::path& dir) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec), end;
    if (ec) return on_error_(printable_path(dir.string()), ec.message());
    std::vector<fs::path> subdirs;
    for (; it != end; it.increment(ec)) {
      if (ec) return on_error_(printable_path(dir.string()), ec.message());
      entry(*it, subdirs);
    }
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& d : subdirs) visit(d, d);
  }

  void entry(const fs::directory_entry& e, std::vector<fs::path>& subdirs) {
    std::error_code ec;
    const bool link = e.is_symlink(ec);
    const fs::file_status target = e.status(ec);  // follows links
    if (link && ec) return on_error_(printable_path(e.path().string()), broken_link(ec));
    if (fs::is_directory(target)) {
      if (link)
        links_.insert(e.path());
      else
        subdirs.push_back(e.path());
      return;
    }
    if (!fs::is_regular_file(target) || !is_article_name(e.path().filename().string())) return;
    std::string id = e.path().lexically_relative(root_).generic_string();
    if (utf8::find_invalid(id) != std::string::npos) return skip(e.path(), kNotUtf8Name);
    out_.push_back({e.path().string(), std::move(id), {}});
  }

  static std::string broken_link(const std::error_code& ec) {
    if (ec == std::errc::no_such_file_or_directory)
      return "dangling symbolic link (its target is missing)";
    if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
    return "symbolic link: " + ec.message();
  }

  const fs::path root_;
  std::vector<SourceFile>& out_;
  const Report& on_error_;
  const Report& on_skip_;
  std::set<std::pair<dev_t, ino_t>> walked_;
  std::set<fs::path> links_;  // symbolic links to directories, still to follow
};

}  // namespace

std::string printable_path(const std::string& path) {
  std::string out;
  for (std::size_t i = 0; i < path.size();) {
    const auto c = static_cast<unsigned char>(path[i]);
    const std::size_t n = c < 0x80 ? 1 : utf8::sequence_length(c);
    const bool c1 =
        c == 0xC2 && i + 1 < path.size() && static_cast<unsigned char>(path[i + 1]) < 0xA0;
    const bool ok =
        c < 0x80 ? (c >= 0x20 && c != 0x7F)
                 : n > 1 && !c1 &&
                       utf8::find_invalid(std::string_view(path).substr(i, n)) == std::string::npos;
    if (ok) {
      out.append(path, i, n);
      i += n;
    } else {
      char buf[5];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
      ++i;
    }
  }
  return out;
}

std::string source_root_key(const std::string& source) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::absolute(source), ec);
  return (ec ? fs::absolute(source) : p).generic_string();
}

std::vector<SourceFile> find_sources(const std::vector<std::string>& sources,
                                     const Report& on_error, const Report& on_skip) {
  std::vector<SourceFile> out;
  for (const auto& s : sources) {
    std::error_code ec;
    const fs::file_status st = fs::status(s, ec);
    if (!fs::exists(st)) throw Error(ErrorCode::kNotFound, "source '" + s + "' does not exist");
    const std::size_t first = out.size();
    if (fs::is_directory(st))
      Walk(s, out, on_error, on_skip).run();
    else if (!fs::is_regular_file(st))  // reading a FIFO or a tty would block
      on_error(printable_path(s), not_regular_file(file_mode(s)));
    else if (const std::string id = fs::path(s).filename().string();
             utf8::find_invalid(id) != std::string::npos) {
      if (on_skip) on_skip(printable_path(s), kNotUtf8Name);
    } else
      out.push_back({s, id, {}});
    const std::string root = source_root_key(s);
    for (auto i = first; i < out.size(); ++i) out[i].root = root;
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.id < b.id; });
  }
  return out;
}

}  // namespace newsearch
