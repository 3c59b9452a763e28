#include "common/stored_article.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

Entity Named(std::string id, std::string label, int mentions = 1) {
  Entity e;
  e.id = std::move(id);
  e.label = std::move(label);
  e.mentions = mentions;
  return e;
}

TEST(StoredArticle, RoundTrips) {
  Article a;
  a.id = "a1";
  a.title = "Séjourné in Beijing";
  a.body = "Body <b>text</b>";
  a.date = 1708959661;  // 2024-02-26T15:01:01Z
  a.lang = "en";
  a.meta_json = R"({"section":"world"})";
  ArticleEntities e;
  e.countries.push_back(Named("FR", "France", 3));
  e.people.push_back(Named("stephane-sejourne", "Stéphane Séjourné", 2));

  auto decoded = DecodeStoredArticle(EncodeStoredArticle(a, e));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->article.title, a.title);
  EXPECT_EQ(decoded->article.body, a.body);
  EXPECT_EQ(decoded->article.date, a.date);
  EXPECT_EQ(decoded->article.meta_json, a.meta_json);
  ASSERT_EQ(decoded->entities.countries.size(), 1u);
  EXPECT_EQ(decoded->entities.countries[0].mentions, 3);
  EXPECT_EQ(decoded->entities.people[0].label, "Stéphane Séjourné");
  EXPECT_EQ(FormatIsoDate(1708959661), "2024-02-26T15:01:01Z");
}

TEST(StoredArticle, RoundTripsSpansAndNativeForms) {
  Article a;
  a.id = "a2";
  a.title = "Лавров в Пекине";
  a.body = "Sergey Lavrov met Wang Yi.";
  ArticleEntities e;
  Entity lavrov = Named("sergei-lavrov", "Sergey Lavrov", 3);
  lavrov.spans = {{MentionField::kTitle, 0, 12, MentionType::kPer},
                  {MentionField::kBody, 0, 13, MentionType::kPer},
                  {MentionField::kPublisher, 0, 0, MentionType::kRule}};
  lavrov.native_forms = {"Лавров", "Сергей Лавров"};
  e.people.push_back(lavrov);
  Entity cn = Named("CN", "China");
  cn.spans = {
      {MentionField::kDateline, 3, 10, MentionType::kLoc},
      {MentionField::kBody, 4000000000u, 4000000001u, MentionType::kMisc}};
  e.countries.push_back(cn);
  e.orgs.push_back(Named("un", "United Nations"));

  const std::string data = EncodeStoredArticle(a, e);
  // The binary format, told apart from the old JSON by its first byte.
  ASSERT_FALSE(data.empty());
  EXPECT_EQ(data.front(), '\x01');

  auto decoded = DecodeStoredArticle(data);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->entities.people.size(), 1u);
  EXPECT_EQ(decoded->entities.people[0].spans, lavrov.spans);
  EXPECT_EQ(decoded->entities.people[0].native_forms, lavrov.native_forms);
  EXPECT_EQ(decoded->entities.people[0].mentions, 3);
  ASSERT_EQ(decoded->entities.countries.size(), 1u);
  EXPECT_EQ(decoded->entities.countries[0].spans, cn.spans);
  ASSERT_EQ(decoded->entities.orgs.size(), 1u);
  EXPECT_TRUE(decoded->entities.orgs[0].spans.empty());
  EXPECT_TRUE(decoded->entities.orgs[0].native_forms.empty());
}

TEST(StoredArticle, DecodesDataWrittenBeforeSpans) {
  auto decoded = DecodeStoredArticle(
      R"({"id":"old","title":"T","body":"B","url":"","source":"","lang":"en",)"
      R"("author":"","dateline":"","countries":[{"id":"FR","label":"France",)"
      R"("mentions":2}],"people":[],"orgs":[],"meta":{}})");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->entities.countries.size(), 1u);
  EXPECT_EQ(decoded->entities.countries[0].mentions, 2);
  EXPECT_TRUE(decoded->entities.countries[0].spans.empty());
  EXPECT_TRUE(decoded->entities.countries[0].native_forms.empty());
}

