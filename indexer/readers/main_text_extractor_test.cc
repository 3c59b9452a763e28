#include "indexer/readers/main_text_extractor.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(FixturePath(name));
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string BodyOf(const std::string& fixture) {
  std::string date_text;
  return ArticleFromHtml(ReadFixture(fixture), "", &date_text).body;
}

TEST(MainTextExtractorTest, DivSoupInsideLayoutNamedAfterSidebar) {
  const std::string body = BodyOf("html_div_soup.html");
  EXPECT_EQ(body.find("Octopuses change colour"), 0u) << body;
  EXPECT_NE(body.find("what, if anything, the animals perceive."),
            std::string::npos);
  EXPECT_EQ(body.find("Most popular"), std::string::npos);
  EXPECT_EQ(body.find("Home"), std::string::npos);
}

TEST(MainTextExtractorTest, CommentsRelatedShareAndCookieBannerLeftOut) {
  const std::string body = BodyOf("html_comments.html");
  EXPECT_EQ(body,
            "Die Stadt Leipzig baut in diesem Jahr zwölf Kilometer neue "
            "Radwege, vor allem entlang der großen Ausfallstraßen im Norden "
            "und Osten der Stadt.\n\n"
            "Die Arbeiten beginnen im April und sollen bis zum Herbst "
            "abgeschlossen sein, teilte das Verkehrsdezernat am Montag mit.\n\n"
            "Radverbände begrüßen den Ausbau, fordern aber mehr geschützte "
            "Kreuzungen und breitere Wege an den Schulen.");
}

TEST(MainTextExtractorTest, JsonLdArticleBodyBeatsTeaser) {
  std::string date_text;
  const Article article =
      ArticleFromHtml(ReadFixture("html_json_ld.html"), "", &date_text);
  EXPECT_EQ(article.body,
            "The harbour reopened on Thursday after three days of storm "
            "damage repairs.\n\nFishing boats returned to their moorings by "
            "the afternoon, the port authority said.");
  EXPECT_EQ(article.author, "Sam Reporter");
  EXPECT_EQ(date_text, "2024-05-02T08:00:00Z");
  EXPECT_EQ(article.lang, "en");
}

TEST(MainTextExtractorTest, ArticleElementWithoutTagsOrMostRead) {
  const std::string body = BodyOf("html_article.html");
  EXPECT_EQ(body.find("Le marché de Noël de la place centrale"), 0u) << body;
  EXPECT_NE(body.find("un chiffre en hausse par rapport à l'an dernier."),
            std::string::npos);
  EXPECT_EQ(body.find("Noël Ville"), std::string::npos);
  EXPECT_EQ(body.find("bûche"), std::string::npos);
  EXPECT_EQ(body.find("Mentions"), std::string::npos);
}

TEST(MainTextExtractorTest, TitleWithoutSiteSuffix) {
  std::string date_text;
  EXPECT_EQ(
      ArticleFromHtml(ReadFixture("html_json_ld.html"), "", &date_text).title,
      "Harbour reopens after storm");  // its og:site_name cut
  EXPECT_EQ(
      ArticleFromHtml(ReadFixture("html_div_soup.html"), "", &date_text).title,
      "Octopuses Dream in Colour, Study Finds");
}

TEST(MainTextExtractorTest, ShortPageFallsBackToWholeText) {
  GumboDocument page(
      "<html><body><div class=\"menu\">Home</div><p>Just one line.</p>"
      "</body></html>");
  EXPECT_EQ(ExtractMainText(page.root(), ""), "Just one line.");
  GumboDocument noscript(
      "<html><body><noscript><p>Only here.</p></noscript></body></html>");
  EXPECT_EQ(ExtractMainText(noscript.root(), ""), "Only here.");
  GumboDocument empty("<html><body><script>x()</script></body></html>");
  EXPECT_EQ(ExtractMainText(empty.root(), ""), "");
}

// A paragraph of article text, long enough for the container rules.
std::string Paragraph(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the article, with enough words in it, and commas, to read as "
         "text rather than as a menu or a list of links.</p>";
}

