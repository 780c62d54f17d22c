#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "newsearch/analyzer.h"
#include "searcher/analysis/passages.h"

using newsearch::Analyzer;
using newsearch::PassageOptions;
using newsearch::split_passages;

namespace {

using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view text_of(std::string_view body, std::pair<std::uint32_t, std::uint32_t> r) {
  return body.substr(r.first, r.second - r.first);
}

std::vector<std::string> texts(std::string_view body, const Ranges& ranges) {
  std::vector<std::string> out;
  for (const auto& r : ranges) out.emplace_back(text_of(body, r));
  return out;
}

// The invariants every split must satisfy.
void check_invariants(std::string_view body, const Ranges& ranges) {
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    CAPTURE(i, ranges[i].first, ranges[i].second);
    const auto [b, e] = ranges[i];
    REQUIRE(b < e);
    REQUIRE(e <= body.size());
    if (i > 0) CHECK(b >= ranges[i - 1].second);  // ordered, non-overlapping
    CHECK_FALSE(is_space(body[b]));               // trimmed
    CHECK_FALSE(is_space(body[e - 1]));
    CHECK_FALSE(is_continuation(body[b]));  // whole UTF-8 sequences
    if (e < body.size()) CHECK_FALSE(is_continuation(body[e]));
    CHECK(text_of(body, ranges[i]).find("\n\n") == std::string_view::npos);
  }
}

// Every non-space byte of body lies in some passage: nothing is lost.
void check_complete(std::string_view body, const Ranges& ranges) {
  std::vector<bool> covered(body.size(), false);
  for (auto [b, e] : ranges)
    for (auto i = b; i < e; ++i) covered[i] = true;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (!is_space(body[i]) && !covered[i]) {
      CAPTURE(i);
      FAIL("byte not covered by any passage");
    }
  }
}

// A sentence of exactly `bytes` bytes ending in ". ", made of words.
std::string sentence(std::size_t bytes, char letter) {
  REQUIRE(bytes >= 4);
  std::string s;
  while (s.size() + 2 < bytes) {
    if (!s.empty() && s.size() % 8 == 7)
      s += ' ';
    else
      s += s.empty() ? static_cast<char>(letter - 'a' + 'A') : letter;
  }
  if (s.back() == ' ') s.back() = letter;
  s += ". ";
  return s;
}

}  // namespace

TEST_CASE("Short paragraphs are one passage each", "[analysis][passages]") {
  Analyzer analyzer;
  auto [body, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"", {}},
      {"One paragraph.", {"One paragraph."}},
      {"First paragraph.\n\nSecond paragraph.", {"First paragraph.", "Second paragraph."}},
      {"A.\n\nB.\n\nC.", {"A.", "B.", "C."}},
      {"  padded  \n\n\tindented\t", {"padded", "indented"}},
      {"Single\nnewline stays inside.\n\nNext.", {"Single\nnewline stays inside.", "Next."}},
      {"Extra blank lines.\n\n\n\nAfter them.", {"Extra blank lines.", "After them."}},
      {"\n\nLeading separator.", {"Leading separator."}},
      {"Trailing separator.\n\n", {"Trailing separator."}},
      {"\n\n\n\n", {}},
      {"   ", {}},
      {"Two sentences. In one short paragraph.", {"Two sentences. In one short paragraph."}},
  }));
  CAPTURE(body);
  const auto ranges = split_passages(analyzer, body);
  check_invariants(body, ranges);
  CHECK(texts(body, ranges) == expected);
}

TEST_CASE("A paragraph of exactly max_bytes is one passage", "[analysis][passages]") {
  Analyzer analyzer;
  const std::string para = sentence(300, 'a') + sentence(298, 'b') + "Zz";
  REQUIRE(para.size() == 600);
  const auto ranges = split_passages(analyzer, para);
  REQUIRE(ranges.size() == 1);
  CHECK(ranges[0] == std::pair<std::uint32_t, std::uint32_t>{0, 600});
}

