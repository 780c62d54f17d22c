#include "indexer/article_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "searcher/analysis/headline.h"
#include "searcher/boundary/utf8.h"
#include "searcher/format/source_term.h"

namespace newsearch {
namespace {

// Spaces, and every C0 control character and DEL: stored text holds no
// control characters (a title with ESC or BEL could drive the terminal that
// shows it), so they count as blanks wherever text is split and collapsed.
bool is_blank(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u == ' ' || u < 0x20 || u == 0x7F;
}

// True if s[i] starts a C1 control character (U+0080-U+009F: C2 80-C2 9F),
// blank like the C0 ones.
bool is_c1_at(std::string_view s, std::size_t i) {
  return s[i] == '\xC2' && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0;
}

// Unicode spaces that scraped pages use as blank lines and padding:
// NBSP, the U+2000 block's spaces, narrow NBSP, ideographic space, BOM/ZWNBSP.
constexpr std::string_view kWideSpaces[] = {
    "\xC2\xA0",     "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84",
    "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A",
    "\xE2\x80\x8B", "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80", "\xEF\xBB\xBF"};

// Byte length of the blank (ASCII or Unicode space, not newline) at s[i], or 0.
std::size_t blank_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return is_blank(s[i]) ? 1 : 0;
  if (is_c1_at(s, i)) return 2;
  if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) return 0;  // lead bytes of kWideSpaces
  for (auto w : kWideSpaces)
    if (s.substr(i, w.size()) == w) return w.size();
  return 0;
}

// Byte length of the blank that ends s, or 0.
std::size_t blank_before_end(std::string_view s) {
  if (s.empty()) return 0;
  if (is_blank(s.back())) return 1;
  if (s.size() >= 2 && is_c1_at(s, s.size() - 2)) return 2;
  for (auto w : kWideSpaces)
    if (s.ends_with(w)) return w.size();
  return 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty()) {
    const std::size_t n = blank_at(s, 0);
    if (n == 0) break;
    s.remove_prefix(n);
  }
  while (const std::size_t n = blank_before_end(s)) s.remove_suffix(n);
  return s;
}

// A line ends at "\r\n", "\n" or a lone "\r" (classic Mac OS). The line
// starting at @p at ends at the returned end; the next starts at next.
struct LineEnd {
  std::size_t end, next;
};
LineEnd line_end(std::string_view s, std::size_t at) {
  const std::size_t end = std::min(s.find_first_of("\r\n", at), s.size());
  const bool crlf = end + 1 < s.size() && s[end] == '\r' && s[end + 1] == '\n';
  return {end, end + (crlf ? 2 : 1)};
}

