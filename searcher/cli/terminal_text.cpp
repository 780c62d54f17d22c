#include "searcher/cli/terminal_text.h"

#include <cstdio>

#include "searcher/boundary/utf8.h"

namespace newsearch::cli {
namespace {

void append_escape(std::string& out, const char* form, unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, form, value);
  out += buf;
}

// Length of the valid UTF-8 sequence at s[i] (lead byte >= 0x80), or 0 if
// it is not one: no overlong forms, surrogates or code points past U+10FFFF.
// (The CLI uses the library's public API only, so it has its own check.)
std::size_t valid_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned c = byte(0);
  const std::size_t n = c >= 0xC2 && c <= 0xDF   ? 2
                        : c >= 0xE0 && c <= 0xEF ? 3
                        : c >= 0xF0 && c <= 0xF4 ? 4
                                                 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if (!utf8::is_continuation(byte(k))) return 0;
  // The second byte's range excludes overlong forms, surrogates, > U+10FFFF.
  if ((c == 0xE0 && byte(1) < 0xA0) || (c == 0xED && byte(1) > 0x9F) ||
      (c == 0xF0 && byte(1) < 0x90) || (c == 0xF4 && byte(1) > 0x8F))
    return 0;
  return n;
}

// A C1 control: U+0080-U+009F, encoded C2 80 - C2 9F.
bool is_c1(std::string_view s, std::size_t i, std::size_t n) {
  return n == 2 && static_cast<unsigned char>(s[i]) == 0xC2 &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

}  // namespace

std::string visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      append_escape(out, "\\x%02x", c);
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else if (const std::size_t n = valid_sequence(text, i); n == 0) {
      append_escape(out, "\\x%02x", c);
      ++i;
    } else {
      if (is_c1(text, i, n))
        append_escape(out, "\\u%04x", static_cast<unsigned char>(text[i + 1]));
      else
        out.append(text, i, n);
      i += n;
    }
  }
  return out;
}

std::string json_without_controls(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (c == 0x7F) {
      out += "\\u007f";
    } else if (c == 0xC2 && i + 1 < json.size() &&
               static_cast<unsigned char>(json[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(json[i + 1]) <= 0x9F) {
      append_escape(out, "\\u%04x", static_cast<unsigned char>(json[++i]));
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace newsearch::cli
