// Small UTF-8 helpers shared by the indexer (validation) and the searcher
// (character offsets for highlights).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsearch::utf8 {

/// True if @p byte continues a UTF-8 sequence (10xxxxxx): no character
/// starts there. Inline and header-only, so that the programs, which link
/// the library's public API only, use it too.
constexpr bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

/// Byte offset of the first invalid sequence, or npos if @p s is valid UTF-8.
std::size_t find_invalid(std::string_view s);

/// Number of code points in s[0, byte_offset). @p s must be valid UTF-8.
std::size_t char_count(std::string_view s, std::size_t byte_offset);

/// Length in bytes of the UTF-8 sequence that starts with lead byte @p c.
std::size_t sequence_length(unsigned char c);

/// @p s cut to at most @p max_bytes at a character boundary, with "..."
/// appended if it was cut: how an error message quotes a caller's input
/// (a 100,000-digit date must not become a 100 KB line on stderr).
std::string excerpt(std::string_view s, std::size_t max_bytes = 64);

}  // namespace newsearch::utf8
