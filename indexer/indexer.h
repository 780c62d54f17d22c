// The indexing run: sources → articles → index, with batched commits.
#pragma once

#include "indexer/indexer_options.h"

namespace newsearch {

/// Indexes every source record into options.db_path. Bad records are
/// skipped, logged with their path and reason, and counted.
/// @throws Error(kNotFound) for a missing SOURCE, Error(kLocked) if another
///   run holds the index, other Error codes for index failures. Everything
///   committed before a failure stays searchable.
IndexStats run_indexer(const IndexerOptions& options);

}  // namespace newsearch
