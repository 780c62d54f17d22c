#include "searcher/analysis/arabic.h"

#include <array>

namespace newsearch {
namespace {

// Longest first, so that وال is taken before ال.
constexpr std::array<std::string_view, 6> kPrefixes = {
    "\xD9\x88\xD8\xA7\xD9\x84",  // وال
    "\xD8\xA8\xD8\xA7\xD9\x84",  // بال
    "\xD9\x83\xD8\xA7\xD9\x84",  // كال
    "\xD9\x81\xD8\xA7\xD9\x84",  // فال
    "\xD9\x84\xD9\x84",          // لل
    "\xD8\xA7\xD9\x84",          // ال
};

// One-letter particles: and, with, for, so, like.
constexpr std::array<std::string_view, 5> kParticles = {"\xD9\x88", "\xD8\xA8", "\xD9\x84",
                                                        "\xD9\x81", "\xD9\x83"};  // و ب ل ف ك

// Two Arabic letters (two bytes each in UTF-8).
constexpr std::size_t kMinRestBytes = 4;
// Four letters: what must remain after a one-letter particle.
constexpr std::size_t kMinRestAfterParticle = 8;

}  // namespace

std::string without_arabic_article(std::string_view term) {
  for (std::string_view p : kPrefixes)
    if (term.starts_with(p) && term.size() >= p.size() + kMinRestBytes)
      return std::string(term.substr(p.size()));
  for (std::string_view p : kParticles)
    if (term.starts_with(p) && term.size() >= p.size() + kMinRestAfterParticle)
      return std::string(term.substr(p.size()));
  return std::string(term);
}

}  // namespace newsearch
