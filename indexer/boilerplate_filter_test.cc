#include "indexer/boilerplate_filter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "common/stored_article.h"

namespace chancery {
namespace {

BoilerplateFilter Curated() {
  auto f = BoilerplateFilter::Load(std::string(CHANCERY_SOURCE_DIR) +
                                   "/config/boilerplate.tsv");
  EXPECT_TRUE(f.ok()) << f.status().ToString();
  return std::move(f).value();
}

Article Make(std::string source, std::string body) {
  Article a;
  a.source = std::move(source);
  a.body = std::move(body);
  return a;
}

// The searchable text of `a` under the filter's final statistics.
std::string FinalText(const BoilerplateFilter& f, Article a) {
  a.furniture = f.Find(a);
  return SearchableBody(a);
}

TEST(BoilerplateFilter, CuratedMarkersAndTheirLinksGo) {
  BoilerplateFilter f = Curated();
  const std::string body =
      "Paris expects clear messages.\n\nAll about the topic:\n\n"
      "Russian invasion of Ukraine 13132\n\nMacron spoke.\n\n"
      "Follow the channel of\n\nRussian invasion of Ukraine";
  Article a = Make("site", body);
  f.Clean(a);
  EXPECT_EQ(a.body, body);  // the stored text stays whole
  EXPECT_EQ(SearchableBody(a),
            "Paris expects clear messages.\n\n\n\n\n\n"
            "Macron spoke.\n\n\n\n");
}

TEST(BoilerplateFilter, LinesRepeatedAcrossASourceAreLearned) {
  BoilerplateFilter f = Curated();
  std::vector<Article> site;
  for (int i = 0; i < 10; ++i) {
    site.push_back(Make("site", "Story " + std::to_string(i) +
                                    ".\n\nGet our app for breaking news"));
  }
  for (Article& a : site) f.Clean(a);
  // Once the statistics are whole, every article loses the line, the
  // first ones too.
  for (const Article& a : site) {
    EXPECT_EQ(FinalText(f, a).find("Get our app"), std::string::npos);
  }
  // Another source has not shown it often enough.
  Article other = Make("other", "Elsewhere.\n\nGet our app for breaking news");
  f.Clean(other);
  EXPECT_NE(SearchableBody(other).find("Get our app"), std::string::npos);
}

// The case: a furniture line in a body whose lines are separated by
// single newlines, in 30 articles of one source.
TEST(BoilerplateFilter, SingleNewlineFurnitureIsFound) {
  BoilerplateFilter f = Curated();
  std::vector<Article> items;
  for (int i = 0; i < 30; ++i) {
    items.push_back(Make("harbour", "Item " + std::to_string(i) +
                                        " about dredging.\nFollow our X "
                                        "channel for more news"));
  }
  for (Article& a : items) f.Clean(a);
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(FinalText(f, items[i]),
              "Item " + std::to_string(i) + " about dredging.\n");
    EXPECT_NE(items[i].body.find("Follow our X"), std::string::npos);
  }
}

// The case: three articles of one source with the same one-sentence
// body; each keeps it, as the same article indexed alone does.
TEST(BoilerplateFilter, RepeatedOneSentenceBodiesStay) {
  BoilerplateFilter f = Curated();
  const std::string body = "Dredging of the harbour resumed on Monday.";
  for (int i = 0; i < 3; ++i) {
    Article a = Make("harbour", body);
    f.Clean(a);
    EXPECT_TRUE(a.furniture.empty());
    EXPECT_EQ(FinalText(f, a), body);
  }
}

TEST(BoilerplateFilter, CopiesOfOneBodyTeachNothingAndBodiesNeverEmpty) {
  BoilerplateFilter f = Curated();
  // One two-line story, republished 20 times: both lines are in every
  // article of the source, but they are one body.
  const std::string story = "Storm hits the coast.\n\nThree ships sank.";
  for (int i = 0; i < 20; ++i) {
    Article a = Make("wire", story);
    f.Clean(a);
    EXPECT_TRUE(a.furniture.empty());
  }
  // A body made only of learned furniture keeps it.
  for (int i = 0; i < 10; ++i) {
    Article a = Make("site", "News " + std::to_string(i) + ".\n\nRead our app");
    f.Clean(a);
  }
  Article only = Make("site", "Read our app");
  f.Clean(only);
  EXPECT_EQ(FinalText(f, only), "Read our app");
}

TEST(BoilerplateFilter, WrappedWireLinesAreContent) {
  BoilerplateFilter f = Curated();
  std::vector<Article> wire;
  for (int i = 0; i < 20; ++i) {
    wire.push_back(Make("reuters", "Company " + std::to_string(i) +
                                       " said it\nexpected higher sales\n"
                                       "this year.\nReuter"));
  }
  for (Article& a : wire) f.Clean(a);
  // Repeated wrapped lines stay; the sign-off line goes.
  EXPECT_EQ(FinalText(f, wire[0]),
            "Company 0 said it\nexpected higher sales\nthis year.\n");
}

TEST(BoilerplateFilter, ShareOfTheSourceMatters) {
  BoilerplateFilter f = Curated();
  // In 7 of 200 articles (3.5%): not furniture, though seen 6 times.
  std::vector<Article> all;
  for (int i = 0; i < 200; ++i) {
    all.push_back(Make("big", "Report " + std::to_string(i) + "." +
                                  (i % 33 == 0 ? "\n\nWeather follows" : "")));
  }
  for (Article& a : all) f.Clean(a);
  EXPECT_EQ(FinalText(f, all[0]), "Report 0.\n\nWeather follows");
}

TEST(BoilerplateFilter, TableRoundTripsAndBadTablesAreRefused) {
  BoilerplateFilter f = Curated();
  for (int i = 0; i < 10; ++i) {
    Article a = Make("site", "Story " + std::to_string(i) + ".\nShare this");
    f.Clean(a);
  }
  BoilerplateFilter later = Curated();
  ASSERT_TRUE(later.Merge(f.Serialize()).ok());
  Article fresh = Make("site", "A new story.\nShare this");
  EXPECT_EQ(FinalText(later, fresh), "A new story.\n");
  EXPECT_EQ(later.Serialize(), f.Serialize());
  // The furniture line is rechecked in the later run too.
  ASSERT_EQ(later.LinesToRecheck().size(), 1u);
  EXPECT_TRUE(later.LinesToRecheck()[0].furniture);
  EXPECT_EQ(later.LinesToRecheck()[0].text, "Share this");
  // A body seen before is not counted again.
  for (int i = 0; i < 10; ++i) {
    Article again =
        Make("site", "Story " + std::to_string(i) + ".\nShare this");
    later.Clean(again);
  }
  EXPECT_EQ(later.Serialize(), f.Serialize());

  BoilerplateFilter bad = Curated();
  EXPECT_EQ(bad.Merge("not a table").code(), StatusCode::kCorruption);
  EXPECT_EQ(bad.Merge("chancery-boilerplate 1\nline\tzz\t3\n").code(),
            StatusCode::kCorruption);
  EXPECT_TRUE(bad.Merge("").ok());
}

// Any order of the same articles gives every article the same text.
TEST(BoilerplateFilter, DecisionsDoNotDependOnInputOrder) {
  std::vector<Article> corpus;
  const char* furniture[] = {"Follow us on the app", "Subscribe now",
                             "Rare footer"};
  for (int i = 0; i < 120; ++i) {
    std::string body = "Story " + std::to_string(i % 100) + " of the day.";
    if (i % 2 == 0) body += "\n" + std::string(furniture[0]);
    if (i % 5 == 0) body += "\n\n" + std::string(furniture[1]);
    if (i % 23 == 0) body += "\n" + std::string(furniture[2]);
    corpus.push_back(Make(i % 3 == 0 ? "b" : "a", body));
  }
  std::vector<std::string> expected;
  std::mt19937 random(11);
  for (int round = 0; round < 6; ++round) {
    std::vector<size_t> order(corpus.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), random);
    BoilerplateFilter f = Curated();
    for (size_t i : order) {
      Article a = corpus[i];
      f.Clean(a);
    }
    std::vector<std::string> texts;
    for (const Article& a : corpus) texts.push_back(FinalText(f, a));
    if (round == 0) {
      expected = texts;
      EXPECT_EQ(texts[0].find("Follow us"), std::string::npos);
      EXPECT_NE(texts[0].find("Rare footer"), std::string::npos);
    } else {
      EXPECT_EQ(texts, expected) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace chancery
