#include "searcher/evidence.h"

#include <algorithm>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/passage_layout.h"

namespace newsearch {
namespace {

void append_positions(const Xapian::Database& db, Xapian::docid did, const std::string& term,
                      std::vector<Xapian::termpos>& out) {
  for (auto it = db.positionlist_begin(did, term); it != db.positionlist_end(did, term); ++it)
    out.push_back(*it);
}

PassageEvidence empty_evidence(std::size_t concepts, std::uint32_t length) {
  PassageEvidence ev;
  ev.length = length;
  ev.tf.assign(concepts, 0);
  return ev;
}

}  // namespace

EvidenceReader::EvidenceReader(const Xapian::Database& db, const std::vector<Concept>& concepts)
    : db_(db) {
  for (const Concept& c : concepts) leaves_.push_back(c.match);
}

void EvidenceReader::prefetch(std::vector<Xapian::docid> candidates) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  holders_.clear();
  for (const LeafMatch* leaf : leaves_) {
    const FieldForms& f = leaf->forms(MatchField::kBody);
    auto note = [&](const std::string& term) {
      auto [slot, fresh] = holders_.try_emplace(term);
      if (!fresh) return;
      Xapian::PostingIterator it = db_.postlist_begin(term);
      const Xapian::PostingIterator end = db_.postlist_end(term);
      for (Xapian::docid did : candidates) {
        it.skip_to(did);
        if (it == end) break;
        if (*it == did) slot->second.push_back(did);
      }
    };
    for (const auto& f_word : f.words) note(f_word.term);
    for (const auto& t : f.phrase) note(t);
  }
  prefetched_ = std::move(candidates);
}

bool EvidenceReader::may_hold(Xapian::docid did, const std::string& term) const {
  if (!std::binary_search(prefetched_.begin(), prefetched_.end(), did)) return true;
  const auto it = holders_.find(term);
  return it == holders_.end() || std::binary_search(it->second.begin(), it->second.end(), did);
}

ArticleEvidence EvidenceReader::read(Xapian::docid did) const {
  const std::string value =
      db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotLayout);
  const auto layout = decode_layout(value);
  if (!layout)
    throw Error(ErrorCode::kCorruption,
                "article #" + std::to_string(did) + " has no valid passage layout");
  const std::size_t n = leaves_.size();
  ArticleEvidence ev;
  ev.headline = empty_evidence(n, layout->headline_words());
  for (std::uint32_t words : layout->words) ev.passages.push_back(empty_evidence(n, words));
  // Body positions from the index; headline positions from the layout's
  // headline tokens (no position-list reads for the short headline).
  const LeafMatch::Lookup body = [&](const std::string& term, std::vector<Xapian::termpos>& out) {
    if (may_hold(did, term)) append_positions(db_, did, term, out);
  };
  const LeafMatch::Lookup headline = [&](const std::string& term,
                                         std::vector<Xapian::termpos>& out) {
    for (const auto& t : layout->headline_terms)
      if (t.term == term) out.push_back(t.position);
  };
  for (std::size_t c = 0; c < n; ++c) {
    const LeafMatch& leaf = *leaves_[c];
    if (!leaf.forms(MatchField::kHeadline).empty())
      ev.headline.tf[c] = leaf.positions(MatchField::kHeadline, layout->lang, headline).size();
    if (leaf.forms(MatchField::kBody).empty()) continue;
    for (Xapian::termpos p : leaf.positions(MatchField::kBody, layout->lang, body)) {
      const std::size_t i = layout->passage_of(p);
      if (i < ev.passages.size()) ++ev.passages[i].tf[c];
    }
  }
  return ev;
}

}  // namespace newsearch
