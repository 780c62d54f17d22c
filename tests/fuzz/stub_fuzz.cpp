// The XAPIANDB stub reader on arbitrary file contents: live_generation
// either fails with newsearch::Error or names a generation directory inside
// the index ("gen-..." without a path separator), and the name a compaction
// derives from it (next_generation) is again a generation name.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "indexer/index_layout.h"
#include "newsearch/error.h"
#include "searcher/format/index_stub.h"
#include "tests/fuzz/fuzz_support.h"

namespace nf = newsearch::fuzz;

namespace {

std::string index_dir;  // a scratch directory, made once per process

// The stub may only name a generation of the index: "gen-" and digits (a
// NUL, a slash or "../" in it once reached the filesystem calls).
bool is_generation_name(const std::string& name) {
  return newsearch::stub::is_generation_name(name);
}

void write_stub(std::string_view bytes) {
  std::ofstream out(index_dir + "/XAPIANDB", std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  nf::require(static_cast<bool>(out.flush()), "scratch stub written");
}

void remove_scratch() {
  ::unlink((index_dir + "/XAPIANDB").c_str());
  ::rmdir(index_dir.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  index_dir = nf::make_scratch_dir("stub-fuzz");
  std::atexit(remove_scratch);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  write_stub(nf::as_text(data, size));
  std::string live;
  try {
    live = newsearch::live_generation(index_dir);
  } catch (const newsearch::Error&) {
    return 0;
  }
  nf::require(is_generation_name(live), "the live generation is a name inside the index");
  try {
    nf::require(is_generation_name(newsearch::next_generation(live)),
                "the next generation is a generation name");
  } catch (const newsearch::Error&) {
    // a live name no successor can follow is refused, not a crash
  }
  return 0;
}
