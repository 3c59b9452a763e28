// The Xapian side of text analysis: how folded text becomes index terms and
// how a folded query becomes a Xapian::Query. Both use the same tokeniser
// settings (CJK n-grams, Snowball stemmer of the language), so a word indexed
// one way is always searched the same way.
//
// Words of a language with a stemmer are indexed as their stems only, with
// positions (Xapian's STEM_ALL, as Elasticsearch's language analyzers do):
// "talks" and "talked" are one term "talk", phrases match stem by stem, and
// an exact form cannot be asked for. Keeping the unstemmed words as well
// (STEM_SOME) doubled the terms of every document: it cost a quarter of
// chancery-index's CPU time and 14% of the index (bench/index_bench.sh, 1x
// Reuters). Words of a language without one are indexed as they are.
//
// Only components that talk to Xapian (indexer, search core) include this.
#ifndef CHANCERY_COMMON_XAPIAN_TEXT_H_
#define CHANCERY_COMMON_XAPIAN_TEXT_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace chancery {

// Adds an article's title and body terms to a document: unprefixed terms
// (stems, or words in a language without a stemmer) with positions, title
// first and counted twice for ranking, then title terms again under
// schema::kTitle.
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

// The distinct words of `title` and `body` (original text) as
// ArticleTextIndexer::Index tokenises them, unstemmed: what an indexed
// stem was written as.
std::vector<std::string> IndexedWords(std::string_view title,
                                      std::string_view body);

// Query parser flags matching ArticleTextIndexer's tokenisation.
unsigned QueryParserFlags();

// Sets the stemmer of `lang` ("" for none) on `parser`, stemming every
// word as ArticleTextIndexer does. Returns whether `lang` has a stemmer
// (then the parsed terms are stems).
bool SetQueryLanguage(std::string_view lang, Xapian::QueryParser& parser);

// Why the index at `path` (opened as `db`) cannot be searched or written
// with this version's text analysis, or "" when it can: it has articles
// and its schema::kTextFormatKey is not schema::kTextFormat. May throw
// Xapian::Error (reading metadata).
std::string TextFormatProblem(const Xapian::Database& db,
                              const std::string& path);

}  // namespace chancery

#endif  // CHANCERY_COMMON_XAPIAN_TEXT_H_
