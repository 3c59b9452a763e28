#include "common/base/hash.h"

#include <gtest/gtest.h>

#include <string>

namespace chancery {
namespace {

// Published FNV-1a 64 test vectors: checksums in model files and derived
// article ids depend on these never changing.
TEST(HashTest, Fnv1a64KnownValues) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(HashTest, ExtendHashesTheConcatenation) {
  EXPECT_EQ(Fnv1a64Extend(Fnv1a64("foo"), "bar"), Fnv1a64("foobar"));
  EXPECT_EQ(Fnv1a64Extend(Fnv1a64(""), ""), Fnv1a64(""));
  EXPECT_EQ(Fnv1a64("foobar", 7), Fnv1a64Extend(kFnv1aOffset ^ 7, "foobar"));
}

// The same results at run time as at compile time: one definition.
TEST(HashTest, RunTimeEqualsCompileTime) {
  constexpr uint64_t kCompiled = Fnv1a64("chancery", 3);
  std::string text = "chancery";
  volatile uint64_t seed = 3;
  EXPECT_EQ(Fnv1a64(text, seed), kCompiled);
}

}  // namespace
}  // namespace chancery
