/** @file schema_check.h
 *  @brief The one check that an index is in the format this build reads and
 *  writes (index_schema.h: kMetaSchema and kMetaAnalyzer), and the analyzer
 *  an index was built with.
 *
 *  The searcher checks a database it opens for reading; the indexer stamps a
 *  new one and checks one it opens for writing. Both sides refuse an index
 *  of another schema version or analyzer with the same message and advice.
 */
#pragma once

#include <xapian.h>

#include <string>

#include "newsearch/analyzer.h"

namespace newsearch {

/// The analyzer that analysed the index @p db: the one its kMetaAnalyzer
/// names; for an index not stamped yet (new and empty), the default. An id
/// this build cannot make also gives the default, which check_schema() and
/// stamp_or_check_schema() then refuse (kSchemaMismatch, naming the id):
/// call one of them with the analyzer returned before using it.
Analyzer analyzer_for_index(const Xapian::Database& db);

/// The read side: @p db (the index at @p path) has this build's schema
/// version and was analysed by @p analyzer.
/// @throws Error(kSchemaMismatch) for a database without a schema stamp
///   (not a newsearch index), another schema version or another analyzer id.
void check_schema(const Xapian::Database& db, const std::string& path, const Analyzer& analyzer);

/// The write side: stamps a database that has no stamp and no documents yet
/// (a new index) with this build's schema version and @p analyzer's id, and
/// commits; checks any other as check_schema() does.
/// @throws Error(kSchemaMismatch) as check_schema().
void stamp_or_check_schema(Xapian::WritableDatabase& db, const std::string& path,
                           const Analyzer& analyzer);

/// Writes the stamp (this build's schema version, @p analyzer's id) into
/// @p db without committing: for a new database, or a generation merged from
/// shards that Xapian's compaction left without metadata.
void stamp_schema(Xapian::WritableDatabase& db, const Analyzer& analyzer);

}  // namespace newsearch
