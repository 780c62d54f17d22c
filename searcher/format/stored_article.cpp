#include "searcher/format/stored_article.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "newsearch/error.h"

namespace newsearch {
namespace {

// Record layout version inside the MessagePack map ("v"); bump with
// schema::kSchemaVersion when fields change meaning.
// 2: title_derived ("td"), date_source ("ds") and dropped lines ("dl").
// 3: lang always set (the language analysed in) and lang_source ("ls").
constexpr int kRecordVersion = 2;

void put_optional(nlohmann::json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

std::string get_optional(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() ? std::string() : it->get<std::string>();
}

// Dropped lines as [text, class name, line number] triples: compact, and a
// class name (line_class.h) survives a renumbering of the enum.
nlohmann::json dropped_json(const std::vector<DroppedLine>& dropped) {
  nlohmann::json arr = nlohmann::json::array();
  for (const DroppedLine& d : dropped)
    arr.push_back({d.text, std::string(line_class_name(d.cls)), d.number});
  return arr;
}

std::vector<DroppedLine> dropped_lines(const nlohmann::json& j) {
  std::vector<DroppedLine> out;
  auto it = j.find("dl");
  if (it == j.end()) return out;
  for (const auto& e : it->get<std::vector<nlohmann::json>>()) {
    if (!e.is_array() || e.size() != 3 || !e[2].is_number_unsigned() ||
        e[2].get<std::uint64_t>() > UINT32_MAX)
      throw Error(ErrorCode::kCorruption, "stored dropped line is not [text, class, number]");
    const auto cls = line_class_from_name(e[1].get<std::string>());
    if (!cls) throw Error(ErrorCode::kCorruption, "stored dropped line has an unknown class");
    out.push_back({e[0].get<std::string>(), *cls, e[2].get<std::uint32_t>()});
  }
  return out;
}

}  // namespace

std::string encode_stored_article(const StoredArticle& a) {
  nlohmann::json j;
  j["v"] = kRecordVersion;
  j["id"] = a.id;
  j["title"] = a.title;
  j["body"] = a.body;
  std::vector<std::uint32_t> flat;
  flat.reserve(a.passages.size() * 2);
  for (auto [b, e] : a.passages) {
    flat.push_back(b);
    flat.push_back(e);
  }
  j["p"] = flat;
  put_optional(j, "path", a.source_path);
  put_optional(j, "date", a.date);
  put_optional(j, "source", a.source);
  put_optional(j, "url", a.url);
  put_optional(j, "lang", a.lang);
  if (a.title_derived) j["td"] = true;
  put_optional(j, "ds", a.date_source);
  put_optional(j, "ls", a.lang_source);
  if (!a.dropped.empty()) j["dl"] = dropped_json(a.dropped);
  const std::vector<std::uint8_t> bytes = nlohmann::json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

StoredArticle decode_stored_article(std::string_view data) {
  try {
    const auto j = nlohmann::json::from_msgpack(data.begin(), data.end());
    if (j.value("v", 0) != kRecordVersion)
      throw Error(ErrorCode::kSchemaMismatch, "stored article record has an unknown version");
    StoredArticle a;
    a.id = j.at("id").get<std::string>();
    a.title = j.at("title").get<std::string>();
    a.body = j.at("body").get<std::string>();
    const auto flat = j.at("p").get<std::vector<std::uint32_t>>();
    for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
      if (flat[i] > flat[i + 1] || flat[i + 1] > a.body.size())
        throw Error(ErrorCode::kCorruption, "stored passage range out of bounds");
      a.passages.emplace_back(flat[i], flat[i + 1]);
    }
    a.source_path = get_optional(j, "path");
    a.date = get_optional(j, "date");
    a.source = get_optional(j, "source");
    a.url = get_optional(j, "url");
    a.lang = get_optional(j, "lang");
    a.title_derived = j.value("td", false);
    a.date_source = get_optional(j, "ds");
    a.lang_source = get_optional(j, "ls");
    a.dropped = dropped_lines(j);
    return a;
  } catch (const nlohmann::json::exception& e) {
    throw Error(ErrorCode::kCorruption, std::string("unreadable stored article: ") + e.what());
  }
}

}  // namespace newsearch
