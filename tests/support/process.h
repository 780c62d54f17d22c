// Runs a real program (the built binaries, the scripts) and captures its
// output and exit status, for end-to-end tests.
#pragma once

#include <string>
#include <vector>

namespace newsearch::test {

struct ProcessResult {
  int status = -1;  ///< exit status, or 128 + signal number
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs @p argv (argv[0] is a path) with extra environment @p env
/// ("NAME=value") and stdin from /dev/null. Kills it after @p timeout_s.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::vector<std::string>& env = {}, int timeout_s = 120);

/// Path of a built program: NEWSEARCH_BIN_DIR/name.
std::string bin(const std::string& name);

}  // namespace newsearch::test
