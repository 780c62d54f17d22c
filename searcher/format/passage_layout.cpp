#include "searcher/format/passage_layout.h"

#include <algorithm>

namespace newsearch {
namespace {

void put_varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Reads one varint at @p pos; false if truncated or over 32 bits.
bool get_varint(std::string_view in, std::size_t& pos, std::uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35; shift += 7) {
    if (pos >= in.size()) return false;
    const auto byte = static_cast<unsigned char>(in[pos++]);
    if (shift == 28 && byte > 0x0F) return false;
    v |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

std::size_t PassageLayout::passage_of(std::uint32_t pos) const {
  const auto it = std::upper_bound(starts.begin(), starts.end(), pos);
  return it == starts.begin() ? starts.size() : static_cast<std::size_t>(it - starts.begin()) - 1;
}

std::uint32_t PassageLayout::headline_words() const {
  std::vector<std::uint32_t> positions;
  for (const Term& t : headline_terms) positions.push_back(t.position);
  std::sort(positions.begin(), positions.end());
  return static_cast<std::uint32_t>(std::unique(positions.begin(), positions.end()) -
                                    positions.begin());
}

std::string encode_layout(const PassageLayout& layout) {
  std::string out;
  put_varint(out, static_cast<std::uint32_t>(layout.starts.size()));
  std::uint32_t prev = 0;
  for (std::size_t i = 0; i < layout.starts.size(); ++i) {
    put_varint(out, layout.starts[i] - prev);
    put_varint(out, layout.words[i]);
    prev = layout.starts[i];
  }
  put_varint(out, static_cast<std::uint32_t>(layout.headline_terms.size()));
  for (const auto& t : layout.headline_terms) {
    put_varint(out, t.position);
    put_varint(out, static_cast<std::uint32_t>(t.term.size()));
    out += t.term;
  }
  put_varint(out, static_cast<std::uint32_t>(layout.lang.size()));
  out += layout.lang;
  return out;
}

std::optional<PassageLayout> decode_layout(std::string_view data) {
  PassageLayout layout;
  std::size_t pos = 0;
  std::uint32_t count = 0;
  if (!get_varint(data, pos, count)) return std::nullopt;
  if (count > data.size()) return std::nullopt;  // each passage takes >= 2 bytes
  layout.starts.reserve(count);
  layout.words.reserve(count);
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t delta = 0, words = 0;
    if (!get_varint(data, pos, delta) || !get_varint(data, pos, words)) return std::nullopt;
    if ((i > 0 && delta == 0) || start + delta < start) return std::nullopt;
    start += delta;
    layout.starts.push_back(start);
    layout.words.push_back(words);
  }
  std::uint32_t terms = 0;
  if (!get_varint(data, pos, terms) || terms > data.size()) return std::nullopt;
  for (std::uint32_t i = 0; i < terms; ++i) {
    PassageLayout::Term t;
    std::uint32_t size = 0;
    if (!get_varint(data, pos, t.position) || !get_varint(data, pos, size) ||
        size > data.size() - pos)
      return std::nullopt;
    t.term.assign(data.substr(pos, size));
    pos += size;
    layout.headline_terms.push_back(std::move(t));
  }
  std::uint32_t lang = 0;
  if (!get_varint(data, pos, lang) || lang > data.size() - pos) return std::nullopt;
  layout.lang.assign(data.substr(pos, lang));
  pos += lang;
  if (pos != data.size()) return std::nullopt;
  return layout;
}

}  // namespace newsearch
