/** @file index_schema.h
 *  @brief The on-disk contract between the indexer and the searcher.
 *
 *  Directory layout of an index at PATH:
 *     PATH/XAPIANDB        Xapian stub file naming the live generation
 *                          ("glass gen-000007"); replaced atomically by rename()
 *     PATH/gen-NNNNNN/     glass databases; only the one named in XAPIANDB is live
 *     PATH/newsearch.lock  flock()ed by every writer (indexer run, compaction)
 *   Readers open PATH (Xapian follows the stub). Compaction writes the next
 *   generation and switches XAPIANDB, so readers never see a half state.
 *
 *  One Xapian document per article:
 *
 *   Terms (prefixes follow Xapian's conventions):
 *     Q<id>          unique article id (boolean); replace_document() key
 *     <term>         body word, normalised, unstemmed, with positions
 *                    (the same in every language)
 *     Z<LL><stem>    body word, stemmed in the article's language, wdf only
 *                    (ranked word matching); LL is the language's ISO 639-1
 *                    code in upper case ("ZDEregier", "ZENgovern"), so the
 *                    stems of two languages never meet in one term
 *     S<term>        headline word, unstemmed, with positions
 *     ZS<LL><stem>   headline word, stemmed, wdf only
 *                    Stems and terms hold no ASCII upper-case letter (they
 *                    are case-folded), which keeps these unambiguous: the
 *                    upper-case run after "Z" is "S" + LL (headline) or LL
 *     L<ll>          the article's language, ISO 639-1 lower case
 *                    (boolean): given, detected, or the default
 *                    (stored record "lang", "ls")
 *     B<source>      publisher, normalised (boolean filter; a hash "#..." for
 *                    keys of 200 bytes or more, none for a name without a
 *                    letter or digit: source_term.h)
 *     R<root>        the SOURCE root the article was read from (boolean; a
 *                    hash "#..." for keys over 200 bytes):
 *                    pruning deletes a root's articles that disappeared
 *     XL<hash>       a line of the article as read (kept or dropped), for
 *                    lines of at most kMaxTemplateLineWords words: fnv1a_hex
 *                    of its source key, a 0x1F byte and the line's
 *                    pattern_key() (boolean). Its term frequency is how many
 *                    articles of that source hold the line: at
 *                    kMinTemplateArticles or more it is a template line
 *                    (indexer/template_lines.h)
 *   Body positions start at 1; consecutive passages are separated by a gap
 *   of kPassagePositionGap so phrases never match across passages.
 *
 *   Values:
 *     kSlotDate      date normalised to UTC, "YYYY-MM-DDTHH:MM:SS" truncated
 *                    to the precision given (sorts chronologically; empty if
 *                    unknown); the stored record keeps the date as given
 *     kSlotHash      content hash (hex) of the source record, a space, and
 *                    the SOURCE root key (the R term may hold a hash of it):
 *                    one lookup tells an unchanged article
 *     kSlotShape     "<passages> <body words>" (decimal): summed by the
 *                    writer into kMetaShapeTotals and kMetaPassageWords
 *     kSlotLayout    passage_layout.h: headline words and tokens, per
 *                    passage its first body position and its words, and the
 *                    article's language (its stems' tag). The
 *                    searcher scores passages from this and the stored body
 *                    positions, without reading or re-analysing the text.
 *
 *   Synonym table (word variants): key Z<LL><stem>, one entry per normalised,
 *   unstemmed form in the index whose stem in language LL is <stem> and that
 *   differs from it ("ZENceasefir" -> "ceasefire", "ceasefires"). A form equal to its stem
 *   is not listed. The searcher reads the positions of a query stem's forms.
 *   Entries are only added (a form no longer in any article costs an empty
 *   position lookup); compaction merges them.
 *
 *   Document data: a MessagePack map (see stored_article.h).
 *
 *   Metadata keys are listed below; kMetaSchema must equal kSchemaVersion
 *   and kMetaAnalyzer must equal Analyzer::analyzer_id() of the reader.
 */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsearch::schema {

/// 4: language-tagged stems, L terms, layout v2 (issue 18). 3: XL terms,
/// record v2 (issue 17). 2: kSlotLayout and the variant synonyms (0.3).
/// 1: 0.1-0.2.
inline constexpr int kSchemaVersion = 4;

inline constexpr std::string_view kPrefixId = "Q";
inline constexpr std::string_view kPrefixStem = "Z";
inline constexpr std::string_view kPrefixHeadline = "S";
inline constexpr std::string_view kPrefixHeadlineStem = "ZS";
inline constexpr std::string_view kPrefixSource = "B";
inline constexpr std::string_view kPrefixRoot = "R";
inline constexpr std::string_view kPrefixLine = "XL";
inline constexpr std::string_view kPrefixLanguage = "L";

/// A line held by this many articles of one source is a template line.
inline constexpr unsigned kMinTemplateArticles = 5;
/// Longer lines are not counted (article paragraphs, not page furniture).
inline constexpr std::size_t kMaxTemplateLineWords = 40;

/// The term of @p key under @p prefix: the prefix, then the key, as every
/// term above is spelt (Xapian's convention: no separator).
inline std::string term(std::string_view prefix, std::string_view key) {
  std::string t(prefix);
  t += key;
  return t;
}

/// The stem term of @p stem in language @p lang (ISO 639-1, lower case)
/// under @p prefix (kPrefixStem or kPrefixHeadlineStem): prefix, the code
/// in upper case, then the stem.
inline std::string stem_term(std::string_view prefix, std::string_view lang,
                             std::string_view stem) {
  std::string t(prefix);
  for (char c : lang) t += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  t += stem;
  return t;
}

/// A stem term taken apart (stem_term()): its language, lower case, and
/// stem; whether it is a headline stem.
struct StemTerm {
  std::string lang;
  std::string stem;
  bool headline = false;
};

/// The parts of @p term if it is a body or headline stem term, else false.
inline bool parse_stem_term(std::string_view term, StemTerm& out) {
  auto upper = [&](std::size_t i) { return i < term.size() && term[i] >= 'A' && term[i] <= 'Z'; };
  if (term.empty() || term[0] != 'Z') return false;
  std::size_t at = 1;
  out.headline = upper(1) && upper(2) && upper(3);  // "ZS" + LL
  if (out.headline) at = 2;
  if (!upper(at) || !upper(at + 1) || upper(at + 2)) return false;
  out.lang = {static_cast<char>(term[at] - 'A' + 'a'), static_cast<char>(term[at + 1] - 'A' + 'a')};
  out.stem = std::string(term.substr(at + 2));
  return true;
}

/// The longest key (article id, SOURCE root, publisher name) kept verbatim
/// in its term: Xapian limits a term to 245 bytes, and this leaves room for
/// the prefix. A longer key is replaced by "#" and its hash (hashed_term(),
/// source_term.h). Where the cut falls is part of the format, so each term
/// keeps its own: Q hashes when prefix and id exceed it, R when the root
/// key does, B when the publisher key reaches it.
inline constexpr std::size_t kMaxTermKeyBytes = 200;

/// The SOURCE root key of articles put through the public IndexWriter: they
/// come from no SOURCE, so no indexer run ever prunes them.
inline constexpr std::string_view kApiRootKey = "(api)";

inline constexpr unsigned kSlotDate = 0;
inline constexpr unsigned kSlotHash = 1;
inline constexpr unsigned kSlotShape = 2;
inline constexpr unsigned kSlotLayout = 3;

inline constexpr unsigned kPassagePositionGap = 100;

inline constexpr std::string_view kStubFile = "XAPIANDB";
inline constexpr std::string_view kGenerationPrefix = "gen-";
inline constexpr std::string_view kLockFile = "newsearch.lock";

inline constexpr std::string_view kMetaSchema = "newsearch.schema";
inline constexpr std::string_view kMetaAnalyzer = "newsearch.analyzer";
/// Mean words per passage over the whole index (decimal): the length
/// normalisation of passage BM25. Rewritten by every commit that changed it.
inline constexpr std::string_view kMetaPassageWords = "newsearch.mean_passage_words";
/// "<passages> <words>": the sums of every article's kSlotShape, kept up to
/// date by the writer so that kMetaPassageWords costs no pass over the index.
/// Written with kMetaPassageWords in the same commit.
inline constexpr std::string_view kMetaShapeTotals = "newsearch.shape_totals";

}  // namespace newsearch::schema
