// One .txt article through parse_text_article and the document builder: the
// bytes are either rejected with InputError or become an article with a
// headline whose stored record round-trips (document_check.h).
#include <cstdint>

#include "indexer/article_reader.h"
#include "newsearch/error.h"
#include "tests/fuzz/document_check.h"

namespace nf = newsearch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsearch::Analyzer analyzer;
  newsearch::SourceRecord article;
  try {
    article = newsearch::parse_text_article(nf::as_text(data, size), "input.txt", "fuzz/input.txt");
  } catch (const newsearch::InputError&) {
    return 0;  // a rejected file: what the indexer skips and counts
  }
  nf::require(!article.title.empty(), "a parsed .txt article has a headline");
  try {
    nf::check_document_round_trip(article, analyzer);
  } catch (const newsearch::Error&) {
    // the one failure the library declares
  }
  return 0;
}
