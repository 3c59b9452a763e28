#include "common/ner/ner_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "common/ner/ner_evaluate.h"
#include "common/ner/ner_trainer.h"

namespace chancery {
namespace {

const std::string kModels = std::string(CHANCERY_SOURCE_DIR) + "/models/ner";

std::vector<std::string_view> Split(std::string_view text) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t space = text.find(' ', at);
    if (space == text.npos) space = text.size();
    if (space > at) out.push_back(text.substr(at, space - at));
    at = space + 1;
  }
  return out;
}

// "type:first word" of each entity, for readable expectations.
std::vector<std::string> Entities(const NerTagger& tagger,
                                  std::string_view sentence) {
  const std::vector<std::string_view> tokens = Split(sentence);
  std::vector<std::string> out;
  for (const EntitySpan& span : tagger.Tag(tokens)) {
    std::string text;
    for (size_t i = span.begin_token; i < span.end_token; ++i) {
      if (!text.empty()) text += ' ';
      text += tokens[i];
    }
    out.push_back(std::string(EntityTypeName(span.type)) + ":" + text);
  }
  return out;
}

using Strings = std::vector<std::string>;

class EnglishTaggerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto tagger = NerTagger::Load(kModels + "/en.model");
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    tagger_ = new NerTagger(std::move(*tagger));
  }
  static void TearDownTestSuite() { delete tagger_; }
  static NerTagger* tagger_;
};
NerTagger* EnglishTaggerTest::tagger_ = nullptr;

TEST_F(EnglishTaggerTest, TagsSentencesWrittenForThisTest) {
  EXPECT_EQ(tagger_->language(), "en");
  EXPECT_EQ(Entities(*tagger_,
                     "Angela Merkel met Emmanuel Macron in Paris on Tuesday ."),
            (Strings{"PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Paris"}));
  EXPECT_EQ(Entities(*tagger_,
                     "Shares of General Motors fell 3 percent in New York ."),
            (Strings{"ORG:General Motors", "LOC:New York"}));
  EXPECT_EQ(Entities(*tagger_, "the cat sat on the mat ."), Strings{});
  EXPECT_TRUE(tagger_->Tag({}).empty());
}

TEST_F(EnglishTaggerTest, TagTextMapsBackToBytes) {
  const std::string text =
      "Tony Blair flew to Moscow on Monday.\n\nThe European Union said "
      "nothing.";
  const std::vector<TextEntity> entities = tagger_->TagText(text);
  std::vector<std::string> found;
  for (const TextEntity& e : entities) {
    found.push_back(std::string(EntityTypeName(e.type)) + ":" +
                    text.substr(e.begin, e.end - e.begin));
  }
  EXPECT_EQ(found,
            (Strings{"PER:Tony Blair", "LOC:Moscow", "ORG:European Union"}));
}

TEST_F(EnglishTaggerTest, IsDeterministicAndThreadSafe) {
  const std::vector<std::string_view> tokens =
      Split("Reuters reported that Boris Johnson visited Berlin and Rome .");
  const std::vector<NerTag> first = tagger_->TagSequence(tokens);
  std::vector<std::vector<NerTag>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) result = tagger_->TagSequence(tokens);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& result : results) EXPECT_EQ(result, first);
}