// Lower-cased ASCII with whitespace runs collapsed and trailing decoration
// (», ›, →, ...) and punctuation removed: the form boilerplate is compared in.
std::string boilerplate_key(std::string_view line) {
  std::string key;
  for (char c : trim(line)) {
    if (is_blank(c)) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  for (std::string_view tail :
       {"\xC2\xBB", "\xE2\x80\xBA", "\xE2\x86\x92", "\xE2\x80\xA6", ":", ".", "!", " "})
    while (key.size() > tail.size() && key.ends_with(tail)) key.resize(key.size() - tail.size());
  return key;
}

// Collapses runs of blanks, newlines and control characters (ASCII or
// Unicode) into one space and trims the ends: every stored text field
// passes through this (finish_article).
std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = s[i] == '\n' ? 1 : blank_at(s, i);
    if (n > 0) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      i += n;
    } else {
      out += s[i++];
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A text without line breaks would be all headline. A first line longer
// than a headline can be becomes the first paragraph, and the headline its
// first words.
void shorten_headline(SourceRecord& a) {
  constexpr std::size_t kMaxHeadline = 300, kShortHeadline = 160;
  if (a.title.size() <= kMaxHeadline) return;
  std::size_t cut = a.title.rfind(' ', kShortHeadline);
  if (cut == std::string::npos || cut == 0) {
    cut = kShortHeadline;
    while (cut > 0 && utf8::is_continuation(static_cast<unsigned char>(a.title[cut]))) --cut;
  }
  a.paragraphs.insert(a.paragraphs.begin(), a.title);
  a.title = a.title.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

std::string content_hash(std::string_view bytes) { return fnv1a_hex(bytes); }

bool is_boilerplate_line(std::string_view line) {
  static constexpr std::array<std::string_view, 32> kExact = {"skip to main content",
                                                              "skip to content",
                                                              "skip to navigation",
                                                              "print friendly, pdf & email",
                                                              "print friendly",
                                                              "leave a reply",
                                                              "leave a comment",
                                                              "post a comment",
                                                              "add a comment",
                                                              "cancel reply",
                                                              "about author",
                                                              "about the author",
                                                              "read more",
                                                              "continue reading",
                                                              "share this",
                                                              "share this article",
                                                              "share on facebook",
                                                              "share on twitter",
                                                              "share",
                                                              "tweet",
                                                              "email",
                                                              "print",
                                                              "advertisement",
                                                              "related articles",
                                                              "related posts",
                                                              "related",
                                                              "you may also like",
                                                              "subscribe to our newsletter",
                                                              "sign up for our newsletter",
                                                              "comments",
                                                              "menu",
                                                              "follow us"};
  static constexpr std::array<std::string_view, 4> kPrefix = {
      "copyright \xC2\xA9", "\xC2\xA9 ", "all rights reserved", "you must be logged in to post"};
  const std::string key = boilerplate_key(line);
  if (std::find(kExact.begin(), kExact.end(), key) != kExact.end()) return true;
  return std::any_of(kPrefix.begin(), kPrefix.end(),
                     [&](std::string_view p) { return key.starts_with(p); });
}

bool looks_like_utf16(std::string_view head) {
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return true;
  // Mostly ASCII text in UTF-16 has a NUL in every other byte: the odd
  // ones (little-endian) or the even ones (big-endian), never both.
  const std::size_t units = std::min<std::size_t>(head.size(), 4096) / 2;
  std::size_t nul_even = 0, nul_odd = 0;
  for (std::size_t i = 0; i < units; ++i) {
    nul_even += head[2 * i] == '\0';
    nul_odd += head[2 * i + 1] == '\0';
  }
  const std::size_t most = std::max(nul_even, nul_odd), least = std::min(nul_even, nul_odd);
  return units >= 2 && least == 0 && 2 * most >= units;
}

InputError utf16_error() {
  return InputError("UTF-16 text (convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8)");
}

void validate_text(std::string_view bytes) {
  if (looks_like_utf16(bytes)) throw utf16_error();
  if (bytes.find('\0') != std::string_view::npos)
    throw InputError("binary file (contains NUL bytes)");
  std::string_view rest = bytes;
  while (const std::size_t n = rest.empty() ? 0 : blank_at(rest, 0)) rest.remove_prefix(n);
  if (rest.empty()) throw InputError("empty file (no text)");
  if (const std::size_t bad = utf8::find_invalid(bytes); bad != std::string_view::npos)
    throw InputError("not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")");
}

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string paragraph;
  auto flush = [&] {
    if (std::string p = collapse_spaces(paragraph); !p.empty()) paragraphs.push_back(std::move(p));
    paragraph.clear();
  };
  std::size_t at = 0;
  while (at <= text.size()) {
    const LineEnd nl = line_end(text, at);
    const std::string_view line = trim(text.substr(at, nl.end - at));
    at = nl.next;
    if (line.empty())
      flush();
    else if (!is_boilerplate_line(line))
      paragraph.append(line).push_back('\n');
  }
  flush();
  return paragraphs;
}

void check_id(const std::string& id) {
  if (id.empty()) throw InputError("missing id");
  if (id.size() > kMaxArticleIdBytes)
    throw InputError("id longer than " + std::to_string(kMaxArticleIdBytes) + " bytes (" +
                     std::to_string(id.size()) + ")");
}

void finish_article(SourceRecord& a) {
  check_id(a.id);
  a.title = collapse_spaces(a.title);
  for (auto& p : a.paragraphs) p = collapse_spaces(p);
  std::erase_if(a.paragraphs, [](const std::string& p) { return p.empty(); });
  for (std::string* field : {&a.date, &a.source, &a.url, &a.lang}) *field = collapse_spaces(*field);
  shorten_headline(a);
}

std::string template_key(const SourceRecord& a, const std::string& root_key) {
  return a.source.empty() ? root_key : "source\x1F" + a.source;
}

namespace {

std::vector<std::string> paragraph_terms(const SourceRecord& a, const std::string& key) {
  std::vector<std::string> terms;
  terms.reserve(a.paragraphs.size());
  for (const auto& p : a.paragraphs) terms.push_back(TemplateLines::term(key, p));
  return terms;
}

// drop_template_lines() with the paragraphs' terms computed once.
bool drop_templates(SourceRecord& a, const TemplateLines& lines,
                    const std::vector<std::string>& terms) {
  auto is_template = [&](std::size_t i) {
    return !terms[i].empty() && lines.is_template(terms[i]);
  };
  // An article made only of template lines keeps them: it has no other text.
  std::size_t templates = 0;
  for (std::size_t i = 0; i < terms.size(); ++i) templates += is_template(i) ? 1 : 0;
  if (templates == 0 || templates == terms.size()) return false;
  std::vector<std::string> kept;
  for (std::size_t i = 0; i < a.paragraphs.size(); ++i) {
    if (is_template(i))
      a.dropped.push_back({std::move(a.paragraphs[i]), LineClass::kTemplate, 0});
    else
      kept.push_back(std::move(a.paragraphs[i]));
  }
  a.paragraphs = std::move(kept);
  return true;
}

// Drops the paragraphs of @p a that are template lines of @p source, and
// counts them all.
void drop_template_paragraphs(SourceRecord& a, const SourceLines& source) {
  if (!source.lines) return;
  const std::vector<std::string> terms = paragraph_terms(a, source.key);
  a.line_terms = source.lines->learn(terms, a.id);
  drop_templates(a, *source.lines, terms);
}

}  // namespace

bool drop_template_lines(SourceRecord& a, const TemplateLines& lines, const std::string& key) {
  return drop_templates(a, lines, paragraph_terms(a, key));
}

SourceRecord fielded_article(const Article& in, const std::string& source_path,
                             const std::string& hash, const SourceLines& source) {
  SourceRecord a;
  a.id = in.id;
  for (const auto& part : split_paragraphs(in.title))
    a.title += (a.title.empty() ? "" : " ") + part;
  a.paragraphs = split_paragraphs(in.body);
  a.date = in.date;
  a.source = in.source;
  a.url = in.url;
  a.lang = in.language;
  a.source_path = source_path;
  a.hash = hash;
  if (!a.date.empty()) a.date_source = "field";
  finish_article(a);
  SourceLines of_publisher = source;
  of_publisher.key = template_key(a, source.key);
  drop_template_paragraphs(a, of_publisher);
  if (a.title.empty() && a.paragraphs.empty()) throw InputError("no \"title\" or \"body\" text");
  derive_title_if_missing(a);
  return a;
}

std::vector<PageLine> page_lines(std::string_view text) {
  std::vector<PageLine> lines;
  bool block_start = true;
  std::uint32_t number = 0;
  for (std::size_t at = 0; at <= text.size();) {
    const LineEnd nl = line_end(text, at);
    const std::string_view raw = trim(text.substr(at, nl.end - at));
    at = nl.next;
    ++number;
    std::string line = collapse_spaces(raw);
    if (line.empty()) {
      block_start = true;
      continue;
    }
    lines.push_back({std::move(line), number, block_start});
    block_start = false;
  }
  return lines;
}

SourceRecord record_of_page(const std::vector<PageLine>& lines, const PageReading& reading) {
  SourceRecord a;
  if (reading.date_line) {
    a.date = reading.date;
    a.date_source = "line " + std::to_string(lines[*reading.date_line].number);
  }
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) a.paragraphs.push_back(std::move(paragraph));
    paragraph.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LineClass c = reading.classes[i];
    if (c != LineClass::kText) {
      flush();
      if (reading.headline && i == *reading.headline)
        a.title = lines[i].text;
      else
        a.dropped.push_back({lines[i].text, c, lines[i].number});
      continue;
    }
    if (lines[i].block_start) flush();
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += lines[i].text;
  }
  flush();
  return a;
}

