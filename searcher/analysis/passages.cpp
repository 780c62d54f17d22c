#include "searcher/analysis/passages.h"

#include "newsearch/analyzer.h"
#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace {

using Range = std::pair<std::uint32_t, std::uint32_t>;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Appends [b, e) of body trimmed of surrounding whitespace, unless empty.
void push_trimmed(std::vector<Range>& out, std::string_view body, std::size_t b, std::size_t e) {
  while (b < e && is_space(body[b])) ++b;
  while (e > b && is_space(body[e - 1])) --e;
  if (b < e) out.emplace_back(static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e));
}

// Cuts an over-long run with no sentence breaks at spaces, about every
// target bytes (text without spaces at all is cut at target bytes, on a
// UTF-8 boundary).
void split_at_spaces(std::vector<Range>& out, std::string_view body, std::size_t b, std::size_t e,
                     std::size_t target) {
  while (e - b > target * 2) {
    // The last space in (b, b + target]: searching only this window keeps
    // the cutting linear (a search back from b + target through the whole
    // body made a long text without spaces quadratic).
    const std::size_t space = body.substr(b, target + 1).rfind(' ');
    std::size_t cut = space == std::string_view::npos ? b : b + space;
    if (cut <= b) {
      cut = b + target;
      while (cut < e && utf8::is_continuation(static_cast<unsigned char>(body[cut]))) ++cut;
    }
    push_trimmed(out, body, b, cut);
    b = cut;
  }
  push_trimmed(out, body, b, e);
}

void split_paragraph(std::vector<Range>& out, Analyzer& analyzer, std::string_view body,
                     std::size_t pb, std::size_t pe, const PassageOptions& opt) {
  if (pe - pb <= opt.max_bytes) {
    push_trimmed(out, body, pb, pe);
    return;
  }
  std::size_t chunk = pb;
  for (auto [sb, se] : analyzer.sentences(body.substr(pb, pe - pb))) {
    sb += pb;
    se += pb;
    if (se - sb > 2 * opt.max_bytes) {  // one giant "sentence": close chunk, cut it
      push_trimmed(out, body, chunk, sb);
      split_at_spaces(out, body, sb, se, opt.target_bytes);
      chunk = se;
    } else if (se - chunk >= opt.target_bytes) {
      push_trimmed(out, body, chunk, se);
      chunk = se;
    }
  }
  // A short tail joins the previous passage rather than standing alone.
  if (pe - chunk < opt.target_bytes / 4 && !out.empty() && out.back().second >= pb && chunk > pb) {
    const std::uint32_t prev_begin = out.back().first;
    out.pop_back();
    push_trimmed(out, body, prev_begin, pe);
  } else {
    push_trimmed(out, body, chunk, pe);
  }
}

}  // namespace

std::vector<Range> split_passages(Analyzer& analyzer, std::string_view body,
                                  const PassageOptions& options) {
  std::vector<Range> out;
  std::size_t pb = 0;
  while (pb < body.size()) {
    std::size_t pe = body.find("\n\n", pb);
    if (pe == std::string_view::npos) pe = body.size();
    split_paragraph(out, analyzer, body, pb, pe, options);
    pb = pe + 2;
  }
  return out;
}

}  // namespace newsearch
