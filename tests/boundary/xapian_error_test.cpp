#include <catch2/catch.hpp>

#include <xapian.h>

#include <string>

#include "newsearch/error.h"
#include "searcher/boundary/xapian_error.h"

using newsearch::ErrorCode;
using newsearch::translate_xapian_error;

namespace {

ErrorCode code(const Xapian::Error& e) { return translate_xapian_error(e, "context").code(); }

std::string what(const Xapian::Error& e, const std::string& context) {
  return translate_xapian_error(e, context).what();
}

}  // namespace

TEST_CASE("translate_xapian_error maps each Xapian error type to its code", "[boundary][xapian]") {
  CHECK(code(Xapian::DatabaseLockError("held")) == ErrorCode::kLocked);
  CHECK(code(Xapian::DatabaseNotFoundError("gone")) == ErrorCode::kNotFound);
  CHECK(code(Xapian::DatabaseCorruptError("bad")) == ErrorCode::kCorruption);
  CHECK(code(Xapian::DatabaseVersionError("old")) == ErrorCode::kSchemaMismatch);
  CHECK(code(Xapian::DatabaseOpeningError("no")) == ErrorCode::kCorruption);
  CHECK(code(Xapian::DatabaseError("io")) == ErrorCode::kIOError);
  CHECK(code(Xapian::DatabaseModifiedError("moved")) == ErrorCode::kIOError);
  CHECK(code(Xapian::InvalidArgumentError("arg")) == ErrorCode::kInvalidArgument);
  CHECK(code(Xapian::RangeError("range")) == ErrorCode::kInvalidArgument);
  // Any other type is an internal error.
  CHECK(code(Xapian::QueryParserError("query")) == ErrorCode::kInternal);
  CHECK(code(Xapian::DocNotFoundError("doc")) == ErrorCode::kInternal);
}

TEST_CASE("translate_xapian_error: context, type, message and error string", "[boundary][xapian]") {
  CHECK(what(Xapian::DatabaseLockError("held"), "opening /x") ==
        "opening /x: DatabaseLockError: held");
  CHECK(what(Xapian::DatabaseError("write failed", "", "boom"), "c") ==
        "c: DatabaseError: write failed (boom)");
}
