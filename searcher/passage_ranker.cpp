#include "searcher/passage_ranker.h"

#include <algorithm>

namespace newsearch {

std::size_t PassageEvidence::matched_concepts() const {
  return static_cast<std::size_t>(
      std::count_if(tf.begin(), tf.end(), [](auto f) { return f > 0; }));
}

PassageEvidence PassageRanker::examine(Analyzer& analyzer, std::string_view text,
                                       const std::string& lang, Field field) const {
  const std::vector<Token> tokens = analyzer.analyze(text, lang);
  std::vector<const Token*> words;
  PassageEvidence ev;
  for (const Token& t : tokens) {
    if (t.joined) continue;
    words.push_back(&t);
    ev.words.emplace_back(t.byte_begin, t.byte_end);
  }
  ev.length = words.size();
  for (const Concept& c : concepts_) {
    std::vector<ByteRange> found = c.match->find(tokens, words, field, lang);
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