TEST(NerTaggerTest, LoadErrorsAreStatuses) {
  EXPECT_EQ(NerTagger::Load(kModels + "/xx.model").status().code(),
            StatusCode::kNotFound);
  const std::string path =
      (std::filesystem::temp_directory_path() /
       ("ner_tagger_test_" + std::to_string(::getpid()) + ".model"))
          .string();
  std::ifstream in(kModels + "/en.model", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)),
                          std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 1000u);
  for (const std::string& broken :
       {bytes.substr(0, bytes.size() / 2), bytes.substr(0, 10),
        std::string("garbage, not a model at all, but long enough to have a "
                    "header")}) {
    std::ofstream(path, std::ios::binary) << broken;
    auto tagger = NerTagger::Load(path);
    ASSERT_FALSE(tagger.ok());
    EXPECT_EQ(tagger.status().code(), StatusCode::kCorruption);
    EXPECT_NE(tagger.status().message().find(path), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(NerTaggerTest, EveryCommittedModelLoadsAndTags) {
  for (const char* lang : {"en", "de", "es", "fr", "ru", "zh", "ar"}) {
    auto tagger = NerTagger::Load(kModels + "/" + lang + ".model");
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    EXPECT_EQ(tagger->language(), lang);
    EXPECT_LT(std::filesystem::file_size(kModels + "/" + lang + ".model"),
              5u << 20);  // Compact: a few MB at most.
  }
  auto zh = NerTagger::Load(kModels + "/zh.model");
  ASSERT_TRUE(zh.ok());
  EXPECT_EQ(zh->tokenization(), NerTokenization::kCharacters);
  const std::string text = "李明昨天在北京见到了王小平。";
  bool found_beijing = false;
  bool found_wang = false;
  for (const TextEntity& e : zh->TagText(text)) {
    const std::string name = text.substr(e.begin, e.end - e.begin);
    found_beijing |= name == "北京" && e.type == EntityType::kLoc;
    found_wang |= name == "王小平" && e.type == EntityType::kPer;
  }
  EXPECT_TRUE(found_beijing);
  EXPECT_TRUE(found_wang);
}

TEST(NerTaggerTest, ArabicModelTagsANameBehindAProclitic) {
  auto ar = NerTagger::Load(kModels + "/ar.model");
  ASSERT_TRUE(ar.ok()) << ar.status().ToString();
  EXPECT_EQ(ar->tokenization(), NerTokenization::kArabicWords);
  // "Kofi Annan met Tony Blair in Cairo"; وتوني carries the conjunction و.
  const std::string text = "التقى كوفي أنان وتوني بلير في القاهرة .";
  std::vector<std::string> people;
  for (const TextEntity& e : ar->TagText(text)) {
    if (e.type == EntityType::kPer) {
      people.push_back(text.substr(e.begin, e.end - e.begin));
    }
  }
  EXPECT_NE(std::find(people.begin(), people.end(), "كوفي أنان"), people.end());
}

TEST(NerTaggerTest, ChoosesModelByLanguage) {
  EXPECT_EQ(NerModelLanguageFor("en"), "en");
  EXPECT_EQ(NerModelLanguageFor("ZH-Hant"), "zh");
  EXPECT_EQ(NerModelLanguageFor("pt_BR"), "es");
  EXPECT_EQ(NerModelLanguageFor("nl"), "en");
  EXPECT_EQ(NerModelLanguageFor("uk"), "ru");
  EXPECT_EQ(NerModelLanguageFor("ja"), "");
  EXPECT_EQ(NerModelLanguageFor(""), "");
}

TEST(NerTrainerTest, SameCorpusGivesSameModelBytes) {
  auto corpus = ParseIob2(
      "John\tB-PER\nSmith\tI-PER\nvisited\tO\nParis\tB-LOC\n.\tO\n\n"
      "Mary\tB-PER\nworks\tO\nfor\tO\nAcme\tB-ORG\nCorp\tI-ORG\n.\tO\n\n"
      "Paris\tB-LOC\nis\tO\nbig\tO\n.\tO\n",
      "inline");
  ASSERT_TRUE(corpus.ok());
  NerTrainOptions options;
  options.language = "en";
  options.hash_bits = 14;
  options.epochs = 5;
  const std::string a = EncodeNerModel(TrainNerModel(*corpus, options));
  const std::string b = EncodeNerModel(TrainNerModel(*corpus, options));
  EXPECT_EQ(a, b);
  // It learnt the training sentences, and never predicts MISC (absent).
  const NerTagger tagger(*DecodeNerModel(a, "inline"));
  const NerEvaluation result = EvaluateNerTagger(tagger, *corpus);
  EXPECT_EQ(result.scores.Total().F1(), 1.0);
  EXPECT_EQ(result.scores.ForType(EntityType::kMisc).predicted, 0u);
}

// Uses ../shared/ner when present (a user's clone has none).
TEST(NerTaggerTest, EnglishDevQualityWhenSharedDataExists) {
  const std::string dev =
      std::string(CHANCERY_SOURCE_DIR) + "/../shared/ner/en/dev.txt";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << dev << " not present";
  auto corpus = ReadIob2File(dev);
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  auto tagger = NerTagger::Load(kModels + "/en.model");
  ASSERT_TRUE(tagger.ok());
  const NerEvaluation result = EvaluateNerTagger(*tagger, *corpus);
  EXPECT_GE(result.scores.ForType(EntityType::kPer).F1(), 0.90);
  EXPECT_GE(result.scores.ForType(EntityType::kOrg).F1(), 0.80);
}

}  // namespace
}  // namespace chancery
