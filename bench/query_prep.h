// Query preparation shared by search_bench and the relevance guard test:
// test-collection queries become plain bags of words, the same text for
// newsearch and the baseline (see bench/README.md, "Query preparation").
#pragma once

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "newsearch/analyzer.h"
#include "searcher/query_parser.h"  // kMaxQueryLeaves, kMaxQueryBytes

namespace bench {

struct QueryPrep {
  std::size_t in_file = 0, lowered = 0, operators = 0, stripped = 0, truncated = 0;
};

inline bool has_ascii(const std::string& s, bool upper) {
  return std::any_of(s.begin(), s.end(), [&](unsigned char c) {
    return upper ? (c >= 'A' && c <= 'Z') : (c >= 'a' && c <= 'z');
  });
}

inline void ascii_lower(std::string& s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

/// How many words @p w counts for toward newsearch's kMaxQueryLeaves: its
/// analysed words, so "sub-set" counts 2 and a lone "-" none.
inline std::size_t leaf_words(const std::string& w) {
  static newsearch::Analyzer analyzer;  // the callers are single-threaded
  std::size_t n = 0;
  for (const auto& t : analyzer.analyze(w)) n += !t.joined;
  return n;
}

/// Makes a query a plain bag of words for both engines:
///  * an all-caps query (old test collections) is lowercased, as the peers do:
///    otherwise AND/OR/NOT are operators and Xapian leaves capitals unstemmed;
///  * AND/OR/NOT left in a mixed-case query are lowercased too;
///  * double quotes (ASCII and “ ” „) and parentheses become spaces, a
///    leading '-' or '+' of a word and a leading "title:" are dropped;
///  * the query is cut to kMaxQueryLeaves words (as newsearch's parser
///    counts them, leaf_words) and kMaxQueryBytes bytes, newsearch's limits
///    (ir-cisi has a 334-word query).
inline std::string prepare_query(const std::string& raw, QueryPrep& prep) {
  std::string q = raw;
  if (has_ascii(q, true) && !has_ascii(q, false)) {
    ascii_lower(q);
    ++prep.lowered;
  }
  bool stripped = false;
  {
    std::string spaced;  // quotes and parentheses become spaces
    for (std::size_t i = 0; i < q.size(); ++i) {
      const char c = q[i];
      if (c == '"' || c == '(' || c == ')') {
        spaced += ' ';
        stripped = true;
      } else if (c == '\xE2' && i + 2 < q.size() && q[i + 1] == '\x80' &&
                 (q[i + 2] == '\x9C' || q[i + 2] == '\x9D' || q[i + 2] == '\x9E')) {
        spaced += ' ';  // “ ” „
        i += 2;
        stripped = true;
      } else {
        spaced += c;
      }
    }
    q = std::move(spaced);
  }
  std::vector<std::string> words;
  {
    std::string w;
    std::istringstream in(q);
    while (in >> w) words.push_back(w);
  }
  bool ops = false;
  std::string out;
  std::size_t kept = 0;
  for (std::string w : words) {
    while (!w.empty() && (w[0] == '-' || w[0] == '+')) {
      w.erase(0, 1);
      stripped = true;
    }
    if (w.size() >= 6 && std::equal(w.begin(), w.begin() + 6,
                                    "title:", [](char a, char b) { return (a | 0x20) == b; })) {
      w.erase(0, 6);
      stripped = true;
    }
    if (w.empty()) continue;
    if (w == "AND" || w == "OR" || w == "NOT") {
      ascii_lower(w);
      ops = true;
    }
    const std::size_t n = leaf_words(w);
    if (kept + n > newsearch::kMaxQueryLeaves ||
        out.size() + 1 + w.size() > newsearch::kMaxQueryBytes) {
      ++prep.truncated;
      break;
    }
    if (!out.empty()) out += ' ';
    out += w;
    kept += n;
  }
  prep.stripped += stripped;
  prep.operators += ops;
  return out;
}

}  // namespace bench
