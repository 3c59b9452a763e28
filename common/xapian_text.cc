#include "common/xapian_text.h"

#include "common/schema.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

Xapian::Stem StemmerFor(std::string_view lang) {
  std::string_view name = StemmerName(lang);
  if (name.empty()) return Xapian::Stem();
  return Xapian::Stem(std::string(name));
}

// Keeps phrases from matching across the title/body boundary.
constexpr Xapian::termpos kFieldGap = 100;

}  // namespace

ArticleTextIndexer::ArticleTextIndexer() {
  generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
}

void ArticleTextIndexer::SetLanguage(std::string_view lang) {
  if (lang == language_) return;
  Xapian::Stem stemmer = StemmerFor(lang);
  // STEM_ALL with no stemmer would index nothing at all (Xapian 1.4).
  generator_.set_stemming_strategy(stemmer.is_none()
                                       ? Xapian::TermGenerator::STEM_NONE
                                       : Xapian::TermGenerator::STEM_ALL);
  generator_.set_stemmer(stemmer);
  language_ = std::string(lang);
}

void ArticleTextIndexer::Index(std::string_view title, std::string_view body,
                               std::string_view lang, Xapian::Document& doc) {
  SetLanguage(lang);
  generator_.set_document(doc);
  std::string folded_title = FoldForIndexing(title);
  generator_.index_text(folded_title, 2);
  generator_.increase_termpos(kFieldGap);
  generator_.index_text(FoldForIndexing(body));
  generator_.increase_termpos(kFieldGap);
  generator_.index_text(folded_title, 1, std::string(schema::kTitle));
  // Let go of `doc`: Xapian's reference counts are not atomic, so a
  // reference kept here would be dropped by the next Index() while another
  // thread (the pipeline's writer) holds the document.
  generator_.set_document(Xapian::Document());
}

std::vector<std::string> IndexedWords(std::string_view title,
                                      std::string_view body) {
  Xapian::TermGenerator generator;
  generator.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  Xapian::Document scratch;
  generator.set_document(scratch);
  generator.index_text_without_positions(FoldForIndexing(title));
  generator.index_text_without_positions(FoldForIndexing(body));
  std::vector<std::string> words;
  for (auto t = scratch.termlist_begin(); t != scratch.termlist_end(); ++t) {
    words.push_back(*t);
  }
  return words;
}

unsigned QueryParserFlags() {
  return Xapian::QueryParser::FLAG_DEFAULT |
         Xapian::QueryParser::FLAG_WILDCARD |
         Xapian::QueryParser::FLAG_PURE_NOT |
         Xapian::QueryParser::FLAG_CJK_NGRAM;
}

bool SetQueryLanguage(std::string_view lang, Xapian::QueryParser& parser) {
  Xapian::Stem stemmer = StemmerFor(lang);
  const bool stems = !stemmer.is_none();
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(stems ? Xapian::QueryParser::STEM_ALL
                                     : Xapian::QueryParser::STEM_NONE);
  return stems;
}

std::string TextFormatProblem(const Xapian::Database& db,
                              const std::string& path) {
  const std::string format =
      db.get_metadata(std::string(schema::kTextFormatKey));
  if (format == schema::kTextFormat || db.get_doccount() == 0) return "";
  return "index " + path + " was built by another version of chancery-index (" +
         (format.empty() ? std::string("unstemmed words beside stems")
                         : "text format " + format) +
         ", this version reads " + std::string(schema::kTextFormat) +
         "): remove it and index the archive again";
}

}  // namespace chancery
