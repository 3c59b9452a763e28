#include "indexer/readers/page_metadata.h"

#include <gtest/gtest.h>

#include <string>

namespace chancery {
namespace {

TEST(AuthorFromBylineTest, NamesWithoutLeadWordsAndTrailers) {
  EXPECT_EQ(AuthorFromByline("By Jane Doe | Reuters"), "Jane Doe");
  EXPECT_EQ(AuthorFromByline("  by:  Jane Doe and John Roe "),
            "Jane Doe and John Roe");
  EXPECT_EQ(AuthorFromByline("Von Erika Muster, Berlin"),
            "Erika Muster, Berlin");
  EXPECT_EQ(AuthorFromByline("Par Marie Dupont \u00b7 Le Monde"),
            "Marie Dupont");
  EXPECT_EQ(AuthorFromByline("By Jane Doe, Published March 3, 2024"),
            "Jane Doe");
  EXPECT_EQ(AuthorFromByline("Jane Doe\nSenior correspondent"), "Jane Doe");
  EXPECT_EQ(AuthorFromByline("By "), "");
  EXPECT_EQ(AuthorFromByline(std::string(
                "Jane Doe has covered European politics for twenty years "
                "and previously worked in Brussels and Berlin.")),
            "");
}

TEST(FindDatelineTest, DateNearTheTop) {
  EXPECT_EQ(FindDateline("Published 3 March 2024\n\nThe minister said.", 4),
            "3 March 2024");
  EXPECT_EQ(FindDateline("March 3, 2024 \u2014 The minister said.", 4),
            "March 3, 2024");
  EXPECT_EQ(FindDateline("Posted on 2024-03-03T10:00:00Z by admin", 4),
            "on 2024-03-03T10:00:00Z");  // ParseDate takes "on"
  // The update is not the publication.
  EXPECT_EQ(FindDateline("Updated March 5, 2024; first published March 3, "
                         "2024",
                         4),
            "March 3, 2024");
  EXPECT_EQ(
      FindDateline("Headline\n\nSub\n\nBy Jane\n\nLede\n\nMarch 3, 2024", 4),
      "");
  EXPECT_EQ(FindDateline("The count rose to 1709424000 yesterday.", 4), "");
  EXPECT_EQ(FindDateline("", 4), "");
}

TEST(FindDatelineTest, MentionLateInALongLineIsNotADateline) {
  EXPECT_EQ(FindDateline("The committee, which met for the first time after "
                         "the elections, will report on March 3, 2024.",
                         4),
            "");
}

TEST(ResolveUrlTest, ReferenceForms) {
  const std::string base = "https://news.example/world/story.html?x=1#top";
  EXPECT_EQ(ResolveUrl(base, "https://other.example/a"),
            "https://other.example/a");
  EXPECT_EQ(ResolveUrl(base, "//cdn.example/a"), "https://cdn.example/a");
  EXPECT_EQ(ResolveUrl(base, "/politics/a"), "https://news.example/politics/a");
  EXPECT_EQ(ResolveUrl(base, "other.html"),
            "https://news.example/world/other.html");
  EXPECT_EQ(ResolveUrl(base, "?page=2"),
            "https://news.example/world/story.html?page=2");
  EXPECT_EQ(ResolveUrl("https://news.example", "a"), "https://news.example/a");
  EXPECT_EQ(ResolveUrl("", " https://x.example/a "), "https://x.example/a");
  EXPECT_EQ(ResolveUrl("", "/a"), "");
  EXPECT_EQ(ResolveUrl("file:///tmp/page.html", "/a"), "");
  EXPECT_EQ(ResolveUrl(base, ""), "");
  // RFC 3986 5.2.4: dot segments are removed from the merged path.
  EXPECT_EQ(ResolveUrl(base, "../europe/./b.html"),
            "https://news.example/europe/b.html");
  EXPECT_EQ(ResolveUrl(base, "#comments"),
            "https://news.example/world/story.html?x=1#comments");
  // Absolute references are kept as written, even when not valid RFC 3986.
  EXPECT_EQ(ResolveUrl(base, "https://x.example/a b"), "https://x.example/a b");
  EXPECT_EQ(ResolveUrl(base, "a b.html"), "");
}

}  // namespace
}  // namespace chancery
