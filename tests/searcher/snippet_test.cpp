#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "newsearch/analyzer.h"
#include "searcher/snippet.h"

using newsearch::Analyzer;
using newsearch::ByteRange;
using newsearch::Highlight;
using newsearch::kEllipsis;
using newsearch::make_snippet;
using newsearch::Snippet;

namespace {

// Code points in s (s is valid UTF-8).
std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte ranges of the words of a passage, as the ranker gives them.
std::vector<ByteRange> words_of(std::string_view passage) {
  Analyzer an;
  std::vector<ByteRange> out;
  for (const auto& t : an.analyze(passage))
    if (!t.joined) out.emplace_back(t.byte_begin, t.byte_end);
  return out;
}

// Byte ranges of every occurrence of @p needle in @p passage.
std::vector<ByteRange> occurrences(std::string_view passage, std::string_view needle) {
  std::vector<ByteRange> out;
  for (std::size_t at = passage.find(needle); at != std::string_view::npos;
       at = passage.find(needle, at + 1))
    out.emplace_back(at, at + needle.size());
  return out;
}

std::string highlighted(const Snippet& s, const Highlight& h) {
  return s.text.substr(h.byte_begin, h.byte_end - h.byte_begin);
}

// Invariants every snippet must satisfy.
void check_highlights_consistent(const Snippet& s) {
  for (std::size_t i = 0; i < s.highlights.size(); ++i) {
    const Highlight& h = s.highlights[i];
    INFO("highlight " << i << " of '" << s.text << "'");
    REQUIRE(h.byte_begin < h.byte_end);
    REQUIRE(h.byte_end <= s.text.size());
    CHECK(h.char_begin == code_points(std::string_view(s.text).substr(0, h.byte_begin)));
    CHECK(h.char_end == code_points(std::string_view(s.text).substr(0, h.byte_end)));
    if (i > 0) CHECK(s.highlights[i - 1].byte_end <= h.byte_begin);  // sorted, disjoint
  }
}

// The snippet without its leading/trailing ellipses.
std::string_view inner(const Snippet& s) {
  std::string_view t = s.text;
  if (t.starts_with(kEllipsis)) t.remove_prefix(kEllipsis.size());
  if (t.ends_with(kEllipsis)) t.remove_suffix(kEllipsis.size());
  return t;
}

// "w0000 w0001 ..." with @p n words, each 5 characters plus a space.
std::string filler(std::size_t n, const std::string& stem = "w") {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) {
    std::string num = std::to_string(i);
    s += stem + std::string(4 - num.size(), '0') + num + " ";
  }
  return s;
}

}  // namespace

TEST_CASE("a short passage is returned whole, without ellipsis", "[snippet]") {
  const std::string p = "Turkey and Russia postponed ministerial-level talks on Libya.";
  const Snippet s = make_snippet(p, occurrences(p, "Russia"), words_of(p), 300);
  CHECK(s.text == p);
  CHECK(s.text.find(kEllipsis) == std::string::npos);
  REQUIRE(s.highlights.size() == 1);
  CHECK(highlighted(s, s.highlights[0]) == "Russia");
  CHECK(s.highlights[0].byte_begin == 11);
  CHECK(s.highlights[0].char_begin == 11);
  CHECK(s.highlights[0].char_end == 17);
  check_highlights_consistent(s);
}

TEST_CASE("a passage exactly max_chars long is not cut", "[snippet]") {
  const std::string p = "Çavuşoğlu spoke to Lavrov";  // 25 code points, more bytes
  REQUIRE(code_points(p) == 25);
  const Snippet s = make_snippet(p, occurrences(p, "Lavrov"), words_of(p), 25);
  CHECK(s.text == p);
  REQUIRE(s.highlights.size() == 1);
  CHECK(highlighted(s, s.highlights[0]) == "Lavrov");
  check_highlights_consistent(s);
}

