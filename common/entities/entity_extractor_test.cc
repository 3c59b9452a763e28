#include "common/entities/entity_extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/entities/test_support.h"

namespace chancery {
namespace {

using ::testing::UnorderedElementsAre;
using ::testing::UnorderedElementsAreArray;

// The seed article of issue 4 (shared data, absent from users' clones).
TEST(EntityExtractorSeedTest, SeedArticleComesOutExactly) {
  const std::string path = std::string(CHANCERY_SOURCE_DIR) +
                           "/../shared/seeds/000_83c4fa17666cda5e.txt";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "seed article not available: " << path;
  std::stringstream text;
  text << in.rdbuf();
  Article article;
  article.body = text.str();
  article.lang = "en";
  ArticleEntities e = SharedExtractor().Extract(article);
  EXPECT_THAT(Ids(e.countries),
              UnorderedElementsAre("FR", "CN", "RU", "UA", "US", "TW"));
  EXPECT_THAT(Labels(e.people),
              UnorderedElementsAre("Stéphane Séjourné", "Wang Yi",
                                   "Emmanuel Macron", "Catherine Colonnade"));
  EXPECT_THAT(Ids(e.orgs), UnorderedElementsAre("eu"));
}

// The same traps in our own words, so the check runs everywhere.
TEST(EntityExtractorTest, ParaphrasedSeedTraps) {
  Article article;
  article.title = "Paris urges Beijing to press Moscow over Ukraine";
  article.body =
      "French Foreign Minister Stephane Sejourn met his Chinese counterpart "
      "Wang Yi in Beijing, reports \"France Presse\".\n\n"
      "Earlier, President Emmanuel Macron hosted Wang in Paris. Sejourn said "
      "the Ukrainians must agree to any peace. Séjourn's trip follows one by "
      "his predecessor Catherine Colonnade. The minister welcomed Sejourne's "
      "talks, Wang stressed, while the European Union and the EU's partners "
      "watch the United States and Taiwan.\n\nFollow the channel of";
  ArticleEntities e = SharedExtractor().Extract(article);
  EXPECT_THAT(Ids(e.countries),
              UnorderedElementsAre("FR", "CN", "RU", "UA", "US", "TW"));
  EXPECT_THAT(Labels(e.people),
              UnorderedElementsAre("Stéphane Séjourné", "Wang Yi",
                                   "Emmanuel Macron", "Catherine Colonnade"));
  EXPECT_THAT(Ids(e.people),
              UnorderedElementsAre("stephane-sejourne", "wang-yi",
                                   "emmanuel-macron", "catherine-colonnade"));
  EXPECT_THAT(Ids(e.orgs), UnorderedElementsAre("eu"));
  const Entity* sejourne = Find(e.people, "stephane-sejourne");
  ASSERT_NE(sejourne, nullptr);
  EXPECT_EQ(sejourne->mentions, 4);
}

TEST(EntityExtractorTest, DatelineFieldGivesCountry) {
  Article article;
  article.dateline = "NEW YORK, Feb 26";
  article.title = "ACME CORP SETS DIVIDEND";
  article.body = "Acme Corp said its board declared a quarterly dividend.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("US"));
}

TEST(EntityExtractorTest, DatelineRegionSettlesTheCity) {
  Article article;
  article.dateline = "LONDON, Ontario, March 3";
  article.body = "The company raised its dividend.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("CA"));
  article.dateline = "SAN JOSE, Calif., Feb 26";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("US"));
  article.dateline = "ESCHBORN, West Germany, March 2";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("DE"));
}

TEST(EntityExtractorTest, WireStoryDropsPassingMentions) {
  Article article;
  article.dateline = "WASHINGTON, March 4";
  article.title = "U.S. FARM EXPORTS RISE";
  article.body =
      "U.S. farm exports rose in January, helped by sales of wheat to "
      "Japan, the Agriculture Department said. Officials in Washington "
      "expect further gains.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("US"));
  article.dateline.clear();  // Not a wire story: every country counts.
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("US", "JP"));
}

TEST(EntityExtractorTest, InflectedNamesInOtherLanguages) {
  Article article;
  article.lang = "de";
  article.title = "Treffen in Berlin";
  article.body = "Die Außenminister Frankreichs und Ungarns trafen sich.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("DE", "FR", "HU"));
  article.lang = "ru";
  article.title = "Переговоры";
  article.body = "Министры Украины и Казахстана провели переговоры.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("UA", "KZ"));
}

TEST(EntityExtractorTest, WireStoryKeepsActorsAndEnumerations) {
  Article article;
  article.dateline = "TOKYO, March 4";
  article.title = "Ministers meet on trade";
  article.body =
      "Trade ministers met in Tokyo on Monday. Beijing said it would "
      "attend the next round, and the French foreign minister called for "
      "talks. Exports to Britain, Germany and Italy rose, priced in U.S. "
      "dlrs.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("JP", "CN", "FR", "GB", "DE", "IT"));
}

TEST(EntityExtractorTest, WireStoryDropsOneOffActorsInLongStories) {
  Article article;
  article.dateline = "OTTAWA, May 6";
  article.title = "Canadian lumber output climbs";
  article.body =
      "Canadian lumber output rose eight pct in April from a year ago, "
      "Statistics Canada said. Sweden said it expected a similar rise.";
  // Short, but only its dateline's country besides: Sweden is a remark.
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("CA"));
  // Short and naming several countries: each one-off actor is kept.
  article.body += " Norway and Finland reported lower output.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("CA", "SE", "NO", "FI"));
  // Long: a country named once outside the headline is not what the
  // story is about, however it is named; one named twice is.
  for (int i = 0; i < 12; ++i) {
    article.body +=
        " Mills in British Columbia and Quebec ran at full capacity for "
        "most of the month, the agency said in its report.";
  }
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("CA"));
  article.body += " Shipments to Norway doubled.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("CA", "NO"));
}