TEST_CASE("A long paragraph is split at sentence ends", "[analysis][passages]") {
  Analyzer analyzer;
  std::string para;
  std::vector<std::string> sentences;
  for (char c = 'a'; c <= 'l'; ++c) {  // 12 sentences of 100 bytes = 1200 bytes
    sentences.push_back(sentence(100, c));
    para += sentences.back();
  }
  REQUIRE(para.size() == 1200);
  const std::string body = "Short lead.\n\n" + para + "\n\nShort tail.";
  const auto ranges = split_passages(analyzer, body);
  check_invariants(body, ranges);
  check_complete(body, ranges);

  REQUIRE(ranges.size() >= 4);  // lead, >= 2 runs of the long paragraph, tail
  CHECK(text_of(body, ranges.front()) == "Short lead.");
  CHECK(text_of(body, ranges.back()) == "Short tail.");
  const std::size_t para_begin = body.find(para);
  for (std::size_t i = 1; i + 1 < ranges.size(); ++i) {
    CAPTURE(i);
    const auto t = text_of(body, ranges[i]);
    // A run of whole sentences: starts at a sentence start, ends at a full stop.
    CHECK(t.back() == '.');
    CHECK(t.front() >= 'A');
    CHECK(t.front() <= 'L');
    const std::size_t offset = ranges[i].first - para_begin;
    CHECK(offset % 100 == 0);
    CHECK((ranges[i].second - para_begin + 1) % 100 == 0);  // ends before the ". " space
    CHECK(t.size() <= 600);
    CHECK(t.size() >= 100);
  }
}

TEST_CASE("Long paragraph with the default options: 400-byte runs", "[analysis][passages]") {
  Analyzer analyzer;
  std::string para;
  for (int i = 0; i < 10; ++i) para += sentence(100, static_cast<char>('a' + i));
  REQUIRE(para.size() == 1000);
  const auto ranges = split_passages(analyzer, para);
  check_invariants(para, ranges);
  check_complete(para, ranges);
  // 4 sentences (400 bytes) reach the target; the 200-byte tail is long
  // enough to stand alone.
  REQUIRE(ranges.size() == 3);
  CHECK(ranges[0] == std::pair<std::uint32_t, std::uint32_t>{0, 399});
  CHECK(ranges[1] == std::pair<std::uint32_t, std::uint32_t>{400, 799});
  CHECK(ranges[2] == std::pair<std::uint32_t, std::uint32_t>{800, 999});
}

TEST_CASE("A short tail of a long paragraph joins the previous run", "[analysis][passages]") {
  Analyzer analyzer;
  std::string para;
  for (int i = 0; i < 8; ++i) para += sentence(100, static_cast<char>('a' + i));
  para += "Tail.";  // 5 bytes: far below target/4
  REQUIRE(para.size() == 805);
  const auto ranges = split_passages(analyzer, para);
  check_invariants(para, ranges);
  check_complete(para, ranges);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0] == std::pair<std::uint32_t, std::uint32_t>{0, 399});
  CHECK(ranges[1] == std::pair<std::uint32_t, std::uint32_t>{400, 805});
  CHECK(text_of(para, ranges[1]).ends_with("Tail."));
}

TEST_CASE("Passage options change where paragraphs are split", "[analysis][passages][options]") {
  Analyzer analyzer;
  std::string para;
  for (int i = 0; i < 6; ++i) para += sentence(50, static_cast<char>('a' + i));
  REQUIRE(para.size() == 300);
  PassageOptions small;
  small.max_bytes = 120;
  small.target_bytes = 100;
  const auto ranges = split_passages(analyzer, para, small);
  check_invariants(para, ranges);
  check_complete(para, ranges);
  REQUIRE(ranges.size() == 3);
  for (const auto& r : ranges) CHECK(r.second - r.first == 99);

  // With the defaults the same paragraph is one passage.
  CHECK(split_passages(analyzer, para).size() == 1);
}

