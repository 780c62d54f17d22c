#include "indexer/index_store.h"

#include <cstdio>
#include <filesystem>

#include "indexer/disk_space.h"
#include "indexer/document_builder.h"
#include "newsearch/error.h"
#include "searcher/boundary/xapian_error.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/schema_check.h"
#include "searcher/format/stored_article.h"

namespace newsearch {
namespace {

// The analyzer of a store: one of @p options if given, else the one the
// index @p db was built with.
Analyzer analyzer_of(const Xapian::Database& db, const AnalyzerOptions* options) {
  return options ? Analyzer(*options) : analyzer_for_index(db);
}

// Opens the live generation for writing: the directory the stub names,
// checked by live_generation(), never a path Xapian would follow.
Xapian::WritableDatabase open_writable(const std::string& path) {
  const std::string gen = live_generation(path);
  return Xapian::WritableDatabase((std::filesystem::path(path) / gen).string(), Xapian::DB_OPEN);
}

constexpr const char* kFirstGeneration = "gen-000001";

// Articles in generation directory @p dir, or -1 if it holds a committed
// database that cannot be read. A directory without Xapian's version file
// never got its first commit (a creation killed early): it counts as empty.
long long articles_in(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / "iamglass", ec)) return 0;
  try {
    return static_cast<long long>(Xapian::Database(dir.string()).get_doccount());
  } catch (const Xapian::Error&) {
    return -1;
  }
}

// Without a stub, generations can only be what a killed creation left: an
// empty database. One holding articles (a stub deleted by hand or by a
// tool) or one that cannot be read is refused, and nothing is touched.
void check_no_live_data(const std::string& path) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(path, ec)) {
    const std::string name = e.path().filename().string();
    if (!name.starts_with(schema::kGenerationPrefix)) continue;
    const long long n = articles_in(e.path());
    if (n == 0) continue;
    const std::string what =
        n < 0 ? "holds a database that cannot be read" : "holds " + std::to_string(n) + " articles";
    throw Error(ErrorCode::kCorruption,
                "index '" + path + "' has no " + std::string(schema::kStubFile) + " but " + name +
                    " " + what +
                    "; refusing to start a new index over it, nothing was changed. "
                    "If it is the live index, restore the stub: echo 'glass " +
                    name + "' > '" + path + "/" + std::string(schema::kStubFile) +
                    "'; to start afresh, remove '" + path + "'");
  }
}

// Creates a new index: the first generation, stamped and committed, and only
// then the stub that makes it visible. A crash at any point leaves either no
// index or a valid empty one.
void create_index(const std::string& path, const AnalyzerOptions* options) {
  check_index_target(path);
  check_no_live_data(path);
  const std::string gen = (std::filesystem::path(path) / kFirstGeneration).string();
  std::error_code ec;
  std::filesystem::remove_all(gen, ec);
  Xapian::WritableDatabase db(gen, Xapian::DB_CREATE);
  stamp_or_check_schema(db, path, analyzer_of(db, options));
  db.close();
  switch_generation(path, kFirstGeneration);
}

// The generation a compaction or merge writes, removed when this dies unless
// the stub names it: a failed run (a full disk) leaves only the live one.
class PendingGeneration {
 public:
  PendingGeneration(std::string index_path, std::string name)
      : index_path_(std::move(index_path)), name_(std::move(name)) {}
  ~PendingGeneration() {
    try {
      if (live_generation(index_path_) == name_) return;
    } catch (...) {
      return;  // the stub is unreadable: keep everything for recovery
    }
    std::error_code ec;
    std::filesystem::remove_all(std::filesystem::path(index_path_) / name_, ec);
  }
  PendingGeneration(const PendingGeneration&) = delete;
  PendingGeneration& operator=(const PendingGeneration&) = delete;

 private:
  std::string index_path_, name_;
};

// Runs before the lock file is created in PATH, so a mistyped --db naming an
// unrelated directory is refused without leaving anything behind.
void check_index_target_if_new(const std::string& path) {
  if (!has_index_layout(path)) check_index_target(path);
}

// Before a switch to @p dir: the new generation opens and holds the
// expected articles. Otherwise it is removed and the live one stays.
void verify_generation(const std::string& dir, Xapian::doccount expected) {
  Xapian::doccount got = 0;
  try {
    got = Xapian::Database(dir).get_doccount();
  } catch (const Xapian::Error& e) {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    throw translate_xapian_error(e, "verifying the new generation '" + dir + "'");
  }
  if (got != expected) {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    throw Error(ErrorCode::kCorruption, "the new generation '" + dir + "' holds " +
                                            std::to_string(got) + " articles instead of " +
                                            std::to_string(expected) + "; it was not used");
  }
}

}  // namespace

IndexStore::IndexStore(const std::string& path) : IndexStore(path, nullptr) {}

IndexStore::IndexStore(const std::string& path, const Analyzer& analyzer)
    : IndexStore(path, &analyzer.options()) {}

