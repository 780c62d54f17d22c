// Checks on text that tests of several areas share.
#pragma once

#include <string>

namespace newsearch::test {

/// True if @p s holds a C0 control character (newline and tab included),
/// DEL or a C1 control (U+0080-U+009F, UTF-8 C2 80-C2 9F): what must never
/// reach stored article text, where it could drive a terminal.
inline bool has_control(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return true;
  }
  return false;
}

}  // namespace newsearch::test
