// The scraped-news extraction metric (extraction_eval_metric.h) on tiny
// cases worked out by hand.
#include <catch2/catch.hpp>

#include "tests/relevance/extraction_eval_metric.h"

namespace ee = newsearch::extraction_eval;

TEST_CASE("tokens are Python's \\w+ runs: letters, digits, underscore; marks split") {
  CHECK(ee::tokenize("Hello, wörld_1 — 2019-11-19!") ==
        std::vector<std::string>{"Hello", "wörld_1", "2019", "11", "19"});
  // U+0301 COMBINING ACUTE is not \w in Python's re.
  CHECK(ee::tokenize("cafe\xcc\x81s") == std::vector<std::string>{"cafe", "s"});
  CHECK(ee::tokenize("日本語 ½").size() == 2);
  CHECK(ee::tokenize(" \n\t.,").empty());
}

TEST_CASE("4-shingles count repeats; a short text is one shingle") {
  const auto s = ee::shingles("a b c d a b c d");
  // a b c d | b c d a | c d a b | d a b c | a b c d
  CHECK(s.size() == 4);
  CHECK(s.at({"a", "b", "c", "d"}) == 2);
  CHECK(s.at({"d", "a", "b", "c"}) == 1);
  const auto short_text = ee::shingles("x y");
  REQUIRE(short_text.size() == 1);
  CHECK(short_text.begin()->first == std::vector<std::string>{"x", "y"});
  CHECK(ee::shingles("").empty());
}

TEST_CASE("per-page overlaps and mean precision and recall, by hand") {
  // truth shingles: [a b c d] [b c d e] [c d e f]
  // pred  shingles: [a b c d] [b c d e] [c d e x] [d e x y]
  const ee::Match m = ee::match("a b c d e f", "a b c d e x y");
  CHECK(m.tp == 2);
  CHECK(m.fp == 2);
  CHECK(m.fn == 1);
  CHECK(ee::precision(m) == Approx(0.5));
  CHECK(ee::recall(m) == Approx(2.0 / 3));
  // Multiplicity: truth [a b c d] x2, [b c d a], [c d a b], [d a b c];
  // the prediction [a b c d] once.
  const ee::Match rep = ee::match("a b c d a b c d", "a b c d");
  CHECK(rep.tp == 1);
  CHECK(rep.fp == 0);
  CHECK(rep.fn == 4);
  // An empty prediction is left out of precision (TP+FP = 0), scores 0 recall.
  const ee::Match empty = ee::match("a b c d", "");
  const ee::Scores s = ee::aggregate({m, empty});
  CHECK(s.p == Approx(0.5));
  CHECK(s.r == Approx((2.0 / 3 + 0.0) / 2));
  CHECK(s.f1 == Approx(2 * 0.5 * (1.0 / 3) / (0.5 + 1.0 / 3)));
}

TEST_CASE("headline token F1 is case-folded bag overlap") {
  CHECK(ee::headline_f1("Storm Hits the Coast", "storm hits THE coast") == Approx(1.0));
  // 3 common of 4 and 5 tokens: 2*3/9.
  CHECK(ee::headline_f1("Storm hits the coast", "Storm hits coast - Daily News") ==
        Approx(6.0 / 9));
  CHECK(ee::headline_f1("Straße", "STRASSE") == Approx(1.0));
  CHECK(ee::headline_f1("Storm", "") == 0.0);
}

TEST_CASE("dates: ISO prefix and month-name forms, within one calendar day") {
  const auto t = ee::truth_day("2019-11-19T10:07:00-0500");
  REQUIRE(t);
  CHECK(ee::truth_day("2019-11-19") == t);
  CHECK(ee::truth_day("2019-11-19 23:46:00") == t);
  CHECK(ee::truth_day("Tue Nov 19 2019 05:44:06 GMT+0000") == t);
  CHECK(ee::truth_day("November 19, 2019, 07:47 PM EST") == t);
  CHECK(ee::truth_day("soon") == std::nullopt);
  CHECK(ee::within_one_day(*t, *ee::iso_day("2019-11-20T01:00:00Z")));
  CHECK(ee::within_one_day(*t, *ee::iso_day("2019-11-18")));
  CHECK_FALSE(ee::within_one_day(*t, *ee::iso_day("2019-11-21")));
  // Across a month and a year end.
  CHECK(ee::within_one_day(*ee::iso_day("2019-12-31"), *ee::iso_day("2020-01-01")));
  CHECK(ee::within_one_day(*ee::iso_day("2019-02-28"), *ee::iso_day("2019-03-01")));
  CHECK_FALSE(ee::within_one_day(*ee::iso_day("2020-02-28"), *ee::iso_day("2020-03-01")));
  CHECK(ee::iso_day("2019-13-01") == std::nullopt);
}

TEST_CASE("split: FNV-1a 64-bit of the id, even is dev") {
  CHECK(ee::fnv1a64("") == 14695981039346656037ULL);
  CHECK(ee::fnv1a64("a") == 0xaf63dc4c8601ec8cULL);  // the published FNV-1a test vector
  CHECK(ee::is_dev("a"));
}
