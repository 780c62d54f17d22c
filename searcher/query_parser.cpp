#include "searcher/query_parser.h"

#include <algorithm>
#include <array>
#include <optional>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace {

[[noreturn]] void syntax_error(const std::string& message) {
  throw Error(ErrorCode::kQuerySyntax, message);
}

struct Lexeme {
  enum class Kind { kWord, kPhrase, kLParen, kRParen, kAnd, kOr, kNot, kMinus };
  Kind kind;
  std::string text;
  bool title = false;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Length of an opening/closing double quote at q[i]: ASCII " or “ ” „.
std::size_t quote_len(std::string_view q, std::size_t i) {
  if (q[i] == '"') return 1;
  for (std::string_view s : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E"})
    if (q.substr(i, s.size()) == s) return s.size();
  return 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  std::vector<Lexeme> run() {
    while (skip_spaces(), i_ < q_.size()) next();
    return std::move(out_);
  }

 private:
  void skip_spaces() {
    while (i_ < q_.size() && is_space(q_[i_])) ++i_;
  }

  void next() {
    const char c = q_[i_];
    if (c == '(' || c == ')') {
      out_.push_back({c == '(' ? Lexeme::Kind::kLParen : Lexeme::Kind::kRParen, {}});
      ++i_;
    } else if (quote_len(q_, i_) > 0) {
      phrase(false);
    } else if (c == '-' && i_ + 1 < q_.size() && !is_space(q_[i_ + 1]) && q_[i_ + 1] != '-') {
      out_.push_back({Lexeme::Kind::kMinus, "-"});
      ++i_;
    } else {
      word();
    }
  }

  void phrase(bool title) {
    const std::size_t open = quote_len(q_, i_);
    std::size_t j = i_ + open;
    while (j < q_.size() && quote_len(q_, j) == 0) ++j;
    if (j >= q_.size())
      syntax_error("unbalanced quote: the phrase starting at '" + std::string(q_.substr(i_, 40)) +
                   "' has no closing \"");
    out_.push_back(
        {Lexeme::Kind::kPhrase, std::string(q_.substr(i_ + open, j - i_ - open)), title});
    i_ = j + quote_len(q_, j);
  }

  void word() {
    std::size_t j = i_;
    while (j < q_.size() && !is_space(q_[j]) && q_[j] != '(' && q_[j] != ')' &&
           quote_len(q_, j) == 0)
      ++j;
    std::string w(q_.substr(i_, j - i_));
    i_ = j;
    if (w == "AND" || w == "OR" || w == "NOT") {
      out_.push_back({w == "AND"  ? Lexeme::Kind::kAnd
                      : w == "OR" ? Lexeme::Kind::kOr
                                  : Lexeme::Kind::kNot,
                      w});
      return;
    }
    if (w.size() >= 6 && std::equal(w.begin(), w.begin() + 6,
                                    "title:", [](char a, char b) { return (a | 0x20) == b; })) {
      if (w.size() == 6) {
        if (i_ < q_.size() && quote_len(q_, i_) > 0) return phrase(true);
        syntax_error("'title:' must be followed by a word or a \"phrase\"");
      }
      out_.push_back({Lexeme::Kind::kWord, w.substr(6), true});
      return;
    }
    out_.push_back({Lexeme::Kind::kWord, std::move(w)});
  }

  std::string_view q_;
  std::size_t i_ = 0;
  std::vector<Lexeme> out_;
};

using Node = QueryNode;
using MaybeNode = std::optional<QueryNode>;

Node combine(Node::Op op, std::vector<Node> children) {
  if (children.size() == 1) return std::move(children.front());
  Node n;
  n.op = op;
  n.children = std::move(children);
  return n;
}

class Parser {
 public:
  Parser(std::vector<Lexeme> lex, Analyzer& analyzer, const ParseContext& context)
      : lex_(std::move(lex)), an_(analyzer), context_(context) {}

  Node parse() {
    MaybeNode root = sequence();
    if (pos_ < lex_.size()) {  // only a stray ')' stops sequence() early
      syntax_error("unbalanced parenthesis: unexpected ')'");
    }
    if (!root) syntax_error("the query has no searchable words");
    if (leaves_ > kMaxQueryLeaves)
      syntax_error("query too long: " + std::to_string(leaves_) + " words (limit " +
                   std::to_string(kMaxQueryLeaves) + ")");
    return std::move(*root);
  }

 private:
  using Kind = Lexeme::Kind;

  bool at(Kind k) const { return pos_ < lex_.size() && lex_[pos_].kind == k; }
  bool at_operator() const { return at(Kind::kAnd) || at(Kind::kOr) || at(Kind::kNot); }

  [[noreturn]] void operator_error() const {
    syntax_error("operator " + lex_[pos_].text + " must stand between two words");
  }

  // clause+ : soft AND of the positive clauses, minus the excluded ones.
  MaybeNode sequence() {
    std::vector<Node> positive, negative;
    bool had_negative = false;
    while (pos_ < lex_.size() && !at(Kind::kRParen)) {
      if (at_operator()) operator_error();
      const bool negate = at(Kind::kMinus);
      if (negate) ++pos_;
      if (negate && (pos_ >= lex_.size() || at_operator() || at(Kind::kRParen)))
        syntax_error("'-' must be followed by a word or a \"phrase\" to exclude");
      MaybeNode g = group();
      had_negative |= negate;
      if (g) (negate ? negative : positive).push_back(std::move(*g));
    }
    drop_stopwords(positive);
    if (positive.empty()) {
      if (had_negative) syntax_error("the query only excludes words: add a word to search for");
      return std::nullopt;
    }
    Node pos = combine(Node::Op::kSoftAnd, std::move(positive));
    if (negative.empty()) return pos;
    Node n;
    n.op = Node::Op::kAndNot;
    n.children.push_back(std::move(pos));
    for (auto& x : negative) n.children.push_back(std::move(x));
    return n;
  }

  // A soft AND keeps its stopwords only when they are all it has.
  static void drop_stopwords(std::vector<Node>& nodes) {
    auto is_stop = [](const Node& n) { return n.op == Node::Op::kLeaf && n.leaf.stopword; };
    if (std::all_of(nodes.begin(), nodes.end(), is_stop)) return;
    std::erase_if(nodes, is_stop);
  }

  MaybeNode group() {
    MaybeNode left = either();
    while (at(Kind::kAnd) || at(Kind::kNot)) {
      const bool is_not = at(Kind::kNot);
      const std::string op = lex_[pos_].text;
      ++pos_;
      if (pos_ >= lex_.size() || at_operator() || at(Kind::kRParen))
        syntax_error("operator " + op + " needs a word on its right");
      MaybeNode right = either();
      if (!left) {
        if (is_not) syntax_error("operator NOT needs a word on its left");
        left = std::move(right);
      } else if (right) {
        std::vector<Node> kids;
        kids.push_back(std::move(*left));
        kids.push_back(std::move(*right));
        left = combine(is_not ? Node::Op::kAndNot : Node::Op::kAnd, std::move(kids));
      }
    }
    return left;
  }

  MaybeNode either() {
    std::vector<Node> alternatives;
    if (MaybeNode first = primary()) alternatives.push_back(std::move(*first));
    while (at(Kind::kOr)) {
      ++pos_;
      if (pos_ >= lex_.size() || at_operator() || at(Kind::kRParen))
        syntax_error("operator OR needs a word on its right");
      if (MaybeNode next = primary()) alternatives.push_back(std::move(*next));
    }
    if (alternatives.empty()) return std::nullopt;
    return combine(Node::Op::kOr, std::move(alternatives));
  }

  MaybeNode primary() {
    if (pos_ >= lex_.size()) syntax_error("the query ends where a word was expected");
    const Lexeme& l = lex_[pos_];
    if (l.kind == Kind::kLParen) {
      // The parse recurses once per level: bounded, so that no query can
      // exhaust the stack (of the parser, the query builder or Xapian's
      // matcher, which all walk the tree recursively).
      if (++depth_ > kMaxQueryNesting)
        syntax_error("query nested too deeply: more than " + std::to_string(kMaxQueryNesting) +
                     " levels of parentheses");
      ++pos_;
      MaybeNode inner = sequence();
      if (!at(Kind::kRParen)) syntax_error("unbalanced parenthesis: missing ')'");
      ++pos_;
      --depth_;
      return inner;
    }
    if (l.kind == Kind::kRParen) syntax_error("unbalanced parenthesis: unexpected ')'");
    if (l.kind == Kind::kMinus) syntax_error("'-' can only start a word of the query");
    if (l.kind != Kind::kWord && l.kind != Kind::kPhrase) {
      if (pos_ == 0) syntax_error("operator " + l.text + " needs a word on its left");
      operator_error();
    }
    ++pos_;
    return make_leaf(l);
  }

  MaybeNode make_leaf(const Lexeme& l) {
    Node n;
    QueryLeaf& leaf = n.leaf;
    leaf.text = l.text;
    leaf.exact = l.kind == Kind::kPhrase;
    leaf.title_only = l.title;
    const std::vector<Token> tokens = an_.analyze(l.text);
    std::string joined;  // a hyphenated word's joined form
    for (const Token& t : tokens) {
      if (t.joined) {
        if (!leaf.exact && t.byte_begin == tokens.front().byte_begin) joined = t.term;
        continue;
      }
      leaf.terms.push_back(t.term);
    }
    if (leaf.terms.empty()) return std::nullopt;
    if (leaf.terms.size() == 1 && !leaf.exact) joined = leaf.terms[0];
    if (!joined.empty())
      for (const std::string& lang : context_.languages)
        leaf.stems.push_back({lang, an_.stem(joined, lang)});
    leaf.stopword = !leaf.exact && leaf.terms.size() == 1 && context_.is_stopword &&
                    context_.is_stopword(leaf.terms[0]);
    leaves_ += leaf.terms.size();  // a phrase counts as its words
    return n;
  }

  std::vector<Lexeme> lex_;
  Analyzer& an_;
  const ParseContext& context_;
  std::size_t pos_ = 0;
  std::size_t leaves_ = 0;
  std::size_t depth_ = 0;  // parentheses open at pos_
};

void collect_positive(const QueryNode& n, std::vector<const QueryLeaf*>& out) {
  if (n.op == QueryNode::Op::kLeaf) {
    out.push_back(&n.leaf);
    return;
  }
  const std::size_t count = n.op == QueryNode::Op::kAndNot ? 1 : n.children.size();
  for (std::size_t i = 0; i < count; ++i) collect_positive(n.children[i], out);
}

}  // namespace

QueryNode parse_query(std::string_view query, Analyzer& analyzer, const ParseContext& context) {
  if (query.size() > kMaxQueryBytes)
    syntax_error("query too long: " + std::to_string(query.size()) + " bytes (limit " +
                 std::to_string(kMaxQueryBytes) + ")");
  if (utf8::find_invalid(query) != std::string_view::npos)
    syntax_error("the query is not valid UTF-8");
  if (std::all_of(query.begin(), query.end(), is_space)) syntax_error("empty query");
  return Parser(Lexer(query).run(), analyzer, context).parse();
}

QueryNode parse_query(std::string_view query, Analyzer& analyzer) {
  const std::string lang = analyzer.default_language();
  const ParseContext context{
      {lang}, [&](const std::string& term) { return analyzer.is_stopword(term, lang); }};
  return parse_query(query, analyzer, context);
}

std::vector<const QueryLeaf*> positive_leaves(const QueryNode& root) {
  std::vector<const QueryLeaf*> out;
  collect_positive(root, out);
  return out;
}

}  // namespace newsearch
