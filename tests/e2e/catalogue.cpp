#include <catch2/catch.hpp>

#include "tests/e2e/catalogue.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <sstream>

#include "searcher/boundary/utf8.h"

namespace newsearch::test::catalogue {
namespace fs = std::filesystem;
namespace {

// A clear line is short enough to read and holds no control characters.
constexpr std::size_t kMaxLineBytes = 1024;

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

// stderr lines that are diagnostics: everything but the info/debug/trace
// chatter and the run-level "not pruning" notice, which a run with a bad
// file or line logs besides the line about the input (docs/indexing.md, "Bad input").
std::vector<std::string> diagnostics(Tool tool, const std::string& err) {
  const std::string name = tool == Tool::kIndexer ? "indexer: " : "search: ";
  std::vector<std::string> out;
  for (const auto& l : non_empty_lines(err)) {
    const bool chatter = starts_with(l, name + "info: ") || starts_with(l, name + "debug: ") ||
                         starts_with(l, name + "trace: ");
    const bool no_prune = starts_with(l, name + "warning: not pruning ");
    if (!chatter && !no_prune) out.push_back(l);
  }
  return out;
}

bool has_control_byte(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

// What is wrong with @p r for outcome @p o (empty: it matches).
Problems mismatches(const Scene& s, const Outcome& o, const ProcessResult& r) {
  Problems p;
  if (r.status != o.status)
    p.push_back("exit status " + std::to_string(r.status) + ", expected " +
                std::to_string(o.status));
  const auto diag = diagnostics(s.tool, r.err);
  if (o.line.empty()) {
    if (!diag.empty())
      p.push_back(std::to_string(diag.size()) + " diagnostic line(s), expected none");
  } else if (o.line_optional && diag.empty()) {
    // allowed
  } else if (diag.size() != 1) {
    p.push_back(std::to_string(diag.size()) + " diagnostic lines, expected one matching /" +
                o.line + "/");
  } else {
    const std::string& l = diag.front();
    if (!std::regex_search(l, std::regex(o.line)))
      p.push_back("the diagnostic line does not match /" + o.line + "/");
    if (l.size() > kMaxLineBytes)
      p.push_back("the diagnostic line has " + std::to_string(l.size()) + " bytes (at most " +
                  std::to_string(kMaxLineBytes) + ")");
    if (has_control_byte(l)) p.push_back("the diagnostic line holds control characters");
    if (utf8::find_invalid(l) != std::string::npos)
      p.push_back("the diagnostic line is not valid UTF-8");
  }
  if (s.tool == Tool::kIndexer && o.good_indexed && !s.finds(kGoodWord, kGoodId))
    p.push_back("the good article is not found by search");
  if (o.also) o.also(p);
  return p;
}

std::string shown(const std::string& s, std::size_t max = 2000) {
  std::string out;
  for (unsigned char c : s.substr(0, max)) {
    if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  return s.size() > max ? out + "... (" + std::to_string(s.size()) + " bytes)" : out;
}

void run_one(const Case& c) {
  Scene s;
  c.setup(s);
  if (!s.skip.empty()) {
    WARN("skipped: " << c.name << ": " << s.skip);
    return;
  }
  if (!s.setup_problems.empty()) {
    std::ostringstream setup;
    for (const auto& sp : s.setup_problems) setup << "\n  " << sp;
    FAIL("case: " << c.name << ": setup failed:" << setup.str());
  }
  REQUIRE_FALSE(s.outcomes.empty());
  if (s.args.empty() && s.tool == Tool::kIndexer) s.args = {"--db", s.db(), s.src()};
  if (s.args.empty() && s.tool == Tool::kSearch) s.args = {"--db", s.db(), kGoodWord};
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult r = s.tool == Tool::kIndexer ? s.indexer(s.args, s.wrap, s.timeout_s)
                                                   : s.search(s.args, s.wrap, s.timeout_s);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Problems common;
  if (r.status >= 128) common.push_back("killed by signal " + std::to_string(r.status - 128));
  if (wall >= s.timeout_s)
    common.push_back("still running after " + std::to_string(s.timeout_s) + " s");
  if (s.max_cpu_s > 0 && r.cpu_seconds > s.max_cpu_s)
    common.push_back("took " + std::to_string(r.cpu_seconds) + " s of CPU (at most " +
                     std::to_string(s.max_cpu_s) + ")");
  if (s.check) s.check(r, common);
  std::vector<Problems> per_outcome;
  bool any = false;
  for (const Outcome& o : s.outcomes) {
    per_outcome.push_back(mismatches(s, o, r));
    any |= per_outcome.back().empty();
  }
  std::ostringstream why;
  for (const auto& p : common) why << "\n  " << p;
  if (!any)
    for (std::size_t i = 0; i < per_outcome.size(); ++i) {
      if (per_outcome.size() > 1)
        why << "\n  outcome " << i + 1 << " of " << per_outcome.size() << ":";
      for (const auto& p : per_outcome[i]) why << "\n    " << p;
    }
  INFO("case: " << c.name << why.str() << "\nexit status " << r.status << ", " << wall << " s, "
                << r.cpu_seconds << " s CPU\nstderr:\n"
                << shown(r.err) << "\nstdout:\n"
                << shown(r.out));
  CHECK((common.empty() && any));
}

}  // namespace

Scene::Scene() {
  fs::create_directories(tmp_ / "home");
  write(kGoodId, "A good headline\n\nA paragraph about Benghazi.\n");
}

std::string Scene::write(const std::string& name, const std::string& content) const {
  return tmp_.write("src/" + name, content);
}

// NEWSEARCH_DB unset and HOME inside the scene, so that no run can reach a
// real index, not even through the default location.
ProcessResult Scene::run(const std::string& program, const std::vector<std::string>& arguments,
                         const std::vector<std::string>& prefix, int seconds) const {
  std::vector<std::string> argv = prefix;
  argv.push_back(bin(program));
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return run_process(argv,
                     {"NEWSEARCH_DB=", "HOME=" + tmp_ / "home", "XDG_DATA_HOME=", "LC_ALL=C.UTF-8"},
                     seconds);
}

ProcessResult Scene::indexer(const std::vector<std::string>& arguments,
                             const std::vector<std::string>& prefix, int seconds) const {
  return run("indexer", arguments, prefix, seconds);
}

ProcessResult Scene::search(const std::vector<std::string>& arguments,
                            const std::vector<std::string>& prefix, int seconds) const {
  return run("search", arguments, prefix, seconds);
}

void Scene::build_index() {
  const ProcessResult r = indexer({"--db", db(), src()});
  if (r.status != 0)
    setup_problems.push_back("indexing the scene exited " + std::to_string(r.status) + ": " +
                             r.err);
}

bool Scene::finds(const std::string& word, const std::string& id) const {
  const ProcessResult r = search({"--db", db(), "--json", "-n", "100", word});
  return r.status == 0 && r.out.find("\"id\":\"" + id + "\"") != std::string::npos;
}

ProcessResult Scene::human(const std::string& word) const {
  return search({"--db", db(), "--color", "never", "-n", "100", word});
}

void run_cases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) { run_one(c); }
  }
}

