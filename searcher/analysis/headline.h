// A headline for an article that has none: its first sentence, shortened.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsearch {

/// About how long a derived headline is, in bytes.
inline constexpr std::size_t kDerivedHeadlineBytes = 100;

/// The first sentence of @p text (ICU sentence boundaries), cut at the last
/// word boundary within about @p max_bytes and ended with "…" when cut.
/// "" for text without letters or digits.
std::string derived_headline(std::string_view text, std::size_t max_bytes = kDerivedHeadlineBytes);

}  // namespace newsearch
