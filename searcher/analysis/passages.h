// Passage splitting: the unit that search results are ranked by.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace newsearch {

class Analyzer;

/// How long passages may grow before a paragraph is split.
struct PassageOptions {
  /// Paragraphs up to this many bytes are one passage.
  std::size_t max_bytes = 600;
  /// Longer paragraphs are split at sentence ends into runs of about this size.
  std::size_t target_bytes = 400;
};

/// Splits @p body (paragraphs separated by "\n\n") into passages: each
/// paragraph is a passage; longer ones are cut into runs of whole sentences;
/// a single sentence longer than 2 * max_bytes is cut at spaces.
/// Returns [begin, end) byte ranges into body, trimmed of spaces.
std::vector<std::pair<std::uint32_t, std::uint32_t>> split_passages(
    Analyzer& analyzer, std::string_view body, const PassageOptions& options = {});

}  // namespace newsearch
