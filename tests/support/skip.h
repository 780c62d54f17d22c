// Skipping a test case that cannot run here (Catch2 v2 has no SKIP).
#pragma once

#include <string>

namespace newsearch::test {

/// The exit status of a test executable in which every test case that ran
/// was skipped and none failed: ctest reports such a test as "Skipped" and
/// names it in its summary (SKIP_RETURN_CODE in tests/CMakeLists.txt).
inline constexpr int kSkipStatus = 77;

/// Skips the running test case, which must return at once and must not
/// have asserted anything yet: `if (...) return skip("why");`. The reason is
/// reported as a Catch2 warning ("skipped: why").
void skip(const std::string& reason);

/// main()'s exit status from Catch2's (@p failed: the failed assertions, at
/// most 255; under --list-* the number listed, which ctest's test discovery
/// reads): kSkipStatus when nothing failed and each test case that ran was
/// skipped; never kSkipStatus otherwise.
int exit_status(int failed);

/// Counts a test case that started (the listener in tests/main.cpp).
void count_test_case();

}  // namespace newsearch::test
