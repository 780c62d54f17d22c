// One record of a source (a .txt file, a JSON Lines line, an IndexWriter
// Article) as every reader leaves it: checked and cleaned (finish_article()),
// not yet analysed; what the document builder turns into a document.
// Internal: the public type an application hands to IndexWriter is Article
// (include/newsearch/article.h).
#pragma once

#include <string>
#include <vector>

namespace newsearch {

struct SourceRecord {
  std::string id;                       ///< unique id: relative path or JSONL "id"
  std::string title;                    ///< headline
  std::vector<std::string> paragraphs;  ///< body, boilerplate removed, whitespace collapsed
  std::string source_path;              ///< where it was read from (for display)
  std::string date;                     ///< ISO 8601 or empty
  std::string source;                   ///< publisher or empty
  std::string url;                      ///< URL or empty
  std::string lang;                     ///< ISO 639-1 or empty
  std::string hash;                     ///< content hash of the raw record (hex)
};

}  // namespace newsearch
