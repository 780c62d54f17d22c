#include "searcher/feedback.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "searcher/format/index_schema.h"
#include "searcher/query_builder.h"

namespace newsearch {
namespace {

// The body stem term of a body or headline stem term (index_schema.h); empty
// for other terms.
std::string body_stem_term(const std::string& term) {
  schema::StemTerm parts;
  if (!schema::parse_stem_term(term, parts)) return {};
  return schema::stem_term(schema::kPrefixStem, parts.lang, parts.stem);
}

// P(stem | article): within-article frequency of each stem (keyed by its body
// stem term, which names its language), headline and body together.
std::map<std::string, double> article_model(const Xapian::Database& db, Xapian::docid did) {
  std::map<std::string, double> tf;
  double length = 0;
  Xapian::TermIterator it = db.termlist_begin(did);
  it.skip_to(std::string(schema::kPrefixStem));
  for (; it != db.termlist_end(did); ++it) {
    const std::string term = *it;
    if (!term.starts_with(schema::kPrefixStem)) break;
    std::string stem = body_stem_term(term);
    if (stem.empty()) continue;
    tf[stem] += it.get_wdf();
    length += it.get_wdf();
  }
  if (length > 0)
    for (auto& [stem, f] : tf) f /= length;
  return tf;
}

// Document frequency of a stem: articles with it in the body or the headline
// (at least the larger of the two counts; used only to drop common words).
double stem_df(const Xapian::Database& db, const schema::StemTerm& s) {
  return std::max(db.get_termfreq(schema::stem_term(schema::kPrefixStem, s.lang, s.stem)),
                  db.get_termfreq(schema::stem_term(schema::kPrefixHeadlineStem, s.lang, s.stem)));
}

bool usable(const Xapian::Database& db, const Analyzer& analyzer, const schema::StemTerm& s,
            const FeedbackParams& p) {
  const std::string& stem = s.stem;
  if (stem.size() < 2 || analyzer.is_stopword(stem, s.lang)) return false;
  if (std::all_of(stem.begin(), stem.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }))
    return false;
  return stem_df(db, s) <= p.max_df * static_cast<double>(db.get_doccount());
}

schema::StemTerm parts_of(const std::string& body_stem_term) {
  schema::StemTerm parts;
  schema::parse_stem_term(body_stem_term, parts);
  return parts;
}

}  // namespace

Xapian::Query feedback_query(const Xapian::Database& db, const std::vector<ScoredDoc>& top,
                             double query_size, double headline_boost, const FeedbackParams& params,
                             const Analyzer& analyzer) {
  std::map<std::string, double> model;  // relevance model: sum of P(t|D) * P(D|Q)
  const std::size_t n = std::min(top.size(), params.docs);
  if (n == 0) return {};
  double best = top[0].second;
  for (std::size_t i = 0; i < n; ++i) best = std::max(best, top[i].second);
  std::vector<double> doc_weight(n);  // P(D|Q) up to a constant (FeedbackParams::score_scale)
  double total_score = 0;
  for (std::size_t i = 0; i < n; ++i) {
    doc_weight[i] = params.score_scale > 0 ? std::exp(params.score_scale * (top[i].second - best))
                                           : top[i].second;
    total_score += doc_weight[i];
  }
  if (total_score <= 0) return {};
  for (std::size_t i = 0; i < n; ++i)
    for (const auto& [stem, p] : article_model(db, top[i].first))
      model[stem] += p * doc_weight[i] / total_score;

  // The params.terms best usable stems. Usability costs two term-frequency
  // lookups (B-tree reads), so it is asked in order of weight, only until
  // enough are found, not of the thousands of stems in the model.
  std::vector<std::pair<double, std::string>> all;
  all.reserve(model.size());
  for (auto& [stem, w] : model) all.emplace_back(w, stem);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a > b; });
  std::vector<std::pair<double, std::string>> ranked;
  for (auto& candidate : all) {
    if (ranked.size() == params.terms) break;
    if (usable(db, analyzer, parts_of(candidate.second), params))
      ranked.push_back(std::move(candidate));
  }
  double mass = 0;
  for (const auto& r : ranked) mass += r.first;
  if (mass <= 0) return {};

  std::vector<Xapian::Query> parts;
  for (const auto& [w, term] : ranked) {
    schema::StemTerm s = parts_of(term);
    parts.emplace_back(
        Xapian::Query::OP_SCALE_WEIGHT,
        leaf_query(LeafMatch::of_stem(std::move(s.lang), std::move(s.stem)), headline_boost),
        params.weight * query_size * w / mass);
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace newsearch
