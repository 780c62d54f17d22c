#include "searcher/format/line_class.h"

#include <array>

namespace newsearch {
namespace {

constexpr std::array<std::string_view, 7> kNames = {"text",    "headline",    "date",    "byline",
                                                    "caption", "boilerplate", "template"};

}  // namespace

std::string_view line_class_name(LineClass c) { return kNames[static_cast<std::size_t>(c)]; }

std::optional<LineClass> line_class_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<LineClass>(i);
  return std::nullopt;
}

}  // namespace newsearch
