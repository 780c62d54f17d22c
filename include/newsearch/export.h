/** @file export.h
 *  @brief NEWSEARCH_API: marks the symbols the shared library exports.
 *
 *  The library is built with hidden visibility; only declarations marked
 *  NEWSEARCH_API are part of its ABI. Applications never define anything
 *  here.
 */
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define NEWSEARCH_API __attribute__((visibility("default")))
#else
#define NEWSEARCH_API
#endif
