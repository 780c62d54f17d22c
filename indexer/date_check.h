// The date of a record with fields (a JSON Lines "date", Article::date) is
// checked before the record is indexed: one that is not a valid ISO 8601
// date is dropped, and the article indexed undated, rather than stored
// where every SearchOptions::date_from/date_to would silently miss it.
#pragma once

#include <optional>
#include <string>

#include "indexer/source_record.h"

namespace newsearch {

/// Checks @p a's date with normalize_date() (date_normalizer.h: YYYY,
/// YYYY-MM, YYYY-MM-DD or a full timestamp, a date that exists). A valid
/// date is kept and, when @p a has no date_source yet, marked "field". An
/// invalid one ("2024-02-30", "last tuesday", "01/02/2024", "2024-13-01")
/// is cleared with date_source, and returned as it was given; nullopt when
/// nothing was dropped (also for an empty date).
std::optional<std::string> drop_bad_date(SourceRecord& a);

/// The warning text for a dropped date @p date (cut to a short excerpt):
/// "date 'last tuesday' is not an ISO 8601 date (...): indexed undated".
std::string bad_date_message(const std::string& date);

}  // namespace newsearch
