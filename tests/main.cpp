// The one Catch2 main of the test suite. It exits with kSkipStatus when every
// test case that ran was skipped (tests/support/skip.h), so that ctest, which
// runs one test case per process, reports the skip by name.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "tests/support/skip.h"

namespace {

struct CaseCounter : Catch::TestEventListenerBase {
  using TestEventListenerBase::TestEventListenerBase;
  void testCaseStarting(const Catch::TestCaseInfo& info) override {
    TestEventListenerBase::testCaseStarting(info);
    newsearch::test::count_test_case();
  }
};

}  // namespace

CATCH_REGISTER_LISTENER(CaseCounter)

int main(int argc, char* argv[]) {
  return newsearch::test::exit_status(Catch::Session().run(argc, argv));
}
