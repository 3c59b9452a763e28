#include "indexer/readers/block_classifier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "indexer/readers/html_reader.h"
#include "indexer/readers/main_text_extractor.h"

namespace chancery {
namespace {

TEST(BlockClassifierTest, ParsedModelWeighsItsFeatures) {
  const std::string text = "# a model\nthreshold 0.7\nbias -1\nw " +
                           std::to_string(BlockFeatureId("short")) +
                           " 3  # short is furniture\n";
  StatusOr<BlockModel> model = BlockModel::Parse(text, "m.txt");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_DOUBLE_EQ(model->threshold(), 0.7);
  const std::vector<BlockFeature> plain = {{BlockFeatureId("long"), 1}};
  const std::vector<BlockFeature> shortish = {{BlockFeatureId("short"), 1}};
  EXPECT_NEAR(model->FurnitureProbability(plain), 1 / (1 + std::exp(1.0)),
              1e-9);
  EXPECT_NEAR(model->FurnitureProbability(shortish), 1 / (1 + std::exp(-2.0)),
              1e-6);
}

TEST(BlockClassifierTest, BadLineNamedWithFileAndLine) {
  StatusOr<BlockModel> model =
      BlockModel::Parse("threshold 0.5\nweight 1 2\n", "m.txt");
  ASSERT_FALSE(model.ok());
  EXPECT_NE(model.status().message().find("m.txt:2"), std::string::npos)
      << model.status().ToString();
}

TEST(BlockClassifierTest, BuiltInModelGivesProbabilities) {
  const BlockModel model = BlockModel::BuiltIn();
  const std::vector<BlockFeature> features = {{BlockFeatureId("bias"), 1}};
  const double p = model.FurnitureProbability(features);
  EXPECT_GT(p, 0);
  EXPECT_LT(p, 1);
}

// The samples the trainer learns from are the blocks of the page's text,
// with their features, and sampling leaves no block out.
TEST(BlockClassifierTest, SamplesAreTheBlocksOfTheText) {
  const std::string html =
      "<html><body><article><h1>Title</h1>"
      "<p>The first paragraph of the story, long enough to count as text, "
      "with a comma, and more words after it.</p>"
      "<p class=\"appeal\">Boxed words about the summit, set apart from the "
      "story, with more words, and a comma, to read as the story does.</p>"
      "<p>The second paragraph, with more of the story in it, and commas, "
      "many of them, to make it read like text.</p>"
      "</article></body></html>";
  std::vector<BlockSample> samples;
  MainTextOptions options;
  options.samples = &samples;
  std::string date_text;
  const Article sampled = ArticleFromHtml(html, "", &date_text, "", options);
  bool saw_box = false;
  for (const BlockSample& sample : samples) {
    EXPECT_FALSE(sample.features.empty());
    if (sample.text.find("Boxed words") == 0) saw_box = true;
  }
  EXPECT_TRUE(saw_box) << sampled.body;
  EXPECT_NE(sampled.body.find("Boxed words"), std::string::npos);
  // A model that takes blocks of class "appeal" for furniture leaves that
  // one out when not sampling.
  StatusOr<BlockModel> appeal =
      BlockModel::Parse("threshold 0.5\nbias -5\nw " +
                            std::to_string(BlockFeatureId("c:appeal")) + " 9\n",
                        "appeal.txt");
  ASSERT_TRUE(appeal.ok());
  options.model = &*appeal;
  options.samples = nullptr;
  const Article cut = ArticleFromHtml(html, "", &date_text, "", options);
  EXPECT_EQ(cut.body.find("Boxed words"), std::string::npos) << cut.body;
  EXPECT_NE(cut.body.find("The first paragraph"), std::string::npos);
  EXPECT_NE(cut.body.find("The second paragraph"), std::string::npos);
}

}  // namespace
}  // namespace chancery
