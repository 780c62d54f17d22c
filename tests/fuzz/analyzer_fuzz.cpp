// Analyzer::analyze, normalize, stem and sentences on arbitrary bytes.
// Invariants: token offsets in bounds (and on code point boundaries when the
// text is valid UTF-8), word positions increase (a joined compound form
// takes an earlier word's), terms and stems are
// non-empty valid UTF-8 within max_term_bytes, sentences cover the text.
#include <cstdint>
#include <string>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "tests/fuzz/fuzz_support.h"

namespace nf = newsearch::fuzz;

namespace {

void check_tokens(newsearch::Analyzer& analyzer, std::string_view text) {
  const bool utf8 = nf::valid_utf8(text);
  bool first = true;
  std::uint32_t last_position = 0;  // of the last word (not joined form)
  for (const auto& t : analyzer.analyze(text)) {
    nf::require_range(text, t.byte_begin, t.byte_end, utf8, "token offsets in bounds");
    if (t.joined) {
      nf::require(!first && t.position <= last_position,
                  "a joined form at an earlier word's position");
    } else {
      nf::require(first || t.position > last_position, "word positions increase");
      last_position = t.position;
      first = false;
    }
    nf::require(!t.term.empty() && t.term.size() <= analyzer.options().max_term_bytes,
                "term non-empty and within max_term_bytes");
    nf::require(nf::valid_utf8(t.term) && nf::valid_utf8(t.stem), "term and stem are UTF-8");
    nf::require(!t.stem.empty(), "stem non-empty");
  }
}

void check_sentences(newsearch::Analyzer& analyzer, std::string_view text) {
  std::size_t next = 0;
  for (const auto& [b, e] : analyzer.sentences(text)) {
    nf::require(b == next && b <= e && e <= text.size(), "sentences cover the text in order");
    next = e;
  }
  nf::require(next == text.size(), "sentences reach the end");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsearch::Analyzer analyzer;
  const std::string_view text = nf::as_text(data, size);
  try {
    check_tokens(analyzer, text);
    check_sentences(analyzer, text);
    const std::string word = analyzer.normalize(text);
    if (nf::valid_utf8(text)) nf::require(nf::valid_utf8(word), "normalize gives UTF-8");
    if (nf::valid_utf8(word)) nf::require(nf::valid_utf8(analyzer.stem(word)), "stem gives UTF-8");
  } catch (const newsearch::Error&) {
    // the one failure the API declares
  }
  return 0;
}