SourceRecord parse_text_article(std::string_view bytes, const std::string& id,
                                const std::string& source_path, const SourceLines& source) {
  validate_text(bytes);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // BOM
  const std::vector<PageLine> lines = page_lines(bytes);
  // Lines are counted only where a source's template lines are learned.
  std::vector<std::string> terms;
  if (source.lines)
    for (const PageLine& l : lines) terms.push_back(TemplateLines::term(source.key, l.text));
  const auto is_template = [&](std::size_t i) {
    return source.lines && !terms[i].empty() && source.lines->is_template(terms[i]);
  };
  std::vector<std::string> line_terms;
  if (source.lines) line_terms = source.lines->learn(terms, id);
  SourceRecord a = record_of_page(lines, classify_page(lines, is_template));
  // An article made only of template lines keeps them: it has no other text.
  if (a.paragraphs.empty() && source.lines) a = record_of_page(lines, classify_page(lines, {}));
  a.line_terms = std::move(line_terms);
  if (a.title.empty() && a.paragraphs.empty())
    throw InputError("no article text (every line is boilerplate, a caption or a byline)");
  a.id = id;
  a.source_path = source_path;
  a.hash = content_hash(bytes);
  finish_article(a);
  derive_title_if_missing(a);
  return a;
}

void derive_title_if_missing(SourceRecord& a) {
  if (!a.title.empty() || a.paragraphs.empty()) return;
  a.title = derived_headline(a.paragraphs.front());
  a.title_derived = !a.title.empty();
}

