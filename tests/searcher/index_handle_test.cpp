// IndexHandles (searcher/index_handle.h): a handle follows a compaction
// between two uses, picks up commits after reopen(), and opening refuses
// what is not an index.
#include <catch2/catch.hpp>

#include <string>

#include "newsearch/error.h"
#include "newsearch/index_writer.h"
#include "searcher/index_handle.h"
#include "tests/support/temp_dir.h"

using newsearch::IndexHandle;
using newsearch::IndexHandles;

namespace {

void put(newsearch::IndexWriter& w, int i) {
  newsearch::Article a;
  a.id = "a" + std::to_string(i);
  a.title = "Story " + std::to_string(i);
  a.body = "Ceasefire talks, part " + std::to_string(i) + ".";
  w.put(a);
}

struct Seen {
  std::string stub;
  Xapian::doccount articles = 0;
};

Seen look(IndexHandles& handles) {
  return handles.with_handle("looking", [](IndexHandle& h) {
    return Seen{h.stub, h.db.get_doccount()};
  });
}

}  // namespace

TEST_CASE("IndexHandles: a compaction between two searches is noticed, a commit after reopen()",
          "[searcher][index_handle]") {
  newsearch::test::TempDir t;
  const std::string path = t / "index";
  auto writer = newsearch::IndexWriter::open(path);
  for (int i = 0; i < 3; ++i) put(writer, i);
  writer.commit();

  IndexHandles handles(path, nullptr);
  const Seen first = look(handles);
  CHECK(first.articles == 3);

  put(writer, 3);
  writer.compact();                   // commits, then switches the stub to a new generation
  const Seen second = look(handles);  // the same (pooled) handle, no reopen()
  CHECK(second.stub != first.stub);
  CHECK(second.articles == 4);

  put(writer, 4);
  writer.commit();
  CHECK(look(handles).articles == 4);  // a commit waits for reopen()
  handles.reopen();
  CHECK(look(handles).articles == 5);
}

TEST_CASE("IndexHandles: opening a missing index fails with the indexer's advice",
          "[searcher][index_handle]") {
  newsearch::test::TempDir t;
  const std::string path = t / "none";
  try {
    IndexHandles handles(path, nullptr);
    FAIL("opened a missing index");
  } catch (const newsearch::Error& e) {
    CHECK(e.code() == newsearch::ErrorCode::kNotFound);
    CHECK(std::string(e.what()) ==
          "no index at '" + path + "': build one with 'indexer --db " + path + " DIR'");
  }
}

TEST_CASE("IndexHandles: the caller's errors pass through untranslated",
          "[searcher][index_handle]") {
  newsearch::test::TempDir t;
  const std::string path = t / "index";
  {
    auto writer = newsearch::IndexWriter::open(path);
    put(writer, 0);
    writer.commit();
  }
  IndexHandles handles(path, nullptr);
  CHECK_THROWS_WITH(handles.run("searching",
                                [](IndexHandle&) {
                                  throw newsearch::Error(newsearch::ErrorCode::kQuerySyntax,
                                                         "bad query");
                                }),
                    "bad query");
  CHECK(look(handles).articles == 1);
}
