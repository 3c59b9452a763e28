// Countries named in other languages, by inflected or lower-case demonyms
// and capitals, and readings that are not countries (issue 10). The
// sentences are our own, one or more per indexed language.
#include <gtest/gtest.h>

#include "common/entities/test_support.h"

namespace chancery {
namespace {

using ::testing::Contains;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<std::string> CountriesIn(const std::string& lang,
                                     const std::string& body,
                                     const std::string& dateline = "") {
  Article article;
  article.lang = lang;
  article.body = body;
  article.dateline = dateline;
  return Ids(SharedExtractor().Extract(article).countries);
}

TEST(CountryLanguagesTest, LowerCaseDemonymsAndCapitalsFr) {
  EXPECT_THAT(CountriesIn("fr",
                          "Le porte-parole chinois a rejeté la "
                          "proposition mardi."),
              Contains("CN"));
  EXPECT_THAT(CountriesIn("fr", "Pékin a convoqué l'ambassadeur."),
              Contains("CN"));
}

TEST(CountryLanguagesTest, InflectedDemonymsAndCapitalsDe) {
  EXPECT_THAT(CountriesIn("de",
                          "Der Besuch des polnischen Außenministers "
                          "wurde verschoben."),
              Contains("PL"));
  EXPECT_THAT(CountriesIn("de",
                          "Die Regierung in Moskau widersprach den "
                          "Angaben Kiews."),
              UnorderedElementsAre("RU", "UA"));
  EXPECT_THAT(CountriesIn("de", "Berlin kündigte neue Hilfen an."),
              Contains("DE"));
}

TEST(CountryLanguagesTest, DemonymsAndCapitalsEsRuZh) {
  EXPECT_THAT(CountriesIn("es", "El ministro polaco llegó a Pekín."),
              UnorderedElementsAre("PL", "CN"));
  EXPECT_THAT(CountriesIn("ru", "Китайский посол прибыл из Пекина."),
              Contains("CN"));
  EXPECT_THAT(CountriesIn("zh", "北京宣布了新的措施。"), Contains("CN"));
}

TEST(CountryLanguagesTest, ArabicNisbaAndAmman) {
  EXPECT_THAT(CountriesIn("ar", "قال الوزير المصري إن المحادثات مستمرة."),
              Contains("EG"));
  EXPECT_THAT(CountriesIn("ar", "استقبل الملك الأردني الوفد."), Contains("JO"));
  EXPECT_THAT(CountriesIn("ar", "افتتح معرض الكتاب اليوم.", "عمّان"),
              UnorderedElementsAre("JO"));
  EXPECT_THAT(CountriesIn("ar", "وصل الوفد إلى بكين."), Contains("CN"));
  EXPECT_THAT(CountriesIn("ar", "وصل الوزير إلى عمّان أمس."),
              UnorderedElementsAre("JO"));
}

TEST(CountryLanguagesTest, TurkeyTheFood) {
  EXPECT_THAT(CountriesIn("en",
                          "Turkey sales climbed before Thanksgiving as "
                          "shoppers stocked up on poultry."),
              IsEmpty());
  EXPECT_THAT(CountriesIn("en", "Frozen turkey was cheaper this year."),
              IsEmpty());
  EXPECT_THAT(CountriesIn("en",
                          "Turkey raised interest rates, the central "
                          "bank in Ankara said."),
              UnorderedElementsAre("TR"));
}

TEST(CountryLanguagesTest, CounterpartsAndHistoricalStates) {
  EXPECT_THAT(CountriesIn("en",
                          "The Turkish minister met his Greek "
                          "counterpart in Athens."),
              UnorderedElementsAre("TR", "GR"));
  EXPECT_THAT(CountriesIn("en", "East German exporters sought new markets."),
              Contains("DD"));
}

TEST(CountryLanguagesTest, CapitalsThatAreSurnamesOrOtherTowns) {
  EXPECT_THAT(CountriesIn("en",
                          "Barges left Cairo on the Mississippi for "
                          "Memphis."),
              IsEmpty());
  EXPECT_THAT(CountriesIn("en", "Cairo said Egyptian troops would stay."),
              UnorderedElementsAre("EG"));
  EXPECT_THAT(CountriesIn("en", "Douglas told shareholders margins rose."),
              IsEmpty());
  EXPECT_THAT(CountriesIn("en", "The Isle of Man parliament met in Douglas."),
              Contains("IM"));
}

TEST(CountryLanguagesTest, DatelineAndBodyMentionCountOnce) {
  Article article;
  article.lang = "en";
  article.dateline = "ATHENS, May 3";
  article.body = "Athens said the talks would resume.";
  std::vector<Entity> found = SharedExtractor().Extract(article).countries;
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].id, "GR");
}

}  // namespace
}  // namespace chancery
