#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "indexer/index_layout.h"
#include "newsearch/error.h"
#include "newsearch/index_writer.h"
#include "tests/support/temp_dir.h"

using newsearch::ErrorCode;
using newsearch::next_generation;
using newsearch::test::TempDir;
namespace fs = std::filesystem;

namespace {

ErrorCode next_generation_error(const std::string& generation) {
  try {
    next_generation(generation);
  } catch (const newsearch::Error& e) {
    return e.code();
  }
  FAIL("next_generation accepted '" << generation << "'");
  return ErrorCode::kInternal;
}

}  // namespace

TEST_CASE("next_generation counts on from the live generation", "[layout]") {
  CHECK(next_generation("gen-000001") == "gen-000002");
  CHECK(next_generation("gen-000099") == "gen-000100");
  CHECK(next_generation("gen-999999") == "gen-1000000");
}

// Found by tests/fuzz/stub_fuzz.cpp: std::stoul's exceptions escaped (and
// terminated the indexer) for a stub naming a generation without a number.
TEST_CASE("next_generation refuses a generation name that is not gen-<number>", "[layout]") {
  for (const char* bad :
       {"gen-", "gen-abc",
        "gen-\xF9"
        "00y091",
        "gen-99999999999999999999999", "gen-18446744073709551615", "gen--1", "gen-+5", "gen-12x"})
    CHECK(next_generation_error(bad) == ErrorCode::kCorruption);
}

TEST_CASE("an index whose stub names a non-numbered generation is an Error, not a crash",
          "[layout]") {
  TempDir dir;
  const std::string index = dir / "index";
  {
    auto writer = newsearch::IndexWriter::open(index);
    newsearch::Article article;
    article.id = "a";
    article.title = "Turkey and Russia";
    article.body = "Talks on Libya.";
    writer.put(article);
    writer.commit();
  }
  fs::rename(index + "/gen-000001", index + "/gen-x");
  dir.write("index/XAPIANDB", "glass gen-x\n");
  // The stub reader refuses it before anything can count on from it.
  try {
    auto writer = newsearch::IndexWriter::open(index);
    writer.compact();
    FAIL("the generation gen-x was accepted");
  } catch (const newsearch::Error& e) {
    CHECK(e.code() == ErrorCode::kCorruption);
  }
  CHECK(fs::exists(index + "/gen-x/iamglass"));  // the live data is left alone
}
