// make_snippet on arbitrary valid UTF-8 passages, with the words the
// analyzer finds and matches chosen from them by the input (single words
// and multi-word phrase ranges, as the ranker gives them).
// Input: byte 0-1 the window length in code points, byte 2.. a match mask
// seed, then the passage. Invariants: valid UTF-8 out, the text is a piece
// of the passage between optional ellipses, highlights sorted, disjoint, in
// bounds, on code point boundaries, with consistent code point offsets, and
// each one a matched range of the passage; at most max_chars code points of
// the passage are shown.
#include <cstdint>
#include <string>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "searcher/snippet.h"
#include "tests/fuzz/fuzz_support.h"

namespace nf = newsearch::fuzz;
using newsearch::ByteRange;

namespace {

std::vector<ByteRange> words_of(newsearch::Analyzer& analyzer, std::string_view passage) {
  std::vector<ByteRange> out;
  for (const auto& t : analyzer.analyze(passage))
    if (!t.joined) out.emplace_back(t.byte_begin, t.byte_end);
  return out;
}

// Word i starts a match if bit i of the seed is set; bit i+8 extends it to
// a phrase over the next word too.
std::vector<ByteRange> choose_matches(const std::vector<ByteRange>& words, std::uint32_t seed) {
  std::vector<ByteRange> out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const unsigned bit = static_cast<unsigned>(i % 8);
    if (!((seed >> bit) & 1u)) continue;
    const bool phrase = ((seed >> (bit + 8)) & 1u) && i + 1 < words.size();
    out.emplace_back(words[i].first, words[phrase ? i + 1 : i].second);
  }
  return out;
}

std::string_view inner(std::string_view text) {
  if (text.starts_with(newsearch::kEllipsis)) text.remove_prefix(newsearch::kEllipsis.size());
  if (text.ends_with(newsearch::kEllipsis)) text.remove_suffix(newsearch::kEllipsis.size());
  return text;
}

void check(const newsearch::Snippet& s, std::string_view passage,
           const std::vector<ByteRange>& matches, std::size_t max_chars) {
  nf::require_snippet(s);
  nf::require(nf::code_points(inner(s.text)) <= max_chars, "at most max_chars of the passage");
  nf::require(passage.find(inner(s.text)) != std::string_view::npos,
              "snippet text is a piece of the passage");
  for (const auto& h : s.highlights) {
    const std::string_view text = s.text;
    // Overlapping matches are highlighted as one: it starts as one of them
    // and ends as one of them.
    bool starts = false, ends = false;
    const std::string_view shown = text.substr(h.byte_begin, h.byte_end - h.byte_begin);
    for (const auto& [b, e] : matches) {
      starts |= shown.starts_with(passage.substr(b, e - b));
      ends |= shown.ends_with(passage.substr(b, e - b));
    }
    nf::require(starts && ends, "a highlight is a matched range");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsearch::Analyzer analyzer;
  if (size < 4) return 0;
  const std::size_t max_chars = 1 + ((std::size_t{data[0]} << 8 | data[1]) % 1024);
  const std::uint32_t seed = std::uint32_t{data[2]} << 8 | data[3];
  const std::string_view passage = nf::as_text(data + 4, size - 4);
  if (!nf::valid_utf8(passage)) return 0;  // make_snippet's precondition
  try {
    const auto words = words_of(analyzer, passage);
    const auto matches = choose_matches(words, seed);
    check(newsearch::make_snippet(passage, matches, words, max_chars), passage, matches, max_chars);
  } catch (const newsearch::Error&) {
    // the one failure the library declares
  }
  return 0;
}
