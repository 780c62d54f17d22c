/** @file newsearch.h
 *  @brief Umbrella header: everything an embedding application needs.
 */
#pragma once

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "newsearch/paths.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"
#include "newsearch/searcher.h"
#include "newsearch/version.h"
