// Passage evidence read from the index instead of the text: the positions
// of each query concept in a candidate article (Xapian's position lists of
// the concept's unstemmed forms, LeafMatch::positions), mapped to passages through the article's
// stored layout (index_schema.h, kSlotLayout and word variants).
//
// Contract: for every article and concept, the term frequencies and lengths
// equal those PassageRanker::examine() finds by analysing the article's
// headline and passages (tests/searcher/evidence_test.cpp checks it on real
// articles). Byte ranges (PassageEvidence::matches, words) are left empty:
// only the passages shown are analysed, for their snippets.
#pragma once

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "searcher/passage_ranker.h"

namespace newsearch {

/// Evidence of one article: its headline and each of its passages.
struct ArticleEvidence {
  PassageEvidence headline;
  std::vector<PassageEvidence> passages;
};

/// Reads evidence for one query; built once per search, then read() per
/// candidate. Holds a reference to @p db and the concepts' LeafMatch.
class EvidenceReader {
 public:
  /// @p concepts: their LeafMatch with its forms in @p db.
  EvidenceReader(const Xapian::Database& db, const std::vector<Concept>& concepts);

  /// Looks up which of @p candidates hold each body form, in one pass over
  /// each form's postings in docid order, so that read() skips the position
  /// lookups (random B-tree reads) of forms an article does not have: most
  /// of a stem's forms are absent from any one article. Optional; read() of
  /// an article not given here looks every form up.
  void prefetch(std::vector<Xapian::docid> candidates);

  /// @throws Error(kCorruption) if the article has no valid layout;
  ///         Xapian::Error from the database (the caller retries).
  ArticleEvidence read(Xapian::docid did) const;

 private:
  // False if prefetch() showed that @p did lacks the body form @p term.
  bool may_hold(Xapian::docid did, const std::string& term) const;

  const Xapian::Database& db_;
  std::vector<const LeafMatch*> leaves_;                       // per concept
  std::vector<Xapian::docid> prefetched_;                      // sorted; empty without prefetch()
  std::map<std::string, std::vector<Xapian::docid>> holders_;  // body form -> sorted holders
};

}  // namespace newsearch
