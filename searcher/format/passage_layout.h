// Where an article's passages lie in its position space, and how many words
// each holds: written at index time (schema::kSlotLayout) so that the
// searcher scores passages from Xapian's stored positions instead of
// re-analysing article text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsearch {

/// Layout of one article's terms.
///  - headline_terms: the headline's tokens at their positions 1..n under
///    the headline prefix;
///  - passage i: body positions [starts[i], starts[i+1]) (the last one is
///    open-ended), holding words[i] words. Starts are strictly increasing.
struct PassageLayout {
  /// One analysed headline token: its position (1-based, as indexed under
  /// the headline prefix) and normalised, unstemmed term.
  struct Term {
    std::uint32_t position = 0;
    std::string term;
    bool operator==(const Term&) const = default;
  };
  std::vector<std::uint32_t> starts;
  std::vector<std::uint32_t> words;
  /// The headline's tokens (joined compound forms included), in order, so
  /// that headline evidence needs no position-list reads.
  std::vector<Term> headline_terms;
  /// The article's language (ISO 639-1): which stems its words have.
  std::string lang;

  /// Words of the headline: its distinct positions (a joined compound form
  /// shares the position of its first part and is no word of its own).
  std::uint32_t headline_words() const;

  /// Index of the passage holding body position @p pos; passages.size() if
  /// it lies before the first passage.
  std::size_t passage_of(std::uint32_t pos) const;

  bool operator==(const PassageLayout&) const = default;
};

/// Compact binary form (unsigned LEB128 varints: passage count, then per passage the start's
/// distance from the previous start and the word count; then the headline token count and per token
/// its position and the term's byte length followed by its bytes; then the
/// language's byte length and bytes).
std::string encode_layout(const PassageLayout& layout);

/// std::nullopt if @p data is not a well-formed layout (truncated, trailing
/// bytes, or starts not increasing).
std::optional<PassageLayout> decode_layout(std::string_view data);

}  // namespace newsearch
