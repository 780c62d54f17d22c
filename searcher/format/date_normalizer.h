// ISO 8601 dates → the sortable UTC form stored in schema::kSlotDate.
#pragma once

#include <cstddef>
#include <string>

namespace newsearch {

/// Most digits of a fractional second accepted (nanoseconds); longer
/// fractions make the text not a date.
inline constexpr std::size_t kMaxFractionDigits = 9;

/// "2006-10-20T18:15:00-04:00" → "2006-10-20T22:15:00"; "2013-06" → "2013-06";
/// "1987-02-26T15:01:01" (no zone) → unchanged; fractional seconds dropped.
///
/// Accepted: YYYY, YYYY-MM, YYYY-MM-DD, the last optionally followed by
/// 'T' or ' ', hh:mm[:ss[.fraction]] and a zone (Z, ±hh:mm or ±hhmm), in
/// ASCII digits. The date must exist (no 2023-02-29), hours are 00-23,
/// minutes 00-59, seconds 00-60 (a leap second carries into the next
/// minute), zone offsets at most 23:59, fractions 1 to kMaxFractionDigits
/// digits. Returns "" for anything else. Linear in the length of @p iso,
/// no recursion.
std::string normalize_date(const std::string& iso);

}  // namespace newsearch
