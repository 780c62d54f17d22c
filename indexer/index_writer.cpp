#include "indexer/index_writer.h"

#include <filesystem>

#include "indexer/document_builder.h"
#include "newsearch/error.h"
#include "searcher/analysis/index_schema.h"
#include "searcher/analysis/xapian_error.h"

namespace newsearch {
namespace {

void stamp_or_check_schema(Xapian::WritableDatabase& db, const std::string& path,
                           const Analyzer& analyzer) {
  const std::string schema_key(schema::kMetaSchema), analyzer_key(schema::kMetaAnalyzer);
  const std::string schema = db.get_metadata(schema_key);
  if (schema.empty() && db.get_doccount() == 0) {
    db.set_metadata(schema_key, std::to_string(schema::kSchemaVersion));
    db.set_metadata(analyzer_key, analyzer.analyzer_id());
    db.commit();
    return;
  }
  if (schema != std::to_string(schema::kSchemaVersion) ||
      db.get_metadata(analyzer_key) != analyzer.analyzer_id())
    throw Error(ErrorCode::kSchemaMismatch,
                "index '" + path + "' was built by another version of newsearch (schema '" +
                    schema + "', analyzer '" + db.get_metadata(analyzer_key) +
                    "'): remove it and index again");
}

// Refuses to turn an unrelated non-empty directory (say, a mistyped --db
// pointing at a home directory) into an index.
void check_target_directory(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(path, ec) || fs::is_empty(path, ec)) return;
  if (fs::exists(fs::path(path) / "iamglass", ec)) return;
  throw Error(ErrorCode::kInvalidArgument,
              "'" + path + "' exists and is not an index; refusing to write into it");
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, Analyzer& analyzer)
    : path_(path), analyzer_(analyzer) {
  check_target_directory(path);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  try {
    db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    stamp_or_check_schema(db_, path, analyzer_);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorCode::kLocked, "index '" + path + "' is locked by another indexer run");
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "cannot open index '" + path + "' for writing");
  }
}

IndexWriter::~IndexWriter() = default;

IndexWriter::Outcome IndexWriter::put(const Article& article) {
  const std::string term = id_term(article.id);
  try {
    Outcome outcome = Outcome::kAdded;
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it != db_.postlist_end(term)) {
      if (db_.get_document(*it).get_value(schema::kSlotHash) == article.hash)
        return Outcome::kUnchanged;
      outcome = Outcome::kUpdated;
    }
    db_.replace_document(term, build_document(article, analyzer_));
    return outcome;
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "writing article '" + article.id + "'");
  }
}

void IndexWriter::commit() {
  try {
    db_.commit();
  } catch (const Xapian::Error& e) {
    throw translate_xapian_error(e, "committing to '" + path_ + "'");
  }
}

}  // namespace newsearch
