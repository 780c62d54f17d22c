// One record of a source (a .txt file, a JSON Lines line, an IndexWriter
// Article) as every reader leaves it: checked and cleaned (finish_article()),
// not yet analysed; what the document builder turns into a document.
// Internal: the public type an application hands to IndexWriter is Article
// (include/newsearch/article.h).
#pragma once

#include <string>
#include <vector>

#include "searcher/format/line_class.h"

namespace newsearch {

struct SourceRecord {
  std::string id;                       ///< unique id: relative path or JSONL "id"
  std::string title;                    ///< headline
  std::vector<std::string> paragraphs;  ///< body, boilerplate removed, whitespace collapsed
  std::string source_path;              ///< where it was read from (for display)
  std::string date;                     ///< ISO 8601 or empty
  std::string source;                   ///< publisher or empty
  std::string url;                      ///< URL or empty
  /// ISO 639-1 code, canonical (language_choice.h); empty until settled.
  std::string lang;
  /// How lang was chosen: "field" (JSONL "lang", Article::language),
  /// "detected" (CLD2 on headline and body), "default" (neither: the
  /// analyzer's default language); "" until settled.
  std::string lang_source;
  std::string hash;  ///< content hash of the raw record (hex)
  /// The title is not the source's own: taken from the first sentence of
  /// the body (a JSONL record without a title, a page without a headline).
  bool title_derived = false;
  /// Where the date came from: "field" (JSONL "date", Article::date),
  /// "line N" (a date line of a .txt page, 1-based), "" when undated.
  std::string date_source;
  /// Lines of the source left out of title and paragraphs, in source order.
  std::vector<DroppedLine> dropped;
  /// The XL terms of the lines it was read with (template_lines.h).
  std::vector<std::string> line_terms;
};

}  // namespace newsearch
