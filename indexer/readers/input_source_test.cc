// InputSource's gzip handling: several members, damaged members skipped as
// gaps, offsets of members, stopping at gaps.
#include "indexer/readers/input_source.h"

#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

using InputSourceTest = ScratchDirTest;

std::string ReadRest(InputSource& source) {
  std::string all;
  EXPECT_TRUE(source.ReadAll(&all).ok());
  return all;
}

// The same member with a byte of its deflate data changed so that it no
// longer decompresses (a stored bit flip in the block type).
std::string Damaged(std::string member) {
  member[10] = static_cast<char>(0xff);  // first byte after the header
  return member;
}

TEST_F(InputSourceTest, ReadsEveryMemberOfAMultiMemberFile) {
  const std::string path = WriteFile(
      "a.gz", GzipMember("first\n") + GzipMember("") + GzipMember("second\n"));
  auto source = InputSource::Open(path);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(ReadRest(**source), "first\nsecond\n");
  EXPECT_TRUE((*source)->TakeGaps().empty());
}

TEST_F(InputSourceTest, PlainFilesAreReadAsTheyAre) {
  const std::string path = WriteFile("a.txt", "\x1f not gzip");
  auto source = InputSource::Open(path);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(ReadRest(**source), "\x1f not gzip");
  EXPECT_EQ((*source)->RawOffsetOfNextByte(), 10u);
}

TEST_F(InputSourceTest, DamagedMemberIsAGapAndTheRestIsRead) {
  const std::string one = GzipMember("one\n");
  const std::string two = Damaged(GzipMember("two two two two\n"));
  const std::string path = WriteFile("a.gz", one + two + GzipMember("three\n"));
  auto source = InputSource::Open(path);
  ASSERT_TRUE(source.ok());
  const std::string all = ReadRest(**source);
  EXPECT_EQ(all.substr(0, 4), "one\n");
  EXPECT_EQ(all.substr(all.size() - 6), "three\n");
  const std::vector<InputSource::Gap> gaps = (*source)->TakeGaps();
  ASSERT_EQ(gaps.size(), 1u);
  EXPECT_EQ(gaps[0].raw_offset, one.size());
  EXPECT_FALSE(gaps[0].reason.empty());
  EXPECT_EQ(gaps[0].offset, all.size() - 6);
  EXPECT_TRUE((*source)->status().ok());
}

TEST_F(InputSourceTest, StopsAtGapsWhenAskedAndTellsMemberOffsets) {
  const std::string one = GzipMember("one\n");
  const std::string two = Damaged(GzipMember("two two two two\n"));
  const std::string path = WriteFile("a.gz", one + two + GzipMember("three\n"));
  auto opened = InputSource::Open(path);
  ASSERT_TRUE(opened.ok());
  InputSource& source = **opened;
  source.set_stop_at_gaps(true);
  std::string line;
  EXPECT_EQ(source.RawOffsetOfNextByte(), 0u);
  ASSERT_TRUE(source.ReadLine(&line));
  EXPECT_EQ(line, "one");
  while (source.ReadLine(&line)) {
  }
  EXPECT_TRUE(source.at_gap());
  EXPECT_EQ(source.TakeGaps().size(), 1u);
  source.ResumeAfterGap();
  EXPECT_EQ(source.RawOffsetOfNextByte(), one.size() + two.size());
  ASSERT_TRUE(source.ReadLine(&line));
  EXPECT_EQ(line, "three");
  EXPECT_FALSE(source.ReadLine(&line));
  EXPECT_FALSE(source.at_gap());
}

TEST_F(InputSourceTest, TrailingZerosAfterTheLastMemberAreIgnored) {
  const std::string path =
      WriteFile("a.gz", GzipMember("one\n") + std::string(512, '\0'));
  auto source = InputSource::Open(path);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(ReadRest(**source), "one\n");
  EXPECT_TRUE((*source)->TakeGaps().empty());
}

TEST_F(InputSourceTest, CutStreamIsAnError) {
  const std::string member = GzipMember(std::string(5000, 'x') + "\n");
  const std::string path =
      WriteFile("a.gz", member.substr(0, member.size() / 2));
  auto source = InputSource::Open(path);
  ASSERT_TRUE(source.ok());
  std::string all;
  EXPECT_FALSE((*source)->ReadAll(&all).ok());
  EXPECT_NE((*source)->status().message().find("unexpected end of file"),
            std::string::npos);
}

TEST_F(InputSourceTest, DamagedJsonLinesMemberLosesOnlyItsLines) {
  const std::string one = GzipMember("{\"title\":\"one\"}\n");
  const std::string two = Damaged(GzipMember("{\"title\":\"two\"}\n"));
  const std::string path = WriteFile(
      "a.jsonl.gz", one + two + GzipMember("{\"title\":\"three\"}\n"));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[1].title, "three");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin,
            path + ":offset " + std::to_string(one.size()));
}

}  // namespace
}  // namespace chancery
