// A few articles indexed with IndexWriter in a temporary directory, opened
// for reading: for the unit tests of the searcher's stages.
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/index_writer.h"
#include "tests/support/temp_dir.h"

namespace newsearch::test {

struct ArticleText {
  std::string id, title, body;
};

/// Writes @p articles to a new index at @p path and commits.
inline void write_index(const std::string& path, const std::vector<ArticleText>& articles) {
  auto writer = IndexWriter::open(path);
  for (const auto& [id, title, body] : articles) {
    Article a;
    a.id = id;
    a.title = title;
    a.body = body;
    writer.put(a);
  }
  writer.commit();
}

struct SmallIndex {
  explicit SmallIndex(const std::vector<ArticleText>& articles) {
    write_index(path, articles);
    db = Xapian::Database(path);
  }
  TempDir dir;
  std::string path = dir / "index";
  Analyzer an;
  Xapian::Database db;
};

}  // namespace newsearch::test
