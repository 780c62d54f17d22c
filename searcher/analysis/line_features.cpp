#include "searcher/analysis/line_features.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <span>

#include "searcher/analysis/function_words.h"

namespace newsearch {
namespace {

using Phrases = std::span<const std::string_view>;

// Whole-line furniture (compared with pattern_key()).
constexpr std::string_view kBoilerplateLines[] = {"skip to main content",
                                                  "skip to content",
                                                  "skip to navigation",
                                                  "print friendly, pdf & email",
                                                  "print friendly",
                                                  "cancel reply",
                                                  "about author",
                                                  "about the author",
                                                  "read more",
                                                  "continue reading",
                                                  "share this",
                                                  "share this article",
                                                  "share this story",
                                                  "share",
                                                  "tweet",
                                                  "email",
                                                  "e-mail",
                                                  "print",
                                                  "advertisement",
                                                  "sponsored",
                                                  "related articles",
                                                  "related posts",
                                                  "you may also like",
                                                  "menu",
                                                  "follow us",
                                                  "search for",
                                                  "subscribe",
                                                  "back to top",
                                                  "scroll back to top",
                                                  "enlarge image",
                                                  "copy link",
                                                  "whatsapp",
                                                  "facebook",
                                                  "twitter",
                                                  "linkedin",
                                                  "pinterest",
                                                  "reddit",
                                                  "instagram",
                                                  "youtube",
                                                  "show more",
                                                  "load more",
                                                  "view all",
                                                  "see all",
                                                  "×"};

// Lines of at most kShortWords words starting so are furniture.
constexpr std::string_view kBoilerplateStarts[] = {"supervisor ",
                                                   "editor in chief",
                                                   "editor-in-chief",
                                                   "managing editor",
                                                   "stay informed",
                                                   "sign up",
                                                   "subscribe to",
                                                   "subscribe for",
                                                   "join our newsletter",
                                                   "get our newsletter",
                                                   "we use cookies",
                                                   "this website uses cookies",
                                                   "this site uses cookies",
                                                   "by continuing to",
                                                   "terms of use",
                                                   "terms of service",
                                                   "terms and conditions",
                                                   "privacy policy",
                                                   "cookie policy",
                                                   "share on ",
                                                   "share via",
                                                   "follow us on",
                                                   "click here",
                                                   "click to ",
                                                   "tags:",
                                                   "tagged:",
                                                   "filed under",
                                                   "posted in ",
                                                   "categories:",
                                                   "category:",
                                                   "topics:",
                                                   "copyright",
                                                   "\xC2\xA9",
                                                   "all rights reserved",
                                                   "you are here:",
                                                   "home \xC2\xBB",
                                                   "home >",
                                                   "home /",
                                                   "advertisement",
                                                   "get the latest",
                                                   "download our app",
                                                   "download the app",
                                                   "print this article",
                                                   "republish this",
                                                   "send us",
                                                   "contact us"};

// Lines of at most kLongWords words containing these are furniture.
constexpr std::string_view kBoilerplateContains[] = {
    "all rights reserved", "(opens in new window)", "newsletter", "cookie policy", "use cookies",
    "republish",           "republishing",          "javascript", "your browser",  "ad blocker"};

// Phrases of a publisher's footer, however long the line.
constexpr std::string_view kFooterContains[] = {
    "republish",    "all rights reserved",  "can be found here", "fill out this form",
    "terms of use", "terms and conditions", "privacy policy",    "sign up for",
    "subscribe to", "our newsletter",       "follow us on",      "contact us",
    "this content"};

constexpr std::string_view kCommentStarts[] = {
    "leave a reply",       "leave a comment",       "post a comment",       "add a comment",
    "write a comment",     "submit a comment",      "join the discussion",  "join the conversation",
    "comments are closed", "you must be logged in", "top rated comments",   "view comments",
    "show comments",       "load comments",         "most recent comments", "comments policy"};

constexpr std::string_view kCaptionContains[] = {
    "getty images", "image credit", "photo credit", "source of the photo",
    "shutterstock", "file photo",   "photograph:",  "picture:",
    "photo by",     "image by",     "image source", "/ reuters",
    "/ afp",        "/ ap"};
constexpr std::string_view kCaptionStarts[] = {
    "(image", "image:", "photo:", "photos:", "pictured:", "caption:", "credit:"};
constexpr std::string_view kCaptionEnds[] = {
    "(ap)",         "(afp)",    "(reuters)", "(getty)", "(epa)", "(file)", "associated press",
    "getty images", "ap photo", "afp photo"};

constexpr std::string_view kCaptionLineEnds[] = {"source of the photo", "image credit"};

constexpr std::string_view kBylineStarts[] = {
    "by ",   "por ",         "di ",        "von ",      "par ",     "oleh ",    "від ",
    "автор", "reporting by", "written by", "posted by", "words by", "story by", "text:"};

constexpr std::string_view kListHeaders[] = {
    "most popular", "most read",         "most viewed",
    "most shared",  "more on",           "more from",
    "more stories", "more news",         "related",
    "trending",     "recommended",       "top stories",
    "latest",       "you may also like", "you might also like",
    "popular",      "editor's picks",    "editors' picks",
    "read more",    "read next",         "also read",
    "see also",     "up next",           "don't miss",
    "must read",    "in other news",     "what to read next",
    "more in"};

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

constexpr std::size_t kShortWords = 15;  // furniture patterns apply to lines this short
constexpr std::size_t kLongWords = 40;   // ... and contains-patterns to lines this long

bool starts_any(std::string_view key, Phrases list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view p) { return key.starts_with(p); });
}
bool contains_any(std::string_view key, Phrases list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view p) { return key.find(p) != std::string_view::npos; });
}
bool ends_any(std::string_view key, Phrases list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view p) { return key.ends_with(p); });
}
bool equals_any(std::string_view key, Phrases list) {
  return std::find(list.begin(), list.end(), key) != list.end();
}