IndexStore::IndexStore(const std::string& path, const AnalyzerOptions* options)
    : path_(path), lock_((check_index_target_if_new(path), path)), min_free_(kDefaultMinFreeBytes) {
  try {
    if (!has_index_layout(path)) create_index(path, options);
    db_ = open_writable(path);
    analyzer_.emplace(analyzer_of(db_, options));
    stamp_or_check_schema(db_, path, *analyzer_);
    // Only now that the live generation opened and passed the schema check.
    remove_stale_generations(path, live_generation(path));
    load_totals();
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorCode::kLocked, "index '" + path + "' is locked by another writer");
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "cannot open index '" + path + "' for writing");
  }
}

IndexStore::~IndexStore() = default;

IndexStore::Outcome IndexStore::put(const SourceRecord& article, const std::string& root_key) {
  return write(article, root_key, false);
}

IndexStore::Outcome IndexStore::revise(const SourceRecord& article, const std::string& root_key) {
  return write(article, root_key, true);
}

std::uint32_t IndexStore::term_frequency(const std::string& term) {
  try {
    return db_.get_termfreq(term);
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "reading '" + path_ + "'");
  }
}

std::vector<std::string> IndexStore::ids_with(const std::string& term) {
  std::vector<std::string> ids;
  try {
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
      ids.push_back(decode_stored_article(db_.get_document(*it).get_data()).id);
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "reading '" + path_ + "'");
  }
  return ids;
}

std::optional<std::pair<SourceRecord, std::string>> IndexStore::stored(const std::string& id) {
  const std::string term = id_term(id);
  try {
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return record_of_document(db_.get_document(*it));
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "reading article '" + id + "'");
  }
}

IndexStore::Outcome IndexStore::write(const SourceRecord& article, const std::string& root_key,
                                      bool force) {
  const std::string term = id_term(article.id);
  try {
    // One lookup of the stored version: unchanged, or its shape to replace.
    Outcome outcome = Outcome::kAdded;
    if (Xapian::PostingIterator old = db_.postlist_begin(term); old != db_.postlist_end(term)) {
      const Xapian::Document stored = db_.get_document(*old, Xapian::DOC_ASSUME_VALID);
      if (!force && stored.get_value(schema::kSlotHash) == source_stamp(article.hash, root_key))
        return Outcome::kUnchanged;
      add_shape(stored.get_value(schema::kSlotShape), -1);
      outcome = Outcome::kUpdated;
    }
    variants_.clear();
    const Xapian::Document doc = article_document(article, root_key, *analyzer_, &variants_);
    add_shape(doc.get_value(schema::kSlotShape), +1);
    db_.replace_document(term, doc);
    variant_recorder_.record(db_, variants_);
    dirty_ = true;
    return outcome;
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "writing article '" + article.id + "'");
  }
}

bool IndexStore::unchanged(const std::string& id, const std::string& hash,
                           const std::string& root_key) {
  const std::string term = id_term(id);
  try {
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return false;
    const Xapian::Document doc = db_.get_document(*it, Xapian::DOC_ASSUME_VALID);
    return doc.get_value(schema::kSlotHash) == source_stamp(hash, root_key);
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "reading article '" + id + "'");
  }
}

bool IndexStore::remove(const std::string& id) {
  const std::string term = id_term(id);
  try {
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return false;
    add_shape(db_.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotShape), -1);
    db_.delete_document(term);
    dirty_ = true;
    return true;
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "deleting article '" + id + "'");
  }
}

bool IndexStore::contains(const std::string& id) {
  try {
    return db_.term_exists(id_term(id));
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "reading article '" + id + "'");
  }
}

std::size_t IndexStore::prune(const std::string& root_key,
                              const std::unordered_set<std::string>& seen_id_terms) {
  const std::string root = root_term(root_key);
  try {
    std::vector<Xapian::docid> doomed;
    const std::string prefix(schema::kPrefixId);
    for (auto t = db_.allterms_begin(prefix); t != db_.allterms_end(prefix); ++t) {
      if (seen_id_terms.count(*t)) continue;
      const Xapian::docid did = *db_.postlist_begin(*t);
      Xapian::TermIterator terms = db_.termlist_begin(did);
      terms.skip_to(root);
      if (terms != db_.termlist_end(did) && *terms == root) doomed.push_back(did);
    }
    for (const Xapian::docid did : doomed) {
      add_shape(db_.get_document(did, Xapian::DOC_ASSUME_VALID).get_value(schema::kSlotShape), -1);
      db_.delete_document(did);
      dirty_ = true;
    }
    return doomed.size();
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "pruning '" + path_ + "'");
  }
}

std::size_t IndexStore::root_count(const std::string& root_key) {
  try {
    return db_.get_termfreq(root_term(root_key));
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "reading '" + path_ + "'");
  }
}

