// JSON Lines input: one article per line, plain or gzip-compressed.
//   {"id": "...", "title": "...", "body": "para 1\n\npara 2",
//    "date": "2013-06-06T10:00:00-04:00", "source": "Reuters", "url": "...", "lang": "en"}
// id is required, used verbatim and at most kMaxArticleIdBytes long; title
// and body are strings (either may be empty, not both); the other fields are
// optional strings. The text is cleaned as every reader's (finish_article()).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "indexer/article_reader.h"
#include "indexer/source_record.h"

namespace newsearch {

/// One JSONL line parsed as far as the id: enough to tell an unchanged
/// record without building the article.
struct JsonlRecord {
  nlohmann::json json;
  std::string id;
  std::string hash;  ///< content hash of the line
};

/// @throws InputError if the line is not a JSON object with a string "id"
/// of at most kMaxArticleIdBytes.
JsonlRecord parse_jsonl_record(std::string_view line);

/// The article of a parsed record. @throws InputError naming a bad field.
SourceRecord jsonl_article(const JsonlRecord& record, const std::string& source_path,
                           const SourceLines& source = {});

/// Both steps: one JSONL line into an article (hash = hash of the line).
/// @throws InputError naming what is wrong with the line.
SourceRecord parse_jsonl_article(std::string_view line, const std::string& source_path);

/// Reads the lines of a .jsonl or .jsonl.gz file (zlib reads both).
class JsonlReader {
 public:
  /// @throws InputError if the file cannot be opened or is not a regular
  /// file (open_regular_file()).
  JsonlReader(const std::string& path, std::size_t max_line_bytes);
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  /// The next line without its newline; false at the end of the file.
  /// A line longer than max_line_bytes is returned truncated with
  /// too_long() set. A UTF-8 byte order mark at the start is skipped.
  /// @throws InputError on a read or decompression error, or if the file
  /// is UTF-16 (looks_like_utf16()).
  bool next_line(std::string& line);

  bool too_long() const { return too_long_; }
  /// 1-based number of the line last returned.
  std::size_t line_number() const { return line_number_; }
  /// Bytes of the (possibly compressed) file consumed so far.
  std::uint64_t file_offset() const;

 private:
  bool fill();
  void start();

  std::string path_;
  void* gz_ = nullptr;  // gzFile, kept out of the header
  std::size_t max_line_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool started_ = false;
  bool eof_ = false;
  bool too_long_ = false;
  std::size_t line_number_ = 0;
};

/// True if @p path names a JSON Lines file (.jsonl or .jsonl.gz).
bool is_jsonl_path(const std::string& path);

}  // namespace newsearch