// "34 comments", "[ 167 comments ]", "comments (12)", "12 responses to ...".
bool counted_comments(std::string_view key) {
  std::size_t i = 0;
  while (i < key.size() && (key[i] == '[' || key[i] == ' ')) ++i;
  const std::size_t digits = i;
  while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) ++i;
  const std::string_view rest = key.substr(i);
  if (i > digits)
    return rest.starts_with(" comment") || rest.starts_with(" response") ||
           rest.starts_with(" repl") || rest.starts_with(" komentar") ||
           rest.starts_with(" comentário");
  return key == "comments" || key.starts_with("comments (") || key == "comment";
}

LinePattern pattern_of(std::string_view key, std::size_t words) {
  if (words <= kShortWords) {
    if (counted_comments(key) || starts_any(key, kCommentStarts)) return LinePattern::kCommentStart;
    if (equals_any(key, kBoilerplateLines) || starts_any(key, kBoilerplateStarts))
      return LinePattern::kBoilerplate;
    if (starts_any(key, kCaptionStarts)) return LinePattern::kCaption;
    if (words <= 12 && starts_any(key, kBylineStarts)) return LinePattern::kByline;
    if (words <= 5 && starts_any(key, kListHeaders)) return LinePattern::kListHeader;
  }
  if (words <= kLongWords && contains_any(key, kBoilerplateContains))
    return LinePattern::kBoilerplate;
  if (words <= kLongWords && (contains_any(key, kCaptionContains) || ends_any(key, kCaptionEnds) ||
                              ends_any(key, kCaptionLineEnds)))
    return LinePattern::kCaption;
  return LinePattern::kNone;
}

bool word_char(UChar32 c) {
  return c == '_' || u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

// Month names (English) and years 1900-2099.
std::size_t date_evidence(std::string_view lower) {
  if (lower.size() == 4 && (lower.starts_with("19") || lower.starts_with("20")) &&
      std::all_of(lower.begin(), lower.end(),
                  [](char c) { return std::isdigit((unsigned char)c); }))
    return 1;
  if (lower.size() >= 3 && lower.size() <= 9)
    for (std::string_view m : kMonths)
      if (lower.starts_with(m)) return 1;
  return 0;
}

}  // namespace

