// The document data record of an indexed article (see index_schema.h): what
// the searcher needs to show a result without the source files.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "searcher/format/line_class.h"

namespace newsearch {

/// An article as stored in the index.
struct StoredArticle {
  std::string id;                    ///< unique article id
  std::string title;                 ///< headline
  std::string body;                  ///< paragraphs joined by "\n\n", boilerplate removed
  std::string source_path;           ///< file it was read from
  std::string date;                  ///< ISO 8601 or empty
  std::string source;                ///< publisher or empty
  std::string url;                   ///< URL or empty
  std::string lang;                  ///< ISO 639-1: the language analysed in
  std::string lang_source;           ///< "field", "detected" or "default" (SourceRecord)
  bool title_derived = false;        ///< title from the body's first sentence (SourceRecord)
  std::string date_source;           ///< "field", "line N" or empty (SourceRecord)
  std::vector<DroppedLine> dropped;  ///< lines left out of title and body
  /// Passage boundaries: [begin, end) byte offsets into body, in order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> passages;
};

/// Serialise as the MessagePack map stored as Xapian document data.
std::string encode_stored_article(const StoredArticle& article);

/// Parse document data. @throws Error(kCorruption) if it is not a valid record.
StoredArticle decode_stored_article(std::string_view data);

}  // namespace newsearch