TEST_CASE("no matches: the passage start is shown", "[snippet]") {
  const std::string p = filler(100);
  const Snippet s = make_snippet(p, {}, words_of(p), 60);
  CHECK(s.highlights.empty());
  CHECK(s.text.starts_with("w0000 "));
  CHECK_FALSE(s.text.starts_with(kEllipsis));
  CHECK(s.text.ends_with(kEllipsis));
  CHECK(code_points(inner(s)) <= 60);
}

TEST_CASE("a long passage is windowed around the match at word boundaries", "[snippet]") {
  const std::string p = filler(100) + "Haftar " + filler(100, "z");
  const std::size_t max_chars = 80;
  const Snippet s = make_snippet(p, occurrences(p, "Haftar"), words_of(p), max_chars);
  INFO("snippet: " << s.text);

  CHECK(s.text.starts_with(kEllipsis));
  CHECK(s.text.ends_with(kEllipsis));
  const std::string_view body = inner(s);
  CHECK(code_points(body) <= max_chars);
  CHECK(code_points(body) >= max_chars - 12);  // "about" max_chars: at most two words lost
  // Begins and ends on whole words of the passage.
  const std::size_t at = p.find(body);
  REQUIRE(at != std::string::npos);
  CHECK(p[at - 1] == ' ');
  CHECK(body.front() != ' ');
  CHECK(body.back() != ' ');
  CHECK((at + body.size() == p.size() || p[at + body.size()] == ' '));
  // Highlight on the match, with context on both sides.
  REQUIRE(s.highlights.size() == 1);
  CHECK(highlighted(s, s.highlights[0]) == "Haftar");
  CHECK(s.highlights[0].char_begin > 5);
  CHECK(s.highlights[0].char_end < code_points(s.text) - 5);
  check_highlights_consistent(s);
}

TEST_CASE("the window goes where the matches are densest", "[snippet]") {
  // One lone match early, a cluster of three much later.
  const std::string p = "Idlib " + filler(80) + "Idlib ceasefire Idlib " + filler(80, "z");
  std::vector<ByteRange> m = occurrences(p, "Idlib");
  for (auto r : occurrences(p, "ceasefire")) m.push_back(r);
  std::sort(m.begin(), m.end());
  const Snippet s = make_snippet(p, m, words_of(p), 60);
  INFO("snippet: " << s.text);
  REQUIRE(s.highlights.size() == 3);
  CHECK(highlighted(s, s.highlights[0]) == "Idlib");
  CHECK(highlighted(s, s.highlights[1]) == "ceasefire");
  CHECK(highlighted(s, s.highlights[2]) == "Idlib");
  CHECK(s.text.starts_with(kEllipsis));
  check_highlights_consistent(s);
}

TEST_CASE("matches at the very start or end need no ellipsis on that side", "[snippet]") {
  SECTION("start") {
    const std::string p = "Haftar " + filler(100);
    const Snippet s = make_snippet(p, occurrences(p, "Haftar"), words_of(p), 50);
    CHECK_FALSE(s.text.starts_with(kEllipsis));
    CHECK(s.text.ends_with(kEllipsis));
    REQUIRE_FALSE(s.highlights.empty());
    CHECK(s.highlights[0].byte_begin == 0);
    CHECK(highlighted(s, s.highlights[0]) == "Haftar");
    check_highlights_consistent(s);
  }
  SECTION("end") {
    const std::string p = filler(100) + "Haftar";
    const Snippet s = make_snippet(p, occurrences(p, "Haftar"), words_of(p), 50);
    CHECK(s.text.starts_with(kEllipsis));
    CHECK_FALSE(s.text.ends_with(kEllipsis));
    CHECK(s.text.ends_with("Haftar"));
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, s.highlights[0]) == "Haftar");
    CHECK(code_points(inner(s)) <= 50);
    check_highlights_consistent(s);
  }
}

