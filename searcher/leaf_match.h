// What one word or phrase of the query (a QueryLeaf, query_parser.h)
// matches, decided once per leaf and read by every stage that matches it:
// the query builder (the Xapian terms to ask for), idf (their document
// frequency), the evidence reader (the forms whose stored positions count)
// and PassageRanker::examine (the tokens of analysed text, which snippets
// highlight). One rule for all, so that the index and the text agree
// (evidence.h) and a new kind of match (name variants, other languages) is
// added here only.
//
// The rule, in each field the leaf applies to (a title: leaf: the headline
// only):
//  - a word: every token whose term (a quoted word) or stem (a plain word,
//    or the joined form of a hyphenated one: "cease-fire" -> "ceasefire")
//    is the leaf's; the joined forms of compounds count as tokens. A stem
//    is compared in the article's language: the leaf's stem in that
//    language (QueryLeaf::stems) with the token's (issue 18);
//  - a phrase: its terms at consecutive word positions (joined forms are
//    not words of their own);
//  - a phrase match and a word match that start at the same word are one
//    match. Different forms of one stem at one position are not: a word
//    "over" matches "over" and "overeating" in "over-eating".
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "newsearch/analyzer.h"
#include "searcher/query_parser.h"

namespace newsearch {

using ByteRange = std::pair<std::size_t, std::size_t>;

/// Which text of an article is matched: title: leaves match only headlines.
enum class MatchField { kBody, kHeadline };

/// An unprefixed normalised term that a word leaf matches in articles of
/// language @p lang ("" for a quoted word: any language).
struct Form {
  std::string lang;
  std::string term;
  bool operator==(const Form&) const = default;
};

/// The normalised terms (no field prefix) of one leaf in one field of the
/// index, whose positions are the leaf's matches.
struct FieldForms {
  std::vector<Form> words;          ///< each occurrence of any counts once
  std::vector<std::string> phrase;  ///< consecutive positions, in order
  bool empty() const { return words.empty() && phrase.empty(); }
};

class LeafMatch {
 public:
  /// The rule of @p leaf, without its forms in an index (forms() empty).
  explicit LeafMatch(const QueryLeaf& leaf);
  /// The rule of @p leaf and its forms in @p db: for a stemmed word, the
  /// unstemmed variants of each language's stem (synonym table) that some
  /// article has in each field. @p analyzer stems candidate forms (a form
  /// equal to the stem is the stem's form only if it stems to itself).
  /// Languages in which no article has the stem are left out.
  LeafMatch(const QueryLeaf& leaf, const Xapian::Database& db, Analyzer& analyzer);

  /// A plain word of stem @p stem in language @p lang (the feedback words,
  /// feedback.h).
  static LeafMatch of_stem(std::string lang, std::string stem);

  /// Whether the leaf matches in @p field at all.
  bool applies_to(MatchField field) const { return !title_only_ || field == MatchField::kHeadline; }

  /// The Xapian query of the leaf in one field of the index (index_schema.h):
  /// body (no prefix) or headline (S prefixes), whether it applies there or
  /// not. A word stemmed in several languages is one OP_SYNONYM of its stem
  /// terms (an article has one language, so at most one of them).
  Xapian::Query query(MatchField field) const;

  /// Inverse document frequency of the leaf's body terms in @p db (a
  /// phrase: of its rarest word, or of its joined form if that is commoner).
  double idf(const Xapian::Database& db) const;

  /// The leaf's forms in one field of the index; empty where it does not
  /// apply, or without a database.
  const FieldForms& forms(MatchField field) const;

  /// Appends the positions of one form in one field of one article.
  using Lookup = std::function<void(const std::string& form, std::vector<Xapian::termpos>& out)>;
  /// The positions of the leaf's matches in one field of one article of
  /// language @p lang, sorted, from the positions of its forms() there.
  std::vector<Xapian::termpos> positions(MatchField field, const std::string& lang,
                                         const Lookup& lookup) const;

  /// The byte ranges where the leaf matches in analysed text of @p field in
  /// language @p lang: @p tokens is one Analyzer::analyze() of it in that
  /// language, @p words the same without the joined forms.
  std::vector<ByteRange> find(const std::vector<Token>& tokens,
                              const std::vector<const Token*>& words, MatchField field,
                              const std::string& lang) const;

 private:
  LeafMatch() = default;
  bool has_word() const { return word_is_term_ || !stems_.empty(); }
  // The stem of the word match in language @p lang, or nullptr.
  const std::string* stem_in(const std::string& lang) const;
  // The index terms of the word match in @p field (one per language).
  std::vector<std::string> word_terms(MatchField field) const;
  Xapian::Query word_query(MatchField field) const;
  void find_phrase(const std::vector<const Token*>& words, std::vector<ByteRange>& out) const;

  std::string term_;                 // a quoted word's term
  bool word_is_term_ = false;        // the word match is term_ (a quoted word)
  std::vector<LangStem> stems_;      // else: its stem per language; empty: no word match
  std::vector<std::string> phrase_;  // terms of a phrase (two or more), or empty
  bool title_only_ = false;
  FieldForms body_, headline_;
};

/// The LeafMatch of every leaf of one parsed query.
class LeafMatches {
 public:
  /// The rule of every leaf of @p root, and the forms in @p db of those that
  /// can match (positive_leaves()). Refers to the leaves of @p root.
  LeafMatches(const QueryNode& root, const Xapian::Database& db, Analyzer& analyzer);
  /// The rule of every leaf, without forms.
  explicit LeafMatches(const QueryNode& root);

  /// The match of @p leaf, a leaf of the root given.
  const LeafMatch& of(const QueryLeaf& leaf) const { return by_leaf_.at(&leaf); }

 private:
  std::map<const QueryLeaf*, LeafMatch> by_leaf_;
};

}  // namespace newsearch
