#include "common/facets.h"

#include <gtest/gtest.h>

namespace chancery::schema {
namespace {

TEST(FacetsTest, FindsFieldsByName) {
  ASSERT_NE(FindField("country"), nullptr);
  EXPECT_EQ(FindField("country")->prefix, kCountry);
  EXPECT_EQ(FindField("date")->kind, FieldKind::kDate);
  EXPECT_EQ(FindValueField("date"), nullptr);
  EXPECT_EQ(FindValueField("lang")->normalisation,
            Normalisation::kLanguageCode);
  EXPECT_EQ(FindField("nope"), nullptr);
  EXPECT_EQ(FindField(""), nullptr);
}

TEST(FacetsTest, NameListsFollowTheTable) {
  EXPECT_EQ(JoinedNames(kFacetNames),
            "country, person, org, source, lang, date");
  EXPECT_EQ(JoinedNames(kValueFieldNames),
            "country, person, org, source, lang");
  EXPECT_EQ(DefaultFacetNames(),
            (std::vector<std::string>{"country", "person", "org", "date"}));
  EXPECT_EQ(kDateField.name, "date");
  EXPECT_EQ(kLanguageField.name, "lang");
  EXPECT_EQ(EntityField(&ArticleEntities::people).name, "person");
}

TEST(FacetsTest, NamesTheEnumsForClients) {
  EXPECT_EQ(KindName(FieldKind::kEntity), "entity");
  EXPECT_EQ(NormalisationName(Normalisation::kCountryCode), "country_code");
  EXPECT_EQ(LabelSourceName(LabelSource::kLanguageName), "language_name");
}

}  // namespace
}  // namespace chancery::schema
