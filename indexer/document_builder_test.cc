// ResolveLanguage as the guard before analysis: malformed UTF-8 from any
// reader becomes U+FFFD, furniture ranges stay on their lines.
#include "indexer/document_builder.h"

#include <gtest/gtest.h>

#include <string>

#include "common/base/utf8.h"

namespace chancery {
namespace {

TEST(ResolveLanguage, ReplacesMalformedUtf8InEveryTextField) {
  Article article;
  article.title = "Pr\xC3\xA9sident \xF0\xD2\xC9";  // é, then KOI8-R bytes
  article.author = "\xC3";
  article.source = "\x93\x8c";               // Shift_JIS
  article.body = std::string(4000, '\xd7');  // a whole KOI8-R body
  ResolveLanguage(article);
  EXPECT_EQ(article.title,
            "Pr\xC3\xA9sident \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(article.title));
  EXPECT_EQ(article.author, "\xEF\xBF\xBD");
  EXPECT_EQ(article.source, "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(article.body));
  EXPECT_EQ(article.body.size(), 4000u * 3);
  // And the article can be built (ICU and Xapian see valid text).
  DocumentBuilder builder;
  EXPECT_GT(builder.Build(article, ArticleEntities()).document.termlist_count(),
            0u);
}

TEST(ResolveLanguage, MovesFurnitureRangesWithTheirLines) {
  Article article;
  article.lang = "en";
  const std::string furniture = "Share this \xff article";
  article.body = "Lead \xC3 line\n" + furniture + "\nLast line.";
  const size_t begin = article.body.find("Share");
  article.furniture = {{begin, begin + furniture.size()}};
  ResolveLanguage(article);
  ASSERT_EQ(article.furniture.size(), 1u);
  const auto [b, e] = article.furniture.front();
  EXPECT_EQ(article.body.substr(b, e - b), "Share this \xEF\xBF\xBD article");
  EXPECT_EQ(article.body,
            "Lead \xEF\xBF\xBD line\nShare this \xEF\xBF\xBD article\nLast "
            "line.");
}

}  // namespace
}  // namespace chancery
