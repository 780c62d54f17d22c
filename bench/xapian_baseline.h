// The baseline of search_bench: plain Xapian configured like the peer in
// ../shared/bench-peers/xapian/xapian_peer.cc (our own, smaller code):
//  * index: TermGenerator with the English stemmer (default strategy
//    STEM_SOME), positions on; headline and body indexed as one text with a
//    position gap between them; id in value slot 0 and as a unique "Q" term;
//    headline + "\n\n" + body stored as document data for snippets;
//  * search: QueryParser (English stemmer, STEM_SOME, default flags, default
//    operator OR; a query the parser rejects is parsed again with flags 0),
//    Enquire with BM25Weight defaults (k1=1, b=0.5, min_normlen=0.5);
//  * snippets: MSet::snippet(data, 200 bytes, stemmer,
//    SNIPPET_BACKGROUND_MODEL | SNIPPET_EXHAUSTIVE).
// Articles are read with newsearch's own readers (find_sources, JSONL and
// .txt parsers), so both engines index exactly the same ids and text, and
// the baseline's indexing time includes reading and parsing, as newsearch's does.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "indexer/article_reader.h"
#include "indexer/jsonl_reader.h"
#include "indexer/source_record.h"
#include "indexer/source_walker.h"

namespace bench {

using BenchClock = std::chrono::steady_clock;

inline double seconds_since(BenchClock::time_point t0) {
  return std::chrono::duration<double>(BenchClock::now() - t0).count();
}

/// Headline + "\n\n" + paragraphs joined by "\n\n": the text both the baseline
/// indexes and newsearch stores.
inline std::string article_body(const newsearch::SourceRecord& a) {
  std::string body;
  for (const auto& p : a.paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += p;
  }
  return body;
}

struct ReadStats {
  std::size_t articles = 0;      ///< delivered to the callback
  std::size_t skipped = 0;       ///< records the newsearch readers reject
  std::size_t duplicates = 0;    ///< ids seen before (the first one is kept)
  std::size_t errors = 0;        ///< unreadable files or directories
  std::uint64_t text_bytes = 0;  ///< UTF-8 bytes of headline + body
};

/// Reads every article under @p sources the way the indexer does and calls
/// @p fn(article, body) for each (the first record of a duplicated id only).
inline ReadStats for_each_article(
    const std::vector<std::string>& sources,
    const std::function<void(const newsearch::SourceRecord&, const std::string&)>& fn) {
  constexpr std::size_t kMaxBytes = 32u << 20;  // IndexerOptions::max_file_bytes default
  ReadStats st;
  std::unordered_set<std::string> seen;
  auto deliver = [&](const newsearch::SourceRecord& a) {
    if (!seen.insert(a.id).second) {
      ++st.duplicates;
      return;
    }
    const std::string body = article_body(a);
    st.text_bytes += a.title.size() + body.size();
    ++st.articles;
    fn(a, body);
  };
  const auto files = newsearch::find_sources(
      sources, [&](const std::string&, const std::string&) { ++st.errors; });
  for (const auto& f : files) {
    if (!newsearch::is_jsonl_path(f.path)) {
      try {
        deliver(newsearch::read_text_article(f.path, f.id, kMaxBytes));
      } catch (const newsearch::InputError&) {
        ++st.skipped;
      }
      continue;
    }
    try {
      newsearch::JsonlReader reader(f.path, kMaxBytes);
      std::string line;
      while (reader.next_line(line)) {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        if (reader.too_long()) {
          ++st.skipped;
          continue;
        }
        try {
          deliver(newsearch::parse_jsonl_article(line, f.path));
        } catch (const newsearch::InputError&) {
          ++st.skipped;
        }
      }
    } catch (const newsearch::InputError&) {
      ++st.errors;
    }
  }
  return st;
}

struct BaselineIndexStats {
  ReadStats read;
  double seconds = 0;  ///< wall time of the whole build, reading included
};

/// Builds the baseline index at @p dir (overwriting it); one commit at the end
/// (Xapian flushes by itself every 10,000 documents), like the peer.
inline BaselineIndexStats build_baseline(const std::vector<std::string>& sources,
                                         const std::string& dir) {
  const auto t0 = BenchClock::now();
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator tg;
  tg.set_stemmer(Xapian::Stem("english"));
  BaselineIndexStats st;
  st.read =
      for_each_article(sources, [&](const newsearch::SourceRecord& a, const std::string& body) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(a.title);
        tg.increase_termpos();
        tg.index_text(body);
        doc.add_value(0, a.id);
        if (a.id.size() < 240) doc.add_boolean_term("Q" + a.id);
        doc.set_data(a.title + "\n\n" + body);
        db.add_document(doc);
      });
  db.commit();
  db.close();
  st.seconds = seconds_since(t0);
  return st;
}

/// Compacts @p from into @p to (what newsearch does after a fresh build).
/// Returns the wall seconds.
inline double compact_baseline(const std::string& from, const std::string& to) {
  const auto t0 = BenchClock::now();
  Xapian::Database(from).compact(to);
  return seconds_since(t0);
}

/// Queries the baseline index. Not thread safe (one Enquire).
class BaselineSearcher {
 public:
  explicit BaselineSearcher(const std::string& dir) : db_(dir), enquire_(db_), stem_("english") {
    enquire_.set_weighting_scheme(Xapian::BM25Weight());
    qp_.set_stemmer(stem_);
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_database(db_);
    qp_.set_default_op(Xapian::Query::OP_OR);
  }

  /// Parse, top-@p k, external ids, and with @p snippets a snippet per hit
  /// (their total size goes to @p snippet_bytes, so the work is not optimised away).
  std::vector<std::string> top(const std::string& query, unsigned k, bool snippets,
                               std::size_t& snippet_bytes) {
    enquire_.set_query(parse(query));
    Xapian::MSet m = enquire_.get_mset(0, k);
    std::vector<std::string> ids;
    for (auto it = m.begin(); it != m.end(); ++it) {
      Xapian::Document d = it.get_document();
      ids.push_back(d.get_value(0));
      if (snippets)
        snippet_bytes +=
            m.snippet(d.get_data(), 200, stem_,
                      Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                      "<b>", "</b>", "...")
                .size();
    }
    return ids;
  }

  /// Ranked (id, BM25 weight) to @p depth, for the relevance run.
  std::vector<std::pair<std::string, double>> ranked(const std::string& query, unsigned depth) {
    enquire_.set_query(parse(query));
    Xapian::MSet m = enquire_.get_mset(0, depth);
    std::vector<std::pair<std::string, double>> out;
    for (auto it = m.begin(); it != m.end(); ++it)
      out.emplace_back(it.get_document().get_value(0), it.get_weight());
    return out;
  }

  Xapian::doccount doc_count() const { return db_.get_doccount(); }

 private:
  Xapian::Query parse(const std::string& q) {
    try {
      return qp_.parse_query(q);
    } catch (const Xapian::QueryParserError&) {
      return qp_.parse_query(q, 0);
    }
  }

  Xapian::Database db_;
  Xapian::Enquire enquire_;
  Xapian::Stem stem_;
  Xapian::QueryParser qp_;
};

}  // namespace bench
