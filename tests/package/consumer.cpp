// Uses only the public headers: analyse text, and open a (missing) index to
// check that errors arrive as newsearch::Error.
#include <newsearch/newsearch.h>

#include <iostream>

int main() {
  newsearch::Analyzer analyzer;
  const auto tokens = analyzer.analyze("Çavuşoğlu met SHOIGU");
  if (tokens.size() != 3 || tokens[0].term != "cavusoglu" || tokens[2].term != "shoigu") {
    std::cerr << "unexpected analysis\n";
    return 1;
  }
  try {
    newsearch::Searcher::open("/nonexistent/newsearch/index");
    return 1;
  } catch (const newsearch::Error& e) {
    if (e.code() != newsearch::ErrorCode::kNotFound) return 1;
  }
  std::cout << "newsearch " << newsearch::version_string() << " consumer OK\n";
  return 0;
}