TEST_CASE("highlight offsets with non-ASCII text", "[snippet][utf8]") {
  SECTION("short passage") {
    const std::string p = "Dışişleri Bakanı Mevlüt Çavuşoğlu ile görüştü, dedi Çavuşoğlu.";
    const Snippet s = make_snippet(p, occurrences(p, "Çavuşoğlu"), words_of(p), 300);
    CHECK(s.text == p);
    REQUIRE(s.highlights.size() == 2);
    for (const auto& h : s.highlights) {
      CHECK(highlighted(s, h) == "Çavuşoğlu");
      CHECK(h.char_end - h.char_begin == 9);   // 9 code points
      CHECK(h.byte_end - h.byte_begin == 12);  // Ç ş ğ are two bytes each
    }
    // "Dışişleri Bakanı Mevlüt " is 24 code points.
    CHECK(s.highlights[0].char_begin == 24);
    CHECK(s.highlights[0].byte_begin == std::string("Dışişleri Bakanı Mevlüt ").size());
    check_highlights_consistent(s);
  }
  SECTION("windowed passage: the ellipsis is one code point, three bytes") {
    std::string p;
    for (int i = 0; i < 60; ++i) p += "görüşme ";
    p += "Çavuşoğlu ";
    for (int i = 0; i < 60; ++i) p += "çalışma ";
    const Snippet s = make_snippet(p, occurrences(p, "Çavuşoğlu"), words_of(p), 70);
    INFO("snippet: " << s.text);
    REQUIRE(s.text.starts_with(kEllipsis));
    REQUIRE(s.text.ends_with(kEllipsis));
    CHECK(code_points(inner(s)) <= 70);
    REQUIRE(s.highlights.size() == 1);
    const Highlight& h = s.highlights[0];
    CHECK(highlighted(s, h) == "Çavuşoğlu");
    CHECK(h.char_end - h.char_begin == 9);
    // Whole words only: the window holds whole "görüşme"/"çalışma" words.
    const std::string_view body = inner(s);
    CHECK((body.starts_with("görüşme") || body.starts_with("Çavuşoğlu")));
    CHECK((body.ends_with("çalışma") || body.ends_with("Çavuşoğlu")));
    check_highlights_consistent(s);
  }
}

TEST_CASE("overlapping matches are merged into one highlight", "[snippet]") {
  const std::string p = "A fragile cease-fire in Idlib held for a week.";
  const std::size_t cease = p.find("cease");
  const std::size_t fire_end = p.find("fire") + 4;
  SECTION("nested ranges") {
    // The joined compound and its first part, as the ranker may report them.
    const std::vector<ByteRange> m = {{cease, cease + 5}, {cease, fire_end}};
    const Snippet s = make_snippet(p, m, words_of(p), 300);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, s.highlights[0]) == "cease-fire");
    check_highlights_consistent(s);
  }
  SECTION("partially overlapping ranges") {
    const std::size_t idlib_end = p.find("Idlib") + 5;
    const std::vector<ByteRange> m = {{cease, fire_end}, {p.find("fire"), idlib_end}};
    const Snippet s = make_snippet(p, m, words_of(p), 300);
    REQUIRE(s.highlights.size() == 1);
    CHECK(highlighted(s, s.highlights[0]) == "cease-fire in Idlib");
    check_highlights_consistent(s);
  }
  SECTION("disjoint ranges stay separate") {
    const std::vector<ByteRange> m = {{cease, fire_end}, {p.find("Idlib"), p.find("Idlib") + 5}};
    const Snippet s = make_snippet(p, m, words_of(p), 300);
    REQUIRE(s.highlights.size() == 2);
    CHECK(highlighted(s, s.highlights[0]) == "cease-fire");
    CHECK(highlighted(s, s.highlights[1]) == "Idlib");
    check_highlights_consistent(s);
  }
}

TEST_CASE("matches outside the window are not highlighted", "[snippet]") {
  const std::string p = "Haftar " + filler(200) + "Haftar";
  const Snippet s = make_snippet(p, occurrences(p, "Haftar"), words_of(p), 60);
  INFO("snippet: " << s.text);
  REQUIRE(s.highlights.size() == 1);
  CHECK(highlighted(s, s.highlights[0]) == "Haftar");
  check_highlights_consistent(s);
}
