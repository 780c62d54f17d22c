#include "searcher/query_builder.h"

#include "searcher/format/index_schema.h"

namespace newsearch {
namespace {

std::string with(std::string_view prefix, const std::string& term) {
  std::string s(prefix);
  s += term;
  return s;
}

// The leaf in one field: body (no prefix) or headline (S prefix).
Xapian::Query field_query(const QueryLeaf& leaf, bool headline) {
  const std::string_view exact = headline ? schema::kPrefixHeadline : std::string_view();
  const std::string_view stem = headline ? schema::kPrefixHeadlineStem : schema::kPrefixStem;
  if (leaf.terms.size() == 1)
    return leaf.exact ? Xapian::Query(with(exact, leaf.terms[0]))
                      : Xapian::Query(with(stem, leaf.stems[0]));
  std::vector<Xapian::Query> parts;
  for (const auto& t : leaf.terms) parts.emplace_back(with(exact, t));
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(),
                       static_cast<Xapian::termcount>(parts.size()));
  if (leaf.joined_stem.empty()) return phrase;
  return Xapian::Query(Xapian::Query::OP_OR, phrase,
                       Xapian::Query(with(stem, leaf.joined_stem)));
}

Xapian::Query build(const QueryNode& n, bool strict, double boost, bool& soft) {
  using Op = QueryNode::Op;
  if (n.op == Op::kLeaf) return leaf_query(n.leaf, boost);
  std::vector<Xapian::Query> kids;
  for (const auto& c : n.children) kids.push_back(build(c, strict, boost, soft));
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

Xapian::Query leaf_query(const QueryLeaf& leaf, double headline_boost) {
  const Xapian::Query headline = field_query(leaf, true);
  if (leaf.title_only) return headline;
  // One BM25 term over headline and body together (wdf summed, as if the
  // article were one text), plus the headline's own weight scaled by the boost.
  Xapian::Query article(Xapian::Query::OP_SYNONYM, field_query(leaf, false), headline);
  if (headline_boost <= 0) return article;
  return Xapian::Query(Xapian::Query::OP_OR, article,
                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, headline, headline_boost));
}

BuiltQuery build_query(const QueryNode& root, double headline_boost) {
  BuiltQuery q;
  q.strict = build(root, true, headline_boost, q.has_soft_and);
  q.loose = build(root, false, headline_boost, q.has_soft_and);
  return q;
}

}  // namespace newsearch
