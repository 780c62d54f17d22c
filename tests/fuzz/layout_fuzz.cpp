// decode_layout on arbitrary bytes (a damaged kSlotLayout value): what it
// accepts is well formed (one word count per passage, starts strictly
// increasing) and round-trips; its queries stay in range.
#include <cstdint>

#include "searcher/format/passage_layout.h"
#include "tests/fuzz/fuzz_support.h"

namespace nf = newsearch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto layout = newsearch::decode_layout(nf::as_text(data, size));
  if (!layout) return 0;
  nf::require(layout->starts.size() == layout->words.size(), "one word count per passage");
  for (std::size_t i = 1; i < layout->starts.size(); ++i)
    nf::require(layout->starts[i - 1] < layout->starts[i], "starts strictly increasing");
  nf::require(layout->headline_words() <= layout->headline_terms.size(),
              "headline words at most its tokens");
  for (std::uint32_t pos : {0u, 1u, 100u, 0xFFFFFFFFu}) {
    const std::size_t p = layout->passage_of(pos);
    nf::require(p <= layout->starts.size(), "passage_of in range");
    if (p < layout->starts.size()) nf::require(layout->starts[p] <= pos, "passage_of below pos");
  }
  for (std::uint32_t start : layout->starts) {
    nf::require(layout->passage_of(start) < layout->starts.size() &&
                    layout->starts[layout->passage_of(start)] == start,
                "a passage's start lies in that passage");
  }
  const auto again = newsearch::decode_layout(newsearch::encode_layout(*layout));
  nf::require(again.has_value() && *again == *layout, "an accepted layout round-trips");
  return 0;
}