// The main text of the page `html`, no JSON-LD.
std::string MainTextOf(const std::string& html) {
  GumboDocument page(html);
  return ExtractMainText(page.root(), "");
}

std::string Paragraphs(int n) {
  std::string html;
  for (int i = 0; i < n; ++i) html += Paragraph(i);
  return html;
}

// Checks the main text of a page: it begins with `first` (unless empty),
// has each of `kept` and none of `left_out`.
void ExpectMainText(const std::string& html, std::string_view first,
                    std::initializer_list<std::string_view> kept,
                    std::initializer_list<std::string_view> left_out) {
  const std::string text = MainTextOf(html);
  if (!first.empty()) {
    EXPECT_EQ(text.find(first), 0u) << text;
  }
  for (std::string_view part : kept) {
    EXPECT_NE(text.find(part), std::string::npos) << part << " in\n" << text;
  }
  for (std::string_view part : left_out) {
    EXPECT_EQ(text.find(part), std::string::npos) << part << " in\n" << text;
  }
}

TEST(MainTextExtractorTest, ShortCaptionsLeftOutLongOnesKept) {
  const std::string long_caption = std::string(200, 'y');
  ExpectMainText(
      "<html><body><article><figure><img src=a.jpg>"
      "<figcaption>Photo: Jane Doe / Agency</figcaption>"
      "</figure>" +
          Paragraphs(5) +
          "<p class='wp-caption-text'>The harbour at dawn</p>"
          "<div class='item-caption'><p>" +
          std::string(30, 'x') + " " + long_caption +
          "</p></div></article></body></html>",
      "Paragraph 0", {"Paragraph 4", long_caption},
      {"Jane Doe", "harbour at dawn"});
}

TEST(MainTextExtractorTest, UnclosedHeaderAroundThePageKept) {
  ExpectMainText(
      "<html><body><header><div class='logo'>Site</div>"
      "<main><article>" +
          Paragraphs(5) + "</article></main></body></html>",
      "Paragraph 0", {"Paragraph 4"}, {});
}

TEST(MainTextExtractorTest, NamesThatCutEverySectionAreNotTrusted) {
  std::string sections;
  for (int i = 0; i < 5; ++i) {
    sections +=
        "<section class='report-section--ads'>" + Paragraph(i) + "</section>";
  }
  ExpectMainText("<html><body><article><h1>Test report</h1>" + sections +
                     "</article><div class='ads'>Buy now</div></body></html>",
                 "", {"Paragraph 0", "Paragraph 4"}, {});
}

TEST(MainTextExtractorTest, HeadingsOfCutBoxesLeftOut) {
  const std::string long_heading = std::string(60, 'h');
  ExpectMainText(
      "<html><body><article><h1>The title</h1>" + Paragraphs(3) +
          "<h2>Background</h2><h3>Early years</h3>" + Paragraph(3) +
          "<h3>Related stories</h3><ul class='related'><li><a href=a>One</a>"
          "</li></ul><h2>Comments</h2><h2>" +
          long_heading + "</h2></article></body></html>",
      "The title", {"Background", "Early years", long_heading},
      {"Related stories", "Comments"});
}

TEST(MainTextExtractorTest, LeadInsAndFollowUsLinesLeftOut) {
  ExpectMainText(
      "<html><body><article>" + Paragraphs(3) +
          "<p><strong>Lesen Sie auch:</strong> Ein anderer Artikel</p>"
          "<p>VEA TAMBIÉN: Otra noticia del día</p>" +
          Paragraph(3) +
          "<p>Follow us on Twitter, Facebook and Instagram.</p>"
          "<p>Read more about the study in the journal, which published the "
          "data on Monday, with the methods and the code.</p>"
          "</article></body></html>",
      "Paragraph 0", {"Paragraph 3", "Read more about the study"},
      {"Lesen Sie", "VEA", "Follow us"});
}

