// Word normalisation: the "fold" step of the analysis (see analyzer.h, steps
// 2 and 3). Internal to newsearch::analysis.
#pragma once

#include <unicode/normalizer2.h>

#include <string>
#include <string_view>

namespace newsearch {

/// Maps one word's surface form to its normalised term. Stateless after
/// construction and safe to share between threads.
class Folder {
 public:
  /// @throws Error(kInternal) if ICU's normalisation data is unavailable.
  Folder();

  /// NFKC + case fold + accents removed from Latin, Greek and Cyrillic
  /// letters + Arabic normalisation (folding.cpp), then the apostrophe, full-stop and
  /// digit-group rules. Returns "" if nothing is left.
  std::string fold(std::string_view word) const;

 private:
  std::string fold_unicode(std::string_view word) const;

  const icu::Normalizer2* nfkc_cf_;
  const icu::Normalizer2* nfd_;
  const icu::Normalizer2* nfc_;
};

}  // namespace newsearch
