// The Xapian side of text analysis: how folded text becomes index terms and
// how a folded query becomes a Xapian::Query. Both use the same tokeniser
// settings (CJK n-grams, Snowball stemmer of the language, STEM_SOME), so a
// word indexed one way is always searched the same way.
//
// Only components that talk to Xapian (indexer, search core) include this.
#ifndef CHANCERY_COMMON_XAPIAN_TEXT_H_
#define CHANCERY_COMMON_XAPIAN_TEXT_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace chancery {

// Adds an article's title and body terms to a document: unprefixed terms
// with positions (title first, counted twice for ranking), "Z"-prefixed
// stems, and title words again under schema::kTitle.
// Not thread-safe: one per thread. Keeps its TermGenerator and stemmer
// between documents to avoid rebuilding them.
class ArticleTextIndexer {
 public:
  ArticleTextIndexer();

  // `title` and `body` are original text (FoldForIndexing here); `lang` an ISO
  // 639-1 code or "" (no stemming). Precondition: `doc` is the document being
  // built; existing terms are kept. Keeps no reference to `doc`, which may
  // go to another thread afterwards.
  void Index(std::string_view title, std::string_view body,
             std::string_view lang, Xapian::Document& doc);

 private:
  void SetLanguage(std::string_view lang);

  Xapian::TermGenerator generator_;
  std::string language_ = "-";  // language of the stemmer set on generator_
};

// Query parser flags matching ArticleTextIndexer's tokenisation.
unsigned QueryParserFlags();

// Sets the stemmer of `lang` ("" for none) and STEM_SOME on `parser`.
void SetQueryLanguage(std::string_view lang, Xapian::QueryParser& parser);

}  // namespace chancery

#endif  // CHANCERY_COMMON_XAPIAN_TEXT_H_
