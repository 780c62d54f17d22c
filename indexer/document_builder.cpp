#include "indexer/document_builder.h"

#include <algorithm>

#include "indexer/language_choice.h"
#include "searcher/format/date_normalizer.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/passage_layout.h"
#include "searcher/format/source_term.h"
#include "searcher/format/stored_article.h"

namespace newsearch {
namespace {

struct Added {
  Xapian::termpos last;  // last position used
  std::size_t words;     // words (joined compound forms not counted)
};

// Adds the tokens of one text in language @p lang: positional unstemmed
// terms and stemmed terms. Forms that differ from their stem go to
// @p variants (may repeat) under the body stem term; the tokens themselves
// to @p terms if given.
Added add_text(Xapian::Document& doc, Analyzer& analyzer, std::string_view text,
               const std::string& lang, Xapian::termpos base, std::string_view exact_prefix,
               std::string_view stem_prefix, Variants* variants,
               std::vector<PassageLayout::Term>* terms = nullptr) {
  Added added{base, 0};
  for (const Token& t : analyzer.analyze(text, lang)) {
    const Xapian::termpos pos = base + t.position;
    if (terms) terms->push_back({pos, t.term});
    doc.add_posting(schema::term(exact_prefix, t.term), pos);
    doc.add_term(schema::stem_term(stem_prefix, lang, t.stem));
    if (variants && t.term != t.stem)
      variants->emplace_back(schema::stem_term(schema::kPrefixStem, lang, t.stem), t.term);
    added.last = std::max(added.last, pos);
    added.words += t.joined ? 0 : 1;
  }
  return added;
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string body;
  for (const auto& p : paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += p;
  }
  return body;
}

// The document of build_document(), with @p stamp as its kSlotHash value:
// the one place that writes it.
Xapian::Document document_of(const SourceRecord& a, Analyzer& analyzer, Variants* variants,
                             const PassageOptions& passage_options, const std::string& stamp) {
  const LanguageChoice lang = choose_language(a, analyzer);
  StoredArticle rec;
  rec.id = a.id;
  rec.title = a.title;
  rec.body = join_paragraphs(a.paragraphs);
  rec.source_path = a.source_path;
  rec.date = a.date;
  rec.source = a.source;
  rec.url = a.url;
  rec.lang = lang.lang;
  rec.lang_source = lang.source;
  rec.title_derived = a.title_derived;
  rec.date_source = a.date_source;
  rec.dropped = a.dropped;
  rec.passages = split_passages(analyzer, rec.body, passage_options);

  Xapian::Document doc;
  doc.add_boolean_term(id_term(a.id));
  PassageLayout layout;
  layout.lang = lang.lang;
  // A derived title is the body's first sentence: shown, not indexed again
  // as headline evidence.
  if (!a.title_derived)
    add_text(doc, analyzer, a.title, lang.lang, 1, schema::kPrefixHeadline,
             schema::kPrefixHeadlineStem, variants, &layout.headline_terms);
  Xapian::termpos base = 1;
  std::size_t words = 0;
  for (auto [b, e] : rec.passages) {
    const std::string_view passage = std::string_view(rec.body).substr(b, e - b);
    const Added added =
        add_text(doc, analyzer, passage, lang.lang, base, "", schema::kPrefixStem, variants);
    layout.starts.push_back(base);
    layout.words.push_back(static_cast<std::uint32_t>(added.words));
    base = added.last + schema::kPassagePositionGap;
    words += added.words;
  }
  if (variants) {
    std::sort(variants->begin(), variants->end());
    variants->erase(std::unique(variants->begin(), variants->end()), variants->end());
  }
  doc.add_value(schema::kSlotShape,
                std::to_string(rec.passages.size()) + " " + std::to_string(words));
  doc.add_value(schema::kSlotLayout, encode_layout(layout));
  if (const std::string source = source_term(analyzer, a.source); !source.empty())
    doc.add_boolean_term(source);
  doc.add_boolean_term(schema::term(schema::kPrefixLanguage, lang.lang));
  doc.add_value(schema::kSlotDate, normalize_date(a.date));
  for (const std::string& t : a.line_terms) doc.add_boolean_term(t);
  doc.add_value(schema::kSlotHash, stamp);
  doc.set_data(encode_stored_article(rec));
  return doc;
}

}  // namespace

SourceRecord record_of_stored(const StoredArticle& s) {
  SourceRecord a;
  a.id = s.id;
  a.title = s.title;
  for (std::size_t at = 0; at < s.body.size();) {
    const std::size_t end = std::min(s.body.find("\n\n", at), s.body.size());
    if (end > at) a.paragraphs.push_back(s.body.substr(at, end - at));
    at = end + 2;
  }
  a.source_path = s.source_path;
  a.date = s.date;
  a.source = s.source;
  a.url = s.url;
  a.lang = s.lang;
  a.lang_source = s.lang_source;
  a.title_derived = s.title_derived;
  a.date_source = s.date_source;
  a.dropped = s.dropped;
  return a;
}

std::pair<SourceRecord, std::string> record_of_document(const Xapian::Document& doc) {
  SourceRecord a = record_of_stored(decode_stored_article(doc.get_data()));
  const std::string stamp = doc.get_value(schema::kSlotHash);
  const std::size_t space = stamp.find(' ');
  a.hash = stamp.substr(0, space);
  std::string root = space == std::string::npos ? "" : stamp.substr(space + 1);
  const std::string prefix(schema::kPrefixLine);
  Xapian::TermIterator t = doc.termlist_begin();
  for (t.skip_to(prefix); t != doc.termlist_end() && (*t).starts_with(prefix); ++t)
    a.line_terms.push_back(*t);
  return {std::move(a), std::move(root)};
}

std::string id_term(const std::string& id) {
  if (id.size() + schema::kPrefixId.size() <= schema::kMaxTermKeyBytes)
    return schema::term(schema::kPrefixId, id);
  // Built by appends: GCC 12 warns falsely (-Wrestrict) on chained operator+.
  return hashed_term(schema::kPrefixId, id).append(":").append(id, 0, 64);
}

std::string root_term(const std::string& root_key) {
  if (root_key.size() <= schema::kMaxTermKeyBytes)
    return schema::term(schema::kPrefixRoot, root_key);
  return hashed_term(schema::kPrefixRoot, root_key);
}

std::string source_stamp(const std::string& hash, const std::string& root_key) {
  return hash + " " + root_key;
}

Xapian::Document build_document(const SourceRecord& a, Analyzer& analyzer, Variants* variants,
                                const PassageOptions& passages) {
  return document_of(a, analyzer, variants, passages, a.hash);
}

Xapian::Document article_document(const SourceRecord& a, const std::string& root_key,
                                  Analyzer& analyzer, Variants* variants) {
  Xapian::Document doc = document_of(a, analyzer, variants, {}, source_stamp(a.hash, root_key));
  doc.add_boolean_term(root_term(root_key));
  return doc;
}

}  // namespace newsearch
