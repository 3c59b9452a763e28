#include "common/base/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace chancery {
namespace {

TEST(Status, ToStringNamesTheCode) {
  EXPECT_EQ(Status::Ok().ToString(), "ok");
  EXPECT_EQ(Status::InvalidArgument("bad", "q").ToString(),
            "invalid argument: bad");
  EXPECT_EQ(Status::NotFound("x").ToString(), "not found: x");
  EXPECT_EQ(Status::IoError("x").ToString(), "I/O error: x");
  EXPECT_EQ(Status::Corruption("x").ToString(), "corruption: x");
  EXPECT_EQ(Status::Unavailable("x").ToString(), "unavailable: x");
  EXPECT_EQ(Status::Internal("x").ToString(), "internal error: x");
}

TEST(StatusOr, HoldsAValueOrAnError) {
  StatusOr<std::string> value = std::string("text");
  ASSERT_TRUE(value.ok());
  EXPECT_TRUE(value.status().ok());
  EXPECT_EQ(*value, "text");
  EXPECT_EQ(value->size(), 4u);
  StatusOr<std::string> error = Status::NotFound("no such article");
  EXPECT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), StatusCode::kNotFound);
}

TEST(StatusOr, MovesOutItsValue) {
  StatusOr<std::unique_ptr<int>> owned = std::make_unique<int>(7);
  std::unique_ptr<int> taken = std::move(owned).value();
  EXPECT_EQ(*taken, 7);
}

// Optimised builds: an ok Status becomes an internal error (debug builds
// die on the DCHECK instead; status_debug_test.cc checks that).
#ifdef NDEBUG
TEST(StatusOr, BuiltFromOkStatusIsAnInternalError) {
  StatusOr<int> wrong = Status::Ok();
  EXPECT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kInternal);
  EXPECT_NE(wrong.status().message().find("ok Status"), std::string::npos);
}
#endif

TEST(StatusOrDeathTest, ValueOnAnErrorAbortsWithItsMessage) {
  StatusOr<int> error = Status::IoError("cannot read /data/index");
  EXPECT_DEATH((void)error.value(),
               "StatusOr::value\\(\\) on an error: I/O error: cannot read "
               "/data/index");
  EXPECT_DEATH((void)*error, "cannot read /data/index");
  StatusOr<std::string> text = Status::Corruption("bad document data");
  EXPECT_DEATH((void)text->size(), "corruption: bad document data");
  EXPECT_DEATH((void)std::move(text).value(), "bad document data");
}

}  // namespace
}  // namespace chancery
