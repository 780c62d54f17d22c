// decode_stored_article on arbitrary bytes (a damaged index): it fails only
// with newsearch::Error; what it accepts has passages inside the body and
// survives an encode/decode round trip unchanged.
#include <algorithm>
#include <cstdint>

#include "newsearch/error.h"
#include "searcher/format/stored_article.h"
#include "tests/fuzz/fuzz_support.h"

namespace nf = newsearch::fuzz;

namespace {

bool same(const newsearch::DroppedLine& a, const newsearch::DroppedLine& b) {
  return a.text == b.text && a.cls == b.cls && a.number == b.number;
}

bool same(const newsearch::StoredArticle& a, const newsearch::StoredArticle& b) {
  return a.id == b.id && a.title == b.title && a.body == b.body && a.source_path == b.source_path &&
         a.date == b.date && a.source == b.source && a.url == b.url && a.lang == b.lang &&
         a.passages == b.passages && a.title_derived == b.title_derived &&
         a.date_source == b.date_source &&
         std::equal(a.dropped.begin(), a.dropped.end(), b.dropped.begin(), b.dropped.end(),
                    [](const auto& x, const auto& y) { return same(x, y); });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsearch::StoredArticle rec;
  try {
    rec = newsearch::decode_stored_article(nf::as_text(data, size));
  } catch (const newsearch::Error&) {
    return 0;
  }
  for (const auto& [b, e] : rec.passages)
    nf::require(b <= e && e <= rec.body.size(), "decoded passages inside the body");
  for (const auto& d : rec.dropped)
    nf::require(newsearch::line_class_from_name(newsearch::line_class_name(d.cls)) == d.cls,
                "decoded dropped lines have a known class");
  const std::string again = newsearch::encode_stored_article(rec);
  nf::require(same(newsearch::decode_stored_article(again), rec), "an accepted record round-trips");
  return 0;
}
