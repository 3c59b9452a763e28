#include "indexer/boilerplate_filter.h"

#include <gtest/gtest.h>

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

TEST(BoilerplateFilter, CuratedMarkersAndTheirLinksGo) {
  BoilerplateFilter f = Curated();
  Article a = Make("site",
                   "Paris expects clear messages.\n\nAll about the topic:\n\n"
                   "Russian invasion of Ukraine 13132\n\nMacron spoke.\n\n"
                   "Follow the channel of\n\nRussian invasion of Ukraine");
  f.Clean(a);
  EXPECT_EQ(a.body, "Paris expects clear messages.\n\n\n\nMacron spoke.");
}

TEST(BoilerplateFilter, LinesRepeatedAcrossASourceAreLearned) {
  BoilerplateFilter f = Curated();
  std::string footer = "\n\nGet our app for breaking news";
  for (int i = 0; i < BoilerplateFilter::kLearnAfter - 1; ++i) {
    Article a = Make("site", "Story " + std::to_string(i) + "." + footer);
    f.Clean(a);
    EXPECT_NE(a.body.find("Get our app"), std::string::npos);
  }
  Article third = Make("site", "Third story." + footer);
  f.Clean(third);
  EXPECT_EQ(third.body, "Third story.");
  // Another source has not shown it often enough.
  Article other = Make("other", "Elsewhere." + footer);
  f.Clean(other);
  EXPECT_NE(other.body.find("Get our app"), std::string::npos);
}

TEST(BoilerplateFilter, WrappedWireLinesAreContent) {
  BoilerplateFilter f = Curated();
  for (int i = 0; i < 5; ++i) {
    Article a = Make("reuters",
                     "The company said it\nexpected higher sales\nthis year.");
    f.Clean(a);
    EXPECT_EQ(a.body, "The company said it\nexpected higher sales\nthis year.");
  }
}

}  // namespace
}  // namespace chancery
