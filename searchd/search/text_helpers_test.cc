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
  for (const char* bad : {"", "24", "2024-1", "2024-13", "2024-02-30",
                          "2024/01", "2024-01-01T", "abcd", "0999"}) {
    EXPECT_FALSE(ParseDateBound(bad, false)) << bad;
  }
}

TEST(DateRangeTest, CoversRangesWithFewestTerms) {
  const std::string y(schema::kYear), m(schema::kMonth), d(schema::kDay);
  EXPECT_EQ(
      DateTermsForRange(DaysFromCivil(2024, 1, 1), DaysFromCivil(2024, 12, 31)),
      std::vector<std::string>{y + "2024"});
  EXPECT_EQ(
      DateTermsForRange(DaysFromCivil(2024, 1, 30), DaysFromCivil(2024, 3, 1)),
      (std::vector<std::string>{d + "20240130", d + "20240131", m + "202402",
                                d + "20240301"}));
  EXPECT_TRUE(DateTermsForRange(10, 9).empty());
}

TEST(DateRangeTest, Buckets) {
  int64_t day = DaysFromCivil(2024, 3, 15);
  EXPECT_EQ(DateBucketName(day, DateInterval::kYear), "2024");
  EXPECT_EQ(DateBucketName(day, DateInterval::kMonth), "2024-03");
  EXPECT_EQ(DateBucketName(day, DateInterval::kDay), "2024-03-15");
  EXPECT_EQ(DateBucketStart(day, DateInterval::kMonth),
            DaysFromCivil(2024, 3, 1));
  EXPECT_EQ(IntervalForSpan(day, day + 20), DateInterval::kDay);
  EXPECT_EQ(IntervalForSpan(day, day + 300), DateInterval::kMonth);
  EXPECT_EQ(IntervalForSpan(day, day + 3000), DateInterval::kYear);
}

TEST(SnippetBuilderTest, MarksFoldedAndStemmedMatchesEscaped) {
  HighlightTerms terms;
  terms.words = {"sejourne"};
  terms.stems = {"negoti"};
  SnippetBuilder builder(terms);
  std::string s =
      builder.Build("<b>Stéphane Séjourné</b> negotiated & talked.", "en");
  EXPECT_EQ(s,
            "&lt;b&gt;Stéphane <mark>Séjourné</mark>&lt;/b&gt; "
            "<mark>negotiated</mark> &amp; talked.");
}

TEST(SnippetBuilderTest, PicksTheBestWindow) {
  HighlightTerms terms;
  terms.words = {"alpha", "beta"};
  std::string body =
      "alpha " + std::string(600, 'x') + " filler alpha beta end";
  std::string s = SnippetBuilder(terms, 60).Build(body, "en");
  EXPECT_NE(s.find("<mark>alpha</mark> <mark>beta</mark>"), std::string::npos)
      << s;
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

TEST(SnippetBuilderTest, MatchRangesAreTheWordsBuildMarks) {
  HighlightTerms terms;
  terms.words = {"sejourne"};
  terms.stems = {"negoti"};
  SnippetBuilder builder(terms);
  const std::string text = "<b>Stéphane Séjourné</b> negotiated & talked.";
  std::vector<TextRange> ranges = builder.MatchRanges(text, "en");
  ASSERT_EQ(ranges.size(), 2u);
  EXPECT_EQ(text.substr(ranges[0].first, ranges[0].second - ranges[0].first),
            "Séjourné");
  EXPECT_EQ(text.substr(ranges[1].first, ranges[1].second - ranges[1].first),
            "negotiated");
  EXPECT_TRUE(SnippetBuilder(HighlightTerms{}).MatchRanges(text, "en").empty());
}

TEST(SnippetBuilderTest, Utf16Offsets) {
  // U+1F600 is 4 bytes and 2 UTF-16 units; é is 2 bytes and 1 unit.
  const std::string text = "\xF0\x9F\x98\x80 Séjourné et \xFF négociations";
  // Bytes: emoji 0-4, space, Séjourné 5-15, " et " 15-19, 0xFF 19, space,
  // négociations 21-34.
  std::vector<TextRange> utf16 = Utf16Ranges(text, {{5, 15}, {21, 34}});
  ASSERT_EQ(utf16.size(), 2u);
  EXPECT_EQ(utf16[0], TextRange(3, 11));
  // An invalid byte counts as one unit (its U+FFFD in JSON).
  EXPECT_EQ(utf16[1], TextRange(17, 29));
}

TEST(SpellingTest, EditDistance) {
  EXPECT_EQ(BoundedEditDistance("blinken", "blinkne", 2), 1);  // transposition
  EXPECT_EQ(BoundedEditDistance("macron", "macro", 2), 1);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 2), 3);  // > limit
  EXPECT_EQ(BoundedEditDistance("abc", "abc", 0), 0);
}

}  // namespace
}  // namespace chancery