std::vector<std::string> without_root_permissions(std::string& skip) {
  if (geteuid() != 0) return {};
  const std::string setpriv = "/usr/bin/setpriv";
  if (access(setpriv.c_str(), X_OK) != 0) {
    skip = "running as root, and no " + setpriv + " to drop CAP_DAC_OVERRIDE";
    return {};
  }
  return {setpriv, "--bounding-set=-dac_override,-dac_read_search"};
}

std::vector<std::string> with_stack_limit(long bytes, std::string& skip) {
  const std::string prlimit = "/usr/bin/prlimit";
  if (access(prlimit.c_str(), X_OK) != 0) skip = "no " + prlimit + " to set the stack limit";
  return {prlimit, "--stack=" + std::to_string(bytes)};
}

void expect_terminal_safe(const std::string& out, const std::string& what, Problems& p) {
  if (const std::size_t bad = utf8::find_invalid(out); bad != std::string::npos) {
    p.push_back(what + " is not valid UTF-8 (at offset " + std::to_string(bad) + ")");
    return;
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    const bool c0 = (c < 0x20 && c != '\n') || c == 0x7F;
    const bool c1 = c == 0xC2 && i + 1 < out.size() &&
                    static_cast<unsigned char>(out[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(out[i + 1]) <= 0x9F;
    if (c0 || c1) {
      char buf[96];
      std::snprintf(buf, sizeof buf, " holds the control byte 0x%02X%s at offset %zu", c,
                    c1 ? " (C1)" : "", i);
      p.push_back(what + buf);
      return;
    }
  }
}

std::map<std::string, std::uintmax_t> snapshot(const std::string& dir) {
  std::map<std::string, std::uintmax_t> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->path().filename() == "newsearch.lock") continue;
    out[it->path().string()] = it->is_regular_file() ? it->file_size() : 0;
  }
  return out;
}

}  // namespace newsearch::test::catalogue
