#include "searcher/passage_ranker.h"

#include <algorithm>

namespace newsearch {
namespace {

bool word_matches(const QueryLeaf& leaf, const Token& t) {
  return leaf.exact ? t.term == leaf.terms[0] : t.stem == leaf.stems[0];
}

// Adds the ranges where the phrase leaf.terms occurs in consecutive
// positions (joined compound tokens are not words of their own).
void find_phrase(const QueryLeaf& leaf, const std::vector<const Token*>& words,
                 std::vector<ByteRange>& out) {
  const std::size_t n = leaf.terms.size();
  for (std::size_t i = 0; i + n <= words.size(); ++i) {
    std::size_t k = 0;
    while (k < n && words[i + k]->term == leaf.terms[k] &&
           words[i + k]->position == words[i]->position + k)
      ++k;
    if (k == n) out.emplace_back(words[i]->byte_begin, words[i + n - 1]->byte_end);
  }
}

// Ranges in the passage where one concept matches.
std::vector<ByteRange> find_concept(const QueryLeaf& leaf, const std::vector<Token>& tokens,
                                    const std::vector<const Token*>& words, bool headline) {
  std::vector<ByteRange> found;
  if (leaf.title_only && !headline) return found;
  if (leaf.terms.size() == 1) {
    for (const Token& t : tokens)
      if (word_matches(leaf, t)) found.emplace_back(t.byte_begin, t.byte_end);
    return found;
  }
  find_phrase(leaf, words, found);
  // "cease-fire" also matches a plain "ceasefire" (and its joined form).
  if (!leaf.joined_stem.empty())
    for (const Token& t : tokens)
      if (t.stem == leaf.joined_stem) found.emplace_back(t.byte_begin, t.byte_end);
  // One match per starting word, the longest: the phrase "cease fire" and
  // the joined "ceasefire" in "cease-fire" are one match, and so is a word
  // whose stem happens to equal the joined stem ("over" in "over-eating":
  // both stem to "over"). This is also what stored positions can tell
  // (evidence.h).
  std::sort(found.begin(), found.end(), [](const ByteRange& a, const ByteRange& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const ByteRange& a, const ByteRange& b) { return a.first == b.first; }),
              found.end());
  return found;
}

}  // namespace

std::size_t PassageEvidence::matched_concepts() const {
  return static_cast<std::size_t>(std::count_if(tf.begin(), tf.end(), [](auto f) { return f > 0; }));
}

PassageEvidence PassageRanker::examine(Analyzer& analyzer, std::string_view text, Field field) const {
  const std::vector<Token> tokens = analyzer.analyze(text);
  std::vector<const Token*> words;
  PassageEvidence ev;
  for (const Token& t : tokens) {
    if (t.joined) continue;
    words.push_back(&t);
    ev.words.emplace_back(t.byte_begin, t.byte_end);
  }
  ev.length = words.size();
  for (const Concept& c : concepts_) {
    std::vector<ByteRange> found = find_concept(*c.leaf, tokens, words, field == Field::kHeadline);
    ev.tf.push_back(found.size());
    ev.matches.insert(ev.matches.end(), found.begin(), found.end());
  }
  std::sort(ev.matches.begin(), ev.matches.end());
  return ev;
}

double PassageRanker::score(const PassageEvidence& ev, double mean_length) const {
  const double norm =
      kK1 * (1.0 - kB + kB * static_cast<double>(ev.length) / std::max(mean_length, 1.0));
  double s = 0.0;
  for (std::size_t i = 0; i < concepts_.size(); ++i) {
    const auto tf = static_cast<double>(ev.tf[i]);
    if (tf > 0) s += concepts_[i].idf * tf * (kK1 + 1.0) / (tf + norm);
  }
  return s;
}

}  // namespace newsearch
