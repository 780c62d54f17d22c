// embed INDEX QUERY...: print the best passages for QUERY, using newsearch's
// public API only. Exit status: 0 matched, 1 nothing matched, 2 error.
#include <newsearch/newsearch.h>

#include <iostream>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: embed INDEX QUERY...\n";
    return 2;
  }
  std::string query;
  for (int i = 2; i < argc; ++i) query += std::string(i > 2 ? " " : "") + argv[i];

  newsearch::SearchOptions options;
  options.limit = 5;
  options.snippet_chars = 160;
  // The library is silent unless asked; here its warnings go to stderr.
  options.log.level = newsearch::LogLevel::kWarn;
  options.log.callback = [](newsearch::LogLevel level, std::string_view message) {
    std::cerr << "newsearch " << newsearch::log_level_name(level) << ": " << message << '\n';
  };
  try {
    const auto searcher = newsearch::Searcher::open(argv[1], options);
    const newsearch::SearchResults results = searcher.search(query);
    std::cout << "newsearch " << newsearch::version_string() << ": about "
              << results.estimated_matches << " matches in " << searcher.article_count()
              << " articles\n";
    for (const newsearch::Hit& hit : results.hits) {
      std::cout << hit.rank << ". " << hit.title << "  [" << hit.id << "]\n";
      for (const newsearch::Passage& passage : hit.passages) {
        // Mark the highlighted words with [brackets], using the byte offsets.
        const std::string& text = passage.snippet.text;
        std::size_t at = 0;
        std::cout << "   ";
        for (const newsearch::Highlight& h : passage.snippet.highlights) {
          std::cout << text.substr(at, h.byte_begin - at) << '['
                    << text.substr(h.byte_begin, h.byte_end - h.byte_begin) << ']';
          at = h.byte_end;
        }
        std::cout << text.substr(at) << '\n';
      }
    }
    return results.hits.empty() ? 1 : 0;
  } catch (const newsearch::Error& e) {
    std::cerr << "embed: " << e.what() << " (" << newsearch::error_code_name(e.code()) << ")\n";
    return 2;
  }
}
