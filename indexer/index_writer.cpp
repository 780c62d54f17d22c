// newsearch::IndexWriter (include/newsearch/index_writer.h): in-memory
// articles through the same analysis and store as the indexer's files.
#include "newsearch/index_writer.h"

#include <spdlog/logger.h>

#include <optional>

#include "indexer/article_reader.h"
#include "indexer/date_check.h"
#include "indexer/index_store.h"
#include "indexer/language_choice.h"
#include "newsearch/error.h"
#include "searcher/boundary/log_bridge.h"
#include "searcher/boundary/utf8.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/source_term.h"

namespace newsearch {
namespace {

// The start of an error message about article @p a (its id cut short).
std::string about(const Article& a) { return "article '" + a.id.substr(0, 200) + "'"; }

// Checks that one field is UTF-8 without NUL bytes (the hash below joins
// the fields with NUL); an empty or blank field is allowed.
void check_field(const Article& a, const char* name, const std::string& value) {
  std::string why;
  if (const std::size_t bad = utf8::find_invalid(value); bad != std::string::npos)
    why = "not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ")";
  else if (value.find('\0') != std::string::npos)
    why = "contains a NUL byte";
  if (!why.empty()) throw Error(ErrorCode::kInvalidArgument, about(a) + ": " + name + ": " + why);
}

// The article as the indexer would have read it from a JSON Lines record.
SourceRecord parse(const Article& a) {
  if (a.id.empty()) throw Error(ErrorCode::kInvalidArgument, "article without an id");
  check_field(a, "id", a.id);
  check_field(a, "title", a.title);
  check_field(a, "body", a.body);
  check_field(a, "date", a.date);
  check_field(a, "source", a.source);
  check_field(a, "url", a.url);
  check_field(a, "language", a.language);
  // Fields joined by NUL (which no field holds): equal articles hash
  // equal, and put() of an unchanged article writes nothing.
  const char nul = '\0';
  const std::string hash = content_hash(a.id + nul + a.title + nul + a.body + nul + a.date + nul +
                                        a.source + nul + a.url + nul + a.language);
  try {
    return fielded_article(a, "", hash);
  } catch (const InputError& e) {
    throw Error(ErrorCode::kInvalidArgument, about(a) + ": " + e.what());
  }
}

}  // namespace

struct IndexWriter::Impl {
  IndexWriterOptions options;
  std::shared_ptr<spdlog::logger> log;
  std::optional<IndexStore> store;  // analyses with the index's analyzer
  std::size_t pending = 0;          // changes since the last commit

  void changed_one() {
    ++pending;
    if (options.auto_commit > 0 && pending >= options.auto_commit) commit();
  }

  void commit() {
    store->commit();
    if (log) log->debug("committed {} changes; {} articles", pending, store->article_count());
    pending = 0;
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::IndexWriter(IndexWriter&&) noexcept = default;
IndexWriter& IndexWriter::operator=(IndexWriter&&) noexcept = default;

IndexWriter::~IndexWriter() {
  if (!impl_) return;  // moved from
  try {
    if (impl_->pending > 0) impl_->commit();
  } catch (const std::exception& e) {
    if (impl_->log) impl_->log->error("final commit failed: {}", e.what());
  }
}

IndexWriter IndexWriter::open(const std::string& path, const IndexWriterOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->log = make_library_logger("newsearch.writer", options.log);
  impl->store.emplace(path, Analyzer(AnalyzerOptions{options.default_language}));
  impl->store->set_min_free_bytes(impl->options.min_free_bytes);
  if (impl->log)
    impl->log->info("opened {} for writing ({} articles)", path, impl->store->article_count());
  return IndexWriter(std::move(impl));
}

IndexWriter::PutResult IndexWriter::put(const Article& article) {
  PutNotes notes;
  return put(article, notes);
}

IndexWriter::PutResult IndexWriter::put(const Article& article, PutNotes& notes) {
  SourceRecord parsed = parse(article);
  const std::optional<std::string> bad_date = drop_bad_date(parsed);
  if (impl_->log && bad_date)
    impl_->log->warn("{}: {}", about(article), bad_date_message(*bad_date));
  const std::optional<std::string> bad_language = drop_bad_language(parsed);
  if (impl_->log && bad_language)
    impl_->log->warn("{}: {}", about(article), bad_language_message(*bad_language));
  Analyzer& analyzer = impl_->store->analyzer();
  if (impl_->log && !parsed.source.empty() && source_term(analyzer, parsed.source).empty())
    impl_->log->warn(
        "{}: source '{}' has no letters or digits: no SearchOptions::sources can select it",
        about(article), parsed.source);
  const std::string root(schema::kApiRootKey);
  const IndexStore::Outcome outcome = impl_->store->put(parsed, root);
  notes = {bad_date.value_or(""), bad_language.value_or("")};
  switch (outcome) {
    case IndexStore::Outcome::kUnchanged: return PutResult::kUnchanged;
    case IndexStore::Outcome::kAdded: impl_->changed_one(); return PutResult::kAdded;
    case IndexStore::Outcome::kUpdated: break;
  }
  impl_->changed_one();
  return PutResult::kReplaced;
}

bool IndexWriter::remove(std::string_view id) {
  if (!impl_->store->remove(std::string(id))) return false;
  impl_->changed_one();
  return true;
}

bool IndexWriter::contains(std::string_view id) { return impl_->store->contains(std::string(id)); }

void IndexWriter::commit() { impl_->commit(); }

void IndexWriter::compact() {
  impl_->commit();
  impl_->store->compact();
  if (impl_->log) impl_->log->info("compacted");
}

std::size_t IndexWriter::article_count() const { return impl_->store->article_count(); }

}  // namespace newsearch
