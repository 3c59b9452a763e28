#include "common/ner/ner_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace chancery {
namespace {

NerModel SmallModel() {
  NerModel model;
  model.language = "xx";
  model.tokenization = NerTokenization::kWords;
  model.hash_bits = kMinNerHashBits;
  model.type_mask = 0x7;
  model.weights.assign((size_t{1} << model.hash_bits) * kNumNerTags, 0);
  model.weights[5] = 1200;
  model.weights[17 * kNumNerTags + 3] = -7;
  model.weights[4000 * kNumNerTags + 8] = 32767;
  model.gazetteer = {{10, kGazetteerFirstName}, {99999, kGazetteerPlace}};
  return model;
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("ner_model_test_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

TEST(NerModelTest, RoundTripsThroughBytesAndFiles) {
  const NerModel model = SmallModel();
  const std::string bytes = EncodeNerModel(model);
  auto decoded = DecodeNerModel(bytes, "mem");
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->language, "xx");
  EXPECT_EQ(decoded->hash_bits, kMinNerHashBits);
  EXPECT_EQ(decoded->type_mask, 0x7);
  EXPECT_EQ(decoded->weights, model.weights);
  EXPECT_EQ(decoded->gazetteer, model.gazetteer);
  EXPECT_EQ(EncodeNerModel(*decoded), bytes);  // Deterministic.

  const std::string path = TempPath("roundtrip.model");
  ASSERT_TRUE(WriteNerModelFile(model, path).ok());
  auto read = ReadNerModelFile(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->weights, model.weights);
  std::filesystem::remove(path);
}

TEST(NerModelTest, KeepsEachTokenization) {
  for (NerTokenization t :
       {NerTokenization::kWords, NerTokenization::kCharacters,
        NerTokenization::kArabicWords}) {
    NerModel model = SmallModel();
    model.tokenization = t;
    auto decoded = DecodeNerModel(EncodeNerModel(model), "mem");
    ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
    EXPECT_EQ(decoded->tokenization, t);
  }
}

TEST(NerModelTest, MissingFileIsNotFound) {
  auto model = ReadNerModelFile("/nonexistent/dir/en.model");
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kNotFound);
  EXPECT_NE(model.status().message().find("/nonexistent/dir/en.model"),
            std::string::npos);
}

TEST(NerModelTest, EveryTruncationIsCorruption) {
  const std::string bytes = EncodeNerModel(SmallModel());
  for (size_t size = 0; size < bytes.size(); ++size) {
    auto model = DecodeNerModel(bytes.substr(0, size), "cut.model");
    ASSERT_FALSE(model.ok()) << size;
    EXPECT_EQ(model.status().code(), StatusCode::kCorruption) << size;
    EXPECT_EQ(model.status().message().rfind("cut.model: ", 0), 0u);
  }
}

TEST(NerModelTest, GarbageAndFlippedBytesAreCorruption) {
  const std::string path = TempPath("garbage.model");
  WriteBytes(path, std::string(4096, 'x'));
  auto garbage = ReadNerModelFile(path);
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.status().code(), StatusCode::kCorruption);
  EXPECT_NE(garbage.status().message().find("bad magic"), std::string::npos);
  std::filesystem::remove(path);

  const std::string bytes = EncodeNerModel(SmallModel());
  for (size_t at = 8; at < bytes.size(); ++at) {
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x40);
    auto model = DecodeNerModel(flipped, "flip.model");
    EXPECT_FALSE(model.ok()) << "byte " << at;
  }
  std::string extra = bytes + "z";
  EXPECT_FALSE(DecodeNerModel(extra, "extra.model").ok());
}

TEST(NerModelTest, DirectoryIsAnError) {
  auto model = ReadNerModelFile(std::filesystem::temp_directory_path());
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace chancery
