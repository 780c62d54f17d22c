#include "searcher/evidence.h"

#include <algorithm>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/passage_layout.h"

namespace newsearch {
namespace {

// The normalised forms in the index whose stem is @p stem: its variants from
// the synonym table and the stem itself if it is its own stem (Snowball
// stems are not always fixed points: a word spelt like one stem can have
// another).
std::vector<std::string> forms_of(const Xapian::Database& db, Analyzer& analyzer,
                                  const std::string& stem) {
  std::vector<std::string> forms;
  if (analyzer.stem(stem) == stem) forms.push_back(stem);
  const std::string key = std::string(schema::kPrefixStem) + stem;
  for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) forms.push_back(*it);
  return forms;
}

// The @p forms that some article has under @p prefix (unprefixed).
std::vector<std::string> existing(const Xapian::Database& db, std::string_view prefix,
                                  const std::vector<std::string>& forms) {
  std::vector<std::string> out;
  for (const auto& f : forms)
    if (db.term_exists(std::string(prefix) + f)) out.push_back(f);
  return out;
}

void append_positions(const Xapian::Database& db, Xapian::docid did, const std::string& term,
                      std::vector<Xapian::termpos>& out) {
  for (auto it = db.positionlist_begin(did, term); it != db.positionlist_end(did, term); ++it)
    out.push_back(*it);
}

bool contains(const std::vector<Xapian::termpos>& sorted, Xapian::termpos p) {
  return std::binary_search(sorted.begin(), sorted.end(), p);
}

PassageEvidence empty_evidence(std::size_t concepts, std::uint32_t length) {
  PassageEvidence ev;
  ev.length = length;
  ev.tf.assign(concepts, 0);
  return ev;
}

}  // namespace

EvidenceReader::EvidenceReader(const Xapian::Database& db, Analyzer& analyzer,
                               const std::vector<Concept>& concepts)
    : db_(db) {
  for (const Concept& c : concepts) {
    const QueryLeaf& leaf = *c.leaf;
    std::vector<std::string> words;  // unprefixed forms counted one by one
    std::vector<std::string> phrase;
    if (leaf.terms.size() == 1) {
      words = leaf.exact ? leaf.terms : forms_of(db, analyzer, leaf.stems[0]);
    } else {
      phrase = leaf.terms;
      // "cease-fire" also matches a plain "ceasefire" (and its joined form).
      if (!leaf.joined_stem.empty()) words = forms_of(db, analyzer, leaf.joined_stem);
    }
    auto field = [&](std::string_view prefix) { return FieldTerms{existing(db, prefix, words), phrase}; };
    body_.push_back(leaf.title_only ? FieldTerms{} : field(""));
    headline_.push_back(field(schema::kPrefixHeadline));
  }
}

void EvidenceReader::prefetch(std::vector<Xapian::docid> candidates) {
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  holders_.clear();
  for (const FieldTerms& f : body_) {
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
    for (const auto& t : f.words) note(t);
    for (const auto& t : f.phrase) note(t);
  }
  prefetched_ = std::move(candidates);
}

bool EvidenceReader::may_hold(Xapian::docid did, const std::string& term) const {
  if (!std::binary_search(prefetched_.begin(), prefetched_.end(), did)) return true;
  const auto it = holders_.find(term);
  return it == holders_.end() || std::binary_search(it->second.begin(), it->second.end(), did);
}

std::vector<Xapian::termpos> EvidenceReader::positions(const FieldTerms& terms,
                                                      const Lookup& lookup) {
  std::vector<Xapian::termpos> out;
  for (const auto& term : terms.words) lookup(term, out);
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
      for (std::size_t k = 0; k < rest.size() && all; ++k) all = contains(rest[k], p + static_cast<Xapian::termpos>(k + 1));
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

ArticleEvidence EvidenceReader::read(Xapian::docid did) const {
  const std::string value =
      db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotLayout);
  const auto layout = decode_layout(value);
  if (!layout)
    throw Error(ErrorCode::kCorruption, "article #" + std::to_string(did) + " has no valid passage layout");
  const std::size_t n = body_.size();
  ArticleEvidence ev;
  ev.headline = empty_evidence(n, layout->headline_words());
  for (std::uint32_t words : layout->words) ev.passages.push_back(empty_evidence(n, words));
  // Body positions from the index; headline positions from the layout's
  // headline tokens (no position-list reads for the short headline).
  const Lookup body = [&](const std::string& term, std::vector<Xapian::termpos>& out) {
    if (may_hold(did, term)) append_positions(db_, did, term, out);
  };
  const Lookup headline = [&](const std::string& term, std::vector<Xapian::termpos>& out) {
    for (const auto& t : layout->headline_terms)
      if (t.term == term) out.push_back(t.position);
  };
  for (std::size_t c = 0; c < n; ++c) {
    if (!headline_[c].empty()) ev.headline.tf[c] = positions(headline_[c], headline).size();
    if (body_[c].empty()) continue;
    for (Xapian::termpos p : positions(body_[c], body)) {
      const std::size_t i = layout->passage_of(p);
      if (i < ev.passages.size()) ++ev.passages[i].tf[c];
    }
  }
  return ev;
}

}  // namespace newsearch
