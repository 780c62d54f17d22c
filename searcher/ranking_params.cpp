#include "searcher/ranking_params.h"

namespace newsearch {

const RankingParams& ranking_params() {
  static const RankingParams params;
  return params;
}

}  // namespace newsearch
