// The query parser through Searcher::search on a small index built once per
// process (the articles of corpus/ and a few hand-written ones with dates,
// sources, accents and compounds). A query either fails with
// newsearch::Error or gives well-formed results: ranks 1..n, finite
// scores, passages and snippets valid UTF-8 with highlights sorted, in
// bounds, on code point boundaries and with consistent code point offsets.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "indexer/article_reader.h"
#include "newsearch/error.h"
#include "newsearch/index_writer.h"
#include "newsearch/searcher.h"
#include "tests/fuzz/fuzz_support.h"

namespace fs = std::filesystem;
namespace nf = newsearch::fuzz;

namespace {

std::string scratch_dir;  // made once per process, removed at exit
std::string index_dir;
std::optional<newsearch::Searcher> searcher;

newsearch::Article article(std::string id, std::string title, std::string body, std::string date,
                           std::string source) {
  newsearch::Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.body = std::move(body);
  a.date = std::move(date);
  a.source = std::move(source);
  return a;
}

std::vector<newsearch::Article> hand_written() {
  return {
      article("a1", "Cease-fire talks in Idlib",
              "Turkey and Russia agreed a cease-fire in Idlib.\n\nThe ceasefire held for a week.",
              "2020-03-05T18:15:00+03:00", "Al Jazeera"),
      article("a2",
              "\xC3\x87"
              "avu\xC5\x9F"
              "o\xC4\x9F"
              "lu meets Lavrov",
              "Mevl\xC3\xBCt \xC3\x87"
              "avu\xC5\x9F"
              "o\xC4\x9F"
              "lu and Sergey Lavrov spoke in "
              "Sochi.\n\nThe U.S. and al-Sisi's Egypt were not there; 1,000 troops stayed.",
              "2019-05-14", "Reuters"),
      article("a3", "",
              "Aguila Saleh was proposed as leader. \xE2\x80\x9CNo,\xE2\x80\x9D said Haftar.",
              "2013-06", "Middle East Eye"),
  };
}

std::string joined(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) body += (body.empty() ? "" : "\n\n") + p;
  return body;
}

void build_index() {
  newsearch::IndexWriter writer = newsearch::IndexWriter::open(index_dir);
  for (const auto& a : hand_written()) writer.put(a);
  for (const auto& entry : fs::directory_iterator(NEWSEARCH_SOURCE_DIR "/corpus")) {
    const std::string id = entry.path().filename().string();
    const auto parsed = newsearch::read_text_article(entry.path().string(), id, 1 << 20);
    writer.put(article(id, parsed.title, joined(parsed.paragraphs), "", ""));
  }
  writer.commit();
}

void remove_index() {
  searcher.reset();
  std::error_code ec;
  fs::remove_all(scratch_dir, ec);
}

void check_results(const newsearch::SearchResults& r, const newsearch::SearchOptions& options) {
  nf::require(r.hits.size() <= options.limit, "at most limit hits");
  nf::require(r.estimated_matches >= r.hits.size(), "estimate at least the hits");
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    const auto& hit = r.hits[i];
    nf::require(hit.rank == i + 1, "ranks are 1..n");
    nf::require(std::isfinite(hit.score), "finite scores");
    nf::require(hit.passages.size() <= options.passages_per_article, "at most N passages");
    nf::require(nf::valid_utf8(hit.id) && nf::valid_utf8(hit.title), "hit fields are UTF-8");
    for (const auto& p : hit.passages) {
      nf::require(p.byte_begin <= p.byte_end && nf::valid_utf8(p.text), "passage well formed");
      nf::require(std::isfinite(p.score), "finite passage scores");
      nf::require_snippet(p.snippet);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  scratch_dir = nf::make_scratch_dir("query-fuzz");
  index_dir = scratch_dir + "/index";
  std::atexit(remove_index);
  build_index();
  searcher.emplace(newsearch::Searcher::open(index_dir));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsearch::SearchOptions options;
  options.limit = 5;
  options.passages_per_article = 2;
  options.snippet_chars = 60 + size % 200;  // short windows: snippets get cut
  try {
    check_results(searcher->search(nf::as_text(data, size), options), options);
  } catch (const newsearch::Error&) {
    // a rejected query: one line on stderr and exit status 2 in `search`
  }
  return 0;
}
