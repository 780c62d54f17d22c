// Parsing of plain-text articles: validation, headline, paragraphs,
// boilerplate removal.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/source_record.h"
#include "indexer/template_lines.h"
#include "newsearch/article.h"
#include "searcher/analysis/line_classifier.h"

namespace newsearch {

/// A source record that cannot be indexed (empty, binary, invalid UTF-8, too
/// large, unreadable). what() is the reason, without the file name.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The template lines of the source a record belongs to; none without
/// `lines` (IndexWriter, tests).
struct SourceLines {
  TemplateLines* lines = nullptr;
  std::string key;  ///< the source: a JSONL "source", else the SOURCE root
};

/// The source an article's template lines are counted in: its publisher
/// (JSONL "source") if it names one, else its SOURCE root @p root_key.
std::string template_key(const SourceRecord& a, const std::string& root_key);

/// Moves the paragraphs of @p a that are template lines of source @p key
/// to a.dropped (kTemplate), unless that would leave it no text. True if
/// any was. What a run does to an article
/// read before a line of it became a template line.
bool drop_template_lines(SourceRecord& a, const TemplateLines& lines, const std::string& key);

/// Stable hash of a record's bytes (64-bit FNV-1a, hex), stored per document
/// so an unchanged source is recognised without re-analysis.
std::string content_hash(std::string_view bytes);

/// True if a trimmed line is web boilerplate ("Skip to main content",
/// "Print Friendly, PDF & Email", "Leave A Reply", "Post a comment", ...).
bool is_boilerplate_line(std::string_view line);

/// True if @p head (the first bytes of a file) is UTF-16: a UTF-16 byte
/// order mark, or a NUL in every other byte. Such files are refused with a
/// message saying so (not decoded: the indexer reads UTF-8 only).
bool looks_like_utf16(std::string_view head);

/// The error for UTF-16 input: says to convert it to UTF-8.
InputError utf16_error();

/// Checks that @p bytes is text: not empty, not UTF-16 (looks_like_utf16),
/// no NUL bytes, valid UTF-8.
/// @throws InputError naming the problem (and its byte offset for bad UTF-8).
void validate_text(std::string_view bytes);

/// Splits text into paragraphs at blank lines (lines end at "\r\n", "\n"
/// or a lone "\r"), drops boilerplate lines,
/// joins the lines of a paragraph with spaces and collapses whitespace.
std::vector<std::string> split_paragraphs(std::string_view text);

/// @throws InputError if @p id is empty or longer than kMaxArticleIdBytes:
/// one limit for the ids of every input (files, JSONL, IndexWriter).
void check_id(const std::string& id);

/// The last step of every reader (.txt, JSON Lines, IndexWriter), so that
/// all store the same kind of text: checks the id (check_id); collapses
/// blanks and removes control characters (C0 but the "\n\n" that will join
/// paragraphs, DEL, C1: a terminal that shows them could be driven by
/// them) in title, paragraphs, date, source, url and lang, a newline in a
/// title becoming a space; drops paragraphs left empty; and shortens a
/// headline over 300 bytes to its first words (about 160 bytes and "…"),
/// the whole of it becoming the first paragraph. The id is left verbatim.
/// @throws InputError from check_id().
void finish_article(SourceRecord& a);

/// The article of a record with separate fields (a JSON Lines record, an
/// IndexWriter Article): title and body split and collapsed as .txt text is
/// (a title's lines joined by spaces, boilerplate lines dropped; body
/// paragraphs that are template lines of @p source dropped too), then
/// finish_article(). @throws InputError if the id is bad or there is no
/// title or body text.
SourceRecord fielded_article(const Article& in, const std::string& source_path,
                             const std::string& hash, const SourceLines& source = {});

/// The non-blank lines of a page, blanks collapsed, with their 1-based line
/// numbers and whether a blank line precedes them.
std::vector<PageLine> page_lines(std::string_view text);

/// Parses a scraped .txt page: the line classifier (line_classifier.h)
/// picks the headline and the article text; the lines of one block that
/// are article text are joined with spaces into a paragraph; every other
/// line is kept in SourceRecord::dropped with its class. Lines repeated
/// across @p source are template lines (template_lines.h). Without a
/// headline line the title is derived from the first sentence
/// (title_derived).
/// @throws InputError if the text is invalid or has no article text.
SourceRecord parse_text_article(std::string_view bytes, const std::string& id,
                                const std::string& source_path, const SourceLines& source = {});

/// Gives an article without a title one from the first sentence of its
/// first paragraph (derived_headline(), title_derived = true).
void derive_title_if_missing(SourceRecord& a);

/// The reason a file of type @p st_mode (stat's st_mode) is not read:
/// "not a regular file (a FIFO)", "(a character device)", ...
std::string not_regular_file(unsigned st_mode);

/// Opens @p path for reading without blocking in open() (a FIFO without a
/// writer, a device) and refuses anything but a regular file, whatever it
/// was when the directory was walked. The descriptor returned reads in
/// blocking mode and belongs to the caller.
/// @throws InputError ("cannot read: ..." or not_regular_file()).
int open_regular_file(const std::string& path);

/// Reads a whole file. @throws InputError if it cannot be read or is larger
/// than @p max_bytes.
std::string read_source_file(const std::string& path, std::size_t max_bytes);

/// Reads and parses one file. @throws InputError if it cannot be read or
/// parsed, or is larger than @p max_bytes.
SourceRecord read_text_article(const std::string& path, const std::string& id,
                               std::size_t max_bytes);

}  // namespace newsearch
