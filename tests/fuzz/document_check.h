// The round trip shared by the source-parser targets: a parsed article goes
// through the document builder, and what the index would store must decode
// back to the same article, with passages in bounds and on code point
// boundaries, and the passage layout well formed.
#pragma once

#include <string>

#include "indexer/document_builder.h"
#include "indexer/source_record.h"
#include "newsearch/analyzer.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/passage_layout.h"
#include "searcher/format/stored_article.h"
#include "tests/fuzz/fuzz_support.h"

namespace newsearch::fuzz {

inline std::string joined_body(const SourceRecord& a) {
  std::string body;
  for (const auto& p : a.paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += p;
  }
  return body;
}

/// A parser's output is text: every field the parser fills is valid UTF-8.
inline void require_utf8_fields(const SourceRecord& a) {
  require(valid_utf8(a.id) && valid_utf8(a.title) && valid_utf8(a.date) && valid_utf8(a.source) &&
              valid_utf8(a.url) && valid_utf8(a.lang),
          "parsed fields are UTF-8");
  for (const auto& p : a.paragraphs) require(valid_utf8(p), "paragraphs are UTF-8");
}

/// Builds the article's document and checks the stored record and layout.
inline void check_document_round_trip(const SourceRecord& a, Analyzer& analyzer) {
  require_utf8_fields(a);
  const Xapian::Document doc = build_document(a, analyzer);
  const std::string data = doc.get_data();
  const StoredArticle rec = decode_stored_article(data);
  require(rec.id == a.id && rec.title == a.title && rec.source_path == a.source_path &&
              rec.date == a.date && rec.source == a.source && rec.url == a.url,
          "stored record decodes to the article's fields");
  // The language is settled when the document is built (language_choice.h):
  // a given one kept, else detected or the default, never empty.
  const std::string given = newsearch::Analyzer::language_code(a.lang);
  require(!rec.lang.empty() && (given.empty() || rec.lang == given) &&
              (rec.lang_source == "field") == !given.empty(),
          "stored language is the given one, else detected or the default");
  require(rec.body == joined_body(a), "stored body is the paragraphs joined");
  std::size_t prev_end = 0;
  for (const auto& [b, e] : rec.passages) {
    require(b >= prev_end, "passages in order, disjoint");
    require_range(rec.body, b, e, true, "passage in bounds, on code point boundaries");
    prev_end = e;
  }
  require(encode_stored_article(rec) == data, "stored record re-encodes identically");
  const auto layout = decode_layout(doc.get_value(schema::kSlotLayout));
  require(layout.has_value(), "passage layout decodes");
  require(layout->starts.size() == rec.passages.size(), "one layout entry per passage");
  require(encode_layout(*layout) == doc.get_value(schema::kSlotLayout),
          "passage layout re-encodes identically");
}

}  // namespace newsearch::fuzz