TEST_CASE("A giant sentence without punctuation is split at spaces", "[analysis][passages]") {
  Analyzer analyzer;
  std::string giant;
  while (giant.size() < 3000) giant += "word ";
  giant += "end";
  const auto ranges = split_passages(analyzer, giant);
  check_invariants(giant, ranges);
  check_complete(giant, ranges);
  REQUIRE(ranges.size() >= 4);
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    CAPTURE(i);
    const auto t = text_of(giant, ranges[i]);
    CHECK(t.size() <= 800);  // at most 2 * target_bytes
    // Cut at spaces: every piece consists of whole words.
    CHECK(t.front() == 'w');
    CHECK((t.back() == 'd'));
    if (ranges[i].first > 0) CHECK(giant[ranges[i].first - 1] == ' ');
  }
}

TEST_CASE("A giant sentence after normal sentences keeps the earlier ones whole",
          "[analysis][passages]") {
  Analyzer analyzer;
  const std::string intro = sentence(100, 'a') + sentence(100, 'b');
  // Capitalised, so ICU starts a new sentence after the intro's last full stop.
  std::string giant = "Blah ";
  while (giant.size() < 2000) giant += "blah ";
  giant += "end.";
  const std::string para = intro + giant;
  const auto ranges = split_passages(analyzer, para);
  check_invariants(para, ranges);
  check_complete(para, ranges);
  REQUIRE(ranges.size() >= 3);
  CHECK(text_of(para, ranges[0]) == intro.substr(0, 199));
  for (std::size_t i = 1; i < ranges.size(); ++i) CHECK(ranges[i].first >= 200);
}

TEST_CASE("Text without spaces is cut on UTF-8 boundaries", "[analysis][passages][utf8]") {
  Analyzer analyzer;
  // 1300 euro signs: 3900 bytes, no spaces, no sentence ends; 400 is not a
  // multiple of 3, so a naive byte cut would land inside a character.
  std::string euros;
  for (int i = 0; i < 1300; ++i) euros += "\xE2\x82\xAC";
  for (const std::string& body :
       {euros, "Intro sentence here. " + euros, std::string("Lead.\n\n") + euros}) {
    const auto ranges = split_passages(analyzer, body);
    check_invariants(body, ranges);
    check_complete(body, ranges);
    REQUIRE(ranges.size() >= 3);
    for (const auto& r : ranges) {
      CHECK(r.second - r.first <= 1200);
    }
  }
}

TEST_CASE("Multi-byte text in long paragraphs stays whole", "[analysis][passages][utf8]") {
  Analyzer analyzer;
  // Cyrillic words (2 bytes per letter) in sentences, well over max_bytes.
  std::string para;
  for (int i = 0; i < 40; ++i)
    para +=
        "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB8 \xD0\x90\xD0\xBD\xD0\xBA"
        "\xD0\xB0\xD1\x80\xD0\xB0 \xD0\xB3\xD0\xBE\xD0\xB2\xD0\xBE\xD1\x80\xD1\x8F\xD1\x82. ";
  const auto ranges = split_passages(analyzer, para);
  check_invariants(para, ranges);
  check_complete(para, ranges);
  REQUIRE(ranges.size() >= 2);
  for (const auto& r : ranges) CHECK(para[r.second - 1] == '.');
}

// Regression: a long text without spaces after a space took time quadratic
// in its length (each cut searched back through the whole body for a space).
TEST_CASE("A long text without spaces is cut in linear time", "[analysis][passages][regress]") {
  Analyzer analyzer;
  const std::string body = "Lead words " + std::string(4u << 20, 'x');
  const auto start = std::chrono::steady_clock::now();
  const auto ranges = split_passages(analyzer, body);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  check_invariants(body, ranges);
  check_complete(body, ranges);
  CHECK(ranges.size() > 5000);
  CHECK(seconds < 3.0);  // measured 0.2 s; the quadratic search took minutes
}
