// What plain text shows about one line of a scraped page: its words, their
// kind, its punctuation, and whether it matches a known pattern of page
// furniture. The line classifier (line_classifier.h) decides from these.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsearch {

/// Known kinds of page furniture, recognised from the words of a line.
enum class LinePattern {
  kNone,
  kBoilerplate,   ///< navigation, share/print/e-mail buttons, newsletters, cookies, credits
  kCommentStart,  ///< the start of a comment section ("34 Comments", "Leave a Reply")
  kCaption,       ///< a photo credit or caption marker ("Image Credit:", "Getty Images")
  kByline,        ///< "By Jane Doe", "Reporting by ...", "Posted by ..."
  kListHeader,    ///< the title of a link list ("Most Popular", "Related", "Read more")
};

struct LineFeatures {
  std::size_t words = 0;        ///< runs of letters, digits, marks or '_' (Python's \w+)
  std::size_t stopwords = 0;    ///< of those, function words (function_words.h)
  std::size_t capitalised = 0;  ///< words starting with an upper-case letter
  std::size_t alphabetic = 0;   ///< words starting with a letter
  bool ends_sentence = false;   ///< ends in . ! ? … : ; or a closing quote
  bool ends_full_stop = false;  ///< ends in . ! ? (a closing quote may follow)
  std::size_t dated = 0;        ///< month names, clock times, years: date-line evidence
  LinePattern pattern = LinePattern::kNone;

  double stop_density() const {
    return words == 0 ? 0.0 : static_cast<double>(stopwords) / static_cast<double>(words);
  }
  /// Most words capitalised, as in a headline or a menu ("Top Stories").
  bool title_case() const { return alphabetic >= 3 && capitalised * 10 >= alphabetic * 7; }
};

/// The features of @p line (UTF-8, blanks collapsed).
LineFeatures line_features(std::string_view line);

/// True if @p line reads like a publisher's footer ("To learn more about
/// republishing this content ...", "... All rights reserved."): what the
/// last paragraphs of a page's article run are tested for.
bool footer_like(std::string_view line);

/// The number of words of @p line (as LineFeatures::words), counting no
/// further than @p at_most + 1.
std::size_t word_count(std::string_view line, std::size_t at_most);

/// The lower-cased words of @p line that are not function words.
std::vector<std::string> content_words(std::string_view line);

/// @p line lower-cased (full Unicode case mapping), trailing decoration
/// (" » › → … : . !") removed: the form patterns are compared in.
std::string pattern_key(std::string_view line);

}  // namespace newsearch
