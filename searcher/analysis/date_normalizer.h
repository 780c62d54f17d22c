// ISO 8601 dates → the sortable UTC form stored in schema::kSlotDate.
#pragma once

#include <string>

namespace newsearch {

/// "2006-10-20T18:15:00-04:00" → "2006-10-20T22:15:00"; "2013-06" → "2013-06";
/// "1987-02-26T15:01:01" (no zone) → unchanged; fractional seconds dropped.
/// Returns "" for text that is not such a date.
std::string normalize_date(const std::string& iso);

}  // namespace newsearch
