// What a line of a scraped page was taken for: the classes of the line
// classifier (searcher/analysis/line_classifier.h), kept with every dropped
// line in the stored record and printed by `indexer --print`. The names are
// part of the on-disk contract and of --print's output: never renamed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsearch {

enum class LineClass : std::uint8_t {
  kText,         ///< article text (kept)
  kHeadline,     ///< the headline chosen (stored as the title)
  kDate,         ///< a date line (stored as the date when it is the one chosen)
  kByline,       ///< "By Jane Doe", "Reporting by ...", an author or agency credit
  kCaption,      ///< a photo caption or credit ("Image Credit: Reuters")
  kBoilerplate,  ///< menus, share and comment boxes, newsletters, footers, mastheads
  kTemplate,     ///< a line repeated across many articles of one source
};

/// "text", "headline", "date", "byline", "caption", "boilerplate", "template".
std::string_view line_class_name(LineClass c);

/// The class named @p name (line_class_name()), or nullopt.
std::optional<LineClass> line_class_from_name(std::string_view name);

/// A line of the source that is not in the article text, kept in the
/// stored record so that --print can show it and a later run can classify
/// it again.
struct DroppedLine {
  std::string text;          ///< the line, blanks collapsed
  LineClass cls;             ///< why it was dropped
  std::uint32_t number = 0;  ///< 1-based line number in the source text (0: not from a .txt)
};

}  // namespace newsearch
