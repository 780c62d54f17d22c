// Small UTF-8 helpers shared by the indexer (validation) and the searcher
// (character offsets for highlights).
#pragma once

#include <cstddef>
#include <string_view>

namespace newsearch::utf8 {

/// Byte offset of the first invalid sequence, or npos if @p s is valid UTF-8.
std::size_t find_invalid(std::string_view s);

/// Number of code points in s[0, byte_offset). @p s must be valid UTF-8.
std::size_t char_count(std::string_view s, std::size_t byte_offset);

/// Length in bytes of the UTF-8 sequence that starts with lead byte @p c.
std::size_t sequence_length(unsigned char c);

}  // namespace newsearch::utf8
