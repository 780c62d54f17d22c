// SourceRecord → Xapian::Document, following index_schema.h exactly.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "indexer/source_record.h"
#include "newsearch/analyzer.h"
#include "searcher/analysis/passages.h"
#include "searcher/format/stored_article.h"

namespace newsearch {

/// The record an indexed article was built from, as far as its stored
/// record tells (paragraphs split at "\n\n"; no hash, no XL terms).
SourceRecord record_of_stored(const StoredArticle& stored);

/// An indexed article as a record to build again (IndexStore::revise()):
/// record_of_stored() of its data, its content hash and XL terms, and
/// (second) the SOURCE root key of its kSlotHash stamp.
/// @throws Error(kCorruption) for unreadable data.
std::pair<SourceRecord, std::string> record_of_document(const Xapian::Document& doc);

/// The Q term of an article id. An id that makes the term longer than
/// kMaxTermKeyBytes is replaced by a hash of it and its first 64 bytes.
std::string id_term(const std::string& id);

/// The R term of SOURCE root key @p root_key (hashed if over kMaxTermKeyBytes).
std::string root_term(const std::string& root_key);

/// The kSlotHash value of an article with content hash @p hash read from
/// SOURCE root @p root_key: both in one value, so that the no-change check
/// costs one value lookup per article.
std::string source_stamp(const std::string& hash, const std::string& root_key);

/// (body stem term, form) pairs of one article whose normalised form differs
/// from its stem ("ZENceasefir", "ceasefires"), each once: what the writer adds to the synonym
/// table (index_schema.h, "word variants").
using Variants = std::vector<std::pair<std::string, std::string>>;

/// Builds the document of one article: terms with positions for headline and
/// body, stemmed terms, the id term, values (with the passage layout) and
/// the stored record; its kSlotHash value is the content hash alone (the
/// article of no SOURCE root). Its word variants go to @p variants if given.
Xapian::Document build_document(const SourceRecord& article, Analyzer& analyzer,
                                Variants* variants = nullptr, const PassageOptions& passages = {});

/// The document of @p article as read from SOURCE root @p root_key: what
/// IndexStore::put() and the shard builder write. build_document() plus the
/// root term, with source_stamp() as its kSlotHash value.
Xapian::Document article_document(const SourceRecord& article, const std::string& root_key,
                                  Analyzer& analyzer, Variants* variants = nullptr);

}  // namespace newsearch
