#include "searcher/cli/output.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "searcher/cli/terminal_text.h"

namespace newsearch::cli {
namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatch = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";
constexpr const char* kDot = " \xC2\xB7 ";  // " · " between id, source and date

// The snippet with its matches marked; the text between and inside the
// marks is made visible() segment by segment, so the highlight offsets
// (into the raw text) stay valid.
std::string marked(const Snippet& s, Marking marking) {
  if (marking == Marking::kNone) return visible(s.text);
  const char* open = marking == Marking::kColor ? kMatch : "**";
  const char* close = marking == Marking::kColor ? kReset : "**";
  const std::string_view text = s.text;
  std::string out;
  std::size_t at = 0;
  for (const Highlight& h : s.highlights) {
    if (h.byte_begin < at || h.byte_end < h.byte_begin || h.byte_end > text.size()) continue;
    out += visible(text.substr(at, h.byte_begin - at));
    out += open;
    out += visible(text.substr(h.byte_begin, h.byte_end - h.byte_begin));
    out += close;
    at = h.byte_end;
  }
  out += visible(text.substr(at));
  return out;
}

std::string format_score(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  return buf;
}

// The day of an ISO 8601 date or time ("2020-06-14T16:38:00+02:00" ->
// "2020-06-14", the publisher's own calendar day); anything else (a year,
// a month, a date not in ISO form) as stored.
std::string_view shown_date(std::string_view date) {
  const auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (date[i] < '0' || date[i] > '9') return false;
    return true;
  };
  const bool iso_day = date.size() >= 10 && digits(0, 4) && date[4] == '-' && digits(5, 2) &&
                       date[7] == '-' && digits(8, 2);
  return iso_day ? date.substr(0, 10) : date;
}

// "<id> · <source> · <date>", leaving out an unknown source or date; each
// part made visible().
std::string where_and_when(const Hit& hit) {
  std::string out = visible(hit.id);
  if (!hit.source.empty()) out += kDot + visible(hit.source);
  if (!hit.date.empty()) out += kDot + visible(shown_date(hit.date));
  return out;
}

nlohmann::ordered_json highlights_json(const Snippet& s) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const Highlight& h : s.highlights) arr.push_back({h.char_begin, h.char_end});
  return arr;
}

nlohmann::ordered_json passage_json(const Passage& p) {
  return {{"index", p.index},
          {"begin", p.byte_begin},
          {"end", p.byte_end},
          {"score", p.score},
          {"matched_terms", p.matched_terms},
          {"snippet", p.snippet.text},
          {"highlights", highlights_json(p.snippet)}};
}

}  // namespace

void print_human(std::ostream& out, const SearchResults& results, Marking marking) {
  const bool color = marking == Marking::kColor;
  for (const Hit& hit : results.hits) {
    out << hit.rank << ". " << (color ? kBold : "") << visible(hit.title) << (color ? kReset : "")
        << '\n';
    out << "   " << (color ? kDim : "") << where_and_when(hit) << "  score "
        << format_score(hit.score) << (color ? kReset : "") << '\n';
    for (const Passage& p : hit.passages) {
      out << "   ";
      if (hit.passages.size() > 1) out << "[passage " << p.index + 1 << "] ";
      out << marked(p.snippet, marking) << '\n';
    }
    out << '\n';
  }
}

void print_json(std::ostream& out, const SearchResults& results) {
  for (const Hit& hit : results.hits) {
    const Passage* best = hit.passages.empty() ? nullptr : &hit.passages.front();
    nlohmann::ordered_json j = {
        {"rank", hit.rank},
        {"id", hit.id},
        {"title", hit.title},
        {"title_derived", hit.title_derived},
        {"score", hit.score},
        {"all_terms", hit.all_terms},
        {"snippet", best ? best->snippet.text : std::string()},
        {"highlights", best ? highlights_json(best->snippet) : nlohmann::ordered_json::array()}};
    nlohmann::ordered_json passages = nlohmann::ordered_json::array();
    for (const Passage& p : hit.passages) passages.push_back(passage_json(p));
    j["passages"] = std::move(passages);
    if (!hit.source_path.empty()) j["path"] = hit.source_path;
    if (!hit.date.empty()) j["date"] = hit.date;
    if (!hit.source.empty()) j["source"] = hit.source;
    if (!hit.url.empty()) j["url"] = hit.url;
    if (!hit.language.empty()) j["lang"] = hit.language;
    // Replace rather than throw on invalid UTF-8 (stored text is validated at
    // index time, so this only guards against a damaged index). dump()
    // escapes U+0000-U+001F; DEL and C1 controls are escaped after it.
    out << json_without_controls(
               j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
        << '\n';
  }
}

}  // namespace newsearch::cli