std::string not_regular_file(unsigned st_mode) {
  const char* kind = S_ISFIFO(st_mode)   ? "a FIFO"
                     : S_ISCHR(st_mode)  ? "a character device"
                     : S_ISBLK(st_mode)  ? "a block device"
                     : S_ISSOCK(st_mode) ? "a socket"
                     : S_ISDIR(st_mode)  ? "a directory"
                                         : "a special file";
  return std::string("not a regular file (") + kind + ")";
}

int open_regular_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) throw InputError(std::string("cannot read: ") + std::strerror(errno));
  struct stat st {};
  std::string why;
  if (fstat(fd, &st) != 0)
    why = std::string("cannot read: ") + std::strerror(errno);
  else if (!S_ISREG(st.st_mode))
    why = not_regular_file(st.st_mode);
  else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0)
    why = std::string("cannot read: ") + std::strerror(errno);
  if (why.empty()) return fd;
  ::close(fd);
  throw InputError(why);
}

std::string read_source_file(const std::string& path, std::size_t max_bytes) {
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } file{open_regular_file(path)};
  struct stat st {};
  if (fstat(file.fd, &st) != 0)
    throw InputError(std::string("cannot read: ") + std::strerror(errno));
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size > max_bytes)
    throw InputError("too large (" + std::to_string(size) + " bytes; the limit is " +
                     std::to_string(max_bytes) + ", see --max-file-mb)");
  // Reads the size fstat gave: a file that grows meanwhile is read as it
  // was, one that shrinks as far as it goes.
  std::string bytes(size, '\0');
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(file.fd, bytes.data() + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;  // shrank meanwhile
    got += static_cast<std::size_t>(n);
  }
  bytes.resize(got);
  return bytes;
}

SourceRecord read_text_article(const std::string& path, const std::string& id,
                               std::size_t max_bytes) {
  return parse_text_article(read_source_file(path, max_bytes), id, path);
}

}  // namespace newsearch
