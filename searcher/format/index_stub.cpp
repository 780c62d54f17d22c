#include "searcher/format/index_stub.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"

namespace newsearch::stub {
namespace fs = std::filesystem;
namespace {

// A stub is one short line; anything longer is not ours.
constexpr std::size_t kMaxStubBytes = 256;

std::string stub_file(const std::string& index_path) {
  return (fs::path(index_path) / schema::kStubFile).string();
}

std::string shown(std::string s) {
  if (s.size() > 64) s = s.substr(0, 64) + "...";
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return s;
}

}  // namespace

std::string read_raw(const std::string& index_path) {
  std::ifstream in(stub_file(index_path), std::ios::binary);
  std::string raw(kMaxStubBytes + 1, '\0');
  in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
  raw.resize(static_cast<std::size_t>(in.gcount()));
  return raw;
}

bool is_generation_name(const std::string& name) {
  const std::size_t p = schema::kGenerationPrefix.size();
  // At most 9 digits: generation numbers must not overflow when counted on.
  return name.size() > p && name.size() <= p + 9 && name.starts_with(schema::kGenerationPrefix) &&
         std::all_of(name.begin() + static_cast<std::ptrdiff_t>(p), name.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

std::string parse(const std::string& index_path, const std::string& raw) {
  std::string line = raw;
  if (line.ends_with('\n')) line.pop_back();
  const std::string backend = "glass ";
  const std::string gen = line.starts_with(backend) ? line.substr(backend.size()) : "";
  if (raw.size() > kMaxStubBytes || !is_generation_name(gen))
    throw Error(ErrorCode::kCorruption,
                "index '" + index_path + "': " + std::string(schema::kStubFile) + " reads '" +
                    shown(line) +
                    "', not 'glass gen-NNNNNN' naming one of its generations; "
                    "nothing was changed (point it at one with: echo 'glass gen-NNNNNN' > '" +
                    stub_file(index_path) + "')");
  return gen;
}

std::vector<std::string> generations_present(const std::string& index_path) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(index_path, ec)) {
    const std::string name = e.path().filename().string();
    if (is_generation_name(name) && e.is_directory(ec)) out.push_back(name);
  }
  // By number, not text: gen-1000000 is newer than gen-999999.
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  return out;
}

std::string missing_generation_message(const std::string& index_path, const std::string& gen) {
  const std::vector<std::string> present = generations_present(index_path);
  std::string msg = "index '" + index_path + "': " + std::string(schema::kStubFile) + " names " +
                    gen + ", which does not exist; nothing was changed. ";
  if (present.empty()) return msg + "No generation is left: rebuild the index with the indexer";
  std::string list;
  for (const auto& g : present) list += (list.empty() ? "" : ", ") + g;
  return msg + "Generations present: " + list + "; to use the newest: echo 'glass " +
         present.back() + "' > '" + stub_file(index_path) + "'";
}

}  // namespace newsearch::stub
