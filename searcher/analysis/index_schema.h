/** @file index_schema.h
 *  @brief The on-disk contract between the indexer and the searcher.
 *
 *  One Xapian document per article:
 *
 *   Terms (prefixes follow Xapian's conventions):
 *     Q<id>          unique article id (boolean); replace_document() key
 *     <term>         body word, normalised, unstemmed, with positions
 *     Z<stem>        body word, stemmed, wdf only (ranked word matching)
 *     S<term>        headline word, unstemmed, with positions
 *     ZS<stem>       headline word, stemmed, wdf only
 *     B<source>      publisher, normalised (boolean filter)
 *   Body positions start at 1; consecutive passages are separated by a gap
 *   of kPassagePositionGap so phrases never match across passages.
 *
 *   Values:
 *     kSlotDate      ISO 8601 date as given (sorts chronologically when the
 *                    offsets agree; empty if unknown)
 *     kSlotHash      content hash (hex) of the source record
 *
 *   Document data: a MessagePack map (see stored_article.h).
 *
 *   Metadata keys are listed below; kMetaSchema must equal kSchemaVersion
 *   and kMetaAnalyzer must equal Analyzer::analyzer_id() of the reader.
 */
#pragma once

#include <string_view>

namespace newsearch::schema {

inline constexpr int kSchemaVersion = 1;

inline constexpr std::string_view kPrefixId = "Q";
inline constexpr std::string_view kPrefixStem = "Z";
inline constexpr std::string_view kPrefixHeadline = "S";
inline constexpr std::string_view kPrefixHeadlineStem = "ZS";
inline constexpr std::string_view kPrefixSource = "B";

inline constexpr unsigned kSlotDate = 0;
inline constexpr unsigned kSlotHash = 1;

inline constexpr unsigned kPassagePositionGap = 100;

inline constexpr std::string_view kMetaSchema = "newsearch.schema";
inline constexpr std::string_view kMetaAnalyzer = "newsearch.analyzer";

}  // namespace newsearch::schema
