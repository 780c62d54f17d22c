#include "searcher/format/schema_check.h"

#include <vector>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"

namespace newsearch {
namespace {

// The settings of every analyzer this build can make, the default first. An
// index names its analyzer by Analyzer::analyzer_id(); today there is one.
const std::vector<AnalyzerOptions>& known_analyzers() {
  static const std::vector<AnalyzerOptions> kKnown{AnalyzerOptions{}};
  return kKnown;
}

// The analyzer whose id is @p id, or the default (see analyzer_for_index()).
Analyzer analyzer_for_id(const std::string& id) {
  for (const AnalyzerOptions& options : known_analyzers()) {
    Analyzer analyzer(options);
    if (analyzer.analyzer_id() == id) return analyzer;
  }
  return Analyzer(known_analyzers().front());
}

std::string metadata(const Xapian::Database& db, std::string_view key) {
  return db.get_metadata(std::string(key));
}

// What both sides advise for an index of another format: it cannot be read
// or written in place (the indexer refuses it too), only built again.
constexpr const char* kRebuild = ": remove it and index again";

}  // namespace

Analyzer analyzer_for_index(const Xapian::Database& db) {
  return analyzer_for_id(metadata(db, schema::kMetaAnalyzer));
}

void check_schema(const Xapian::Database& db, const std::string& path, const Analyzer& analyzer) {
  const std::string schema = metadata(db, schema::kMetaSchema);
  if (schema.empty())
    throw Error(ErrorCode::kSchemaMismatch, "'" + path + "' is not a newsearch index");
  if (schema != std::to_string(schema::kSchemaVersion))
    throw Error(ErrorCode::kSchemaMismatch, "index '" + path + "' has schema version " + schema +
                                                ", this build reads " +
                                                std::to_string(schema::kSchemaVersion) + kRebuild);
  const std::string id = metadata(db, schema::kMetaAnalyzer);
  if (id != analyzer.analyzer_id())
    throw Error(ErrorCode::kSchemaMismatch, "index '" + path + "' was analysed with '" + id +
                                                "', this build uses '" + analyzer.analyzer_id() +
                                                "'" + kRebuild);
}

void stamp_schema(Xapian::WritableDatabase& db, const Analyzer& analyzer) {
  db.set_metadata(std::string(schema::kMetaSchema), std::to_string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kMetaAnalyzer), analyzer.analyzer_id());
}

void stamp_or_check_schema(Xapian::WritableDatabase& db, const std::string& path,
                           const Analyzer& analyzer) {
  if (metadata(db, schema::kMetaSchema).empty() && db.get_doccount() == 0) {
    stamp_schema(db, analyzer);
    db.commit();
    return;
  }
  check_schema(db, path, analyzer);
}

}  // namespace newsearch
