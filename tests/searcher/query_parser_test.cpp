#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/error.h"
#include "searcher/query_parser.h"

using newsearch::Analyzer;
using newsearch::Error;
using newsearch::ErrorCode;
using newsearch::parse_query;
using newsearch::positive_leaves;
using newsearch::QueryLeaf;
using newsearch::QueryNode;

namespace {

// A compact, unambiguous rendering of a parse tree:
//   leaf       terms joined by '-' (a hyphenated word) or "quoted" when exact,
//              prefixed with title: when title_only
//   operators  SOFT[..] AND[..] OR[..] NOT[first rest...]
std::string render(const QueryNode& n) {
  using Op = QueryNode::Op;
  if (n.op == Op::kLeaf) {
    std::string s = n.leaf.title_only ? "title:" : "";
    std::string body;
    for (const auto& t : n.leaf.terms) body += (body.empty() ? "" : (n.leaf.exact ? " " : "-")) + t;
    s += n.leaf.exact ? "\"" + body + "\"" : body;
    return s;
  }
  std::string name = n.op == Op::kSoftAnd ? "SOFT"
                     : n.op == Op::kAnd   ? "AND"
                     : n.op == Op::kOr    ? "OR"
                                          : "NOT";
  std::string s = name + "[";
  for (std::size_t i = 0; i < n.children.size(); ++i) s += (i ? " " : "") + render(n.children[i]);
  return s + "]";
}

std::string parse(const std::string& q) {
  Analyzer an;
  return render(parse_query(q, an));
}

// Parses @p q expecting a syntax error; returns its message.
std::string syntax_error_of(const std::string& q) {
  Analyzer an;
  try {
    parse_query(q, an);
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kQuerySyntax);
    return e.what();
  }
  FAIL("no error for query '" << q << "'");
  return {};
}

