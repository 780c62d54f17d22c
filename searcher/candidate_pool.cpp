#include "searcher/candidate_pool.h"

#include <algorithm>
#include <utility>

namespace newsearch {
namespace {

// Matches exactly a sorted set of documents, with weight 0.
class DocSetSource : public Xapian::PostingSource {
 public:
  explicit DocSetSource(std::vector<Xapian::docid> sorted) : dids_(std::move(sorted)) {}

  // Not every pooled id need exist: no lower bound.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return count(); }
  Xapian::doccount get_termfreq_max() const override { return count(); }

  void init(const Xapian::Database&) override {
    pos_ = 0;
    started_ = false;
  }
  void next(double) override {
    if (started_) ++pos_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    pos_ = static_cast<std::size_t>(
        std::lower_bound(dids_.begin() + static_cast<std::ptrdiff_t>(pos_), dids_.end(), did) -
        dids_.begin());
  }
  bool at_end() const override { return started_ && pos_ >= dids_.size(); }
  Xapian::docid get_docid() const override { return dids_[pos_]; }
  DocSetSource* clone() const override { return new DocSetSource(dids_); }
  std::string get_description() const override {
    return "DocSetSource(" + std::to_string(dids_.size()) + " documents)";
  }

 private:
  Xapian::doccount count() const { return static_cast<Xapian::doccount>(dids_.size()); }

  std::vector<Xapian::docid> dids_;
  std::size_t pos_ = 0;
  bool started_ = false;
};

}  // namespace

Xapian::Query within_pool(const Xapian::Query& query, std::vector<Xapian::docid> pool) {
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());
  Xapian::Query docs((new DocSetSource(std::move(pool)))->release());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, docs);
}

}  // namespace newsearch
