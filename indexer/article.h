// An article as read from a source, before analysis.
#pragma once

#include <string>
#include <vector>

namespace newsearch {

struct ParsedArticle {
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