std::vector<std::string> positive_texts(const std::string& q) {
  Analyzer an;
  const QueryNode root = parse_query(q, an);
  std::vector<std::string> out;
  for (const QueryLeaf* l : positive_leaves(root)) {
    std::string s;
    for (const auto& t : l->terms) s += (s.empty() ? "" : " ") + t;
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("parse_query builds the documented tree", "[query_parser]") {
  struct Row {
    const char* query;
    const char* tree;
  };
  const Row rows[] = {
      // plain words: soft AND
      {"Libya", "libya"},
      {"Idlib ceasefire", "SOFT[idlib ceasefire]"},
      {"Turkey Russia Libya", "SOFT[turkey russia libya]"},
      {"  Idlib \t ceasefire\n", "SOFT[idlib ceasefire]"},
      // folding happens in the leaves
      {"SHOIGU", "shoigu"},
      {"Shoigú", "shoigu"},
      {"Çavuşoğlu", "cavusoglu"},
      // quoted phrases: one exact leaf with several terms
      {"\"Aguila Saleh\"", "\"aguila saleh\""},
      {"\xE2\x80\x9C"
       "Aguila Saleh"
       "\xE2\x80\x9D",
       "\"aguila saleh\""},  // “curly quotes”
      {"\"Aguila Saleh\" Libya", "SOFT[\"aguila saleh\" libya]"},
      {"\"Libya\"", "\"libya\""},
      {"\"the who\"", "\"the who\""},
      // exclusions
      {"Libya -Haftar", "NOT[libya haftar]"},
      {"-Haftar Libya", "NOT[libya haftar]"},
      {"Libya -Haftar -Sisi", "NOT[libya haftar sisi]"},
      {"Libya -\"Khalifa Haftar\"", "NOT[libya \"khalifa haftar\"]"},
      {"Idlib ceasefire -Haftar", "NOT[SOFT[idlib ceasefire] haftar]"},
      // a '-' not followed by a word is not an exclusion
      {"Libya - Haftar", "SOFT[libya haftar]"},
      // operators
      {"Libya AND Turkey", "AND[libya turkey]"},
      {"Sisi OR Sissi", "OR[sisi sissi]"},
      {"Libya NOT Haftar", "NOT[libya haftar]"},
      {"Sisi OR Sissi OR Saleh", "OR[sisi sissi saleh]"},
      // precedence: OR tightest, then AND/NOT (left to right), then juxtaposition
      {"Libya AND Turkey OR Russia", "AND[libya OR[turkey russia]]"},
      {"Libya OR Syria AND Turkey", "AND[OR[libya syria] turkey]"},
      {"Libya AND Turkey NOT Russia", "NOT[AND[libya turkey] russia]"},
      {"Libya NOT Turkey AND Russia", "AND[NOT[libya turkey] russia]"},
      {"Idlib Libya AND Turkey", "SOFT[idlib AND[libya turkey]]"},
      {"Sisi OR Sissi Libya", "SOFT[OR[sisi sissi] libya]"},
      {"Libya Sisi OR Sissi", "SOFT[libya OR[sisi sissi]]"},
      // parentheses
      {"Libya AND (Turkey NOT Russia)", "AND[libya NOT[turkey russia]]"},
      {"(Libya OR Syria) Turkey", "SOFT[OR[libya syria] turkey]"},
      {"(Libya AND Syria) OR Turkey", "OR[AND[libya syria] turkey]"},
      {"((Libya))", "libya"},
      {"(Idlib ceasefire) Turkey", "SOFT[SOFT[idlib ceasefire] turkey]"},
      {"Libya -(Haftar OR Sisi)", "NOT[libya OR[haftar sisi]]"},
      // operators are upper-case words only
      {"Libya and Turkey", "SOFT[libya turkey]"},
      {"Libya or Turkey", "SOFT[libya turkey]"},
      // title:
      {"title:ceasefire", "title:ceasefire"},
      {"TITLE:Ceasefire", "title:ceasefire"},
      {"title:\"peace plan\"", "title:\"peace plan\""},
      {"title:Libya Turkey", "SOFT[title:libya turkey]"},
      // hyphenated words: one leaf with the parts
      {"cease-fire", "cease-fire"},
      {"al-Sisi Libya", "SOFT[al-sisi libya]"},
      {"\"cease-fire\"", "\"cease fire\""},
      // stopwords: dropped from a soft AND with other words, kept if alone
      {"the Libya", "libya"},
      {"the talks in Libya", "SOFT[talks libya]"},
      {"the who", "SOFT[the who]"},
      {"the", "the"},
      // leaves without any term are dropped
      {"Libya !!!", "libya"},
      {"Libya (Turkey)", "SOFT[libya turkey]"},
  };
  for (const Row& r : rows) {
    INFO("query: " << r.query);
    CHECK(parse(r.query) == r.tree);
  }
}

TEST_CASE("leaf details: exact, title_only, stems, stopword, text", "[query_parser]") {
  Analyzer an;
  SECTION("plain word is stemmed and not exact") {
    const QueryNode n = parse_query("talks", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.terms == std::vector<std::string>{"talks"});
    CHECK(n.leaf.stems == std::vector<newsearch::LangStem>{{"en", "talk"}});
    CHECK_FALSE(n.leaf.exact);
    CHECK_FALSE(n.leaf.title_only);
    CHECK_FALSE(n.leaf.stopword);
    CHECK(n.leaf.text == "talks");
  }
  SECTION("quoted phrase is exact, several terms in order") {
    const QueryNode n = parse_query("\"Aguila SALEH\"", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.exact);
    CHECK(n.leaf.terms == std::vector<std::string>{"aguila", "saleh"});
    CHECK(n.leaf.stems.empty());  // matched exactly, in any language
    CHECK(n.leaf.text == "Aguila SALEH");
  }
  SECTION("title: word") {
    const QueryNode n = parse_query("title:Ceasefire", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.title_only);
    CHECK_FALSE(n.leaf.exact);
    CHECK(n.leaf.terms == std::vector<std::string>{"ceasefire"});
  }
  SECTION("title: phrase") {
    const QueryNode n = parse_query("title:\"peace plan\"", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.title_only);
    CHECK(n.leaf.exact);
    CHECK(n.leaf.terms == std::vector<std::string>{"peace", "plan"});
  }
  SECTION("hyphenated word: one leaf, parts as terms, joined stem of the compound") {
    const QueryNode n = parse_query("cease-fire", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.terms == std::vector<std::string>{"cease", "fire"});
    CHECK_FALSE(n.leaf.exact);
    CHECK(n.leaf.stems == std::vector<newsearch::LangStem>{{"en", an.stem("ceasefire")}});
    CHECK(n.leaf.text == "cease-fire");
  }
  SECTION("quoted hyphenated word has no joined stem") {
    const QueryNode n = parse_query("\"cease-fire\"", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.exact);
    CHECK(n.leaf.stems.empty());
  }
  SECTION("a lone stopword is marked") {
    const QueryNode n = parse_query("The", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.stopword);
    CHECK(n.leaf.terms == std::vector<std::string>{"the"});
  }
  SECTION("a word is stemmed in each language of the context, in its order") {
    const newsearch::ParseContext context{{"de", "en"}, {}};
    const QueryNode n = parse_query("Regierungen", an, context);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK(n.leaf.stems ==
          std::vector<newsearch::LangStem>{{"de", "regier"}, {"en", an.stem("regierungen")}});
  }
  SECTION("the context decides stopwords") {
    const newsearch::ParseContext context{
        {"de"}, [&](const std::string& t) { return an.is_stopword(t, "de"); }};
    CHECK(parse_query("die", an, context).leaf.stopword);
    CHECK_FALSE(parse_query("the", an, context).leaf.stopword);
  }
  SECTION("a quoted stopword is not a stopword") {
    const QueryNode n = parse_query("\"the\"", an);
    REQUIRE(n.op == QueryNode::Op::kLeaf);
    CHECK_FALSE(n.leaf.stopword);
  }
}

TEST_CASE("positive_leaves excludes leaves under exclusions", "[query_parser]") {
  using V = std::vector<std::string>;
  CHECK(positive_texts("Libya") == V{"libya"});
  CHECK(positive_texts("Idlib ceasefire") == V{"idlib", "ceasefire"});
  CHECK(positive_texts("Libya -Haftar") == V{"libya"});
  CHECK(positive_texts("Libya -\"Khalifa Haftar\" Turkey") == V{"libya", "turkey"});
  CHECK(positive_texts("Libya NOT Haftar") == V{"libya"});
  CHECK(positive_texts("Libya NOT (Haftar OR Sisi) Turkey") == V{"libya", "turkey"});
  CHECK(positive_texts("(Libya -Haftar) OR Syria") == V{"libya", "syria"});
  CHECK(positive_texts("Sisi OR Sissi") == V{"sisi", "sissi"});
  CHECK(positive_texts("\"Aguila Saleh\" AND Libya") == V{"aguila saleh", "libya"});
  CHECK(positive_texts("title:ceasefire Idlib") == V{"ceasefire", "idlib"});
}

TEST_CASE("syntax errors are kQuerySyntax with a helpful message", "[query_parser][errors]") {
  struct Row {
    std::string query;
    std::vector<std::string> message_mentions;
  };
  const std::vector<Row> rows = {
      {"", {"empty"}},
      {"   ", {"empty"}},
      {" \t\r\n ", {"empty"}},
      {"\"Aguila Saleh", {"quote", "Aguila Saleh"}},
      {"Libya \"Aguila", {"quote", "Aguila"}},
      {"(Libya", {"parenthes", "')'"}},
      {"(Libya OR Syria", {"parenthes", "')'"}},
      {"Libya)", {"parenthes", "')'"}},
      {")", {"parenthes"}},
      {"(", {"parenthes"}},
      {"AND", {"AND"}},
      {"OR", {"OR"}},
      {"NOT", {"NOT"}},
      {"OR foo", {"OR"}},
      {"AND foo", {"AND"}},
      {"NOT foo", {"NOT"}},
      {"foo OR", {"OR", "right"}},
      {"foo AND", {"AND", "right"}},
      {"foo NOT", {"NOT", "right"}},
      {"foo AND AND bar", {"AND"}},
      {"foo OR OR bar", {"OR"}},
      {"(foo AND) bar", {"AND"}},
      {"-", {"no searchable words"}},
      {"-foo", {"exclude"}},
      {"-foo -bar", {"exclude"}},
      {"-\"Aguila Saleh\"", {"exclude"}},
      {"!!!", {"no searchable words"}},
      {"... --- ???", {"no searchable words"}},
      {"()", {"no searchable words"}},
      {"title:", {"title:"}},
      {"Libya \xFF\xFE", {"UTF-8"}},
      {"Libya \xC3", {"UTF-8"}},
      {"\xED\xA0\x80", {"UTF-8"}},  // an encoded surrogate
  };
  for (const Row& r : rows) {
    INFO("query: '" << r.query << "'");
    const std::string msg = syntax_error_of(r.query);
    INFO("message: " << msg);
    CHECK_FALSE(msg.empty());
    CHECK(msg.find('\n') == std::string::npos);  // one line
    for (const auto& m : r.message_mentions) CHECK(msg.find(m) != std::string::npos);
  }
}

TEST_CASE("query length limit is 8192 bytes", "[query_parser][errors][limits]") {
  Analyzer an;
  std::string at_limit = "libya";
  at_limit.resize(newsearch::kMaxQueryBytes, ' ');
  REQUIRE(at_limit.size() == 8192);
  CHECK(render(parse_query(at_limit, an)) == "libya");

  const std::string over = at_limit + " ";
  const std::string msg = syntax_error_of(over);
  CHECK(msg.find("too long") != std::string::npos);
  CHECK(msg.find("8192") != std::string::npos);

  const std::string huge(100 * 1024, 'x');
  CHECK(syntax_error_of(huge).find("too long") != std::string::npos);
}

TEST_CASE("query leaf limit is 256 words and phrases", "[query_parser][errors][limits]") {
  Analyzer an;
  auto words = [](std::size_t n) {
    std::string q;
    for (std::size_t i = 0; i < n; ++i) q += "libya ";
    return q;
  };
  const QueryNode ok = parse_query(words(256), an);
  CHECK(ok.op == QueryNode::Op::kSoftAnd);
  CHECK(ok.children.size() == 256);

  const std::string msg = syntax_error_of(words(257));
  CHECK(msg.find("too long") != std::string::npos);
  CHECK(msg.find("257") != std::string::npos);
  CHECK(msg.find("256") != std::string::npos);
}