TEST(EntityExtractorTest, DatelineInBodyGivesCountry) {
  Article article;
  article.body = "BEIJING, March 12 (Reuters) - Officials said output rose.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("CN"));
}

TEST(EntityExtractorTest, WireCityDatelineNeedsGeneratedCities) {
  if (!HaveGeneratedData()) GTEST_SKIP() << "generated gazetteers not built";
  Article article;
  article.dateline = "HOUSTON, Feb 26";
  article.body = "The company said it would sell the unit.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("US"));
}

TEST(EntityExtractorTest, HistoricalStatesByNameAndDate) {
  Article article;
  article.body =
      "Officials from the Soviet Union, East Germany, Yugoslavia, "
      "Czechoslovakia, Zaire and Burma met West German bankers.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).countries),
              UnorderedElementsAre("SU", "DD", "YU", "CS", "ZR", "BU", "DE"));

  Article dated;
  dated.date = 541036800;  // 1987-02-24
  dated.body =
      "The Kremlin said grain talks in Moscow went well, Prague agreed.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(dated).countries),
              UnorderedElementsAre("SU", "CS"));
  Article modern = dated;
  modern.date = 1700000000;  // 2023
  EXPECT_THAT(Ids(SharedExtractor().Extract(modern).countries),
              UnorderedElementsAre("RU", "CZ"));
}

TEST(EntityExtractorTest, AbbreviationsAndSeatsOfPower) {
  Article article;
  article.body =
      "The U.S. and the UK joined the UAE; the PRC, the DPRK and the ROK "
      "answered. The White House, Downing Street, the Élysée, Zhongnanhai "
      "and officials in Kyiv reacted.";
  EXPECT_THAT(
      Ids(SharedExtractor().Extract(article).countries),
      UnorderedElementsAre("US", "GB", "AE", "CN", "KP", "KR", "FR", "UA"));
}

TEST(EntityExtractorTest, PronounUsIsNotTheUnitedStates) {
  Article article;
  article.body = "\"Tell us what happened,\" she said.";
  EXPECT_TRUE(SharedExtractor().Extract(article).countries.empty());
}

TEST(EntityExtractorTest, MultilingualCountryNames) {
  const std::pair<const char*, const char*> cases[] = {
      {"Les relations entre la Chine et l'Allemagne.", "CN DE"},
      {"Die Beziehungen zwischen Frankreich und Russland.", "FR RU"},
      {"Las relaciones entre España y Estados Unidos.", "ES US"},
      {"Отношения между Россией и Китаем. Россия и Китай.", "RU CN"},
      {"中国和法国的关系", "CN FR"},
      {"العلاقات بين الصين و فرنسا", "CN FR"},
      // Clitics: و "and", ب "in", لل "for the"; the remainder must be a name.
      {"زار بالعراق وفرنسا ثم للمنطقة", "IQ FR"},
      {"وقال للعراق ولروسيا وبمصر", "IQ RU EG"},
  };
  for (const auto& [text, codes] : cases) {
    Article article;
    article.body = text;
    std::vector<std::string> want;
    std::istringstream in(codes);
    for (std::string c; in >> c;) want.push_back(c);
    std::vector<std::string> got =
        Ids(SharedExtractor().Extract(article).countries);
    // Russian inflects names; only the nominative forms need to match.
    EXPECT_THAT(got, UnorderedElementsAreArray(want)) << text;
  }
}

TEST(EntityExtractorTest, MultilingualOrganisations) {
  Article article;
  article.body =
      "Union européenne, Europäische Union, ООН, 欧盟, الاتحاد الأوروبي, "
      "NATO and the IMF.";
  EXPECT_THAT(Ids(SharedExtractor().Extract(article).orgs),
              UnorderedElementsAre("eu", "un", "nato", "imf"));
}

TEST(EntityExtractorTest, PublisherGivenEntitiesAreMerged) {
  Article article;
  article.body = "Talks went on.";
  article.countries = {"fr", "Germany"};
  article.people = {"Olaf Scholz"};
  article.orgs = {"nato", "European Union"};
  ArticleEntities e = SharedExtractor().Extract(article);
  EXPECT_THAT(Ids(e.countries), UnorderedElementsAre("FR", "DE"));
  EXPECT_THAT(Labels(e.people), UnorderedElementsAre("Olaf Scholz"));
  EXPECT_THAT(Ids(e.orgs), UnorderedElementsAre("nato", "eu"));
}

TEST(EntityExtractorTest, DisplayLabels) {
  EXPECT_EQ(SharedExtractor().CountryName("FR"), "France");
  EXPECT_EQ(SharedExtractor().CountryName("SU"), "Soviet Union");
  EXPECT_EQ(SharedExtractor().CountryName("US"), "United States");
  EXPECT_EQ(SharedExtractor().OrgName("eu"), "European Union");
  EXPECT_EQ(SharedExtractor().OrgName("nosuchorg"), "nosuchorg");
}

TEST(EntityExtractorTest, LoadFailsCleanlyWithoutData) {
  auto e = EntityExtractor::Load("/nonexistent", {});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace chancery
