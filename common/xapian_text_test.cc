// Folding and stemming as a reader experiences them: index a text with
// ArticleTextIndexer, search it with the query-side settings.
#include "common/xapian_text.h"

#include <gtest/gtest.h>

#include "common/text_analyzer.h"

namespace chancery {
namespace {

// True when `query` (in language `lang`) finds the article (title, body).
bool Finds(const std::string& lang, const std::string& title,
           const std::string& body, const std::string& query) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  ArticleTextIndexer indexer;
  Xapian::Document doc;
  indexer.Index(title, body, lang, doc);
  db.add_document(doc);
  Xapian::QueryParser parser;
  parser.set_database(db);
  SetQueryLanguage(lang, parser);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query(FoldQuery(query), QueryParserFlags()));
  return enquire.get_mset(0, 10).size() == 1;
}

TEST(XapianText, FoldingAcrossAccentsAndCase) {
  const std::string body = "Stéphane Séjourné met his counterpart.";
  EXPECT_TRUE(Finds("en", "Talks", body, "sejourne"));
  EXPECT_TRUE(Finds("en", "Talks", body, "SEJOURNE"));
  EXPECT_TRUE(Finds("en", "Talks", body, "Séjourné"));
  EXPECT_TRUE(Finds("en", "Talks", "Sejourne's visit", "sejourné"));
  EXPECT_FALSE(Finds("en", "Talks", body, "macron"));
}

TEST(XapianText, DottedAcronymsAreTheUndottedWord) {
  for (const char* body :
       {"Talks in the U.S. stalled.", "Talks in the US stalled.",
        "talks in the u.s. stalled", "Talks with us stalled."}) {
    for (const char* query : {"US", "U.S.", "us", "u.s.", "\"the U.S\""}) {
      if (std::string(query) == "\"the U.S\"" &&
          std::string(body).find("the") == std::string::npos) {
        continue;
      }
      EXPECT_TRUE(Finds("en", "Talks", body, query)) << body << " / " << query;
    }
  }
  for (const char* body : {"The U.K. and the E.U. met at the U.N.",
                           "The UK and the EU met at the UN"}) {
    for (const char* query : {"UK EU UN", "U.K. E.U. U.N.", "uk eu un"}) {
      EXPECT_TRUE(Finds("en", "Talks", body, query)) << body << " / " << query;
    }
  }
  // The letters alone are no longer words of the text.
  EXPECT_FALSE(Finds("en", "Talks", "Talks in the U.S. stalled.", "s"));
}

TEST(XapianText, StemmingByLanguage) {
  EXPECT_TRUE(Finds("en", "Talks", "The ministers negotiated for hours.",
                    "negotiations"));
  EXPECT_TRUE(Finds("fr", "Pourparlers", "Les ministres veulent négocier.",
                    "négociations"));
  EXPECT_TRUE(
      Finds("de", "Treffen", "Die Gespräche dauerten lange.", "Gespräch"));
  EXPECT_TRUE(
      Finds("ru", "Встреча", "Министры говорили о переговорах.", "переговоры"));
  EXPECT_TRUE(Finds("es", "Reunión", "Los ministros negociaron un acuerdo.",
                    "negociaciones"));
}

TEST(XapianText, ChineseByWord) {
  const std::string body = "中国外交部长王毅在北京会见法国外长。";
  EXPECT_TRUE(Finds("zh", "会谈", body, "北京"));
  EXPECT_TRUE(Finds("zh", "会谈", body, "王毅"));
  EXPECT_FALSE(Finds("zh", "会谈", body, "东京"));
}

TEST(XapianText, ArabicAndCyrillicTokens) {
  EXPECT_TRUE(
      Finds("ar", "اجتماع", "التقى وزير الخارجية نظيره في القاهرة", "القاهرة"));
  EXPECT_TRUE(
      Finds("ru", "Москва", "Кремль отверг предложение Киева.", "КРЕМЛЬ"));
}

TEST(XapianText, PhrasesAndTitleField) {
  const std::string body = "The foreign minister met the prime minister.";
  EXPECT_TRUE(Finds("en", "Summit", body, "\"prime minister\""));
  EXPECT_FALSE(Finds("en", "Summit", body, "\"minister prime\""));
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  ArticleTextIndexer indexer;
  Xapian::Document doc;
  indexer.Index("Summit in Paris", body, "en", doc);
  db.add_document(doc);
  EXPECT_TRUE(db.term_exists("Spari"));  // Stems only.
  EXPECT_FALSE(db.term_exists("Sforeign"));
}

}  // namespace
}  // namespace chancery
