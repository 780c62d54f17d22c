#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "newsearch/error.h"
#include "searcher/format/stored_article.h"

using newsearch::decode_stored_article;
using newsearch::encode_stored_article;
using newsearch::ErrorCode;
using newsearch::StoredArticle;

namespace {

StoredArticle full_article() {
  StoredArticle a;
  a.id = "world/2020/06/turkey-russia.txt";
  a.title =
      "Turkey and Russia postpone talks \xE2\x80\x94 \xC3\x87"
      "avu\xC5\x9Fo\xC4\x9Flu";
  a.body = "First paragraph.\n\nSecond paragraph, with \xE2\x80\x9Cquotes\xE2\x80\x9D.";
  a.source_path = "/data/news/world/2020/06/turkey-russia.txt";
  a.date = "2020-06-14T16:38:00+02:00";
  a.source = "Middle East Eye";
  a.url = "https://example.org/news/turkey-russia?id=1&lang=en";
  a.lang = "en";
  a.passages = {{0, 16}, {18, static_cast<std::uint32_t>(a.body.size())}};
  a.title_derived = true;
  a.date_source = "line 3";
  a.dropped = {{"Supervisor Elham AbolFateh", newsearch::LineClass::kBoilerplate, 1},
               {"Image Credit: Reuters", newsearch::LineClass::kCaption, 7},
               {"Home | World | Sport", newsearch::LineClass::kTemplate, 0}};
  return a;
}

void check_equal(const StoredArticle& got, const StoredArticle& want) {
  CHECK(got.id == want.id);
  CHECK(got.title == want.title);
  CHECK(got.body == want.body);
  CHECK(got.source_path == want.source_path);
  CHECK(got.date == want.date);
  CHECK(got.source == want.source);
  CHECK(got.url == want.url);
  CHECK(got.lang == want.lang);
  CHECK(got.passages == want.passages);
  CHECK(got.title_derived == want.title_derived);
  CHECK(got.date_source == want.date_source);
  REQUIRE(got.dropped.size() == want.dropped.size());
  for (std::size_t i = 0; i < got.dropped.size(); ++i) {
    CHECK(got.dropped[i].text == want.dropped[i].text);
    CHECK(got.dropped[i].cls == want.dropped[i].cls);
    CHECK(got.dropped[i].number == want.dropped[i].number);
  }
}

ErrorCode decode_error(const std::string& data) {
  try {
    decode_stored_article(data);
  } catch (const newsearch::Error& e) {
    return e.code();
  }
  FAIL("decode_stored_article accepted invalid data");
  return ErrorCode::kInternal;
}

std::string msgpack(const nlohmann::json& j) {
  const auto bytes = nlohmann::json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

nlohmann::json valid_record() {
  return nlohmann::json{
      {"v", 2}, {"id", "a"}, {"title", "T"}, {"body", "Body text"}, {"p", {0, 4, 5, 9}}};
}

}  // namespace

TEST_CASE("Stored article round trip with every field", "[analysis][stored]") {
  const StoredArticle a = full_article();
  const std::string data = encode_stored_article(a);
  CHECK_FALSE(data.empty());
  check_equal(decode_stored_article(data), a);
}

TEST_CASE("Stored article round trip with optional fields empty", "[analysis][stored]") {
  StoredArticle a;
  a.id = "a.txt";
  a.title = "Headline";
  a.body = "Body.";
  a.passages = {{0, 5}};
  const StoredArticle b = decode_stored_article(encode_stored_article(a));
  check_equal(b, a);
  CHECK(b.source_path.empty());
  CHECK(b.date.empty());
  CHECK(b.source.empty());
  CHECK(b.url.empty());
  CHECK(b.lang.empty());
  CHECK_FALSE(b.title_derived);
  CHECK(b.date_source.empty());
  CHECK(b.dropped.empty());
}

TEST_CASE("Stored article round trip with no passages and empty body", "[analysis][stored]") {
  StoredArticle a;
  a.id = "only-title";
  a.title = "Just a headline";
  const StoredArticle b = decode_stored_article(encode_stored_article(a));
  check_equal(b, a);
  CHECK(b.passages.empty());
}

TEST_CASE("Stored article keeps arbitrary bytes and large offsets", "[analysis][stored]") {
  StoredArticle a;
  a.id = std::string("id with \0 nul", 13);
  a.title = "\xF0\x9F\x93\xB0 news";
  a.body = std::string(100000, 'x');
  a.passages = {{0, 1}, {1, 70000}, {70000, 100000}};
  const StoredArticle b = decode_stored_article(encode_stored_article(a));
  check_equal(b, a);
  CHECK(b.id.size() == 13);
}

TEST_CASE("Encoding is deterministic", "[analysis][stored]") {
  CHECK(encode_stored_article(full_article()) == encode_stored_article(full_article()));
  StoredArticle other = full_article();
  other.title += "!";
  CHECK(encode_stored_article(other) != encode_stored_article(full_article()));
}

TEST_CASE("Garbage document data is kCorruption", "[analysis][stored][error]") {
  const std::string good = encode_stored_article(full_article());
  auto data = GENERATE_COPY(values<std::string>({
      "",
      "not msgpack at all",
      std::string("\xC1", 1),              // never-used msgpack byte
      std::string("\x01", 1),              // a valid msgpack integer, not a map
      std::string("\x93\x01\x02\x03", 4),  // an array
      good.substr(0, good.size() / 2),     // truncated
      good + "trailing junk",
  }));
  CAPTURE(data.size());
  CHECK(decode_error(data) == ErrorCode::kCorruption);
}

TEST_CASE("Records with missing or mistyped fields are kCorruption", "[analysis][stored][error]") {
  REQUIRE_NOTHROW(decode_stored_article(msgpack(valid_record())));
  SECTION("missing id") {
    auto j = valid_record();
    j.erase("id");
    CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
  }
  SECTION("missing body") {
    auto j = valid_record();
    j.erase("body");
    CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
  }
  SECTION("missing passages") {
    auto j = valid_record();
    j.erase("p");
    CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
  }
  SECTION("title is a number") {
    auto j = valid_record();
    j["title"] = 42;
    CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
  }
  SECTION("passage list is not numbers") {
    auto j = valid_record();
    j["p"] = {"a", "b"};
    CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
  }
  SECTION("passage beyond the body") {
    auto j = valid_record();
    j["p"] = {0, 4, 5, 10};
    CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
  }
  SECTION("passage with begin after end") {
    StoredArticle a = full_article();
    a.passages = {{10, 5}};
    CHECK(decode_error(encode_stored_article(a)) == ErrorCode::kCorruption);
  }
}

TEST_CASE("A record of another version is kSchemaMismatch", "[analysis][stored][error]") {
  auto j = valid_record();
  j["v"] = GENERATE(1, 3);  // 1: before title_derived, date_source and dropped lines
  CHECK(decode_error(msgpack(j)) == ErrorCode::kSchemaMismatch);
}

TEST_CASE("Every line class survives the record", "[analysis][stored]") {
  StoredArticle a;
  a.id = "a";
  a.title = "T";
  for (auto c :
       {newsearch::LineClass::kText, newsearch::LineClass::kHeadline, newsearch::LineClass::kDate,
        newsearch::LineClass::kByline, newsearch::LineClass::kCaption,
        newsearch::LineClass::kBoilerplate, newsearch::LineClass::kTemplate})
    a.dropped.push_back({"line " + std::string(newsearch::line_class_name(c)), c,
                         static_cast<std::uint32_t>(a.dropped.size() + 1)});
  check_equal(decode_stored_article(encode_stored_article(a)), a);
}

TEST_CASE("The new fields are stored compactly: only when set", "[analysis][stored]") {
  StoredArticle a = full_article();
  a.title_derived = false;
  a.date_source.clear();
  a.dropped.clear();
  const std::string data = encode_stored_article(a);
  const auto j = nlohmann::json::from_msgpack(data);
  CHECK_FALSE(j.contains("td"));
  CHECK_FALSE(j.contains("ds"));
  CHECK_FALSE(j.contains("dl"));
  const auto full = nlohmann::json::from_msgpack(encode_stored_article(full_article()));
  CHECK(full.at("td") == true);
  CHECK(full.at("ds") == "line 3");
  CHECK(full.at("dl").at(1) == nlohmann::json{"Image Credit: Reuters", "caption", 7});
}

TEST_CASE("Bad dropped lines and flags are kCorruption", "[analysis][stored][error]") {
  auto j = valid_record();
  REQUIRE_NOTHROW(decode_stored_article(msgpack(j)));
  SECTION("unknown class name") { j["dl"] = {{"Menu", "navigation", 1}}; }
  SECTION("class name not a string") { j["dl"] = {{"Menu", 5, 1}}; }
  SECTION("not a triple") { j["dl"] = {{"Menu", "boilerplate"}}; }
  SECTION("negative line number") { j["dl"] = {{"Menu", "boilerplate", -1}}; }
  SECTION("line number over 32 bits") { j["dl"] = {{"Menu", "boilerplate", 1ull << 33}}; }
  SECTION("text not a string") { j["dl"] = {{7, "boilerplate", 1}}; }
  SECTION("dl not an array") { j["dl"] = "boilerplate"; }
  SECTION("td not a bool") { j["td"] = "yes"; }
  SECTION("ds not a string") { j["ds"] = 3; }
  CHECK(decode_error(msgpack(j)) == ErrorCode::kCorruption);
}
