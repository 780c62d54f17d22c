// The line classifier for scraped text: which lines of a page are the
// article, which the headline, and what the others are (menus, share
// boxes, captions, bylines, comment sections, footers), decided from what
// plain text shows. Used by the .txt reader (indexer/article_reader.h);
// docs/indexing.md, "Reading scraped pages", describes the rules.
//
// How it decides, in three steps:
//  1. Each line gets a shape from its own features (line_features.h): known
//     furniture patterns; running text (enough words, function words, a
//     sentence end: jusText's length and stopword-density test, with the
//     stopword threshold adapted to the page's language); a short sentence;
//     or a short line (menu items, headlines, names, dates).
//  2. Context: the article is the run of lines with the most text, where
//     running text counts for and short lines and furniture against, so a
//     few short lines inside the article (subheadings) stay and long runs
//     of menus or link lists end it (the densest-region idea of Finn's
//     Body Text Extraction, on lines). A comment section's start ends it,
//     and text after a comment section counts for less.
//  3. The headline is chosen among the short lines before the article text:
//     near it, shaped like a headline, sharing words with the lede, followed
//     by a byline or date, not part of a link list, not a caption.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "searcher/format/line_class.h"

namespace newsearch {

/// One non-blank line of a page.
struct PageLine {
  std::string text;          ///< blanks collapsed, never empty
  std::uint32_t number = 0;  ///< 1-based line number in the source text
  bool block_start = false;  ///< the first line, or one after a blank line
};

/// What the classifier made of a page.
struct PageReading {
  /// One per line: kText lines are the article; the headline line is
  /// kHeadline; the others say why they were left out.
  std::vector<LineClass> classes;
  std::optional<std::size_t> headline;  ///< index of the headline line, if any
  std::optional<std::size_t> lede;      ///< index of the first article line, if any
  /// The publication date line (date_line.h) and its date, ISO 8601: the
  /// first date line from just above the headline on, else the first one
  /// above the article's end. Every date line is kDate.
  std::optional<std::size_t> date_line;
  std::string date;
};

/// True for a line known to repeat across the articles of the page's
/// source (a template line): such lines are left out as LineClass::kTemplate.
/// Called with a line's index in the page.
using TemplateTest = std::function<bool(std::size_t)>;

/// Classifies the lines of one page. Deterministic, linear in the number
/// of lines; never throws on any input.
PageReading classify_page(const std::vector<PageLine>& lines, const TemplateTest& is_template = {});

}  // namespace newsearch
