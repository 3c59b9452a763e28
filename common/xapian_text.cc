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
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

void ArticleTextIndexer::SetLanguage(std::string_view lang) {
  if (lang == language_) return;
  generator_.set_stemmer(StemmerFor(lang));
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

unsigned QueryParserFlags() {
  return Xapian::QueryParser::FLAG_DEFAULT |
         Xapian::QueryParser::FLAG_WILDCARD |
         Xapian::QueryParser::FLAG_PURE_NOT |
         Xapian::QueryParser::FLAG_CJK_NGRAM;
}

void SetQueryLanguage(std::string_view lang, Xapian::QueryParser& parser) {
  parser.set_stemmer(StemmerFor(lang));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
}

}  // namespace chancery
