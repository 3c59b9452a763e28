// People: titles, first names, surname-only mentions, variants, name order
// and phrases that only look like names.
#include <gtest/gtest.h>

#include "common/entities/test_support.h"

namespace chancery {
namespace {

using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

std::vector<Entity> PeopleIn(const std::string& body) {
  Article article;
  article.body = body;
  return SharedExtractor().Extract(article).people;
}

TEST(PersonFinderTest, TitlesInSeveralLanguages) {
  EXPECT_THAT(Labels(PeopleIn("Treasury Secretary James Baker said so.")),
              UnorderedElementsAre("James Baker"));
  EXPECT_THAT(Labels(PeopleIn("Le ministre Bruno Le Maire a dit non.")),
              UnorderedElementsAre("Bruno Le Maire"));
  EXPECT_THAT(Labels(PeopleIn("Bundeskanzler Gerhard Schröder sagte das.")),
              UnorderedElementsAre("Gerhard Schröder"));
  EXPECT_THAT(Labels(PeopleIn("El presidente Pedro Sánchez habló.")),
              UnorderedElementsAre("Pedro Sánchez"));
  EXPECT_THAT(Labels(PeopleIn("Officials met Mr. Smithers on Monday.")),
              UnorderedElementsAre("Smithers"));
}

TEST(PersonFinderTest, SurnameMentionIsTheSamePerson) {
  std::vector<Entity> people = PeopleIn(
      "President Ronald Reagan spoke. Later Reagan said he was pleased, "
      "and Reagan's aides agreed.");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].id, "ronald-reagan");
  EXPECT_EQ(people[0].mentions, 3);
}

TEST(PersonFinderTest, AccentCaseAndPossessiveVariantsMerge) {
  std::vector<Entity> people = PeopleIn(
      "Minister Francois Hollande arrived. Then Minister François Hollande "
      "spoke, and FRANCOIS HOLLANDE's staff left.");
  ASSERT_EQ(people.size(), 1u);
  EXPECT_EQ(people[0].id, "francois-hollande");
  EXPECT_EQ(people[0].label, "François Hollande");
}

TEST(PersonFinderTest, TruncatedSpellingsMergeWithKnownPerson) {
  EXPECT_THAT(Labels(PeopleIn("Minister Stephane Sejourn left. Séjourn's aide "
                              "and Sejourne's critics stayed.")),
              UnorderedElementsAre("Stéphane Séjourné"));
}

TEST(PersonFinderTest, ChineseAndKoreanOrderKept) {
  std::vector<Entity> people = PeopleIn(
      "President Xi Jinping met Foreign Minister Wang Yi. Later Wang said "
      "President Yoon Suk Yeol would visit.");
  EXPECT_THAT(Labels(people),
              UnorderedElementsAre("Xi Jinping", "Wang Yi", "Yoon Suk Yeol"));
  EXPECT_EQ(Find(people, "wang-yi")->mentions, 2);
}

TEST(PersonFinderTest, CapitalisedPhrasesThatAreNotPeople) {
  EXPECT_THAT(PeopleIn("The Foreign Minister spoke. The European Union "
                       "agreed.\n\nFollow the channel of Reuters."),
              IsEmpty());
  EXPECT_THAT(PeopleIn("Morgan Stanley Inc and Dean Witter Reynolds & Co "
                       "underwrote the issue."),
              IsEmpty());
}

TEST(PersonFinderTest, InstitutionsPlacesAndMediaNamedLikePeople) {
  EXPECT_THAT(PeopleIn("Launches from Kennedy Space Center were delayed, "
                       "Al Jazeera reported. Patients at John Radcliffe "
                       "Hospital and Storm Barry left Palm Beach."),
              IsEmpty());
  EXPECT_THAT(Labels(PeopleIn("Senator Elizabeth Warren Image spoke.")),
              UnorderedElementsAre("Elizabeth Warren"));
}

TEST(PersonFinderTest, InitialsCommasAndLongNames) {
  EXPECT_THAT(Labels(PeopleIn("Secretary of State George P. Shultz met his "
                              "counterpart, Eduard Shevardnadze.")),
              UnorderedElementsAre("George Shultz", "Eduard Shevardnadze"));
  EXPECT_THAT(Labels(PeopleIn("President Luiz Inácio Lula da Silva spoke.")),
              UnorderedElementsAre("Luiz Inácio Lula da Silva"));
}

TEST(PersonFinderTest, HyphenatedNamesAndParticles) {
  std::vector<Entity> people = PeopleIn(
      "President Moon Jae-in met Syrian President Bashar al-Assad and "
      "Commission President Ursula von der Leyen. Later Assad and Moon "
      "spoke, and Taiwan's Lai Ching-te listened.");
  EXPECT_THAT(Labels(people),
              UnorderedElementsAre("Moon Jae-in", "Bashar al-Assad",
                                   "Ursula von der Leyen", "Lai Ching-te"));
  EXPECT_EQ(Find(people, "bashar-al-assad")->mentions, 2);
  EXPECT_EQ(Find(people, "moon-jae-in")->mentions, 2);
  // Lower-case compounds after an ordinary name stay out of it.
  EXPECT_THAT(Labels(PeopleIn("Minister Peter Altmaier-backed plans and "
                              "Mr Smithers-led talks.")),
              UnorderedElementsAre("Peter Altmaier", "Smithers"));
}

TEST(PersonFinderTest, KnownPeopleInScriptsWithoutCase) {
  EXPECT_THAT(Ids(PeopleIn("王毅会见了布林肯。")),
              UnorderedElementsAre("wang-yi", "antony-blinken"));
  EXPECT_THAT(Ids(PeopleIn("Лавров встретился с Ван И.")),
              UnorderedElementsAre("sergey-lavrov", "wang-yi"));
}

TEST(PersonFinderTest, HeadlinesInCapitals) {
  Article article;
  article.title = "U.S. TREASURY'S BAKER SAYS DOLLAR FALL IS ENOUGH";
  article.body =
      "Treasury Secretary James Baker said the dollar had fallen enough.";
  EXPECT_THAT(Labels(SharedExtractor().Extract(article).people),
              UnorderedElementsAre("James Baker"));
  article.body = "The dollar had fallen enough, he said.";
  EXPECT_THAT(Labels(SharedExtractor().Extract(article).people),
              UnorderedElementsAre("Baker"));
  article.title = "ACME PRESIDENT STEPS DOWN";
  EXPECT_THAT(SharedExtractor().Extract(article).people, IsEmpty());
}

TEST(PersonFinderTest, FirstNameLexicon) {
  EXPECT_THAT(Labels(PeopleIn("His predecessor Catherine Colonnade left.")),
              UnorderedElementsAre("Catherine Colonnade"));
}

}  // namespace
}  // namespace chancery
