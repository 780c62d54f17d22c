// `indexer --print`: an article as the JSON object it is printed as
// (docs/indexing.md, "Printing articles"). print_articles() itself is
// declared in include/newsearch/article_printer.h.
#pragma once

#include <nlohmann/json.hpp>

#include "indexer/source_record.h"

namespace newsearch {

/// The --print object of @p a: id, title, title_derived, date (absent when
/// undated), date_source, lang, source and url (absent when empty),
/// source_path, paragraphs and dropped ({"line", "class", "number"}), in
/// that order.
nlohmann::ordered_json article_json(const SourceRecord& a);

}  // namespace newsearch
