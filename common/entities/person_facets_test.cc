// The person facet as the indexer fills it: no place, country, event or
// organisation becomes a person over the bundled sample articles, a
// person's name is not read as the country it contains, and one person
// written in three scripts is one facet value.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "common/entities/country_gazetteer.h"
#include "common/entities/org_gazetteer.h"
#include "common/entities/test_support.h"
#include "common/person_key.h"

namespace chancery {
namespace {

using ::testing::Contains;
using ::testing::Not;

std::vector<Article> SampleArticles() {
  std::ifstream in(std::string(CHANCERY_SOURCE_DIR) +
                   "/data/sample/articles.jsonl");
  std::vector<Article> out;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    Article a;
    a.id = j.value("id", "");
    a.title = j.value("title", "");
    a.body = j.value("body", "");
    a.lang = j.value("lang", "");
    if (j.contains("dateline") && j["dateline"].is_string()) {
      a.dateline = j["dateline"].get<std::string>();
    }
    out.push_back(std::move(a));
  }
  return out;
}

Article ArticleIn(const std::string& lang, const std::string& body) {
  Article a;
  a.lang = lang;
  a.body = body;
  return a;
}

TEST(PersonFacetsTest, NoPlaceCountryOrOrganisationIsAPerson) {
  const std::vector<Article> articles = SampleArticles();
  ASSERT_GT(articles.size(), 50u);
  auto countries = CountryGazetteer::Load(EntitiesConfigDir() + "/entities");
  auto orgs = OrgGazetteer::Load(EntitiesConfigDir() + "/entities");
  ASSERT_TRUE(countries.ok() && orgs.ok());
  // Values seen as people before (places, events, agreements).
  const std::set<std::string> known_bad = {"washington",
                                           "paris-games",
                                           "la-celle-saint-cloud",
                                           "merida-initiative",
                                           "weimar-triangle",
                                           "nuevo-mexico",
                                           "jordan"};
  size_t people = 0;
  for (const Article& a : articles) {
    for (const Entity& p : SharedExtractor().Extract(a).people) {
      ++people;
      EXPECT_EQ(known_bad.count(p.id), 0u) << a.id << ": " << p.label;
      EXPECT_FALSE((*countries)->FindCountry(p.label).has_value())
          << a.id << ": " << p.label << " is a country";
      EXPECT_FALSE((*orgs)->FindOrg(p.label).has_value())
          << a.id << ": " << p.label << " is an organisation";
    }
  }
  EXPECT_GT(people, 100u);
}

TEST(PersonFacetsTest, PersonNamedLikeACountryIsNoCountry) {
  Article a;
  a.lang = "en";
  a.title = "Jordan returns";
  a.body =
      "Michael Jordan watched the game in Chicago on Sunday. Jordan said "
      "he was pleased.";
  const ArticleEntities e = SharedExtractor().Extract(a);
  EXPECT_THAT(Ids(e.countries), Not(Contains("JO")));
  EXPECT_THAT(Ids(e.people), Contains("michael-jordan"));
  EXPECT_THAT(Ids(e.people), Not(Contains("jordan")));

  const Article george =
      ArticleIn("en", "George Washington crossed the Delaware river in 1776.");
  EXPECT_THAT(Ids(SharedExtractor().Extract(george).people),
              Contains("george-washington"));
}

TEST(PersonFacetsTest, OnePersonInLatinGreekAndCyrillic) {
  const Article en = ArticleIn(
      "en", "Greek Prime Minister Kyriakos Mitsotakis met the delegation.");
  const Article el = ArticleIn(
      "el",
      "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε με την αντιπροσωπεία.");
  const Article ru = ArticleIn(
      "ru",
      "Премьер-министр Греции Кириакос Мицотакис встретился с делегацией.");
  std::set<std::string> ids;
  for (const Article* a : {&en, &el, &ru}) {
    const std::vector<Entity> people = SharedExtractor().Extract(*a).people;
    ASSERT_EQ(people.size(), 1u) << a->lang;
    ids.insert(people[0].id);
  }
  EXPECT_EQ(ids.size(), 1u) << *ids.begin() << " / " << *ids.rbegin();
  EXPECT_EQ(*ids.begin(), PersonKey("Kyriakos Mitsotakis"));
}

TEST(PersonFacetsTest, RussianInitialsStayInTheMention) {
  const Article a =
      ArticleIn("ru", "В. Путин встретился с А. Лукашенко в Минске.");
  const ArticleEntities e = SharedExtractor().Extract(a);
  const Entity* lukashenko = Find(e.people, "lukashenko");
  ASSERT_NE(lukashenko, nullptr) << ::testing::PrintToString(Ids(e.people));
  ASSERT_EQ(lukashenko->spans.size(), 1u);
  const Mention& m = lukashenko->spans[0];
  EXPECT_EQ(a.body.substr(m.begin, m.end - m.begin), "А. Лукашенко");
  // The initial names no one apart: the same id as the surname alone.
  EXPECT_THAT(Ids(SharedExtractor()
                      .Extract(ArticleIn("ru", "Лукашенко прибыл в Минск."))
                      .people),
              Contains("lukashenko"));
}

}  // namespace
}  // namespace chancery
