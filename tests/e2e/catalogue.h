// The harness of the bad-input catalogue (bad_input_catalogue_test.cpp): each
// case puts one bad input beside one good article, runs the real `indexer` or
// `search` once, and checks the exit status, that stderr has exactly one
// clear diagnostic line about the bad input, and that the good article was
// still indexed. A case may accept more than one outcome where the issue
// leaves the fix a choice (refuse or escape, follow or skip).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace newsearch::test::catalogue {

using Problems = std::vector<std::string>;

/// The word and id of the good article every scene starts with.
inline constexpr const char* kGoodWord = "Benghazi";
inline constexpr const char* kGoodId = "good.txt";

enum class Tool { kIndexer, kSearch };

/// One acceptable result of a case's command.
struct Outcome {
  Outcome(int exit_status, std::string diagnostic = {})
      : status(exit_status), line(std::move(diagnostic)) {}
  int status = 0;
  /// ECMAScript regex (searched) for the one diagnostic line; empty: none.
  std::string line;
  /// The diagnostic line may also be absent (the issue leaves a warning open).
  bool line_optional = false;
  /// For indexer cases: `search` finds the good article afterwards.
  bool good_indexed = true;
  /// Further checks that hold only for this outcome.
  std::function<void(Problems&)> also;
};

/// The world of one case: a temporary directory with SOURCE (src/, holding
/// the good article), INDEX (index/, not created yet) and HOME (home/, so
/// that the default index location is inside it), and what to run there.
class Scene {
 public:
  Scene();

  const TempDir& tmp() const { return tmp_; }
  std::string src() const { return tmp_ / "src"; }
  std::string db() const { return tmp_ / "index"; }
  /// Writes @p content to src()/name.
  std::string write(const std::string& name, const std::string& content) const;

  /// Runs the indexer / search with the scene's environment (NEWSEARCH_DB
  /// unset, HOME = home/). @p wrap is put before the program (setpriv, prlimit).
  ProcessResult indexer(const std::vector<std::string>& arguments,
                        const std::vector<std::string>& prefix = {}, int seconds = 60) const;
  ProcessResult search(const std::vector<std::string>& arguments,
                       const std::vector<std::string>& prefix = {}, int seconds = 60) const;
  /// Indexes src() into db(); a problem unless it exits 0.
  void build_index();
  /// True if `search --json WORD` lists an article with id @p id.
  bool finds(const std::string& word, const std::string& id) const;
  /// `search --color never WORD` (human output), for terminal-safety checks.
  ProcessResult human(const std::string& word) const;

  // What the case runs and expects; set by the case's setup.
  Tool tool = Tool::kIndexer;
  std::vector<std::string> args;  ///< default: indexer --db db() src(); search --db db() Benghazi
  std::vector<std::string> wrap;
  int timeout_s = 30;
  double max_cpu_s = 0;  ///< if > 0, a bound on the command's CPU time
  std::vector<Outcome> outcomes;
  std::function<void(const ProcessResult&, Problems&)> check;  ///< for every outcome
  std::string skip;  ///< non-empty: the case cannot run here, and why
  Problems setup_problems;

 private:
  ProcessResult run(const std::string& program, const std::vector<std::string>& arguments,
                    const std::vector<std::string>& prefix, int seconds) const;
  TempDir tmp_;
};

struct Case {
  const char* name;
  std::function<void(Scene&)> setup;
};

/// Runs every case in its own DYNAMIC_SECTION of the calling TEST_CASE.
void run_cases(const std::vector<Case>& cases);

// Helpers for the cases' checks.

/// The argv prefix that makes root subject to file permissions (setpriv
/// dropping CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH); {} when not root.
/// Sets @p skip when root and setpriv is missing.
std::vector<std::string> without_root_permissions(std::string& skip);
/// The argv prefix running a program with a stack limit of @p bytes
/// (prlimit), so that unbounded recursion crashes the same way everywhere.
/// Sets @p skip when prlimit is missing.
std::vector<std::string> with_stack_limit(long bytes, std::string& skip);

/// Problems if @p out is not valid UTF-8 or holds bytes that drive a
/// terminal: C0 controls other than newline, DEL, or C1 controls
/// (U+0080..U+009F).
void expect_terminal_safe(const std::string& out, const std::string& what, Problems& p);
/// Every file and directory under @p dir (not following links) with its
/// size, except newsearch.lock.
std::map<std::string, std::uintmax_t> snapshot(const std::string& dir);

}  // namespace newsearch::test::catalogue
