// Lines that repeat across the articles of one source are the source's page
// template (menus, footers, newsletter boxes, credits), the way boilerpipe
// and trafilatura learn a site's template. A wire story's shared sentences
// repeat across *different* sources, so counting within one source leaves
// them alone.
//
// The counts live in the index: every article carries one XL term per line
// it was read with (index_schema.h), so a term's frequency is how many
// articles of the source hold the line, kept up to date by every add,
// replace and delete, committed atomically with them, and seen by the next
// nightly run. A run adds the counts of the articles it reads (a parallel
// build's shards are not visible in the main index until merged).
//
// Articles read while a line was still below the threshold keep it as text;
// take_due() names them once the line reaches it, and the run revises them
// (IndexStore::revise()) in the same commit as the article that made the
// line a template line, or, in a parallel build, in their shards before the
// merge (ShardBuilder::finish()): no state of the index lacks a revision
// its articles need, and the merged index stays compact.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsearch {

class TemplateLines {
 public:
  /// Reads the index: how many articles hold an XL term, and their ids.
  struct Index {
    std::function<std::uint32_t(const std::string&)> count;
    std::function<std::vector<std::string>(const std::string&)> holders;
  };
  /// @p index may be empty (no index: indexer --print).
  explicit TemplateLines(Index index);

  /// The XL term of @p line in source @p source_key ("" for a line not
  /// counted: more than kMaxTemplateLineWords words, or no letters/digits).
  static std::string term(std::string_view source_key, std::string_view line);

  /// Counts the lines of article @p id (each distinct term once) and
  /// returns its distinct terms, in first-seen order: what its document
  /// carries.
  std::vector<std::string> learn(const std::vector<std::string>& terms, const std::string& id);

  /// True if the line of @p term is held by at least kMinTemplateArticles
  /// articles of its source (the index and this run together).
  bool is_template(const std::string& term) const;

  /// From now on learn() counts nothing: a second pass over the same
  /// articles (indexer --print reads its sources twice, so that every
  /// article is read with the whole run's counts).
  void freeze() { frozen_ = true; }

  /// The articles to revise since the last call: those read with a line as
  /// text (in this run or an earlier one) that has since reached the
  /// threshold; at most kMinTemplateArticles - 1 per line, each id once.
  std::vector<std::string> take_due();

 private:
  struct Count {
    std::uint32_t indexed = 0;       // in the index when first seen in this run
    std::uint32_t run = 0;           // articles of this run
    std::vector<std::string> early;  // ids of articles read while below the threshold
  };
  Index index_;
  std::unordered_map<std::string, Count> counts_;
  std::vector<std::string> due_;
  bool frozen_ = false;
};

}  // namespace newsearch