IndexStore::Shape IndexStore::shape_of(const std::string& value) {
  unsigned long p = 0, w = 0;
  if (std::sscanf(value.c_str(), "%lu %lu", &p, &w) != 2) return {};
  return {static_cast<double>(p), static_cast<double>(w)};
}

void IndexStore::add_shape(const std::string& value, double sign) {
  const Shape s = shape_of(value);
  totals_.passages += sign * s.passages;
  totals_.words += sign * s.words;
}

// The totals committed with the index, or (for an index written before they
// were kept, or after shards were merged) one pass over the shape values.
void IndexStore::load_totals() {
  const std::string stored = db_.get_metadata(std::string(schema::kMetaShapeTotals));
  written_ = {-1, -1};  // unknown: the next commit writes both keys
  if (!stored.empty()) {
    totals_ = shape_of(stored);
    if (!db_.get_metadata(std::string(schema::kMetaPassageWords)).empty()) written_ = totals_;
    return;
  }
  totals_ = {};
  for (auto v = db_.valuestream_begin(schema::kSlotShape);
       v != db_.valuestream_end(schema::kSlotShape); ++v)
    add_shape(*v, +1);
}

// Drops every change since the last commit. Xapian 1.4 has no call for
// that, but cancelling an unflushed transaction discards all uncommitted
// changes; without it the WritableDatabase destructor commits them.
void IndexStore::discard_uncommitted() {
  try {
    db_.begin_transaction(false);
    db_.cancel_transaction();
    variant_recorder_.forget();
    load_totals();
    dirty_ = false;
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "discarding uncommitted changes to '" + path_ + "'");
  }
}

void IndexStore::commit() {
  if (dirty_ || !(totals_ == written_)) {
    try {
      require_free_space(path_, 0, min_free_, "a commit to '" + path_ + "'");
    } catch (const Error&) {
      discard_uncommitted();  // else the database's destructor would commit them
      throw;
    }
  }
  try {
    if (!(totals_ == written_)) {  // only then: a no-change run writes nothing
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.0f %.0f", totals_.passages, totals_.words);
      db_.set_metadata(std::string(schema::kMetaShapeTotals), buf);
      const double mean = totals_.passages > 0 ? totals_.words / totals_.passages : 0.0;
      db_.set_metadata(std::string(schema::kMetaPassageWords), std::to_string(mean));
      written_ = totals_;
    }
    db_.commit();
    dirty_ = false;
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "committing to '" + path_ + "'");
  }
}

void IndexStore::compact() {
  commit();
  const std::string live = live_generation(path_);
  // A compacted copy is at most the size of what it copies.
  require_free_space(path_, directory_bytes((std::filesystem::path(path_) / live).string()),
                     min_free_, "compacting '" + path_ + "'");
  const std::string next = next_generation(live);
  const std::string next_dir = (std::filesystem::path(path_) / next).string();
  const PendingGeneration pending(path_, next);
  try {
    std::error_code ec;
    std::filesystem::remove_all(next_dir, ec);
    db_.compact(next_dir);
    verify_generation(next_dir, db_.get_doccount());
    db_.close();
    switch_generation(path_, next);
    std::filesystem::remove_all(std::filesystem::path(path_) / live, ec);
    db_ = open_writable(path_);
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "compacting '" + path_ + "'");
  }
}

void IndexStore::adopt_shards(const std::vector<std::string>& shard_dirs) {
  if (db_.get_doccount() != 0)
    throw Error(ErrorCode::kInvalidArgument, "shards can only be merged into an empty index");
  std::uint64_t shard_bytes = 0;
  for (const auto& dir : shard_dirs) shard_bytes += directory_bytes(dir);
  require_free_space(path_, shard_bytes, min_free_, "merging the shards of '" + path_ + "'");
  const std::string live = live_generation(path_);
  const std::string next = next_generation(live);
  const std::string next_dir = (std::filesystem::path(path_) / next).string();
  const PendingGeneration pending(path_, next);
  try {
    Xapian::Database all;
    for (const auto& dir : shard_dirs) all.add_database(Xapian::Database(dir));
    std::error_code ec;
    std::filesystem::remove_all(next_dir, ec);
    all.compact(next_dir);
    verify_generation(next_dir, all.get_doccount());
    all.close();
    {
      // Stamp before the switch: readers never see an unstamped generation.
      // The live one passed the schema check with analyzer_ when opened.
      Xapian::WritableDatabase merged(next_dir, Xapian::DB_OPEN);
      stamp_schema(merged, *analyzer_);
      merged.commit();
    }
    db_.close();
    switch_generation(path_, next);
    std::filesystem::remove_all(std::filesystem::path(path_) / live, ec);
    for (const auto& dir : shard_dirs) std::filesystem::remove_all(dir, ec);
    db_ = open_writable(path_);
    load_totals();
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "merging shards into '" + path_ + "'");
  }
}

std::size_t IndexStore::article_count() const { return db_.get_doccount(); }

}  // namespace newsearch
