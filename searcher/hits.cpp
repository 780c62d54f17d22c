#include "searcher/hits.h"

#include <tuple>

#include "newsearch/error.h"
#include "searcher/format/stored_article.h"
#include "searcher/snippet.h"

namespace newsearch {
namespace {

// A shown passage: its text is analysed (only now) for highlights and the
// snippet's word boundaries; past the deadline it is not analysed at all
// (the snippet is its start, without highlights).
Passage make_passage(const StoredArticle& article, Analyzer& analyzer, const PassageRanker& ranker,
                     const RankedPassage& rp, const SearchOptions& opt, const Deadline& deadline) {
  Passage p;
  p.index = rp.index;
  std::tie(p.byte_begin, p.byte_end) = article.passages[rp.index];
  p.text = article.body.substr(p.byte_begin, p.byte_end - p.byte_begin);
  p.score = rp.score;
  p.matched_terms = rp.matched;
  if (deadline.passed()) {
    p.snippet = make_snippet(p.text, {}, {}, opt.snippet_chars);
    return p;
  }
  const PassageEvidence ev = ranker.examine(analyzer, p.text, article.lang);
  // The stored evidence gives the same count (evidence.h); a passage whose
  // evidence was not read (time budget) has only this one.
  if (rp.matched == 0) p.matched_terms = ev.matched_concepts();
  p.snippet = make_snippet(p.text, ev.matches, ev.words, opt.snippet_chars);
  return p;
}

// The hit of a shown article: the only records read from the index. An
// article whose evidence was not read (time budget) shows its lead passage.
Hit make_hit(Xapian::Database& db, Analyzer& analyzer, const QueryPlan& plan, const Examined& ex) {
  StoredArticle article = decode_stored_article(db.get_document(ex.cand.did).get_data());
  if (ex.read && article.passages.size() != ex.evidence.size())
    throw Error(ErrorCode::kCorruption,
                "article '" + article.id + "': stored passages disagree with its layout");
  const double score = ex.score();
  std::vector<RankedPassage> ranked = ex.ranked;
  if (!ex.read && !article.passages.empty()) ranked = {{0, score, 0}};
  Hit h;
  h.all_terms = ex.cand.all_terms;
  h.score = score;
  for (const auto& rp : ranked)
    h.passages.push_back(
        make_passage(article, analyzer, plan.ranker, rp, plan.options, plan.deadline));
  h.id = std::move(article.id);
  h.title = std::move(article.title);
  h.title_derived = article.title_derived;
  h.source_path = std::move(article.source_path);
  h.date = std::move(article.date);
  h.source = std::move(article.source);
  h.url = std::move(article.url);
  h.language = std::move(article.lang);
  return h;
}

}  // namespace

std::vector<Hit> page_hits(Xapian::Database& db, Analyzer& analyzer, const QueryPlan& plan,
                           const std::vector<Examined>& examined,
                           const std::vector<std::size_t>& order) {
  const SearchOptions& opt = plan.options;
  std::vector<Hit> hits;
  for (std::size_t r = opt.offset; r < order.size() && r < opt.offset + opt.limit; ++r) {
    Hit h = make_hit(db, analyzer, plan, examined[order[r]]);
    h.rank = r + 1;
    hits.push_back(std::move(h));
  }
  return hits;
}

}  // namespace newsearch
