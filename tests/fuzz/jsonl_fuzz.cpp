// One JSON Lines record through parse_jsonl_article and the document
// builder: a line is either rejected with InputError or becomes an article
// whose stored record round-trips (document_check.h).
#include <cstdint>

#include "indexer/article_reader.h"
#include "indexer/jsonl_reader.h"
#include "newsearch/error.h"
#include "tests/fuzz/document_check.h"

namespace nf = newsearch::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static newsearch::Analyzer analyzer;
  newsearch::SourceRecord article;
  try {
    article = newsearch::parse_jsonl_article(nf::as_text(data, size), "fuzz/input.jsonl");
  } catch (const newsearch::InputError&) {
    return 0;  // a rejected line: what the reader skips and counts
  }
  try {
    nf::check_document_round_trip(article, analyzer);
  } catch (const newsearch::Error&) {
    // the one failure the library declares
  }
  return 0;
}
