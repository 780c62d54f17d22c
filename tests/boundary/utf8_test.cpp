#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "searcher/boundary/utf8.h"

namespace utf8 = newsearch::utf8;
constexpr std::size_t kNpos = std::string_view::npos;

TEST_CASE("find_invalid accepts valid UTF-8", "[analysis][utf8]") {
  auto s = GENERATE(as<std::string>{}, "", "plain ASCII text",
                    "\xC3\xA9",          // é (2 bytes)
                    "\xE2\x82\xAC",      // € (3 bytes)
                    "\xF0\x9F\x98\x80",  // 😀 (4 bytes)
                    "\xC3\x87"
                    "avu\xC5\x9Fo\xC4\x9Flu",  // Çavuşoğlu
                    "\xEF\xBB\xBF"
                    "BOM first",
                    "\xED\x9F\xBF",      // U+D7FF, last before surrogates
                    "\xEE\x80\x80",      // U+E000, first after surrogates
                    "\xF4\x8F\xBF\xBF",  // U+10FFFF, the maximum
                    "\x7F");
  CAPTURE(s);
  CHECK(utf8::find_invalid(s) == kNpos);
}

TEST_CASE("find_invalid reports the offset of the first bad sequence", "[analysis][utf8]") {
  auto [s, offset] = GENERATE(table<std::string, std::size_t>({
      {"\xFF", 0},
      {"\xFE", 0},
      {"abc\xFF", 3},
      {"ab\x80"
       "cd",
       2},          // lone continuation byte
      {"\xC3", 0},  // truncated 2-byte sequence at the end
      {"ok \xC3", 3},
      {"ok \xE2\x82", 3},      // truncated 3-byte sequence
      {"ok \xF0\x9F\x98", 3},  // truncated 4-byte sequence
      {"\xC3"
       "A",
       0},                          // lead byte followed by ASCII
      {"\xC0\xAF", 0},              // overlong '/'
      {"\xE0\x80\xAF", 0},          // overlong 3-byte
      {"\xED\xA0\x80", 0},          // UTF-16 surrogate U+D800
      {"\xF4\x90\x80\x80", 0},      // above U+10FFFF
      {"\xF8\x88\x80\x80\x80", 0},  // 5-byte form
      {"\xC3\xA9\xC3\xA9\xFF\xC3\xA9", 4},
      {"fine \xC3\xA9 then \x80\xFF", 13},
  }));
  CAPTURE(s);
  CHECK(utf8::find_invalid(s) == offset);
}

TEST_CASE("find_invalid treats NUL as valid UTF-8", "[analysis][utf8]") {
  CHECK(utf8::find_invalid(std::string_view("a\0b", 3)) == kNpos);
}

TEST_CASE("char_count counts code points before a byte offset", "[analysis][utf8]") {
  const std::string s = "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80!";  // hello € 😀!
  // bytes: h0 é1-2 l3 l4 o5 sp6 €7-9 sp10 😀11-14 !15
  auto [offset, count] = GENERATE(table<std::size_t, std::size_t>({
      {0, 0},
      {1, 1},
      {3, 2},
      {6, 5},
      {7, 6},
      {10, 7},
      {11, 8},
      {15, 9},
      {16, 10},
  }));
  CAPTURE(offset);
  CHECK(utf8::char_count(s, offset) == count);
}

TEST_CASE("char_count clamps offsets past the end", "[analysis][utf8]") {
  CHECK(utf8::char_count("abc", 100) == 3);
  CHECK(utf8::char_count("\xC3\xA9\xC3\xA9", 100) == 2);
  CHECK(utf8::char_count("", 5) == 0);
}

TEST_CASE("sequence_length from the lead byte", "[analysis][utf8]") {
  auto [lead, length] = GENERATE(table<unsigned char, std::size_t>({
      {0x00, 1},
      {'a', 1},
      {0x7F, 1},
      {0xC3, 2},
      {0xDF, 2},
      {0xE2, 3},
      {0xEF, 3},
      {0xF0, 4},
      {0xF4, 4},
      {0x80, 1},
      {0xBF, 1},
      {0xFF, 1},
  }));
  CAPTURE(static_cast<int>(lead));
  CHECK(utf8::sequence_length(lead) == length);
}

TEST_CASE("excerpt cuts long input for messages at a character boundary", "[analysis][utf8]") {
  using newsearch::utf8::excerpt;
  CHECK(excerpt("short") == "short");
  CHECK(excerpt(std::string(100000, '1')).size() == 64 + 3);
  // "é" is two bytes: a cut inside it backs off to the boundary before.
  const std::string s = std::string(63, 'a') + "\xC3\xA9" + "tail";
  CHECK(excerpt(s) == std::string(63, 'a') + "...");
  CHECK(newsearch::utf8::find_invalid(excerpt(s)) == std::string_view::npos);
}

TEST_CASE("is_continuation: exactly the bytes 10xxxxxx", "[boundary][utf8]") {
  for (unsigned b = 0; b < 256; ++b) {
    CAPTURE(b);
    CHECK(utf8::is_continuation(static_cast<unsigned char>(b)) == (b >= 0x80 && b <= 0xBF));
  }
  static_assert(utf8::is_continuation(0x80) && !utf8::is_continuation(0xC3));
}
