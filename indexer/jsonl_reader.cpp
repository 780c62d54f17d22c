#include "indexer/jsonl_reader.h"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "indexer/article_reader.h"

namespace newsearch {
namespace {

constexpr std::size_t kChunk = 1 << 16;

std::string optional_string(const nlohmann::json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (!it->is_string()) throw InputError(std::string("field \"") + key + "\" is not a string");
  return it->get<std::string>();
}

}  // namespace

bool is_jsonl_path(const std::string& path) {
  return path.ends_with(".jsonl") || path.ends_with(".jsonl.gz");
}

JsonlRecord parse_jsonl_record(std::string_view line) {
  JsonlRecord r;
  r.json = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (r.json.is_discarded()) throw InputError("not valid JSON (or not valid UTF-8)");
  if (!r.json.is_object()) throw InputError("not a JSON object");
  r.id = optional_string(r.json, "id");
  if (r.id.empty()) throw InputError("missing \"id\"");
  check_id(r.id);
  r.hash = content_hash(line);
  return r;
}

SourceRecord jsonl_article(const JsonlRecord& r, const std::string& source_path,
                           const SourceLines& source) {
  const nlohmann::json& j = r.json;
  Article fields;
  fields.id = r.id;
  fields.title = optional_string(j, "title");
  fields.body = optional_string(j, "body");
  fields.date = optional_string(j, "date");
  fields.source = optional_string(j, "source");
  fields.url = optional_string(j, "url");
  fields.language = optional_string(j, "lang");
  return fielded_article(fields, source_path, r.hash, source);
}

SourceRecord parse_jsonl_article(std::string_view line, const std::string& source_path) {
  return jsonl_article(parse_jsonl_record(line), source_path);
}

JsonlReader::JsonlReader(const std::string& path, std::size_t max_line_bytes)
    : path_(path), max_line_(max_line_bytes) {
  const int fd = open_regular_file(path);
  gz_ = gzdopen(fd, "rb");
  if (!gz_) {
    close(fd);
    throw InputError("cannot open: " + std::string(std::strerror(errno)));
  }
  gzbuffer(static_cast<gzFile>(gz_), 1 << 17);
}

JsonlReader::~JsonlReader() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
}

bool JsonlReader::fill() {
  if (eof_) return false;
  buf_.erase(0, pos_);
  pos_ = 0;
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  const int n = gzread(static_cast<gzFile>(gz_), buf_.data() + old, kChunk);
  if (n < 0) {
    int err = 0;
    throw InputError(std::string("read error: ") + gzerror(static_cast<gzFile>(gz_), &err));
  }
  buf_.resize(old + static_cast<std::size_t>(n));
  if (n == 0) {
    // zlib reports a gzip stream cut off mid-way as a short read, not an
    // error: only gzerror tells it from a clean end of file.
    int err = Z_OK;
    const char* msg = gzerror(static_cast<gzFile>(gz_), &err);
    if (err != Z_OK) throw InputError(std::string("truncated or corrupt file: ") + msg);
    eof_ = true;
  }
  return n > 0;
}

// The start of the file: UTF-16 is refused, a UTF-8 byte order mark skipped.
void JsonlReader::start() {
  started_ = true;
  fill();
  if (looks_like_utf16(buf_)) throw utf16_error();
  if (buf_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

bool JsonlReader::next_line(std::string& line) {
  if (!started_) start();
  too_long_ = false;
  // buf_[pos_, from) holds no newline: each byte is searched once, so a
  // giant line costs time linear in its length.
  std::size_t from = pos_;
  for (;;) {
    const std::size_t nl = buf_.find('\n', from);
    if (nl != std::string::npos) {
      line.assign(buf_, pos_, std::min(nl - pos_, max_line_));
      too_long_ = too_long_ || nl - pos_ > max_line_;
      pos_ = nl + 1;
      break;
    }
    if (buf_.size() - pos_ > max_line_) {  // discard the rest of a giant line
      buf_.erase(pos_ + max_line_);
      too_long_ = true;
    }
    const std::size_t searched = buf_.size() - pos_;
    const bool more = fill();  // moves the unread rest to the front: pos_ = 0
    from = pos_ + searched;
    if (!more) {
      if (pos_ >= buf_.size()) return false;
      line.assign(buf_, pos_, std::min(buf_.size() - pos_, max_line_));
      pos_ = buf_.size();
      break;
    }
  }
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

std::uint64_t JsonlReader::file_offset() const {
  const z_off_t off = gzoffset(static_cast<gzFile>(gz_));
  return off < 0 ? 0 : static_cast<std::uint64_t>(off);
}

}  // namespace newsearch