TEST(StoredArticle, DropsMalformedSpansAndForms) {
  auto decoded = DecodeStoredArticle(
      R"({"id":"x","people":[{"id":"p","label":"P","spans":[)"
      R"(["b",1,4,"PER"],)"           // kept
      R"(["x",1,4,"PER"],)"           // unknown field
      R"(["b",1,4,"PERSON"],)"        // unknown type
      R"(["b",5,4,"PER"],)"           // begin > end
      R"(["b",-1,4,"PER"],)"          // negative
      R"(["b",1,4294967296,"PER"],)"  // beyond uint32
      R"(["b",1.5,4,"PER"],)"         // not an integer
      R"(["b",1,4],"b",{"b":1},)"     // wrong shapes
      R"(["d",0,3,"LOC"]],)"          // kept
      R"("forms":["Пэ",7,null]},"not an entity"]})");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  ASSERT_EQ(decoded->entities.people.size(), 1u);
  const Entity& p = decoded->entities.people[0];
  EXPECT_EQ(p.spans, (std::vector<Mention>{
                         {MentionField::kBody, 1, 4, MentionType::kPer},
                         {MentionField::kDateline, 0, 3, MentionType::kLoc}}));
  EXPECT_EQ(p.native_forms, std::vector<std::string>{"Пэ"});
}

TEST(StoredArticle, RejectsGarbage) {
  EXPECT_FALSE(DecodeStoredArticle("not json").ok());
  // Members of the wrong type are corruption, not an exception.
  auto wrong = DecodeStoredArticle(R"({"id":7})");
  EXPECT_EQ(wrong.status().code(), StatusCode::kCorruption);
  wrong = DecodeStoredArticle(R"({"id":"x","people":[{"mentions":"two"}]})");
  EXPECT_EQ(wrong.status().code(), StatusCode::kCorruption);
}

// Old-format data (written by the JSON encoder this format replaced)
// still decodes, fully and as a listing.
TEST(StoredArticle, DecodesOldJsonData) {
  const std::string old =
      R"({"author":"","body":"Body","countries":[{"id":"FR","label":"France",)"
      R"("mentions":2,"spans":[["d",0,5,"LOC"]]}],"date":"2024-03-03T15:01:01Z",)"
      R"("dateline":"PARIS, March 3","furniture":[[0,4]],"id":"x","lang":"fr",)"
      R"("meta":{"k":1},"orgs":[],"people":[{"forms":["Макрон"],)"
      R"("id":"emmanuel-macron","label":"Emmanuel Macron","mentions":1,)"
      R"("spans":[["b",0,4,"PER"]]}],"source":"Wire","title":"T","url":""})";
  auto full = DecodeStoredArticle(old);
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_EQ(full->article.date, 1709478061);
  EXPECT_EQ(full->article.meta_json, R"({"k":1})");
  ASSERT_EQ(full->entities.people.size(), 1u);
  EXPECT_EQ(full->entities.people[0].native_forms[0], "Макрон");
  // Re-encoded in the binary format, it decodes to the same.
  const std::string binary = EncodeStoredArticle(full->article, full->entities);
  auto again = DecodeStoredArticle(binary);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->article.meta_json, full->article.meta_json);
  EXPECT_EQ(again->article.furniture, full->article.furniture);
  EXPECT_EQ(again->entities.people[0].spans, full->entities.people[0].spans);
  EXPECT_EQ(again->entities.countries[0].spans,
            full->entities.countries[0].spans);
  auto listing = DecodeStoredListing(old, false);
  ASSERT_TRUE(listing.ok());
  EXPECT_EQ(listing->entities.people[0].label, "Emmanuel Macron");
}

