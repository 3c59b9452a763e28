// Unit tests of the core's pure helpers: calendar, snippets, spelling.
#include <gtest/gtest.h>

#include "common/schema.h"
#include "searchd/search/date_range.h"
#include "searchd/search/snippet_builder.h"
#include "searchd/search/spelling_suggester.h"

namespace chancery {
namespace {

TEST(DateRangeTest, ParsesBounds) {
  EXPECT_EQ(ParseDateBound("1970", false), 0);
  EXPECT_EQ(ParseDateBound("1970-01-02", false), 1);
  EXPECT_EQ(ParseDateBound("2024-02", true), DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(ParseDateBound("2023-02", true), DaysFromCivil(2023, 2, 28));
  EXPECT_EQ(ParseDateBound("2024", true), DaysFromCivil(2024, 12, 31));
  for (const char* bad : {"", "24", "2024-1", "2024-13", "2024-02-30", "2024/01",
                          "2024-01-01T", "abcd", "0999"}) {
    EXPECT_FALSE(ParseDateBound(bad, false)) << bad;
  }
}

TEST(DateRangeTest, CoversRangesWithFewestTerms) {
  const std::string y(schema::kYear), m(schema::kMonth), d(schema::kDay);
  EXPECT_EQ(DateTermsForRange(DaysFromCivil(2024, 1, 1), DaysFromCivil(2024, 12, 31)),
            std::vector<std::string>{y + "2024"});
  EXPECT_EQ(DateTermsForRange(DaysFromCivil(2024, 1, 30), DaysFromCivil(2024, 3, 1)),
            (std::vector<std::string>{d + "20240130", d + "20240131", m + "202402",
                                      d + "20240301"}));
  EXPECT_TRUE(DateTermsForRange(10, 9).empty());
}

TEST(DateRangeTest, Buckets) {
  int64_t day = DaysFromCivil(2024, 3, 15);
  EXPECT_EQ(DateBucketName(day, DateInterval::kYear), "2024");
  EXPECT_EQ(DateBucketName(day, DateInterval::kMonth), "2024-03");
  EXPECT_EQ(DateBucketName(day, DateInterval::kDay), "2024-03-15");
  EXPECT_EQ(DateBucketStart(day, DateInterval::kMonth), DaysFromCivil(2024, 3, 1));
  EXPECT_EQ(IntervalForSpan(day, day + 20), DateInterval::kDay);
  EXPECT_EQ(IntervalForSpan(day, day + 300), DateInterval::kMonth);
  EXPECT_EQ(IntervalForSpan(day, day + 3000), DateInterval::kYear);
}

TEST(SnippetBuilderTest, MarksFoldedAndStemmedMatchesEscaped) {
  HighlightTerms terms;
  terms.words = {"sejourne"};
  terms.stems = {"negoti"};
  SnippetBuilder builder(terms);
  std::string s = builder.Build(
      "<b>Stéphane Séjourné</b> negotiated & talked.", "en");
  EXPECT_EQ(s,
            "&lt;b&gt;Stéphane <mark>Séjourné</mark>&lt;/b&gt; "
            "<mark>negotiated</mark> &amp; talked.");
}

TEST(SnippetBuilderTest, PicksTheBestWindow) {
  HighlightTerms terms;
  terms.words = {"alpha", "beta"};
  std::string body = "alpha " + std::string(600, 'x') + " filler alpha beta end";
  std::string s = SnippetBuilder(terms, 60).Build(body, "en");
  EXPECT_NE(s.find("<mark>alpha</mark> <mark>beta</mark>"), std::string::npos) << s;
  EXPECT_EQ(s.rfind("… ", 0), 0u) << s;
}

TEST(SnippetBuilderTest, WildcardsAndNoMatch) {
  HighlightTerms terms;
  terms.prefixes = {"nego"};
  EXPECT_EQ(SnippetBuilder(terms).Build("Négociations closes", "fr"),
            "<mark>Négociations</mark> closes");
  HighlightTerms none;
  EXPECT_EQ(SnippetBuilder(none, 20).Build("one two three four five six", ""),
            "one two three four …");
}

TEST(SpellingTest, EditDistance) {
  EXPECT_EQ(BoundedEditDistance("blinken", "blinkne", 2), 1);  // transposition
  EXPECT_EQ(BoundedEditDistance("macron", "macro", 2), 1);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 2), 3);  // > limit
  EXPECT_EQ(BoundedEditDistance("abc", "abc", 0), 0);
}

}  // namespace
}  // namespace chancery
