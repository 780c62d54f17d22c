// How `search` prints results: human-readable text or JSON Lines.
#pragma once

#include <ostream>

#include "newsearch/results.h"

namespace newsearch::cli {

/// How matches are marked in human output.
enum class Marking {
  kColor,  ///< ANSI bold colour (a terminal)
  kPlain,  ///< **word** markers (a pipe or file)
  kNone,   ///< no marks at all (--color=never)
};

/// Prints rank, headline, "id · source · date" (the date's day; unknown
/// parts left out), score and snippets, one block per hit. Text
/// from the index goes through visible() (terminal_text.h): no control
/// character of an article reaches the terminal.
void print_human(std::ostream& out, const SearchResults& results, Marking marking);

/// Prints one JSON object per hit, one per line (fields in docs/searching.md, "JSON output").
/// Invalid UTF-8 becomes U+FFFD; control characters are \u escapes.
void print_json(std::ostream& out, const SearchResults& results);

}  // namespace newsearch::cli
