// Builds the snippet of a passage: a window of about N characters around the
// densest group of matches, cut at word boundaries, with highlight offsets.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "newsearch/results.h"
#include "searcher/passage_ranker.h"

namespace newsearch {

/// The ellipsis marking dropped text ("…", U+2026).
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

/// @param passage   the passage text (valid UTF-8)
/// @param matches   byte ranges of matched words in passage, sorted
/// @param words     byte ranges of all words in passage, in order
/// @param max_chars window length in code points
Snippet make_snippet(std::string_view passage, const std::vector<ByteRange>& matches,
                     const std::vector<ByteRange>& words, std::size_t max_chars);

}  // namespace newsearch
