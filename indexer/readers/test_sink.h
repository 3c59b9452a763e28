// Test helpers for the readers: a sink that records everything it is told,
// and a scratch directory that is removed after each test.
#ifndef CHANCERY_INDEXER_READERS_TEST_SINK_H_
#define CHANCERY_INDEXER_READERS_TEST_SINK_H_

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "indexer/readers/article_reader.h"

namespace chancery {

struct RecordingSink : ArticleSink {
  struct Message {
    std::string origin;
    std::string reason;
  };
  std::vector<Article> articles;
  std::vector<Message> rejects;
  std::vector<Message> warnings;
  std::vector<uint64_t> progress;

  void OnArticle(Article&& article) override {
    articles.push_back(std::move(article));
  }
  void OnReject(const std::string& origin, const std::string& reason) override {
    rejects.push_back({origin, reason});
  }
  void OnWarning(const std::string& origin,
                 const std::string& reason) override {
    warnings.push_back({origin, reason});
  }
  void OnProgress(uint64_t bytes_read) override {
    progress.push_back(bytes_read);
  }
};

// A fresh directory under the system temp dir for one test.
class ScratchDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() /
           ("chancery_readers_" + std::to_string(random()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes `content` to `name` inside the scratch dir; returns its path.
  std::string WriteFile(const std::string& name, const std::string& content) {
    const std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  // Like WriteFile, gzip-compressed, as archives ship.
  std::string WriteGzipFile(const std::string& name,
                            const std::string& content) {
    const std::string path = (dir_ / name).string();
    gzFile gz = gzopen(path.c_str(), "wb");
    EXPECT_NE(gz, nullptr);
    EXPECT_EQ(
        gzwrite(gz, content.data(), static_cast<unsigned>(content.size())),
        static_cast<int>(content.size()));
    EXPECT_EQ(gzclose(gz), Z_OK);
    return path;
  }

  std::filesystem::path dir_;
};

// `data` as one gzip member, as WARC writers compress each record.
inline std::string GzipMember(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(
      deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Where the committed fixtures are.
inline std::string FixturePath(const std::string& name) {
  return std::string(CHANCERY_SOURCE_DIR) + "/tests/fixtures/readers/" + name;
}

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_TEST_SINK_H_