bool footer_like(std::string_view line) { return contains_any(pattern_key(line), kFooterContains); }

std::string pattern_key(std::string_view line) {
  std::string key;
  icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())))
      .toLower()
      .toUTF8String(key);
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view tail :
         {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x86\x92", "\xE2\x80\xA6", ":", ".", "!", " "})
      while (key.size() > tail.size() && key.ends_with(tail)) {
        key.resize(key.size() - tail.size());
        trimmed = true;
      }
  }
  return key;
}

namespace {

// Calls @p on(word, first_upper, first_alpha) for each word of @p line, the
// word lower-cased.
template <class On>
void for_each_word(std::string_view line, On on) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto n = static_cast<std::int32_t>(line.size());
  std::string word;
  bool first_upper = false, first_alpha = false;
  for (std::int32_t i = 0; i <= n;) {
    UChar32 c = 0;
    if (i < n) {
      U8_NEXT(s, i, n, c);
      if (c < 0) c = 0xFFFD;
    } else {
      ++i;  // one step past the end flushes the last word
    }
    if (c != 0 && word_char(c)) {
      if (word.empty()) {
        first_upper = u_isupper(c) || u_istitle(c);
        first_alpha = u_isalpha(c);
      }
      char buf[U8_MAX_LENGTH];
      std::int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, u_tolower(c));
      word.append(buf, static_cast<std::size_t>(len));
    } else if (!word.empty()) {
      on(word, first_upper, first_alpha);
      word.clear();
    }
  }
}

}  // namespace

std::size_t word_count(std::string_view line, std::size_t at_most) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(line.data());
  const auto n = static_cast<std::int32_t>(line.size());
  std::size_t words = 0;
  bool in_word = false;
  for (std::int32_t i = 0; i < n && words <= at_most;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool w = c >= 0 && word_char(c);
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words;
}

std::vector<std::string> content_words(std::string_view line) {
  std::vector<std::string> out;
  for_each_word(line, [&](const std::string& w, bool, bool) {
    if (!is_function_word(w)) out.push_back(w);
  });
  return out;
}

LineFeatures line_features(std::string_view line) {
  LineFeatures f;
  for_each_word(line, [&](const std::string& w, bool upper, bool alpha) {
    ++f.words;
    f.stopwords += is_function_word(w) ? 1 : 0;
    f.capitalised += upper ? 1 : 0;
    f.alphabetic += alpha ? 1 : 0;
    f.dated += date_evidence(w);
  });
  // Clock times ("04:38").
  for (std::size_t i = 1; i + 2 < line.size(); ++i)
    if (line[i] == ':' && std::isdigit((unsigned char)line[i - 1]) &&
        std::isdigit((unsigned char)line[i + 1]) && std::isdigit((unsigned char)line[i + 2]))
      ++f.dated;

  std::string_view end = line;
  while (!end.empty() && (end.ends_with("\xE2\x80\x9D") || end.ends_with("\xE2\x80\x99") ||
                          end.back() == '"' || end.back() == '\'' || end.back() == ')')) {
    end.remove_suffix(end.ends_with("\xE2\x80\x9D") || end.ends_with("\xE2\x80\x99") ? 3 : 1);
  }
  if (!end.empty()) {
    const char last = end.back();
    f.ends_full_stop = last == '.' || last == '!' || last == '?';
  }
  if (!line.empty()) {
    const char last = line.back();
    f.ends_sentence = f.ends_full_stop || last == ':' || last == ';' || last == '"' ||
                      line.ends_with("\xE2\x80\xA6") || line.ends_with("\xE2\x80\x9D") ||
                      line.ends_with("\xC2\xBB") || line.ends_with("\xE2\x80\x99");
  }
  f.pattern = pattern_of(pattern_key(line), f.words);
  return f;
}

}  // namespace newsearch
