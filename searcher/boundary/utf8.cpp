#include "searcher/boundary/utf8.h"

#include <unicode/utf8.h>

namespace newsearch::utf8 {

std::size_t find_invalid(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

std::size_t char_count(std::string_view s, std::size_t byte_offset) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < byte_offset && i < s.size(); ++i)
    if (!is_continuation(static_cast<unsigned char>(s[i]))) ++count;
  return count;
}

std::size_t sequence_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

std::string excerpt(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t end = max_bytes;
  while (end > 0 && is_continuation(static_cast<unsigned char>(s[end]))) --end;
  return std::string(s.substr(0, end)) + "...";
}

}  // namespace newsearch::utf8
