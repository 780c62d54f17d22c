#include "searcher/query_builder.h"

namespace newsearch {
namespace {

Xapian::Query build(const QueryNode& n, const LeafMatches& matches, bool strict, double boost,
                    bool& soft) {
  using Op = QueryNode::Op;
  if (n.op == Op::kLeaf) return leaf_query(matches.of(n.leaf), boost);
  std::vector<Xapian::Query> kids;
  for (const auto& c : n.children) kids.push_back(build(c, matches, strict, boost, soft));
  Xapian::Query::op op = Xapian::Query::OP_OR;
  switch (n.op) {
    case Op::kSoftAnd:
      soft = true;
      op = strict ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
      break;
    case Op::kAnd: op = Xapian::Query::OP_AND; break;
    case Op::kOr: op = Xapian::Query::OP_OR; break;
    case Op::kAndNot: op = Xapian::Query::OP_AND_NOT; break;
    case Op::kLeaf: break;
  }
  return Xapian::Query(op, kids.begin(), kids.end());
}

}  // namespace

Xapian::Query leaf_query(const LeafMatch& leaf, double headline_boost) {
  const Xapian::Query headline = leaf.query(MatchField::kHeadline);
  if (!leaf.applies_to(MatchField::kBody)) return headline;
  // One BM25 term over headline and body together (wdf summed, as if the
  // article were one text), plus the headline's own weight scaled by the boost.
  Xapian::Query article(Xapian::Query::OP_SYNONYM, leaf.query(MatchField::kBody), headline);
  if (headline_boost <= 0) return article;
  return Xapian::Query(Xapian::Query::OP_OR, article,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, headline, headline_boost));
}

BuiltQuery build_query(const QueryNode& root, const LeafMatches& matches, double headline_boost) {
  BuiltQuery q;
  q.strict = build(root, matches, true, headline_boost, q.has_soft_and);
  q.loose = build(root, matches, false, headline_boost, q.has_soft_and);
  return q;
}

}  // namespace newsearch
