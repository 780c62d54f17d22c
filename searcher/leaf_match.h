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
//    is the leaf's; the joined forms of compounds count as tokens;
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

/// The normalised terms (no field prefix) of one leaf in one field of the
/// index, whose positions are the leaf's matches.
struct FieldForms {
  std::vector<std::string> words;   ///< each occurrence of any counts once
  std::vector<std::string> phrase;  ///< consecutive positions, in order
  bool empty() const { return words.empty() && phrase.empty(); }
};

class LeafMatch {
 public:
  /// The rule of @p leaf, without its forms in an index (forms() empty).
  explicit LeafMatch(const QueryLeaf& leaf);
  /// The rule of @p leaf and its forms in @p db: for a stemmed word, the
  /// unstemmed variants of the stem (synonym table) that some article has
  /// in each field. @p analyzer stems candidate forms (a form equal to the
  /// stem is the stem's form only if it stems to itself).
  LeafMatch(const QueryLeaf& leaf, const Xapian::Database& db, Analyzer& analyzer);

  /// A plain word of stem @p stem (the feedback words, feedback.h).
  static LeafMatch of_stem(std::string stem);

  /// Whether the leaf matches in @p field at all.
  bool applies_to(MatchField field) const { return !title_only_ || field == MatchField::kHeadline; }

  /// The Xapian query of the leaf in one field of the index (index_schema.h):
  /// body (no prefix) or headline (S prefixes), whether it applies there or not.
  Xapian::Query query(MatchField field) const;

  /// Inverse document frequency of the leaf's body terms in @p db (a
  /// phrase: of its rarest word, or of its joined form if that is commoner).
  double idf(const Xapian::Database& db) const;

  /// The leaf's forms in one field of the index; empty where it does not
  /// apply, or without a database.
  const FieldForms& forms(MatchField field) const;

  /// Appends the positions of one form in one field of one article.
  using Lookup = std::function<void(const std::string& form, std::vector<Xapian::termpos>& out)>;
  /// The positions of the leaf's matches in one field of one article,
  /// sorted, from the positions of its forms().
  std::vector<Xapian::termpos> positions(MatchField field, const Lookup& lookup) const;

  /// The byte ranges where the leaf matches in analysed text of @p field:
  /// @p tokens is one Analyzer::analyze() of it, @p words the same without
  /// the joined forms.
  std::vector<ByteRange> find(const std::vector<Token>& tokens,
                              const std::vector<const Token*>& words, MatchField field) const;

 private:
  LeafMatch() = default;
  bool word_matches(const Token& t) const { return (word_is_term_ ? t.term : t.stem) == word_; }
  // The index term of the word match in @p field.
  std::string word_term(MatchField field) const;
  void find_phrase(const std::vector<const Token*>& words, std::vector<ByteRange>& out) const;

  std::string word_;                 // the term or stem a matching token has; "": no word match
  bool word_is_term_ = false;        // word_ is an unstemmed term (a quoted word)
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
