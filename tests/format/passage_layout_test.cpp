#include <catch2/catch.hpp>

#include <string>

#include "searcher/format/passage_layout.h"

using newsearch::decode_layout;
using newsearch::encode_layout;
using newsearch::PassageLayout;

TEST_CASE("passage layout: round trip, small and large numbers", "[analysis][layout]") {
  PassageLayout l;
  l.starts = {1, 120, 300, 70000, 4000000000u};
  l.words = {19, 0, 127, 128, 300000};
  const std::string bytes_without_terms = encode_layout(l);
  CHECK(bytes_without_terms.size() < 26);
  l.headline_terms = {{1, "cease"}, {1, "ceasefire"}, {2, "fire"}, {300, "\xC3\xA7"}, {4, ""}};
  CHECK(l.headline_words() == 4);  // distinct positions: the joined form is no word
  const std::string bytes = encode_layout(l);
  const auto back = decode_layout(bytes);
  REQUIRE(back);
  CHECK(*back == l);
  CHECK(decode_layout(encode_layout(PassageLayout{})) == PassageLayout{});
}

TEST_CASE("passage layout: positions map to passages", "[analysis][layout]") {
  PassageLayout l{{1, 120, 300}, {10, 20, 30}, {}};
  CHECK(l.passage_of(0) == 3);  // before the first passage: none
  CHECK(l.passage_of(1) == 0);
  CHECK(l.passage_of(119) == 0);
  CHECK(l.passage_of(120) == 1);
  CHECK(l.passage_of(299) == 1);
  CHECK(l.passage_of(300) == 2);
  CHECK(l.passage_of(100000) == 2);
}

TEST_CASE("passage layout: malformed data is refused, not misread", "[analysis][layout]") {
  const std::string good = encode_layout(PassageLayout{{1, 120}, {10, 20}, {}});
  CHECK_FALSE(decode_layout(""));
  CHECK_FALSE(decode_layout(good.substr(0, good.size() - 1)));             // truncated
  CHECK_FALSE(decode_layout(good + "x"));                                  // trailing bytes
  CHECK_FALSE(decode_layout(std::string("\x02\x01\x05\x00\x05\x00", 6)));  // start repeated
  CHECK_FALSE(decode_layout(std::string("\xff\xff\xff\xff\xff\x01", 6)));  // varint over 32 bits
  CHECK_FALSE(decode_layout(std::string("\xff\xff\xff\x0f", 4)));          // absurd count
  PassageLayout with_terms{{1}, {10}, {{1, "idlib"}}};
  const std::string t = encode_layout(with_terms);
  CHECK(decode_layout(t) == with_terms);
  CHECK_FALSE(decode_layout(t.substr(0, t.size() - 2)));  // term cut short
}
