#include "searcher/leaf_match.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "searcher/format/index_schema.h"

namespace newsearch {
namespace {

std::string_view exact_prefix(MatchField field) {
  return field == MatchField::kHeadline ? schema::kPrefixHeadline : std::string_view();
}

std::string_view stem_prefix(MatchField field) {
  return field == MatchField::kHeadline ? schema::kPrefixHeadlineStem : schema::kPrefixStem;
}

// The normalised forms in the index whose stem in language @p s.lang is
// s.stem: its variants from the synonym table and the stem itself if it is
// its own stem (Snowball stems are not always fixed points: a word spelt
// like one stem can have another).
std::vector<Form> forms_of(const Xapian::Database& db, Analyzer& analyzer, const LangStem& s) {
  std::vector<Form> forms;
  if (analyzer.stem(s.stem, s.lang) == s.stem) forms.push_back({s.lang, s.stem});
  const std::string key = schema::stem_term(schema::kPrefixStem, s.lang, s.stem);
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it)
    forms.push_back({s.lang, *it});
  return forms;
}

// The @p forms that some article has under @p prefix (unprefixed).
std::vector<Form> existing(const Xapian::Database& db, std::string_view prefix,
                           const std::vector<Form>& forms) {
  std::vector<Form> out;
  for (const auto& f : forms)
    if (db.term_exists(std::string(prefix) + f.term)) out.push_back(f);
  return out;
}

// The stems of @p stems that some article has in its body or headline; the
// first one if none is (the query then matches nothing, as one word would).
std::vector<LangStem> in_index(const Xapian::Database& db, std::vector<LangStem> stems) {
  if (stems.size() <= 1) return stems;
  std::vector<LangStem> out;
  for (const LangStem& s : stems)
    if (db.term_exists(schema::stem_term(schema::kPrefixStem, s.lang, s.stem)) ||
        db.term_exists(schema::stem_term(schema::kPrefixHeadlineStem, s.lang, s.stem)))
      out.push_back(s);
  if (out.empty()) out.push_back(stems.front());
  return out;
}

bool contains(const std::vector<Xapian::termpos>& sorted, Xapian::termpos p) {
  return std::binary_search(sorted.begin(), sorted.end(), p);
}

// One match per starting word, the longest (the rule in leaf_match.h).
void one_per_start(std::vector<ByteRange>& found) {
  std::sort(found.begin(), found.end(), [](const ByteRange& a, const ByteRange& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  found.erase(
      std::unique(found.begin(), found.end(),
                  [](const ByteRange& a, const ByteRange& b) { return a.first == b.first; }),
      found.end());
}

void collect_leaves(const QueryNode& n, std::vector<const QueryLeaf*>& out) {
  if (n.op == QueryNode::Op::kLeaf) out.push_back(&n.leaf);
  for (const auto& c : n.children) collect_leaves(c, out);
}

}  // namespace

LeafMatch::LeafMatch(const QueryLeaf& leaf) : title_only_(leaf.title_only) {
  if (leaf.terms.size() == 1 && leaf.exact) {
    term_ = leaf.terms[0];
    word_is_term_ = true;
    return;
  }
  stems_ = leaf.stems;
  // "cease-fire" also matches a plain "ceasefire" (and its joined form).
  if (leaf.terms.size() > 1) phrase_ = leaf.terms;
}

LeafMatch::LeafMatch(const QueryLeaf& leaf, const Xapian::Database& db, Analyzer& analyzer)
    : LeafMatch(leaf) {
  stems_ = in_index(db, std::move(stems_));
  std::vector<Form> words;  // unprefixed forms counted one by one
  if (word_is_term_) words.push_back({"", term_});
  for (const LangStem& s : stems_) {
    std::vector<Form> forms = forms_of(db, analyzer, s);
    words.insert(words.end(), forms.begin(), forms.end());
  }
  if (applies_to(MatchField::kBody)) body_ = {existing(db, "", words), phrase_};
  headline_ = {existing(db, schema::kPrefixHeadline, words), phrase_};
}

LeafMatch LeafMatch::of_stem(std::string lang, std::string stem) {
  LeafMatch m;
  m.stems_.push_back({std::move(lang), std::move(stem)});
  return m;
}

const std::string* LeafMatch::stem_in(const std::string& lang) const {
  for (const LangStem& s : stems_)
    if (s.lang == lang) return &s.stem;
  return nullptr;
}

std::vector<std::string> LeafMatch::word_terms(MatchField field) const {
  if (word_is_term_) return {schema::term(exact_prefix(field), term_)};
  std::vector<std::string> out;
  for (const LangStem& s : stems_)
    out.push_back(schema::stem_term(stem_prefix(field), s.lang, s.stem));
  return out;
}

Xapian::Query LeafMatch::word_query(MatchField field) const {
  const std::vector<std::string> terms = word_terms(field);
  if (terms.size() == 1) return Xapian::Query(terms[0]);
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

Xapian::Query LeafMatch::query(MatchField field) const {
  if (phrase_.empty()) return word_query(field);
  std::vector<Xapian::Query> parts;
  for (const auto& t : phrase_) parts.emplace_back(schema::term(exact_prefix(field), t));
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       static_cast<Xapian::termcount>(parts.size()));
  if (!has_word()) return phrase;
  return Xapian::Query(Xapian::Query::OP_OR, phrase, word_query(field));
}

double LeafMatch::idf(const Xapian::Database& db) const {
  // An article has one language, so the articles with the word's stem in
  // each language add up.
  Xapian::doccount word = 0;
  for (const std::string& t : word_terms(MatchField::kBody)) word += db.get_termfreq(t);
  Xapian::doccount n = word;
  if (!phrase_.empty()) {
    n = db.get_doccount();
    for (const auto& t : phrase_) n = std::min(n, db.get_termfreq(t));
    if (has_word()) n = std::max(n, word);
  }
  const double total = db.get_doccount();
  n = std::min<Xapian::doccount>(n, db.get_doccount());
  return std::log(1.0 + (total - n + 0.5) / (n + 0.5));
}

const FieldForms& LeafMatch::forms(MatchField field) const {
  return field == MatchField::kHeadline ? headline_ : body_;
}

std::vector<Xapian::termpos> LeafMatch::positions(MatchField field, const std::string& lang,
                                                  const Lookup& lookup) const {
  const FieldForms& terms = forms(field);
  std::vector<Xapian::termpos> out;
  for (const Form& f : terms.words)
    if (f.lang.empty() || f.lang == lang) lookup(f.term, out);
  if (!terms.phrase.empty()) {
    std::vector<Xapian::termpos> first;
    lookup(terms.phrase[0], first);
    std::vector<std::vector<Xapian::termpos>> rest;
    for (std::size_t k = 1; k < terms.phrase.size() && !first.empty(); ++k) {
      rest.emplace_back();
      lookup(terms.phrase[k], rest.back());
      if (rest.back().empty()) first.clear();
    }
    for (Xapian::termpos p : first) {
      bool all = true;
      for (std::size_t k = 0; k < rest.size() && all; ++k)
        all = contains(rest[k], p + static_cast<Xapian::termpos>(k + 1));
      if (all) out.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  // A phrase match and its joined form at the same position ("cease-fire":
  // "cease fire" and "ceasefire") are one match. Different forms of one
  // stem at one position are not: "over-eating" holds "over" and
  // "overeating", and both stem to "over".
  if (!terms.phrase.empty()) out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Adds the ranges where the phrase occurs in consecutive positions (joined
// compound tokens are not words of their own).
void LeafMatch::find_phrase(const std::vector<const Token*>& words,
                            std::vector<ByteRange>& out) const {
  const std::size_t n = phrase_.size();
  for (std::size_t i = 0; i + n <= words.size(); ++i) {
    std::size_t k = 0;
    while (k < n && words[i + k]->term == phrase_[k] &&
           words[i + k]->position == words[i]->position + k)
      ++k;
    if (k == n) out.emplace_back(words[i]->byte_begin, words[i + n - 1]->byte_end);
  }
}

std::vector<ByteRange> LeafMatch::find(const std::vector<Token>& tokens,
                                       const std::vector<const Token*>& words, MatchField field,
                                       const std::string& lang) const {
  std::vector<ByteRange> found;
  if (!applies_to(field)) return found;
  if (!phrase_.empty()) find_phrase(words, found);
  const std::string* stem = word_is_term_ ? nullptr : stem_in(lang);
  if (word_is_term_ || stem)
    for (const Token& t : tokens)
      if (word_is_term_ ? t.term == term_ : t.stem == *stem)
        found.emplace_back(t.byte_begin, t.byte_end);
  // The phrase "cease fire" and the joined "ceasefire" in "cease-fire" are
  // one match, and so is a word whose stem happens to equal the joined stem
  // ("over" in "over-eating": both stem to "over"). This is also what
  // stored positions can tell (positions()).
  if (!phrase_.empty()) one_per_start(found);
  return found;
}

LeafMatches::LeafMatches(const QueryNode& root) {
  std::vector<const QueryLeaf*> all;
  collect_leaves(root, all);
  for (const QueryLeaf* leaf : all) by_leaf_.emplace(leaf, LeafMatch(*leaf));
}

LeafMatches::LeafMatches(const QueryNode& root, const Xapian::Database& db, Analyzer& analyzer) {
  const std::vector<const QueryLeaf*> positive = positive_leaves(root);
  const std::set<const QueryLeaf*> can_match(positive.begin(), positive.end());
  std::vector<const QueryLeaf*> all;
  collect_leaves(root, all);
  for (const QueryLeaf* leaf : all)
    by_leaf_.emplace(leaf,
                     can_match.count(leaf) ? LeafMatch(*leaf, db, analyzer) : LeafMatch(*leaf));
}

}  // namespace newsearch
