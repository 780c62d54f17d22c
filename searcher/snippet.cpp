#include "searcher/snippet.h"

#include <algorithm>

#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace {

bool is_continuation(char c) { return utf8::is_continuation(static_cast<unsigned char>(c)); }

// Byte offset n code points after / before byte offset pos.
std::size_t forward_chars(std::string_view s, std::size_t pos, std::size_t n) {
  while (pos < s.size() && n > 0) {
    pos += utf8::sequence_length(static_cast<unsigned char>(s[pos]));
    --n;
  }
  return std::min(pos, s.size());
}

std::size_t back_chars(std::string_view s, std::size_t pos, std::size_t n) {
  while (pos > 0 && n > 0) {
    --pos;
    while (pos > 0 && is_continuation(s[pos])) --pos;
    --n;
  }
  return pos;
}

std::vector<ByteRange> merge(const std::vector<ByteRange>& sorted) {
  std::vector<ByteRange> out;
  for (const auto& r : sorted) {
    if (!out.empty() && r.first < out.back().second)
      out.back().second = std::max(out.back().second, r.second);
    else
      out.push_back(r);
  }
  return out;
}

std::size_t count_inside(const std::vector<ByteRange>& ranges, std::size_t b, std::size_t e) {
  return static_cast<std::size_t>(
      std::count_if(ranges.begin(), ranges.end(),
                    [&](const ByteRange& r) { return r.first >= b && r.second <= e; }));
}

// Picks the window start (bytes) that holds the most matches, leaving some
// context before the first of them.
std::size_t best_window_start(std::string_view passage, const std::vector<ByteRange>& matches,
                              std::size_t max_chars) {
  std::size_t best = 0;
  std::size_t best_count = count_inside(matches, 0, forward_chars(passage, 0, max_chars));
  for (const auto& m : matches) {
    const std::size_t b = back_chars(passage, m.first, max_chars / 5);
    const std::size_t n = count_inside(matches, b, forward_chars(passage, b, max_chars));
    if (n > best_count) {
      best = b;
      best_count = n;
    }
  }
  return best;
}

// Moves a cut to word boundaries: begin forward to the next word start,
// end back to the previous word end (text between words is dropped).
ByteRange snap_to_words(const std::vector<ByteRange>& words, std::size_t b, std::size_t e,
                        std::size_t size) {
  if (b > 0) {
    auto it = std::lower_bound(words.begin(), words.end(), b,
                               [](const ByteRange& w, std::size_t x) { return w.first < x; });
    if (it != words.end() && it->first < e) b = it->first;
  }
  if (e < size) {
    auto it = std::upper_bound(words.begin(), words.end(), e,
                               [](std::size_t x, const ByteRange& w) { return x < w.second; });
    if (it != words.begin() && std::prev(it)->second > b) e = std::prev(it)->second;
  }
  return {b, e};
}

}  // namespace

Snippet make_snippet(std::string_view passage, const std::vector<ByteRange>& matches,
                     const std::vector<ByteRange>& words, std::size_t max_chars) {
  const std::vector<ByteRange> merged = merge(matches);
  std::size_t begin = 0, end = passage.size();
  if (utf8::char_count(passage, passage.size()) > max_chars) {
    begin = best_window_start(passage, merged, max_chars);
    end = forward_chars(passage, begin, max_chars);
    if (end == passage.size()) begin = back_chars(passage, end, max_chars);
    std::tie(begin, end) = snap_to_words(words, begin, end, passage.size());
  }
  Snippet s;
  if (begin > 0) s.text = kEllipsis;
  const std::size_t shift = s.text.size();
  s.text.append(passage.substr(begin, end - begin));
  if (end < passage.size()) s.text.append(kEllipsis);
  for (const auto& m : merged) {
    if (m.first < begin || m.second > end) continue;
    Highlight h;
    h.byte_begin = m.first - begin + shift;
    h.byte_end = m.second - begin + shift;
    h.char_begin = utf8::char_count(s.text, h.byte_begin);
    h.char_end =
        h.char_begin + utf8::char_count(s.text.substr(h.byte_begin), h.byte_end - h.byte_begin);
    s.highlights.push_back(h);
  }
  return s;
}

}  // namespace newsearch
