// Shared by the libFuzzer targets: invariant checks that crash loudly, and
// independent UTF-8 checks (ICU's, not the code under test).
//
// Contract of every target: the code under test may fail only with
// newsearch::Error (or, for the source parsers, InputError, their
// documented rejection); the targets catch exactly those. Anything else
// escapes, std::terminate aborts, and libFuzzer saves the input.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "newsearch/results.h"

namespace newsearch::fuzz {

/// Aborts (a crash libFuzzer reports, with the input saved) unless @p ok.
inline void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

/// True if @p s is well-formed UTF-8 (no overlongs, surrogates or code
/// points past U+10FFFF), by ICU's strict U8_NEXT.
inline bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

/// True if byte offset @p at of @p s starts a code point or is its end.
inline bool on_boundary(std::string_view s, std::size_t at) {
  if (at == 0 || at == s.size()) return true;
  return at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80;
}

/// Checks that [begin, end) is a non-empty range of @p s on code point
/// boundaries (the boundaries only when @p s is valid UTF-8).
inline void require_range(std::string_view s, std::size_t begin, std::size_t end, bool s_is_utf8,
                          const char* what) {
  require(begin < end && end <= s.size(), what);
  if (s_is_utf8) require(on_boundary(s, begin) && on_boundary(s, end), what);
}

/// Number of code points in valid UTF-8 @p s.
inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

/// A snippet's text is valid UTF-8 and its highlights are sorted,
/// disjoint, in bounds, on code point boundaries, with code point offsets
/// that match their byte offsets.
inline void require_snippet(const Snippet& s) {
  require(valid_utf8(s.text), "snippet text is UTF-8");
  std::size_t prev_end = 0;
  for (const auto& h : s.highlights) {
    require_range(s.text, h.byte_begin, h.byte_end, true, "highlight in bounds");
    require(h.byte_begin >= prev_end, "highlights sorted and disjoint");
    prev_end = h.byte_end;
    const std::string_view text = s.text;
    require(h.char_begin == code_points(text.substr(0, h.byte_begin)) &&
                h.char_end == code_points(text.substr(0, h.byte_end)),
            "highlight code point offsets");
  }
}

/// Makes a fresh directory $TMPDIR/newsearch-<name>-XXXXXX (scripts/fuzz
/// points TMPDIR into its scratch space) and returns its path.
inline std::string make_scratch_dir(const std::string& name) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/newsearch-" + name + "-XXXXXX";
  require(::mkdtemp(pattern.data()) != nullptr, "scratch directory created");
  return pattern;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace newsearch::fuzz
