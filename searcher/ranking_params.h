// Internal ranking parameters of a search (ranking.h, candidates.h) that are not
// SearchOptions: article BM25, the all-words tier, pseudo-relevance feedback.
// Not part of the public API: one configuration for every collection, chosen
// with bench/relevance_table.sh on the IR test collections (bench/README.md)
// and checked against the Reuters known-item queries.
#pragma once

#include <cstddef>

#include "searcher/feedback.h"

namespace newsearch {

/// The k1 and b of a BM25 weighting of whole articles (Xapian's BM25Weight
/// with k2 0, k3 1 and min_normlen 0.5).
struct Bm25Params {
  double k1;
  double b;
};

struct RankingParams {
  /// BM25 of whole articles (Xapian's BM25Weight over headline and body as
  /// one text): the candidate retrieval and the article evidence in every
  /// passage score. The usual k1 and b; b = 0.75 normalises long articles
  /// more than Xapian's default 0.5 (TIME, MEDLINE and CISI gain).
  Bm25Params article{1.2, 0.75};
  /// Queries with at most this many positive words or phrases are precise
  /// requests (news searches, known-item lookups): the articles containing
  /// all of them rank first (the all_terms tier) and there is no feedback.
  /// Longer, descriptive queries rank by score alone and get feedback: few
  /// articles contain all their words, and a strict tier would put those
  /// few above better matches of the main words.
  std::size_t tier_max_concepts = 3;
  /// SearchOptions::headline_boost is multiplied by this for the longer
  /// queries. A short query usually names what the article is about, and
  /// news headlines state it (Reuters known-item queries, which are cut from
  /// headlines, lose with a weaker boost); a descriptive query matches the
  /// text as a whole (the IR test collections lose with a stronger one).
  double long_query_headline_factor = 0.5;
  /// SearchOptions::article_weight is multiplied by this for the longer
  /// queries. A descriptive query's words are spread over the whole text, so
  /// the article's BM25 (which also carries the feedback words) is better
  /// evidence than its best passage alone. 2 (article as strong as the best
  /// passage): MED 0.5627 -> 0.5711, TIME 0.6613 -> 0.6665, ADI, CISI,
  /// Cranfield and NPL gain a little, CACM loses with the old feedback
  /// (0.3448 -> 0.3251) and gains with the current one (FeedbackParams).
  double long_query_article_factor = 2.0;
  /// SearchOptions::headline_weight is multiplied by this for the longer
  /// queries (the headline scored as a passage, added to every passage).
  /// A headline is far shorter than the mean passage, so its length-
  /// normalised BM25 is high; for a descriptive query that matches the text
  /// as a whole it is weaker evidence, as with long_query_headline_factor.
  /// 0.5 (from 1): NPL 0.2698 -> 0.2775 (its "headlines" are the opening
  /// words of the abstract), CISI +0.0013, Cranfield +0.0004, CACM -0.0010,
  /// ADI -0.0023, LISA 0.4037 -> 0.3996; MED and TIME have no headlines.
  double long_query_headline_weight_factor = 0.5;
  /// Pseudo-relevance feedback for the longer queries (feedback.h): 10
  /// feedback articles weighted by exp(score - best score), 20 words, 30 %
  /// of the query's weight, words in at most 10 % of the articles (so none
  /// in a collection under 10 articles).
  FeedbackParams feedback;
  /// A second article evidence for the longer queries: the article's BM25
  /// as plain text (no headline boost) with k1 1 and b 0.5, re-weighed with
  /// feedback words of its own, taken from the best articles of that
  /// weighing (a second relevance model, from a differently ordered top 10).
  /// It is added with SearchOptions::article_weight times
  /// long_query_plain_factor. Measured on the 8 IR collections with the
  /// feature dump of bench/README.md ("Ranking experiments"): with factor 1,
  /// CACM 0.3495 -> 0.355, NPL 0.2773 -> 0.284, TIME 0.6713 -> 0.680,
  /// Cranfield +0.003, LISA -0.0035, others within 0.001; the same
  /// weighing's feedback from the boosted ranking's top 10 keeps less than
  /// half of that, and without feedback words it loses on MEDLINE.
  Bm25Params plain{1.0, 0.5};
  double long_query_plain_factor = 1.0;
};

/// The default parameters: those a Searcher passes to run_search
/// (search_pipeline.h). No stage reads them from here.
const RankingParams& ranking_params();

}  // namespace newsearch