TEST(MainTextExtractorTest, HiddenByStyleCutDrupalLabelHiddenKept) {
  ExpectMainText(
      "<html><body><div class='consent' style='display: None'>" +
          Paragraphs(6) +
          "</div><article><div class='field field--label-hidden'>"
          "<p>The article itself, which names its field label hidden, is "
          "long enough, with commas, to be the text of the page.</p>" +
          Paragraphs(4) + "</div></article></body></html>",
      "The article itself", {"Paragraph 3"}, {"Paragraph 5"});
}

TEST(MainTextExtractorTest, CreditDateAndAdLinesLeftOut) {
  ExpectMainText(
      "<html><body><article>" + Paragraphs(3) +
          "<p><em>Foto: Jane Doe / Agency</em></p><p>(Credit: Grist)</p>"
          "<p>Anzeige</p><p>Last updated: 2 May 2024</p><p>Von:</p>" +
          Paragraph(3) + "<p>Bildung ist teuer.</p></article></body></html>",
      "Paragraph 0", {"Bildung ist teuer."},
      {"Jane Doe", "Grist", "Anzeige", "Last updated", "Von"});
}

TEST(MainTextExtractorTest, LeadSetApartFromTheTextComesFirst) {
  ExpectMainText(
      "<html><body><div class='news-single'><div class='article'>"
      "<h1>Title</h1><div class='teaser-text'><p>The lead of the article, "
      "which the page sets apart from its text.</p></div>"
      "<div class='related'><p class='lead'>Another story's lead, in a box "
      "of related stories.</p></div>"
      "<div class='news-text-wrap'>" +
          Paragraphs(5) + "</div></div></div></body></html>",
      "The lead of the article", {"Paragraph 4"}, {"Another story"});
}

TEST(MainTextExtractorTest, PostThatIsAListOfLinksKept) {
  ExpectMainText(
      "<html><body><nav><a href=/>Home</a></nav><article><ul>"
      "<li><a href=a>Press subsidies: a study doubts the state's support</a>"
      "</li><li><a href=b>New rules for online platforms in the EU</a></li>"
      "</ul></article></body></html>",
      "", {"Press subsidies", "online platforms"}, {"Home"});
}

TEST(MainTextExtractorTest, ArticleNarrowedToItsTextBlock) {
  ExpectMainText(
      "<html><body><article><div><span>Jane Doe</span> "
      "<span>2 May 2024</span></div><div>" +
          Paragraphs(8) + "</div></article></body></html>",
      "Paragraph 0", {"Paragraph 7"}, {"Jane Doe"});
}

TEST(MainTextExtractorTest, SectionsOfNearEqualScoreReadTogether) {
  // No container named as the text: the scorer finds each section's
  // paragraphs apart, four of near the same score, and takes the block
  // that holds them all rather than the best section alone.
  std::string sections;
  for (int i = 0; i < 4; ++i) {
    sections +=
        "<div class='band'><div class='grid'><div class='cell'><h2>"
        "Part " +
        std::to_string(i) + "</h2>" + Paragraph(3 * i) + Paragraph(3 * i + 1) +
        Paragraph(3 * i + 2) + "</div></div></div>";
  }
  ExpectMainText(
      "<html><body><div class='menu'><a href=/>Home</a> <a "
      "href=/a>About</a></div><div class='wrap'>" +
          sections + "</div></body></html>",
      "", {"Paragraph 0", "Paragraph 5", "Paragraph 11", "Part 3"}, {"Home"});
}

TEST(MainTextExtractorTest, TextSplitOverArticlesOfOneClassReadTogether) {
  // A page builder's content elements, each an <article> of one class; a
  // teaser of another story in the same dress, short and a link, is not
  // taken with them.
  std::string second;
  for (int i = 5; i < 8; ++i) second += Paragraph(i);
  ExpectMainText("<html><body><article class='ce'>" + Paragraphs(5) +
                     "</article><div><article class='ce'>" + second +
                     "</article></div><article class='ce'><a href=/x>Another "
                     "story entirely</a></article></body></html>",
                 "Paragraph 0", {"Paragraph 4", "Paragraph 7"},
                 {"Another story"});
}

}  // namespace
}  // namespace chancery
