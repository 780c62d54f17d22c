#include "indexer/variant_recorder.h"

namespace newsearch {

void VariantRecorder::record(Xapian::WritableDatabase& db, const Variants& variants) {
  std::string key;
  for (const auto& [stem_term, form] : variants) {
    key.assign(stem_term);
    const std::size_t stem_key_size = key.size();
    key.push_back('\0');
    key.append(form);
    if (seen_.count(key)) continue;
    if (seen_.size() >= kMaxRemembered) seen_.clear();
    db.add_synonym(key.substr(0, stem_key_size), form);
    seen_.insert(key);
  }
}

}  // namespace newsearch
