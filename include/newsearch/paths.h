/** @file paths.h
 *  @brief Where the index lives by default (shared by indexer and search).
 */
#pragma once

#include <string>

#include "newsearch/export.h"

namespace newsearch {

/// The index location used when none is given: $NEWSEARCH_DB if set and not
/// empty, else ${XDG_DATA_HOME:-$HOME/.local/share}/newsearch/index.
/// @throws Error(kInvalidArgument) if neither NEWSEARCH_DB nor HOME is set.
NEWSEARCH_API std::string default_index_path();

}  // namespace newsearch
