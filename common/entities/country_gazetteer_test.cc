// Countries: ambiguity resolved by context, datelines, historical states.
#include "common/entities/country_gazetteer.h"

#include <gtest/gtest.h>

#include "common/entities/test_support.h"

namespace chancery {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<std::string> CountriesIn(const std::string& body) {
  Article article;
  article.body = body;
  return Ids(SharedExtractor().Extract(article).countries);
}

TEST(CountryAmbiguityTest, GeorgiaByContext) {
  EXPECT_THAT(CountriesIn("Georgia said troops left Abkhazia; Tbilisi "
                          "accused Russia."),
              UnorderedElementsAre("GE", "RU"));
  EXPECT_THAT(CountriesIn("Voters in Georgia went to the polls in Atlanta, "
                          "the state governor said."),
              UnorderedElementsAre("US"));
}

TEST(CountryAmbiguityTest, FirstNamesAndSurnamesAreNotCountries) {
  EXPECT_THAT(CountriesIn("Jordan Henderson and Chad Smith met Michael "
                          "Jordan; George Washington waved."),
              IsEmpty());
  EXPECT_THAT(CountriesIn("Jordan said it would reopen the border with Chad."),
              UnorderedElementsAre("JO", "TD"));
  EXPECT_THAT(CountriesIn("Paris Hilton arrived."), IsEmpty());
  EXPECT_THAT(CountriesIn("Washington said Paris agreed."),
              UnorderedElementsAre("US", "FR"));
}

TEST(CountryAmbiguityTest, TurkeyTheBird) {
  EXPECT_THAT(CountriesIn("They ate roast turkey."), IsEmpty());
  EXPECT_THAT(CountriesIn("Turkey said it would not object."),
              UnorderedElementsAre("TR"));
}

TEST(CountryAmbiguityTest, LongestNameWins) {
  EXPECT_THAT(CountriesIn("Niger and Nigeria signed."),
              UnorderedElementsAre("NE", "NG"));
  EXPECT_THAT(CountriesIn("Guinea-Bissau and Papua New Guinea, not Guinea "
                          "or Equatorial Guinea."),
              UnorderedElementsAre("GW", "PG", "GN", "GQ"));
  EXPECT_THAT(CountriesIn("Voters in New Mexico and New York."),
              UnorderedElementsAre("US"));
}

TEST(CountryAmbiguityTest, DemonymsAndPrefixes) {
  EXPECT_THAT(CountriesIn("Sino-Soviet talks with West German and French "
                          "officials; Americans watched."),
              UnorderedElementsAre("CN", "SU", "DE", "FR", "US"));
}

TEST(CountryGazetteerTest, DatelinesAndDates) {
  auto loaded = CountryGazetteer::Load(EntitiesConfigDir() + "/entities");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const CountryGazetteer& g = *loaded.value();
  auto code = [&](std::string_view place) -> std::string {
    auto c = g.DatelineCountry(place);
    return c ? g.aliases().id(*c) : "";
  };
  EXPECT_EQ(code("BEIJING"), "CN");
  EXPECT_EQ(code("PEKING"), "CN");
  EXPECT_EQ(code("HONG KONG"), "HK");
  EXPECT_EQ(code("NEW YORK"), "US");
  EXPECT_EQ(code("Nowhere Special"), "");
  if (HaveGeneratedData()) {
    EXPECT_EQ(code("MINNEAPOLIS"), "US");
    EXPECT_EQ(code("FRANKFURT"), "DE");
    EXPECT_EQ(code("Toronto"), "CA");
  }
  uint32_t ru = *g.FindCountry("RU");
  EXPECT_EQ(g.aliases().id(g.AtDate(ru, 541036800)), "SU");   // 1987
  EXPECT_EQ(g.aliases().id(g.AtDate(ru, 1700000000)), "RU");  // 2023
  EXPECT_EQ(g.aliases().id(g.AtDate(ru, std::nullopt)), "RU");
  EXPECT_EQ(g.aliases().id(*g.FindCountry("Soviet Union")), "SU");
}

}  // namespace
}  // namespace chancery