// Every truncation and every single-byte change of a binary record is
// Corruption or a decode, never a crash or an over-read (run under ASan).
TEST(StoredArticle, TruncatedOrGarbledBinaryIsCorruption) {
  Article a;
  a.id = "g";
  a.title = "Лавров";
  a.body = std::string(300, 'b');
  a.date = -5;
  a.meta_json = R"({"m":[1]})";
  a.furniture = {{1, 3}, {10, 20}};
  ArticleEntities e;
  Entity p = Named("sergei-lavrov", "Sergey Lavrov", 2);
  p.spans = {{MentionField::kBody, 200, 213, MentionType::kPer},
             {MentionField::kBody, 5, 9, MentionType::kRule}};
  p.native_forms = {"Лавров"};
  e.people = {p};
  const std::string data = EncodeStoredArticle(a, e);
  auto whole = DecodeStoredArticle(data);
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(whole->article.date, -5);
  EXPECT_EQ(whole->article.furniture, a.furniture);
  EXPECT_EQ(whole->entities.people[0].spans, p.spans);
  for (size_t n = 1; n < data.size(); ++n) {
    const std::string cut = data.substr(0, n);
    EXPECT_EQ(DecodeStoredArticle(cut).status().code(), StatusCode::kCorruption)
        << n;
    EXPECT_FALSE(DecodeStoredListing(cut, true).ok()) << n;
  }
  for (size_t i = 1; i < data.size(); ++i) {
    for (char c : {'\x00', '\x7F', '\x80', '\xFF'}) {
      std::string bad = data;
      bad[i] = c;
      (void)DecodeStoredArticle(bad);
      (void)DecodeStoredListing(bad, false);
      (void)DecodeStoredListing(bad, true);
    }
  }
}

}  // namespace
}  // namespace chancery

namespace chancery {
namespace {

// DecodeStoredListing reads what DecodeStoredArticle reads of the fields a
// listing has, escapes and all, and skips the rest.
TEST(StoredListing, ReadsWhatTheFullDecoderReads) {
  Article a;
  a.id = "id-\"1\"";
  a.title = "Tab\there, quote \" backslash \\ bell \x07 and é 习近平 😀";
  a.body = "Body {with} [brackets], \"quotes\"\nand lines\r\n\x01";
  a.url = "https://example.org/a?b=c&d=\\";
  a.source = "Wire";
  a.lang = "fr";
  a.author = "";
  a.dateline = "PARIS, March 3";
  a.date = 1709478061;
  a.meta_json = R"({"k":[1,{"x":"}"}],"n":null,"t":true,"f":-1.5e3})";
  a.furniture = {{0, 4}};
  ArticleEntities e;
  Entity country;
  country.id = "FR";
  country.label = "France";
  country.mentions = 2;
  e.countries = {country};
  Entity person;
  person.id = "emmanuel-macron";
  person.label = "Emmanuel \"M\"";
  Mention span;
  span.field = MentionField::kBody;
  span.begin = 0;
  span.end = 4;
  span.type = MentionType::kPer;
  person.spans = {span};
  person.native_forms = {"Макрон"};
  e.people = {person};
  const std::string data = EncodeStoredArticle(a, e);
  StatusOr<StoredArticle> full = DecodeStoredArticle(data);
  ASSERT_TRUE(full.ok());
  for (bool with_body : {false, true}) {
    StatusOr<StoredArticle> listing = DecodeStoredListing(data, with_body);
    ASSERT_TRUE(listing.ok()) << listing.status().ToString();
    const Article& f = full->article;
    const Article& l = listing->article;
    EXPECT_EQ(l.id, f.id);
    EXPECT_EQ(l.title, f.title);
    EXPECT_EQ(l.url, f.url);
    EXPECT_EQ(l.source, f.source);
    EXPECT_EQ(l.lang, f.lang);
    EXPECT_EQ(l.dateline, f.dateline);
    EXPECT_EQ(l.date, f.date);
    EXPECT_EQ(l.body, with_body ? f.body : "");
    ASSERT_EQ(listing->entities.people.size(), 1u);
    EXPECT_EQ(listing->entities.people[0].id, "emmanuel-macron");
    EXPECT_EQ(listing->entities.people[0].label, "Emmanuel \"M\"");
    EXPECT_TRUE(listing->entities.people[0].spans.empty());
    ASSERT_EQ(listing->entities.countries.size(), 1u);
    EXPECT_EQ(listing->entities.countries[0].id, "FR");
  }
  EXPECT_EQ(
      DecodeStoredListing(R"({"title":"\ud83d\ude00"})", false)->article.title,
      "😀");
  for (const char* bad : {"", "[]", "{", R"({"id":"x)", R"({"id":"x",})",
                          R"({"a":[1,2})", R"({"id":"\q"})"}) {
    EXPECT_FALSE(DecodeStoredListing(bad, true).ok()) << bad;
  }
}

}  // namespace
}  // namespace chancery
