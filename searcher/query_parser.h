// Parses the search syntax into a tree whose leaves are already analysed by
// the shared Analyzer. Building Xapian queries from it is query_builder's job.
//
// Grammar (operators are upper-case words; precedence from loosest):
//   query    := clause+                 juxtaposition: soft AND
//   clause   := ['-'] group              '-' excludes
//   group    := either (('AND'|'NOT') either)*
//   either   := primary ('OR' primary)*
//   primary  := ['title:'] (WORD | '"' words '"') | '(' query ')'
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace newsearch {

class Analyzer;

/// A stem in one language (ISO 639-1 code).
struct LangStem {
  std::string lang;
  std::string stem;
  bool operator==(const LangStem&) const = default;
};

/// A word or phrase of the query, analysed.
struct QueryLeaf {
  std::vector<std::string> terms;  ///< normalised terms, in order (phrase if > 1)
  /// What a stemmed match compares with, in each query language (in the
  /// order of ParseContext::languages): the stem of an unquoted word, or of
  /// an unquoted hyphenated word's joined form ("cease-fire" ->
  /// "ceasefire"); empty for quoted words and other phrases.
  std::vector<LangStem> stems;
  bool exact = false;       ///< quoted: match unstemmed terms only
  bool title_only = false;  ///< title: restricts to the headline
  bool stopword = false;    ///< a lone unquoted stopword ("the", "of")
  std::string text;         ///< the leaf as typed, for messages
};

struct QueryNode {
  enum class Op { kLeaf, kSoftAnd, kAnd, kOr, kAndNot };
  Op op = Op::kLeaf;
  QueryLeaf leaf;                   ///< kLeaf only
  std::vector<QueryNode> children;  ///< kAndNot: children[0] minus the rest
};

/// Limits that keep a pasted essay from becoming a pathological query.
inline constexpr std::size_t kMaxQueryBytes = 8192;
inline constexpr std::size_t kMaxQueryLeaves = 256;  ///< words, phrases counted by their words
/// Parentheses nested deeper are refused. With the leaf limit this bounds
/// the depth of the query tree (every operator node has two or more
/// children), which is walked recursively here, in query_builder and by
/// Xapian's matcher.
inline constexpr std::size_t kMaxQueryNesting = 64;

/// How the words of one query are analysed (query_languages.h builds it
/// for an index).
struct ParseContext {
  /// The languages an unquoted word is stemmed in, at least one.
  std::vector<std::string> languages;
  /// Whether a lone unquoted word (its normalised term) is a stopword: too
  /// common to carry meaning in a bag-of-words query ("the", "of").
  /// Stopwords still count inside quotes.
  std::function<bool(const std::string& term)> is_stopword;
};

/// Parse @p query. Leaves that analyse to no term are dropped; stopword
/// leaves are dropped from a soft AND that has other words.
/// @throws Error(kQuerySyntax) with a one-line explanation for an empty query,
///   unbalanced quotes or parentheses, a lone operator, a query with nothing
///   to search for, or one over the limits above ("query too long",
///   "query nested too deeply").
QueryNode parse_query(std::string_view query, Analyzer& analyzer, const ParseContext& context);

/// parse_query() in the analyzer's default language with its stopwords.
QueryNode parse_query(std::string_view query, Analyzer& analyzer);

/// All leaves that can match, i.e. not under an exclusion.
std::vector<const QueryLeaf*> positive_leaves(const QueryNode& root);

}  // namespace newsearch
